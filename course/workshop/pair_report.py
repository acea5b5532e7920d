"""The pairs debrief's numbers: pure functions of a round's record (``Room.round_record``).

- ``pair_rows``: one row per pair: how it ended and why, who left (a partner gone too
  long, whether a bot finished in their seat) and who was a bot from the start, the
  first offer, each side's value, gain and claim, the value created and the distance to
  the Pareto frontier, and each side's subjective value;
- ``summary``: a round in a few numbers, for comparing rounds;
- ``anchoring`` and ``feelings``: first offer against outcome, and subjective value
  against value claimed, as points per side (the room's own data);
- ``replay``: one pair's moves on a timeline, sides named by role, never by name;
- ``seat_rows``, ``move_rows`` and ``to_csv``: the facilitator's CSV export.
"""

import csv
import io
import math

from course.models.pairs import subjective_value
from course.workshop.pairs import FACTOR_OF, SIDES, own_value, packages_of, score, seat_brief

#: The columns of the per-seat CSV export.
SEAT_COLUMNS = (
    "round",
    "case",
    "pair",
    "side",
    "role",
    "name",
    "bot",
    "left",
    "ended_by",
    "ended_by_side",
    "reason",
    "deal",
    "value",
    "gain",
    "claimed",
    "joint_gain",
    "left_on_table",
    "on_frontier",
    "first_offer_side",
    "first_offer_value",
    *(f"sv_{factor}" for factor in ("outcome", "self", "process", "relationship", "overall")),
    *(f"q_{question}" for question in FACTOR_OF),
)
MOVE_COLUMNS = ("round", "pair", "number", "seconds", "side", "kind", "offer", "text")


def _mean(values):
    values = [v for v in values if v is not None]
    return math.fsum(values) / len(values) if values else None


def _side_of(table, seat_id):
    return next((s["side"] for s in table["seats"] if s["id"] == seat_id), None)


def pair_rows(record):
    """One dict per pair of the round (see the module's docstring)."""
    case = record["round"]["case"]
    packages = packages_of(case) if case["kind"] == "package" else None
    rows = []
    for table in record["pairs"]:
        seats = {seat["side"]: seat for seat in table["seats"]}
        first = next((m for m in table["moves"] if m["kind"] == "offer"), None)
        opener = None if first is None else _side_of(table, first["seat_id"])
        over = table["ended_by"] is not None
        left = _who_left(table, seats)
        scored = score(case, table["deal"], packages) if over else None
        row = {
            "pair": table["number"],
            "ended_by": table["ended_by"] or "negotiating",
            "ended_by_side": _side_of(table, table["ended_seat"]),
            "reason": table["reason"],
            "deal": table["deal"],
            "moves": len(table["moves"]),
            "first_offer_side": opener,
            "first_offer": None if first is None else first["offer"],
            "first_offer_value": None
            if first is None
            else own_value(seat_brief(case, opener), first["offer"]),
            "bots": [side for side in SIDES if seats[side]["bot"]],
            "left": left,
            "bot_finished": left is not None and seats[left]["bot"],
            "note": _note(case, seats, left),
            "names": {side: seats[side]["name"] for side in SIDES},
            "seat_ids": {side: seats[side]["id"] for side in SIDES},
            "joint_gain": None if scored is None else scored.get("joint_gain"),
            "left_on_table": None,
            "on_frontier": None,
        }
        if scored is not None and "frontier" in scored:
            row["left_on_table"] = scored["frontier"]["left_on_table"]
            row["on_frontier"] = scored["frontier"]["on_frontier"]
        for side in SIDES:
            answers = seats[side]["answers"]
            row[side] = {
                **(scored[side] if scored else {"value": None, "gain": None, "claimed": None}),
                "answers": answers,
                "sv": None if not answers else subjective_value(answers, FACTOR_OF),
            }
        rows.append(row)
    return rows


def _who_left(table, seats):
    """The side whose person left the table (their partner ended it as "partner left", or
    a bot took their seat), or ``None``."""
    if table["ended_by"] == "partner left":
        stayed = _side_of(table, table["ended_seat"])
        return None if stayed is None else SIDES[stayed == SIDES[0]]
    for side in SIDES:
        if seats[side]["bot"] and seats[side]["person_id"] is not None:
            return side
    return None


def _note(case, seats, left):
    """What the debrief says about who sat at the table, in roles (never names)."""
    role = {side: case["sides"][side]["short"] for side in SIDES}
    if left is not None:
        return f"the {role[left]} left" + (
            ": a bot finished in their seat" if seats[left]["bot"] else ""
        )
    bots = [side for side in SIDES if seats[side]["bot"]]
    return f"the {role[bots[0]]} was a bot (odd seat)" if bots else ""


