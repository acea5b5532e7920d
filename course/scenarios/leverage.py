"""Module 00's material: four audit cases with news that shifts them, a pool of facts to
classify, and the per-learner scenario the graded questions are asked on."""

from dataclasses import dataclass
from types import MappingProxyType

from course.models.audit import SCALE, SOURCES
from course.scenarios.base import Scenario, pick


@dataclass(frozen=True)
class News:
    """Something that happens during a case, and how it moves one side's rating."""

    text: str
    side: str  # "you" or "them": whose rating moves
    source: str  # which of SOURCES moves
    change: float  # by how much (negative lowers it)


@dataclass(frozen=True)
class Case:
    """A negotiation to audit: the story, a first audit of both sides, the weights that fit
    it, and the news that arrives as it unfolds."""

    title: str
    story: str
    you: str  # who "you" are in this case
    them: str  # who "they" are
    yours: MappingProxyType
    theirs: MappingProxyType
    weights: MappingProxyType
    news: tuple


def _case(title, story, you, them, yours, theirs, weights, news):
    frozen = [
        MappingProxyType(dict(zip(SOURCES, values, strict=True)))
        for values in (yours, theirs, weights)
    ]
    return Case(title, story, you, them, *frozen, tuple(News(*item) for item in news))


#: The cases of the leverage audit, by key. Ratings are (information, alternatives, power).
CASES = {
    "salary": _case(
        "A salary with competing offers",
        "You are a data engineer with an offer from Northwind. A second firm has made you a "
        "written offer and a third has you in its final round. Northwind's team is behind on "
        "a launch and has been hiring for months.",
        "the candidate",
        "Northwind",
        yours=(4, 9, 4),
        theirs=(6, 5, 6),
        weights=(0.3, 0.45, 0.25),
        news=(
            ("The recruiter lets slip that the launch date cannot move.", "you", "information", 2),
            ("The third firm drops you from its final round.", "you", "alternatives", -2),
            ("Northwind tells you two other finalists are waiting.", "them", "alternatives", 2),
            (
                "Your future manager says the budget is approved for the top of the band.",
                "you",
                "information",
                1,
            ),
        ),
    ),
    "supplier": _case(
        "A supplier short of clients",
        "You buy packaging for a food company. Your supplier, Vell, has lost two of its four "
        "big clients this year and has idle machines. Two other suppliers could serve you "
        "after a three-month switch.",
        "the buyer",
        "Vell, the supplier",
        yours=(6, 6, 5),
        theirs=(4, 2, 3),
        weights=(0.35, 0.4, 0.25),
        news=(
            (
                "Vell's sales head mentions that the bank is reviewing their credit line.",
                "you",
                "information",
                2,
            ),
            (
                "One of the two other suppliers is bought by your competitor.",
                "you",
                "alternatives",
                -3,
            ),
            ("Vell wins a large new client.", "them", "alternatives", 3),
            (
                "Vell learns that your board wants packaging costs cut by a tenth, fast.",
                "them",
                "information",
                2,
            ),
        ),
    ),
    "sole-source": _case(
        "A sole-source component",
        "You build medical pumps. One part, a certified valve, comes from a single maker, "
        "Ostra. Qualifying another maker would take eighteen months. Ostra sells the same "
        "valve to many firms.",
        "the pump maker",
        "Ostra, the valve maker",
        yours=(5, 1, 2),
        theirs=(5, 7, 9),
        weights=(0.25, 0.25, 0.5),
        news=(
            (
                "A start-up shows you a valve that could be certified in six months.",
                "you",
                "alternatives",
                3,
            ),
            (
                "You learn Ostra's new plant needs large orders to break even.",
                "you",
                "information",
                2,
            ),
            (
                "Two of Ostra's other customers announce they are leaving the market.",
                "them",
                "alternatives",
                -2,
            ),
            (
                "Ostra learns you have a contract to deliver 2,000 pumps by spring.",
                "them",
                "information",
                2,
            ),
        ),
    ),
    "deadline": _case(
        "The other side has a deadline",
        "You own a warehouse. Brannock, a logistics firm, wants to lease it; its current lease "
        "ends in six weeks and moving twice would cost it dearly. Another firm viewed your "
        "warehouse last month but has not called back.",
        "the owner",
        "Brannock",
        yours=(6, 4, 5),
        theirs=(4, 3, 4),
        weights=(0.4, 0.35, 0.25),
        news=(
            (
                "Brannock's landlord refuses to extend their lease by even a month.",
                "you",
                "information",
                2,
            ),
            ("The other firm calls back and wants a viewing next week.", "you", "alternatives", 3),
            (
                "Brannock finds a smaller warehouse it could use for a year.",
                "them",
                "alternatives",
                3,
            ),
            ("Brannock's chief executive is a friend of your bank's director.", "them", "power", 2),
        ),
    ),
}


@dataclass(frozen=True)
class Fact:
    """A fact to classify: the source of leverage it gives, and to whom."""

    text: str
    source: str
    side: str


