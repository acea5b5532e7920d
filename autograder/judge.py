"""The grader decides every test cell itself, outside the learner's kernel.

``JudgeOutsideKernel`` runs in ``nbgrader autograde`` after the notebook has been executed
and before ``SaveAutoGrades`` reads the outputs. For each test cell it reads the cell's
source, which is the instructor's (nbgrader's ``OverwriteCells`` has put the test and locked
cells back from the gradebook), for the checks it calls, ``check.<question>(<answer>)`` or
``check.<question>(<answer>, hidden=True)``, and replays each one in this process with the
course's own code (``course.checks.calls.replay``), on the submitter's scenario, answering
the check's calls of the learner's function from the transcripts the kernel displayed.
Then it **replaces the cell's outputs** with its own verdict:

- every check passed: the pass messages on stdout (nbgrader gives the cell's points);
- a check failed: its hint as an error (worth 0), never naming a hidden case;
- a question scored part by part (``course.checks.credit``): its ``Credit`` as the cell's
  result, whose plain text is the points earned (nbgrader's partial credit);
- the cell ran past the time limit: that, in words (worth 0);
- a transcript missing, duplicated, damaged, of another check or of other inputs: the
  check did not run as written, worth 0, with the reason.

Nothing the kernel showed in a test cell counts; its outputs (transcripts aside) are kept in
the cell's metadata, ``leverage.kernel_outputs``, for the instructor, and a cell the judge
could not replay says why in ``leverage.judge``. Nothing of the learner's is imported or run
here: transcripts are plain data (``course.checks.plaindata``).
"""

import ast
import re

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.nbgrader_hooks import error_output, is_test_cell, timed_out
from course.checks.calls import TRANSCRIPT_MIME, TranscriptMismatch, UnknownQuestion, replay
from course.checks.credit import Credit
from course.checks.hints import NotYet
from course.variants import hidden_cases_as

#: The name the notebooks give a module's checks (``from course.checks import x as check``).
CHECKS_NAME = "check"

DID_NOT_RUN = "the check did not run as written: a cell above may have changed it or what it uses"

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


class NotReplayable(ValueError):
    """A test cell holds code other than calls of the course's checks."""


def check_calls(source):
    """The checks a test cell's ``source`` calls, in order, as ``(question, hidden)``:
    ``hidden`` is ``True``/``False`` as written, or ``None`` when the call does not say.
    Raises ``NotReplayable`` for any other statement (a docstring and comments are fine)."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except SyntaxError as error:
        raise NotReplayable(f"the test cell does not parse: {error}") from None
    calls = []
    for number, statement in enumerate(tree.body):
        if (
            number == 0
            and isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
        ):
            continue  # the docstring: "Check that ..."
        calls.append(_check_call(statement))
    if not calls:
        raise NotReplayable("the test cell calls no check")
    return calls


def _check_call(statement):
    line = getattr(statement, "lineno", "?")
    call = statement.value if isinstance(statement, ast.Expr) else None
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == CHECKS_NAME
        and len(call.args) == 1
        and all(keyword.arg == "hidden" for keyword in call.keywords)
        and len(call.keywords) <= 1
    ):
        raise NotReplayable(
            f"line {line} of the test cell is not a call check.<question>(<answer>[, hidden=...])"
        )
    if not call.keywords:
        return call.func.attr, None
    flag = call.keywords[0].value
    if not (isinstance(flag, ast.Constant) and isinstance(flag.value, bool)):
        raise NotReplayable(f"line {line}: hidden must be True or False")
    return call.func.attr, flag.value


def is_transcript(output):
    return TRANSCRIPT_MIME in output.get("data", {})


def stdout(lines):
    """The pass messages, one a line, as a cell's printed output."""
    return nbformat.v4.new_output(
        "stream", name="stdout", text="".join(f"{line}\n" for line in lines)
    )


def kernel_error(outputs):
    """The last error the kernel showed in a cell, as ``name: message`` without colours."""
    errors = [o for o in outputs if o.get("output_type") == "error"]
    if not errors:
        return None
    text = f"{errors[-1].get('ename', '')}: {errors[-1].get('evalue', '')}"
    return _ANSI.sub("", text).strip()[:500]


