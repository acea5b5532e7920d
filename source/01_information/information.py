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
# You will learn to hold beliefs about the other side's **reservation price** (section 1
# defines it) as probabilities, revise them with **Bayes' rule** as offers and news
# arrive, name a price against them, put a price on information, see a first offer as an
# anchor too, and tell fair ways of learning and persuading from foul ones.
#
# It takes most learners about six to eight hours if they are at ease with Python and
# probability, and nine to eleven if either is new: there is a good deal to read (about
# 8,300 words of text and 900 in your scenario), eleven coded questions, two widgets
# and a short reflection.
# Six sittings suit it, most of them an hour to an hour and a quarter:
#
# 1. sections 1 and 2 with Questions 1 to 3;
# 2. the pace of concessions with Questions 4 and 4b, then section 3 with Question 5;
# 3. Question 5b, about half an hour;
# 4. Question 6 on its own, an hour and a half to two hours;
# 5. section 4, on what information is worth, with Questions 7 and 8;
# 6. sections 5 to 7 with Question 9 and the reflection.
#
# Run the cells from top to bottom. Cells that say `YOUR CODE HERE` are yours; the cells
# after them check your answer and tell you what to fix. Every learner gets their own
# numbers; the news, situations and moves judged in Questions 3, 6 and 9 come from pools the
# class shares.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell loads the course library and draws your scenario. The first time, it asks
# for your course id: type the id your instructor gave you in the box and press Enter.
# Your scenario then appears, and this computer remembers the id.
# Each fact in it names the field that holds it, such as `sale.cost`.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import information as check
from course.models.information import expected_reservation, update_beliefs

sale = course.variant("01_information")
sale

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "why-teaching", "schema_version": 3}
# ## 1. Why knowing more is leverage
#
# Module 00 called leverage whatever makes the other side more willing to accept your
# terms. A large part of it is knowledge about that side: what it needs, how soon, what
# else it could do, and where it is weak.
#
# A side's **reservation price** is the worst terms it would still accept (module 00): for
# a buyer, the most it would pay; for a seller, the least it would accept. Any
# price between the two sides' reservation prices leaves neither worse off than no deal.
# Where in that range the price lands depends partly on what each side knows.
#
# A supplier who has just lost two big clients has a lower reservation price: a modest order
# now beats no order, and a buyer who knows it can ask for better terms. A close deadline
# works the same way.
#
# In bargaining, each side keeps its reservation price to itself; section 4 measures what
# that costs a seller: deals that would help both sides, lost to a price set too high, and
# money left on the table.
#
# You rarely learn the other side's reservation price for sure, but you can hold beliefs
# about it and sharpen them (Raiffa, *The Art and Science of Negotiation*, 1982).

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "bayes-teaching", "schema_version": 3}
# ## 2. Beliefs, and how an offer changes them
#
# In your scenario the roles turn: you sell a machine to Osprey Foods. Call Osprey's
# reservation price $r$. You do not know it, but past sales suggest a few likely values.
# Writing a chance next to each gives your **prior** belief, $P(r)$; the chances add
# up to 1.
#
# Then something happens: Osprey makes an offer $x$. Some values of $r$ explain that
# offer well and others poorly. How well each one explains it is the **likelihood**,
# $P(x \mid r)$. Bayes' rule (Bayes, 1763)
# combines the two into your **posterior** belief:
#
# $$P(r \mid x) = \frac{P(x \mid r)\, P(r)}{\sum_{r'} P(x \mid r')\, P(r')} .$$
#
# In words: multiply each prior chance by its likelihood, then divide by the total so the
# chances add up to 1 again. Only the likelihoods' *ratios* matter (doubling all of them
# changes nothing), so likelihoods need only be non-negative; they need not add up to 1
# or stay below it.
#
# The **expected reservation price** is the average under your beliefs,
# $E[r] = \sum_r r \, P(r)$. It is what this course calls your **estimate** of the buyer's
# reservation price: the mean of your current beliefs, not the highest price they allow.
#
# A worked example: you think $r$ is 60, 70 or 80 with chances 0.5, 0.3 and 0.2. The
# offer you see is one that buyers with those reservation prices make with chances 0.1,
# 0.3 and 0.6. The posterior is 5/26, 9/26 and 6/13, and the expected reservation price
# rises from 67 to 945/13, about 72.7.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "bayes-example", "schema_version": 3}
from fractions import Fraction

