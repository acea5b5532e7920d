"""The capstone's view: negotiate Tallis's supply contract with Marlow, a bot on the engine,
package by package, then read the scored outcome and the debrief against your own plan.

It wires widgets to ``course.engine.capstone``; the scenario turns the case into the
engine's negotiation. Marlow's walk-away, style, deadline and strategy live in the
engine's session, never in a widget trait; its style is a mystery unless picked; every
dropdown value is checked again here before it reaches the engine, and a bad one is
refused with a message and nothing is sent.
"""

import random
from html import escape

import ipywidgets as w

from course.checks.calls import answer_key
from course.checks.capstone import judge_beliefs, judge_reservation
from course.engine.bots import Memory
from course.engine.capstone import FINAL_ROUNDS, ROUNDS, STYLES, Table, debrief
from course.models.batna import TARGET_SHARE  # module 02's band: its top
from course.models.capstone import read_plan
from course.models.concessions import all_packages, package_points, pareto_frontier
from course.pictures_concessions import frontier_picture
from course.scenarios.capstone import (
    ALTERNATIVES_MARGIN,
    alternative_of,
    best_points,
    best_profit,
    contract_negotiation,
    frontier_rows,
    marlow_at_the_table,
    quell_posterior,
)
from course.widgets.guards import message
from course.widgets.rounds import PlaysRounds

#: Module 02's band: its floor, the even split, half the way up the zone (review 66 C2).
EVEN_SPLIT_SHARE = 0.5

WIDE = {"description_width": "initial"}

#: The style setting that keeps Marlow's style secret until the debrief.
MYSTERY = "mystery"


def _package_text(package):
    return ", ".join(f"{issue} {level}" for issue, level in package.items())


@answer_key
def answered(case, reservation, beliefs):
    """Whether the learner's reservation price (a number, question 2) and ``beliefs``
    (their ``marlow_beliefs``, question 3) pass those questions' checks on ``case``: the
    debrief shows the true reservation price and the chance of Quell only then. It says
    whether an answer is right, so it is an answer key: the class report names a learner's
    cell that calls it."""
    try:
        judge_reservation(case, reservation)
        judge_beliefs(case, beliefs(case))
    except Exception:  # the learner's code or answer: any failure holds the lines back
        return False
    return True


