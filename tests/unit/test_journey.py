"""Section 16: the journey so far, gathered from the workbook."""

from __future__ import annotations

import datetime as dt

from emotions.escape import markdown_escape
from emotions.exercises import adjustments, journey
from emotions.i18n import t
from emotions.model import CheckIn, NeedStatement, TriggerNote, Workbook
from emotions.texts import plain_names
from tests.copy import area_line
from tests.couples import reassurance_and_independence, talker_and_processor


def test_explored_sections_in_the_articles_order() -> None:
    wb = Workbook()
    wb.visited = ["rebuilding", "introduction", "compatibility"]
    seen = journey.explored(wb)
    assert seen.opened == ["introduction", "compatibility", "rebuilding"]
    assert len(seen.not_yet) == 13 and seen.not_yet[0] == "what-it-means"
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
        f"Mia chose: {text}",
        "Mia: 1 chosen that this version of the workbook cannot describe.",
        "Ren: none chosen yet (section 9).",
    ]
    lines = journey.adjustment_lines(wb, plain_names(wb, "ja"), "ja")
    ja_text = adjustments.adjustment_text("conflict_pace-higher-1", "ja", "Ren")
    assert lines[:2] == [
        f"Miaが選んだ工夫：{ja_text}",
        "Mia：このバージョンでは内容を表示できない工夫が1件選ばれています。",
    ]


def test_need_statements_are_escaped_and_marked_said_or_not() -> None:
    wb = reassurance_and_independence()
    wb.partners["b"].need_statements = [
        NeedStatement(text="I need a *word* at night", spoken=True),
        NeedStatement(text="I need time together", spoken=False),
    ]
    lines = journey.statement_lines(wb, plain_names(wb, "en"), "en", escape=markdown_escape)
    assert lines == [
        "Kai: none written yet (section 13).",
        "Sam: “I need a \\*word\\* at night” (said aloud)",
        "Sam: “I need time together” (not said yet)",
    ]
    ja = journey.statement_lines(wb, plain_names(wb, "ja"), "ja")
    assert ja[2] == "Sam：「I need time together」（まだ伝えていません）"


def test_notes_and_checkins_are_counted() -> None:
    wb = talker_and_processor()
    wb.partners["a"].reflections = {"distance": "we drift", "intimacy": "  "}
    wb.partners["b"].triggers = [TriggerNote(trigger="a"), TriggerNote(trigger="b")]
    assert journey.notes_lines(wb, plain_names(wb, "en"), "en") == [
        "Mia: reflection notes 1, trigger notes 0",
        "Ren: reflection notes 0, trigger notes 2",
    ]
    assert journey.checkin_line(wb, "en") == "No check-ins recorded yet (section 15)."
    wb.checkins = [
        CheckIn(date=dt.date(2025, 5, 1), connection={"a": 5}),
        CheckIn(date=dt.date(2025, 4, 1), connection={"a": 6}),
    ]
    assert journey.checkin_line(wb, "en") == "Check-ins recorded: 2, the latest on 2025-05-01."
    assert journey.checkin_line(wb, "ja") == "チェックインの記録：2件（最新は2025年5月1日）。"
