"""course.widgets.power in plain Python: set .value, .click(), read what the view shows."""

from html import unescape

import pytest

from course.widgets.power import CoalitionGame, PowerExplorer, ShrinkingPieGame, VotingPower

EEC = "France=4, Germany=4, Italy=4, Belgium=2, Netherlands=2, Luxembourg=1"


def test_the_explorer_opens_on_the_glove_game_and_the_four_three_two_one_vote():
    explorer = PowerExplorer()
    assert "Left 0.667, Right 1 0.167, Right 2 0.167" in explorer.game.result.value
    assert "<svg" in explorer.game.chart.value
    assert "<td>A</td><td>3</td><td>50.0%</td><td>66.7%</td><td>60.0%</td>" in (
        explorer.vote.table.value
    )


def test_the_glove_games_shapley_division_is_not_in_the_core_and_says_who_breaks_away():
    """The notebook's explorer question 1: {Left, Right 1} earn 1 but get 5/6."""
    game = CoalitionGame()
    assert (
        "<b>Is the Shapley division in the core?</b> No. {Left, Right 1} earn 1 on their own "
        "but get 0.833" in game.core.value
    )
    assert "gain 0.167 by breaking away" in game.core.value


def test_money_is_shown_with_thousands_separators():
    """The licence market of section 2 typed in: 64,167, not 6.42e+04."""
    game = CoalitionGame()
    game.players.value = "Seller, Keen, Rival"
    for members, worth in (
        (("Seller", "Keen"), 105_000),
        (("Seller", "Rival"), 70_000),
        (("Seller", "Keen", "Rival"), 105_000),
    ):
        game.field(*members).value = f"{worth:,}"
    assert "Seller 64,167, Keen 29,167, Rival 11,667" in game.result.value
    assert "e+0" not in game.result.value + game.core.value
    assert (
        "{Seller, Keen} earn 105,000 on their own but get 93,333 together here, so they gain "
        "11,667 by breaking away" in game.core.value
    )


def test_one_player_who_would_rather_go_alone_is_named_in_the_singular():
    game = CoalitionGame()
    game.players.value = "A, B"
    game.field("A").value = "5"
    game.field("A", "B").value = "1"
    assert "A earns 5 alone but gets 3 here, so it gains 2 by going alone" in game.core.value


def test_editing_a_coalition_value_changes_the_shapley_values():
    """The notebook's explorer question 2: a glove that does not fit leaves 1/2, 0, 1/2,
    which is in the core."""
    game = CoalitionGame()
    game.field("Left", "Right 1").value = "0"  # Right 1's glove does not fit
    game.field("Left", "Right 1", "Right 2").value = "1"
    assert "Right 1 0" in game.result.value and "Left 0.5, Right 1 0, Right 2 0.5" in (
        game.result.value
    )
    assert "<b>Is the Shapley division in the core?</b> Yes" in game.core.value


def test_one_holder_of_both_right_gloves_splits_evenly():
    """The notebook's explorer question 3."""
    game = CoalitionGame()
    game.players.value = "Left, Rights"
    game.field("Left", "Rights").value = "1"
    assert "Left 0.5, Rights 0.5" in game.result.value and "Yes" in game.core.value


def test_renaming_players_rebuilds_the_coalitions():
    game = CoalitionGame()
    game.players.value = "Seller, Buyer"
    assert len(game.coalitions.children) == 3
    game.field("Seller", "Buyer").value = "100"
    assert "Seller 50, Buyer 50" in game.result.value


