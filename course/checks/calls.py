"""Every call a check makes to a learner's function, recorded in the kernel and replayed by
the grader: how a grade comes to depend on nothing the learner's code can change.

In the learner's kernel, ``call_learner`` (``course.checks.hints``) runs the learner's
function on deep copies of the check's arguments and keeps its outcome as plain data
(``course.checks.plaindata``): the value returned, the exception's type and message, "not
written yet" (``NotImplementedError``), "not a function", or "too large to check". The check
then goes on with the *decoded* outcome, never with the object the learner returned. When
the check is over, its **transcript** (the module, the question, ``hidden``, and each call
with a digest of its arguments and its outcome) is displayed as an output of its own MIME
type, ``TRANSCRIPT_MIME``, whether the check passed or not.

The grader (``autograder.judge``) reads the transcripts out of a test cell's outputs and
``replay``s each check in its own process, with the course's own code, on the submitter's
scenario: each time the check calls the learner's function it is given the next recorded
outcome instead, once the digest shows that the check asked with the same arguments. So
what the learner sees in JupyterLab is what the grader computes, and whatever the
learner's code rebinds in the kernel (builtins, ``math``, numpy, ``course`` itself,
``sys.modules``) the grade is computed where that code never runs.

How a failed check reports (``question`` wraps every question's check, see
``course.checks``): in a notebook opened by a learner it shows the hint, in red, and
returns, so "Run All" goes on; under nbgrader (``NBGRADER_EXECUTION`` set, as in
``nbgrader validate`` and ``autograde``), in plain Python and when replayed it raises
``NotYet``. A failure in a hidden check (``hidden=True``) never names the case it failed
on: it says that the function does not pass every case grading tries (hidden cases run on
the learner's own scenario too), whether it passes the visible ones when the visible check
of the question ran before it, and the mistake in general words when the check gives them
(``NotYet(..., general=...)``).
"""

import copy
import dataclasses
import functools
import html
import os
import sys
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType

from course.checks import plaindata
from course.checks.hints import NotYet

#: MIME type of a check's transcript in the outputs of a test cell.
TRANSCRIPT_MIME = "application/vnd.leverage.transcript+json"

#: The version of the transcript's layout; the grader refuses any other.
VERSION = 1

#: The most calls one check may make (the longest check makes about two hundred).
MAX_CALLS = 5000

#: The kinds of outcome a call can have, each the key of its recorded data.
OUTCOMES = ("returned", "raised", "not_written", "not_callable", "too_large", "answer_key")

#: True while a check runs a learner's function: an ``answer_key`` refuses to answer then.
_learner_running = ContextVar("learner_running", default=False)

#: True while the course's own working runs (``course_at_work``): an ``own_case_key``
#: answers it in a notebook too (drawing a scenario reads the labels of its items).
_course_working = ContextVar("course_working", default=False)


class AnswerKeyCalled(Exception):
    """A learner's function called one of the course's answer keys while a check ran it."""


def answer_key(function):
    """Mark ``function`` (a function or a method) as one of the course's answer keys: what
    a check calls to know a question's right answer on a case. Anywhere else it works as
    before (a learner may call it in a cell of their own to explore), but while a check
    runs a learner's function, a call to it stops that function with ``AnswerKeyCalled``,
    and the check says that the question asks for the learner's own working: a graded
    answer may not be a call into the answer key (the answer would be right on every case
    grading tries, and the learner would have decided nothing). The guard lives in the
    learner's kernel, so a learner who rewrites the course's code there can get round it;
    that rewriting is in their answer cell, for the instructor to see."""

    @functools.wraps(function)
    def guarded(*args, **kwargs):
        if _learner_running.get():
            raise AnswerKeyCalled(function.__qualname__)
        return function(*args, **kwargs)

    del guarded.__wrapped__  # not a way round the guard
    guarded.answer_key = True
    return guarded


class MarkedAtGrading(Exception):
    """A cell of a notebook asked for labels of the learner's own case that only grading
    judges (``own_case_key``)."""


