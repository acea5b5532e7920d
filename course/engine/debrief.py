"""What a person's moves did, measured on a finished negotiation (a ``Result`` from
``PersonSession``, which carries the bot as it started: ``Result.counterparts``).

Every measure replays the same bot rather than trusting the clock: a bot that moves on
schedule whatever you do gives nothing *back* for a concession, however much it moves.

- ``concessions``: each of your concessions, what it cost you, whether the bot had
  moved since your previous one (or you conceded into silence), and what it bought:
  the bot's answer against its answer in a replay where you had repeated your
  previous offer instead (a counterfactual);
- ``achievable``: the best deal for you the bot would have accepted, and in which round;
- ``value_created``: the deal on each side's own scale, 0 at its walk-away and 1 at its
  best outcome (so euros and points are never added), against the best joint share any
  outcome both sides prefer to walking away could give, and the Pareto frontier;
- ``bot_moves``: how the bot's concessions were spread over the talks, and how it
  answered your concessions and your stalls, for reading its style;
- ``conceded_issues``: the issues the bot gave ground on, in the order it first did;
- ``insults``: how many of your offers the bot took as insults;
- ``style_evidence``: ``bot_moves`` in a sentence, for the debrief.

Utilities are each side's own; shares are fractions in [0, 1] unless said otherwise.
"""

import itertools

from course.engine.protocol import OFFER, Move, steps


def _bot_side(result, person):
    if person not in result.negotiation.sides:
        raise ValueError(
            f"no side called {person!r}; the sides are {', '.join(result.negotiation.sides)}"
        )
    return result.negotiation.other(person)


def _fresh_bot(result, person):
    bots = result.counterparts or {}
    bot = bots.get(_bot_side(result, person))
    if bot is None:
        raise ValueError("this result carries no bot to replay: play it through PersonSession")
    return bot.clone()


def _offers(result, side):
    """``side``'s offers as ``(position in history, round, outcome index)``."""
    return [(at, r, i) for at, (r, who, i) in enumerate(result.history) if who == side]


def _answer_after(result, at):
    """The other side's answer to the offer at ``history[at]``: ``("offer", index)``,
    ``("accept", None)`` or ``("leave", None)``; ``("end", None)`` when the deadline came."""
    if at + 1 < len(result.history):
        return ("offer", result.history[at + 1][2])
    mover = result.history[at][1]
    if result.agreement is not None and result.by_side != mover:
        return ("accept", None)
    if result.ended_by == "walk away" and result.by_side != mover:
        return ("leave", None)
    return ("end", None)


def replay(result, person, offers):
    """Play the bot as it started against ``person`` making ``offers`` (outcome indices,
    in order; the first mover as in ``result``): its answer to the last one, as
    ``("offer", index)``, ``("accept", None)``, ``("leave", None)`` or ``("end", None)``."""
    negotiation = result.negotiation
    bot_side = _bot_side(result, person)
    first = result.history[0][1] if result.history else person
    run = steps(negotiation, {person: None, bot_side: _fresh_bot(result, person)}, first)
    turn = next(run)
    for offer in offers:
        try:
            turn = run.send(Move(OFFER, offer))
        except StopIteration as end:
            finished = end.value
            if finished.agreement is not None:
                return ("accept", None)
            return ("leave", None) if finished.ended_by == "walk away" else ("end", None)
    return ("offer", turn.standing_offer)


def _worth(result, person, answer):
    """What an answer of the bot's is worth to ``person``: an offer's utility, else None."""
    kind, index = answer
    return result.negotiation.preferences[person].utilities[index] if kind == "offer" else None


def concessions(result, person):
    """Each concession of ``person`` (an offer worth less to them than their previous
    one) as a dict: ``round``; ``cost`` in their utility; ``into_silence`` (the bot's
    offer before it was no better for them than its offer before that: they gave
    without having been given anything); ``answer``, the bot's answer (``"offer"``,
    ``"accept"``, ``"leave"`` or ``"end"``); ``back``, what the concession bought: the
    bot's offer's worth to them minus what the same bot would have offered had they
    repeated their previous offer (``None`` when either answer was not an offer);
    ``answered``: the bot accepted, or offered more than it would have otherwise, or
    stayed where it would have left."""
    own = result.negotiation.preferences[person].utilities
    bot_side = _bot_side(result, person)
    mine = _offers(result, person)
    found = []
    for number in range(1, len(mine)):
        at, round_, index = mine[number]
        previous = mine[number - 1][2]
        if own[index] >= own[previous]:
            continue
        theirs = [own[i] for _, who, i in result.history[:at] if who == bot_side]
        silence = len(theirs) >= 2 and theirs[-1] <= theirs[-2]
        actual = _answer_after(result, at)
        instead = replay(result, person, [i for _, _, i in mine[:number]] + [previous])
        got, would = _worth(result, person, actual), _worth(result, person, instead)
        back = None if got is None or would is None else got - would
        answered = (
            actual[0] == "accept"
            or (back is not None and back > 1e-9)
            or (instead[0] == "leave" and actual[0] != "leave")
        )
        found.append(
            {
                "round": round_,
                "cost": own[previous] - own[index],
                "into_silence": silence,
                "answer": actual[0],
                "back": back,
                "answered": answered,
            }
        )
    return found


