"""Benchmark: the strategy tournament in full. Scripted learners (tests/strategies.py: the
course's prepared plan, stalling then a last-round safe offer, an extreme anchor then a
big fake concession, retraction games, accepting the first offer, random walks) against
every style of the course's bots, over many learners' variants and seeds, in module 04's
arena (price) and module 05's capstone (four issues).

Prints, for each setting, the table strategy × style (deal rate, mean gain over the
walk-away, mean share of the zone in deals), the plan's margin over the best exploit
against each style, any exploit that closes every game above the plan's gain (there
must be none), and the time per game.

Run: .venv/bin/python tests/benchmarks/bench_strategies.py [--learners 60] [--seeds 5]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests import strategies  # the repository root is on the path only now


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=60, help="learners' variants per setting")
    parser.add_argument("--seeds", type=int, default=5, help="seeds (walk-aways, deadlines)")
    args = parser.parse_args()
    learners = [f"bench-{n}" for n in range(args.learners)]
    for setting in ("price", "capstone"):
        start = time.perf_counter()
        games = strategies.tournament(setting, learners, range(args.seeds))
        spent = time.perf_counter() - start
        summary = strategies.table(games)
        print(f"== {setting}: {len(games):,} games, {spent / len(games) * 1e3:.1f} ms a game")
        print(strategies.report(summary))
        found = strategies.guaranteed_exploits(summary)
        print(
            "exploits that close every game above the plan's gain: "
            + (", ".join(f"{s} vs {t} ({g:.2f} > {p:.2f})" for s, t, g, p in found) or "none")
        )
        print()


if __name__ == "__main__":
    main()
