"""The pairs workshop's participant page (a Voila app): join the lobby with a display name,
read your own confidential brief, negotiate live with your partner (offers, short
messages, accept, walk away) against the round's clock, answer a short questionnaire on
how you feel about it, and see your result.

Who you are is your seat, found from your browser's seat cookie (``browser``) and kept
here in Python: no widget value names a seat, a pair or a person, so nothing a visitor
sets over the websocket can act for someone else. Your partner's brief, points table
and BATNA never reach this kernel before the round is over: the store gives this seat
its own brief only, and the whole case once the round has ended.

The page stays live by looking at the store a few times a second while it is open. It
knows it is open from a hidden ``Play`` widget whose browser-side timer ticks every few
seconds; when the ticks stop (the tab was closed or frozen), the kernel stops sending
anything, so an abandoned kernel goes idle and is culled.
"""

import asyncio
import os
import secrets
import time
from datetime import UTC, datetime
from html import escape

import ipywidgets as w

from course.pictures import amount
from course.widgets.arena import log, log_errors_to_file, safely
from course.widgets.guards import message
from course.widgets.rounds import read_price
from course.workshop import settings
from course.workshop.pairs import (
    PHRASES,
    QUESTIONS,
    REASONS,
    Room,
    browser_key,
    own_gain,
    own_value,
    score,
)

#: Seconds between two looks at the table while the page is open.
POLL = 0.25
#: The page's heartbeat, in milliseconds (a browser-side timer).
HEARTBEAT_MS = 5000
#: Seconds without a heartbeat after which the page counts as closed.
ALIVE = 20
#: Seconds after the page opened (or a click) during which the heartbeat is (re)started.
KICK_FOR = 60
#: Seconds between two notes of presence in the store, and between looks at the round.
SEEN_EVERY = 10
CHECK_EVERY = 2

#: The environment variable where Voila puts the browser's seat cookie (the workshop
#: server copies the cookie into the ``X-Leverage-Seat`` header of the page's request).
SEAT_ENV = "HTTP_X_LEVERAGE_SEAT"

#: Big touch targets, labels above their boxes on a narrow screen, nothing wider than it.
STYLE = """<style>
.pairs-app { max-width: 46em; }
.pairs-app .widget-button, .pairs-app .widget-toggle-button,
.pairs-app input, .pairs-app select { min-height: 44px; }
.pairs-app .widget-toggle-buttons .widget-toggle-button { min-width: 44px; }
.pairs-app .widget-hbox { flex-wrap: wrap; gap: 4px; }
.pairs-app .widget-inline-hbox { height: auto; min-height: 44px; }
.pairs-app .widget-text, .pairs-app .widget-dropdown, .pairs-app .widget-combobox {
  flex-wrap: wrap; width: 100%; max-width: 40em; }
.pairs-app .widget-inline-hbox > select, .pairs-app .widget-inline-hbox > input {
  flex: 1 1 14em; min-width: 0; max-width: 100%; }
.pairs-app .widget-label { width: auto !important; max-width: 100%; white-space: normal; }
.pairs-app .widget-html-content { white-space: normal; overflow-wrap: anywhere; }
.pairs-app svg { max-width: 100%; height: auto; }
.pairs-app .widget-tab > .lm-TabBar { min-height: 46px !important; }
.pairs-app .widget-tab > .lm-TabBar .lm-TabBar-tab { min-height: 44px !important; line-height: 44px; }
.pairs-app .lm-TabBar-tabLabel { color: #1a1a1a; }
.pairs-app a[download] { display: inline-block; min-height: 44px; line-height: 44px; margin-right: 1em; }
.pairs-app table { border-collapse: collapse; }
.pairs-app td, .pairs-app th { border-bottom: 1px solid #ccc; padding: 4px 8px; text-align: left; }
</style>"""


def button(description, icon=None, style=""):
    return w.Button(description=description, icon=icon or "", button_style=style)


def hidden(widget, hide=True):
    widget.layout.display = "none" if hide else None
    return widget


