"""What the facilitator's pages share (the arena's debrief and the pairs room): the code
that opens them when the workshop listens beyond this machine, checked in Python before
anything from the store reaches the browser, and redrawing by themselves afterwards."""

import asyncio

import ipywidgets as w

from course.widgets.arena import log, safely
from course.widgets.guards import message
from course.workshop import settings

#: Wrong facilitator codes a page accepts before it locks.
ATTEMPTS = 5


class FacilitatorGate:
    """Mixin for a facilitator's page with ``board`` (hidden until the code is right),
    ``status`` (an HTML widget) and ``refresh(force=False)``. Call ``_make_gate`` before
    building the page (it makes ``code``, ``unlock`` and ``gate``), then ``_ask``."""

    def _make_gate(self, refresh_every, opens="open the debrief"):
        self._every, self._wrong = refresh_every, 0
        self.code = w.Password(description="facilitator code")
        self.unlock = w.Button(description=opens, icon="unlock")
        self.unlock.on_click(safely(self, self.open_board))
        self.gate = w.HBox([self.code, self.unlock])

    def _ask(self):
        """Ask for the code, or open at once when none is required (this machine only)."""
        if settings.facilitator_code_required():
            self.status.value = message("Enter the facilitator code printed by the launcher.")
        else:
            self.open_board()

    def open_board(self, _=None):
        """Check the facilitator's code, then show the board and start refreshing."""
        if self._wrong >= ATTEMPTS:
            self.status.value = message("Too many wrong codes: reload the page.", ok=False)
            return
        if not settings.facilitator_code_ok(self.code.value):
            self._wrong += 1
            self.code.value = ""
            self.status.value = message("That is not the facilitator code.", ok=False)
            return
        self.code.value = ""
        self.gate.layout.display = "none"
        self.board.layout.display = None  # shown (None: the default, not hidden)
        self.refresh(force=True)
        if self._every:
            asyncio.get_event_loop().call_later(self._every, self._tick)

    def _tick(self):
        try:
            self.refresh()
        except Exception:
            log.exception("%s could not refresh", type(self).__name__)
        asyncio.get_event_loop().call_later(self._every, self._tick)
