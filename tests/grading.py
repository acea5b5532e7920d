"""Helpers to grade learners' notebooks with real nbgrader in a built course folder."""

import os
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.api import Gradebook


def autograde(course_root, module, name, submissions, grader_config_home):
    """Put each learner's notebook in ``submitted/<learner>/<module>/<name>.ipynb`` and run
    plain `nbgrader autograde` from the course root, as an instructor would, on a grader's
    machine that has its own learner id saved and a JupyterHub login (neither may leak
    into grading). Returns nbgrader's log."""
    for learner, nb in submissions.items():
        folder = course_root / "submitted" / learner / module
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{name}.ipynb")
    (grader_config_home / "leverage").mkdir(exist_ok=True)
    (grader_config_home / "leverage" / "learner").write_text("instructor\n")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(grader_config_home),
        "JUPYTERHUB_USER": "instructor",
    }
    env.pop("LEVERAGE_LEARNER", None)
    return nbgrader_autograde(course_root, module, env=env)


def nbgrader_autograde(course_root, module, *arguments, env):
    """Run `nbgrader autograde MODULE --force ARGUMENTS` in the course root with ``env``;
    assert that it succeeded and return its log."""
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", module, "--force", *arguments],
        cwd=course_root,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def leverage(course_root, *arguments, timeout=1800):
    """Run `leverage ARGUMENTS --root COURSE_ROOT` as an instructor would; the finished
    process (its stdout and stderr as text)."""
    return subprocess.run(
        [sys.executable, "-m", "autograder.cli", *arguments, "--root", str(course_root)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def scores(course_root, module, name, learner):
    """Points per graded cell, read back from the gradebook."""
    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(name, module, learner)
        return {grade.name: grade.score for grade in notebook.grades}


def auto_total(points):
    """The autograded points of a learner: every graded cell but the reflection. Other
    written parts (module 00's, module 02's question 6b) are summed too, at the 0 nbgrader
    gives a hand-graded cell until the instructor grades it."""
    return sum(score for name, score in points.items() if name != "reflection")


def autograded(course_root, module, name, learner):
    """The notebook nbgrader wrote to autograded/ for ``learner``."""
    path = course_root / "autograded" / learner / module / f"{name}.ipynb"
    return nbformat.read(path, as_version=4)


def executed_as(nb, learner, folder):
    """The notebook after a learner ran it on a computer set up for ``learner``."""
    previous = os.environ.get("LEVERAGE_LEARNER")
    os.environ["LEVERAGE_LEARNER"] = learner
    try:
        client = NotebookClient(
            nb, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}
        )
        client.execute()
    finally:
        if previous is None:
            del os.environ["LEVERAGE_LEARNER"]
        else:
            os.environ["LEVERAGE_LEARNER"] = previous
    return nb


class Graded:
    """A course folder after `nbgrader autograde`: each learner's scores and graded cells."""

    def __init__(self, root, module, name, log):
        self.root, self.module, self.name, self.log = root, module, name, log

    def scores(self, learner):
        """Points per graded cell, read back from the gradebook."""
        return scores(self.root, self.module, self.name, learner)

    def notebook(self, learner):
        """The notebook nbgrader wrote to autograded/ for ``learner``."""
        return autograded(self.root, self.module, self.name, learner)

    def cell(self, learner, grade_id):
        """The graded notebook's cell ``grade_id``, outputs and all."""
        cells = self.notebook(learner).cells
        return next(c for c in cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)

    def shown(self, learner, grade_id):
        """What the learner reads under a graded cell: error messages, results, printed text."""
        parts = []
        for output in self.cell(learner, grade_id).outputs:
            data = output.get("data", {})
            parts += [output.get("evalue", ""), output.get("text", "")]
            parts += [data.get("text/html", ""), data.get("text/plain", "")]
        return "\n".join(part if isinstance(part, str) else "".join(part) for part in parts)

    def kernel_printed(self, learner, grade_id):
        """What the learner's kernel printed in test cell ``grade_id`` (kept by the judge for
        the instructor), its stdout joined as a notebook shows it: ipykernel sends printed
        text in pieces on a timer, so one ``print`` may span several stream outputs when
        the machine is busy."""
        outputs = self.cell(learner, grade_id).metadata["leverage"]["kernel_outputs"]
        return "".join(
            "".join(o["text"])
            for o in outputs
            if o.get("output_type") == "stream" and o.get("name") == "stdout"
        )


class ModuleGrading:
    """What real nbgrader must do with every module, on submissions named after what each
    learner did. A module's test class (``TestXGrading(ModuleGrading)``) sets the constants
    below and ``submissions``, and adds the tests of its own questions."""

    MODULE = NAME = ""
    #: Points the autograder gives a fully solved notebook (the reflection is graded by hand).
    AUTO_POINTS = 0
    #: (learner, grade_id, words): a hint that learner must read under that graded cell.
    HINT = ("", "", "")

    def submissions(self, course_root, scratch):
        """Each learner's notebook by nbgrader id; must include "solved" and "unchanged"."""
        raise NotImplementedError(f"{type(self).__name__} must say what each learner handed in")

    @pytest.fixture(scope="class")
    def graded(self, own_course, tmp_path_factory):
        """Every submission autograded in a course of the module's own."""
        root = own_course(self.MODULE)
        learners = self.submissions(root, tmp_path_factory.mktemp("scratch"))
        log = autograde(root, self.MODULE, self.NAME, learners, tmp_path_factory.mktemp("grader"))
        return Graded(root, self.MODULE, self.NAME, log)

    def test_the_solved_notebook_gets_full_marks(self, graded):
        points = graded.scores("solved")
        assert auto_total(points) == self.AUTO_POINTS
        assert points["reflection"] == 0  # written, so it waits for the instructor

    def test_the_untouched_release_gets_zero(self, graded):
        assert sum(graded.scores("unchanged").values()) == 0

    def test_the_learner_sees_a_hint_in_the_graded_notebook(self, graded):
        learner, grade_id, words = self.HINT
        shown = graded.shown(learner, grade_id)
        assert words in shown, shown
        assert "Traceback (most recent call last)" not in shown
