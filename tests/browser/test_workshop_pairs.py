"""The pairs workshop in a real browser: two participants, each in a Chromium context of
their own, negotiate the multi-issue case to a deal by clicking while the facilitator runs
the room; they answer the questionnaire and the deal shows in the debrief with its
distance to the Pareto frontier. Then a participant reloads mid-negotiation and carries
on. axe-core and the phone checks run on every page on the way.

Screenshots land in SCREENSHOTS (a temp folder), one per step, as test artefacts.
"""

import re

import pytest

from tests.browser.a11y import PHONE, check_page
from tests.browser.conftest import SCREENSHOTS
from tests.workshop_server import workshop

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("workshop")]

#: The middle option on every issue: a compromise that leaves 350 joint points unclaimed.
COMPROMISE = {
    "Annual fee": "€210k a year",
    "Contract length": "3 years",
    "Go-live": "in 4 months",
    "Phone support": "16 hours a day",
    "Who moves the old records": "half each",
}


def select(page, name, **option):
    """Pick ``option`` in the dropdown whose label is exactly ``name``."""
    found = page.locator(".widget-dropdown").filter(
        has=page.locator(".widget-label", has_text=re.compile(rf"^{re.escape(name)}$"))
    )
    found.locator("select").select_option(**option)


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"pairs-{name}.png"), full_page=True)


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    data = tmp_path_factory.mktemp("pairs-browser")
    with workshop(data, participants=2, activity="pairs") as (base, _, _):
        yield base


@pytest.fixture(scope="module")
def facilitator(browser, room):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{room}voila/render/pairs_room.ipynb")
    page.get_by_text(re.compile(r"people in the lobby")).wait_for()  # the kernel's count
    yield page
    shot(page, "facilitator-end")
    context.close()


def participant(browser, room, name, phone=False, enter=False):
    """A participant's own browser (a context of their own: their own seat cookie) on the
    pairs page, joined under ``name``."""
    context = browser.new_context(viewport=PHONE if phone else {"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{room}voila/render/pairs.ipynb")
    page.get_by_text("Type your name and press Enter").wait_for()
    box = page.locator(".widget-text", has_text="Your name").locator("input")
    box.fill(name)
    if enter:
        box.press("Enter")
    else:
        page.get_by_role("button", name="join").click()
    page.get_by_text(f"You are in the lobby as {name}").wait_for()
    # the page's heartbeat runs in the browser (a Play widget the kernel started)
    page.locator(".widget-play .fa-pause").wait_for(state="attached")
    return context, page


def start_round(facilitator, case, *names):
    facilitator.get_by_role("tab", name="The room").click()
    for name in names:  # the lobby as the facilitator sees it
        facilitator.locator("table.lobby").get_by_text(name, exact=True).wait_for()
    select(facilitator, "Case", label=case)
    facilitator.get_by_role("button", name="start the round").click()
    facilitator.get_by_text("The round has started").wait_for()


def answer_everything(page, value="5"):
    page.get_by_text("How do you feel about it?").wait_for()
    groups = page.locator(".widget-toggle-buttons")
    for index in range(groups.count()):
        groups.nth(index).get_by_role("button", name=value, exact=True).click()
    page.get_by_role("button", name="send my answers").click()
    page.get_by_text("your answers are saved").wait_for()


def test_two_people_and_a_facilitator_negotiate_to_a_deal_and_debrief_it(
    browser, room, facilitator
):
    check_page(facilitator, "the pairs room")
    ada_context, ada = participant(browser, room, "Ada", phone=True, enter=True)
    grace_context, grace = participant(browser, room, "Grace")
    check_page(ada, "the pairs lobby")
    start_round(facilitator, "Booking software for Northgate Clinics", "Ada", "Grace")
    for page, partner in ((ada, "Grace"), (grace, "Ada")):
        page.get_by_text(f"You negotiate with {partner}").wait_for()
    seller, buyer = (
        (ada, grace)
        if "Your role: Lumen Health" in ada.locator(".pairs-app").inner_text()
        else (grace, ada)
    )
    check_page(ada, "the pairs table")
    shot(ada, "table-phone")

    for label in COMPROMISE:
        select(seller, label, index=2)  # the middle option, listed third
    seller.get_by_text("This package is worth 500 points to you").wait_for()
    seller.get_by_role("button", name="send offer").click()
    buyer.get_by_text(re.compile(r"(Ada|Grace) offers Annual fee: €210k a year")).first.wait_for()
    buyer.get_by_text("worth 510 points to you").first.wait_for()
    buyer.locator(".widget-inline-hbox", has_text="Message").locator("input").fill(
        "Agreed, this works for us."
    )
    buyer.get_by_role("button", name="send message").click()
    seller.get_by_text("“Agreed, this works for us.”").first.wait_for()
    buyer.get_by_role("button", name="accept their offer").click()

    for page in (seller, buyer):
        answer_everything(page)
    check_page(buyer, "the questionnaire and result")
    # both answered and the only table has ended: the round is over, the numbers open
    for page in (seller, buyer):
        page.get_by_text("350 joint points from the Pareto frontier").wait_for()
    shot(ada, "result-phone")

    facilitator.get_by_role("tab", name="Debrief").click()
    outcomes = facilitator.locator("table.outcomes")
    outcomes.get_by_text("agreement").wait_for()
    row = outcomes.locator("tr", has_text="agreement").inner_text().split("\t")
    # created, left on the table, and a note on who sat there (nobody left, no bot)
    assert [cell.strip() for cell in row[-3:]] == ["150", "350", "–"]
    assert "Ada" not in outcomes.inner_text() and "Grace" not in outcomes.inner_text()
    assert (
        facilitator.locator('svg[aria-label="every deal against the Pareto frontier"]').count() == 1
    )
    assert facilitator.get_by_text("download every seat (CSV)").count() == 1
    check_page(facilitator, "the pairs debrief")
    shot(facilitator, "debrief")
    for context in (ada_context, grace_context):
        context.close()


def test_a_participant_who_reloads_mid_negotiation_carries_on(browser, room, facilitator):
    lin_context, lin = participant(browser, room, "Lin")
    sam_context, sam = participant(browser, room, "Sam")
    facilitator.get_by_role("tab", name="The room").click()
    facilitator.locator("table.lobby").get_by_text("Sam", exact=True).wait_for()
    select(facilitator, "Arrange", label="Lin")
    select(facilitator, "with", label="Sam")
    facilitator.get_by_role("button", name="pair these two").click()
    facilitator.get_by_text("Arranged: Lin with Sam").wait_for()
    start_round(facilitator, "Selling the Saffron Wheels food truck", "Lin", "Sam")
    lin.get_by_text("You negotiate with Sam").wait_for()
    sam.get_by_text("You negotiate with Lin").wait_for()

    lin.locator(".widget-text", has_text="Your price").locator("input").fill("60")
    lin.get_by_role("button", name="send offer").click()
    sam.get_by_text("Lin offers 60").first.wait_for()

    sam.reload()
    sam.get_by_text("You negotiate with Lin").wait_for()  # the seat is back
    sam.get_by_text("Lin offers 60").first.wait_for()  # and the history
    assert sam.get_by_text("Type your name").count() == 0
    sam.locator(".widget-text", has_text="Your price").locator("input").fill("44")
    sam.get_by_role("button", name="send offer").click()
    lin.get_by_text("Sam offers 44").first.wait_for()
    lin.get_by_role("button", name="accept their offer").click()
    for page in (lin, sam):
        page.get_by_text("Deal: 44").wait_for()
    shot(sam, "after-reload-deal")
    for context in (lin_context, sam_context):
        context.close()
