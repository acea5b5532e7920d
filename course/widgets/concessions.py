"""Views for module 04: plan trades against the Pareto frontier. They wire widgets to the
models. (The arena and the low-ball moment are in ``course.widgets.practice``.)
"""

from html import escape

import ipywidgets as w

from course.models.concessions import TradeTable, pareto_frontier, plan_trades
from course.pictures_concessions import frontier_picture
from course.scenarios.concessions import PLANNER_ROWS, planner_verdict
from course.widgets.guards import message

#: The value of "no trade" / "nothing back" in the dropdowns (None would mean "no selection").
NOTHING = "-"


def _moves(step):
    """A step's give and get in words, e.g. ``"delivery: 10 weeks → 6 weeks"``."""
    give = "{}: {} → {}".format(*step["give"])
    get = "(nothing)" if step["get"] is None else "{}: {} → {}".format(*step["get"])
    return give, get


def _rate(step):
    """Orchard's net gain per point of your net loss, in words: ``"—"`` for a move that is
    not a concession (it costs you nothing, or gives Orchard nothing)."""
    return "—" if step["rate"] is None else f"{step['rate']:.2f}"


def _option_words(option):
    if option["get"] is None:
        return f"giving {option['give']} with nothing back"
    return f"giving {option['give']} for {option['get']}"


def _judgement(step):
    """What the course's rule says of a planned move, in words that are true of it."""
    better = step["better"]
    if step["kept"]:  # review 99 C2: rule 1 holds back a free move that gains you nothing
        kept = (
            "it gains you nothing, and Orchard already has its minimum: rule 1 holds such a "
            "move back for the close, where rule 3 offers it last, for the signature "
            "(question 4's check passes it here too)"
        )
        if better is None:
            return kept + ": here it is that closing move"
        return kept + f", while {_option_words(better)} is a free move that gains you points"
    if step["tier"] is None:
        return (
            f"Orchard's points change by {step['them']:+g} and yours by {step['you']:+g}: it "
            "has no reason to take this"
        )
    if step["tier"] == "free":
        created = step["you"] + step["them"]
        if step["ok"] and created >= step["most_created"]:
            return f"a free move that creates {created:g} points: the most any move here creates"
        if step["ok"]:  # any free move is the rule's (review 78 X3)
            return (
                f"a free move that creates {created:g} points (any free move is; one here "
                f"creates {step['most_created']:g})"
            )
        return (
            f"creates {created:g} points, but {_option_words(better)} creates "
            f"{better['you'] + better['them']:g}"
        )
    if step["ok"]:
        if step["closes"]:
            return (
                "a concession that gives Orchard all the points it still needs to sign, at the "
                "least cost to you of any move that does"
            )
        return (
            f"no single move gives Orchard all it still needs; this one has the best "
            f"gain per point left: Orchard gains {step['rate']:.2f} per point you give up"
        )
    if better is None:
        return (
            "a concession Orchard does not need: it already has its minimum, and no "
            "one-level move here creates value. Stop here"
        )
    if better["you"] >= 0:
        return f"costs you {-step['you']:g} while {_option_words(better)} is a free move"
    needs = step["needed_points"]
    if needs is not None and better["them"] >= needs:
        if step["closes"]:
            return (
                f"it closes the deal for {-step['you']:g} of your points; "
                f"{_option_words(better)} also gives Orchard all it still needs ({needs:g} "
                f"points) and costs you {-better['you']:g}"
            )
        return (
            f"it leaves Orchard short of the {needs:g} points it still needs, while "
            f"{_option_words(better)} gives them all for {-better['you']:g} of yours"
        )
    return (
        f"no single move gives Orchard all it still needs, and its gain per point is "
        f"{step['rate']:.2f}; {_option_words(better)} would bring it "
        f"{better['them'] / -better['you']:.2f}"
    )


class TradeRow(w.HBox):
    """One planned move: the issue you give one level on, and the issue you ask back on."""

    def __init__(self, issues, on_change):
        self.give = w.Dropdown(
            options=[("(no trade)", NOTHING), *((issue, issue) for issue in issues)],
            description="give",
        )
        self.get = w.Dropdown(
            options=[("(nothing)", NOTHING), *((issue, issue) for issue in issues)],
            description="get",
        )
        for field in (self.give, self.get):
            field.observe(on_change, names="value")
        super().__init__([self.give, self.get])


