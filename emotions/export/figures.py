"""The charts the summary's sections refer to, placed once as ``drawing.Figure`` for every writer.

- Section 3, the style map (``style_map``): each partner who answered both of its needs as a
  point on the processing x pace-under-tension field, the four corners named.
- Section 4, the difference map (``difference_map``): |A - B| in every cell of the feelings x
  beliefs grid that both partners answered; a cell not answered by both stays blank.
- Section 7, showing and noticing (``channels_chart``): per channel, each partner's "shows" bar
  beside the other's "notices" bar; a rating not given has no bar.
- Section 15, connection over time (``trend_chart``): each partner's check-in scores by date.

Only answers are drawn: each builder returns None when there is nothing answered to draw (the
summary says in a short line what will appear), and leaves out every value not answered, never
putting it at 0 or in the middle. Partners keep their colour, line dash and marker
(``palette``), and every chart names them in text, on the point or in a legend.
"""

from __future__ import annotations

import datetime as dt

from emotions.dimensions import NEED_MAX, NEED_MIN
from emotions.exercises import channels, checkins, meta_emotion, styles
from emotions.export.drawing import (
    Anchor,
    Box,
    Figure,
    Item,
    Line,
    Marker,
    MarkerShape,
    Point,
    Polyline,
    Text,
    fit,
)
from emotions.export.drawing import text_width as width_of
from emotions.i18n import t
from emotions.languages import format_date
from emotions.model import BELIEFS, CHANNELS, EMOTIONS, PARTNER_IDS, Language, PartnerId, Workbook
from emotions.palette import GRID_COLOUR, PARTNER_COLOURS, PARTNER_DASH, PARTNER_MARKER
from emotions.texts import Names

INK = "#333333"
SOFT = "#6B665C"
FONT = 12.0
SMALL = 10.5
MARKER_SIZE = {"a": 7.0, "b": 4.8}
"""A's circle a little larger, so that it shows round B's diamond when the points coincide."""
NOTICE_OPACITY = 0.25
"""A "notices" bar is the partner's colour this pale, outlined in the full colour."""
WIDTH = 440.0


def _marker(pid: PartnerId, x: float, y: float) -> Marker:
    shape: MarkerShape = "diamond" if PARTNER_MARKER[pid] == "diamond" else "circle"
    return Marker(shape, (x, y), MARKER_SIZE[pid], PARTNER_COLOURS[pid])


def _legend_line(pid: PartnerId, x: float, y: float, label: str, room: float) -> list[Item]:
    """One legend entry: the partner's line and marker, then ``label`` (shortened to ``room``)."""
    colour = PARTNER_COLOURS[pid]
    return [
        Line((x, y - 4), (x + 26, y - 4), colour, 2.5, PARTNER_DASH[pid]),
        _marker(pid, x + 13, y - 4),
        Text((x + 34, y), fit(label, room - 34, FONT), FONT, INK),
    ]


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --- section 3 ----------------------------------------------------------------------------------


