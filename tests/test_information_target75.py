"""Module 01, session 75 (target rule): one monotone target rule across the course. Each test failed on the
code or text before this round."""

from course.variants import variant
from tests.test_checks_information import cell_words, reference


def test_question_6_s_target_band_does_not_depend_on_how_far_the_opening_goes():
    """The band's top was nine tenths of the way to the estimate for an opening at the
    estimate and the estimate itself for one beyond it, while the reference aimed halfway to
    the opening there: a stronger fact could lower the target. The band now runs from the
    even split to three quarters of the way, wherever the opening sits; a target accepted
    with one opening is accepted with any higher one, and the reference's target (`sure`
    kept in the band, review 75 C1; the even split before) never moves with the opening."""
    for n in range(60):
        sale = variant("01_information", f"target-75-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = reference.expected_reservation(after)
        split = (sale.cost + estimate) / 2
        top = sale.cost + 0.75 * (estimate - sale.cost)
        sure = reference.surest_price(after)
        aim = max(min(max(sure, split), top), sure)  # review 76 C1: never below `sure`
        # the band's top never holds `sure` down; review 100 X2 (round 101): past it, the top
        # is three quarters of the way from `sure`
        top = sure + 0.75 * (estimate - sure) if sure > top else top
        floor, ceiling = reference.opening_floor(sale, after), reference.ceiling(sale, after)
        openings = [floor + (ceiling - floor) * k / 4 for k in range(5)]
        for opening in openings:
            low, high = reference.target_band(opening, sale, after)
            # review 77 X1: the band never starts below `sure`
            assert abs(low - max(split, sure)) < 1e-6, (sale.learner, opening)
            assert abs(high - top) < 1e-6, (sale.learner, opening)
            assert reference.plans_by_the_course_rule((opening, top), sale, after)
            assert not reference.plans_by_the_course_rule((opening, top + 1), sale, after)
        answer = reference.model_limits(sale, after)
        plans = [price for broken, price in answer.values() if broken == "final-offer"]
        assert all(abs(target - aim) < 0.01 for _, target in plans), sale.learner


def test_the_text_states_one_band_and_no_special_case_beyond_the_estimate():
    """Question 6's convention 2 and section 5 now give module 02's one band (three quarters
    of the way at most, wherever you open; a fact at or past the top gives the top), and
    no longer a target halfway to an opening beyond the estimate."""
    q6, anchor = cell_words("q6-text"), cell_words("anchor-teaching")
    # review 77 U2: convention 2 rewritten short
    # review 88 X1: the band is advice, stated once
    assert "halfway to three quarters of the way from your cost to your estimate" in q6
    assert (
        "where `sure` is above the three-quarter point, from `sure` to three quarters" in q6
    )  # review 100 X2
    for words in (q6, anchor):
        assert "nine tenths" not in words and "never above the estimate" not in words
