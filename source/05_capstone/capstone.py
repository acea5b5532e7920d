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
# This module puts the whole course into one case. You sell sensor modules for Tallis
# Sensors to Marlow Robotics, a buyer with four things on the table at once; you know
# your own side well and Marlow's only through research and one signal. You will:
#
# 1. **prepare** — your limits, your beliefs about Marlow, an audit, an opening, your
#    words and a plan of concessions;
# 2. **negotiate** — play the deal against a bot whose limits you cannot see;
# 3. **debrief** — measure the result against your plan and ask what leverage moved it.
#
# It takes **6½ to 8½ hours** if you have written a loop in
# Python before, and **7½ to 10½** if you are new to programming,
# best in three sittings: two for the preparation, then a third for the table. All eight
# answers are marked automatically at grading, the reflection by your instructor. Cells
# that say `YOUR CODE HERE` are yours; the cell after each checks your answer as you go,
# and for seven says what to fix (question 6's checks only its form).

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your case
#
# The next cell draws your case. The first time, it asks for your course id: type the
# one your instructor gave you and press Enter.
#
# Part of the brief is confidential, part is research about Marlow that may be wrong; each
# part names the fields (`s.…`) holding its numbers.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import capstone as check
from course.models.batna import best_alternative
from course.models.concessions import all_packages, package_points, pareto_frontier
from course.models.information import update_beliefs

scenario = course.variant("05_capstone")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "leverage-teaching", "schema_version": 3}
# ## 1. Leverage is built before anyone sits down
#
# Your **BATNA** is your best alternative to a negotiated agreement (Fisher and Ury,
# *Getting to Yes*, 1981). Your **reservation price** is the least profit you would accept
# from Marlow: below it you are better off with your BATNA, so it is the point at which
# you walk away (module 02). Marlow has a reservation price as well, in points of its own
# scoring (module 04's "minimum").
#
# ### Your alternatives, each uncertain
#
# As in module 02, write each as a tree of `(probability, outcome)` pairs, work out its
# expected value, and find the one worth most on average:
# your **best alternative before the letter** (the next section).
#
# The questions assume Tallis is **risk-neutral**: it weighs a gamble by its average, not
# its spread.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 marks): your alternatives
#
# Write `my_batna(s)`: your best alternative before the letter, as a pair `(name,
# expected profit)`, with name `"Brenn"` or `"Kessel"`. Build each alternative's tree
# from your brief (`s.brenn_chance`, `s.brenn_profit`, `s.spot_profit`,
# `s.pilot_chance`, `s.kessel_full`, `s.kessel_half`); `best_alternative` from module 02
# is imported for you. The expected profit, and question 2's reservation price, must be
# right to 0.01 k€ (12.34, not 12): two decimals are enough.


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

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "letter-teaching", "schema_version": 3}
# ### Strengthening your alternative before the talks
#
# Before the talks, a customer who might take your capacity can be asked to commit
# (module 00). Brenn will sign a letter of intent, drafted to bind: if you have no deal
# with Marlow by your booking deadline, Brenn takes your capacity, for a lower profit than
# it would otherwise pay. The letter swaps a gamble for a sure amount, and it costs you
# Kessel, since you can pursue only one of the two.
# Your brief ("When things happen") gives the timeline: you decide on the letter before
# the talks, and Kessel answers only at your booking deadline, after them.
#
# Your BATNA is the alternative you keep: the letter if you sign, else
# question 1's answer. The letter is also a fact you can state to Marlow (section 4);
# question 2 leaves that use out, and the reflection weighs it.
#
# A deal with Marlow has costs of its own: your cost of Marlow's supplier audit and
# tooling.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 marks): sign the letter or not, and your reservation price
#
# Decide, on your own case and as the risk-neutral seller of section 1, by what each
# choice pays if there is no deal with Marlow, whether to sign Brenn's letter (a sure
# `s.brenn_letter`) or to keep your best alternative before the letter (`my_batna(s)`).
# A first cut: signing also lowers your reservation price, perhaps enough for a deal with
# Quell; the reflection weighs that. Then write `my_reservation(s)`: your reservation
# price with Marlow after that decision, counting your cost of Marlow's supplier audit and tooling (`s.audit_cost`).
# Below it you walk away, politely, to your alternative (what that costs in trust is set
# out once, in section 6).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-reservation-answer", "schema_version": 3}
def my_reservation(s):
    """The least contract profit worth taking from Marlow, after deciding on the letter."""
    ### BEGIN SOLUTION
    kept = my_batna(s)[1]  # worth this on average, to a risk-neutral seller
    if s.brenn_letter > kept:  # the sure letter is worth more: sign it, and lose Kessel
        kept = s.brenn_letter
    return kept + s.audit_cost
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "my-reservation-test", "schema_version": 3}
"""Check that my_reservation decides on the letter and adds what Marlow's deal costs you."""
check.my_reservation(my_reservation)
### BEGIN HIDDEN TESTS
check.my_reservation(my_reservation, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "information-teaching", "schema_version": 3}
# ## 2. What you know, and what you only believe
#
# **Known**: your own numbers, and the fact that Marlow
# has asked for a rush. **Believed**: what Marlow's buyers say about how long its stock
# lasts (a buyer has every reason to overstate its stock, to sound patient), and all your
# research estimates, from Marlow's published tender criteria, its past contracts and the
# trade press: how Marlow scores the issues, the chance that Quell has capacity, and
# Marlow's reservation price in each case. These are fair sources; information from
# someone bound to keep Marlow's secrets would not be (module 00, section 6). **Unknown**:
# whether Quell really has capacity, and how Marlow will bargain.
#
# A buyer asks for a rush more often when its other supplier cannot help, so Marlow's
# request for 3-week delivery is evidence. As in module 01, Bayes' rule turns the prior
# chance that Quell has capacity into a posterior:
#
# $$P(\text{Quell} \mid \text{rush}) = \frac{P(\text{rush} \mid \text{Quell})\,P(\text{Quell})}{P(\text{rush} \mid \text{Quell})\,P(\text{Quell}) + P(\text{rush} \mid \text{no Quell})\,P(\text{no Quell})}.$$
#
# The stock Marlow's buyers claim is weaker news: a rush request costs Marlow
# something at the table, so it is less often made without need, while a claim about
# stock costs nothing and serves Marlow.
# Where the two clash, set the claimed weeks aside (its rush request makes them
# doubtful). In every case here a rush is likelier without Quell, so
# hearing one can only lower the chance that Quell has capacity.
#
# What you hold afterwards is a belief about Marlow's reservation price with **two**
# possible values, its **high reservation price** if Quell has capacity and its **low
# reservation price** if not, each with its chance. Their average is a summary, not a
# reservation price Marlow can have.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 marks): reading the rush request
#
# Write `marlow_beliefs(s)`: Marlow's reservation price as a belief after its rush
# request, a dict from each of its two possible reservation prices
# (`s.reservation_if_quell` with Quell's capacity, `s.reservation_if_not` without) to its
# chance. The prior chance that Quell has capacity is `s.quell_prior`; the chances
# of a rush request are `s.rush_if_quell` and `s.rush_if_not`. `update_beliefs` from
# module 01 is imported for you. Give the chances to three decimals or more: any chance
# within 0.001 of Bayes' rule passes, rounded or cut off.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "marlow-beliefs-answer", "schema_version": 3}
def marlow_beliefs(s):
    """Marlow's two possible reservation prices, each with its chance after the rush request."""
    ### BEGIN SOLUTION
    prior = {s.reservation_if_quell: s.quell_prior, s.reservation_if_not: 1 - s.quell_prior}
    rush = {s.reservation_if_quell: s.rush_if_quell, s.reservation_if_not: s.rush_if_not}
    return update_beliefs(prior, rush)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "marlow-beliefs-test", "schema_version": 3}
