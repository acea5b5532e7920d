"""course.widgets.practice in plain Python: the arena and the low-ball moment; set .value,
.click(), read what the view shows."""

import itertools
import json
import math
import random
import re
from html import unescape

import ipywidgets as w
import pytest

from course.engine import debrief
from course.engine.bots import REMARKS, STYLES
from course.engine.practice import Buyer
from course.engine.protocol import Result
from course.pictures import counted
from course.widgets import practice as views
from course.widgets.practice import REMEMBERED, DifficultMoment, NegotiationArena

HIDDEN = 67  # a limit for the tests that look for it in what the widgets show


def every_widget(root):
    """``root`` and every widget inside it."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        found.append(widget)
        stack += [c for c in getattr(widget, "children", ()) if isinstance(c, w.Widget)]
    return found


def shown(root):
    """Every text a browser receives: the values, labels and options of every widget."""
    found = []
    for widget in every_widget(root):
        state = widget.get_state()
        for key in ("value", "description", "placeholder", "_options_labels"):
            found.append(json.dumps(state.get(key), default=str))
    return " ".join(found)


def secret_buyer(arena, style="linear", limit=HIDDEN):
    """Give the arena's next negotiation a buyer of ``style`` and ``limit``."""
    arena._buyer = Buyer(style, limit, rng=random.Random(1))
    arena._begin()


def offer(arena, price):
    arena.price.value = str(price)
    arena.send_offer.click()


def test_the_arena_opens_with_a_mystery_buyer_and_an_empty_offer_box():
    arena = NegotiationArena(rng=random.Random(3))
    assert arena.counterpart.value == "mystery" and arena.price.value == ""
    assert (
        "drawn independently of yours (it may be below it)" in arena.brief.value
        and "35 to 85" in arena.brief.value
    )
    assert "your reservation price is 40" in arena.brief.value
    style = arena._buyer.reveal()["style"]
    texts = [arena.brief.value, arena.status.value, arena.history.value, arena.result.value]
    assert not any(style in text for text in texts)
    assert arena.accept.disabled and not arena.send_offer.disabled


@pytest.mark.parametrize("typed", ["", "  ", "eighty", "150", "-3", "40.5"])
def test_a_refused_offer_sends_nothing_and_says_why(typed):
    arena = NegotiationArena(rng=random.Random(3))
    offer(arena, 80)
    before = list(arena._session.history)
    arena.price.value = typed
    arena.send_offer.click()
    assert arena._session.history == before  # no round used, no old value sent
    assert "whole number from 0 to 100" in arena.status.value
    arena.make_offer()  # Enter in the box goes the same way
    assert arena._session.history == before


def test_a_whole_negotiation_is_played_and_debriefed():
    arena = NegotiationArena(style="conceder", rng=random.Random(7))
    for ask in (85, 78, 72, 66, 60, 55, 50, 46):
        if arena._session.finished:
            break
        offer(arena, ask)
        if not arena._session.finished:
            status = unescape(arena.status.value)
            assert "Your move, round" in status and "“" in status  # review 90 U1 wording
    if not arena._session.finished:
        arena.accept.click()
    text = unescape(arena.result.value)
    assert (
        "Round 1: you ask 85" in arena.history.value
        and "Round 1: the buyer offers" in arena.history.value
    )
    assert ("Deal at" in text or "No deal" in text) and "The buyer will remember" in text
    assert "concession" in text
    assert arena.chart.value.count("<polyline") == 2
    assert arena.send_offer.disabled and arena.accept.disabled and arena.walk.disabled
    assert "conceder buyer" in text  # a style you picked is named in the debrief
    arena.send_offer.click()  # a click after the end changes nothing
    assert "over: meet this buyer again" in arena.status.value
    assert "Negotiation over. Meet this buyer again" in _ended(arena)


def _ended(arena):
    """The status the arena shows when the talks end (a later click replaces it)."""
    arena._end()
    return unescape(arena.status.value)


def test_a_deal_at_exactly_your_reservation_price_is_called_that():
    result = Result(None, 0, 3, "agreement", "buyer", [])

    class Finished:
        agreement, side = 40, "seller"

        def result(self):
            return result

    text = views._outcome(Finished(), 40, 40)
    assert "exactly your reservation price, no gain over your BATNA" in text
    assert "below" not in text and "worse" not in text
    assert "23 over your reservation price" in views._outcome(
        type("S", (Finished,), {"agreement": 63})(), 40, 70
    )


def test_no_deal_when_the_limits_are_equal_is_explained():
    arena = NegotiationArena(rng=random.Random(2))
    secret_buyer(arena, "linear", 40)
    arena.walk.click()
    assert "exactly yours" in unescape(arena.result.value)


def test_the_buyer_walks_away_in_words_after_stalling():
    arena = NegotiationArena(rng=random.Random(2))
    secret_buyer(arena, "linear", 60)
    for _ in range(10):
        if arena._session.finished:
            break
        offer(arena, 85)
    text = unescape(arena.result.value)
    assert "the buyer walked away in round" in text and "going round in circles" in text


def test_naming_the_mystery_style_gets_feedback_with_the_evidence():
    arena = NegotiationArena(rng=random.Random(5))
    assert arena.naming.layout.display == "none"  # nothing to name before the end
    arena.walk.click()
    assert arena.naming.layout.display is None
    style = arena._buyer.reveal()["style"]
    arena.guess.value = style
    arena.name_it.click()
    assert unescape(arena.reading.value).count("Right.") == 1 and style in arena.reading.value
    wrong = next(s for s in STYLES if s != style)
    arena.guess.value = wrong
    arena.name_it.click()
    assert f"Not quite: you said {wrong}" in unescape(arena.reading.value)
    arena.guess.set_trait("index", None)  # a visitor clears the dropdown
    arena.name_it.click()
    assert "Pick the style" in arena.reading.value