#: Facts a learner classifies; each is worded so that one source and one side fit it.
FACTS = (
    Fact(
        "You hold a written offer from another employer for a similar job.", "alternatives", "you"
    ),
    Fact(
        "You learn that your supplier lost its two largest clients this quarter.",
        "information",
        "you",
    ),
    Fact("They are the only firm certified to make the part you need.", "power", "them"),
    Fact(
        "Three other candidates are in the final round for the job you want.",
        "alternatives",
        "them",
    ),
    Fact("You sit on the committee that approves their building permit.", "power", "you"),
    Fact("They have a market survey of what firms like yours usually pay.", "information", "them"),
    Fact(
        "A rival supplier has quoted you nearly the same price and can start next month.",
        "alternatives",
        "you",
    ),
    Fact("Their chief executive chairs the board of your biggest customer.", "power", "them"),
    Fact("You found their budget for the project in a public tender notice.", "information", "you"),
    Fact(
        "Your landlord has another tenant ready to sign at the asking rent.", "alternatives", "them"
    ),
    Fact("You own the only access road to the site they want to build on.", "power", "you"),
    Fact(
        "They know from your past contracts the lowest price you ever accepted.",
        "information",
        "them",
    ),
)

#: How many facts each learner classifies.
FACTS_PER_LEARNER = 5

#: Preparation steps a learner weighs: what each would do and which of your sources it raises.
STEPS = (
    ("Ask people who dealt with them about their needs and deadlines", "information"),
    ("Get a firm second offer before the talks", "alternatives"),
    ("Win the backing of someone whose word they value", "power"),
    ("Read their annual report and public filings", "information"),
    ("Line up a partner who could do the work instead", "alternatives"),
    ("Build trust with their team through a small first project", "power"),
)


@dataclass(frozen=True)
class LeverageScenario(Scenario):
    """A learner's own audit: a case, ratings for both sides, weights, facts and steps."""

    case: str  # key of CASES
    yours: MappingProxyType  # your ratings, source -> 0..SCALE
    theirs: MappingProxyType  # theirs
    weights: MappingProxyType  # source -> share of 1
    facts: MappingProxyType  # letter -> fact text, to classify
    steps: MappingProxyType  # step name -> (source, how much it raises your rating)

    def story(self):
        case = CASES[self.case]
        rows = "\n".join(
            f"| {source} | {self.yours[source]:g} | {self.theirs[source]:g} | {self.weights[source]:g} |"
            for source in SOURCES
        )
        facts = "\n".join(f"- **{letter}.** {text}" for letter, text in self.facts.items())
        steps = "\n".join(
            f"- *{name}*: raises your {source} by {amount:g}"
            for name, (source, amount) in self.steps.items()
        )
        return (
            f"**{case.title}.** {case.story} You are {case.you}; they are {case.them}.\n\n"
            f"Your team's audit (0 = none, {SCALE:g} = overwhelming):\n\n"
            f"| source | you | them | weight |\n|---|---|---|---|\n{rows}\n\n"
            f"**Facts to classify:**\n\n{facts}\n\n**Preparation steps you could take:**\n\n{steps}"
        )


def fact_key(scenario):
    """The right (source, side) for each of the scenario's facts, by letter."""
    by_text = {fact.text: fact for fact in FACTS}
    return {
        letter: (by_text[text].source, by_text[text].side)
        for letter, text in scenario.facts.items()
    }


def _near(rng, value, spread, low, high, step):
    """``value`` moved by up to ``spread`` either way, in steps of ``step``, kept in [low, high]."""
    return min(high, max(low, round(value + pick(rng, -spread, spread, step), 10)))


def _weights(rng, case_weights):
    """The case's weights moved a little: each share at least 0.1, adding up to exactly 1."""
    while True:
        information = _near(rng, case_weights["information"], 0.1, 0.1, 0.8, 0.05)
        alternatives = _near(rng, case_weights["alternatives"], 0.1, 0.1, 0.8, 0.05)
        power = round(1 - information - alternatives, 2)
        if power >= 0.1:
            return (information, alternatives, power)


def _steps(rng, yours, weights):
    """One preparation step per source, redrawn until exactly one raises the balance most.

    Ratings stop at SCALE, so for some learners the step with the biggest amount is not
    the best: that is the trap the question on preparation sets.
    """
    while True:
        steps = {}
        for source in SOURCES:
            name = rng.choice([name for name, raises in STEPS if raises == source])
            steps[name] = (source, pick(rng, 1, 4, 1))
        gains = sorted(
            weights[source] * min(amount, SCALE - yours[source])
            for source, amount in steps.values()
        )
        if gains[-1] - gains[-2] > 0.01:
            return steps


def leverage_audit(rng, learner):
    """Draw a learner's case, an audit near the case's own, five facts and three steps."""
    case_key = sorted(CASES)[int(rng.random() * len(CASES))]
    case = CASES[case_key]
    yours = {source: _near(rng, case.yours[source], 2, 1, 9, 1) for source in SOURCES}
    theirs = {source: _near(rng, case.theirs[source], 2, 1, 9, 1) for source in SOURCES}
    weights = dict(zip(SOURCES, _weights(rng, case.weights), strict=True))
    facts = rng.sample(FACTS, FACTS_PER_LEARNER)
    return LeverageScenario(
        module="00_leverage",
        learner=learner,
        case=case_key,
        yours=MappingProxyType(yours),
        theirs=MappingProxyType(theirs),
        weights=MappingProxyType(weights),
        facts=MappingProxyType({chr(ord("A") + i): fact.text for i, fact in enumerate(facts)}),
        steps=MappingProxyType(_steps(rng, yours, weights)),
    )
