"""Benchmark: every module's variant generator swept over many learners (issue 15).

For each module, one function draws the scenarios of ``--learners`` learners (20,000 by
default) the way ``course.variant`` does, and prints each invariant's count of rejected
draws, the share of draws thrown away and redrawn, and the time per learner against a
baseline measured in this same run (drawing one candidate, with no invariant checked).
Module authors add their module's function to ``SWEEPS``.

Run: .venv/bin/python tests/benchmarks/bench_variants.py [--learners N] [MODULE ...]
"""

import argparse
import time
from collections import Counter

from course.variants import rng_for


def leverage(learners):
    """Module 00: ``leverage_audit`` redraws each part of a scenario (the audit, the news on
    it, the steps, the tactics) until it is fair, counting in a ``rejected`` Counter why
    each thrown-away part was refused ("redraws": how many); ``checked=False`` draws each
    part once. A "draw" below is one part's."""
    from course.scenarios.leverage import leverage_audit

    module = "00_leverage"
    start = time.perf_counter()
    for learner in learners:
        leverage_audit(rng_for(module, learner), learner, checked=False)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for learner in learners:
        leverage_audit(rng_for(module, learner), learner)
    elapsed = time.perf_counter() - start

    rejections, redrawn = Counter(), 0
    for learner in learners:
        counted = Counter()
        leverage_audit(rng_for(module, learner), learner, counted)
        redrawn += counted["redraws"] > 0
        rejections.update(counted)
    thrown, n = rejections.pop("redraws", 0), len(learners)
    parts = PARTS_00 * n + thrown
    print(f"{module}: {n:,} learners, {parts:,} draws of a part ({PARTS_00} parts a learner)")
    for name, count in rejections.most_common():
        print(f"  {count:7,} rejected: {name}")
    print(
        f"  parts thrown away: {thrown:,} of {parts:,} ({thrown / parts:.1%}); learners "
        f"redrawn at least once: {redrawn:,} ({redrawn / n:.1%})"
    )
    print(
        f"  time per learner {elapsed / n * 1e3:.2f} ms against one unchecked draw "
        f"{baseline / n * 1e3:.2f} ms (ratio {elapsed / baseline:.1f})"
    )


#: Module 00 draws a learner's scenario in parts, each redrawn on its own: the starting
#: audit, the news on it, the steps with their budget, and the tactics.
PARTS_00 = 4


def power(learners):
    """Module 03: ``course.scenarios.power.drawn`` reports what it threw away."""
    from course.scenarios.power import _candidate, drawn

    module = "03_power"
    start = time.perf_counter()
    for learner in learners:
        _candidate(rng_for(module, learner), learner)
    baseline = time.perf_counter() - start

    rejections, redrawn, candidates = Counter(), 0, 0
    start = time.perf_counter()
    for learner in learners:
        _, rejected = drawn(rng_for(module, learner), learner)
        candidates += 1 + len(rejected)
        redrawn += bool(rejected)
        for flaws in rejected:
            rejections.update(flaws)
    elapsed = time.perf_counter() - start

    report(module, len(learners), candidates, redrawn, rejections, elapsed, baseline)


def information(learners):
    """Module 01: ``machine_sale`` counts, in a ``rejected`` Counter, every rule each draw
    breaks (every rule judged, so a draw can count under several); timed on its own, it
    stops at the first rule broken, as ``course.variant`` runs it."""
    from course.scenarios.information import MachineSale, _draw_numbers, machine_sale

    module = "01_information"
    start = time.perf_counter()
    for learner in learners:
        numbers, _ = _draw_numbers(rng_for(module, learner))
        MachineSale(module=module, learner=learner, **numbers)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for learner in learners:
        machine_sale(rng_for(module, learner), learner)
    elapsed = time.perf_counter() - start

    rejections, redrawn, candidates = Counter(), 0, 0
    for learner in learners:
        counted = Counter()
        machine_sale(rng_for(module, learner), learner, counted)
        draws = counted.pop("draws")
        candidates += draws
        redrawn += draws > 1
        rejections.update(counted)

    report(module, len(learners), candidates, redrawn, rejections, elapsed, baseline)


def concessions(learners):
    """Module 04: ``course.scenarios.concessions.draw`` is one unchecked draw (``None``
    when its framework has no three equivalent offers or no draft for the planner, counted
    as one kind) and ``problems`` names every invariant a draw breaks; ``kite_contract``
    draws until none."""
    from course.scenarios.concessions import draw, kite_contract, problems

    module = "04_concessions"
    start = time.perf_counter()
    for learner in learners:
        draw(rng_for(module, learner), learner)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for learner in learners:
        kite_contract(rng_for(module, learner), learner)
    elapsed = time.perf_counter() - start

    rejections, redrawn, candidates = Counter(), 0, 0
    for learner in learners:  # the same draws again, counting what each one broke
        rng, thrown = rng_for(module, learner), 0
        while flaws := _flaws(rng, learner, draw, problems):
            rejections.update(flaws)
            thrown += 1
        candidates += 1 + thrown
        redrawn += thrown > 0
    report(module, len(learners), candidates, redrawn, rejections, elapsed, baseline)


