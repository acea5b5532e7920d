"""Review 110 of module 00 (fixed in round 111): C1, C2 with X1, U4 and U5. Each test fails
on the text or code before its fix."""

import contextlib
import io
import re
from itertools import product

import course
from course.checks import leverage as check
from course.models.audit import balances_after, reading_verdict
from course.scenarios.leverage import (
    _NEWS,
    _PRACTICE_NEWS,
    CASES,
    WEIGHT_CAP,
    WEIGHT_FLOOR,
    ask_moment,
    best_moment,
    news_key,
    news_readings,
)
from course.widgets.audit import LeverageAudit
from tests.test_leverage_review107 import _cell

MODULE = "00_leverage"

#: Section 5's one rule on waiting past the bar, in the words every place uses.
SHORT_WAIT = "A deadline that ends your deal too supports only a short wait."


def test_c1_one_rule_on_whether_their_deadline_is_a_reason_to_wait():
    """C1: section 5 and question 4c's model answer let Brannock's deadline justify a short
    wait, while the take-away asked for "a reason to wait that does not press you too" and
    the rubric called a deadline that also ends the learner's deal "no one-way reason", so
    a learner applying the take-away got the opposite of the worked example. One rule now,
    stated in section 5 and used in the take-away, question 4c's prompt and rubric: a cost
    of delay that falls on them far more than on you is a reason to wait, and a deadline
    that ends your deal too supports only a short wait. The side note on deadlines, which
    stated it a third way ("Time may be on your side when a deadline presses only the
    other side"), now points to section 5."""
    shift = _cell("shift-teaching")
    assert "such as a cost of delay that falls on Brannock far more than on the owner" in shift
    assert (  # review 112 U1 (round 113): section 5's run shows the reason it waited for
        # review 114 C3: briefly, since that deadline ends the owner's chance too
        "This owner could, briefly: the first item showed Brannock's deadline cannot slip" in shift
    )
    assert SHORT_WAIT in shift
    summary = _cell("summary")
    assert "does not press you too" not in summary
    assert (
        "unless you can already see a cost of delay that falls on them far more than on you; "
        "a deadline that ends your deal too supports only a short wait." in summary
    )
    q4c = _cell("q4c-text")
    assert "(a cost of delay falling on them far more than on you," in q4c
    rubric = _cell("spend-judgement")
    assert "no one-way reason" not in rubric
    assert (
        "a deadline that would also end the learner's deal supports only a short wait "
        "(section 5)" in rubric
    )
    # the model answer applies the same rule: the lease end is two-sided, a short wait pays
    answer = rubric.split("A full-marks answer")[1]
    assert "a two-sided reason, not a one-way one" in answer
    assert "A short wait still favours me" in answer
    sources = _cell("sources-teaching")
    assert "Time may be on your side" not in sources
    assert "Whether it is a reason to wait is section 5's rule." in sources
    # no markdown cell states the old rule any more
    for grade_id in ("sources-teaching", "shift-teaching", "q4c-text", "spend-judgement"):
        assert "does not press you too" not in _cell(grade_id), grade_id


