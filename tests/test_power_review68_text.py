"""Module 03, review 68: question 4 accepts taking Atlas's figure where section 5's model
favours it (X1). Each test failed on the text or the checks before this round."""

import pytest

import course
from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import (
    kestrel_shapley,
    reply_reason,
    reply_takes_figure,
    vote_seller,
)
from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def _hint(s, answer):
    with pytest.raises(NotYet) as raised:
        check.judge_reply(s, answer)
    return str(raised.value)


def test_question_4_marks_the_yardstick_where_atlass_figure_is_below_it(learner):
    """X1/C1: where Atlas's round figure is below its yardstick (the Shapley value, which
    beats Borealis) yet at least section 5's price, max(v1/2, v2), taking the figure is
    safe; review 68 made it pass there too. Review 103, X4 (round 105): with two right
    replies on a one-mark question, taking Atlas's figure whatever it was earned the mark in
    640 of 1,000 draws, though rule 1 says to stand on the highest figure; only the
    yardstick passes there now, and the hint for taking the figure says it is safe but gives
    up the difference (was: both replies pass). Below section 5's price the hint for
    "accept" still says why with section 5's price. Over 300 ids the two kinds both occur
    often."""
    both = short = 0
    for n in range(300):
        s = course.variant("03_power", f"sw-{n}")
        if reply_reason(s) != "yardstick":
            assert not reply_takes_figure(s)
            continue
        v1, v2, figure = s.atlas_value, s.borealis_value, s.atlas_figure
        shapley, predicted = kestrel_shapley(s), max(v1 / 2, v2)
        for named in (shapley, round(shapley, -2)):  # review 76, X3: the nearest hundred
            check.judge_reply(s, (named, "yardstick"))
        if figure >= predicted:
            both += 1
            assert reply_takes_figure(s)
            # review 108, C2 (round 109): taking the figure passes there again
            for taken in ((figure, "accept"), (int(figure), "Accept")):
                check.judge_reply(s, taken)
            # each reason carries its own figure only
            assert "not its yardstick worked out" in _hint(s, (figure, "yardstick"))
            assert "'accept' takes Atlas's figure" in _hint(s, (shapley, "accept"))
            assert "Borealis would pay" in _hint(s, (figure, "rival"))
        else:
            short += 1
            assert not reply_takes_figure(s)
            _hint(s, (figure, "accept"))  # the price is wrong: below the yardstick
            hint = _hint(s, (shapley, "accept"))
            assert f"section 5's model predicts {predicted:,.0f} for Kestrel" in hint
            assert "a refusal does not end the talks" not in hint
    assert both >= 60 and short >= 5, (both, short)
    # review 103, X5 (round 104): rv-02 had two moves adding nothing in question 8 and was
    # redrawn (no longer a case where taking the figure is right); rv-02-9 is one
    rv_02 = course.variant("03_power", "rv-02-9")
    assert (rv_02.atlas_figure, kestrel_shapley(rv_02)) == (50_000, 51_000)
    check.judge_reply(rv_02, (50_000, "accept"))  # review 108, C2 (round 109): passes again


def test_no_hint_on_question_4_argues_a_refusal_both_ways():
    """X1: the hints for "accept" gave "a refusal does not end the talks" as a reason to
    refuse, while the price's hint (and the own-case hint, in one sentence with it) gave it
    as a reason to ask no more. Only the price's hint keeps it now."""
    for words, _ in check.REPLY_REASON_HINTS.values():
        assert "a refusal does not end the talks" not in words
    for words, _ in check.TAKE_REASON_HINTS.values():
        assert "a refusal does not end the talks" not in words
    assert "a refusal does not end the talks" not in check.OWN_CASE_HINTS["licence_reply"]
    assert "no less than that price" in check.OWN_CASE_HINTS["licence_reply"]


