"""The workshop in a real browser: a participant plays a whole negotiation in the arena
by clicking, the facilitator sees it in the debrief, and closed tabs release kernels.

Screenshots land in SCREENSHOTS (a temp folder), one per step, as test artefacts.
"""

import re

import pytest

from course.store import ResultsStore
from tests.browser.conftest import SCREENSHOTS
from tests.workshop_server import kernels, wait_until, workshop

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("workshop")]


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"workshop-{name}.png"), full_page=True)


def open_app(context, url):
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    return page


def play_arena(page):
    """Join, open high, come down twice, then accept the bot's offer (or see the end)."""
    page.get_by_text("Enter your name and join.").wait_for()  # the kernel's label: live
    page.locator(".widget-text", has_text="your name").locator("input").fill("Ada")
    page.get_by_role("button", name="join").click()
    page.get_by_text("Make your opening offer").wait_for()
    brief = page.locator(".widget-html", has_text="you are the").inner_text()
    offer = page.locator(".widget-text", has_text="your offer").locator("input")
    assert offer.input_value() == ""  # no anchor planted in the box
    seller = "you are the seller" in brief
    for round_, price in enumerate((95, 85, 75) if seller else (5, 15, 25), start=2):
        offer.fill(str(price))
        offer.press("Enter")
        page.get_by_role("button", name="send offer").click()
        page.get_by_text(
            re.compile(rf"Round {round_} of at most 10|Saved for the debrief")
        ).wait_for()
        if page.get_by_text("Saved for the debrief").count():
            break
    else:
        page.get_by_role("button", name="accept its offer").click()
    page.get_by_text("Saved for the debrief").wait_for()
    return page.locator(".arena-result").inner_text()


def test_a_negotiation_played_in_the_arena_appears_in_the_debrief(browser, tmp_path):
    with workshop(tmp_path, participants=1, extra=["--bot", "conceder"]) as (base, server, _):
        start = len(kernels(server))
        # one context for every tab: closing a page alone runs its beforeunload handlers
        tabs = browser.new_context(viewport={"width": 1200, "height": 1000})
        arena = open_app(tabs, f"{base}voila/render/arena.ipynb")
        result = play_arena(arena)
        shot(arena, "arena-finished")
        assert result.startswith(("Deal at", "No deal"))
        assert arena.locator('svg[aria-label="both sides\' concession curves"]').count() == 1
        assert "Traceback" not in arena.content()

        (saved,) = ResultsStore(folder=tmp_path).records()
        assert saved["participant"] == "Ada" and saved["bot_style"] == "conceder"
        assert saved["first_offer"] in (95, 5)

        debrief = open_app(tabs, f"{base}voila/render/debrief.ipynb")
        try:
            debrief.locator(".counts").wait_for()
        finally:
            shot(debrief, "debrief-opening")
        assert re.search(
            r"1\s+negotiations by\s+1\s+participants", debrief.locator(".counts").inner_text()
        )
        assert debrief.locator("table.by-style").inner_text().count("conceder") == 1
        assert debrief.get_by_text("download the results (CSV)").count() == 1

        # a second participant finishes while the facilitator watches: the debrief updates
        second = open_app(tabs, f"{base}voila/render/arena.ipynb")
        play_arena(second)
        debrief.get_by_text(re.compile(r"2\s+negotiations by")).wait_for(timeout=30_000)
        shot(debrief, "debrief-live")
        # Chromium fires Voila's beforeunload beacon only on a page the user has touched;
        # an untouched closed tab is left to the culler (tested over HTTP)
        debrief.get_by_role("button", name="refresh now").click()

        for page in (arena, second, debrief):
            page.close(run_before_unload=True)
        wait_until(lambda: len(kernels(server)) == start, 120, "the kernels of closed tabs to go")
        tabs.close()


def test_the_leverage_audit_app_swings_with_the_news(browser, tmp_path):
    with workshop(tmp_path, participants=1) as (base, _, _):
        tabs = browser.new_context(viewport={"width": 1200, "height": 1000})
        audit = open_app(tabs, f"{base}voila/render/audit.ipynb")
        audit.get_by_text("Balance +0.70 points", exact=True).wait_for()  # the kernel's summary
        audit.get_by_role("button", name="next news").click()
        audit.get_by_text("launch date cannot move", exact=False).wait_for()
        audit.locator(".widget-dropdown select").nth(1).select_option(label="your information")
        audit.get_by_role("button", name="up", exact=True).click()
        audit.get_by_role("button", name="check my reading").click()
        audit.get_by_text("Balance +1.30 points", exact=True).wait_for()  # information +2, applied
        audit.locator(".widget-dropdown select").first.select_option(
            label="A sole-source component"
        )
        audit.get_by_text("strongly in their favour", exact=False).wait_for()
        shot(audit, "audit-sole-source")
        assert audit.get_by_text("What answers it, in Emerson's account", exact=False).count() == 1
        assert "Traceback" not in audit.content() and "LeverageAudit()" not in audit.content()
        tabs.close()
