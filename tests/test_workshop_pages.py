"""What every workshop page says before anything else (issue 19, item 9): the landing page
is a front door (what the session is, which app to open, big links), and each app's page
has a title and one line saying what to do, both taken from the workshop's list of apps."""

import json
from html import escape

import ipywidgets as w

from course.widgets.page import AppPage
from course.workshop.server import APPS, TASKS, apps_folder, landing_page, split_title

#: Apps whose notebook calls a function that puts the view in its page (tested with the view).
WRAPPED = {"arena.ipynb": "workshop_arena", "debrief.ipynb": "workshop_debrief"}
#: Apps whose views draw a page of their own, heading and guide included (issue 18).
OWN_PAGE = {"pairs.ipynb", "pairs_room.ipynb"}


def test_the_landing_page_is_a_front_door():
    page = landing_page()
    assert '<html lang="en">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<title>Leverage workshop</title>" in page and "<h1>Leverage workshop</h1>" in page
    assert "no code to write" in page  # what the session is, for people who write no code
    for name, title in APPS.items():
        shown, _ = split_title(title)
        assert f'<a href="voila/render/{name}"><strong>{shown}</strong>' in page
        assert escape(TASKS[name]) in page, f"{name} has no line saying what to do (TASKS)"
    # participants' apps first, the facilitator's in a section of their own
    assert page.index("Participants: open one of these") < page.index("For the facilitator")
    assert page.index("Negotiation arena") < page.index("For the facilitator")
    assert page.index("For the facilitator") < page.index("<strong>Debrief</strong>")


def test_a_title_says_who_opens_the_app():
    assert split_title("Debrief (facilitator)") == ("Debrief", "facilitator")
    assert split_title("BATNA builder") == ("BATNA builder", "participants")


def test_the_landing_page_escapes_what_it_is_given():
    page = landing_page({"x.ipynb": "<b>bold</b> (participants)"}, {"x.ipynb": "a & b"})
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "a &amp; b" in page


def test_every_app_page_has_its_title_and_what_to_do():
    for name, title in APPS.items():
        shown, _ = split_title(title)
        notebook = json.loads((apps_folder() / name).read_text(encoding="utf-8"))
        assert notebook["metadata"].get("title") == f"{shown} · Leverage workshop", (
            f"{name}: the browser tab's title (the notebook's metadata) is not its APPS title"
        )
        if name in OWN_PAGE:
            continue
        assert "AppPage(" in "".join(notebook["cells"][0]["source"]) or name in WRAPPED, name
        page = AppPage(name, w.HTML("the app's view"))
        assert "leverage-app" in page._dom_classes
        assert f"<h1>{shown}</h1>" in page.children[0].value
        assert f"<p class='app-task'>{escape(TASKS[name])}</p>" in page.children[0].value
        # what Voila writes into the page before the widgets arrive names the app, not the
        # page's style sheet
        assert repr(page).startswith(f"AppPage({name!r}, HTML(")
