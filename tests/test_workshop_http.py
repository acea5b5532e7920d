"""`leverage workshop` over HTTP: the rendered apps, the hardened configuration, kernels
released when a tab closes, codes on a network, and a clean stop."""

import re
import signal
import time

import pytest

from course.workshop.server import pool_sizes
from tests.workshop_server import get, kernels, printed_errors, wait_until, workshop

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("workshop")]

# the page holds each app's widget view (its visible text arrives over the websocket:
# the browser tests read that)
APPS = {
    "arena.ipynb": "WorkshopArena(children=",
    "batna.ipynb": "BatnaBuilder(children=",
    "audit.ipynb": "LeverageAudit(children=",
    "debrief.ipynb": "Debrief(children=",
}
SOURCE = ("from course", "workshop_arena()", "BatnaBuilder()", "LeverageAudit()", "import ")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with workshop(tmp_path_factory.mktemp("workshop")) as running:
        yield running


def test_the_launcher_prints_the_urls(server):
    _, _, lines = server
    text = "\n".join(lines)
    assert text.index("Warming") < text.index("Doors open.")  # URLs only once warm
    assert "Participants open: http://127.0.0.1:" in text and "voila/render/arena.ipynb" in text
    assert "Debrief (you):" in text and "code" not in text.lower()  # on loopback: no codes


def test_the_landing_page_links_every_app(server):
    base, _, _ = server
    status, page = get(base)
    assert status == 200
    for app in APPS:
        assert f'href="voila/render/{app}"' in page


@pytest.mark.parametrize(("app", "expected"), APPS.items())
def test_an_app_renders_without_source_or_traceback(server, app, expected):
    base, _, _ = server
    status, page = get(f"{base}voila/render/{app}")
    assert status == 200 and expected in page
    assert "application/vnd.jupyter.widget-view+json" in page
    for code in SOURCE:
        assert code not in page, f"{app} shows its source ({code!r})"
    assert "Traceback" not in page and '"output_type": "error"' not in page


@pytest.mark.parametrize(
    "path",
    [
        "voila/files/arena.ipynb",
        "voila/files/debrief.ipynb",
        "voila/files/../store.py",
        "voila/files/.hidden",
    ],
)
def test_files_outside_the_allowlist_are_refused(server, path):
    base, _, _ = server
    assert get(f"{base}{path}")[0] in (403, 404)
    assert get(f"{base}{path}")[0] != 200


def test_notebooks_are_refused_as_files(server):
    base, _, _ = server
    assert get(f"{base}voila/files/arena.ipynb")[0] == 403


def test_the_url_cannot_change_template_or_theme(server):
    base, _, _ = server
    status, page = get(f"{base}voila/render/batna.ipynb?voila-template=classic&voila-theme=dark")
    assert status == 200 and "theme-dark" not in page and "templates/lab/" in page
    assert "templates/classic/" not in page


def kernel_of(page):
    return re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)


def close_tab(base, kernel):
    """What Voila's beforeunload beacon sends: a form with an empty _xsrf, same origin."""
    beacon = {"Origin": base.rstrip("/"), "Content-Type": "multipart/form-data; boundary=x"}
    body = b'--x\r\nContent-Disposition: form-data; name="_xsrf"\r\n\r\n\r\n--x--\r\n'
    return get(f"{base}voila/api/shutdown/{kernel}", beacon, body)[0]


def test_closed_tabs_release_their_kernels(tmp_path):
    with workshop(tmp_path, participants=2) as (base, process, _):
        start = sum(pool_sizes(2).values())  # two arena kernels, a couple for each other app
        wait_until(lambda: len(kernels(process)) == start, 60, "the pools to be warm")
        opened = [kernel_of(get(f"{base}voila/render/arena.ipynb")[1]) for _ in range(3)]
        assert len(set(opened)) == 3  # two warm ones, then one started for the third visitor
        for kernel in opened:
            assert close_tab(base, kernel) == 204
            assert get(f"{base}api/kernels/{kernel}")[0] == 404
        wait_until(lambda: len(kernels(process)) == start, 120, "the kernel count to return")


