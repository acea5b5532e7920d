"""Module 02's variants swept by the thousand (issue 15): every drawn learner gets a fair
question, and every right answer passes.

The invariants are written here again, from the story and from first principles, not read
from ``course.scenarios.batna.INVARIANTS``: a sweep that only re-ran the generator's own
tests could not catch a mistake in them. Each question is then answered for every swept
learner by the course's reference solution and by two formulations written independently
of it, and the check's judge must find each right on the learner's own cases (a visible
check's cases: the own scenario, an example of the other kind, and for question 5 the
same cases with a cheaper agency; for question 7, the learner's own hidden cases). The
checks themselves, as a notebook calls them, run on a sample of the learners, and the
hidden checks' fixed learners once per formulation.
"""

import collections
import functools
import io
import math
import re
from contextlib import redirect_stdout
from dataclasses import replace

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import (
    expected_value,
    nash_split,
    outside_option_split,
    surplus_share,
    zopa,
)
from course.scenarios.batna import (
    LABELS,
    REASONS,
    beaten_estimate_case,
    no_deal_case,
    reservation_of,
    rule_offers,
    split_edge_case,
    statement_key,
    statements_of,
    survey_above_agency_case,
    target_of,
    zone_edge_case,
)
from course.variants import hidden_learner, learner_as
from tests import sweeps
from tests.notebooks import solution_namespace
from tests.sweeps import Recording, cell_text, drawn_once, passes

MODULE = "02_batna"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))


