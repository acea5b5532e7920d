"""Module 03, review 72: question 5's one-rule cliff (X1, C1), what in the notebook is the
learner's own (X2), and the small items U2 to U5. Each test failed on the code or text
before this round."""

import course
from tests.test_power_review71_text import _kinds, _priced


def test_one_misread_rig_version_costs_a_quarter_whichever_it_is():
    """X1: with a 3-1 mix of kinds (half of all learners), misreading the one version of the
    rarer kind made all four prices follow one rule, and the one-rule rule took the whole
    mark (learner-1, -3, -6 and -7: 0 of 1, against 0.75 for any other single misreading).
    Every draw now holds two versions of each kind, so one misreading never leaves a single
    rule: whichever version is misread, the answer earns three quarters; a constant rule
    still earns nothing."""
    from course.checks import power as check
    from course.variants import hidden_cases_as, learner_as

    for name in ("learner-1", "learner-3", "learner-6", "learner-7", "ada", "grace"):
        with learner_as(name), hidden_cases_as("some-key"):
            s = course.variant("03_power", name)
            kinds = _kinds(s)
            for letter in kinds:
                misread = kinds | {letter: not kinds[letter]}
                outcome = check.rig_prices(lambda t, w=misread: _priced(t, w), True)
                assert outcome.earned == 0.75, (name, letter)
            for rule in (True, False):
                constant = dict.fromkeys(kinds, rule)
                outcome = check.rig_prices(lambda t, w=constant: _priced(t, w), True)
                assert outcome.earned == 0, (name, rule)


def test_the_intro_says_which_parts_are_the_learners_own():
    """X2: "Every learner gets their own numbers, so your answers are yours alone" was not
    true of questions 1, 5 and 9(a), whose texts come from short shared lists; the intro
    now says the numbers are the learner's own and the texts are shared."""
    from tests.test_models_power import PROSE

    flat = " ".join(PROSE.split())
    assert "your answers are yours alone" not in flat
    # review 80, U1 (round 81): one sentence
    assert "Some texts come from lists the class shares; your numbers are yours alone." in flat


def test_the_sittings_add_up_to_the_stated_time():
    """U2: 8 to 10 hours in sittings of three, three and two hours added up to 8; each
    range now adds up to the total."""
    import re

    from tests.test_models_power import PROSE

    flat = " ".join(PROSE.split())
    assert "It takes 8 to 10 hours for most learners" in flat
    sittings = re.search(r"best in three sittings: (.*?)\.", flat).group(1)
    assert "about three hours" not in sittings
    lows = highs = 0
    for found in re.findall(r"\((three to four|about two) hours\)", sittings):
        low, high = {"three to four": (3, 4), "about two": (2, 2)}[found]
        lows, highs = lows + low, highs + high
    assert (lows, highs) == (8, 10)


def test_the_story_names_the_section_that_defines_its_terms():
    """U3: part 1 of the story used "Kestrel's Shapley value" before section 2 defines it;
    it now says what it is and where it is defined, and the notebook says the story does
    this for every term it uses early."""
    from tests.test_models_power import PROSE

    story = course.variant("03_power", "learner-7").story()
    flat = " ".join(story.split())
    assert "**Kestrel's Shapley value** (a benchmark of a fair split, section 2)" in flat
    assert (
        "would estimate Kestrel's share at the table (section 5; Granite's estimate of it, section 7)"
        in flat
    )  # review 77
    assert "the section that defines any term it uses before that section does" in " ".join(
        PROSE.split()
    )


def test_no_markdown_line_of_the_source_is_longer_than_90_characters():
    """U5: a line of section 7 ran to about 190 characters, and others passed 90; every
    markdown line of the source now keeps to 90, and the re-wrapping split no inline
    formula over two lines (each line outside a display formula has whole $...$ pairs)."""
    from pathlib import Path

    source = Path(__file__).parents[1] / "source" / "03_power" / "power.py"
    long = [
        n
        for n, line in enumerate(source.read_text().splitlines(), 1)
        if line.startswith("#") and not line.startswith("# %%") and len(line) > 90
    ]
    assert long == []
    split = [
        n
        for n, line in enumerate(source.read_text().splitlines(), 1)
        if line.startswith("#") and "$$" not in line and line.count("$") % 2
    ]
    assert split == []
