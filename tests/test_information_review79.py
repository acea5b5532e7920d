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
    assert "Said as information" in guard and "a true deadline helps you (Moore's logic" in guard
    # review 86 U5: the warning is defined where question 9 lists its labels
    assert 'Said as a demand ("sign by the end of the month"), a true deadline is a *warning*' in (
        cell_words("q9-text")
    )
    assert "usually unwise said that way" not in summary
    assert "a true deadline that binds both sides, said as information;" in summary
    assert "said as a demand, that deadline is a warning: legitimate, but it invites a test" in (
        summary
    )  # review 92 U2
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


def test_convention_2_states_the_exception_for_sure_plainly():
    """U2: convention 2's "`sure` is the one exception to the top of the band module 02 will
    use: if `sure` lies above halfway, a target below it fails, and `sure` passes even past
    the top" was hard to parse. It now says what to do and why, as the check marks it
    (``target_band``: from the higher of halfway and `sure` to the higher of three quarters
    and `sure`)."""
    q6 = cell_words("q6-text")
    assert "the one exception to the top of the band" not in q6
    assert (
        "where `sure` is above the three-quarter point, from `sure` to three quarters" in q6
    )  # 88 X1, 100 X2
    from course.variants import variant

    for n in range(40):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = reference.expected_reservation(after)
        sure = reference.surest_price(after)
        low, high = reference.target_band(estimate, sale, after)
        half, top = (sale.cost + estimate) / 2, sale.cost + 0.75 * (estimate - sale.cost)
        top = sure + 0.75 * (estimate - sure) if sure > top else top  # review 100 X2
        assert abs(low - max(half, sure)) < 1e-6 and abs(high - top) < 1e-6


def test_the_estimate_is_faulted_for_wasting_money_not_for_being_too_high():
    """U3: "Asking the *expected* reservation price ... ignores that every buyer below it
    walks away" read as "the estimate is too high", though the model's price lies above the
    estimate for many learners. The text now says what is true of every case: between two
    possible prices, the next one up sells as often and earns more."""
    words = cell_words("price-teaching")
    assert "ignores that every buyer below it walks away" not in words
    # review 102 E1 (round 102): the claim is now limited to a mean between two possible prices
    assert (
        "Asking the *expected* reservation price wastes money when it lies between two "
        "possible prices: the next possible price up sells as often and earns more." in words
    )
    from course.variants import variant

    above = 0
    for n in range(50):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        above += reference.best_move(after, sale.cost)[0] > reference.expected_reservation(after)
    assert 10 < above < 50, above


def test_the_explorer_note_says_the_price_stays_and_its_profit_rises():
    """U5: "the model's price of 70 gains only 4.5": the price does not move, its profit
    does (18 to 22.5 when the lowest price rises from 50 to 60 at cost 40)."""
    from course.models.information import take_it_or_leave_it

    words = cell_words("voi-explorer-text")
    assert "the model's price of 70 gains only 4.5" not in words
    assert "the model's price stays 70 and its profit rises only 4.5 (18 to 22.5)" in words
    (p1, f1), (p2, f2) = take_it_or_leave_it(40, 50, 100), take_it_or_leave_it(40, 60, 100)
    assert p1 == p2 == 70 and abs(f1 - 18) < 1e-9 and abs(f2 - 22.5) < 1e-9


def test_the_sitting_plan_lists_sittings_only():
    """U7: the plan was cluttered ("four marks; with Question 4, six for the sitting; split
    it after Question 4 if you need to"); it lists the sittings only."""
    intro = cell_words("intro")
    assert "for the sitting" not in intro and "split it after" not in intro
    assert "(one mark" not in intro and "the longest question:" not in intro
    assert (
        "2. the pace of concessions with Questions 4 and 4b, then section 3 with Question 5;"
        in intro
    )


def test_a_notebook_answered_before_question_4_changed_keeps_its_marks(learner):
    """X1's follow-up: until round 79 question 4's function took ``(offers, cost)`` and
    returned ``(reservation, price)``. A notebook answered then is graded with today's test
    cells; its right reading earns both marks (the share it implies is read from its
    reservation price), visibly, hidden and when the grader replays the transcript; a wrong
    old reading still fails, and a function that answers in neither form gets the hint."""
    from course.checks.calls import collected, replay
    from course.variants import hidden_cases_as, learner_id
    from tests.test_checks_information import check

    def answered_before(offers, cost):
        reservation = reference.reservation_from_offers(offers)
        return reservation, (reservation if reservation > cost else None)

    def read_wrong_before(offers, cost):
        return offers[2] + (offers[2] - offers[1]), None

    assert check.reservation_from_concessions(answered_before).earned == 2
    with hidden_cases_as(None), collected() as transcripts:
        credit = check.reservation_from_concessions(answered_before, hidden=True)
    assert (credit.earned, credit.possible) == (2, 2)
    with hidden_cases_as(None):
        replayed = replay(
            "01_information", "reservation_from_concessions", transcripts[0], learner_id(), True
        )
    assert replayed.failure is None and replayed.value.earned == 2
    with hidden_cases_as(None):
        assert check.reservation_from_concessions(read_wrong_before, hidden=True).earned == 0
    neither = check.reservation_from_concessions(lambda: None)
    assert neither.earned == 0
    assert all("takes 0 positional arguments but 1" in o.message for o in neither.outcomes)
