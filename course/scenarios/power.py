"""Module 03's scenario: a small firm, Kestrel, with a licence two buyers want, a seat in a
weighted vote, and a contract to close while short of clients."""

from dataclasses import dataclass

from course.scenarios.base import Scenario, pick

YOU = "Kestrel"
BUYERS = ("Atlas", "Borealis")
OTHER_MEMBERS = ("Ironvale", "Marrow", "Quillon", "Tessaly")


@dataclass(frozen=True)
class KestrelPower(Scenario):
    """Kestrel's three situations: a scarce licence, a weighted vote and a contract."""

    atlas_value: float  # what the licence is worth to Atlas (the keener buyer) ...
    borealis_value: float  # ... and to Borealis, the rival buyer
    members: tuple  # the suppliers' association: (name, votes) pairs, Kestrel last
    quota: int  # votes a decision needs
    contract_value: float  # the margin on the Granite contract, to split between the two
    delta_you: float  # what a deal one month later is worth to Kestrel, per unit today
    delta_them: float  # ... and to Granite
    outside_offer: float  # what Kestrel can earn instead, with Harrow, if it walks away

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
        return (
            "You run **Kestrel**, a small components firm. Three situations test your power.\n\n"
            "**1. A licence two buyers want.** Kestrel holds the only licence for a coating "
            f"process. **Atlas** would pay up to {self.atlas_value:,.0f} for it and "
            f"**Borealis** up to {self.borealis_value:,.0f}. There is one licence: whoever "
            "gets it uses it alone, and without Kestrel nobody gets anything.\n\n"
            "**2. A weighted vote.** The regional suppliers' association awards shared "
            f"contracts by weighted vote; a decision needs **{self.quota}** votes.\n\n"
            f"| member | votes |\n|---|---|\n{rows}\n\n"
            "**3. A contract, short of clients.** **Granite**, a large retailer, offers to "
            f"share a contract with a margin of {self.contract_value:,.0f}. Granite proposes "
            "first; after a rejection the other side proposes a month later. A deal a month "
            f"later is worth {self.delta_you:.2f} of the same deal today to Kestrel (you are "
            f"short of work) and {self.delta_them:.2f} to Granite. If talks fail, **Harrow** "
            f"would give Kestrel work worth {self.outside_offer:,.0f}; you can walk away to "
            "it whenever you answer an offer."
        )


def kestrel_power(rng, learner):
    """Draw a learner's numbers: votes where a small member is often powerless, and a
    Harrow offer that sometimes beats Kestrel's share at the table and sometimes not."""
    atlas = float(pick(rng, 60_000, 120_000, 5_000))
    borealis = atlas - pick(rng, 10_000, 45_000, 5_000)
    # The others' votes share a unit (2 or 3), so their totals skip numbers; when the quota
    # is one of the totals they can make, Kestrel's single vote often never decides.
    unit = int(pick(rng, 2, 3, 1))
    others = [unit * int(pick(rng, 1, 4, 1)) for _ in OTHER_MEMBERS]
    if rng.random() < 0.3:  # one odd-sized member gives the small vote a chance to swing
        others[int(rng.random() * len(others))] += 1
    yours = 1
    total = sum(others) + yours
    quota = int(pick(rng, total // 2 + 1, total - 2, 1))
    if rng.random() < 0.6:  # round the quota down to a multiple of the unit
        quota = max(quota - quota % unit, total // 2 + 1)
    contract = float(pick(rng, 80_000, 200_000, 10_000))
    delta_you = pick(rng, 0.6, 0.85, 0.05)
    delta_them = pick(rng, 0.9, 0.98, 0.01)
    # Harrow's offer lands around Kestrel's share at the table: below it for some learners
    # (then it changes nothing), above it for others (then it sets the deal).
    at_table = contract * delta_you * (1 - delta_them) / (1 - delta_you * delta_them)
    outside = round(at_table * pick(rng, 0.5, 1.5, 0.1), -3)
    return KestrelPower(
        module="03_power",
        learner=learner,
        atlas_value=atlas,
        borealis_value=borealis,
        members=(*zip(OTHER_MEMBERS, others, strict=True), (YOU, yours)),
        quota=quota,
        contract_value=contract,
        delta_you=delta_you,
        delta_them=delta_them,
        outside_offer=outside,
    )
