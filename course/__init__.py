"""Leverage: a course on negotiation leverage. Notebooks import from here.

Importing ``course`` is light on purpose (no pandas, no matplotlib, no widgets): a
notebook pays for those only when it opens an exercise that needs them.
"""

from course.course_map import progress
from course.variants import learner_id, set_learner, variant

__all__ = ["learner_id", "progress", "set_learner", "variant"]
