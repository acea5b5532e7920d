"""Module 02, review 86 (fixes of round 86): each test below failed on the code or text
before its fix."""

from tests.test_review85_batna import _cell, _markdown


def test_the_bluff_bullet_gives_the_conventions_reason_for_claims_and_demands_alike():
    """C1: the bluff bullet said a false claim about your limit "states no plan for Northwind
    to rely on, so custom tolerates it", while the table counts a demand you would not carry
    out, which does state a plan, as a bluff; and the Model Rule 4.1 comment's reason is
    convention, not the absence of a plan. The bullet now gives that reason for both, as
    modules 00 and 03 do (statements about acceptable terms are not taken as facts)."""
    honest = _cell("honest-teaching")
    # review 90 U1: the bullets are one paragraph under the table now
    bluff = honest[
        honest.index("A legitimate demand is a **warning**") : honest.index("Declining to name")
    ]
    assert "states no plan" not in honest
    assert (  # review 87 C1: the custom covers the claim only; a false demand is riskier
        "Bargaining custom does not ordinarily take a claim about the least you would accept "
        "as a statement of fact, so it tolerates that bluff;"
    ) in bluff
    assert "or a demand you would not carry out" in honest  # the table's row it agrees with


def test_section_6_states_the_labelling_test_once_below_its_bullets():
    """U1: section 6 gave the labelling test in its table, its bullets and again in a long
    paragraph (judged "by what it says, not by what Northwind may hear in it (that is a cost
    of making it)", with the custom repeated). The paragraph is now two short sentences,
    one test for claims and one for facts, and the module is shorter."""
    from tests.test_review69_batna import _release_markdown_words

    honest = _cell("honest-teaching")
    assert "what Northwind may hear" not in honest and "not made honest" not in honest
    assert (
        'by what it says: with a reservation price of 97,000, "90,000 would not be enough for '
        'me" is true. Judge a statement of fact by what it makes Northwind believe.'  # r88 U2
    ) in honest
    # the bluff sentence, this test, misrepresentation (review 90 U1: now the table's row,
    # the bullet that repeated it being cut)
    # review 92 U1: the table's legitimate row names a statement of fact's test too
    # review 96 U1: the table's test column became section 6's three rules (rule 3 says it)
    assert honest.count("statement of fact") == 3
    assert _release_markdown_words() < 7_464


def test_naming_your_last_word_costs_nothing_only_if_your_estimate_is_right():
    """C2: "(with no zone, that costs nothing)": the walk-away row fires on your estimate of
    Northwind's reservation price, and if that estimate is low, naming your reservation price
    lets Northwind pay exactly that (section 6: a side that knows it offers that and no more).
    The text now says the cost depends on the estimate, and why naming it still beats
    walking."""
    decide = _cell("decide-teaching")
    assert "with no zone, that costs nothing" not in decide
    assert (
        "If your estimate of Northwind's reservation price is right, that costs nothing; if it "
        "is too low, Northwind may pay just that, still no worse than leaving."  # review 103 C1
    ) in decide


def test_the_sentence_on_a_lower_figure_names_which_figure():
    """U2: "a lower figure invites an offer just above it, which you would refuse" left the
    figure unnamed (a lower offer? a lower reservation price?). It is now a warning's figure."""
    honest = _cell("honest-teaching")
    assert "a lower figure invites an offer just above it" not in honest
    assert (
        "a warning at a lower figure invites an offer just above that figure, which you would "
        "refuse."
    ) in honest


def test_one_attitude_to_risk_is_one_sentence_not_a_rule_and_its_apparent_exception():
    """U3: "Use one attitude to risk ... for every gamble. One attitude can avoid some risks
    and seek others" read as a rule followed at once by its contradiction. It is now one
    sentence: the one attitude holds even where it avoids some risks and seeks others."""
    risk = _cell("ev-risk")
    assert "One attitude can avoid" not in risk
    assert (
        "Price every gamble with the same attitude to risk. That "  # review 96 U4
        "attitude may still make you avoid some risks and seek others"
    ) in risk


def test_the_reflection_answer_says_plainly_why_the_offer_must_come_first():
    """U4: the model answer's point (4) began "While I would stay if the talks failed, that
    alternative is keeping me at 61,000", a knotted sentence. It now says that staying is
    today's only alternative, so the offer must be in hand before the talks."""
    answer = _cell("reflection")
    assert "that alternative is keeping me" not in answer
    assert (
        "(4) Today my only alternative is to stay at 61,000, so I want the offer in hand before "
        "the talks. With it I would really leave"
    ) in answer


def test_the_explorer_points_to_section_4_for_the_even_split_with_remote_days():
    """U5: section 4 named the even split with remote days in bold, and the explorer exercise
    named it again in bold ("That is the **even split with remote days**"). The exercise now
    points back to section 4, and the bold name appears once."""
    explorer = _cell("explorer-text")
    assert "That is the" not in explorer
    # review 92 X1: the exercise no longer names it; section 5 does, after question 5
    assert "even split with remote days" not in explorer
    assert _markdown().count("**even split with remote days**") == 1


