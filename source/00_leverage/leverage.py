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
# # Module 00 — Leverage: what it is, where it comes from, how it moves
#
# Two people can ask for the same raise and get different answers. The difference is
# rarely the pitch: it is what each could do if the answer were no, what each knows, and
# how much the employer needs each. This course calls that difference **leverage**.
#
# It takes most people **5 to 7 hours** (4 to 5 if you are at ease with Python, 8 if you
# are new to it): some reading, an interactive audit, one short practice case, seven
# graded answers in Python and three practice ones, and four pieces of writing, for which
# allow an hour to an hour and a half. What a question earns is counted in **marks**. Run
# the cells from top to bottom. Cells that say `YOUR CODE HERE` are yours; the cells after
# them check your answer. Each learner draws one of four cases, with numbers of their own.
# Questions 1, 4a and 5 judge your own items only at grading; their practice cases give
# feedback first.
#
# <details>
# <summary><b>A little Python for this module</b> (if dicts, tuples or loops are new to
# you)</summary>
#
# - A **dict** maps keys to values: with `ratings = {"information": 4, "power": 6}`,
#   `ratings["power"]` is `6`, and `for source, rating in ratings.items():` visits each
#   pair.
# - A **tuple** groups a few values: `move = ("you", "information", 2)`, and
#   `side, source, change = move` takes it apart.
# - Your scenario is an object with fields. `scenario.weights`, `scenario.yours` and
#   `scenario.steps` are read-only mappings: you read them like dicts, but cannot change
#   them. To change ratings, copy them first: `ratings = dict(scenario.yours)`.
# - `max(scores, key=scores.get)` is the key of the dict `scores` whose value is largest.
# - Dicts keep the order in which keys were added.
# - `next((x for x in items if x > 2), None)` is the first item of `items` above 2, or
#   `None` when there is none.
# - `itertools.combinations(names, 2)` gives every unordered pair of `names` once: for
#   `["a", "b", "c"]`, the pairs `("a", "b")`, `("a", "c")` and `("b", "c")`.
# - `itertools.product((True, False), repeat=k)` gives every way `k` yes-or-no events can
#   turn out: for `k = 2`, four tuples, from `(True, True)` to `(False, False)`. Import
#   them: `from itertools import combinations, product`.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup-explained", "schema_version": 3}
# ## Your scenario
#
# The next cell draws your case. The first time, it asks for the course id your
# instructor gave you: type it in the box and press Enter; this computer remembers it.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "setup", "schema_version": 3}
import course
from course.checks import leverage as check
from course.models.audit import leverage_balance, shifted, weighted_leverage
from course.scenarios.leverage import WithoutStartingAudit

scenario = WithoutStartingAudit(course.variant("00_leverage"))
scenario

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "what-teaching", "schema_version": 3}
# ## 1. What leverage is
#
# In this course, **leverage** is whatever makes the other side more willing to accept
# your terms than it would otherwise be. It belongs to a situation more than to a person:
# being large or speaking loudly does not supply it, and being right helps only when you
# can show it by a standard the other side accepts, such as a market price or an
# independent valuation (Fisher, "Negotiating Power", 1983, counts such standards among
# six sources of negotiating power).
#
# So leverage is **not fixed**: an offer arrives or lapses, a deadline draws nearer, a
# fact slips out. You can do three things with it:
#
# - **build** it in the days before the talks (section 4);
# - **recognise** it as it shifts during the talks, yours and theirs (section 5);
# - **spend** it while it lasts, by making an ask (a request you put to the other side)
#   when your balance (how far your leverage exceeds theirs, section 3) can carry it.
#
# Fisher and Ury (*Getting to Yes*, 1981, in the chapter "What if they are more powerful?
# (Develop your BATNA)") argue that the two sides' relative strength depends above all on
# how attractive each finds not agreeing. A side's best such option
# is its **BATNA**, the *best alternative to a negotiated agreement*.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "sources-teaching", "schema_version": 3}
# ## 2. Three sources of leverage
#
# Section 3 rates each side on each source, from 0 to 10.
#
# | source | the question it asks | an example | module |
# |---|---|---|---|
# | **information** | what does a side *know*: the other side's needs, deadlines, options or **reservation price** (the worst terms it would still accept), or the market? | you read in the trade press that a printer lost its biggest client last month | `01_information` |
# | **alternatives** | what could a side *do instead* if these talks fail? | a second written job offer | `02_batna` |
# | **power** | what does a side *hold, control or decide* that the other side needs: a scarce resource, a right, a say the other side accepts as rightfully yours (authority), a rare skill, the other side's trust in its word? | the only licence to run a ferry on a route that a haulier's lorries must cross | `03_power` |
#
# In this course, **power** is the third source only; the literature often uses the word
# for leverage as a whole.
#
# **Sorting a fact.** Ask three questions, in this order.
#
# 1. Does the fact say that a side knows, learns or finds out *that* something was
#    already true, about the other side, the market or the situation? Then it is
#    information, whatever the knowledge is about.
# 2. If not, is it about a *specific* other option a side could turn to instead of this
#    deal: an offer, a buyer, a site, another supplier? Then it is alternatives.
# 3. If not, it is power: the table's last row, such as a rare skill, or records or know-how
#    the other side relies on and cannot get elsewhere (know-how is module 03's *expert*
#    power). This course rates their trust in your word under power: a record of keeping
#    your word is something you built and hold.
#
# A fact goes into the rating of the side it describes: the side that knows, has
# the option or holds the thing.
#
# Information is rated by the difference knowing makes: what both sides take for granted
# earns a low rating; what you work out that they do not expect you to know earns more.
#
# **Each fact in one place.** The sources are not independent: the other side's power over
# you *is* your dependence on it (Emerson, "Power-dependence relations", 1962). File each
# fact once: that the haulier could reach the far shore only by a day-long detour goes into
# *its alternatives*, rated low; that the ferry company holds the only licensed route goes
# into *its power*. News goes into the one rating these questions pick, with one exception:
# when you learn of a weakness or deadline of theirs, you may lower the rating of theirs it
# weakens instead of raising your information, but never raise your power (question 4a).
#
# <details>
# <summary><b>Filing a deadline; trust and monopoly</b> (a side note; question 1
# needs only the three questions)</summary>
#
# **Time.** A deadline goes into the alternatives of the side it presses, which shrink as it
# nears (module 03 contrasts it with a cost of delay); knowing the other side's deadline is your
# information. Whether it is a reason to wait is section 5's rule.
#
# **Trust and monopoly.** Module 03 adds that trust also makes your other sources believable
# (Fisher, 1983, counts the relationship as a source of its own). "You own the only cold
# store in the port" is power: it names what you hold, not anyone's option.
#
# </details>

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1-text", "schema_version": 3}
# ### Question 1 (2 marks): which source, and whose?
#
# Your scenario lists five facts, A to E (`scenario.facts`, letter -> text). Write
# `fact_leverage()` to return, for each letter, the fact's source (`"information"`,
# `"alternatives"` or `"power"`) and the side whose rating it goes into (`"you"` or
# `"them"`), sorted with the three questions above: for example
# `{"A": ("alternatives", "you"), ...}`. Each fact earns 0.4 marks. By the first question,
# knowing a weakness of theirs is your information.
#
# **Your own facts are judged only when the notebook is graded.** Practise first on the
# practice case below (`scenario.practice`): write `practice_facts()` the same way for its
# facts.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check under `fact_leverage()` confirms only the form. It does not say how many are
# right. The practice check says why a wrong source or side does not fit, not which one
# does.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-facts", "schema_version": 3}
scenario.show("practice-facts")


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "practice-facts-answer", "schema_version": 3}
def practice_facts():
    """Each practice fact, by letter, as (its source, the side whose rating it goes into)."""
    ### BEGIN SOLUTION
    from course.scenarios.leverage import _PRACTICE_FACTS

    read = {fact.text: (fact._source, fact._side) for fact in _PRACTICE_FACTS}
    return {letter: read[text] for letter, text in scenario.practice.facts.items()}
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-facts-check", "schema_version": 3}
"""Practice, not marked: judge each item of the practice case, with a hint if it is wrong."""
check.practice_facts(practice_facts)


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "fact-leverage-answer", "schema_version": 3}
def fact_leverage():
    """Each of your facts, by letter, as (its source, the side whose rating it goes into)."""
    ### BEGIN SOLUTION
    read = {  # every case's facts, as the course files them
        "Calder's written offer to you names a salary and a start date.": ("alternatives", "you"),
        "You worked out from the date on Larkfield's job advert that the post has been open for five months.": (
            "information",
            "you",
        ),
        "Larkfield has a contractor who could cover the post for three months if nobody is hired.": (
            "alternatives",
            "them",
        ),
        "Larkfield's recruiters know what hundreds of engineers like you were paid last year.": (
            "information",
            "them",
        ),
        "Larkfield's hiring manager decides where in the pay band your offer lands.": (
            "power",
            "them",
        ),
        "You are one of the few engineers who know how to run the streaming system Larkfield is launching.": (
            "power",
            "you",
        ),
        "Bellpak and Corrin have both quoted for your order.": ("alternatives", "you"),
        "You know from Vell's filed accounts that its sales fell by a third this year.": (
            "information",
            "you",
        ),
        "Vell has worked out from your last three contracts the lowest price you have ever accepted.": (
            "information",
            "them",
        ),
        "A supermarket chain has invited Vell to bid for its packaging next month.": (
            "alternatives",
            "them",
        ),
        "Vell owns the only tooling that makes the lid you use now.": ("power", "them"),
        "You heard Vell's sales head say at a trade fair that his bonus depends on contracts renewed this quarter.": (
            "information",
            "you",
        ),
        "Ostra holds the only certification for the valve your pumps are approved with.": (
            "power",
            "them",
        ),
        "Ostra sells the same valve to Halden, Moro and more than forty other firms.": (
            "alternatives",
            "them",
        ),
        "You have read in Ostra's annual report that its new plant runs at half capacity.": (
            "information",
            "you",
        ),
        "Ostra knows from the published contract award how many pumps you must deliver next year.": (
            "information",
            "them",
        ),
        "An overseas maker could supply you a replacement valve once it is certified, in about eighteen months.": (
            "alternatives",
            "you",
        ),
        "Your engineers decide which valve goes into the next generation of your pumps, now being designed.": (
            "power",
            "you",
        ),
        "A furniture maker has asked for your warehouse's lease terms.": ("alternatives", "you"),
        "You know from the public planning register that Brannock's current depot is to be demolished.": (
            "information",
            "you",
        ),
        "Brannock's broker has looked up the rent of every warehouse let nearby in the last two years.": (
            "information",
            "them",
        ),
        "Yours is the only warehouse nearby with a rail siding, which Brannock's contracts require.": (
            "power",
            "you",
        ),
        "Brannock has a standing offer of space in a logistics park thirty miles away.": (
            "alternatives",
            "them",
        ),
        "Brannock's name on a lease raises what banks will lend against a warehouse, and you plan to refinance yours.": (
            "power",
            "them",
        ),
    }
    return {letter: read[text] for letter, text in scenario.facts.items()}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "fact-leverage-test", "schema_version": 3}