class ConcessionPlanner(w.VBox):
    """Plan one-level trades (and single gives) from your colleague's draft of the
    framework: each shows what it does to both sides, its gain per point and whether
    the course's rule calls it right; the plan is drawn against the Pareto frontier and
    Orchard's minimum, and the goal is to land on the frontier with that minimum met."""

    def __init__(self, case, trades=PLANNER_ROWS):
        self.yours, self.theirs = case.yours, case.theirs
        self.minimum = case.their_minimum
        self.scores = TradeTable(self.yours, self.theirs)
        self.issues = {issue: tuple(levels) for issue, levels in self.yours.items()}
        self.start = dict(case.draft)
        self.points = [(you, them) for _, you, them in self.scores.packages]
        self.frontier = pareto_frontier(self.points)
        self._ready = False
        self.trades = trades
        self.rows = [TradeRow(self.issues, self.refresh) for _ in range(trades)]
        self.table = w.HTML()
        self.chart = w.HTML()
        self.verdict = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                w.HTML(
                    "<b>Your moves</b>, in order, from your colleague's draft: each gives "
                    "one level on one issue and asks one level back on another (or nothing "
                    f"back). Orchard will not sign for fewer than {self.minimum} of its points."
                ),
                *self.rows,
                self.table,
                self.chart,
                self.verdict,
                self.status,
            ]
        )
        self._ready = True
        self.refresh()

    def plan(self):
        """The planned trades as ``(give_issue, get_issue)`` pairs (``get_issue`` is
        ``None`` for nothing back), up to the first row without a give."""
        trades = []
        for row in self.rows:
            for field in (row.give, row.get):
                if field.value != NOTHING and field.value not in self.issues:
                    raise ValueError(f"{field.value!r} is not an issue on the table")
            if row.give.value == NOTHING:
                break
            trades.append((row.give.value, None if row.get.value == NOTHING else row.get.value))
        return trades

    def refresh(self, change=None):
        """Recompute the plan; a bad choice is shown, never raised, and the table, chart and
        verdict of an earlier plan are cleared so that nothing stale is left on screen."""
        if not self._ready:
            return
        try:
            steps = plan_trades(
                self.start,
                self.plan(),
                self.yours,
                self.theirs,
                their_minimum=self.minimum,
                hold=True,  # rule 1's hold, as question 4's model answer (review 99 C2)
            )
        except (TypeError, ValueError) as error:
            self.table.value = self.chart.value = self.verdict.value = ""
            self.status.value = message(str(error), ok=False)
            return
        self.status.value = ""
        rows = []
        for number, step in enumerate(steps, start=1):
            give, get = _moves(step)
            # the colours follow question 4's rule, move by move (review 65 X1): green, the
            # rule's move from where you stood; red, the rule makes another there. They do
            # not judge where the plan ends: the verdict under the table does
            colour = "#1b5e20" if step["ok"] else "#8a5a00" if step["kept"] else "#b00020"
            mark = (
                "the rule's move"
                if step["ok"]
                else "allowed, not the rule's move"
                if step["kept"]
                else "not the rule's move"
            )
            rows.append(
                f"<tr><td>{number}</td><td>{escape(give)}</td><td>{escape(get)}</td>"
                f"<td>{step['you']:+g} / {step['them']:+g}</td>"
                f"<td>{_rate(step)}</td>"
                f'<td style="color:{colour}"><b>{mark}:</b> {escape(_judgement(step))}</td></tr>'
            )
        self.table.value = (
            "<table><tr><th>#</th><th>give</th><th>get</th><th>net: you / Orchard</th>"
            "<th>gain per point: Orchard's net gain per point of your net loss</th>"
            "<th>question 4's rule, move by move</th></tr>" + "".join(rows) + "</table>"
            if rows
            else "No moves yet: pick a give in the first row."
        )
        start = self.scores.points(self.start)
        path = [start] + [(s["you_total"], s["them_total"]) for s in steps]
        self.chart.value = frontier_picture(self.points, self.frontier, path, minimum=self.minimum)
        # the verdict's words are the model's (``planner_verdict``); green when it landed
        text, landed = planner_verdict(self.scores, self.start, self.minimum, steps, self.trades)
        self.verdict.value = message(text, ok=landed)
