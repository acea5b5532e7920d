"""SVG pictures for the workshop debrief: pure functions from numbers to markup."""

from html import escape

from course.pictures import BUYER_COLOUR, SELLER_COLOUR, ZONE_COLOUR, amount, svg, svg_text

GROUP_COLOURS = {"seller": SELLER_COLOUR, "buyer": BUYER_COLOUR}


def bars(bins, x_label, label, width=560, height=220):
    """A histogram: ``bins`` is ``[(low, high, count), ...]``."""
    left, right, top, bottom = 40, 20, 15, 40
    tallest = max((count for *_, count in bins), default=0) or 1
    slot = (width - left - right) / max(len(bins), 1)
    base = height - bottom
    parts = [f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>']
    for i, (low, high, count) in enumerate(bins):
        tall = count / tallest * (base - top)
        x = left + i * slot
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{base - tall:.1f}" width="{slot - 4:.1f}" '
            f'height="{tall:.1f}" fill="{ZONE_COLOUR}"><title>{amount(low)}–{amount(high)}: '
            f"{count}</title></rect>"
        )
        if count:
            parts.append(svg_text(x + slot / 2, base - tall - 3, str(count), size=11))
        parts.append(svg_text(x + slot / 2, base + 14, amount(low), size=10))
    parts.append(svg_text((left + width - right) / 2, height - 6, x_label))
    return svg(width, height, "".join(parts), label)


def scatter(groups, fits, x_label, y_label, label, low=0, high=100, width=560, height=300):
    """Points by group (``{"seller": [(x, y)], ...}``) on [low, high] both ways, with each
    group's fitted line (``fits[group]`` is ``(slope, intercept, r)`` or None)."""
    left, right, top, bottom = 50, 140, 25, 40
    span = (high - low) or 1

    def x(value):
        return left + (value - low) / span * (width - left - right)

    def y(value):
        return top + (high - value) / span * (height - top - bottom)

    base = height - bottom
    parts = [
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="#999"/>',
        svg_text((left + width - right) / 2, height - 6, x_label),
        svg_text(left - 40, 12, y_label, anchor="start", size=11),
        svg_text(left - 6, top + 10, amount(high), anchor="end"),
        svg_text(left - 6, base, amount(low), anchor="end"),
    ]
    for row, (group, points) in enumerate(groups.items()):
        colour = GROUP_COLOURS.get(group, ZONE_COLOUR)
        for a, b in points:
            parts.append(
                f'<circle cx="{x(a):.1f}" cy="{y(b):.1f}" r="4" fill="{colour}" '
                f'fill-opacity="0.7"><title>{escape(str(group))}: {amount(a)} → {amount(b)}'
                "</title></circle>"
            )
        fit = fits.get(group)
        legend = f"{group} ({len(points)})"
        if fit is not None:
            slope, intercept, r = fit
            parts.append(
                f'<line x1="{x(low):.1f}" y1="{y(slope * low + intercept):.1f}" '
                f'x2="{x(high):.1f}" y2="{y(slope * high + intercept):.1f}" stroke="{colour}" '
                'stroke-width="2" stroke-dasharray="6 3" clip-path="url(#plot)"/>'
            )
            legend += f" r = {r:.2f}"
        parts.append(svg_text(width - right + 6, top + 16 * row + 10, legend, "start", colour))
    inner = f'<clipPath id="plot"><rect x="{left}" y="{top}" width="{width - left - right}" height="{base - top}"/></clipPath>'
    return svg(width, height, inner + "".join(parts), label)


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
    from course.pictures_concessions import CURVE_MARKERS, marker

    left, right, top, bottom = 56, 150, 20, 40
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
        svg_text((left + width - right) / 2, height - 6, x_label),
        svg_text(4, 12, y_label, anchor="start", size=11),
        svg_text(left - 6, top + 10, amount(y_high), anchor="end"),
        svg_text(left - 6, base, amount(y_low), anchor="end"),
        svg_text(left, base + 14, amount(x_low), size=10),
        svg_text(width - right, base + 14, amount(x_high), size=10),
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
        for a, b, title in points:
            parts.append(marker(shape, x(a), y(b), colour, title))
        legend = f"{group} ({len(points)})"
        fit = (fits or {}).get(group)
        if fit is not None:
            slope, intercept, r = fit
            parts.append(
                f'<line x1="{x(x_low):.1f}" y1="{y(slope * x_low + intercept):.1f}" '
                f'x2="{x(x_high):.1f}" y2="{y(slope * x_high + intercept):.1f}" '
                f'stroke="{colour}" stroke-width="2" stroke-dasharray="6 3" clip-path="url(#plane)"/>'
            )
            legend += f" r = {r:.2f}"
        key_y = top + 16 * (row + index) + 10
        parts.append(marker(shape, width - right + 10, key_y - 4, colour))
        parts.append(svg_text(width - right + 18, key_y, legend, "start", colour))
    return svg(width, height, "".join(parts), label)
