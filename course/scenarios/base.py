"""What every scenario shares: a learner, a fingerprint and a stamped display."""

import math
from dataclasses import dataclass

from course.variants import VARIANT_MIME, fingerprint

#: How many draws a scenario generator makes before it gives up. Every module's fair draws
#: are common enough that a learner needing more is beyond any real chance (the rarest,
#: module 01's, is about 1 in 35: 1,000 misses in a row come about once in 10^12 learners);
#: the bound is there for a kernel whose code changed the rules a draw is checked by
#: (a learner who replaced ``math.isclose``), where an unbounded redraw never ends and
#: every check waits for ever.
MAX_DRAWS = 1_000


class NoFairDraw(RuntimeError):
    """A generator made ``MAX_DRAWS`` draws and every one broke a rule."""

    def __init__(self, module, learner=None):
        whose = "" if learner is None else f" for {learner!r}"
        super().__init__(
            f"no fair {module} scenario{whose} in {MAX_DRAWS:,} draws: every draw "
            "broke a rule, which only happens when code in this kernel changed what the "
            "rules rely on (math, numpy or the course itself). Restart the kernel and run "
            "the notebook from the top."
        )


def pick(rng, low, high, step):
    """A value from ``low`` to ``high`` (both included) in steps of ``step``, drawn from ``rng``."""
    count = round((high - low) / step) + 1
    value = low + step * math.floor(rng.random() * count)
    return round(value, 10)


#: The card's tables hold long names (`offers.freelance_no_renewal`): on a phone their words
#: break anywhere rather than push the card past the screen's edge (issue 19). A style is
#: what JupyterLab's sanitizer keeps of the card's HTML.
FITS = '<div style="overflow-wrap:anywhere">'


def fitting(markdown):
    """``markdown`` (or HTML) inside a block whose words may break anywhere (``FITS``)."""
    return f"{FITS}\n\n{markdown}\n\n</div>"


@dataclass(frozen=True)
class Scenario:
    """Base for a module's scenario: knows its module and learner and stamps its display."""

    module: str
    learner: str

    @property
    def fingerprint(self):
        """A short code naming this variant; two learners see different codes."""
        return fingerprint(self.module, self.learner)

    def story(self):
        """The scenario told in words, as Markdown; each module writes its own."""
        raise NotImplementedError

    def _repr_mimebundle_(self, include=None, exclude=None):
        stamp = {"module": self.module, "learner": self.learner, "fingerprint": self.fingerprint}
        heading = f"*Your scenario — learner `{self.learner}`, variant `{self.fingerprint}`*\n\n"
        return {
            "text/markdown": fitting(heading + self.story()),
            "text/plain": f"{type(self).__name__} for {self.learner} ({self.fingerprint})",
            VARIANT_MIME: stamp,
        }


class MultiIssue:
    """What a scenario of several issues shares (modules 04 and 05): it holds ``yours`` and
    ``theirs``, each issue -> {level: points}, levels from best for you to best for them."""

    @property
    def issues(self):
        """The issues and their levels, from best for you to best for the other side."""
        return {issue: tuple(levels) for issue, levels in self.yours.items()}

    def points_table(self):
        """The issues as a Markdown table: each level with its points *for you / for them*."""
        width = max(len(levels) for levels in self.issues.values())
        header = "| issue | " + " | ".join(f"level {n}" for n in range(1, width + 1)) + " |\n"
        rows = "\n".join(
            f"| {issue} | "
            + " | ".join(
                f"{level}: {self.yours[issue][level]:g} / {self.theirs[issue][level]:g}"
                for level in levels
            )
            + " |" * (width + 1 - len(levels))
            for issue, levels in self.issues.items()
        )
        return header + "|---" * (width + 1) + "|\n" + rows
