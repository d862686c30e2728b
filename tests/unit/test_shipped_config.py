"""The committed Streamlit config keeps its promises to users, whatever tests set for themselves."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_the_shipped_config_hides_error_details() -> None:
    """Users see a calm message, never a traceback. (AppTest runs show the exception: the option
    is set for them in tests/apptest/conftest.py, not in this file.)"""
    with CONFIG.open("rb") as fh:
        shipped = tomllib.load(fh)
    assert shipped["client"]["showErrorDetails"] == "none"
