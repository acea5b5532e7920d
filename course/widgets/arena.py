"""The workshop arena (a Voila app): a participant joins with a display name, gets a role
and a private brief, negotiates against the facilitator's bot, and sees the result scored;
the result goes to the room's store for the debrief.

Every value a visitor can set is re-checked here (the name by ``clean_name``, the typed
offer by ``read_price``, which refuses an empty box, letters or a price off the range
and sends nothing in its place; clicks against the case's own state); the bot, its limit
and deadline and the other participants' results are never held in a widget. Unexpected errors are logged for the
facilitator and shown to the participant as a short message, never as a traceback.
"""

import logging
from html import escape

import ipywidgets as w

from course.engine.practice import moves_by_side
from course.pictures import amount
from course.pictures_concessions import concession_curves
from course.widgets.controls import LiveHTML, TextBox
from course.widgets.guards import message
from course.widgets.page import AppPage
from course.widgets.rounds import PlaysRounds, price_history, read_price
from course.workshop import settings
from course.workshop.play import HIGH, LOW, ROUNDS, ArenaCase

log = logging.getLogger("course.workshop.apps")


def log_errors_to_file(path):
    """Send the apps' unexpected errors to ``path`` (once per kernel)."""
    if not any(isinstance(h, logging.FileHandler) for h in log.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.propagate = False


def safely(view, action):
    """Run ``action``; if it fails unexpectedly, log the traceback and tell the visitor
    only that something went wrong."""

    def run(*args):
        try:
            action(*args)
        except Exception:
            log.exception("%s failed", type(view).__name__)
            view.status.value = message(
                "Something went wrong on our side; the facilitator has the details.", ok=False
            )

    return run


class WorkshopArena(PlaysRounds, w.VBox):
    """Join, negotiate, see your score. ``store`` is a ``ResultsStore`` (made from the
    workshop's settings on the first save when None); ``style`` the bot style or
    ``mixed``; ``rng`` for tests."""

    rounds = ROUNDS

    def __init__(self, store=None, style=None, rng=None):
        self._store, self._rng, self._case = store, rng, None
        self._style = settings.bot_style(style)
        self.name = TextBox(description="your name", placeholder="a first name or nickname")
        self.name.on_enter(safely(self, self.start))
        self.join = w.Button(description="join", icon="sign-in", button_style="primary")
        self.brief = w.HTML()
        self.price = TextBox(description="your offer", placeholder=f"{LOW}–{HIGH}")
        self.price.on_enter(safely(self, self.make_offer))
        self.send_offer = w.Button(description="send offer", icon="paper-plane")
        self.accept = w.Button(description="accept its offer", icon="check")
        self.walk = w.Button(description="walk away", icon="sign-out")
        self.again = w.Button(description="play again", icon="refresh")
        self.history = w.HTML()
        self.chart = w.HTML()
        self.result = w.HTML()
        # what the other side just did, or why a move was refused: announced to a screen
        # reader, and shown above the moves so that a phone needs no scrolling to read it
        self.status = LiveHTML(value=message("Enter your name and join."))
        self.join.on_click(safely(self, self.start))
        self.again.on_click(safely(self, self.start))
        self.send_offer.on_click(safely(self, self.make_offer))
        self.accept.on_click(safely(self, lambda _: self._act(lambda case: case.accept())))
        self.walk.on_click(safely(self, lambda _: self._act(lambda case: case.walk_away())))
        self.moves = w.HBox([self.price, self.send_offer, self.accept, self.walk])
        super().__init__(
            [
                w.HBox([self.name, self.join]),
                self.brief,
                self.status,
                self.moves,
                self.again,
                self.result,
                self.history,
                self.chart,
            ]
        )
        self._buttons()

    def _act(self, move):
        """Play ``move``, then put the keyboard where the next step is: the offer box while
        the talks go on, "play again" once they are over (the buttons used are off)."""
        super()._act(move)
        if self._case is not None and self._case.finished:
            self.again.focus()
        elif self._case is not None:
            self.price.focus()

    def start(self, _=None):
        """Join (or play again): a new case with a role, a brief and a fresh bot."""
        try:
            self._case = ArenaCase(self.name.value, self._style, rng=self._rng)
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self.name.value = self._case.name
        self.name.disabled = True
        self.brief.value = (
            f"<p><b>{escape(self._case.name)}, you are the {self._case.role}.</b> "
            f"{escape(self._case.brief)}</p>"
        )
        self.history.value = self.chart.value = self.result.value = self.price.value = ""
        self.status.value = message("Make your opening offer: type it and send it.")
        self._buttons()
        self.price.focus()  # the name box and "join" are now off: the offer box is next

    def make_offer(self, _=None):
        """Send the price typed in the box as your offer; anything else is refused with a
        message and nothing is sent."""
        if self._playing() is None:
            return
        try:
            price = read_price(self.price.value, LOW, HIGH)
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self._act(lambda case: case.offer(price))

    def _playing(self):
        if self._case is None:
            self.status.value = message("Enter your name and join first.", ok=False)
            return None
        if self._case.finished:
            self.status.value = message("This negotiation is over: play again.", ok=False)
            return None
        return self._case

    def _show_history(self):
        session = self._case.session
        self.history.value = price_history(
            session.history, remarks=session.remarks, them=self._counterpart()
        )

    def _counterpart(self):
        return "the buyer" if self._case.role == "seller" else "the seller"

    def _bot_offers(self, offer):
        return f"{self._counterpart()} offers {amount(offer)}"

    def _buttons(self):
        case = self._case
        over = case is None or case.finished
        self.join.disabled = case is not None
        self.send_offer.disabled = self.walk.disabled = self.price.disabled = over
        self.accept.disabled = over or case.session.bot_offer is None
        self.again.layout.display = None if case is not None and case.finished else "none"

    def _end(self):
        """After the end only: the score, both curves and the bot's limit; then save."""
        case = self._case
        outcome = case.outcome()
        limit = outcome["bot_reservation"]
        self.chart.value = concession_curves(
            moves_by_side(case.session.history),
            {"your reservation price": case.reservation, "the bot's reservation price": limit},
        )
        price, mine = outcome["price"], case.reservation
        if price is not None:
            text = f"Deal at {amount(price)}. "
            share = outcome["zopa_share"]
            if price == mine:
                text += "That is exactly your reservation price: no gain over your BATNA."
            elif share is None or share < 0:
                text += "That is worse than your BATNA: walking away would have paid more."
            else:
                text += f"You took {share:.0%} of the zone of possible agreement."
        else:
            if outcome["bot_left"]:
                how = f"{self._counterpart().capitalize()} walked away: “{outcome['said']}”"
            else:
                how = f"No deal ({outcome['ended_by']})."
            text = f"{how} Its limit was {amount(limit)}: " + (
                "a zone of agreement existed and was left unused."
                if outcome["zopa_exists"]
                else "there was no zone of agreement, so no deal was the right result."
            )
        self.result.value = f"<p class='arena-result'><b>{escape(text)}</b></p>"
        self._save()

    def _save(self):
        try:
            if self._store is None:
                from course.store import ResultsStore

                self._store = ResultsStore(settings.store_url())
            self._store.add(self._case.record())
        except Exception:
            log.exception("saving a result failed")
            self.status.value = message(
                "Your result could not be saved; please tell the facilitator.", ok=False
            )
            return
        self.status.value = message("Saved for the debrief. Play again to try another opening.")


def workshop_arena():
    """The arena as the workshop app shows it, set up from the launcher's settings."""
    log_errors_to_file(settings.error_log())
    return AppPage("arena.ipynb", WorkshopArena())
