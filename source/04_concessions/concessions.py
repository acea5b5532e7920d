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
# Knowing your leverage is half the work. The other half happens at the table: what you
# ask for first, how fast you give ground, what you take back for each step, and what you
# do when the other side surprises you. This module turns each of those into something
# you can plan and practise.
#
# You will learn to
#
# 1. open with an offer grounded in your leverage, and see why it anchors the outcome;
# 2. plan your concessions over time, and read what the other side's pattern tells you;
# 3. use reciprocity: match concessions, and stop giving when nothing comes back;
# 4. trade across several issues so both sides gain, and find the **Pareto frontier**;
# 5. handle a difficult moment without rushing, and walk away without burning the bridge.
#
# It takes about 50 minutes. Run the cells from top to bottom. Cells that say
# `YOUR CODE HERE` are yours; the cells after them check your answer and tell you what
# to fix. Every learner gets their own numbers, so your answers are yours alone.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell loads the course library and draws your scenario. The first time, it asks
# for your course id instead: type the id your instructor gave you in the box and press
# Enter. Your scenario then appears under the box, and this computer remembers the id.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
from itertools import product

from IPython.display import HTML

import course
from course.checks import concessions as check
from course.models.concessions import (
    concession_fraction,
    pareto_frontier,
    time_dependent_offer,
    trade_ratio,
)

scenario = course.variant("04_concessions")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-teaching", "schema_version": 3}
# ## 1. Opening strong: the first offer anchors
#
# The first number spoken in a negotiation has a pull out of proportion to its merit.
# Tversky and Kahneman ("Judgment under Uncertainty: Heuristics and Biases", *Science*,
# 1974) showed that people who estimate a quantity start from whatever number is in front
# of them and adjust too little away from it, even when they know the number is
# arbitrary. They called it **anchoring**.
#
# At the table, the first offer is that number. Galinsky and Mussweiler ("First offers as
# anchors", *Journal of Personality and Social Psychology*, 2001) found that in price
# negotiations the final price tended to land closer to whichever side had opened, and
# that the counterpart could weaken the pull by thinking hard about their own alternatives
# and about the opener's weak points. Opening first is therefore an advantage when you
# know the range well, and a risk when you do not: an uninformed opening may give away
# more than any later concession.
#
# A strong opening is ambitious and *grounded*. Ambitious: it sits well inside the other
# side's part of the zone, because you can concede from a high opening but you can rarely
# climb back up from a low one. Grounded: you can give a reason for it that rests on your
# leverage, such as your alternatives, what the work is worth to them, or what the market
# pays. An opening you cannot explain invites a walk-out; one you can explain becomes the
# reference point for everything that follows.
#
# In your scenario, your opening, your BATNA (Birch) and the extra cost of Orchard's job
# are given. Your **reservation price**, as in module 02, is your BATNA corrected for what
# this deal costs you more: Birch's price plus the extra cost.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-teaching", "schema_version": 3}
# ## 2. Concession patterns: Boulware, linear and Conceder
#
# Faratin, Sierra and Jennings ("Negotiation decision functions for autonomous agents",
# *Robotics and Autonomous Systems* 24, 1998) describe a family of **time-dependent
# tactics**. By round $t$ of a negotiation that must end by round $T$, a negotiator has
# conceded a fraction
#
# $$\alpha(t) = \kappa + (1 - \kappa) \left(\frac{\min(t, T)}{T}\right)^{1/\beta}$$
#
# of the way from the opening $x_0$ to the reservation price $r$, so the offer is
#
# $$x(t) = x_0 + \alpha(t)\,(r - x_0).$$
#
# $\kappa$ is the part conceded in the opening itself (0 here). The exponent $\beta$ sets
# the pattern:
#
# - $\beta < 1$, **Boulware**: hold firm for most of the time and give ground near the
#   deadline. It signals confidence and a good alternative, and it does well against
#   patient counterparts, at the risk of an impasse.
# - $\beta = 1$, **linear**: the same step every round. Easy to read, which is both its
#   strength and its weakness.
# - $\beta > 1$, **Conceder**: give most of the ground early. It signals eagerness or a
#   weak alternative; the other side learns that waiting pays.
#
# What your pattern *signals* matters as much as where it ends. Concessions that shrink
# from round to round tell the other side you are nearing your limit; big or growing steps
# tell them there is more to come. The curves below start at 100, end at 40 in round 10,
# and differ only in $\beta$.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-example", "schema_version": 3}
from course.pictures_concessions import tactic_curves

for beta in (0.2, 1.0, 5.0):
    alpha = concession_fraction(5, 10, beta)
    offer = time_dependent_offer(5, 10, 100, 40, beta)
    print(f"β = {beta}: by round 5 it has conceded {alpha:.0%}, offering {offer:.1f}")