prior = {60: Fraction(5, 10), 70: Fraction(3, 10), 80: Fraction(2, 10)}
likelihood = {60: Fraction(1, 10), 70: Fraction(3, 10), 80: Fraction(6, 10)}
posterior = update_beliefs(prior, likelihood)
posterior, expected_reservation(prior), expected_reservation(posterior)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ### Reading an opening offer
#
# Where does a likelihood come from? From a model of how the other side behaves. Your
# scenario uses a simple one: buyers like Osprey open at some share of their reservation
# price, between a low share $a$ and a high share $b$, and every amount in that band is
# as likely as any other. A buyer whose reservation price is $r$ therefore opens between
# $a r$ and $b r$.
#
# An offer is an amount, not one of a few outcomes, so its likelihood is a **probability
# density**: a chance per euro. Spreading a chance of 1 evenly over a band of width
# $(b - a)\, r$ gives the density
#
# $$P(x \mid r) = \begin{cases} \dfrac{1}{(b - a)\, r} & \text{if } a r \le x \le b r, \\[1ex] 0 & \text{otherwise.} \end{cases}$$
#
# Two things follow. An opening outside a reservation price's band rules that price out.
# And among the prices whose band holds the opening, lower ones explain it a little
# better, because their band is narrower: the same chance is packed into fewer euros.
#
# So, unlike the worked example's offer, a band opening tilts your beliefs towards the
# lower prices it leaves possible; it can raise your estimate only by ruling out low ones.
#
# The hard edges are a simplification: real buyers now and then open outside their band
# (the belief updater below allows for that in concessions). Whatever this module says is
# "for sure" holds only under hard edges. The model also reads the opening as honest,
# never *shaded* (set low to steer your reading); a buyer who knows how sellers read
# openings can shade its own.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (practice, no mark): how well does each price explain Osprey's opening?
#
# Write `opening_likelihood(sale)`. It takes a scenario like yours and reads
# `sale.reservations`, `sale.opening_low` ($a$), `sale.opening_high` ($b$) and
# `sale.opening_offer` ($x$). Return a dict that maps each possible reservation price to
# the density of Osprey's opening under it, using the formula above. Since only ratios
# matter, the same positive multiple of the density for every price passes too.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-likelihood-answer", "schema_version": 3}
def opening_likelihood(sale):
    """The density of the opening offer under each possible reservation price."""
    ### BEGIN SOLUTION
    low, high, offer = sale.opening_low, sale.opening_high, sale.opening_offer
    return {
        r: 1 / ((high - low) * r) if low * r <= offer <= high * r else 0.0
        for r in sale.reservations
    }
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-likelihood-check", "schema_version": 3}
"""Practice, not marked: check that opening_likelihood rules out the prices the opening does not fit, and weighs the rest."""
check.opening_likelihood(opening_likelihood)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 marks): what do you believe now?
#
# Write `belief_after_opening(sale, likelihood)`. Return `(beliefs, expected, sure)`:
#
# - `beliefs`: your beliefs about Osprey's reservation price after its opening, a dict;
# - `expected`: the expected reservation price under them;
# - `sure`: the highest price Osprey would accept *for sure* under those beliefs, if you
#   named it as your last word and Osprey could only take it or leave it.
#
# `sure` is what Osprey would accept, not what pays you: for some learners it is below
# `sale.cost`, a sale at a loss, and then it is still `sure`, not the cost.
#
# `likelihood` is your answer to Question 1 (the check passes in the right one, so a slip
# there costs nothing here). `sale.prior_beliefs()` gives your prior as a dict;
# `update_beliefs` and `expected_reservation` (loaded in the setup cell) do the
# arithmetic. Do not round: the check compares chances to a millionth and amounts to the
# cent. One mark for `beliefs` and `expected`, one for `sure`.
#
# Besides your own scenario, the check tries two worked cases:
# `course.variant("01_information", "worked-case-22")`, whose opening rules out the lowest
# reservation price, and `"worked-case-110"`, whose `sure` lies below its cost. On your
# own scenario, try `belief_after_opening(sale, opening_likelihood(sale))`, and compare
# `sure` with `sale.opening_offer`.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "belief-after-opening-answer", "schema_version": 3}
def belief_after_opening(sale, likelihood):
    """(posterior beliefs, expected reservation price, highest sure price) after the opening."""
    ### BEGIN SOLUTION
    beliefs = update_beliefs(sale.prior_beliefs(), likelihood)
    sure = min(r for r, chance in beliefs.items() if chance > 0)
    return beliefs, expected_reservation(beliefs), sure
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "belief-after-opening-test", "schema_version": 3}
"""Check that belief_after_opening updates the prior with Bayes' rule, averages it, and finds the sure price."""
check.belief_after_opening(belief_after_opening)
### BEGIN HIDDEN TESTS
check.belief_after_opening(belief_after_opening, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "news-teaching", "schema_version": 3}
# ### News changes the balance
#
# Facts about Osprey also come to light before you name your final price, in two kinds.
#
# **News that reveals.** You learn something that was already true: a launch date Osprey
# promised months ago, a customer it lost last year. Osprey's reservation price has not
# changed: read the news with Bayes' rule. Ask: *would this
# news be more likely to reach me if Osprey's reservation price were high, or if it were
# low?* A fact that shows Osprey needs the machine soon, or has few alternatives, is
# likelier when $r$ is high: its likelihood rises with $r$. A fact that shows a way out,
# or less need, is likelier when $r$ is low. A fact unrelated to Osprey's need or
# alternatives has the same likelihood under every $r$ and changes nothing. Such news
# rarely rules a price out, so give every price some likelihood above zero (*Cromwell's
# rule*, Lindley, *Making Decisions*, 1985: a belief set to zero never recovers).
#
# **News that changes.** Something happens now: a rival starts advertising a 15% discount
# today. Osprey's reservation price itself may fall, to the rival's new price plus what
# your machine is worth to it beyond the rival's. Call that amount the *cap*. Reweighting
# cannot show this (the new reservation price is in general none of your four prices):
# lower each possible price above the cap to the cap, carrying its chance with it.
#
# Reading the opening and then the news multiplies their likelihoods, which
# treats them as *independent* given Osprey's reservation price: fair for a launch date
# and a habit of opening, not for two reports from one source (one fact counted twice).
#
# Mind who chose to show you a fact: a rival's quote Osprey chose to show you may have
# been picked to steer you, while a press report that Osprey holds a rival quote (its price
# unknown) is news that reveals.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 mark): what does your news say?
#
# Your scenario's **News** holds two facts about Osprey (`sale.news` is a pair of keys).
# Write `news_likelihood(sale, key)`: for the piece of news `key`, a dict from each price
# in `sale.reservations` to how likely that news would be if that were Osprey's
# reservation price. The scale is yours, but every number must be above 0, and no price
# may be more than ten times as likely as its neighbour in the list, so that no single
# piece of news settles the question (Cromwell's rule forbids only zero; the cap of ten
# is this course's).
# Any likelihoods that go the way the news points are right: rising with the price,
# falling with it, or all equal.
#
# Practise first on these three, which the check judges one by one on `worked-case-0`
# (passed in as `sale`), so give your function an entry for each:
#
# - `practice-penalty`: A court filing shows that Osprey's contract with a supermarket
#   chain makes it pay a penalty for every week its new bags arrive late.
# - `practice-spare-line`: A dealer's catalogue shows that Osprey bought a second-hand
#   packing line two years ago, which still stands unused in its warehouse and could be
#   refitted for the new bags.
# - `practice-repaint`: Osprey's website shows that its head office was repainted in the
#   firm's new colours last month.
#
# On your own two pieces of news the check confirms only the form; which way your
# likelihoods go is marked when the notebook is graded. It shows at once your beliefs
# after the news, and whether the model's price (the final price that earns most against
# them, section 3) moves.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "news-likelihood-answer", "schema_version": 3}
def news_likelihood(sale, key):
    """How likely the news ``key`` is under each possible reservation price of Osprey's."""
    ### BEGIN SOLUTION
    direction = {
        "launch": 1,
        "inspection": 1,
        "rival-quote": -1,
        "lost-customer": -1,
        "five-a-side": 0,
        "marathon": 0,
        "practice-penalty": 1,
        "practice-spare-line": -1,
        "practice-repaint": 0,
    }[key]
    ranked = sorted(sale.reservations)
    return {r: 2.0 ** (direction * i) for i, r in enumerate(ranked)}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "news-likelihood-test", "schema_version": 3}
