"""Treat every widget value as untrusted: a browser (or a websocket message) can set any
synced trait, including a slider's own min and max, so views re-check values here."""

import math
from html import escape

ERROR_STYLE = "color:#b00020"
OK_STYLE = "color:#1b5e20"


def message(text, ok=True):
    """HTML for a one-line status message."""
    return f'<span style="{OK_STYLE if ok else ERROR_STYLE}">{escape(text)}</span>'


class RangeGuard:
    """Keeps numeric widgets inside the view's own bounds (not the widgets' min/max traits,
    which a visitor could have changed), restoring the last good value of a rejected one."""

    def __init__(self):
        self._rules = {}

    def add(self, widget, low, high, name):
        """Guard ``widget``: its value must be a finite number in [low, high]."""
        self._rules[widget] = (low, high, name)
        self._good = {**getattr(self, "_good", {}), widget: widget.value}
        return widget

    def reject_bad_value(self):
        """If a guarded widget holds a bad value, restore its last good one and return a
        message saying what was rejected; otherwise remember the values and return None."""
        for widget, (low, high, name) in self._rules.items():
            value = widget.value
            ok = isinstance(value, int | float) and math.isfinite(value) and low <= value <= high
            if not ok:
                widget.value = self._good[widget]  # observers re-run with the good value
                return f"{name} must be between {low:g} and {high:g}; {value!r} was rejected."
        self._good = {widget: widget.value for widget in self._rules}
        return None

    def refused(self, status):
        """If a guarded widget holds a bad value, restore its last good one, say why in the
        ``status`` HTML widget and return True; otherwise remember the values, return False."""
        rejected = self.reject_bad_value()
        if rejected:
            status.value = message(rejected, ok=False)
        return bool(rejected)
