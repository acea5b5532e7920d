"""Module 03, review 61: Shapley's axioms as textbooks state them (E1), referent power as
admiration, not regard for how one deals (E2), module 00's own list for power (C3), one
quotable rule for mentioning an alternative (C1), no "still" where Atlas's figure may never
have beaten Borealis (U2), question 9b's assumption said plainly (U3), side material in
<details> blocks and a shorter text (U1). Each test failed on the text before this round."""

from tests.test_models_power import NOTEBOOK, PROSE, _section
from tests.test_power_review58_text import _markdown_words


def _flat(text):
    return " ".join(text.split())


def test_shapleys_four_properties_are_todays_statement_of_his_three_axioms():
    text = PROSE
    assert 'four properties (as textbooks state them today; his own "carrier" axiom' in text
    assert "joins the first and third)" in text


def test_referent_power_is_admiration_and_how_you_deal_is_credibility():
    # review 67, U3: the paragraph re-described expert and referent power as kinds of
    # trust after section 1 defined them; it now keeps only credibility
    text = PROSE
    assert "regard for how you deal is referent power" not in text
    assert "admiration for who you are is referent power" not in text
    assert "others admire or identify with someone" in text
    assert "Trust in how you deal is credibility" in text


def test_the_intro_quotes_module_00s_list_for_power():
    intro = _section(PROSE, "# Module 03", "## Your scenario")
    assert "the regard others have for it" not in intro
    # review 77, C2: trust left the list (section 1: not a base, what lets the bases work)
    assert "a say that comes with its role, a skill others rely on." in intro


def test_one_rule_for_mentioning_an_alternative_worded_so_others_can_quote_it():
    text = PROSE
    # review 76, U1: one name, the acceptance threshold, not a paraphrase of it
    # review 77, U2: the coined "acceptance threshold" went
    assert "mention an alternative when it beats the other side's estimate of your" in " ".join(
        text.split()
    )
    summary = PROSE[PROSE.index("## What to take away") :]
    assert "mention an alternative when it beats their estimate of your share" in " ".join(
        summary.split()
    )
    assert "as the other side sees it" not in summary


def test_question_2_does_not_say_still_and_question_9b_says_whose_assumption():
    two = _section(PROSE, "### Question 2", "def licence_floor")
    assert "figure still beat" not in two
    nine_b = _section(PROSE, "**Part b (1 mark).**", "def harrow_move")
    assert "The question assumes (anchoring, not a model here)" not in nine_b
    # review 78, U1 (round 79): the parenthesis is now "section 7's heuristic"
    assert "Answers are judged by section 7's heuristic: Granite reads" in _flat(nine_b)


def test_side_material_sits_in_details_blocks():
    for summary, inside in [
        ("The textbook case needs a caveat", "null player or not?"),
        # review 65, U2: section 5's side notes share one closing note
        ("Closing note: the evidence", "Abreu & Manea"),  # review 69, U1: income cut
    ]:
        block = _section(PROSE, f"<details><summary>{summary}", "</details>")
        assert inside in block, summary
    assert PROSE.count("<details>") == PROSE.count("</details>")


def test_the_text_is_shorter_than_before_this_round():
    assert _markdown_words(NOTEBOOK) <= 11_920, _markdown_words(NOTEBOOK)
