"""A learner who hard-codes answers instead of computing them, for the grading tests: they
run the course's checks, hidden ones too, on the self-check cases their JupyterLab gives
(``course.variants.hidden_learners`` without a grading key), note every input a check asks
about and the right value there, and submit functions that look the input up."""

import json

import nbformat

from course.checks import calls, checks_of
from course.variants import hidden_cases_as, learner_as
from tests.notebooks import release_notebook, solutions

#: The cell the learner puts right after the setup cell: their table, and the look-up.
LOOK_UP = """\
import json
from course.checks import calls, plaindata
ANSWERS = json.loads({table!r})
def looked_up(name, *args):
    key = name + ":" + calls._digest(args)
    if key not in ANSWERS:
        # what a learner would print to find out what grading asks about
        print("not in my table:", getattr(args[0], "learner", args) if args else args)
        raise NotImplementedError
    return plaindata.decode(ANSWERS[key])
"""


def answer_functions(module, name):
    """{grade_id: (function name, solution source)} of the answers that are functions."""
    found = {}
    for grade_id, source in solutions(module, name).items():
        line = next((line for line in source.splitlines() if line.startswith("def ")), None)
        if line:
            found[grade_id] = (line[4 : line.index("(")], source)
    return found


def setup_of(nb):
    """The index and source of the notebook's setup cell."""
    index = next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"
    )
    return index, nb.cells[index].source


def right_functions(module, name, learner):
    """The course's solutions as functions, defined after the notebook's setup cell as
    ``learner`` runs it: {function name: function}."""
    namespace = {}
    with learner_as(learner):
        exec(setup_of(release_notebook(module, name))[1], namespace)
        for _, source in answer_functions(module, name).values():
            exec(source, namespace)
    return {
        function: namespace[function] for function, _ in answer_functions(module, name).values()
    }


def table_of(module, name, learner, questions):
    """What the learner notes: for each check of ``questions`` (visible and hidden, as their
    JupyterLab runs them), each call's function, input digest and the value the right
    function gives there."""
    right = right_functions(module, name, learner)
    check = checks_of(module)
    with learner_as(learner), hidden_cases_as(None), calls.collected() as transcripts:
        for question in questions:
            getattr(check, question)(right[question])
            getattr(check, question)(right[question], hidden=True)
    return {
        f"{call['name']}:{call['args']}": call["returned"]
        for transcript in transcripts
        for call in transcript["calls"]
    }


def hard_coded(module, name, learner, questions):
    """The release notebook with each function answer of ``questions`` replaced by a look-up
    in the learner's table of the self-check cases (``table_of``)."""
    nb = release_notebook(module, name)
    setup_index, _ = setup_of(nb)
    table = table_of(module, name, learner, questions)
    answers = answer_functions(module, name)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id not in answers:
            continue
        function, source = answers[grade_id]
        cell.source = (
            f"def {function}(*args):\n    return looked_up({function!r}, *args)\n"
            if function in questions
            else source
        )
    nb.cells.insert(
        setup_index + 1, nbformat.v4.new_code_cell(LOOK_UP.format(table=json.dumps(table)))
    )
    return nb
