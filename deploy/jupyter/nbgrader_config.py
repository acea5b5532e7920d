"""nbgrader settings every account on the course's JupyterHub shares: learners and instructors.

The hub points each single-user server here (``JUPYTER_CONFIG_PATH``, set in
``deploy/jupyterhub_config.py``), so the Assignments tab, ``nbgrader fetch_assignment``
and ``nbgrader submit`` find the course's exchange. Instructors run ``release_assignment``
and ``collect`` with the same folder on ``JUPYTER_CONFIG_PATH`` (docs/deploy.md).
"""

import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "leverage"

# The exchange is a folder every account can write to (mode 1777); nbgrader keeps each
# learner's submissions apart inside it. LEVERAGE_EXCHANGE moves it (the tests use a
# temporary folder).
c.Exchange.root = os.environ.get("LEVERAGE_EXCHANGE", "/srv/nbgrader/exchange")
