"""The course's counterparts (course.engine.bots.Counterpart) do what the notebooks say of
them, remember what they are told to remember, and the debrief's measures
(course.engine.debrief) score what they claim, on hand-made histories."""

import random

import pytest

from course.engine import debrief
from course.engine.bots import (
    INSULT_LINE,
    PARTING,
    REMARKS,
    STYLES,
    Counterpart,
    Encounter,
    Memory,
    make_bot,
)
from course.engine.domain import BUYER, SELLER, multi_issue_negotiation, price_negotiation
from course.engine.protocol import Result
from course.engine.session import PersonSession

#: A buyer's limit of 70 against your 40: a zone of 30 on prices 0–100.
MARKET = price_negotiation(40, 70, rounds=10)


def play(moves, bot="linear", negotiation=MARKET, **options):
    """You sell: make ``moves`` (prices; ``"accept"``, ``"walk"`` or ``"walk out"``) in
    order, while the negotiation lasts. Returns the finished or running session."""
    session = PersonSession(negotiation, SELLER, bot, first="person", **options)
    for move in moves:
        if session.finished:
            break
        if move == "accept":
            session.accept()
        elif move in ("walk", "walk out"):
            session.walk_away(polite=move == "walk")
        else:
            session.offer(move)
    return session


def theirs(session):
    return [price for _, who, price in session.history if who == "bot"]


def finish(session):
    if not session.finished:
        session.walk_away()
    return session.result()


# --- what the notebooks say about the bots ---------------------------------------------


def test_boulware_holds_firm_until_late():
    """Against the same steady seller, Boulware has given less than linear, and linear
    less than Conceder, by the middle of the talks; Boulware gives most of its ground in
    the second half."""
    moves = [90, 86, 82, 78, 74, 70, 67, 64, 61]
    middle = {
        style: theirs(play(moves[:5], style))[-1] for style in ("boulware", "linear", "conceder")
    }
    assert middle["boulware"] < middle["linear"] < middle["conceder"]
    boulware = play(moves, "boulware", bot_deadline=9)
    moves_ = debrief.bot_moves(finish(boulware), SELLER)
    assert moves_["late"] > moves_["early"]


def test_every_counterpart_opens_with_a_plausible_offer_never_its_best():
    for style in STYLES:
        opening = theirs(play([80], style))[0]
        assert 0 < opening < 70, style  # a price above the range's bottom, below its limit


def test_a_credible_ambitious_opening_anchors_the_first_counter_and_an_insult_does_not():
    counters = {ask: theirs(play([ask], "linear"))[0] for ask in (60, 80, 100)}
    assert counters[80] > counters[60]  # a higher credible opening pulls the counter up
    line = 100 - INSULT_LINE * (100 - 70)  # the buyer's insult line, as a price
    assert 80 < line < 100
    assert counters[100] < counters[80]  # an insult does not anchor


@pytest.mark.parametrize("style", STYLES)
def test_it_answers_a_concession_with_a_concession(style):
    """The same bot, the same history, one different move: a concession gets a better
    answer than repeating the last offer would have."""
    conceded = play([80, 74], style)
    repeated = play([80, 80], style)
    assert theirs(conceded)[-1] > theirs(repeated)[-1]


def test_tit_for_tat_is_nice_matches_retaliates_and_forgives():
    nice = play([80], "tit-for-tat")
    assert theirs(nice)[0] > 0  # it opens with a step, not its best price
    game = play([80, 72], "tit-for-tat")
    before, after = theirs(game)[-2:]
    assert after - before == pytest.approx(8, abs=2.5)  # about as much as it was given
    stepped_back = play([80, 72, 78], "tit-for-tat")
    assert theirs(stepped_back)[-1] == theirs(stepped_back)[-2]  # a step back: no step
    forgiven = play([80, 72, 78, 68], "tit-for-tat")
    assert theirs(forgiven)[-1] > theirs(forgiven)[-2]  # new ground is answered again


@pytest.mark.parametrize("style", STYLES)
def test_a_step_back_buys_nothing(style):
    stepped_back = play([80, 74, 79], style)
    assert theirs(stepped_back)[-1] == theirs(stepped_back)[-2]
    assert theirs(play([80, 74, 74], style))[-1] >= theirs(stepped_back)[-1]


