"""Views for module 02: a BATNA builder and a ZOPA explorer."""

import ipywidgets as w

from course.models.batna import best_alternative, deal_outcome, expected_value
from course.models.validation import number
from course.pictures import amount, value_bars, zopa_line
from course.widgets.guards import RangeGuard, message

#: What the builder starts with: the sure offer against the 50/50 gamble of CONTENT.md.
EXAMPLE_ALTERNATIVES = {
    "Sure offer": [(1.0, 90_000.0)],
    "Startup": [(0.5, 120_000.0), (0.5, 70_000.0)],
}


def append_child(box, widget):
    """Show ``widget`` at the end of ``box`` (a box's children are an immutable tuple)."""
    box.children = (*box.children, widget)


def remove_child(box, widget):
    """Take ``widget`` out of ``box``."""
    box.children = tuple(child for child in box.children if child is not widget)


class OutcomeRow(w.HBox):
    """One possible outcome of an alternative: its probability and what you would get."""

    def __init__(self, probability, value, on_change, on_remove):
        self.probability = w.FloatText(value=probability, description="probability", step=0.05)
        self.amount = w.FloatText(value=value, description="value", step=1000)
        self.remove = w.Button(description="remove outcome", icon="minus")
        for field in (self.probability, self.amount):
            field.observe(on_change, names="value")
        self.remove.on_click(lambda _: on_remove(self))
        super().__init__([self.probability, self.amount, self.remove])


class AlternativeCard(w.VBox):
    """One alternative: a name and its outcomes (a one-level tree)."""

    def __init__(self, name, outcomes, on_change, on_remove):
        self._on_change = on_change
        self.name = w.Text(value=name, description="alternative", placeholder="e.g. Job at Acme")
        self.name.observe(on_change, names="value")
        self.add_outcome_button = w.Button(description="add outcome", icon="plus")
        self.add_outcome_button.on_click(lambda _: self.add_outcome(0.0, 0.0))
        self.remove = w.Button(description="remove alternative", icon="trash")
        self.remove.on_click(lambda _: on_remove(self))
        self.outcomes = w.VBox()
        super().__init__(
            [w.HBox([self.name, self.remove]), self.outcomes, self.add_outcome_button],
            layout=w.Layout(border="1px solid #ddd", padding="4px", margin="4px 0"),
        )
        for probability, value in outcomes:
            self.add_outcome(probability, value)

    def add_outcome(self, probability, value):
        """Add an outcome row and recompute."""
        append_child(
            self.outcomes, OutcomeRow(probability, value, self._on_change, self._remove_outcome)
        )
        self._on_change()

    def _remove_outcome(self, row):
        remove_child(self.outcomes, row)
        self._on_change()

    def tree(self):
        """The alternative as the model's tree: ``[(probability, value), ...]``."""
        return [(row.probability.value, row.amount.value) for row in self.outcomes.children]


class BatnaBuilder(w.VBox):
    """Build alternatives with uncertain outcomes; see each one's expected value, the best
    one (your BATNA) and the reservation price it sets for the deal on the table."""

    def __init__(self, alternatives=None):
        self._ready = False
        self.cards = w.VBox()
        self.add_button = w.Button(description="add alternative", icon="plus")
        self.add_button.on_click(lambda _: self.add_alternative("", [(1.0, 0.0)]))
        self.deal_cost = w.FloatText(
            value=0.0, description="extra cost of the deal", style={"description_width": "initial"}
        )
        self.deal_cost.observe(self.refresh, names="value")
        self.result = w.HTML()
        self.chart = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [self.cards, self.add_button, self.deal_cost, self.result, self.chart, self.status]
        )
        for name, outcomes in (alternatives or EXAMPLE_ALTERNATIVES).items():
            self.add_alternative(name, outcomes)
        self._ready = True
        self.refresh()

    def add_alternative(self, name, outcomes):
        """Add an alternative card and recompute."""
        append_child(
            self.cards, AlternativeCard(name, outcomes, self.refresh, self._remove_alternative)
        )
        self.refresh()

    def _remove_alternative(self, card):
        remove_child(self.cards, card)
        self.refresh()

    def refresh(self, change=None):
        """Recompute from what is on screen; a mistake is shown, never raised."""
        if not self._ready:
            return
        names = [
            card.name.value.strip() or f"alternative {i + 1}"
            for i, card in enumerate(self.cards.children)
        ]
        if len(set(names)) < len(names):
            return self._show_error("two alternatives have the same name; give each its own")
        trees = dict(zip(names, (card.tree() for card in self.cards.children), strict=True))
        try:
            values = {name: expected_value(tree) for name, tree in trees.items()}
            best_name, best_value = best_alternative(trees)
            reservation = best_value + number(self.deal_cost.value, "the extra cost of the deal")
        except (TypeError, ValueError) as error:
            return self._show_error(_which_alternative(error, trees))
        self.result.value = (
            f"<b>BATNA:</b> {best_name}, worth {amount(best_value)} on average. "
            f"<b>Reservation price:</b> {amount(reservation)} — accept no deal worth less."
        )
        self.chart.value = value_bars(values, best_name, reservation, "reservation")
        self.status.value = message("All alternatives add up.")

    def _show_error(self, text):
        self.result.value = "<b>BATNA:</b> fix the alternatives first."
        self.chart.value = ""
        self.status.value = message(text, ok=False)