@pytest.fixture(scope="module")
def drawn(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


# --- first principles, written independently of the scenario module ---------------------------


def worth(s, sure=False):
    """Each alternative's expected value, from the story's words (with ``sure``, the two
    gambles at the sure amounts the story supposes for question 3's second part)."""
    renewed = s.busy_probability * s.freelance_busy + (1 - s.busy_probability) * s.freelance_normal
    return {
        "Harbor Bank": s.bank_salary,
        "Lumen": s.lumen_sure if sure else s.startup_base + s.funding_probability * s.startup_bonus,
        "Freelance": s.freelance_sure
        if sure
        else s.renewal_probability * renewed + (1 - s.renewal_probability) * s.freelance_no_renewal,
    }


def value(s):
    return max(worth(s).values())


def reservation(s, remote=False):
    return value(s) + s.commute_cost * (0.5 if remote else 1.0)


def limit(s):
    return s.agency_rate + s.agency_fee


def middle(s, remote=False):
    return (reservation(s, remote) + limit(s)) / 2


def response(s, offer):
    """The notebook's rule, as written in its section 5: (response, reason)."""
    top = max(limit(s), offer.salary)  # review 77 C2: an offer above it shows it too low
    if reservation(s, remote=True) > top:
        return "final offer", "no zone even with remote days"
    if offer.salary >= (reservation(s, remote=True) + top) / 2:
        if offer.remote_days:
            return "good enough to close", "even split reached"
        return "ask for remote days", "no remote days"
    if offer.salary < value(s):
        return "counter", "below your BATNA"
    if offer.salary < reservation(s, remote=offer.remote_days > 0):
        return "counter", "below your reservation price"
    return "counter", "below the even split"


# --- the invariants, question by question -----------------------------------------------------


def test_the_story_is_plausible_and_its_numbers_are_the_fields(drawn):
    """Yearly pay in a range one job market could show; chances strictly between 0 and 1; a
    busy year pays more than a normal one, which pays more than no renewal; an agency whose
    fee is 8 to 25% of its rate; every number shown in the story is the field's."""
    for s in drawn:
        assert 78_000 <= s.bank_salary <= 92_000 and 56_000 <= s.startup_base <= 70_000
        for p in (s.funding_probability, s.renewal_probability, s.busy_probability):
            assert 0 < p < 1
        assert s.freelance_busy > s.freelance_normal > s.freelance_no_renewal
        assert 4_000 <= s.commute_cost <= 12_000
        assert s.agency_rate >= 55_000 and 0.08 <= s.agency_fee / s.agency_rate <= 0.25
        assert 60_000 <= limit(s) <= 140_000
    for s in drawn[:50]:
        story = s.story()
        for amount in (s.bank_salary, s.startup_base, s.commute_cost, s.agency_rate, s.agency_fee):
            assert f"{amount:,.0f}" in story
        assert all(str(offer) in story for offer in s.northwind_offers)
        assert all(text in story for _, text in s.statements)
        assert "Northwind" in story and "budget" not in story and "You learn later" not in story


def test_the_survey_and_the_contractors_rate_fit_the_story(drawn):
    """A reader found the pay survey above what the agency's contractor costs Northwind for
    56 of 300 learners (the text says no fact carries an opening past that cost, and
    question 5's hint then said something false), and the contractor paid less than the
    learner's BATNA is worth for 98 of 300. The survey now lies below that cost for every
    swept learner (surveys above the band remain), and the fee is cut so the rate reaches
    the BATNA's value wherever a fee of 8% of the rate leaves room (about 1 in 20 is left)."""
    above = below_value = 0
    for s in drawn:
        split = (reservation(s, remote=True) + limit(s)) / 2
        top = reservation(s, remote=True) + 0.75 * (limit(s) - reservation(s, remote=True))
        assert s.pay_survey <= limit(s) - 500, s.learner
        above += s.pay_survey > top
        assert s.pay_survey < split - 500 or s.pay_survey > split + 500, s.learner
        below_value += s.agency_rate < value(s)
        if s.agency_rate < value(s):  # no fee of 8% of the rate fits above the BATNA's value
            assert limit(s) - value(s) < 0.08 * value(s) + 1_000, s.learner
    assert above > len(drawn) / 20 and below_value < len(drawn) / 10


def test_lumens_tree_tells_a_swap_from_the_right_answer(drawn):
    """Q1: with a funding chance of 1/2 a swapped tree would be the right tree."""
    for s in drawn:
        assert abs(s.funding_probability - 0.5) >= 0.05 - 1e-9, s.learner
        swapped = s.startup_base + (1 - s.funding_probability) * s.startup_bonus
        assert abs(swapped - worth(s)["Lumen"]) >= 1_000, s.learner


def test_the_batna_is_never_a_coin_toss(drawn):
    """Q2: the best alternative beats the next by at least 500; each alternative is the
    BATNA for some learners, and the best case misleads some of them."""
    winners, misled = set(), 0
    for s in drawn:
        ranked = sorted(worth(s).values(), reverse=True)
        assert ranked[0] - ranked[1] >= 500, s.learner
        winners.add(max(worth(s), key=worth(s).get))
        best_cases = {
            "Harbor Bank": s.bank_salary,
            "Lumen": s.startup_base + s.startup_bonus,
            "Freelance": s.freelance_busy,
        }
        misled += max(best_cases, key=best_cases.get) != max(worth(s), key=worth(s).get)
    assert winners == {"Harbor Bank", "Lumen", "Freelance"}
    assert misled > len(drawn) / 10


def test_every_zone_is_a_real_zone_or_a_real_gap(drawn):
    """Q4: Northwind's reservation price is at least 1,000 from yours; both kinds of case
    are drawn; and with two remote days every learner has a zone of at least 2,000 (so
    nobody's own offers all end in walking away, and offers fit on both sides of its even
    split)."""
    kinds = set()
    for s in drawn:
        assert abs(limit(s) - reservation(s)) >= 1_000, s.learner
        assert limit(s) - reservation(s, remote=True) >= 2_000, s.learner
        kinds.add(limit(s) >= reservation(s))
    assert kinds == {True, False}


def utility_ce(outcomes, gamma):
    """The certainty equivalent of ``outcomes`` ((chance, amount) pairs) for constant
    relative risk aversion ``gamma``, written out here."""
    if gamma == 1:
        return math.exp(sum(p * math.log(a) for p, a in outcomes))
    return sum(p * a ** (1 - gamma) for p, a in outcomes) ** (1 / (1 - gamma))


def outcomes(s):
    r, b = s.renewal_probability, s.busy_probability
    return {
        "Lumen": [
            (s.funding_probability, s.startup_base + s.startup_bonus),
            (1 - s.funding_probability, s.startup_base),
        ],
        "Freelance": [
            (r * b, s.freelance_busy),
            (r * (1 - b), s.freelance_normal),
            (1 - r, s.freelance_no_renewal),
        ],
    }


def implied_gamma(s):
    """The relative risk aversion that makes ``lumen_sure`` Lumen's certainty equivalent."""
    low, high = 0.0, 60.0
    for _ in range(60):
        middle = (low + high) / 2
        if utility_ce(outcomes(s)["Lumen"], middle) > s.lumen_sure:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def test_the_sure_amounts_come_from_one_attitude_to_risk(drawn):
    """Q3's second part: the two sure amounts are the certainty equivalents of one person, whose
    relative risk aversion (read off Lumen's) is a plausible 1 to 4 and prices Freelance at
    ``freelance_sure`` (within rounding), so the BATNA the check asks for is the one that
    person's utility picks. Each sure amount is at least 1,000 below its gamble's expected
    value, no two alternatives valued at the sure amounts lie within 500, and among the learners
    whose BATNA is Lumen, the sure amounts make another alternative the BATNA for some and not
    for others. (The old draw gave Lumen a sure amount and Freelance its expected value: in 87
    of 600 draws the check demanded Freelance where the same utility put it below Harbor Bank.)"""
    switched = []
    for s in drawn:
        found, sure = worth(s), worth(s, sure=True)
        gamma = implied_gamma(s)
        assert 0.9 <= gamma <= 4.1, (s.learner, gamma)
        assert abs(utility_ce(outcomes(s)["Freelance"], gamma) - s.freelance_sure) < 400, s.learner
        consistent = {
            "Harbor Bank": s.bank_salary,
            **{name: utility_ce(tree, gamma) for name, tree in outcomes(s).items()},
        }
        assert max(consistent, key=consistent.get) == max(sure, key=sure.get), s.learner
        for name in ("Lumen", "Freelance"):
            assert sure[name] <= found[name] - 1_000, s.learner
        ranked = sorted(sure.values(), reverse=True)
        assert ranked[0] - ranked[1] >= 500, s.learner
        if max(found, key=found.get) == "Lumen":
            switched.append(max(sure, key=sure.get) != "Lumen")
    assert 0.2 < sum(switched) / len(switched) < 0.8


def test_every_learner_has_offers_that_need_deciding(drawn):
    """Q5: four different offers, each a multiple of 500 within Northwind's reservation
    price and at least 500 from every threshold the rule compares it with (the even split
    with remote days, the BATNA's value, the package's reservation price); an extreme low
    offer (10,000 or more below the BATNA's value); one below your reservation price, above
    your BATNA's value; an offer without remote
    days to answer by asking for them (every learner: the fourth response); at least three
    different reasons; some learners with an offer to accept, others with one below the
    even split."""
    accept = below_split = 0
    for s in drawn:
        offers = s.northwind_offers
        assert len(set(offers)) == 4 and all(o.remote_days in (0, 2) for o in offers)
        for o in offers:
            assert o.salary % 500 == 0 and o.salary <= limit(s), s.learner
            for threshold in (
                middle(s, remote=True),
                value(s),
                reservation(s, remote=o.remote_days > 0),
            ):
                assert abs(o.salary - threshold) >= 500 - 1e-6, s.learner
        assert min(o.salary for o in offers) <= value(s) - 10_000, s.learner
        reasons = [response(s, o)[1] for o in offers]
        assert "below your reservation price" in reasons and "no remote days" in reasons, s.learner
        assert len(set(reasons)) >= 3, s.learner
        accept += "even split reached" in reasons
        below_split += "below the even split" in reasons
    assert accept > len(drawn) / 3 and below_split > len(drawn) / 4


def test_a_term_that_costs_northwind_nothing_is_never_left_out_of_an_accepted_deal(drawn):
    """Q5 (issue 17, item 6): the rule accepts only offers with remote days: an offer
    without them, however high its salary, is answered by asking for them."""
    for s in drawn:
        for case in (s, no_deal_case(s)):
            for offer in case.northwind_offers:
                if check.right_response(case, offer)[0] == "good enough to close":
                    assert offer.remote_days == 2, s.learner


def figures_in(text):
    """The amounts a statement names, in order."""
    return [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d", text)]


def mention_costs(s):
    """Amounts an honest mention must not state: the commute's cost (which, added to the
    value it shows, would give away the reservation price)."""
    return {s.commute_cost, s.commute_cost / 2}


def demand_package(text):
    """For a demand with a consequence, whether it names the job with two remote days
    (True) or as offered (False); None for any other statement."""
    if text.startswith("For the job as offered, with no remote days"):
        return False
    if text.startswith("With two remote days a week"):
        return True
    return None


def label_from_text(s, text):
    """Question 6's label read from a statement's words and the scenario's facts: a demand
    with a consequence is a warning, legitimate, when its figure is at most your reservation price for
    the package it names, else a bluff; a figure presented as the least you would take is
    a bluff when it is above your reservation price; a figure that is no fact of the story
    (or a bonus or a busy year presented as sure) is a misrepresentation."""
    figures = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d", text)]
    remote = demand_package(text)
    if remote is not None:
        return "legitimate" if figures[0] <= reservation(s, remote) else "bluff"
    if figures and any(w in text for w in ("I would turn down", "would not be enough")):
        return "bluff" if figures[0] > reservation(s) else "legitimate"
    if text.startswith("Harbor Bank has offered me"):
        return "legitimate" if figures[0] == s.bank_salary else "misrepresentation"
    if text.startswith("Lumen's base salary is"):
        return "legitimate" if figures[0] == s.startup_base else "misrepresentation"
    if "guarantees me" in text:
        return "misrepresentation"
    return "legitimate"


def test_the_statements_tell_one_story_and_need_the_learners_own_facts(drawn):
    """Q6 (issue 17, items 3, 4 and 10): six statements lettered A to F, one of each kind and
    two demands for every learner: the learner's real BATNA told plainly, its chances included,
    with the commute it spares left unpriced (so it shows the BATNA's value, not the reservation
    price), the reservation price kept private, two demands to take the real BATNA, one for each
    package, each figure at least 500 from that package's reservation price (rounding decides no
    label), each drawn on its own as a warning or a bluff (the practice case's labels are not
    the learner's by analogy), and a figure between the two reservation prices labelled by its
    package alone, a bluff at least 3,000 above the reservation price, and a statement about an
    offer that is true (an offer that is not the BATNA) or a misrepresentation at least 4,000
    off the truth, in the same words; the statement to use is the mention when the value it shows beats
    the pay band's midpoint, and both choices are drawn."""
    uses, drawn_kinds, facts, fact_labels = [], [], [], []
    for s in drawn:
        said = statements_of(s)
        assert [x.letter for x in said] == list("ABCDEF")
        assert len({x.text for x in said}) == 6
        assert sorted(x._kind for x in said) == sorted(
            ["mention", "private", "warning", "warning", "bluff", "fact"]
        )
        key = statement_key(s)
        found = worth(s)
        batna = max(found, key=found.get)
        for x in said:
            assert key[x.letter] == label_from_text(s, x.text), (s.learner, x.text)
            assert not re.search(r"fourth|another company|Acme", x.text)
            if x._label == "misrepresentation":
                assert abs(x._stated - x._actual) >= 4_000, s.learner
            if x._kind == "fact" and x._label == "legitimate":  # true, of an offer not the BATNA
                assert x._stated == x._actual and figures_in(x.text) == [x._stated]
                assert batna not in x.text, s.learner
                facts.append(x.text.split(" ")[0].removesuffix("'s"))
            if x._kind == "fact":
                fact_labels.append(x._label)
                # review 79 X1: the old Lumen wording's reading still counts
                lumen = x._label == "legitimate" and x.text.startswith("Lumen")
                assert x._also == ("misrepresentation" if lumen else None), s.learner
            if x._label == "bluff" and x._kind == "bluff":
                assert x._stated >= reservation(s) + 3_000, s.learner
            if x._label == "legitimate" and x._kind == "bluff":  # a true floor
                assert x._stated <= reservation(s) - 1_500, s.learner
            if x._kind == "warning":  # for the package it names: remote days lower the price
                # true only at or below that package's reservation price: between it and a
                # higher figure the learner would accept; a figure 2,000 or more above it is a
                # bluff
                remote = demand_package(x.text)
                own = reservation(s, remote)
                assert abs(x._stated - own) >= 500, s.learner
                assert x._label == ("bluff" if x._stated > own else "legitimate"), s.learner
                assert x._also == ("misrepresentation" if x._label == "bluff" else None)
                assert value(s) + 500 <= x._stated <= reservation(s) + 3_000, s.learner
                if reservation(s, True) < x._stated < reservation(s):  # the package decides
                    assert x._label == ("bluff" if remote else "legitimate"), s.learner
                if remote:  # a bluff between the two prices, or a warning with remote days
                    assert x._stated <= reservation(s) - 500, s.learner
                assert x._stated == figures_in(x.text)[0], s.learner
                drawn_kinds.append((remote, x._label))
                assert {"Harbor Bank": "Harbor Bank", "Lumen": "Lumen", "Freelance": "freelanc"}[
                    batna
                ] in x.text
            assert "carry on freelancing" not in x.text  # a renewal is not the learner's
            if x._kind == "mention" and batna == "Freelance":
                assert "up for renewal (I put the chance at" in x.text, s.learner
            if x._kind == "mention":
                assert "spares me the commute" in x.text, s.learner
                assert all(f not in mention_costs(s) for f in figures_in(x.text)), s.learner
                assert ("freelanc" if batna == "Freelance" else batna) in x.text, s.learner
                assert value_shown(s, x.text) == pytest.approx(value(s)), s.learner
        kinds = {x.letter: x._kind for x in said}
        use = kinds[key["use"]]
        assert use == ("mention" if value(s) > s.band_midpoint else "private")
        assert abs(value(s) - s.band_midpoint) >= 2_000 and s.band_midpoint <= limit(s)
        uses.append(use)
    assert 0.25 < uses.count("mention") / len(uses) < 0.75
    pairs = collections.Counter(
        tuple(sorted(drawn_kinds[i : i + 2])) for i in range(0, len(drawn_kinds), 2)
    )
    assert len(pairs) == 4, pairs
    for package in (False, True):  # each demand a warning or a bluff with even chances
        shares = collections.Counter(label for remote, label in drawn_kinds if remote == package)
        assert min(shares.values()) > 0.4 * len(drawn), (package, shares)
    shares = collections.Counter(fact_labels)  # a statement of fact is true or false
    assert set(shares) == {"legitimate", "misrepresentation"}, shares
    assert min(shares.values()) > 0.4 * len(drawn), shares
    assert set(facts) == {"Harbor", "Lumen"}, set(facts)


def test_the_claim_about_the_least_you_would_accept_names_its_package(drawn):
    """The claim about the least you would accept is marked against the job as offered, but
    it named no package: for about one learner in five a true claim's figure lies above the
    reservation price with two remote days, where a bluff was a fair reading of the same
    words. Every claim now says it is about the job as offered, and over the swept learners
    such figures do occur (so the words matter)."""
    above_remote = 0
    for s in drawn:
        claim = next(x for x in statements_of(s) if x._kind == "bluff")
        assert "for the job as offered" in claim.text.lower(), (s.learner, claim.text)
        if claim._label == "legitimate" and claim._stated > reservation(s, remote=True):
            above_remote += 1
    assert above_remote >= len(drawn) / 10


def test_question_7s_labels_cannot_be_read_off_the_wording(drawn):
    """Five of the six statements carried the same label for every learner (the claim about the
    least you would accept was always a bluff), so one label for each wording, read off a few
    scenarios, got all six right for 51% of learners (1,000 swept). The claim is now true (a
    floor under your reservation price) or a bluff with even chances, as each demand is a
    warning or a bluff, and the statement about an offer is that offer told truly or a false
    one in the same words. Labelling each slot (the mention, the private one, each demand, the
    claim, the fact) by its commonest label got 0.875 of the labels right with the demand with
    remote days always a bluff and the fact always false; it now gets under 0.8. A single label
    for all six earns at most four of the six (about half on average), and the best labelling by
    wording (the commonest label of each wording, its figures removed) gets all six right for
    under a third of them. Review 80 C3 (module 00's words) made every true statement
    'legitimate': that label for all six gets the two always true and each of the other four
    with even chances (about 4 of 6 on average, all six for under a tenth of learners);
    any other single label still earns at most four."""
    slots = collections.defaultdict(collections.Counter)
    wordings = collections.defaultdict(collections.Counter)
    bests, all_true = [], 0
    for s in drawn:
        said = statements_of(s)
        best = max(
            sum(label in (x._label, x._also) for x in said)
            for label in LABELS
            if label != "legitimate"
        )
        assert best <= 4, s.learner
        true = sum(x._label == "legitimate" for x in said)
        all_true += true == 6
        bests.append(max(best, true))
        for x in said:
            slot = x._kind if demand_package(x.text) is None else demand_package(x.text)
            slots[slot][x._label] += 1
            wordings[re.sub(r"\d[\d,]*", "#", x.text)][x._label] += 1
    for slot in ("bluff", False, True, "fact"):  # the claim, each demand, the fact
        shares = [count / len(drawn) for count in slots[slot].values()]
        assert len(shares) == 2 and min(shares) > 0.4, (slot, slots[slot])
    right = sum(  # the labels the commonest label of each slot gets right, over all learners
        slots[slot].most_common(1)[0][1] for slot in slots
    )
    assert right / (6 * len(drawn)) < 0.8, right / (6 * len(drawn))
    assert sum(bests) / len(bests) <= 4.2, sum(bests) / len(bests)  # the two, half the rest
    assert all_true < len(drawn) / 10, all_true
    commonest = {wording: labels.most_common(1)[0][0] for wording, labels in wordings.items()}
    by_wording = sum(
        all(commonest[re.sub(r"\d[\d,]*", "#", x.text)] == x._label for x in statements_of(s))
        for s in drawn
    )
    assert by_wording < len(drawn) / 3, by_wording


def test_question_10_is_a_real_decision_for_every_learner(drawn):
    """Which model fits was taught but never graded. Question 10's versions of the talks:
    exactly one fact holds; every learner's own version is one of the three, each for about a
    third of learners, each proposer for about half; no answer lies on a rule's boundary (every
    predicted salary, before and after a BATNA worth 1,000 more, stays 500 from the agency's
    cost unless the agency caps it by 1,000 or more; a slipping start's outside option binds,
    your BATNA 2,000 above your share at the table); and the visible check's versions give at
    least three different answers, so one answer for all fails it for every learner."""
    pressures, proposers, answers = (collections.Counter() for _ in range(3))
    for s in drawn:
        low = reservation(s, True)
        high = s.agency_rate + s.agency_fee
        assert high - low >= 2_000, s.learner
        cases = check.talks_cases(s)
        assert cases[0] == s.talks
        for talks in cases:
            facts = (talks.may_be_cancelled, talks.answer_date, talks.start_slips)
            assert sum(facts) == 1 and talks.work_value >= high, s.learner
            split = (low + talks.work_value) / 2
            if talks.may_be_cancelled:
                assert split + 1_000 <= high or split >= high + 1_000, s.learner
            if talks.start_slips:
                assert value(s) >= (talks.work_value - s.commute_cost / 2) / 2 + 2_000
            if talks.start_slips and talks.proposer == "you":
                ask = low + (1 - talks.delta) * (talks.work_value - low)
                assert ask + 1_000 * talks.delta <= high - 500, s.learner
        answers.update({rise_by_slopes(s, talks) for talks in cases})
        assert len({rise_by_slopes(s, talks) for talks in cases}) >= 3, s.learner
        pressures[(s.talks.may_be_cancelled, s.talks.answer_date)] += 1
        proposers[s.talks.proposer] += 1
    assert len(pressures) == 3 and min(pressures.values()) > 0.25 * len(drawn), pressures
    assert min(proposers.values()) > 0.4 * len(drawn), proposers
    assert {0, 500, 1_000} <= set(answers), answers


def sure_as_told(s):
    """Whether the texts tell the learner to use the sure amounts in question 6: not when
    the story supposes them for question 3's second part only and question 6 asks for the
    reservation price from expected values."""
    figure = f"a sure salary of {s.lumen_sure:,.0f} is as good"  # Harbor Bank's may be equal
    told = next(part for part in s.story().split("\n\n") if figure in part)
    supposed = "suppose" in told and "question 3's second part" in told
    from_averages = "reservation price from expected values" in " ".join(text_of("q7-text").split())
    return not (supposed and from_averages)


def test_question_7s_key_follows_the_valuation_the_text_tells_the_learner_to_use(drawn):
    """Q6: with Lumen worth what the story and the question tell the learner,
    every threat names the alternative they would really take at a figure 1 to 100 below their
    reservation price, every bluff claims more than that reservation price, and "use" is the
    mention exactly when that BATNA's value is above the pay band's midpoint. Only the story's
    own words, not the scenario module, say which."""
    action = {"Harbor Bank": "Harbor Bank", "Lumen": "Lumen", "Freelance": "freelanc"}
    for s in drawn:
        found = worth(s, sure_as_told(s))
        batna = max(found, key=found.get)
        own = found[batna] + s.commute_cost
        key = statement_key(s)
        for letter, text in s.statements:
            figures = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d", text)]
            remote = demand_package(text)
            limit_for = own - s.commute_cost / 2 if remote else own
            if remote is not None and key[letter] == "legitimate":  # a warning
                assert action[batna] in text, (s.learner, text)
                assert 500 <= limit_for - figures[0] <= max(3_000, s.commute_cost / 2), (
                    s.learner,
                    text,
                    own,
                )
            if key[letter] == "bluff":
                assert figures[0] > limit_for, (s.learner, text, own)
        kinds = {x.letter: x._kind for x in statements_of(s)}
        shown = found[batna]
        assert kinds[key["use"]] == ("mention" if shown > s.band_midpoint else "private"), (
            s.learner,
            shown,
            s.band_midpoint,
        )


def test_question_8s_cases_stay_in_the_taught_domain():
    """Q7 (issue 17, item 12): the other side's BATNA below half the pie, targets anywhere
    up to the pie, at least 1 from the reach boundary (but for one exact case on it), from
    half the pie and from a Nash
    answer of 0; some cases out of reach, some where any BATNA will do under the outside
    option, some where a BATNA of 0 already gets the target under Nash too."""
    for learner in LEARNERS[:500]:
        with learner_as(learner):
            cases = check.batna_needed_cases(hidden=True)
        for target, pie, theirs in cases:
            assert theirs < pie / 2 and 0 < target <= pie, learner
            # one case of whole numbers sits exactly on the reach boundary, on purpose
            on_edge = (target, pie, theirs) == (80, 100, 20)
            assert on_edge or abs(target - (pie - theirs)) >= 1, learner
            nash = 2 * target - pie + theirs  # exactly 0 gives 0 with or without max(0, ...)
            at_half = (target, pie, theirs) == (50, 100, 20)  # exactly half, on purpose
            assert at_half or abs(target - pie / 2) >= 1, learner
            assert nash == 0 or abs(nash) >= 1, learner
        assert any(t > p - th for t, p, th in cases) and any(t <= p - th for t, p, th in cases)
        assert any(t <= p / 2 for t, p, _ in cases) and any(
            2 * t - p + th < 0 for t, p, th in cases
        )


# --- right answers pass: the reference and two independent formulations -----------------------


def tree_reversed(s):
    p = s.funding_probability
    return [(1 - p, s.startup_base), (p, s.startup_base + s.startup_bonus)]


def tree_nested(s):
    funded = [(1.0, s.startup_base + s.startup_bonus)]
    return [(s.funding_probability, funded), (1 - s.funding_probability, [(1.0, s.startup_base)])]


def batna_by_hand(s):
    """The name written without its space ("HarborBank"), which the text says counts."""
    found = worth(s)
    name = max(found, key=found.get)
    return name.replace(" ", ""), found[name]


def batna_flattened(s):
    r, b = s.renewal_probability, s.busy_probability
    leaves = {
        "Harbor Bank": [(1.0, s.bank_salary)],
        "Lumen": tree_reversed(s),
        "Freelance": [
            (r * b, s.freelance_busy),
            (r * (1 - b), s.freelance_normal),
            (1 - r, s.freelance_no_renewal),
        ],
    }
    ranked = sorted(((expected_value(tree), name) for name, tree in leaves.items()), reverse=True)
    return ranked[0][1].lower().replace(" ", "_"), ranked[0][0]  # "harbor_bank" counts too


def reservation_by_hand(s, risk_averse=False):
    return max(worth(s, risk_averse).values()) + s.commute_cost


def reservation_flattened(s, risk_averse=False):
    """Another reading: the BATNA by expected values, then every gamble swapped for its
    sure amount."""
    batna = batna_flattened(s)[1]
    if risk_averse:
        batna = max(s.bank_salary, s.lumen_sure, s.freelance_sure)
    return sum([batna, s.commute_cost])


def zopa_by_comparison(s, reservation_price):
    northwind = s.agency_fee + s.agency_rate
    return (reservation_price, northwind) if northwind - reservation_price >= 0 else None


def zopa_from_library(s, reservation_price):
    return zopa(reservation_price, s.agency_rate + s.agency_fee)


def respond_by_gains(s, offer, batna, northwind):
    """Compare gains over the alternatives, as a list."""
    floor = batna + s.commute_cost / 2
    northwind = max(northwind, offer.salary)  # an offer above it shows it too low
    if floor > northwind:
        return ["walk away", "no zone even with remote days"]
    mine, theirs = offer.salary - floor, northwind - offer.salary
    if mine >= theirs:
        return (
            ["accept", "even split reached"]
            if offer.remote_days
            else [
                "ask for remote days",
                "no remote days",
            ]
        )
    own_floor = batna + (s.commute_cost / 2 if offer.remote_days == 2 else s.commute_cost)
    gain = offer.salary - own_floor
    if offer.salary - batna < 0:
        return ["counter", "below your BATNA"]
    return ["counter", "commute trap" if gain < 0 else "below the even split"]


def respond_by_share(s, offer, batna, northwind):
    """Read it off the library's zone and surplus share, in other spellings."""
    remote_floor = batna + 0.5 * s.commute_cost
    northwind = max(northwind, offer.salary)
    if zopa(remote_floor, northwind) is None:
        return ("Walk_Away", "No zone even with remote days")
    if (
        offer.salary >= remote_floor
        and surplus_share(min(offer.salary, northwind), remote_floor, northwind) >= 0.5
    ):
        return (
            ("Accept", "Even split reached")
            if offer.remote_days
            else (
                "ask_for_remote_days",
                "NO REMOTE DAYS",
            )
        )
    floor = batna + s.commute_cost * (0.5 if offer.remote_days else 1.0)
    if offer.salary < batna:
        return ("Counter", "Below your BATNA")
    return ("Counter", "commute_trap" if offer.salary < floor else "below_the_even_split")


def value_shown(s, text):
    """What an honest mention of an alternative shows Northwind: its value from the terms
    it states (amounts, and chances as percentages), read off the words alone."""
    chances = [int(x) / 100 for x in re.findall(r"(\d+)%", text)]
    amounts = figures_in(re.sub(r"\d+%", "", text))
    if text.startswith("Harbor Bank"):
        return amounts[0]
    if text.startswith("Lumen"):
        (base, bonus), (p,) = amounts, chances
        return base + p * bonus
    (renew, busy), (high, normal, none) = chances, amounts
    return renew * (busy * high + (1 - busy) * normal) + (1 - renew) * none


def to_use(s, labels):
    """The statement to make: the true statement that tells your BATNA's terms when the
    value they show beats the pay band's midpoint, else the one that names no figure (a true
    floor under your reservation price names a figure but no alternative)."""
    mention = next(text for _, text in s.statements if "spares me the commute" in text)
    strong = value_shown(s, mention) > s.band_midpoint
    for letter, text in s.statements:
        has_figure = bool(re.search(r"\d", text))
        if re.sub(r"[_-]", " ", labels[letter].lower()) not in ("plain statement", "legitimate"):
            continue
        if (text == mention) if strong else not has_figure:
            return letter
    raise AssertionError("no true statement fits")


def labels_from_text(s):
    """The labels read off the learner's own statements (``s``), written in as a learner
    may; the statement to use worked out from the scenario it is given."""
    labels = {letter: label_from_text(s, text) for letter, text in s.statements}

    def label(offers):
        return {**labels, "use": to_use(offers, labels)}

    return label


def labels_from_facts(s):
    """Another reading: a statement is false when a figure in it is no fact of the story;
    a false figure about yourself is a bluff, about an offer a misrepresentation. Written
    in question 7's labels before review 80 C3 ("Warning", "Plain-Statement"): an answer
    written then keeps its marks."""

    def label(offers):
        assert offers.statements == s.statements
        facts = {  # the true figures of each alternative a statement may name
            "Harbor Bank": {s.bank_salary},
            "Lumen": {s.startup_base, s.startup_bonus, round(100 * s.funding_probability)},
            "client": {
                s.freelance_busy,
                s.freelance_normal,
                s.freelance_no_renewal,
                round(100 * s.renewal_probability),
                round(100 * s.busy_probability),
            },
        }
        labels = {}
        for letter, text in s.statements:
            figures = {float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*", text)}
            if "offers less than" in text or "if the salary is below" in text:
                floor = max(figures)  # the demand's figure; its package's own price
                own = reservation_by_hand(s) - (s.commute_cost / 2 if "two remote" in text else 0)
                labels[letter] = "Warning" if floor <= own else "Bluff"
            elif "guarantees" in text:  # a busy year stated as sure
                labels[letter] = "Misrepresentation"
            elif figures:
                named = [name for name in facts if name in text]
                if not named:  # a figure about yourself: true if under your limit
                    above = max(figures) > reservation_by_hand(s)
                    labels[letter] = "BLUFF" if above else "PLAIN_STATEMENT"
                elif figures <= facts[named[0]]:
                    labels[letter] = "Plain-Statement"
                else:
                    labels[letter] = "Misrepresentation"
            else:
                labels[letter] = "Plain-Statement"
        return {**labels, "use": to_use(offers, labels).lower()}

    return label


def needed_closed_form(target, pie, their_batna, walk_any_time=False):
    if pie - their_batna < target:
        return None
    if walk_any_time:
        return target if 2 * target > pie else 0
    return max(target - (pie - their_batna - target), 0)


def needed_from_the_models(target, pie, their_batna, walk_any_time=False):
    """Read the answer off the library's models: the share with no BATNA, and how far one
    more unit of BATNA moves it (half a unit in Nash's model; in the outside-option model
    nothing until the BATNA beats the table, then one for one)."""
    if pie - their_batna < target:
        return None
    if walk_any_time:
        table = outside_option_split(pie, 0, their_batna)[0]
        return 0.0 if target <= table else float(target)
    base = nash_split(pie, 0, their_batna)[0]
    slope = nash_split(pie, 1, their_batna)[0] - base
    return 0.0 if target <= base else (target - base) / slope


def target_by_cases(s, reservation_price):
    """Section 4's band, and where the survey's median falls in it, case by case."""
    low, high = reservation_price - s.commute_cost / 2, limit(s)
    split, boldest = (low + high) / 2, low + 0.75 * (high - low)
    if s.pay_survey < split:
        return split  # no fact above the even split; half the surplus needs none
    if s.pay_survey > boldest:
        return boldest  # the survey supports the whole band
    return s.pay_survey


def target_highest_supported(s, reservation_price):
    """The highest figure in the band that something supports: the even split always, the
    survey's median and everything below it up to three quarters of the zone."""
    low = reservation_price - s.commute_cost / 2
    split, boldest = (low + limit(s)) / 2, low + 0.75 * (limit(s) - low)
    supported = [split] + [x for x in (s.pay_survey, boldest) if split <= x <= s.pay_survey]
    best = max(x for x in supported if x <= boldest)
    return best if best == split else math.floor(best / 100) * 100  # to the hundred, below


def when_by_hand(s, timing, funded=None):
    """Question 9 from section 3's words: Lumen at its expected value when you commit
    first, at its outcome when it is known first; left open, the fallback with Lumen beside
    it, as a six-leaf tree, and then the sure salary that with Lumen beside it is worth as
    much, found by bisection."""
    found = worth(s)
    if timing == "known first":
        found["Lumen"] = s.startup_base + s.startup_bonus * (1 if funded else 0)
    if timing != "left open":
        return max(found.values())
    lumen = (
        (s.funding_probability, s.startup_base + s.startup_bonus),
        (1 - s.funding_probability, s.startup_base),
    )
    freelance = (
        (s.renewal_probability * s.busy_probability, s.freelance_busy),
        (s.renewal_probability * (1 - s.busy_probability), s.freelance_normal),
        (1 - s.renewal_probability, s.freelance_no_renewal),
    )

    def beside(leaves):
        return sum(q * r * max(x, y) for q, x in leaves for r, y in lumen)

    walking = max(beside(((1.0, s.bank_salary),)), beside(freelance))
    low, high = 0.0, 1e6
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if beside(((1.0, mid),)) < walking else (low, mid)
    return (low + high) / 2


def when_by_ranking(s, timing, funded=None):
    """Another reading: rank the sure values, then ask whether Lumen beats the best of the
    others under the timing; left open, compare Lumen's two outcomes with each fallback
    piece by piece and solve the straight line E[max(y, Lumen)] = p * top + (1 - p) * y."""
    others = max(v for n, v in worth(s).items() if n != "Lumen")
    base, top, p = s.startup_base, s.startup_base + s.startup_bonus, s.funding_probability
    if timing == "left open":
        bank = p * max(top, s.bank_salary) + (1 - p) * max(base, s.bank_salary)
        incomes = (s.freelance_busy, s.freelance_normal, s.freelance_no_renewal)
        chances = (
            s.renewal_probability * s.busy_probability,
            s.renewal_probability * (1 - s.busy_probability),
            1 - s.renewal_probability,
        )
        free = sum(
            c * (p * max(top, x) + (1 - p) * max(base, x))
            for c, x in zip(chances, incomes, strict=True)
        )
        walking = max(bank, free)
        return walking if walking > top else (walking - p * top) / (1 - p)
    lumen = {
        "commit first": worth(s)["Lumen"],
        "known first": base + (s.startup_bonus if funded else 0),
    }[timing]
    return lumen if lumen > others else others


def rise_by_slopes(s, talks):
    """Question 10 read as slopes off section 7: the Nash split moves half a unit unless the
    agency caps it; by an answer date the last offer's maker takes the zone; a binding
    outside option moves a unit when Northwind proposes and delta units when you do."""
    low = reservation_by_hand(s) - s.commute_cost / 2
    high = s.agency_rate + s.agency_fee
    if talks.may_be_cancelled:
        return 0 if (low + talks.work_value) / 2 >= high else 500
    if talks.answer_date:
        return 1_000 if talks.proposer == "Northwind" else 0
    return 1_000 if talks.proposer == "Northwind" else 1_000 * talks.delta


def rise_from_the_pie(s, talks):
    """Another reading: the hire's gain, W less half the commute, split by the library's
    models with your BATNA and Northwind's breakdown payoff of no hire (0); your salary is
    your share plus half the commute, never above the agency's cost."""
    half = s.commute_cost / 2
    pie, high = talks.work_value - half, s.agency_rate + s.agency_fee

    def salary(batna):
        if talks.may_be_cancelled:
            return min(nash_split(pie, batna, 0)[0] + half, high)
        if talks.answer_date:
            return batna + half if talks.proposer == "Northwind" else high
        share = outside_option_split(pie, batna, 0)[0]  # your BATNA beats half: it binds
        if talks.proposer == "you":  # Northwind takes what beats proposing a week later
            share = pie - talks.delta * (pie - share)
        return min(share + half, high)

    batna = max(worth(s).values())
    return salary(batna + 1_000) - salary(batna)


def _own_salary(s, talks, batna):
    """Section 7's models on the package with two remote days, from first principles: the
    hire's gain W less half the commute; Northwind's breakdown payoff no hire; the agency's
    cost a cap on every salary."""
    half, high = s.commute_cost / 2, s.agency_rate + s.agency_fee
    pie = talks.work_value - half
    if talks.may_be_cancelled:
        return min((batna + half + talks.work_value) / 2, high)
    if talks.answer_date:
        return batna + half if talks.proposer == "Northwind" else high
    share = max(batna, talks.delta / (1 + talks.delta) * pie)  # when Northwind proposes
    if talks.proposer == "you":  # Northwind takes what beats proposing a week later
        share = pie - talks.delta * (pie - share)
    return min(share + half, high)


def own_needed_by_search(s, talks, target):
    """Question 8's own case by bisection on the predicted salary, rounded to the unit."""
    if _own_salary(s, talks, 0) >= target:
        return 0
    low, high = 0.0, float(target)
    for _ in range(80):
        mid = (low + high) / 2
        low, high = (mid, high) if _own_salary(s, talks, mid) < target else (low, mid)
    return round(high)


def own_needed_from_the_reservation_price(s, talks, target):
    """Another reading: solve each model for the reservation price of the package, then take
    off half the commute."""
    half = s.commute_cost / 2
    if talks.may_be_cancelled:  # (r + W) / 2 = target
        return max(0.0, 2 * target - talks.work_value - half)
    if talks.answer_date and talks.proposer == "you":
        return 0.0
    if talks.start_slips and talks.proposer == "you":  # r + (1 - delta)(W - r) = target
        r = (target - (1 - talks.delta) * talks.work_value) / talks.delta
    else:  # r = target
        r = target
    return r - half


ALTERNATIVES = {
    "startup_tree": (tree_reversed, tree_nested),
    "choose_batna": (batna_by_hand, batna_flattened),
    "reservation_salary": (reservation_by_hand, reservation_flattened),
    "northwind_zopa": (zopa_by_comparison, zopa_from_library),
    "respond_to_offer": (respond_by_gains, respond_by_share),
    "batna_needed": (needed_closed_form, needed_from_the_models),
    "target_salary": (target_by_cases, target_highest_supported),
    "batna_when": (when_by_hand, when_by_ranking),
    "batna_rise": (rise_by_slopes, rise_from_the_pie),
    "own_batna_needed": (own_needed_by_search, own_needed_from_the_reservation_price),
}
LABELLERS = (labels_from_text, labels_from_facts)


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]), redirect_stdout(io.StringIO()):
        return solution_namespace(MODULE, "batna")


def visible_cases(s):
    """What a visible check tries for learner ``s``: the own case, an example of the other
    kind, the same two with a cheaper agency, question 2's three examples (question 3 tries
    them), and question 7's cases (the hidden ones too)."""
    with learner_as(s.learner):
        needed = check.batna_needed_cases(hidden=True)
        kinds = check._both_kinds(False)
        targets = check._target_cases(False)
        when = check._when_cases(False)
    sure = tuple(check._sure_examples(False))
    return {
        "cases": (*kinds, *(no_deal_case(case) for case in kinds)),
        "edges": tuple(zone_edge_case(case) for case in (*kinds, check._example(True))),
        "market": (survey_above_agency_case(check._example(True)),),
        "split": (split_edge_case(check._first_example("Harbor Bank")),),
        "beaten": tuple(beaten_estimate_case(case) for case in kinds[:2]),
        "targets": tuple(targets),
        "when": tuple(when),
        "needed": needed,
        "sure": (s, *sure),
        # question 3's expected-value point also tries question 2's three examples
        "choices": tuple(check._choice_examples()),
    }


def judge_all(s, seen, question, answer):
    """The check's judges on every case the check tries for learner ``s`` (``seen``)."""
    if question == "startup_tree":
        check.judge_startup_tree(s, answer(s))
    elif question == "choose_batna":
        for case in (s, *seen["choices"]):
            check.judge_choose_batna(case, answer(case))
    elif question == "reservation_salary":
        for case in (s, *seen["choices"]):
            check.judge_reservation_salary(case, answer(case))
        for case in seen["sure"]:
            check.judge_reservation_salary(case, answer(case, True), True)
    elif question == "northwind_zopa":
        for case in seen["cases"]:
            check.judge_zopa(case, answer(case, reservation(case)))
        for case in seen["edges"]:  # the check passes its own value: equal to the last bit
            check.judge_zopa(case, answer(case, reservation_of(case)))
        for case in seen["market"]:
            check.judge_zopa(case, answer(case, reservation(case)))
    elif question == "batna_when":
        for case in seen["when"]:
            for timing, funded in check.timing_cases():
                check.judge_batna_when(case, timing, funded, answer(case, timing, funded))
    elif question == "target_salary":
        for case in seen["targets"]:
            check.judge_target(case, answer(case, reservation(case)))
    elif question == "respond_to_offer":
        for case in (*seen["cases"], *seen["split"], *seen["beaten"]):
            tried = (*case.northwind_offers, *rule_offers(case))
            for n, offer in enumerate(tried, start=1):
                given = answer(case, offer, value(case), limit(case))
                for part in ("response", "reason"):
                    check.judge_response(case, n, offer, given, part)
    elif question == "batna_rise":
        for talks in check.talks_cases(s):
            check.judge_batna_rise(s, talks, answer(s, talks))
    elif question == "own_batna_needed":
        target = target_of(s)
        for talks in check.talks_cases(s):
            check.judge_own_batna_needed(s, talks, target, answer(s, talks, target))
    else:
        for case in seen["needed"]:
            for walk in (False, True):
                check.judge_batna_needed(case, walk, answer(*case, walk))
                check.judge_reach(case, walk, answer(*case, walk))


def test_the_rule_of_the_notebook_is_the_checks_rule(drawn):
    """Question 5's rule as section 5 words it (``response``) is the one the check applies."""
    for s in drawn:
        for case in (s, no_deal_case(s)):
            for offer in case.northwind_offers:
                assert response(case, offer) == check.right_response(case, offer), s.learner


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    """The check's verdict on every swept learner's cases, for the reference and both
    alternatives: each is right (the judges raise NotYet otherwise)."""
    for s in drawn:
        seen = visible_cases(s)
        with learner_as(s.learner):  # a hint names the learner's own case
            for question, alternatives in ALTERNATIVES.items():
                for answer in (reference[question], *alternatives):
                    judge_all(s, seen, question, answer)
            for labeller in (lambda s: reference["label_statements"], *LABELLERS):
                for case in check._use_cases(s):
                    labels = labeller(s)(case)
                    for statement in statements_of(s):
                        check.judge_statement(statement, labels)
                    check.judge_use(case, labels)


def run(question, answer, **options):
    return sweeps.run(check, question, answer, **options)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference):
    """The same through the checks as a notebook calls them (the learner's function called
    through call_learner, the verdict scored), on a sample of the swept learners."""
    for s in drawn[::100]:
        with learner_as(s.learner):
            for question, alternatives in ALTERNATIVES.items():
                for answer in (reference[question], *alternatives):
                    assert passes(run(question, answer)), (s.learner, question, answer.__name__)
            for labeller in LABELLERS:
                assert passes(run("label_statements", labeller(s))), s.learner
            assert passes(run("label_statements", reference["label_statements"]))


