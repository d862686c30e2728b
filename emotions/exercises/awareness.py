"""Section 11: trigger notes, and the perception-gap game (guess the other's needs, then reveal).

A guess is the ``guess`` of a partner's Rating: what that partner thinks the OTHER needs on the
dimension. The reveal compares each partner's own answer with the other's guess. A gap is called
a surprise when it is not "close" in the bands of ``analysis.difference_band`` (a rule of thumb).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emotions.analysis import difference_band, has_both, other, perception_gaps
from emotions.charts import base_layout, escape_plotly, rows_height, scale_rows_axes
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises.limits import SHORT_TEXT_MAX, max_length
from emotions.i18n import t
from emotions.model import PARTNER_IDS, Language, Partner, PartnerId, TriggerNote, Workbook
from emotions.palette import MUTED_LINE, PARTNER_COLOURS, PARTNER_MARKER
from emotions.texts import Names

TRIGGER_FIELDS: tuple[str, ...] = ("trigger", "reaction", "belief", "response")
"""The four steps of a trigger note, in the order they are written."""
MAX_TRIGGERS = max_length(Partner, "triggers")
NOTE_MAX_CHARS = SHORT_TEXT_MAX
SURPRISES_PER_PARTNER = 2
GAP_LINE_COLOUR = MUTED_LINE


def new_trigger_note(values: dict[str, str]) -> TriggerNote | None:
    """A trigger note from the four fields of the form; None when no trigger is written."""
    cleaned = {field: values.get(field, "").strip() for field in TRIGGER_FIELDS}
    if not cleaned["trigger"]:
        return None
    return TriggerNote(**cleaned)


def note_parts(note: TriggerNote, lang: Language) -> list[tuple[str, str | None]]:
    """(step label, what was written) for each step of a note; None for a step not written yet.

    The written text is user text: the caller escapes it for its medium.
    """
    return [
        (t(f"aware.step_{field}", lang), getattr(note, field) or None) for field in TRIGGER_FIELDS
    ]


def guesses_made(wb: Workbook, guesser: PartnerId) -> int:
    """How many of the dimensions ``guesser`` has guessed for the other partner."""
    if guesser not in wb.partners:
        return 0
    ratings = wb.partners[guesser].ratings
    return sum(ratings[dim].guess is not None for dim in DIMENSION_IDS)


def any_guesses(wb: Workbook) -> bool:
    """Whether either partner has guessed anything yet."""
    return any(guesses_made(wb, pid) for pid in PARTNER_IDS)


@dataclass(frozen=True)
class Comparison:
    """One dimension of the reveal: what ``about`` answered and what the other guessed."""

    dimension: DimensionId
    need: int
    guess: int | None


def comparisons(wb: Workbook, about: PartnerId) -> list[Comparison]:
    """``about``'s own needs beside the other partner's guesses, in the registry order."""
    if not has_both(wb):
        return []
    guesser = wb.partners[other(about)]
    return [
        Comparison(dim, wb.partners[about].ratings[dim].need, guesser.ratings[dim].guess)
        for dim in DIMENSION_IDS
    ]


def perception_figure(
    wb: Workbook, about: PartnerId, names: Names, lang: Language
) -> dict[str, Any]:
    """A dot plot for one partner: their own answer, the other's guess, a grey line between.

    ``names`` are plain (unescaped): they are HTML-escaped here for plotly.
    """
    guesser = other(about)
    about_name, guesser_name = escape_plotly(names.of(about)), escape_plotly(names.of(guesser))
    rows = comparisons(wb, about)
    labels = [t(f"dim.{row.dimension}.name", lang) for row in rows]
    guessed = [
        (row, label) for row, label in zip(rows, labels, strict=True) if row.guess is not None
    ]
    gap_x: list[int | None] = []
    gap_y: list[str | None] = []
    for row, label in guessed:
        gap_x += [row.guess, row.need, None]
        gap_y += [label, label, None]
    need_name = t("aware.chart_need", lang, name=about_name)
    guess_name = t("aware.chart_guess", lang, name=guesser_name)
    traces: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": gap_x,
            "y": gap_y,
            "mode": "lines",
            "line": {"color": GAP_LINE_COLOUR, "width": 3},
            "hoverinfo": "skip",
            "showlegend": False,
        },
        {
            "type": "scatter",
            "x": [row.need for row in rows],
            "y": labels,
            "mode": "markers",
            "name": need_name,
            "marker": {
                "color": PARTNER_COLOURS[about],
                "symbol": PARTNER_MARKER[about],
                "size": 13,
            },
            "hovertemplate": "%{y}: %{x}<extra>" + need_name + "</extra>",
        },
        {
            "type": "scatter",
            "x": [row.guess for row, _ in guessed],
            "y": [label for _, label in guessed],
            "mode": "markers",
            "name": guess_name,
            # A hollow mark for a guess: shape and fill tell it apart, not colour alone.
            "marker": {
                "color": PARTNER_COLOURS[guesser],
                "symbol": PARTNER_MARKER[guesser] + "-open",
                "size": 13,
                "line": {"width": 2.5},
            },
            "hovertemplate": "%{y}: %{x}<extra>" + guess_name + "</extra>",
        },
    ]
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=rows_height(len(DIMENSION_IDS), frame=100),
            showlegend=True,
            title={
                "text": t("aware.chart_title", lang, name=about_name),
                "x": 0,
                "font": {"size": 16},
            },
            margin={"l": 10, "r": 20, "t": 50, "b": 10},
            legend={"orientation": "h", "x": 0, "y": -0.18},
            **scale_rows_axes(labels, t("aware.chart_axis", lang)),
        ),
    }


def perception_table(
    wb: Workbook, about: PartnerId, names: Names, lang: Language
) -> list[dict[str, str]]:
    """The reveal of one partner as rows: answer, the other's guess, and the gap."""
    guesser = other(about)
    answer_col = t("aware.table_answer", lang, name=names.of(about))
    guess_col = t("aware.table_guess", lang, name=names.of(guesser))
    none = t("aware.table_none", lang)
    return [
        {
            t("needs.table_dimension", lang): t(f"dim.{row.dimension}.name", lang),
            answer_col: str(row.need),
            guess_col: none if row.guess is None else str(row.guess),
            t("aware.table_gap", lang): none
            if row.guess is None
            else str(abs(row.guess - row.need)),
        }
        for row in comparisons(wb, about)
    ]


