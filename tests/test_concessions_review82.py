"""Module 04 after review 81 (/work/notes/s76/review81_04.md, read at d875d37): each test
failed on the code or text the review read and passes now."""

from pathlib import Path

import pytest

from course.checks import concessions as check
from tests.test_checks_concessions import answers, miss  # noqa: F401 (fixture)

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"


def _markdown():
    """The module's Markdown lines, '# ' taken off."""
    return "\n".join(line[2:] for line in SOURCE.read_text().splitlines() if line.startswith("# "))


# --- X1: a check that takes a word evens out case and hyphens --------------------------


def _respelled(function, spell):
    """``function`` with each word it returns written as ``spell`` writes it."""

    def answer(*args):
        said = function(*args)
        return spell(said) if isinstance(said, str) else said

    return answer


@pytest.mark.parametrize(
    "spell",
    [str.title, str.upper, lambda w: w.replace(" ", "-"), lambda w: w.replace(" ", "_")],
)
def test_x1_respond_takes_its_words_in_any_case_and_with_hyphens(answers, spell):  # noqa: F811
    """'Accept', 'walk-away' and 'WALK_AWAY' are the right answers spelt as the text spells
    them: they failed question 6's check (review 81 X1) and pass now, visible and hidden."""
    for hidden in (False, True):
        check.respond(_respelled(answers["respond"], spell), hidden=hidden)
    assert "return one of" in miss(check.respond, lambda s, o, n, c=None, w=False: "walk")


def test_x1_opening_and_read_pick_take_keys_and_issues_in_any_case(answers):  # noqa: F811
    """Statement keys ('a' for 'A') and issue names ('Delivery') are words too."""

    def opening(s, anchor=None, rival=None):
        price, keys = answers["opening"](s, anchor, rival)
        return price, [key.lower() for key in keys]

    def read_pick(s, offers, picked):
        return {issue.title() for issue in answers["read_pick"](s, offers, picked)}

    for hidden in (False, True):
        check.opening(opening, hidden=hidden)
        check.read_pick(read_pick, hidden=hidden)
    assert "is not an issue" in miss(check.read_pick, lambda s, o, k: {"colour"})
