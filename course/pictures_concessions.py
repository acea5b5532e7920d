"""SVG pictures for module 04 (concessions): pure functions from numbers to markup."""

from html import escape

from course.models.concessions import time_dependent_offer
from course.pictures import (
    BUYER_COLOUR,
    SELLER_COLOUR,
    WARNING_COLOUR,
    ZONE_COLOUR,
    amount,
    svg,
    svg_text,
)

CURVE_COLOURS = (SELLER_COLOUR, BUYER_COLOUR, ZONE_COLOUR, WARNING_COLOUR, "#9467bd")

#: Each series also differs in its dash pattern and its marker, so that the lines can be
#: told apart without colour (red-green colour blindness makes orange, green and red alike).
CURVE_DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4")
CURVE_MARKERS = ("circle", "square", "triangle", "diamond", "cross")


def marker(shape, x, y, colour, title=""):
    """A small marker of ``shape`` (one of ``CURVE_MARKERS``) centred on (x, y)."""
    tip = f"<title>{escape(title)}</title>" if title else ""
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">{tip}</circle>'
    if shape == "square":
        return (
            f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}">'
            f"{tip}</rect>"
        )
    corners = {
        "triangle": ((0, -4.5), (4, 3), (-4, 3)),
        "diamond": ((0, -4.5), (4.5, 0), (0, 4.5), (-4.5, 0)),
        "cross": ((-4, -4), (4, 4), (0, 0), (4, -4), (-4, 4), (0, 0)),
    }[shape]
    points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in corners)
    if shape == "cross":
        return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2">{tip}</polyline>'
    return f'<polygon points="{points}" fill="{colour}">{tip}</polygon>'


def line_chart(series, x_label, y_label, lines=None, width=560, height=260, label="chart"):
    """Lines with dots: ``series`` maps a name to ``[(x, y), ...]``; ``lines`` maps a label
    to a y value drawn as a dotted horizontal line (e.g. a reservation price)."""
    lines = lines or {}
    xs = [x for points in series.values() for x, _ in points] or [0, 1]
    ys = [y for points in series.values() for _, y in points] + list(lines.values()) or [0, 1]
    x_low, x_high = min(xs), max(xs)
    y_low, y_high = min(ys), max(ys)
    x_span, y_span = (x_high - x_low) or 1.0, (y_high - y_low) or 1.0
    left, right, top, bottom = 50, 130, 15, 40

    def x(value):
        return left + (value - x_low) / x_span * (width - left - right)

    def y(value):
        return top + (y_high - value) / y_span * (height - top - bottom)

    base = height - bottom
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        svg_text((left + width - right) / 2, height - 8, x_label),
        svg_text(left - 6, top + 10, amount(y_high), anchor="end"),
        svg_text(left - 6, base, amount(y_low), anchor="end"),
        svg_text(left, base + 16, amount(x_low)),
        svg_text(width - right, base + 16, amount(x_high)),
        svg_text(12, (top + base) / 2, y_label, anchor="middle", size=11),
    ]
    for name, value in lines.items():
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" '
            'stroke="#888" stroke-dasharray="3 3"/>'
        )
        parts.append(svg_text(width - right + 4, y(value) + 4, f"{name} {amount(value)}", "start"))
    for row, (name, points) in enumerate(series.items()):
        colour = CURVE_COLOURS[row % len(CURVE_COLOURS)]
        dash = CURVE_DASHES[row % len(CURVE_DASHES)]
        shape = CURVE_MARKERS[row % len(CURVE_MARKERS)]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        if not points:
            continue
        path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        for a, b in points:
            parts.append(marker(shape, x(a), y(b), colour, f"{name}: {amount(b)}"))
        key_y = top + 16 * row + 8
        parts.append(
            f'<line x1="{width - right + 4}" y1="{key_y}" x2="{width - right + 26}" y2="{key_y}" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        parts.append(marker(shape, width - right + 15, key_y, colour))
        parts.append(svg_text(width - right + 30, key_y + 4, str(name), "start", colour))
    return svg(width, height, "".join(parts), label)


def tactic_curves(opening, reservation, deadline, betas):
    """The offers of Faratin time-dependent tactics with each β, from the opening in round 0
    to the reservation price at the deadline."""
    series = {
        f"β = {beta:g}": [
            (t, time_dependent_offer(t, deadline, opening, reservation, beta))
            for t in range(deadline + 1)
        ]
        for beta in betas
    }
    return line_chart(
        series,
        "round",
        "offer",
        {"reservation": reservation},
        label=f"concession curves for β = {', '.join(f'{b:g}' for b in betas)}",
    )


def concession_curves(curves, lines=None):
    """Both sides' offers round by round: ``curves`` maps a side to ``[(round, price)]``."""
    return line_chart(curves, "round", "price", lines, label="both sides' concession curves")


def frontier_picture(packages, frontier, path, width=560, height=300, minimum=None):
    """Every package as a grey dot (your points across, theirs up), the Pareto frontier as a
    line, ``path``, the packages a plan passes through, as numbered steps, and, when given,
    the other side's ``minimum`` as a dashed level line."""
    everything = packages + list(path)
    top_x = max((p[0] for p in everything), default=1) or 1
    top_y = max((p[1] for p in everything), default=1) or 1
    left, bottom, margin = 50, 40, 20

    def x(value):
        return left + value / top_x * (width - left - margin)

    def y(value):
        return height - bottom - value / top_y * (height - bottom - margin)

    base = height - bottom
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - margin}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{margin}" x2="{left}" y2="{base}" stroke="#999"/>',
        svg_text((left + width) / 2, height - 8, "your points"),
        svg_text(14, (margin + base) / 2, "theirs", size=11),
    ]
    for a, b in packages:
        parts.append(f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="2.5" fill="#bbb"/>')
    line = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in frontier)
    parts.append(
        f'<polyline points="{line}" fill="none" stroke="{ZONE_COLOUR}" stroke-width="2">'
        "<title>Pareto frontier</title></polyline>"
    )
    if minimum is not None:
        parts.append(
            f'<line x1="{left}" y1="{y(minimum):.1f}" x2="{width - margin}" '
            f'y2="{y(minimum):.1f}" stroke="{WARNING_COLOUR}" stroke-dasharray="6 4">'
            f"<title>their minimum: {amount(minimum)}</title></line>"
        )
        parts.append(
            svg_text(width - margin, y(minimum) - 5, "their minimum", "end", WARNING_COLOUR)
        )
    if path:
        trail = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in path)
        parts.append(f'<polyline points="{trail}" fill="none" stroke="{SELLER_COLOUR}"/>')
        for step, (a, b) in enumerate(path):
            parts.append(
                f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="5" fill="{SELLER_COLOUR}">'
                f"<title>step {step}: {amount(a)} for you, {amount(b)} for them</title></circle>"
            )
            parts.append(svg_text(x(a) + 8, y(b) - 6, str(step), "start", SELLER_COLOUR))
    return svg(width, height, "".join(parts), "your plan against the Pareto frontier")
