"""Checks for module 03 (power): each names the mistake it recognises, and every hint is
true of the answer it is shown for.

A learner's notebook imports this module as ``check``, so no answer is one of its
attributes: each check imports what it compares with (``course.scenarios.power``) inside
the function that needs it."""

import contextlib
import dataclasses
import functools
import itertools
import math
from collections.abc import Mapping
from fractions import Fraction

from course.checks.calls import answer_key, question, say
from course.checks.credit import Check, score
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    general_hint,
    money,
    one_of,
    passed,
)
from course.scenarios.power import (
    BASES,
    DEPENDENCE,
    HARROW_MOVES,
    LABELS,
    LEVERS,
    LICENCE_YEARS,
    REASON_ALIASES,
    REASONS,
    REPLIES,
    REPLY_ALIASES,
)
from course.variants import (
    CourseIdNeeded,
    grading_key,
    hidden_cases_as,
    hidden_learner_where,
    learner_id,
    variant,
)

MODULE = "03_power"


def _story():
    """The scenario module, imported where used so no attribute of this module is it."""
    from course.scenarios import power

    return power


def _seat_reply(s):
    """A mistake question 7 exists for: Kestrel's share computed as if it proposed first."""
    table = s.contract_value * (1 - s.delta_them) / (1 - s.delta_you * s.delta_them)
    if s.granite_offer >= max(table, s.outside_offer):
        return "accept"
    return "name Harrow" if s.outside_offer > table else "reject"


@answer_key
def _shortcut_lever(s, harrow_raw=False, loan_without_harrow=False, seat=False, floor=False):
    """Question 8 answered with a mistake: Harrow's raw rise taken for its gain, the
    loan's gain counted as if Harrow did not bind, (``seat``) Kestrel's Granite share
    computed as if it proposed first, or (``floor``) Corvid measured by the rise in the
    licence's reservation price instead of its predicted price, max(v1/2, v2)."""
    found = _story().lever_gains(s)
    if floor:
        found["bidder"] = max(s.borealis_value, s.corvid_value) - s.borealis_value
    if seat:

        def first(delta, harrow):
            share = s.contract_value * (1 - s.delta_them) / (1 - delta * s.delta_them)
            return max(share, harrow)

        now = first(s.delta_you, s.outside_offer)
        found["loan"] = first(s.delta_with_loan, s.outside_offer) - now
        found["harrow"] = first(s.delta_you, s.harrow_raised) - now
    if harrow_raw:
        found["harrow"] = s.harrow_raised - s.outside_offer
    if loan_without_harrow:
        found["loan"] = _story().table_share(s, s.delta_with_loan) - _story().table_share(s)
    return max(found, key=found.get)


@answer_key
def _vote_kind(s):
    """Whether question 3's better offer is the one with fewer votes or more (or neither)."""
    best = _story().vote_seller(s)
    if best == "neither":
        return "neither"
    offers = dict(s.vote_offers)
    return "fewer" if offers[best] == min(offers.values()) else "more"


def _seller_kept_choice(s):
    """Question 3 answered with a mistake: the seller's votes left as they were."""
    from course.models.power import banzhaf_index

    power = {}
    for owner, votes in s.vote_offers:
        power[owner] = banzhaf_index(s.quota, [*s.weights[:-1], s.weights[-1] + votes])[-1]
    if not any(power.values()):
        return "neither"
    return max(power, key=power.get)


def _rig_of(walk_out, above_half):
    return lambda s: any(
        _story().walks_out(v) == walk_out and (v.amount > s.rig_value / 2) == above_half
        for v in s.rig_versions
    )


class _HiddenLearners:
    """Other learners' scenarios the hidden tests also try, so hard-coded answers fail: drawn
    with the grader's secret key when graded, the public self-check learners otherwise
    (``course.variants.hidden_learner_where``). Whatever the key, between them they give
    every reply to Granite, make every lever the best one, put Atlas's proposal above and
    below Borealis's value (and, with Corvid in the market, above and below the reservation price, once
    where today's verdict and the one with Corvid differ), need different vote counts, give every move about Harrow but the ultimatum and
    each kind of rig alternative, each outcome of question 6 (paid on signing), a figure of Atlas's below both its yardstick and section
    5's price (question 4), and catch the mistakes questions 7 and 8 exist for:
    Kestrel put in the proposer's seat (in both), Corvid measured by the reservation price it raises, Harrow's raw rise taken for its gain, the loan's
    gain counted where Harrow already binds (tests/test_variants_sweep_power.py checks
    each). Read afresh each time, as the key decides who they are. The kinds are private:
    each is a question's answer on a scenario, and a public name would hand the learner's
    own answers to a cell the class report does not name (a fresh review, E1)."""

    _KINDS = (
        ("accept-seat", lambda s: _story().granite_reply(s) == "accept" != _seat_reply(s)),
        ("walk-seat", lambda s: _story().granite_reply(s) == "name Harrow" != _seat_reply(s)),
        ("reject", lambda s: _story().granite_reply(s) == "reject"),
        ("bidder", lambda s: _story().best_lever(s) == "bidder"),
        ("loan", lambda s: _story().best_lever(s) == "loan"),
        ("harrow", lambda s: _story().best_lever(s) == "harrow"),
        ("harrow-raw", lambda s: _shortcut_lever(s, harrow_raw=True) != _story().best_lever(s)),
        (
            "loan-alone",
            lambda s: _shortcut_lever(s, loan_without_harrow=True) != _story().best_lever(s),
        ),
        ("both-shortcuts", lambda s: _shortcut_lever(s, True, True) != _story().best_lever(s)),
        (  # Kestrel put in the proposer's seat in question 8 too (a fresh review, E3)
            "lever-seat",
            lambda s: _shortcut_lever(s, seat=True) != _story().best_lever(s),
        ),
        ("loan-idle", lambda s: _story().lever_gains(s)["loan"] == 0),
        ("harrow-idle", lambda s: _story().lever_gains(s)["harrow"] == 0),
        ("corvid-short", lambda s: s.borealis_value < s.corvid_value <= s.atlas_value / 2),
        (  # Corvid measured by the reservation price it raises, not by the predicted price, picks
            # another lever (a fresh review, W3: the yardstick never mattered)
            "bidder-floor",
            lambda s: _shortcut_lever(s, floor=True) != _story().best_lever(s),
        ),
        (  # today's proposal clears Borealis, the one with Corvid does not: catches a
            # verdict computed in today's market (review 3, weak 1)
            "fair-above",
            lambda s: (
                _story().atlas_proposal(s) >= s.borealis_value
                and not _story().clears_with_corvid(s)
            ),
        ),
        ("fair-below", lambda s: _story().atlas_proposal(s) < s.borealis_value),
        (  # Borealis above half of Atlas's value yet below the Shapley value: 'v2 < v1/2'
            # stands in for 'the proposal beats Borealis' everywhere else (review 2, finding 5)
            "fair-between",
            lambda s: s.atlas_value / 2 < s.borealis_value < _story().atlas_proposal(s),
        ),
        # question 3: neither offer brings power; and one where the seller's loss of votes
        # decides (a fresh review: the old question was a lookup). The smaller and the
        # larger offer each win for about half of all learners, so the others give both
        # (the sweep asserts it for every key)
        ("votes-neither", lambda s: _story().vote_seller(s) == "neither"),
        (
            "votes-seller-loses",
            lambda s: _seller_kept_choice(s) != _story().vote_seller(s),
        ),
        ("mention", lambda s: _story().harrow_move(s) == "mention"),
        ("confirm-first", lambda s: _story().harrow_move(s) == "confirm first"),
        ("keep-quiet", lambda s: _story().harrow_move(s) == "keep quiet"),
        (  # question 9b: Granite's guess and the share at the table on opposite sides of
            # Harrow, so a move judged by the share at the table fails (review 4, W3, W7)
            "guess-not-table",
            lambda s: (
                (s.outside_offer > s.granite_guess) != (s.outside_offer > _story().table_share(s))
            ),
        ),
        ("walk-out-above", _rig_of(True, True)),
        ("walk-out-below", _rig_of(True, False)),
        ("breakdown-above", _rig_of(False, True)),
        ("breakdown-below", _rig_of(False, False)),
        # question 6: paying on signing costs Kestrel something, and the money's coming
        # sooner is worth more, or less; and where Borealis would offer less paid on
        # signing, keeping today's offer fails (review 103, X1: in the slot of the case where
        # Borealis bound on both terms, which no drawn learner has now; the check builds
        # one, ``_signing_no_cost_case``)
        ("signing-worth-it", lambda s: _story().signing_loss(s) > 0 and _story().signing_switch(s)),
        ("signing-not", lambda s: not _story().signing_switch(s)),
        ("signing-borealis-cut", lambda s: s.signing_borealis < s.borealis_value),
        (  # the share at the table beats Borealis, so 'the price is Borealis's value' fails
            # whatever the key (review 5, E1: it sets the price for only ~5% of learners)
            "signing-table-binds",
            lambda s: s.atlas_value / (1 + s.signing_ratio) > s.signing_borealis,
        ),
        (  # question 4: Atlas's figure below its yardstick and below section 5's price, so
            # taking it is wrong there, while it is right where it is at least that price
            # (review 68, X1); last, so that no other kind's label moves
            "reply-figure-short",
            lambda s: (
                _story().reply_reason(s) == "yardstick" and not _story().reply_takes_figure(s)
            ),
        ),
    )

    def __iter__(self):
        # a neutral label, ``case-<n>``: a public self-check learner's id names no answer
        return iter(
            [
                hidden_learner_where(
                    MODULE, f"case-{n}", lambda learner, fits=fits: fits(_drawn(learner))
                )
                for n, (_, fits) in enumerate(self._KINDS, 1)
            ]
        )

    def __len__(self):
        return len(self._KINDS)


HIDDEN_LEARNERS = _HiddenLearners()


@functools.lru_cache(maxsize=1024)
def _drawn(learner):
    return variant(MODULE, learner)


def _rig_order(s):
    """The letters of the versions reached by walking out, e.g. "AC"."""
    return "".join(v.letter for v in s.rig_versions if _story().walks_out(v))


def _rig_scenarios(hidden):
    """Question 5's scenarios: the learner's own, plus one other learner's for each kind of
    alternative above and below half of Dunmore's value. When grading hidden cases the others
    have walk-out versions with the same letters as the learner's, and each version is told
    in the words of the learner's own version of that letter, at the other's amount (the
    kinds are read from the story, so a function may go by the letter or by the words:
    review 99, X1, a function that read the learner's own words rightly lost half the mark
    on a wording the learner never saw, and which the visible check does not judge); the
    visible check, which judges only that each price follows one of the two rules, takes
    the public self-check learners whatever their letters and words, so their ids are the
    same for every learner and tell nothing of the learner's own versions."""
    own = _drawn(learner_id())
    order = _rig_order(own) if hidden else None
    found = [own]
    with contextlib.ExitStack() as stack:
        if not hidden:
            stack.enter_context(hidden_cases_as(None))
        for n, (walk_out, above) in enumerate(itertools.product((True, False), repeat=2), 1):
            fits = _rig_of(walk_out, above)
            learner = hidden_learner_where(
                MODULE,
                f"rig-{n}",
                lambda learner, fits=fits: (
                    order in (None, _rig_order(_drawn(learner))) and fits(_drawn(learner))
                ),
            )
            other = _drawn(learner)
            found.append(_in_own_words(other, own) if hidden else other)
    return found


