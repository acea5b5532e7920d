"""Module 01, review 83 (fixed in round 84): text and the claims it makes about the checks.
Each test failed on the text before this round."""

from course.scenarios import information as scenario
from course.variants import variant
from tests.test_checks_information import cell_words

HAGGLES = ("counter-offer", "board-rounds")


def _reasons(key):
    """The reason the check gives for situation ``key`` (what it calls for, and why)."""
    item = next(i for i in (*scenario._SITUATIONS, *scenario._PRACTICE_SITUATIONS) if i.key == key)
    return " ".join(item._why_action.split())


def test_a_fact_you_can_name_is_one_you_could_show_osprey():
    """C1: convention 1 called the highest price still possible "a fact you can name, as
    module 04's openings are", though it is a bound from the learner's own model that
    cannot be cited to Osprey; modules 02 and 04 mean a fact you can show across the table.
    The phrase now keeps that meaning: the bound is "your model's, not a fact you can name
    to Osprey", and the target says to aim halfway since no situation gives such a fact,
    while any target in the band passes (what the check accepts did not change). The
    exception for `sure` is stated once."""
    six = cell_words("q6-text")
    assert "That price is a fact you can name" not in six
    assert "at the top for a fact past it" not in six
    # review 91 U1: convention 1 states the mark's rule, not a stricter one before it
    assert "only as far as a fact you can name to Osprey takes you" not in six
    # review 88 X1: the band is advice; the target aims halfway for want of a fact
    # session 111 U2: said plainly
    assert "With no fact to show, aim halfway from your cost to your estimate" in six
    # review 91 U1; review 95 C2 (round 96): once, inside module 04's rule as convention 1
    # quotes it (a fact you can show Osprey), never for the mark's bound
    assert six.count("fact you can name") == 1
    assert "or beyond it as far as a fact you can name takes you) plus a floor" in six
    for key in (*HAGGLES, "practice-come-back"):
        # review 85 C1: a fact you can name is only what takes an opening past the floor
        why = _reasons(key)
        assert why.count("a fact you can name") == why.count("only as far as a fact you can name")
        assert "only as far as a fact you can name" in why, key
    haggled = 0
    for n in range(40):
        sale = variant("01_information", f"learner-{n:03d}")
        if not set(HAGGLES) & set(sale.situations):
            continue
        after = scenario.posterior_after_opening(sale)
        opening = scenario.opening_floor(sale, after)
        estimate = scenario.expected_reservation(after)
        sure = scenario.surest_price(after)
        for share in (0.5, 0.6, 0.75):
            target = max(sale.cost + share * (estimate - sale.cost), sure)
            if target < opening - 1:
                haggled += 1
                assert scenario.plans_by_the_course_rule((opening, target), sale, after)
    assert haggled >= 10, haggled


def test_question_6_says_in_place_what_a_pull_towards_a_number_is_worth():
    """U3: Question 6 said only "(`first-number` is about anchoring: section 5.)", so a
    learner answering before section 5 had to read ahead. The `"none"` item now says what is
    needed, in the words of the check's hint: a pull towards a number already read into
    your beliefs breaks no assumption; the reference answer to `first-number` is `"none"` at
    the model's price."""
    from course.checks import information as check

    six = cell_words("q6-text")
    assert "is about anchoring: section 5" not in six
    rule = "a pull towards a number already read into your beliefs"
    # review 89 X1: the rule in the `"none"` item gave away `first-number`; it is gone, and
    # the check's hint keeps it
    assert '`"none"`: every assumption holds;' in six and rule not in six
    assert rule in " ".join(check.ACTION_HINT.split())
    sale = variant("01_information", "worked-case-0")
    after = scenario.posterior_after_opening(sale)
    answer = scenario.model_limits(sale, after)
    if "first-number" in answer:
        assert answer["first-number"] == ("none", scenario.best_move(after, sale.cost)[0])
    assert any(
        scenario.model_limits(s, scenario.posterior_after_opening(s))["first-number"][0] == "none"
        for s in (variant("01_information", f"learner-{n:03d}") for n in range(40))
        if "first-number" in s.situations
    )
