"""Views for module 02: a BATNA builder, a ZOPA explorer, and quizzes on when to revise a
reservation price and which model fits."""

from html import escape

import ipywidgets as w

from course.models.batna import (
    best_alternative,
    deal_outcome,
    expected_value,
    is_sure,
    risk_attitude,
)
from course.pictures import amount, value_bars, zopa_line
from course.scenarios.batna import (
    MODELS,
    NEWS,
    REVISIONS,
    SITUATIONS,
    judge_news,
    judge_situation,
)
from course.widgets.controls import FloatSlider, number_box
from course.widgets.guards import RangeGuard, message, read_number, typed

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
        self.probability = number_box(probability, "probability")
        self.amount = number_box(value, "value")
        self.remove = w.Button(description="remove outcome", icon="minus")
        for field in (self.probability, self.amount):
            field.observe(on_change, names="value")
        self.remove.on_click(lambda _: on_remove(self))
        super().__init__([self.probability, self.amount, self.remove])


class AlternativeCard(w.VBox):
    """One alternative: a name, its outcomes (a one-level tree) and, optionally, the sure
    amount you would take instead of it (your certainty equivalent)."""

    def __init__(self, name, outcomes, on_change, on_remove):
        self._on_change = on_change
        self.name = w.Text(value=name, description="alternative", placeholder="e.g. Job at Acme")
        self.name.observe(on_change, names="value")
        self.sure = w.Text(
            description="sure amount",
            placeholder="optional: the sure amount you would take instead",
            style={"description_width": "initial"},
            layout=w.Layout(width="100%", max_width="420px"),
        )
        self.sure.observe(on_change, names="value")
        self.add_outcome_button = w.Button(description="add outcome", icon="plus")
        self.add_outcome_button.on_click(lambda _: self.add_outcome(0.0, 0.0))
        self.remove = w.Button(description="remove alternative", icon="trash")
        self.remove.on_click(lambda _: on_remove(self))
        self.outcomes = w.VBox()
        super().__init__(
            [w.HBox([self.name, self.remove]), self.outcomes, self.add_outcome_button, self.sure],
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
        """The alternative as the model's tree: ``[(probability, value), ...]``, read from
        the boxes; ``ValueError`` in plain words for an empty box or one with letters."""
        return [
            (
                read_number(row.probability.value, f"the probability of outcome {n}", "0.5"),
                read_number(row.amount.value, f"the value of outcome {n}", "90000"),
            )
            for n, row in enumerate(self.outcomes.children, start=1)
        ]

    def certainty_equivalent(self):
        """The sure amount typed for this alternative, or ``None`` when the box is empty;
        ``ValueError`` in plain words when it is not a number (commas are allowed)."""
        if not self.sure.value.strip():
            return None
        return read_number(self.sure.value, "the sure amount", "88000")


class BatnaBuilder(w.VBox):
    """Build alternatives with uncertain outcomes; see what each one is worth (its expected
    value, or the sure amount you would take instead), the best one (your BATNA) and the
    reservation price it sets for the deal on the table."""

    def __init__(self, alternatives=None):
        self._ready = False
        self.cards = w.VBox()
        self.add_button = w.Button(description="add alternative", icon="plus")
        self.add_button.on_click(lambda _: self.add_alternative("", [(1.0, 0.0)]))
        self.deal_cost = number_box(0, "extra yearly cost of the deal (e.g. a commute)")
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
        if not names:
            return self._show_error("alternatives is empty: add at least one alternative")
        if len(set(names)) < len(names):
            return self._show_error("two alternatives have the same name; give each its own")
        averages, sure, attitudes, certain = {}, {}, {}, {}
        for name, card in zip(names, self.cards.children, strict=True):
            try:
                tree = card.tree()
                averages[name] = expected_value(tree)
                certain[name] = is_sure(tree)
                given = card.certainty_equivalent()
                if given is not None:
                    attitudes[name] = risk_attitude(tree, given)
                    sure[name] = given
            except (TypeError, ValueError) as error:
                return self._show_error(f"{name}: {error}")
        try:
            cost = read_number(self.deal_cost.value, "the extra cost of the deal", "3000")
        except (TypeError, ValueError) as error:
            return self._show_error(str(error))
        worth = {name: sure.get(name, value) for name, value in averages.items()}
        best_name, best_value = best_alternative(worth)
        self.result.value = (
            _worth_table(averages, sure, attitudes)
            + _attitudes_agree(attitudes)
            + _all_gambles_priced(attitudes, [n for n in names if not certain[n]])
            + _batna_text(best_name, best_value, cost, best_name in sure, certain[best_name])
            + _against_averages(averages, worth, best_name, cost)
        )
        self.chart.value = value_bars(worth, best_name, best_value + cost, "reservation")
        self.status.value = message("All alternatives add up.")

    def _show_error(self, text):
        self.result.value = "<b>BATNA:</b> fix the alternatives first."
        self.chart.value = ""
        self.status.value = message(text, ok=False)


def _worth_table(averages, sure, attitudes):
    """Each alternative's expected value and, where given, the sure amount and what it says."""
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{amount(value)}</td>"
        f"<td>{amount(sure[name]) if name in sure else '—'}</td>"
        f"<td>{escape(_attitude_text(*attitudes[name])) if name in attitudes else '—'}</td></tr>"
        for name, value in averages.items()
    )
    return (
        "<table><tr><th>alternative</th><th>expected value</th><th>your sure amount</th>"
        f"<th>what your sure amount says</th></tr>{rows}</table>"
    )


