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
# Module 00 sorted leverage into three sources: what a side knows, what it could do
# instead, and what the other side needs from it: a resource it holds, a say that comes
# with its role, a skill others rely on. This module
# is about the third, **power**: your power over someone is how much they depend on you.
#
# You will learn to read power as dependence and name its base; to weigh a scarce resource
# against the **Shapley value** (a benchmark of a fair split, not a price) and the
# **core** (what competition leaves you); to tell a vote's weight from its **voting
# power**; to price patience with **Rubinstein's** model and read its limits; to
# tell an alternative you walk out to from one you are left with when talks fail; to
# choose the move that strengthens your hand most; and to use power without threats
# (section 7), and only power that is yours.
#
# It takes 8 to 10 hours for most learners, best in three sittings: sections 1 to 3 (three
# to four hours), sections 4 and 5 (three to four hours), then sections 6 to 8 (about two
# hours).
# Section 5 holds four of the nine questions. Folded notes marked *Optional* can be
# skipped.
#
# Run the cells from top to bottom. Write your code where a cell says `YOUR CODE HERE`;
# the cell after it checks it and says what to fix. Some texts come from lists the
# class shares; your numbers are yours alone. A check tries your function on your own
# scenario and on a few public ones of other learners (their ids start with
# `self-check`), so that a rule that fits only your numbers shows up before grading;
# grading tries others.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell draws your scenario. The first time, type the course id your instructor
# gave you and press Enter; this computer then remembers it.
#
# Your scenario is the variable `scenario`; the functions you write take it as their
# argument `s` (`s.atlas_value` is `scenario.atlas_value`). Each part of the story names,
# in brackets, the fields that hold its numbers, and the section that defines any term
# it uses before that section does.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
from itertools import combinations

import course
from course.checks import power as check
from course.models.power import (
    banzhaf_index,
    bargaining_split,
    blocking_coalition,
    rubinstein_share,
    shapley_shubik_index,
    shapley_values,
)

scenario = course.variant("03_power")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "sources-teaching", "schema_version": 3}
# ## 1. Where power comes from
#
# French and Raven ("The Bases of Social Power", 1959) named five bases of power:
# **legitimate** authority, a role others accept; the ability to **reward**; the ability
# to **coerce**; **expert** knowledge; and **referent** power, the pull of someone others
# admire. Their reward and coercive power both rest on control of what the other side
# values. This course groups those two with scarcity under one base: **control of
# something the other side needs**.
#
# Emerson ("Power-Dependence Relations", *American Sociological Review*, 1962) turned the
# idea round: your power over someone *is* their dependence on you, which grows the more
# they value what you control and shrinks the more other ways they have to get it. So
# power belongs to a relationship, not to a person, and runs both ways. This
# power-dependence view was one foundation of resource-dependence theory (Pfeffer &
# Salancik, *The External Control of Organizations*, 1978).
#
# That gives each side two levers: make what it controls matter more to the other side,
# or leave it fewer ways around it (its alternatives, module 02).
#
# This course names four bases:
#
# - **authority**: a role or office that both sides accept gives someone the say, such as
#   the manager who must sign a contract or the chair who sets a board's agenda (French
#   and Raven's *legitimate* power; section 7 uses "legitimate" in another sense);
# - **expert**: others rely on what someone knows and they do not;
# - **referent**: others admire or identify with someone, and want their approval;
# - **resource**: someone controls a thing others must get, such as a part, a licence or a
#   machine. A **monopoly** is its strongest form: nobody else has the thing.
#
# One fact can show two bases. The manager who must sign a contract holds authority (the
# say comes with her role) and a resource (the contract the other side needs). A chair's
# say over what reaches a vote hands over no such thing: that is authority alone.
#
# Expert and referent power work through what others believe about you, which you can
# build but not order, not through a thing that changes hands. That is influence.
#
# **Trust and credibility.** Module 00 counts the other side's trust in your word as
# part of power. It is not a fifth base here but what lets the four work: a promise, a
# warning or an alternative you name moves the other side only as far as they believe it.
# Trust in how you deal is credibility: a record of saying true things and doing what you
# said, which a called bluff spends (section 7).
#
# Every base is a dependence: whoever needs the signature, the knowledge, the approval or
# the thing depends on whoever can give it; the say that comes with a role belongs to
# whoever holds the role.


# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "power-sources-text", "schema_version": 3}
# ### Question 1 (2 marks): whose power, and of what kind?
#
# *Your own facts are marked only at grading: the self-check judges the practice facts,
# and of your own answers only their form.*
#
# Your scenario lists four facts about who needs whom, A to D (`scenario.power_facts`,
# story part 7). For each, name the base of power at work, one of `"authority"`,
# `"expert"`, `"referent"` or `"resource"`, and who depends on whom, `"them on Kestrel"`
# or `"Kestrel on them"`. Where a role-holder can give or withhold a thing that changes
# hands (a contract, the use of a berth), either base is accepted. Write
# `power_sources()`, returning a dict from letter to a pair, for example `return {"A":
# ("expert", "them on Kestrel"), ...}`. Each fact with both parts right earns half a mark;
# if all four pairs are the same, none earns anything.
#
# Practise first on four facts, the same for every learner, that earn no marks: answer
# them in the same dict, under the numbers 1 to 4
# (`{1: ..., 4: ..., "A": ..., "D": ...}`):
#
# 1. The port's harbour master, whose office both the port's users and its owners
#    accept, decides which ship gets the last free berth this winter, and Kestrel's
#    shipment of steel needs one.
# 2. Kestrel owns the only salt-spray test chamber in the country, and Vane Motors may
#    not sell its new door hinge until the hinge has passed a test in such a chamber.
# 3. Vane Motors' designers cannot work out why their new paint blisters in the cold;
#    Kestrel's senior chemist has solved the same problem before and can tell them.
# 4. Vane Motors' founder, now its honorary chair, is a legend among engineers; Kestrel's
#    apprentices ask to meet her and hope she will think well of their work.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "power-sources-answer", "schema_version": 3}
def power_sources():
    """Each practice fact, by number, and each fact of your scenario, by letter: (base of
    power, who depends on whom)."""
    ### BEGIN SOLUTION
    # A learner reads the four facts and writes the dict out; this reads them by a phrase
    # of each story, so that it is right for every learner.
    them, kestrel = "them on Kestrel", "Kestrel on them"
    answers = {
        "only licence": ("resource", them),
        "bracket": ("resource", them),
        "furnace": ("resource", kestrel),
        "rare alloy": ("resource", kestrel),
        "head of purchasing": ("authority", kestrel),
        "chair": ("authority", kestrel),
        "lead bidder": ("authority", them),
        "invented": ("expert", them),
        "chemist": ("expert", them),
        "metallurgist": ("expert", kestrel),
        "founder is admired": ("referent", them),
        "looks up to": ("referent", kestrel),
    }
    practice = {
        1: ("authority", kestrel),
        2: ("resource", them),
        3: ("expert", them),
        4: ("referent", kestrel),
    }
    return practice | {
        f.letter: next(answer for phrase, answer in answers.items() if phrase in f.text)
        for f in scenario.power_facts
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "power-sources-test", "schema_version": 3}
"""Check that power_sources names each fact's base of power and who depends on whom."""
check.power_sources(power_sources)
### BEGIN HIDDEN TESTS
check.power_sources(power_sources, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shapley-teaching", "schema_version": 3}
# ## 2. Scarcity as power: a fair split, and what competition leaves
#
# Suppose several players earn money only by working together, and you know what each
# group of them, a **coalition**, could earn on its own. Which division is *fair*, given
# what each contributes, and which *survives competition*? The answers differ.
#
# **The Shapley value, a benchmark of fairness.** Shapley ("A Value for n-Person Games",
#  1953) asked for a division with four properties (as textbooks state them today; his own
#  "carrier" axiom joins the first and third): it shares out exactly what all players
#  together earn; two players who add the same to every coalition get the same; a player
#  who adds nothing to any coalition gets nothing; and for two games added coalition by
#  coalition, each player gets the sum of its two payments. Exactly one division has all
#  four. In a story: the players arrive one at a time in a random order, and each is paid
#  what their arrival adds to the group already there. A player's **Shapley value** is
#  that addition averaged over every possible order:
#
# $$\varphi_i = \frac{1}{n!}\sum_{\text{orders}}
# \big( v(\text{those before } i \text{, and } i) - v(\text{those before } i) \big).$$
#
# It uses every coalition's worth, but need not give each group at least what that group
# could earn alone (in task 2 below it does); the core does.
#
# The classic example is the **glove game**. One player holds a left glove, two players
# hold a right glove each, and only a pair is worth anything: any coalition with
# the left glove and a right glove earns 1. The Shapley value gives the
# left-glove holder 2/3 and each right-glove holder 1/6: the scarce left glove gets most.
#
# In the library, a game is a dict from coalition to value, a coalition being a
# `frozenset` of names (a set that cannot change); every
# coalition but the empty one must be there.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "glove-example", "schema_version": 3}
players = ["Left", "Right 1", "Right 2"]
glove_game = {}
for size in range(1, len(players) + 1):
    for group in combinations(players, size):
        pair = "Left" in group and len(group) > 1
        glove_game[frozenset(group)] = 1 if pair else 0
glove_shapley = shapley_values(players, glove_game)
for name, value in glove_shapley.items():
    print(f"{name}: {value}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "core-teaching", "schema_version": 3}
# **The core, what competition leaves.** A division is in the **core** (Gillies, 1959)
# when no coalition could earn more on its own than the division gives its members, so
# nobody has a reason to break away. The glove game's Shapley division is not: Left and
# Right 1 earn 1 together but get only 2/3 + 1/6 = 5/6, so both gain by leaving Right 2
# out. The right gloves undercut each other until they get nothing, so the core holds a
# single division: 1 for Left, 0 for each right glove.
#
# `blocking_coalition(players, game, division)` returns the coalition with most to gain by
# breaking away and its gain, or `None` when the division is in the core.
#
# Some games have no division in their core: the core is empty. The explorer's task 4,
# below, builds one.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "core-example", "schema_version": 3}
group, gain = blocking_coalition(players, glove_game, glove_shapley)
print("From the Shapley division,", " and ".join(sorted(group)), "break away, gaining", gain)
left_takes_all = {"Left": 1, "Right 1": 0, "Right 2": 0}
stable = blocking_coalition(players, glove_game, left_takes_all) is None
print("Left takes all: in the core?", stable)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "market-teaching", "schema_version": 3}
# Neither number is *the* answer; they answer different questions. Where the right-glove
# holders compete, the core says where competition pushes the price. Where the players see
# themselves as partners, or a mediator must divide a joint gain, the Shapley value is a
# common reference for a fair split. Treat it as a benchmark, never as a price you are
# owed, unless the other side itself proposed it (section 7).
#
# <details><summary>Optional: real bargainers and the core</summary>
#
# Murnighan and Roth (*Management Science*, 1977) had groups of three, one strong player
# and two weak ones, play a game of this kind under six conditions. Their abstract
# reports the strong player's payoff varied with the conditions and fell well short
# of the core, nearer to it where the weak players competed harder; over all six
# conditions together it came close to the Shapley value.
#
# </details>
#
# **A licence and two buyers.** One seller has an item that a keen buyer values at $v_1$
# and a rival buyer at $v_2 < v_1$; the seller has no use for it. Any coalition of the
# seller with buyers earns the best value among those buyers; a coalition without the
# seller earns nothing. Working through the six orders gives the seller $(3v_1 + v_2)/6$,
# the keen buyer $(3v_1 - 2v_2)/6$ and the rival $v_2/6$.
#
# The core tells a different story. The keen buyer gets the item at some price $p$ with
# $v_2 \le p \le v_1$, and the rival gets nothing. Below $v_2$, the seller and the rival
# would both gain by dealing with each other; above $v_1$, the keen buyer would rather not
# buy. So the core's lowest price is $v_2$ (with several rivals, what the best of them
# would pay): every unit the rival would pay raises it by a whole unit, though the rival
# never buys. When the rival's offer is firm, as in this module's stories, that lowest
# price is also module 02's **reservation price**, the least the seller could accept:
# below it, selling to the rival does better. It is a limit, not a target.
#
# Read as a price, the Shapley value misleads here. It pays the rival $v_2/6$, and when
# the rival's value is close enough to the keen buyer's it gives the seller less than its
# reservation price. Where inside the core the price lands depends on how the seller and
# the keen buyer bargain: section 5 shows where.
#
# With $v_1 = 105{,}000$ and $v_2 = 70{,}000$: the Shapley value gives the seller 64,167,
# below its reservation price of 70,000, and the rival 11,667; the core runs from 70,000
# to 105,000.
#
# In the cell below, the seller and the keen buyer break away from the Shapley division,
# short by exactly the 11,667 it pays a rival who never buys.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "market-example", "schema_version": 3}
sellers_market = {}
for size in range(1, 4):
    for group in combinations(["Seller", "Keen", "Rival"], size):
        bids = [{"Keen": 105_000, "Rival": 70_000}[b] for b in group if b != "Seller"]
        sellers_market[frozenset(group)] = max(bids) if "Seller" in group and bids else 0
fair = shapley_values(["Seller", "Keen", "Rival"], sellers_market)
print("Shapley values:", ", ".join(f"{name} {float(value):,.0f}" for name, value in fair.items()))
group, gain = blocking_coalition(["Seller", "Keen", "Rival"], sellers_market, fair)
print("From them,", " and ".join(sorted(group)), f"break away, gaining {float(gain):,.0f}")
at_reservation = {"Seller": 70_000, "Keen": 35_000, "Rival": 0}
stable = blocking_coalition(["Seller", "Keen", "Rival"], sellers_market, at_reservation) is None
print("A price of 70,000: in the core?", stable)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "explorer-teaching", "schema_version": 3}
# ### Exercise: the power explorer
#
# The first tab takes what each coalition earns and shows each player's Shapley value and
# whether that division is in the core; the second is for section 3. Try these first:
#
# 1. The tab opens on the glove game. Which coalition would break away from the Shapley
#    division, and what would it gain?
# 2. Right 1's glove turns out not to fit: set the value of {Left, Right 1} to 0. What is
#    each Shapley value now, and is that division in the core?
# 3. One person holds both right gloves: type `Left, Rights` as the players and give
#    {Left, Rights} the value 1. What is each Shapley value?
# 4. Build the game with an empty core: type `A, B, C` as the players, and give every pair
#    and the three together the value 1 (each player alone 0). What does the explorer say?
#
# <details><summary>Answers</summary>
#
# 1. {Left, Right 1} (or {Left, Right 2}): together they earn 1 but get 5/6, so they gain
#    1/6 by leaving the other right glove out.
# 2. Left 1/2, Right 1 0, Right 2 1/2, and it is in the core: Right 2 has no rival now,
#    so the two split the pair's value.
# 3. 1/2 each.
# 4. 1/3 each, and not in the core: a pair earns 1 but gets 2/3, so it gains 1/3 by
#    breaking away. The explorer judges only the Shapley division; no other division is in
#    the core either: each pair would need at least 1, and adding the three pairs' demands
#    counts each player twice, so twice the total would have to be at least 3, and the
#    total at least 3/2, not 1.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "power-explorer", "schema_version": 3}
from course.widgets.power import PowerExplorer