def test_its_offers_never_move_back():
    for style in STYLES:
        prices = theirs(play([80, 78, 85, 70, 90, 60, 60, 60, 60], style))
        assert prices == sorted(prices), style


def test_stalling_below_its_limit_makes_it_leave_with_words_a_person_would_say():
    game = play([90] * 10, "linear")
    assert game.finished and game.ended_by == "walk away" and game.agreement is None
    assert game.said == PARTING["stall"] and game.result().by_side == BUYER
    assert len([1 for _, who, _ in game.history if who == "you"]) < 10  # it left early


def test_insults_make_it_leave_sooner_than_stalls():
    insulted = play([100] * 10, "boulware")
    stalled = play([88] * 10, "boulware")
    assert insulted.said == PARTING["insult"]
    assert insulted.result().round < stalled.result().round


def test_a_repeated_offer_it_could_live_with_does_not_exhaust_its_patience():
    game = play([69] * 10, "linear", bot_deadline=9)  # worth more to it than walking away
    assert game.result().said != PARTING["stall"]


def test_its_deadline_is_its_own_and_its_final_offer_can_be_answered():
    game = play([90, 85, 80], "conceder", bot_deadline=3)
    assert "final offer" in game.said and not game.finished
    game.offer(75)
    assert game.finished and game.said == PARTING["time"]
    assert game.result().round == 4


def test_no_counterpart_accepts_below_its_reservation():
    for style in STYLES:
        bot = make_bot(style, MARKET, BUYER)
        assert not any(bot.respond(k, MARKET.index_of(71)) for k in range(10)), style


# --- memory ------------------------------------------------------------------------------


def test_trust_follows_how_negotiations_ended():
    def trust(*encounters):
        memory = Memory()
        for met in encounters:
            memory.remember(met)
        return memory.trust

    start = Memory().trust
    assert trust(Encounter("deal")) > trust(Encounter("polite walk-away")) == start
    assert trust(Encounter("walk-out")) < trust(Encounter("it left")) < start
    assert trust(Encounter("deal", insults=2)) < trust(Encounter("deal"))
    assert trust(*[Encounter("walk-out")] * 5) == 0.0
    with pytest.raises(ValueError, match="an ending is one of"):
        Encounter("handshake")


def test_the_session_tells_the_bots_memory_how_it_ended():
    memory = Memory()
    play([90, "walk out"], "linear", memory=memory)
    play([100, "walk"], "linear", memory=memory)
    assert [(m.ending, m.insults) for m in memory.encounters] == [
        ("walk-out", 0),
        ("polite walk-away", 1),
    ]


@pytest.mark.parametrize("style", STYLES)
def test_the_next_opening_and_patience_depend_on_how_the_last_one_ended(style):
    def after(ending):
        memory = Memory([Encounter(ending)])
        bot = make_bot(style, MARKET, BUYER, memory=memory)
        return bot, theirs(play([80], style, memory=memory))[0]

    (warm, warm_opening), (cold, cold_opening) = after("deal"), after("walk-out")
    kept, kept_opening = after("polite walk-away")
    assert warm_opening > kept_opening > cold_opening
    assert warm.patience > kept.patience > cold.patience


# --- several issues ----------------------------------------------------------------------

#: The buyer cares most about delivery, least about payment; the seller the other way.
CONTRACT = multi_issue_negotiation(
    issues={"price": [48, 45, 42, 39], "delivery": [8, 5, 3], "payment": [30, 60, 90]},
    scores={
        SELLER: {
            "price": {48: 60, 45: 40, 42: 20, 39: 0},
            "delivery": {8: 10, 5: 5, 3: 0},
            "payment": {30: 30, 60: 15, 90: 0},
        },
        BUYER: {
            "price": {48: 0, 45: 10, 42: 20, 39: 30},
            "delivery": {8: 0, 5: 25, 3: 60},
            "payment": {30: 0, 60: 5, 90: 10},
        },
    },
    weights={side: {"price": 1, "delivery": 1, "payment": 1} for side in (SELLER, BUYER)},
    reservations={SELLER: 40, BUYER: 45},
    rounds=8,
)
IDEAL = {"price": 48, "delivery": 8, "payment": 30}


