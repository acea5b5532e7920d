"""course.widgets.batna in plain Python: set .value, .click(), read what the view shows."""

from html import escape

import pytest

from course.scenarios.batna import MODELS, NEWS, REVISIONS, SITUATIONS
from course.widgets.batna import BatnaBuilder, ModelQuiz, NewsQuiz, ZopaExplorer
from tests.sweeps import cell_text


def outcome(builder, card, row):
    return builder.cards.children[card].outcomes.children[row]


def test_the_builder_opens_on_the_worked_example():
    builder = BatnaBuilder()
    assert "BATNA:</b> Startup, worth 95,000 on average" in builder.result.value
    assert "right if you are risk-neutral about it" in builder.result.value
    assert "Reservation price:</b> 95,000 (95,000 plus 0 extra cost" in builder.result.value
    assert "<svg" in builder.chart.value and "Sure offer" in builder.chart.value


def test_a_sure_amount_below_the_average_is_risk_aversion_and_can_change_the_batna():
    """The notebook's example: someone who would swap the gamble for a sure 88,000."""
    builder = BatnaBuilder()
    builder.cards.children[1].sure.value = "88,000"
    shown = builder.result.value
    assert "risk-averse: you would give up 7,000 for certainty" in shown
    assert "BATNA:</b> Sure offer, a sure 90,000, worth that whatever" in shown
    assert "Sure offer, worth 90,000 on average" not in shown
    assert "With expected values alone, your BATNA would be Startup" in shown
    assert "reservation price 95,000" in shown


def test_a_sure_amount_that_keeps_the_batna_says_so():
    builder = BatnaBuilder()
    builder.deal_cost.value = "3,000"
    builder.cards.children[1].sure.value = "92000"
    shown = builder.result.value
    assert "BATNA:</b> Startup, worth 92,000 to you (the sure amount you gave)" in shown
    assert "Reservation price:</b> 95,000 (92,000 plus 3,000" in shown
    # review 88 U3: the BATNA stays, so the builder says so and how far the price moves
    assert "Your BATNA stays Startup; your sure amount moves your reservation price from" in shown
    assert "With expected values alone, your BATNA would be" not in shown


@pytest.mark.parametrize(
    ("sure", "words"),
    [
        ("95000", "risk-neutral: the gamble is worth its average to you"),
        ("101000", "risk-seeking: the gamble is worth 6,000 more to you than its average"),
    ],
)
def test_every_risk_attitude_is_named(sure, words):
    builder = BatnaBuilder()
    builder.cards.children[1].sure.value = sure
    assert words in builder.result.value


@pytest.mark.parametrize(
    ("sure", "words"),
    [
        ("60000", "less than the worst outcome, 70,000"),
        ("130000", "more than the best outcome, 120,000"),
        ("lots", "the sure amount must be a number such as 88000, not “lots”"),
    ],
)
def test_an_impossible_sure_amount_is_explained(sure, words):
    builder = BatnaBuilder()
    builder.cards.children[1].sure.value = sure
    assert "Startup:" in builder.status.value and words in builder.status.value
    assert "fix the alternatives first" in builder.result.value


def test_a_flattened_two_level_tree_gives_the_same_value_as_the_tree():
    """The notebook's advice: Freelance's two levels become one by multiplying chances."""
    builder = BatnaBuilder({"Freelance": [(0.32, 120_000), (0.48, 90_000), (0.2, 50_000)]})
    assert "Freelance, worth 91,600 on average" in builder.result.value


def test_raising_the_sure_offer_changes_the_batna():
    builder = BatnaBuilder()
    outcome(builder, 0, 0).amount.value = "100000"
    assert "BATNA:</b> Sure offer, a sure 100,000" in builder.result.value


def add_stay_put(builder, high):
    """Add the alternative "Stay put", a 50/50 gamble of 90,000 or ``high`` (as typed), the
    way a learner does: the add buttons, then the fields. Returns its card."""
    builder.add_button.click()
    card = builder.cards.children[-1]
    card.name.value = "Stay put"
    card.outcomes.children[0].probability.value = "0.5"
    card.outcomes.children[0].amount.value = "90000"
    card.add_outcome_button.click()
    card.outcomes.children[1].probability.value = "0.5"
    card.outcomes.children[1].amount.value = high
    return card


