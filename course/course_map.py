"""The course at a glance: what each module teaches, how long it takes, and how far the
learner has got in its self-checks (from ``course.record``, never used for grading)."""

from dataclasses import dataclass
from html import escape

from course.record import passed_checks
from course.scenarios.base import fitting


@dataclass(frozen=True)
class Module:
    """One module (an nbgrader assignment) as the map shows it."""

    folder: str
    title: str
    teaches: str
    minutes: int
    questions: tuple  # the self-checks of its graded questions, in the notebook's order


MODULES = (
    Module(
        "00_leverage",
        "Leverage",
        "what leverage is and why it moves; its three sources; auditing both sides and "
        "what the audit cannot show; a plan of preparation under a time budget, trust "
        "included; re-auditing as news arrives and when to make an ask; the ethics of "
        "leverage",
        360,
        (
            "classify_facts",
            "my_audit",
            "best_plan",
            "reach_plan",
            "news_moves",
            "reaudit",
            "classify_tactics",
        ),
    ),
    Module(
        "01_information",
        "Information",
        "reading openings, news and concessions as signals (Bayes), pricing against "
        "beliefs and where that model holds, the value of perfect and fallible information, "
        "anchors, what to share, fair and foul ways to use information",
        420,
        (
            "belief_after_opening",
            "news_likelihood",
            "reservation_from_concessions",
            "wren_price",
            "my_price",
            "holds_before_moving",
            "model_limits",
            "information_pays",
            "report_decision",
            "fair_play",
        ),
    ),
    Module(
        "02_batna",
        "Alternatives (BATNA)",
        "the worth of uncertain alternatives (expected value, certainty equivalent), your "
        "BATNA, reservation price and target, the other side's alternatives and the ZOPA, "
        "accept / ask for remote days / counter / walk away, mentioning alternatives "
        "honestly and when to, the Nash split against outside options and which one fits",
        405,
        (
            "startup_tree",
            "choose_batna",
            "reservation_salary",
            "northwind_zopa",
            "target_salary",
            "respond_to_offer",
            "label_statements",
            "batna_needed",
            "delay_drives_agreement_for",
            "batna_when",
        ),
    ),
    Module(
        "03_power",
        "Power",
        "dependence, a scarce resource priced two ways (Shapley value and core), voting "
        "power, patience (Rubinstein), outside options against the Nash split, which move "
        "builds power most, what to say and what to keep to yourself, legitimate and "
        "illegitimate power, the bases of power and who depends on whom",
        480,
        (
            "power_sources",
            "licence_floor",
            "buy_votes_from",
            "licence_reply",
            "rig_prices",
            "signing_terms",
            "granite_reply",
            "best_lever",
            "rate_tactics",
            "harrow_move",
        ),
    ),
    Module(
        "04_concessions",
        "Concessions",
        "grounded first offers and answering an anchor, concession patterns, reciprocity, "
        "logrolling and the Pareto frontier, equivalent offers, accepting, countering and "
        "walking away, meeting the same counterpart again",
        420,
        (
            "opening",
            "concession_plan",
            "tit_for_tat",
            "next_trade",
            "landing",
            "meso",
            "read_pick",
            "respond",
            "relationship_reservation",
        ),
    ),
    Module(
        "05_capstone",
        "Capstone",
        "everything together: prepare a multi-issue case (BATNA and a step that strengthens "
        "it, beliefs from a signal, an audit of both sides, an opening with a MESO, "
        "what to say, a concession plan and your move after each of Marlow's replies), "
        "negotiate it against a bot, meet it again, debrief against your plan",
        540,
        (
            "my_batna",
            "my_reservation",
            "marlow_beliefs",
            "my_audit",
            "opening_offer",
            "what_to_say",
            "concession_plan",
            "table_moves",
        ),
    ),
)


