"""Module 04's scenario: Kite Studio sells a year of design work to Orchard, first on price
alone, then as a contract of several issues where both sides can trade.

Every variant is checked before a learner sees it (``problems``): a draw that would make a
question degenerate, its story incoherent or its numbers implausible is drawn again.
"""

import random
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

from course.checks.calls import answer_key
from course.models.concessions import (
    TradeTable,
    better_for_both,
    preferred_trade,
    right_trades,
    same_rank,
    trade_rank,
    trade_tier,
)
from course.pictures import counted
from course.scenarios.base import MAX_DRAWS, MultiIssue, NoFairDraw, Scenario, pick

#: The contract's issues and their levels, from best for Kite to best for Orchard.
ISSUES = {
    "discount": ("none", "5%", "10%"),
    "delivery": ("16 weeks", "10 weeks", "6 weeks"),
    "payment": ("upfront", "30 days", "90 days"),
    "revisions": ("1 round", "3 rounds", "unlimited"),
}

#: Rows of the concession planner: the most trades a learner can plan in it.
PLANNER_ROWS = 6

#: The fewest moves the course's rule needs from the draft to where it stops, so that the
#: planner has a path to find (issue 17: from the middle one trade was often enough).
PLANNER_LEAST = 3

#: Packages worth within this many of your points count as equivalent offers (question 5).
MESO_TOLERANCE = 5

#: The fewest sets of equivalent offers question 5 accepts, so that choosing one is a choice
#: (review 70 X2: with two, most learners chose between two sets that shared two offers).
MESO_LEAST_SETS = 3

#: Each equivalent offer gives Orchard at least this share of the points it needs to sign
#: (``their_minimum``): below it, an offer is one Orchard could not like, an insult.
MESO_LEAST_SHARE = 0.25


class Statement(NamedTuple):
    """Something Kite could say when it opens, the price (in thousands) it names, and what
    it says it reports: ``"birch"`` (Birch's offer), ``"survey"`` (this year's rate
    survey), ``"linden"`` (what Orchard paid Linden last year), ``"retailer"`` (another
    retailer's offer) or ``"demand"`` (what Kite asks Orchard to pay)."""

    text: str
    figure: float
    about: str


#: What a statement may say it reports, and whose figure the story may give (``facts``).
SOURCES = ("birch", "survey", "linden", "retailer")


@answer_key
def statement_kinds(contract):
    """Each of ``contract``'s statements' kind: a demand is a ``"threat"``; a statement
    whose figure is the one the story gives for what it reports (``contract.facts``) is a
    ``"fact"``; any other is ``"invented"`` (an inflated offer, a misquoted price, an offer
    nobody made)."""
    kinds = {}
    for key, statement in contract.statements.items():
        if statement.about == "demand":
            kinds[key] = "threat"
        elif contract.facts.get(statement.about) == statement.figure:
            kinds[key] = "fact"
        else:
            kinds[key] = "invented"
    return kinds


def statement_about(contract, about):
    """The key of ``contract``'s statement that reports ``about``."""
    return next(key for key, st in contract.statements.items() if st.about == about)