"""Check that news_likelihood reads each piece of news the way it points, and rules no price out."""
check.news_likelihood(news_likelihood)
### BEGIN HIDDEN TESTS
check.news_likelihood(news_likelihood, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pace-teaching", "schema_version": 3}
# ### The pace of concessions is a signal too
#
# A common pattern: each round a buyer moves part of the way from its last offer towards
# its reservation price. Big steps say there is a long way to go; steps that shrink fast
# say the buyer is near the end.
#
# The belief updater below reads offers with this model. Its buyer opens at 50–90% of its
# reservation price, a band of the updater's own: yours (`sale.opening_low` to
# `sale.opening_high`) usually differs. Then each round it either holds (repeats its
# last offer) or moves up. It holds more often the closer it is to its reservation price:
# with chance 20% times its last offer divided by its reservation price, 18% when that
# offer is 90% of its reservation price, 10% when it is half. A move usually covers 20–60%
# of the remaining gap, but with chance 5% it may be of any size up to the reservation
# price, so that no move is ruled out (Cromwell's rule, section 2).
#
# Two things stay impossible: an offer above a reservation price, and a step back below
# the last offer. If an offer fits no price you still believe possible, the updater says
# so and leaves your beliefs alone: that buyer is not behaving as the model assumes.
#
# ### Exercise: the belief updater
#
# Set your prior with the sliders (the weights are rescaled to add up to 1), press **next
# scripted offer** and watch the bars and the expected
# reservation price. Then, for each offer below, set the weights 1, 2, 3, 2 and 1 on 40,
# 50, 60, 70 and 80, press **start over** and **next scripted offer** once (the buyer
# opens at 42), then type the offer in the box and press **add this offer**:
#
# - 42 again, a buyer holding firm. The expected reservation price falls a little: a hold
#   hints that the buyer is near its reservation price, but a buyer far from it also holds
#   now and then;
# - 44, a small step: under this model far stronger evidence than a hold. A step of 2 fits
#   only a reservation price near the offer (here 50); higher prices explain it only
#   through the 5% chance of a step of any size. The expected reservation price falls from
#   about 61 to about 50: a buyer who shrinks its steps on purpose can mislead you that
#   much;
# - 90, above every price you still believe in: read why it is refused.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "belief-updater", "schema_version": 3}
from course.widgets.information import BeliefUpdater

BeliefUpdater()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 marks): read a reservation price from the pace
#
# The scripted buyer in the updater moves the same share of the remaining gap every round.
# If you know a buyer does that, three offers are enough to find its reservation
# price: each step is smaller than the one before by the same factor, and that factor
# tells you the share. Your scenario's other customer, Wren Bakery, has behaved this way in
# past deals; its first three offers are `sale.wren_offers`, and every one of them is
# below what its machine costs you to build, `sale.wren_cost`. Wren's habit is your only
# reason to read its steps so: a Wren that knew you did could shrink its steps on purpose.
#
# Write `reservation_from_concessions(offers)`. Given three offers (a tuple) of a buyer who
# moves the same share of the remaining gap each round, return `(share, reservation)`:
#
# - `share`: the share of the remaining gap it moves each round, between 0 and 1;
# - `reservation`: its reservation price.
#
# Check it by hand on the updater's scripted buyer: it offers 42, then 53.20, then 59.92,
# moves 40% of the gap, and has a reservation price of 70. One mark for each part; a
# reservation price that follows from a wrong share the check names keeps its mark.
# The check also tries your Wren and a buyer who offers 20,000, 24,000 and 27,000.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "reservation-from-concessions-answer", "schema_version": 3}
def reservation_from_concessions(offers):
    """(the share of the gap a buyer moves each round, its reservation price)."""
    ### BEGIN SOLUTION
    first, second, third = offers
    share = 1 - (third - second) / (second - first)
    return share, first + (second - first) / share
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "reservation-from-concessions-test", "schema_version": 3}
"""Check that reservation_from_concessions reads the share of the gap and the reservation price from shrinking steps."""
check.reservation_from_concessions(reservation_from_concessions)
### BEGIN HIDDEN TESTS
check.reservation_from_concessions(reservation_from_concessions, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4b-text", "schema_version": 3}
# ### Question 4b (1 mark): your answer to Wren
#
# Wren asks you for one final price and takes or leaves it; like every buyer in this
# module's model, it accepts any price up to its reservation price, that price included
# (section 3 lists this assumption and questions it). Write `wren_price(sale,
# reservation)` to return the price you name to Wren, or `None` to walk away,
# given Wren's reservation price `reservation` (the right one, so a
# slip in Question 4 costs nothing here) and your cost `sale.wren_cost`.
#
# Wren is a repeat customer, and one left a share of the gain (its reservation price minus
# your cost) is likelier to come back; Question 6's convention 3 leaves a quarter. The check
# accepts a price above your cost and at most Wren's reservation price that leaves Wren at
# most half the gain, or €100 if that is more.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "wren-price-answer", "schema_version": 3}
def wren_price(sale, reservation):
    """The final price to name to Wren, or None to walk away."""
    ### BEGIN SOLUTION
    if reservation <= sale.wren_cost:
        return None
    return reservation - (reservation - sale.wren_cost) / 4  # a quarter of the gain left
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "wren-price-test", "schema_version": 3}
"""Check that wren_price names Wren a price it accepts and that pays, or walks away."""
check.wren_price(wren_price)
### BEGIN HIDDEN TESTS
check.wren_price(wren_price, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "price-teaching", "schema_version": 3}
# ## 3. Naming a price against what you believe
#
# Back to Osprey. Once you have read its opening and the news, you answer with one final
# price $p$ that Osprey takes or leaves: it accepts when $p$ is at most its reservation
# price (at exactly that price, say it accepts). You build to order; if Osprey takes your
# free build slot, the order waiting for it moves to a later slot at no cost to you (your
# book is otherwise empty), so **your own reservation price in this sale is your cost** $c$
# (`sale.cost`). A final price earns on average
#
# $$\text{expected profit}(p) = (p - c) \times P(r \ge p) .$$
#
# A higher price earns more per sale but is accepted less often. Only the values your
# beliefs allow are worth trying (after a cap, the cap is one of them): between two of
# them, raising the price loses no buyer.
#
# > **One price, one name.** The final price with the largest expected profit against
# > your beliefs is **the model's price**. Question 5 returns it as `before` (against your
# > prior) and `now` (after the opening); where the text names no beliefs, it means
# > `now`. It is never below Question 2's `sure` price, and may be refused.
#
# <details>
# <summary><b>The module's prices</b> (a glossary)</summary>
#
# | name | what it is | where |
# |---|---|---|
# | estimate | the expected reservation price under your beliefs | Question 2 (`expected`), 6 |
# | `sure` | the lowest reservation price still possible: accepted for sure | Questions 2, 6 |
# | the model's price | the final price with the largest expected profit against your beliefs | Questions 3, 5 to 8 |
# | cap | the most Osprey would pay once a rival sells for less (`sale.rival_cap`) | Question 5 (`capped`) |
# | opening, target | in a haggle, your first ask, and where you aim to land below it | Question 6 |
# | safer price | a reservation price still possible between your cost and the model's price | Question 6 |
# | fair price | a price below the model's that leaves the buyer a share of the gain | Question 6 |
# | re-priced price | the model's price from what a shaded opening still proves | Question 6 |
#
# </details>
#
# Why not accept Osprey's opening (a loss for more than half of learners)? Under the band
# model every price still possible lies above the opening, so `sure` is accepted as surely,
# and earns more. Two shortcuts are wrong too. Asking the *expected* reservation price
# wastes money when it lies between two possible prices: the next possible price up sells
# as often and earns more. When it is itself a possible price, it is one candidate among
# the others, picked without weighing what each earns. Asking the *most likely* one
# ignores what the other prices pay. The next possible price up often lands on the
# model's price, by luck of the numbers; Question 5 tries a case where it does not.
#
# **Where this model holds.** Naming one final price is the *take-it-or-leave-it* model
# of bargaining with private information (W. Samuelson, "First-Offer Bargains",
# *Management Science*, 1980). It assumes:
#
# - you can commit to one final price, and a refusal ends the talks. In most real
#   negotiations a refusal brings a counter-offer; module 03 treats bargaining as
#   alternating offers (Rubinstein), where patience and outside options set the split.
#   Losing that commitment weakens a seller: facing buyers of unknown value one at a
#   time, a seller who can commit to one price earns at least as much as any way of
#   haggling would earn it (Riley and Zeckhauser, *Quarterly Journal of Economics*, 1983);
# - the buyer accepts any price up to its reservation price, even one that leaves it
#   almost nothing. In small-stakes ultimatum games, where both players know the sum (as if
#   Osprey knew your cost), offers under about a fifth are refused about half the time
#   (Camerer, *Behavioral Game Theory*, 2003, chapter 2), though refusals fall towards zero
#   when an offer is worth weeks of wages (Andersen, Ertaç, Gneezy, Hoffman and List,
#   *American Economic Review*, 2011);
# - you care only about the average profit (you are *risk-neutral*); a workshop that badly
#   needs the cash may prefer a surer sale at a lower price;
# - Osprey does not know what you believe about it, and does not shade its opening to
#   steer your reading of it.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (4 marks): your price, and the news that moves it
#
# Write `my_price(sale, after, reading)` to return four final prices,
# `(before, now, with_news, capped)`:
#
# - `before`: the price you would have named before Osprey said anything, from your prior
#   (`sale.prior_beliefs()`) and your cost (`sale.cost`);
# - `now`: the price you name after the opening, from `after` and `sale.cost`;
# - `with_news`: the price you name once you have also read the news: update `after` with
#   each likelihood in `reading` by Bayes' rule, then price against the result;
# - `capped`: your price after the scenario's **news that changes**: a rival starts
#   selling a similar machine for less, so Osprey would pay you at most `sale.rival_cap`.
#   Move each possible reservation price in `after` above the cap down to the cap,
#   carrying its chance with it, and price against `sale.cost`.
#
# For `capped`, leave the news out: that shows what the cap does on its own. To combine
# both, pass your beliefs after the news as `after`. A quote Osprey held all along would
# instead drop the prices above it; a new discount moves them down to it. See whether
# your price falls, to the cap or below it.
#
# `after` is your beliefs after Osprey's opening (Question 2's first part) and `reading`
# maps each key of `sale.news` to the likelihood your `news_likelihood` gives it.
# The check passes in the right `after` and made-up readings (no answers to Question 3),
# and tries worked cases too, such as `check.rounding_case()`.
#
# One mark for each of the four prices. On your own scenario, try
#
# ```python
# after = belief_after_opening(sale, opening_likelihood(sale))[0]
# my_price(sale, after, {key: news_likelihood(sale, key) for key in sale.news})
# ```
#
# **After you pass**, the check says how strongly news must weigh to move your price:
# compare that with your reading in Question 3, or, if your reading is uneven, run
# `my_price` on it.
# With section 2's worked example and a cost of 40, the model's price is 60 before the
# offer and 70 after it, because the offer made a buyer at 60 less likely.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-price-answer", "schema_version": 3}
def my_price(sale, after, reading):
    """(price before the opening, after it, after the news too, price under the cap)."""

    ### BEGIN SOLUTION
    def best(beliefs):
        profit = {
            price: (price - sale.cost) * sum(chance for r, chance in beliefs.items() if r >= price)
            for price in beliefs
        }
        return max(profit, key=profit.get)

    with_news = after
    for likelihood in reading.values():
        with_news = update_beliefs(with_news, likelihood)
    capped = {}
    for r, chance in after.items():
        capped[min(r, sale.rival_cap)] = capped.get(min(r, sale.rival_cap), 0) + chance
    return best(sale.prior_beliefs()), best(after), best(with_news), best(capped)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 4, "grade_id": "my-price-test", "schema_version": 3}
