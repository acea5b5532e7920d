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
# # Module 03 — Power: who needs whom
#
# Some negotiators get their way without better arguments or better alternatives. They
# hold something the other side cannot do without, or they can afford to wait, or their
# vote is the one a coalition needs. This module measures those kinds of power.
#
# You will learn to
#
# 1. name where power comes from, and see it as the other side's dependence on you;
# 2. measure what controlling a scarce resource is worth, with the **Shapley value**;
# 3. see why a vote's weight and its power are different things (**voting power**);
# 4. put a number on patience, with **Rubinstein's** bargaining result;
# 5. tell when an outside option moves the deal and when it does not;
# 6. use power without waving it around.
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
from itertools import combinations

import course
from course.checks import power as check
from course.models.power import (
    banzhaf_index,
    outside_option_share,
    rubinstein_share,
    shapley_shubik_index,
    shapley_values,
)

scenario = course.variant("03_power")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "sources-teaching", "schema_version": 3}
# ## 1. Where power comes from
#
# In everyday speech, power is what a boss, a monopolist or a well-connected insider has.
# French and Raven ("The Bases of Social Power", 1959) sorted it into a few sources:
# **authority** that others accept as legitimate, the ability to **reward** or to
# **punish**, **expertise**, and the pull of someone people identify with. In a deal, one
# more source usually dominates: **control of something the other side needs**. A firm
# with a monopoly on a service sets the terms for every customer who cannot do without it.
#
# Emerson ("Power-Dependence Relations", *American Sociological Review*, 1962) turned this
# round in a way that makes it usable. Your power over someone *is* their dependence on
# you. They depend on you more the more they value what you control, and less the more
# other ways they have to get it. Power therefore belongs to a relationship, not to a
# person, and it runs both ways: you depend on them too.
#
# That gives you two levers. You gain power when the other side needs what you have more,
# or has fewer other places to get it. You lose power when you need them more, or have
# fewer alternatives yourself. The rest of this module puts numbers on both.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shapley-teaching", "schema_version": 3}
# ## 2. Scarcity as power: the Shapley value
#
# Suppose several players can earn money only by working together, and we know what every
# group (a *coalition*) could earn on its own. How much of the total should each player
# expect? Shapley ("A Value for n-Person Games", 1953) answered with one idea: imagine the
# players arriving one at a time in a random order, and pay each the amount their arrival
# adds to the group already there. A player's **Shapley value** is that addition averaged
# over every possible order:
#
# $$\varphi_i = \frac{1}{n!}\sum_{\text{orders}} \big( v(\text{those before } i \text{, and } i) - v(\text{those before } i) \big).$$
#
# The classic example is the **glove game**. One player holds a left glove, two players
# hold a right glove each, and only a pair is worth anything (say 1). Any coalition with
# the left glove and at least one right glove earns 1. The Shapley value gives the
# left-glove holder 2/3 and each right-glove holder 1/6. The left glove is scarce and the
# right gloves compete with each other, so most of the value goes to the scarce side.
#
# In the library, a game is a dict from coalition to value, and a coalition is a
# `frozenset` of names. The empty coalition can be left out; every other one must be there.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "glove-example", "schema_version": 3}
players = ["Left", "Right 1", "Right 2"]
glove_game = {}
for size in range(1, len(players) + 1):
    for group in combinations(players, size):
        pair = "Left" in group and len(group) > 1
        glove_game[frozenset(group)] = 1 if pair else 0
shapley_values(players, glove_game)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "market-teaching", "schema_version": 3}
# The same logic describes a seller with one item and competing buyers. A buyer who
# values the item at $v_1$ and a rival who values it at $v_2 < v_1$ make a three-player
# game: any coalition with the seller and a buyer earns the best valuation among its
# buyers, and any coalition without the seller earns nothing. Working through the six
# orders gives the seller $(3v_1 + v_2)/6$.
#
# Look at the $v_2$ in that formula. The rival never buys the item, yet every unit the
# rival would pay raises the seller's value by a sixth of a unit. The rival buyer is the
# seller's BATNA: the keen buyer cannot pretend the item is worth little to everyone.
# Remove the rival and the game has two players who split $v_1$ evenly.
#
# ### Exercise: the power explorer
#
# The first tab is a coalition game: type what each coalition earns and watch the Shapley
# values. It opens on the glove game; try giving the right gloves to one person, or making
# a single right glove worth less. The second tab is a weighted vote, for section 3.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "power-explorer", "schema_version": 3}
from course.widgets.power import PowerExplorer

