"""The facilitator's page for the pairs workshop (a Voila app): the room and its rounds,
and the live debrief.

- The room: who is in the lobby (and whether their page is open); pick a case, how long
  a round lasts, how to pair the room (at random, new partners, roles swapped, with
  pairs arranged by hand), how long a partner may be away and the bot style for an odd
  person out; start the round, add time or end it.
- The debrief, refreshing by itself: every pair's outcome; deals against the Pareto
  frontier (value created against value claimed) or the spread of prices; first offer
  against outcome (anchoring in the room's own data); subjective value against value
  claimed (who got more but feels worse); impasses and their reasons; an anonymised
  replay of any pair's offers on a timeline; the rounds side by side; CSV downloads.

When the workshop listens beyond this machine the page first asks for the facilitator's
code (checked in Python; nothing from the store reaches the browser before).
"""

import base64
from datetime import UTC, datetime
from html import escape

import ipywidgets as w

from course.engine.bots import STYLES
from course.pictures import amount
from course.pictures_concessions import line_chart
from course.pictures_workshop import bars, plane, scatter
from course.widgets.arena import log_errors_to_file, safely
from course.widgets.facilitator import FacilitatorGate
from course.widgets.guards import message
from course.widgets.pairs import STYLE, button, clock_text, hidden, tracebacks_to_the_log
from course.workshop import settings
from course.workshop.cases import CASES, case_data
from course.workshop.pair_report import (
    MOVE_COLUMNS,
    SEAT_COLUMNS,
    anchoring,
    feelings,
    move_rows,
    pair_rows,
    replay,
    seat_rows,
    summary,
    to_csv,
)
from course.workshop.pairs import DEFAULT_AWAY, DEFAULT_BOT, PAIRINGS, SIDES, Room, packages_of
from course.workshop.room import fit_line, histogram

#: Seconds between two looks at the store.
REFRESH_EVERY = 3.0
MINUTES = (5, 10, 15, 20, 25, 30, 40, 45, 60)
#: The odd seat's default: a bot plays it (else a person in the lobby stands in).
BOT_SEAT = ("a bot", None)
AWAY = tuple((f"{n} minute{'s' * (n > 1)}", 60 * n) for n in (1, 2, 3, 5, 10))


def _number(value, digits=0):
    return "–" if value is None else amount(round(value, digits))


def _share(value):
    return "–" if value is None else f"{value:.0%}"


def _table(header, rows, css):
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<div style='overflow-x:auto'><table class='{css}'><tr>{head}</tr>{body}</table></div>"


def _download(name, text, what):
    data = base64.b64encode(text.encode()).decode()
    return f'<a download="{name}" href="data:text/csv;base64,{data}">{escape(what)}</a>'