@pytest.mark.parametrize(
    ("players", "words"),
    [("A, A", "same name"), ("", "at least one player"), ("A,B,C,D,E,F", "at most 5 players")],
)
def test_bad_player_lists_are_explained(players, words):
    game = CoalitionGame()
    game.players.value = players
    assert words in game.status.value and "fix the game first" in game.result.value
    assert game.core.value == ""


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("inf", "the value of {Left, Right 1} must be a finite number"),
        ("nan", "the value of {Left, Right 1} must be a finite number"),
        ("1e12", "must be between -1e+09 and 1e+09; 1e12 was rejected"),
        ("", "type the value of {Left, Right 1} first"),
        ("one", "the value of {Left, Right 1} must be a number such as 1, not “one”"),
    ],
)
def test_a_refused_coalition_value_shows_no_division(typed, words):
    """Issue 19: an emptied box (a browser's number box kept the number before) or a
    tampered one shows what to type, and no Shapley values from another game."""
    game = CoalitionGame()
    game.field("Left", "Right 1").value = typed
    assert words in game.status.value
    assert "fix the game first" in game.result.value
    assert game.core.value == "" and game.chart.value == ""
    game.field("Left", "Right 1").value = "1"
    assert "Every coalition has a value" in game.status.value


def test_the_eec_vote_shows_luxembourg_without_power():
    vote = VotingPower()
    vote.members.value = EEC
    vote.quota.value = "12"
    assert "Votes but no power: Luxembourg" in vote.status.value
    assert "<td>Luxembourg</td><td>1</td><td>5.9%</td><td>0.0%</td><td>0.0%</td>" in (
        vote.table.value
    )
    vote.quota.value = "11"
    assert "no power" not in vote.status.value


@pytest.mark.parametrize(
    ("members", "quota"), [(EEC.replace("Luxembourg=1", "Luxembourg=2"), 12), (EEC, 11)]
)
def test_the_notebooks_eec_questions_give_luxembourg_a_ninth(members, quota):
    """The notebook's answers: a second vote, or a quota of 11, gives Luxembourg 1/9."""
    vote = VotingPower()
    vote.members.value = members
    vote.quota.value = str(quota)
    assert "<td>Luxembourg</td>" in vote.table.value
    row = vote.table.value.split("<td>Luxembourg</td>")[1].split("</tr>")[0]
    assert row.endswith("<td>11.1%</td>")


def test_the_notebooks_shapley_shubik_question_gives_luxembourg_a_tenth():
    """The notebook's second EEC answer: with 2 votes, Shapley-Shubik 1/10 against Banzhaf
    1/9, and Belgium, the Netherlands and Luxembourg equal under both."""
    vote = VotingPower()
    vote.members.value = EEC.replace("Luxembourg=1", "Luxembourg=2")
    vote.quota.value = "12"
    for small in ("Belgium", "Netherlands", "Luxembourg"):
        assert f"<td>{small}</td><td>2</td><td>11.1%</td><td>10.0%</td><td>11.1%</td>" in (
            vote.table.value
        )


def test_the_three_way_majority_game_has_no_core_and_the_explorer_says_so():
    """The notebook's explorer task 4: 1/3 each, and a pair gains 1/3 by breaking away."""
    game = CoalitionGame()
    game.players.value = "A, B, C"
    for pair in (("A", "B"), ("A", "C"), ("B", "C"), ("A", "B", "C")):
        game.field(*pair).value = "1"
    assert "A 0.333, B 0.333, C 0.333" in game.result.value
    assert "No. {A, B} earn 1 on their own but get 0.667" in game.core.value
    assert "gain 0.333 by breaking away" in game.core.value


@pytest.mark.parametrize(
    ("members", "quota", "words"),
    [
        ("A=3, B=x", 4, "'B=x' is not name=votes"),
        ("A=3, B=-2", 4, "B's votes must be between 0"),
        ("A=3, B=2", 9, "quota 9 is more than all the weights together (5)"),
        ("A=3, A=2", 4, "same name"),
        ("", 4, "list at least one member"),
    ],
)
def test_bad_votes_are_explained(members, quota, words):
    vote = VotingPower()
    vote.members.value = members
    vote.quota.value = str(quota)
    assert words in unescape(vote.status.value)
    assert vote.table.value == ""


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1e15", "the quota must be between 0 and 1e+09; 1e15 was rejected"),
        ("", "type the quota first"),
        ("half", "the quota must be a number such as 4, not “half”"),
    ],
)
def test_a_refused_quota_shows_no_power_from_the_quota_before(typed, words):
    vote = VotingPower()
    vote.quota.value = typed
    assert words in vote.status.value
    assert vote.table.value == "" and vote.shapley_chart.value == ""
    vote.quota.value = "4"
    assert "A decision needs 4 of 6 votes." in vote.status.value


