"""View for module 00 and the workshop: a leverage audit of a case, with news that shifts it.

The learner sets both sides' ratings and the weights; each piece of news is shown first as
text, the learner says which rating it moves and which way, and only then is it applied,
with what it actually did to the rating and to the side ahead.
"""

import ipywidgets as w

from course.models.audit import (
    ADVICE_STEP,
    ANSWERED_BY,
    SCALE,
    SOURCES,
    _who_leads,
    describe_balance,
    possessive,
    reading_verdict,
    shifted,
    signed,
    strengthen_first,
    their_biggest_leads,
    weighted_leverage,
)
from course.pictures import audit_bars
from course.scenarios.leverage import (
    CASES,
    LEAST_RATING,
    WEIGHT_CAP,
    WEIGHT_FLOOR,
    news_reading,
    news_texts,
    news_weakens,
)
from course.widgets.controls import IntSlider
from course.widgets.guards import RangeGuard, message

WIDE = {"description_width": "initial"}

#: Weights are set as whole "importance" units per source and shown as shares of their
#: total, so the three always add up to 1; a case's weights (multiples of 0.05) are exact.
IMPORTANCE_TOP = 20

#: The least a weight slider gives (review 110 U5: it gave 0, which question 2 refuses):
#: 2 units of 20 are question 2's floor of 0.1 when the three add up to 20, as every case's
#: weights do when loaded. Units set higher elsewhere can still make a share smaller, so
#: the summary says when a shown share is one question 2 refuses (``_outside_question_2``).
LEAST_WEIGHT_UNITS = 2

#: The ratings a piece of news can move, as the prediction menu lists them.
RATINGS = [
    (f"{'your' if side == 'you' else 'their'} {source}", f"{side}:{source}")
    for side in ("you", "them")
    for source in SOURCES
]


def moved_words(side, source, before, change, after):
    """What a move of ``change`` did to one rating, ``before`` -> ``after``, in words that
    are true at the ends of the scale: a cap or a floor is named only when it cut the move
    short."""
    name = f"{possessive(side)} {source} rating"
    if after == before:
        end = "top" if before >= SCALE else "bottom"
        return f"{name} stays at {before:g}: it is already at the {end} of the scale"
    verb = "rises" if after > before else "falls"
    words = f"{name} {verb} from {before:g} to {after:g}"
    if after != before + change:
        return words + (f" (capped at {SCALE:g})" if after >= SCALE else " (floored at 0)")
    return words


#: Who was ahead before a news item, and who is ahead after it, in words.
WERE_AHEAD = {"you": "You were ahead", "them": "They were ahead", "even": "The sides were even"}
ARE_AHEAD = {"you": "you are ahead", "them": "they are ahead", "even": "the sides are even"}


def _graded_texts(scenario):
    """The texts of the news items question 4a grades for ``scenario`` (none for ``None``)."""
    return frozenset(text for text, _ in scenario.news.values()) if scenario else frozenset()


