"""Section 16: the journey so far. What was explored, where the needs differ most, the chosen
adjustments, the need statements, the notes and check-ins, gathered from the workbook.

Everything here reads the workbook; nothing is scored. ``names`` passed in are already escaped for
the medium; other user text (need statements) goes through the ``escape`` the caller passes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from emotions.analysis import top_areas
from emotions.dimensions import SECTION_IDS, SectionId
from emotions.exercises import adjustments
from emotions.exercises.checkins import newest_first
from emotions.i18n import t
from emotions.languages import format_date
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.sections import section_title
from emotions.texts import Names, area_line

TOP_AREAS = 3


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True)
class Explored:
    """The sections opened so far and those not opened yet, both in the article's order."""

    opened: list[SectionId]
    not_yet: list[SectionId]


def explored(wb: Workbook) -> Explored:
    """Which of the sixteen sections the couple has opened (``Workbook.visited``)."""
    seen = set(wb.visited)
    return Explored(
        [sid for sid in SECTION_IDS if sid in seen],
        [sid for sid in SECTION_IDS if sid not in seen],
    )


def explored_line(wb: Workbook, lang: Language) -> str:
    """How many sections were opened, as a sentence."""
    count = len(explored(wb).opened)
    if count == len(SECTION_IDS):
        return t("journey.all_explored", lang)
    return t("journey.explored", lang, count=count)


def section_titles(sections: list[SectionId], lang: Language) -> list[str]:
    """The navigation titles of the given sections."""
    return [section_title(sid, lang) for sid in sections]


def top_area_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """The areas most worth understanding, with their bands and who leans which way."""
    return [area_line(area, names, lang) for area in top_areas(wb, TOP_AREAS)]


def adjustment_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Per partner, the small adjustments they chose (section 9); unknown ids are counted.

    A file from another version of the app may hold ids this one does not describe.
    """
    lines = []
    for pid in _partners(wb):
        chosen = wb.partners[pid].adjustments
        if not chosen:
            lines.append(t("journey.adjustments_none", lang, name=names.of(pid)))
            continue
        for text in adjustments.chosen_texts(wb, pid, names, lang):
            lines.append(t("journey.adjustment_line", lang, name=names.of(pid), text=text))
        unknown = len(chosen) - len(adjustments.known(chosen))
        if unknown:
            lines.append(t("journey.adjustments_unknown", lang, name=names.of(pid), count=unknown))
    return lines


def statement_lines(
    wb: Workbook,
    names: Names,
    lang: Language,
    escape: Callable[[str], str] = _identity,
) -> list[str]:
    """Each partner's "I need ..." statements, marked said aloud or not yet."""
    lines = []
    for pid in _partners(wb):
        statements = [s for s in wb.partners[pid].need_statements if s.text.strip()]
        if not statements:
            lines.append(t("journey.statements_none", lang, name=names.of(pid)))
        for statement in statements:
            key = "journey.statement_spoken" if statement.spoken else "journey.statement_unspoken"
            lines.append(t(key, lang, name=names.of(pid), text=escape(statement.text)))
    return lines


def notes_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Per partner, how many reflections and trigger notes they wrote."""
    return [
        t(
            "journey.notes_line",
            lang,
            name=names.of(pid),
            reflections=sum(1 for note in wb.partners[pid].reflections.values() if note.strip()),
            triggers=len(wb.partners[pid].triggers),
        )
        for pid in _partners(wb)
    ]


def checkin_line(wb: Workbook, lang: Language) -> str:
    """How many check-ins there are, and the date of the latest."""
    if not wb.checkins:
        return t("journey.checkins_none", lang)
    latest = newest_first(wb)[0][1]
    return t(
        "journey.checkins",
        lang,
        count=len(wb.checkins),
        date=format_date(latest.date, lang),
    )


def _partners(wb: Workbook) -> list[PartnerId]:
    return [pid for pid in PARTNER_IDS if pid in wb.partners]
