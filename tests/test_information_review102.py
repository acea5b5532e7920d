"""Module 01, review 102 (fixed in round 102): section 3's claim about asking the expected
reservation price (E1), Question 6's fair-price floor (C1), the word "bluff" against the
cited textbook (C2) and puffery (C3), Question 6's target row (U3). Each test fails on the
text or code before this round."""

from course.models.information import expected_reservation
from course.variants import variant
from tests.test_checks_information import cell_words, reference

MODULE = "01_information"
CENT = 0.005


def _box():
    six = cell_words("q6-text")
    return six[six.index("How your prices are checked") :]


def test_e1_the_expected_price_wastes_money_only_between_two_possible_prices():
    """E1: "Asking the *expected* reservation price wastes money: the next possible price up
    sells as often and earns more" is false when the mean is itself a possible price, as it
    is for the priors (0.4, 0.3, 0.2, 0.1) and (0.1, 0.2, 0.3, 0.4) on evenly spaced prices
    (rv102-alice's mean is her €59,000). The draw keeps such a mean off the model's price,
    and 45 of 1,000 learners (15 of the first 300 here) meet the case before the opening;
    the claim is now limited to a mean between two possible prices, and the other case is
    named."""
    alice = variant(MODULE, "rv102-alice").prior_beliefs()
    assert expected_reservation(alice) == 59_000 and 59_000 in alice
    on_a_price = between = 0
    for n in range(300):
        sale = variant(MODULE, f"id-{n}")
        prior = sale.prior_beliefs()
        mean = expected_reservation(prior)
        if any(abs(mean - r) < CENT for r in prior):
            on_a_price += 1
        else:
            between += 1
    assert (on_a_price, between) == (15, 285)
    three = cell_words("price-teaching")
    assert "reservation price wastes money: the next possible" not in three
    assert (
        "Asking the *expected* reservation price wastes money when it lies between two "
        "possible prices: the next possible price up sells as often and earns more. When it "
        "is itself a possible price, it is one candidate among the others, picked without "
        "weighing what each earns." in three
    )


def test_c1_the_mark_s_fifth_is_not_called_the_refusal_line_and_the_floor_is_a_fifth():
    """C1: convention 3 called the mark's floor, a fifth, "the share under which
    small-stakes ultimatum offers are refused about half the time", so a learner leaving a
    fifth earned the mark beside a text placing it at the coin toss. Round 102 keeps the
    fifth (a quarter would fail a price leaving 20-24% for every one of the 275 learners in
    400 with `fair-share`, a share the text calls a judgement call, while no reference
    answer changes verdict) and says the fifth sits just above the zone where refusals run
    about half. The check, the "thin" hint and the text agree: a price leaving exactly a
    fifth passes, one leaving 19% fails."""
    box = _box()
    assert "the share under which small-stakes ultimatum offers are refused" not in box
    # review 103 U4 (round 105): the fifth is the mark, said beside the quarter's advice, and
    # the refusal zone is below the quarter, not placed at the mark's floor
    assert "the mark accepts as little as a fifth" in box
    assert (
        # session 111: shortened to pay for convention 2's figures
        "A quarter keeps clear of the shares refused about half the time in section 3's "
        "ultimatum games." in box
    )
    assert "at least a fifth of the gain (the model's price minus your cost)" in box
    assert reference.FAIR_FLOOR == 0.2
    item = next(i for i in reference._SITUATIONS if i.key == "fair-share")
    tried = 0
    for n in range(200):
        sale = variant(MODULE, f"id-{n}")
        if "fair-share" not in sale.situations:
            continue
        after = reference.posterior_after_opening(sale)
        model = reference.best_move(after, sale.cost)[0]
        alive = sorted(r for r, c in after.items() if c > 0)
        floor = max(sale.cost, sale.opening_offer)
        for r in (r for r in alive if sale.cost < r <= model):
            below = [q for q in alive if q < r]
            for share, passes in ((0.19, False), (0.2, True), (0.25, True)):
                price = r - share * (r - sale.cost)
                if max([floor, *below]) + 1 < price < model - 1:
                    # review 108 X1 (round 109): measured at the model's price, so below it a
                    # price passes when a buyer at the model's price keeps a fifth
                    cap = model - reference.FAIR_FLOOR * (model - sale.cost) + 0.005
                    expected = passes if r == model else price <= cap
                    assert passes <= expected
                    assert reference.situation_fits(item, price, sale, after) == expected
                    tried += 1
        fair = reference.model_limits(sale, after)["fair-share"][1]
        # session 111 C1: the reference answer leaves the quarter at the model's price
        assert reference.leaves_share_at_model(fair, model, sale.cost, 0.25), sale.learner
    assert tried > 100, tried


