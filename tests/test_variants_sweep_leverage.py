"""Module 00's variants swept by the thousand (issue 15): every drawn learner gets a coherent
story with a real decision in each question, and every right answer passes.

The invariants are written here again from the question texts, not read from the
generator's own ``_problems`` functions: a sweep that only re-ran the generator's tests
could not catch a mistake in them. The answer keys are written a second time too, as a
second marker would, from each item's wording. Each graded question is then answered for
every swept learner by the course's reference solution and by two formulations written
independently of it, and each is judged right; a sample runs through the checks as a
notebook calls them, and the hidden checks run once per formulation.
"""

import re
from fractions import Fraction
from itertools import combinations, product

import pytest

import course
from course.checks import leverage as check
from course.scenarios.leverage import CASES, FACTS, NEWS, STEPS, TACTICS
from course.variants import learner_as
from tests import sweeps
from tests.notebooks import solution_namespace, source_notebook
from tests.sweeps import passes

MODULE = "00_leverage"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))
SOURCES = ("information", "alternatives", "power")

#: The margins the questions promise (stated in the notebook and in the generator).
EVEN, MARGIN, PLAN_MARGIN = 0.5, 0.1, 0.05

#: The source each case's story makes weigh most (read from the stories).
DOMINANT = {
    "salary": "alternatives",
    "supplier": "information",
    "sole-source": "power",
    "deadline": "alternatives",
}

#: The names each case's story uses; an item naming another case's party is incoherent.
NAMES = {
    "salary": {"Northwind", "Calder"},
    "supplier": {"Vell"},
    "sole-source": {"Ostra"},
    "deadline": {"Brannock"},
}


@pytest.fixture(scope="module")
def drawn():
    return [course.variant(MODULE, learner) for learner in LEARNERS]


# --- a second marker's keys, from the wording of each item ---------------------------------

KNOWING = re.compile(r"\b(know|knows|learn|learns|find out|lets slip|tells you)\b")
CONTROL = re.compile(
    r"\b(decides|decide|only certification|only warehouse|few engineers|name on a lease|"
    r"credit record|patent)\b"
)
THEIRS = re.compile(
    r"^(Northwind|Vell|Ostra|Brannock|A supermarket|A strong internal|A rival pump|A court|"
    r"Two of Ostra|Your bank)"
)


def source_by_wording(text):
    """Section 2's test, applied to the words: knowing first, then control, else options."""
    if KNOWING.search(text):
        return "information"
    if CONTROL.search(text):
        return "power"
    return "alternatives"


def side_by_wording(text):
    """Whose rating a fact or piece of news is about: the party it opens with."""
    return "them" if THEIRS.match(text) else "you"


def kind_by_wording(text):
    """Section 6's four kinds, read from the words of a tactic."""
    if re.search(r"\b(Pay|consulting fee|uncle|cousin|brother-in-law|friend at)\b", text):
        return "illegitimate"
    if re.search(r"when (it|none|its|the rival's)\b|wrote yourself", text):
        return "misrepresentation"
    if re.search(r"though (you|your)\b", text):
        return "bluff"
    return "legitimate"


def test_every_item_belongs_to_a_case_and_names_only_its_parties():
    """Story coherence as data: each fact, piece of news, step and tactic is tagged with its
    case, and names no party of another case."""
    for item in (*FACTS, *NEWS, *STEPS, *TACTICS):
        assert item.case in CASES, item
        text = getattr(item, "text", None) or item.name
        strangers = set().union(*(NAMES[c] for c in CASES if c != item.case))
        assert not any(re.search(rf"\b{name}\b", text) for name in strangers), item


