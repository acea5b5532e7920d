"""The capstone's table on the engine: a person sells on several issues to a bot buyer,
then the outcome is measured (``course.engine.debrief``) and debriefed in sentences.

The table takes an engine ``Negotiation`` (the scenario turns its case into one: see
``course.scenarios.capstone.contract_negotiation``) and a style, and knows nothing of
the case. The buyer's walk-away, style, own deadline and memory live only inside the
engine's ``PersonSession``: nothing public on the table or the session holds them until
the end.
"""

import copy
import math
import random

from course.engine.analysis import analyse
from course.engine.bots import (
    PATIENCE_PER_TRUST,
    REMARKS,
    TRUST_CHANGE,
    TRUST_PER_INSULT,
    TRUST_PER_RETRACTION,
    TRUST_START,
    make_bot,
)
from course.engine.bots import STYLES as COUNTERPARTS
from course.engine.debrief import (
    achievable,
    bot_moves,
    concessions,
    read_style,
    replay,
    style_evidence_present,
    value_created,
)
from course.engine.domain import BUYER, SELLER
from course.engine.session import PersonSession
from course.pictures import counted

#: The styles the buyer may negotiate in.
STYLES = tuple(COUNTERPARTS)

#: Rounds at the table at most: each is an offer from you and an answer from the buyer.
ROUNDS = 8

#: The buyer stops making offers up to this many rounds before the limit (drawn).
EARLY_STOP = 2

#: The rounds (counted from 1) in which the buyer can make its final offer: the last
#: round's answer never comes, so it is one of the ``EARLY_STOP + 1`` rounds before it.
FINAL_ROUNDS = tuple(range(ROUNDS - 1 - EARLY_STOP, ROUNDS))

#: Each style in plain words, for the debrief.
STYLE_WORDS = {
    "boulware": "Boulware: it holds firm and gives most of its ground near its own deadline",
    "linear": "linear: it gives about the same step every round",
    "conceder": "Conceder: it gives most of its ground early and soon tires of waiting",
    "tit-for-tat": "tit-for-tat: it moves mainly when you do, and not after a step back",
}

#: How the bot remembers an ending (``course.engine.session``), in words.
ENDINGS = {
    "deal": "a deal",
    "polite walk-away": "a polite walk-away with the door left open",
    "walk-out": "a walk-out that slammed the door",
    "it left": "its leaving when its patience ran out",
    "deadline": "talks that ran out of time (Marlow reached its own deadline)",
}


def first_answer(bot, opening):
    """What ``bot`` (as it starts a negotiation) answers to the opening ``opening`` (an
    outcome index), on a copy: ``("accept", opening)`` or ``("offer", index)``."""
    bot = copy.deepcopy(bot)
    if bot.respond(0, opening):
        return ("accept", opening)
    return ("offer", bot.propose(0))


class Table:
    """One negotiation: you sell ``negotiation`` (its seller side) to a bot buyer of
    ``style``; ``rng`` draws the buyer's own deadline (a fresh random one by default);
    ``memory`` is the buyer's ``Memory`` of you, if you have met before (the session adds
    this negotiation to it when it ends). You open."""

    def __init__(self, negotiation, style, rng=None, memory=None):
        if style not in STYLES:
            raise ValueError(f"pick the buyer's style from {', '.join(STYLES)}, got {style!r}")
        rng = rng or random.SystemRandom()
        deadline = negotiation.rounds - 1 - rng.randrange(EARLY_STOP + 1)
        self.style = style
        self._memory = memory
        self._trust_before = TRUST_START if memory is None else memory.trust
        self._met = 0 if memory is None else len(memory.encounters)
        self.session = PersonSession(
            negotiation,
            person=SELLER,
            bot=style,
            first="person",
            bot_deadline=max(1, deadline),
            memory=memory,
        )

    def next_first_answer(self, opening):
        """Once the negotiation is over: what a Marlow of the same style, with Quell in
        the same state and the trust it now has in you, would answer to ``opening`` (an
        outcome index), as ``first_answer`` gives it; ``None`` without a memory."""
        if self._memory is None:
            return None
        result = self.session.result()
        started = result.counterparts[BUYER]
        bot = make_bot(
            self.style,
            result.negotiation,
            BUYER,
            deadline=started.deadline,
            memory=copy.deepcopy(self._memory),
        )
        return first_answer(bot, opening)

    def outcome(self):
        """The measured outcome, only once the negotiation is over (it reveals the
        buyer's side): how it ended, your profit and share of the zone, the value
        created on each side's own scale, your concessions and what each bought, the
        best deal the buyer would have taken, how it moved on each issue, its style and
        what it will remember."""
        session = self.session
        result = session.result()
        summary = analyse(result)
        negotiation = result.negotiation
        buyer = negotiation.preferences[BUYER].utilities

        def their_points(offer):
            return buyer[negotiation.index_of(offer)]

        memory = self._memory
        opening = next((i for _, who, i in result.history if who == SELLER), None)
        own = negotiation.preferences[SELLER].utilities

        def answer(kind_index):
            kind, index = kind_index
            return {"kind": kind, "index": index, "profit": own[index]}

        replayed = (
            None
            if memory is None or opening is None
            else {
                "opening": own[opening],
                "before": answer(first_answer(result.counterparts[BUYER], opening)),
                "after": answer(self.next_first_answer(opening)),
            }
        )
        return {
            "ended_by": result.ended_by,
            "by_you": result.by_side == SELLER,
            "polite": result.polite is not False,
            "said": result.said,
            "round": result.round,
            # review 61, U2: whether Marlow had said its offer was final before the end
            "final_heard": any(REMARKS["final"] in (said or "") for _, said in session.remarks),
            "agreement": session.agreement,
            "your_profit": summary["seller_utility"],
            "claimed": summary["seller_gain"],
            "zone_share": summary["seller_zopa_share"],
            "zone_existed": summary["zopa_exists"],
            "created": value_created(result),
            "concessions": concessions(result, SELLER),
            "achievable": best_on_offer(result),
            "anchor": anchor_pull(result),
            "issues": issue_moves(result),
            "style": self.style,
            "bot_moves": bot_moves(result, SELLER),
            "their_walkaway": result.negotiation.preferences[BUYER].reservation,
            "reservation": result.negotiation.preferences[SELLER].reservation,
            "offers": [(who, session.utility(offer)) for _, who, offer in session.history],
            "your_offers": [
                (round_, offer, session.utility(offer), their_points(offer))
                for round_, who, offer in session.history
                if who == "you"
            ],
            "floor_before": floor_before(session.history, session.remarks),
            "memory": None
            if memory is None or not memory.encounters
            else {
                "met": self._met,
                "ending": memory.encounters[-1].ending,
                "insults": memory.encounters[-1].insults,
                "retractions": memory.encounters[-1].retractions,
                "trust_before": self._trust_before,
                "trust_after": memory.trust,
                "first_answers": replayed,
            },
        }


