"""Checks for module 04 (concessions): each names the mistake it recognises.

Every question is checked on its own: none calls the learner's answer to another question.
A hint says only what is true of the learner's answer; a hidden case's hint names no
number of the case (``general``).
"""

import functools
import itertools
import math

from course.checks.calls import answer_key, question
from course.checks.hints import NotYet, call_learner, evened, money, one_of, passed, same_money
from course.models.batna import TARGET_SHARE
from course.models.concessions import (
    TradeTable,
    better_for_both,
    preferred_trade,
    same_rank,
    time_dependent_offer,
    trade_rank,
    trade_tier,
)
from course.scenarios.concessions import (
    MESO_LEAST_SHARE,
    MESO_TOLERANCE,
    birch_is_strong,
    cheapest_start,
    closing_start,
    conceded_issues,
    concession_start,
    generous_start,
    landing_point,
    meso_triples,
    met_start,
    middle_package,
    more_ground,
    reservation_of,
    selfish_start,
    statement_about,
    statement_kinds,
    tied_closing_start,
)
from course.scenarios.concessions import pick_reading as _pick_reading
from course.variants import (
    hidden_cases_as,
    hidden_learner_where,
    hidden_rng,
    learner_id,
    rng_for,
    variant,
)

MODULE = "04_concessions"


def _birch_kind(s):
    """What the statement about Birch's offer is: a ``"fact"`` or ``"invented"``."""
    return statement_kinds(s)[statement_about(s, "birch")]


def _misquoted(s):
    """Whether one of the market facts is misquoted in ``s``'s statements."""
    kinds = statement_kinds(s)
    return any(
        kinds[key] == "invented" and st.about in ("survey", "linden")
        for key, st in s.statements.items()
    )


def _decoy_below_top(s):
    """Whether an untrue statement is the lowest figure at or above ``s.their_estimate``."""
    kinds = statement_kinds(s)
    lowest = min(
        (k for k, st in s.statements.items() if st.figure >= s.their_estimate),
        key=lambda k: s.statements[k].figure,
    )
    return kinds[lowest] != "fact"


class _HiddenLearners:
    """Other learners' scenarios the hidden tests also try, so hard-coded answers fail: drawn
    with the grader's secret key when graded, the public self-check learners otherwise
    (``course.variants.hidden_learner_where``). Whatever the key, their openings,
    equivalent offers and reservation prices all differ, Birch's offer is quoted truly (once
    stronger and once weaker than Orchard believes your other work pays, which is then
    below your reservation price) and inflated, an untrue figure lies below the high fact,
    the high fact is Linden's price (the budget is tighter), the price Fern, another retailer, paid a studio
    and the survey's rate (then Linden's price is misquoted), and one has a package from
    which the best gain per point gives more than closes the deal (a test checks): each kind
    takes the first learner that fits it and differs from those taken before. Read afresh
    each time, as the key decides who they are."""

    _KINDS = (
        ("birch-strong", lambda s: _birch_kind(s) == "fact" and birch_is_strong(s)),
        (  # weaker than Orchard believes, though your reservation price is above that
            # belief: comparing Birch with your reservation price, not with Orchard's
            # belief, tells it here, and the check refuses that
            "birch-weak",
            lambda s: _birch_weak(s),
        ),
        ("birch-inflated", lambda s: _birch_kind(s) == "invented"),
        # an untrue statement is the lowest figure at or above your estimate of Orchard's
        # limit: a rule on figures alone, not on the story, cites it
        ("tight", lambda s: s.tighter and _decoy_below_top(s)),
        ("retailer-real", lambda s: "retailer" in s.facts),
        (  # a package from which the rate alone would concede more than closes the deal
            "closing-differs",
            lambda s: closing_start(_table(s.learner), s.their_minimum) is not None,
        ),
        (  # the survey is the high fact (no tighter budget, no price Fern paid)
            # and Linden's price is misquoted
            "survey-high-misquoted",
            lambda s: not s.tighter and "retailer" not in s.facts and _misquoted(s),
        ),
    )

    def __iter__(self):
        chosen, seen = [], []

        def accept(learner, fits):
            s = _variant(learner)
            marks = _marks(s)
            if not fits(s) or any(
                a == b for mark in seen for a, b in zip(mark, marks, strict=True)
            ):
                return False
            seen.append(marks)
            return True

        for label, fits in self._KINDS:
            chosen.append(
                hidden_learner_where(
                    MODULE, label, lambda learner, fits=fits: accept(learner, fits)
                )
            )
        return iter(chosen)

    def __len__(self):
        return len(self._KINDS)


def _marks(s):
    """What two hidden scenarios must not share: reservation price, opening, equivalent
    offers."""
    return (reservation_of(s), grounded_opening(s), str(equivalent_offers(s)))


HIDDEN_LEARNERS = _HiddenLearners()

#: How far a price (in thousands) may sit from a line and still count as on it: a cent.
TOLERANCE = 0.01

ANSWERS = ("accept", "counter", "walk away")


@functools.lru_cache(maxsize=1024)
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


def _fail(where, hint, general):
    raise NotYet(f"{where}: {hint}.", general=general)


def _spelled(word, choices):
    """``word`` as ``choices`` spell it when it is one of them up to case, spaces, '_' and
    '-' (``hints.evened``, as modules 00, 02 and 03 read a word), else ``word`` itself for
    the caller's own hint (review 81 X1: 'Accept' and 'walk-away' failed question 6)."""
    said = evened(word)
    return next((choice for choice in choices if evened(choice) == said), word)


# --- 1. A grounded opening -------------------------------------------------------------


@answer_key
def grounded_opening(s, anchor=None, rival=None):
    """The course's answer to question 1: the most ambitious price a true statement
    justifies, with what you say: that statement alone (a tuple of keys). Birch's real offer
    stays private: named, it is a number well below your opening, which anchors low and
    shows roughly where your reservation price is. Telling it, as the fact it is, passes
    too when it beats what Orchard believes your other work pays (``birch_is_strong``):
    Birch binds, as Kite's share at the table, counted without it, is Kite's extra cost
    plus about half the surplus (what the job is worth to Orchard less that cost), so
    telling it raises the price Orchard expects (section 1; review 69 X2; review 103 E1,
    C4; review 112 E1). Below that belief, telling it fails.
    Whether or not Orchard has opened first (its ``anchor`` tells you what it would like to
    pay, not what its alternatives are); with a ``rival`` studio's quote to Orchard (news about its
    alternatives), no more than that quote, which Orchard will not pay you more than, and
    never below your reservation price: a quote under it leaves no zone, and you walk away
    (section 5; review 98 C2; the check sends no such quote)."""
    kinds = statement_kinds(s)
    key = max(
        (k for k in s.statements if kinds[k] == "fact" and s.statements[k].about != "birch"),
        key=lambda k: s.statements[k].figure,
    )
    figure = s.statements[key].figure
    if rival is not None:
        figure = max(min(figure, rival), reservation_of(s))
    return figure, (key,)


def _said(result):
    """The keys a learner's answer says: one key, or a list, tuple or set of keys (``None``
    when it is neither)."""
    said = result[1]
    if isinstance(said, str):
        return [said]
    if isinstance(said, list | tuple | set | frozenset) and all(isinstance(k, str) for k in said):
        return sorted(said) if isinstance(said, set | frozenset) else list(said)
    return None


def _keys(s, said):
    """The statement keys ``said`` as ``s.statements`` spells them ('a' reads 'A')."""
    return [_spelled(key, s.statements) for key in said]


def _anchor(s):
    """An extreme opening of Orchard's: well below your reservation price."""
    return float(round(0.7 * reservation_of(s)))


def _anchors(s, hidden):
    """No anchor, an extreme one and a milder one below Birch's price. Review 79 X1: the
    visible check tries every kind of case the hidden test does (``hidden`` is kept for
    the callers), so a green self-check is not followed by a failed grade on the same
    scenario."""
    return [None, _anchor(s), float(round(0.9 * s.alternative_price))]


def _rivals(s, hidden):
    """Rival studios' quotes to Orchard, each with Orchard's anchor or none, whole numbers:
    one at least 3 below your estimate of Orchard's reservation price (news that lowers
    it), one between the estimate and the most a true fact justifies (it caps the
    opening, but the estimate stands) and one above that most (news that changes nothing
    you can say), one further below, the one between with an anchor, and one just above
    your reservation price (``FLOOR_QUOTE`` over it), where 3 under that quote is below
    the rule's target of three quarters, though not below the even split (review 89 C1). Review 79 X1: the visible check tried only the
    quote 6 under the estimate, where the target rarely binds, so "3 under any quote"
    passed it for every learner tried and failed the hidden test; the visible check now
    tries every quote the hidden test does (``hidden`` is kept for the callers)."""
    estimate, top = s.their_estimate, grounded_opening(s)[0]
    between = (estimate + top) // 2
    low = reservation_of(s) + FLOOR_QUOTE
    quotes = [(_anchor(s), estimate - 6), (None, between), (None, top + 4), (None, low)]
    quotes += [(None, estimate - 10), (_anchor(s), between)]
    return [(anchor, float(quote)) for anchor, quote in quotes]


def _birch_weak(s):
    """Whether Birch's true offer is weaker than Orchard believes though your reservation
    price is above that belief: only here does comparing Birch with your own reservation
    price, not with Orchard's belief, cite it."""
    return _birch_kind(s) == "fact" and s.alternative_price < s.their_guess < reservation_of(s)


def _untrue_below_top(s):
    """Whether an invented figure is the lowest, threats aside, at or above your estimate of
    Orchard's reservation price: only here does a rule that reads figures and not the story
    (the lowest figure that is ambitious enough) cite an untrue statement."""
    kinds = statement_kinds(s)
    claims = [k for k, st in s.statements.items() if kinds[k] != "threat"]
    ambitious = [k for k in claims if s.statements[k].figure >= s.their_estimate]
    return kinds[min(ambitious, key=lambda k: s.statements[k].figure)] == "invented"


#: The public self-check learners ``_public_learner`` found, by label.
_PUBLIC_FOUND = {}


def _public_learner(label, accept):
    """``hidden_learner_where(MODULE, label, accept)`` without a grading key: the first
    public self-check learner ``<label>-1``, ``<label>-2``, ... whose id ``accept`` takes.
    Which one that is hangs on no learner and no key, only on the course's draws, yet the
    checks asked again each time they ran, walking up to dozens of learners (question 4b's
    at-minimum learner is the 37th): the one found is remembered by its label, and used
    again while ``accept`` still takes it (a changed draw or rule searches afresh). A grade
    never reads this memory as a learner's kernel left it: the grader replays each check in
    its own process (``course.checks.calls``)."""
    found = _PUBLIC_FOUND.get(label)
    with hidden_cases_as(None):
        if found is None or not accept(found):
            found = _PUBLIC_FOUND[label] = hidden_learner_where(MODULE, label, accept)
    return found


def _opening_learner(label, fits):
    """A public self-check learner whose scenario ``fits``, for question 1's visible check."""
    return _public_learner(label, lambda learner: fits(_variant(learner)))


def _opening_scenarios(hidden):
    """Question 1's scenarios: ``_scenarios``, and, in the visible check, a public learner
    whose Birch offer is weaker than Orchard believes though your reservation price is
    above that belief, and one whose lowest figure at or above your estimate is
    untrue, each when the learner's own scenario is not of that kind: so the rule's two
    central distinctions (Orchard's belief, not your reservation price; the story's facts,
    not figures alone) are refused before grading, not only by the hidden test."""
    found = _scenarios(hidden)
    own = found[0]
    if not hidden:
        # review 79 X1: the public versions of the hidden test's learners too, so every
        # kind of story the hidden test tries (Birch inflated, a real retailer, ...) is
        # tried before grading
        with hidden_cases_as(None):
            public = [_variant(learner) for learner in HIDDEN_LEARNERS]
        found += [p for p in public if all(p.learner != s.learner for s in found)]
        for label, fits in (
            ("birch-weak-visible", _birch_weak),
            ("untrue-visible", _untrue_below_top),
        ):
            if not fits(own):
                other = _variant(_opening_learner(label, fits))
                if all(other.learner != s.learner for s in found):
                    found.append(other)
    return found


