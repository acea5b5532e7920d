"""course.checks.concessions: the course's own solutions pass, each typical mistake gets a
hint that names it (never a bare AssertionError), and every hint is true of the answer."""

import re
from fractions import Fraction

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.concessions import TradeTable, time_dependent_offer
from course.scenarios.concessions import STATEMENT_KINDS, middle_package, reservation_of
from tests.notebooks import solution_namespace
from tests.sweeps import Recording, cell_text

MODULE = "04_concessions"
QUESTIONS = questions(MODULE)


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace(MODULE, "concessions")


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_hard_coding_the_learners_own_answers_fails_the_hidden_checks(answers):
    own = answers["scenario"]
    opening = answers["opening"](own)
    check.opening(lambda s: opening)
    assert "not on every scenario grading tries" in miss(check.opening, lambda s: opening, True)
    offers = answers["meso"](own)
    check.meso(lambda s: offers)
    assert "not on every scenario grading tries" in miss(check.meso, lambda s: offers, True)


def test_the_hidden_learners_differ_where_it_matters(learner):
    """If the hidden scenarios agreed with the learner's, hidden tests would prove nothing."""
    scenarios = [course.variant(MODULE, f"hidden-{n}") for n in range(1, 6)]
    assert len({reservation_of(s) for s in scenarios}) >= 3
    assert len({check.grounded_opening(s) for s in scenarios}) == 5
    assert len({str(check.equivalent_offers(s)) for s in scenarios}) == 5


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def opening(s):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.opening, opening)


# --- 1. opening ---------------------------------------------------------------------


def _key(s, kind, high=True):
    """A statement key of ``kind``; for facts, the one with the highest (or lowest) figure."""
    keys = [k for k in s.statements if STATEMENT_KINDS[k] == kind]
    return (max if high else min)(keys, key=lambda k: s.statements[k].figure)


def test_the_opening_mistakes(learner):
    s = course.variant(MODULE)
    top = _key(s, "fact")
    figure = s.statements[top].figure
    assert "is not true" in miss(check.opening, lambda s: (s.their_estimate, "rival"))
    assert "is a threat" in miss(check.opening, lambda s: (s.their_estimate, "threat"))
    hint = miss(check.opening, lambda s: (figure + 5, top))
    assert f"more than '{top}' can justify" in hint and f"names {figure:g}" in hint
    hint = miss(check.opening, lambda s: (s.their_estimate - 2, top))
    assert "is timid" in hint and f"{s.their_estimate:g}" in hint
    birch = s.statements["birch"].figure
    assert "below your own reservation price" in miss(check.opening, lambda s: (birch, "birch"))
    assert "more than 'birch' can justify" in miss(
        check.opening, lambda s: (s.their_estimate, "birch")
    )
    assert "is not a statement of your scenario" in miss(check.opening, lambda s: (100, "market"))
    assert "return a pair" in miss(check.opening, lambda s: 110)
    assert "should be a number" in miss(check.opening, lambda s: ("110", top))


@pytest.mark.parametrize("kind", [int, float, Fraction])
def test_any_kind_of_number_is_an_opening_price(learner, capsys, kind):
    s = course.variant(MODULE)
    price, key = check.grounded_opening(s)
    check.opening(lambda s: (kind(int(price)), key))
    assert "\N{CHECK MARK}" in capsys.readouterr().out


# --- 2. concession plan -------------------------------------------------------------


def faratin(beta, target=None):
    """A plan on Faratin's curve with ``beta`` to ``target`` (default: the reservation price)."""

    def plan(s, opening):
        end = reservation_of(s) if target is None else target(s, opening)
        return [time_dependent_offer(t, s.rounds - 1, opening, end, beta) for t in range(s.rounds)]

    return plan


def halfway(s, opening):
    return (opening + reservation_of(s)) / 2