"""Check that my_price weighs each price by its chance of acceptance, before and after the opening and the news, and under the cap."""
check.my_price(my_price)
### BEGIN HIDDEN TESTS
check.my_price(my_price, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5b-text", "schema_version": 3}
# ### Question 5b (1 mark): what would honest holds be worth?
#
# Suppose that, before you name your price, the talks go in rounds: each round you ask
# Osprey to improve its offer, and it repeats its opening instead: it *holds*. Your price,
# when you name it, is still take-it-or-leave-it. Read each hold with the belief
# updater's model: under a reservation price $r$ above the last offer (every price still
# possible after the opening is), a buyer holds with chance
# $0.2 \times \text{last offer} / r$, so a hold is likelier from a buyer close to the most
# it would pay. Each hold is new evidence: update the beliefs you had after the last hold.
#
# Write `holds_before_moving(sale, after)`, with `after` your beliefs after the opening
# (as in Question 5). Return the fewest holds in a row at `sale.opening_offer` after which
# the model's price (against `sale.cost`) is no longer the one you would name now, or
# `None` if even five holds leave it where it is. Holds only push beliefs down, so they can
# only move your price down. Where your opening raised the model's price, nothing lower is
# still possible and holds cannot move it: then the check tries a stand-in case
# (`check.holds_case()` returns it).
#
# The model reads every hold as honest. A hold costs Osprey nothing to fake, so the
# count is the fewest holds that could justify a lower price: honest holds would justify
# lowering after that many, but do not lower on holds alone.
# The course stops counting at five (a convention). Once you have named your final price,
# holds are no reason to move it (module 04). The check tries your case and four worked
# cases; grading adds other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "holds-before-moving-answer", "schema_version": 3}
def holds_before_moving(sale, after):
    """The fewest holds at the opening that move the model's price, or None."""

    ### BEGIN SOLUTION
    def best(beliefs):
        profit = {
            price: (price - sale.cost) * sum(chance for r, chance in beliefs.items() if r >= price)
            for price in beliefs
        }
        return max(profit, key=profit.get)

    now, beliefs = best(after), dict(after)
    for holds in range(1, 6):
        hold = {r: 0.2 * sale.opening_offer / r for r in beliefs}
        beliefs = update_beliefs(beliefs, hold)
        if best(beliefs) != now:
            return holds
    return None
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "holds-before-moving-test", "schema_version": 3}
"""Check that holds_before_moving reads each hold as evidence and finds when the price moves."""
check.holds_before_moving(holds_before_moving)
### BEGIN HIDDEN TESTS
check.holds_before_moving(holds_before_moving, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 marks): where the model holds
#
# This question adds five prices
# (section 3's glossary lists them all): your **opening**, a *target*, a *safer price*,
# a *fair price* and the *re-priced price*.
#
# For each situation below, say which of section 3's four assumptions behind the model's
# price (Question 5's `now`) fails, and what it calls for:
#
# - `"final-offer"`: you can commit to one final price, and a refusal ends the talks; if
#   not, name a plan `(opening, target)`;
# - `"accepts-any"`: the buyer accepts any price up to its reservation price; if not, a
#   *fair price* below the model's price;
# - `"risk-neutral"`: you care only about the average profit; if not, a *safer price*
#   below it;
# - `"honest-opening"`: the opening is not shaded to steer your reading; if not,
#   re-priced from what a shaded opening still proves;
# - `"none"`: every assumption holds; name the model's price.
#
# Write `model_limits(sale, after)` (`after` as in Question 5) returning a dict from each
# situation's key to `(assumption, price)` or `("final-offer", (opening, target))`.
#
# Your situations (`sale.situations`) are `staged-opening` and three others drawn for you;
# an assumption may fail in one of them, or in none. Read each alone.
# The check judges these on `worked-case-0`, and your own only for form (graded later):
#
# - `practice-come-back`: Osprey's buyer answers every price it dislikes with "come back
#   with something better", and the builders who did closed with it in the second or third
#   round.
# - `practice-lease`: Your landlord will end your lease unless this month's rent, which only
#   this sale can pay, arrives on time; Osprey asks you for one final price and takes or
#   leaves it.
# - `practice-whole-gain`: Osprey's new buyer told a trade magazine that it walks away from
#   any supplier who "keeps the whole gain", and it did so last spring in a deal it could
#   afford.
# - `practice-colleague`: Osprey's buyer opened in its usual way, asks you for one final
#   price and takes or leaves it, and its past suppliers say it signed prices that left it
#   next to nothing; your workshop has cash for months. A colleague says to ask €5,000 less
#   than the model's price, "to be safe".
#
# For `staged-opening`: a buyer who shades opens lower than its habit, never higher. Of
# what section 2's band model ($b$ = `sale.opening_high`) reads from Osprey's opening
# (`sale.opening_offer`), keep only what a shaded opening still proves, price against your
# prior (`sale.prior_beliefs()`) with that, and name the result: if it is the model's
# price, the shading cost you nothing and the model's price stands.
#
# <details>
# <summary><b>How your prices are checked</b></summary>
#
# | assumption that fails | price the check accepts |
# |---|---|
# | `"none"` | the model's price, to the cent |
# | `"final-offer"` | a plan; opening: from the higher of your estimate and the model's price up to the highest reservation price still possible; target: below your opening, never below `sure`; from halfway to three quarters of the way from your cost to your estimate, or, where `sure` is above the three-quarter point, from `sure` to three quarters of the way from it to your estimate |
# | `"risk-neutral"` | a *safer price*: a reservation price still possible between your cost (`sale.cost`) and the model's price |
# | `"accepts-any"` | a *fair price*: above your cost and Osprey's opening, leaving a buyer whose reservation price is the model's price at least a fifth of the gain (the model's price minus your cost) |
# | `"honest-opening"` | the re-priced price, to the cent |
#
# These are hard bounds; inside them the number is your judgement. The check also tries
# your `practice-whole-gain` price on `check.fair_case()`, and your `staged-opening` price
# on `worked-case-0`, `worked-case-1`, `cut-case` and `tilt-case` (`check.staged_cases()`).
# `cut-case`, `tilt-case` and two more at grading ask only `staged-opening` and may lack
# a safer price: price only what `sale.situations` asks.
# Conventions (the course's advice):
#
# 1. **Your opening**: a preview of the rule module 04 teaches (open at your estimate of
#    the buyer's reservation price, or beyond it as far as a fact you can name takes you)
#    plus a floor, the model's price, because no haggle ends above your opening.
# 2. **Target**: a preview of the band module 02 teaches. With no fact to show, aim
#    halfway from your cost to your estimate, never below `sure`, which every buyer
#    accepts. In module 04's aside (52 talks), plans stopping at three quarters closed 49
#    deals and earned 12.5 a talk, against 44 and 11.7 at the estimate: a little less per
#    deal, more deals.
# 3. **Fair price**: leave a buyer whose reservation price is the model's price at least
#    a quarter of the gain (the mark accepts as little as a fifth, since refusals are
#    rarer at a sale's stakes). A quarter keeps clear of the shares refused about half the
#    time in section 3's ultimatum games. With cost 40 and the model's price 70,
#    62.50 leaves a buyer at 70 a quarter: 7.50 of 70 − 40. Any lower price above your
#    cost and Osprey's opening is fairer.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "model-limits-answer", "schema_version": 3}
def model_limits(sale, after):
    """For each situation, (the assumption that fails, the final price you would name)."""

    ### BEGIN SOLUTION
    def accepted(price):
        return sum(chance for r, chance in after.items() if r >= price)

    model = max(after, key=lambda price: (price - sale.cost) * accepted(price))

    def below():
        return max(r for r, chance in after.items() if chance > 0 and sale.cost < r < model)

    # a fair price, in whole euros rounded down: a buyer at the model's price keeps a
    # quarter of the gain (convention 3; the mark asks a fifth)
    def fairest():
        return int(model - (model - sale.cost) / 4)

    # a shaded opening still proves r >= x / b: the prior with only that cut
    def staged():
        floor = sale.opening_offer / sale.opening_high
        kept = {r: chance for r, chance in sale.prior_beliefs().items() if r >= floor}
        return max(
            kept,
            key=lambda p: (p - sale.cost) * sum(chance for r, chance in kept.items() if r >= p),
        )

    def plan():
        estimate = sum(r * chance for r, chance in after.items())
        # open at the higher of the estimate and the model's price (never below your last
        # word; at most the highest price still possible, a bound from your model); aim at
        # `sure` (Question 2): Osprey would accept it for sure,
        # so never below it, and otherwise at least the even split
        opening = max(estimate, model)
        sure = min(r for r, chance in after.items() if chance > 0)
        split, top = (sale.cost + estimate) / 2, sale.cost + 0.75 * (estimate - sale.cost)
        return opening, max(min(max(sure, split), top), sure)

    price = {
        "honest-opening": staged,
        "final-offer": plan,
        "risk-neutral": below,
        "accepts-any": fairest,
        "none": lambda: model,
    }
    broken = {
        "staged-opening": "honest-opening",
        "counter-offer": "final-offer",
        "board-rounds": "final-offer",
        "practice-come-back": "final-offer",
        "friday-cash": "risk-neutral",
        "payroll": "risk-neutral",
        "practice-lease": "risk-neutral",
        "fair-share": "accepts-any",
        "practice-whole-gain": "accepts-any",
        "one-price": "none",
        "first-number": "none",
        "practice-colleague": "none",
    }
    # a price is worked out only where a situation asks for it (the third worked case
    # asks only `staged-opening`, and has no safer price)
    return {key: (broken[key], price[broken[key]]()) for key in sale.situations}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "model-limits-test", "schema_version": 3}
