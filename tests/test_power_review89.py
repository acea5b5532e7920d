"""Module 03, review 89 (an independent negotiation professor's review), fixed in round 89.
Each test failed on the text or code before this round."""

import re

import pytest

from course.models.power import computer_reply, lowest_accepted_offer
from course.widgets.power import ShrinkingPieGame

DELTAS = [k / 100 for k in range(5, 100)]  # the patience sliders' values
OPTIONS = [k / 100 for k in range(0, 101)]  # the outside option's slider values


def _stated_lowest(game):
    """The offer the widget says the computer accepts 'any offer of at least'."""
    found = re.search(r"accepts any offer of at least (\d+(?:\.\d+)?)%", game.equilibrium.value)
    assert found, game.equilibrium.value
    return float(found.group(1)) / 100


def _play(settings, offer):
    game = ShrinkingPieGame(*settings)
    game.offer.value = offer
    game.propose.click()
    return game


@pytest.mark.parametrize(
    "settings",
    [(0.5, 0.99, 0.0), (0.9, 0.9, 0.3), (0.9, 0.9, 0.6), (0.05, 0.99, 0.0), (0.99, 0.05, 0.2)],
)
def test_m1_the_pie_games_lowest_accepted_offer_is_true(settings):
    """M1: the widget printed the computer's share to 0.1% as the least offer it accepts,
    while offers move in whole percents: with your delta 0.5, the computer's 0.99 and no
    option it said 'at least 98.0%', and an offer of 98% was refused (the share is 98.02%).
    It now states the lowest slider offer accepted (the share rounded up): that offer is
    accepted and the one a step below is not."""
    first = _play(settings, 0.5)
    lowest = _stated_lowest(first)
    assert "It accepts." in _play(settings, lowest).history.value
    if lowest > 0:
        assert "It accepts." not in _play(settings, round(lowest - 0.01, 2)).history.value


def test_m1_the_lowest_accepted_offer_holds_on_every_slider_setting():
    """M1: over a grid of slider settings (your patience 0.05..0.99 by 0.02, the computer's
    by 0.01, the option 0..1 by 0.1), the computer accepts the stated lowest offer and
    refuses the step below it."""
    for d_you in DELTAS[::2]:
        for d_computer in DELTAS:
            for option in OPTIONS[::10]:
                lowest = lowest_accepted_offer(d_you, d_computer, option)
                assert computer_reply(lowest, d_you, d_computer, option)[0] == "accept"
                below = round(lowest - 0.01, 2)
                if below >= 0:
                    assert computer_reply(below, d_you, d_computer, option)[0] != "accept", (
                        d_you,
                        d_computer,
                        option,
                    )


def test_m1_the_widget_states_the_lowest_offer_on_a_grid_of_settings():
    """M1: the widget's sentence, read back, is the lowest accepted offer on a spread of
    settings, including ones whose share is just above a whole percent."""
    for d_you in DELTAS[::15]:
        for d_computer in [*DELTAS[::15], 0.99]:
            for option in OPTIONS[::50]:
                game = _play((d_you, d_computer, option), 1.0)
                assert _stated_lowest(game) == lowest_accepted_offer(d_you, d_computer, option)


def test_m1_lowest_accepted_offer_refuses_a_bad_grid():
    with pytest.raises(ValueError, match="steps"):
        lowest_accepted_offer(0.9, 0.9, 0.0, steps=0)