class PairsRoom(FacilitatorGate, w.VBox):
    """The facilitator's page over ``room`` (a ``Room``), redrawn every ``refresh_every``
    seconds (0: only on demand, for tests)."""

    def __init__(self, room, refresh_every=REFRESH_EVERY):
        self.room, self._shown, self._arranged, self._records = room, None, [], {}
        self.add_class("pairs-app")
        self._make_gate(refresh_every, "open the room")

        # the room
        self.lobby = w.HTML()
        self.case = w.Dropdown(
            description="Case", options=[(case["title"], key) for key, case in CASES.items()]
        )
        self.minutes = w.Dropdown(
            description="Minutes", options=MINUTES, value=CASES[self.case.value]["minutes"]
        )
        self.case.observe(
            safely(
                self, lambda _: setattr(self.minutes, "value", CASES[self.case.value]["minutes"])
            ),
            "value",
        )
        self.pairing = w.Dropdown(
            description="Pairing", options=[(f"{k}: {text}", k) for k, text in PAIRINGS.items()]
        )
        self.away = w.Dropdown(
            description="A partner may be away for", options=list(AWAY), value=DEFAULT_AWAY
        )
        self.bot = w.Dropdown(
            description="Bot for an odd seat", options=list(STYLES), value=DEFAULT_BOT
        )
        self.stand_in = w.Dropdown(description="The odd seat", options=[BOT_SEAT])
        self.first = w.Dropdown(description="Arrange", options=[])
        self.second = w.Dropdown(description="with", options=[])
        self.arrange = button("pair these two", "link")
        self.arrange.on_click(safely(self, self.arrange_pair))
        self.clear = button("clear arranged pairs", "unlink")
        self.clear.on_click(safely(self, self.clear_pairs))
        self.arranged = w.HTML()
        self.start = button("start the round", "play", "primary")
        self.start.on_click(safely(self, self.start_round))
        self.round_line = w.HTML()
        self.more = button("add 2 minutes", "plus")
        self.more.on_click(safely(self, lambda _: self._end_round(2)))
        self.stop = button("end the round now", "stop", "danger")
        self.stop.on_click(safely(self, lambda _: self._end_round(None)))
        console = w.VBox(
            [
                w.HTML(
                    "<p>Participants open the pairs page and join with a name. Start a round "
                    "when everyone is in the lobby: an odd person out negotiates with a bot. "
                    "To take that seat yourself, join from the participants' page (another "
                    "tab or device) and pick your name for the odd seat: you are paired only "
                    "when the room is odd.</p>"
                ),
                self.lobby,
                self.case,
                self.minutes,
                self.pairing,
                self.away,
                self.bot,
                self.stand_in,
                w.HBox([self.first, self.second, self.arrange]),
                self.arranged,
                self.clear,
                self.start,
                self.round_line,
                w.HBox([self.more, self.stop]),
            ]
        )

        # the debrief
        self.round = w.Dropdown(description="Round", options=[])
        self.round.observe(safely(self, lambda _: self.refresh(force=True)), "value")
        self.counts = w.HTML()
        self.outcomes = w.HTML()
        self.value_picture = w.HTML()
        self.anchor_picture = w.HTML()
        self.feel_picture = w.HTML()
        self.impasses = w.HTML()
        self.pair = w.Dropdown(description="Replay pair", options=[])
        self.pair.observe(safely(self, lambda _: self._show_replay()), "value")
        self.replay = w.HTML()
        self.compare = w.HTML()
        self.downloads = w.HTML()
        self.refresh_button = button("refresh now", "refresh")
        self.updated = w.HTML()
        self.refresh_button.on_click(safely(self, lambda _: self.refresh(force=True)))
        debrief = w.VBox(
            [
                self.round,
                self.counts,
                self.outcomes,
                self.value_picture,
                self.anchor_picture,
                self.feel_picture,
                self.impasses,
                self.pair,
                self.replay,
                self.compare,
                w.HBox([self.downloads, self.refresh_button]),
                self.updated,
            ]
        )
        self.tabs = w.Tab(children=[console, debrief], titles=["The room", "Debrief"])
        self.board = hidden(self.tabs)
        self.status = w.HTML()
        super().__init__(
            [
                w.HTML(STYLE + "<h2>Pairs workshop: the room and its debrief</h2>"),
                w.HTML("<p>Run rounds of paired role plays and debrief them with the room.</p>"),
                self.gate,
                self.board,
                self.status,
            ]
        )
        self._ask()

    def _open(self):
        if self.board.layout.display == "none":
            self.status.value = message("Open the room with the facilitator code first.", ok=False)
            return False
        return True

    # -- the room --

    def arrange_pair(self, _=None):
        if not self._open():
            return
        pair = (self.first.value, self.second.value)
        taken = {p for arranged in self._arranged for p in arranged}
        if None in pair or pair[0] == pair[1] or taken & set(pair):
            self.status.value = message(
                "Pick two different people who are not paired yet.", ok=False
            )
            return
        self._arranged.append(pair)
        self._show_lobby()

    def clear_pairs(self, _=None):
        self._arranged = []
        self._show_lobby()

    def start_round(self, _=None):
        """Pair the lobby and start a round with the settings picked (checked again by the
        room, whatever the widgets hold)."""
        if not self._open():
            return
        if self.case.value not in CASES:
            self.status.value = message("Pick a case.", ok=False)
            return
        try:
            self.room.start_round(
                case_data(self.case.value),
                self.minutes.value,
                self.pairing.value,
                self._arranged,
                self.away.value,
                self.bot.value,
                stand_in=self.stand_in.value,
            )
        except ValueError as error:
            self.status.value = message(str(error).capitalize() + ".", ok=False)
            return
        self._arranged = []
        self.status.value = message("The round has started.")
        self.refresh(force=True)
        self.round.value = self.round.options[-1][1]

    def _end_round(self, extra):
        if not self._open():
            return
        current = self.room.current_round()
        if current is None or not current["running"]:
            self.status.value = message("No round is running.", ok=False)
            return
        self.room.end_round(current["id"], extra)
        self.status.value = message("Two minutes added." if extra else "The round is over.")
        self.refresh(force=True)

    def _show_lobby(self):
        people = self.room.lobby(
            self.away.value if isinstance(self.away.value, int) else DEFAULT_AWAY
        )
        present = [p for p in people if p["present"]]
        rows = [
            (p["name"], "open" if p["present"] else "away", "yes" if p["seated"] else "no")
            for p in people
        ]
        self.lobby.value = (
            f"<p class='lobby-count'><b>{len(present)}</b> of {len(people)} people in the lobby "
            "have the page open.</p>" + _table(("name", "page", "in this round"), rows, "lobby")
        )
        names = {p["id"]: p["name"] for p in present}
        options = [(name, pid) for pid, name in names.items()]
        for dropdown in (self.first, self.second):
            if list(dropdown.options) != options:
                chosen = dropdown.value  # keep the facilitator's pick while people arrive
                dropdown.options = options
                dropdown.value = chosen if chosen in names else (options[0][1] if options else None)
        stand_in = [
            BOT_SEAT,
            *((f"{name} (only when the room is odd)", pid) for name, pid in options),
        ]
        if list(self.stand_in.options) != stand_in:
            chosen = self.stand_in.value
            self.stand_in.options = stand_in
            self.stand_in.value = chosen if chosen in names else None
        self._arranged = [(a, b) for a, b in self._arranged if a in names and b in names]
        self.arranged.value = (
            "<p>Arranged: "
            + ", ".join(f"{escape(names[a])} with {escape(names[b])}" for a, b in self._arranged)
            + "</p>"
            if self._arranged
            else ""
        )

    def _show_round(self):
        current = self.room.current_round()
        if current is None:
            self.round_line.value = message("No round yet.")
            return
        record = self.room.round_record(current["id"])
        state = summary(record)
        left = (current["ends_at"] - datetime.now(UTC)).total_seconds()
        when = clock_text(left) if current["running"] else "over"
        self.round_line.value = (
            f"<p class='round-line'>Round {current['id']} ({escape(state['case'])}): {when}; "
            f"{state['pairs']} pairs: {state['deals']} deals, "
            f"{sum(state['impasses'].values())} impasses, {state['negotiating']} negotiating.</p>"
        )
        self.more.disabled = self.stop.disabled = not current["running"]

    # -- the debrief --

    def refresh(self, force=False):
        """Read the store and redraw what changed (everything when ``force``)."""
        if self.board.layout.display == "none":
            return
        self._show_lobby()
        self._show_round()
        rounds = self.room.rounds()
        options = [
            (
                f"Round {r['id']}: {CASES.get(r['case_key'], {}).get('title', r['case_key'])}",
                r["id"],
            )
            for r in rounds
        ]
        if list(self.round.options) != options:
            chosen = self.round.value
            self.round.options = options
            ids = [value for _, value in options]
            self.round.value = chosen if chosen in ids else (ids[-1] if ids else None)
        if self.round.value is None:
            self.counts.value = message("No round yet: the debrief fills in as pairs negotiate.")
            return
        record = self._record(self.round.value)
        seen = (
            self.round.value,
            tuple(
                (
                    t["id"],
                    len(t["moves"]),
                    t["ended_by"],
                    tuple(bool(s["answers"]) for s in t["seats"]),
                )
                for t in record["pairs"]
            ),
            record["round"]["ended_at"],
        )
        if seen != self._shown or force:
            self._shown = seen
            self._draw(record)
        self.updated.value = message(
            f"Updated {datetime.now(UTC):%H:%M:%S} UTC"
            + ("; refreshes by itself." if self._every else ".")
        )

    def _record(self, round_id):
        """A round's record; an ended round's is kept (it no longer changes)."""
        if round_id in self._records:
            return self._records[round_id]
        record = self.room.round_record(round_id)
        if record["round"]["ended_at"] is not None:
            self._records[round_id] = record
        return record

    def _draw(self, record):
        rows = pair_rows(record)
        state = summary(record, rows)
        case = record["round"]["case"]
        impasses = ", ".join(f"{n} {how}" for how, n in state["impasses"].items() if n) or "none"
        self.counts.value = (
            f"<p class='counts'><b>{state['pairs']}</b> pairs: <b>{state['deals']}</b> deals; "
            f"impasses: {escape(impasses)}; {state['negotiating']} still negotiating"
            + (f"; {state['with_bots']} with a bot" if state["with_bots"] else "")
            + (
                f"; a partner left {state['partner_left']} "
                f"pair{'s' * (state['partner_left'] > 1)}"
                + (
                    f" ({state['bot_finished']} finished against a bot)"
                    if state["bot_finished"]
                    else ""
                )
                if state["partner_left"]
                else ""
            )
            + ".</p>"
        )
        roles = {side: case["sides"][side]["short"] for side in SIDES}
        header = ["pair", "ended", "deal"]
        for side in SIDES:
            header += [f"{roles[side]}: value", f"{roles[side]}: claimed", f"{roles[side]}: feels"]
        if case["kind"] == "package":
            header += ["value created", "left on the table"]
        header.append("note")
        table = []
        for row in rows:
            deal = (
                "–"
                if row["deal"] is None
                else (amount(row["deal"]) if case["kind"] == "price" else "package")
            )
            line = [row["pair"], row["ended_by"], deal]
            for side in SIDES:
                own = row[side]
                claimed = (
                    _share(own["claimed"]) if case["kind"] == "price" else _number(own["claimed"])
                )
                feels = "–" if own["sv"] is None else f"{own['sv']['overall']:.1f}"
                line += [_number(own["value"]), claimed, feels]
            if case["kind"] == "package":
                line += [_number(row["joint_gain"]), _number(row["left_on_table"])]
            line.append(row["note"] or "–")
            table.append(line)
        self.outcomes.value = "<h3>Every pair (anonymised)</h3>" + _table(header, table, "outcomes")
        self.value_picture.value = self._value_picture(case, rows)
        self.anchor_picture.value = self._anchor_picture(case, rows)
        self.feel_picture.value = self._feel_picture(case, rows)
        ended = [r for r in rows if r["deal"] is None and r["ended_by"] != "negotiating"]
        self.impasses.value = "<h3>Impasses and their reasons</h3>" + (
            _table(
                ("pair", "how", "who", "reason"),
                [
                    (
                        r["pair"],
                        r["ended_by"],
                        r["note"]
                        if r["ended_by"] == "partner left"
                        else roles.get(r["ended_by_side"], "the clock"),
                        r["reason"] or "–",
                    )
                    for r in ended
                ],
                "impasses",
            )
            if ended
            else "<p>No impasse.</p>"
        )
        options = [(f"Pair {r['pair']}", r["pair"]) for r in rows]
        if list(self.pair.options) != options:
            chosen = self.pair.value
            self.pair.options = options
            numbers = [number for _, number in options]
            self.pair.value = chosen if chosen in numbers else (numbers[0] if numbers else None)
        self._show_replay(record)
        records = [self._record(r["id"]) for r in self.room.rounds()]
        self.compare.value = self._rounds_table(records)
        self.downloads.value = (
            _download(
                "pairs-seats.csv",
                to_csv(seat_rows(record, rows), SEAT_COLUMNS),
                "download every seat (CSV)",
            )
            + _download(
                "pairs-moves.csv",
                to_csv(move_rows(record), MOVE_COLUMNS),
                "download every move (CSV)",
            )
            + _download(
                "pairs-all-rounds.csv",
                to_csv([seat for r in records for seat in seat_rows(r)], SEAT_COLUMNS),
                "download every round's seats (CSV)",
            )
        )

    def _value_picture(self, case, rows):
        deals = [r for r in rows if r["deal"] is not None]
        if case["kind"] == "price":
            low, high = case["low"], case["high"]
            return "<h3>Prices agreed</h3>" + bars(
                histogram([r["deal"] for r in deals], low, high),
                "price",
                "distribution of the prices agreed",
            )
        seller, buyer = (case["sides"][s] for s in SIDES)
        from course.models.concessions import pareto_frontier

        frontier = pareto_frontier(packages_of(case))
        top_x = max(a for a, _ in frontier)
        top_y = max(b for _, b in frontier)
        points = {
            "deals": [
                (
                    r["seller"]["value"],
                    r["buyer"]["value"],
                    f"pair {r['pair']}: {r['seller']['value']:g} / {r['buyer']['value']:g}",
                )
                for r in deals
            ]
        }
        picture = plane(
            points,
            (0, top_x),
            (0, top_y),
            f"{seller['short']}'s points",
            f"{buyer['short']}'s points",
            "every deal against the Pareto frontier",
            curve=("Pareto frontier", frontier),
            marks={
                f"{seller['short']}'s BATNA": ("x", seller["batna"]),
                f"{buyer['short']}'s BATNA": ("y", buyer["batna"]),
            },
        )
        return (
            "<h3>Value created and value claimed</h3><p>Each dot is a deal: how far along a "
            "side it sits is what that side claimed; how close it comes to the frontier is "
            "the value the pair created. Dashed lines: each side's BATNA.</p>" + picture
        )

    def _anchor_picture(self, case, rows):
        points = anchoring(rows)
        if case["kind"] == "price":
            picture = scatter(
                points,
                {side: fit_line(p) for side, p in points.items()},
                "first offer",
                "final price",
                "first offer against final price",
                low=case["low"],
                high=case["high"],
            )
        else:
            top = max(
                max(case["sides"][s]["points"][k].values())
                for s in SIDES
                for k in case["sides"][s]["points"]
            )
            highest = max([top, *(v for p in points.values() for pair in p for v in pair)])
            picture = plane(
                {s: [(a, b, f"{a:g} → {b:g}") for a, b in p] for s, p in points.items()},
                (0, highest),
                (0, highest),
                "first offer's points to the side that made it",
                "deal's points to that side",
                "first offer against outcome",
                fits={side: fit_line(p) for side, p in points.items()},
            )
        return "<h3>First offer and outcome (anchoring)</h3>" + picture

    def _feel_picture(self, case, rows):
        points, crossed = feelings(rows)
        xs = [x for p in points.values() for x, _ in p] or [0, 1]
        x_range = (min(0, min(xs)), max(1, max(xs)))
        claimed = "share of the zone" if case["kind"] == "price" else "points over the BATNA"
        picture = plane(
            {s: [(x, y, f"{x:.2f}: {y:.1f}") for x, y in p] for s, p in points.items()},
            x_range,
            (1, 7),
            f"value claimed ({claimed})",
            "subjective value (1–7)",
            "subjective value against value claimed",
        )
        note = (
            f"<p>Claimed more but feels worse than their partner: pairs {', '.join(map(str, crossed))}.</p>"
            if crossed
            else "<p>No pair yet where the side that claimed more feels worse.</p>"
        )
        return "<h3>How they feel against what they got</h3>" + picture + note

    def _show_replay(self, record=None):
        if self.round.value is None or self.pair.value is None:
            self.replay.value = ""
            return
        record = record or self._record(self.round.value)
        case = record["round"]["case"]
        moves, series = replay(record, self.pair.value)
        if case["kind"] == "price":
            lines = {
                f"{case['sides'][s]['short']}'s limit": case["sides"][s]["reservation"]
                for s in SIDES
            }
            y_label = "price"
        else:
            lines = {"both BATNAs": sum(case["sides"][s]["batna"] for s in SIDES)}
            y_label = "joint points"
        picture = line_chart(
            series, "minutes", y_label, lines, label=f"pair {self.pair.value}'s offers over time"
        )
        items = "".join(
            f"<li>[{int(t // 60)}:{int(t % 60):02d}] {escape(role)}: {escape(kind)}"
            + (
                ""
                if offer is None
                else f" {escape(amount(offer) if case['kind'] == 'price' else '; '.join(offer.values()))}"
            )
            + ("" if not text else f" “{escape(text)}”")
            + "</li>"
            for t, role, kind, offer, text in moves
        )
        self.replay.value = picture + f"<ol class='replay'>{items}</ol>"

    def _rounds_table(self, records):
        rows = []
        for record in records:
            state = summary(record)
            rows.append(
                (
                    state["round"],
                    state["case"],
                    state["pairing"],
                    state["pairs"],
                    state["deals"],
                    sum(state["impasses"].values()),
                    *(
                        _share(state[f"{s}_claimed"])
                        if state["kind"] == "price"
                        else _number(state[f"{s}_claimed"])
                        for s in SIDES
                    ),
                    _number(state["mean_joint_gain"]),
                    _number(state["mean_left_on_table"]),
                    *(_number(state[f"{s}_sv"], 1) for s in SIDES),
                )
            )
        header = (
            "round",
            "case",
            "pairing",
            "pairs",
            "deals",
            "impasses",
            "seller claimed",
            "buyer claimed",
            "value created",
            "left on the table",
            "seller feels",
            "buyer feels",
        )
        return "<h3>Rounds side by side</h3>" + _table(header, rows, "compare")


def workshop_pairs_room():
    """The facilitator's page as the workshop app shows it."""
    from course.store import ResultsStore

    log_errors_to_file(settings.error_log())
    tracebacks_to_the_log()
    return PairsRoom(Room(ResultsStore(settings.store_url())))