def style_map(wb: Workbook, names: Names, lang: Language) -> Figure | None:
    """The style map with a point per partner who answered both of its needs; None while nobody
    has. Corner names sit in bands above and below the field, where no point can be."""
    placed = styles.positions(wb)
    if not placed:
        return None
    x0, x1 = 46.0, WIDTH - 16
    top, bottom = 62.0, 302.0

    def at(processing: int, pace: int) -> tuple[float, float]:
        fx = (processing - NEED_MIN) / (NEED_MAX - NEED_MIN)
        fy = (pace - NEED_MIN) / (NEED_MAX - NEED_MIN)
        return x0 + fx * (x1 - x0), bottom - fy * (bottom - top)

    items: list[Item] = [
        Text((x0 - 30, 16), styles.axis_title(styles.Y_DIMENSION, lang), FONT, INK),
        Box(x0, top, x1 - x0, bottom - top, stroke=GRID_COLOUR),
    ]
    mx, my = at(styles.MIDDLE, styles.MIDDLE)
    items += [
        Line((mx, top), (mx, bottom), "#B8B2A7", 1.0, "dot"),
        Line((x0, my), (x1, my), "#B8B2A7", 1.0, "dot"),
    ]
    for value in (NEED_MIN, styles.MIDDLE, NEED_MAX):
        x, _ = at(value, NEED_MIN)
        _, y = at(NEED_MIN, value)
        items += [
            Text((x, bottom + 14), str(value), SMALL, SOFT, "middle"),
            Text((x0 - 6, y + 4), str(value), SMALL, SOFT, "end"),
        ]
    # Corner names: the top two above the field, the bottom two below the scale's numbers.
    corners: dict[str, tuple[float, Anchor, bool]] = {
        "inside_now": (x0, "start", True),
        "aloud_now": (x1, "end", True),
        "inside_space": (x0, "start", False),
        "aloud_space": (x1, "end", False),
    }
    for quadrant, (x, side, above) in corners.items():
        lines = _lines(t(f"styles.quadrant.{quadrant}", lang))
        for k, line in enumerate(lines):
            y = top - 8 - 13 * (len(lines) - 1 - k) if above else bottom + 32 + 13 * k
            items.append(Text((x, y), line, SMALL, SOFT, side))
    items.append(
        Text(
            ((x0 + x1) / 2, bottom + 66),
            styles.axis_title(styles.X_DIMENSION, lang),
            FONT,
            INK,
            "middle",
        )
    )
    # Each point with its partner's name: above it, or below it near the top edge. When the
    # two points are close, the upper name goes above and the lower one below, each turning to
    # the inner side of its point where the edge leaves no room, so no name covers a point or
    # the corner names in the bands.
    places = {p.partner: at(p.processing, p.pace) for p in placed}
    for pos in placed:
        x, y = places[pos.partner]
        place = "below" if pos.pace >= NEED_MAX - 1 else "above"
        for near in (q for q in placed if q.partner != pos.partner):
            if abs(near.processing - pos.processing) <= 1 and abs(near.pace - pos.pace) <= 2:
                upper = (pos.pace, near.partner) > (near.pace, pos.partner)
                room = pos.pace < NEED_MAX - 1 if upper else pos.pace > NEED_MIN + 1
                place = ("above" if upper else "below") if room else "inside"
        items.append(_marker(pos.partner, x, y))
        items.append(_point_name(names.of(pos.partner), pos, (x, y), place, (x0, x1)))
    return Figure(
        "style-map",
        t("styles.map_heading", lang),
        styles.map_caption(lang),
        WIDTH,
        bottom + 78,
        tuple(items),
    )


def _point_name(
    name: str, pos: styles.Position, at: Point, side: str, edges: tuple[float, float]
) -> Text:
    """A partner's name beside their point on the style map: ``above``, ``below``, or on the
    ``inside`` (towards the middle line) on a level with it."""
    x, y = at
    colour = PARTNER_COLOURS[pos.partner]
    text = fit(name, 150, FONT)
    if side == "inside":
        if pos.processing > styles.MIDDLE:
            return Text((x - 11, y + 4), text, FONT, colour, "end")
        return Text((x + 11, y + 4), text, FONT, colour, "start")
    left, right = edges
    anchor: Anchor = "start" if x < left + 60 else "end" if x > right - 60 else "middle"
    nx = x - 4 if anchor == "start" else x + 4 if anchor == "end" else x
    return Text((nx, y + 22 if side == "below" else y - 11), text, FONT, colour, anchor)


# --- section 4 ----------------------------------------------------------------------------------

CELL_W, CELL_H = 68.0, 32.0
DARK_FROM = 3
"""Differences this large are drawn on a dark cell: their number is white."""