def summary(record, rows=None):
    """A round in numbers: pairs, deals, impasses by how they ended, each side's mean
    claim and subjective value, the mean value created and left on the table."""
    rows = pair_rows(record) if rows is None else rows
    ended = [r for r in rows if r["ended_by"] != "negotiating"]
    deals = [r for r in ended if r["deal"] is not None]
    out = {
        "round": record["round"]["id"],
        "case": record["round"]["case"]["title"],
        "kind": record["round"]["case"]["kind"],
        "pairing": record["round"]["pairing"],
        "pairs": len(rows),
        "negotiating": len(rows) - len(ended),
        "deals": len(deals),
        "impasses": {
            how: sum(r["ended_by"] == how for r in ended)
            for how in ("walk away", "time", "partner left")
        },
        "with_bots": sum(bool(r["bots"]) for r in rows),
        "partner_left": sum(r["left"] is not None for r in rows),
        "bot_finished": sum(bool(r["bot_finished"]) for r in rows),
        "mean_joint_gain": _mean(r["joint_gain"] for r in ended),
        "mean_left_on_table": _mean(r["left_on_table"] for r in deals),
        "on_frontier": sum(bool(r["on_frontier"]) for r in deals),
    }
    for side in SIDES:
        out[f"{side}_claimed"] = _mean(r[side]["claimed"] for r in deals)
        out[f"{side}_sv"] = _mean((r[side]["sv"] or {}).get("overall") for r in rows)
    return out


def anchoring(rows):
    """First offer against the outcome for the side that opened, by that side: for a
    price case ``(first price, final price)``; for several issues ``(the first offer's
    points, the deal's points)`` to the opener. Deals only."""
    points = {side: [] for side in SIDES}
    for row in rows:
        side = row["first_offer_side"]
        if row["deal"] is None or side is None:
            continue
        final = row[side]["value"]
        points[side].append((row["first_offer_value"], final))
    return points


def feelings(rows):
    """Subjective value (1–7) against value claimed, one point per seat that answered,
    by side; and the pairs where the side that claimed more feels worse."""
    points = {side: [] for side in SIDES}
    crossed = []
    for row in rows:
        for side in SIDES:
            sv = row[side]["sv"]
            if sv is not None and row[side]["claimed"] is not None:
                points[side].append((row[side]["claimed"], sv["overall"]))
        a, b = row["seller"], row["buyer"]
        answered = all(s["sv"] and s["claimed"] is not None for s in (a, b))
        if (
            answered
            and (a["claimed"] - b["claimed"]) * (a["sv"]["overall"] - b["sv"]["overall"]) < 0
        ):
            crossed.append(row["pair"])
    return points, crossed


def replay(record, number):
    """Pair ``number``'s moves for projecting, sides named by their role, never by name:
    ``(seconds since the start, side, kind, offer, text)`` each, and the series of
    offers over time (a price, or the offer's joint points) by side."""
    case, start = record["round"]["case"], record["round"]["started_at"]
    table = next((t for t in record["pairs"] if t["number"] == number), None)
    if table is None:
        raise ValueError(f"no pair {number} in this round")
    moves, series = [], {}
    for move in table["moves"]:
        side = _side_of(table, move["seat_id"])
        role = case["sides"][side]["short"] if side else "table"
        seconds = max(0.0, (move["at"] - start).total_seconds())
        moves.append((seconds, role, move["kind"], move["offer"], move["text"]))
        if move["kind"] == "offer":
            if case["kind"] == "price":
                y = move["offer"]
            else:
                y = sum(own_value(seat_brief(case, s), move["offer"]) for s in SIDES)
            series.setdefault(f"{role}'s offers", []).append((seconds / 60, y))
    return moves, series


def seat_rows(record, rows=None):
    """One row per seat, for the CSV export (names included: the facilitator's file)."""
    rows = pair_rows(record) if rows is None else rows
    out = []
    for row in rows:
        for side in SIDES:
            own = row[side]
            sv = own["sv"] or {}
            answers = own["answers"] or {}
            out.append(
                {
                    "round": record["round"]["id"],
                    "case": record["round"]["case"]["key"],
                    "pair": row["pair"],
                    "side": side,
                    "role": record["round"]["case"]["sides"][side]["short"],
                    "name": row["names"][side],
                    "bot": side in row["bots"],
                    "left": side == row["left"],
                    "ended_by": row["ended_by"],
                    "ended_by_side": row["ended_by_side"],
                    "reason": row["reason"],
                    "deal": row["deal"],
                    "value": own["value"],
                    "gain": own["gain"],
                    "claimed": own["claimed"],
                    "joint_gain": row["joint_gain"],
                    "left_on_table": row["left_on_table"],
                    "on_frontier": row["on_frontier"],
                    "first_offer_side": row["first_offer_side"],
                    "first_offer_value": row["first_offer_value"],
                    **{f"sv_{k}": v for k, v in sv.items()},
                    **{f"q_{k}": v for k, v in answers.items()},
                }
            )
    return out


def move_rows(record):
    """Every move of the round, for the CSV export."""
    out = []
    for table in record["pairs"]:
        for move in table["moves"]:
            out.append(
                {
                    "round": record["round"]["id"],
                    "pair": table["number"],
                    "number": move["number"],
                    "seconds": round(
                        (move["at"] - record["round"]["started_at"]).total_seconds(), 1
                    ),
                    "side": _side_of(table, move["seat_id"]) or "table",
                    "kind": move["kind"],
                    "offer": move["offer"],
                    "text": move["text"],
                }
            )
    return out


def to_csv(rows, columns):
    """``rows`` (dicts) as CSV text with a header row of ``columns``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value):
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    if isinstance(value, float):
        return round(value, 4)
    return value