def test_adding_an_alternative_and_its_outcomes():
    builder = BatnaBuilder()
    add_stay_put(builder, "130 000")
    assert "BATNA:</b> Stay put, worth 110,000" in builder.result.value


def test_removing_an_outcome_and_an_alternative():
    builder = BatnaBuilder()
    outcome(builder, 1, 1).remove.click()  # the startup's bad branch is gone ...
    assert (
        "Startup: the probabilities of the outcomes must sum to 1, got 0.5" in builder.status.value
    )
    builder.cards.children[1].remove.click()  # ... and then the startup itself
    assert "BATNA:</b> Sure offer, a sure 90,000" in builder.result.value


def test_the_deal_cost_raises_the_reservation_price():
    builder = BatnaBuilder()
    builder.deal_cost.value = "5000"
    assert "Reservation price:</b> 100,000 (95,000 plus 5,000" in builder.result.value
    # the number is a salary: one of 100,000 is worth 95,000 to you once the cost is paid
    assert "accept no offer on these terms below 100,000" in builder.result.value
    assert "worth less to you" not in builder.result.value


def test_a_sure_alternative_is_worth_itself_not_a_risk_attitude():
    """Issue 17, item 8: a one-outcome alternative says nothing about attitude to risk."""
    builder = BatnaBuilder()
    builder.cards.children[0].sure.value = "90000"
    shown = builder.result.value
    assert "no risk: a sure amount is worth itself" in shown
    assert shown.count("risk-neutral: the gamble") == 0


@pytest.mark.parametrize(
    ("probability", "words"),
    [
        ("0.4", "must sum to 1, got 0.9"),
        ("-0.5", "between 0 and 1, got -0.5"),
        ("7", "between 0 and 1"),
    ],
)
def test_bad_probabilities_are_explained_and_name_the_alternative(probability, words):
    builder = BatnaBuilder()
    outcome(builder, 1, 0).probability.value = probability
    assert "Startup:" in builder.status.value and words in builder.status.value
    assert "fix the alternatives first" in builder.result.value


def test_a_tampered_non_finite_amount_is_explained():
    builder = BatnaBuilder()
    outcome(builder, 0, 0).amount.value = "inf"
    assert "must be a finite number" in builder.status.value


@pytest.mark.parametrize(
    ("box", "typed", "words"),
    [
        ("probability", "", "Startup: type the probability of outcome 1 first"),
        ("amount", "lots", "Startup: the value of outcome 1 must be a number such as 90000"),
    ],
)
def test_an_emptied_box_shows_no_batna_from_the_number_before(box, typed, words):
    """Issue 19: a browser's number box sends nothing when emptied, so the BATNA stayed
    computed on the number that was there; now it says what to type and shows none."""
    builder = BatnaBuilder()
    typed_in = getattr(outcome(builder, 1, 0), box)
    typed_in.value = typed
    assert words in builder.status.value
    assert "fix the alternatives first" in builder.result.value and builder.chart.value == ""
    typed_in.value = "0.5" if box == "probability" else "120000"
    assert "BATNA:</b> Startup, worth 95,000 on average" in builder.result.value


def test_an_emptied_deal_cost_shows_no_reservation_price():
    builder = BatnaBuilder()
    builder.deal_cost.value = ""
    assert "type the extra cost of the deal first" in builder.status.value
    assert "Reservation price" not in builder.result.value and builder.chart.value == ""


def test_duplicate_names_are_refused():
    builder = BatnaBuilder()
    builder.cards.children[1].name.value = "Sure offer"
    assert "same name" in builder.status.value


def test_no_alternatives_left():
    builder = BatnaBuilder()
    for card in list(builder.cards.children):
        card.remove.click()
    assert "alternatives is empty" in builder.status.value


def test_the_explorer_splits_the_surplus():
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    assert "Surplus 30: the seller gets 20 (67%), the buyer 10 (33%)" in explorer.verdict.value
    assert "The even split is 55." in explorer.verdict.value
    assert "even split, as near" not in explorer.verdict.value
    assert "ZOPA</text>" in explorer.picture.value and "deal 60" in explorer.picture.value


def test_moving_the_buyer_below_the_seller_removes_the_zone():
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    explorer.buyer.value = 30
    assert "No ZOPA" in explorer.verdict.value
    assert "no ZOPA" in explorer.picture.value