@pytest.mark.parametrize("question", list(ALTERNATIVES))
def test_every_right_formulation_passes_the_hidden_check(reference, question):
    with learner_as(LEARNERS[0]):
        for answer in (reference[question], *ALTERNATIVES[question]):
            assert passes(run(question, answer, hidden=True)), answer.__name__


def test_every_right_labelling_passes_the_hidden_check_and_a_written_in_use_fails(drawn, reference):
    """Q6's hidden check: the learner's statements with the pay band on the other side of the
    BATNA's value; the labels written in by hand still pass, a "use" written in as a letter does
    not."""
    s = drawn[0]
    with learner_as(s.learner):
        for answer in (reference["label_statements"], *(f(s) for f in LABELLERS)):
            assert passes(run("label_statements", answer, hidden=True))
        written_in = dict(statement_key(s))
        with pytest.raises(NotYet):
            run("label_statements", lambda offers: written_in)
        assert not passes(run("label_statements", lambda offers: written_in, hidden=True))


def test_a_use_chosen_by_the_reservation_price_loses_its_half_mark_when_graded(drawn):
    """Q6's "use" compares the BATNA's value (what its terms show) with the band's midpoint.
    Chosen by the reservation price (the value plus the commute) instead, it kept the half mark
    when graded for about 9% of learners, whose own band and the band moved to the other side of
    the value both lay outside the stretch between the two; grading now also tries a band inside
    it, so the half mark goes for every learner (600 swept)."""
    for s in drawn[:600]:
        key = statement_key(s)
        # the letters read outside the learner's function: the statements with their labels
        # are an answer key, and moving the band changes none of them
        letters = {x._kind: x.letter for x in statements_of(s)}

        def by_reservation(offers, key=key, letters=letters):
            kind = "mention" if reservation(offers) > offers.band_midpoint else "private"
            return {**key, "use": letters[kind]}

        with learner_as(s.learner):
            credit = run("label_statements", by_reservation, hidden=True)
        assert credit.earned == credit.possible - check.USE_POINTS, s.learner  # a quarter