def test_on_several_issues_its_offers_only_ever_move_towards_you():
    moves = [
        {"price": 45, "delivery": 3, "payment": 30},
        {"price": 45, "delivery": 3, "payment": 60},
        {"price": 42, "delivery": 3, "payment": 60},
        {"price": 42, "delivery": 3, "payment": 90},
    ]
    for style in STYLES:
        game = play(moves, style, negotiation=CONTRACT)
        worth = [game.utility(offer) for offer in theirs(game)]
        assert worth == sorted(worth) and worth[0] > 0, style  # never a zero-profit opening
        for before, after in zip(theirs(game), theirs(game)[1:], strict=False):
            for issue in before:  # each issue stays or moves one way: towards you
                levels = CONTRACT.issues[[i.name for i in CONTRACT.issues].index(issue)].levels
                assert levels.index(after[issue]) <= levels.index(before[issue]), style


def test_it_gives_ground_first_where_it_costs_it_least_and_holds_what_it_needs():
    game = play([{"price": 45, "delivery": 3, "payment": 30}] * 3, "conceder", negotiation=CONTRACT)
    opening = theirs(game)[0]
    assert opening["payment"] != 90  # its cheapest step: it gave ground there first
    assert opening["delivery"] == 3  # what it needs most, it holds


# --- the debrief's measures, on hand-made histories ---------------------------------------


def test_the_same_concessions_meet_a_bot_that_answers_and_one_that_does_not():
    moves = [85, 80, 80, 74, 68]
    answered = debrief.concessions(finish(play(moves, "linear")), SELLER)
    clock = debrief.concessions(finish(play(moves, "negmas-linear")), SELLER)
    assert [c["round"] for c in answered] == [c["round"] for c in clock] == [2, 4, 5]
    assert [c["cost"] for c in answered] == [5, 6, 6]
    assert all(c["answered"] and c["back"] > 0 for c in answered)
    assert all(not c["answered"] and c["back"] == 0 for c in clock)  # it moves on schedule


def test_a_concession_made_after_the_bot_stood_still_is_into_silence():
    stood_still = play([90, 90, 90, 88], "boulware")
    assert theirs(stood_still)[1] == theirs(stood_still)[2]
    (made,) = debrief.concessions(finish(stood_still), SELLER)
    assert made["into_silence"]
    moved = play([90, 90, 90, 88], "linear")
    assert theirs(moved)[1] < theirs(moved)[2]
    (made,) = debrief.concessions(finish(moved), SELLER)
    assert not made["into_silence"]


def test_a_concession_made_when_the_bot_had_made_only_its_opening_is_into_silence():
    """Module 04's paced tit-for-tat concedes only in answer to a concession, and a bot's
    opening is not one: a step made right after it gives without having been given."""
    game = play([90, 85], "linear")
    assert [who for _, who, _ in game.history][:3] == ["you", "bot", "you"]
    (made,) = debrief.concessions(finish(game), SELLER)
    assert made["into_silence"]
    assert made["after_opening"]  # module 05 lets a person answer an opening with a step


def test_an_accepted_concession_was_answered():
    game = play([80, 48], "linear")
    assert game.agreement == 48
    (made,) = debrief.concessions(game.result(), SELLER)
    assert made["answer"] == "accept" and made["answered"] and made["back"] is None


def test_what_was_achievable_is_the_best_it_would_have_accepted_then():
    result = finish(play([90, 85, 80], "linear"))
    best = debrief.achievable(result, SELLER)
    k = best["round"] - 1
    bot = result.counterparts[BUYER].clone()
    moves = [MARKET.index_of(p) for p in (90, 85, 80)]
    for step, index in enumerate(moves[:k]):
        bot.respond(step, index)
        bot.propose(step)
    assert bot.clone().respond(k, MARKET.index_of(best["offer"]))
    assert not bot.clone().respond(k, MARKET.index_of(best["offer"] + 1))
    assert best["offer"] <= 70


