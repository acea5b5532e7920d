"""Step 5 of grading: feedback HTML per learner, with no hidden test code in it.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold
the hidden tests (nbgrader restores them for grading). The course's config adds
``ClearHiddenTests`` to its feedback preprocessors; this step also checks every page it
copies out and refuses one that still shows a hidden-tests marker.
"""

import shutil
from pathlib import Path

HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden=True")


def write_feedback(root, assignment, learners, out):
    """Generate feedback for ``learners`` and copy it to ``out/feedback/<learner>/``.
    Returns ``{learner: [html paths]}``, or ``{learner: reason}`` for a learner whose
    feedback failed or would have shown hidden tests (the others still get theirs)."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(root)
    config = Config()
    config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config())
    config.CourseDirectory.root = str(root)
    api = NbGraderAPI(config=config)
    written = {}
    for learner in learners:
        result = api.generate_feedback(assignment, learner, force=True)
        if not result["success"]:
            raise RuntimeError(f"feedback for {learner} failed:\n{result.get('error', '')[-1500:]}")
        pages = []
        for page in sorted((root / "feedback" / learner / assignment).glob("*.html")):
            text = page.read_text(encoding="utf-8")
            leaked = [marker for marker in HIDDEN_MARKERS if marker in text]
            if leaked:
                raise RuntimeError(
                    f"feedback for {learner} would show hidden tests ({leaked[0]}); not written"
                )
            target = Path(out) / "feedback" / learner / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
            pages.append(target)
        written[learner] = pages
    return written
