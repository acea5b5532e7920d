"""Module 04 after reviews 79 and 80 (tests/test_concessions_review80.py): each test failed on
the code or text the review read (8d02f55 for review 79, f8c218b for review 80) and passes
now."""

import itertools
import re
from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.models.batna import TARGET_SHARE
from course.scenarios.concessions import reservation_of
from course.variants import learner_as

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"
LEARNERS = [f"st-{n}" for n in range(4)]


def _true_keys(s):
    return [k for k, st in s.statements.items() if s.facts.get(st.about) == st.figure]


def _best_fact(s, skip=("birch",)):
    market = [k for k in _true_keys(s) if s.statements[k].about not in skip]
    return max(market, key=lambda k: s.statements[k].figure)


def _model_opening(s, anchor, quote=None):
    key = _best_fact(s)
    price = s.statements[key].figure
    return (price if quote is None else min(price, quote)), [key]


def _verdict(check_function, answer, hidden):
    try:
        check_function(answer, hidden=hidden)
    except NotYet as failure:
        return str(failure)
    return None


def _green_means_graded(check_function, answer):
    """For each learner: the visible check fails the answer whenever the hidden test does."""
    for learner in LEARNERS:
        with learner_as(learner):
            hidden = _verdict(check_function, answer, True)
            visible = _verdict(check_function, answer, False)
        assert hidden is not None, (learner, "the probe should be a wrong answer")
        assert visible is not None, (learner, "passed visibly, failed hidden:", hidden)


# --- X1: a green self-check means the hidden test passes --------------------------------


def test_x1_three_under_any_quote_gets_the_same_verdict_visibly_and_hidden():
    """Review 79 X1: '3 under any quote below the fact' passed the visible check for every
    learner (its quote, 6 under the estimate, rarely let the target bind) and failed the
    hidden test (10 under). The visible check now tries a quote 8 over the reservation
    price, and every quote the hidden test tries. Review 89 C1: the floor under a quote is
    now the foot of module 02's band, the even split (section 2 accepts any target in the
    band), 4 over the reservation price for that quote: 3 under it, 5 over, passes, and it
    passes the hidden test too, for every learner (it failed both before)."""

    def three_under(s, anchor, quote=None):
        key = _best_fact(s)
        price = s.statements[key].figure
        return (price if quote is None or quote >= price else quote - 3), [key]

    s = course.variant(MODULE, "st-0")
    low = reservation_of(s) + check.FLOOR_QUOTE
    split = (reservation_of(s) + low) / 2
    target = reservation_of(s) + TARGET_SHARE * (low - reservation_of(s))
    assert split < low - check.QUOTE_BAND < target  # passes the band's foot, not its top
    assert (None, low) in check._rivals(s, hidden=False)
    for learner in LEARNERS:
        with learner_as(learner):
            assert _verdict(check.opening, three_under, False) is None, learner
            assert _verdict(check.opening, three_under, True) is None, learner


def test_x1_the_visible_check_tries_every_case_kind_the_hidden_test_does():
    """Review 79 X1, swept over the module: on the learner's own scenario the visible and
    hidden checks now try the same cases (only the hidden test's other learners, and its
    random packages drawn with the grading key, differ)."""
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        assert check._anchors(s, False) == check._anchors(s, True)
        assert check._rivals(s, False) == check._rivals(s, True)
        assert check._openings(s, False) == check._openings(s, True)
        assert check._histories(s, False) == check._histories(s, True)
        assert check._offers(s, False) == check._offers(s, True)
        assert check._written_offers(s, False) == check._written_offers(s, True)
        assert check._pick_sets(s, False) == check._pick_sets(s, True)
        assert check._tables(s, False) == check._tables(s, True)
        with learner_as(learner):
            visible, hidden = check._starts(s, False), check._starts(s, True)
        assert visible[:-3] == hidden[:-3]  # the last three are drawn at random


def test_x1_opening_mistakes_on_other_stories_fail_visibly():
    """An answer that tells any Birch figure above Orchard's belief (true or not), one that
    never cites a retailer, and one pulled only by a milder anchor passed the visible check
    for most learners and failed grading on the hidden test's other stories or anchor."""

    def tells_any_birch(s, anchor, quote=None):
        price, said = _model_opening(s, anchor, quote)
        birch = [
            k
            for k, st in s.statements.items()
            if st.about == "birch" and s.their_guess < st.figure <= price
        ]
        return price, said + birch[:1]

    def no_retailer(s, anchor, quote=None):
        key = _best_fact(s, skip=("birch", "retailer"))
        price = s.statements[key].figure
        return (price if quote is None else min(price, quote)), [key]

    def pulled_by_a_mild_anchor(s, anchor, quote=None):
        price, said = _model_opening(s, None, quote)
        if anchor is not None and anchor > 0.75 * reservation_of(s):
            price -= 0.2 * (price - anchor)
        return price, said

    for answer in (tells_any_birch, no_retailer, pulled_by_a_mild_anchor):
        _green_means_graded(check.opening, answer)


