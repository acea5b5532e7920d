# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "intro", "schema_version": 3}
# # Module 02 — Alternatives: your BATNA
#
# Your strongest argument at a negotiating table is often what you will do if this deal
# falls through: module 00's **alternatives**, a source of leverage you build before the
# table (the reflection asks how) and that shifts as news arrives (section 3's quiz).
#
# You will learn to
#
# 1. value an uncertain alternative, and pick your best one, your **BATNA**;
# 2. turn it into a **reservation price**, the worst terms you would accept, and set a
#    target;
# 3. work out the other side's reservation price from *its* alternative, and the zone
#    where a deal can happen, the **ZOPA**;
# 4. decide what to do with an offer: close it, counter it, ask for
#    a term that costs the other side nothing (here, remote days), or make a final
#    offer; and mention your alternatives honestly;
# 5. see how a deal's surplus (what it gains over both sides' alternatives together)
#    splits, and when a better BATNA earns you more.
#
# The core takes about 5 to 5½ hours, best in three sittings (7 to 8 if Python is new
# to you): 2 hours for sections 1 to 4 with questions 1 to 5, 2 hours for sections 5 and 6
# with questions 6, 6b and 7, and 1 to 1½ hours for section 7 with questions 8, 8b and 9
# and the reflection. An optional extension (about 1½ hours, no marks) adds section 7's
# three-benchmark box, question 9's "left open" case, and question 10 with its practice.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell draws your scenario. The first time, it asks for your course id: type the
# id your instructor gave you and press Enter. The cell keeps your scenario as `offers`;
# the table at its end names each number, for example `offers.bank_salary`.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import batna as check
from course.models.batna import (
    best_alternative,
    expected_value,
    nash_split,
    outside_option_split,
    risk_attitude,
)

offers = course.variant("02_batna")
offers

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ev-teaching", "schema_version": 3}
# ## 1. What an uncertain alternative is worth
#
# Fisher and Ury named it in *Getting to Yes* (1981): your **B**est **A**lternative **T**o a
# **N**egotiated **A**greement is what you will do if no deal is reached.
#
# Alternatives are rarely certain. We describe one as a *tree*: each branch has a
# probability (those leaving one point add up to 1), and each leaf is what you end up with.
#
# A tree's **expected value** is each outcome weighted by its probability, added up. For
# outcomes $v_1, \dots, v_n$ with probabilities
# $p_1, \dots, p_n$,
#
# $$\mathrm{EV} = \sum_{i=1}^{n} p_i \, v_i ,$$
#
# and for a deeper tree you apply the same rule from the leaves upwards (Raiffa,
# *Decision Analysis*, 1968). In the library, a tree is a list of `(probability, outcome)`
# pairs, and an outcome can itself be a tree.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ev-example", "schema_version": 3}
sure_offer = 90_000
startup_gamble = [(0.5, 120_000), (0.5, 70_000)]
expected_value(sure_offer), expected_value(startup_gamble)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ev-risk", "schema_version": 3}
# On average the gamble is worth 95,000, but you will be paid 120,000 or 70,000.
#
# Decision analysis (Raiffa 1968) values such a gamble by its **certainty equivalent**:
# the sure amount that is exactly as good to you as the gamble. Someone indifferent
# between a sure 88,000 and the gamble values it at 88,000, not 95,000. The gap, 7,000
# here, is their **risk premium** (Pratt 1964), what they would give up to be rid of the
# risk. A certainty equivalent below the expected value means you are *risk-averse*, equal
# to it *risk-neutral*, above it *risk-seeking*.
#
# Valued at 88,000, the gamble loses to the sure 90,000. So compare alternatives by what
# each is worth *to you*: its expected value if you are risk-neutral, your certainty
# equivalent if you are not. Price every gamble with the same attitude to risk. That
# attitude may still make you avoid some risks and seek others: one person may buy
# insurance and a lottery ticket (Friedman and Savage 1948).

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ce-example", "schema_version": 3}
risk_attitude(startup_gamble, 88_000)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (1 mark, a warm-up): Lumen's offer as a tree
#
# Write `startup_tree(offers)`, returning Lumen's offer as a tree, as section 1 describes
# one, from `offers.startup_base`, `offers.startup_bonus` and `offers.funding_probability`.
# The check tries your scenario; grading also other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "startup-tree-answer", "schema_version": 3}
def startup_tree(offers):
    """Lumen's offer as a list of (probability, salary) pairs."""
    ### BEGIN SOLUTION
    funded = offers.funding_probability
    return [
        (funded, offers.startup_base + offers.startup_bonus),
        (1 - funded, offers.startup_base),
    ]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "startup-tree-test", "schema_version": 3}
"""Check that startup_tree gives Lumen's two outcomes with their chances."""
check.startup_tree(startup_tree)
### BEGIN HIDDEN TESTS
check.startup_tree(startup_tree, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "choose-teaching", "schema_version": 3}
# ## 2. Choosing your BATNA
#
# When you hold several alternatives (here, job offers), only the best one counts as your
# BATNA: the one you would take if the talks failed; if it disappears, the next best takes
# its place.
#
# Picking the best alternative by its expected value assumes, besides risk neutrality
# (section 1), two things, and your scenario states both: the alternatives exclude each
# other (you can take only one), and you must choose before their uncertainty is settled.
# Do not compare best cases: freelancing may pay the
# most at best and be worth less on average.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 marks): which alternative is your BATNA?
#
# Write `choose_batna(offers)`. Describe all three alternatives as trees and return the
# best one as a pair `(name, value)`: its expected value, or, with `risk_averse=True`, the
# sure amount given for it (see below). Spell the name as in the scenario
# (capitals, spaces and underscores do not count: `"HarborBank"` and `"harbor_bank"` both
# name Harbor Bank):
#
# - `"Harbor Bank"`: a sure `offers.bank_salary`;
# - `"Lumen"`: your `startup_tree(offers)` from question 1;
# - `"Freelance"`: a tree of two levels. With chance `offers.renewal_probability` the
#   contract is renewed, and then the year is busy (`offers.freelance_busy`, with chance
#   `offers.busy_probability`) or normal (`offers.freelance_normal`); otherwise you earn
#   `offers.freelance_no_renewal`.
#
# `best_alternative` takes a dict of name to tree and returns the pair. Amounts are
# checked to the cent: do not round.
#
# Give the function a second argument, `risk_averse=False`, for question 3: when it is
# `True`, value Lumen at `offers.lumen_sure` and Freelance at `offers.freelance_sure`, their
# sure amounts. Its check tries that without marks.
#
# *Grading:* your scenario, four examples (each alternative the BATNA in at least one)
# and other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "choose-batna-answer", "schema_version": 3}
def choose_batna(offers, risk_averse=False):
    """The best alternative of the scenario, as (name, value); the gambles at their sure
    amounts when risk_averse."""
    ### BEGIN SOLUTION
    renewed = [
        (offers.busy_probability, offers.freelance_busy),
        (1 - offers.busy_probability, offers.freelance_normal),
    ]
    freelance = [
        (offers.renewal_probability, renewed),
        (1 - offers.renewal_probability, offers.freelance_no_renewal),
    ]
    alternatives = {
        "Harbor Bank": offers.bank_salary,
        "Lumen": offers.lumen_sure if risk_averse else startup_tree(offers),
        "Freelance": offers.freelance_sure if risk_averse else freelance,
    }
    return best_alternative(alternatives)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "choose-batna-test", "schema_version": 3}
