"""Views for module 01: a belief updater and a value-of-information explorer."""

import ipywidgets as w

from course.models.information import (
    OfferNotExplained,
    beliefs_from_weights,
    buyer_offers,
    compare_worth,
    expected_reservation,
    information_summary,
    listed,
    posterior_after_offers,
)
from course.pictures import amount, value_bars
from course.pictures_information import belief_bars, profit_curve
from course.widgets.controls import FloatSlider, IntSlider
from course.widgets.guards import RangeGuard, message, read_number

#: The buyer's possible reservation prices in the belief updater, and the starting weights.
EXAMPLE_PRIOR = {40.0: 1, 50.0: 2, 60.0: 3, 70.0: 2, 80.0: 1}

#: A scripted buyer whose reservation price is 70: opens at 60% of it, then moves 40% of the
#: remaining gap each round (to the cent: 42, 53.20, 59.92, 63.95, 66.37). Its first three
#: offers are exact, so Question 4's formula reads 70 back from them.
EXAMPLE_OFFERS = tuple(round(offer, 2) for offer in buyer_offers(70, 0.6, 0.4, 5))

#: Highest weight a prior slider takes.
MAX_WEIGHT = 10

WIDE = {"description_width": "initial"}

#: Largest offer the updater accepts from the text box.
MAX_OFFER = 1_000_000.0


class BeliefUpdater(w.VBox):
    """Set a prior over the buyer's reservation price, let offers arrive, and watch the
    posterior and the expected reservation price move after each one."""

    def __init__(
        self,
        prior_weights=None,
        offers=EXAMPLE_OFFERS,
        opening=(0.5, 0.9),
        concession=(0.2, 0.6),
    ):
        self.opening, self.concession = opening, concession
        self.script = [float(offer) for offer in offers]  # plain Python, never synced
        self.played = 0  # how many of the script's offers the buyer has made
        self.typed = 0  # how many offers the learner has typed
        self.offers = []
        self.guard = RangeGuard()
        self.weights = {}
        for value, weight in (prior_weights or EXAMPLE_PRIOR).items():
            slider = IntSlider(
                value=weight, min=0, max=MAX_WEIGHT, description=f"weight of {amount(value)}"
            )
            self.guard.add(slider, 0, MAX_WEIGHT, f"the weight of {amount(value)}")
            slider.observe(self.refresh, names="value")
            self.weights[value] = slider
        self.next_button = w.Button(description="next scripted offer", icon="forward")
        self.next_button.on_click(self.next_offer)
        self.offer_box = w.Text(
            value="", description="an offer of your own", placeholder="e.g. 58", style=WIDE
        )
        self.offer_button = w.Button(description="add this offer", icon="plus")
        self.offer_button.on_click(self.add_typed_offer)
        self.reset_button = w.Button(description="start over", icon="undo")
        self.reset_button.on_click(self.start_over)
        self.history = w.HTML()
        self.result = w.HTML()
        self.chart = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                w.HTML("<b>Your prior</b> (relative weights; they are rescaled to add up to 1)"),
                *self.weights.values(),
                w.HBox([self.next_button, self.reset_button]),
                w.HBox([self.offer_box, self.offer_button]),
                self.history,
                self.result,
                self.chart,
                self.status,
            ]
        )
        self.refresh()

    def _prior(self):
        return beliefs_from_weights({value: s.value for value, s in self.weights.items()})

    def _beliefs(self, offers):
        """(prior, list of posteriors) for ``offers``; raises ValueError on bad input."""
        prior = self._prior()
        return prior, posterior_after_offers(prior, offers, self.opening, self.concession)

    def next_offer(self, _=None):
        """The scripted buyer makes its next offer, unless offers were typed: the script was
        written for its own offers, and after someone else's it would be a different buyer."""
        if self.typed:
            self.status.value = message(
                "The scripted buyer cannot go on after offers of your own: its next offer was "
                "planned after its own last one. Type more offers, or start over to replay it.",
                ok=False,
            )
            return
        if self.played >= len(self.script):
            self.status.value = message(
                "The scripted buyer has no more offers: type one, or start over.", ok=False
            )
            return
        offer = self.script[self.played]
        if self._add(offer, f"The scripted buyer's next offer, {amount(offer)},"):
            self.played += 1

    def add_typed_offer(self, _=None):
        """Add the offer in the text box, after checking it is a sensible amount."""
        try:
            offer = read_number(self.offer_box.value, "the offer", "58")
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        if not 0 < offer <= MAX_OFFER:
            self.status.value = message(
                f"an offer must be above 0 and at most {amount(MAX_OFFER)}; {offer:g} was rejected.",
                ok=False,
            )
            return
        if self._add(offer, amount(offer)):
            self.typed += 1
            self.next_button.disabled = True
            self.refresh()

    def _add(self, offer, named):
        """Add ``offer`` (called ``named`` in messages) if the model can read it after the
        offers so far; otherwise say why not. Returns whether it was added."""
        try:
            self._beliefs([*self.offers, offer])
        except (TypeError, ValueError) as error:
            self.status.value = message(f"{named} was not added: {error}", ok=False)
            return False
        self.offers.append(offer)
        self.refresh()
        return True

    def start_over(self, _=None):
        """Forget every offer, the script's included; back to the prior."""
        self.offers = []
        self.played = self.typed = 0
        self.next_button.disabled = False
        self.refresh()

    def refresh(self, change=None):
        """Redraw from the prior sliders and the offers so far; mistakes are shown, never raised."""
        if self.guard.refused(self.status):
            return
        try:
            prior, posteriors = self._beliefs(self.offers)
        except OfferNotExplained as error:
            self.result.value = (
                "<b>Expected reservation price:</b> none: the prior and the offers disagree."
            )
            self.chart.value = ""
            # review 96 X1: name the prices whose weight would explain the offers, if any
            cure = (
                f"Give weight to {listed(error.unweighted, 'or')}, which would explain the offers, "
                "or start over."
                if error.unweighted
                else "No weights would explain these offers: start over."
            )
            self.status.value = message(
                f"With these weights, no reservation price you give weight to explains offer "
                f"{error.round} ({amount(error.offer)}): {error.why}. {cure}",
                ok=False,
            )
            return
        except (TypeError, ValueError) as error:
            self.result.value = "<b>Expected reservation price:</b> fix the prior first."
            self.chart.value = ""
            self.status.value = message(str(error), ok=False)
            return
        beliefs = posteriors[-1] if posteriors else prior
        start, now = expected_reservation(prior), expected_reservation(beliefs)
        offers = ", ".join(amount(offer) for offer in self.offers) or "none yet"
        self.history.value = f"<b>Offers so far:</b> {offers}"
        self.result.value = (
            f"<b>Expected reservation price:</b> {amount(round(now, 2))} "
            f"(before any offer: {amount(round(start, 2))})"
        )
        self.chart.value = belief_bars(beliefs, expected=now, before=prior if posteriors else None)
        count = len(self.offers)
        self.status.value = message(
            "No offers yet: these are your prior beliefs."
            if not count
            else f"Beliefs updated after {count} offer{'s' if count > 1 else ''}."
            + (" Scripted offers are off until you start over." if self.typed else "")
        )