def test_the_visible_check_refuses_every_wrong_rule_for_the_statement_to_use(drawn):
    """Q6's "use" on the learner's own band alone let three wrong rules show a tick for about
    half the learners and lose the half mark only at grading: always name the BATNA, always
    keep it private, or compare the reservation price with the band. The visible check tries
    the moved bands too, so each is refused there, and loses the half mark at grading, for
    every learner (600 swept)."""
    for s in drawn[:600]:
        key = statement_key(s)
        letters = {x._kind: x.letter for x in statements_of(s)}  # read outside, as above

        def rule(kind_of, key=key, letters=letters):
            def use(offers):
                return {**key, "use": letters[kind_of(offers)]}

            return use

        wrong_rules = (
            rule(lambda offers: "mention"),
            rule(lambda offers: "private"),
            rule(lambda o: "mention" if reservation(o) > o.band_midpoint else "private"),
        )
        with learner_as(s.learner):
            for wrong in wrong_rules:
                with pytest.raises(NotYet, match="is not the one to make"):
                    run("label_statements", wrong)
                credit = run("label_statements", wrong, hidden=True)
                assert credit.earned == credit.possible - check.USE_POINTS, s.learner  # a quarter


def test_the_hidden_checks_try_every_kind_of_case():
    """Hidden tests prove little if every hidden case has the same answer: the hidden
    learners and examples have a zone or not, several BATNAs, every response but the final
    offer and every reason of a counter, their cheaper-agency cases only offers to answer
    with a final offer, and question 3's hidden examples a sure amount for Lumen that changes the BATNA
    and one that cannot."""
    examples = [
        check._example(zone, hidden_learner(MODULE, kind))
        for zone in (True, False)
        for kind in "ab"
    ]
    hidden = examples + [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert {limit(s) >= reservation(s) for s in hidden} == {True, False}
    assert len({batna_by_hand(s)[0] for s in hidden}) >= 2
    given = {response(s, o) for s in examples for o in s.northwind_offers}
    assert {r for r, _ in given} == {"good enough to close", "ask for remote days", "counter"}
    assert {"below your BATNA", "below your reservation price"} <= {reason for _, reason in given}
    no_deal = [no_deal_case(s) for s in examples]
    assert {response(s, o)[0] for s in no_deal for o in s.northwind_offers} == {"final offer"}
    prefix = hidden_learner(MODULE, "c")
    switching, same = check._sure_example(True, prefix), check._sure_example(False, prefix)
    assert max(worth(switching), key=worth(switching).get) == "Lumen"
    sure = worth(switching, True)
    assert max(sure, key=sure.get) != "Lumen"
    kept = worth(same, True)
    assert max(worth(same), key=worth(same).get) == max(kept, key=kept.get)


# --- every question can be started from its own text --------------------------------------------

#: The markdown cell that asks each question, by the question's function.
QUESTION_TEXT = {
    "startup_tree": "q1-text",
    "choose_batna": "q2-text",
    "reservation_salary": "q3-text",
    "northwind_zopa": "q4-text",
    "target_salary": "q5-text",
    "respond_to_offer": "q6-text",
    "batna_when": "q9-text",
    "own_batna_needed": "own-batna-needed-text",
}


@functools.lru_cache
def text_of(grade_id):
    return cell_text(MODULE, "batna", grade_id)


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_field_the_reference_reads_is_named_in_the_question(
    drawn, reference, question, monkeypatch
):
    """Reads made by an earlier question's function (question 2 calls startup_tree, question
    3 calls choose_batna) are that question's, and its text names them."""
    text = text_of(QUESTION_TEXT[question])
    earlier = list(QUESTION_TEXT)[: list(QUESTION_TEXT).index(question)]
    for name in earlier:  # an earlier answer reads the real scenario, unrecorded
        original = reference[name]
        monkeypatch.setitem(
            reference, name, lambda s, *rest, f=original: f(getattr(s, "_scenario", s), *rest)
        )
    for s in drawn[:20]:
        recording = Recording(s)
        arguments = {
            "northwind_zopa": (reservation(s),),
            "respond_to_offer": (s.northwind_offers[0], value(s), limit(s)),
            "reservation_salary": (True,),
            "target_salary": (reservation(s),),
            "batna_when": ("known first", True),
            "own_batna_needed": (s.talks, target_of(s)),
        }.get(question, ())
        reference[question](recording, *arguments)
        assert recording.read or question == "reservation_salary", question
        for field in recording.read:
            assert f"`offers.{field}`" in text, (question, field)
    for name in earlier:
        assert f"`{name}" in text or name not in reference[question].__code__.co_names


def test_the_other_questions_name_their_fields_and_choices():
    assert "`offers.statements`" in text_of("q7-text")
    assert all(f'`"{label}"`' in text_of("q7-text") for label in LABELS)
    assert all(f'`"{word}"`' in text_of("q6-text") for word in check.RESPONSES)
    assert all(f'`"{reason}"`' in text_of("q6-text") for reason in REASONS)
    assert "`offers.band_midpoint`" in text_of("q7-text") and '`"use"`' in text_of("q7-text")
    assert "`offers.lumen_sure`" in text_of("q3-text")
    assert "`offers.freelance_sure`" in text_of("q3-text")
    assert "`offer.salary`" in text_of("q6-text") and "`offer.remote_days`" in text_of("q6-text")
    assert "delay_drives_agreement" in text_of("q8-text")  # review 110 X1: renamed


def amount_in(text):
    return float(text.replace(",", ""))


def test_the_reflection_uses_an_expected_value_only_before_the_outcome_is_known():
    """The model answer: an offer known before the learner decides is valued at its outcome, so
    the reservation price rises from today's sure BATNA to the offer's worth; the expected value
    is the reservation price only for a learner who must commit first, and its arithmetic is
    right. The old answer said the opposite ("only if I can wait") and rose from the expected
    value."""
    text = " ".join(text_of("reflection").split())
    assert "can wait" not in text
    today = amount_in(
        re.search(r"my BATNA today is a sure ([\d,]+), and so is my reservation price", text)[1]
    )
    low, high, by = map(
        amount_in, re.search(r"rises from ([\d,]+) to ([\d,]+), by ([\d,]+)", text).groups()
    )
    assert (low, by) == (today, high - low)
    p, offer, q, stay, average = re.search(
        r"([\d.]+) × ([\d,]+) \+ ([\d.]+) × ([\d,]+) = ([\d,]+)", text
    ).groups()
    assert amount_in(offer) == high and amount_in(stay) == today
    assert float(p) + float(q) == 1
    assert float(p) * amount_in(offer) + float(q) * amount_in(stay) == amount_in(average)
    above = amount_in(re.search(r"commit before hearing.*?: ([\d,]+) above today's", text)[1])
    assert above == amount_in(average) - today


def test_question_8s_worked_cases_are_right_and_none_is_a_checked_case():
    """The question's text gave the answers to three of its five visible cases; its worked cases
    are now others, and their answers are the check's."""
    text = " ".join(text_of("q8-text").split())
    worked = [(130, 200, 40, 100, 130)]  # review 78 X5: one worked case, not three
    checked = set(check.batna_needed_cases(hidden=False))
    with learner_as(LEARNERS[0]):
        checked |= set(check.batna_needed_cases(hidden=True))
    for target, pie, theirs, nash, outside in worked:
        assert (target, pie, theirs) not in checked
        assert check.needed((target, pie, theirs), False) == nash
        assert check.needed((target, pie, theirs), True) == outside
    assert "pie of 200 and their BATNA 40, a target of 130 needs a BATNA of 100" in text
    assert "needs 40 in the Nash model but 0 with an outside option" not in text  # review 78 X5
    assert "pie of 100 and their BATNA 20, a target of 60" not in text


def test_question_6s_visible_check_tries_every_path_of_the_rule_for_every_learner(drawn):
    """With the test offers, every learner's visible check tries every (response, reason) of the
    rule, with and without remote days where the path allows it, and an offer without remote
    days between the reservation price for the job as offered and the even split with remote
    days (written from the rule of section 5, ``response``, not from the check's)."""
    every = {
        (days, pair)
        for days in (0, 2)
        for pair in (
            ("counter", "below your BATNA"),
            ("counter", "below your reservation price"),
            ("counter", "below the even split"),
        )
    } | {
        (0, ("ask for remote days", "no remote days")),
        (2, ("good enough to close", "even split reached")),
        (0, ("final offer", "no zone even with remote days")),
        (2, ("final offer", "no zone even with remote days")),
    }
    for s in drawn[::4]:
        cases = visible_cases(s)["cases"]
        seen = {
            (o.remote_days, response(case, o))
            for case in cases
            for o in (*case.northwind_offers, *rule_offers(case))
        }
        assert seen == every, (s.learner, every - seen)
        gap = [
            o
            for case in cases
            for o in rule_offers(case)
            if not o.remote_days and reservation(case) <= o.salary < middle(case, remote=True)
        ]
        assert gap, s.learner


def test_question_9_is_a_real_decision_for_every_learner(drawn):
    """Section 3's timing situations were practised by one quiz item and the reflection.
    Question 9 asks for each: with Lumen's round settled and closed, the answer differs from the
    expected-value BATNA for many learners; the example the check tries has Lumen as its BATNA,
    so leaving Lumen open changes its answer and a closed round raises it; so every learner's
    visible check holds at least three different values."""
    example = check._sure_example(True)
    assert abs(when_by_hand(example, "left open") - when_by_hand(example, "commit first")) > 500
    assert when_by_hand(example, "known first", True) > when_by_hand(example, "commit first")
    changed = 0
    for s in drawn:
        seen = visible_cases(s)["when"]
        answers = {
            (c.learner, when_by_hand(c, t, f)) for c in seen for t, f in check.timing_cases()
        }
        assert len(answers) >= 3 + len(seen) - 1, s.learner
        changed += when_by_hand(s, "known first", True) != value(s)
    assert changed > len(drawn) / 3


def test_question_7_catches_a_commute_not_halved_whenever_the_package_decides(drawn):
    """Labelling the demands against the reservation price for the job as offered (the
    commute not halved for remote days) fails question 7's own-case labels for every learner
    whose remote-days demand lies between the two reservation prices, a bluff (about half of
    them: the other half have a warning with remote days, so that its label is read from the
    figure, not the wording); the commute left out fails for every learner with a warning
    among the demands. Question 6 grades the halved commute for every learner. The hidden
    check itself is run on these slips in the question's own tests."""
    halved, left_out = 0, 0
    for s in drawn:
        key = statement_key(s)
        caught = []
        for ceiling in (reservation(s), value(s)):
            wrong = {
                letter: "legitimate" if figures_in(text)[0] <= ceiling else "bluff"
                for letter, text in s.statements
                if demand_package(text) is not None
            }
            caught.append(any(wrong[letter] != key[letter] for letter in wrong))
        warned = any(
            demand_package(text) is not None and key[letter] == "legitimate"
            for letter, text in s.statements
        )
        between = any(
            demand_package(text) and key[letter] == "bluff" for letter, text in s.statements
        )
        assert caught == [between, warned], s.learner
        halved += caught[0]
        left_out += caught[1]
    assert 0.4 < halved / len(drawn) < 0.6 and 0.6 < left_out / len(drawn) < 0.9
    practice = check.practice_case()
    key = {x.letter: x._label for x in statements_of(practice)}
    for ceiling in (reservation(practice), value(practice)):
        assert any(
            ("legitimate" if figures_in(text)[0] <= ceiling else "bluff") != key[letter]
            for letter, text in practice.statements
            if demand_package(text) is not None
        )


def test_a_target_lies_below_what_northwind_could_pay_and_needs_the_remote_days(drawn):
    """Question 8 passed a target equal to Northwind's ceiling (200 of 200 learners), though the
    opening lies beyond the target and a figure above the ceiling is one no fact justifies; and
    it passed a target set above the even split of the job as offered, without the remote-day
    reasoning the question asks for (192 of 200). Over 2,000 learners, the course's solution
    passes and lies below the ceiling, the ceiling itself is refused, and the check tries a case
    whose zone opens only with remote days, where the even split without them is above the
    ceiling, so aiming above it fails. A target just under the ceiling, which passed for every
    learner, is refused (more than three quarters up the zone since session 75), and so is
    any share of the zone of the job as offered."""
    target = solution_namespace(MODULE, "batna")["target_salary"]

    def without_remote_days(offers, reservation):
        top = offers.agency_rate + offers.agency_fee
        return (reservation + top) / 2 + 1_000

    def just_under_the_agency(offers, reservation):
        return offers.agency_rate + offers.agency_fee - 1

    def share_of_the_job_as_offered(share):
        def aimed(offers, reservation):
            top = offers.agency_rate + offers.agency_fee
            return reservation + share * (top - reservation)

        return aimed

    for s in drawn:
        aimed = target(s, reservation(s))
        assert middle(s, remote=True) <= aimed < limit(s), s.learner
        with learner_as(s.learner):
            check.judge_target(s, aimed)
            with pytest.raises(check.NotYet, match="your opening lies beyond your target"):
                check.judge_target(s, limit(s))
    example = check._example(False)
    assert middle(example) > limit(example) >= reservation(example, remote=True)
    for who in LEARNERS[:200]:
        with learner_as(who):
            for wrong in (
                without_remote_days,
                just_under_the_agency,
                *(share_of_the_job_as_offered(share) for share in (0.55, 0.75, 0.9)),
            ):
                with pytest.raises(check.NotYet):
                    sweeps.run(check, "target_salary", wrong)
            assert passes(sweeps.run(check, "target_salary", target)), who


def test_question_5_is_decided_by_the_salary_survey_not_by_a_fixed_share(drawn):
    """A target at any fixed share of the zone with remote days from 0.55 to 0.88 passed
    question 5 for every learner (600 of 600): where in the band to aim was never graded.
    The scenario now gives a salary survey's median, and the target is the highest figure in
    the band it supports. Over 600 learners a fixed share passes the check's cases for none
    and the learner's own case for at most a fifth; the median lies at least 1,000 from both
    ends of the band, inside it for most learners and below or above it for many others; the
    story states it; and the survey's median taken as it is fails wherever it lies below the
    band (review 106 X1: past its top it passes, a fact you can show)."""
    sample = drawn[:600]

    def share(f):
        def aimed(offers, reservation_price):
            low = reservation_price - offers.commute_cost / 2
            return round(low + f * (limit(offers) - low), -2)

        return aimed

    def survey_as_it_is(offers, reservation_price):
        return offers.pay_survey

    def fails(cases, answer):
        try:
            for case in cases:
                check.judge_target(case, answer(case, reservation(case)))
        except NotYet:
            return True
        return False

    for f in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9):  # session 75: the top is 0.75
        own = full = 0
        for s in sample:
            with learner_as(s.learner):
                own += not fails([s], share(f))
                full += not fails(check._target_cases(False), share(f))
        # an end of the band (rounded to the hundred, which the check takes) is the right
        # target wherever the survey lies beyond that end: for no more learners than that
        ends = {
            0.5: lambda s, ends: s.pay_survey < ends[0],
            0.75: lambda s, ends: s.pay_survey > ends[1],
        }
        beyond = sum(ends[f](s, check.target_band(s)) for s in sample) if f in ends else 0
        assert full == 0 and own <= max(beyond, len(sample) / 5), (f, own, full)
    where = collections.Counter()
    for s in sample:
        low = reservation(s, remote=True)
        split, boldest = (low + limit(s)) / 2, low + 0.75 * (limit(s) - low)
        assert min(abs(s.pay_survey - split), abs(s.pay_survey - boldest)) >= 1_000, s.learner
        said = f"survey you can show puts the median pay for the role at {s.pay_survey:,.0f}"
        assert said in s.story()
        where["below" if s.pay_survey < split else "above" if s.pay_survey > boldest else "in"] += 1
        with learner_as(s.learner):
            # review 106 X1: past the band's top the survey is a fact you can show, so a
            # target up to it passes (below Northwind's reservation price, where you open)
            assert fails([s], survey_as_it_is) == (s.pay_survey < split or s.pay_survey >= limit(s))
            # in the band, neither the key nor the target of the zone without remote days
            # (that slip has its own hint, true as well where the two coincide)
            key, slip = min(max(s.pay_survey, split), boldest), check._target_without_remote_days(s)
            other = next(
                x
                for x in (split, boldest - 50, (split + boldest) / 2, split + 150)
                if abs(x - key) > 100 and abs(x - slip) > 100
            )
            # the own case's hint names the survey, never its figure (the target here)
            with pytest.raises(NotYet, match="salary survey's median, supports"):
                check.judge_target(s, other)
    assert where["in"] >= 0.4 * len(sample), where
    assert min(where["below"], where["above"]) >= 0.15 * len(sample), where


