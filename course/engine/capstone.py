"""The capstone's table on the engine: a person sells on several issues to a bot buyer,
then the outcome is measured (``course.engine.debrief``) and debriefed in sentences.

The table takes an engine ``Negotiation`` (the scenario turns its case into one: see
``course.scenarios.capstone.contract_negotiation``) and a style, and knows nothing of
the case. The buyer's walk-away, style, own deadline and memory live only inside the
engine's ``PersonSession``: nothing public on the table or the session holds them until
the end.
"""

import random

from course.engine.analysis import analyse
from course.engine.bots import STYLES as COUNTERPARTS
from course.engine.debrief import (
    achievable,
    bot_moves,
    conceded_issues,
    concessions,
    style_evidence,
    value_created,
)
from course.engine.domain import BUYER, SELLER
from course.engine.session import PersonSession

#: The styles the buyer may negotiate in.
STYLES = tuple(COUNTERPARTS)

#: Rounds at the table at most: each is an offer from you and an answer from the buyer.
ROUNDS = 8

#: The buyer stops making offers up to this many rounds before the limit (drawn).
EARLY_STOP = 2


class Table:
    """One negotiation: you sell ``negotiation`` (its seller side) to a bot buyer of
    ``style``; ``rng`` draws the buyer's own deadline (a fresh random one by default);
    ``memory`` is the buyer's ``Memory`` of you, if you have met before. You open."""

    def __init__(self, negotiation, style, rng=None, memory=None):
        if style not in STYLES:
            raise ValueError(f"pick the buyer's style from {', '.join(STYLES)}, got {style!r}")
        rng = rng or random.SystemRandom()
        deadline = negotiation.rounds - 1 - rng.randrange(EARLY_STOP + 1)
        self.style = style
        self.session = PersonSession(
            negotiation,
            person=SELLER,
            bot=style,
            first="person",
            bot_deadline=max(1, deadline),
            memory=memory,
        )

    def outcome(self):
        """The measured outcome, only once the negotiation is over (it reveals the
        buyer's side): how it ended, your profit and share of the zone, the value
        created on each side's own scale, your concessions and what each bought, the
        best deal the buyer would have taken, what it conceded and its style."""
        session = self.session
        result = session.result()
        summary = analyse(result)
        moved, held = conceded_issues(result, SELLER)
        return {
            "ended_by": result.ended_by,
            "by_you": result.by_side == SELLER,
            "said": result.said,
            "round": result.round,
            "agreement": session.agreement,
            "your_profit": summary["seller_utility"],
            "claimed": summary["seller_gain"],
            "zone_share": summary["seller_zopa_share"],
            "zone_existed": summary["zopa_exists"],
            "created": value_created(result),
            "concessions": concessions(result, SELLER),
            "achievable": achievable(result, SELLER),
            "moved": moved,
            "held": held,
            "style": self.style,
            "bot_moves": bot_moves(result, SELLER),
            "their_walkaway": result.negotiation.preferences[BUYER].reservation,
            "reservation": result.negotiation.preferences[SELLER].reservation,
            "offers": [(who, session.utility(offer)) for _, who, offer in session.history],
        }