PowerExplorer()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (1 point): Kestrel's licence as a game
#
# Write `market_game(s)`. It takes a scenario like yours and returns the licence market as
# a dict from every coalition of `"Kestrel"`, `"Atlas"` and `"Borealis"` (as a
# `frozenset`) to what that coalition can earn (`s.atlas_value`, `s.borealis_value`).
# `combinations` from `itertools` is already imported and lists the groups of a given
# size. The check runs it on your scenario; grading also runs it on other learners'.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "market-game-answer", "schema_version": 3}
def market_game(s):
    """Each coalition of Kestrel, Atlas and Borealis mapped to what it can earn."""
    ### BEGIN SOLUTION
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    game = {}
    for size in range(4):
        for group in combinations(["Kestrel", "Atlas", "Borealis"], size):
            offers = [values[name] for name in group if name in values]
            game[frozenset(group)] = max(offers) if "Kestrel" in group and offers else 0
    return game
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "market-game-test", "schema_version": 3}
"""Check that market_game gives every coalition of the licence market what it can earn."""
check.market_game(market_game)
### BEGIN HIDDEN TESTS
check.market_game(market_game, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): what is the rival buyer worth to you?
#
# Write `rival_worth(s)`: how much higher Kestrel's Shapley value is with both buyers in
# the market than it would be if Atlas were the only buyer. Build both games from
# `market_game(s)` and let `shapley_values` do the averaging.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "rival-worth-answer", "schema_version": 3}
def rival_worth(s):
    """Kestrel's Shapley value with Borealis in the market, minus without it."""
    ### BEGIN SOLUTION
    game = market_game(s)
    both = shapley_values(["Kestrel", "Atlas", "Borealis"], game)["Kestrel"]
    atlas_only = {group: value for group, value in game.items() if "Borealis" not in group}
    alone = shapley_values(["Kestrel", "Atlas"], atlas_only)["Kestrel"]
    return both - alone
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "rival-worth-test", "schema_version": 3}
"""Check that rival_worth measures what Borealis adds to Kestrel's Shapley value."""
check.rival_worth(rival_worth)
### BEGIN HIDDEN TESTS
check.rival_worth(rival_worth, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-teaching", "schema_version": 3}
# ## 3. Power in groups: votes are not power
#
# Boards, councils, shareholder meetings and alliances often decide by **weighted vote**:
# each member has a number of votes and a proposal passes when its supporters reach a
# quota. It is tempting to read a member's share of the votes as their share of the power.
# It is not.
#
# Two measures look at what actually matters, whether a member's vote can change the
# result:
#
# - **Shapley–Shubik index** (Shapley & Shubik, *American Political Science Review*,
#   1954): line the members up in every possible order and count how often a member is
#   the one whose vote first reaches the quota. It is the Shapley value of the vote.
# - **Banzhaf index** (Banzhaf, *Rutgers Law Review*, 1965): count the *swings*, losing
#   coalitions that a member's vote turns into winning ones, and divide each member's
#   count by the total, so the indices add up to 1.
#
# Write a vote as $[q;\, w_1, w_2, \dots]$, the quota then the weights. In $[4;\, 3, 2, 1]$
# the member with 3 votes needs either partner, and either partner needs the 3. The two
# small members hold half as many votes as each other, yet have exactly the same power.
#
# The sharpest case is history. In the Council of Ministers of the European Economic
# Community of 1958, France, Germany and Italy had 4 votes each, Belgium and the
# Netherlands 2, Luxembourg 1, and a decision needed 12. Every total the other five can
# make is even, so no coalition ever sits at 11 waiting for one more vote: Luxembourg had
# a vote and no power at all.
#
# The library computes both indices without listing all orders: it counts, for every
# coalition size, how many coalitions reach each total (a generating function), so even a
# vote of 20 members takes a fraction of a second.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-example", "schema_version": 3}
eec_1958 = [4, 4, 4, 2, 2, 1]
print("[4; 3, 2, 1] Banzhaf:", *banzhaf_index(4, [3, 2, 1]))
print("EEC 1958 Banzhaf:", *banzhaf_index(12, eec_1958))
print("EEC 1958 Shapley-Shubik:", *shapley_shubik_index(12, eec_1958))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-exercise", "schema_version": 3}
# Open the **weighted vote** tab of the power explorer above and type the EEC's votes.
# Then give Luxembourg a second vote, or move the quota to 11, and watch its power.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 point): who has votes but no power?
#
# Write `powerless_members(s)`: the set of names of the association's members whose votes
# never decide anything (`s.members` lists `(name, votes)` pairs; `s.names`,
# `s.weights` and `s.quota` are there too).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "powerless-members-answer", "schema_version": 3}
def powerless_members(s):
    """The names of the members whose votes never swing a decision."""
    ### BEGIN SOLUTION
    power = banzhaf_index(s.quota, s.weights)
    return {name for name, share in zip(s.names, power, strict=True) if share == 0}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "powerless-members-test", "schema_version": 3}