def own_case_key(function):
    """Mark ``function`` as an answer key that holds the right labels of items judged on the
    learner's own case only at grading (``credit.Check(own_case=True)``: a fact's source, a
    statement's kind). It refuses as ``answer_key`` does while a check runs a learner's
    function; besides, in a notebook kernel it answers only to a check that is running (or
    being replayed) and to the course's own working (``course_at_work``), so a cell that
    calls it on the learner's scenario to copy the labels into an answer stops with
    ``MarkedAtGrading``, and says why. Outside a kernel (the grader, tests, an instructor's
    script) it answers as any answer key."""
    guarded = answer_key(function)

    @functools.wraps(guarded)
    def sealed(*args, **kwargs):
        asked_by_a_cell = _current.get() is None and not _course_working.get()
        if asked_by_a_cell and not replaying() and _in_a_notebook_kernel():
            raise MarkedAtGrading(
                f"{function.__name__} holds the labels that grading marks on your own case, "
                "so in a notebook it answers only to the course's checks; the practice "
                "case's check shows what each label means"
            )
        return guarded(*args, **kwargs)

    del sealed.__wrapped__  # not a way round the seal
    sealed.answer_key = True
    return sealed


def course_at_work(function):
    """Let ``function``, part of the course's own working (drawing a scenario, choosing an
    ask), call the answer keys even while a check runs a learner's function: a learner's
    function may read a scenario's field that is drawn on first use, and that is no answer.

    Raises ``TypeError`` for a function defined outside the ``course`` package (a learner's)
    and for an answer key: neither is the course's own working, and lifting the guard for
    them would hand a learner's function the answer."""
    if getattr(function, "answer_key", False):
        raise TypeError(f"{function.__qualname__} is an answer key, not the course at work")
    module = getattr(function, "__module__", None) or ""
    if module != "course" and not module.startswith("course."):
        raise TypeError(f"course_at_work is for the course's own functions, not {module}'s")

    @functools.wraps(function)
    def working(*args, **kwargs):
        running = _learner_running.set(False)
        working_now = _course_working.set(True)
        try:
            return function(*args, **kwargs)
        finally:
            _course_working.reset(working_now)
            _learner_running.reset(running)

    return working


class TranscriptMismatch(Exception):
    """A transcript that cannot be what the check records: missing, damaged, recorded by
    another check or on other inputs. The message says which, in plain words."""


class UnknownQuestion(LookupError):
    """The course has no recorded check of that name for that module (a module that is not
    in ``course.checks.CHECKS``, or a question's check without ``@question``)."""


@dataclass
class Invocation:
    """One run of a question's check: what it is, and the calls it made so far."""

    module: str
    question: str
    hidden: bool
    calls: list = field(default_factory=list)
    #: frozen arguments already encoded, by id (the object is kept, so its id stays its own)
    encoded: dict = field(default_factory=dict)

    def transcript(self):
        """The invocation as plain data, as the grader reads it."""
        return {
            "version": VERSION,
            "module": self.module,
            "question": self.question,
            "hidden": self.hidden,
            "calls": self.calls,
        }


@dataclass
class Verdict:
    """What a replayed check decided: the pass messages it printed, the value it returned
    (``None``, or a ``Credit``), and the hint of its failure, if it failed."""

    printed: list
    value: object
    failure: NotYet | None


class _Replay:
    """The recorded calls of one transcript, handed out in order."""

    def __init__(self, calls):
        self.calls, self.used, self.printed = calls, 0, []

    def take(self, arguments):
        if self.used >= len(self.calls):
            raise TranscriptMismatch(
                f"the check calls your function more than the {len(self.calls)} time(s) "
                "the kernel recorded"
            )
        call = self.calls[self.used]
        self.used += 1
        if call["args"] != arguments:
            raise TranscriptMismatch(
                f"call {self.used} was recorded with other inputs than the check gives"
            )
        return call


_current = ContextVar("leverage_check", default=None)
_replaying = ContextVar("leverage_replay", default=None)
_collected = ContextVar("leverage_transcripts", default=None)
_own_failures = ContextVar("leverage_own_failures", default=None)

