"""Module 04's sparring views on ``course.engine.practice``: the arena (a buyer whose
style is a mystery unless you pick one, whom you can meet again), and the low-ball
moment. They wire widgets to the engine and say in words what its measures found.

No widget trait ever holds a buyer's limit, style, deadline or memory before the end:
they live in the engine's objects, kept in private attributes; every value a widget
sends (a typed price, a picked option) is checked again here.
"""

from html import escape

import ipywidgets as w

from course.engine import debrief as measures
from course.engine.bots import STYLES
from course.engine.practice import (
    ARENA_STYLES,
    LIMITS,
    RESPONSES,
    Buyer,
    LowBallMoment,
    moves_by_side,
    spans,
)
from course.pictures import amount, counted
from course.pictures_concessions import concession_curves
from course.widgets.guards import message
from course.widgets.rounds import PlaysRounds, price_history, read_price

WIDE = {"description_width": "initial"}

#: Rounds in an arena negotiation: enough to see a pattern, few enough to click through.
ARENA_ROUNDS = 10

#: The counterpart setting that keeps the buyer's style secret until the debrief.
MYSTERY = "mystery"

#: Your reservation price in the arena: fixed, so negotiations can be compared.
ARENA_RESERVATION = 40

#: How the buyer remembers each ending, in words.
REMEMBERED = {
    "deal": "a deal honoured, which builds its trust",
    "polite walk-away": "a polite walk-away with the door left open, which keeps its trust",
    "walk-out": "a walk-out, which burns most of its trust",
    "it left": "that it had to leave, which costs a little trust",
    "deadline": "talks that ran out of time, which cost a little trust",
}


def _remembered_line(session):
    """The debrief's last line: the ending the buyer remembers (the engine's own, so a
    buyer that left at its own deadline reads as talks that ran out of time) and the
    insults and retractions it counted, each of which costs trust as the engine's
    ``Memory`` says."""
    met = session.remembered
    counts = [
        counted(count, kind)
        for count, kind in ((met.insults, "insult"), (met.retractions, "retraction"))
        if count
    ]
    line = f"The buyer will remember {REMEMBERED[met.ending]}"
    return f"{line}, and counted {' and '.join(counts)} of yours." if counts else f"{line}."


