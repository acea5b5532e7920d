"""The course on JupyterHub, for real, with deploy/jupyterhub_config.py: a Unix learner
logs in with their password (PAM), the hub spawns their server behind
configurable-http-proxy, they fetch module 02 through nbgrader's Assignments API, write
their answers and submit; the instructor collects and runs `leverage grade`, and the grade
is what the learner's answers earn; the feedback comes back the same way. Around that: an
account outside the course's groups is refused, and only an instructor's server offers
nbgrader's grading tools. Everything listens on 127.0.0.1; the exchange is a temporary
folder; the accounts are made for the test and removed after it.

Needs root (to create the account and let the hub switch to it) and the hub's environment
that `scripts/setup.sh --test` makes outside the checkout (LEVERAGE_HUB_HOME,
/opt/leverage-hub by default): JupyterHub, a copy of the course, the proxy from the npm
registry and a copy of deploy/, which the test runs.
"""

import contextlib
import filecmp
import grp
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import nbformat
import pandas as pd
import psutil
import pytest
import requests

from autograder.export import questions
from tests.browser.conftest import free_port
from tests.conftest import BIN, ROOT
from tests.notebooks import auto_points, release_notebook, solved
from tests.workshop_server import wait_until

pytestmark = [pytest.mark.hub, pytest.mark.xdist_group("hub")]

MODULE, NAME = "02_batna", "batna"
LEARNER = "hub-ada"
OUTSIDER = "hub-mallory"
INSTRUCTOR = "hub-teacher"
# The hub and the learners' servers run from an environment every account can read, outside
# the checkout (which may sit in a folder closed to them), made by scripts/setup.sh --test.
HUB_HOME = Path(os.environ.get("LEVERAGE_HUB_HOME", "/opt/leverage-hub"))
HUB_BIN = HUB_HOME / "venv" / "bin"
PROXY = HUB_HOME / "node_modules" / ".bin" / "configurable-http-proxy"
HUB_DEPLOY = HUB_HOME / "deploy"
CONFIG = HUB_DEPLOY / "jupyterhub_config.py"
LEARNERS_GROUP = "leverage-learners"  # as in deploy/jupyterhub_config.py
INSTRUCTORS_GROUP = "leverage-instructors"

# The learner gets batna_needed wrong: full marks less its points can only come from their
# own notebook, not from an unchanged release (0) or the solution (full marks).
WRONG_BATNA_NEEDED = (
    "def batna_needed(target, pie, their_batna):\n    return target - (pie - their_batna) / 2\n"
)
EXPECTED_AUTO_POINTS = (
    sum(auto_points(MODULE, NAME).values()) - auto_points(MODULE, NAME)["batna-needed-test"]
)


def run(command, **options):
    """Run a command, failing with its own words when it fails."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, **options)
    assert result.returncode == 0, (
        f"{command} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}"
    )
    return result


@contextlib.contextmanager
def unix_group(name):
    """The Unix group ``name``, made for the test when the machine has none."""
    assert os.geteuid() == 0, "the JupyterHub test creates Unix users: run it as root"
    try:
        grp.getgrnam(name)
    except KeyError:
        run(["groupadd", name])
        try:
            yield name
        finally:
            run(["groupdel", name])
    else:
        yield name


@pytest.fixture(scope="module")
def learners_group():
    with unix_group(LEARNERS_GROUP) as name:
        yield name


@pytest.fixture(scope="module")
def instructors_group():
    with unix_group(INSTRUCTORS_GROUP) as name:
        yield name


@contextlib.contextmanager
def unix_account(name, groups=()):
    """A Unix account with a fresh password, in ``groups``; removed afterwards."""
    _remove_user(name)  # left over by an interrupted run
    password = secrets.token_urlsafe(16)
    membership = ["--groups", ",".join(groups)] if groups else []
    run(["useradd", "--create-home", "--shell", "/bin/bash", *membership, name])
    run(["chpasswd"], input=f"{name}:{password}\n")
    try:
        yield name, password
    finally:
        _remove_user(name)


@pytest.fixture(scope="module")
def learner_account(learners_group):
    """The learner's account: (login, password)."""
    with unix_account(LEARNER, [learners_group]) as account:
        yield account


@pytest.fixture(scope="module")
def instructor_account(instructors_group):
    """An instructor's account: a hub admin through the instructors' group."""
    with unix_account(INSTRUCTOR, [instructors_group]) as account:
        yield account


@pytest.fixture(scope="module")
def outsider_account(learners_group):
    """An account of the machine that is not in the course's groups."""
    with unix_account(OUTSIDER) as account:
        yield account


