"""Why a learner could not be graded, in words, from nbgrader's log (autograder/run.py)."""

from autograder.run import reason

DEAD_KERNEL = """[AutogradeApp | INFO] Autograding /course/autograded/ada/02_batna/batna.ipynb
[AutogradeApp | ERROR] There was an error processing assignment: /course/submitted/ada/02_batna
[AutogradeApp | ERROR] Traceback (most recent call last):
      File "nbclient/client.py", line 1009, in _async_poll_kernel_alive
        raise DeadKernelError("Kernel died") from None
    nbclient.exceptions.DeadKernelError: Kernel died
[AutogradeApp | ERROR] There was an error processing assignment '02_batna' for student 'ada'
Traceback (most recent call last):
  File "nbgrader/converters/base.py", line 465, in convert_notebooks
nbgrader.converters.base.NbGraderException: Please see the the above traceback for details on the specific errors on the above failures.
"""


def test_the_real_error_is_named_not_nbgraders_wrapper():
    assert reason(DEAD_KERNEL) == (
        "its kernel kept dying while it was graded (a cell that ends the Python process, "
        "or runs out of memory)"
    )


def test_an_unknown_error_is_given_by_name_and_message():
    log = (
        "[AutogradeApp | ERROR] Traceback\n    ValueError: the points of cell q1 are not a number\n"
    )
    assert reason(log) == "ValueError: the points of cell q1 are not a number"


def test_a_failure_nbgrader_knows_is_said_in_plain_words():
    log = "[AutogradeApp | ERROR] Notebook failed to validate; the nbgrader metadata may be corrupted."
    assert reason(log) == "the notebook's nbgrader metadata is damaged beyond repair"


def test_a_log_without_an_error_still_gives_its_last_line():
    assert reason("[AutogradeApp | ERROR] No space left on device") == "No space left on device"
    assert reason("") == "nbgrader gave no reason"