PowerExplorer()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "licence-floor-text", "schema_version": 3}
# ### Question 2 (2 marks): does Atlas's yardstick reach Kestrel's reservation price?
#
# Atlas proposes to pay Kestrel's Shapley value in your market, from here on **Atlas's
# yardstick**, but has not put a figure on it. Part 5 of your story offers a move: bring
# in Corvid, which would make a firm offer of `s.corvid_value` on Borealis's terms, with
# a copy to Atlas. Would Atlas's yardstick, worked out, reach or beat selling to the best
# rival today? And with Corvid, brought in before Atlas proposed? Write
# `licence_floor(s)`, returning a pair `(clears_today, clears_with_corvid)`:
#
# - `clears_today`: `True` if taking Atlas's yardstick in today's market of three does at
#   least as well for Kestrel as it could do without Atlas (`s.atlas_value`,
#   `s.borealis_value`), else `False`;
# - `clears_with_corvid`: the same verdict had Kestrel brought Corvid in, in that market
#   of four.
#
# The check also tries a worked case (Atlas 100,000, Borealis 52,000, Corvid 61,000),
# where section 2's formula for three players gives the wrong verdict with Corvid.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "licence-floor-answer", "schema_version": 3}
def licence_floor(s):
    """(whether Atlas's yardstick today does at least as well as Kestrel could do without
    Atlas, whether its yardstick in the market with Corvid would reach the best rival's)."""

    ### BEGIN SOLUTION
    def shapley(values):
        players = ["Kestrel", *values]
        market = {}
        for size in range(1, len(players) + 1):
            for group in combinations(players, size):
                bids = [values[b] for b in group if b != "Kestrel"]
                market[frozenset(group)] = max(bids) if "Kestrel" in group and bids else 0
        return shapley_values(players, market)["Kestrel"]

    today = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    with_corvid = today | {"Corvid": s.corvid_value}
    best_rival = max(s.borealis_value, s.corvid_value)
    return shapley(today) >= s.borealis_value, shapley(with_corvid) >= best_rival
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "licence-floor-test", "schema_version": 3}
"""Check that licence_floor judges Atlas's yardstick today and with Corvid."""
check.licence_floor(licence_floor)
### BEGIN HIDDEN TESTS
check.licence_floor(licence_floor, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-teaching", "schema_version": 3}
# ## 3. Power in groups: votes are not power
#
# Boards, councils and shareholder meetings often decide by **weighted vote**: each
# member has some votes, and a proposal passes when its supporters reach a quota. Two
# measures count what matters, whether a member's vote can change the result:
#
# - **Shapley–Shubik index** (Shapley & Shubik, *American Political Science Review*,
#   1954): line the members up in every possible order and count how often a member is
#   the one whose vote first reaches the quota. It is the Shapley value of the vote.
# - **Banzhaf index** (Banzhaf, *Rutgers Law Review*, 1965; Penrose, *Journal of the Royal
#   Statistical Society*, 1946, had proposed the unnormalised version, a member's swings
#   divided by the number of coalitions of the others): count the *swings*, losing
#   coalitions that a member's vote turns into winning ones, and divide each member's
#   count by the total, so the indices add up to 1.
#
# Write a vote as $[q;\, w_1, w_2, \dots]$, the quota then the weights. In
# $[4;\, 3, 2, 1]$ the member with 3 votes cannot pass anything alone, but either partner
# is enough; each small member needs the 3. One small member has twice the other's votes,
# yet the same power.
#
# In the Council of Ministers of the European Economic Community of 1958, France, Germany
# and Italy had 4 votes each, Belgium and the Netherlands 2, Luxembourg 1, and a decision
# needed 12. Every total the other five can
# make is even, so no coalition ever sits at 11 waiting for one more vote: in
# qualified-majority votes on a proposal from the Commission, Luxembourg's vote could
# never change the result. A seat's power depends on the whole rule, not only on the
# weights.
#
# <details><summary>The textbook case needs a caveat</summary>
#
# Where the Council acted without a Commission proposal, the 12 votes also had to come
# from at least four members, so France, Germany and Italy needed a fourth, and Luxembourg
# could supply it; and where the treaty asked for unanimity, Luxembourg had a veto
# ("Luxembourg in the early days of the EEC: null player or not?", *Games* 9(2), article
# 29, 2018, doi:10.3390/g9020029).
#
# </details>
#
# Both indices assume that every coalition (Banzhaf), or every order of joining
# (Shapley–Shubik), is as likely as any other, and that every proposal reaches a vote.
# Where members vote in fixed blocs, or two of them never agree, the first assumption
# fails; where one member, such as a chair, decides what is put to the vote, the second
# does, and that member has power the indices do not count.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-example", "schema_version": 3}
eec_1958 = [4, 4, 4, 2, 2, 1]
print("[4; 3, 2, 1] Banzhaf:", *banzhaf_index(4, [3, 2, 1]))
print("EEC 1958 Banzhaf:", *banzhaf_index(12, eec_1958))
print("EEC 1958 Shapley-Shubik:", *shapley_shubik_index(12, eec_1958))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "voting-exercise", "schema_version": 3}
# Open the **weighted vote** tab of the power explorer above and type the EEC's votes
# (`France=4, Germany=4, Italy=4, Belgium=2, Netherlands=2, Luxembourg=1`, quota 12).
# Then:
#
# 1. give Luxembourg a second vote: what is its Banzhaf index?
# 2. with those 2 votes, what is its Shapley–Shubik index, and why can it differ from the
#    Banzhaf index?
# 3. put Luxembourg back to 1 vote and lower the quota to 11: what is its Banzhaf index
#    now?
#
# <details><summary>Answers</summary>
#
# 1. 1/9 (11.1%): with 2 votes, Luxembourg turns a coalition of the others worth 10 votes
#    into a winning one.
# 2. 1/10 (10.0%). Shapley–Shubik counts the orders in which Luxembourg casts the deciding
#    vote, Banzhaf the coalitions its vote swings; the orders give a swing in a coalition
#    of some sizes more weight, while Banzhaf counts every swing alike.
# 3. 1/9 again: at a quota of 11, the others' even totals of 10 now fall one vote short,
#    and Luxembourg's single vote completes them.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "votes-needed-text", "schema_version": 3}
# ### Question 3 (2 marks): whose votes should Kestrel buy?
#
# `s.members` lists the owners and their votes, Kestrel last; a decision needs `s.quota`
# votes, a fixed number written into Fellgate's rules, which stays put. Two owners offer
# to sell Kestrel votes at one price (`s.vote_offers`: owner and votes); it can afford one
# offer, and the owner who sells keeps fewer votes. Write
# `buy_votes_from(s)`: the owner whose offer gives Kestrel more power, or `"neither"` if
# neither would let Kestrel's vote swing any decision. Section 3's two indices agree in
# every scenario, and so does a count of Kestrel's swings after each sale. Take it that
# the chair puts Kestrel's proposal to the vote.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "votes-needed-answer", "schema_version": 3}
def buy_votes_from(s):
    """The owner whose offer of votes gives Kestrel more power, or "neither"."""
    ### BEGIN SOLUTION
    power = {}
    for owner, votes in s.vote_offers:
        weights = [held - votes if name == owner else held for name, held in s.members]
        weights[-1] += votes
        power[owner] = banzhaf_index(s.quota, weights)[-1]
    if max(power.values()) == 0:
        return "neither"
    return max(power, key=power.get)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "votes-needed-test", "schema_version": 3}
