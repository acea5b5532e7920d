"""Module 03's scenario: a small firm, Kestrel, with a licence two buyers want, a seat on a
jointly owned laboratory's board, a contract to close while short of work, three ways to
strengthen its hand, and four things it might say at the table.

Every learner's numbers are drawn, then checked against the module's invariants
(``INVARIANTS``): a draw that breaks one (an answer on a rule's boundary, a question with
nothing to decide, a number implausible for the story) is thrown away and drawn again.
``drawn`` reports what was thrown away, for the sweep benchmark.
"""

from dataclasses import dataclass, replace

from course.scenarios.base import Scenario, pick

YOU = "Kestrel"
BUYERS = ("Atlas", "Borealis")
OTHER_MEMBERS = ("Ironvale", "Marrow", "Quillon", "Tessaly")

#: The three ways Kestrel can strengthen its hand (question 5), as the answer names them.
LEVERS = ("bidder", "loan", "harrow")

#: How Kestrel can answer Granite's proposal (question 4).
REPLIES = ("accept", "reject", "walk away")

#: The labels of question 6.
LABELS = ("credible", "bluff", "out of bounds")

#: Margins every draw keeps from a rule's threshold, so no answer sits on a boundary.
SHAPLEY_MARGIN = 0.05  # Atlas's proposal vs Borealis's value, as a share of Atlas's value
HARROW_MARGIN = 0.15  # Harrow's offer vs Kestrel's share at the table, relative
OFFER_MARGIN = 0.05  # Granite's proposal vs Kestrel's equilibrium share, relative
LEVER_MARGIN = 2_000  # the best lever's gain over the second best, in money, at least ...
LEVER_SHARE = 0.10  # ... and at least this share of the best gain
THREAT_MARGIN = 0.05  # the threat's price vs Borealis's value, relative

#: Plausible discount factors per month (what a deal a month later is worth today).
DELTA_YOU = (0.85, 0.94)  # Kestrel, short of work: 6 to 15 % of the deal lost per month
DELTA_THEM = (0.95, 0.98)  # Granite, a large retailer
DELTA_LOAN = 0.97  # the most patient a bridging loan makes Kestrel


@dataclass(frozen=True)
class Tactic:
    """One thing Kestrel might say or do at the table (question 6). ``kind`` names the
    template, ``amount`` the number it quotes (0 when none), ``party`` whom it concerns."""

    letter: str
    kind: str
    amount: float
    party: str
    text: str


#: Each template of question 6: (party it is said to, the label's rule, the text).
#: A rule is a label, or "borealis" (credible when the amount is at most Borealis's value,
#: a bluff above it).
TACTICS = {
    "calm_harrow": (
        "Granite",
        "credible",
        'To Granite: "Harrow has offered us work worth {harrow}. We would still rather do '
        'this with you, so let us find terms that work for both of us."',
    ),
    "calm_borealis": (
        "Atlas",
        "credible",
        'To Atlas: "Borealis has told us it wants the licence too. We would rather it went '
        'to you, if we can agree a price."',
    ),
    "borealis_threat": (
        "Atlas",
        "borealis",
        'To Atlas: "Unless you pay at least {amount}, we will sell the licence to Borealis."',
    ),
    "limit_claim": (
        "Granite",
        "bluff",
        'To Granite: "We cannot take less than {amount} of the margin."',
    ),
    "fake_bid": (
        "Atlas",
        "out of bounds",
        'To Atlas: "Borealis has already offered us {amount} for the licence." (Borealis has '
        "made no offer.)",
    ),
    "inflated_harrow": (
        "Granite",
        "out of bounds",
        'To Granite: "Harrow has offered us {amount}." (Harrow offered {harrow}.)',
    ),
    "planning_committee": (
        "Granite",
        "out of bounds",
        "Kestrel's chair sits on the town council's planning committee, which votes next "
        "month on Granite's new warehouse. She mentions the vote while you discuss the "
        "contract.",
    ),
    "bought_costs": (
        "Granite",
        "out of bounds",
        "A Granite employee offers to sell Kestrel a copy of Granite's confidential cost "
        "sheet for the contract. Kestrel pays and uses it to set its demands.",
    ),
}

#: Statements that must not appear together: they would state one fact two ways.
CLASHES = {frozenset({"calm_harrow", "inflated_harrow"}), frozenset({"calm_borealis", "fake_bid"})}


def money(amount):
    """An amount as the story shows it: 64,200."""
    return f"{amount:,.0f}"


