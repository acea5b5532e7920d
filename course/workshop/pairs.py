"""Paired role plays over the results store: the lobby, rounds and how the room is paired,
seats with their confidential briefs, the moves at each table, the questionnaire, the
referee that keeps the clock and plays bot seats, and the scores.

The store is the only channel between two partners, who sit in separate kernels (often
separate Voila processes). Who someone is comes from their seat, held server-side: a
person is found by a hash of their browser's seat cookie (``browser_key``), a seat by
the person and the round. A view passes its own seat's id, kept in Python, never a
widget value; every move is checked here against that seat.

Every move at a table takes the table's row lock (an ``UPDATE`` of its move count), so a
pair's moves are numbered in the order they happened on SQLite and PostgreSQL alike, and
a move that comes too late (the other side accepted, walked away or the clock ran out
first) is refused with a reason the participant can read.

A participant's kernel imports this module, never ``course.workshop.cases``: it reads
its own brief from its seat, and the whole case (``case_data``) only once the round is
over, for the scores.
"""

import hashlib
import json
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, update

from course.models.concessions import TradeTable
from course.models.pairs import FACTORS, SCALE, frontier_distance, points_over_batna, zone_share
from course.store import (
    _CONTROL,
    clean_name,
    pair_answers,
    pair_moves,
    pair_people,
    pair_rounds,
    pair_seats,
    pair_tables,
)

SIDES = ("seller", "buyer")

#: How a facilitator pairs the room for a round (pairs they arranged come first).
PAIRINGS = {
    "random": "new random pairs, roles drawn at random",
    "new partners": "random pairs, avoiding last round's partners where possible",
    "swap roles": "the same partners as last round, each in the other role",
}

#: What a person may do at the table; the table's own events; how each ending is named.
MOVES = ("offer", "message", "accept", "walk away")
EVENTS = ("time", "partner left", "bot joins")
ENDINGS = {
    "accept": "agreement",
    "walk away": "walk away",
    "time": "time",
    "partner left": "partner left",
}

MESSAGE_LENGTH = 200
#: Seconds a partner may be gone before the other may end the round or call in a bot.
DEFAULT_AWAY = 120
AWAY_RANGE = (30, 1800)
MINUTES_RANGE = (1, 120)
#: The rounds a bot in a bot seat makes offers in (it concedes towards the last one).
BOT_ROUNDS = 12
DEFAULT_BOT = "linear"

#: Short messages a participant can send with one tap (or type their own).
PHRASES = (
    "What matters most to you here?",
    "Tell me more about what you need.",
    "That does not work for me yet.",
    "I can move on this if you move on something else.",
    "Let's look at the whole package together.",
    "I have other options, but I would rather agree with you.",
    "This is close to my limit.",
    "Thank you, that helps.",
)
#: Why someone walks away, for the debrief's impasses.
REASONS = (
    "We were too far apart.",
    "Their offer was worse than my alternative.",
    "They would not move.",
    "I did not trust them.",
)

#: The questionnaire on subjective value (the four factors of Curhan, Elfenbein & Xu
#: 2006), two questions each, answered 1 (not at all) to 7 (very much).
QUESTIONS = (
    ("outcome-good", "outcome", "How good is the result you came away with, for you?"),
    ("outcome-fair", "outcome", "How fair does the result feel, for both sides?"),
    ("self-competent", "self", "How competent did you feel while you negotiated?"),
    ("self-principles", "self", "How well did you keep to your own standards of conduct?"),
    ("process-heard", "process", "How well did the other side listen to what you said?"),
    ("process-fair", "process", "How fair was the way you reached the result?"),
    ("relationship-trust", "relationship", "How much do you trust the other side now?"),
    ("relationship-again", "relationship", "How glad would you be to negotiate with them again?"),
)
FACTOR_OF = {key: factor for key, factor, _ in QUESTIONS}
assert set(FACTOR_OF.values()) == set(FACTORS)


def browser_key(token):
    """What the store keeps of a browser's seat cookie: its SHA-256, never the cookie."""
    return hashlib.sha256(token.encode()).hexdigest()


def now():
    return datetime.now(UTC)