def test_question_4_says_when_both_replies_earn_the_mark(learner):
    """X1: the marking and the text agree: question 4 said where taking the figure and
    holding Atlas to its yardstick both earn the mark, and on what each rests. Review 82, X2
    (round 83): in the stem that told the learner to take the largest figure; the check's
    feedback says it instead, and the stem no longer does."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "two replies earn the mark" not in four
    # review 86, C1: the stem says again, in one sentence, when taking the figure earns the
    # mark, without naming which figure is largest (test_power_review86.py)
    # review 102, X1: said now with the rule, after question 4's check
    rule = _flat(_section(PROSE, "The predicted price is a forecast", "### Question 5"))
    # review 103, X4 (round 105): taking the figure there no longer earns the mark
    assert "Taking Atlas's figure also earns the mark" not in rule
    # review 108, C2 (round 109); review 110, C2 (round 111): said in question 4 itself
    assert "question 4 says when it is safe" in rule
    assert (
        "Taking Atlas's figure earns the mark wherever it is at least section 5's price."
        in _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    )

    def reply(s):  # the notebook's solution
        grounds = {
            "accept": s.atlas_figure,
            "yardstick": (3 * s.atlas_value + s.borealis_value) / 6,
            "rival": s.borealis_value,
        }
        reason = max(grounds, key=grounds.get)
        return grounds[reason], reason

    credit = check.licence_reply(reply)
    assert credit.earned == credit.possible == 1, credit.outcomes
    shown = _flat(credit.outcomes[0].message)
    assert (
        # review 108, C2 (round 109): it earns the mark there now
        "taking that figure also earns the mark where it is at least section 5's price, as "
        "it is safe, but gives up the difference" in shown
    ), shown


def test_hidden_cases_include_a_figure_question_4_should_not_take():
    """X1: with taking the figure right in most "yardstick" draws, the other learners' cases
    include one where it is wrong, so "always take the figure below the yardstick" fails."""
    from course.variants import hidden_cases_as

    with hidden_cases_as(None):
        drawn = [course.variant("03_power", learner) for learner in check.HIDDEN_LEARNERS]
    assert any(reply_reason(s) == "yardstick" and not reply_takes_figure(s) for s in drawn)


def test_a_reply_that_takes_the_figure_wherever_it_is_safe_earns_no_mark(learner):
    """X1: a learner who takes Atlas's figure wherever it is at least section 5's price, and
    otherwise names the highest ground, earned the mark on every case grading tries.
    Review 103, X4 (round 105): the taught rule (stand on the highest figure) decides, so it
    no longer does, nor does one who takes the figure wherever it beats Borealis; the
    highest ground earns it."""
    from course.variants import hidden_cases_as

    def safe(s):
        v1, v2, figure = s.atlas_value, s.borealis_value, s.atlas_figure
        if figure >= max(v1 / 2, v2):
            return figure, "ACCEPT"
        shapley = round((3 * v1 + v2) / 6, -2)  # review 76, X3: the nearest hundred
        return (shapley, "yardstick") if shapley > v2 else (v2, "rival")

    def highest(s):
        v1, v2, figure = s.atlas_value, s.borealis_value, s.atlas_figure
        shapley = round((3 * v1 + v2) / 6, -2)  # review 76, X3: the nearest hundred
        return max((figure, "accept"), (shapley, "yardstick"), (v2, "rival"))

    def above_borealis(s):
        if s.atlas_figure > s.borealis_value:
            return s.atlas_figure, "accept"
        return s.borealis_value, "rival"

    for key in (None, "grading-key"):
        with hidden_cases_as(key):
            outcome = check.licence_reply(safe, hidden=True)
            # review 108, C2 (round 109): taking the figure wherever it is safe earns it
            assert (outcome.earned, outcome.possible) == (1, 1), key
            outcome = check.licence_reply(highest, hidden=True)
            assert (outcome.earned, outcome.possible) == (1, 1), key
            outcome = check.licence_reply(above_borealis, hidden=True)
            assert (outcome.earned, outcome.possible) == (0, 1), key


def test_question_3s_zero_power_hint_counts_a_group_short_by_exactly_kestrels_votes():
    """X3: the hint said a swing needs a group short of the quota "by less than" Kestrel's
    votes; a group short by exactly that many is a swing too ([5; 3, 2]: the 3 is short by
    2, and Kestrel's 2 carry it), so it now says "by no more than"."""
    from course.models.power import banzhaf_index

    assert banzhaf_index(5, [3, 2])[-1] > 0  # short by exactly Kestrel's votes: a swing
    hinted = 0
    for n in range(300):
        s = course.variant("03_power", f"sw-{n}")
        for owner in dict(s.vote_offers):
            if owner == vote_seller(s):
                continue
            try:
                check.judge_vote_seller(s, owner)
            except NotYet as failure:
                if "would still swing no decision" in str(failure):
                    hinted += 1
                    assert "short of the quota by no more than Kestrel's votes" in str(failure)
                    assert "by less than" not in str(failure)
    assert hinted > 0


def test_section_7_says_the_first_offer_evidence_is_an_analogy():
    """E1: section 7 applied Galinsky and Mussweiler (2001), a study of first offers, to
    mentioning an alternative without saying so; it now calls it an analogy and adds the
    direct evidence on weak alternatives (Schaerer, Swaab & Galinsky, Psychological Science
    26(2), 2015: those with a weak alternative made lower first offers, and did worse, than
    those with none)."""
    seven = _flat(_section(PROSE, "**When they are unsure of your patience**", "calmly.**"))
    assert "The evidence is an analogy: in Galinsky and Mussweiler's experiments on first" in seven
    assert "(Schaerer, Swaab and Galinsky, 2015)" in seven
    # review 85, E2 (round 86): "opened lower" held for sellers only; the finding is about
    # how ambitious the first offer was
    assert (
        "A weak alternative anchors you too: with one, negotiators made less ambitious first "
        "offers and did worse than with none" in seven
    )
    assert "opened lower" not in PROSE


def test_question_4_defines_its_terms_and_the_answer_cell_its_price():
    """U1: question 4 used "interest" and "position" before section 7 defines them, and the
    answer cell's docstring called the price "the figure Kestrel names in its reply", while
    the text says what Kestrel ends up with; "yardstick" now says it accepts the proposal."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    # review 70, X1: question 4 no longer uses the two words; section 7 defines them where it
    # first does
    assert "*interest*" not in four and "*position*" not in four
    seven = _flat(_section(PROSE, "**Show what you solve for them.**", "**Remember that"))
    assert "Its *position* is a price; its *interest*, what it wants" in seven
    # review 69, U2: each reason is glossed as what Kestrel does
    assert '`"yardstick"` (hold Atlas to the yardstick, worked out)' in four
    from tests.test_models_power import NOTEBOOK

    cell = NOTEBOOK[NOTEBOOK.index("def licence_reply") :]
    assert "the figure Kestrel names in its reply" not in cell[:300]
    assert "the figure Kestrel takes or asks for" in cell[:300]


def test_authority_says_it_is_broader_than_french_and_ravens_legitimate_power():
    """U3: the course's "authority" covers a counterpart's internal signing rule, which
    French and Raven's legitimate power (resting on the target's acceptance of the agent's
    right to direct it) does not; the definition now says so."""
    one = _flat(_section(PROSE, "This course names four bases", "- **expert**"))
    # review 69, C1: the difference is now stated (a say over a decision, not a right to
    # direct the other side), since module 00's authority also needs the other side's
    # acceptance
    # review 70, U2: different, not broader
    # review 75, U2: French and Raven's legitimate power, renamed
    # review 102, U4: "renamed" and the course's note went; still named as theirs
    assert "(French and Raven's *legitimate* power; section 7 uses" in one


def test_the_order_paid_on_signing_is_no_longer_called_large():
    """U2: the order the money on signing lets Kestrel take is drawn at 2-4% of Atlas's value
    where the change costs nothing ("a large order ... worth about 1,200")."""
    story = _flat(course.variant("03_power", "rv-05").story())
    assert "a large order" not in story
    assert "materials for an order it would otherwise have to turn down" in story
