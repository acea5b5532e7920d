"""Module 01, reviews 79 (fixed in round 80) and 80 (round 81): text and checks. Each test
failed on the code or text before its round."""

from course.variants import variant
from tests.test_checks_information import cell_words


def test_question_6_says_each_situation_is_a_separate_what_if():
    """X2: a learner's list drew "never haggles over it" beside "came back with a proposal
    of its own", and "cash for months" beside "the bank calls in your overdraft by
    Friday", and nothing said to read them apart (Question 9 says "take each item on its
    own"; Question 6 said nothing). The text now says each is a separate what-if."""
    # review 93 U1: said in three words
    assert "an assumption may fail in one of them, or in none. Read each alone." in cell_words(
        "q6-text"
    )


def test_the_reason_not_to_open_below_the_models_price_is_that_the_opening_caps_the_deal():
    """E1: Question 6's rule, its counter-offer feedback and the check's hint said a buyer who
    would pay the model's price "accepts a lower opening on the spot"; where a refusal brings
    a counter-offer, buyers usually counter even an acceptable opening. The reason they now
    give is the one that holds: no haggle ends above your opening, so a lower one gives away
    what your last word would have kept."""
    import inspect

    from course.checks import information as check_module
    from course.scenarios import information as scenario

    six = cell_words("q6-text")
    counter = next(s for s in scenario._SITUATIONS if s.key == "counter-offer")
    hint = " ".join(inspect.getsource(check_module).split())
    for words in (six, " ".join(counter._why_action.split()), hint):
        assert "on the spot" not in words
    # review 93 U1: convention 1 keeps the reason, not its gloss
    assert "plus a floor, the model's price, because no haggle ends above your opening." in six
    assert "no haggle ends above your opening" in counter._why_action
    assert "no haggle ends above its opening" in hint


def test_question_5b_says_holding_is_free_and_the_cap_at_five_is_a_convention():
    """E2: Question 5b said "a longer run is more likely a buyer holding on purpose, so it
    stops at five", reasoning the model (which has no strategic holds) does not make. C3:
    a rule "once Osprey has held that many times, re-price" heard alone says firmness moves
    you. The text now says the model reads every hold as honest, that holding costs Osprey
    nothing and a buyer who knows the rule can simply hold, and that the cap at five is the
    course's convention."""
    words = cell_words("q5b-text")
    assert "a longer run is more likely a buyer holding on purpose" not in words
    assert "The model reads every hold as honest. A hold costs Osprey nothing" in words
    # review 88 U1: "a buyer who knows you re-price after holds can simply hold" was cut;
    # the count is still "a floor, never a trigger" (review 114 U5: now in plain words)
    assert "but do not lower on holds alone" in words
    assert "The course stops counting at five (a convention)" in words


def _q5b_pass_message(monkeypatch, capsys, learner=None):
    """What Question 5b's check prints when the reference answer passes, for ``learner``
    (by default the first of learner-000 to learner-039 whose count is not None), its
    white space evened out."""
    from tests.test_checks_information import as_learner, check, reference

    if learner is None:
        learner = next(
            sale.learner
            for sale in (variant("01_information", f"learner-{n:03d}") for n in range(40))
            if reference.holds_before_moving(sale, reference.posterior_after_opening(sale))
        )
    as_learner(monkeypatch, learner)
    check.holds_before_moving(lambda s, a: reference.holds_before_moving(s, a))
    return " ".join(capsys.readouterr().out.split())


def test_question_5b_pass_message_says_holds_never_move_a_named_price(monkeypatch, capsys):
    """C3: the pass message told a learner with a count to "re-price" once Osprey had held
    that many times, and nothing more: heard alone, firmness moves you. It now adds that
    holding costs Osprey nothing and that holds never move a price once named."""
    said = _q5b_pass_message(monkeypatch, capsys)
    assert "then re-price" in said
    assert "A hold costs Osprey nothing" in said
    # review 90 U3: the pass message is the verdict and one reason; the text says this
    assert "Once you have named your final price, holds are no reason to move it" in cell_words(
        "q5b-text"
    )