@dataclass(frozen=True)
class KestrelPower(Scenario):
    """Kestrel's situations: a scarce licence, a board vote, a contract, three levers and
    four tactics."""

    atlas_value: float  # what the licence is worth to Atlas (the keener buyer) ...
    borealis_value: float  # ... and to Borealis, the rival buyer
    atlas_proposal: float  # the price Atlas proposes: Kestrel's Shapley value, to the 100
    members: tuple  # the laboratory's owners: (name, votes) pairs, Kestrel last
    quota: int  # votes a board decision needs
    contract_value: float  # the margin on the Granite contract, to split between the two
    delta_you: float  # what a deal one month later is worth to Kestrel, per unit today
    delta_them: float  # ... and to Granite
    outside_offer: float  # what Harrow would pay Kestrel instead, if it walks away
    granite_offer: float  # Granite's first proposal: Kestrel's part of the margin
    corvid_value: float  # lever "bidder": a third buyer, Corvid, would pay this for the licence
    delta_with_loan: float  # lever "loan": Kestrel's monthly discount factor with a bridging loan
    harrow_raised: float  # lever "harrow": Harrow's offer after Kestrel courts it
    tactics: tuple  # four Tactic, lettered A to D

    @property
    def weights(self):
        """The members' votes, in the order of ``members``."""
        return [votes for _, votes in self.members]

    @property
    def names(self):
        """The members' names, in the order of ``members``."""
        return [name for name, _ in self.members]

    def story(self):
        rows = "\n".join(f"| {name} | {votes} |" for name, votes in self.members)
        said = "\n".join(f"- **{t.letter}.** {t.text}" for t in self.tactics)
        return (
            "You run **Kestrel**, a small components firm. Your scenario has five parts.\n\n"
            "**1. A licence two buyers want** (`s.atlas_value`, `s.borealis_value`, "
            "`s.atlas_proposal`). Kestrel holds the only licence for a coating process; "
            "Kestrel has no use for the process itself. **Atlas** would pay up to "
            f"{money(self.atlas_value)} for it and **Borealis** up to "
            f"{money(self.borealis_value)}; both have told Kestrel they want it. There is one "
            "licence: whoever gets it uses it alone, and without Kestrel nobody gets "
            f"anything. Atlas proposes a price of **{money(self.atlas_proposal)}** and calls it "
            "fair: it is Kestrel's Shapley value in this market, to the nearest hundred.\n\n"
            "**2. A board vote** (`s.members`, `s.quota`). Kestrel owns a small share of "
            "Fellgate, a testing laboratory run as a joint venture by five firms. Its board "
            "decides which test lines to add by weighted vote, each owner voting its shares; "
            f"a decision needs **{self.quota}** votes. Kestrel wants a line for coatings.\n\n"
            f"| owner | votes |\n|---|---|\n{rows}\n\n"
            "**3. A contract, short of work** (`s.contract_value`, `s.delta_you`, "
            "`s.delta_them`, `s.outside_offer`, `s.granite_offer`). **Granite**, a large "
            "retailer, offers to share a contract with a margin of "
            f"{money(self.contract_value)}. Granite proposes first; after a rejection the "
            "other side proposes a month later. Kestrel is short of work: every month without "
            "the contract it pays idle staff and risks losing the team that would do the job, "
            f"so a deal a month later is worth only {self.delta_you:.2f} of the same deal "
            f"today to Kestrel. Granite loses less by waiting, part of a selling season: "
            f"{self.delta_them:.2f}. "
            f"**Harrow** would give Kestrel work worth {money(self.outside_offer)} instead; "
            "Kestrel can walk away to it whenever it answers a proposal. Granite's first "
            f"proposal gives Kestrel **{money(self.granite_offer)}** of the margin.\n\n"
            "**4. Three ways to strengthen your hand** (`s.corvid_value`, "
            "`s.delta_with_loan`, `s.harrow_raised`). You have time for one of them this "
            f"month. *bidder*: bring in **Corvid**, who would pay up to "
            f"{money(self.corvid_value)} for the licence. *loan*: take a bridging loan that "
            "keeps the team paid, so a month's delay is worth "
            f"{self.delta_with_loan:.2f} to Kestrel instead of {self.delta_you:.2f}. "
            f"*harrow*: court Harrow, which would then offer {money(self.harrow_raised)}.\n\n"
            "**5. Four things Kestrel might say or do** (`s.tactics`):\n\n"
            f"{said}"
        )