@pytest.mark.parametrize(
    ("price", "words"),
    [(30, "the seller would rather walk away"), (80, "the buyer would rather walk away")],
)
def test_a_deal_outside_the_zone_is_called_out(price, words):
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    explorer.price.value = price
    assert words in explorer.verdict.value


def test_the_even_split_task_is_recognised_and_moves_half_as_far_as_a_reservation():
    """The notebook's task: put the deal at the even split, raise your reservation by 1,000."""
    explorer = ZopaExplorer(90_000, 100_000, 95_000, low=60_000, high=140_000, step=250)
    assert "This deal is the even split" in explorer.verdict.value
    explorer.seller.value = 91_000
    assert "The even split is 95,500." in explorer.verdict.value
    assert "This deal is the even split" not in explorer.verdict.value
    explorer.price.value = 95_500
    assert "the seller gets 4,500 (50%), the buyer 4,500 (50%)" in explorer.verdict.value
    assert "This deal is the even split" in explorer.verdict.value


@pytest.mark.parametrize(("price", "side"), [(40, "seller"), (70, "buyer")])
def test_a_deal_at_an_end_of_the_zone_leaves_that_side_no_gain(price, side):
    explorer = ZopaExplorer(seller=40, buyer=70, price=price)
    assert f"the {side} gains nothing over walking away" in explorer.verdict.value


def test_no_zone_on_these_terms_points_to_other_terms():
    explorer = ZopaExplorer(seller=70, buyer=40, price=50)
    assert "On these terms no price works for both" in explorer.verdict.value
    assert "other terms" in explorer.verdict.value


def test_a_zone_of_one_price_has_no_surplus():
    explorer = ZopaExplorer(seller=50, buyer=50, price=50)
    assert "single price 50" in explorer.verdict.value


def test_a_tampered_out_of_range_value_is_rejected_with_a_message():
    """A visitor can raise a slider's max over the websocket, then push a value past ours."""
    explorer = ZopaExplorer(seller=40, buyer=70, price=60, high=150)
    explorer.price.max = 10**9
    explorer.price.value = 5 * 10**8
    assert explorer.price.value == 60
    assert (
        "the deal price must be between 0 and 150; 500000000.0 was rejected"
        in explorer.status.value
    )
    assert "Surplus 30" in explorer.verdict.value  # the picture still shows the last good deal
    explorer.price.value = 65  # and the next honest move clears the message
    assert explorer.status.value == ""
    assert "the seller gets 25" in explorer.verdict.value


def test_the_figure_draws_both_models():
    """The notebook's figure: the Nash line (slope 1/2) and the outside-option line (flat at
    half the pie until your BATNA beats it), for a pie of 100 against a BATNA of 40."""
    from course.plots import nash_share_vs_batna

    figure = nash_share_vs_batna(pie=100, their_batna=40)
    nash, outside, _your_batna = figure.axes[0].lines
    points = dict(
        zip(nash.get_xdata(), zip(nash.get_ydata(), outside.get_ydata(), strict=True), strict=True)
    )
    assert points[0.0] == (30.0, 50.0)
    assert points[24.0] == (42.0, 50.0)
    assert points[60.0] == (60.0, 60.0)
    assert "Nash" in nash.get_label() and "walk out" in outside.get_label()


def test_the_figure_leaves_no_pyplot_figure_open():
    """Each call left a pyplot figure open, so a process that drew many warned "More than 20
    figures have been opened". After several figures pyplot holds none of them."""
    import matplotlib.pyplot as plt

    from course.plots import nash_share_vs_batna

    before = set(plt.get_fignums())
    figures = [nash_share_vs_batna(pie=100, their_batna=b) for b in (0, 20, 40)]
    assert set(plt.get_fignums()) == before
    assert all(len(figure.axes[0].lines) == 3 for figure in figures)


def test_the_notebook_shows_the_figure_it_draws():
    """The figure is closed in pyplot, so the notebook must show it by ending its cell with it
    (an assignment would show nothing)."""
    cell = cell_text("02_batna", "batna", "nash-example")
    assert cell.strip().splitlines()[-1].startswith("nash_share_vs_batna(")


