"""The workshop results store: concurrent writers, restarts, malformed records, on the
default SQLite file and on a real PostgreSQL server (the same tests, one per backend)."""

import logging
import multiprocessing
import sqlite3
from dataclasses import dataclass

import pytest

from course.store import COLUMNS, ResultsStore, default_url, validate

WRITERS, EACH = 30, 10


@dataclass
class Backend:
    """Where a test's store lives: its URL, and how to restart the database server."""

    url: str
    restart: object


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request, tmp_path):
    """The default SQLite file in a fresh data folder, or a fresh database on PostgreSQL."""
    if request.param == "sqlite":
        return Backend(default_url(tmp_path), restart=lambda: None)  # no server to restart
    server = request.getfixturevalue("postgres")
    return Backend(server.new_database("store"), restart=server.restart)


def record(**changes):
    good = {
        "participant": "Ada",
        "app": "arena",
        "bot_style": "boulware",
        "role": "seller",
        "reservation": 40,
        "bot_reservation": 70,
        "first_offer": 95,
        "price": 62,
        "ended_by": "agreement",
        "rounds": 6,
        "zopa_share": 22 / 30,
    }
    return {**good, **changes}


def _write(url, writer, start):
    start.wait()
    store = ResultsStore(url)
    for i in range(EACH):
        store.add(record(participant=f"writer {writer}", rounds=i))
    store.close()


def test_a_record_is_saved_and_read_back(backend):
    store = ResultsStore(backend.url)
    new = store.add(record())
    (saved,) = store.records()
    assert saved["id"] == new and tuple(saved) == COLUMNS
    assert saved["price"] == 62.0 and saved["participant"] == "Ada"
    assert store.records(after=new) == []


def test_the_default_store_is_sqlite_in_wal_mode_in_the_data_folder(tmp_path):
    ResultsStore(folder=tmp_path / "data").add(record())
    with sqlite3.connect(tmp_path / "data" / "results.sqlite") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_thirty_concurrent_writer_processes_lose_nothing(backend):
    url = backend.url  # no table yet: the writers race to create it too
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WRITERS)
    writers = [context.Process(target=_write, args=(url, n, start)) for n in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    assert [process.exitcode for process in writers] == [0] * WRITERS
    saved = ResultsStore(url).records()
    assert len(saved) == WRITERS * EACH
    by_writer = {}
    for row in saved:
        by_writer.setdefault(row["participant"], set()).add(row["rounds"])
    assert by_writer == {f"writer {n}": set(range(EACH)) for n in range(WRITERS)}


def test_the_results_survive_a_restart(backend):
    first = ResultsStore(backend.url)
    first.add(record(participant="Before"))
    first.close()
    again = ResultsStore(backend.url)
    again.add(record(participant="After"))
    assert [row["participant"] for row in again.records()] == ["Before", "After"]


def test_an_open_store_keeps_working_across_a_database_restart(backend):
    store = ResultsStore(backend.url)  # a participant's kernel, open all workshop long
    store.add(record(participant="Before"))
    backend.restart()
    store.add(record(participant="After"))
    assert [row["participant"] for row in ResultsStore(backend.url).records()] == [
        "Before",
        "After",
    ]


def test_an_impasse_has_no_price():
    row = validate(record(price=None, zopa_share=None, ended_by="walk away", first_offer=None))
    assert row["price"] is None and row["first_offer"] is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"participant": ""}, "enter a display name"),
        ({"participant": "x" * 41}, "at most 40"),
        ({"participant": "a\x00b"}, "plain characters"),
        ({"participant": 7}, "must be text"),
        ({"app": "Arena; DROP TABLE"}, "app must be a short lower-case name"),
        ({"role": "judge"}, "role must be one of seller, buyer"),
        ({"reservation": "forty"}, "reservation must be a number"),
        ({"reservation": float("nan")}, "reservation must be a finite number"),
        ({"price": True}, "price must be a number"),
        ({"rounds": -1}, "rounds must be a whole number"),
        ({"rounds": 2.5}, "rounds must be a whole number"),
        ({"ended_by": "boredom"}, "ended_by must be one of"),
        ({"price": None}, "an agreement needs a price"),
        ({"ended_by": "deadline"}, "an impasse must have none"),
        ({"zopa_share": 1.5}, "zopa_share must be a finite number"),
        ({"secret": 1}, "unknown fields: secret"),
    ],
)
def test_a_malformed_record_is_refused_with_a_logged_reason(backend, caplog, changes, reason):
    store = ResultsStore(backend.url)
    with (
        caplog.at_level(logging.WARNING, logger="course.store"),
        pytest.raises(ValueError, match=reason),
    ):
        store.add(record(**changes))
    assert reason in caplog.text and "refused a malformed result" in caplog.text
    assert store.records() == []


def test_a_record_must_be_a_dict(backend):
    with pytest.raises(ValueError, match="a record must be a dict, got list"):
        ResultsStore(backend.url).add([1, 2])


def test_any_sqlalchemy_url_works(tmp_path):
    store = ResultsStore(f"sqlite:///{tmp_path / 'elsewhere.db'}")
    store.add(record())
    assert (tmp_path / "elsewhere.db").exists() and len(store.records()) == 1
