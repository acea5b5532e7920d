"""Views for module 03: a power explorer (coalition games and weighted votes) and a
shrinking-pie bargaining game against the computer."""

from itertools import combinations

import ipywidgets as w

from course.models.power import (
    banzhaf_index,
    bargaining_split,
    blocking_coalition,
    computer_reply,
    lowest_accepted_offer,
    shapley_shubik_index,
    shapley_values,
    worth_today,
)
from course.pictures import value_bars
from course.widgets.controls import FloatSlider, number_box
from course.widgets.guards import RangeGuard, message, read_number

#: The coalition game the explorer opens on: CONTENT.md's glove game.
GLOVE_PLAYERS = ("Left", "Right 1", "Right 2")

#: More players than this would need too many boxes to type into.
MAX_PLAYERS = 5

#: The weighted vote the explorer opens on: CONTENT.md's [4; 3, 2, 1].
EXAMPLE_VOTE = "A=3, B=2, C=1"

#: How far any typed number may go, so a tampered value cannot make the views do silly work.
LIMIT = 1e9

WIDE = {"description_width": "initial"}


def _coalition_label(coalition):
    return " + ".join(coalition)


def shown(value):
    """A value as the explorer shows it: 64,167 for money, 0.667 for a share of 1, 123.456
    below a thousand (never 1e+03), 0 for rounding noise."""
    value = float(value)
    if abs(value) < 1e-9:
        return "0"
    if abs(value) >= 999.5:
        return f"{value:,.0f}"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("0", "-0") else text


def _glove_value(coalition):
    return 1.0 if "Left" in coalition and len(coalition) > 1 else 0.0


def parse_players(text):
    """Player names typed as "A, B, C": a list of names, or a ValueError saying what is wrong."""
    names = [name.strip() for name in str(text).split(",") if name.strip()]
    if not names:
        raise ValueError("name at least one player, separated by commas")
    if len(set(names)) < len(names):
        raise ValueError("two players have the same name; give each their own")
    if len(names) > MAX_PLAYERS:
        raise ValueError(f"at most {MAX_PLAYERS} players here, got {len(names)}")
    return names


def parse_vote(text):
    """Members typed as "France=4, Germany=4, 2" (a bare number is named by its position):
    ``(names, weights)``, or a ValueError saying which entry is wrong."""
    names, weights = [], []
    for position, entry in enumerate(str(text).split(","), start=1):
        entry = entry.strip()
        if not entry:
            continue
        name, _, votes = entry.rpartition("=")
        name = name.strip() or f"member {position}"
        try:
            weight = float(votes)
        except ValueError:
            raise ValueError(f"{entry!r} is not name=votes (e.g. France=4)") from None
        if not 0 <= weight <= LIMIT:
            raise ValueError(f"{name}'s votes must be between 0 and {LIMIT:g}, got {votes.strip()}")
        names.append(name)
        weights.append(int(weight) if weight.is_integer() else weight)
    if not names:
        raise ValueError("list at least one member, e.g. A=3, B=2, C=1")
    if len(set(names)) < len(names):
        raise ValueError("two members have the same name; give each their own")
    if len(names) > 30:
        raise ValueError(f"at most 30 members here, got {len(names)}")
    return names, weights


