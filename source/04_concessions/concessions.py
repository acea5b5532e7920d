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
# This module is about using leverage once the talks begin, in Kite Studio's talks with
# Orchard. Questions 1, 2, 4b and 5 ask you to decide on your own case: your opening, your
# plan of concessions, where you land, three offers at once. Questions 3, 4, 5b and 6 ask
# you to follow the module's rules; 7 asks which way the relationship moves your price, 7b
# how far. For about a third of you, question 1 also asks whether to name your other
# offer: either choice passes.
#
# You will learn to
#
# 1. open with an ambitious offer that a true fact justifies, and answer an anchor
#    without being pulled by it;
# 2. plan your concessions, and answer concessions with concessions;
# 3. trade across issues so that both sides gain, up to the **Pareto frontier** (the
#    packages that no other package beats for one side without costing the other); choose
#    where on it to land, and offer several equally good packages at once;
# 4. decide whether to accept, counter or walk away, and leave so that you can come back.
#
# It takes about seven hours, and about ten if Python is new to you: some 6,600 words of
# reading, nine coded questions, three widgets, a simulation table, four written choices
# and a reflection. Side remarks, about 1,350 words more, sit in folded notes; no question
# needs them. If you split it into two sittings, stop after question 4 (over half of
# the reading): about four hours, then three.
#
# Run the cells from top to bottom. A check tries your function on your
# own scenario and on a few public ones of other learners (their ids start with
# `self-check`); in its message, `scenario` is that learner's, which
# `course.variant("04_concessions", "<id>")` opens.
#
# Some numbers here are the course's own lines, not findings: each is labelled where it
# is used.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell draws your scenario. The first time, type the course id your instructor
# gave you and press Enter. The story names, in brackets, the fields
# of `scenario` that hold its numbers.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
from itertools import combinations, permutations

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
# Module 01 (section 5) showed that a first offer **anchors**: final prices end nearer
# it, and the pull fades when the receiver thinks about the opener's alternatives or
# their own **target** (module 02: the outcome you aim to land at, better than your
# reservation price; section 2 says where it lies); focusing on your own **reservation
# price** (module 02: the worst terms you would still accept) instead gets worse deals.
# So answer an anchor from their alternatives and your target. Resist their number's
# pull; what it tells you about them you may still use (module 01: an opening rules out
# prices).
#
# Open first only if you know the range well; if not, let them open and learn from their
# number (module 01). A good opening is **ambitious** and **grounded**. The course's rule:
# open at your estimate of the other side's reservation price or somewhat beyond it,
# grounded in a fact you can name, and never beyond a point you can justify. Your target
# lies below your opening. The further past the estimate, the more it looks like a bluff
# and risks a walk-out; in this module's cases the fact that grounds an opening is never
# more than about a sixth above the estimate. Citing what they paid last
# year is fair even if their budget is tighter now; your estimate already allows for the
# cut. Above that estimate it is still no bluff: it is a true price Orchard knows, not a
# claim about your reservation price.
#
# ### What to say, and what not to say
#
# **The reason must be true.** Keeping your reservation price to yourself is honest
# (module 00). A **bluff** about your own reservation price ("I can't go below 110") is
# tolerated by the conventions of negotiation (the comment to the American Bar
# Association's Model Rule
# 4.1). Carr ("Is Business Bluffing Ethical?", *Harvard Business Review*, 1968) went
# further and excused some misstatements of fact too, which this course does not.
# Inventing or inflating a rival offer is **misrepresentation**: a false statement of a
# fact they rely on, deception to Lewicki, Saunders and Barry (*Negotiation*, 7th ed.,
# 2015), and possibly fraud. Their "bluffing" is not the bluff above (an untrue claim
# about your own limit) but a threat or promise you would not carry out: this module calls
# that an **insincere threat**.
#
# **Naming your BATNA (your best alternative to this deal) helps only when it raises the
# price they expect, and only as a fact.** Where both sides counter, as here, module 03's
# deal-me-out sets that price: the larger of their estimate of your share at the table and
# the least they think you would take. Your share at the table, the deal's value split
# with no alternative in play, is your extra cost plus about half the surplus (the job's
# worth to Orchard less that cost), far below Birch's price, if your extra cost is the
# work's whole cost and both sides are equally patient. Applying the model to what
# Orchard believes, not to the facts, is this course's extension. So Birch binds: once
# Orchard believes your other work pays Birch's price, the least it thinks you would take,
# and so the price it expects, is at least that. Naming a true offer below what Orchard
# believes your other work pays (`s.their_guess`) lowers the price it expects: keep it
# private. Naming one above raises it; keeping that private is defensible too: a number
# well below your opening anchors low and shows roughly where your reservation price is.
# Question 1 accepts either.
#
# | what you say | what kind of move | in this course |
# |---|---|---|
# | "Birch has offered us that much for the year" (true) | a fact about your alternative | only when it raises the price Orchard expects at the table (question 1) |
# | "Pay more, or we take Birch's job and you miss your launch" | a *threat*, not a *warning* (modules 02 and 03): any price above your reservation price beats Birch's job, so you would not do it; an insincere threat | do not: it invites a threat back, and a false statement of your intent sits on the line between a bluff and a misrepresentation |
# | an invented or inflated rival offer | misrepresentation | never |
#
# In your scenario your BATNA is Birch's job, worth Birch's price to you, and your
# **reservation price** is Birch's price plus the extra cost of Orchard's job.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (3 marks, 1 by your instructor): choose your opening, answer an anchor
#
# Write `opening(s, anchor, quote=None)`: return `(price, said)`, your first price to
# Orchard and the list of the keys of the statements in `s.statements` you make (each has
# a `text`, the price it names, `figure`, and what it reports, `about`). `anchor` is
# `None` when you open, or Orchard's opening price when Orchard has opened first. `quote`
# is `None`, or the price another studio has quoted Orchard for the same year of work, on
# a signed quote Orchard has shown you, which you can check (take the two studios' work as
# equal).
#
# - **Grounded:** each statement you make is a true fact, said as a fact, worth telling
#   Orchard; your price is at most your *best fact*, the highest figure among them. A
#   figure other than the story's for what it reports (`s.facts`) is not true; a sentence
#   that says what you will do to Orchard is a threat; a true market price below your
#   opening (the survey's, Linden's, a retailer's) argues against it.
# - **Your alternative:** keep Birch's offer (`s.alternative_price`) private when it is
#   below what Orchard believes your other work pays (`s.their_guess`: what *Orchard*
#   thinks of *you*); above it, the check accepts either choice (section 1).
# - **Ambitious:** open from your estimate of Orchard's reservation price,
#   `s.their_estimate` (what *you* think of *Orchard*), up to your best fact.
# - **Moved by news, not by an anchor:** Orchard's opening changes none of your facts. A
#   quote below your best fact caps Orchard's reservation price: open no higher than the
#   quote, and no lower than 3 thousand under it or your estimate, whichever is lower. The
#   3 is a small edge that gives Orchard a reason to choose you over an equal rival, and
#   the course's line. Below your estimate, it is an exception to section 1's rule.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "opening-answer", "schema_version": 3}
def opening(s, anchor, quote=None):
    """(your first price, the keys of the statements you make); anchor: Orchard's opening
    if it opened first, else None; quote: another studio's signed quote to Orchard, shown to
    you, or None."""
    ### BEGIN SOLUTION
    # true: the story gives that figure for what it reports; a demand is a threat, never
    # true. Orchard's anchor changes none of this, so it is not used.
    true = [k for k, st in s.statements.items() if s.facts.get(st.about) == st.figure]
    market = [k for k in true if s.statements[k].about != "birch"]
    key = max(market, key=lambda k: s.statements[k].figure)
    price = s.statements[key].figure
    if quote is not None:  # news about Orchard's alternatives: it won't pay more than that
        price = min(price, quote)
        # never open under my own limit: a quote below it leaves no deal to reach, and I
        # would walk away (section 5); the check sends no such quote
        price = max(price, s.alternative_price + s.extra_cost)
    # Birch stays private: named, it is a number well below my opening, which anchors low
    # and shows roughly where my reservation price is. Naming it when it beats what
    # Orchard believes (s.their_guess) passes too: Birch binds, so it raises the price
    # Orchard expects (section 1)
    return price, [key]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "opening-test", "schema_version": 3}