def clock_text(seconds):
    """Time left as people read it: ``12:05 left``; ``time is up`` at the end."""
    if seconds <= 0:
        return "time is up"
    minutes, rest = divmod(int(seconds + 0.999), 60)
    return f"{minutes}:{rest:02d} left"


def offer_text(brief, offer, points_for=None):
    """An offer in words: a price, or each issue's option; ``points_for`` (a brief) adds
    what the offer is worth to that seat."""
    if brief["kind"] == "price":
        return amount(offer)
    text = "; ".join(f"{issue['label']}: {offer[issue['key']]}" for issue in brief["issues"])
    if points_for is not None:
        text += f" (worth {amount(own_value(points_for, offer))} points to you)"
    return text


def brief_html(brief):
    """A seat's confidential brief as HTML: the situation, the role, what they know, and
    for several issues their own points table."""
    own = brief["own"]
    parts = [
        "<details open><summary>Your confidential brief (tap to fold)</summary>",
        f"<h3>{escape(brief['title'])}</h3>",
        f"<p>{escape(brief['situation'])}</p>",
        f"<p><b>Your role: {escape(own['title'])}.</b> You face {escape(brief['other']['title'])}.</p>",
        *(f"<p>{escape(paragraph)}</p>" for paragraph in own["brief"]),
    ]
    if brief["kind"] == "package":
        rows = "".join(
            f"<tr><th scope='row'>{escape(issue['label'])}</th>"
            + "".join(
                f"<td>{escape(level)}: <b>{own['points'][issue['key']][level]}</b></td>"
                for level in issue["levels"]
            )
            + "</tr>"
            for issue in brief["issues"]
        )
        parts.append(
            "<div style='overflow-x:auto'><table class='points'>"
            f"<caption>Your points (your BATNA: {own['batna']} points)</caption>"
            f"{rows}</table></div>"
        )
    return "".join(parts) + "</details>"


