"""Review 98 of module 03, fixed in round 99: C1, X1, U1 and U2. Each test fails on the text
before the fix."""

from pathlib import Path

import course
import course.scenarios.power as _P
from tests.test_models_power import PROSE, _section
from tests.test_power_review89 import _cell as _paragraphs

ROOT = Path(__file__).resolve().parents[1]


def _flat(text):
    return " ".join(text.split())


def _draws(count=300):
    return [course.variant("03_power", f"rv98-{n}") for n in range(count)]


def _section_5_price(s):
    """What the licence brings Kestrel if Atlas refuses: section 5's max(v1/2, v2), as
    questions 6 and 8 price it."""
    return max(s.atlas_value / 2, s.borealis_value)


def test_c1_rule_2_holds_the_figure_and_expects_section_5s_price_if_refused():
    """Review 98 C1: rule 2 said "Ask no more with nothing behind it, and take no less", and
    rule 1 "settle for no less", while the module prices the licence at section 5's price
    (questions 6 and 8) and admits Atlas can refuse. Rule 2 now holds the figure while the
    other side cannot fault it and, on a refusal, expects section 5's price and goes no
    lower. The key's figure never lies below that price, and lies above it for some
    learners (the case the old "take no less" set a limit above the forecast)."""
    rule = " ".join(_paragraphs("licence-reply-rule"))  # review 102, X1: after question 4
    assert "take no less" not in rule and "settle for no less" not in rule
    assert (
        "2. **Ask no more with nothing behind it, and hold it while the other side cannot "
        "fault it.**" in rule
    )
    # review 106, U6 (round 107): the refusal's outcome is said in question 4 itself
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert (
        "by it, Atlas can refuse any ask above that price, and Kestrel then expects that price."
        in four
    )
    above = 0
    for s in _draws():
        figure = _P.reply_grounds(s)[_P.reply_reason(s)]
        assert figure >= _section_5_price(s)
        above += figure > _section_5_price(s)
    assert above > 0


def test_x1_question_4_says_the_rule_picks_the_reply():
    """Review 98 X1: rules 1-3 make question 4 "take the highest of three figures", so "Which
    fits is yours to judge" overstated the learner's decision. The text now says what the
    learner does: work out the three figures for their case; the rule picks the reply, and
    the key's reply is indeed the one whose figure is highest."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "yours to judge" not in four
    # review 102, X1: the rule no longer stands above the question; the learner chooses
    assert "the rule above picks the reply" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four
    reasons = set()
    for s in _draws():
        grounds = _P.reply_grounds(s)
        assert _P.reply_reason(s) == max(grounds, key=grounds.get)
        reasons.add(_P.reply_reason(s))
    assert reasons == {"accept", "yardstick", "rival"}  # a real decision among the three


def test_u1_question_9s_bluff_is_the_courses_bluff():
    """Review 98 U1: question 9a glossed a bluff as "a false claim about its reservation price
    or its valuation", narrower than module 02's rule 2 and section 7, which also count a
    demand one would not carry out. The gloss now carries both, as module 02 does."""
    nine = _flat(_section(PROSE, "### Question 9", "def rate_tactics"))
    assert "module 00's bluff: a false claim" not in nine
    assert (
        '`"bluff"` (a false claim about its reservation price or valuation, or a demand it '
        "would not carry out)" in nine
    )
    batna = _flat((ROOT / "source" / "02_batna" / "batna.py").read_text().replace("#", " "))
    assert (
        "A false claim about your reservation price, or a demand you would not carry out: a **bluff**"
        in batna
    )


def test_u2_the_reservation_price_is_module_02s_not_a_new_definition():
    """Review 98 U2: "From here on this module calls that lowest price the reservation price"
    read as a new definition of module 02's term. The text now says only that, with a firm
    rival offer, as in this module's stories, the core's lowest price is module 02's
    reservation price."""
    two = _flat(
        _section(PROSE, "**A licence and two buyers.**", "### Exercise: the power explorer")
    )
    assert "From here on this module calls" not in two
    assert (
        "When the rival's offer is firm, as in this module's stories, that lowest price is also "
        "module 02's **reservation price**, the least the seller could accept" in two
    )