def test_question_3s_hint_for_ignoring_the_sure_amounts_never_names_lumens_alone(drawn):
    """Where Lumen's sure amount leaves the BATNA by expected values (Freelance) as it was, the
    answer that ignores risk_averse was told it "uses Lumen's sure amount but Freelance's
    expected value", which it never did (79 of 300 learners); it now gets one hint true of both
    readings. A Lumen-only answer that gives its own number is still told so."""
    both = lumen_alone = 0
    for s in drawn[:600]:
        right = max(worth(s, sure=True).values()) + s.commute_cost
        ignores = value(s) + s.commute_cost
        mixed = max(s.bank_salary, s.lumen_sure, worth(s)["Freelance"]) + s.commute_cost
        with learner_as(s.learner):
            if abs(ignores - right) > 1:
                with pytest.raises(check.NotYet) as failure:
                    check.judge_reservation_salary(s, ignores, True)
                said = str(failure.value)
                assert "Lumen's sure amount" not in said
                assert "one attitude to risk" in said or "values the gambles" in said
                both += abs(mixed - ignores) < 1
            if abs(mixed - right) > 1 and abs(mixed - ignores) > 1:
                with pytest.raises(check.NotYet) as failure:
                    check.judge_reservation_salary(s, mixed, True)
                assert "uses Lumen's sure amount but Freelance's" in str(failure.value)
                lumen_alone += 1
    assert both > 100 and lumen_alone > 50