"""Check that fact_leverage names the source and the side of every fact."""
check.classify_facts(fact_leverage)
### BEGIN HIDDEN TESTS
check.classify_facts(fact_leverage, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1b-text", "schema_version": 3}
# ### Question 1b (1 mark, graded by your instructor): one fact, explained
#
# Your scenario names one fact that is easily filed under the wrong source
# (`scenario.reason_fact`, shown below). In one or two sentences: which source did you give
# it, which source could it be mistaken for, and why does it not belong there?

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q1b-fact", "schema_version": 3}
scenario.show("reason")

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 1, "grade_id": "fact-reason", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric (1 mark): the source is the one the sorting test gives (the key is
# `course.scenarios.leverage.fact_key(course.variant("00_leverage", "<learner id>"))`), the
# look-alike named is a source the fact could be mistaken for (the course's is the third
# entry of the fact in `grader-keys/00_leverage.json`; another with a reason is fine), and
# the reason uses the test rather than restating the answer. Half a mark for the right
# source with no look-alike, or a reason that does not say why it does not fit.
#
# The README's section "Module 00: what its labels protect" says what a learner can
# read in the package.
#
# A full-marks answer for "You know from Vell's filed accounts that its sales fell by a
# third this year": "Information, for me: the first question settles it, because the fact
# is that I know something. It looks like Vell's alternatives, since lost sales leave Vell
# fewer other buyers, but it says what I know, not what Vell could do instead. Knowing it
# is worth what it changes in what I do (I can hold out for more), and little at
# that, since the accounts are public and Vell will expect me to have read them."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-teaching", "schema_version": 3}
# ## 3. A leverage audit
#
# An audit puts both sides on one scale, with two kinds of judgement.
#
# - A **rating** for each source and each side, from 0 (none at all) to 10 (overwhelming).
#   The stories here give each side some of every source, so audits of them rate 1 to 10
#   (question 2, the widget's sliders); only news can take a rating to 0.
# - A **weight** for each source, the same for both sides: how much that source counts
#   *in this case*. The three weights add up to 1.
#
# When two rows rate one dependence from its two sides (section 2: the ferry's power, the
# haulier's alternatives), decide first how much that dependence counts in all: the weight
# of alternatives plus the weight of power. What is left goes to information. Then share
# that total between alternatives and power. Question 2 bounds information's weight.
#
# A side's **weighted leverage** is its ratings weighted and added up, in **points** from 0
# to 10:
#
# $$L = w_{\mathrm{info}}\, r_{\mathrm{info}} + w_{\mathrm{alt}}\, r_{\mathrm{alt}} + w_{\mathrm{power}}\, r_{\mathrm{power}}.$$
#
# The **balance** is your weighted leverage minus theirs, $B = L_{\mathrm{you}} -
# L_{\mathrm{them}}$, in the same points: from $-10$ (all theirs) to $+10$ (all yours).
# It is also the sum of the three sources' **weighted differences**,
# $w\,(r_{\mathrm{you}} - r_{\mathrm{them}})$, which say where each side is ahead.
# The course calls the sides **even** when $|B| < 0.5$ points. From $|B| \ge 2.5$ points,
# a quarter of the 0–10 rating scale, the course calls the balance *strongly* in one
# side's favour. Both cut-offs are this course's conventions, not findings.
#
# Take a case no learner draws: a caterer renewing its yearly contract with a conference
# centre. The caterer holds a written offer from a second venue; the centre knows better
# what caterers charge, and could find another caterer with some trouble. With ratings
# (information, alternatives, power) of (3, 8, 5) for the caterer and (6, 5, 5) for the
# centre, and weights (0.25, 0.45, 0.3) (their need of each other
# $0.45 + 0.3 = 0.75$, most on alternatives for the second offer; information the $0.25$
# left):

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-example", "schema_version": 3}
yours = {"information": 3, "alternatives": 8, "power": 5}
theirs = {"information": 6, "alternatives": 5, "power": 5}
weights = {"information": 0.25, "alternatives": 0.45, "power": 0.3}
print(f"your weighted leverage: {weighted_leverage(yours, weights):.2f} points")
print(f"theirs: {weighted_leverage(theirs, weights):.2f} points")
print(f"balance: {leverage_balance(yours, theirs, weights):+.2f} points")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-limits", "schema_version": 3}
# By hand: $0.25 \cdot 3 + 0.45 \cdot 8 + 0.3 \cdot 5 = 5.85$ for the caterer and
# $0.25 \cdot 6 + 0.45 \cdot 5 + 0.3 \cdot 5 = 5.25$ for the centre, a balance of $+0.60$
# points: in the caterer's favour, thanks to the second offer, but not strongly.
#
# ### What this yardstick cannot do
#
# - **It cannot show sources working together.** It adds them up, but an alternative is
#   worth more the more you need what the other side controls (Emerson), and information is
#   worth only what it lets you do. The weights stand in for such products, roughly.
# - **It counts every alternative alike.** That fits when the talks could end by accident,
#   through something neither side controls, such as a buyer going bust: then half of any
#   gain in what you would get goes to your share, while a deal still beats both sides'
#   alternatives (module 02). That half assumes equally strong bargainers.
# - **It overrates an option reached only by walking out** (an *outside option*): such an
#   option counts only when it beats what the deal would give you anyway (module 03's
#   *deal-me-out* result). If your tenancy rolls on while you talk, a flat you could move
#   to by walking out lowers the rent only if you value it above the renewal you would get
#   without it; below that, it still sets your reservation price. Modules 02 and 03 make
#   "anyway" exact.
# - **It rates what each side has, not what the other side believes it has** (one belief
#   excepted, on purpose: their trust in your word, filed as your power). An alternative
#   they doubt moves them less than its rating says; information they do not know you
#   hold guides your plans, moving them only once you show or use it.
# - **Its weights and ratings are judgements,** and its balance is not a prediction of a
#   price or of who will prevail. It makes your judgement explicit, one rating at a time.
# - **It weighs each source alike for both sides,** though a source can count more for
#   one: alternatives, for a side that a deadline presses.

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q2-text", "schema_version": 3}
# ### Question 2 (2 marks): your own audit
#
# Audit your case (`scenario.case`). Write
# `my_audit()` to return a dict with keys `"yours"`, `"theirs"` and `"weights"`, each a
# dict from source to number: ratings from 1 to 10, weights adding up to 1. Give the
# reason for each rating in a comment. Your facts count there: the check does not test
# ratings against them, and your instructor reads the reasons.
#
# The check accepts any audit that contradicts none of your story's lines and stays within
# these bounds:
#
# - every weight from 0.1 to 0.7, and no rating below 1;
# - the two sides not rated the same on every source;
# - no strong lead (2.5 points or more) the story rules out;
# - information weighs at least 0.15 (down to 0.1 passes, with a note), or 0.2 in case
#   `"supplier"`; in cases `"sole-source"` and `"deadline"`, power or alternatives weighs
#   more than information.
#
# A rating past a bound the course sets on your story's plainest facts (such as high
# alternatives for a side with nowhere else to go), or a comparison of the two sides that
# your story implies without stating, passes with a note: explain it in your comments.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# A refused audit is told each statement or bound it contradicts; where one compares both
# sides ("your power and theirs do not compare as your story has them"), the hint quotes
# the story's line; it does not say which side your ratings should favour. Later questions
# use a starting audit drawn for you.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "my-audit-answer", "schema_version": 3}
def my_audit():
    """Your audit of your case: both sides' ratings (1 to 10) and the weights (adding to 1)."""
    # The form of an answer, with a number of your own in place of each ...:
    # return {
    #     "yours": {"information": ..., "alternatives": ..., "power": ...},
    #     "theirs": {"information": ..., "alternatives": ..., "power": ...},
    #     "weights": {"information": ..., "alternatives": ..., "power": ...},
    # }
    ### BEGIN SOLUTION
    audits = {  # one careful reading of each case's story (others pass too)
        "salary": ((3, 7, 4), (8, 4, 6), (0.25, 0.5, 0.25)),
        "supplier": ((5, 6, 4), (6, 3, 7), (0.5, 0.3, 0.2)),
        "sole-source": ((4, 1, 2), (6, 6, 8), (0.3, 0.2, 0.5)),
        "deadline": ((6, 5, 5), (3, 2, 4), (0.3, 0.5, 0.2)),
    }
    sources = ("information", "alternatives", "power")
    yours, theirs, weights = audits[scenario.case]
    return {
        "yours": dict(zip(sources, yours, strict=True)),
        "theirs": dict(zip(sources, theirs, strict=True)),
        "weights": dict(zip(sources, weights, strict=True)),
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "my-audit-test", "schema_version": 3}
"""Check that my_audit rates both sides and weighs the sources as the story supports."""
check.my_audit(my_audit)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-widget-text", "schema_version": 3}
# ### Exercise: the audit, and the news as it arrives
#
# Pick a case and set the ratings and weights (weight sliders give 2 to 20 units, shown
# as shares of 1). The advice names the source on which the other
# side is furthest ahead, with the levers that answer it (Emerson's, for alternatives and
# power), and the source of yours the audit's arithmetic would raise most.
#
# Then press **next news**, choose the rating each item moves and which way, and press
# **check my reading** to see it applied. No question grades its news.
#
# *Aside:* the advice's arithmetic assumes a step of 2 on any source, so it usually names
# your heaviest source: in the sole-source case, where your pumps are approved only with
# Ostra's valve, your power. Fisher and Ury's advice against a stronger side, to develop
# your BATNA, points to alternatives, where a step is far slower: about eighteen months
# to qualify another maker.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "audit-widget", "schema_version": 3}
from course.widgets.audit import LeverageAudit

LeverageAudit(without_news_of=scenario)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "build-teaching", "schema_version": 3}
# ## 4. Building leverage before the table
#
# A preparation step raises one of your ratings, takes working days, and may not come
# through in time. Its **expected gain**, in points of weighted leverage, is
#
# $$\text{expected gain} = \text{chance} \times \text{weight of the source} \times \text{rise of the rating (which stops at 10)}.$$
#
# Your scenario's steps each raise a different source, so a plan's gains add up.
#
# The rule counts only the *average* gain. If what matters to you is reaching a given
# balance, compare plans by their chance of getting there instead. An ask's **bar** is the
# balance you decide, before the talks, that the ask must have behind it. Against a bar, a
# sure step that gets you there can beat a long shot with a higher average, and a long
# shot can be the only way there (question 3c practises both).
#
# - **Information.** Find out what the other side needs, how soon, and what else it could
#   do: from public filings, the trade press and people free to tell you, such as its
#   former clients. People may tell you what they are paid, but not pay
#   records they handle for their employer; ask the employer for the band, which some
#   laws oblige it to give.
# - **Alternatives.** Make an alternative real: a signed offer, a second supplier that
#   has passed your tests. A better alternative improves your reservation price (it
#   raises a seller's, lowers a buyer's), whether or not the other side hears of it.
# - **Power, relationships included.** Increase what you control that the other side
#   needs: a rarer skill, a larger order, a decision they want from you. Trust is leverage
#   that outlasts one deal. In Axelrod's contests of a
#   repeated game, where each side gains by cheating in one round but both gain more by
#   cooperating, Tit for Tat (cooperate first, then repay cooperation and cheating in
#   kind) did best; Axelrod showed in theory
#   that cooperation is stable only while the future weighs enough (the *shadow of the
#   future*). How the other side feels about the outcome, itself, the process and the
#   relationship, its *subjective value*, predicts whether it wants to deal with you again
#   (Curhan and colleagues). Each case has a step that builds it by doing, freely, more
#   than you owe the other side (sharing a forecast your contract does not require), and
#   a piece of news in which a move that breaks your word (or that the other side takes as
#   such) spends it; your scenario has at least one of the two. Keeping a promise already
#   made is never a step: it is owed. A step given freely often tells the other side
#   something too, which its rating does not count.
#
# Your starting audit and steps:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "starting-audit", "schema_version": 3}
scenario = course.variant("00_leverage")
scenario.show("audit", "steps")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "gain-explained", "schema_version": 3}
# `shifted(ratings, {source: amount})` returns new ratings after a change and respects the
# ends of the scale. In the caterer example, a step of 3 on alternatives (rated 8) can add
# only 2 to the rating; with a weight of 0.45 and a chance of 0.6 of coming through:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "gain-example", "schema_version": 3}
rise = weighted_leverage(shifted(yours, {"alternatives": 3}), weights) - weighted_leverage(
    yours, weights
)
print(f"if it comes through: {rise:+.2f} points; on average: {0.6 * rise:+.2f} points")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3-text", "schema_version": 3}
# ### Question 3 (2 marks): a plan for the days you have
#
# Write `best_plan(case)`. It takes a scenario like yours: the working days you have
# (`case.budget`), the steps (`case.steps`, name -> `(source, amount, days, chance)`) and
# your starting audit (`case.yours`, `case.weights`). It returns the list of step names
# that fit in the budget together and whose expected gains add up to the most (an empty
# list if no step fits). First work out your own case by hand: take the step with the
# largest expected gain, then the next that still fits. For many learners that plan is not
# the best; find out why, and make sure your function cannot make that mistake. If on your
# case it is the best, take steps gaining 0.6, 0.6 and 1.0 for 5, 5 and 8 of 11 days:
# the largest first fits alone (1.0), the other two together (1.2).
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check tries your case and four test cases built from your steps with other numbers;
# grading also tries other learners' cases.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "best-plan-answer", "schema_version": 3}
def best_plan(case):
    """The steps (a list of names) that fit in case.budget days and add most on average."""
    ### BEGIN SOLUTION
    from itertools import combinations

    def gain(name):
        source, amount, _, chance = case.steps[name]
        moved = shifted(case.yours, {source: amount})
        return chance * (
            weighted_leverage(moved, case.weights) - weighted_leverage(case.yours, case.weights)
        )

    names = list(case.steps)
    plans = [
        plan
        for k in range(len(names) + 1)
        for plan in combinations(names, k)
        if sum(case.steps[name][2] for name in plan) <= case.budget
    ]
    return list(max(plans, key=lambda plan: sum(gain(name) for name in plan)))
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "best-plan-test", "schema_version": 3}
"""Check that best_plan picks the steps that fit the budget and add most on average."""
check.best_plan(best_plan)
### BEGIN HIDDEN TESTS
check.best_plan(best_plan, hidden=True)
### END HIDDEN TESTS

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "plan-judgement-case", "schema_version": 3}
scenario.show("judgement")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "plan-judgement-text", "schema_version": 3}
# ### Question 3b (3 marks, graded by your instructor): judging your plan
#
# Answer each part in a short paragraph (about 100 to 200 words), about your own
# scenario.
#
# 1. **Less time.** The talks are brought forward, and you have only
#    `scenario.short_budget` working days (shown above), too few for your best plan.
#    Which plan would you take instead, and why? It need not be your old plan with a step
#    dropped: a step your best plan left out may now fit better. Compare the plans that
#    still fit by their numbers (what each adds in total, in how many days, with what
#    chance), then say what the numbers leave out.
# 2. **Trust.** Look at your case's step that builds the other side's trust and its news
#    item in which your broken word spends it (both named above, whether or not you drew
#    them). Say three things:
#    (a) what each does to your next negotiation with the same people;
#    (b) what the step tells the other side about your position, and so when you would
#    take it;
#    (c) whether the step is worth its days against the steps it competes with (leaving
#    it out breaks no promise).

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 3, "grade_id": "plan-judgement", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric: a mark for part (1), two for part (2). (1) Names the plan the learner would
# take at `short_budget` and why (with
# `s = course.variant("00_leverage", "<learner id>")`, the best plan is
# `course.scenarios.leverage.best_plan(s)`, and the best at the shorter budget
# `best_plan(dataclasses.replace(s, budget=s.short_budget))`, which for about one learner
# in four (509 of the 2,000 learners sweep-0 to sweep-1999 that the tests draw) brings in
# a step the full plan left out and for the rest is the full plan with one step dropped;
# another choice is fine with a reason), with a
# comparison of the plans that fit by their numbers (total gain, days, chance, weight, room
# to the top of the scale; per-day rates only as a tie-break) and one thing the numbers
# leave out; half a mark for a plan
# without the comparison. (2) The prompt's three things: (a) says what the freely given
# step and the broken word each do to the next negotiation (the other side's readiness to
# deal again and to take your word; section 4's subjective value); (b)
# says what the step reveals of the learner's position and when to take it (before the
# talks, or after the terms are settled, when what it reveals costs nothing at the table);
# (c) weighs the step against its days. A mark for (b), half for what the step reveals and
# half for when; half a mark each for (a) and (c).
#
# A full-marks answer for a real supplier draw (learner id `model-1992`): 11 working days,
# 8 if the talks are brought forward; starting ratings 7, 5, 3 and weights 0.4, 0.3, 0.3;
# steps "Ask firms that left Vell why they left" (information +2, 6 days, chance 0.70),
# "Ask Bellpak and Corrin how fast they could take over" (alternatives +1, 4 days, 0.55)
# and "Share next year's order forecast with Vell's planners, which your contract does not
# require" (power +2, 3 days, 0.90), with expected gains 0.56, 0.17 and 0.54 points; best
# plan the firms and the forecast (1.10 in 9 days). Part (2) may revise part (1)'s plan
# for a reason the numbers leave out; it earns both marks when it says which plan the
# learner takes. "(1) With 8 days the firms and the
# forecast no longer fit together. The firms alone add 0.56 in 6 days; the forecast and
# the question to Bellpak and Corrin add 0.71 in 7 days. So I switch plans: I drop the
# firms and ask Bellpak and Corrin, a step my first plan left out. The totals decide, since
# a day left unused adds nothing. What the numbers
# leave out: the firms that left could tell me which clients Vell still has, the one thing
# the story says nobody outside Vell knows, and that could be worth more than its points.
# (2) A forecast nobody required makes Vell's planners readier to take my word on volumes
# and to renew, for 0.54 in 3 days. But it tells Vell how much I will buy, the kind of fact
# module 01 says to keep to yourself, and here information weighs most (0.4). So I would
# share it once the price is agreed, when it builds the same trust and gives nothing away.
# My final plan for the 8 days is therefore the firms alone (0.56 in 6 days), not part (1)'s
# plan: what the forecast reveals is a cost part (1) missed. Reopening the delivery dates
# Vell thought agreed might win a better schedule once, but it lowers my power rating by 1
# to 2, and Vell's sales head would check every promise I make next year; I would not do it."
#
# A full-marks part (1) for a real deadline draw (learner id `model-2028`): 9 working days,
# 6 if the talks are brought forward; starting ratings 5, 3, 6 and weights 0.3, 0.4, 0.3;
# steps "Ask local agents what rents logistics firms have paid this year"
# (information +2, 4 days, 0.85), "Advertise the warehouse and book viewings"
# (alternatives +2, 7 days, 0.80) and "Send Brannock's surveyor the building's full
# records before it asks for them" (power +2, 3 days, 0.70), with expected gains 0.51,
# 0.64 and 0.42; best plan the agents and the records (0.93 in 7 days): "(1) With 6 days
# only one of my two steps fits, and the advertising, which adds most on its own (0.64),
# needs 7. So I keep the agents and drop the records: both raise a rating by 2 on a source
# that weighs 0.3, but the agents come through more often (0.85 against 0.70), so the agents
# add 0.51 to the records' 0.42. What the numbers leave out: the records are the step that
# builds Brannock's trust; they tell Brannock what state the building is in, which its
# surveyor would find out anyway, so I would still send them before we sign."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3c-text", "schema_version": 3}
# ### Question 3c (1 mark): a plan for a bar
#
# `scenario.prepared_ask` (shown below) is the (bar, ask) you plan before the talks. About
# half of you have none (`None`). Then your mark rests on the check's test cases alone.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "bold-ask", "schema_version": 3}
scenario.show("prepared-ask")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q3c-task", "schema_version": 3}
# Write `reach_plan(case, bar)`. Like `best_plan`, it reads `case.budget`, `case.steps`,
# `case.yours` and `case.weights`, and now `case.theirs`. It returns the list of step
# names that fit in the budget together and give the **highest chance** that your
# balance, after the steps that come through, is at least `bar` points. The
# steps come through or not independently: a plan of two steps has four outcomes (both,
# only the first, only the second, neither), with chances such as 0.8 × (1 − 0.6) for
# "only the first", and a plan of three steps has eight (`itertools.product` in the primer
# lists them). Add up the chances of the outcomes that reach the bar.
#
# On your own case, if `scenario.prepared_ask` is not `None`, compare
# `reach_plan(scenario, scenario.prepared_ask[0])` with `best_plan(scenario)`: they differ
# for about a third of learners with one. If it is `None` (the cell above says so), try
# bars `t` of your own up to two points above your starting balance, and check one by hand
# against the other plans that fit.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check tries your case (when it has the ask you prepare for), a test case in which a
# plan can leave the balance exactly on the bar, one in which a plan gets there when only
# some of its steps come through, and others; grading also tries other learners' cases.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "reach-plan-answer", "schema_version": 3}
def reach_plan(case, bar):
    """The steps (a list of names) that fit in case.budget and most likely bring your
    balance to bar points or more."""
    ### BEGIN SOLUTION
    from itertools import combinations, product

    def chance_of_reaching(plan):
        total = 0.0
        for came in product((True, False), repeat=len(plan)):
            chance, ratings = 1.0, dict(case.yours)
            for name, through in zip(plan, came, strict=True):
                source, amount, _, p = case.steps[name]
                chance *= p if through else 1 - p
                if through:
                    ratings = shifted(ratings, {source: amount})
            if leverage_balance(ratings, case.theirs, case.weights) >= bar:
                total += chance
        return total

    names = list(case.steps)
    fits = [
        plan
        for k in range(len(names) + 1)
        for plan in combinations(names, k)
        if sum(case.steps[name][2] for name in plan) <= case.budget
    ]
    return list(max(fits, key=chance_of_reaching))
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "reach-plan-test", "schema_version": 3}
"""Check that reach_plan picks the plan most likely to bring the balance to the bar."""
check.reach_plan(reach_plan)
### BEGIN HIDDEN TESTS
check.reach_plan(reach_plan, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "shift-teaching", "schema_version": 3}
# ## 5. When the ground moves
#
# In the talks, each piece of news moves one rating (one may be a move of your own, shown
# so you can see what it costs). **Re-audit** after each: name the rating it moves and
# which way, and recompute the balance. A re-audit tells you two things.
#
# - **Who is ahead now, and why**: the item that changed the lead, and so its source.
# - **When to spend**: the paragraphs below.
#
# **What passes.** A lead from something that will pass, such as a rival's interest or an
# offer open until a set date, is worth most while it lasts. The other side's deadline
# does the opposite: your edge from it grows as it nears, but only while a deal with you
# is still their best way out. Do not count on it alone. A final deadline ends the talks
# for both sides, so it presses you too: deals tend to bunch just before it, and many
# talks end with none. The audit
# does not age a rating by itself: as a known deadline draws near, re-rate it.
#
# **The rule.** An ask here moves one term of a figure already on the table (an offer, a
# price, your full rent) once talks are under way. Opening offers, grounded in your
# leverage, are module 04's. Set the ask's bar beforehand (it can be below zero, for a
# modest ask), and make the ask the first time your balance reaches it (its *first
# reach*: a convention of this course, not a finding). The bar is your
# decision rule, not a forecast. Set a bar higher where
# being turned down costs you more, and lower where you could ask again later.
#
# A larger ask has a higher bar: each step up the **ladder** of asks needs a quarter of a
# point more balance. Ratings can hardly show a difference under half a point; the
# exercises count finer to stay exact. So the quarter steps only rank asks: in a real
# case, neighbouring asks are one call, settled by what being turned down would cost.
# Each step of the ladder is one percentage point of pay or price, two percentage points
# of rent, three to six months of a price hold, or one more month of rent paid ahead; that
# rate per point is a classroom device, not a price forecast.
#
# The exercise's deadline case shows the rule and what passes. In the widget's run, with
# the widget's audit of the deadline case (not yours; press
# *start again* to restore it), the owner starts at $+1.45$ points. The
# first item takes the balance to $+2.05$ and the next to its peak, $+3.40$; four items
# after the peak the sides are even, and the next puts Brannock ahead.
#
# The peak is plain only looking back. The deadline case's ladder, a five-year lease at:
#
# | share of the full rent | 86% | 88% | 90% | 92% | 94% | 96% | 98% | 100% |
# |---|---|---|---|---|---|---|---|---|
# | bar (points) | +0.25 | +0.50 | +0.75 | +1.00 | +1.25 | +1.50 | +1.75 | +2.00 |
#
# and then the full rent with one to six months paid ahead, up to $+3.50$. An owner asking
# at 98% sets the bar at $+1.75$ points, first reached an item before the peak.
#
# **Waiting.** Ask at first reach: waiting is a bet on news you cannot see. Wait only for a
# reason you can see at that moment, such as a cost of delay that falls on Brannock far
# more than on the owner. A deadline that ends your deal too supports only a short wait.
#
# This owner could, briefly: the first item showed Brannock's deadline cannot slip (ending
# the owner's chance of this tenant too), and the owner faces no hard deadline, only the
# smaller running cost of an empty warehouse. The next item was the peak ($+3.40$, enough
# for five months ahead); two items later it was below the bar ($+1.55$), as
# **What passes** warns. Question 4c asks whether your case had such a reason.
#
# One re-audit by hand, on a move not among the case's news: had an owner farther out
# offered Brannock a warehouse with its own rail siding (Brannock's alternatives +3)
# before anything else happened, Brannock would need the owner's siding less. The audit
# records that change once, as a rise in Brannock's alternatives (weight 0.45), and not a
# second time as a fall in the owner's power, which stays as rated (the two rows rate one
# dependence, section 3).

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reaudit-example", "schema_version": 3}
owner = {"information": 6, "alternatives": 4, "power": 5}
brannock = {"information": 5, "alternatives": 2, "power": 4}
weights = {"information": 0.3, "alternatives": 0.45, "power": 0.25}
print(f"now: {leverage_balance(owner, brannock, weights):+.2f} points")
brannock = shifted(brannock, {"alternatives": 3})
print(f"after the other offer: {leverage_balance(owner, brannock, weights):+.2f} points (even)")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "news-shown", "schema_version": 3}
# One rival offer to Brannock takes away all but $0.10$ of the owner's lead of $+1.45$
# points: by the course's convention (under 0.5 points either way) the sides are now
# even.
#
# Your news, in the order it arrives:

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "news", "schema_version": 3}
scenario.show("news")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4-text", "schema_version": 3}
# ### Question 4a (1 mark): read the news
#
# Each news item in `scenario.news` (label -> (text, size)) moves one rating up or down by
# its size. Write `news_moves()`, returning for each label `(side, source, change)`, with a
# negative change for a fall: for example `{"N1": ("you", "information", 2), ...}`. Each
# item earns a quarter of a mark.
#
# Question 1 sorts facts; here you record what news changes in your audit. News in which
# you learn of a weakness or deadline of theirs may show you rated the row it weakens too
# high: lower that row or raise your information, one move only. Each earns the item. Not
# your power: the news is about them, and it changes what you know, not what you hold
# (section 2). The rows weigh differently, so each reading moves your balance by its own
# amount.
# News that they learn a weakness of yours moves only their information, since you knew
# your own weakness when you rated yourself.
#
# **Your own news is judged only at grading**, as in question 1. Practise first on
# `scenario.practice.news` with `practice_news()`.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check under `news_moves()` confirms only the form. The interactive audit plays none
# of your news, nor the practice case's.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-news", "schema_version": 3}
scenario.show("practice-news")


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "practice-news-answer", "schema_version": 3}
def practice_news():
    """For each practice news label: (whose rating moves, which source, the signed change)."""
    ### BEGIN SOLUTION
    read = {  # (whose rating moves, which source, which way), by section 2's questions
        # deadline
        "You learn from a demolition notice on the fence of Brannock's depot that its move cannot slip past the six weeks.": (
            "you",
            "information",
            +1,
        ),
        "A builders' merchant asks to view your warehouse next week.": ("you", "alternatives", +1),
        "A landlord in the next county offers Brannock a one-year lease on a warehouse beside the same rail line.": (
            "them",
            "alternatives",
            +1,
        ),
        "Your insurer offers a lower premium if the warehouse is let to a tenant with Brannock's safety record.": (
            "them",
            "power",
            +1,
        ),
        "Brannock's director hears from a mutual contact that your warehouse has stood empty since January.": (
            "them",
            "information",
            +1,
        ),
        "The builders' merchant decides your warehouse is too far from the motorway.": (
            "you",
            "alternatives",
            -1,
        ),
        # your broken word spends their trust in you: your power (section 2)
        "You let another firm use the loading bay you had promised Brannock for a trial delivery, and its director says she no longer trusts your word.": (
            "you",
            "power",
            -1,
        ),
        "Brannock's director mentions to you that its rail contracts charge it a penalty for every week of late deliveries.": (
            "you",
            "information",
            +1,
        ),
        "A business park near Brannock's customers, where Brannock had been offered a unit, lets its last free unit to another firm.": (
            "them",
            "alternatives",
            -1,
        ),
        # salary
        "Larkfield's team lead tells you over coffee that two engineers left the team last month.": (
            "you",
            "information",
            +1,
        ),
        "A former Larkfield engineer asks for her old post back.": ("them", "alternatives", +1),
        "Larkfield's hiring manager sees from Calder's published pay scale that Calder's offer pays less than your current job.": (
            "them",
            "information",
            +1,
        ),
        "A fourth firm that had invited you to interview cancels the interview.": (
            "you",
            "alternatives",
            -1,
        ),
        # supplier
        "You read in the local paper near Vell's plant that two of Vell's lines have stood idle since spring.": (
            "you",
            "information",
            +1,
        ),
        "Vell signs a one-year deal with a pet-food maker.": ("them", "alternatives", +1),
        "Bellpak books its only free line for a year, so its lids would now take six months, not three, to suit your filling line.": (
            "you",
            "alternatives",
            -1,
        ),
        # sole-source
        "Ostra's sales director works out from your recent orders that your spare valves run out in March.": (
            "them",
            "information",
            +1,
        ),
        "A maker in Japan offers to start certifying its valve for your pumps.": (
            "you",
            "alternatives",
            +1,
        ),
        "A large customer of Ostra's switches to a valve of its own design.": (
            "them",
            "alternatives",
            -1,
        ),
        # deadline
        "A rail planner you know tells you that Brannock has booked night trains on your line from April.": (
            "you",
            "information",
            +1,
        ),
        "The port offers Brannock a shed on its quays for three months while it looks for a depot.": (
            "them",
            "alternatives",
            +1,
        ),
        "Brannock's director learns from a former tenant of yours what rent the tenant paid for the warehouse.": (
            "them",
            "information",
            +1,
        ),
        "A warehouse near Brannock's customers, which Brannock had been shown, is sold to a supermarket chain.": (
            "them",
            "alternatives",
            -1,
        ),
        # salary
        "A friend who once worked at Larkfield tells you that its last two hires for this post left within a year.": (
            "you",
            "information",
            +1,
        ),
        "A contractor who worked on Larkfield's last launch says he could come back for six months.": (
            "them",
            "alternatives",
            +1,
        ),
        "Larkfield's recruiter finds out from a mutual contact that Calder's offer lapses at the end of next week.": (
            "them",
            "information",
            +1,
        ),
        "Your former manager's start-up loses its funding and withdraws the post it offered you.": (
            "you",
            "alternatives",
            -1,
        ),
    }
    return {
        label: (*read[text][:2], read[text][2] * size)
        for label, (text, size) in scenario.practice.news.items()
    }
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-news-check", "schema_version": 3}
"""Practice, not marked: judge each item of the practice case, with a hint if it is wrong."""
check.practice_news(practice_news)


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "news-moves-answer", "schema_version": 3}
def news_moves():
    """For each news label: (whose rating moves, which source, the signed change)."""
    ### BEGIN SOLUTION
    read = {  # (whose rating moves, which source, which way), by section 2's questions
        # salary
        "The recruiter lets slip that the launch date cannot move.": ("you", "information", +1),
        "A strong internal candidate applies for the post.": ("them", "alternatives", +1),
        "Your future manager tells you finance has approved the top of the pay band for this post.": (
            "you",
            "information",
            +1,
        ),
        "The third firm drops you from its final round.": ("you", "alternatives", -1),
        "Calder withdraws its offer after a hiring freeze.": ("you", "alternatives", -1),
        "Larkfield learns from a reference call that you want to leave your current job by spring.": (
            "them",
            "information",
            +1,
        ),
        # your broken word spends their trust in you: your power (section 2)
        "You go silent for a week after promising Larkfield's hiring manager an answer by Monday, and she no longer trusts your word.": (
            "you",
            "power",
            -1,
        ),
        "Larkfield's second-choice candidate takes a job elsewhere.": ("them", "alternatives", -1),
        # supplier
        "You learn from a trade paper that Vell's bank is reviewing its credit line.": (
            "you",
            "information",
            +1,
        ),
        "Corrin is bought by your competitor and stops taking new clients.": (
            "you",
            "alternatives",
            -1,
        ),
        "Vell wins a large new client.": ("them", "alternatives", +1),
        "Vell learns that your stock of packaging runs out in five weeks.": (
            "them",
            "information",
            +1,
        ),
        "Bellpak offers to cut the switch to its lids to six weeks.": ("you", "alternatives", +1),
        "A court overturns Vell's patent on the resealable lid.": ("them", "power", -1),
        # your broken word spends their trust in you: your power (section 2)
        "You reopen the delivery dates Vell thought you had agreed last week, and its sales head says he no longer trusts your word.": (
            "you",
            "power",
            -1,
        ),
        # sole-source
        "A start-up offers you a valve that could be certified in six months.": (
            "you",
            "alternatives",
            +1,
        ),
        "You learn from a trade-journal interview with Ostra's chief executive that its new plant needs large orders to break even.": (
            "you",
            "information",
            +1,
        ),
        "Two of Ostra's largest customers leave the market.": ("them", "alternatives", -1),
        "Ostra learns that you must deliver 2,000 pumps by spring.": ("them", "information", +1),
        "A rival pump maker places a large order with Ostra.": ("them", "alternatives", +1),
        "The regulator will renew Ostra's certification only with test results from your pumps, which only you can supply.": (
            "you",
            "power",
            +1,
        ),
        # your broken word spends their trust in you: your power (section 2)
        "You cancel a forecast order at the last minute, leaving Ostra with valves built for you, and its sales director no longer trusts your forecasts.": (
            "you",
            "power",
            -1,
        ),
        # deadline
        "You find out from a local paper that back in the spring Brannock's landlord refused to extend its lease by even a month.": (
            "you",
            "information",
            +1,
        ),
        "The firm that viewed your warehouse calls back and books a second viewing.": (
            "you",
            "alternatives",
            +1,
        ),
        "Brannock signs an option on a smaller warehouse it could rent for a year.": (
            "them",
            "alternatives",
            +1,
        ),
        "Your bank offers better terms on your loan if the warehouse is let to a tenant with Brannock's credit record.": (
            "them",
            "power",
            +1,
        ),
        "Brannock learns that a large payment on your loan falls due in two months.": (
            "them",
            "information",
            +1,
        ),
        "The firm that viewed your warehouse signs for another one.": ("you", "alternatives", -1),
        # your broken word spends their trust in you: your power (section 2)
        "You move the handover date Brannock accepted in writing last week, and its director says she no longer trusts your word.": (
            "you",
            "power",
            -1,
        ),
        "You learn from Brannock's director that its new rail contracts start in two months.": (
            "you",
            "information",
            +1,
        ),
        "The logistics park thirty miles away, where Brannock had a standing offer of space, lets its last free space to another firm.": (
            "them",
            "alternatives",
            -1,
        ),
    }
    return {
        label: (*read[text][:2], read[text][2] * size)
        for label, (text, size) in scenario.news.items()
    }
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 1, "grade_id": "news-moves-test", "schema_version": 3}
"""Check that news_moves reads which rating each news item moves, and how."""
check.news_moves(news_moves)
### BEGIN HIDDEN TESTS
check.news_moves(news_moves, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4b-text", "schema_version": 3}
# ### Question 4b (2 marks): who is ahead, and when to ask
#
# Write `reaudit(case, moves)`. It takes a scenario like yours, with its starting audit
# (`case.yours`, `case.theirs`, `case.weights`; none of your plan's steps counts here),
# and `moves`, a dict like the one `news_moves()` returns, in the order the news arrives.
# Apply the moves one at a time, each as `shifted` does. `scenario.bar` is the bar of the ask
# made during the talks: question 3c's ask or a smaller one, your fallback ask (if
# `scenario.prepared_ask` is `None`, an ask of its own).
# Return `(turning_point, ask_at)`, a mark each:
#
# - `turning_point`: the first label after which the side ahead (`"you"`,
#   `"them"`, or `"even"` when the balance is under 0.5 points either way) differs from
#   the side ahead before any news, or `None` if it never does. Becoming even counts as a
#   change, and so does leaving even.
# - `ask_at`: when section 5's rule makes the ask whose bar is `case.bar` (`"now"`, before
#   any news, or a news label), or `None` if it never does. You apply the rule here, as
#   a drill; question 4c questions it (your bar, and whether to wait past it).
#
# The cell after the check shows your balances, news by news, on your 4a readings:
# question 4c starts from them.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check gives your function the right moves of six test cases on your news labels
# (one puts the balance exactly on the bar, and exactly on 0.5; in another a move would
# take a rating past 10), never your own case's, so a slip in question 4a does not cost
# you here. Grading also tries other learners' cases.
#
# </details>


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "reaudit-answer", "schema_version": 3}
def reaudit(case, moves):
    """(turning point, moment to ask) of case's starting audit, re-audited move by move."""
    # To see your own answer: reaudit(scenario, news_moves())
    ### BEGIN SOLUTION
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}

    def ahead(balance):
        if abs(balance) < 0.5:
            return "even"
        return "you" if balance > 0 else "them"

    balances = {"now": leverage_balance(ratings["you"], ratings["them"], case.weights)}
    for label, (side, source, change) in moves.items():
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = leverage_balance(ratings["you"], ratings["them"], case.weights)
    start = ahead(balances["now"])
    turning = next((label for label in moves if ahead(balances[label]) != start), None)
    ask_at = next((m for m, balance in balances.items() if balance >= case.bar), None)
    return turning, ask_at
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "reaudit-test", "schema_version": 3}
"""Check that reaudit finds where the side ahead first changes and when to make the ask."""
check.reaudit(reaudit)
### BEGIN HIDDEN TESTS
check.reaudit(reaudit, hidden=True)
### END HIDDEN TESTS

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "own-balances", "schema_version": 3}
check.own_balances(news_moves)

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q4c-text", "schema_version": 3}
# ### Question 4c (3 marks, graded by your instructor): setting the bar yourself
#
# Question 4b's bar (`scenario.bar`, shown under your news) was the course's; in practice
# it is yours. In a short paragraph each (about 50 to 100 words), about your own case:
#
# 1. (1 mark) Would you set the bar higher or lower than the course did, and why? Tie it
#    to what the ask asks for and to what a refusal would cost you.
# 2. (2 marks) After the first moment your balance reached the bar, was there a reason
#    to wait that you could have seen *at that moment* (a cost of delay falling on them
#    far more than on you, from your story or the news read by then)? Say which, or why there
#    was none; then weigh it against your own clock (what waiting costs you). If it never
#    did, take the moment it came closest.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 3, "grade_id": "spend-judgement", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric (3 marks: one for part 1, two for part 2): (1) a bar the learner sets with a
# reason tied to the size of the ask and the cost of a refusal (a larger ask needs a
# higher bar; a modest ask may be worth making while behind); half a mark for a bar with
# only one of the two. (2) A mark for a judgement on waiting that uses only what was known
# at the first moment the bar was reached (a deadline of the other side in the story or
# the news read by then, a rival's offer to them known to lapse, or news that gave them
# another way out), not the peak seen looking back; a deadline that would also end the
# learner's deal supports only a short wait (section 5); half a mark for a reason to wait
# that is named but not tied to the learner's own case. A
# learner who says there was no foreseeable reason to wait, and why, earns that mark too.
# A second mark for that judgement weighed against the learner's own clock (a payment of
# the learner's own falling due, an alternative of the learner's that may lapse),
# whichever way it comes out; half a mark for a clock named but not weighed. Judge part 2
# on the balances the learner's own 4a readings give (the own-balances cell): a slip in
# 4a costs marks there, not again here. Every reading 4a accepts is right; the cell names
# its moment.
#
# A full-marks answer for section 5's deadline run (the owner asking for a five-year lease
# at 98% of the full rent, +1.45 at the start): "(1) I would keep +1.75, or go a little
# higher: 98% for five years is close to the top of what Brannock would pay, so an ask with
# too little behind it is likely to be refused, and coming down to 94% straight after a
# refusal would tell Brannock my first figure was not firm and I am in a hurry. (2) When
# the balance first reached the bar (+2.05), I knew from the story that
# Brannock's lease ends in six weeks: a two-sided reason, not a one-way one. Yes, each
# week without a deal costs Brannock more than me. But those six weeks also end my chance
# of this tenant, and the other firm has not called back, so if Brannock finds another site I have
# no tenant. A short wait still favours me; I could not count on the news that took the
# balance to +3.40."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "ethics-teaching", "schema_version": 3}
# ## 6. The ethics of leverage
#
# Four kinds of move need telling apart.
#
# - **Legitimate leverage.** A true statement about a source you hold or a fact you know,
#   which leaves no false impression: a second bidder's written offer for the
#   used van you are selling, the date you know the buyer must have a van by.
# - **A bluff.** An untrue claim about your own reservation price, that is, the worst terms
#   you would settle for, or about your *valuation* (what something is worth to you): "I
#   won't let the van go for under 9,000" when you would take 8,200. Lawyers' conduct
#   rules in the US tolerate it: by the comment to the American Bar Association's
#   Model Rule 4.1, some statements are not taken as statements of material fact (a
#   *material* fact is one that a reasonable person would weigh in deciding), and "estimates
#   of price or value placed on the subject of a transaction and a party's intentions as to
#   an acceptable settlement of a claim are ordinarily in this category". Others
#   answer to the law of deceit: it usually treats a stated value as opinion
#   (Restatement (Second) of Torts §§538A, 542), but a false stated intention can
#   be fraud (§530).
# - **Misrepresentation.** A false statement of a fact the other side will rely on: a
#   buyer for the van who does not exist, a mileage reading turned back.
# - **An illegitimate source.** Leverage that is not yours to use, however truthfully you
#   use it: confidential information bought from someone bound to keep it (a dealer's
#   cost-price list one of its mechanics sells you), information got by deceit (calling
#   the buyer's bank as its accountant to learn the loan it has been offered), or pressure
#   through someone's office (a cousin who inspects the buyer's vehicles). What decides the
#   first is whether the person was free to tell: a remark on what anyone could see or what
#   is no secret is yours to use; a figure or document they are bound to keep is not. A
#   lie told to get information is filed here by where the information comes from;
#   calling it a misrepresentation is also a fair reading.
#
# **Edge cases.** True words chosen to mislead ("another buyer came to see it", when that
# buyer walked away) are *paltering*: those it misleads judge it about as harshly as a lie,
# though palterers see it as more ethical than lying (Rogers, Zeckhauser, Gino, Norton &
# Schweitzer, 2017). Label it a misrepresentation: its false impression concerns a fact the
# other side relies on.
#
# *Warning and threat.* After Schelling (*The Strategy of Conflict*, 1960; *Arms and
# Influence*, 1966), a *threat* ties a demand to something you would rather not do, to
# punish a refusal. A threat you mean to carry out, of something you are free to do at a
# cost to yourself (pull your whole account, keep the warehouse empty for a year), is no
# lie, though often unwise: Fisher (1983) argues that threats, above all early ones,
# weaken the side that makes them. The law calls some threats
# improper, and they are illegitimate pressure: threatening a crime, or a lawsuit you know
# is baseless, for example (*Threats in law*, below). A deal forced by one may be undone.
# A *warning* is
# legitimate too: a demand tied to something you would really do anyway in your own
# interest, such as selling to the second bidder. This course's advice (not Schelling's): a
# warning is usually weaker than calmly naming the same offer, since as a demand it corners
# the other side. A false *intention*, such as a threat or warning you would not carry out,
# sits on the line between a bluff and a misrepresentation; by this course's definition it
# is a misrepresentation first. A stated plan you do not hold can be a false fact
# (*Edgington v Fitzmaurice*, 1885), and the Model Rule comment does not list such plans
# among the statements it shelters. Lewicki, Saunders and Barry call such threats and
# promises *bluffing*; this course keeps it for a misstated reservation price or valuation.
# Question 5 accepts both.
#
# **Going back on your word** is none of these. Reopening a term the other side rightly
# took as agreed, or raising a price they accepted, breaks your word; none of question 5's
# tactics is of this kind. Walking away, declining to renew or enforcing your contract's
# rights can cost trust, but each keeps your word.
#
# <details>
# <summary><b>What negotiators think</b> (a side note)</summary>
#
# In surveys of MBA students (Robinson, Lewicki & Donahue, 2000), most rated hiding one's
# reservation price appropriate and false promises inappropriate; Lewicki, Saunders and
# Barry (*Negotiation*) file the first under "traditional competitive bargaining". The
# survey backs *keeping* your reservation price to yourself, not *stating a false* one:
# that convention rests on the Model Rule comment above, not on this survey, nor on Carr
# ("Is Business Bluffing Ethical?", 1968), who excused misstated facts too and so is no
# authority for this line.
#
# </details>
#
# <details>
# <summary><b>Threats in law</b> (a side note)</summary>
#
# Improper threats, by the *Restatement (Second) of Contracts*, §176: a threat of a crime,
# a tort or a criminal prosecution; of civil process in bad faith; one whose making breaches the
# duty of good faith and fair dealing under a contract with them; and, where the terms are
# unfair, one of harm that would not significantly benefit you. A contract forced by such a
# threat on a side with no reasonable alternative is voidable for duress (§175).
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "tactics", "schema_version": 3}
scenario.show("tactics")

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "q5-text", "schema_version": 3}
# ### Question 5 (2 marks): which kind of move?
#
# Your scenario lists four tactics, T1 to T4 (`scenario.tactics`, label -> text). Write
# `tactic_kinds()`, returning for each label one of `"legitimate"`, `"bluff"`,
# `"misrepresentation"` or `"illegitimate"` (an illegitimate source). Each tactic is used
# at the first meeting, before any of the news in section 5. Unless a tactic says
# otherwise, what it states is true and what it offers is yours to offer. Judge each by
# what it does: two tactics can be worded alike and differ only in a figure, and so in
# kind. "Legitimate" judges ethics, not wisdom: stating your true reservation price is
# legitimate, and usually unwise. Each tactic earns half a mark.
#
# **Your own tactics are judged only at grading**, as in question 1. Practise first on
# `scenario.practice.tactics` with `practice_tactics()`.
#
# <details>
# <summary><b>How your answer is checked</b></summary>
#
# The check under `tactic_kinds()` confirms only the form; the practice check says why a
# kind does not fit. For a tactic on one of section 6's lines (a threat or warning you
# would not carry out, a lie told to get information), either of its two kinds is
# accepted. A kind may appear twice or not at all.
#
# </details>

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-tactics", "schema_version": 3}
scenario.show("practice-tactics")


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "practice-tactics-answer", "schema_version": 3}
def practice_tactics():
    """For each practice tactic label: its kind."""
    ### BEGIN SOLUTION
    kinds = {  # by what each does (section 6)
        # deadline
        "Tell Brannock the warehouse roof was replaced last year, when the work has not begun.": "misrepresentation",
        "Say that 28,000 a month is the lowest rent you will accept; the lowest you would let the warehouse for is 28,000.": "legitimate",
        "Pay a clerk at Brannock's bank to tell you how much credit Brannock has left, which the bank bars her from telling anyone.": "illegitimate",
        "Say that 31,000 a month is the lowest rent you will accept; the lowest you would let the warehouse for is 28,000.": "bluff",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Brannock you will let the warehouse to a self-storage company unless Brannock signs by Friday, when you would go on waiting for Brannock.": "misrepresentation",
        # salary
        "Tell Larkfield that a third firm has you in its final round, which it has.": "legitimate",
        "Say that 96,000 is the least you would accept; the least you would sign for is 91,000.": "bluff",
        "Tell Larkfield you lead a team of six, when you lead a team of two.": "misrepresentation",
        "Ask a friend at Larkfield's payroll firm to look up what Larkfield pays its engineers, which the firm's contract with Larkfield bars it from sharing.": "illegitimate",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Larkfield you will take Calder's offer on Friday unless it adds a signing bonus, when you would wait for Larkfield past Friday.": "misrepresentation",
    }
    return {label: kinds[text] for label, text in scenario.practice.tactics.items()}
    ### END SOLUTION


# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "practice-tactics-check", "schema_version": 3}
"""Practice, not marked: judge each item of the practice case, with a hint if it is wrong."""
check.practice_tactics(practice_tactics)


# %% nbgrader={"grade": false, "solution": true, "locked": false, "grade_id": "tactic-kinds-answer", "schema_version": 3}
def tactic_kinds():
    """For each tactic label: "legitimate", "bluff", "misrepresentation" or "illegitimate"."""
    ### BEGIN SOLUTION
    kinds = {  # by what each does (section 6)
        # salary
        "Tell Larkfield that Calder offered 88,000; Calder's letter says 88,000.": "legitimate",
        "Say that 90,000 is the least you would accept; the least you would sign for is 90,000.": "legitimate",
        "Say that 95,000 is the least you would accept; the least you would sign for is 90,000.": "bluff",
        "Tell Larkfield that no salary under 100,000 would be worth the move to you, when you would sign for 90,000.": "bluff",
        "Tell Larkfield the third firm has made you an offer, when its board meets next week to decide.": "misrepresentation",
        "Tell Larkfield that Calder offered 105,000; Calder's letter says 88,000.": "misrepresentation",
        "Get a friend in Larkfield's HR team to forward you the pay bands its staff may not show outsiders, in return for a favour.": "illegitimate",
        "Ask your uncle, a city councillor who votes on Larkfield's planning application, to let Larkfield know you hope for a better offer.": "illegitimate",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Larkfield you will sign with Calder tomorrow unless it matches Calder's pay, when you have already decided to turn Calder down.": "misrepresentation",
        # supplier
        "Tell Vell a rival quoted 3% below its price; the rival's quote was 3% below.": "legitimate",
        "Offer Vell a two-year contract, which your board has approved, to make up for clients it is rumoured to have lost, in return for a lower price.": "legitimate",
        "Tell Vell you will not go above 0.40 a unit; the most you would pay is 0.42.": "bluff",
        "Say the resealable lid is worth no more than 0.36 a unit to you, when you would pay 0.42 to keep it.": "bluff",
        "Tell Vell a rival quoted 15% below its price; the rival's quote was 3% below.": "misrepresentation",
        "Tell Vell your board has approved a switch to another supplier, when the board meets on it next month.": "misrepresentation",
        "Pay a Vell sales assistant for a copy of the prices Vell charges your competitor, which his employment bars him from sharing.": "illegitimate",
        "Ask your cousin at the tax office to open an inquiry into Vell's accounts before the talks.": "illegitimate",
        # a lie told to get information: filed by its source (misrepresentation too)
        "Phone Vell's accounts office as one of its auditors, which you are not, to find out which clients it has lost.": "illegitimate",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Vell you will move the whole order to Bellpak in three months unless it cuts its price, when you mean to stay with Vell whatever it does.": "misrepresentation",
        # sole-source
        "Say that any price above 46 a valve is more than you will pay; the most you would pay is 46.": "legitimate",
        "Offer Ostra a five-year contract for every valve you buy, in return for a lower price.": "legitimate",
        "Say that any price above 40 a valve is more than you will pay; the most you would pay is 46.": "bluff",
        "Say the valve is worth no more than 35 a valve to you, when you would pay 46 for it.": "bluff",
        "Tell Ostra that the regulator has approved a rival valve, when its maker plans to submit it next year.": "misrepresentation",
        "Show Ostra a rival maker's quote that your assistant drew up on the rival's letterhead.": "misrepresentation",
        "Offer an Ostra engineer a consulting fee to share the cost sheets his contract forbids him to pass on.": "illegitimate",
        "Ask a friend at the regulator to slow the review of Ostra's new plant until Ostra accepts your terms.": "illegitimate",
        # a lie told to get information: filed by its source (misrepresentation too)
        "Call Ostra's plant as a trade journalist, which you are not, to learn how full its order book is.": "illegitimate",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Ostra you will pay to certify another maker's valve unless it holds its price, when you have no budget for it.": "misrepresentation",
        # deadline
        "Remind Brannock that its lease ends in six weeks and that you can hand over the keys in four.": "legitimate",
        "Say that 27,000 a month is the lowest rent you will accept; the lowest you would let the warehouse for is 27,000.": "legitimate",
        "Say that 30,000 a month is the lowest rent you will accept; the lowest you would let the warehouse for is 27,000.": "bluff",
        "Say the warehouse is worth well above 30,000 a month to you, when you would let it for 27,000.": "bluff",
        "Tell Brannock another firm has signed a letter of intent for the warehouse, when the firm that viewed it has not called back.": "misrepresentation",
        "Tell Brannock the rail siding has passed its safety inspection, when the inspection is booked for next month.": "misrepresentation",
        "Ask your brother-in-law, who sits on the council's licensing committee, to hold up Brannock's operating licence until it signs.": "illegitimate",
        "Pay Brannock's former broker for his notes on what Brannock can afford, which his contract with Brannock bars him from sharing.": "illegitimate",
        # a threat or warning you would not carry out: a misrepresentation (bluff too)
        "Tell Brannock you will take the warehouse off the market for a year unless it signs this week, when you would go on showing it to other firms.": "misrepresentation",
    }
    return {label: kinds[text] for label, text in scenario.tactics.items()}
    ### END SOLUTION