"""Check that choose_batna picks the alternative with the highest expected value."""
check.choose_batna(choose_batna)
### BEGIN HIDDEN TESTS
check.choose_batna(choose_batna, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reservation-teaching", "schema_version": 3}
# ## 3. Reservation price and target
#
# The deal on the table may cost you something your alternative does not (a longer commute,
# a move), or give you something extra. Your **reservation price** is the worst deal you
# would still accept: the value of your BATNA, corrected for those differences. Many texts
# call it your walk-away point; this course says
# reservation price, and keeps "walk away" for the act (Raiffa,
# *The Art and Science of Negotiation*, 1982, builds his analysis on this number).
#
# For a job that costs you $c$ a year more than your BATNA, worth $V$, the lowest salary
# worth accepting is
#
# $$r = V + c .$$
#
# If you are not risk-neutral, $V$ is what your BATNA is worth *to you* (section 1), and
# another alternative may become your BATNA.
#
# How an uncertain alternative enters $V$ depends on when its uncertainty is settled:
#
# | timing | the alternative counts in $V$ at | example |
# |---|---|---|
# | you must commit before it is settled, and the deal rules it out | its expected value (or your certainty equivalent) | Lumen here: its round closes after you choose, and Northwind means no Lumen |
# | it is settled before you must decide | the outcome itself, never the average | an offer if it comes, nothing if not |
# | the deal leaves it open: you could still take it later | not in $V$ alone: you keep it whether you sign or walk away, so it counts beside both | an offer held open for a year |
#
# Question 9 shows how the third case nets out.
#
# Work it out *before* you negotiate. Revise it on new facts about your alternatives (an
# offer withdrawn, Lumen's round closed) or about what this deal costs or gives you (a
# dearer commute); never because of the number the other side names or how hard they push.
# (Fisher and Ury warn that a fixed *bottom line* keeps you from using what the talks
# reveal; revising on new facts avoids that.)
#
# Set a **target** too (or aspiration): the outcome you aim to land at, better than your
# reservation price; section 4 says what places it. It is not your opening: your first
# offer lies beyond the target, so that you can concede towards it. Galinsky, Mussweiler
# and Medvec (*Journal of Personality and Social Psychology* 83, 2002) found that
# negotiators who kept their target in mind reached better deals than those who watched
# their reservation price, though they felt less satisfied.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "news-text", "schema_version": 3}
# ### Exercise: revise or hold?
#
# This quiz is about your reservation price. Each item below reaches you during your
# talks: decide whether it is a reason to work your reservation price out again (revise
# it; it may come out the same) or no reason at all (hold it). Revise only for what your
# alternatives are worth to you, or what this deal costs or gives you that they do not; a
# fact can be true, and still change neither. Each choice is final; the item then says
# why; the line under the quiz counts your right choices.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "news-quiz", "schema_version": 3}
from course.widgets.batna import NewsQuiz

NewsQuiz()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 marks): your reservation price at Northwind
#
# Write `reservation_salary(offers, risk_averse=False)`: your reservation price for the
# Northwind salary, from your BATNA (use your `choose_batna` from question 2) and
# `offers.commute_cost`, the yearly extra cost of the Northwind job.
#
# - First part (1 mark, a warm-up): with `risk_averse=False`, by expected values. The
#   check tries your case and question 2's four examples, as grading does.
# - Second part (1 mark): with `risk_averse=True`, Lumen and Freelance at their sure amounts
#   (`offers.lumen_sure`, `offers.freelance_sure`), as your `choose_batna` does.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "reservation-salary-answer", "schema_version": 3}
def reservation_salary(offers, risk_averse=False):
    """The lowest Northwind salary worth accepting (the gambles at their sure amounts when
    risk_averse)."""
    ### BEGIN SOLUTION
    _, batna_value = choose_batna(offers, risk_averse)
    return batna_value + offers.commute_cost
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "reservation-salary-test", "schema_version": 3}
"""Check that reservation_salary adds what the Northwind job costs to the BATNA's value."""
check.reservation_salary(reservation_salary)
### BEGIN HIDDEN TESTS
check.reservation_salary(reservation_salary, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "builder-text", "schema_version": 3}
# ### Exercise: your alternatives in the BATNA builder
#
# 1. Enter your three alternatives. The builder takes one level of outcomes, so flatten
#    Freelance: each path's chance is the product of the chances along it (renewed and
#    busy: `renewal_probability × busy_probability`). The expected values should match
#    your `choose_batna`'s.
# 2. Type your commute cost as the deal's extra cost: the reservation price should be your
#    answer to question 3.
# 3. Type `lumen_sure` and `freelance_sure` as the *sure amounts* to check question 3's
#    second part; then type your own certainty equivalents, and see whether your BATNA and
#    reservation price change.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "batna-builder", "schema_version": 3}
from course.widgets.batna import BatnaBuilder

