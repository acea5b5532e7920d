"""The course map and the learner's progress record: what is recorded, when nothing is,
and that the map matches the notebooks it describes."""

import json
import re

import pytest

import course
from autograder.build import modules
from course.checks import leverage as check
from course.course_map import IDEAS, MODULES, CourseMap
from course.record import passed_checks, progress_file, record_pass
from tests.conftest import ROOT
from tests.notebooks import source_notebook

CHECK_CALL = re.compile(r"^check\.(\w+)\(", re.MULTILINE)


def cells(module):
    """The cells of a module's source notebook."""
    (name,) = [p.stem for p in (ROOT / "source" / module).glob("*.py")]
    return source_notebook(module, name).cells


def cell(module, grade_id):
    """The cell of ``module`` with ``grade_id``; fails the test when there is none."""
    found = [c for c in cells(module) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    assert found, f"{module} has no cell {grade_id!r}"
    return found[0]


def graded_checks(module):
    """The self-checks the module's graded test cells call, in the notebook's order."""
    calls = []
    for cell in cells(module):
        if cell.metadata.get("nbgrader", {}).get("grade") and cell.cell_type == "code":
            calls += CHECK_CALL.findall(cell.source)
    return list(dict.fromkeys(calls))  # a visible and a hidden call name one question


def test_the_map_lists_every_module_with_its_graded_questions():
    assert [m.folder for m in MODULES] == modules(ROOT)
    for module in MODULES:
        assert list(module.questions) == graded_checks(module.folder), module.folder


def test_every_idea_of_the_course_is_numbered_once():
    assert [idea.number for idea in IDEAS] == list(range(1, 8))


@pytest.mark.parametrize("idea", IDEAS, ids=lambda idea: f"idea-{idea.number}")
def test_every_idea_is_taught_in_a_section_that_says_it(idea):
    assert idea.taught
    for module, grade_id, phrase in idea.taught:
        section = cell(module, grade_id)
        assert section.cell_type == "markdown", (module, grade_id)
        assert phrase.lower() in section.source.lower(), (module, grade_id, phrase)


@pytest.mark.parametrize("idea", IDEAS, ids=lambda idea: f"idea-{idea.number}")
def test_every_idea_is_exercised_by_a_graded_check(idea):
    kinds = set()
    for module, grade_id in idea.exercised:
        exercise = cell(module, grade_id)
        assert exercise.cell_type == "code", (module, grade_id)
        graded = exercise.metadata["nbgrader"].get("grade", False)
        widget = "from course.widgets" in exercise.source
        assert graded or widget, f"{module}:{grade_id} is neither a graded check nor a widget"
        kinds.add("graded" if graded else "widget")
    assert "graded" in kinds, f"idea {idea.number} has no graded exercise"


def test_every_module_serves_some_idea():
    used = {module for idea in IDEAS for module, *_ in (*idea.taught, *idea.exercised)}
    assert used == set(modules(ROOT))


def test_a_passed_self_check_is_recorded_once(learner, answers_00):
    # the record may already hold the practice cases the notebook's answers passed
    check.best_plan(answers_00["best_plan"])
    recorded = passed_checks()
    assert "best_plan" in recorded["00_leverage"]
    check.best_plan(answers_00["best_plan"])
    assert passed_checks() == recorded


def test_a_failed_self_check_records_nothing(learner):
    with pytest.raises(AssertionError):
        check.best_plan(lambda case: ["not a step"])
    assert passed_checks() == {}


def test_nothing_is_recorded_while_nbgrader_runs(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    record_pass("00_leverage", "best_plan")
    assert not progress_file().exists()


def test_a_corrupt_record_is_set_aside_and_a_new_one_started():
    path = progress_file()
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    record_pass("02_batna", "choose_batna")
    assert list(passed_checks()) == ["02_batna"]
    assert path.with_name("progress.json.corrupt").read_text() == "{not json"


def test_a_record_that_cannot_be_written_costs_nothing_but_the_record():
    """A folder in the record's place stands for any read or write failure (a read-only
    home, a full disk); unlike a permission, it stops root too."""
    path = progress_file()
    path.mkdir(parents=True)  # a folder where the file should be: reading and writing fail
    record_pass("02_batna", "choose_batna")
    assert path.is_dir()


def test_the_map_shows_progress_and_what_comes_next():
    record = {"02_batna": {"startup_tree": "2026-11-25T10:00:00", "choose_batna": "..."}}
    shown = CourseMap(record=record)
    batna = next(row for row in shown.rows() if row["folder"] == "02_batna")
    assert (batna["passed"], batna["questions"], batna["next"]) == (2, 10, "reservation_salary")
    html = shown._repr_html_()
    assert "2 of 10 self-checks passed; next: <code>reservation_salary</code>" in html
    assert "your grade comes only from your submitted notebooks" in html
    assert "02_batna         2/10 self-checks passed" in repr(shown)


def test_a_pass_recorded_under_a_renamed_questions_earlier_name_still_counts():
    """Module 02's question 8b was walk_any_time_for until review 112 C1 (course.record.RENAMED):
    a learner who passed its self-check before keeps the pass."""
    record_pass("02_batna", "walk_any_time_for")
    assert "delay_drives_agreement_for" in passed_checks()["02_batna"]
    assert "delay_drives_agreement_for" in CourseMap().done(
        next(module for module in MODULES if module.folder == "02_batna")
    )


def test_progress_reads_this_computers_record():
    record_pass("00_leverage", "classify_facts")
    assert json.loads(progress_file().read_text())["00_leverage"]["classify_facts"]
    leverage = next(row for row in course.progress().rows() if row["folder"] == "00_leverage")
    assert (leverage["passed"], leverage["next"]) == (1, "my_audit")


@pytest.fixture
def answers_00(learner):
    from tests.notebooks import solution_namespace

    return solution_namespace("00_leverage", "leverage")


def test_a_question_of_several_checks_is_recorded_when_all_of_them_pass(learner):
    from course.checks import batna
    from tests.notebooks import solution_namespace

    answers = solution_namespace("02_batna", "batna")
    half_right = lambda target, pie, theirs: max(0, 2 * target - pie + theirs)  # never None  # noqa: E731
    partly = batna.batna_needed(half_right)
    assert 0 < partly.earned < partly.possible
    assert "batna_needed" not in passed_checks().get("02_batna", {})
    batna.batna_needed(answers["batna_needed"])
    assert "batna_needed" in passed_checks()["02_batna"]


def test_a_practice_question_is_recorded_only_when_its_feedback_says_right(learner):
    """A question whose every check earns no mark (module 02's own talks, review 72 X1)
    used to count as passed whatever the learner wrote: score() left its feedback-only
    checks out of the decision and then found nothing left to fail."""
    from course.checks import batna
    from tests.notebooks import solution_namespace

    answers = solution_namespace("02_batna", "batna")
    wrong = batna.batna_rise(lambda offers, talks: 500)
    assert not wrong.outcomes[0].passed
    assert "batna_rise" not in passed_checks().get("02_batna", {})
    batna.batna_rise(answers["batna_rise"])
    assert "batna_rise" in passed_checks()["02_batna"]