def test_each_fact_and_news_item_has_one_answer_its_wording_settles():
    """Review item 8: by section 2's test, every fact and piece of news has one source and
    one side, and the wording alone gives them."""
    for fact in FACTS:
        assert (source_by_wording(fact.text), side_by_wording(fact.text)) == (
            fact.source,
            fact.side,
        ), fact.text
    for news in NEWS:
        if news.source == "information":  # "A learns": the learner's side
            side = "them" if THEIRS.match(news.text) else "you"
        else:
            side = side_by_wording(news.text)
        assert (source_by_wording(news.text), side) == (news.source, news.side), news.text


def test_each_tactic_is_one_kind_its_wording_settles():
    for tactic in TACTICS:
        assert kind_by_wording(tactic.text) == tactic.kind, tactic.text
    for key in CASES:
        kinds = [t.kind for t in TACTICS if t.case == key]
        assert sorted(kinds) == sorted(
            ["legitimate", "bluff", "misrepresentation", "illegitimate"] * 2
        )


def test_the_story_is_coherent_for_every_learner(drawn):
    for s in drawn:
        assert set(s.facts.values()) <= {f.text for f in FACTS if f.case == s.case}
        assert {text for text, _ in s.news.values()} <= {n.text for n in NEWS if n.case == s.case}
        assert set(s.steps) <= {step.name for step in STEPS if step.case == s.case}
        assert set(s.tactics.values()) <= {t.text for t in TACTICS if t.case == s.case}
        assert len(set(s.facts.values())) == 5 and list(s.facts) == list("ABCDE")
        assert s.reason_fact in s.facts
        reason = next(f for f in FACTS if f.text == s.facts[s.reason_fact])
        assert reason.lookalike and reason.lookalike != reason.source


def test_the_starting_audit_is_plausible_and_fits_the_story(drawn):
    """Ratings whole points in [1, 9]; weights multiples of 0.05, at least 0.1, adding to
    1, the case's dominant source ahead of each other by at least 0.1 (review item 10)."""
    for s in drawn:
        for ratings in (s.yours, s.theirs):
            assert all(r == int(r) and 1 <= r <= 9 for r in ratings.values()), s.learner
        shares = [s.weights[source] for source in SOURCES]
        assert abs(sum(shares) - 1) < 1e-9 and min(shares) >= 0.1 - 1e-9
        assert all(abs(w * 20 - round(w * 20)) < 1e-9 for w in shares), s.learner
        top = s.weights[DOMINANT[s.case]]
        assert all(top - s.weights[o] >= 0.1 - 1e-9 for o in SOURCES if o != DOMINANT[s.case])
        assert all(rule.holds(s.yours, s.theirs, s.weights) for rule in CASES[s.case].rules)


def weighted(ratings, weights):
    return sum(weights[s] * ratings[s] for s in SOURCES)


def replayed(s, moves):
    """The balance now and after each move, by plain arithmetic (no clamp is needed: the
    invariant below shows no move reaches past the scale)."""
    yours, theirs = dict(s.yours), dict(s.theirs)
    out = [weighted(yours, s.weights) - weighted(theirs, s.weights)]
    for side, source, change in moves.values():
        ratings = yours if side == "you" else theirs
        ratings[source] += change
        assert 0 <= ratings[source] <= 10, s.learner
        out.append(weighted(yours, s.weights) - weighted(theirs, s.weights))
    return out


def ahead(balance):
    return "even" if abs(balance) < EVEN else ("you" if balance > 0 else "them")


def right_moves(s):
    """Question 4a's key, from the second marker's reading of each item's wording."""
    moves = {}
    for label, (text, size) in s.news.items():
        item = next(n for n in NEWS if n.text == text)
        moves[label] = (item.side, source_by_wording(text), item.sign * size)
    return moves


