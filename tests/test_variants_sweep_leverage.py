"""Module 00's variants swept by the thousand (issue 15): every drawn learner gets a coherent
story with a real decision in each question, and every right answer passes.

The invariants are written here again from the question texts, not read from the
generator's own ``_problems`` functions: a sweep that only re-ran the generator's tests
could not catch a mistake in them. The answer keys are written a second time too, as a
second marker would, from each item's wording. Each graded question is then answered for
every swept learner by the course's reference solution and by two formulations written
independently of it, and each is judged right; a sample runs through the checks as a
notebook calls them, and the hidden checks run once per formulation.
"""

import collections
import re
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction
from itertools import combinations, product

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import (
    _FACTS,
    _NEWS,
    _PRACTICE_FACTS,
    _PRACTICE_NEWS,
    _PRACTICE_TACTICS,
    _TACTICS,
    CASES,
    STEPS,
    fact_key,
    rules_for,
)
from course.variants import learner_as
from tests import sweeps
from tests.notebooks import solution_namespace, source_notebook
from tests.sweeps import cell_text, drawn_once, passes

MODULE = "00_leverage"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))
SOURCES = ("information", "alternatives", "power")

#: The margins the questions promise (stated in the notebook and in the generator).
EVEN, MARGIN, PLAN_MARGIN = 0.5, 0.1, 0.05

#: The source that weighs most in each case's own audit, which every starting audit keeps
#: on top (read from the case table of the widget).
DOMINANT = {
    "salary": "alternatives",
    "supplier": "information",
    "sole-source": "power",
    "deadline": "alternatives",
}

#: The names each case's story uses; an item naming another case's party is incoherent.
NAMES = {
    "salary": {"Larkfield", "Calder"},
    "supplier": {"Vell", "Bellpak", "Corrin"},
    "sole-source": {"Ostra"},
    "deadline": {"Brannock"},
}


