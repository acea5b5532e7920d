"""tests/sweeps.py's ``drawn_once``: the sweeps' learners drawn once per run and shared by
pytest-xdist's workers, in order, as ``course.variant`` draws them."""

import threading

import pytest

import course
from tests import sweeps

MODULE = "02_batna"  # the quickest module to draw
LEARNERS = tuple(f"share-{n}" for n in range(250))


def test_two_workers_share_the_draw_and_both_get_every_learner_in_order(tmp_path):
    got = {}

    def worker(name):
        got[name] = sweeps.drawn_once(MODULE, LEARNERS, tmp_path)

    workers = [threading.Thread(target=worker, args=(name,)) for name in ("gw0", "gw1")]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    expected = [course.variant(MODULE, learner) for learner in LEARNERS]
    assert got["gw0"] == got["gw1"] == expected
    (folder,) = tmp_path.iterdir()
    assert sorted(p.name for p in folder.glob("*.pickle")) == ["0.pickle", "1.pickle", "2.pickle"]


def test_a_late_worker_reads_what_was_drawn_without_drawing(tmp_path, monkeypatch):
    first = sweeps.drawn_once(MODULE, LEARNERS, tmp_path)
    monkeypatch.setattr(course, "variant", lambda *a, **k: pytest.fail("drew again"))
    assert sweeps.drawn_once(MODULE, LEARNERS, tmp_path) == first


def test_a_chunk_claimed_by_a_worker_that_died_ends_in_a_timeout_not_a_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(sweeps, "WAIT", 0.5)
    digest_folder = tmp_path / "claimed"
    first = sweeps.drawn_once(MODULE, LEARNERS[:10], digest_folder)
    (folder,) = digest_folder.iterdir()
    (folder / "0.pickle").unlink()  # claimed, never written
    with pytest.raises(TimeoutError, match="chunk 0"):
        sweeps.drawn_once(MODULE, LEARNERS[:10], digest_folder)
    assert len(first) == 10


def test_module_00s_read_only_tables_survive_the_trip():
    drawn = course.variant("00_leverage", learner="share-1")
    assert sweeps.pickle.loads(sweeps.pickle.dumps(drawn)) == drawn
