"""A real PostgreSQL server for the tests and benchmarks: Debian's binaries, a throwaway
cluster in a temporary folder, reachable only through a Unix socket in that folder.

PostgreSQL refuses to run as root, so as root the server runs as Debian's ``postgres``
user (created by the ``postgresql`` package, which ``scripts/setup.sh --test`` installs).
Nothing here is mocked: a server that cannot start raises ``RuntimeError`` with its log.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy

#: The operating-system user the server runs as when the tests run as root.
SERVER_USER = "postgres"
SUPERUSER = "postgres"


def binaries():
    """The folder of the newest installed PostgreSQL's ``initdb`` and ``pg_ctl``."""
    found = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin") if Path(p, "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "run scripts/setup.sh --test, which installs Debian's postgresql package"
        )
    return found[-1]


class PostgresServer:
    """One throwaway cluster. ``durable=False`` turns fsync off: fine for tests, whose
    data dies with the folder; benchmarks keep it on, as a real server would."""

    def __init__(self, durable=False):
        self.bin = binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="leverage-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.durable = durable
        self._as_user = []
        if os.geteuid() == 0:
            try:
                shutil.chown(self.folder, SERVER_USER, SERVER_USER)
            except LookupError as error:
                raise RuntimeError(
                    f"no '{SERVER_USER}' user to run PostgreSQL as (root may not): "
                    "install Debian's postgresql package (scripts/setup.sh --test)"
                ) from error
            self._as_user = ["runuser", "-u", SERVER_USER, "--"]

    def _run(self, tool, *arguments):
        command = [*self._as_user, str(self.bin / tool), *arguments]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text()[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"PostgreSQL's {tool} failed ({result.returncode}): "
                f"{(result.stderr or result.stdout).strip()[-2000:]}\n{log}"
            )
        return result

    def start(self):
        """Create the cluster on first use, then start the server and wait until it answers."""
        if not self.data.exists():
            self._run(
                "initdb",
                f"--pgdata={self.data}",
                f"--username={SUPERUSER}",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                *([] if self.durable else ["--no-sync"]),
            )
        options = f"-c listen_addresses='' -k {self.folder} -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            "pg_ctl", "start", "--wait", f"--pgdata={self.data}", f"--log={self.log}", "-o", options
        )
        return self

    def stop(self):
        """Stop the server (fast: open sessions are ended) and keep the cluster."""
        self._run("pg_ctl", "stop", "--wait", f"--pgdata={self.data}", "--mode=fast")

    def restart(self):
        self.stop()
        self.start()

    def url(self, database="postgres"):
        """The SQLAlchemy URL of ``database`` on this server (psycopg 3, over the socket)."""
        return f"postgresql+psycopg://{SUPERUSER}@/{database}?host={self.folder}"

    def new_database(self, prefix="test"):
        """A fresh, empty database; returns its URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        engine = sqlalchemy.create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
        finally:
            engine.dispose()
        return self.url(name)

    def remove(self):
        """Stop the server if it runs, and delete the cluster."""
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def running_postgres(durable=False):
    """A started server, stopped and deleted on exit."""
    server = PostgresServer(durable=durable)
    try:
        yield server.start()
    finally:
        server.remove()