"""Check that powerless_members finds the members whose votes never decide anything."""
check.powerless_members(powerless_members)
### BEGIN HIDDEN TESTS
check.powerless_members(powerless_members, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (2 points): how many votes does Kestrel need to matter?
#
# Kestrel is the last member in `s.members`. Write `votes_needed(s)`: the smallest whole
# number of votes (1 or more) with which Kestrel's vote would decide something, the other
# members' votes and the quota staying as they are. If Kestrel's vote already matters,
# that number may be what it has now.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "votes-needed-answer", "schema_version": 3}
def votes_needed(s):
    """The fewest votes that give Kestrel some voting power."""
    ### BEGIN SOLUTION
    others = s.weights[:-1]
    votes = 1
    while banzhaf_index(s.quota, [*others, votes])[-1] == 0:
        votes += 1
    return votes
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "votes-needed-test", "schema_version": 3}
"""Check that votes_needed finds the fewest votes that let Kestrel swing a decision."""
check.votes_needed(votes_needed)
### BEGIN HIDDEN TESTS
check.votes_needed(votes_needed, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "patience-teaching", "schema_version": 3}
# ## 4. Patience as power
#
# Time costs something in almost every negotiation: a contract not signed is income not
# earned, and a deal next month is worth less than the same deal today. Call $\delta$ (a
# *discount factor* between 0 and 1) what a deal one round later is worth compared with
# the same deal now. A side with $\delta$ close to 1 can wait; a side with a small
# $\delta$ is in a hurry.
#
# Rubinstein ("Perfect Equilibrium in a Bargaining Model", *Econometrica*, 1982) studied
# two sides splitting a pie of 1 by taking turns: one proposes, the other accepts or
# rejects and proposes next round. With discount factors $\delta_1$ for the side that
# proposes first and $\delta_2$ for the other, there is one sensible (subgame perfect)
# outcome: agreement at once, with the first proposer getting
#
# $$x_1 = \frac{1 - \delta_2}{1 - \delta_1 \delta_2}, \qquad x_2 = 1 - x_1 .$$
#
# The first proposer offers the other side exactly what waiting a round would be worth to
# them, and no more. The more patient you are, the more waiting is worth to you, so the
# more you must be offered. When both are equally patient, each side gets close to half
# as $\delta$ approaches 1.
#
# This is why the supplier who is short of other clients, the impatient one, accepts
# terms that a busy supplier would refuse. Knowing the other side's deadline is
# information; being able to wait longer than them is power.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "patience-example", "schema_version": 3}
for hurried, calm in [(0.9, 0.9), (0.6, 0.95), (0.95, 0.6)]:
    share = rubinstein_share(hurried, calm)
    print(
        f"first proposer with delta {hurried}, responder with {calm}: {share:.2f} / {1 - share:.2f}"
    )

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "outside-teaching", "schema_version": 3}
# ## 5. Outside options: when walking away changes the deal
#
# Suppose the responder can walk away, whenever they answer an offer, to an outside
# option worth $b$ (a share of the pie). A natural guess is *split the difference*: the
# responder first gets $b$, then half of the rest, $b + (1-b)/2$. The theory says
# something different, the **deal-me-out** result (Shaked & Sutton, 1984; Osborne &
# Rubinstein, *Bargaining and Markets*, 1990, section 3.12). With equal discount factors
# $\delta$, the responder gets
#
# $$\max\left(\frac{\delta}{1+\delta},\ b\right).$$
#
# If the outside option is worth less than what you would get at the table anyway, it
# changes nothing: a threat to walk away to something worse is not credible. If it is
# worth more, the other side must match it, and it sets your share exactly. It is a floor,
# not a bonus. Binmore, Shaked and Sutton ("An Outside Option Experiment", *Quarterly
# Journal of Economics*, 1989) put the two predictions to people bargaining in the
# laboratory, and deal-me-out described their agreements better.
#
# With different discount factors the rule is the same: the responder gets the larger of
# their Rubinstein share and their outside option.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "outside-example", "schema_version": 3}
for b in (0.1, 0.3, 0.6):
    print(
        f"outside option {b}: deal-me-out {outside_option_share(0.9, b):.3f}, "
        f"split the difference {b + (1 - b) / 2:.3f}"
    )

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pie-exercise", "schema_version": 3}
# ### Exercise: the shrinking pie
#
# Set your patience, the computer's and the computer's outside option, and read the
# equilibrium split. Then play: offer the computer a share. It answers the way the theory
# says a rational side would, accepting, walking away or proposing a split of its own a
# round later, when the pie is worth less to both of you. Try an offer below its
# equilibrium share, and compare what you end up with.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pie-game", "schema_version": 3}
from course.widgets.power import ShrinkingPieGame