#: The explorer's two decisions: in each pair, under which setting is knowing worth more?
PAIRS = (("A", "B"), ("C", "D"))


class InformationExplorer(w.VBox):
    """Your cost and the range of the buyer's reservation price (uniform): the best blind
    price, its expected profit, the profit of knowing the reservation price, and what that
    knowledge is worth. Given the learner's ``cases`` (label -> (cost, lowest, highest), the
    scenario's ``explorer_cases``), it also asks, for A/B and C/D, under which setting knowing
    is worth more, and says whether each pick is right and why (review s57 W2)."""

    def __init__(
        self, cases=None, cost=40.0, low=50.0, high=100.0, bottom=0.0, top=200.0, step=1.0
    ):
        self.bottom, self.top = bottom, top
        slider = {"min": bottom, "max": top, "step": step, "continuous_update": True}
        self.cost = FloatSlider(value=cost, description="your cost", **slider)
        self.low = FloatSlider(value=low, description="reservation price: lowest", **slider)
        self.high = FloatSlider(value=high, description="reservation price: highest", **slider)
        self.guard = RangeGuard()
        for widget, name in (
            (self.cost, "the cost"),
            (self.low, "the lowest reservation price"),
            (self.high, "the highest reservation price"),
        ):
            self.guard.add(widget, bottom, top, name)
            widget.observe(self.refresh, names="value")
        self.numbers = w.HTML()
        self.picture = w.HTML()
        self.bars = w.HTML()
        self.status = w.HTML()
        children = [self.cost, self.low, self.high, self.numbers, self.picture, self.bars]
        self.cases = {}  # plain Python, never synced
        if cases:
            self.cases = {
                label: tuple(float(x) for x in cases[label]) for pair in PAIRS for label in pair
            }
            listed = "; ".join(
                f"<b>{label}</b>: cost {amount(c)}, from {amount(lo)} to {amount(hi)}"
                for label, (c, lo, hi) in self.cases.items()
            )
            self.picks = {
                pair: w.ToggleButtons(
                    options=pair, value=None, description=f"{pair[0]} or {pair[1]}:", style=WIDE
                )
                for pair in PAIRS
            }
            self.check_button = w.Button(description="check my picks", icon="check")
            self.check_button.on_click(self.judge)
            self.show = w.ToggleButtons(
                options=("A", "B", "C", "D"), value=None, description="show setting:", style=WIDE
            )
            self.show.observe(self.load, names="value")
            self.feedback = w.HTML()
            children += [
                w.HTML(
                    f"<b>Your settings</b> ({listed}). Under which setting of each pair is "
                    "knowing the reservation price worth more? Pick before you look."
                ),
                *self.picks.values(),
                self.check_button,
                self.feedback,
                self.show,
            ]
        super().__init__([*children, self.status])
        self.refresh()

    def judge(self, button=None):
        """Say, for each pair, whether the learner's pick is the setting under which knowing
        is worth more, and why: what sets the two apart, and both worths."""
        lines = []
        for pair in PAIRS:
            pick = self.picks[pair].value
            if pick not in pair:  # untrusted: any visitor can set a synced value
                lines.append(f"{pair[0]} or {pair[1]}: pick one first.")
                continue
            first, second = (self.cases[label] for label in pair)
            verdict = compare_worth(first, second)
            worths = ", ".join(
                f"{label} {amount(round(worth, 2))}"
                for label, worth in zip(pair, verdict["worth"], strict=True)
            )
            winner = pair[verdict["winner"]] if verdict["winner"] is not None else None
            other = pair[1 - verdict["winner"]] if winner else None
            if winner is None:
                why = "the two are worth the same."
            elif verdict["differ"] == "range":
                why = (
                    f"{winner} and {other} share the cost and the middle of the range, and "
                    f"{winner}'s range is wider: the model's one price fits a wider spread of "
                    "buyers less well, refused by more of them or leaving more on the table."
                )
            elif verdict["differ"] == "end":
                # review 102 X4: one end moved, so the width and the middle both move
                (_, low_a, high_a), (_, low_b, high_b) = first, second
                wide = pair[0] if high_a - low_a > high_b - low_b else pair[1]
                narrow = pair[1] if wide == pair[0] else pair[0]
                same = "highest" if high_a == high_b else "lowest"
                middle = "lower" if same == "highest" else "higher"
                pull = "more" if middle == "higher" else "less"
                why = (
                    f"{wide} and {narrow} share the cost and the {same} reservation price, so "
                    f"{wide}'s range is wider (which makes knowing worth more) and its middle "
                    f"{middle} (which makes knowing worth {pull}, as a "
                    f"{'lower' if pull == 'more' else 'higher'} cost does). The numbers decide: "
                    f"here knowing is worth more under {winner}."
                )
            elif verdict["differ"] == "cost":
                why = (
                    f"{winner} and {other} share the range, and {winner}'s cost is lower. "
                    "Each euro off the cost comes back from every buyer you sell to. Knowing, "
                    "you sell to every buyer who values the goods above your cost; without knowing, "
                    "the model's price sells to fewer, so a lower cost adds more to what knowing earns "
                    "than to what the model's price earns. Once the cost is so low that the "
                    "model's price sits at the bottom of the range, both sell to every buyer "
                    "and the worth stops changing."
                )
            else:
                # review 103 X4: C and D differ in cost and in range, so no rule settles it
                why = (
                    f"{pair[0]} and {pair[1]} differ in more than one way, so no single rule "
                    "settles it: work out each worth with the classic case's formulas. Here "
                    f"knowing is worth more under {winner}."
                )
            right = "Right" if pick == winner else f"Not {pick}"
            lines.append(f"<b>{right}.</b> Knowing is worth {worths}. {why}")
        self.feedback.value = "<br>".join(lines)

    def load(self, change=None):
        """Put the chosen setting into the sliders."""
        label = self.show.value
        if label not in self.cases:  # untrusted, as above
            return
        cost, low, high = self.cases[label]
        if low > self.high.value:  # keep lowest <= highest at every step
            self.high.value, self.low.value = high, low
        else:
            self.low.value, self.high.value = low, high
        self.cost.value = cost

    def refresh(self, change=None):
        """Recompute from the sliders, after checking them against the view's bounds."""
        if self.guard.refused(self.status):
            return
        cost, low, high = self.cost.value, self.low.value, self.high.value
        try:
            if low > high:  # review 88 U3: name the sliders as the learner sees them
                raise ValueError(
                    f"the lowest reservation price ({low:g}) must not exceed the highest ({high:g})"
                )
            summary = information_summary(cost, low, high)
        except (TypeError, ValueError) as error:
            self.numbers.value = "<b>The model's price:</b> fix the range first."
            self.picture.value = self.bars.value = ""
            self.status.value = message(str(error), ok=False)
            return
        price = summary["price"]
        blind = (
            "<b>No price pays:</b> no buyer's reservation price is above your cost, so the model's "
            "price is none, with profit 0. "
            if price is None
            else f"<b>The model's price:</b> {amount(price)}, expected profit "
            f"{amount(round(summary['blind_profit'], 2))}. "
        )
        self.numbers.value = (
            f"{blind}<b>With perfect information:</b> "
            f"{amount(round(summary['informed_profit'], 2))}. "
            f"<b>Perfect information is worth</b> {amount(round(summary['value'], 2))}."
        )
        self.picture.value = profit_curve(cost, low, high, price, summary["informed_profit"])
        self.bars.value = value_bars(
            {
                "the model's price": summary["blind_profit"],
                "perfect information": summary["informed_profit"],
            },
            highlight="perfect information",
        )
        self.status.value = (
            ""
            if price is not None
            else message(
                "No price covers your cost: no buyer's reservation price is above it.", ok=False
            )
        )