def test_the_model_quiz_says_at_once_whether_each_choice_fits():
    quiz = ModelQuiz()
    assert len(quiz.choices) == len(SITUATIONS) >= 3
    assert all(verdict.value == "" for verdict in quiz.verdicts)
    for index, (_, model, why) in enumerate(SITUATIONS):
        quiz.choices[index].value = model
        assert "Right" in quiz.verdicts[index].value and escape(why) in quiz.verdicts[index].value
    assert f"Right: {len(SITUATIONS)} of {len(SITUATIONS)} answered" in quiz.tally.value
    assert {model for _, model, _ in SITUATIONS} == set(MODELS)


def test_a_quiz_takes_one_choice_a_situation_so_a_second_click_earns_nothing():
    """Two options a situation: if a wrong choice could be changed, two clicks would get
    every item right. The first choice closes the situation, tells the fit and why, and a
    later change is put back; the tally counts those first choices and says they are final."""
    for quiz, items, options in (
        (ModelQuiz(), SITUATIONS, MODELS),
        (NewsQuiz(), NEWS, REVISIONS),
    ):
        for index, (_, answer, why) in enumerate(items):
            wrong = next(o for o in options if o != answer)
            quiz.choices[index].value = wrong
            shown = quiz.verdicts[index].value
            assert "Not this one" in shown and escape(why) in shown and answer in shown
            assert quiz.choices[index].disabled
            quiz.choices[index].value = answer  # a second click, by hand or over the wire
            assert quiz.choices[index].value == wrong and quiz.verdicts[index].value == shown
        tally = quiz.tally.value
        assert f"Right: 0 of {len(items)} answered" in tally
        assert "it is final" in tally and "first choice" not in tally


def test_the_model_quiz_shows_nothing_for_no_choice_or_a_tampered_one():
    quiz = ModelQuiz()
    quiz.choices[0].value = "choose a model"
    assert quiz.verdicts[0].value == ""
    quiz.choices[1].options = (*quiz.choices[1].options, "tampered")
    quiz.choices[1].value = "tampered"
    assert quiz.verdicts[1].value == ""
    assert not quiz.choices[1].disabled


def test_the_news_quiz_revises_on_facts_and_holds_against_pressure():
    """News about an alternative or about what the deal costs moves the reservation price;
    the other side's number and pressure do not. Each verdict says so at once."""
    quiz = NewsQuiz()
    assert len(quiz.choices) == len(NEWS) >= 4
    assert {answer for _, answer, _ in NEWS} == set(REVISIONS)
    for index, (text, answer, why) in enumerate(NEWS):
        theirs = "agency" in text or "pay band" in text  # Northwind's alternative or words
        assert answer == ("hold it" if theirs else "revise it"), text
        quiz.choices[index].value = answer
        assert "Right" in quiz.verdicts[index].value
        assert escape(why) in quiz.verdicts[index].value
    assert f"Right: {len(NEWS)} of {len(NEWS)}" in quiz.tally.value


def test_the_news_quiz_is_true_for_every_learner():
    """'Harbor Bank withdraws its offer' was keyed 'revise it' for everyone, though Harbor Bank
    is the BATNA of about a third of learners, and Lumen's round 'closed' during the talks
    though section 3 has it close after you choose. The news now names the learner's own BATNA,
    and Lumen's round closes early, before you must answer; the quiz asks whether to work the
    figure out again."""
    texts = " ".join(text for text, _, _ in NEWS)
    assert "Harbor Bank withdraws" not in texts
    assert "earlier than expected, before you must answer" in texts
    lumen = next(why for text, _, why in NEWS if text.startswith("Lumen"))
    assert "comes out where it was" in lumen


def test_the_news_quiz_asks_for_judgement_where_fact_and_pressure_look_alike():
    """Four of the five news items repeated section 3's own examples (a withdrawn offer,
    Lumen's round, remote days, the other side's number and pressure). Three are now items
    where fact and pressure are harder to tell apart: a true fact about Northwind's
    alternative (hold: it moves their reservation price, not yours), a fact about the
    commute from outside the talks (revise), and HR's word on the pay band (hold). Section
    3's examples of pressure and of a withdrawn offer are no longer items."""
    texts = " ".join(text for text, _, _ in NEWS).lower()
    for repeated in ("withdrawn", "would take less", "final figure", "falls away"):
        assert repeated not in texts
    keyed = {text.split(":")[0].split(",")[0]: answer for text, answer, _ in NEWS}
    assert keyed["The agency's new rate card is out"] == "hold it"
    assert (
        keyed[
            "A colleague who makes the same trip tells you that a new express train starts next month"
        ]
        == "revise it"
    )
    agency = next(why for text, _, why in NEWS if "agency" in text)
    assert "about Northwind's alternative, not yours" in agency