def test_x1_tit_for_tat_mistakes_fail_visibly():
    """A step capped by your first step instead of your last, and an undo that goes beyond
    Orchard's best read as all new ground, passed the visible check and failed grading."""

    def capped_by_first_step(s, mine, theirs, target):
        step = theirs[-1] - max(theirs[:-1])
        if step <= 0:
            return max(mine[-1], target)
        own = [a - b for a, b in itertools.pairwise(mine) if a > b]
        most = min(step, own[0] if own else 0.6 * (mine[-1] - target))
        return max(mine[-1] - most, target)

    def undo_read_as_new_ground(s, mine, theirs, target):
        if theirs[-1] <= max(theirs[:-1]):
            return max(mine[-1], target)
        own = [a - b for a, b in itertools.pairwise(mine) if a > b]
        most = min(theirs[-1] - theirs[-2], own[-1] if own else 0.6 * (mine[-1] - target))
        return max(mine[-1] - most, target)

    for answer in (capped_by_first_step, undo_read_as_new_ground):
        _green_means_graded(check.tit_for_tat, answer)


def test_x1_respond_and_relationship_mistakes_fail_visibly():
    """A written cap answered with a counter in the last round, and a reservation price moved
    by a unit in the table's direction found by dividing by the difference, passed the
    visible check and failed grading (the last-round cap and the no-difference table were
    hidden only)."""

    def counters_a_last_round_cap(s, offer, next_ask, ceiling=None, in_writing=False):
        reservation = s.alternative_price + s.extra_cost
        if next_ask is None:
            if ceiling is not None:
                return "counter"
            return "accept" if offer >= reservation else "walk away"
        if offer >= next_ask:
            return "accept"
        if ceiling is not None and in_writing:
            if ceiling < reservation:
                return "walk away"
            if offer >= ceiling:
                return "accept"
        return "counter"

    def divides_by_the_difference(s, next_year):
        difference = next_year["deal"] - next_year["polite walk-away"]
        reservation = s.alternative_price + s.extra_cost
        return reservation - difference / abs(difference) * min(abs(difference), 1.0)

    _green_means_graded(check.respond, counters_a_last_round_cap)
    for learner in LEARNERS:
        with learner_as(learner):
            assert _verdict(check.relationship_reservation, divides_by_the_difference, False)


# --- U1: question 1's table states the target it uses ----------------------------------


def test_u1_question_1_states_the_target_formula_under_its_table():
    """Review 79 U1: the row for a quote below your estimate said 'never below your target
    ... (section 2's rule)', a rule the learner meets only after question 1 (the rule X1
    caught); it then stated R + 0.75 * (quote - R) in the row. Review 80 U5: a formula and
    two conditions made one cell hard to read; the row now says 'never below your target'
    and the sentence under the table gives the formula, with R the reservation price. The
    check's floor is that formula."""
    # review 89 C1: the sentence gave the band, halfway to three quarters; the check's
    # floor is its foot. Review 90 U2: the table and the sentence are cut to one sentence
    # (tests/test_concessions_review90.py); the band is in the check's hint, tried here
    assert TARGET_SHARE == 0.75
    s = course.variant(MODULE, "st-1")
    r = reservation_of(s)
    quote = r + 4
    key = [_best_fact(s)]
    check._check_opening(s, None, (r + 0.5 * (quote - r), key), quote)
    with pytest.raises(NotYet, match=r"below your target.*halfway from your reservation"):
        check._check_opening(s, None, (r + 0.5 * (quote - r) - 0.5, key), quote)


# --- U2: shorter -------------------------------------------------------------------------