#: In a kernel, the parts each question failed in its latest visible check (see
#: ``parts_shown``), by (module, question); the grader keeps a table per notebook.
_own_failures_in_kernel = {}


# --- what every check does through call_learner ---------------------------------------


def call(function, arguments, name=None):
    """Call the learner's ``function`` on ``arguments`` (a tuple), or take the call's
    recorded outcome when replaying; return the outcome's decoded value, or raise the
    ``NotYet`` hint that says what went wrong (see ``hints.call_learner``)."""
    replay = _replaying.get()
    asked = _digest(arguments)
    if replay is not None:
        recorded = replay.take(asked)
    else:
        recorded = {"name": _name(function, name), "args": asked, **_run(function, arguments)}
        invocation = _current.get()
        if invocation is not None:
            invocation.calls.append(recorded)
    return _settle(recorded, arguments)


def _digest(arguments):
    """The digest of a call's ``arguments``: ``digest(encode(arguments))``, with each frozen
    dataclass (a scenario, passed to every call of a check) encoded once per check."""
    invocation = _current.get()
    known = invocation.encoded if invocation is not None else {}
    parts = []
    for argument in arguments:
        instance = dataclasses.is_dataclass(argument) and not isinstance(argument, type)
        if not (instance and argument.__dataclass_params__.frozen):
            parts.append(plaindata.encode(argument))
            continue
        kept = known.get(id(argument))
        if kept is None or kept[0] is not argument:
            kept = known[id(argument)] = (argument, plaindata.encode(argument))
        parts.append(kept[1])
    return plaindata.digest(["tuple", parts])


def _name(function, name):
    if name is not None:
        return name
    try:
        found = getattr(function, "__name__", None)
    except Exception:  # a learner's object may fail even at that
        found = None
    return found if isinstance(found, str) else "your function"


def _run(function, arguments):
    """Run the learner's function in this kernel; its outcome as plain data."""
    if not callable(function):
        try:
            return {"not_callable": plaindata.encode(function)}
        except plaindata.TooLarge:
            return {"not_callable": ["opaque", type(function).__name__, "..."]}
    copies = fresh(arguments)
    running = _learner_running.set(True)
    try:
        value = function(*copies)
    except NotImplementedError:
        return {"not_written": True}
    except AnswerKeyCalled as error:
        return {"answer_key": str(error)[:200]}
    except Exception as error:  # the learner's code, so any error is theirs to see
        try:
            message = str(error)
        except Exception:
            message = ""
        return {"raised": [type(error).__name__, message[:2000]]}
    finally:
        _learner_running.reset(running)
    try:
        return {"returned": plaindata.encode(value)}
    except plaindata.TooLarge:
        return {"too_large": True}


def fresh(value):
    """A deep copy of a check's ``value``, so the learner's code cannot change the check's
    own data; read-only mappings (``MappingProxyType``, which ``copy`` refuses) and frozen
    dataclasses holding them are copied field by field."""
    if isinstance(value, MappingProxyType):
        return MappingProxyType({fresh(k): fresh(v) for k, v in value.items()})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: fresh(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changed)
    if type(value) in (tuple, list, set, frozenset):
        return type(value)(fresh(item) for item in value)
    if type(value) is dict:
        return {fresh(k): fresh(v) for k, v in value.items()}
    try:
        return copy.deepcopy(value)
    except Exception:  # not copyable: the value itself, as before copies were made
        return value


