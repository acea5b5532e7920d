"""Review 99 of module 03, fixed in round 100: X1, U1 and U2. Each test fails on the text or
code before the fix."""

import io
from contextlib import redirect_stdout

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.variants import hidden_cases_as, learner_as
from tests.notebooks import solution_namespace
from tests.test_models_power import PROSE, _section
from tests.test_variants_sweep_power import rig_from_text, rig_with_the_models

#: The walk-out words the reviewer's function looked for (review 99, X1): two of the three
#: ways the story tells an outside option, so it is right only where a learner's own two
#: walk-out versions use those two.
REVIEWERS_WORDS = ("turns down", "rejects")
WALK_WORDS = ("turns down", "refuses", "rejects")


def _flat(text):
    return " ".join(text.split())


def _reader(words):
    """A question 5 answer that takes a version for a walk-out when its text has one of
    ``words``, and prices it by that kind's rule: amount-blind, as a reading of text is."""

    def rig_prices(s):
        m = s.rig_value
        prices = {
            v.letter: max(m / 2, v.amount)
            if any(w in v.text for w in words)
            else v.amount + (m - v.amount) / 2
            for v in s.rig_versions
        }
        return prices | {1: 20_000, 2: 26_000}

    return rig_prices


def _by_letter(own):
    """A question 5 answer that goes by the letters of ``own``'s walk-out versions."""
    walk = {v.letter for v in own.rig_versions if _P.walks_out(v)}

    def rig_prices(s):
        m = s.rig_value
        prices = {
            v.letter: max(m / 2, v.amount) if v.letter in walk else (m + v.amount) / 2
            for v in s.rig_versions
        }
        return prices | {1: 20_000, 2: 26_000}

    return rig_prices


def _own_right(s, answer):
    """How many of ``s``'s own versions ``answer`` prices right, and whether one rule
    prices all four (which earns nothing)."""
    prices = answer(s)
    m = s.rig_value
    right = sum(
        abs(prices[v.letter] - _P.rig_price(s, v)) <= check.RIG_TOLERANCE * m
        for v in s.rig_versions
    )
    rules = {
        frozenset(
            r
            for r, p in {"walk": max(m / 2, v.amount), "left": (m + v.amount) / 2}.items()
            if abs(prices[v.letter] - p) <= check.RIG_TOLERANCE * m
        )
        for v in s.rig_versions
    }
    one_rule = bool(frozenset.intersection(*rules))
    return right, one_rule


def _graded(learner, answer, key="key-100"):
    with learner_as(learner), hidden_cases_as(key), redirect_stdout(io.StringIO()):
        return check.rig_prices(answer, True)


def _visible(learner, answer):
    with learner_as(learner), redirect_stdout(io.StringIO()):
        return check.rig_prices(answer)  # None, or raises NotYet with the hint


LEARNERS = [f"rv100-{n}" for n in range(40)]


def test_x1_a_reading_right_on_the_learners_own_words_keeps_every_mark():
    """X1: the reviewer's function (walk-out = "turns down" or "rejects") was right on each
    of its own versions and passed the visible check, yet lost half the mark at grading on
    other learners' versions worded "refuses ... and leave the talks". Grading now tells the
    other amounts in the learner's own words, letter by letter, so it earns the full mark
    wherever it reads the learner's own versions rightly; and both checks agree on it."""
    reader = _reader(REVIEWERS_WORDS)
    found = 0
    for learner in LEARNERS:
        s = course.variant("03_power", learner)
        if _own_right(s, reader)[0] < 4:
            continue
        found += 1
        assert _visible(learner, reader) is None, learner
        outcome = _graded(learner, reader)
        assert outcome.earned == outcome.possible == 1, (learner, outcome)
    assert found >= 5, found


def test_x1_grading_tells_each_version_in_the_learners_words_at_other_amounts():
    """X1: each other scenario grading tries keeps the learner's walk-out letters, tells
    each version in the words of the learner's version of that letter, and still holds
    both kinds above and below half of the buyer's value."""
    for learner in LEARNERS[:10]:
        with learner_as(learner), hidden_cases_as("key-100"):
            own, *others = check._rig_scenarios(True)
        words = {v.letter: _P.rig_wording(v) for v in own.rig_versions}
        kinds = set()
        for s in others:
            assert s.learner != own.learner
            for v in s.rig_versions:
                assert _P.rig_wording(v) == words[v.letter], (learner, v.letter)
                kinds.add((_P.walks_out(v), v.amount > s.rig_value / 2))
        assert kinds == {(True, True), (True, False), (False, True), (False, False)}


def test_x1_visible_and_hidden_agree_for_right_answers_and_readings_of_the_text(monkeypatch):
    """X1, over a sweep: the reference, the two independent formulations and an answer by
    letter pass the visible check and earn the full mark at grading; every amount-blind
    reading of the walk-out words (each set of the story's three) earns at grading what its
    reading of the learner's own versions earns, a quarter a right version (none where one
    rule prices all four), never less than it earned before the fix."""
    solution = solution_namespace("03_power", "power")["rig_prices"]
    readers = [
        _reader(words)
        for words in (
            (),
            *((w,) for w in WALK_WORDS),
            *((a, b) for i, a in enumerate(WALK_WORDS) for b in WALK_WORDS[i + 1 :]),
            WALK_WORDS,
        )
    ]
    for learner in LEARNERS[:24]:
        own = course.variant("03_power", learner)
        for answer in (solution, rig_from_text, rig_with_the_models, _by_letter(own)):
            assert _visible(learner, answer) is None, (learner, answer.__name__)
            outcome = _graded(learner, answer)
            assert outcome.earned == outcome.possible == 1, (learner, answer.__name__)
        for reader in readers:
            right, one_rule = _own_right(own, reader)
            now = _graded(learner, reader).earned
            assert now == (0 if one_rule else right * check.RIG_SHARE), (learner, right)
            with monkeypatch.context() as m:  # the scenarios as grading took them before
                m.setattr(check, "_in_own_words", lambda other, own: other)
                before = _graded(learner, reader).earned
            assert now >= before, learner


def test_x1_question_5_says_grading_keeps_the_learners_words_and_letters():
    """X1: the question said only that grading keeps the learner's letters, so a function
    that read the words had no warning; it now says the other amounts are told in the
    learner's own words under the learner's letters."""
    five = _flat(_section(PROSE, "### Question 5", "def rig_prices"))
    assert (
        "Grading also runs it on other amounts (some above half of Dunmore's value, some "
        "below) told in your versions' words under your letters, so it may go by `v.letter` "
        "or by your texts"
    ) in five
