"""What the three negotiation views share (module 04's arena, the workshop arena and the
capstone table): a move is played on the negotiation, then the history and the status
follow, or the view's own ending."""

from course.pictures import amount
from course.widgets.guards import message


def price_history(history, you="you offer"):
    """A negotiation on price, one line per move: ``you`` says what your moves are called."""
    return "<br>".join(
        f"Round {round_}: {you if who == 'you' else 'the bot offers'} {amount(price)}"
        for round_, who, price in history
    )


class PlaysRounds:
    """Mixin for a view that plays a negotiation move by move. The view has ``status`` (an
    HTML widget), ``rounds`` (how many at most), and these methods:

    - ``_playing()``: what a move acts on, or None after saying in ``status`` why not;
    - ``_show_history()``, ``_end()`` (after the last move only) and ``_buttons()``;
    - ``_bot_offers(offer)``: the bot's offer in words, e.g. "the bot offers 62".
    """

    def _act(self, move):
        """Play ``move`` (offer, accept or walk away); a refused move says why and changes
        nothing."""
        playing = self._playing()
        if playing is None:
            return
        try:
            answer = move(playing)
        except (TypeError, ValueError) as error:
            self.status.value = message(str(error), ok=False)
            return
        self._show_history()
        if answer["finished"]:
            self._end()
        else:
            self.status.value = message(
                f"Round {answer['round']} of {self.rounds}: "
                f"{self._bot_offers(answer['bot_offer'])}. Counter, accept or walk away."
            )
        self._buttons()