class NegotiationArena(PlaysRounds, w.VBox):
    """You sell, a buyer bot buys. Your reservation price is fixed (``reservation``); the
    buyer's limit is drawn from ``LIMITS`` apart from it and stays hidden; its style is
    ``style`` or, by default, a mystery to read from its offers. Offer, accept, walk away
    politely or walk out; then see both curves, what your moves bought, and name its
    style. Meet the same buyer again to see what it remembers."""

    rounds = ARENA_ROUNDS

    def __init__(self, style=MYSTERY, reservation=ARENA_RESERVATION, rng=None):
        if style != MYSTERY and style not in ARENA_STYLES:
            raise ValueError(f"pick a bot style from {', '.join(ARENA_STYLES)}, got {style!r}")
        self._rng, self._buyer, self._session = rng, None, None
        self._known = False  # whether an earlier debrief showed this buyer's limit
        self._meetings = []  # with the present buyer: (ending, its first offer, the deal)
        self.reservation = read_price(str(reservation), 0, LIMITS[1], "your reservation price")
        self.counterpart = w.Dropdown(
            options=[("a mystery buyer", MYSTERY), *((name, name) for name in ARENA_STYLES)],
            value=style,
            description="buyer",
        )
        self.keep = w.Checkbox(value=False, description="keep its reservation price", indent=False)
        self.opens = w.Checkbox(value=False, description="the buyer opens", indent=False)
        self.start = w.Button(description="new buyer", icon="refresh")
        self.again = w.Button(description="meet this buyer again", icon="repeat")
        self.price = w.Text(
            value="", description="your ask", placeholder="a whole price, 0–100", style=WIDE
        )
        self.send_offer = w.Button(description="send offer", icon="paper-plane")
        self.accept = w.Button(description="accept its offer", icon="check")
        self.walk = w.Button(description="walk away politely", icon="sign-out")
        self.walk_out = w.Button(description="walk out", icon="times")
        self.guess = w.Dropdown(
            options=[("(pick one)", ""), *((name, name) for name in ARENA_STYLES)],
            value="",
            description="its style was",
            style=WIDE,
        )
        self.name_it = w.Button(description="check my reading", icon="search")
        self.start.on_click(self.new_buyer)
        self.again.on_click(self.meet_again)
        self.send_offer.on_click(self.make_offer)
        self.accept.on_click(lambda _: self._act(lambda s: s.accept()))
        self.walk.on_click(lambda _: self._act(lambda s: s.walk_away(polite=True)))
        self.walk_out.on_click(lambda _: self._act(lambda s: s.walk_away(polite=False)))
        self.name_it.on_click(self.check_reading)
        self.brief = w.HTML()
        self.history = w.HTML()
        self.chart = w.HTML()
        self.result = w.HTML()
        self.reading = w.HTML()
        self.meetings = w.HTML()
        self.status = w.HTML()
        self.naming = w.HBox([self.guess, self.name_it])
        super().__init__(
            [
                w.HBox([self.counterpart, self.keep, self.opens, self.start, self.again]),
                self.brief,
                w.HBox([self.price, self.send_offer, self.accept]),
                w.HBox([self.walk, self.walk_out]),
                self.status,
                self.history,
                self.chart,
                self.result,
                self.naming,
                self.reading,
                self.meetings,
            ]
        )
        self.new_buyer()

    # -- starting --

    def new_buyer(self, _=None):
        """A new buyer: the chosen style (or a secret one) and a newly drawn limit, or the
        same limit as the last buyer when "keep its reservation price" is ticked."""
        choice = self.counterpart.value
        if choice != MYSTERY and choice not in ARENA_STYLES:
            self.status.value = message(f"{choice!r} is not a buyer you can pick", ok=False)
            return
        limit = None
        if self.keep.value is True and self._buyer is not None:
            limit = self._buyer.reveal()["limit"]
        # the last debrief showed that limit only if the last negotiation ended
        self._known = limit is not None and self._session is not None and self._session.finished
        self._buyer = Buyer(None if choice == MYSTERY else choice, limit, rng=self._rng)
        self._mystery = choice == MYSTERY
        self._meetings = []
        self._begin()

    def meet_again(self, _=None):
        """A new negotiation with the same buyer, which remembers how the last one ended."""
        if self._session is None or not self._session.finished:
            self.status.value = message(
                "Finish this negotiation first: then you can meet the buyer again.", ok=False
            )
            return
        self._known = True  # the debrief that just ended showed its limit
        self._begin()

    def _begin(self):
        first = "bot" if self.opens.value is True else "person"
        self._session = self._buyer.session(self.reservation, rounds=ARENA_ROUNDS, first=first)
        who = (
            "a buyer whose style you must read from its offers"
            if self._mystery
            else (f"a <b>{escape(self.counterpart.value)}</b> buyer")
        )
        met = len(self._meetings)
        theirs = (
            f"The buyer's reservation price is {self._buyer.reveal()['limit']}, as the last "
            "debrief showed you. "
            if self._known
            else f"The buyer's reservation price is somewhere from {LIMITS[0]} to {LIMITS[1]}, "
            "drawn independently of yours (it may be below it) and kept hidden. "
        )
        self.brief.value = (
            f"You sell to {who}. Prices run from 0 to 100; your reservation price is "
            f"{self.reservation} (below it, your BATNA is better). {theirs}The talks last at most {ARENA_ROUNDS} rounds, and the buyer may stop "
            "sooner: when its time is up it says its offer is final, and when its patience "
            "runs out it says so at least one offer before it leaves. "
            + ("The buyer opens: answer its number." if first == "bot" else "You open.")
            + (
                f" You have met this buyer {'once' if met == 1 else f'{met} times'} before."
                if met
                else ""
            )
        )
        self.price.value = ""
        self.history.value = self.chart.value = self.result.value = self.reading.value = ""
        self.guess.value = ""
        if first == "bot":
            self._show_history()
            self.status.value = message(
                f"The buyer opens at {amount(self._session.bot_offer)}. Type your answer and "
                "send it."
            )
        else:
            self.status.value = message("Make your opening offer: type your ask and send it.")
        self._show_meetings()
        self._buttons()

    # -- playing --

    def make_offer(self, _=None):
        """Send the price typed in the box as your offer; an empty box, letters or a price
        off the range is refused and nothing is sent."""
        try:
            price = read_price(self.price.value, 0, 100, "your ask")
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self._act(lambda s: s.offer(price))

    def _playing(self):
        if self._session is None or self._session.finished:
            self.status.value = message(
                "This negotiation is over: meet this buyer again or start with a new one.",
                ok=False,
            )
            return None
        return self._session

    def _show_history(self):
        session = self._session
        self.history.value = price_history(session.history, "you ask", session.remarks)

    def _bot_offers(self, offer):
        return f"the buyer offers {amount(offer)}"

    def _buttons(self):
        over = self._session is None or self._session.finished
        for button in (self.send_offer, self.walk, self.walk_out):
            button.disabled = over
        self.price.disabled = over
        self.accept.disabled = over or self._session.bot_offer is None
        self.again.disabled = not over
        self.naming.layout.display = None if over and self._mystery else "none"

    # -- the debrief --

    def _end(self):
        """After the end only: the curves, the result against both limits, what your moves
        bought, and what the buyer will remember."""
        session = self._session
        result = session.result()
        buyer = self._buyer.reveal()
        limit, mine = buyer["limit"], self.reservation
        self.chart.value = concession_curves(
            moves_by_side(session.history),
            {"your reservation price": mine, "its reservation price": limit},
        )
        ending = session.ending
        theirs = [price for _, who, price in session.history if who == "bot"]
        self._meetings.append((ending, theirs[0] if theirs else None, session.agreement))
        lines = [_outcome(session, mine, limit)]
        styles = ARENA_STYLES if self._mystery else (buyer["style"],)
        anchor = _anchor_line(session, limit, self._buyer, styles, self._known)
        if anchor is not None:
            lines.append(anchor)
        lines += _moves_debrief(result, session.side)
        if not self._mystery:
            lines.append(_style_line(result, session.side, buyer["style"]))
        lines.append(_remembered_line(session))
        self.result.value = "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
        self.status.value = message(
            "Negotiation over. "
            + (
                "Name the buyer's style from its offers, then meet this buyer again, or start "
                "with a new one."
                if self._mystery
                else "Meet this buyer again, or start with a new one."
            )
        )
        self._show_meetings()

    def check_reading(self, _=None):
        """Say whether the style named matches the buyer's, with the evidence."""
        if self._session is None or not self._session.finished:
            self.reading.value = message("Finish the negotiation first.", ok=False)
            return
        guess = self.guess.value
        if guess not in ARENA_STYLES:
            self.reading.value = message("Pick the style you read in its offers.", ok=False)
            return
        style = self._buyer.reveal()["style"]
        evidence = _style_line(self._session.result(), self._session.side, style)
        self.reading.value = message(
            ("Right. " if guess == style else f"Not quite: you said {guess}. ") + evidence,
            ok=guess == style,
        )

    def _show_meetings(self):
        if not self._meetings:
            self.meetings.value = ""
            return
        rows = "".join(
            f"<tr><td>{number}</td><td>{escape(ending)}</td>"
            f"<td>{'—' if first is None else amount(first)}</td>"
            f"<td>{'no deal' if deal is None else amount(deal)}</td></tr>"
            for number, (ending, first, deal) in enumerate(self._meetings, start=1)
        )
        self.meetings.value = (
            "<b>Your negotiations with this buyer</b><table><tr><th>#</th><th>ending</th>"
            f"<th>its first offer</th><th>deal</th></tr>{rows}</table>"
        )