class NegotiationTable(PlaysRounds, w.VBox):
    """You sell Marlow a year of sensors on four issues; Marlow, a bot whose style is a
    mystery unless ``style`` names one, answers each offer. ``reservation``, ``opening``,
    ``plan`` and ``beliefs`` are your own functions from the preparation (questions 2, 5,
    7 and 3): the debrief measures the outcome and each of your offers against them, and
    shows the true reservation price and the chance of Quell once questions 2 and 3 pass."""

    rounds = ROUNDS

    def __init__(
        self,
        case,
        reservation=None,
        opening=None,
        style=MYSTERY,
        rng=None,
        plan=None,
        beliefs=None,
    ):
        self.case, self._rng, self._table, self._quell = case, rng, None, None
        self._beliefs = beliefs
        self._memory = Memory()  # Marlow remembers you from one negotiation to the next
        self.plan = read_plan(case, reservation, opening, plan)
        start = self.plan["opening"] or {i: levels[0] for i, levels in case.issues.items()}
        self.levels = {
            issue: w.Dropdown(options=levels, value=start[issue], description=issue, style=WIDE)
            for issue, levels in case.issues.items()
        }
        self.style = w.Dropdown(
            options=[("a mystery", MYSTERY), *((name, name) for name in STYLES)],
            value=style,
            description="Marlow's style",
            style=WIDE,
        )
        self.start = w.Button(
            description="new negotiation", icon="refresh", layout=w.Layout(width="auto")
        )
        self.send_offer = w.Button(
            description="send offer", icon="paper-plane", layout=w.Layout(width="auto")
        )
        self.accept = w.Button(
            description="accept Marlow's offer", icon="check", layout=w.Layout(width="auto")
        )
        self.walk = w.Button(
            description="walk away politely", icon="sign-out", layout=w.Layout(width="auto")
        )
        self.walk_out = w.Button(
            description="walk out", icon="times", layout=w.Layout(width="auto")
        )
        self.start.on_click(self.new_negotiation)
        self.send_offer.on_click(self.make_offer)
        self.accept.on_click(lambda _: self._act(lambda s: s.accept()))
        self.walk.on_click(lambda _: self._act(lambda s: s.walk_away(polite=True)))
        self.walk_out.on_click(lambda _: self._act(lambda s: s.walk_away(polite=False)))
        for field in self.levels.values():
            field.observe(self._show_worth, names="value")
        self.style.observe(self._style_note, names="value")
        self.plan_text = w.HTML(self._plan_html())
        self.worth = w.HTML()
        self.history = w.HTML()
        self.chart = w.HTML()
        self.result = w.HTML()
        self.status = w.HTML()
        packages = all_packages(case.yours, case.theirs)
        self._points = [(you, them) for _, you, them in packages]
        self._frontier = pareto_frontier(self._points)
        super().__init__(
            [
                self.plan_text,
                w.HBox([self.style, self.start]),
                w.HBox(list(self.levels.values())[:2]),
                w.HBox(list(self.levels.values())[2:]),
                self.worth,
                w.HBox([self.send_offer, self.accept, self.walk, self.walk_out]),
                self.history,
                self.chart,
                self.result,
                self.status,
            ]
        )
        self.new_negotiation()

    def _plan_html(self):
        plan = self.plan
        parts = []
        if plan["reservation"] is not None:
            parts.append(f"walk away below a profit of {plan['reservation']:g}")
        if plan["opening"] is not None:
            parts.append(f"open with {_package_text(plan['opening'])}")
        if plan["steps"] and len(plan["steps"]) > 1:
            last = self._worth_of(plan["steps"][-1])[0]
            parts.append(
                f"then {len(plan['steps']) - 1} planned step(s), the last at a profit of {last:g}"
            )
        parts.extend(self._targets())
        text = "Your plan: " + "; ".join(parts) + "." if parts else "Your plan is not ready yet."
        if plan["notes"]:
            text += " (" + "; ".join(plan["notes"]) + ".)"
        return escape(text)

    def _targets(self):
        """Section 5's two targets, one for each state of Quell, in words, both by module
        02's rule (``target_in_state``, ``target_words``)."""
        steps, reservation = self.plan["steps"], self.plan["reservation"]
        if not steps or reservation is None:
            return []
        return [
            "your target " + target_words(target_in_state(self.case, steps, reservation, q), q)
            for q in (False, True)
        ]

    def _offer(self):
        """The package in the dropdowns, each value checked against the contract's levels."""
        package = {}
        for issue, field in self.levels.items():
            if field.value not in self.case.issues[issue]:
                raise ValueError(f"{field.value!r} is not a level of {issue}")
            package[issue] = field.value
        return package

    def _worth_of(self, package):
        """A package's worth: your profit, and Marlow's points as your research has them."""
        return package_points(package, self.case.yours), package_points(package, self.case.theirs)

    def _show_worth(self, change=None):
        try:
            you, them = self._worth_of(self._offer())
        except (TypeError, ValueError) as error:
            self.worth.value = message(str(error), ok=False)
            return
        self.worth.value = escape(
            f"This package: a profit of {you:g} for you, about {them:g} points for Marlow."
        )

    def _style_note(self, _=None):
        self.status.value = message(
            "Marlow's new style takes effect when you press \u201cnew negotiation\u201d, "
            "which you can do before your first offer or once this negotiation has ended."
        )

    def new_negotiation(self, _=None):
        """Sit down again with Marlow in the chosen style (a secret one for a mystery);
        whether Quell has capacity is drawn afresh and kept out of sight."""
        choice = self.style.value
        if choice != MYSTERY and choice not in STYLES:
            self.status.value = message(f"{choice!r} is not one of Marlow's styles", ok=False)
            return
        talk = None if self._table is None else self._table.session
        if talk is not None and talk.history and not talk.finished:
            self.status.value = message(
                "Finish this negotiation first (a deal, or walk away): Marlow remembers how "
                "every negotiation that began ended.",
                ok=False,
            )
            return
        rng = self._rng or random.SystemRandom()
        style = rng.choice(STYLES) if choice == MYSTERY else choice
        self._quell, walkaway = marlow_at_the_table(self.case, rng)
        self._table = Table(
            contract_negotiation(self.case, walkaway, ROUNDS), style, rng=rng, memory=self._memory
        )
        self.history.value = self.chart.value = self.result.value = ""
        self._show_worth()
        self.status.value = message(
            f"At most {ROUNDS} rounds: Marlow makes its final offer in round "
            f"{', '.join(map(str, FINAL_ROUNDS[:-1]))} or {FINAL_ROUNDS[-1]} (you do not "
            "know which, and it says so when it does), and you can answer it once more. "
            "You open: make your first offer."
        )
        self._buttons()

    def make_offer(self, _=None):
        """Send the package in the dropdowns as your offer."""
        try:
            package = self._offer()
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self._act(lambda s: s.offer(package))

    def _playing(self):
        if self._table.session.finished:
            self.status.value = message("This negotiation is over: start a new one.", ok=False)
            return None
        return self._table.session

    def _bot_offers(self, offer):
        return f"Marlow offers {_package_text(offer)}"

    def _show_history(self):
        said = dict(self._table.session.remarks)
        rows = "".join(
            f"<tr><td>{round_}</td><td>{'you' if who == 'you' else 'Marlow'}</td>"
            f"<td>{escape(_package_text(offer))}</td><td>{self._worth_of(offer)[0]:g}</td>"
            f"<td>{escape(said.get(round_, '') if who != 'you' else '')}</td></tr>"
            for round_, who, offer in self._table.session.history
        )
        self.history.value = (
            "<table><tr><th>round</th><th>who</th><th>offer</th><th>your profit</th>"
            "<th>what Marlow said</th></tr>"
            f"{rows}</table>"
        )
        session = self._table.session
        path = [self._worth_of(o) for _, who, o in session.history if who == "you"]
        deal = None if session.agreement is None else self._worth_of(session.agreement)
        self.chart.value = frontier_picture(
            self._points,
            self._frontier,
            path,
            deal=deal,
            x_title="your profit (k€)",
            path_name="your offers",
        )

    def _buttons(self):
        session = self._table.session
        self.send_offer.disabled = self.walk.disabled = self.walk_out.disabled = session.finished
        self.accept.disabled = session.finished or session.bot_offer is None
        # a talk under way ends only by a deal, a walk-away or Marlow's leaving, so that
        # Marlow remembers every negotiation that began (section 6)
        self.start.disabled = bool(session.history) and not session.finished

    def _end(self):
        """After the end only: the scored outcome and what moved it, against your plan."""
        outcome = self._table.outcome()
        plan = dict(self.plan)
        if plan["opening"] is not None:
            plan["opening_profit"] = self._worth_of(plan["opening"])[0]
        if plan["steps"]:
            plan["step_worths"] = [self._worth_of(step) for step in plan["steps"]]
        case = self.case
        facts = {
            "quell": self._quell,
            "if_quell": case.reservation_if_quell,
            "if_not": case.reservation_if_not,
            "prior": case.quell_prior,
            "posterior": quell_posterior(case),
            "your_best": best_profit(case),
            "their_best": best_points(case),
            "your_alternative": alternative_of(case),
            "margin": ALTERNATIVES_MARGIN,
            "answered": answered(case, self.plan["reservation"], self._beliefs),
        }
        lines = debrief(outcome, plan, facts)
        self.result.value = (
            "<b>Debrief</b><ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
        )
        self.status.value = message("Negotiation over. Start a new one to try another plan.")


