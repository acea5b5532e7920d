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
# # Module 04 — Concessions, first offers and difficult moments
#
# The earlier modules were about where leverage comes from. This one is about spending it
# well once the talks begin: the number you name first, the pace at which you give
# ground, what you ask for each time you do, and how you answer an offer that throws you.
# Each of those becomes a decision you make on your own case and get feedback on.
#
# You will learn to
#
# 1. open with an ambitious offer that a true fact justifies, and mention your
#    alternatives without threatening anyone;
# 2. plan your concessions, and know what their pattern tells the other side;
# 3. answer concessions with concessions, and stop giving when nothing comes back;
# 4. trade across several issues so that both sides gain, up to the **Pareto frontier**,
#    and put several equally good offers on the table at once;
# 5. decide, when an offer arrives, whether to accept, counter or walk away, and leave in a
#    way that lets you come back.
#
# It takes about two and a quarter hours: seven short coded questions, three exercises
# with widgets and a reflection. Sections 1 to 3 and sections 4 to 6 make two sittings of
# a little over an hour each.
# Run the cells from top to bottom. Cells that say `YOUR CODE HERE` are yours; the cells
# after them check your answer and tell you what to fix. Every learner gets their own
# numbers, so your answers are yours alone.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell loads the course library and draws your scenario. The first time, it asks
# for your course id instead: type the id your instructor gave you in the box and press
# Enter. Your scenario then appears under the box, and this computer remembers the id.
# Each part of the story names, in brackets, the fields of `scenario` that hold its
# numbers; the questions pass the scenario to your functions as `s`.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
from itertools import permutations

from IPython.display import HTML

import course
from course.checks import concessions as check
from course.models.concessions import (
    all_packages,
    concession_fraction,
    package_points,
    pareto_frontier,
    time_dependent_offer,
)

