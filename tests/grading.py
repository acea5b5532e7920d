"""Helpers to grade learners' notebooks with real nbgrader in a built course folder."""

import os
import subprocess
import sys

import nbformat
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


def scores(course_root, module, name, learner):
    """Points per graded cell, read back from the gradebook."""
    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(name, module, learner)
        return {grade.name: grade.score for grade in notebook.grades}


def auto_total(points):
    """The autograded points of a learner: every graded cell but the hand-graded reflection."""
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