def test_the_news_has_a_turning_point_and_a_clear_best_moment(drawn):
    """Question 4: sizes 1 to 3; every balance at least 0.1 from the 0.5 line; the side
    ahead changes at least once; the best moment beats the next by at least 0.1 points."""
    turning_points, moments = set(), set()
    for s in drawn:
        assert list(s.news) == ["N1", "N2", "N3", "N4"]
        assert all(size in (1, 2, 3) for _, size in s.news.values())
        balances = replayed(s, right_moves(s))
        assert all(abs(abs(b) - EVEN) >= MARGIN - 1e-9 for b in balances), s.learner
        sides = [ahead(b) for b in balances]
        assert any(side != sides[0] for side in sides[1:]), s.learner
        ranked = sorted(balances)
        assert ranked[-1] - ranked[-2] >= MARGIN - 1e-9, s.learner
        turning_points.add(next(i for i, side in enumerate(sides) if side != sides[0]))
        moments.add(balances.index(ranked[-1]))
    assert turning_points == {1, 2, 3, 4} and moments == {0, 1, 2, 3, 4}


def plan_values(s):
    """Every plan within budget and its expected gain, by brute force over include/exclude."""
    names = list(s.steps)
    values = {}
    for chosen in product((False, True), repeat=len(names)):
        plan = tuple(n for n, take in zip(names, chosen, strict=True) if take)
        if sum(s.steps[n][2] for n in plan) <= s.budget:
            values[plan] = sum(
                s.steps[n][3]
                * s.weights[s.steps[n][0]]
                * min(s.steps[n][1], 10 - s.yours[s.steps[n][0]])
                for n in plan
            )
    return values


def test_the_plan_has_a_binding_budget_and_one_clear_best(drawn):
    """Question 3: one step per source; plausible days, chances and amounts; not every step
    fits the budget; the best plan beats the next by at least 0.05 points; and the naive
    choices (biggest steps, no chance, no ceiling) are wrong for some learners."""
    naive_wrong = {"amount": 0, "ceiling": 0, "chance": 0}
    sizes = set()
    for s in drawn:
        assert sorted(source for source, *_ in s.steps.values()) == sorted(SOURCES)
        assert 8 <= s.budget <= 14
        for _, amount, days, chance in s.steps.values():
            assert 1 <= amount <= 4 and 1 <= days <= 12 and 0.3 - 1e-9 <= chance <= 1
        assert sum(days for _, _, days, _ in s.steps.values()) > s.budget, s.learner
        values = plan_values(s)
        ranked = sorted(values.values())
        assert ranked[-1] - ranked[-2] >= PLAN_MARGIN - 1e-9, s.learner
        best = max(values, key=values.get)
        sizes.add(len(best))
        weights, yours = s.weights, s.yours
        shortcuts = {
            "amount": lambda src, a, p: a,
            "ceiling": lambda src, a, p, w=weights: p * w[src] * a,
            "chance": lambda src, a, p, w=weights, r=yours: w[src] * min(a, 10 - r[src]),
        }
        for name, score in shortcuts.items():
            naive = max(
                values,
                key=lambda plan, f=score, st=s.steps: sum(f(*st[n][:2], st[n][3]) for n in plan),
            )
            naive_wrong[name] += set(naive) != set(best)
    assert sizes >= {1, 2}
    assert all(count >= 50 for count in naive_wrong.values()), naive_wrong


def test_every_learner_has_a_bluff_a_misrepresentation_and_an_illegitimate_source(drawn):
    for s in drawn:
        kinds = [kind_by_wording(text) for text in s.tactics.values()]
        assert list(s.tactics) == ["T1", "T2", "T3", "T4"] and len(set(s.tactics.values())) == 4
        assert {"bluff", "misrepresentation", "illegitimate"} <= set(kinds), s.learner


def test_the_hidden_learners_are_as_fair_as_everyone_else():
    """Hidden checks only try inputs from the domain the notebook taught: other learners'
    scenarios, drawn by the same generator, meet the same invariants (checked above for
    the swept ids, here for the hidden ones)."""
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    test_the_starting_audit_is_plausible_and_fits_the_story(hidden)
    for s in hidden:
        balances = replayed(s, right_moves(s))
        assert all(abs(abs(b) - EVEN) >= MARGIN - 1e-9 for b in balances)
        ranked = sorted(plan_values(s).values())
        assert ranked[-1] - ranked[-2] >= PLAN_MARGIN - 1e-9