@question
def opening(answer, hidden=False):
    """Check a function that returns an opening price and the statement that grounds it,
    first when you open and then when Orchard has opened with an extreme anchor."""
    told = None  # whether your answer for your own scenario, with no anchor, tells of Birch
    for s in _opening_scenarios(hidden):
        first = None
        for anchor in _anchors(s, hidden):
            result = call_learner(answer, s, anchor)
            if first is not None:  # the pull is the lesson: named before what it leads to
                _refuse_anchor_pull(s, anchor, result, first)
            price = _check_opening(s, anchor, result, None)
            if told is None:
                told, opened = statement_about(s, "birch") in _keys(s, _said(result)), price
            if first is None:
                first = price
        for anchor, rival in _rivals(s, hidden):
            result = call_learner(answer, s, anchor, rival)
            _check_opening(s, anchor, result, rival)
    own = _variant(learner_id())
    if _birch_kind(own) == "fact" and birch_is_strong(own):
        # review 69 X2: a judgement either way; review 103 E1: each choice with its reason,
        # on the learner's numbers
        below = f"{own.alternative_price:g} is {1 - own.alternative_price / opened:.0%} below"
        beats = f"beats the {own.their_guess:g} Orchard believes your other work pays"
        birch = (
            f"you tell Orchard of Birch's offer, a true fact that {beats}, so, as Birch "
            "binds, it raises the price Orchard expects (keeping it private, the model "
            f"answer's choice, would have passed too: its {below} your opening, a low number "
            "that shows roughly where your reservation price is)"
            if told
            else f"you keep Birch's offer private: its {below} your opening, a low number "
            "that would anchor Orchard and show roughly where your reservation price is "
            f"(telling it would have passed too: it {beats}, so, as Birch binds, it would "
            "raise the price Orchard expects)"
        )
    elif _birch_kind(own) == "fact":
        birch = "you keep Birch's offer, weaker than Orchard believes, to yourself"
    else:
        birch = "you do not cite the inflated figure for Birch's offer"
    passed(
        "your opening is ambitious, a true fact you can state justifies it, "
        f"{birch}, Orchard's anchor does not move your price, and a rival's quote (news "
        "about Orchard's alternatives) caps it whenever the quote is lower than your price: "
        "below your estimate or between it and your best fact."
    )


@answer_key
def _refuse_anchor_pull(s, anchor, result, first):
    """A hint if Orchard's ``anchor`` moved the opening price of ``result`` away from
    ``first``, the price given with no anchor. It comes before ``_check_opening`` judges the
    pulled price (as timid, say): a learner who split the difference with the anchor should
    hear that the anchor moved them (review 64, X2)."""
    if not isinstance(result, tuple | list) or len(result) != 2:
        return
    try:
        price = money(result[0], "the opening price")
    except NotYet:
        return  # not a price yet: _check_opening says what it should be
    if same_money(price, first):
        return
    _fail(
        f"opening(scenario, {anchor:g}) for learner {s.learner} gave {result!r}",
        f"Orchard's opening of {anchor:g} moved your answer from {first:g} to {price:g}. Its "
        "number tells you what it would like to pay, not what it would pay elsewhere; answer "
        "with the grounded opening you would make anyway, which rests on the facts you can "
        "name, and give its number no pull beyond what it tells you: here it tells you "
        "nothing new",
        "Orchard's anchor moves the answer",
    )


def _check_opening(s, anchor, result, rival):
    """The opening price of ``result`` if it is ambitious and grounded (and, with a
    ``rival`` quote, no more than it), else a hint."""
    called = f"{anchor!r}" if rival is None else f"{anchor!r}, {rival:g}"
    where = f"opening(scenario, {called}) for learner {s.learner} gave {result!r}"
    if not isinstance(result, tuple | list) or len(result) != 2:
        _fail(
            where,
            "return a pair: your opening price and the keys of the statements you will "
            "make, e.g. (120, ['A'])",
            "it should return a pair (price, statement keys)",
        )
    said = _said(result)
    if said is None:
        _fail(
            where,
            f"the second part of your answer, {result[1]!r}, should be the keys of the "
            "statements you make, in a list (one key on its own is fine too), e.g. "
            "['A']",
            "the statements you make should be given as a list of keys",
        )
    if not said:
        _fail(
            where,
            "you make no statement: an opening needs a true fact that justifies it, so name "
            "at least one key of s.statements",
            "it makes no statement to justify the opening",
        )
    said = _keys(s, said)
    if any(key not in s.statements for key in said):
        _fail(
            where,
            f"{result[1]!r} is not a list of statements of your scenario; the keys are "
            f"{', '.join(map(repr, s.statements))}",
            "the statements should be keys of s.statements",
        )
    price = money(result[0], "the opening price")
    for key in said:
        _check_statement(s, where, key)
    # the statement that grounds the price: the cited one that names the most
    key = max(said, key=lambda k: s.statements[k].figure)
    statement = s.statements[key]
    reservation, estimate = reservation_of(s), s.their_estimate
    # review 76 X2: a written quote caps Orchard's reservation price at the quote. A quote
    # at or below the most a true fact justifies lets the opening sit up to QUOTE_BAND
    # under it (an edge over an equal rival), wherever the quote lies against the
    # estimate; a higher quote changes nothing
    least = estimate
    if rival is not None and rival <= grounded_opening(s)[0] + TOLERANCE:
        least = min(estimate, rival - QUOTE_BAND)
    if price > statement.figure + TOLERANCE:
        _fail(
            where,
            f"{price:g} is more than {key!r} can justify: that statement names "
            f"{statement.figure:g}. Open at most at the figure of the fact you cite, or "
            "cite a fact that names more",
            "the price is more than the statement it cites can justify",
        )
    if rival is not None and price > rival + TOLERANCE:
        _fail(
            where,
            f"{price:g} is more than the {rival:g} on the rival studio's signed quote that "
            "Orchard showed you for the same work. Unlike Orchard's anchor, the quote is news "
            "about its alternatives: "
            f"it will not pay you more than {rival:g}, so your estimate of its reservation "
            "price falls there, and an opening above it is not one it will take seriously",
            "the price is above the rival's quote, which is news about Orchard's alternatives",
        )
    if price < reservation - TOLERANCE:
        _fail(
            where,
            f"{price:g} is below your own reservation price, {reservation:g}: you would "
            "open at a price you must refuse",
            "the price is below your reservation price",
        )
    if price < least - TOLERANCE and least < estimate:
        _fail(
            where,
            f"{price:g} is timid: the rival studio's signed quote that Orchard showed you "
            f"names {rival:g} for the same work, which caps Orchard's reservation price "
            f"against you at {rival:g}; "
            f"{rival - price:g} under it gives away more than the small edge that leaves "
            f"Orchard a reason to prefer you. Open at the quote or up to {QUOTE_BAND:g} "
            "(thousand) under it, as far as a true fact justifies",
            "the price is well below the rival's quote",
        )
    # review 77 C3: a quote below the estimate lowers the estimate to it, and the target
    # (section 2's rule) with it; the opening stays above the target. Review 89 C1:
    # section 2 accepts any target in module 02's band, so the floor is its foot, the even
    # split up to the lowered estimate (three quarters, the rule's own target, passes too;
    # review 110 C1, review 112 X1: so does one above that but below the quote, the lowered
    # estimate, never at it)
    lowered = (reservation + min(estimate, rival)) / 2 if rival is not None else None
    if lowered is not None and price < lowered - TOLERANCE:
        _fail(
            where,
            f"{price:g} is below your target: the rival's quote of {rival:g} lowers your "
            f"estimate of Orchard's reservation price to {rival:g}, and with it your target, "
            f"which lies from the even split, halfway from your reservation price "
            f"{reservation:g} up to it ({lowered:g}), to three quarters of the way, or above "
            "that but below the quote (section 2). Open at or above that target",
            "the price is below the target recomputed from the rival's quote",
        )
    if price < least - TOLERANCE:
        news = "" if rival is None else ", even after the rival's quote"
        _fail(
            where,
            f"{price:g} is timid: your best estimate of Orchard's reservation price is "
            f"{estimate:g}{news}, {estimate - price:g} more than this opening asks. "
            "Open at or just beyond that estimate, as far as a true fact justifies",
            "the price is below your estimate of Orchard's reservation price",
        )
    kinds = statement_kinds(s)
    for low in said:
        figure = s.statements[low].figure
        if (
            s.statements[low].about != "birch"
            and kinds[low] == "fact"
            and figure < price - TOLERANCE
        ):
            _fail(
                where,
                f"{low!r} is true, but it names {figure:g}, less than the {price:g} you ask: "
                "a price fact that names less than your opening argues against it. It gives "
                "Orchard a lower number to hold on to and tells it the work can be had for "
                "less; leave it unsaid and cite only the facts that support your price",
                "it cites a true price fact that names less than its opening",
            )
    return price


@answer_key
def _check_statement(s, where, key):
    """A hint if ``key`` is a statement not to make: untrue, a threat, or a weak
    alternative that would lower Orchard's estimate of the least you would take."""
    kind, statement = statement_kinds(s)[key], s.statements[key]
    reservation = reservation_of(s)
    about = statement.about
    if kind == "invented" and about == "birch":
        _fail(
            where,
            f"{key!r} is not true: Birch has offered {s.alternative_price:g}, not "
            f"{statement.figure:g}. Inflating your alternative misrepresents a material fact "
            "(it can be fraud), and Orchard may check it: say only what is true",
            "it cites a statement that is not true",
        )
    if kind == "invented" and about == "retailer":
        _fail(
            where,
            f"{key!r} is not true: Birch is the only other client with work for you this year, and "
            "your story names no offer from another retailer. Citing an offer that does not "
            "exist misrepresents a material fact (it can be fraud), and it falls apart as "
            "soon as Orchard asks about it: say only what is true",
            "it cites a statement that is not true",
        )
    if kind == "invented":
        source = "this year's rate survey" if about == "survey" else "Orchard's price to Linden"
        _fail(
            where,
            f"{key!r} is not true: your story gives {s.facts[about]:g} for {source}, not "
            f"{statement.figure:g}. Misquoting a price fact misrepresents it (Orchard knows "
            "what it paid, and can read the survey): say only what is true",
            "it cites a statement that is not true",
        )
    if kind == "threat":
        _fail(
            where,
            f"{key!r} is a threat: it tells Orchard what you will do to it if it does not "
            "pay. Threats invite a counter-threat or a walk-out; state a fact and let "
            "Orchard draw its own conclusion. This one is not even true: any price above "
            f"your reservation price {reservation:g} beats Birch's job, so you would not take "
            f"it rather than accept less than {statement.figure:g}. A false statement of your "
            "intent sits on the line between a bluff and a misrepresentation (module "
            "00), and it is a threat besides",
            "it cites a threat, not a fact",
        )
    if about == "birch" and not birch_is_strong(s):
        _fail(
            where,
            f"{key!r} is true, but Birch's {statement.figure:g} is less than the "
            f"{s.their_guess:g} Orchard already believes your other work pays: telling "
            "Orchard would lower its estimate of the least you would take, and show it that "
            "your alternative is weak. An alternative below what the other side already "
            "believes of it lowers the price it expects at the table (section 1; question "
            "1's rule 'Your alternative'): keep this one private",
            "it cites a weak alternative, which tells Orchard how little you could get elsewhere",
        )


# --- 2. A concession plan --------------------------------------------------------------

#: How far below a rival's written quote (one at or below the most a true fact justifies;
#: review 76 X2) question 1 accepts an opening: the quote caps Orchard's reservation
#: price, and a little under it leaves Orchard a reason to prefer you.
QUOTE_BAND = 3.0

#: How far above your reservation price question 1's lowest rival quote lies (review 79
#: X1): the target that quote leaves is 4 (the even split) to 6 (three quarters) over the
#: reservation price, so an opening 3 under the quote is above the foot of the band
#: (review 89 C1) but below the rule's three quarters.
FLOOR_QUOTE = 8.0

#: The most of everything a plan concedes that its first concession may give.
FIRST_SHARE = 0.6

#: The latest round of a plan's first concession. Rounds count from 1, the opening, as
#: in the widgets (review 103 U4). Round 2 holds: Orchard has only opened, and an
#: opening is not a concession, so a step then would be a concession into silence
#: (section 3, rule 1). A hold past round 3 says you can wait, and two sides that both
#: wait may run out of rounds (section 2).
LATEST_FIRST = 3

#: The finest rounding question 2 recognises: a plan whose offers are all whole numbers,
#: or all have at most this many decimals, has been rounded to that grain (1, 0.1, 0.01 or
#: 0.001 thousand); any other plan has not been rounded.
MOST_DECIMALS = 3