"""Check that buy_votes_from picks the offer that gives Kestrel more voting power."""
check.buy_votes_from(buy_votes_from)
### BEGIN HIDDEN TESTS
check.buy_votes_from(buy_votes_from, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "patience-teaching", "schema_version": 3}
# ## 4. Patience as power
#
# Time is rarely free. Call $\delta$ (delta, a
# *discount factor* between 0 and 1) what a deal one round later is worth to a side
# compared with the same deal now. A round is the time from one proposal to the next: one
# side proposes and the other answers; for Kestrel and Granite it is a month.
# $\delta = 0.9$ per month means a month's
# delay costs a side a tenth of what the deal brings it. Here $\delta$ is a cost of time
# only: the deal does not disappear while the two sides talk (section 5 models one that
# can).
#
# Rubinstein ("Perfect Equilibrium in a Bargaining Model", *Econometrica*, 1982) studied
# two sides splitting a pie of 1 by taking turns: one proposes, the other accepts or
# proposes next round.
# With discount factors $\delta_1$ for the side that proposes first and $\delta_2$ for the
# other, the game has exactly one **subgame-perfect equilibrium**: a plan for each side
# that is a best reply to the other side's plan at every point of the game. In it, the
# first proposer's offer is accepted at once, and the first proposer gets
#
# $$x_1 = \frac{1 - \delta_2}{1 - \delta_1 \delta_2}, \qquad x_2 = 1 - x_1 .$$
#
# The proposer offers exactly what rejecting is worth to the responder: its own proposal a
# round later, discounted by a round. Two things follow:
#
# - **patience pays**: your share rises with your own $\delta$ and falls with the other
#   side's;
# - **moving first pays**: with equal discount factors the first proposer gets
#   $1/(1+\delta)$, more than half. When the two $\delta$s are close, moving first can
#   outweigh a small edge in patience: a first proposer with $\delta = 0.5$ facing a
#   responder with $\delta = 0.51$ still gets about 0.66.
#
# Kestrel, paying overdraft interest while it waits for its margin (part 4), is the
# impatient side in the Granite talks; Granite can wait. That interest is a cost of
# delay, which the model reads as a lower $\delta$ (a cheaper loan, question 8, raises
# it), and so a smaller share of the pie: outlasting them is leverage. A deadline is not a
# cost of delay; the model has none.
#
# **Where the model misleads.** It assumes that each side knows the other's patience and
# options (full information); that the pie and both $\delta$s stay the same round after
# round, with no deadline; that waiting costs a fixed fraction of each side's share;
# and that both sides reason through the whole game. A deadline changes the game:
# whoever makes the last offer before it holds the edge (Ståhl 1972), and in experiments
# agreements bunch up just before it (Roth, Murnighan & Schoumaker 1988).
#
# **Short rounds.** The first mover's edge (0.53 against 0.47 when both have
# $\delta = 0.9$) comes from a round's being a month: where a counter-offer can follow
# within a day, $\delta$ per round is close to 1 and the edge almost vanishes; the edge of
# patience does not. Measure each side's patience per unit of time (per
# month, say), not per round, and write its **rate of loss** as $r = -\ln \delta$, where
# $\ln$ is the natural logarithm; for $\delta$ near 1, $r$ is about $1 - \delta$, the
# share lost per unit of time.
# As rounds shrink, the split tends to $r_2/(r_1+r_2)$ for the first side (Binmore,
# Rubinstein & Wolinsky 1986). So with short rounds the ratio of the two sides' costs of
# delay sets the split: a side whose $\delta$ is 0.90 a month, facing one at 0.97 a month,
# gets about 22%.
#
# <details><summary>Optional: real players, and a cost that is a fixed sum</summary>
#
# **People do not play the equilibrium.** In Ochs and Roth's experiments (*American
# Economic Review*, 1989), first offers sat nearer an even split than predicted,
# and players often turned an offer down only to propose less, once discounted.
#
# **A cost that is a fixed sum each round** is a different game, and Rubinstein (1982)
# solved it too: there the answer is a corner, not a split. The side whose delay costs
# less per round takes almost everything. A discount factor fits when a delay costs each
# side a share of what the deal brings *it*; a cost that is the same whatever the split is
# a fixed sum each round. A month's delay costs Kestrel a month's interest on its whole
# margin (part 4). That is a share, so a discount factor fits. Where the side that loses
# more each round loses a fixed bill, the discount-factor model is too kind to it.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "patience-example", "schema_version": 3}
for proposer, responder in [(0.9, 0.9), (0.6, 0.95), (0.95, 0.6), (0.5, 0.51)]:
    share = rubinstein_share(proposer, responder)
    print(f"proposer's delta {proposer}, responder's {responder}: {share:.2f} / {1 - share:.2f}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "short-rounds-exercise", "schema_version": 3}
# ### Exercise: patience when rounds are short
#
# A side keeps 0.95 of a deal's worth
# per month, the other 0.97, and they answer each other within a day (30 rounds a month).
#
# 1. Turn each monthly discount factor into a daily one (to the power 1/30), and use
#    `rubinstein_share` to find the
#    first side's share when it proposes first, then when the other side does.
# 2. Compare both with $r_2/(r_1+r_2)$. Which matters here, who moves first or who loses
#    faster?
#
# <details><summary>Answer</summary>
#
# 1. About 0.373 when it proposes first and about 0.372 when it answers: with rounds of a
#    day, moving first is worth less than a tenth of a percentage point (about 0.06 of a
#    percentage point of the deal's worth).
# 2. $r_1 = -\ln 0.95 \approx 0.051$ and $r_2 = -\ln 0.97 \approx 0.030$, so
#    $r_2/(r_1+r_2) \approx 0.373$: the ratio of the two rates of loss decides almost all
#    of it.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "outside-teaching", "schema_version": 3}
# ## 5. Outside options and breakdown payoffs: when an alternative changes the deal
#
# Your **share at the table** is what Rubinstein's model (section 4) gives you when the
# other side proposes, with no alternative counted.
#
# We recap and extend module 02's section 7. Harrow's work is Kestrel's BATNA in the
# Granite talks; how it counts depends on how Kestrel reaches it.
#
# An **outside option** is one you can take only at the moment you turn down the other
# side's proposal (Harrow's work for Kestrel). The **deal-me-out** result, also called the
# *outside option principle*: with an option worth $b$ (a share of the pie), the
# responder's share is the larger of its share at the table and $b$:
#
# $$\text{share} = \max(\text{share at the table},\ b),$$
#
# which with equal discount factors $\delta$ is $\max\big(\delta/(1+\delta),\ b\big)$.
# Shaked and Sutton (*Econometrica*, 1984) and Binmore, Rubinstein and Wolinsky (*RAND
# Journal of Economics*, 1986) showed it.
# Whoever proposes, the option binds once it beats your share at the table; each unit then
# adds a whole unit to your share when the other side proposes, and a unit times their
# discount factor when you propose. With $\delta = 0.99$ on both sides, the share at the
# table is 0.497: an option of 0.1 leaves it there, one of 0.6 makes it 0.600.
#
# **A breakdown payoff** is what each side keeps if the talks end for reasons neither
# controls (a lender withdrawing): when the risk of breakdown, rather than the cost of
# delay, is what pushes the two sides to agree, and offers follow each other quickly,
# alternating offers end at the Nash split on the breakdown payoffs, so each unit of it
# adds half a unit to your share, whether or not it beats your share at the table (less
# where delay also pushes, closing note). If the other side's breakdown payoff is 0, one
# of 0.1 gives 0.550, one of 0.6 gives 0.800.
#
# The licence of section 2 is the first kind: to sell to Borealis, Kestrel must turn down
# a proposal from Atlas and end those talks, and Borealis's firm written offer is there at
# that moment. Offers for the licence go back and forth within days. In your story a
# day's delay costs Kestrel and Atlas the same share of what each gets (every price is
# in proportion to the months left of the licence), so they split evenly at the table, and
# deal-me-out gives Kestrel $\max(v_1/2,\ v_2)$:
# never below its reservation price, and exactly that whenever Borealis binds; otherwise
# each unit of $v_1$ adds half a unit. In section
# 2's example the rival's 70,000 beats half of 105,000, so the price is 70,000; splitting
# the difference (87,500) is never the price in this story.
#
# In question 6's what-if, paid on signing, a day's delay also costs Kestrel overdraft
# interest, so its share at the table falls below a half.
#
# In the library, `bargaining_split(delta_proposer, delta_responder, outside_option=0)`
# returns `(proposer's share, responder's share)` of a pie of 1, the responder able to
# walk away to `outside_option`.
#
# <details><summary>Closing note: the evidence, and where these rules stop</summary>
#
# - *Evidence.* Binmore, Shaked and Sutton ("An Outside Option Experiment", *Quarterly
#   Journal of Economics*, 1989), who used the term deal-me-out, had people bargain with
#   an option taken only by leaving: deal-me-out fitted their agreements better than
#   splitting the difference, the Nash split with the option as a breakdown payoff (87,500
#   in the licence example above).
# - *Both forces at once.* Where breakdown and delay both push, each unit adds less than
#   half a unit, and the split lands between the share at the table and the Nash split on
#   the breakdown payoffs (Binmore, Rubinstein & Wolinsky 1986).
# - *If Borealis's offer were itself bargained.* A sale to Borealis alone would then
#   bring Kestrel less than $v_2$, so the seller's reservation price sits below the core's
#   lowest price; yet while Kestrel can play the two buyers against each other, the
#   predicted price would stand, but no longer as the only equilibrium: any price from
#   $v_1/2$ to $v_1$ can be one (Abreu & Manea,
#   "Bargaining Foundations for the Outside Option Principle", *Review of Economic
#   Studies*, 2025, doi:10.1093/restud/rdaf053).
# - *Full information.* Every model here assumes each side knows the other's patience and
#   options (section 7 drops it).
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "outside-example", "schema_version": 3}
# equal, short rounds (0.99): the two rules side by side;
# the other side's breakdown payoff 0
for b in (0.1, 0.3, 0.6):
    outside = bargaining_split(0.99, 0.99, b)[1]
    breakdown = b + (1 - b) / 2
    print(f"alternative {b}: outside option {outside:.3f}, breakdown payoff {breakdown:.3f}")
