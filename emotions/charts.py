"""Plotly figures as plain dicts (no plotly import needed here; the page passes them to plotly).

Every chart uses the partner colours, dashes and markers of ``palette`` and the language's fonts.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN
from emotions.i18n import partner_label, t
from emotions.languages import spec
from emotions.model import Language, PartnerId, Workbook
from emotions.palette import (
    AXIS_TEXT_COLOUR,
    GRID_COLOUR,
    PARTNER_COLOURS,
    PARTNER_DASH,
    PARTNER_MARKER,
)
from emotions.radar import plotly_values, radar_geometry

FONT_SIZE = 14
"""The charts' base type size in px (on the page; ``presented`` scales it for a shared screen)."""
PRESENT_SCALE = 20 / FONT_SIZE
"""How much larger chart text, margins and heights are in presentation mode: the base size becomes
20 px, the body text's size there (``ui.frame``'s presentation style: 1.25rem)."""
PLOTLY_FONT_SIZE = 12
"""Plotly's own default type size, for a figure that sets none."""


def chart_label(text: str, lang: Language) -> str:
    """A catalog label with its own line breaks (``\n``) for a plotly chart: each break becomes
    ``<br>`` after the language's word separator, so that a screen reader, which reads the SVG's
    lines one after another, hears "Talking about feelings", not "Talking aboutfeelings"."""
    return text.replace("\n", spec(lang).word_separator + "<br>")


def base_layout(lang: Language, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "font": {"family": spec(lang).font_family, "size": FONT_SIZE},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 90, "r": 90, "t": 40, "b": 40},
        "legend": {"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.08},
    }
    layout.update(extra)
    return layout


def radar_figure(wb: Workbook, lang: Language, *, anonymous: bool = False) -> dict[str, Any]:
    """The partners' needs overlaid on one radar (Scatterpolar): one trace per partner who has
    answered a need, drawn only where answered (``radar.plotly_values``: a gap, never a value,
    where a need is open; filled only when every need is answered). A partner who has answered
    none has no trace: a line under the chart says so (``radar_notes``)."""
    # Axis labels carry their own line breaks so none is cut off at the chart's edge.
    theta = [chart_label(t(f"dim.{dim}.axis", lang), lang) for dim in DIMENSION_IDS]
    geometry = radar_geometry(DIMENSION_IDS).plotly_polar()
    traces = []
    pid: PartnerId
    for pid, partner in wb.partners.items():
        r = [partner.ratings[dim].need for dim in DIMENSION_IDS]
        if all(value is None for value in r):
            continue
        complete = None not in r
        # Plotly reads a subset of HTML in names: escape user text so it shows as typed.
        label = escape_plotly(partner_label(partner.name, pid, lang, anonymous=anonymous))
        traces.append(
            {
                "type": "scatterpolar",
                # The first point repeated closes the outline; an open need stays a gap.
                "r": plotly_values(r),
                "theta": [*theta, theta[0]],
                "name": label,
                "mode": "lines+markers",
                "connectgaps": False,
                "fill": "toself" if complete else "none",
                "fillcolor": with_alpha(PARTNER_COLOURS[pid], 0.12),
                "line": {"color": PARTNER_COLOURS[pid], "width": 3, "dash": PARTNER_DASH[pid]},
                "marker": {"symbol": PARTNER_MARKER[pid], "size": 9},
                # Plotly shows no hover label for a gap: only answered values are ever named.
                "hovertemplate": "%{theta}: %{r}<extra>" + label + "</extra>",
            }
        )
    if not traces:
        # Nobody answered a need: no shape, but the radar's axes and labels still show, held by
        # a trace that draws and hovers nothing (every value a gap, not in the legend).
        traces.append(
            {
                "type": "scatterpolar",
                "r": [None] * len(theta),
                "theta": theta,
                "mode": "markers",
                "name": "",
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    legend = any(trace.get("showlegend", True) for trace in traces)
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=RADAR_HEIGHT,
            showlegend=legend,
            # The axis labels need room at the sides, and the bottom one ("Support when upset",
            # two lines) room below the circle. Who has not answered yet is said under the chart
            # by the page (``radar_notes``), as text that wraps on a phone and that a screen
            # reader reads, not inside the picture.
            margin={"l": 80, "r": 80, "t": 56, "b": RADAR_BOTTOM},
            # The legend sits at the very bottom of the figure, in the bottom margin under the
            # lowest axis label, never on it (measured in the browser: tests/browser/
            # test_chart_layout.py); ``presented`` scales margin and type together.
            legend=RADAR_LEGEND,
            polar={
                # Where the axes, the scale and its values go: radar.py, shared with the exports.
                "radialaxis": {
                    **geometry["radialaxis"],
                    "tickfont": {"size": 11, "color": AXIS_TEXT_COLOUR},
                    "showline": False,
                    "gridcolor": GRID_COLOUR,
                },
                "angularaxis": {**geometry["angularaxis"], "gridcolor": GRID_COLOUR},
                "bgcolor": "rgba(0,0,0,0)",
            },
        ),
    }