def rounding_grain(plan):
    """The grain a plan was rounded to: 10 ** -d for the fewest decimals d (at most
    ``MOST_DECIMALS``) that write every offer exactly, or 0.0 if none does. Rounding each
    offer to that grain moves it by at most half a grain, so a rounded step can exceed an
    earlier rounded step by up to one grain, and a rounded end can miss a line by half."""
    for decimals in range(MOST_DECIMALS + 1):
        if all(abs(offer - round(offer, decimals)) <= 1e-9 for offer in plan):
            return 10.0**-decimals
    return 0.0


#: The least a shrinking plan's last step falls short of its first, as a share of the
#: first: the curves question 2 names (1.1 <= beta <= 2) shrink by about a fifth or more.
LEAST_SHRINK = 0.1


def rounding_hid_a_shrink(first, last, grain):
    """Whether rounding to ``grain`` can be why a plan's last step (``last``) is not
    smaller than its first (``first``): rounding moves each step by at most a grain, so
    it can hide a shrink of less than two grains, and only a shrink of at least
    ``LEAST_SHRINK`` of the first step counts as steps that, unrounded, would differ. An
    exactly linear plan whose offers happen to need few decimals is not one."""
    return bool(grain) and last - first < 2 * grain and 2 * grain > LEAST_SHRINK * (first - grain)


def _grain_words(grain):
    return {1.0: "whole thousands", 0.1: "one decimal", 0.01: "two decimals"}.get(
        grain, "three decimals"
    )


# The course's one target rule (module 02, ``TARGET_SHARE``): every opening in this module
# rests on a fact beyond the estimate, past the band's top; module 02 lets such a fact lift
# the target above the top, with less room to concede, and this module stops it below the
# estimate (review 112 X1: the zone you estimated ends there, and question 1 lets you open
# there); the course's own examples stop at the band's top (section 2's aside).


@answer_key
def course_target(s):
    """Section 2's target for learner ``s``: the top of module 02's band, three quarters of
    the way from the reservation price up to the estimate of Orchard's, the course's own
    choice (question 2 accepts any target from the even split up to just below the
    estimate). It is below every opening question 2 tries (those start at the estimate)."""
    reservation = reservation_of(s)
    return reservation + TARGET_SHARE * (s.their_estimate - reservation)


@answer_key
def course_plan(s, opening):
    """The check's plan for question 2, which question 6's cases use: from ``opening``, a
    hold in round 2 (Orchard has only opened), then steps that shrink (a Faratin curve with
    β = 1.5, so concave) to section 2's target (``course_target``), three quarters of the
    way from the reservation price up to the estimate. The notebook's model answer stops at
    the same target; it writes its shrinking steps by hand (steps in proportion n, ..., 1)."""
    target = course_target(s)
    last = s.rounds - 2  # round 2 holds: Orchard has only opened
    return [opening] + [
        time_dependent_offer(t, last, opening, target, 1.5) for t in range(last + 1)
    ]


def _openings(s, hidden):
    """Openings to plan from: grounded ones, from Orchard's likely limit to the most a
    true fact justifies."""
    top = grounded_opening(s)[0]
    # a whole number: a plan rounded to whole thousands starts exactly there
    # review 79 X1: visible and hidden try the same openings (``hidden`` kept for callers)
    return [top, s.their_estimate, (top + s.their_estimate) // 2]


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
                    f"return a list of {s.rounds} offers, one for each round from 1 to "
                    f"{s.rounds} (s.rounds), got {result!r}",
                    "it should return a list of s.rounds offers",
                )
            plan = [
                money(offer, f"the plan's offer for round {t}")
                for t, offer in enumerate(result, start=1)
            ]
            _check_plan(plan, start, reservation, where, s.their_estimate)
    passed(
        "your plan opens where you chose, never goes back up, concedes in steps that shrink, "
        "and stops at a target from the even split between your reservation price and your "
        "estimate of Orchard's up to just below that estimate."
    )


def _listed(plan):
    return ", ".join(f"{offer:.2f}" for offer in plan)


def _target_fault(plan, reservation, where, estimate):
    """Question 2's hint for a plan whose target is at or above the estimate (review 112 X1)."""
    split = (reservation + estimate) / 2
    top = reservation + TARGET_SHARE * (estimate - reservation)
    _fail(
        where,
        f"the plan [{_listed(plan)}] stops at {plan[-1]:.2f}, at or above {estimate:g}, "
        "your estimate of Orchard's reservation price: the fault is your target, not the "
        "plan's shape. A target there aims at or past the most you expect Orchard to pay, "
        "and from an opening at your estimate (question 1 allows one) it leaves nothing to "
        f"concede. Aim below {estimate:g}: module 02's band runs from the even split ({split:g}) "
        f"to three quarters of the way up ({top:g}), and the check accepts any target "
        f"from {split:g} up to just below {estimate:g} (section 2)",
        "the plan's target is at or above your estimate of Orchard's reservation price",
    )


@answer_key
def _check_plan(plan, start, reservation, where, estimate):
    """Question 2's rules for ``plan`` from ``start``, with your ``reservation`` price and
    your ``estimate`` of Orchard's."""
    if not same_money(plan[0], start):
        _fail(
            where,
            f"the plan [{_listed(plan)}] should start at the opening, {start:g}",
            "it does not start at the opening",
        )
    # review 112 X1: a target at or above the estimate is the fault, not the plan's shape;
    # from the opening at the estimate that this check tries, such a plan never concedes or
    # goes back up (it ends at or above its opening), so say so before the shape's hints;
    # any other plan ending there hears it once its shape passes (one rule, every opening)
    split = (reservation + estimate) / 2
    if plan[-1] >= estimate - TOLERANCE and plan[-1] >= plan[0] - TOLERANCE:
        _target_fault(plan, reservation, where, estimate)
    # steps[i] leads into plan[i + 1], the offer of round i + 2 (rounds count from 1)
    steps = [before - after for before, after in itertools.pairwise(plan)]
    for t, step in enumerate(steps, start=2):
        if step < -TOLERANCE:
            _fail(
                where,
                f"in round {t} the plan [{_listed(plan)}] goes back up, to {plan[t - 1]:.2f}: an offer "
                "above your last one reads as a retraction and breaks trust",
                "the plan goes back up",
            )
    grain = rounding_grain(plan)
    if plan[-1] < split - grain / 2 - TOLERANCE:
        _fail(
            where,
            f"the plan [{_listed(plan)}] ends at {plan[-1]:.2f}, below {split:g}, the even "
            f"split between your reservation price {reservation:g} and your "
            f"estimate of Orchard's {estimate:g}: module 02's convention puts a target no lower than that "
            "split, so that you aim for at least half of the way up to your estimate and keep room "
            "above your reservation price for a last trade",
            "the plan ends below the even split",
        )
    total = plan[0] - plan[-1]
    if total <= TOLERANCE:
        _fail(
            where, f"the plan [{_listed(plan)}] never concedes anything", "the plan never concedes"
        )
    moves = [(t, step) for t, step in enumerate(steps, start=2) if step > TOLERANCE]
    if moves[0][0] == 2:
        _fail(
            where,
            f"the plan [{_listed(plan)}] concedes in round 2, when Orchard has only made its "
            "opening: an opening is not a concession, so that step is a concession into "
            "silence (section 3, rule 1); hold in round 2 and make your first step in round 3, "
            "in answer to Orchard's first move",
            "the plan concedes in round 2, before Orchard has made a concession",
        )
    if moves[0][0] > LATEST_FIRST:
        _fail(
            where,
            f"the plan [{_listed(plan)}] holds until round {moves[0][0] - 1} and first "
            f"concedes in round {moves[0][0]}: a hold that long tells Orchard you can wait, "
            "and if it waits too, the two of you may run out of rounds (section 2); make "
            f"your first concession by round {LATEST_FIRST}",
            "the plan holds too long before its first concession",
        )
    for at, (t, step) in enumerate(moves[1:], start=1):
        smallest = min(before for _, before in moves[:at])
        if step > smallest + grain + TOLERANCE:
            # review 75 X5: a plan whose offers happen to need two or three decimals (a
            # Faratin curve, say) was told of rounding it never did
            explains = (
                f"by more than rounding to {_grain_words(grain)} explains (up to {grain:g} more)"
                if grain >= 0.1
                else f"by more than rounding to {_grain_words(grain)} explains, if you rounded "
                f"(up to {grain:g} more)"
                if grain
                else "(your offers are not rounded to whole thousands or to at most "
                f"{MOST_DECIMALS} decimals, so this is not rounding)"
            )
            _fail(
                where,
                f"the concession in round {t} ({step:.2f}) is bigger than an earlier one "
                f"({smallest:.2f}) {explains}, in [{_listed(plan)}]: steps "
                "that grow tell Orchard that more is coming if it waits; let no concession be "
                "bigger than one before it",
                "a concession is bigger than one before it",
            )
    # review 78 X4: the steps must shrink at least once (some later step smaller than the
    # first), so a plan in whole thousands that shrinks once passes even where rounding
    # then lets a step come back up by a unit
    later = min((step for _, step in moves[1:]), default=None)
    if later is not None and later >= moves[0][1] - TOLERANCE:
        first = moves[0][1]
        same = "the same size as" if same_money(later, first) else "bigger than"
        rounding = (
            f" (if you rounded your offers to {_grain_words(grain)}, rounding can make "
            "steps equal that were not: keep more decimals, or round so that a step comes "
            "out smaller)"
            if rounding_hid_a_shrink(first, later, grain)
            else ""
        )
        # review 82 X3: a step that grows within rounding's allowance is the plan's real
        # fault when the steps never shrink (say [100, 100, 99, 97, ...]): name it first
        grows = next(
            (
                (t, step, min(before for _, before in moves[:at]))
                for at, (t, step) in enumerate(moves[1:], start=1)
                if step > min(before for _, before in moves[:at]) + TOLERANCE
            ),
            None,
        )
        growing = (
            f"the concession in round {grows[0]} ({grows[1]:.2f}) grows from an earlier one "
            f"({grows[2]:.2f}), which rounding to {_grain_words(grain)} allows only where the "
            "steps shrink somewhere, and "
            if grows
            else ""
        )
        _fail(
            where,
            f"in [{_listed(plan)}] {growing}your smallest concession after the first "
            f"({later:.2f}) is {same} your first ({first:.2f}): steps that never shrink tell "
            f"Orchard that more is coming; let the steps shrink at least once{rounding}",
            "no concession is smaller than the first",
        )
    first = moves[0][1]
    if first > FIRST_SHARE * total + grain + TOLERANCE:  # rounding may add a unit
        _fail(
            where,
            f"the first concession ({first:.2f}) gives away more than three fifths of all "
            f"you plan to concede ({total:.2f}) in [{_listed(plan)}]: a first step that big "
            "leaves your later steps too small to mean anything and teaches Orchard that "
            "pressing pays; open with a more moderate step",
            "the first concession is more than three fifths of all the plan concedes",
        )
    # review 110 C1, review 112 X1: every opening the check tries rests on a fact past the
    # band's top, so module 02's table lets the target above three quarters, with less room
    # to concede (section 2's aside gives its cost in deals), but never to the estimate
    if plan[-1] >= estimate - TOLERANCE:
        _target_fault(plan, reservation, where, estimate)


# --- 3. Tit-for-tat --------------------------------------------------------------------


@answer_key
def tit_for_tat_offer(s, mine, theirs, target):
    """The course's answer to question 3: tit-for-tat as a person plays it. Lower your
    last offer by Orchard's last concession, but by no more than your own last concession
    (so that your steps never grow), or, before your first concession, by no more than
    three fifths of the room between your last offer and ``target`` (question 2's rule 5);
    never below your ``target``; hold when Orchard held, stepped back or only took back
    its own retraction (``their_concession``)."""
    step = their_concession(theirs)
    return max(mine[-1] - min(step, _step_cap(mine, target)), target)


@answer_key
def their_concession(theirs):
    """Orchard's last concession: how far its latest offer goes beyond its best earlier
    offer, 0 when it does not. Only new ground counts: an offer that only takes back its
    own retraction is not a concession (section 3's rule 3; review 73 X2: counting the
    step from ``theirs[-2]`` let 85, 80, 85, 80 ... drain you to your target)."""
    return max(theirs[-1] - max(theirs[:-1]), 0)


#: The least share of the matched concession (Orchard's last concession, capped as the
#: rule says) that question 3 accepts: how much of it to give back is the learner's call
#: (section 3's rule 2), anything from half of it up to all of it, never more.
MATCH_SHARE = 0.5


@answer_key
def tit_for_tat_band(s, mine, theirs, target):
    """The offers question 3 accepts, as ``(lowest, highest)``: the lowest concedes the
    whole matched concession (``tit_for_tat_offer``), the highest ``MATCH_SHARE`` of it;
    both are your last offer when the rule holds."""
    lowest = tit_for_tat_offer(s, mine, theirs, target)
    return lowest, mine[-1] - MATCH_SHARE * (mine[-1] - lowest)