def assert_reachable_by_everyone(path):
    """Learners' servers read the hub's environment and config: every folder above them must
    let other users through."""
    for folder in [path, *path.parents]:
        assert folder.stat().st_mode & 0o001, (
            f"{folder} is closed to other users (mode {folder.stat().st_mode & 0o777:o}): "
            "learners' servers could not start from below it; set LEVERAGE_HUB_HOME to a "
            "folder they can reach and run scripts/setup.sh --test"
        )


def assert_written_by_root_only(path):
    """The hub runs, as root, what its environment holds: no other account may change it."""
    mode = path.stat().st_mode
    assert path.stat().st_uid == 0 and not mode & 0o022, (
        f"{path} may be changed by other users (owner uid {path.stat().st_uid}, mode "
        f"{mode & 0o777:o}): a learner could change what the hub runs as root"
    )


def stale_copies(checkout, copy, pattern):
    """The files matching ``pattern`` under ``checkout`` that ``copy`` lacks or holds
    otherwise: what the hub would serve from an old copy."""
    stale = []
    for file in checkout.rglob(pattern):
        if not file.is_file() or "__pycache__" in file.parts:
            continue
        copied = copy / file.relative_to(checkout)
        if not (copied.is_file() and filecmp.cmp(file, copied, shallow=False)):
            stale.append(str(file.relative_to(ROOT)))
    return stale


def assert_hub_environment_ready():
    """The hub's environment is there, open to learners for reading, closed to their
    writing, and holds this checkout's course and deploy/."""
    for needed in (PROXY, HUB_BIN / "jupyterhub", CONFIG):
        assert needed.exists(), f"{needed} is missing: run scripts/setup.sh --test"
    for path in (HUB_BIN, HUB_DEPLOY):
        assert_reachable_by_everyone(path)
    for path in (HUB_HOME, HUB_BIN, HUB_DEPLOY):
        assert_written_by_root_only(path)
    site_packages = next(HUB_HOME.glob("venv/lib/python3*/site-packages"))
    stale = stale_copies(ROOT / "deploy", HUB_DEPLOY, "*")
    for package in ("course", "autograder"):
        stale += stale_copies(ROOT / package, site_packages / package, "*.py")
    assert not stale, (
        f"the hub's environment in {HUB_HOME} holds old copies of {', '.join(stale)}: "
        "run scripts/setup.sh --test"
    )


def _remove_user(name):
    try:
        pwd.getpwnam(name)
    except KeyError:
        return
    _end_processes_of(name)
    run(["userdel", "--remove", name])


def _end_processes_of(name):
    """End what is left of the account's processes: userdel refuses a busy account. A
    learner's server can hang on its way out after the hub's SIGINT, and the hub waits 30 s
    (JupyterHub's interrupt_timeout) before it escalates, longer than the test waits for it."""
    processes = [p for p in psutil.process_iter(["username"]) if p.info["username"] == name]
    for signal_them in (psutil.Process.terminate, psutil.Process.kill):
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                signal_them(process)
        _, processes = psutil.wait_procs(processes, timeout=10)
        if not processes:
            return


@pytest.fixture(scope="module")
def exchange():
    """nbgrader's exchange: a folder every account can reach (pytest's own are root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="leverage-exchange-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def course(own_course, exchange):
    """The instructor's course folder with module 02 built and released to the exchange."""
    root = own_course(MODULE)
    nbgrader(root, exchange, "release_assignment", MODULE)
    return root


def nbgrader(root, exchange, *arguments):
    """Run nbgrader as the instructor, with the hub's shared settings (its copy of
    deploy/jupyter, as docs/deploy.md has the instructor do)."""
    env = {
        **os.environ,
        "JUPYTER_CONFIG_PATH": str(HUB_DEPLOY / "jupyter"),
        "LEVERAGE_EXCHANGE": str(exchange),
    }
    return run([sys.executable, "-m", "nbgrader", *arguments], cwd=root, env=env)


#: Free ports are chosen before the hub binds them, and on a shared machine another program
#: may take one in between: the hub is started again on new ports, for that reason only.
HUB_START_ATTEMPTS = 3


