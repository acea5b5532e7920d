"""The facilitator's debrief (a Voila app): the room's results live from the store.

When the workshop listens beyond this machine, the page first asks for the facilitator's
code (checked in Python; nothing from the store reaches the browser before). It then
redraws by itself every few seconds: deals and impasses, the price distribution, first
offer against final price with the fitted line and its correlation (the anchoring
effect in the room's own data), BATNA against price, results by bot style, and a CSV
download of every record.
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


def _fit_text(fit):
    if fit is None:
        return "too few deals for a line yet"
    slope, intercept, r = fit
    return f"price ≈ {slope:.2f} × first offer + {intercept:.1f}, correlation r = {r:.2f}"


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
                w.HTML("<h2>Debrief: the room's negotiations</h2>"),
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
        self.prices.value = "<h3>Prices agreed</h3>" + bars(
            histogram(room["prices"]), "price", "distribution of the prices agreed"
        )
        self.anchoring.value = (
            "<h3>First offer and final price (anchoring)</h3>"
            + scatter(
                {"deals": room["anchoring"]},
                {"deals": room["anchoring_fit"]},
                "your first offer",
                "final price",
                "first offer against final price",
            )
            + f"<p class='anchoring-fit'>{escape(_fit_text(room['anchoring_fit']))}</p>"
        )
        self.batna.value = "<h3>BATNA and final price</h3>" + scatter(
            room["batna"],
            room["batna_fit"],
            "your BATNA (reservation price)",
            "final price",
            "BATNA against final price",
        )
        self.styles.value = "<h3>By bot style</h3>" + _style_table(room["by_style"])
        data = base64.b64encode(to_csv(records).encode()).decode()
        self.download.value = (
            f'<a download="workshop-results.csv" href="data:text/csv;base64,{data}">'
            "download the results (CSV)</a>"
        )


def workshop_debrief():
    """The debrief as the workshop app shows it, set up from the launcher's settings."""
    log_errors_to_file(settings.error_log())
    return Debrief()