BatnaBuilder()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "zopa-teaching", "schema_version": 3}
# ## 4. The other side's alternatives, and the zone of possible agreement
#
# Northwind's reservation price comes from its own BATNA, as yours does from yours: if it
# can fill the role some other way for a known cost, it should pay you no more than that.
# Assess its alternatives as carefully as your own (Lax and Sebenius,
# *The Manager as Negotiator*, 1986): negotiators who thought about them were far less
# pulled by the other side's first offer (Galinsky and Mussweiler, *Journal of Personality
# and Social Psychology* 81, 2001). Build the estimate from facts you can check.
#
# A seller (here: you, selling your work) will not go below its own, $s$, nor a buyer
# (Northwind) above its own, $b$. Between them lies the **zone of possible agreement**, or
# ZOPA (Raiffa 1982; Lax and Sebenius 1986):
#
# $$\mathrm{ZOPA} = [\,s,\ b\,] \quad \text{when } b \ge s, \qquad \text{no ZOPA when } b < s .$$
#
# At any price in the zone, neither side is worse off than with its BATNA. Its width,
# $b - s$, is the **surplus** the deal creates.
#
# Terms other than salary can move either reservation price: remote days shorten your
# commute; a signing bonus or a later start may be worth more to one side than it costs the
# other. Call an offer's salary and its other terms together its **package**: each package
# has its own reservation prices and zone. "No zone" means none for this package: look for
# terms that change the numbers.
#
# **Where your target belongs.** Take the zone from your reservation price to your
# estimate of the other side's reservation price. This course calls its middle the
# **even split**: the price halfway between the two ends, where each side gains the same
# over its alternative. Wherever you open, aim at or above the even split. The **band**
# runs from there to three quarters of the way up, keeping a quarter of the zone as room
# to concede. With no fact you can show, or one below the even split, your target is the
# even split. A higher fact moves it to the fact's figure, up to the band's top; past the
# top only if you accept less room to concede. The band is this course's convention, not
# a research finding; research supports ambitious targets (Siegel and Fouraker 1960;
# section 3's study).
#
# | the fact you can show (a pay survey, a rival's price) | your target |
# |---|---|
# | none, or one below the even split | the even split |
# | one inside the band | the fact's figure |
# | one past the band's top | the band's top; or, if you accept less room to concede, up to the fact's figure |
#
# **Your two packages.** Northwind can move only salary and remote days (0 or 2 a week);
# remote days cost it nothing and halve your commute. With two, your reservation price is
# $V + c/2$, not $r = V + c$, and the zone starts half the commute lower. Call the middle
# of that zone the **even split with remote days**.
#
# <details>
# <summary><b>Your opening</b> (optional)</summary>
#
# The course has one rule for the opening (module 04 develops it): open at or somewhat
# beyond your estimate of the other side's reservation price, as far as a fact you can name
# takes you. An opening past their reservation price anchors high but risks an impasse
# (Schweinsberg and colleagues 2012). In your scenario no fact carries an opening past what
# the agency's contractor costs, so you open at that estimate. Module 01 adds one more way
# past the band's top: what you know about this buyer can let a target go higher.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 marks): is there a deal with Northwind?
#
# Write `northwind_zopa(offers, reservation)`. `reservation` is your reservation price from
# expected values (question 3, first part); the check passes the right value. First decide
# which of your scenario's four pay figures (`offers.agency_rate`, `offers.agency_fee`,
# `offers.pay_survey`, `offers.band_midpoint`) make Northwind's reservation price (section
# 4). Then return the zone between the two as a pair `(low, high)`, or `None` when there is
# no zone. The check tries your case, an example of the other kind, one whose survey tops
# the agency's cost and one where the two reservation prices are equal: by section 4's
# $b \ge s$, a zone of one salary. Marks: zones 1¼, no zone ½, equal prices ¼.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "northwind-zopa-answer", "schema_version": 3}
def northwind_zopa(offers, reservation):
    """The ZOPA with Northwind as (low, high), or None."""
    ### BEGIN SOLUTION
    northwind = offers.agency_rate + offers.agency_fee  # what its alternative costs it
    if northwind < reservation:
        return None
    return (reservation, northwind)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "northwind-zopa-test", "schema_version": 3}
"""Check that northwind_zopa finds the zone with Northwind, or says there is none."""
check.northwind_zopa(northwind_zopa)
### BEGIN HIDDEN TESTS
check.northwind_zopa(northwind_zopa, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "explorer-text", "schema_version": 3}
# ### Exercise: your zone in the ZOPA explorer
#
# Set the seller's reservation price to yours (question 3, first part) and the buyer's to
# Northwind's (question 4): type each in its box.
#
# - If you have a zone: move the proposed deal to its even split. Work out where the even
#   split will be if you raise your reservation price by 1,000; then raise it and check.
# - Then, zone or not: set your reservation price back to your question 3 value and lower
#   it by half your commute cost. Every learner then has a zone: read its surplus and even
#   split.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "zopa-explorer", "schema_version": 3}
from course.widgets.batna import ZopaExplorer

ZopaExplorer(seller=90_000, buyer=100_000, price=95_000, low=60_000, high=150_000, step=5)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (1 mark): your target at Northwind
#
# Before the first offer, set your target at Northwind by section 4's convention. Write
# `target_salary(offers, reservation)` returning it; `reservation` is as in question 4.
# First decide which package to apply section 4's band to, from what your scenario says each
# term costs each side (`offers.commute_cost`, `offers.agency_rate`, `offers.agency_fee`):
# which reservation price belongs to that package, and what is Northwind's reservation
# price? Your scenario has one fact to aim by, `offers.pay_survey`, the median pay for the
# role in a salary survey. Decide what it supports on your numbers; the check takes any
# figure within 100 of the right target (or, with the survey above the band, from the band's
# top to the survey), on your case and other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "target-salary-answer", "schema_version": 3}
def target_salary(offers, reservation):
    """The salary to aim for at Northwind."""
    ### BEGIN SOLUTION
    with_remote_days = reservation - offers.commute_cost / 2
    northwind = offers.agency_rate + offers.agency_fee
    even_split = (with_remote_days + northwind) / 2
    boldest = with_remote_days + 0.75 * (northwind - with_remote_days)
    return min(max(offers.pay_survey, even_split), boldest)  # the survey, kept in the band
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "target-salary-test", "schema_version": 3}
"""Check that target_salary aims where the salary survey puts it, inside the band."""
check.target_salary(target_salary)
### BEGIN HIDDEN TESTS
check.target_salary(target_salary, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "decide-teaching", "schema_version": 3}
# ## 5. Deciding on an offer
#
# Any offer above your reservation price for its package beats walking away. The rule
# below decides whether to push for more: the even split with remote days (section 4),
# your own yardstick of an even-handed deal (Northwind cannot check it), is your threshold
# to close; your target may lie above it. An offer at or above it is *good enough to
# close*: take it. A **final offer** is one its maker says they will not improve. For an
# offer made while Northwind is still moving:
#
# | your estimate of Northwind's reservation price | the offer's salary | your response |
# |---|---|---|
# | at or above your reservation price with two remote days: a zone (your case) | at or above the even split with remote days | *good enough to close* with the remote days; without them, **ask for remote days** |
# | the same | below the even split with remote days | **counter** with your figure and a fact you can show; keep the reason private: below your BATNA, below your reservation price for its package, or short of the even split with remote days |
# | below your reservation price with two remote days: no zone | at or above it | *good enough to close* with the remote days; without them, **ask for remote days**: your estimate was too low |
# | the same | below it too | **final offer**: no package works for both |
#
# Counter towards your target, but close at the even split with remote days rather than hold
# out for more. Every counter asks for two remote days too. Your final offer
# here is your reservation price with two remote days; if it is refused, walk away. If your
# estimate of Northwind's reservation price is right, that costs nothing; if it is too low,
# Northwind may pay just that, still no worse than leaving.
#
# If Northwind makes the last offer, it need pay just your reservation price: you can only
# take it or your BATNA. Not knowing it, Northwind must rely on its estimate, which
# section 6 shows how to raise.
#
# An offer below your BATNA is often an extreme opening. Stay calm: it shows where Northwind
# opens, not where it must stop; answer with your own number. At a final offer you
# believe, take any offer above your reservation price for its package.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 marks): close, ask for remote days, counter or final offer?
#
# Write `respond_to_offer(offers, offer, batna_value, northwind_reservation)` that returns
# your response by section 5's rule (a convention), for offers made while Northwind is
# still moving: `"good enough to close"`,
# `"ask for remote days"`, `"counter"` or `"final offer"` (then leave if it is refused).
# You may return a pair `(response, reason)`, the reason one of
# `"no zone even with remote days"`, `"even split reached"`, `"no remote days"`,
# `"below your BATNA"`, `"below your reservation price"` or `"below the even split"`:
# the check then says, without marks, whether it is the rule's.
#
# `offer` has `offer.salary` and `offer.remote_days` (0 or 2); your own four offers are
# `offers.northwind_offers`. `batna_value` is what your BATNA is worth by expected values
# (question 2); `northwind_reservation` is Northwind's reservation price (question 4): the
# check passes the right values. You also need `offers.commute_cost`.
#
# The check tries your offers, an example's, and test offers on every path of the rule (your
# own offers never need a final offer; the test offers do). Marks: responses 1½, final
# offer ½, reasons none. An offer exactly at the even split with remote days reaches it;
# if other responses are wrong, getting it right still earns ½.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "respond-to-offer-answer", "schema_version": 3}
def respond_to_offer(offers, offer, batna_value, northwind_reservation):
    """(response, reason) for one of Northwind's offers."""
    ### BEGIN SOLUTION
    with_remote = batna_value + offers.commute_cost / 2
    if northwind_reservation < with_remote and offer.salary < with_remote:
        return "final offer", "no zone even with remote days"
    even_split = (with_remote + northwind_reservation) / 2
    if offer.salary >= even_split:
        if offer.remote_days:
            return "good enough to close", "even split reached"
        return "ask for remote days", "no remote days"
    if offer.salary < batna_value:
        return "counter", "below your BATNA"
    commute = offers.commute_cost / 2 if offer.remote_days else offers.commute_cost
    if offer.salary < batna_value + commute:
        return "counter", "below your reservation price"
    return "counter", "below the even split"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "respond-to-offer-test", "schema_version": 3}
