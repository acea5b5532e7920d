"""Review 91 of module 04 (concessions): the arena's worked anchor range ends at 83, as
the rounded-down openings put it (M1); the arena's debrief names the ending the buyer
remembers and the retractions it counted (X1); question 1 says that a low quote lowers
the target too, so the opening need only clear the lowered even split (C1); three rule
sentences rewritten, rule 2's bound named the allowance (U1). Each test fails on the
text or code before this round."""

import random
import re

import pytest

import course
from course.checks import concessions as check
from course.checks.concessions import reservation_of
from course.engine import debrief
from course.engine.bots import REMARKS, Encounter, Memory
from course.engine.practice import ARENA_STYLES, LIMITS, Buyer
from course.models.batna import TARGET_SHARE
from course.variants import learner_as
from course.widgets.practice import REMEMBERED, NegotiationArena
from tests.test_concessions_review89 import SOURCE, _best_fact, _cell, _flat

MODULE = "04_concessions"
ROOT = SOURCE.parents[2]
LEARNERS = ("rv91a", "kite-b7", "zeta42", "learner-0913", "sweep-1", "sweep-49")


# --- M1: the arena's worked range, from the engine ---------------------------------------


def _insults(style, limit, ask):
    """How many insults the engine counts when a first-met buyer of ``style`` and
    ``limit`` opens and you answer with ``ask``, then walk away."""
    game = Buyer(style, limit, rng=random.Random(0)).session(40, first="bot")
    game.offer(ask)
    if not game.finished:
        game.walk_away(polite=True)
    return debrief.insults(game.result(), "seller")


def test_m1_the_range_its_top_and_the_insult_line_are_the_engine_s():
    """Review 91 M1: the text put a first meeting's opening of 24 between 60 and 80 (24 /
    0.3), but openings are rounded down, so a Boulware buyer with a limit of 81 to 83 opens
    at 24 too; ``limits_behind`` gives 60 to 83. The text's range, its advice to open at
    the top, and the insult line it names (for the lowest buyer in the range) are read from
    the text and computed here by the engine: the top ask insults no buyer who opens so."""
    flat = _flat()
    # review 96 U1: the range is now stated as the engine's three bands (review 97 tests
    # each band); its ends are still the engine's, and the top is still 83
    said = re.search(r"opening of (\d+) puts that price in one of three bands[^.]*\.", flat)
    assert said, "the arena's worked range is not stated as the engine gives it"
    opening = int(said.group(1))
    ends = [int(x) for x in re.findall(r"(\d+) to (\d+)", said.group(0)) for x in x]
    low, high = min(ends), max(ends)
    assert int(0.3 * high) == opening
    buyer = Buyer(rng=random.Random(0))
    buyer.session(40, first="bot")  # a first meeting: nothing remembered
    found = buyer.limits_behind(opening, ARENA_STYLES)
    assert (min(found), max(found)) == (low, high)
    top = re.search(r"Open at the top, (\d+): still below the insult line of every buyer", flat)
    assert top and int(top.group(1)) == high
    line = re.search(r"every buyer in the bands \((\d+) for one of (\d+)\)", flat)
    assert line and int(line.group(2)) == low
    # the insult line for that buyer: the highest ask it does not take as an insult
    style = next(
        name
        for name in ARENA_STYLES
        if Buyer(name, low, rng=random.Random(0)).session(40, first="bot").bot_offer == opening
    )
    calm = [ask for ask in range(low, 101) if _insults(style, low, ask) == 0]
    assert max(calm) == int(line.group(1)) and calm == list(range(low, max(calm) + 1))
    for limit in found:  # the top ask insults no buyer whose opening put it in the range
        for name in ARENA_STYLES:
            game = Buyer(name, limit, rng=random.Random(0)).session(40, first="bot")
            if game.bot_offer == opening:
                assert _insults(name, limit, high) == 0, (name, limit)
    assert LIMITS[0] <= low < high <= LIMITS[1]


# --- X1: the debrief's memory line is the engine's ---------------------------------------


def _send(arena, asks, end="walk"):
    """Send ``asks`` until the talks end; if they have not, end them with ``end``."""
    for ask in asks:
        if arena._session.finished:
            break
        arena.price.value = str(ask)
        arena.send_offer.click()
    if not arena._session.finished:
        getattr(arena, end).click()
    return arena


def _play(style, seed, asks):
    return _send(NegotiationArena(style=style, rng=random.Random(seed)), asks)


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
    assert "and counted 1 retraction of yours." in line
    assert "<td>deadline</td>" in arena.meetings.value
    assert "<td>it left</td>" not in arena.meetings.value


def _read(line):
    """(ending, insults, retractions) as the debrief's last line states them."""
    ending = next(key for key, words in REMEMBERED.items() if words in line)
    insults = re.search(r"(\d+) insults? ", line)
    retractions = re.search(r"(\d+) retractions? ", line)
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
    _send(arena, asks, end="walk_out")
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
            insults = f"{met.insults} insult{'s' * (met.insults > 1)}"
            retractions = f"{met.retractions} retraction{'s' * (met.retractions > 1)}"
            assert f"and counted {insults} and {retractions} of yours." in line
            assert _read(line)[1:] == (met.insults, met.retractions)
            assert REMARKS["insult"] in " ".join(w for _, w in arena._session.remarks)
            return
    pytest.fail("no seed gave an insult and a retraction")


# --- C1: a low quote lowers the target too ----------------------------------------------


