"""Catalogs and content files: complete and parallel in both languages; texts follow answers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from emotions import i18n
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.escape import markdown_escape
from emotions.languages import Language
from emotions.model import Workbook
from emotions.sections import SECTION_GROUPS
from emotions.texts import area_lines, needs_table, plain_names, unmet_lines
from tests.copy import area_line

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    # A text with a count has the plural forms of its language (tests/unit/test_plurals.py).
    en, ja = i18n.messages("en"), i18n.messages("ja")
    assert set(en) == set(ja)
    for key, forms in en.items():
        wanted = i18n.placeholders(forms.get("other", forms.get("")))
        for text in [*forms.values(), *ja[key].values()]:
            assert i18n.placeholders(text) == wanted, key


def test_japanese_catalog_is_japanese() -> None:
    # Only the partners' fallback letters, "{number}. {title}" and a file format stay Latin.
    latin_only = [k for k, v in i18n.catalog("ja").items() if not JAPANESE.search(v)]
    assert latin_only == ["section.numbered", "io.at_field", "files.format_pdf"]


def _keys_used_in_code() -> set[str]:
    pattern = re.compile(r"""\bt\(\s*f?["']([a-z_.{}-]+)["']""")
    keys: set[str] = set()
    for path in [
        ROOT / "app.py",
        *ROOT.glob("app_pages/*.py"),
        *ROOT.glob("ui/*.py"),
        *ROOT.glob("emotions/*.py"),
    ]:
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    return keys


def test_every_key_the_code_asks_for_exists() -> None:
    catalog = i18n.messages("en")
    expansions = {
        "{dim}": DIMENSION_IDS,
        "{area.dimension}": DIMENSION_IDS,
        "{gap.dimension}": DIMENSION_IDS,
        "{sid}": SECTION_IDS,
        "{group.id}": [g.id for g in SECTION_GROUPS],
        "{pid}": ["a", "b"],
        "{area.band}": ["close", "different", "far"],
        "{level}": ["low", "medium", "high"],
        "{k}": ["need", "importance", "met", "guess"],
        "{problem.code}": [k.split(".")[-1] for k in catalog if k.startswith("io.problem.")],
    }
    missing = []
    for key in _keys_used_in_code():
        variants = [key]
        for placeholder, values in expansions.items():
            if placeholder in key:
                variants = [v.replace(placeholder, x) for v in variants for x in values]
        for variant in variants:
            if "{" in variant:
                # A placeholder we have no list for: at least one key must fit the pattern.
                pattern = re.compile(re.sub(r"\\\{[^}]*\\\}", "[^.]+", re.escape(variant)))
                if not any(pattern.fullmatch(k) for k in catalog):
                    missing.append(variant)
            elif variant not in catalog:
                missing.append(variant)
    assert missing == []


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_every_section_has_an_explanation_and_a_reflection_prompt(
    lang: str, section_id: str
) -> None:
    heading, body = i18n.section_text(section_id, lang)  # type: ignore[arg-type]
    assert heading and len(body) > 300
    assert i18n.content_table("reflection", lang)["prompts"][section_id]  # type: ignore[arg-type]
    if lang == "ja":
        assert JAPANESE.search(heading) and JAPANESE.search(body)


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("JA_jp", "ja"),
        ("en-US", "en"),
        ("zz", "en"),  # no ISO 639-1 language: never registered
        (None, "en"),
        ("jam", "en"),
    ],
)
def test_language_follows_the_browser_locale(locale: str | None, lang: str) -> None:
    assert i18n.language_from_locale(locale) == lang


