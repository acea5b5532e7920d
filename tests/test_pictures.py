"""The course's own pictures read well (issue 19, items 5 and 10): every picture says in
words what it shows, no label is drawn over another, every axis carries numbers, and
groups are told apart by more than colour."""

import re
from html import unescape

import pytest

from course.pictures import audit_bars, ticks, value_bars, zopa_line
from course.pictures_concessions import concession_curves, frontier_picture, tactic_curves
from course.pictures_workshop import bars, plane, scatter

TEXT = re.compile(
    r'<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)" font-size="([\d.]+)"[^>]*>([^<]*)</text>'
)


def labels(picture):
    """Each horizontal label of ``picture`` (a title written up the side is left out) as ``(text, left, top, right, bottom)``, its box
    estimated from the font size (a character is at most 0.62 em wide in sans-serif digits
    and lower case, a line 1 em high above the baseline, 0.25 em below)."""
    boxes = []
    for x, y, anchor, size, content in TEXT.findall(
        re.sub(r"<text [^>]*rotate[^>]*>", "", picture)
    ):
        x, y, size = float(x), float(y), float(size)
        content = unescape(content)
        width = 0.62 * size * len(content)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        boxes.append((content, left, y - 0.8 * size, left + width, y + 0.25 * size))
    return boxes


def overlaps(picture):
    boxes = labels(picture)
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
    ]


def outside(picture):
    """The labels that run past the picture's left or right edge."""
    width = float(re.search(r'<svg [^>]*width="([\d.]+)"', picture).group(1))
    return [text for text, left, _, right, _ in labels(picture) if left < 0 or right > width]


def numbers(picture):
    return [text for text, *_ in labels(picture) if re.fullmatch(r"-?[\d,.]+", text)]


def test_axis_numbers_are_round_and_cover_the_range():
    assert ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert ticks(-10, 10, 5) == [-10, -5, 0, 5, 10]
    assert ticks(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1]
    assert ticks(3, 97) == [20, 40, 60, 80]  # only numbers inside the range
    assert ticks(5, 5) == [5]


SCATTER = scatter(
    {"seller": [(90, 60), (95, 58), (99, 55)], "buyer": [(10, 45), (15, 42), (20, 40)]},
    {"seller": (-0.5, 105.0, -0.9), "buyer": None},
    "first offer",
    "final price",
    "first offer against final price",
)
BARS = bars([(0, 10, 1), (10, 20, 0), (90, 100, 12)], "price", "prices agreed")
PLANE = plane(
    {"deals": [(10, 300, "a"), (50, 420, "b")], "impasses": [(0, 0, "c")], "bots": []},
    (0, 100),
    (0, 600),
    "points of one side",
    "points of the other",
    "deals against the frontier",
    curve=("Pareto frontier", [(0, 600), (100, 0)]),
    fits={"deals": (3.0, 270.0, 1.0)},
)
AUDIT = audit_bars(
    {"information": 7, "alternatives": 2, "power": 10},
    {"information": 3, "alternatives": 9, "power": 0},
    {"information": 0.3, "alternatives": 0.45, "power": 0.25},
    -1.35,
)
# Module 04's pictures: the arena's end of a negotiation with both reservation prices
# close together (each drawn over the other before), the tactic curves of the notebook and
# with the reservation price at 60, and the planner's frontier with its minimum.
ARENA_END = concession_curves(
    {"you": [(0, 90), (1, 80), (2, 70), (3, 64)], "bot": [(0, 40), (1, 48), (2, 55), (3, 61.37)]},
    {"your reservation price": 60, "the bot's reservation price": 62},
)
TACTICS = tactic_curves(opening=100, reservation=60, deadline=10, betas=(0.2, 1.0, 5.0))
NOTEBOOK_TACTICS = tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 2.0))


def test_the_frontier_pictures_alt_text_counts_packages_not_points():
    """Two packages can score the same points, so the alt text counts the packages on the
    frontier, not its distinct points (learner-2: 13, not 11)."""
    packages = [(0, 60), (40, 48), (40, 48), (20, 24), (100, 0), (100, 0)]
    picture = frontier_picture(packages, [(0, 60), (40, 48), (100, 0)], [])
    assert "6 packages; 5 of them on the Pareto frontier" in picture


FRONTIER = frontier_picture(
    [(a, b) for a in range(0, 101, 20) for b in range(0, 61, 12)],
    [(0, 60), (40, 48), (80, 24), (100, 0)],
    [(20, 24), (40, 36), (40, 48)],
    minimum=30,
)