def tactic_label(s, tactic):
    """The label question 6 expects for ``tactic`` of scenario ``s``."""
    _, rule, _ = TACTICS[tactic.kind]
    if rule == "borealis":
        return "credible" if tactic.amount <= s.borealis_value else "bluff"
    return rule


def tactic_key(s):
    """Question 6's answer for scenario ``s``: letter -> label."""
    return {t.letter: tactic_label(s, t) for t in s.tactics}


# --- what the questions' answers rest on (the checks use these too) ------------------------


def licence_game(s, buyers=BUYERS):
    """The licence market as a coalition game: a coalition earns the best value among its
    buyers if Kestrel is in it, and nothing otherwise."""
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    players = (YOU, *buyers)
    return {
        frozenset(c): (max([values[b] for b in buyers if b in c], default=0.0) if YOU in c else 0.0)
        for c in _coalitions(players)
    }


def _coalitions(players):
    found = [frozenset()]
    for player in players:
        found += [c | {player} for c in found]
    return found


def kestrel_shapley(s):
    """Kestrel's Shapley value in the licence market: (3 v1 + v2) / 6, what
    ``shapley_values`` gives on ``licence_game(s)`` (the tests check they agree)."""
    return (3 * s.atlas_value + s.borealis_value) / 6


def table_share(s, delta_you=None):
    """Kestrel's Rubinstein share of the Granite margin as responder, in money, ignoring
    Harrow (``delta_you`` overrides Kestrel's discount factor): the margin times
    d_you (1 - d_them) / (1 - d_you d_them), what ``bargaining_split`` gives (the tests
    check they agree). Written out because every draw computes it a dozen times."""
    delta = s.delta_you if delta_you is None else delta_you
    return s.contract_value * delta * (1 - s.delta_them) / (1 - delta * s.delta_them)


def granite_share(s, delta_you=None, harrow=None):
    """Kestrel's equilibrium part of the Granite margin, in money: the larger of its
    share at the table and Harrow's offer (deal-me-out)."""
    harrow = s.outside_offer if harrow is None else harrow
    return max(table_share(s, delta_you), harrow)


def granite_reply(s):
    """What Kestrel should answer Granite's first proposal, in the alternating-offers game
    with Harrow as an outside option: accept it if it gives at least Kestrel's equilibrium
    share; otherwise walk away if Harrow beats the table, else reject and propose next."""
    if s.granite_offer >= granite_share(s):
        return "accept"
    return "walk away" if s.outside_offer > table_share(s) else "reject"


def votes_needed(s):
    """The fewest votes with which Kestrel's vote would swing some board decision: the
    quota minus the largest total of the other owners' votes that falls short of it."""
    totals = {0}
    for votes in s.weights[:-1]:
        totals |= {total + votes for total in totals}
    return s.quota - max(total for total in totals if total < s.quota)


def lever_gains(s):
    """What each lever adds to what Kestrel can count on, in money: the licence's floor
    (the best rival's value) and Kestrel's equilibrium share of the Granite margin."""
    floor = s.borealis_value
    return {
        "bidder": max(floor, min(s.corvid_value, s.atlas_value)) - floor,
        "loan": granite_share(s, delta_you=s.delta_with_loan) - granite_share(s),
        "harrow": granite_share(s, harrow=s.harrow_raised) - granite_share(s),
    }


def best_lever(s):
    """The lever that adds most (see ``lever_gains``)."""
    gains = lever_gains(s)
    return max(gains, key=gains.get)


# --- the invariants ---------------------------------------------------------------------------


def facts(s):
    """The numbers the invariants look at, computed once per draw."""
    gains = sorted(lever_gains(s).values(), reverse=True)
    return {
        "table": table_share(s),
        "equilibrium": granite_share(s),
        "best gain": gains[0],
        "second gain": gains[1],
        "votes needed": votes_needed(s),
        "labels": set(tactic_key(s).values()),
        "kinds": {t.kind for t in s.tactics},
    }


def _claimed_limit(s):
    return max((t.amount for t in s.tactics if t.kind == "limit_claim"), default=0.0)


def _threat_too_close(s):
    return any(
        t.kind == "borealis_threat"
        and abs(t.amount - s.borealis_value) < THREAT_MARGIN * s.borealis_value
        for t in s.tactics
    )