def test_area_and_unmet_sentences_follow_the_answers() -> None:
    wb = Workbook()
    wb.partners["a"].name = "Mia"
    wb.partners["a"].ratings["closeness"].need = 9
    wb.partners["b"].ratings["closeness"].need = 2
    wb.partners["a"].ratings["closeness"].met = 3
    names = plain_names(wb, "en")
    for lang in ("en", "ja"):
        b = i18n.t("partner.b", lang)
        expected = area_line("closeness", "far", 7, "Mia", b, lang)  # type: ignore[arg-type]
        assert area_lines(wb, plain_names(wb, lang), lang) == [expected]  # type: ignore[arg-type]
    assert unmet_lines(wb, names, "en") == ["Mia: Closeness (need 9, met 3)"]
    wb.partners["b"].ratings["closeness"].need = 9
    wb.partners["a"].ratings["closeness"].need = 2
    b_first = area_line("closeness", "far", 7, i18n.t("partner.b", "en"), "Mia")
    assert area_lines(wb, plain_names(wb, "en"), "en")[0] == b_first


def test_names_fall_back_to_neutral_labels_and_never_collide() -> None:
    wb = Workbook()
    assert plain_names(wb, "ja").of("b") == i18n.t("partner.b", "ja")
    wb.partners["a"].name = wb.partners["b"].name = "Sam"
    names = plain_names(wb, "en")
    assert (names.a, names.b) == ("Sam (A)", "Sam (B)")
    assert plain_names(wb, "en", anonymous=True).a == i18n.t("partner.a", "en")
    wb.partners["a"].ratings["expression"].need = 5
    wb.partners["b"].ratings["expression"].need = 5
    rows = needs_table(wb, names, "en")
    assert rows[0] == {
        i18n.t("needs.table_dimension", "en"): i18n.t("dim.expression.name", "en"),
        "Sam (A)": 5,
        "Sam (B)": 5,
        i18n.t("needs.table_difference", "en"): 0,
        i18n.t("needs.table_band", "en"): i18n.t("band.close", "en"),
    }


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_needs_table_names_no_value_that_was_not_answered(lang: Language) -> None:
    """One partner answered everything, the other nothing: no number and no comparison for the
    other. Both answered one dimension: the difference and band on that row only."""
    wb = Workbook()
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = 9
        wb.partners["a"].ratings[dim].met = 2
    names = plain_names(wb, lang)
    not_answered = i18n.t("answer.not_answered", lang)
    difference = i18n.t("needs.table_difference", lang)
    band = i18n.t("needs.table_band", lang)
    dimension = i18n.t("needs.table_dimension", lang)
    rows = needs_table(wb, names, lang)
    assert [row[names.a] for row in rows] == [9] * len(DIMENSION_IDS)
    assert [row[names.b] for row in rows] == [not_answered] * len(DIMENSION_IDS)
    assert all(difference not in row and band not in row for row in rows)
    assert area_lines(wb, names, lang) == []
    # Unmet is one partner's own need against how well it is met: the answered partner's only.
    unmet = unmet_lines(wb, names, lang)
    assert len(unmet) == len(DIMENSION_IDS) and all(names.a in line for line in unmet)

    wb.partners["b"].ratings["support"].need = 1  # far apart from 9, on this dimension only
    rows = needs_table(wb, names, lang)
    for dim, row in zip(DIMENSION_IDS, rows, strict=True):
        assert set(row) == {dimension, names.a, names.b, difference, band}
        if dim == "support":
            assert (row[names.b], row[difference]) == (1, 8)
            assert row[band] == i18n.t("band.far", lang)
        else:
            assert (row[names.b], row[difference], row[band]) == (not_answered, "", "")
    lines = area_lines(wb, names, lang)
    assert lines == [area_line("support", "far", 8, names.a, names.b, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "**bold**",
        ":material/home:",
        "![x](http://example.com/x.png)",
        "[l](http://e.com)",
        ":red[red]",
        "$x^2$",
        "<b>x</b>",
        "# heading",
        "a\nb",
        "`code`",
    ],
)
def test_markdown_escape_leaves_no_unescaped_markup(text: str) -> None:
    escaped = markdown_escape(text)
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    assert not re.search(r"[*_\[\]()!:$<>#`\n]", unescaped)
    # What a reader sees (escapes resolved, zero-width space dropped) is the text itself.
    visible = re.sub(r"\\(.)", r"\1", escaped).replace("\u200b", "")
    assert visible == " ".join(text.split())
