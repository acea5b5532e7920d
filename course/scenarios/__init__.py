"""The scenario each module's graded questions are asked on, drawn per learner.

``SCENARIOS`` maps a module name to a factory ``(rng, learner) -> scenario``; see
``course.variants`` for how the generator is seeded and who the learner is.
"""

from course.scenarios.batna import job_offers
from course.scenarios.capstone import capstone_case
from course.scenarios.concessions import kite_contract
from course.scenarios.information import machine_sale
from course.scenarios.leverage import leverage_audit
from course.scenarios.power import kestrel_power

SCENARIOS = {"02_batna": job_offers, "01_information": machine_sale, "03_power": kestrel_power}
SCENARIOS["04_concessions"] = kite_contract
SCENARIOS["00_leverage"] = leverage_audit
SCENARIOS["05_capstone"] = capstone_case
