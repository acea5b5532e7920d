"""Review 70 X2: the labels of items judged on a learner's own case only at grading live in
the course root's ``grader-keys/`` (``course.grader_keys``), not in the installed package,
where a learner's cell could import them. For each pool moved there: no module-level value
of the package (walked in a fresh process, as a learner's kernel imports it) holds an
item's text beside one of its labels, and grading with the keys gives the marks it gave
before the move, for sweep-0 to sweep-299 (``own_case_labels_before.json``, main's labels
then)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import course
from course.checks import information as information_check
from course.checks import power as power_check
from course.checks.capstone import judge_statement
from course.checks.hints import NotYet
from course.checks.leverage import judge_tactic
from course.checks.power import judge_power_fact
from course.grader_keys import FOLDER, VARIABLE
from course.scenarios import information
from course.scenarios import power as power_scenarios
from course.scenarios.capstone import (
    _SEVENTH_WORDINGS,
    _STATEMENT_FAMILIES,
    VERDICTS,
    _verdict_of,
    signs_letter,
    statement_kinds,
)
from course.scenarios.leverage import _TACTICS, TACTIC_KINDS
from course.variants import HIDDEN_CASES_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
BEFORE = json.loads((ROOT / "tests/own_case_labels_before.json").read_text(encoding="utf-8"))


def _keys(module):
    return json.loads((ROOT / FOLDER / f"{module}.json").read_text(encoding="utf-8"))


def _pools():
    """Each moved pool: item text -> the labels grading accepts for it."""
    tactics = _keys("00_leverage")["tactics"]
    statements = _keys("05_capstone")["statements"]
    situations = _keys("01_information")["situations"]
    moves = _keys("01_information")["moves"]
    power_facts = _keys("03_power")["facts"]
    return {
        "00_leverage tactics": {
            text: [kind, also] if also else [kind] for text, (kind, also, _) in tactics.items()
        },
        "05_capstone statements": {text: [kind] for text, kind in statements.items()},
        "01_information situations": _by_key_and_text(
            information._SITUATIONS,
            {key: [assumption, *actions] for key, (assumption, actions) in situations.items()},
        ),
        "01_information moves": _by_key_and_text(
            (*information._DISCLOSURES, *information._TACTICS),
            {key: [label, *also] for key, (label, also) in moves.items()},
        ),
        "03_power facts": {
            text: [base, depends, *also] for text, (base, depends, also) in power_facts.items()
        },
    }


def _by_key_and_text(items, labels):
    """``labels`` (item key -> labels) of ``items`` found by key and by text: module 01's
    items have both, and a table could hold either."""
    assert set(labels) == {item.key for item in items}
    return {
        **labels,
        **{item.text: labels[item.key] for item in items},
    }


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """Where the package holds a text beside its label, walked in a fresh process with no
    keys to be found (an empty ``LEVERAGE_GRADER_KEYS``, an empty working folder)."""
    empty = tmp_path_factory.mktemp("no-keys")
    env = {**os.environ, "PYTHONPATH": str(ROOT), VARIABLE: str(empty)}
    run = subprocess.run(
        [sys.executable, "-m", "tests.package_walk"],
        input=json.dumps(_pools()),
        capture_output=True,
        text=True,
        env=env,
        cwd=empty,
        check=True,
    )
    return json.loads(run.stdout)


def test_the_walk_finds_a_label_that_sits_beside_its_text():
    """The walk is not blind: a table like the one that left the package is found."""
    import course.scenarios.leverage as scenarios
    from tests.package_walk import walk

    text = _TACTICS[0].text
    scenarios._A_TABLE_FOR_THIS_TEST = {text: "legitimate"}
    try:
        found = walk({"pool": {text: ["legitimate"]}})["pool"]
    finally:
        del scenarios._A_TABLE_FOR_THIS_TEST
    assert ["course.scenarios.leverage", "_A_TABLE_FOR_THIS_TEST", text, "legitimate"] in found


def test_the_package_holds_no_kind_of_a_learners_tactic(found):
    assert found["00_leverage tactics"] == []
    assert set(_pools()["00_leverage tactics"]) == {t.text for t in _TACTICS}


def test_a_tactics_group_stands_for_its_kind():
    """The draw's three-kinds rule counts groups: two tactics of a case share a group
    exactly when the keys give them one kind, the kind the draw counts (``_counted``).
    Review 112 C2 (round 113) keyed a false threat a misrepresentation first, bluff still
    accepted; the draw counts it as a bluff, as before, so no learner's tactics changed
    (253 of id-0..1999 would have): ``_counted`` is ``_kind`` for every other tactic."""
    for a in _TACTICS:
        assert a._counted in a._kinds
        if a._counted != a._kind:
            assert (a._kind, a._also) == ("misrepresentation", "bluff"), a.text
        for b in _TACTICS:
            if a.case == b.case:
                assert (a.group == b.group) == (a._counted == b._counted), (a.text, b.text)
    assert all(t.group for t in _TACTICS)


def test_question_5_marks_as_before_the_move(monkeypatch):
    """Each kind a learner could give each of their four tactics earns its half mark
    exactly when it did before the move. Learners who then drew two tactics on section 6's
    lines (two kinds accepted for each) draw their tactics again since review 106 X5, so
    their labels of then no longer apply: they are left out here, and they now draw at most
    one such tactic."""
    before = BEFORE["00_leverage tactics"]
    redrawn = {
        learner
        for learner, accepted in before.items()
        if sum(len(kinds) > 1 for kinds in accepted.values()) > 1
    }
    assert 0 < len(redrawn) < len(before) // 5, len(redrawn)
    for learner in redrawn:
        s = course.variant("00_leverage", learner)
        assert sum(t.on_line for t in _TACTICS if t.text in s.tactics.values()) <= 1, learner
    for learner, accepted in before.items():
        if learner in redrawn:
            continue
        s = course.variant("00_leverage", learner)
        assert sorted(accepted) == sorted(s.tactics), learner
        for label, kinds in accepted.items():
            for kind in TACTIC_KINDS:
                try:
                    judge_tactic(s, label, {label: kind})
                    marked = True
                except NotYet:
                    marked = False
                assert marked == (kind in kinds), (learner, label, kind)


def test_the_package_holds_no_kind_of_a_learners_statement(found):
    """Module 05's question 6: the six families of wordings stay (the draw needs them), but
    not which kind each family is."""
    assert found["05_capstone statements"] == []
    texts = {text for family in _STATEMENT_FAMILIES for text in family}
    texts |= set(_SEVENTH_WORDINGS)  # statement G, review 90 X2
    assert set(_pools()["05_capstone statements"]) == texts


def test_question_6_marks_as_before_the_move():
    """The kinds read from the keys are those of before the move, so each statement's
    verdict earns its share, and the other verdict none, exactly as before."""
    before = BEFORE["05_capstone statements"]
    for learner, kinds in before.items():
        case = course.variant("05_capstone", learner)
        # review 90 X2 added statement G; A to F keep their kinds
        assert {k: v for k, v in statement_kinds(case).items() if k != "G"} == kinds, learner
        signs = signs_letter(case)
        right = {letter: _verdict_of(kind, signs) for letter, kind in kinds.items()}
        for letter in right:
            assert judge_statement(case, letter, right)
            flipped = {**right, letter: next(v for v in VERDICTS if v != right[letter])}
            with pytest.raises(NotYet):
                judge_statement(case, letter, flipped)


@pytest.mark.slow
@pytest.mark.parametrize(
    "module, name, passed",
    [
        ("05_capstone", "capstone", "what_to_say gives a verdict"),
        ("01_information", "information", "Practice case: 2 of 2 right"),
        ("03_power", "power", "Your own facts A to D: each answer has the right form."),
    ],
)
def test_a_kernel_without_the_keys_runs_the_notebook_top_to_bottom(
    tmp_path, monkeypatch, module, name, passed
):
    """Modules 05, 01 and 03: the draw and the visible checks need no own-case label, so a
    kernel without the keys runs the solved notebook with no error, and the own-case checks confirm
    the form (module 00's run is in test_leverage_grader_keys)."""
    from tests.grading import executed_as
    from tests.notebooks import solved

    monkeypatch.setenv(VARIABLE, str(tmp_path))  # an empty folder: no keys here
    nb = executed_as(solved(module, name), f"keys-away-{module}", tmp_path)
    errors = [
        (cell.metadata.get("nbgrader", {}).get("grade_id"), output.get("ename"))
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, errors
    shown = "".join(
        output.get("text", "") + output.get("data", {}).get("text/html", "")
        for cell in nb.cells
        for output in cell.get("outputs", [])
    )
    assert passed in shown


def test_the_package_holds_no_label_of_a_learners_situation_or_move(found):
    """Module 01's questions 6 and 9: the assumption and actions of a situation, and the
    labels of a move (``_ALSO_RIGHT`` of the checks included), are in the keys only."""
    assert found["01_information situations"] == []
    assert found["01_information moves"] == []
    assert not hasattr(information_check, "_ALSO_RIGHT")


def test_a_moves_group_stands_for_its_label():
    """The draw takes one move of each label by ``group``: in each pool, a move is in group
    0 exactly when the keys accept a second label for it (it fills no label's place, review
    72 X1), and two other moves share a group exactly when the keys give them one label."""
    for pool in (information._DISCLOSURES, information._TACTICS):
        assert {a.key for a in pool if not a.group} == {a.key for a in pool if a._also}
        for a in pool:
            for b in pool:
                if a.group and b.group:
                    assert (a.group == b.group) == (a._label == b._label), (a.key, b.key)


def test_a_situation_drawn_only_with_a_surer_price_is_one_whose_action_asks_for_one():
    """The draw leaves out, for a learner with no surer price, the situations whose right
    action is to ask one (review 70 X5); it decides by ``needs_surer``, since where no keys
    are it cannot read the actions. The flag and the keys agree on every situation."""
    flagged = {item.key for item in information._SITUATIONS if item.needs_surer}
    asking = {
        item.key
        for item in information._SITUATIONS
        if item.key != "staged-opening" and information.SURER in item._actions
    }
    assert flagged == asking and flagged


def test_questions_6_and_9_of_module_01_mark_as_before_the_move():
    """For every learner of the sweep, each own situation's assumption and actions, and
    each label a learner could give each own move, are judged as before the move. (Review
    73 X2 changed two entries of the record: `fair-price` accepts "legitimate" too, and the
    new bluff `as-low-as-we-go` takes its place in the draw; review 80 C1 changed one:
    `fair-price` accepts "misrepresentation" in place of "legitimate".)"""
    situations = BEFORE["01_information situations (by key, the same for every learner)"]
    moves = BEFORE["01_information moves (by key, the same for every learner)"]
    choices = {*information_check.LISTS["what to tell Osprey"]}
    choices |= {*information_check.LISTS["ways to learn or persuade"]}
    for n in range(300):
        sale = course.variant("01_information", f"sweep-{n}")
        after = information.posterior_after_opening(sale)
        for item in information.situations_of(sale):
            assumption, actions = situations[item.key]
            assert item._assumption == assumption, (sale.learner, item.key)
            if actions is not None:  # `staged-opening`'s come from the learner's numbers
                assert list(information.actions_for(item, sale, after)) == actions
        for move in information.moves_of(sale):
            for label in choices:
                right = information_check._right_label(move, label)
                assert right == (label in moves[move.key]), (sale.learner, move.key, label)


def _kernel_runs(module, **env):
    """The module's checks run as a grading kernel runs them (``tests.kernel_checks``, as
    test_judge runs it), with ``env`` besides."""
    from tests.test_judge import GRADING_KEY

    result = subprocess.run(
        [sys.executable, "-m", "tests.kernel_checks", module],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "LEVERAGE_LEARNER": "ada",
            "PYTHONHASHSEED": "random",
            HIDDEN_CASES_VARIABLE: GRADING_KEY,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("module", ["00_leverage", "01_information", "03_power", "05_capstone"])
def test_a_grading_kernel_without_the_keys_is_marked_as_one_with_them(module, tmp_path):
    """The grading kernel runs in a sandbox that holds the package but not the keys: its own
    verdict does not count, but its transcripts must hold every call of the learner's
    function that the grader's replay (which holds the keys) makes. For the course's answers
    and wrong ones, the grader's verdict on a kernel without the keys is what a kernel with
    them showed (module 01's question 6 once called the learner on worked cases only after
    reading an own label, so a kernel without keys left those calls out)."""
    from tests.test_judge import replayed

    with_keys = _kernel_runs(module)
    without = _kernel_runs(module, **{VARIABLE: str(tmp_path)})
    assert len(with_keys) == len(without)
    notebooks = {}
    for seen, run in zip(with_keys, without, strict=True):
        assert (seen["question"], seen["kind"], seen["hidden"]) == (
            run["question"],
            run["kind"],
            run["hidden"],
        )
        notebook = notebooks.setdefault(run["kind"], {})
        assert replayed(run, notebook) == seen["seen"], (run["question"], run["kind"])


def test_the_package_holds_no_label_of_a_learners_power_fact(found):
    """Review 72: module 03's question 1 (2 marks) judged facts whose base and direction sat
    beside their texts in ``_POWER_FACTS``; they are in the keys only now, with the other
    base a fact also accepts (``checks.power._ALSO_BASE`` once)."""
    assert found["03_power facts"] == []
    texts = {text for _, _, text in power_scenarios._POWER_FACTS.values()}
    assert set(_pools()["03_power facts"]) == texts
    assert not hasattr(power_check, "_ALSO_BASE")


def test_a_power_facts_groups_stand_for_its_labels():
    """The draw's three invariants on question 1's facts count groups: two facts share the
    first number exactly when the keys give them one base, the second exactly when they
    give one direction; a second base counts in the group of that base."""
    keys = _keys("03_power")["facts"]
    facts = power_scenarios._POWER_FACTS
    base_of = {}
    for base_a, side_a, text_a in facts.values():
        base_of[base_a] = keys[text_a][0]
        for base_b, side_b, text_b in facts.values():
            assert (base_a == base_b) == (keys[text_a][0] == keys[text_b][0]), (text_a, text_b)
            assert (side_a == side_b) == (keys[text_a][1] == keys[text_b][1]), (text_a, text_b)
    for kind, (_, _, text) in facts.items():
        groups = power_scenarios._ALSO_BASE_GROUPS.get(kind, set())
        assert sorted(base_of[g] for g in groups) == keys[text][2], kind


def test_question_1_of_module_03_marks_as_before_the_move():
    """For every learner of the sweep, each base and direction a learner could give each
    own fact earns its half mark exactly when it did before the move."""
    from course.scenarios.power import BASES, DEPENDENCE

    for learner, before in BEFORE["03_power facts"].items():
        s = course.variant("03_power", learner)
        assert sorted(before) == [f.letter for f in s.power_facts], learner
        for fact in s.power_facts:
            bases, depends = before[fact.letter]
            for base in BASES:
                for side in DEPENDENCE:
                    try:
                        judge_power_fact(s, fact, {fact.letter: (base, side)})
                        marked = True
                    except NotYet:
                        marked = False
                    assert marked == (base in bases and side == depends), (learner, fact.letter)