@dataclass(frozen=True)
class KiteContract(MultiIssue, Scenario):
    """Kite's side of the talks with Orchard: its BATNA, what it knows about Orchard, what
    it could say when it opens (prices in thousands), and both sides' points on the
    contract's issues."""

    alternative_price: float  # what Birch, the other client, has offered for the same year
    extra_cost: float  # what Orchard's job costs Kite more than Birch's (travel, rush work)
    their_estimate: float  # Kite's best estimate of Orchard's reservation price
    their_guess: float  # what Orchard believes Kite's other work would pay for the year
    statements: dict  # neutral key -> Statement: what Kite could say to ground its opening
    facts: dict  # about -> the price the story gives for it (Birch, survey, Linden, retailer)
    rounds: int  # the rounds the price talks are expected to take (offers in rounds 1 .. rounds)
    yours: dict  # Kite's points: issue -> {level: points}
    theirs: dict  # Orchard's points, as Kite's research estimates them
    their_minimum: int  # the fewest of its points Orchard will sign the framework for
    draft: dict  # the framework your colleague drafted: a package, issue -> level
    tighter: bool  # Orchard's budget is tighter this year than last (Linden's price above)

    def story(self):
        said = "\n".join(
            f'- `"{key}"` (about `"{statement.about}"`): "{statement.text}"'
            for key, statement in self.statements.items()
        )
        fern = self.facts.get("retailer")
        retailer = (
            f"Fern, another retailer, paid a studio like yours {fern:g} for a year of the "
            "same work this year; that is a market price, not an offer to you"
            if fern is not None
            else "No other retailer has made you an offer"
        )
        work = "lighter work from studios smaller than yours" if self.tighter else "work like this"
        budget = (
            ": Orchard has let it be known that its design budget is tighter this year than last"
            if self.tighter
            else ""
        )
        draft = ", ".join(f"{issue} {level}" for issue, level in self.draft.items())
        return (
            "You run **Kite Studio** and are selling a year of design work to **Orchard**, "
            "a retailer. Prices are in thousands.\n\n"
            f"**Your BATNA** (`s.alternative_price`, `s.extra_cost`). Birch, a small "
            "publisher and the only other client with work for you this year, has offered "
            f"you {self.alternative_price:g} for the same year. Publishers pay well below "
            "retail rates, and no retailer but Orchard has work for you this year, so the "
            "retail prices below tell you what Orchard's work is worth, not what you could "
            f"earn elsewhere. Orchard's job costs you {self.extra_cost:g} more than Birch's "
            "(travel and rush weeks).\n\n"
            f"**What you know about Orchard** (`s.their_estimate`). Your research puts the "
            f"most Orchard would pay for the year, its reservation price, at about "
            f"{self.their_estimate:g}{budget}. That estimate weighs Orchard's budget and "
            "what a year of design work is worth to its launches.\n\n"
            "**What you know of the market** (`s.facts`: the price the story gives for each "
            f"source a statement can be `about`). This year's rate survey puts a year of {work} "
            f"at {self.facts['survey']:g}. Last year Orchard paid Linden, its studio then, "
            f"{self.facts['linden']:g} for the same work; Linden has since stopped taking "
            "retail work, so that price is history, not an offer Orchard could take up today. "
            f"{retailer}.\n\n"
            f"**What Orchard believes about you** (`s.their_guess`). Orchard does not know "
            "about Birch. It knows retail work is scarce this year, so it probably guesses "
            "your other work is for publishers, at about "
            f"{self.their_guess:g} for the year.\n\n"
            "**What you could say when you open** (`s.statements`, each with the `text` and "
            "the price, `figure`, it names, and what it reports, `about`). Everything you know "
            "is in this story: a sentence that contradicts it is not true.\n\n"
            f"{said}\n\n"
            f"**The price talks** (`s.rounds`) are expected to take {self.rounds} rounds: "
            "you open in round 1, and in each round you make an offer and Orchard answers "
            "with one of its own.\n\n"
            "**The framework contract** (`s.yours`, `s.theirs`, `s.their_minimum`, "
            "`s.draft`). Orchard also wants a three-year framework, this year its first. Four "
            "issues are open. The discount comes off the prices of years two and three, never "
            "this year's, and your points count what it costs you, so your reservation price "
            "for this year stands (section 5 of the notebook says how the course counts the "
            "relationship). Each cell gives a level's points *for you / for Orchard* "
            "(Orchard's are your research's estimate). Your research also suggests that "
            f"Orchard will not sign a framework worth fewer than {self.their_minimum} of its "
            f"points. Your colleague's draft of the framework is: {draft}.\n\n"
            f"{self.points_table()}"
        )


def _scores(rng, weights, reverse):
    """Points per level for one side: the issue's weight at its best level, 0 at its worst,
    and a drawn share of the weight in between."""
    table = {}
    for issue, levels in ISSUES.items():
        order = levels[::-1] if reverse else levels
        middle = round(weights[issue] * pick(rng, 0.4, 0.8, 0.1))
        table[issue] = dict(zip(order, (weights[issue], middle, 0), strict=True))
        table[issue] = {level: table[issue][level] for level in levels}
    return table


def _weights(rng, names):
    """Whole-number weights adding up to 100, different in importance for each issue."""
    raw = [pick(rng, 1, 10, 1) for _ in names]
    weights = [round(100 * r / sum(raw)) for r in raw]
    weights[0] += 100 - sum(weights)
    return dict(zip(names, weights, strict=True))


def _statements(rng, alternative, estimate):
    """What Kite could say, under neutral keys ``"A"`` to ``"E"``, and what the story gives
    for each source (``facts``). One true fact grounds an opening at or beyond Orchard's
    likely limit and the others fall short of it: the high fact is Linden's price or the
    survey's rate, or, in about a third of the draws, the price another retailer, Fern,
    paid a studio for the same work (a market price, not an offer to Kite: review 61 C2). Birch's offer is quoted as it is or, in about a third of the
    draws, inflated; in about a third, a low fact is misquoted upwards; the other
    retailer's offer is invented when the story has none; and there is a demand (a
    threat). Every untrue statement names more than the reservation price, and each, in
    about half the draws, less than the high fact. Also whether Linden's
    price is the high fact (then Orchard's budget is tighter this year, which the story
    says). The draws of the main generator are those of the two-fact story before, so the
    rest of a learner's scenario is as it was; the new choices come from a generator seeded
    by its state."""
    high = estimate + pick(rng, 3, 12, 1)
    low = estimate - pick(rng, 5, 15, 1)
    tighter = rng.random() < 0.5
    more = random.Random(f"statements:{rng.getstate()[1][:8]}")
    fern = None
    if more.random() < 1 / 3:  # the price Fern paid another studio is the high fact
        fern, tighter = high, False
        high = estimate - pick(more, 5, 15, 1)
        if high == low:
            high = low - 1
    linden, survey = (high, low) if tighter else (low, high)
    threat = max(high, fern or 0) + pick(rng, 5, 20, 1)
    invented = max(high, fern or 0) + pick(rng, 5, 20, 1)
    top = max(high, low, fern or 0)
    birch = alternative if rng.random() < 2 / 3 else top + pick(rng, 5, 20, 1)
    facts = {"birch": alternative, "survey": survey, "linden": linden}
    said = dict(facts, birch=birch)
    if more.random() < 1 / 3:  # a low fact misquoted upwards
        wrong = min(("survey", "linden"), key=lambda k: facts[k])
        said[wrong] = top + pick(more, 5, 20, 1)
    # each untrue figure, in about half the draws, lies between Orchard's likely limit and
    # the high fact, so that no rule on figures alone (say, the lowest figure at or above
    # the estimate) finds the true one: only the story tells
    slots = list(range(int(estimate) + 1, int(max(high, fern or 0))))
    more.shuffle(slots)
    untrue = [k for k in ("survey", "linden", "birch") if said[k] != facts[k]]
    for name in [*untrue, "retailer", "threat"]:
        if not slots or more.random() >= 1 / 2 or (name == "retailer" and fern is not None):
            continue
        if name == "retailer":
            invented = float(slots.pop())
        elif name == "threat":
            threat = float(slots.pop())
        else:
            said[name] = float(slots.pop())
    birch = said["birch"]
    lighter = (
        "lighter work, from studios smaller than ours"
        if tighter
        else "work like this, from a studio like ours"
    )
    retailer = (
        Statement(
            f"Fern, another retailer, paid a studio like ours {fern:g} for a year of this work.",
            fern,
            "retailer",
        )
        if fern is not None
        else Statement(
            f"Another retailer has offered us {invented:g} for the year.", invented, "retailer"
        )
    )
    if fern is not None:
        facts["retailer"] = fern
    found = {
        "birch": Statement(
            f"Birch has offered us {birch:g} for the same year of work.", birch, "birch"
        ),
        "survey": Statement(
            f"This year's rate survey puts a year of {lighter}, at {said['survey']:g}.",
            said["survey"],
            "survey",
        ),
        "linden": Statement(
            f"Last year you paid your previous studio, Linden, {said['linden']:g} for the same work.",
            said["linden"],
            "linden",
        ),
        "threat": Statement(
            f"Pay {threat:g}, or we take Birch's job and you will miss your spring launch.",
            threat,
            "demand",
        ),
        "other_retailer": retailer,
    }
    order = list(found)
    rng.shuffle(order)
    return {name: found[key] for name, key in zip("ABCDE", order, strict=True)}, facts, tighter