# --- right answers pass: the reference and two independent formulations -----------------------


def facts_by_wording(s):
    return lambda: {
        letter: (source_by_wording(text), side_by_wording(text)) for letter, text in s.facts.items()
    }


def facts_as_lists(s):
    return lambda: {
        letter.lower(): [source_by_wording(text).upper(), side_by_wording(text)]
        for letter, text in s.facts.items()
    }


def audit_from_the_story(s):
    """An audit a careful reader might write for each case, different from the starting one."""
    return lambda: {
        "salary": {
            "yours": {"information": 3, "alternatives": 7, "power": 5},
            "theirs": {"information": 8, "alternatives": 3, "power": 7},
            "weights": {"information": 0.2, "alternatives": 0.6, "power": 0.2},
        },
        "supplier": {
            "yours": {"information": 4, "alternatives": 6, "power": 3},
            "theirs": {"information": 6, "alternatives": 4, "power": 7},
            "weights": {"information": 0.5, "alternatives": 0.25, "power": 0.25},
        },
        "sole-source": {
            "yours": {"information": 5, "alternatives": 1, "power": 2},
            "theirs": {"information": 5, "alternatives": 7, "power": 9},
            "weights": {"information": 0.2, "alternatives": 0.2, "power": 0.6},
        },
        "deadline": {
            "yours": {"information": 7, "alternatives": 5, "power": 6},
            "theirs": {"information": 3, "alternatives": 2, "power": 3},
            "weights": {"information": 0.3, "alternatives": 0.5, "power": 0.2},
        },
    }[s.case]


def audit_in_fractions(s):
    case = CASES[s.case]
    return lambda: {
        "yours": {k: float(v) for k, v in case.yours.items()},
        "theirs": {k: float(v) for k, v in case.theirs.items()},
        "weights": {k: Fraction(str(v)) for k, v in case.weights.items()},
    }


def plan_by_brute_force(case):
    values = plan_values(case)
    return set(max(values, key=values.get))


def plan_by_sorting(case):
    """Every subset, scored with the expected gain as a fraction, best first."""
    names = list(case.steps)

    def gain(name):
        source, amount, _, chance = case.steps[name]
        room = min(Fraction(amount), 10 - Fraction(case.yours[source]))
        return Fraction(str(chance)) * Fraction(str(case.weights[source])) * room

    subsets = [c for k in range(4) for c in combinations(names, k)]
    fits = [c for c in subsets if sum(case.steps[n][2] for n in c) <= case.budget]
    return tuple(sorted(fits, key=lambda c: -sum(gain(n) for n in c))[0])


def news_by_wording(s):
    return lambda: right_moves(s)


def news_typed(s):
    return lambda: {
        label.lower(): [side.capitalize(), source, float(change)]
        for label, (side, source, change) in right_moves(s).items()
    }


def reaudit_by_arithmetic(case, moves):
    balances = replayed(case, moves)
    sides = [ahead(b) for b in balances]
    labels = list(moves)
    turning = labels[next(i for i, side in enumerate(sides) if side != sides[0]) - 1]
    moments = ["now", *labels]
    return turning, moments[balances.index(max(balances))]


def reaudit_exactly(case, moves):
    """The same with exact fractions, the moves applied in a different style."""
    w = {k: Fraction(str(v)) for k, v in case.weights.items()}
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}
    history = []
    for label in ["now", *moves]:
        if label != "now":
            side, source, change = moves[label]
            ratings[side][source] = min(10, max(0, ratings[side][source] + change))
        lead = sum(w[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES)
        history.append((label, lead))
    start = ahead(history[0][1])
    turning = next(label for label, lead in history if ahead(lead) != start)
    return turning, max(history, key=lambda item: item[1])[0]


def tactics_by_wording(s):
    return lambda: {label: kind_by_wording(text) for label, text in s.tactics.items()}


def tactics_typed(s):
    return lambda: {
        label.lower(): kind_by_wording(text).upper() for label, text in s.tactics.items()
    }


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]):
        return solution_namespace(MODULE, "leverage")


