"""What every scenario shares: a learner, a fingerprint and a stamped display."""

import math
from dataclasses import dataclass

from course.variants import VARIANT_MIME, fingerprint


def pick(rng, low, high, step):
    """A value from ``low`` to ``high`` (both included) in steps of ``step``, drawn from ``rng``."""
    count = round((high - low) / step) + 1
    value = low + step * math.floor(rng.random() * count)
    return round(value, 10)


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
            "text/markdown": heading + self.story(),
            "text/plain": f"{type(self).__name__} for {self.learner} ({self.fingerprint})",
            VARIANT_MIME: stamp,
        }
