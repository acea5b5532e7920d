"""What a person's moves did, measured on a finished negotiation (a ``Result`` from
``PersonSession``, which carries the bot as it started: ``Result.counterparts``).

Every measure replays the same bot rather than trusting the clock: a bot that moves on
schedule whatever you do gives nothing *back* for a concession, however much it moves.

- ``concessions``: each of your concessions, what it cost you, whether the bot had
  moved since your previous one (or you conceded into silence), and what it bought:
  the bot's answer against its answer in a replay where you had repeated your
  previous offer instead (a counterfactual): a concession the bot would have answered
  by accepting your previous offer anyway bought nothing;
- ``asks_below_offer``: your offers worth less to you than the bot's offer on the table,
  which accepting would have beaten (a concession given for nothing);
- ``achievable``: the best deal for you the bot would have accepted, and in which round;
- ``value_created``: the deal on each side's own scale, 0 at its walk-away and 1 at its
  best outcome (so euros and points are never added), against the best joint share any
  outcome both sides prefer to walking away could give, and the Pareto frontier;
- ``bot_moves``: how the bot's concessions were spread over the talks, and how it
  moved after your concessions and after your holds (what it does when you hold is its
  own pace), for reading its style; ``read_style``: the style that evidence points to;
- ``conceded_issues``: the issues the bot gave ground on, in the order it first did;
- ``insults``: how many of your offers the bot took as insults;
- ``style_evidence``: ``bot_moves`` in a sentence, for the debrief.

Utilities are each side's own; shares are fractions in [0, 1] unless said otherwise.
"""

import itertools
import math

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
    """Each concession of ``person`` (an offer worth less to them than every earlier one
    of theirs, measured from the least of those, so taking back a step back of theirs is
    no concession) as a dict: ``round``; ``cost`` in their utility; ``into_silence`` (they gave
    without having been given anything: the bot had made only its opening, which is
    not a concession, or its last offer was no better for them than the one before it;
    module 04's paced tit-for-tat concedes only in answer to a concession);
    ``after_opening`` (the bot had made only its opening, which module 05 reads as a
    position, not yet a concession: its rule there is to hold); ``answer``, the bot's answer (``"offer"``,
    ``"accept"``, ``"leave"`` or ``"end"``), and ``instead``, its answer in the replay
    where they repeated that least earlier offer (the same kinds); ``from`` and ``to``, the
    two offers (public); ``got`` and ``would``, the worth to them of the bot's offer in
    each (``None`` when that answer was not an offer); ``back``, what the concession
    bought: ``got - would``, or ``-cost`` when the bot accepted and would have accepted
    their previous offer anyway (``None`` when it cannot be priced); ``answered``: the
    bot accepted what it would not have accepted otherwise, offered more than it would
    have otherwise, or stayed where it would have left."""
    own = result.negotiation.preferences[person].utilities
    bot_side = _bot_side(result, person)
    mine = _offers(result, person)
    found = []
    for number in range(1, len(mine)):
        at, round_, index = mine[number]
        # measured from your least earlier ask, so undoing a step back is no concession
        # (review 92 X1): only what goes below every earlier offer of yours is given
        previous = min((i for _, _, i in reversed(mine[:number])), key=lambda i: own[i])
        if own[index] >= own[previous]:
            continue
        theirs = [own[i] for _, who, i in result.history[:at] if who == bot_side]
        silence = len(theirs) < 2 or theirs[-1] <= theirs[-2]
        actual = _answer_after(result, at)
        instead = replay(result, person, [i for _, _, i in mine[:number]] + [previous])
        got, would = _worth(result, person, actual), _worth(result, person, instead)
        cost = own[previous] - own[index]
        if instead[0] == "accept":  # it would have taken the previous offer: nothing bought
            back = -cost if actual[0] == "accept" else None
            answered = False
        else:
            back = None if got is None or would is None else got - would
            answered = (
                actual[0] == "accept"
                or (back is not None and back > 1e-9)
                or (instead[0] == "leave" and actual[0] != "leave")
            )
        found.append(
            {
                "round": round_,
                "from": result.negotiation.public(previous),
                "to": result.negotiation.public(index),
                "cost": cost,
                "into_silence": silence,
                "after_opening": len(theirs) == 1,
                "answer": actual[0],
                "instead": instead[0],
                "got": got,
                "would": would,
                "back": back,
                "answered": answered,
            }
        )
    return found