def _framework(rng, table):
    """Your colleague's draft and Orchard's minimum: a draft good for you (worth more to you
    than to Orchard, and more to you than splitting every issue down the middle) but below
    the Pareto frontier, from which the course's rule makes at least ``PLANNER_LEAST`` moves
    (trades that create value, then at least one concession) and stops on the frontier;
    Orchard's minimum a few points above where the trades alone would take it. ``None``
    when no package tried does that."""
    names, efficient = list(table.levels), table._efficient
    floor = table.points({issue: levels[1] for issue, levels in table.levels.items()})[0]
    # the candidates' keys are shuffled (the shuffle draws the same numbers for any list of
    # that length) and only the twelve tried become packages
    keys = [
        key for key, you, them in table._rows if you > max(them, floor) and key not in efficient
    ]
    rng.shuffle(keys)
    for draft in (dict(zip(names, key, strict=True)) for key in keys[:12]):
        traded = table.rule_path(draft, their_minimum=-1)  # never needed: free trades only
        if len(traded) < 3 or not table.efficient(traded[-1]):
            continue
        minimum = int(table.points(traded[-1])[1]) + int(pick(rng, 4, 15, 1))
        path = table.rule_path(draft, their_minimum=minimum)
        if PLANNER_LEAST <= len(path) - 1 <= PLANNER_ROWS and table.landed(path[-1], minimum):
            return draft, minimum
    return None


def draw(rng, learner):
    """One draw of a learner's numbers, before ``problems`` has looked at it (``None`` when
    the framework has no equivalent offers, no draft that suits the planner, or fewer than
    ``MESO_LEAST_SETS`` sets of equivalent offers: those are looked for first, as they
    reject the most draws)."""
    names = list(ISSUES)
    alternative = float(pick(rng, 60, 80, 1))
    extra = float(pick(rng, 2, 8, 1))
    estimate = round((alternative + extra) * pick(rng, 1.25, 1.42, 0.01))
    statements, facts, tighter = _statements(rng, alternative, estimate)
    # Orchard's idea of Kite's other work: below Birch's real offer in about half the
    # draws (then Birch is worth telling), above it in the others (then keep it private)
    gap = pick(rng, 3, 10, 1)
    guess = alternative - gap if rng.random() < 0.5 else alternative + gap
    rounds = int(pick(rng, 5, 8, 1))
    yours = _scores(rng, _weights(rng, names), reverse=False)
    theirs = _scores(rng, _weights(rng, names), reverse=True)
    table = TradeTable(yours, theirs)
    middle = {issue: levels[1] for issue, levels in ISSUES.items()}
    if next(_meso_found(table, middle), None) is None:  # is there any (the first will do)
        return None
    framework = _framework(rng, table)
    if framework is None:
        return None
    draft, minimum = framework
    contract = KiteContract(
        module="04_concessions",
        learner=learner,
        alternative_price=alternative,
        extra_cost=extra,
        their_estimate=float(estimate),
        their_guess=float(guess),
        statements=statements,
        facts=facts,
        rounds=rounds,
        yours=yours,
        theirs=theirs,
        their_minimum=minimum,
        draft=draft,
        tighter=tighter,
    )
    # question 5's sets, the commonest fault, here with the table at hand and before
    # ``problems``' dearer checks (the draws made from ``rng`` are the same either way)
    if len(meso_triples(contract, table)) < MESO_LEAST_SETS:
        return None
    return contract