def test_question_9s_hint_for_leaving_lumen_out_says_it_cancels_only_beside_a_sure_one(drawn):
    """Applying section 3's "the open alternative cancels" to a gamble gives the best fallback
    without Lumen; where Lumen is not the BATNA by expected values that is also the
    committed-first value, and the hint said "counts Lumen at its expected value" (116 of 300
    learners), never the point of the question. Every such answer is now told that an open
    alternative cancels only when none of its outcomes lies strictly between the fallback's
    worst and best."""
    told = 0
    for s in drawn[:600]:
        without = max(worth(s)["Harbor Bank"], worth(s)["Freelance"])
        if abs(check.batna_value_when(s, "left open") - without) < 1:
            continue
        with learner_as(s.learner), pytest.raises(check.NotYet) as failure:
            check.judge_batna_when(s, "left open", None, without)
        assert "cancels only when none of its outcomes lies strictly between" in str(failure.value)
        told += 1
    assert told > 300


def test_the_visible_check_of_question_7_judges_no_own_label_and_grading_marks_them(
    drawn, reference
):
    """Labels on the learner's own case are judged only when graded: any allowed labels
    with a right "use" pass the visible check (with no tick), and every wrong label costs
    its share at grading (600 swept). The practice case is never the learner's own,
    and the reference's practice labels are its key."""
    practice_key = reference["practice_labels"]()
    for n, s in enumerate(drawn[:600]):
        key = statement_key(s)
        letters = sorted(x for x in key if x != "use")
        shifted = {
            x: check.LABELS[(check.LABELS.index(key[x]) + 1 + n) % len(check.LABELS)]
            for x in letters
        }
        # each wrong label costs its own share, whatever the others (review 65 X1); the two
        # always-plain statements an eighth each, the four read off a figure three eighths
        # (review 75 X2)
        lost = sum(
            check.label_points(st)
            for st in statements_of(s)
            if shifted[st.letter] not in check._accepted(st, shifted)
        )

        def labeller(offers, shifted=shifted):
            return {**shifted, "use": reference["label_statements"](offers)["use"]}

        with learner_as(s.learner):
            assert run("label_statements", labeller) is None, s.learner
            credit = run("label_statements", labeller, hidden=True)
            assert credit.earned == 2 - lost, s.learner
            practice = check.practice_case()
            assert practice.learner != s.learner
        assert practice_key == {x.letter: x._label for x in check._practice_said()}


