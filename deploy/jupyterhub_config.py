"""JupyterHub for one Leverage course on one machine: learners log in with their Unix
account, fetch and submit through nbgrader's exchange; instructors grade with
``leverage grade``. tests/test_jupyterhub.py runs this file as a course's hub does;
docs/deploy.md walks through it.

The hub runs the copy of this file in its own environment, which ``scripts/setup.sh --hub``
makes outside the checkout (``/opt/leverage-hub`` by default, readable by every account):
everything it starts is found beside that copy, so learners' servers need nothing from the
checkout. Run it as root from the hub's state folder (the sqlite database and cookie secret
are kept in the current folder, JupyterHub's default)::

    cd /srv/jupyterhub && /opt/leverage-hub/venv/bin/jupyterhub -f /opt/leverage-hub/deploy/jupyterhub_config.py

Who may log in is decided by Unix groups, so adding a learner is ``useradd`` plus
``usermod -aG leverage-learners NAME``. Options given on the command line (a port, an
address) win over this file.
"""

import grp
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

#: The hub's environment (LEVERAGE_HUB_HOME): this file's copy sits in its deploy/ folder.
HERE = Path(__file__).resolve().parent
HUB_HOME = HERE.parent
VENV_BIN = Path(sys.executable).parent

#: Unix groups: members of the first may log in; members of the second are hub admins.
LEARNERS_GROUP = "leverage-learners"
INSTRUCTORS_GROUP = "leverage-instructors"

# Loopback by default: put a TLS-terminating proxy in front, or set ssl_cert/ssl_key and
# bind to the network, before anyone logs in from elsewhere (docs/deploy.md).
c.JupyterHub.bind_url = "http://127.0.0.1:8000"


def existing_groups(*names):
    """The groups among ``names`` that exist: JupyterHub fails a login on a missing one."""
    found = set()
    for name in names:
        try:
            grp.getgrnam(name)
            found.add(name)
        except KeyError:
            print(
                f"jupyterhub_config: no Unix group {name!r} yet (groupadd {name})", file=sys.stderr
            )
    return found


# Log in with the machine's own accounts and passwords (PAM, service "login").
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = existing_groups(LEARNERS_GROUP, INSTRUCTORS_GROUP)
c.PAMAuthenticator.admin_groups = existing_groups(INSTRUCTORS_GROUP)

# The proxy from the npm registry: the copy scripts/setup.sh installs in the hub's
# environment, otherwise whatever `configurable-http-proxy` is on PATH.
local_proxy = HUB_HOME / "node_modules" / ".bin" / "configurable-http-proxy"
if local_proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(local_proxy)]

# Each learner's server runs as their own Unix user, from the same environment as the hub
# (so the course library, nbgrader and its Assignments tab match the instructor's), with
# the shared nbgrader settings that say where the exchange is.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {
    "JUPYTER_CONFIG_PATH": str(HERE / "jupyter"),
    "LEVERAGE_EXCHANGE": os.environ.get("LEVERAGE_EXCHANGE", "/srv/nbgrader/exchange"),
}


def hide_grading_tools_from_learners(spawner):
    """Learners' servers load no formgrader, course list or Create Assignment toolbar
    (deploy/jupyter/learners): those are for instructors, the hub's admins."""
    if not spawner.user.admin:
        paths = [str(HERE / "jupyter" / "learners"), spawner.environment["JUPYTER_CONFIG_PATH"]]
        spawner.environment = {**spawner.environment, "JUPYTER_CONFIG_PATH": os.pathsep.join(paths)}


c.Spawner.pre_spawn_hook = hide_grading_tools_from_learners
# A first start imports JupyterLab and nbgrader: give a busy machine time.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# Stopping the hub stops every learner's server; their files stay in their home folders.
c.JupyterHub.cleanup_servers = True