def _attitudes_agree(attitudes):
    """A note when the sure amounts disagree in sign: risk-averse about one gamble and
    risk-seeking about another. Step 3 asks for sure amounts from one attitude to risk; one
    such attitude may be averse to one gamble and seek another (section 1), so the note
    says so and asks whether it is meant, rather than calling it a mistake."""
    kinds = {name: attitude for name, (attitude, _) in attitudes.items()}
    averse = [name for name, kind in kinds.items() if kind == "risk-averse"]
    seeking = [name for name, kind in kinds.items() if kind == "risk-seeking"]
    if not (averse and seeking):
        return ""
    return (
        "<p><b>Averse to one risk, seeking another:</b> your sure amounts make you "
        f"risk-averse about {escape(', '.join(averse))} and risk-seeking about "
        f"{escape(', '.join(seeking))}. One attitude to risk can do that (section 1: some "
        "people insure and buy lottery tickets too), though not the scenario's, which is "
        "averse to every gamble; if you meant it, keep them.</p>"
    )


def _all_gambles_priced(attitudes, gambles):
    """A note when some gambles have a sure amount and others are left at their expected values
    (that prices two gambles with two attitudes to risk, against section 1's rule and step 3's,
    and the builder said nothing)."""
    priced = [name for name in gambles if name in attitudes]
    left = [name for name in gambles if name not in attitudes]
    if not (priced and left):
        return ""
    return (
        "<p><b>Two ways of pricing risk:</b> you gave a sure amount for "
        f"{escape(', '.join(priced))} but not for {escape(', '.join(left))}, which the builder "
        "values at its expected value, as if you were risk-neutral about it. One attitude to "
        "risk prices every gamble: give each gamble a sure amount, or none.</p>"
    )


def _attitude_text(attitude, premium):
    if attitude == "risk-averse":
        return f"risk-averse: you would give up {amount(premium)} for certainty"
    if attitude == "risk-seeking":
        return f"risk-seeking: the gamble is worth {amount(-premium)} more to you than its average"
    if attitude == "no risk":
        return "no risk: a sure amount is worth itself, whatever your attitude to risk"
    return "risk-neutral: the gamble is worth its average to you"


def _batna_text(name, value, cost, from_sure_amount, certain):
    if from_sure_amount:
        worth = f"worth {amount(value)} to you (the sure amount you gave)"
    elif certain:
        worth = f"a sure {amount(value)}, worth that whatever your attitude to risk"
    else:
        worth = f"worth {amount(value)} on average (its expected value: right if you are risk-neutral about it)"
    if cost < 0:  # review 88 U3: section 3's deal that gives you something extra
        parts = f"{amount(value)} minus {amount(-cost)} that the deal adds"
    else:
        parts = f"{amount(value)} plus {amount(cost)} extra cost of the deal"
    return (
        f"<p><b>BATNA:</b> {escape(name)}, {worth}. <b>Reservation price:</b> "
        f"{amount(value + cost)} ({parts}): accept no offer on these terms below "
        f"{amount(value + cost)} (terms that lower what the deal costs you lower it; "
        "section 4).</p>"
    )