def _outcome(session, mine, limit):
    """The result against your reservation price and the buyer's limit, in words."""
    result = session.result()
    price = session.agreement
    if price is not None:
        if price > mine:
            zone = limit - mine
            return (
                f"Deal at {amount(price)}: {amount(price - mine)} over your reservation price. "
                f"The zone ran from {amount(mine)} to {amount(limit)}: you took "
                f"{(price - mine) / zone:.0%} of it."
            )
        if price == mine:
            return (
                f"Deal at {amount(price)}: exactly your reservation price, no gain over your "
                f"BATNA (the buyer's reservation price was {amount(limit)})."
            )
        return (
            f"Deal at {amount(price)}: below your reservation price {amount(mine)}, worse "
            "than your BATNA."
        )
    if result.ended_by == "walk away" and result.by_side != session.side:
        how = f"the buyer walked away in round {result.round}: “{result.said}”"
    elif result.ended_by == "walk away":  # review 99 U2: a walk-out is not a walk-away
        left = "walked away" if result.polite is not False else "walked out"
        how = f"you {left} in round {result.round}."
    else:
        how = "the talks ran out of time."
    if limit > mine:
        return (
            f"No deal: {how} The buyer's reservation price was {amount(limit)}, above your "
            f"{amount(mine)}: a zone existed and was left unused."
        )
    if limit == mine:
        return (
            f"No deal: {how} The buyer's reservation price was {amount(limit)}, exactly yours: only a "
            "deal at that price was possible, worth no more than your BATNA."
        )
    return (
        f"No deal: {how} The buyer could pay at most {amount(limit)}, below your "
        f"{amount(mine)}: there was no zone, so no deal was the right result."
    )


