"""Review 92 of module 00: what the fresh reader found, and what the text says now. Each
test fails on the text before the fix."""

from tests.sweeps import cell_text

MODULE = "00_leverage"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def test_u1_axelrod_s_winner_answers_cheating_with_cheating_too():
    """Review 92 U1: "returning cooperation for cooperation did best" also describes a
    strategy that always cooperates, which Axelrod showed to be exploited; Tit for Tat won
    by answering cheating with cheating as well, the half the module's broken-word items
    show."""
    text = _cell("build-teaching")
    assert "Tit for Tat (cooperate first, then repay cooperation and cheating in kind)" in text


def test_u2_the_pair_s_weights_belong_to_sources_shared_by_both_sides():
    """Review 92 U2: "their two weights" read as one weight per side; each weight belongs to
    a source and counts for both sides."""
    text = _cell("audit-teaching")
    assert "their two weights" not in text
    # review 95 U1: "which count for both sides alike" read as the rows'; said at the definition
    assert "the weight of alternatives plus the weight of power" in text
    assert "A **weight** for each source, the same for both sides:" in text


def test_u3_the_other_side_s_deadline_grows_your_edge_as_it_nears():
    """Review 92 U3: "works the other way" had no clear referent; the edge from their
    deadline grows as it nears, while a deal with you is still their best way out."""
    text = _cell("shift-teaching")
    assert "works the other way" not in text
    assert "your edge from it grows as it nears" in text


def test_c1_schelling_s_warning_and_threat_cite_both_books_as_module_02_does():
    """Review 92 C1: module 02 cites Schelling 1960 and 1966 for warning and threat; module
    00 cited 1960 alone."""
    assert "*Arms and Influence*, 1966" in _cell("ethics-teaching")
    assert "*The Strategy of Conflict*, 1960" in _cell("ethics-teaching")
    # review 94 U1 (module 02): module 02 no longer repeats the citations; it points here
    two = " ".join(cell_text("02_batna", "batna", "honest-teaching").split())
    assert "Sources of the labels and of warning and threat: module 00's, section 6." in two


def test_review93_c1_the_bellpak_news_is_an_event_not_something_you_learn():
    """Review 93 C1: "Bellpak says its lids would take six months" reported something already
    true that you learn, which section 2's first sorting question files as information, yet
    the audit widget filed it as your alternatives and said "Not quite" to "your
    information". The item is now an event that changes your alternative."""
    from course.scenarios import leverage

    texts = [n.text for n in leverage._NEWS + leverage._PRACTICE_NEWS]
    bellpak = [t for t in texts if "six months, not three" in t]
    assert bellpak == [
        "Bellpak books its only free line for a year, so its lids would now take six months, "
        "not three, to suit your filling line."
    ]
