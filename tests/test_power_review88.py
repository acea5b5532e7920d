"""Module 03, review 88 (an independent negotiation professor's review), fixed in round 88.
Each test failed on the text before this round."""

from fractions import Fraction
from pathlib import Path

from course.models.power import bargaining_split, rubinstein_share
from tests.test_models_power import PROSE, _section

BATNA = (Path(__file__).resolve().parents[1] / "source" / "02_batna" / "batna.py").read_text()


def _flat(text):
    return " ".join(text.replace("#", "").split())


def _option_holder_shares(delta, option, rounds=400):
    """(share when it proposes, share when the other side proposes) for a side that may walk
    out to ``option`` whenever it answers, both sides discounting by ``delta``: backward
    induction over a long finite game, independent of the library's closed form."""
    propose, answer = Fraction(1), Fraction(0)  # the last round: the proposer takes all
    for _ in range(rounds):
        # a round earlier: when it answers it takes the option or what proposing next round
        # is worth; when it proposes the other side gets what its own next proposal is worth
        propose, answer = 1 - delta * (1 - answer), max(option, delta * propose)
    return propose, answer


def test_c1_the_share_at_the_table_is_module_02s_and_the_rule_holds_for_a_proposer():
    """C1: section 5 defined the share at the table for either seat, proposer or responder,
    yet kept the rule that an outside option binds only when it beats that share. For a side
    that proposes this was false: with delta 0.9 on both sides and an option of 0.5, the
    option is below the proposer's share at the table (1/1.9) but binds, since it beats the
    responder's share (0.9/1.9), and the proposer then gets 1 - 0.9 (1 - 0.5) = 0.55, not
    the option. Section 5 now uses module 02's meaning (your share when the other side
    proposes), says the threshold holds whoever proposes, and the summary says a binding
    option sets your share when they propose."""
    delta, option = Fraction(9, 10), Fraction(1, 2)
    table = bargaining_split(delta, delta)[1]  # module 02's share at the table
    proposer_at_the_table = rubinstein_share(delta, delta)
    assert table < option < proposer_at_the_table  # the old per-seat rule said: no effect
    propose, answer = _option_holder_shares(delta, option)
    assert float(answer) == float(bargaining_split(delta, delta, option)[1]) == option
    other_side_proposes = bargaining_split(delta, delta, option)[0]
    assert abs(float(propose) - float(1 - delta * other_side_proposes)) < 1e-12
    assert abs(float(propose) - 0.55) < 1e-12 and propose > proposer_at_the_table  # binds
    assert propose != option  # it sets the share only when the other side proposes
    # below the share at the table, an option moves neither seat (section 6, the summary)
    low = table - Fraction(1, 100)
    propose, answer = _option_holder_shares(delta, low)
    assert abs(float(propose) - float(proposer_at_the_table)) < 1e-12
    assert abs(float(answer) - float(table)) < 1e-12

    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 4"))
    assert "proposer or responder" not in five
    assert (
        "Your **share at the table** is what Rubinstein's model (section 4) gives you when the "
        "other side proposes, with no alternative counted." in five
    )
    assert (
        "Whoever proposes, the option binds once it beats your share at the table; each unit "
        "then adds a whole unit to your share when the other side proposes" in five
    )
    # module 02 means the same (section 7)
    # review 110 U4 (module 02's round 111): the same definition in plainer words
    assert (
        "what you would get with no alternative on either side, when the other side makes the "
        "first offer" in _flat(BATNA)
    )
    summary = _flat(PROSE[PROSE.index("## What to take away") :])
    assert (
        "counts only when it beats your share at the table, and then sets your share when "
        "they propose;" in summary
    )


def test_coined_the_course_says_only_that_binmore_shaked_and_sutton_used_the_term():
    """The text said Binmore, Shaked and Sutton (1989) coined "deal-me-out"; the reviewer
    could not verify that (the term may be older), nor can we. The closing note now says only
    that they used the term, next to the experiment it cites."""
    assert "coined" not in PROSE
    note = _flat(_section(PROSE, "<details><summary>Closing note", "</details>"))
    assert (
        'Binmore, Shaked and Sutton ("An Outside Option Experiment", *Quarterly Journal of '
        "Economics*, 1989), who used the term deal-me-out, had people bargain" in note
    )


def test_u1_question_2_asks_its_two_verdicts_in_two_sentences():
    """U1: question 2 asked for both verdicts in one sentence ("... reach or beat selling to
    the best rival, today and had Kestrel made that move before Atlas proposed?"). It now
    asks two short questions, today's and Corvid's; the bullets and the check are unchanged."""
    two = _flat(_section(PROSE, "### Question 2", "def licence_floor"))
    assert "today and had Kestrel made that move" not in two
    assert (
        "Would Atlas's yardstick, worked out, reach or beat selling to the best rival today? "
        "And with Corvid, brought in before Atlas proposed?" in two
    )


def _sentences(text):
    for sentence in text.replace(";", ".").split(". "):
        if sentence.strip():
            yield sentence


def test_u1_question_6_gives_its_what_if_one_fact_a_sentence_and_no_formula():
    """U1: question 6's three terms were a stack of clauses ("a rate of loss (section 4), not
    a fixed bill. With the day of use both sides lose, Kestrel's rate of loss is ..."). Each
    term is now told in sentences of at most 20 words. The prompt still gives no share: the
    learner decides what the faster loss does to the price (sections 4 and 5)."""
    six = _flat(_section(PROSE, "### Question 6", "Write `signing_terms(s)`"))
    # review 91, U2: the terms are the story's; the prompt's own sentences stay short
    terms = six[six.index("Like question 4") :]
    longest = max(len(sentence.split()) for sentence in _sentences(terms))
    assert longest <= 20, longest
    assert "With the day of use both sides lose" not in six
    for formula in ("1 + `s.signing_ratio`", "1/(1", "r_2/(r_1", "\\max"):
        assert formula not in six, formula


def test_u1_carr_and_the_model_rule_are_an_aside_and_the_module_is_shorter():
    """U1: section 7's third line carried Carr's view and the Model Rule comment before its
    own rule and examples. The line now gives the rule and the two examples; where the line
    comes from (Carr, misrepresentation law, Model Rule 4.1) is in a details box after the
    list. The Abreu & Manea bullet was already in section 5's closing note (a details box).
    The module's markdown words fall (9,553 before this round)."""
    from tests.test_models_power import NOTEBOOK
    from tests.test_power_review58_text import _markdown_words

    legit = _section(PROSE, "### Legitimate and illegitimate power", "### Question 9")
    line = _flat(_section(legit, "**A bluff is not a lie about a fact.**", "<details>"))
    assert "Carr" not in line and "Model Rule" not in line
    assert '"We cannot go below 80,000", said by a seller' in line
    aside = _flat(_section(legit, "<details><summary>Where the line comes from", "</details>"))
    assert 'Carr ("Is Business Bluffing Ethical?", *Harvard Business Review*, 1968)' in aside
    assert "Model Rule 4.1" in aside
    note = _section(PROSE, "<details><summary>Closing note", "</details>")
    assert "(Abreu & Manea," in note
    assert _markdown_words(NOTEBOOK) < 9_553, _markdown_words(NOTEBOOK)