def kite_contract(rng, learner):
    """A learner's numbers: a BATNA, what Kite knows and could say, and issues each side
    weighs differently, so that trading a cheap issue for a dear one creates value. Draws
    that break an invariant (``problems``) are drawn again from the same generator."""
    for _ in range(MAX_DRAWS):
        contract = draw(rng, learner)
        if contract is not None and not problems(contract):
            return contract
    raise NoFairDraw("04_concessions", learner)


def reservation_of(contract):
    """Kite's reservation price with Orchard: Birch's price plus what Orchard costs more."""
    return contract.alternative_price + contract.extra_cost


@answer_key
def birch_is_strong(contract):
    """Whether Birch's real offer beats what Orchard believes Kite's other work pays: then
    saying it, as the fact it is, raises the least Orchard thinks Kite would take, and so
    the price it expects, as Birch binds (module 03's deal-me-out: Kite's share at
    the table, counted without any alternative, is Kite's extra cost plus about half the
    surplus, what the job is worth to Orchard less that cost, far below Birch's price;
    review 103 E1, review 112 E1); otherwise it would lower it."""
    return contract.alternative_price > contract.their_guess


def middle_package(contract):
    """Every issue split down the middle: the middle level of each."""
    return {issue: levels[1] for issue, levels in contract.issues.items()}


def conceded_issues(contract, package):
    """The issues on which ``package`` gives Orchard ground: not at your best level."""
    return frozenset(i for i, levels in contract.issues.items() if package[i] != levels[0])


def _conceded(table, package):
    return frozenset(i for i, levels in table.levels.items() if package[i] != levels[0])


@answer_key
def landing_point(table, their_minimum):
    """Where section 4 plans to land: the point ``(your points, their points)`` of the
    frontier package best for you among those that give Orchard at least
    ``their_minimum``."""
    return max((p for p in table.frontier if p[1] >= their_minimum), key=lambda p: p[0])


def _levels_towards_them(table, package):
    """How many levels ``package`` has moved towards the other side, over all issues."""
    return sum(levels.index(package[issue]) for issue, levels in table.levels.items())


def _at_landing(table, package, their_minimum):
    """Whether ``package`` is where the planner's verdict says you reached your landing:
    on the frontier, with ``their_minimum`` met and your points at ``landing_point``."""
    you = landing_point(table, their_minimum)[0]
    return table.landed(package, their_minimum) and table.points(package)[0] == you


def landing_moves(table, start, their_minimum, most=PLANNER_ROWS):
    """The fewest planner moves (one-level trades and single gives, right by the rule or
    not) that lead from ``start`` to a package at the landing point: 0 when ``start`` is
    one, ``None`` when more than ``most`` would be needed or none does."""
    layer = {tuple(start[issue] for issue in table.levels): dict(start)}
    seen = set(layer)
    for moves in range(most + 1):
        if any(_at_landing(table, package, their_minimum) for package in layer.values()):
            return moves
        following = {}
        for package in layer.values():
            for option in table.options(package, gives=True):
                after = option["package"]
                key = tuple(after[issue] for issue in table.levels)
                if key not in seen:
                    seen.add(key)
                    following[key] = after
        layer = following
    return None


def landing_takes_levels_back(table, start, their_minimum):
    """Whether every package at the landing point holds fewer levels on the other side's
    side, over all issues, than ``start``: every planner move gives a level for each one
    it takes back, or gives one for nothing, so no plan of moves reaches such a landing;
    it can only be proposed whole."""
    return all(
        _levels_towards_them(table, package) < _levels_towards_them(table, start)
        for package, _, _ in table.packages
        if _at_landing(table, package, their_minimum)
    )


def _landing_reach(table, start, their_minimum, rows):
    """Whether a plan of ``rows`` moves from ``start`` can reach the landing, and if not,
    why not, in words for the planner's verdict."""
    if landing_moves(table, start, their_minimum, rows) is not None:
        return (
            " You can plan a path to it in this table: change the rows until the "
            "verdict says you reached it."
        )
    if landing_takes_levels_back(table, start, their_minimum):
        return (
            " No plan in this table reaches it: it holds fewer levels on Orchard's side, "
            "counted over all issues, than the draft, and every move here gives Orchard "
            "a level for each one it takes back, or gives one for nothing. A landing that "
            "takes levels back on balance is proposed whole, as one package (section 4)."
        )
    return (
        f" No plan of {rows} moves in this table reaches it: propose it whole, as "
        "one package (section 4)."
    )


def _where_the_plan_falls_short(table, start, their_minimum, rows):
    """The landing, and the end of the rule's own path from ``start`` (rule 1's hold and
    rule 3's close), in words, for a plan that has not reached the landing (review 108 U4:
    the planner promises both)."""
    landing = landing_point(table, their_minimum)
    rule_end = table.points(table.rule_path(start, their_minimum, hold=True, close=True)[-1])
    text = (
        " You have not reached your landing, the frontier package best for you that still "
        f"gives Orchard its minimum: {landing[0]:g} for you and {landing[1]:g} for Orchard."
    )
    if rule_end == landing:
        text += " The rule's own path from the draft ends there."
    else:
        text += (
            " The rule's own path from the draft, which looks only one move ahead, ends at "
            f"{rule_end[0]:g} for you and {rule_end[1]:g} for Orchard."
        )
    return text + _landing_reach(table, start, their_minimum, rows)