def test_c2_the_word_bluff_is_set_against_lewicki_s_use_of_it():
    """C2: section 6 cites Lewicki, Saunders and Barry, whose "bluffing" means threats or
    promises you would not carry out, while this course's "bluff" is first an untrue claim
    about your own limit; a learner reading the textbook met the word for another category.
    One sentence now says how the two uses differ and that the course's word covers both."""
    guard = cell_words("guard-teaching")
    # review 103 U5 (round 105): the sentence shortened; it still sets the two uses apart
    # review 114 E1, C1: the course's word no longer covers an ambitious opening
    assert 'Their "bluffing" is a threat or promise you would not carry out; an ambitious' in (
        guard
    )
    assert "an inflated opening alike" not in guard
    assert guard.index("Lewicki, Saunders and Barry") < guard.index('Their "bluffing"')


def test_c3_puffery_is_said_to_be_accepted_sales_talk_in_law_and_many_texts():
    """C3: "It is untrue, so never legitimate" claimed more certainty than the law (puffery
    is not actionable) and the texts (an inflated opening is rated acceptable). The text now
    says so, and why this course still marks it: it goes by whether a claim is true. The
    label set is unchanged: "bluff" and "misrepresentation" pass, "legitimate" fails."""
    guard = cell_words("guard-teaching")
    assert "The law and many texts accept puffery as sales talk" in guard
    assert "this course goes by whether it is true, and it is not" in guard
    assert "It is untrue, so never" not in guard