def _in_band(value, band, last=None):
    """Whether ``value`` is an offer question 3 accepts: inside ``band``, or, when it is
    rounded (``rounding_grain``), less than one unit of its rounding from an offer inside
    it, as question 2's plans get, but never above your ``last`` offer (the caller keeps
    it at or above the target). Rounding half of a concession of 1 may give a hold."""
    lowest, highest = band
    if lowest - TOLERANCE <= value <= highest + TOLERANCE:
        return True
    grain = rounding_grain([value])
    if not grain or not lowest - grain + 1e-6 < value < highest + grain - 1e-6:
        return False
    return last is None or value <= last + TOLERANCE


@answer_key
def _step_cap(mine, target):
    """The most your next concession may give: your own last concession, or, if you have
    not conceded yet, ``FIRST_SHARE`` of the room between your last offer and ``target``."""
    own = _last_concession(mine)
    return FIRST_SHARE * (mine[-1] - target) if own is None else own


def _last_concession(mine):
    """Your last step down (a positive number), or ``None`` if you have not conceded yet."""
    steps = [before - after for before, after in itertools.pairwise(mine) if before > after]
    return steps[-1] if steps else None


def _plan_target(s):
    """The target the tit-for-tat cases plan to (question 3's ``target``), a whole number:
    two fifths of the way up from the reservation price to the grounded opening, or, where
    that is lower, just
    above the even split between your reservation price and your estimate of Orchard's,
    as module 02's convention puts a target."""
    reservation = reservation_of(s)
    two_fifths = reservation + 0.4 * (grounded_opening(s)[0] - reservation)
    split = (reservation + s.their_estimate) / 2
    return float(max(round(two_fifths), math.floor(split) + 1))


def _histories(s, hidden):
    """Histories (your offers, Orchard's) around the cases the rule names: a concession
    smaller than your last one, one bigger (you copy only as much as your last step), no
    move, a retraction, a concession that would cross your target, a concession after a
    hold of yours (your last concession, not the hold, caps your step), an offer that only
    takes back Orchard's own retraction (no new ground: hold). Every history
    keeps the rule it tests: you hold in round 2, after Orchard has only opened, and each
    concession of yours answers one of Orchard's no smaller than it (review 61 C1: the
    histories used to concede into silence). Your own steps never grow and your first
    gives at most three fifths of the room between your opening and the target, as
    question 2's plan requires. Each answer is at least 1 away from a line it does not
    hit."""
    top = grounded_opening(s)[0]
    target = _plan_target(s)
    low = round(s.alternative_price * 0.9)  # Orchard opens below your BATNA
    halfway = target + 2 + (top - target - 2) // 2  # two steps down to target + 2, not growing
    first = top - halfway  # the first of them, within three fifths of the room
    second = halfway - target - 2  # the second of them, at least 4 (the room is at least 10)
    cases = [
        ([top, top, top - 4], [low, low + 5, low + 8]),  # they concede 3: you concede 3
        ([top, top, top - 4], [low, low + 5, low + 11]),  # they concede 6: your last 4
        ([top, top, top - 4, top - 8], [low, low + 5, low + 9, low + 9]),  # they hold: hold
        ([top, top, top - 6, top - 9], [low, low + 7, low + 10, low + 6]),  # retract: hold
        # would cross your target after two steps of yours that do not grow, the first
        # within three fifths of the room, each answering a concession of Orchard's; its
        # offer stays below your last ask (offers that crossed are question 6's: accept)
        (
            [top, top, halfway, target + 2],
            [target - 10 - second - first, target - 10 - second, target - 10, target - 3],
        ),
        # you have held so far; Orchard's first concession is bigger than three fifths of
        # the room to your target: a first concession of yours gives no more than that
        ([top, top], [low, low + _big_first(top, target)]),
        # you held last, while Orchard held; Orchard then concedes 7: your last
        # concession (4) still caps it, not the hold
        ([top, top, top - 4, top - 4], [low, low + 5, low + 5, low + 12]),
        # 10, over twice your 4: half of 10 is too much
        ([top, top, top - 4], [low, low + 5, low + 15]),
        # Orchard retracts, you hold, Orchard only takes the retraction back: no new
        # ground, so hold (review 73 X2: the old key answered the undo with a step of 4)
        ([top, top, top - 4, top - 4], [low, low + 5, low + 1, low + 5]),
    ]
    # review 79 X1: the visible check tries these too (a step capped by your first step,
    # not your last, or an undo beyond Orchard's best read as all new ground, passed it)
    cases += [
        ([top, top], [low + 4, low]),  # a retraction right after Orchard's opening
        ([top, top, top - 4, top - 6, top - 7], [low, low + 4, low + 6, low + 7, low + 8]),
        # your steps shrink (3, then 2), as your plan's do; Orchard concedes 7: give 2
        ([top, top, top - 3, top - 5], [low, low + 3, low + 5, low + 12]),
        # would cross your target after two steps of yours, the second no bigger
        (
            [top, top, halfway, target + 2],
            [target - 11 - second - first, target - 11 - second, target - 11, target - 5],
        ),
        ([top, top], [low, low + 2]),  # a small first concession: copied in full
        ([top, top, top], [low, low, low + _big_first(top, target) + 3]),
        # a retract-then-undo after two concessions of yours: hold
        ([top, top, top - 4, top - 8, top - 8], [low, low + 5, low + 10, low + 6, low + 10]),
        # an undo that goes 2 beyond Orchard's best: only those 2 are new ground
        ([top, top, top - 4, top - 4], [low, low + 5, low + 1, low + 7]),
    ]
    return cases


def _big_first(top, target):
    """A first concession of Orchard's, a whole number, at least 2 more than three fifths
    of the room between your opening ``top`` and ``target``."""
    return int(FIRST_SHARE * (top - target)) + 3


@question
def tit_for_tat(answer, hidden=False):
    """Check a function that gives your next offer under tit-for-tat as a person plays it."""
    for s in _scenarios(hidden):
        target = _plan_target(s)
        for mine, theirs in _histories(s, hidden):
            result = call_learner(answer, s, list(mine), list(theirs), target)
            where = f"tit_for_tat(scenario, {mine}, {theirs}, {target:g}) for learner {s.learner}"
            value = money(result, "the next offer tit_for_tat gives")
            band = tit_for_tat_band(s, mine, theirs, target)
            if not _in_band(value, band, mine[-1]) or value < target - TOLERANCE:
                _fail(where, *_tit_for_tat_mistake(s, mine, theirs, target, value, band))
    passed(
        # review 95 X1: it named two of the allowance's caps, a narrower rule than checked
        "tit_for_tat answers a concession with a share you chose of your allowance (the "
        "least of Orchard's concession, your own last concession or, before your first, three "
        "fifths of the room, and the room left to your target), from half of it to all, "
        "holds when Orchard holds, steps back or only takes back its own retraction, and "
        "never passes your target."
    )


@answer_key
def _tit_for_tat_mistake(s, mine, theirs, target, value, band):
    """The hint for a next offer outside the ``band`` the rule allows, and the same in
    general words. Each wrong rule is tried as written and with each bound a learner may
    have added (your target or your reservation price below, your opening above), so a
    clamped variant is named too."""
    expected = band[0]
    reservation = reservation_of(s)
    move = theirs[-1] - theirs[-2]  # Orchard's last move, an undo included
    step = their_concession(theirs) if move > 0 else move  # new ground only
    own = _last_concession(mine)
    copied = mine[-1] - max(step, 0)

    def bounded(x):
        return [
            x,
            max(x, target),
            max(x, reservation),
            min(x, mine[0]),
            min(max(x, target), mine[0]),
            min(max(x, reservation), mine[0]),
        ]

    rules = []
    if move > step:  # an offer that (partly) takes back Orchard's own retraction
        best = max(theirs[:-1])
        undone = [mine[-1] - min(move, _step_cap(mine, target)), mine[-1] - move]
        rules.append(
            (
                [x for y in undone for x in bounded(y)],
                f"Orchard's {theirs[-1]:g} only takes back its own retraction"
                + (
                    f" (it offered {best:g} before): that is not a concession, so hold"
                    if step <= 0
                    else f" and goes {step:g} beyond its best earlier offer ({best:g}): only "
                    f"those {step:g} are a concession, so give back at most {step:g}"
                )
                + "; rewarding the undo would let Orchard drain you by retracting and "
                "re-offering",
                "it counts an offer that only takes back Orchard's retraction as a concession",
            )
        )
    if step < 0:
        rules += [
            (
                bounded(mine[-1] + step),
                f"Orchard stepped back by {-step:g} and you conceded {-step:g} anyway: that "
                "rewards a retraction. Hold: ask what you asked last",
                "it concedes when Orchard steps back; hold instead",
            ),
            (
                bounded(mine[-1] - step),
                f"Orchard stepped back by {-step:g}, and you raised your ask by as much. "
                "Hold instead: asking more than you last offered reads as a retraction of "
                "your own (section 3), and rewards nothing",
                "it raises the ask when Orchard steps back; hold instead",
            ),
        ]
    room = mine[-1] - target
    if step > 0 and own is None and step > FIRST_SHARE * room:
        rules.append(
            (
                bounded(copied),
                f"Orchard conceded {step:g}, and you have not conceded yet: copying all of it "
                f"would put more than three fifths of the {room:g} between your offer and your "
                "target into your first concession, which leaves your later steps too small "
                "to mean anything (question 2's rule 5)",
                "it copies a first concession bigger than three fifths of the room to the target",
            )
        )
    if step > 0 and own is not None and step > own:
        rules.append(
            (
                bounded(copied),
                f"Orchard conceded {step:g}, more than your own last concession ({own:g}); "
                f"copying all of it would make your steps grow, which tells Orchard more is "
                f"coming. Concede at most {own:g}",
                "it copies a concession bigger than its own last one, so its steps grow",
            )
        )
    # the rule's own step, capped as it says, but with no floor at the target
    capped = mine[-1] - min(max(step, 0), _step_cap(mine, target))
    below = [x for y in (copied, capped) for x in (y, max(y, reservation)) if x < target]
    if below:
        rules.append(
            (
                below,
                f"that goes below your target {target:g}, the offer your plan stops at, above "
                f"your reservation price {reservation:g}: hold at the target and keep the room "
                "above it for a last trade",
                "it lets the offer pass the target",
            )
        )
    if move > 0 and value > mine[-1] and not same_money(value, mine[-1]):
        rules.append(
            (
                bounded(mine[-1] + move),
                f"that moves the wrong way: Orchard raised its offer by {move:g}, and a seller "
                "answers a raise by lowering its ask",
                "it moves the offer the wrong way",
            )
        )
    if step > 0 and own is None:
        rules.append(
            (
                [mine[-1]],
                f"Orchard conceded {step:g}, and you held, but you have not conceded yet: no "
                "step of yours caps this one, and your first concession may give up to three "
                f"fifths of the {room:g} between your offer and your target",
                "it holds when Orchard concedes and it has not conceded yet",
            )
        )
    if step > 0 and own is not None and mine[-1] == mine[-2]:
        rules.append(
            (
                bounded(mine[-1]),
                f"Orchard conceded {step:g}, and you held in your last move. Your own last "
                "concession is the last time your offer fell, not a hold: a hold is a wait "
                f"for Orchard's move, and now that it has come you may give up to {own:g}",
                "it reads a hold as its own last concession",
            )
        )
    rules += [
        (
            bounded(mine[-1] - (theirs[-1] - theirs[0])),
            "that copies everything Orchard has conceded since its first offer; tit-for-tat "
            "copies only its last move",
            "it copies all of Orchard's moves, not the last",
        ),
        (
            bounded(mine[-1] - (mine[-2] - mine[-1])),
            "that repeats your own last step whatever Orchard did; tit-for-tat answers "
            "Orchard's last step",
            "it repeats your own step, not Orchard's",
        ),
    ]
    for wrongs, hint, general in rules:
        if any(same_money(value, w) and not _in_band(w, band, mine[-1]) for w in wrongs):
            return hint, general
    given = mine[-1] - value
    if expected < mine[-1] and band[1] < value <= mine[-1] + TOLERANCE:
        did = "you held" if same_money(value, mine[-1]) else f"you conceded only {given:g}"
        return (
            f"Orchard conceded {step:g}, and {did}: that is less than half of what the "
            "rule lets you give here (Orchard's concession, capped by your own last "
            "concession or, before your first, by three fifths of the room to your target). "
            "Answering a concession with much less tells Orchard its moves are not returned; "
            "give back at least half of that",
            "it answers a concession with less than half of what the rule lets it give",
        )
    if value < expected:
        return (
            f"you conceded {given:g}, more than the rule lets you give here: at most "
            "Orchard's last concession (nothing when it held, stepped back or only took "
            "back its own retraction), never more "
            "than your own last concession (before your first, three fifths of the room to "
            "your target), and never below your target",
            "it concedes more than the rule allows",
        )
    return (
        f"you answered with {value:g}: lower your last offer by half to all of your "
        "allowance: Orchard's last concession, capped by your own last concession (before "
        "your first, by three fifths of the room to your target); hold "
        "when it held, stepped back or only took back its own retraction (count only "
        "how far its offer goes beyond its best earlier one); never below your target",
        "it is not an offer the rule allows",
    )