scenario = course.variant("04_concessions")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ## 1. Opening: the first offer anchors
#
# People who have to estimate a number tend to start from whatever number is in front of
# them and then move too little away from it, even when they know that starting number is
# arbitrary. Tversky and Kahneman ("Judgment under Uncertainty: Heuristics and Biases",
# *Science*, 1974) called this **anchoring**.
#
# In a negotiation, the first offer is that number. Galinsky and Mussweiler ("First offers
# as anchors: the role of perspective-taking and negotiator focus", *Journal of
# Personality and Social Psychology*, 2001) found that final prices tended to end up
# nearer the first offer, so the side that made it did better. The pull disappeared when
# the person receiving the offer turned their attention to information that cuts against
# it: the opener's alternatives or reservation price, or their own target price. Their
# own limit is no such help. In a later study (Galinsky, Mussweiler and Medvec,
# "Disconnecting outcomes and evaluations", *JPSP*, 2002), negotiators asked to focus on
# their reservation price reached worse deals than those asked to focus on their target,
# even though they felt better about them. So when an anchor lands on you, think about
# where the other side would go without you and about what you are aiming for, not about
# the least you would take.
#
# Opening first pays when you know the range well. When you do not, a first offer can give
# away more than any later concession wins back, and it may be wiser to let the other side
# open and learn from their number (module 01).
#
# A good opening is **ambitious** and **grounded**. Ambitious: it goes as far towards the
# other side's limit as you can justify, which means at, or just beyond, your best estimate
# of their reservation price. You can always come down from a high opening; you can
# seldom go back up from a low one. Grounded: you can give a reason for the number that
# rests on a fact, such as a market rate, what they paid for the same thing before, or
# what the work is worth to them. A number without a reason looks like a bluff and invites
# a walk-out; a number with one becomes the reference point for the rest of the talks.
#
# **The reason must be true.** Keeping your reservation price to yourself is ordinary and
# honest. Some go further and defend bluffing about a limit ("I can't go below 110") as
# part of the game, as Carr did ("Is business bluffing ethical?", *Harvard Business
# Review*, 1968); that view is disputed. Inventing a rival offer, or a cost you do not
# have, is a different thing: it misrepresents a material fact the other side relies on,
# which Lewicki, Saunders and Barry (*Negotiation*) treat as deception and which can
# amount to fraud. Module 00's section on the ethics of leverage draws these lines in full.
#
# **Mention your alternatives as facts, not threats.** Your BATNA only strengthens your
# opening if the other side knows it exists. Telling Orchard what Birch has offered for
# the same year is a fact it can weigh; "pay or we go to Birch and you miss your launch"
# is a threat. A threat puts the other side's pride in the way of agreeing and invites a
# threat back; a fact leaves them to draw the conclusion themselves. And a walk-away you
# hint at only works if you would really take it (module 03).
#
# In your scenario your BATNA is Birch's price, and your **reservation price**, as in
# module 02, is that price corrected for what this deal costs you more: Birch's price plus
# the extra cost of Orchard's job. It is the worst price you would still accept.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 points): choose your opening and its reason
#
# Write `opening(s)`: return a pair `(price, key)`, your opening price to Orchard and the
# key of the statement in `s.statements` you will give as its reason. Each statement has
# a `text` and the price it names, its `figure` (e.g. `s.statements["birch"].figure`).
#
# - **Ambitious:** the price is at least your estimate of Orchard's reservation price,
#   `s.their_estimate`.
# - **Grounded:** the price is no more than the figure of the statement you cite, and the
#   statement is a true fact, said as a fact. Read each one against your story: a
#   sentence that contradicts it is not true, and a sentence that says what you will do
#   to Orchard is a threat.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-answer", "schema_version": 3}
def opening(s):
    """(your opening price, the key of the statement that grounds it)."""
    ### BEGIN SOLUTION
    true_facts = ["birch", "survey", "linden"]  # "threat" threatens; no rival has offered
    key = max(true_facts, key=lambda k: s.statements[k].figure)
    return s.statements[key].figure, key
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "opening-test", "schema_version": 3}
"""Check that opening is ambitious and grounded in a true fact, said as a fact."""
check.opening(opening)
### BEGIN HIDDEN TESTS
check.opening(opening, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-teaching", "schema_version": 3}
# ## 2. Concession patterns: Boulware, linear and Conceder
#
# Faratin, Sierra and Jennings ("Negotiation decision functions for autonomous agents",
# *Robotics and Autonomous Systems* 24, 1998) wrote down concession plans for software
# agents as **time-dependent tactics**. Rounds are numbered from 0, the opening, and the
# talks end in round $T$. By round $t$ the agent has conceded a fraction
#
# $$\alpha(t) = \kappa + (1 - \kappa) \left(\frac{\min(t, T)}{T}\right)^{1/\beta}$$
#
# of the way from its opening $x_0$ to its reservation price $r$, so its offer is
#
# $$x(t) = x_0 + \alpha(t)\,(r - x_0).$$
#
# This is their **polynomial** family (they also give an exponential one). $\kappa$ is the
# part conceded in the opening itself (0 here), and the exponent $\beta > 0$ sets the
# shape. In this model the agent's deadline is known exactly and is the end of the talks:
# it reaches its reservation price in the last round, $T$, and not before.
#
# - $\beta < 1$, **Boulware**: it barely moves for most of the talks, then concedes in
#   large steps near the end. The name comes from Lemuel Boulware, the General Electric
#   executive whose firm, take-it-or-leave-it offers to unions became known as
#   Boulwarism. (In US labour law, GE's version of it, together with a campaign that went
#   over the union's head, was held to breach the duty to bargain in good faith: *NLRB v.
#   General Electric*, 2nd Cir., 1969.) A Boulware stance signals patience; it must not
#   pretend to an alternative you do not have. Holding firm pays against a counterpart
#   who concedes early or has a tighter deadline than yours: the side that can wait
#   longer gets more (module 03's lesson from Rubinstein, 1982). Against a counterpart
#   just as patient, the deal slides to the last round or fails.
# - $\beta = 1$, **linear**: the same step every round.
# - $\beta > 1$, **Conceder**: most of the ground is given early, and the steps shrink.
#
# The other side does not see $\beta$; it sees the size of your steps, and reads them.
# Steps that shrink say you are nearing your limit. Steps that hold their size or grow
# say there is more to come, and that waiting pays. So a Boulware curve says "firm" while
# it stands still, and then, with its large late steps, says "keep pushing". A Conceder
# curve gives a lot early, but its shrinking steps at least tell the truth about where it
# is heading.
#
# **Where the model stops.** These curves were built for agents whose deadline is known
# exactly, who must end on their reservation price, and who follow the schedule whatever
# the other side does. A person is in a different position. The end of the talks is
# rarely known exactly; an offer at your reservation price shows the other side your
# limit (keep it to yourself, module 01); and a schedule that moves on its own hands out
# concessions nobody paid for. Use the curve for its shape, not as a script: plan to
# concede towards a **target** above your reservation price, keeping a margin for a final
# trade; make the steps shrink; and make each one in answer to a move of theirs
# (section 3).
#
# The curves below start at 100, end at 40 in round 10, and differ only in $\beta$.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-example", "schema_version": 3}
from itertools import pairwise

from course.pictures_concessions import tactic_curves

for beta in (0.2, 1.0, 5.0):
    alpha = concession_fraction(5, 10, beta)
    offers = [time_dependent_offer(t, 10, 100, 40, beta) for t in range(11)]
    steps = [round(before - after, 1) for before, after in pairwise(offers)]
    print(f"β = {beta}: by round 5 it has conceded {alpha:.0%}, offering {offers[5]:.1f}")
    print(f"        its steps: {steps}")
HTML(tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 5.0)))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): plan your concessions on price
#
# Write `concession_plan(s, opening)`: your planned offers on price, one for each round
# of the talks, from round 0 to round `s.rounds - 1` (a list of `s.rounds` numbers). The
# plan is yours to choose; it must
#
# 1. start at `opening` in round 0;
# 2. never go back up (a higher offer than your last reads as a retraction);
# 3. concede in shrinking steps: each concession smaller than the one before (once you
#    stop conceding, steps of 0 are fine);
# 4. not give more than half of everything it concedes in the first step;
# 5. end at your target, above your reservation price (Birch's price `s.alternative_price`
#    plus `s.extra_cost`).
#
# The check calls it with a few grounded openings, from `s.their_estimate` up to the
# most a true fact of yours justifies, so it does not depend on your answer to question
# 1. You may write the steps yourself, or use `time_dependent_offer` aimed at your target
# with a $\beta$ whose steps shrink.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "concession-plan-answer", "schema_version": 3}
def concession_plan(s, opening):
    """Your offers in rounds 0 .. s.rounds - 1, from opening down to your target."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    target = (opening + reservation) / 2  # keep half the room as a margin
    last = s.rounds - 1
    return [time_dependent_offer(t, last, opening, target, 1.5) for t in range(s.rounds)]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "concession-plan-test", "schema_version": 3}
"""Check that concession_plan concedes in shrinking steps to a target above your reservation price."""
check.concession_plan(concession_plan)
### BEGIN HIDDEN TESTS
check.concession_plan(concession_plan, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reciprocity-teaching", "schema_version": 3}
# ## 3. Reciprocity and tit-for-tat
#
# People feel bound to return what they are given. The sociologist Gouldner called it
# the **norm of reciprocity** ("The norm of reciprocity", *American Sociological Review*,
# 1960), and Cialdini (*Influence*, 1984) showed how far the rule of reciprocation
# reaches, concessions included: a concession tends to be answered with one. That cuts
# both ways. A concession that is answered keeps the talks moving. A concession that is
# *not* answered teaches the other side that pressing works, and the next one will be
# expected sooner.
#
# **Tit-for-tat** turns reciprocity into a rule: open cooperatively, then do whatever the
# other side did last. In Axelrod's computer tournaments of the repeated prisoner's
# dilemma (*The Evolution of Cooperation*, 1984) it did better overall than cleverer
# entries: it was never first to defect, struck back at once, forgave as soon as the
# other side cooperated again, and was easy to read. Its success depends on repeated play
# with no known end, which Axelrod called the "shadow of the future": cooperating today
# pays because tomorrow's game depends on it. In his second tournament each game ended at
# random, so nobody could profit from defecting on a known last move. A single negotiation
# with a fixed end is different: near the end the future no longer disciplines anyone, so
# in one negotiation treat tit-for-tat as a way of pacing concessions, not as a promise of
# cooperation. Its full force returns when you will meet the same counterpart again.
#
# Faratin et al. (1998) use the same idea as a **behaviour-dependent** tactic. In
# *absolute* tit-for-tat you concede by as much as the other side conceded in its last
# move; in *relative* tit-for-tat, by the same proportion. If they step back, you step
# back by as much. Either way the offer stays within your own limits. As a seller with
# offers $x_0, \dots, x_n$ (your opening is $x_0$) facing a buyer whose last two offers
# were $y_{n-1}$ and $y_n$, absolute tit-for-tat offers next
#
# $$x_{n+1} = \min\bigl(\max\bigl(x_n - (y_n - y_{n-1}),\; r\bigr),\; x_0\bigr):$$
#
# your last offer, lowered by the buyer's last concession (raised, if the buyer stepped
# back), never below your reservation price $r$ and never above your opening.
#
# The practical rules: concede in answer to their concessions, not into silence; after a
# concession of yours, wait for one back before you move again; and if they retract an
# offer, do not reward it with a step forward.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 point): tit-for-tat's next offer
#
# Write `tit_for_tat(s, mine, theirs)`: your next offer to Orchard under absolute
# tit-for-tat. `mine` lists your offers so far, from your opening, and `theirs` Orchard's
# answers, one for each of yours (so both lists have the same length, at least 2). Keep
# within your limits: your reservation price (`s.alternative_price` plus `s.extra_cost`)
# and your opening, `mine[0]`. For example, after `mine = [118, 114]` and
# `theirs = [80, 86]`, Orchard's last concession is 6, so you offer 108.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "tit-for-tat-answer", "schema_version": 3}
def tit_for_tat(s, mine, theirs):
    """Your next offer: your last one, moved by as much as Orchard's last move."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    their_step = theirs[-1] - theirs[-2]
    return min(max(mine[-1] - their_step, reservation), mine[0])
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "tit-for-tat-test", "schema_version": 3}
"""Check that tit_for_tat copies Orchard's last move within your limits."""
check.tit_for_tat(tit_for_tat)
### BEGIN HIDDEN TESTS
check.tit_for_tat(tit_for_tat, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "arena-teaching", "schema_version": 3}
# ### Exercise: negotiate against a bot
#
# You sell, a bot buys. Your reservation price is 40; the buyer's limit lies somewhere
# from 35 to 85, drawn apart from yours and kept hidden. Unless you pick a style to
# practise against, the buyer's style is a mystery: read it from its offers, then name it
# when the talks are over and see whether you were right. Type your ask and send it,
# accept the buyer's offer, walk away politely or walk out. The buyer answers each offer
# with one of its own and a few words; it may stop before the tenth round, and says so
# when it makes its final offer. When it is over you see both concession curves, what
# each of your concessions bought compared with standing still, and the best price the
# buyer would have accepted. Tick "keep its limit" to meet another style with the same
# limit, and watch what the tit-for-tat buyer does when you make a big concession, when
# you make none, and when you take one back.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "arena", "schema_version": 3}
from course.widgets.practice import NegotiationArena

