"""Review 89 of module 00 (a negotiation professor's): fixes, each with a test that fails on
the code or text it replaced."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.models.audit import leverage_balance, shifted
from course.scenarios.leverage import _NEWS, _PRACTICE_NEWS, CASES, news_key
from course.variants import hidden_cases_as
from tests.sweeps import cell_text

MODULE = "00_leverage"


def _markdown(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


#: News in which you learn of a new weakness or deadline of theirs (section 2: a deadline goes
#: into the alternatives of the side it presses; their weakness is rated in their row).
REVEALED = (
    "launch date cannot move",
    "Vell's bank is reviewing its credit line",
    "needs large orders to break even",
    "refused to extend its lease",
    "new rail contracts start in two months",
)


def _with_revealed(count=400):
    """Drawn learners whose news holds at least one item of ``REVEALED``, with its label."""
    found = []
    for i in range(count):
        s = course.variant(MODULE, f"sweep-{i}")
        labels = [k for k, (text, _) in s.news.items() if any(r in text for r in REVEALED)]
        if labels:
            found.append((s, labels))
    return found


def test_c1_question_4a_accepts_their_row_down_for_a_revealed_weakness():
    """Review 89 C1: news revealing a new weakness or deadline of theirs was right only as
    your information up, so a learner who filed it as section 2 does (the row of theirs it
    weakens, down) lost its quarter mark. Both readings now pass, the old one included, and
    every other item keeps its single reading. Fails on the old code."""
    from course.scenarios.leverage import news_readings

    drawn = _with_revealed()
    assert drawn
    for s, labels in drawn:
        keys = news_key(s)
        for label in labels:
            size = abs(keys[label][2])
            assert keys[label] == ("you", "information", size)
            for move in (("you", "information", size), ("them", "alternatives", -size)):
                moves = dict(keys) | {label: move}
                assert check.judge_news_item(s, label, moves) == f"{label} is read right."
            # the wrong sign on their row is still wrong, and told so
            moves = dict(keys) | {label: ("them", "alternatives", size)}
            with pytest.raises(NotYet, match="stronger or weaker"):
                check.judge_news_item(s, label, moves)
        for label in set(keys) - set(labels):
            assert news_readings(s)[label] == (keys[label],)


def test_c1_every_revealed_weakness_item_has_both_readings_and_no_other_does():
    """Review 89 C1: the widened key covers exactly the news in which you learn of a weakness
    or deadline of theirs (all filed as your information up), never news you learn that does
    not weaken them (finance approving the top of the band)."""
    widened = [n for n in _NEWS + _PRACTICE_NEWS if getattr(n, "_weakens", "")]
    assert all((n._side, n._source, n._sign) == ("you", "information", 1) for n in widened)
    texts = " ".join(n.text for n in widened)
    assert all(r in texts for r in REVEALED)
    assert "top of the pay band" not in texts


def test_c1_grading_gives_the_their_row_reading_full_marks():
    """Review 89 C1: at grading, a learner who books each revealed weakness as their row down
    keeps question 4a's full mark (it was a quarter short per item before)."""
    s, labels = _with_revealed(60)[0]
    keys = news_key(s)
    answer = dict(keys) | {k: ("them", "alternatives", -abs(keys[k][2])) for k in labels}
    with hidden_cases_as("a-grading-key-for-the-tests"), pytest.MonkeyPatch.context() as mp:
        mp.setenv("LEVERAGE_LEARNER", s.learner)
        outcome = check.news_moves(lambda: answer, hidden=True)
    assert outcome is not None and outcome.earned == pytest.approx(check.NEWS_MOVES_MARKS)


def test_c1_u4_question_4a_says_so_and_4c_drops_its_caveat():
    """Review 89 C1, U4: question 4a says in one sentence that both readings are right, and
    question 4c's closing sentence about balances that leave their row unchanged is gone.
    Fails on the old text."""
    q4 = _markdown("q4-text")
    assert "as your information only" not in q4
    # review 90 C1: in the words every place uses; review 91 U1: question 4a's own words
    assert (
        # review 97 U1: stated here, where it is applied, no longer in section 2's side note
        # review 99 C1: with its reason, in question 4a's own words
        "Each earns the item. Not your power: the news is about them"  # review 112 C1
        in q4
    )
    assert "leave their row unchanged" not in _markdown("q4c-text")


def _raw_sums(case, moves):
    """A reaudit that compares raw rating sums (weights 1, 1, 1), with the 0.5 cut-off."""
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}

    def ahead(b):
        return "even" if abs(b) < 0.5 else ("you" if b > 0 else "them")

    def total():
        return sum(ratings["you"].values()) - sum(ratings["them"].values())

    balances = {"now": total()}
    for label, (side, source, change) in moves.items():
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = total()
    start = ahead(balances["now"])
    turning = next((m for m in moves if ahead(balances[m]) != start), None)
    ask = next((m for m, b in balances.items() if b >= case.bar), None)
    return turning, ask