@pytest.mark.parametrize(
    ("plan", "hint"),
    [
        (faratin(0.5, halfway), "no smaller than the one before"),  # Boulware: steps grow
        (faratin(1.0, halfway), "no smaller than the one before"),  # linear: steps hold
        (faratin(1.5), "not above your reservation price"),  # all the way to the limit
        (faratin(6.0, halfway), "more than half of all you plan to concede"),
        (lambda s, o: [o, o - 4, o - 1] + [o - 5] * (s.rounds - 3), "goes back up"),
        (lambda s, o: [o] * s.rounds, "never concedes"),
        (lambda s, o: [o + 1, *faratin(1.5, halfway)(s, o)[1:]], "should start at the opening"),
        (lambda s, o: faratin(1.5, halfway)(s, o)[:-1], "return a list of"),
        (lambda s, o: [o, o - 5, o - 7, o - 7, o - 8] + [o - 8] * (s.rounds - 5), "round 4"),
    ],
)
def test_the_plan_mistakes(learner, plan, hint):
    assert hint in miss(check.concession_plan, plan)


def test_a_plan_that_stops_conceding_early_is_fine(learner, capsys):
    def stops(s, opening):
        steps = [4, 3, 2] + [0] * (s.rounds - 4)
        return [opening - sum(steps[:t]) for t in range(s.rounds)]

    check.concession_plan(stops, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


# --- 3. tit-for-tat -----------------------------------------------------------------


def test_the_tit_for_tat_example_of_the_question(learner):
    s = course.variant(MODULE)
    assert check.tit_for_tat_offer(s, [118, 114], [80, 86]) == 108


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s, m, t: m[-1] + (t[-1] - t[-2]), "moves the wrong way"),
        (lambda s, m, t: min(m[-1] - (t[-1] - t[-2]), m[0]), "below your reservation price"),
        (
            lambda s, m, t: max(m[-1] - (t[-1] - t[-2]), reservation_of(s)),
            "above your opening",
        ),
        (
            lambda s, m, t: max(min(m[-1] - (t[-1] - t[0]), m[0]), reservation_of(s)),
            "copies everything Orchard has conceded",
        ),
        (
            lambda s, m, t: max(min(m[-1] - (m[-2] - m[-1]), m[0]), reservation_of(s)),
            "repeats your own last step",
        ),
        (lambda s, m, t: m[-1] * t[-2] / t[-1], "expected"),  # relative tit-for-tat
    ],
)
def test_the_tit_for_tat_mistakes(learner, wrong, hint):
    """Visible cases first; a mistake they miss (the opening's limit is only tried among
    the hidden cases) is looked for in the hidden ones, hint in full."""
    try:
        check.tit_for_tat(wrong)
    except NotYet as failure:
        assert hint in str(failure)
        return
    assert hint in miss(check.tit_for_tat.__wrapped__, wrong, hidden=True)


# --- 4. next trade ------------------------------------------------------------------


def test_the_next_trade_mistakes(answers, learner):
    right = answers["next_trade"]

    def any_concession(s, current):
        """The concession with the best rate, even where a free trade is open."""
        table = TradeTable(s.yours, s.theirs)
        costly = [o for o in table.options(current) if o["them"] > 0 and o["you"] < 0]
        if not costly:
            return right(s, current)
        return max(costly, key=lambda o: o["them"] / -o["you"])["package"]

    def worst_rate(s, current):
        """Among concessions, the one with the fewest Orchard points per point you give."""
        table = TradeTable(s.yours, s.theirs)
        options = [o for o in table.options(current) if o["them"] > 0]
        if not options or any(o["you"] >= 0 for o in options):
            return right(s, current)
        return min(options, key=lambda o: o["them"] / -o["you"])["package"]

    def orchards_ideal(s, current):
        return {issue: levels[-1] for issue, levels in s.issues.items()}

    assert "trade for free first" in miss(check.next_trade, any_concession)
    assert "points per point you give up" in miss(check.next_trade, worst_rate)
    assert "is not one trade away" in miss(check.next_trade, orchards_ideal)
    assert "gave None" in miss(check.next_trade, lambda s, current: None)
    assert "return a package" in miss(check.next_trade, lambda s, current: "discount")


def test_from_your_ideal_package_there_is_no_trade(answers, learner):
    s = course.variant(MODULE)
    ideal = {issue: levels[0] for issue, levels in s.issues.items()}
    assert answers["next_trade"](s, ideal) is None
    middle = middle_package(s)

    def always_something(s, current):
        return answers["next_trade"](s, current) or middle

    assert "no trade of one level each way raises" in miss(check.next_trade, always_something)


# --- 5. equivalent offers -----------------------------------------------------------


