"""Module 01's profit curve reads well (issue 19, item 5): numbers on both axes, no label
over another or past the picture's edge, and words that say what it shows."""

import html
import re

import pytest

from course.models.information import expected_profit
from course.pictures_information import profit_curve
from tests.test_pictures import numbers, outside, overlaps


@pytest.mark.parametrize(
    ("cost", "low", "high", "price", "informed"),
    [
        (40, 40, 100, 70, 17.5),  # the notebook's uniform case
        (30, 40, 100, 70, 40.0),  # cost below the lowest value: a price at every value sells
        (85, 40, 100, 92.5, 4.5),  # little to gain, losses below cost
        (120, 40, 100, None, 0.0),  # no price makes a profit
    ],
)
def test_both_axes_have_numbers_and_no_label_collides(cost, low, high, price, informed):
    picture = profit_curve(cost, low, high, price, informed)
    assert not overlaps(picture) and not outside(picture)
    shown = set(numbers(picture))
    assert {"60", "80", str(high)} <= shown  # round prices along the bottom
    assert "0" in shown and len(shown) >= 6  # and profits up the side
    alt = re.search(r'role="img" aria-label="([^"]+)">', picture)
    assert alt and "expected profit by price" in alt.group(1)
    if price is not None:
        assert f"the model's price {price:g}" in html.unescape(alt.group(1)).replace(",", "")
        assert expected_profit(price, cost, low, high) > 0
