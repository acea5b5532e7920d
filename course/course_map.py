"""The course at a glance: what each module teaches, how long it takes, and how far the
learner has got in its self-checks (from ``course.record``, never used for grading)."""

from dataclasses import dataclass
from html import escape

from course.record import passed_checks


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
        "what leverage is and why it moves; its three sources; auditing both sides; "
        "strengthening your position before the table",
        40,
        ("classify_facts", "stronger_side", "best_preparation"),
    ),
    Module(
        "01_information",
        "Information",
        "reading signals, updating beliefs about their limit (Bayes), pricing against "
        "beliefs, the value of information, anchors, guarding your own information",
        45,
        ("opening_likelihood", "belief_after_opening", "best_ask", "report_worth_buying"),
    ),
    Module(
        "02_batna",
        "Alternatives (BATNA)",
        "the worth of uncertain alternatives, your BATNA, reservation price, the ZOPA, "
        "the Nash split and why a better BATNA earns more",
        45,
        ("startup_tree", "choose_batna", "reservation_salary", "northwind_zopa", "batna_needed"),
    ),
    Module(
        "03_power",
        "Power",
        "dependence, the Shapley value of a scarce resource, voting power, patience "
        "(Rubinstein), when an outside option counts",
        50,
        ("market_game", "rival_worth", "powerless_members", "votes_needed", "granite_deal"),
    ),
    Module(
        "04_concessions",
        "Concessions",
        "first offers, concession tactics, reciprocity, trade ratios, logrolling and the "
        "Pareto frontier, difficult moments and walking away",
        50,
        ("my_offer", "pareto_packages", "trade_ratio_of", "respond"),
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
        return (
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


def progress():
    """The course map with the self-checks you have passed on this computer: call
    ``course.progress()`` in any notebook."""
    return CourseMap()