def _settle(recorded, arguments):
    """The decoded value of a recorded call, or the hint its outcome calls for."""
    name = recorded["name"]
    if "returned" in recorded:
        return plaindata.decode(recorded["returned"])
    if "not_written" in recorded:
        raise NotYet(
            f"{name} is not written yet.\n"
            "Replace the line  raise NotImplementedError()  with your code.",
            general="it is not written yet",
        )
    if "not_callable" in recorded:
        got = plaindata.decode(recorded["not_callable"])
        raise NotYet(
            f"{name} should be a function (def {name}(...): ...), got {got!r}",
            general="it should be a function",
        )
    if "too_large" in recorded:
        limit = plaindata.SIZE_LIMIT // 1024
        raise NotYet(
            f"{name} returned a value too large to check (more than {limit} kB as plain "
            "data): return only what the question asks for.",
            general=f"on one of them it returned a value too large to check (over {limit} kB)",
        )
    if "answer_key" in recorded:
        raise NotYet(
            f"{name} calls the course's own answer to this question "
            f"({recorded['answer_key']}), which a check does not take: the question asks "
            "for your own working on the case, so write its steps yourself.",
            general="it calls the course's own answer to the question instead of working it out",
        )
    kind, message = recorded["raised"]
    shown = f"{kind}: {message}" if message else kind
    raise NotYet(
        f"{pasteable_call(name, arguments)} raised {shown}\n"
        "Run that line in a new cell to see where your code stops.",
        general=f"on one of them it raised {kind}: look for inputs your code does not "
        "handle yet (a zero, a tie, an empty list)",
        raised=(kind, message),
    )


def pasteable_call(name, arguments):
    """The call ``name(*arguments)`` as a line a learner can paste into a cell: a scenario
    is written as the ``course.variant(...)`` call that draws it, any other value as its
    ``repr``. E.g. ``startup_tree(course.variant("02_batna"))``."""
    return f"{name}({', '.join(_pasteable(argument) for argument in arguments)})"


def _pasteable(value):
    from course.scenarios.base import Scenario
    from course.variants import learner_id, variant

    if not isinstance(value, Scenario):
        return repr(value)
    try:
        own = value.learner == learner_id()
    except LookupError:
        own = False
    drawn = variant(value.module, value.learner)
    text = (
        f'course.variant("{value.module}")'
        if own
        else (f'course.variant("{value.module}", "{value.learner}")')
    )
    changed = [
        f"{f.name}={getattr(value, f.name)!r}"
        for f in dataclasses.fields(value)
        if getattr(value, f.name) != getattr(drawn, f.name)
    ]
    return f"dataclasses.replace({text}, {', '.join(changed)})" if changed else text


# --- a question's check, as the notebook calls it --------------------------------------


#: Every question's check, as the notebooks call it, by (module, question).
QUESTIONS = {}


def question(check):
    """Decorator for a question's check (a function of a checks module that sets
    ``MODULE``; its name is the question's): the check as the notebooks call it, recorded,
    reporting its hint without stopping "Run All" in a learner's notebook, and never naming
    a hidden case (see the module's docstring)."""
    module = check.__globals__["MODULE"]

    @functools.wraps(check)
    def self_check(answer, *arguments, **options):
        if _current.get() is not None:  # one check calling another: part of the first
            return check(answer, *arguments, **options)
        invocation = Invocation(module, check.__name__, bool(options.get("hidden", False)))
        token = _current.set(invocation)
        failure = None
        try:
            result = check(answer, *arguments, **options)
        except NotYet as hint:
            failure = shown_failure(hint, invocation.hidden)
        finally:
            if not invocation.hidden:  # what a hidden check of this question may say of it
                _own_table()[module, check.__name__, "visible"] = failure is None
            _current.reset(token)
            if _replaying.get() is None:
                _publish(invocation.transcript())
        if failure is None:
            return result
        if _reports_in_place():
            _show_hint(failure)
            return None
        raise failure from None

    QUESTIONS[module, check.__name__] = self_check
    return self_check


def _own_table():
    """What the visible checks found, in this kernel or in the notebook the grader replays."""
    table = _own_failures.get()
    return _own_failures_in_kernel if table is None else table


def _visible_passed():
    """Whether the visible check of the question running now passed (``True``/``False``),
    or ``None`` when it has not run here."""
    invocation = _current.get()
    if invocation is None:
        return None
    return _own_table().get((invocation.module, invocation.question, "visible"))


