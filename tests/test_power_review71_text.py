"""Module 03, the rest of review 70: question 4's figure on section 5's price (X2),
question 5's partial credit (X4), questions 6 and 2(a) handing the learner the rule (X3),
and the small items U4 to U8. Each test failed on the code or text before this round."""

import course
from course.scenarios.power import FIGURE_MARGIN, licence_price


def test_atlas_figure_never_sits_on_section_5s_price():
    """X2: Atlas's round figure was kept 1,000 from the Shapley value and from Borealis's
    offer but not from section 5's price, max(v1/2, v2), where question 4's second accepted
    reply begins; it sat exactly on it for prof-15, 26, 48, 79, 88, 90 and 93 (and 144 of
    sweep-0 .. sweep-1999). Both replies passed there, but the rule's boundary was hit."""
    named = (15, 26, 48, 79, 88, 90, 93)
    for learner in [f"prof-{n}" for n in named] + [f"x2-{n}" for n in range(150)]:
        s = course.variant("03_power", learner)
        assert abs(s.atlas_figure - licence_price(s)) >= FIGURE_MARGIN, learner