def test_question_6_says_where_its_opening_and_target_leave_modules_02_and_04():
    """C1: Question 6 aims at `sure` even past module 02's band top, while module 02 keeps
    the top's quarter of the zone as room to concede; the text now says why that room is not
    needed below a price every buyer you still believe in pays. C2: Question 6 lets an
    opening go one step past the highest reservation price still possible, while module 04
    opens "never beyond a point you can justify"; the text no longer passes the step off as
    grounded: it rests on no fact and is room to concede (the check keeps it: review 70 X1
    found learners whose last word was already that highest price)."""
    six = cell_words("q6-text")
    # review 88 X1: the band is advice, so the exception's reason went with it
    assert (
        "where `sure` is above the three-quarter point, from `sure` to three quarters" in six
    )  # review 100 X2
    # review 80 C2: the step is no longer offered at all (test below)
    assert "The step above it is room for the counter-offer" not in six


def test_section_5_cites_question_6_for_the_target():
    """U3: section 5 sent the reader to "section 3" for the target, which section 3 never
    defines (Question 6 does); it now cites Question 6."""
    anchor = cell_words("anchor-teaching")
    assert "its own target (section 3;" not in anchor
    assert "its own target (Question 6 defines it;" in anchor


def test_question_5_names_no_list_of_worked_cases_and_a_failure_names_the_case(monkeypatch):
    """U1: Question 5 listed the five worked cases its check tries, audit trail the check
    already gives: a failure names the case. The list is cut, and a failure still names it."""
    from course.checks import information as check_module

    five = cell_words("q5-text")
    assert "worked-case-13" not in five and "worked-case-36" not in five
    # review 88 U1: "a failure names the case" was cut (the check still names it)

    def always_sixty(sale, after, reading):
        return 60_000.0, 60_000.0, 60_000.0, 60_000.0

    import pytest

    from course.checks.hints import NotYet

    with pytest.raises(NotYet, match="for learner worked-case-"):
        check_module._price_after(*_answers(check_module, always_sixty))


def _answers(check_module, answer):
    """(answers, readings) as ``check.my_price`` builds them, for the worked cases only."""
    from course.variants import variant

    sales = [variant("01_information", learner) for learner in check_module.WORKED_CASES]
    after = {s.learner: check_module.reference.posterior_after_opening(s) for s in sales}
    readings = {s.learner: check_module.reference.given_reading(s) for s in sales}

    def answers():
        for sale in sales:
            yield (
                sale,
                after[sale.learner],
                answer(sale, after[sale.learner], readings[sale.learner]),
            )

    return answers, readings


# Review 80 (fixed in round 81)


def test_calling_an_opening_fair_you_do_not_believe_is_never_legitimate(monkeypatch):
    """C1: section 6 defines "legitimate" as nothing untrue said, yet Question 9 accepted
    "legitimate" for `fair-price`, which the move itself calls untrue (you think the price
    well above the machine's value). It now accepts "bluff" (custom tolerates sales talk:
    ABA Rule 4.1, comment [2]) and "misrepresentation" (a stated opinion you do not hold
    misstates the state of your mind, a fact: Edgington), never "legitimate"; the text says
    so where it defines the kinds and where Question 9 lists the lines."""
    from tests.test_checks_information import as_learner, own_labels, parts, reference

    move = next(m for m in reference._TACTICS if m.key == "fair-price")
    assert move._label == "bluff" and move._also == ("misrepresentation",)
    # review 81 E1: the opinion case is Smith v Land and House Property Corp, not Edgington
    assert "Smith v Land" in move._why and "either reading is accepted" in move._why
    sale = as_learner(
        monkeypatch,
        next(
            f"learner-{n}"
            for n in range(300)
            if "fair-price" in variant("01_information", f"learner-{n}").tactics
        ),
    )
    right = reference.fair_play(sale)
    for label in ("bluff", "misrepresentation"):
        assert own_labels(lambda s, w=label: {**right, "fair-price": w}).earned == 2, label
    earned, message = parts(own_labels(lambda s: {**right, "fair-price": "legitimate"}))[
        "fair and foul means"
    ]
    assert earned == 0 and "ask whether anything untrue is said" in message.lower()
    guard = cell_words("guard-teaching")
    assert "nothing untrue is said" in guard
    assert 'accepts `"legitimate"` for it' not in guard
    # review 102 C3 (round 102): puffery's standing in law is said, then the course's rule
    assert 'this course goes by whether it is true, and it is not, so never `"legitimate"`' in (
        guard
    )
    # review 86 U1: the side note is cut; review 88 U1: the reason in law is in section 6's
    # "In law" box, which question 9 points to
    assert "or an opinion from the side that knows more, can count as a statement of fact" in (
        guard
    )
    assert '"In law" box' in cell_words("q9-text")
    # review 89 (module 00's C2): the opinion is of the machine's value, from the side that
    # knows more
    # review 91 U3: the two-label cases are a list
    assert (
        "an opinion of the machine's value you do not hold, voiced by you as the side that "
        "knows the machine better" in cell_words("q9-text")
    )