def _utc(moment):
    """A stored time as an aware UTC datetime (SQLite gives naive ones back)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def seat_brief(case, side):
    """What the person on ``side`` of ``case`` may see: the case without the other side's
    brief, reservation price, BATNA or points table."""
    if side not in SIDES:
        raise ValueError(f"side must be seller or buyer, got {side!r}")
    other = SIDES[side == SIDES[0]]
    return {
        **{key: value for key, value in case.items() if key != "sides"},
        "side": side,
        "own": case["sides"][side],
        "other": {key: case["sides"][other][key] for key in ("title", "short")},
    }


def clean_message(text, required=True):
    """A message or a walk-away reason as sent: trimmed, plain, at most ``MESSAGE_LENGTH``
    characters; a ``ValueError`` says what is wrong."""
    if text is None and not required:
        return None
    if not isinstance(text, str):
        raise ValueError("a message must be text")
    text = " ".join(text.split())
    if not text:
        if required:
            raise ValueError("type a message or pick one first")
        return None
    if len(text) > MESSAGE_LENGTH or _CONTROL.search(text):
        raise ValueError(f"a message must be at most {MESSAGE_LENGTH} plain characters")
    return text


def check_offer(brief, offer):
    """``offer`` as stored, checked against the case in ``brief`` (a seat's brief or the
    whole case): a whole price in range, or a level of every issue; else ``ValueError``."""
    if brief["kind"] == "price":
        low, high = brief["low"], brief["high"]
        if isinstance(offer, bool) or not isinstance(offer, int) or not low <= offer <= high:
            raise ValueError(f"a price must be a whole number from {low} to {high}, got {offer!r}")
        return offer
    if not isinstance(offer, dict) or sorted(offer) != sorted(i["key"] for i in brief["issues"]):
        raise ValueError("an offer must pick one option on every issue")
    for issue in brief["issues"]:
        if offer[issue["key"]] not in issue["levels"]:
            raise ValueError(f"{offer[issue['key']]!r} is not an option for {issue['label']}")
    return {issue["key"]: offer[issue["key"]] for issue in brief["issues"]}


def own_value(brief, offer):
    """What ``offer`` is worth to the seat whose ``brief`` this is: a price, or the sum of
    its points."""
    offer = check_offer(brief, offer)
    if brief["kind"] == "price":
        return offer
    points = brief["own"]["points"]
    return sum(points[key][level] for key, level in offer.items())


def own_gain(brief, offer):
    """What ``offer`` gives the seat over walking away: its price against its reservation
    price (above it for a seller, below it for a buyer), or its points against its BATNA."""
    value = own_value(brief, offer)
    if brief["kind"] == "price":
        reservation = brief["own"]["reservation"]
        return value - reservation if brief["side"] == "seller" else reservation - value
    return points_over_batna(value, brief["own"]["batna"])


# --- pairing (pure) -----------------------------------------------------------------


def pair_up(people, rng, pairing="random", previous=(), arranged=()):
    """Seat ``people`` (ids) in pairs: a list of ``(seller, buyer)``, with ``None`` where a
    bot sits (an odd person out). ``arranged`` lists pairs the facilitator fixed (in that
    order, roles drawn); ``previous`` last round's pairs, for ``swap roles`` (the same
    partners, roles swapped; people whose partner is not here are paired afresh) and
    ``new partners`` (fewest repeats among a few random draws)."""
    if pairing not in PAIRINGS:
        raise ValueError(f"pick a pairing from {', '.join(PAIRINGS)}, got {pairing!r}")
    left = list(dict.fromkeys(people))
    seated = []

    def take(a, b):
        seated.append((a, b) if rng.random() < 0.5 else (b, a))
        for person in (a, b):
            left.remove(person)

    for a, b in arranged:
        if a == b or a not in left or b not in left:
            raise ValueError(
                "an arranged pair must be two different people in the lobby, once each"
            )
        take(a, b)
    if pairing == "swap roles":
        for seller, buyer in previous:
            if seller in left and buyer in left:
                seated.append((buyer, seller))
                left.remove(seller)
                left.remove(buyer)
    rng.shuffle(left)
    if pairing == "new partners":
        before = {frozenset(pair) for pair in previous}
        draws = [left[:]] + [rng.sample(left, len(left)) for _ in range(30)]
        left = min(
            draws,
            key=lambda d: sum(frozenset(d[i : i + 2]) in before for i in range(0, len(d) - 1, 2)),
        )
    while len(left) >= 2:
        take(left[0], left[1])
    if left:
        seated.append((left[0], None) if rng.random() < 0.5 else (None, left[0]))
    return seated


# --- scores -------------------------------------------------------------------------


def packages_of(case):
    """Every package's ``(seller points, buyer points)`` of a case of several issues."""
    table = TradeTable(case["sides"]["seller"]["points"], case["sides"]["buyer"]["points"])
    return [(seller, buyer) for _, seller, buyer in table.packages]