# %% nbgrader={"grade": true, "solution": false, "locked": true, "points": 2, "grade_id": "tactic-kinds-test", "schema_version": 3}
"""Check that tactic_kinds tells legitimate leverage from bluffs, lies and illegitimate sources."""
check.classify_tactics(tactic_kinds)
### BEGIN HIDDEN TESTS
check.classify_tactics(tactic_kinds, hidden=True)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "reflection-text", "schema_version": 3}
# ## 7. Reflection (3 marks, graded by your instructor)
#
# Audit a negotiation you expect to face, or one you remember, in a short paragraph that
# covers three things, a mark each:
#
# 1. a rating of information, alternatives and power for **both** sides, each with its
#    reason (six ratings);
# 2. the weights, why the source that weighs most does so in this negotiation, and one
#    thing the weighted sum misses here (section 3's limits: sources that only work
#    together, or an outside option worth less than what the deal would give you anyway);
# 3. the one preparation step that would move the balance most: which rating it raises,
#    by about how much and with what chance, whether you can do it in the time you have
#    and within the lines of section 6, and what it does to the other side's trust in you
#    if you will deal with them again.

# %% [markdown] nbgrader={"grade": true, "solution": true, "locked": false, "points": 3, "grade_id": "reflection", "schema_version": 3}
# ### BEGIN SOLUTION
# Rubric, a mark each, for a point made about the learner's own negotiation: (1) six
# ratings, each with a reason (half a mark if some ratings or reasons are missing);
# (2) weights that add up to 1, with a reason for the largest and one limit of the
# audit that matters in this negotiation (half a mark without the limit); (3) one step with
# the
# rating it raises, a rough size and chance, and a word on whether it fits the time, is
# legitimate, and keeps or spends the other side's trust (half a mark if the trust or the
# legitimacy is missing).
#
# A full-marks answer: "Renewing the lease on my flat. Information: the landlord knows the
# local rents better, 7 to my 4, but old listings show that two flats in the building
# stood empty for months last winter. Alternatives: I have found two flats online I would
# take, 6; an empty month costs him rent and an agent's fee, so 5 for him.
# Power: he sets the rent and can refuse to renew, 6; I pay on time and keep the flat
# well, 4. Weights 0.25, 0.5, 0.25: alternatives count most, since moving is real for me
# and an empty flat costly for him.
# What the sum misses: my tenancy rolls on, so moving is my choice, and the flats I found
# move the rent only if they beat what I would get
# anyway, my share of what renewing saves us both; below that, they only cap what I
# should agree to pay.
# Balance: my 5.0 against his 5.75, about -0.75. Viewing the flats scores best on paper
# (alternatives +2, chance 0.8: +0.8 points on average), but by that limit it may not move
# the rent at all. So my step is one that moves him: collect this year's rents for flats
# like mine, a standard he cannot wave away; it raises my
# information by about 2, with a chance of 0.9, so about +0.45 points on average, and I
# have the two weeks it takes. It costs no trust: the figures are public."
# ### END SOLUTION

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "map-teaching", "schema_version": 3}
# ## 8. The course map, and your progress
#
# The next cell shows every module, its time, and the self-checks you have passed on
# this computer. For questions 1, 4a and 5 it counts
# the practice case's check. Your grade comes from the notebooks you submit, never from
# this record.

