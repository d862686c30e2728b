"""Where the ideas come from: every section has an entry in every language, every cited work is
in the list, every work in the list is whole, cited, and described in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from emotions import i18n, sources
from emotions.languages import LANGUAGE_CODES, Language
from emotions.sections import SECTIONS

FIELDS = ("short", "authors", "year", "title", "venue", "doi", "checked_at")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_section_has_an_entry_and_nothing_else_does(lang: Language) -> None:
    table = i18n.content_table("sources", lang)["sections"]
    assert list(table) == [spec.id for spec in SECTIONS]
    for spec in SECTIONS:
        assert set(table[spec.id]) == {"refs", "draws_on", "evidence"}, spec.id


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_an_entry_cites_listed_works_or_says_it_is_the_workbooks_own(lang: Language) -> None:
    listed = sources.references()
    for entry in sources.all_section_sources(lang):
        assert entry.draws_on or entry.own_framing, entry.section_id
        for key in entry.refs:
            assert key in listed, (entry.section_id, key)
        # A cited work comes with how strong its evidence is; the workbook's own framing has no
        # evidence line of its own (the page says "no specific study" instead).
        assert bool(entry.evidence) == (not entry.own_framing), entry.section_id
        assert "{" not in entry.draws_on + entry.evidence, entry.section_id


def test_the_sections_cite_the_same_works_in_every_language() -> None:
    by_lang = {
        lang: [entry.refs for entry in sources.all_section_sources(lang)] for lang in LANGUAGE_CODES
    }
    assert all(refs == by_lang[LANGUAGE_CODES[0]] for refs in by_lang.values())


def test_every_work_is_whole() -> None:
    listed = sources.references()
    assert listed
    for key, ref in listed.items():
        for field in FIELDS:
            assert getattr(ref, field).strip(), (key, field)
        assert re.fullmatch(r"(19|20)\d\d", ref.year), key
        assert ref.year in ref.short and ref.year in key, key
        assert re.fullmatch(r"10\.\d{4,}/\S+", ref.doi), key
        assert ref.checked_at.startswith("https://"), key
        assert re.fullmatch(r"(\d+(\([\d/]+\))?)?", ref.volume), key
        assert re.fullmatch(r"(\d+(\u2013\d+)?)?", ref.pages), key  # an en dash, or the first page
        line = ref.citation()
        for part in (ref.authors, f"({ref.year})", ref.title, ref.venue):
            assert part in line, (key, part)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_work_is_cited_and_described(lang: Language) -> None:
    assert sources.cited_keys(lang) == list(sources.references())
    notes = i18n.content_table("sources", lang)["references"]
    assert set(notes) == set(sources.references())
    for key in sources.references():
        assert sources.reference_note(key, lang).strip(), key


def test_the_checked_date_is_written_in_each_language() -> None:
    day = sources.SOURCES_CHECKED
    assert f"{day.year}-{day.month:02d}-{day.day:02d}" in sources.checked_line("en")
    assert f"{day.year}年{day.month}月{day.day}日" in sources.checked_line("ja")


def test_the_content_review_lists_every_work_it_checked() -> None:
    """docs/content-review.md's "Sources checked" names each listed work by its short name and DOI
    (and only those: a row for a work taken out of the list would be a stale claim)."""
    review = (Path(__file__).resolve().parents[2] / "docs" / "content-review.md").read_text("utf-8")
    part = review.split("## Sources checked", 1)[1]
    rows = [line for line in part.splitlines() if line.startswith("| ") and "`10." in line]
    listed = sources.references()
    assert len(rows) == len(listed)
    for ref in listed.values():
        assert any(row.startswith(f"| {ref.short} |") and f"`{ref.doi}`" in row for row in rows), (
            ref.short
        )