class LeverageAudit(w.VBox):
    """Pick a case, rate both sides' information, alternatives and power, weigh the
    sources, and read the balance and what to strengthen; "next news" plays the case's
    news, asking first which rating each item moves."""

    def __init__(self, case="salary", without_news_of=None):
        """The widget plays only each case's practice news (``news_texts``), which no
        learner is graded on, so whatever learner the kernel claims, no reading it gives is
        a graded answer; it never plays question 4a's practice news, so that it answers no
        item ``practice_news()`` judges; it also leaves out the news of ``without_news_of``,
        a module 00 scenario, if given (none of it is practice news)."""
        if case not in CASES:
            raise ValueError(f"no case called {case!r}; the cases are {', '.join(CASES)}")
        self._also_out = _graded_texts(without_news_of)
        self._guard = RangeGuard()
        self._loading = False
        self._pending = None  # the text of the news item shown but not yet applied
        self.case = w.Dropdown(
            options=[(c.title, key) for key, c in CASES.items()], value=case, description="case"
        )
        self.case.observe(self._load_case, names="value")
        self.story = w.HTML()
        self.yours = {s: self._slider(f"your {s}", SCALE, LEAST_RATING) for s in SOURCES}
        self.theirs = {s: self._slider(f"their {s}", SCALE, LEAST_RATING) for s in SOURCES}
        self.weights = {
            s: self._slider(
                f"weight of {s} ({LEAST_WEIGHT_UNITS}–{IMPORTANCE_TOP} units)",
                IMPORTANCE_TOP,
                LEAST_WEIGHT_UNITS,
                guard_least=LEAST_WEIGHT_UNITS,
            )
            for s in SOURCES
        }
        self.next_news = w.Button(description="next news", icon="newspaper-o")
        self.next_news.on_click(self._next_news)
        self.start_again = w.Button(description="start again", icon="undo")
        self.start_again.on_click(lambda _: self._load_case())
        self.rating = w.Dropdown(options=RATINGS, description="it moves", style=WIDE)
        self.direction = w.ToggleButtons(options=["up", "down"], description="which way")
        self.check_reading = w.Button(description="check my reading", icon="check")
        self.check_reading.on_click(self._apply_news)
        self.reading = w.HBox([self.rating, self.direction, self.check_reading])
        self.news = w.HTML()
        self.chart = w.HTML()
        self.summary = w.HTML()
        self.advice = w.HTML()
        self.status = w.HTML()
        # three sliders to a row on a laptop, wrapping to one a row on a phone
        wrap = {"flex_flow": "row wrap"}
        rows = [
            w.HBox([self.yours[s], self.theirs[s], self.weights[s]], layout=wrap) for s in SOURCES
        ]
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
                self.reading,
                self.status,
            ]
        )
        self._load_case()

    def _slider(self, label, top, least=0, guard_least=0):
        """A slider from ``least`` (a rating's is LEAST_RATING, as in question 2; a weight's
        LEAST_WEIGHT_UNITS) to ``top``; its guard allows ``guard_least``: 0 for a rating,
        where news (``shifted``) can take one, a weight's least for a weight."""
        slider = IntSlider(min=least, max=int(top), value=least, description=label)
        slider.observe(self.refresh, names="value")
        return self._guard.add(slider, guard_least, top, label)

    def _ratings(self):
        return (
            {s: self.yours[s].value for s in SOURCES},
            {s: self.theirs[s].value for s in SOURCES},
        )

    def _weights(self):
        """The weights as shares of the importance units, or None when all are 0."""
        points = {s: self.weights[s].value for s in SOURCES}
        total = sum(points.values())
        return {s: points[s] / total for s in SOURCES} if total else None

    def _set(self, yours, theirs, weights=None):
        """Move the sliders without recomputing once per slider."""
        self._loading = True
        for sliders, ratings in ((self.yours, yours), (self.theirs, theirs)):
            for source, slider in sliders.items():
                # a rating is set from LEAST_RATING; only news takes one lower, which the
                # slider then shows (its least goes back up when a case is loaded)
                value = round(ratings[source])
                slider.min = min(LEAST_RATING, value)
                slider.value = value
        if weights is not None:
            for source, slider in self.weights.items():
                slider.value = round(weights[source] * IMPORTANCE_TOP)
        self._loading = False
        self.refresh()

    def _case_news(self):
        """The case's practice news, which the widget plays (graded for nobody)."""
        return tuple(t for t in news_texts(self.case.value) if t not in self._also_out)

    def _load_case(self, change=None):
        case = CASES[self.case.value]
        self._shown = 0
        self._pending = None
        self.story.value = (
            f"<p>{case.story}</p><p>You are <b>{case.you}</b>; they are <b>{case.them}</b>. "
            f"Rate each source from {LEAST_RATING} (a little) to {SCALE:g} (overwhelming): every "
            "story here gives each side some of each, and only news can take a rating to 0 "
            "(none). Say how much each source counts in this case (the weights are shown as "
            "shares of 1).</p>"
        )
        self.news.value = ""
        self.next_news.disabled = False
        self.reading.layout.display = "none"
        self._set(case._yours, case._theirs, case._weights)

    def _next_news(self, _=None):
        """Show the case's next piece of news and ask which rating it moves."""
        news = self._case_news()
        if self._pending is not None or self._shown >= len(news):
            return
        self._pending = news[self._shown]
        self._shown += 1
        self.news.value += (
            f"<p>📰 <b>{self._pending}</b> Which rating does it move, and which way?</p>"
        )
        self.next_news.disabled = True
        self.reading.layout.display = None

    def _apply_news(self, _=None):
        """Compare the learner's reading with the news item, then apply it."""
        if self._pending is None:
            return
        weights = self._weights()
        if weights is None:
            self.status.value = message("Give at least one source some weight first.", ok=False)
            return
        side, source = self.rating.value.split(":")
        up = self.direction.value == "up"
        moved, where, change = news_reading(self.case.value, self._pending)
        verdict = reading_verdict(
            (side, source, up),
            (moved, where, change),
            news_weakens(self.case.value, self._pending),
        )
        yours, theirs = self._ratings()
        ratings = {"you": yours, "them": theirs}
        before_side = _who_leads(
            weighted_leverage(yours, weights) - weighted_leverage(theirs, weights)
        )
        before = ratings[moved][where]
        ratings[moved] = shifted(ratings[moved], {where: change})
        after = ratings[moved][where]
        balance = weighted_leverage(ratings["you"], weights) - weighted_leverage(
            ratings["them"], weights
        )
        now_side = _who_leads(balance)
        ahead = (
            f"{WERE_AHEAD[before_side]}; now {ARE_AHEAD[now_side]}."
            if now_side != before_side
            else f"{ARE_AHEAD[now_side].capitalize()}, as before."
        )
        self.news.value += (
            f"<p><i>{verdict} {moved_words(moved, where, before, change, after).capitalize()}. "
            f"Balance now {signed(balance)} points. {ahead}</i></p>"
        )
        self._pending = None
        self.reading.layout.display = "none"
        self.next_news.disabled = self._shown >= len(self._case_news())
        self._set(ratings["you"], ratings["them"])

    def refresh(self, change=None):
        """Recompute the balance, the chart and the advice from the sliders."""
        if self._loading:
            return
        if self._guard.refused(self.status):
            return
        weights = self._weights()
        if weights is None:
            self.chart.value = self.advice.value = ""
            self.summary.value = "<b>No balance</b> while every weight is 0."
            self.status.value = message("Give at least one source some weight.", ok=False)
            return
        self.status.value = ""
        yours, theirs = self._ratings()
        mine, other = weighted_leverage(yours, weights), weighted_leverage(theirs, weights)
        balance = mine - other
        self.chart.value = audit_bars(yours, theirs, weights, balance)
        self.summary.value = (
            f"<b>Balance {signed(balance)} points</b> (you {mine:.2f}, them {other:.2f}): "
            f"{describe_balance(balance)}.{_outside_question_2(weights)}"
        )
        self.advice.value = advice(yours, theirs, weights)