"""Check that opening is ambitious, grounded in a true fact worth stating, not pulled by an anchor, and moved by news."""
check.opening(opening)
### BEGIN HIDDEN TESTS
check.opening(opening, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "opening-reason-text", "schema_version": 3}
# **How far past your estimate (1 mark, graded by your instructor).** In one or two
# sentences, say how far past `s.their_estimate` your `opening(scenario, None)` lies, and
# why that far, from your case; if question 1 asks, whether you name Birch, and why.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 1, "grade_id": "opening-reason", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric (1 mark): the opening and its distance past `s.their_estimate`, both read from
# the learner's own case, and a reason from the case: the fact that grounds it, weighed
# against section 1's risk (the further past the estimate, the more it looks like a bluff
# and risks a walk-out). An opening at the estimate earns the mark with such a reason.
# Where Birch's offer is above `s.their_guess` (question 1 then asks), the answer also
# says whether it names Birch and why: named, it raises the price Orchard expects; kept
# private, it does not anchor low or show where the reservation price is (section 1).
# Either choice earns the mark with that reason. Half a mark for a distance with no
# reason, a missing Birch choice where it is asked, or a reason not about this case.
#
# A full-marks answer, for the case in question 6b's rubric (an opening of 120, an
# estimate of 117): "I open at 120, 3 past my estimate: it is what Orchard paid Linden
# last year for the same work, a price it knows, so it is no bluff. No true fact of mine
# goes higher, and asking more would look like a bluff and risk a walk-out."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-teaching", "schema_version": 3}
# ## 2. Concession patterns: Boulware, linear and Conceder
#
# Faratin, Sierra and Jennings ("Negotiation decision functions for autonomous agents",
# *Robotics and Autonomous Systems* 24, 1998) wrote concession plans for software agents
# as **time-dependent tactics**. Rounds count from 1, the opening, as everywhere in the
# course; an agent's deadline is $T$ rounds after its opening. $t$ rounds after its
# opening, the agent has conceded a fraction
#
# $$\alpha(t) = \kappa + (1 - \kappa) \left(\frac{\min(t, T)}{T}\right)^{1/\beta}$$
#
# of the way from its best price $x_0$ to its reservation price $r$, so its offer is
#
# $$x(t) = x_0 + \alpha(t)\,(r - x_0).$$
#
# This is their **polynomial** family. $\kappa$ is the part given in the first offer (0
# here: it opens at $x_0$), and the exponent $\beta > 0$ sets the shape. Each
# agent plans to reach its reservation price at its own deadline, which it keeps
# private.
#
# - $\beta < 1$, **Boulware**: it barely moves for most of the talks, then concedes in
#   large steps near the end. Holding firm says you can wait; two Boulware sides may run
#   out of time.
# - $\beta = 1$, **linear**: the same step every round; $\beta > 1$, **Conceder**: most of
#   the ground early, in shrinking steps.
#
# The other side sees your steps, not $\beta$, and reads them: shrinking steps say you
# are nearing your reservation price, steps that keep their size or grow say there is
# more to come (Lewicki, Saunders and Barry, on patterns of concessions).
#
# **Where the model stops.** Faratin's time-dependent tactics know their deadline and
# follow the schedule whatever the other side does (their behaviour-dependent tactics,
# kinds of tit-for-tat, answer its moves: section 3); a person rarely knows when the talks
# end, and a clock hands out concessions nobody paid for. So use the curve for its shape,
# not as a script: plan steps that shrink towards a **target** above your reservation
# price. It borrows the Conceder's shrinking steps, not its speed.
#
# The target (section 1) is module 02's, and your concession plan stops there. Module
# 02's **band** runs from the **even split** (halfway from your reservation price to your
# estimate of the other side's) to three quarters of the way up. With no fact to show, aim
# at the even split; a fact inside the band moves the target to its figure; a fact past
# the band's top moves it to the top, or above with less room to concede. Every opening
# here rests on a fact above your estimate: it grounds the opening, but a target at or
# above your estimate aims at or past the most you expect Orchard to pay, and from an
# opening there (question 1 allows one) leaves nothing to concede. The checks accept any
# target from the even split up to just below your estimate, and a plan may stop exactly
# on the split. That is wider than module 02's rule (the top or above): every target in
# the band does about as well (the aside below).
#
# This module's examples take the band's top, **three quarters of the way**: your
# estimate may be too high, and the aside below finds higher targets close fewer deals.
#
# The even split and three quarters are conventions read off your estimate, not
# predictions. Module 02's Nash split and module 03's deal-me-out model where a price
# ends; the course uses them only for which way a change moves it, never to set a
# target.
#
# <details><summary>Aside: why not the estimate</summary>
#
# The higher your target, the more often your last asks stay above Orchard's
# reservation price, leaving you with Orchard's final offer, which may fall short. In the
# course's engine (reservation price 75, estimate 100, opening 110, Orchard's reservation
# price 88, 90, ..., 112, four arena styles: 52 talks), plans
# stopping at the estimate, nine tenths and three quarters of the way up closed 44, 45
# and 49 deals (each with one at your reservation price, a gain of 0), with average gains
# of 11.7, 11.9 and 12.5 (a talk without a deal counting 0). Any target in module 02's
# band, from the even split (87.5) up to 93.75, does about as well (49 to 52 deals, gains
# 12.2 to 12.6); the course takes three quarters. These plans step every round, a little
# faster than section 3's rule: read the figures as rough.
#
# </details>
#
# The curves below start at 100 in round 1, end at 40 ten rounds later, and differ only
# in $\beta$. With $\beta = 2$, a plan's first concession stays within question 2's three
# fifths; a steeper Conceder may not. Note: three fifths is this course's line, not a
# figure from Faratin or another study.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics-example", "schema_version": 3}
from itertools import pairwise

from course.models.concessions import tactic_name
from course.pictures_concessions import tactic_curves

for beta in (0.2, 1.0, 2.0):
    alpha = concession_fraction(5, 10, beta)
    offers = [time_dependent_offer(t, 10, 100, 40, beta) for t in range(11)]
    steps = [round(before - after, 1) for before, after in pairwise(offers)]
    name = tactic_name(beta)
    print(f"β = {beta} ({name}): in round 6 it has conceded {alpha:.0%}, offering {offers[5]:.1f}")
    print(f"        its steps: {steps}")
