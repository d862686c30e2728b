"""Where the workbook's ideas come from: per section, the research it draws on and how strong
that evidence is, and the list of works it cites.

The works themselves are one language-neutral list (``content/references.toml``): authors, year,
title in the original language, journal, volume and issue, pages, DOI, and where the entry was
checked against a public source (never shown to users; the safety page loads nothing from
elsewhere). What each section draws on and how strong the evidence is, in plain words, is text
of each language (``content/<lang>/sources.toml``): one entry per section of ``SECTIONS`` and a
short note per work (what kind of study it is; in Japanese with a gloss of the title).

A section with no work listed is the workbook's own framing; the page says so in those words
(``sources.own_framing``) instead of leaving the section out. ``tests/unit/test_sources.py``
fails when a section has no entry, an entry cites a work not in the list, or a work lacks a
field.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass

from emotions import i18n
from emotions.dimensions import SECTION_IDS, SectionId
from emotions.languages import Language, format_date

SOURCES_CHECKED = dt.date(2026, 12, 2)
"""When every entry of ``content/references.toml`` was last checked against its public source."""


@dataclass(frozen=True)
class Reference:
    """One cited work, as it was checked."""

    key: str
    short: str
    """Authors and year as the section entries name it ("Gottman & Driver, 2005")."""
    authors: str
    year: str
    title: str
    venue: str
    volume: str
    """Volume and issue ("10(3)"), or "" where the public record checked did not show them."""
    pages: str
    """Page range, the first page only where the last could not be checked, or ""."""
    doi: str
    checked_at: str
    """The public page the entry was checked against (for reviewers; not shown)."""

    def citation(self) -> str:
        """The reference as one line of text: authors (year). Title. Journal, volume, pages."""
        where = ", ".join(part for part in (self.venue, self.volume, self.pages) if part)
        return f"{self.authors} ({self.year}). {self.title}. {where}."


@dataclass(frozen=True)
class SectionSources:
    """What one section draws on, in one language."""

    section_id: SectionId
    refs: tuple[str, ...]
    """Keys of the works it draws on; empty when the section is the workbook's own framing."""
    draws_on: str
    evidence: str
    """How strong the evidence is, in plain words; "" for the workbook's own framing."""

    @property
    def own_framing(self) -> bool:
        return not self.refs


@functools.cache
def references() -> dict[str, Reference]:
    """Every cited work, by key, in the order of the list."""
    with (i18n.CONTENT_DIR / "references.toml").open("rb") as fh:
        table = tomllib.load(fh)
    return {
        key: Reference(key=key, **{name: str(value) for name, value in entry.items()})
        for key, entry in table.items()
    }


def section_sources(section_id: SectionId, lang: Language) -> SectionSources:
    """What a section draws on and how strong the evidence is, in ``lang``."""
    entry = i18n.content_table("sources", lang)["sections"][section_id]
    return SectionSources(
        section_id=section_id,
        refs=tuple(str(key) for key in entry["refs"]),
        draws_on=i18n.fill(str(entry["draws_on"])),
        evidence=i18n.fill(str(entry["evidence"])),
    )


def all_section_sources(lang: Language) -> list[SectionSources]:
    """One entry per section, in the sections' order."""
    return [section_sources(section_id, lang) for section_id in SECTION_IDS]


def reference_note(key: str, lang: Language) -> str:
    """What kind of work a reference is, in ``lang`` (in Japanese with a gloss of its title)."""
    return str(i18n.content_table("sources", lang)["references"][key])


def cited_keys(lang: Language) -> list[str]:
    """The works the sections cite in ``lang``, in the list's order."""
    cited = {key for entry in all_section_sources(lang) for key in entry.refs}
    return [key for key in references() if key in cited]


def checked_line(lang: Language) -> str:
    """ "References last checked: <date>", the date written the way ``lang`` writes dates."""
    day = SOURCES_CHECKED
    return i18n.t("sources.checked", lang, date=format_date(day, lang))
