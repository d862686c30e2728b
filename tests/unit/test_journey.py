"""Section 16: the journey so far, gathered from the workbook."""

from __future__ import annotations

import datetime as dt

from emotions.dimensions import SECTION_IDS
from emotions.escape import markdown_escape
from emotions.exercises import adjustments, journey
from emotions.i18n import t
from emotions.languages import Language
from emotions.model import CheckIn, NeedStatement, TriggerNote, Workbook
from emotions.texts import plain_names
from tests.copy import area_line
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import HIGH, LOW, one_sided, only_on

LANGS: tuple[Language, ...] = ("en", "ja")


def test_explored_sections_in_the_articles_order() -> None:
    wb = Workbook()
    wb.visited = ["rebuilding", "introduction", "compatibility"]
    seen = journey.explored(wb)
    assert seen.opened == ["introduction", "compatibility", "rebuilding"]
    assert len(seen.not_yet) == len(SECTION_IDS) - 3 and seen.not_yet[0] == "what-it-means"
    assert journey.explored_line(wb, "en") == t("journey.explored", "en", count=3)
    titles = journey.section_titles(seen.opened, "ja")
    assert all(
        t(f"section.{sid}.title", "ja") in x for sid, x in zip(seen.opened, titles, strict=True)
    )
    wb.visited = list(journey.SECTION_IDS)
    assert journey.explored_line(wb, "ja") == t("journey.all_explored", "ja")


def test_top_areas_follow_the_couple() -> None:
    mia_ren = journey.top_area_lines(
        talker_and_processor(), plain_names(talker_and_processor(), "en"), "en"
    )
    kai_sam = journey.top_area_lines(
        reassurance_and_independence(), plain_names(reassurance_and_independence(), "en"), "en"
    )
    assert len(mia_ren) == len(kai_sam) == 3
    assert mia_ren[0] == area_line("conflict_pace", "far", 9, "Mia", "Ren")
    assert kai_sam[0] == area_line("reassurance", "far", 8, "Sam", "Kai")
    assert journey.top_area_lines(Workbook(), plain_names(Workbook(), "en"), "en") == []


def test_chosen_adjustments_are_described_and_unknown_ids_counted() -> None:
    wb = talker_and_processor()
    wb.partners["a"].adjustments = ["conflict_pace-higher-1", "not-an-id"]
    text = adjustments.adjustment_text("conflict_pace-higher-1", "en", "Ren")
    assert journey.adjustment_lines(wb, plain_names(wb, "en"), "en") == [
        t("journey.adjustment_line", "en", name="Mia", text=text),
        t("journey.adjustments_unknown", "en", name="Mia", count=1),
        t("journey.adjustments_none", "en", name="Ren"),
    ]
    lines = journey.adjustment_lines(wb, plain_names(wb, "ja"), "ja")
    ja_text = adjustments.adjustment_text("conflict_pace-higher-1", "ja", "Ren")
    assert lines[:2] == [
        t("journey.adjustment_line", "ja", name="Mia", text=ja_text),
        t("journey.adjustments_unknown", "ja", name="Mia", count=1),
    ]


def test_need_statements_are_escaped_and_marked_said_or_not() -> None:
    wb = reassurance_and_independence()
    wb.partners["b"].need_statements = [
        NeedStatement(text="I need a *word* at night", spoken=True),
        NeedStatement(text="I need time together", spoken=False),
    ]
    lines = journey.statement_lines(wb, plain_names(wb, "en"), "en", escape=markdown_escape)
    assert lines == [
        t("journey.statements_none", "en", name="Kai"),
        t("journey.statement_spoken", "en", name="Sam", text="I need a \\*word\\* at night"),
        t("journey.statement_unspoken", "en", name="Sam", text="I need time together"),
    ]
    ja = journey.statement_lines(wb, plain_names(wb, "ja"), "ja")
    assert ja[2] == t("journey.statement_unspoken", "ja", name="Sam", text="I need time together")


def test_notes_and_checkins_are_counted() -> None:
    wb = talker_and_processor()
    wb.partners["a"].reflections = {"distance": "we drift", "intimacy": "  "}
    wb.partners["b"].triggers = [TriggerNote(trigger="a"), TriggerNote(trigger="b")]
    assert journey.notes_lines(wb, plain_names(wb, "en"), "en") == [
        t("journey.notes_line", "en", name="Mia", reflections=1, triggers=0),
        t("journey.notes_line", "en", name="Ren", reflections=0, triggers=2),
    ]
    assert journey.checkin_line(wb, "en") == t("journey.checkins_none", "en")
    wb.checkins = [
        CheckIn(date=dt.date(2025, 5, 1), connection={"a": 5}),
        CheckIn(date=dt.date(2025, 4, 1), connection={"a": 6}),
    ]
    # The date is written the language's way.
    assert journey.checkin_line(wb, "en") == t("journey.checkins", "en", count=2, date="2025-05-01")
    assert journey.checkin_line(wb, "ja") == t(
        "journey.checkins", "ja", count=2, date="2025年5月1日"
    )


def test_top_areas_only_where_both_partners_answered() -> None:
    # One partner answered everything, the other nothing: no area and no direction named.
    wb = one_sided("a")
    assert journey.top_area_lines(wb, plain_names(wb, "en"), "en") == []
    # Both answered only "support", far apart: that one area, in either language.
    wb = only_on("support")
    for lang in LANGS:
        assert journey.top_area_lines(wb, plain_names(wb, lang), lang) == [
            area_line("support", "far", HIGH - LOW, "Mia", "Ren", lang)
        ]
