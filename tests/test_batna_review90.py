"""Module 02, review 90 (fixes of round 90): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import reservation_of, target_of
from tests.test_checks_batna import _markdown_words
from tests.test_review85_batna import _cell

LEARNERS = [f"rv90-{n}" for n in range(30)]


def _hint(offers, value):
    """Question 5's hint for ``value`` on ``offers`` (None when it passes)."""
    try:
        check.judge_target(offers, value)
    except NotYet as hint:
        return hint
    return None


def _near_miss(offers):
    """A value inside the band, 150 to 300 from question 5's target and nearer to it than
    to the band's ends, the reservation price for the job as offered and the target and even
    split without remote days: a target rounded too coarsely (None when there is none)."""
    target = target_of(offers)
    split, most = check.target_band(offers)
    others = [
        other
        for other in (
            split,
            most,
            reservation_of(offers),
            check._target_without_remote_days(offers),
            check._even_split_without_remote_days(offers),  # review 115 X1
        )
        if abs(other - target) > check.TARGET_TOLERANCE
    ]
    for gap in (300, 200, 150):
        for value in (target - gap, target + gap):
            if split <= value <= most and all(gap < abs(value - o) for o in others):
                return value
    return None


def test_x1_the_reviewers_rounded_target_is_told_about_the_tolerance(monkeypatch):
    """X1: learner z7's target is the band's top, 104,437.5; 104,000 and 104,187.5, both
    inside the band, were told to "compare it with both ends of the band", which they had
    done. The hint now names the check's tolerance of 100 and asks whether they rounded,
    without giving the target itself."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "z7")
    offers = course.variant("02_batna", "z7")
    target = target_of(offers)
    for value in (104_000, 104_187.5):
        assert abs(value - target) > check.TARGET_TOLERANCE
        said = str(_hint(offers, value))
        assert "within 100 of it" in said and "did you round?" in said, said
        assert "both ends of the band" not in said
        assert f"{target:,.2f}" not in said and f"{target:,.0f}" not in said


@pytest.mark.parametrize("who", LEARNERS)
def test_x1_a_near_miss_inside_the_band_gets_the_tolerance_not_a_reasoning_hint(monkeypatch, who):
    """X1 over many learners: a target 300 from the right one, inside the band, is told
    about the tolerance (its own branch, with the general words a hidden check uses); the
    even split, when the survey puts the target elsewhere, is still a slip of reasoning and
    keeps the old hint; a figure within 100 still passes."""
    monkeypatch.setenv("LEVERAGE_LEARNER", who)
    offers = course.variant("02_batna", who)
    target = target_of(offers)
    split, most = check.target_band(offers)
    near = _near_miss(offers)
    if near is None:
        # review 115 X1: the even split without remote days is a figure a learner reasons
        # to; where it lies this near the target, no miss of 150-300 is nearer the target
        plain = check._even_split_without_remote_days(offers)
        assert abs(plain - target) <= 2 * 300, who
    else:
        assert split <= near <= most
        hint = _hint(offers, near)
        assert hint is not None and "did you round?" in str(hint), (who, str(hint))
        assert "within 100 of it" in str(hint)
        assert hint.general and "rounding slip" in hint.general
    for value in (target - 100, target, target + 100):
        if split <= value <= most:
            assert _hint(offers, value) is None, (who, value)
    if abs(target - split) > check.ROUNDING_SLIP:
        said = str(_hint(offers, split))
        assert "compare it with both ends of the band" in said and "round" not in said


@pytest.mark.parametrize("grade_id", ["summary", "reflection-text", "reflection"])
def test_c1_every_statement_of_the_cap_carries_section_4s_exception(grade_id):
    """C1: section 4 gives the band's one exception (module 01's price the other side is
    sure to pay), but the summary and the reflection's rubric (and its prompt) stated the
    three-quarter cap "wherever you open" with none, so a learner who used module 01's sure
    price was out of the band by the rubric. Each now states the cap with the exception
    (review 93 U3: by pointing back to section 4, which alone states and defines it)."""
    zopa = _cell("zopa-teaching")
    # review 93 U3: said (and defined) once, in section 4; the others point back to it
    # review 102 C2: one name, "Module 01 adds one exception"
    # review 108 U4: in generic words
    assert "Module 01 adds one more way past the band's top: what you know about this buyer" in zopa
    text = _cell(grade_id)
    if grade_id == "reflection-text":  # review 96 U1: it points to the band, states no cap
        assert "a target placed by section 4's table" in text
        assert "three quarters" not in text
        return
    assert "three quarters of the way" in text
    # review 108 C1/U4: the exception in generic words, "this buyer"
    assert "this buyer" in text, grade_id


def test_u1a_section_4_states_the_target_band_once():
    """U1 (a): section 4 gave the band three times, two bullets ("It lies at or above the
    even split ...", "And it lies below your opening ..."), the "Wherever you open" sentence
    and the table. The bullets are cut: the sentence and the table carry the rule, and
    section 3 already places the opening beyond the target."""
    zopa = _cell("zopa-teaching")
    assert "must meet two conditions" not in zopa
    assert "It lies at or above the even split" not in zopa
    assert "And it lies below your opening" not in zopa
    assert zopa.count("to three quarters of the way up") == 1  # review 108 C1; 110 C1: one rule
    assert "your first offer lies beyond the target" in _cell("reservation-teaching")


def test_u1b_section_6_explains_each_label_once_and_keeps_what_the_bullets_added():
    """U1 (b): section 6 explained each label in its table and again in three bullets. The
    bullets are cut; what they added that the table did not say is kept once: the warning
    and the threat, a demand's limit (the reservation price for the package it names) with
    either label above it, the custom's leeway for a claim, and the misrepresentation row's
    examples and its legal risk."""
    honest = _cell("honest-teaching")
    for bullet in ("- **Warning**", "- **Bluff.**", "- **Misrepresentation.**"):
        assert bullet not in honest, bullet
    row = next(line for line in honest.split(" | misrepresentation | ")[1:])
    assert "a possible bonus presented as sure; it can be fraud" in row
    for kept in (
        "A legitimate demand is a **warning**",
        "A *threat* ties a demand to a cost you would rather not impose",
        "at most your reservation price for the package it names (two remote days lower it)",
        "A figure above that price is a bluff",
        "a demand you would not carry out is riskier",
    ):  # review 96 U1: "your next one counts for less", an aside, is cut
        assert honest.count(kept) == 1, kept
    # review 100 U2: the grading tolerance moved to question 7
    assert "this course accepts either label for a demand above that price" in _cell("q7-text")


def test_u1_the_module_has_fewer_words_than_before_round_90():
    """U1 with C1: 7,775 markdown words before round 90; C1's three statements of the
    exception are paid for by U1's cuts."""
    assert _markdown_words() < 7_775