def _outside_question_2(weights):
    """A note when a weight, as a share of 1, is one question 2 refuses (below WEIGHT_FLOOR
    or above WEIGHT_CAP), so an audit copied from the widget is not refused unawares
    (review 110 U5); "" when every share is within question 2's bounds."""
    outside = [
        f"{source} {share:.2f}"
        for source, share in weights.items()
        if round(share, 9) < WEIGHT_FLOOR or round(share, 9) > WEIGHT_CAP
    ]
    if not outside:
        return ""
    return (
        f" Question 2 accepts weights from {WEIGHT_FLOOR:g} to {WEIGHT_CAP:g} only; here "
        f"{_listed(outside)} would be refused there."
    )


def _listed(words):
    """Words joined as a sentence lists them: "a", "a and b", "a, b and c"."""
    return " and ".join(words) if len(words) < 3 else f"{', '.join(words[:-1])} and {words[-1]}"


def _answers(source, name):
    """The sentence naming the levers that answer a lead on ``source``, called ``name``."""
    levers, why = ANSWERED_BY[source]
    # review 114 E3: Emerson (1962) names four balancing operations; the advice draws on
    # three (review 115), so it names them without a count
    whose = "" if source == "information" else ", by Emerson's balancing moves"
    return f"What answers {name}{whose}: your <b>{' or your '.join(levers)}</b> ({why})."


def advice(yours, theirs, weights):
    """What to strengthen, in words: the source on which the other side is furthest ahead
    (its largest weighted difference) with the levers that answer it (``ANSWERED_BY``:
    Emerson's power-dependence account for alternatives and power; the course's own advice
    for information, on which Emerson says nothing), every source tied for it and the levers
    for each (review 99 X1), and what the audit's own arithmetic ranks first."""
    leads = their_biggest_leads(yours, theirs, weights)
    ranking = strengthen_first(yours, theirs, weights)
    (first, gain), others = ranking[0], ranking[1:]
    if leads is None:
        against = "They are ahead of you on no source that carries any weight."
    elif len(leads[0]) == 1:
        ((source,), points) = leads
        against = (
            f"They are furthest ahead on <b>{source}</b>: a weighted difference of "
            f"{points:.2f} points ({theirs[source]:g} against your {yours[source]:g}). "
            f"{_answers(source, 'it')}"
        )
    else:  # review 99 X1: a tie names every source tied, and what answers each
        sources, points = leads
        named = _listed([f"<b>{source}</b>" for source in sources])
        against = (
            f"They are furthest ahead on {named}, tied: a weighted difference of "
            f"{points:.2f} points on each ("
            + "; ".join(f"{s} {theirs[s]:g} against your {yours[s]:g}" for s in sources)
            + "). "
            + " ".join(_answers(source, source) for source in sources)
        )
    if gain <= 0:
        return against + (
            " Your rating of every source that carries weight is already at the top of the "
            "scale: no step would add to the balance."
        )
    tied = [source for source, other in others if other >= gain - 1e-9]
    adds = f"adds as much as any (tied with {' and '.join(tied)})" if tied else "adds most"
    return against + (
        f" Under these weights, raising your {first} by {ADVICE_STEP:g} {adds} to the "
        f"balance: {signed(gain)} points ("
        + ", ".join(f"{source}: {signed(other)}" for source, other in others)
        + ")."
    )
