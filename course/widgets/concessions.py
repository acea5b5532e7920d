"""Views for module 04: plan trades against the Pareto frontier. They wire widgets to the
models. (The arena and the low-ball moment are in ``course.widgets.practice``.)
"""

from html import escape

import ipywidgets as w

from course.models.concessions import TradeTable, better_for_both, pareto_frontier, plan_trades
from course.pictures_concessions import frontier_picture
from course.scenarios.concessions import PLANNER_ROWS, middle_package
from course.widgets.guards import message

#: The value of "no trade" / "nothing back" in the dropdowns (None would mean "no selection").
NOTHING = "-"


def _moves(step):
    """A step's give and get in words, e.g. ``"delivery: 10 weeks → 6 weeks"``."""
    give = "{}: {} → {}".format(*step["give"])
    get = "(nothing)" if step["get"] is None else "{}: {} → {}".format(*step["get"])
    return give, get


def _judgement(step):
    """What the course's rule says of a planned trade, in words that are true of it."""
    if step["get"] is None:
        return "a give with nothing back: ask for something in return"
    if step["tier"] is None:
        return f"Orchard's points change by {step['them']:+g}: it has no reason to take this"
    if step["tier"] == "free":
        return f"costs you nothing ({step['you']:+g} for you), {step['them']:+g} for Orchard: value created"
    rate = step["them"] / -step["you"]
    better = step["better"]
    if step["ok"]:
        return f"a real concession at the best rate left: Orchard gains {rate:.2f} per point you give up"
    instead = f"giving {better['give']} for {better['get']}"
    if better["you"] >= 0:
        return (
            f"costs you {-step['you']:g} while a trade that costs you nothing was open ({instead})"
        )
    return (
        f"Orchard gains {rate:.2f} per point you give up; {instead} would bring it "
        f"{better['them'] / -better['you']:.2f}"
    )


class TradeRow(w.HBox):
    """One planned trade: the issue you give one level on, and the issue you ask back on."""

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
    """Plan one-level trades from the package that splits every issue down the middle;
    each trade shows what it does to both sides and whether the course's rule calls it
    right, and the plan is drawn against the Pareto frontier."""

    def __init__(self, case, trades=PLANNER_ROWS):
        self.yours, self.theirs = case.yours, case.theirs
        self.scores = TradeTable(self.yours, self.theirs)
        self.issues = {issue: tuple(levels) for issue, levels in self.yours.items()}
        self.start = middle_package(case)
        self.points = [(you, them) for _, you, them in self.scores.packages]
        self.frontier = pareto_frontier(self.points)
        self._ready = False
        self.rows = [TradeRow(self.issues, self.refresh) for _ in range(trades)]
        self.table = w.HTML()
        self.chart = w.HTML()
        self.verdict = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                w.HTML(
                    "<b>Your trades</b>, in order, from the package that splits every issue "
                    "down the middle: each gives one level on one issue and asks one level "
                    "back on another"
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
        """Recompute the plan; a bad choice is shown, never raised."""
        if not self._ready:
            return
        try:
            steps = plan_trades(self.start, self.plan(), self.yours, self.theirs)
        except (TypeError, ValueError) as error:
            self.status.value = message(str(error), ok=False)
            return
        self.status.value = ""
        rows = []
        for number, step in enumerate(steps, start=1):
            give, get = _moves(step)
            colour = "#1b5e20" if step["ok"] else "#b00020"
            mark = "right" if step["ok"] else "not right"
            rows.append(
                f"<tr><td>{number}</td><td>{escape(give)}</td><td>{escape(get)}</td>"
                f"<td>{-step['cost'] or 0.0:+g} / {step['their_gain']:+g}</td>"
                f"<td>{step['gain']:+g} / {-step['their_cost'] or 0.0:+g}</td>"
                f"<td>{step['you']:+g} / {step['them']:+g}</td>"
                f'<td style="color:{colour}"><b>{mark}:</b> {escape(_judgement(step))}</td></tr>'
            )
        self.table.value = (
            "<table><tr><th>#</th><th>give</th><th>get</th><th>give: you / Orchard</th>"
            "<th>get: you / Orchard</th><th>net: you / Orchard</th><th>by the rule</th></tr>"
            + "".join(rows)
            + "</table>"
            if rows
            else "No trades yet: pick a give in the first row."
        )
        start = self.scores.points(self.start)
        path = [start] + [(s["you_total"], s["them_total"]) for s in steps]
        self.chart.value = frontier_picture(self.points, self.frontier, path)
        self.verdict.value = self._verdict(steps, path[-1])

    def _verdict(self, steps, end):
        you, them = end
        better = better_for_both((you, them), self.points)
        wrong = sum(1 for step in steps if not step["ok"])
        if better:
            best = max(better, key=lambda p: p[0] + p[1])
            text = (
                f"Your plan ends at {you:g} points for you and {them:g} for Orchard, below the "
                f"frontier: {len(better)} package(s) are better for both, e.g. {best[0]:g} and "
                f"{best[1]:g}."
            )
        else:
            text = f"Your plan ends on the frontier: {you:g} points for you, {them:g} for Orchard."
        if wrong:
            text += f" {wrong} of its {len(steps)} trade(s) are not right by the rule."
        elif steps and not better:
            text += " Every trade on the way is right by the rule."
        return message(text, ok=not better and not wrong)
