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


def _workspace(args):
    from course.workspace import sync

    changes = sync(Path(args.root) / "release", args.into)
    for change in changes:
        print(change)
    print(f"your working copy is {args.into}/: work on your notebooks there")


def _grade(args):
    from autograder.lms import read_roster
    from autograder.pipeline import grade

    roster = read_roster(args.roster, args.roster_key) if args.roster else None
    grade(
        args.root,
        args.assignment,
        source=args.source,
        workers=args.workers,
        timeout=args.timeout,
        out=args.out,
        force=args.force,
        sandboxed=not args.no_sandbox,
        db=args.db,
        platform=args.lms,
        roster=roster,
    )


def _workshop(args):
    from course.workshop.server import run

    run(
        port=args.port,
        participants=args.participants,
        store=args.store,
        bot=args.bot,
        ip=args.ip,
        data=args.data,
        codes=True if args.codes else None,
        processes=args.processes,
        activity=args.activity,
        **({"cull_idle": args.cull_idle} if args.cull_idle is not None else {}),
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

    workspace = commands.add_parser(
        "workspace",
        help="make or update your working copy of the course (new notebooks appear; "
        "notebooks you edited are never changed)",
    )
    workspace.add_argument("--into", default="my-work", help="the working copy (default: my-work)")
    workspace.add_argument("--root", default=".", help="the course root (default: here)")
    workspace.set_defaults(run=_workspace)

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
    grade.add_argument(
        "--db",
        help="the gradebook's SQLAlchemy URL, e.g. postgresql+psycopg://user@host/gradebook "
        "(default: CourseDirectory.db_url in nbgrader_config.py, else gradebook.db here)",
    )
    grade.add_argument(
        "--lms",
        choices=["canvas", "moodle"],
        help="also write that platform's grade import CSV and bulk feedback zip (README: "
        "Grades back to the learning platform)",
    )
    grade.add_argument(
        "--roster",
        help="a CSV with one row per learner that says who is who on the platform, e.g. "
        "Canvas's gradebook export or Moodle's grading worksheet",
    )
    grade.add_argument(
        "--roster-key",
        default="learner",
        help="the roster's column that holds the learners' course ids (default: learner)",
    )
    grade.add_argument("--root", default=".", help="the course root (default: here)")
    grade.set_defaults(run=_grade)

    workshop = commands.add_parser(
        "workshop",
        help="serve the workshop apps (arena, BATNA builder, debrief) with Voila, hardened",
    )
    workshop.add_argument("--port", type=int, default=8866, help="port (default: 8866)")
    workshop.add_argument(
        "--participants",
        type=int,
        default=30,
        help="people in the room: sizes the preheated kernel pool (default: 30)",
    )
    workshop.add_argument(
        "--store", help="SQLAlchemy URL of the results store (default: SQLite in --data)"
    )
    workshop.add_argument(
        "--bot",
        default="mixed",
        help="the arena bots' style: boulware, linear, conceder, tit-for-tat or mixed (default)",
    )
    workshop.add_argument(
        "--ip",
        default="127.0.0.1",
        help="address to listen on (default: this machine only); beyond it, codes are required",
    )
    workshop.add_argument(
        "--data", default="workshop-data", help="the data folder (default: workshop-data)"
    )
    workshop.add_argument(
        "--codes",
        action="store_true",
        help="require the join and facilitator codes even when listening on this machine only",
    )
    workshop.add_argument(
        "--processes",
        type=int,
        default=1,
        help="Voila processes behind the one address, each warmed for its share of the "
        "room; visitors stay with theirs (default: 1)",
    )
    workshop.add_argument(
        "--activity",
        choices=("arena", "pairs"),
        default="arena",
        help="what the participants open: the arena against bots (default), or pairs, "
        "negotiating with each other; it gets a warm kernel per participant",
    )
    workshop.add_argument(
        "--cull-idle",
        type=int,
        metavar="SECONDS",
        help="how long the kernel of a tab closed without notice lingers (default: two minutes)",
    )
    workshop.set_defaults(run=_workshop)
    return top


def main(argv=None):
    """Run a subcommand; errors print a one-line message and exit with status 1."""
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except (RuntimeError, ValueError, FileNotFoundError) as error:
        print(f"leverage {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"leverage {args.command}: interrupted; run it again to finish", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