"""Check that model_limits finds the assumption each situation breaks, and moves off the model's price the way it points."""
check.model_limits(model_limits)
### BEGIN HIDDEN TESTS
check.model_limits(model_limits, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-teaching", "schema_version": 3}
# ## 4. What perfect information about the other side's reservation price is worth
#
# If you could learn Osprey's reservation price first, you would ask exactly that price
# when it covers your cost, and not sell otherwise. Your expected profit then, minus what
# the model's price earns without it (`before` against your prior, `now` after the
# opening), is the **expected value of perfect information**, EVPI (Raiffa and Schlaifer,
# *Applied Statistical Decision Theory*, 1961; Howard, "Information Value Theory", 1966):
#
# $$\mathrm{EVPI} = E\big[\max(r - c,\ 0)\big] - \max\Big(0,\ \max_p\ (p - c)\, P(r \ge p)\Big) ,$$
#
# where the 0 is not selling. It is the most any information about $r$ can be worth to a
# risk-neutral seller.
#
# With the worked example's prior (60, 70 or 80 with chances 0.5, 0.3, 0.2) and a cost
# of 40, the model's price is 60, which every buyer accepts: 20 for sure. Knowing $r$,
# you would earn its average minus the cost, 67 − 40 = 27. Perfect information is worth
# 7.
#
# Knowing more can make perfect information worth more. After the worked example's offer
# the model's price becomes 70, earning about 24.23, and perfect information is now worth
# about 8.46, more than the 7 before. The price of 60 lost no buyer; its whole cost was
# the money it left on the table (7). The price of 70 loses the buyers at 60 (about 3.85
# on average) and still leaves about 4.62 on the table. The reason: the offer moved weight
# off the buyers at 60 and onto those at 80, whose gain above the price you name you
# cannot capture without knowing $r$. Those lost buyers are the cost of a hidden
# reservation price: section 3's one final price gives up some deals that would help both
# (here the buyers at 60) for a larger margin. Question 8 has you compute it before and
# after Osprey's opening in your own case.
#
# A classic case: if the buyer's reservation price could be anything between $L$ and $H$,
# every amount as likely as any other, and your cost $c$ is below $H$, the model's price is
# $(H + c)/2$ (kept inside $[L, H]$). Knowing the reservation price, you would earn its
# average minus the cost, $(L + H)/2 - c$, when $c$ is at most $L$, and
# $(H - c)^2 / (2(H - L))$ for $c$ inside the range, skipping buyers below $c$. Without
# knowing it, a price $p$ between $c$ and $H$ (and at least $L$) earns
# $(p - c)(H - p)/(H - L)$, its margin times the chance it is accepted. With cost
# 40 and reservation prices from 50 to 100, the model's price is 70: the buyer accepts
# with chance 3/5 and you earn 18 on average. Knowing it, you would earn 75 − 40 = 35.
# The information is worth 35 − 18 = 17.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-example", "schema_version": 3}
from course.models.information import take_it_or_leave_it

model_price, model_profit = take_it_or_leave_it(40, 50, 100)
knowing_profit = (50 + 100) / 2 - 40  # every buyer is above the cost: average minus cost
model_price, model_profit, knowing_profit, knowing_profit - model_profit  # the last: the worth

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-explorer-text", "schema_version": 3}
# ### Exercise: the value-of-information explorer
#
# The explorer uses the classic case's even spread. Move your cost and the range, and
# watch the model's price, the two profits and their gap.
#
# Moving only one end of the range also moves its middle, and then the worth can go either
# way: with cost 40, raising the lowest price from 50 to 60 *narrows* the range, yet the
# worth rises from 17 to 17.5: the middle of the range rises by 5, which knowing the price
# captures in full, while the model's price stays 70 and its profit rises only 4.5 (18 to
# 22.5).
#
# Then decide on your scenario's four settings (`sale.explorer_cases`, each `(cost,
# lowest, highest)`, listed in the explorer): `"A"` and `"B"` share the cost and the
# highest price, so only the lowest moves; `"C"` and `"D"` differ in cost and range.
# Before moving anything, pick for each pair the setting under which knowing the
# reservation price is worth more (use the classic case's formulas), and press
# **check my picks**: the explorer says whether each pick is right, and why.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voi-explorer", "schema_version": 3}
from course.widgets.information import InformationExplorer

InformationExplorer(sale.explorer_cases)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q7-text", "schema_version": 3}
# ### Question 7 (1 mark): which firm, if either, do you hire?
#
# Your two research firms (`sale.firms`, triples `(name, amount, fee)`) would each learn,
# from lawful research only (public filings, Osprey's other suppliers), whether Osprey's
# reservation price is at least its amount. Real research can be wrong; assume here that it
# never is, which gives the most the question can be worth (the next section values a
# report that can be wrong).
#
# Value an answer as above: after a yes, the model's price for your cost (`sale.cost`)
# against the reservation prices at or above the amount; after a no, against those below
# it. Weigh each answer's best profit by the chance of that answer, add the two, and
# subtract what you earn with no answer.
#
# Write `information_pays(sale, after)`, with `after` your beliefs after the opening (the
# news set aside; the check passes in the right ones), to
# return `"Finch"`, `"Heron"` or `"neither"`. The check also tries three worked cases: in
# two both firms are worth their fees, in one neither is.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "information-pays-answer", "schema_version": 3}
def information_pays(sale, after):
    """The firm to hire ("Finch" or "Heron"), or "neither"."""

    ### BEGIN SOLUTION
    def best(beliefs):
        """The best expected profit against (unscaled) beliefs; 0 by not selling."""
        profits = [0.0]
        for price in beliefs:
            accepted = sum(chance for r, chance in beliefs.items() if r >= price)
            profits.append((price - sale.cost) * accepted)
        return max(profits)

    gains = {}
    for name, amount, fee in sale.firms:
        yes = {r: chance for r, chance in after.items() if r >= amount}
        no = {r: chance for r, chance in after.items() if r < amount}
        gains[name] = best(yes) + best(no) - best(after) - fee
    name = max(gains, key=gains.get)
    return name if gains[name] > 0 else "neither"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "information-pays-test", "schema_version": 3}