def _own_line(monkeypatch, learner, moves):
    """What the own-balances cell prints for ``learner`` on the readings ``moves``."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check.own_balances(lambda: moves)
    return out.getvalue()


def test_c2_x1_every_reading_question_4a_accepts_gives_question_4c_a_moment(monkeypatch):
    """C2 with X1: question 4a accepts three readings of news in which you learn of a
    weakness or deadline of theirs (your information up, their alternatives down, your
    power up); the rows weigh differently, so the readings move the balance by different
    amounts, and question 4c's part 2 ("after the first moment your balance reached the
    bar") is judged on the learner's own readings. The text did not say which news the rule
    covers, nor that the choice moves the balance; and a reading 4a accepts can leave the
    bar unreached, so part 2 had no moment to start from. Chosen fix (grade 4c on any
    accepted reading, not widen question 1): question 4a and section 2 now name the news
    the rule covers, question 4a says the readings move the balance by different amounts,
    question 4c's part 2 says to take the moment the balance came closest when it never
    reached the bar, its rubric counts every accepted reading right, and the own-balances
    cell names the moment part 2 starts from on the learner's own readings.

    The sweep (id-0..999): for 231 learners the first reach depends on which accepted
    reading is chosen, and for 66 of them some accepted reading never reaches the bar (the
    course's own reading always does), so part 2 as worded had no moment. Now every one
    of the 2,648 combinations of accepted readings gets a moment, named in the cell: the
    first reach, or the closest moment. Review 112 C1 (round 113) took out the third reading
    (your power up): 131 learners' first reach now depends on the reading, for 27 some
    accepted reading never reaches the bar, over 1,816 combinations."""
    q4a = _cell("q4-text")
    assert (
        "News in which you learn of a weakness or deadline of theirs may show you rated the "
        "row it weakens too high" in q4a
    )
    assert (
        # review 112 C1 (round 113): "Not your power" now stands between the two
        "Each earns the item." in q4a
        and "The rows weigh differently, so each reading moves your balance by its own amount."
        in " ".join(q4a.split())
    )
    # review 112 C1 (round 113): the same news named, with your power ruled out
    assert "when you learn of a weakness or deadline of theirs, you may lower the rating" in _cell(
        "sources-teaching"
    )
    q4c = _cell("q4c-text")
    assert "If it never did, take the moment it came closest." in q4c
    rubric = _cell("spend-judgement")
    assert "Every reading 4a accepts is right; the cell names its moment." in rubric
    # the news the rule covers is the news the text names: every item with several readings
    # is one in which you learn something of theirs (your information up); the only such
    # item with one reading is good news, not a weakness
    pool = _NEWS + _PRACTICE_NEWS
    learned = {item.text: (item._side, item._source, item._sign) for item in pool}
    weakens = {item.text for item in pool if item._weakens}
    assert all(learned[text] == ("you", "information", 1) for text in weakens)
    plain = [
        text
        for text, move in learned.items()
        if move == ("you", "information", 1) and text not in weakens
    ]
    assert plain == [
        "Your future manager tells you finance has approved the top of the pay band for this post."
    ]
    # the widget's verdict on another accepted reading says it moves the balance differently
    said = reading_verdict(
        ("them", "alternatives", False), ("you", "information", 2), "alternatives"
    )
    assert "the two readings move the balance by different amounts" in said

    depends = never_some = never_course = combos = 0
    for n in range(1000):
        learner = f"id-{n}"
        s = course.variant(MODULE, learner)
        readings = news_readings(s)
        labels = list(s.news)
        asks, never = set(), False
        for combo in product(*(readings[label] for label in labels)):
            moves = dict(zip(labels, combo, strict=True))
            balances = balances_after(s.yours, s.theirs, s.weights, moves)
            reached = ask_moment(balances, s.bar)
            asks.add(reached)
            never |= reached is None
            combos += 1
            moment = reached if reached is not None else best_moment(balances)
            assert check._part_2_at(balances, s.bar) == (moment, reached is not None)
            if combos % 10 == 1 or reached is None:  # the cell itself, on a sample and every miss
                line = _own_line(monkeypatch, learner, moves)
                when = "before any news" if moment == "now" else f"after {moment}"
                if reached is None:
                    assert (
                        f"never reaches your bar, so part 2 starts {when}, where it comes" in line
                    )
                else:
                    assert f"part 2 starts {when}, the first time your balance reaches" in line
                assert "turning" not in line.lower() and "ask now" not in line.lower()
        course_balances = balances_after(s.yours, s.theirs, s.weights, news_key(s))
        never_course += ask_moment(course_balances, s.bar) is None
        depends += len(asks) > 1
        never_some += never
    # review 112 C1 (round 113): your power up is no longer accepted, so fewer readings:
    # (231, 66, 0, 2648) with three readings of a revealed weakness, now two
    assert (depends, never_some, never_course, combos) == (131, 27, 0, 1816)


def test_u4_deal_me_out_is_named_where_its_rule_is_stated():
    """U4: section 3 named module 03's "deal-me-out" result at the end of the outside-option
    bullet, after the flat example, as a label for making "anyway" exact, without saying
    what it is. The name now stands on the sentence that states the result (an option
    reached by walking out counts only when it beats what the deal would give you anyway),
    at no cost in words; the closing note's citation follows it."""
    limits = _cell("audit-limits")
    assert (
        # review 112 U6 (round 113): its own bullet, the name still on the rule's sentence
        "It overrates an option reached only by walking out** (an *outside option*): such an "
        "option counts only when it beats what the deal would give you anyway (module 03's "
        "*deal-me-out* result)." in limits
    )
    assert 'Modules 02 and 03 make "anyway" exact.' in limits  # review 112 U6
    assert limits.index("*deal-me-out*") < limits.index("flat you could move to")
    assert "The deal-me-out model is Shaked and Sutton's (1984)" in _cell("summary")


def test_u5_the_widget_s_weight_floor_is_question_2_s():
    """U5: the widget's weight sliders ran from 0 while question 2 refuses any weight under
    0.1, so an audit copied from the widget could be refused. A weight slider now starts at
    2 units (0.1 of every case's 20) and refuses less, the widget text says "2 to 20
    units", and where units set elsewhere make a share one question 2 refuses, the summary
    says so."""
    assert "(weight sliders give 2 to 20 units, shown" in _cell("audit-widget-text")
    for key, case in CASES.items():
        widget = LeverageAudit(key)
        assert all(slider.min == 2 for slider in widget.weights.values()), key
        assert sum(slider.value for slider in widget.weights.values()) == 20, key
        shares = widget._weights()
        assert all(WEIGHT_FLOOR <= shares[s] <= WEIGHT_CAP for s in shares), key
        assert shares == {s: round(case._weights[s] * 20) / 20 for s in shares}, key
        assert "Question 2 accepts" not in widget.summary.value, key
        widget.weights["power"].value = 0
        assert widget.weights["power"].value == round(case._weights["power"] * 20), key
        assert "must be between 2 and 20; 0 was rejected" in widget.status.value, key
        widget.weights["power"].value = 2
        assert widget.status.value == "", key
        widget.weights["information"].value = 20
        widget.weights["alternatives"].value = 20
        shown = re.sub(r"<[^>]+>", "", widget.summary.value)
        assert (
            "Question 2 accepts weights from 0.1 to 0.7 only; here power 0.05 would be refused "
            "there." in shown
        ), (key, shown)


def test_x4_the_starting_audit_says_its_weights_are_one_reading():
    """X4: some starting audits weigh the source a story turns on as little as 0.10 (the
    owner's rail siding, Vell's patent), which read as a course error. The draw is left as
    it is (no learner's numbers change); the table now says in one sentence that its
    ratings and weights are one reading among several, which question 2 shows by accepting
    others. Among id-0..599, 64 of 141 deadline draws and 33 of 150 supplier draws weigh
    power at 0.15 or less, and every starting audit carries the sentence."""
    from course.scenarios.leverage import ONE_READING

    assert "one reading of your story among several (question 2" in ONE_READING
    drawn, light = {}, {}
    for n in range(600):
        s = course.variant(MODULE, f"id-{n}")
        drawn[s.case] = drawn.get(s.case, 0) + 1
        light[s.case] = light.get(s.case, 0) + (s.weights["power"] <= 0.15 + 1e-9)
        if n % 50 == 0:
            assert ONE_READING in s.show("audit")._repr_markdown_(), s.learner
    assert (light["deadline"], drawn["deadline"]) == (64, 141)
    assert (light["supplier"], drawn["supplier"]) == (33, 150)
