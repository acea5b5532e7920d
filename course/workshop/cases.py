"""The role plays of the pairs workshop: two cases written for this course, each with two
confidential briefs.

- ``food-truck``: one issue, the price of a food truck; each side knows its own BATNA
  and a few facts the other does not;
- ``clinic-software``: five issues between a software vendor and a group of clinics,
  each side with its own points table and a BATNA in points. The fee is the only issue
  where one side's gain is exactly the other's loss; the contract's length matters far
  more to the vendor, the go-live date and the support hours far more to the clinics
  (trading them creates value), and both sides want the vendor to move the old records
  (a compromise there loses points for both).

Only the facilitator's console imports this module. Starting a round stores each seat's
own brief (``course.workshop.pairs.seat_brief``) and the whole case (for scoring once the
round is over, and for a bot seat) in the results store; a participant's kernel reads
its own seat from there and never imports this module.
"""

import copy

SELLER, BUYER = "seller", "buyer"

FOOD_TRUCK = {
    "key": "food-truck",
    "title": "Selling the Saffron Wheels food truck",
    "kind": "price",
    "minutes": 10,
    "low": 0,
    "high": 100,
    "unit": "thousand euros",
    "situation": (
        "Saffron Wheels is a food truck on a 2017 chassis whose kitchen was refitted last "
        "year. Its owner is selling it; a catering company wants it. Prices are in "
        "thousands of euros: offers are whole numbers from 0 to 100."
    ),
    "sides": {
        SELLER: {
            "title": "the owner of Saffron Wheels",
            "short": "owner",
            "brief": (
                "You built Saffron Wheels up over six years and you are moving abroad in "
                "six weeks, so the truck has to be sold before then.",
                "Roadside Kitchens, a dealer, has made you a written offer of 31 that "
                "stands until the end of the month. Selling to anyone for less than 31 "
                "leaves you worse off than taking the dealer's money: 31 is your "
                "reservation price.",
                "The refit cost you 12 last year and the truck passed its last hygiene "
                "inspection with top marks. Trucks like it are advertised online for 38 to "
                "55, though the dearer ones stay unsold for months.",
                "You know nothing about the buyer's other options.",
            ),
            "reservation": 31,
        },
        BUYER: {
            "title": "the owner of Maple & Thyme Catering",
            "short": "caterer",
            "brief": (
                "You run Maple & Thyme Catering and need a second truck before the "
                "festival season opens in five weeks: three festival contracts depend on it.",
                "The best other truck you have found is 400 km away, priced at 46. Fetching "
                "it and refitting its kitchen to your standard would bring the total to 52, "
                "and it might miss the first festival. Paying more than 52 for Saffron "
                "Wheels is worse than buying that one: 52 is your reservation price.",
                "A friend told you the owner is moving abroad soon, but not when.",
            ),
            "reservation": 52,
        },
    },
}

_FEES = ("€240k a year", "€225k a year", "€210k a year", "€195k a year", "€180k a year")
_YEARS = ("5 years", "4 years", "3 years", "2 years", "1 year")
_LIVE = ("in 6 months", "in 5 months", "in 4 months", "in 3 months", "in 2 months")
_SUPPORT = ("office hours", "12 hours a day", "16 hours a day", "20 hours a day", "24 hours a day")
_RECORDS = (
    "Northgate's staff",
    "Northgate's staff with Lumen's tools",
    "half each",
    "Lumen with Northgate's staff",
    "Lumen's team",
)


def _points(*columns):
    """A points table from one column of points per issue, in the order of ``_ISSUES``."""
    return {
        issue["key"]: dict(zip(issue["levels"], points, strict=True))
        for issue, points in zip(_ISSUES, columns, strict=True)
    }


_ISSUES = (
    {"key": "fee", "label": "Annual fee", "levels": _FEES},
    {"key": "length", "label": "Contract length", "levels": _YEARS},
    {"key": "go-live", "label": "Go-live", "levels": _LIVE},
    {"key": "support", "label": "Phone support", "levels": _SUPPORT},
    {"key": "records", "label": "Who moves the old records", "levels": _RECORDS},
)

CLINIC_SOFTWARE = {
    "key": "clinic-software",
    "title": "Booking software for Northgate Clinics",
    "kind": "package",
    "minutes": 20,
    "situation": (
        "Northgate runs six physiotherapy clinics and is choosing new booking and patient "
        "records software. Lumen Health, a software vendor, is the favourite. Five terms "
        "are open: the annual fee, the contract's length, how soon the system goes live, "
        "the hours of phone support, and who moves the old records across. A deal is a "
        "package: one option on every term. Each side scores packages with its own points "
        "table, which the other side never sees."
    ),
    "issues": [dict(issue, levels=list(issue["levels"])) for issue in _ISSUES],
    "sides": {
        SELLER: {
            "title": "Lumen Health's account director (the vendor)",
            "short": "vendor",
            "brief": (
                "You lead the Northgate account for Lumen Health. Your points table below "
                "says what each option is worth to Lumen; a package is worth the sum of its "
                "five options.",
                "Lumen's BATNA: the same implementation team can start on a hospital "
                "project worth 445 points to you. Any package worth less than 445 is worse "
                "than walking away.",
                "The fee and a long contract matter most: Lumen's investors watch its "
                "recurring revenue. An early go-live and long support hours cost you "
                "something, but not much: engineers are free this quarter, and your help "
                "desk already runs around the clock for other clients.",
                "You would much rather move the old records yourselves: records moved by a "
                "client's own staff cause most of your complaints.",
            ),
            "batna": 445,
            "points": _points(
                (400, 300, 200, 100, 0),
                (240, 180, 120, 60, 0),
                (120, 90, 60, 30, 0),
                (100, 75, 50, 25, 0),
                (0, 35, 70, 105, 140),
            ),
        },
        BUYER: {
            "title": "Northgate's operations manager (the clinics)",
            "short": "clinics",
            "brief": (
                "You run operations for Northgate's six clinics. Your points table below "
                "says what each option is worth to Northgate; a package is worth the sum of "
                "its five options.",
                "Northgate's BATNA: keep the old system one more year with a paid upgrade, "
                "worth 415 points to you. Any package worth less than 415 is worse than "
                "walking away.",
                "The fee matters, and so does going live soon: the old system's licence "
                "runs out, and every month of running both costs you twice. Your clinics "
                "open early and close late, so long support hours are worth a lot. The "
                "contract's length matters less: a long one is only a small risk if Lumen "
                "disappoints.",
                "You would rather Lumen moved the old records: your staff have no time for it.",
            ),
            "batna": 415,
            "points": _points(
                (0, 90, 180, 270, 360),
                (0, 20, 40, 60, 80),
                (0, 60, 120, 180, 240),
                (0, 45, 90, 135, 180),
                (0, 40, 80, 120, 160),
            ),
        },
    },
}

#: The cases a facilitator picks from, by key.
CASES = {case["key"]: case for case in (FOOD_TRUCK, CLINIC_SOFTWARE)}


def case_data(key):
    """The whole case ``key`` (both briefs), as plain data; a ``ValueError`` if unknown."""
    if key not in CASES:
        raise ValueError(f"pick a case from {', '.join(CASES)}, got {key!r}")
    return copy.deepcopy(CASES[key])
