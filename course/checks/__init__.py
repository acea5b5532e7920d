"""Self-checks for the graded questions: a pass says what was right, a miss says why.

Test cells call these. Visible tests check the learner's own scenario; hidden tests
(``hidden=True``) add other learners' scenarios and edge cases, so code that only
works for one set of numbers does not get the marks.
"""