def target_in_state(case, steps, reservation, quell):
    """Section 5's target for one state of Quell, half-way through Tallis's own range, a
    course convention (review 102 E1: not module 02's even split, which is the Nash split
    of a pie both sides measure in one unit; review 68 C1, C2): the zone runs from ``reservation`` up to the estimate,
    the most profit a package leaves you while giving Marlow its reservation price for that
    state (its higher one if Quell has capacity), whatever the opening; the target is the
    planned package nearest the zone's middle, the even split, at or above it, among the
    planned packages Marlow would accept in that state.

    Returns a dict: ``estimate`` (``None`` when no package leaves you more than
    ``reservation`` in that state: no zone, no target), ``even`` (the even split), ``band``
    (its top, ``TARGET_SHARE`` of the way up: three quarters by module 02's rule),
    ``target`` (a profit, or ``None`` when no planned package at or above the even split
    gives Marlow enough) and ``step`` (its index in ``steps``).
    """
    need = case.reservation_if_quell if quell else case.reservation_if_not
    profits = [package_points(package, case.yours) for package in steps]
    points = [package_points(package, case.theirs) for package in steps]
    found = [row[1] for row in frontier_rows(case) if row[2] >= need]
    estimate = max(found, default=None)
    if estimate is None or estimate <= reservation + 1e-9:
        return {"estimate": None, "even": None, "band": None, "target": None, "step": None}
    even = reservation + EVEN_SPLIT_SHARE * (estimate - reservation)
    band = reservation + TARGET_SHARE * (estimate - reservation)
    above = [
        (profit, k)
        for k, (profit, given) in enumerate(zip(profits, points, strict=True))
        if given >= need and profit >= even - 1e-9
    ]
    target, step = min(above) if above else (None, None)
    return {"estimate": estimate, "even": even, "band": band, "target": target, "step": step}


def target_words(found, quell):
    """``target_in_state``'s result for one state of Quell, in words for the plan line."""
    state = "if Quell has capacity" if quell else "if Quell has no capacity"
    if found["estimate"] is None:
        return (
            f"{state}: none, since no package Marlow could accept then leaves you more than "
            "your reservation price, so walk away politely"
        )
    split = (
        f"{found['even']:g}, half-way through your own range (a course convention), from your "
        f"reservation price to {found['estimate']:g}, your best profit on a package Marlow "
        "could accept then"
    )
    if found["target"] is None:
        return (
            f"{state}: none, since no planned package Marlow could accept then lies at or "
            f"above {split}"
        )
    if found["step"] == 0:
        where = "your opening itself, the only planned package at or above"
    else:
        where = "the planned package nearest at or above"
    text = f"{state}: a profit of {found['target']:g}, {where} {split}"
    if found["target"] > found["band"] + 1e-9:
        text += ", more than three quarters of the way up, since your plan jumps past that"
    return text
