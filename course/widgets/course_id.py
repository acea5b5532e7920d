"""The form a notebook shows when it does not know the learner's course id yet.

A learner's first sight of the course must not be a traceback. ``course.variant`` returns
a stand-in scenario when no course id is known (``course.variants.PendingScenario``);
displaying it shows this form. The learner types the id their instructor gave them and
presses Enter (or the button): the id is remembered on this computer
(``course.set_learner``) and their scenario appears below the form.
"""

from html import escape

import ipywidgets as w

from course.variants import set_learner


class CourseIdForm(w.VBox):
    """A text box for the course id, a button, and a line saying what happened.

    ``show_scenario`` is called once the id is saved and returns what to display below the
    form (the learner's scenario); any ``ValueError``/``TypeError`` from saving the id is
    shown in plain words and nothing is saved.
    """

    def __init__(self, show_scenario):
        self.show_scenario = show_scenario
        self.course_id = w.Text(
            placeholder="the id your instructor gave you",
            description="Your course id",
            continuous_update=False,
            style={"description_width": "initial"},
        )
        self.start = w.Button(description="Start", button_style="primary", icon="play")
        self.status = w.HTML(
            "<p>This notebook draws numbers of your own, so it needs your course id. "
            "Type it and press Enter; you only do this once on this computer.</p>"
        )
        self.scenario = w.Output()
        self.course_id.observe(lambda change: self.save(), names="value")
        self.start.on_click(lambda button: self.save())
        super().__init__([self.status, w.HBox([self.course_id, self.start]), self.scenario])

    def save(self):
        """Remember the typed id and show the scenario, or say what is wrong with it."""
        typed = self.course_id.value.strip()
        if not typed:
            self.status.value = "<p>Type your course id first.</p>"
            return
        try:
            learner = set_learner(typed)
        except (TypeError, ValueError) as error:
            self.status.value = f"<p role='alert'>That id cannot be used: {escape(str(error))}.</p>"
            return
        self.course_id.disabled = self.start.disabled = True
        self.status.value = (
            f"<p role='status'>Saved: you are <b>{escape(learner)}</b>. Your scenario is "
            "below. Now run the rest of the notebook (menu Run, then Run All Cells).</p>"
        )
        with self.scenario:
            from IPython.display import display

            display(self.show_scenario())