def test_the_meso_mistakes(answers, learner):
    right = answers["meso"]
    s = course.variant(MODULE)
    table = TradeTable(s.yours, s.theirs)
    middle = middle_package(s)
    ideal = {issue: levels[0] for issue, levels in s.issues.items()}
    assert "worth the same to you" in miss(check.meso, lambda s: [*right(s)[:2], ideal])
    assert "two of the packages are the same" in miss(check.meso, lambda s: [right(s)[0]] * 3)
    assert "three packages" in miss(check.meso, lambda s: right(s)[:2])
    value = table.points(middle)[0]
    same = [p for p, you, _ in table.packages if you == value]
    if len(same) >= 3:
        assert "no more than splitting every issue" in miss(check.meso, lambda s: same[:3])


# --- 6. accept, counter or walk away ------------------------------------------------


def test_the_respond_mistakes(answers, learner):
    right = answers["respond"]

    def never_walk(s, offer, next_ask, ceiling=None):
        answer = right(s, offer, next_ask, ceiling)
        return "counter" if answer == "walk away" else answer

    def walk_when_low(s, offer, next_ask, ceiling=None):
        low = offer < reservation_of(s)
        return "walk away" if low else right(s, offer, next_ask, ceiling)

    def accept_above_limit(s, offer, next_ask, ceiling=None):
        high = offer >= reservation_of(s)
        return "accept" if high else right(s, offer, next_ask, ceiling)

    def walk_at_the_end(s, offer, next_ask, ceiling=None):
        return "walk away" if next_ask is None else right(s, offer, next_ask, ceiling)

    assert "there is no zone" in miss(check.respond, never_walk)
    assert "a low offer is a reason to counter" in miss(check.respond, walk_when_low)
    assert "below the" in miss(check.respond, accept_above_limit)
    assert "above your reservation price" in miss(check.respond, walk_at_the_end)
    assert "return one of" in miss(check.respond, lambda s, o, n, c=None: "yes")


ANSWERS = ("accept", "counter", "walk away")
NUMBER = r"(-?[\d.]+)"


@pytest.mark.parametrize("learner_id", ["ada", "learner-3", "hidden-2", "sweep-17"])
def test_every_respond_hint_is_true_of_the_offer(learner_id):
    """Each claim a hint makes about the offer, the next ask, the reservation price or the
    ceiling holds for the case it is given on (the first review found hints that said an
    offer above the reservation price was below it)."""
    s = course.variant(MODULE, learner_id)
    reservation = reservation_of(s)
    for offer, next_ask, ceiling in check._offers(s, hidden=True):
        expected = check.best_response(s, offer, next_ask, ceiling)
        for given in set(ANSWERS) - {expected}:
            hint, general = check._response_hint(s, offer, next_ask, ceiling, expected, given)
            assert general and not re.search(r"\d", general)
            if re.search(rf"{NUMBER} is above your reservation price", hint):
                assert offer >= reservation
            if re.search(rf"{NUMBER} is below your reservation price", hint):
                assert offer < reservation
            if "is at least the" in hint:
                assert offer >= next_ask
            if "is below the" in hint:
                assert offer < next_ask
            if "this is the last round" in hint or "this was the last round" in hint:
                assert next_ask is None
            if "rounds remain" in hint:
                assert next_ask is not None
            if "cannot pay more than" in hint:
                assert ceiling is not None and ceiling < reservation
            if "ceiling" in hint and "above your reservation price" in hint:
                assert ceiling >= reservation


# --- every question names what its answer reads -------------------------------------


QUESTION_TEXT = {
    "opening": ("q1-text", lambda f, s: f(s)),
    "concession_plan": ("q2-text", lambda f, s: f(s, check.grounded_opening(s._scenario)[0])),
    "tit_for_tat": ("q3-text", lambda f, s: f(s, [118, 114], [80, 86])),
    "next_trade": ("q4-text", lambda f, s: f(s, middle_package(s._scenario))),
    "meso": ("q5-text", lambda f, s: f(s)),
    "respond": ("q6-text", lambda f, s: f(s, 100, 110, None)),
}


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_question_names_the_fields_its_answer_reads(answers, question):
    cell_id, call = QUESTION_TEXT[question]
    text = cell_text(MODULE, "concessions", cell_id)
    s = Recording(answers["scenario"])
    call(answers[question], s)
    assert s.read
    for field in s.read:
        assert f"s.{field}" in text, f"{cell_id} does not name s.{field}"
