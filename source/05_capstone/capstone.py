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
# # Module 05 — Capstone: prepare, negotiate, debrief
#
# This is the whole course in one case. You sell for a component maker, the buyer has
# several things on the table at once, and you know some of what matters about them but
# not all. You will do what an experienced negotiator does before, during and after a
# deal:
#
# 1. **prepare** — work out your BATNA and walk-away from uncertain alternatives, read
#    what the other side's behaviour tells you, map who holds which source of leverage,
#    choose an opening and plan your concessions as trades;
# 2. **negotiate** — play the deal against a bot whose limits you cannot see;
# 3. **debrief** — score the result (agreement, value claimed, value created, whether your
#    concessions were repaid) and ask what leverage moved it.
#
# It takes about 60 minutes. The preparation questions are graded automatically; the
# reflection at the end is graded by your instructor. Cells that say `YOUR CODE HERE` are
# yours; the cell after each one checks your answer and tells you what to fix.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your case
#
# The next cell loads the course library and draws your case. The first time, it asks
# for your course id instead: type the id your instructor gave you in the box and press
# Enter. Your case then appears under the box, and this computer remembers the id.
#
# Read the brief carefully: part of it is confidential (only your side knows it), part is
# research about the other side that may be wrong.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
from itertools import permutations

import course
from course.checks import capstone as check
from course.models.batna import best_alternative
from course.models.concessions import all_packages, package_points
from course.models.information import expected_reservation, update_beliefs

