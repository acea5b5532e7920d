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