RADAR_HEIGHT = 440
"""The radar's height in px: its circle is as wide as a half-page column allows (about 260 px at
1366 x 900) with room for the labels, so it fits the first screen beside the questions."""
RADAR_BOTTOM = 88
"""The radar's bottom margin: the lowest axis label's two lines, then the legend's row."""
RADAR_LEGEND: dict[str, Any] = {
    "orientation": "h",
    "x": 0.5,
    "xanchor": "center",
    "yref": "container",
    "y": 0,
    "yanchor": "bottom",
}


def presented(figure: dict[str, Any], scale: float = PRESENT_SCALE) -> dict[str, Any]:
    """A copy of ``figure`` for a shared screen: every type size (the base font, tick labels,
    titles, legends, texts on the chart), the margins and the height larger by ``scale``, so
    that the chart keeps its proportions and its text is as large as the page's body text."""
    copy = deepcopy(figure)
    _scale_fonts(copy, scale)
    layout: dict[str, Any] = copy.setdefault("layout", {})
    font = layout.setdefault("font", {})
    font.setdefault("size", round(PLOTLY_FONT_SIZE * scale))
    # Streamlit's chart theme gives the legend a small size of its own: the base size, set here.
    if layout.get("showlegend") is not False:
        legend = layout.setdefault("legend", {})
        legend.setdefault("font", {}).setdefault("size", font["size"])
    if isinstance(layout.get("height"), int | float):
        layout["height"] = round(layout["height"] * scale)
    if isinstance(layout.get("margin"), dict):
        layout["margin"] = {
            side: round(value * scale) if isinstance(value, int | float) else value
            for side, value in layout["margin"].items()
        }
    return copy


def _scale_fonts(node: object, scale: float) -> None:
    """Scale, in place, the ``size`` of every font dict (keys ending in "font") under ``node``."""
    if isinstance(node, list):
        for item in node:
            _scale_fonts(item, scale)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key.endswith("font") and isinstance(value, dict) and "size" in value:
            size = value["size"]
            if isinstance(size, int | float):
                value["size"] = round(size * scale, 1)
            elif isinstance(size, list):
                value["size"] = [round(v * scale, 1) for v in size]
        _scale_fonts(value, scale)


def radar_notes(wb: Workbook, lang: Language, *, anonymous: bool = False) -> list[str]:
    """The lines under the radar (plain text): one per partner of the workbook who has not
    answered any need yet (the radar draws no shape for them), and, when a partner has answered
    some needs but not all, that only answered needs are drawn."""
    notes = [
        t(
            "export_answers.radar_not_answered",
            lang,
            name=partner_label(partner.name, pid, lang, anonymous=anonymous),
        )
        for pid, partner in wb.partners.items()
        if all(partner.ratings[dim].need is None for dim in DIMENSION_IDS)
    ]
    if any(
        None in needs and any(v is not None for v in needs)
        for needs in (
            [partner.ratings[dim].need for dim in DIMENSION_IDS] for partner in wb.partners.values()
        )
    ):
        notes.append(t("export_answers.radar_partial", lang))
    return notes


ROW_HEIGHT = 40
"""Pixels a row of a chart with one row per dimension gets: room for a two-line label."""


def rows_height(rows: int, *, frame: int, row: int = ROW_HEIGHT) -> int:
    """The height of a chart with one row per dimension: ``frame`` pixels for its title, axis and
    legend, and ``row`` pixels a row, so that another dimension adds room instead of squeezing the
    rows together."""
    return frame + row * rows


def scale_rows_axes(labels: list[str], axis_title: str) -> dict[str, Any]:
    """Layout axes of a chart with one row per label and the 0-10 scale across.

    Used by the charts that compare two values per dimension (guess vs need, the difference map).
    """
    return {
        "xaxis": {
            "range": [NEED_MIN - 0.5, NEED_MAX + 0.5],
            "tickvals": [0, 5, 10],
            "title": {"text": axis_title, "font": {"size": 12}},
            "gridcolor": GRID_COLOUR,
            "zeroline": False,
            "fixedrange": True,
        },
        "yaxis": {
            "categoryorder": "array",
            "categoryarray": labels,
            "autorange": "reversed",
            "automargin": True,
            "fixedrange": True,
        },
    }


def with_alpha(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def escape_plotly(text: str) -> str:
    """Plotly renders a small subset of HTML in labels: show a name's markup as text instead."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