"""Check that respond_to_offer answers each offer by the rule, with the rule's reason."""
check.respond_to_offer(respond_to_offer)
### BEGIN HIDDEN TESTS
check.respond_to_offer(respond_to_offer, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "take-or-counter-text", "schema_version": 3}
# ### Question 6b (2 marks, graded by your instructor): take it now, or counter?
#
# You opened earlier at the agency's cost; Northwind has moved since. It now offers two
# remote days at the salary a quarter of the way up your zone with two remote days, rounded
# to 100, and calls it its final offer: above your reservation price, below the even split
# with remote days. Your answer date is weeks away, so this need not be its last offer;
# you cannot tell whether it means it. Take it now, or counter? In two to
# four sentences, say which. Either choice can earn
# full marks. Half a mark each for:
#
# 1. the offer's salary, from your numbers, and your choice;
# 2. a figure that fits it: the offer if you take it; if you counter, a salary above the
#    offer, at most your opening, the remote days kept;
# 3. the fact behind it (for a counter, one you could show Northwind);
# 4. what your choice risks, and why you accept that risk; for a counter above your
#    target (question 5), why that height is worth it.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "take-or-counter", "schema_version": 3}
# ### BEGIN SOLUTION
# A model answer on one learner's numbers. (1) My zone with two remote days runs from
# 103,375 to 119,000, so the offer is 107,300. I counter, (2) at 114,500 with the remote
# days, my question 5 target, (3) the survey median I can show. (4) Northwind may withdraw
# the offer, 3,925 above my reservation price; it has moved before, so I take that risk.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "honest-teaching", "schema_version": 3}
# ## 6. Using your alternatives honestly
#
# Label what you say by three rules, in module 00's terms:
#
# 1. A true statement that leaves no false impression in your favour that Northwind would
#    rely on: **legitimate**, with or without a demand.
# 2. A false claim about your reservation price, or a demand you would not carry out: a
#    **bluff**.
# 3. A false statement of fact the other side will rely on: a **misrepresentation**.
#
# **When to mention an alternative at all.** Mention it when what it shows beats the other
# side's estimate of your reservation price. Then it raises that estimate and what they
# must offer. Keep a weak one private: naming it would show you could be had for less.
# This rule fits talks where Northwind makes the last offer before your answer date, so it
# can hold to a final offer (section 5).
#
# Tell its terms in full, and say the chances are your own estimates, which nobody can
# check. Mention the commute but give no figure while Northwind is still moving: the cost
# is personal, Northwind cannot check it, and a figure invites an offer that just matches
# it. As your scenario says, Northwind reads your reservation price as the midpoint of its
# pay band. It counts an unpriced commute at nothing and takes the chances you state at
# face value. So mention your BATNA when its value by expected values beats the midpoint:
# with the midpoint at 100,000, keep a BATNA worth 95,000 private; mention one worth
# 105,000. Price the commute before Northwind's last offer, or that offer may fall below
# your reservation price.
#
# Harbor Bank has offered you 89,000 and the commute costs you 8,000 a year, so your
# reservation price for the job as offered is 97,000:
#
# | label | true? | examples |
# |---|---|---|
# | legitimate | true | "Harbor Bank has offered me 89,000." A demand: "For the job as offered, with no remote days: if you offer less than 97,000, I will take Harbor Bank's offer." |
# | bluff | false | a false reservation price, or a demand you would not carry out: "I cannot accept less than 100,000." |
# | misrepresentation | false | an offer that does not exist or is inflated (in a demand too), a possible bonus presented as sure; it can be fraud: "Harbor Bank has offered me 95,000." |
#
# Judge a claim about the least you would accept, a demand included, by what it says: with
# a reservation price of 97,000, "90,000 would not be enough for me" is true. Judge a
# statement of fact by what it makes Northwind believe.
#
# A legitimate demand is a **warning**: it tells the other side something you would do
# anyway if it says no. A *threat* ties a demand to a cost you would rather not impose. A
# demand is true when it names your real BATNA. Its figure must also be at most your
# reservation price for the package it names (two remote days lower it). A figure above
# that price is a bluff (module 00 puts such a false intention on the line between a bluff
# and a misrepresentation). Bargaining custom does not ordinarily take a claim about the
# least you would accept as a statement of fact, so it tolerates that bluff; a demand you
# would not carry out is riskier. Tolerated is not ethical (module 00 gives the rule behind
# the custom), and a called bluff costs trust with the same manager next time.
#
# Declining to name your reservation price is legitimate too. The warning above is
# legitimate, yet as a demand it corners Northwind and hands it your reservation price; a
# warning at a lower figure invites an offer just above that figure, which you would refuse.
#
# Links: where both sides can keep countering and both lose by waiting, module 03 sets
# another bar. Keeping it private is not the same as letting the other side open (modules
# 01 and 04).
# Sources of the labels and of warning and threat: module 00's, section 6.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q7-text", "schema_version": 3}
# ### Question 7 (2 marks): legitimate, bluff or misrepresentation?
#
# `offers.statements` holds six things you might say to Northwind, as `(letter, text)`
# pairs, A to F. Write
# `label_statements(offers)` returning a dict with two kinds of entry:
#
# 1. each letter with its label: `"legitimate"`, `"bluff"` or `"misrepresentation"`. Apply
#    section 6's rules to each statement, against the facts of your scenario and your
#    reservation price from expected values (question 3, first part) for the package the
#    statement names: with two remote days, take half the commute off. Where two labels
#    fairly fit a statement, both count: this course accepts either label for a demand
#    above that price (section 6).
# 2. under the key `"use"`, the letter of the statement you would make: your BATNA's terms
#    or the one that keeps your position private (for example
#    `return {"A": "legitimate", ..., "use": "B"}`), by section 6's advice on when to
#    mention an alternative, with Northwind's estimate of your reservation price at
#    `offers.band_midpoint`. Work it out from `offers`: the check also moves the midpoint.
#
# Practise first on a case that is not yours, below: `practice_labels()` returns its eight
# labels; its check hints at each wrong one (no marks).
#
# *Marks* (2): 3/8 per label for your two demands, your claim and your statement about an
# offer, 1/8 per other label, and 1/4 for the choice under `"use"`, which the check below
# judges. **Your own labels get no feedback before grading**; the practice case is where you
# find out.


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-statements", "schema_version": 3}
check.practice_statements()


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "practice-labels-answer", "schema_version": 3}
def practice_labels():
    """Each statement of the practice case, by letter, with its label."""
    ### BEGIN SOLUTION
    return {
        "A": "misrepresentation",
        "B": "legitimate",
        "C": "legitimate",
        "D": "legitimate",
        "E": "bluff",
        "F": "bluff",
        "G": "legitimate",
        "H": "legitimate",
    }
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-labels-check", "schema_version": 3}
"""Practice, not marked: judge each label of the practice case, with a hint if it is wrong."""
check.practice_labels(practice_labels)


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "label-statements-answer", "schema_version": 3}
def label_statements(offers):
    """Each statement of the scenario, by letter, with its label; and the one to use."""
    ### BEGIN SOLUTION
    batna, batna_value = choose_batna(offers)
    reservation = reservation_salary(offers)
    facts = {  # what each alternative really offers, as the story tells it
        "Harbor Bank": {offers.bank_salary},
        "Lumen": {offers.startup_base, offers.startup_bonus},
        "client": {offers.freelance_busy, offers.freelance_normal, offers.freelance_no_renewal},
    }
    labels, told = {}, {}
    for letter, text in offers.statements:
        words = [word.strip(".,;:()").replace(",", "") for word in text.split()]
        amounts = {float(word) for word in words if word.isdigit()}
        named = [name for name in facts if name in text]
        demand = "less than" in text or "is below" in text  # a warning, or else a bluff
        if demand:
            limit = (
                reservation - offers.commute_cost / 2
                if "remote days a week" in text
                else reservation
            )
            labels[letter] = "legitimate" if max(amounts) <= limit else "bluff"
        elif amounts and not named:  # a figure about the least I would accept
            labels[letter] = "bluff" if max(amounts) > reservation else "legitimate"
        elif named and (not amounts <= facts[named[0]] or "guarantees" in text):
            labels[letter] = "misrepresentation"  # a false fact about an alternative
        else:
            labels[letter] = "legitimate"
        told[letter] = "a floor" if amounts and not named else "nothing"
        if named:  # my BATNA's terms, or another offer's
            mine = named[0] == {"Freelance": "client"}.get(batna, batna)
            told[letter] = "terms" if mine else "another offer"
        if demand:  # legitimate or not, a demand is not the statement to make
            told[letter] = "a demand"
    strong = batna_value > offers.band_midpoint  # its terms would raise their estimate
    want = "terms" if strong else "nothing"
    use = next(x for x in labels if labels[x] == "legitimate" and told[x] == want)
    return {**labels, "use": use}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "label-statements-test", "schema_version": 3}
