"""Small SVG pictures for the exercises: pure functions from numbers to markup.

SVG redraws instantly inside an HTML widget, works the same in JupyterLab and Voila and
is easy to test, so the live exercises use it; longer analyses use matplotlib.
"""

import math
from html import escape

from course.models.audit import signed

SELLER_COLOUR = "#1f77b4"
BUYER_COLOUR = "#ff7f0e"
ZONE_COLOUR = "#2ca02c"
WARNING_COLOUR = "#d62728"


def amount(value):
    """A number as people write money: thousands separated, no needless decimals."""
    text = f"{value:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def counted(number, noun):
    """``number`` with ``noun`` as people write a count: "1 step", "3 steps" (``noun`` is a
    regular English noun, singular)."""
    return f"{number:g} {noun if number == 1 else noun + 's'}"


def svg(width, height, body, label):
    """A picture ``width`` × ``height`` (it shrinks to fit a narrower screen, keeping its
    proportions) whose text alternative is ``label``: what it shows, said in words."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" style="max-width:100%;height:auto" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>{body}</svg>'
    )


def svg_text(x, y, content, anchor="middle", colour="#333", size=12):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{colour}" font-family="sans-serif">{escape(content)}</text>'
    )


def ticks(low, high, most=6):
    """Round numbers from ``low`` to ``high`` for an axis, at most ``most`` of them: steps
    of 1, 2, 2.5 or 5 times a power of ten, starting at the first multiple of the step."""
    span = high - low
    if span <= 0:
        return [low]
    raw = span / max(most - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    count = math.floor((high - first) / step + 1e-9) + 1
    return [round(first + i * step, 10) for i in range(count)]


def tick_text(value):
    """An axis number: 20,000, 2.5 or 0.2 (no needless zeros)."""
    return format(value, ",.10g")


def x_axis(values, x, base, size=12, colour="#333"):
    """Tick marks and numbers under a horizontal axis at height ``base``; ``x`` maps a value
    to its position."""
    return "".join(
        f'<line x1="{x(v):.1f}" y1="{base}" x2="{x(v):.1f}" y2="{base + 4}" stroke="#999"/>'
        + svg_text(x(v), base + 4 + size, tick_text(v), colour=colour, size=size)
        for v in values
    )


def y_axis(values, y, left, size=12, colour="#333"):
    """Tick marks and numbers left of a vertical axis at ``left``; ``y`` maps a value to its
    height."""
    return "".join(
        f'<line x1="{left - 4}" y1="{y(v):.1f}" x2="{left}" y2="{y(v):.1f}" stroke="#999"/>'
        + svg_text(left - 7, y(v) + size * 0.35, tick_text(v), "end", colour, size)
        for v in values
    )


def y_title(content, top, base, size=12):
    """An axis title written up the left edge, beside the numbers of ``y_axis``."""
    middle = (top + base) / 2
    return (
        f'<text x="{size + 2}" y="{middle:.1f}" text-anchor="middle" font-size="{size}" '
        f'fill="#333" font-family="sans-serif" transform="rotate(-90 {size + 2} {middle:.1f})">'
        f"{escape(content)}</text>"
    )


def inward(x, width):
    """How to anchor a label at ``x`` so that near either edge of a picture ``width`` wide
    it runs inwards instead of off the picture."""
    return "start" if x < width / 5 else "end" if x > width * 4 / 5 else "middle"


def zopa_line(seller, buyer, price, low, high, width=560):
    """A price line from ``low`` to ``high``: both reservation prices, the zone between them
    when there is one, and the proposed deal, with each side's part of the surplus."""
    margin, axis_y = 30, 70
    span = (high - low) or 1.0

    def x(value):
        return margin + (value - low) / span * (width - 2 * margin)

    parts = [
        f'<line x1="{margin}" y1="{axis_y}" x2="{width - margin}" y2="{axis_y}" stroke="#999"/>'
    ]
    parts.append(x_axis(ticks(low, high, 6), x, axis_y + 14, 11))
    if buyer >= seller:
        parts.append(
            f'<rect x="{x(seller):.1f}" y="{axis_y - 14}" width="{x(buyer) - x(seller):.1f}" '
            f'height="28" fill="{ZONE_COLOUR}" fill-opacity="0.25"><title>ZOPA</title></rect>'
        )
        parts.append(svg_text((x(seller) + x(buyer)) / 2, axis_y - 20, "ZOPA", colour=ZONE_COLOUR))
        if seller <= price <= buyer:
            parts.append(
                f'<rect x="{x(seller):.1f}" y="{axis_y - 4}" width="{x(price) - x(seller):.1f}" '
                f'height="8" fill="{SELLER_COLOUR}"><title>seller\'s part</title></rect>'
            )
            parts.append(
                f'<rect x="{x(price):.1f}" y="{axis_y - 4}" width="{x(buyer) - x(price):.1f}" '
                f'height="8" fill="{BUYER_COLOUR}"><title>buyer\'s part</title></rect>'
            )
    else:
        parts.append(
            f'<rect x="{x(buyer):.1f}" y="{axis_y - 14}" width="{x(seller) - x(buyer):.1f}" '
            f'height="28" fill="{WARNING_COLOUR}" fill-opacity="0.15"><title>gap</title></rect>'
        )
        parts.append(
            svg_text((x(seller) + x(buyer)) / 2, axis_y - 20, "no ZOPA", colour=WARNING_COLOUR)
        )
    for value, name, colour, dy in (
        (seller, "seller", SELLER_COLOUR, 58),
        (buyer, "buyer", BUYER_COLOUR, 72),
    ):
        parts.append(
            f'<line x1="{x(value):.1f}" y1="{axis_y - 22}" x2="{x(value):.1f}" '
            f'y2="{axis_y + 14}" stroke="{colour}" stroke-width="2"/>'
        )
        parts.append(
            svg_text(
                x(value),
                axis_y + dy - 8,
                f"{name} {amount(value)}",
                inward(x(value), width),
                colour,
            )
        )
    parts.append(
        f'<polygon points="{x(price) - 7:.1f},{axis_y - 34} {x(price) + 7:.1f},{axis_y - 34} '
        f'{x(price):.1f},{axis_y - 22}" fill="#333"><title>deal</title></polygon>'
    )
    parts.append(svg_text(x(price), axis_y - 38, f"deal {amount(price)}", inward(x(price), width)))
    label = f"ZOPA picture: seller {amount(seller)}, buyer {amount(buyer)}, deal {amount(price)}"
    return svg(width, 146, "".join(parts), label)


