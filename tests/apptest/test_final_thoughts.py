"""Section 16: the journey so far, gathered from the workbook, and next steps."""

from __future__ import annotations

from emotions.escape import markdown_escape
from emotions.exercises import adjustments
from emotions.i18n import t
from emotions.model import NeedStatement
from tests.apptest.conftest import english_left_over, go
from tests.apptest.sections_helpers import english_runs, page, shown, workbook_of
from tests.copy import area_line, area_title
from tests.couples import reassurance_and_independence, talker_and_processor


def test_the_journey_counts_the_sections_opened() -> None:
    at = page("final_thoughts")
    assert t("journey.explored", "en", count=2) in shown(at)
    go(at, "rebuilding")
    go(at, "final_thoughts")
    text = shown(at)
    assert t("journey.explored", "en", count=3) in text
    assert t("section.rebuilding.title", "en") in text


def test_the_journey_follows_the_couple() -> None:
    mia_ren = talker_and_processor()
    mia_ren.partners["a"].adjustments = ["conflict_pace-higher-1", "not-a-known-id"]
    mia_ren.partners["b"].need_statements = [NeedStatement(text="I need *time* first", spoken=True)]
    at = page("final_thoughts", wb=mia_ren)
    text = shown(at)
    assert f"1. {area_line('conflict_pace', 'far', 9, 'Mia', 'Ren')}" in text
    chosen = adjustments.adjustment_text("conflict_pace-higher-1", "en", "Ren")
    assert t("journey.adjustment_line", "en", name="Mia", text=chosen) in text
    assert t("journey.adjustments_unknown", "en", name="Mia", count=1) in text
    assert t("journey.adjustments_none", "en", name="Ren") in text
    typed = markdown_escape("I need *time* first")
    assert t("journey.statement_spoken", "en", name="Ren", text=typed) in text
    kai_sam = page("final_thoughts", wb=reassurance_and_independence())
    text = shown(kai_sam)
    assert f"1. {area_line('reassurance', 'far', 8, 'Sam', 'Kai')}" in text
    assert area_title("conflict_pace", "far", 9) not in text


def test_next_steps_are_kept_and_survive_switches() -> None:
    at = page("final_thoughts")
    at.text_area(key="journey_next_steps").input("A check-in every Sunday.").run()
    assert workbook_of(at).next_steps == "A check-in every Sunday."
    assert t("journey.downloads_note", "en") in shown(at)
    go(at, "introduction")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "final_thoughts")
    assert at.text_area(key="journey_next_steps").value == "A check-in every Sunday."
    assert at.text_area(key="journey_next_steps").label == t("journey.next_label", "ja")


def test_the_japanese_page_is_japanese() -> None:
    wb = talker_and_processor()
    at = page("final_thoughts", "ja-JP", wb)
    text = shown(at)
    assert t("journey.heading", "ja") in text and t("journey.downloads_note", "ja") in text
    assert english_left_over(at) == []
    assert english_runs(at, allowed=("Mia", "Ren")) == []