"""Check that label_statements tells legitimate statements from bluffs and lies."""
check.label_statements(label_statements)
### BEGIN HIDDEN TESTS
check.label_statements(label_statements, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "nash-teaching", "schema_version": 3}
# ## 7. How the surplus splits, and when a better BATNA pays
#
# Nash (1950, "The Bargaining Problem", *Econometrica* 18:155–162) gave the classic answer
# to where the price lands. Take a pie
# worth $P$ to share, and BATNAs $d_A$ and $d_B$, together the *disagreement point*:
# what each side gets if they do not agree. Each side first secures its BATNA, and the
# rest, the surplus $P - d_A - d_B$, is split evenly:
#
# $$x_A = d_A + \tfrac{1}{2}\,(P - d_A - d_B), \qquad x_B = d_B + \tfrac{1}{2}\,(P - d_A - d_B).$$
#
# With a pie of 100 and BATNAs of 20 and 40, the surplus is 40, and the split is 40 and 60.
# For a
# price, this is the even split of a zone $[s, b]$ only when the reservation prices are the
# disagreement point. As $x_A = \tfrac{1}{2}(P + d_A - d_B)$, every unit your BATNA rises
# adds half a unit to your share, the half-unit move of the ZOPA explorer.
#
# **Where this holds.** The pie is money, and both sides are risk-neutral. Binmore,
# Rubinstein and Wolinsky (*RAND Journal of Economics* 17, 1986) showed that when the risk
# of breakdown pushes both to agree, $d_A$ and $d_B$ are *breakdown payoffs*, what each
# side receives if something neither side controls ends the talks, and the Nash split on
# them is the prediction: a stronger BATNA raises your share even if you never use it.
# When the cost of delay pushes both to agree, $d_A$ and $d_B$ are what each side earns
# while talking (here 0), and BATNAs act only as outside options (below).
#
# **Where it misleads.** When delay pushes both to agree and you can take your alternative
# whenever you turn down the other side's proposal, your BATNA is an *outside option*. Two
# equally patient sides split the pie about evenly, whatever your BATNA, until your BATNA
# beats your **share at the table**: what you would get with no alternative on either
# side, when the other side makes the first offer. That is $\delta/(1+\delta)$ of the pie,
# where $\delta$ is the share of the pie still worth having after one round of delay:
# about half when delays are short, 0.44 at $\delta$ = 0.8. Check whether yours does: it
# turns on the work's worth to the employer, which nobody observes. From there on
# your BATNA sets what you get; the third case below
# works it out for Northwind (Shaked and Sutton 1984; Osborne and Rubinstein 1990, §3.12;
# module 03 calls it the *deal-me-out* result). In experiments, deal-me-out fitted
# agreements better than the Nash split on BATNAs (Binmore, Shaked and Sutton, *Quarterly
# Journal of Economics* 104, 1989). Module 03, section 5, treats the variants.
#
# <details>
# <summary><b>Northwind's case: three benchmarks</b> (optional, no marks)</summary>
#
# You may take your BATNA only when you turn down Northwind's offer, and Northwind may
# call the agency only when it turns down yours: both are outside options, so the salary
# $x$ lands between the agency's cost $A$, Northwind's reservation price, and your
# reservation price $r$ for the package discussed: $V + c$ as offered, $V + c/2$ with two
# remote days (question 10 and the practice after it). Write $W$ for what your work is
# worth to Northwind. The cases are question 10's three variants. Each assumes that
# Northwind knows your reservation price, which your story does not grant (section 6):
# read them as benchmarks.
#
# - *A common answer date* (your story's date). Your start is fixed, so waiting
#   costs no one anything, and all three employers want your answer by one date. The last
#   offer before it decides (a finite-horizon alternating-offers game: Ståhl 1972). If
#   Northwind makes the last offer, you can only take it or your BATNA, so it need pay no
#   more than your reservation price. If you do, Northwind can only take it or call the
#   agency, so you can ask for up to $A$. (Roth, Murnighan and Schoumaker, *American
#   Economic Review* 78, 1988, found deals bunched just before a deadline in experiments;
#   their free-form talks had no last proposer, so they did not test this.)
# - *Head office may cancel the role any week*, and there is no answer date. Breakdown is
#   outside both sides' control: it leaves you your BATNA, and Northwind no hire. You gain
#   $x - r$ over breakdown and Northwind $W - x$; the Nash split makes them equal:
#   $x = (r + W)/2$, or $A$ if that is smaller. This holds when the risk of cancellation
#   pushes much harder than the cost of delay; module 03 treats the mix of the two.
#   Northwind would use the agency if you said no, so $W \ge A$, and this is at or above
#   the zone's even split, $(r + A)/2$, equal to it only when $W = A$ or if breakdown left
#   Northwind with the agency's contractor. So section 5's even split is
#   your threshold to close, not a prediction.
# - *Each week of talks moves your start a week later*, there is no answer date, and the
#   role is safe: the outside-option model. The hire creates a pie of $W$ less the commute
#   you bear ($W - c$ for the job as offered), and neither side earns anything while you
#   talk. Once your BATNA beats your share at the table, it binds, and who proposes first
#   matters. If Northwind does, it must match your BATNA and need not pay a unit more,
#   however patient you both are: the salary is exactly $r$. If you do, Northwind takes
#   any salary that leaves it what turning you down and proposing a week later would,
#   $\delta(W - r)$, so you can ask for $r + (1 - \delta)(W - r)$, up to $A$.
#
# While your BATNA binds, each 1,000 it rises raises the predicted salary by 1,000 when
# Northwind proposes, and by $\delta$ × 1,000 when you do (up to $A$): more than the Nash
# split's half unit for question 10's values of $\delta$.
#
# **In numbers.** Take the job as offered: $V$ = 89,000 and $c$ = 8,000, so $r$ = 97,000,
# and let $A$ = 110,000: the even split of the zone is 103,500. If the role may be
# cancelled and $W$ = 115,000, the prediction is (97,000 + 115,000)/2 = 106,000; if
# $W$ = 130,000, the Nash split, 113,500, is above $A$, so the prediction is 110,000.
# Where the start slips, with $\delta$ = 0.9, your share at the table is 0.9/1.9 of
# $W - c$: about 50,700 if $W$ = 115,000, 57,800 if $W$ = 130,000. Your BATNA, 89,000,
# beats both: the salary is 97,000 when Northwind proposes; when you propose, it is
# 97,000 + 0.1 × 18,000 = 98,800, or 97,000 + 0.1 × 33,000 = 100,300.
#
# </details>
#
# The figure shows both models, the outside option for very short delays
# ($\delta \to 1$), for a pie of 100 when the other side's BATNA is 40.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "nash-example", "schema_version": 3}
from course.plots import nash_share_vs_batna