def test_the_news_quiz_calls_its_rows_news_items_and_the_model_quiz_situations():
    """The news quiz's rows were labelled 'situation 1' to '5' although each is a piece of
    news; the model quiz keeps 'situation'."""
    news, models = NewsQuiz(), ModelQuiz()
    assert [c.description for c in news.choices] == [
        f"news item {n}" for n in range(1, len(NEWS) + 1)
    ]
    assert models.choices[0].description == "situation 1"
    news.choices[0].value = NEWS[0][1]
    assert "One choice a news item, and it is final" in news.tally.value
    models.choices[0].value = SITUATIONS[0][1]
    assert "One choice a situation, and it is final" in models.tally.value


def test_the_figures_legend_hides_no_line():
    """The legend sat in the upper left, over the outside-option line's flat start at 50, the
    point of the figure. No point of any line may fall inside the drawn legend box."""
    import matplotlib.pyplot as plt

    from course.plots import nash_share_vs_batna

    figure = nash_share_vs_batna(pie=100, their_batna=40)
    figure.canvas.draw()
    axes = figure.axes[0]
    box = axes.get_legend().get_window_extent()
    for line in axes.lines:
        shown = axes.transData.transform(line.get_xydata())
        assert not any(box.contains(x, y) for x, y in shown), line.get_label()
    plt.close(figure)


def test_sure_amounts_averse_to_one_gamble_and_seeking_another_are_noted_not_refused():
    """Step 3 asks for sure amounts from one attitude to risk; a risk-averse amount for one
    gamble and a risk-seeking one for another is noted. One attitude (a utility concave in
    one range and convex in another) can give both, so the note does not call it two
    attitudes or a mistake, and section 1 says the same. Two risk-averse amounts, or one
    gamble and a sure offer, draw none."""
    builder = BatnaBuilder()
    card = add_stay_put(builder, "130000")
    builder.cards.children[1].sure.value = "88,000"  # the startup, risk-averse
    card.sure.value = "100,000"  # risk-averse too
    assert "seeking another" not in builder.result.value
    card.sure.value = "120,000"  # risk-seeking
    shown = builder.result.value
    assert "Averse to one risk, seeking another:</b> your sure amounts make you" in shown
    assert "risk-seeking about Stay put" in shown
    assert "One attitude to risk can do that" in shown
    assert "if you meant it, keep them" in shown
    assert "Two attitudes" not in shown and "check these sure amounts again" not in shown
    text = " ".join(cell_text("02_batna", "batna", "ev-risk").split())
    assert "the same person is averse to the risk in each of them" not in text
    assert "make you avoid some risks and seek others" in text  # review 82 U5, 83 U2, 86 U3, 94 U2
    assert "Friedman and Savage 1948)" in text


def test_a_sure_amount_for_one_gamble_but_not_another_is_called_out():
    """A sure amount for one gamble with another left at its expected value prices them with two
    attitudes to risk, and the builder said only what it computed. A sure amount for every
    gamble, or for none, draws no note; a sure offer needs none."""
    builder = BatnaBuilder()
    card = add_stay_put(builder, "130000")
    assert "Two ways of pricing risk" not in builder.result.value
    builder.cards.children[1].sure.value = "88,000"  # the startup only
    shown = builder.result.value
    assert "Two ways of pricing risk:</b> you gave a sure amount for Startup but not for" in shown
    assert "Stay put, which the builder values at its expected value" in shown
    assert "Sure offer" not in shown.split("Two ways of pricing risk")[1].split("</p>")[0]
    card.sure.value = "100,000"
    assert "Two ways of pricing risk" not in builder.result.value


def test_the_model_quiz_does_not_repeat_the_definitions_words():
    """Every outside-option item said "whenever it turns down" and the Nash items "any week",
    the definitions' own phrases, so matching words found the model; the situations now describe
    the case in their own words."""
    for text, _, _ in SITUATIONS:
        assert "whenever" not in text and "any week" not in text and "turns down" not in text
