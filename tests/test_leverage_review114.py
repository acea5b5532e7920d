"""Review 114 of module 00 (fixed in round 114): E1 with U7, E2, E3, E4, C2, C3 with U3,
and X5. Each test fails on the text or code before its fix."""

from course.models.audit import ANSWERED_BY, signed
from course.models.batna import nash_split
from course.scenarios.leverage import _FACTS, CASES, Fact
from course.widgets.audit import LeverageAudit
from tests.test_leverage_review88 import _widget_run
from tests.test_leverage_review101 import _cell
from tests.test_widgets_audit import text


def test_e1_the_bluff_rule_is_named_as_lawyers_and_the_general_law_is_named_too():
    """Review 114 E1 (and U7): section 6 said "the rules most US states adopt for lawyers"
    tolerate a bluff (every state's rules now follow the Model Rules), that the comment
    shelters "only" claims about a limit or a value (it also names an undisclosed
    principal), and never named the law that binds a negotiator who is not a lawyer; the
    take-away then rested "tolerated by convention" on that conduct rule alone. The text now
    names the rule as lawyers', drops "only", names the law of deceit with the
    Restatement (Second) of Torts (not "misrepresentation", which section 6 defines later), and the take-away says "by convention and in law"."""
    ethics = _cell("ethics-teaching")
    assert "rules most US states adopt" not in ethics and "shelters only" not in ethics
    assert "Lawyers' conduct rules in the US tolerate it" in ethics
    assert (
        # review 115 E1: a stated limit is a statement of intention, and a false one can be
        # fraud (§530); the law treats only a stated value as opinion
        "Others answer to the law of deceit: it usually treats a stated value as opinion "
        "(Restatement (Second) of Torts §§538A, 542), but a false stated intention can be "
        "fraud (§530)." in ethics
    )
    assert "does not list such plans among the statements it shelters" in ethics
    summary = _cell("summary")
    # review 115 E1: the law does not tolerate it as a rule (§530); convention does
    assert "stating a false one is usually tolerated by convention, though contested" in summary


def test_e2_the_half_share_names_its_condition():
    """Review 114 E2: "half of any gain in what you would get goes to your share" holds only
    for sides that bargain equally well (module 02's split with equal weights); it was stated
    unconditionally. The bullet now names the condition; module 02's split with unequal
    weights shows why it is needed."""
    bullet = _cell("audit-limits").split("It counts every alternative alike")[1]
    bullet = bullet.split("It overrates an option")[0]
    assert "(module 02). That half assumes equally strong bargainers." in bullet
    even = nash_split(100, 30, 40)[0] - nash_split(100, 20, 40)[0]
    uneven = nash_split(100, 30, 40, weight_a=0.7)[0] - nash_split(100, 20, 40, weight_a=0.7)[0]
    assert abs(even - 5) < 1e-9 and abs(uneven - 5) > 0.5


def test_e3_the_advice_names_two_of_emersons_four_balancing_operations():
    """Review 114 E3: the widget's advice gave its two levers as "Emerson's account", though
    Emerson (1962) names four balancing operations (withdrawal, network extension, status
    and coalitions). It now says the levers are two of his four, and the power lever's
    reason names needing what they control less (withdrawal) in a clause."""
    words = text(LeverageAudit("sole-source").advice.value)
    assert "in Emerson's account" not in words
    # review 115: the advice names three of the moves (alternatives, power, wanting less)
    assert "by Emerson's balancing moves: your alternatives or your power" in words
    assert "wanting less of what they control" in ANSWERED_BY["power"][1]
    assert "wanting less of what they control" in words


def test_e4_the_closing_notes_cite_binmore_rubinstein_and_wolinsky():
    """Review 114 E4: the outside-option principle is usually credited to Binmore,
    Rubinstein and Wolinsky (1986), which the syllabus names and module 00 never cited; the
    closing note now cites it beside Shaked and Sutton and BSS (1989)."""
    summary = _cell("summary")
    assert (
        "named by Binmore, Shaked and Sutton (1989). See also Binmore, Rubinstein and Wolinsky "
        "(1986)." in summary
    )


def test_c2_private_information_guides_your_plans_and_moves_them_once_shown():
    """Review 114 C2: section 2 rates what they do not expect you to know higher, while
    section 3 said such information "moves them less than its rating says", which read as a
    contradiction. Section 3 now says what each claim is about: information they do not know
    you hold guides your own plans, and moves them only once you show or use it."""
    limits = _cell("audit-limits")
    sources = _cell("sources-teaching")
    assert "what you work out that they do not expect you to know earns more" in sources
    assert "or information they do not know you hold, moves them less" not in limits
    assert (
        "information they do not know you hold guides your plans, moving them only once you "
        "show or use it." in limits
    )


def test_c3_u3_section_5_and_the_model_answer_give_one_reading_of_the_deadline_run():
    """Review 114 C3: section 5 said the owner could wait, as if Brannock's deadline were a
    one-way reason, while question 4c's model answer for the same run calls it two-sided
    (those weeks also end the owner's chance of this tenant). Section 5 now gives the model
    answer's reading: a short wait. U3: "waiting paid for one item" named a payoff the
    course's fixed ask cannot collect; the text now says what the peak was enough for on the
    case's ladder, checked here against the widget's run and the ladder."""
    shift = _cell("shift-teaching")
    answer = _cell("spend-judgement")
    assert "those six weeks also end my chance of this tenant" in answer
    assert "A short wait still favours me" in answer
    assert (
        "This owner could, briefly: the first item showed Brannock's deadline cannot slip "
        "(ending the owner's chance of this tenant too)" in shift
    )
    assert "Waiting paid" not in shift
    peak = max(_widget_run("deadline").values())
    (reached,) = [ask for bar, ask in CASES["deadline"].asks if bar <= peak < bar + 0.25]
    assert reached.endswith("5 months paid ahead")
    assert f"The next item was the peak (${signed(peak)}$, enough for five months ahead)" in shift


def test_x5_ostras_other_buyers_are_named_so_the_second_question_files_them():
    """Review 114 X5: "Ostra sells the same valve to more than forty other firms" is keyed
    alternatives (Ostra's), but section 2's second question asks for a *specific* other
    option, and forty unnamed firms are not one: a learner applying the test as worded could
    answer power and lose 0.4. The fact now names two of the buyers; its key is unchanged."""
    (fact,) = [f for f in _FACTS if "forty other firms" in f.text]
    assert (
        fact.text == "Ostra sells the same valve to Halden, Moro and more than forty other firms."
    )
    assert (fact._source, fact._side) == ("alternatives", "them")
    assert isinstance(fact, Fact) and fact.case == "sole-source"
    assert "is it about a *specific* other option" in _cell("sources-teaching")