def test_u2_the_module_is_shorter_than_the_review_read():
    """Review 79 U2: about 7,100 words of main text and 1,900 in folds (this counter: 7,116
    and 1,943 at 8d02f55; 7,116 and 1,755 now). The Sandholm-Vulkan and Rubinstein half of the Boulware aside,
    the aside on which accepted set to prefer and the second reading of a pick are cut;
    the words the fixes added are paid for."""
    from tests.test_checks_concessions import _reading_and_asides

    main, aside = _reading_and_asides()
    # review 80 U1: questions 2 and 3 cut their restatements (7,116 -> 6,939); review 81's
    # fixes are paid for by its U6 cut and shorter wording (6,939 -> 6,937); review 82 C1/C4
    # (6,937 -> 6,929)
    # review 82 U6: three asides cut (folded 1,755 -> 1,605); the aside on when to let the
    # other side open came back as one main-text sentence, since module 00 relies on it
    # (6,929 -> 6,935)
    # review 83: its fixes paid for, and section 2's bluff sentence shorter (6,935 -> 6,931;
    # folded 1,605 -> 1,604)
    # review 85: its fixes paid for by cuts in sections 2 and 5 (6,931 -> 6,922; folded
    # 1,604 -> 1,591)
    # review 86: U1's cut of the planner's verdict paragraph pays for its fixes (6,922 -> 6,885)
    # X1's new ask in 6b paid for by U1's cuts in questions 2, 3's rule 2 and 5 (6,884)
    # review 87: C1 and C3 paid for by cuts in section 5 (6,884 -> 6,879)
    # review 88: its fixes paid for by cuts in sections 1 to 5 (6,879; folded 1,591 -> 1,585)
    assert main <= 6879 and aside <= 1591 and main + aside < 9059 - 150, (main, aside)


# --- U5: source lines are not broken after one word --------------------------------------


def _one_word_breaks(text):
    """Markdown source lines of one word that a paragraph continues after."""
    lines = text[text.index("# %%") :].splitlines()  # the cells, not jupytext's header
    found = []
    for line, after in itertools.pairwise(lines):
        if line.startswith("# %%") or not (line.startswith("# ") and after.startswith("# ")):
            continue
        words, following = line[2:].split(), after[2:].strip()
        if len(words) == 1 and following and not re.match(r"[-|<#\d]", following):
            found.append(line)
    return found


def test_u5_no_paragraph_is_broken_after_one_word():
    """Review 79 U5: question 4b's written part, its rubric, question 5's first rule and
    three teaching paragraphs broke source lines after one word ('what', 'why', 'that',
    'gift,'); the paragraphs are rewrapped, word for word."""
    assert _one_word_breaks(SOURCE.read_text()) == []
    assert _one_word_breaks("# %%\n# what\n# it costs you\n") == ["# what"]


# --- U4: question 2's hold is a rule of its own -------------------------------------------


def test_u4_question_2_states_the_hold_apart_from_the_shape():
    """Review 79 U4: rule 3 of question 2 mixed the shape rule with the hold rule, which
    the check grades apart (a two-round hold fails); the hold is now rule 3 and the shape
    rule 4, and the check's hint names the first step's cap as rule 5."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    q2 = text[text.index("Question 2 (2 marks)") : text.index("Question 3 (1 mark)")]
    rules = re.findall(r" (\d)\. (\w+)", q2[: q2.index("The check tries openings")])
    assert [(n, w) for n, w in rules] == [
        ("1", "start"),
        ("2", "never"),
        ("3", "hold"),
        ("4", "concede"),
        ("5", "give"),
        ("6", "end"),
    ]
    rule_3 = q2[q2.index("3. hold") : q2.index("4. concede")]
    assert "Conceder" not in rule_3 and "smaller than the first" not in rule_3
    assert "question 2's rule 5" in Path(check.__file__).read_text()
    assert "question 2's rule 4" not in Path(check.__file__).read_text()


# --- Review 80 ---------------------------------------------------------------------------


def _summary():
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    return text[text.index("What to take away") :]


def test_r80_c1_the_summary_names_the_departure_and_the_batna_condition():
    """Review 80 C1: the summary said that on the frontier 'the only thing that can come
    back is the deal', stating as settled a departure from the rule of equal value back
    that the course frames as a rule elsewhere, and without rule 2.3's condition. It now
    says no single give there pays for itself, that the common rule would leave the deal
    unsigned, and to give only as part of a deal that still beats your BATNA."""
    summary = _summary()
    assert "the only thing that can come back is the deal" not in summary
    bullet = summary[summary.index("Choose where to land first") :]
    bullet = bullet[: bullet.index(" - Accept")]
    # review 83 C2: the common rule's reading was a straw man; what comes back is the deal
    for part in (
        "once none does, what comes back for a give is the deal itself",  # review 86 C1
        # round 105: in rule 2's words (the price against your reservation price)
        "make every give conditional on it, and only while its price beats your reservation price",
    ):
        assert part in bullet, part


def test_r80_x2_the_intro_says_what_question_1_leaves_to_you():
    """Review 80 X2: the intro called question 1 a decision, yet when Birch's offer is below
    what Orchard believes it (about half the learners) the statements are fixed and only the
    price is free. The intro now says so. Birch beats Orchard's belief for about half
    (measured here); review 81 C1: the choice is real for about a third, as the intro now
    says (measured in tests/test_concessions_review82.py)."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    assert (  # review 83 U4: no parenthesis nested in the list
        "For about a third of you, question 1 also asks whether to name your other offer: "
        "either choice passes." in text
    )
    drawn = [course.variant(MODULE, f"learner-{n}") for n in range(200)]
    share = sum(s.alternative_price > s.their_guess for s in drawn) / len(drawn)
    assert 0.35 < share < 0.65, share