def planner_verdict(table, start, their_minimum, steps, rows=PLANNER_ROWS):
    """The concession planner's verdict on a plan (``steps``, as ``plan_trades`` gives them
    with rule 1's hold) from ``start``, as ``(text, landed)``: where the plan ends against
    the frontier and Orchard's minimum, whether it reached your landing, and where the
    rule's own path would have ended; ``landed`` when it reached the landing. The view
    only shows it (review 108 U4: the text is the model's, so a test can read it)."""
    start_points = table.points(start)
    you, them = (steps[-1]["you_total"], steps[-1]["them_total"]) if steps else tuple(start_points)
    points = [(a, b) for _, a, b in table.packages]
    better = better_for_both((you, them), points)
    wrong = sum(1 for step in steps if not step["ok"])
    short = them < their_minimum
    if better:
        best = max(better, key=lambda p: p[0] + p[1])
        text = (
            f"Your plan ends at {you:g} points for you and {them:g} for Orchard, below the "
            f"frontier, with {counted(len(better), 'package')} better for both, e.g. "
            f"{best[0]:g} and {best[1]:g}."
        )
    else:
        text = f"Your plan ends on the frontier: {you:g} points for you, {them:g} for Orchard."
    if short:
        text += f" Orchard has fewer than its minimum of {their_minimum}: it would not sign."
    best_for_you = landing_point(table, their_minimum)
    landed = bool(steps) and not better and not short and best_for_you[0] == you
    if wrong and landed:
        rule_path = table.rule_path(start, their_minimum, hold=True, close=True)
        rule_end = table.points(rule_path[-1])
        text += (
            " It is the frontier package best for you that still gives Orchard its "
            "minimum: the landing section 4 tells you to choose first, and you reached it. "
            f"{wrong} of its {counted(len(steps), 'move')} {'is' if wrong == 1 else 'are'} "
            "not the move the rule makes from where you stood, so the table shows them in "
            "red as not the rule's move: the colours judge each move by question 4's rule, "
            "not your plan by where it ends."
        )
        if rule_end == (you, them):  # review 92 X3: the same package by another path
            text += (
                " The rule's own path from the draft ends at the same package, in "
                f"{counted(len(rule_path) - 1, 'move')}; yours took {len(steps)}."
            )
        else:
            text += (
                " The rule looks only one move ahead, and its own path from the draft "
                f"ends at {rule_end[0]:g} for you and {rule_end[1]:g} for Orchard."
            )
    elif wrong:
        text += (
            f" {wrong} of its {counted(len(steps), 'move')} "
            f"{'is' if wrong == 1 else 'are'} not the rule's move."
        )
        text += _where_the_plan_falls_short(table, start, their_minimum, rows)
    elif steps and not short and (not better or _rule_stops(table, steps[-1], their_minimum)):
        text += " Every move on the way is the rule's move"
        if better:  # review 99 C2: rules 1 and 3 stop below the frontier
            text += (
                ", and the rule stops here: Orchard has its minimum and no move left gains "
                "you points (rules 1 and 3); the free move left is for the close: offer it "
                "last, for the signature (rule 3), and the deal ends on the frontier"
            )
        if best_for_you[0] > you:
            text += (
                f", but the rule stopped short of your landing by {best_for_you[0] - you:g} "
                "of your points. One more thing to see: the frontier package best for you "
                f"that still gives Orchard its minimum is {best_for_you[0]:g} for you and "
                f"{best_for_you[1]:g} for Orchard. The rule looks only one move ahead: "
                "the moves it makes first decide which packages its last concession can "
                "reach, so it does not always end there."
            )
            text += _landing_reach(table, start, their_minimum, rows)
        else:
            text += (
                ", and you have landed: this is the frontier package best for you that "
                "still gives Orchard its minimum, so the rule's path reached the place you "
                "would choose to land."
            )
    elif steps:  # every move is the rule's, and the rule has more to make from here
        text += " Every move so far is the rule's move, and the rule has more to make."
        text += _where_the_plan_falls_short(table, start, their_minimum, rows)
    return text, landed


def _rule_stops(table, step, their_minimum):
    """Whether the course's rule, with rule 1's hold, makes no move from the package a
    planned ``step`` leads to."""
    return len(table.rule_path(step["package"], their_minimum, most=1, hold=True)) == 1


@answer_key
def meso_triples(contract, table=None):
    """Every set of three packages question 5 accepts, as tuples of ``(package, your
    points, their points)``: each on the Pareto frontier, worth more to you than the
    middle package and at least as much as the landing point (``landing_point``: an
    opening offer asks at least what you plan to land on), worth within
    ``MESO_TOLERANCE`` of each other to you, each giving Orchard ground on at least one
    issue and at least ``MESO_LEAST_SHARE`` of the points it needs to sign (one Orchard
    could like), and no two giving Orchard ground on exactly the same issues."""
    table = table or TradeTable(contract.yours, contract.theirs)
    least = MESO_LEAST_SHARE * contract.their_minimum
    land = landing_point(table, contract.their_minimum)[0]
    return _meso_rows(table, middle_package(contract), least, land)


@answer_key
def _meso_rows(table, middle, least=None, land=None):
    """The triples of ``meso_triples``; without ``least`` (Orchard's fewest points for an
    offer) and ``land`` (your points at the landing point), the generator's first, looser
    filter."""
    return list(_meso_found(table, middle, least, land))


