"""Module 02, review 74: a true warning asserts nothing false (X2), the side note cites the
surveys only for keeping a reservation price private (C2), section 7 names question 10's
package (C3), section 6 says why a false claim stays a bluff (C4), question 9's hint names
the commute slip (X4) and its text says the amount is net of the commute (U3). Each test
failed on the text or code before."""

import collections
import re

import course
from course.scenarios.batna import REMOTE_DAYS, reservation_of, statements_of
from course.variants import learner_as
from tests.sweeps import cell_text

LEARNERS = tuple(f"learner-{n}" for n in range(200))

#: The demand's wordings: a condition on salaries below its figure, nothing about the rest.
_DEMAND = re.compile(
    r"(With two remote days a week|For the job as offered, with no remote days): "
    r"if (?:the salary is below|Northwind offers less than) ([\d,]+), I will "
    r"(take Harbor Bank's offer|join Lumen|stay freelance)\."
)


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def test_every_demand_keyed_warning_names_only_salaries_the_learner_would_refuse():
    """X2: "unless Northwind can pay at least 109,800, I will join Lumen" with a reservation
    price of 111,500 says that at 109,800 or more you would not join Lumen, false at
    110,000, yet it was keyed "warning" only (22 of 40 true warnings used "unless"). Every
    demand now speaks only of salaries below its figure; one keyed "warning" has its figure
    at least 500 below the reservation price of the package it names, so every salary it
    speaks of is one the learner would refuse, and nothing it says is false. On 200 drawn
    learners, with both labels drawn often and both wordings used."""
    seen, wordings = collections.Counter(), collections.Counter()
    for learner in LEARNERS:
        offers = course.variant("02_batna", learner)
        for s in statements_of(offers):
            assert "unless" not in s.text and "at least" not in s.text, s.text
            if s._kind != "warning":
                continue
            m = _DEMAND.fullmatch(s.text)
            assert m, s.text
            figure = float(m[2].replace(",", ""))
            remote = m[1].startswith("With two")
            reservation = reservation_of(offers, REMOTE_DAYS if remote else 0)
            assert figure == s._stated and reservation == s._actual
            if s._label == "legitimate":  # review 80 C3: a warning is legitimate
                assert s._also is None
                assert figure <= reservation - 500, (learner, s.text, reservation)
            else:
                assert (s._label, s._also) == ("bluff", "misrepresentation")
                assert figure >= reservation + 500, (learner, s.text, reservation)
            seen[s._label] += 1
            wordings["below" if "is below" in s.text else "less than"] += 1
    assert min(seen.values()) > 100 and len(seen) == 2, seen
    assert min(wordings.values()) > 100, wordings


def test_section_6_shows_a_warning_in_the_wording_the_statements_use():
    """X2, swept through the module: section 6's example warning was "unless you pay at least
    97,000, I will take Harbor Bank's offer", the wording that claims the figure is enough.
    It now speaks only of salaries below the figure, as the statements do."""
    text = _cell("honest-teaching")
    assert "unless" not in text and "at least 97,000" not in text
    assert (
        '"For the job as offered, with no remote days: if you offer less than 97,000, I will '
        "take Harbor Bank's offer.\"" in text
    )


def test_the_surveys_are_cited_for_keeping_a_reservation_price_private_not_for_a_bluff():
    """C2: one sentence said "Bargaining custom tolerates a bluff: the comment to ... Model Rule
    4.1 ...; in the surveys of Robinson, Lewicki and Donahue (2000) ... hiding your
    reservation price was appropriate", offering the surveys as support for a bluff, though
    module 00 says they back only keeping it to yourself. The custom now rests on the
    Model Rule's comment alone, and the surveys sit in a sentence of their own."""
    honest = _cell("honest-teaching")
    # review 94 U1: the side note is one pointer line; module 00 gives the sources
    assert "tolerates a bluff" not in honest and "Robinson" not in honest
    assert "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    leverage = " ".join(cell_text("00_leverage", "leverage", "ethics-teaching").split())
    assert "The survey backs *keeping* your reservation price to yourself" in leverage