@pytest.fixture(scope="module")
def drawn(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


# --- a second marker's keys, from the wording of each item ---------------------------------

KNOWING = re.compile(
    r"\b(know|knows|learn|learns|find out|lets slip|tells you|worked out|heard|have read|looked up)\b"
)
CONTROL = re.compile(
    r"\b(decides|decide|only certification|only warehouse|few engineers|name on a lease|"
    r"credit record|patent|trusts|owns the only tooling|only you can supply)\b"
)
KNOW_HOW = re.compile(r"\b(know-how|expertise|rare skill|knows? how to)\b")
THEIRS = re.compile(
    r"^(Larkfield|Vell|Ostra|Brannock|A supermarket|A strong internal|A rival pump|A court|"
    r"Two of Ostra|Your bank|The logistics park)"
)


#: The practice items (no learner is graded on them), read by a second marker one by one:
#: a phrase of each, the side it is about and its source. They are worded without the
#: cue words the rules below read, so these are written out.
PRACTICE_READING = {
    "self-storage company has said": ("you", "alternatives"),
    "rail freight doubled": ("you", "information"),
    "finance director has seen": ("them", "information"),
    "licensed your siding": ("you", "power"),
    "build Brannock a new depot": ("them", "alternatives"),
    "offered you a post at her start-up": ("you", "alternatives"),
    "quarterly report, which says": ("you", "information"),
    "sponsor your work visa": ("them", "power"),
    "security clearance": ("you", "power"),
    "staffing agency has offered": ("them", "alternatives"),
    "cannot slip past the six weeks": ("you", "information"),
    "asks to view your warehouse": ("you", "alternatives"),
    "offers Brannock a one-year lease": ("them", "alternatives"),
    "Brannock's safety record": ("them", "power"),
    "stood empty since January": ("them", "information"),
    "too far from the motorway": ("you", "alternatives"),
    "loading bay you had promised": ("you", "power"),
    "penalty for every week": ("you", "information"),
    "lets its last free unit": ("them", "alternatives"),
    "two engineers left the team": ("you", "information"),
    "her old post back": ("them", "alternatives"),
    "pays less than your current job": ("them", "information"),
    "cancels the interview": ("you", "alternatives"),
    "stood idle since spring": ("you", "information"),
    "pet-food maker": ("them", "alternatives"),
    "six months, not three": ("you", "alternatives"),
    "spare valves run out": ("them", "information"),
    "maker in Japan": ("you", "alternatives"),
    "valve of its own design": ("them", "alternatives"),
    "booked night trains": ("you", "information"),
    "shed on its quays": ("them", "alternatives"),
    "former tenant of yours": ("them", "information"),
    "sold to a supermarket chain": ("them", "alternatives"),
    "last two hires": ("you", "information"),
    "could come back for six months": ("them", "alternatives"),
    "Calder's offer lapses": ("them", "information"),
    "withdraws the post it offered you": ("you", "alternatives"),
}


def _practice_reading(text):
    found = [reading for phrase, reading in PRACTICE_READING.items() if phrase in text]
    return found[0] if found else None


def source_by_wording(text):
    """Section 2's test, applied to the words: knowing first (know-how the other side
    relies on is not knowing but held), then control, else options."""
    if _practice_reading(text):
        return _practice_reading(text)[1]
    if KNOW_HOW.search(text):
        return "power"
    if KNOWING.search(text):
        return "information"
    if CONTROL.search(text):
        return "power"
    return "alternatives"


def side_by_wording(text):
    """Whose rating a fact or piece of news is about: the party it opens with."""
    if _practice_reading(text):
        return _practice_reading(text)[0]
    return "them" if THEIRS.match(text) else "you"


#: Section 6's kinds, as a second marker reads each tactic: a phrase of it, and every kind
#: a careful reader could defend for it (two for a tactic on the line).
SECOND_READING = {
    "offered 88,000;": {"legitimate"},
    "90,000 is the least you would accept": {"legitimate"},
    "95,000 is the least you would accept": {"bluff"},
    "no salary under 100,000 would be worth the move to you": {"bluff"},
    "its board meets next week": {"misrepresentation"},
    "offered 105,000": {"misrepresentation"},
    "may not show outsiders": {"illegitimate"},
    "Ask your uncle": {"illegitimate"},
    "decided to turn Calder down": {"bluff", "misrepresentation"},
    "quoted 3% below": {"legitimate"},
    "rumoured to have lost, in return": {"legitimate"},
    "not go above 0.40 a unit": {"bluff"},
    "worth no more than 0.36": {"bluff"},
    "quoted 15% below": {"misrepresentation"},
    "meets on it next month": {"misrepresentation"},
    "Pay a Vell sales assistant": {"illegitimate"},
    "cousin at the tax office": {"illegitimate"},
    "as one of its auditors": {"illegitimate", "misrepresentation"},
    "stay with Vell whatever it does": {"bluff", "misrepresentation"},
    "above 46 a valve": {"legitimate"},
    "five-year contract for every valve": {"legitimate"},
    "above 40 a valve": {"bluff"},
    "worth no more than 35 a valve": {"bluff"},
    "plans to submit it next year": {"misrepresentation"},
    "drew up on the rival's letterhead": {"misrepresentation"},
    "forbids him to pass on": {"illegitimate"},
    "a friend at the regulator": {"illegitimate"},
    "as a trade journalist": {"illegitimate", "misrepresentation"},
    "no budget for it": {"bluff", "misrepresentation"},
    "hand over the keys in four": {"legitimate"},
    "27,000 a month is the lowest": {"legitimate"},
    "30,000 a month is the lowest": {"bluff"},
    "worth well above 30,000": {"bluff"},
    "has not called back": {"misrepresentation"},
    "booked for next month": {"misrepresentation"},
    "brother-in-law": {"illegitimate"},
    "former broker": {"illegitimate"},
    "off the market for a year": {"bluff", "misrepresentation"},
    "roof was replaced": {"misrepresentation"},
    "28,000 a month is the lowest": {"legitimate"},
    "clerk at Brannock's bank": {"illegitimate"},
    "31,000 a month is the lowest": {"bluff"},
    "go on waiting for Brannock": {"bluff", "misrepresentation"},
    "has you in its final round, which it has": {"legitimate"},
    "96,000 is the least": {"bluff"},
    "team of six": {"misrepresentation"},
    "payroll firm": {"illegitimate"},
    "wait for Larkfield past Friday": {"bluff", "misrepresentation"},
}


def kinds_by_reading(text):
    """Every kind the second marker accepts for a tactic."""
    (kinds,) = [kinds for phrase, kinds in SECOND_READING.items() if phrase in text]
    return kinds


def kind_by_wording(text):
    """One kind the second marker would give a tactic (the first, in section 6's order)."""
    order = ("legitimate", "bluff", "misrepresentation", "illegitimate")
    return min(kinds_by_reading(text), key=order.index)


def test_every_item_belongs_to_a_case_and_names_only_its_parties():
    """Story coherence as data: each fact, piece of news, step and tactic is tagged with its
    case, and names no party of another case."""
    for item in (*_FACTS, *_NEWS, *STEPS, *_TACTICS):
        assert item.case in CASES, item
        text = getattr(item, "text", None) or item.name
        strangers = set().union(*(NAMES[c] for c in CASES if c != item.case))
        assert not any(re.search(rf"\b{name}\b", text) for name in strangers), item


#: Things a fact or piece of news may name only when its case's story introduces them.
INTRODUCED = ("patent", "seal", "standing offer", "slots")


def test_news_names_only_what_its_case_story_introduces():
    """Ostra's hold is its certification, not a patent, and a piece of news about Brannock's
    standing offer says what that offer was, since the learner may never have drawn the fact
    that introduces it."""
    for item in (*_FACTS, *_NEWS):
        story = CASES[item.case].story
        for thing in INTRODUCED:
            if thing in item.text and thing not in story:
                assert item in _FACTS or re.search(rf"had a {thing}", item.text), item.text


def test_no_bluff_names_a_reservation_price_below_the_written_offer():
    """As in module 02, a reservation price sits at or above the
    best firm alternative, so no salary tactic may name one below Calder's written offer."""
    figure = r"(\d{2,3}),000"
    (offer,) = {int(m) for t in _TACTICS for m in re.findall(rf"letter says {figure}", t.text)}
    floors = [
        int(m)
        for t in _TACTICS
        if t.case == "salary"
        for m in re.findall(rf"sign for (?:is )?{figure}", t.text)
    ]
    assert floors and min(floors) >= offer, (floors, offer)


def test_no_legitimate_tactic_shows_one_bidder_anothers_quote():
    """Showing one bidder a rival's quote breaks the rival's confidence (procurement codes treat
    it as a breach), so it is never legitimate."""
    for tactic in _TACTICS:
        if tactic._kind == "legitimate":
            assert not re.search(r"\bshow (it|him|her|them) the quotes?\b", tactic.text), tactic


def test_each_fact_and_news_item_has_one_answer_its_wording_settles():
    """By section 2's test, every fact and piece of news has one source and one side, and the
    wording alone gives them."""
    for fact in _FACTS:
        assert (source_by_wording(fact.text), side_by_wording(fact.text)) == (
            fact._source,
            fact._side,
        ), fact.text
    for news in _NEWS:
        if news._source == "information":  # "A learns": the learner's side
            side = "them" if THEIRS.match(news.text) else "you"
        else:
            side = side_by_wording(news.text)
        assert (source_by_wording(news.text), side) == (news._source, news._side), news.text


def test_know_how_the_other_side_relies_on_sorts_as_power_not_information():
    """Section 2's third sorting question lists know-how the other side relies on and
    cannot get elsewhere as power (module 03's expert power), beside a rare skill; the first
    asks only whether a side knows *that* something is true (review 76 U2: it carried the
    know-how exception, so it was not a yes-or-no test); the pool's facts keep their keys."""
    text = " ".join(sweeps.cell_text(MODULE, "leverage", "sources-teaching").split())
    text = text.replace("# ", "")
    first = text.split("1. Does the fact")[1].split("2. If not")[0]
    third = text.split("3. If not")[1].split("The order settles")[0]
    assert "know-how" not in first and "*that* something" in first, first
    assert "rare skill" in third and "know-how is module 03's *expert* power" in third
    assert source_by_wording("Kestrel's chemist knows how to tell why the coating fails") == (
        "power"
    )


#: The words by which an item says that a side comes to know something (section 2's first
#: question, as the widget's verdict words it: "a side found out something").
COMES_TO_KNOW = re.compile(
    r"\b(know|knows|learn|learns|find out|finds out|works out|worked out|hears|heard|sees|seen|"
    r"read|looked up|"
    r"tells you|lets slip|mentions to you)\b",
    re.IGNORECASE,
)


def test_every_information_item_says_that_a_side_comes_to_know_something():
    """Review 61 X1: the deadline case's practice news "A demolition notice on the fence of
    Brannock's depot shows that its move cannot slip past the six weeks" was keyed as your
    information, yet said nobody learned anything; section 2's rule then files a deadline in
    Brannock's alternatives, and the widget's verdict ("a side found out something") was not
    true of the words. Every item filed under information, practised or graded, now says who
    comes to know."""
    items = (*_PRACTICE_NEWS, *_PRACTICE_FACTS, *_NEWS, *_FACTS)
    silent = [
        i.text for i in items if i._source == "information" and not COMES_TO_KNOW.search(i.text)
    ]
    assert not silent, silent


def test_each_tactic_is_read_the_same_by_a_second_marker():
    """The kind is settled by what a tactic says, not by a cue word every tactic of a kind
    shares, and each case has a tactic on the line between two kinds, for which both are
    accepted."""
    for tactic in _TACTICS:
        assert set(tactic._kinds) == kinds_by_reading(tactic.text), tactic.text
    for key in CASES:
        tactics = [t for t in _TACTICS if t.case == key]
        assert sorted(t._kind for t in tactics if not t._also and not t._pretext) == sorted(
            ["legitimate", "bluff", "misrepresentation", "illegitimate"] * 2
        )
        # a lie told to get information is filed by its source, as module 01 files it, and is
        # also a lie the person asked relies on: both kinds pass
        assert all(
            set(t._kinds) == {"illegitimate", "misrepresentation"} and t._kind == "illegitimate"
            for t in tactics
            if t._pretext
        ), key
        assert any(set(t._kinds) == {"bluff", "misrepresentation"} for t in tactics), key
    for cue in ("accurately", "truthfully", "when it has not", "though you would"):
        assert not any(cue in t.text for t in _TACTICS), cue


#: How a tactic keyed as a bluff alone states the truth it departs from: your own limit.
OWN_LIMIT = re.compile(
    r"(least you would|most you would|lowest you would|you would (pay|sign|let))"
)


def test_a_bluff_alone_departs_from_nothing_but_your_own_limit():
    """A tactic keyed only as a bluff must misstate nothing but your own limit or valuation,
    the truth beside it being what you would pay or accept; a valuation claim set against a
    fact of your business (your figures, what your products need) can fairly be read as a
    misrepresentation too, and the check would have refused that reading."""
    for tactic in _TACTICS:
        if tactic._kinds == ("bluff",):
            assert OWN_LIMIT.search(tactic.text), tactic.text
            # review 67 X2: a limit set against what a board (or anyone) has cleared you to
            # pay is a limit on your authority, not your reservation price; a buyer cleared
            # to pay 0.42 who will not go above 0.40 says something true
            assert not AUTHORITY.search(tactic.text), tactic.text


#: Words that tie a figure to someone's authority rather than to your own limit.
AUTHORITY = re.compile(r"\b(board|cleared|authori[sz]\w*|approved|allowed|mandate)\b", re.I)

#: What the learner gives up for the price in the cases where they sell (review 67 U2): a
#: valuation bluff there must claim what that is worth *to you*, not what the learner gets,
#: since "the post is worth a lot to me" reads as eagerness for the job, not as an asking
#: price; and not "I value my work at ...", which reads as a sincere estimate of market worth
#: (review 72 X3). The salary case prices the move: "no salary under 100,000 would be worth
#: the move to you".
SOLD = {"salary": "worth the move to you", "deadline": "the warehouse is worth"}


def test_a_sellers_valuation_bluff_values_what_they_sell():
    """Check that in the salary and deadline cases a bluff about a value names what the
    learner gives up for the price, as worth something to them (fails on the salary tactic of
    review 66, 'the post is worth at least 100,000 a year to you', and on review 72's, 'you
    value your work at no less than 100,000 a year')."""
    claims = [
        t
        for t in _TACTICS + _PRACTICE_TACTICS
        if t.case in SOLD and t._kinds == ("bluff",) and re.search(r"\b(worth|value)", t.text)
    ]
    assert {t.case for t in claims} == set(SOLD)
    for tactic in claims:
        assert SOLD[tactic.case] in tactic.text, tactic.text


#: Words that name a kind of tactic, or flag one, so that a learner could sort the tactics by
#: them without judging what a move does.
CUE_WORDS = (
    "real",
    "really",
    "in fact",
    "confidential",
    "secret",
    "false",
    "posing",
    "no intention",
    "no plan",
    "yet",
    "yourself",
    "reservation price",
    "knowing",
    "bluff",
    "lie",
    "legitimate",
    "misrepresent",
    "fake",
    "honest",
)


def _frame(text):
    """A tactic's wording with its figures left out."""
    return re.sub(r"\d[\d,.%]*", "#", text)


def test_each_tactic_is_judged_by_what_it_does_not_by_a_cue_word():
    """The tactics carried cue words ('your real reservation price', 'confidential', 'posing
    as', 'having no intention', 'none has been submitted yet'), so a learner could sort them by
    vocabulary without judging what each move does. No tactic now holds such a word; and a claim
    about a limit, and a claim of a figure from a letter or a quote, each appear worded alike as
    legitimate in one tactic and as a bluff or a misrepresentation in another, so only comparing
    what is said with what the tactic states is true (the learner's own case's figures) tells
    them apart. Fails on the old pool."""
    for tactic in _TACTICS:
        for cue in CUE_WORDS:
            assert not re.search(rf"\b{cue}", tactic.text, re.IGNORECASE), (cue, tactic.text)
    twins = collections.defaultdict(set)
    for tactic in _TACTICS:
        twins[(tactic.case, _frame(tactic.text))].add(tactic._kind)
    paired = {
        kind
        for kinds in twins.values()
        if "legitimate" in kinds and len(kinds) > 1
        for kind in kinds - {"legitimate"}
    }
    assert paired == {"bluff", "misrepresentation"}, paired
    assert sum(len(kinds) > 1 for kinds in twins.values()) >= 5


#: Items that contradict each other when one learner reads both, written out again from
#: their wording (a second reader's list, not the generator's): a fact the learner already
#: knows is not news to find out or a step to take.
CONTRADICT = (
    ("You know from Vell's filed accounts", "Work through the notes to Vell's filed"),
    ("Ostra knows from the published contract award", "Ostra learns that you must deliver"),
    ("You know from the public planning register that Brannock's current depot", "landlord has"),
    ("Win your board's approval for a two-year order", "which your board has approved"),
    ("Have the rail siding's safety inspection done now", "the inspection is booked for next"),
)

#: News that makes sense only after another item, when a learner reads both: (earlier,
#: later), by a phrase of each.
IN_ORDER = (("books a second viewing", "The firm that viewed your warehouse signs"),)


def hangs_together(s):
    """The pairs of CONTRADICT that learner ``s`` meets one side of (never both), after
    asserting that IN_ORDER holds in their news."""
    texts = [
        *s.facts.values(),
        *(text for text, _ in s.news.values()),
        *s.steps,
        *s.tactics.values(),
    ]
    met = set()
    for first, second in CONTRADICT:
        has = [any(first in t for t in texts), any(second in t for t in texts)]
        assert not all(has), (s.learner, first)
        met |= {(first, second)} if any(has) else set()
    news = [text for text, _ in s.news.values()]
    for earlier, later in IN_ORDER:
        at = [next((i for i, t in enumerate(news) if p in t), None) for p in (earlier, later)]
        if None not in at:
            assert at[0] < at[1], s.learner
    return met


def test_nothing_outside_grading_shows_a_verdict_on_any_drawn_learners_item(drawn):
    """The widget played a case's graded news less the kernel's own learner's, and the
    practice cases were two learners' draws: a reader who claimed another learner's id read
    all four question 4a items of every learner they tried, and 83% of salary and deadline
    learners' facts (by the practice check). Every item that the widget or a practice check
    gives a verdict on, whatever learner the kernel claims, is now one that no drawn learner
    is graded on."""
    from course.scenarios.leverage import _PRACTICE_LEARNERS, news_texts, practice_for

    shown = {text for key in CASES for text in news_texts(key)}
    for claimed in _PRACTICE_LEARNERS:
        for case in CASES:
            practice = practice_for(replace(course.variant(MODULE, claimed), case=case))
            shown |= set(practice.facts.values()) | set(practice.tactics.values())
            shown |= {text for text, _ in practice.news.values()}
    assert len(shown) >= 39
    for s in drawn:
        graded = {*s.facts.values(), *s.tactics.values(), *(t for t, _ in s.news.values())}
        assert not graded & shown, s.learner


def test_no_learner_reads_items_that_contradict_each_other(drawn):
    """A fact, a piece of news, a step and a tactic the learner reads together never contradict
    each other (no tactic claims as done what the learner's own step has yet to win), and news
    that needs an earlier item comes after it."""
    seen = {pair: 0 for pair in CONTRADICT}
    for s in drawn:
        for pair in hangs_together(s):
            seen[pair] += 1
    assert all(count >= 50 for count in seen.values()), seen  # each item is still drawn


def test_the_talks_come_before_every_deadline_the_story_sets(drawn):
    """The salary story gave Larkfield's answer two weeks (10 working days) while the talks
    came 8 to 12 working days away: 16/70 salary learners talked on or after the day their
    answer was due. Every deadline a story sets in weeks now falls after the talks, for the
    longest budget and for every drawn learner."""
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
    due = {}
    for key, case in CASES.items():
        found = re.findall(r"\b(?:in|within) (\w+) weeks", case.story)
        if found:
            due[key] = 5 * min(words[w] for w in found)
            assert case.budget[1] < due[key], key
    assert set(due) >= {"salary", "deadline"}
    for s in drawn:
        assert s.budget < due.get(s.case, 99), s.learner


def test_a_place_in_a_final_round_never_weighs_more_than_a_written_offer(drawn):
    """Losing a place in a final round moves your alternatives by less than losing a written
    offer does, in every learner's news."""
    for s in drawn:
        sizes = {text: size for text, size in s.news.values()}
        third = [size for text, size in sizes.items() if "drops you from its final" in text]
        calder = [size for text, size in sizes.items() if "Calder withdraws" in text]
        assert all(t < c for t in third for c in calder), s.learner
        assert all(t == 1 for t in third), s.learner


def test_the_story_is_coherent_for_every_learner(drawn):
    for s in drawn:
        assert set(s.facts.values()) <= {f.text for f in _FACTS if f.case == s.case}
        assert {text for text, _ in s.news.values()} <= {n.text for n in _NEWS if n.case == s.case}
        assert set(s.steps) <= {step.name for step in STEPS if step.case == s.case}
        assert set(s.tactics.values()) <= {t.text for t in _TACTICS if t.case == s.case}
        assert len(set(s.facts.values())) == 5 and list(s.facts) == list("ABCDE")
        assert s.reason_fact in s.facts
        reason = next(f for f in _FACTS if f.text == s.facts[s.reason_fact])
        assert reason._lookalike and reason._lookalike != reason._source


def test_the_starting_audit_is_plausible_and_fits_the_story(drawn):
    """Ratings whole points in [1, 9]; weights multiples of 0.05, at least 0.1, adding to 1, the
    case's dominant source ahead of each other by at least 0.1."""
    for s in drawn:
        for ratings in (s.yours, s.theirs):
            assert all(r == int(r) and 1 <= r <= 9 for r in ratings.values()), s.learner
        shares = [s.weights[source] for source in SOURCES]
        assert abs(sum(shares) - 1) < 1e-9 and min(shares) >= 0.1 - 1e-9
        assert all(abs(w * 20 - round(w * 20)) < 1e-9 for w in shares), s.learner
        top = s.weights[DOMINANT[s.case]]
        assert all(top - s.weights[o] >= 0.1 - 1e-9 for o in SOURCES if o != DOMINANT[s.case])
        assert all(rule.holds(s.yours, s.theirs, s.weights) for rule in CASES[s.case]._rules)
        if s.case in ("sole-source", "deadline"):
            # question 2 now accepts the lighter of alternatives and power above information,
            # but the drawn starting audits keep the course's stricter reading, so that no
            # learner's draw changed
            pair = min(s.weights["alternatives"], s.weights["power"])
            assert pair <= s.weights["information"] + 1e-9, s.learner


def weighted(ratings, weights):
    return sum(weights[s] * ratings[s] for s in SOURCES)


def replayed(s, moves):
    """The balance now and after each move, by plain arithmetic (no clamp is needed: the
    invariant below shows no move reaches past the scale)."""
    yours, theirs = dict(s.yours), dict(s.theirs)
    out = [weighted(yours, s.weights) - weighted(theirs, s.weights)]
    for side, source, change in moves.values():
        ratings = yours if side == "you" else theirs
        ratings[source] += change
        assert 0 <= ratings[source] <= 10, s.learner
        out.append(weighted(yours, s.weights) - weighted(theirs, s.weights))
    return out


def ahead(balance):
    return "even" if abs(balance) < EVEN else ("you" if balance > 0 else "them")


def right_moves(s):
    """Question 4a's key, from the second marker's reading of each item's wording."""
    moves = {}
    for label, (text, size) in s.news.items():
        item = next(n for n in (*_NEWS, *_PRACTICE_NEWS) if n.text == text)
        moves[label] = (item._side, source_by_wording(text), item._sign * size)
    return moves


def ask_at(balances, need):
    """Question 4b's moment to ask, as its text says it: 'now' (index 0) or the first item
    after which the balance reaches the need; None when it never does."""
    return next((i for i, b in enumerate(balances) if b >= need), None)


def test_the_ask_needs_a_balance_clear_of_every_moment_and_reached(drawn):
    """Question 4b: the need is a multiple of 0.25, at least 0.1 from the balance at every
    moment (so no moment sits on the line), and reached at some moment; most learners must
    wait for news, a few can ask at once, and for many the first moment the ask is carried
    is not the peak only hindsight shows."""
    moments, not_the_peak = set(), 0
    for s in drawn:
        assert s.ask and s.bar == round(s.bar * 4) / 4, s.learner
        balances = replayed(s, right_moves(s))
        assert all(abs(b - s.bar) >= MARGIN - 1e-9 for b in balances), s.learner
        moment = ask_at(balances, s.bar)
        assert moment is not None, s.learner
        moments.add(moment)
        not_the_peak += moment != balances.index(max(balances))
    assert moments == {0, 1, 2, 3, 4}
    now = sum(ask_at(replayed(s, right_moves(s)), s.bar) == 0 for s in drawn)
    assert 0.05 * len(drawn) <= now <= 0.25 * len(drawn), now
    # for most learners the ask comes before the peak, so the hindsight the pass message names
    # has something to show
    assert not_the_peak >= 0.6 * len(drawn), not_the_peak


#: What each case's asks are about, and how a bolder ask reads (a larger number in it).
ASK_WORDS = {
    "salary": "Larkfield",
    "supplier": "Vell",
    "sole-source": "Ostra",
    "deadline": "Brannock",
}


def test_the_need_comes_with_the_ask_and_grows_with_it(drawn):
    """The balance an ask needs belongs to the ask, not to the learner's news: every learner
    with the same ask has the same need, a bolder ask in a case needs more, and the need is
    below zero only in the sole-source case, where the buyer is behind from the start and the
    asks are modest (a price held, a small cut)."""
    need_of = {}
    for s in drawn:
        assert ASK_WORDS[s.case] in s.ask, s.learner
        assert need_of.setdefault((s.case, s.ask), s.bar) == s.bar, (s.learner, s.ask)
        if s.case != "sole-source":
            assert s.bar > 0, s.learner
    for key, case in CASES.items():
        needs = [need for need, _ in case.asks]
        assert needs == sorted(needs) and len(set(needs)) == len(needs), key
        assert all(need > 0 for need in needs) or key == "sole-source", key
        asks = [ask for _, ask in case.asks]
        assert len(set(asks)) == len(asks), key
    assert len({ask for _, ask in need_of}) >= 30  # many asks are drawn, not one per case


def test_every_learner_meets_trust_in_a_graded_question(drawn):
    """Every learner has the step that builds trust by keeping a promise (question 3) or the
    news in which a move spends it (question 4a)."""
    trust_steps = {step.name for step in STEPS if step.trust}
    trust_news = {item.text for item in _NEWS if item.trust}
    assert len(trust_steps) == len(trust_news) == len(CASES)
    for s in drawn:
        assert trust_steps & set(s.steps) or trust_news & {t for t, _ in s.news.values()}, s.learner


def test_news_sizes_fit_the_news_and_a_lost_prospect_takes_its_viewing_back(drawn):
    """Each item moves its rating by a size that fits it, the same for every learner or within
    one point; and when the firm that booked a second viewing signs elsewhere, the owner's
    alternatives fall by at least what the viewing added, never ending higher than before the
    prospect was lost."""
    for item in _NEWS:
        assert item.size in item.sizes and max(item.sizes) - min(item.sizes) <= 1, item.text
    both = 0
    for s in drawn:
        for text, size in s.news.values():
            assert size in next(n.sizes for n in _NEWS if n.text == text), s.learner
        sizes = {text: size for text, size in s.news.values()}
        viewing = [v for t, v in sizes.items() if "books a second viewing" in t]
        lost = [v for t, v in sizes.items() if "signs for another" in t]
        if viewing and lost:
            both += 1
            assert lost[0] >= viewing[0], s.learner
    assert both >= 20, both


def test_the_news_has_a_turning_point_and_a_clear_best_moment(drawn):
    """Question 4: sizes 1 to 3; every balance at least 0.1 from the 0.5 line; the side
    ahead changes at least once; the peak (which the pass message names) beats the next
    moment by at least 0.1 points."""
    turning_points, moments = set(), set()
    for s in drawn:
        assert list(s.news) == ["N1", "N2", "N3", "N4"]
        assert all(size in (1, 2, 3) for _, size in s.news.values())
        balances = replayed(s, right_moves(s))
        assert all(abs(abs(b) - EVEN) >= MARGIN - 1e-9 for b in balances), s.learner
        sides = [ahead(b) for b in balances]
        assert any(side != sides[0] for side in sides[1:]), s.learner
        ranked = sorted(balances)
        assert ranked[-1] - ranked[-2] >= MARGIN - 1e-9, s.learner
        turning_points.add(next(i for i, side in enumerate(sides) if side != sides[0]))
        moments.add(balances.index(ranked[-1]))
    # the balance always rises above the start at some moment: every ask can wait for news
    assert turning_points == {1, 2, 3, 4} and moments == {1, 2, 3, 4}


def plan_values(s):
    """Every plan within budget and its expected gain, by brute force over include/exclude."""
    names = list(s.steps)
    values = {}
    for chosen in product((False, True), repeat=len(names)):
        plan = tuple(n for n, take in zip(names, chosen, strict=True) if take)
        if sum(s.steps[n][2] for n in plan) <= s.budget:
            values[plan] = sum(
                s.steps[n][3]
                * s.weights[s.steps[n][0]]
                * min(s.steps[n][1], 10 - s.yours[s.steps[n][0]])
                for n in plan
            )
    return values


def test_the_plan_has_a_binding_budget_and_one_clear_best(drawn):
    """Question 3: one step per source; plausible days, chances and amounts; not every step
    fits the budget; the best plan beats the next by at least 0.05 points; and the naive
    choices (biggest steps, no chance, no ceiling) are wrong for some learners."""
    naive_wrong = {"amount": 0, "ceiling": 0, "chance": 0}
    sizes = set()
    for s in drawn:
        assert sorted(source for source, *_ in s.steps.values()) == sorted(SOURCES)
        assert 8 <= s.budget <= 14
        for _, amount, days, chance in s.steps.values():
            assert 1 <= amount <= 4 and 1 <= days <= 12 and 0.3 - 1e-9 <= chance <= 1
        assert sum(days for _, _, days, _ in s.steps.values()) > s.budget, s.learner
        values = plan_values(s)
        ranked = sorted(values.values())
        assert ranked[-1] - ranked[-2] >= PLAN_MARGIN - 1e-9, s.learner
        best = max(values, key=values.get)
        sizes.add(len(best))
        weights, yours = s.weights, s.yours
        shortcuts = {
            "amount": lambda src, a, p: a,
            "ceiling": lambda src, a, p, w=weights: p * w[src] * a,
            "chance": lambda src, a, p, w=weights, r=yours: w[src] * min(a, 10 - r[src]),
        }
        for name, score in shortcuts.items():
            naive = max(
                values,
                key=lambda plan, f=score, st=s.steps: sum(f(*st[n][:2], st[n][3]) for n in plan),
            )
            naive_wrong[name] += set(naive) != set(best)
    assert sizes >= {1, 2}
    # ignoring the ceiling misleads fewer own cases (about 2%) since half the learners draw
    # steps on which a greedy order misses the best plan; question 3's first test case catches
    # it for every learner
    assert naive_wrong["amount"] >= 50 and naive_wrong["chance"] >= 50, naive_wrong
    assert naive_wrong["ceiling"] >= 30, naive_wrong


def test_question_3b_has_a_shorter_budget_that_forces_a_choice(drawn):
    """'the talks move two days earlier' left 61% of learners with nothing to drop. Every
    learner's shorter budget is too small for their best plan, at least two plans of one step
    or more still fit it, and one such plan is clearly best."""
    cuts = set()
    for s in drawn:
        values = plan_values(s)
        best = max(values, key=values.get)
        assert 1 <= s.short_budget < sum(s.steps[n][2] for n in best), s.learner
        short = plan_values(replace(s, budget=s.short_budget))
        ranked = sorted(short.values())
        assert max(short, key=short.get), s.learner
        # review 67 X3: 85 of these learners (rv-8 among the reviewer's) had a shorter
        # budget where one step alone fitted, so part (1) had nothing to compare
        assert sum(1 for plan in short if plan) >= 2, s.learner
        assert ranked[-1] - ranked[-2] >= PLAN_MARGIN - 1e-9, s.learner
        cuts.add(s.budget - s.short_budget)
    assert {1, 2, 3} <= cuts


def test_every_learner_is_shown_both_trust_items_of_question_3b(drawn):
    """Question 3b asks about the step that keeps a promise and the news that spends trust, but
    93% of learners drew only one. Both are named under every learner's steps, and a drawn news
    item is named by its label only, so that the reading question 4a asks for is not given away."""
    for s in drawn:
        shown = str(s.show("judgement"))
        step = next(x for x in STEPS if x.case == s.case and x.trust)
        news = next(x for x in _NEWS if x.case == s.case and x.trust)
        assert step.name in shown and news.text in shown, s.learner
        if news.text in {text for text, _ in s.news.values()}:
            assert f"it would lower your {news._source}" not in shown, s.learner


def test_question_3b_states_the_trust_news_at_the_size_learners_draw(drawn):
    """Review 67 C1: the trust news was shown 'by 1', the widget's size, while learners draw 1
    or 2 and the model answer says '1 to 2'. A learner who drew it is shown their own size; the
    rest, the range learners draw. One working day is not 'days'."""
    sizes = {news.case: news.sizes for news in _NEWS if news.trust}
    assert all(len(set(s)) > 1 for s in sizes.values()), sizes
    seen = set()
    for s in drawn:
        shown = str(s.show("judgement"))
        news = next(x for x in _NEWS if x.case == s.case and x.trust)
        own = [(label, size) for label, (text, size) in s.news.items() if text == news.text]
        if own:
            ((label, size),) = own
            assert f"your news item {label}, which moves one rating by {size}" in shown
            seen.add(size)
        else:
            low, high = min(news.sizes), max(news.sizes)
            assert f"it would lower your {news._source} by {low} to {high})" in shown
            seen.add("range")
        assert not re.search(r"\b1 working days", shown), s.learner
    assert seen == {1, 2, "range"}, seen


def test_no_learner_can_sort_the_tactics_by_elimination(drawn):
    """Every learner has four tactics of at least three kinds, but not always one of each, so
    the last one does not follow from the others; each kind turns up in every position, and many
    learners meet a tactic on the line."""
    positions = {
        kind: set() for kind in ("legitimate", "bluff", "misrepresentation", "illegitimate")
    }
    one_of_each = on_the_line = 0
    for s in drawn:
        kinds = [kind_by_wording(text) for text in s.tactics.values()]
        assert list(s.tactics) == ["T1", "T2", "T3", "T4"] and len(set(s.tactics.values())) == 4
        # counted as the draw counts them (``_counted``): review 112 C2 keyed a false threat
        # a misrepresentation first, bluff still accepted, and the draw still counts it as a
        # bluff, so a learner's four still admit three kinds of answer
        primary = [
            next(t._counted for t in _TACTICS if t.text == text) for text in s.tactics.values()
        ]
        assert len(set(primary)) >= 3, s.learner
        accepted = [
            next(t._kinds for t in _TACTICS if t.text == text) for text in s.tactics.values()
        ]
        assert all(p in a for p, a in zip(primary, accepted, strict=True)), s.learner
        one_of_each += len(set(primary)) == 4
        on_the_line += any(len(kinds_by_reading(text)) > 1 for text in s.tactics.values())
        for position, kind in enumerate(kinds):
            positions[kind].add(position)
    assert all(p == {0, 1, 2, 3} for p in positions.values())
    assert 0.15 * len(drawn) <= one_of_each <= 0.8 * len(drawn), one_of_each
    assert on_the_line >= 0.25 * len(drawn), on_the_line


def test_question_5_says_nothing_about_how_many_kinds_a_list_holds(drawn):
    """Review 68 X1: question 5 told every learner "your list holds at least three of the
    four kinds", but a tactic on one of section 6's lines is right under either kind, and a
    right list that files one as a misrepresentation held two kinds, or one, for hundreds of
    learners. The text then said what holds (counted as a bluff or an illegitimate source,
    such tactics leave at least three kinds in every learner's list). Review 69 U1: that is
    a property of the key, which a learner can use to rule kinds out instead of judging each
    tactic; the text now says only that a kind may appear twice or not at all. What the
    sweep shows still holds of the draw."""
    text = " ".join(cell_text(MODULE, "leverage", "q5-text").replace("#", " ").split())
    short = 0
    for s in drawn:
        accepted = [kinds_by_reading(text_) for text_ in s.tactics.values()]
        short += min(len(set(right)) for right in product(*accepted)) < 3
        counted = [min(k, key=lambda kind: kind == "misrepresentation") for k in accepted]
        assert len(set(counted)) >= 3, s.learner
    assert short > 0.05 * len(drawn), short  # so the text must not promise three to all
    assert "Your list holds at least three" not in text
    assert "three of the four kinds" not in text and "may hold fewer" not in text
    assert "A kind may appear twice or not at all." in text


def test_the_hidden_learners_are_as_fair_as_everyone_else():
    """Hidden checks only try inputs from the domain the notebook taught: other learners'
    scenarios, drawn by the same generator, meet the same invariants (checked above for
    the swept ids, here for the hidden ones)."""
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    test_the_starting_audit_is_plausible_and_fits_the_story(hidden)
    for s in hidden:
        hangs_together(s)
        balances = replayed(s, right_moves(s))
        assert all(abs(abs(b) - EVEN) >= MARGIN - 1e-9 for b in balances)
        assert all(abs(b - s.bar) >= MARGIN - 1e-9 for b in balances)
        assert ask_at(balances, s.bar) is not None
        assert (
            len({next(t._kind for t in _TACTICS if t.text == x) for x in s.tactics.values()}) >= 3
        )
        ranked = sorted(plan_values(s).values())
        assert ranked[-1] - ranked[-2] >= PLAN_MARGIN - 1e-9


# --- right answers pass: the reference and two independent formulations -----------------------


def facts_by_wording(s):
    return lambda: {
        letter: (source_by_wording(text), side_by_wording(text)) for letter, text in s.facts.items()
    }


def facts_as_lists(s):
    return lambda: {
        letter.lower(): [source_by_wording(text).upper(), side_by_wording(text)]
        for letter, text in s.facts.items()
    }


def audit_from_the_story(s):
    """An audit a careful reader might write for each case, different from the starting one."""
    return lambda: {
        "salary": {
            "yours": {"information": 3, "alternatives": 7, "power": 5},
            "theirs": {"information": 8, "alternatives": 3, "power": 7},
            "weights": {"information": 0.2, "alternatives": 0.6, "power": 0.2},
        },
        "supplier": {
            "yours": {"information": 4, "alternatives": 6, "power": 3},
            "theirs": {"information": 6, "alternatives": 4, "power": 7},
            "weights": {"information": 0.5, "alternatives": 0.25, "power": 0.25},
        },
        "sole-source": {
            "yours": {"information": 5, "alternatives": 1, "power": 2},
            "theirs": {"information": 5, "alternatives": 7, "power": 9},
            "weights": {"information": 0.2, "alternatives": 0.2, "power": 0.6},
        },
        "deadline": {
            "yours": {"information": 7, "alternatives": 5, "power": 6},
            "theirs": {"information": 3, "alternatives": 2, "power": 3},
            "weights": {"information": 0.3, "alternatives": 0.5, "power": 0.2},
        },
    }[s.case]


def audit_in_fractions(s):
    """Another reader's audit, in floats and exact fractions: the case's own, with the
    other side's rating of its strongest source three points further from yours, beyond any
    starting audit's reach (question 2 refuses a copy of an audit the course shows, and the
    starting audit with one rating moved by a point: two points further came within that of
    1 of the 2,000 learners' starting audits)."""
    case = CASES[s.case]
    theirs = dict(case._theirs)
    top = max(theirs, key=lambda k: theirs[k] - case._yours[k])
    theirs[top] += 3 if theirs[top] > case._yours[top] else -3
    return lambda: {
        "yours": {k: float(v) for k, v in case._yours.items()},
        "theirs": {k: float(v) for k, v in theirs.items()},
        "weights": {k: Fraction(str(v)) for k, v in case._weights.items()},
    }


def plan_one_at_a_time(case, per_day=False):
    """A wrong best_plan: steps taken best first (by expected gain, or by gain per day),
    each one that still fits in the days left."""
    gains = {
        n: chance * case.weights[src] * min(amount, 10 - case.yours[src])
        for n, (src, amount, _, chance) in case.steps.items()
    }
    plan, left = [], case.budget
    for n in sorted(case.steps, key=lambda n: -gains[n] / (case.steps[n][2] if per_day else 1)):
        if case.steps[n][2] <= left:
            plan.append(n)
            left -= case.steps[n][2]
    return plan


def plan_scoring(score):
    """A wrong best_plan: every plan that fits, each step scored by ``score(source, amount,
    chance, case)`` instead of its expected gain."""

    def best_plan(case):
        values = plan_values(case)
        return list(
            max(
                values,
                key=lambda plan: sum(
                    score(case.steps[n][0], case.steps[n][1], case.steps[n][3], case) for n in plan
                ),
            )
        )

    return best_plan


#: Wrong plans, by the shortcut they take, with the words of the hint written for it.
PLAN_SHORTCUTS = {
    "ceiling": (
        plan_scoring(lambda src, a, p, c: p * c.weights[src] * a),
        "a rating cannot pass 10",
    ),
    "chance": (
        plan_scoring(lambda src, a, p, c: c.weights[src] * min(a, 10 - c.yours[src])),
        "weigh each step by the chance",
    ),
    "weights": (
        plan_scoring(lambda src, a, p, c: p * min(a, 10 - c.yours[src])),
        "weigh each step by its source's weight",
    ),
    "amount": (plan_scoring(lambda src, a, p, c: a), "the biggest steps are not the best"),
    "greedy": (plan_one_at_a_time, "taking steps one at a time"),
    "per day": (lambda case: plan_one_at_a_time(case, True), "taking steps one at a time"),
}


def test_every_plan_hint_is_true_of_the_plan_it_is_shown_for(drawn):
    """A hint that names a shortcut is shown only for a plan that shortcut produces and no other
    known shortcut does; every shortcut fails some learner's own case, and each is caught by the
    test cases every learner's self-check runs."""
    failed = dict.fromkeys(PLAN_SHORTCUTS, 0)
    cases = [*drawn, *check.plan_test_cases(drawn[0])]
    for s in cases:
        produced = {name: set(answer(s)) for name, (answer, _) in PLAN_SHORTCUTS.items()}
        for name, (answer, words) in PLAN_SHORTCUTS.items():
            try:
                check.judge_plan(s, answer(s))
            except NotYet as hint:
                failed[name] += 1
                named = {w for n, (_, w) in PLAN_SHORTCUTS.items() if w in str(hint)}
                sharing = {
                    w for n, (_, w) in PLAN_SHORTCUTS.items() if produced[n] == produced[name]
                }
                assert named <= {words}, (s.learner, name, str(hint))
                if named:
                    assert sharing == {words}, (s.learner, name, str(hint))
    assert all(count >= 10 for count in failed.values()), failed
    for name, (answer, _) in PLAN_SHORTCUTS.items():
        caught = 0
        for s in check.plan_test_cases(drawn[0]):
            try:
                check.judge_plan(s, answer(s))
            except NotYet:
                caught += 1
        assert caught, name


def plan_by_brute_force(case):
    values = plan_values(case)
    return set(max(values, key=values.get))


def plan_by_sorting(case):
    """Every subset, scored with the expected gain as a fraction, best first."""
    names = list(case.steps)

    def gain(name):
        source, amount, _, chance = case.steps[name]
        room = min(Fraction(amount), 10 - Fraction(case.yours[source]))
        return Fraction(str(chance)) * Fraction(str(case.weights[source])) * room

    subsets = [c for k in range(4) for c in combinations(names, k)]
    fits = [c for c in subsets if sum(case.steps[n][2] for n in c) <= case.budget]
    return tuple(sorted(fits, key=lambda c: -sum(gain(n) for n in c))[0])


def news_by_wording(s):
    return lambda: right_moves(s)


def news_typed(s):
    return lambda: {
        label.lower(): [side.capitalize(), source, float(change)]
        for label, (side, source, change) in right_moves(s).items()
    }


def waits_by_story(case):
    """Question 4b's wait, read from the story: Brannock's six weeks, or Vell's sales head's
    quarter where that fact is drawn, is a deadline of theirs still to come."""
    return case.case == "deadline" or any("this quarter" in f for f in case.facts.values())


def reaudit_by_arithmetic(case, moves):
    """Question 4b by plain arithmetic, each rating kept between 0 and 10 (a test case moves a 9
    up by 3)."""
    yours, theirs = dict(case.yours), dict(case.theirs)
    balances = [weighted(yours, case.weights) - weighted(theirs, case.weights)]
    for side, source, change in moves.values():
        ratings = yours if side == "you" else theirs
        ratings[source] = min(10, max(0, ratings[source] + change))
        balances.append(weighted(yours, case.weights) - weighted(theirs, case.weights))
    sides = [ahead(b) for b in balances]
    labels = list(moves)
    changed = next((i for i, side in enumerate(sides) if side != sides[0]), None)
    turning = None if changed is None else labels[changed - 1]
    moments = ["now", *labels]
    at = ask_at(balances, case.bar)
    return turning, None if at is None else moments[at], waits_by_story(case)


def reaudit_exactly(case, moves):
    """The same with exact fractions, the moves applied in a different style."""
    w = {k: Fraction(str(v)) for k, v in case.weights.items()}
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}
    history = []
    for label in ["now", *moves]:
        if label != "now":
            side, source, change = moves[label]
            ratings[side][source] = min(10, max(0, ratings[side][source] + change))
        lead = sum(w[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES)
        history.append((label, lead))
    start = ahead(history[0][1])
    turning = next((label for label, lead in history if ahead(lead) != start), None)
    need = Fraction(str(case.bar))
    for label, lead in history:  # the news arrives: ask as soon as the balance is enough
        if lead >= need:
            return turning, label, waits_by_story(case)
    return turning, None, waits_by_story(case)


def tactics_by_wording(s):
    return lambda: {label: kind_by_wording(text) for label, text in s.tactics.items()}


def tactics_typed(s):
    """Typed differently, and on the line choosing the other kind of the two."""
    order = ("legitimate", "bluff", "misrepresentation", "illegitimate")
    return lambda: {
        label.lower(): max(kinds_by_reading(text), key=order.index).upper()
        for label, text in s.tactics.items()
    }


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]):
        return solution_namespace(MODULE, "leverage")