@answer_key
def _meso_found(table, middle, least=None, land=None):
    """``_meso_rows``' triples, one at a time (the generator only asks whether there is
    one)."""
    floor = table.points(middle)[0]
    names = list(table.levels)
    ambitious = sorted(
        (
            (dict(zip(names, key, strict=True)), you, them)
            for key, you, them in table._efficient_rows  # the efficient packages, in order
            if you > floor
            and (land is None or you >= land)
            and (
                least is None
                or (
                    them >= least
                    and any(
                        k != levels[0] for k, levels in zip(key, table.levels.values(), strict=True)
                    )
                )
            )
        ),
        key=lambda row: row[1],
    )
    for i, first in enumerate(ambitious):
        near = [row for row in ambitious[i + 1 :] if row[1] - first[1] <= MESO_TOLERANCE]
        for second, third in combinations(near, 2):
            rows = (first, second, third)
            if len({_conceded(table, row[0]) for row in rows}) == 3:
                yield rows


@answer_key
def more_ground(contract, package, than):
    """The issues on which ``package`` gives Orchard more ground (a level further towards
    Orchard's end of the issue's levels) than ``than`` does."""
    return frozenset(
        i
        for i, levels in contract.issues.items()
        if levels.index(package[i]) > levels.index(than[i])
    )


@answer_key
def pick_reading(contract, table, offers, picked):
    """Question 5b: what Orchard's pick of ``offers[picked]`` says. An empty set when the
    pick is the offer worth most to Orchard by Kite's research (``table``); else the issues
    on which the pick gives Orchard more ground than that offer. ``None`` when the rule
    does not decide (the research's best is tied, or the pick gives more ground on no
    issue)."""
    worth = [table.points(offer)[1] for offer in offers]
    best = [at for at, w in enumerate(worth) if w == max(worth)]
    if len(best) > 1:
        return None
    if picked == best[0]:
        return frozenset()
    return more_ground(contract, offers[picked], offers[best[0]]) or None


def _surprising(contract, table, triples):
    """Whether some set of ``triples`` has a pick that contradicts the research."""
    return any(
        pick_reading(contract, table, [row[0] for row in trio], k)
        for trio in triples
        for k in range(3)
    )


# --- invariants: what every variant must satisfy before a learner sees it ---------------

#: The least distance, in thousands, between a figure and a line the opening rule draws.
OPENING_MARGIN = 3.0

#: The least gap between the best and the second-best gains per point a check compares.
RATE_MARGIN = 0.05


def _opening_problems(c):
    """Question 1: one true fact grounds an ambitious opening, another true one falls
    short, both clear of the line; the threat and the inventions name more than your
    reservation price, and no two statements the same figure;
    the story's budget line matches which fact is high."""
    found = []
    estimate, reservation = c.their_estimate, reservation_of(c)
    kinds = statement_kinds(c)
    facts = [s.figure for key, s in c.statements.items() if kinds[key] == "fact"]
    others = [s.figure for key, s in c.statements.items() if kinds[key] != "fact"]
    if sum(figure >= estimate + OPENING_MARGIN for figure in facts) != 1:
        found.append("opening: not exactly one true fact grounds an ambitious opening")
    if any(abs(figure - estimate) < OPENING_MARGIN for figure in facts):
        found.append("opening: a true figure within the margin of Orchard's likely limit")
    if min(others) <= reservation + OPENING_MARGIN:
        found.append("opening: the threat or an invention names no more than you would take")
    if len({s.figure for s in c.statements.values()}) < len(c.statements):
        found.append("opening: two statements name the same figure")
    if c.tighter != (c.facts["linden"] > estimate):
        found.append("story: the budget line does not match last year's price")
    if estimate - reservation < 15:
        found.append("plan: less than 15 between the two reservation prices")
    if max(facts) > 1.6 * reservation:
        found.append("plausible: an opening fact above 1.6 times the reservation price")
    if abs(c.their_guess - c.alternative_price) < OPENING_MARGIN:
        found.append("opening: Orchard's guess of your other work is within the margin of Birch")
    if not c.their_guess < estimate - OPENING_MARGIN:
        found.append("story: Orchard believes your other work pays about its own limit")
    return found


def _rates_clear(table, package, their_minimum):
    """Where the rule concedes by rate from ``package`` (nothing is free, Orchard still
    needs points and no single move gives it all it needs): its two best rates are equal
    or clearly apart. (Where a move closes, the rule compares costs, whole points.)"""
    shortfall = table.shortfall(package, their_minimum)
    if not shortfall:
        return True
    options = table.options(package, gives=True)
    if any(o["you"] >= 0 and o["them"] >= 0 and o["you"] + o["them"] > 0 for o in options):
        return True
    helpful = [o for o in options if o["you"] < 0 < o["them"]]
    if any(o["them"] >= shortfall for o in helpful):
        return True
    rates = sorted((o["them"] / -o["you"] for o in helpful), reverse=True)
    return len(rates) < 2 or rates[0] == rates[1] or rates[0] - rates[1] >= RATE_MARGIN