# --- 4. The next trade -----------------------------------------------------------------


def _show(s, package):
    return "{" + ", ".join(f"{i}: {package[i]}" for i in s.issues) + "}"


def _starts(s, hidden):
    """Packages to trade from: the middle (free trades exist), your colleague's draft, a
    package where nothing is free and Orchard still needs more than any one move gives
    it, your ideal (only a concession helps Orchard), and where the rule stops (on the
    frontier with Orchard's minimum met), one from which the free move that adds most for
    both sides is not the one that gives Orchard most (when the scenario has one), one
    from which no move closes the deal and the cheapest is not the best rate (when the
    scenario has one), Orchard's ideal, a package from which one concession closes the
    deal but not the one with the best rate (when the scenario has one), and three packages
    drawn at random: by a public draw in the visible check, with the grading key in the
    hidden test, so no one can list those beforehand (review 79 X1: the visible check
    tries every kind the hidden test does)."""
    starts = [dict(start) for start in _start_packages(s.learner, hidden)]
    cheapest = cheapest_start(_table(s.learner), s.their_minimum)
    if cheapest is not None and cheapest not in starts:
        starts.append(cheapest)  # none closes, and the cheapest move is not the best rate
    # review 79 X1: the visible check tries packages drawn at random too, from a public
    # draw (the hidden test's draw uses the grading key)
    rng = (
        hidden_rng(MODULE, f"trades:{s.learner}")
        if hidden
        else rng_for(f"{MODULE}:trades-visible", s.learner)
    )
    packages = _table(s.learner).packages
    starts += [dict(packages[int(rng.random() * len(packages))][0]) for _ in range(3)]
    return starts


@functools.lru_cache(maxsize=64)
def _start_packages(learner, hidden):
    s, table = _variant(learner), _table(learner)
    issues = s.issues
    starts = [
        middle_package(s),
        dict(s.draft),
        concession_start(table, s.their_minimum),
        {i: lv[0] for i, lv in issues.items()},
        table.rule_path(s.draft, s.their_minimum)[-1],
    ]
    generous = generous_start(table)
    if generous is not None and generous not in starts:
        starts.append(generous)  # the free move best for both is not the one best for Orchard
    selfish = selfish_start(table)
    if selfish is not None and selfish not in starts:
        starts.append(selfish)  # the free move best for both is not the one best for you
    met = met_start(table, s.their_minimum)
    if met is not None and met not in starts:
        starts.append(met)  # Orchard has its minimum, and a move is still free
    # review 75 X2: the visible check tries rule 2.4's tie-break too, not only the hidden
    tied = tied_closing_start(table, s.their_minimum)
    if tied is not None and tied not in starts:
        starts.append(tied)  # two closing moves cost the same: give Orchard more
    # review 79 X1: Orchard's ideal (no give is left) in the visible check too
    starts.append({issue: levels[-1] for issue, levels in issues.items()})
    closing = closing_start(table, s.their_minimum)
    if closing is not None and closing not in starts:
        starts.append(closing)
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


def _closing_learner():
    """A public self-check learner with a package from which the best gain per point
    gives more than closes the deal: the visible check tries it when the learner's own
    scenario has none, so that conceding by rate alone never passes it."""
    return _public_learner(
        "closing-visible",
        lambda learner: closing_start(_table(learner), _variant(learner).their_minimum) is not None,
    )


def _cheapest_learner():
    """A public self-check learner with a package from which no concession closes the deal
    and the cheapest one is not the best gain per point: the visible check tries it when the
    learner's own scenario has none, so that conceding the cheapest move never passes it."""
    return _public_learner(
        "cheapest-visible",
        lambda learner: (
            cheapest_start(_table(learner), _variant(learner).their_minimum) is not None
        ),
    )


def _tied_learner():
    """A public self-check learner with a package from which two closing moves cost you
    the same and give Orchard different points: the visible and the hidden check try it
    when none of their scenarios has one, so that either of those moves is always tried
    (both pass: review 96 C2), and tried before grading."""
    return _public_learner(
        "tied-closing",
        lambda learner: (
            tied_closing_start(_table(learner), _variant(learner).their_minimum) is not None
        ),
    )


def _trade_scenarios(hidden):
    """Question 4's scenarios: ``_scenarios``, and, in the visible check, a public learner
    with a package where the cheapest closing move is not the best rate and one with a
    package where no move closes and the cheapest is not the best rate, when the learner's
    own scenario has none; in both, a public learner with two closing moves of the same
    cost, when none of its scenarios has one (review 75 X2: the visible check tried rule
    2.4's tie-break only in grading). Review 78 X3: any free move passes, so no learner is
    added for the free moves' order."""
    found = _scenarios(hidden)
    own = found[0]
    if all(
        tied_closing_start(_table(other.learner), other.their_minimum) is None for other in found
    ):
        found.append(_variant(_tied_learner()))
    if not hidden and closing_start(_table(own.learner), own.their_minimum) is None:
        found.append(_variant(_closing_learner()))
    if not hidden and cheapest_start(_table(own.learner), own.their_minimum) is None:
        cheapest = _variant(_cheapest_learner())
        if all(cheapest.learner != other.learner for other in found):
            found.append(cheapest)
    return found


def _keeps_zero_gain(options, needed):
    """Whether ``None`` is right from a package because rule 1 lets you keep its free
    moves: Orchard has its minimum (``needed`` is 0) and no free move gains you points, so
    each may be held back for rule 3's close, offered last for the signature (review 85 C1;
    review 102 C2). Making one passes too."""
    free = [o for o in options if trade_tier(o) == "free"]
    return not isinstance(needed, bool) and needed <= 0 and all(o["you"] <= 0 for o in free)


@question
def next_trade(answer, hidden=False):
    """Check a function that returns the package after the rule's next move, or None."""
    for s in _trade_scenarios(hidden):
        table = _table(s.learner)
        for current in _starts(s, hidden):
            where = f"next_trade(scenario, {_show(s, current)}) for learner {s.learner}"
            result = call_learner(answer, s, dict(current))
            options = table.options(current, gives=True)
            needed = table.shortfall(current, s.their_minimum)
            best = preferred_trade(options, needed)
            if best is None:
                if result is not None:
                    _fail(where, *_no_move_hint(s, table, current, options, result))
                continue
            if result is None and _keeps_zero_gain(options, needed):
                continue  # review 85 C1: keeping a move that gains you nothing passes too
            if result is None:
                _fail(
                    where,
                    "it gave None, but the rule still moves from here: "
                    + (
                        "a one-level move still creates value"
                        if trade_tier(best) == "free"
                        else f"Orchard still needs points (it has "
                        f"{table.points(current)[1]:g}, below its {s.their_minimum}), and a "
                        "one-level move gives it some"
                    ),
                    "it returned None where the rule still moves",
                )
            result = _package(s, result, where)
            chosen = next((o for o in options if o["package"] == result), None)
            _judge_choice(s, where, result, chosen, best, needed)
    passed(
        "next_trade creates value first, then concedes only while Orchard needs it (the "
        "cheapest move that closes the deal, or else the best gain per point), and stops "
        "where the rule stops."
    )


def _landing_margins(s):
    """The margins question 4b's check tries for ``s`` (Orchard's points above its minimum
    that the landing must leave): 0, then each halfway between two frontier packages' points
    for Orchard above the minimum, so that no threshold falls on a package (``>=`` and ``>``
    give the same landing), at most two of them."""
    table = _table(s.learner)
    above = sorted({them for _, them in table.frontier if them >= s.their_minimum})
    halves = [(a + b) / 2 - s.their_minimum for a, b in itertools.pairwise(above)]
    return [0.0, *halves[:2]]


def _exactly_at_minimum(learner):
    """Whether ``learner``'s frontier has a package giving Orchard exactly its minimum,
    where a landing that reads "at least" as "more than" goes wrong."""
    minimum = _variant(learner).their_minimum
    return any(them == minimum for _, them in _table(learner).frontier)


def _at_minimum_learner():
    """A public self-check learner whose frontier has a package giving Orchard exactly its
    minimum: question 4b's check tries it when none of its scenarios has one (review 75
    X3: only about 1 learner in 33 has one, so ``>`` for ``>=`` passed)."""
    return _public_learner("at-minimum", _exactly_at_minimum)


def _dominated_tie(learner):
    """Whether, at a cushion question 4b's check tries for ``learner``, a package below the
    frontier gives Kite as many points as the landing and Orchard enough, but fewer than
    the landing: a tie on Kite's points that only the frontier breaks."""
    s, table = _variant(learner), _table(learner)
    for margin in _landing_margins(s):
        floor = s.their_minimum + margin
        you, _ = landing_point(table, floor)
        if any(
            y == you and them >= floor and not table.efficient(package)
            for package, y, them in table.packages
        ):
            return True
    return False


def _dominated_tie_learner():
    """A public self-check learner with such a tie (review 78 X1: without one, a landing
    that took the tie's package below the frontier passed the visible check for most
    learners, then failed grading)."""
    return _public_learner("dominated-tie", _dominated_tie)


def _landing_scenarios(hidden):
    """Question 4b's scenarios: ``_scenarios``, and public learners with a frontier
    package exactly at Orchard's minimum and with a tie below the frontier when none of
    them has one."""
    found = _scenarios(hidden)
    if not any(_exactly_at_minimum(s.learner) for s in found):
        found.append(_variant(_at_minimum_learner()))
    if not any(_dominated_tie(s.learner) for s in found):
        found.append(_variant(_dominated_tie_learner()))
    return found


@question
def landing(answer, hidden=False):
    """Check a function that returns the package you plan to land on (section 4): the
    frontier package best for you among those that give Orchard at least its minimum plus
    the ``margin`` you leave it."""
    for s in _landing_scenarios(hidden):
        table = _table(s.learner)
        for margin in _landing_margins(s):
            where = f"landing(scenario, {margin:g}) for learner {s.learner}"
            result = _package(s, call_learner(answer, s, margin), where)
            _judge_landing(s, table, where, result, margin)
        # review 70 X2: without a margin, the landing the learner chooses for the case
        where = f"landing(scenario) for learner {s.learner}"
        result = _package(s, call_learner(answer, s), where)
        _judge_own_landing(s, table, where, result)
    passed(
        "landing chooses the frontier package with the most points for you among those "
        "that give Orchard its minimum plus the cushion you leave it, and your own landing "
        "is on the frontier with Orchard's minimum met. This mark is for the rule: the "
        "cushion you chose is marked in the written part that follows."
    )


@answer_key
def _judge_own_landing(s, table, where, result):
    """Why ``result``, the landing the learner chose (no margin given), does not meet the
    goal question 4b states: on the frontier, with Orchard's minimum met. Any such package
    is the best for Kite at its own margin, so where on that stretch it lies is the
    learner's choice (the margin judgement asks why)."""
    _, them = table.points(result)
    if them < s.their_minimum:
        _fail(
            where,
            f"{_show(s, result)}, the landing you choose, gives Orchard {them:g} of its "
            f"points, fewer than the {s.their_minimum} it needs to sign: choose a cushion of 0 "
            "or more",
            "the landing it chooses gives Orchard less than its minimum",
        )
    if not table.efficient(result):
        _fail(
            where,
            f"{_show(s, result)}, the landing you choose, is below the frontier: another "
            "package gives both sides at least as many points and one side more. Whatever "
            "cushion you leave Orchard, land on the frontier",
            "the landing it chooses is below the frontier",
        )