def test_u3_the_target_row_names_the_three_quarter_point_the_check_reads():
    """U3: "or, where `sure` is above that, from `sure` to three quarters of the way from it"
    let "that" mean the halfway point, so a learner with `sure` between halfway and three
    quarters aimed up to three quarters of the way from `sure`, above the mark's top. The row
    now names the three-quarter point, and over the sweep, for every learner with `sure` in
    that stretch, the check reads it so: the three-quarter point passes, the other reading's
    top fails."""
    box = _box()
    assert "where `sure` is above that, from" not in box
    assert (
        "or, where `sure` is above the three-quarter point, from `sure` to three quarters of "
        "the way from it to your estimate" in box
    )
    stretch = misled = 0
    for n in range(400):
        sale = variant(MODULE, f"id-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = expected_reservation(after)
        sure = min(r for r, c in after.items() if c > 0)
        half = sale.cost + 0.5 * (estimate - sale.cost)
        top = sale.cost + 0.75 * (estimate - sale.cost)
        if not half < sure < top:
            continue
        stretch += 1
        other = sure + 0.75 * (estimate - sure)  # reading "that" as the halfway point
        opening = max(estimate, reference.best_move(after, sale.cost)[0])
        assert reference.plan_passes((opening, top), sale, after), sale.learner
        if other > reference.target_ceiling(sale, after) + CENT and other < opening:
            assert not reference.plan_passes((opening, other), sale, after), sale.learner
            misled += 1
    assert stretch > 20 and misled > 10, (stretch, misled)


def test_x4_the_explorer_s_first_pair_moves_one_end_and_the_numbers_decide():
    """X4: "A" and "B" shared the cost and the middle, so the wider range always won and,
    after one pair, the learner had a rule, not a decision. They now share the cost and the
    highest price and differ only in the lowest: the width and the middle move together, and
    over 400 learners the wider range wins for 204 and the narrower for 196 (the model's
    ``compare_worth`` decides, by at least ``EXPLORER_MARGIN``), and the explorer says why.
    The rest of each case is drawn as before (checked against the old code on 300 learners
    when this was written; C and D are pinned here for rv102-alice)."""
    from course.models.information import compare_worth
    from course.scenarios.information import EXPLORER_MARGIN
    from course.widgets.information import InformationExplorer

    wider = narrower = 0
    for n in range(400):
        cases = variant(MODULE, f"id-{n}").explorer_cases
        verdict = compare_worth(cases["A"], cases["B"])
        assert verdict["differ"] == "end", n
        assert abs(verdict["worth"][0] - verdict["worth"][1]) >= EXPLORER_MARGIN, n
        (_, low_a, _), (_, low_b, _) = cases["A"], cases["B"]
        wide = 0 if low_a < low_b else 1
        wider += verdict["winner"] == wide
        narrower += verdict["winner"] == 1 - wide
    assert (wider, narrower) == (204, 196)
    alice = variant(MODULE, "rv102-alice").explorer_cases
    # review 103 X4: C and D differ in cost and range (they were (20, 50, 80), (60, 50, 80))
    assert alice == {"A": (40, 80, 120), "B": (40, 90, 120), "C": (30, 35, 85), "D": (50, 80, 140)}
    verdict = compare_worth(alice["A"], alice["B"])
    # A (40, 80, 120): the model's price 80 sells to all, 40, against 60 knowing: worth 20;
    # B (40, 90, 120): 90 sells to all, 50, against 65: worth 15. The wider range wins here.
    assert verdict["worth"] == (20.0, 15.0) and verdict["winner"] == 0
    explorer = InformationExplorer(alice)
    explorer.picks[("A", "B")].value = "A"
    explorer.judge()
    line = explorer.feedback.value.split("<br>")[0]
    assert line.startswith("<b>Right.</b>") and "here knowing is worth more under A." in line
    words = cell_words("voi-explorer-text")
    assert "share the cost and the middle of the range" not in words
    assert '`"A"` and `"B"` share the cost and the highest price, so only the lowest moves' in (
        words
    )


def test_u5_the_updater_s_band_is_said_to_be_its_own():
    """U5: the updater's buyer opens at 50-90% of its reservation price, while learners'
    own bands differ (277 of 300 learners have another band); the text said nothing of it. It
    now says the band is the updater's own."""
    other = sum(
        (s.opening_low, s.opening_high) != (0.5, 0.9)
        for s in (variant(MODULE, f"id-{n}") for n in range(300))
    )
    assert other == 277
    pace = cell_words("pace-teaching")
    assert (
        "Its buyer opens at 50–90% of its reservation price, a band of the updater's own: yours "
        # review 108 U6 (round 109): "is mostly another" said plainly
        "(`sale.opening_low` to `sale.opening_high`) usually differs" in pace
    )


def test_u2_one_name_for_the_model_s_price_and_a_glossary_of_prices(monkeypatch):
    """U2: Question 3's text and check called the model's price "the price that earns most
    against your beliefs", a second name for one price, and by Question 6 the learner met
    about ten named prices with no list of them. The messages and text now say "the model's
    price", glossed at first use, and section 3 holds a folded glossary: each price, what it
    is, and where it is used."""
    from tests.test_checks_information import RIGHT, as_learner, check, parts, reading

    assert check.BEST_PRICE.startswith("the model's price (")
    three = cell_words("q3-text")
    assert "whether the price that earns most against them (section 3) moves" not in three
    as_learner(monkeypatch, "rv90a")
    shown = parts(check.news_likelihood(reading(RIGHT)))["your own news: the form"][1]
    assert "the model's price (the final price that earns most" in shown
    price = cell_words("price-teaching")
    assert "<summary><b>The module's prices</b> (a glossary)</summary>" in price
    for row in (
        "| estimate |",
        "| `sure` |",
        "| the model's price |",
        "| cap |",
        "| opening, target |",
        "| safer price |",
        "| fair price |",
        "| re-priced price |",
    ):
        assert row in price, row
    assert "section 3's glossary lists them all" in cell_words("q6-text")


def test_u4_question_9_s_kinds_are_a_table_not_a_widened_parenthesis():
    """U4: Question 9 widened module 00's bluff inside a parenthesis in the middle of a list.
    The four kinds are now a table, label and test, the widening in the bluff's row; the
    line cases stay listed below it."""
    nine = cell_words("q9-text")
    assert "here widened, as section 6's Rule 4.1 comment is" not in nine
    assert "| label | the test |" in nine
    for label in ("legitimate", "bluff", "misrepresentation", "illegitimate"):
        assert f'| `"{label}"` |' in nine, label
    assert nine.index("| label | the test |") < nine.index("Two labels are right")