def test_r80_x4_question_5b_says_the_second_reading_passes():
    """Review 80 X4: the check accepts reading the pick against every offer it beat that the
    research rated above it, which question 5b never said, so a learner who read it so
    could not know they were right. The question now says so, and it is true: that reading
    differs from the text's for some pick the check asks about, and passes."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    q5b = text[text.index("Question 5b (1 mark)") : text.index("def read_pick")]
    assert (
        "Comparing the pick with every offer it beat that your research rated higher may "
        "name more issues, and passes too." in q5b  # review 91 U1
    )
    differing = [
        (learner, offers, k)
        for learner in LEARNERS
        for offers, k, expected in check._pick_cases(course.variant(MODULE, learner), False)
        if expected != check.pick_reading_against_both(course.variant(MODULE, learner), offers, k)
    ]
    assert differing, "no visible case tells the two readings apart"

    def against_both(s, offers, picked):  # every offer it beat that research rated above
        def worth(package):
            return sum(s.theirs[i][package[i]] for i in s.issues)

        chosen = offers[picked]
        if worth(chosen) >= max(worth(o) for o in offers):
            return set()
        return {
            i
            for o in offers
            if worth(o) > worth(chosen)
            for i, levels in s.issues.items()
            if levels.index(chosen[i]) > levels.index(o[i])
        }

    for learner in LEARNERS:
        with learner_as(learner):
            assert _verdict(check.read_pick, against_both, False) is None


def test_r80_u3_section_4_points_forward_to_rules_it_has_not_listed_yet():
    """Review 80 U3: section 4 said the exchange rate 'is used only by rule 2.5' before it
    lists the rules, so the reader met a rule number with nothing to find it by. Every
    rule number section 4 names before its list now says 'below'."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    section = text[text.index("4. Trading across issues") :]
    before = section[: section.index("1. **Create value first.**")]
    named = re.findall(r"rule \d\.\d(?:'s)?(?: below)?", before)
    assert named and all(n.endswith("below") for n in named), named