def test_the_practice_case_is_no_drawn_learners_case_whoever_the_kernel_claims(drawn):
    """Question 7's practice check judges labels one by one, so its statements must be no
    graded learner's: for every swept learner, acting as that learner, the practice case is
    the same fixed case, drawn for an id no learner can have, with other facts and other
    statements than the learner's (a single wording may recur: it is judged on the
    practice case's facts, not the learner's)."""
    practice = check.practice_case()
    for s in drawn:
        with learner_as(s.learner):
            assert check.practice_case() == practice, s.learner
        assert s.learner != practice.learner
        assert replace(s, learner=practice.learner) != practice, s.learner
        assert s.statements != practice.statements, s.learner


def test_an_open_lumen_cancels_exactly_when_none_of_its_outcomes_splits_the_fallback(drawn):
    """Section 3 and the summary said an open alternative never cancels beside a fallback
    gamble; it cancels whenever none of its outcomes lies strictly between the fallback's
    worst and best and the fallback's worst is at least its own worst (about 2 in 100
    learners' own question 9 had such a freelancing fallback). For each learner and each
    fallback alone beside an open Lumen, the sure salary worth as much (by bisection) is the
    fallback's expected value exactly when the text's condition holds. Beside Harbor Bank's
    salary it always holds; beside freelancing it fails for most learners ("usually")."""
    cancelled = {"Harbor Bank": 0, "Freelance": 0}
    for s in drawn:
        lumen = (s.startup_base, s.startup_base + s.startup_bonus)
        fallbacks = {
            "Harbor Bank": (s.bank_salary,),
            "Freelance": (s.freelance_busy, s.freelance_normal, s.freelance_no_renewal),
        }
        for name, outcomes in fallbacks.items():
            alone = replace(s, **({"bank_salary": 0.0} if name == "Freelance" else {}))
            if name == "Harbor Bank":  # freelancing out of the way: a fallback far below
                alone = replace(
                    s, freelance_busy=0.0, freelance_normal=0.0, freelance_no_renewal=0.0
                )
            cancels = abs(when_by_hand(alone, "left open") - worth(s)[name]) < 0.01
            condition = not any(min(outcomes) < x < max(outcomes) for x in lumen) and (
                min(outcomes) >= min(lumen)
            )
            assert cancels == condition, (s.learner, name)
            cancelled[name] += cancels
    assert cancelled["Harbor Bank"] == len(drawn)
    assert 0 < cancelled["Freelance"] < 0.1 * len(drawn)
    # review 58 U1: the exact condition beside a gamble moved from section 3 to question 9
    section = " ".join(text_of("q9-text").split())
    assert "Beside another gamble it does not cancel" not in section
    # review 82 U3: the general rule is cut from the box; its worked cases stay
    assert "strictly between" not in section and "Usually one does" not in section
    assert "Now take a gamble of 50,000 or 130,000 with even chances" in section
    # review 69 U2: the general rule moved from section 3 into question 9's box
    assert (
        "Beside a gamble as your BATNA without Lumen, it usually raises the sure amount you need above"
        in section
    )
    summary = " ".join(text_of("summary").split())
    assert "but not beside another gamble" not in summary
    # review 57, U1: the summary no longer repeats the condition; review 69 U2: it points
    # to question 9, which says "usually", as above
    assert "sits on both sides of the comparison (question 9)" in summary


