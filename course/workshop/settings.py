"""What ``leverage workshop`` tells the apps' kernels, through environment variables
(every kernel, preheated or not, inherits the server's environment)."""

import hmac
import os
from pathlib import Path

from course.engine.practice import ARENA_STYLES

STORE = "LEVERAGE_STORE"
BOT = "LEVERAGE_BOT"
FACILITATOR_CODE = "LEVERAGE_FACILITATOR_CODE"
ERROR_LOG = "LEVERAGE_ERROR_LOG"
CULL_IDLE = "LEVERAGE_CULL_IDLE"

#: Seconds an idle kernel with no open page survives before the culler shuts it down.
DEFAULT_CULL_IDLE = 120

#: ``--bot mixed`` gives every participant a bot of a style drawn from ARENA_STYLES.
MIXED = "mixed"
BOT_CHOICES = (*ARENA_STYLES, MIXED)


def bot_style(value=None):
    """The facilitator's bot style (``mixed`` when not set); a ``ValueError`` if unknown."""
    value = os.environ.get(BOT, MIXED) if value is None else value
    if value not in BOT_CHOICES:
        raise ValueError(f"pick a bot style from {', '.join(BOT_CHOICES)}, got {value!r}")
    return value


def cull_idle(value=None):
    """Seconds a kernel whose tab closed unnoticed lingers (``--cull-idle``); a
    ``ValueError`` unless it is a whole number of at least 1."""
    if value is None:
        value = os.environ.get(CULL_IDLE, DEFAULT_CULL_IDLE)
        value = int(value) if str(value).isdigit() else value
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"--cull-idle must be a whole number of seconds, at least 1; got {value!r}"
        )
    return value


def user_data_folder():
    """Where an app keeps its data when not started by ``leverage workshop`` (never in the
    apps' own folder, which may be installed read-only)."""
    home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(home) / "leverage" / "workshop"


def store_url():
    """The results store's SQLAlchemy URL (the launcher's, or a SQLite file in the user's
    data folder)."""
    from course.store import default_url

    return os.environ.get(STORE) or default_url(user_data_folder())


def error_log():
    """Where the apps log unexpected errors for the facilitator (never shown to visitors)."""
    return Path(os.environ.get(ERROR_LOG) or user_data_folder() / "errors.log")


def facilitator_code_required():
    """Whether the debrief asks for the facilitator's code (the room is on a network)."""
    return bool(os.environ.get(FACILITATOR_CODE))


def facilitator_code_ok(code):
    """Whether ``code`` is the facilitator's code (always true when none is required)."""
    expected = os.environ.get(FACILITATOR_CODE, "")
    if not expected:
        return True
    return isinstance(code, str) and hmac.compare_digest(code.strip().encode(), expected.encode())
