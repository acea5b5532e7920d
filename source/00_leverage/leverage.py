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
# # Module 00 — Leverage: the edge that tilts the outcome
#
# Two people can ask for the same raise with the same words and walk out with different
# answers. What differs is rarely the pitch. It is what each of them could do if the answer
# were no, what they know that the other side would rather they did not, and how much the
# other side needs them. This course calls that difference **leverage**.
#
# In this module you will
#
# 1. see what leverage is, and why it is never fixed;
# 2. meet its three sources, which the next modules take one at a time;
# 3. audit both sides of a negotiation and read which way it tilts;
# 4. choose what to strengthen before you sit down;
# 5. find your way around the course and check your progress.
#
# It takes about 40 minutes. Run the cells from top to bottom. Cells that say
# `YOUR CODE HERE` are yours; the cells after them check your answer and tell you what to
# fix. Every learner gets their own case, so your answers are yours alone.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell loads the course library and draws your case. The first time, it asks
# for your course id instead: type the id your instructor gave you in the box and press
# Enter. Your case then appears under the box, and this computer remembers the id.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import leverage as check
from course.models.audit import leverage_balance, shifted, weighted_leverage

scenario = course.variant("00_leverage")
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "what-teaching", "schema_version": 3}
# ## 1. What leverage is
#
# Leverage is whatever lets one side pull the outcome of a negotiation towards itself. It
# is not the same as being right, being loud or being big. A small supplier that holds the
# only stock of a part a large buyer needs this week has leverage over that buyer, for as
# long as the week lasts.
#
# That last clause is the point of this module: **leverage is not fixed**. It moves while
# the talks go on. A rival offer arrives, or is withdrawn. A deadline comes closer for one
# side and not for the other. Someone says more than they meant to. So leverage is
# something you do three things with:
#
# - **build** it before the table, by preparing;
# - **recognise** it during the talks, yours and theirs, as facts change;
# - **spend** it, by asking for more than you would get without it, and not a great deal
#   more than it can carry.
#
# Fisher and Ury (*Getting to Yes*, 1981) put the most reliable form of it in one phrase:
# the side that can walk away more easily holds the stronger hand. The rest of this module
# makes that idea concrete enough to reason with.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "sources-teaching", "schema_version": 3}
# ## 2. Three sources, at a glance
#
# The course sorts leverage into three sources. A simple test tells them apart: ask what
# the fact changes.
#
# | source | the question it answers | an example | taught in |
# |---|---|---|---|
# | **information** | what does a side *know*: the other's needs, limits, deadlines, the market? | you learn your supplier has lost its two biggest clients, so it needs your order | `01_information` |
# | **alternatives** | what can a side *do instead* if these talks fail? | a second written job offer; the BATNA | `02_batna` |
# | **power** | what does a side *control* that the other needs: a resource, a vote, authority, influence? | the only licence for a process; a seat on the board that approves a permit | `03_power` |
#
# Then `04_concessions` is about spending leverage well, and `05_capstone` brings all of it
# together in one negotiation.
#
# The sources are linked. Information about the other side's alternatives is still
# information: it is leverage only for the side that holds it. And every fact strengthens
# somebody's hand: to classify it, name the source it changes and the side that would be
# glad to bring it up at the table.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 points): which source, and whose?
#
# Your scenario lists five facts, labelled A to E. Write `fact_leverage()` so that it
# returns, for each fact, the source of leverage it changes (`"information"`,
# `"alternatives"` or `"power"`) and the side it strengthens (`"you"` or `"them"`): a dict
# from letter to pair, for example `return {"A": ("alternatives", "you"), ...}`.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "fact-leverage-answer", "schema_version": 3}
def fact_leverage():
    """Each of your facts, by letter, as (the source it changes, the side it strengthens)."""
    ### BEGIN SOLUTION
    from course.scenarios.leverage import fact_key

    return fact_key(scenario)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "fact-leverage-test", "schema_version": 3}