#: Each invariant, named by the question it protects, as a test that is true when a draw
#: breaks it; ``f`` holds the draw's ``facts``.
INVARIANTS = {
    # question 2: the Shapley proposal sits clearly on one side of the floor
    "licence: Atlas's proposal within 5% of Borealis's value": lambda s, f: (
        abs(s.atlas_proposal - s.borealis_value) < SHAPLEY_MARGIN * s.atlas_value
    ),
    "licence: the floor within 5% of half of Atlas's value (a wrong reading)": lambda s, f: (
        abs(s.borealis_value - s.atlas_value / 2) < SHAPLEY_MARGIN * s.atlas_value
    ),
    "licence: Borealis values it at least as much as Atlas": lambda s, f: (
        s.borealis_value >= s.atlas_value
    ),
    # question 3: Kestrel has votes and no power, and needs at least two votes to matter
    "vote: Kestrel's one vote already swings a decision": lambda s, f: f["votes needed"] < 2,
    "vote: the quota is not a majority of the votes": lambda s, f: (
        not sum(s.weights) / 2 < s.quota <= sum(s.weights)
    ),
    # question 4 (and the notebook's deal-me-out): clear of both thresholds
    "granite: Harrow within 15% of Kestrel's share at the table": lambda s, f: (
        abs(s.outside_offer - f["table"]) < HARROW_MARGIN * f["table"]
    ),
    "granite: Granite's proposal within 5% of Kestrel's equilibrium share": lambda s, f: (
        abs(s.granite_offer - f["equilibrium"]) < OFFER_MARGIN * f["equilibrium"]
    ),
    "granite: implausible patience per month": lambda s, f: (
        not (
            DELTA_YOU[0] <= s.delta_you <= DELTA_YOU[1]
            and DELTA_THEM[0] <= s.delta_them <= DELTA_THEM[1]
            and s.delta_them > s.delta_you
        )
    ),
    "granite: an offer as large as the whole margin": lambda s, f: (
        max(s.outside_offer, s.granite_offer, s.harrow_raised, _claimed_limit(s))
        >= s.contract_value
    ),
    # question 5: one lever clearly best, and worth something
    "levers: the best two gains too close": lambda s, f: (
        f["best gain"] - f["second gain"] < max(LEVER_MARGIN, LEVER_SHARE * f["best gain"])
    ),
    "levers: Corvid would outbid Atlas": lambda s, f: s.corvid_value >= s.atlas_value,
    "levers: implausible loan": lambda s, f: not s.delta_you < s.delta_with_loan <= DELTA_LOAN,
    "levers: Harrow's raise is no raise": lambda s, f: s.harrow_raised <= s.outside_offer,
    # question 6: every label present, the threat clear of Borealis's value, one story
    "tactics: a label missing": lambda s, f: f["labels"] != set(LABELS),
    "tactics: the threat's price within 5% of Borealis's value": lambda s, f: _threat_too_close(s),
    "tactics: a claimed limit not clearly above what Kestrel would accept": lambda s, f: any(
        t.kind == "limit_claim" and t.amount <= 1.1 * f["equilibrium"] for t in s.tactics
    ),
    "tactics: a claimed limit not clearly above Granite's proposal": lambda s, f: any(
        t.kind == "limit_claim" and t.amount <= 1.1 * s.granite_offer for t in s.tactics
    ),
    "tactics: two statements state one fact two ways": lambda s, f: any(
        clash <= f["kinds"] for clash in CLASHES
    ),
    "tactics: a misstated number not clearly false": lambda s, f: any(
        (t.kind == "fake_bid" and t.amount <= 1.05 * s.borealis_value)
        or (t.kind == "inflated_harrow" and t.amount <= 1.2 * s.outside_offer)
        for t in s.tactics
    ),
}


def flaws(s):
    """The names of the invariants scenario ``s`` breaks (empty when it is fair)."""
    found = facts(s)
    return [name for name, broken in INVARIANTS.items() if broken(s, found)]


# --- drawing ----------------------------------------------------------------------------------

#: A learner's draw gives up after this many rejected candidates (it never gets near).
MAX_DRAWS = 500


def _choice(rng, options):
    return options[int(rng.random() * len(options))]