def test_question_9_gives_known_first_the_whole_mark_and_commit_first_feedback_only(
    monkeypatch,
):
    """X2: question 9's "commit first" half mark paid again for question 2's BATNA. Known
    first now earns the whole mark; commit first is judged on a feedback line of no points,
    beside "left open". The cell's mark is unchanged, and a right answer keeps it."""
    from course.checks import batna as check
    from tests.notebooks import solution_namespace

    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    right = solution_namespace("02_batna", "batna")["batna_when"]

    def average(offers, timing, funded=None):  # right when committing first only
        return right(offers, "commit first")

    def known_only(offers, timing, funded=None):  # right when the round is known first only
        return right(offers, "known first", True if funded is None else funded)

    for hidden in (False, True):
        assert (check.batna_when(right, hidden=hidden).earned, 1) == (1, 1)
        assert check.batna_when(average, hidden=hidden).earned == 0
        credit = check.batna_when(known_only, hidden=hidden)
        assert (credit.earned, credit.possible) == (1, 1)
        outcomes = {o.check: o for o in credit.outcomes}
        assert outcomes["committed first"].points == 0
        assert not outcomes["committed first"].right
    q9 = _cell("q9-text")
    assert "Marks: known first 1, the other two feedback only." in q9
    assert "commit first 1/2" not in q9


def test_question_6_asks_for_responses_by_principles_not_a_table_to_copy(monkeypatch):
    """X1: section 5 gave question 6 as a six-row table, its order and a reason column, so
    the learner only transcribed it. Section 5 now states the rule's three cases (walk away,
    acceptable or ask for remote days, counter), mutually exclusive, with no row order or
    reason column; the function returns a response, and the reasons' half mark moved to
    the responses (cell marks unchanged). The old (response, reason) form keeps full marks
    where its responses are right, whatever its reasons; a reason, when given, is judged on
    a feedback line of no points."""
    from course.checks import batna as check
    from tests.notebooks import solution_namespace

    decide = _cell("decide-teaching")
    assert "first row that fits" not in decide and "| reason |" not in decide
    # review 93 U1: a table again, but its rows exclusive (no order) and with no reasons
    assert "| the same | below it too | **final offer**: no package works for both |" in decide
    q6 = _cell("q6-text")
    # review 102 X2: the tie is settled where the question is asked
    # review 103 X2: the even split's half mark now goes with the responses
    assert "An offer exactly at the even split with remote days reaches it" in q6  # r110 U3
    assert "paired as in section 5's table" not in q6
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    pair = solution_namespace("02_batna", "batna")["respond_to_offer"]

    def alone(*args):  # the new form: the response only
        return pair(*args)[0]

    def wrong_reasons(*args):  # the old form, right responses, every reason wrong
        response, reason = pair(*args)
        return response, "no remote days" if reason != "no remote days" else "below your BATNA"

    for hidden in (False, True):
        for answer in (pair, alone, wrong_reasons):
            credit = check.respond_to_offer(answer, hidden=hidden)
            assert (credit.earned, credit.possible) == (2, 2), answer.__name__
        outcomes = {o.check: o for o in check.respond_to_offer(wrong_reasons).outcomes}
        assert outcomes["reasons"].points == 0 and not outcomes["reasons"].right
        assert outcomes["responses"].points == 1


def test_section_5s_principles_decide_every_offer_the_check_tries(monkeypatch):
    """X1: with the table's order gone, the three cases of section 5 must not overlap and
    must decide every offer question 6's checks try. Coded from the text alone, they give
    the rule's response on every case, visible and hidden, for 40 learners (500 were tried
    by hand when the table went)."""
    from course.checks import batna as check
    from course.scenarios.batna import (
        _right_response,
        beaten_estimate_case,
        no_deal_case,
        split_edge_case,
    )

    def principles(offers, offer):
        with_remote = check.batna_value(offers) + offers.commute_cost / 2
        estimate = offers.agency_rate + offers.agency_fee
        if estimate < with_remote and offer.salary < with_remote:
            return "final offer"
        zone = estimate >= with_remote
        bar = (with_remote + estimate) / 2 if zone else with_remote
        if offer.salary >= bar:
            return "good enough to close" if offer.remote_days else "ask for remote days"
        return "counter"

    tried = 0
    for n in range(40):
        monkeypatch.setenv("LEVERAGE_LEARNER", f"p86-{n}")
        for hidden in (False, True):
            cases = check._both_kinds(hidden)
            cases.append(split_edge_case(check._first_example("Harbor Bank")))
            cases += [no_deal_case(o) for o in cases] + [beaten_estimate_case(o) for o in cases[:2]]
            for offers in cases:
                for _, offer in check.offers_tried(offers) + check._at_batna_offers(offers):
                    assert principles(offers, offer) == _right_response(offers, offer)[0]
                    tried += 1
    assert tried > 5_000
