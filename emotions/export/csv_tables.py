"""The answers as tidy CSV tables (one observation per row), built with pandas.

- ``needs_csv``: one row per partner x needs dimension.
- ``exercise_tables``: the feelings-about-feelings grid, the channels, the safety check and the
  check-ins, each as its own tidy table.
- ``legend_csv``: what an empty cell means in each of them: a question not answered yet (no
  value is ever filled in for it), or, for the columns that compare the partners, a need the two
  have not both answered. The headers stay the same whatever is answered.
- ``csv_zip``: all of them in one .zip, for a single download.

Headers are in the chosen language; ids (partner, dimension, emotion, ...) stay ids so that tables
from both languages can be joined. Files are UTF-8 with a byte-order mark (``utf-8-sig``) and CRLF
line ends: that is what makes Excel open Japanese text correctly on a double-click.

Formula injection: a spreadsheet runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and
some also after a tab or line break) as a formula, e.g. a name ``=HYPERLINK("http://x")``. Every
text cell that begins with one of those (after any spaces; full-width forms too) gets a leading
apostrophe, the usual way to say "this is text": the cell then shows ``'=HYPERLINK(...)`` and runs
nothing. Numbers are written as numbers and are never touched.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import pandas as pd  # type: ignore[import-untyped]

from emotions import analysis, texts
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import channels, meta_emotion, safety
from emotions.i18n import t
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    PARTNER_IDS,
    Language,
    PartnerId,
    Workbook,
)
from emotions.presentation import anonymised

ENCODING = "utf-8-sig"
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
"""First characters a spreadsheet may read as the start of a formula (with full-width forms)."""
EXERCISE_TABLES: tuple[str, ...] = ("meta_emotion", "channels", "safety", "checkins")

Cell = str | int | None


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will show, never run: see the module's note on formulas."""
    stripped = text.lstrip(" ")
    if stripped and stripped[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]], numeric: set[str]) -> bytes:
    """Rows as CSV bytes: header keys translated, numbers as whole numbers (blank if missing)."""
    frame = pd.DataFrame(
        [[neutralise(c) if isinstance(c, str) else c for c in row] for row in rows],
        columns=list(columns),
        dtype=object,
    )
    for column in numeric:
        frame[column] = frame[column].astype("Int64")
    header = [neutralise(c) for c in columns]
    text = str(frame.to_csv(index=False, header=header, lineterminator="\r\n"))
    # A lone surrogate (possible in a JSON file) cannot be encoded: it becomes "?".
    return text.encode(ENCODING, errors="replace")


def _h(key: str, lang: Language) -> str:
    return t(f"export.csv.{key}", lang)


def _partners(wb: Workbook) -> list[PartnerId]:
    return [pid for pid in PARTNER_IDS if pid in wb.partners]


def needs_csv(wb: Workbook, lang: Language, *, anonymous: bool = False) -> bytes:
    """One row per partner x dimension: ids and labels, need, importance, how well it is met,
    the guess of the other's need, and the difference with its band.

    An empty cell is a question not answered yet (``legend_csv`` says so): nothing is filled in
    for it. The difference and its band are empty unless both partners answered that need. A
    row whose four answers would all be empty is left out, so a partner who answered nothing
    has no row. The header is the same whatever is answered."""
    names = texts.plain_names(wb, lang, anonymous=anonymous)
    columns = [_h(k, lang) for k in NEEDS_KEYS]
    rows: list[list[Cell]] = []
    for pid in _partners(wb):
        for dim in DIMENSION_IDS:
            rating = wb.partners[pid].ratings[dim]
            if not rating.answered():
                continue
            diff = analysis.difference(wb, dim)
            importance = rating.importance
            rows.append(
                [
                    pid,
                    names.of(pid),
                    dim,
                    t(f"dim.{dim}.name", lang),
                    rating.need,
                    None if importance is None else t(f"importance.{importance}", lang),
                    rating.met,
                    rating.guess,
                    diff,
                    None if diff is None else t(f"band.{analysis.difference_band(diff)}", lang),
                ]
            )
    numeric = {_h(k, lang) for k in ("need", "met", "guess", "difference")}
    return _csv(columns, rows, numeric)


NEEDS_KEYS: tuple[str, ...] = (
    "partner_id",
    "partner",
    "dimension_id",
    "dimension",
    "need",
    "importance",
    "met",
    "guess",
    "difference",
    "band",
)
"""The columns of ``needs.csv``, in order (their headers: ``export.csv.<key>``)."""

OPEN_COLUMNS: dict[str, tuple[str, ...]] = {
    "needs": ("need", "importance", "met", "guess"),
    "channels": ("shows", "notices"),
    "checkins": ("connection",),
}
"""The columns of each table where an empty cell means "not answered yet"."""
COMPARED_COLUMNS: dict[str, tuple[str, ...]] = {"needs": ("difference", "band")}
"""The columns that compare the partners: empty unless both answered."""


