"""SVG pictures for module 01 (information): pure functions from numbers to markup."""

from html import escape

from course.models.information import expected_profit
from course.pictures import (
    SELLER_COLOUR,
    WARNING_COLOUR,
    ZONE_COLOUR,
    amount,
    svg,
    svg_text,
    ticks,
    x_axis,
    y_axis,
    y_title,
)


def belief_bars(beliefs, expected=None, before=None, width=560, height=200):
    """A bar per possible value (left to right), as tall as its probability; a dashed line
    at the ``expected`` value and, faded, the ``before`` beliefs (e.g. the prior) behind."""
    if not beliefs:
        return svg(width, 20, "", "no beliefs")
    values = sorted(beliefs)
    margin, base = 40, height - 40
    span = (values[-1] - values[0]) or 1.0
    slot = (width - 2 * margin) / len(values)

    def x(value):
        if len(values) == 1:
            return width / 2
        return margin + slot / 2 + (value - values[0]) / span * (width - 2 * margin - slot)

    top = base - 20
    parts = [f'<line x1="{margin}" y1="{base}" x2="{width - margin}" y2="{base}" stroke="#999"/>']
    bar = min(slot * 0.6, 60)
    for value in values:
        chance = beliefs[value]
        if before is not None and value in before:
            old = before[value] * top
            parts.append(
                f'<rect x="{x(value) - bar / 2:.1f}" y="{base - old:.1f}" width="{bar:.1f}" '
                f'height="{old:.1f}" fill="#ccc"><title>before: {before[value]:.0%}</title></rect>'
            )
        tall = chance * top
        parts.append(
            f'<rect x="{x(value) - bar / 4:.1f}" y="{base - tall:.1f}" width="{bar / 2:.1f}" '
            f'height="{tall:.1f}" fill="{SELLER_COLOUR}">'
            f"<title>{escape(amount(value))}: {chance:.1%}</title></rect>"
        )
        parts.append(svg_text(x(value), base - tall - 4, f"{chance:.0%}", size=11))
        parts.append(svg_text(x(value), base + 16, amount(value)))
    if expected is not None:
        ex = x(min(max(expected, values[0]), values[-1]))
        parts.append(
            f'<line x1="{ex:.1f}" y1="12" x2="{ex:.1f}" y2="{base}" stroke="{WARNING_COLOUR}" '
            'stroke-dasharray="4 3"/>'
        )
        parts.append(
            svg_text(ex, height - 6, f"expected {amount(expected)}", colour=WARNING_COLOUR)
        )
    label = "beliefs: " + ", ".join(f"{amount(v)} {beliefs[v]:.0%}" for v in values)
    return svg(width, height, "".join(parts), label)


def profit_curve(cost, low, high, price, informed, width=560, height=220, points=60):
    """Expected profit of each take-it-or-leave-it price to a buyer whose value is uniform
    on [low, high], losses drawn below a zero line; the best ``price`` marked (``None``
    when no price makes a profit), and the ``informed`` profit as a dashed line. Both axes
    carry round numbers (profit up the side, price along the bottom)."""
    left, right = min(low, cost), high
    span = (right - left) or 1.0
    prices = [left + span * i / points for i in range(points + 1)]
    profits = [expected_profit(p, cost, low, high) for p in prices]
    top = max([*profits, informed, 0.0]) or 1.0
    bottom = min([*profits, 0.0])
    margin, base = 60, height - 40

    pad = 12  # the lowest price's number clear of the profit axis's lowest number

    def x(value):
        return margin + pad + (value - left) / span * (width - 2 * margin - pad)

    def y(value):
        return base - (value - bottom) / (top - bottom) * (base - 20)

    line = " ".join(f"{x(p):.1f},{y(v):.1f}" for p, v in zip(prices, profits, strict=True))
    parts = [
        f'<line x1="{margin}" y1="{y(0):.1f}" x2="{width - margin}" y2="{y(0):.1f}" '
        'stroke="#999"><title>zero profit: below it, a loss</title></line>',
        y_axis(ticks(bottom, top, 5), y, margin),
        y_title("expected profit", 20, base),
        f'<polyline points="{line}" fill="none" stroke="{SELLER_COLOUR}" stroke-width="2">'
        "<title>expected profit of a blind price</title></polyline>",
        f'<line x1="{margin}" y1="{y(informed):.1f}" x2="{width - margin}" y2="{y(informed):.1f}" '
        f'stroke="{ZONE_COLOUR}" stroke-dasharray="5 3"><title>with perfect information</title></line>',
        svg_text(
            width - margin,
            y(informed) - 5,
            f"perfect information: {amount(informed)}",
            "end",
            ZONE_COLOUR,
        ),
        x_axis(ticks(left, right), x, base),
        svg_text(width / 2, height - 6, "price you ask"),
    ]
    if price is None:
        parts.append(
            svg_text(width / 2, base / 2, "no price makes a profit", colour=WARNING_COLOUR)
        )
        best = "no price makes a profit"
    else:
        profit = expected_profit(price, cost, low, high)
        parts += [
            f'<circle cx="{x(price):.1f}" cy="{y(profit):.1f}" r="5" fill="{WARNING_COLOUR}">'
            "<title>the model's price</title></circle>",
            svg_text(
                x(price),
                y(profit) + 18,
                f"the model's price {amount(price)}: {amount(profit)}",
                colour=WARNING_COLOUR,
            ),
        ]
        best = f"the model's price {amount(price)} earns {amount(profit)}"
    if bottom < 0:
        parts.append(svg_text(x(left) + 4, y(bottom) - 4, "loss", "start", WARNING_COLOUR))
    label = f"expected profit by price: {best}; perfect information earns {amount(informed)}"
    return svg(width, height, "".join(parts), label)