def test_meeting_the_same_buyer_again_remembers_the_ending():
    arena = NegotiationArena(rng=random.Random(4))
    first = arena._buyer.reveal()
    offer(arena, 80)
    arena.walk_out.click()
    assert "a walk-out, which burns most of its trust" in unescape(arena.result.value)
    arena.again.click()
    again = arena._buyer.reveal()
    assert (again["style"], again["limit"], again["met"]) == (first["style"], first["limit"], 1)
    assert "You have met this buyer once before" in arena.brief.value
    assert "<td>walk-out</td>" in arena.meetings.value
    arena.start.click()  # a new buyer forgets
    assert arena._buyer.reveal()["met"] == 0 and arena.meetings.value == ""


def test_meeting_again_waits_for_the_end():
    arena = NegotiationArena(rng=random.Random(4))
    arena.again.click()  # forged over the websocket while the talks go on
    assert "Finish this negotiation first" in arena.status.value


def test_the_same_limit_can_meet_another_style():
    arena = NegotiationArena(style="boulware", rng=random.Random(6))
    limit = arena._buyer.reveal()["limit"]
    arena.keep.value = True
    arena.counterpart.value = "tit-for-tat"
    arena.start.click()
    assert arena._buyer.reveal() == {"style": "tit-for-tat", "limit": limit, "met": 0, "trust": 0.5}


def test_a_tampered_counterpart_is_refused():
    arena = NegotiationArena(rng=random.Random(6))
    arena.counterpart.set_trait("index", None)
    arena.start.click()
    assert "is not a buyer you can pick" in unescape(arena.status.value)


def test_no_hidden_value_reaches_any_widget_before_the_end():
    arena = NegotiationArena(rng=random.Random(8))
    secret_buyer(arena, "tit-for-tat", HIDDEN)
    for ask in (95, 90, 85):
        offer(arena, ask)
        state = shown(arena)
        assert str(HIDDEN) not in state and "tit-for-tat buyer" not in state
    arena.walk.click()
    assert str(HIDDEN) in arena.result.value  # revealed for the debrief, only after the end


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="pick a bot style"):
        NegotiationArena(style="villain")


# --- the low-ball ---------------------------------------------------------------------


def test_the_moment_tells_the_story_up_to_a_real_low_ball():
    moment = DifficultMoment(rng=random.Random(2))
    m = moment._moment
    assert (
        f"the buyer suddenly offers {m.low_ball}</b>, well below its own offers"
        in moment.story.value
    )
    assert moment.outcome.value == "" and moment.ask.value == ""


@pytest.mark.parametrize("seed", range(6))
def test_each_verdict_is_true_of_its_history(seed):
    moment = DifficultMoment(rng=random.Random(seed))
    m = moment._moment
    moment.choice.value = "half"
    moment.play.click()
    half = m.play("half")
    text = unescape(moment.outcome.value)
    assert "times your next planned step" in text and half["pressed"]
    assert ("read that as pressure working" in text) != m.claim_true
    moment.choice.value = "hold"
    moment.play.click()
    held = m.play("hold")
    text = unescape(moment.outcome.value)
    if m.claim_true:
        assert "You repeated your last ask: the buyer offered nothing above its low-ball" in text
        assert "This time the claim was true" in text
    else:
        assert "You repeated your last ask: the buyer read that the low-ball had not worked" in text
    if held["later_best"] is not None and held["later_best"] > m.low_ball:
        assert f"not true: it later offered {held['later_best']}." in text
    else:
        assert "not true" not in text
    moment.choice.value = "accept"
    moment.play.click()
    assert f"a deal at {m.low_ball}, " in unescape(moment.outcome.value)
    moment.choice.value = "walk"
    moment.play.click()
    assert "the door open" in unescape(moment.outcome.value)
    assert moment.comparison.value.count("<tr>") == 6  # a header and five answers


def test_the_story_shows_the_budget_claim_and_the_planned_step():
    moment = DifficultMoment(rng=random.Random(3))
    m = moment._moment
    story = unescape(moment.story.value)
    assert "“Frankly, this is all the budget allows.”" in story
    assert f"your next planned step is {m.planned_step}" in story
    assert f"to a target of {m.target}" in story


@pytest.mark.parametrize("seed", range(6))
def test_a_deal_below_your_reservation_price_is_called_that(seed):
    """An ask below the reservation price ended in a deal the verdict did not flag. Typed asks
    below it are played, and the verdict says what they cost."""
    moment = DifficultMoment(rng=random.Random(seed))
    m = moment._moment
    moment.choice.value = "ask"
    moment.ask.value = str(m.your_reservation - 3)
    moment.play.click()
    run = m.play("ask", m.your_reservation - 3)
    text = unescape(moment.outcome.value)
    if run["price"] is not None and run["price"] < m.your_reservation:
        assert f"below your reservation price {m.your_reservation}: worse than your BATNA" in text
    assert m.next_ask("half") >= m.your_reservation  # the half option never goes below it


def test_your_own_ask_is_played_and_a_bad_one_is_refused():
    moment = DifficultMoment(rng=random.Random(1))
    m = moment._moment
    moment.choice.value = "ask"
    for typed in ("", "lots", str(m.last_ask + 5)):
        moment.ask.value = typed
        moment.play.click()
        assert moment.outcome.value == "" and "ask" in moment.status.value
    moment.ask.value = str(m.last_ask - m.planned_step)
    moment.play.click()
    assert f"You conceded {m.planned_step}, about your next planned step" in unescape(
        moment.outcome.value
    )
    assert moment.comparison.value.count("<tr>") == 7