scenario = course.variant("05_capstone")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "leverage-teaching", "schema_version": 3}
# ## 1. Leverage is built before the table
#
# Leverage is whatever tilts the outcome towards you: a better alternative, knowing more,
# being needed more, being able to wait. It is not a fixed endowment. It grows when you
# prepare and shrinks when you do not; it changes as facts come out during the talks; and
# it is spent every time you use it, well or badly. Most of it is decided before anyone
# sits down, which is why this module starts with preparation.
#
# Preparation has an order. First your own side: what you will do if there is no deal,
# and therefore the worst deal you should accept. Then the other side: what you know,
# what you only believe, and what a signal from them changes. Then the balance of power
# between you. Only then the opening and the concessions, because both should rest on
# everything before them.
#
# ### Your BATNA from uncertain alternatives
#
# Fisher and Ury (*Getting to Yes*, 1981) call your best alternative to a negotiated
# agreement your **BATNA**. Yours is not one sure number: Brenn and Kessel each may or
# may not come through. As in module 02, write each alternative as a tree of
# `(probability, outcome)` pairs, take its expected value, and pick the alternative that
# is worth most on average. An alternative with a spectacular best case is not better
# because of it; what counts is what it is worth across all the ways it can turn out.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 points): your BATNA
#
# Write `my_batna(s)`: your best alternative to a deal with Marlow as a pair `(name,
# expected profit)`, with name `"Brenn"` or `"Kessel"`. Build each alternative's tree from
# the numbers in your brief (`s.brenn_chance`, `s.brenn_profit`, `s.spot_profit`,
# `s.pilot_chance`, `s.kessel_full`, `s.kessel_half`); `best_alternative` from module 02
# is imported for you if you want it.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-batna-answer", "schema_version": 3}
def my_batna(s):
    """Tallis's best alternative to Marlow and its expected profit."""
    ### BEGIN SOLUTION
    brenn = [(s.brenn_chance, s.brenn_profit), (1 - s.brenn_chance, s.spot_profit)]
    kessel = [
        (s.pilot_chance, [(0.5, s.kessel_full), (0.5, s.kessel_half)]),
        (1 - s.pilot_chance, s.spot_profit),
    ]
    return best_alternative({"Brenn": brenn, "Kessel": kessel})
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "my-batna-test", "schema_version": 3}
"""Check that my_batna picks the alternative worth most on average, with its value."""
check.my_batna(my_batna)
### BEGIN HIDDEN TESTS
check.my_batna(my_batna, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (1 point): your walk-away
#
# A deal with Marlow is worth taking only if it beats your BATNA *after* what the deal
# itself costs you: Marlow's supplier audit and tooling (`s.audit_cost`). Write
# `my_reservation(s)`: the least profit on the contract you should accept. Below it you
# walk away, politely, to your BATNA.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-reservation-answer", "schema_version": 3}
def my_reservation(s):
    """The least contract profit worth taking from Marlow."""
    ### BEGIN SOLUTION
    return my_batna(s)[1] + s.audit_cost
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "my-reservation-test", "schema_version": 3}
"""Check that my_reservation adds what Marlow's deal costs you to your BATNA."""
check.my_reservation(my_reservation)
### BEGIN HIDDEN TESTS
check.my_reservation(my_reservation, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "information-teaching", "schema_version": 3}
# ## 2. What you know, and what you only believe
#
# Information is leverage when it tells you how much the other side needs the deal. A
# buyer whose usual supplier is full will pay more and bend further than one with a
# ready alternative. You rarely learn such things directly; you infer them from what
# the other side does.
#
# Sort your brief into three piles. **Known**: Marlow's priorities across the issues
# (your research scored them), your own numbers. **Believed**: whether Quell has
# capacity, with a probability from the trade press. **Unknown**: Marlow's exact
# walk-away and how it will bargain. Then let the evidence move your beliefs. Marlow's
# request for 3-week delivery is such evidence: a buyer asks for a rush more often when
# its other supplier cannot help. As in module 01, Bayes' rule turns the prior chance into
# a posterior:
#
# $$P(\text{Quell} \mid \text{rush}) = \frac{P(\text{rush} \mid \text{Quell})\,P(\text{Quell})}{P(\text{rush} \mid \text{Quell})\,P(\text{Quell}) + P(\text{rush} \mid \text{no Quell})\,P(\text{no Quell})}$$
#
# and your best estimate of Marlow's walk-away is the average of its two possible
# walk-aways, weighted by the updated chances. Keep it as an estimate: the table will
# tell you whether you were right, and a plan that breaks when an estimate is off by a
# few points was not a good plan.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 points): reading the rush request
#
# Write `marlow_walkaway(s)`: a pair `(chance, walk-away)` with the chance that Quell has
# capacity once you have heard Marlow's rush request, and Marlow's expected walk-away in
# its own points (`s.walkaway_if_quell` if Quell has capacity, `s.walkaway_if_not` if it
# has none). The prior is `s.quell_prior`; the chances of a rush request are
# `s.rush_if_quell` and `s.rush_if_not`. `update_beliefs` and `expected_reservation` from
# module 01 are imported for you.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "marlow-walkaway-answer", "schema_version": 3}
def marlow_walkaway(s):
    """The chance Quell has capacity after the rush request, and Marlow's expected walk-away."""
    ### BEGIN SOLUTION
    prior = {s.walkaway_if_quell: s.quell_prior, s.walkaway_if_not: 1 - s.quell_prior}
    rush = {s.walkaway_if_quell: s.rush_if_quell, s.walkaway_if_not: s.rush_if_not}
    beliefs = update_beliefs(prior, rush)
    return beliefs[s.walkaway_if_quell], expected_reservation(beliefs)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "marlow-walkaway-test", "schema_version": 3}
