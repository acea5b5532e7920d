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
# # Module 01 — Information as leverage
#
# Two people can sit at the same table with the same offer in front of them and hold very
# different amounts of leverage. Often the difference is what each of them knows. This
# module treats knowledge about the other side as something you can measure, update and
# put a price on.
#
# You will learn to
#
# 1. say why the other side's needs, deadlines, alternatives and weak spots give you an edge;
# 2. hold beliefs about the other side's limit as probabilities, and revise them with
#    **Bayes' rule** when an offer arrives;
# 3. read a first offer and the size of concessions as signals;
# 4. price a take-it-or-leave-it offer against what you believe;
# 5. work out what learning the other side's limit is worth, and when to pay for it;
# 6. treat first offers as anchors, and decide what to keep to yourself.
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
from course.checks import information as check
from course.models.information import (
    expected_reservation,
    take_it_or_leave_it,
    update_beliefs,
    value_of_information,
)

sale = course.variant("01_information")
sale

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why-teaching", "schema_version": 3}
# ## 1. Why knowing more is leverage
#
# Leverage is whatever lets you tilt the outcome your way. Much of it comes from knowing
# things about the other side that they would rather you did not: what they need, by when,
# what else they could do, and where they are weak.
#
# Picture a supplier who has just lost two big clients and has idle machines. If you know
# that, you know their walk-away point has dropped: a modest order now beats no order. You
# can ask for better terms without being unreasonable, because the deal is still good for
# them. Without that knowledge, you would pay the price they quote to everyone.
#
# Deadlines work the same way. A buyer who must have a machine running before a product
# launch in three weeks cannot wait for a cheaper offer. A seller who knows about the
# launch knows the buyer's alternatives are thin, and the buyer's limit is higher than the
# buyer will ever say.
#
# Economists call this *asymmetric information*: one side knows something the other does
# not. Akerlof's "The Market for 'Lemons'" (*Quarterly Journal of Economics*, 1970) showed
# how much it shapes prices. The rest of this module makes the idea concrete: you never
# learn the other side's limit for sure, but you can hold beliefs about it and sharpen
# them as the negotiation goes on.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "bayes-teaching", "schema_version": 3}
# ## 2. Beliefs, and how an offer changes them
#
# Call the most Kestrel would pay its **reservation price** $r$. You do not know it, but
# you are not clueless either: past deals suggest a few likely values. Writing a chance
# next to each one gives your **prior** belief, $P(r)$. The chances must add up to 1.
#
# Then something happens: Kestrel makes an offer $x$. Some limits explain that offer well
# and others poorly. How well each limit explains it is the **likelihood**, $P(x \mid r)$.
# Bayes' rule (Bayes, 1763; Laplace, 1812) combines the two into your **posterior**
# belief:
#
# $$P(r \mid x) = \frac{P(x \mid r)\, P(r)}{\sum_{r'} P(x \mid r')\, P(r')} .$$
#
# In words: multiply each prior chance by its likelihood, then divide by the total so the
# new chances add up to 1 again. Only the *ratios* of the likelihoods matter: doubling all
# of them changes nothing after the division.
#
# The **expected reservation price** is the average limit under your beliefs,
# $E[r] = \sum_r r \, P(r)$. It is a useful summary, but, as you will see, not the price
# to ask.
#
# A worked example: you think the limit is 60, 70 or 80 with chances 0.5, 0.3 and 0.2. The
# offer you see is one that buyers with those limits make with chances 0.1, 0.3 and 0.6.
# The posterior is 5/26, 9/26 and 6/13, and the expected limit rises from 67 to 945/13,
# about 72.7.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "bayes-example", "schema_version": 3}
from fractions import Fraction