@answer_key
def _judge_landing(s, table, where, result, margin=0.0):
    """Why ``result`` is not where section 4 lands with ``margin``, if it is not."""
    you, them = table.points(result)
    floor = s.their_minimum + margin
    best = landing_point(table, floor)
    if them < s.their_minimum:
        _fail(
            where,
            f"{_show(s, result)} gives Orchard {them:g} of its points, fewer than the "
            f"{s.their_minimum} it needs to sign: a landing Orchard will not sign is no landing",
            "its package gives Orchard less than its minimum",
        )
    if them < floor:
        _fail(
            where,
            f"{_show(s, result)} gives Orchard {them:g} of its points: that meets its minimum "
            f"of {s.their_minimum}, but not the minimum plus the cushion of {margin:g} the "
            f"call asks you to leave it ({floor:g})",
            "its package leaves Orchard less than its minimum plus the cushion",
        )
    if not table.efficient(result):
        _fail(
            where,
            f"{_show(s, result)} is below the frontier: another package gives both sides at "
            "least as many points and one side more, so landing here leaves points on the "
            "table",
            "its package is below the frontier",
        )
    if you < best[0]:
        _fail(
            where,
            f"{_show(s, result)} gives you {you:g}, but another frontier package that gives "
            "Orchard its minimum plus the cushion gives you more: of the packages that leave "
            "Orchard that much, land on the one best for you",
            "another package that leaves Orchard as much gives you more",
        )


@answer_key
def _no_move_hint(s, table, current, options, result):
    """Why ``None`` was the answer from ``current``: the rule makes no move there."""
    them = table.points(current)[1]
    if any(trade_tier(o) == "concession" for o in options):
        larger = (
            ""
            if table.efficient(current)
            else " (this package is below the frontier: a larger move, of two levels or "
            "three issues, may still create value, but the rule moves one level at a time)"
        )
        return (
            f"it gave {result!r}, but no one-level trade from here creates value{larger}, "
            f"and Orchard already has {them:g} points, at least its minimum of "
            f"{s.their_minimum}: a concession now gives away points it does not need. The "
            "rule stops here: return None",
            "it concedes after Orchard already has its minimum",
        )
    return (
        f"it gave {result!r}, but no move of one level raises Orchard's points or creates "
        "value from here: return None",
        "it returned a move where the rule makes none",
    )


@answer_key
def _judge_choice(s, where, result, chosen, best, needed):
    if chosen is None:
        _fail(
            where,
            f"{_show(s, result)} is not one move away: a trade moves exactly one issue one "
            "level towards Orchard and one other issue one level towards you (a single give "
            "moves one issue only)",
            "it returned a package that is not one move away",
        )
    tier = trade_tier(chosen)
    if tier is None:
        _fail(
            where,
            f"{_show(s, result)} changes Orchard's points by {chosen['them']:+g} and yours by "
            f"{chosen['you']:+g}: Orchard has no reason to take it",
            "the move gives Orchard nothing, or takes from it",
        )
    rank, top = trade_rank(chosen, needed), trade_rank(best, needed)
    if same_rank(rank, top) or rank[0] == top[0] == 2:
        # any free move while one exists (review 78 X3: which one is the learner's call);
        # of the rest, any of the tied best, as is either of two closing moves that cost
        # you the same (review 96 C2)
        return
    better = "another move"  # the hint names what to look for, not the package itself
    if top[0] > rank[0] and top[0] == 2:
        hint = (
            f"{better} costs neither side anything and creates {top[1]:g} points: while such "
            "a trade exists you are below the frontier, so create value before you concede"
        )
        general = "it makes a concession while a trade that creates value exists"
    elif top[0] > rank[0]:
        # name the rate only when the learner's move does have the better one
        rates = chosen["them"] / -chosen["you"] > best["them"] / -best["you"]
        hint = (
            f"Orchard still needs {needed:g} points; {better} gives it {best['them']:g} and "
            f"costs you {-best['you']:g}, so it closes the deal, while yours gives it "
            f"{chosen['them']:g} and leaves it short: "
            + (
                "a move that closes the deal beats a better gain per point"
                if rates
                else "when a move closes the deal, take the cheapest such move"
            )
        )
        general = "another concession closes the deal; this one leaves Orchard short"
    elif top[0] == 1:
        hint = (
            f"Orchard still needs {needed:g} points. Yours gives them for {-chosen['you']:g} "
            f"of your points, but {better} gives them too and costs you only {-best['you']:g}: "
            "once a move closes the deal, every point more is a gift, so take the cheapest "
            "such move, whatever its gain per point"
        )
        general = "another concession closes the deal and costs you less"
    else:
        hint = (
            f"no single move gives Orchard the {needed:g} points it still needs, and "
            f"{better} has the highest gain per point: it gives {top[1]:.3g} of its points "
            f"for each point you give up, your move only {rank[1]:.3g}: concede where it is "
            "cheap for you and dear to them"
        )
        general = "another concession has a higher gain per point"
    _fail(where, hint, general)


# --- 5. Multiple equivalent simultaneous offers ------------------------------------------


@answer_key
def equivalent_offers(s):
    """The course's answer to question 5: among the sets of three offers the question
    accepts, the one whose least valuable offer is worth most to you, then the one with
    the offer Orchard likes best."""
    best = max(
        meso_triples(s, _table(s.learner)),
        key=lambda rows: (min(r[1] for r in rows), max(r[2] for r in rows)),
    )
    return [dict(row[0]) for row in best]


@question
def meso(answer, hidden=False):
    """Check a function that returns three packages worth about the same to you, each on
    the frontier and better for you than the middle package, each built differently."""
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
        points = [table.points(p) for p in packages]
        values = [you for you, _ in points]
        floor = table.points(middle_package(s))[0]
        for package, (you, them) in zip(packages, points, strict=True):
            if you <= floor + TOLERANCE:
                _fail(
                    where,
                    f"{_show(s, package)} is worth {you:g} to you, no more than splitting every "
                    f"issue down the middle ({floor:g}): an opening offer should be ambitious",
                    "a package is worth no more to you than the middle package",
                )
            better = better_for_both((you, them), table.frontier)
            if better:
                found = max(better, key=lambda p: p[0] + p[1])
                _fail(
                    where,
                    f"{_show(s, package)} ({you:g} for you, {them:g} for Orchard) leaves value "
                    f"on the table: another package gives {found[0]:g} and {found[1]:g}, at "
                    "least as much to both. Whichever offer Orchard picks should be on the "
                    "frontier",
                    "a package is not on the Pareto frontier",
                )
        if max(values) - min(values) > MESO_TOLERANCE + TOLERANCE:
            _fail(
                where,
                f"the packages are worth {', '.join(f'{v:g}' for v in values)} to you: "
                f"equivalent offers are worth about the same to you (within {MESO_TOLERANCE} "
                "points), so that you are glad whichever Orchard picks",
                "the packages are not worth about the same to you",
            )
        conceded = [conceded_issues(s, p) for p in packages]
        for (a, first), (b, second) in itertools.combinations(enumerate(conceded, 1), 2):
            if first == second:
                _fail(
                    where,
                    f"packages {a} and {b} give Orchard ground on the same issues "
                    f"({', '.join(sorted(first)) or 'none'}): build each offer differently, so "
                    "that Orchard's pick can point to issues that may weigh more for it than "
                    "your research thought (question 5b reads it; one pick cannot say which)",
                    "two packages give ground on the same issues",
                )
        least = MESO_LEAST_SHARE * s.their_minimum
        for package, (_, them) in zip(packages, points, strict=True):
            if them < least - TOLERANCE or not conceded_issues(s, package):
                _fail(
                    where,
                    f"{_show(s, package)} is worth {them:g} of its points to Orchard, less than "
                    f"a quarter of the {s.their_minimum} points it needs to sign ({least:g}): "
                    "an offer Orchard could not like reads as an insult, not as a choice. Let "
                    "each offer give ground on at least one issue, enough to clear that",
                    "a package gives Orchard less than a quarter of the points it needs to sign",
                )
        land = landing_point(table, s.their_minimum)[0]
        for package, (you, _) in zip(packages, points, strict=True):
            if you < land - TOLERANCE:
                _fail(
                    where,
                    f"{_show(s, package)} is worth {you:g} to you, less than your landing with "
                    "no cushion (question 4b's landing(s, 0): the frontier package best for you "
                    "among those that give Orchard its minimum). An opening offer below where "
                    "you could end gives ground away before the talks start; let each offer "
                    "ask at least that much",
                    "a package is worth less to you than your landing with no cushion",
                )
    passed(
        "your three offers are worth about the same to you, each is ambitious (at least "
        "your landing with no cushion), on the frontier and no insult to Orchard, and each is "
        "built differently."
    )


# --- 5b. What Orchard's pick tells you --------------------------------------------------


@answer_key
def pick_reading(s, offers, picked):
    """The course's answer to question 5b (``course.scenarios.concessions.pick_reading``)."""
    return _pick_reading(s, _table(s.learner), offers, picked)


@answer_key
def pick_reading_against_both(s, offers, picked):
    """Question 5b's other reading (review 75 E1/X4): the pick beats both offers it turned
    down, so also the issues on which it gives Orchard more ground than the other turned
    down offer, when the research rated that one above the pick too. Equal to
    ``pick_reading`` unless the research rated the pick below both."""
    expected = pick_reading(s, offers, picked)
    if not expected:
        return expected
    worth = [_table(s.learner).points(o)[1] for o in offers]
    above = [o for k, o in enumerate(offers) if k != picked and worth[k] > worth[picked]]
    return frozenset().union(*(more_ground(s, offers[picked], o) for o in above))


def _pick_sets(s, hidden):
    """Sets of three offers to read a pick from: the course's equivalent offers, and, when
    no pick from them tells 'the issues the pick gives more ground on' from 'the issues
    it gives any ground on', a set where one does (``_telling_set``), else, when no pick
    from them contradicts the research, another accepted set with one that does (hidden:
    also two more such sets, when the learner has them)."""
    first = equivalent_offers(s)
    others = [
        offers
        for offers in ([dict(r[0]) for r in trio] for trio in meso_triples(s, _table(s.learner)))
        if offers != first and any(pick_reading(s, offers, k) for k in range(3))
    ]
    telling = _telling_set(s, [first, *others])
    visible = [first] + (
        [telling]
        if telling is not None and telling != first
        else []
        if any(pick_reading(s, first, k) for k in range(3))
        else others[:1]
    )
    # review 77 X3: a visible set where reading the pick against both offers it beat,
    # whatever the research rated them, is not an answer the rule gives
    if not any(_blind_differs(s, offers) for offers in visible):
        blind = _telling_set(s, [first, *others], _blind_differs)
        visible += [blind] if blind is not None else []
    # review 79 X1: the visible check tries the hidden test's further sets too
    return visible + [offers for offers in others[:2] if offers not in visible]


def _against_both_blindly(s, offers, picked):
    """Question 5b's slip the text warns against: for a pick the research did not rate
    best, the issues on which it gives Orchard more ground than either offer it beat,
    whatever the research rated them."""
    return frozenset().union(
        *(more_ground(s, offers[picked], o) for k, o in enumerate(offers) if k != picked)
    )


def _blind_differs(s, offers):
    """Whether some decided pick from ``offers`` tells ``_against_both_blindly`` from both
    accepted readings."""
    return any(
        (expected := pick_reading(s, offers, k))
        and _against_both_blindly(s, offers, k)
        not in (expected, pick_reading_against_both(s, offers, k))
        for k in range(3)
    )


def _tells_ground_from_more_ground(s, offers):
    """Whether some pick from ``offers`` has an issue on which both the pick and the offer
    your research rated best give Orchard ground, the best as much or more: there, 'every
    issue the pick gives ground on' is not the rule's answer (under either reading)."""
    return any(
        (expected := pick_reading(s, offers, k))
        and conceded_issues(s, offers[k]) not in (expected, pick_reading_against_both(s, offers, k))
        for k in range(3)
    )


def _telling_set(s, meso_sets, telling=None):
    """The first set of three offers, each giving Orchard ground on a different set of
    issues, that ``_tells_ground_from_more_ground``: from ``meso_sets``, else from the
    frontier's packages (those closest in your points first), else from any packages;
    ``None`` if there is none."""
    telling = telling or _tells_ground_from_more_ground
    for offers in meso_sets:
        if telling(s, offers):
            return offers
    table = _table(s.learner)

    def distinct(trio):
        return len({conceded_issues(s, row[0]) for row in trio}) == 3

    giving = [row for row in table.packages if conceded_issues(s, row[0])]
    frontier = [row for row in giving if table.efficient(row[0])]
    close = sorted(
        (trio for trio in itertools.combinations(frontier, 3) if distinct(trio)),
        key=lambda trio: max(r[1] for r in trio) - min(r[1] for r in trio),
    )
    anywhere = (trio for trio in itertools.combinations(giving, 3) if distinct(trio))
    for trio in itertools.chain(close, anywhere):
        offers = [dict(row[0]) for row in trio]
        if telling(s, offers):
            return offers
    return None


