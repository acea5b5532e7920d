"""Module 03, review 63: question 4's hint at a price equal to Atlas's value no longer says
Atlas must refuse it (X3), and question 7 says what its "insist on Harrow" is in section 5's
game (X2). Each test failed on the code and text before this round."""

import pytest

import course
from course.checks import power as check
from course.checks.hints import NotYet
from tests.test_models_power import PROSE, _section


@pytest.mark.parametrize("above", [0, 1_000])
def test_question_4s_hint_at_atlas_value_does_not_say_atlas_must_refuse(above):
    """X3: at a price equal to Atlas's value Atlas is indifferent, so the hint may not say
    it must refuse; what it says must hold at that price and above it."""
    for n in range(20):
        s = course.variant("03_power", f"reply-{n}")
        with pytest.raises(NotYet) as failure:
            check.judge_reply_price(s, (s.atlas_value + above, "rival"))
        said = str(failure.value)
        assert "must refuse" not in said
        assert "leaves Atlas no gain from the deal, so it has no reason to accept it" in said


def test_question_7_says_insist_on_harrow_is_the_games_walk_out():
    """X2: the game has no counter 'at once'; the choice is the game's walk-out, which real
    talks put as a counter at Harrow's margin (the advice to name Harrow's figure stays)."""
    seven = " ".join(_section(PROSE, "### Question 7", "def granite_reply").split())
    assert "counter at once" not in seven
    # review 75, U6: not a counter (a rejection in the game); review 87, C1: naming
    # Harrow's offer first is question 9's part b, so question 7 has only the walk-out;
    # review 106, C1 (round 107): the move is now naming Harrow's figure, the walk-out's
    # money in real talks, and still no counter
    assert 'answer `"name Harrow"`: ask Granite to meet Harrow\'s figure' in seven  # review 108, C1


def test_section_4_says_how_patience_is_power_and_an_alternative_at_once():
    """C2: section 4 calls outlasting the other side power, then files a deadline under
    alternatives; one sentence now says how the two readings fit (review 72, U4: reworded,
    as "There it is a cost of waiting; here, a share of the pie" was cryptic; review 73 C1:
    the model has no deadline, so it is the same time pressure, not the same deadline)."""
    four = " ".join(_section(PROSE, "## 4.", "**Where the model misleads.**").split())
    # review 103, E1 (round 104): a deadline is not a lower delta; the thin order book is
    # the cost of delay the model reads as one, and the model has no deadline
    assert (
        "That interest is a cost of delay, which the model reads as a lower $\\delta$ (a cheaper "
        "loan, question 8, raises it), "
        # review 106, U4 (round 107): module 00's filing rule went; the plain words stay
        "and so a smaller share of the pie: outlasting them is leverage. A deadline is not a "
        "cost of delay; the model has none."
    ) in four


def test_section_5_says_in_place_why_a_days_delay_costs_both_sides_alike():
    """U4: the learner had to go back to part 1 of the story for the reason."""
    text = " ".join(PROSE.split())
    assert "(part 1 of your story says why)" not in text
    # review 92, E1: the cost of delay is a share of each side's own part
    assert (
        "(every price is in proportion to the months left of the licence), so they split evenly"
        in text
    )


def test_question_3_says_plainly_what_a_sale_of_votes_does():
    """U3: 'it can afford one; the seller keeps fewer' was terse."""
    three = " ".join(_section(PROSE, "### Question 3", "def buy_votes_from").split())
    assert "it can afford one offer, and the owner who sells keeps fewer votes" in three
    assert "the seller keeps fewer." not in three
