"""The debrief's arithmetic (course.workshop.room) and the arena's cases (course.workshop.play)."""

import csv
import io
import random

import pytest

from course.workshop.play import ArenaCase, draw_style
from course.workshop.room import fit_line, histogram, summarise, to_csv


def row(n, price, first, reservation=40, role="seller", style="linear", share=0.5):
    return {
        "id": n,
        "participant": f"p{n}",
        "app": "arena",
        "bot_style": style,
        "role": role,
        "reservation": reservation,
        "bot_reservation": 70,
        "first_offer": first,
        "price": price,
        "ended_by": "agreement" if price is not None else "walk away",
        "rounds": 4,
        "zopa_share": share if price is not None else None,
        "created_at": None,
    }


def test_a_fitted_line_through_points_on_a_line():
    slope, intercept, r = fit_line([(0, 10), (10, 30), (20, 50)])
    assert slope == pytest.approx(2) and intercept == pytest.approx(10) and r == pytest.approx(1)


@pytest.mark.parametrize("points", [[], [(1, 2), (3, 4)], [(5, 1), (5, 2), (5, 3)]])
def test_no_line_without_enough_spread(points):
    assert fit_line(points) is None


def test_the_room_is_summarised():
    records = [
        row(1, 60, 90),
        row(2, 55, 80, style="boulware", share=0.25),
        row(3, None, 95, style="boulware"),
        row(4, 70, 99, role="buyer", reservation=75),
    ]
    room = summarise(records)
    assert (room["negotiations"], room["deals"], room["impasses"]) == (4, 3, 1)
    assert room["anchoring"] == {"seller": [(90, 60), (80, 55)], "buyer": [(99, 70)]}
    assert room["anchoring_fit"] == {"seller": None, "buyer": None}  # too few for a line
    assert room["batna"] == {"seller": [(40, 60), (40, 55)], "buyer": [(75, 70)]}
    assert room["by_style"]["boulware"] == {
        "negotiations": 2,
        "deals": 1,
        "impasses": 1,
        "mean_price": 55,
        "mean_share": 0.25,
    }


def test_an_empty_room():
    room = summarise([])
    assert room["negotiations"] == 0 and room["by_style"] == {}
    assert room["anchoring_fit"] == {"seller": None, "buyer": None}


def test_role_alone_makes_no_anchoring_line():
    """Issue 19: sellers open high and settle high, buyers open low and settle low. Pooled,
    first offer and price correlate (r near 1) although within each role a higher opening
    goes with a lower price; fitted per role, the debrief shows that."""
    sellers = [
        row(n, price, first) for n, (first, price) in enumerate([(90, 60), (95, 58), (99, 55)])
    ]
    buyers = [
        row(n + 3, price, first, role="buyer")
        for n, (first, price) in enumerate([(10, 45), (15, 42), (20, 40)])
    ]
    room = summarise(sellers + buyers)
    pooled = fit_line([(r["first_offer"], r["price"]) for r in sellers + buyers])
    assert pooled[2] > 0.8  # what one line through everyone would have said
    assert room["anchoring_fit"]["seller"][2] < 0 and room["anchoring_fit"]["buyer"][2] < 0


def test_prices_fall_in_bins_the_top_one_included():
    assert [count for *_, count in histogram([0, 9.9, 10, 100], bins=10)] == [2, 1] + [0] * 7 + [1]


def test_the_csv_has_a_header_and_a_row_per_negotiation():
    rows = list(csv.DictReader(io.StringIO(to_csv([row(1, 60, 90), row(2, None, 80)]))))
    assert [r["participant"] for r in rows] == ["p1", "p2"] and rows[1]["price"] == ""


def test_a_case_scores_a_deal_and_keeps_the_first_offer():
    case = ArenaCase("Ada", "conceder", role="seller", rng=random.Random(4))
    assert case.session.bot_offer is None and "selling" in case.brief
    case.offer(100)
    case.offer(60)
    while not case.finished:
        case.accept() if case.session.bot_offer else case.offer(60)
    record = case.record()
    assert record["first_offer"] == 100 and record["participant"] == "Ada"
    assert 20 <= record["reservation"] <= 60


@pytest.mark.parametrize("offer", [101, -1, 50.5, "50", True])
def test_a_case_refuses_an_offer_off_the_grid(offer):
    case = ArenaCase("Ada", "linear", role="buyer")
    with pytest.raises(ValueError, match="whole number from 0 to 100"):
        case.offer(offer)
    assert case.first_offer is None


def test_the_record_waits_for_the_end():
    with pytest.raises(RuntimeError, match="still going"):
        ArenaCase("Ada", "linear").record()


def test_mixed_draws_one_of_the_arena_styles_and_unknown_ones_are_refused():
    assert draw_style("mixed", random.Random(1)) in (
        "boulware",
        "linear",
        "conceder",
        "tit-for-tat",
    )
    with pytest.raises(ValueError, match="pick a bot style"):
        draw_style("negmas-linear", random.Random(1))


def test_apps_outside_a_workshop_keep_their_data_in_the_users_folder(monkeypatch, tmp_path):
    from course.workshop import settings

    for variable in ("LEVERAGE_STORE", "LEVERAGE_ERROR_LOG"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert settings.store_url() == f"sqlite:///{tmp_path}/leverage/workshop/results.sqlite"
    assert settings.error_log() == tmp_path / "leverage" / "workshop" / "errors.log"
    monkeypatch.setenv("LEVERAGE_STORE", "postgresql://room@db/workshop")
    assert settings.store_url() == "postgresql://room@db/workshop"