prior = {60: Fraction(5, 10), 70: Fraction(3, 10), 80: Fraction(2, 10)}
likelihood = {60: Fraction(1, 10), 70: Fraction(3, 10), 80: Fraction(6, 10)}
posterior = update_beliefs(prior, likelihood)
posterior, expected_reservation(prior), expected_reservation(posterior)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ### Reading an opening offer
#
# Where does a likelihood come from? From a model of how the other side behaves. A simple
# one, which your scenario uses: buyers like Kestrel open at some share of their limit,
# somewhere between a low share $a$ and a high share $b$, and any amount in that band is as
# likely as any other. A buyer with limit $r$ therefore opens between $a r$ and $b r$.
#
# That band has width $(b - a)\, r$. Spreading a chance of 1 evenly over it gives a chance
# per unit of
#
# $$P(x \mid r) = \begin{cases} \dfrac{1}{(b - a)\, r} & \text{if } a r \le x \le b r, \\[1ex] 0 & \text{otherwise.} \end{cases}$$
#
# Two things follow. An opening outside a limit's band rules that limit out completely. And
# among the limits that fit, lower ones explain the opening a little better, because their
# band is narrower: the same chance is packed into fewer prices. (This is the uniform
# distribution; any probability text covers it.)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (1 point): how well does each limit explain Kestrel's opening?
#
# Write `opening_likelihood(sale)`. It takes a scenario like yours (`sale.reservations`,
# `sale.opening_low`, `sale.opening_high`, `sale.opening_offer`) and returns a dict that
# maps each possible reservation price to the chance per unit of Kestrel's opening offer
# under that limit, using the formula above. The check runs it on your scenario; grading
# also runs it on other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-likelihood-answer", "schema_version": 3}
def opening_likelihood(sale):
    """Chance per unit of the opening offer, for each possible reservation price."""
    ### BEGIN SOLUTION
    low, high, offer = sale.opening_low, sale.opening_high, sale.opening_offer
    return {
        r: 1 / ((high - low) * r) if low * r <= offer <= high * r else 0.0
        for r in sale.reservations
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "opening-likelihood-test", "schema_version": 3}
"""Check that opening_likelihood rules out the limits the opening does not fit, and weighs the rest."""
check.opening_likelihood(opening_likelihood)
### BEGIN HIDDEN TESTS
check.opening_likelihood(opening_likelihood, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): what do you believe now?
#
# Write `belief_after_opening(sale)`: your beliefs about Kestrel's limit after its opening
# offer, and the expected limit under them, as a pair `(beliefs, expected_limit)`.
# `sale.prior_beliefs()` gives your prior as a dict; `update_beliefs` and
# `expected_reservation` do the arithmetic once you have the likelihoods.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "belief-after-opening-answer", "schema_version": 3}
def belief_after_opening(sale):
    """(posterior beliefs, expected reservation price) after Kestrel's opening offer."""
    ### BEGIN SOLUTION
    beliefs = update_beliefs(sale.prior_beliefs(), opening_likelihood(sale))
    return beliefs, expected_reservation(beliefs)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "belief-after-opening-test", "schema_version": 3}