def _draw_ties(options, needed):
    """The moves ``_rule_ends`` lets a tie go to: those ``right_trades`` allows, except
    that of two closing moves that cost you the same only the one that gives Orchard more
    counts. Review 96 C2 made either of those right in question 4 and the planner; the
    draw keeps its older invariant so that no learner's numbers change."""
    return [
        o
        for o in right_trades(options, needed)
        if trade_rank(o, needed)[0] != 1
        or o["them"] >= preferred_trade(options, needed)["them"] - 1e-9
    ]


def _rule_ends(table, start, their_minimum, most=20):
    """Every package where the course's rule stops from ``start`` when each tie among its
    moves (any move ``_draw_ties`` allows) may go either way, as a set of keys."""
    ends, seen = set(), set()

    def walk(package, left):
        key = tuple(sorted(package.items()))
        if (key, left) in seen:
            return
        seen.add((key, left))
        moves = _draw_ties(
            table.options(package, gives=True), table.shortfall(package, their_minimum)
        )
        if not moves or not left:
            ends.add(key)
        for move in moves if left else ():
            walk(move["package"], left - 1)

    walk(dict(start), most)
    return ends


def _trades_problems(c, table=None):
    """Questions 4 and 5, and the planner: a free trade from the middle package; the rule
    from the middle and from the draft stops on the frontier with Orchard's minimum met
    (no package on the way exactly at that minimum, and no near-tie among the concessions
    it chooses between); a package where only concessions help Orchard and it still needs
    points, with a clear best; three equivalent offers."""
    found = []
    table = table or TradeTable(c.yours, c.theirs)
    middle = middle_package(c)
    minimum = c.their_minimum
    if not any(o["you"] >= 0 and o["them"] > 0 for o in table.options(middle)):
        found.append("trades: no trade from the middle package costs Kite nothing")
    for name, start in (("middle", middle), ("draft", c.draft)):
        path = table.rule_path(start, minimum)
        if not table.landed(path[-1], minimum):
            found.append(f"trades: the rule from the {name} does not stop on the frontier")
        if any(table.points(p)[1] == minimum for p in path):
            found.append(f"trades: a package on the rule's path from the {name} is at the minimum")
        if not all(_rates_clear(table, p, minimum) for p in path):
            found.append(f"trades: two gains per point nearly tie on the way from the {name}")
        if len(_rule_ends(table, start, minimum)) > 1:
            found.append(f"trades: a tie on the rule's way from the {name} decides where it stops")
    path = table.rule_path(c.draft, minimum)
    if not PLANNER_LEAST <= len(path) - 1 <= PLANNER_ROWS:
        found.append("planner: the rule's path from the draft is too short or too long")
    start = concession_start(table, minimum)
    if start is None:
        found.append("trades: no package where at least two concessions help Orchard")
    elif not _rates_clear(table, start, minimum):
        found.append("trades: the two best gains per point nearly tie")
    if closing_start(table, minimum, differs=False) is None:
        found.append("trades: no package where a single concession gives Orchard its minimum")
    triples = meso_triples(c, table)
    if triples and not _surprising(c, table, triples):
        found.append("meso: no pick among the equivalent offers contradicts the research")
    if len(triples) < MESO_LEAST_SETS:
        found.append(
            "meso: fewer than three sets of three efficient packages worth about the same to "
            "Kite, each at least the landing point and none an insult to Orchard"
        )
    return found


def _concession_starts(table, their_minimum):
    """The packages from which no trade is free, Orchard still needs points (below
    ``their_minimum``) and at least two concessions help it, most joint points first (then
    most for Kite), each with its concessions and the points Orchard still needs."""
    for _, _, package in sorted(
        ((you + them, you, package) for package, you, them in table.packages),
        key=lambda found: found[:2],
        reverse=True,
    ):
        shortfall = table.shortfall(package, their_minimum)
        if not shortfall:
            continue
        options = table.options(package, gives=True)
        helpful = [o for o in options if o["them"] > 0]
        free = [o for o in options if o["you"] >= 0 and o["them"] >= 0 and o["you"] + o["them"] > 0]
        if len(helpful) >= 2 and not free:
            yield package, helpful, shortfall


def concession_start(table, their_minimum=None):
    """A package of ``table`` (a ``TradeTable``) from which no trade is free, Orchard
    still needs points (below ``their_minimum``), at least two concessions (trades or
    single gives) help it and none gives it all it needs, so the rule concedes by rate:
    the one with the most joint points (then the most for Kite), or ``None`` when there is
    no such package."""
    for package, helpful, shortfall in _concession_starts(table, their_minimum):
        if shortfall is True or all(o["them"] < shortfall for o in helpful):
            return package
    return None


def cheapest_start(table, their_minimum):
    """A package like ``concession_start``'s (no concession gives Orchard all it still
    needs) from which no concession that costs you least has the best gain per point, so
    that conceding the cheapest move when none closes the deal goes wrong there; the one
    with the most joint points, or ``None``."""
    for package, helpful, shortfall in _concession_starts(table, their_minimum):
        if shortfall is not True and any(o["them"] >= shortfall for o in helpful):
            continue
        best = max(trade_rank(o, shortfall) for o in helpful)
        cheapest = max(o["you"] for o in helpful)
        if not any(
            same_rank(trade_rank(o, shortfall), best) for o in helpful if o["you"] == cheapest
        ):
            return package
    return None


