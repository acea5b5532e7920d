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
    assert "were there no alternatives, when the other side proposes" in _flat(BATNA)
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
