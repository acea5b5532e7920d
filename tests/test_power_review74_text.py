"""Module 03, review 74: Atlas's round figure (X1), the bridges to module 02 on threats and
on when to mention an alternative (C1, C2), and question 2's and question 7's wording (U2,
U3). Each test failed on the code or text before this round."""

import course
from course.scenarios.power import kestrel_shapley


def _flat(text):
    return " ".join(text.split())


def test_the_story_says_what_holds_of_atlas_figure_for_every_learner():
    """X1: the story quoted Atlas's round figure as "about Kestrel's Shapley value", yet on
    200 learners it was up to 28% below the value and 17% above it (two steps of 5,000 away
    where the nearer multiples sit on a rule's boundary). The story now says what is true
    for every learner, and the figures themselves are unchanged (no answer moves)."""
    claim = (
        "and calls it Kestrel's Shapley value; it is a multiple of 5,000 within 10,000 of "
        "that value, above or below."
    )
    sides = set()
    for n in range(200):
        s = course.variant("03_power", f"x1-{n}")
        story = _flat(s.story())
        assert "about Kestrel's Shapley value" not in story, s.learner
        assert f"{s.atlas_figure:,.0f}, {claim}" in story, s.learner
        gap = s.atlas_figure - float(kestrel_shapley(s))
        assert s.atlas_figure % 5_000 == 0 and 1_000 <= abs(gap) <= 10_000, s.learner
        sides.add(gap > 0)
    assert sides == {True, False}  # "above or below": both occur
    # the figures named in earlier rounds' pins stay as they were
    rv_02 = course.variant("03_power", "rev03-m52")
    assert (rv_02.atlas_figure, round(float(kestrel_shapley(rv_02)))) == (30_000, 39_667)