def _against_averages(averages, worth, best_name, cost):
    """What the sure amounts changed, against expected values alone ("" when none given)."""
    if worth == averages:
        return ""
    average_name, average_value = best_alternative(averages)
    if average_name == best_name and average_value == worth[best_name]:
        return "<p>Your sure amounts change neither your BATNA nor your reservation price.</p>"
    if average_name == best_name:  # review 88 U3: the BATNA stays; only its value moves
        return (
            f"<p>Your BATNA stays {escape(best_name)}; your sure amount moves your reservation "
            f"price from {amount(average_value + cost)} to {amount(worth[best_name] + cost)}.</p>"
        )
    return (
        f"<p>With expected values alone, your BATNA would be {escape(average_name)} and your "
        f"reservation price {amount(average_value + cost)}.</p>"
    )


#: What the ZOPA explorer says for each verdict of ``deal_outcome``.
VERDICTS = {
    "no-zopa": "No ZOPA: the buyer will pay at most {buyer}, less than the {seller} the seller "
    "needs. On these terms no price works for both; other terms that lower the seller's "
    "reservation price or raise the buyer's could open a zone, and without them walking away is "
    "best for both.",
    "below-seller": "A deal at {price} is below the seller's reservation price {seller}: "
    "the seller would rather walk away.",
    "above-buyer": "A deal at {price} is above the buyer's reservation price {buyer}: "
    "the buyer would rather walk away.",
    "no-surplus": "The zone is the single price {price}: a deal there leaves no surplus to share.",
    "inside": "Inside the ZOPA. Surplus {surplus}: the seller gets {seller_gain} ({share:.0%}), "
    "the buyer {buyer_gain} ({buyer_share:.0%}). The even split is {even_split}.",
}


class ZopaExplorer(w.VBox):
    """Move both reservation prices and a proposed deal: see the zone, the surplus, how it
    splits and where its even split lies; a deal outside the zone is called out. Each slider
    has a number box beside it (``boxes``, keyed by the slider): a number typed there sets
    the slider exactly (review 92 U2: at one pixel to about 190 and 5 an arrow press, "raise
    it by 1,000" took a drag and then scores of presses)."""

    def __init__(self, seller=50.0, buyer=80.0, price=65.0, low=0.0, high=150.0, step=1.0):
        self.low, self.high, self.step = low, high, step
        slider = {"min": low, "max": high, "step": step, "continuous_update": True}
        self.seller = FloatSlider(value=seller, description="seller's reservation price", **slider)
        self.buyer = FloatSlider(value=buyer, description="buyer's reservation price", **slider)
        self.price = FloatSlider(value=price, description="proposed deal", **slider)
        self.guard = RangeGuard()
        self.boxes, self._typing = {}, False
        for widget, name in (
            (self.seller, "the seller's reservation price"),
            (self.buyer, "the buyer's reservation price"),
            (self.price, "the deal price"),
        ):
            self.guard.add(widget, low, high, name)
            widget.observe(self.refresh, names="value")
            box = number_box(widget.value, f"type {name}")
            box.observe(lambda _, s=widget, n=name: self.type_value(s, n), names="value")
            widget.observe(lambda _, s=widget: self.show_value(s), names="value")
            self.boxes[widget] = box
        self.picture = w.HTML()
        self.verdict = w.HTML()
        self.status = w.HTML()
        wrap = w.Layout(flex_flow="row wrap")  # on a phone, the box goes under its slider
        rows = [
            w.HBox([s, self.boxes[s]], layout=wrap) for s in (self.seller, self.buyer, self.price)
        ]
        super().__init__([*rows, self.picture, self.verdict, self.status])
        self.refresh()

    def type_value(self, slider, name):
        """Set ``slider`` to the number typed in its box, if it is one inside the view's
        range; otherwise say what to type and leave the slider where it is."""
        try:
            value = read_number(self.boxes[slider].value, name, typed(self.low))
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        if not self.low <= value <= self.high:
            self.status.value = message(
                f"{name} must be between {amount(self.low)} and {amount(self.high)}; "
                f"{amount(value)} was not used.",
                ok=False,
            )
            return
        self._typing = True  # the box keeps the text as typed (90,000 stays 90,000)
        try:
            slider.value = value
        finally:
            self._typing = False
        self.refresh()

    def show_value(self, slider):
        """Show ``slider``'s value in its box, unless the value came from that box."""
        if not self._typing:
            self.boxes[slider].value = typed(slider.value)

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
            even_split=amount(outcome["even_split"]),
        )
        if outcome["verdict"] == "inside":
            text += _inside_note(outcome, self.step)
        self.verdict.value = message(text, ok=outcome["verdict"] in ("inside", "no-surplus"))


