"""The language registry: complete entries, one list of codes, every language as complete as the
default one, and every consumer working for a language it has never heard of."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import shutil
import sys
import tomllib
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast, get_args

import pytest

from emotions import charts, i18n, languages, samples
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import (
    awareness,
    channels,
    checkins,
    difference_map,
    distance,
    meta_emotion,
    persisting,
    styles,
)
from emotions.export.csv_tables import csv_zip
from emotions.export.html import to_html
from emotions.export.markdown import to_markdown
from emotions.export.pdf import to_pdf
from emotions.export.summary import build_summary
from emotions.export.svg import axis_lines, radar_svg
from emotions.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_CODES,
    LANGUAGES,
    Language,
    LanguageSpec,
    check_registry,
    spec,
)
from emotions.model import PARTNER_IDS
from emotions.texts import plain_names
from tests.couples import full_workbook

ROOT = Path(__file__).resolve().parents[2]
OTHERS = [lang for lang in LANGUAGE_CODES if lang != DEFAULT_LANGUAGE]
"""Every registered language but the default one, which each is compared with."""


# --- the registry itself --------------------------------------------------------------------------


def test_the_registry_and_the_literal_name_the_same_languages_in_the_same_order() -> None:
    assert get_args(Language) == LANGUAGE_CODES == tuple(s.code for s in LANGUAGES)
    assert LANGUAGES[0].code == DEFAULT_LANGUAGE
    assert len(set(LANGUAGE_CODES)) == len(LANGUAGE_CODES)
    assert all(spec(s.code) is s for s in LANGUAGES)


def test_no_field_of_a_language_has_a_default() -> None:
    for field in dataclasses.fields(LanguageSpec):
        assert field.default is dataclasses.MISSING, field.name
        assert field.default_factory is dataclasses.MISSING, field.name


@pytest.mark.parametrize("left_out", [f.name for f in dataclasses.fields(LanguageSpec)])
def test_an_entry_that_forgets_a_field_cannot_be_built(left_out: str) -> None:
    fields = {
        f.name: getattr(spec(DEFAULT_LANGUAGE), f.name) for f in dataclasses.fields(LanguageSpec)
    }
    del fields[left_out]
    with pytest.raises(TypeError, match=left_out):
        LanguageSpec(**fields)


@pytest.mark.parametrize(
    ("codes", "specs"),
    [
        ((*LANGUAGE_CODES, "zz"), LANGUAGES),  # in the Literal, not in the registry
        (LANGUAGE_CODES[:-1], LANGUAGES),  # in the registry, not in the Literal
        (LANGUAGE_CODES[::-1], LANGUAGES),  # another order
        (LANGUAGE_CODES, (*LANGUAGES, LANGUAGES[-1])),  # registered twice
    ],
)
def test_the_import_time_check_refuses_a_mismatch(
    codes: tuple[str, ...], specs: tuple[LanguageSpec, ...]
) -> None:
    with pytest.raises(RuntimeError, match="disagree"):
        check_registry(codes, specs)


def _run_as_module(source: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``source`` as the module file ``emotions/languages.py`` under another name."""
    path = ROOT / "emotions" / "languages.py"
    module = types.ModuleType(name)
    module.__file__ = str(path)
    monkeypatch.setitem(sys.modules, name, module)  # dataclasses look their module up
    exec(compile(source, str(path), "exec"), module.__dict__)


def test_a_language_added_to_the_literal_alone_fails_the_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = (ROOT / "emotions" / "languages.py").read_text(encoding="utf-8")
    literal = "Language = Literal[" + ", ".join(f'"{code}"' for code in LANGUAGE_CODES) + "]"
    assert literal in source
    # The unchanged file runs, run this way; with one more code in the Literal it does not.
    _run_as_module(source, "emotions.languages_same", monkeypatch)
    changed = source.replace(literal, literal[:-1] + ', "zz"]')
    with pytest.raises(RuntimeError, match="disagree"):
        _run_as_module(changed, "emotions.languages_changed", monkeypatch)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_each_language_is_chosen_by_its_browser_locales(lang: Language) -> None:
    for primary in spec(lang).locale_languages:
        for locale in (primary, f"{primary}-XX", f"{primary.upper()}_xx", f" {primary} "):
            assert i18n.language_from_locale(locale) == lang