def test_question_6_opens_at_most_at_the_highest_price_still_possible():
    """C2: convention 1 let a haggle's opening go one step past the highest reservation price
    still possible, a step it said rests on no fact, while module 04 (and CONTENT idea 6)
    open only as far as a fact you can name. The text, the situations' reasons and the
    check's hints now cap the opening at that price, which is such a fact, and name no step;
    the model answers (the notebook's and the reference's) never open past it. The check
    accepted the step, which the old text offered, until review 93 X1 took it out."""
    from course.checks import information as check_module
    from course.scenarios import information as scenario
    from tests.notebooks import solutions

    six = cell_words("q6-text")
    assert "rests on no fact" not in six
    # review 91 U1: the mark's exact bound, one step above that price, is stated; the stricter advice before it (review 85 C1) is gone
    # review 93 X1: the mark's bound is that price itself
    assert "up to the highest reservation price still possible" in six
    assert "one step above" not in six
    hagglers = [
        item
        for item in (*scenario._SITUATIONS, *scenario._PRACTICE_SITUATIONS)
        if item.key in ("counter-offer", "board-rounds", "practice-come-back")
    ]
    for item in hagglers:
        why = " ".join(item._why_action.split())
        assert "only as far as a fact you can name takes you" in why and "one step" not in why
    sale = variant("01_information", "learner-003")
    after = scenario.posterior_after_opening(sale)
    top, step = scenario.ceiling(sale, after), sale.reservations[1] - sale.reservations[0]
    hints = check_module._opening_notes([top + step], sale, after)
    hints += check_module._price_notes([top + 1_000], sale, after)
    # review 91 U1: the hint names the mark's exact bound; review 93 X1: that price itself
    assert "the step is room" not in hints
    assert f"({check_module._euros(top)}) rests on no buyer" in hints
    assert "accepts openings up to that price" in hints and "one step" not in hints
    assert "rests on no buyer you still believe in" in hints
    namespace = {}
    exec(solutions("01_information", "information")["model-limits-answer"], namespace)
    for n in range(120):
        sale = variant("01_information", f"sweep-{n}")
        if not {"counter-offer", "board-rounds"} & set(sale.situations):
            continue
        after = scenario.posterior_after_opening(sale)
        top = scenario.ceiling(sale, after)
        for answers in (namespace["model_limits"](sale, after), scenario.model_limits(sale, after)):
            for key in ("counter-offer", "board-rounds"):
                if key in sale.situations:
                    assert answers[key][1][0] <= top + 0.005, (sale.learner, key)


def test_question_5b_presents_the_count_as_a_floor_not_a_rule(monkeypatch, capsys):
    """C3: Question 5b said "Use the count as your rule at the table: until Osprey has held
    that many times, name `now`; once it has, re-price", a rule that rewards stonewalling,
    since a hold costs nothing (CONTENT idea 7: never rush a concession). The text and the
    pass message now present the count as what honest holds would be worth and, since a
    hold costs nothing to fake, an upper bound on how far holds should move you. What is
    graded is unchanged."""
    words = cell_words("q5b-text")
    assert "Use the count as your rule at the table" not in words
    # review 82 E1/U5: the count is the fewest holds that could justify a lower price
    # review 114 U5: "a floor, never a trigger" is said in plain words
    assert "but do not lower on holds alone" in words
    said = _q5b_pass_message(monkeypatch, capsys)
    assert "At the table: keep to your price" not in said
    assert "Were every hold honest, you would keep to your price until Osprey had held" in said
    # review 114 U5: "a floor" is now "were every hold honest"
    assert "the count is the fewest holds that could justify a lower price, were every" in said