"""Check that information_pays hires the firm whose answer is worth most above its fee, or neither."""
check.information_pays(information_pays)
### BEGIN HIDDEN TESTS
check.information_pays(information_pays, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "report-teaching", "schema_version": 3}
# ### Information that can be wrong
#
# In truth, nobody will tell you Osprey's reservation price for sure, and nobody should:
# buying it from someone bound to keep it confidential is unethical and often unlawful
# (section 6). What you
# *can* buy is legitimate and fallible: a market survey of what comparable firms paid,
# combined with Osprey's public filings. Your scenario's report names
# one of the four possible prices; it is right with chance `sale.report_accuracy`, and
# otherwise names each of the other three equally often.
#
# A fallible report is worth no more than EVPI. To value it, go through the reports it
# could send. For each one:
#
# 1. update your beliefs with it, by Bayes' rule: the likelihood of a report naming $s$ is
#    the accuracy when $r = s$, and (1 − accuracy)/(n − 1) otherwise, with $n$ the number
#    of prices in `sale.reservations`, ruled out or not: 3 in the worked example below, 4
#    in your scenario. The firm knows
#    nothing of Osprey's opening, so a wrong report may name a price the opening ruled out;
# 2. find the model's price under those beliefs, and its expected profit;
# 3. weigh that profit by how likely the report is, $P(s) = \sum_r P(s \mid r)\, P(r)$.
#
# The sum, minus what the model's price earns, is the report's worth (Raiffa and Schlaifer
# call it the expected value of sample information). You can skip the division in step 1:
# $P(s)$ times the best expected profit under the updated beliefs is the same as
# $\max\big(0,\ \max_p\ (p - c) \sum_{r \ge p} P(s \mid r)\, P(r)\big)$, where the 0 is not
# selling.
#
# In the worked example (prior 0.5, 0.3, 0.2 on 60, 70, 80, cost 40), a report that is
# right 80% of the time comes out as "60" with chance 0.45, "70" with chance 0.31 and
# "80" with chance 0.24. The model's prices after them are 60, 70 and 80, earning
# 9 + 7.8 + 6.4 = 23.2 in all, against 20 without it. The report is worth 3.2, less than
# half of perfect information's 7.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q8-text", "schema_version": 3}
# ### Question 8 (3 marks): is the market report worth its fee?
#
# Write `report_decision(sale, after)`, with `after` your beliefs after the opening, as
# in Question 5. Return `(perfect_before, perfect_after, report, buy)`:
#
# - `perfect_before`: perfect information's worth before the opening (your prior,
#   `sale.prior_beliefs()`, and `sale.cost`);
# - `perfect_after`: its worth after the opening (`after`);
# - `report`: the market report's worth after the opening (the news set aside, a
#   simplification), with its accuracy `sale.report_accuracy` and reports that name one
#   of `sale.reservations`;
# - `buy`: `True` if the report is worth more than its fee, `sale.report_fee`.
#
# Do not round. One mark for the two EVPIs, one for the report's worth, one for the
# decision, judged against your worth when the check names its slip, so one slip costs
# one mark.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "report-decision-answer", "schema_version": 3}
def report_decision(sale, after):
    """(EVPI before the opening, EVPI after it, the report's worth, whether to buy it)."""

    ### BEGIN SOLUTION
    def best(beliefs):
        """The best expected profit against (possibly unscaled) beliefs; 0 by not selling."""
        profits = [0.0]
        for price in beliefs:
            accepted = sum(chance for r, chance in beliefs.items() if r >= price)
            profits.append((price - sale.cost) * accepted)
        return max(profits)

    def perfect(beliefs):
        informed = sum(chance * max(r - sale.cost, 0.0) for r, chance in beliefs.items())
        return informed - best(beliefs)

    q = sale.report_accuracy
    wrong = (1 - q) / (len(sale.reservations) - 1)
    with_report = sum(
        best({r: chance * (q if r == named else wrong) for r, chance in after.items()})
        for named in sale.reservations
    )
    report = with_report - best(after)
    return perfect(sale.prior_beliefs()), perfect(after), report, report > sale.report_fee
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 3, "grade_id": "report-decision-test", "schema_version": 3}
"""Check that report_decision values perfect and fallible information, and buys only when it pays."""
check.report_decision(report_decision)
### BEGIN HIDDEN TESTS
check.report_decision(report_decision, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "anchor-teaching", "schema_version": 3}
# ## 5. First offers: information and anchor at once
#
# A first offer does two jobs. It carries information. It also pulls: people adjust away
# from a starting number too little, a pattern Tversky and Kahneman called **anchoring**
# ("Judgment under Uncertainty: Heuristics and Biases", *Science*, 1974). In one of their
# demonstrations, people who first saw a random number of 10 or 65 gave median estimates of
# 25 and 45 for the share of African countries in the United Nations.
#
# Northcraft and Neale ("Experts, Amateurs, and Real Estate", *Organizational Behavior and
# Human Decision Processes*, 1987) found that estate agents' valuations of one house moved
# with the listing price they were given, though they said it had not influenced them.
# Galinsky and Mussweiler ("First Offers as Anchors", *Journal of Personality and Social
# Psychology*, 2001) found that first offers predicted final prices and that the side
# making the first offer tended to do better. That advantage disappeared when the side
# receiving the offer thought about the opener's alternatives, about the opener's
# reservation price, or about its own target (Question 6 defines it; its convention 2
# gives this course's band).
#
# Question 6's `first-number` situation, drawn for some learners, is this pull at your own
# table: once the opening is in your beliefs, its number is no reason to move your price.
#
# What to do with this:
#
# - When the other side opens, separate the two jobs. Update your beliefs on the
#   information, then give the number no pull beyond what it has told you. Then think about
#   their alternatives and reservation price, and about your own target. Do not make your
#   own reservation price the focus: Galinsky, Mussweiler and Medvec ("Disconnecting
#   Outcomes and Evaluations", *Journal of Personality and Social Psychology*, 2002) found
#   that negotiators who focused on it reached worse deals than those who focused on their
#   target, even though they felt better about them.
# - When you know enough to make an ambitious offer you can justify, consider going
#   first, and ground it in something real (a comparable sale, your costs, a real rival
#   quote). If you know little, ask questions first.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "guard-teaching", "schema_version": 3}
# ## 6. Guarding your own information, and the line you do not cross
#
# The other side reads *your* signals too.
#
# - **Keep your reservation price to yourself, and a deadline that only you pay for.** A
#   side that knows your reservation price can make a final offer right at it and take
#   nearly all of the gain (section 4). A deadline that costs only you (a bill due on
#   Friday) invites the other side to wait. A final deadline that ends
#   the talks for both sides is different: Moore ("Myopic Prediction, Self-Destructive
#   Secrecy, and the Unexpected Benefits of Revealing Final Deadlines in Negotiation",
#   *Organizational Behavior and Human Decision Processes*, 2004) found that revealing one
#   made the other side concede sooner, because the deadline binds it too.
# - **Explain your interests.** Fisher and Ury (*Getting to Yes*, 1981) advise focusing on
#   interests, not positions: saying *why* you need a delivery date or a payment schedule
#   lets the other side find trades that cost it little and help you a lot.
# - **Mention alternatives lightly, and only true ones.** Mention one only when it beats
#   what the other side believes is the least you would accept; keep a weak one private,
#   since naming it shows you could be had for less (module 02). A true "we are also
#   talking with two other buyers" informs without threatening. Said as information ("the
#   slot goes to the next order at the end of the month"), a true deadline helps you
#   (Moore's logic: the date costs Osprey its machine on time, not only you your sale).
# - **Use what you know about them; do not announce it.** Put it into your price and your
#   terms (a delivery date that meets their deadline), not into a speech, which sounds
#   like pressure. Naming one fact to answer a claim is
#   different: if they say their old line can keep running and you know it failed
#   inspection, saying so calmly takes the force out of that claim.
#
# ### Fair and foul ways to use information
#
# Module 00 sorts moves into four kinds (legitimate, bluff, misrepresentation,
# illegitimate); the law draws part of the line between them.
#
# - **Legitimate.** Keeping your reservation price private, asking questions, reading what
#   is published, and mentioning a true alternative calmly: nothing untrue is said, no false
#   impression is left (true words chosen to mislead are *paltering*, module 00), and
#   nothing is taken that is not yours.
# - **A bluff is tolerated, not admired.** "That would be very hard for us", about a price
#   you would in fact accept, is untrue, but it is about your own reservation price, which
#   by the conventions of bargaining neither side takes as a statement of fact. Carr ("Is
#   Business Bluffing Ethical?", *Harvard Business Review*, 1968) defended bluffing in
#   business broadly, misstated facts included, so he is no authority for where the line
#   falls (module 00); comment [2] to Rule 4.1 of the American Bar Association's Model
#   Rules, the rules most US states follow for lawyers, notes that a party's estimates of
#   price or value, and what it would settle for, are not ordinarily taken as statements of
#   material fact. A bluff that is called still costs you credibility. Calling your opening
#   "a fair price" when you think it well above value (*puffery*) is such an estimate. The
#   law and many texts accept puffery as sales talk; this course goes by whether it is
#   true, and it is not, so never `"legitimate"`: a bluff or a misrepresentation.
# - **Misrepresentation is not a bluff.** A rival offer that does not exist, costs that
#   have not changed, a defect you deny: these are lies about facts the other side relies
#   on, and can be fraud. Shell (*Bargaining for Advantage*, 1999) puts them beyond the
#   line. In the surveys Lewicki, Saunders and Barry report (*Negotiation*, ethics
#   chapter), negotiators rate misstating facts far less acceptable than hiding their
#   reservation price. Their "bluffing" is a threat or promise you would not carry out; an
#   ambitious opening is ordinary competitive bargaining to them and to this course: only
#   untrue words about your reservation price or intentions are a bluff (Question 9).
# - **An illegitimate source taints even true information.** Public filings, the trade
#   press, market surveys and your own questions are fair. Confidential information bought
#   from someone bound to keep it, information obtained by pretending to be someone else
#   (*pretexting*), or by paying an insider, is not, and where it is a trade secret the law
#   forbids getting it so.
#
# <details>
# <summary><b>In law</b></summary>
#
# A landlord who invented another tenant's offer to push up the rent could be sued for
# fraud (*Kabatchnick v. Hanover-Elm Building Corp.*, Massachusetts, 1952). A stated
# intention, or an opinion from the side that knows more, can count as a statement of
# fact in English law (*Edgington v Fitzmaurice*, 1885; *Smith v Land and House Property
# Corp*, 1884). Getting a trade secret by improper means is unlawful under the US Uniform
# Trade Secrets Act and Defend Trade Secrets Act, and the EU Trade Secrets Directive
# 2016/943 (article 4). Rules differ between countries.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q9-text", "schema_version": 3}
# ### Question 9 (2 marks): what you say, and how you learn
#
# Your scenario lists things you might tell Osprey (`sale.disclosures`) and ways to learn
# about Osprey or to persuade it (`sale.tactics`), each with a key. Take each item on its
# own, as if it were true; it does not change the story of the other questions. Write
# `fair_play(sale)` to return a dict from every one of those keys to a label:
#
# - for each of `sale.disclosures`: `"share"` (it helps you to say it, in those words) or
#   `"keep"` (keep it to yourself); where both are defensible, both are right;
# - for each of `sale.tactics`, one of module 00's four kinds, by the table below. Said as a
#   demand ("sign by the end of the month"), a true deadline is a *warning*: a consequence
#   you would bring about anyway, stated as a condition; that is `"legitimate"`, though it
#   invites a test.
#
# | label | the test |
# |---|---|
# | `"legitimate"` | nothing untrue is said, and the source and the means are yours |
# | `"bluff"` | an untrue claim about your own reservation price or *valuation* (what something is worth to you, module 00), or about your estimate of the price or value of what you sell (widened, as section 6's Rule 4.1 comment is), or an intention (a threat or promise) you do not hold |
# | `"misrepresentation"` | an untrue statement of a fact the other side relies on |
# | `"illegitimate"` | a source or a means that is not yours to use |
#
# Two labels are right for a move that sits on the line between two kinds:
#
# - a lie told to obtain information (the means is not yours, and the person asked relies
#   on the lie): `"illegitimate"` or `"misrepresentation"`;
# - a threat or warning you would not carry out: `"bluff"` or `"misrepresentation"`;
# - an opinion of the machine's value you do not hold, voiced by you as the side that knows
#   the machine better: `"bluff"` or `"misrepresentation"` (section 6's "In law" box).
#
# For tactics, the label says whether the move is fair, not whether it is wise.
#
# One mark for each list. Practise first on these,
# which the check judges label by label on a worked case, so give them labels too:
#
# - to tell Osprey, or not: `practice-spare-parts`, that you keep spare parts for every
#   machine you have built in the last ten years, and ship them within two days;
#   `practice-overdraft`, that your bank has asked you to cut your overdraft before the end
#   of the quarter;
# - ways to learn or persuade: `practice-trade-fair`, asking Osprey's engineers at their
#   trade-fair stand which features of their last machine they liked;
#   `practice-payment-terms`, saying "we won't accept more than 30 days for payment" when
#   you would in fact accept 60; `practice-list-price`, telling Osprey that your last five
#   customers all paid your full list price, when most of them had a discount;
#   `practice-password`, logging in to Osprey's purchasing system with a password one of
#   its staff once let slip, to read other builders' quotes.
#
# On your own lists the check confirms only that every key has one of the labels: your
# own labels are marked when the notebook is graded.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "fair-play-answer", "schema_version": 3}
def fair_play(sale):
    """A label for each of your disclosures and tactics."""
    ### BEGIN SOLUTION
    labels = {
        "deposit": "share",
        "fast-delivery": "share",
        "reference": "share",
        "lowest-price": "keep",
        "empty-order-book": "keep",
        "what-you-know": "keep",
        "friday-deadline": "keep",
        "final-deadline": "share",
        "weak-alternative": "keep",
        "annual-report": "legitimate",
        "ask-timing": "legitimate",
        "price-survey": "legitimate",
        "true-rival": "legitimate",
        "rival-ultimatum": "bluff",
        "hard-for-us": "bluff",
        "as-low-as-we-go": "bluff",
        "fair-price": "bluff",
        "invented-rival": "misrepresentation",
        "steel-costs": "misrepresentation",
        "hidden-fault": "misrepresentation",
        "ex-manager": "illegitimate",
        "pretext-call": "illegitimate",
        "gift-engineer": "illegitimate",
        "practice-spare-parts": "share",
        "practice-overdraft": "keep",
        "practice-trade-fair": "legitimate",
        "practice-payment-terms": "bluff",
        "practice-list-price": "misrepresentation",
        "practice-password": "illegitimate",
    }
    return {key: labels[key] for key in (*sale.disclosures, *sale.tactics)}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "fair-play-test", "schema_version": 3}
