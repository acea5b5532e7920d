"""What a learner's code reaches into: the names of the course's own working that a graded
answer has no business naming, found in the cells the learner wrote, for the class report.

The checks run in the learner's kernel, so the course's answer keys and the data behind
them are importable there. A key refuses to answer while a check runs a learner's function
(``course.checks.calls.answer_key``), and the data that holds an answer is private; but a
learner can still reach past both (read a private table at the top of a cell, take a key's
closure apart). Grading cannot stop every such route; it can show the instructor where one
was taken. A cell is named when its code:

1. imports from the ``course`` package a private name, an answer key, one of grading's
   switches (``course_at_work``, ``hidden_cases_as``, ...), or everything (``*``);
2. reads an attribute of that kind (``check.reference.my_price``, ``fact._source``), or one
   that takes a function apart (``__closure__``, ``__globals__``, ...);
3. runs a check with ``hidden=`` (the hidden part runs on its own at grading; run by hand
   in a learner's kernel, it can be used to probe);
4. changes what a name of the course means: assigns to, or deletes, an attribute of
   something imported from ``course`` anywhere in the notebook (``check.PRACTICE_LEARNERS =
   ...``, ``setattr(course.variants, ...)``): a check or a practice case made to judge what
   it should not;
5. spells such a private name, or a function's insides, as a string (``getattr(x, "_source")``),
   or hides code that does 1 to 4 in a string (``exec``, ``eval``, a magic such as ``%time``).

A learner's own names are theirs: defining ``my_price`` or calling a helper of their own is
never named, whatever the course calls its key. Whether what was named was a way round the
guard is for the instructor to judge: the report says what the name is, not that it cheats.
"""

import ast
import functools
from pathlib import Path

import course

#: The decorators that make a function one of the course's answer keys.
ANSWER_KEY_DECORATORS = frozenset({"answer_key", "own_case_key"})

#: Attributes that take a function apart: its closure, globals, code or wrapped original.
FUNCTION_INSIDES = frozenset(
    {"__closure__", "__globals__", "__code__", "__wrapped__", "cell_contents", "__builtins__"}
)

#: What turns grading's own behaviour on in a kernel: lifting the answer-key guard, a grading
#: key for the hidden cases, or nbgrader's own variable (under which a hidden check judges
#: the learner's own items).
GRADING_SWITCHES = frozenset(
    {
        "course_at_work",
        "hidden_cases_as",
        "learner_as",
        "HIDDEN_CASES_VARIABLE",
        "LEVERAGE_HIDDEN_CASES",
        "NBGRADER_EXECUTION",
    }
)

#: What each kind of name is, as the report says it.
KINDS = {
    "answer key": "an answer key",
    "private": "private to the course",
    "guard": "switches on what only grading may",
    "insides": "takes a function apart",
    "everything": "everything in a course module",
    "hidden": "runs a hidden check by hand",
    "rebinds": "changes a name of the course",
}


def _decorator_name(node):
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Attribute):
        return target.attr
    return target.id if isinstance(target, ast.Name) else None


def _is_private(name):
    return len(name) > 2 and name.startswith("_") and not name.endswith("__")