# the order matters: the proposer's delta comes first
proposer, responder = bargaining_split(0.95, 0.9)
print(f"proposer's delta 0.95, responder's 0.9: proposer {proposer:.3f}, responder {responder:.3f}")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "licence-reply-text", "schema_version": 3}
# ### Question 4 (1 mark): your reply to Atlas
#
# Back to question 2's licence, in today's market of three. Atlas's yardstick (question 2)
# is on the table, and Atlas now names its own figure for it. Atlas's figure is a first
# offer, and first offers anchor: they pull the final price towards them (module 01,
# section 5; module 04 returns to anchors). As Atlas knows both values, that pull acts on
# Kestrel's judgement only. Kestrel has three replies: `"accept"` (take
# Atlas's figure as it stands), `"yardstick"` (hold Atlas to the yardstick, worked out) or
# `"rival"` (name Borealis's firm written offer and its figure). To stand on a figure is
# to hold the other side to it. You are not owed a Shapley value (section 2); you may hold
# Atlas to this one because Atlas proposed it, even above section 5's price. So the mark
# tests a judgement that rests on how people treat a standard they set (Shell's normative
# leverage, section 7), not on section 5's model: by it, Atlas can refuse any ask above
# that price, and Kestrel then expects that price. Which figure does Kestrel stand on
# (not an opening ask), and with which reply?
# Taking Atlas's figure earns the mark wherever it is at least section 5's price.
#
# Write `licence_reply(s)`, returning a pair `(price, reason)` from `s.atlas_figure`,
# `s.atlas_value` and `s.borealis_value`:
#
# - `price`: the figure Kestrel takes or stands on (a Shapley value may be named exactly,
#   to the unit, or to the hundred, rounded up or down);
# - `reason`: the reply, one of the three.
#
# The mark needs both right.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "licence-reply-answer", "schema_version": 3}
def licence_reply(s):
    """(the figure Kestrel takes or asks for; the reason)."""
    ### BEGIN SOLUTION
    grounds = {
        "accept": s.atlas_figure,  # Atlas's figure, taken as it stands
        "yardstick": (3 * s.atlas_value + s.borealis_value) / 6,  # Kestrel's Shapley value
        "rival": s.borealis_value,  # Borealis's firm written offer
    }
    reason = max(grounds, key=grounds.get)
    return grounds[reason], reason
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "licence-reply-test", "schema_version": 3}
"""Check that licence_reply names a price Kestrel can stand behind, on the right grounds."""
check.licence_reply(licence_reply)
### BEGIN HIDDEN TESTS
check.licence_reply(licence_reply, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "licence-reply-rule", "schema_version": 3}
# **The predicted price is a forecast, not a limit on an ask.** It is where the model says
# the talks end, not the most a side may ask for. Where the other side knows both values,
# as Atlas does under section 5's full information, the reply to question 4 follows a
# rule:
#
# 1. **Stand on the highest figure the other side proposed or can check**, such as a
#    rival's written offer; one it proposed holds, since few will call their own standard
#    unfair (Shell's normative leverage, section 7).
# 2. **Ask no more with nothing behind it, and hold it while the other side cannot fault
#    it.** By section 5's model, any ask above section 5's price costs a round and comes
#    back to it, Atlas's yardstick too (question 4).
# 3. **Name no figure below it.** Naming a figure below the highest one on the table
#    points the other side down to it. Where the buyer proposes less than the rival's
#    offer, the model says to sell to the rival; real talks name the rival's figure to the
#    buyer instead, with the door left open, a move outside the model. Taking their own
#    lower figure names none (question 4 says when it is safe).
#
# The rule needs full
# information: where the other side is unsure of your values, an ambitious ask grounded in
# your leverage can anchor the price up, module 04's subject.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "rig-prices-text", "schema_version": 3}
# ### Question 5 (1 mark): walk out, or left over?
#
# *Which rule fits each of your versions is marked only at grading: the self-check judges
# the practice versions (one of each kind: use them to test how you tell the kinds apart),
# and of your own prices only whether each follows one of section 5's two rules.*
#
# Kestrel is selling its old test rig to Dunmore, which would pay up to `s.rig_value` for
# it; the rig is worth nothing to Kestrel, and Dunmore has nothing else to turn to if the
# talks fail. Your scenario tells four versions, A to D, of what else Kestrel could do
# with the rig (`s.rig_versions`). They are separate what-ifs: in
# each, only that version's alternative exists. Each version `v` has `v.letter` and
# `v.amount` (what the alternative brings Kestrel).
#
# In every version the two answer within a day, so moving first gives almost no edge
# (section 4), and a day's delay costs each side the same small share (small, but more
# than nothing): at the table they would split evenly. In some versions Kestrel reaches
# its alternative by walking out; in the others, it is what Kestrel is left with if the
# talks end on their own. There the chance of failure on a given day is small in itself,
# but far larger than that daily share, so that risk, not delay, pushes the two sides to
# agree, as section 5's rule for a breakdown payoff requires. Both kinds are among the
# four; which is which is for you to judge from the story.
#
# Write `rig_prices(s)`, returning a dict from letter to the price section 5's models
# predict in that version, for example `{"A": 31_000, "B": 27_500, ...}`. A quarter mark
# a version, none if one rule prices all four, since both kinds are there. Grading also
# runs it on other amounts (some above half of Dunmore's value, some below) told in your
# versions' words under your letters, so it may go by `v.letter` or by your texts; the
# self-check's other scenarios are worded differently.
#
# Practise first on two versions that are the same for every learner. Kestrel is selling a
# used lathe to Pell, which would pay up to 40,000 for it; all else is as in your own
# versions:
#
# 1. A rival workshop will buy the lathe for 12,000 on any day Kestrel likes. To sell to
#    it, Kestrel must turn down a proposal from Pell and leave the talks; nothing else can
#    end them.
# 2. Pell wants the lathe for one customer's order, which that customer may cancel on any
#    day before Kestrel and Pell sign, ending the talks. A rival workshop would buy the
#    lathe for 12,000 if that happened, and at no other time.
#
# Put your prices for them in the dict your function returns, under the numbers 1 and 2,
# the same whatever `s` is (`{1: ..., 2: ..., "A": ..., "B": ...}`).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "rig-prices-answer", "schema_version": 3}
def rig_prices(s):
    """The rig's predicted price in each version of the scenario, by letter."""
    ### BEGIN SOLUTION
    # A learner reads in the story who can end the talks, and goes by the letter; this
    # looks for the outside event that can end them, so that it is right for every learner.
    events = (
        "bank could withdraw its loan",
        "approval to buy the rig lapses",
        "parent company may take back",
    )
    prices = {}
    for v in s.rig_versions:
        if not any(e in v.text for e in events):  # only Kestrel ends them: an outside option
            prices[v.letter] = max(s.rig_value / 2, v.amount)
        else:  # a breakdown payoff: the disagreement point of a Nash split
            prices[v.letter] = v.amount + (s.rig_value - v.amount) / 2
    prices |= {1: 20_000, 2: 26_000}  # the practice versions, the same for every learner
    return prices
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "rig-prices-test", "schema_version": 3}
"""Check that rig_prices predicts the rig's price in each version of your story."""
check.rig_prices(rig_prices)
### BEGIN HIDDEN TESTS
check.rig_prices(rig_prices, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "signing-terms-text", "schema_version": 3}
# ### Question 6 (2 marks): paid on signing?
#
# Like question 4, this goes back to the licence, with the what-if "Paid on signing?". It
# ends story part 1, as a note to open (`s.signing_ratio`, `s.signing_gain`,
# `s.signing_borealis`). The
# overdraft interest is a rate of loss (section 4), not a fixed bill.
#
# Write `signing_terms(s)`, returning a pair `(price, switch)`:
#
# - `price`: the licence's price section 5's models predict if Kestrel agreed to be paid
#   on signing;
# - `switch`: `True` if Kestrel should agree to be paid on signing, `False` if not.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "signing-terms-answer", "schema_version": 3}
def signing_terms(s):
    """(the licence's predicted price if paid on signing, whether Kestrel should agree)."""
    ### BEGIN SOLUTION
    # Kestrel loses signing_ratio times as fast as Atlas: r_kestrel = k * r_atlas, so its
    # share at the table tends to r_atlas / (r_kestrel + r_atlas) = 1 / (1 + k)
    at_the_table = s.atlas_value / (1 + s.signing_ratio)
    # Borealis is still an outside option, at what it would pay on signing
    price = max(at_the_table, s.signing_borealis)
    today = max(s.atlas_value / 2, s.borealis_value)
    return price, s.signing_gain > today - price
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "signing-terms-test", "schema_version": 3}
"""Check that signing_terms prices the licence paid on signing and weighs the change."""
check.signing_terms(signing_terms)
### BEGIN HIDDEN TESTS
check.signing_terms(signing_terms, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pie-exercise", "schema_version": 3}
# ### Exercise: the shrinking pie
#
# Set your patience, the computer's and the computer's outside option, then play: you
# propose first, and the computer follows its equilibrium plan, the same rule in every
# round. It accepts any offer of at least its share by section 5. Otherwise it walks away
# if its outside option beats waiting, or else counters a round later with what your next
# turn is worth to you.
#
# With both patiences at 0.9, set the computer's outside option to 0.3, then to 0.6. What
# is the lowest offer it accepts in each case? Work it out from section 5 first: the
# game shows the split only once you have made an offer with those settings. Then offer
# exactly that, and slightly less, and watch what it does.
#
# <details><summary>Answer</summary>
#
# With 0.3 its share is 47.4% (0.9/1.9): the option is below its share at the
# table, so it changes nothing. The slider moves in steps of 0.01 (one percent), so the
# lowest offer it accepts is 0.48 (48%); at 0.47 it makes a counter-offer. With 0.6 it
# accepts 0.60 (60%) or more, and a lower offer makes it walk away.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "pie-game", "schema_version": 3}
from course.widgets.power import ShrinkingPieGame

ShrinkingPieGame()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "granite-reply-text", "schema_version": 3}
# ### Question 7 (2 marks): Granite's first proposal
#
# Granite's first proposal gives Kestrel `s.granite_offer` of the contract's gain,
# `s.contract_value`. Granite proposes first (its discount factor is `s.delta_them`),
# Kestrel answers (`s.delta_you`), and Kestrel can walk away to Harrow's
# `s.outside_offer` whenever it answers. Write `granite_reply(s)`: the move that gets
# Kestrel most by section 5's model, one of `"accept"`, `"reject"` (and propose a month
# later) or `"name Harrow"`.
#
# Where the model's best move is to walk out to Harrow, answer `"name Harrow"`: ask
# Granite to meet Harrow's figure, and leave only if it will not. That is how real talks
# walk out, not a move of the model: there, asking means rejecting and proposing a month
# later, worth less than leaving now, unless Granite answers at once. `"take Harrow"`, the
# walk-out itself, is marked the same.
#
# Harrow told Granite of its offer before Granite proposed, and Granite knows how patient
# Kestrel is (part 4), so section 5's full information holds. Granite may still open
# below Harrow's offer, as real bargainers often open off the equilibrium path.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "granite-reply-answer", "schema_version": 3}
def granite_reply(s):
    """The move that gets Kestrel most by section 5's model: accept, reject or name
    Harrow."""
    ### BEGIN SOLUTION
    at_the_table = s.contract_value * bargaining_split(s.delta_them, s.delta_you)[1]
    if s.granite_offer >= max(at_the_table, s.outside_offer):
        return "accept"
    if s.outside_offer > at_the_table:  # Harrow binds: the model walks out to it
        return "name Harrow"
    return "reject"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "granite-reply-test", "schema_version": 3}
