"""Preprocessors the course's ``nbgrader_config.py`` adds to ``nbgrader autograde``.

They make per-learner variants grade correctly and flag a notebook worked on someone
else's variant (see ``course.variants``):

- ``RecordSubmittedVariant`` reads the variant stamps in the outputs the learner
  submitted. It must run *before* nbgrader's ``ClearOutput`` wipes them.
- ``LearnerExecute`` is nbgrader's ``Execute`` with ``LEVERAGE_LEARNER`` set to the
  submitter's nbgrader student id, so the kernel draws the submitter's own variant
  whatever the file is called or whose computer it was written on. It also runs every
  learner kernel in the sandbox (``autograder.sandbox``), so a plain ``nbgrader
  autograde`` with the course's config is as safe as ``leverage grade``. It gives the
  kernel the submission's grading key (``autograder.secret``), which decides the hidden
  cases, and never the instructor's secret.
- ``RecordGradedVariant`` reads the stamps the grading run produced. It must run
  *after* execution: a notebook that asked for another learner's variant shows it here.

What a test cell is worth is decided after execution, outside the kernel, by
``autograder.judge.JudgeOutsideKernel``: nothing the kernel shows in a test cell counts.
A cell that runs longer than the time limit is said so in words (``timed_out``), in every
cell, not as ``KeyboardInterrupt`` and ``CellTimeoutError``.

Both recorders put what they found in the notebook's metadata under ``leverage`` and
log a warning naming the learners when a stamp is not the submitter's.
"""

import copy
import os
import secrets
from contextlib import contextmanager

import nbformat
from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Bool, Dict, Integer, default

from autograder import secret
from autograder.sandbox import Limits, gaps, kernel_processes, prepare_kernel, stop_processes
from course.variants import HIDDEN_CASES_VARIABLE, VARIANT_MIME


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


def timed_out(limit):
    """The error a cell gets when it ran longer than ``limit`` seconds: what happened and
    what it usually means, in words (nbgrader shows ``KeyboardInterrupt`` and
    ``CellTimeoutError``)."""
    return error_output(
        "TimeLimit",
        f"this cell ran longer than the {limit}-second limit; that usually means a loop that "
        "never ends (a while loop whose condition never turns false, a step that never moves "
        "towards the end), or far more work than the question needs. Run the cell in your "
        "notebook and stop it with the interrupt button if it does not finish.",
    )


