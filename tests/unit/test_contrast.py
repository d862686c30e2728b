"""Contrast of the theme and the chart palette (WCAG 2.2, 1.4.3 and 1.4.11), computed from the
shipped ``.streamlit/config.toml`` and ``emotions/palette.py``: text 4.5:1, lines and marks 3:1.

Streamlit draws a caption (``st.caption``) in the theme's text colour at 60 % opacity (its
``fadedText60``); ``CAPTION_OPACITY`` follows that, and the axe test in the browser
(tests/browser/test_accessibility.py) checks what is actually drawn.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from emotions.palette import (
    AXIS_TEXT_COLOUR,
    ILLUSTRATION_COLOURS,
    MUTED_LINE,
    PARTNER_COLOURS,
    blend,
    contrast_ratio,
)

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"
CAPTION_OPACITY = 0.6
TEXT = 4.5
GRAPHICS = 3.0


def theme() -> dict[str, str]:
    with CONFIG.open("rb") as fh:
        table: dict[str, str] = tomllib.load(fh)["theme"]
    return table


BACKGROUNDS = ("backgroundColor", "secondaryBackgroundColor")
"""The page, and the sidebar's (and expanders', code blocks') background."""


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_body_text_caption_and_grey_text_reach_4_5_to_1(background: str) -> None:
    colours = theme()
    bg = colours[background]
    caption = blend(colours["textColor"], bg, CAPTION_OPACITY)
    ratios = {
        "text": contrast_ratio(colours["textColor"], bg),
        "caption": contrast_ratio(caption, bg),
        "gray text": contrast_ratio(colours["grayTextColor"], bg),
    }
    assert all(ratio >= TEXT for ratio in ratios.values()), ratios


def test_the_old_caption_colour_fails_so_the_check_can_fail() -> None:
    bg = theme()["backgroundColor"]
    assert contrast_ratio(blend("#2B2B2B", bg, CAPTION_OPACITY), bg) < TEXT


@pytest.mark.parametrize("background", BACKGROUNDS)
def test_the_primary_colour_is_visible_as_a_shape(background: str) -> None:
    colours = theme()
    assert contrast_ratio(colours["primaryColor"], colours[background]) >= GRAPHICS


def test_chart_text_and_partner_colours_are_readable_on_the_page() -> None:
    """Charts are drawn on a transparent background, so on the page's own colour. The partner
    colours name partners in legends and labels too: text contrast, not only 3:1."""
    bg = theme()["backgroundColor"]
    ratios = {
        "axis text": contrast_ratio(AXIS_TEXT_COLOUR, bg),
        **{f"partner {pid}": contrast_ratio(c, bg) for pid, c in PARTNER_COLOURS.items()},
    }
    assert all(ratio >= TEXT for ratio in ratios.values()), ratios


def test_chart_lines_reach_3_to_1_on_the_page() -> None:
    bg = theme()["backgroundColor"]
    lines = {"muted": MUTED_LINE, **ILLUSTRATION_COLOURS}
    ratios = {name: contrast_ratio(colour, bg) for name, colour in lines.items()}
    assert all(ratio >= GRAPHICS for ratio in ratios.values()), ratios


def test_the_blend_of_a_colour_at_full_and_no_opacity() -> None:
    assert blend("#111111", "#FAF8F4", 1.0) == "#111111"
    assert blend("#111111", "#FAF8F4", 0.0) == "#faf8f4"
    assert blend("#000000", "#ffffff", 0.6) == "#666666"
