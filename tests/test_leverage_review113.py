"""Review 112 of module 00 (fixed in round 113): C1, C2 with C3, X1, U2 with U3 and U4, U5,
U6 and U1 (part). Each test fails on the text or code before its fix."""

import json
from pathlib import Path

import course
from course.checks import leverage as check
from course.models.audit import reading_verdict
from course.scenarios.leverage import (
    _PRACTICE_TACTICS,
    _TACTICS,
    CASES,
    best_plan,
    best_reach_plan,
    news_key,
    news_readings,
    rules_for,
)
from tests.test_leverage_review107 import _cell, _hint

MODULE = "00_leverage"
SOURCES = ("information", "alternatives", "power")


def test_c1_news_of_their_weakness_never_raises_your_power():
    """C1: question 4a accepted a third reading, "your power up", of news in which you learn
    of a weakness or deadline of theirs, which section 2 did not name and which its ferry
    example and section 5's re-audit forbid (a fact goes on the row of the side it
    describes). One rule now, from what section 2 teaches: your information up, or the row
    of theirs it weakens down; never your power. Text, check, widget and hint say so.

    The sweep (id-0..999): 808 such items for 800 learners. No learner's reference answer
    changes (news_key passes for all 1,000); "your power up" is now refused on all 808
    items, with a hint that says why; "their alternatives down" still earns all 808."""
    q4a = _cell("q4-text")
    assert "your power up" not in q4a and "raising it also counts" not in q4a
    assert (
        "lower that row or raise your information, one move only. Each earns the item. Not "
        "your power: the news is about them, and it changes what you know, not what you hold "
        "(section 2)." in q4a
    )
    sources = _cell("sources-teaching")
    assert "may go on either" not in sources
    assert (
        "when you learn of a weakness or deadline of theirs, you may lower the rating of "
        "theirs it weakens instead of raising your information, but never raise your power "
        "(question 4a)." in sources
    )
    # the widget's verdict: their row down is right too; your power up is told why not
    assert "Right too" in reading_verdict(
        ("them", "alternatives", False), ("you", "information", 2), "alternatives"
    )
    said = reading_verdict(("you", "power", True), ("you", "information", 2), "alternatives")
    assert said.startswith("Not quite: the weakness it reveals is theirs")
    assert "changes what you know, not what you hold" in said

    items = learners = 0
    for n in range(1000):
        s = course.variant(MODULE, f"id-{n}")
        key = news_key(s)
        check.judge_news(s, dict(key))  # the reference answer passes, as before
        readings = news_readings(s)
        weak = [label for label in readings if len(readings[label]) > 1]
        learners += bool(weak)
        for label in weak:
            items += 1
            size = abs(key[label][2])
            assert readings[label] == (
                ("you", "information", size),
                ("them", "alternatives", -size),
            )
            assert _hint(s, label, ("them", "alternatives", -size)) is None
            for change in (size, -size):
                hint = _hint(s, label, ("you", "power", change))
                assert hint is not None, s.learner
                assert "does not move your power" in hint
                assert "changes what you know, not what you hold" in hint
                assert "the haulier's detour goes into its own alternatives" in hint
    assert (items, learners) == (808, 800)