#: Section 5's row for a stall (Osgood's GRIT): after this many of Marlow's replies in a
#: row that did not move, one small planned step is allowed, none more until it moves.
STALLED_REPLIES = 2

#: Review 104 C1: section 5's "it moved" row steps only when Marlow's offer gives you at
#: least this share of what your step costs (each step gets something back); a smaller
#: move counts as a reply without a move. Defined here, once, for question 8's key
#: (``course.scenarios.capstone`` imports it), the debrief and the course's trials.
#: Review 106 E2: it was 0.5, so a move worth half a step got the whole step (a trade
#: ratio of 0.5, against module 04's "at least 1 for every give"); a move must now give
#: you at least what your step costs.
MOVE_SHARE = 1.0


def _step_size(mine, worth, plan):
    """The step your offer worth ``worth`` answers with, after your last offer ``mine``:
    its cost when it concedes; when it holds, what the plan's next step from it would cost
    (``plan``: the profits of its packages), 0 when there is none or no plan."""
    if mine is not None and worth < mine - 1e-9:
        return mine - worth
    below = [p for p in plan or () if p < worth - 1e-9]
    return worth - max(below) if below else 0.0


def is_move(gain, step):
    """Whether a reply of Marlow's worth ``gain`` more to you than its offer before counts
    as a move against a step of yours costing ``step``: more than nothing and at least
    ``MOVE_SHARE`` of the step (exactly that counts, as question 8 accepts both moves)."""
    return gain > 1e-9 and gain >= MOVE_SHARE * step - 1e-9


def _replies(offers, plan):
    """For each of your offers in ``offers`` (``(who, your profit)`` pairs in order): the
    step it makes (``_step_size``) and the gains of Marlow's replies since your last step
    of the ones before it (``None`` for Marlow's first offer, which has none before it)."""
    rows, since, last, mine = [], [], None, None
    for who, worth in offers:
        if who == "you":
            rows.append((_step_size(mine, worth, plan), list(since)))
            if mine is not None and worth < mine - 1e-9:
                since = []  # a step of yours starts the count again
            mine = worth
        else:
            since.append(None if last is None else worth - last)
            last = worth
    return rows


def stalled_before(offers, plan=None):
    """For each of your offers in ``offers`` (``(who, your profit)`` pairs in order), how
    many of Marlow's replies in a row just before it were no move (``is_move``, against
    the step that offer makes, ``_step_size`` with ``plan``), counted since Marlow last
    moved or you last made a step."""
    counts = []
    for step, gains in _replies(offers, plan):
        run = 0
        for gain in reversed(gains):
            if gain is None or is_move(gain, step):
                break
            run += 1
        counts.append(run)
    return counts


def moved_before(offers, plan=None):
    """For each of your offers in ``offers`` (``(who, your profit)`` pairs in order),
    whether Marlow's latest reply before it was a move (``is_move``, as in
    ``stalled_before``)."""
    return [
        bool(gains) and gains[-1] is not None and is_move(gains[-1], step)
        for step, gains in _replies(offers, plan)
    ]


def small_moves(offers, plan=None):
    """For each of your offers in ``offers``, whether Marlow's latest reply before it did
    improve on its offer before, but by less than ``MOVE_SHARE`` of that offer's step: a
    move that section 5 counts as none."""
    return [
        bool(gains) and gains[-1] is not None and gains[-1] > 1e-9 and not is_move(gains[-1], step)
        for step, gains in _replies(offers, plan)
    ]