def reference_for(reference, s, name):
    """The notebook's reference answer to a question without arguments, for scenario ``s``:
    the solutions read the global ``scenario`` of the namespace they were run in."""
    reference["scenario"] = s
    return reference[name]


def reach_by_enumeration(case, target, cap=10):
    """Question 3c written out by hand: every plan that fits, every way its steps come
    through, ratings capped at ``cap``, the balance as a plain weighted sum; the first plan
    most likely to reach ``target``."""
    chances = reach_chances_by_enumeration(case, target, cap)
    best = max(chances.values())
    return list(next(plan for plan, chance in chances.items() if chance > best - 1e-12))


def reach_by_fractions(case, target):
    """Question 3c in exact fractions, recursing over the steps one at a time."""
    names = list(case.steps)

    def chance(plan, yours):
        if not plan:
            balance = sum(
                Fraction(str(case.weights[k])) * (yours[k] - case.theirs[k]) for k in SOURCES
            )
            return Fraction(1) if balance >= Fraction(str(target)) else Fraction(0)
        source, amount, _, p = case.steps[plan[0]]
        p = Fraction(str(p))
        up = {**yours, source: min(10, yours[source] + amount)}
        return p * chance(plan[1:], up) + (1 - p) * chance(plan[1:], yours)

    plans = [()]
    for name in names:
        plans += [(*plan, name) for plan in plans]
    fits = [p for p in plans if sum(case.steps[n][2] for n in p) <= case.budget]
    return list(max(fits, key=lambda plan: chance(plan, dict(case.yours))))