# %% nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "course-map", "schema_version": 3}
course.progress()

# %% [markdown] nbgrader={"grade": false, "solution": false, "locked": true, "grade_id": "summary", "schema_version": 3}
# ## What to take away
#
# - What you know about their weakness is worth only what it lets you do.
# - Re-audit after each piece of news. Make the ask the first time your balance reaches
#   its bar, unless you can already see a cost of delay that falls on them far more than
#   on you; a deadline that ends your deal too supports only a short wait.
# - Trust outlasts the deal: doing, freely, more than you owe builds it; breaking your
#   word, or a move the other side takes as breaking it, can spend it.
# - Keeping your reservation price to yourself is widely accepted; stating a false one is
#   usually tolerated by convention, though contested; misstating a fact, or
#   drawing on secrets or offices that are not yours, is not.
#
# <details>
# <summary><b>Closing notes: sources and asides, by section</b></summary>
#
# *Section 5, final deadlines.* Moore ("The unexpected benefits of final deadlines in
# negotiation", *Journal of Experimental Social Psychology*, 2004) found that a moderate
# final deadline improved the outcomes of negotiators for whom delay was costly, though
# they expected it to hurt them: it pressed both sides. Roth, Murnighan and Schoumaker
# ("The deadline effect in bargaining", *American Economic Review*, 1988) found deals
# bunched in the last seconds before the deadline, and many pairs reaching none.
#
# *Section 3.* The three sources and the weights are the course's own simplification:
# Lewicki, Saunders and Barry (*Negotiation*, 7th ed., 2015, "Finding and Using
# Negotiation Power") give more sources of power, but no weighted score.
#
# *Section 3, outside options.* The deal-me-out model is Shaked and Sutton's (1984),
# named by Binmore, Shaked and Sutton (1989). See also Binmore, Rubinstein and Wolinsky
# (1986).
#
# *Section 4.* Axelrod, *The Evolution of Cooperation* (1984); Curhan, Elfenbein and Xu
# (2006); Curhan, Elfenbein and Eisenkraft (2010).
#
# </details>