@pytest.mark.parametrize("seed", range(4))
def test_a_step_smaller_than_the_planned_one_is_called_no_bigger_not_about(seed):
    """An ask 1 below the last, with a planned step of 5, was called 'about your next planned
    step'."""
    moment = DifficultMoment(rng=random.Random(seed))
    m = moment._moment
    assert m.planned_step > 1
    moment.choice.value = "ask"
    moment.ask.value = str(m.last_ask - 1)
    moment.play.click()
    text = unescape(moment.outcome.value)
    assert f"You conceded 1, no bigger than your next planned step ({m.planned_step})" in text
    assert "about your next planned step" not in text


def test_the_moment_keeps_the_buyers_limit_out_of_every_trait():
    moment = DifficultMoment(rng=random.Random(2))
    limit = abs(moment._moment._negotiation.preferences["buyer"].reservation)
    assert f"{limit:g}" not in shown(moment)
    assert "_negotiation" not in moment.keys


def test_a_tampered_answer_is_rejected_with_a_message():
    moment = DifficultMoment(rng=random.Random(2))
    moment.choice.value = "hold"
    moment.choice.set_trait("index", None)  # a visitor clears the selection
    moment.play.click()
    assert "Pick an answer first" in moment.status.value
    assert moment.outcome.value == ""
    moment.again.click()
    assert moment.outcome.value == "" and moment.comparison.value == ""


# --- what the arena says is true of what happened ---------------------


def _play_down(arena, asks):
    for ask in asks:
        if arena._session.finished:
            return
        offer(arena, ask)


def test_the_buyer_can_open_with_an_anchor_and_the_debrief_names_it():
    arena = NegotiationArena(style="linear", rng=random.Random(3))
    arena.opens.value = True
    arena.start.click()
    session = arena._session
    anchor = session.bot_offer
    assert session.history == [(1, "bot", anchor)] and anchor < arena.reservation
    assert "The buyer opens" in arena.brief.value and f"opens at {anchor}" in arena.status.value
    assert not arena.accept.disabled
    _play_down(arena, [84, 80, 77, 75, 73, 71, 70, 69, 68, 67])
    if not arena._session.finished:
        arena.walk.click()
    text = unescape(arena.result.value)
    limit = arena._buyer.reveal()["limit"]
    assert f"The buyer opened at {anchor}, its anchor. Your first answer was 84" in text
    assert f"It was {limit}." in text


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("style", ["linear", "tit-for-tat", "conceder"])
def test_every_concession_line_is_true_of_a_replay(style, seed):
    """Each line's numbers are the buyer's answer and its answer in a replay where you
    held your ask instead, computed here with the engine's own replay."""
    arena = NegotiationArena(style=style, rng=random.Random(seed))
    _play_down(arena, [80, 75, 70, 66, 63, 61, 59, 58, 57, 56])
    if not arena._session.finished:
        arena.accept.click() if arena._session.bot_offer else arena.walk.click()
    result = arena._session.result()
    mine = [(r, p) for r, who, p in arena._session.history if who == "you"]
    lines = [li for li in re.findall(r"<li>(.*?)</li>", unescape(arena.result.value))]
    for number in range(1, len(mine)):
        (round_, price), (_, before) = mine[number], mine[number - 1]
        if price >= before:
            continue
        [line] = [li for li in lines if li.startswith(f"Round {round_}: you came down")]
        held = [result.negotiation.index_of(p) for _, p in mine[:number]] + [
            result.negotiation.index_of(before)
        ]
        instead = debrief.replay(result, "seller", held)
        if instead[0] == "accept":
            assert "would have accepted" in line and "bought nothing" in line
        elif instead[0] == "offer":
            would = result.negotiation.public(instead[1])
            answer = next(
                (p for r, who, p in arena._session.history if who == "bot" and r == round_), None
            )
            if answer is not None:
                assert f"answered {answer}" in line
                if answer > would:
                    assert (
                        f"would have offered {would}: your concession bought {answer - would}"
                        in line
                    )
                else:
                    assert "bought nothing" in line


def test_a_concession_the_buyer_would_have_taken_anyway_is_not_called_answered():
    """A linear buyer accepts 61 where it would have accepted 63."""

    for seed in range(40):
        arena = NegotiationArena(style="linear", rng=random.Random(seed))
        _play_down(arena, [80, 75, 70, 66, 63, 61, 60, 59, 58, 57])
        if not arena._session.finished:
            continue
        found = debrief.concessions(arena._session.result(), "seller")
        wasted = [c for c in found if c["answer"] == c["instead"] == "accept"]
        if wasted:
            assert all(not c["answered"] and c["back"] == -c["cost"] for c in wasted)
            assert "the concession cost you" in unescape(arena.result.value)
            return
    pytest.fail("no run accepted a concession it would have accepted without it")


def test_the_best_price_line_names_the_turns_played_and_the_limit():
    arena = NegotiationArena(style="conceder", rng=random.Random(2))
    offer(arena, 80)
    arena.walk.click()
    text = unescape(arena.result.value)
    limit = arena._buyer.reveal()["limit"]
    assert "At the turns you played, the best price it would have accepted was" in text or (
        "At the turns you played, the buyer would have accepted no price" in text
    )
    assert f"its reservation price was {limit}." in text