def reach_chances_by_enumeration(case, target, cap=10):
    """Question 3c's chance of reaching ``target`` for every plan that fits, by plan (a
    tuple of step names, fewest steps first), each way its steps come through enumerated;
    a rating stops at ``cap`` (``None``: no top of the scale, the mistake a test names)."""
    names, chances = list(case.steps), {}
    for size in range(len(names) + 1):
        for plan in combinations(names, size):
            if sum(case.steps[n][2] for n in plan) > case.budget:
                continue
            total = 0.0
            for came in product((True, False), repeat=len(plan)):
                chance, yours = 1.0, dict(case.yours)
                for name, through in zip(plan, came, strict=True):
                    source, amount, _, p = case.steps[name]
                    chance *= p if through else 1 - p
                    if through:
                        yours[source] += amount
                        yours[source] = yours[source] if cap is None else min(cap, yours[source])
                balance = sum(case.weights[k] * (yours[k] - case.theirs[k]) for k in SOURCES)
                total += chance if balance >= target - 1e-9 else 0.0
            chances[plan] = total
    return chances


def test_without_a_prepared_ask_a_bar_of_your_own_is_a_real_choice(drawn):
    """Question 3c (review 80 X3): a learner whose case has no prepared ask tries bars of
    their own up to two points above the starting balance and checks one by hand. For every
    such learner some bar in that range is a real choice: a plan can reach it, and some plan
    of steps that fits is less likely to (ties are common elsewhere: a plan with a step that
    cannot matter ties with the plan without it, and past what the steps can add every plan
    has chance 0, so the text promises no change of plan)."""
    without = [s for s in drawn if s.prepared_ask is None]
    # review 102 X1 (round 103): a prepared ask's best plan must now clear its bar by 0.25
    # points, so 945 of the 2,000 have none (was under 30%); the cap follows, at a half
    assert 0.1 * len(drawn) <= len(without) <= 0.5 * len(drawn), len(without)
    for s in without:
        start = sum(s.weights[k] * (s.yours[k] - s.theirs[k]) for k in SOURCES)
        real = 0
        for k in range(1, 9):
            chances = reach_chances_by_enumeration(s, start + 0.25 * k)
            top = max(chances.values())
            real += top > 0 and any(c < top - 1e-9 for plan, c in chances.items() if plan)
        assert real, s.learner


