"""Paired role plays over the store, on SQLite and PostgreSQL: joining and pairing, moves
numbered in order, an accept that comes too late refused, the clock, a partner who left,
a bot seat, the questionnaire, and many pairs playing at once from separate processes."""

import json
import multiprocessing
import random
from datetime import timedelta

import pytest
from sqlalchemy import update

from course.store import ResultsStore, default_url, pair_people
from course.workshop.cases import CASES, case_data
from course.workshop.pairs import (
    FACTOR_OF,
    Room,
    bot_answer,
    browser_key,
    check_offer,
    now,
    pair_up,
    score,
    seat_brief,
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    if request.param == "sqlite":
        return default_url(tmp_path)
    return request.getfixturevalue("postgres").new_database("pairs")


def room_of(url):
    return Room(ResultsStore(url))


def seated(room, names, case="clinic-software", minutes=10, seed=1, **options):
    people = [room.join(browser_key(f"browser of {n}"), n) for n in names]
    round_id = room.start_round(case_data(case), minutes, rng=random.Random(seed), **options)
    return round_id, [room.seat(p) for p in people]


def away_for(room, person, minutes):
    """As if ``person``'s page had last been open ``minutes`` ago."""
    room.store.transaction(
        lambda c: c.execute(
            update(pair_people)
            .where(pair_people.c.id == person)
            .values(seen_at=now() - timedelta(minutes=minutes))
        )
    )


def middle(brief):
    return {issue["key"]: issue["levels"][2] for issue in brief["issues"]}


# --- the cases and what a seat may see --------------------------------------------------


@pytest.mark.parametrize("key", CASES)
def test_a_seat_s_brief_holds_nothing_of_the_other_side(key):
    case = case_data(key)
    for side, other in (("seller", "buyer"), ("buyer", "seller")):
        seen = json.dumps(seat_brief(case, side), ensure_ascii=False)
        for paragraph in case["sides"][other]["brief"]:
            assert paragraph not in seen
        secret = case["sides"][other].get("reservation", case["sides"][other].get("batna"))
        assert f"{secret}" not in seen
        assert case["sides"][other]["title"] in seen  # who they face, and only that


def test_the_multi_issue_case_rewards_trading():
    case = case_data("clinic-software")
    seller, buyer = (case["sides"][s]["points"] for s in ("seller", "buyer"))
    weight = {
        side: {i: max(p.values()) for i, p in table.items()}
        for side, table in (("s", seller), ("b", buyer))
    }
    assert weight["s"]["length"] > 2 * weight["b"]["length"]  # matters more to the vendor
    assert (
        weight["b"]["go-live"] > weight["s"]["go-live"]
        and weight["b"]["support"] > weight["s"]["support"]
    )
    best_records = {max(t["records"], key=t["records"].get) for t in (seller, buyer)}
    assert best_records == {"Lumen's team"}  # a compatible issue: both want the same
    compromise = score(case, middle(case))
    assert (
        compromise["frontier"]["left_on_table"] == 350 and not compromise["frontier"]["on_frontier"]
    )
    logroll = {
        **middle(case),
        "length": "5 years",
        "go-live": "in 2 months",
        "support": "24 hours a day",
        "records": "Lumen's team",
        "fee": "€225k a year",
    }
    traded = score(case, logroll)
    assert (
        traded["frontier"]["on_frontier"]
        and traded["seller"]["gain"] > 0
        and traded["buyer"]["gain"] > 0
    )


def test_offers_are_checked_against_the_case():
    brief = seat_brief(case_data("food-truck"), "seller")
    assert check_offer(brief, 40) == 40
    for bad in (101, -1, 40.5, "40", True, None):
        with pytest.raises(ValueError, match="whole number from 0 to 100"):
            check_offer(brief, bad)
    brief = seat_brief(case_data("clinic-software"), "buyer")
    with pytest.raises(ValueError, match="one option on every issue"):
        check_offer(brief, {"fee": "€240k a year"})
    with pytest.raises(ValueError, match="not an option for Annual fee"):
        check_offer(brief, {**middle(brief), "fee": "free"})


# --- pairing ---------------------------------------------------------------------------


def test_an_odd_room_pairs_everyone_and_gives_one_person_a_bot():
    seats = pair_up(list(range(7)), random.Random(3))
    people = [p for pair in seats for p in pair if p is not None]
    assert sorted(people) == list(range(7)) and sum(None in pair for pair in seats) == 1


def test_a_second_round_can_swap_roles_or_partners():
    rng = random.Random(5)
    first = pair_up(list(range(8)), rng)
    swapped = pair_up(list(range(8)), rng, "swap roles", previous=first)
    assert sorted(swapped) == sorted((b, a) for a, b in first)
    fresh = pair_up(list(range(8)), rng, "new partners", previous=first)
    assert not {frozenset(p) for p in fresh} & {frozenset(p) for p in first}


def test_arranged_pairs_come_first_and_the_rest_is_drawn():
    seats = pair_up([1, 2, 3, 4, 5], random.Random(2), arranged=[(1, 4)])
    assert {1, 4} == set(seats[0]) and len(seats) == 3
    with pytest.raises(ValueError, match="two different people in the lobby"):
        pair_up([1, 2, 3], random.Random(2), arranged=[(1, 9)])


# --- a round at the tables -----------------------------------------------------------------


def test_a_pair_negotiates_to_a_deal(url):
    room = room_of(url)
    round_id, (ada, grace) = seated(room, ["Ada", "Grace"])
    assert ada["partner"]["name"] == "Grace" and ada["side"] != grace["side"]
    assert "points" not in json.dumps(
        ada["partner"], default=str
    )  # the partner's name and side only
    first = room.act(ada["id"], "offer", middle(ada["brief"]))
    room.act(grace["id"], "message", text="  What matters   most to you? ")
    room.act(grace["id"], "accept", answering=first)
    table = room.table(ada["pair_id"])
    assert table["ended_by"] == "agreement" and table["deal"] == middle(ada["brief"])
    assert [m["kind"] for m in room.moves(ada["pair_id"])] == ["offer", "message", "accept"]
    assert room.moves(ada["pair_id"], after=1)[0]["text"] == "What matters most to you?"
    with pytest.raises(ValueError, match="this negotiation is over"):
        room.act(ada["id"], "offer", middle(ada["brief"]))
    with pytest.raises(ValueError, match="still running"):
        room.case_of(round_id)  # the other side's brief stays closed until the round is over
    room.referee()  # every table has ended: the round is over
    assert not room.current_round()["running"]
    assert room.case_of(round_id)["key"] == "clinic-software"


def test_accepting_needs_the_latest_offer_of_the_other_side(url):
    room = room_of(url)
    _, (ada, grace) = seated(room, ["Ada", "Grace"], case="food-truck")
    with pytest.raises(ValueError, match="no offer from the other side"):
        room.act(ada["id"], "accept", answering=1)
    first = room.act(ada["id"], "offer", 60)
    with pytest.raises(ValueError, match="no offer from the other side"):
        room.act(ada["id"], "accept", answering=first)  # one's own offer
    room.act(ada["id"], "offer", 58)  # a newer offer crossed the accept
    with pytest.raises(ValueError, match="a newer offer is on the table"):
        room.act(grace["id"], "accept", answering=first)
    assert room.table(ada["pair_id"])["ended_by"] is None


def test_a_walk_away_ends_the_table_with_its_reason(url):
    room = room_of(url)
    _, (ada, grace) = seated(room, ["Ada", "Grace"], case="food-truck")
    room.act(grace["id"], "walk away", text="We were too far apart.")
    table = room.table(ada["pair_id"])
    assert (table["ended_by"], table["reason"], table["ended_seat"]) == (
        "walk away",
        "We were too far apart.",
        grace["id"],
    )


def test_nobody_acts_after_the_clock_and_the_referee_closes_the_round(url):
    room = room_of(url)
    round_id, (ada, _) = seated(room, ["Ada", "Grace"], case="food-truck")
    room.move_clock(round_id, -timedelta(minutes=11))
    with pytest.raises(ValueError, match="time is up"):
        room.act(ada["id"], "offer", 50)
    assert room.table(ada["pair_id"])["ended_by"] == "time"
    assert [m["kind"] for m in room.moves(ada["pair_id"])] == ["time"]
    room.referee()
    assert not room.current_round()["running"] and room.current_round()["ended_at"] is not None


def test_the_facilitator_can_add_time_or_end_the_round(url):
    room = room_of(url)
    round_id, (ada, _) = seated(room, ["Ada", "Grace"], case="food-truck")
    before = room.current_round()["ends_at"]
    room.end_round(round_id, extra_minutes=5)
    assert room.current_round()["ends_at"] - before == timedelta(minutes=5)
    room.end_round(round_id)
    assert room.table(ada["pair_id"])["ended_by"] == "time" and not room.current_round()["running"]


def test_a_partner_who_left_can_be_replaced_by_a_bot_only_after_the_limit(url):
    room = room_of(url)
    _, (ada, grace) = seated(room, ["Ada", "Grace"], case="food-truck", away=30)
    with pytest.raises(ValueError, match="still here"):
        room.replace_partner(ada["id"], by_bot=True)
    gone = grace["person_id"]
    away_for(room, gone, minutes=5)
    room.replace_partner(ada["id"], by_bot=True)
    assert room.seat(ada["person_id"])["partner"]["bot"]
    with pytest.raises(ValueError, match="a bot plays this seat now"):
        room.act(grace["id"], "offer", 40)  # back too late: the bot holds the seat
    seller = ada if ada["side"] == "seller" else grace
    room.act(ada["id"], "offer", 48 if ada is not seller else 45)
    assert room.referee() >= 1  # the bot answers
    assert room.moves(ada["pair_id"])[-1]["seat_id"] == grace["id"]


def test_a_partner_who_left_can_end_the_table(url):
    room = room_of(url)
    _, (ada, grace) = seated(room, ["Ada", "Grace"], case="food-truck", away=30)
    away_for(room, grace["person_id"], minutes=5)
    room.replace_partner(ada["id"], by_bot=False)
    assert room.table(ada["pair_id"])["ended_by"] == "partner left"


def test_an_odd_participant_negotiates_with_a_bot_to_the_end(url):
    room = room_of(url)
    _, (alone,) = seated(room, ["Ada"], case="food-truck")
    assert alone["partner"]["bot"] and alone["partner"]["name"] == "a bot"
    seller = alone["side"] == "seller"
    for price in range(95, 30, -8) if seller else range(5, 60, 8):
        if room.table(alone["pair_id"])["ended_by"]:
            break
        room.act(alone["id"], "offer", price)
        room.referee()
    table = room.table(alone["pair_id"])
    assert table["ended_by"] in ("agreement", "walk away")
    assert any(
        m["seat_id"] == alone["partner"]["id"] and m["kind"] == "offer"
        for m in room.moves(alone["pair_id"])
    )


def test_a_stand_in_takes_the_odd_seat_only_when_the_room_is_odd(url):
    room = room_of(url)
    names = ["Ada", "Grace", "Alan", "Facilitator"]
    people = {n: room.join(browser_key(f"browser of {n}"), n) for n in names}
    first = room.start_round(case_data("food-truck"), 5, stand_in=people["Facilitator"])
    seats = {n: room.seat(p, first) for n, p in people.items()}
    assert all(seat is not None for seat in seats.values())  # three others: the stand-in plays
    assert not any(seat["partner"]["bot"] for seat in seats.values())
    room.end_round(first)
    room.join(browser_key("browser of Edsger"), "Edsger")  # four others now: pairs without her
    second = room.start_round(case_data("food-truck"), 5, stand_in=people["Facilitator"])
    assert room.seat(people["Facilitator"], second) is None
    record = room.round_record(second)
    assert len(record["pairs"]) == 2 and not any(
        s["bot"] for t in record["pairs"] for s in t["seats"]
    )
    room.end_round(second)
    with pytest.raises(ValueError, match="stand-in for the odd seat must be in the lobby"):
        room.start_round(case_data("food-truck"), 5, stand_in=10**6)


def test_the_debrief_says_who_left_and_whether_a_bot_finished(url):
    from course.workshop.pair_report import SEAT_COLUMNS, pair_rows, seat_rows, summary

    room = room_of(url)
    round_id, seats = seated(room, ["Ada", "Grace", "Alan", "Edsger"], case="food-truck", away=30)
    by_pair = {}
    for seat in seats:
        by_pair.setdefault(seat["pair_id"], []).append(seat)
    (a, b), (c, d) = by_pair.values()
    away_for(room, b["person_id"], minutes=5)
    room.replace_partner(a["id"], by_bot=True)  # b left; a bot finishes in b's seat
    away_for(room, d["person_id"], minutes=5)
    room.replace_partner(c["id"], by_bot=False)  # d left; c ends the table
    room.end_round(round_id)
    record = room.round_record(round_id)
    rows = {r["seat_ids"][r["left"]]: r for r in pair_rows(record)}
    roles = {"seller": "owner", "buyer": "caterer"}
    assert rows[b["id"]]["bot_finished"] and rows[b["id"]]["note"] == (
        f"the {roles[b['side']]} left: a bot finished in their seat"
    )
    assert rows[d["id"]]["ended_by"] == "partner left" and not rows[d["id"]]["bot_finished"]
    assert rows[d["id"]]["note"] == f"the {roles[d['side']]} left"
    state = summary(record)
    assert state["partner_left"] == 2 and state["bot_finished"] == 1
    assert state["impasses"]["partner left"] == 1
    left = {r["name"] for r in seat_rows(record) if r["left"]}
    assert "left" in SEAT_COLUMNS and left == {b["name"], d["name"]}


def test_an_odd_seat_s_bot_is_not_someone_who_left(url):
    from course.workshop.pair_report import pair_rows

    room = room_of(url)
    round_id, (alone,) = seated(room, ["Ada"], case="food-truck")
    room.end_round(round_id)
    (row,) = pair_rows(room.round_record(round_id))
    bot = "buyer" if alone["side"] == "seller" else "seller"
    assert row["left"] is None and row["bots"] == [bot]
    assert row["note"] == f"the {'owner' if bot == 'seller' else 'caterer'} was a bot (odd seat)"


def test_the_bot_answers_as_the_engine_s_counterpart():
    case = case_data("food-truck")
    kind, offer, words = bot_answer(case, "buyer", "linear", [90])
    assert kind == "offer" and 0 <= offer < 90 and words
    assert bot_answer(case, "buyer", "linear", []) is None
    assert bot_answer(case, "buyer", "linear", [15])[0] == "accept"  # well below its limit of 52


def test_the_questionnaire_opens_after_the_negotiation_once(url):
    room = room_of(url)
    _, (ada, grace) = seated(room, ["Ada", "Grace"], case="food-truck")
    answers = dict.fromkeys(FACTOR_OF, 5)
    with pytest.raises(ValueError, match="opens when your negotiation is over"):
        room.answer(ada["id"], answers)
    room.act(ada["id"], "walk away")
    with pytest.raises(ValueError, match="answer every question"):
        room.answer(ada["id"], {"outcome-good": 5})
    with pytest.raises(ValueError, match="whole number from 1 to 7"):
        room.answer(ada["id"], {**answers, "outcome-good": 9})
    room.answer(ada["id"], answers)
    with pytest.raises(ValueError, match="answered already"):
        room.answer(ada["id"], answers)
    assert room.answers_of(ada["id"]) == answers and room.answers_of(grace["id"]) is None


def test_a_person_keeps_their_seat_by_browser_and_only_theirs(url):
    room = room_of(url)
    _, (ada, _) = seated(room, ["Ada", "Grace"])
    again = room.person(browser_key("browser of Ada"))
    assert again["name"] == "Ada" and room.seat(again["id"])["id"] == ada["id"]
    assert room.person(browser_key("someone else")) is None


# --- many pairs at once, from separate processes --------------------------------------------

PAIRS, OFFERS = 8, 12


def _play(url, seat, start):
    """One participant's process: alternate offers with the partner, then accept."""
    room = room_of(url)
    mine = room._seat_row(seat)
    start.wait()
    made = 0
    for step in range(OFFERS):
        try:
            room.act(seat, "offer", 30 + step if mine["side"] == "buyer" else 70 - step)
            made += 1
        except ValueError:
            break
    room.store.close()
    return made


def test_many_pairs_at_once_lose_no_move_and_keep_each_table_in_order(url):
    room = room_of(url)
    names = [f"P{n}" for n in range(2 * PAIRS)]
    _, seats = seated(room, names, case="food-truck")
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(seats))
    players = [context.Process(target=_play, args=(url, s["id"], start)) for s in seats]
    for player in players:
        player.start()
    for player in players:
        player.join(timeout=120)
    assert [p.exitcode for p in players] == [0] * len(players)
    for seat in seats[::2]:
        moves = room.moves(seat["pair_id"])
        assert [m["number"] for m in moves] == list(range(1, 2 * OFFERS + 1))
        assert {m["seat_id"] for m in moves} == {seat["id"], seat["partner"]["id"]}
        assert room.table(seat["pair_id"])["moves"] == 2 * OFFERS
    # two accepts of the same offer, one after the other: exactly one deal
    pair = seats[0]["pair_id"]
    latest = room.moves(pair)[-1]
    accepter = next(s for s in seats if s["pair_id"] == pair and s["id"] != latest["seat_id"])
    outcomes = []
    for _ in range(2):
        try:
            room.act(accepter["id"], "accept", answering=latest["number"])
            outcomes.append("deal")
        except ValueError as error:
            outcomes.append(str(error))
    assert outcomes == ["deal", "this negotiation is over"]
