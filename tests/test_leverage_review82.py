"""Review 81 (module 00), fixed in round 82: each test below failed on the old code or text."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_e1_a_deadline_of_theirs_may_put_time_on_your_side_not_waiting_pays():
    """Review 81 E1: the side note on deadlines said a deadline pressing only the other side
    "tells you waiting is likely to pay", the one-sided reading Moore (2004, the closing
    notes) found mistaken and section 5 warns against; waiting also risks no deal. It now
    says time may be on your side and points to section 5's caution, which is there.
    Fails on the old text."""
    sources = _markdown("sources-teaching")
    assert "waiting is likely to pay" not in sources
    # review 110 C1 (round 111): the note stated the waiting rule a third way; it now points
    # to section 5's one rule, which still warns against counting on their deadline
    assert "Whether it is a reason to wait is section 5's rule." in sources
    assert "Do not count on it alone." in _markdown("shift-teaching")


def test_c2_open_ambitiously_only_once_you_know_the_range_as_module_04_says():
    """Review 81 C2: section 5 said to open ambitiously "however the balance stands", while
    module 04 says opening first pays only when you know the range well, and otherwise to
    let the other side open. Section 5's rule now adds that condition. Fails on the old
    text."""
    rule = _markdown("shift-teaching").split("**The rule.**")[1]
    # review 86 U5: section 5 points to module 04 for the opening, where the condition is
    assert "Opening offers, grounded in your leverage, are module 04's." in rule
    from tests.conftest import ROOT

    path = ROOT / "source" / "04_concessions" / "concessions.py"
    concessions = " ".join(path.read_text(encoding="utf-8").split())
    assert "Open first only if you know the range well; if not, let them open" in concessions


def test_u2_question_3c_counts_one_or_two_asks_true_for_every_learner():
    """Review 81 U2: question 3c said "Your case has two asks", false for a learner with no
    prepared ask (``prepared_ask`` None) and for one whose prepared ask is the news ask
    itself. It now says one or two, and names the three ways the news ask relates to the
    prepared one. Over sweep-0..299 each way occurs and the count of distinct asks is
    always one or two (56 with no prepared ask, 71 with the same ask and bar, 173 with
    two). Fails on the old text."""
    import course

    q3c = _markdown("q3c-text")
    assert "Your case has two asks" not in q3c
    # review 83 U1: "two bars, or one" (tests/test_variants_sweep_leverage.py)
    # review 86 U3; review 103 X1: how many
    assert q3c.count("About half of you have none (`None`)") == 1
    # review 82 U2 reworded the three ways plainly (tests/test_leverage_review83.py)
    ways = {"only": 0, "same": 0, "smaller": 0}
    for i in range(300):
        s = course.variant("00_leverage", f"sweep-{i}")
        asks = {(s.bar, s.ask)} | ({s.prepared_ask} if s.prepared_ask else set())
        assert len(asks) in (1, 2), i
        if s.prepared_ask is None:
            ways["only"] += 1
        elif s.prepared_ask == (s.bar, s.ask):
            ways["same"] += 1
        else:
            ways["smaller"] += 1
    # review 102 X1 (round 103): a prepared ask's best plan must clear its bar by 0.25
    # points, so more learners have none (142, from 56; 43 the same ask, 115 two)
    assert ways == {"only": 142, "same": 43, "smaller": 115}


def test_c1_news_revealing_their_weakness_is_called_a_simplification():
    """Review 81 C1: section 2 rates a weakness of the other side once, in its row, yet news
    that reveals a weakness already there (Vell's bank reviewing its credit line) moves only
    your information, so after a re-audit the weakness is never in their row. Section 5 now
    says so and calls it a simplification. Fails on the old text."""
    import course
    from course.scenarios.leverage import news_key

    # review 87 C1: the caveat moved into question 4a's own text; review 89 C1: both
    # readings of such news are right now (tests/test_leverage_review89.py); review 90 C1
    # reworded it as the rule every place states (tests/test_leverage_review90.py)
    assert (
        # review 99 C1: with its reason, in question 4a's own words
        "may show you rated the row it weakens too high: lower that row or raise your information"
        in _markdown("q4-text")
    )
    revealed = []
    for i in range(100):
        s = course.variant("00_leverage", f"sweep-{i}")
        keys = news_key(s)
        revealed += [keys[k] for k, (text, _) in s.news.items() if "credit line" in text]
    assert revealed and all(key[:2] == ("you", "information") for key in revealed)


def test_e2_roth_murnighan_and_schoumaker_found_deals_bunched_at_the_deadline():
    """Review 81 E2: section 5 and the closing notes said both deals and talks ending with no
    deal "bunch up" near a deadline, citing Roth, Murnighan and Schoumaker (1988). They found
    agreements concentrated in the last seconds; in their design a no-deal could only happen
    at the deadline, so bunching is no finding about it. Both places now say most deals come
    just before it and many talks end with none. Fails on the old text."""
    shift = _markdown("shift-teaching")
    notes = _markdown("summary")
    for text in (shift, notes):
        assert "bunch up" not in text
    # review 85 E2: a striking concentration of deals, not most of them
    assert "deals tend to bunch just before it, and many talks end with none" in shift
    assert (
        "1988) found deals bunched in the last seconds before the deadline, and many pairs "
        "reaching none." in notes
    )