def floor_before(history, remarks):
    """For each of your offers in ``history`` (``(round, who, offer)``), whether Marlow's
    latest offer before it came with its words that it can't give more on its own offer
    (``remarks``: ``(round, what it said)``, an offer's words first in their round)."""
    words = {}
    for round_, said in remarks:
        words.setdefault(round_, said)
    flags, floor = [], False
    for round_, who, _ in history:
        if who == "you":
            flags.append(floor)
        else:
            floor = REMARKS["floor_package"] in (words.get(round_) or "")
    return flags


def best_on_offer(result):
    """The best outcome for you (the seller) that the buyer would have agreed to: the
    better of what it would have accepted at one of your turns (``achievable``) and its
    own best offer, as ``{"offer", "utility", "round", "its_offer"}`` (``its_offer``:
    the buyer offered it itself); ``None`` when neither exists."""
    negotiation = result.negotiation
    own = negotiation.preferences[SELLER].utilities
    best = achievable(result, SELLER)
    if best is not None:
        best = dict(best, its_offer=False)
    for round_, who, index in result.history:
        if who != SELLER and (best is None or own[index] > best["utility"] + 1e-9):
            best = {
                "offer": negotiation.public(index),
                "utility": own[index],
                "round": round_,
                "its_offer": True,
            }
    return best


def anchor_pull(result):
    """How your first offer pulled the buyer's first answer: its worth to you, against its
    worth in a replay of the same buyer where you had opened with your most modest
    package instead (the one best for the buyer among those at or above your reservation
    price): ``{"actual", "modest"}`` in your utility; ``None`` when either answer was not
    an offer."""
    negotiation = result.negotiation
    own = negotiation.preferences[SELLER]
    theirs = negotiation.preferences[BUYER].utilities
    history = result.history
    if len(history) < 2 or history[0][1] != SELLER:
        return None
    fitting = [i for i, u in enumerate(own.utilities) if u >= own.reservation - 1e-9]
    if not fitting:
        return None
    modest = max(fitting, key=lambda i: (theirs[i], own.utilities[i]))
    kind, index = replay(result, SELLER, [modest])
    if kind != "offer":
        return None
    return {"actual": own.utilities[history[1][2]], "modest": own.utilities[index]}


def issue_moves(result):
    """How the buyer moved on each issue, counted from its own best level (scores are
    additive, so an issue's levels can be ranked on their own): ``opened`` the issues
    its first offer already put below its best level, ``later`` those it moved on only
    after its opening, ``held`` those it kept at its best level in every offer; each a
    list of issue names in the contract's order. ``None`` when it made no offer."""
    negotiation = result.negotiation
    utilities = negotiation.preferences[BUYER].utilities
    offers = [negotiation.outcomes[i] for _, who, i in result.history if who != SELLER]
    if not offers:
        return None
    base = negotiation.outcomes[0]
    found = {"opened": [], "later": [], "held": []}
    for at, issue in enumerate(negotiation.issues):

        def worth(level, at=at):
            other = (*base[:at], level, *base[at + 1 :])
            return utilities[negotiation.outcomes.index(other)]

        top = max(worth(level) for level in issue.levels)
        below = [worth(offer[at]) < top - 1e-9 for offer in offers]
        kind = "opened" if below[0] else "later" if any(below) else "held"
        found[kind].append(issue.name)
    return found


def debrief(outcome, plan, facts):
    """What moved the outcome, in sentences, set against the learner's ``plan`` (from
    ``course.models.capstone.read_plan``: ``reservation``, the packages of the concession
    plan as ``steps``, what each is worth as ``step_worths`` (``(your profit, Marlow's
    points)`` pairs) and the opening's profit as ``opening_profit``) and the case's ``facts``: ``quell`` (whether Marlow's other
    supplier had capacity), ``if_quell`` and ``if_not`` (Marlow's two possible
    reservation prices by the research), ``prior`` and ``posterior`` (the chance of Quell
    before and after the rush request), ``your_best`` and ``their_best`` (each side's score
    for its best package: your profit in k€, Marlow's points), ``your_alternative`` (your
    alternative after the letter's decision, in k€, without Marlow's audit) and ``margin``
    (question 4's margin between the two shares). The stronger alternative is the side
    whose alternative (Marlow's: its reservation price) is the larger share of its best by
    at least ``margin``, as question 4 rates it; inside the margin the two are about even.
    With ``answered`` false in ``facts`` (the learner's questions 2 and 3 do not pass on
    their own case yet), every line that would show the true reservation price or the
    chance of Quell is held back (``_held_back``)."""
    if not facts.get("answered", True):
        return _held_back(outcome, plan)
    lines = [_agreement(outcome, plan), _alternatives(outcome, facts)]
    lines += _opening(outcome, plan)
    pull = outcome["anchor"]
    if pull is not None:
        gained = pull["actual"] - pull["modest"]
        lines.append(
            f"Anchoring: Marlow's first answer gave you a profit of {pull['actual']:g}; had "
            "you opened with your most modest package instead (the best for Marlow at your "
            f"reservation price or above), the same Marlow would have answered with "
            f"{pull['modest']:g}: "
            + (
                f"your opening pulled its first answer {gained:g} your way."
                if gained > 0
                else "your opening did not pull its first answer your way."
            )
        )
    if plan.get("step_worths") and outcome["your_offers"]:
        lines.append(_against_plan(outcome["your_offers"], plan["step_worths"]))
    if outcome["issues"] is not None:
        lines.append(_revealed(outcome["issues"]))
    if outcome["created"] is not None:
        lines[0] += _gains(outcome["created"])
        lines.append(_created(outcome["created"]))
    lines.append(
        _reciprocity(
            outcome["concessions"], _stalls(outcome, plan), bool(outcome.get("your_offers"))
        )
    )
    if outcome["achievable"] is not None:
        lines.append(_achievable(outcome))
    lines.append(_style(outcome))
    if outcome.get("memory") is not None:
        lines.append(_remembers(outcome["memory"]))
    notes = plan["notes"]
    if notes:
        lines.append("Your plan is not complete (" + "; ".join(notes) + "): finish it to compare.")
    return lines


