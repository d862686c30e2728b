"""Section 15: dated check-ins (connection felt per partner, a moment of reliability, an adjustment
tried), their trend chart, and an honest sentence about the trend.

The sentence only describes what was recorded. With fewer than ``MIN_POINTS`` check-ins it says
that a trend needs more; it never predicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from emotions.charts import base_layout, escape_plotly
from emotions.dimensions import NEED_MAX, NEED_MIN
from emotions.exercises.limits import SHORT_TEXT_MAX, max_length
from emotions.i18n import t
from emotions.languages import format_date, spec
from emotions.model import PARTNER_IDS, CheckIn, Language, PartnerId, Workbook
from emotions.palette import GRID_COLOUR, PARTNER_COLOURS, PARTNER_DASH, PARTNER_MARKER
from emotions.texts import Names

MAX_CHECKINS = max_length(Workbook, "checkins")
TEXT_MAX_CHARS = SHORT_TEXT_MAX
MIN_POINTS = 3
"""Fewer check-ins than this are single moments, not a trend."""
LEVEL_BAND = 1.0
"""Averages within this many points of each other count as 'about level'."""
DAY_MS = 24 * 60 * 60 * 1000

Direction = Literal["higher", "lower", "level"]


def new_checkin(
    date: dt.date, connection: dict[PartnerId, int], reliability: str, adjustment: str
) -> CheckIn:
    """A check-in from the form's answers, texts trimmed."""
    return CheckIn(
        date=date,
        connection=dict(connection),
        reliability=reliability.strip(),
        adjustment=adjustment.strip(),
    )


def newest_first(wb: Workbook) -> list[tuple[int, CheckIn]]:
    """(position in ``wb.checkins``, check-in), newest date first; same date: last added first."""
    return sorted(enumerate(wb.checkins), key=lambda item: (item[1].date, item[0]), reverse=True)


def delete_checkin(wb: Workbook, index: int) -> None:
    """Remove the check-in at ``index`` of ``wb.checkins`` (nothing happens if it is gone)."""
    if 0 <= index < len(wb.checkins):
        del wb.checkins[index]


def checkin_label(checkin: CheckIn, names: Names, lang: Language) -> str:
    """A check-in in one line (its date and the scores), e.g. to choose one to delete."""
    scores = [
        t("checkin.label_score", lang, name=names.of(pid), score=checkin.connection[pid])
        for pid in PARTNER_IDS
        if pid in checkin.connection
    ]
    date = format_date(checkin.date, lang)
    return t("checkin.label", lang, date=date, scores=spec(lang).list_separator.join(scores))


def period(first: dt.date, last: dt.date, lang: Language) -> str:
    """From one date to another, or the one date when both are the same day."""
    if first == last:
        return format_date(first, lang)
    return t("checkin.period", lang, first=format_date(first, lang), last=format_date(last, lang))


def series(wb: Workbook, pid: PartnerId) -> list[tuple[dt.date, int]]:
    """``pid``'s connection scores in date order (same date: in the order they were added)."""
    ordered = sorted(enumerate(wb.checkins), key=lambda item: (item[1].date, item[0]))
    return [(c.date, c.connection[pid]) for _, c in ordered if pid in c.connection]


def checkin_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, str]]:
    """The check-ins as rows, newest first (also the table alternative of the trend chart).

    Names and texts are inserted as typed: the page escapes every cell (`ui.section.table`),
    since `st.table` renders Markdown.
    """
    rows = []
    for _, checkin in newest_first(wb):
        row = {t("checkin.col_date", lang): format_date(checkin.date, lang)}
        for pid in PARTNER_IDS:
            if pid in wb.partners:
                score = checkin.connection.get(pid)
                row[names.of(pid)] = "" if score is None else str(score)
        row[t("checkin.col_reliability", lang)] = checkin.reliability
        row[t("checkin.col_adjustment", lang)] = checkin.adjustment
        rows.append(row)
    return rows


def trend_figure(wb: Workbook, names: Names, lang: Language) -> dict[str, Any]:
    """Connection felt over the dates of the check-ins: one line per partner."""
    traces = []
    dates: list[dt.date] = []
    for pid in PARTNER_IDS:
        points = series(wb, pid)
        if not points:
            continue
        dates += [date for date, _ in points]
        label = escape_plotly(names.of(pid))
        traces.append(
            {
                "type": "scatter",
                "x": [date.isoformat() for date, _ in points],
                "y": [score for _, score in points],
                "name": label,
                "mode": "lines+markers",
                "line": {"color": PARTNER_COLOURS[pid], "width": 3, "dash": PARTNER_DASH[pid]},
                "marker": {"symbol": PARTNER_MARKER[pid], "size": 10},
                "hovertemplate": "%{x|"
                + spec(lang).chart_date_format
                + "}: %{y}<extra>"
                + label
                + "</extra>",
            }
        )
    xaxis: dict[str, Any] = {
        "type": "date",
        "tickformat": spec(lang).chart_date_format,
        "gridcolor": GRID_COLOUR,
        "fixedrange": True,
    }
    if dates and (max(dates) - min(dates)).days < 7:
        # A short span: one tick a day, so the same date never appears twice on the axis.
        xaxis["dtick"] = DAY_MS
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=360,
            showlegend=True,
            margin={"l": 10, "r": 20, "t": 20, "b": 10},
            legend={"orientation": "h", "x": 0, "y": -0.22},
            xaxis=xaxis,
            yaxis={
                "range": [NEED_MIN - 0.5, NEED_MAX + 0.5],
                "tickvals": [0, 5, 10],
                "title": {"text": t("checkin.chart_axis", lang), "font": {"size": 12}},
                "gridcolor": GRID_COLOUR,
                "zeroline": False,
                "automargin": True,
                "fixedrange": True,
            },
        ),
    }


@dataclass(frozen=True)
class Trend:
    """What a partner's check-ins show: the earlier half against the more recent half."""

    count: int
    first: dt.date
    last: dt.date
    early: float
    """Average of the earlier half of the check-ins (the middle one of an odd count left out)."""
    late: float
    """Average of the more recent half."""
    direction: Direction


def trend(points: list[tuple[dt.date, int]]) -> Trend | None:
    """The trend of a series in date order; None with fewer than ``MIN_POINTS`` points."""
    if len(points) < MIN_POINTS:
        return None
    half = len(points) // 2
    early = sum(score for _, score in points[:half]) / half
    late = sum(score for _, score in points[-half:]) / half
    direction: Direction = (
        "level" if abs(late - early) < LEVEL_BAND else ("higher" if late > early else "lower")
    )
    return Trend(len(points), points[0][0], points[-1][0], early, late, direction)


def has_trend(wb: Workbook) -> bool:
    """Whether any partner has enough check-ins for a trend."""
    return any(len(series(wb, pid)) >= MIN_POINTS for pid in PARTNER_IDS)


def trend_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """One honest sentence per partner about their connection scores; none without check-ins."""
    lines = []
    for pid in PARTNER_IDS:
        points = series(wb, pid)
        if not points or pid not in wb.partners:
            continue
        found = trend(points)
        if found is None:
            lines.append(t("checkin.trend_need_more", lang, name=names.of(pid), count=len(points)))
            continue
        lines.append(
            t(
                f"checkin.trend_{found.direction}",
                lang,
                name=names.of(pid),
                count=found.count,
                period=period(found.first, found.last, lang),
                early=f"{found.early:.1f}",
                late=f"{found.late:.1f}",
            )
        )
    return lines
