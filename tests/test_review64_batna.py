"""Module 02, review 64: the points of the fresh reader's review that code can check."""

import re

import course
from course.scenarios.batna import SITUATIONS


def test_the_no_delay_cost_situation_says_waiting_costs_nothing_and_what_ends_it():
    """Review 64 X3: a careful learner could read delay as a cost in the pure-breakdown item
    and pick the outside option, so the item says that waiting costs neither side anything
    and what alone can end the talks. Review 67 E1 replaced the patent licence (whose worth
    was its use before the ruling, so waiting did cost) by a bridge whose work and fee come
    on fixed dates; see test_review67_batna.py."""
    text, model, _ = next(s for s in SITUATIONS if "bridge" in s[0])
    assert "neither loses anything by waiting" in text.lower()
    assert "only the city's decision can end the talks" in text
    assert model == "Nash split"


def test_the_story_and_the_table_show_the_learners_variant_of_the_talks():
    """Review 64 X4: question 10's `offers.talks` was missing from the scenario's table and
    story, so a learner learnt their variant only by printing it. Both now show it: the one
    fact that holds, who proposes, what the work is worth to Northwind and, when the start
    slips, delta."""
    seen = set()
    for learner in ("ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"):
        offers = course.variant("02_batna", learner)
        talks = offers.talks
        story = offers.story()
        seen.add(talks.pressure)
        part = story[story.index("Your variant of the talks (questions 8b and 10)") :]
        assert f"{talks.work_value:,.0f}" in part.split("\n\n")[0]
        assert ("You make" if talks.proposer == "you" else "Northwind makes") in part
        if talks.start_slips:
            assert f"`delta` = {talks.delta:g}" in part
        row = next(line for line in story.splitlines() if line.startswith("| `offers.talks`"))
        assert talks.pressure in row and f"{talks.work_value:,.0f}" in row
    assert len(seen) >= 2


def test_a_variant_without_an_answer_date_says_what_it_replaces():
    """Review 70 C2: for the cancelled and start-slips variants the story said all three
    employers want an answer by the same date, then 'no one needs your answer by a date',
    without saying which fact the variant replaces or for which questions."""
    # review 73 U2: the own-talks practice now follows question 10, and the story says so
    # review 99 U1: question 8b reads the variant too
    head = "For questions 8b and 10 (and the practice after 10) only, it replaces the answer date"
    kinds = set()
    for n in range(40):
        offers = course.variant("02_batna", f"c2-{n}")
        story, talks = offers.story(), offers.talks
        kinds.add(talks.answer_date)
        assert (head in story) == (not talks.answer_date), offers.talks
    assert kinds == {True, False}


def test_question_6_hints_on_an_example_say_their_not_your(learner):
    """Review 64 C1: question 6's hints on an example learner's case said "your reservation
    price for this package, 92,250", the example's figure, not the learner's. They now say
    "their", as question 4's hints do (review 98 U1: "that learner's", since "their" beside
    Northwind's figures read as its); on the learner's own case they still say "your"."""
    from course.checks import batna as check
    from course.scenarios.batna import right_response

    own = course.variant("02_batna", learner)
    example = course.variant("02_batna", "example-1")
    assert example != own
    reasons = set()
    for case, word in ((example, "that learner's"), (own, "your")):
        for _, offer in check.offers_tried(case):
            reason = right_response(case, offer)[1]
            hint, _ = check._why(case, offer, reason)
            reasons.add(reason)
            mine = re.findall(r"\b(your|their|that learner's)", hint)
            assert mine and set(mine) == {word}, (reason, hint)
    assert {
        "below your reservation price",
        "below your BATNA",
        "even split reached",
    } <= reasons  # r82 U2


def _cell(grade_id):
    from tests.sweeps import cell_text

    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def test_question_10_states_that_the_batna_binds_where_the_start_slips():
    """Review 63 X2 (still open in review 64): question 10 asked "Does your BATNA bind?",
    but every drawn variant where the start slips has W below 2V + c/2, so the BATNA always
    binds and a function that ignores the test earns the mark. The text now says so, and
    the draw still keeps it true."""
    from course.checks import batna as check
    from course.scenarios.batna import batna_value

    text = _cell("q10-text")
    assert "Does your BATNA bind?" not in text
    # review 112 X3: section 7 says the BATNA nearly always binds in salary talks, and
    # question 10 asks the learner to check it; the draw still keeps it true (below)
    assert "so your BATNA binds" not in text
    assert "Where the start slips, check first whether your BATNA binds (section 7)." in text
    # review 114 E1: the unsourced "nearly always" is gone; section 7 asks the learner to check
    assert "Check whether yours does" in _cell("nash-teaching")
    slips = 0
    for learner in ("ada", "bob", "cy", "dee", "eve", "fay", "gus", "hal"):
        offers = course.variant("02_batna", learner)
        for talks in check.talks_cases(offers):
            if talks.start_slips:
                slips += 1
                assert talks.work_value < 2 * batna_value(offers) + offers.commute_cost / 2
    assert slips >= 8


def test_section_5_section_3_and_section_7_are_shorter_and_the_slope_sentence_is_exact():
    """Review 64 U1, U2, U3, U5: the paragraph after section 5's three-figures table mixed
    four rules and now says two things (the even split while Northwind moves; the
    reservation price for the package at its last word); section 3's fallback paragraph and
    section 7's side calculations sit in side notes; the slope of the rise is 2 times the
    Nash half unit when Northwind proposes and 1.6 to 1.9 times it when you do, for delta
    from 0.8 to 0.95 (the text said "between 1.6 and 2")."""
    decide = _cell("decide-teaching")
    assert "For an offer made while Northwind is still moving" in " ".join(decide.split())
    assert "module 04's rule for the last round takes over" not in decide
    q9 = _cell("q9-text")  # review 69 U2: the side note moved into question 9's box
    details = q9[q9.index("<details>") : q9.index("</details>")]
    assert "your **BATNA without Lumen**" in details  # review 78 U4
    nash = _cell("nash-teaching")
    side = nash[nash.index("<details>") : nash.index("</details>")]
    # review 66 U1: the side note holds Northwind's numbers; the 2V + c and 0.98 asides are cut
    assert "98,800" in side and "106,000" in side
    assert "$2V + c$" not in nash and "about 0.98" not in nash
    assert "between 1.6 and 2 times" not in nash
    slopes = sorted({round(delta * 1_000 / 500, 1) for delta in (0.8, 0.9, 0.95)})
    assert (slopes[0], slopes[-1]) == (1.6, 1.9)
    # review 69 U1: one exact clause, true for every delta question 10 uses (0.8 to 0.95)
    assert ("more than the Nash split's half unit for question 10's values of $\\delta$") in nash


def test_the_even_split_is_the_nash_split_under_either_breakdown_that_gives_it():
    """Review 65: section 7 says the Nash split is the even split of the zone when breakdown
    leaves Northwind with the agency's contractor, or when W = A; section 6's first mention
    named W = A alone, as if it were the only case."""
    nash = _cell("nash-teaching")
    # review 67 U1: the first mention, a repeat of the cancellation case's, is cut; the one
    # statement left names both cases together
    assert "(below, $W = A$)" not in nash
    assert nash.count("$W = A$") == 1
    assert ("only when $W = A$ or if breakdown left Northwind with the agency's contractor") in nash