def test_value_created_counts_each_side_from_its_walk_away_to_its_best():
    deal = CONTRACT.index_of({"price": 45, "delivery": 3, "payment": 30})
    result = Result(CONTRACT, deal, 3, "agreement", BUYER, [])
    found = debrief.value_created(result)
    # the seller: 40 + 0 + 30 = 70, walk-away 40, best 100; the buyer: 10 + 60 + 0 = 70,
    # walk-away 45, best 100
    assert found["shares"] == {SELLER: pytest.approx(30 / 60), BUYER: pytest.approx(25 / 55)}
    assert found["joint"] == pytest.approx(30 / 60 + 25 / 55)
    assert found["on_frontier"] and found["better_for_both"] == 0
    worse = Result(
        CONTRACT,
        CONTRACT.index_of({"price": 45, "delivery": 5, "payment": 60}),
        3,
        "agreement",
        BUYER,
        [],
    )
    assert not debrief.value_created(worse)["on_frontier"]
    assert debrief.value_created(Result(CONTRACT, None, 8, "deadline", None, [])) is None


def test_the_bots_moves_tell_a_clock_from_a_reciprocator():
    stall_then_give = [85, 85, 85, 78, 78, 71]
    tit = debrief.bot_moves(finish(play(stall_then_give, "tit-for-tat")), SELLER)
    assert tit["after_concession"] > tit["after_stall"]
    clock = debrief.bot_moves(finish(play(stall_then_give, "negmas-linear")), SELLER)
    assert clock["after_stall"] > 0  # a clock moves whether or not you concede


def test_the_issues_it_conceded_and_held():
    game = play(
        [
            {"price": 45, "delivery": 3, "payment": 30},
            {"price": 45, "delivery": 3, "payment": 60},
            {"price": 42, "delivery": 3, "payment": 60},
        ],
        "conceder",
        negotiation=CONTRACT,
    )
    moved, held = debrief.conceded_issues(finish(game), SELLER)
    assert "delivery" in held and set(moved) | set(held) == {"price", "delivery", "payment"}


def test_insults_are_counted():
    assert debrief.insults(finish(play([100, 95, 80], "linear")), SELLER) == 2
    assert debrief.insults(finish(play([100], "negmas-linear")), SELLER) == 0


def test_a_result_without_a_bot_cannot_be_replayed():
    result = Result(MARKET, None, 1, "walk away", SELLER, [(1, SELLER, 80)])
    with pytest.raises(ValueError, match="no bot to replay"):
        debrief.concessions(
            Result(
                MARKET,
                None,
                2,
                "walk away",
                SELLER,
                [(1, SELLER, 80), (1, BUYER, 20), (2, SELLER, 70)],
            ),
            SELLER,
        )
    assert debrief.value_created(result) is None


def test_a_counterparts_settings_are_checked():
    with pytest.raises(ValueError, match="reciprocity must be between 0 and 1"):
        Counterpart(MARKET.preferences[BUYER], 10, 1.0, reciprocity=2)
    with pytest.raises(ValueError, match="deadline must be from 1 to 10"):
        Counterpart(MARKET.preferences[BUYER], 10, 1.0, deadline=11)


# --- what the bots say is true of what happened -----------------------


def _remark_for(session, round_):
    return next((words for r, words in session.remarks if r == round_), "")


@pytest.mark.parametrize("style", STYLES)
def test_the_stall_remark_is_said_only_when_you_did_not_move(style):
    """'You have not moved since your last offer' follows an ask equal to the one before;
    an ask that only takes back a step back gets its own words, not that one."""
    game = play([80, 80, 85, 80, 80], style)
    mine = [p for _, who, p in game.history if who == "you"]
    for number in range(1, len(mine)):
        said = _remark_for(game, number + 1)
        if REMARKS["stall"] in said:
            assert mine[number] == mine[number - 1], (number, mine, said)
    assert REMARKS["undo"] in _remark_for(game, 4)  # 85 back to 80: the step back undone
    assert REMARKS["stall"] not in _remark_for(game, 4)


def test_a_held_ask_still_gets_the_clocks_step_and_the_remark_claims_no_more():
    """The bot said it could not move, and moved. Now it says only that you did not move; a
    time-driven buyer still takes its own step."""
    game = play([80, 80, 80], "linear")
    prices = theirs(game)
    assert prices[-1] > prices[-2] and REMARKS["stall"] in _remark_for(game, 3)
    assert "before I can move" not in " ".join(w for _, w in game.remarks)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("moves", [[100] * 10, [95] * 10, [80, 100, 100, 100, 100, 100]])
