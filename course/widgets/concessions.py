"""Views for module 04: plan trades against the Pareto frontier. They wire widgets to the
models. (The arena and the low-ball moment are in ``course.widgets.practice``.)
"""

from html import escape

import ipywidgets as w

from course.models.concessions import all_packages, better_for_both, pareto_frontier, plan_trades
from course.pictures_concessions import frontier_picture
from course.widgets.guards import message

#: The value of "no trade" / "nothing back" in the dropdowns (None would mean "no selection").
NOTHING = "-"


def _trade_options(issues, nothing):
    options = [(nothing, NOTHING)]
    for issue, levels in issues.items():
        options += [(f"{issue} → {level}", (issue, level)) for level in levels]
    return options


class TradeRow(w.HBox):
    """One planned trade: what you give and what you ask for in return."""

    def __init__(self, issues, on_change):
        self.give = w.Dropdown(options=_trade_options(issues, "(no trade)"), description="give")
        self.get = w.Dropdown(options=_trade_options(issues, "(nothing back)"), description="get")
        for field in (self.give, self.get):
            field.observe(on_change, names="value")
        super().__init__([self.give, self.get])


class ConcessionPlanner(w.VBox):
    """Plan trades from your ideal package on a multi-issue case: every give that brings
    back less than it costs you is flagged, and the plan is drawn against the frontier."""

    def __init__(self, case, trades=4):
        self.yours, self.theirs = case.yours, case.theirs
        self.issues = {issue: tuple(levels) for issue, levels in self.yours.items()}
        self.start = {issue: levels[0] for issue, levels in self.issues.items()}
        packages = all_packages(self.yours, self.theirs)
        self.points = [(you, them) for _, you, them in packages]
        self.frontier = pareto_frontier(self.points)
        self._allowed = {value for _, value in _trade_options(self.issues, "")}
        self._ready = False
        self.rows = [TradeRow(self.issues, self.refresh) for _ in range(trades)]
        self.table = w.HTML()
        self.chart = w.HTML()
        self.verdict = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                w.HTML("<b>Your trades</b>, in order, starting from your ideal package"),
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
        """The planned trades as ``((give_issue, level), (get_issue, level))`` pairs; a
        give with nothing back is a get of the issue's current level (worth 0)."""
        for row in self.rows:
            for field in (row.give, row.get):
                if field.value not in self._allowed:
                    raise ValueError(f"{field.value!r} is not a trade on the table")
        package, trades = dict(self.start), []
        for number, row in enumerate(self.rows, start=1):
            if row.give.value == NOTHING:
                continue
            give = row.give.value
            get = row.get.value
            if get == NOTHING:  # nothing back: keep the first other issue where it is
                other = next(i for i in self.issues if i != give[0])
                get = (other, package[other])
            if get[0] == give[0]:
                raise ValueError(f"trade {number} gives and gets on the same issue, {give[0]}")
            trades.append((give, get))
            package[give[0]], package[get[0]] = give[1], get[1]
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
            flag = step["problem"] or "fair: at least as much back as you give"
            ratio = "—" if step["ratio"] is None else f"{step['ratio']:.2f}"
            colour = "#b00020" if step["problem"] else "#1b5e20"
            rows.append(
                f"<tr><td>{number}</td><td>{escape(' → '.join(step['give']))}</td>"
                f"<td>{escape(' → '.join(step['get']))}</td><td>{step['cost']:g}</td>"
                f"<td>{step['received']:g}</td><td>{ratio}</td>"
                f'<td style="color:{colour}">{escape(flag)}</td></tr>'
            )
        self.table.value = (
            "<table><tr><th>#</th><th>give</th><th>get</th><th>costs you</th>"
            "<th>brings you</th><th>ratio</th><th></th></tr>" + "".join(rows) + "</table>"
            if rows
            else "No trades yet: pick a give in the first row."
        )
        start = (
            sum(self.yours[i][lv] for i, lv in self.start.items()),
            sum(self.theirs[i][lv] for i, lv in self.start.items()),
        )
        path = [start] + [(s["you"], s["them"]) for s in steps]
        self.chart.value = frontier_picture(self.points, self.frontier, path)
        you, them = path[-1]
        better = better_for_both((you, them), self.points)
        flagged = sum(1 for s in steps if s["problem"])
        if better:
            best = max(better, key=lambda p: p[0] + p[1])
            text = (
                f"Your plan ends at {you:g} points for you and {them:g} for Orchard, off the "
                f"frontier: {len(better)} package(s) are better for both, e.g. {best[0]:g} and "
                f"{best[1]:g}."
            )
        else:
            text = f"Your plan ends on the frontier: {you:g} points for you, {them:g} for Orchard."
        if flagged:
            text += f" {flagged} trade(s) give more than they bring back."
        self.verdict.value = message(text, ok=not better and not flagged)