def _defined_names(node):
    """The names ``node`` defines: a function's, a class's, or an assignment target's."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        yield node.id
    elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
        yield node.attr


@functools.cache
def course_internals():
    """{name: kind} for the names of the course's own working, read from the ``course``
    package's source (nothing is imported): its answer keys (functions and methods
    decorated ``@answer_key`` or ``@own_case_key``, or marked ``f.answer_key = True``),
    ``course_at_work``, and every private name it defines (a module's, a class's, a record's
    field or an object's attribute). Kinds are keys of ``KINDS``."""
    names = {name: "guard" for name in GRADING_SWITCHES}
    for path in sorted(Path(course.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                _decorator_name(d) in ANSWER_KEY_DECORATORS for d in node.decorator_list
            ):
                names[node.name] = "answer key"
            if _marks_an_answer_key(node):
                names[node.targets[0].value.id] = "answer key"
            for name in _defined_names(node):
                if _is_private(name):
                    names.setdefault(name, "private")
    return names


def _marks_an_answer_key(node):
    """Whether ``node`` is ``name.answer_key = True``: a function that is an answer key for
    some of its inputs only marks itself so (``course.models.information.offer_likelihoods``)."""
    return (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Attribute)
        and node.targets[0].attr == "answer_key"
        and isinstance(node.targets[0].value, ast.Name)
        and isinstance(node.value, ast.Constant)
        and node.value.value is True
    )


def _learners_code(cell):
    """Whether ``cell`` holds code the learner wrote: an answer cell, or a cell of their own
    (no nbgrader role)."""
    if cell.cell_type != "code":
        return False
    meta = cell.metadata.get("nbgrader")
    if not isinstance(meta, dict):
        return True
    return bool(meta.get("solution")) or not (
        meta.get("grade") or meta.get("locked") or meta.get("task")
    )


@functools.lru_cache(maxsize=512)
def _parsed(source):
    """The cell's code as IPython runs it, parsed; None when it does not parse. Cached: a
    learner's cell is read once for the notebook's course aliases and once for its names
    (the trees are only read, never changed)."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        return ast.parse(TransformerManager().transform_cell(source))
    except (SyntaxError, ValueError):
        return None


def _own_object(node):
    """Whether ``node`` is ``self`` or ``cls``: the attributes of a learner's own class are
    theirs, whatever the course calls its own."""
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def course_aliases(source):
    """The names ``source`` binds to something of the ``course`` package: ``course`` itself
    (``import course.checks``), an alias (``import course.checks.batna as check``) or a name
    imported from it (``from course.checks import batna as check``)."""
    tree = _parsed(source)
    names = set()
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Import):
            names.update(alias.asname or "course" for alias in node.names if _of_course(alias.name))
        elif isinstance(node, ast.ImportFrom) and not node.level and _of_course(node.module):
            names.update(alias.asname or alias.name for alias in node.names)
    names.discard("*")
    return names


def _of_course(module):
    """Whether ``module`` (a dotted name, or None) is the ``course`` package or in it."""
    return module == "course" or (module or "").startswith("course.")


def _root_name(node):
    """The name an attribute chain starts from (``check`` of ``check.reference.x``)."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _rebound(node, aliases):
    """The course attribute that ``node`` assigns to or deletes (as text), or None."""
    targets = []
    if isinstance(node, (ast.Assign, ast.Delete)):
        targets = node.targets
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        targets = [node.target]
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("setattr", "delattr")
        and node.args
        and _root_name(node.args[0]) in aliases
    ):
        return f"{node.func.id}({ast.unparse(node.args[0])}, ...)"
    for target in targets:
        for part in ast.walk(target):
            if isinstance(part, ast.Attribute) and _root_name(part) in aliases:
                return ast.unparse(part)
    return None


def named_in(source, depth=2, aliases=None):
    """{name: kind} for the names of the course's working that ``source`` (a cell's code)
    reaches into, by the rules of the module docstring; empty when it does not parse. A
    string that is code itself (given to ``exec``, ``eval`` or a magic such as ``%time``)
    is read too, ``depth`` levels down. ``aliases``: the names bound to the course in the
    notebook (``course_aliases``), by default those ``source`` binds itself."""
    tree = _parsed(source)
    if tree is None:
        return {}
    internals = course_internals()
    aliases = course_aliases(source) if aliases is None else aliases
    found = {}
    for node in ast.walk(tree):
        rebound = _rebound(node, aliases)
        if rebound:
            found[rebound] = "rebinds"
        if isinstance(node, ast.ImportFrom) and not node.level and _of_course(node.module):
            for alias in node.names:
                if alias.name == "*":
                    found[f"{node.module}.*"] = "everything"
                elif alias.name in internals:
                    found[alias.name] = internals[alias.name]
        elif isinstance(node, ast.Attribute):
            if node.attr in FUNCTION_INSIDES:
                found[node.attr] = "insides"
            elif node.attr in internals and not _own_object(node.value):
                found[node.attr] = internals[node.attr]
        elif isinstance(node, ast.Call) and any(
            k.arg == "hidden" and not (isinstance(k.value, ast.Constant) and not k.value.value)
            for k in node.keywords
        ):
            found[f"{ast.unparse(node.func)}(..., hidden=...)"] = "hidden"
        elif isinstance(node, ast.keyword) and node.arg in GRADING_SWITCHES:
            found[node.arg] = "guard"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in FUNCTION_INSIDES:
                found[node.value] = "insides"
            elif internals.get(node.value) in ("private", "guard"):
                found[node.value] = internals[node.value]
            elif depth and node.value.strip():
                found.update(named_in(node.value, depth - 1, aliases))
    return found


def reaches_in(nb):
    """[(where, {name: kind})] for each cell of ``nb`` the learner wrote that reaches into
    the course's working, in notebook order; ``where`` is the answer cell's grade_id, or
    "cell N" (1-based) for a cell of the learner's own."""
    found = []
    aliases = set().union(
        *(course_aliases(cell.source) for cell in nb.cells if cell.cell_type == "code")
    )
    for index, cell in enumerate(nb.cells):
        if not _learners_code(cell):
            continue
        names = named_in(cell.source, aliases=aliases)
        if names:
            grade_id = (cell.metadata.get("nbgrader") or {}).get("grade_id")
            found.append((grade_id or f"cell {index + 1}", names))
    return found


def described(names):
    """``names`` ({name: kind}) in words, for the report: "fact_key (an answer key), ..."."""
    return ", ".join(f"{name} ({KINDS[kind]})" for name, kind in sorted(names.items()))