def test_a_refused_patience_mid_game_leaves_the_game_as_it_was():
    """Issue 19: putting a refused slider value back used to start a new game (its
    observer ran on the restored value), wiping the rounds played."""
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9)
    game.offer.value = 0.2
    game.propose.click()  # refused: the computer counters
    played = game.history.value
    assert "It refuses" in played
    game.delta_you.max = 5  # what a visitor can do over the websocket
    game.delta_you.value = 3
    assert game.delta_you.value == 0.9
    assert "your patience must be between 0.05 and 0.99; 3.0 was rejected" in game.status.value
    assert game.history.value == played and not game.accept.disabled
    game.accept.click()  # the game goes on where it was
    assert "you accept" in game.history.value


def test_the_pie_game_shows_the_equilibrium_once_an_offer_is_made():
    """The exercise asks for the lowest offer the computer accepts; the game printed it
    before the first offer, so it was read off, not worked out. The split and the lowest
    offer now show only for settings an offer has been made with, and hide again for new
    settings until an offer is made with them."""
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9)
    assert "47.4%" not in game.equilibrium.value and "52.6%" not in game.equilibrium.value
    assert "shown once you have made an offer with these settings" in game.equilibrium.value
    assert game.chart.value == ""
    game.offer.value = 0.3
    game.propose.click()
    assert "you propose first and get 52.6%, the computer 47.4%" in game.equilibrium.value
    assert "<svg" in game.chart.value
    game.restart.click()  # a new game with the same settings keeps it shown
    assert "47.4%" in game.equilibrium.value
    game.outside_option.value = 0.6
    assert "60.0%" not in game.equilibrium.value and game.chart.value == ""
    game.offer.value = 0.7
    game.propose.click()
    assert "get 40.0%, the computer 60.0%" in game.equilibrium.value
    game.outside_option.value = 0.0  # back to settings already played: shown again
    assert "47.4%" in game.equilibrium.value
    from tests.test_models_power import PROSE

    assert "and read the equilibrium split" not in PROSE
    assert "only once you have made an offer with those settings" in PROSE


@pytest.mark.parametrize(
    ("outside", "lowest", "below"), [(0.3, 0.48, "refuses"), (0.6, 0.6, "walks away")]
)
def test_the_notebooks_pie_task_the_lowest_offer_accepted(outside, lowest, below):
    """The notebook's answer: with both patiences 0.9, an outside option of 0.3 changes
    nothing (it accepts 47.4%, the slider's 48%), one of 0.6 must be matched; a little
    less gets a counter-offer, then a walk-out."""
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9, outside_option=outside)
    assert "accepts any offer of at least" not in game.equilibrium.value
    game.offer.value = lowest
    game.propose.click()
    assert "It accepts." in game.history.value
    assert f"the computer {max(outside, 0.9 / 1.9):.1%}" in game.equilibrium.value
    assert f"accepts any offer of at least {lowest:.0%}" in game.equilibrium.value
    game.restart.click()
    game.offer.value = round(lowest - 0.01, 2)
    game.propose.click()
    assert below in game.history.value


def test_an_offer_at_the_equilibrium_is_accepted_at_once():
    game = ShrinkingPieGame(delta_you=0.5, delta_computer=0.5)  # you 2/3, computer 1/3
    game.offer.value = 0.34
    game.propose.click()
    assert "It accepts. Worth today: you 66.0% of the pie, the computer 34.0%" in (
        game.history.value
    )
    assert game.propose.disabled and game.accept.disabled


