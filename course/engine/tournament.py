"""Tournaments: every bot against every bot over many negotiations, as a DataFrame.

Bots whose offers depend only on time (``Bot.time_only``) are run for all negotiations
at once with numpy when the negotiations share one price range and deadline: each
side's targets for every round are one array operation, and the first acceptance is an
``argmax``. The result is identical to running the protocol round by round (the tests
check it); other bots and multi-issue negotiations go through the protocol loop.
"""

import os
import random
from concurrent.futures import ProcessPoolExecutor

from course.engine.bots import NEGMAS_TOLERANCE, NegmasTimeBot, make_bot
from course.engine.domain import price_negotiation
from course.engine.protocol import negotiate

COLUMNS = [
    "negotiation",
    "first_bot",
    "second_bot",
    "agreed",
    "agreement",
    "round",
    "ended_by",
    "first_gain",
    "second_gain",
]


def random_price_negotiations(count, seed, low=0, high=100, rounds=100):
    """``count`` price negotiations with reservation prices drawn uniformly (whole numbers)
    from the range; the same ``seed`` always gives the same negotiations. About half have
    no ZOPA (the buyer's limit below the seller's)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be a whole number of negotiations, at least 1, got {count!r}")
    rng = random.Random(seed)
    return [
        price_negotiation(rng.randint(low, high), rng.randint(low, high), low, high, rounds=rounds)
        for _ in range(count)
    ]


def tournament(bot_names, negotiations, vectorise=True, workers=None):
    """Every bot in ``bot_names`` against every bot (itself included) on every negotiation;
    the first bot plays the negotiation's first side and moves first. One row per game.

    Pairings that must run round by round are spread over ``workers`` processes (default:
    one per core) when there are enough games to pay for starting them.
    """
    import pandas as pd

    pairings = [(first, second) for first in bot_names for second in bot_names]
    done = {pair: _vectorised(*pair, negotiations) if vectorise else None for pair in pairings}
    looped = [pair for pair in pairings if done[pair] is None]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(looped) > 1 and len(looped) * len(negotiations) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=min(workers, len(looped))) as pool:
            results = pool.map(_looped_pairing, [(*pair, negotiations) for pair in looped])
            done.update(zip(looped, results, strict=True))
    else:
        done.update({pair: _looped(*pair, negotiations) for pair in looped})
    return pd.DataFrame([row for pair in pairings for row in done[pair]], columns=COLUMNS)


#: Round-by-round games below which starting worker processes costs more than it saves.
PARALLEL_FROM = 2_000


def _looped_pairing(task):
    return _looped(*task)


def pairing(first_bot, second_bot, negotiations, vectorise=True):
    """One pairing over every negotiation, as tournament rows."""
    import pandas as pd

    return pd.DataFrame(
        _pairing_rows(first_bot, second_bot, negotiations, vectorise), columns=COLUMNS
    )


def _pairing_rows(first_bot, second_bot, negotiations, vectorise):
    rows = _vectorised(first_bot, second_bot, negotiations) if vectorise else None
    return rows if rows is not None else _looped(first_bot, second_bot, negotiations)


def _looped(first_bot, second_bot, negotiations):
    rows = []
    for number, negotiation in enumerate(negotiations):
        first, second = negotiation.sides
        result = negotiate(negotiation, {first: first_bot, second: second_bot}, first)
        gains = [
            (
                negotiation.preferences[side].reservation
                if result.agreement is None
                else negotiation.preferences[side].utilities[result.agreement]
            )
            - negotiation.preferences[side].reservation
            for side in (first, second)
        ]
        agreement = None if result.agreement is None else negotiation.public(result.agreement)
        rows.append(
            [
                number,
                first_bot,
                second_bot,
                result.agreed,
                agreement,
                result.round,
                result.ended_by,
                *gains,
            ]
        )
    return rows


def _vectorised(first_bot, second_bot, negotiations):
    """The tournament rows computed with numpy, or ``None`` when this pairing or these
    negotiations need the round-by-round protocol."""
    import numpy as np

    sample = negotiations[0]
    same_setting = all(
        n.is_price and n.rounds == sample.rounds and n.outcomes == sample.outcomes
        for n in negotiations
    )
    if not (sample.is_price and same_setting):
        return None
    first, second = sample.sides
    bots = [make_bot(first_bot, sample, first), make_bot(second_bot, sample, second)]
    if not all(bot.time_only for bot in bots):
        return None
    rounds = sample.rounds
    prices = np.asarray(sample.issues[0].levels, dtype=float)
    proposals, thresholds, utilities, reservations = [], [], [], []
    for bot, side in zip(bots, (first, second), strict=True):
        own = sample.preferences[side]
        sorted_utilities = np.asarray(own.sorted_utilities, dtype=float)
        order = np.asarray(own.order)
        reservation = np.asarray(
            [n.preferences[side].reservation for n in negotiations], dtype=float
        )
        remaining = np.asarray(bot.remaining, dtype=float)
        best = own.best
        negmas = isinstance(bot, NegmasTimeBot)
        if negmas:
            target = reservation[:, None] + (best - reservation)[:, None] * remaining[None, :]
            wanted = target - NEGMAS_TOLERANCE
        else:
            target = reservation[:, None] + remaining[None, :] * (best - reservation)[:, None]
            wanted = target
        position = np.minimum(
            np.searchsorted(sorted_utilities, wanted, side="left"), len(order) - 1
        )
        proposal = order[position]  # outcome index offered in each round
        threshold = wanted if negmas else sorted_utilities[position]
        proposals.append(proposal)
        thresholds.append(threshold)
        utilities.append(np.asarray(own.utilities, dtype=float))
        reservations.append(reservation)
    count = len(negotiations)
    # events[:, 2k]: the first mover accepts the second's round k-1 offer at round k;
    # events[:, 2k+1]: the second mover accepts the first's round k offer.
    events = np.zeros((count, 2 * rounds), dtype=bool)
    on_table = utilities[0][proposals[1][:, :-1]]
    events[:, 2::2] = (on_table >= thresholds[0][:, 1:]) & (on_table >= reservations[0][:, None])
    on_table = utilities[1][proposals[0]]
    events[:, 1::2] = (on_table >= thresholds[1]) & (on_table >= reservations[1][:, None])
    agreed = events.any(axis=1)
    event = events.argmax(axis=1)
    k = event // 2
    agreement = np.where(
        event % 2 == 0,
        proposals[1][np.arange(count), np.maximum(k - 1, 0)],
        proposals[0][np.arange(count), k],
    )
    rows = []
    for n in range(count):
        if agreed[n]:
            index = int(agreement[n])
            gains = [utilities[s][index] - reservations[s][n] for s in (0, 1)]
            rows.append(
                [
                    n,
                    first_bot,
                    second_bot,
                    True,
                    _price(prices[index]),
                    int(k[n]) + 1,
                    "agreement",
                    *gains,
                ]
            )
        else:
            rows.append([n, first_bot, second_bot, False, None, rounds, "deadline", 0.0, 0.0])
    return rows


def _price(value):
    return int(value) if float(value).is_integer() else float(value)
