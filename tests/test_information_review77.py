"""Module 01, review 77: grading and text. Each test failed on the code or text before this
round."""

from course.variants import variant
from tests.test_checks_information import (
    as_learner,
    cell_words,
    limits_with,
    own_labels,
    own_limits,
    parts,
    reference,
)


def _tactics(n):
    return variant("01_information", f"learner-{n}").tactics


def test_a_target_below_sure_fails_where_sure_lies_above_halfway(monkeypatch):
    """X1, C1: Question 6 passed a haggle target below `sure` (learner-7, `board-rounds`:
    opening €70,465, target €57,733, `sure` €65,000), though every buyer still possible
    accepts `sure` and the text aimed at it; the check said it accepts 'any target in the
    band, and `sure`'. Where `sure` lies above halfway, a target below it now fails, with
    a hint saying why, and `sure` passes up to the band's top or `sure`, whichever is
    higher. Convention 2 calls this the one exception to the top of the band module 02 will
    use, with module 02's reason for the top (room to concede)."""
    sale = as_learner(monkeypatch, "learner-7")
    assert "board-rounds" in sale.situations
    after = reference.posterior_after_opening(sale)
    assert reference.surest_price(after) == 65_000
    assert not reference.plans_by_the_course_rule((70_465, 57_733), sale, after)
    assert reference.plans_by_the_course_rule((70_465, 65_000), sale, after)
    scored = parts(own_limits(limits_with(**{"board-rounds": ("final-offer", (70_465, 57_733))})))
    earned, message = scored["what to do"]
    # review 88 X1 made the band advice; review 94 X1: a target below `sure` fails again
    assert earned == 0 and "concedes more than convention 2 allows" in message, message
    assert (
        own_limits(limits_with(**{"board-rounds": ("final-offer", (70_465, 65_000))})).earned == 2
    )
    below = 0
    for n in range(200):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = reference.expected_reservation(after)
        sure = reference.surest_price(after)
        split = (sale.cost + estimate) / 2
        top = sale.cost + 0.75 * (estimate - sale.cost)
        top = sure + 0.75 * (estimate - sure) if sure > top else top  # review 100 X2
        low, high = reference.target_band(estimate, sale, after)
        assert abs(low - max(split, sure)) < 1e-6 and abs(high - top) < 1e-6, sale.learner
        below += sure > split + 1
    assert 100 < below < 170, below  # 134 of 200
    q6 = cell_words("q6-text")
    assert "The check accepts any target in the band, and `sure`." not in q6
    # review 78 U2: the exception said plainly
    # review 88 X1: the band is advice, `sure` its higher end where that is higher
    assert (
        "where `sure` is above the three-quarter point, from `sure` to three quarters" in q6
    )  # review 100 X2


def test_the_label_for_calling_an_opening_fair_rests_on_rule_4_1(monkeypatch):
    """E1: the second accepted label for `fair-price` (calling your inflated opening "a fair
    price") rested on the surveys Lewicki, Saunders and Barry report, which rate *making* a
    high opening demand, not calling it fair. It now rests on what comment [2] to ABA Model
    Rule 4.1 says: estimates of price or value are ordinarily not taken as statements of
    material fact. (Review 80 C1 made the second label "misrepresentation", not
    "legitimate": tests/test_information_review80.py.)"""
    words = cell_words("guard-teaching")
    start = words.index('Calling your opening "a fair price"')
    paragraph = words[start : words.index("**Misrepresentation is not a bluff.**")]
    assert "Lewicki" not in paragraph and "competitive bargaining" not in paragraph
    assert "comment [2] to Rule 4.1" in words
    move = next(m for m in reference._TACTICS if m.key == "fair-price")
    assert "Lewicki" not in move._why and "comment [2] to ABA Model Rule 4.1" in move._why
    assert "estimates of price or value" in move._why
    sale = as_learner(
        monkeypatch, next(f"learner-{n}" for n in range(300) if "fair-price" in _tactics(n))
    )
    right = reference.fair_play(sale)
    for label in ("bluff", "misrepresentation"):
        assert own_labels(lambda s, w=label: {**right, "fair-price": w}).earned == 2, label