"""Check that granite_reply answers Granite's proposal the way the equilibrium does."""
check.granite_reply(granite_reply)
### BEGIN HIDDEN TESTS
check.granite_reply(granite_reply, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "levers-teaching", "schema_version": 3}
# ## 6. Building power: which move pays most?
#
# Leverage is not fixed. But each of the following adds nothing to section 5's
# predicted price:
#
# - a bidder offering no more than the higher of your best rival's offer and your share
#   at the table;
# - an outside option below your share at the table.
#
# Such a bidder can still raise a Shapley value the other side proposed, such as Atlas's
# yardstick (question 2).

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "best-lever-text", "schema_version": 3}
# ### Question 8 (2 marks): one month, one move
#
# This question is a what-if set before Atlas proposes and before Granite's first
# proposal. Measure every move the same way, by what it adds to what the models predict
# Kestrel will get. For the licence, that is section 5's price, $\max(v_1/2,\ v_2)$,
# with $v_1$ Atlas's value `s.atlas_value` and $v_2$ the best rival's value
# (`s.borealis_value` today). For the Granite contract, it is Kestrel's share of
# `s.contract_value` by section 5 (Granite proposes first, with `s.delta_them`).
#
# Your scenario offers three moves. *bidder*: bring in Corvid, which would make a firm
# written offer of `s.corvid_value` for the licence on Borealis's terms, with a copy to
# Atlas (less than Atlas would pay). *loan*: a bridging loan at an ordinary rate replaces
# the overdraft, so waiting for its margin costs Kestrel less; Kestrel grows more patient,
# its discount factor rising from `s.delta_you` to `s.delta_with_loan`, though never as
# high as Granite's. *harrow*: court
# Harrow, whose offer rises from `s.outside_offer` to `s.harrow_raised` (Harrow tells
# Granite of it before Granite's first proposal, as with its first).
#
# Write `best_lever(s)`, returning `"bidder"`, `"loan"` or `"harrow"`: the move that adds
# most.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "best-lever-answer", "schema_version": 3}
def best_lever(s):
    """The move that adds most to what the models predict for Kestrel: bidder, loan or harrow."""

    ### BEGIN SOLUTION
    def granite(delta_you, harrow):
        at_the_table = s.contract_value * bargaining_split(s.delta_them, delta_you)[1]
        return max(at_the_table, harrow)

    def licence(rival):
        return max(s.atlas_value / 2, rival)

    today = granite(s.delta_you, s.outside_offer)
    best_rival = max(s.borealis_value, s.corvid_value)
    gains = {
        "bidder": licence(best_rival) - licence(s.borealis_value),
        "loan": granite(s.delta_with_loan, s.outside_offer) - today,
        "harrow": granite(s.delta_you, s.harrow_raised) - today,
    }
    return max(gains, key=gains.get)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "best-lever-test", "schema_version": 3}