"""Check that belief_after_opening updates the prior with Bayes' rule and averages the result."""
check.belief_after_opening(belief_after_opening)
### BEGIN HIDDEN TESTS
check.belief_after_opening(belief_after_opening, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pace-teaching", "schema_version": 3}
# ### The pace of concessions is a signal too
#
# Offers keep coming, and each one can be read the same way. A common pattern: each round a
# buyer moves part of the way from their last offer towards their limit. Big steps say
# there is still a long way to go; steps that shrink fast say the buyer is close to the
# wall. The widget below reads every offer with this model: the opening with a band of
# 50–90% of the limit, each later step as 20–60% of the remaining distance.
#
# A model is only as good as its assumptions. A buyer who knows you read concessions this
# way can shrink their steps early on purpose. Treat the posterior as your best guess
# given the model, not as the truth.
#
# ### Exercise: the belief updater
#
# Set your prior with the sliders (the weights are rescaled to add up to 1). Press
# **next scripted offer** to let a buyer make their next move, and watch the bars and the
# expected reservation price. Then try an offer of your own that no limit can explain, and
# read what the updater says.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "belief-updater", "schema_version": 3}
from course.widgets.information import BeliefUpdater

BeliefUpdater()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "price-teaching", "schema_version": 3}
# ## 3. Naming a price against what you believe
#
# You will name one price, and Kestrel takes it or leaves it. Kestrel accepts when the
# price is at most its limit (at exactly its limit it is indifferent, and we say it
# accepts). Asking price $p$ with cost $c$ earns
#
# $$\text{expected profit}(p) = (p - c) \times P(r \ge p) .$$
#
# A higher price earns more per sale but sells less often. With a handful of possible
# limits, only those limits are worth trying as prices: between two of them, raising the
# price loses no buyer, so you should raise it until you hit the next limit.
#
# Two tempting shortcuts are wrong. Asking the *expected* limit ignores that every buyer
# below it walks away. Asking the *most likely* limit ignores what the other possible
# limits pay and how often they accept. Compare the expected profit of each candidate.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 points): the best price to name
#
# Write `best_ask(beliefs, cost)`. `beliefs` maps each possible limit to its chance. Return
# `(price, expected_profit)` for the price with the highest expected profit. When no price
# makes a profit (every limit is at or below your cost), return `(None, 0.0)`. If two
# prices tie, either is fine.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "best-ask-answer", "schema_version": 3}
def best_ask(beliefs, cost):
    """The take-it-or-leave-it price with the highest expected profit, and that profit."""
    ### BEGIN SOLUTION
    best = (None, 0.0)
    for price in sorted(beliefs):
        accepts = sum(chance for limit, chance in beliefs.items() if limit >= price)
        profit = (price - cost) * accepts
        if profit > best[1]:
            best = (price, profit)
    return best
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "best-ask-test", "schema_version": 3}
"""Check that best_ask weighs each price by the chance it is accepted, and gives up when nothing pays."""
check.best_ask(best_ask)
### BEGIN HIDDEN TESTS
check.best_ask(best_ask, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-teaching", "schema_version": 3}
# ## 4. What knowing the other side's limit is worth
#
# Suppose someone could tell you the buyer's limit before you name your price. You would
# then ask exactly that limit when it covers your cost, and not sell otherwise. Your
# expected profit with that knowledge, minus your best profit without it, is the
# **expected value of perfect information** (Raiffa and Schlaifer, *Applied Statistical
# Decision Theory*, 1961; Howard, "Information Value Theory", 1966):
#
# $$\mathrm{EVPI} = E\big[\max(r - c,\ 0)\big] - \max_p\ (p - c)\, P(r \ge p) .$$
#
# It is the most the information can be worth to you. Information that costs more than
# that is not worth buying, however interesting it is. Information is also worth less
# when you are already fairly sure: if your beliefs sit on one value, there is nothing
# left to learn.
#
# A classic case has a closed form. If the buyer's value is spread evenly between $L$ and
# $H$ and your cost $c$ is at most $L$, the best blind price is $(H + c)/2$ (kept inside
# $[L, H]$), the monopoly price for a straight-line demand curve. With cost 40 and values
# from 50 to 100, the best blind price is 70: the buyer accepts with chance 3/5 and you
# earn 18 on average. Knowing the value, you would earn its average minus the cost,
# 75 − 40 = 35. The information is worth 35 − 18 = 17.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-example", "schema_version": 3}
take_it_or_leave_it(40, 50, 100), value_of_information(40, 50, 100)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-explorer-text", "schema_version": 3}
# ### Exercise: the value-of-information explorer
#
# Move your cost and the range of the buyer's value. Watch the best blind price, the two
# profits and the gap between them. When is information worth the most: when the range
# is wide or narrow? When your cost is near the bottom of the range or near the top?

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-explorer", "schema_version": 3}
from course.widgets.information import InformationExplorer

InformationExplorer()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): is the consultant's tip worth the fee?
#
# Write `report_worth_buying(sale)`. Use your beliefs *after* Kestrel's opening offer and
# your cost. Return `(value, buy)`: what learning Kestrel's exact limit is worth to you
# (the formula above, on those beliefs), and `True` if that is more than
# `sale.report_fee`, otherwise `False`. Your earlier answers are there to reuse.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "report-worth-buying-answer", "schema_version": 3}
def report_worth_buying(sale):
    """(what knowing Kestrel's limit is worth, whether to pay the consultant's fee)."""
    ### BEGIN SOLUTION
    beliefs, _ = belief_after_opening(sale)
    informed = sum(chance * max(limit - sale.cost, 0.0) for limit, chance in beliefs.items())
    value = informed - best_ask(beliefs, sale.cost)[1]
    return value, value > sale.report_fee
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "report-worth-buying-test", "schema_version": 3}
"""Check that report_worth_buying values the tip as informed minus blind profit, and buys only when it pays."""
check.report_worth_buying(report_worth_buying)
### BEGIN HIDDEN TESTS
check.report_worth_buying(report_worth_buying, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "anchor-teaching", "schema_version": 3}
# ## 5. First offers: information and anchor at once
#
# A first offer does two jobs. It carries information, which you have just learned to
# read. It also pulls: people adjust away from a starting number too little, a pattern
# Tversky and Kahneman called **anchoring** ("Judgment under Uncertainty: Heuristics and
# Biases", *Science*, 1974). In one of their demonstrations, people who first saw a
# random number of 10 or 65 gave median estimates of 25 and 45 for the share of African
# countries in the United Nations.
#
# Negotiation research finds the same pull at the table. Northcraft and Neale (1987)
# gave experienced estate agents different listing prices for the same house, and their
# valuations moved with the listing price, although they said it had not influenced them.
# Galinsky and Mussweiler (2001) found that first offers predict final prices and that the
# side making the first offer tended to do better, and that the pull weakened when the
# other side thought about the opener's alternatives or their own best outcome.
#
# What to do with this:
#
# - When you know enough to make an ambitious but defensible offer, consider going first.
#   Ground it in something real (a comparable sale, your costs, a rival quote).
# - When the other side opens, separate the two jobs: update your beliefs on the
#   information, then deliberately put the number aside and return to your own analysis
#   (your reservation price, your target).
# - If you know little, an early first offer may give away more than it anchors. Ask
#   questions first.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "guard-teaching", "schema_version": 3}
# ## 6. Guarding your own information
#
# Everything above works in both directions: the other side is reading *your* signals.
# A few rules of thumb follow.
#
# - **Keep your reservation price and your deadline to yourself.** Once the other side
#   knows your limit, the surplus tends to flow to them, as the value-of-information
#   calculation shows from the other seat.
# - **Share interests, not limits.** Saying *why* you need a delivery date or a payment
#   schedule lets the other side find trades that cost them little and help you a lot.
#   That kind of disclosure often grows the deal rather than shrinking your share.
# - **Mention alternatives lightly.** "We are also talking with two other suppliers"
#   informs without threatening. An ultimatum invites a test of whether you mean it; a
#   calm remark makes your walk-away point believable without forcing anyone to lose face.
# - **Watch your concession pattern.** Big, quick concessions tell the other side there is
#   more to come. Smaller steps that shrink as you approach your limit send a truthful
#   signal that you are getting close.
# - **Trade information.** Offer a piece of information for a piece of information; a
#   partner who shares in return is building trust, and one who only takes is telling you
#   something too.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 7. Reflection (2 points, graded by your instructor)
#
# Think of a negotiation you expect to face: a salary, a lease, a contract, a purchase.
# **What information would change your plan, and how would you get it?** Name one or two
# facts about the other side (a deadline, an alternative, a budget, a weakness), say how
# your opening offer or your walk-away point would move if you learned each, how you could
# find it out before or during the talks, and what it would be worth paying (in time or
# money) to learn it. Also name one thing you will be careful *not* to reveal. A few
# sentences are enough; concrete beats general.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer names a concrete fact ("whether the landlord has another tenant lined up
# for March"), says how it moves the plan (without another tenant, I would open 8% below
# the asking rent instead of 3%), names a way to learn it (how long the listing has been
# up; asking the agent how many viewings there have been) and weighs its worth (an hour of
# checking listings is worth it against a year of rent). It also names what stays private
# (my move-in deadline).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Knowing the other side's needs, deadlines and alternatives moves where a fair-looking
#   deal lands; their weak spots are your leverage, and yours are theirs.
# - Hold beliefs as probabilities; update them with Bayes' rule: prior times likelihood,
#   rescaled to add up to 1.
# - Opening offers and the pace of concessions are signals; a model turns them into
#   likelihoods, and its assumptions deserve doubt.
# - Price against the whole belief: weigh each price's margin by the chance it is accepted.
# - Information is worth what it adds to your best decision (EVPI), never more: buy it
#   only when it costs less.
# - First offers anchor: read the information in them, then set the number aside.
# - Share interests, guard limits and deadlines, mention alternatives without threats.
