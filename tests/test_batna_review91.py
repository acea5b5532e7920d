"""Review 91 of module 02: four one-line fixes, each with a test that fails on the text or
code before it: the summary's answer-date result names the optional box that teaches it
(U1); the ZOPA's definition says each side's own reservation price (U2); the timing table's
third row fits its column (U3); question 10's hint parses (U4)."""

from html import unescape

from course.checks import batna as check
from course.scenarios.batna import Talks
from tests.test_checks_batna import _cell


def _flat(grade_id):
    return " ".join(_cell(grade_id).split())


def test_u1_the_summarys_answer_date_result_points_to_the_optional_box():
    # review 97 U1: the summary no longer teaches a result that only section 7's optional box
    # teaches; the box still gives it (the last offer's maker takes the zone)
    assert "By a common answer date" not in _flat("summary")
    box = _flat("nash-teaching")
    box = box[box.index("<details>") : box.index("</details>")]
    assert "If Northwind makes the last offer" in box and "you can ask for up to $A$" in box


def test_u2_the_zopa_definition_names_each_sides_own_reservation_price():
    text = _flat("zopa-teaching")
    assert "will not go below its own, $s$, nor a buyer (Northwind) above its own, $b$" in text
    assert "below theirs" not in text and "above theirs" not in text


def test_u3_the_open_alternative_row_says_it_is_not_in_v_alone():
    assert (
        "| the deal leaves it open: you could still take it later | not in $V$ alone: you keep "
        "it whether you sign or walk away" in _cell("reservation-teaching")  # review 110 U6
    )


def test_u4_question_10s_hint_names_the_turns_and_the_work_in_words_that_parse():
    said = check._talks_words(Talks(False, False, True, "you", 123_600.0, 0.9))
    assert "then turns and work" not in said
    assert said.endswith(
        "with you making the first offer (you then take turns), and with work worth 123,600"
    )


def test_u5_the_zopa_explorer_says_reservation_price_in_full():
    """U5: the explorer's sliders, verdicts and range messages said "seller's reservation"
    and "buyer's reservation", and the exercise set "the seller's reservation to your
    reservation price", as if they were two things; every one now says "reservation price"."""
    from course.widgets.batna import ZopaExplorer

    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    assert explorer.seller.description == "seller's reservation price"
    assert explorer.buyer.description == "buyer's reservation price"
    for price, side in ((30, "seller's"), (80, "buyer's")):
        explorer.price.value = price
        assert f"the {side} reservation price " in unescape(explorer.verdict.value)
    explorer.seller.value, explorer.buyer.value = 70, 40
    assert "lower the seller's reservation price or raise" in unescape(explorer.verdict.value)
    explorer.seller.value = 1e9  # a value sent over the websocket, past the slider's range
    assert "the seller's reservation price must be between" in unescape(explorer.status.value)
    text = _flat("explorer-text")
    assert "Set the seller's reservation price to yours" in text
    assert "reservation by" not in text and "reservation back" not in text


def test_x1_question_5_leaves_the_package_to_the_learner_and_its_hint_says_why(monkeypatch):
    """X1: question 5 said "Apply section 4's band to the job with two remote days", its
    first lines and its function's docstring named that package, and section 4 said
    "question 5 applies the band to the zone with two remote days": the learner only coded
    the band. Now the learner decides the package from the scenario's costs; the check is
    unchanged, and its hint for a target built on the job as offered gives the reason."""
    import course
    from course.checks.hints import NotYet
    from course.scenarios.batna import northwind_reservation, reservation_of

    q5 = _flat("q5-text")
    assert "Apply section 4's band" not in q5
    assert "remote days" not in q5 and "remote days" not in _flat("target-salary-answer")
    assert "First decide which package to apply section 4's band to" in q5
    zopa = _flat("zopa-teaching")
    assert "question 5 applies the band" not in zopa
    # review 92 X1 named it in section 5; review 102 U5 moved it back before question 5
    assert "Call the middle of that zone" in zopa
    assert "half the commute lower. Call the middle of that zone the **even split" in zopa
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv91-x1-0")  # one of them is the learner's own case
    told = 0
    for n in range(40):
        offers = course.variant("02_batna", f"rv91-x1-{n}")
        if reservation_of(offers) >= northwind_reservation(offers):
            continue  # the job as offered has no zone: no such slip to make
        slip = check._target_without_remote_days(offers)
        try:
            check.judge_target(offers, slip)
        except NotYet as hint:
            said = " ".join(str(hint).split())
            assert "remote days cost Northwind nothing and halve your commute" in said, said
            told += 1
    assert told >= 10, told


def test_section_6_quotes_module_00s_legitimate_as_leaving_no_false_impression():
    """Module 00 now calls a statement legitimate when it is true, about leverage the side
    really holds, and leaves no false impression; section 6 quoted it as "a true statement
    that plants no false fact". The quotation, section 6's table and the hints and feedback
    that repeat its test now use module 00's words."""
    import pytest

    import course
    from course.checks.hints import NotYet
    from course.scenarios.batna import statements_of

    honest = _flat("honest-teaching")
    # review 96 U1: the quotation is section 6's rule 1, which holds the table's old test
    assert "in module 00's terms" in honest
    assert (
        "A true statement that leaves no false impression in your favour that Northwind would "
        "rely on: **legitimate**, with or without a demand." in honest
    )
    assert "plants no false fact" not in honest
    for statement in statements_of(course.variant("02_batna", "ada")) + check._practice_said():
        assert "plants no false fact" not in statement._why, statement
    true = [s for s in check._practice_said() if s._label == check.LEGITIMATE]
    assert true
    for statement in true:
        for label in ("honest", "bluff"):
            with pytest.raises(NotYet) as hint:
                check.judge_statement(statement, {statement.letter: label})
            said = " ".join(str(hint.value).split())
            assert "plants no false fact" not in said, said
    fact = check._practice_said()[-1]
    with pytest.raises(NotYet) as hint:
        check.judge_statement(fact, {fact.letter: "bluff"})
    assert "leaves no false impression Northwind would rely on" in str(hint.value)
