"""Section 16: the journey so far, gathered from the workbook, and next steps."""

from __future__ import annotations

from emotions.dimensions import SECTION_IDS
from emotions.escape import markdown_escape
from emotions.exercises import adjustments
from emotions.i18n import catalog
from emotions.model import NeedStatement
from tests.apptest.conftest import english_left_over, go
from tests.apptest.sections_helpers import english_runs, page, shown, workbook_of
from tests.couples import reassurance_and_independence, talker_and_processor

EN, JA = catalog("en"), catalog("ja")


def test_the_journey_counts_the_sections_opened() -> None:
    at = page("final_thoughts")
    assert f"You have opened 2 of the {len(SECTION_IDS)} sections." in shown(at)
    go(at, "rebuilding")
    go(at, "final_thoughts")
    text = shown(at)
    assert f"You have opened 3 of the {len(SECTION_IDS)} sections." in text
    assert EN["section.rebuilding.title"] in text


def test_the_journey_follows_the_couple() -> None:
    mia_ren = talker_and_processor()
    mia_ren.partners["a"].adjustments = ["conflict_pace-higher-1", "not-a-known-id"]
    mia_ren.partners["b"].need_statements = [NeedStatement(text="I need *time* first", spoken=True)]
    at = page("final_thoughts", wb=mia_ren)
    text = shown(at)
    assert "1. Pace under tension: Far apart (difference 9); Mia is nearer" in text
    chosen = adjustments.adjustment_text("conflict_pace-higher-1", "en", "Ren")
    assert f"Mia chose: {chosen}" in text
    assert "Mia: 1 chosen that this version of the workbook cannot describe." in text
    assert "Ren: none chosen yet (section 9)." in text
    assert f"Ren: “{markdown_escape('I need *time* first')}” (said aloud)" in text
    kai_sam = page("final_thoughts", wb=reassurance_and_independence())
    text = shown(kai_sam)
    assert "1. Reassurance: Far apart (difference 8); Sam is nearer" in text
    assert "Pace under tension: Far apart" not in text


def test_next_steps_are_kept_and_survive_switches() -> None:
    at = page("final_thoughts")
    at.text_area(key="journey_next_steps").input("A check-in every Sunday.").run()
    assert workbook_of(at).next_steps == "A check-in every Sunday."
    assert EN["journey.downloads_note"] in shown(at)
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "final_thoughts")
    assert at.text_area(key="journey_next_steps").value == "A check-in every Sunday."
    assert at.text_area(key="journey_next_steps").label == JA["journey.next_label"]


def test_the_japanese_page_is_japanese() -> None:
    wb = talker_and_processor()
    at = page("final_thoughts", "ja-JP", wb)
    text = shown(at)
    assert JA["journey.heading"] in text and JA["journey.downloads_note"] in text
    assert english_left_over(at) == []
    assert english_runs(at, allowed=("Mia", "Ren")) == []
