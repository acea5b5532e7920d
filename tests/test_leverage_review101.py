"""Review 100 of module 00 (fixed in round 101): C1, U1, U2 and U3. Each test fails on the
text before its fix."""

import course
from course.models.audit import signed
from course.scenarios.leverage import CASES, _widget_news
from tests.notebooks import source_notebook
from tests.sweeps import cell_text
from tests.test_leverage_review88 import _widget_run

MODULE = "00_leverage"


def _cell(grade_id, module=MODULE, name="leverage"):
    return " ".join(cell_text(module, name, grade_id).replace("#", " ").split())


def test_c1_the_deadline_run_waits_for_the_reason_the_rule_names_and_shows_what_it_cost():
    """C1: section 5 said the 98% owner "would have asked at the first reach" and that a
    deadline of Brannock's "would have been an argument for waiting", as if the run had
    none; but the story gives Brannock a deadline, the run's first item says it cannot
    slip, and the take-away rule and question 4c's model answer both wait for it. The text
    now says this owner could see that reason, and what waiting brought: one item up to
    the peak, then a rival warehouse for Brannock, then a balance below the bar. Every
    figure is the widget's run of the deadline case, computed here."""
    shift = _cell("shift-teaching")
    run = _widget_run("deadline")
    labels = list(run)
    news = {f"N{i}": n for i, n in enumerate(_widget_news("deadline"), 1)}
    (bar,) = [b for b, ask in CASES["deadline"].asks if "at 98% of your full rent" in ask]
    first = next(label for label in labels if run[label] >= bar)
    peak = max(run, key=run.get)
    after, below = labels[labels.index(peak) + 1], labels[labels.index(peak) + 2]
    # the bar is first reached at the first item, an item before the peak
    assert first == "N1" and labels.index(peak) == labels.index(first) + 1
    assert f"sets the bar at ${signed(bar)}$ points, first reached an item before the peak." in (
        shift
    )
    # the reason to wait was visible then: Brannock's deadline, which the first item holds
    assert "cannot slip" in news[first].text
    assert (
        # review 102 C3 (round 103): no hard deadline, but an empty month still costs rent;
        # review 114 C3: the owner could wait only briefly, since the same deadline ends its
        # chance of this tenant (as question 4c's model answer says)
        "This owner could, briefly: the first item showed Brannock's deadline cannot slip "
        "(ending the owner's chance of this tenant too), and the owner faces no hard "
        "deadline, only the smaller running cost of an empty warehouse." in shift
    )
    # waiting paid for one item; the next gave Brannock a warehouse on the line (still at or
    # above the bar), and the one after left the balance below it
    assert (news[after]._side, news[after]._source) == ("them", "alternatives")
    assert news[after]._change > 0 and "beside the same rail line" in news[after].text
    assert run[after] >= bar > run[below]
    # review 112 U1 (round 113): shorter; the figures and the warning kept. Review 114 U3:
    # the ask is fixed, so "waiting paid" said what the course's rule cannot pay; the peak
    # is what a larger ask on the ladder (five months ahead, +3.25) would have needed
    assert "Waiting paid" not in shift
    assert (
        f"The next item was the peak (${signed(run[peak])}$, enough for five months ahead); "
        f"two items later it was below the bar (${signed(run[below])}$), as **What passes** "
        "warns." in shift
    )
    # section 5 now agrees with the take-away rule and question 4c's model answer
    assert (
        # review 110 C1 (round 111): one rule on waiting, section 5's, with the deadline case
        "unless you can already see a cost of delay that falls on them far more than on you; "
        "a deadline that ends your deal too supports only a short wait" in _cell("summary")
    )
    answer = _cell("spend-judgement")
    assert f"When the balance first reached the bar ({signed(run[first])})" in answer
    # review 108 C5: the lease end presses the owner too, so the model answer calls it
    # two-sided from the start, as question 4c's rubric does
    assert "Brannock's lease ends in six weeks: a two-sided reason, not a one-way one." in answer
    for gone in ("would have asked at the first reach", "would have been an argument for waiting"):
        assert gone not in shift, gone
    assert "bets on no unseen news" not in shift


def test_u1_question_4b_s_bar_is_as_it_says_for_learners_with_and_without_a_prepared_ask():
    """U1: question 4b called ``scenario.bar`` "question 3c's ask or a smaller one", false
    for a learner with no prepared ask (``prepared_ask`` None). It now says what the ask is
    then: an ask of the talks' own. Over a sweep, both kinds of learner occur; the talks'
    (bar, ask) is always a rung of the case's ladder, and where a prepared ask exists, that
    ask's rung or a lower one."""
    q4b = _cell("q4b-text")
    assert (
        "`scenario.bar` is the bar of the ask made during the talks: question 3c's ask or a "
        "smaller one, your fallback ask (if `scenario.prepared_ask` is `None`, an ask of its own)."
        in q4b  # review 106 U1: the smaller ask named "your fallback ask"
    )
    kinds = set()
    for i in range(200):
        s = course.variant(MODULE, f"sweep-{i}")
        ladder = list(CASES[s.case].asks)
        assert (s.bar, s.ask) in ladder, s.learner
        kinds.add(s.prepared_ask is None)
        if s.prepared_ask is not None:
            assert ladder.index((s.bar, s.ask)) <= ladder.index(s.prepared_ask), s.learner
    assert kinds == {True, False}


def test_u2_section_3_names_the_deal_me_out_result_before_the_closing_note_cites_it():
    """U2: the closing note cited "the deal-me-out model", a name section 3 never used. Section
    3's limit on outside options now gives module 03's name for the rule it states, as
    module 03 defines it."""
    limits = _cell("audit-limits")
    # review 110 U4 (round 111): the name now stands where its rule is stated, not before it
    assert (
        "counts only when it beats what the deal would give you anyway (module 03's "
        "*deal-me-out* result)." in limits
    )
    assert "The deal-me-out model is Shaked and Sutton's (1984)" in _cell("summary")
    cells = (" ".join(c.source.split()) for c in source_notebook("03_power", "power").cells)
    power = " ".join(cell for cell in cells if "The **deal-me-out** result" in cell)
    assert "the responder's share is the larger of its share at the table and $b$" in power


def test_u3_question_1_says_plainly_what_question_4a_accepts_for_news_of_a_weakness():
    """U3: "Question 4a allows two readings of news of one." read like a typo. It now says
    question 4a accepts a second reading of news revealing such a weakness, and says why;
    question 4a gives that reason (tests/test_leverage_review100.py checks that its check
    accepts the second reading). Review 102 C4 (round 103) adds the reason after "says why",
    so the pin stops before the full stop."""
    q1 = _cell("q1-text")
    assert "news of one" not in q1
    # review 103 U2 (round 105): the pointer to question 4a is gone from question 1 (the
    # learner has met neither news nor ratings there); the rule stays, and 4a says the rest
    assert "By the first question, knowing a weakness of theirs is your information." in q1
    assert "Question 4a" not in q1
    assert "may show you rated the row it weakens too high" in _cell("q4-text")