def test_question_3c_s_two_bars_are_as_it_says_for_every_learner(drawn):
    """Review 83 U1: question 3c named "one or two asks", "a smaller fallback" and "your only
    ask" in three sentences, and a learner with a prepared ask of bar +2.25 and a news bar of
    +0.25 could not tell which bar was which. It now says: two bars, or one if
    ``scenario.prepared_ask`` is None; where there are both, question 4b's ask is the
    prepared one or a smaller one. True for every drawn learner: 4b's (bar, ask) is a rung
    of the case's ladder, and the prepared ask is the same rung or one above it (in
    sweep-0..1999: 358 none, 466 the same, 1,176 smaller). Fails on the old text."""
    q3c = " ".join(cell_text(MODULE, "leverage", "q3c-text").split())
    # review 86 U3: said plainly
    # review 103 X1: how many
    assert "About half of you have none (`None`)" in q3c
    # review 89 U2: no pointer forward to question 4b
    # review 96 U4: said in question 4b, which uses the talks' bar, no longer in 3c
    q4b = " ".join(cell_text(MODULE, "leverage", "q4b-text").split())
    assert "the bar of the ask made during the talks: question 3c's ask" in q4b
    assert "`scenario.bar`" not in q3c
    assert "smaller fallback" not in q3c and "your only ask" not in q3c
    ways = collections.Counter()
    for s in drawn:
        ladder = list(CASES[s.case].asks)
        assert (s.bar, s.ask) in ladder, s.learner
        if s.prepared_ask is None:
            ways["none"] += 1
            continue
        rung = ladder.index(s.prepared_ask)
        assert rung >= ladder.index((s.bar, s.ask)), s.learner
        ways["same" if s.prepared_ask == (s.bar, s.ask) else "smaller"] += 1
    assert min(ways.values()) >= 0.1 * len(drawn) and len(ways) == 3, ways


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    for s in drawn:
        for answer in (
            reference_for(reference, s, "fact_leverage"),
            facts_by_wording(s),
            facts_as_lists(s),
        ):
            check.judge_facts(s, answer())
        for answer in (
            reference_for(reference, s, "my_audit"),
            audit_from_the_story(s),
            audit_in_fractions(s),
        ):
            check.judge_audit(s, answer())
        for answer in (reference["best_plan"], plan_by_brute_force, plan_by_sorting):
            check.judge_plan(s, answer(s))
        for c, target in [
            *check.reach_test_cases(s),
            *([(s, s.prepared_ask[0])] if s.prepared_ask else []),
        ]:
            for answer in (reference["reach_plan"], reach_by_enumeration, reach_by_fractions):
                check.judge_reach(c, target, answer(c, target))
        for answer in (
            reference_for(reference, s, "news_moves"),
            news_by_wording(s),
            news_typed(s),
        ):
            check.judge_news(s, answer())
        moves = right_moves(s)
        for answer in (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly):
            result = answer(s, moves)
            check.judge_turning(s, moves, result)
            check.judge_ask(s, moves, result)
        for answer in (
            reference_for(reference, s, "tactic_kinds"),
            tactics_by_wording(s),
            tactics_typed(s),
        ):
            kinds = answer()
            for label in s.tactics:
                check.judge_tactic(s, label, {k.upper(): v for k, v in kinds.items()})


