"""The course's late policy (autograder/late.py): points off per started day late after a
grace period, capped; due dates and extensions checked as the config is read."""

import pytest
from traitlets.config import Config

from autograder.late import Deadlines, LatePenalty, penalty

DAY = 86400


@pytest.mark.parametrize(
    ("seconds_late", "points_off"),
    [
        (0, 0),
        (15 * 60, 0),  # within the grace period
        (15 * 60 + 1, 0.8),  # a started day
        (DAY + 15 * 60, 0.8),
        (DAY + 15 * 60 + 1, 1.6),
        (30 * DAY, 8),  # never more than the points
    ],
)
def test_each_started_day_after_the_grace_period_takes_a_tenth(seconds_late, points_off):
    assert penalty(8, seconds_late, 0.1, 15, 1.0) == pytest.approx(points_off)


def test_the_plugin_reads_its_policy_from_the_config():
    plugin = LatePenalty(config=Config({"LatePenalty": {"per_day": 0.25, "most": 0.5}}))
    assert plugin.late_submission_penalty("ada", 8, 3 * DAY) == pytest.approx(4)
    assert plugin.late_submission_penalty("ada", 0, 3 * DAY) == 0


def test_a_due_date_that_is_not_a_date_is_refused_with_the_setting_named():
    with pytest.raises(ValueError, match=r"c.Deadlines.due\['02_batna'\] must be a date"):
        Deadlines(config=Config({"Deadlines": {"due": {"02_batna": "friday-ish"}}}))


def test_an_extension_must_be_hours():
    with pytest.raises(ValueError, match=r"extensions\['02_batna'\]\['ada'\] must be a number"):
        Deadlines(config=Config({"Deadlines": {"extensions": {"02_batna": {"ada": "2 days"}}}}))