"""Check that marlow_beliefs updates on the rush request and keeps both of Marlow's states."""
check.marlow_beliefs(marlow_beliefs)
### BEGIN HIDDEN TESTS
check.marlow_beliefs(marlow_beliefs, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-teaching", "schema_version": 3}
# ## 3. Your leverage audit
#
# Module 00's audit rates each side's **information**, **alternatives** and **power** from
# 0 to 10, weighs the three sources for the case at hand, and counts each fact in one
# place only.
#
# - **Information.** You have studied Marlow's tenders and read its rush request; Marlow
#   knows your list terms and your spare capacity, but nothing of Brenn, Kessel, your
#   costs or your reservation price. Marlow does know the one fact you can only
#   estimate, whether Quell has capacity, on which both its reservation prices turn.
# - **Alternatives.** Two facts, whose rules question 4 sets out. First, each side's
#   fallback as a share of its best result from the deal. The side with the larger share
#   has the stronger fallback, measured against what the deal could give it (k€ and
#   points have no common unit). Second, time: as in modules 00 and 03, a deadline sits
#   in its holder's alternatives, because it caps how long that side can hold out
#   (knowing the other's deadline is information). Your
#   date changes neither Brenn nor Kessel, which answer at that date whenever the talks
#   end.
# - **Power.** Emerson ("Power-dependence relations", *American Sociological Review*,
#   1962): A's power over B is B's dependence on A, and B depends on A more the more it
#   values what A provides and the fewer other ways it has to get it. The second half is
#   the alternatives row, so the power row keeps the first, measured here, roughly, by
#   shares: Marlow depends on you for the share of its sensors you would supply, and you
#   depend on Marlow for its share of next year's sales. Marlow's share is cruder: a small
#   one partly measures its other suppliers (alternatives).
#
# <details><summary>A note on deadlines and outside options</summary>
#
# *Deadlines.* In Sandholm and Vulkan's model with private deadlines ("Bargaining with
# deadlines", 1999; Marlow does not know your booking date), in equilibrium both wait
# until the first deadline, whose holder then concedes everything; people
# hold out less coolly, but many deals still come in the last moments (Roth, Murnighan
# and Schoumaker, *American Economic Review*, 1988).
#
# *Outside options.* The alternatives row rates how much Quell *could* strengthen Marlow's
# hand, not how much it will: in module 03's alternating-offers model, an option taken
# only on refusing a proposal moves a deal only when it beats what its holder would get
# from the bargaining anyway (the deal-me-out rule, which fitted Binmore, Shaked and
# Sutton's 1989 experiment better than module 02's Nash split with the option as a
# BATNA). What Marlow would get from bargaining needs a model this module lacks, so the
# audit compares the two shares only.
#
# </details>
#
# How much each source counts here is your judgement: the reflection asks for it.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 marks): your audit
#
# Write `my_audit(s)`: a dict with two keys, `"alternatives"` and `"power"`, each `"you"`,
# `"Marlow"` or `"open"`: the side the row favours, or open when no rule settles it. The
# information row is left out: its facts point both ways. The thresholds are the course's
# convention, not research findings.
#
# | row | favours a side when |
# |---|---|
# | alternatives: shares (a) | it is ahead by ≥ 0.05 in *both* states |
# | alternatives: time (b) | you can wait ≥ 3 weeks longer than Marlow claims |
# | power (d) | the other depends on the deal more by ≥ 0.10 |
#
# - (a) Your share: your BATNA (the better of `my_batna(s)` and `s.brenn_letter`) over
#   your best profit (from `s.yours`). Leave out your cost of Marlow's supplier audit and
#   tooling, `s.audit_cost`:
#   a cost of this deal raises your reservation price and narrows the zone of possible
#   agreement (the packages that suit both sides, module 02), but makes neither Brenn
#   nor Kessel better. Marlow's: `s.reservation_if_quell` and `s.reservation_if_not` out
#   of 100 in the two states, as your research gives no other figure for its
#   alternative. Each share is the part of its best a side keeps if talks fail, so they
#   compare.
# - (b) `s.your_weeks` against `s.their_weeks`. A buyer
#   overstates its stock, so a claim at least 3 weeks shorter than your weeks favours you;
#   where Marlow's weeks put it ahead, set the claimed weeks aside (its rush request makes
#   them doubtful, section 2): time favours neither side. Its true deadline is unknown, so
#   the row cannot tell whose comes first, even when yours is short; if yours does, it
#   weakens you (section 3's note): weigh it in the reflection.
# - (c) If one of (a) and (b) favours a side and the other is neutral or agrees, the
#   alternatives row favours that side. If they point different ways, the row is open.
# - (d) `s.their_supply_share` (standing for Marlow's dependence on you) against
#   `s.your_sales_share` (for yours on Marlow).
#
# On (a): Marlow's reservation prices include its own deal costs, yours here does
# not, so the rule slightly favours Marlow.
#
# The check builds on question 2's right decision, so pass questions 1 and 2 first.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-audit-answer", "schema_version": 3}
def my_audit(s):
    """Which side each settled row of the audit favours: "you", "Marlow" or "open"."""
    # The shape of the answer; each "?" is a placeholder for "you", "Marlow" or "open":
    # return {"alternatives": "?", "power": "?"}
    ### BEGIN SOLUTION
    best = sum(max(levels.values()) for levels in s.yours.values())
    share = max(my_batna(s)[1], s.brenn_letter) / best  # your BATNA, without the audit
    gaps = (share - s.reservation_if_quell / 100, share - s.reservation_if_not / 100)
    shares = "you" if min(gaps) >= 0.05 else "Marlow" if max(gaps) <= -0.05 else "open"
    waits = s.your_weeks - s.their_weeks
    time = "you" if waits >= 3 else "open"  # Marlow's claim to wait longer: set aside
    leans = {shares, time} - {"open"}  # two facts that disagree leave the row open
    alternatives = leans.pop() if len(leans) == 1 else "open"
    needs = s.their_supply_share - s.your_sales_share  # above 0: Marlow needs you more
    power = "you" if needs >= 0.10 else "Marlow" if needs <= -0.10 else "open"
    return {"alternatives": alternatives, "power": power}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "my-audit-test", "schema_version": 3}
