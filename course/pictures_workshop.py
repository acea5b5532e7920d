"""SVG pictures for the workshop debrief: pure functions from numbers to markup."""

from html import escape

from course.pictures import (
    BUYER_COLOUR,
    SELLER_COLOUR,
    ZONE_COLOUR,
    amount,
    svg,
    svg_text,
    ticks,
    x_axis,
    y_axis,
    y_title,
)

GROUP_COLOURS = {"seller": SELLER_COLOUR, "buyer": BUYER_COLOUR}

#: The debrief is read on a projector from the back of a room: bigger numbers and words.
PROJECTOR = 15


def bars(bins, x_label, label, width=720, height=320):
    """A histogram: ``bins`` is ``[(low, high, count), ...]``, with the bins' edges along
    the bottom and the counts up the side; the text alternative gives every count."""
    left, right, top, bottom = 56, 20, 20, 56
    tallest = max((count for *_, count in bins), default=0) or 1
    slot = (width - left - right) / max(len(bins), 1)
    base = height - bottom

    def y(value):
        return base - value / tallest * (base - top)

    counts = [v for v in ticks(0, tallest, 5) if float(v).is_integer()]
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        y_axis(counts, y, left, PROJECTOR),
        y_title("count", top, base, PROJECTOR),
    ]
    for i, (low, high, count) in enumerate(bins):
        x = left + i * slot
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{y(count):.1f}" width="{slot - 4:.1f}" '
            f'height="{base - y(count):.1f}" fill="{ZONE_COLOUR}"><title>{amount(low)}–'
            f"{amount(high)}: {count}</title></rect>"
        )
    if bins:
        first, last = bins[0][0], bins[-1][1]

        def edge(value):
            return left + (value - first) / ((last - first) or 1) * (width - left - right)

        parts.append(x_axis([low for low, _, _ in bins] + [last], edge, base, PROJECTOR))
    parts.append(svg_text((left + width - right) / 2, height - 8, x_label, size=PROJECTOR))
    said = ", ".join(f"{amount(low)}–{amount(high)}: {count}" for low, high, count in bins)
    return svg(width, height, "".join(parts), f"{label} ({said})" if bins else label)


def scatter(groups, fits, x_label, y_label, label, low=0, high=100, width=720, height=420):
    """Points by group (``{"seller": [(x, y)], ...}``) on [low, high] both ways, each group
    with its own colour, marker shape and dash pattern, and its fitted line
    (``fits[group]`` is ``(slope, intercept, r)`` or None); numbers on both axes."""
    from course.pictures_concessions import CURVE_DASHES, CURVE_MARKERS, marker

    left, right, top, bottom = 64, 210, 20, 60
    span = (high - low) or 1

    def x(value):
        return left + (value - low) / span * (width - left - right)

    def y(value):
        return top + (high - value) / span * (height - top - bottom)

    base = height - bottom
    marks = ticks(low, high, 6)
    parts = [
        f'<clipPath id="plot"><rect x="{left}" y="{top}" width="{width - left - right}" '
        f'height="{base - top}"/></clipPath>',
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        x_axis(marks, x, base, PROJECTOR),
        y_axis(marks, y, left, PROJECTOR),
        svg_text((left + width - right) / 2, height - 8, x_label, size=PROJECTOR),
        y_title(y_label, top, base, PROJECTOR),
    ]
    said = []
    for row, (group, points) in enumerate(groups.items()):
        colour = GROUP_COLOURS.get(group, ZONE_COLOUR)
        shape = CURVE_MARKERS[row % len(CURVE_MARKERS)]
        dash = CURVE_DASHES[(row + 1) % len(CURVE_DASHES)]
        for a, b in points:
            parts.append(marker(shape, x(a), y(b), colour, f"{group}: {amount(a)} → {amount(b)}"))
        fit = fits.get(group)
        legend = f"{group} ({len(points)})"
        words = f"{len(points)} {group} point{'s' if len(points) != 1 else ''}"
        if fit is not None:
            slope, intercept, r = fit
            parts.append(
                f'<line x1="{x(low):.1f}" y1="{y(slope * low + intercept):.1f}" '
                f'x2="{x(high):.1f}" y2="{y(slope * high + intercept):.1f}" stroke="{colour}" '
                f'stroke-width="2" stroke-dasharray="{dash}" clip-path="url(#plot)"/>'
            )
            legend += f" r = {r:.2f}"
            words += f", correlation r = {r:.2f}"
        key_y = top + 24 * row + 12
        parts.append(marker(shape, width - right + 14, key_y - 5, colour))
        parts.append(svg_text(width - right + 24, key_y, legend, "start", colour, PROJECTOR))
        said.append(words)
    return svg(width, height, "".join(parts), f"{label}: {'; '.join(said) or 'no points yet'}")


