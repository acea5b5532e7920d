"""A workshop app's page (issue 19): its title and one line saying what to do, for people
who write no code, around the app's view, laid out for a laptop, a phone and a projector.

The title and the line come from the workshop's list of apps (``APPS`` and ``TASKS`` in
``course.workshop.server``), as on the landing page. The style is scoped to the page's
class, so the same views in a notebook keep JupyterLab's compact look.
"""

from html import escape

import ipywidgets as w

from course.workshop.server import APPS, TASKS, split_title

#: Touch targets of 44 px, rows that wrap on a narrow screen (buttons keep their words,
#: labels go above their boxes), nothing wider than the screen, and charts that shrink.
STYLE = """<style>
.leverage-app { max-width: 60em; font-size: 16px; }
.leverage-app h1 { font-size: 1.75em; line-height: 1.2; margin: 0 0 .25em; }
.leverage-app .app-task { font-size: 1.1em; margin: 0 0 1em; }
.leverage-app .widget-button, .leverage-app .widget-toggle-button,
.leverage-app .widget-text input, .leverage-app .widget-password input,
.leverage-app .leverage-text input, .leverage-app select,
.leverage-app .widget-dropdown > select {
  min-height: 44px; height: auto; font-size: 16px; }
.leverage-app .widget-button, .leverage-app .widget-toggle-button {
  width: auto; min-width: 44px; flex: 0 0 auto; padding: 0 14px; }
.leverage-app .widget-hbox { flex-wrap: wrap; gap: 4px 8px; align-items: flex-end; }
.leverage-app .widget-inline-hbox { flex-wrap: wrap; max-width: 100%; height: auto; }
.leverage-app .widget-inline-hbox .widget-label {
  width: auto !important; max-width: 100%; white-space: normal; text-align: left;
  line-height: 1.4; margin-right: 8px; }
.leverage-app .widget-text, .leverage-app .widget-password, .leverage-app .widget-dropdown,
.leverage-app .leverage-text { width: 100%; max-width: 26em; font-size: 16px; }
.leverage-app .widget-text input, .leverage-app .widget-dropdown > select {
  flex: 1 1 12em; min-width: 0; }
.leverage-app .widget-html, .leverage-app .widget-html-content {
  max-width: 100%; height: auto; white-space: normal; overflow-wrap: anywhere;
  line-height: 1.5; }
.leverage-app svg { max-width: 100%; height: auto; }
.leverage-app table { border-collapse: collapse; max-width: 100%; }
.leverage-app td, .leverage-app th { padding: 4px 8px; border-bottom: 1px solid #ccc;
  text-align: left; vertical-align: top; }
.leverage-app a[href] { display: inline-block; min-height: 44px; line-height: 44px; }
</style>"""


class AppPage(w.VBox):
    """``view`` under the title and the line of the app ``notebook`` (a key of ``APPS``).

    Its plain-text form (what Voila writes into the page's HTML before the widgets are
    drawn) names the app and its view, not the page's style sheet."""

    def __init__(self, notebook, view):
        self.notebook, self.view = notebook, view
        title, _ = split_title(APPS[notebook])
        task = TASKS.get(notebook, "")
        header = w.HTML(
            f"{STYLE}<h1>{escape(title)}</h1>"
            + (f"<p class='app-task'>{escape(task)}</p>" if task else "")
        )
        super().__init__([header, view])
        self.add_class("leverage-app")

    def __repr__(self):
        return f"{type(self).__name__}({self.notebook!r}, {self.view!r})"
