"""Review 91 of module 04 (concessions): the arena's debrief names the ending the buyer
remembers and the retractions it counted (X1). Each test fails on the code before this
round."""

import random
import re

import pytest

from course.engine.bots import REMARKS, Encounter, Memory
from course.engine.practice import ARENA_STYLES
from course.widgets.practice import REMEMBERED, NegotiationArena

# --- X1: the debrief's memory line is the engine's ---------------------------------------


def _play(style, seed, asks):
    arena = NegotiationArena(style=style, rng=random.Random(seed))
    for ask in asks:
        if arena._session.finished:
            break
        arena.price.value = str(ask)
        arena.send_offer.click()
    if not arena._session.finished:
        arena.walk.click()
    return arena


def _last_line(arena):
    items = re.findall(r"<li>(.*?)</li>", arena.result.value)
    return items[-1].replace("&#x27;", "'")


def test_x1_a_buyer_that_left_at_its_deadline_is_remembered_as_talks_out_of_time():
    """Review 91 X1: the reviewer's run (tit-for-tat, seed 1, asks 80, 80, 75, 75, 78, 70,
    66, 63). The buyer says its time is up, the engine records the talks as having run
    out of time with one retraction (trust 0.35), yet the debrief said "The buyer will
    remember that it had to leave" and left the retraction out, and the meetings table
    said "it left"."""
    arena = _play("tit-for-tat", 1, (80, 80, 75, 75, 78, 70, 66, 63))
    session = arena._session
    assert "my time is up" in session.said
    met = arena._buyer._memory.encounters[-1]
    assert (met.ending, met.retractions) == ("deadline", 1)
    line = _last_line(arena)
    assert REMEMBERED["deadline"] in line and REMEMBERED["it left"] not in line
    assert "and 1 offer(s) of yours it took as retractions." in line
    assert "<td>deadline</td>" in arena.meetings.value
    assert "<td>it left</td>" not in arena.meetings.value


def _read(line):
    """(ending, insults, retractions) as the debrief's last line states them."""
    ending = next(key for key, words in REMEMBERED.items() if words in line)
    insults = re.search(r"(\d+) offer\(s\) of yours it took as insults", line)
    retractions = re.search(r"(\d+)(?: offer\(s\) of yours it took)? as retractions", line)
    return (
        ending,
        int(insults.group(1)) if insults else 0,
        int(retractions.group(1)) if retractions else 0,
    )


@pytest.mark.parametrize("seed", range(16))
def test_x1_the_debrief_s_words_give_the_trust_the_buyer_keeps(seed):
    """What the last debrief line says the buyer remembers (the ending, the insults, the
    retractions) gives, by the engine's ``Memory``, exactly the trust the buyer keeps;
    meeting it again adds a second line that does the same. Asks with retractions, holds
    and insults, drawn per seed, for every style."""
    draw = random.Random(1000 + seed)
    style = ARENA_STYLES[seed % len(ARENA_STYLES)]
    asks = [draw.choice((95, 90, 85, 80))]
    for _ in range(9):
        asks.append(max(41, asks[-1] + draw.choice((-8, -5, -3, 0, 0, 4))))
    arena = _play(style, seed, asks)
    said = [_read(_last_line(arena))]
    assert Memory([Encounter(*said[0])]).trust == pytest.approx(arena._buyer.reveal()["trust"])
    arena.again.click()
    for ask in asks:
        if arena._session.finished:
            break
        arena.price.value = str(ask)
        arena.send_offer.click()
    if not arena._session.finished:
        arena.walk_out.click()
    said.append(_read(_last_line(arena)))
    trust = Memory([Encounter(*met) for met in said]).trust
    assert trust == pytest.approx(arena._buyer.reveal()["trust"])
    rows = re.findall(r"<tr><td>\d+</td><td>(.*?)</td>", arena.meetings.value)
    assert rows == [ending for ending, _, _ in said]


def test_x1_the_debrief_names_retractions_and_insults_together():
    """An insult and a retraction in one negotiation are both named, in one sentence."""
    for seed in range(40):
        arena = _play("conceder", seed, (99, 80, 85, 80, 75, 70))
        met = arena._session.remembered
        if met.insults and met.retractions:
            line = _last_line(arena)
            assert (
                f"and {met.insults} offer(s) of yours it took as insults and "
                f"{met.retractions} as retractions." in line
            )
            assert _read(line)[1:] == (met.insults, met.retractions)
            assert REMARKS["insult"] in " ".join(w for _, w in arena._session.remarks)
            return
    pytest.fail("no seed gave an insult and a retraction")