HTML(tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 5.0)))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 points): your offer in round t
#
# Write `my_offer(s, t)`: your offer to Orchard in round `t` under your plan. You open at
# `s.opening` in round 0 and concede with the tactic above (polynomial, $\kappa = 0$,
# $\beta$ = `s.beta`) to your reservation price by round `s.deadline`, and you stay there
# afterwards. Work out the reservation price from your BATNA (`s.alternative_price`) and
# `s.extra_cost` yourself. The check tries every round of your plan and a few after it.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-offer-answer", "schema_version": 3}
def my_offer(s, t):
    """Kite's offer to Orchard in round t."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    return time_dependent_offer(t, s.deadline, s.opening, reservation, s.beta)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "my-offer-test", "schema_version": 3}
"""Check that my_offer concedes from the opening to the reservation price with your β."""
check.my_offer(my_offer)
### BEGIN HIDDEN TESTS
check.my_offer(my_offer, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reciprocity-teaching", "schema_version": 3}
# ## 3. Reciprocity and tit-for-tat
#
# Most people feel bound to return a favour, a concession included; Cialdini
# (*Influence*, 1984) calls it the norm of **reciprocity**. It works for you and against
# you. A concession that is matched keeps the talks moving. A concession that is *not*
# matched teaches the other side that pressing works, and the next one will be expected
# sooner.
#
# **Tit-for-tat** makes reciprocity a rule: start cooperatively, then do what the other
# side did last. In Axelrod's tournaments of the repeated prisoner's dilemma (*The
# Evolution of Cooperation*, 1984) this simple rule did better overall than cleverer
# entries, because it is nice (never the first to defect), retaliates at once, forgives
# as soon as the other side returns to cooperation, and is easy to read. Faratin et al.
# (1998) use the same idea as a **behaviour-dependent** tactic: concede as much as the
# other side conceded in its last move, either the same amount or the same proportion.
#
# The practical rules: make your concessions in answer to theirs, not into silence; after
# a concession of yours, wait for one back before you move again; and if they step back
# (retract an offer), do not reward it with a step forward.
#
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
# ## 4. Calculated give-and-take: trades, logrolling and the Pareto frontier
#
# With a single issue, every unit one side gains the other loses. Most real deals have
# several issues (price, delivery, payment terms, scope) and the two sides rarely care
# about them equally. That is where value can be **created** rather than only
# **claimed** (Lax and Sebenius, *The Manager as Negotiator*, 1986).
#
# Score each side's preferences as points per level of each issue and add them up: the
# additive scoring Raiffa uses in *The Art and Science of Negotiation* (1982). A **trade**
# moves some issues towards the other side and others towards you. Its **trade ratio**,
# in your own points, is
#
# $$\text{trade ratio} = \frac{\text{points you gain on the issues that move your way}}{\text{points you lose on the issues you give}} .$$
#
# The rule of calculated give-and-take: make no concession without getting back at least
# as much as it costs you, a ratio of at least 1. A give with nothing in return is not
# generosity; it is a signal that more can be had for free.
#
# **Logrolling** is the trade that makes this easy (Pruitt, *Negotiation Behavior*, 1981):
# give on the issues that matter more to them than to you, and take on those that matter
# more to you. Both sides end up better off than by splitting every issue down the middle.
#
# A package is **Pareto-optimal** when no other package is better for one side without
# being worse for the other. The set of those packages is the **Pareto frontier**: every
# deal off it leaves value on the table that both sides could have shared. First move
# towards the frontier (create value), then decide where on it to land (claim value).

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "frontier-example", "schema_version": 3}
small_case = [(4, 0), (3, 1), (1, 1), (2, 3), (0, 4), (2, 2)]
print("frontier:", pareto_frontier(small_case))
print("give 20 points for 30 back:", trade_ratio(30, 20))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): the Pareto frontier of the framework contract
#
# Write `pareto_packages(s)`: every package of the framework contract on the Pareto
# frontier, as a list of dicts of issue to level, e.g. `{"discount": "5%", "delivery":
# "10 weeks", "payment": "upfront", "revisions": "3 rounds"}`. `s.issues` maps each issue
# to its levels; `s.yours[issue][level]` and `s.theirs[issue][level]` are your points and
# Orchard's. A package is on the frontier when no other package gives one side more
# points and the other side no fewer. `pareto_frontier` works on points, not packages:
# you may use it, or compare the packages directly.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "pareto-packages-answer", "schema_version": 3}
def pareto_packages(s):
    """The framework packages no other package beats for both sides."""
    ### BEGIN SOLUTION
    packages = [dict(zip(s.issues, levels, strict=True)) for levels in product(*s.issues.values())]

    def points(package):
        you = sum(s.yours[issue][level] for issue, level in package.items())
        them = sum(s.theirs[issue][level] for issue, level in package.items())
        return you, them

    frontier = set(pareto_frontier([points(p) for p in packages]))
    return [p for p in packages if points(p) in frontier]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "pareto-packages-test", "schema_version": 3}
"""Check that pareto_packages lists exactly the packages no other beats for both sides."""
check.pareto_packages(pareto_packages)
### BEGIN HIDDEN TESTS
check.pareto_packages(pareto_packages, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 point): is this trade worth it?
#
# Write `trade_ratio_of(s, current, proposed)`: the trade ratio, in your points, of moving
# from the package `current` to the package `proposed`. Add up what you gain on the issues
# that move your way and divide by what you lose on the issues that move Orchard's way.
# Return `None` when you lose nothing (then it is not a concession at all). A ratio of at
# least 1 means the trade is worth making.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "trade-ratio-of-answer", "schema_version": 3}
def trade_ratio_of(s, current, proposed):
    """Your points won per point given when moving from current to proposed, or None."""
    ### BEGIN SOLUTION
    changes = [s.yours[i][proposed[i]] - s.yours[i][current[i]] for i in s.issues]
    given = -sum(change for change in changes if change < 0)
    if given == 0:
        return None
    return trade_ratio(sum(change for change in changes if change > 0), given)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "trade-ratio-of-test", "schema_version": 3}
"""Check that trade_ratio_of divides what you win by what you give, in your own points."""
check.trade_ratio_of(trade_ratio_of)
### BEGIN HIDDEN TESTS
check.trade_ratio_of(trade_ratio_of, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner-teaching", "schema_version": 3}
# ### Exercise: the concession planner
#
# Plan the framework talks with Orchard as a series of trades, starting from your ideal
# package. In each trade you give on one issue and ask for something back on another.
# Every give that does not bring back at least as many of your points is flagged, and the
# picture shows where each step lands against the Pareto frontier: dots are all the
# packages, the line is the frontier. Try to end on the frontier with every ratio at
# least 1.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner", "schema_version": 3}
from course.widgets.concessions import ConcessionPlanner

ConcessionPlanner(scenario)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-teaching", "schema_version": 3}
# ## 5. Difficult moments
#
# Sooner or later the other side does something that knocks you off balance: an offer far
# below anything discussed, a sudden deadline, a sharp remark. The moment itself changes
# nothing about your alternatives or your limits. What it tries to change is your
# judgement, so treat it as information, not as an insult.
#
# - **Reassess, do not react.** Ask what changed: a new competitor, a budget cut, a test
#   of your resolve? Check your leverage again against your BATNA. If nothing real
#   changed, your plan still holds.
# - **Do not rush a concession.** A big step made to calm the room is a concession with
#   nothing in return, and it resets the anchor in their favour. Repeat your last offer,
#   ask a question, take a break.
# - **Know your limits.** Your reservation price was set before the talks for exactly this
#   moment. An offer below it is worse than your BATNA, however the offer is framed.
# - **Walk away as a signal, and leave the door open.** Leaving when the deal falls below
#   your limit is strength, not failure. Say so calmly, say what would bring you back, and
#   keep the relationship intact for the next time.
#
# The formal version of "do not rush" is Faratin et al.'s acceptance rule: accept the
# other side's offer only when it is at least as good as the offer you would make next;
# otherwise counter, as long as there is time. Only when time is up and the offer is still
# below your reservation price is walking away the best answer.
#
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

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): the best response to an offer
#
# Write `respond(s, t, offer)`: in round `t` you made your planned offer and Orchard
# answered with `offer`. Return `"accept"` when the offer is at least what you would ask
# next round (your plan's offer in round `t + 1`), `"walk away"` when it is not and your
# deadline `s.deadline` has been reached (there is no next round worth waiting for), and
# `"counter"` otherwise. Use your `my_offer` from question 1.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "respond-answer", "schema_version": 3}
def respond(s, t, offer):
    """Accept, counter or walk away from Orchard's offer in round t."""
    ### BEGIN SOLUTION
    if offer >= my_offer(s, t + 1):
        return "accept"
    if t >= s.deadline:
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
# ### Question 5 (2 points): how to end when you will meet again
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
# **Think of a concession you once made too fast.** It may be a price you dropped, a
# deadline you accepted, extra work you took on. What did you give, what (if anything) did
# you get back, and what made you give it then? Knowing what you know now, **what would
# you ask for in return**, and how would you have paced it? A few concrete sentences are
# enough.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer names a real concession ("I agreed to deliver two weeks earlier the
# moment the client sounded annoyed"), what it cost ("a weekend of work, about 8 hours")
# and what came back (nothing). It explains the pressure behind it (fear of losing the
# client after a sharp email) and names a specific return to ask for now ("earlier
# delivery in exchange for payment on delivery instead of 60 days"), with the pacing:
# acknowledge the request, ask what the earlier date is worth to them, and answer in the
# next meeting rather than on the spot.
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - The first offer anchors: open ambitiously, with a reason rooted in your leverage.
# - Plan your concessions: a Boulware pattern (β < 1) holds firm and signals strength; a
#   Conceder pattern (β > 1) teaches the other side to wait.
# - Concede in answer to concessions; tit-for-tat is nice, firm, forgiving and clear.
# - Every give must bring back at least as much as it costs you: a trade ratio of 1 or
#   more. Trade cheap issues for dear ones and move towards the Pareto frontier.
# - In a difficult moment, reassess instead of reacting; never rush a concession; accept
#   only what beats your next offer, and walk away below your limit, leaving the door open.
