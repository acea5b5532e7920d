"""Review 108 of module 00 (fixed in round 109): E1 with C1 and C2, C4, C5, U3, U4, U2 and
C3. Each test fails on the text or code before its fix."""

import course
from course.checks import leverage as check
from course.models.audit import leverage_balance, reading_verdict
from course.models.batna import nash_split
from course.scenarios.leverage import _NEWS, _PRACTICE_NEWS, news_key, news_readings
from tests.test_leverage_review107 import _cell, _hint

MODULE = "00_leverage"


def test_e1_c1_c2_one_rule_for_news_revealing_a_weakness_of_theirs():
    """E1, C1, C2: question 4a accepted "their alternatives down" for news revealing a
    weakness of theirs but refused "your power up" on a reason ("you learned it") that
    refused both; section 5 let a dependence go on either row; and the hint for "your
    alternatives up" said the item "does not move alternatives", false for the reading it
    accepts. Now one rule: such news is recorded once, as your information or as the one
    dependence it shows, from either row; a new option goes on the row section 2's
    questions pick. The near-miss hint is picked by source first. A sweep of 1,000 learners
    (id-0..999): 808 such items (800 learners); before, information 808, their
    alternatives 808, your power 0 accepted, and "your alternatives up" got "does not move
    alternatives" 808 times; now all three readings 808, and the near misses are told
    "source right, side not" 808 times each. Review 112 C1 (round 113) refuses your power up
    again, with section 2's reason, so this test now pins two readings; "your alternatives
    up" is still told "source right, side not", and "their power down" now "does not move
    power" (power is no accepted source); tests/test_leverage_review113.py pins the refusal."""
    q4a = _cell("q4-text")
    assert "rules power out" not in q4a
    assert (
        # review 110 C2 (round 111): the news the rule covers, named so it can be told
        "News in which you learn of a weakness or deadline of theirs may show you rated the row it weakens too high: "
        "lower that row or raise your information, one move only. Each earns the item. Not "
        "your power: the news is about them, and it changes what you know, not what you hold "
        "(section 2)." in q4a
    )
    sources = _cell("sources-teaching")
    assert (
        # review 110 C2 (round 111): the same test of the news as question 4a's
        # review 112 C1, U3 (round 113): rows are section 3's word; your power ruled out
        "News goes into the one rating these questions pick, with one exception: when you "
        "learn of a weakness or deadline of theirs, you may lower the rating of theirs it "
        "weakens instead of raising your information, but never raise your power "
        "(question 4a)." in sources
    )
    shift = _cell("shift-teaching")
    assert "Had your audit weighed this dependence through the owner's power" not in shift
    # review 110 (round 111): its repeat "A specific other option, it goes on that row
    # only." is cut; the change is still recorded once, on the one row
    assert "The audit records that change once, as a rise in Brannock's alternatives" in shift
    assert not hasattr(check, "LEARNED_NOT_POWER")

    seen = 0
    for n in range(200):
        s = course.variant(MODULE, f"id-{n}")
        readings = news_readings(s)
        for label, (side, source, change) in news_key(s).items():
            k = abs(change)
            if len(readings[label]) == 1:
                continue
            seen += 1
            assert (side, source, change) == ("you", "information", k)
            assert readings[label] == (
                ("you", "information", k),
                ("them", "alternatives", -k),
            )
            for reading in readings[label]:
                assert _hint(s, label, reading) is None, (s.learner, reading)
            hint = _hint(s, label, ("you", "alternatives", k))
            assert "source is right, the side is not" in hint, hint
            assert "does not move" not in hint
            # review 112 C1 (round 113): with your power refused, power is no accepted
            # source, so their power down is told so, no longer "source right, side not"
            hint = _hint(s, label, ("them", "power", -k))
            assert "does not move power" in hint, hint
    assert seen >= 150
    # the widget says what the check does
    for item in _NEWS + _PRACTICE_NEWS:
        if item._weakens:
            said = reading_verdict(
                ("you", "power", True), (item._side, item._source, item._change), item._weakens
            )
            assert said.startswith("Not quite: the weakness it reveals is theirs"), said


