"""The instructor's side of the course around nbgrader: building releases and grading.

nbgrader stays the system of record (gradebook, checksums, feedback); this package adds
what it lacks. It may import ``course`` (never ``course.widgets``); ``course`` never
imports it.
"""
