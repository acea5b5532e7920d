"""Module 01, review 92 (fixed in round 92): section 6's legitimate kind asks, as modules 00
and 02 do, that no false impression is left, and names paltering (C1); convention 3 says
what a fair price just above Osprey's opening means (X1); the news section's sentence on a
reported quote parses (U1); the summary says a true deadline said as a demand is a warning
(U2); section 1 says what section 4 measures (U3). Each test failed on the text before this
round."""

from course.models import information as model
from course.scenarios import information as scenario
from course.variants import variant
from tests.notebooks import source_notebook
from tests.test_checks_information import cell_words, reference

MODULE = "01_information"
LEARNERS = [f"rv92f-{n}" for n in range(1500)]


def _module_00_words():
    return " ".join(
        " ".join(c.source.replace("#", " ").split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )


def test_legitimate_leaves_no_false_impression_as_module_00_says():
    """C1: the legitimate bullet asked only that nothing untrue be said, so a palter (true
    words chosen to mislead) passed it, while modules 00 and 02 call that close to a lie. The
    bullet now adds that no false impression is left and points to module 00, which defines
    paltering with Rogers et al. (2017)."""
    guard = cell_words("guard-teaching")
    start = guard.index("- **Legitimate.**")
    bullet = guard[start : guard.index("- **A bluff is tolerated")]
    assert "no false impression is left" in bullet
    assert "(true words chosen to mislead are *paltering*, module 00)" in bullet
    assert "nothing untrue is said" in bullet  # review 80 C1's test still holds
    zero = _module_00_words()
    assert "*paltering*" in zero and "Rogers, Zeckhauser" in zero
    assert "leaves no false impression" in zero


def test_a_fair_price_just_above_the_opening_is_explained_and_true():
    """X1: for some learners convention 3's price lands a few euros above Osprey's opening,
    which looks like a slip after section 3 said accepting the opening is never best. The
    convention now says why it is none: the opening already left the buyer at the nearest
    possible reservation price about that share, and fairness gives up nearly all that the
    model's price adds. Checked on 1,500 learners: wherever the course's fair price lies
    within €500 above the opening, the opening leaves that buyer the share used (a quarter,
    since review 106 C1) plus at most 5 points, the fair price gives up at least 85%
    of what the model's price adds to the opening, and the mark accepts it."""
    six = cell_words("q6-text")
    # review 93 U1: the reason is kept, its gloss on what fairness gives up is cut
    # review 94 U1: "at least", and the buyer named; review 108 X1 (round 109): the share is
    # measured at the model's price, so every price down to Osprey's opening is fair, and the
    # convention says so instead (the facts below still hold, and stay checked)
    assert "Any lower price above your cost and Osprey's opening is fairer." in six
    near = 0
    for learner in LEARNERS:
        sale = variant(MODULE, learner)
        if "fair-share" not in sale.situations:
            continue
        after = reference.posterior_after_opening(sale)
        fair = reference.model_limits(sale, after)["fair-share"][1]
        opening, cost = sale.opening_offer, sale.cost
        if not 0 < fair - opening <= 500:
            continue
        near += 1
        model_price = scenario.best_move(after, cost)[0]
        # review 106 C1: the course's fair price leaves a quarter (a third, where one fitted,
        # until then)
        share = 1 / 4
        assert fair == scenario.fair_price(after, cost, opening, share), learner
        nearest = min(r for r, chance in after.items() if chance > 0 and r >= fair)
        left = (nearest - opening) / (nearest - cost)
        assert share <= left <= share + 0.05, (learner, left, share)
        assert (model_price - fair) / (model_price - opening) >= 0.85, learner
        # session 111 C1: the share at the model's price, the mark's rule
        assert cost < fair < model_price
        assert scenario.leaves_share_at_model(fair, model_price, cost, scenario.FAIR_FLOOR)
    assert near >= 20, near


def test_the_reported_quote_sentence_parses():
    """U1: "while the press reports Osprey holds a rival quote, its price unknown, is news
    that reveals" read first as "the press reports that ...", and then lacked a verb. It is
    now "a press report that Osprey holds a rival quote (its price unknown)", which is what
    the `rival-quote` news is."""
    news = cell_words("news-teaching")
    assert "the press reports Osprey holds" not in news
    assert (
        "while a press report that Osprey holds a rival quote (its price unknown) is news that "
        "reveals" in news
    )
    (item,) = [n for n in scenario._NEWS if n.key == "rival-quote"]
    text = " ".join(str(part) for part in vars(item).values())
    assert "trade press reports" in text and "price was not published" in text


def test_the_summary_calls_a_true_deadline_said_as_a_demand_a_warning():
    """U2: the summary said "a true warning is legitimate, but said as a demand it invites a
    test", as if a warning were not already a demand. It now says what Question 9 says: a
    true deadline said as a demand is a warning, legitimate, though it invites a test."""
    summary = cell_words("summary")
    assert "a true warning is legitimate, but said as a demand" not in summary
    assert (
        "a true deadline that binds both sides, said as information; said as a demand, that "
        "deadline is a warning: legitimate, but it invites a test (Question 9)." in summary
    )
    assert "Said as a demand" in cell_words("q9-text")
    assert "a true deadline is a *warning*" in cell_words("q9-text")


def test_section_1_says_what_section_4_measures_and_section_4_splits_it_so():
    """U3: "each side keeps its reservation price to itself, at a cost section 4 measures"
    named neither whose cost nor what is measured. It now says: what that costs a seller,
    deals lost to a price set too high and money left on the table. Section 4 splits the
    worked example's EVPI after the offer into exactly those two parts."""
    why = cell_words("why-teaching")
    assert "at a cost section 4 measures" not in why
    assert (
        "section 4 measures what that costs a seller: deals that would help both sides, lost "
        "to a price set too high, and money left on the table." in why
    )
    four = cell_words("voi-teaching")
    assert "loses the buyers at 60 (about 3.85 on average)" in four
    assert "still leaves about 4.62 on the table" in four
    cost = 40
    after = model.update_beliefs({60: 0.5, 70: 0.3, 80: 0.2}, {60: 0.1, 70: 0.3, 80: 0.6})
    price = max(after, key=lambda p: (p - cost) * sum(c for r, c in after.items() if r >= p))
    earned = (price - cost) * sum(c for r, c in after.items() if r >= price)
    evpi = sum(c * max(r - cost, 0) for r, c in after.items()) - earned
    lost = sum(c * (r - cost) for r, c in after.items() if cost < r < price)
    table = sum(c * (r - price) for r, c in after.items() if r >= price)
    assert price == 70 and round(lost, 2) == 3.85 and round(table, 2) == 4.62
    assert abs(lost + table - evpi) < 1e-9 and round(evpi, 2) == 8.46
