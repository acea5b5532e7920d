"""course.variants: the same learner always gets the same scenario, others get their own,
and the learner is found on every path a notebook takes."""

import importlib

import pytest

import course
from course.scenarios import SCENARIOS
from course.scenarios.base import MAX_DRAWS, NoFairDraw
from course.variants import (
    VALIDATION_LEARNER,
    VARIANT_MIME,
    CourseIdNeeded,
    PendingScenario,
    variant,
)


def test_a_learner_gets_the_same_scenario_every_time():
    assert course.variant("02_batna", "ada") == course.variant("02_batna", "ada")


def test_two_learners_get_different_numbers():
    scenarios = {course.variant("02_batna", f"learner-{n}") for n in range(20)}
    assert len(scenarios) == 20


def test_scenario_numbers_do_not_depend_on_the_python_process():
    """Pinned values: a change here changes every learner's grades, so it must be deliberate."""
    ada = course.variant("02_batna", "ada")
    assert (ada.bank_salary, ada.startup_base, ada.commute_cost) == (92_000, 60_000, 8_500)


def test_the_grader_variable_names_the_learner(learner):
    assert course.learner_id() == "ada"
    assert course.variant("02_batna").learner == "ada"


def test_the_grader_variable_beats_jupyterhub_and_the_saved_id(monkeypatch, learner):
    course.set_learner("instructor")
    monkeypatch.setenv("JUPYTERHUB_USER", "instructor")
    assert course.learner_id() == "ada"


def test_jupyterhub_login_is_the_course_id(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "grace")
    assert course.learner_id() == "grace"


def test_a_laptop_learner_says_who_they_are_once():
    """The OS user is whatever it is; the saved course id decides."""
    course.set_learner("linus")
    assert course.learner_id() == "linus"
    assert course.variant("02_batna").learner == "linus"


def test_an_unknown_learner_is_told_what_to_do_in_one_line():
    with pytest.raises(CourseIdNeeded, match=r"course\.set_learner\('your-course-id'\)") as error:
        course.learner_id()
    assert len(error.value._render_traceback_()) == 1


def test_a_notebook_that_does_not_know_the_learner_asks_with_a_form_not_a_traceback():
    """Issue 19: the first sight of the course was a 30-line LookupError traceback. The
    setup cell's scenario is now a form; typing the id saves it and shows the scenario."""
    pending = course.variant("02_batna")
    assert isinstance(pending, PendingScenario)
    bundle = pending._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "course id" in bundle["text/plain"]
    with pytest.raises(CourseIdNeeded):
        pending.bank_salary  # noqa: B018 (reading it is the test)

    from course.widgets.course_id import CourseIdForm

    form = CourseIdForm(show_scenario=pending._repr_mimebundle_)
    form.course_id.value = "not an id!"
    assert "cannot be used" in form.status.value
    assert not form.course_id.disabled
    form.course_id.value = "grace"
    assert "you are <b>grace</b>" in form.status.value
    assert course.learner_id() == "grace"
    assert pending.bank_salary == course.variant("02_batna", "grace").bank_salary
    assert "learner `grace`" in pending._repr_mimebundle_()["text/markdown"]


def test_under_nbgrader_an_unknown_learner_is_an_error(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(LookupError):
        course.variant("02_batna")


def test_nbgrader_validate_uses_a_placeholder(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert course.learner_id() == VALIDATION_LEARNER


def test_grading_without_the_course_config_fails_loudly(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(LookupError, match=r"nbgrader_config\.py"):
        course.learner_id()


@pytest.mark.parametrize("bad", ["", "ada lovelace", "../etc", "-x", "a" * 101])
def test_unusable_ids_are_refused(bad):
    with pytest.raises(ValueError, match="not a usable course id"):
        course.set_learner(bad)


def test_an_id_must_be_text():
    with pytest.raises(TypeError, match="must be text, got int"):
        course.variant("02_batna", 42)


def test_an_unknown_module_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"no module called '99_x'.*02_batna"):
        course.variant("99_x", "ada")


def test_a_displayed_scenario_carries_its_stamp():
    bundle = course.variant("02_batna", "ada")._repr_mimebundle_()
    assert bundle[VARIANT_MIME]["learner"] == "ada"
    assert "Harbor Bank" in bundle["text/markdown"]
    assert course.variant("02_batna", "ada").fingerprint in bundle["text/markdown"]


# Every module's generator redraws until a draw keeps its rules. A learner who replaces what
# the rules rely on (``math.isclose = lambda *a, **k: True``) can make every draw break
# one; the generator then stops after MAX_DRAWS with a message, rather than redraw for
# ever while every check in the notebook waits (nbgrader timed out on such a notebook).
EVERY_DRAW_BROKEN = {
    "00_leverage": ("course.scenarios.leverage", "_audit_problems"),
    "01_information": ("course.scenarios.information", "_opening_problems"),
    "02_batna": ("course.scenarios.batna", "problems"),
    "03_power": ("course.scenarios.power", "flaws"),
    "04_concessions": ("course.scenarios.concessions", "problems"),
    "05_capstone": ("course.scenarios.capstone", "problems"),
}


@pytest.mark.parametrize("module", sorted(EVERY_DRAW_BROKEN))
def test_a_generator_whose_rules_refuse_every_draw_stops_with_a_message(
    monkeypatch, draws_afresh, module
):
    assert set(EVERY_DRAW_BROKEN) == set(SCENARIOS)
    where, rule = EVERY_DRAW_BROKEN[module]
    monkeypatch.setattr(importlib.import_module(where), rule, lambda *a, **k: ["broken"])
    with pytest.raises(NoFairDraw, match=f"no fair {module} scenario.* {MAX_DRAWS:,} draws"):
        variant(module, "learner-7")