def reach_every_step(case, target):
    """Question 3c counting only the outcome in which every step of a plan comes through
    (the chance that all of them do, when that reaches the threshold, else 0): a common
    wrong reading of a plan's chance of getting there."""
    names = list(case.steps)
    best, best_chance = [], -1.0
    for mask in range(2 ** len(names)):
        plan = [n for i, n in enumerate(names) if mask >> i & 1]
        if sum(case.steps[n][2] for n in plan) > case.budget:
            continue
        chance, yours = 1.0, dict(case.yours)
        for name in plan:
            source, amount, _, p = case.steps[name]
            chance *= p
            yours[source] = min(10, yours[source] + amount)
        balance = sum(case.weights[k] * (yours[k] - case.theirs[k]) for k in SOURCES)
        chance = chance if balance >= target - 1e-9 else 0.0
        if chance > best_chance + 1e-12:
            best, best_chance = plan, chance
    return best


def test_a_plan_counted_by_every_step_coming_through_fails_visibly_for_every_learner(drawn):
    """Question 3c: counting only the outcome in which every step comes through fails one of
    the visible test cases for every learner, with the hint that names that mistake, so no
    learner sees a pass the grading then takes back."""
    for s in drawn:
        hints = []
        for c, target in check.reach_test_cases(s):
            try:
                check.judge_reach(c, target, reach_every_step(c, target), "a test case")
            except NotYet as failure:
                hints.append(failure.general)
        assert check.ALL_THROUGH in hints, s.learner


def run(question, answer, **options):
    return sweeps.run(check, question, answer, **options)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference, monkeypatch):
    """Through the checks as a notebook calls them (test cases included), on a sample."""
    for s in drawn[::100]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        for answer in (
            reference_for(reference, s, "fact_leverage"),
            facts_by_wording(s),
            facts_as_lists(s),
        ):
            assert passes(run("classify_facts", answer)), s.learner
        for answer in (audit_from_the_story(s), audit_in_fractions(s)):
            assert passes(run("my_audit", answer)), s.learner
        for answer in (reference["best_plan"], plan_by_brute_force, plan_by_sorting):
            assert passes(run("best_plan", answer)), (s.learner, answer.__name__)
        for answer in (reference["reach_plan"], reach_by_enumeration, reach_by_fractions):
            assert passes(run("reach_plan", answer)), (s.learner, answer.__name__)
        for answer in (news_by_wording(s), news_typed(s)):
            assert passes(run("news_moves", answer)), s.learner
        for answer in (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly):
            assert passes(run("reaudit", answer)), (s.learner, answer.__name__)
        for answer in (tactics_by_wording(s), tactics_typed(s)):
            assert passes(run("classify_tactics", answer)), s.learner


def test_the_label_questions_pass_right_formulations_in_practice_and_when_graded(
    drawn, reference, monkeypatch
):
    """Questions 1, 4a and 5: the visible check judges the practice case, the hidden check
    marks the own case; the reference and two other formulations get full marks in both,
    and the practice case is never the learner's own case."""
    formulations = {
        ("classify_facts", "practice_facts", "fact_leverage"): (facts_by_wording, facts_as_lists),
        ("news_moves", "practice_news", "news_moves"): (news_by_wording, news_typed),
        ("classify_tactics", "practice_tactics", "tactic_kinds"): (
            tactics_by_wording,
            tactics_typed,
        ),
    }
    for s in drawn[::100]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        practice = s.practice
        assert practice.case != s.case
        for (question, practise, name), written in formulations.items():
            for answer in (reference_for(reference, s, name), *(w(s) for w in written)):
                assert passes(run(question, answer)), (s.learner, question)
                assert passes(run(question, answer, hidden=True)), (s.learner, question)
            mine = reference_for(reference, s, practise)
            for answer in (mine, *(w(practice) for w in written)):
                assert passes(run(practise, answer)), (s.learner, practise)


@pytest.mark.parametrize("question", ["best_plan", "reach_plan", "reaudit"])
def test_every_right_formulation_passes_the_hidden_check(reference, question, learner):
    formulations = {
        "best_plan": (reference["best_plan"], plan_by_brute_force, plan_by_sorting),
        "reach_plan": (reference["reach_plan"], reach_by_enumeration, reach_by_fractions),
        "reaudit": (reference["reaudit"], reaudit_by_arithmetic, reaudit_exactly),
    }[question]
    for answer in formulations:
        assert passes(run(question, answer, hidden=True)), answer.__name__


def test_every_question_names_the_scenario_fields_its_reference_reads():
    """Issue 15: every name a question needs is in its text. The reference solutions read
    ``case.x`` or ``scenario.x``; the question's text (the markdown cell before the answer)
    must name each such field."""
    cells = source_notebook(MODULE, "leverage").cells
    checked = 0
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        if not (meta.get("solution") and cell.cell_type == "code"):
            continue
        text = next(c.source for c in reversed(cells[:index]) if c.cell_type == "markdown")
        for owner, field in set(re.findall(r"\b(case|scenario)\.(\w+)", cell.source)):
            if field == "show":
                continue
            assert f"{owner}.{field}" in text, (meta["grade_id"], field)
            checked += 1
    assert checked >= 8


def test_the_steps_shown_before_question_3_say_nothing_of_the_best_plan(drawn):
    """The steps part said the shorter budget was 'too few for the best plan' before question 3
    was answered; that now appears only in question 3b's part."""
    for s in drawn[:200]:
        steps = str(s.show("steps"))
        assert "best plan" not in steps and "short_budget" not in steps, s.learner
        assert "too few for your best plan" in str(s.show("judgement")), s.learner


def test_no_preparation_step_keeps_a_promise_already_made():
    """Settling a disputed invoice 'as you promised' was a step a best plan dropped for 41% of
    learners, though section 6 says breaking your word is out of bounds. Every trust step is now
    something done freely, beyond what is owed."""
    for step in STEPS:
        # a paid trial task delivered early was still a task owed
        assert "promise" not in step.name and "trial task" not in step.name, step.name
    for step in (s for s in STEPS if s.trust):
        assert any(
            cue in step.name
            for cue in (
                "does not require",
                "before anyone asks",
                "before it asks",
                "nobody asked",
            )
        ), step.name