NegotiationArena()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trades-teaching", "schema_version": 3}
# ## 4. Trading across issues: logrolling and the Pareto frontier
#
# With one issue, every unit one side gains the other loses. Most real deals have several
# issues (price, delivery, payment terms, scope), and the two sides rarely care about them
# equally. That is where value can be **created**, not only **claimed** (Lax and
# Sebenius, *The Manager as Negotiator*, 1986).
#
# To compare packages, score each side's preferences as points per level of each issue
# and add them up, the additive scoring Raiffa uses in *The Art and Science of
# Negotiation* (1982). A **trade** moves one issue towards the other side (your give) and
# another towards you (your get). Count what it does to *both* sides: what the give costs
# you and is worth to them, and what the get brings you and costs them.
#
# A package is **Pareto-optimal** when no other package is better for one side without
# being worse for the other. The set of such packages is the **Pareto frontier**. A deal
# below it leaves points on the table that both sides could have shared; a deal on it
# cannot improve for one side without costing the other.
#
# The course's rule for trades follows from that picture:
#
# 1. **Never give without asking for something back.** A give with nothing in return is a
#    gift, and it tells the other side that more can be had for free.
# 2. **Below the frontier, look for trades that cost you nothing.** Give on an issue that
#    matters more to them than to you and take on one that matters more to you. Your
#    points stay level or rise while theirs rise: both sides gain. This is **logrolling**
#    (Pruitt, *Negotiation Behavior*, 1981). Measured in your own points, such a trade
#    brings back at least as much as it costs, a *trade ratio* (points back per point
#    given) of at least 1.
# 3. **On the frontier, every step that helps them costs you something,** and no trade
#    can bring you back as much as it costs. There, give where their gain per point you
#    lose is highest: cheap for you, dear to them. Make such a step only in answer to a
#    move of theirs (section 3), and stop where your limit is. (Trading one level at a
#    time, you can also get stuck below the frontier, where no such trade is free any
#    more: the same rule for concessions then applies.)
#
# First move towards the frontier (create value), then decide where on it to land (claim
# value). The small case below has six packages scored (you, them); the frontier is the
# four that nothing beats for both.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "frontier-example", "schema_version": 3}
small_case = [(4, 0), (3, 1), (1, 1), (2, 3), (0, 4), (2, 2)]
print("frontier:", pareto_frontier(small_case))
# Below the frontier, (1, 1) -> (2, 3) costs nobody anything: you gain 1, they gain 2.
# On the frontier, (3, 1) -> (2, 3) costs you 1 and gives them 2.
you_lose, they_gain = 3 - 2, 3 - 1
print("on the frontier, their gain per point you give up:", they_gain / you_lose)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner-teaching", "schema_version": 3}
# ### Exercise: the concession planner
#
# Plan the framework talks with Orchard as a series of trades, starting from the package
# that splits every issue down the middle. In each row, pick an issue to give one level
# to Orchard and an issue to take one level back. The table shows, for each trade, what
# the give costs you and is worth to Orchard, what the get brings you and costs Orchard,
# and the net for each side. A trade is marked right when it costs you nothing and helps
# Orchard, or, when no such trade is left, when it gives Orchard the most points per
# point you give up. The picture shows every package as a dot, the frontier as a line,
# and your plan as numbered steps. Try to reach the frontier with every trade marked
# right; then try one give with nothing back, and see what the table says.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner", "schema_version": 3}
from course.widgets.concessions import ConcessionPlanner

