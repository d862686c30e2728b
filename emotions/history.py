"""Issue 17 item 1, "then and now": several workbook files of one couple, side by side in time.

Each file is opened exactly as an upload to resume from is (``workbook_io.load_workbook``: parsed,
migrated from older schema versions, validated) and carries its date, ``Workbook.updated``.

A workbook has no couple id. "The same couple" is therefore the partner ids present in the file
and the partners' names exactly as typed: a file whose ids or names differ from the first file
opened is refused by name, never guessed to be the same couple. Nothing here is stored anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from emotions.chart_text import MAX_NAMED, ChartText, _sentences
from emotions.charts import radar_figure, with_alpha
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises.persisting import join_list
from emotions.i18n import t
from emotions.languages import format_date
from emotions.model import PARTNER_IDS, CheckIn, Language, Partner, PartnerId, Workbook
from emotions.palette import PARTNER_COLOURS, PARTNER_MARKER
from emotions.texts import Names
from emotions.workbook_io import WorkbookError, load_workbook, problem_messages

MAX_FILES = 24
"""At most this many files are opened together (issue 17)."""

NumericKind = Literal["need", "met", "guess"]
NUMERIC_KINDS: tuple[NumericKind, ...] = ("need", "met", "guess")
"""The rating questions answered with a number 0-10: the ones a change can be measured on."""

Couple = tuple[tuple[PartnerId, str], ...]
"""What identifies a couple: each partner id present with the name as typed."""


def couple_of(wb: Workbook) -> Couple:
    """The partner ids of ``wb`` with their names exactly as typed, in registry order."""
    return tuple((pid, wb.partners[pid].name) for pid in PARTNER_IDS if pid in wb.partners)


def _shown(couple: Couple, lang: Language, escape: Callable[[str], str]) -> str:
    """A couple as a refusal names it: each partner letter and the name as typed, quoted."""
    return join_list(
        [t("history.couple_partner", lang, letter=p.upper(), name=escape(n)) for p, n in couple],
        lang,
    )


@dataclass(frozen=True)
class Refusal:
    """A file not opened: its name, why (``code``) and, for a broken file, the problems."""

    name: str
    code: Literal["broken", "other_couple", "too_many"]
    values: dict[str, Any] = field(default_factory=dict)
    error: WorkbookError | None = None

    def messages(self, lang: Language, escape: Callable[[str], str] = str) -> list[str]:
        """Why, in ``lang``: one sentence naming the file, then a broken file's problems. The
        file's name and the partners' names (user text) go through ``escape`` for the medium."""
        values = {
            k: _shown(v, lang, escape) if isinstance(v, tuple) else escape(str(v))
            for k, v in self.values.items()
        }
        head = t(f"history.refused.{self.code}", lang, file=escape(self.name), **values)
        return [head, *(problem_messages(self.error, lang) if self.error else [])]


@dataclass(frozen=True)
class Opened:
    """One file opened: its name and its workbook (dated by ``workbook.updated``)."""

    name: str
    workbook: Workbook


@dataclass(frozen=True)
class History:
    """The files of one couple, oldest first, and the files refused."""

    files: tuple[Opened, ...] = ()
    refused: tuple[Refusal, ...] = ()

    @property
    def dates(self) -> list[dt.datetime]:
        return [f.workbook.updated for f in self.files]


def open_history(uploads: Sequence[tuple[str, bytes | str]]) -> History:
    """Open ``uploads`` (file name, content) as one couple's history.

    More than ``MAX_FILES`` files: none is opened (the caller keeps what was open). A file that is
    not a workbook, or whose couple differs from the first file opened, is refused by name."""
    if len(uploads) > MAX_FILES:
        return History(
            refused=(Refusal("", "too_many", {"limit": MAX_FILES, "count": len(uploads)}),)
        )
    opened: list[Opened] = []
    refused: list[Refusal] = []
    for name, data in uploads:
        try:
            wb = load_workbook(data)
        except WorkbookError as error:
            refused.append(Refusal(name, "broken", error=error))
            continue
        if opened and couple_of(wb) != couple_of(opened[0].workbook):
            values = {
                "found": couple_of(wb),
                "expected": couple_of(opened[0].workbook),
                "first": opened[0].name,
            }
            refused.append(Refusal(name, "other_couple", values))
            continue
        opened.append(Opened(name, wb))
    opened.sort(key=lambda f: f.workbook.updated)  # stable: equal dates keep upload order
    return History(tuple(opened), tuple(refused))


@dataclass(frozen=True)
class Change:
    """One answer that moved between two dates: both dates hold an answer."""

    pid: PartnerId
    dim: DimensionId
    kind: NumericKind
    then: int
    now: int

    @property
    def by(self) -> int:
        return self.now - self.then


def changes(then: Workbook, now: Workbook) -> list[Change]:
    """Every (partner, dimension, question) whose answer moved from ``then`` to ``now``.

    Only where both hold an answer: an unanswered value (None) is not an answer, so a question
    answered at one date only is never a change (docs/architecture.md, "Answered or not")."""
    found = []
    for pid in PARTNER_IDS:
        if pid not in then.partners or pid not in now.partners:
            continue
        for dim in DIMENSION_IDS:
            before = then.partners[pid].ratings[dim]
            after = now.partners[pid].ratings[dim]
            for kind in NUMERIC_KINDS:
                a, b = getattr(before, kind), getattr(after, kind)
                if a is not None and b is not None and a != b:
                    found.append(Change(pid, dim, kind, a, b))
    return found


def _checkin_key(c: CheckIn) -> str:
    return c.model_dump_json()


def merged_checkins(files: Sequence[Opened]) -> list[CheckIn]:
    """The check-ins of every file, each identical one once, by date (stable within a date)."""
    seen: dict[str, CheckIn] = {}
    for f in files:
        for c in f.workbook.checkins:
            seen.setdefault(_checkin_key(c), c)
    return sorted(seen.values(), key=lambda c: c.date)


def date_label(when: dt.datetime, lang: Language) -> str:
    """A file's date as shown in the list, the choices and the legend (UTC, as files store it)."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return t(
        "history.date_label",
        lang,
        date=format_date(when.date(), lang),
        time=f"{when.hour:02d}:{when.minute:02d}",
    )