def _in_own_words(other, own):
    """``other``'s scenario with each rig version told in the words of ``own``'s version of
    the same letter, at ``other``'s amount (the two share their walk-out letters)."""
    from course.scenarios.power import money as shown
    from course.scenarios.power import rig_wording

    words = {v.letter: rig_wording(v) for v in own.rig_versions}
    versions = tuple(
        dataclasses.replace(v, text=words[v.letter].format(x=shown(v.amount)))
        for v in other.rig_versions
    )
    return dataclasses.replace(other, rig_versions=versions)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners': the hidden learners when grading
    hidden cases, else the public self-check learners, so that the visible check catches the
    shortcuts each question exists for before grading does (sixth review, E2: on the
    learner's own case alone, they passed visibly for 48 to 95% of learners)."""
    own = _drawn(learner_id())
    if hidden:
        return [own] + [_drawn(learner) for learner in HIDDEN_LEARNERS]
    with hidden_cases_as(None):
        public = list(HIDDEN_LEARNERS)
    return [own] + [_drawn(learner) for learner in public]


#: The learner name of question 2's worked case (no learner's id has a space).
WORKED_CASE = "the worked case"


def _corvid_worked_case():
    """Question 2's worked case, built by hand (a fresh review, E1): Atlas 100,000,
    Borealis 52,000, Corvid 61,000. Kestrel's Shapley value with Corvid is 64,500, above
    Corvid's 61,000, so the proposal clears the reservation price; today's value, 58,667 by section 2's
    formula for three players, is below it. The generator puts Corvid between the two for
    about one learner in six (``scenarios.power._corvid``); this case makes every visible
    check try the difference."""
    return dataclasses.replace(
        _drawn(learner_id()),
        learner=WORKED_CASE,
        atlas_value=100_000.0,
        borealis_value=52_000.0,
        corvid_value=61_000.0,
    )


#: The learner name of question 6's case where paying on signing costs nothing (review 103,
#: X1): no drawn learner has one any more, as it made "agree" follow from any gain.
SIGNING_CASE = "the no-cost case"


def _signing_no_cost_case():
    """Question 6's case built by hand: Atlas 100,000, Borealis 60,000 on both terms (its
    offer the same paid on signing), Kestrel losing 3 times as fast, the money's coming
    sooner worth 3,000. Borealis sets the price on both terms (60,000), so the change costs
    nothing and Kestrel agrees. Every drawn learner now loses something by the change; this
    case keeps the check trying the one where it costs nothing."""
    return dataclasses.replace(
        _drawn(learner_id()),
        learner=SIGNING_CASE,
        atlas_value=100_000.0,
        borealis_value=60_000.0,
        signing_borealis=60_000.0,
        signing_ratio=3,
        signing_gain=3_000.0,
    )


def _own(s):
    """Whether ``s`` is the learner's own scenario. There a hint of question 2's verdict,
    7 or 8 names the comparison to make, not the numbers it compares: those are the
    question's work, and a hint that printed them for a wrong answer let a learner try each
    answer in turn and read them off. Other learners' cases keep their numbers. With no
    learner known (no course id given), no scenario is anyone's own."""
    try:
        return s.learner == learner_id()
    except CourseIdNeeded:
        return False


#: What a wrong answer on the learner's own case is told, question by question (review 57,
#: W1 and W2): the same words whatever was said and whatever the case, so that trying each
#: answer in turn reads off neither the verdict nor its numbers. They say what to compare;
#: other learners' cases, which the visible check also tries, keep their specific hints.
OWN_CASE_HINTS = {
    "licence_floor": "set Kestrel's Shapley value in today's market of three against its "
    "reservation price, the least it could accept given the offers made so far; a forecast "
    "of where the bargaining ends is not that limit",
    "buy_votes_from": "for each offer, count the swings Kestrel's vote would have after that "
    "sale, with the seller holding fewer votes and Kestrel more, and compare the two; "
    "'neither' only if no sale gives Kestrel any swing",
    # review 93, X1: it no longer states the rule question 4 leaves to the learner
    "licence_reply": "set Atlas's figure, its own yardstick worked out (Kestrel's "
    "Shapley value) and Borealis's written offer beside section 5's predicted price, and "
    "Kestrel ends up with no less than that price; weigh which of them Atlas cannot refuse "
    "without going back on its own word or ignoring an offer it can check, and which reply "
    "would give money away (sections 2 and 5)",
    "licence_reply_reason": "the reason must fit the figure Kestrel names: 'accept' for "
    "Atlas's own figure taken as it stands, else a ground Atlas can check that puts a figure "
    "that high, and never one that points Atlas to a lower figure (the rule after question 4)",
    "signing_terms": "with short rounds the ratio of the two sides' rates of loss sets "
    "Kestrel's share at the table, and Borealis's offer, as it would be paid on signing, counts "
    "only where it beats that share (section 5)",
    # review 95 X1: "put the price ... right first" read as a fault just after the price
    # part was marked right; the same words for a right or a wrong price leak nothing
    "signing_switch": "with the price paid on signing from the part above, weigh what the "
    "money's coming sooner is worth against what the change takes off today's predicted "
    "price (section 5)",
    "granite_reply": "work out Kestrel's share at the table in the responder's seat, then set "
    "Granite's proposal and Harrow's offer against it and against each other",
    "best_lever": "work out what each move adds to what the models predict for Kestrel (the "
    "licence's price, or its share of the Granite contract by section 5), and compare the three",
    "harrow_move": "ask which number Granite acts on, since it cannot know how patient Kestrel "
    "is, and whether Harrow's offer beats it; then whether Granite can check the offer as "
    "it stands (judged by section 7's heuristic)",
}


def _not_own(s, question, part=None):
    """On the learner's own case, raise the ``OWN_CASE_HINTS`` words of ``question`` (its
    ``part``, e.g. "the price", named first); elsewhere do nothing, and the caller raises
    its specific hint."""
    if _own(s):
        what = f"{part} is" if part else f"{question} is"
        words = OWN_CASE_HINTS[question]
        raise NotYet(f"{what} not right for your own scenario: {words}.", general=words)


def _whose(s):
    """Whose scenario ``s`` is, as a hint names it: the learner's own is "your own
    scenario", as in every other own-case hint (review 61, U4)."""
    if _own(s):
        return "your own scenario"
    return s.learner if s.learner in (WORKED_CASE, SIGNING_CASE) else f"learner {s.learner}"


def _judged(s, judge, named=True):
    """Run ``judge()`` for scenario ``s``; when ``s`` is another learner's, a failure says
    whose, and how to see that scenario (a hidden check shows only the general words).
    ``named=False`` for a learner drawn to share an answer with the learner's own case: the
    failure gives that scenario's numbers, not its id, as the id would tell the answer."""
    try:
        return judge()
    except NotYet as failure:
        if s.learner == learner_id():
            raise
        if s.learner == WORKED_CASE:
            raise NotYet(
                f"on a worked case (Atlas's value 100,000, Borealis's 52,000, Corvid's "
                f"61,000): {failure}",
                general=failure.general,
            ) from None
        if s.learner == SIGNING_CASE:
            raise NotYet(
                "on a built case (Atlas's value 100,000; Borealis's offer 60,000 on both "
                "terms; Kestrel losing 3 times as fast paid on signing; the money's coming "
                f"sooner worth 3,000): {failure}",
                general=failure.general,
            ) from None
        if not named:
            versions = ", ".join(f"{v.letter} {_money(v.amount)}" for v in s.rig_versions)
            raise NotYet(
                f"on another learner's scenario (Dunmore's value {_money(s.rig_value)}; "
                f"alternatives {versions}): {failure}",
                general=failure.general,
            ) from None
        raise NotYet(
            f"on another learner's scenario, {s.learner!r} (print it with "
            f"course.variant('03_power', {s.learner!r})): {failure}",
            general=failure.general,
        ) from None


def amount(value, what):
    """Like ``hints.money``, but an exact Fraction (what the library returns for whole-number
    inputs) is a number too."""
    return money(float(value) if isinstance(value, Fraction) else value, what)


# --- question 1: which base of power, and who depends on whom ---------------------------------

#: Why a base does not fit a fact it was given for, said without naming the base that does:
#: each is true of every fact of the three other bases (section 1's definitions).
NOT_BASE = {
    "authority": "nobody here has the say because of a role or office that both sides accept",
    "expert": "nobody here relies on what someone knows that they cannot work out themselves",
    "referent": "nobody here wants someone's approval because they admire or identify with them",
    "resource": (
        "what the other side relies on here is not a thing that changes hands, such as a "
        "part, a licence, a machine or a stock"
    ),
}

#: Practice facts whose base is also defensible as another (a learner's own facts' are in
#: the grader's keys, ``scenarios.power.fact_also_bases``): practice fact 1's harbour
#: master has the say by office (authority), and the use of the berth she allots is also a
#: thing Kestrel must get (resource), by the rule section 1 states for such a fact.
PRACTICE_ALSO_BASE = {"1": {"resource"}}

#: Why a direction of dependence does not fit, without saying which does.
NOT_DEPENDENCE = (
    "the side that depends is the one that needs what the other has, knows or may decide: "
    "read again who needs what"
)


@answer_key
def judge_power_fact(s, fact, answers):
    """Question 1 for one fact, given ``answers`` (letter -> (base, who depends on whom)):
    what the learner got right, else the ``NotYet`` hint, which says why what was given does
    not fit, never what does."""
    from course.scenarios.power import fact_also_bases, power_fact_answer

    said = answers.get(fact.letter)
    if said is None:
        raise NotYet(f"power_sources has no answer for fact {fact.letter} yet.")
    if not isinstance(said, tuple | list) or len(said) != 2:
        raise NotYet(
            f"the answer for fact {fact.letter} should be a pair (base, who depends on whom), "
            f"like ('expert', 'them on Kestrel'), got {said!r}",
            general="each fact's answer should be a pair (base, who depends on whom)",
        )
    base = one_of(said[0], BASES, f"the base of power of {fact.letter}")
    depends = one_of(said[1], DEPENDENCE, f"who depends on whom in {fact.letter}")
    right_base, right_depends = power_fact_answer(fact)
    wrong = []
    if base != right_base and base not in fact_also_bases(fact):
        wrong.append(f"it is not {base} power: {NOT_BASE[base]}")
    if depends != right_depends:
        wrong.append(f"{depends!r} is not the way the dependence runs: {NOT_DEPENDENCE}")
    if wrong:
        raise NotYet(
            f"{fact.letter}: {'; and '.join(wrong)}.",
            general=f"the answer for fact {fact.letter} does not fit your own story",
        )
    return f"{fact.letter} is {base} power, {depends}."


@question
def power_sources(answer, hidden=False):
    """Check question 1, whose dict holds the practice facts (numbers 1 to 4) and the
    learner's own (letters A to D). Visible: the practice facts are judged one by one, with
    hints, and of the own facts only the form. Hidden: each own fact with both parts right
    earns ``OWN_SHARE`` on its own, whatever the other facts (review 66), unless all four
    pairs are the same (``ONE_ANSWER_FOR_ALL``, review 75). Per-item feedback
    on the own case would let a learner reach full marks by re-running (practise with
    feedback, then apply for marks)."""
    s = _drawn(learner_id())
    if hidden:
        return _own_shares(
            answer,
            s.power_facts,
            "fact",
            POWER_SOURCES_EXAMPLE,
            functools.partial(judge_power_fact, s),
            form=_power_fact_form,
        )
    return _practice_then_form(
        answer,
        own=s.power_facts,
        noun="fact",
        example=POWER_SOURCES_EXAMPLE,
        practice_judge=judge_practice_fact,
        form=_power_fact_form,
    )


POWER_SOURCES_EXAMPLE = (
    "power_sources should return a dict like {1: ('expert', 'them on Kestrel'), ..., "
    "'A': ('expert', 'them on Kestrel'), ...}"
)

#: The keys of the practice items of questions 1 and 9a, in the same dict as the learner's own.
PRACTICE_NUMBERS = ("1", "2", "3", "4")


def _power_fact_form(letter, said):
    """The form of one answer of question 1, (base, who depends on whom), or a hint."""
    if not isinstance(said, tuple | list) or len(said) != 2:
        raise NotYet(
            f"the answer for fact {letter} should be a pair (base, who depends on whom), "
            f"like ('expert', 'them on Kestrel'), got {said!r}",
            general="each fact's answer should be a pair (base, who depends on whom)",
        )
    return one_of(said[0], BASES, f"the base of power of {letter}"), one_of(
        said[1], DEPENDENCE, f"who depends on whom in {letter}"
    )


@answer_key
def judge_practice_fact(number, said):
    """Question 1's practice fact ``number`` (section 1's practice case, the same for every
    learner), given the learner's ``said``: nothing when right, else the ``NotYet`` hint,
    which says why what was given does not fit, never what does."""
    from course.scenarios.power import PRACTICE_FACTS

    base, depends = _power_fact_form(number, said)
    right_base, right_depends, _ = PRACTICE_FACTS[number]
    wrong = []
    if base != right_base and base not in PRACTICE_ALSO_BASE.get(number, ()):
        wrong.append(f"it is not {base} power: {NOT_BASE[base]}")
    if depends != right_depends:
        wrong.append(f"{depends!r} is not the way the dependence runs: {NOT_DEPENDENCE}")
    if wrong:
        raise NotYet("; and ".join(wrong))
    if PRACTICE_ALSO_BASE.get(number):  # review 57, U3: say that the other base fits too
        return (
            "Authority and resource both fit it: the harbour master has the say by her "
            "office, and the use of the berth she allots is a thing Kestrel must get "
            "(section 1's rule for a role-holder who can give or withhold a thing that "
            "changes hands)."
        )
    return None


def _practice_then_form(answer, own, noun, example, practice_judge, form):
    """The visible check of an own-case label question, whose dict holds the practice items
    (numbers 1 to 4) and the learner's own (letters A to D). Each practice item is judged and
    printed, right or with a hint; a practice item wrong or missing fails nothing, since only
    the own case is marked. The own answers are checked only for their form (a hint, as a
    failure, when one is missing or not an allowed answer). Says plainly that the own
    answers are marked at grading, and never calls them right."""
    answers = call_learner(answer)
    if not isinstance(answers, Mapping):
        raise NotYet(f"{example}, got {answers!r}")
    answers = {str(key).strip().upper(): said for key, said in answers.items()}
    letters = [item.letter for item in own]
    extra = sorted(set(answers) - set(letters) - set(PRACTICE_NUMBERS))
    if extra:
        raise NotYet(
            f"there is no {noun} {extra[0]!r}: the practice {noun}s are 1, 2, 3 and 4, and "
            f"your own {noun}s A, B, C and D."
        )
    problems = []
    for letter in letters:
        if letter not in answers:
            problems.append(f"your own {noun} {letter} has no answer yet.")
            continue
        try:
            form(letter, answers[letter])
        except NotYet as hint:
            problems.append(f"{hint}.")
    if problems:
        raise NotYet("\n".join(problems))
    if _one_answer_for_all(answers, letters, form):
        raise NotYet(ONE_ANSWER_FOR_ALL.format(noun=noun))
    lines = []
    for number in PRACTICE_NUMBERS:
        if number not in answers:
            lines.append(f"Practice {noun} {number}: no answer yet.")
            continue
        try:
            note = practice_judge(number, answers[number])
        except NotYet as hint:
            lines.append(f"Practice {noun} {number}: not yet: {hint}.")
        else:
            lines.append(f"Practice {noun} {number}: right." + (f" {note}" if note else ""))
    lines.append(
        f"Your own {noun}s A to D: each answer has the right form. This check does not judge "
        "them: they are marked when the notebook is graded."
    )
    say("\n".join(lines))


def _own_answers(answer, items, noun, example):
    """The learner's dict of an own-case label question, its keys as letters, or a hint:
    ``example`` names the function and shows the dict it should return."""
    answers = call_learner(answer)
    if not isinstance(answers, Mapping):
        raise NotYet(f"{example}, got {answers!r}")
    answers = {str(letter).strip().upper(): said for letter, said in answers.items()}
    extra = sorted(set(answers) - {item.letter for item in items} - set(PRACTICE_NUMBERS))
    if extra:
        raise NotYet(f"there is no {noun} {extra[0]!r}; the {noun}s are A, B, C and D.")
    return answers


def _one_answer_for_all(answers, letters, form):
    """Whether the learner gave one and the same answer, read by ``form(letter, said)``, for
    every own item (``letters``); ``False`` while one is missing or not of the right form."""
    try:
        given = {form(letter, answers[letter]) for letter in letters}
    except (KeyError, NotYet):
        return False
    return len(given) == 1


#: Questions 1 and 9a when one answer is given for all four own items (review 75, X1 and
#: X2, question 5's rule): no draw has one answer right for three of its items (the
#: invariants "facts: one answer fits three facts" and "tactics: one label fits three
#: statements"), so such an answer is always wrong for two at least and tells no item from
#: another; it earns nothing, though one answer fitting two items once earned a mark (for
#: 285 and 135 of 300 learners in 9a and 1). True of any such answer, and names no label.
ONE_ANSWER_FOR_ALL = (
    "all four of your own {noun}s have the same answer, which fits no scenario (none has one "
    "answer right for three of its {noun}s), so none earns its half mark"
)


def _all_the_same(noun):
    raise NotYet(ONE_ANSWER_FOR_ALL.format(noun=noun))


def _own_shares(answer, items, noun, example, judge, form):
    """Score an own-case label question (1 and 9a), whose answer is a dict from letter to
    answer: each item answered right earns ``OWN_SHARE`` on its own, whatever the other
    items, unless one answer is given for all four, which earns nothing
    (``ONE_ANSWER_FOR_ALL``); ``judge(item, answers)`` is one item's check (what was right,
    or ``NotYet``, the hint shown for that item), ``form(letter, said)`` reads one answer.
    The practice items (numbers 1 to 4) are left out."""
    answers = _own_answers(answer, items, noun, example)
    same = _one_answer_for_all(answers, [item.letter for item in items], form)
    return score(
        *(
            Check(
                f"{noun} {item.letter}",
                OWN_SHARE,
                functools.partial(_all_the_same, noun)
                if same
                else functools.partial(judge, item, answers),
                own_case=True,
            )
            for item in items
        )
    )


#: What each right item of question 1's four own facts, or question 9a's four own
#: statements, earns: its share of the question's two marks, whatever the other items
#: (review 66: one mark for three right and two for four was a cliff, where two right
#: earned nothing; module 02's question 7 pays its labels the same way). Half a point an
#: item once let a constant answer earn marks (a fresh review: "legitimate" for every
#: statement of question 9a earned a mark for 59% of learners); no answer fits three items
#: of any draw (``scenarios.power``: "tactics: one label fits three statements", "facts:
#: one answer fits three facts"), so a constant answer was right for two items at most, and
#: now earns nothing (``ONE_ANSWER_FOR_ALL``).
OWN_SHARE = 0.5


# --- question 2: the licence's reservation price, and Atlas's "fair" proposal -----------------


#: What ``licence_floor`` returns (question 2).
SHAPE = "(clears_today, clears_with_corvid)"


def _pair(result, what, shape):
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise NotYet(
            f"{what} should return a pair {shape}, got {result!r}",
            general=f"it should return a pair {shape}",
        )
    return result


@answer_key
def judge_clears_today(s, result):
    """Question 2's first part, on ``result`` (what ``licence_floor`` returned for ``s``):
    nothing when the verdict on Atlas's proposal in today's market is right, else the
    ``NotYet`` hint."""
    from course.scenarios.power import clears_today, kestrel_shapley

    verdict, _ = _pair(result, "licence_floor", SHAPE)
    verdict = _truth(verdict, "clears_today")
    expected = clears_today(s)
    if verdict == expected:
        return
    _not_own(s, "licence_floor", "clears_today")
    shapley, v2 = kestrel_shapley(s), s.borealis_value
    side = "at least" if expected else "less than"
    hint = (
        f"Atlas's yardstick, Kestrel's Shapley value in today's market, is {shapley:,.0f}, "
        f"{side} the {v2:,.0f} Borealis would pay, which is Kestrel's reservation price: "
        "below it, selling to Borealis does better"
    )
    raise NotYet(
        f"clears_today is not right for {_whose(s)}: {hint}.",
        general="it misjudges whether Atlas's yardstick in today's market is at least "
        "Kestrel's reservation price, what Borealis would pay",
    )


def _truth(value, what):
    """The learner's True or False as a bool: Python's, or numpy's ``bool_`` (what comparing
    numpy numbers gives; a fresh review, E1), else the ``NotYet`` hint that it is neither."""
    kind = type(value)
    if isinstance(value, bool) or (
        kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_")
    ):
        return bool(value)
    raise NotYet(
        f"{what} should be True or False, got {value!r}",
        general="the second item should be True or False",
    )


def _corvid_shortcuts(s):
    """Question 2's shortcuts to the verdict with Corvid on ``s``, each the verdict it gives:
    Kestrel's Shapley value in today's market of three, or the one with Corvid, set against
    Borealis alone; and section 2's formula for three players, (3 v1 + r) / 6, with Borealis
    or Corvid as the one rival r, set against the best rival's offer."""
    from course.scenarios.power import (
        floor_with_corvid,
        kestrel_shapley,
        kestrel_shapley_with_corvid,
    )

    v1, floor = s.atlas_value, floor_with_corvid(s)
    return {
        "today": kestrel_shapley(s) >= s.borealis_value,
        "borealis only": kestrel_shapley_with_corvid(s) >= s.borealis_value,
        "three Borealis": (3 * v1 + s.borealis_value) / 6 >= floor,
        "three Corvid": (3 * v1 + s.corvid_value) / 6 >= floor,
    }


def _shortcuts_followed(verdicts):
    """The shortcuts (``_corvid_shortcuts``' names) that the learner's verdicts follow on
    every case tried, ``verdicts`` pairing each scenario with the learner's verdict there.
    A shortcut counts only where its own verdicts differ between the cases and from the right
    one on some case: a constant answer, or a right one, follows no shortcut. A review of
    session 56 (E1) found a hint naming a shortcut for 90 learners in 220 on the strength of
    one True or False, whatever the learner did; a hint now names one only when the verdicts
    follow it case by case."""
    from course.scenarios.power import clears_with_corvid

    followed = set()
    for name in ("today", "borealis only", "three Borealis", "three Corvid"):
        given = [_corvid_shortcuts(s)[name] for s, _ in verdicts]
        if (
            all(verdict == shortcut for (_, verdict), shortcut in zip(verdicts, given, strict=True))
            and len(set(given)) == 2
            and any(
                shortcut != clears_with_corvid(s)
                for (s, _), shortcut in zip(verdicts, given, strict=True)
            )
        ):
            followed.add(name)
    return frozenset(followed)


@answer_key
def judge_clears_with_corvid(s, result, followed=frozenset()):
    """Question 2's second part, on ``result``: nothing when the verdict on Atlas's proposal
    in the market with Corvid is right, else the ``NotYet`` hint. It names a shortcut only
    when it is in ``followed``, the shortcuts the learner's verdicts follow on every case the
    check tried (``_shortcuts_followed``); otherwise it says what to compare, in general
    words, since one True or False matches some shortcut whatever the learner did."""
    _, verdict = _pair(result, "licence_floor", SHAPE)
    verdict = _truth(verdict, "clears_with_corvid")
    from course.scenarios.power import (
        clears_with_corvid,
        floor_with_corvid,
        kestrel_shapley_with_corvid,
    )

    expected = clears_with_corvid(s)
    if verdict == expected:
        return
    with_corvid, floor = kestrel_shapley_with_corvid(s), floor_with_corvid(s)
    followed = {
        name
        for name, given in _corvid_shortcuts(s).items()
        if name in followed and given == verdict
    }
    rivals = [rival for rival in ("Borealis", "Corvid") if f"three {rival}" in followed]
    three_player = " or with ".join(rivals)
    tried = "on every case the check tried, your verdicts are the ones you get by "
    if {"today", "borealis only"} <= followed:
        shortcut = (
            f"{tried}comparing with Borealis alone, whether Kestrel's Shapley value is taken "
            "in today's market of three or in the market with Corvid; a third buyer changes "
            "the Shapley value and, if it would pay more than Borealis, the reservation price. "
        )
    elif "borealis only" in followed:
        shortcut = f"{tried}comparing with Borealis alone, but Corvid's offer would count too. "
    elif "today" in followed:
        shortcut = (
            f"{tried}judging in today's market of three, Corvid left out; a third buyer "
            "changes both Kestrel's Shapley value and, if it would pay more than Borealis, "
            "the reservation price. "
        )
    elif three_player:
        shortcut = (
            f"{tried}setting the best rival's offer against section 2's formula for three "
            f"players, (3 v1 + r) / 6, with {three_player} as the one rival r; a third buyer "
            "changes Kestrel's Shapley value, and only the game of four players gives it. "
        )
    else:
        shortcut = ""
    side = "at least" if expected else "less than"  # a tie reaches the rival: review 83, X2
    hint = (
        f"{shortcut}With Corvid in the market, Kestrel's Shapley value would be "
        f"{with_corvid:,.0f}, {side} the {floor:,.0f} the best rival would then pay, "
        "Kestrel's reservation price then"
    )
    if _own(s):  # the comparison to make, not its numbers (see ``_own``)
        hint = (
            f"{shortcut}With Corvid in the market, set Kestrel's Shapley value in the game of "
            "four players against Kestrel's reservation price then, what the best rival would pay"
        )
    general = (
        "it judges the yardstick by section 2's formula for three players, though a third "
        "buyer changes Kestrel's Shapley value"
        if three_player and shortcut.startswith(f"{tried}setting")
        else "it misjudges whether the buyer's yardstick in the market with a third buyer reaches "
        "the seller's reservation price there, the best rival's offer"
    )
    raise NotYet(f"clears_with_corvid is not right for {_whose(s)}: {hint}.", general=general)


def _reraise(failure):
    raise failure


def _verdicts_part(answer, scenarios, message):
    """Question 2's second part over ``scenarios``: the learner's function is called on each
    in turn (stopping at the first call that fails, as ``_each`` would), the shortcuts its
    verdicts follow on all of them are found, and then each verdict is judged with them."""
    results, failed = [], None
    for s in scenarios:
        try:
            results.append((s, call_learner(answer, s)))
        except NotYet as failure:
            failed = (s, failure)
            break
    verdicts = []
    if failed is None:
        with contextlib.suppress(NotYet):
            verdicts = [(s, _truth(_pair(r, "licence_floor", SHAPE)[1], "x")) for s, r in results]
    followed = _shortcuts_followed(verdicts) if verdicts else frozenset()
    for s, result in results:
        _judged(s, lambda s=s, result=result: judge_clears_with_corvid(s, result, followed))
    if failed is not None:
        s, failure = failed
        _judged(s, functools.partial(_reraise, failure))
    return message


def _each(answer, scenarios, judge, message):
    """Run ``judge`` on the learner's result for each scenario; ``message`` when all pass."""
    for s in scenarios:
        _judged(s, lambda s=s: judge(s, call_learner(answer, s)))
    return message


@question
def licence_floor(answer, hidden=False):
    """Check a function that returns (whether Atlas's proposal today is at least Kestrel's
    reservation price, whether its proposal in the market with Corvid would reach or beat the
    best rival). Two parts, a point each."""
    scenarios = [*_scenarios(hidden), _corvid_worked_case()]
    today = (
        "clears_today compares Kestrel's Shapley value in today's market with its reservation "
        "price, what Borealis would pay."
    )
    verdict = (
        "clears_with_corvid compares Kestrel's Shapley value in the market of four with its "
        "reservation price there, what the best rival would pay."
    )
    return score(
        Check(
            "the yardstick today", 1, lambda: _each(answer, scenarios, judge_clears_today, today)
        ),
        Check(
            "the yardstick with Corvid",
            1,
            lambda: _verdicts_part(answer, scenarios, verdict),
        ),
    )


@answer_key
def judge_reply_price(s, result):
    """Question 4, the price: nothing when it is the highest of the three figures Kestrel
    can stand on (``scenarios.power.reply_range``), else the ``NotYet`` hint (review 103,
    X4: Atlas's figure below its yardstick no longer passes where it is safe)."""
    from course.scenarios.power import (
        kestrel_shapley,
        reply_range,
        reply_reason,
        reply_takes_figure,
    )

    price, _ = _pair(result, "licence_reply", "(price, reason)")
    said = amount(price, "the price")
    low, high = reply_range(s)
    if low - 0.5 <= said <= high + 0.5:  # a Shapley value may be rounded to the hundred
        return
    # review 79, X2: or to the unit, either way (44,666 for 44,666.67 is not a wrong answer)
    if reply_reason(s) == "yardstick" and abs(said - kestrel_shapley(s)) < 1:
        return
    # review 108, C2 (round 109): taking Atlas's figure where section 5's model calls it
    # safe passes again (the reason's check wants "accept" with it)
    if reply_takes_figure(s) and abs(said - s.atlas_figure) <= 0.5:
        return
    figure, shapley = s.atlas_figure, kestrel_shapley(s)
    v2, v1 = s.borealis_value, s.atlas_value
    if said < v1:
        _not_own(s, "licence_reply", "the price")
    if said >= v1:
        hint = (
            f"{said:,.0f} is at least Atlas's value, {v1:,.0f}, the most Atlas would pay: a "
            "price that leaves Atlas no gain from the deal, so it has no reason to accept it"
        )
        general = "it names a price at or above the most the buyer would pay"
    elif said > high:
        # review 77, C1: this hint said Atlas could refuse and answer a day later with
        # section 5's price, an argument as good against the yardstick, which it accepts
        hint = (
            f"{said:,.0f} is more than Atlas's figure ({figure:,.0f}), its own yardstick "
            f"worked out ({shapley:,.0f}) and Borealis's offer ({v2:,.0f}): what binds Atlas "
            "to a figure is that it proposed it (its yardstick) or can check it (Borealis's "
            "written offer), and nothing of either kind carries more, so Atlas could refuse "
            "this without going back on its word. Question 4 asks for the figure Kestrel "
            "stands on, not an opening ask above it"
        )
        general = "it asks more than any figure the seller can stand on"
    elif said < v2:
        hint = (
            f"{said:,.0f} is less than the {v2:,.0f} Borealis has offered in writing to pay: "
            "Kestrel would do better selling to Borealis"
        )
        general = "it names a price below what the rival would pay"
    elif said < figure:
        hint = (
            f"{said:,.0f} is less than the {figure:,.0f} Atlas itself named: Kestrel would "
            "give up part of what it is offered"
        )
        general = "it names a price below the buyer's own figure"
    else:
        hint = (
            f"{said:,.0f} is less than Kestrel's Shapley value, {shapley:,.0f}, the yardstick "
            "Atlas itself proposed, and is not that value to the unit or to the hundred: "
            "Atlas can check that figure and cannot call it unfair; name it exactly, to the "
            "unit or to the hundred, rounded up or down, as the question allows"
        )
        general = "it names a price below the yardstick the buyer itself proposed"
    raise NotYet(f"the price is not right for {_whose(s)}: {hint}.", general=general)


#: Why a ground does not carry question 4's reply, by (the ground given, the right one):
#: each is true of every case where that ground is right (``reply_reason``), and names the
#: case's figures ({figure} Atlas's, {shapley} the Shapley value, {v2} Borealis's).
REPLY_REASON_HINTS = {
    ("yardstick", "accept"): (
        "Kestrel's Shapley value worked out, {shapley}, is less than the {figure} Atlas "
        "named: holding Atlas to that yardstick points it to a lower figure than it offers",
        "it points the buyer to its own yardstick, which is below the figure it named",
    ),
    ("yardstick", "rival"): (
        "Kestrel's Shapley value, {shapley}, is less than the {v2} Borealis has offered in "
        "writing: that yardstick pays Kestrel less than its reservation price, and points "
        "Atlas to a lower figure than Kestrel can get",
        "it points the buyer to a yardstick that pays less than the rival",
    ),
    ("rival", "accept"): (
        "Borealis would pay {v2}, less than the {figure} Atlas named: naming it points Atlas "
        "to a figure below the one already on the table",
        "it names a rival weaker than what the buyer already offers",
    ),
    ("rival", "yardstick"): (
        "Borealis would pay {v2}, less than Kestrel's Shapley value, {shapley}, the yardstick "
        "Atlas itself proposed: naming Borealis points Atlas to a lower figure than its own "
        "proposal gives",
        "it names a rival weaker than the buyer's own yardstick",
    ),
    # review 68, X1: these two said that "a refusal does not end the talks" was a reason to
    # refuse, while the price's hint gives it as a reason to ask no more; they now rest on
    # section 5's price, which they fire only below
    ("accept", "rival"): (
        "taking Atlas's {figure} as it stands gives up money: what the licence does for "
        "Atlas is already counted in Atlas's value, and even if Atlas refused anything more, "
        "section 5's model predicts {predicted} for Kestrel, more than that figure",
        "it accepts the buyer's figure where the model predicts more even after a refusal",
    ),
    ("accept", "yardstick"): (
        "taking Atlas's {figure} as it stands gives up money: what the licence does for "
        "Atlas is already counted in Atlas's value, and even if Atlas refused anything more, "
        "section 5's model predicts {predicted} for Kestrel, more than that figure",
        "it accepts the buyer's figure where the model predicts more even after a refusal",
    ),
}

#: The same, where Atlas's figure is below its yardstick yet at least section 5's
#: price (``scenarios.power.reply_takes_figure``, review 68, X1), by (the ground given, the
#: one that carries the price named). Review 103, X4 (round 105) made only the yardstick
#: right there; review 108, C2 (round 109): Atlas's figure taken with "accept" is right too.
TAKE_REASON_HINTS = {
    ("accept", "yardstick"): (
        "'accept' takes Atlas's figure, {figure}, as it stands, and no price above it: "
        "what the licence does for Atlas is already counted in Atlas's value",
        "it accepts the buyer's figure at a price other than that figure",
    ),
    ("rival", "yardstick"): REPLY_REASON_HINTS["rival", "yardstick"],
    # review 108, C2 (round 109): Atlas's figure, taken, passes there with "accept" only
    ("yardstick", "accept"): (
        "{figure} is Atlas's own figure, not its yardstick worked out ({shapley}): "
        "give 'accept' to take that figure, or name the yardstick to stand on it",
        "it names the buyer's figure but gives the yardstick as its ground",
    ),
    ("rival", "accept"): REPLY_REASON_HINTS["rival", "accept"],
}


@answer_key
def judge_reply_reason(s, result):
    """Question 4, the reason: nothing when it is the ground that carries the highest of the
    three figures (``scenarios.power.reply_reason``), else the ``NotYet`` hint, which says
    why the ground given does not carry the reply, never which does (review 65, X1: the
    reason used to follow from question 2's first verdict)."""
    from course.scenarios.power import (
        kestrel_shapley,
        licence_price,
        reply_reasons,
        reply_takes_figure,
    )

    price, reason = _pair(result, "licence_reply", "(price, reason)")
    said = one_of(reason, REASONS, "the reason", REASON_ALIASES)
    right = reply_reasons(s, amount(price, "the price"))
    if said in right:
        return
    # review 59, W1: the reason is one of three, so on the own case a hint that printed the
    # figures, or said which was higher, gave the answer away; the same words for all
    _not_own(s, "licence_reply_reason", "the reason")
    hints = TAKE_REASON_HINTS if reply_takes_figure(s) else REPLY_REASON_HINTS
    words, general = hints[said, right[0]]
    hint = words.format(
        figure=f"{s.atlas_figure:,.0f}",
        shapley=f"{kestrel_shapley(s):,.0f}",
        v2=f"{s.borealis_value:,.0f}",
        predicted=f"{licence_price(s):,.0f}",
    )
    raise NotYet(f"the reason is not right for {_whose(s)}: {hint}.", general=general)


@answer_key
def judge_reply(s, result):
    """Question 4, the price and the reason together (one mark): nothing when both are
    right, else the ``NotYet`` hint of the first that is not. Both turn on one choice, which
    of the three figures Kestrel can stand on is highest, so the pair is marked once."""
    judge_reply_price(s, result)
    judge_reply_reason(s, result)


def _replied(answer, scenarios, message):
    """Question 4 over ``scenarios``, as ``_each`` runs ``judge_reply``; ``message`` when all
    pass. Review 103, X4 (round 105): taking Atlas's figure below its yardstick no longer
    passes, so the message for it (review 91, X1; review 103, C1) went."""
    for s in scenarios:
        _judged(s, lambda s=s: judge_reply(s, call_learner(answer, s)))
    return message


@question
def licence_reply(answer, hidden=False):
    """Check a function that returns (the price Kestrel gets in reply to Atlas, what it
    puts forward). One mark, for the two together."""
    scenarios = _scenarios(hidden)
    return score(
        Check(
            "the price and the reason",
            1,
            lambda: _replied(
                answer,
                scenarios,
                "the reply names the highest figure Kestrel can stand on: Atlas's "
                "figure, taken as it stands; Atlas's own yardstick worked out, where its "
                "figure falls short of it (taking that figure also earns the mark where it "
                "is at least section 5's price, as it is safe, but gives up the difference); "
                "or Borealis's written offer, put forward as the standard, where it beats both.",
            ),
        ),
    )


# --- question 3: whose votes to buy ----------------------------------------------------------


@answer_key
def judge_vote_seller(s, result):
    """Question 3 on ``result``: nothing when it is right, else the ``NotYet`` hint. Every
    hint is true of the answer given: that an offer brings no power, or less than the other
    (by both indices: the generator keeps them in agreement), or that some offer brings some."""
    from course.scenarios.power import power_after_purchase, vote_seller, votes_of

    offers = dict(s.vote_offers)
    choices = [*offers, "neither"]
    if not isinstance(result, str) or result.strip().lower() not in [c.lower() for c in choices]:
        raise NotYet(
            f"buy_votes_from should return one of {', '.join(map(repr, choices))} for "
            f"learner {s.learner}, got {result!r}",
            general="it should return the name of an owner selling votes, or 'neither'",
        )
    said = next(c for c in choices if c.lower() == result.strip().lower())
    expected = vote_seller(s)
    if said == expected:
        return
    _not_own(s, "buy_votes_from")
    if said == "neither":
        hint = (
            "some offer would let Kestrel's vote swing a decision, so buying it brings some power"
        )
        general = "one of the offers would bring Kestrel some power"
    elif power_after_purchase(s, said, offers[said])[0] == 0:
        hint = (
            f"with {votes_of(offers[said])} more from {said}, Kestrel's vote would still swing no "
            "decision: no group of the others would then be short of the quota by no more than "
            "Kestrel's votes"
        )
        general = "that offer would leave Kestrel with no power"
    else:
        hint = (
            f"{said}'s offer would give Kestrel some power, but the other offer would give it "
            "more; count Kestrel's swings after each sale, with the seller holding fewer votes"
        )
        general = "the other offer would give Kestrel more power"
    raise NotYet(f"buy_votes_from is not right for learner {s.learner}: {hint}.", general=general)


@question
def buy_votes_from(answer, hidden=False):
    """Check a function that returns whose offer of votes Kestrel should take, or 'neither'."""
    _each(answer, _scenarios(hidden), judge_vote_seller, None)
    passed("buy_votes_from picks the offer that brings Kestrel the most power.")


# --- question 5: the rig's four versions: outside option or breakdown payoff ----------------


#: Question 5 accepts a price within this share of Dunmore's value of the prediction: "an
#: even split at the table" computed with discount factors close to 1 is right too. Every
#: mistake the check names is at least 10% of the value away (the invariants keep it so).
RIG_TOLERANCE = 0.005

#: A price this close to the prediction (as a share of Dunmore's value), but not within
#: ``RIG_TOLERANCE``, is the right rule with a share at the table a little off an even split,
#: where the prediction rests on that split (every version but a binding outside option).
RIG_CLOSE = 0.05


@answer_key
def judge_rig_price(s, version, prices):
    """Question 5 for one version, given ``prices`` (letter -> price): what the learner got
    right, else the ``NotYet`` hint (with its general words, for a hidden case)."""
    from course.scenarios.power import rig_kind, rig_price

    if version.letter not in prices:
        raise NotYet(
            f"rig_prices has no price for version {version.letter} yet.",
            general="it leaves out a version's price",
        )
    said = amount(prices[version.letter], f"the price in version {version.letter}")
    expected = rig_price(s, version)
    m, x, half = s.rig_value, version.amount, s.rig_value / 2
    mistakes = []
    # sixth review, W3: a hint names the rule the number follows and sends the learner back
    # to the story; which kind the version is stays the learner's judgement
    reach = (
        f"read version {version.letter} again: who or what can end those talks, and how "
        f"would Kestrel come by the {_money(x)}? That decides which of section 5's two rules "
        "applies"
    )
    if rig_kind(version) == "outside option":
        mistakes.append(
            (
                x + (m - x) / 2,
                f"that is the Nash split with {_money(x)} as the disagreement point, section "
                "5's rule for an alternative Kestrel is left with when the talks end on their "
                f"own; {reach}",
                "it applies the rule for an alternative one is left with when talks fail to "
                "one that must be walked out to (or splits the difference above it)",
            )
        )
        if x < half:
            mistakes.append(
                (
                    x,
                    f"{_money(x)} is below half of {_money(m)}, which Kestrel gets at the "
                    "table as its share, and neither of section 5's rules lets an alternative "
                    "take Kestrel's price below that share",
                    "it lets an alternative below the share at the table set the price",
                )
            )
    elif x > half:
        mistakes.append(
            (
                x,
                "that is what deal-me-out gives, section 5's rule for an alternative Kestrel "
                f"must walk out to take; {reach}",
                "it applies the rule for an alternative one must walk out to take to one "
                "that one is left with when talks fail",
            )
        )
    else:  # deal-me-out and leaving the alternative out give the same half (E12)
        mistakes.append(
            (
                half,
                "that is half of Dunmore's value: the alternative left out, or counted by "
                "deal-me-out, section 5's rule for an alternative Kestrel must walk out to "
                f"take, which ignores one below half; {reach}",
                "it leaves the alternative out, or applies the rule for an alternative one "
                "must walk out to take to one that one is left with when talks fail",
            )
        )
    mistakes.append(
        (
            half,
            "that is half of Dunmore's value, with the alternative left out",
            "it leaves the alternative out and splits Dunmore's value evenly",
        )
    )
    if abs(said - expected) <= RIG_TOLERANCE * m:
        return f"version {version.letter}: {expected:,.0f}."
    binds = rig_kind(version) == "outside option" and x > half  # the price is x, no split
    if (
        rig_kind(version) == "breakdown payoff"
        and half + RIG_TOLERANCE * m < said < expected - RIG_TOLERANCE * m
        and not any(abs(said - wrong) <= RIG_TOLERANCE * m for wrong, *_ in mistakes)
    ):
        # the Nash split with the payoff counted at a weight below 1 (price - m/2 = w x/2),
        # section 5's mixed case, is the same number as an uneven split at the table
        raise NotYet(
            f"version {version.letter}: {_below_full_worth(said, x, m)}.", general=BELOW_FULL_WORTH
        )
    if abs(said - expected) <= RIG_CLOSE * m and not binds:
        # seventh review, W5: the same words for both kinds, which the story no longer tells
        # apart by a cost of delay
        why = "a delay costs the two sides alike, and little, so neither side has an edge"
        raise NotYet(
            f"version {version.letter}: {said:,.0f} is close to the prediction but not it: "
            f"with rounds of a day {why}, and at the table the two split what is to be "
            "shared evenly, half each.",
            general="it is close, but rounds of a day mean an even split at the table",
        )
    hint = diagnose(
        said,
        expected,
        mistakes,
        f"{said:,.0f} is not what section 5's models predict: ask how Kestrel would reach "
        f"the alternative in version {version.letter}, by walking out or only if the talks "
        "end on their own, then apply the rule for that kind",
    )
    raise NotYet(
        f"version {version.letter}: {hint}.",
        general=general_hint(hint, mistakes)
        or "it is not what section 5's rule for that kind of alternative predicts",
    )


def _money(value):
    return f"{value:,.0f}"


#: Question 5's hint, in general words, for a price between half of Dunmore's value and the
#: Nash split from the alternative: each unit of the alternative adding less than half a
#: unit, or the table split unevenly, which give the same number. Section 5 says how much a
#: breakdown payoff moves a share one way only: what each unit of it adds.
BELOW_FULL_WORTH = (
    "each unit of the alternative adds less than half a unit to its price, or the rest is "
    "split unevenly; where the story makes the risk of breakdown far larger than the cost of "
    "delay, each unit of the payoff adds half a unit, and rounds of a day mean an even split "
    "at the table"
)


def _below_full_worth(said, x, m):
    """The hint for a price ``said`` between half of ``m`` and the Nash split from ``x``:
    true of it whether the learner weighted the payoff below 1 or split the rest unevenly."""
    return (
        f"{said:,.0f} lies between half of Dunmore's value and the Nash split from "
        f"{_money(x)}: in it each unit of the {_money(x)} adds less than half a unit to the "
        "price, or the rest is split unevenly. Where Kestrel is left with an amount only if "
        "the talks break down, and the story makes that risk far larger than the daily cost "
        "of delay, each unit of that amount adds half a unit to the price, not less; and with "
        "rounds of a day a delay costs the two sides alike, and little, so at the table the "
        "two split what is to be shared evenly, half each"
    )


#: The keys of question 5's practice versions, in the same dict as the learner's own.
RIG_PRACTICE_NUMBERS = ("1", "2")


def _rig_answer(answer, s):
    """What the learner's ``rig_prices`` returns for ``s``: (letter -> price of the
    learner's own versions, number -> price of the practice versions)."""
    prices = call_learner(answer, s)
    if not isinstance(prices, Mapping):
        raise NotYet(
            f"rig_prices should return a dict like {{'A': 30000, 'B': 27500, ...}}, got {prices!r}",
            general="it should return a dict from letter to price, like {'A': 30000, ...}",
        )
    prices = {str(letter).strip().upper(): price for letter, price in prices.items()}
    letters = {v.letter for v in s.rig_versions}
    extra = sorted(set(prices) - letters - set(RIG_PRACTICE_NUMBERS))
    if extra:
        raise NotYet(
            f"there is no version {extra[0]!r}; the versions are A to D, and the practice "
            "versions 1 and 2.",
            general="it returns a price for a version other than A to D",
        )
    own = {key: price for key, price in prices.items() if key in letters}
    return own, {key: price for key, price in prices.items() if key in RIG_PRACTICE_NUMBERS}


def _rig_prices_of(answer, s):
    """What the learner's ``rig_prices`` returns for ``s``, as letter -> price (the practice
    versions left out)."""
    return _rig_answer(answer, s)[0]


@answer_key
def judge_practice_rig(number, said):
    """Question 5's practice version ``number`` (the same for every learner), given the
    learner's price ``said``: nothing when right, else the ``NotYet`` hint, which says what
    rule the price follows or why it follows neither, never the price that fits."""
    from course.scenarios.power import PRACTICE_RIG, PRACTICE_RIG_VALUE, practice_rig_price

    walk_out, x, _ = PRACTICE_RIG[number]
    m, half = PRACTICE_RIG_VALUE, PRACTICE_RIG_VALUE / 2
    value = amount(said, f"the price in practice version {number}")
    tolerance = RIG_TOLERANCE * m

    def near(price):
        return abs(value - price) <= tolerance

    if near(practice_rig_price(number)):
        return
    reach = (
        f"read version {number} again: who or what can end those talks, and how would "
        f"Kestrel come by the {_money(x)}?"
    )
    if walk_out and near(x + (m - x) / 2):
        hint = (
            f"that is the Nash split from {_money(x)}, section 5's rule for an alternative "
            f"Kestrel is left with when the talks end on their own; {reach}"
        )
    elif near(x) and x < half:
        hint = (
            f"{_money(x)} is below half of {_money(m)}, which Kestrel gets at the table as its "
            "share, and neither of section 5's rules lets an alternative take Kestrel's price "
            "below that share"
        )
    elif not walk_out and near(half):
        hint = (
            "that is half of what Pell would pay: the alternative left out, or counted by "
            "deal-me-out, section 5's rule for an alternative Kestrel must walk out to take, "
            f"which ignores one below half; {reach}"
        )
    elif not walk_out and half + tolerance < value < x + (m - x) / 2 - tolerance:
        hint = (
            f"{value:,.0f} lies between half of what Pell would pay and the Nash split from "
            f"{_money(x)}: in it each unit of the {_money(x)} adds less than half a unit to the "
            "price, or the rest is split unevenly. Where Kestrel is left with an amount only if "
            "the talks break down, and that risk far outweighs the cost of delay (as in all "
            "these versions), each unit of it adds half a unit to the price, not less"
        )
    else:
        hint = (
            f"{value:,.0f} is not what either of section 5's rules gives for an alternative of "
            f"{_money(x)}: ask how Kestrel would reach it, by walking out or only if the talks "
            "end on their own, then apply the rule for that kind"
        )
    raise NotYet(hint)


def _practice_rig_lines(practice):
    """The visible check's line for each practice version of question 5."""
    lines = []
    for number in RIG_PRACTICE_NUMBERS:
        if number not in practice:
            lines.append(f"Practice version {number}: no answer yet.")
            continue
        try:
            judge_practice_rig(number, practice[number])
        except NotYet as hint:
            end = "" if str(hint).endswith("?") else "."
            lines.append(f"Practice version {number}: not yet: {hint}{end}")
        else:
            lines.append(f"Practice version {number}: right.")
    return lines


def _rig_rules_followed(s, prices):
    """Question 5's visible check on one scenario: each version's price is what one of
    section 5's two rules gives for its amount; else the ``NotYet`` hint, true of the price whichever kind the version is, naming
    neither the kind nor the rule that fits it."""
    m, half = s.rig_value, s.rig_value / 2
    followed = []
    for version in s.rig_versions:
        if version.letter not in prices:
            raise NotYet(
                f"rig_prices has no price for version {version.letter} yet.",
                general="it leaves out a version's price",
            )
        x = version.amount
        said = amount(prices[version.letter], f"the price in version {version.letter}")
        rules = {"walk": max(half, x), "left": x + (m - x) / 2}
        fits = [rule for rule, price in rules.items() if abs(said - price) <= RIG_TOLERANCE * m]
        if fits:
            followed.append(fits)
            continue
        if abs(said - half) <= RIG_TOLERANCE * m:
            hint = "that is half of Dunmore's value, with the alternative left out"
        elif abs(said - x) <= RIG_TOLERANCE * m:
            hint = (
                f"{_money(x)} is below half of {_money(m)}, which Kestrel gets at the table as "
                "its share, and neither of section 5's rules lets an alternative take "
                "Kestrel's price below that share"
            )
        elif half + RIG_TOLERANCE * m < said < rules["left"] - RIG_TOLERANCE * m:
            hint = _below_full_worth(said, x, m)
            if x > half:  # true whichever kind the version is, and naming neither
                hint += (
                    "; and where Kestrel can take an amount above half by walking out, the "
                    "price is that amount, with no split"
                )
        elif any(abs(said - price) <= RIG_CLOSE * m for price in rules.values()):
            hint = (
                f"{said:,.0f} is close to what one of section 5's rules gives, but not it: with "
                "rounds of a day a delay costs the two sides alike, and little, so neither side "
                "has an edge, and at the table the two split what is to be shared evenly, "
                "half each"
            )
        else:
            hint = (
                f"{said:,.0f} is not what either of section 5's rules gives for an alternative "
                f"of {_money(x)}: ask how Kestrel would reach it, by walking out or only if "
                "the talks end on their own, then apply the rule for that kind"
            )
        raise NotYet(
            f"version {version.letter}: {hint}.",
            general="it is not what section 5's rule for either kind of alternative predicts",
        )
    _one_rule_for_all(s, prices, followed)


#: Question 5's visible words when every price follows one and the same rule (review 57, W5):
#: true of any such answer, since every scenario has versions of both kinds, and naming
#: neither the kinds nor which version is which.
ONE_RULE_FOR_ALL = (
    "all four prices follow the same one of section 5's two rules, but every scenario has "
    "versions of both kinds, some reached by walking out and some left over when the talks "
    "end on their own: read each version again and ask how Kestrel would reach its "
    "alternative"
)


def _one_rule_for_all(s, prices, followed):
    """The ``NotYet`` of ``ONE_RULE_FOR_ALL`` when one rule fits every price of ``s``
    (``followed``: the rules each price fits) and the prices are not all right; a right
    answer whose prices happen to fit one rule passes."""
    from course.scenarios.power import rig_price

    if not followed or not set.intersection(*map(set, followed)):
        return
    right = all(
        abs(float(prices[v.letter]) - rig_price(s, v)) <= RIG_TOLERANCE * s.rig_value
        for v in s.rig_versions
    )
    if not right:
        raise NotYet(ONE_RULE_FOR_ALL + ".", general=ONE_RULE_FOR_ALL)


#: What each own version of question 5 earns when its price is right, in the learner's
#: scenario and in the others grading tries (which share its letters for each kind): a
#: quarter of the question's one mark, whatever the other versions unless one rule prices
#: all four (review 70, X4: all four for the mark was the cliff review 66 took out of
#: questions 1 and 9a).
RIG_SHARE = 0.25

#: Where the learner's prices follow one and the same rule for every version of their own
#: scenario, which holds two versions of each kind in every draw, no version earns its
#: share (review 110, X5: the text and hints no longer give that count, which let two sure
#: versions settle the other two): such an answer reads no version, and would earn half the mark by the mix of kinds
#: alone. One misread version never leaves a single rule (review 72, X1: with a 3-1 mix it
#: did, and cost the whole mark), so it costs its quarter whichever it is.
RIG_ONE_RULE = (
    "all four prices follow the same one of section 5's two rules, which fits no scenario "
    "(each has versions of both kinds), so no version earns its quarter mark"
)


def _rig_version(answer, scenarios, letter):
    """Question 5's version ``letter``, judged on each scenario (the learner's own first);
    what the learner got right, or the ``NotYet`` hint."""
    from course.scenarios.power import rig_price

    own = scenarios[0]
    prices = _rig_prices_of(answer, own)
    followed = []
    for version in own.rig_versions:
        if version.letter not in prices:
            break
        said = amount(prices[version.letter], f"the price in version {version.letter}")
        m, x = own.rig_value, version.amount
        rules = {"walk": max(m / 2, x), "left": x + (m - x) / 2}
        followed.append({r for r, p in rules.items() if abs(said - p) <= RIG_TOLERANCE * m})
    else:
        right = all(
            abs(float(prices[v.letter]) - rig_price(own, v)) <= RIG_TOLERANCE * own.rig_value
            for v in own.rig_versions
        )
        if set.intersection(*followed) and not right:
            raise NotYet(RIG_ONE_RULE, general=RIG_ONE_RULE)
    # the message is the learner's own version's; the others are judged for pass or fail
    # only (review 92, X1: the last scenario's price was shown as the learner's own)
    said = None
    for s in scenarios:
        version = next(v for v in s.rig_versions if v.letter == letter)
        text = _judged(
            s,
            lambda s=s, version=version: judge_rig_price(s, version, _rig_prices_of(answer, s)),
            named=False,
        )
        if s is own:
            said = text
    kind = _story().walks_out(next(v for v in own.rig_versions if v.letter == letter))
    return f"{said} {RIG_RULES[kind]}"


#: What a right price of question 5 says at grading, by whether Kestrel walks out to the
#: alternative.
RIG_RULES = {
    True: "An outside option counts only when it beats the even split at the table, and "
    "then it sets the price.",
    False: "A breakdown payoff is the disagreement point: the price is it, plus half of the rest.",
}


@question
def rig_prices(answer, hidden=False):
    """Check a function that returns the rig's predicted price in each version, A to D:
    at grading a quarter mark for each own version whose price is right (``RIG_SHARE``;
    none where one rule prices all four, ``RIG_ONE_RULE``, which takes two misreadings). The
    visible check does not judge which version is which kind: a hint that named the rule
    a price followed would hand over the kinds. It checks that each price follows one of
    section 5's two rules, says why a price follows neither, and says plainly
    that the rest is marked when the notebook is graded (practise with feedback, then apply
    for marks: the kinds are a judgement on the learner's own story). The practice versions
    (numbers 1 and 2 in the same dict, the same for every learner) are judged one by one,
    with hints, and earn nothing; a practice price wrong or missing fails nothing."""
    scenarios = _rig_scenarios(hidden)
    if not hidden:
        practice = {}
        for s in scenarios:

            def judge(s=s):
                prices, found = _rig_answer(answer, s)
                _rig_rules_followed(s, prices)
                return found

            found = _judged(s, judge)
            if s is scenarios[0]:  # the practice prices as the learner's own call gives them
                practice = found
        lines = _practice_rig_lines(practice)
        say(
            "\n".join(lines)
            + "\nThe practice versions earn no marks. For your own versions: each price "
            "follows one of section 5's two rules, deal-me-out or the Nash split, in your "
            f"scenario and in {len(scenarios) - 1} others, which does not mean your reading "
            "of each version is right: check it against the practice versions' reasoning. "
            "This check does not judge which versions Kestrel reaches by walking out, "
            "and so which rule fits each: that is marked when the notebook is graded, a "
            "quarter mark a version, none if all four prices follow one rule."
        )
        return None
    # a quarter mark a version (review 70, X4), none where one rule prices all four. Without
    # a grading key (run by hand in a learner's kernel) each is an own-case check, judged
    # only at grading: the kinds are the learner's own graded items and every other case
    # tried shares the learner's walk-out letters, so swapping one rule at a time would
    # tell which version is which
    return score(
        *(
            Check(
                f"version {version.letter}",
                RIG_SHARE,
                functools.partial(_rig_version, answer, scenarios, version.letter),
                own_case=grading_key() is None,
            )
            for version in scenarios[0].rig_versions
        )
    )


# --- question 6: paid on signing -----------------------------------------------------------


@answer_key
def yearly_share_price(s):
    """Question 6's price as a learner worked it from the story before round 101, which said
    use lost cost both "about a tenth" of the licence's worth a year and the overdraft cost
    ``signing_overdraft_rate`` a year: read with section 4's r = -ln(delta), the rates are
    -ln(0.9) and -ln(0.9) + ln(1 + rate), a ratio of 1.90 for 2 (review 100, X1)."""
    atlas = -math.log(1 - 1 / LICENCE_YEARS)
    ratio = (atlas + math.log1p(s.signing_overdraft_rate)) / atlas
    return max(s.atlas_value / (1 + ratio), s.borealis_value)


@answer_key
def judge_signing_price(s, result):
    """Question 6, the price: nothing when it is the licence's predicted price if Atlas paid
    on signing, within ``RIG_TOLERANCE`` of Atlas's value (a rounded price, or one from
    discount factors close to 1, as in question 5) unless a named mistake is that close too;
    else the ``NotYet`` hint."""
    from course.scenarios.power import signing_price

    price, _ = _pair(result, "signing_terms", "(price, switch)")
    said = amount(price, "the price")
    # review 103, X1: Borealis's offer paid on signing, less than today's where that binds
    v1, v2, k = s.atlas_value, s.signing_borealis, s.signing_ratio
    table = v1 / (1 + k)
    mistakes = [
        (
            v1 / 2,
            "that is the even split at the table under today's terms; paid on signing, a day's "
            f"delay costs Kestrel {k} times what it costs Atlas, the rates of loss set the split "
            "at the table, and Borealis's offer counts only where it beats that share",
            "it keeps the even split though one side would lose faster than the other",
        ),
        (
            v1 * k / (1 + k),
            "that gives Kestrel the share of the side that loses more slowly; the faster a "
            "side loses, the less it gets",
            "it gives the faster-losing side the larger share",
        ),
        (
            max(v1 * k / (1 + k), v2),
            "that gives Kestrel the share of the side that loses more slowly; the faster a "
            "side loses, the less it gets",
            "it gives the faster-losing side the larger share",
        ),
        (
            (v1 + v2) / 2,
            "that is the split-the-difference price, which section 5 shows fails when Kestrel "
            "must walk out to sell to Borealis",
        ),
    ]
    if v2 > table:
        mistakes.insert(
            0,
            (
                table,
                "that is Kestrel's share at the table alone; Borealis's offer still stands, and "
                "Kestrel can take it by turning down a proposal from Atlas",
                "it leaves out an outside option that beats the share at the table",
            ),
        )
    else:
        mistakes.insert(
            0,
            (
                v2,
                f"that is Borealis's offer; Kestrel's share at the table, even losing {k} times "
                "as fast as Atlas, is more, and an outside option below it changes nothing",
                "it takes an outside option below the share at the table as the price",
            ),
        )
    if s.borealis_value != v2:
        mistakes.append(
            (
                max(table, s.borealis_value),
                "that keeps Borealis's offer as it is today; paid on signing, Borealis would "
                "offer less (the what-if's note)",
                "it keeps the outside option at today's figure, not at what it would be "
                "paid on signing",
            )
        )
    expected = signing_price(s)
    tolerance = RIG_TOLERANCE * v1  # as question 5: rounded, or from discount factors near 1
    # review 100, X1: the price from the story's wording before round 101 passes too
    for right in (expected, yearly_share_price(s)):
        if abs(said - right) <= tolerance and all(
            abs(wrong - right) > tolerance for wrong, *_ in mistakes
        ):
            return
    hint = diagnose(
        said,
        expected,
        mistakes,
        "with short rounds the share at the table is set by the ratio of the two sides' rates "
        f"of loss as the story states them ({k} to 1), and Borealis's offer, as it would be paid "
        "on signing, counts only where it beats that share (section 5)",
    )
    if hint:
        _not_own(s, "signing_terms", "the price")
        raise NotYet(
            f"the price is not right for learner {s.learner}: {hint}.",
            general=general_hint(hint, mistakes) or hint,
        )


@answer_key
def judge_signing_switch(s, result):
    """Question 6, the decision: nothing when it is right, else the ``NotYet`` hint. It gives
    the predicted prices on both terms only when the learner's price for ``s`` is right:
    while the price part fails, a hint naming the price paid on signing (or that the change
    costs nothing) would give that part's answer away."""
    from course.scenarios.power import licence_price, signing_loss, signing_price, signing_switch

    _, switch = _pair(result, "signing_terms", "(price, switch)")
    switch = _truth(switch, "switch")
    if switch == signing_switch(s):
        return
    _not_own(s, "signing_switch", "switch")  # no prices on the own case (review 61, U4)
    before, after = f"{licence_price(s):,.0f}", f"{signing_price(s):,.0f}"
    gain, loss = f"{s.signing_gain:,.0f}", f"{signing_loss(s):,.0f}"
    try:
        judge_signing_price(s, result)
    except NotYet:
        raise NotYet(
            f"switch is not right for learner {s.learner}, and neither is the price: the "
            "decision rests on the price paid on signing, so put the price right first, then "
            "compare what the change takes off today's predicted price with the "
            f"{gain} the money's coming sooner is worth.",
            general="it misjudges whether the money's coming sooner is worth what the change "
            "takes off the predicted price",
        ) from None
    if signing_loss(s) == 0:
        hint = (
            f"Borealis's {s.borealis_value:,.0f} sets the predicted price on both terms "
            f"({before}), so paying on signing costs Kestrel nothing at the table, and the "
            f"money's coming sooner is worth {gain}"
        )
        general = "it turns down a change that costs nothing where an outside option binds"
    elif switch:
        hint = (
            f"paying on signing takes the predicted price from {before} to {after}, {loss} "
            f"less, more than the {gain} the money's coming sooner is worth"
        )
        general = "it gives up more at the table than the change brings"
    else:
        hint = (
            f"paying on signing takes the predicted price from {before} to {after}, {loss} "
            f"less, which is less than the {gain} the money's coming sooner is worth"
        )
        general = "it turns down a change that brings more than it costs at the table"
    raise NotYet(f"switch is not right for learner {s.learner}: {hint}.", general=general)


@question
def signing_terms(answer, hidden=False):
    """Check a function that returns (the licence's predicted price if Atlas paid on signing,
    whether Kestrel should agree): a point each."""
    scenarios = [*_scenarios(hidden), _signing_no_cost_case()]
    return score(
        Check(
            "the price paid on signing",
            1,
            lambda: _each(
                answer,
                scenarios,
                judge_signing_price,
                "the rates of loss set the share at the table, and Borealis counts only above it.",
            ),
        ),
        Check(
            "whether to agree",
            1,
            lambda: _each(
                answer,
                scenarios,
                judge_signing_switch,
                "Kestrel agrees to be paid on signing only when the money's coming sooner is "
                "worth more than what it loses at the table.",
            ),
        ),
    )


# --- question 7: answering Granite --------------------------------------------------------------


def _granite_hint(s, said, expected):
    """Why ``said`` is the wrong reply to Granite's proposal when ``expected`` is right:
    the hint with the case's numbers, and the same in general words."""
    from course.scenarios.power import granite_share, table_share

    offer, harrow = f"{s.granite_offer:,.0f}", f"{s.outside_offer:,.0f}"
    table = f"{table_share(s):,.0f}"
    share = f"{granite_share(s):,.0f}"
    pie, d_you, d_them = s.contract_value, s.delta_you, s.delta_them
    kestrel_next = pie - d_them * (pie - granite_share(s))  # what Kestrel keeps, proposing
    waiting = f"{d_you * kestrel_next:,.0f}"
    hints = {
        ("accept", "reject"): (
            f"Granite's {offer} is at least Kestrel's share by section 5 ({share}); rejecting "
            f"costs a month, and proposing next month is worth only {waiting} today "
            f"(Kestrel answers Granite's proposal, so it is in the responder's seat: its "
            f"share at the table is {table})",
            "it rejects a proposal worth more than what rejecting and proposing next month "
            "is worth today",
        ),
        ("accept", "name Harrow"): (
            f"Harrow's {harrow} is less than Granite's {offer}: naming Harrow points Granite "
            "to a lower figure than it offers",
            "it names an outside option worth less than the proposal",
        ),
        ("name Harrow", "accept"): (
            f"Granite's {offer} is less than Harrow's {harrow}: Harrow's work is worth more, "
            "and Kestrel can walk out to it now, as it answers",
            "it accepts a proposal worth less than the outside option",
        ),
        ("name Harrow", "reject"): (
            f"Harrow's {harrow} beats Kestrel's share at the table ({table}; Kestrel answers "
            f"Granite's proposal, so it is in the responder's seat): rejecting and proposing "
            f"next month is worth only {waiting} today, less than Harrow's margin now",
            "it rejects where the outside option beats what rejecting is worth",
        ),
        ("reject", "accept"): (
            f"Granite's {offer} is less than Kestrel's share at the table ({table}), which is "
            "what rejecting and proposing next month is worth today",
            "it accepts a proposal worth less than rejecting and proposing next month",
        ),
        ("reject", "name Harrow"): (
            f"Harrow's {harrow} is less than Kestrel's share at the table ({table}): "
            "rejecting and proposing next month is worth more than Harrow; naming an outside "
            "option below your share at the table points Granite to a lower figure",
            "it names an outside option worth less than the share at the table",
        ),
    }
    return hints[expected, said]


@answer_key
def _judge_choice(s, result, question, choices, right, why, aliases=None):
    """A question whose answer is one of ``choices``: nothing when ``result`` is
    ``right``'s answer for ``s`` (``right`` names a function of ``course.scenarios.power``,
    imported here so that no answer is an attribute of this module), else the hint
    ``why(s, said, expected)`` gives, with its general words. On the learner's own case the
    words of ``OWN_CASE_HINTS`` instead, the same for every wrong answer (review 57, W2: a
    hint, even in general words, said which comparison came out which way, and so which
    answer was right after one wrong try)."""
    from course.scenarios import power as story

    said = one_of(result, choices, f"{question}'s answer", aliases)
    expected = getattr(story, right)(s)
    if said != expected:
        _not_own(s, question)
        hint, general = why(s, said, expected)
        raise NotYet(f"{question} is not right for learner {s.learner}: {hint}.", general=general)


@answer_key
def judge_granite_reply(s, result):
    """Question 7 on ``result``: nothing when it is right, else the ``NotYet`` hint."""
    _judge_choice(
        s, result, "granite_reply", REPLIES, "granite_reply", _granite_hint, REPLY_ALIASES
    )


@question
def granite_reply(answer, hidden=False):
    """Check a function that answers Granite's first proposal: accept, reject or name
    Harrow."""
    _each(answer, _scenarios(hidden), judge_granite_reply, None)
    passed(
        "granite_reply answers Granite as section 5's model says, asking Granite to meet Harrow's figure "
        "where the game would walk out to it."
    )


# --- question 8: which lever ------------------------------------------------------------------


def _lever_hint(s, said, best):
    """Why lever ``said`` is not the best one for scenario ``s``, in the case's numbers and
    in general words; never naming the best one (``best``)."""
    from course.scenarios.power import lever_gains, licence_price, table_share

    gains = lever_gains(s)
    gain = f"{gains[said]:,.0f}"
    if said == "bidder" and gains[said] == 0:
        if s.corvid_value <= s.borealis_value:
            return (
                f"Corvid would pay {s.corvid_value:,.0f}, less than Borealis's "
                f"{s.borealis_value:,.0f}: the best rival is still Borealis, so the licence's "
                "predicted price does not move and Corvid adds nothing",
                "it picks a third bidder who would pay less than the rival already there",
            )
        return (
            f"Corvid's {s.corvid_value:,.0f} beats Borealis, but not half of Atlas's value "
            f"({s.atlas_value / 2:,.0f}), Kestrel's share at the table with Atlas, where a "
            "day's delay costs both the same: the "
            f"predicted price stays at {licence_price(s):,.0f}, so Corvid adds nothing",
            "it picks a bidder whose value stays below the share at the table",
        )
    if said == "harrow" and gains[said] == 0:
        return (
            f"even raised, Harrow's {s.harrow_raised:,.0f} is below Kestrel's share at the "
            f"table ({table_share(s):,.0f}): an outside option below your share at the table "
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


@answer_key
def judge_best_lever(s, result):
    """Question 8 on ``result``: nothing when it is right, else the ``NotYet`` hint."""
    _judge_choice(s, result, "best_lever", LEVERS, "best_lever", _lever_hint)


@question
def best_lever(answer, hidden=False):
    """Check a function that picks the lever adding most to Kestrel's predicted outcome."""
    _each(answer, _scenarios(hidden), judge_best_lever, None)
    passed("best_lever picks the lever that adds most.")


# --- question 9: which kind of move, and what to say about Harrow -----------------------------


def _tactic_fact(s, tactic):
    """What decides ``tactic``'s kind in scenario ``s``, said without naming the kind."""
    harrow = f"{s.outside_offer:,.0f}"
    price = f"{tactic.amount:,.0f}"
    # sixth review, W2: each says what to compare or ask, as module 02's nudges do; the
    # conclusion, and with it the category, is left to the learner
    kind = _story().tactic_kind(tactic)
    if kind == "borealis_threat":
        return (
            f"compare {price} with the {s.borealis_value:,.0f} Borealis has offered in writing to pay: "
            f"if Atlas offered a little less than {price}, would selling to Borealis leave "
            "Kestrel better off or worse off, and so would Kestrel do what it says?"
        )
    if kind == "harrow_offer":
        return f"compare {price} with the {harrow} Harrow has offered (part 4 of the story)"
    return {
        "corvid_bid": "compare what Kestrel says of Corvid with part 5 of the story, and ask "
        "whether Atlas could check it",
        "planning_committee": "ask whose the vote is, and for whom it is held, however true "
        "it is that the vote is coming",
        "bought_costs": "ask where the figures came from, and who was bound to keep them, "
        "however true they may be",
        "calm_borealis": "compare what Kestrel says with part 1 of the story, and ask whether "
        "it attaches a demand",
        "limit_claim": f"compare {price} with what Kestrel could get by walking away, "
        f"Harrow's {harrow}, and with its share by section 5, and ask whether a "
        "proposal below the figure it names but above both would leave it better off than "
        "walking away",
    }[kind]


def _not_kind(said):
    """Why ``said`` does not fit, in module 00's words, except that a bluff is defined as this
    module's question 9a defines it: a false limit or valuation, or a demand one would not
    carry out (module 02's table says the same; review 100, X2)."""
    from course.checks.leverage import NOT_KIND

    if said == "bluff":
        return (
            "a bluff is an untrue claim about your own reservation price or valuation (what "
            "something is worth to you), or a demand you would not carry out; this one is "
            "true, or claims more than that, or uses more than words"
        )
    return NOT_KIND[said]


def _tactic_hint(s, tactic, said):
    """Why ``said`` is the wrong label for ``tactic``: the fact that decides it, and why the
    label given does not fit, never which label does (module 00's rule for its own
    question of the same kind; its words for the kinds are reused)."""
    from course.checks.leverage import KIND_NAME

    return f"it is not {KIND_NAME[said]}: {_tactic_fact(s, tactic)}; {_not_kind(said)}"


def _contested(s, tactic, said):
    """Why ``said`` passes for a threat Kestrel has no reason to carry out, where two labels
    do."""
    other = "misrepresentation" if said == "bluff" else "bluff"
    return (
        f"Borealis has offered in writing to pay at most {s.borealis_value:,.0f}, less than "
        f"{tactic.amount:,.0f}: if Atlas offered anything between {s.borealis_value:,.0f} "
        f"and {tactic.amount:,.0f}, selling to Borealis at {s.borealis_value:,.0f} would "
        "leave Kestrel worse off, so Kestrel would not carry it out: it is a threat. As a "
        "claim about "
        "what Kestrel would settle for it is a bluff; as a stated intention Kestrel does not "
        "hold, made for Atlas to rely on, it can be a misrepresentation (Edgington v "
        f"Fitzmaurice). The line is contested here, so {other} would also have passed. "
        f"{PREFERRED_FOR_A_THREAT}"
    )


#: Review 114 X4: where either label passes (a demand Kestrel would not carry out), the
#: feedback says which one the course prefers and why, so the tolerance is explained.
#: Review 115 C1: the preference is module 00's (section 6: "a misrepresentation first"),
#: not the opposite one round 114 gave.
PREFERRED_FOR_A_THREAT = (
    "Module 00 files it as a misrepresentation first: a stated plan Kestrel does not hold "
    "can be a false fact, and the comment to Model Rule 4.1 does not list such plans among "
    "the statements it shelters; 'bluff' passes because Lewicki, Saunders and Barry call "
    "such threats bluffing"
)


@answer_key
def judge_tactic(s, tactic, labels):
    """Question 9 for one statement, given ``labels`` (letter -> label): what the learner got
    right, else the ``NotYet`` hint."""
    from course.scenarios.power import tactic_labels

    said = labels.get(tactic.letter)
    if said is None:
        raise NotYet(f"rate_tactics has no label for statement {tactic.letter} yet.")
    said = one_of(said, LABELS, f"the label of {tactic.letter}")
    accepted = tactic_labels(s, tactic)
    if said not in accepted:
        raise NotYet(
            f"{tactic.letter}: {_tactic_hint(s, tactic, said)}.",
            general=f"the label for statement {tactic.letter} does not fit your own story",
        )
    if len(accepted) > 1:
        return f"{tactic.letter} is {said}: {_contested(s, tactic, said)}."
    return f"{tactic.letter} is {said}."


@question
def rate_tactics(answer, hidden=False):
    """Check question 9a, whose dict holds the practice statements (numbers 1 to 4) and the
    learner's own (letters A to D). Visible: the practice statements are judged one by one,
    with hints, and of the own statements only the form. Hidden: each own statement with a
    right label earns ``OWN_SHARE`` on its own, whatever the other labels (review 66: one
    mark for three right and two for four was a cliff, where two right labels earned
    nothing), unless all four labels are the same (``ONE_ANSWER_FOR_ALL``, review 75)."""
    s = _drawn(learner_id())
    if hidden:
        return _own_shares(
            answer,
            s.tactics,
            "statement",
            RATE_TACTICS_EXAMPLE,
            functools.partial(judge_tactic, s),
            form=_tactic_form,
        )
    return _practice_then_form(
        answer,
        own=s.tactics,
        noun="statement",
        example=RATE_TACTICS_EXAMPLE,
        practice_judge=judge_practice_tactic,
        form=_tactic_form,
    )


def _tactic_form(letter, said):
    """The form of one label of question 9a, or a hint."""
    return one_of(said, LABELS, f"the label of {letter}")


RATE_TACTICS_EXAMPLE = (
    "rate_tactics should return a dict like {1: 'legitimate', ..., 'A': 'legitimate', ...}"
)


@answer_key
def judge_practice_tactic(number, said):
    """Question 9a's practice statement ``number`` (the same for every learner), given the
    learner's label: nothing when it is one the text accepts, else the ``NotYet`` hint, which
    says what decides and why the label given does not fit, never which label does."""
    from course.checks.leverage import KIND_NAME
    from course.scenarios.power import PRACTICE_TACTICS

    said = one_of(said, LABELS, f"the label of practice statement {number}")
    accepted, decides, _ = PRACTICE_TACTICS[number]
    if said not in accepted:
        why = _not_kind(said)
        # a question ends its own sentence (review 93 U4: "...what it says?; something")
        joined = (
            f"{decides} {why[0].upper()}{why[1:]}" if decides.endswith("?") else f"{decides}; {why}"
        )
        raise NotYet(f"it is not {KIND_NAME[said]}: {joined}")
    if len(accepted) > 1:  # review 114 X4: either label passes; say which one is preferred
        return f"{PREFERRED_FOR_A_THREAT}."
    return None


#: Question 9b's right answer follows section 7's rule on naming an alternative, which the
#: text calls a heuristic no study tests directly: every hint and the passing message say
#: the answer is judged by it (review 85, X2).
HEURISTIC = "section 7's heuristic"


def _harrow_move_hint(s, said, expected):
    """``_harrow_move_why``'s two hints, each saying it is judged by section 7's heuristic
    (review 85, X2)."""
    return tuple(
        words if HEURISTIC in words else f"{words} (judged by {HEURISTIC})"
        for words in _harrow_move_why(s, said, expected)
    )


def _harrow_move_why(s, said, expected):
    """Why ``said`` is not what Kestrel should do about Harrow, in the case's words and in
    general words. It says whether Harrow's offer beats Granite's estimate of Kestrel's
    share at the table, but names no figure to set it against: which number decides is
    question 9b's judgement (review 58, W3; review 62, X3: Granite cannot know the threshold,
    it only estimates it)."""
    harrow = f"{s.outside_offer:,.0f}"
    strong = expected != "keep quiet"
    # review 76, U1: the threshold is itself Granite's estimate; review 58, W3: the hint
    # names neither Granite's figure nor the share at the table
    # review 77, U2: the coined "acceptance threshold" went
    known = "Granite's estimate of Kestrel's share"
    if said == "ultimatum":
        if strong:
            return (
                f"Harrow's {harrow} beats {known}, so saying so calmly already tells Granite "
                "it must offer more; an ultimatum adds only a deadline, which corners Granite "
                "more than it informs it",
                "it issues an ultimatum where a calm mention does the same work",
            )
        return (
            f"Harrow's {harrow} does not beat {known}: naming it in any form can lower "
            "what Granite expects to pay (section 7's heuristic), and as an ultimatum it also corners Granite",
            "it issues an ultimatum over an alternative below their estimate of your share",
        )
    if not strong:
        if said == "confirm first":
            return (
                f"Harrow's {harrow} does not beat {known}: a letter does not make it worth mentioning, "
                "and mentioning it gains nothing",
                "it prepares to mention an alternative below their estimate of your share",
            )
        return (
            f"Harrow's {harrow} does not beat {known}; Granite reads an alternative Kestrel "
            "names as a sign of that share, so naming this one would lower what Granite "
            "expects to pay",
            "it names an alternative below their estimate of your share, which can lower what "
            "they expect to pay (section 7's heuristic)",
        )
    if said == "keep quiet":
        return (
            f"Harrow's {harrow} beats {known}: once Granite believes it, it raises what "
            "Granite must offer",
            "it keeps quiet about an alternative that beats their estimate of your share",
        )
    if said == "confirm first":
        return (
            "Harrow's offer is already in a signed letter that Kestrel could show: there is "
            "nothing to confirm, and waiting costs time in talks that are already under way",
            "it waits to confirm an offer that is already in writing",
        )
    return (
        "Harrow made its offer only by telephone: Granite cannot check it, and a firm with no "
        "offer at all could say the same, so Granite gives it little weight; confirmed in a "
        "letter, which Harrow would send if asked, it would count in full",
        "it names an alternative the other side cannot check, and so weighs little",
    )


@answer_key
def judge_harrow_move(s, result):
    """Question 9, part b, on ``result``: nothing when it is right, else the hint. An
    ultimatum, never the answer, is told so on the own case too: that says nothing of the
    case."""
    if _own(s) and one_of(result, HARROW_MOVES, "harrow_move's answer") == "ultimatum":
        words = (
            "an ultimatum is never the best move here (judged by section 7's heuristic): it "
            "adds only a deadline, which corners Granite more than it informs it"
        )
        raise NotYet(f"harrow_move is not right for your own scenario: {words}.", general=words)
    _judge_choice(s, result, "harrow_move", HARROW_MOVES, "harrow_move", _harrow_move_hint)


@question
def harrow_move(answer, hidden=False):
    """Check a function that says what Kestrel should do about Harrow in its next talk
    with Granite: mention it, confirm it in writing first, keep quiet, or an ultimatum."""
    _each(answer, _scenarios(hidden), judge_harrow_move, None)
    passed(
        "harrow_move mentions Harrow only when it beats what Granite expects and Granite can "
        "check it, and never as an ultimatum: right by section 7's heuristic."
    )