"""Check that fact_leverage names the source and the side of every fact."""
check.classify_facts(fact_leverage)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-teaching", "schema_version": 3}
# ## 3. A leverage audit
#
# To compare two hands you need a common yardstick. Negotiation texts offer checklists for
# this (Lewicki, Saunders and Barry, *Negotiation*, 2015, ch. 7, is one); the course uses
# the simplest one that still makes you think. Rate each source for each side from 0 (none
# at all) to 10 (overwhelming). Then decide how much each source counts *in this case*,
# as weights that add up to 1: when a part can be bought from only one maker, power counts
# for more than usual; in a job search, alternatives often dominate.
#
# A side's **weighted leverage** is its ratings weighted and added up:
#
# $$L = w_{\mathrm{info}}\, r_{\mathrm{info}} + w_{\mathrm{alt}}\, r_{\mathrm{alt}} + w_{\mathrm{power}}\, r_{\mathrm{power}} ,$$
#
# a number from 0 to 10. The **balance** is the difference of the two sides' $L$, divided
# by 10, so it runs from $-1$ (all theirs) to $+1$ (all yours).
#
# The numbers are judgements, not measurements. Their use is to make your judgement
# explicit: once it is written down, a colleague can argue with it, and you can update it
# when a fact changes.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-example", "schema_version": 3}
yours = {"information": 4, "alternatives": 9, "power": 4}
theirs = {"information": 6, "alternatives": 5, "power": 6}
weights = {"information": 0.3, "alternatives": 0.45, "power": 0.25}
print("your weighted leverage:", weighted_leverage(yours, weights))
print("theirs:", weighted_leverage(theirs, weights))
print("balance:", leverage_balance(yours, theirs, weights))

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-widget-text", "schema_version": 3}
# That is the salary case below: a candidate with a second offer in hand, against an
# employer who knows the market better and decides the budget. The weighted leverages are
# 6.25 and 5.55, a balance of +0.07: slightly the candidate's way, thanks to the offer.
#
# ### Exercise: the leverage audit
#
# Pick a case, read it, and move the ratings until they match your own judgement. The chart
# shows both hands and the balance; the advice says which of your sources would gain most
# from some preparation. Then press **next news** a few times: each piece of news moves a
# rating, and you can watch the balance swing. Try the sole-source case, and see how little
# good information does you when the other side controls what you need.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-widget", "schema_version": 3}
from course.widgets.audit import LeverageAudit