def test_a_buyer_that_leaves_said_first_that_its_patience_was_running_out():
    """Insults skipped the warning, and a buyer met again after a walk-out left on the first ask
    with no offer at all."""
    left = 0
    for style in ("conceder", "linear", "boulware", "tit-for-tat"):
        for asks in ([99] * 10, [90] * 10, [85, 99, 99, 99, 99, 99, 99, 99, 99, 99]):
            arena = NegotiationArena(style=style, rng=random.Random(4))
            offer(arena, 95)
            arena.walk_out.click()
            arena.again.click()  # met again after a walk-out: less patient
            _play_down(arena, asks)
            session = arena._session
            if not (session.finished and session.result().by_side == "buyer"):
                continue
            if session.ended_by != "walk away":
                continue
            said = [words for _, words in session.remarks]
            assert len(said) >= 2 and "My patience is running out." in said[-2], (style, said)
            assert "“" in unescape(arena.result.value) and "”." not in unescape(arena.result.value)
            left += 1
    assert left >= 8  # most of these ways of playing make it leave


# --- every sentence of the arena's debrief against the history it describes (issue 14) ---

ASKS = {
    "steady": [80, 75, 70, 66, 63, 61, 59, 58, 57, 56],
    "holds": [85, 85, 80, 80, 76, 76, 72, 72, 70, 70],
    "retraction": [80, 74, 78, 72, 70, 68, 66, 64, 62, 60],
    "insults": [99, 95, 99, 90, 85, 80, 75, 70, 65, 60],
}
PRICE = r"(\d+(?:\.\d+)?)"


def _debriefed(style, asks, seed, opens):
    arena = NegotiationArena(style=style, rng=random.Random(seed))
    if opens:
        arena.opens.value = True
        arena.start.click()
    _play_down(arena, ASKS[asks])
    if not arena._session.finished:
        arena.accept.click() if arena._session.bot_offer is not None else arena.walk.click()
    lines = re.findall(r"<li>(.*?)</li>", unescape(arena.result.value))
    return arena, arena._session, arena._session.result(), lines


def _bot_steps(history, limit):
    """The buyer's steps up, as shares of the room between its first offer and its limit."""
    theirs = [p for _, who, p in history if who == "bot"]
    room = max(limit - theirs[0], 1e-12)
    return theirs, [(b - a) / room for a, b in itertools.pairwise(theirs)]


