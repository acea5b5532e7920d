"""Preprocessors the course's ``nbgrader_config.py`` adds to ``nbgrader autograde``.

They make per-learner variants grade correctly and flag a notebook worked on someone
else's variant (see ``course.variants``):

- ``RecordSubmittedVariant`` reads the variant stamps in the outputs the learner
  submitted. It must run *before* nbgrader's ``ClearOutput`` wipes them.
- ``LearnerExecute`` is nbgrader's ``Execute`` with ``LEVERAGE_LEARNER`` set to the
  submitter's nbgrader student id, so the kernel draws the submitter's own variant
  whatever the file is called or whose computer it was written on. It also runs every
  learner kernel in the sandbox (``autograder.sandbox``), so a plain ``nbgrader
  autograde`` with the course's config is as safe as ``leverage grade``.
- ``RecordGradedVariant`` reads the stamps the grading run produced. It must run
  *after* execution: a notebook that asked for another learner's variant shows it here.

``KeepWarningsOutOfGrades`` stops a warning on stderr from zeroing a test cell,
``RefuseImpossibleCredit`` zeroes a test cell that shows a score no check gives, and
``RefuseReplacedChecks`` zeroes the test cells that run after a learner's cell rewrote the
checks (``check``, ``course.checks``) or ran code that could; all three run after
execution and before ``SaveAutoGrades``.

Both recorders put what they found in the notebook's metadata under ``leverage`` and
log a warning naming the learners when a stamp is not the submitter's.
"""

import ast
import copy
import os
from contextlib import contextmanager

import nbformat
from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Bool, Dict, Integer

from autograder.sandbox import Limits, gaps, prepare_kernel
from course.variants import VARIANT_MIME


def is_test_cell(cell):
    """Whether ``cell`` is a test cell: graded code that is not an answer."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def test_cells(nb):
    """The notebook's test cells, in order."""
    return [cell for cell in nb.cells if is_test_cell(cell)]


def error_output(name, message, summary=None):
    """An error output, which nbgrader scores zero, with a one-line traceback that shows
    ``summary`` (by default the message) and nothing of the code around it."""
    return nbformat.v4.new_output(
        "error", ename=name, evalue=message, traceback=[f"{name}: {summary or message}"]
    )


@contextmanager
def environment(**variables):
    """Set environment variables for the duration of a block, restoring them after.

    (nbgrader 0.9.6's own ``utils.setenv`` restores the wrong keys, so it is not used.)
    """
    previous = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def variant_stamps(nb):
    """Every variant stamp in the notebook's outputs, in order."""
    return [
        output["data"][VARIANT_MIME]
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if VARIANT_MIME in output.get("data", {})
    ]


