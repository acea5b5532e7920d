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


def test_question_4_marks_the_reading_in_two_steps_not_a_price_the_text_spells_out(learner):
    """X1: Question 4's second mark was the final price to name Wren, which the text made a
    transcription (Wren takes any price up to its reservation price, so `r if r > cost else
    None`). The mark moved into the reading: one for the share of the gap, one for the
    reservation price. The old answer, (reservation, price), now fails; the ratio of the
    steps taken for the share costs the share's mark only."""
    from tests.test_checks_information import check, wren, wren_parts

    four = cell_words("q4-text")
    assert "return `(share, reservation)`" in four and "`price`: your decision" not in four
    old = wren_parts(lambda offers: (reference.reservation_from_offers(offers), None))
    assert sum(earned for earned, _ in old.values()) < 2
    assert check.reservation_from_concessions(reference.reservation_from_concessions).earned == 2

    def ratio(offers):
        return (offers[2] - offers[1]) / (offers[1] - offers[0])

    def from_ratio(offers):
        return offers[0] + (offers[1] - offers[0]) / ratio(offers)

    scored = wren_parts(wren(from_ratio, ratio))
    assert (
        scored["the share of the gap"][0] == 0
        and "1 − that ratio" in scored["the share of the gap"][1]
    )
    assert scored["the reservation price"][0] == 1
    percent = wren_parts(wren(reference.reservation_from_offers, lambda o: 100 * (1 - ratio(o))))
    assert percent["the share of the gap"][0] == 0
    assert "not a percentage" in percent["the share of the gap"][1]
