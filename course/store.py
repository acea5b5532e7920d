"""The workshop results store: one record per finished negotiation, for the live debrief,
and the paired role plays' tables (``pair_*``: people, rounds, pairs, seats, moves and
answers), which are also how two participants in separate kernels talk to each other.

SQLite in WAL mode in a data folder by default (every participant's kernel writes to the
same file at once; WAL lets the debrief read while they write, and a busy timeout makes
concurrent writers wait their turn instead of failing), or any SQLAlchemy URL (e.g.
PostgreSQL) for rooms spread over several machines.

Every record is validated before it is written: a malformed one is refused with a
``ValueError`` that says why, and the reason is logged for the facilitator.
"""

import logging
import math
import re
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

log = logging.getLogger(__name__)

#: The file name of the default SQLite store inside the data folder.
DEFAULT_FILE = "results.sqlite"

ROLES = ("seller", "buyer")
ENDINGS = ("agreement", "walk away", "deadline")
NAME_LENGTH = 40
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

#: The columns a record has, in the order the CSV export uses.
COLUMNS = (
    "id",
    "participant",
    "app",
    "bot_style",
    "role",
    "reservation",
    "bot_reservation",
    "first_offer",
    "price",
    "ended_by",
    "rounds",
    "zopa_share",
    "created_at",
)

