"""Step 5 of grading: feedback HTML per learner, with no hidden test code in it.

nbgrader's ``generate_feedback`` renders the autograded notebook, whose test cells hold
the hidden tests (nbgrader restores them for grading). The course's config adds
``ClearHiddenTests`` to its feedback preprocessors; this step also checks every page it
copies out and refuses one that still shows a hidden-tests marker.

The page is the course's template (``templates/leverage_feedback``, nbgrader's feedback
template made readable) after four preprocessors, which the course's config adds to
``GenerateFeedback.preprocessors`` (so ``nbgrader generate_feedback`` makes the same page):

- ``NameQuestions``: each graded cell is named after the heading of its question, for the
  page's contents and the cell's own heading;
- ``MarkAwaiting``: a part waiting for the instructor's grade says "awaiting grading", not
  a score of 0, and the page's total says how many points wait;
- ``PlainChecks``: a check's message reads as a sentence (no ``NotYet:`` before it), and a
  line a test cell printed twice (its visible and hidden checks passing) shows once;
- ``OfflineMath``: the mathematics of the text is rendered to MathML when the page is
  made, so the page needs no script from the internet (nbgrader's loads MathJax from a CDN).

A grading worker makes one ``FeedbackWriter`` and uses it for every learner it grades: its
HTML exporter, and the templates that exporter compiles, are built once, not per learner.
"""

import os
import re
import shutil
from pathlib import Path

import nbformat
from nbconvert.writers import FilesWriter
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import GenerateFeedback
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import capture_log, temp_attrs
from traitlets.config import Config

HIDDEN_MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden=True")
#: The course's feedback template (a folder, and the file in it that extends nbgrader's
#: ``index.html.j2``: a file of its own name, so that it does not hide the one it extends).
TEMPLATE, TEMPLATE_FILE = "leverage_feedback", "leverage.html.j2"


def template_dirs():
    """The folders holding the course's feedback template and nbgrader's, for
    ``HTMLExporter.extra_template_basedirs``."""
    import nbgrader

    nbgrader_templates = Path(nbgrader.__file__).parent / "server_extensions" / "formgrader"
    return [str(nbgrader_templates / "templates"), str(Path(__file__).parent / "templates")]


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
        self.app.update_config(
            Config(
                {
                    "HTMLExporter": {
                        "template_name": TEMPLATE,
                        "template_file": TEMPLATE_FILE,
                        "extra_template_basedirs": template_dirs(),
                    }
                }
            )
        )
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


def _graded(cell):
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("grade") or meta.get("task"))


def _is_test(cell):
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)


def plain(markdown):
    """A markdown heading's words, without emphasis, code marks or links."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[*_`]", "", text).strip()


class NameQuestions(NbGraderPreprocessor):
    """Name each graded cell (``metadata.leverage.question``) after the last heading above it,
    e.g. "Question 2 (2 points): which alternative is your BATNA?"."""

    def preprocess(self, nb, resources):
        heading = ""
        for cell in nb.cells:
            if cell.cell_type == "markdown" and not _graded(cell):
                found = _HEADING.findall(cell.source)
                heading = plain(found[-1]) if found else heading
            elif _graded(cell) and heading:
                cell.metadata.setdefault("leverage", {})["question"] = heading
        return nb, resources


class MarkAwaiting(NbGraderPreprocessor):
    """Mark each graded cell whose grade waits for the instructor (nbgrader's
    ``needs_manual_grade``) as ``nbgrader.awaiting``, and put the points that wait in
    ``resources["leverage"]["awaiting"]``. Goes after nbgrader's ``GetGrades``."""

    def preprocess(self, nb, resources):
        meta = resources["nbgrader"]
        waiting = 0.0
        with Gradebook(meta["db_url"]) as gradebook:
            for cell in nb.cells:
                if not _graded(cell):
                    continue
                try:
                    grade = gradebook.find_grade(
                        cell.metadata.nbgrader["grade_id"],
                        meta["notebook"],
                        meta["assignment"],
                        meta["student"],
                    )
                except MissingEntry:
                    continue
                cell.metadata.nbgrader["awaiting"] = bool(grade.needs_manual_grade)
                waiting += grade.max_score if grade.needs_manual_grade else 0.0
        resources.setdefault("leverage", {})["awaiting"] = waiting
        return nb, resources


class PlainChecks(NbGraderPreprocessor):
    """In test cells: an error becomes its message as text (a check's ``NotYet`` hint reads
    as a sentence; any other error keeps its name), and a line printed twice shows once."""

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if not _is_test(cell):
                continue
            seen, outputs = set(), []
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    text = (
                        output.evalue
                        if output.ename == "NotYet"
                        else (f"{output.ename}: {output.evalue}")
                    )
                    output = nbformat.v4.new_output("stream", name="stdout", text=text + "\n")
                if output.output_type == "stream":
                    lines = [line for line in output.text.splitlines(True) if line not in seen]
                    seen.update(lines)
                    if not lines:
                        continue
                    output.text = "".join(lines)
                outputs.append(output)
            cell.outputs = outputs
        return nb, resources


_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)", re.DOTALL)


def mathml(markdown):
    """``markdown`` with its ``$...$`` and ``$$...$$`` mathematics as MathML elements (left
    as written where latex2mathml cannot read it); code spans and blocks are not touched."""
    from latex2mathml.converter import convert

    def render(match):
        block, inline = match.group(1), match.group(2)
        try:
            return convert((block or inline).strip(), display="block" if block else "inline")
        except Exception:  # a formula latex2mathml cannot read stays as the author wrote it
            return match.group(0)

    pieces = re.split(r"(```.*?```|`[^`\n]*`)", markdown, flags=re.DOTALL)
    return "".join(
        piece if index % 2 else _MATH.sub(render, piece) for index, piece in enumerate(pieces)
    )


class OfflineMath(NbGraderPreprocessor):
    """Render the mathematics of every markdown cell to MathML (``mathml``)."""

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.cell_type == "markdown" and "$" in cell.source:
                cell.source = mathml(cell.source)
        return nb, resources