def verdict(source, module, learner, transcripts, points, notebook=None, hidden_key=None):
    """The outputs that decide a test cell: see the module's docstring. ``transcripts`` are
    the ones the kernel displayed in the cell, in order; ``points`` the cell's worth;
    ``notebook`` a dict kept for the whole notebook (``calls.replay``). Raises
    ``NotReplayable`` for a cell that is not made of check calls, ``UnknownQuestion`` for a
    check the course does not have, and ``TranscriptMismatch`` when the transcripts are not
    the checks'. ``hidden_key`` is the submission's grading key (``autograder.secret``),
    which the grading kernel was given: hidden cases are drawn with it (``None``: the
    public self-check cases)."""
    with hidden_cases_as(hidden_key):
        return _verdict(source, module, learner, transcripts, points, notebook)


def _verdict(source, module, learner, transcripts, points, notebook):
    calls = check_calls(source)
    printed, value = [], None
    for number, (question, hidden) in enumerate(calls):
        if number >= len(transcripts):
            raise TranscriptMismatch(f"no transcript of check.{question} was shown")
        try:
            found = replay(module, question, transcripts[number], learner, hidden, notebook)
        except (TranscriptMismatch, UnknownQuestion):
            raise
        except (
            Exception
        ) as error:  # the check failed on what the learner's code gave, as in the kernel
            return [
                *([stdout(printed)] if printed else []),
                error_output(type(error).__name__, str(error)),
            ]
        printed += found.printed
        if found.failure is not None:
            hint = found.failure
            outputs = [stdout(printed)] if printed else []
            shown = error_output(NotYet.__name__, str(hint))
            shown.traceback = hint._render_traceback_()  # red "Not yet:", as in the kernel
            return [*outputs, shown]
        value = found.value  # as in IPython, only the last statement's value is shown
    if len(transcripts) > len(calls):
        raise TranscriptMismatch(
            f"{len(transcripts)} transcripts were shown for {len(calls)} check(s)"
        )
    outputs = [stdout(printed)] if printed else []
    if isinstance(value, Credit):
        if not 0 <= value.earned <= points:
            raise NotReplayable(
                f"the check gives {value.earned:g} points, but the cell is worth {points:g}"
            )
        bundle = value._repr_mimebundle_()
        outputs.append(nbformat.v4.new_output("execute_result", data=bundle, execution_count=None))
    return outputs


class JudgeOutsideKernel(NbGraderPreprocessor):
    """Decide every test cell in the grader's process (see the module's docstring)."""

    def preprocess(self, nb, resources):
        module = resources["nbgrader"]["assignment"]
        learner = resources["nbgrader"]["student"]
        slow = resources.get("leverage", {}).get("timed_out", {})
        hidden_key = resources.get("leverage", {}).get("hidden_key")
        notebook = {}
        for index, cell in enumerate(nb.cells):
            if not is_test_cell(cell):
                continue
            meta = cell.metadata["nbgrader"]
            kept = [o for o in cell.get("outputs", []) if not is_transcript(o)]
            transcripts = [
                o["data"][TRANSCRIPT_MIME] for o in cell.get("outputs", []) if is_transcript(o)
            ]
            record = cell.metadata.setdefault("leverage", {})
            record["kernel_outputs"] = kept
            record.pop("judge", None)
            if index in slow:
                cell.outputs = [timed_out(slow[index])]
                continue
            try:
                cell.outputs = verdict(
                    cell.source,
                    module,
                    learner,
                    transcripts,
                    float(meta.get("points", 0)),
                    notebook,
                    hidden_key,
                )
            except (NotReplayable, UnknownQuestion) as error:
                record["judge"] = f"not graded: {error}"
                cell.outputs = [
                    error_output("NotGraded", f"{error}; your instructor grades it by hand")
                ]
                self.log.error("%s: test cell %s: %s", learner, meta.get("grade_id"), error)
            except TranscriptMismatch as error:
                stopped = kernel_error(kept)
                reason = (
                    f"the check could not run: {stopped}"
                    if stopped and not transcripts
                    else f"{DID_NOT_RUN} ({error})"
                )
                record["judge"] = reason
                cell.outputs = [error_output("CheckDidNotRun", reason)]
                self.log.warning("%s: test cell %s: %s", learner, meta.get("grade_id"), reason)
        return nb, resources