def report(module, n, candidates, redrawn, rejections, elapsed, baseline):
    """One module's sweep: each invariant's rejected draws, the share of draws redrawn, and
    the time per learner against one unchecked draw."""
    print(f"{module}: {n:,} learners, {candidates:,} draws")
    for name, count in rejections.most_common():
        print(f"  {count:7,} rejected: {name}")
    print(
        f"  draws thrown away: {candidates - n:,} of {candidates:,} "
        f"({(candidates - n) / candidates:.1%}); learners redrawn at least once: "
        f"{redrawn:,} ({redrawn / n:.1%})"
    )
    print(
        f"  time per learner {elapsed / n * 1e3:.2f} ms against one unchecked draw "
        f"{baseline / n * 1e3:.2f} ms (ratio {elapsed / baseline:.1f})"
    )


def batna(learners):
    """Module 02: ``course.scenarios.batna.candidates`` yields every draw ``job_offers``
    makes for a learner with the invariants it breaks (every one judged on every draw),
    ending with the first fair one; ``_draw`` is one unchecked draw."""
    from course.scenarios.batna import (
        _draw,
        candidates,
        job_offers,
        right_response,
        statement_to_use,
        statements_of,
    )

    module = "02_batna"
    start = time.perf_counter()
    for learner in learners:
        _draw(rng_for(module, learner), learner)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for learner in learners:
        job_offers(rng_for(module, learner), learner)
    elapsed = time.perf_counter() - start

    rejections, redrawn, draws, shares = Counter(), 0, 0, Counter()
    for learner in learners:
        made = list(candidates(rng_for(module, learner), learner))
        draws += len(made)
        redrawn += len(made) > 1
        for _, broken in made:
            rejections.update(broken)
        offers = made[-1][0]
        shares.update({right_response(offers, o)[1] for o in offers.northwind_offers})
        shares.update({f"statement: {s._kind}" for s in statements_of(offers)})
        use = statement_to_use(offers)
        shares.update(f"use: {s._kind}" for s in statements_of(offers) if s.letter == use)

    n = len(learners)
    print(f"{module}: {n:,} learners, {draws:,} draws")
    for name, count in rejections.most_common():
        print(f"  {count:7,} rejected: {name}")
    for name, count in sorted(shares.items()):
        print(f"  {count / n:7.1%} of learners: {name}")
    print(
        f"  draws thrown away: {draws - n:,} of {draws:,} ({(draws - n) / draws:.1%}); "
        f"learners redrawn at least once: {redrawn:,} ({redrawn / n:.1%})"
    )
    print(
        f"  time per learner {elapsed / n * 1e3:.2f} ms against one unchecked draw "
        f"{baseline / n * 1e3:.2f} ms (ratio {elapsed / baseline:.1f})"
    )


def capstone(learners):
    """Module 05: ``course.scenarios.capstone.draw`` is one unchecked draw;
    ``capstone_case`` draws until no invariant breaks, and with a ``rejected`` Counter it
    judges every invariant on every thrown-away draw and counts the draws ("redraws")."""
    from course.scenarios.capstone import capstone_case, draw

    module = "05_capstone"
    start = time.perf_counter()
    for learner in learners:
        draw(rng_for(module, learner), learner)
    baseline = time.perf_counter() - start

    start = time.perf_counter()
    for learner in learners:
        capstone_case(rng_for(module, learner), learner)
    elapsed = time.perf_counter() - start

    rejections, redrawn, candidates = Counter(), 0, 0
    for learner in learners:
        counted = Counter()
        capstone_case(rng_for(module, learner), learner, counted)
        thrown = counted.pop("redraws", 0)
        candidates += 1 + thrown
        redrawn += thrown > 0
        rejections.update(counted)
    report(module, len(learners), candidates, redrawn, rejections, elapsed, baseline)


def _flaws(rng, learner, draw, problems):
    """What one module-04 draw breaks: ``problems``, or the framework's kind for a draw
    that returned ``None``."""
    contract = draw(rng, learner)
    if contract is None:
        return ["framework: no three equivalent offers, or no draft the planner can use"]
    return problems(contract)


#: One sweep per module, by the module's folder.
SWEEPS = {
    "00_leverage": leverage,
    "01_information": information,
    "02_batna": batna,
    "03_power": power,
    "04_concessions": concessions,
    "05_capstone": capstone,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=20_000)
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(SWEEPS)}")
    options = parser.parse_args()
    learners = [f"bench-{n}" for n in range(options.learners)]
    for module in options.modules or SWEEPS:
        SWEEPS[module](learners)


if __name__ == "__main__":
    main()