class CoalitionGame(w.VBox):
    """Name the players, type what each coalition can earn, see each player's Shapley value
    and whether that division is in the core (no coalition would rather deal on its own)."""

    def __init__(self, players=GLOVE_PLAYERS, value=_glove_value):
        self._ready = False
        self.players = w.Text(value=", ".join(players), description="players", style=WIDE)
        self.players.observe(self._rebuild, names="value")
        self.coalitions = w.VBox()
        self.chart = w.HTML()
        self.result = w.HTML()
        self.core = w.HTML()
        self.status = w.HTML()
        self._fields = {}
        super().__init__(
            [
                self.players,
                w.HTML("<b>What each coalition can earn on its own</b>"),
                self.coalitions,
                self.result,
                self.core,
                self.chart,
                self.status,
            ]
        )
        self._rebuild(value=value)

    def field(self, *members):
        """The box holding the value of the coalition of ``members`` (for tests and scripts)."""
        return self._fields[frozenset(members)]

    def _rebuild(self, change=None, value=None):
        """Make one box per coalition of the named players, keeping values already typed."""
        try:
            names = parse_players(self.players.value)
        except ValueError as error:
            return self._show_error(str(error))
        kept = {c: f.value for c, f in self._fields.items() if c <= set(names)}  # as typed
        self._ready, self._fields, rows = False, {}, []
        for size in range(1, len(names) + 1):
            for coalition in combinations(names, size):
                key = frozenset(coalition)
                box = number_box(value(coalition) if value else 0, _coalition_label(coalition))
                if not value and key in kept:
                    box.value = kept[key]
                box.observe(self.refresh, names="value")
                self._fields[key] = box
                rows.append(box)
        self.coalitions.children = rows
        self._names = names
        self._ready = True
        self.refresh()

    def refresh(self, change=None):
        """Recompute the Shapley values from the boxes; a bad value is shown, never raised."""
        if not self._ready:
            return
        game = {}
        for coalition, field in self._fields.items():
            name = f"the value of {{{', '.join(n for n in self._names if n in coalition)}}}"
            try:
                amount = read_number(field.value, name, "1")
            except ValueError as error:
                return self._show_error(str(error))
            if abs(amount) > LIMIT:
                return self._show_error(
                    f"{name} must be between -{LIMIT:g} and {LIMIT:g}; {field.value} was rejected"
                )
            game[coalition] = amount
        try:
            values = shapley_values(self._names, game)
            blocked = blocking_coalition(self._names, game, values)
        except (TypeError, ValueError) as error:
            return self._show_error(str(error))
        grand = game[frozenset(self._names)]
        self.result.value = (
            "<b>Shapley values</b> (they add up to what everyone together earns, "
            f"{shown(grand)}): " + ", ".join(f"{name} {shown(v)}" for name, v in values.items())
        )
        question = "<b>Is the Shapley division in the core?</b>"
        if blocked is None:
            self.core.value = (
                f"{question} Yes. No coalition earns more on its own than these values give "
                "its members together."
            )
        else:
            group, shortfall = blocked
            members = [name for name in self._names if name in group]
            together = sum(float(values[name]) for name in members)
            if len(members) == 1:
                said = (
                    f"{members[0]} earns {shown(game[group])} alone but gets "
                    f"{shown(together)} here, so it gains {shown(shortfall)} by going alone."
                )
            else:
                said = (
                    f"{{{', '.join(members)}}} earn {shown(game[group])} on their own but get "
                    f"{shown(together)} together here, so they gain {shown(shortfall)} by "
                    "breaking away."
                )
            self.core.value = f"{question} No. {said}"
        self.chart.value = value_bars({n: float(v) for n, v in values.items()})
        self.status.value = message("Every coalition has a value.")

    def _show_error(self, text):
        self.result.value = "<b>Shapley values:</b> fix the game first."
        self.core.value = ""
        self.chart.value = ""
        self.status.value = message(text, ok=False)


