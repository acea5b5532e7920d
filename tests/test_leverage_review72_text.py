"""Module 00, review 72: module 02's labels named as module 02 names them (C1), question 2's
bands and bounds (X2, U3), the salary case's valuation tactic (X3), the salary case's drawn
alternatives (U4), section 5's wording (C2, U2) and the length of the learner text (U1).
Each test failed on the text or code before this round."""

import re

from tests.notebooks import source_notebook


def _cell(grade_id):
    cells = source_notebook("00_leverage", "leverage").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


def _flat(grade_id):
    return " ".join(re.sub(r"^# ?", "", _cell(grade_id), flags=re.M).split())


def test_module_02s_labels_are_named_as_module_02_names_them():
    """C1: the closing note called module 02's first label an "honest mention"; module 02's
    question 7 then graded "plain statement". Review 80 C3 moved module 02 to this module's
    kinds (a warning is legitimate), so module 00 names no label of module 02's own, and no
    other name is given to them."""
    text = " ".join(
        " ".join(c.source.split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )
    assert "*plain statement*" not in text and "plain statement" not in text
    assert "A *warning* is legitimate too" in text
    assert "honest* mention" not in text and "honest mention" not in text
    assert not re.search(r"\bhonest\b", text)


def test_no_reading_the_story_supports_is_refused_by_question_2s_band():
    """X2: the supplier band refused an audit that puts Vell strongly ahead, e.g. (4, 4, 2)
    against (7, 3, 8) weighed (0.3, 0.2, 0.5), -3.70: Vell holds the patent on the lid in use
    now and a switch takes three months. It passes now, with a note; a strong lead of yours,
    which turns on clients nobody outside Vell knows of, is still refused. Swept over the
    four cases: each band refuses only the strong lead its story rules out."""
    import course
    from course.checks import leverage as check
    from course.scenarios.leverage import CASES, NOT_STRONGLY_THEIRS, NOT_STRONGLY_YOURS, SOURCES

    def audit(yours, theirs, weights):
        return {
            k: dict(zip(SOURCES, v, strict=True))
            for k, v in (("yours", yours), ("theirs", theirs), ("weights", weights))
        }

    bands = {k: next(r for r in c._rules if r.kind == "band").readings for k, c in CASES.items()}
    assert bands == {
        "salary": NOT_STRONGLY_THEIRS,
        "supplier": NOT_STRONGLY_YOURS,
        "sole-source": NOT_STRONGLY_YOURS,
        "deadline": NOT_STRONGLY_THEIRS,
    }
    supplier = [
        s
        for s in (course.variant("00_leverage", f"x2-{i}") for i in range(40))
        if s.case == "supplier"
    ]
    assert supplier
    for s in supplier:
        strong_vell = audit((4, 4, 2), (7, 3, 8), (0.3, 0.2, 0.5))
        check.judge_audit(s, strong_vell)  # passes
        assert "not a fault" in check._off_the_line(s, *strong_vell.values())
        other = audit((5, 5, 3), (7, 3, 8), (0.3, 0.2, 0.5))  # a second strong-Vell reading
        check.judge_audit(s, other)


def test_every_valuation_or_limit_bluff_is_plainly_a_claim_about_your_own_figure():
    """X3: "Tell Larkfield you value your work at no less than 100,000 a year, when you would
    sign for 90,000" was keyed a bluff only, but "I value my work at 100,000" reads as a
    sincere estimate of market worth, true even of someone who would sign for 90,000. Every
    bluff that is not a threat now states the speaker's own limit or what something is worth
    *to you*, as section 6 defines a bluff; the salary one says so as the other cases do."""
    import json
    from pathlib import Path

    from course.scenarios.leverage import _TACTICS

    path = Path(__file__).resolve().parents[1] / "grader-keys" / "00_leverage.json"
    keys = json.loads(path.read_text(encoding="utf-8"))["tactics"]
    own = re.compile(
        r"worth .* to you|least you would accept|lowest rent you will accept"
        r"|will not go above|more than you will pay"
    )
    bluffs = [t for t, (kind, also, _) in keys.items() if kind == "bluff" and not also]
    assert len(bluffs) == 8
    for text in bluffs:
        assert own.search(text), text
    assert not any("value your work" in t.text for t in _TACTICS)
    salary = [t for t in bluffs if "Larkfield that no salary under 100,000" in t]
    assert salary == [
        "Tell Larkfield that no salary under 100,000 would be worth the move to you, when you "
        "would sign for 90,000."
    ]


def test_the_salary_case_never_draws_your_alternatives_above_the_cases_own_8():
    """U4: learners were shown "your alternatives 9" (16 of sweep-0 .. sweep-299), close to
    "overwhelming", for one written offer whose terms the story never gives and one final
    round. The draw now caps that rating at the case's own 8, and still gives 7 and 8."""
    import course
    from course.scenarios.leverage import CASES

    top = CASES["salary"]._yours["alternatives"]
    assert top == 8
    seen = set()
    for i in range(300):
        s = course.variant("00_leverage", f"sweep-{i}")
        if s.case == "salary":
            assert s.yours["alternatives"] <= top, s.learner
            seen.add(s.yours["alternatives"])
    assert seen == {7, 8}


def test_question_2_states_its_bounds_and_section_5_says_what_rises():
    """U3: question 2 said only "within bounds the course sets on the weights ... on a few
    single ratings"; the learner met the bounds when a graded audit was refused. It now
    lists them in one sentence, each the bound the check enforces. C2: section 5 said "the
    audit records that fall once, in Brannock's alternatives", where that rating rises.
    U2: section 5's 27-line bullet is three short paragraphs."""
    from course.scenarios.leverage import CASES, WEIGHT_CAP, WEIGHT_FLOOR

    q2 = _flat("q2-text")
    # review 86 U6: a list, one bound to an item
    assert (
        f"- every weight from {WEIGHT_FLOOR} to {WEIGHT_CAP}, and no rating below 1; - the two sides "
        "not rated the same on every source; - no strong lead (2.5 points or more) the story "
        "rules out; - information weighs at least 0.15 (down to 0.1 passes, with a note), or 0.2 in "
        'case `"supplier"`; in cases `"sole-source"` and `"deadline"`, power or alternatives '
        "weighs more than information."
        in q2  # review 106 U5: ends with a full stop; review 87 U1: information's bound stated once
    )  # review 77 X3: the supplier case's floor on information; review 80 U5: either source
    tops = {k for k, c in CASES.items() if any(r.kind == "weight_top" for r in c._rules)}
    assert tops == {"sole-source", "deadline"}
    shift = _flat("shift-teaching")
    assert "records that fall" not in shift and "as a rise in Brannock's alternatives" in shift
    for head in ("**What passes.**", "**The rule.**"):  # review 77 U3: the ladder is in 4
        assert f"\n\n{head}" in _cell("shift-teaching"), head
    bullet = _cell("shift-teaching").split("- **When to spend**")[1].split("\n\n")[0]
    assert bullet.count("\n") <= 1
