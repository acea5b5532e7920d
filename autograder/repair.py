"""Repair what editing in JupyterLab does to a notebook's nbgrader cells, before nbgrader's
own checks see it, so that the notebook is graded as the learner ran it.

nbgrader 0.9.6 keys everything on a cell's ``grade_id`` (its nbgrader metadata), and
JupyterLab carries that metadata along when a learner copies, pastes or splits a cell.
Left alone, nbgrader then fails the whole notebook or grades the wrong thing:

- **two cells with one grade_id** (a copied or split cell): ``DeduplicateIds`` empties the
  metadata of all but the last to ``{}``, which ``CheckCellMetadata`` refuses as "an old
  version of the nbgrader metadata", so the learner is not graded at all;
- **a grade_id the assignment does not have** (a cell made graded, or its id retyped):
  ``OverwriteCells`` deletes the id and ``CheckCellMetadata`` refuses the notebook;
- **a deleted graded cell**: ``OverwriteCells.add_missing_cells`` puts it back after the
  cell that precedes it in the source, but raises ``KeyError`` when that cell is gone too
  or is a read-only cell (the reflection after its question's text, a test cell whose
  answer cell was deleted), so again the learner is not graded.

The repairs, each recorded in words in the notebook's metadata (``leverage.repaired``),
which ``leverage grade`` copies into ``intake.csv``, the report and the console:

1. nbgrader metadata with a grade_id the assignment does not have is removed: the cell
   runs as an ordinary cell (``RepairCells``);
2. the nbgrader metadata of every other cell is the instructor's, as in the source
   (grade, answer, read-only, points), whatever the learner's copy says (``RepairCells``);
3. cells sharing one grade_id (``RepairCells``): the last copy keeps it, as nbgrader's own
   ``DeduplicateIds`` decides. Earlier copies of an answer stay where the learner put them
   and run as ordinary cells, so the notebook runs as the learner ran it; halves of an
   answer split inside a statement (neither half runs alone, the two together do) are
   joined back into one cell first; copies of a written answer (markdown) are joined into
   one, so the instructor grades all of it; earlier copies of a read-only or test cell are
   removed (they are the instructor's text, not the learner's work);
4. an answer cell handed in from an earlier release, whose function the course has since
   renamed (``RENAMED_ANSWERS``; the cell keeps its grade_id), gets one line binding the
   current name to the learner's function, so the question's test finds their work
   (``RepairCells``);
5. a deleted graded cell is put back from the source (``RestoreDeletedCells``, nbgrader's
   ``OverwriteCells`` with ``add_missing_cells`` on and the cell placed after the nearest
   cell before it in the source that the notebook still has), with nbgrader's own notice
   at its top: the question is graded, not left waiting for a manual grade.

``repair`` and ``deleted`` are plain functions on a notebook and the source's cells, so
``autograder.intake`` can say what will be repaired (from the release notebook) before
anything runs.
"""

import ast
from dataclasses import dataclass

from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor, OverwriteCells

from course.record import RENAMED

#: The keys of nbgrader's metadata (schema 3) that say what a cell is.
ROLE_KEYS = ("grade", "solution", "locked", "task", "points")

#: The answer cells whose function the course renamed after a release, by grade_id (which
#: stays the same): (the earlier name, the current name), from ``course.record.RENAMED``.
RENAMED_ANSWERS = {renamed.answer_cell: (renamed.earlier, renamed.current) for renamed in RENAMED}


@dataclass(frozen=True)
class SourceCell:
    """One nbgrader cell of the assignment's source: its ``grade_id``, ``cell_type`` and
    the nbgrader metadata (a dict) the instructor gave it."""

    grade_id: str
    cell_type: str
    metadata: dict


def source_cells_of(nb):
    """The ``SourceCell``s of a source or release notebook, in notebook order."""
    return [
        SourceCell(meta["grade_id"], cell.cell_type, dict(meta))
        for cell in nb.cells
        for meta in [cell.metadata.get("nbgrader", {})]
        if meta.get("grade_id") and _is_nbgrader_cell(meta)
    ]


def source_cells_in(gradebook, notebook, assignment):
    """The ``SourceCell``s nbgrader's gradebook holds for ``notebook`` of ``assignment``,
    in the order nbgrader itself uses (its ``source_cells``)."""
    record = gradebook.find_notebook(notebook, assignment)
    points = {cell.name: cell.max_score for cell in record.grade_cells + record.task_cells}
    solutions = {cell.name for cell in record.solution_cells}
    tasks = {cell.name for cell in record.task_cells}
    cells = []
    for cell in record.source_cells:
        meta = {
            "grade": cell.name in points and cell.name not in tasks,
            "grade_id": cell.name,
            "locked": cell.locked,
            "schema_version": 3,
            "solution": cell.name in solutions,
            "task": cell.name in tasks,
        }
        if cell.name in points:
            meta["points"] = points[cell.name]
        cells.append(SourceCell(cell.name, cell.cell_type, meta))
    return cells