"""Check that best_lever picks the move that adds most to Kestrel's predicted outcome."""
check.best_lever(best_lever)
### BEGIN HIDDEN TESTS
check.best_lever(best_lever, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "using-teaching", "schema_version": 3}
# ## 7. Using power, and its limits
#
# **Alternatives worth mentioning**: an alternative is **worth mentioning** when it beats
# the other side's estimate of your share at the table; with full information, exactly
# when it binds (section 5).
#
# This section uses module 00's two words, after Schelling (*The Strategy of Conflict*,
# 1960): a **warning** ties a demand to
# something you would do anyway if it is refused (sell to the rival who pays more); a
# **threat** ties it to something you would rather not do, to punish a refusal (walk out
# to an alternative worth less than the deal). Module 02 called such a demand a bluff when
# you would not carry it out. A threat invites a threat back and, if carried out, costs
# you by definition; a warning can be true, but said as a demand it still corners the
# other side.
# In Deutsch and Krauss's trucking game (1960), pairs earned less the more of them could
# close a gate on the other's route.
#
# Quieter uses of power:
#
# - **Say true things, plainly.** Put the highest figure you can stand on forward as the
#   standard a price must meet, as question 4's best reply does (the rule after it says
#   which figures those are). It tells Atlas nothing it does not know, and Atlas can
#   check it. Kestrel may hold Atlas to its yardstick only because Atlas proposed it:
#   people resist going back on a standard they set (Shell, *Bargaining for Advantage*,
#   1999: normative leverage). Borealis's offer counts for another reason: it is
#   Kestrel's alternative.
# - **Mention an alternative when it raises what they must offer.** It does when it beats
#   what they expect to give you. Module 02's rule compared the alternative with their
#   estimate of your reservation price: that fits talks where the other side can make a
#   final offer and hold to it. Where both sides can counter and both lose by waiting, as
#   here, mention an alternative when it beats the other side's estimate of your share at
#   the table: one worth mentioning. Mentioning any other gains nothing where they know
#   your patience.
# - **When they are unsure of your patience**, a low figure you name can anchor their
#   estimate of your share low (module 01, section 5; module 04 returns to anchors),
#   though section 5's model says it should not. The evidence is an analogy: in Galinsky
#   and Mussweiler's experiments on first offers (2001), final prices ended nearer the
#   first figure named. A weak alternative anchors you too: with one, negotiators made
#   less ambitious first offers and did worse than with none (Schaerer, Swaab and
#   Galinsky, 2015). So open from your target, not your reservation price (Galinsky,
#   Mussweiler and Medvec, 2002). Telling is another matter: make one worth mentioning
#   known, keep any other private. That
#   rule is Fisher and Ury's (*Getting to Yes*, 1981, "What If They Are More Powerful?
#   Develop Your BATNA"; also Thompson, *The Mind and Heart of the Negotiator*, 2nd ed.,
#   2001): no study we know of tests disclosing a weak alternative directly.
# - **Make an alternative worth mentioning believable, and say it calmly.** Granite has
#   not seen Harrow's new offer and cannot check what Kestrel says of it, so an offer
#   made only by telephone is worth having confirmed in writing first. Never threaten to
#   take an option you would not take: a called bluff costs the demand and your
#   credibility. An ultimatum
#   over an alternative you would really take ("match Harrow's offer by Friday, or we take
#   it") is a warning, and legitimate, but still the weaker move: it adds only a
#   deadline, which corners the other side more than it informs it.
# - **Show what you solve for them.** Atlas wants products that last longer, not a
#   licence. Its *position* is a price; its *interest*, what it wants behind the position,
#   is durability (Fisher and Ury, *Getting to Yes*, 1981: focus on interests, not
#   positions). That appeal is to Atlas's interest; it moves a price only where the buyer
#   has not yet counted that value.
# - **Remember that dependence runs both ways, and that deals repeat.** Axelrod (*The
#   Evolution of Cooperation*, 1984) found that in repeated dealings the strategies that
#   start by cooperating, answer in kind and forgive do well: Kestrel will meet Granite
#   again, and Granite will expect what it saw this time.
#
# ### Legitimate and illegitimate power
#
# Module 00 defined four kinds of move: **legitimate** leverage, a **bluff**, a
# **misrepresentation** and an **illegitimate** source; module 02 uses the same words. A
# true warning, made with power that is yours, is legitimate. A threat is a bluff if you
# would not carry it out and, as a stated intention you do not hold, can be a
# misrepresentation (module 00, section 6, says when). A threat you have bound yourself to
# carry out is true, so not a bluff; the course still advises against it. Three lines
# matter most.
#
# - **Power that comes with a public office is not yours to bring to a deal.** A seat on a
#   council's planning committee serves the town; raising it in a private negotiation is
#   a conflict of interest, and can be a crime (bribery, misconduct in office), as is
#   raising any say you hold on others' behalf.
# - **Information bought from someone bound to keep it secret is not yours either**
#   (module 00, section 6).
# - **A bluff is not a lie about a fact.** "We cannot go below 80,000", said by a seller
#   whose reservation price is lower, is a bluff; "another buyer has offered 80,000", when
#   none has, misrepresents a material fact, and can undo the contract or amount to fraud.
#   The line is not sharp, as threats show (module 00, section 6).
#
# <details><summary>Where the line comes from</summary>
#
# Carr ("Is Business Bluffing Ethical?", *Harvard Business Review*, 1968) argued that
# business, like poker, has its own rules, and that bluffing is one of them. Carr also
# counted concealing or misstating relevant facts as bluffing; this course does not follow
# him there. Misrepresentation law mostly draws its line at facts, as does the comment to
# Model Rule 4.1 that module 00, section 6, quotes.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "rate-tactics-text", "schema_version": 3}
# ### Question 9 (3 marks): which kind of move, and what to say
#
# *Part a's own statements are marked only at grading: the self-check judges the practice
# statements, and of your own labels only their form.*
#
# **Part a (2 marks).** Your scenario lists four things Kestrel might say or do, A to D
# (`scenario.tactics`, story part 6), today, before question 8's moves; Granite knows
# only what Kestrel tells it of Harrow. Label each with one of module 00's four words, as
# section 7 uses them: `"legitimate"`, `"bluff"` (a false claim about its reservation
# price or valuation, or a demand it would not carry out), `"misrepresentation"` or
# `"illegitimate"`. For such a demand, either `"bluff"` or `"misrepresentation"` counts as
# right (section 7). Write `rate_tactics()`, returning a
# dict from letter to label, for example `return {"A": "legitimate", ...}`. Each right
# label earns half a mark; if all four labels are the same, none earns anything.
#
# Practise first on shared statements that earn no marks: label them in the same dict,
# under the numbers 1 to 4.
#
# Kestrel is selling a used press to Pell. Orrin has signed a promise to buy the press for
# 30,000 whenever Kestrel asks, so Kestrel would sell to Pell only above 30,000; no other
# firm has made an offer. Kestrel says or does:
#
# 1. To Pell: "Orrin has promised in writing to pay 30,000. Unless you pay more, we will
#    sell to Orrin."
# 2. To Pell: "Unless you pay at least 38,000, we will sell the press to Orrin."
# 3. To Pell: "Tolland has already offered us 36,000 for the press."
# 4. A friend of Kestrel's sales manager works in Pell's finance office and, against
#    Pell's rules, tells her Pell's budget for the press. Kestrel sets its price by it.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "rate-tactics-answer", "schema_version": 3}
def rate_tactics():
    """Each practice statement, by number, and each statement of your scenario, by letter:
    legitimate, bluff, misrepresentation or illegitimate."""
    ### BEGIN SOLUTION
    # A learner reads the four statements and writes the dict out; this reads them by a
    # phrase of each, so that it is right for every learner.
    s = scenario
    labels = {1: "legitimate", 2: "bluff", 3: "misrepresentation", 4: "illegitimate"}
    for t in s.tactics:
        if "planning committee" in t.text or "cost sheet" in t.text:
            labels[t.letter] = "illegitimate"
        elif "Corvid" in t.text or ("Harrow" in t.text and t.amount != s.outside_offer):
            labels[t.letter] = "misrepresentation"
        elif "cannot take a margin below" in t.text or (
            "Unless you pay" in t.text and t.amount > s.borealis_value
        ):
            labels[t.letter] = "bluff"
        else:
            labels[t.letter] = "legitimate"
    return labels
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "rate-tactics-test", "schema_version": 3}
"""Check that rate_tactics labels each statement with module 00's four kinds of move."""
check.rate_tactics(rate_tactics)
### BEGIN HIDDEN TESTS
check.rate_tactics(rate_tactics, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "harrow-move-text", "schema_version": 3}
# **Part b (1 mark).** A year later Kestrel negotiates with Granite again, with the same
# gain and patience as in question 7 (part 4's *Next time*). Harrow's new offer is worth
# `s.outside_offer` again and, like its first, is in a signed letter only if
# `s.harrow_in_writing` is `True`. Granite has not seen it and is unsure how patient
# Kestrel is, so it cannot work out Kestrel's share at the table: part 4 ends with
# Granite's estimate of it (`s.granite_guess`), which may be above or below that share.
# Answers are judged by section 7's heuristic: Granite reads an alternative Kestrel names
# as a sign of that share, but gives little weight to one it cannot check.
# Write `harrow_move(s)`, returning what Kestrel should do about Harrow:
#
# - `"mention"`: tell Granite calmly what Harrow has offered;
# - `"confirm first"`: ask Harrow to confirm its offer in a letter, and mention it to
#   Granite once it has;
# - `"keep quiet"`: say nothing about Harrow, and talk about what Kestrel can do for
#   Granite;
# - `"ultimatum"`: "Match Harrow's offer by Friday, or we take it."
#
# It needs `s.outside_offer`, `s.granite_guess` and `s.harrow_in_writing`. Kestrel's share
# at the table plays no part: Granite cannot see it.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "harrow-move-answer", "schema_version": 3}
def harrow_move(s):
    """What Kestrel should do about Harrow with Granite: mention, confirm first, keep quiet or
    ultimatum."""
    ### BEGIN SOLUTION
    # What moves Granite is its estimate of Kestrel's share at the table, not the share,
    # which it cannot know
    if s.outside_offer <= s.granite_guess:
        return "keep quiet"
    return "mention" if s.harrow_in_writing else "confirm first"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "harrow-move-test", "schema_version": 3}