def _by_sign(case, moves):
    """A reaudit that tells the side ahead by the balance's sign alone (never "even")."""
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}
    balances = {"now": leverage_balance(ratings["you"], ratings["them"], case.weights)}
    for label, (side, source, change) in moves.items():
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = leverage_balance(ratings["you"], ratings["them"], case.weights)
    start = balances["now"] > 0
    turning = next((m for m in moves if (balances[m] > 0) != start), None)
    ask = next((m for m, b in balances.items() if b >= case.bar), None)
    return turning, ask


@pytest.mark.parametrize("learner", ["rv-alpha", "rv-beta"])
def test_x1_raw_rating_sums_are_not_told_they_forgot_even(monkeypatch, learner):
    """Review 89 X1: a reaudit comparing raw rating sums gives N2 on the first test case
    (ratings (5, 6, 5) against (4, 4, 5), N1 their alternatives +2), where only the "by sign"
    mistake was modelled to give N2, so the learner, who did count "even", was told that the
    side ahead can also become even. Raw sums are now a known mistake too: the colliding
    label gets the neutral hint, and no test case names "even" to this learner. Fails on the
    old code."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    own = course.variant(MODULE, learner)
    own = course.variant(MODULE, learner)
    (first, first_moves) = check.reaudit_test_cases(own)[0]
    # the reviewer's case: raw sums and the sign mistake both give N2 there
    assert (dict(first.yours), dict(first.theirs)) == (
        {"information": 5, "alternatives": 6, "power": 5},
        {"information": 4, "alternatives": 4, "power": 5},
    )
    assert first_moves["N1"] == ("them", "alternatives", 2)
    assert _raw_sums(first, first_moves)[0] == "N2"
    outcome = check.reaudit(_raw_sums)
    (turning,) = [o for o in outcome.outcomes if o.check == "turning point"]
    assert not turning.passed
    assert "can also become 'even'" not in turning.message, turning.message
    assert check.UNWEIGHTED in turning.message
    # the sign mistake is still named to a learner who makes it
    outcome = check.reaudit(_by_sign)
    (turning,) = [o for o in outcome.outcomes if o.check == "turning point"]
    assert "can also become 'even'" in turning.message, turning.message


def test_u2_question_3c_neither_points_to_question_4b_nor_uses_the_undefined_ladder():
    """Review 89 U2: question 3c called ``scenario.bar`` "the bar of the ask question 4b
    tests" and its check spoke of "a larger one on its ladder", a term section 5 defines
    later. Both are gone. Fails on the old text."""
    q3c = _markdown("q3c-text") + " " + _markdown("q3c-task")
    assert "question 4b" not in q3c
    assert "ladder" not in q3c
    # review 96 U4: the talks' bar is question 4b's, said there
    assert "`scenario.bar`" not in q3c
    assert (
        "`scenario.bar` is the bar of the ask made during the talks: "
        "question 3c's ask or a smaller one, your fallback ask (if" in _markdown("q4b-text")
    )


def test_u3_question_2_names_the_cases_and_what_must_weigh_0_2():
    """Review 89 U3: question 2's bounds said "supplier: at least 0.2" and "sole-source and
    deadline: ...", keys without saying they are ``scenario.case``'s nor what must be at least
    0.2. They now name the cases by their keys and say it is information's weight, from the
    code's figures. Fails on the old text."""
    (floor,) = [r.value for r in CASES["supplier"]._rules if r.kind == "weight_floor"]
    tops = sorted(k for k, c in CASES.items() if any(r.kind == "weight_top" for r in c._rules))
    assert tops == ["deadline", "sole-source"]
    q2 = _markdown("q2-text")
    assert "supplier: at least" not in q2
    assert f'(down to 0.1 passes, with a note), or {floor:g} in case `"supplier"`;' in q2
    assert (
        'in cases `"sole-source"` and `"deadline"`, power or alternatives weighs more than '
        "information." in q2  # review 106 U5: the list's last bound ends with a full stop
    )


def test_u1_a_caveat_is_said_once_not_in_teaching_question_and_check_note():
    """Review 89 U1: the same caveat came up to three times. Section 6 and question 5 both
    said that question 5 accepts either kind on a line (kept in question 5); question 4b's
    text and its check note both said a rating stops at 10 (kept in the note; section 4
    says what ``shifted`` does); question 3c's check note repeated its text's ask and ladder.
    Fails on the old text."""
    assert "question 5 accepts either" not in _markdown("ethics-teaching")
    assert "either of its two kinds is accepted" in _markdown("q5-text")
    q4b = _markdown("q4b-text")
    assert "stops at 0 and at 10" not in q4b and "a move would take a rating past 10" in q4b
    assert "respects the ends of the scale" in _markdown("gain-explained")
    task = _markdown("q3c-task")
    assert "section 5's ask" not in task and "as in question 3" not in task
    assert "(when it has the ask you prepare for)," in task