def asks_below_offer(result, person):
    """Each offer of ``person`` worth less to them than the bot's offer standing when they
    made it (its latest), which accepting would have given them (review 89 X1): a dict with
    ``round``, ``ask`` and ``theirs`` (the two offers, public) and ``gain``, what accepting
    would have given them more, in their utility."""
    own = result.negotiation.preferences[person].utilities
    bot_side = _bot_side(result, person)
    found, standing = [], None
    for round_, who, index in result.history:
        if who == bot_side:
            standing = index
        elif standing is not None and own[standing] > own[index] + 1e-9:
            found.append(
                {
                    "round": round_,
                    "ask": result.negotiation.public(index),
                    "theirs": result.negotiation.public(standing),
                    "gain": own[standing] - own[index],
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
    half of its offers; ``after_concessions`` and ``after_holds``, its steps after each
    offer of yours that conceded and after each that held, in order, and their means
    ``after_concession`` and ``after_stall`` (``None`` when there was no such offer);
    ``steps_back``, how many offers of yours were neither and were left out (a step back,
    standing on one, or undoing one: review 92 X1, the bot's answer to those is not its
    pace); ``given_back``, what your concessions bought (``concessions``:
    the bot's offer against its offer had you held instead) per unit they cost you, over
    those both answered with an offer (``None`` when there were none). What a bot does
    when you hold is its own pace: a Boulware bot's grows late, a linear bot's stays the
    same, a Conceder's shrinks; a tit-for-tat bot gives back about as much as you concede,
    the others about a third. ``offers``: how many offers the bot made."""
    negotiation = result.negotiation
    bot_side = _bot_side(result, person)
    own = negotiation.preferences[bot_side]
    theirs = [own.utilities[i] for _, _, i in _offers(result, bot_side)]
    if not theirs:
        return {
            "offers": 0,
            "early": 0.0,
            "late": 0.0,
            "after_concessions": [],
            "after_holds": [],
            "after_concession": None,
            "after_stall": None,
            "steps_back": 0,
            "given_back": None,
        }
    room = max(theirs[0] - own.reservation, 1e-12)
    steps_ = [(a - b) / room for a, b in itertools.pairwise(theirs)]
    half = (len(steps_) + 1) // 2
    mine = [negotiation.preferences[person].utilities[i] for _, _, i in _offers(result, person)]
    after = {"concession": [], "stall": [], "back": []}
    person_first = result.history[0][1] == person
    for number, step in enumerate(steps_):
        # the bot's offer number + 1 answered the person's offer made just before it
        heard = number + 1 if person_first else number
        if 1 <= heard < len(mine):
            after[_kind(mine, heard)].append(step)
    priced = [c for c in concessions(result, person) if c["answer"] == c["instead"] == "offer"]
    return {
        "offers": len(theirs),
        "early": sum(steps_[:half]),
        "late": sum(steps_[half:]),
        "after_concessions": after["concession"],
        "after_holds": after["stall"],
        "after_concession": _mean(after["concession"]),
        "after_stall": _mean(after["stall"]),
        "steps_back": len(after["back"]),
        "given_back": (
            sum(c["back"] for c in priced) / sum(c["cost"] for c in priced) if priced else None
        ),
    }


def _kind(mine, heard):
    """Your offer ``mine[heard]`` (utilities, in order) as ``"concession"`` (below every
    earlier offer of yours), ``"stall"`` (a hold: the same as your last, which was your
    least so far) or ``"back"`` (a step back, standing on one, or undoing one)."""
    least = min(mine[:heard])
    if mine[heard] < least:
        return "concession"
    if mine[heard] == mine[heard - 1] == least:
        return "stall"
    return "back"


#: Steps after your holds (and the halves of its offers) count as growing or shrinking
#: when the last is more than this many times the first (or the first more than this
#: many times the last); a relative test, so small steps are compared as fairly as large.
SHAPE_RATIO = 1.5

#: Below this share of the bot's room, a step is no move at all ("still"): offers come in
#: whole prices or levels, so a step this small is a hold, not a pace.
STILL = 0.05

#: A bot that gives back at least this share of what you concede reads as tit-for-tat.
MIRRORS = 0.65


def _shape(first, last):
    """``"growing"``, ``"shrinking"`` or ``"steady"``: ``last`` against ``first``, on
    their ratio (a still step, below ``STILL``, against a moving one is the change)."""
    if first < STILL <= last or last > SHAPE_RATIO * first:
        return "growing"
    if last < STILL <= first or first > SHAPE_RATIO * last:
        return "shrinking"
    return "steady"


def _pace(holds):
    """The shape of the bot's steps after your holds: ``"growing"``, ``"shrinking"`` or
    ``"steady"``; ``"still"`` when it barely moved at any of them (below ``STILL``: that
    shows no pace); ``None`` with fewer than two."""
    if len(holds) < 2:
        return None
    if max(holds) < STILL:
        return "still"
    return _shape(holds[0], holds[-1])


def _split(moves):
    """The shape of what the bot gave in the two halves of its offers (``early`` against
    ``late``), as ``_shape``; ``None`` when it gave nearly nothing in both."""
    if max(moves["early"], moves["late"]) < STILL:
        return None
    return _shape(moves["early"], moves["late"])


#: The style each shape of its own pace points to.
PACE_STYLES = {"growing": "boulware", "steady": "linear", "shrinking": "conceder"}


def read_style(moves):
    """The course style ``bot_moves`` points to: ``"tit-for-tat"`` when your concessions
    bought back at least ``MIRRORS`` of what they cost; otherwise from its own pace,
    ``"boulware"`` when it grew, ``"conceder"`` when it shrank, ``"linear"`` when it kept
    its size, where its steps after your holds and the halves of its offers agree (holds
    where it stood still agree with a pace that grew: a Boulware buyer waits). ``None``
    when the evidence is missing (no concession answered with an offer both ways, or
    fewer than two holds) or the two disagree: naming no style beats naming a wrong one."""
    back = moves["given_back"]
    if back is None:
        return None
    if back >= MIRRORS:
        return "tit-for-tat"
    pace, split = _pace(moves["after_holds"]), _split(moves)
    if pace is None or split is None:
        return None
    if pace == split or (pace == "still" and split == "growing"):
        return PACE_STYLES[split]
    return None


def style_evidence_present(moves):
    """Whether ``bot_moves`` holds what ``read_style`` needs before it can read a style: a
    concession of yours answered with an offer both ways, and at least two holds. Without
    it no style is read; with it, a style can still go unread when the evidence disagrees."""
    return moves["given_back"] is not None and len(moves["after_holds"]) >= 2


def style_evidence(moves, description):
    """What ``bot_moves`` showed of a bot's style, in a sentence ending with the style's
    ``description``: the shares it gave in each half of its offers (when it made at least
    two); what your concessions
    bought back per unit they cost, when any was answered with an offer both ways; and,
    when you held at least twice, its steps after your holds (its own pace)."""
    # review 99 U2: halves of fewer than two offers say nothing (0% and 0% of one offer)
    text = (
        f"of the ground between its opening and its limit, it gave {moves['early']:.0%} in "
        f"the first half of its offers and {moves['late']:.0%} in the second"
        if moves.get("offers", 2) >= 2
        else f"it made {'one offer' if moves.get('offers') == 1 else 'no offer'}, too few to "
        "show how it gives ground"
    )
    back, holds = moves["given_back"], moves["after_holds"]
    if back is not None:
        text += (
            f"; your concessions bought back {back:.0%} of what they cost you (against "
            "holding your ask instead)"
        )
    if len(holds) >= 2:
        text += (
            "; each time you held, it moved "
            + ", ".join(held_share(step) for step in holds)
            + " of that ground"
            + {
                "still": f" (it barely moved while you held: under {STILL:.0%} each time)",
                "growing": " (its own pace, growing)",
                "shrinking": " (its own pace, shrinking)",
                "steady": " (its own pace, steady)",
            }[_pace(holds)]
        )
    else:
        text += "; you held fewer than twice, so its own pace never showed on its own"
    if moves.get("steps_back"):  # review 92 X1: its answer to a step back is not its pace
        text += "; a step back of yours, or undoing one, is not counted as a hold"
    return f"{text} ({description})."


def held_share(step):
    """A step of the bot's after one of your holds, as a share of its ground to one
    decimal (``"4.8%"``). A step below ``STILL`` is rounded down, so that it never reads
    as 5.0% beside "under 5%" (review 88 C2: "5%" printed beside "stood still")."""
    if step < STILL:
        return f"{math.floor(step * 1000 + 1e-9) / 10:.1f}%"
    return f"{step:.1%}"


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