#: What the debrief holds back until questions 2 and 3 pass, and why.
HELD_BACK = (
    "Held back until questions 2 and 3 pass their checks on your case: how the outcome "
    "compares with your true reservation price (the gain, the value created, what was "
    "achievable, whether a zone existed, the anchoring replay) and Marlow's alternative "
    "with your chance of Quell, since each would give away those answers. Sit down again "
    "once they pass."
)


def _held_back(outcome, plan):
    """The debrief without a line that rests on the true reservation price or the chance
    of Quell: the result, the opening, what Marlow revealed, the concessions (without the
    note on a zone), its style and memory, and why the rest waits."""
    if outcome["agreement"] is None:
        who = "Marlow" if not outcome["by_you"] else "you"
        result = (
            f"No deal: {who} walked away in round {outcome['round']}."
            if outcome["ended_by"] == "walk away"
            else "No deal: the talks ran out of time."
        )
    else:
        result = f"Deal in round {outcome['round']}: profit {outcome['your_profit']:g}."
    lines = [result]
    lines += _opening(outcome, plan)
    if plan.get("step_worths") and outcome["your_offers"]:
        lines.append(_against_plan(outcome["your_offers"], plan["step_worths"]))
    if outcome["issues"] is not None:
        lines.append(_revealed(outcome["issues"]))
    stalls = {**_stalls(outcome, plan), "held": None}
    lines.append(_reciprocity(outcome["concessions"], stalls, bool(outcome.get("your_offers"))))
    lines.append(_style(outcome))
    if outcome.get("memory") is not None:
        lines.append(_remembers(outcome["memory"], shown=False))
    if plan["notes"]:
        lines.append("Your plan is not complete (" + "; ".join(plan["notes"]) + "): finish it.")
    return [*lines, HELD_BACK]


def _created(created):
    """Review 88 E1: the verdict on value created is the frontier test (whether some package
    was at least as good for both sides and better for one, and how many). Review 90 U1:
    it is the whole line; the two gains went to the value-claimed line (``_gains``)."""
    if created["on_frontier"]:
        return (
            "Value created: the deal is on the Pareto frontier, so no package was at least "
            "as good for both of you and better for one."
        )
    return (
        "Value created: the deal is below the Pareto frontier; the table had "
        f"{counted(created['better_for_both'], 'package')} at least as good for both of you "
        "and better for one."
    )


def _gains(created):
    """Review 90 U1: the value claimed on each side's own scale, side by side, from its
    reservation price (0) to its best package (1); no sum, which moves along the frontier
    with the split and so says nothing about the value created."""
    text = (
        " Each side's gain, from its reservation price (0) to its best package (1): "
        f"you {created['shares'][SELLER]:.2f}, Marlow {created['shares'][BUYER]:.2f}"
    )
    if created["best_joint"] is None:
        text += ", though no package was worth more than its reservation price to both of you"
    return text + "."


def _alternatives(outcome, facts):
    before, after = facts["prior"], facts["posterior"]
    moved = "raised" if after > before else "lowered" if after < before else "left"
    theirs = outcome["their_walkaway"] / facts["their_best"]
    margin = facts["margin"]
    yours = facts["your_alternative"] / facts["your_best"]
    if abs(theirs - yours) < margin:
        verdict = (
            f"On shares alone (question 4's part (a)), within its margin of {margin:g}, "
            "the two alternatives were about even: neither side lost clearly less by "
            "walking away."
        )
    elif theirs > yours:
        verdict = (
            "By question 4's shares (a course convention, not a finding), Marlow's alternative was the stronger: "
            + (
                "Quell gave it a higher reservation price, and it lost less than you by walking away."
                if facts["quell"]
                else "even without Quell it lost less than you by walking away."
            )
        )
    else:
        verdict = (
            "Quell raised Marlow's reservation price, but by question 4's shares (a course convention, "
            "not a finding) your alternatives were still the stronger."
            if facts["quell"]
            else "Without Quell its alternative was, by question 4's shares (a course "
            "convention, not a finding), the weaker: that was your leverage."
        )
    return (
        "Alternatives: Quell "
        + ("had" if facts["quell"] else "had no")
        + f" capacity, so Marlow's reservation price was {outcome['their_walkaway']:g} of "
        f"its points; your research gave {facts['if_quell']:g} (chance {after:.2f}) or "
        f"{facts['if_not']:g} (chance {1 - after:.2f}). That is {theirs:.0%} of Marlow's "
        f"best against your alternative's {yours:.0%} of yours (your alternative after "
        f"the letter decision, without Marlow's supplier audit). {verdict}"
        # review 106 C5: question 4's alternatives row also weighs time, part (b)
        " Question 4's alternatives row also counts time (its part (b)), which this line leaves out."
        f" The rush request had {moved} the chance of Quell from {before:.2f} to {after:.2f}."
    )


