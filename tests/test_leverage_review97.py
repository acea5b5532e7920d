"""Review 96 of module 00 (fix round 97): what the fresh reader found, and what the text and
checks do now. Each test fails on the text or code before the fix."""

from pathlib import Path

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import WEIGHT_FLOOR, rules_for

MODULE = "00_leverage"
ROOT = Path(__file__).resolve().parent.parent


def _supplier():
    return next(
        s for s in (course.variant(MODULE, f"rv-{n}") for n in range(40)) if s.case == "supplier"
    )


def test_x2_two_failed_floors_under_one_weight_give_one_bound_the_binding_one():
    """Review 96 X2: with information weighted 0.05, the supplier's hint listed both
    "information should weigh at least 0.2" (its story's floor) and "... at least 0.1" (every
    source's floor): two rules with different numbers for one weight. Only the higher floor,
    the one that binds, is told now; the audit is still refused, so no mark changes."""
    s = _supplier()
    floors = sorted(
        r.value for r in rules_for(s) if r.kind == "weight_floor" and r.source == "information"
    )
    assert floors == [WEIGHT_FLOOR, 0.2]
    audit = {
        "yours": {"information": 4, "alternatives": 6, "power": 3},
        "theirs": {"information": 6, "alternatives": 4, "power": 7},
        "weights": {"information": 0.05, "alternatives": 0.35, "power": 0.6},
    }
    with pytest.raises(NotYet) as refusal:
        check.judge_audit(s, audit)
    said = str(refusal.value)
    assert said.count("information should weigh at least") == 1, said
    assert f"information should weigh at least {max(floors):g}" in said
    # between the two floors only the story's fails, and it is told as before
    audit["weights"] = {"information": 0.15, "alternatives": 0.25, "power": 0.6}
    with pytest.raises(NotYet, match=r"information should weigh at least 0\.2") as refusal:
        check.judge_audit(s, audit)
    assert f"at least {WEIGHT_FLOOR:g}" not in str(refusal.value)
    # a floor under another source still shows beside it
    audit["weights"] = {"information": 0.05, "alternatives": 0.9, "power": 0.05}
    with pytest.raises(NotYet) as refusal:
        check.judge_audit(s, audit)
    said = str(refusal.value)
    assert said.count("information should weigh at least") == 1, said
    assert f"power should weigh at least {WEIGHT_FLOOR:g}" in said


def _cell(grade_id, module=MODULE, name="leverage"):
    from tests.sweeps import cell_text

    return " ".join(cell_text(module, name, grade_id).replace("# ", " ").split())


def test_u2_a_learned_weakness_is_two_facts_and_the_checks_count_either_once():
    """Review 96 U2: section 2 says "file each fact once", yet its side note filed a weakness
    of theirs in your information and let question 4a move their row: one fact, two rows.
    The side note now says a weakness you learn is two facts, the weakness (their row, which
    you could not rate before you knew it) and your knowing it (your information); question 1
    files what you know, question 4a asks for one rating and counts either. The checks do
    just that."""
    from course.scenarios.leverage import _FACTS, _NEWS, _PRACTICE_NEWS, fact_key, news_readings

    # review 97 U1 (round 98): the side note's wording is gone; question 1 files what you know
    # by the first question, and question 4a states its rule where it is applied (the test
    # test_review97_u1_the_weakness_rule_is_stated_in_question_4a_where_it_is_applied)
    teaching = _cell("sources-teaching")
    assert "Knowing it is your information; the weakness itself lowers their row." not in teaching
    # question 1: a fact that says you know a weakness of theirs is your information only
    weak = {
        f.text
        for f in _FACTS
        if (f._source, f._side, f._lookalike) == ("information", "you", "alternatives")
    }
    # question 4a: news revealing a weakness of theirs has exactly the two readings, one move each
    revealing = [n for n in _NEWS + _PRACTICE_NEWS if n._weakens]
    assert revealing and all(
        (n._side, n._source, n._sign) == ("you", "information", 1) for n in revealing
    )
    seen_fact = seen_news = 0
    for i in range(120):
        s = course.variant(MODULE, f"sweep-{i}")
        key = fact_key(s)
        for letter, text in s.facts.items():
            if text in weak:
                seen_fact += 1
                assert key[letter] == ("information", "you")
        readings = news_readings(s)
        for label, (text, size) in s.news.items():
            item = next((n for n in revealing if (n.case, n.text) == (s.case, text)), None)
            if item is None:
                continue
            seen_news += 1
            assert readings[label] == (
                ("you", "information", size),
                ("them", item._weakens, -size),
            )  # review 108 C2 (round 109) added your power up; review 112 C1 took it out
            right = {lab: r[0] for lab, r in readings.items()}
            for reading in readings[label]:
                said = check.judge_news_item(s, label, right | {label: reading})
                assert said == check.judge_news_item(s, label, right), (label, said)
    assert seen_fact and seen_news