def _pick_cases(s, hidden):
    """``(offers, picked, expected)`` for every pick the rule decides, from ``_pick_sets``."""
    return [
        (offers, k, expected)
        for offers in _pick_sets(s, hidden)
        for k in range(3)
        if (expected := pick_reading(s, offers, k)) is not None
    ]


def _issues(s, result, where):
    """The learner's answer as a set of issue names, or a hint."""
    if isinstance(result, str) or not isinstance(result, set | frozenset | list | tuple):
        _fail(
            where,
            f"return a set of issue names, e.g. {{'delivery'}}, or an empty set; got {result!r}",
            "it should return a set of issue names",
        )
    if all(isinstance(i, str) for i in result):  # 'Delivery' reads 'delivery'
        result = [_spelled(i, s.issues) for i in result]
    unknown = [i for i in result if i not in s.issues]
    if unknown:
        _fail(
            where,
            f"{unknown[0]!r} is not an issue of the contract; the issues are "
            f"{', '.join(map(repr, s.issues))}",
            "it returned something that is not an issue",
        )
    return frozenset(result)


@question
def read_pick(answer, hidden=False):
    """Check a function that reads what Orchard's pick among your equivalent offers says
    about the issues it values."""
    for s in _scenarios(hidden):
        table = _table(s.learner)
        for offers, picked, expected in _pick_cases(s, hidden):
            where = f"read_pick(scenario, {[_show(s, o) for o in offers]}, {picked}) for learner {s.learner}"
            given = _issues(s, call_learner(answer, s, [dict(o) for o in offers], picked), where)
            both = pick_reading_against_both(s, offers, picked)
            if given in (expected, both):
                continue
            worth = [table.points(o)[1] for o in offers]
            if not expected:
                _fail(
                    where,
                    f"by your research Orchard's pick is worth {worth[picked]:g} of its points, "
                    "more than either offer it turned down: the pick is what your research "
                    "expected, so it shows no issue you undervalued; return an empty set",
                    "it reads a surprise into a pick the research expected",
                )
            top = max(worth)
            if not given:
                _fail(
                    where,
                    f"Orchard turned down an offer your research says is worth {top:g} of its "
                    f"points for one worth {worth[picked]:g}: the pick tells you something "
                    "your research missed, so name every issue it makes a candidate",
                    "it reads nothing into a pick the research did not expect",
                )
            best = offers[worth.index(top)]
            less = [i for i in given if i not in both]
            if expected <= given and not less:
                _fail(
                    where,
                    "you name some issues on which the pick gives Orchard more ground than "
                    "the other offer it turned down, which your research also rated above it, "
                    "but not all: read the pick against the offer your research rated best "
                    "for Orchard alone, or against both offers it beat, and name every issue "
                    "that reading makes a candidate",
                    "it reads the pick against the second offer it beat only in part",
                )
            if less:
                # review 69 X3: less ground on an issue is news too, the other way round
                fewer = less[0] in more_ground(s, best, offers[picked])
                _fail(
                    where,
                    f"on {less[0]!r} the offer Orchard picked gives it "
                    + ("less ground than" if fewer else "no more ground than")
                    + " the offer your research rated best for it, so the pick does not "
                    "suggest Orchard values that issue more"
                    + (" (if anything, less)" if fewer else ""),
                    "it names an issue on which the pick gives no more ground than expected",
                )
            _fail(
                where,
                "some issue on which the pick gives Orchard more ground than the offer your "
                "research rated best for it is missing: each of them may matter more to "
                "Orchard than you estimated, and one pick cannot say which, so name them all",
                "it leaves out an issue on which the pick gives more ground than expected",
            )
    passed(
        "read_pick reads a pick the research expected as no news, and a surprise as the "
        "issues on which Orchard took more than the offer your research rated best for it "
        "(or than either offer it beat that your research rated above it: both readings "
        "pass)."
    )


# --- 6. Responding to an offer ---------------------------------------------------------


@answer_key
def best_response(s, offer, next_ask, ceiling=None):
    """Section 5's rule. With a credible ``ceiling`` (the most Orchard can pay, one you can
    check, say a budget its board approved and shows you) below your reservation price there is no zone: walk away; at or
    above it, you ask no more than the ceiling, so an offer at the ceiling is accepted.
    Question 6 passes the ceiling with ``board_approved``: a claim Orchard has not shown is a
    test, answered as if it were not said (review 73 X1); one Orchard shows its board
    approved is a believable cap, and this rule answers it (review 75 X1)."""
    reservation = reservation_of(s)
    if next_ask is None:
        return "accept" if offer >= reservation else "walk away"
    if offer >= next_ask:
        return "accept"
    if ceiling is not None and ceiling < reservation:
        return "walk away"
    if ceiling is not None and offer >= ceiling:
        return "accept"
    return "counter"


def _offers(s, hidden):
    """(offer, next_ask, ceiling) cases, each at least 0.5 from every line the rule draws:
    your next ask, your reservation price, and Orchard's ceiling against it. While rounds
    remain, an offer at or above your target may also be accepted (section 5; the lowest
    target is the even split), so one case lies above your reservation price and below the
    split, where every target counters."""
    reservation = reservation_of(s)
    plan = [round(offer, 2) for offer in course_plan(s, grounded_opening(s)[0])]
    ask = plan[2]
    split = (reservation + s.their_estimate) / 2
    cases = [
        (ask + 0.5, ask, None),  # at least your next ask: accept
        (ask - 0.5, ask, None),  # just short of it, rounds left: counter (or module 02's accept)
        (round((reservation + split) / 2, 2), ask, None),  # below the even split: counter
        (round(reservation * 0.6, 2), ask, None),  # a low-ball mid-way: counter
        (reservation - 4, ask, reservation - 2),  # a claim below your limit: a test, counter
        (reservation - 2, ask, reservation - 2),  # Orchard offers that claim: still counter
        (ceiling_between(s, ask), ask, ceiling_between(s, ask)),  # Orchard offers its ceiling
        # review 73 X1: a claim between your reservation price and the even split, offered
        # at once: a test, so counter (a cap reading accepts it)
        (below_split(s), ask, below_split(s)),
        (reservation + 0.5, None, None),  # last round, above your limit: accept
        (reservation - 0.5, None, None),  # last round, below it: walk away
    ]
    # review 79 X1: the visible check tries these too
    cases += [
        (min(ask, s.their_estimate) - 3, ask, s.their_estimate),  # a ceiling above: counter
        (reservation - 0.5, plan[-1], None),  # below your limit, a round left: counter
        (plan[-1] + 0.5, plan[-1], None),  # late in the plan, at your ask: accept
        (round(reservation * 0.6, 2), None, None),  # a low-ball in the last round: walk
        (reservation - 2, None, reservation - 2),  # last round, at a cap below your limit
        # below a ceiling that is below your next ask: counter, asking the ceiling
        (ceiling_between(s, ask) - 1, ask, ceiling_between(s, ask)),
    ]
    return cases


def _written_offers(s, hidden):
    """(offer, next_ask, ceiling) cases in which Orchard shows its board approved its ceiling
    (review 75 X1: question 6 now asks the learner to tell a test from a believable cap):
    visible, a cap below your reservation price (walk away, offered below it and at it)
    and a cap between your reservation price and your next ask (accept an offer at it,
    below the even split and above it), an offer below a cap you could accept (counter,
    asking the cap), a cap above your estimate, and a cap below your reservation price in
    the last round, visible and hidden alike (review 79 X1). Each offer is at least 0.5
    from every line."""
    reservation = reservation_of(s)
    plan = [round(offer, 2) for offer in course_plan(s, grounded_opening(s)[0])]
    ask = plan[2]
    cases = [
        (reservation - 4, ask, reservation - 2),  # a cap below your limit: walk away
        (below_split(s), ask, below_split(s)),  # a cap under the even split, at it: accept
        (reservation - 2, ask, reservation - 2),  # Orchard offers that cap: walk away
        (ceiling_between(s, ask), ask, ceiling_between(s, ask)),  # at a cap you take: accept
    ]
    # review 79 X1: the visible check tries these too
    cases += [
        (below_split(s) - 1, ask, below_split(s)),  # below a cap you would take: counter
        (min(ask, s.their_estimate) - 3, ask, s.their_estimate),  # a cap above: counter
        (reservation - 2, None, reservation - 2),  # last round, below your limit: walk
    ]
    return cases


def below_split(s):
    """A whole number between your reservation price and the even split, at least 1 from
    each: an offer there is below what module 02 calls acceptable."""
    reservation = reservation_of(s)
    return float(round((reservation + (reservation + s.their_estimate) / 2) / 2))


def ceiling_between(s, ask):
    """A credible ceiling of Orchard's between your reservation price and your next
    ``ask``, a whole number at least 1 from each."""
    return float(round((reservation_of(s) + ask) / 2))


@answer_key
def _right_response(s, offer, next_ask, result, cap=None):
    """Whether ``result`` is a right answer to question 6's case: the answer key's, with
    Orchard's budget claim read as a test (answered as if it were not said) unless ``cap``,
    a ceiling Orchard shows its board approved, is given; or, while rounds remain, "accept" at or above
    the even split (module 02) where the key counters."""
    expected = best_response(s, offer, next_ask, cap)
    return result == expected or (
        (expected, result) == ("counter", "accept") and _acceptable_by_split(s, offer, next_ask)
    )


@answer_key
def _written_hint(s, offer, next_ask, ceiling, expected):
    """Why ``expected`` is right when Orchard has shown its board approved ``ceiling``."""
    reservation = reservation_of(s)
    shown = f"Orchard has shown you that its board approved a budget of {ceiling:g}"
    if expected == "walk away":
        return (
            f"{shown}: a believable cap below your reservation price {reservation:g}, so no "
            "deal left can reach it; walk away (and leave well, section 5)",
            "it does not walk away from a believable cap below the reservation price",
        )
    if expected == "accept":
        return (
            f"{shown}: a believable cap at or above your reservation price {reservation:g}, "
            f"so you ask no more than {ceiling:g}, and an offer at it is one to accept",
            "it does not accept an offer at a believable cap above the reservation price",
        )
    return (
        f"{shown}, at or above your reservation price {reservation:g}, and {offer:g} is below "
        f"it: counter, asking no more than {ceiling:g}",
        "it does not counter an offer below a believable cap it could reach",
    )


def _response(result, where):
    """The learner's answer to question 6 as ``ANSWERS`` spell it: case, spaces, '_' and
    '-' do not count ('Accept', 'walk-away'), as in modules 00, 02 and 03; else a hint."""
    try:
        return one_of(result, ANSWERS, "respond's answer")
    except NotYet:
        _fail(
            where,
            f"return one of {', '.join(map(repr, ANSWERS))}, got {result!r}",
            "it should return 'accept', 'counter' or 'walk away'",
        )


@question
def respond(answer, hidden=False):
    """Check a function that answers Orchard's offer: accept, counter or walk away. No story
    gives a budget you can check, so Orchard's budget claim (``ceiling``) is treated as a test in
    every variant, as section 5 reads a claim with no evidence (review 73 X1: the check accepted
    reading every claim as a cap, walking away on it, which section 5 and question 6b's
    rubric reject): the ceiling alone changes no answer."""
    for s in _scenarios(hidden):
        for offer, next_ask, ceiling in _offers(s, hidden):
            result = call_learner(answer, s, offer, next_ask, ceiling)
            where = (
                f"respond(scenario, {offer:g}, {next_ask!r}, {ceiling!r}) for learner {s.learner}"
            )
            result = _response(result, where)
            if _right_response(s, offer, next_ask, result):
                continue
            expected = best_response(s, offer, next_ask)
            hint, general = _response_hint(s, offer, next_ask, expected, result)
            by_cap = result == best_response(s, offer, next_ask, ceiling)
            if ceiling is not None and (by_cap or (result == "accept" and offer >= ceiling)):
                hint = (
                    f"Orchard says {ceiling:g} is all its budget allows, but has shown you "
                    "nothing you can check (board_approved is False), so section 5 reads the claim "
                    "as a test, "
                    f"not a cap: answer as if it were not said. Here, {hint}"
                )
                general = "it reads Orchard's budget claim, which has no evidence, as a cap"
            _fail(where, f"not {result!r}: {hint}", general)
        # review 75 X1: a ceiling its board approved, shown, is a believable cap
        for offer, next_ask, ceiling in _written_offers(s, hidden):
            result = call_learner(answer, s, offer, next_ask, ceiling, True)
            where = (
                f"respond(scenario, {offer:g}, {next_ask!r}, {ceiling!r}, True) for learner "
                f"{s.learner}"
            )
            result = _response(result, where)
            if _right_response(s, offer, next_ask, result, ceiling):
                continue
            expected = best_response(s, offer, next_ask, ceiling)
            if next_ask is None:  # the last round: the cap changes nothing
                hint, general = _response_hint(s, offer, next_ask, expected, result)
            else:
                hint, general = _written_hint(s, offer, next_ask, ceiling, expected)
            _fail(where, f"not {result!r}: {hint}", general)
    passed(
        "respond accepts what beats your next ask, counters while a deal is still possible, "
        "and walks away when the best deal left is below your reservation price, reading "
        "Orchard's budget claim as a test unless Orchard shows that its board approved it, "
        "and then as a cap. "
        "While rounds remain, an offer below your next ask but at or above your target may be "
        "countered or accepted (your plan would stop there); not knowing your target, the "
        "check accepts from the even split, the lowest target section 2 allows. No case "
        "offers within half a thousand of your reservation price or your next ask, so '>' "
        "and '>=' both pass."
    )