def achievable(result, person):
    """The best outcome for ``person`` that the bot would have accepted at one of its
    turns, given everything said before that turn: ``{"offer": public outcome,
    "utility": its worth to them, "round": 1-based}``, the earliest such round; ``None``
    when it would have accepted nothing."""
    negotiation = result.negotiation
    own = negotiation.preferences[person].utilities
    bot = _fresh_bot(result, person)
    candidates = sorted(range(len(own)), key=lambda i: (-own[i], i))
    person_first = bool(result.history) and result.history[0][1] == person
    best = None
    for round_, who, index in result.history:  # the bot's life, call by call
        if who != person:
            bot.propose(round_ - 1)
            continue
        k = round_ - 1 if person_first else round_
        for candidate in candidates:
            if best is not None and own[candidate] <= best[1]:
                break
            if bot.clone().respond(k, candidate):
                best = (candidate, own[candidate], round_)
                break
        bot.respond(k, index)
    if best is None:
        return None
    return {"offer": negotiation.public(best[0]), "utility": best[1], "round": best[2]}


def _share(negotiation, side, utility):
    own = negotiation.preferences[side]
    room = own.best - own.reservation
    return (utility - own.reservation) / room if room > 0 else 0.0


def value_created(result):
    """The deal on each side's scale (0 at its walk-away, 1 at its best outcome) as
    ``shares`` (side to share), their sum ``joint``, the ``best_joint`` any outcome both
    prefer to walking away could give, how many outcomes were ``better_for_both`` and
    whether the deal is ``on_frontier``. ``None`` without a deal."""
    if result.agreement is None:
        return None
    negotiation = result.negotiation
    sides = negotiation.sides
    points = [
        tuple(_share(negotiation, s, negotiation.preferences[s].utilities[i]) for s in sides)
        for i in range(len(negotiation.outcomes))
    ]
    deal = points[result.agreement]
    feasible = [p for p in points if min(p) >= 0]
    better = [p for p in points if all(a >= b for a, b in zip(p, deal, strict=True)) and p != deal]
    return {
        "shares": dict(zip(sides, deal, strict=True)),
        "joint": sum(deal),
        "best_joint": max((sum(p) for p in feasible), default=None),
        "better_for_both": len(better),
        "on_frontier": not better,
    }


def bot_moves(result, person):
    """How the bot conceded, on its own scale (shares of the room between its opening
    and its walk-away): ``early`` and ``late``, what it gave in the first and the second
    half of its offers; ``after_concession`` and ``after_stall``, its mean step after an
    offer of yours that conceded and after one that did not (``None`` when there was no
    such offer). A Boulware bot gives little early; a conceder much; a tit-for-tat bot
    moves after your concessions and not after your stalls."""
    negotiation = result.negotiation
    bot_side = _bot_side(result, person)
    own = negotiation.preferences[bot_side]
    theirs = [own.utilities[i] for _, _, i in _offers(result, bot_side)]
    if not theirs:
        return {"early": 0.0, "late": 0.0, "after_concession": None, "after_stall": None}
    room = max(theirs[0] - own.reservation, 1e-12)
    steps_ = [(a - b) / room for a, b in itertools.pairwise(theirs)]
    half = (len(steps_) + 1) // 2
    mine = [negotiation.preferences[person].utilities[i] for _, _, i in _offers(result, person)]
    after = {"concession": [], "stall": []}
    person_first = result.history[0][1] == person
    for number, step in enumerate(steps_):
        # the bot's offer number + 1 answered the person's offer made just before it
        heard = number + 1 if person_first else number
        if 1 <= heard < len(mine):
            kind = "concession" if mine[heard] < mine[heard - 1] else "stall"
            after[kind].append(step)
    return {
        "early": sum(steps_[:half]),
        "late": sum(steps_[half:]),
        "after_concession": _mean(after["concession"]),
        "after_stall": _mean(after["stall"]),
    }


def _mean(values):
    return sum(values) / len(values) if values else None


def conceded_issues(result, person):
    """The issues the bot gave ground on, in the order it first moved each one, and the
    issues it never moved: ``(moved, held)`` lists of issue names."""
    negotiation = result.negotiation
    bot_side = _bot_side(result, person)
    offers = [negotiation.outcomes[i] for _, _, i in _offers(result, bot_side)]
    names = [issue.name for issue in negotiation.issues]
    moved = []
    for before, after in itertools.pairwise(offers):
        for name, a, b in zip(names, before, after, strict=True):
            if a != b and name not in moved:
                moved.append(name)
    return moved, [name for name in names if name not in moved]


def insults(result, person):
    """How many of ``person``'s offers the bot took as insults (0 for a bot that takes
    nothing as one)."""
    bot = _fresh_bot(result, person)
    line = getattr(bot, "insult_line", None)
    if line is None:
        return 0
    own = bot.preferences.utilities
    return sum(1 for _, _, index in _offers(result, person) if own[index] < line)


def style_evidence(moves, description):
    """What ``bot_moves`` showed of a bot's style, in a sentence ending with the style's
    ``description``."""
    text = (
        f"of the ground between its opening and its limit, it gave {moves['early']:.0%} in "
        f"the first half of its offers and {moves['late']:.0%} in the second"
    )
    after_c, after_s = moves["after_concession"], moves["after_stall"]
    if after_c is not None and after_s is not None:
        text += (
            "; it moved more after your concessions than after your stalls"
            if after_c > after_s
            else "; it moved about as much whether or not you conceded"
        )
    return f"{text} ({description})."