def shown_failure(hint, hidden=None, visible=None):
    """The hint a learner is shown for ``hint``: itself, or, in a hidden check (by default,
    the check running now), a hint that names no hidden case. It says the visible cases
    pass only when ``visible`` (by default, what the visible check of the question running
    now found) says they did: hidden cases also run on the learner's own scenario."""
    if hidden is None:
        invocation = _current.get()
        hidden = invocation is not None and invocation.hidden
    if not hidden:
        return hint
    if visible is None:
        visible = _visible_passed()
    general = (
        f"What went wrong there: {hint.general}."
        if hint.general
        else "Make sure it works for any numbers, not only for yours."
    )
    said = {
        True: "your function passes the visible cases but not every case grading tries.",
        False: "your function does not pass the visible cases yet (their hint says why), "
        "nor every case grading tries.",
        None: "your function does not pass every case grading tries.",
    }[visible]
    return NotYet(f"{said}\n{general}")


def parts_shown(failures):
    """The message shown for each failed part of the check running now (a question scored
    part by part, ``credit.score``), from ``failures``, part name -> ``NotYet``.

    A visible check shows each hint, and they are remembered as the learner's own. A hidden
    check shows, for a part that also failed on the learner's own cases, the hint it had
    there; for any other part, a hint that names no hidden case."""
    invocation = _current.get()
    if invocation is None:
        return {part: str(hint) for part, hint in failures.items()}
    table = _own_table()
    key = (invocation.module, invocation.question)
    if not invocation.hidden:
        table[key] = {part: str(hint) for part, hint in failures.items()}
        return dict(table[key])
    own = table.get(key)
    return {  # a part not among the visible failures passed there, if the visible check ran
        part: (own or {}).get(part) or str(shown_failure(hint, True, own is not None or None))
        for part, hint in failures.items()
    }


def replaying():
    """Whether the check running now is being replayed by the grader."""
    return _replaying.get() is not None


def note_pass(message):
    """Keep a pass message of a replayed check (``hints.passed`` prints it otherwise)."""
    _replaying.get().printed.append(message)


def say(message):
    """Show ``message`` under the test cell without a tick and without counting the
    question as passed (a visible check that confirms only an answer's form); the grader,
    replaying the check, keeps it as the kernel showed it."""
    if replaying():
        note_pass(message)
    else:
        print(message)


def _reports_in_place():
    """Whether a failed check should show its hint and return rather than raise: only in a
    notebook kernel that is not run by nbgrader."""
    if os.environ.get("NBGRADER_EXECUTION") or replaying():
        return False
    return _in_a_notebook_kernel()


def _in_a_notebook_kernel():
    """Whether this code runs in an IPython kernel (a learner's notebook, or one nbgrader
    runs), not in plain Python."""
    ipython = sys.modules.get("IPython")
    return ipython is not None and ipython.get_ipython() is not None


def _show_hint(failure):
    from IPython.display import display

    lines = str(failure).splitlines() or [""]
    shown = "<br>".join(html.escape(line) for line in lines[1:])
    display(
        {
            "text/plain": "\n".join(failure._render_traceback_()),
            "text/html": (
                "<div class='leverage-not-yet' style='font-family: monospace'>"
                "<span style='color: #b00; font-weight: bold'>Not yet:</span> "
                f"{html.escape(lines[0])}{'<br>' + shown if shown else ''}</div>"
            ),
        },
        raw=True,
    )


def _publish(transcript):
    """Put a finished check's transcript where the grader reads it: the cell's outputs (or
    the list ``collected`` gives, in tests)."""
    collected = _collected.get()
    if collected is not None:
        collected.append(transcript)
        return
    ipython = sys.modules.get("IPython")
    if ipython is None or ipython.get_ipython() is None:
        return  # plain Python: nobody to show it to
    from IPython.display import display

    display({TRANSCRIPT_MIME: transcript, "text/plain": ""}, raw=True)


class collected:
    """``with collected() as transcripts:``: the transcripts of the checks run inside the
    block, in order, kept in a list instead of displayed (for tests)."""

    def __enter__(self):
        self.transcripts = []
        self._token = _collected.set(self.transcripts)
        return self.transcripts

    def __exit__(self, *exc):
        _collected.reset(self._token)


