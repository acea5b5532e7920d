"""Checks for module 03 (power): each names the mistake it recognises, and every hint is
true of the answer it is shown for."""

import functools
from collections.abc import Mapping
from fractions import Fraction
from numbers import Integral

from course.checks.calls import question
from course.checks.credit import Check, score
from course.checks.hints import NotYet, call_learner, diagnose, general_hint, money, passed
from course.scenarios.power import (
    BUYERS,
    LABELS,
    LEVERS,
    REPLIES,
    YOU,
    granite_share,
    kestrel_shapley,
    lever_gains,
    licence_game,
    table_share,
    tactic_key,
    tactic_label,
)
from course.scenarios.power import best_lever as _best_lever
from course.scenarios.power import granite_reply as _granite_reply
from course.scenarios.power import votes_needed as _votes_needed
from course.variants import learner_id, variant

MODULE = "03_power"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail. Between
#: them they give every reply to Granite and make every lever the best one (a test checks).
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 9))

PLAYERS = (YOU, *BUYERS)


@functools.lru_cache(maxsize=64)
def _drawn(learner):
    return variant(MODULE, learner)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = _drawn(learner_id())
    return [own] + ([_drawn(learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def amount(value, what):
    """Like ``hints.money``, but an exact Fraction (what the library returns for whole-number
    inputs) is a number too."""
    return money(float(value) if isinstance(value, Fraction) else value, what)


def _name(coalition):
    return "{" + ", ".join(p for p in PLAYERS if p in coalition) + "}" if coalition else "{}"


def _word(value, choices, what):
    """The learner's choice among ``choices`` (any case; spaces, underscores or hyphens
    between words), or a hint."""
    if isinstance(value, str):
        said = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
        if said in choices:
            return said
    raise NotYet(
        f"{what} should be one of {', '.join(repr(c) for c in choices)}, got {value!r}",
        general=f"it should return one of {', '.join(repr(c) for c in choices)}",
    )


# --- question 1: the licence market as a game -------------------------------------------------


def judge_market_game(s, result):
    """What the check of question 1 decides about ``result``, what ``market_game`` returned
    for scenario ``s``: nothing when it is right, else the ``NotYet`` hint."""
    if not isinstance(result, Mapping):
        raise NotYet(
            "market_game should return a dict from coalition (a frozenset of names) to "
            f"what it can earn, got {type(result).__name__}",
            general="it should return a dict from coalition to what it can earn",
        )
    given = {}
    for key, value in result.items():
        if isinstance(key, str) or not isinstance(key, frozenset | set | tuple):
            raise NotYet(
                f"{key!r} is not a coalition: write each key as a frozenset of names, "
                'e.g. frozenset({"Kestrel", "Atlas"})',
                general="a key is not a coalition: write each as a frozenset of names",
            )
        strangers = set(key) - set(PLAYERS)
        if strangers:
            raise NotYet(
                f"{', '.join(sorted(map(repr, strangers)))} is not a player; the players "
                f"are {', '.join(PLAYERS)}"
            )
        given[frozenset(key)] = amount(value, f"the value of {_name(key)}")
    for coalition, worth in licence_game(s).items():
        if coalition not in given:
            if not coalition:
                continue  # the empty coalition may be left out: it earns 0
            raise NotYet(f"your game has no value for {_name(coalition)}: give every coalition one")
        mistakes = []
        if coalition == set(PLAYERS):
            mistakes.append(
                (
                    s.atlas_value + s.borealis_value,
                    "there is one licence: Kestrel with both buyers earns the best buyer's "
                    "value, not the sum",
                )
            )
        if YOU not in coalition:
            otherwise = f"{_name(coalition)} has no licence to use without Kestrel, so it earns 0"
        elif coalition == {YOU}:
            otherwise = "Kestrel has no use for the process itself: on its own it earns 0"
        else:
            otherwise = f"{_name(coalition)} can earn {worth:,.0f}, not {given[coalition]:,.0f}"
        hint = diagnose(given[coalition], worth, mistakes, otherwise)
        if hint:
            general = (
                general_hint(hint, mistakes)
                or f"the value of {_name(coalition)} is not what that group can earn"
            )
            raise NotYet(
                f"market_game is not right for learner {s.learner}: {hint}.", general=general
            )


@question
def market_game(answer, hidden=False):
    """Check a function that returns what every coalition in the licence market can earn."""
    _each(answer, _scenarios(hidden), judge_market_game, None)
    passed("market_game gives every coalition what it can earn.")


# --- question 2: the licence's floor, and Atlas's "fair" proposal -----------------------------


def _pair(result, what, shape):
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise NotYet(f"{what} should return a pair {shape}, got {result!r}")
    return result


def judge_floor(s, result):
    """Question 2's first part, on ``result`` (what ``licence_floor`` returned for ``s``):
    nothing when the floor is right, else the ``NotYet`` hint."""
    floor, _ = _pair(result, "licence_floor", "(floor, accept)")
    value = amount(floor, "the floor")
    v1, v2 = s.atlas_value, s.borealis_value
    shapley = kestrel_shapley(s)
    below = " (and Borealis alone would pay more)" if shapley < v2 else ""
    not_a_floor = (
        "the Shapley value is a benchmark of fairness, not a floor: any price above what "
        "Borealis would pay beats selling to Borealis"
    )
    mistakes = [
        (shapley, f"that is Kestrel's Shapley value{below}; {not_a_floor}", not_a_floor),
        (
            s.atlas_proposal,
            f"that is Atlas's proposal, the Shapley value{below}; {not_a_floor}",
        ),
        (
            (v1 + v2) / 2,
            "that is where module 02's Nash split would put the price, with Borealis as "
            "Kestrel's BATNA: a prediction inside the core's range, not the lowest price "
            "Kestrel should take",
        ),
        (
            v1,
            "that is Atlas's value, the most Atlas would pay: the top of the range, not the floor",
        ),
        (
            v1 / 2,
            "that is half of Atlas's value, an even split with Atlas as the only buyer: a "
            "prediction of a bargain, not the price below which Kestrel should turn to Borealis",
        ),
        (
            0,
            "with Borealis in the market Kestrel never has to sell for less than what "
            "Borealis would pay",
        ),
        (v2 / 6, "that is Borealis's Shapley value; the question is Kestrel's floor"),
    ]
    hint = diagnose(
        value,
        v2,
        mistakes,
        "the floor is the price below which Kestrel does better by selling to the rival "
        "buyer (the lowest price in the core)",
    )
    if hint:
        raise NotYet(
            f"the floor is not right for learner {s.learner}: {hint}.",
            general=general_hint(hint, mistakes) or hint,
        )


def judge_accept(s, result):
    """Question 2's second part, on ``result``: nothing when the verdict on Atlas's
    proposal is right, else the ``NotYet`` hint."""
    _, accept = _pair(result, "licence_floor", "(floor, accept)")
    if not isinstance(accept, bool):
        raise NotYet(
            f"accept should be True or False, got {accept!r}",
            general="the second item should be True or False",
        )
    expected = s.atlas_proposal >= s.borealis_value
    if accept == expected:
        return
    proposal, v2 = f"{s.atlas_proposal:,.0f}", f"{s.borealis_value:,.0f}"
    if expected:
        hint = (
            f"Atlas's proposal of {proposal} is more than the {v2} Borealis would pay: it "
            "clears Kestrel's floor, so turning it down for Borealis would lose money"
        )
        general = "it refuses a proposal that beats what the rival buyer would pay"
    else:
        hint = (
            f"Atlas's proposal of {proposal} is less than the {v2} Borealis would pay: a "
            "price called fair can still be below your floor"
        )
        general = "it accepts a proposal below what the rival buyer would pay"
    raise NotYet(f"accept is not right for learner {s.learner}: {hint}.", general=general)


def _each(answer, scenarios, judge, message):
    """Run ``judge`` on the learner's result for each scenario; ``message`` when all pass."""
    for s in scenarios:
        judge(s, call_learner(answer, s))
    return message


@question
def licence_floor(answer, hidden=False):
    """Check a function that returns (the lowest price Kestrel should take from Atlas,
    whether to accept Atlas's proposal). Two parts, a point each."""
    scenarios = _scenarios(hidden)
    floor = "the floor is what the rival buyer would pay: the bottom of the core."
    verdict = "accept compares Atlas's proposal with the floor, not with the Shapley value."
    return score(
        Check("the floor", 1, lambda: _each(answer, scenarios, judge_floor, floor)),
        Check("Atlas's proposal", 1, lambda: _each(answer, scenarios, judge_accept, verdict)),
    )


# --- question 3: how many votes make Kestrel matter -------------------------------------------


def judge_votes_needed(s, result):
    """Question 3 on ``result``: nothing when it is right, else the ``NotYet`` hint."""
    whole = isinstance(result, Integral) and not isinstance(result, bool)
    if isinstance(result, float) and result.is_integer():
        result, whole = int(result), True
    if not whole:
        raise NotYet(
            f"votes_needed should return a whole number of votes, got {result!r}",
            general="it should return a whole number of votes",
        )
    expected = _votes_needed(s)
    if result == expected:
        return
    if result < 1:
        hint = general = "Kestrel needs at least 1 vote for its vote to decide anything"
    elif result > expected:
        hint = (
            f"with {expected} votes Kestrel can already swing a decision; look for the "
            "smallest number that gives it any power"
        )
        general = "it is more than the smallest number of votes that gives Kestrel power"
    else:
        hint = (
            f"with {result} vote{'s' if result > 1 else ''} Kestrel still never decides "
            f"anything: no group of the other owners has between {s.quota - result} and "
            f"{s.quota - 1} votes"
        )
        general = "with that many votes Kestrel still never swings a decision"
    raise NotYet(f"votes_needed is not right for learner {s.learner}: {hint}.", general=general)


@question
def votes_needed(answer, hidden=False):
    """Check a function that returns the fewest votes Kestrel needs to have any power."""
    _each(answer, _scenarios(hidden), judge_votes_needed, None)
    passed("votes_needed finds how many votes it takes to matter.")


# --- question 4: answering Granite --------------------------------------------------------------


def _granite_hint(s, said, expected):
    """Why ``said`` is the wrong reply to Granite's proposal when ``expected`` is right:
    the hint with the case's numbers, and the same in general words."""
    offer, harrow = f"{s.granite_offer:,.0f}", f"{s.outside_offer:,.0f}"
    table = f"{table_share(s):,.0f}"
    share = f"{granite_share(s):,.0f}"
    pie, d_you, d_them = s.contract_value, s.delta_you, s.delta_them
    kestrel_next = pie - d_them * (pie - granite_share(s))  # what Kestrel keeps, proposing
    waiting = f"{d_you * kestrel_next:,.0f}"
    hints = {
        ("accept", "reject"): (
            f"Granite's {offer} is at least Kestrel's equilibrium share ({share}); rejecting "
            f"costs a month, and proposing next month is worth only {waiting} today",
            "it rejects a proposal worth more than what rejecting and proposing next month "
            "is worth today",
        ),
        ("accept", "walk away"): (
            f"Harrow's {harrow} is less than Granite's {offer}: walking away would lose money",
            "it walks away to an outside option worth less than the proposal",
        ),
        ("walk away", "accept"): (
            f"Granite's {offer} is less than Harrow's {harrow}: Harrow's work is worth more",
            "it accepts a proposal worth less than the outside option",
        ),
        ("walk away", "reject"): (
            f"Harrow's {harrow} beats Kestrel's share at the table ({table}): rejecting and "
            f"proposing next month is worth only {waiting} today, less than Harrow now",
            "it rejects where the outside option beats the share at the table: walk away",
        ),
        ("reject", "accept"): (
            f"Granite's {offer} is less than Kestrel's share at the table ({table}), which is "
            "what rejecting and proposing next month is worth today",
            "it accepts a proposal worth less than rejecting and proposing next month",
        ),
        ("reject", "walk away"): (
            f"Harrow's {harrow} is less than Kestrel's share at the table ({table}): "
            "rejecting and proposing next month is worth more than Harrow; an outside option "
            "below what you get anyway is not worth taking",
            "it walks away to an outside option worth less than the share at the table",
        ),
    }
    return hints[expected, said]


def _judge_choice(s, result, question, choices, right, why):
    """A question whose answer is one of ``choices``: nothing when ``result`` is
    ``right(s)``, else the hint ``why(s, said, expected)`` gives, with its general words."""
    said = _word(result, choices, f"{question}'s answer")
    expected = right(s)
    if said != expected:
        hint, general = why(s, said, expected)
        raise NotYet(f"{question} is not right for learner {s.learner}: {hint}.", general=general)


def judge_granite_reply(s, result):
    """Question 4 on ``result``: nothing when it is right, else the ``NotYet`` hint."""
    _judge_choice(s, result, "granite_reply", REPLIES, _granite_reply, _granite_hint)


@question
def granite_reply(answer, hidden=False):
    """Check a function that answers Granite's first proposal: accept, reject or walk away."""
    _each(answer, _scenarios(hidden), judge_granite_reply, None)
    passed("granite_reply answers Granite the way the equilibrium says.")


# --- question 5: which lever ------------------------------------------------------------------


def _lever_hint(s, said, best):
    """Why lever ``said`` is not the best one for scenario ``s``, in the case's numbers and
    in general words; never naming the best one (``best``)."""
    gains = lever_gains(s)
    gain = f"{gains[said]:,.0f}"
    if said == "bidder" and gains[said] == 0:
        return (
            f"Corvid would pay {s.corvid_value:,.0f}, less than Borealis's "
            f"{s.borealis_value:,.0f}: the floor stays where Borealis puts it, so Corvid adds "
            "nothing",
            "it picks a third bidder who would pay less than the rival already there",
        )
    if said == "harrow" and gains[said] == 0:
        return (
            f"even raised, Harrow's {s.harrow_raised:,.0f} is below Kestrel's share at the "
            f"table ({table_share(s):,.0f}): an outside option below what you get anyway "
            "adds nothing",
            "it picks an outside option that stays below the share at the table",
        )
    if said == "loan" and gains[said] == 0:
        return (
            f"with the loan Kestrel's share at the table ("
            f"{table_share(s, s.delta_with_loan):,.0f}) is still below Harrow's "
            f"{s.outside_offer:,.0f}, which sets the deal: patience adds nothing here",
            "it picks more patience where the outside option still sets the deal",
        )
    return (
        f"{said} adds {gain}; work out what the other two add and compare",
        "it does not pick the lever that adds most",
    )


def judge_best_lever(s, result):
    """Question 5 on ``result``: nothing when it is right, else the ``NotYet`` hint."""
    _judge_choice(s, result, "best_lever", LEVERS, _best_lever, _lever_hint)


@question
def best_lever(answer, hidden=False):
    """Check a function that picks the lever adding most to what Kestrel can count on."""
    _each(answer, _scenarios(hidden), judge_best_lever, None)
    passed("best_lever picks the lever that adds most.")


# --- question 6: credible, bluff or out of bounds ---------------------------------------------


def _tactic_hint(s, tactic, said):
    """Why ``said`` is the wrong label for ``tactic``."""
    right = tactic_label(s, tactic)
    if right == "out of bounds":
        why = {
            "fake_bid": "it states a fact that is false, a bid Borealis never made",
            "inflated_harrow": "it misstates a fact, the size of Harrow's offer",
            "planning_committee": "it brings a public office, which is not Kestrel's to use, "
            "into a private deal",
            "bought_costs": "it buys confidential information from someone bound to keep it",
        }[tactic.kind]
        return f"it is out of bounds whatever it gains: {why}"
    # Not out of bounds: a true statement, or a claim about Kestrel's reservation price or
    # intentions, which its numbers make credible or a bluff.
    lead = (
        "it misstates no fact and uses no power that is not Kestrel's; "
        if (said == "out of bounds")
        else ""
    )
    if tactic.kind == "borealis_threat":
        price, v2 = f"{tactic.amount:,.0f}", f"{s.borealis_value:,.0f}"
        if right == "bluff":
            return (
                f"{lead}Borealis would pay at most {v2}, less than {price}: if Atlas offered a "
                "price in between, Kestrel would not sell to Borealis, so it is a bluff"
            )
        return (
            f"{lead}Borealis would pay up to {v2}, more than {price}: Kestrel really would "
            f"sell to Borealis rather than take less than {price} from Atlas, so it is credible"
        )
    if tactic.kind == "limit_claim":
        return (
            f"{lead}Kestrel would take less than {tactic.amount:,.0f}: it accepts any proposal "
            f"of at least its equilibrium share ({granite_share(s):,.0f}), and anything above "
            f"Harrow's {s.outside_offer:,.0f} beats walking away, so it is a bluff about its "
            "reservation price"
        )
    return f"{lead}it is true, and Kestrel would stand by it: it is credible"


def judge_tactic(s, tactic, labels):
    """Question 6 for one statement, given ``labels`` (letter -> label): what the learner got
    right, else the ``NotYet`` hint."""
    said = labels.get(tactic.letter)
    if said is None:
        raise NotYet(f"rate_tactics has no label for statement {tactic.letter} yet.")
    said = _word(said, LABELS, f"the label of {tactic.letter}")
    if said != tactic_label(s, tactic):
        raise NotYet(f"{tactic.letter}: {_tactic_hint(s, tactic, said)}.")
    return f"{tactic.letter} is {said}."


@question
def rate_tactics(answer):
    """Check a function that labels each of the scenario's four statements credible, bluff
    or out of bounds: half a point each."""
    s = _scenarios(False)[0]
    labels = call_learner(answer)
    if not isinstance(labels, Mapping):
        raise NotYet(
            f"rate_tactics should return a dict like {{'A': 'credible', ...}}, got {labels!r}"
        )
    labels = {str(letter).strip().upper(): label for letter, label in labels.items()}
    extra = sorted(set(labels) - set(tactic_key(s)))
    if extra:
        raise NotYet(f"there is no statement {extra[0]!r}; the statements are A, B, C and D.")
    return score(
        *(
            Check(f"statement {t.letter}", 0.5, functools.partial(judge_tactic, s, t, labels))
            for t in s.tactics
        )
    )