"""Check that harrow_move chooses a move for Kestrel's next talk with Granite."""
check.harrow_move(harrow_move)
### BEGIN HIDDEN TESTS
check.harrow_move(harrow_move, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 8. Reflection (2 marks, graded by your instructor)
#
# Think of a negotiation you know: at work, with a landlord, a supplier, a club.
# **Map who depends on whom**, in a short paragraph that covers four points, half a mark
# each:
#
# 1. the parties, what each controls that the other needs (with its base of power, from
#    section 1) and the interest behind each side's position, and the alternatives each
#    has: dependence in *both* directions;
# 2. who can wait longer, and why; and how each side would reach its alternative (by
#    walking out, or left with it if the talks fail on their own), and so whether and how
#    much it counts;
# 3. the one change that would shift the balance most, and how you would use it without a
#    threat and without crossing any line of section 7: what you would say, in terms of
#    what you can do for their interests, and what you would keep to yourself;
# 4. if no deal comes, how you would end the talks so that the door stays open: what you
#    would say as you leave, and what that ending would do to your next dealings with the
#    same people.
#
# Each point earns its half only when it is about your case.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric, half a mark each, for the prompt's four points on the learner's own case: (1)
# dependence both ways, with bases, interests and alternatives; (2) who can wait longer
# and why, and how it counts by section 5's two rules; (3) a use that is neither a threat,
# nor a misrepresentation, nor an illegitimate source, with what is said and what is kept
# back; (4) an ending without a deal that leaves the door open, and its effect on the next
# negotiation (deals repeat: Axelrod).
#
# A full-marks answer: "Our team depends on the one vendor whose software runs our billing
# (its updates are a resource only it controls; moving away would take a year); the vendor
# depends on our renewal, a tenth of its revenue, but has other clients. We want reliable
# billing, not this vendor as such; it wants a reference customer in our sector. It can
# wait longer: our renewal is due in two months, and we are one account. Our only
# alternative, building it ourselves, reached by walking away, is worth far less than a
# fair renewal: it does not bind, and we keep it to ourselves. A pilot with a second
# vendor could give us one that binds; once the pilot is real I would mention it as a
# fact, without a deadline, and offer to act as a reference for better terms. If we cannot
# agree, I would say that we value what they built, name the price that would bring us
# back, and leave on good terms: we will need
# their data export, and the market is small enough that we will meet again."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Power is the other side's dependence on you: how much they need what you control, and
#   how few other ways they have to get it. It runs both ways, and it rests on authority,
#   expertise, admiration or control of a resource.
# - The Shapley value is a benchmark of a fair split, not a price you are owed unless the
#   other side proposed it. The core
#   says what competition leaves: a rival buyer's firm offer sets your reservation price
#   at what it would pay, unit for unit, even if it never buys.
# - Votes are not power: count who can swing a decision (Shapley–Shubik, Banzhaf).
# - Patience is leverage, and so is moving first; as rounds get shorter the first mover's
#   edge shrinks, but patience's does not: the ratio of the two sides' costs of delay sets
#   the split.
# - Ask how you would reach your BATNA. One you must walk out to take (an outside
#   option) counts only when it beats your share at the table, and then sets your share
#   when they propose;
#   one you are left with when talks fail on their own (a breakdown payoff) adds half a
#   unit to your share for each unit of it where the risk of breakdown, not the cost of
#   delay, pushes both sides to agree.
# - Spend preparation where it moves something: a bidder no higher than your best rival or
#   your share at the table, or an option below that share, adds nothing to section 5's
#   predicted price (a bidder can still raise Atlas's yardstick).
# - Use power quietly and truthfully: where both sides can counter, mention an alternative
#   when it beats their estimate of your share at the table, once they can believe it
#   (module 02's bar, their estimate of your reservation price, fits where they can make a
#   final offer and hold to it); keep any other to yourself; warn only of what you would
#   do anyway; make no threats; leave alone power not yours to use.
# - If no deal comes, leave so that you can come back: you will likely meet again.
