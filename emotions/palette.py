"""The partner colours: one rule, used by every chart and label (fonts: ``languages``).

Blue and vermillion from the Okabe-Ito palette, which stays distinguishable with the common forms
of colour blindness. The vermillion is darkened slightly so that both reach 4.5:1 contrast on white
and can be used for text too. Charts also vary line dash and marker shape, so colour is never the
only cue.
"""

from __future__ import annotations

from emotions.model import PartnerId

PARTNER_COLOURS: dict[PartnerId, str] = {"a": "#0072B2", "b": "#B84F00"}
PARTNER_DASH: dict[PartnerId, str] = {"a": "solid", "b": "dash"}
PARTNER_MARKER: dict[PartnerId, str] = {"a": "circle", "b": "diamond"}

AXIS_TEXT_COLOUR = "#5E5E5E"
"""Small text inside a chart (the radar's scale numbers): 4.5:1 or more on the theme's backgrounds
(``tests/unit/test_contrast.py``)."""
GRID_COLOUR = "#D9D6CF"
"""Gridlines: quiet on the theme's warm background. Decoration, not information (the values are
read from the marks and their labels), so WCAG's 3:1 for graphics does not apply to them."""
MUTED_LINE = "#8C877D"
"""Connecting lines and other marks that belong to neither partner."""
ILLUSTRATION_COLOURS: dict[str, str] = {"without": "#666666", "with": "#009E73"}
"""The two curves of an illustration (grey, and Okabe-Ito bluish green): never a partner's."""


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def blend(fg: str, bg: str, alpha: float) -> str:
    """The ``#rrggbb`` colour seen when ``fg`` is drawn with opacity ``alpha`` over ``bg``."""
    mixed = (
        round(alpha * int(fg[i : i + 2], 16) + (1 - alpha) * int(bg[i : i + 2], 16))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in mixed)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG contrast ratio between two ``#rrggbb`` colours."""
    hi, lo = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