def difference_map(wb: Workbook, names: Names, lang: Language) -> Figure | None:
    """|A - B| per cell both partners answered, darker the further apart; blank where either has
    not answered. None while no cell is answered by both."""
    if not meta_emotion.cell_differences(wb):
        return None
    grid = meta_emotion.difference_matrix(wb)
    rows = [meta_emotion.emotion_label(e, lang) for e in EMOTIONS]
    label_w = max(width_of(r, FONT) for r in rows) + 14
    heads = [_lines(t(f"meta.belief_axis.{b}", lang)) for b in BELIEFS]
    head_lines = max(len(h) for h in heads)
    x0 = 4 + label_w
    top = 8.0 + 14 * head_lines
    items: list[Item] = []
    for j, head in enumerate(heads):
        cx = x0 + CELL_W * (j + 0.5)
        for k, line in enumerate(head):
            y = top - 6 - 14 * (len(head) - 1 - k)
            items.append(Text((cx, y), fit(line, CELL_W - 4, SMALL), SMALL, INK, "middle"))
    for i, label in enumerate(rows):
        y = top + CELL_H * i
        items.append(Text((x0 - 8, y + CELL_H / 2 + 4), label, FONT, INK, "end"))
        for j in range(len(BELIEFS)):
            x = x0 + CELL_W * j
            value = grid[i][j]
            if value is None:
                items.append(Box(x + 1.5, y + 1.5, CELL_W - 3, CELL_H - 3, stroke=GRID_COLOUR))
                continue
            fill = meta_emotion.DIFFERENCE_COLOURS[
                min(value, len(meta_emotion.DIFFERENCE_COLOURS) - 1)
            ]
            ink = "#FFFFFF" if value >= DARK_FROM else INK
            items += [
                Box(x + 1.5, y + 1.5, CELL_W - 3, CELL_H - 3, fill=fill),
                Text((x + CELL_W / 2, y + CELL_H / 2 + 5), str(value), 14.0, ink, "middle"),
            ]
    # The key: one swatch per difference, and the blank cell.
    y = top + CELL_H * len(rows) + 16
    x = x0
    items.append(Text((x - 8, y + 11), t("meta.table_difference", lang), SMALL, SOFT, "end"))
    for step, colour in enumerate(meta_emotion.DIFFERENCE_COLOURS):
        ink = "#FFFFFF" if step >= DARK_FROM else INK
        items += [
            Box(x, y, 24, 16, fill=colour),
            Text((x + 12, y + 12), str(step), SMALL, ink, "middle"),
        ]
        x += 26
    x += 10
    items += [
        Box(x, y, 24, 16, stroke=GRID_COLOUR),
        Text((x + 30, y + 12), t("export_charts.diff_open", lang), SMALL, SOFT),
    ]
    width = (
        max(
            x0 + CELL_W * len(BELIEFS), x + 30 + width_of(t("export_charts.diff_open", lang), SMALL)
        )
        + 6
    )
    return Figure(
        "difference-map",
        t("meta.diff_heading", lang),
        t("meta.diff_caption", lang),
        width,
        y + 24,
        tuple(items),
    )


# --- section 7 ----------------------------------------------------------------------------------

SERIES: tuple[tuple[PartnerId, channels.Kind], ...] = (
    ("a", "show"),
    ("b", "notice"),
    ("b", "show"),
    ("a", "notice"),
)
"""The bars of a channel, in order: each "shows" stands beside the other partner's "notices"."""