def _inside_note(outcome, step):
    """What is special about a deal inside the zone: at an end, or at the even split."""
    if outcome["seller_gain"] == 0:
        return " At this end of the zone the seller gains nothing over walking away."
    if outcome["buyer_gain"] == 0:
        return " At this end of the zone the buyer gains nothing over walking away."
    gap = abs(outcome["seller_gain"] - outcome["buyer_gain"]) / 2  # |price - even split|
    if gap < 1e-9:
        return " This deal is the even split."
    if gap <= step / 2:  # review 97 X2: say how near, not that the step allows no nearer
        return f" This deal is {amount(gap)} from the even split, {amount(outcome['even_split'])}."
    return ""


class Quiz(w.VBox):
    """Short situations, each with a dropdown of ``options`` and a verdict that says at once
    whether the choice fits, and why (``judge(index, choice) -> (right, sentence)``). The
    first choice for a situation is final: the dropdown then closes, and a later change of
    its value is put back, so a second click cannot earn an item."""

    def __init__(self, items, options, judge, prompt, label="situation"):
        self.options, self._judge = tuple(options), judge
        self.label = label  # what one item is called: its row's name and the tally's
        self.choices, self.verdicts = [], []
        self._chosen = {}  # situation -> the first option chosen for it (final)
        self._first = {}  # situation -> whether that choice was right
        self.tally = w.HTML()
        rows = []
        for index, (text, *_) in enumerate(items):
            choice = w.Dropdown(
                options=(prompt, *self.options),
                description=f"{label} {index + 1}",
                style={"description_width": "initial"},
            )
            verdict = w.HTML()
            choice.observe(lambda change, i=index: self.judge(i), names="value")
            self.choices.append(choice)
            self.verdicts.append(verdict)
            rows.append(w.VBox([w.HTML(f"<p>{escape(text)}</p>"), choice, verdict]))
        super().__init__([*rows, self.tally])

    def judge(self, index):
        """Show whether the option chosen for situation ``index`` fits it, and close the
        situation (nothing until an option is chosen; anything else is refused; once
        closed, the first choice stays)."""
        chosen = self.choices[index].value
        if index in self._chosen:
            if chosen != self._chosen[index]:
                self.choices[index].value = self._chosen[index]
            return
        if chosen not in self.options:
            self.verdicts[index].value = ""
            return
        right, sentence = self._judge(index, chosen)
        self._chosen[index], self._first[index] = chosen, right
        self.choices[index].disabled = True
        self.verdicts[index].value = message(sentence, ok=right)
        self.tally.value = (
            f"<p>Right: {sum(self._first.values())} of {len(self._first)} answered "
            f"(of {len(self.choices)}). One choice a {self.label}, and it is final; running the "
            "cell again starts a new count.</p>"
        )


class ModelQuiz(Quiz):
    """Section 7's short situations: pick the model that fits each one and read at once
    whether it does, and why (``course.scenarios.batna.judge_situation``)."""

    def __init__(self):
        super().__init__(SITUATIONS, MODELS, judge_situation, "choose a model")


class NewsQuiz(Quiz):
    """Section 3's news: revise your reservation price or hold it, with the reason at once
    (``course.scenarios.batna.judge_news``)."""

    def __init__(self):
        super().__init__(NEWS, REVISIONS, judge_news, "revise it or hold it?", "news item")