@answer_key
def _acceptable_by_split(s, offer, next_ask):
    """Whether ``offer`` may be accepted while rounds remain: at or above the even split,
    halfway from your reservation price to your estimate of Orchard's, the lowest target
    section 2 allows. Section 5 lets a learner accept an offer at or above their own target
    (review 103 C3); ``respond`` gets no target, so question 6 accepts "accept" from the
    band's lowest target as well as the plan's "counter"."""
    split = (reservation_of(s) + s.their_estimate) / 2
    return next_ask is not None and offer >= split


@answer_key
def _response_hint(s, offer, next_ask, expected, given):
    """What is true of this offer that makes ``expected`` right and ``given`` wrong, with
    Orchard's budget claim read as a test (question 6 answers as if it were not said)."""
    reservation = reservation_of(s)
    if next_ask is None:  # the last round: the offer on the table is the best deal left
        if expected == "accept":
            return (
                f"this is the last round, and {offer:g} is above your reservation price "
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
    if given == "accept":
        below = f", and below your reservation price {reservation:g}" if offer < reservation else ""
        if offer < (reservation + s.their_estimate) / 2 and offer >= reservation:
            below = (
                ", and below the even split, "
                f"{(reservation + s.their_estimate) / 2:g}, so below any target of section "
                "2's band: counter and keep pacing"
            )
        return (
            f"{offer:g} is below the {next_ask:g} you would ask next, and rounds remain{below}",
            "it accepts an offer below its own next ask while rounds remain",
        )
    return (
        "rounds remain and nothing shows that Orchard cannot reach your reservation price: "
        "a low offer is a reason to answer, not to leave",
        "it walks away while rounds remain and a deal is still possible",
    )


# --- Meeting the same buyer again --------------------------------------------------------

#: How this year's talks can end, from the ending that keeps most trust to the least.
ENDINGS = ("deal", "polite walk-away", "walk-out")

#: How far from Kite's estimate of Orchard's limit next year's buyer's limit is drawn.
NEXT_YEAR_SPREAD = 6


def next_year(s):
    """Next year's expected gain over your reservation price (thousands: the price next
    year's talks reach less your reservation price, 0 without a deal) after each of
    ``ENDINGS`` this year, for learner ``s``: the engine plays module 04's plan
    (``course.engine.practice.Plan``: the grounded opening of question 1, steps that shrink
    to section 2's target, three quarters of the way up to the estimate, question 6's rule
    for accepting) twice against a buyer like Orchard that remembers how the first talks
    ended (``next_time``), and averages over its four possible styles. The buyer's limit is drawn for the learner within
    ``NEXT_YEAR_SPREAD`` of Kite's estimate of Orchard's; prices run to 200. What trust
    each ending leaves is the course bots' assumption, not a measured fact."""
    return dict(_next_year(s.learner))


def next_year_table(following):
    """``following`` (``next_year``'s dict) as a table: one row per way this year ends,
    next year's gain over next year's reservation price and its difference from the
    polite walk-away's (thousands), so that the table the text reads is on screen."""
    import pandas as pd

    without = following[ALTERNATIVE]
    table = pd.DataFrame(
        {
            "next year's gain (thousands)": list(following.values()),
            "minus the polite walk-away's": [gain - without for gain in following.values()],
        },
        index=pd.Index(list(following), name="this year ends in"),
    )
    return table.round(2)


@functools.lru_cache(maxsize=64)
def _next_year(learner):
    from course.engine.practice import ARENA_STYLES, next_time

    s = _variant(learner)
    mine, estimate = round(reservation_of(s)), round(s.their_estimate)
    spread = rng_for(f"{MODULE}:next-year", learner).randint(-NEXT_YEAR_SPREAD, NEXT_YEAR_SPREAD)
    opening = round(grounded_opening(s)[0])
    runs = [
        next_time(mine, estimate + spread, style, opening=opening, high=200, estimate=estimate)
        for style in ARENA_STYLES
    ]
    return tuple((e, round(sum(run[e]["gain"] for run in runs) / len(runs), 2)) for e in ENDINGS)


#: Your alternative to a deal with Orchard: the course's way of leaving (section 5).
ALTERNATIVE = "polite walk-away"


@answer_key
def adjusted_reservation(s, following):
    """The course's answer to question 7: your reservation price with the relationship
    inside it. A deal is worth what it pays now plus what it does to next year's talks
    against your alternative to it, the polite walk-away (``ALTERNATIVE``, the way section 5
    leaves; a walk-out burns the bridge and is never the plan): so the worst price you would
    still accept falls by the difference a deal makes next year."""
    return reservation_of(s) - (following["deal"] - following[ALTERNATIVE])


def _part_of_the_move(mine, expected, value):
    """Whether ``value`` moves your reservation price ``mine`` towards ``expected`` (the
    whole difference a deal makes next year) by more than a cent and by no more than all of
    it: how much of a simulated difference to trust is the learner's judgement (review 78
    X2), its direction is not."""
    if same_money(expected, mine):
        return False
    moved, whole = value - mine, expected - mine
    return moved * whole > 0 and TOLERANCE < abs(moved) <= abs(whole) + TOLERANCE


def _tables(s, hidden):
    """Next-year tables to try: the engine's for the learner, one where a deal makes
    next year worse (a low price sets a precedent), so the sign is read, not assumed (in
    the learner's own table a deal always helps); and one where the stakes are larger and
    a walk-out costs clearly more than a polite walk-away, so that comparing a deal with
    a walk-out fails the visible check for every learner. Hidden, also one where a deal
    makes no difference."""
    following = next_year(s)
    polite = following[ALTERNATIVE]
    worse = dict(following, deal=round(polite - 3, 2))
    base = max(polite, 6.0)  # a walk-out costs 4 of it; a deal adds 8
    larger = {"deal": base + 8, "polite walk-away": base, "walk-out": base - 4}
    # review 79 X1: the visible check tries the no-difference table too
    return [following, worse, larger, dict(following, deal=polite)]


def _how_far(mine, expected, value):
    """How ``value`` moves your reservation price ``mine`` against the rule's ``expected``,
    in words true of it whatever reading led there (review 81 X2: moving twice the
    difference was told it compared a deal with a walk-out, as the numbers coincided)."""
    moved, whole = value - mine, expected - mine
    against = "a deal makes next year against a polite walk-away"
    if same_money(expected, mine):
        return (
            f"moves your reservation price {mine:g} by {moved:+g}, though a deal makes no "
            "difference next year against a polite walk-away"
        )
    if moved * whole < 0:
        return f"moves your reservation price {mine:g} the wrong way, by {moved:+g}"
    size = "more than" if abs(moved) > abs(whole) else "part of"
    return (
        f"moves your reservation price {mine:g} by {abs(moved):g}, {size} the whole "
        f"difference {against} ({abs(whole):g})"
    )


@question
def relationship_reservation(answer, hidden=False):
    """Check a function that puts what the relationship is worth inside the reservation
    price, from a table of next year's gains after each ending."""
    learners = HIDDEN_LEARNERS if hidden else ()
    for s in [_variant(learner_id())] + [_variant(learner) for learner in learners]:
        mine = reservation_of(s)
        for following in _tables(s, hidden):
            where = f"relationship_reservation(scenario, {following}) for learner {s.learner}"
            value = money(call_learner(answer, s, dict(following)), "the reservation price")
            expected = adjusted_reservation(s, following)
            if same_money(value, expected) or _part_of_the_move(mine, expected, value):
                continue
            deal = following["deal"]
            best, other = ALTERNATIVE, "walk-out"
            alt, worse_one = following[best], following[other]
            mistakes = [
                (
                    mine,
                    f"{value:g} is your reservation price without the relationship: next year "
                    f"goes {deal - alt:g} better after a deal than after a {best}, your "
                    "alternative to a deal, and that belongs in what this year's deal is "
                    "worth to you",
                    "it leaves the relationship out of the reservation price",
                )
                if deal > alt
                else (
                    mine,
                    f"{value:g} leaves your reservation price as it was, but here a deal "
                    f"makes next year {alt - deal:g} worse than a {best}, your alternative "
                    "to a deal: the relationship counts both ways, so a deal now is worth "
                    "less than its price, and the least you would accept rises by the "
                    "difference",
                    "it counts the relationship only when a deal helps next year",
                ),
                (
                    mine - deal,
                    f"{value:g} {_how_far(mine, expected, value)}; it is what taking off "
                    f"all of next year's gain after a deal ({deal:g}) gives, but you would "
                    f"gain {alt:g} next year after a {best} too, so only the difference a "
                    "deal makes belongs in the price",
                    "it gives what taking off next year's whole gain after a deal gives, not "
                    "the difference a deal makes",
                ),
                (
                    mine - (deal - worse_one),
                    f"{value:g} {_how_far(mine, expected, value)}; it is what comparing a "
                    f"deal with a {other} gives, but a {best} leaves next year at {alt:g}, a "
                    f"{other} at {worse_one:g}, and your alternative to a deal is the {best}, "
                    "the way this course leaves (section 5)",
                    "it gives what comparing a deal with a walk-out gives, not with the polite "
                    "walk-away",
                ),
                (
                    mine + (deal - alt),
                    f"{value:g} moves the wrong way: "
                    + (
                        f"a deal makes next year {deal - alt:g} better than a {best}, your "
                        "alternative to a deal, so a deal now is worth more than "
                        "its price, and you can accept a little less"
                        if deal > alt
                        else f"a deal makes next year {alt - deal:g} worse than a {best}, "
                        "your alternative to a deal, so a deal now is worth less than its "
                        "price, and you need a little more"
                    ),
                    "it moves the reservation price the wrong way",
                ),
            ]
            hint = next(
                (m for m in mistakes if same_money(value, m[0]) and not same_money(m[0], expected)),
                None,
            )
            if hint is None and same_money(expected, mine):
                # review 100 X1: name the comparison and the price that stays (69.375 was
                # told only that it was not the rule's price)
                walk_out = (
                    f"; only against a {other} ({worse_one:g}) does a deal differ, by "
                    f"{abs(deal - worse_one):g}, and a {other} is not your alternative"
                    if not same_money(deal, worse_one)
                    else ""
                )
                _fail(
                    where,
                    f"{value:g} moves your reservation price {mine:g} by {value - mine:+g}, "
                    f"but here a deal and a {best}, your alternative to a deal, both leave "
                    f"next year at {alt:g}, so against it a deal changes nothing{walk_out}: "
                    f"keep {mine:g}",
                    "it is not the reservation price the rule gives",
                )
            if hint is None:  # which side of your reservation price, never the value
                side = (
                    "further from your reservation price without the relationship than the "
                    "whole difference a deal makes next year against a polite walk-away: "
                    "move it by that difference at most"
                    if (value - mine) * (expected - mine) > 0
                    else "on the wrong side of your reservation price without the "
                    f"relationship, {mine:g}: compare next year after a deal with next year "
                    "after a polite walk-away"
                )
                _fail(
                    where, f"{value:g} is {side}", "it is not the reservation price the rule gives"
                )
            _fail(where, hint[1], hint[2])
    passed(
        "relationship_reservation counts what a deal does to next year's talks, against "
        "a polite walk-away, inside the worst price you would accept, moving it the "
        "table's way by no more than the whole difference."
    )
