"""Benchmark: question 4's check (module 04's ``next_trade``), visible and hidden, on many
learners, with ``tied_closing_start`` remembered by the table's points against worked out on
every call (as before), in the same run; the verdicts are the same (checked).

Each run of the check looks for a self-check learner with a tied closing move
(``course.checks.concessions._tied_learner``), walking the same candidates' packages again;
the variant sweep (tests/test_variants_sweep_concessions.py) runs it for 2,000 learners and
four formulations, and every notebook run of question 4 runs it too.

Run: .venv/bin/python tests/benchmarks/bench_tied_closing.py [--learners N] [--repeat N]
"""

import argparse
import io
import sys
from contextlib import redirect_stdout
from pathlib import Path
from unittest import mock

from timing import median_seconds  # tests/benchmarks/timing.py: run as a script

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import course  # noqa: E402
from course.checks import concessions as check  # noqa: E402
from course.scenarios import concessions as scenario  # noqa: E402
from course.variants import learner_as  # noqa: E402
from tests.notebooks import solution_namespace  # noqa: E402

MODULE = "04_concessions"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with learner_as("bench-0"), redirect_stdout(io.StringIO()):
        answer = solution_namespace(MODULE, "concessions")["next_trade"]
    drawn = [course.variant(MODULE, f"bench-{n}") for n in range(args.learners)]

    def checked():
        said = io.StringIO()
        with redirect_stdout(said):
            for s in drawn:
                with learner_as(s.learner):
                    check.next_trade(answer)
                    check.next_trade(answer, hidden=True)
        return said.getvalue()

    def now():
        scenario._TIED_FOUND.clear()
        return checked()

    def before():  # worked out on every call, as before
        with mock.patch.object(check, "tied_closing_start", scenario._tied_closing_start):
            return checked()

    assert before() == now(), "question 4's verdicts differ"
    old, new = median_seconds(before, args.repeat), median_seconds(now, args.repeat)
    n = len(drawn)
    print(
        f"{MODULE} question 4, visible and hidden: {n:,} learners, {new / n * 1e3:.1f} ms a "
        f"learner with tied_closing_start remembered against {old / n * 1e3:.1f} ms "
        f"(ratio {old / new:.2f}x)"
    )


if __name__ == "__main__":
    main()
