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
# Your strongest argument at a negotiating table is often something that is not on the
# table at all: what you will do if this deal falls through. This module turns that idea
# into numbers you can work with.
#
# You will learn to
#
# 1. put a value on an alternative whose outcome is uncertain;
# 2. pick your best alternative, your **BATNA**;
# 3. turn it into a reservation price, the point where you walk away;
# 4. find the zone where a deal can happen at all, the **ZOPA**;
# 5. see how a deal's surplus splits, and why a better BATNA earns you a bigger share.
#
# It takes about 45 minutes. Run the cells from top to bottom. Cells that say
# `YOUR CODE HERE` are yours; the cells after them check your answer and tell you what
# to fix. Every learner gets their own numbers, so your answers are yours alone.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell loads the course library and draws your scenario. The first time, it asks
# for your course id instead: type the id your instructor gave you in the box and press
# Enter. Your scenario then appears under the box, and this computer remembers the id.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import batna as check
from course.models.batna import best_alternative, expected_value, nash_split, zopa

scenario = course.variant("02_batna")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ev-teaching", "schema_version": 3}
# ## 1. What an uncertain alternative is worth
#
# Fisher and Ury named it in *Getting to Yes* (1981): your **B**est **A**lternative **T**o
# a **N**egotiated **A**greement is what you will do if no deal is reached. You cannot
# judge an offer without it. An offer is good or bad only compared with what you would
# get by walking away.
#
# Alternatives are rarely certain. A job offer may include a bonus that depends on how the
# year goes; a rival supplier may or may not deliver on time. We describe such an
# alternative as a *tree*: each branch has a probability, and each leaf is what you end up
# with. The branches leaving one point must have probabilities that add up to 1.
#
# The standard yardstick for a tree is its **expected value**: each outcome weighted by
# its probability, added up. For outcomes $v_1, \dots, v_n$ with probabilities
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
# On average the gamble is worth 95,000, more than the sure 90,000. Expected value is a
# yardstick, not a verdict: someone who cannot afford the bad branch may still prefer the
# sure offer. Keep both in mind: the number tells you what an alternative is worth on
# average, and your situation tells you how much risk you can carry.
#
# ### Exercise: the BATNA builder
#
# Add your own alternatives below, each with its possible outcomes. The builder shows
# each alternative's expected value, picks the best one and gives the reservation price
# it implies. Try a probability that makes the branches add up to more than 1 and read
# what it says.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "batna-builder", "schema_version": 3}
from course.widgets.batna import BatnaBuilder

BatnaBuilder()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (1 point): Lumen's offer as a tree
#
# Write `startup_tree(offers)`. It takes a scenario like yours (`offers.startup_base`,
# `offers.startup_bonus`, `offers.funding_probability`) and returns Lumen's offer as a
# tree: the salary you get if the funding round closes, and the salary you get if it does
# not. The check runs it on your scenario; grading also runs it on other learners'.


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
"""Check that startup_tree turns Lumen's offer into a tree with the right expected value."""
check.startup_tree(startup_tree)
### BEGIN HIDDEN TESTS
check.startup_tree(startup_tree, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "choose-teaching", "schema_version": 3}
# ## 2. Choosing your BATNA
#
# When you hold several alternatives, only the best one counts as your BATNA: it is the
# one you would actually take if the talks failed. The others still matter, because they
# make the best one believable and they are fallbacks if it disappears.
#
# Several job offers are the classic case. A candidate with a second offer in hand can ask
# for more without bluffing, because walking away costs them little. A candidate with no
# other offer is negotiating against unemployment, and the employer usually knows it.
#
# To compare alternatives that differ in risk, compare their expected values. Watch out
# for the common slip of comparing best cases: the freelance path may have the highest
# possible income and still be worth less on average.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): which alternative is your BATNA?
#
# Write `choose_batna(offers)`. Describe all three alternatives of the scenario as trees
# (Harbor Bank, Lumen and Freelance — the freelance tree has two levels) and return the
# best one as a pair `(name, expected_value)`, with the name spelled as in the scenario.
# `best_alternative` takes a dict of name to tree.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "choose-batna-answer", "schema_version": 3}
def choose_batna(offers):
    """The best alternative of the scenario, as (name, expected value)."""
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
        "Lumen": startup_tree(offers),
        "Freelance": freelance,
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
# ## 3. Reservation price: where you walk away
#
# Your BATNA sets a floor, but the floor is rarely the BATNA's value itself. The deal on
# the table may cost you something your alternative does not (a longer commute, a move,
# a less flexible contract), or give you something extra. Your **reservation price** is
# the worst deal you would still accept: the value of your BATNA, corrected for those
# differences. Raiffa (*The Art and Science of Negotiation*, 1982) builds his analysis of
# bargaining on this number.
#
# For a job that costs you $c$ a year more than your BATNA, worth $V$, the lowest salary
# worth accepting is
#
# $$r = V + c .$$
#
# Decide this number *before* you negotiate. In the moment, a reservation price tends to
# drift towards whatever is on offer. Written down beforehand, it tells you when walking
# away is the better move, and that is what makes walking away a real option.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 point): your reservation salary at Northwind
#
# Write `reservation_salary(offers)`: the lowest Northwind salary you should accept,
# given your BATNA and `offers.moving_cost`, the yearly extra cost of the Northwind job.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "reservation-salary-answer", "schema_version": 3}
def reservation_salary(offers):
    """The lowest Northwind salary worth accepting."""
    ### BEGIN SOLUTION
    _, batna_value = choose_batna(offers)
    return batna_value + offers.moving_cost
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "reservation-salary-test", "schema_version": 3}
"""Check that reservation_salary adds what the Northwind job costs to the BATNA's value."""
check.reservation_salary(reservation_salary)
### BEGIN HIDDEN TESTS
check.reservation_salary(reservation_salary, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "zopa-teaching", "schema_version": 3}
# ## 4. The zone of possible agreement
#
# Both sides have a reservation price. A seller (here: you, selling your work) will not go
# below theirs, $s$; a buyer (Northwind) will not go above theirs, $b$. Every price
# between the two leaves both better off than walking away. That interval is the **zone
# of possible agreement**, or ZOPA:
#
# $$\mathrm{ZOPA} = [\,s,\ b\,] \quad \text{when } b \ge s, \qquad \text{no ZOPA when } b < s .$$
#
# When there is no zone, no skill at the table can produce a deal both sides should take,
# and the right outcome is a polite no. When there is one, its width is the **surplus**
# the deal creates, and the negotiation is about where in the zone the price lands.
#
# ### Exercise: the ZOPA explorer
#
# Move both reservation prices and a proposed deal. Watch what happens to each side's part
# of the surplus, and what happens when the buyer's limit falls below the seller's.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "zopa-explorer", "schema_version": 3}
from course.widgets.batna import ZopaExplorer