ConcessionPlanner(scenario)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): the next trade to offer Orchard
#
# Write `next_trade(s, current)`: from the package `current` (a dict of issue to level),
# consider every trade that moves one issue **one level** towards Orchard and a different
# issue **one level** towards you (`s.issues` lists each issue's levels from best for you
# to best for Orchard; `s.yours[issue][level]` and `s.theirs[issue][level]` are the
# points). Keep the trades that raise Orchard's points, and return the package after the
# best of them by the rule above, or `None` when there is none:
#
# - a trade that costs you nothing beats any that costs you something; between two such
#   trades, the one that gives Orchard more, then the one that leaves you more;
# - between trades that cost you something, the one with the most Orchard points gained
#   per point you lose, then the one that costs you less.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "next-trade-answer", "schema_version": 3}
def next_trade(s, current):
    """The package after the best one-level trade from current, or None."""
    ### BEGIN SOLUTION
    issues = s.issues
    best, best_rank = None, None
    for give, get in permutations(issues, 2):
        at_give = issues[give].index(current[give])
        at_get = issues[get].index(current[get])
        if at_give + 1 == len(issues[give]) or at_get == 0:
            continue
        package = {**current, give: issues[give][at_give + 1], get: issues[get][at_get - 1]}
        you = sum(s.yours[i][package[i]] - s.yours[i][current[i]] for i in (give, get))
        them = sum(s.theirs[i][package[i]] - s.theirs[i][current[i]] for i in (give, get))
        if them <= 0:
            continue  # Orchard gains nothing: no trade for them
        rank = (1, them, you) if you >= 0 else (0, them / -you, you)
        if best_rank is None or rank > best_rank:
            best, best_rank = package, rank
    return best
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "next-trade-test", "schema_version": 3}
"""Check that next_trade trades for free first, then concedes where it costs you least."""
check.next_trade(next_trade)
### BEGIN HIDDEN TESTS
check.next_trade(next_trade, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "meso-teaching", "schema_version": 3}
# ### Several offers at once
#
# You do not have to open the framework talks with one package. Medvec and Galinsky
# ("Putting more on the table", 2005) suggest **multiple equivalent simultaneous offers**
# (MESOs): two or three packages put forward together, each worth the same to you but
# built differently, and the other side picks one. You stay as ambitious as with a single
# offer, yet you look flexible, and their choice tells you which issues matter to them,
# which your research could only estimate. In experiments by Leonardelli, Gu, McRuer,
# Medvec and Galinsky (*Organizational Behavior and Human Decision Processes*, 2019),
# offerers who made MESOs reached better deals for themselves and higher joint gains than
# those who made a single offer, and were seen as more cooperative.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 points): three equivalent offers
#
# Write `meso(s)`: a list of three different packages (dicts of issue to level) that are
# worth exactly the same number of your points (`s.yours`), each worth more to you than
# the package that splits every issue down the middle (the middle level of each issue in
# `s.issues`). `all_packages(s.yours, s.theirs)` lists every package with both sides'
# points, if you want it.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "meso-answer", "schema_version": 3}
def meso(s):
    """Three different packages, worth the same to you, each better for you than the middle."""
    ### BEGIN SOLUTION
    middle = package_points({i: levels[1] for i, levels in s.issues.items()}, s.yours)
    by_value = {}
    for package, you, them in all_packages(s.yours, s.theirs):
        if you > middle:
            by_value.setdefault(you, []).append((them, package))
    value = max(v for v, found in by_value.items() if len(found) >= 3)
    best_for_them = sorted(by_value[value], key=lambda found: -found[0])
    return [package for _, package in best_for_them[:3]]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "meso-test", "schema_version": 3}