def value_bars(values, highlight=None, marker=None, marker_label="", width=560):
    """Horizontal bars, one per named value; ``highlight`` names the bar to colour and
    ``marker`` draws a dashed line at that value (e.g. the reservation price)."""
    if not values:
        return svg(width, 20, "", "no values")
    label_width, bar_height, gap = 140, 22, 8
    top = max([*values.values(), marker if marker is not None else 0, 0]) or 1.0
    scale = (width - label_width - 90) / top
    parts = []
    for row, (name, value) in enumerate(values.items()):
        y = row * (bar_height + gap) + 10
        colour = ZONE_COLOUR if name == highlight else "#9ecae1"
        parts.append(svg_text(label_width - 8, y + 15, str(name), anchor="end"))
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{max(value, 0) * scale:.1f}" '
            f'height="{bar_height}" fill="{colour}"><title>{escape(str(name))}</title></rect>'
        )
        parts.append(
            svg_text(label_width + max(value, 0) * scale + 6, y + 15, amount(value), anchor="start")
        )
    height = len(values) * (bar_height + gap) + 30
    if marker is not None:
        mx = label_width + max(marker, 0) * scale
        parts.append(
            f'<line x1="{mx:.1f}" y1="4" x2="{mx:.1f}" y2="{height - 16}" stroke="{WARNING_COLOUR}" '
            'stroke-dasharray="4 3"/>'
        )
        parts.append(
            svg_text(mx, height - 4, f"{marker_label} {amount(marker)}", colour=WARNING_COLOUR)
        )
    return svg(width, height, "".join(parts), "bar chart: " + ", ".join(map(str, values)))


def audit_bars(yours, theirs, weights, balance, width=560):
    """Each source's rating for both sides as paired bars (out of 10, weight in the label),
    and beneath them a gauge from "all theirs" (-10 points) to "all yours" (+10) marking
    the balance, in points."""
    label_width, bar_height, row_height, scale_top = 210, 12, 40, 10.0
    plot = width - label_width - 45
    parts = []
    for row, source in enumerate(yours):
        y = row * row_height + 8
        parts.append(
            svg_text(
                label_width - 8, y + 16, f"{source} (weight {weights[source]:.2f})", anchor="end"
            )
        )
        for offset, (who, rating, colour) in enumerate(
            (("you", yours[source], SELLER_COLOUR), ("them", theirs[source], BUYER_COLOUR))
        ):
            top = y + offset * (bar_height + 2)
            length = rating / scale_top * plot
            parts.append(
                f'<rect x="{label_width}" y="{top}" width="{length:.1f}" height="{bar_height}" '
                f'fill="{colour}"><title>{who}: {rating:g}</title></rect>'
            )
            parts.append(
                svg_text(
                    label_width + length + 4, top + 10, f"{who} {rating:g}", "start", colour, 10
                )
            )
    gauge_y = len(yours) * row_height + 20
    left, right = label_width, label_width + plot
    middle = (left + right) / 2
    marker = middle + balance / scale_top * (right - left) / 2
    parts.append(
        f'<line x1="{left}" y1="{gauge_y}" x2="{right}" y2="{gauge_y}" stroke="#999" '
        'stroke-width="4"/>'
    )
    parts.append(
        f'<line x1="{middle}" y1="{gauge_y - 8}" x2="{middle}" y2="{gauge_y + 8}" stroke="#999"/>'
    )
    parts.append(
        x_axis(
            ticks(-scale_top, scale_top, 5),
            lambda v: middle + v / scale_top * plot / 2,
            gauge_y + 4,
            11,
        )
    )
    parts.append(svg_text(left, gauge_y + 36, "all theirs", "start", BUYER_COLOUR, 11))
    parts.append(svg_text(right, gauge_y + 36, "all yours", "end", SELLER_COLOUR, 11))
    parts.append(svg_text(label_width - 8, gauge_y + 4, "balance", anchor="end"))
    colour = SELLER_COLOUR if balance >= 0 else BUYER_COLOUR
    parts.append(
        f'<circle cx="{marker:.1f}" cy="{gauge_y}" r="7" fill="{colour}">'
        f"<title>balance {signed(balance)} points</title></circle>"
    )
    label = f"leverage audit: balance {signed(balance)} points (-10 all theirs, +10 all yours)"
    return svg(width, gauge_y + 46, "".join(parts), label)