class VotingPower(w.VBox):
    """Type members' votes and a quota; see each member's share of the votes next to their
    Shapley–Shubik and Banzhaf power."""

    def __init__(self, members=EXAMPLE_VOTE, quota=4):
        self.members = w.Text(value=members, description="members (name=votes)", style=WIDE)
        self.quota = number_box(quota, "quota")
        for widget in (self.members, self.quota):
            widget.observe(self.refresh, names="value")
        self.table = w.HTML()
        self.shapley_chart = w.HTML()
        self.banzhaf_chart = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                self.members,
                self.quota,
                self.table,
                w.HTML("<b>Shapley–Shubik index</b> (% of orders in which the member is pivotal)"),
                self.shapley_chart,
                w.HTML("<b>Banzhaf index</b> (% of all swings)"),
                self.banzhaf_chart,
                self.status,
            ]
        )
        self.refresh()

    def refresh(self, change=None):
        """Recompute both indices; a bad entry is shown, never raised."""
        try:
            names, weights = parse_vote(self.members.value)
            quota = read_number(self.quota.value, "the quota", "4")
            if not 0 <= quota <= LIMIT:
                raise ValueError(
                    f"the quota must be between 0 and {LIMIT:g}; {self.quota.value} was rejected"
                )
            shapley = shapley_shubik_index(quota, weights)
            banzhaf = banzhaf_index(quota, weights)
        except (TypeError, ValueError) as error:
            return self._show_error(str(error))
        total = sum(weights)
        rows = "".join(
            f"<tr><td>{name}</td><td>{weight:g}</td><td>{weight / total:.1%}</td>"
            f"<td>{float(s):.1%}</td><td>{float(b):.1%}</td></tr>"
            for name, weight, s, b in zip(names, weights, shapley, banzhaf, strict=True)
        )
        self.table.value = (
            "<table><tr><th>member</th><th>votes</th><th>share of votes</th>"
            f"<th>Shapley–Shubik</th><th>Banzhaf</th></tr>{rows}</table>"
        )
        self.shapley_chart.value = value_bars(
            {n: 100 * float(s) for n, s in zip(names, shapley, strict=True)}
        )
        self.banzhaf_chart.value = value_bars(
            {n: 100 * float(b) for n, b in zip(names, banzhaf, strict=True)}
        )
        powerless = [n for n, wt, b in zip(names, weights, banzhaf, strict=True) if wt and not b]
        note = f" Votes but no power: {', '.join(powerless)}." if powerless else ""
        self.status.value = message(f"A decision needs {quota:g} of {total:g} votes.{note}")

    def _show_error(self, text):
        self.table.value = ""
        self.shapley_chart.value = self.banzhaf_chart.value = ""
        self.status.value = message(text, ok=False)


class PowerExplorer(w.Tab):
    """Two tabs: a coalition game (Shapley values) and a weighted vote (power indices)."""

    def __init__(self):
        self.game = CoalitionGame()
        self.vote = VotingPower()
        super().__init__(children=[self.game, self.vote])
        self.set_title(0, "coalition game")
        self.set_title(1, "weighted vote")