def reference_for(reference, s, name):
    """The notebook's reference answer to a question without arguments, for scenario ``s``:
    the solutions read the global ``scenario`` of the namespace they were run in."""
    reference["scenario"] = s
    return reference[name]


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    for s in drawn:
        for answer in (
            reference_for(reference, s, "fact_leverage"),
            facts_by_wording(s),
            facts_as_lists(s),
        ):
            check.judge_facts(s, answer())
        for answer in (
            reference_for(reference, s, "my_audit"),
            audit_from_the_story(s),
            audit_in_fractions(s),
        ):
            check.judge_audit(s, answer())
        for answer in (reference["best_plan"], plan_by_brute_force, plan_by_sorting):
            check.judge_plan(s, answer(s))
        for answer in (
            reference_for(reference, s, "news_moves"),
            news_by_wording(s),
            news_typed(s),
        ):
            check.judge_news(s, answer())
        moves = right_moves(s)
        for answer in (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly):
            result = answer(s, moves)
            check.judge_turning(s, moves, result)
            check.judge_moment(s, moves, result)
        for answer in (
            reference_for(reference, s, "tactic_kinds"),
            tactics_by_wording(s),
            tactics_typed(s),
        ):
            kinds = answer()
            for label in s.tactics:
                check.judge_tactic(s, label, {k.upper(): v for k, v in kinds.items()})


def run(question, answer, **options):
    return sweeps.run(check, question, answer, **options)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference, monkeypatch):
    """Through the checks as a notebook calls them (test cases included), on a sample."""
    for s in drawn[::100]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        for answer in (
            reference_for(reference, s, "fact_leverage"),
            facts_by_wording(s),
            facts_as_lists(s),
        ):
            assert passes(run("classify_facts", answer)), s.learner
        for answer in (audit_from_the_story(s), audit_in_fractions(s)):
            assert passes(run("my_audit", answer)), s.learner
        for answer in (reference["best_plan"], plan_by_brute_force, plan_by_sorting):
            assert passes(run("best_plan", answer)), (s.learner, answer.__name__)
        for answer in (news_by_wording(s), news_typed(s)):
            assert passes(run("news_moves", answer)), s.learner
        for answer in (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly):
            assert passes(run("reaudit", answer)), (s.learner, answer.__name__)
        for answer in (tactics_by_wording(s), tactics_typed(s)):
            assert passes(run("classify_tactics", answer)), s.learner


@pytest.mark.parametrize("question", ["best_plan", "reaudit"])
def test_every_right_formulation_passes_the_hidden_check(reference, question, learner):
    formulations = {
        "best_plan": (reference["best_plan"], plan_by_brute_force, plan_by_sorting),
        "reaudit": (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly),
    }[question]
    for answer in formulations:
        assert passes(run(question, answer, hidden=True)), answer.__name__


def test_every_question_names_the_scenario_fields_its_reference_reads():
    """Issue 15: every name a question needs is in its text. The reference solutions read
    ``case.x`` or ``scenario.x``; the question's text (the markdown cell before the answer)
    must name each such field."""
    cells = source_notebook(MODULE, "leverage").cells
    checked = 0
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("solution") and cell.cell_type == "code"):
            continue
        text = next(c.source for c in reversed(cells[:index]) if c.cell_type == "markdown")
        for owner, field in set(re.findall(r"\b(case|scenario)\.(\w+)", cell.source)):
            if field == "show":
                continue
            assert f"{owner}.{field}" in text, (meta["grade_id"], field)
            checked += 1
    assert checked >= 8