def score(case, deal, packages=None):
    """What a table's ending means once the round is over (it reads both sides): for each
    side its value (price or points), its gain over walking away and its claim (share of
    the zone, or points over its BATNA); for several issues, the joint points over both
    BATNAs and the distance to the Pareto frontier. ``deal`` is ``None`` for an impasse;
    pass ``packages`` (``packages_of(case)``) when scoring many tables of one case."""
    sides = case["sides"]
    if case["kind"] == "price":
        seller, buyer = sides["seller"]["reservation"], sides["buyer"]["reservation"]
        out = {"kind": "price", "zone": (seller, buyer)}
        for side in SIDES:
            out[side] = {
                "value": deal,
                "gain": 0.0
                if deal is None
                else float(deal - seller if side == "seller" else buyer - deal),
                "claimed": None if deal is None else zone_share(deal, seller, buyer, side),
            }
        return out
    out = {"kind": "package"}
    values = {}
    for side in SIDES:
        own = sides[side]
        values[side] = (
            own["batna"] if deal is None else sum(own["points"][k][v] for k, v in deal.items())
        )
        gain = points_over_batna(values[side], own["batna"])
        out[side] = {"value": values[side], "gain": gain, "claimed": gain}
    out["joint_gain"] = out["seller"]["gain"] + out["buyer"]["gain"]
    if deal is not None:
        out["frontier"] = frontier_distance(
            (values["seller"], values["buyer"]), packages or packages_of(case)
        )
    return out


# --- the bot in a bot seat: the course's engine, behind this one function --------------


def bot_answer(case, side, style, offers):
    """The bot on ``side`` of ``case`` (a course counterpart of ``style``) having heard the
    other side's ``offers`` in order: ``(kind, offer, words)`` with kind ``offer``,
    ``accept``, ``walk away`` or ``message``; ``None`` before any offer. The bot is
    replayed from the start on every call (it is deterministic), so a bot seat survives
    a server restart and can take over a seat in the middle of a negotiation."""
    from course.engine.domain import multi_issue_negotiation, price_negotiation
    from course.engine.session import PersonSession

    if not offers:
        return None
    sides = case["sides"]
    if case["kind"] == "price":
        negotiation = price_negotiation(
            sides["seller"]["reservation"],
            sides["buyer"]["reservation"],
            low=case["low"],
            high=case["high"],
            rounds=BOT_ROUNDS,
        )
    else:
        negotiation = multi_issue_negotiation(
            {issue["key"]: issue["levels"] for issue in case["issues"]},
            {s: sides[s]["points"] for s in SIDES},
            {s: {issue["key"]: 1 for issue in case["issues"]} for s in SIDES},
            {s: sides[s]["batna"] for s in SIDES},
            rounds=BOT_ROUNDS,
        )
    person = SIDES[side == SIDES[0]]
    session = PersonSession(negotiation, person=person, bot=style, first="person")
    answer = None
    for offer in offers:
        try:
            answer = session.offer(offer)
        except ValueError:  # its final offer was made: no time is left for new offers
            return ("message", None, "My last offer stands: accept it or walk away.")
        if session.finished:
            break
    if not session.finished:
        return ("offer", answer["bot_offer"], answer["said"])
    if session.ended_by == "agreement":
        return ("accept", None, "Agreed.")
    return ("walk away", None, session.said or "We are too far apart. Goodbye.")


# --- the room over the store ----------------------------------------------------------


def _row(row):
    return None if row is None else dict(row._mapping)