def closing_start(table, their_minimum, differs=True):
    """A package like ``concession_start``'s, except that some single concession gives
    Orchard all it still needs, and (with ``differs``) the cheapest such one is not the
    concession with the best rate, so that a rule by rate alone gives away more than closes
    the deal; the one with the most joint points, or ``None``."""
    for package, helpful, shortfall in _concession_starts(table, their_minimum):
        closing = [o for o in helpful if o["them"] >= shortfall]
        if not closing:
            continue
        cheapest = max(o["you"] for o in closing)
        best_rate = max(helpful, key=lambda o: (o["them"] / -o["you"], o["you"]))
        if not differs or best_rate["you"] < cheapest:
            return package
    return None


#: ``tied_closing_start``'s answers by the table's scorings and Orchard's minimum: question
#: 4's check looks for a learner with a tied closing move (``_tied_learner``) each time it
#: runs, trying the same self-check learners' tables again, and each search walks every
#: package's moves. Cleared when full.
_TIED_FOUND = {}
_TIED_KEPT = 512


def _scorings(table):
    """What ``table``'s answers depend on: both sides' points, level by level."""
    return tuple(
        (issue, tuple(side[issue].items()))
        for side in (table.yours, table.theirs)
        for issue in side
    )


def tied_closing_start(table, their_minimum):
    """A package like ``closing_start``'s from which two or more single concessions give
    Orchard all it still needs at the same, lowest cost to you, but give it different
    points, so that question 4's last tie-break (then the one that gives Orchard more)
    decides; the one with the most joint points (then the most for Kite), or ``None``.
    Remembered by the tables' points (a copy of the package each time)."""
    try:
        key = (_scorings(table), their_minimum)
        hash(key)
    except (AttributeError, TypeError):  # not a table's points: work it out, as before
        return _tied_closing_start(table, their_minimum)
    if key not in _TIED_FOUND:
        if len(_TIED_FOUND) >= _TIED_KEPT:
            _TIED_FOUND.clear()
        _TIED_FOUND[key] = _tied_closing_start(table, their_minimum)
    found = _TIED_FOUND[key]
    return None if found is None else dict(found)


def _tied_closing_start(table, their_minimum):
    for package, helpful, shortfall in _concession_starts(table, their_minimum):
        closing = [o for o in helpful if o["them"] >= shortfall]
        if not closing:
            continue
        cheapest = max(o["you"] for o in closing)
        if len({o["them"] for o in closing if o["you"] == cheapest}) > 1:
            return package
    return None


def generous_start(table):
    """A package from which two or more moves are free and the one that adds the most
    points for both sides together (by at least a point over the next) is not the one
    that gives Orchard the most, so that choosing free moves by Orchard's gain alone
    takes another package: the one with the most joint points (then the most for Kite),
    or ``None``."""
    for _, _, package in sorted(
        ((you + them, you, package) for package, you, them in table.packages),
        key=lambda found: found[:2],
        reverse=True,
    ):
        options = table.options(package, gives=True)
        free = [o for o in options if o["you"] >= 0 and o["them"] >= 0 and o["you"] + o["them"] > 0]
        if len(free) < 2:
            continue
        joint = sorted((o["you"] + o["them"] for o in free), reverse=True)
        best = max(free, key=lambda o: (o["you"] + o["them"], o["you"]))
        kindest = max(free, key=lambda o: (o["them"], o["you"]))
        if joint[0] - joint[1] >= 1 and kindest["package"] != best["package"]:
            return package
    return None


def met_start(table, their_minimum):
    """A package that already gives Orchard ``their_minimum`` or more and from which a
    move that gains Kite points is still free, so that a rule that stops once Orchard has
    its minimum stops too soon (a free move that gains Kite nothing may be kept: review 85
    C1): the one with the most joint points (then the most for Kite), or ``None``."""
    for _, _, package in sorted(
        (
            (you + them, you, package)
            for package, you, them in table.packages
            if them >= their_minimum
        ),
        key=lambda found: found[:2],
        reverse=True,
    ):
        options = table.options(package, gives=True)
        if any(trade_tier(o) == "free" and o["you"] > 0 for o in options):
            return package
    return None


def selfish_start(table):
    """A package from which two or more moves are free and the one that adds the most
    points for both sides together (by at least a point over the best of those that leave
    Kite the most) is not one that leaves Kite the most, so that choosing free moves by
    Kite's own gain first takes a move that creates less value: the one with the most
    joint points (then the most for Kite), or ``None``."""
    for _, _, package in sorted(
        ((you + them, you, package) for package, you, them in table.packages),
        key=lambda found: found[:2],
        reverse=True,
    ):
        options = table.options(package, gives=True)
        free = [o for o in options if o["you"] >= 0 and o["them"] >= 0 and o["you"] + o["them"] > 0]
        if len(free) < 2:
            continue
        most = max(o["you"] + o["them"] for o in free)
        mine = max(o["you"] for o in free)
        selfish = max(o["you"] + o["them"] for o in free if o["you"] == mine)
        if most - selfish >= 1:
            return package
    return None


def problems(contract, table=None):
    """The invariants ``contract`` breaks, as short descriptions (empty: a fair variant).
    Each names its question and the kind of fault: a degenerate draw, a near-tie, a goal
    out of reach, an implausible number. ``table``: the contract's ``TradeTable``, if
    already built."""
    found = _opening_problems(contract)
    return found or _trades_problems(contract, table)