def test_c4_a_prepared_ask_made_later_says_why():
    """C4: where question 4b's ask is question 3c's, prepared for the first meeting, the
    text never said why 4b makes it only when news lifts the balance. It now says: if the
    preparation came to nothing, you hold the ask until the news brings your balance to its
    bar. Over 1,000 learners, 127 have the same ask in both, and none starts at its bar."""
    same = 0
    for n in range(300):
        s = course.variant(MODULE, f"id-{n}")
        if s.prepared_ask is None or s.prepared_ask[1] != s.ask:
            continue
        same += 1
        assert round(leverage_balance(s.yours, s.theirs, s.weights) - s.bar, 9) < 0
        shown = " ".join(s.show("news").markdown.split())
        assert (
            "It is question 3c's ask; question 4b leaves your preparation out: if it came to "
            "nothing, you hold this ask until the news brings your balance to its bar." in shown
        ), s.learner
    assert same >= 20


def test_c5_the_model_answer_calls_the_lease_end_two_sided_as_the_rubric_does():
    """C5: the rubric says a deadline that would also end the learner's deal is no one-way
    reason, yet its model answer called Brannock's lease end "a foreseeable reason to
    wait". It now calls it two-sided from the start."""
    answer = _cell("spend-judgement").split("A full-marks answer")[1]
    assert "that is a foreseeable reason to wait" not in answer
    assert "Brannock's lease ends in six weeks: a two-sided reason, not a one-way one." in answer
    assert "each week without a deal costs Brannock more than me. But those six weeks" in answer
    # review 110 C1 (round 111): the rubric now states section 5's rule, which the answer's
    # "A short wait still favours me" applies
    assert "a deadline that would also end the learner's deal supports only a short wait" in (
        _cell("spend-judgement")
    )
    assert "A short wait still favours me" in answer


def test_u3_the_limits_say_how_much_a_breakdown_payoff_helps():
    """U3: "every gain in what you would get helps you a little (module 02)" hid the number
    module 02 teaches: in its Nash split (the cell names module 02, not the split, as an
    earlier pin asks), half of a gain in your breakdown payoff goes to
    your share, while a deal still beats both alternatives. Checked on module 02's split."""
    bullet = _cell("audit-limits").split("It counts every alternative alike")[1]
    assert "helps you a little" not in bullet
    assert (
        "then half of any gain in what you would get goes to your share, while a deal still "
        "beats both sides' alternatives (module 02)." in bullet
    )
    for pie, mine, theirs, gain in ((100, 20, 40, 10), (100, 0, 30, 25), (80, 10, 10, 5)):
        before, _ = nash_split(pie, mine, theirs)
        after, _ = nash_split(pie, mine + gain, theirs)
        assert pie > mine + gain + theirs
        assert abs((after - before) - gain / 2) < 1e-9


def test_u4_the_flat_examples_say_the_tenant_can_stay_while_talking():
    """U4: whether a flat is an outside option or the breakdown point depends on whether the
    tenant can stay while talking; neither flat example said. Both now do."""
    bullet = _cell("audit-limits").split("It counts every alternative alike")[1]
    assert (
        # review 112 U6 (round 113): in the outside option's own bullet, which says walking out
        "If your tenancy rolls on while you talk, a flat you could move to by walking out "
        "lowers the rent only if" in bullet
    )
    reflection = _cell("reflection")
    assert "What the sum misses: my tenancy rolls on, so moving is my choice" in reflection


def test_u2_the_threat_law_is_one_plain_line_with_the_list_in_a_side_note():
    """U2: section 6's main text carried the Restatement's list of improper threats, "tort"
    and "voidable for duress". The main text now has one plain line; the list is in a side
    note."""
    ethics = _cell("ethics-teaching")
    main, note = ethics.split("<summary><b>Threats in law</b> (a side note)</summary>")
    main = main.split("<details>")[0]
    for legal in ("§176", "tort", "voidable", "civil process"):
        assert legal not in main, legal
        assert legal in note, legal
    assert (
        "The law calls some threats improper, and they are illegitimate pressure: threatening "
        "a crime, or a lawsuit you know is baseless, for example (*Threats in law*, below). "
        "A deal forced by one may be undone." in main
    )


def test_c3_the_ladder_says_its_quarter_steps_only_rank_asks():
    """C3: the ladder turns each quarter point into a percentage point, though the module
    says ratings can hardly show under half a point. It now says what the quarter steps are
    and are not: they rank asks; in a real case neighbouring asks are one call, settled by
    what being turned down would cost."""
    shift = _cell("shift-teaching")
    assert (
        "the exercises count finer to stay exact. So the quarter steps only rank asks: in a "
        "real case, neighbouring asks are one call, settled by what being turned down would "
        "cost." in shift
    )
    assert "so in a real case recheck your ratings before a choice that turns on less" not in (
        shift
    )
