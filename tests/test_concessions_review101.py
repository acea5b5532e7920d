"""Review 100 of module 04 (concessions), fixed in round 101: question 7's check names the
comparison and the price that stays when a deal changes nothing against the polite
walk-away (X1). Each test fails on the code before this round."""

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.scenarios.concessions import reservation_of

MODULE = "04_concessions"


def _against_the_walk_out(s, following):
    """The reviewer's answer: half of what a deal makes next year against a walk-out."""
    return reservation_of(s) - 0.5 * (following["deal"] - following["walk-out"])


def _the_rule(s, following):
    """Question 7's rule: the whole difference a deal makes against a polite walk-away."""
    return reservation_of(s) - (following["deal"] - following["polite walk-away"])


def test_x1_the_no_change_hint_names_the_polite_walk_away_and_the_price_for_rv_l1():
    """Review 100 X1 (learner rv-l1): on the table where a deal and a polite walk-away both
    leave next year at 13.25 (a walk-out at 12), comparing a deal with the walk-out gave
    69.375 and the hint said only that it "is not the price the text's rule gives". It now
    names both rows, the difference against the walk-out and the price that stays. The
    answer still fails, and the rule's answer still passes (no mark changes)."""
    with course.variants.learner_as("rv-l1"):
        s = check._variant("rv-l1")
        mine = reservation_of(s)
        table = check._tables(s, False)[-1]
        assert check.adjusted_reservation(s, table) == mine  # a deal changes nothing here
        polite, walk_out = table["polite walk-away"], table["walk-out"]
        assert table["deal"] == polite != walk_out
        with pytest.raises(NotYet) as failure:
            check.relationship_reservation.__wrapped__(_against_the_walk_out)
        hint = str(failure.value)
        given = _against_the_walk_out(s, table)
        assert str(table) in hint and f"{given:g} moves your reservation price" in hint
        assert "not the price the text's rule gives" not in hint
        assert f"both leave next year at {polite:g}" in hint
        assert f"only against a walk-out ({walk_out:g}) does a deal differ" in hint
        assert f"by {table['deal'] - walk_out:g}" in hint
        assert hint.endswith(f"keep {mine:g}.")
        for hidden in (False, True):
            check.relationship_reservation.__wrapped__(_the_rule, hidden=hidden)
