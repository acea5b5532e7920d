"""Benchmark: voting power by dynamic programming over weight sums, against listing coalitions.

Prints, measured in this same run:
- the DP on a 20-member weighted vote (the size the course promises answers for within a
  second), against the DP on a 10-member vote: how the work grows with n;
- brute force (listing all 2^n coalitions) on a 16-member vote, against the DP on the
  same vote: what the DP saves. Both give the same indices, which is checked.
- the same for weights with one decimal place.

Run: .venv/bin/python tests/benchmarks/bench_power.py [--repeat N]
"""

import argparse
import random

from timing import median_seconds  # tests/benchmarks/timing.py: run as a script

from course.models.power import banzhaf_index, brute_force_indices, shapley_shubik_index


def both_indices(quota, weights):
    return shapley_shubik_index(quota, weights), banzhaf_index(quota, weights)


def vote(rng, n, high, decimals=0):
    weights = [
        round(rng.uniform(1, high), decimals) if decimals else rng.randint(1, high)
        for _ in range(n)
    ]
    quota = round(sum(weights) * 2 / 3, decimals) if decimals else sum(weights) * 2 // 3 + 1
    return quota, weights


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    rng = random.Random(2026)

    for label, high, decimals in (
        ("whole weights 1-100", 100, 0),
        ("weights 1-50, one decimal", 50, 1),
    ):
        big, half = vote(rng, 20, high, decimals), vote(rng, 10, high, decimals)
        dp_20 = median_seconds(lambda big=big: both_indices(*big), repeat)
        dp_10 = median_seconds(lambda half=half: both_indices(*half), repeat)
        print(
            f"{label}: DP, both indices, 20 members {dp_20 * 1000:.1f} ms vs 10 members "
            f"{dp_10 * 1000:.1f} ms (ratio {dp_20 / dp_10:.1f}; target: 20 members under 1000 ms)"
        )

        small = vote(rng, 16, high, decimals)
        assert both_indices(*small) == brute_force_indices(*small), "DP and brute force disagree"
        brute = median_seconds(lambda small=small: brute_force_indices(*small), max(1, repeat // 2))
        dp_16 = median_seconds(lambda small=small: both_indices(*small), repeat)
        print(
            f"{label}: 16 members, brute force over 2^16 coalitions {brute * 1000:.0f} ms vs DP "
            f"{dp_16 * 1000:.1f} ms (ratio {brute / dp_16:.0f}x)"
        )


if __name__ == "__main__":
    main()
