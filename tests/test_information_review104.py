"""Module 01, review 103 (fixed in round 104): the explorer's pointer to the classic case's
formulas holds for every learner's A and B (X4); Question 7 says what the next section
really does (C1); Question 4's carry-forward mark is no longer a tick (X6). Each test
failed on the code or text before this round."""

from course.checks import information as check
from course.checks.credit import CHECKS_MIME
from course.models.information import take_it_or_leave_it, value_of_information
from course.variants import variant
from tests.test_checks_information import as_learner, cell_words, parts, reference
from tests.test_information_review90 import _ratio_slip

MODULE = "01_information"


def test_x4_the_explorer_s_a_and_b_fit_the_classic_case_s_formulas():
    """X4: the text sends learners to the classic case's formulas for A and B, but knowing
    the price earns (L + H)/2 - c only when the cost c is at most the lowest price L, and
    390 of 1,000 learners had a cost above the lower range's L (id-0: A (35, 25, 140)). A
    and B are now drawn with the cost at most both lowest prices (only those 390 learners'
    A and B change; C, D and the rest of every case are as before), and the text says so.
    Over 1,000 learners the formulas give the widget's worth for every A and B, and the
    wider range still wins for 481 and the narrower for 519."""
    wider = narrower = 0
    for n in range(1000):
        cases = variant(MODULE, f"id-{n}").explorer_cases
        worths = []
        for label in "AB":
            cost, low, high = cases[label]
            assert cost <= low, (n, label, cases[label])
            knowing = (low + high) / 2 - cost
            worth = knowing - take_it_or_leave_it(cost, low, high)[1]
            assert abs(worth - value_of_information(cost, low, high)) < 1e-9, (n, label)
            worths.append(worth)
        wide = 0 if cases["A"][1] < cases["B"][1] else 1
        winner = worths.index(max(worths))
        wider += winner == wide
        narrower += winner != wide
    assert (wider, narrower) == (481, 519)
    # id-0 had A (35, 25, 140) and B (35, 45, 140); review 103 X4 redrew C and D (they were
    # (90, 65, 110) and (50, 65, 110), one range)
    assert variant(MODULE, "id-0").explorer_cases == {
        "A": (15, 20, 100),
        "B": (15, 40, 100),
        "C": (60, 25, 80),
        "D": (45, 85, 125),
    }
    words = cell_words("voi-explorer-text")
    assert "(for A and B, use the classic case's formulas)" not in words
    # review 103 X4: the classic case now gives both formulas, so the parenthesis is shorter
    assert "(use the classic case's formulas)" in words
    assert "when $c$ is at most $L$" in cell_words("voi-teaching")


def test_c1_question_7_says_the_next_section_values_a_report_that_can_be_wrong():
    """C1: Question 7 said the next section "drops that assumption" (that the firms'
    research is never wrong), but the next section keeps the firms as they are and values
    another product, a market report right with chance `sale.report_accuracy`. Question 7
    now says that."""
    seven = cell_words("q7-text")
    assert "drops that assumption" not in seven
    assert "(the next section values a report that can be wrong)" in seven
    report = cell_words("report-teaching")
    assert "it is right with chance `sale.report_accuracy`" in report


def test_x6_a_carried_forward_mark_is_not_a_tick(monkeypatch):
    """X6: a reservation price right from the named wrong share kept its mark with a tick
    beside "that share is wrong". The mark stays (the text promises it), but the line now
    shows a neutral arrow and starts "Credited, not right:"; a right answer still gets its
    tick, and a wrong share its cross."""
    for n in range(3):
        as_learner(monkeypatch, f"learner-{n}")
        credit = check.reservation_from_concessions(_ratio_slip)
        got = parts(credit)
        assert got["the share of the gap"][0] == 0 and got["the reservation price"][0] == 1
        page = credit._repr_mimebundle_()["text/html"]
        (line,) = [li for li in page.split("<li>") if "the reservation price</b>" in li]
        assert "&#x2714;" not in line and "&#x21AA;" in line
        assert "Credited, not right: the reservation price follows from your share" in line
        (share,) = [li for li in page.split("<li>") if "the share of the gap</b>" in li]
        assert share.startswith("&#x2718;")
        records = credit._repr_mimebundle_()[CHECKS_MIME]
        (saved,) = [o for o in records if o["check"] == "the reservation price"]
        assert "carried" not in saved  # the class report's records keep their fields
        right = check.reservation_from_concessions(reference.reservation_from_concessions)
        page = right._repr_mimebundle_()["text/html"]
        assert page.count("&#x2714;") == 2 and "&#x21AA;" not in page and "Credited" not in page


def test_c2_the_true_rival_s_reason_says_when_mentioning_it_helps():
    """C2: every learner labels `true-rival` (mentioning, calmly, that another food firm
    asked for a quote) "legitimate", while section 6 says to mention an alternative only when
    it beats what the other side believes is the least you would accept, and nothing joined
    the two. The move's reason now says fair is not useful here unless that rule holds."""
    (rival,) = [move for move in reference._TACTICS if move.key == "true-rival"]
    assert rival._label == "legitimate"
    why = " ".join(rival._why.split())
    assert why.startswith("it is true, it is yours to mention, and it is said without a threat.")
    assert (
        "Fair is not the same as useful: a request for a quote is not an offer, so by section "
        "6's rule it helps only if Osprey thinks you would take less than that firm might pay"
    ) in why
    guard = cell_words("guard-teaching")
    assert "Mention one only when it beats what the other side believes is the least you" in guard
    for n in range(50):
        assert "true-rival" in variant(MODULE, f"id-{n}").tactics
