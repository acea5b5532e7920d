"""Run every module's checks as a learner's kernel runs them, in a process of its own (with
its own hash seed), on the course's answers and on wrong ones; print, as JSON, each check's
transcript and what the learner saw (tests/test_judge.py replays them in the grader's way).

Run: LEVERAGE_LEARNER=ada python -m tests.kernel_checks [MODULE ...]
"""

import ast
import contextlib
import io
import json
import sys

from course.checks import CHECKS, checks_of
from course.checks.calls import collected
from course.checks.credit import Credit
from course.checks.hints import NotYet
from tests.conftest import ROOT
from tests.notebooks import solution_namespace, source_notebook


def notebook_of(module):
    """The name of ``module``'s notebook (its jupytext source's stem)."""
    (source,) = (ROOT / "source" / module).glob("*.py")
    return source.stem


def questions_of(module):
    """``(question, answer's name)`` for each check call of the module's test cells, once."""
    found = {}
    for cell in source_notebook(module, notebook_of(module)).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                found.setdefault(node.func.attr, node.args[0].id)
    return list(found.items())


def perturbed(value):
    """``value`` with every number a tenth larger: a wrong answer of the right shape."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return value * 1.1
    if isinstance(value, tuple | list | set | frozenset):
        return type(value)(perturbed(item) for item in value)
    if isinstance(value, dict):
        return {key: perturbed(item) for key, item in value.items()}
    return value


def answers(reference):
    """The answers tried for a question whose course answer is ``reference``."""
    return {
        "course": reference,
        "nothing": lambda *arguments: None,
        "crash": lambda *arguments: 1 / 0,
        "perturbed": lambda *arguments: perturbed(reference(*arguments)),
    }


def credit_of(value):
    """A test cell's credit check by check, as plain data: ``[check, points, earned,
    passed, message]`` each (a check of no points is feedback, and can fail on its own);
    None for a value that is no credit."""
    if not isinstance(value, Credit):
        return None
    return [[o.check, o.points, o.earned, o.passed, o.message] for o in value.outcomes]


def seen(printed, value, failure):
    """What the learner sees of a check: its pass messages, its hint, or its credit."""
    return {"printed": printed, "failure": failure, "credit": credit_of(value)}


def run(check, answer, hidden):
    """Run one check as a test cell does; its transcript and what it showed."""
    printed = io.StringIO()
    options = {} if hidden is None else {"hidden": hidden}
    with collected() as transcripts, contextlib.redirect_stdout(printed):
        try:
            value, failure = check(answer, **options), None
        except NotYet as hint:
            value, failure = None, str(hint)
    lines = [line for line in printed.getvalue().splitlines() if line]
    return {"transcripts": transcripts, "seen": seen(lines, value, failure)}


def main(modules):
    runs = []
    for module in modules:
        with contextlib.redirect_stdout(io.StringIO()):  # what the notebook's cells print
            namespace = solution_namespace(module, notebook_of(module))
        checks = checks_of(module)
        for kind in answers(len):
            for question, name in questions_of(module):
                check = getattr(checks, question)
                takes_hidden = "hidden" in check.__wrapped__.__code__.co_varnames
                for hidden in (False, True) if takes_hidden else (None,):
                    answer = answers(namespace[name])[kind]
                    runs.append(
                        {"module": module, "question": question, "kind": kind, "hidden": hidden}
                        | run(check, answer, hidden)
                    )
    json.dump(runs, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:] or list(CHECKS))
