"""Module 03, review 92 (an independent negotiation professor's review), fixed in round 92.
Each test failed on the text or code before this round."""

import pytest

import course
from course.checks import power as check
from course.scenarios.power import rig_price
from course.variants import hidden_cases_as, learner_as
from tests.notebooks import solution_namespace
from tests.test_models_power import PROSE, _section


@pytest.mark.parametrize("key", [None, "some-key"])
def test_x1_question_5s_graded_message_gives_the_learners_own_prices(key):
    """X1: at grading each right version's message read "version A: 29,000", the price of
    the last scenario judged, not the learner's own (rv92-alice's version A is 21,000).
    The message is now the learner's own version's, and the marks are unchanged."""
    solution = solution_namespace("03_power", "power")["rig_prices"]
    with learner_as("rv92-alice"), hidden_cases_as(key):
        own = course.variant("03_power", "rv92-alice")
        outcome = check.rig_prices(solution, True)
        others = check._rig_scenarios(True)[1:]
    assert outcome.earned == outcome.possible
    shown = 0
    for o in outcome.outcomes:
        letter = o.check.removeprefix("version ")
        version = next(v for v in own.rig_versions if v.letter == letter)
        mine = f"{rig_price(own, version):,.0f}"
        assert o.message.startswith(f"version {letter}: {mine}."), o.message
        last = next(v for v in others[-1].rig_versions if v.letter == letter)
        if f"{rig_price(others[-1], last):,.0f}" != mine:
            shown += 1
    assert shown  # the case the review found: the last scenario's price differs


def _flat(text):
    return " ".join(text.split())


def test_e1_each_sides_cost_of_delay_is_a_share_of_what_the_deal_brings_it():
    """E1: section 4 and story part 4 put Kestrel's cost of a month's delay in proportion to
    the contract's gain (buying in work), the same whatever the split: a fixed sum each
    round in Rubinstein's terms, not the discount factor the model applies. Section 4 now
    says when a discount factor fits, and the story makes each month's loss a share of
    Kestrel's own margin (a month of it, and the overdraft's interest on the rest). The
    model loses Kestrel (1 - delta) of its own share a month: for rv92-alice about 5,800,
    not the 16,000 that 8% of the gain would be."""
    from course.scenarios.power import table_share

    patience = _flat(_section(PROSE, "## 4. Patience as power", "### Exercise: patience"))
    assert "in proportion to the contract" not in patience
    assert (
        "A discount factor fits when a delay costs each side a share of what the deal brings "
        "*it*; a cost that is the same whatever the split is a fixed sum each round."
    ) in patience
    assert "costs a side a tenth of what the deal brings it" in patience
    s = course.variant("03_power", "rv92-alice")
    story = _flat(s.story())
    assert "a share of that gain" not in story and "fewer engineers leave" not in story
    # review 110, C1 (round 111): a fixed term from signing: delay postpones the margin
    assert "each month unsigned puts all of Kestrel's margin a month later" in story
    assert "a share of Kestrel's own margin, whatever the split" in story
    assert "Granite loses a smaller share of what the deal brings it" in story
    # what the model computes: Kestrel, answering, is offered exactly its own proposal a
    # month later discounted by delta_you, so a month's delay costs it (1 - delta_you) of
    # its own share, and Granite likewise of its own
    v, dy, dt = s.contract_value, s.delta_you, s.delta_them
    mine = table_share(s)
    own_proposal = v - dt * (v - mine)  # Kestrel proposing: Granite gets its own, discounted
    assert mine == pytest.approx(dy * own_proposal)
    assert (1 - dy) * own_proposal < (1 - dy) * v  # not a share of the whole gain
    # the loan raises delta: a lower rate on the margin waited for, still below Granite's
    assert dy < s.delta_with_loan < dt
    assert "but the rest now waits at the loan's lower rate" in story
    eight = _flat(_section(PROSE, "### Question 8", "def best_lever"))
    assert "fewer engineers leave" not in eight
    assert "so waiting for its margin costs Kestrel less" in eight


def test_e1_every_licence_offer_is_priced_per_remaining_month():
    """E1, the licence: a lump sum paid on a fixed date makes a day's delay cost only the
    buyer, and 'the same small share of what the licence is worth' read as equal fixed
    costs. Every offer, Atlas's included, is now priced per remaining month, so a day costs
    each side the same share of what it gets; section 5 says so in place."""
    story = _flat(course.variant("03_power", "rv92-alice").story())
    assert "every offer, Atlas's included, is a total in proportion to the months left" in story
    assert "the same small share of what each gets" in story  # review 99, U2: shorter
    assert "the same small share of what the licence is worth" not in story
    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 4"))
    assert "share of the licence's worth (a day unsigned" not in five
    assert (
        "the same share of what each gets (every price is in proportion to the months left" in five
    )


def test_u1_the_predicted_price_is_where_the_talks_end_not_a_floor():
    """U1: "It is what a side gets even if the other side refuses every unit more" read as a
    guaranteed floor. It is the equilibrium outcome: a responder who refuses and proposes a
    round later gets, discounted, exactly what it was offered."""
    from course.models.power import bargaining_split

    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 5"))  # review 102, X1
    assert "refuses every unit more" not in five
    # review 93, U1: what the price is, then why asking more costs, in that order; review 97,
    # U1 (round 98): the two sentences now open and follow the rule set apart before question 4
    said = five.index("It is where the model says the talks end, not the most a side may ask for.")
    assert said < five.index(
        # review 98 C1: the second clause became "go no lower" than section 5's price
        # review 110, C3 (round 111): the yardstick too, which rests on normative leverage
        "By section 5's model, any ask above section 5's price costs a round and comes back to it"
    )
    for dp, dr in [(0.99, 0.99), (0.9, 0.97), (0.92, 0.96)]:
        offered = bargaining_split(dp, dr)[1]
        asked_later = bargaining_split(dr, dp)[0]  # its own proposal a round later
        assert float(offered) == pytest.approx(dr * float(asked_later))


def test_u2_section_5_names_harrows_work_as_kestrels_batna():
    """U2: section 5 recaps module 02's section 7 but never used the course's word BATNA;
    it now says Harrow's work is Kestrel's BATNA and how it counts depends on how Kestrel
    reaches it, and the take-away says the same."""
    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 4"))
    assert (
        "We recap and extend module 02's section 7. Harrow's work is Kestrel's BATNA in the "
        "Granite talks; how it counts depends on how Kestrel reaches it."
    ) in five
    assert five.index("Kestrel's BATNA") < five.index("An **outside option** is")
    assert "- Ask how you would reach your BATNA." in PROSE