def _plan_ran_out(outcome, plan):
    """Whether the plan's last step was on the table (one of your offers worth the same to
    both sides as it) and the most Marlow would accept stayed below your reservation
    price (``achievable``): then walking away was right by the plan."""
    worths, best = plan.get("step_worths"), outcome.get("achievable")
    if not worths or best is None:
        return False
    mine, theirs = worths[-1]
    offered = any(
        math.isclose(profit, mine) and math.isclose(points, theirs)
        for _, _, profit, points in outcome.get("your_offers") or []
    )
    return offered and best["utility"] < outcome["reservation"] - 1e-9


def _opening(outcome, plan):
    """The line comparing the opening planned with the opening made, when there are both."""
    opening = next((worth for who, worth in outcome["offers"] if who == "you"), None)
    if plan.get("opening_profit") is None or opening is None:
        return []
    return [
        f"Opening: you planned to open at {plan['opening_profit']:g} of profit and "
        f"opened at {opening:g}."
    ]


def _agreement(outcome, plan):
    profit, mine = outcome["your_profit"], plan["reservation"]
    if outcome["agreement"] is None:
        if outcome["ended_by"] == "walk away" and not outcome["by_you"]:
            how = f"Marlow walked away in round {outcome['round']}: “{outcome['said']}”"
        elif outcome["ended_by"] == "walk away":
            how = f"You walked away in round {outcome['round']}" + (
                ", leaving the door open." if outcome["polite"] else ", slamming the door."
            )
        else:
            how = "The talks ran out of time."
        return (
            f"No deal. {how} You fall back on your BATNA (Brenn's letter, if you signed it; "
            "otherwise your best alternative before the letter)."
            + (
                (
                    " A zone existed, but not on the path these talks took: your plan's last "
                    "step was on the table and the most Marlow would accept stayed below your "
                    "reservation price, so walking away was right by your plan."
                    if _plan_ran_out(outcome, plan)
                    else " A zone existed, so value was left on the table."
                )
                if outcome["zone_existed"]
                else " No package suited both sides, so no deal was the right result."
            )
        )
    share = outcome["zone_share"]
    claimed = outcome["claimed"]
    if claimed > 0:
        text = (
            f"{claimed:g} over your true reservation price (the one question 2's check accepts)"
            + (
                f", {share:.0%} of the most you could have gained (the best profit of any "
                "package worth at least Marlow's reservation price at this sitting, less "
                "your reservation price)."
                if share is not None
                else "."
            )
        )
    elif claimed == 0:
        text = "exactly your reservation price: no gain over your alternative."
    else:
        text = (
            f"{-claimed:g} below your true reservation price (the one question 2's check "
            "accepts): worse than your alternative."
        )
    line = f"Deal in round {outcome['round']}: profit {profit:g}, {text}"
    if mine is not None:
        line += f" Your plan said walk away below {mine:g}: the deal is " + (
            "at or above it, as planned." if profit >= mine else "below it: it broke your plan."
        )
    return line


def _against_plan(offers, worths):
    """Each of your ``offers`` (``(round, package, your profit, Marlow's points)``) set
    against the plan's ``worths`` (``(your profit, Marlow's points)`` of the opening and
    each step): an offer worth the same to both sides as a step is that step, whatever
    its levels, as question 7's check accepts any package worth the same to both."""
    reached = None
    parts = []
    for round_, _, profit, points in offers:
        at = next(
            (
                i
                for i, (mine, theirs) in enumerate(worths)
                if math.isclose(mine, profit) and math.isclose(theirs, points)
            ),
            None,
        )
        if at is None:
            label = "off your plan"
        else:
            label = "your opening" if at == 0 else f"your plan's step {at}"
            reached = at if reached is None else max(reached, at)
        parts.append(f"round {round_}, profit {profit:g}: {label}")
    return (
        f"Against your plan ({counted(len(worths) - 1, 'step')} after the opening): "
        + "; ".join(parts)
        + (
            ". None of your offers was your opening or a step of your plan."
            if reached is None
            else f". You went as far as step {reached}."
        )
    )