class LearnerExecute(Execute):
    """nbgrader's Execute, with the kernel told whose variant it is grading, and which
    survives a kernel that dies or stops answering (``os._exit``, a killed process, a
    fork bomb, a patched builtin that breaks the kernel's own messaging).

    nbgrader gives up on the whole notebook when its kernel dies. Here the cell that
    killed it gets an error output, a fresh kernel replays the cells before it (their
    outputs discarded), and grading goes on: the crash costs only what depends on it.
    """

    #: how many times one notebook may kill its kernel before grading stops trying
    max_restarts = 3

    sandbox = Bool(True, help="Run each learner kernel in the course's sandbox.").tag(config=True)
    sandbox_limits = Dict(
        help="What a sandboxed kernel may use (autograder.sandbox.Limits fields); "
        "unset fields keep their defaults."
    ).tag(config=True)
    sandbox_worker = Integer(
        0, help="Which grading worker this is: its kernels get a uid of their own."
    ).tag(config=True)

    #: whether this process has already said what its sandbox does not enforce
    _told = False

    def preprocess(self, nb, resources):
        student = resources["nbgrader"]["student"]
        self._restarts = 0
        self._tell_once()
        variables = {"LEVERAGE_LEARNER": student}
        if self.sandbox:
            kernel = self._sandboxed_kernel()
            self.kernel_name = kernel.name
            variables.update(kernel.environment)
        with environment(**variables):
            return super().preprocess(nb, resources)

    def _sandboxed_kernel(self):
        return prepare_kernel(Limits(**self.sandbox_limits), self.sandbox_worker)

    def create_kernel_manager(self):
        """The kernel manager, talking to a sandboxed kernel over IPC sockets: the kernel's
        network namespace is empty."""
        manager = super().create_kernel_manager()
        if self.sandbox:
            manager.transport = "ipc"
            manager.connection_file = self._sandboxed_kernel().connection_file
        return manager

    def _tell_once(self):
        """Warn once per process about what the sandbox cannot enforce here."""
        if LearnerExecute._told:
            return
        LearnerExecute._told = True
        if not self.sandbox:
            self.log.warning("Learner kernels run without the sandbox (LearnerExecute.sandbox)")
        for gap in gaps() if self.sandbox else []:
            self.log.warning("Sandbox: %s", gap)

    def preprocess_cell(self, cell, resources, index):
        try:
            return super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as broken:
            # CellTimeoutError escapes only when the kernel stops answering altogether (a
            # cell that merely runs too long gets an error output from nbgrader instead)
            if self._restarts >= self.max_restarts:
                raise
            self._restarts += 1
            what = "stopped" if isinstance(broken, DeadKernelError) else "stopped answering"
        cell.outputs = [
            error_output(
                "KernelBroken",
                f"the kernel {what} while running this cell; the cells after it ran in a new kernel",
                f"the kernel {what} while running this cell",
            )
        ]
        self.log.warning(
            "Kernel %s in cell %d; restarting it and replaying the cells before", what, index
        )
        run_sync(self.km.restart_kernel)(now=True)
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        for earlier_index, earlier in enumerate(self.nb.cells[:index]):
            if earlier.cell_type == "code":
                self.execute_cell(copy.deepcopy(earlier), earlier_index, store_history=False)
        return cell, self.resources


class _RecordVariant(NbGraderPreprocessor):
    """Record the learners named by variant stamps, and warn about foreign ones."""

    stage = ""  # "submitted" or "graded": which outputs this recorder reads

    def preprocess(self, nb, resources):
        student = resources["nbgrader"]["student"]
        learners = sorted({stamp.get("learner") for stamp in variant_stamps(nb)})
        foreign = [learner for learner in learners if learner != student]
        record = nb.metadata.setdefault("leverage", {}).setdefault("variant_check", {})
        record[self.stage] = {"learners": learners, "foreign": foreign}
        if foreign:
            self.log.warning(
                "Variant check: %s's %s notebook shows the variant of %s, not their own",
                student,
                self.stage,
                ", ".join(foreign),
            )
        return nb, resources


class RecordSubmittedVariant(_RecordVariant):
    """Which learners' variants the learner worked on (the outputs they submitted)."""

    stage = "submitted"


class RecordGradedVariant(_RecordVariant):
    """Which learners' variants the notebook drew while it was graded."""

    stage = "graded"


class KeepWarningsOutOfGrades(NbGraderPreprocessor):
    """nbgrader gives a test cell zero when it wrote anything to stderr, so a harmless
    warning (a pandas FutureWarning, say) would cost a correct answer its points. Turn
    stderr in test cells into ordinary output, still shown, before the grades are saved."""

    def preprocess(self, nb, resources):
        for cell in test_cells(nb):
            for output in cell.get("outputs", []):
                if output.output_type == "stream" and output.name == "stderr":
                    output.name = "stdout"
                    cell.metadata.setdefault("leverage", {})["stderr_kept_as_output"] = True
        return nb, resources


class RefuseImpossibleCredit(NbGraderPreprocessor):
    """nbgrader reads a number shown by a test cell as the cell's partial credit, but gives
    full marks for a negative number or NaN and stops grading the whole notebook at one
    above the cell's points. The course's checks never show such a number
    (``course.checks.credit``), so it comes from tampered code: the cell gets an error
    instead, worth zero, and the rest of the notebook is graded as usual."""

    def preprocess(self, nb, resources):
        for cell in test_cells(nb):
            points = float(cell.metadata["nbgrader"].get("points", 0))
            for index, output in enumerate(cell.get("outputs", [])):
                shown = _credit_shown(output)
                if shown is not None and not 0 <= shown <= points:
                    cell.outputs[index] = error_output(
                        "ImpossibleCredit",
                        f"this test cell showed {shown:g} points; it is worth 0 to {points:g}",
                        f"{shown:g} points of {points:g}",
                    )
        return nb, resources


