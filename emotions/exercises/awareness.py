"""Section 11: trigger notes, and the perception-gap game (guess the other's needs, then reveal).

A guess is the ``guess`` of a partner's Rating: what that partner thinks the OTHER needs on the
dimension. The reveal compares each partner's own answer with the other's guess. A gap is called
a surprise when it is not "close" in the bands of ``analysis.difference_band`` (a rule of thumb).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emotions.analysis import difference_band, need, other, perception_gaps
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
    """One dimension of the reveal: what ``about`` answered and what the other guessed, each
    None while not answered."""

    dimension: DimensionId
    need: int | None
    guess: int | None

    @property
    def gap(self) -> int | None:
        """How far the guess is from the answer; None unless both exist (a guess is compared
        only with an answer)."""
        if self.need is None or self.guess is None:
            return None
        return abs(self.guess - self.need)


def comparisons(wb: Workbook, about: PartnerId) -> list[Comparison]:
    """``about``'s own needs beside the other partner's guesses, in the registry order: only
    the dimensions where at least one of the two was answered. Either partner may be missing
    (a partner file): their side is simply not answered."""
    rows = []
    for dim in DIMENSION_IDS:
        row = Comparison(dim, need(wb, about, dim), _guess(wb, other(about), dim))
        if row.need is not None or row.guess is not None:
            rows.append(row)
    return rows


def _guess(wb: Workbook, guesser: PartnerId, dim: DimensionId) -> int | None:
    partner = wb.partners.get(guesser)
    return None if partner is None else partner.ratings[dim].guess


def perception_figure(
    wb: Workbook, about: PartnerId, names: Names, lang: Language
) -> dict[str, Any]:
    """A dot plot for one partner: their own answer, the other's guess, a grey line between.

    A filled mark only where ``about`` answered, a hollow one (named a guess) only where the other
    guessed, the line only where both did. ``names`` are plain (unescaped): they are HTML-escaped
    here for plotly.
    """
    guesser = other(about)
    about_name, guesser_name = escape_plotly(names.of(about)), escape_plotly(names.of(guesser))
    rows = comparisons(wb, about)
    labels = [t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS]
    label = {row.dimension: t(f"dim.{row.dimension}.name", lang) for row in rows}
    answered = [row for row in rows if row.need is not None]
    guessed = [row for row in rows if row.guess is not None]
    gap_x: list[int | None] = []
    gap_y: list[str | None] = []
    for row in rows:
        if row.gap is not None:  # the line only where the guess meets an answer
            gap_x += [row.guess, row.need, None]
            gap_y += [label[row.dimension], label[row.dimension], None]
    need_name = t("aware.chart_need", lang, name=about_name)
    guess_name = t("aware.chart_guess", lang, name=guesser_name)
    traces: list[dict[str, Any]] = []
    if gap_x:
        traces.append(
            {
                "type": "scatter",
                "x": gap_x,
                "y": gap_y,
                "mode": "lines",
                "line": {"color": GAP_LINE_COLOUR, "width": 3},
                "hoverinfo": "skip",
                "showlegend": False,
            }
        )
    if answered:
        traces.append(
            {
                "type": "scatter",
                "x": [row.need for row in answered],
                "y": [label[row.dimension] for row in answered],
                "mode": "markers",
                "name": need_name,
                "marker": {
                    "color": PARTNER_COLOURS[about],
                    "symbol": PARTNER_MARKER[about],
                    "size": 13,
                },
                "hovertemplate": "%{y}: %{x}<extra>" + need_name + "</extra>",
            }
        )
    if guessed:
        traces.append(
            {
                "type": "scatter",
                "x": [row.guess for row in guessed],
                "y": [label[row.dimension] for row in guessed],
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
            }
        )
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


def guess_only_line(wb: Workbook, about: PartnerId, names: Names, lang: Language) -> str | None:
    """A line under ``about``'s reveal chart when it would otherwise mislead or be empty: nothing
    answered nor guessed yet, or only guesses (which are not ``about``'s answers)."""
    rows = comparisons(wb, about)
    who = {"about": names.of(about), "guesser": names.of(other(about))}
    if not rows:
        return t("aware.nothing_yet", lang, **who)
    if all(row.need is None for row in rows):
        return t("compare_b.aware_guess_only", lang, **who)
    return None


def perception_table(
    wb: Workbook, about: PartnerId, names: Names, lang: Language
) -> list[dict[str, str]]:
    """The reveal of one partner as rows: answer, the other's guess, and the gap (only where
    both exist). Dimensions neither answered nor guessed are left out."""
    guesser = other(about)
    answer_col = t("aware.table_answer", lang, name=names.of(about))
    guess_col = t("aware.table_guess", lang, name=names.of(guesser))
    not_answered = t("answer.not_answered", lang)
    not_guessed = t("aware.table_none", lang)
    return [
        {
            t("needs.table_dimension", lang): t(f"dim.{row.dimension}.name", lang),
            answer_col: not_answered if row.need is None else str(row.need),
            guess_col: not_guessed if row.guess is None else str(row.guess),
            t("aware.table_gap", lang): "" if row.gap is None else str(row.gap),
        }
        for row in comparisons(wb, about)
    ]


def surprise_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """For each partner, the biggest surprises in how the other read their needs, gently worded.

    A guess is compared only with an answer of the partner it is about. A surprise is a gap that
    is not "close" (3 points or more); at most two per partner, the largest first. A partner whose
    needs were read closely, not guessed yet, or guessed where they have not answered yet, gets
    one line saying so.
    """
    lines: list[str] = []
    for about in PARTNER_IDS:
        guesser = other(about)
        who = {"about": names.of(about), "guesser": names.of(guesser)}
        guessed = guesses_made(wb, guesser)
        gaps = perception_gaps(wb, about)
        if not guessed:
            lines.append(t("aware.nothing_yet", lang, **who))
            continue
        if not gaps:
            lines.append(t("compare_b.aware_guesses_wait", lang, count=guessed, **who))
            continue
        surprises = [gap for gap in gaps if difference_band(gap.gap) != "close"]
        if not surprises:
            key = "aware.close_line" if len(gaps) == guessed else "compare_b.aware_close_some"
            lines.append(t(key, lang, count=len(gaps), **who))
            continue
        for gap in surprises[:SURPRISES_PER_PARTNER]:
            answer = need(wb, about, gap.dimension)
            guess = _guess(wb, guesser, gap.dimension)
            assert answer is not None and guess is not None  # a gap needs both
            pole = "high" if answer > guess else "low"
            lines.append(
                t(
                    "aware.surprise_line",
                    lang,
                    dimension=t(f"dim.{gap.dimension}.name", lang),
                    need=answer,
                    guess=guess,
                    pole=t(f"dim.{gap.dimension}.{pole}", lang),
                    **who,
                )
            )
    return lines
