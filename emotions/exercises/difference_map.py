"""Section 14: the difference map. Where the two partners' needs differ, and how to navigate each.

Deliberately no score: nothing here adds the differences up, turns them into a percentage, or
calls a couple anything. Each difference is shown on its own, with its rule-of-thumb band and the
direction-aware texts of ``texts.directions``, plus the couple's own note on how to navigate it.
"""

from __future__ import annotations

from typing import Any

from emotions.analysis import areas_to_understand, difference, difference_band, need
from emotions.charts import base_layout, escape_plotly, rows_height, scale_rows_axes
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises.limits import SHORT_TEXT_MAX
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import PARTNER_IDS, Language, Workbook
from emotions.palette import MUTED_LINE, PARTNER_COLOURS, PARTNER_MARKER
from emotions.texts import Names

NOTE_MAX_CHARS = SHORT_TEXT_MAX
LINE_COLOUR = MUTED_LINE


def set_area_note(wb: Workbook, dim: DimensionId, text: str) -> None:
    """Keep the couple's note on how to navigate ``dim``; an empty note is removed."""
    text = text.strip()
    if text:
        wb.area_notes[dim] = text
    else:
        wb.area_notes.pop(dim, None)


def same_dimensions(wb: Workbook) -> list[DimensionId]:
    """The dimensions on which both partners answered, and answered alike (no area to
    navigate)."""
    return [dim for dim in DIMENSION_IDS if difference(wb, dim) == 0]


def same_line(wb: Workbook, lang: Language) -> str | None:
    """The dimensions answered alike, as a sentence; None when there are none."""
    same = same_dimensions(wb)
    if not same:
        return None
    names = spec(lang).list_separator.join(t(f"dim.{dim}.name", lang) for dim in same)
    return t("diffmap.same_on", lang, dimensions=names)


def map_labels(wb: Workbook, lang: Language) -> list[str]:
    """One row label per dimension: its name and, where both partners answered it, its
    rule-of-thumb band."""
    labels = []
    for dim in DIMENSION_IDS:
        diff = difference(wb, dim)
        name = t(f"dim.{dim}.name", lang)
        labels.append(
            name if diff is None else f"{name} · {t(f'band.{difference_band(diff)}', lang)}"
        )
    return labels


def partly_answered(wb: Workbook) -> bool:
    """Whether some need is not answered by both partners (the map leaves marks out there)."""
    return any(difference(wb, dim) is None for dim in DIMENSION_IDS)


def map_figure(wb: Workbook, names: Names, lang: Language) -> dict[str, Any]:
    """Both partners' needs per dimension on one row each, a grey line spanning the difference.

    A partner's mark only where they answered (no trace for a partner with no answer), the line
    only where both did. ``names`` are plain (unescaped): they are HTML-escaped here for plotly.
    """
    labels = map_labels(wb, lang)
    label_of = dict(zip(DIMENSION_IDS, labels, strict=True))
    traces: list[dict[str, Any]] = []
    shared = [dim for dim in DIMENSION_IDS if difference(wb, dim) is not None]
    if shared:
        line_x: list[int | None] = []
        line_y: list[str | None] = []
        for dim in shared:
            line_x += [need(wb, "a", dim), need(wb, "b", dim), None]
            line_y += [label_of[dim], label_of[dim], None]
        traces.append(
            {
                "type": "scatter",
                "x": line_x,
                "y": line_y,
                "mode": "lines",
                "line": {"color": LINE_COLOUR, "width": 3},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    for pid in PARTNER_IDS:
        answered = [dim for dim in DIMENSION_IDS if need(wb, pid, dim) is not None]
        if not answered:
            continue
        label = escape_plotly(names.of(pid))
        traces.append(
            {
                "type": "scatter",
                "x": [need(wb, pid, dim) for dim in answered],
                "y": [label_of[dim] for dim in answered],
                "mode": "markers",
                "name": label,
                "marker": {
                    "color": PARTNER_COLOURS[pid],
                    "symbol": PARTNER_MARKER[pid],
                    "size": 13,
                    "line": {"width": 1, "color": "#FFFFFF"},
                },
                "hovertemplate": "%{y}: %{x}<extra>" + label + "</extra>",
            }
        )
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=rows_height(len(DIMENSION_IDS), frame=100),
            showlegend=True,
            margin={"l": 10, "r": 20, "t": 20, "b": 10},
            legend={"orientation": "h", "x": 0, "y": -0.18},
            **scale_rows_axes(labels, t("diffmap.chart_axis", lang)),
        ),
    }


def you_two_lines(wb: Workbook, lang: Language) -> list[str]:
    """Where to start (the first-ranked area) and how many areas already have a note."""
    areas = areas_to_understand(wb)
    if not areas:
        return []
    first = areas[0]
    noted = sum(1 for area in areas if wb.area_notes.get(area.dimension, "").strip())
    return [
        t(
            "diffmap.start_with",
            lang,
            dimension=t(f"dim.{first.dimension}.name", lang),
            band=t(f"band.{first.band}", lang),
            difference=first.difference,
        ),
        t("diffmap.notes_progress", lang, count=noted, total=len(areas)),
    ]