def surprise_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """For each partner, the biggest surprises in how the other read their needs, gently worded.

    A surprise is a gap that is not "close" (3 points or more); at most two per partner, the
    largest first. A partner whose needs were read closely, or not guessed yet, gets one line
    saying so.
    """
    if not has_both(wb):
        return [t("needs.one_partner", lang)]
    lines: list[str] = []
    for about in PARTNER_IDS:
        guesser = other(about)
        who = {"about": names.of(about), "guesser": names.of(guesser)}
        gaps = perception_gaps(wb, about)
        if not gaps:
            lines.append(t("aware.nothing_yet", lang, **who))
            continue
        surprises = [gap for gap in gaps if difference_band(gap.gap) != "close"]
        if not surprises:
            lines.append(t("aware.close_line", lang, count=len(gaps), **who))
            continue
        for gap in surprises[:SURPRISES_PER_PARTNER]:
            need = wb.partners[about].ratings[gap.dimension].need
            guess = wb.partners[guesser].ratings[gap.dimension].guess
            assert guess is not None
            pole = "high" if need > guess else "low"
            lines.append(
                t(
                    "aware.surprise_line",
                    lang,
                    dimension=t(f"dim.{gap.dimension}.name", lang),
                    need=need,
                    guess=guess,
                    pole=t(f"dim.{gap.dimension}.{pole}", lang),
                    **who,
                )
            )
    return lines
