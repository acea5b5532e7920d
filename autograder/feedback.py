"""Step 5 of grading: feedback HTML per learner, with no hidden test code in it.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold
the hidden tests (nbgrader restores them for grading). The course's config adds
``ClearHiddenTests`` to its feedback preprocessors; this step also checks every page it
copies out and refuses one that still shows a hidden-tests marker.
"""

import shutil
from pathlib import Path

HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden=True")


def nbgrader_api(root, **overrides):
    """nbgrader's API for the course at ``root``, with its ``nbgrader_config.py``."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config())
    config.CourseDirectory.root = str(root)
    for section, values in overrides.items():
        for name, value in values.items():
            setattr(getattr(config, section), name, value)
    return NbGraderAPI(config=config)


def feedback_for(api, root, assignment, learner, out):
    """Generate one learner's feedback and copy it to ``out/feedback/<learner>/``.
    Returns the pages written, or the reason there are none."""
    result = api.generate_feedback(assignment, learner, force=True)
    if not result["success"]:
        return "nbgrader could not generate it: " + (result.get("error") or "").strip()[-300:]
    return copy_pages(root, assignment, learner, out)


def copy_pages(root, assignment, learner, out):
    """Copy the learner's feedback pages from nbgrader's ``feedback/`` to
    ``out/feedback/<learner>/``. Returns the pages written, or the reason there are none:
    there are none yet, or a page would show hidden tests (then nothing is written)."""
    pages = sorted((Path(root) / "feedback" / learner / assignment).glob("*.html"))
    if not pages:
        return "nbgrader has no feedback page for this learner"
    leaks = [
        page.name
        for page in pages
        if any(m in page.read_text(encoding="utf-8") for m in HIDDEN_MARKERS)
    ]
    if leaks:
        return f"{leaks[0]} would show hidden tests, so it was not written"
    written = []
    for page in pages:
        target = Path(out) / "feedback" / learner / page.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
        written.append(target)
    return written
