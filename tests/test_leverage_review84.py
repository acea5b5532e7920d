"""Review 83 of module 00 (a fresh reader's, on 4df03cb): fixes, each with a test that
fails on the text it replaced."""

from tests.sweeps import cell_text


def test_x1_the_4c_rubric_charges_a_4a_slip_once():
    """Review 83 X1: question 4c's part 2 asks for a judgement at the first moment the bar
    was reached, which the learner finds from balances built on their own 4a readings; the
    rubric did not say whose balances to judge on, so a slip in 4a could cost marks twice.
    It now says: on the learner's own, and not again."""
    rubric = " ".join(cell_text("00_leverage", "leverage", "spend-judgement").split())
    assert (
        "Judge part 2 on the balances the learner's own 4a readings give (the own-balances "
        "cell): a slip in 4a costs marks there, not again here."
    ) in rubric
