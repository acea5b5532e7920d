"""What the three negotiation views share (module 04's arena, the workshop arena and the
capstone table): an offer read from what the person typed, a move played on the
negotiation, then the history and the status with the other side's words, or the
view's own ending."""

from html import escape

from course.pictures import amount
from course.widgets.guards import message


def read_price(text, low, high, name="your offer"):
    """The whole price typed in ``text`` (a string from a text box), or a ``ValueError``
    saying what to type: an empty box, letters, a fraction or a price outside
    [``low``, ``high``] are refused, and nothing is sent in their place."""
    if not isinstance(text, str):
        raise ValueError(f"type {name} as a whole number from {low} to {high}")
    typed = text.strip()
    if not typed:
        raise ValueError(f"type {name} first: a whole number from {low} to {high}")
    try:
        price = int(typed)
    except ValueError:
        raise ValueError(
            f"{name} must be a whole number from {low} to {high}; {typed[:20]!r} is not one"
        ) from None
    if not low <= price <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}; {price} is not")
    return price


def price_history(history, you="you offer", remarks=(), them="the buyer"):
    """A negotiation on price, one line per move: ``you`` says what your moves are called,
    ``them`` who the other side is; ``remarks`` (``(round, words)`` pairs) are quoted
    after the other side's offers of those rounds."""
    said = dict(remarks)
    lines = []
    for round_, who, price in history:
        if who == "you":
            lines.append(f"Round {round_}: {you} {amount(price)}")
        else:
            words = said.get(round_)
            lines.append(
                f"Round {round_}: {them} offers {amount(price)}"
                + (f" — “{escape(words)}”" if words else "")
            )
    return "<br>".join(lines)


class PlaysRounds:
    """Mixin for a view that plays a negotiation move by move. The view has ``status`` (an
    HTML widget), ``rounds`` (how many at most), and these methods:

    - ``_playing()``: what a move acts on, or None after saying in ``status`` why not;
    - ``_show_history()``, ``_end()`` (after the last move only) and ``_buttons()``;
    - ``_bot_offers(offer)``: the bot's offer in words, e.g. "the buyer offers 62".
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
            said = f" “{answer['said']}”" if answer.get("said") else ""
            if answer.get("last_turn"):
                what = "This is the last turn: accept it or walk away."
            elif answer.get("said") and "final offer" in answer["said"]:
                what = "Accept it, counter (it may leave) or walk away."
            else:
                what = "Counter, accept or walk away."
            # review 90 U1: the offer carries the round it was made in, as the history
            # and the debrief number it; the person's move has its own round
            offer = self._bot_offers(answer["bot_offer"])
            made = f" (round {answer['offered_in']})" if answer.get("offered_in") else ""
            self.status.value = message(
                f"{offer[:1].upper()}{offer[1:]}{made}.{said} Your move, round "
                f"{answer['round']} of at most {self.rounds}. {what}"
            )
        self._buttons()