metadata = MetaData()
results = Table(
    "results",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("participant", String(NAME_LENGTH), nullable=False),
    Column("app", String(40), nullable=False),
    Column("bot_style", String(40), nullable=False),
    Column("role", String(10), nullable=False),
    Column("reservation", Float, nullable=False),
    Column("bot_reservation", Float, nullable=True),
    Column("first_offer", Float, nullable=True),
    Column("price", Float, nullable=True),
    Column("ended_by", String(20), nullable=False),
    Column("rounds", Integer, nullable=False),
    Column("zopa_share", Float, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


# --- the paired role plays (course.workshop.pairs reads and writes these) -----------------

#: Someone in the pairs lobby: ``browser`` is a hash of their browser's seat cookie (never
#: the cookie itself), ``seen_at`` when their page last showed it was open.
pair_people = Table(
    "pair_people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("browser", String(64), nullable=False, index=True),
    Column("joined_at", DateTime(timezone=True), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("gone", Boolean, nullable=False, default=False),
)
#: A round: the case (``case_data``, the whole case as JSON, both briefs), its clock, how
#: the room was paired, how long a partner may be away, the bot style for a bot seat.
pair_rounds = Table(
    "pair_rounds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_key", String(40), nullable=False),
    Column("case_data", Text, nullable=False),
    Column("pairing", String(20), nullable=False),
    Column("away_limit", Integer, nullable=False),
    Column("bot_style", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
)
#: A pair at its table: ``moves`` counts its moves (every move takes this row's lock, so
#: a pair's moves are numbered without gaps in the order they happened); once over, how
#: it ended, the deal (JSON), who ended it and what they said.
pair_tables = Table(
    "pairs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", Integer, ForeignKey("pair_rounds.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("moves", Integer, nullable=False, default=0),
    Column("ended_by", String(20), nullable=True),
    Column("deal", Text, nullable=True),
    Column("ended_seat", Integer, nullable=True),
    Column("reason", String(200), nullable=True),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("round_id", "number"),
)
#: A seat: one side of a pair, held by a person (``person_id``) or by a bot (``bot``; a
#: bot also takes the seat of a partner who left), with that side's confidential brief.
pair_seats = Table(
    "pair_seats",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("round_id", Integer, ForeignKey("pair_rounds.id"), nullable=False),
    Column("pair_id", Integer, ForeignKey("pairs.id"), nullable=False, index=True),
    Column("person_id", Integer, ForeignKey("pair_people.id"), nullable=True),
    Column("side", String(10), nullable=False),
    Column("name", String(NAME_LENGTH), nullable=False),
    Column("brief", Text, nullable=False),
    Column("bot", Boolean, nullable=False, default=False),
    UniqueConstraint("round_id", "person_id"),
)
#: Every move at a table, numbered from 1 (``number``): offers (JSON), messages, accepting,
#: walking away, and the table's own events (time up, a bot taking a seat).
pair_moves = Table(
    "pair_moves",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("pair_id", Integer, ForeignKey("pairs.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("seat_id", Integer, ForeignKey("pair_seats.id"), nullable=True),
    Column("kind", String(20), nullable=False),
    Column("offer", Text, nullable=True),
    Column("text", String(300), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("pair_id", "number"),
)
#: A seat's answers to the questionnaire on subjective value (JSON: question -> 1..7).
pair_answers = Table(
    "pair_answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("seat_id", Integer, ForeignKey("pair_seats.id"), nullable=False, unique=True),
    Column("answers", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


def default_url(folder):
    """The SQLAlchemy URL of the default store: a SQLite file in ``folder`` (created)."""
    folder = Path(folder).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DEFAULT_FILE}"


def _sqlite_pragmas(connection, _record):
    """Wait for locks (up to 30 s) before anything else, then switch to WAL; switching can
    still find the file busy while another process opens it, so it is retried."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    for attempt in range(100):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except Exception as error:  # sqlite3.OperationalError: database is locked
            if attempt == 99 or "locked" not in str(error):
                raise
            time.sleep(0.02)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _number(record, key, optional=False, low=-math.inf, high=math.inf):
    value = record.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key} must be a number, got {value!r}")
    if not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{key} must be a finite number from {low:g} to {high:g}, got {value!r}")
    return float(value)


def _identifier(record, key):
    value = record.get(key)
    if not isinstance(value, str) or not _IDENTIFIER.match(value):
        raise ValueError(
            f"{key} must be a short lower-case name (letters, digits, - or _), got {value!r}"
        )
    return value


def clean_name(name):
    """A participant's display name, trimmed; a ``ValueError`` says what is wrong with it."""
    if not isinstance(name, str):
        raise ValueError(f"the display name must be text, got {type(name).__name__}")
    name = " ".join(name.split())
    if not name:
        raise ValueError("enter a display name (a first name or a nickname)")
    if len(name) > NAME_LENGTH or _CONTROL.search(name):
        raise ValueError(f"the display name must be at most {NAME_LENGTH} plain characters")
    return name


def validate(record):
    """The record as it will be stored, or a ``ValueError`` saying what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError(f"a record must be a dict, got {type(record).__name__}")
    unknown = set(record) - (set(COLUMNS) - {"id", "created_at"})
    if unknown:
        raise ValueError(f"unknown fields: {', '.join(sorted(map(str, unknown)))}")
    row = {
        "participant": clean_name(record.get("participant")),
        "app": _identifier(record, "app"),
        "bot_style": _identifier(record, "bot_style"),
    }
    role = record.get("role")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    ended_by = record.get("ended_by")
    if ended_by not in ENDINGS:
        raise ValueError(f"ended_by must be one of {', '.join(ENDINGS)}, got {ended_by!r}")
    rounds = record.get("rounds")
    if isinstance(rounds, bool) or not isinstance(rounds, int) or not 0 <= rounds <= 10_000:
        raise ValueError(f"rounds must be a whole number from 0 to 10000, got {rounds!r}")
    row |= {
        "role": role,
        "ended_by": ended_by,
        "rounds": rounds,
        "reservation": _number(record, "reservation"),
        "bot_reservation": _number(record, "bot_reservation", optional=True),
        "first_offer": _number(record, "first_offer", optional=True),
        "price": _number(record, "price", optional=True),
        "zopa_share": _number(record, "zopa_share", optional=True, low=-100, high=1),
    }
    if (ended_by == "agreement") != (row["price"] is not None):
        raise ValueError(
            "an agreement needs a price and an impasse must have none, "
            f"got ended_by={ended_by!r} and price={row['price']!r}"
        )
    if row["price"] is None and row["zopa_share"] is not None:
        raise ValueError("an impasse has no share of the ZOPA")
    return row


class ResultsStore:
    """The room's results. ``url`` is any SQLAlchemy URL; without one, a SQLite file in
    ``folder`` (default: ``workshop-data`` here)."""

    def __init__(self, url=None, folder="workshop-data"):
        self.url = url or default_url(folder)
        if self.url.startswith("sqlite"):
            self.engine = create_engine(self.url)
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:  # a server: a kernel open all workshop long must outlive a server restart
            self.engine = create_engine(self.url, pool_pre_ping=True)
        self._create_table()

    def _create_table(self):
        """Create the table unless it exists; another process may be creating it at the
        same moment (SQLite: locked; PostgreSQL: duplicate table or type), then retry."""
        for attempt in range(50):
            try:
                metadata.create_all(self.engine, checkfirst=True)
                return
            except (OperationalError, ProgrammingError, IntegrityError) as error:
                transient = any(
                    sign in str(error) for sign in ("already exists", "locked", "duplicate key")
                )
                if attempt == 49 or not transient:
                    raise
                time.sleep(0.05)

    def add(self, record):
        """Validate and save one finished negotiation; returns its id. A malformed record
        is refused with a ``ValueError`` and its reason is logged."""
        try:
            row = validate(record)
        except ValueError as error:
            log.warning("refused a malformed result: %s", error)
            raise
        row["created_at"] = datetime.now(UTC)
        return self.transaction(
            lambda connection: connection.execute(
                insert(results).values(**row)
            ).inserted_primary_key[0]
        )

    def transaction(self, work):
        """``work(connection)`` in one transaction, its value returned; tried again while
        SQLite's file is locked by another writer (each try starts afresh)."""
        for attempt in range(20):
            try:
                with self.engine.begin() as connection:
                    return work(connection)
            except OperationalError as error:
                if attempt == 19 or "locked" not in str(error):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def records(self, after=0):
        """Every record (dicts, oldest first) with an id above ``after``."""
        query = select(results).where(results.c.id > after).order_by(results.c.id)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def close(self):
        """Release the store's connections."""
        self.engine.dispose()