"""Check that marlow_walkaway updates on the rush request and weighs both walk-aways."""
check.marlow_walkaway(marlow_walkaway)
### BEGIN HIDDEN TESTS
check.marlow_walkaway(marlow_walkaway, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "power-teaching", "schema_version": 3}
# ## 3. Your power map
#
# Emerson ("Power-dependence relations", *American Sociological Review*, 1962) put power
# in one line: A's power over B is B's dependence on A. A power map applies it source by
# source, asking for each one who would suffer more if the talks failed.
#
# - **Alternatives.** Compare the two walk-aways, each as a share of what its side could
#   get at best: your walk-away over your best possible profit, Marlow's expected
#   walk-away over its best possible points. The side whose walk-away is the larger share
#   loses less by leaving: it holds this source.
# - **Dependence.** You would supply `s.their_supply_share` of Marlow's sensors; Marlow
#   would be `s.your_sales_share` of your sales. The side for which the deal is the larger
#   share depends more on it, so the *other* side holds this source.
# - **Time.** Module 03 showed with Rubinstein's game that patience is power. Marlow has
#   `s.their_weeks` weeks of stock; your idle capacity must be booked within
#   `s.your_weeks` weeks. The side with more weeks can wait longer and holds this source.
#
# A source is `"even"` when neither side clearly holds it: for alternatives and
# dependence, when the two shares are within 0.05 of each other; for time, when the weeks
# are equal. The overall **edge** goes to the side holding more sources, and is `"even"`
# when both hold the same number. The map tells you where to press and where to tread
# carefully; it does not tell you to bully. Leverage that is shown off hardens the other
# side, while leverage that is mentioned calmly ("we have other interest in this
# capacity") moves them.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): who holds what
#
# Write `power_map(s)`: a dict with the keys `"alternatives"`, `"dependence"`, `"time"`
# and `"edge"`, each `"you"`, `"Marlow"` or `"even"`, by the rules above. Your best profit
# and Marlow's best points are the sums of each issue's best level; reuse your answers to
# questions 2 and 3.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "power-map-answer", "schema_version": 3}
def power_map(s):
    """Who holds each source of leverage between Tallis and Marlow, and the overall edge."""

    ### BEGIN SOLUTION
    def holder(yours, theirs, margin):
        if yours > theirs + margin:
            return "you"
        if theirs > yours + margin:
            return "Marlow"
        return "even"

    your_best = sum(max(levels.values()) for levels in s.yours.values())
    their_best = sum(max(levels.values()) for levels in s.theirs.values())
    held = {
        "alternatives": holder(
            my_reservation(s) / your_best, marlow_walkaway(s)[1] / their_best, 0.05
        ),
        "dependence": holder(s.their_supply_share, s.your_sales_share, 0.05),
        "time": holder(s.your_weeks, s.their_weeks, 0),
    }
    counts = list(held.values())
    held["edge"] = holder(counts.count("you"), counts.count("Marlow"), 0)
    return held
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "power-map-test", "schema_version": 3}
"""Check that power_map says who holds alternatives, dependence and time, and the edge."""
check.power_map(power_map)
### BEGIN HIDDEN TESTS
check.power_map(power_map, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ## 4. An opening that is ambitious and grounded
#
# Your first offer anchors everything after it (module 04): the final deal tends to land
# nearer to whoever put the first serious number on the table. So the opening should be
# as good for you as you can justify, and no better. An offer the other side must reject
# out of hand does not anchor; it ends the conversation or costs you credibility you
# will need later.
#
# With several issues, "as good as you can justify" has a precise meaning. Among all the
# packages that give Marlow at least the walk-away you expect it to have, open with the
# one that gives you the most profit. When two such packages give you the same profit,
# open with the one that gives Marlow more: it costs you nothing and makes the offer
# easier to accept. The justification you give at the table is the leverage behind it:
# the alternatives you have, the capacity Marlow needs, the delivery it asked for.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 points): your opening
#
# Write `opening_offer(s)`: your opening package, a dict of issue to level such as
# `{"price": "€45", "volume": "60k units", "delivery": "5 weeks", "payment": "30 days"}`.
# `s.issues` maps each issue to its levels; `s.yours[issue][level]` is your profit and
# `s.theirs[issue][level]` Marlow's points. `all_packages` and `package_points` from
# module 04 are imported for you.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-offer-answer", "schema_version": 3}
def opening_offer(s):
    """The best package for Tallis that still gives Marlow its expected walk-away."""
    ### BEGIN SOLUTION
    needed = marlow_walkaway(s)[1]
    grounded = [
        (you, them, p) for p, you, them in all_packages(s.yours, s.theirs) if them >= needed
    ]
    return max(grounded, key=lambda found: found[:2])[2]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "opening-offer-test", "schema_version": 3}