def legend_csv(lang: Language) -> bytes:
    """What an empty cell means, per file and column: ``legend.csv`` in the .zip."""
    keys = ("file", "column", "empty")
    meanings = {"open": OPEN_COLUMNS, "not_compared": COMPARED_COLUMNS}
    rows: list[list[Cell]] = [
        [f"{table}.csv", _h(column, lang), t(f"export_answers.csv_empty_{meaning}", lang)]
        for meaning, found in meanings.items()
        for table, columns in found.items()
        for column in columns
    ]
    return _csv([t(f"export_answers.csv_{k}", lang) for k in keys], rows, set())


def _meta_emotion_csv(wb: Workbook, lang: Language, names: texts.Names) -> bytes:
    keys = ("partner_id", "partner", "emotion_id", "emotion", "belief_id", "belief", "agreement")
    rows: list[list[Cell]] = [
        [
            pid,
            names.of(pid),
            emotion,
            meta_emotion.emotion_label(emotion, lang),
            belief,
            meta_emotion.belief_label(belief, lang),
            value,
        ]
        for pid in _partners(wb)
        for emotion in EMOTIONS
        for belief in BELIEFS
        if (value := meta_emotion.agreement(wb.partners[pid], emotion, belief)) is not None
    ]
    return _csv([_h(k, lang) for k in keys], rows, {_h("agreement", lang)})


def _channels_csv(wb: Workbook, lang: Language, names: texts.Names) -> bytes:
    keys = ("partner_id", "partner", "channel_id", "channel", "shows", "notices")
    rows: list[list[Cell]] = []
    for pid in _partners(wb):
        for channel in CHANNELS:
            show = channels.rating(wb.partners[pid], channel, "show")
            notice = channels.rating(wb.partners[pid], channel, "notice")
            if show is None and notice is None:
                continue
            label = channels.channel_label(channel, lang)
            rows.append([pid, names.of(pid), channel, label, show, notice])
    return _csv([_h(k, lang) for k in keys], rows, {_h("shows", lang), _h("notices", lang)})


def _safety_csv(wb: Workbook, lang: Language, names: texts.Names) -> bytes:
    keys = ("partner_id", "partner", "feeling_id", "feeling", "response_id", "response", "flagged")
    feelings, responses = safety.feeling_labels(lang), safety.response_labels(lang)
    rows: list[list[Cell]] = [
        [
            answer.pid,
            names.of(answer.pid),
            answer.feeling,
            feelings[answer.feeling],
            answer.response,
            responses[answer.response],
            _h("yes" if answer.response in safety.FLAGGED else "no", lang),
        ]
        for answer in safety.all_answers(wb)
    ]
    return _csv([_h(k, lang) for k in keys], rows, set())


def _checkins_csv(wb: Workbook, lang: Language, names: texts.Names) -> bytes:
    keys = (
        "checkin",
        "date",
        "partner_id",
        "partner",
        "connection",
        "reliability",
        "adjustment",
    )
    # Numbered in date order (the same date: in the order they were added).
    ordered = sorted(enumerate(wb.checkins), key=lambda item: (item[1].date, item[0]))
    rows: list[list[Cell]] = [
        [
            number,
            checkin.date.isoformat(),
            pid,
            names.of(pid),
            checkin.connection.get(pid),
            checkin.reliability,
            checkin.adjustment,
        ]
        for number, (_, checkin) in enumerate(ordered, 1)
        for pid in _partners(wb)
    ]
    return _csv([_h(k, lang) for k in keys], rows, {_h("checkin", lang), _h("connection", lang)})


def exercise_tables(wb: Workbook, lang: Language, anonymous: bool = False) -> dict[str, bytes]:
    """The exercises as tidy CSV tables, by name (see ``EXERCISE_TABLES``); only answered cells
    appear as rows, so an exercise nobody did is a table with its header only."""
    names = texts.plain_names(wb, lang, anonymous=anonymous)
    if anonymous:
        # The couple's own words (the check-in notes) with the names in them taken out.
        wb = anonymised(wb, lang)
    return {
        "meta_emotion": _meta_emotion_csv(wb, lang, names),
        "channels": _channels_csv(wb, lang, names),
        "safety": _safety_csv(wb, lang, names),
        "checkins": _checkins_csv(wb, lang, names),
    }


def csv_zip(wb: Workbook, lang: Language, anonymous: bool = False) -> bytes:
    """Every CSV table in one .zip: ``needs.csv``, one file per exercise table and
    ``legend.csv`` (what an empty cell means).

    The files carry the workbook's last change as their date, so the same workbook always gives
    the same bytes.
    """
    files = {"needs": needs_csv(wb, lang, anonymous=anonymous)}
    files.update(exercise_tables(wb, lang, anonymous))
    files["legend"] = legend_csv(lang)
    # A zip file can only hold dates from 1980 to 2107.
    stamp = min(max(wb.updated.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 0, 0, 0))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(f"{name}.csv", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # rw-r--r-- once unpacked
            archive.writestr(info, data)
    return buffer.getvalue()
