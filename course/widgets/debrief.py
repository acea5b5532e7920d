"""The facilitator's debrief (a Voila app): the room's results live from the store.

When the workshop listens beyond this machine, the page first asks for the facilitator's
code (checked in Python; nothing from the store reaches the browser before). It then
redraws by itself every few seconds: deals and impasses, the price distribution, first
offer against final price with each role's fitted line and correlation (the anchoring
effect in the room's own data; sellers and buyers apart, since a room of both would
correlate by role alone), BATNA against price, results by bot style, and a CSV download
of every record. Its charts are drawn to be read on a projector.
"""

import base64
from datetime import UTC, datetime
from html import escape

import ipywidgets as w

from course.pictures import amount
from course.pictures_workshop import bars, scatter
from course.widgets.arena import log_errors_to_file, safely
from course.widgets.facilitator import ATTEMPTS, FacilitatorGate
from course.widgets.guards import message
from course.widgets.page import AppPage
from course.workshop import settings
from course.workshop.room import histogram, summarise, to_csv

#: Seconds between two looks at the store.
REFRESH_EVERY = 3.0
__all__ = ["ATTEMPTS", "Debrief", "workshop_debrief"]


def _percent(share):
    return "–" if share is None else f"{share:.0%}"


def _style_table(by_style):
    if not by_style:
        return ""
    rows = "".join(
        f"<tr><td>{escape(style)}</td><td>{row['negotiations']}</td><td>{row['deals']}</td>"
        f"<td>{row['impasses']}</td>"
        f"<td>{'–' if row['mean_price'] is None else amount(round(row['mean_price'], 1))}</td>"
        f"<td>{_percent(row['mean_share'])}</td></tr>"
        for style, row in by_style.items()
    )
    return (
        "<table class='by-style'><tr><th>bot style</th><th>negotiations</th><th>deals</th>"
        "<th>impasses</th><th>mean price</th><th>mean ZOPA share</th></tr>"
        f"{rows}</table>"
    )


def _fit_text(fits):
    """Each role's fitted line in words: within one role, a higher first offer going with a
    higher price is anchoring; across roles it would only say who sells."""
    return "; ".join(
        f"{role}s: too few deals for a line yet"
        if fit is None
        else f"{role}s: price ≈ {fit[0]:.2f} × first offer + {fit[1]:.1f}, "
        f"correlation r = {fit[2]:.2f}"
        for role, fit in fits.items()
    )


class Debrief(FacilitatorGate, w.VBox):
    """The room's results from ``store`` (a ``ResultsStore``; from the workshop settings
    when None), redrawn every ``refresh_every`` seconds (0: only on demand)."""

    def __init__(self, store=None, refresh_every=REFRESH_EVERY):
        self._store, self._shown = store, None
        self._make_gate(refresh_every)
        self.counts = w.HTML()
        self.prices = w.HTML()
        self.anchoring = w.HTML()
        self.batna = w.HTML()
        self.styles = w.HTML()
        self.download = w.HTML()
        self.refresh_button = w.Button(description="refresh now", icon="refresh")
        self.refresh_button.on_click(safely(self, lambda _: self.refresh(force=True)))
        self.status = w.HTML()
        self.board = w.VBox(
            [
                self.counts,
                self.prices,
                self.anchoring,
                self.batna,
                self.styles,
                w.HBox([self.download, self.refresh_button]),
            ]
        )
        self.board.layout.display = "none"
        super().__init__(
            [
                self.gate,
                self.board,
                self.status,
            ]
        )
        self._ask()

    def refresh(self, force=False):
        """Read the store and redraw if anything changed (or when ``force``)."""
        if self.board.layout.display == "none":
            return
        if self._store is None:
            from course.store import ResultsStore

            self._store = ResultsStore(settings.store_url())
        records = self._store.records()
        latest = (len(records), records[-1]["id"] if records else 0)
        if latest != self._shown or force:
            self._shown = latest
            self._draw(records)
        self.status.value = message(
            f"Updated {datetime.now(UTC):%H:%M:%S} UTC; refreshes by itself."
            if self._every
            else f"Updated {datetime.now(UTC):%H:%M:%S} UTC."
        )

    def _draw(self, records):
        room = summarise(records)
        self.counts.value = (
            f"<p class='counts'><b>{room['negotiations']}</b> negotiations by "
            f"<b>{room['participants']}</b> participants: <b>{room['deals']}</b> deals, "
            f"<b>{room['impasses']}</b> impasses.</p>"
        )
        self.prices.value = "<h2>Prices agreed</h2>" + bars(
            histogram(room["prices"]), "price", "distribution of the prices agreed"
        )
        self.anchoring.value = (
            "<h2>First offer and final price (anchoring), sellers and buyers apart</h2>"
            + scatter(
                room["anchoring"],
                room["anchoring_fit"],
                "first offer",
                "final price",
                "first offer against final price",
            )
            + f"<p class='anchoring-fit'>{escape(_fit_text(room['anchoring_fit']))}</p>"
        )
        self.batna.value = "<h2>BATNA and final price</h2>" + scatter(
            room["batna"],
            room["batna_fit"],
            "BATNA (reservation price)",
            "final price",
            "BATNA against final price",
        )
        self.styles.value = "<h2>By bot style</h2>" + _style_table(room["by_style"])
        data = base64.b64encode(to_csv(records).encode()).decode()
        self.download.value = (
            f'<a download="workshop-results.csv" href="data:text/csv;base64,{data}">'
            "download the results (CSV)</a>"
        )


def workshop_debrief():
    """The debrief as the workshop app shows it, set up from the launcher's settings."""
    log_errors_to_file(settings.error_log())
    return AppPage("debrief.ipynb", Debrief())