def plane(
    groups,
    x_range,
    y_range,
    x_label,
    y_label,
    label,
    curve=None,
    marks=None,
    fits=None,
    width=560,
    height=320,
):
    """Points by group on ``x_range`` × ``y_range`` (each ``(low, high)``): ``groups`` maps a
    group to ``[(x, y, title), ...]``, each group with its own colour and marker shape;
    ``curve`` a named line ``(name, [(x, y), ...])`` (e.g. the Pareto frontier); ``marks``
    reference lines, ``{label: ("x" or "y", value)}``; ``fits`` a fitted line per group,
    ``(slope, intercept, r)``."""
    from course.pictures_concessions import CURVE_DASHES, CURVE_MARKERS, marker

    left, right, top, bottom = 64, 170, 20, 48
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    x_span, y_span = (x_high - x_low) or 1, (y_high - y_low) or 1

    def x(value):
        return left + (value - x_low) / x_span * (width - left - right)

    def y(value):
        return top + (y_high - value) / y_span * (height - top - bottom)

    base = height - bottom
    parts = [
        f'<clipPath id="plane"><rect x="{left}" y="{top}" width="{width - left - right}" '
        f'height="{base - top}"/></clipPath>',
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        x_axis(ticks(x_low, x_high, 6), x, base),
        y_axis(ticks(y_low, y_high, 6), y, left),
        svg_text((left + width - right) / 2, height - 6, x_label),
        y_title(y_label, top, base),
    ]
    for name, (axis, value) in (marks or {}).items():
        ends = (
            (x(value), top, x(value), base)
            if axis == "x"
            else (left, y(value), width - right, y(value))
        )
        parts.append(
            '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#888" '
            'stroke-dasharray="3 3"><title>{}</title></line>'.format(*ends, escape(name))
        )
    row = 0
    if curve is not None:
        name, points = curve
        path = " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{ZONE_COLOUR}" stroke-width="2" '
            f'clip-path="url(#plane)"><title>{escape(name)}</title></polyline>'
        )
        parts.append(svg_text(width - right + 6, top + 10, name, "start", ZONE_COLOUR))
        row = 1
    for index, (group, points) in enumerate(groups.items()):
        colour = GROUP_COLOURS.get(group, SELLER_COLOUR if index == 0 else BUYER_COLOUR)
        shape = CURVE_MARKERS[index % len(CURVE_MARKERS)]
        dash = CURVE_DASHES[(index + 1) % len(CURVE_DASHES)]
        for a, b, title in points:
            parts.append(marker(shape, x(a), y(b), colour, title))
        legend = f"{group} ({len(points)})"
        fit = (fits or {}).get(group)
        if fit is not None:
            slope, intercept, r = fit
            parts.append(
                f'<line x1="{x(x_low):.1f}" y1="{y(slope * x_low + intercept):.1f}" '
                f'x2="{x(x_high):.1f}" y2="{y(slope * x_high + intercept):.1f}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}" '
                'clip-path="url(#plane)"/>'
            )
            legend += f" r = {r:.2f}"
        key_y = top + 16 * (row + index) + 10
        parts.append(marker(shape, width - right + 10, key_y - 4, colour))
        parts.append(svg_text(width - right + 18, key_y, legend, "start", colour))
    return svg(width, height, "".join(parts), label)
