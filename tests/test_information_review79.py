"""Module 01, review 78 (fixed in round 79): grading and text. Each test failed on the code
or text before this round."""

from course.checks import information as check_module
from tests.test_checks_information import cell_words, reference


def test_a_true_final_deadline_is_shared_as_information_and_the_summary_says_so():
    """C2: section 6 called "sign by the end of the month, when the slot goes to the next
    order" a warning that invites a test, and the summary called a true warning "usually
    unwise said that way", while question 9's `final-deadline` (the same true slot) is
    marked `share` only: a learner who followed the summary marked it `keep` and lost the
    mark. Text, summary and check now say one thing: said as information the deadline
    helps you (Moore), said as a demand it invites a test."""
    guard, summary = cell_words("guard-teaching"), cell_words("summary")
    assert "Said as information" in guard and "a true deadline helps you (Moore)" in guard
    assert 'Said as a demand ("sign by the end of the month"), it is a *warning*' in guard
    assert "usually unwise said that way" not in summary
    assert "a true deadline that binds both sides, said as information;" in summary
    assert "said as a demand it invites a test" in summary
    deadline = next(m for m in reference._DISCLOSURES if m.key == "final-deadline")
    assert deadline._label == reference.SHARE and not deadline._also
    assert "as information and not as a demand" in deadline._why
    import inspect

    source = " ".join(inspect.getsource(check_module.fair_play).split())
    assert "keep your reservation price, deadlines and weak" not in source
    assert "deadlines only you pay for" in source