def test_question_8s_own_case_has_a_decision_off_every_boundary_for_every_learner(drawn):
    """Review 66, X1: question 8's own part inverts the model that fits each version of the
    talks the check tries. For every swept learner: the target lies at least 1,000 below the
    agency's cost (so the cap never decides); the Nash answer sits far from its floor at 0;
    where the start slips and you propose, the BATNA found stays above your share at the table
    as the responder, so it binds and the binding formula is the model's answer; the salary
    the model predicts at that BATNA is the target; and the answer differs from one version to
    another, so one formula for all fails."""
    from course.scenarios.batna import batna_needed_of, predicted_salary

    for s in drawn:
        target, half = target_of(s), s.commute_cost / 2
        assert s.agency_rate + s.agency_fee - target >= 1_000, s.learner
        answers = set()
        for talks in check.talks_cases(s):
            need = batna_needed_of(s, talks, target)
            answers.add(round(need))
            if talks.may_be_cancelled:
                assert 2 * target - talks.work_value - half >= 10_000, s.learner
            if talks.start_slips and talks.proposer == "you":
                table = talks.delta / (1 + talks.delta) * (talks.work_value - half)
                assert need - table >= 10_000, s.learner
            if not (talks.answer_date and talks.proposer == "you"):
                rise = need - max(worth(s).values())
                assert predicted_salary(s, talks, rise) == pytest.approx(target), s.learner
        assert len(answers) >= 3, s.learner


# --- the examples the checks look for ----------------------------------------------------------


def test_every_kind_of_example_a_check_looks_for_stays_common(drawn):
    """The visible checks of questions 4 and 5 searched the learners ``example-1``, ... for
    a case whose zone opens only with remote days, without bound: when a change to the draw
    (review 75 X1, reverted) left no such case, a learner's notebook waited for ever. Every
    search is now bounded (``_first_example``), and every kind a check looks for must stay
    common among drawn learners: at 2% or more, a search of ``MAX_DRAWS`` learners misses
    with a chance below 2 in a billion, whatever prefix the grading key gives it. A draw
    that removes a kind fails here."""
    shares = {
        kind: sum(map(fits, drawn)) / len(drawn) for kind, fits in check._EXAMPLE_KINDS.items()
    }
    rare = {kind: share for kind, share in shares.items() if share < 0.02}
    assert not rare, rare
    # the public examples exist, and are of their kind
    for kind, fits in check._EXAMPLE_KINDS.items():
        assert fits(check._first_example(kind)), kind


def test_a_kind_of_example_that_no_learner_has_stops_with_a_message(monkeypatch):
    """Where no learner is of a kind (code in the kernel changed the rules), the search
    stops after ``MAX_DRAWS`` learners with ``NoFairDraw``, which says what to do, instead
    of searching for ever."""
    from course.scenarios.base import NoFairDraw

    monkeypatch.setattr(check, "MAX_DRAWS", 5)
    monkeypatch.setitem(check._EXAMPLE_KINDS, "zone only with remote days", lambda o: False)
    check._first_example.cache_clear()
    try:
        with pytest.raises(NoFairDraw, match="Restart the kernel"):
            check._example(False, prefix="nowhere")
    finally:
        check._first_example.cache_clear()