@pytest.mark.parametrize("opens", [False, True])
@pytest.mark.parametrize("asks", list(ASKS))
@pytest.mark.parametrize("style", list(STYLES))
def test_every_debrief_sentence_is_true_of_its_history(style, asks, opens):
    """Each sentence the debrief shows is recomputed here from the public history, the
    bot's own remarks and counters, and the engine's replay: the price and the share of
    the zone, how it ended, the anchor, each concession's size, the concessions into
    silence, the best price it would have taken, the shares of ground per half and after
    each hold, and the insults it remembers."""
    for seed in range(3):
        arena, session, result, lines = _debriefed(style, asks, seed, opens)
        history, mine = session.history, arena.reservation
        limit = arena._buyer.reveal()["limit"]
        yours = [(r, p) for r, who, p in history if who == "you"]
        checked = 0
        for line in lines:
            if m := re.fullmatch(
                rf"Deal at {PRICE}: {PRICE} over your reservation price\. The zone ran from {PRICE} to {PRICE}: you took (\d+)% of it\.",
                line,
            ):
                price, over, low, high, share = map(float, m.groups())
                assert price == session.agreement and over == price - mine
                assert (low, high) == (mine, limit)
                assert share == round(100 * (price - mine) / (limit - mine))
            elif line.startswith("Deal at"):
                price = float(re.match(rf"Deal at {PRICE}", line).group(1))
                assert price == session.agreement
                assert ("exactly your reservation price" in line) == (price == mine)
                assert ("below your reservation price" in line) == (price < mine)
            elif line.startswith("No deal: "):
                assert session.agreement is None
                if m := re.search(r"the buyer walked away in round (\d+): “(.*)”", line):
                    assert result.by_side == "buyer" and result.ended_by == "walk away"
                    assert int(m.group(1)) == result.round and m.group(2) == session.remarks[-1][1]
                elif "you walked away" in line:
                    assert result.by_side == "seller" and result.ended_by == "walk away"
                else:
                    assert "ran out of time" in line and result.ended_by == "deadline"
                assert ("a zone existed" in line) == (limit > mine)
            elif line.startswith("The buyer opened at"):
                anchor, answer = map(float, re.findall(PRICE, line)[:2])
                assert history[0][1] == "bot" and anchor == history[0][2]
                assert answer == yours[0][1]
            elif m := re.match(
                rf"Round (\d+): you came down {PRICE}, from {PRICE} to {PRICE}\. ", line
            ):
                round_, cost, before, after = int(m.group(1)), *map(float, m.groups()[1:])
                at = next(
                    i for i, (r, who, _) in enumerate(history) if who == "you" and r == round_
                )
                earlier = [p for _, who, p in history[:at] if who == "you"]
                # review 92 X1: measured from your least earlier ask, so undoing a step
                # back is no concession
                assert history[at][2] == after and min(earlier) == before
                assert cost == before - after > 0
                later = [p for _, who, p in history[at + 1 :] if who == "bot"]
                if "The buyer accepted" in line:
                    assert session.agreement == after and result.by_side == "buyer"
                elif g := re.search(rf"answered {PRICE}", line):
                    assert float(g.group(1)) == later[0]
                    if ", as it would have had you held" in line:
                        held = [result.negotiation.index_of(p) for p in [*earlier, before]]
                        instead = debrief.replay(result, "seller", held)
                        assert instead == ("offer", result.negotiation.index_of(later[0]))
                elif "left anyway" in line:
                    assert history[-1] == (round_, "you", after) and result.by_side == "buyer"
            elif m := re.match(  # review 89 X1
                rf"Round (\d+): your ask of {PRICE} was below the buyer's offer on the table "
                rf"\({PRICE}\): accepting it would have given you {PRICE} more\.$",
                line,
            ):
                round_, ask, theirs, gain = int(m.group(1)), *map(float, m.groups()[1:])
                at = next(
                    i for i, (r, who, _) in enumerate(history) if who == "you" and r == round_
                )
                assert history[at][2] == ask
                assert [p for _, who, p in history[:at] if who == "bot"][-1] == theirs
                assert gain == theirs - ask > 0
            elif line == "You made no concession after your first offer.":
                assert all(b >= a for (_, a), (_, b) in itertools.pairwise(yours))
            elif m := re.match(
                r"(\d+) of your concessions came when the buyer had made only its opening", line
            ):
                silent = 0
                for at, (_, who, price) in enumerate(history):
                    earlier = [p for _, w_, p in history[:at] if w_ == "you"]
                    if who != "you" or not earlier or price >= earlier[-1]:
                        continue
                    theirs = [p for _, w_, p in history[:at] if w_ == "bot"]
                    silent += len(theirs) < 2 or theirs[-1] <= theirs[-2]
                assert int(m.group(1)) == silent > 0
            elif line.startswith("At the turns you played"):
                assert line.endswith(f"its reservation price was {limit:g}.")
                if m := re.search(rf"was {PRICE} \(round (\d+)\)", line):
                    best, round_ = float(m.group(1)), int(m.group(2))
                    assert best <= limit
                    negotiation = result.negotiation
                    before = [negotiation.index_of(p) for r, p in yours if r < round_]
                    answer = debrief.replay(result, "seller", [*before, negotiation.index_of(best)])
                    assert answer[0] == "accept"
            elif line.startswith("It was a "):
                theirs, steps = _bot_steps(history, limit)
                half = (len(steps) + 1) // 2
                if len(theirs) < 2:  # review 99 U2: no halves of fewer than two offers
                    assert "too few to show how it gives ground" in line
                    assert "first half of its offers" not in line
                else:
                    early, late = re.search(
                        r"it gave (\d+)% in the first half of its offers and (\d+)% in the second",
                        line,
                    ).groups()
                    assert int(early) == round(100 * sum(steps[:half]))
                    assert int(late) == round(100 * sum(steps[half:]))
                first = 1 if history[0][1] == "you" else 0
                holds = [
                    step
                    for number, step in enumerate(steps)
                    if 1 <= number + first < len(yours)
                    and yours[number + first][1] >= yours[number + first - 1][1]
                ]
                if m := re.search(r"each time you held, it moved (.*) of that ground", line):
                    # review 88 C2: to one decimal; a step under 5% is rounded down
                    shown_ = [float(x) for x in re.findall(r"(-?\d+\.\d)%", m.group(1))]
                    assert len(shown_) == len(holds) >= 2
                    assert all(
                        abs(a - 100 * s) <= 0.1 + 1e-9 for a, s in zip(shown_, holds, strict=True)
                    )
                    if "barely moved" in line:
                        assert max(shown_) < 5 and max(holds) < debrief.STILL
                else:
                    assert "you held fewer than twice" in line and len(holds) < 2
            elif line.startswith("The buyer will remember"):
                # the buyer says so when it answers an insult; when it leaves instead, its
                # parting words replace that remark
                count = re.search(r"counted (\d+) insults? ", line)
                count = int(count.group(1)) if count else 0
                said = sum(REMARKS["insult"] in words for _, words in session.remarks)
                left = result.by_side == "buyer" and result.ended_by == "walk away"
                assert said <= count <= said + left
                assert REMEMBERED[session.ending] in line
            else:
                pytest.fail(f"a debrief sentence no test reads: {line}")
            checked += 1
        assert checked == len(lines) >= 3


@pytest.mark.parametrize("seed", range(12))
def test_what_the_low_ball_verdict_says_the_buyer_did_is_in_the_history(seed):
    """Every answer's verdict: the buyer's return to its offer before the low-ball (the
    round named is the first at or above it), its restart from the low-ball, and the
    budget claim called untrue only when a later offer beat the low-ball."""
    moment = DifficultMoment(rng=random.Random(seed))
    m = moment._moment
    before = [p for _, who, p in m.before if who == "bot"][-2]
    for response in ("hold", "usual", "half"):
        run = m.play(response)
        text = views.verdict_of(m, run, m.play("hold"))
        after = [(r, p) for r, who, p in run["history"] if who == "bot"][m.low_round + 1 :]
        if found := re.search(r"its earlier offer \((\d+)\) (?:only )?in round (\d+)", text):
            offer, round_ = int(found.group(1)), int(found.group(2))
            assert offer == before
            assert [r for r, p in after if p >= before][:1] == [round_]
        if "never coming back to its earlier offer" in text:
            assert all(p < before for _, p in after)
        if "started again from its low-ball" in text:
            assert run["pressed"] and after and after[0][1] < before
        if "was not true: it later offered" in text:
            later = int(re.search(r"it later offered (\d+)", text).group(1))
            assert later == max(p for _, p in after) > m.low_ball
            # review 88 U5: where the claim falls on module 00's line is said once, under
            # the comparison table (views.BUDGET_CLAIM_LINE), not in each verdict
            # review 114 U6: the line now says "states a fact about its budget"
            assert "states a fact about its budget" not in text and "module 00's line" not in text
        else:
            assert not after or max(p for _, p in after) <= m.low_ball
        assert ("This time the claim was true" in text) == m.claim_true
        if "offered nothing above its low-ball" in text:
            assert all(p <= m.low_ball for _, p in after)
        if "went back to its own pace" in text or "back at or above its earlier" in text:
            assert not m.claim_true


