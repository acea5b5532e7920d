"""Real nbgrader autograde, with the course's committed config, on generated submissions
named after what each learner did. Scores are read back from the gradebook."""

import os
import sys
from pathlib import Path

import nbformat
import pytest

import course
from course.checks.credit import CHECKS_MIME
from course.checks.hints import NotYet
from tests import grading
from tests.grading import ModuleGrading, auto_total, executed_as
from tests.notebooks import release_notebook, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading")]

MODULE, NAME = "02_batna", "batna"
AUTO_POINTS = (
    14.5  # ten graded cells (8b, review 94 X1: half a point); 6b and the reflection by hand
)


def hard_coded_startup_tree(learner):
    """An answer that returns the learner's own numbers instead of computing them."""
    offers = course.variant(MODULE, learner)
    p, base, bonus = offers.funding_probability, offers.startup_base, offers.startup_bonus
    return f"def startup_tree(offers):\n    return [({p}, {base + bonus}), ({1 - p}, {base})]\n"


def peeks_at(*paths):
    """The solved notebook with a cell of the learner's that tries to read ``paths``."""
    nb = solved(MODULE, NAME)
    nb.cells.append(
        nbformat.v4.new_code_cell(
            f"for path in {[str(p) for p in paths]!r}:\n"
            "    try:\n        print(open(path, 'rb').read(20))\n"
            "    except OSError as error:\n        print('blocked', type(error).__name__)"
        )
    )
    return nb


def submissions(folder, course_root):
    """What each learner handed in, by the learner's nbgrader id."""
    asks_for_a_friend = solved(MODULE, NAME)
    asks_for_a_friend.cells.append(
        nbformat.v4.new_code_cell('course.variant("02_batna", "friend")')
    )
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            batna_needed_answer="def batna_needed(target, pie, their_batna):\n"
            "    return target - (pie - their_batna) / 2\n",
        ),
        "hard-coded": solved(
            MODULE, NAME, startup_tree_answer=hard_coded_startup_tree("hard-coded")
        ),
        "half-right": solved(
            MODULE,
            NAME,
            batna_needed_answer="def batna_needed(target, pie, their_batna):\n"
            "    return max(0, 2 * target - pie + their_batna)\n",
        ),
        "peeks-at-the-gradebook": peeks_at(
            course_root / "gradebook.db", course_root / "source" / MODULE / f"{NAME}.py"
        ),
        "worked-on-a-friends-laptop": executed_as(solved(MODULE, NAME), "friend", folder),
        "asks-for-a-friends-variant": asks_for_a_friend,
    }


class TestBatnaGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "batna-needed-test", "only half a unit")

    def submissions(self, course_root, scratch):
        return submissions(scratch, course_root)

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["batna-needed-test"] == 0
        # question 8 (1 mark); its own-case part is practice without marks (review 72 X1)
        assert "own-batna-needed-test" not in points
        assert auto_total(points) == self.AUTO_POINTS - 1

    def test_hard_coded_numbers_lose_every_question_built_on_them(self, graded):
        """Visible checks pass on the learner's own numbers; hidden ones try other learners'.
        The course's answers to questions 2-3 reuse startup_tree, so they fall with it
        (question 3 keeps the point of its part where Lumen is a given sure amount, which
        needs no tree); question 10 is practice without marks (review 72 X1); the other
        later questions are given the right earlier values, so they stand."""
        points = graded.scores("hard-coded")
        assert points["startup-tree-test"] == 0
        assert points["choose-batna-test"] == 0
        assert points["reservation-salary-test"] == 1
        assert "batna-rise-test" not in points
        assert auto_total(points) == self.AUTO_POINTS - 4

    def test_the_grading_kernel_draws_the_submitters_own_variant(self, graded):
        """Not the grader's saved id, not the grader's JupyterHub login: nbgrader's student id."""
        check = graded.notebook("solved").metadata["leverage"]["variant_check"]
        assert check["graded"] == {"learners": ["solved"], "foreign": []}

    def test_a_scored_question_shows_its_hint_beside_its_points_not_as_an_error(self, graded):
        cell = graded.cell("one-wrong-answer", "batna-needed-test")
        (result,) = [output for output in cell.outputs if output.output_type == "execute_result"]
        assert "Not yet: " in result.data["text/html"]
        assert "only half a unit" in result.data["text/html"]
        assert not [output for output in cell.outputs if output.output_type == "error"]

    def test_a_check_of_one_part_fails_with_a_hint_not_a_bare_assertion(self, graded):
        cell = graded.cell("hard-coded", "startup-tree-test")
        error = next(output for output in cell.outputs if output.output_type == "error")
        assert error.ename == NotYet.__name__
        assert "every case grading tries" in error.evalue
        assert "hidden-" not in error.evalue  # a hidden check never names its case

    def test_a_partly_right_answer_gets_the_points_of_the_checks_it_passes(self, graded):
        """nbgrader's partial credit: the test cell shows the points of the checks passed."""
        points = graded.scores("half-right")
        # the half-mark part of question 8's first cell (within reach) of its 1 mark
        assert points["batna-needed-test"] == 0.5
        assert auto_total(points) == self.AUTO_POINTS - 0.5
        cell = graded.cell("half-right", "batna-needed-test")
        (result,) = [output for output in cell.outputs if output.output_type == "execute_result"]
        assert result.data["text/plain"] == "0.5"
        outcomes = {o["check"]: o for o in result.data[CHECKS_MIME]}
        assert outcomes["targets within reach"]["passed"]
        assert "out of reach; return None" in outcomes["targets out of reach"]["message"]

    def test_plain_nbgrader_runs_learner_code_in_the_sandbox(self, graded):
        """The course's config sandboxes `nbgrader autograde` itself, not only `leverage grade`."""
        nb = graded.notebook("peeks-at-the-gradebook")
        printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
        assert printed.count("blocked") == 2, printed
        assert auto_total(graded.scores("peeks-at-the-gradebook")) == self.AUTO_POINTS

    def test_where_the_host_cannot_sandbox_grading_goes_on_and_says_so_once(self, graded, tmp_path):
        """Without bubblewrap on PATH the kernels get the limits only, and the log says so once
        for the whole run."""
        course_root = graded.root
        env = {**os.environ, "PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)}
        log = grading.nbgrader_autograde(course_root, MODULE, "--student=[su]*", env=env)
        assert log.count("bubblewrap (bwrap) is not installed") == 1, log[-3000:]
        assert auto_total(graded.scores("solved")) == self.AUTO_POINTS
        assert sum(graded.scores("unchanged").values()) == 0

    @pytest.mark.parametrize(
        ("learner", "stage"),
        [
            ("worked-on-a-friends-laptop", "submitted"),  # the outputs handed in show it
            ("asks-for-a-friends-variant", "graded"),  # the grading run shows it
        ],
    )
    def test_someone_elses_variant_is_flagged(self, graded, learner, stage):
        check = graded.notebook(learner).metadata["leverage"]["variant_check"]
        assert check[stage]["foreign"] == ["friend"]
        assert f"{learner}'s {stage} notebook shows the variant of friend" in graded.log
        # the answers are general, so they still grade on the submitter's own variant
        assert auto_total(graded.scores(learner)) == self.AUTO_POINTS

    def test_honest_submissions_are_not_flagged(self, graded):
        for learner in ("solved", "unchanged", "one-wrong-answer", "hard-coded"):
            check = graded.notebook(learner).metadata["leverage"]["variant_check"]
            assert not check["submitted"]["foreign"] and not check["graded"]["foreign"], learner