def _anchor_line(session, limit, buyer, styles, known=False):
    """When the buyer opened: its anchor, your first answer, and what the anchor told you
    of its limit (``buyer.limits_behind``: the limits at which a buyer of one of
    ``styles``, the ones you could not rule out, opens there), or that you knew the limit
    already (``known``); ``None`` when you opened."""
    history = session.history
    if not history or history[0][1] != "bot":
        return None
    anchor = history[0][2]
    answer = next((price for _, who, price in history if who == "you"), None)
    text = f"The buyer opened at {amount(anchor)}, its anchor. "
    text += (
        "You made no offer in answer. "
        if answer is None
        else f"Your first answer was {amount(answer)}. "
    )
    if known:
        return text + f"You knew its reservation price from the last debrief: {amount(limit)}."
    runs = [
        amount(low) if low == high else f"{amount(low)} to {amount(high)}"
        for low, high in spans(buyer.limits_behind(anchor, styles))
    ]
    band = runs[0] if len(runs) == 1 else "one of " + ", ".join(runs[:-1]) + " or " + runs[-1]
    which = "whatever its style" if len(styles) > 1 else f"for a {styles[0]} buyer"
    return text + (
        f"Before it opened, its reservation price could have been anywhere from "
        f"{amount(LIMITS[0])} to {amount(LIMITS[1])}. This arena's buyers open at a share of "
        "their reservation price set by their style and by how your past meetings ended, so "
        f"an opening of {amount(anchor)} meant its reservation price was {band} ({which}). "
        f"It was {amount(limit)}."
    )


def _moves_debrief(result, person):
    """What each of your concessions bought and what was achievable, in sentences true of
    the history: each concession against a replay where you had held your ask instead."""
    lines = []
    found = measures.concessions(result, person)
    offered = any(who == person for _, who, _ in result.history)
    if not found and offered:  # review 99 U2: with no offer, there was no first offer
        lines.append("You made no concession after your first offer.")
    for c in found:
        lines.append(_concession_line(c))
    for below in measures.asks_below_offer(result, person):
        lines.append(
            f"Round {below['round']}: your ask of {amount(below['ask'])} was below the buyer's "
            f"offer on the table ({amount(below['theirs'])}): accepting it would have given "
            f"you {amount(below['gain'])} more."
        )
    silent = sum(1 for c in found if c["into_silence"])
    if silent:
        lines.append(
            f"{silent} of your concessions came when the buyer had made only its opening "
            "or had not moved since its previous offer: concessions into silence."
        )
    best = _best_on_offer(result, person)
    limit = -result.negotiation.preferences[result.negotiation.other(person)].reservation
    if best is None:
        lines.append(
            "At the turns you played, the buyer would have accepted no price; its reservation "
            f"price was {amount(limit)}."
        )
    else:
        lines.append(
            f"At the turns you played, the best price it would have accepted was "
            f"{amount(best['offer'])} ({'its own offer, ' if best['its_offer'] else ''}round "
            f"{best['round']}); its reservation price was {amount(limit)}."
        )
    return lines


def _best_on_offer(result, person):
    """The best price for ``person`` the buyer would have agreed to: the better of what it
    would have accepted at one of your turns (``measures.achievable``) and its own best
    offer (a deal it proposed itself), with ``its_offer`` saying which; ``None`` when
    neither exists."""
    negotiation = result.negotiation
    own = negotiation.preferences[person].utilities
    best = measures.achievable(result, person)
    if best is not None:
        best = dict(best, its_offer=False)
    for round_, who, index in result.history:
        if who != person and (best is None or own[index] > best["utility"] + 1e-9):
            best = {
                "offer": negotiation.public(index),
                "utility": own[index],
                "round": round_,
                "its_offer": True,
            }
    return best


