"""The room's results summarised for the debrief: pure functions of the store's records."""

import csv
import io
import math

from course.store import COLUMNS

#: The arena's two roles, each summarised on its own.
ROLES = ("seller", "buyer")


def fit_line(points):
    """Least-squares line through ``points`` ``[(x, y), ...]``: ``(slope, intercept, r)``,
    or None with fewer than 3 points or when x or y does not vary (no line to speak of)."""
    if len(points) < 3:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    syy = sum((y - mean_y) ** 2 for _, y in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    if sxx == 0 or syy == 0:
        return None
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x, sxy / math.sqrt(sxx * syy)


def summarise(records):
    """What the debrief shows: counts, prices, the anchoring pairs (first offer, price) and
    BATNA pairs (reservation price, price) of each role with their fitted lines, and
    results by bot style."""
    deals = [r for r in records if r["price"] is not None]
    # per role: sellers open high and buyers low, so in a room of both the role alone
    # would make first offers and prices go together (issue 19)
    anchoring = {
        role: [
            (r["first_offer"], r["price"])
            for r in deals
            if r["role"] == role and r["first_offer"] is not None
        ]
        for role in ROLES
    }
    batna = {
        role: [(r["reservation"], r["price"]) for r in deals if r["role"] == role] for role in ROLES
    }
    styles = {}
    for record in records:
        styles.setdefault(record["bot_style"], []).append(record)
    by_style = {}
    for style, rows in sorted(styles.items()):
        prices = [r["price"] for r in rows if r["price"] is not None]
        shares = [r["zopa_share"] for r in rows if r["zopa_share"] is not None]
        by_style[style] = {
            "negotiations": len(rows),
            "deals": len(prices),
            "impasses": len(rows) - len(prices),
            "mean_price": sum(prices) / len(prices) if prices else None,
            "mean_share": sum(shares) / len(shares) if shares else None,
        }
    return {
        "negotiations": len(records),
        "participants": len({r["participant"] for r in records}),
        "deals": len(deals),
        "impasses": len(records) - len(deals),
        "prices": [r["price"] for r in deals],
        "anchoring": anchoring,
        "anchoring_fit": {role: fit_line(points) for role, points in anchoring.items()},
        "batna": batna,
        "batna_fit": {role: fit_line(points) for role, points in batna.items()},
        "by_style": by_style,
    }


def histogram(values, low=0, high=100, bins=10):
    """Counts of ``values`` in ``bins`` equal bins over [low, high] (high goes in the last)."""
    width = (high - low) / bins
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, max(0, int((value - low) // width)))] += 1
    return [(low + i * width, low + (i + 1) * width, count) for i, count in enumerate(counts)]


def to_csv(records):
    """The records as CSV text, one row per negotiation, with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = dict(record)
        if row.get("created_at") is not None and hasattr(row["created_at"], "isoformat"):
            row["created_at"] = row["created_at"].isoformat()
        writer.writerow(row)
    return out.getvalue()
