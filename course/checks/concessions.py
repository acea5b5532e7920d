"""Checks for module 04 (concessions): each names the mistake it recognises.

Every question is checked on its own: none calls the learner's answer to another question.
A hint says only what is true of the learner's answer; a hidden case's hint names no
number of the case (``general``).
"""

import functools
import itertools
from numbers import Real

from course.checks.calls import question
from course.checks.hints import NotYet, call_learner, diagnose, passed, same_money
from course.models.concessions import TradeTable, time_dependent_offer
from course.scenarios.concessions import (
    STATEMENT_KINDS,
    concession_start,
    middle_package,
    reservation_of,
)
from course.variants import learner_id, rng_for, variant

MODULE = "04_concessions"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

#: How far a price (in thousands) may sit from a line and still count as on it: a cent.
TOLERANCE = 0.01

ANSWERS = ("accept", "counter", "walk away")


@functools.lru_cache(maxsize=64)
def _variant(learner):
    """A learner's scenario, drawn once per process (a draw checks its invariants)."""
    return variant(MODULE, learner)


@functools.lru_cache(maxsize=64)
def _table(learner):
    """The trade table of a learner's scenario."""
    s = _variant(learner)
    return TradeTable(s.yours, s.theirs)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = _variant(learner_id())
    return [own] + ([_variant(learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _number(value, what):
    """The learner's number as a float (any real number: int, float, Fraction, numpy's),
    or a hint that it is not one."""
    if type(value) not in (int, float) and (isinstance(value, bool) or not isinstance(value, Real)):
        raise NotYet(
            f"{what} should be a number, got {type(value).__name__} {value!r}",
            general=f"{what} should be a number",
        )
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise NotYet(
            f"{what} should be a finite number, got {value!r}", general=f"{what} should be finite"
        )
    return value


def _fail(where, hint, general):
    raise NotYet(f"{where}: {hint}.", general=general)


# --- 1. A grounded opening -------------------------------------------------------------


def grounded_opening(s):
    """The course's answer to question 1: the most ambitious price a true statement
    justifies, with that statement."""
    key = max(
        (k for k in s.statements if STATEMENT_KINDS[k] == "fact"),
        key=lambda k: s.statements[k].figure,
    )
    return s.statements[key].figure, key


@question
def opening(answer, hidden=False):
    """Check a function that returns an opening price and the statement that grounds it."""
    for s in _scenarios(hidden):
        result = call_learner(answer, s)
        where = f"opening(scenario) for learner {s.learner} gave {result!r}"
        if not isinstance(result, tuple | list) or len(result) != 2:
            _fail(
                where,
                "return a pair: your opening price and the key of the statement that grounds "
                "it, e.g. (120, 'survey')",
                "it should return a pair (price, statement key)",
            )
        price, key = result
        if not isinstance(key, str) or key not in s.statements:
            _fail(
                where,
                f"{key!r} is not a statement of your scenario; the keys are "
                f"{', '.join(map(repr, s.statements))}",
                "the statement should be one of the keys of s.statements",
            )
        price = _number(price, "the opening price")
        kind, statement = STATEMENT_KINDS[key], s.statements[key]
        reservation, estimate = reservation_of(s), s.their_estimate
        if kind == "invented":
            _fail(
                where,
                f"{key!r} is not true: Birch is the only other client you are in talks with, so "
                "no other retailer has made you an offer. Citing an offer that does not exist "
                "misrepresents a material fact (it can be fraud), and it falls apart as soon as "
                "Orchard asks about it: ground your opening in something true",
                "it grounds the opening in a statement that is not true",
            )
        if kind == "threat":
            _fail(
                where,
                f"{key!r} is a threat: it tells Orchard what you will do to it if it does not "
                "pay. Threats invite a counter-threat or a walk-out; state a fact and let "
                "Orchard draw its own conclusion",
                "it grounds the opening in a threat, not a fact",
            )
        if price > statement.figure + TOLERANCE:
            _fail(
                where,
                f"{price:g} is more than {key!r} can justify: that statement names "
                f"{statement.figure:g}. Open at most at the figure of the fact you cite, or "
                "cite a fact that names more",
                "the price is more than the statement it cites can justify",
            )
        if price < reservation - TOLERANCE:
            _fail(
                where,
                f"{price:g} is below your own reservation price, {reservation:g}: you would "
                "open at a price you must refuse",
                "the price is below your reservation price",
            )
        if price < estimate - TOLERANCE:
            _fail(
                where,
                f"{price:g} is timid: your best estimate of Orchard's reservation price is "
                f"{estimate:g}, {estimate - price:g} more than this opening asks. Open at or "
                "just beyond that estimate, as far as a true fact justifies",
                "the price is below your estimate of Orchard's reservation price",
            )
    passed("your opening is ambitious, and a true fact you can state justifies it.")


# --- 2. A concession plan --------------------------------------------------------------


def course_plan(s, opening):
    """The course's answer to question 2: from ``opening``, steps that shrink (a Faratin
    curve with β = 1.5, so concave) to a target halfway between the opening and the
    reservation price."""
    target = (opening + reservation_of(s)) / 2
    last = s.rounds - 1
    return [time_dependent_offer(t, last, opening, target, 1.5) for t in range(s.rounds)]


def _openings(s, hidden):
    """Openings to plan from: grounded ones, from Orchard's likely limit to the most a
    true fact justifies."""
    top = grounded_opening(s)[0]
    return [top, s.their_estimate] + ([(top + s.their_estimate) / 2] if hidden else [])


@question
def concession_plan(answer, hidden=False):
    """Check a function that plans one offer per round, from an opening, in shrinking steps
    to a target above the reservation price."""
    for s in _scenarios(hidden):
        reservation = reservation_of(s)
        for start in _openings(s, hidden):
            result = call_learner(answer, s, start)
            where = f"concession_plan(scenario, {start:g}) for learner {s.learner}"
            if not isinstance(result, list | tuple) or len(result) != s.rounds:
                _fail(
                    where,
                    f"return a list of {s.rounds} offers, one for each round from 0 to "
                    f"{s.rounds - 1} (s.rounds), got {result!r}",
                    "it should return a list of s.rounds offers",
                )
            plan = [_number(offer, f"offer {t} of the plan") for t, offer in enumerate(result)]
            _check_plan(plan, start, reservation, where)
    passed(
        "your plan opens where you chose, never goes back up, concedes in shrinking steps and "
        "stops above your reservation price."
    )


def _listed(plan):
    return ", ".join(f"{offer:.2f}" for offer in plan)


def _check_plan(plan, start, reservation, where):
    if not same_money(plan[0], start):
        _fail(
            where,
            f"the plan [{_listed(plan)}] should start at the opening, {start:g}",
            "it does not start at the opening",
        )
    steps = [before - after for before, after in itertools.pairwise(plan)]
    for t, step in enumerate(steps, start=1):
        if step < -TOLERANCE:
            _fail(
                where,
                f"in round {t} the plan [{_listed(plan)}] goes back up, to {plan[t]:.2f}: an offer "
                "above your last one reads as a retraction and breaks trust",
                "the plan goes back up",
            )
    if plan[-1] <= reservation + TOLERANCE:
        _fail(
            where,
            f"the plan [{_listed(plan)}] ends at {plan[-1]:.2f}, not above your reservation price "
            f"{reservation:g}: plan to stop at a target above it, so your limit stays yours "
            "and there is room left for a last trade",
            "the plan ends at or below the reservation price",
        )
    total = plan[0] - plan[-1]
    if total <= TOLERANCE:
        _fail(
            where, f"the plan [{_listed(plan)}] never concedes anything", "the plan never concedes"
        )
    for t in range(2, len(plan)):
        step, before = steps[t - 1], steps[t - 2]
        if step > TOLERANCE and step >= before - TOLERANCE:
            _fail(
                where,
                f"the concession in round {t} ({step:.2f}) is no smaller than the one before "
                f"({before:.2f}) in [{_listed(plan)}]: steps that hold their size or grow tell "
                "Orchard that more is coming; make each concession smaller than the last",
                "a concession is no smaller than the one before it",
            )
    if steps[0] > total / 2 + TOLERANCE:
        _fail(
            where,
            f"the first concession ({steps[0]:.2f}) gives away more than half of all you "
            f"plan to concede ({total:.2f}) in [{_listed(plan)}]: a big first step teaches Orchard "
            "that pressing pays; open with a moderate step",
            "the first concession is more than half of all the plan concedes",
        )


# --- 3. Tit-for-tat --------------------------------------------------------------------


def tit_for_tat_offer(s, mine, theirs):
    """The course's answer to question 3: absolute tit-for-tat, within your limits."""
    step = theirs[-1] - theirs[-2]
    return min(max(mine[-1] - step, reservation_of(s)), mine[0])


def _histories(s, hidden):
    """Histories (your offers, Orchard's) around the cases the rule names: a concession, no
    move, a retraction, and moves that would cross your reservation price or your opening.
    Each answer is at least 1 away from a limit it does not hit."""
    top = grounded_opening(s)[0]
    reservation = reservation_of(s)
    low = round(s.alternative_price * 0.9)  # Orchard opens below your BATNA
    room = top - reservation
    cases = [
        ([top, top - 4], [low, low + 6]),  # they concede 6: you concede 6
        ([top, top - 4, top - 8], [low, low + 5, low + 5]),  # they hold: you hold
        ([top, top - 6, top - 9], [low, low + 8, low + 4]),  # they retract 4: you go up 4
        ([top, reservation + 3], [low, low + round(room / 2)]),  # would cross your limit
    ]
    if hidden:
        cases += [
            ([top, top - 1], [low + 4, low]),  # a retraction past your opening
            ([top, top - 5, top - 8, top - 10], [low, low + 4, low + 7, low + 9]),
            ([top, top - 3, reservation + 2], [low, low + 3, low + room]),
        ]
    return cases


@question
def tit_for_tat(answer, hidden=False):
    """Check a function that gives your next offer under absolute tit-for-tat."""
    for s in _scenarios(hidden):
        for mine, theirs in _histories(s, hidden):
            result = call_learner(answer, s, list(mine), list(theirs))
            where = f"tit_for_tat(scenario, {mine}, {theirs}) for learner {s.learner}"
            value = _number(result, "the next offer tit_for_tat gives")
            expected = tit_for_tat_offer(s, mine, theirs)
            if not same_money(value, expected):
                _fail(where, *_tit_for_tat_mistake(s, mine, theirs, value, expected))
    passed("tit_for_tat copies Orchard's last move, and stays within your limits.")


def _tit_for_tat_mistake(s, mine, theirs, value, expected):
    """The hint for a wrong next offer, and the same in general words."""
    reservation = reservation_of(s)
    step = theirs[-1] - theirs[-2]
    free = mine[-1] - step
    mistakes = [
        (free, _unbounded_hint(free, reservation, mine[0]), "it lets the offer pass a limit"),
        (
            mine[-1] + step,
            "that moves the wrong way: when Orchard raises its offer by some amount, a seller "
            "lowers its ask by the same amount",
            "it moves the offer the wrong way",
        ),
        (
            max(min(mine[-1] - (theirs[-1] - theirs[0]), mine[0]), reservation),
            "that copies everything Orchard has conceded since its first offer; tit-for-tat "
            "copies only its last move",
            "it copies all of Orchard's moves, not the last",
        ),
        (
            max(min(mine[-1] - (mine[-2] - mine[-1]), mine[0]), reservation),
            "that repeats your own last step; tit-for-tat copies Orchard's last step",
            "it repeats your own step, not Orchard's",
        ),
    ]
    mistakes = [m for m in mistakes if not same_money(m[0], expected)]
    hint = diagnose(
        value, expected, [m[:2] for m in mistakes], f"expected {expected:g}, got {value:g}"
    )
    return hint, {h: g for _, h, g in mistakes}.get(hint, "it is not the offer the rule gives")


def _unbounded_hint(free, reservation, opening):
    if free < reservation:
        return (
            f"copying Orchard's move would take you to {free:g}, below your reservation price "
            f"{reservation:g}: tit-for-tat never goes past your own limit"
        )
    return (
        f"copying Orchard's retraction would take you to {free:g}, above your opening "
        f"{opening:g}: never ask more than you opened with"
    )


# --- 4. The next trade -----------------------------------------------------------------


def _rank(option):
    """A trade's place by the rule, as ``(tier, first key, second key)``."""
    if option["you"] >= 0:
        return (1, option["them"], option["you"])
    return (0, option["them"] / -option["you"], option["you"])


def _show(s, package):
    return "{" + ", ".join(f"{i}: {package[i]}" for i in s.issues) + "}"


def _starts(s, hidden):
    """Packages to trade from: the middle (trades that cost you nothing exist), one where
    every trade that helps Orchard costs you, and your ideal (nothing can come back);
    hidden, also Orchard's ideal and packages drawn at random."""
    return [dict(start) for start in _start_packages(s.learner, hidden)]


@functools.lru_cache(maxsize=64)
def _start_packages(learner, hidden):
    s, table = _variant(learner), _table(learner)
    issues = s.issues
    starts = [middle_package(s), concession_start(table), {i: lv[0] for i, lv in issues.items()}]
    if hidden:
        rng = rng_for(f"{MODULE}:trades", learner)
        starts.append({issue: levels[-1] for issue, levels in issues.items()})
        packages = table.packages
        starts += [packages[int(rng.random() * len(packages))][0] for _ in range(6)]
    return tuple(starts)


def _package(s, result, where):
    if not isinstance(result, dict):
        _fail(
            where,
            f"return a package, a dict of issue to level, got {result!r}",
            "it should return a package (a dict)",
        )
    try:
        _table(s.learner).points(result)
    except (TypeError, ValueError) as error:
        _fail(
            where,
            f"{result!r} is not a package of this contract: {error}",
            "it returned something that is not a package",
        )
    return {issue: result[issue] for issue in s.issues}


@question
def next_trade(answer, hidden=False):
    """Check a function that returns the package after the best next trade, or None."""
    for s in _scenarios(hidden):
        table = _table(s.learner)
        for current in _starts(s, hidden):
            where = f"next_trade(scenario, {_show(s, current)}) for learner {s.learner}"
            result = call_learner(answer, s, dict(current))
            options = table.options(current)
            wanted = [o for o in options if o["them"] > 0]
            if not wanted:
                if result is not None:
                    _fail(
                        where,
                        f"it gave {result!r}, but no trade of one level each way raises "
                        "Orchard's points from here: return None",
                        "it returned a trade where none raises Orchard's points",
                    )
                continue
            best = max(wanted, key=_rank)
            if result is None:
                _fail(
                    where,
                    f"it gave None, but {_show(s, best['package'])} is a trade Orchard gains from",
                    "it returned None where a trade exists",
                )
            result = _package(s, result, where)
            chosen = next((o for o in options if o["package"] == result), None)
            _judge_choice(s, where, result, chosen, best)
    passed(
        "next_trade trades for free first, then concedes where it costs you least per point Orchard gains."
    )


def _judge_choice(s, where, result, chosen, best):
    if chosen is None:
        _fail(
            where,
            f"{_show(s, result)} is not one trade away: a trade moves exactly one issue one "
            "level towards Orchard and one other issue one level towards you",
            "it returned a package that is not one trade away",
        )
    if chosen["them"] <= 0:
        _fail(
            where,
            f"{_show(s, result)} gives Orchard nothing: a trade must be worth something to them",
            "the trade gives Orchard nothing",
        )
    rank, top = _rank(chosen), _rank(best)
    if rank[0] == top[0] and all(same_money(a, b) for a, b in zip(rank[1:], top[1:], strict=True)):
        return
    better = _show(s, best["package"])
    if top[0] > rank[0]:
        hint = (
            f"{better} costs you nothing and still gives Orchard {best['them']:g}: while such "
            "a trade exists you are below the frontier, so trade for free first"
        )
        general = "it makes a concession while a trade that costs nothing exists"
    elif top[0] == 1:
        hint = (
            f"{better} also costs you nothing and gives Orchard {best['them']:g}, not {chosen['them']:g}"
            if not same_money(top[1], rank[1])
            else f"{better} gives Orchard as much and you {best['you']:g}, not {chosen['you']:g}"
        )
        general = "another free trade is better by the rule"
    elif not same_money(top[1], rank[1]):
        hint = (
            f"{better} gives Orchard {top[1]:.3g} points per point you give up, yours only "
            f"{rank[1]:.3g}: concede where it is cheap for you and dear to them"
        )
        general = "another concession gives Orchard more per point you give up"
    else:
        hint = f"{better} gives Orchard as much per point and costs you {-best['you']:g}, not {-chosen['you']:g}"
        general = "another concession gives as much per point and costs you less"
    _fail(where, hint, general)


# --- 5. Multiple equivalent simultaneous offers ------------------------------------------


def equivalent_offers(s):
    """The course's answer to question 5: the three packages best for Orchard at the
    highest value to you, above the middle package's, that has three packages."""
    table = _table(s.learner)
    floor = table.points(middle_package(s))[0]
    by_value = {}
    for package, you, them in table.packages:
        if you > floor:
            by_value.setdefault(you, []).append((them, package))
    value = max(v for v, found in by_value.items() if len(found) >= 3)
    return [package for _, package in sorted(by_value[value], key=lambda f: -f[0])[:3]]


@question
def meso(answer, hidden=False):
    """Check a function that returns three packages worth the same to you, each better for
    you than splitting every issue down the middle."""
    for s in _scenarios(hidden):
        table = _table(s.learner)
        result = call_learner(answer, s)
        where = f"meso(scenario) for learner {s.learner}"
        if not isinstance(result, list | tuple) or len(result) != 3:
            _fail(
                where,
                f"return a list of three packages, got {result!r}",
                "it should return three packages",
            )
        packages = [_package(s, p, where) for p in result]
        if len({tuple(p.values()) for p in packages}) < 3:
            _fail(
                where,
                "two of the packages are the same: offer three different ones",
                "two packages are the same",
            )
        values = [table.points(p)[0] for p in packages]
        floor = table.points(middle_package(s))[0]
        if not all(same_money(v, values[0]) for v in values):
            _fail(
                where,
                f"the packages are worth {', '.join(f'{v:g}' for v in values)} to you: "
                "equivalent offers are worth the same to you, so that you are glad whichever "
                "Orchard picks",
                "the packages are not worth the same to you",
            )
        if values[0] <= floor + TOLERANCE:
            _fail(
                where,
                f"each is worth {values[0]:g} to you, no more than splitting every issue down "
                f"the middle ({floor:g}): an opening offer should be ambitious",
                "the packages are worth no more to you than the middle package",
            )
    passed("your three offers are worth the same to you, and each is ambitious.")


# --- 6. Responding to an offer ---------------------------------------------------------


def best_response(s, offer, next_ask, ceiling=None):
    """The course's answer to question 6."""
    reservation = reservation_of(s)
    if next_ask is None:
        return "accept" if offer >= reservation else "walk away"
    if offer >= next_ask:
        return "accept"
    if ceiling is not None and ceiling < reservation:
        return "walk away"
    return "counter"


def _offers(s, hidden):
    """(offer, next_ask, ceiling) cases, each at least 0.5 from every line the rule draws:
    your next ask, your reservation price, and Orchard's ceiling against it."""
    reservation = reservation_of(s)
    plan = course_plan(s, grounded_opening(s)[0])
    ask = plan[2]
    cases = [
        (ask + 0.5, ask, None),  # at least your next ask: accept
        (ask - 0.5, ask, None),  # just short of it, rounds left: counter
        (round(reservation * 0.6, 2), ask, None),  # a low-ball mid-way: counter
        (reservation - 4, ask, reservation - 2),  # a credible ceiling below your limit: walk
        (reservation + 0.5, None, None),  # last round, above your limit: accept
        (reservation - 0.5, None, None),  # last round, below it: walk away
    ]
    if hidden:
        cases += [
            (min(ask, s.their_estimate) - 3, ask, s.their_estimate),  # a ceiling above: counter
            (reservation - 0.5, plan[-1], None),  # below your limit, a round left: counter
            (plan[-1] + 0.5, plan[-1], None),  # late in the plan, at your ask: accept
            (round(reservation * 0.6, 2), None, None),  # a low-ball in the last round: walk
        ]
    return cases


@question
def respond(answer, hidden=False):
    """Check a function that answers Orchard's offer: accept, counter or walk away."""
    for s in _scenarios(hidden):
        for offer, next_ask, ceiling in _offers(s, hidden):
            result = call_learner(answer, s, offer, next_ask, ceiling)
            where = (
                f"respond(scenario, {offer:g}, {next_ask!r}, {ceiling!r}) for learner {s.learner}"
            )
            if result not in ANSWERS:
                _fail(
                    where,
                    f"return one of {', '.join(map(repr, ANSWERS))}, got {result!r}",
                    "it should return 'accept', 'counter' or 'walk away'",
                )
            expected = best_response(s, offer, next_ask, ceiling)
            if result != expected:
                hint, general = _response_hint(s, offer, next_ask, ceiling, expected, result)
                _fail(where, f"it should be {expected!r}, not {result!r}: {hint}", general)
    passed(
        "respond accepts what beats your next ask, counters while a deal is still possible, "
        "and walks away when the best deal left is below your reservation price."
    )


def _response_hint(s, offer, next_ask, ceiling, expected, given):
    """What is true of this offer that makes ``expected`` right and ``given`` wrong."""
    reservation = reservation_of(s)
    if next_ask is None:  # the last round: the offer on the table is the best deal left
        if expected == "accept":
            return (
                f"this is the last round and {offer:g} is above your reservation price "
                f"{reservation:g}: a deal there beats your BATNA",
                "at the end of the talks an offer above your reservation price beats your BATNA",
            )
        if given == "accept":
            return (
                f"{offer:g} is below your reservation price {reservation:g}: worse than your BATNA",
                "it accepts an offer below the reservation price",
            )
        return (
            f"this is the last round: there is no next offer to make, and {offer:g} is below "
            f"your reservation price {reservation:g}, so take your BATNA",
            "at the end of the talks, below the reservation price, it does not walk away",
        )
    if expected == "accept":
        return (
            f"{offer:g} is at least the {next_ask:g} you would ask next: holding out only "
            "delays a deal you would offer yourself",
            "it does not accept an offer at least as good as its own next ask",
        )
    if expected == "walk away":
        if given == "accept":
            return (
                f"{offer:g} is below your reservation price {reservation:g}: worse than your BATNA",
                "it accepts an offer below the reservation price",
            )
        return (
            f"Orchard cannot pay more than {ceiling:g}, below your reservation price "
            f"{reservation:g}: there is no zone, and countering only spends time",
            "it goes on countering when the evidence shows there is no zone",
        )
    if given == "accept":
        below = f", and below your reservation price {reservation:g}" if offer < reservation else ""
        return (
            f"{offer:g} is below the {next_ask:g} you would ask next{below}: while rounds "
            "remain, counter",
            "it accepts an offer below its own next ask while rounds remain",
        )
    known = (
        "nothing shows that Orchard cannot reach your reservation price"
        if ceiling is None
        else f"Orchard's ceiling {ceiling:g} is above your reservation price {reservation:g}"
    )
    return (
        f"rounds remain and {known}: a low offer is a reason to counter, not to leave",
        "it walks away while rounds remain and a deal is still possible",
    )


# --- Meeting the same buyer again --------------------------------------------------------

#: How this year's talks can end, from the ending that keeps most trust to the least.
ENDINGS = ("deal", "polite walk-away", "walk-out")


def next_year(s):
    """Next year's expected gain over your BATNA (thousands) after each of ``ENDINGS`` this
    year, for learner ``s``: the engine plays module 04's plan twice against a buyer like
    Orchard that remembers how the first talks ended (``course.engine.practice.next_time``),
    and averages over its four possible styles. The buyer's limit is drawn for the learner,
    5 to 45 above the reservation price; the plan opens 45 above it; prices run to 200."""
    from course.engine.practice import ARENA_STYLES, next_time

    mine = round(reservation_of(s))
    limit = mine + rng_for(f"{MODULE}:next-year", s.learner).randint(5, 45)
    runs = [next_time(mine, limit, style, opening=mine + 45, high=200) for style in ARENA_STYLES]
    return {e: round(sum(run[e]["gain"] for run in runs) / len(runs), 2) for e in ENDINGS}


def best_ending(s, offer, following):
    """The course's answer to the question on meeting again: the ending with the most over
    both years (this year's gain plus ``following[ending]``), the one that keeps more
    trust on a tie."""
    now = {"deal": offer - reservation_of(s), "polite walk-away": 0.0, "walk-out": 0.0}
    return max(ENDINGS, key=lambda e: (round(now[e] + following[e], 6), -ENDINGS.index(e)))


def _endings(s, hidden):
    """(offer, next year's gains) cases on both sides of the line where a deal below your
    reservation price is paid back next year, and an exact tie."""
    mine, following = reservation_of(s), next_year(s)
    back = following["deal"] - following["polite walk-away"]
    cases = [(mine + 4, following), (mine - back + 0.5, following), (mine - back - 0.5, following)]
    if hidden:
        flat = dict(following, deal=following["polite walk-away"])  # a deal buys nothing back
        reordered = {e: following[e] for e in reversed(ENDINGS)}
        cases += [
            (mine, flat),  # a tie over both years: keep the relationship
            (mine - back - 10, following),
            (mine - 0.5, flat),
            (mine + 0.5, flat),
            (mine - back + 0.25, reordered),
        ]
    return [(round(offer, 2), table) for offer, table in cases]


@question
def how_to_end(answer, hidden=False):
    """Check a function that chooses how to end this year's talks when you will meet the
    same buyer next year: a deal, a polite walk-away or a walk-out."""
    learners = HIDDEN_LEARNERS if hidden else ()
    for s in [variant(MODULE)] + [variant(MODULE, learner) for learner in learners]:
        mine = reservation_of(s)
        for offer, following in _endings(s, hidden):
            where = f"how_to_end(scenario, {offer:g}, {following}) for learner {s.learner}"
            result = call_learner(answer, s, offer, dict(following))
            if result not in ENDINGS:
                raise NotYet(
                    f"{where}: return one of {', '.join(map(repr, ENDINGS))}, got {result!r}.",
                    general="it should return 'deal', 'polite walk-away' or 'walk-out'",
                )
            expected = best_ending(s, offer, following)
            if result == expected:
                continue
            now = offer - mine
            if result == "walk-out":
                hint = (
                    "a walk-out gives you nothing more this year than a polite walk-away, and "
                    f"next year's talks go no better after it ({following['walk-out']:g} "
                    f"against {following['polite walk-away']:g}): leave the door open"
                )
                general = "it walks out, which never does better than leaving politely"
            elif expected == "deal" and now >= 0:
                hint = (
                    f"the deal gives {now:g} over your reservation price now, and next year "
                    "starts from more trust"
                )
                general = "it turns down a deal above the reservation price"
            elif expected == "deal":
                hint = (
                    f"the deal costs {-now:g} below your reservation price now, but next year "
                    f"pays back {following['deal'] - following['polite walk-away']:g} more "
                    "after a deal than after a polite walk-away: over both years it is worth it"
                    if now + following["deal"] > following["polite walk-away"]
                    else "on a tie over both years, keep the relationship: prefer the deal"
                )
                general = "it leaves when a deal is worth more over both years (or as much)"
            else:
                hint = (
                    f"the deal costs {-now:g} below your reservation price now, more than next "
                    f"year pays back after it ({following['deal'] - following['polite walk-away']:g})"
                    ": leave politely"
                )
                general = "it accepts a deal that costs more now than it brings back next year"
            raise NotYet(
                f"{where} should be {expected!r}, not {result!r}: {hint}.", general=general
            )
    passed(
        "how_to_end weighs this year's deal against what each ending does to next year's "
        "talks, and never burns the bridge."
    )