def channels_chart(wb: Workbook, names: Names, lang: Language) -> Figure | None:
    """Bars per channel for every kind ("shows", "notices") a partner answered for some channel;
    a channel a partner left open has no bar there. None while nobody answered."""
    series = [(pid, kind) for pid, kind in SERIES if channels.answered_kind(wb, pid, kind)]
    if not series:
        return None
    x0, x1 = 34.0, WIDTH - 8
    top, bottom = 14.0, 194.0
    group = (x1 - x0) / len(CHANNELS)
    bar = min(group * 0.78 / len(series), 30.0)
    span = NEED_MAX - NEED_MIN

    def y_of(value: float) -> float:
        return bottom - (value - NEED_MIN) / span * (bottom - top)

    items: list[Item] = []
    for value in (NEED_MIN, (NEED_MIN + NEED_MAX) // 2, NEED_MAX):
        y = y_of(value)
        items += [
            Line((x0, y), (x1, y), GRID_COLOUR, 1.0),
            Text((x0 - 6, y + 4), str(value), SMALL, SOFT, "end"),
        ]
    for c, channel in enumerate(CHANNELS):
        left = x0 + group * c + (group - bar * len(series)) / 2
        for s, (pid, kind) in enumerate(series):
            rated = channels.rating(wb.partners[pid], channel, kind)
            if rated is None:
                continue
            x = left + bar * s
            y = y_of(rated)
            colour = PARTNER_COLOURS[pid]
            if kind == "show":
                items.append(Box(x + 1, y, bar - 2, bottom - y, fill=colour))
            else:
                items.append(
                    Box(
                        x + 1.75,
                        y + 0.75,
                        bar - 3.5,
                        max(bottom - y - 0.75, 0.0),
                        fill=colour,
                        stroke=colour,
                        width=1.5,
                        fill_opacity=NOTICE_OPACITY,
                    )
                )
            items.append(Text((x + bar / 2, y - 4), str(rated), SMALL, INK, "middle"))
        label = fit(channels.channel_label(channel, lang), group - 6, FONT)
        items.append(Text((x0 + group * (c + 0.5), bottom + 16), label, FONT, INK, "middle"))
    # The legend: two entries a row, a solid swatch for "shows", a pale outlined one for "notices".
    room = (x1 - x0) / 2
    y = bottom + 40
    for k, (pid, kind) in enumerate(series):
        x = x0 + room * (k % 2)
        row_y = y + 20 * (k // 2)
        colour = PARTNER_COLOURS[pid]
        # The name is shortened, never the words around it: "shows" and "notices" must stay.
        key = f"channels.series_{kind}"
        name = fit(names.of(pid), room - 46 - width_of(t(key, lang, name=""), FONT), FONT)
        label = t(key, lang, name=name)
        if kind == "show":
            items.append(Box(x, row_y - 11, 22, 13, fill=colour))
        else:
            items.append(
                Box(x, row_y - 11, 22, 13, fill=colour, stroke=colour, width=1.5, fill_opacity=0.25)
            )
        items.append(Text((x + 28, row_y), fit(label, room - 34, FONT), FONT, INK))
    height = y + 20 * ((len(series) + 1) // 2)
    return Figure(
        "channels",
        t("channels.chart_heading", lang),
        t("export_charts.channels_caption", lang),
        WIDTH,
        height,
        tuple(items),
    )


# --- section 15 ---------------------------------------------------------------------------------

TREND_FROM = 2
"""The chart is drawn from the second check-in with a score on: one point is not a line."""


def trend_chart(wb: Workbook, names: Names, lang: Language) -> Figure | None:
    """Each partner's connection scores by date, one line each (only scores given). None until
    the check-ins hold ``TREND_FROM`` scores of one partner."""
    series = {pid: checkins.series(wb, pid) for pid in PARTNER_IDS if pid in wb.partners}
    series = {pid: points for pid, points in series.items() if points}
    if not any(len(points) >= TREND_FROM for points in series.values()):
        return None
    dates = [date for points in series.values() for date, _ in points]
    first, last = min(dates), max(dates)
    days = max((last - first).days, 1)
    x0, x1 = 34.0, WIDTH - 14
    top, bottom = 30.0, 190.0
    inset = 14.0  # the first and last dates sit inside the axis, clear of the scale's numbers
    span = NEED_MAX - NEED_MIN

    def at(date: dt.date, score: int) -> tuple[float, float]:
        fx = (date - first).days / days if last > first else 0.5
        x = x0 + inset + fx * (x1 - x0 - 2 * inset)
        return x, bottom - (score - NEED_MIN) / span * (bottom - top)

    items: list[Item] = [Text((x0 - 28, 14), t("checkin.chart_axis", lang), FONT, INK)]
    for value in (NEED_MIN, (NEED_MIN + NEED_MAX) // 2, NEED_MAX):
        _, y = at(first, value)
        items += [
            Line((x0, y), (x1, y), GRID_COLOUR, 1.0),
            Text((x0 - 6, y + 4), str(value), SMALL, SOFT, "end"),
        ]
    if last > first:
        items += [
            Text((x0 + inset, bottom + 16), format_date(first, lang), SMALL, SOFT, "middle"),
            Text((x1 - inset, bottom + 16), format_date(last, lang), SMALL, SOFT, "middle"),
        ]
    else:
        text = format_date(first, lang)
        items.append(Text(((x0 + x1) / 2, bottom + 16), text, SMALL, SOFT, "middle"))
    for pid, points in series.items():
        placed = [at(date, score) for date, score in points]
        if len(placed) >= 2:
            dash = PARTNER_DASH[pid]
            items.append(Polyline(tuple(placed), PARTNER_COLOURS[pid], 2.5, dash))
        items += [_marker(pid, x, y) for x, y in placed]
    y = bottom + 42
    room = (x1 - x0 + 28) / 2
    for k, pid in enumerate(series):
        items += _legend_line(pid, x0 - 28 + room * k, y, names.of(pid), room - 8)
    return Figure(
        "trend",
        t("checkin.trend_heading", lang),
        t("checkin.chart_caption", lang),
        WIDTH,
        y + 10,
        tuple(items),
    )