def _revealed(moves):
    parts = []
    if moves["opened"]:
        parts.append(
            f"Marlow's opening already gave up its best level on {_names(moves['opened'])}"
        )
    if moves["later"]:
        parts.append(f"it moved on {_names(moves['later'])} only later")
    if moves["held"]:
        one = len(moves["held"]) == 1
        parts.append(
            f"it kept its best level on {_names(moves['held'])} in every offer: Marlow gives "
            "ground first where one level costs it fewest points, so giving up "
            + ("that issue's" if one else "each one's")
            + " first level would have cost it at least as much as each step it did take. "
            "That is not the same as mattering most: an issue with more levels can carry "
            "a larger weight in smaller steps"
        )
    else:
        parts.append("it held no issue at its best level throughout")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _names(issues):
    return issues[0] if len(issues) == 1 else ", ".join(issues[:-1]) + " and " + issues[-1]


def _stalls(outcome, plan):
    """Where section 5 allows a step although Marlow did not move: the rounds of your
    concessions made right after Marlow said it can't give more on its own offer
    (``floor``) and of the one small step made after ``STALLED_REPLIES`` of its replies in
    a row that did not move (``allowed``; a further such step before Marlow moves again is
    into silence, review 77 C2); and the first round in which you held after such a stall
    while that step and a step of your plan were left and the talks then ended without a
    deal where a zone existed (``held``)."""
    offers = outcome.get("your_offers") or []
    # review 103 C1: a move smaller than MOVE_SHARE of the step counts as none, as in
    # question 8, so the counts are taken against the plan's steps
    profits = [you for you, _ in plan.get("step_worths") or []]
    counts = stalled_before(outcome.get("offers") or [], profits)
    floors = outcome.get("floor_before") or []
    moves = moved_before(outcome.get("offers") or [], profits)
    small = small_moves(outcome.get("offers") or [], profits)
    # the stalls in which Marlow did move, but by less than MOVE_SHARE of the step
    faint = [
        any(gain is not None and gain > 1e-9 for gain in gains[len(gains) - count :])
        for count, (_, gains) in zip(
            counts, _replies(outcome.get("offers") or [], profits), strict=False
        )
    ]
    allowed, held, floor, granted = set(), None, set(), False
    for number, (said, (round_, _, worth, _)) in enumerate(zip(floors, offers, strict=False)):
        if number and said and worth < offers[number - 1][2] - 1e-9:
            floor.add(round_)
    smaller = {
        round_
        for number, (round_, _, worth, _) in enumerate(offers)
        if number < len(small) and small[number] and worth < offers[number - 1][2] - 1e-9
    }
    worths = [you for you, _ in plan.get("step_worths") or []]
    last_step = min(worths) if worths else None
    for number, (count, (round_, _, worth, _)) in enumerate(zip(counts, offers, strict=False)):
        granted = granted and not (number < len(moves) and moves[number])
        if number == 0 or count < STALLED_REPLIES:
            continue
        if worth < offers[number - 1][2] - 1e-9:
            if not granted and round_ not in floor:
                allowed.add(round_)
                granted = True
        elif (
            held is None
            and not granted
            and outcome["agreement"] is None
            and outcome.get("zone_existed")
            and last_step is not None
            and worth > last_step + 1e-9
        ):
            held = round_
    faint_rounds = {
        round_
        for number, (round_, *_) in enumerate(offers)
        if number < len(faint) and faint[number] and (round_ in allowed or round_ == held)
    }
    return {
        "allowed": allowed,
        "held": held,
        "floor": floor,
        "small": smaller,
        "faint": faint_rounds,
    }


def _reciprocity(found, stalls=None, offered=True):
    stalls = stalls or {"allowed": set(), "held": None}
    if not offered:
        return "Concessions: you made no offer."
    if not found:
        return "Concessions: you made none after your opening." + _held(stalls)
    # review 103 C1: a step answering a move smaller than MOVE_SHARE of it is a step on no
    # move, as question 8 counts it
    smaller = stalls.get("small", set())
    quiet = [c for c in found if c["into_silence"] or c.get("round") in smaller]
    floor = sum(1 for c in quiet if c.get("round") in stalls.get("floor", set()))
    excepted = sum(
        1
        for c in quiet
        if c.get("round") in stalls["allowed"] and c.get("round") not in stalls.get("floor", set())
    )
    allowed = stalls["allowed"] | stalls.get("floor", set())
    opening = sum(1 for c in quiet if c.get("after_opening") and c.get("round") not in allowed)
    silent = len(quiet) - excepted - floor - opening
    small = sum(
        1
        for c in quiet
        if not c["into_silence"] and c.get("round") in smaller and c.get("round") not in allowed
    )
    free = [c for c in found if not c["answered"]]
    text = f"Concessions: you made {len(found)}; "
    stayed = [
        c
        for c in found
        if c.get("back") is None and c.get("instead") == "leave" and c.get("answer") != "leave"
    ]  # review 61, U3: answered only in that Marlow stayed
    if not free and stayed:
        text += (
            "each one changed Marlow's next reply over a replay in which you held; "
            f"{len(stayed)} only in that Marlow stayed at the table where the replay shows "
            "it leaving."
        )
    elif not free:
        text += "each one improved Marlow's next reply over a replay in which you held."
    else:
        text += (
            f"{len(free)} did not improve Marlow's next reply over a replay in which you held "
            f"(together they gave up {sum(c['cost'] for c in free):g} of your profit; the "
            "replay looks only at that next reply, so such a concession may still have "
            "made a later deal possible)."
        )
    text += _returns(found)
    # Set against the plan's rule (section 5: each step only in answer to a move of
    # Marlow's), so the learner gets a verdict, not only a count.
    if floor:
        text += (
            f" {floor} came right after Marlow said it could give no more on its own offer: "
            "your plan's rule calls for your next step there."
        )
    if excepted:
        text += (
            f" {excepted} came after {STALLED_REPLIES} replies in a row in which Marlow "
            "had not moved"
            + _faint(stalls, stalls["allowed"] - stalls.get("floor", set()))
            + ": the one small step your plan's rule allows there."
        )
    if opening:
        text += (
            f" {opening} answered Marlow's opening, which section 5 reads as a position, not "
            "yet a concession: its rule there is to hold."
        )
    if silent - small:
        text += (
            f" {silent - small} came after Marlow had not moved: concessions into silence, "
            "against your plan's rule of making each step only in answer to a move of "
            "Marlow's."
        )
    if small:
        text += (
            f" {small} answered a move of Marlow's worth less to you than {_share()}the step it "
            "was answered with: your plan's rule counts such a move as none, so "
            + ("that step was" if small == 1 else "those steps were")
            + " made on no move, against your plan's rule."
        )
    if not silent and stalls["held"] is None:
        text += (
            " None came into silence: you kept your plan's rule of conceding only in "
            "answer to a move of Marlow's."
            if not floor and not excepted
            else " No other came into silence: you kept your plan's rule."
        )
    return text + _held(stalls)