class ShrinkingPieGame(w.VBox):
    """Both discount factors and the computer's outside option give the equilibrium split;
    then you play: you propose a share for the computer, and it answers by the model's
    ``computer_reply`` (accept, walk away, or propose a split a round later). As in
    Rubinstein's game there is no deadline: play goes on until a deal or a walk-out."""

    def __init__(self, delta_you=0.9, delta_computer=0.9, outside_option=0.0):
        slider = {"step": 0.01, "continuous_update": False}
        self.delta_you = FloatSlider(
            value=delta_you, min=0.05, max=0.99, description="your patience δ", **slider
        )
        self.delta_computer = FloatSlider(
            value=delta_computer, min=0.05, max=0.99, description="computer's patience δ", **slider
        )
        self.outside_option = FloatSlider(
            value=outside_option,
            min=0.0,
            max=1.0,
            description="computer's outside option",
            **slider,
        )
        self.offer = FloatSlider(
            value=0.5, min=0.0, max=1.0, description="your offer to the computer", **slider
        )
        self.guard = RangeGuard()
        for widget, low, high, name in (
            (self.delta_you, 0.05, 0.99, "your patience"),
            (self.delta_computer, 0.05, 0.99, "the computer's patience"),
            (self.outside_option, 0.0, 1.0, "the computer's outside option"),
            (self.offer, 0.0, 1.0, "your offer"),
        ):
            self.guard.add(widget, low, high, name)
        for widget in (self.delta_you, self.delta_computer, self.outside_option):
            widget.observe(self.new_game, names="value")
        self.propose = w.Button(description="make the offer", icon="handshake")
        self.accept = w.Button(description="accept its offer", icon="check")
        self.reject = w.Button(description="reject it", icon="times")
        self.restart = w.Button(description="new game", icon="refresh")
        self.propose.on_click(self.make_offer)
        self.accept.on_click(lambda _: self.answer(True))
        self.reject.on_click(lambda _: self.answer(False))
        self.restart.on_click(self.new_game)
        self.equilibrium = w.HTML()
        self.chart = w.HTML()
        self.history = w.HTML()
        self.status = w.HTML()
        self.offered_with = set()  # the settings an offer has been made with
        super().__init__(
            [
                self.delta_you,
                self.delta_computer,
                self.outside_option,
                self.equilibrium,
                self.chart,
                self.offer,
                w.HBox([self.propose, self.accept, self.reject, self.restart]),
                self.history,
                self.status,
            ]
        )
        self.new_game()

    def _settings(self):
        return self.delta_you.value, self.delta_computer.value, self.outside_option.value

    def new_game(self, change=None):
        """Start a game at round 0; show the equilibrium for the current settings only once
        an offer has been made with them (the exercise asks you to work it out first)."""
        if self.guard.refused(self.status):
            return
        self.status.value = ""
        self._show_equilibrium()
        self.round, self.pending, self.finished, self.lines = 0, None, False, []
        self._show("Round 1: your move. Choose a share for the computer and make the offer.")

    def _show_equilibrium(self):
        """The equilibrium split and the lowest offer accepted, for settings an offer has
        been made with; for others, a line saying when they will show."""
        settings = self._settings()
        if settings not in self.offered_with:
            self.equilibrium.value = (
                "<b>Equilibrium:</b> shown once you have made an offer with these settings. "
                "Work out first, from section 5, the lowest offer the computer accepts "
                "(your offer moves in steps of one percent)."
            )
            self.chart.value = ""
            return
        yours, theirs = bargaining_split(*settings)
        lowest = lowest_accepted_offer(*settings)
        self.equilibrium.value = (
            f"<b>Equilibrium:</b> you propose first and get {yours:.1%}, the computer "
            f"{theirs:.1%}, agreed at once. The computer accepts any offer of at least "
            f"{lowest:.0%} (its share rounded up to your offer's steps of one percent)."
        )
        self.chart.value = value_bars({"you": 100 * yours, "computer": 100 * theirs})

    def _show(self, line):
        self.lines.append(line)
        self.history.value = "<br>".join(self.lines)
        waiting = self.pending is not None
        self.propose.disabled = self.finished or waiting
        self.accept.disabled = self.reject.disabled = self.finished or not waiting

    def _end(self, your_share, computer_share, text):
        d_you, d_computer, _ = self._settings()
        you = worth_today(your_share, d_you, self.round)
        them = worth_today(computer_share, d_computer, self.round)
        self.finished = True
        self._show(f"{text} Worth today: you {you:.1%} of the pie, the computer {them:.1%}.")

    def make_offer(self, _=None):
        """Send your offer; the computer answers by the model's equilibrium play."""
        if self.guard.refused(self.status):
            return
        self.status.value = ""
        if self.finished or self.pending is not None:
            return
        offer = self.offer.value
        verdict, counter = computer_reply(offer, *self._settings())
        self.offered_with.add(self._settings())
        self._show_equilibrium()
        head = f"Round {self.round + 1}: you offer the computer {offer:.0%}."
        if verdict == "accept":
            return self._end(1 - offer, offer, f"{head} It accepts.")
        if verdict == "walk away":
            _, _, outside = self._settings()
            return self._end(0.0, outside, f"{head} It walks away to its outside option.")
        self.round += 1
        self.pending = counter
        self._show(
            f"{head} It refuses, and a round later offers you {counter:.1%} "
            f"(the computer keeps {1 - counter:.1%}). Accept or reject?"
        )

    def answer(self, accepted):
        """Accept or reject the computer's counter-offer."""
        if self.finished or self.pending is None:
            return
        share, self.pending = self.pending, None
        if accepted:
            return self._end(share, 1 - share, f"Round {self.round + 1}: you accept.")
        self.round += 1
        self._show(
            f"You reject. Round {self.round + 1}: your move again, later, so a deal is worth "
            "less to both of you."
        )
