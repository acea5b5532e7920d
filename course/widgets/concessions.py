"""Views for module 04: negotiate against a bot, plan trades against the Pareto frontier,
and face a low-ball. They wire widgets to ``course.engine.practice`` and the models.

No widget trait ever holds a bot's reservation price or its strategy's state: the bot
lives inside the engine's session or simulation, and widget values are re-checked here.
"""

from html import escape

import ipywidgets as w

from course.engine.analysis import analyse
from course.engine.domain import BUYER
from course.engine.practice import ARENA_STYLES, RESPONSES, LowBallMoment, arena, moves_by_side
from course.models.concessions import all_packages, better_for_both, pareto_frontier, plan_trades
from course.pictures import amount
from course.pictures_concessions import concession_curves, frontier_picture
from course.widgets.guards import RangeGuard, message
from course.widgets.rounds import PlaysRounds, price_history

WIDE = {"description_width": "initial"}

#: Rounds in an arena negotiation: enough to see a pattern, few enough to click through.
ARENA_ROUNDS = 10


class NegotiationArena(PlaysRounds, w.VBox):
    """You sell, a bot of your chosen style buys; its limit is hidden. Offer, accept or
    walk away round by round; at the end see both concession curves and your ZOPA share."""

    rounds = ARENA_ROUNDS

    def __init__(self, style="linear", reservation=40, rng=None):
        self._rng, self._session = rng, None
        self.style = w.Dropdown(options=ARENA_STYLES, value=style, description="bot's style")
        self.reservation = w.IntText(value=reservation, description="your reservation", style=WIDE)
        self.start = w.Button(description="new negotiation", icon="refresh")
        self.price = w.IntText(value=90, description="your offer", style=WIDE)
        self.send_offer = w.Button(description="send offer", icon="paper-plane")
        self.accept = w.Button(description="accept its offer", icon="check")
        self.walk = w.Button(description="walk away", icon="sign-out")
        self.guard = RangeGuard()
        self.guard.add(self.reservation, 0, 80, "your reservation price")
        self.guard.add(self.price, 0, 100, "your offer")
        for field in (self.reservation, self.price):
            field.observe(self._check, names="value")
        self.start.on_click(self.new_negotiation)
        self.send_offer.on_click(self.make_offer)
        self.accept.on_click(lambda _: self._act(lambda s: s.accept()))
        self.walk.on_click(lambda _: self._act(lambda s: s.walk_away()))
        self.brief = w.HTML()
        self.history = w.HTML()
        self.chart = w.HTML()
        self.result = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                w.HBox([self.style, self.reservation, self.start]),
                self.brief,
                w.HBox([self.price, self.send_offer, self.accept, self.walk]),
                self.history,
                self.chart,
                self.result,
                self.status,
            ]
        )
        self.new_negotiation()

    def _check(self, change=None):
        """Put back a value outside the view's bounds at once, and say why."""
        self.guard.refused(self.status)

    def new_negotiation(self, _=None):
        """Start again against a fresh bot of the chosen style with a newly drawn limit."""
        if self.guard.refused(self.status):
            return
        if self.style.value not in ARENA_STYLES:
            self.status.value = message(f"{self.style.value!r} is not a bot style", ok=False)
            return
        self._session = arena(
            self.style.value, self.reservation.value, rounds=ARENA_ROUNDS, rng=self._rng
        )
        self.brief.value = (
            f"You sell; a <b>{escape(self.style.value)}</b> bot buys. Prices run from 0 to 100, "
            f"your reservation price is {self.reservation.value}, and the talks end after "
            f"{ARENA_ROUNDS} rounds. You open."
        )
        self.history.value = self.chart.value = self.result.value = ""
        self.status.value = message("Make your opening offer.")
        self._buttons()

    def make_offer(self, _=None):
        """Send the price in the box as your offer."""
        if self.guard.refused(self.status):
            return
        price = self.price.value
        self._act(lambda s: s.offer(price))

    def _playing(self):
        if self._session is None or self._session.finished:
            self.status.value = message("This negotiation is over: start a new one.", ok=False)
            return None
        return self._session

    def _show_history(self):
        self.history.value = price_history(self._session.history, you="you ask")

    def _bot_offers(self, offer):
        return f"the bot offers {amount(offer)}"

    def _buttons(self):
        over = self._session is None or self._session.finished
        self.send_offer.disabled = self.walk.disabled = over
        self.accept.disabled = over or self._session.bot_offer is None

    def _end(self):
        """After the end only: the curves, the result and the bot's limit, for the debrief."""
        session = self._session
        summary = analyse(session.result())
        limit = abs(session.result().negotiation.preferences[BUYER].reservation)
        mine = session.brief["reservation_price"]
        self.chart.value = concession_curves(
            moves_by_side(session.history), {"your limit": mine, "its limit": limit}
        )
        if summary["agreement"] is not None:
            text = f"Deal at {amount(summary['agreement'])}. "
            share = summary["seller_zopa_share"]
            text += (
                f"The zone ran from {amount(mine)} to {amount(limit)}: you took {share:.0%} of it."
                if share is not None and share >= 0
                else f"That is below your reservation price {amount(mine)}: worse than your BATNA."
            )
        elif summary["zopa_exists"]:
            text = (
                f"No deal ({session.ended_by}). The bot would have paid up to {amount(limit)}, "
                f"above your {amount(mine)}: a zone existed and was left unused."
            )
        else:
            text = (
                f"No deal ({session.ended_by}). The bot could pay at most {amount(limit)}, "
                f"below your {amount(mine)}: there was no zone, so no deal was the right result."
            )
        self.result.value = f"<b>{escape(text)}</b>"
        self.status.value = message("Negotiation over. Start a new one to try another opening.")


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