"""Check that meso offers three different packages worth the same to you, each ambitious."""
check.meso(meso)
### BEGIN HIDDEN TESTS
check.meso(meso, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-teaching", "schema_version": 3}
# ## 5. Difficult moments: accept, counter or walk away
#
# Sooner or later an offer arrives that throws you: far below anything discussed, with a
# sudden deadline attached, or with a sharp remark. It changes nothing about your BATNA
# or your reservation price; what it works on is your judgement. The way through is to
# have decided, before the moment comes, what you will do with any offer. There are only
# three answers.
#
# - **Accept** when the offer is at least what you would ask next. Faratin et al. (1998)
#   give their agents this acceptance rule: take the other side's offer when it is at
#   least as good as the offer you were about to make. Holding out for less than you
#   would ask yourself only delays the deal. (In module 02 both limits were known, so the
#   line was the middle of the zone; here Orchard's limit is only an estimate, so the line
#   is your own plan.) At the end of the talks there is no next offer of yours, and the
#   comparison is with your reservation price: an offer at or above it beats your BATNA.
# - **Walk away** when the best deal you can still reach is below your reservation price:
#   at the end of the talks, when the offer on the table is below it, or earlier when you
#   have good evidence that there is no zone at all (say, a budget cap below your
#   reservation price that you have reason to believe). Leaving then is not a failure; it
#   is what your reservation price is for. A walk-away also sends a signal, but only if it
#   is credible: you must be willing to take your BATNA (module 03).
# - **Counter** in every other case: while rounds remain and a deal is still possible, a
#   low offer is a reason to answer, not to leave, and not to jump.
#
# The rule tells you what to decide. What to *say* matters as much. Suppose a client who
# offered 84 and then 90 for a year of your work suddenly offers 60:
#
# 1. *Slow down.* "That is a long way from where we were last week. What has changed on
#    your side?" You learn whether something real happened (a budget cut, a rival bid) or
#    whether the number is a test.
# 2. *Reassess, then re-anchor.* If the news is real and credible, update your estimate of
#    their limit, and with it your plan. If it is not, restate the fact behind your
#    number: "The market rate for a year of this work is 118, and that is where we are."
# 3. *Move only in a trade, and only your planned step.* "I can look at 30-day payment if
#    delivery stays at 10 weeks." A big step made to calm the room is a concession nobody
#    paid for, and it moves the anchor their way.
# 4. *If there is no zone, leave well.* "At 60 we can't do this work properly. If your
#    budget moves, or a smaller scope would help, call me; I'd like to work with you."
#    Say what would bring you back, and thank them.
#
# Leaving well matters beyond politeness. How people feel after a negotiation (about the
# outcome, about themselves, about the process and about the relationship) is a measure of
# its own, which Curhan, Elfenbein and Xu called **subjective value** ("What do people
# value when they negotiate?", *JPSP*, 2006). In a two-round study by Curhan, Elfenbein
# and Eisenkraft (*Journal of Applied Social Psychology*, 2010), negotiators who felt
# better about a first negotiation did better in a second one with the same partner, even
# allowing for how well they had done the first time, and were keener to deal with that
# partner again; the first deal's economic outcome did not predict that wish.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-moment-teaching", "schema_version": 3}
# ### Exercise: a low-ball arrives
#
# You are selling; after a few rounds of steady progress the buyer suddenly offers a
# price well below everything it has offered so far. When it comes and how low it goes
# change from one moment to the next. Choose your answer: accept it, walk away politely,
# repeat your last ask, concede your usual step, concede half the gap, or type the ask
# you would make. The rest of the talks are then played against the same buyer, and it
# reads your answer: a step much bigger than your usual one tells it that pressure works.
# Compare your answer with the others.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-moment", "schema_version": 3}
from course.widgets.practice import DifficultMoment

DifficultMoment()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 points): accept, counter or walk away
#
# Write `respond(s, offer, next_ask, ceiling=None)`: Orchard has just answered your last
# offer with `offer`. `next_ask` is what your plan asks in the next round, or `None` when
# this was the last round of the talks. `ceiling` is `None`, or the most Orchard can pay
# when you have good evidence of it. Your reservation price is `s.alternative_price` plus
# `s.extra_cost`. Return `"accept"`, `"counter"` or `"walk away"` by the rule above.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "respond-answer", "schema_version": 3}
def respond(s, offer, next_ask, ceiling=None):
    """Accept, counter or walk away from Orchard's offer."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    if next_ask is None:  # the last round: the offer on the table is the best left
        return "accept" if offer >= reservation else "walk away"
    if offer >= next_ask:
        return "accept"
    if ceiling is not None and ceiling < reservation:
        return "walk away"
    return "counter"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "respond-test", "schema_version": 3}
"""Check that respond accepts, counters and walks away at the right moments."""
check.respond(respond)
### BEGIN HIDDEN TESTS
check.respond(respond, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "meet-again-teaching", "schema_version": 3}
# ### Meeting the same buyer again
#
# A negotiation ends; the relationship behind it usually goes on. Whenever you will deal
# with the same counterpart again, Axelrod's shadow of the future (section 3) is at work:
# how this negotiation ends changes how the next one begins. The arena's buyers remember
# it. A deal that was honoured builds their trust. A walk-away that leaves the door open
# ("at this price we can't do it; if anything changes on your side, call me") keeps it. A
# walk-out that burns the bridge destroys most of it, and every insulting offer and every
# offer taken back costs a little more. A buyer who trusts you more opens closer to you
# next time and stays at the table longer; one who trusts you less opens further away and
# leaves sooner.
#
# Try it in the arena above: end a negotiation one way, press "meet this buyer again" and
# compare its first offer, and how long it stays, with the first time; then walk out on a
# new buyer and meet that one again.
#
# The cell below does the same for a buyer like Orchard, whose limit is drawn for your
# case and whose style you do not know. For each way this year's talks could end, the
# engine plays a plan like yours of section 2 (Boulware concessions from an ambitious
# opening to your reservation price) against the buyer twice, this year and next year,
# for each of the four styles, and shows what you can expect to gain over your BATNA next
# year (in thousands, averaged over the styles).

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "next-year", "schema_version": 3}
next_year = check.next_year(scenario)
next_year

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "how-to-end-text", "schema_version": 3}
# ### Question 7 (2 points): how to end when you will meet again
#
# It is the last round of this year's talks, and Orchard's final offer is `offer` (in
# thousands). You will negotiate with Orchard again next year. `next_year` maps each
# ending (`"deal"`: you accept; `"polite walk-away"`; `"walk-out"`) to what you can expect
# to gain over your BATNA next year after it, as in the table above. Write
# `how_to_end(s, offer, next_year)`: return the ending worth the most over both years,
# this year's gain (the offer minus your reservation price for a deal, 0 for either
# walk-away) plus next year's. When two endings are worth the same, choose the one that
# keeps more trust: a deal, then a polite walk-away.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "how-to-end-answer", "schema_version": 3}
def how_to_end(s, offer, next_year):
    """The ending worth the most over this year's talks and next year's."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    now = {"deal": offer - reservation, "polite walk-away": 0, "walk-out": 0}
    endings = ["deal", "polite walk-away", "walk-out"]  # most trust kept first
    return max(endings, key=lambda e: (now[e] + next_year[e], -endings.index(e)))
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "how-to-end-test", "schema_version": 3}
"""Check that how_to_end weighs this year's deal against what each ending does to next year."""
check.how_to_end(how_to_end)
### BEGIN HIDDEN TESTS
check.how_to_end(how_to_end, hidden=True)
### END HIDDEN TESTS


# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 6. Reflection (2 points, graded by your instructor)
#
# Answer both parts in a few concrete sentences.
#
# 1. **Think of a concession you once made too fast.** It may be a price you dropped, a
#    deadline you accepted, extra work you took on. What did you give, what (if anything)
#    did you get back, and what made you give it then? Knowing what you know now, what
#    would you have asked for in return, and how would you have paced it?
# 2. **Think of a negotiation that ended without a deal,** or imagine walking away from
#    Orchard. How did (or would) the other side feel about the outcome, themselves, the
#    process and your relationship? What would you say as you leave, so that they would
#    want to deal with you again?
#
# Your instructor looks for: a real, specific concession with its cost and what came back
# (part 1); the pressure behind it named; a concrete return to ask for and a pacing that
# waits for a move of theirs; and in part 2, at least two of the four feelings considered
# from the other side's point of view, with words you would actually say.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer to part 1 names a real concession ("I agreed to deliver two weeks earlier
# the moment the client sounded annoyed"), what it cost ("a weekend of work, about 8
# hours") and what came back (nothing). It names the pressure behind it (fear of losing
# the client after a sharp email) and a specific return to ask for now ("earlier delivery
# in exchange for payment on delivery instead of 60 days"), with the pacing: acknowledge
# the request, ask what the earlier date is worth to them, and answer in the next meeting
# rather than on the spot. A good answer to part 2 looks at the other side: "they had
# spent a month on the brief, so ending with no deal may leave them feeling their time was
# wasted and that I was never serious". It then gives the words: "I'm sorry we couldn't
# meet at this budget. Your brief was clear and I would like to work with you; if the
# scope or the budget changes, call me first."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - The first offer anchors. Open at or just beyond your best estimate of their
#   reservation price, with a reason that is true. When an anchor lands on you, think of
#   their alternatives and your target, not your own limit.
# - Mention your alternatives as facts, never as threats; bluffing about your limit is
#   contested, inventing a rival offer is deception.
# - A concession pattern speaks: shrinking steps say you are near your limit, growing ones
#   say wait. Plan towards a target above your reservation price, and treat the agents'
#   curves as shapes, not scripts.
# - Concede in answer to concessions; tit-for-tat paces a negotiation, and its full force
#   needs a future with the same counterpart.
# - Never give without asking for something back. Below the frontier, trade for free;
#   on it, give where their gain per point you lose is highest. Several equivalent
#   offers at once keep you ambitious and show you what they value.
# - Accept what is at least your next ask; counter while a deal is possible; walk away
#   when the best deal left is below your reservation price, and leave so that they
#   would want you back.
