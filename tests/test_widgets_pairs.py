"""The pairs pages in plain Python: two participants negotiate by clicking, answer the
questionnaire and see their results; a reload gets the seat back; a closed page goes
quiet; a partner who left; the facilitator's room and debrief; confidentiality."""

import base64
import csv
import io
import json
import random
import re
import subprocess
import sys

import pytest

from course.store import ResultsStore
from course.widgets.facilitator import ATTEMPTS
from course.widgets.pairs import ALIVE, PairsTable
from course.widgets.pairs_room import PairsRoom
from course.workshop.cases import case_data
from course.workshop.pairs import QUESTIONS, Room, browser_key


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def room(tmp_path, monkeypatch):
    monkeypatch.delenv("LEVERAGE_FACILITATOR_CODE", raising=False)
    return Room(ResultsStore(folder=tmp_path))


@pytest.fixture
def clock():
    return Clock()


def page(room, clock, who, name=None):
    view = PairsTable(room, browser_key(f"cookie of {who}"), poll_every=0, clock=clock)
    if name:
        view.name.value = name  # Enter (or leaving the box) joins
    return view


def step(clock, *views, seconds=3):
    clock.now += seconds
    for view in views:
        view.heartbeat.value += 1  # the browser's heartbeat: the page is open
        view.tick()


def start(room, case="clinic-software", seed=1):
    return room.start_round(case_data(case), 10, rng=random.Random(seed))


def two_seated(room, clock, case="clinic-software"):
    ada, grace = page(room, clock, "ada", "Ada"), page(room, clock, "grace", "Grace")
    start(room, case)
    step(clock, ada, grace)
    seller, buyer = sorted((ada, grace), key=lambda v: v._seat["side"] != "seller")
    return seller, buyer


def test_joining_puts_you_in_the_lobby_and_a_round_seats_you(room, clock):
    ada = page(room, clock, "ada")
    assert "press Enter" in ada.guide.value
    ada.name.value = "   "
    ada.join.click()
    assert "enter a display name" in ada.status.value and ada._person is None
    ada.name.value = "  Ada  Lovelace "
    assert "lobby as <b>Ada Lovelace</b>" in ada.guide.value and ada.name.disabled
    grace = page(room, clock, "grace", "Grace")
    start(room)
    step(clock, ada, grace)
    assert "You negotiate with <b>Grace</b>" in ada.partner.value
    assert ada.table.layout.display is None and "Time: 10:00 left" in ada.clock_line.value
    assert "Your points (your BATNA:" in ada.brief.value


def test_two_people_negotiate_the_package_case_to_a_deal(room, clock):
    seller, buyer = two_seated(room, clock)
    for key, level in {
        "fee": "€210k a year",
        "length": "5 years",
        "go-live": "in 2 months",
        "support": "24 hours a day",
        "records": "Lumen's team",
    }.items():
        seller.levels[key].value = level
    assert "worth <b>580</b> points to you" in seller.worth.value
    seller.send_offer.click()
    step(clock, buyer, seconds=0.3)
    assert "offers Annual fee: €210k a year" in buyer.announce.value
    assert "worth 760 points to you" in buyer.table_offer.value and not buyer.accept.disabled
    buyer.words.value = "Thank you, that helps."
    buyer.send_words.click()
    buyer.accept.click()
    step(clock, seller, buyer, seconds=0.3)
    for view in (seller, buyer):
        assert view.questionnaire.layout.display is None and view.moves_box.layout.display == "none"
        assert "Deal:" in view.result.value
    assert "“Thank you, that helps.”" in seller.history.value
    buyer.send_answers.click()
    assert "Answer every question" in buyer.status.value
    for toggle in buyer.questions.values():
        toggle.value = 6
    buyer.send_answers.click()
    assert "answers are saved" in buyer.status.value
    assert "When the round is over" in buyer.result.value and "445" not in buyer.result.value
    room.referee()  # every table ended: the round is over
    step(clock, buyer)
    assert "The other side&#x27;s BATNA was 445 points" in buyer.result.value
    assert "on the Pareto frontier" in buyer.result.value