def _vote(rng):
    # The others' votes share a unit (2 or 3), so their totals skip numbers; when the quota
    # is one of the totals they can make, Kestrel's single vote often never decides.
    unit = int(pick(rng, 2, 3, 1))
    others = [unit * int(pick(rng, 1, 4, 1)) for _ in OTHER_MEMBERS]
    if rng.random() < 0.3:  # one odd-sized member gives a small vote a chance to swing
        others[int(rng.random() * len(others))] += 1
    total = sum(others) + 1
    quota = int(pick(rng, total // 2 + 1, total - 2, 1))
    if rng.random() < 0.6:  # round the quota down to a multiple of the unit
        quota = max(quota - quota % unit, total // 2 + 1)
    return (*zip(OTHER_MEMBERS, others, strict=True), (YOU, 1)), quota


def _tactics(rng, borealis, harrow, atlas, above):
    calm = _choice(rng, ("calm_harrow", "calm_borealis"))
    fouls = ("fake_bid", "inflated_harrow", "planning_committee", "bought_costs")
    foul = _choice(rng, [k for k in fouls if frozenset({calm, k}) not in CLASHES])
    if rng.random() < 0.5:  # a threat Kestrel would carry out ...
        threat = round(borealis * pick(rng, 0.8, 0.9, 0.05), -3)
    else:  # ... or one it would not: a price between Borealis's value and Atlas's
        threat = round(borealis + (atlas - borealis) * pick(rng, 0.3, 0.7, 0.1), -3)
    amounts = {
        calm: 0.0,
        "borealis_threat": threat,
        "limit_claim": round(above * pick(rng, 1.2, 1.5, 0.1), -3),
        foul: {
            "fake_bid": round(borealis * pick(rng, 1.1, 1.3, 0.05), -3),
            "inflated_harrow": round(harrow * pick(rng, 1.5, 2.0, 0.1), -3),
        }.get(foul, 0.0),
    }
    kinds = list(amounts)
    rng.shuffle(kinds)
    tactics = []
    for letter, kind in zip("ABCD", kinds, strict=True):
        party, _, text = TACTICS[kind]
        text = text.format(amount=money(amounts[kind]), harrow=money(harrow))
        tactics.append(Tactic(letter, kind, amounts[kind], party, text))
    return tuple(tactics)


def _candidate(rng, learner):
    """One draw of every number, before the invariants are checked."""
    atlas = float(pick(rng, 60_000, 120_000, 5_000))
    ratio = _choice(rng, (0.30, 0.35, 0.40, 0.70, 0.75, 0.80, 0.85, 0.90))
    borealis = float(round(atlas * ratio, -3))
    members, quota = _vote(rng)
    contract = float(pick(rng, 80_000, 200_000, 10_000))
    delta_you = pick(rng, *DELTA_YOU, 0.01)
    delta_them = pick(rng, *DELTA_THEM, 0.01)
    at_table = contract * delta_you * (1 - delta_them) / (1 - delta_you * delta_them)
    # Harrow's offer lands clearly below Kestrel's share at the table for some learners
    # (then it changes nothing) and clearly above for others (then it sets the deal).
    harrow_ratio = _choice(rng, (0.5, 0.6, 0.7, 0.8, 1.2, 1.3, 1.4, 1.5))
    outside = float(round(at_table * harrow_ratio, -3))
    equilibrium = max(at_table, outside)
    granite = float(round(equilibrium * _choice(rng, (0.6, 0.7, 0.8, 0.85, 1.1, 1.2, 1.3)), -3))
    scenario = KestrelPower(
        module="03_power",
        learner=learner,
        atlas_value=atlas,
        borealis_value=borealis,
        atlas_proposal=0.0,
        members=members,
        quota=quota,
        contract_value=contract,
        delta_you=delta_you,
        delta_them=delta_them,
        outside_offer=outside,
        granite_offer=granite,
        corvid_value=float(
            round(
                borealis + (atlas - borealis) * _choice(rng, (-0.4, -0.2, 0.3, 0.5, 0.7, 0.9)), -3
            )
        ),
        delta_with_loan=round(min(DELTA_LOAN, delta_you + pick(rng, 0.02, 0.06, 0.01)), 2),
        harrow_raised=float(round(outside * pick(rng, 1.2, 1.8, 0.1), -3)),
        # a claimed limit above both what Kestrel would accept and what Granite offers
        tactics=_tactics(rng, borealis, outside, atlas, max(equilibrium, granite)),
    )
    return replace(scenario, atlas_proposal=float(round(kestrel_shapley(scenario), -2)))


def drawn(rng, learner):
    """The learner's scenario, and the flaws of each candidate thrown away on the way."""
    rejected = []
    for _ in range(MAX_DRAWS):
        candidate = _candidate(rng, learner)
        found = flaws(candidate)
        if not found:
            return candidate, rejected
        rejected.append(found)
    raise RuntimeError(f"no fair module 03 scenario for {learner!r} in {MAX_DRAWS} draws")


def kestrel_power(rng, learner):
    """Draw a learner's scenario, redrawing until it keeps every invariant."""
    return drawn(rng, learner)[0]
