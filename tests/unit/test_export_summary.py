"""The summary document: what it holds, in which order, in which language, with or without names."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from emotions import analysis, texts
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.exercises import (
    adjustments,
    channels,
    checkins,
    journey,
    moments,
    naming,
    rewrite,
    safety,
    styles,
)
from emotions.export.document import Block, Summary
from emotions.export.summary import UNANSWERED, build_summary, not_answered
from emotions.i18n import catalog, t
from emotions.languages import format_date
from emotions.model import (
    Language,
    Rewrite,
    TriggerNote,
    VulnerableMoment,
    Workbook,
)
from emotions.presentation import name_redactor
from tests.copy import area_title
from tests.couples import full_workbook, reassurance_and_independence, talker_and_processor

ROOT = Path(__file__).resolve().parents[2]
COUPLES = {"talker": talker_and_processor, "reassurance": reassurance_and_independence}
LANGS: tuple[Language, ...] = ("en", "ja")


def block(summary: Summary, title: str) -> Block:
    found = [b for b in summary.blocks if b.title == title]
    assert len(found) == 1, [b.title for b in summary.blocks]
    return found[0]


def as_sections(titles: list[str], lang: Language = "en") -> list[str]:
    """Block titles with each section's block named by its id: a section's block title contains
    the section's title (numbered or not), other titles stay as they are."""
    return [
        next((sid for sid in SECTION_IDS if t(f"section.{sid}.title", lang) in title), title)
        for title in titles
    ]


def section(summary: Summary, section_id: str) -> Block:
    found = [b for b in summary.blocks if as_sections([b.title], summary.lang) == [section_id]]
    assert len(found) == 1, [b.title for b in summary.blocks]
    return found[0]


def all_text(summary: Summary) -> str:
    parts = [summary.title, summary.subtitle, summary.notice, summary.rule_of_thumb]
    parts += summary.radar.axes + list(summary.radar.names.values())
    for b in summary.blocks:
        parts += [b.title, *b.paragraphs, *b.bullets]
        for table in b.tables:
            parts += table.columns + [c for row in table.rows for c in row]
        parts += [x for note in b.notes for x in note]
    return "\n".join(parts)


# --- Head, radar and order ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_head_says_what_it_is_in_the_language(lang: Language) -> None:
    wb = talker_and_processor()
    wb.updated = dt.datetime(2025, 3, 9, 12, tzinfo=dt.UTC)
    summary = build_summary(wb, lang)
    assert summary.lang == lang
    assert summary.title == t("export.title", lang)
    assert summary.notice == t("export.notice", lang)
    assert t("band.far", lang) in summary.rule_of_thumb
    assert summary.subtitle == t(
        "export.subtitle", lang, date=format_date(dt.date(2025, 3, 9), lang)
    )
    assert ("2025-03-09" if lang == "en" else "2025年3月9日") in summary.subtitle
    assert not summary.sample
    wb.sample = "talker"
    marked = build_summary(wb, lang)
    assert marked.sample and marked.subtitle.startswith(summary.subtitle)
    assert marked.subtitle != summary.subtitle


def test_notice_says_not_therapy_and_not_a_validated_test() -> None:
    en = build_summary(Workbook(), "en").notice
    assert "not therapy" in en and "not a validated" in en
    ja = build_summary(Workbook(), "ja").notice
    assert "セラピー" in ja and "心理テスト" in ja


@pytest.mark.parametrize("lang", LANGS)
def test_radar_data_has_axis_names_needs_and_names(lang: Language) -> None:
    wb = reassurance_and_independence()
    radar = build_summary(wb, lang).radar
    assert radar.dimensions == list(DIMENSION_IDS)
    assert radar.axes == [t(f"dim.{d}.name", lang) for d in DIMENSION_IDS]
    assert radar.needs["b"] == [wb.partners["b"].ratings[d].need for d in DIMENSION_IDS]
    assert radar.names == {"a": "Kai", "b": "Sam"}
    anonymous = build_summary(wb, lang, anonymous=True).radar
    assert anonymous.names == {"a": t("partner.a", lang), "b": t("partner.b", lang)}


