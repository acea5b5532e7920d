"""The `leverage` command: one entry point for the course's tools.

It lives in ``autograder`` because it dispatches to both packages, and ``course`` must
never import ``autograder``.
"""

import argparse
import sys
from pathlib import Path


def _build(args):
    from autograder.build import build

    for path in build(args.root, args.module or None):
        print(f"built {Path(path).relative_to(Path(args.root).resolve())}")


def _grade(args):
    from autograder.pipeline import grade

    grade(
        args.root,
        args.assignment,
        source=args.source,
        workers=args.workers,
        timeout=args.timeout,
        out=args.out,
        force=args.force,
        sandboxed=not args.no_sandbox,
    )


def parser():
    """The argument parser for every subcommand."""
    top = argparse.ArgumentParser(prog="leverage", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build",
        help="rebuild source/**/*.ipynb from the jupytext sources and release/ with nbgrader",
    )
    build.add_argument("module", nargs="*", help="modules to build (default: all)")
    build.add_argument("--root", default=".", help="the course root (default: here)")
    build.set_defaults(run=_build)

    grade = commands.add_parser(
        "grade", help="grade an assignment's submissions: gradebook, grades.csv, feedback, report"
    )
    grade.add_argument("assignment", help="the assignment (module) to grade, e.g. 02_batna")
    grade.add_argument(
        "--from",
        dest="source",
        help="a folder or zip exported by a learning platform (default: submitted/)",
    )
    grade.add_argument("--workers", type=int, help="grading processes (default: one per core)")
    grade.add_argument(
        "--timeout", type=int, default=60, help="seconds a cell may run (default: 60)"
    )
    grade.add_argument(
        "--out", help="where grades.csv, feedback/ and report.html go (default: grading/ASSIGNMENT)"
    )
    grade.add_argument("--force", action="store_true", help="grade again learners already graded")
    grade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run learner code without the sandbox (trusted code only)",
    )
    grade.add_argument("--root", default=".", help="the course root (default: here)")
    grade.set_defaults(run=_grade)
    return top


def main(argv=None):
    """Run a subcommand; errors print a one-line message and exit with status 1."""
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except (RuntimeError, ValueError, FileNotFoundError) as error:
        print(f"leverage {args.command}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