def test_r80_u2_section_2_states_the_target_before_the_band():
    """Review 80 U2: section 2's target paragraph made the reader hold the margin, the band,
    the even split and the band's top at once before reaching one number. It now gives the
    number first (three quarters of the way up to your estimate), then the margin, then the
    band the checks accept, once, and never says 'the band's top'."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    start = text.index(
        "The target (section 1) is module 02's, and your concession plan stops there."
    )
    # review 110 U4 (round 111): the paragraph gives module 02's range, the fact's option
    # and what the checks accept, then the examples' three quarters with its margin and
    # reason; it no longer ends on the ambiguous "follow this rule."
    paragraph = text[start : text.index("exactly on the split.", start)]
    examples = text[text.index("exactly on the split.", start) : text.index("close fewer deals.")]
    assert paragraph.index("The checks accept any target") > 0
    rule = examples.index("**three quarters of the way**")  # review 112 C1 (round 113)
    # review 82 U3: the margin was "room for a last trade"; review 110 C2 (round 111): the
    # quarter now guards against an estimate too high, as a package's cushion does
    assert rule < examples.index("your estimate may be too high")
    # review 112 C1 (round 113): module 02's band is defined once, in this paragraph, and
    # the examples take its top
    assert paragraph.count("**band**") == 1 and "follow this rule" not in text
    # review 112 C1 (round 113): the paragraph now defines the band and says why a target
    # stays below the estimate (125 words before that round)
    # review 114 C1: the span after "exactly on the split." now opens with the sentence on
    # why the checks are wider than module 02's rule (21 words): 60, not 40
    assert len(paragraph.split()) < 150 and len(examples.split()) < 60  # 137 before


def test_r80_u4_the_accept_bullet_is_four_cases_in_question_6s_order():
    """Review 80 U4: section 5's Accept bullet packed four cases into one paragraph (the
    next ask, the even split, a believable cap, the last round). It is now four
    sub-bullets, in the order of question 6's rules: rule 1's two, rule 2's, rule 3's.
    Review 83 C3: one of the four was accept or counter, so the Accept bullet now holds
    three accepts, and the split's case is a bullet of its own (review 84's test_c3)."""
    lines = SOURCE.read_text().splitlines()
    start = lines.index("# - **Accept** in three cases (question 6's rules 1 to 3 follow them):")
    subs = []
    for line in lines[start + 1 :]:
        if line.startswith("# - "):
            break
        if line.startswith("#   - "):
            subs.append(line[6:])
    assert [s.split(":")[0].split(",")[0] for s in subs] == [
        "When the offer is at least what you would ask next",
        "At the end of the talks there is no next ask",
        "When you have good evidence of a cap on what they can pay and the cap is at or above",
    ]


def test_r80_x5_question_2_says_when_whole_thousands_stop_shrinking():
    """Review 80 X5: question 2 said offers in whole thousands are fine, yet the model plan
    rounded to whole thousands has no shrinking step when the opening is close to the target
    (learner-7 from an opening of 85: 85, 85, 84, 83, 82, 81, 80, 80), and fails. The text
    now says whole thousands are fine while a step still shrinks, and to use one decimal
    with a small gap; one decimal of the model plan passes for every learner tried here.
    Review 83 X4: the check tries openings the learner did not choose, and 'a small gap'
    did not say where whole thousands fail: at an opening at the estimate. The text now
    says so, and every whole-thousands failure here is at that opening (fails on the old
    text)."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    assert (  # review 86 U3: said plainly (tests/test_concessions_review86.py)
        "The check tries openings from `s.their_estimate` up to your best fact, not only yours. "
        "Whole thousands pass when the room to your target is wide" in text  # review 106 U6
    )

    def plan(s, start):
        r = reservation_of(s)
        target = r + TARGET_SHARE * (s.their_estimate - r)
        sizes = range(s.rounds - 2, 0, -1)
        total = sum(sizes)
        return [start, start] + [
            start - (start - target) * sum(sizes[: k + 1]) / total for k in range(len(sizes))
        ]

    whole_fails = 0
    for n in range(12):
        s = course.variant(MODULE, f"learner-{n}")
        r = reservation_of(s)
        for start in check._openings(s, hidden=False):
            tenths = [round(x, 1) for x in plan(s, start)]
            check._check_plan(tenths, start, r, s.learner, s.their_estimate)
            try:
                whole = [round(x) for x in plan(s, start)]
                check._check_plan(whole, start, r, s.learner, s.their_estimate)
            except NotYet:
                whole_fails += 1
                assert start == s.their_estimate, (n, start)  # where the text says
    assert whole_fails  # learner-7 among them: the warning is needed


def test_r80_u1_questions_2_and_3_point_to_their_sections_instead_of_restating_them():
    """Review 80 U1: question 3 restated section 3's rule 2 almost word for word, and
    question 2's rule 6 restated section 2's target paragraph. Each now keeps its signature,
    points to the section's rules and (question 3) keeps the worked example; together they
    are well under the 637 words they had."""
    text = " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())
    q2 = text[text.index("Question 2 (2 marks)") : text.index("def concession_plan")]
    q3 = text[text.index("Question 3 (1 mark)") : text.index("def tit_for_tat")]
    assert "Write `concession_plan(s, opening)`" in q2
    # review 108 U5 (round 109): rule 6 points to the band, in one statement
    # review 110 C1 (round 111): rule 6's range runs up to the best fact
    assert "end at a target from the even split" in q2 and "Module 02's rule picks" not in q2
    assert (
        "Write `tit_for_tat(s, mine, theirs, target)`: your next offer by section 3's rules" in q3
    )
    assert "`mine = [118, 118, 114]`" in q3 and "an offer from 110 up to 112" in q3
    for restated in ("capped by your last step (the last time", "three fifths of the room"):
        assert restated not in q3, restated
    assert len(q2.split()) + len(q3.split()) < 637 - 150, (len(q2.split()), len(q3.split()))


def test_r80_markdown_lines_stay_within_90_characters():
    """The project's rule: markdown lines of at most 90 characters (table rows excepted).
    Question 5b's reworded text (review 80 X4) ran one line to 91; it is rewrapped."""
    long = [
        line
        for line in SOURCE.read_text().splitlines()
        if line.startswith("# ") and not line.startswith(("# %%", "# |")) and len(line) > 90
    ]
    assert long == []