# --- in the grader's process -----------------------------------------------------------


#: What the grader hands a replayed check in place of the learner's function.
NOT_IN_THIS_PROCESS = object()


def replay(module, question_name, transcript, learner, hidden=None, notebook=None):
    """Run the check ``question_name`` of ``module`` here, with the course's own code, on
    ``learner``'s scenario, answering its calls from ``transcript`` (a check's recorded
    transcript, as plain data). ``hidden`` is ``True``/``False`` as the test cell says, or
    ``None`` for a check that takes no ``hidden``; ``notebook`` is a dict the grader keeps
    for one notebook, so that a hidden check knows what the visible one before it found
    (see ``parts_shown``). Returns the ``Verdict``; raises ``UnknownQuestion`` for a check
    the course does not have, ``TranscriptMismatch`` when the transcript cannot be this
    check's on these inputs, and whatever the check itself raises other than ``NotYet`` (as
    it did in the kernel).
    Nothing of the learner's is imported or run: outcomes are decoded from plain data.
    """
    from course.checks import CHECKS, checks_of
    from course.variants import learner_as

    if module in CHECKS:
        checks_of(module)  # its questions register as it is imported
    check = QUESTIONS.get((module, question_name))
    if check is None:
        raise UnknownQuestion(
            f"{module} has no check called {question_name!r} marked @question (course.checks)"
        )
    calls = _validated(transcript, module, question_name, bool(hidden))
    recorded = _Replay(calls)
    options = {} if hidden is None else {"hidden": hidden}
    token = _replaying.set(recorded)
    table = _own_failures.set({} if notebook is None else notebook)
    try:
        with learner_as(learner):
            value, failure = check(NOT_IN_THIS_PROCESS, **options), None
    except NotYet as hint:
        value, failure = None, hint
    except plaindata.Malformed as error:
        raise TranscriptMismatch(f"a recorded value is damaged: {error}") from None
    finally:
        _own_failures.reset(table)
        _replaying.reset(token)
    if recorded.used != len(calls):
        raise TranscriptMismatch(
            f"the kernel recorded {len(calls)} call(s) of your function, the check makes "
            f"{recorded.used}"
        )
    return Verdict(recorded.printed, value, failure)


def _validated(transcript, module, question_name, hidden):
    """The transcript's calls, once its shape shows it can be this check's transcript."""
    if not isinstance(transcript, dict) or transcript.get("version") != VERSION:
        raise TranscriptMismatch("the transcript is not one the course's checks write")
    said = (transcript.get("module"), transcript.get("question"), transcript.get("hidden"))
    if said != (module, question_name, hidden):
        raise TranscriptMismatch(
            f"the transcript is of {said[1]!r} (hidden={said[2]}), not of {question_name!r} "
            f"(hidden={hidden})"
        )
    calls = transcript.get("calls")
    if not isinstance(calls, list) or len(calls) > MAX_CALLS:
        raise TranscriptMismatch("the transcript's calls are missing or too many")
    for number, recorded in enumerate(calls, 1):
        kinds = (
            [kind for kind in OUTCOMES if kind in recorded] if isinstance(recorded, dict) else []
        )
        if (
            len(kinds) != 1
            or set(recorded) != {"name", "args", kinds[0]}
            or not isinstance(recorded["name"], str)
            or not isinstance(recorded["args"], str)
            or len(plaindata.dumps(recorded[kinds[0]])) > plaindata.SIZE_LIMIT + 1024
        ):
            raise TranscriptMismatch(f"call {number} of the transcript is damaged or too large")
        if "answer_key" in recorded and not isinstance(recorded["answer_key"], str):
            raise TranscriptMismatch(f"call {number} of the transcript is damaged")
        raised = recorded.get("raised")
        if raised is not None and not (
            isinstance(raised, list)
            and len(raised) == 2
            and all(isinstance(r, str) for r in raised)
        ):
            raise TranscriptMismatch(f"call {number} of the transcript is damaged")
    return calls
