"""Self-checks for the graded questions: a pass says what was right, a miss says why.

Test cells call these. Visible tests check the learner's own scenario; hidden tests
(``hidden=True``) add other learners' scenarios and edge cases, so code that only
works for one set of numbers does not get the marks.

Each question's check carries ``@question`` (``course.checks.calls``): it records its calls
of the learner's function for the grader, which replays the check outside the learner's
kernel, and in a learner's notebook a failed check shows its hint without stopping "Run
All". ``CHECKS`` names each module's checks.
"""

import importlib

#: The checks module of each course module (nbgrader assignment), by the module's folder.
CHECKS = {
    "00_leverage": "course.checks.leverage",
    "01_information": "course.checks.information",
    "02_batna": "course.checks.batna",
    "03_power": "course.checks.power",
    "04_concessions": "course.checks.concessions",
    "05_capstone": "course.checks.capstone",
}


def checks_of(module):
    """The checks module of ``module`` (e.g. ``"02_batna"``), imported."""
    if module not in CHECKS:
        raise ValueError(f"no checks for {module!r}; the modules are {', '.join(CHECKS)}")
    return importlib.import_module(CHECKS[module])