def test_a_refused_move_says_why_and_sends_nothing(room, clock):
    seller, buyer = two_seated(room, clock, case="food-truck")
    for bad in ("", "eighty", "101", "40.5"):
        seller.price.value = bad
        seller.send_offer.click()
        assert "whole number from 0 to 100" in seller.status.value
    buyer.accept.click()
    assert "no offer from your partner" in buyer.status.value
    seller.words.value = "x" * 300
    seller.send_words.click()
    assert "at most 200" in seller.status.value
    assert room.moves(seller._seat["pair_id"]) == []


def test_an_accept_that_crosses_a_new_offer_is_refused(room, clock):
    seller, buyer = two_seated(room, clock, case="food-truck")
    seller.price.value = "60"
    seller.send_offer.click()
    step(clock, buyer, seconds=0.3)
    seller.price.value = "58"
    seller.send_offer.click()  # buyer's page has not seen it yet
    buyer.accept.click()
    assert "newer offer is on the table" in buyer.status.value
    assert "58" in buyer.table_offer.value  # the page now shows it


def test_a_reload_gets_the_seat_and_the_history_back(room, clock):
    seller, _ = two_seated(room, clock, case="food-truck")
    seller.price.value = "70"
    seller.send_offer.click()
    again = page(room, clock, "ada" if seller.name.value == "Ada" else "grace")
    assert again._seat["id"] == seller._seat["id"] and "You offer 70" in again.history.value
    assert again.join_box.layout.display == "none"


def test_walking_away_asks_first_and_gives_a_reason(room, clock):
    seller, buyer = two_seated(room, clock, case="food-truck")
    seller.walk.click()
    assert seller.confirm.layout.display is None
    seller.walk_no.click()
    assert seller.confirm.layout.display == "none"
    seller.walk.click()
    seller.reason.value = "They would not move."
    seller.walk_yes.click()
    step(clock, buyer, seconds=0.3)
    assert "walked away: “They would not move.”" in buyer.history.value
    assert "No deal (a walk-away)" in buyer.result.value


def test_a_closed_page_goes_quiet(room, clock):
    seller, buyer = two_seated(room, clock, case="food-truck")
    clock.now += ALIVE + 1  # no heartbeat from the buyer's page since
    seller.price.value = "70"
    seller.send_offer.click()
    before = buyer.history.value
    buyer.tick()
    assert buyer.history.value == before  # nothing sent to a page that is gone
    step(clock, buyer, seconds=0.1)  # its heartbeat again: it catches up
    assert "offers 70" in buyer.history.value


def test_the_page_starts_its_heartbeat_until_it_beats(room, clock):
    ada = page(room, clock, "ada", "Ada")
    clock.now += 2
    ada.tick()
    assert ada.heartbeat.playing  # a change of playing starts the browser's timer
    ada.heartbeat.playing = False
    ada.heartbeat.value += 1
    clock.now += 3
    ada.tick()
    assert not ada.heartbeat.playing  # it beats: no more kicks


def test_a_partner_who_left_can_be_replaced_by_a_bot(room, clock):
    seller, buyer = two_seated(room, clock, case="food-truck")
    from datetime import timedelta

    from sqlalchemy import update

    from course.store import pair_people
    from course.workshop.pairs import now

    room.store.transaction(
        lambda c: c.execute(
            update(pair_people)
            .where(pair_people.c.id == buyer._person)
            .values(seen_at=now() - timedelta(minutes=10))
        )
    )
    seller.refresh()
    step(clock, seller)
    assert seller.away.layout.display is None and "has been away" in seller.away_text.value
    seller.with_bot.click()
    assert "You negotiate with <b>a bot</b>" in seller.partner.value
    seller.price.value = "90"
    seller.send_offer.click()
    room.referee()
    step(clock, seller, seconds=0.3)
    assert re.search(r"Grace offers \d+", seller.history.value)


