"""The instructor's secret that decides which hidden cases grading tries.

A hidden check also runs the learner's functions on other learners' scenarios
(``course.variants.hidden_learners``). Were those fixed ids in the course package, a
learner (or next term's class) could draw them with ``course.variant(module, id)`` and
hard-code the answers. So they come from a secret only the grader holds:

- the secret is ``LEVERAGE_GRADING_SECRET`` in the grader's environment, or else the file
  ``.leverage-grading-secret`` in the course root (made with 256 random bits the first
  time grading needs it, readable by its owner only, ignored by git; make a new one each
  term). It is never in the package, the release or the repository, never in a learner
  kernel's environment, and the sandbox does not let a kernel read the course root;
- each submission gets its own **grading key**, ``grading_key(secret, module, learner,
  nb)``: an HMAC of the module, the learner and the notebook's cells as graded, so the
  key of one submission tells nothing of another's (another learner's, a resubmission's,
  next term's) and the secret cannot be read back from it;
- the grading kernel is given the key (``course.variants.HIDDEN_CASES_VARIABLE``) and the
  judge replays each check under the same key (``course.variants.hidden_cases_as``), so
  the kernel's calls match the grader's only on the cases the secret draws.
"""

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

#: The instructor's secret, when it is given in the grader's environment.
SECRET_VARIABLE = "LEVERAGE_GRADING_SECRET"

#: The file in the course root that holds the secret otherwise.
SECRET_FILE = ".leverage-grading-secret"


def grading_secret(root):
    """The instructor's secret (bytes): ``LEVERAGE_GRADING_SECRET``, or the course root's
    secret file, made on first use (safely when several graders start at once)."""
    given = os.environ.get(SECRET_VARIABLE)
    if given:
        return given.encode()
    path = Path(root) / SECRET_FILE
    if not path.is_file():
        draft = path.with_name(f"{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(secrets.token_hex(32) + "\n")
        try:
            os.link(draft, path)  # atomic: the first grader's secret is everyone's
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    text = path.read_text(encoding="utf-8").strip()
    if len(text) < 32:
        raise ValueError(f"{path} holds no secret (at least 32 characters): delete it")
    return text.encode()


def notebook_digest(nb):
    """A digest of a notebook's cells as graded: their types and sources, in order."""
    cells = [[cell.get("cell_type"), cell.get("source", "")] for cell in nb.get("cells", [])]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=True).encode()).hexdigest()


def grading_key(secret, module, learner, nb):
    """The grading key of ``learner``'s notebook ``nb`` of ``module`` (hex text)."""
    message = f"hidden-cases\0{module}\0{learner}\0{notebook_digest(nb)}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]
