"""Labels that grade a learner's own case, kept where only the grader reads them.

A question judged on the learner's own case only at grading (``credit.Check(own_case=True)``)
needs the right label of each item: a fact's source and side, a statement's kind. Were those
labels in the installed ``course`` package, a learner could import them and copy their own
answers. So a module's own-case labels live in a data file of the course root,
``grader-keys/<module>.json`` (one object per pool of items, text -> label), outside the
packages that pyproject installs (``course*`` and ``autograder*``). The grader holds the
course root; the learner's kernel does not (the sandbox shows kernels the package only, and
a learner on JupyterHub has only the installed package).

Where the folder is: ``LEVERAGE_GRADER_KEYS`` (a folder) when set, else ``grader-keys`` in
the working folder (nbgrader and ``leverage grade`` run from the course root), else beside
the package (a checkout of the course, where the package sits in the course root). Without
it, ``own_case_labels`` raises ``KeysNotHere``: the notebooks never need the labels, since
their visible checks confirm only the form of an own-case answer and their hidden checks
judge the labels only where grading runs.

A module that moves its own-case labels here keeps in the package what its draw needs
(the texts, and anything the draw decides by), and reads the labels through
``own_case_labels(module, pool)`` in its ``own_case_key`` functions. Where the draw needs
only which items share a label (it takes items of so many labels), the package keeps that
alone, as a number that names no label (module 00's tactics' and module 01's moves'
``group``; module 03's facts' base and direction groups; module 05's families of
wordings). Where the draw decides by the labels themselves, they stay in the package, since
whatever lets the draw compute with them gives them back to a learner who runs its code:
module 00's news moves (the draw checks each move against the ends of the scale and sets
the ask's bar from the balances they give), module 01's news directions, module 03's
tactics (its invariants compare the labels of tactics fixed by their template with labels
the learner's numbers decide). Reviews 70 X2 and 72 list them. Where a label is the rule its
question teaches applied to the learner's own numbers (module 02's question 7: each
statement's figure against the reservation price or the story's facts; module 03's threat
and figure for Harrow), the package computes it as it computes any check's right answer,
and the notebook does not claim that grading hides it (review 72 X2).

The pools here: ``00_leverage`` facts and tactics, ``01_information`` situations and
moves, ``03_power`` facts, ``05_capstone`` statements
(``tests/test_own_case_labels_off_package.py`` walks the package for them).
"""

import functools
import json
import os
from pathlib import Path

#: The folder of the course root that holds the labels, one JSON file per module.
FOLDER = "grader-keys"

#: The environment variable that names another folder (an instructor's, or a test's).
VARIABLE = "LEVERAGE_GRADER_KEYS"


class KeysNotHere(LookupError):
    """The labels of a learner's own case are not on this machine (a learner's kernel)."""


def keys_folder():
    """The folder the labels are read from, or ``None`` when none is here."""
    folder = _folder_path()
    return None if folder is None else Path(folder)


#: The course's own keys, beside the package (a clone's root).
_BESIDE_PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(__file__))), FOLDER)


def _folder_path():
    """``keys_folder`` as a string path: checks ask for labels hundreds of thousands of times
    in a sweep, so this looks with os.path (a stat or two) rather than pathlib."""
    given = os.environ.get(VARIABLE)
    if given:
        return given
    for folder in (os.path.join(os.getcwd(), FOLDER), _BESIDE_PACKAGE):
        if os.path.isdir(folder):
            return folder
    return None


@functools.cache
def _read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def own_case_labels(module, pool):
    """The labels of ``module``'s items in ``pool`` (a dict, item text -> label, a list for
    a label of several parts). Raises ``KeysNotHere`` where the keys are not."""
    folder = _folder_path()
    path = os.path.join(folder, f"{module}.json") if folder else None
    if path is None or not os.path.isfile(path):
        raise KeysNotHere(
            f"the labels that grading marks on {module}'s own cases are read only where the "
            "course is graded; the practice case's check shows what each label means"
        )
    return _read(os.path.abspath(path))[pool]


def label_part(index, doc=None):
    """A read-only attribute for an item whose ``_labels()`` gives its labels as a tuple
    (from the keys, or a practice item's own): part ``index`` of that tuple."""
    return property(lambda item: item._labels()[index], doc=doc)