def test_section_7_names_the_questions_on_the_package_with_two_remote_days():
    """C3: section 7 called the package with two remote days "the package of questions 8
    and 10", but question 8 inverts two formulas on abstract pies and has no package; the
    package is that of question 10 and the practice after it."""
    nash = _cell("nash-teaching")
    assert "questions 8 and 10" not in nash
    assert "$V + c/2$ with two remote days (question 10 and the practice after it)." in nash
    assert "#### Practice after question 10" in cell_text(
        "02_batna", "batna", "own-batna-needed-text"
    )


def test_section_6_says_why_a_false_limit_stays_a_bluff_and_a_false_demand_need_not():
    """C4: a false demand earns "bluff" or "misrepresentation" (module 00 puts a false
    intention on the line), a false claim about what you would accept only "bluff", and the
    text never said why. The bluff bullet now does: unlike a demand, the claim states no
    plan for Northwind to rely on. The keys agree: every claim takes one label, every demand
    above its figure's reservation price two."""
    honest = _cell("honest-teaching")
    # review 90 U1: the bullets are one paragraph under the table now
    bluff = honest[
        honest.index("A legitimate demand is a **warning**") : honest.index("Declining to name")
    ]
    # review 77 C1: "unlike a demand" contradicted the table, whose bluffs include a demand
    # you would not carry out; the bullet now names the claim it speaks of
    # review 86 C1: the reason is now the bargaining convention, for claims and demands
    assert "does not ordinarily take a claim about the least you would accept" in (
        " ".join(bluff.split())
    )
    warning = honest[
        honest.index("A legitimate demand is a **warning**") : honest.index("Declining to name")
    ]
    assert "module 00 puts such a false intention on the line" in warning
    # review 100 U2: the grading tolerance moved to question 7
    assert "this course accepts either label for a demand above" in _cell("q7-text")
    for learner in LEARNERS[:50]:
        for s in statements_of(course.variant("02_batna", learner)):
            if s._kind == "bluff":
                assert s._also is None
            if s._kind == "warning" and s._label == "bluff":
                assert s._also == "misrepresentation"


_TIMINGS = (
    ("commit first", None),
    ("known first", True),
    ("known first", False),
    ("left open", None),
)


def _hint(offers, timing, funded, value):
    from course.checks import batna as check
    from course.checks.hints import NotYet

    try:
        with learner_as(offers.learner):  # the hint names the learner's own case
            check.judge_batna_when(offers, timing, funded, value)
    except NotYet as hint:
        return str(hint)
    return None


def test_question_9s_hint_names_the_commute_when_the_answer_adds_it():
    """X4: returning the right value plus the commute, the reservation price the question's
    words point to ("the sure value your reservation price at Northwind rests on"), got "it
    is too high, and it matches no slip the check knows: reread how section 3 values a gamble
    ..." for every timing, though the gamble was valued right. The hint now says the answer
    adds the commute (or half of it, the price with two remote days) and asks for the value
    net of it, on 40 learners and every timing."""
    from course.checks.batna import batna_value_when

    named = collections.Counter()
    for learner in LEARNERS[:40]:
        offers = course.variant("02_batna", learner)
        for timing, funded in _TIMINGS:
            right = batna_value_when(offers, timing, funded)
            assert _hint(offers, timing, funded, right) is None
            for share, words in ((1, "adds the commute"), (0.5, "adds half the commute")):
                hint = _hint(offers, timing, funded, right + share * offers.commute_cost)
                assert hint and "matches no slip" not in hint, (learner, timing, hint)
                if words in hint:
                    assert "return the sure value it rests on, net of the commute" in hint
                    named[share] += 1
    assert min(named.values()) >= 150, named  # of 160: another slip may give the same amount


def test_question_9_says_the_left_open_amount_is_net_of_the_commute():
    """U3: question 9 asked for "the sure yearly salary" worth as much as walking away, but
    its box values what you have at Northwind as the salary less the commute; the question
    and the check's hints now say "the sure amount, net of the commute"."""
    q9 = _cell("q9-text")
    assert "sure yearly salary" not in q9
    assert (
        "Return the sure yearly amount, net of the commute, that, with Lumen still open beside "
        "it, is worth as much as walking away." in q9
    )
    assert "At Northwind, what you have is the salary less the commute." in q9
    from course.checks.batna import without_lumen

    offers = course.variant("02_batna", "learner-3")
    hint = _hint(offers, "left open", None, without_lumen(offers) + 1_234)
    assert "solve for the sure amount, net of the commute, worth as much as walking away" in hint