def test_blocks_follow_the_sections_and_skip_the_unanswered() -> None:
    summary = build_summary(full_workbook(), "en")
    titles = as_sections([b.title for b in summary.blocks])
    sections = list(SECTION_IDS)
    assert [x for x in titles if x in sections] == sections
    # The needs come right after section 1: profile, areas, top three areas, missing, guesses.
    areas = analysis.areas_to_understand(full_workbook())
    assert titles[1:8] == [
        SECTION_IDS[1],
        t("needs.areas_heading", "en"),
        *[texts.area_title(a, "en") for a in areas[:3]],
        t("needs.unmet_heading", "en"),
        t("export.perception_heading", "en"),
    ]

    # The questions still open come last.
    assert titles[-1] == t("export_answers.open_heading", "en")

    bare = as_sections([b.title for b in build_summary(talker_and_processor(), "en").blocks])
    # Without any exercise answered only the needs remain, with the two sections that read
    # nothing but the needs: the style map and "too much" (needs far apart); then what is open.
    assert bare == [
        SECTION_IDS[1],
        t("needs.areas_heading", "en"),
        *[texts.area_title(a, "en") for a in analysis.top_areas(talker_and_processor(), 3)],
        SECTION_IDS[2],
        SECTION_IDS[7],
        t("export_answers.open_heading", "en"),
    ]
    # Nothing answered: no style map, nothing compared, everything open.
    alike = as_sections([b.title for b in build_summary(Workbook(), "en").blocks])
    assert alike == [
        SECTION_IDS[1],
        t("needs.areas_heading", "en"),
        t("export_answers.open_heading", "en"),
    ]


# --- The needs profile ----------------------------------------------------------------------------