def test_u3_paltering_is_labelled_a_misrepresentation_as_modules_01_and_02_read_it():
    """Review 96 U3: section 6 said paltering is not legitimate but not which of its other
    three kinds it is. It now labels it a misrepresentation, since the false impression is of
    a fact the other side relies on: module 02 judges a statement of fact by what it makes
    the other side believe and labels a false impression of fact a misrepresentation, and
    module 01's legitimate kind excludes a false impression, citing module 00 for paltering."""
    # review 98 U1 (round 99): paltering moved to section 6's edge cases
    legit = _cell("ethics-teaching").split("**Edge cases.**")[1].split("**Going back")[0]
    assert "*paltering*" in legit
    assert (
        "Label it a misrepresentation: its false impression concerns a fact the other side "
        "relies on." in legit
    )
    assert "Since it leaves a false impression, it is not legitimate." not in legit
    assert check.KIND_TEST["legitimate"].endswith("it leaves no false impression")
    honest = _cell("honest-teaching", "02_batna", "batna")
    assert "Judge a statement of fact by what it makes Northwind believe." in honest
    assert "a possible bonus presented as sure" in honest
    module_01 = (ROOT / "source" / "01_information" / "information.py").read_text()
    module_01 = " ".join(line.removeprefix("#").strip() for line in module_01.splitlines())
    assert (
        "no false impression is left (true words chosen to mislead are *paltering*, module 00)"
        in module_01
    )


def test_u4_the_talks_bar_is_explained_in_question_4b_which_uses_it_not_in_3c():
    """Review 96 U4: question 3c's text explained ``scenario.bar``, the bar of the ask made
    during the talks, though 3c uses only the prepared ask's bar (``prepared_ask[0]``) or the
    learner's own. The sentence is in question 4b now, and what it says holds for every
    drawn learner: the talks' ask is question 3c's or a smaller one on the case's ladder."""
    from course.scenarios.leverage import CASES

    q3c = _cell("q3c-text") + " " + _cell("q3c-task")
    assert "`scenario.bar`" not in q3c
    q4b = _cell("q4b-text")
    said = (
        "`scenario.bar` is the bar of the ask made during the talks: "
        "question 3c's ask or a smaller one, your fallback ask (if `scenario.prepared_ask` is "
        "`None`, an ask of its own)."  # review 106 U1  # review 100 U1 (round 101): true of a learner with no prepared ask too
    )
    assert said in q4b and q4b.index(said) < q4b.index("Return `(turning_point, ask_at)`")
    ways = set()
    for i in range(300):
        s = course.variant(MODULE, f"sweep-{i}")
        if s.prepared_ask is None:
            continue
        ladder = list(CASES[s.case].asks)
        assert ladder.index((s.bar, s.ask)) <= ladder.index(s.prepared_ask), s.learner
        ways.add((s.bar, s.ask) == s.prepared_ask)
    assert ways == {True, False}