HTML(tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 2.0)))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 marks): plan your concessions on price
#
# Write `concession_plan(s, opening)`: your planned offers on price, one for each round
# of the talks, from round 1 to round `s.rounds` (a list of `s.rounds` numbers). The
# plan is yours to choose; it must
#
# 1. start at `opening` in round 1;
# 2. never go back up;
# 3. hold (a step of 0) in round 2: Orchard has only opened, and an opening is not a
#    concession (if Orchard opened first, use section 3). Concede in round 3; later holds
#    are yours to place. The plan is a ceiling, not a schedule: section 3's rule gives
#    only in answer to theirs;
# 4. concede in steps that never grow and shrink at least once (decreasing concessions):
#    no step down bigger than the smallest earlier one (holds do not count), and at least
#    one smaller than the first;
# 5. give at most three fifths of everything it concedes in its first concession;
# 6. end at a target from the even split between your reservation price
#    (`s.alternative_price` plus `s.extra_cost`) and your estimate of Orchard's
#    (`s.their_estimate`) up to just below that estimate (section 2); the model answer
#    takes three quarters.
#
# The check tries openings from `s.their_estimate` up to your best fact, not only yours.
# Whole thousands pass when the room to your target is wide; with little room, they can
# make every step equal (rule 4 fails): keep one decimal.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "concession-plan-answer", "schema_version": 3}
def concession_plan(s, opening):
    """Your offers in rounds 1 .. s.rounds, from opening down to your target."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    # section 2: I stop at the top of module 02's band, three quarters of the way up to my
    # estimate, keeping room to concede, since Orchard's reservation price may lie below
    # my estimate
    target = reservation + 0.75 * (s.their_estimate - reservation)
    sizes = range(s.rounds - 2, 0, -1)  # steps in proportion n, n - 1, ..., 1: they shrink
    # round 2 holds: Orchard has only opened, and its opening is not a concession
    total, given, plan = sum(sizes), 0, [opening, opening]
    for size in sizes:
        given += size
        plan.append(opening - (opening - target) * given / total)
    return plan
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
# People feel bound to return what they are given: the **norm of reciprocity** (Gouldner,
# "The norm of reciprocity", *American Sociological Review*, 1960). Cialdini and
# colleagues found it in requests ("Reciprocal concessions procedure for inducing
# compliance", *Journal of Personality and Social Psychology*, 1975): a smaller request
# after a refused one is granted more often. In bargaining (Pruitt, *Negotiation
# Behavior*, 1981), a concession tends to be answered with one. A concession you make
# without one in return teaches the other side that pressing works (this course's
# reading).
#
# **Tit-for-tat** turns reciprocity into a rule: open cooperatively, then do whatever the
# other side did last. It beat cleverer entries in Axelrod's tournaments of the repeated
# prisoner's dilemma (*The Evolution of Cooperation*, 1984). Its strength grows with
# Axelrod's "shadow of the future": how much later rounds count.
#
# <details><summary>Aside: Axelrod's two tournaments</summary>
#
# Tit-for-tat was never first to defect, struck back at once, forgave as soon as the other
# side cooperated again, and was easy to read. It won both tournaments. The first one's
# games had a known length of 200 moves; since a known last move invites defection, he
# made each game of the second end at random.
#
# </details>
#
# A person should not mirror a step back: asking more than you last offered, a
# **retraction**, tells the other side your offers cannot be relied on. So the course's
# rule, which it calls **paced tit-for-tat**, has four parts:
#
# 1. Concede only in answer to a concession of theirs, never into silence.
# 2. Give back part of what they gave; how much is your call. Your **allowance** is the
#    smallest of four numbers: their concession; your plan's next step; your own last
#    concession (holds do not count; before your first, three fifths of the room to your
#    target); and the room left to your target. Give between half of your allowance and
#    all of it.
# 3. If they retract, hold: neither step forward nor back. An offer that only takes back
#    its own retraction is not a concession: their concession is how far their offer goes
#    beyond their best earlier offer.
# 4. Stop at your target, keeping room for a last trade.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (1 mark): your next offer, by paced tit-for-tat
#
# Write `tit_for_tat(s, mine, theirs, target)`: your next offer by section 3's rules 2
# and 3. `mine` lists your offers so far, from your opening, and `theirs` Orchard's
# answers, one for each of yours (at least 2 each). `target` is your section 2 target
# (the check passes its own); your offer never goes below it. It gets no plan: leave out
# rule 2's plan step, as the check does. The check accepts any share from half of your
# allowance to all.
#
# For example, with `target = 100`, `mine = [118, 118, 114]` and `theirs = [80, 85, 91]`,
# you held after Orchard's opening, gave 4 for its 5, and Orchard has now conceded 6 (91
# against its best earlier 85), more than your last 4, so you give from 2 up to 4: an
# offer from 110 up to 112. Had Orchard gone 80, 85, 81, 85 while you held at 114, its 85
# would only take back its retraction: you hold at 114. Rounding to whole thousands or to
# one decimal passes.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "tit-for-tat-answer", "schema_version": 3}
def tit_for_tat(s, mine, theirs, target):
    """Your next offer: your last one, lowered by your share of Orchard's last concession,
    capped by your own last one (before your first, by three fifths of the room to
    target); held when Orchard held, stepped back or only took back its own retraction;
    never below target."""
    ### BEGIN SOLUTION
    their_step = theirs[-1] - max(theirs[:-1])  # new ground beyond its best earlier offer
    if their_step <= 0:
        return max(mine[-1], target)  # a hold, a step back or an undo: hold
    my_steps = [before - after for before, after in pairwise(mine) if before > after]
    # my steps never grow; my first gives at most three fifths of the room (question 2)
    most = min(their_step, my_steps[-1] if my_steps else 0.6 * (mine[-1] - target))
    # my call: all of it while over half the room from my opening to my target is left,
    # to keep the pace; three quarters after that, to keep room for a last trade
    far = mine[-1] - target > (mine[0] - target) / 2
    return max(mine[-1] - (1 if far else 0.75) * most, target)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "tit-for-tat-test", "schema_version": 3}
"""Check that tit_for_tat answers Orchard's last move as the rules say, never below your target."""
check.tit_for_tat(tit_for_tat)
### BEGIN HIDDEN TESTS
check.tit_for_tat(tit_for_tat, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "arena-teaching", "schema_version": 3}
# ### Exercise: negotiate against a bot
#
# You sell, a bot buys, on a simple price case (not Kite's). Your reservation price is 40;
# the buyer's lies from 35 to 85, drawn independently of yours (it may be below it) and
# hidden.
#
# <details><summary>How the buyer behaves, and the debrief</summary>
#
# A debrief at the end shows both concession curves and what each concession bought. The
# buyer answers each offer with its own. It may stop before the tenth round: when its time
# is up it says its offer is final; when its
# patience runs out it says so at least one offer before it leaves. Patience is used up by
# **insulting** offers (an ask more than three quarters of the way from its reservation
# price up to 100, the top of the scale), and, while your ask is still above its
# reservation price, by offers you take back and rounds in which you do not move, except
# a hold answering its opening (section 3's rule); a real concession restores a little.
#
# </details>
#
# <details><summary>Two things to try in the arena</summary>
#
# - **Read its style.** Unless you pick one, the style is a mystery; name it at the end.
#   Hold your ask now and then: what the buyer does when you hold is its own pace (growing
#   late for Boulware, even for linear, shrinking for Conceder), and tit-for-tat gives
#   back about as much as you concede, the others a third, on top of their own pace.
# - **Answer an anchor.** Tick "the buyer opens": it starts far below its reservation
#   price. Unlike Orchard's anchor, its number is news here, because you know how these
#   buyers open: one you have not met opens at about 30 per cent of its reservation price
#   (Boulware), 35 (linear, tit-for-tat) or 40 (Conceder); one you meet again opens at a
#   larger share the more it trusts you. So a first meeting's opening of 24 puts that
#   price in one of three bands, one per share: 80 to 83 (Boulware), 69 to 71 (linear,
#   tit-for-tat) or 60 to 62 (Conceder). Open at the top, 83: still below the insult
#   line of every buyer in the bands (90 for one of 60).
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "arena", "schema_version": 3}
from course.widgets.practice import NegotiationArena