"""Check that my_audit gives the side each settled row favours, as the case supports."""
check.my_audit(my_audit)
### BEGIN HIDDEN TESTS
check.my_audit(my_audit, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ## 4. An opening that is ambitious and grounded
#
# **How the contract is scored.** Your contract table gives each level of each issue a
# profit, and a package's profit is the sum over the four issues: the additive scoring of
# module 04 (Raiffa, *The Art and Science of Negotiation*, 1982), rounded to 5 k€; the
# worst package (every issue at Marlow's best level) covers only your production costs
# (not Marlow's audit and tooling), a profit of 0. Marlow's points are your research's
# estimate of its own scoring.
#
# <details><summary>Where the sum misstates real profit</summary>
#
# Price and volume interact: a euro on the price is worth two thirds more at 10k units
# than at 6k, while the table counts it the same.
#
# </details>
#
# **Why the opening matters.** A first offer pulls the final deal towards it (anchoring,
# module 01). An offer beyond anything
# the other side could accept still pulls if it is taken as an offer, but it risks an
# impasse and costs credibility. At this table, a package giving Marlow less than a
# quarter of its reservation price is refused out of hand and does not pull. Your list
# terms give Marlow 0 points: they are a fact to cite, not an opening.
#
# <details><summary>What the research found on extreme first offers</summary>
#
# Schweinsberg, Ku, Wang and Pillutla ("Starting high and ending with nothing", *Journal
# of Experimental Social Psychology*, 2012) found that extreme first offers offended
# those who received them, whatever their power, that receivers with little power were
# the ones who then walked away, and that such offers helped the offerer only when the
# talks went on.
#
# </details>
#
# **Ambitious, and grounded.** Module 04's rule is to open at your estimate of the other
# side's reservation price, or somewhat beyond it as far as a fact you can cite carries
# you. With two states, the mean of your beliefs is no reservation price Marlow can have
# (section 2), so here you open at Marlow's **low reservation price**, even when Quell
# stays likelier: Marlow can accept no package below it in either state. Among the
# packages that give Marlow at least its low reservation price and you at least your
# reservation price, take the one with the most profit; between two that leave you the
# same, the one that gives Marlow more. Every case here has such a package. This opening
# is the module's answer to a range you do not know well; with a person, module 04's
# alternative remains: let them open.
#
# An opening is *grounded* by true facts you can cite: your list terms and the cost to
# you of a 3-week rush. They justify *asking* for your opening. Your **target**, the
# profit you privately aim to end with in each state of Quell, follows the course's
# convention (module 02's table): with no fact, such as a rival's price, to back more,
# the half-way point of the zone (section 5). That is a target you could defend at the
# table, lower than the ambitious ones the research below supports.
#
# **The Pareto frontier.** A package is on the **Pareto frontier** (module 04) when no
# other package is better for one side without being worse for the other; your opening
# lies on it. The next package along it leaves you more but gives Marlow fewer points than
# its low reservation price. Question 5 accepts that package as your opening too: against
# this bot it ends with more profit on average (the appendix). The trade-off: a
# counterpart with little power may walk away from it (Schweinsberg et al., above).
#
# A **signed letter of intent** (question 2) is a fact to state (below), not a ground for
# an opening: it raises the least Marlow believes *you* would accept (module 04),
# never Marlow's reservation price.
#
# **A MESO.** Next to your opening, put packages worth exactly as much to you that give
# Marlow ground elsewhere: module 04's multiple equivalent simultaneous offers, whose pick
# tells you what the other side prefers (Medvec and Galinsky, "Putting more on the
# table", 2005). Here no partner gives Marlow more points than the opening by your
# research, so the pick tests that research: if Marlow sincerely picks a partner your
# research scores lower than the opening, your research misweighs the issues. In a
# meeting you offer them together, before any concession; the table hears one package at
# a time, so you prepare the set and send the opening alone: the table never runs this
# test.
#
# **When Marlow opens.** Before you answer, think
# about what Marlow's alternatives are worth (question 3's chance that Quell has
# capacity) and your target, not Marlow's number or your reservation price.
#
# <details><summary>The research behind this advice</summary>
#
# In Galinsky and Mussweiler's experiments ("First offers as anchors", 2001), thinking
# about the other side's alternatives or one's own target removed a first offer's pull
# (here it is extended to a counter-offer). Galinsky, Mussweiler and Medvec (2002) found
# that negotiators who kept in mind their ideal, the best outcome they could hope for,
# reached better deals than those who dwelt on their reservation price, yet felt less
# satisfied with them.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 marks): your opening, with a MESO
#
# Write `opening_offer(s)`: a list of two or three packages, each a dict of issue to level
# such as `{"price": "€45", "volume": "10k units", "delivery": "5 weeks", "payment": "30
# days"}`. `s.issues` maps each issue to its levels; in `s.yours` and `s.theirs`,
# `[issue][level]` gives your profit and Marlow's points; your reservation price is
# `my_reservation(s)` from question 2. `all_packages`, `package_points` and
# `pareto_frontier` from module 04 are imported for you. The rules:
#
# 1. The first package is your opening, at Marlow's low reservation price (section 4):
#    the most profit among packages giving Marlow at least that;
#    between two that leave you the same, the one that gives Marlow more (it is on the
#    frontier); or the next frontier package beyond it (section 4).
# 2. The others complete a MESO. Each is a different package worth exactly the
#    opening's profit to you and at least `s.reservation_if_not` points to Marlow. With
#    the step beyond, partners need a quarter of `s.reservation_if_quell` (Marlow refuses
#    under a quarter of its reservation price out of hand, perhaps the high one); with
#    none, it stands alone.
# 3. A package gives Marlow ground on an issue when its level there is not your best, the
#    first level of the issue in `s.issues`. Any two packages differ both ways: each gives
#    ground on an issue where the other keeps your best level.
#
# Module 04's sets were looser: within 5 points, not giving ground on exactly the same
# issues. The opening and the MESO earn a mark each.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-offer-answer", "schema_version": 3}
def opening_offer(s):
    """Your opening (the best package Marlow could accept without Quell) and a MESO around it."""
    ### BEGIN SOLUTION
    packages = all_packages(s.yours, s.theirs)
    floor, needed = my_reservation(s), s.reservation_if_not
    acceptable = [(you, them, p) for p, you, them in packages if them >= needed and you >= floor]
    # at Marlow's low reservation price
    profit, _, opening = max(acceptable, key=lambda found: found[:2])

    def ground(package):  # the issues on which a package gives Marlow ground
        return {issue for issue, level in package.items() if level != s.issues[issue][0]}

    meso = [opening]
    for p, you, them in packages:
        equivalent = you == profit and them >= needed
        crossing = all(ground(p) - ground(q) and ground(q) - ground(p) for q in meso)
        if equivalent and crossing and len(meso) < 3:
            meso.append(p)
    return meso
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "opening-offer-test", "schema_version": 3}
"""Check that opening_offer opens with the best package Marlow could accept, inside a MESO."""
check.opening_offer(opening_offer)
### BEGIN HIDDEN TESTS
check.opening_offer(opening_offer, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "say-teaching", "schema_version": 3}
# ### What to say when you open
#
# - **Let Marlow learn of your alternative as plain information, not a threat.**
#   Fisher and Ury's advice is to reveal an alternative that is better than the other
#   side supposes and to keep a poor one quiet. Marlow knows nothing of Brenn or Kessel
#   and may assume you would otherwise sell on the spot market, which your real
#   alternative beats: telling Marlow raises the least it believes you would accept
#   (module 04). Turned into an ultimatum ("accept our terms by Friday, or …"),
#   the same fact is a threat: it ties terms you would improve on to giving the capacity
#   away, and is a bluff as well, since your plan concedes below them.
# - **Answer interests, not only positions.** Fisher and Ury separate what a side asks
#   for (its position: 3-week delivery) from why (its interest: keeping its lines
#   running). Meeting the interest for something in return is how a strength of yours
#   (you can deliver fast) meets a need of theirs.
# - **Keep a belief a belief.** Your reading of the rush request is only a probability:
#   stated as a fact, it misleads if you are wrong.
# - **Never invent a fact.** A bluff about your own limit is one thing: the comment to
#   Model Rule 4.1 ordinarily takes it as no statement of material fact (module 00); that
#   American Bar Association rule is for lawyers: a benchmark here. Carr
#   ("Is Business Bluffing Ethical?", 1968) went further and excused some false facts too,
#   which this course does not. A made-up order from another customer is another: a false
#   fact Marlow would rely on, which most reject (Lewicki, Saunders and Barry,
#   *Negotiation*) and which can undo a contract (module 03, section 7).
# - **Another customer's business is theirs.** You may say that a customer could take
#   your capacity, which is your own fact; that customer's plans, orders or prices, told
#   to you in confidence, are not yours to pass on. A signed, binding letter of intent is
#   your own contract, so you may say that one exists if you name neither Brenn nor its
#   terms. Keep its terms: the letter's sure sum plus the audit cost *is* your
#   reservation price, and module 02's own caution applies: a side that knows it can
#   offer you that and not a unit more.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "say-practice-text", "schema_version": 3}
# ### Practice (no marks): another seller's seven statements
#
# Another seller, in your place, did not sign its letter of intent: the letter's sure
# 60 k€ was less than the 72.50 k€ its best alternative was worth on average. After
# Marlow's rush request it puts the chance that Quell has no capacity at 0.70. It could
# say:
#
# - `"A"`: "We hold a signed letter of intent from another customer for this capacity,
#   should we not reach an agreement."
# - `"B"`: "You asked for delivery in 3 weeks. We can do that; let us look at what it is
#   worth to both of us."
# - `"C"`: "We know Quell cannot supply you this quarter."
# - `"D"`: "If we cannot agree, another customer could take this capacity."
# - `"E"`: "Another customer has already placed a firm order for all of this capacity."
# - `"F"`: "Sign this week, or we give this capacity to someone else."
# - `"G"`: "A customer told us in confidence that it plans to double its orders."
#
# Write `practice_to_say()`: a dict from each letter to `"say"` or `"keep quiet"` for
# this seller. Its check explains each wrong verdict.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "practice-to-say-answer", "schema_version": 3}
def practice_to_say():
    """The practice seller's statements: "say" or "keep quiet" for each letter."""
    ### BEGIN SOLUTION
    return {
        "A": "keep quiet",
        "B": "say",
        "C": "keep quiet",
        "D": "say",
        "E": "keep quiet",
        "F": "keep quiet",
        "G": "keep quiet",
    }
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-to-say-check", "schema_version": 3}
"""Check that practice_to_say gives each of the practice seller's statements its verdict."""
check.practice_to_say(practice_to_say)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 marks): what to say
#
# Your brief lists seven things you could say when you open (`s.statements`, a dict from
# letter to sentence). Write `what_to_say(s)`: a dict from each letter to `"say"` or
# `"keep quiet"`. Answer as the seller you became in question 2 (Brenn's sure
# `s.brenn_letter` against your best alternative before the letter, `my_batna(s)`): a
# sentence about a signed letter is true only if you signed.
#
# The verdicts are marked at grading. Each right verdict earns a seventh of the marks, but
# only if you also get at least one verdict of the other kind right, so that an all-"say"
# answer earns nothing (every case has at least two of each).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "what-to-say-answer", "schema_version": 3}
def what_to_say(s):
    """For each statement of the brief: "say" or "keep quiet"."""
    ### BEGIN SOLUTION
    signed = s.brenn_letter > my_batna(s)[1]  # question 2's decision
    verdicts = {}
    for letter, text in s.statements.items():
        threat = text.startswith(("Accept our terms by", "Sign this week"))  # an ultimatum
        invented = "already" in text  # no order exists
        false_letter = "signed" in text and not signed
        belief_as_fact = text.startswith("We know")
        confided = "in confidence" in text.lower()  # another customer's plans: not yours
        wrong = threat or invented or false_letter or belief_as_fact or confided
        verdicts[letter] = "keep quiet" if wrong else "say"
    return verdicts
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "what-to-say-test", "schema_version": 3}
"""Check that what_to_say mentions what you hold calmly and keeps threats, lies and beliefs out."""
check.what_to_say(what_to_say)
### BEGIN HIDDEN TESTS
check.what_to_say(what_to_say, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "plan-teaching", "schema_version": 3}
# ## 5. Conceding along the frontier
#
# Your plan walks down the Pareto frontier (section 4): a package off it leaves value on
# the table for both of you. Module 04's rule: **create value first** (rule 1), **then
# concede only what closes the deal**.
#
# Your opening is on the frontier, so every step from it costs you. Module 04 planned
# steps that shrink towards a target; here you need one for each state of Quell. In each
# state the zone runs from your reservation price up to your best profit on a package that
# gives Marlow that state's reservation price. Your target in each state follows the
# course's convention (module 02's table): the frontier package Marlow could accept in
# that state nearest the zone's half-way point, at or above it. Your plan:
# - from a colleague's draft below the frontier, first a step that costs you nothing (a
#   free trade, rule 1): trade an issue Marlow values more for one you value more, so both
#   sides gain (Pruitt's *logrolling*, *Negotiation Behavior*, 1981). Module 04 added both
#   sides' points, which its case put on one scale; k€ and points have no common unit:
#   any free trade that lands on the frontier will do there;
# - then packages on the frontier, each giving Marlow more and leaving you at least your
#   reservation price, no step costing more than the one before, passing both targets (or
#   as many as such steps can), on until none is left;
# - advice, not graded: of such plans, prefer the one with fewest issues moved back to a
#   level worth more to you, then most steps (a small step loses less if it meets
#   Marlow's aim).
#
# For `course.variant("05_capstone", "rv-alice")`, without Quell the zone runs from 79.25
# to 95 k€, its half-way point 87.125; the frontier packages from the opening are worth
# 95, 90, 85 and 80 k€, so the target is 90. With Quell, no package suits both sides: no
# zone, no target. Whole packages may put a target far above the half-way point, even at
# the opening (without Quell, when the next frontier package falls below it): holding it
# means no step unless Marlow's answers point to Quell.
# The table shows both targets: keep in mind the one for the state Marlow's answers point
# to:
# - aim at the target without Quell;
# - switch to the one with Quell if Marlow says it can't give more while its offer, less
#   its cheapest one-level move worse for it, still reaches its low reservation price.
#
# For rv-alice:
#
# | | Marlow's points |
# |---|---|
# | its offer: €39, 10k units, 5 weeks, 30 days | 61 |
# | less its cheapest move: 8 weeks for 5 | − 17 |
# | left, against its low reservation price, 34 | 44 |
#
# 44 ≥ 34: without Quell it could give more. Question 8 accepts both
# rules: hold once your last package reaches that target (module 04's, for a person), or
# step on to your reservation price, which at this bot gains deals.
#
# Marlow bargains in one of four **styles**, module 04's three concession patterns and
# tit-for-tat: a **Boulware** Marlow barely moves until late, a **Conceder** gives most of
# its ground early, a **linear** one moves by the same step every round, and
# **tit-for-tat** opens with a fair step, then mostly waits and answers each concession of
# yours with as large a share of its own room as your step gave it (in your k€ that can
# be more or less than your step), in whole levels, so a small step may get nothing.
# Marlow says it **can't give more** only when another level would take it below its
# reservation price, never in its first offer, and the words are true here; it announces
# its **final offer** in round 5, 6 or 7; you answer it once; a **retraction** is an offer
# worse for Marlow than your last (defined and priced in section 6).
#
# **When to step.** Concede only in answer to a move, a true "can't give more" or one
# announced step at a stall: otherwise never into silence. Marlow's opening is a
# position, not yet a concession: hold. Count Marlow's offers,
# not its words: when it says "You have not moved since your last offer", it means yours;
# its own offer may still have moved.
#
# | Marlow's reply | your move |
# |---|---|
# | it moved: its offer is worth more to you than its offer before, by at least what your next step costs you (a smaller move counts as none) | next step |
# | it said it can't give more on its own offer | next step |
# | its opening | hold (an opening is a position, not yet a concession) |
# | its second reply in a row without a move | hold, or your next step announced as an invitation (words are not read here); then hold until it moves |
#
# The last row borrows from Osgood's GRIT (1962: graduated and reciprocated initiatives in
# tension reduction), a series of small one-sided steps, each announced and carried out,
# to invite an answer; this table allows one per stall.
#
# **How many steps fit.** Marlow may make its final offer in round 5: count on four steps.
# If your plan has more, it may not finish: at Marlow's final offer the rule for accepting
# decides. If no package of your plan gives Marlow its high reservation price, then
# with Quell no deal suits you both: your last step is your final offer, and the right
# ending is to walk away politely.
#
# **When to accept.** Reaching your target is not the same as a deal: holding at that
# package can end with Marlow leaving at its deadline. The rule for accepting measures
# Marlow's offer against your own plan, as section 4 advised:
# **accept an offer of Marlow's when it is worth at least the next package of your plan
# (with no step left, the last one sent); at Marlow's final offer, accept anything at or
# above your reservation price.** Below it, answer once with your next step if your plan
# has one; walk away politely when none is left (question 8 also accepts walking away; if
# Marlow leaves, the talks ran out of time, section 6).
#
# Marlow counts only its total points, so some of these rules are looser than module
# 04's: the appendix says which.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "table-teaching", "schema_version": 3}
# ## 6. At the table
#
# You open; Marlow answers every offer with an offer and a few words, for at most 8
# rounds: send a package, accept Marlow's offer, or walk away. Marlow's reservation price
# depends on whether Quell has capacity, drawn when you sit down with the chance the rush
# request gave it, and hidden until the end.
#
# **Deadline and acceptance.** Marlow has its own deadline, which you do not know: it
# makes its final offer in round 5, 6 or 7, never later. It accepts a package worth at
# least its reservation price if the package meets its aim for the round (the points it
# wants then, falling from its opening offer's points towards its reservation price at
# its style's pace), or if it is at least as good for it
# as its own next offer (so handing its final offer back is a deal): it never turns a
# package down to offer you one worth less to it.
#
# **Trust.** Marlow remembers you through its **trust** in you, which starts at 0.5 and
# moves after each negotiation by how it ended, and by −0.1 for every offer it refused
# out of hand and every retraction (an offer worse for it than your previous one by more
# than a hundredth of the way from its reservation price to its best), whatever the
# ending:
#
# | how the negotiation ended | change in trust |
# |---|---|
# | a deal | +0.25 |
# | you walked away politely | 0 |
# | the talks ran out of time (Marlow reached its own deadline and left) | −0.05 |
# | Marlow left because its patience ran out | −0.1 |
# | you walked out, slamming the door | −0.35 |
# | each offer refused out of hand, or retraction, on top | −0.1 |
#
# It loses patience with every offer it must refuse out of hand; retractions and stalls
# strain it only while your offer is still worse for it than walking away, and it warns
# you before it leaves. The more it trusts you, the more of its room (its best package
# less its reservation price) it gives in its first answer, and the more patient it is.
# Marlow remembers you across the table's "new negotiation" button; running the table's
# cell again seats a Marlow that has never met you. **Quell is drawn afresh at every
# sitting.**
#
# The table reads your answers to questions 2, 3, 5 and 7, and the debrief sets the
# outcome against them (showing your true reservation price and Quell's chance only
# once questions 2 and 3 pass) and names Marlow's style.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q7-text", "schema_version": 3}
# ### Question 7 (2 marks): your plan
#
# Write `concession_plan(s, opening, reservation)`: your **plan**, a list that starts with
# `opening` (a package). Graded: every later package is on the frontier, gives Marlow
# more and leaves you at least `reservation` (a profit); it ends where no such package is
# left; no step costs more than the one before; and it passes both targets (or as many
# as such steps can). The tie-breaks are advice. `s.issues`, `s.yours`, `s.theirs`,
# `s.reservation_if_not`, `s.reservation_if_quell` and the imported functions are as in
# questions 3 and 5 (`pareto_frontier` returns `(your profit, Marlow's points)` pairs).
# The check also starts your function from your plan's second package, with a higher
# reservation price, on another learner's case, and from two colleagues' drafts below the
# frontier (first a free trade, rule 1). To see your own plan, run
# `concession_plan(scenario, opening_offer(scenario)[0], my_reservation(scenario))`.
#
# At this table you send the plan's packages in order, one per step (question 8). A
# step may take a term back (volume back up)
# if Marlow gains points: a **trade-back step**, no retraction (section 6).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "concession-plan-answer", "schema_version": 3}
def concession_plan(s, opening, reservation):
    """The packages of your plan: the opening, then steps down the frontier that never grow,
    passing your targets where they can, taking back as few terms as the frontier allows."""
    ### BEGIN SOLUTION
    import functools

    packages = all_packages(s.yours, s.theirs)
    frontier = set(pareto_frontier([(you, them) for _, you, them in packages]))
    rows = [(you, them, p) for p, you, them in packages if (you, them) in frontier]
    rows = [row for row in rows if row[0] >= reservation]
    rows.append((package_points(opening, s.yours), package_points(opening, s.theirs), opening))
    draft = rows[-1][:2] not in frontier  # below the frontier: first a free trade (rule 1)
    middles = {}  # each state's need (its reservation price): the middle of its zone
    for need in (s.reservation_if_not, s.reservation_if_quell):
        best = max((you for you, them, _ in rows if them >= need), default=reservation)
        middle = (best + reservation) / 2
        if best > reservation and rows[-1][0] >= middle:  # no zone, or passed: no target
            middles[need] = middle
    # each state's target on the frontier: the package nearest its middle, at or above it
    targets = [min(y for y, t, _ in rows if t >= need and y >= m) for need, m in middles.items()]

    def back(was, now):  # the terms a step takes back: levels worth more to you again
        return sum(s.yours[issue][now[issue]] > s.yours[issue][was[issue]] for issue in now)

    @functools.cache
    def best_path(at, cap):  # to the plan's end: (targets missed, terms taken back, steps)
        (mine, theirs, package), ways = rows[at], []
        if not any(them > theirs for _, them, _ in rows):
            return (0, 0, [])
        for k, (you, them, step) in enumerate(rows):
            cost = mine - you  # no step may cost more than the one before
            if them <= theirs or cost > cap or (draft and at == len(rows) - 1 and cost > 0):
                continue
            rest = best_path(k, cost if cost > 0 else cap)
            if rest is not None:  # None: a dead end, every step left costs more
                missed = sum(mine > target > you for target in targets)
                ways.append((rest[0] + missed, rest[1] + back(package, step), [k, *rest[2]]))
        return min(ways, key=lambda way: (way[0], way[1], -len(way[2])), default=None)

    return [opening] + [rows[k][2] for k in best_path(len(rows) - 1, float("inf"))[2]]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "concession-plan-test", "schema_version": 3}
