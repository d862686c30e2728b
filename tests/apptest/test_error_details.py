"""AppTest runs show a failing page's exception, although users never see one."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def boom() -> None:
    raise ValueError("a message the test can read")


def test_a_failing_script_shows_its_exception_to_the_test() -> None:
    """``client.showErrorDetails = "none"`` (the shipped config) would leave only "error message
    is redacted" here; tests/apptest/conftest.py sets "full" for AppTest runs."""
    at = AppTest.from_function(boom).run()
    assert at.exception[0].message == "a message the test can read"
    assert any("boom" in line for line in at.exception[0].stack_trace)