def test_c2_c3_a_false_threat_is_a_misrepresentation_first_and_bluff_is_explained():
    """C2 with C3: the course defines a bluff as a false reservation price or valuation,
    while the literature it cites (Lewicki, Saunders & Barry; Robinson, Lewicki & Donahue)
    uses "bluffing" for insincere threats and promises; and the key filed a false threat
    ("I will sign with Calder tomorrow", when you have decided not to) as a bluff first,
    though it is no claim about a limit. The bluff bullet now says how the literature uses
    the word; a false intention is a misrepresentation first by the course's definition, with
    one line on why the Model Rule comment does not shelter it; the keys, the solutions and
    the on-the-line hint follow. Both kinds stay accepted for every such tactic, and the
    draw's three-kinds rule counts them as before, so no learner's tactics change."""
    ethics = _cell("ethics-teaching")
    assert (
        "Lewicki, Saunders and Barry call such threats and promises *bluffing*; this course "
        "keeps it for a misstated reservation price or valuation." in ethics
    )
    assert "sits on the line between a bluff and a misrepresentation; by this course's" in ethics
    assert "definition it is a misrepresentation first." in ethics
    # review 114 E1: the comment also names an undisclosed principal, so not "only"; it
    # still does not shelter a false plan
    assert "shelters only" not in ethics
    assert "the Model Rule comment does not list such plans among the statements it" in ethics
    hint = check.ON_THE_LINE[frozenset({"bluff", "misrepresentation"})]
    assert "by this course's definition a misrepresentation" in hint
    assert "the literature calls insincere threats and promises bluffing" in hint
    keys = json.loads(
        (Path(__file__).resolve().parents[1] / "grader-keys" / "00_leverage.json").read_text()
    )["tactics"]
    threats = [t for t in (*_TACTICS, *_PRACTICE_TACTICS) if "unless" in t.text]
    assert len(threats) == 6
    for t in threats:
        assert t._kinds == ("misrepresentation", "bluff"), t.text
        assert t._counted == "bluff", t.text
        if t in _TACTICS:
            assert keys[t.text] == ["misrepresentation", "bluff", False]
    kinds = _cell("tactic-kinds-answer") + _cell("practice-tactics-answer")
    assert "a bluff (misrepresentation too)" not in kinds
    assert (
        kinds.count("a threat or warning you would not carry out: a misrepresentation (bluff too)")
        == 6
    )


def _audit(values):
    yours, theirs, weights = (dict(zip(SOURCES, v, strict=True)) for v in values)
    return {"yours": yours, "theirs": theirs, "weights": weights}


def test_x1_a_comparison_the_story_only_implies_is_a_note_not_a_refusal():
    """X1: question 2 refused a defensible deadline audit (the owner's quiet prospect rated
    below Brannock's costly second move) because the story only implies which side's
    alternatives are higher; the salary case did the same with Calder's unstated terms. Each
    comparison the story only implies (salary and deadline: your alternatives against
    theirs) now passes with a note, as a numeric bound does; comparisons the
    story states outright (Vell's patent, Ostra's valve and buyers, Larkfield's recruiters)
    still refuse. The sweep (id-0..999): review 112's deadline audit was refused for all 45
    deadline learners without the standing-offer fact and now passes with the note; a salary
    audit with level alternatives, refused for the 53 salary learners without the contractor
    fact, now passes with it. Only refusals are lifted, so every audit that passed passes."""
    assert (
        "or a comparison of the two sides that your story implies without stating, passes "
        "with a note" in _cell("q2-text")
    )
    implied = {
        (key, rule.source) for key, case in CASES.items() for rule in case._rules if rule.implied
    }
    # the deadline power rule stays a refusal (review 91 X1: only REFINANCE lifts it)
    assert implied == {("salary", "alternatives"), ("deadline", "alternatives")}
    readings = {
        "deadline": _audit(((6, 2, 8), (4, 3, 3), (0.2, 0.4, 0.4))),
        "salary": _audit(((3, 5, 4), (8, 5, 6), (0.25, 0.5, 0.25))),
    }
    counts = {}
    for n in range(1000):
        s = course.variant(MODULE, f"id-{n}")
        if s.case not in readings:
            continue
        audit = readings[s.case]
        if all(r.holds(*audit.values()) for r in rules_for(s) if r.implied):
            continue  # a drawn fact lifts the rule: it passed before too
        judged = check.judge_audit(s, audit)
        note = check._past_a_bound(s, *judged)
        assert "the story implies this without stating it" in note, s.learner
        counts[s.case] = counts.get(s.case, 0) + 1
    assert counts == {"deadline": 45, "salary": 53}


