"""The room afterwards: a workshop room's anonymous spread as files the facilitator keeps.

- ``spread_csv``: one row per shown dimension x point 0-10 with how many people sit there; the
  dimension's stable id beside its name in the chosen language.
- ``spread_svg``: the same grid as the page's compact chart, drawn by plain Python
  (``drawing.Figure`` written by ``svg.figure_svg``); its ``<title>`` names it and its ``<desc>``
  is the page's one-sentence summary (``rooms.describe_spread``).

Both are made from ``rooms.spread_rows`` only, so they hold exactly what the page draws: nothing
below ``rooms.MIN_SHOWN`` contributions, no dimension with fewer positions than that, and nothing
but counts (no time, no token or hash, no row per person).
"""

from __future__ import annotations

import csv
import io

from emotions.dimensions import NEED_MAX, NEED_MIN
from emotions.export.csv_tables import ENCODING, neutralise
from emotions.export.drawing import Box, Figure, Item, Text, fit, text_width
from emotions.export.svg import figure_svg
from emotions.i18n import t
from emotions.languages import Language
from emotions.palette import GRID_COLOUR, blend
from emotions.rooms import RoomPicture, SpreadRow, describe_spread, spread_rows

CSV_COLUMNS: tuple[str, ...] = ("dimension", "name", "point", "people")
"""The columns, by their catalog keys (``room_export.csv_<column>``)."""

CELL_FEW = "#E3F1FB"
CELL_MANY = "#56B4E9"  # Okabe-Ito sky blue
CELL_TEXT = "#1A1A1A"
"""The compact chart's cells: light to sky blue, more people darker; dark numbers on every shade
(the page's chart, ``ui.rooms.compact_figure``, uses the same three colours)."""
INK = "#333333"
FONT = 14.0
HEADING = 16.0
CELL_W, CELL_H = 34.0, 28.0
MAX_LABEL_W = 260.0


def csv_rows(picture: RoomPicture, lang: Language) -> list[tuple[str, str, int, int]]:
    """The CSV's rows: (dimension id, name, point, people) for every point of every row the page
    draws, in the registry's order."""
    return [
        (row.dimension, t(f"dim.{row.dimension}.name", lang), NEED_MIN + i, count)
        for row in spread_rows(picture)
        for i, count in enumerate(row.counts)
    ]


def spread_csv(picture: RoomPicture, lang: Language) -> bytes:
    """The room's spread as CSV bytes (UTF-8 with a byte-order mark, CRLF: what spreadsheets
    open correctly); only a header when nothing is shown."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(t(f"room_export.csv_{c}", lang)) for c in CSV_COLUMNS])
    for dim, name, point, count in csv_rows(picture, lang):
        writer.writerow([dim, neutralise(name), point, count])
    return out.getvalue().encode(ENCODING, errors="replace")


def _fill(count: int, top: int) -> str:
    if not count:
        return "#FFFFFF"
    return blend(CELL_MANY, CELL_FEW, count / max(top, 1))


def spread_figure(rows: list[SpreadRow], lang: Language) -> Figure:
    """The compact chart's grid: a row per dimension, a cell per point 0-10 with its number of
    people written in it (empty for nobody), darker for more; the points along the bottom."""
    title = t("room_export.svg_title", lang)
    names = [t(f"dim.{row.dimension}.name", lang) for row in rows]
    label_w = min(max((text_width(n, FONT) for n in names), default=0.0), MAX_LABEL_W) + 12
    points = NEED_MAX - NEED_MIN + 1
    x0 = 8 + label_w
    width = x0 + CELL_W * points + 8
    top = 12 + HEADING * 1.6
    height = top + CELL_H * len(rows) + 30
    most = max((max(row.counts) for row in rows), default=1)
    items: list[Item] = [
        Box(0, 0, width, height, fill="#FFFFFF"),  # a file of its own: white in any viewer
        Text((8, 8 + HEADING), fit(title, width - 16, HEADING), HEADING, INK),
    ]
    for i, (row, name) in enumerate(zip(rows, names, strict=True)):
        y = top + CELL_H * i
        items.append(
            Text((x0 - 8, y + CELL_H / 2 + 5), fit(name, MAX_LABEL_W, FONT), FONT, INK, "end")
        )
        for j, count in enumerate(row.counts):
            x = x0 + CELL_W * j
            items.append(
                Box(
                    x + 1.5,
                    y + 1.5,
                    CELL_W - 3,
                    CELL_H - 3,
                    fill=_fill(count, most),
                    stroke=GRID_COLOUR,
                )
            )
            if count:
                items.append(
                    Text(
                        (x + CELL_W / 2, y + CELL_H / 2 + 5), str(count), FONT, CELL_TEXT, "middle"
                    )
                )
    y = top + CELL_H * len(rows) + 20
    items += [
        Text((x0 + CELL_W * (j + 0.5), y), str(NEED_MIN + j), FONT, INK, "middle")
        for j in range(points)
    ]
    return Figure("room-spread", title, "", width, height, tuple(items))


def spread_svg(picture: RoomPicture, lang: Language, *, summary: str | None = None) -> str:
    """The room's spread as one standalone ``<svg>`` document: ``<title>`` in the chosen language,
    ``<desc>`` the one-sentence summary (``summary``, by default the page's, from the same
    counts). Every text escaped; nothing outside the file referenced."""
    rows = spread_rows(picture)
    desc = describe_spread(picture, lang) if summary is None else summary
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + figure_svg(
        spread_figure(rows, lang), lang, description=desc
    )
