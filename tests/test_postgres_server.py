"""The tests' PostgreSQL server (tests/postgres.py): private, and never skipped quietly."""

import pytest
import sqlalchemy

from tests import postgres as tests_postgres


@pytest.mark.postgres
def test_the_server_listens_only_on_its_private_socket(postgres):
    engine = sqlalchemy.create_engine(postgres.url())
    try:
        with engine.connect() as connection:
            show = connection.exec_driver_sql
            assert show("SHOW listen_addresses").scalar() == ""  # no TCP port at all
            assert show("SHOW unix_socket_directories").scalar() == str(postgres.folder)
    finally:
        engine.dispose()
    assert (postgres.folder / ".s.PGSQL.5432").is_socket()


def test_a_missing_postgresql_fails_with_how_to_install_it(monkeypatch):
    monkeypatch.setattr(tests_postgres.glob, "glob", lambda pattern: [])
    with pytest.raises(RuntimeError, match=r"run scripts/setup.sh --test"):
        tests_postgres.PostgresServer()