def test_the_low_ball_debrief_names_the_right_answer_as_it_looked_at_the_time():
    """The learner cannot know the budget claim is true when the low-ball comes, so the debrief
    never calls leaving at once the best answer in hindsight; for both kinds of claim it names
    the right answer (hold, and ask what changed), and for a true claim, leaving once the cut is
    confirmed. It also called the planned step right, which section 3's rule 3 forbids after a
    retraction (the low-ball is one); now holding is the one right answer, in every debrief."""
    kinds = set()
    for seed in range(40):
        m = DifficultMoment(rng=random.Random(seed))._moment
        kinds.add(m.claim_true)
        for response in ("accept", "walk", "hold", "usual", "half"):
            text = views.verdict_of(m, m.play(response), m.play("hold"))
            assert "leave at once" not in text
            assert (
                "right answer was to repeat your last ask and ask what had changed"
                in text.replace("right answer was still", "right answer was")
                or "Rule 3's answer was to repeat your last ask and ask what had changed" in text
            )
            assert "or make your planned step" not in text and "rule 3" in text
            assert ("once the buyer's offers confirmed the cut" in text) == m.claim_true
            assert ("the claim was a test" in text) != m.claim_true
    assert kinds == {True, False}  # both kinds of claim were debriefed


@pytest.mark.parametrize("style", list(STYLES))
def test_the_best_price_line_counts_the_buyers_own_offers(style):
    """Leaving right after the buyer's first offer, the debrief said the best price it would
    have accepted was 22 after the buyer itself offered 31. The best price on offer is never
    below the buyer's own best offer."""
    for seed in range(4):
        arena = NegotiationArena(style=style, rng=random.Random(seed))
        offer(arena, 80)
        session = arena._session

        its_best = max(price for _, who, price in session.history if who == "bot")
        arena.walk.click()
        text = unescape(arena.result.value)
        found = re.search(r"the best price it would have accepted was (\d+)", text)
        assert found and int(found.group(1)) >= its_best, (its_best, text)


def test_the_low_ball_debrief_says_what_the_planned_step_did_against_a_hold():
    """The debrief said 'even your planned step rewards it' after every test, but this buyer
    changes course only after a step much bigger than planned, and the planned step did as well
    as a hold or better in about two thirds of those moments. Now no debrief and no sentence of
    the notebook says so; the debrief says when the step did better than holding or cost
    nothing, and it never says so when the step did worse. 600 moments."""
    from pathlib import Path

    text = Path(__file__).parents[1].joinpath("source/04_concessions/concessions.py").read_text()
    text = " ".join(" ".join(line.lstrip("# ") for line in text.splitlines()).split())
    assert "even your planned one, rewards the drop" not in text
    assert "you cannot tell which you face" in text  # wherever the lines wrap
    said = {"better": 0, "nothing": 0, "worse": 0}
    for seed in range(600):
        m = DifficultMoment(rng=random.Random(seed))._moment
        held = m.play("hold")
        run = m.play("usual")
        verdict = views.verdict_of(m, run, held)
        assert "planned step rewards" not in verdict
        better = "did better than holding" in verdict
        nothing = "cost you nothing against holding" in verdict
        if m.claim_true or run["pressed"] or run["step"] == 0:
            assert not better and not nothing
            continue
        assert better == (run["gain"] > held["gain"])
        assert nothing == (run["gain"] == held["gain"])
        said["better" if better else "nothing" if nothing else "worse"] += 1
    assert all(said.values())  # each case was met


