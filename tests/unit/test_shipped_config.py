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


def test_a_chosen_answer_is_filled_with_the_themes_colour_and_stays_readable() -> None:
    from emotions.palette import contrast_ratio
    from ui.widgets import ANSWER_CSS, ANSWER_SELECTED

    with CONFIG.open("rb") as fh:
        theme = tomllib.load(fh)["theme"]
    assert ANSWER_SELECTED.lower() == theme["primaryColor"].lower()
    assert f"background-color: {ANSWER_SELECTED} !important; color: #FFFFFF" in ANSWER_CSS
    assert contrast_ratio("#FFFFFF", ANSWER_SELECTED) >= 4.5
    # The chosen segment against the page stays visible as a shape too (non-text contrast).
    assert contrast_ratio(ANSWER_SELECTED, theme["backgroundColor"]) >= 3
