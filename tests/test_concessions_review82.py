"""Module 04 after review 81 (/work/notes/s76/review81_04.md, read at d875d37): each test
failed on the code or text the review read and passes now."""

from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.scenarios.concessions import birch_is_strong, reservation_of
from tests.test_checks_concessions import answers, miss  # noqa: F401 (fixture)

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"


def _markdown():
    """The module's Markdown lines, '# ' taken off."""
    return "\n".join(line[2:] for line in SOURCE.read_text().splitlines() if line.startswith("# "))


# --- X1: a check that takes a word evens out case and hyphens --------------------------


def _respelled(function, spell):
    """``function`` with each word it returns written as ``spell`` writes it."""

    def answer(*args):
        said = function(*args)
        return spell(said) if isinstance(said, str) else said

    return answer


@pytest.mark.parametrize(
    "spell",
    [str.title, str.upper, lambda w: w.replace(" ", "-"), lambda w: w.replace(" ", "_")],
)
def test_x1_respond_takes_its_words_in_any_case_and_with_hyphens(answers, spell):  # noqa: F811
    """'Accept', 'walk-away' and 'WALK_AWAY' are the right answers spelt as the text spells
    them: they failed question 6's check (review 81 X1) and pass now, visible and hidden."""
    for hidden in (False, True):
        check.respond(_respelled(answers["respond"], spell), hidden=hidden)
    assert "return one of" in miss(check.respond, lambda s, o, n, c=None, w=False: "walk")


def test_x1_opening_and_read_pick_take_keys_and_issues_in_any_case(answers):  # noqa: F811
    """Statement keys ('a' for 'A') and issue names ('Delivery') are words too."""

    def opening(s, anchor=None, rival=None):
        price, keys = answers["opening"](s, anchor, rival)
        return price, [key.lower() for key in keys]

    def read_pick(s, offers, picked):
        return {issue.title() for issue in answers["read_pick"](s, offers, picked)}

    for hidden in (False, True):
        check.opening(opening, hidden=hidden)
        check.read_pick(read_pick, hidden=hidden)
    assert "is not an issue" in miss(check.read_pick, lambda s, o, k: {"colour"})


# --- X2: question 7's hints say only what is true of the number ------------------------


def _moves(table_of, wrong):
    """An answer to question 7 that is right on every table but ``table_of``'s kind, where
    it gives ``wrong(mine, table)``."""

    def answer(s, following):
        mine = reservation_of(s)
        if table_of(following):
            return wrong(mine, following)
        return mine - (following["deal"] - following["polite walk-away"])

    return answer


def test_x2_moving_twice_the_difference_is_told_so(answers):  # noqa: F811
    """Learner-7 (reservation price 66; next year 6 after a deal, 4.75 after a polite
    walk-away, 3.5 after a walk-out) moving twice the difference, to 63.5, was told it
    'compares a deal with a walk-out': the numbers only coincide. The hint now says how
    far it moved, which holds whatever the reading."""
    with course.variants.learner_as("learner-7"):
        s = course.variant(MODULE, "learner-7")
        own = check.next_year(s)
        twice = _moves(lambda f: f == own, lambda m, f: m - 2 * (f["deal"] - f["polite walk-away"]))
        hint = miss(check.relationship_reservation.__wrapped__, twice)
    assert "63.5 moves your reservation price 66 by 2.5, more than the whole difference" in hint
    assert "(1.25)" in hint and "63.5 compares" not in hint


@pytest.mark.parametrize("reading", ["whole gain", "walk-out"])
def test_x2_every_reading_hint_states_the_move_truly(reading):
    """Over 12 learners and every table the check tries, a number that matches a known
    wrong reading is told the size and direction of its move, and they are right."""
    wrong = {
        "whole gain": lambda m, f: m - f["deal"],
        "walk-out": lambda m, f: m - (f["deal"] - f["walk-out"]),
    }[reading]
    told = 0
    for n in range(12):
        learner = f"learner-{n}"
        with course.variants.learner_as(learner):
            s = course.variant(MODULE, learner)
            mine = reservation_of(s)
            for table in check._tables(s, False):
                value = wrong(mine, table)
                whole = -(table["deal"] - table["polite walk-away"])
                moved = value - mine
                if (
                    abs(moved - whole) < 0.01
                    or abs(moved) < 0.01
                    or (moved * whole > 0 and abs(moved) <= abs(whole))
                ):
                    continue  # right, unmoved or part of the move: passes or another hint
                hint = miss(check.relationship_reservation.__wrapped__, _moves(table.__eq__, wrong))
                if abs(whole) < 0.01:
                    assert "makes no difference" in hint, hint
                elif moved * whole < 0:
                    assert "the wrong way" in hint, hint
                else:
                    assert "more than the whole difference" in hint, hint
                told += 1
    assert told >= 12


# --- C1 and C2: who has the Birch choice, and the table's Birch row --------------------


def _flat():
    return " ".join(_markdown().split())


def test_c1_the_intro_gives_the_measured_share_who_choose_whether_to_name_birch():
    """The intro said 'for about half of you'. Birch beats Orchard's belief for about half,
    but for some of those the only Birch statement inflates it: the choice is real for
    58 of learner-0..199 (the review: 72 of its 200), about a third. Either choice passes."""
    real = 0
    for n in range(200):
        s = course.variant(MODULE, f"learner-{n}")
        real += birch_is_strong(s) and check._birch_kind(s) == "fact"
    assert 0.25 * 200 <= real <= 0.4 * 200, real
    text = _flat()
    assert "For about a third of you, question 1 also asks whether to name your other" in text
    assert "for about half of you" not in text


def test_c2_the_birch_row_weighs_as_question_1_does():
    """The table said to name Birch 'when it beats what Orchard believes', against
    question 1 ('weigh the two') and the model answer (Birch private). In every draw Birch
    lies more than a fifth below the estimate, so the number it names is low; the row now
    sends the learner to question 1's weighing."""
    for n in range(200):
        s = course.variant(MODULE, f"learner-{n}")
        assert s.alternative_price < 0.8 * s.their_estimate, n
    text = _flat()
    assert "| say it when it beats what Orchard believes |" not in text
    # review 97 C1 (round 98): one bar, the price Orchard expects at the table; the low
    # number it names is weighed in section 1, where question 1's leniency is explained
    assert "only when it raises the price Orchard expects at the table (question 1) |" in text
    # review 98 U1 (round 99): the same reason, reworded; review 103 E1: in its new words
    assert "a number well below your opening anchors low and shows roughly where your" in text


# --- E1: kappa's definition agrees with the formula ------------------------------------


def test_e1_kappa_is_the_part_given_in_the_first_offer():
    """With x0 called the opening, alpha(0) = kappa put round 0's offer at
    x0 + kappa (r - x0), not at x0: 'the part conceded in the opening itself' contradicted
    itself. x0 is now the agent's best price, kappa the part given in its first offer."""
    from course.models.concessions import time_dependent_offer

    assert time_dependent_offer(0, 10, 100, 40, 1.0, kappa=0.2) == pytest.approx(88)
    assert time_dependent_offer(0, 10, 100, 40, 1.0) == pytest.approx(100)
    text = _flat()
    assert "part conceded in the opening itself" not in text
    assert "from its best price $x_0$ to its reservation price $r$" in text
    assert "$\\kappa$ is the part given in the first offer (0 here: it opens at $x_0$)" in text
