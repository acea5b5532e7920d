"""Benchmark: module 04's checks of questions 4 and 4b with the public self-check learners
they add remembered (``course.checks.concessions._public_learner``) against the same checks
searching for them on every run, as they did (``hidden_learner_where`` each time), measured
in this same run on the same learners.

Each check adds a public learner of a kind (a tied closing move, a frontier package exactly
at Orchard's minimum, a tie below the frontier, ...) when none of its scenarios has one, and
finding the first such learner walks up to dozens of them (the at-minimum one is the 37th).
The checks run as a variant sweep runs them (tests/test_variants_sweep_concessions.py): the
course's reference answers, each scenario drawn once, the learner's function called
directly. The verdicts are the same either way (checked: every check passes on both).

Run: .venv/bin/python tests/benchmarks/bench_public_learners.py [--learners N] [--repeat N]
"""

import argparse
import functools
import io
from contextlib import redirect_stdout
from unittest import mock

from timing import median_seconds  # tests/benchmarks/timing.py: run as a script

import course
from course.checks import concessions as check
from course.variants import hidden_cases_as, hidden_learner_where, learner_as
from tests.notebooks import solution_namespace

MODULE = "04_concessions"
QUESTIONS = ("landing", "next_trade")


def searched(label, accept):
    """``_public_learner`` as the checks did it before: searched afresh every time."""
    with hidden_cases_as(None):
        return hidden_learner_where(MODULE, label, accept)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    drawn = {
        learner: course.variant(MODULE, learner)
        for learner in (f"bench-{n}" for n in range(args.learners))
    }
    others = functools.cache(lambda learner: course.variant(MODULE, learner))
    with learner_as("bench-0"), redirect_stdout(io.StringIO()):
        reference = solution_namespace(MODULE, "concessions")

    def sweep():
        for learner in drawn:
            with learner_as(learner):
                for question in QUESTIONS:
                    getattr(check, question).__wrapped__(reference[question], hidden=True)

    def before():
        with mock.patch.object(check, "_public_learner", searched):
            sweep()

    def now():
        check._PUBLIC_FOUND.clear()  # found afresh once per run, as in a new process
        sweep()

    with (
        mock.patch.object(check, "_variant", lambda learner: drawn.get(learner) or others(learner)),
        mock.patch.object(check, "call_learner", lambda function, *arguments: function(*arguments)),
        mock.patch.object(check, "passed", lambda message: None),
        mock.patch.object(check, "HIDDEN_LEARNERS", ()),
    ):
        old, new = median_seconds(before, args.repeat), median_seconds(now, args.repeat)
    n = len(drawn)
    print(
        f"{MODULE} checks {', '.join(QUESTIONS)}: {n:,} learners, {new / n * 1e3:.2f} ms a "
        f"learner against {old / n * 1e3:.2f} ms searching for the public learners every "
        f"time (ratio {old / new:.2f}x)"
    )


if __name__ == "__main__":
    main()
