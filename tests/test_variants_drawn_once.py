"""The tests draw each learner's scenario once per run (``tests/conftest.py``,
``_drawn_once``): what they get after the first draw, in their own process or from another
worker's shelf, must be what drawing again gives."""

import random

import pytest

import course
from course.scenarios import SCENARIOS
from course.variants import rng_for
from tests import conftest

LEARNERS = ("learner-3", "learner-17", "self-check-a")


@pytest.mark.parametrize("module", sorted(SCENARIOS))
def test_a_copy_of_the_first_draw_is_what_drawing_again_gives(module):
    """For every module: a fresh draw (the factory itself) equals the copy handed out after
    the first draw, leaves the generator in the same state, and is a separate object, so an
    answer that changes its scenario changes nobody else's."""
    draw_afresh = SCENARIOS[module].__wrapped__
    for learner in LEARNERS:
        first = course.variant(module, learner)
        again = course.variant(module, learner)
        fresh_rng, cached_rng = rng_for(module, learner), rng_for(module, learner)
        fresh = draw_afresh(fresh_rng, learner)
        cached = SCENARIOS[module](cached_rng, learner)
        assert cached == fresh == first == again
        assert cached_rng.getstate() == fresh_rng.getstate()
        assert again is not first


def test_another_generator_for_the_same_learner_is_drawn_not_looked_up():
    """The copy is keyed by the generator's state too: a draw from another generator (as a
    hidden case might make) is a draw of its own."""
    module = "04_concessions"
    mine = course.variant(module, "learner-5")
    other = SCENARIOS[module](random.Random(12345), "learner-5")
    assert other == SCENARIOS[module].__wrapped__(random.Random(12345), "learner-5")
    assert other != mine


def test_a_draw_another_worker_shelved_is_read_not_drawn(monkeypatch, tmp_path):
    """Two workers sharing a shelf: the second gets the first one's draw, with its
    generator left where a draw leaves it, and its factory is never called."""
    monkeypatch.setitem(conftest._DRAWS_KEPT, "shelf", tmp_path)
    module, learner = "02_batna", "learner-11"
    calls = []

    def factory(rng, learner):
        calls.append(learner)
        return SCENARIOS[module].__wrapped__(rng, learner)

    first_worker = conftest._drawn_once(module, factory)
    second_worker = conftest._drawn_once(module, factory)
    drawn_rng, read_rng = rng_for(module, learner), rng_for(module, learner)
    drawn = first_worker(drawn_rng, learner)
    read = second_worker(read_rng, learner)
    assert calls == [learner]
    assert read == drawn and read is not drawn
    assert read_rng.getstate() == drawn_rng.getstate()
    assert [path.suffix for path in tmp_path.iterdir()] == [".pickle"]