def test_review97_u1_the_weakness_rule_is_stated_in_question_4a_where_it_is_applied():
    """Review 97 U1 (fixed in round 98): section 2's side note was headed "question 1 needs
    only the three questions", yet question 1 pointed into it for a weakness of theirs; its
    rule (two facts, either reading counts once, not the mirror) is applied only in
    question 4a; and question 1b's model answer rated the lost sales on Vell's side and the
    knowing of them on yours, one fact in two places. Question 1 now says the first question
    settles it, question 4a states the rule in two sentences, the side note drops it, and
    the model answer files the fact once. The checks and the widget do what 4a says."""
    from course.models.audit import reading_verdict
    from course.scenarios.leverage import _FACTS, _NEWS, _PRACTICE_NEWS, fact_key, news_readings

    teaching = _cell("sources-teaching")
    note = teaching.split("<details>")[1].split("</details>")[0]
    assert "needs only the three questions" in note
    assert "weakness" not in note
    q1 = _cell("q1-text")
    assert "By the first question, knowing a weakness of theirs is your information." in q1
    assert "side note" not in q1
    q4a = _cell("q4-text")
    assert "side note" not in q4a
    assert (
        # review 99 C1: with its reason
        # review 108 C2 (round 109): one rule, one reason; your power up accepted too
        # review 110 C2 (round 111): the news the rule covers, named so it can be told
        "News in which you learn of a weakness or deadline of theirs may show you rated the row it weakens too high: "
        # review 112 C1 (round 113): your power ruled out, with section 2's reason
        "lower that row or raise your information, one move only. Each earns the item. Not "
        "your power: the news is about them, and it changes what you know, not what you hold "
        "(section 2). The rows weigh differently, so each reading moves your balance by its "
        "own amount. News that "  # review 110 X1
        "they learn a weakness of yours moves only their information, since you knew your own "
        "weakness when you rated yourself."  # review 103 U6: the reason said plainly
    ) in q4a
    rubric = _cell("fact-reason")
    assert "which I rate on Vell's side" not in rubric
    assert "It looks like Vell's alternatives" in rubric
    # question 1b's fact: your information, and its look-alike is the alternatives it names
    (vell,) = [f for f in _FACTS if f.text.startswith("You know from Vell's filed accounts")]
    assert (vell._source, vell._side, vell._lookalike) == ("information", "you", "alternatives")

    weakens = [n for n in _NEWS + _PRACTICE_NEWS if n._weakens]
    mirror = [n for n in _NEWS + _PRACTICE_NEWS if (n._side, n._source) == ("them", "information")]
    assert weakens and mirror and not any(n._weakens for n in mirror)
    # the widget: their row down is "Right too" for a revealed weakness, never for the mirror
    for n in weakens:
        said = reading_verdict(
            ("them", n._weakens, False), (n._side, n._source, n._change), n._weakens
        )
        assert said.startswith("Right too"), said
    for n in mirror:
        for row in ("alternatives", "power"):
            said = reading_verdict(("you", row, False), (n._side, n._source, n._change), n._weakens)
            assert said.startswith("Not quite"), said
    # question 4a: either reading of a revealed weakness earns the item; the mirror does not
    seen = {"either": 0, "mirror": 0}
    for i in range(120):
        s = course.variant(MODULE, f"sweep-{i}")
        readings = news_readings(s)
        right = {label: r[0] for label, r in readings.items()}
        for label, (text, size) in s.news.items():
            item = next(n for n in _NEWS + _PRACTICE_NEWS if (n.case, n.text) == (s.case, text))
            verdict = check.judge_news_item(s, label, right)
            if item._weakens:
                seen["either"] += 1
                assert len(readings[label]) == 2  # review 112 C1: not your power up
                for reading in readings[label]:
                    assert check.judge_news_item(s, label, right | {label: reading}) == verdict
            elif item in mirror:
                seen["mirror"] += 1
                assert readings[label] == (("them", "information", size),)
                for row in ("alternatives", "power"):
                    with pytest.raises(NotYet):
                        check.judge_news_item(s, label, right | {label: ("you", row, -size)})
        # question 1: a fact that says you know a weakness of theirs is your information
        key = fact_key(s)
        for letter, text in s.facts.items():
            fact = next(f for f in _FACTS if f.text == text)
            if (fact._source, fact._side, fact._lookalike) == (
                "information",
                "you",
                "alternatives",
            ):
                assert key[letter] == ("information", "you")
    assert seen["either"] and seen["mirror"]


def test_review97_cuts_each_point_is_made_once_and_still_made():
    """Review 97, round 98's cut (the module was 8,311 words): points said twice in the same
    place lost their repeat, and the one place left still says each. Fails on the old text."""
    ethics = _cell("ethics-teaching")
    assert (
        ethics.count("is none of") == 1 and "**Going back on your word** is none of these" in ethics
    )
    assert ethics.count("warning you would not carry out") == 1
    assert "sits on the line between a bluff and a misrepresentation" in ethics
    # the BATNA is defined once, in section 1, just before section 2's table
    assert "is its **BATNA**" in _cell("what-teaching")
    assert "best such option" not in _cell("sources-teaching")
    # question 4c's part 2 says once that only what was seen at that moment counts
    q4c = _cell("q4c-text")
    assert "once all the news is in" not in q4c and "*at that moment*" in q4c
    # the reflection's model answer states the outside-option limit once
    reflection = _cell("reflection")
    assert reflection.count("only if") == 1
    assert "move the rent only if they beat what I would get anyway" in reflection