class CourseMap:
    """The map as a table, with each module's self-checks passed so far; shown by Jupyter."""

    def __init__(self, modules=MODULES, record=None):
        self.modules = modules
        self.record = passed_checks() if record is None else record

    def done(self, module):
        """The questions of ``module`` whose self-check has passed, in the notebook's order."""
        passed = self.record.get(module.folder, {})
        return [question for question in module.questions if question in passed]

    def rows(self):
        """One dict per module: folder, title, teaches, minutes, passed, questions, next."""
        rows = []
        for module in self.modules:
            done = self.done(module)
            todo = [question for question in module.questions if question not in done]
            rows.append(
                {
                    "folder": module.folder,
                    "title": module.title,
                    "teaches": module.teaches,
                    "minutes": module.minutes,
                    "passed": len(done),
                    "questions": len(module.questions),
                    "next": todo[0] if todo else None,
                }
            )
        return rows

    def _repr_html_(self):
        lines = []
        for row in self.rows():
            status = f"{row['passed']} of {row['questions']} self-checks passed"
            if row["next"]:
                status += f"; next: <code>{escape(row['next'])}</code>"
            lines.append(
                f"<tr><td><b>{escape(row['folder'])}</b><br>{escape(row['title'])}</td>"
                f"<td>{escape(row['teaches'])}</td><td>{row['minutes']} min</td>"
                f"<td>{status}</td></tr>"
            )
        total = sum(row["minutes"] for row in self.rows())
        return fitting(
            "<table><thead><tr><th>module</th><th>what it teaches</th><th>time</th>"
            f"<th>your progress</th></tr></thead><tbody>{''.join(lines)}</tbody></table>"
            f"<p>About {total // 60} h {total % 60} min in all. Progress counts the self-checks "
            "you have passed on this computer; your grade comes only from your submitted "
            "notebooks.</p>"
        )

    def __repr__(self):
        return "\n".join(
            f"{row['folder']:16} {row['passed']}/{row['questions']} self-checks passed"
            for row in self.rows()
        )


@dataclass(frozen=True)
class Idea:
    """One of the ideas every learner must meet (CONTENT.md), and where the course teaches
    and exercises it: ``taught`` holds (module, section grade_id, a phrase the section
    uses), ``exercised`` holds (module, grade_id of a graded check or a widget cell)."""

    number: int
    summary: str
    taught: tuple
    exercised: tuple


