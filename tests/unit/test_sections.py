"""The section registry is whole: every part of the model has one owner, every free-text field is
declared once (so presentation mode and anonymous exports cover it), every section has its
summary entry and its page, and numbers and counts come from the registry, not the copy."""

from __future__ import annotations

import datetime as dt
import io
import re
import types
import zipfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from annotated_types import MaxLen
from pydantic import BaseModel

from emotions import textfields
from emotions.dimensions import SECTION_IDS
from emotions.export.csv_tables import csv_zip
from emotions.export.summary import SECTION_SUMMARIES, build_summary
from emotions.i18n import CONTENT_DIR, catalog, fill, t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language, Workbook
from emotions.presentation import presentation_view
from emotions.sections import (
    FRAME_FREE_TEXT,
    FRAME_STORES,
    SECTION_GROUPS,
    SECTIONS,
    section_number,
    section_title,
)
from tests.couples import full_workbook
from tests.unit.test_export_summary import all_text
from tests.xss import fill_workbook, model_free_text_paths, path_pattern

ROOT = Path(__file__).resolve().parents[2]
LANGS: tuple[Language, ...] = LANGUAGE_CODES


# --- Every part of the model has one owner --------------------------------------------------------


def _leaf_paths(tp: Any, path: str = "") -> list[str]:
    """Every scalar field of the model as a path (``partners.*.ratings.*.need``)."""
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    origin = get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [
            leaf
            for name, info in tp.model_fields.items()
            for leaf in _leaf_paths(info.annotation, f"{path}.{name}".lstrip("."))
        ]
    if origin is list:
        return _leaf_paths(get_args(tp)[0], f"{path}[]")
    if origin is dict:
        return _leaf_paths(get_args(tp)[1], f"{path}.*")
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        return sorted({leaf for arg in options for leaf in _leaf_paths(arg, path)})
    assert tp in (str, int, bool, dt.date, dt.datetime) or origin is Literal, (path, tp)
    return [path]


def _owners(leaf: str, claims: list[str]) -> list[str]:
    return [c for c in claims if leaf == c or leaf.startswith((f"{c}.", f"{c}["))]


def test_every_field_of_the_model_is_stored_by_exactly_one_section_or_the_frame() -> None:
    claims = [*FRAME_STORES, *(path for spec in SECTIONS for path in spec.stores)]
    problems = {
        leaf: owners for leaf in _leaf_paths(Workbook) if len(owners := _owners(leaf, claims)) != 1
    }
    assert problems == {}, "claim each field in one SectionSpec.stores (or FRAME_STORES)"
    # And no claim names something the model does not have.
    leaves = _leaf_paths(Workbook)
    assert [c for c in claims if not any(_owners(leaf, [c]) for leaf in leaves)] == []


def test_every_free_text_field_of_the_model_is_declared_exactly_once() -> None:
    """A str that is not an id (no pattern), a Literal or a date is the couple's own words: one
    section (or the frame) declares it, so presentation mode folds it and anonymous exports
    take the names out of it."""
    declared = Counter(field.path for field in textfields.FREE_TEXT)
    assert [path for path, n in declared.items() if n > 1] == []
    in_model = set(model_free_text_paths())
    assert sorted(in_model - set(declared)) == [], "declare it in a SectionSpec.free_text"
    assert sorted(set(declared) - in_model) == []
    assert {"partners.*.name", "partners.*.reflections.*"} == {f.path for f in FRAME_FREE_TEXT}


def test_the_walker_finds_every_free_text_of_a_filled_workbook() -> None:
    filled = fill_workbook()
    found = textfields.texts(filled.workbook)
    assert found == filled.texts
    assert {path_pattern(p) for p in found} == {f.path for f in textfields.FREE_TEXT}


# --- What the walker is used for ------------------------------------------------------------------


def _naming() -> tuple[Workbook, tuple[str, str]]:
    """Every free-text field of the model (found by walking it) names both partners."""
    names = ("Mia", "Ren")
    filled = fill_workbook(
        lambda path, limit: f"{path}: Mia told Ren."[: limit or None],
        names=names,
        answers_from=full_workbook(),
    )
    return filled.workbook, names


@pytest.mark.parametrize("lang", LANGS)
def test_an_anonymous_export_holds_no_name_anywhere(lang: Language) -> None:
    wb, names = _naming()
    everything = all_text(build_summary(wb, lang, anonymous=True))
    with zipfile.ZipFile(io.BytesIO(csv_zip(wb, lang, anonymous=True))) as archive:
        cells = "".join(archive.read(n).decode("utf-8-sig") for n in archive.namelist())
    for name in names:
        assert name not in everything
        assert name not in cells
    # Without leaving names out, they are there (the check above can fail).
    assert all(name in all_text(build_summary(wb, lang)) for name in names)