def debrief(outcome, plan, facts):
    """What moved the outcome, in sentences, set against the learner's ``plan`` (from
    ``course.models.capstone.read_plan``: ``reservation`` and the opening's profit as
    ``opening_profit``) and the case's ``facts``: ``quell`` (whether Marlow's other
    supplier had capacity) and ``expected_walkaway`` (what the research predicted)."""
    lines = [_agreement(outcome, plan)]
    lines.append(
        "Alternatives: Quell "
        + ("had" if facts["quell"] else "had no")
        + f" capacity, so Marlow's walk-away was {outcome['their_walkaway']:g} of its points "
        f"(you expected {facts['expected_walkaway']:.1f}). "
        + (
            "Its strong alternative was its leverage over you."
            if facts["quell"]
            else "Its weak alternative was your leverage: the rush request told you so."
        )
    )
    opening = next((worth for who, worth in outcome["offers"] if who == "you"), None)
    if plan.get("opening_profit") is not None and opening is not None:
        lines.append(
            f"Anchoring: you planned to open at {plan['opening_profit']:g} of profit and "
            f"opened at {opening:g}."
        )
    lines.append(_revealed(outcome))
    created = outcome["created"]
    if created is not None:
        lines.append(
            "Value created, each side counted from its walk-away (0) to its best package "
            f"(1): you {created['shares'][SELLER]:.2f}, Marlow {created['shares'][BUYER]:.2f}, "
            f"together {created['joint']:.2f} of the {created['best_joint']:.2f} the best "
            "package could give; "
            + (
                "the deal is on the Pareto frontier."
                if created["on_frontier"]
                else f"{created['better_for_both']} package(s) were better for both of you."
            )
        )
    lines.append(_reciprocity(outcome["concessions"]))
    best = outcome["achievable"]
    if best is not None:
        lines.append(
            f"Achievable: Marlow would have accepted a profit of {best['utility']:g} for you "
            f"in round {best['round']}"
            + (
                ", which is what you got."
                if outcome["agreement"] is not None and best["utility"] <= outcome["your_profit"]
                else "."
            )
        )
    lines.append(
        f"Marlow's style was {outcome['style']}: "
        + style_evidence(outcome["bot_moves"], COUNTERPARTS[outcome["style"]][0])
    )
    notes = plan["notes"]
    if notes:
        lines.append("Your plan is not complete (" + "; ".join(notes) + "): finish it to compare.")
    return lines


def _agreement(outcome, plan):
    profit, mine = outcome["your_profit"], plan["reservation"]
    if outcome["agreement"] is None:
        if outcome["ended_by"] == "walk away" and not outcome["by_you"]:
            how = f"Marlow walked away in round {outcome['round']}: “{outcome['said']}”"
        elif outcome["ended_by"] == "walk away":
            how = f"You walked away in round {outcome['round']}."
        else:
            how = "The talks ran out of time."
        return f"No deal. {how} You fall back on your BATNA." + (
            " A zone existed, so value was left on the table."
            if outcome["zone_existed"]
            else " No package suited both sides, so no deal was the right result."
        )
    share = outcome["zone_share"]
    claimed = outcome["claimed"]
    if claimed > 0:
        text = f"{claimed:g} over your true walk-away" + (
            f", {share:.0%} of the zone." if share is not None else "."
        )
    elif claimed == 0:
        text = "exactly your walk-away: no gain over your BATNA."
    else:
        text = f"{-claimed:g} below your true walk-away: worse than your BATNA."
    line = f"Deal in round {outcome['round']}: profit {profit:g}, {text}"
    if mine is not None:
        line += f" Your plan said walk away below {mine:g}: the deal is " + (
            "at or above it, as planned." if profit >= mine else "below it: it broke your plan."
        )
    return line


def _revealed(outcome):
    moved, held = outcome["moved"], outcome["held"]
    if not moved:
        return "Marlow's offers never moved after its opening, so they revealed little."
    return (
        f"Marlow gave ground first on {_names(moved)}"
        + (f" and never on {_names(held)}" if held else "")
        + ": a side concedes first where it cares least, so what it held is what it needs most."
    )


def _names(issues):
    return issues[0] if len(issues) == 1 else ", ".join(issues[:-1]) + " and " + issues[-1]


def _reciprocity(found):
    if not found:
        return "Concessions: you made none after your opening."
    silent = sum(1 for c in found if c["into_silence"])
    free = [c for c in found if not c["answered"]]
    text = f"Concessions: you made {len(found)}; "
    if not free:
        text += "every one got something back that Marlow would not have given otherwise."
    else:
        text += (
            f"{len(free)} got nothing back that Marlow would not have given anyway "
            f"(costing you {sum(c['cost'] for c in free):g} of profit)."
        )
    if silent:
        text += f" {silent} came after Marlow had not moved: concessions into silence."
    return text