def test_question_4c_has_an_ask_a_need_and_a_first_moment_for_every_learner(drawn):
    """Question 4c asks each learner to set the need of the ask shown under the news, and to
    judge whether waiting past the first moment it is reached could be foreseen. Every learner
    is shown that ask and its need, and reaches it at a moment that needs no hindsight; the
    ladder has a rung on each side of most learners' need, so both 'higher' and 'lower' can be
    argued from the case."""
    both_sides = 0
    for s in drawn:
        shown = s.show("news").markdown
        assert s.ask in shown and f"{s.bar:+.2f} points" in shown, s.learner
        assert ask_at(replayed(s, right_moves(s)), s.bar) is not None, s.learner
        needs = [need for need, _ in CASES[s.case].asks]
        both_sides += min(needs) < s.bar < max(needs)
    assert both_sides >= 0.9 * len(drawn), both_sides


def test_question_3_on_the_learner_s_own_case_is_often_a_real_decision(drawn):
    """Taking the steps one at a time, best first, found the best plan for 98% of learners, so
    the own case taught nothing a greedy rule does not. The requirement was met by
    greedy-per-day alone, so the likelier shortcut, greedy by expected gain, still found the
    best plan for 93%. Now greedy by gain misses it for over 40% of learners (about half where
    the case's audits allow it; the sole-source case's power-heavy audits often do not), written
    out here as a second reader would."""
    missed = collections.Counter()
    by_case = collections.Counter(s.case for s in drawn)
    for s in drawn:
        gains = {
            name: chance * s.weights[source] * min(amount, 10 - s.yours[source])
            for name, (source, amount, days, chance) in s.steps.items()
        }
        values = plan_values(s)
        best = max(values, key=values.get)
        order = sorted(gains, key=lambda n: -gains[n])
        plan, left = set(), s.budget
        for name in order:
            if s.steps[name][2] <= left:
                plan.add(name)
                left -= s.steps[name][2]
        missed[s.case] += plan != set(best)
    assert sum(missed.values()) >= 0.4 * len(drawn), missed
    for key, count in by_case.items():
        assert missed[key] >= 0.2 * count, (key, missed[key], count)


def test_question_4b_s_two_parts_rarely_have_one_answer(drawn):
    """For 21% of learners the turning point and the moment to ask were the same label, so one
    answer served both parts. The need is now drawn, where the news allows, so that the ask
    comes at another moment."""

    def ahead(b):
        return "even" if abs(b) < EVEN else ("you" if b > 0 else "them")

    same = 0
    for s in drawn:
        ratings = {"you": dict(s.yours), "them": dict(s.theirs)}
        balances = {}
        for label, move in [("now", None), *check.news_key(s).items()]:
            if move is not None:
                side, source, change = move
                ratings[side][source] += change
            balances[label] = sum(
                s.weights[k] * (ratings["you"][k] - ratings["them"][k]) for k in SOURCES
            )

        turning = next(m for m, b in balances.items() if ahead(b) != ahead(balances["now"]))
        ask = next(m for m, b in balances.items() if b >= s.bar)
        same += turning == ask
    assert same <= 0.05 * len(drawn), same


def test_a_side_a_drawn_fact_gives_something_is_never_rated_0(drawn):
    """A drawn fact added no rule, so an audit rating a side 0 on the very source one of its
    facts gives it passed (r-1 rated their own power 0 beside "one of the few engineers who has
    run the streaming system"). Each (side, source) of a drawn fact now rules out 0 for every
    learner, and the hint names neither the fact nor its letter, so question 2 does not sort
    question 1's facts."""
    for s in drawn:
        given = {(side, source) for source, side in fact_key(s).values()}
        some = {(r.side, r.source) for r in rules_for(s) if r.kind == "some"}
        assert some >= given, s.learner
        yours, theirs, weights = audit_from_the_story(s)().values()
        for side, source in given:
            audit = {"yours": dict(yours), "theirs": dict(theirs), "weights": weights}
            audit["yours" if side == "you" else "theirs"][source] = 0
            with pytest.raises(NotYet, match="no rating should be below 1") as failure:
                check.judge_audit(s, audit)
            assert not any(text in str(failure.value) for text in s.facts.values())
            assert not re.search(r"\bfact [A-E]\b", str(failure.value))
            assert "should be rated above 0" not in str(failure.value)


def _probe(s, audit, changes=None):
    """What question 2's check says of ``audit`` with ``changes`` ((part, source) ->
    value) made: "" for a pass."""
    probe = {part: dict(values) for part, values in audit.items()}
    for (part, source), value in (changes or {}).items():
        probe[part][source] = value
    try:
        check.judge_audit(s, probe)
    except NotYet as refusal:
        return str(refusal)
    return ""


def test_probing_question_2_one_rating_or_weight_at_a_time_reveals_no_label(drawn):
    """A rating of 0 was refused only where a drawn fact covers the (side, source), and a light
    weight only on a source a drawn fact bears on. Five facts cover at most five of the six
    pairs, so a learner who set one rating to 0 at a time, from an audit that passes, found the
    pair no fact covers (and with light weights, a source no fact bears on) before grading:
    question 1's labels, cheaper than sorting the facts. Every such probe now gets the same
    answer for every pair and every source. Fails on the old code (the six probes differed for
    every learner tried)."""
    differed = 0
    for s in drawn[:400]:
        yours, theirs, weights = audit_from_the_story(s)().values()
        audit = {"yours": yours, "theirs": theirs, "weights": weights}
        assert _probe(s, audit) == "", s.learner
        # other rules of the story may refuse a probe too, but they are the same for every
        # learner of the case; what may not differ is the line a drawn fact's pair draws
        zeros = {
            "rating of 0" in _probe(s, audit, {(part, source): 0})
            for part in ("yours", "theirs")
            for source in SOURCES
        }
        light = set()
        for source in SOURCES:
            spare = (weights[source] - 0.05) / 2
            moved = {("weights", k): weights[k] + spare for k in SOURCES if k != source}
            said = _probe(s, audit, {("weights", source): 0.05, **moved})
            light.add(f"{source} should weigh at least" in said)
        differed += len(zeros) > 1 or len(light) > 1
    assert differed == 0, differed


def test_an_audit_of_zeros_does_not_list_the_pairs_question_1s_facts_cover(drawn):
    """Naming each (side, source) whose rating of 0 a drawn fact rules out let two probe
    audits (one side all 0, the other 0 but for one source, and the reverse) list every
    pair the learner's facts cover, question 1's labels, for 100 of 100 learners in a
    sample. The refusal now says only that some rating of 0 falls where a fact gives that
    side something; no message of the two probes names a side's source rated above 0."""
    for s in drawn[:300]:
        them = check.CASES[s.case].them.split(",")[0]
        for probed in ("yours", "theirs"):
            audit = {
                "yours": dict.fromkeys(check.SOURCES, 0),
                "theirs": dict.fromkeys(check.SOURCES, 0),
                "weights": dict.fromkeys(check.SOURCES, 1 / 3),
            }
            audit[probed]["power"] = 0.5
            with pytest.raises(NotYet) as failure:
                check.judge_audit(s, audit)
            said = str(failure.value)
            for source in check.SOURCES:
                assert f"your {source} should be rated above 0" not in said
                assert f"{them}'s {source} should be rated above 0" not in said


#: Audits a specialist would fail, one per case whose story bounds them, with the words of
#: the bound that refuses each: the employer with almost no power over pay, the buyer
#: knowing far more of Vell's position than Vell, the owner with a near-sure other tenant.
ONE_SIDED_AUDITS = {
    "salary": (
        ((7, 9, 9), (8, 1, 1), (0.1, 0.6, 0.3)),
        "the course would rate Larkfield's power at least 4",
    ),
    "supplier": (
        ((9, 8, 1), (1, 1, 9), (0.6, 0.3, 0.1)),
        "the course would rate Vell's information at least 3",
    ),
    "deadline": (
        ((1, 9, 9), (9, 1, 1), (0.1, 0.5, 0.4)),
        "the course would rate your alternatives at most 6",
    ),
}


#: Audits that get a story backwards and passed every rule of ratings: the candidate far
#: ahead of the employer that sets the pay and knows the market (+8.8 points), and the
#: owner's audit with all the weight on alternatives, none on information or power.
BACKWARDS_AUDITS = {
    "salary": ((1, 10, 1), (2, 0, 4), (0.05, 0.9, 0.05)),
    "deadline": ((1, 7, 10), (1, 5, 10), (0, 1, 0)),
}


#: Each case's story line in the course's cut-offs (even under 0.5 points either way,
#: strongly from 2.5): Larkfield not ahead; neither side strongly ahead; Ostra ahead; you
#: ahead. Question 2 passes a reading off the line by less than a strong lead, with a note;
#: the reference, the other readings and every starting audit keep the line, unnoted.
BAND_BY_HAND = {
    "salary": lambda b: b > -EVEN,
    "supplier": lambda b: -2.5 < b < 2.5,
    "sole-source": lambda b: b <= -EVEN,
    "deadline": lambda b: b >= EVEN,
}

#: The highest rating of yours each story allows (question 2's "at most" bounds on you).
CEILINGS = {
    "supplier": {"alternatives": 8},
    "sole-source": {"alternatives": 3},
    "deadline": {"alternatives": 7},
}


def test_no_step_takes_a_rating_of_yours_past_the_story_s_ceiling(drawn):
    """The sole-source case's alternatives steps added 2 to 4 points in 5 to 12 days, in a
    story where another maker takes eighteen months, and took the rating past question 2's
    ceiling of 3 for about a fifth of best plans. Those steps now add 1, and no drawn step
    takes a rating of yours past a ceiling its story sets, for all 2,000 learners."""
    for s in drawn:
        top = CEILINGS.get(s.case, {})
        for name, (source, amount, _, _) in s.steps.items():
            if source in top:  # the scale's own top, 10, is taught as a cap on a step
                assert s.yours[source] + amount <= top[source], (s.learner, name)
    for step in STEPS:
        if step.case == "sole-source" and step.source == "alternatives":
            assert step.amounts == (1, 1), step.name


