"""What an outcome means: utilities, gains over each BATNA, share of the zone, and how
far the deal is from the Pareto frontier and from the Nash bargaining point.

Distances are measured on each side's own scale normalised to [0, 1] between its
reservation value (0) and its best outcome (1), so the two sides count equally.
pandas and matplotlib are imported only by the functions that need them.
"""

import math

from course.models.concessions import pareto_frontier


def _normalise(negotiation, side, utility):
    own = negotiation.preferences[side]
    room = own.best - own.reservation
    return (utility - own.reservation) / room if room > 0 else 0.0


def feasible(negotiation):
    """Outcome indices both sides prefer to walking away (the ZOPA, for any issues)."""
    a, b = negotiation.sides
    pa, pb = negotiation.preferences[a], negotiation.preferences[b]
    return [
        i
        for i in range(len(negotiation.outcomes))
        if pa.utilities[i] >= pa.reservation and pb.utilities[i] >= pb.reservation
    ]


def nash_point(negotiation):
    """The feasible outcome that maximises the product of both sides' gains (Nash 1950),
    or ``None`` when no outcome beats both BATNAs."""
    a, b = negotiation.sides
    pa, pb = negotiation.preferences[a], negotiation.preferences[b]
    zone = feasible(negotiation)
    if not zone:
        return None
    return max(
        zone,
        key=lambda i: ((pa.utilities[i] - pa.reservation) * (pb.utilities[i] - pb.reservation), -i),
    )


def analyse(result):
    """A dict describing the result: how it ended, the agreement, each side's utility,
    gain and share of the zone, and distances to the Pareto frontier and the Nash point."""
    negotiation = result.negotiation
    sides = negotiation.sides
    zone = feasible(negotiation)
    summary = {
        "ended_by": result.ended_by,
        "by_side": result.by_side,
        "round": result.round,
        "agreement": None if result.agreement is None else negotiation.public(result.agreement),
        "zopa_exists": bool(zone),
    }
    for side in sides:
        own = negotiation.preferences[side]
        utility = own.reservation if result.agreement is None else own.utilities[result.agreement]
        most = max((own.utilities[i] for i in zone), default=own.reservation)
        summary[f"{side}_utility"] = utility
        summary[f"{side}_gain"] = utility - own.reservation
        summary[f"{side}_zopa_share"] = (
            (utility - own.reservation) / (most - own.reservation)
            if result.agreement is not None and most > own.reservation
            else None
        )
    point = _point(negotiation, result.agreement)
    frontier = (
        [
            (_normalise(negotiation, sides[0], u), _normalise(negotiation, sides[1], v))
            for u, v in pareto_frontier(
                [tuple(negotiation.preferences[s].utilities[i] for s in sides) for i in zone]
            )
        ]
        if zone
        else []
    )
    nash = nash_point(negotiation)
    summary["distance_to_pareto"] = (
        min(math.dist(point, f) for f in frontier)
        if frontier and result.agreement is not None
        else None
    )
    summary["distance_to_nash"] = (
        math.dist(point, _point(negotiation, nash))
        if nash is not None and result.agreement is not None
        else None
    )
    summary["nash_point"] = None if nash is None else negotiation.public(nash)
    return summary


def _point(negotiation, index):
    return (
        tuple(
            _normalise(negotiation, side, negotiation.preferences[side].utilities[index])
            for side in negotiation.sides
        )
        if index is not None
        else None
    )


def history_frame(result):
    """The offers as a pandas DataFrame: round, side, offer, and each side's utility."""
    import pandas as pd

    negotiation = result.negotiation
    rows = []
    for round_, side, index in result.history:
        row = {"round": round_, "side": side, "offer": negotiation.public(index)}
        for other in negotiation.sides:
            row[f"{other}_utility"] = negotiation.preferences[other].utilities[index]
        rows.append(row)
    return pd.DataFrame(
        rows, columns=["round", "side", "offer", *(f"{s}_utility" for s in negotiation.sides)]
    )


def concession_plot(result, ax=None):
    """Both sides' offers over the rounds: a price for a price negotiation, otherwise each
    offer's utility to its maker, normalised between reservation (0) and best (1)."""
    import matplotlib.pyplot as plt

    negotiation = result.negotiation
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 3.5))
    for side in negotiation.sides:
        moves = [(r, i) for r, s, i in result.history if s == side]
        values = [
            negotiation.public(i)
            if negotiation.is_price
            else _normalise(negotiation, side, negotiation.preferences[side].utilities[i])
            for _, i in moves
        ]
        ax.plot([r for r, _ in moves], values, marker=".", label=f"{side}'s offers")
    if negotiation.is_price:
        for side in negotiation.sides:
            ax.axhline(
                abs(negotiation.preferences[side].reservation),
                linestyle=":",
                linewidth=1,
                color="grey",
            )
        ax.set_ylabel("price")
    else:
        ax.set_ylabel("offer's value to its maker (0 = BATNA, 1 = best)")
    if result.agreement is not None:
        ax.scatter(
            [result.round],
            [negotiation.public(result.agreement) if negotiation.is_price else 0.5],
            marker="*",
            s=120,
            color="black",
            zorder=3,
            label="agreement",
        )
    ax.set_xlabel("round")
    ax.legend(loc="best")
    return ax.figure