def test_a_cross_site_beacon_is_refused(server):
    base, _, _ = server
    _, page = get(f"{base}voila/render/arena.ipynb")
    kernel = kernel_of(page)
    evil = {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
    # jupyter_server blocks cross-origin API requests with a 404; a 403 would do as well
    assert get(f"{base}voila/api/shutdown/{kernel}", evil, b"_xsrf=")[0] in (403, 404)
    assert get(f"{base}api/kernels/{kernel}")[0] == 200
    # and a beacon from no origin at all needs the _xsrf token it lacks
    plain = {"Content-Type": "application/x-www-form-urlencoded"}
    assert get(f"{base}voila/api/shutdown/{kernel}", plain, b"_xsrf=")[0] == 403
    assert get(f"{base}api/kernels/{kernel}")[0] == 200


def test_codes_are_required_on_a_network(tmp_path):
    with workshop(tmp_path, participants=1, extra=["--codes"], warm=False) as (base, _, lines):
        text = "\n".join(lines)
        join = re.search(r"Join code \(participants\): (\S+)", text).group(1)
        facilitator = re.search(r"Facilitator code .*: (\S+)", text).group(1)
        assert join != facilitator and facilitator not in "\n".join(
            line for line in lines if "http" in line
        )
        status, page = get(f"{base}voila/render/arena.ipynb")  # no join code: to the login
        assert status in (302, 403) and "WorkshopArena" not in page
        assert get(f"{base}")[0] in (302, 403)
        status, page = get(f"{base}voila/render/arena.ipynb?token={join}")
        assert status == 200 and "Negotiation arena" in page
        status, page = get(f"{base}voila/render/debrief.ipynb?token={join}")
        assert status == 200 and "Debrief(children=" in page and "negotiations by" not in page


def test_ctrl_c_stops_the_server_and_every_kernel(tmp_path):
    with workshop(tmp_path, participants=1) as (_, process, _lines):
        children = kernels(process)
        assert children
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
        assert all(not child.is_running() or child.status() == "zombie" for child in children)
        assert "every kernel is shut down" in process.stdout.read()


def test_ctrl_c_as_the_doors_open_stops_cleanly_too(tmp_path):
    """Right after the doors open the pools are refilling: Ctrl-C then used to interrupt a
    kernel's start-up and end with status 130 (two runs in five). `workshop` leaves no
    kernel behind, or fails."""
    for attempt in range(5):
        with workshop(tmp_path / str(attempt), participants=2, warm=False) as (_, process, _l):
            process.send_signal(signal.SIGINT)
            status = process.wait(timeout=60)
            assert status == 0, f"attempt {attempt}: {printed_errors(process)}"


def test_a_tab_closed_without_notice_is_culled_and_the_pools_stay_warm(tmp_path):
    """A page fetched and never connected stands for a tab that closed without the beacon:
    its kernel goes after --cull-idle seconds. The pools' kernels are idle too, but they
    are the room's warm seats: the culler must leave them alone."""
    with workshop(tmp_path, participants=1, extra=["--cull-idle", "3"]) as (base, process, _):
        warm = {kernel.pid for kernel in kernels(process)}
        assert len(warm) == sum(pool_sizes(1).values())
        get(f"{base}voila/render/arena.ipynb")  # takes a warm kernel; the pool refills
        wait_until(lambda: len(kernels(process)) > len(warm), 60, "the arena pool to refill")
        wait_until(lambda: len(kernels(process)) == len(warm), 60, "the idle kernel to be culled")
        time.sleep(8)  # a few more rounds of the culler
        now = {kernel.pid for kernel in kernels(process)}
        assert len(now) == len(warm)
        assert len(warm & now) >= len(warm) - 1  # only the arena seat the visitor took changed