print("Nash:", nash_split(100, 20, 40), nash_split(100, 30, 40))
print("outside option:", outside_option_split(100, 20, 40), outside_option_split(100, 55, 40))
nash_share_vs_batna(pie=100, their_batna=40)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "quiz-text", "schema_version": 3}
# While your BATNA is below theirs, 40, the Nash line is lower: as a breakdown payoff,
# their 40 takes half of itself, 20, from your half of the pie; as an outside option it is
# below their share at the table, 50, and takes nothing. From 40 to 60 the Nash line is
# higher, as each unit of your BATNA still adds half a unit; at 60 the lines meet, and
# past 60 there is no zone.
#
# ### Exercise: which model fits?
#
# For each situation, ask what pushes both sides to agree: breakdown risk (the Nash split,
# on breakdown payoffs) or the cost of delay while either side can leave (the outside
# option). Under breakdown risk, a side's outside option counts only if it beats the
# side's Nash share; then the side gets its option. Each choice is final.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "model-quiz", "schema_version": 3}
from course.widgets.batna import ModelQuiz

ModelQuiz()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q8-text", "schema_version": 3}
# ### Question 8 (1 mark): how strong must your BATNA be?
#
# Write `batna_needed(target, pie, their_batna, delay_drives_agreement=False)`: the least
# BATNA, 0 or more, that gets you a share of at least `target` from `pie` when the other
# side's BATNA is `their_batna`.
#
# - `False`: breakdown risk pushes both sides to agree, and the BATNAs are breakdown
#   payoffs: use the Nash split.
# - `True`: the cost of delay does, and you can leave for your alternative each time you
#   turn down the other side's proposal, and only then: use the outside-option result for
#   very short delays ($\delta \to 1$), where your share at the table is half the pie; for
#   a target of exactly half, 0 and the target both pass.
#
# In both models, return `None` when no deal can give you `target`: the other side
# would walk away rather than accept less than its BATNA. With a pie of 200 and their
# BATNA 40, a target of 130 needs a BATNA of 100 in the Nash model and 130 in the
# outside-option model.
#
# The check uses other sides' BATNAs below half the pie and targets from 0 to the whole pie.
# Marks: Nash cases 1/2, outside-option cases 1/4, targets
# out of reach 1/4.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "batna-needed-answer", "schema_version": 3}
def batna_needed(target, pie, their_batna, delay_drives_agreement=False):
    """The least BATNA (0 or more) that gets you target, or None if no deal can."""
    ### BEGIN SOLUTION
    if target > pie - their_batna:
        return None
    if delay_drives_agreement:
        return 0 if target <= pie / 2 else target
    return max(0, 2 * target - pie + their_batna)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "batna-needed-test", "schema_version": 3}
