"""Review 94 of module 02: what the fresh reader found, and what the notebook says now. Each
test fails on the text or code before the fix."""

import course
from course.models.batna import flatten
from course.scenarios.batna import alternatives_of, batna_of
from course.widgets.batna import BatnaBuilder


def test_c1_the_builder_floor_is_for_its_terms_and_section_5_lowers_it_for_cheaper_terms():
    """Review 94 C1: learner rv2 types the full commute (step 2) and the builder said flatly
    "accept no offer below 110,000", while section 5 takes a last-word offer of 108,000 with
    two remote days (its package's floor is 106,500). The builder's floor is now for the terms
    it was given, and says that terms costing you less lower it."""
    offers = course.variant("02_batna", "rv2")
    builder = BatnaBuilder({name: flatten(tree) for name, tree in alternatives_of(offers).items()})
    builder.deal_cost.value = str(offers.commute_cost)
    floor = batna_of(offers)[1] + offers.commute_cost
    assert floor == 110_000  # the reviewer's case
    two_days_floor = batna_of(offers)[1] + offers.commute_cost / 2
    assert two_days_floor < 108_000 < floor  # section 5 takes 108,000 with two remote days
    said = builder.result.value
    assert "Reservation price:</b> 110,000" in said
    assert "accept no offer below 110,000" not in said
    assert "accept no offer on these terms below 110,000" in said
    assert "terms that lower what the deal costs you lower it; section 5" in said