LeverageAudit()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 points): who holds the stronger hand?
#
# Write `stronger_side(case)`. It takes a scenario like yours, with `case.yours`,
# `case.theirs` and `case.weights` (each a mapping from source to number), and returns a
# pair `(side, margin)`: `side` is `"you"` or `"them"`, whichever has more weighted
# leverage, or `"even"` when the two are less than 0.5 apart; `margin` is how far apart they
# are, a number of at least 0. Grading also runs it on other learners' cases.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "stronger-side-answer", "schema_version": 3}
def stronger_side(case):
    """The side with more weighted leverage ("you", "them" or "even"), and the margin."""
    ### BEGIN SOLUTION
    mine = weighted_leverage(case.yours, case.weights)
    other = weighted_leverage(case.theirs, case.weights)
    margin = abs(mine - other)
    if margin < 0.5:
        return "even", margin
    return ("you" if mine > other else "them"), margin
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "stronger-side-test", "schema_version": 3}
"""Check that stronger_side weighs both hands and says who leads, and by how much."""
check.stronger_side(stronger_side)
### BEGIN HIDDEN TESTS
check.stronger_side(stronger_side, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "build-teaching", "schema_version": 3}
# ## 4. Building leverage before the table
#
# Most leverage is built before anyone meets. Three kinds of preparation pay again and
# again:
#
# - **Gather information.** Find out what the other side needs, by when, and what else it
#   could do. Talk to people who have dealt with them; read what they publish. Every fact
#   you hold and they do not know you hold is a card in your hand.
# - **Bolster your alternatives.** A real second offer, a second supplier you have already
#   qualified, a partner who could do the work: each one makes walking away cheaper, and
#   the other side can usually tell.
# - **Build relationships and trust.** A partner who has been reliable gets the benefit of
#   the doubt and, often, concessions that a stranger would not: the other side gives more
#   when it expects the relationship to go on. In the audit it counts as influence, a kind
#   of power.
#
# Time for preparation is limited, so choose. A step is worth what it moves your weighted
# leverage: its amount times the weight of the source it raises. Two things can spoil the
# obvious choice. A source with a small weight moves little even when it moves a lot. And a
# rating cannot pass 10: if your alternatives are already at 9, a step worth 4 adds only 1.
# `shifted(ratings, {source: amount})` applies a change and respects that ceiling.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shifted-example", "schema_version": 3}
shifted({"information": 4, "alternatives": 9, "power": 4}, {"alternatives": 4})

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 points): what to do first
#
# Your scenario lists three preparation steps in `case.steps`, a mapping from the step's
# name to a pair `(source, amount)`: the source of yours it raises, and by how much. Write
# `best_preparation(case)`, returning the name of the step that raises your weighted
# leverage the most. Mind the ceiling and the weights.


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "best-preparation-answer", "schema_version": 3}
def best_preparation(case):
    """The name of the step in case.steps that raises your weighted leverage most."""

    ### BEGIN SOLUTION
    def after(step):
        source, amount = case.steps[step]
        return weighted_leverage(shifted(case.yours, {source: amount}), case.weights)

    return max(case.steps, key=after)
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "best-preparation-test", "schema_version": 3}
"""Check that best_preparation picks the step that raises weighted leverage most."""
check.best_preparation(best_preparation)
### BEGIN HIDDEN TESTS
check.best_preparation(best_preparation, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shift-teaching", "schema_version": 3}
# ## 5. When the ground moves
#
# Go back to the audit above and play the news of the deadline case. The warehouse owner
# starts ahead: the tenant must move within weeks. Then the tenant finds a stopgap, and the
# owner's lead shrinks. Nothing the owner did changed; the facts did.
#
# Two habits follow. First, **re-audit after a surprise** rather than react to it: a
# shocking offer or a piece of news changes one or two ratings, rarely all of them, and
# the audit tells you which. Second, **spend leverage while you have it**. A lead that
# rests on the other side's deadline is worth most just before the deadline, and nothing
# after it. Module 04 returns to both habits when it treats concessions and difficult
# moments.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 6. Reflection (2 points, graded by your instructor)
#
# Audit a negotiation you expect to face, or one you remember. **Rate information,
# alternatives and power for both sides, say which weighs most in that case and why, and
# name the one preparation step that would move the balance most.** A short paragraph is
# enough; concrete beats general.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 2, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# A good answer names a real negotiation (renewing a flat's lease), gives ratings with a
# reason each (the landlord knows the local rents: information 7 to my 4; I have seen two
# flats I like: alternatives 6 to theirs 5, as empty months cost them), says which source
# counts most (alternatives, because moving is a real option) and picks a step (book
# viewings before the talk, which raises my alternatives and shows I could leave).
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "map-teaching", "schema_version": 3}
# ## 7. The course map, and your progress
#
# The next cell shows every module: what it teaches, roughly how long it takes, and how
# many of its self-checks you have passed on this computer. Run `course.progress()` in any
# notebook to see it again. It only counts self-checks you ran here; your grade comes from
# the notebooks you submit, never from this record.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "course-map", "schema_version": 3}
course.progress()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - Leverage is what lets a side pull the outcome its way. It moves during a negotiation:
#   build it before, recognise it during, spend it while it lasts.
# - Its three sources: what a side knows (information), what it can do instead
#   (alternatives), what it controls that the other needs (power).
# - An audit rates both sides on each source and weighs the sources for the case; the
#   balance says which way the table tilts, and by how much.
# - Prepare where a step moves your weighted leverage most: mind the weights and the
#   ceiling of the scale. Trust built over time is leverage too.
