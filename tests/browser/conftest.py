"""A real JupyterLab on 127.0.0.1 and Debian's Chromium driven by Playwright.

Never downloads a browser: Chromium comes from Debian (`make test` installs it). A missing
browser is a failure, not a skip, so CI cannot pass without running these tests.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, process, seconds=600):
    """Wait until ``url`` answers, failing early if the server died. A busy machine can take
    minutes to start JupyterLab (one run took over 60 s at load 17): the time limit only
    ends a wait on a server that neither answers nor dies."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory):
    """JupyterLab serving a copy of release/, as a learner ('ada') opens it."""
    home = tmp_path_factory.mktemp("learner")
    shutil.copytree(ROOT / "release", home / "release")
    token, port = secrets.token_hex(16), free_port()
    env = {
        **os.environ,
        "LEVERAGE_LEARNER": "ada",
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        # the learner's progress record starts empty, whatever this machine's holds
        "XDG_DATA_HOME": str(home / "data"),
        # JupyterLab as `make run` opens it for a learner: nbgrader's instructor tools hidden
        "JUPYTER_CONFIG_PATH": os.pathsep.join(
            str(ROOT / "deploy" / "jupyter" / name) for name in ("learners", "laptop")
        ),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--notebook-dir={home / 'release'}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            # lets a test wait on the notebook's kernel itself (KERNEL_READY)
            "--LabApp.expose_app_in_browser=True",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/status?token={token}", server)
        yield base, token, home / "release"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: don't leave it behind
            server.kill()
            server.wait()


SCREENSHOTS = Path(tempfile.gettempdir()) / "leverage-screenshots"

#: True once the open notebook's kernel is connected and idle. JupyterLab's execution
#: indicator says "idle" before any kernel exists (its default state), and "Run All" with no
#: kernel yet clears the cells instead of running them: on a busy machine a test that waited
#: on the indicator found its setup cell never run. This asks the notebook's session.
KERNEL_READY = """() => {
    const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel;
    return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}"""

#: "Run All Cells", as the Run menu does, resolving when the run has finished; then whether
#: the notebook's first code cell ran. Under heavy load JupyterLab can lose a run it queued
#: (the kernel's connection drops and comes back, and the queued cells are cleared): the
#: caller then runs them again, as a learner would.
RUN_ALL = """async () => {
    const app = window.jupyterapp;
    await app.commands.execute("notebook:run-all-cells");
    const cells = app.shell.currentWidget.content.model.cells;
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type === "code") { return cell.executionCount !== null; }
    }
    return true;
}"""


def _opened(browser, jupyterlab, notebook, unique):
    """A fresh copy of the release notebook ``notebook`` (path under release/), named after
    ``unique``, opened in JupyterLab in a page and workspace of its own (so it gets a kernel
    of its own and JupyterLab does not reopen other tests' notebooks), and run with "Run All
    Cells" once the kernel is idle. Returns the page."""
    base, token, folder = jupyterlab
    copy = f"{notebook.removesuffix('.ipynb')}-{unique}.ipynb"
    shutil.copy(folder / notebook, folder / copy)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    page.goto(f"{base}/lab/workspaces/{unique}/tree/{copy}?reset&token={token}")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.locator(".jp-RenderedMarkdown h1").first.wait_for()
    for _attempt in range(3):
        page.wait_for_function(KERNEL_READY, timeout=300_000)
        if page.evaluate(RUN_ALL):
            return page
    page.close()
    raise AssertionError("JupyterLab ran none of the notebook's cells, three times")


def _screenshot(page, request):
    """The end state of a test's page, in SCREENSHOTS, named after the test (test names
    repeat across modules' files: the file's name makes them unique)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    unique = f"{Path(request.node.fspath).stem}-{request.node.name}"
    page.screenshot(path=str(SCREENSHOTS / f"{unique}.png"))


@pytest.fixture
def open_notebook(browser, jupyterlab, request):
    """Open a release notebook (path under release/) the way a learner does: a fresh copy
    for this test (so it gets a kernel of its own), opened in JupyterLab and run with
    "Run All Cells" once the kernel is idle. Returns the page; a screenshot of the end
    state lands in SCREENSHOTS, named after the test."""
    pages = []
    unique = f"{Path(request.node.fspath).stem}-{request.node.name}"

    def open_(notebook):
        pages.append(_opened(browser, jupyterlab, notebook, unique))
        return pages[-1]

    yield open_
    for page in pages:
        _screenshot(page, request)
        page.close()


@pytest.fixture(scope="module")
def _opened_for_the_file(browser, jupyterlab, request):
    pages = {}
    unique = Path(request.node.fspath).stem

    def open_(notebook):
        if notebook not in pages:
            pages[notebook] = _opened(browser, jupyterlab, notebook, unique)
        return pages[notebook]

    yield open_
    for page in pages.values():
        page.close()


@pytest.fixture
def shared_notebook(_opened_for_the_file, request):
    """``open_notebook`` for the tests of one file that each play with cells and widgets of
    their own and read what "Run All" showed: the notebook is opened and run once, in the
    file's first test that asks for it, and its page is shared by the file's other tests
    (each "Run All" of a module is a full run of its notebook in a new kernel). Whatever the
    order, every test finds "Run All" done; a later test also sees what the earlier ones did
    with their own widgets, so a traceback they left fails it too. A screenshot of the end
    state of each test lands in SCREENSHOTS, named after the test."""
    pages = []

    def open_(notebook):
        pages.append(_opened_for_the_file(notebook))
        return pages[-1]

    yield open_
    for page in pages:
        _screenshot(page, request)


# -- what every JupyterLab test does in a notebook: one set, waiting on what the page shows --


def cell(page, code):
    """The code cell that contains ``code``, scrolled into view: JupyterLab does not render
    cells far off screen, and "Run All" leaves the view at the bottom of the notebook."""
    found = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell", has_text=code)
    found.scroll_into_view_if_needed()
    return found


def wait_in_cell(page, code, text, seconds=60):
    """Wait until ``text`` shows in the cell that contains ``code`` and return it, scrolling
    the cell back into view while "Run All" may still be moving the notebook."""
    deadline = time.monotonic() + seconds
    while True:
        shown = cell(page, code).get_by_text(text).first
        try:
            shown.wait_for(timeout=2_000)
            return shown
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise


def run_cell(page, code):
    """Run the code cell that contains ``code`` by itself, as a learner does with Shift+Enter
    (after "Run All", or coming back to a widget)."""
    cell(page, code).locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