"""Check that concession_plan walks down the frontier, giving Marlow more at each step."""
check.concession_plan(concession_plan)
### BEGIN HIDDEN TESTS
check.concession_plan(concession_plan, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q8-text", "schema_version": 3}
# ### Question 8 (2 marks): your moves, reply by reply
#
# Marlow's replies come singly; after each you decide: **hold** (send your last package
# again), make the **next step** of your plan, **accept** its offer, or **walk away**
# politely: give your move after each by section 5's rule.
#
# Write `table_moves(s, plan, reservation, log)`. The check gives a plan and the course's
# reservation price; `log` is Marlow's replies in order, each a dict: `"offer"` (its
# package), `"final"` (`True` for its final offer) and `"cant_give_more"` (`True` when it
# said it can't give more on its own offer). Your first offer was `plan[0]`; each next
# step sends the plan's next package. Whether Marlow moved is read from what its offer is
# worth to you (your profit by `s.yours`, as in question 5; `package_points` is
# imported), not from whether the package changed.
#
# Return a list with one move per reply, each `"hold"`, `"next step"`, `"accept"` or
# `"walk away"`, up to the move that ends the talks (case, hyphens and underscores do not
# count). Run `check.table_log(scenario)` to see your log.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "table-moves-answer", "schema_version": 3}
def table_moves(s, plan, reservation, log):
    """Your move after each of Marlow's replies in log, by section 5's rule."""
    ### BEGIN SOLUTION
    moves, at, before = [], 0, None
    for reply in log:
        worth = package_points(reply["offer"], s.yours)
        left = at + 1 < len(plan)  # a step of the plan is left
        mine = package_points(plan[at], s.yours)
        step = mine - package_points(plan[at + 1], s.yours) if left else 0
        # a move counts when it gives you at least what your next step costs
        moved = before is not None and worth > before and worth - before >= step
        if reply["final"]:  # below your reservation price: your next step, if one is left
            move = "accept" if worth >= reservation else "next step" if left else "walk away"
        elif worth >= (mine - step if left else mine):
            move = "accept"  # worth your next package (the last one sent, if none is left)
        elif before is not None and left and (moved or reply["cant_give_more"]):
            move = "next step"
        else:
            move = "hold"
        moves.append(move)
        if move in ("accept", "walk away"):
            return moves
        if move == "next step":
            at += 1
        before = worth
    return moves
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "table-moves-test", "schema_version": 3}
"""Check that table_moves makes section 5's move after each of Marlow's replies."""
check.table_moves(table_moves)
### BEGIN HIDDEN TESTS
check.table_moves(table_moves, hidden=True)
### END HIDDEN TESTS

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "table", "schema_version": 3}
from course.widgets.capstone import NegotiationTable