def test_the_participant_page_never_imports_the_cases():
    code = "import sys, course.widgets.pairs; print('course.workshop.cases' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_the_facilitator_runs_a_round_and_debriefs_it(room, clock):
    ada, grace, alan = (page(room, clock, n.lower(), n) for n in ("Ada", "Grace", "Alan"))
    facilitator = PairsRoom(room, refresh_every=0)
    assert "<b>3</b> of 3 people" in facilitator.lobby.value
    facilitator.case.value = "food-truck"
    assert facilitator.minutes.value == 10
    facilitator.first.value = ada._person
    facilitator.second.value = grace._person
    facilitator.arrange.click()
    assert "Ada with Grace" in facilitator.arranged.value
    facilitator.start.click()
    assert "The round has started" in facilitator.status.value
    step(clock, ada, grace, alan)
    assert ada._seat["pair_id"] == grace._seat["pair_id"] and "a bot" in alan.partner.value
    seller, buyer = sorted((ada, grace), key=lambda v: v._seat["side"] != "seller")
    seller.price.value = "45"
    seller.send_offer.click()
    step(clock, buyer, seconds=0.3)
    buyer.accept.click()
    facilitator.refresh()
    assert "<b>2</b> pairs: <b>1</b> deals" in facilitator.counts.value
    facilitator.stop.click()
    assert "The round is over" in facilitator.status.value
    assert "time" in facilitator.impasses.value  # Alan and the bot ran out of time
    assert "Ada" not in facilitator.outcomes.value + facilitator.replay.value  # anonymised
    data = re.search(
        r"pairs-seats.csv\" href=\"data:text/csv;base64,([^\"]+)", facilitator.downloads.value
    )
    seats = list(csv.DictReader(io.StringIO(base64.b64decode(data.group(1)).decode())))
    assert {row["name"] for row in seats} == {"Ada", "Grace", "Alan", "a bot"}
    deal = [row for row in seats if row["ended_by"] == "agreement"]
    assert {row["deal"] for row in deal} == {"45"} and len(deal) == 2
    assert "Rounds side by side" in facilitator.compare.value


def test_the_facilitator_page_asks_for_its_code(room, monkeypatch):
    monkeypatch.setenv("LEVERAGE_FACILITATOR_CODE", "sesame")
    facilitator = PairsRoom(room, refresh_every=0)
    assert facilitator.board.layout.display == "none"
    facilitator.start.click()
    assert room.current_round() is None
    for _ in range(ATTEMPTS):
        facilitator.code.value = "wrong"
        facilitator.unlock.click()
    facilitator.code.value = "sesame"
    facilitator.unlock.click()
    assert "Too many wrong codes" in facilitator.status.value
    fresh = PairsRoom(room, refresh_every=0)
    fresh.code.value = "sesame"
    fresh.unlock.click()
    assert fresh.board.layout.display is None


def test_a_seat_s_widgets_hold_nothing_of_the_partner_s_brief(room, clock):
    seller, buyer = two_seated(room, clock)
    case = case_data("clinic-software")
    seller.send_offer.click()
    step(clock, buyer, seconds=0.3)
    state = json.dumps([w.get_state() for w in _widgets(buyer)], default=str, ensure_ascii=False)
    for paragraph in case["sides"]["seller"]["brief"]:
        assert paragraph not in state
    assert not re.search(r"(?<![\w.-])445(?![\w.-])", state)  # the vendor's BATNA
    assert "Your points (your BATNA: 415 points)" in state  # the buyer's own, as shown
    assert QUESTIONS[0][2] in state


def _widgets(root):
    found, todo = [], [root]
    while todo:
        widget = todo.pop()
        found.append(widget)
        todo += list(getattr(widget, "children", ()))
    return found


def _csv(facilitator, name):
    data = re.search(rf"{name}\" href=\"data:text/csv;base64,([^\"]+)", facilitator.downloads.value)
    return list(csv.DictReader(io.StringIO(base64.b64decode(data.group(1)).decode())))


