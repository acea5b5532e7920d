"""View for module 00 and the workshop: a leverage audit of a case, with news that shifts it."""

import ipywidgets as w

from course.models.audit import (
    ADVICE_STEP,
    SCALE,
    SOURCES,
    describe_balance,
    leverage_balance,
    shifted,
    strengthen_first,
)
from course.pictures import audit_bars
from course.scenarios.leverage import CASES
from course.widgets.guards import RangeGuard

WIDE = {"description_width": "initial"}


class LeverageAudit(w.VBox):
    """Pick a case, rate both sides' information, alternatives and power, and see the
    balance and what to strengthen first; "next news" moves the ratings as the case unfolds."""

    def __init__(self, case="salary"):
        if case not in CASES:
            raise ValueError(f"no case called {case!r}; the cases are {', '.join(CASES)}")
        self._guard = RangeGuard()
        self._loading = False
        self.case = w.Dropdown(
            options=[(c.title, key) for key, c in CASES.items()], value=case, description="case"
        )
        self.case.observe(self._load_case, names="value")
        self.story = w.HTML()
        self.yours = {source: self._slider(f"you: {source}") for source in SOURCES}
        self.theirs = {source: self._slider(f"them: {source}") for source in SOURCES}
        self.next_news = w.Button(description="next news", icon="newspaper-o")
        self.next_news.on_click(self._next_news)
        self.start_again = w.Button(description="start again", icon="undo")
        self.start_again.on_click(lambda _: self._load_case())
        self.news = w.HTML()
        self.chart = w.HTML()
        self.summary = w.HTML()
        self.advice = w.HTML()
        self.status = w.HTML()
        rows = [w.HBox([self.yours[s], self.theirs[s]]) for s in SOURCES]
        super().__init__(
            [
                self.case,
                self.story,
                *rows,
                self.chart,
                self.summary,
                self.advice,
                w.HBox([self.next_news, self.start_again]),
                self.news,
                self.status,
            ]
        )
        self._load_case()

    def _slider(self, label):
        slider = w.IntSlider(min=0, max=int(SCALE), description=label, style=WIDE)
        slider.observe(self.refresh, names="value")
        return self._guard.add(slider, 0, SCALE, label)

    def _set_ratings(self, yours, theirs):
        """Move the sliders without recomputing once per slider."""
        self._loading = True
        for sliders, ratings in ((self.yours, yours), (self.theirs, theirs)):
            for source, slider in sliders.items():
                slider.value = round(ratings[source])
        self._loading = False
        self.refresh()

    def _load_case(self, change=None):
        case = CASES[self.case.value]
        self._news_shown = 0
        self.story.value = (
            f"<p>{case.story}</p><p>You are <b>{case.you}</b>; they are <b>{case.them}</b>. "
            "Rate each source from 0 (none) to 10 (overwhelming).</p>"
        )
        self.news.value = ""
        self.next_news.disabled = False
        self._set_ratings(case.yours, case.theirs)

    def _next_news(self, _=None):
        """Reveal the case's next piece of news and move the rating it touches."""
        case = CASES[self.case.value]
        if self._news_shown >= len(case.news):
            return
        item = case.news[self._news_shown]
        self._news_shown += 1
        ratings = {
            side: {s: sl.value for s, sl in sliders.items()}
            for side, sliders in (("you", self.yours), ("them", self.theirs))
        }
        ratings[item.side] = shifted(ratings[item.side], {item.source: item.change})
        verb = "rises" if item.change > 0 else "falls"
        owner = "your" if item.side == "you" else "their"
        self.news.value += (
            f"<p>📰 {item.text} <i>({owner} {item.source} {verb} by {abs(item.change):g})</i></p>"
        )
        self.next_news.disabled = self._news_shown >= len(case.news)
        self._set_ratings(ratings["you"], ratings["them"])

    def refresh(self, change=None):
        """Recompute the balance, the chart and the advice from the sliders."""
        if self._loading:
            return
        if self._guard.refused(self.status):
            return
        self.status.value = ""
        weights = CASES[self.case.value].weights
        yours = {s: self.yours[s].value for s in SOURCES}
        theirs = {s: self.theirs[s].value for s in SOURCES}
        balance = leverage_balance(yours, theirs, weights)
        self.chart.value = audit_bars(yours, theirs, weights, balance)
        self.summary.value = (
            f"<b>Balance {balance:+.2f}</b>: the table tilts {describe_balance(balance)}."
        )
        ranking = strengthen_first(yours, theirs, weights)
        (first, gain), (second, second_gain) = ranking[0], ranking[1]
        if gain <= 0:
            self.advice.value = "Every source of yours is at the top of the scale: spend it well."
            return
        edge = max(SOURCES, key=lambda s: (theirs[s] - yours[s]) * weights[s])
        self.advice.value = (
            f"<b>Strengthen first: {first}.</b> Raising it by {ADVICE_STEP:g} would move the "
            f"balance by {gain:+.2f} ({second} would give {second_gain:+.2f}). "
            + (
                f"Their biggest weighted edge is {edge}."
                if theirs[edge] > yours[edge]
                else "They lead you on no source."
            )
        )
