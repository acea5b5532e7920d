"""Step 5 of grading: feedback HTML per learner, with no hidden test code in it.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold
the hidden tests (nbgrader restores them for grading). The course's config adds
``ClearHiddenTests`` to its feedback preprocessors; this step also checks every page it
copies out and refuses one that still shows a hidden-tests marker.

A grading worker makes one ``FeedbackWriter`` and uses it for every learner it grades: its
HTML exporter, and the templates that exporter compiles, are built once, not per learner.
"""

import os
import shutil
from pathlib import Path

from nbconvert.writers import FilesWriter
from nbgrader.converters import GenerateFeedback
from nbgrader.utils import capture_log, temp_attrs
from traitlets.config import Config

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


class KeptExporterFeedback(GenerateFeedback):
    """nbgrader's ``generate_feedback`` that builds its HTML exporter (and preprocessors)
    on the first call and keeps them: nbgrader's own ``start`` rebuilds them every time,
    recompiling the feedback templates for each learner."""

    _kept = None  # the exporter, once built

    def start(self):
        if self._kept is None:
            self._kept = self.exporter_class(parent=self, config=self.config)
            for preprocessor in self.preprocessors:
                self._kept.register_preprocessor(preprocessor)
        self.exporter = self._kept
        self.init_notebooks()
        self.writer = FilesWriter(parent=self, config=self.config)
        previous = os.getcwd()
        os.chdir(self.coursedir.root)
        try:
            self.convert_notebooks()
        finally:
            os.chdir(previous)


class FeedbackWriter:
    """Feedback pages, one learner at a time, with the exporter kept between learners."""

    def __init__(self, api):
        self.api = api
        self.app = KeptExporterFeedback(coursedir=api.coursedir, parent=api)
        # as nbgrader's API does: other settings may name another HTML template
        self.app.update_config(Config({"HTMLExporter": {"template_name": "feedback"}}))
        self.app.force = True

    def generate(self, assignment, learner):
        """Run nbgrader's feedback step for one learner; nbgrader's result dict."""
        with temp_attrs(self.api.coursedir, assignment_id=assignment, student_id=learner):
            return capture_log(self.app)


def feedback_for(writer, root, assignment, learner, out):
    """Generate one learner's feedback with ``writer`` and copy it to
    ``out/feedback/<learner>/``. Returns the pages written, or the reason there are none."""
    result = writer.generate(assignment, learner)
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