def _concession_line(c):
    """One concession, what the buyer did, and what it would have done had you held."""
    text = f"Round {c['round']}: you came down {amount(c['cost'])}, from {amount(c['from'])} to {amount(c['to'])}. "
    held = f"had you held at {amount(c['from'])}"
    if c["instead"] == "accept":
        if c["answer"] == "accept":
            return text + (
                f"The buyer accepted; {held}, it would have accepted that too: the "
                f"concession cost you {amount(c['cost'])} and bought nothing."
            )
        return text + (
            f"{held.capitalize()}, the buyer would have accepted it: the concession bought nothing."
        )
    if c["answer"] == "accept":
        return text + f"The buyer accepted, which it would not have done {held}."
    if c["answer"] == "offer" and c["instead"] == "offer":
        back = c["back"]
        if back > 1e-9:
            return text + (
                f"The buyer answered {amount(c['got'])}; {held}, it would have offered "
                f"{amount(c['would'])}: your concession bought {amount(back)}."
            )
        if back < -1e-9:
            return text + (
                f"The buyer answered {amount(c['got'])}; {held}, it would have offered "
                f"{amount(c['would'])}: the concession bought nothing."
            )
        return text + (
            f"The buyer answered {amount(c['got'])}, as it would have {held}: the concession "
            "bought nothing."
        )
    if c["answer"] == "offer" and c["instead"] == "leave":
        return (
            text + f"The buyer stayed and answered {amount(c['got'])}; {held}, it would have left."
        )
    if c["answer"] == "leave":
        return text + "The buyer left anyway."
    return text + "The talks ran out of time before it could answer."


def _style_line(result, person, style):
    """The buyer's style, what its offers showed of it, and the style that evidence points
    to (when it shows enough)."""
    moves = measures.bot_moves(result, person)
    text = f"It was a {style} buyer: " + measures.style_evidence(moves, STYLES[style][0])
    read = measures.read_style(moves)
    if read is not None:
        text += f" That evidence points to a {read} buyer."
    return text


# --- the low-ball ---------------------------------------------------------------------


class DifficultMoment(w.VBox):
    """A few rounds in, the buyer drops a low-ball. Choose your answer (accept, walk away,
    or an ask of your own size; none is chosen for you) and see it played against the same
    buyer, which reads your answer; then compare with the other answers."""

    def __init__(self, rng=None):
        self._rng = rng
        self.choice = w.RadioButtons(
            options=[(text, key) for key, text in RESPONSES.items()],
            value=None,
            description="you",
            layout=w.Layout(width="auto"),
        )
        self.ask = w.Text(value="", description="your ask", placeholder="a whole price")
        self.play = w.Button(description="see what happens", icon="play")
        self.again = w.Button(description="new moment", icon="refresh")
        self.play.on_click(self.see_what_happens)
        self.again.on_click(self.new_moment)
        self.story = w.HTML()
        self.chart = w.HTML()
        self.outcome = w.HTML()
        self.comparison = w.HTML()
        self.status = w.HTML()
        super().__init__(
            [
                self.story,
                self.choice,
                self.ask,
                w.HBox([self.play, self.again]),
                self.status,
                self.chart,
                self.outcome,
                self.comparison,
            ]
        )
        self.new_moment()

    def new_moment(self, _=None):
        """A fresh buyer: a new hidden limit, and a low-ball at a new moment and size."""
        self._moment = m = LowBallMoment(rng=self._rng)
        self.story.value = (
            f"You sell; your reservation price is {m.your_reservation}. You opened at "
            f"{m.opening}; your plan held after the buyer's opening and then concedes in whole "
            f"steps that never grow, to a target of "
            f"{m.target} in the last round; in the last round you would accept any offer at "
            "or above your reservation price. So far:<br>"
            + price_history(m.before[:-1], you="you ask")
            + f"<br><b>Round {m.low_round + 1}: the buyer suddenly offers {m.low_ball}</b>, "
            f"well below its own offers so far, and says: “{escape(m.said)}” Your last ask "
            f"was {m.last_ask}; your next planned step is {m.planned_step}. What do you do?"
        )
        self.chart.value = concession_curves(
            moves_by_side(m.before), {"your reservation price": m.your_reservation}
        )
        self.outcome.value = self.comparison.value = self.status.value = ""
        self.ask.value = ""
        self.choice.value = None  # the learner picks an answer; none is suggested

    def see_what_happens(self, _=None):
        """Play the chosen answer to the end, and the others for comparison."""
        choice = self.choice.value
        if choice is None:
            self.status.value = message(
                "Pick an answer first: choose one of the answers above, then press "
                "'see what happens'.",
                ok=False,
            )
            return
        if choice not in RESPONSES:
            self.status.value = message(f"{choice!r} is not one of the answers", ok=False)
            return
        moment = self._moment
        try:
            ask = read_price(self.ask.value, 0, 100, "your ask") if choice == "ask" else None
            mine = moment.play(choice, ask)
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self.status.value = ""
        runs = {key: moment.play(key) for key in RESPONSES if key != "ask"}
        self.chart.value = concession_curves(
            moves_by_side(mine["history"]), {"your reservation price": moment.your_reservation}
        )
        verdict = verdict_of(moment, mine, runs["hold"])
        self.outcome.value = f"<b>{escape(verdict)}</b>"
        shown = {**runs, **({"ask": mine} if choice == "ask" else {})}
        rows = "".join(
            f"<tr><td>{escape(RESPONSES[key])}"
            + (f" ({run['history'][len(moment.before)][2]})" if run["step"] is not None else "")
            + f"</td><td>{_deal(run)}</td><td>{run['gain']:+g}</td><td>{_share(run)}</td></tr>"
            for key, run in shown.items()
        )
        self.comparison.value = (
            "<table><tr><th>answer</th><th>deal</th><th>gain over your BATNA</th>"
            f"<th>your share of the zone</th></tr>{rows}</table>"
        ) + ("" if moment.claim_true else f"<p>{escape(BUDGET_CLAIM_LINE)}</p>")