def _which_alternative(error, trees):
    """Name the alternative a model error comes from, so the learner knows where to look."""
    for name, tree in trees.items():
        try:
            expected_value(tree)
        except (TypeError, ValueError):
            return f"{name}: {error}"
    return str(error)


#: What the ZOPA explorer says for each verdict of ``deal_outcome``.
VERDICTS = {
    "no-zopa": "No ZOPA: the buyer will pay at most {buyer}, less than the {seller} the seller "
    "needs. Walking away is best for both.",
    "below-seller": "A deal at {price} is below the seller's reservation {seller}: "
    "the seller walks away.",
    "above-buyer": "A deal at {price} is above the buyer's reservation {buyer}: "
    "the buyer walks away.",
    "no-surplus": "The zone is the single price {price}: a deal there leaves no surplus to share.",
    "inside": "Inside the ZOPA. Surplus {surplus}: the seller gets {seller_gain} ({share:.0%}), "
    "the buyer {buyer_gain} ({buyer_share:.0%}).",
}


class ZopaExplorer(w.VBox):
    """Move both reservation prices and a proposed deal: see the zone, the surplus and how
    it splits; a deal outside the zone is called out."""

    def __init__(self, seller=50.0, buyer=80.0, price=65.0, low=0.0, high=150.0, step=1.0):
        self.low, self.high = low, high
        slider = {
            "min": low,
            "max": high,
            "step": step,
            "continuous_update": True,
            "style": {"description_width": "initial"},
            "layout": w.Layout(width="480px"),
        }
        self.seller = w.FloatSlider(value=seller, description="seller's reservation", **slider)
        self.buyer = w.FloatSlider(value=buyer, description="buyer's reservation", **slider)
        self.price = w.FloatSlider(value=price, description="proposed deal", **slider)
        self.guard = RangeGuard()
        for widget, name in (
            (self.seller, "the seller's reservation"),
            (self.buyer, "the buyer's reservation"),
            (self.price, "the deal price"),
        ):
            self.guard.add(widget, low, high, name)
            widget.observe(self.refresh, names="value")
        self.picture = w.HTML()
        self.verdict = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [self.seller, self.buyer, self.price, self.picture, self.verdict, self.status]
        )
        self.refresh()

    def refresh(self, change=None):
        """Redraw from the slider values, after checking them against the view's bounds."""
        if self.guard.refused(self.status):
            return
        self.status.value = ""
        seller, buyer, price = self.seller.value, self.buyer.value, self.price.value
        self.picture.value = zopa_line(seller, buyer, price, self.low, self.high)
        outcome = deal_outcome(price, seller, buyer)
        text = VERDICTS[outcome["verdict"]].format(
            price=amount(price),
            seller=amount(seller),
            buyer=amount(buyer),
            surplus=amount(outcome["surplus"]),
            seller_gain=amount(outcome["seller_gain"]),
            buyer_gain=amount(outcome["buyer_gain"]),
            share=outcome["seller_share"] or 0.0,
            buyer_share=1 - (outcome["seller_share"] or 0.0),
        )
        self.verdict.value = message(text, ok=outcome["verdict"] in ("inside", "no-surplus"))