def test_u2_u3_u4_first_reach_is_labelled_and_section_2_is_lighter():
    """U2: "ask at first reach" is now marked as the course's convention. U3: section 2's
    remark that the two rows rate one dependence (and how their weights count together)
    came before the audit table; section 3 already says it, and section 5 now points
    there. U4: the rule for rating information (the difference knowing makes), which
    question 2 relies on, moved from the collapsed side note into section 2's text."""
    shift = _cell("shift-teaching")
    assert "(its *first reach*: a convention of this course, not a finding)" in shift
    assert "(the two rows rate one dependence, section 3)" in _cell("reaudit-example") + shift
    sources = _cell("sources-teaching")
    assert "The two rows rate one dependence" not in sources
    assert "section 3 says how much their weights count together" not in sources
    assert "When two rows rate one dependence from its two sides" in _cell("audit-teaching")
    main, note = sources.split("<details>")
    assert "Information is rated by the difference knowing makes" in main
    assert "knowing makes" not in note


def test_u5_question_3c_states_how_often_the_two_plans_differ():
    """U5: question 3c said the plan for a bar and the best average plan differ "for many
    learners". Measured over id-0..999: they differ for 180 of the 527 learners who have a
    prepared ask (34%; 69 of 215 in id-0..399), so the text now says about a third."""
    q3c = _cell("q3c-task")
    assert "for many learners they differ" not in q3c
    assert "they differ for about a third of learners with one" in q3c
    have = differ = 0
    for n in range(1000):
        s = course.variant(MODULE, f"id-{n}")
        if s.prepared_ask is None:
            continue
        have += 1
        differ += sorted(best_reach_plan(s, s.prepared_ask[0])) != sorted(best_plan(s))
    assert (differ, have) == (180, 527)
    assert 0.28 < differ / have < 0.38


def test_u6_the_outside_option_has_its_own_bullet():
    """U6: section 3's bullet on alternatives packed the Nash split, the deal-me-out result
    and a tenancy example into one paragraph, with "anyway" three times. It is now two
    bullets: breakdown by accident, and an option reached only by walking out."""
    limits = _cell("audit-limits")
    assert "- **It counts every alternative alike.**" in limits
    assert (
        "- **It overrates an option reached only by walking out** (an *outside option*)" in limits
    )
    alike = limits.split("**It counts every alternative alike.**")[1].split("- **It overrates")[0]
    assert "deal-me-out" not in alike and "flat" not in alike
    assert limits.count("anyway") == 2


def test_u1_section_5_says_what_it_recommends_on_waiting_in_three_sentences():
    """U1 (part): section 5's paragraph on waiting argued a reason to wait, then that only a
    short wait was supported, then that waiting paid once, so the recommendation was hard to
    find. It now has its own paragraph, "Waiting", of three sentences: the rule, the one
    reason that justifies waiting, and why a shared deadline limits it; the widget's run
    follows as an illustration."""
    shift = cell_markdown("shift-teaching")
    waiting = " ".join(shift.split("**Waiting.**")[1].split("\n\n")[0].split())
    sentences = [x for x in waiting.split(". ") if x]
    assert len(sentences) == 3, sentences
    assert sentences[0].startswith("Ask at first reach: waiting is a bet on news you cannot see")
    assert "such as a cost of delay that falls on Brannock far more than on the owner" in waiting
    assert "A deadline that ends your deal too supports only a short wait" in waiting
    assert "Asking at first reach is the default" not in shift
    # the run follows as an illustration, with the reason the owner could see (review 101
    # C1), in its own paragraph after the three sentences
    # review 114 C3: "This owner could, briefly:" (a short wait, as the model answer says)
    assert "This owner could" not in waiting
    assert shift.index("This owner could, briefly:") > shift.index("**Waiting.**")


def cell_markdown(grade_id):
    """The markdown of a cell with its line breaks, so paragraphs can be told apart."""
    from tests.sweeps import cell_text

    return "\n".join(
        line.lstrip("#").strip() for line in cell_text(MODULE, "leverage", grade_id).splitlines()
    )