ShrinkingPieGame()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 points): Kestrel's deal with Granite
#
# Write `granite_deal(s)`: the amount of the Granite contract's margin Kestrel ends up with
# in equilibrium. Granite proposes first (`s.delta_them`), Kestrel responds
# (`s.delta_you`), the margin is `s.contract_value`, and Kestrel can walk away to Harrow's
# `s.outside_offer` whenever it answers an offer. Return an amount of money.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "granite-deal-answer", "schema_version": 3}
def granite_deal(s):
    """What Kestrel gets from the Granite contract, given both sides' patience and Harrow."""
    ### BEGIN SOLUTION
    granite_share = rubinstein_share(s.delta_them, s.delta_you)
    at_the_table = s.contract_value * (1 - granite_share)
    return max(at_the_table, s.outside_offer)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "granite-deal-test", "schema_version": 3}
"""Check that granite_deal combines both sides' patience with Harrow's offer."""
check.granite_deal(granite_deal)
### BEGIN HIDDEN TESTS
check.granite_deal(granite_deal, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "using-teaching", "schema_version": 3}
# ## 6. Using power without flaunting it
#
# Power you hold and power you brandish work differently. A threat tells the other side
# that you see the relationship as a contest, invites a threat in return, and, if you
# have to carry it out, usually hurts you as well. In Deutsch and Krauss's trucking game
# ("The Effect of Threat upon Interpersonal Bargaining", 1960), pairs who could block each
# other's route did worse together than pairs who could not, and worst of all when both
# could.
#
# The numbers above suggest quieter ways to use the same power:
#
# - **Let the facts speak.** A rival buyer raises your value because the other side knows
#   about it. Mentioning that others are interested does the work; an ultimatum adds risk
#   and nothing else.
# - **Mention an alternative only if it beats the table.** Deal-me-out says a weak outside
#   option moves nothing, so waving it around spends credibility for no gain.
# - **Align your strength with their need.** The Shapley value pays you for what you add
#   to the group. Showing how your scarce resource solves *their* problem makes the
#   addition visible and gives them a reason to agree that is not fear.
# - **Remember that dependence runs both ways.** The other side has power over you too,
#   and a relationship you may need again is worth protecting when you hold the stronger
#   hand today.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 7. Reflection (2 points, graded by your instructor)
#
# Think of a negotiation you know: at work, with a landlord, a supplier, a club.
# **Map who depends on whom.** Name the parties, what each controls that the other needs,
# and what alternatives each has. Say who can wait longer, and whose outside option (if
# any) beats what they would get at the table. Then say which one change would shift the
# balance most, and how you would use it without making a threat. A short paragraph is
# enough; concrete beats general.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer names the parties ("our team and the one vendor whose software runs our
# billing"), what each needs from the other (we need their updates; they need our renewal,
# about a tenth of their revenue), each side's alternatives (a migration would take us a
# year; they have other clients), and who is in a hurry (our renewal deadline is in two
# months). It picks the change with most effect (start a pilot with a second vendor, which
# gives us a real outside option) and how to use it quietly (mention the pilot when
# discussing the renewal, not as an ultimatum).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Power is the other side's dependence on you: how much they need what you control, and
#   how few other ways they have to get it. It runs both ways.
# - The Shapley value measures what scarcity is worth: the side that is hard to replace
#   earns most, and a rival bidder raises your value even if they never buy.
# - Votes are not power: count who can swing a decision (Shapley–Shubik, Banzhaf). A
#   member can hold votes and no power at all.
# - Patience is power: in Rubinstein's game the side that can wait gets more.
# - An outside option counts only when it beats what you would get anyway; then it sets
#   your share, it does not add to it.
# - Use power quietly: facts and aligned interests persuade; threats invite threats.