def _share():
    """``MOVE_SHARE`` in words, as section 5 says it."""
    return "" if MOVE_SHARE == 1 else f"{MOVE_SHARE:.0%} of "


def _faint(stalls, rounds):
    """Review 103 C1: when a stall counted in ``rounds`` held a move of Marlow's smaller
    than ``MOVE_SHARE`` of your step, the words that say so (such a move counts as none)."""
    if not rounds & stalls.get("faint", set()):
        return ""
    return f" (by at least {_share()}your step; a smaller move counts as none)"


def _returns(found):
    """Each concession's reply ratio (review 57, C2; review 59, E1: not module 04's trade
    ratio, which measures one move): what Marlow's next reply gave back over the replay
    in which you held, per k€ the step cost you, matched at 1; a deal the replay would
    not have reached is the deal itself."""
    words, equal = [], 0
    for c in found:
        back, cost, answer, instead = c.get("back"), c["cost"], c.get("answer"), c.get("instead")
        if answer == "accept" and instead != "accept":
            words.append(f"round {c.get('round')}, the deal itself")
            equal += 1
        elif back is None and instead == "leave" and answer != "leave":
            words.append(
                f"round {c.get('round')}, had you held, Marlow would have left: your step "
                "kept it at the table"
            )
        elif back is None or cost <= 0:
            words.append(f"round {c.get('round')}, nothing to price (Marlow made no offer)")
        else:
            words.append(f"round {c.get('round')}, {max(back, 0) / cost:.2f}")
            equal += back >= cost - 1e-9
    return (
        " Reply ratio, what Marlow's next reply gave back beyond the replay in which you "
        "held, per k€ each step cost you: "
        + "; ".join(words)
        + f". Marlow matched {equal} of {len(found)} (a ratio of 1 or more, or the deal)."
    )


def _held(stalls):
    if stalls["held"] is None:
        return ""
    return (
        f" In round {stalls['held']} Marlow had not moved for {STALLED_REPLIES} replies in a "
        "row"
        + _faint(stalls, {stalls["held"]})
        + " and your plan still had a step; you held, which your plan's rule allows, and "
        "the talks ended without a deal although a zone existed: its other move there, one "
        "small step, tends to draw this bot out (see the appendix)."
    )


def _achievable(outcome):
    best = outcome["achievable"]
    how = "offered you" if best["its_offer"] else "would have accepted"
    text = f"Achievable: Marlow {how} a profit of {best['utility']:g} in round {best['round']}"
    if best["utility"] < outcome["reservation"] - 1e-9:
        if outcome["agreement"] is None and outcome.get("zone_existed"):
            # A package good for both existed, so "no deal was right" would be false.
            if outcome.get("by_you") and not outcome.get("final_heard", True):
                return text + (
                    f", below your reservation price, but you left in round "
                    f"{outcome['round']}, before Marlow's final offer: it might still have "
                    "moved, and a package good for both of you existed."
                )
            return text + (
                ", below your reservation price: on the path these talks took, walking "
                "away beat what Marlow would accept, although a package good for both of "
                "you existed (a trade on another issue, or an earlier step, might have "
                "reached it)."
            )
        return text + ", below your reservation price: no deal was right."
    if outcome["agreement"] is not None and abs(best["utility"] - outcome["your_profit"]) < 1e-9:
        return text + ", which is what you got."
    if outcome["agreement"] is not None:
        return text + f", {best['utility'] - outcome['your_profit']:g} more than you got."
    return text + "."