#: Names whose use in a learner's cell could rewrite the checks out of sight of a reader:
#: code run from text, other modules' namespaces, and the module table itself.
HIDING_PLACES = frozenset(
    {
        "exec",
        "eval",
        "compile",
        "__import__",
        "globals",
        "vars",
        "setattr",
        "delattr",
        "importlib",
        "modules",
    }
)


def _learner_code(cell):
    """Whether ``cell`` holds the learner's code: an answer cell or one they added."""
    meta = cell.metadata.get("nbgrader", {})
    learners = meta.get("solution") or not (meta.get("locked") or meta.get("grade"))
    return cell.cell_type == "code" and learners


def _root_name(node):
    """``check`` for ``check.batna_needed.__code__``: the name an attribute chain starts at."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def check_tampering(source):
    """What in ``source`` rewrites the course's checks, or could: a list of reasons (empty
    when there is none). Code that does not parse is left to fail on its own."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError:
        return []
    reasons = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", "?")
        if isinstance(node, ast.Name | ast.Attribute | ast.Subscript) and isinstance(
            node.ctx, ast.Store | ast.Del
        ):
            if _root_name(node) == "check":
                reasons.append(f"line {line} changes `check`, which the test cells use")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node.name == "check":
                reasons.append(f"line {line} defines its own `check`")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [alias.name for alias in node.names]
            bound = [alias.asname or alias.name for alias in node.names]
            if any(m.startswith("course.checks") or m == "checks" for m in modules):
                reasons.append(f"line {line} imports the course's checks")
            elif "check" in bound:
                reasons.append(f"line {line} imports something as `check`")
            elif any(m.split(".")[0] in HIDING_PLACES for m in modules):
                reasons.append(f"line {line} imports {modules[0] or modules[-1]}")
        elif isinstance(node, ast.Name) and node.id in HIDING_PLACES:
            reasons.append(f"line {line} uses {node.id}()")
        elif isinstance(node, ast.Attribute) and node.attr in HIDING_PLACES:
            reasons.append(f"line {line} uses .{node.attr}")
    return sorted(set(reasons), key=reasons.index)


class RefuseReplacedChecks(NbGraderPreprocessor):
    """The test cells call the course's checks (``check.batna_needed(...)``) in the same
    kernel as the learner's code, so a learner's cell could replace a check with one that
    always passes. Read every learner cell: once one rewrites the checks, or runs code that
    could (``exec``, ``globals()``, ``sys.modules``...), each test cell after it gets an
    error worth zero that says why, the notebook's metadata records it, and the log names
    the learner for the instructor, who can still grade by hand in the formgrader."""

    def preprocess(self, nb, resources):
        found = []
        for index, cell in enumerate(nb.cells):
            if _learner_code(cell):
                found += [f"cell {index + 1}: {reason}" for reason in check_tampering(cell.source)]
            elif found and is_test_cell(cell):
                cell.outputs = [error_output("ChecksReplaced", f"not graded: {found[0]}")]
        if found:
            nb.metadata.setdefault("leverage", {})["checks_replaced"] = found
            learner = resources.get("nbgrader", {}).get("student", "a learner")
            self.log.warning("%s's notebook rewrites the checks: %s", learner, "; ".join(found))
        return nb, resources


def _credit_shown(output):
    """The number a result shows as its plain text, as nbgrader would read it, or None."""
    if output.get("output_type") != "execute_result":
        return None
    text = output.get("data", {}).get("text/plain")
    try:
        return float(text if isinstance(text, str) else "".join(text))
    except (TypeError, ValueError):
        return None


class ShortTracebacksInTests(NbGraderPreprocessor):
    """For feedback: a test cell's traceback can quote the hidden tests around the line
    that failed (an interrupted loop, a learner's own exception). Keep only the error's
    name and message, which is what the hint is for."""

    def preprocess(self, nb, resources):
        for cell in test_cells(nb):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return nb, resources


def foreign_variants(nb):
    """The learners other than the submitter whose variant an autograded notebook used."""
    check = nb.metadata.get("leverage", {}).get("variant_check", {})
    return sorted({learner for stage in check.values() for learner in stage.get("foreign", [])})