def test_a_low_offer_gets_a_counter_and_costs_you_a_round():
    game = ShrinkingPieGame(delta_you=0.5, delta_computer=0.5)
    game.offer.value = 0.1
    game.propose.click()
    assert "It refuses, and a round later offers you 33.3%" in game.history.value
    assert not game.accept.disabled and game.propose.disabled
    game.accept.click()
    # a third of the pie, one round late: worth 1/6 today, far below the 2/3 on offer at once
    assert "you accept. Worth today: you 16.7% of the pie" in game.history.value


def test_the_game_has_no_deadline_and_its_offers_stay_the_same():
    """Rubinstein's game has no last round: after many rejections the computer still makes
    the same counter-offer, and a deal is still possible, worth less to both."""
    game = ShrinkingPieGame(delta_you=0.5, delta_computer=0.5)
    game.offer.value = 0.0
    for _ in range(12):
        game.propose.click()
        assert "a round later offers you 33.3%" in game.history.value.split("<br>")[-1]
        game.reject.click()
        assert (
            "your move again, later, so a deal is worth less to both of you"
            in (game.history.value.split("<br>")[-1])
        )
    assert not game.propose.disabled and "no deal" not in game.history.value
    game.offer.value = 0.34
    game.propose.click()
    assert "Round 25: you offer the computer 34%. It accepts." in game.history.value
    # 66% of the pie, 24 rounds late at 0.5 a round: worth about nothing today
    assert "Worth today: you 0.0% of the pie" in game.history.value


def test_the_computer_walks_away_to_a_good_outside_option():
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9, outside_option=0.6)
    game.offer.value = 0.5
    game.propose.click()
    assert "walks away to its outside option" in game.history.value
    assert "you 0.0% of the pie, the computer 60.0%" in game.history.value


def test_new_game_and_changed_settings_restart():
    game = ShrinkingPieGame(delta_you=0.5, delta_computer=0.5)
    game.offer.value = 0.1
    game.propose.click()
    game.delta_computer.value = 0.8
    assert game.history.value.startswith("Round 1: your move") and "<br>" not in game.history.value
    game.restart.click()
    assert not game.propose.disabled


def test_a_tampered_out_of_range_value_is_rejected_with_a_message():
    """A visitor can raise a slider's max over the websocket, then push a value past ours."""
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9)
    game.delta_you.max = 5
    game.delta_you.value = 3
    assert game.delta_you.value == 0.9
    assert "your patience must be between 0.05 and 0.99; 3.0 was rejected" in game.status.value
    assert "shown once you have made an offer with these settings" in game.equilibrium.value
    game.offer.max = 10
    game.offer.value = 7
    game.propose.click()
    assert "your offer must be between 0 and 1; 7.0 was rejected" in game.status.value
    assert game.offer.value == 0.5 and "accepts" not in game.history.value


@pytest.mark.parametrize(
    "value, text",
    [(999.5, "1,000"), (123.456, "123.456"), (2 / 3, "0.667"), (0.5, "0.5"), (250, "250")],
)
def test_values_below_a_thousand_are_shown_in_full_not_in_scientific_notation(value, text):
    """999.5 was shown as 1e+03 and 123.456 as 123: three significant figures cut both."""
    from course.widgets.power import shown

    assert shown(value) == text


def test_the_pie_game_says_its_offers_move_in_whole_percents():
    """A fresh review, U4: the game named a threshold of 47.4% while the offer slider moves
    in steps of 1% and reports offers to the whole percent; it now says so itself."""
    game = ShrinkingPieGame(delta_you=0.9, delta_computer=0.9, outside_option=0.3)
    assert game.offer.step == 0.01
    assert "(your offer moves in steps of one percent)" in game.equilibrium.value