class DifficultMoment(w.VBox):
    """Four rounds in, the buyer sends a low-ball. Choose a response and see it played out
    against the same bot, then compare with the other responses."""

    def __init__(self, rng=None):
        self._rng = rng
        self.choice = w.RadioButtons(
            options=[(text, key) for key, text in RESPONSES.items()],
            value="hold",
            description="you",
            layout=w.Layout(width="auto"),
        )
        self.play = w.Button(description="see what happens", icon="play")
        self.again = w.Button(description="new moment", icon="refresh")
        self.play.on_click(self.see_what_happens)
        self.again.on_click(self.new_moment)
        self.story = w.HTML()
        self.chart = w.HTML()
        self.outcome = w.HTML()
        self.comparison = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                self.story,
                self.choice,
                w.HBox([self.play, self.again]),
                self.chart,
                self.outcome,
                self.comparison,
                self.status,
            ]
        )
        self.new_moment()

    def new_moment(self, _=None):
        """A fresh buyer (new hidden limit); the same opening and plan."""
        self._moment = LowBallMoment(rng=self._rng)
        m = self._moment
        self.story.value = (
            f"You sell; your reservation price is {m.your_reservation}, you opened at "
            f"{m.opening} and concede steadily over {m.rounds} rounds. So far:<br>"
            + price_history(m.before[:-1], you="you ask")
            + f"<br><b>Round {m.low_round + 1}: the buyer suddenly offers {m.low_ball}.</b> "
            "What do you do?"
        )
        self.chart.value = concession_curves(
            moves_by_side(m.before), {"your limit": m.your_reservation}
        )
        self.outcome.value = self.comparison.value = self.status.value = ""

    def see_what_happens(self, _=None):
        """Play the chosen response to the end, and every response for comparison."""
        choice = self.choice.value
        if choice not in RESPONSES:
            self.status.value = message(f"{choice!r} is not one of the responses", ok=False)
            return
        self.status.value = ""
        runs = {key: self._moment.play(key) for key in RESPONSES}
        mine = runs[choice]
        self.chart.value = concession_curves(
            moves_by_side(mine["history"]), {"your limit": self._moment.your_reservation}
        )
        self.outcome.value = f"<b>{escape(_verdict(mine, self._moment.your_reservation))}</b>"
        rows = "".join(
            f"<tr><td>{escape(RESPONSES[key])}</td><td>{_price(run)}</td><td>{run['gain']:+g}</td>"
            f"<td>{_share(run)}</td></tr>"
            for key, run in runs.items()
        )
        self.comparison.value = (
            "<table><tr><th>response</th><th>deal</th><th>gain over your BATNA</th>"
            f"<th>your share of the zone</th></tr>{rows}</table>"
        )


def _share(run):
    if run["share"] is None:
        return "—"
    return "none: below your limit" if run["share"] < 0 else f"{run['share']:.0%}"


def _price(run):
    return "no deal" if run["price"] is None else amount(run["price"])


def _verdict(run, reservation):
    """What a played-out response means, in words."""
    if run["response"] == "walk":
        return (
            f"You leave with your BATNA (worth {reservation}) and a polite door left open. "
            "The zone was still there: with rounds left, walking away gave it up."
        )
    if run["price"] is None:
        return f"No deal by the deadline: you fall back on your BATNA, worth {reservation}."
    if run["price"] < reservation:
        return (
            f"Deal at {run['price']}: below your reservation price {reservation}, "
            f"so you are {-run['gain']:g} worse off than with your BATNA."
        )
    share = run["share"] or 0.0
    if run["response"] == "cave":
        return (
            f"Deal at {run['price']}, {share:.0%} of the zone: the big step told the buyer "
            "that pressure works, and it kept pressing."
        )
    return (
        f"Deal at {run['price']}, {share:.0%} of the zone: holding firm and keeping to "
        "your plan brought the buyer back to its own schedule."
    )
