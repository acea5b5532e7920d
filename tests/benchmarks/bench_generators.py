"""Benchmark: the module 00, 01, 03 and 04 scenario generators, each against the way it drew
before, measured in this same run on the same learners (the draws are the same: checked).

- Module 00 (``leverage_audit``): a draw of steps (about 140 a learner) has its short
  budget worked out (``shorter_budget``) only once its cheaper checks pass
  (``_plan_fault``); the baseline works it out for every draw and runs every check
  (``_plan_problems``), as the generator did.
- Module 01 (``_machine_sale``, without the sales kept per process): a candidate sale's
  fixed picks counted once (``_picked``) and the opening's bands read in one pass
  (``_opening_problems``); the baseline is both as they were (``pick`` for every value,
  the bands' edges listed).
- Module 03 (``kestrel_power``): a candidate that breaks an invariant which does not read
  question 3's offers is thrown away before its offers are drawn (``_first_fair``); the
  baseline is ``drawn``, which draws every candidate's offers (as ``kestrel_power`` did).
- Module 04 (``kite_contract``): the course's rule walked without a dict per option
  (``TradeTable._rule_step``), and the first, looser filter of question 5's sets stopping
  at the first set; the baseline is the same generator with ``TradeTable.rule_path`` and
  that filter as they were (``options`` and ``preferred_trade`` at every step, every set
  listed).
- Module 04 again (``concessions_table``): question 5's sets searched among the frontier's
  packages only (``TradeTable._efficient_rows``, made once a table) and the framework's
  candidate drafts shuffled as keys, only the dozen tried made into packages; the baseline
  is the generator with ``_meso_found`` walking every package and ``_framework`` making a
  package of every candidate, as they were before.

Run: .venv/bin/python tests/benchmarks/bench_generators.py [--learners N] [--repeat N]
"""

import argparse
from unittest import mock

from timing import median_seconds  # tests/benchmarks/timing.py: run as a script

from course.variants import rng_for


def compare(module, before, now, repeat, n, baseline):
    """Check that ``before`` and ``now`` draw the same scenarios, time both (median of
    ``repeat`` runs) and print ms a learner and the ratio; ``baseline`` says what
    ``before`` did."""
    assert [repr(s) for s in before()] == [repr(s) for s in now()], f"{module}: draws differ"
    old, new = median_seconds(before, repeat), median_seconds(now, repeat)
    print(
        f"{module}: {n:,} learners, {new / n * 1e3:.2f} ms a learner against "
        f"{old / n * 1e3:.2f} ms {baseline} (ratio {old / new:.2f}x)"
    )


def leverage(learners, repeat):
    from dataclasses import replace

    from course.scenarios import leverage as scenario

    module = "00_leverage"

    def now():
        return [scenario.leverage_audit(rng_for(module, learner), learner) for learner in learners]

    def every_check(drawn, crowded=False):  # as before: the short budget of every draw
        drawn = replace(drawn, short_budget=scenario.shorter_budget(drawn))
        return scenario._plan_problems(drawn, crowded)

    def before():
        with mock.patch.object(scenario, "_plan_fault", every_check):
            return now()

    compare(module, before, now, repeat, len(learners), "working out every short budget")


def _old_draw_numbers(rng):
    """``_draw_numbers`` as it was: ``pick`` for every value."""
    from course.scenarios.information import FEE_OFF_MAX, FEE_OFF_MIN, PRIORS, pick

    lowest = pick(rng, 40_000, 60_000, 1_000)
    gap = pick(rng, 4_000, 8_000, 1_000)
    reservations = tuple(float(lowest + i * gap) for i in range(4))
    prior = PRIORS[int(pick(rng, 0, len(PRIORS) - 1, 1))]
    opening_low = pick(rng, 0.4, 0.5, 0.05)
    opening_high = pick(rng, 0.85, 0.95, 0.05)
    draw, true_limit = rng.random(), reservations[-1]
    for value, chance in zip(reservations, prior, strict=True):
        if draw < chance:
            true_limit = value
            break
        draw -= chance
    fraction = pick(rng, opening_low + 0.01, opening_high - 0.01, 0.01)
    numbers = {
        "reservations": reservations,
        "prior": prior,
        "opening_low": opening_low,
        "opening_high": opening_high,
        "opening_offer": round(fraction * true_limit, -2),
        "cost": lowest + pick(rng, -15_000, 4_000, 1_000),
        "report_accuracy": pick(rng, 0.7, 0.85, 0.05),
        "report_fee": 0.0,
        "news": (),
        "rival_cap": 0.0,
        "wren_offers": (),
        "wren_cost": 0.0,
        "explorer_cases": {},
        "disclosures": (),
        "tactics": (),
        "situations": (),
    }
    off = pick(rng, FEE_OFF_MIN, FEE_OFF_MAX, 0.05) * (1 if rng.random() < 0.5 else -1)
    return numbers, off


