"""Review 103 of module 04 (concessions), fixed in round 103. E1, C1, C4, X1: round 102
(commit a8c20082) put Orchard's estimate of Kite's share at the table halfway from its guess
of Kite's other work to its reservation price and graded "keep Birch's offer private" as the
only answer. Module 03's deal-me-out (section 5: share = max(share at the table, b)) counts
the share at the table without the outside option: about half of what the job is worth to
Orchard, far below Birch's price, so Birch binds and naming a true Birch above what Orchard
believes raises the price it expects (rv103-alice: from max(50, 70) = 70 to 73).
Question 1 again accepts either choice where Birch beats Orchard's guess, each with its
reason; a weak (below the guess) or inflated Birch named still fails. Each test fails on the
code or text before this round."""

import re
from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.scenarios.concessions import birch_is_strong
from tests.sweeps import cell_text

MODULE = "04_concessions"
ROOT = Path(__file__).parents[1]


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "concessions", grade_id).split())


def _birch(s):
    return next(k for k, st in s.statements.items() if st.about == "birch")


def _true_birch(s):
    return s.facts.get("birch") == s.statements[_birch(s)].figure


def _opening(s, quote):
    """The most ambitious true market fact, capped by a rival's quote (worked out here, as a
    learner would: a check refuses an answer that calls the course's answer key)."""
    true = [k for k, st in s.statements.items() if s.facts.get(st.about) == st.figure]
    key = max(
        (k for k in true if s.statements[k].about != "birch"),
        key=lambda k: s.statements[k].figure,
    )
    figure = s.statements[key].figure
    return (figure if quote is None else min(figure, quote)), [key]


def _naming(s, anchor, quote=None):
    """Names Birch whenever its statement is true and beats what Orchard believes your other
    work pays (the choice round 102 refused)."""
    price, said = _opening(s, quote)
    strong = _true_birch(s) and s.alternative_price > s.their_guess
    return price, [*said, _birch(s)] if strong else said


def _keeping(s, anchor, quote=None):
    return _opening(s, quote)


def _out(capsys, run):
    capsys.readouterr()
    run()
    return capsys.readouterr().out


# --- (a) grading: either choice passes where Birch beats Orchard's guess ----------------


def test_e1_rv103_alice_naming_birch_and_keeping_it_private_both_pass(capsys):
    s = check._variant("rv103-alice")
    assert (s.alternative_price, s.their_guess, s.their_estimate) == (73, 70, 100)
    assert _true_birch(s) and birch_is_strong(s)
    with course.variants.learner_as("rv103-alice"):
        told = _out(capsys, lambda: check.opening(_naming))
        check.opening(_naming, hidden=True)
        kept = _out(capsys, lambda: check.opening(_keeping))
        check.opening(_keeping, hidden=True)
    # each pass message says which reason its choice stands on, on the learner's numbers
    assert "you tell Orchard of Birch's offer, a true fact that beats the 70 Orchard" in told
    assert "as Birch binds, it raises the price Orchard expects" in told
    assert "(keeping it private, the model answer's choice, would have passed too" in told
    assert "you keep Birch's offer private: its 73 is 30% below your opening" in kept
    assert "show roughly where your reservation price is" in kept
    assert "(telling it would have passed too: it beats the 70 Orchard believes" in kept
    for message in (told, kept):
        assert "share at the table" not in message and "cannot" not in message


def test_e1_over_300_learners_with_a_true_birch_above_the_guess_naming_it_passes():
    """The first 300 learners id-0, id-1, ... whose true Birch beats Orchard's guess: naming
    it passes the visible and the hidden check, and so does keeping it private (round 102
    failed every one of them for naming it)."""
    found = n = 0
    while found < 300:
        learner, n = f"id-{n}", n + 1
        s = check._variant(learner)
        if not (_true_birch(s) and s.alternative_price > s.their_guess):
            continue
        found += 1
        assert birch_is_strong(s), learner
        price, said = check.grounded_opening(s)
        named = (price, [*said, _birch(s)])
        assert check._check_opening(s, None, named, None) == price, learner
        assert check._check_opening(s, None, (price, list(said)), None) == price, learner
        with course.variants.learner_as(learner):
            check.opening(_naming)
            check.opening(_naming, hidden=True)
            if found % 10 == 0:  # keeping it private, the model answer's choice
                check.opening(_keeping)
                check.opening(_keeping, hidden=True)