def test_a_hold_far_from_the_reservation_price_is_the_model_s_chance_not_a_test(
    monkeypatch, capsys
):
    """C4: the updater's exercise and Question 5b's pass message said a buyer far from its
    reservation price holds "to test you", a motive the model lacks: its hold is mechanical,
    with chance 20% × last offer / r, and Question 5b says the model reads every hold as
    honest. Both now give the model's chance."""
    pace = cell_words("pace-teaching")
    assert "to test you" not in pace
    assert "a buyer far from it also holds now and then" in pace  # review 88 U1: shortened
    said = _q5b_pass_message(monkeypatch, capsys)
    assert "to test you" not in said
    # review 90 U3: the model's chance of a hold is left to the text and the updater


def test_the_chance_of_a_run_of_holds_is_never_overstated(monkeypatch, capsys):
    """X3: Question 5b's pass message gave the run's largest chance as "at most 1 in
    round(1 / run)", which rounds up for learner-1 (1 / 31.99 read "at most 1 in 32", a
    chance below the true one). It now rounds down, so "at most" holds."""
    import re

    from tests.test_checks_information import reference

    tried = 0
    for n in range(60):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        count = reference.holds_before_moving(sale, after)
        if count is None:
            continue
        hold = reference.hold_likelihood(after, sale.opening_offer)
        run = max(hold[r] for r, chance in after.items() if chance > 0) ** count
        if round(1 / run) == int(1 / run):
            continue
        said = _q5b_pass_message(monkeypatch, capsys, sale.learner)
        (told,) = re.findall(r"a chance of at most 1 in ([\d,]+)", said)
        assert 1 / int(told.replace(",", "")) >= run, (sale.learner, told, 1 / run)
        tried += 1
        if tried == 3:
            break
    assert tried == 3


def test_the_updater_exercise_names_the_button_that_adds_an_offer():
    """U4: the exercise said "type the offer in the box" and never named the button that
    reads it, **add this offer**; every button it names in bold is now one the updater has."""
    import re

    from course.widgets.information import BeliefUpdater

    pace = cell_words("pace-teaching")
    exercise = pace[pace.index("### Exercise: the belief updater") :]
    assert "type the offer in the box and press **add this offer**" in exercise
    updater = BeliefUpdater()
    buttons = {
        getattr(updater, name).description
        for name in ("next_button", "offer_button", "reset_button")
    }
    named = set(re.findall(r"\*\*([a-z ]+)\*\*", exercise))
    assert named == buttons, named ^ buttons


def test_no_prose_line_of_the_source_is_longer_than_90_characters():
    """U5: prose lines of the Markdown ran past 90 characters (sections 3, 5, 6 and others);
    every one now keeps to 90 after its '# ' (tables and display maths aside), and the
    rewrapping split no inline formula (each such line has whole $...$ pairs)."""
    from pathlib import Path

    import jupytext

    source = Path(__file__).parents[1] / "source" / "01_information" / "information.py"
    long, split = [], []
    for cell in jupytext.read(source).cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            if line.startswith(("|", "$$")):
                continue
            if len(line) > 90:
                long.append(line[:40])
            if line.count("$") % 2:
                split.append(line[:40])
    assert not long, long
    assert not split, split


def test_question_6_says_whose_opening_it_means():
    """U2: "opening" meant two things in Question 6, Osprey's opening and the first number
    of your own haggle plan, often as "the opening". Module 04 calls your first number your
    opening, so the word stays (one word for one idea); Question 6 now says whose it is
    each time: "your opening" or "Osprey's opening" (the staged-opening note and the
    assumptions' list, which quote the model's words, aside)."""
    import re

    six = cell_words("q6-text")
    # review 102: U2 cut "in a haggle" (section 3's glossary says it); still "your"
    # review 108 C1 (round 109): five prices, the re-priced one named
    assert (
        # session 111: "to those you have met" cut to pay for convention 2's figures
        "adds five prices (section 3's glossary lists them all): your **opening**" in six
    )
    assert "1. **Your opening**" in six
    # review 88 U1: the staged-opening box became one paragraph
    start = six.index("For `staged-opening`:")
    # review 108 X5 (round 109): "One mark for the assumptions ..." cut; the box follows
    rest = six[:start] + six[six.index("<details>", start) :]
    rest = re.sub(r"- `\"honest-opening\"`: [^;]*;", "", rest)
    assert "the opening" not in rest.replace("`", ""), rest
    for clause in (
        # review 100 U1 (round 101): `now` alone says it, with no "opening" to misread
        "the model's price (Question 5's `now`)",
        "above your cost and Osprey's opening",  # review 83 U1: "accepting ... best" cut
    ):
        assert clause in six, clause
