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


def test_the_letters_shortfall_is_weighed_by_the_chance_of_no_deal():
    """E1: reflection part 1 and its rubric weighed the letter's shortfall by the chance of
    Quell, but the shortfall is paid only in talks that end without a deal. In the model
    case (learner-1354) the unsigned plan stops at 57 points, below Marlow's 62 with Quell,
    while the signed one reaches 63 at a profit of 90 (81 net): signed, the talks need not
    fail, and the letter costs 0.38 x 0.25, about 0.1, not 0.38 x 16.25. The prompt, the
    rubric and the model answer now say so. Failed on the old text."""
    from course.scenarios.capstone import batna_of, plan_of, quell_posterior

    case = course.variant("05_capstone", "learner-1354")
    chance, worth = quell_posterior(case), batna_of(case)[1]
    assert max(row[2] for row in plan_of(case)) < case.reservation_if_quell
    signed = plan_of(case, floor=case.brenn_letter + case.audit_cost)
    profit = next(row[1] for row in signed if row[2] >= case.reservation_if_quell)
    net = profit - case.audit_cost
    assert (net, worth - net, round(chance * (worth - net), 1)) == (81, 0.25, 0.1)
    assert round(worth - case.brenn_letter, 2) == 16.25
    prompt = _section("reflection-text")
    assert "by your chance that Quell has capacity" not in prompt
    assert "if not, say what the letter would have cost you" in prompt  # review 79 U2
    rubric = _section("reflection")
    assert "the shortfall weighed by question 3's chance of Quell," not in rubric
    assert "weighed by Quell's 0.38 chance" not in rubric
    # review 90 M1: the package is step 8 of the signed plan, past the four steps that fit,
    # so signed talks with Quell still fail: 0.38 x 16.25 (tests/test_capstone_review90b.py)
    assert f"(63 points, {net:g} net): no failed talks" not in rubric
    # review 98 C1 (round 100): the reference plan reaches it at step 3, in time, so the
    # answer sets that deal against Brenn plus the audit (tests/test_capstone_review90b.py)
    assert f"{chance:.2f} × {worth - case.brenn_letter:g} ≈ 6.2" not in rubric
    # the instructor note that said it again was cut in review 86 U1; the rubric's part 1
    # keeps the rule (the shortfall weighed by the chance that signed talks still fail)
    assert "weighed by the chance that talks with the letter still end without a deal" in rubric


def _shrinking_path(profits, k, steps):
    """Whether packages 0 < i1 < ... < k of a plan (profits in its order) can be sent in at
    most ``steps`` steps, none costing more than the one before."""

    def go(i, last, left):
        if i == k:
            return True
        return left > 0 and any(
            go(j, profits[i] - profits[j], left - 1)
            for j in range(i + 1, k + 1)
            if profits[i] - profits[j] <= last
        )

    return go(0, float("inf"), steps)


def test_a_far_quell_package_is_reached_by_skipping_early_not_by_growing_steps():
    """C1: 'How many steps fit' told a learner whose Quell package lies more than four steps
    down to take larger steps once Marlow's answers point to Quell, that is, steps that
    grow late, against question 7's shrinking subsequence two paragraphs on. It now says
    to skip packages early so that the steps still shrink; for every such learner drawn, a
    shrinking path of at most four steps to that package exists. Failed on the old text."""
    from course.scenarios.capstone import ANSWERS, if_quell_of, plan_of

    plan = _section("plan-teaching")
    assert "take larger steps through the plan" not in plan
    # review 79 C1: the packages are sent in order at this table; passing over one is
    # question 7's advice for a human table
    assert "skip packages early" not in plan
    # review 83 C2: the human-table advice is one line before the rule's table (test_review84)
    # review 90 (C1, U1, U3): removed on purpose
    assert "prefer shrinking steps" not in _section("plan-teaching")
    far = 0
    for n in range(200):
        case = course.variant("05_capstone", f"learner-{n}")
        kind, k = if_quell_of(case)
        if kind == "jump":
            far += 1
            profits = [row[1] for row in plan_of(case)]
            assert _shrinking_path(profits, k, ANSWERS), case.learner
    assert far > 5


def test_list_terms_are_an_asking_position_that_does_not_move_the_target():
    """C2: section 4 called the list terms a fact that grounds the opening, while section
    5 keeps the target at the even split for want of such a fact, and module 02 moves the
    target when a fact carries the opening. Section 4 now says the list terms are your own
    ask, not evidence, so unlike a rival's price they do not move the target. Failed on
    the old text."""
    opening = _section("opening-teaching")
    assert (
        "with no fact, such as a rival's price, to back more" in opening  # review 110 C2
    )  # review 78 C2: the list terms and the rush cost are the facts that do not
    # review 101 U4: section 5 names module 02's rule; the rival's price is section 4's
    # review 102 E1: not module 02's rule (its even split); review 108 C2: module 02's lowest
    assert "nearest the zone's half-way point, at or above it" in " ".join(
        _section("plan-teaching").split()
    )