"""Check that batna_needed inverts both models, and says when a target is out of reach."""
check.batna_needed(batna_needed)
### BEGIN HIDDEN TESTS
check.batna_needed(batna_needed, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q8b-text", "schema_version": 3}
# ### Question 8b (½ mark): which model fits your talks?
#
# `offers.talks` is a variant of your story in which one fact holds:
# `talks.may_be_cancelled`, head office may cancel the role any week,
# whatever either side does; `talks.start_slips`, each week of talks moves your start a
# week later; or `talks.answer_date`, all three employers want your answer by one date.
# Write `delay_drives_agreement_for(talks)`: question 8's `delay_drives_agreement` for
# these talks. The
# check tries your own talks unless they have an answer date (which fits neither model:
# the last offer decides), and the first two facts with each proposer.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "walk-any-time-for-answer", "schema_version": 3}
def delay_drives_agreement_for(talks):
    """Question 8's delay_drives_agreement for these talks: True or False."""
    ### BEGIN SOLUTION
    # cancellation: breakdown risk drives agreement (Nash); a slipping start: delay does,
    # and you may leave whenever you turn down a proposal, an outside option
    return bool(talks.start_slips)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 0.5, "grade_id": "walk-any-time-for-test", "schema_version": 3}
"""Check that delay_drives_agreement_for picks the model that fits each version of the talks."""
check.delay_drives_agreement_for(delay_drives_agreement_for)
### BEGIN HIDDEN TESTS
check.delay_drives_agreement_for(delay_drives_agreement_for, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q9-text", "schema_version": 3}
# ### Question 9 (1 mark): when does Lumen count?
#
# Write `batna_when(offers, timing,
# funded=None)` returning the sure value your reservation price at Northwind rests on (by
# expected values) when Lumen's funding round is timed as `timing`:
#
# - `"commit first"`: as in your scenario, you must answer Northwind before the round
#   closes, and signing with Northwind ends Lumen;
# - `"known first"`: the round is settled before you must answer, and signing still ends
#   Lumen; `funded` is `True` if it closed and `False` if not;
# - `"left open"`: the round closes after you answer, but Lumen
#   would hold its offer open for a year whatever you choose first. Return the sure yearly
#   amount, net of the commute, that, with Lumen still open beside it, is worth as much as
#   walking away. The box below gives the conditions and worked cases.
#
# Use `offers.bank_salary`, `offers.renewal_probability`, `offers.busy_probability`,
# `offers.freelance_busy`, `offers.freelance_normal`, `offers.freelance_no_renewal`,
# `offers.startup_base`, `offers.startup_bonus` and `offers.funding_probability`.
# Marks: known first 1, the other two feedback only. Whole units suffice.
#
# <details>
# <summary><b>Worked cases for "left open"</b></summary>
#
# Take these conditions as given:
#
# - After any choice you could still join Lumen, and would, once its round closes, if it
#   then paid more than what you have.
# - At Northwind, what you have is the salary less the commute.
# - By then you know whether the client renewed and whether the year is busy.
# - Lumen's round and your client's decisions are independent.
#
# With an alternative the deal leaves open, your **BATNA without Lumen** is what you would
# do without this deal, Lumen aside. Choose it with Lumen beside each candidate, then draw
# two trees, Lumen beside each: your BATNA without Lumen, and Northwind's salary less
# commute. Beside a sure BATNA without Lumen, the open alternative cancels (when that
# BATNA pays more than Lumen's base, as Harbor Bank always does, its value is the answer).
# Beside a gamble as your BATNA without Lumen, it usually raises the sure amount you need
# above the gamble's expected value.
#
# Here, let Lumen pay 60,000 or 110,000 with even chances. Beside a sure 90,000, walking
# away is worth 0.5 × 90,000 + 0.5 × 110,000 = 100,000, and so is a salary of 90,000 with
# Lumen open beside it: Lumen cancels. Now take a gamble of 50,000 or 130,000 with even
# chances (90,000 on average).
#
# | gamble pays | Lumen pays 60,000 | Lumen pays 110,000 |
# |---|---|---|
# | 50,000 | max(50,000, 60,000) = 60,000 | max(50,000, 110,000) = 110,000 |
# | 130,000 | max(130,000, 60,000) = 130,000 | max(130,000, 110,000) = 130,000 |
#
# Walking away takes the better in each cell, each with chance ¼, so it is worth 107,500
# in all. A salary $y$ between 60,000 and 110,000, with Lumen beside it, is worth 0.5 ×
# 110,000 + 0.5 × $y$, which is 107,500 at $y$ = 105,000, not 90,000. A salary at or above
# Lumen's funded pay needs no help from Lumen: it must match walking away by itself.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "batna-when-answer", "schema_version": 3}
def batna_when(offers, timing, funded=None):
    """The sure value a reservation price rests on, with Lumen timed as timing."""
    ### BEGIN SOLUTION
    renewed = [
        (offers.busy_probability, offers.freelance_busy),
        (1 - offers.busy_probability, offers.freelance_normal),
    ]
    freelance = [
        (offers.renewal_probability, renewed),
        (1 - offers.renewal_probability, offers.freelance_no_renewal),
    ]
    base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability
    values = {"Harbor Bank": offers.bank_salary, "Freelance": expected_value(freelance)}
    if timing == "commit first":
        values["Lumen"] = base + p * bonus
    elif timing == "known first":
        values["Lumen"] = base + (bonus if funded else 0)
    else:  # left open: Lumen sits beside your BATNA without it, and beside Northwind's job

        def beside(tree, lumen):  # each outcome of the tree, or Lumen if it pays more
            if isinstance(tree, list):
                return [(q, beside(branch, lumen)) for q, branch in tree]
            return max(tree, lumen)

        walking = max(
            expected_value([(p, beside(tree, base + bonus)), (1 - p, beside(tree, base))])
            for tree in (offers.bank_salary, freelance)
        )
        # the sure salary y with E[max(y, Lumen)] = walking: p * (base + bonus) + (1 - p) * y
        # while y is below base + bonus (it is at least the base: walking is at least EV(Lumen))
        top = base + bonus
        return walking if walking >= top else (walking - p * top) / (1 - p)
    return max(values.values())
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "batna-when-test", "schema_version": 3}
"""Check that batna_when counts Lumen as the timing of its round requires."""
check.batna_when(batna_when)
### BEGIN HIDDEN TESTS
check.batna_when(batna_when, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q10-text", "schema_version": 3}
# ### Question 10 (practice, no marks): which model is yours?
#
# How much more would Northwind pay if your BATNA were worth 1,000 more? It depends on
# which of section 7's models (benchmarks) fits your talks. `offers.talks` is a variant of
# your story, on the package with two remote days, in which one of three facts holds: the
# story's own answer date and fixed start, or one of two facts that replace them:
#
# - `talks.may_be_cancelled`: head office may cancel the role any week, with a small
#   chance each week; waiting costs no one anything, and there is no answer date;
# - `talks.answer_date`: all three employers want your answer
#   by one date, and waiting costs no one anything;
# - `talks.start_slips`: each week of talks moves your start a week later, and there is no
#   answer date; `talks.delta` is the share of the gain still worth having a week on, 0.8
#   to 0.95, set low so that the effect shows (losing the week alone would leave about
#   0.98).
#
# You take turns weekly. `talks.proposer` makes the first offer; under an answer date, the
# last one. `talks.work_value` is $W$. Write `batna_rise(offers, talks)` returning that
# amount. The agency's cost may cap it. Where the start slips, check first whether your
# BATNA binds (section 7). The check tries each kind; whole units suffice.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "batna-rise-answer", "schema_version": 3}
def batna_rise(offers, talks):
    """How much the predicted salary rises when your BATNA is worth 1,000 more."""
    ### BEGIN SOLUTION
    high = offers.agency_rate + offers.agency_fee

    def salary(rise):  # the package with two remote days: half the commute
        low = reservation_salary(offers) - offers.commute_cost / 2 + rise
        if talks.may_be_cancelled:  # breakdown payoffs: the Nash split, capped by the agency
            return min((low + talks.work_value) / 2, high)
        if talks.answer_date:  # delay costs nothing: the last offer's maker takes the zone
            return low if talks.proposer == "Northwind" else high
        if talks.proposer == "Northwind":  # an outside option that binds: matched exactly
            return low
        return min(low + (1 - talks.delta) * (talks.work_value - low), high)

    return salary(1_000) - salary(0)
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "batna-rise-test", "schema_version": 3}
"""Practice, not marked: batna_rise picks the model that fits each version of the talks."""
check.batna_rise(batna_rise)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "own-batna-needed-text", "schema_version": 3}
# #### Practice after question 10: your own talks (no marks)
#
# Write `own_batna_needed(offers, talks, target)`: the least BATNA value, 0 or more, at
# which the model that fits `talks` (question 10) predicts `target` or more for the
# package with two remote days, whose reservation price is your BATNA's value plus half
# the commute (`offers.commute_cost`). For the Nash split, call your `batna_needed` with
# the pie $W$ less half the commute, Northwind's breakdown payoff 0, and the target less
# half the commute. The check passes your question 5 target; whole units suffice.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "own-batna-needed-answer", "schema_version": 3}
def own_batna_needed(offers, talks, target):
    """The least BATNA (0 or more) at which the model that fits talks predicts target."""
    ### BEGIN SOLUTION
    half = offers.commute_cost / 2  # two remote days halve the commute
    if talks.may_be_cancelled:  # V + (W - half - V) / 2 = target - half: the Nash split
        return max(0, 2 * target - talks.work_value - half)
    if talks.answer_date and talks.proposer == "you":  # you ask for the agency's cost
        return 0
    if talks.answer_date or talks.proposer == "Northwind":  # your BATNA matched exactly
        return target - half
    delta = talks.delta  # you propose: r + (1 - delta)(W - r) = target, with r = V + half
    return max(0, (target - (1 - delta) * talks.work_value) / delta - half)
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "own-batna-needed-test", "schema_version": 3}
"""Practice, not marked: own_batna_needed inverts the model that fits your talks."""
check.own_batna_needed(own_batna_needed)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 8. Reflection (2 marks, graded by your instructor)
#
# Think of a negotiation you expect to face.
# **Which alternative could you strengthen before it, and how? And what will you aim
# for?** Your instructor gives half a
# mark for each of these:
#
# 1. a real alternative, named, with what it is worth to you today as a number (a sure
#    amount, or, if you must commit before you learn the outcome and the deal rules the
#    alternative out, its expected value (or certainty equivalent) over a tree with
#    chances);
# 2. a concrete step you will take to raise that value or make it more certain;
# 3. how much the step would move your reservation price (the worst terms you would accept:
#    the least you would take if you are paid, the most you would pay if you pay), with the
#    arithmetic, and whether you will know its outcome before you must decide;
# 4. a target placed by section 4's table, naming the fact behind it if there is one.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A model answer, with the rubric's four points marked.
# (1) I will ask my employer for a raise. If refused, I stay: my BATNA today is a sure
# 61,000, and so is my reservation price. (2) I will get another firm's offer in writing
# before my talks: a 0.4 chance of about 70,000, worth 68,000 to me after 2,000 more
# travel. (3) If it comes first, my reservation price rises from 61,000 to 68,000, by
# 7,000. Only if I had to commit before hearing, and the raise ruled that offer out, would
# 0.4 × 68,000 + 0.6 × 61,000 = 63,800 count: 2,800 above today's. (4) Today my only
# alternative is to stay at 61,000, so I want the offer in hand before the talks. With it
# I would really leave, and my employer would have to replace me through an agency at
# about 80,000. A salary survey puts the median for my role at 71,500. My zone then runs
# from 68,000 to 80,000; its even split is 74,000, above the survey, and three quarters of
# the way up is 77,000, so I will aim for 74,000.
#
# Rubric, half a mark each:
#
# 1. An alternative named and valued today by section 3's timing table; an alternative the
#    deal leaves open is handled either way if argued.
# 2. A concrete step.
# 3. The change in the reservation price with its arithmetic: the actual outcome when it
#    will be known before the learner decides, the expected value only when they must
#    commit first and the deal rules it out.
# 4. A target placed by section 4's table on the zone from the reservation price to
#    their estimate of the other side's reservation price (the most it would pay, or the
#    least it would take): the even split with no fact (or one below it); else the fact's
#    figure, named, up to three quarters of the way up, and past that only if the learner
#    accepts less room to concede (or as module 01's knowledge of this buyer allows),
#    wherever the learner opens. That
#    estimate must come from its alternative to *this* deal: what replacing the learner
#    would cost bounds what an employer would pay only if the learner would really leave.
#    The opening itself is not graded here.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Value an uncertain alternative at what it is worth to you, by its expected value (or
#   your certainty equivalent) only when you must commit before its outcome is known and
#   the deal rules it out; if you will know the outcome before you answer, value it by
#   that outcome. An
#   alternative the deal leaves open sits on both sides of the comparison (question 9).
#   Your BATNA is the best of them.
# - Your reservation price is your BATNA's value corrected for what the deal costs or adds.
#   Revise it on new facts, never on the other side's number or pressure.
# - The other side's reservation price comes from *its* alternatives. A deal is possible
#   only inside the ZOPA of the package discussed; a term that costs one side nothing can
#   open a zone.
# - Aim at the even split of the zone, or at the higher figure a fact you can show
#   supports, up to three quarters of the way up (this course's convention); past that
#   only at the cost of room to concede, or as module 01's knowledge of this buyer allows.
#   The other side's alternative grounds your opening.
# - A better BATNA raises your share when it is your breakdown payoff (Nash), or once it
#   beats your share at the table (outside options, module 03).
#
# - Counter an extreme offer calmly, count the commute, and walk away when no terms
#   reach your reservation price.
# - Mention an alternative when what it shows beats the other side's estimate of your
#   reservation price (where both sides keep countering and lose by waiting, module 03's
#   bar: their estimate of your share at the table).
#   Warn only of what you would do anyway; never invent or inflate an offer.