IDEAS = (
    Idea(
        1,
        "leverage tilts the outcome; it is not fixed: built, recognised, spent",
        (
            ("00_leverage", "what-teaching", "not fixed"),
            ("00_leverage", "shift-teaching", "re-audit"),
            ("03_power", "levers-teaching", "Leverage is not fixed"),
            # review 102: the closing "leverage shifts as facts come to light" was cut as a
            # weak clause; the section's heading says the same of news
            ("01_information", "news-teaching", "News changes the balance"),
            ("05_capstone", "leverage-teaching", "before anyone"),
        ),
        (
            ("00_leverage", "audit-widget"),
            ("02_batna", "news-quiz"),
            ("00_leverage", "news-moves-test"),
            ("00_leverage", "reaudit-test"),
            ("03_power", "best-lever-test"),
            ("01_information", "news-likelihood-test"),
            ("01_information", "my-price-test"),
            ("05_capstone", "marlow-beliefs-test"),
        ),
    ),
    Idea(
        2,
        "information: the other side's needs, deadlines and weaknesses",
        (
            (
                "00_leverage",
                "sources-teaching",
                # review 110 C1 (round 111): the side note's waiting sentence now points to
                # section 5; what idea 2 needs from it is that knowing a deadline is information
                "knowing the other side's deadline",
            ),
            ("01_information", "why-teaching", "deadline"),
            ("01_information", "bayes-teaching", "Bayes"),
            ("01_information", "news-teaching", "news"),
        ),
        (
            ("00_leverage", "fact-leverage-test"),
            ("01_information", "belief-after-opening-test"),
            ("01_information", "news-likelihood-test"),
            ("01_information", "reservation-from-concessions-test"),
            ("01_information", "model-limits-test"),
            ("01_information", "report-decision-test"),
            ("05_capstone", "marlow-beliefs-test"),
            ("05_capstone", "what-to-say-test"),
        ),
    ),
    Idea(
        3,
        "alternatives: the BATNA; several offers make an ask credible",
        (
            ("02_batna", "ev-teaching", "Getting to Yes"),
            ("02_batna", "choose-teaching", "job offers"),
            ("02_batna", "zopa-teaching", "other side's alternatives"),
            ("02_batna", "nash-teaching", "outside option"),
        ),
        (
            ("02_batna", "batna-builder"),
            ("02_batna", "choose-batna-test"),
            ("02_batna", "reservation-salary-test"),
            ("02_batna", "northwind-zopa-test"),
            ("02_batna", "model-quiz"),
            ("02_batna", "batna-needed-test"),
            ("02_batna", "walk-any-time-for-test"),
            ("03_power", "granite-reply-test"),
            ("05_capstone", "my-batna-test"),
            ("05_capstone", "my-reservation-test"),
        ),
    ),
    Idea(
        4,
        "power: authority, influence, control of a resource, monopoly",
        (
            ("03_power", "sources-teaching", "power"),
            ("03_power", "sources-teaching", "influence"),
            ("03_power", "sources-teaching", "monopoly"),
            ("03_power", "shapley-teaching", "Shapley"),
            ("03_power", "core-teaching", "core"),
            ("03_power", "outside-teaching", "outside option"),
            ("03_power", "voting-teaching", "votes"),
            ("05_capstone", "audit-teaching", "dependence"),
        ),
        (
            ("03_power", "power-sources-test"),
            ("03_power", "power-explorer"),
            ("03_power", "licence-floor-test"),
            ("03_power", "votes-needed-test"),
            ("03_power", "rig-prices-test"),
            ("03_power", "granite-reply-test"),
            ("05_capstone", "my-audit-test"),
        ),
    ),
    Idea(
        5,
        "strengthening leverage before the table: information, alternatives, trust",
        (
            ("00_leverage", "build-teaching", "trust"),
            ("00_leverage", "plan-judgement-text", "trust"),
            ("04_concessions", "meet-again-teaching", "trust"),
            ("01_information", "voi-teaching", "perfect information"),
            ("02_batna", "reflection-text", "strengthen"),
            ("05_capstone", "letter-teaching", "strengthen"),
        ),
        (
            ("00_leverage", "reach-plan-test"),
            ("03_power", "best-lever-test"),
            ("04_concessions", "relationship-test"),
            ("01_information", "voi-explorer"),
            ("01_information", "information-pays-test"),
            ("01_information", "report-decision-test"),
            ("05_capstone", "my-reservation-test"),
        ),
    ),
    Idea(
        6,
        "using it: anchor with a grounded first offer, be subtle, align, be ready to walk away",
        (
            ("04_concessions", "opening-teaching", "anchor"),
            ("04_concessions", "opening-teaching", "only as a fact"),
            ("04_concessions", "trades-teaching", "logrolling"),
            ("04_concessions", "meso-teaching", "equivalent"),
            ("01_information", "anchor-teaching", "anchor"),
            ("01_information", "guard-teaching", "without threatening"),
            ("03_power", "using-teaching", "threat"),
            ("03_power", "using-teaching", "illegitimate"),
            ("03_power", "using-teaching", "keep any other private"),
            ("02_batna", "decide-teaching", "walk away"),
            ("02_batna", "honest-teaching", "mention an alternative"),
            ("05_capstone", "opening-teaching", "MESO"),
            ("05_capstone", "say-teaching", "not a threat"),
        ),
        (
            ("02_batna", "respond-to-offer-test"),
            ("02_batna", "label-statements-test"),
            ("02_batna", "target-salary-test"),
            ("04_concessions", "opening-test"),
            ("04_concessions", "concession-plan-test"),
            ("04_concessions", "tit-for-tat-test"),
            ("04_concessions", "meso-test"),
            ("04_concessions", "arena"),
            ("03_power", "licence-reply-test"),
            ("03_power", "rate-tactics-test"),
            ("03_power", "harrow-move-test"),
            ("01_information", "my-price-test"),
            ("01_information", "reservation-from-concessions-test"),
            ("01_information", "wren-price-test"),
            ("01_information", "fair-play-test"),
            ("01_information", "model-limits-test"),
            ("05_capstone", "opening-offer-test"),
            ("05_capstone", "what-to-say-test"),
            ("05_capstone", "table"),
        ),
    ),
    Idea(
        7,
        "difficult moments: composure, no rushed concession, every give brings something back, "
        "walk away without burning the bridge",
        (
            ("04_concessions", "difficult-teaching", "walk away"),
            ("04_concessions", "meet-again-teaching", "leaves the door open"),
            ("04_concessions", "trades-teaching", "concede only what closes the deal"),
            ("02_batna", "decide-teaching", "extreme opening. Stay calm"),
            ("05_capstone", "plan-teaching", "never into silence"),
        ),
        (
            ("02_batna", "respond-to-offer-test"),
            ("04_concessions", "respond-test"),
            ("04_concessions", "relationship-test"),
            ("04_concessions", "next-trade-test"),
            ("04_concessions", "planner"),
            ("04_concessions", "difficult-moment"),
            ("05_capstone", "concession-plan-test"),
            ("05_capstone", "table-moves-test"),
        ),
    ),
)


def questions(folder):
    """The self-checks of ``folder``'s graded questions, in the notebook's order."""
    for module in MODULES:
        if module.folder == folder:
            return module.questions
    raise ValueError(
        f"no module {folder!r}; the modules are {', '.join(m.folder for m in MODULES)}"
    )