def test_no_code_outside_the_registry_names_a_language() -> None:
    """A ``lang == "ja"`` or a ``{"en": ..., "ja": ...}`` table anywhere else would leave a new
    language out: every per-language rule is a field of ``LanguageSpec``."""
    found = []
    files = [
        ROOT / "app.py",
        *ROOT.glob("app_pages/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("emotions/**/*.py"),
    ]
    for path in files:
        if path.name == "languages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in LANGUAGE_CODES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


# --- every language as complete as the default one ------------------------------------------------


@pytest.mark.parametrize("lang", OTHERS)
def test_catalogs_have_the_same_keys_and_placeholders(lang: Language) -> None:
    # A text with a count has the plural forms of its language (tests/unit/test_plurals.py).
    default, other = i18n.messages(DEFAULT_LANGUAGE), i18n.messages(lang)
    assert set(other) == set(default)
    for key, forms in default.items():
        wanted = i18n.placeholders(forms.get("other", forms.get("")))
        for text in other[key].values():
            assert i18n.placeholders(text) == wanted, key


def _files(lang: Language) -> set[str]:
    folder = i18n.CONTENT_DIR / lang
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _shape(value: Any, path: str = "") -> Iterator[tuple[str, frozenset[str]]]:
    """Every key path of a TOML document (tables in a list by position), each with the
    placeholders of the text there (empty for anything but a text)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _shape(item, f"{path}.{key}")
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        for index, item in enumerate(value):
            yield from _shape(item, f"{path}[{index}]")
    elif isinstance(value, list):
        # A list of words (say, what a rewrite strips off) may be as long as the language needs.
        texts = [item for item in value if isinstance(item, str)]
        yield f"{path}[]", frozenset().union(*(i18n.placeholders(text) for text in texts))
    else:
        found = i18n.placeholders(value) if isinstance(value, str) else set()
        yield path, frozenset(found)


@pytest.mark.parametrize("lang", OTHERS)
def test_content_folders_hold_the_same_files_keys_and_placeholders(lang: Language) -> None:
    assert _files(lang) == _files(DEFAULT_LANGUAGE)
    for name in sorted(_files(DEFAULT_LANGUAGE)):
        if name.endswith(".md"):
            # A section text: the same placeholders (counts, quoted labels), every one filled.
            texts = [
                (i18n.CONTENT_DIR / code / name).read_text(encoding="utf-8")
                for code in (DEFAULT_LANGUAGE, lang)
            ]
            assert i18n.placeholders(texts[1]) == i18n.placeholders(texts[0]), name
            section_id = Path(name).stem
            assert "{" not in "".join(i18n.section_text(section_id, lang)), name
            continue
        if not name.endswith(".toml"):
            continue
        default, other = (
            tomllib.loads((i18n.CONTENT_DIR / code / name).read_text(encoding="utf-8"))
            for code in (DEFAULT_LANGUAGE, lang)
        )
        assert dict(_shape(other)) == dict(_shape(default)), name


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample_id", samples.SAMPLE_IDS)
def test_every_sample_loads_in_every_language(sample_id: samples.SampleId, lang: Language) -> None:
    wb = samples.load_sample(sample_id, lang)
    assert wb.language == lang and samples.sample_language(wb) == lang
    assert samples.title(sample_id, lang) and samples.about(sample_id, lang)


# --- a language nobody has written code for -----------------------------------------------------


@pytest.fixture
def third(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Language]:
    """A made-up third language "xx" registered for the test, with the default language's words
    copied as its catalog and content, as a new language starts out."""
    code = cast(Language, "xx")  # not in the Literal: that is the point
    stand_in = dataclasses.replace(
        spec(DEFAULT_LANGUAGE), code=code, name="Xx", locale_languages=(code,)
    )
    monkeypatch.setitem(languages._BY_CODE, code, stand_in)
    locales, content = tmp_path / "locales", tmp_path / "content"
    shutil.copytree(i18n.LOCALES_DIR, locales)
    shutil.copytree(i18n.CONTENT_DIR, content)
    shutil.copy(locales / f"{DEFAULT_LANGUAGE}.toml", locales / f"{code}.toml")
    shutil.copytree(content / DEFAULT_LANGUAGE, content / code)
    monkeypatch.setattr(i18n, "LOCALES_DIR", locales)
    monkeypatch.setattr(i18n, "CONTENT_DIR", content)
    caches = (i18n.catalog, i18n.messages, i18n.section_text, i18n.content_table)
    for cache in caches:
        cache.cache_clear()
    yield code
    for cache in caches:
        cache.cache_clear()


def test_every_export_works_in_a_third_language(third: Language) -> None:
    """The failure this registry is for: every chart and every export crashed with a KeyError
    for a third language while the suites stayed green."""
    wb = full_workbook()
    summary = build_summary(wb, third)
    assert summary.lang == third
    assert to_markdown(summary)
    assert f'lang="{third}"' in to_html(summary)
    assert radar_svg(summary.radar, third).startswith("<svg")
    assert to_pdf(summary).startswith(b"%PDF")
    assert csv_zip(wb, third)
    assert i18n.language_from_locale(f"{third}-YY") == third


def test_every_chart_builds_in_a_third_language(third: Language) -> None:
    wb = full_workbook()
    names = plain_names(wb, third)
    figures = [
        charts.radar_figure(wb, third),
        difference_map.map_figure(wb, names, third),
        checkins.trend_figure(wb, names, third),
        styles.style_map_figure(wb, third),
        channels.channels_figure(wb, third),
        meta_emotion.difference_figure(wb, third),
        distance.illustration_figure(0.3, 0.5, third),
        *(meta_emotion.grid_figure(wb, pid, third) for pid in PARTNER_IDS),
        *(persisting.need_met_figure(wb, pid, third) for pid in PARTNER_IDS),
        *(awareness.perception_figure(wb, pid, names, third) for pid in PARTNER_IDS),
    ]
    for figure in figures:
        assert figure["layout"]["font"]["family"] == spec(third).font_family
    assert languages.format_date(dt.date(2025, 3, 2), third)
    assert all(axis_lines(dim, dim, third) for dim in DIMENSION_IDS)