class Hub:
    """A JupyterHub process with the course's config on free loopback ports, started in
    ``state`` (its database, cookie secret, proxy pid file and log)."""

    def __init__(self, state, exchange):
        self.state, self.log_path = state, state / "hub.log"
        port, hub_port, api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{port}"
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [
                    str(HUB_BIN / "jupyterhub"),
                    "-f",
                    str(CONFIG),
                    f"--JupyterHub.bind_url={self.url}",
                    f"--JupyterHub.hub_bind_url=http://127.0.0.1:{hub_port}",
                    f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{api_port}",
                ],
                cwd=state,
                env={**os.environ, "LEVERAGE_EXCHANGE": str(exchange)},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log_tail(self):
        return "\nhub log:\n" + self.log_path.read_text(errors="replace")[-4000:]

    def lost_a_port(self):
        return "EADDRINUSE" in self.log_path.read_text(errors="replace")

    def answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"the hub exited with {self.process.returncode}{self.log_tail()}")
        try:
            return requests.get(f"{self.url}/hub/api/", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False

    def stop(self):
        """Stop the hub as Ctrl-C would (it stops the users' servers and its proxy), and the
        proxy too if the hub died before it could."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        pid_file = self.state / "jupyterhub-proxy.pid"
        if pid_file.exists():
            with contextlib.suppress(psutil.NoSuchProcess, ValueError):
                proxy = psutil.Process(int(pid_file.read_text()))
                if "configurable-http-proxy" in " ".join(proxy.cmdline()):
                    proxy.kill()


@pytest.fixture(scope="module")
def hub(learner_account, instructor_account, outsider_account, exchange, tmp_path_factory):
    """The course's hub, running. It stops before the accounts are removed: stopping stops
    their servers (and whatever of theirs outlives a hub stopped by force is ended before an
    account goes)."""
    assert_hub_environment_ready()
    for attempt in range(1, HUB_START_ATTEMPTS + 1):
        running = Hub(tmp_path_factory.mktemp("hub-state"), exchange)
        try:
            wait_until(running.answers, 60, "the hub answering")
            break
        except (RuntimeError, TimeoutError):
            running.stop()
            if attempt == HUB_START_ATTEMPTS or not running.lost_a_port():
                raise
    try:
        yield running
    finally:
        running.stop()


class Browser:
    """A learner's browser session on the hub: cookies, and the XSRF token each form needs."""

    def __init__(self, url):
        self.url = url
        self.session = requests.Session()

    def _xsrf(self, path):
        cookies = [c for c in self.session.cookies if c.name == "_xsrf" and path.startswith(c.path)]
        return max(cookies, key=lambda c: len(c.path)).value if cookies else ""

    def get(self, path, **options):
        return self.session.get(self.url + path, timeout=60, **options)

    def post(self, path, **options):
        headers = {"X-XSRFToken": self._xsrf(path)}
        return self.session.post(self.url + path, headers=headers, timeout=120, **options)

    def put(self, path, **options):
        headers = {"X-XSRFToken": self._xsrf(path)}
        return self.session.put(self.url + path, headers=headers, timeout=60, **options)

    def log_in(self, name, password):
        """Fill in and send the hub's login form; the answer, redirects not followed."""
        self.get("/hub/login")
        form = {"username": name, "password": password, "_xsrf": self._xsrf("/hub/login")}
        return self.session.post(
            self.url + "/hub/login", data=form, allow_redirects=False, timeout=60
        )


def test_a_wrong_password_is_refused(hub, learner_account):
    name, _ = learner_account
    answer = Browser(hub.url).log_in(name, "not-" + secrets.token_hex(4))
    assert answer.status_code == 403 and "Invalid username or password" in answer.text


def test_an_account_outside_the_course_groups_is_refused(hub, outsider_account):
    name, password = outsider_account
    browser = Browser(hub.url)
    assert browser.log_in(name, password).status_code == 403
    assert browser.get("/hub/api/user").status_code == 403  # no session was opened


def open_server(hub, name, password):
    """Log in through the hub's form and start the user's server, as a browser does:
    (browser, the server's URL prefix)."""
    browser = Browser(hub.url)
    answer = browser.log_in(name, password)
    assert answer.status_code == 302, hub.log_tail()
    assert browser.get("/hub/api/user").json()["name"] == name
    started = browser.post(f"/hub/api/users/{name}/server")
    assert started.status_code in (201, 202), started.text + hub.log_tail()

    def ready():
        servers = browser.get(f"/hub/api/users/{name}").json()["servers"]
        return servers.get("", {}).get("ready")

    wait_until(ready, 90, f"{name}'s server starting")
    prefix = f"/user/{name}"
    # opening JupyterLab, as the browser does next, runs the OAuth handshake with the hub
    lab = browser.get(f"{prefix}/")
    assert lab.status_code == 200 and lab.url.endswith(f"{prefix}/lab"), lab.url + hub.log_tail()
    status = browser.get(f"{prefix}/api/status")
    assert status.status_code == 200, status.text[-2000:] + hub.log_tail()
    return browser, prefix


@pytest.fixture(scope="module")
def learner_server(hub, learner_account, course):
    """The learner logged in, with their server running."""
    return open_server(hub, *learner_account)


def test_grading_tools_are_for_instructors_only(hub, learner_server, instructor_account):
    learner, learner_prefix = learner_server
    instructor, instructor_prefix = open_server(hub, *instructor_account)
    assert learner.get(f"{learner_prefix}/formgrader").status_code == 404
    assert instructor.get(f"{instructor_prefix}/formgrader").status_code == 200
    nbgrader_plugins = {"formgrader", "course-list", "create-assignment"}
    assert nbgrader_plugins <= disabled_nbgrader_plugins(learner, learner_prefix)
    assert not disabled_nbgrader_plugins(instructor, instructor_prefix)


def disabled_nbgrader_plugins(browser, prefix):
    """The nbgrader plugins JupyterLab's page tells the browser not to load."""
    page = browser.get(f"{prefix}/lab").text
    start = page.index(">", page.index('id="jupyter-config-data"')) + 1
    config = json.loads(page[start : page.index("</script>", start)])
    return {
        plugin.split(":", 1)[1]
        for plugin in config.get("disabledExtensions", [])
        if plugin.startswith("@jupyter/nbgrader:")
    }


def test_the_learners_server_runs_as_their_own_unix_user(learner_server, learner_account):
    browser, prefix = learner_server
    home = Path(pwd.getpwnam(learner_account[0]).pw_dir)
    written = browser.put(
        f"{prefix}/api/contents/whoami.txt",
        json={"type": "file", "format": "text", "content": "me"},
    )
    assert written.status_code in (200, 201), written.text
    assert (home / "whoami.txt").stat().st_uid == pwd.getpwnam(learner_account[0]).pw_uid


def assignments(browser, prefix):
    answer = browser.get(f"{prefix}/assignments", params={"course_id": "leverage"})
    assert answer.status_code == 200, answer.text[-2000:]
    return {a["assignment_id"]: a for a in answer.json()["value"]}


def test_fetch_submit_collect_grade_and_feedback_round_trip(
    learner_server, learner_account, course, exchange
):
    browser, prefix = learner_server
    name = learner_account[0]
    listed = assignments(browser, prefix)
    assert listed[MODULE]["status"] == "released", listed

    action = {"course_id": "leverage", "assignment_id": MODULE}
    fetched = browser.post(f"{prefix}/assignments/fetch", json=action)
    assert fetched.status_code == 200, fetched.text[-2000:]
    notebook_path = f"{MODULE}/{NAME}.ipynb"
    opened = browser.get(f"{prefix}/api/contents/{notebook_path}").json()
    their_copy = nbformat.from_dict(opened["content"])
    assert [c.source for c in their_copy.cells] == [
        c.source for c in release_notebook(MODULE, NAME).cells
    ]

    work = solved(MODULE, NAME, batna_needed_answer=WRONG_BATNA_NEEDED)
    saved = browser.put(
        f"{prefix}/api/contents/{notebook_path}",
        json={"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(work))},
    )
    assert saved.status_code == 200, saved.text[-2000:]
    submitted = browser.post(f"{prefix}/assignments/submit", json=action)
    assert submitted.status_code == 200 and submitted.json()["success"], submitted.text
    assert assignments(browser, prefix)[MODULE]["status"] == "submitted"

    nbgrader(course, exchange, "collect", MODULE)
    collected = nbformat.read(course / "submitted" / name / MODULE / f"{NAME}.ipynb", 4)
    assert [c.source for c in collected.cells] == [c.source for c in work.cells]

    out = course / "grading" / MODULE
    run([str(BIN / "leverage"), "grade", MODULE, "--root", str(course), "--out", str(out)])
    grades = pd.read_csv(out / "grades.csv").set_index("learner")
    row = grades.loc[name]
    # the written parts (question 6b, the reflection) wait for the instructor
    autograded = [q for q in questions(grades) if q in auto_points(MODULE, NAME)]
    assert row[autograded].astype(float).sum() == EXPECTED_AUTO_POINTS
    assert row["batna-needed-test"] == 0

    # the grader's feedback goes back the same way, without the hidden tests
    nbgrader(course, exchange, "release_feedback", MODULE)
    returned = browser.post(f"{prefix}/assignments/fetch_feedback", json=action)
    assert returned.status_code == 200, returned.text[-2000:]
    feedback = browser.get(f"{prefix}/api/contents/{MODULE}/feedback").json()["content"]
    assert len(feedback) == 1, feedback  # one folder per submission, named by its time
    page = browser.get(f"{prefix}/api/contents/{quote(feedback[0]['path'])}/{NAME}.html").json()
    assert "only half a unit" in page["content"] and "HIDDEN TESTS" not in page["content"]
