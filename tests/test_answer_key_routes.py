"""No public name of a module's course code reaches one of its answer keys.

A check calls an answer key (``course.checks.calls.answer_key``) to know a question's right
answer; the class report (``autograder.integrity``) names any learner's cell that calls a
key or reaches a private name. A public function that calls a key inside would be a route
to a graded answer that the report never names: fresh reviews found such routes in module
03 (hidden learners' kinds, each a question's answer) and then, walking every module, in
all six (hidden cases built from the answers, catalogues of known mistakes). So every
public function reachable from a module's checks, scenarios, models, widgets and engine,
and from each drawn scenario, is called on drawn learners' scenarios with the keys
refusing to answer (with no argument, with the scenario, with each item of its lists, with
each parameter filled by the scenario's field of that name, and with the argument shapes a
module's functions take, ``SHAPES``); none may reach one unless it is a key, a check, or
listed in ``SHOWS_NO_ANSWER`` with the reason what it returns is no graded answer."""

import functools
import importlib
import inspect
import types
from collections.abc import Mapping

import pytest

import course
import course.scenarios.information
from autograder.integrity import course_internals
from course.checks.calls import QUESTIONS, AnswerKeyCalled, _learner_running

#: For each module, the course code a learner's kernel can reach by its public names.
CODE = {
    "00_leverage": ("checks.leverage", "scenarios.leverage", "models.audit", "widgets.audit"),
    "01_information": (
        "checks.information",
        "scenarios.information",
        "models.information",
        "widgets.information",
    ),
    "02_batna": ("checks.batna", "scenarios.batna", "models.batna", "widgets.batna"),
    "03_power": ("checks.power", "scenarios.power", "models.power", "widgets.power"),
    "04_concessions": (
        "checks.concessions",
        "scenarios.concessions",
        "models.concessions",
        "widgets.concessions",
        "widgets.practice",
        "engine.practice",
    ),
    "05_capstone": (
        "checks.capstone",
        "scenarios.capstone",
        "models.capstone",
        "widgets.capstone",
        "engine.capstone",
        "engine.debrief",
        "engine.bots",
    ),
}

#: Public functions that call an answer key but return no graded answer, each with why.
SHOWS_NO_ANSWER = {
    "holds_case": "the sale question 5b's check asks about (review 103 X3): the learner's own, "
    "or another learner's drawn like any variant; a sale, no graded answer",
    "problems": "the rules a drawn variant must keep: the generator redraws any variant that "
    "breaks one, so on a learner's scenario it returns an empty list",
    "rejection_counts": "how many draws broke each rule of ``problems`` (the benchmark's count)",
    "rival_caps": "the caps question 5's news may name, from which the generator draws the "
    "one the learner is shown",
    "given_reading": "the reading question 5's check itself passes to the learner's function, "
    "drawn from a hash of the learner id, never from question 3's answer",
    "shorter_budget": "question 3b's days, which the learner is shown as ``short_budget``",
    "draft_of": "the colleague's draft question 7 hands the learner",
    "wide_draft_of": "the second colleague's draft question 7 hands the learner",
    "next_year": "the gains next year after each ending, which the notebook shows and "
    "question 8 takes as its input",
    "variant": "the learner's scenario (drawing one runs the draw rules)",
    "firms_case": "module 01's question 7 fixed worked case, a scenario",
    "scaled_case": "module 01's question 7 second fixed worked case, a scenario",
    "ratio_case": "module 01's question 7 third fixed worked case, a scenario",
    "staged_cases": "the fixed worked cases of module 01's `staged-opening`, scenarios",
    "practice_case": "the practice case of module 01's questions 3, 6 and 9, a scenario",
    "table_log": "question 8's log of Marlow's replies, which the learner is shown as the "
    "question's input: frontier offers each worth more or less to Tallis than its reservation "
    "price, never that price (question 1's answer) nor the moves",
    "offers_below": "the offers question 8's logs are made of: frontier packages worth less "
    "than the reservation price to Tallis, never that price",
    "final_above": "the final offer of a question 8 log: a package worth more than the "
    "reservation price to Tallis, never that price",
}


