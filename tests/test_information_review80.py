"""Module 01, review 79 (fixed in round 80): text and checks. Each test failed on the code
or text before this round."""

from tests.test_checks_information import cell_words


def test_question_6_says_each_situation_is_a_separate_what_if():
    """X2: a learner's list drew "never haggles over it" beside "came back with a proposal
    of its own", and "cash for months" beside "the bank calls in your overdraft by
    Friday", and nothing said to read them apart (Question 9 says "take each item on its
    own"; Question 6 said nothing). The text now says each is a separate what-if."""
    assert (
        "Each is a separate what-if: read it alone, as if the others had not happened."
        in cell_words("q6-text")
    )
