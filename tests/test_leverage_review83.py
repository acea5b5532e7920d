"""Review 82 (module 00), fixed in round 83: each test below failed on the old code or text."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_c1_sections_2_and_5_agree_that_4a_puts_a_revealed_weakness_in_your_information():
    """Review 82 C1: section 2 said a weakness of theirs is rated once, in their row, and adds
    to your information only what knowing it lets you do; section 5 and question 4a's key
    put all of a revealed weakness in your information. Both places now say question 4a's
    news does that, as a simplification, and what it leaves out (their row). Fails on the
    old text."""
    sources = _markdown("sources-teaching")
    # review 83 U2 cut this first statement; review 87 C1 moved section 5's into question 4a
    assert "(question 4a's news simplifies" not in sources
    # review 89 C1: question 4a now accepts either reading, and says so (review 90 C1: in
    # the words every place uses)
    assert (
        # review 99 C1: with its reason, in question 4a's own words
        "may show you rated the row it weakens too high: lower that row or raise your information"
        in _markdown("q4-text")
    )


def test_c2_the_opening_rests_on_a_fact_that_carries_your_leverage():
    """Review 82 C2: section 5 said to open ambitiously with a figure grounded in a fact
    "however the balance stands", cutting the opening loose from leverage, while the course
    (CONTENT.md idea 6) grounds it in your leverage. The opening now rests on a fact that
    carries your leverage, and the balance sets how far past that fact it can go. Fails on
    the old text."""
    rule = _markdown("shift-teaching").split("**The rule.**")[1].split("Set the ask's bar")[0]
    assert "however the balance stands" not in rule
    # review 86 U5: one line grounds the opening in your leverage and points to module 04
    assert "Opening offers, grounded in your leverage, are module 04's." in rule


def test_u3_the_4c_rubric_never_calls_the_learner_theirs():
    """Review 82 U3: question 4c's rubric gave the learner's own clock as "a payment of
    theirs falling due, an alternative of theirs that may lapse", where everywhere else in
    the module "theirs" means the other side. It now says the learner's own. Fails on the
    old text."""
    rubric = _markdown("spend-judgement")
    assert " of theirs" not in rubric
    assert "(a payment of the learner's own falling due, an alternative of the learner's" in rubric


def test_c3_the_ladder_says_its_rate_per_point_is_no_price_forecast():
    """Review 82 C3: section 3 says the balance is not a prediction of a price, yet question
    3c's ladder ties each quarter point to a share of pay, price or rent. Question 3c now
    says that rate per point is a classroom device, not a price forecast. Fails on the old
    text."""
    assert "its balance is not a prediction of a price" in _markdown("audit-limits")
    ladder = _markdown("shift-teaching")  # review 88 U3: the ladder is section 5's
    assert (
        "or one more month of rent paid ahead; that rate per point is a classroom device, not a "
        "price forecast." in ladder
    )


def test_u2_question_3c_says_plainly_which_ask_section_5_tests():
    """Review 82 U2: question 3c's "The ask under your news in section 5 is that one, a
    smaller fallback, or your only ask" took a second reading. It now says section 5's news
    tests one ask, names the three ways in order, then gives its bar; review 81's
    test (tests/test_leverage_review82.py) checks over a sweep that each way occurs. Fails on
    the old text."""
    q3c = _markdown("q3c-text")
    assert "The ask under your news" not in q3c
    # review 83 U1 names the two bars instead (tests/test_variants_sweep_leverage.py)
    # review 86 U3: plainly (tests/test_leverage_review86.py)
    # review 89 U2: without pointing forward to question 4b
    # review 96 U4: in question 4b, which uses it, no longer in 3c
    assert "`scenario.bar` is the bar of the ask made during the talks" in _markdown("q4b-text")
    assert "`scenario.bar`" not in q3c


def test_x1_only_a_know_how_item_is_told_that_knowing_how_is_not_knowing_that():
    """Review 82 X1: a fact or news item wrongly filed as information was always told that
    "knowing how to do something is not knowing that something is true", noise for an item
    such as a rival's offer. Now only an item that names know-how (the salary case's
    engineers "who know how to run the streaming system") gets that line. Fails on the old
    code, which gave it to every item."""
    import pytest

    import course
    from course.checks import leverage as check
    from course.checks.hints import NotYet
    from course.scenarios.leverage import fact_key, news_key

    line = "knowing how to do something is not knowing that something is true"
    told, checked = set(), 0
    for i in range(40):
        s = course.variant("00_leverage", f"sweep-{i}")
        items = [
            (check.judge_fact, letter, s.facts[letter], fact_key(s)[letter][::-1])
            for letter in s.facts
        ] + [
            (check.judge_news_item, label, s.news[label][0], news_key(s)[label]) for label in s.news
        ]
        for judge, label, text, (side, source, *rest) in items:
            if source == "information":
                continue
            wrong = (side, "information", *rest)
            answer = {label: wrong[::-1] if judge is check.judge_fact else wrong}
            with pytest.raises(NotYet) as hint:
                judge(s, label, answer)
            checked += 1
            if line in str(hint.value):
                told.add(text)
    assert checked > 100
    assert told == {
        "You are one of the few engineers who know how to run the streaming system Larkfield is "
        "launching."
    }


def test_u1_cross_references_with_nothing_to_do_are_cut_and_the_module_is_shorter():
    """Review 82 U1: a learner met "section 5 says", "module 03 adds" and "the closing notes
    give" dozens of times. Pointers that gave nothing to do are cut (eleven in sections 1 to
    6), paying for this round's additions: the module's markdown is below 6,255 words, its
    count before the round (6,228 after). Fails on the old text."""
    import json
    import re

    from tests.conftest import ROOT

    cells = {
        grade_id: _markdown(grade_id)
        for grade_id in ("what-teaching", "build-teaching", "shift-teaching", "ethics-teaching")
    }
    text = " ".join(cells.values()) + _markdown("audit-teaching")
    for gone in (
        "(the closing notes say more)",
        "(the closing notes give the research)",
        "(the closing notes give findings)",
        "(the closing notes give a case)",
        "(modules 01, 02 and 04)",
        "is module 01's",
        "(module 02 works it out)",
        "as module 01 also does",
        "(modules 02 to 04)",
        "(see *a bluff*, next)",
        "(question 4b asks for that item)",
    ):
        assert gone not in text, gone
    path = ROOT / "release" / "00_leverage" / "leverage.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    # review 83's fixes (round 84) cut 6,228 -> 6,170; the cap follows
    assert len(re.sub("<[^>]+>", " ", markdown).split()) <= 6170