def test_it_warns_at_least_one_offer_before_it_leaves_for_want_of_patience(style, moves):
    for trust in (Memory(), Memory([Encounter("walk-out"), Encounter("walk-out")])):
        game = play(moves, style, memory=trust)
        if game.finished and game.ended_by == "walk away" and game.said != PARTING["time"]:
            said = [words for _, words in game.remarks]
            assert REMARKS["strained"] in said[-2], said
            assert len(theirs(game)) >= 1  # it made an offer before leaving


def test_read_style_tells_the_styles_apart_when_you_probe():
    """Naming the style could not be done reliably. With a plan that holds every other round,
    the evidence the debrief shows (what your concessions bought, the buyer's steps when you
    held) points to the right style in most runs."""
    from course.engine.practice import Buyer

    right = total = 0
    by_style = {}
    for style in STYLES:
        for seed in range(40):
            buyer = Buyer(style, rng=random.Random(seed))
            session = buyer.session(40)
            ask, t = 85, 0
            while not session.finished:
                if t % 2 == 0 and t > 0:
                    ask -= 4
                offer = session.bot_offer
                if offer is not None and offer >= ask:
                    session.accept()
                    break
                session.offer(max(ask, 41))
                t += 1
            read = debrief.read_style(debrief.bot_moves(session.result(), SELLER))
            if read is None:
                continue
            total += 1
            right += read == style
            by_style.setdefault(style, []).append(read == style)
    assert right >= 0.93 * total, (right, total)
    assert all(sum(v) >= 0.85 * len(v) and len(v) >= 30 for v in by_style.values()), by_style


def test_the_style_evidence_says_what_the_concessions_bought_and_the_pace_when_held():
    game = finish(play([85, 85, 80, 80, 76, 76, 72, 72], "tit-for-tat"))
    moves_ = debrief.bot_moves(game, SELLER)
    text = debrief.style_evidence(moves_, STYLES["tit-for-tat"][0])
    assert f"your concessions bought back {moves_['given_back']:.0%}" in text
    assert "each time you held, it moved" in text
    assert moves_["given_back"] >= debrief.MIRRORS


def _natural_game(style, seed, held=3, step=4):
    """A seller who opens at 85, holds it ``held`` offers in all, then concedes ``step``
    each offer, accepting once the buyer's offer reaches the ask."""
    from course.engine.practice import Buyer

    session = Buyer(style, rng=random.Random(seed)).session(40)
    ask, t = 85, 0
    while not session.finished:
        if t >= held:
            ask -= step
        offer = session.bot_offer
        if offer is not None and offer >= ask:
            session.accept()
            break
        session.offer(max(ask, 41))
        t += 1
    return finish(session)


@pytest.mark.parametrize("style", list(STYLES))
def test_read_style_never_names_a_wrong_style_when_you_hold_first_then_concede(style):
    """A Boulware buyer played naturally (hold twice, then concede) stands still while you hold,
    and that read as 'steady', so the debrief said 'It was a boulware buyer ... That evidence
    points to a linear buyer' in 40 of 40 games. Standing still is no pace; the halves of its
    offers say where it gave ground."""
    reads = [
        read
        for seed in range(40)
        if (read := debrief.read_style(debrief.bot_moves(_natural_game(style, seed), SELLER)))
    ]
    assert all(read == style for read in reads), (style, reads)
    assert len(reads) >= 30, (style, len(reads))


def test_the_pace_reader_calls_a_still_buyer_still_and_compares_steps_by_their_ratio():
    assert debrief._pace([0.0, 0.0]) == "still"
    assert debrief._pace([0.0, 0.3]) == "growing"
    assert debrief._pace([0.11, 0.07]) == "shrinking"  # a Conceder's shrinking holds
    assert debrief._pace([0.10, 0.10]) == "steady"
    moves_ = debrief.bot_moves(_natural_game("boulware", 0), SELLER)
    text = debrief.style_evidence(moves_, STYLES["boulware"][0])
    assert "steady" not in text and "it barely moved while you held: under 5% each time" in text