NegotiationArena()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "trades-teaching", "schema_version": 3}
# ## 4. Trading across issues: logrolling and the Pareto frontier
#
# Most real deals have several issues, and the two sides rarely care about them
# equally. That is where value can be **created**, not
# only **claimed**, and Lax and Sebenius (*The Manager as Negotiator*, 1986) argued that
# claiming value gets in the way of creating it, and that creating it exposes you to
# claiming.
#
# To compare packages, score each side's preferences as points per level of each issue and
# add them up (Raiffa, *The Art and Science of Negotiation*, 1982). A **move** changes the
# package on the table: a **trade** moves one issue one level towards the other side (your
# give) and another one level towards you (your get); a **single give** moves one issue
# towards them and asks nothing back.
#
# <details><summary>Aside: what adding and dividing points assumes</summary>
#
# Adding your points to Orchard's, or dividing one by the other, assumes that a point
# means as much to each side. A classroom case is built so; in a real deal the other
# side's points are your estimates on their own scale: use the sums and ratios below to
# rank moves, not as exact amounts.
#
# </details>
#
# A move's **gain per point**, $\frac{\text{their net gain}}{\text{your net loss}}$, is
# what Orchard gains for each point you give up; only rule 2.2 below uses it.
#
# A move is **free** when neither side loses points and at least one gains. Below the
# frontier some free change of package always exists, though not always a one-level one
# (see the aside below); on the frontier, none does.
#
# **Where to land is one decision; how to get there is another.**
#
# 1. *Choose where to land first*. Your **landing**, the
#    package counterpart of your price target, is the frontier package with the most
#    points for you among those that give the other side at least what it needs to sign
#    (its minimum) plus a **cushion** you choose. The cushion does the work of the
#    quarter a price target keeps back: their minimum is only your estimate, and you
#    will meet again (section 5). It may be 0: packages come in steps, so the best one
#    they would sign nearly always leaves them a few points over their minimum already.
# 2. *Pace the moves* with the course's rule below. It looks only one move ahead, so it
#    does not always reach your landing: from your colleague's draft it usually does, but
#    from a package that splits every issue down the middle it stops short in about half
#    of the learners' cases. Where it stops short, propose the landing package itself.
#    The verdict says where the rule's path would have ended.
#
# The rule:
#
# 1. **Create value first.** While a free move exists, make one: give on an issue that
#    matters more to them than to you, take one that matters more to you. This is
#    **logrolling** (Pruitt, 1981). Any free move will do; the
#    model answer takes the one that adds the most points for both. Once they have their
#    minimum, hold back a trade that gains you nothing: keep it for the close (rule 3).
# 2. **Then concede only what closes the deal.** Once no move is free (on the frontier,
#    always), every move that helps them costs you points. So concede
#    only while they still need points to agree, and make every concession
#    **conditional** on the whole deal ("I can go to unlimited revisions if we sign the
#    framework on these terms"): what comes back is the deal itself, while its price still
#    beats your reservation price (section 5 counts the relationship). If no deal is
#    signed, every concession falls away.
#    1. If one move gives them all the points they still need (a **closing move**), make
#       the one of those that costs you least. If two cost you the same, either is
#       right: more insures against a misjudged minimum, less keeps to rule 3.
#    2. If no single move closes the deal, give where the gain per point is highest, on
#       that condition.
#
#    For example, when Orchard needs 1 more point, a trade that costs you 20 and gives it
#    4 closes the deal; a single give that costs you 38 and gives it 11 has the higher
#    gain per point (0.29 against 0.20) but costs you 18 more than the cheapest move that
#    closes the deal, so rule 2.1 takes the trade.
#
# 3. **Stop, then close.** Stop when they have what they need and no move gains you
#    points: giving more for nothing tells them more can be had. If rule 1 held back a
#    trade, offer it now, last, for the signature ("if we sign today, I'll go to 90-day
#    payment for delivery in 10 weeks"): on balance it costs you nothing and ends the deal
#    on the frontier.
#
# <details><summary>Aside: the common rule of equal value back</summary>
#
# Common advice says every give must bring back something of equal value; read strictly, a
# **trade ratio** (your points back over your points given: whether a move pays for itself
# for you) of at least 1. Rule 1 keeps it below the frontier: a free move's trade ratio
# is at least 1, or its give costs you nothing (the ratio alone cannot tell you whether a
# move is free, since it says nothing of Orchard's points). On the frontier no move that
# helps Orchard has a ratio of 1 or more, so that rule would refuse every closing
# concession and leave the deal unsigned. Its intent, nothing for free, holds there: what
# comes back for a conditional concession is the deal itself, while its price still beats
# your reservation price (rule 2), and a give that would not help close the deal is still
# refused.
#
# </details>
#
# <details><summary>Aside: their minimum is an estimate</summary>
#
# Rule 2.1 lands at or above their minimum, which rests on your research's guess. Test
# that guess before the closing move, not after it: ask what a package must still hold for
# them to sign, and offer the move on the condition that it settles the deal ("if that
# settles it, I can go to unlimited revisions"). If they ask for more after it, you have
# not given the move for nothing.
#
# </details>
#
# <details><summary>Aside: stuck below the frontier</summary>
#
# When no one-level trade is free but some package is still better for both, look then
# for a bigger move (two levels of one issue, or three issues at once).
#
# </details>
#
# The small case below has six packages scored (you, them); the frontier holds four of
# them. (2, 2) is not on it: (2, 3) gives them one more at no cost to you.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "frontier-example", "schema_version": 3}
small_case = [(4, 0), (3, 1), (1, 1), (2, 3), (0, 4), (2, 2)]
print("frontier:", pareto_frontier(small_case))
# Below the frontier, (1, 1) -> (2, 3) is a free move: you gain 1, they gain 2.
# On the frontier, (3, 1) -> (2, 3) costs you 1 and gives them 2.
you_lose, they_gain = 3 - 2, 3 - 1
print("on the frontier, the gain per point:", they_gain / you_lose)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner-teaching", "schema_version": 3}
# ### Exercise: the concession planner
#
# Your colleague has drafted the framework for Orchard (`s.draft`), below the frontier.
#
# 1. Choose your landing: in the picture (your points across, Orchard's up), the frontier
#    dot furthest to the right that is on or above Orchard's dashed minimum line.
# 2. Plan the talks from the draft, a move a row: an issue to give one level to Orchard
#    and an issue to take one level back, or "(nothing)" for a single give. The table
#    shows each move's points for both sides and its gain per point ("—" where it does
#    not apply; a single give can still be the rule's move, made conditional: rule 2).
#    The last column judges each
#    move by question 4's rule from where you stood: green when it is the rule's move,
#    amber when rule 1 keeps it for the close, red when the rule makes another or
#    stops (it says which).
#
# The colours judge how each move is chosen, not where your plan ends. Land on the
# frontier with Orchard's minimum met; the rule's own path usually takes three moves.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "planner", "schema_version": 3}
from course.widgets.concessions import ConcessionPlanner