def test_presentation_mode_shows_no_name_and_folds_every_note() -> None:
    wb, names = _naming()
    shown = presentation_view(wb, show_notes=True)
    folded = presentation_view(wb)
    for name in names:
        assert name not in shown.model_dump_json() and name not in folded.model_dump_json()
    notes = textfields.texts(wb, textfields.NOTES)
    assert notes and textfields.texts(shown, textfields.NOTES).keys() == notes.keys()
    assert all(text == "" for text in textfields.texts(folded).values())
    # Folded, a need statement keeps its checklist tag; rewrites and notes are gone.
    full = presentation_view(full_workbook())
    assert [s.tag for s in full.partners["a"].need_statements] == [
        s.tag for s in full_workbook().partners["a"].need_statements
    ]
    assert full.partners["a"].rewrites == [] and full.partners["a"].reflections == {}


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_shows_every_free_text_field(lang: Language) -> None:
    """Each field holds its own word: a section whose summary leaves out what the couple wrote
    (or has no summary entry at all) fails here."""
    counter = iter(range(10_000))
    filled = fill_workbook(
        lambda path, limit: f"w{next(counter):04d}z", answers_from=full_workbook()
    )
    everything = all_text(build_summary(filled.workbook, lang))
    assert [path for path, word in filled.texts.items() if word not in everything] == []


def test_a_listed_feeling_is_an_id_and_is_never_redacted() -> None:
    wb = full_workbook()
    wb.partners["a"].name = "lonely"
    wb.partners["a"].rewrites[0].feeling = "lonely"
    wb.partners["a"].rewrites[0].need = "lonely"
    shown = presentation_view(wb, show_notes=True).partners["a"].rewrites[0]
    assert shown.feeling == "lonely" and shown.need == t("partner.a", "en")


# --- Summary entries, pages, numbers -------------------------------------------------------------


def test_every_section_has_an_explicit_summary_entry() -> None:
    assert list(SECTION_SUMMARIES) == list(SECTION_IDS)
    # Notes only: the section still shows when someone wrote a reflection.
    assert SECTION_SUMMARIES["introduction"] is None


def test_every_section_has_its_page_and_its_group() -> None:
    for spec in SECTIONS:
        assert (ROOT / spec.page).is_file(), spec.page
    assert [sid for group in SECTION_GROUPS for sid in group.sections] == list(SECTION_IDS)


def test_numbers_and_counts_come_from_the_registry() -> None:
    assert [section_number(sid) for sid in SECTION_IDS] == list(range(1, len(SECTION_IDS) + 1))
    # The titles read as they always did; the catalogs hold them without their numbers.
    assert section_title("ongoing-differences", "en") == "8. When differences persist"
    for lang in LANGS:
        for spec in SECTIONS:
            assert section_title(spec.id, lang) == f"{spec.number}. {t(spec.title_key, lang)}"
    count = str(len(SECTION_IDS))
    for lang in LANGS:
        for sid in SECTION_IDS:
            assert not re.match(r"\d", t(f"section.{sid}.title", lang)), sid
        for key, text in catalog(lang).items():
            assert not re.search(rf"(?<!\d){count}(?!\d)", text), key
    assert t("section.number_of", "en", number=8) == f"Section 8 of {count}"
    visited = Workbook.model_fields["visited"].metadata
    assert [m.max_length for m in visited if isinstance(m, MaxLen)] == [len(SECTION_IDS)]


SECTION_NUMBER_BY_HAND = re.compile(r"\b[Ss]ections? \d|第\d+[章節]")
"""How the copy pointed at a section before ``{section_<id>}`` ("section 2", 「第2章」)."""


def test_no_text_points_at_a_section_by_a_number_written_by_hand() -> None:
    found = [
        (f"{lang}:{key}", m.group())
        for lang in LANGS
        for key, text in catalog(lang).items()
        for m in SECTION_NUMBER_BY_HAND.finditer(text)
    ]
    for path in sorted(CONTENT_DIR.glob("*/**/*")):
        if path.suffix in (".md", ".toml"):
            text = "\n".join(
                line
                for line in path.read_text(encoding="utf-8").splitlines()
                if not line.startswith("#") or path.suffix == ".md"
            )
            found += [(path.name, m.group()) for m in SECTION_NUMBER_BY_HAND.finditer(text)]
    assert found == [], "write section {section_<id>} (filled from the registry) instead"


def test_a_section_placeholder_reads_its_number() -> None:
    for spec in SECTIONS:
        placeholder = "{section_" + spec.id.replace("-", "_") + "}"
        assert fill(f"section {placeholder}") == f"section {spec.number}"
    assert f"(section {section_number('rebuilding')})" in t("journey.checkins_none", "en")
    assert SECTION_NUMBER_BY_HAND.search("see section 12") and SECTION_NUMBER_BY_HAND.search(
        "第3章"
    )


def test_what_the_couple_answers_together_is_hidden_in_a_turn_and_weighed_when_combining() -> None:
    """A section that stores a couple-level field gets both for free (``COUPLE_FIELDS``)."""
    from emotions import combine, turns
    from emotions.sections import COUPLE_FIELDS

    wb = full_workbook()
    fresh = Workbook()
    answers = [f for f in COUPLE_FIELDS if f != "mode"]
    assert answers and all(getattr(wb, f) != getattr(fresh, f) for f in answers)
    for stage in ("a", "handover", "b"):
        view = turns.turn_view(wb, stage)
        assert [f for f in answers if getattr(view, f) != getattr(fresh, f)] == [], stage
    # Combining: a file without the couple's shared answers takes them from the other file.
    empty = wb.model_copy(deep=True)
    for field in answers:
        setattr(empty, field, getattr(fresh, field))
    combined = combine.combine(empty, wb).workbook
    assert [f for f in answers if getattr(combined, f) != getattr(wb, f)] == []