"""Check that opening_offer is your best package that Marlow could still accept."""
check.opening_offer(opening_offer)
### BEGIN HIDDEN TESTS
check.opening_offer(opening_offer, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trades-teaching", "schema_version": 3}
# ## 5. A concession plan made of trades
#
# You will have to move from your opening; the question is how. The rule from module 04
# is that no concession goes out without something coming back. With several issues the
# best way to honour it is a **trade**: move one issue towards Marlow and ask for another
# to move towards you. When the issue you give matters more to Marlow than to you, and
# the one you take matters more to you than to Marlow, both of you gain. Pruitt called
# this logrolling; Lax and Sebenius describe it as creating value before claiming it.
#
# Plan the trades before the talks, so that under pressure you reach for a prepared
# trade instead of a free gift. Each step of the plan gives one issue one level to Marlow
# and takes one level back on another issue, and it must raise Marlow's points: a trade
# worth nothing to them is no concession. Rank the possible steps in two tiers:
#
# 1. **Trades that cost you nothing** (your profit stays at least where it was). These
#    create value: take the one that gives Marlow the most, and between equals the one
#    that leaves you more. As long as one exists, you are below the Pareto frontier.
# 2. **Real concessions.** On the frontier every step costs you something. Then give
#    where it is cheap for you and dear to Marlow: the step with the most Marlow points
#    per unit of profit you give up (between equals, the one that costs you less). What
#    you take back on the other issue is the "something in return" that keeps the
#    concession from being a gift.
#
# No step may take your profit below your walk-away: that is where the plan ends and
# you leave politely if Marlow still wants more.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 points): the next step of your plan
#
# Write `next_trade(s, current)`: from the package `current`, consider every trade that
# moves one issue **one level** towards Marlow and a different issue **one level**
# towards you (levels are listed from best for you to best for Marlow). Keep the trades
# that raise Marlow's points and leave your profit at or above your walk-away (question
# 2). Return the package after the best of them by the two tiers above, or `None` when
# there is none.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "next-trade-answer", "schema_version": 3}
def next_trade(s, current):
    """The package after the best one-level trade from current, or None."""
    ### BEGIN SOLUTION
    mine = package_points(current, s.yours)
    theirs = package_points(current, s.theirs)
    floor = my_reservation(s)
    best, best_rank = None, None
    for give, get in permutations(s.issues, 2):
        give_levels, get_levels = s.issues[give], s.issues[get]
        at_give, at_get = give_levels.index(current[give]), get_levels.index(current[get])
        if at_give + 1 == len(give_levels) or at_get == 0:
            continue
        package = {**current, give: give_levels[at_give + 1], get: get_levels[at_get - 1]}
        you, them = package_points(package, s.yours), package_points(package, s.theirs)
        if them <= theirs or you < floor:
            continue
        loss = mine - you
        rank = (1, them - theirs, you) if loss <= 0 else (0, (them - theirs) / loss, -loss)
        if best_rank is None or rank > best_rank:
            best, best_rank = package, rank
    return best
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "next-trade-test", "schema_version": 3}
"""Check that next_trade trades for free first, then concedes where it is cheapest."""
check.next_trade(next_trade)
### BEGIN HIDDEN TESTS
check.next_trade(next_trade, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "table-teaching", "schema_version": 3}
# ## 6. At the table
#
# Now negotiate. You open; Marlow answers every offer with an offer of its own and a few
# words, and the talks last at most 8 rounds. Pick a level for each issue, see what the
# package is worth to you (and, by your research, to Marlow), then send it, accept
# Marlow's offer on the table, or walk away. Marlow's walk-away depends on whether Quell
# really has capacity, which is drawn when you sit down, in line with what the rush
# request told you, and stays hidden until the end. The picture shows your offers
# (numbered) against every package and the Pareto frontier.
#
# Marlow behaves like a counterpart, not like a clock:
#
# - it opens with an offer you can work with, and a credible opening of yours pulls its
#   first answer your way, while an offer it has to reject out of hand does not;
# - part of each step it takes is its own pace, part is an answer to yours: a concession
#   of yours buys more from it than standing still would, and a step back buys nothing;
# - it gives ground first on the issues that cost it least, so its offers tell you what
#   it values most;
# - it has its own deadline, which you do not know: it may stop before the eighth round,
#   and says so when it makes its final offer, which you can always still answer;
# - it loses patience with offers it must refuse out of hand, and with rounds in which
#   you stand still while your offer is still worse for it than walking away, and then it
#   leaves.
#
# Its style (Boulware, linear, Conceder or tit-for-tat) is a mystery unless you pick one:
# part of the exercise is to read it from its offers, and the debrief tells you which it
# was. The table reads your own plan, your walk-away from question 2 and your opening from
# question 5, and the debrief measures the outcome against them. Keep to what you
# prepared: make your planned trades one at a time, make a real concession only after
# Marlow has moved, never go below your walk-away, and leave politely rather than accept
# less. Then sit down again (a new draw, a new style) and compare.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "table", "schema_version": 3}
from course.widgets.capstone import NegotiationTable