ConcessionPlanner(scenario)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4 (1 mark): the next move to offer Orchard
#
# Write `next_trade(s, current)`: from the package `current` (a dict of issue to level),
# return the package after the rule's next move, or `None` when the rule stops. The moves
# are every trade of one issue **one level** towards Orchard for a different issue **one
# level** towards you, and every single give of one level (`s.issues` lists each issue's
# levels from best for you to best for Orchard; `s.yours[issue][level]` and
# `s.theirs[issue][level]` are the points). Orchard will not sign for fewer than
# `s.their_minimum` of its points.
#
# The check follows section 4's rule: free moves first (it accepts any free move), then
# the cheapest closing move or rule 2.2's, then stop (or make rule 3's closing move). Of
# moves still equal, it accepts either.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "next-trade-answer", "schema_version": 3}
def next_trade(s, current):
    """The package after the rule's next move from current, or None when it stops."""
    ### BEGIN SOLUTION
    issues = s.issues

    def moved(issue, step):  # the level one step towards Orchard (+1) or you (-1), or None
        at = issues[issue].index(current[issue]) + step
        return issues[issue][at] if 0 <= at < len(issues[issue]) else None

    moves = [(give, None) for give in issues] + list(permutations(issues, 2))
    free, concessions = [], []
    for give, get in moves:
        package = {**current, give: moved(give, +1)}
        if get is not None:
            package[get] = moved(get, -1)
        if None in package.values():
            continue  # that issue is already at its end
        you = sum(s.yours[i][package[i]] - s.yours[i][current[i]] for i in issues)
        them = sum(s.theirs[i][package[i]] - s.theirs[i][current[i]] for i in issues)
        if you >= 0 and them >= 0 and you + them > 0:
            free.append((you + them, you, package))
        elif you < 0 < them:
            concessions.append((you, them, package))
    needed = s.their_minimum - sum(s.theirs[i][current[i]] for i in issues)
    if needed <= 0:  # rule 1: once Orchard has its minimum, keep a move that gains me nothing
        free = [found for found in free if found[1] > 0]
    if free:
        return max(free, key=lambda found: found[:2])[2]
    if not concessions or needed <= 0:
        return None
    closing = [found for found in concessions if found[1] >= needed]
    if closing:  # the cheapest move that closes the deal
        return max(closing, key=lambda found: found[:2])[2]
    return max(concessions, key=lambda found: (found[1] / -found[0], found[0]))[2]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "next-trade-test", "schema_version": 3}
"""Check that next_trade creates value first, concedes only what closes the deal while Orchard needs it, and stops."""
check.next_trade(next_trade)
### BEGIN HIDDEN TESTS
check.next_trade(next_trade, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "landing-text", "schema_version": 3}
# ### Question 4b (2 marks, one of them graded by your instructor): where you land
#
# Section 4's first decision is how far above its minimum, which you only estimate, to
# leave Orchard (its cushion); you will meet Orchard again next year. Write
# `landing(s, cushion=None)`: return the package (a dict of issue to level) you land on,
# on the frontier, giving Orchard at least `s.their_minimum + cushion` of its points, and
# with the most points for you among such packages (of two frontier packages that give
# you the same, either passes). The check calls it with a cushion of 0 (a package giving
# Orchard exactly its minimum counts) and a few others that fall on no package's points.
# Called without a cushion (`landing(s)`), it returns the landing *you* choose for your
# case. The check does not mark that choice, only that it is on the frontier and meets
# Orchard's minimum: the coded mark is for the rule, and the written part below marks
# your cushion.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "landing-answer", "schema_version": 3}
def landing(s, cushion=None):
    """The frontier package best for you among those that give Orchard at least its
    minimum plus cushion; without a cushion, the cushion you choose for your case."""
    ### BEGIN SOLUTION
    packages = all_packages(s.yours, s.theirs)
    frontier = set(pareto_frontier([(you, them) for _, you, them in packages]))
    signed = [row for row in packages if (row[1], row[2]) in frontier]
    signed = [row for row in signed if row[2] >= s.their_minimum]
    if cushion is None:  # my choice: we meet again next year, so I leave Orchard the next
        # frontier package above the best for me when it costs me at most 3 of my points
        points = sorted({(you, them) for _, you, them in signed}, reverse=True)
        cheap = len(points) > 1 and points[0][0] - points[1][0] <= 3
        cushion = points[1][1] - s.their_minimum if cheap else 0
    signed = [row for row in signed if row[2] >= s.their_minimum + cushion]
    return max(signed, key=lambda row: row[1])[0]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "landing-test", "schema_version": 3}