def _information_shapes(sale):
    """Module 01's argument shapes: a sale with its beliefs after the opening (the reader's
    ``after``), the reading question 5's check passes, a cost, an accuracy, a cap. A fresh
    review found ``combined(sale, after, reading)`` printing question 5's capped price."""
    running = _learner_running.set(False)
    try:
        scenarios = course.scenarios.information
        after = scenarios.posterior_after_opening(sale)
        reading = scenarios.given_reading(sale)
    finally:
        _learner_running.reset(running)
    return [
        (sale, after),
        (sale, after, reading),
        (sale, after, reading, sale.cost),
        (after, sale.cost),
        (after, sale.cost, sale.report_accuracy),
        (after, sale.rival_cap),
        (after, reading),
    ]


#: For a module whose functions take more than a scenario: its argument shapes.
SHAPES = {"01_information": _information_shapes}


def _public_callables(root, depth=5, seen=None):
    """Every function reachable from ``root`` by public names: its public attributes (a
    module's, a class's, an object's, its type's), the items of its tuples, lists and
    dicts, ``depth`` steps down; classes, modules and objects outside ``course`` are not
    entered."""
    seen = set() if seen is None else seen
    if id(root) in seen or depth < 0:
        return
    seen.add(id(root))
    if isinstance(root, (types.FunctionType, types.MethodType, functools._lru_cache_wrapper)):
        # a cached function too: its cache does not stop a learner's first call from
        # reaching what it calls (module 02's example finders hid there)
        if isinstance(root, functools._lru_cache_wrapper):
            root.cache_clear()
        yield root
        return
    if isinstance(root, (tuple, list)):
        children = list(root)
    elif isinstance(root, Mapping):
        children = list(root.values())
    elif isinstance(root, types.ModuleType) or (
        (getattr(root, "__module__", None) or "").startswith("course.")
        or (getattr(type(root), "__module__", None) or "").startswith("course.")
    ):
        owners = [root] if inspect.isclass(root) or inspect.ismodule(root) else [root, type(root)]
        children = [
            value
            for owner in owners
            for name, value in vars(owner).items()
            if not name.startswith("_") and not (inspect.ismodule(root) and inspect.ismodule(value))
        ]
        if not inspect.isclass(root) and not inspect.ismodule(root):
            children += [
                getattr(root, name)
                for name, value in vars(type(root)).items()
                if not name.startswith("_") and callable(value)
            ]
    else:
        return
    for child in children:
        yield from _public_callables(child, depth - 1, seen)


def _by_name(function, s):
    """Arguments for ``function``'s parameters without defaults: the field of scenario
    ``s`` of the parameter's name, else ``s`` itself; None when it has no signature."""
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return None
    return tuple(
        getattr(s, p.name, s)
        for p in parameters
        if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    )


def _items(s):
    """The items of every public list or tuple of scenario ``s`` (its rig versions,
    tactics, facts, ...): arguments a function of the module may take."""
    fields = vars(s) if hasattr(s, "__dict__") else {}
    return [
        item
        for name, value in fields.items()
        if not name.startswith("_") and isinstance(value, (list, tuple))
        for item in value
    ]


@pytest.mark.parametrize("module", sorted(CODE))
def test_no_public_name_of_the_modules_code_reaches_an_answer_key(module, learner):
    roots = {name: importlib.import_module(f"course.{name}") for name in CODE[module]}
    checks = set(QUESTIONS.values())
    internals = course_internals()
    reached = {}
    for number in range(12):
        s = course.variant(module, f"walker-{number}")
        pool = [(), (s,), (s, {}), *((item,) for item in _items(s))]
        pool += SHAPES[module](s) if module in SHAPES else []
        for where, root in {**roots, "s": s}.items():
            for function in _public_callables(root):
                name = getattr(function, "__name__", repr(function))
                if getattr(function, "answer_key", False) or function in checks:
                    continue
                if name in internals or name in SHOWS_NO_ANSWER:
                    continue
                for arguments in [*pool, _by_name(function, s)]:
                    if arguments is None:
                        continue
                    token = _learner_running.set(True)
                    try:
                        function(*arguments)
                    except AnswerKeyCalled as called:
                        reached.setdefault(f"{where}: {function.__qualname__}", str(called))
                    except Exception:  # a wrong argument is no route
                        pass
                    finally:
                        _learner_running.reset(token)
    assert not reached, f"public routes to an answer key (route: key reached): {reached}"