def _share(run):
    if run["share"] is None:
        return "—"
    return "none: below your reservation price" if run["share"] < 0 else f"{run['share']:.0%}"


def _deal(run):
    return "no deal" if run["price"] is None else amount(run["price"])


#: The right answer to the low-ball, judged as it looked when it came (you cannot tell a
#: real cut from a test then), by whether the claim was true; used only where no step did
#: better than holding (else ``_rule_answer_beaten``).
RIGHT_ANSWER = {
    True: " When the low-ball came you could not know that, so the right answer was still to "
    "repeat your last ask and ask what had changed (a drop after rising offers is a "
    "retraction, and section 3's rule 3 answers a retraction with a hold, not a step); once "
    "the buyer's offers confirmed the cut, to leave politely and say what would bring you back.",
    False: " The right answer was to repeat your last ask and ask what had changed: a drop "
    "after rising offers is a retraction, and section 3's rule 3 answers a retraction with a "
    "hold, whether or not a claim is true.",
}


#: Where a false budget claim falls on module 00's line: said once per moment, under the
#: comparison table, not in each verdict (review 88 U5). Review 114 U6: section 1's
#: distinction applied to the words said, not "ethicists ... are divided".
BUDGET_CLAIM_LINE = (
    "On section 1's line, the buyer's false claim is misrepresentation, not a bluff: \"all "
    'the budget allows" states a fact about its budget (a figure its board set, say), as an '
    "invented rival's quote does. An untrue \"I won't pay more than this\", a claim about its "
    "own limit, would have been a bluff, which the conventions of bargaining tolerate."
)


def which_buyer(moment):
    """Which of the two buyers the moment drew, as the debrief says it."""
    if moment.reads_any_step:
        return (
            " This buyer read any step in answer to its low-ball, however small, as pressure "
            "working, and would start again from its low-ball after one; half the buyers in this "
            "exercise do, and when the low-ball comes you cannot tell which buyer you face."
        )
    return (
        " This buyer read only a step much bigger than your planned one as pressure working; "
        "the other half of the buyers in this exercise read any step that way, and when the "
        "low-ball comes you cannot tell which buyer you face."
    )


def _rule_answer_beaten(who, by):
    """Rule 3's answer, in a moment where a step (``who``: your step, or your planned one)
    did better than holding by ``by``: holding is then not called right."""
    return (
        " Rule 3's answer was to repeat your last ask and ask what had changed: a drop after "
        "rising offers is a retraction, and rule 3 answers a retraction with a hold, whether "
        f"or not a claim is true. Here {who} did better than holding, by {by:g}."
    )


