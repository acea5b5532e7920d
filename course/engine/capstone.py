"""The capstone negotiation on the engine: Tallis (a person) sells to Marlow (a bot) on the
four issues of a learner's case, then the outcome is scored and debriefed.

Marlow's walk-away is drawn when a table opens, from what Tallis's research says (Quell
has capacity or not, after the rush request), and lives only inside the engine's
``PersonSession``: nothing public on the table or the session holds it until the end.
"""

import random

from course.engine.analysis import analyse
from course.engine.domain import BUYER, SELLER, multi_issue_negotiation
from course.engine.session import PersonSession
from course.models.capstone import concessions_answered, share_kept, value_created
from course.models.concessions import all_packages, package_points
from course.scenarios.capstone import expected_walkaway, quell_posterior, reservation_of

#: The styles Marlow may negotiate in.
STYLES = ("boulware", "linear", "conceder", "tit-for-tat")

#: Rounds at the table: each is an offer from you and an answer from Marlow.
ROUNDS = 8


def _negotiation(case, marlow_walkaway):
    """The case as an engine negotiation: Tallis's profit and Marlow's points per level."""
    sides = {SELLER: case.yours, BUYER: case.theirs}
    return multi_issue_negotiation(
        case.issues,
        scores=sides,
        weights={side: dict.fromkeys(case.issues, 1) for side in sides},
        reservations={SELLER: reservation_of(case), BUYER: marlow_walkaway},
        rounds=ROUNDS,
    )


class Table:
    """One negotiation with Marlow in ``style``; ``rng`` draws whether Quell has capacity
    (a fresh random one by default). You open; Marlow answers each offer."""

    def __init__(self, case, style, rng=None):
        if style not in STYLES:
            raise ValueError(f"pick Marlow's style from {', '.join(STYLES)}, got {style!r}")
        self.case, self.style = case, style
        quell = (rng or random.SystemRandom()).random() < quell_posterior(case)
        walkaway = case.walkaway_if_quell if quell else case.walkaway_if_not
        self.session = PersonSession(
            _negotiation(case, walkaway), person=SELLER, bot=style, first="person"
        )

    def points(self, package):
        """A package's worth: your profit, and Marlow's points as your research has them."""
        return package_points(package, self.case.yours), package_points(package, self.case.theirs)

    def outcome(self):
        """The scored outcome, only once the negotiation is over (it reveals Marlow's side)."""
        session = self.session
        result = session.result()
        summary = analyse(result)
        case = self.case
        marlow_walkaway = result.negotiation.preferences[BUYER].reservation
        moves = [
            ("you" if who == "you" else "them", package_points(offer, case.yours))
            for _, who, offer in session.history
        ]
        accepted = result.ended_by == "agreement" and result.by_side == BUYER
        packages = all_packages(case.yours, case.theirs)
        deal = None if session.agreement is None else self.points(session.agreement)
        created = (
            None
            if deal is None
            else value_created(
                deal, [(a, b) for _, a, b in packages], (reservation_of(case), marlow_walkaway)
            )
        )
        return {
            "ended_by": result.ended_by,
            "round": result.round,
            "agreement": session.agreement,
            "your_profit": summary["seller_utility"],
            "claimed": summary["seller_gain"],
            "zone_share": summary["seller_zopa_share"],
            "zone_existed": summary["zopa_exists"],
            "their_points": None if deal is None else deal[1],
            "created": created,
            "concessions": concessions_answered(moves, accepted),
            "opening": session.history[0][2] if session.history else None,
            "quell": marlow_walkaway == case.walkaway_if_quell,
            "marlow_walkaway": marlow_walkaway,
            "expected_walkaway": expected_walkaway(case),
            "reservation": reservation_of(case),
            "offers": [self.points(offer) for _, _, offer in session.history],
        }


def debrief(case, outcome, plan):
    """What moved the outcome, in sentences, set against the learner's ``plan`` (from
    ``course.models.capstone.read_plan``) for ``case``."""
    lines = []
    profit, mine = outcome["your_profit"], plan["reservation"]
    if outcome["agreement"] is None:
        lines.append(
            f"No deal ({outcome['ended_by']}): you fall back on your BATNA."
            + (
                " A zone existed, so value was left on the table."
                if outcome["zone_existed"]
                else " No package suited both sides, so no deal was the right result."
            )
        )
    else:
        share = outcome["zone_share"]
        lines.append(
            f"Deal in round {outcome['round']}: profit {profit:g}, "
            + (
                f"{outcome['claimed']:g} over your true walk-away"
                + (f", {share:.0%} of the zone." if share is not None else ".")
                if outcome["claimed"] >= 0
                else f"{-outcome['claimed']:g} below your true walk-away: worse than your BATNA."
            )
        )
        if mine is not None:
            lines.append(
                f"Your plan said walk away below {mine:g}: the deal is "
                + ("above it, as planned." if profit >= mine else "below it: it broke your plan.")
            )
    lines.append(
        "Alternatives: Quell "
        + ("had" if outcome["quell"] else "had no")
        + f" capacity, so Marlow's walk-away was {outcome['marlow_walkaway']:g} of its points "
        f"(you expected {outcome['expected_walkaway']:.1f}). "
        + (
            "Its strong alternative was its leverage over you."
            if outcome["quell"]
            else "Its weak alternative was your leverage: the rush request told you so."
        )
    )
    opening = outcome["offers"][0][0] if outcome["offers"] else None
    if plan["opening"] is not None and opening is not None:
        planned = package_points(plan["opening"], case.yours)
        lines.append(
            f"Anchoring: you planned to open at {planned:g} of profit and opened at {opening:g}."
        )
    if opening is not None and outcome["agreement"] is not None:
        kept = share_kept(profit, opening, outcome["reservation"])
        if kept is not None and kept >= 0:
            lines.append(
                f"The deal kept {kept:.0%} of the room between your walk-away and your opening."
            )
    created = outcome["created"]
    if created is not None:
        lines.append(
            "Value created: "
            + (
                "the deal is on the Pareto frontier."
                if created["on_frontier"]
                else f"{created['better_for_both']} package(s) were better for both of you."
            )
            + (
                f" Joint gain {created['joint_gain']:g} of the {created['best_joint_gain']:g} "
                "the best package could give."
                if created["best_joint_gain"] is not None
                else ""
            )
        )
    unanswered = [c for c in outcome["concessions"] if not c["answered"]]
    count = len(outcome["concessions"])
    lines.append(
        "Concessions: you made none after your opening."
        if not count
        else f"Concessions: you made {count}; "
        + (
            "every one got something back."
            if not unanswered
            else f"{len(unanswered)} got nothing back (costing you "
            f"{sum(c['cost'] for c in unanswered):g} of profit)."
        )
    )
    notes = plan["notes"]
    if notes:
        lines.append("Your plan is not complete (" + "; ".join(notes) + "): finish it to compare.")
    return lines
