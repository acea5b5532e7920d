"""Review 85 of module 05 (a negotiation professor's, on 157e7387): fixes, each with a test
that fails on the text or code it replaced."""

from tests.test_review84_capstone import _cell


def test_e1_grit_is_a_series_of_steps_and_the_table_borrows_one():
    """E1: 'The last row follows Osgood's GRIT' overstated the citation: GRIT proposes a
    series of announced one-sided steps, kept up for a while, and the table allows one.
    The row now borrows from GRIT and says so. Fails on the old text."""
    plan = _cell("plan-teaching")
    assert "The last row follows Osgood's GRIT" not in plan
    assert (
        (
            "The last row borrows from Osgood's GRIT (1962: graduated and reciprocated "
            "initiatives in tension reduction), a series of small one-sided steps, each announced "
            "and carried out, to invite an answer; this table allows one per stall."  # review 92 U2, review 93 U3
        )
        in plan
    )


def test_c2_the_any_move_row_says_it_is_the_bots_rule_and_what_a_person_gets():
    """C2: question 8 grades a whole planned step for any move of Marlow's, however small,
    and the table's row said only 'next step', the habit a learner keeps. The row now says
    it is this bot's rule and that with a person the step is about the size of its move;
    the line before the table no longer says the same (it keeps shrinking steps and the
    conditional trade). Fails on the old text."""
    plan = _cell("plan-teaching")
    row = (
        "| it moved: its offer is worth more to you than its offer before | next step (this "
        "bot's rule; with a person, about its move's size) |"
    )
    # review 90 (C1, U1, U3): removed on purpose
    assert row not in plan
    assert "what they gave" not in plan  # said once, in the row


def test_u5_section_4_defines_the_target_plainly_before_section_5_sets_it():
    """U5: section 4 defined the target through section 5's plan and its zones per state,
    which come later. It now says plainly what a target is, the result you aim for, and
    points to section 5, which sets it (in the state Marlow's answers point to). Fails on
    the old text."""
    opening = _cell("opening-teaching")
    assert "your plan's package nearest the middle of the zone" not in opening
    assert (
        "Your **target**, the profit you privately aim to end with in each state of Quell, "
        "follows the course's convention (module 02's table)"  # review 110 C2
    ) in opening
    plan = _cell("plan-teaching")
    assert "nearest the zone's half-way point" in plan  # review 108 X1
    assert "keep in mind the one for the state Marlow's answers point to" in plan


def test_c3_u4_question_7_says_this_bot_does_not_mind_a_growing_step_and_points_to_a_person():
    """U4: 'so a step that grows costs nothing here' read two ways (every step costs you
    profit). C3: question 7's graded plan grows its steps for most learners, against module
    04's shrinking concessions, with no word there of a person. The sentence now says this
    bot does not mind a step bigger than the one before and points, once and short, to
    section 5's line for a person (which keeps 'prefer shrinking steps'). Fails on the old
    text."""
    q7 = _cell("q7-text")
    assert "costs nothing here" not in q7
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "Marlow counts only its total points, so this bot does not mind a step bigger than the "
        "one before."  # review 86 C1: and says what to do with a person instead
    ) not in q7
    # review 98 C1 (round 100): the reference is module 04's shape, said in section 5
    assert "no step costs more than the one before" in q7  # review 110 C1 (round 111)
    assert "steps that shrink towards a target" in _cell("plan-teaching")


def test_u3_question_6_says_plainly_what_a_verdict_earns(monkeypatch):
    """U3: 'a sixth of the marks each but only beside a right verdict of the other kind'
    was hard to parse. It now says it plainly, as the hidden check marks it: an answer
    that says the same of every statement earns nothing, and one right verdict of the other
    kind is enough for each right verdict to earn its sixth. Fails on the old text."""
    from course.checks import capstone as check
    from course.checks.hints import NotYet
    from course.scenarios.capstone import statement_key

    q6 = _cell("q6-text")
    assert "only beside a right verdict" not in q6
    assert (
        "Each right verdict earns a seventh of the marks, but only if you also get at least one "
        'verdict of the other kind right, so that an all-"say" answer earns nothing (every '
        "case has at least two of each)."  # review 102 U5: why the rule is there
    ) in q6
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    case = check._cases(False)[0]
    key = statement_key(case)
    one_kind = next(iter(key.values()))
    same = dict.fromkeys(key, one_kind)
    for letter in key:
        if key[letter] == one_kind:
            try:
                check.judge_statement(case, letter, same)
            except NotYet as error:
                assert "earns nothing" in str(error)
            else:
                raise AssertionError(letter)
    other = next(letter for letter, verdict in key.items() if verdict != one_kind)
    for letter in key:
        if key[letter] == one_kind:
            check.judge_statement(case, letter, {**same, other: key[other]})


def test_x1_the_openings_tie_break_is_left_to_the_checks_hint():
    """X1: section 4 spelled out the opening's tie-break ('between two with the same profit,
    the one that gives Marlow more'), so question 5's answer transcribed the text. The
    sentence was cut because the check's hint names the tie-break a learner needs (review
    92 U1 states it again, in section 5's words, since question 5 marks it): on
    learners whose best profit is tied (most of them), opening with the tied package that
    gives Marlow fewer points fails with a hint to prefer the one that gives it more. Fails
    on the old text."""
    import course
    from course.checks import capstone as check
    from course.checks.hints import NotYet
    from course.scenarios.capstone import package_rows, reservation_of

    opening = _cell("opening-teaching")
    assert "between two with the same profit" not in opening
    assert "take the one with the most profit; between two that leave you the same" in opening
    assert "Every case here has such a package." in opening  # review 92 U1
    tried = 0
    for n in range(40):
        case = course.variant("05_capstone", f"learner-{n}")
        floor, low = reservation_of(case), case.reservation_if_not
        rows = [r for r in package_rows(case) if r[2] >= low and r[1] >= floor]
        top = max(r[1] for r in rows)
        tied = sorted((r for r in rows if r[1] == top), key=lambda r: r[2])
        if tied[0][2] == tied[-1][2]:
            continue
        tried += 1
        try:
            check.judge_opening(case, [dict(tied[0][0])])
        except NotYet as error:
            assert "another package leaves you as much" in str(error)
            assert "gives Marlow more" in str(error) and "prefer it" in str(error)
        else:
            raise AssertionError(case.learner)
        check.judge_opening(case, [dict(tied[-1][0])])
        if tried == 5:
            break
    assert tried == 5