@pytest.mark.parametrize(
    "picture",
    [
        ARENA_END,
        TACTICS,
        NOTEBOOK_TACTICS,
        FRONTIER,
        SCATTER,
        BARS,
        PLANE,
        AUDIT,
        zopa_line(40, 75, 60, 0, 100),
        zopa_line(60, 62, 61, 0, 100),  # reservation prices close together
        zopa_line(75, 40, 60, 0, 100),
        zopa_line(0, 100, 100, 0, 100),  # everything at the ends
        zopa_line(50_000, 120_000, 119_000, 40_000, 120_000),
        value_bars({"Sure offer": 90_000, "Startup": 95_000}, "Startup", 92_000, "reservation"),
    ],
)
def test_no_label_is_drawn_over_another_and_the_picture_says_what_it_shows(picture):
    assert not overlaps(picture) and not outside(picture)
    alt = re.search(r'role="img" aria-label="([^"]+)"><title>([^<]+)</title>', picture)
    assert alt and alt.group(1) == alt.group(2) and len(alt.group(1)) > 10


def test_every_axis_has_numbers():
    """A projector's audience reads values off both axes of the debrief's charts, in a size
    seen from the back; the audit's gauge and the ZOPA line carry numbers too."""
    for picture in (SCATTER, PLANE):
        shown = numbers(picture)
        assert {"0", "20", "40", "60", "80", "100"} <= set(shown)  # along the bottom
    assert {"200", "400", "600"} <= set(numbers(PLANE))  # and up the side
    assert {"0", "5", "10"} <= set(numbers(BARS)) and "100" in numbers(BARS)
    for size in re.findall(r'font-size="([\d.]+)"', SCATTER + BARS):
        assert float(size) >= 15
    assert {"-10", "-5", "0", "5", "10"} <= set(numbers(AUDIT))  # the balance's gauge
    assert numbers(zopa_line(50_000, 90_000, 70_000, 40_000, 120_000)) == [
        "40,000",
        "60,000",
        "80,000",
        "100,000",
        "120,000",
    ]


def test_module_04s_charts_have_numbers_along_both_axes():
    """Not only the two ends: round numbers along the rounds and up the prices or points."""
    for picture, across, up in (
        (TACTICS, {"2", "4", "6", "8", "10"}, {"60", "70", "80", "90", "100"}),  # r105: rounds 1-11
        (ARENA_END, {"0", "1", "2", "3"}, {"40", "50", "60", "70", "80", "90"}),
        (FRONTIER, {"0", "20", "40", "60", "80", "100"}, {"0", "20", "40", "60"}),
    ):
        shown = set(numbers(picture))
        assert across <= shown and up <= shown, (across | up) - shown


def test_module_04s_lines_differ_in_shape_and_dash():
    """Three tactic curves get three marker shapes and three dash patterns, safe under
    protanopia; the reservation prices' level lines differ in their dashes too."""
    shapes = re.findall(r"<(circle|rect|polygon|polyline)[^>]*><title>β", TACTICS)
    assert len(set(shapes)) == 3
    for picture in (ARENA_END,):
        levels = re.findall(r'<line [^>]*stroke-dasharray="([^"]+)"[^>]*><title>', picture)
        assert len(levels) == 2 and len(set(levels)) == 2, levels


def test_module_04s_words_give_the_numbers_and_say_reservation_price():
    alt = re.search(r'aria-label="([^"]+)"', ARENA_END).group(1)
    assert "reservation price 60" in alt and "reservation price 62" in alt
    assert "you: 90 at round 0 to 64 at round 3" in alt
    assert "limit" not in ARENA_END
    assert "reservation price 60" in re.search(r'aria-label="([^"]+)"', TACTICS).group(1)
    alt = re.search(r'aria-label="([^"]+)"', FRONTIER).group(1)
    # "3 steps" counted the start as a step
    assert "3 package(s), numbered from 0" in alt and "their minimum 30" in alt
    assert "steps" not in alt


def test_groups_differ_in_shape_and_line_not_only_colour():
    """Sellers and buyers (or deals, impasses, bots) get a marker shape and a dash pattern
    each, so a reader who cannot tell the colours apart still tells the groups apart."""
    for picture in (SCATTER, PLANE):
        shapes = re.findall(r"<(circle|rect|polygon|path)[^>]*><title>", picture)
        assert len(set(shapes)) >= 2, picture
    dashes = re.findall(r'stroke-dasharray="([^"]+)"', SCATTER + PLANE)
    assert dashes and "" not in dashes


def test_the_words_of_a_chart_give_its_numbers():
    assert "3 seller points, correlation r = -0.90; 3 buyer points" in SCATTER
    assert "0–10: 1, 10–20: 0, 90–100: 12" in BARS
