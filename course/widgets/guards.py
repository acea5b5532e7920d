"""Treat every widget value as untrusted: a browser (or a websocket message) can set any
synced trait, including a slider's own min and max, so views re-check values here."""

import math
from html import escape

ERROR_STYLE = "color:#b00020"
OK_STYLE = "color:#1b5e20"


def message(text, ok=True):
    """HTML for a one-line status message."""
    return f'<span style="{OK_STYLE if ok else ERROR_STYLE}">{escape(text)}</span>'


def read_number(text, name, example="100"):
    """The number typed in ``text`` (a text box's string; separators such as 90,000 or
    90 000 allowed), or a ``ValueError`` saying what to type: an empty box, letters or a
    number that is not finite are refused, and no earlier number is used in their place."""
    if not isinstance(text, str):
        raise ValueError(f"type {name} as a number such as {example}")
    typed = text.strip()
    if not typed:
        raise ValueError(f"type {name} first: a number such as {example}")
    try:
        value = float(typed.replace(",", "").replace("_", "").replace(" ", ""))
    except ValueError:
        raise ValueError(f"{name} must be a number such as {example}, not “{typed[:20]}”") from None
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, not “{typed[:20]}”")
    return value


def typed(value):
    """A number as a text box shows it: 90000, 0.5 (never 90000.0 or 9e+04)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


class RangeGuard:
    """Keeps numeric widgets inside the view's own bounds (not the widgets' min/max traits,
    which a visitor could have changed). A rejected value is refused: the widget goes back
    to its last good value, and nothing runs on either value (the observers that the
    restoring fires see ``refused`` return True), so no display, verdict or action starts
    from a value nobody chose."""

    def __init__(self):
        self._rules = {}
        self._good = {}
        self._restoring = False

    def add(self, widget, low, high, name):
        """Guard ``widget``: its value must be a finite number in [low, high]."""
        self._rules[widget] = (low, high, name)
        self._good[widget] = widget.value
        return widget

    def reject_bad_value(self):
        """If a guarded widget holds a bad value, put its last good one back and return a
        message saying what was rejected; otherwise remember the values and return None."""
        for widget, (low, high, name) in self._rules.items():
            value = widget.value
            ok = isinstance(value, int | float) and math.isfinite(value) and low <= value <= high
            if not ok:
                good = self._good[widget]
                self._restoring = True
                try:
                    widget.value = good
                finally:
                    self._restoring = False
                return (
                    f"{name} must be between {low:g} and {high:g}; {value!r} was rejected, "
                    f"so it is back at {good:g} and nothing changed."
                )
        self._good = {widget: widget.value for widget in self._rules}
        return None

    def refused(self, status):
        """True when the view must act on nothing: a guarded widget held a bad value (its
        last good one is back and ``status`` says why), or this is the restoring itself.
        Otherwise remember the values and return False."""
        if self._restoring:
            return True
        rejected = self.reject_bad_value()
        if rejected:
            status.value = message(rejected, ok=False)
        return bool(rejected)