"""Check that landing chooses the frontier package best for you that leaves Orchard its minimum plus the cushion."""
check.landing(landing)
### BEGIN HIDDEN TESTS
check.landing(landing, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "margin-text", "schema_version": 3}
# **Orchard's cushion (1 mark, graded by your instructor).** The cell below lists the
# frontier packages Orchard would sign, what each leaves Orchard over its minimum and what
# it costs you against the best. Choose the cushion you would leave Orchard (your
# `landing(scenario)`), and in two to four sentences say: the cushion and its package;
# what it costs you in your points against a cushion of 0, and what Orchard gets for it;
# and why that is worth it (or why you leave none), from your case: how far your estimate
# of Orchard's minimum can be trusted, next year's talks.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "margin-costs", "schema_version": 3}
points = [(you, them) for _, you, them in all_packages(scenario.yours, scenario.theirs)]
signed = sorted(
    (p for p in pareto_frontier(points) if p[1] >= scenario.their_minimum), reverse=True
)
for you, them in signed:  # the frontier packages Orchard would sign, best for you first
    over, cost = them - scenario.their_minimum, signed[0][0] - you
    print(f"Orchard {them:g}, {over:g} over its minimum; you {you:g}, {cost:g} below the best")

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 1, "grade_id": "margin-judgement", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric (1 mark): a cushion and the package it gives, both read from the learner's own
# case; its cost in the learner's points against a cushion of 0 and Orchard's gain; and a
# reason that weighs that cost against next year's talks or the doubt in the minimum.
# Half a mark for a cushion with no cost, or a reason that is not about this case. A
# cushion of 0 earns the mark when the reason is given (say, rule 2.1's closing move
# already lands a few points above the minimum).
#
# A full-marks answer, for a case whose frontier above Orchard's minimum of 47 runs (89,
# 55), (86, 58), (83, 70): "I leave a cushion of 11. `landing(scenario, 11)` gives the
# package worth 86 to me and 58 to Orchard, against 89 and 55 with no cushion: 3 of my
# points buy Orchard 3 of its own. 8 points over a minimum I only estimated may not be
# enough for Orchard to sign; 3 of my points is cheap insurance, and we meet again next
# year. A cushion of 12 or more (up to 23) would cost me 6 points for 15 of Orchard's: a
# gift, since my estimate of its minimum is not so far off that I need it."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "meso-teaching", "schema_version": 3}
# ### Several offers at once
#
# You do not have to open the framework talks with one package. Medvec and Galinsky
# ("Putting more on the table: how making multiple offers can increase the final value of
# the deal", *Negotiation* newsletter, 2005) suggest **multiple equivalent simultaneous
# offers** (MESOs): two or three packages put forward together, each worth about the same
# to you but built differently; the other side picks one to build on.
#
# <details><summary>Aside: what the experiments found</summary>
#
# In experiments by Leonardelli, Gu, McRuer, Medvec and Galinsky (*Organizational
# Behavior and Human Decision Processes*, 2019), offerers who made MESOs reached better
# deals for themselves and higher joint gains than those who made a single offer, and
# were seen as more cooperative. The authors traced the joint gains to the set's being
# more likely to hold an offer the other side found attractive, and the offerer's own
# gains to the other side's reading a set as a sincere attempt to agree.
#
# </details>
#
# **Reading the pick.** Your research's estimate of Orchard's points suggests which offer
# it likes best. If Orchard picks that one, its choice is consistent with your estimate
# and tells you nothing new to act on. If it picks another, the estimate is off. The pick
# beats both offers it turned down: for Orchard, what it gives more of outweighs what it
# gives less of. Read it against the offer your research rated best for Orchard: each
# issue where the pick gives it more ground than that offer is a candidate that may matter
# relatively more to Orchard than you thought. One pick cannot say which, nor rank or
# price them. Test them in your next proposal.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 marks): three equivalent offers
#
# Write `meso(s)`: a list of three different packages (dicts of issue to level) such that
#
# - each is on the Pareto frontier, and worth more to you (`s.yours`) than the package at
#   the middle level of every issue in `s.issues`;
# - each is ambitious: worth at least as much to you as `landing(s, 0)`, your landing with
#   no cushion, so it gives no ground before the talks begin;
# - they are worth about the same to you: within 5 of your points of each other;
# - no two give Orchard ground on exactly the same issues (an issue gives Orchard ground
#   when it is not at your best level, the first of its levels in `s.issues`);
# - none is an insult: each gives Orchard (`s.theirs`) at least a quarter of the points it
#   needs to sign (`s.their_minimum / 4`), a floor, not a mark of sincerity; the quarter
#   is this course's line, not a finding.
#
# So your offers will nearly always give Orchard less than its minimum: the course trades
# the aside's joint gains for ambition. Section 1's
# grounding rule is for prices: no market fact prices a package, so an opening set has
# its own floor, the quarter above.
#
# `all_packages(s.yours, s.theirs)` lists every package with both sides' points, and
# `pareto_frontier` finds the frontier's points. Your case has several sets that meet
# these rules; the check accepts any of them. Advice, not graded: prefer a set whose least
# attractive offer still tempts Orchard (the course's preference, drawn from the
# sincerity finding above).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "meso-answer", "schema_version": 3}
def meso(s):
    """Three different packages on the frontier, within 5 of your points of each other,
    each better for you than the middle and than where you plan to land, and worth at
    least a quarter of its minimum to Orchard, no two giving ground on the same issues."""
    ### BEGIN SOLUTION
    packages = all_packages(s.yours, s.theirs)
    frontier = set(pareto_frontier([(you, them) for _, you, them in packages]))
    middle = package_points({i: levels[1] for i, levels in s.issues.items()}, s.yours)
    land = max(you for you, them in frontier if them >= s.their_minimum)  # where you plan to end
    offers = [
        row
        for row in packages
        if (row[1], row[2]) in frontier
        and row[1] > middle
        and row[1] >= land
        and row[2] >= s.their_minimum / 4
    ]

    def ground(package):  # the issues on which it gives Orchard ground
        return frozenset(i for i, levels in s.issues.items() if package[i] != levels[0])

    sets = [
        trio
        for trio in combinations(offers, 3)
        if max(r[1] for r in trio) - min(r[1] for r in trio) <= 5
        and len({ground(r[0]) for r in trio}) == 3
    ]
    # the course's own preference, a set with no throw-away offer: the set whose least
    # attractive offer gives Orchard the most, nearest its minimum; between equals, the one
    # whose least offer is worth more to me
    best = max(sets, key=lambda trio: (min(r[2] for r in trio), min(r[1] for r in trio)))
    return [package for package, _, _ in best]
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "meso-test", "schema_version": 3}
"""Check that meso offers three different packages, equivalent to you, efficient, ambitious and built differently."""
check.meso(meso)
### BEGIN HIDDEN TESTS
check.meso(meso, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5b-text", "schema_version": 3}
# ### Question 5b (1 mark): what Orchard's pick tells you
#
# Write `read_pick(s, offers, picked)`: you put the three packages `offers` on the table,
# and Orchard chose `offers[picked]` (`picked` is 0, 1 or 2). Return the set of issues (a
# list or tuple of them passes too) its pick makes candidates for ones Orchard values
# relatively more than your research (`s.theirs`) estimated: all of them, not only the
# likeliest. Work it out from "Reading the pick" above over `s.issues`. The check asks
# only about sets with one offer your research rates best for Orchard. Comparing the pick
# with every offer it beat that your research rated higher may name more issues, and
# passes too.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "read-pick-answer", "schema_version": 3}
def read_pick(s, offers, picked):
    """Every issue Orchard's pick makes a candidate for one it values relatively more than
    your research estimated."""

    ### BEGIN SOLUTION
    def theirs(package):  # the package's worth to Orchard, by your research
        return sum(s.theirs[i][package[i]] for i in s.issues)

    expected = max(offers, key=theirs)
    if offers[picked] == expected:
        return set()  # the pick is consistent with the research: nothing new
    chosen = offers[picked]
    return {
        i for i, levels in s.issues.items() if levels.index(chosen[i]) > levels.index(expected[i])
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "read-pick-test", "schema_version": 3}
"""Check that read_pick reads an expected pick as no news and a surprise as the issues behind it."""
check.read_pick(read_pick)
### BEGIN HIDDEN TESTS
check.read_pick(read_pick, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-teaching", "schema_version": 3}
# ## 5. Difficult moments: accept, counter or walk away
#
# A shock offer (far below anything discussed, a sudden deadline) changes
# nothing about your BATNA or reservation price; it works on your judgement. Decide
# beforehand how to answer any offer:
#
# - **Accept** in three cases (question 6's rules 1 to 3 follow them):
#   - When the offer is at least what you would ask next: turning it down only delays a
#     deal you were about to offer (Faratin et al.'s rule).
#   - At the end of the talks there is no next ask: an offer above your reservation price
#     beats your BATNA; one exactly at it is worth the same, so either answer is right.
#   - When you have good evidence of a cap on what they can pay and the cap is at or above
#     your reservation price: ask no more than the cap, and take an offer at it. Evidence
#     is a cap you can check or that costs them to break (a published tender ceiling, a
#     budget their board approved); treat a figure merely stated or written down as a
#     test: counter, and ask what it rests on. A third party's document you have seen
#     (question 1's signed quote) can be checked; Orchard's own word on its budget, even
#     written, is a test.
# - **Accept or counter:** while rounds remain, an offer below your next ask but at or
#   above your target: accept it or counter; taking it gives up only steps your plan would
#   make. Below your target, counter.
# - **Walk away** when the best deal you can still reach is below your reservation price:
#   at the end of the talks, when the offer on the table is below it, or earlier when you
#   have good evidence that there is no **zone of possible agreement** (module 02's ZOPA),
#   as with such a cap below your reservation price.
# - **Counter** in every other case: while a deal is still possible, a low offer is a
#   reason to answer, not to leave or jump.
#
# Suppose a client who offered 84, then 90, suddenly offers 60:
#
# 1. *Slow down.* "That is a long way from where we were last week. What has changed on
#    your side?"
# 2. *Reassess, then re-anchor.* If the news is credible, update your estimate of their
#    reservation price, and your plan. If not, restate the fact behind your number:
#    "The market rate for a year of this work is 118; my ask of 112 is already below it."
# 3. *Hold until they offer new ground.* A drop after offers that rose is a retraction:
#    answer it by section 3, rule 3, even if your plan had a step due. Buyers differ in
#    which steps they read as rewarding the drop; you cannot tell which you face, nor a
#    test from a real cut. Answer their next real move by rule 2, on a
#    condition: a level on another issue where one is on offer ("I can look at 30-day
#    payment if delivery stays at 10 weeks"), and always the deal itself ("... if that
#    settles it").
# 4. *If there is no zone, leave well.* "At 60 we can't do this work properly. If your
#    budget moves, or a smaller scope would help, call me; I'd like to work with you."
#
# How people feel about the outcome, themselves, the process and the relationship is a
# measure of its own, **subjective value** (Curhan, Elfenbein and Xu, "What do people
# value when they negotiate?", *JPSP*, 2006).

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-moment-teaching", "schema_version": 3}
# ### Exercise: a low-ball arrives
#
# You sell; after at least two rising offers, the buyer suddenly offers far below them and
# says it is all its budget allows. Sometimes the budget really was cut, below your
# reservation price; sometimes the claim is a test. The widget's numbers: your reservation
# price is 50, you estimate the buyer's at 72 (it lies from 60 to 85), you opened at 84, a
# sixth above that estimate, the talks last 12 rounds, and your target is section 2's:
# three quarters of the way from your reservation price up to that estimate (66.5, rounded
# up to 67). Your plan holds after the buyer's opening, then takes whole steps that never
# grow, one every round: rougher than section 3's rule. Half the buyers read any step in
# answer to the low-ball as pressure working and start again from their low-ball; the
# other half read only a step much bigger than your planned one that way (the course's
# assumption; no study has measured it).
#
# <details><summary>Aside: how the two kinds of buyer answer a hold and a step</summary>
#
# Against the first kind, holding ends better than the planned step in every moment whose
# claim is a test (about two moments in three) and the same when the claim is true.
# Against the second kind, true claims included, holding ends better in about one moment
# in six or seven, the planned step in about one in eight, and most, about seven in ten,
# end the same.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "difficult-moment", "schema_version": 3}
from course.widgets.practice import DifficultMoment

DifficultMoment()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q6-text", "schema_version": 3}
# ### Question 6 (2 marks): accept, counter or walk away
#
# Write `respond(s, offer, next_ask, ceiling=None, board_approved=False)`: Orchard has
# just answered your last offer with `offer`. Return `"accept"`, `"counter"` or `"walk
# away"` by section 5's rule:
#
# 1. while rounds remain, accept an offer at least `next_ask`, and counter any other (one
#    at or above your target you may also accept; the check, which cannot see your
#    target, accepts from the even split);
# 2. in the last round, when no ask of yours is left (`next_ask` is `None`), accept an
#    offer above your reservation price, `s.alternative_price` plus `s.extra_cost`, and
#    walk away from one below it;
# 3. `ceiling` is `None`, or a cap Orchard states: a figure it says is all its budget
#    allows; `board_approved` is `True` when Orchard has shown that its board approved it
#    (section 5's evidence). When `board_approved` is `True`: if the cap is below your
#    reservation price, walk away; if it is at or above it, ask no more than the cap, and
#    accept an offer at the cap. When `False`, answer as if no cap were stated (section 5:
#    a test).
#
# `next_ask` is the lowest you would ask next, your plan's next entry (after a
# retraction, your last ask: section 3, rule 3).


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "respond-answer", "schema_version": 3}
def respond(s, offer, next_ask, ceiling=None, board_approved=False):
    """Accept, counter or walk away from Orchard's offer; ceiling: what Orchard says is all
    its budget allows, or None; board_approved: whether Orchard has shown you that its
    board approved it."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    if next_ask is None:  # the last round: the offer on the table is the best left
        return "accept" if offer >= reservation else "walk away"
    if offer >= next_ask:
        return "accept"
    # a budget its board approved, shown to me, is a cap I can check; a claim I treat as a
    # test, and I answer as if it were not said (section 5)
    if ceiling is not None and board_approved:
        if ceiling < reservation:
            return "walk away"  # no zone: nothing Orchard can pay reaches my limit
        if offer >= ceiling:
            return "accept"  # I ask no more than the cap, so an offer at it is a deal
    return "counter"
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "respond-test", "schema_version": 3}
"""Check that respond accepts, counters and walks away at the right moments."""
check.respond(respond)
### BEGIN HIDDEN TESTS
check.respond(respond, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "low-ball-text", "schema_version": 3}
# ### Question 6b (1 mark, graded by your instructor): your answer to a low-ball
#
# The cell below plays section 5's moment on your own case: your opening and plan,
# Orchard's answers, which rose once and then fell far with "this is all the budget
# allows", and what `respond` says. In two to four sentences, say what you answer (an ask,
# accept or walk away) and the words you would use, with the condition you would put on
# your next give, and why your case makes the claim a
# test (as your `respond` reads it) or what evidence would make it a cap.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "low-ball-own", "schema_version": 3}
try:  # your own opening and plan: run it once questions 1, 2 and 6 pass
    reservation = scenario.alternative_price + scenario.extra_cost
    price = opening(scenario, None)[0]
    mine = concession_plan(scenario, price)
    theirs = [round(0.8 * reservation), round(0.9 * reservation), round(0.6 * reservation)]
    asks = [f"{round(ask, 1):g}" for ask in mine[:4]]  # to a tenth of a thousand
    print(f"your asks: {', '.join(asks[:3])}; Orchard's answers: {theirs}, the last")
    print(f"with 'this is all the budget allows' (respond gets {theirs[-1]} as ceiling)")
    # after the drop, your last ask, and Orchard's "this is all the budget allows"
    answer = respond(scenario, theirs[-1], mine[2], ceiling=theirs[-1])
    print(f"your last ask: {asks[2]} (section 5 step 3 holds here); your plan would have")
    print(f"asked {asks[3]} next; respond says {answer!r}")
except NotImplementedError:
    print("Answer questions 1, 2 and 6 first.")

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 1, "grade_id": "low-ball-judgement", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric: an answer that fits the learner's own numbers (a hold at the last
# ask, section 5's step 3, or a reasoned departure from it); words that slow down and ask
# what changed, or restate the fact behind the ask; the words of the next give made
# conditional (on the deal, or on a level of another issue: rule 2); and the claim read
# as a test with a
# reason from the case (what Orchard offered before, what the story says of its budget,
# what evidence would make a cap believable). The claim read as a cap, with a walk-away
# before asking what changed, gets half a mark, as do missing words, a give with no
# condition, or a missing reason.
#
# A full-marks answer, for the model answer's plan from an opening of 120 over 7 rounds
# with a reservation price of 85 and an estimate of 117 (asks of 120, 120 and 116.3, a
# next ask of 113.4, a target of 109, three quarters of the way up) and Orchard's 68, 76
# and 51: "I hold at 116.3 and say: 'That is a long way from the 76 you offered last week.
# What has changed on your side?' Orchard has said its budget is tighter this year, but it
# paid Linden 120 last year and offered 76 a week ago; a fall to 51 with nothing to show
# for it reads as a test, so I counter, as respond does. If Orchard then offers 78, 2
# beyond its 76, I give those 2, to 114.3, not my plan's full 2.9 (rule 2), and say: 'I
# can come to 114.3 if we sign the framework on these terms.' If Orchard shows me that its
# board approved a budget of 51, that
# is a cap below my reservation price: I walk away politely and say what would bring me
# back."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "meet-again-teaching", "schema_version": 3}
# ### Meeting the same buyer again
#
# How this negotiation ends changes how the next one begins: Axelrod's shadow of the
# future (section 3). A walk-away that leaves the door open can keep the other side's
# good feelings about the process and the relationship; a walk-out that burns the bridge,
# or a deal forced through with pressure, does not.
#
# <details><summary>Aside: what the two-round study measured</summary>
#
# In a two-round study by Curhan, Elfenbein and Eisenkraft (*Journal of Applied Social
# Psychology*, 2010), feelings after the first round predicted how well the second went,
# over and above what the first deal paid, and only the feelings, not the first deal's
# economic outcome, predicted the wish to deal again. The study measured each
# negotiator's own feelings; that the other side's feelings about how you ended shape its
# wish to deal with you again is this course's reading.
#
# </details>
#
# **How the course counts the relationship.** The framework's terms are scored in points
# (section 4), with no rate to thousands: they move no price. The relationship is worth
# what a deal now does to next year's price talks, the framework's second year, compared
# with what your alternative does to them; only this enters your reservation price. Your
# alternative is the polite walk-away, the way this course leaves (section 5): Birch's job
# this year, with the bridge intact. The table below gives the way the difference moves
# the least you would accept; question 7 asks how far.
#
# The cell below estimates, under the arena bots' assumptions, next year's gain over next
# year's reservation price (which is this year's; gains are averaged over the four buyer
# styles, 0 without a deal) after each way of ending this year. The bots'
# trust rises with any deal, whatever its price. In this table a deal always helps; in
# real talks a low price can become next year's starting point.
#
# <details><summary>Aside: how the table is simulated</summary>
#
# The arena's buyers keep a **trust** score that moves with how talks end and with your
# insults and retractions, not with the price: a deal raises it, a walk-out lowers it
# most, and a buyer who trusts you more opens closer to you next time.
# The buyer's reservation price is a single draw within 6 of your estimate of Orchard's,
# the same for every row, and its style is unknown. The simulated talks use the arena's 10
# rounds and its bots, whatever `s.rounds` says, on a price scale from 0 to 200
# (thousands) so that Orchard's prices fit. For each ending, the engine plays a plan of
# section 2's shape twice: question 1's grounded opening, a hold after the buyer's
# opening, then whole steps that never grow, one every round, down to section 2's
# target, with question 6's rule for accepting (stepping every round is rougher than
# section 3's rule). This year the plan is played up to the
# turn where it would end the talks, which then end there in each of the three ways; next
# year in full.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "next-year", "schema_version": 3}
next_year = check.next_year(scenario)
check.next_year_table(next_year)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "relationship-text", "schema_version": 3}
# ### Question 7 (1 mark): the relationship inside your reservation price
#
# `next_year` maps each way this year's talks could end (`"deal"`, `"polite walk-away"`,
# `"walk-out"`) to what you can expect to gain next year after it, over next year's
# reservation price, as in the table above.
# Write `relationship_reservation(s, next_year)`: your reservation price for this year's
# talks (`s.alternative_price` plus `s.extra_cost` without the relationship) with what a
# deal does to next year inside it, against the polite walk-away. Move the least you would
# accept the table's way, more than nothing, at most the whole difference (none where a
# deal changes nothing); the check also tries tables where a deal changes nothing or makes
# next year worse. Any such move passes; question 7b asks how far you moved, and why.
# Questions 1 to 6 leave the relationship out.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "relationship-answer", "schema_version": 3}
def relationship_reservation(s, next_year):
    """Your reservation price for this year's talks, with the relationship inside it."""
    ### BEGIN SOLUTION
    reservation = s.alternative_price + s.extra_cost
    # the alternative to a deal now: the polite walk-away, the way I leave (section 5)
    without = next_year["polite walk-away"]
    worth = next_year["deal"] - without
    # I trust the table's direction more than its size (it rests on the arena bots'
    # assumptions), so I move half of it (question 7b)
    return reservation - worth / 2
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "relationship-test", "schema_version": 3}
"""Check that relationship_reservation puts what a deal does to next year inside the reservation price."""
check.relationship_reservation(relationship_reservation)
### BEGIN HIDDEN TESTS
check.relationship_reservation(relationship_reservation, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "relationship-judgement-text", "schema_version": 3}
# ### Question 7b (1 mark, graded by your instructor): how far you moved
#
# Say how far your `relationship_reservation` moved your reservation price, and why you
# trust the simulated table that far.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 1, "grade_id": "relationship-judgement", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric: the size of the learner's move, read from
# their own table (how much of the difference between a deal and a polite walk-away), and
# a reason for trusting the simulated table that far: it rests on the arena bots' trust
# score and one draw of Orchard's reservation price, and in real talks a low price can
# become next year's starting point. A size with no reason, or a reason not about the
# table, gets half a mark. For example, with 13.5 after a deal and 12.5 after a polite
# walk-away: "I moved from 85 to 84.5, half of the 1 the table gives: I trust its
# direction more than its size, since the bots remember only how talks ended."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 6. Reflection (2 marks, graded by your instructor)
#
# 1. **Think of a concession you once made too fast** (a price, a deadline, extra work).
#    What did you give, what came back, and what made you give it then? What would you ask
#    for in return now, and how would you pace it?
# 2. **Think of a negotiation that ended without a deal,** or imagine walking away from
#    Orchard. How did (or would) the other side feel about the outcome, themselves, the
#    process and your relationship? What would you say as you leave, so that they would
#    want to deal with you again?
#
# Part 2 needs at least two of the four feelings, seen from the other side.

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
# - Open at your estimate of their reservation price or somewhat beyond, as far as a true
#   fact takes you. Answer their anchor from their alternatives and your target, giving
#   their number no pull beyond what it tells you; a rival's signed quote is news.
# - Mention an alternative, as a fact, only when it raises the price they expect at the
#   table (module 03's deal-me-out): never when it is below what they believe of it. A
#   bluff about your reservation price is tolerated; an invented or inflated offer is
#   misrepresentation.
# - Plan shrinking steps to a target from the even split to just below your estimate.
#   Concede only in answer
#   to a concession, from half to all of your allowance: give back at most what they gave,
#   never more than your own last concession or the room left to your target; hold when
#   they hold or step back.
# - Choose where to land first: the frontier package best for you that they will still
#   sign. Make free moves while one exists; once none does, what comes back for a give is
#   the deal itself: make every give conditional on it, and only while its price beats
#   your reservation price.
# - Accept what is at least your next ask (or an offer at a believable cap that is at or
#   above your reservation price); counter while a deal is possible; walk away when the
#   best deal left is below your reservation price, with the relationship counted inside
#   it, and leave so that they would want you back.