def _is_nbgrader_cell(meta):
    return bool(meta.get("grade") or meta.get("solution") or meta.get("locked") or meta.get("task"))


def _grade_id(cell):
    meta = cell.metadata.get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None


def _runs_alone(source):
    """Whether ``source`` compiles as a cell of its own, as IPython would run it."""
    from IPython.core.inputtransformer2 import TransformerManager

    code = TransformerManager().transform_cell(source)
    try:
        compile(code, "<cell>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def repair(nb, source):
    """Repairs 1 to 4 of the module docstring, made in place on ``nb`` against ``source``
    (a list of ``SourceCell``). Returns what was done, one sentence per repair, naming
    cells by their position (1-based) in the notebook as the learner handed it in."""
    known = {cell.grade_id: cell for cell in source}
    notes = []
    positions = {id(cell): index + 1 for index, cell in enumerate(nb.cells)}
    for cell in nb.cells:
        grade_id = _grade_id(cell)
        if "nbgrader" not in cell.metadata:
            continue
        if grade_id not in known:
            meta = cell.metadata.pop("nbgrader")
            if grade_id:
                notes.append(
                    f"cell {positions[id(cell)]} carried grade_id {grade_id!r}, which this "
                    "assignment does not have: it runs as an ordinary cell"
                )
            elif not isinstance(meta, dict) or _is_nbgrader_cell(meta):
                notes.append(
                    f"cell {positions[id(cell)]} had nbgrader settings without a usable "
                    "grade_id: it runs as an ordinary cell"
                )
            continue
        changed = _take_roles(cell.metadata["nbgrader"], known[grade_id].metadata)
        if changed:
            notes.append(
                f"cell {positions[id(cell)]} ({grade_id}) had its nbgrader settings changed "
                f"({', '.join(changed)}): the instructor's settings apply"
            )
    for grade_id in dict.fromkeys(_grade_id(cell) for cell in nb.cells):
        copies = [cell for cell in nb.cells if _grade_id(cell) == grade_id]
        if grade_id and len(copies) > 1:
            notes.append(_keep_one(nb, copies, known[grade_id], positions))
    for cell in nb.cells:
        if _grade_id(cell) in RENAMED_ANSWERS and cell.cell_type == "code":
            notes.extend(_bind_current_name(cell, positions))
    return notes


def _bind_current_name(cell, positions):
    """Repair 4 on one answer cell: bind the current name to the learner's function when
    the cell defines only the earlier one. Returns the notes (none if nothing was added)."""
    earlier, current = RENAMED_ANSWERS[_grade_id(cell)]
    names = _top_level_names(cell.source)
    if earlier not in names or current in names:
        return []
    cell.source = f"{cell.source.rstrip()}\n\n{current} = {earlier}  # added at grading\n"
    where = positions.get(id(cell), "?")
    return [
        f"cell {where} ({_grade_id(cell)}) defines {earlier}, this question's function "
        f"under an earlier release's name: {current} = {earlier} was added so the test "
        "finds it"
    ]


def _top_level_names(source):
    """The names a cell's code binds at its top level (functions, classes, assignments,
    imports); none if it does not parse."""
    from IPython.core.inputtransformer2 import TransformerManager

    try:
        tree = ast.parse(TransformerManager().transform_cell(source))
    except (SyntaxError, ValueError):
        return set()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(
                leaf.id
                for target in targets
                for leaf in ast.walk(target)
                if isinstance(leaf, ast.Name)
            )
    return names


def _take_roles(mine, expected):
    """Give ``mine`` (a cell's nbgrader metadata) the roles ``expected`` gives it; return
    the names of the roles that differed."""
    changed = [key for key in ROLE_KEYS[:-1] if bool(mine.get(key)) != bool(expected.get(key))]
    if "points" in expected and _number(mine.get("points")) != float(expected["points"]):
        changed.append("points")
    for key in ROLE_KEYS:
        if key in expected:
            mine[key] = expected[key]
        else:
            mine.pop(key, None)
    return changed


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _keep_one(nb, copies, source_cell, positions):
    """Leave one cell with the grade_id of ``copies``; say what was done."""
    grade_id = source_cell.grade_id
    where = _and([str(positions[id(cell)]) for cell in copies])
    if not source_cell.metadata.get("solution"):
        for cell in copies[:-1]:
            _remove(nb, cell)
        return (
            f"cells {where} were copies of the read-only cell {grade_id}: "
            f"only the last (cell {positions[id(copies[-1])]}) is kept"
        )
    if source_cell.cell_type == "markdown":
        copies[0].source = "\n\n".join(cell.source for cell in copies)
        for cell in copies[1:]:
            _remove(nb, cell)
        return (
            f"cells {where} all carried the answer {grade_id}: their text is graded as one answer"
        )
    joined = _join_split_halves(nb, copies)
    copies = [cell for cell in copies if _index(nb, cell) is not None]
    if len(copies) == 1:
        return (
            f"cells {where} were halves of the answer {grade_id}, split inside a statement: "
            "joined back into one cell"
        )
    for cell in copies[:-1]:
        del cell.metadata["nbgrader"]
    return (
        f"cells {where} all carried the answer {grade_id} (copied or split): "
        + ("the halves split inside a statement were joined, and " if joined else "")
        + f"all run in order as the learner ran them; cell {positions[id(copies[-1])]} "
        "is graded as the answer"
    )


def _join_split_halves(nb, copies):
    """Join each run of adjacent ``copies`` that only parses as a whole (a cell split inside
    a statement) into its first cell. Returns whether any run was joined."""
    joined = False
    index = 0
    while index < len(copies):
        run = [copies[index]]
        while (
            index + len(run) < len(copies)
            and _index(nb, copies[index + len(run)]) == _index(nb, run[-1]) + 1
        ):
            run.append(copies[index + len(run)])
        whole = "\n".join(cell.source for cell in run)
        if len(run) > 1 and not all(_runs_alone(c.source) for c in run) and _runs_alone(whole):
            run[0].source = whole
            for cell in run[1:]:
                _remove(nb, cell)
            joined = True
        index += len(run)
    return joined


def deleted(nb, source):
    """The graded cells of ``source`` (``SourceCell``s) that ``nb`` no longer has, in
    source order."""
    present = {_grade_id(cell) for cell in nb.cells}
    return [
        cell.grade_id
        for cell in source
        if (cell.metadata.get("grade") or cell.metadata.get("task"))
        and cell.grade_id not in present
    ]


def _index(nb, cell):
    """Where ``cell`` itself is in ``nb`` (cells are dicts: two copies compare equal)."""
    return next((index for index, other in enumerate(nb.cells) if other is cell), None)


def _remove(nb, cell):
    del nb.cells[_index(nb, cell)]


def _and(items):
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _record(nb, notes):
    if notes:
        nb.metadata.setdefault("leverage", {}).setdefault("repaired", []).extend(notes)


class RepairCells(NbGraderPreprocessor):
    """Repairs 1 to 4 (see the module's docstring) against the gradebook's source cells.
    Goes in ``Autograde.sanitize_preprocessors`` before nbgrader's ``DeduplicateIds``."""

    def preprocess(self, nb, resources):
        meta = resources["nbgrader"]
        with Gradebook(meta["db_url"]) as gradebook:
            source = source_cells_in(gradebook, meta["notebook"], meta["assignment"])
        notes = repair(nb, source)
        _record(nb, notes)
        for note in notes:
            self.log.warning("Repaired %s's notebook: %s", meta.get("student", "a learner"), note)
        return nb, resources


class RestoreDeletedCells(OverwriteCells):
    """nbgrader's ``OverwriteCells`` with ``add_missing_cells`` on, placing a deleted graded
    cell after the nearest cell before it in the source that the notebook still has (or
    first), where nbgrader's own placement raises ``KeyError`` when the cell right before
    it is missing or read-only. The cell itself is the one nbgrader would add."""

    add_missing_cells = True

    def add_missing_grade_cells(self, nb, resources):
        record = self.gradebook.find_notebook(self.notebook_id, self.assignment_id)
        source = source_cells_in(self.gradebook, self.notebook_id, self.assignment_id)
        by_name = {cell.name: cell for cell in record.source_cells}
        points = {cell.name: cell.max_score for cell in record.grade_cells}
        answers = {cell.name for cell in record.solution_cells}
        order = [cell.grade_id for cell in source]
        notes = []
        for grade_id in deleted(nb, [cell for cell in source if cell.metadata["grade"]]):
            before = order[: order.index(grade_id)]
            present = {_grade_id(cell): index for index, cell in enumerate(nb.cells)}
            anchor = next((present[name] for name in reversed(before) if name in present), -1)
            restored = self.missing_cell_transform(
                by_name[grade_id], points[grade_id], is_solution=grade_id in answers
            )
            nb.cells.insert(anchor + 1, restored)
            self.log.warning("Missing grade cell %s put back after cell %d", grade_id, anchor + 1)
            notes.append(
                f"the graded cell {grade_id} had been deleted: put back from the source, "
                f"after cell {anchor + 1}"
            )
        _record(nb, notes)
        return nb, resources