def _style(outcome):
    style = outcome["style"]
    read = read_style(outcome["bot_moves"])
    text = f"Marlow's style was {STYLE_WORDS[style]}. "
    if read is None and not style_evidence_present(outcome["bot_moves"]):
        return text + (
            "This run held too little evidence to read it from the offers: that needs a "
            "concession of yours answered with an offer, and two rounds in which you held."
        )
    if read is None:
        return text + (
            "Its offers in this run pointed to different styles (its pace after your holds "
            "and the size of its steps early and late disagree, or it barely moved), so "
            "they do not say which."
        )
    if read == style:
        return text + "Its offers in this run pointed to the same style."
    return text + (
        f"Its offers in this run pointed to {read} instead: over a few rounds, with whole "
        "levels only, one style's offers can look like another's."
    )


def _remembers(memory, shown=True):
    """What Marlow will remember; ``shown`` false when the debrief holds back the
    alternatives line, which the advice on Quell then does not point to (review 88 U1)."""
    change = memory["trust_after"] - memory["trust_before"]
    steps = round(PATIENCE_PER_TRUST * (memory["trust_after"] - TRUST_START)) - round(
        PATIENCE_PER_TRUST * (memory["trust_before"] - TRUST_START)
    )
    text = (
        f"What Marlow will remember: {ENDINGS[memory['ending']]}. Its trust in you went from "
        f"{memory['trust_before']:.2f} to {memory['trust_after']:.2f}"
        if abs(change) > 1e-9
        else f"What Marlow will remember: {ENDINGS[memory['ending']]}. Its trust in you stays "
        f"at {memory['trust_after']:.2f}"
    )
    text += _trust_moves(memory)
    quell = (
        " Quell is drawn afresh at every sitting, and at the same trust Marlow opens no "
        "closer to you, and usually further, when Quell has capacity (it needs more points): "
        "compare only sittings with Quell in the same state"
        + (" (the alternatives line above says which it was)." if shown else ".")
    )
    patience = (
        " It will be more patient with rounds that bring it nothing."
        if steps > 0
        else " It will be less patient with rounds that bring it nothing."
        if steps < 0
        else ""
    )
    return text + _next_answer(memory) + patience + quell


def _signed(change, digits):
    """``change`` with its sign, a true minus for a fall."""
    return f"{change:+.{digits}f}".replace("-", "\u2212")


def _trust_moves(memory):
    """What moved trust in this sitting besides the ending (review 89 C3): each offer
    refused out of hand and each retraction (section 6's table, each
    ``TRUST_PER_INSULT`` = ``TRUST_PER_RETRACTION``), with the ending's own change when
    it has one; empty when neither happened, since the line names the ending already."""
    insults, retractions = memory.get("insults", 0), memory.get("retractions", 0)
    moves = []
    if insults:
        moves.append(f"{insults} offer{'s' if insults > 1 else ''} refused out of hand")
    if retractions:
        moves.append(f"{retractions} retraction{'s' if retractions > 1 else ''}")
    if not moves:
        return ""
    ending = TRUST_CHANGE[memory["ending"]]
    text = ": " + (f"the ending {_signed(ending, 2)}, and " if ending else "")
    text += " and ".join(moves) + f", {_signed(TRUST_PER_INSULT, 1)} each"
    total = memory["trust_before"] + ending + TRUST_PER_INSULT * insults
    total += TRUST_PER_RETRACTION * retractions
    if total < -1e-9:
        text += " (trust stops at 0)"
    elif total > 1 + 1e-9:
        text += " (trust stops at 1)"
    return text


def _next_answer(memory):
    """The replayed first answer of a Marlow of the same style, with Quell in the same
    state, to the same opening, at the trust before and after this sitting."""
    replayed = memory.get("first_answers")
    if replayed is None:
        return (
            ". You made no offer, so there is no opening to replay: more trust makes Marlow "
            "aim to give up a larger share of its room in its first answer, but it moves in "
            "whole levels, so a small change in trust often leaves that answer the same."
        )
    if abs(memory["trust_after"] - memory["trust_before"]) < 1e-9:
        return "."  # the same trust: a replay would compare it with itself (review 89 U3)
    before, after = replayed["before"], replayed["after"]

    def words(answer):
        if answer["kind"] == "accept":
            return "accept your opening"
        return f"answer at a profit of {answer['profit']:g} for you"

    same = (
        f". Replayed on this sitting, a Marlow of the same style, answering the same "
        f"opening of yours (profit {replayed['opening']:g}), with Quell in the same state, "
        f"would at trust {memory['trust_after']:.2f} {words(after)}, and at "
        f"{memory['trust_before']:.2f} {words(before)}: "
    )
    if after["index"] == before["index"] and after["kind"] == before["kind"]:
        verdict = (
            "the same"
            + (" answer" if after["kind"] == "accept" else " package")
            + (
                ", because it moves in whole levels and the change in trust was too small "
                "to reach the next one."
                if abs(memory["trust_after"] - memory["trust_before"]) > 1e-9
                else "."
            )
        )
    elif after["profit"] > before["profit"] + 1e-9:
        verdict = "closer to you than this time."
    elif after["profit"] < before["profit"] - 1e-9:
        verdict = "further from you than this time."
    else:
        verdict = "a different package, worth the same to you."
    return same + verdict