ZopaExplorer()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): is there a deal with Northwind?
#
# Write `northwind_zopa(offers)`: the zone between your reservation salary and
# `offers.northwind_budget`, the most Northwind can pay, as a pair `(low, high)`, or
# `None` when there is no zone.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "northwind-zopa-answer", "schema_version": 3}
def northwind_zopa(offers):
    """The ZOPA with Northwind as (low, high), or None."""
    ### BEGIN SOLUTION
    return zopa(reservation_salary(offers), offers.northwind_budget)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "northwind-zopa-test", "schema_version": 3}
"""Check that northwind_zopa finds the zone with Northwind, or says there is none."""
check.northwind_zopa(northwind_zopa)
### BEGIN HIDDEN TESTS
check.northwind_zopa(northwind_zopa, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "nash-teaching", "schema_version": 3}
# ## 5. How the surplus splits, and why a better BATNA pays
#
# Where in the zone does the price land? Nash (1950, "The Bargaining Problem",
# *Econometrica* 18:155–162) gave an answer that still anchors the theory. Take a pie worth
# $P$ to share, and BATNAs $d_A$ and $d_B$. Each side first secures what it could get by
# walking away, and the rest, the surplus $P - d_A - d_B$, is split evenly:
#
# $$x_A = d_A + \tfrac{1}{2}\,(P - d_A - d_B), \qquad x_B = d_B + \tfrac{1}{2}\,(P - d_A - d_B).$$
#
# With a pie of 100 and BATNAs of 20 and 40, the surplus is 40, and the split is 40 and 60.
# If the pie is smaller than the two BATNAs together, there is nothing to split: at least
# one side does better by walking away.
#
# Now read the formula for side A: $x_A = \tfrac{1}{2}(P + d_A - d_B)$. Every unit your
# BATNA rises adds **half a unit** to your share, and every unit the other side's BATNA
# rises takes half a unit away. Strengthening your alternative before you negotiate pays
# even if you never use it.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "nash-example", "schema_version": 3}
from course.plots import nash_share_vs_batna

print(nash_split(100, 20, 40), nash_split(100, 30, 40))
figure = nash_share_vs_batna(pie=100, their_batna=40)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 points): how strong must your BATNA be?
#
# Write `batna_needed(target, pie, their_batna)`: the BATNA you need so that the even Nash
# split gives you `target`. Return `None` when no BATNA can get you there, because the
# other side would rather walk away. Work from the formula above; `nash_split` is handy for
# checking your answer. The two cases earn a point each: the check shows which of them
# your function already gets right.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "batna-needed-answer", "schema_version": 3}
def batna_needed(target, pie, their_batna):
    """The BATNA that makes your even Nash share equal target, or None if out of reach."""
    ### BEGIN SOLUTION
    if target > pie - their_batna:
        return None
    return 2 * target - pie + their_batna
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "batna-needed-test", "schema_version": 3}
"""Check that batna_needed inverts the Nash split, and says when a target is out of reach."""
check.batna_needed(batna_needed)
### BEGIN HIDDEN TESTS
check.batna_needed(batna_needed, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 6. Reflection (2 points, graded by your instructor)
#
# Think of a negotiation you expect to face: a salary, a lease, a contract, a purchase.
# **Which alternative could you strengthen before it, and how?** Name the alternative,
# say roughly what it is worth to you today, what you would do to raise that value or
# make it more certain, and how much that would move your reservation price. A few
# sentences are enough; concrete beats general.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer names a real alternative ("the offer from my current employer to stay at
# 61k"), estimates its value, names a concrete step (apply to two firms this month; ask
# my manager for the promotion criteria in writing) and says how the reservation price
# moves (from 61k to about 66k if one application turns into an offer, weighted by how
# likely that is).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - An alternative's value is its expected value: outcomes weighted by their chances.
# - Your BATNA is your best alternative; the others make it credible.
# - Your reservation price is the BATNA corrected for what the deal costs or adds. Fix it
#   before the talks start.
# - A deal is possible only inside the ZOPA, between the two reservation prices.
# - In the Nash split, each unit your BATNA rises adds half a unit to your share: build your
#   alternatives before you need them.