class Room:
    """The pairs workshop in ``store`` (a ``ResultsStore``)."""

    def __init__(self, store):
        self.store = store
        self._seen = {}  # the referee's: a bot seat -> its table's move count it last saw
        self._cases = {}  # the referee's: a round -> its case

    # -- people --

    def join(self, browser, name):
        """Join the lobby (or rename yourself) as ``name``; returns the person's id."""
        name = clean_name(name)

        def work(connection):
            found = self._person(connection, browser)
            moment = now()
            if found is not None:
                connection.execute(
                    update(pair_people)
                    .where(pair_people.c.id == found["id"])
                    .values(name=name, seen_at=moment)
                )
                return found["id"]
            row = {"name": name, "browser": browser, "joined_at": moment, "seen_at": moment}
            return connection.execute(insert(pair_people).values(**row)).inserted_primary_key[0]

        return self.store.transaction(work)

    @staticmethod
    def _person(connection, browser):
        query = (
            select(pair_people)
            .where(pair_people.c.browser == browser, pair_people.c.gone.is_(False))
            .order_by(pair_people.c.id.desc())
            .limit(1)
        )
        return _row(connection.execute(query).first())

    def person(self, browser):
        """The person this browser joined as, or ``None``."""
        with self.store.engine.connect() as connection:
            return self._person(connection, browser)

    def seen(self, person):
        """Note that ``person``'s page is open now."""
        self.store.transaction(
            lambda c: c.execute(
                update(pair_people).where(pair_people.c.id == person).values(seen_at=now())
            )
        )

    def lobby(self, away=DEFAULT_AWAY):
        """Everyone who joined, with ``present`` (their page was open in the last ``away``
        seconds) and ``seated`` (they hold a seat in the round now running)."""
        current = self.current_round()
        running = current is not None and current["running"]
        with self.store.engine.connect() as connection:
            people = [
                _row(r)
                for r in connection.execute(
                    select(pair_people)
                    .where(pair_people.c.gone.is_(False))
                    .order_by(pair_people.c.id)
                )
            ]
            seated = set()
            if running:
                seated = set(
                    connection.execute(
                        select(pair_seats.c.person_id).where(pair_seats.c.round_id == current["id"])
                    ).scalars()
                )
        moment = now()
        for person in people:
            person["present"] = (moment - _utc(person["seen_at"])).total_seconds() <= away
            person["seated"] = person["id"] in seated
        return people

    # -- rounds --

    def current_round(self):
        """The latest round (``None`` before the first), with ``running`` (not over yet)."""
        with self.store.engine.connect() as connection:
            row = _row(
                connection.execute(
                    select(pair_rounds).order_by(pair_rounds.c.id.desc()).limit(1)
                ).first()
            )
        return None if row is None else self._round(row)

    @staticmethod
    def _round(row):
        row = {**row, **{k: _utc(row[k]) for k in ("started_at", "ends_at", "ended_at")}}
        row["running"] = row["ended_at"] is None and now() < row["ends_at"]
        return row

    def rounds(self, round_id=None):
        """Every round (or only ``round_id``), oldest first, without the case's data."""
        columns = [c for c in pair_rounds.c if c.name != "case_data"]
        query = select(*columns).order_by(pair_rounds.c.id)
        if round_id is not None:
            query = query.where(pair_rounds.c.id == round_id)
        with self.store.engine.connect() as connection:
            return [self._round(dict(r._mapping)) for r in connection.execute(query)]

    def start_round(
        self,
        case,
        minutes,
        pairing="random",
        arranged=(),
        away=DEFAULT_AWAY,
        bot_style=DEFAULT_BOT,
        rng=None,
        stand_in=None,
    ):
        """Pair everyone present in the lobby and start a round of ``case`` (the whole case's
        data) lasting ``minutes``; returns the round's id. A ``ValueError`` says why not.

        ``stand_in`` (a person in the lobby, typically the facilitator joined from the
        participants' page) takes the odd seat instead of a bot: they are paired only when
        the others are an odd number (or when an arranged pair names them), and otherwise
        sit this round out."""
        from course.engine.bots import STYLES

        rng = rng or random.SystemRandom()
        for name, value, (low, high) in (
            ("the round's minutes", minutes, MINUTES_RANGE),
            ("the seconds a partner may be away", away, AWAY_RANGE),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(
                    f"{name} must be a whole number from {low} to {high}, got {value!r}"
                )
        if bot_style not in STYLES:
            raise ValueError(f"pick a bot style from {', '.join(STYLES)}, got {bot_style!r}")
        current = self.current_round()
        if current is not None and current["running"]:
            raise ValueError("a round is running: end it before starting another")
        present = [p for p in self.lobby(away) if p["present"]]
        if not present:
            raise ValueError("nobody is in the lobby yet")
        previous = self._pairs_of(current["id"]) if current else []
        names = {p["id"]: p["name"] for p in present}
        if stand_in is not None:
            if stand_in not in names:
                raise ValueError("the stand-in for the odd seat must be in the lobby, page open")
            others = len(names) - 1
            if others % 2 == 0 and not any(stand_in in pair for pair in arranged):
                del names[stand_in]
                if not names:
                    raise ValueError("nobody but the stand-in is in the lobby")
        seated = pair_up(list(names), rng, pairing, previous, arranged)
        moment = now()

        def work(connection):
            round_id = connection.execute(
                insert(pair_rounds).values(
                    case_key=case["key"],
                    case_data=json.dumps(case),
                    pairing=pairing,
                    away_limit=away,
                    bot_style=bot_style,
                    started_at=moment,
                    ends_at=moment + timedelta(minutes=minutes),
                )
            ).inserted_primary_key[0]
            for number, people in enumerate(seated, start=1):
                pair = connection.execute(
                    insert(pair_tables).values(round_id=round_id, number=number, moves=0)
                ).inserted_primary_key[0]
                for side, person in zip(SIDES, people, strict=True):
                    connection.execute(
                        insert(pair_seats).values(
                            round_id=round_id,
                            pair_id=pair,
                            person_id=person,
                            side=side,
                            name=names.get(person, "a bot"),
                            brief=json.dumps(seat_brief(case, side)),
                            bot=person is None,
                        )
                    )
            return round_id

        return self.store.transaction(work)

    def _pairs_of(self, round_id):
        """A round's pairs as ``(seller person, buyer person)``."""
        with self.store.engine.connect() as connection:
            rows = connection.execute(
                select(pair_seats.c.pair_id, pair_seats.c.side, pair_seats.c.person_id).where(
                    pair_seats.c.round_id == round_id
                )
            )
            by_pair = {}
            for pair, side, person in rows:
                by_pair.setdefault(pair, {})[side] = person
        return [(p.get("seller"), p.get("buyer")) for _, p in sorted(by_pair.items())]

    def end_round(self, round_id, extra_minutes=None):
        """End the round now (open tables end as ``time``), or with ``extra_minutes`` give it
        that many more minutes."""
        if extra_minutes is not None:
            if (
                isinstance(extra_minutes, bool)
                or not isinstance(extra_minutes, int)
                or not 1 <= extra_minutes <= 60
            ):
                raise ValueError(f"add from 1 to 60 minutes, got {extra_minutes!r}")
            self.move_clock(round_id, timedelta(minutes=extra_minutes))
            return
        self._close(round_id, "The facilitator ended the round.")

    def move_clock(self, round_id, by):
        """Move a running round's end by ``by`` (a ``timedelta``; negative brings it nearer)."""

        def work(connection):
            ends_at = connection.execute(
                select(pair_rounds.c.ends_at).where(
                    pair_rounds.c.id == round_id, pair_rounds.c.ended_at.is_(None)
                )
            ).scalar()
            if ends_at is not None:
                connection.execute(
                    update(pair_rounds)
                    .where(pair_rounds.c.id == round_id)
                    .values(ends_at=_utc(ends_at) + by)
                )

        self.store.transaction(work)

    def _close(self, round_id, words):
        """End every open table of the round by ``time``, then the round itself."""
        with self.store.engine.connect() as connection:
            open_pairs = list(
                connection.execute(
                    select(pair_tables.c.id).where(
                        pair_tables.c.round_id == round_id, pair_tables.c.ended_by.is_(None)
                    )
                ).scalars()
            )
        for pair in open_pairs:
            self.store.transaction(
                lambda c, pair=pair: self._move(c, pair, None, "time", text=words)
            )
        self.store.transaction(
            lambda c: c.execute(
                update(pair_rounds)
                .where(pair_rounds.c.id == round_id, pair_rounds.c.ended_at.is_(None))
                .values(ended_at=now())
            )
        )

    def case_of(self, round_id):
        """The round's whole case (both sides): for scoring once the round is over."""
        with self.store.engine.connect() as connection:
            row = connection.execute(
                select(
                    pair_rounds.c.case_data, pair_rounds.c.ended_at, pair_rounds.c.ends_at
                ).where(pair_rounds.c.id == round_id)
            ).first()
        if row is None:
            raise ValueError(f"no round {round_id}")
        if row.ended_at is None and now() < _utc(row.ends_at):
            raise ValueError("the round is still running: both sides' briefs open when it is over")
        return json.loads(row.case_data)

    # -- a seat --

    def seat(self, person, round_id=None):
        """``person``'s seat in the latest round (or ``round_id``), ``None`` if they have
        none: their own brief, their pair, and their partner's name, side, whether a bot
        plays it and when their page was last open; nothing of the partner's brief."""
        with self.store.engine.connect() as connection:
            if round_id is None:
                round_id = connection.execute(select(func.max(pair_rounds.c.id))).scalar()
            own = _row(
                connection.execute(
                    select(pair_seats).where(
                        pair_seats.c.round_id == round_id, pair_seats.c.person_id == person
                    )
                ).first()
            )
            if own is None:
                return None
            partner = _row(
                connection.execute(
                    select(
                        pair_seats.c.id,
                        pair_seats.c.name,
                        pair_seats.c.side,
                        pair_seats.c.bot,
                        pair_people.c.seen_at,
                    )
                    .select_from(
                        pair_seats.outerjoin(
                            pair_people, pair_seats.c.person_id == pair_people.c.id
                        )
                    )
                    .where(pair_seats.c.pair_id == own["pair_id"], pair_seats.c.id != own["id"])
                ).first()
            )
        own["brief"] = json.loads(own["brief"])
        partner["seen_at"] = _utc(partner["seen_at"])
        own["partner"] = partner
        return own

    def table(self, pair):
        """A table's state: its move count, and how and when it ended (``None`` while open)."""
        with self.store.engine.connect() as connection:
            row = _row(
                connection.execute(select(pair_tables).where(pair_tables.c.id == pair)).first()
            )
        row["deal"] = None if row["deal"] is None else json.loads(row["deal"])
        row["ended_at"] = _utc(row["ended_at"])
        return row

    def moves(self, pair, after=0):
        """The table's moves numbered above ``after``, in order."""
        with self.store.engine.connect() as connection:
            rows = connection.execute(
                select(pair_moves)
                .where(pair_moves.c.pair_id == pair, pair_moves.c.number > after)
                .order_by(pair_moves.c.number)
            )
            found = [_row(r) for r in rows]
        for move in found:
            move["offer"] = None if move["offer"] is None else json.loads(move["offer"])
            move["at"] = _utc(move["at"])
        return found

    def act(self, seat, kind, offer=None, text=None, answering=None):
        """Make a move for ``seat`` (a person's seat: a bot's is played by the referee):
        ``offer`` (a price or a package), ``message`` (``text``), ``accept`` (the other
        side's offer numbered ``answering``, which must still be the latest offer) or
        ``walk away`` (``text``: why, optional). Returns the move's number; a refused move
        raises ``ValueError`` with the reason and changes nothing."""
        if kind not in MOVES:
            raise ValueError(f"a move is one of {', '.join(MOVES)}, got {kind!r}")
        own = self._seat_row(seat)
        if own["bot"]:
            raise ValueError("a bot plays this seat now")
        return self._act(own, kind, offer, text, answering)

    def _seat_row(self, seat):
        with self.store.engine.connect() as connection:
            row = _row(
                connection.execute(select(pair_seats).where(pair_seats.c.id == seat)).first()
            )
        if row is None:
            raise ValueError("no such seat")
        row["brief"] = json.loads(row["brief"])
        return row

    def _act(self, own, kind, offer, text, answering):
        if kind == "offer":
            offer = check_offer(own["brief"], offer)
        text = (
            clean_message(text, required=kind == "message")
            if kind in ("message", "walk away")
            else None
        )
        if kind == "accept" and (isinstance(answering, bool) or not isinstance(answering, int)):
            raise ValueError("say which offer you accept")
        done = self.store.transaction(
            lambda c: self._move(c, own["pair_id"], own["id"], kind, offer, text, answering)
        )
        if isinstance(done, str):
            raise ValueError(done)
        return done

    def _move(self, connection, pair, seat, kind, offer=None, text=None, answering=None):
        """One move in the open transaction: take the table's lock, check the move still
        makes sense, record it (and the ending it makes). Returns the move's number, or
        the reason it was refused (a time-up is recorded even then)."""
        locked = connection.execute(
            update(pair_tables)
            .where(pair_tables.c.id == pair, pair_tables.c.ended_by.is_(None))
            .values(moves=pair_tables.c.moves + 1)
        )
        if locked.rowcount == 0:
            return "this negotiation is over"
        number, ends_at = connection.execute(
            select(pair_tables.c.moves, pair_rounds.c.ends_at)
            .select_from(pair_tables.join(pair_rounds, pair_tables.c.round_id == pair_rounds.c.id))
            .where(pair_tables.c.id == pair)
        ).one()
        moment = now()
        refused = None
        if kind not in EVENTS and moment >= _utc(ends_at):
            refused, seat, kind, offer, text = "time is up", None, "time", None, "The time ran out."
        deal = None
        if kind == "accept":
            latest = connection.execute(
                select(pair_moves.c.number, pair_moves.c.seat_id, pair_moves.c.offer)
                .where(pair_moves.c.pair_id == pair, pair_moves.c.kind == "offer")
                .order_by(pair_moves.c.number.desc())
                .limit(1)
            ).first()
            if latest is None or latest.seat_id == seat:
                raise ValueError("there is no offer from the other side to accept")
            if latest.number != answering:
                raise ValueError("a newer offer is on the table: look at it first")
            deal = latest.offer
        connection.execute(
            insert(pair_moves).values(
                pair_id=pair,
                number=number,
                seat_id=seat,
                kind=kind,
                offer=None if offer is None else json.dumps(offer),
                text=text,
                at=moment,
            )
        )
        if kind in ENDINGS:
            connection.execute(
                update(pair_tables)
                .where(pair_tables.c.id == pair)
                .values(
                    ended_by=ENDINGS[kind],
                    deal=deal,
                    ended_seat=seat,
                    reason=text,
                    ended_at=moment,
                )
            )
        return refused or number

    def partner_away(self, seat):
        """Seconds since ``seat``'s partner last had their page open (``None`` for a bot)."""
        partner = self.seat_partner(seat)
        if partner["bot"]:
            return None
        return (now() - partner["seen_at"]).total_seconds()

    def seat_partner(self, seat):
        own = self._seat_row(seat)
        return self.seat(own["person_id"], own["round_id"])["partner"]

    def replace_partner(self, seat, by_bot):
        """``seat``'s partner has been away longer than the round allows: a bot takes their
        seat (``by_bot``), or the table ends as ``partner left``. Refused while the
        partner is still within the limit."""
        own = self._seat_row(seat)
        if own["bot"]:
            raise ValueError("a bot plays this seat now")
        with self.store.engine.connect() as connection:
            away = connection.execute(
                select(pair_rounds.c.away_limit).where(pair_rounds.c.id == own["round_id"])
            ).scalar()
        gone = self.partner_away(seat)
        if gone is None or gone < away:
            raise ValueError("your partner is still here: wait for them")
        partner = self.seat_partner(seat)

        def work(connection):
            if not by_bot:
                return self._move(
                    connection,
                    own["pair_id"],
                    own["id"],
                    "partner left",
                    text="The other side left the negotiation.",
                )
            done = self._move(
                connection,
                own["pair_id"],
                None,
                "bot joins",
                text="A bot takes the other side's seat.",
            )
            if not isinstance(done, str):
                connection.execute(
                    update(pair_seats).where(pair_seats.c.id == partner["id"]).values(bot=True)
                )
            return done

        done = self.store.transaction(work)
        if isinstance(done, str):
            raise ValueError(done)
        return done

    def answer(self, seat, answers):
        """Save ``seat``'s questionnaire (question -> 1..7, every question), once, after the
        negotiation is over."""
        low, high = SCALE
        if not isinstance(answers, dict) or set(answers) != set(FACTOR_OF):
            raise ValueError("answer every question")
        for value in answers.values():
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"each answer is a whole number from {low} to {high}")
        own = self._seat_row(seat)
        if own["bot"] or self.table(own["pair_id"])["ended_by"] is None:
            raise ValueError("the questionnaire opens when your negotiation is over")

        def work(connection):
            if connection.execute(
                select(pair_answers.c.id).where(pair_answers.c.seat_id == seat)
            ).first():
                return "you have answered already"
            connection.execute(
                insert(pair_answers).values(seat_id=seat, answers=json.dumps(answers), at=now())
            )
            return None

        refused = self.store.transaction(work)
        if refused:
            raise ValueError(refused)

    def answers_of(self, seat):
        """``seat``'s answers, or ``None``."""
        with self.store.engine.connect() as connection:
            found = connection.execute(
                select(pair_answers.c.answers).where(pair_answers.c.seat_id == seat)
            ).scalar()
        return None if found is None else json.loads(found)

    def round_record(self, round_id):
        """Everything about a round, for the facilitator's debrief: the round with its
        case, and each pair with its seats (without their briefs), moves and answers."""
        with self.store.engine.connect() as connection:
            round_ = _row(
                connection.execute(select(pair_rounds).where(pair_rounds.c.id == round_id)).first()
            )
            tables = [
                _row(r)
                for r in connection.execute(
                    select(pair_tables)
                    .where(pair_tables.c.round_id == round_id)
                    .order_by(pair_tables.c.number)
                )
            ]
            seat_columns = [c for c in pair_seats.c if c.name != "brief"]
            seats = [
                _row(r)
                for r in connection.execute(
                    select(*seat_columns, pair_answers.c.answers)
                    .select_from(
                        pair_seats.outerjoin(
                            pair_answers, pair_answers.c.seat_id == pair_seats.c.id
                        )
                    )
                    .where(pair_seats.c.round_id == round_id)
                    .order_by(pair_seats.c.id)
                )
            ]
            moves = [
                _row(r)
                for r in connection.execute(
                    select(pair_moves)
                    .join(pair_tables, pair_moves.c.pair_id == pair_tables.c.id)
                    .where(pair_tables.c.round_id == round_id)
                    .order_by(pair_moves.c.pair_id, pair_moves.c.number)
                )
            ]
        if round_ is None:
            raise ValueError(f"no round {round_id}")
        round_ = self._round(round_)
        round_["case"] = json.loads(round_.pop("case_data"))
        for table in tables:
            table["deal"] = None if table["deal"] is None else json.loads(table["deal"])
            table["ended_at"] = _utc(table["ended_at"])
            table["seats"] = [s for s in seats if s["pair_id"] == table["id"]]
            table["moves"] = [m for m in moves if m["pair_id"] == table["id"]]
        for seat in seats:
            seat["answers"] = None if seat["answers"] is None else json.loads(seat["answers"])
        for move in moves:
            move["offer"] = None if move["offer"] is None else json.loads(move["offer"])
            move["at"] = _utc(move["at"])
        return {"round": round_, "pairs": tables}

    # -- the referee: the clock and the bots ----------------------------------------------

    def referee(self):
        """One look at the running rounds: close those whose time is up (or whose tables
        have all ended), and let each bot seat answer the offers it has not answered yet.
        Returns the number of moves it made."""
        made = 0
        with self.store.engine.connect() as connection:
            running = [
                _row(r)
                for r in connection.execute(
                    select(pair_rounds.c.id, pair_rounds.c.ends_at, pair_rounds.c.bot_style).where(
                        pair_rounds.c.ended_at.is_(None)
                    )
                )
            ]
        for round_ in running:
            if now() >= _utc(round_["ends_at"]):
                self._close(round_["id"], "The time ran out.")
                continue
            with self.store.engine.connect() as connection:
                tables = [
                    _row(r)
                    for r in connection.execute(
                        select(pair_tables.c.id, pair_tables.c.moves, pair_tables.c.ended_by).where(
                            pair_tables.c.round_id == round_["id"]
                        )
                    )
                ]
                bots = [
                    _row(r)
                    for r in connection.execute(
                        select(pair_seats.c.id, pair_seats.c.pair_id, pair_seats.c.side).where(
                            pair_seats.c.round_id == round_["id"], pair_seats.c.bot.is_(True)
                        )
                    )
                ]
            if all(t["ended_by"] is not None for t in tables):
                self.store.transaction(
                    lambda c, r=round_["id"]: c.execute(
                        update(pair_rounds)
                        .where(pair_rounds.c.id == r, pair_rounds.c.ended_at.is_(None))
                        .values(ended_at=now())
                    )
                )
                continue
            counts = {t["id"]: t["moves"] for t in tables if t["ended_by"] is None}
            for bot in bots:
                if bot["pair_id"] in counts and counts[bot["pair_id"]] != self._seen.get(bot["id"]):
                    made += self._play_bot(round_, bot)
                    self._seen[bot["id"]] = self.table(bot["pair_id"])["moves"]
        return made

    def _play_bot(self, round_, bot):
        """Answer the latest offer of the bot's partner, if the bot has not yet."""
        log = self.moves(bot["pair_id"])
        last_bot = max((m["number"] for m in log if m["seat_id"] == bot["id"]), default=0)
        theirs = [m for m in log if m["kind"] == "offer" and m["seat_id"] not in (None, bot["id"])]
        if not theirs or theirs[-1]["number"] < last_bot:
            return 0
        case = self._case(round_["id"])
        answer = bot_answer(case, bot["side"], round_["bot_style"], [m["offer"] for m in theirs])
        if answer is None:
            return 0
        kind, offer, words = answer
        own = self._seat_row(bot["id"])
        if kind == "accept":
            moves = [("message", None, words), ("accept", None, None)]
        else:
            moves = (
                [(kind, offer, words)]
                if kind != "offer" or not words
                else [("offer", offer, None), ("message", None, words)]
            )
        for kind, offer, words in moves:
            try:
                self._act(own, kind, offer, words, theirs[-1]["number"])
            except ValueError:
                return 0  # the table moved on meanwhile: the next look answers it
        return len(moves)

    def _case(self, round_id):
        if round_id not in self._cases:
            with self.store.engine.connect() as connection:
                self._cases[round_id] = json.loads(
                    connection.execute(
                        select(pair_rounds.c.case_data).where(pair_rounds.c.id == round_id)
                    ).scalar()
                )
        return self._cases[round_id]