def _old_opening_problems(reservations, opening_low, opening_high, opening_offer, **_):
    """``_opening_problems`` as it was: the bands' edges listed, then searched."""
    from course.scenarios.information import EDGE_MARGIN

    found = []
    alive = sum(1 for r in reservations if opening_low * r <= opening_offer <= opening_high * r)
    if alive == len(reservations):
        found.append("opening rules out nothing")
    if alive < 2:
        found.append("opening leaves fewer than two")
    edges = [band * r for r in reservations for band in (opening_low, opening_high)]
    if any(abs(opening_offer - edge) < EDGE_MARGIN for edge in edges):
        found.append("opening near a band edge")
    return found


def information(learners, repeat):
    from course.scenarios import information as scenario

    module = "01_information"

    def now():
        return [scenario._machine_sale(rng_for(module, learner), learner) for learner in learners]

    def before():
        with (
            mock.patch.object(scenario, "_draw_numbers", _old_draw_numbers),
            mock.patch.object(scenario, "_opening_problems", _old_opening_problems),
        ):
            return now()

    compare(module, before, now, repeat, len(learners), "picking every value")


def power(learners, repeat):
    from course.scenarios.power import drawn, kestrel_power

    module = "03_power"

    def before():
        return [drawn(rng_for(module, learner), learner)[0] for learner in learners]

    def now():
        return [kestrel_power(rng_for(module, learner), learner) for learner in learners]

    compare(module, before, now, repeat, len(learners), "drawing every candidate's offers")


def _old_rule_path(self, start, their_minimum=None, most=20):
    from course.models.concessions import preferred_trade

    path = [dict(start)]
    for _ in range(most):
        here = path[-1]
        best = preferred_trade(self.options(here, gives=True), self.shortfall(here, their_minimum))
        if best is None:
            break
        path.append(best["package"])
    return path


def concessions(learners, repeat):
    from course.models.concessions import TradeTable
    from course.scenarios import concessions as scenario

    module = "04_concessions"

    def now():
        return [scenario.kite_contract(rng_for(module, learner), learner) for learner in learners]

    found = scenario._meso_found

    def before():
        def listed(table, middle, least=None, land=None):  # every set listed, as before
            return iter(list(found(table, middle, least, land)))

        with (
            mock.patch.object(TradeTable, "rule_path", _old_rule_path),
            mock.patch.object(scenario, "_meso_found", listed),
        ):
            return now()

    compare(module, before, now, repeat, len(learners), "as before")


def _old_meso_found(table, middle, least=None, land=None):
    """``_meso_found`` as it was: every package walked, the efficient ones kept."""
    from itertools import combinations

    from course.scenarios.concessions import MESO_TOLERANCE, _conceded

    floor = table.points(middle)[0]
    names = list(table.levels)
    efficient = table._efficient
    ambitious = sorted(
        (
            (dict(zip(names, key, strict=True)), you, them)
            for key, (you, them) in table._by_key.items()
            if you > floor
            and (land is None or you >= land)
            and key in efficient
            and (
                least is None
                or (
                    them >= least
                    and any(
                        k != levels[0] for k, levels in zip(key, table.levels.values(), strict=True)
                    )
                )
            )
        ),
        key=lambda row: row[1],
    )
    for i, first in enumerate(ambitious):
        near = [row for row in ambitious[i + 1 :] if row[1] - first[1] <= MESO_TOLERANCE]
        for second, third in combinations(near, 2):
            rows = (first, second, third)
            if len({_conceded(table, row[0]) for row in rows}) == 3:
                yield rows


def _old_framework(rng, table):
    """``_framework`` as it was: every candidate draft made into a package, then shuffled."""
    from course.scenarios.concessions import PLANNER_LEAST, PLANNER_ROWS, pick

    names, efficient = list(table.levels), table._efficient
    floor = table.points({issue: levels[1] for issue, levels in table.levels.items()})[0]
    packages = [
        dict(zip(names, key, strict=True))
        for key, you, them in table._rows
        if you > max(them, floor) and key not in efficient
    ]
    rng.shuffle(packages)
    for draft in packages[:12]:
        traded = table.rule_path(draft, their_minimum=-1)
        if len(traded) < 3 or not table.efficient(traded[-1]):
            continue
        minimum = int(table.points(traded[-1])[1]) + int(pick(rng, 4, 15, 1))
        path = table.rule_path(draft, their_minimum=minimum)
        if PLANNER_LEAST <= len(path) - 1 <= PLANNER_ROWS and table.landed(path[-1], minimum):
            return draft, minimum
    return None


def concessions_table(learners, repeat):
    from course.scenarios import concessions as scenario

    module = "04_concessions"

    def now():
        return [scenario.kite_contract(rng_for(module, learner), learner) for learner in learners]

    def before():
        with (
            mock.patch.object(scenario, "_meso_found", _old_meso_found),
            mock.patch.object(scenario, "_framework", _old_framework),
        ):
            return now()

    compare(module, before, now, repeat, len(learners), "walking every package")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    learners = [f"bench-{n}" for n in range(args.learners)]
    leverage(learners, args.repeat)
    information(learners, args.repeat)
    power(learners, args.repeat)
    concessions(learners, args.repeat)
    concessions_table(learners, args.repeat)


if __name__ == "__main__":
    main()
