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