def test_the_low_ball_opening_obeys_the_opening_rule_and_no_buyer_reads_it_as_an_insult():
    """Review 58 (C1): the moment opened at 95, 1.32 times the seller's estimate of 72, though
    section 1 says a fact grounds an opening at most about a sixth above the estimate; 328 of
    400 buyers read it as an insult. It now opens at 84 (a sixth above 72), which no buyer
    reads as an insult, and its target lies inside module 02's band for the zone the seller
    expects. Session 75: the target is the band's top, three quarters of the way from 50 up
    to the estimate 72 (66.5, asked as 67), no longer halfway to the opening (also 67); the
    text says so (failed on the old text)."""
    from pathlib import Path

    text = Path(__file__).parents[1].joinpath("source/04_concessions/concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "you opened at 84, a sixth above that estimate" in flat
    assert "halfway from your reservation price to your opening" not in flat
    assert (
        "three quarters of the way from your reservation price up to that estimate (66.5, "
        "rounded up to 67)" in flat
    )
    readings = set()
    for seed in range(400):
        m = DifficultMoment(rng=random.Random(seed))._moment
        assert m.opening == 84 <= 72 * 7 / 6 + 1e-9
        assert m.target == 67 == m.plan[-1]
        assert m.estimate == 72 and m.target == math.ceil(50 + 0.75 * (72 - 50))
        assert (50 + 72) / 2 <= m.target <= 72
        buyer = m._buyer(m.low_ball)
        buyer.respond(0, m._negotiation.index_of(m.opening))
        readings.add(buyer.reading)
    assert readings == {"opening"}, readings


def test_the_low_ball_debrief_calls_holding_right_only_where_no_step_beat_it():
    """The debrief called holding the right answer in every moment, but the planned step ended
    with a higher gain than holding in about one moment in nine (226 of 2,000), where a learner
    who stepped was told they were wrong while the table showed the step win. Now, where your
    step or the planned step beat holding, the debrief gives rule 3's answer, says that step did
    better here and by how much, and never calls holding right; elsewhere it still does. 250
    moments, every answer (the shares the notebook gives are measured in the next test)."""
    for seed in range(250):
        m = DifficultMoment(rng=random.Random(seed))._moment
        held, usual = m.play("hold"), m.play("usual")
        won = usual["step"] and usual["gain"] > held["gain"]
        for response, ask in [(r, None) for r in ("accept", "walk", "hold", "usual", "half")] + [
            ("ask", m.last_ask - 1)
        ]:
            run = m.play(response, ask)
            verdict = views.verdict_of(m, run, held)
            mine = run["step"] and run["gain"] > held["gain"]
            if won or mine:
                assert "right answer" not in verdict, (seed, response)
                who = "your step" if mine else "your planned step"
                by = (run if mine else usual)["gain"] - held["gain"]
                assert f"Here {who} did better than holding, by {by:g}" in verdict
            else:
                assert "right answer" in verdict and "did better than holding" not in verdict


def test_the_low_ball_texts_shares_of_which_answer_does_better_are_measured():
    """Every figure the notebook gives about how often holding or the planned step ends
    better, recomputed from the engine, for each of the two buyers: half the buyers read
    any step in answer to the low-ball as pressure working, and against them holding ends
    better in every moment whose claim is a test (about two in three, over 3,000 moments)
    and the same when the claim is true; against the others (6,004 of 12,000 moments),
    from the opening of 84, the planned step ends better in about one moment in eight
    (759) and holding in about one in seven (877). Review 62 (C3, C4): the plan now holds
    in round 1 and stops halfway (67), so the shares moved from 428 and 1,387."""
    from pathlib import Path

    from course.engine.practice import ANY_STEP, LowBallMoment

    source = Path(__file__).parents[1].joinpath("source/04_concessions/concessions.py")
    text = " ".join(line.lstrip("# ") for line in source.read_text().splitlines())
    assert "Half the buyers read any step in answer to the low-ball" in text
    assert (
        "holding ends better than the planned step in every moment whose claim is a test "
        "(about two moments in three) and the same when the claim is true" in text
    )
    # review 56 (U2): counts from an unexplained sample (9,304 moments, "115 of the first
    # 1,460") are cut; the text gives the rounded shares this test measures
    # review 67 U3: "one in eight" against "one in seven" contrasted two shares within
    # sampling noise of each other (another 3,000 moments reversed them); the text now says
    # they are about the same
    # review 94 M1: pooled over more moments, holding wins about one in six or seven and the
    # step about one in eight, a gap well beyond sampling noise; the text says so
    # (tests/test_concessions_review94.py)
    assert "about equally often" not in text
    assert (
        "holding ends better in about one moment in six or seven, the planned step in about "
        "one in eight, and most, about seven in ten, end the same." in text
    )
    assert "one moment in eight, holding in about one in seven" not in text
    assert "9,304" not in text and "1,460" not in text
    assert "a little better" not in text
    assert ANY_STEP == 1 / 2
    counts = {"any": 0, "tests": 0, "other": 0, "step": 0, "hold": 0}
    for seed in range(12_000):
        m = LowBallMoment(rng=random.Random(seed))
        if m.reads_any_step:
            if seed >= 3000:
                continue
            held, usual = m.play("hold")["gain"], m.play("usual")["gain"]
            counts["any"] += 1
            if m.claim_true:
                assert held == usual, seed
            else:
                assert held > usual, seed
                counts["tests"] += 1
        else:
            held, usual = m.play("hold")["gain"], m.play("usual")["gain"]
            counts["other"] += 1
            counts["step"] += usual > held
            counts["hold"] += held > usual
    assert 0.46 < counts["any"] / 3000 < 0.54  # half the buyers
    assert 0.6 < counts["tests"] / counts["any"] < 0.73  # about two in three
    assert 0.45 < counts["other"] / 12_000 < 0.55
    # review 58 (C1): from the opening of 84 (not 95) the shares changed; the draws are seeded
    assert (counts["other"], counts["step"], counts["hold"]) == (6004, 759, 877), counts
    # review 94 M1: hold about one in six or seven, the step about one in eight
    assert 1 / 7 < counts["hold"] / counts["other"] < 1 / 6, counts
    assert 1 / 8.5 < counts["step"] / counts["other"] < 1 / 7.5, counts


def test_the_low_ball_plan_holds_after_the_buyers_opening():
    """Review 62 C3: the plan was [84, 79, 76, ...]: it conceded 5 in round 1, when the buyer
    had only opened, against section 3's rule 1 (never into silence) and question 2's hold.
    It now holds in round 1, then concedes in whole steps that never grow, down to its
    target, and the planned step the moment names is a real step."""
    from itertools import pairwise

    from course.engine.practice import LowBallMoment

    for seed in range(200):
        m = LowBallMoment(rng=random.Random(seed))
        assert m.plan[0] == m.plan[1] == 84, (seed, m.plan)
        steps = [a - b for a, b in pairwise(m.plan[1:])]
        assert steps[0] > 0 and all(a >= b for a, b in pairwise(steps)), (seed, m.plan)
        assert m.plan[-1] == m.target and m.planned_step > 0
        assert m.before[2][2] == 84  # your ask in round 2, after the buyer's opening


def test_the_low_ball_moment_starts_with_no_answer_chosen():
    """No answer is chosen for the learner: pressing 'see what happens' before picking one
    plays nothing and says to pick one first; a new moment clears the choice again."""
    moment = DifficultMoment(rng=random.Random(4))
    assert moment.choice.value is None
    moment.play.click()
    assert "Pick an answer first" in moment.status.value
    assert moment.outcome.value == "" and moment.comparison.value == ""
    moment.choice.value = "hold"
    moment.play.click()
    assert "You repeated your last ask" in unescape(moment.outcome.value)
    moment.again.click()
    assert moment.choice.value is None and moment.outcome.value == ""


def test_the_low_ball_debrief_says_which_buyer_the_moment_drew():
    """The debrief names the buyer the moment drew: one that reads any step in answer to
    its low-ball as pressure working, or one that reads only a step much bigger than the
    planned one that way; both kinds are drawn."""
    kinds = set()
    for seed in range(40):
        m = DifficultMoment(rng=random.Random(seed))._moment
        kinds.add(m.reads_any_step)
        for response in ("accept", "walk", "hold", "usual"):
            text = views.verdict_of(m, m.play(response), m.play("hold"))
            assert ("This buyer read any step in answer to its low-ball" in text) == (
                m.reads_any_step
            )
            assert ("This buyer read only a step much bigger" in text) != m.reads_any_step
    assert kinds == {True, False}


# --- what the buyer's opening told you ----------------------


def _implied(anchor, styles, mine=40):
    """The limits at which a fresh buyer of one of ``styles`` opens at ``anchor``, found by
    opening a negotiation with a buyer of every limit, as a learner could not."""
    return [
        limit
        for limit in range(35, 86)
        if any(
            Buyer(style, limit, rng=random.Random(0)).session(mine, first="bot").bot_offer == anchor
            for style in styles
        )
    ]


def _band(line):
    """The limits an anchor line names: runs 'a to b' and single prices."""
    said = re.search(r"meant its reservation price was (?:one of )?(.*) \((.*)\)\. It was", line)
    found = []
    for part in re.split(r", | or ", said.group(1)):
        low, _, high = part.partition(" to ")
        found += range(int(low), int(high or low) + 1)
    return found, said.group(2)


@pytest.mark.parametrize("style", ["mystery", *STYLES])
def test_the_debrief_says_what_the_buyers_opening_told_you(style):
    """The debrief said its limit 'could have been anywhere from 35 to 85' after an
    opening that, by the engine's own rule, narrows it to a few prices. Over many
    sittings it now names the limits at which a buyer you could not rule out opens there
    (every style for a mystery buyer, the picked one otherwise), and the limit is one."""
    for seed in range(12):
        arena = NegotiationArena(style=style, rng=random.Random(seed))
        arena.opens.value = True
        arena.start.click()
        offer(arena, 70 + seed)
        arena.walk.click()
        (line,) = [
            x for x in re.findall(r"<li>(.*?)</li>", unescape(arena.result.value)) if "opened" in x
        ]
        anchor = arena._session.history[0][2]
        band, which = _band(line)
        styles = list(STYLES) if style == "mystery" else [style]
        assert band == _implied(anchor, styles)
        assert arena._buyer.reveal()["limit"] in band and len(band) < 51
        assert which == ("whatever its style" if style == "mystery" else f"for a {style} buyer")


def test_a_limit_the_last_debrief_showed_is_not_called_hidden():
    """Meeting the same buyer again, or a new one with the same limit kept, the brief
    said its limit was 'somewhere from 35 to 85 ... kept hidden' and the debrief that the
    anchor left it open, though the last debrief had shown it."""
    arena = NegotiationArena(style="linear", rng=random.Random(5))
    arena.opens.value = True
    arena.start.click()
    limit = arena._buyer.reveal()["limit"]
    assert "somewhere from 35 to 85" in arena.brief.value
    arena.walk.click()
    arena.again.click()
    assert f"The buyer's reservation price is {limit}, as the last debrief" in arena.brief.value
    assert "kept hidden" not in arena.brief.value
    offer(arena, 80)
    arena.walk.click()
    assert f"You knew its reservation price from the last debrief: {limit}." in unescape(
        arena.result.value
    )
    arena.keep.value = True
    arena.start.click()  # a new buyer, the same limit
    assert f"is {limit}, as the last debrief" in arena.brief.value
    arena.start.click()  # this one's negotiation never ended: its limit was not shown
    assert f"is {limit}, as the last debrief" not in arena.brief.value


def test_the_debrief_never_says_the_buyer_would_have_paid_its_limit():
    """'The buyer would have paid up to' its limit is false of the engine: a buyer accepts
    only an offer at least its target for the round, and with a pace below 1 its target
    reaches its limit only if you give it ground, so it names the limit as what it is.
    Fails on the old text (it said so in every no-deal
    sitting with a zone)."""
    seen = 0
    for seed in range(8):
        arena = NegotiationArena(style="boulware", rng=random.Random(seed))
        offer(arena, 90)
        arena.walk.click()
        text = unescape(arena.result.value)
        assert "would have paid" not in text
        limit = arena._buyer.reveal()["limit"]
        if limit > arena.reservation:
            assert f"The buyer's reservation price was {limit}, above your 40" in text
            seen += 1
    assert seen


def test_counts_are_written_as_people_write_them():
    """Counts a learner reads ("1 step", "2 moves") carry the noun in its right number, never
    "step(s)"."""
    assert [counted(n, "step") for n in (0, 1, 2)] == ["0 steps", "1 step", "2 steps"]
