"""Module 05, review 74: question 6's second "interest" wording stated a belief as fact
(X1), the capstone's line on bluffing about a limit (module 00's C1), the reflection's
weight on the letter's shortfall (E1), the steps that shrink (C1) and the list terms as an
asking position (C2)."""

from pathlib import Path

import course
from course.grader_keys import own_case_labels
from course.scenarios.capstone import _STATEMENT_FAMILIES, statement_key

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_every_interest_wording_states_only_what_the_seller_knows():
    """X1: "We understand your lines need sensors soon..." stated Tallis's reading of
    Marlow's need as a fact (section 2 holds it as a belief, and "Keep a belief a belief"
    warns against stating it), so a learner keeping it quiet for the module's own reason
    lost marks. Each interest wording now names only Marlow's request, which Tallis heard,
    and is still said (keys, scenario and check agree). Failed on the old text."""
    kinds = own_case_labels("05_capstone", "statements")
    interest = [text for text, kind in kinds.items() if kind == "interest"]
    assert len(interest) == 2
    family = next(f for f in _STATEMENT_FAMILIES if interest[0] in f)
    assert set(family) == set(interest)
    for text in interest:
        assert text.startswith("You asked for"), text
        for belief in ("need", "understand", "lines", "soon"):
            assert belief not in text, (belief, text)
    seen = set()
    for n in range(60):
        case = course.variant("05_capstone", f"learner-{n}")
        key = statement_key(case)
        for letter, text in case.statements.items():
            if text in interest:
                seen.add(text)
                assert key[letter] == "say", (n, text)
    assert seen == set(interest)