def test_e1_a_true_birch_below_the_guess_named_still_fails():
    """As before round 102: a true Birch below what Orchard believes your other work pays
    lowers that belief, so naming it fails (and the hint says why without "cannot")."""
    weak = 0
    for n in range(300):
        s = check._variant(f"id-{n}")
        if not (_true_birch(s) and s.alternative_price < s.their_guess):
            continue
        weak += 1
        assert not birch_is_strong(s)
        price, said = check.grounded_opening(s)
        with pytest.raises(NotYet) as raised:
            check._check_opening(s, None, (price, [*said, _birch(s)]), None)
        hint = str(raised.value)
        assert f"less than the {s.their_guess:g} Orchard already believes" in hint
        assert "lowers the price it expects at the table" in hint
        assert "keep this one private" in hint and "cannot" not in hint
        if weak == 1:  # and through the whole check, on that learner

            def naming_own(t, anchor, quote=None, weak=s.learner):
                price, said = _keeping(t, anchor, quote)
                return price, [*said, _birch(t)] if t.learner == weak else said

            with course.variants.learner_as(s.learner), pytest.raises(NotYet):
                check.opening(naming_own)
    assert weak > 50, weak


# --- (b) the model, in module 03's terms ------------------------------------------------


def test_c1_section_1_states_the_share_at_the_table_without_the_alternative_and_birch_binds():
    text = _cell("opening-teaching")
    assert (
        "Your share at the table, the deal's value split with no alternative in play, is "
        # review 112 E1 (round 113): half the surplus over Kite's cost
        "your extra cost plus about half the surplus (the job's worth to Orchard less that "
        # review 114 E2: the model's two assumptions said where it is applied
        "cost), far below Birch's price, if your extra cost is the work's whole cost and both "
        "sides are equally patient." in text
    )
    assert (
        # review 108 C3 (round 109): Birch tells Orchard what your other work pays
        "So Birch binds: once Orchard believes your other work pays Birch's price, the least "
        "it thinks you would take, and so the price it expects, is at least that." in text
    )
    assert "(`s.their_guess`) lowers the price it expects: keep it private." in text
    assert "Naming one above raises it; keeping that private is defensible too:" in text
    assert "anchors low and shows roughly where your reservation price is." in text
    assert "Question 1 accepts either." in text
    # module 03 says the same: the share at the table counts no alternative
    power = " ".join(cell_text("03_power", "power", "outside-teaching").split())
    assert "with no alternative counted" in power and r"\max(v_1/2,\ v_2)" in power
    # and it holds on every drawn case: half of Orchard's reservation price (the pie from
    # Kite's inside value, its extra cost, gives a quarter of that cost more) is below Birch
    for n in range(300):
        s = check._variant(f"id-{n}")
        assert (s.their_estimate + s.extra_cost) / 2 < s.alternative_price, s.learner
    q1 = _cell("q1-text")
    assert "above it, the check accepts either choice (section 1)." in q1
    intro = _cell("intro")
    assert "question 1 also asks whether to name your other offer: either choice passes." in (intro)


def test_c4_the_answer_key_agrees_with_the_check():
    doc = " ".join(check.grounded_opening.__doc__.split())
    assert "passes too when it beats what Orchard believes your other work pays" in doc
    assert (
        "Birch binds" in doc
        and "about half the surplus (what the job is worth to Orchard less that cost)" in doc
    )
    assert "more than a fifth below" not in doc


# --- (c) the round-102 bar is gone ------------------------------------------------------


def test_e1_no_cannot_raise_and_no_halfway_from_their_guess_bar_anywhere():
    files = [
        ROOT / "source" / MODULE / "concessions.py",
        ROOT / "course" / "checks" / "concessions.py",
        ROOT / "course" / "scenarios" / "concessions.py",
    ]
    for path in files:
        flat = " ".join(path.read_text().replace("#", " ").split())
        for gone in (
            "cannot raise",
            "could not raise",
            "halfway point",
            "halfway from the least they think",
            "halfway from what Orchard believes",
            "halfway from its guess",
            "(s.their_guess + s.their_estimate) / 2",
            "share_at_table",
            "BIRCH_BAND",
            "BIRCH_CLEAR",
            "is not enough",
            "beats their estimate of your share at the table",
        ):
            assert gone not in flat, (path.name, gone)
    summary = _cell("summary")
    assert (
        "only when it raises the price they expect at the table (module 03's deal-me-out): "
        "never when it is below what they believe of it." in summary
    )
    assert not re.search(r"halfway[^.]*their_guess|their_guess[^.]*halfway", _cell("q1-text"))