def _step_that_beat(moment, run, held):
    """Which step did better than holding in this moment, as the debrief names it: your
    own (``run``), else your planned step; with by how much. ``None`` when none did."""
    for who, played in (("your step", run), ("your planned step", moment.play("usual"))):
        if played["step"] and played["gain"] > held["gain"]:
            return who, played["gain"] - held["gain"]
    return None


def _against_hold(run, held):
    """For a step the buyer did not read as pressure and that did no better than holding:
    what it did against holding, in words true of both runs (the gain over your BATNA)."""
    if run["gain"] == held["gain"]:
        return (
            " Here your step cost you nothing against holding: this buyer does not punish a "
            "step of your planned size. Against a buyer that reads any step as pressure "
            "working, it can."
        )
    return ""


def verdict_of(moment, run, held):
    """What a played-out answer to the low-ball did, in words true of its history:
    ``run`` from ``moment.play``; ``held`` the run of repeating your last ask."""
    reservation = moment.your_reservation
    before = [p for r, who, p in moment.before if who == "bot"][-2]
    true = (
        f" This time the claim was true: the buyer's budget had been cut to {moment.low_ball}, "
        f"below your reservation price {reservation}, and it offered no more after it, so no "
        "deal could beat your BATNA."
        if moment.claim_true
        else " This time the claim was a test: the buyer's budget had not been cut."
    )
    beaten = _step_that_beat(moment, run, held)
    true += RIGHT_ANSWER[moment.claim_true] if beaten is None else _rule_answer_beaten(*beaten)
    true += which_buyer(moment)
    if run["response"] == "accept":
        text = f"You took the low-ball: a deal at {run['price']}"
        return (
            text
            + (
                f", {-run['gain']:g} below your reservation price {reservation}: worse than "
                "your BATNA."
                if run["gain"] < 0
                else f", {run['gain']:g} over your reservation price."
            )
            + true
        )
    if run["response"] == "walk":
        return (
            f"You left politely with your BATNA (worth {reservation}) and the door open. Before "
            f"the low-ball the buyer had come up to {before}; holding your ask would have "
            f"ended in {_ending(held, reservation)}." + true
        )
    step, planned = run["step"], max(moment.planned_step, 1)
    if step == 0:
        move = "You repeated your last ask"
    elif step < planned:
        move = f"You conceded {step}, no bigger than your next planned step ({planned})"
    elif step <= 1.5 * planned:
        move = f"You conceded {step}, about your next planned step ({planned})"
    else:
        move = f"You conceded {step}, {step / planned:.1f} times your next planned step ({planned})"
    back = run["back_in"]
    if moment.claim_true:
        answer = f"the buyer offered nothing above its low-ball ({moment.low_ball}) after that"
    elif run["pressed"]:
        answer = "the buyer read that as pressure working and started again from its low-ball" + (
            f"; it came back to its earlier offer ({before}) only in round {back}"
            if back
            else f", never coming back to its earlier offer ({before})"
        )
    else:
        answer = "the buyer read that the low-ball had not worked" + (
            f" and was back at or above its earlier offer ({before}) in round {back}"
            if back
            else " and went back to its own pace"
        )
    text = f"{move}: {answer}. It ended in {_ending(run, reservation)}."
    later = run["later_best"]
    if later is not None and later > moment.low_ball:
        text += (
            f" Its claim that the low-ball was all its budget allowed was not true: it later "
            f"offered {later}."
        )
    text += true
    if run["response"] != "hold":
        text += f" Repeating your last ask would have ended in {_ending(held, reservation)}."
        if step > 0 and not moment.claim_true and not run["pressed"]:
            text += _against_hold(run, held)
    return text


def _ending(run, reservation):
    if run["price"] is None:
        return "no deal" if run["ended_by"] != "walk away" else "no deal (a walk-away)"
    if run["price"] < reservation:
        return (
            f"a deal at {run['price']}, below your reservation price {reservation}: worse "
            "than your BATNA"
        )
    share = "" if run["share"] is None or run["share"] < 0 else f", {run['share']:.0%} of the zone"
    return f"a deal at {run['price']}{share}"