@contextmanager
def environment(**variables):
    """Set environment variables for the duration of a block, restoring them after; a
    variable given as ``None`` is removed for the block.

    (nbgrader 0.9.6's own ``utils.setenv`` restores the wrong keys, so it is not used.)
    """
    previous = {name: os.environ.get(name) for name in variables}
    for name, value in variables.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
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

    A cell that runs past the time limit is interrupted, as by nbgrader, but its error says
    so in words (``timed_out``) instead of ``KeyboardInterrupt`` and ``CellTimeoutError``;
    the cells that timed out are listed in ``resources["leverage"]["timed_out"]`` (cell
    index -> limit in seconds) for the judge (``autograder.judge``).

    The kernel is given the submission's grading key (``autograder.secret``) as
    ``LEVERAGE_HIDDEN_CASES``, and the judge gets it in ``resources["leverage"]
    ["hidden_key"]``; the instructor's secret is taken out of the kernel's environment.
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

    @default("shutdown_kernel")
    def _kill_a_finished_kernel(self):
        """A finished kernel is killed at once (nbclient's default waits for it to stop,
        about a second per learner): everything it showed has been received, and nothing
        the learner's code would do on its way out is wanted."""
        return "immediate"

    def preprocess(self, nb, resources):
        student = resources["nbgrader"]["student"]
        self._restarts = 0
        self._tell_once()
        # nbclient answers a timeout with this made-up reply; the nonce tells it from any
        # reply of the kernel's, whatever the learner's exception is called
        self._timeout_nonce = secrets.token_hex(16)
        self.error_on_timeout = {
            "ename": "TimeLimit",
            "evalue": "",
            "traceback": [],
            "leverage_timeout": self._timeout_nonce,
        }
        self._timed_out = resources.setdefault("leverage", {}).setdefault("timed_out", {})
        key = secret.grading_key(
            secret.grading_secret(CourseDirectory(config=self.config).root),
            resources["nbgrader"]["assignment"],
            student,
            nb,
        )
        resources["leverage"]["hidden_key"] = key
        variables = {
            "LEVERAGE_LEARNER": student,
            HIDDEN_CASES_VARIABLE: key,
            secret.SECRET_VARIABLE: None,  # the kernel inherits this process's environment
        }
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

    def on_cell_executed(self, **kwargs):
        reply = kwargs["execute_reply"]["content"]
        if reply.get("leverage_timeout") != self._timeout_nonce:
            return super().on_cell_executed(**kwargs)
        cell = kwargs["cell"]
        kept = [output for output in cell.outputs if output.get("output_type") != "error"]
        cell.outputs = [*kept, timed_out(self.timeout)]  # no KeyboardInterrupt traceback
        self._timed_out[kwargs["cell_index"]] = self.timeout
        return None

    def preprocess_cell(self, cell, resources, index):
        if getattr(self, "_launcher", None) != self.km.provisioner.pid:
            self._note_kernel_processes()  # a kernel nbclient started: what it runs itself
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as broken:
            # CellTimeoutError escapes only when the kernel stops answering altogether (a
            # cell that merely runs too long gets an error output from nbgrader instead)
            if self._restarts >= self.max_restarts:
                raise
            what = "stopped" if isinstance(broken, DeadKernelError) else "stopped answering"
            cell.outputs = [
                error_output(
                    "KernelBroken",
                    f"the kernel {what} while running this cell; the cells after it ran in a new kernel",
                    f"the kernel {what} while running this cell",
                )
            ]
            self.log.warning("Kernel %s in cell %d", what, index)
            self._restart_and_replay(index)
            return cell, self.resources
        self._stop_what_the_cell_left(cell, index)
        return cell, resources

    def _stop_what_the_cell_left(self, cell, index):
        """Kill the processes a cell started and left running (a fork bomb's sleeping
        children, a forgotten ``Popen``), and restart the kernel: they and their zombies
        hold the sandbox's process limit, which would stop every later cell from starting
        a thread, so a question after them would be lost too."""
        left = kernel_processes(self._launcher) - self._kernel_own
        if not left:
            return
        stopped = stop_processes(left)
        restart = self._restarts < self.max_restarts  # their zombies go only with the kernel
        after = (
            "and the cells after it ran in a new kernel, without what this cell defined"
            if restart
            else "but this notebook had restarted its kernel too often to restart it again"
        )
        cell.outputs.append(
            nbformat.v4.new_output(
                "stream",
                name="stderr",
                text=f"Grading: this cell left {stopped} processes running. They were stopped, "
                f"{after}.\n",
            )
        )
        self.log.warning("Cell %d left %d processes running; stopped them", index, stopped)
        if restart:
            self._restart_and_replay(index)

    def _note_kernel_processes(self):
        """Remember the processes a freshly started kernel runs (its namespace's first
        process, the kernel): anything more, after a cell, is that cell's doing."""
        self._launcher = self.km.provisioner.pid
        self._kernel_own = kernel_processes(self._launcher)

    def _restart_and_replay(self, upto):
        """Restart the kernel and replay the code cells before ``upto``, their outputs
        discarded, so the cells from ``upto`` on run as if nothing had broken."""
        self._restarts += 1
        self.log.warning("Restarting the kernel and replaying the %d cells before", upto)
        run_sync(self.km.restart_kernel)(now=True)
        run_sync(self.kc.wait_for_ready)(timeout=self.startup_timeout)
        self._note_kernel_processes()
        for earlier_index, earlier in enumerate(self.nb.cells[:upto]):
            if earlier.cell_type == "code":
                self.execute_cell(copy.deepcopy(earlier), earlier_index, store_history=False)


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