class PairsTable(w.VBox):
    """A participant's page over ``room`` (a ``Room``), as the browser with seat cookie
    ``browser`` (its ``browser_key``). ``poll_every`` seconds between looks at the store
    (0: only when ``tick()`` is called, for tests); ``clock`` for tests."""

    def __init__(self, room, browser, poll_every=POLL, clock=time.monotonic):
        self.room, self.browser, self._every, self._clock = room, browser, poll_every, clock
        self._person = self._seat = self._round = self._case = None
        self._moves, self._standing, self._ended, self._answered = [], None, None, False
        self._revealed = False
        self._alive_until = clock() + KICK_FOR
        self._beats, self._kicked, self._seen_at, self._checked_at = 0, 0.0, 0.0, 0.0
        self._shown_clock, self._warned = None, False
        self.add_class("pairs-app")

        self.guide = w.HTML()
        self.name = w.Text(
            description="Your name",
            placeholder="a first name or a nickname",
            continuous_update=False,
        )
        self.join = button("join", "sign-in", "primary")
        self.join.on_click(safely(self, self.join_lobby))
        self.name.observe(safely(self, lambda _: self.join_lobby()), "value")
        self.join_box = w.HBox([self.name, self.join])

        self.lobby = w.HTML()
        self.partner = w.HTML()
        self.clock_line = w.HTML()
        self.brief = w.HTML()
        self.price = w.Text(description="Your price", continuous_update=True)
        self.levels = {}
        self.worth = w.HTML()
        self.composer = w.VBox()
        self.send_offer = button("send offer", "paper-plane", "primary")
        self.send_offer.on_click(safely(self, self.make_offer))
        self.table_offer = w.HTML()
        self.accept = button("accept their offer", "check", "success")
        self.accept.on_click(safely(self, self.accept_offer))
        self.words = w.Combobox(
            description="Message",
            placeholder="pick a phrase or type your own",
            options=PHRASES,
            ensure_option=False,
        )
        self.send_words = button("send message", "comment")
        self.send_words.on_click(safely(self, self.send_message))
        self.walk = button("walk away", "sign-out", "danger")
        self.walk.on_click(safely(self, lambda _: self._confirm_walk(True)))
        self.reason = w.Dropdown(
            description="Why (optional)",
            options=[("no reason given", ""), *((r, r) for r in REASONS)],
        )
        self.walk_yes = button("yes, walk away", "sign-out", "danger")
        self.walk_yes.on_click(safely(self, self.walk_away))
        self.walk_no = button("keep negotiating")
        self.walk_no.on_click(safely(self, lambda _: self._confirm_walk(False)))
        self.confirm = hidden(
            w.VBox(
                [
                    w.HTML("<p><b>Walk away?</b> The negotiation ends with no deal.</p>"),
                    self.reason,
                    w.HBox([self.walk_yes, self.walk_no]),
                ]
            )
        )
        self.away_text = w.HTML()
        self.with_bot = button("finish against a bot", "android")
        self.with_bot.on_click(safely(self, lambda _: self._replace(by_bot=True)))
        self.partner_left = button("end: my partner left", "user-times")
        self.partner_left.on_click(safely(self, lambda _: self._replace(by_bot=False)))
        self.away = hidden(w.VBox([self.away_text, w.HBox([self.with_bot, self.partner_left])]))
        self.announce = w.HTML()  # the partner's latest move, for screen readers too
        self.history = w.HTML()
        self.moves_box = w.VBox(
            [
                self.composer,
                self.send_offer,
                self.table_offer,
                self.accept,
                w.HBox([self.words, self.send_words]),
                self.walk,
                self.confirm,
            ]
        )
        self.table = hidden(
            w.VBox(
                [
                    self.partner,
                    self.clock_line,
                    self.away,
                    self.announce,
                    self.moves_box,
                    w.HTML("<h3>What has been said</h3>"),
                    self.history,
                    self.brief,
                ]
            )
        )

        self.questions = {
            key: w.ToggleButtons(
                options=[(str(n), n) for n in range(1, 8)],
                value=None,
                style={"button_width": "44px"},
                tooltips=[f"{n} of 7" for n in range(1, 8)],
            )
            for key, _, _ in QUESTIONS
        }
        self.send_answers = button("send my answers", "paper-plane", "primary")
        self.send_answers.on_click(safely(self, self.answer))
        self.questionnaire = hidden(
            w.VBox(
                [
                    w.HTML(
                        "<h3>How do you feel about it?</h3><p>Answer each question from 1 "
                        "(not at all) to 7 (very much). Only the facilitator sees your "
                        "answers, with the room's.</p>"
                    ),
                    *(
                        item
                        for key, _, text in QUESTIONS
                        for item in (w.HTML(f"<p>{escape(text)}</p>"), self.questions[key])
                    ),
                    self.send_answers,
                ]
            )
        )
        self.result = w.HTML()
        self.status = w.HTML()
        self.heartbeat = hidden(
            w.Play(value=0, min=0, max=10**8, interval=HEARTBEAT_MS, show_repeat=False)
        )
        self.heartbeat.observe(self._beat, "value")
        super().__init__(
            [
                w.HTML(STYLE + "<h2>Negotiate with a partner</h2>"),
                self.guide,
                self.join_box,
                self.lobby,
                self.table,
                self.questionnaire,
                self.result,
                self.status,
                self.heartbeat,
            ]
        )
        found = room.person(browser)
        if found is None:
            self.guide.value = "<p>Type your name and press Enter (or join) to enter the lobby.</p>"
        else:
            self._person = found["id"]
            self.name.unobserve_all("value")
            self.name.value = found["name"]
            self._welcome()
            self.refresh()
        if poll_every:
            asyncio.get_event_loop().call_later(poll_every, self._loop)

    # -- joining and the lobby --

    def join_lobby(self, _=None):
        """Join the lobby under the name typed (re-checked here)."""
        if self._person is not None:
            return
        try:
            self._person = self.room.join(self.browser, self.name.value)
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
            return
        self._touch()
        self.name.value = " ".join(self.name.value.split())
        self._welcome()
        self.refresh()

    def _welcome(self):
        self.name.disabled = self.join.disabled = True
        hidden(self.join_box)
        self.status.value = ""

    def refresh(self):
        """Look at the round: a seat in it (a new round replaces the last), or the lobby."""
        self._checked_at = self._clock()
        current = self.room.current_round()
        if current is None or (self._seat and current["id"] == self._seat["round_id"]):
            if current is None:
                self._show_lobby("Waiting for the facilitator to start the first round.")
            else:
                self._round = current
            return
        seat = self.room.seat(self._person, current["id"])
        if seat is None:
            self._show_lobby(
                "A round is under way without you: you will be paired in the next one."
                if current["running"]
                else "Waiting for the facilitator to start the next round."
            )
            return
        self._sit(seat, current)

    def _show_lobby(self, text):
        if self._seat is not None:  # between rounds the last result stays on show
            self.lobby.value = message(text)
            return
        name = escape(self.name.value)
        self.guide.value = f"<p>You are in the lobby as <b>{name}</b>. Keep this page open.</p>"
        self.lobby.value = message(text)

    def _sit(self, seat, current):
        self._seat, self._round, self._case = seat, current, None
        self._moves, self._standing, self._ended, self._answered = [], None, None, False
        self._shown_clock, self._warned, self._revealed = None, False, False
        brief = seat["brief"]
        self.guide.value = (
            f"<p>Round {current['id']}: read your brief, then make offers and talk with "
            "your partner until you agree, walk away or the time runs out.</p>"
        )
        self.lobby.value = self.result.value = self.announce.value = self.status.value = ""
        self.brief.value = brief_html(brief)
        self._build_composer(brief)
        for question in self.questions.values():
            question.value = None
        hidden(self.table, False)
        hidden(self.questionnaire)
        hidden(self.moves_box, False)
        self._show_partner()
        self._show_standing()
        self._read_moves()
        self._show_clock()

    def _build_composer(self, brief):
        if brief["kind"] == "price":
            self.price.description = f"Your price ({brief['low']}–{brief['high']})"
            self.price.value = ""
            self.levels = {}
            self.composer.children = [self.price]
            self.worth.value = ""
            return
        points = brief["own"]["points"]
        self.levels = {}
        for issue in brief["issues"]:
            table = points[issue["key"]]
            dropdown = w.Dropdown(
                description=issue["label"],
                options=[(f"{level} ({table[level]} points)", level) for level in issue["levels"]],
                value=max(issue["levels"], key=table.get),
            )
            dropdown.observe(safely(self, lambda _: self._show_worth()), "value")
            self.levels[issue["key"]] = dropdown
        self.composer.children = [*self.levels.values(), self.worth]
        self._show_worth()

    def _package(self):
        return {key: dropdown.value for key, dropdown in self.levels.items()}

    def _show_worth(self):
        brief = self._seat["brief"]
        try:
            worth = own_value(brief, self._package())
        except ValueError as error:
            self.worth.value = message(str(error), ok=False)
            return
        self.worth.value = (
            f"<p>This package is worth <b>{amount(worth)}</b> points to you "
            f"(your BATNA: {amount(brief['own']['batna'])}).</p>"
        )

    # -- moves --

    def make_offer(self, _=None):
        """Send the price typed, or the package picked (both checked again here)."""
        brief = self._seat_for_moves()
        if brief is None:
            return
        if brief["kind"] == "price":
            try:
                offer = read_price(self.price.value, brief["low"], brief["high"])
            except ValueError as error:
                self.status.value = message(str(error), ok=False)
                return
        else:
            offer = self._package()
        if self._move("offer", offer=offer):
            self.status.value = message("Offer sent.")

    def accept_offer(self, _=None):
        """Accept the partner's offer on the table (the one this page shows)."""
        if self._seat_for_moves() is None:
            return
        if self._standing is None or self._standing["seat_id"] == self._seat["id"]:
            self.status.value = message("There is no offer from your partner to accept.", ok=False)
            return
        self._move("accept", answering=self._standing["number"])

    def send_message(self, _=None):
        if self._seat_for_moves() is None:
            return
        if self._move("message", text=self.words.value):
            self.words.value = ""
            self.status.value = message("Message sent.")

    def _confirm_walk(self, show):
        if self._seat_for_moves() is None:
            return
        hidden(self.confirm, not show)
        hidden(self.walk, show)

    def walk_away(self, _=None):
        if self._seat_for_moves() is None:
            return
        reason = self.reason.value if self.reason.value in REASONS else None
        self._move("walk away", text=reason)

    def _replace(self, by_bot):
        if self._seat_for_moves() is None:
            return
        try:
            self.room.replace_partner(self._seat["id"], by_bot)
        except ValueError as error:
            self.status.value = message(str(error), ok=False)
        hidden(self.away)
        self._read_moves()
        self._show_partner()

    def _seat_for_moves(self):
        """The seat's brief if a move can be made now, else ``None`` (said in ``status``)."""
        self._touch()
        if self._seat is None:
            self.status.value = message("Join and wait to be paired first.", ok=False)
            return None
        if self._ended is not None:
            self.status.value = message("This negotiation is over.", ok=False)
            return None
        return self._seat["brief"]

    def _move(self, kind, **what):
        try:
            self.room.act(self._seat["id"], kind, **what)
        except ValueError as error:
            self.status.value = message(str(error).capitalize() + ".", ok=False)
            self._read_moves()
            return False
        self._read_moves()
        return True

    # -- what the store says --

    def _read_moves(self):
        new = self.room.moves(
            self._seat["pair_id"], after=self._moves[-1]["number"] if self._moves else 0
        )
        if not new:
            return
        self._moves += new
        for move in new:
            if move["kind"] == "offer":
                self._standing = move
            if move["kind"] in ("accept", "walk away", "time", "partner left"):
                self._ended = move
        theirs = [m for m in new if m["seat_id"] != self._seat["id"]]
        if theirs:
            self.announce.value = (
                f"<p role='status'><b>{escape(self._describe(theirs[-1]))}</b></p>"
            )
        self.history.value = (
            "<ol class='moves'>"
            + "".join(f"<li>{escape(self._describe(m))}</li>" for m in self._moves)
            + "</ol>"
        )
        self._show_standing()
        if self._ended is not None:
            self._finish()

    def _describe(self, move):
        seat = self._seat
        when = _since(self._round["started_at"], move["at"])
        mine = move["seat_id"] == seat["id"]
        who = "You" if mine else seat["partner"]["name"]
        s = "" if mine else "s"
        kind = move["kind"]
        if kind == "offer":
            points_for = None if mine else seat["brief"]
            text = f"{who} offer{s} {offer_text(seat['brief'], move['offer'], points_for)}"
        elif kind == "message":
            text = f"{who}: “{move['text']}”"
        elif kind == "accept":
            text = f"{who} accepted {'their' if mine else 'your'} offer: deal."
        elif kind == "walk away":
            text = f"{who} walked away" + (f": “{move['text']}”" if move["text"] else ".")
        else:
            text = move["text"] or kind
        return f"{when} {text}"

    def _show_standing(self):
        standing, brief = self._standing, self._seat["brief"]
        theirs = standing is not None and standing["seat_id"] != self._seat["id"]
        self.accept.disabled = not theirs or self._ended is not None
        if standing is None:
            self.table_offer.value = "<p>No offer on the table yet: you may open.</p>"
        elif theirs:
            gain = own_gain(brief, standing["offer"])
            self.table_offer.value = (
                f"<p>On the table, from {escape(self._seat['partner']['name'])}: "
                f"<b>{escape(offer_text(brief, standing['offer'], brief))}</b>. "
                f"That is {amount(abs(gain))} {'better' if gain >= 0 else 'worse'} than "
                "walking away.</p>"
            )
        else:
            self.table_offer.value = (
                f"<p>On the table: your offer of {escape(offer_text(brief, standing['offer']))}. "
                "Waiting for your partner.</p>"
            )

    def _show_partner(self):
        own = self.room.seat(self._person, self._seat["round_id"])
        partner = own["partner"]
        self._seat["partner"], self._seat["bot"] = partner, own["bot"]
        who = escape(partner["name"])
        if own["bot"] and self._ended is None:  # away too long: a bot plays this seat now
            hidden(self.moves_box)
            hidden(self.away)
            self.partner.value = (
                "<p>You were away too long: <b>a bot</b> negotiates in your seat now, "
                f"with {who}. Watch how it ends below.</p>"
            )
            return
        if partner["bot"]:
            self.partner.value = f"<p>You negotiate with <b>a bot</b> ({escape(self._seat['brief']['other']['title'])}).</p>"
            hidden(self.away)
            return
        self.partner.value = f"<p>You negotiate with <b>{who}</b> ({escape(self._seat['brief']['other']['title'])}).</p>"
        gone = (datetime.now(UTC) - partner["seen_at"]).total_seconds()
        limit = self._round["away_limit"]
        if self._ended is None and gone >= limit:
            self.away_text.value = message(
                f"{partner['name']} has been away for {int(gone // 60)} min: finish against a "
                "bot, or end the negotiation as 'partner left'.",
                ok=False,
            )
            hidden(self.away, False)
        else:
            hidden(self.away)

    def _show_clock(self):
        if self._round is None:
            return
        if self._ended is not None:
            text = "This negotiation is over."
        else:
            left = (self._round["ends_at"] - datetime.now(UTC)).total_seconds()
            text = f"Time: {clock_text(left)}"
            if 0 < left <= 60 and not self._warned:
                self._warned = True
                self.announce.value = "<p role='status'><b>One minute left.</b></p>"
        if text != self._shown_clock:
            self._shown_clock = text
            self.clock_line.value = f"<p class='clock'>{text}</p>"

    # -- the end --

    def _finish(self):
        hidden(self.moves_box)
        hidden(self.away)
        self._show_clock()
        if self._seat["bot"]:  # a bot finished in this seat: nothing for this person to rate
            self._answered = True
        elif not self._answered and self.room.answers_of(self._seat["id"]) is None:
            hidden(self.questionnaire, False)
            self.guide.value = "<p>Your negotiation is over: answer the questions below.</p>"
        else:
            self._answered = True
        self._show_result()

    def answer(self, _=None):
        """Send the questionnaire (every answer checked again here)."""
        self._touch()
        if self._seat is None or self._ended is None:
            self.status.value = message(
                "The questions open when your negotiation is over.", ok=False
            )
            return
        answers = {key: toggle.value for key, toggle in self.questions.items()}
        if any(value is None for value in answers.values()):
            self.status.value = message("Answer every question, from 1 to 7.", ok=False)
            return
        try:
            self.room.answer(self._seat["id"], answers)
        except ValueError as error:
            self.status.value = message(str(error).capitalize() + ".", ok=False)
            return
        self._answered = True
        hidden(self.questionnaire)
        self.status.value = message("Thank you: your answers are saved.")
        self._show_result()

    def _show_result(self):
        """Your own result now; the share of the zone and the frontier once the round is
        over (they need the other side's numbers)."""
        brief = self._seat["brief"]
        table = self.room.table(self._seat["pair_id"])
        deal = table["deal"]
        if deal is None:
            kind = {
                "walk away": "a walk-away",
                "time": "the time ran out",
                "partner left": "your partner left"
                if table["ended_seat"] == self._seat["id"]
                else "you were away too long and your partner ended it",
            }
            text = (
                f"No deal ({kind.get(table['ended_by'], table['ended_by'])}): you take your BATNA."
            )
        else:
            gain = own_gain(brief, deal)
            worth = (
                ""
                if brief["kind"] == "price"
                else f" (worth {amount(own_value(brief, deal))} points to you)"
            )
            text = (
                f"Deal: {offer_text(brief, deal)}{worth}, {amount(abs(gain))} "
                f"{'better' if gain >= 0 else 'worse'} than walking away."
            )
        parts = [f"<p class='pair-result'><b>{escape(text)}</b></p>"]
        if not self._answered:
            self.result.value = parts[0]
            return
        if self._round_over():
            self._revealed = True
            parts.append(self._reveal(deal))
        else:
            parts.append(
                "<p>When the round is over you will see the other side's numbers: "
                + (
                    "your share of the zone."
                    if brief["kind"] == "price"
                    else "how far your deal sits from the Pareto frontier."
                )
                + "</p>"
            )
        self.guide.value = "<p>Your negotiation is over. Wait here for the next round.</p>"
        self.result.value = "".join(parts)

    def _round_over(self):
        round_ = self.room.rounds(self._seat["round_id"])[0]
        self._round = round_
        return not round_["running"]

    def _reveal(self, deal):
        if self._case is None:
            self._case = self.room.case_of(self._seat["round_id"])
        case, side = self._case, self._seat["side"]
        scored = score(case, deal)
        other = "buyer" if side == "seller" else "seller"
        if case["kind"] == "price":
            low, high = scored["zone"]
            text = (
                f"The zone of possible agreement ran from the seller's {amount(low)} to the "
                f"buyer's {amount(high)}."
            )
            if deal is not None and scored[side]["claimed"] is not None:
                text += f" You claimed {scored[side]['claimed']:.0%} of it."
            return f"<p>{escape(text)}</p>"
        text = (
            f"The other side's BATNA was {amount(case['sides'][other]['batna'])} points; "
            f"your pair created {amount(scored['joint_gain'])} points over both BATNAs."
        )
        if deal is not None:
            frontier = scored["frontier"]
            text += (
                " Your deal is on the Pareto frontier: no package was better for both of you."
                if frontier["on_frontier"]
                else f" Your deal sits {amount(frontier['left_on_table'])} joint points from the "
                "Pareto frontier: a package better for both of you was there to find."
            )
        return f"<p>{escape(text)}</p>"

    # -- the page's life --

    def _beat(self, _change):
        """The browser's heartbeat: the page is open."""
        self._beats += 1
        self._touch()

    def _touch(self):
        self._alive_until = self._clock() + ALIVE
        if self._person is not None and self._clock() - self._seen_at >= SEEN_EVERY:
            self._seen_at = self._clock()
            self.room.seen(self._person)

    def _kick(self):
        """Start the browser's heartbeat timer (only a change of ``playing`` starts it)."""
        self._kicked = self._clock()
        self.heartbeat.playing = False
        self.heartbeat.playing = True

    def tick(self):
        """One look while the page is open: new moves, the clock, now and then the round
        and the partner. Nothing at all once the page is closed."""
        now = self._clock()
        if now > self._alive_until:
            return
        if self._beats == 0 and now - self._kicked >= 2:
            self._kick()
        if self._person is None:
            return
        if self._seat is not None and self._ended is None:
            self._read_moves()
        if now - self._checked_at >= CHECK_EVERY:
            self.refresh()
            if self._seat is not None:
                if self._ended is None:
                    self._round = self.room.rounds(self._seat["round_id"])[0]
                    self._show_partner()
                elif self._answered and not self._revealed:
                    self._show_result()
        if self._seat is not None:
            self._show_clock()

    def _loop(self):
        try:
            self.tick()
        except Exception:
            log.exception("the pairs page could not look at the store")
        asyncio.get_event_loop().call_later(self._every, self._loop)


def _since(start, moment):
    seconds = max(0, int((moment - start).total_seconds()))
    return f"[{seconds // 60}:{seconds % 60:02d}]"


def seat_cookie():
    """This page's browser seat cookie, from the request Voila passed to the kernel (a
    preheated kernel waits here for its visitor); a fresh one outside the workshop."""
    from voila.utils import wait_for_request

    wait_for_request()
    return os.environ.get(SEAT_ENV) or secrets.token_urlsafe(24)


def tracebacks_to_the_log():
    """When a widget refuses a value a visitor set over the websocket (ipywidgets' message
    handler catches the ``TraitError``), IPython sends the traceback back to the visitor:
    send it to the facilitator's error log instead (once per kernel)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.showtraceback = lambda *_, **__: log.warning(
            "a widget refused a value", exc_info=True
        )


def workshop_pairs():
    """The participant's page as the workshop app shows it."""
    from course.store import ResultsStore

    log_errors_to_file(settings.error_log())
    tracebacks_to_the_log()
    browser = browser_key(seat_cookie())
    return PairsTable(Room(ResultsStore(settings.store_url())), browser)