def test_a_second_round_swaps_roles_and_both_partners_see_the_same_clock(room, clock):
    ada, grace = page(room, clock, "ada", "Ada"), page(room, clock, "grace", "Grace")
    facilitator = PairsRoom(room, refresh_every=0)
    facilitator.case.value = "food-truck"
    facilitator.minutes.value = 15
    facilitator.start.click()
    step(clock, ada, grace)
    first = {view.name.value: view._seat["side"] for view in (ada, grace)}
    for view in (ada, grace):  # the facilitator's 15 minutes, on both screens
        assert re.search(r"Time: 1[45]:\d\d left", view.clock_line.value)
    seller, buyer = sorted((ada, grace), key=lambda v: v._seat["side"] != "seller")
    seller.price.value = "45"
    seller.send_offer.click()
    step(clock, buyer, seconds=0.3)
    buyer.accept.click()
    facilitator.refresh()  # the referee would close the round: every table has ended
    room.referee()
    facilitator.case.value = "clinic-software"
    facilitator.pairing.value = "swap roles"
    facilitator.start.click()
    assert "The round has started" in facilitator.status.value
    step(clock, ada, grace)
    second = {view.name.value: view._seat["side"] for view in (ada, grace)}
    assert ada._seat["pair_id"] == grace._seat["pair_id"]
    assert second == {
        name: "buyer" if side == "seller" else "seller" for name, side in first.items()
    }
    assert "Your points (your BATNA:" in ada.brief.value and ada.moves_box.layout.display is None
    for view in (ada, grace):  # the clinic case's 20 minutes
        assert re.search(r"Time: (19|20):\d\d left", view.clock_line.value)
    facilitator.stop.click()
    assert facilitator.compare.value.count("<tr>") == 3  # a header and two rounds
    rounds = {row["round"] for row in _csv(facilitator, "pairs-all-rounds.csv")}
    assert len(rounds) == 2 and len(_csv(facilitator, "pairs-seats.csv")) == 2


def test_the_facilitator_can_take_the_odd_seat(room, clock):
    views = [page(room, clock, n.lower(), n) for n in ("Ada", "Grace", "Alan")]
    me = page(room, clock, "facilitator", "Facilitator")
    facilitator = PairsRoom(room, refresh_every=0)
    facilitator.case.value = "food-truck"
    assert facilitator.stand_in.value is None  # a bot by default
    facilitator.stand_in.value = me._person
    facilitator.start.click()
    step(clock, *views, me)
    assert me._seat is not None and not any(v._seat["partner"]["bot"] for v in [*views, me])
    facilitator.stop.click()
    views.append(page(room, clock, "edsger", "Edsger"))
    facilitator.refresh()
    assert facilitator.stand_in.value == me._person  # the pick survives people joining
    facilitator.start.click()
    step(clock, *views, me)
    assert all(v._seat["round_id"] == 2 for v in views) and me._seat["round_id"] == 1
    assert "under way without you" in me.lobby.value


def test_the_debrief_says_a_partner_left_and_the_leaver_finds_a_bot_in_their_seat(room, clock):
    from datetime import timedelta

    from sqlalchemy import update

    from course.store import pair_people
    from course.workshop.pairs import now

    seller, buyer = two_seated(room, clock, case="food-truck")
    facilitator = PairsRoom(room, refresh_every=0)
    room.store.transaction(
        lambda c: c.execute(
            update(pair_people)
            .where(pair_people.c.id == buyer._person)
            .values(seen_at=now() - timedelta(minutes=10))
        )
    )
    step(clock, seller)
    seller.with_bot.click()
    back = page(room, clock, "ada" if buyer.name.value == "Ada" else "grace")
    assert "a bot</b> negotiates in your seat" in back.partner.value
    assert back.moves_box.layout.display == "none"
    facilitator.stop.click()
    assert "a partner left 1 pair (1 finished against a bot)" in facilitator.counts.value
    assert "the caterer left: a bot finished in their seat" in facilitator.outcomes.value
    step(clock, back)
    assert back.questionnaire.layout.display == "none" and "No deal" in back.result.value
    assert {
        row["name"] for row in _csv(facilitator, "pairs-seats.csv") if row["left"] == "True"
    } == {buyer.name.value}


def test_a_partner_who_ended_it_tells_the_leaver_why(room, clock):
    from datetime import timedelta

    from sqlalchemy import update

    from course.store import pair_people
    from course.workshop.pairs import now

    seller, buyer = two_seated(room, clock, case="food-truck")
    facilitator = PairsRoom(room, refresh_every=0)
    room.store.transaction(
        lambda c: c.execute(
            update(pair_people)
            .where(pair_people.c.id == seller._person)
            .values(seen_at=now() - timedelta(minutes=10))
        )
    )
    step(clock, buyer)
    buyer.partner_left.click()
    assert "your partner left" in buyer.result.value
    back = page(room, clock, "ada" if seller.name.value == "Ada" else "grace")
    assert "you were away too long and your partner ended it" in back.result.value
    facilitator.refresh(force=True)
    assert "a partner left 1 pair." in facilitator.counts.value
    assert "the owner left" in facilitator.impasses.value
