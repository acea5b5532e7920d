"""SVG pictures for module 04 (concessions): pure functions from numbers to markup."""

from html import escape

from course.models.concessions import tactic_name, time_dependent_offer
from course.pictures import (
    BUYER_COLOUR,
    SELLER_COLOUR,
    WARNING_COLOUR,
    ZONE_COLOUR,
    amount,
    svg,
    svg_text,
    tick_text,
    ticks,
    x_axis,
    y_axis,
    y_title,
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


#: The level lines (reservation prices, BATNAs) differ in their dashes as well as their labels.
LEVEL_DASHES = ("3 3", "9 3", "1 3", "6 2 1 2")


def _text_width(content, size=12):
    """A generous estimate of a label's width in sans-serif (0.62 em a character)."""
    return 0.62 * size * len(content)


def _spread(wanted, low, high, gap=14):
    """Baselines near ``wanted`` (in any order), at least ``gap`` apart, between ``low``
    and ``high``: labels of levels close together are moved apart instead of overlapping."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = {}
    previous = low - gap
    for i in order:
        placed[i] = previous = max(wanted[i], previous + gap, low)
    following = high + gap
    for i in reversed(order):
        placed[i] = following = min(placed[i], following - gap)
    return [placed[i] for i in range(len(wanted))]


def _alt(label, series, lines, x_label):
    """The chart said in words: each series from its first to its last point, and the levels."""
    words = []
    for name, points in series.items():
        if points:
            (a, first), (b, last) = points[0], points[-1]
            words.append(
                f"{name}: {amount(first)} at {x_label} {a:g} to {amount(last)} at {x_label} {b:g}"
            )
    words += [f"{name} {amount(value)}" for name, value in lines.items()]
    return f"{label}; " + "; ".join(words) if words else label


def line_chart(series, x_label, y_label, lines=None, width=560, height=260, label="chart"):
    """Lines with markers: ``series`` maps a name to ``[(x, y), ...]``; ``lines`` maps a label
    to a y value drawn as a dashed level line (e.g. a reservation price). Round numbers run
    along both axes, the key sits above the plot, and the levels' labels sit right of it,
    moved apart when their values are close; the picture widens to fit its longest label."""
    lines = lines or {}
    xs = [x for points in series.values() for x, _ in points] or [0, 1]
    ys = [y for points in series.values() for _, y in points] + list(lines.values()) or [0, 1]
    x_low, x_high = min(xs), max(xs)
    y_low, y_high = min(ys), max(ys)
    x_span, y_span = (x_high - x_low) or 1.0, (y_high - y_low) or 1.0
    across = ticks(x_low, x_high, 6) if x_high > x_low else [x_low]
    up = ticks(y_low, y_high, 6) if y_high > y_low else [y_low]
    level_texts = {name: f"{name} {amount(value)}" for name, value in lines.items()}
    left = round(30 + max(_text_width(tick_text(v)) for v in up))
    right = round(max([40, *(_text_width(t) + 22 for t in level_texts.values())]))
    width = max(width, left + 340 + right)

    # The key: one entry per series (a line sample in its dash, its marker, its name) in
    # rows above the plot.
    entries, row_x, rows = [], left, 0
    for name in series:
        need = 30 + _text_width(str(name)) + 14
        if row_x + need > width - 10 and row_x > left:
            row_x, rows = left, rows + 1
        entries.append((row_x, 12 + 16 * rows))
        row_x += need
    top = 12 + 16 * (rows + 1) + 4 if series else 15
    bottom = 40

    def x(value):
        return left + (value - x_low) / x_span * (width - left - right)

    def y(value):
        return top + (y_high - value) / y_span * (height - top - bottom)

    base = height - bottom
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        x_axis(across, x, base),
        y_axis(up, y, left),
        svg_text((left + width - right) / 2, height - 6, x_label),
        y_title(y_label, top, base),
    ]
    names = list(lines)
    # Each level's label beside the end of its line, its baseline kept above the axis's
    # numbers; a thin leader joins a label that had to move to its line.
    placed = _spread([y(lines[n]) + 4 for n in names], top + 10, base - 4)
    for index, (name, at) in enumerate(zip(names, placed, strict=True)):
        value, dash = lines[name], LEVEL_DASHES[index % len(LEVEL_DASHES)]
        parts.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" '
            f'stroke="#666" stroke-dasharray="{dash}">'
            f"<title>{escape(level_texts[name])}</title></line>"
        )
        parts.append(
            f'<line x1="{width - right}" y1="{y(value):.1f}" x2="{width - right + 14}" '
            f'y2="{at - 4:.1f}" stroke="#666" stroke-dasharray="{dash}"/>'
        )
        parts.append(svg_text(width - right + 18, at, level_texts[name], "start"))
    for row, (name, points) in enumerate(series.items()):
        colour = CURVE_COLOURS[row % len(CURVE_COLOURS)]
        dash = CURVE_DASHES[row % len(CURVE_DASHES)]
        shape = CURVE_MARKERS[row % len(CURVE_MARKERS)]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        key_x, key_y = entries[row]
        parts.append(
            f'<line x1="{key_x}" y1="{key_y}" x2="{key_x + 22}" y2="{key_y}" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        parts.append(marker(shape, key_x + 11, key_y, colour))
        parts.append(svg_text(key_x + 28, key_y + 4, str(name), "start", colour))
        if not points:
            continue
        path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        for a, b in points:
            parts.append(marker(shape, x(a), y(b), colour, f"{name}: {amount(b)}"))
    return svg(width, height, "".join(parts), _alt(label, series, lines, x_label))


def tactic_curves(opening, reservation, deadline, betas):
    """The offers of Faratin time-dependent tactics with each β, from the opening in round 1
    (the course numbers rounds from 1, the opening) to the reservation price at the
    deadline, ``deadline`` rounds later."""
    series = {
        f"β = {beta:g} ({tactic_name(beta)})": [
            (t + 1, time_dependent_offer(t, deadline, opening, reservation, beta))
            for t in range(deadline + 1)
        ]
        for beta in betas
    }
    return line_chart(
        series,
        "round",
        "offer",
        {"reservation price": reservation},
        label=f"concession curves for β = {', '.join(f'{b:g}' for b in betas)}",
    )


def concession_curves(curves, lines=None):
    """Both sides' offers round by round: ``curves`` maps a side to ``[(round, price)]``."""
    return line_chart(curves, "round", "price", lines, label="both sides' concession curves")


def frontier_picture(
    packages,
    frontier,
    path,
    width=560,
    height=300,
    minimum=None,
    deal=None,
    x_title="your points",
    path_name="your plan",
):
    """Every package as a grey dot (your points across, theirs up), the Pareto frontier as a
    line, ``path``, the packages a plan passes through, as numbered steps, and, when given,
    the other side's ``minimum`` as a dashed level line and the ``deal`` (a ``(yours,
    theirs)`` point) as a ring of its own, apart from the path. ``x_title`` names the
    horizontal axis and ``path_name`` the path in the alt text. Round numbers run along
    both axes."""
    everything = packages + list(path) + ([deal] if deal is not None else [])
    top_x = max((p[0] for p in everything), default=1) or 1
    top_y = max((p[1] for p in everything), default=1) or 1
    across, up = ticks(0, top_x, 6), ticks(0, top_y, 6)
    left = round(30 + max(_text_width(tick_text(v)) for v in up))
    bottom, margin = 44, 20

    def x(value):
        return left + value / top_x * (width - left - margin)

    def y(value):
        return height - bottom - value / top_y * (height - bottom - margin)

    base = height - bottom
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - margin}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{margin}" x2="{left}" y2="{base}" stroke="#999"/>',
        x_axis(across, x, base),
        y_axis(up, y, left),
        svg_text((left + width - margin) / 2, height - 6, x_title),
        y_title("their points", margin, base),
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
            svg_text(
                width - margin,
                y(minimum) - 5,
                f"their minimum {amount(minimum)}",
                "end",
                WARNING_COLOUR,
            )
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
    if deal is not None:
        a, b = deal
        parts.append(
            f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="8" fill="none" stroke="{WARNING_COLOUR}" '
            f'stroke-width="3"><title>the deal: {amount(a)} for you, {amount(b)} for them'
            "</title></circle>"
        )
        parts.append(svg_text(x(a) - 10, y(b) + 4, "deal", "end", WARNING_COLOUR))
    on_frontier = set(frontier)  # points; two packages may share one, so count packages
    words = [
        f"{len(packages)} packages",
        f"{sum(p in on_frontier for p in packages)} of them on the Pareto frontier",
    ]
    if path:
        (a, b), (c, d) = path[0], path[-1]
        words.append(
            f"{path_name}: {len(path)} package(s), numbered from 0, from {amount(a)} for you "
            f"and {amount(b)} for them to {amount(c)} and {amount(d)}"
        )
    if deal is not None:
        words.append(f"the deal: {amount(deal[0])} for you and {amount(deal[1])} for them")
    if minimum is not None:
        words.append(f"their minimum {amount(minimum)}")
    label = "your plan against the Pareto frontier: " + "; ".join(words)
    return svg(width, height, "".join(parts), label)