def test_question_2_bounds_the_weights_and_keeps_the_balance_near_the_cases_reading(
    drawn, reference
):
    """Question 2 accepted audits of one story from about -9 to +9 points. Every source a
    drawn fact bears on now weighs at least 0.1, none more than 0.7, and the balance lies
    within its case's band (what the story's line allows, in the course's cut-offs); the two
    audits above fail for every learner of their case, while the reference, two other
    readings and every starting audit pass for all 2,000 learners, inside each band."""
    for s in drawn:
        floors = {r.source for r in rules_for(s) if r.kind == "weight_floor"}
        # every source, whatever the drawn facts bear on
        assert floors == set(SOURCES), s.learner
        if s.case in BACKWARDS_AUDITS:
            yours, theirs, weights = BACKWARDS_AUDITS[s.case]
            audit = {
                "yours": dict(zip(SOURCES, yours, strict=True)),
                "theirs": dict(zip(SOURCES, theirs, strict=True)),
                "weights": dict(zip(SOURCES, weights, strict=True)),
            }
            with pytest.raises(NotYet, match=r"no source should weigh more than 0\.7"):
                check.judge_audit(s, audit)
        start = {"yours": dict(s.yours), "theirs": dict(s.theirs), "weights": dict(s.weights)}
        for answer in (
            reference_for(reference, s, "my_audit")(),
            audit_from_the_story(s)(),
            audit_in_fractions(s)(),
            start,
        ):
            if answer is start:  # question 2 refuses a copy of the starting audit as shown
                yours, theirs, weights = (answer[p] for p in ("yours", "theirs", "weights"))
                assert all(
                    r.holds(yours, theirs, weights) for r in rules_for(s) if r.kind != "pair_cap"
                ), s.learner
            else:
                yours, theirs, weights = check.judge_audit(s, answer)
            balance = round(sum(weights[k] * (yours[k] - theirs[k]) for k in SOURCES), 9)
            assert BAND_BY_HAND[s.case](balance), (s.learner, balance)
            assert check._off_the_line(s, yours, theirs, weights) == "", s.learner
            assert max(weights.values()) <= 0.7 and min(weights.values()) >= 0.1, s.learner


def test_question_2_bounds_the_ratings_each_story_states_most_plainly(drawn, reference):
    """Question 2 passed a one-sided audit for every learner of the salary, supplier and
    deadline cases (Larkfield's power 1; Vell's information 1 against the buyer's 9; the
    owner's alternatives 9 on a firm that has not called back). Each case now bounds the
    rating its story states most plainly; the bound refuses these audits with a hint that
    quotes it, while the reference, two other readings and the starting audit still pass.
    Review 102 X3 (round 103): a numeric bound now notes, not refuses (one point past it
    is a defensible reading), so each audit here is refused by another rule of its story or
    passes with a note that quotes the bound."""
    for s in drawn:
        if s.case in ONE_SIDED_AUDITS:
            (yours, theirs, weights), words = ONE_SIDED_AUDITS[s.case]
            audit = {
                "yours": dict(zip(SOURCES, yours, strict=True)),
                "theirs": dict(zip(SOURCES, theirs, strict=True)),
                "weights": dict(zip(SOURCES, weights, strict=True)),
            }
            try:
                judged = check.judge_audit(s, audit)
            except NotYet:
                judged = (audit["yours"], audit["theirs"], audit["weights"])
            assert words in check._past_a_bound(s, *judged), s.learner
        for answer in (
            reference_for(reference, s, "my_audit"),
            audit_from_the_story(s),
            audit_in_fractions(s),
        ):
            check.judge_audit(s, answer())
        assert all(
            rule.holds(s.yours, s.theirs, s.weights)
            for rule in rules_for(s)
            if rule.kind != "pair_cap"
        ), s.learner


#: Audits that read one story, each tried on every other case: the notebook's reference
#: audit and another careful reading of each case, and an audit tuned by a random search
#: to pass as many learners as it could (the supplier and sole-source learners, all of
#: them, when the two stories' rules did not contradict each other).
ONE_STORY_AUDITS = {
    "salary": [((3, 7, 4), (8, 4, 6), (0.25, 0.5, 0.25)), ((3, 7, 5), (8, 3, 7), (0.2, 0.6, 0.2))],
    "supplier": [
        ((5, 6, 4), (6, 3, 7), (0.5, 0.3, 0.2)),
        ((4, 6, 3), (6, 4, 7), (0.5, 0.25, 0.25)),
    ],
    "sole-source": [
        ((4, 1, 2), (6, 6, 8), (0.3, 0.2, 0.5)),
        ((5, 1, 2), (5, 7, 9), (0.2, 0.2, 0.6)),
    ],
    "deadline": [((6, 5, 5), (3, 2, 4), (0.3, 0.5, 0.2)), ((7, 5, 6), (3, 2, 3), (0.3, 0.5, 0.2))],
    None: [((3, 3, 1), (7, 4, 4), (0.15, 0.55, 0.3)), ((2, 7, 8), (6, 2, 4), (0.3, 0.4, 0.3))],
}


def test_no_audit_passes_question_2_for_the_learners_of_two_stories(drawn):
    """Question 2 said it checks a reading of the learner's own story, yet the salary
    reference passed every supplier learner, and one audit passed every supplier and
    sole-source learner (another, every salary and deadline learner). Rules the other
    stories contradict (the direction of alternatives or of power; your alternatives at
    most 6 for the buyer and the owner; the other side's, at least 5 for Ostra, at most 5
    for Vell) keep each audit here to the learners of one case, with one exception. Review
    61 C2 dropped the salary floor "your alternatives at least 7", which refused an honest
    reading (the story never gives Calder's terms, and a weak offer earns a low rating), so
    a salary reading that rates the written offer 6 or less can also read the supplier or
    the deadline story (the supplier audit below passes salary learners too; a random search
    over 300 learners found one passing every salary and deadline learner). An honest
    reading refused outranks a shared audit: those two pairs, and only they, may share.
    Review 75 X2 lifted the buyer's bound to 7 for a supplier learner who drew both makers'
    quotes, an honest reading, so the salary reference (your alternatives 7) may also read
    those supplier learners' story, and no other supplier learner's."""
    from course.scenarios.leverage import QUOTES

    shared = {frozenset({"salary", "supplier"}), frozenset({"salary", "deadline"})}
    for owner, audits in ONE_STORY_AUDITS.items():
        for yours, theirs, weights in audits:
            audit = [dict(zip(SOURCES, part, strict=True)) for part in (yours, theirs, weights)]
            passing = [
                s
                for s in drawn
                if all(r.holds(*audit) for r in rules_for(s) if r.kind != "pair_cap")
            ]
            cases = {s.case for s in passing}
            quoted = all(QUOTES in s.facts.values() for s in passing if s.case == "supplier")
            also = {"supplier"} if owner == "salary" and quoted else set()
            assert len(cases) <= 1 or frozenset(cases) in shared, (yours, theirs, weights, cases)
            assert owner is None or owner in cases, (yours, theirs, owner, cases)
            assert owner is None or cases <= {owner, "salary", *also}, (yours, theirs, cases)


def test_question_2_names_an_audit_the_kernel_holds_for_the_instructor(drawn):
    """Question 2 passed for 200 of 200 learners with the case's own audit, read from the
    public ``CASES``, one rating moved by a point, and for 170 of 200 with the starting audit
    (``scenario.yours``...) moved so. The case's audit is private now (a learner's cell that
    reads it is named in the class report). The starting audit with any one rating moved by
    a point was then refused, but so were honest readings that came as close, scored 0 in
    the graded cell (review 68 X4). For every drawn learner such an audit is now refused by
    the story or passes with a note for the instructor that says how close it is. Weights
    moved by 0.05 are not near (review 57 W2); such an audit is judged on the story alone."""
    for case in CASES.values():
        for name in dir(case):
            if not name.startswith("_"):
                value = getattr(case, name)
                assert not (isinstance(value, Mapping) and set(value) == set(SOURCES)), name
    noted = 0
    for s in drawn:
        start = {"yours": dict(s.yours), "theirs": dict(s.theirs), "weights": dict(s.weights)}
        edits = [{(part, source): 1} for part in ("yours", "theirs") for source in SOURCES]
        for edit in edits:
            audit = {part: dict(values) for part, values in start.items()}
            for (part, source), change in edit.items():
                value = audit[part][source]
                audit[part][source] = value - change if value + change > 10 else value + change
            try:
                judged = check.judge_audit(s, audit)
            except NotYet:
                continue  # the edit breaks the story
            # (an edit that lands on another of the course's audits is named as that audit)
            note = " ".join(check._copy_note(s, *judged).split())
            assert re.search(
                "the same weights as the starting audit section 4 shows you|this audit is one of",
                note,
            ), note
            assert note.startswith("A note for your instructor, not a fault"), note
            noted += 1
        nudged = {part: dict(values) for part, values in start.items()}
        nudged["weights"]["information"] += 0.05
        nudged["weights"]["power"] -= 0.05
        try:
            judged = check.judge_audit(s, nudged)
        except NotYet as failure:
            assert "starting audit section 4" not in str(failure), str(failure)
        else:
            assert "starting audit section 4" not in check._copy_note(s, *judged)
    assert noted > len(drawn), noted


def test_question_3b_s_rubric_states_how_often_the_shorter_budget_brings_in_a_step(drawn):
    """The rubric said that the best plan at the shorter budget brings in a step the full plan
    left out "for about one learner in five"; review 56 counted 56 of 200 learners, and the
    sweep's 2,000 learners gave 493, and 504 once review 67 X3 redrew the steps of the 85
    whose shorter budget fitted one step alone, and 509 once review 72 U4 capped the salary
    case's drawn alternatives at 8. The rubric states the count over these learners."""
    from course.scenarios.leverage import best_plan

    switched = sum(
        not set(best_plan(replace(s, budget=s.short_budget))) <= set(best_plan(s)) for s in drawn
    )
    text = " ".join(sweeps.cell_text(MODULE, "leverage", "plan-judgement").split())
    # review 59 E1: a reviewer drawing model-0 to model-1999 found 501; the rubric now
    # names the learners its count is made over
    assert (
        f"for about one learner in four ({switched} of the {len(drawn):,} learners sweep-0 "
        "to sweep-1999 that the tests draw)" in text
    )
    assert 0.2 <= switched / len(drawn) < 0.3, switched
