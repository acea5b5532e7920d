"""Benchmark: the course's engine against NegMAS 0.16 on the reference pairings, and a
10,000-negotiation tournament.

Needs the ``bench`` extra (``pip install -e '.[bench]'``: NegMAS is AGPL and only this
script imports it). Prints, in one run:

1. for each reference pairing (NegMAS's Boulware/Conceder/linear time-based negotiators
   on a 0-100 price, 100 rounds), over the same 1,000 negotiations with reservation
   prices drawn from a seed: the time per negotiation in NegMAS and in this engine
   (round by round, and vectorised), the speed-up, and how many agreements (price and
   round) are identical;
2. a tournament of every personality against every other over 10,000 negotiations in
   all, vectorised where it pays, against the same tournament run round by round.

Run: .venv/bin/python tests/benchmarks/bench_engine.py [--count 1000] [--tournament 10000]
"""

import argparse
import time

from course.engine.bots import PERSONALITIES
from course.engine.domain import BUYER, SELLER
from course.engine.protocol import negotiate
from course.engine.tournament import pairing, random_price_negotiations, tournament

PAIRINGS = [
    ("boulware", "conceder"),
    ("conceder", "boulware"),
    ("boulware", "boulware"),
    ("conceder", "conceder"),
    ("linear", "linear"),
]


def negmas_run(seller_kind, buyer_kind, seller_reservation, buyer_reservation, rounds):
    """One NegMAS negotiation: (agreed price or None, the step count NegMAS reports)."""
    from negmas import SAOMechanism, make_issue
    from negmas.preferences import LinearUtilityFunction
    from negmas.sao.negotiators import (
        BoulwareTBNegotiator,
        ConcederTBNegotiator,
        LinearTBNegotiator,
    )

    kinds = {
        "boulware": BoulwareTBNegotiator,
        "conceder": ConcederTBNegotiator,
        "linear": LinearTBNegotiator,
    }
    issues = [make_issue((0, 100), "price")]
    mechanism = SAOMechanism(issues=issues, n_steps=rounds)
    mechanism.add(
        kinds[seller_kind](name="seller"),
        preferences=LinearUtilityFunction(
            weights=[1.0], issues=issues, reserved_value=float(seller_reservation)
        ),
    )
    mechanism.add(
        kinds[buyer_kind](name="buyer"),
        preferences=LinearUtilityFunction(
            weights=[-1.0], issues=issues, reserved_value=-float(buyer_reservation)
        ),
    )
    state = mechanism.run()
    return (None if state.agreement is None else state.agreement[0]), state.step


def timed(action):
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def compare_with_negmas(count, rounds=100, seed=2026):
    negotiations = random_price_negotiations(count, seed=seed, rounds=rounds)
    pairing("linear", "linear", negotiations[:2])  # warm up: imports numpy and pandas
    negmas_run("linear", "linear", 40, 70, rounds)
    for seller_kind, buyer_kind in PAIRINGS:
        names = {SELLER: f"negmas-{seller_kind}", BUYER: f"negmas-{buyer_kind}"}
        ours, ours_time = timed(lambda names=names: [negotiate(n, names) for n in negotiations])
        table, vector_time = timed(
            lambda names=names: pairing(names[SELLER], names[BUYER], negotiations)
        )
        theirs, negmas_time = timed(
            lambda s=seller_kind, b=buyer_kind: [
                negmas_run(
                    s,
                    b,
                    n.preferences[SELLER].reservation,
                    -n.preferences[BUYER].reservation,
                    rounds,
                )
                for n in negotiations
            ]
        )
        matches = sum(
            (None if r.agreement is None else n.public(r.agreement), r.round if r.agreed else None)
            == (price, step if price is not None else None)
            for n, r, (price, step) in zip(negotiations, ours, theirs, strict=True)
        )
        agreements = sum(r.agreed for r in ours)
        line = (
            f"{seller_kind:>8} seller vs {buyer_kind:<8} buyer: NegMAS {negmas_time / count * 1e3:7.3f} ms, "
            f"engine {ours_time / count * 1e3:6.3f} ms (x{negmas_time / ours_time:,.0f})"
        )
        line += (
            f", vectorised {vector_time / count * 1e3:6.4f} ms (x{negmas_time / vector_time:,.0f})"
        )
        same = table.agreement.fillna(-1).tolist() == [
            -1 if r.agreement is None else n.public(r.agreement)
            for n, r in zip(negotiations, ours, strict=True)
        ]
        print(
            line
            + f"; identical to NegMAS {matches}/{count} ({agreements} agreements); vectorised = looped: {same}"
        )


def big_tournament(total):
    names = list(PERSONALITIES)
    per_pairing = max(1, round(total / len(names) ** 2))
    negotiations = random_price_negotiations(per_pairing, seed=11)
    table, fast = timed(lambda: tournament(names, negotiations))
    _, slow = timed(lambda: tournament(names, negotiations, vectorise=False))
    print(
        f"tournament of {len(names)} bots x {len(names)} x {per_pairing} = {len(table):,} negotiations: "
        f"{fast:.2f} s (target < 10 s) vs {slow:.2f} s round by round (x{slow / fast:.1f})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count", type=int, default=1000, help="negotiations per reference pairing"
    )
    parser.add_argument(
        "--tournament", type=int, default=10_000, help="negotiations in the tournament"
    )
    args = parser.parse_args()
    compare_with_negmas(args.count)
    big_tournament(args.tournament)


if __name__ == "__main__":
    main()