NegotiationTable(
    scenario,
    reservation=my_reservation,
    opening=opening_offer,
    plan=concession_plan,
    beliefs=marlow_beliefs,
)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "debrief-teaching", "schema_version": 3}
# ## 7. Debrief: what moved the outcome?
#
# The debrief measures five things:
#
# - **Agreement.** No deal is right only when no package suited both sides, or when your
#   plan's last step was sent and the most Marlow would accept stayed below your
#   reservation price.
# - **Value claimed.** Your profit over your true reservation price, as a share of the
#   most any package Marlow would have taken could give you over it: reservation 90, deal
#   130, best package Marlow would take 150 give (130 − 90) / (150 − 90) = 0.67. Each
#   side's gain on its own scale, from its reservation price (0) to its best package (1),
#   stands beside it: with your best 170, your gain is 0.5.
# - **Value created.** Whether the deal is on the Pareto frontier; if not, how many
#   packages were at least as good for both sides and better for one.
# - **What was achievable.** The best package for you that Marlow would have agreed to
#   on the path these talks took.
# - **Reciprocity.** A step's **reply ratio** is what Marlow's next reply gave back,
#   beyond a replay in which you repeated your previous offer, per k€ the step cost you
#   (table below). A ratio of 1 or more means Marlow matched the
#   step on your scale, not its own, as does a deal it would not have made had you held.
#   Concessions made while Marlow had not moved are counted apart, except a step after its
#   "can't give more" and the GRIT step (section 5); a step answering Marlow's opening is
#   named apart, since section 5 holds there.
#
# | a reply ratio, worked | Marlow's next offer, worth to you |
# |---|---|
# | replay: you repeat your offer worth 100 k€ | 70 |
# | you step to one worth 90 | 76 |
# | reply ratio | (76 − 70) / (100 − 90) = 0.6 |

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 8. Reflection (4 marks, graded by your instructor)
#
# Play at least two negotiations with Marlow, one after the other on the same table (its
# "new negotiation" button, so Marlow remembers the first), then write your debrief,
# a paragraph for each part:
#
# 1. **The outcome against your plan**:
#    1. Where did you keep to your reservation price, your opening and your planned
#    steps, and where did you leave them? Why?
#    2. If you opened past question 5's opening, say how Marlow answered it (the table
#    hears your offers, not your words).
#    3. If you did not sign: would a signed letter have got you a deal with Quell (the
#    line under the table's dropdowns shows each package's profit and points: compare
#    them with `s.brenn_letter + s.audit_cost` and `s.reservation_if_quell`), and would
#    your plan, run to that reservation price, reach one within the steps that fit
#    (section 5)? If so, set that deal against your BATNA; if not, say what the letter
#    would have cost you on average: its shortfall times the chance that signed talks
#    still fail.
#    4. When Marlow opened, what did you think about before you answered? Which of your
#    steps did Marlow match in the debrief, and what did the others buy?
# 2. **Your audit against the talks.** Rate both sides from 0 to 10 on each source and
#    weigh the three sources for this deal (module 00): which weighs most, and why? The
#    table models two of them, alternatives (Quell, your
#    BATNA, not the weeks) and information (what Marlow's offers told you): which of the
#    two did more to shape the result? Point to a moment in the
#    talks where you saw it, and say whether your weights bore it out, and what the power
#    you weighed would have added in a real meeting.
# 3. **The relationship.** Before the second, set "Marlow's style" to the one the first
#    debrief named. How did your first negotiation end, what did the debrief say Marlow
#    would remember of it, and what did you see of that in the second (its opening, its
#    patience)? The first debrief's "Replayed on this sitting" line (if trust changed)
#    shows what that ending changed: Marlow's first answer at its trust before and after,
#    all else the same. How would
#    Marlow's buyers feel about the outcome, about themselves, about the process and about you
#    (Curhan, Elfenbein and Xu's *subjective value*, 2006)? Would they want to deal with
#    Tallis again, and does that matter for a supplier of a year's sensors?
# 4. **Next time.** One thing you would prepare differently, and one thing you would do
#    differently at the table.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 4, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric: a mark for each part, using the learner's own numbers. Expect
# only numbers the learner's answers, the table and the debrief give: a weighing in words
# with them earns the mark.
#
# Part (1), four points, a quarter mark each; a point that does not apply to the learner
# (2 if question 5's opening was kept, 3 for a signer) earns its quarter:
#
# 1. what was kept and what was left of the plan, with a reason;
# 2. how Marlow answered an opening past question 5's, if any;
# 3. for a learner who did not sign: whether the plan, run to the letter's lower
#    reservation price, reaches a package Marlow needs with Quell in the steps that fit,
#    and that deal against the BATNA; if not, the letter's cost: the shortfall weighed by
#    the chance that talks with the letter still end without a deal;
# 4. what the learner attended to after Marlow's opening, and the steps set against
#    their reply ratios from the debrief.
#
# Part (2): ratings that fit question 4's verdicts, the weights with a reason for the
# largest, the modelled source that mattered with a moment from the talks, and whether
# the weights fit it.
#
# Part (3): how the first negotiation ended; what Marlow's trust became, by section 6's
# table (each retraction and each offer refused out of hand lowers it); the second
# sitting at the first debrief's style, and what the first debrief's replay line shows
# (if any); what that did or did not change in the second;
# and a judgement of Marlow's subjective value and of
# whether it would deal again.
#
# Part (4): one preparation change and one change at the table, each concrete.
#
# A full-marks answer (learner-1354's case, Quell without capacity and a linear Marlow in
# both negotiations), a paragraph for each part:
#
# "(1) In my second negotiation, I opened with my planned package (profit 155, 23 of
# Marlow's points). Marlow answered at a profit of 60; I thought of my beliefs about Quell
# (a chance of 0.38 that it had capacity) and of my target for the state Marlow's answers
# pointed to (125), not of its number, and held. Its move to 80 was under my step's 30:
# I held twice. At its move to 110 I made my first step, to my target (125). It accepted 125 in round 5, 34.75 above my reservation price. I kept
# my plan, since my step answered a move, and the step bought the deal. I kept Brenn
# (81.25 on average) over the letter's sure 65.
# Signed, my reservation price would have been 74, enough for a package Marlow accepts
# even with Quell (63 points, profit 90), step 3 of my signed plan, within the four that
# fit: signed talks with Quell could end there, 0.25 short of Brenn plus the audit
# (90.25), about even.
#
# (2) I rated information 6 to 5 for me, alternatives 5 to 5 and power 3 to 7 for Marlow,
# and weighted alternatives 0.4, power 0.35, information 0.25: alternatives carried
# Quell. Brenn was 43%
# of my best profit (190), against Marlow's 62% with Quell and 22% without, and Marlow's
# claimed 9 weeks of stock against my 3 clashed with its rush, so I rated the row open.
# Marlow took 42 points, far under its 62 with Quell: my 0.4 fit. Power, which the table
# omits, was Marlow's (72% of my sales against the 20% of its sensors). In a real meeting
# Marlow could hint at moving next year's volume to Quell.
#
# (3) I left my first negotiation politely when Marlow stalled, with steps of my plan
# unoffered, against my rule (it had not said it could give no more). Trust stayed at
# 0.50; in the second, again a linear Marlow and again with Quell without capacity, it
# opened at 60. The deal raised trust to 0.75; it would still answer at 60. Its buyers
# paid list price for 6k units in 8 weeks, paid at 90 days: 42 points, 20 above their
# reservation price (22). The 8 weeks missed their 3-week need: they may feel they lost
# and, about themselves, gave in too soon; but I made no threat and no retraction, so they would take my call next year.
#
# (4) Next time I would ask Brenn for a better letter, and hold one round longer at 155
# before stepping."

# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Prepare in order: your BATNA and reservation price, a step that strengthens them, your
#   beliefs about the other side, an audit, and only then the opening, your words and
#   your concessions.
# - A signal from the other side is evidence: update your beliefs, and keep every state
#   they allow in view; an average of two reservation prices is not a reservation price.
# - A deadline belongs to its holder's alternatives, since it caps how long that side
#   can hold out; power is dependence.
# - Open at your estimate of the other side's reservation price (here its low one) or
#   somewhat beyond it (module 04), never below your reservation price: one frontier step
#   beyond pays at this table, but a counterpart with little power may walk away. In a
#   meeting, add packages worth the same to you: the other side's pick tests what you
#   believe it values (a MESO, module 04).
# - Say true things about the leverage you hold, calmly; keep beliefs as beliefs; never
#   threaten a partner you hope to keep, and never invent a fact.
# - Concede down the frontier in steps that never grow (question 7's plan must), each
#   traded for something, and take back as few terms as the frontier allows (advice).
# - Step only when the other side moves (its opening is a position, not a move), says it can
#   give no more (at this table the words are true; test a person's first), or, once per
#   deadlock, to break it, announced as an invitation (GRIT). Give no more than it gave.
#   At the end of your plan, walk away politely.
# - After every negotiation, debrief: the outcome, the value claimed and created, the
#   leverage that moved it, and what the ending did to the relationship.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "about-the-bot", "schema_version": 3}
# ## Appendix: about this bot
#
# <details><summary>The table manual, and the course's trials of this bot</summary>
#
# **Table manual.**
#
# - *Pacing.* Its first answer is usually below your reservation price. Part of each step
#   it takes is its own pace, part an answer to yours. It gives one level at a time, where
#   the next costs it fewest points: an issue it never moves is a clue to its scoring, not
#   to which issue weighs most.
# - *Trust.* A small change in trust often leaves its first answer the same package.
# - *Left out.* Your research is exact; what you say is not modelled, only your offers;
#   Marlow's deadline is random, so the case's weeks and dependence do not act at the
#   table.
#
# **Where this table departs from module 04.** At a first meeting, Marlow's opening
# (answering question 5's) gives up 0.19 to 0.55 of the way to its reservation price;
# section 5 still reads it as a person's: a position. One more rule is looser. Question 7's plan runs
# past both targets to your reservation price, and may take a term back. With a person, keep module 04's paced tit-for-tat (its question 3), and
# test a "can't give more" (ask what would let them move, or hold once), since it is
# often a bluff. Question 5's MESO partners are worth exactly the opening and usually lie
# just below the frontier:
# by your research Marlow should prefer the opening. Sent at the table after it, such a
# partner gives Marlow fewer points: a retraction (section 6).
#
# **Trials.** The scripted learner `sit_by_the_plan` keeps section 5's rule, with the
# smallest steps (below); the course's tests check each figure.
#
# **An opening one step beyond.** An offer Marlow could not accept pulls its *first
# answer* no further than one it just could, but stepping back from an opening beyond to
# the opening at Marlow's low reservation price counts as a concession, which Marlow
# answers in part. Over sixteen samples of 200 learners' cases at a table where Quell has
# no capacity (195 to 200 of them have such a step), opening one frontier step beyond and
# then following the same plan ended with more profit on average, against every style,
# by about 4 to 8 k€ where both reached a deal, so question 5 accepts it; a person with
# little power may take offence and walk away (section 4).
#
# **The rule, and a step into silence.** In eleven samples of 200 learners, one sitting
# each, Quell without capacity, a learner who always held at a stall reached a deal
# against a tit-for-tat Marlow in 121 to 148 sittings of 200. This bot waits to be
# answered: the one step of section 5's last row raised that to 167 to 182 sittings of 200.
#
# **The smallest steps.** In more than half of the plans of smallest steps (question 7
# refuses these), some step costs you more than the one before, and a step may land on an issue you had already
# given ground on (volume back up, delivery back out): in the course's trials, over nine
# plans in ten had such a step, and over half the steps were one.
#
# </details>