def test_c1_question_1_says_the_opening_need_only_reach_halfway_to_a_low_quote():
    """Review 91 C1: for rv91a (reservation price 85) the check's lowest quote is 93, which
    lowers the estimate to 93 and the rule's target to 91; an opening of 90 (3 under the
    quote) passes, as it did. Question 1 now says that such a quote lowers the target too
    and the opening need only reach halfway from the reservation price to the quote (89,
    the even split of the lowered zone, a term section 2 defines later): the text matches
    the check, which still refuses an opening below that split."""
    q1 = _cell("q1-text")
    # review 92 X2: the sentence now says the 3-under rule already keeps the opening at or
    # above that lowered split (the check's floor is unchanged)
    # review 94 U1: the sentence is cut (it did not bear on what opening returns); the
    # check's message still says it when a learner opens below the lowered split
    assert "lowers your estimate, and your target, to match" not in " ".join(q1.split())
    s = course.variant(MODULE, "rv91a")
    r = reservation_of(s)
    quote = min(q for _, q in check._rivals(s, hidden=True))
    split, rule = (r + quote) / 2, r + TARGET_SHARE * (quote - r)
    assert (r, quote, split, rule) == (85, 93, 89, 91)  # the reviewer's numbers
    key = [_best_fact(s)]
    with learner_as("rv91a"):
        assert check._check_opening(s, None, (quote - 3, key), quote) == quote - 3 < rule
        low = r + 4  # a quote where the lowered split, not 3 under the quote, is the floor
        with pytest.raises(check.NotYet, match=r"below your target"):
            check._check_opening(s, None, ((r + low) / 2 - 0.5, key), low)


# --- U1: three rewrites -------------------------------------------------------------------


def test_u1a_the_offers_of_an_opening_set_nearly_always_fall_short_of_orchard_s_minimum():
    """Review 91 U1: question 5's insult bullet ended with a rule-like sentence on the
    landing package; a note after the rules now says the offers nearly always give Orchard
    less than its minimum. Over the sets question 5 accepts, for the reviewer's learners
    and 200 of the sweep's, more than nine offers in ten do, but not all. (The reviewer's
    "most of your three offers" fails for a few sets, with two offers at the minimum.)"""
    q5 = _cell("q5-text")
    assert "This is an opening set" not in q5
    assert "So your offers will nearly always give Orchard less than its minimum" in q5
    bullet = q5[q5.index("none is an insult") : q5.index("So your offers")]
    assert "landing package" not in bullet
    short = offers = 0
    for learner in (*LEARNERS, *(f"sweep-{n}" for n in range(200))):
        s = course.variant(MODULE, learner)
        for trio in check.meso_triples(s, check._table(s.learner)):
            offers += 3
            short += sum(row[2] < s.their_minimum for row in trio)
    assert 0.9 < short / offers < 1


def test_u1b_the_check_s_sets_have_one_best_offer_and_both_readings_pass():
    """Review 91 U1: question 5b's last sentence is rewritten. Each of its claims holds in
    the check's cases: every pick it asks about comes from a set with one offer the
    research rates best for Orchard; comparing the pick with every offer it beat that the
    research rated higher sometimes names more issues (the reviewer's wording, "gives the
    same answer", would be untrue), and an answer that reads it so passes."""
    q5b = _cell("q5b-text")
    assert "reading the pick against every offer it beat" not in q5b
    assert (
        "The check asks only about sets with one offer your research rates best for Orchard. "
        "Comparing the pick with every offer it beat that your research rated higher may "
        "name more issues, and passes too." in q5b
    )

    def against_higher(s, offers, picked):
        table = check._table(s.learner)
        worth = [table.points(o)[1] for o in offers]
        higher = [o for k, o in enumerate(offers) if worth[k] > worth[picked]]
        pick = offers[picked]
        return {
            i
            for o in higher
            for i, levels in s.issues.items()
            if levels.index(pick[i]) > levels.index(o[i])
        }

    more = 0
    for learner in LEARNERS:
        with learner_as(learner):
            for hidden in (False, True):
                for s in check._scenarios(hidden):
                    table = check._table(s.learner)
                    for offers, picked, expected in check._pick_cases(s, hidden):
                        worth = [table.points(o)[1] for o in offers]
                        assert worth.count(max(worth)) == 1
                        more += against_higher(s, offers, picked) > expected
            check.read_pick(against_higher)
            check.read_pick(against_higher, hidden=True)
    assert more > 0


def test_u1c_rule_2_names_its_bound_the_allowance_in_rule_question_3_and_summary():
    """Review 91 U1: rule 2 coined "your most" and nested a second rule in a bracket. It
    now lists four numbers and names their smallest the allowance (not "cap", as the
    reviewer proposed: module 04 already calls a limit on what Orchard can pay a cap, in
    section 5 and question 6, and module 01 defines a cap of its own). Question 3, the
    summary and the check's messages use the same word; no other module uses it."""
    flat = _flat()
    assert "Your most is" not in flat and "rule 2's most" not in flat and "that most" not in flat
    rule_2 = flat[flat.index("2. Give back part of what they gave") : flat.index("3. If they")]
    assert "Your **allowance** is the smallest of four numbers: their concession;" in rule_2
    assert "Give between half of your allowance and all of it." in rule_2
    assert "from half of your allowance to all" in _cell("q3-text")
    assert "from half to all of your allowance" in _cell("summary")
    assert "a cap on what they can pay" in _cell("difficult-teaching")
    for other in ROOT.glob("source/0[0-35]_*/*.py"):
        assert "allowance" not in other.read_text().lower(), other
    messages = (ROOT / "course" / "checks" / "concessions.py").read_text()
    assert "half of that most" not in messages and messages.count("of your allowance") >= 1