NegotiationTable(scenario, reservation=my_reservation, opening=opening_offer)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "debrief-teaching", "schema_version": 3}
# ## 7. Debrief: what moved the outcome?
#
# A result means little until you know why it happened. The debrief measures each of
# these against Marlow itself, replaying the same bot where it needs to:
#
# - **Agreement.** Was there a deal, and should there have been? No deal is the right
#   result when no package suits both sides; it is a loss when a zone existed. If Marlow
#   left, you see what it said and when.
# - **Value claimed.** Your profit over your true walk-away, and your share of the zone
#   between the two walk-aways.
# - **Value created.** Each side's gain counted on its own scale, from its walk-away (0)
#   to its best package (1), so that your euros and Marlow's points are never added up;
#   their sum against the largest any package both of you prefer to walking away could
#   give, and whether some package was better for both of you (a deal off the Pareto
#   frontier).
# - **Reciprocity.** For each concession you made, the debrief replays Marlow with you
#   repeating your previous offer instead: a concession was answered only when Marlow's
#   reply was better for you than that replay, or when it accepted. A bot that moves on
#   its own schedule would answer nothing, however much it moved. It also counts the
#   concessions you made when Marlow had not moved since its previous offer: concessions
#   into silence.
# - **What was achievable.** The best package for you that Marlow would have accepted at
#   one of its turns, given what had been said by then, and when.
#
# Then it names the leverage at work: whether Marlow's alternative was strong or weak in
# the end, how your opening anchored the talks, which issues Marlow gave ground on first
# and which it held (what it held is what it needs most), and which style it played.
# Notice when its offers showed you its needs, and whether you used what they showed.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 8. Reflection (3 points, graded by your instructor)
#
# Play at least one full negotiation, then write your debrief in a few paragraphs:
#
# 1. **The outcome against your plan.** Where did you keep to your walk-away, opening and
#    trades, and where did you leave them? Why?
# 2. **The leverage that moved it.** Which source (alternatives, information, dependence,
#    time) did the most to shape the result, for you or for Marlow? Point to a moment in
#    the talks where you saw it.
# 3. **Next time.** One thing you would prepare differently, and one thing you would do
#    differently at the table.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 3, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer quotes numbers from the learner's own negotiation. For example: "I opened
# with my planned package (profit 150) and made two trades, delivery for volume and then
# payment for price; both were repaid. In round 5 I gave a price step with nothing back
# because Marlow had not moved for two rounds, and the debrief shows it cost me 20 of
# profit. The deal (profit 104, above my walk-away of 89) was on the frontier. Quell had
# no capacity, so Marlow's weak alternative was my main leverage; its rush request had
# hinted at that and I could have held the price longer. Next time I would prepare a
# trade for the moment the other side stalls, and at the table I would wait for a move
# before conceding again."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Prepare in order: your BATNA and walk-away first, then what you know and believe about
#   the other side, then the power map, and only then the opening and the concessions.
# - A signal from the other side is evidence: update your beliefs about their walk-away,
#   and keep them as beliefs.
# - Power is dependence: whoever loses more by leaving, depends more, or must decide
#   sooner is the weaker side on that source.
# - Open with the best package the other side could still accept, and explain it with
#   your leverage.
# - Concede through trades that cost you nothing overall until you reach the frontier;
#   past it, every step must be paid for, and below your walk-away you leave politely.
# - After every negotiation, debrief: the outcome, the value claimed and created, and the
#   leverage that moved it.
