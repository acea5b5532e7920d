"""Module 02, review 87 (fixes of round 87): each test below failed on the code or text
before its fix."""

from tests.test_checks_batna import _markdown_words
from tests.test_review85_batna import _cell


def test_the_bluff_bullet_gives_customs_leeway_to_claims_not_to_false_demands():
    """C1: the bluff bullet said custom does not take "a demand" as a statement of fact, four
    lines after the warning bullet put a false demand on the line between a bluff and a
    misrepresentation (as module 00 does). The bullet now gives the leeway to a claim about
    the least you would accept only, and calls a demand you would not carry out riskier."""
    honest = _cell("honest-teaching")
    # review 90 U1: the bullets are one paragraph under the table now
    bluff = honest[
        honest.index("A legitimate demand is a **warning**") : honest.index("Declining to name")
    ]
    assert "or a demand," not in bluff
    assert "a claim about the least you would accept as a statement of fact" in bluff
    assert "a demand you would not carry out is riskier." in bluff  # r90 U1: no bullet to see
    warning = honest[
        honest.index("A legitimate demand is a **warning**") : honest.index("Declining to name")
    ]
    assert "on the line between a bluff and a misrepresentation" in warning


def test_the_intro_says_judge_an_offer_acceptable_as_section_5_and_question_6_do():
    """C3: the intro listed "accept it" among what to do with an offer, while section 5 and
    question 6 judge an offer acceptable (good enough to take, not one you must take at
    once). The intro now says "judge it acceptable"."""
    intro = _cell("intro")
    assert "accept it," not in intro
    # review 108 C2: renamed "good enough to close" everywhere
    # review 112 C3: section 5's top row decides one thing, and the intro names it
    assert "decide what to do with an offer: close it, counter it," in intro
    assert "good enough to close" in _cell("q6-text")


def test_the_remote_days_news_is_replaced_by_news_about_what_the_job_costs():
    """C2: "Northwind agrees to two remote days" was scored "revise it", yet sections 4 and 5
    give each set of terms its own reservation price: nothing moved the old one. Round 88
    added that you switch to the job-with-remote-days price; review 97 X1 found "hold it"
    still defensible (the package changed, priced in advance), so the item is replaced by
    news that changes what the job itself costs you: a dearer commute, "revise it"."""
    from course.scenarios.batna import NEWS, judge_news

    assert not any("two remote days" in text for text, _, _ in NEWS)
    index = next(i for i, (text, _, _) in enumerate(NEWS) if "further from your home" in text)
    right, said = judge_news(index, "revise it")
    assert right and "a dearer commute raises the least salary worth accepting" in said
    assert not judge_news(index, "hold it")[0]
    assert "package" not in said


def test_round_87_fixes_are_paid_for_by_cuts():
    """The three fixes added about 13 words (8 in the notebook, 5 in the news feedback); a
    repeat in section 1 (the sure 90,000 against the gamble) and the pay band's careers page,
    which the scenario already names, were cut: 7,788 notebook words before, 7,781 after."""
    assert _markdown_words() <= 7_781
