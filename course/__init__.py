"""Leverage: a course on negotiation leverage. Notebooks import from here.

Importing ``course`` is light on purpose (no pandas, no matplotlib, no widgets): a
notebook pays for those only when it opens an exercise that needs them.
"""

from course.variants import learner_id, set_learner, variant


def progress():
    """The course map with the self-checks you have passed on this computer (see
    ``course.course_map``); imported on call, so ``import course`` stays light."""
    from course.course_map import CourseMap

    return CourseMap()


__all__ = ["learner_id", "progress", "set_learner", "variant"]