def partner_radar(
    then: Workbook, now: Workbook, pid: PartnerId, labels: tuple[str, str], lang: Language
) -> dict[str, Any]:
    """One partner's needs at two dates on one radar (``charts.radar_figure``'s drawing): the
    earlier as a dotted outline, the later solid, both in the partner's colour; each drawn only
    where answered at that date. ``labels``: the two dates as shown (unescaped)."""
    empty = Partner()
    pair: dict[PartnerId, Partner] = {
        "a": then.partners.get(pid, empty).model_copy(update={"name": labels[0]}),
        "b": now.partners.get(pid, empty).model_copy(update={"name": labels[1]}),
    }
    figure = radar_figure(Workbook.model_construct(partners=pair), lang)
    for trace in figure["data"]:
        if trace.get("showlegend") is False:
            continue
        was_then = trace["line"]["color"] == PARTNER_COLOURS["a"]
        trace["line"] = {
            "color": PARTNER_COLOURS[pid],
            "width": 2 if was_then else 3,
            "dash": "dot" if was_then else "solid",
        }
        trace["fill"] = "none" if was_then else trace["fill"]
        trace["fillcolor"] = with_alpha(PARTNER_COLOURS[pid], 0.12)
        trace["marker"] = {
            "symbol": "circle-open" if was_then else PARTNER_MARKER[pid],
            "size": 9,
        }
    return figure


def radar_text(
    then: Workbook,
    now: Workbook,
    pid: PartnerId,
    name: str,
    labels: tuple[str, str],
    lang: Language,
) -> ChartText:
    """The sentence beside ``partner_radar``: how many needs answered at both dates moved, and the
    largest move; or that none did; or, with no need answered at either date, that there is
    nothing to draw. ``name`` and ``labels`` are escaped for the medium by the caller."""
    answered = [
        d
        for d in DIMENSION_IDS
        for wb in (then, now)
        if pid in wb.partners and wb.partners[pid].ratings[d].need is not None
    ]
    if not answered:
        return ChartText(t("history.radar_empty", lang, name=name), empty=True)
    moved = [c for c in changes(then, now) if c.pid == pid and c.kind == "need"]
    if not moved:
        return ChartText(t("history.radar_none_moved", lang, name=name, then=labels[0]))
    widest = max(abs(c.by) for c in moved)
    dims = [c.dim for c in moved if abs(c.by) == widest][:MAX_NAMED]
    largest = t(
        "history.radar_largest",
        lang,
        then=labels[0],
        dimensions=join_list([t(f"dim.{d}.name", lang) for d in dims], lang),
        by=widest,
    )
    count = t("history.radar_moved", lang, name=name, count=len(moved))
    return ChartText(_sentences([count, largest], lang))


def table_rows(found: Sequence[Change], names: Names, lang: Language) -> list[dict[str, str]]:
    """The table of what moved, one row per change, with the columns named in ``lang``."""
    return [
        {
            t("history.col_partner", lang): names.of(c.pid),
            t("history.col_area", lang): t(f"dim.{c.dim}.name", lang),
            t("history.col_question", lang): t(f"export.csv.{c.kind}", lang),
            t("history.col_then", lang): str(c.then),
            t("history.col_now", lang): str(c.now),
            t("history.col_change", lang): f"{c.by:+d}",
        }
        for c in found
    ]


def trend_workbook(files: Sequence[Opened]) -> Workbook:
    """The latest file's workbook holding every file's check-ins (``merged_checkins``), for the
    one trend chart. Not validated again: merged check-ins may be more than one file may hold."""
    latest = files[-1].workbook
    return latest.model_copy(update={"checkins": merged_checkins(files)})