"""Check that fair_play shares interests, keeps your position, and tells module 00's four kinds of move apart."""
check.fair_play(fair_play)
### BEGIN HIDDEN TESTS
check.fair_play(fair_play, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 7. Reflection (3 marks, graded by your instructor)
#
# Think of a negotiation you expect to face: a salary, a lease, a contract, a purchase.
# **What information would change your plan, and how would you get it?** A few sentences
# are enough; concrete beats general. Your instructor gives one mark for each of:
#
# 1. a concrete fact about the other side (a deadline, an alternative, a budget, a
#    weakness) and how learning it would move your opening offer, your target, or your
#    estimate of their reservation price (your own reservation price comes from your own
#    alternatives: module 02);
# 2. a legitimate way to learn it, before or during the talks, and what it would be worth
#    paying for it (in time or money) compared with what it costs;
# 3. one thing you will keep to yourself, and why.
#
# An answer that relies on an illegitimate way of learning (confidential information
# from someone bound to keep it, pretexting, an invented fact) loses a mark.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 3, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A full-marks answer names a concrete fact ("whether the landlord has another tenant
# lined up for March") and how it moves the plan (with no other tenant, I would open 8%
# below the asking rent instead of 3%). It names a fair way to learn it (how long the
# listing has been up; asking the agent how many viewings there have been) and weighs
# its worth (an hour of checking listings against a year of rent). It names what stays
# private and why (my move-in deadline: the landlord could wait me out).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - The other side's needs, deadlines, alternatives and weak spots move where a deal
#   lands; your own are their leverage.
# - Hold beliefs as probabilities and revise them with Bayes' rule. Openings, concessions
#   and news are signals; a model turns them into likelihoods, and its assumptions deserve
#   doubt.
# - Weigh each price's margin by the chance it is accepted. The take-it-or-leave-it model
#   is a benchmark, not a law.
# - Information is worth what it adds to your best decision, perfect information at most;
#   buy it only for less, and only from fair sources.
# - Read a first offer's information, then resist its pull as an anchor: think about
#   their alternatives and your own target.
# - Share interests, and a true deadline that binds both sides, said as information; said
#   as a demand, that deadline is a warning: legitimate, but it invites a test (Question 9).
#   Guard your reservation price and any deadline only you pay for. Mention only true
#   alternatives, calmly. A bluff about your own reservation price is tolerated but
#   contested; lying about facts, or learning through an illegitimate source, is out of
#   bounds.