@pytest.mark.parametrize("couple", COUPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_needs_table_holds_every_partners_needs(couple: str, lang: Language) -> None:
    wb = COUPLES[couple]()
    wb.partners["a"].ratings["support"].met = 2
    table = section(build_summary(wb, lang), "what-it-means").tables[0]
    names = texts.plain_names(wb, lang)
    open_cell = not_answered(lang)
    assert open_cell == t("export_answers.cell", lang) and open_cell != UNANSWERED
    assert table.columns[:4] == [
        t("needs.table_dimension", lang),
        t("export.col_need", lang, name=names.a),
        t("export.col_importance", lang, name=names.a),
        t("export.col_met", lang, name=names.a),
    ]
    assert table.columns[-2:] == [t("needs.table_difference", lang), t("needs.table_band", lang)]
    # Nobody answered how well B's needs are met: no column of "not answered yet" for it.
    assert t("export.col_met", lang, name=names.b) not in table.columns
    col = {c: table.columns.index(c) for c in table.columns}
    for row, dim in zip(table.rows, DIMENSION_IDS, strict=True):
        a, b = wb.partners["a"].ratings[dim], wb.partners["b"].ratings[dim]
        assert a.need is not None and b.need is not None
        assert row[0] == t(f"dim.{dim}.name", lang)
        assert row[col[t("export.col_need", lang, name=names.a)]] == str(a.need)
        assert row[col[t("export.col_need", lang, name=names.b)]] == str(b.need)
        importance = row[col[t("export.col_importance", lang, name=names.a)]]
        assert importance == (
            open_cell if a.importance is None else t(f"importance.{a.importance}", lang)
        )
        assert row[3] == ("2" if dim == "support" else open_cell)
        assert row[col[t("needs.table_difference", lang)]] == str(abs(a.need - b.need))
    assert "importance.None" not in all_text(build_summary(wb, lang))


@pytest.mark.parametrize("couple", COUPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_areas_come_ranked_with_their_direction_texts(couple: str, lang: Language) -> None:
    wb = COUPLES[couple]()
    summary = build_summary(wb, lang)
    names = texts.plain_names(wb, lang)
    areas = analysis.areas_to_understand(wb)
    assert block(summary, t("needs.areas_heading", lang)).bullets == texts.area_lines(
        wb, names, lang
    )
    for area in areas[:3]:
        directions = texts.directions(area, names, lang)
        assert block(summary, texts.area_title(area, lang)).bullets == [
            directions[key] for key in texts.DIRECTION_KEYS
        ]
    assert all(
        texts.area_title(a, lang) not in [b.title for b in summary.blocks] for a in areas[3:]
    )


def test_the_top_areas_follow_each_couple() -> None:
    mia_ren = build_summary(talker_and_processor(), "en")
    kai_sam = build_summary(reassurance_and_independence(), "en")
    assert mia_ren.blocks[2].title == area_title("conflict_pace", "far", 9)
    assert kai_sam.blocks[2].title == area_title("reassurance", "far", 8)
    assert kai_sam.blocks[2].bullets[0].startswith("Sam ")


def test_missing_and_perception_gaps_reuse_the_pages_sentences() -> None:
    wb = full_workbook()
    names = texts.plain_names(wb, "ja")
    summary = build_summary(wb, "ja")
    assert block(summary, t("needs.unmet_heading", "ja")).bullets == texts.unmet_lines(
        wb, names, "ja"
    )
    gaps = block(summary, t("export.perception_heading", "ja"))
    assert len(gaps.tables) == 2 and gaps.bullets
    assert gaps.tables[0].columns[1] == t("aware.table_answer", "ja", name="Mia")


# --- One block per section ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_of_a_full_workbook_has_its_content(lang: Language) -> None:
    wb = full_workbook()
    names = texts.plain_names(wb, lang)
    summary = build_summary(wb, lang)

    assert all(
        line in section(summary, "emotional-styles").bullets
        for line in styles.misreadings(wb, names, lang)
    )
    assert section(summary, "meta-emotion").bullets
    assert len(section(summary, "distance").bullets) == 4
    intimacy = section(summary, "intimacy")
    assert intimacy.bullets[: len(safety.misunderstanding_lines(wb, names, lang))] == (
        safety.misunderstanding_lines(wb, names, lang)
    )
    assert intimacy.tables[0].rows[0][1:] == [
        safety.response_labels(lang)["heard"],
        safety.response_labels(lang)["comforted"],
    ]
    expression = section(summary, "expression")
    assert len(expression.tables) == 2
    assert channels.decoding(wb, names, lang).most in expression.paragraphs
    assert len(section(summary, "ongoing-differences").bullets) >= 6
    assert section(summary, "maintaining-connection").bullets == journey.adjustment_lines(
        wb, names, lang
    )
    talk = section(summary, "communication").bullets
    assert len(talk) == 4
    assert rewrite.need_statement(wb.partners["a"].rewrites[0], lang) in talk[0]
    triggers = section(summary, "meta-awareness").tables[0]
    assert len(triggers.rows) == 4 and triggers.rows[1][2] == t("aware.unwritten", lang)
    shared = section(summary, "shared-meaning").tables[0]
    assert shared.rows[0][0] == moments.moment_text(moments.MOMENT_IDS[0], lang)
    assert len(section(summary, "unspoken-needs").bullets) == 8
    assert len(section(summary, "compatibility").bullets) == len(DIMENSION_IDS)
    rebuilding = section(summary, "rebuilding")
    assert len(rebuilding.tables[0].rows) == 12
    assert rebuilding.bullets == checkins.trend_lines(wb, names, lang)
    final = section(summary, "final-thoughts")
    assert final.notes[0] == (t("export.next_steps_whose", lang), wb.next_steps)


def test_chosen_adjustments_and_moments_are_texts_not_ids() -> None:
    text = all_text(build_summary(full_workbook(), "ja"))
    for tag in (*adjustments.ADJUSTMENT_IDS, *moments.MOMENT_IDS, *naming.NEED_IDS):
        assert tag not in text


def test_rewrites_show_a_listed_feeling_in_the_language() -> None:
    wb = talker_and_processor()
    wb.partners["b"].rewrites = [Rewrite(situation="we argue", feeling="lonely", need="a pause")]
    for lang in LANGS:
        line = section(build_summary(wb, lang), "communication").bullets[0]
        assert rewrite.feeling_text("lonely", lang) in line
        assert "lonely" not in line or lang == "en"
        assert line.startswith("Ren")


def test_reflections_are_notes_with_whose_they_are() -> None:
    wb = talker_and_processor()
    wb.partners["b"].reflections = {
        "meta-emotion": "Anger was never OK at home.",
        "rebuilding": " ",
    }
    summary = build_summary(wb, "en")
    assert section(summary, "meta-emotion").notes == [("Ren", "Anger was never OK at home.")]
    # A blank note does not make a section appear.
    assert "rebuilding" not in as_sections([b.title for b in summary.blocks])


@pytest.mark.parametrize("lang", LANGS)
def test_one_partner_workbook(lang: Language) -> None:
    wb = full_workbook()
    del wb.partners["b"]
    summary = build_summary(wb, lang)
    assert list(summary.radar.needs) == ["a"]
    profile = section(summary, "what-it-means").tables[0]
    assert len(profile.columns) == 4
    areas = block(summary, t("needs.areas_heading", lang))
    assert areas.paragraphs == [t("needs.one_partner", lang)] and not areas.bullets
    assert section(summary, "meta-emotion").paragraphs == [t("meta.one_partner", lang)]
    assert t("partner.b", lang) not in [n for b in summary.blocks for n, _ in b.notes]


def test_a_workbook_of_partner_b_alone() -> None:
    wb = reassurance_and_independence()
    del wb.partners["a"]
    summary = build_summary(wb, "en")
    assert summary.radar.names == {"b": "Sam"}
    assert section(summary, "what-it-means").tables[0].columns[1] == "Sam: need"


# --- Leaving names out ----------------------------------------------------------------------------


def test_anonymous_summary_has_no_name_even_in_the_couples_words() -> None:
    wb = full_workbook()
    wb.partners["a"].name, wb.partners["b"].name = "Zephyrine", "Quillon"
    wb.partners["a"].reflections["distance"] = "zephyrine and QUILLON talked. Quillon's turn."
    wb.partners["b"].rewrites.append(Rewrite(complaint="Zephyrine ignores me", need="Zephyrine"))
    wb.partners["b"].triggers.append(TriggerNote(trigger="Zephyrine sighs"))
    wb.checkins[0].reliability = "Quillon called"
    wb.area_notes["closeness"] = "Zephyrine needs room"
    wb.vulnerable_moment = VulnerableMoment(reacher="a", what="told Quillon")
    wb.next_steps = "Quillon plans"
    for lang in LANGS:
        named = all_text(build_summary(wb, lang))
        assert "Zephyrine" in named and "Quillon" in named
        text = all_text(build_summary(wb, lang, anonymous=True)).lower()
        assert "zephyrine" not in text and "quillon" not in text
        assert t("partner.a", lang).lower() in text


def test_redactor_keeps_words_that_merely_contain_a_name() -> None:
    wb = talker_and_processor()
    redact = name_redactor(wb, "en", anonymous=True)
    a, b = t("partner.a", "en"), t("partner.b", "en")
    assert redact("Ren and the children; mia's idea, Mia.") == (
        f"{b} and the children; {a}'s idea, {a}."
    )
    assert name_redactor(wb, "en", anonymous=False)("Ren") == "Ren"
    wb.partners["a"].name, wb.partners["b"].name = "花子", "Anna Lee"
    redact = name_redactor(wb, "ja", anonymous=True)
    a, b = t("partner.a", "ja"), t("partner.b", "ja")
    assert redact("花子さんとanna  leeが話した") == f"{a}さんと{b}が話した"


def test_redactor_replaces_both_names_in_one_pass() -> None:
    wb = talker_and_processor()
    # A name that is the other's label must not be replaced a second time.
    a, b = t("partner.a", "en"), t("partner.b", "en")
    wb.partners["a"].name, wb.partners["b"].name = b, "Ann"
    assert name_redactor(wb, "en", anonymous=True)(f"{b} met Ann") == f"{a} met {b}"
    wb.partners["a"].name, wb.partners["b"].name = "Anna", "Annabel"
    assert name_redactor(wb, "en", anonymous=True)("Annabel, Anna") == f"{b}, {a}"


def test_export_catalog_keys_exist_in_both_languages() -> None:
    pattern = re.compile(r"""\bt\(\s*["']([a-z_.-]+)["']""")
    keys: set[str] = set()
    for path in (ROOT / "emotions" / "export").glob("*.py"):
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    keys |= {f"export.col_{k}" for k in ("need", "importance", "met")}
    assert {k for k in keys if k.startswith("export.")} - {"export.csv"}
    for lang in LANGS:
        assert sorted(k for k in keys if k not in catalog(lang)) == []
