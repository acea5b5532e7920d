"""Review 76 (module 00): the fixes each failed on the old code or text."""

import course
from tests.notebooks import source_notebook


def _markdown(grade_id):
    cell = next(
        c
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )
    return " ".join(cell.source.split())


def test_c1_question_3c_s_ask_is_4b_s_or_a_larger_one_it_falls_back_from():
    """Review 76 C1: questions 3c and 4b gave most learners two sizes of one term, in either
    order (rv-23 prepared for a 2% cut, then meant to ask 3%), so the learner could not tell
    which ask was theirs. The ask 3c prepares for is now 4b's or a larger one, and the news
    calls 4b's smaller ask the fallback. Fails on the old code (rv-23's 3c bar was below)."""
    s = course.variant("00_leverage", "rv-23")
    # review 102 X1 (round 103): 3c's ask now needs its best plan to clear the bar by a
    # quarter point; rv-23's 3% no longer does, so it prepares for the larger 6% ask
    assert (s.bar, s.ask) == (0.5, "ask Vell for a price cut of 3%")
    assert s.prepared_ask == (1.25, "ask Vell for a price cut of 6%")
    for n in range(40):
        s = course.variant("00_leverage", f"rv-{n}")
        if s.prepared_ask is None:
            continue
        assert s.prepared_ask[0] >= s.bar - 1e-9, s.learner
        shown = " ".join(s.show("news").markdown.split())
        if s.prepared_ask[1] == s.ask:
            assert "It is question 3c's ask" in shown, s.learner
        else:
            assert "It is your fallback ask, smaller than question 3c's ask" in shown
        assert "separate ask" not in shown, s.learner
        assert "You prepare to" in s.show("prepared-ask").markdown, s.learner
    assert "the ask you prepare for" in _markdown("q3c-task")


def test_e1_no_claim_that_every_pay_band_is_confidential():
    """Review 76 E1: "the employer's confidential pay bands are not theirs to give" was too
    broad as law (employees may share pay; pay-transparency laws make employers give bands
    to applicants). What is off limits is a pay record someone handles for the employer.
    Fails on the old text."""
    text = _markdown("build-teaching")
    assert "confidential pay bands" not in text
    assert "not pay records they handle for their employer" in text
    assert "ask the employer for the band, which some laws oblige it to give" in text


def test_c2_the_re_audit_says_what_to_do_when_power_carries_the_dependence():
    """Review 76 C2: section 2 files "the only cold store in the port" as power; the
    re-audit then has a rival siding appear and keeps the owner's power "as rated", so a
    learner who rated that power high because of "only" was told not to revise it. The
    re-audit now says to change whichever row carries the dependence. Fails on the old
    text."""
    text = _markdown("shift-teaching")
    assert "which stays as rated" in text
    # review 108 C1 (round 109): that sentence let a change go on either row, which question
    # 4a does not grade; a new option goes on the row section 2's questions pick
    assert "Had your audit weighed this dependence through the owner's power" not in text
    # review 110 (round 111, words paid for C1/X1): "A specific other option, it goes on
    # that row only." repeated the sentence before it, which still records the change once
    assert "The audit records that change once, as a rise in Brannock's alternatives" in text
    assert "and not a second time as a fall in the owner's power" in text


def test_u3_the_deadline_run_names_what_it_shows():
    """Review 76 U3: "The deadline case in the exercise shows both" had no clear antecedent
    after the ladder paragraph. It now names the rule and what passes. Fails on the old
    text."""
    text = _markdown("shift-teaching")
    assert "shows both" not in text
    assert "The exercise's deadline case shows the rule and what passes." in text


def test_u4_an_ask_is_told_apart_from_an_opening_offer_by_what_it_moves():
    """Review 76 U4: "An ask is not your opening offer", though the rungs ("raise its offer by
    13%") are counter-offers, left the line unclear. An ask now moves one term of a figure
    already on the table; opening is module 04's. Fails on the old text."""
    text = _markdown("shift-teaching")
    assert "An ask is not your opening offer" not in text
    assert "An ask here moves one term of a figure already on the table" in text  # review 79


def test_u2_the_first_sorting_question_is_a_yes_or_no_test():
    """Review 76 U2: section 2's first sorting question ("does a side know something?")
    carried an exception (records and know-how are power), so it was not a yes-or-no test.
    It now asks whether a side knows *that* something is true; records and know-how are
    listed under the third question. Fails on the old text."""
    text = _markdown("sources-teaching").replace("# ", "")
    first = text.split("1. Does the fact")[1].split("2. If not")[0]
    third = text.split("3. If not")[1].split("The order settles")[0]
    assert "not knowledge in this sense" not in first and "Records" not in first
    assert "records or know-how the other side relies on" in third


def test_u2_the_practice_hint_asks_the_first_question_as_the_text_does():
    """Review 76 U2, the same fault in the hints: a know-how item filed as information was
    told only that it does not say a side knows something, though "knows how" does. The hint
    now asks whether a side knows *that* something is true and says that knowing how is not
    that, without naming the right source. Fails on the old code."""
    from course.checks.leverage import _not_source

    # review 82 X1: the know-how line goes only to an item that names know-how
    # (tests/test_leverage_review83.py)
    said = _not_source("information", "You are one of the few engineers who know how to run it.")
    assert "finds out that something was already true" in said
    assert "knowing how to do something is not knowing that something is true" in said
    assert "power" not in said and "alternatives" not in said


def test_u1_the_two_kinds_of_alternative_side_note_is_cut_to_one_limit():
    """Review 76 U1: the opening module is long, and the side note "Two kinds of alternative"
    (about 280 words) served only one optional limit in the reflection. It is cut; section 3's
    limit says the gist in one sentence, section 1 no longer points to it, and the reflection
    prompt names the limit without restating it. Fails on the old text."""
    limits = _markdown("audit-limits")
    assert "Two kinds of alternative" not in limits and "<details>" not in limits
    assert (
        # review 112 U6 (round 113): its own bullet
        "**It overrates an option reached only by walking out** (an *outside option*): such an "
        "option counts only when it beats what the deal would give you anyway" in limits
    )
    assert "side note after section 3" not in _markdown("what-teaching")
    assert "however many points it earns" not in _markdown("reflection-text")
