"""Section 14: the difference map, each difference with how to navigate it, and no score."""

from __future__ import annotations

import json

from emotions import analysis
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import content_table, t
from tests.apptest.conftest import english_left_over, go, table_as_shown
from tests.apptest.sections_helpers import english_runs, page, shown, visible_texts, workbook_of
from tests.copy import area_title, bands, start_with
from tests.couples import reassurance_and_independence, talker_and_processor


def exercise_texts(at) -> list[str]:  # type: ignore[no-untyped-def]
    """What the page shows besides the section's heading and explanation (title, markdown[0])."""
    header = {at.title[0].value, at.markdown[0].value}
    return [text for text in visible_texts(at) if text not in header]


def test_the_page_says_it_gives_no_score_and_shows_none() -> None:
    at = page("compatibility", wb=talker_and_processor())
    assert at.info[0].value == t("diffmap.no_score", "en")
    for text in exercise_texts(at):
        lowered = text.lower()
        assert "%" not in text
        assert "compatib" not in lowered, text
        assert "score" not in lowered or text == t("diffmap.no_score", "en"), text
    ja = page("compatibility", "ja-JP", talker_and_processor())
    assert ja.info[0].value == t("diffmap.no_score", "ja")
    assert not [text for text in exercise_texts(ja) if "相性" in text or "%" in text]
    assert english_left_over(ja) == []
    assert english_runs(ja, allowed=("Mia", "Ren")) == []


def test_every_difference_is_listed_ranked_with_its_band_and_directions() -> None:
    wb = talker_and_processor()
    at = page("compatibility", wb=wb)
    labels = [e.label for e in at.main.expander]
    assert labels[0] == area_title("conflict_pace", "far", 9)
    assert area_title("closeness", "close", 2) in labels
    # Every difference, in the ranked order (ranking itself: tests/unit/test_analysis.py).
    ranked = analysis.areas_to_understand(wb)
    assert labels == [area_title(a.dimension, a.band, a.difference) for a in ranked]
    opener = content_table("directions", "en")["conflict_pace"]["opener"]
    assert opener.format(higher="Mia", lower="Ren") in shown(at)
    assert t("diffmap.chart_caption", "en", **bands("en")) in shown(at)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace.get("name") for trace in chart["data"]] == [None, "Mia", "Ren"]


def test_the_map_follows_the_couple() -> None:
    mia_ren = page("compatibility", wb=talker_and_processor())
    kai_sam = page("compatibility", wb=reassurance_and_independence())
    assert kai_sam.main.expander[0].label == area_title("reassurance", "far", 8)
    opener = content_table("directions", "en")["reassurance"]["opener"]
    assert opener.format(higher="Sam", lower="Kai") in shown(kai_sam)
    assert opener.format(higher="Sam", lower="Kai") not in shown(mia_ren)
    assert start_with("reassurance", "far", 8) in shown(kai_sam)


def test_a_note_on_how_to_navigate_is_kept_per_difference() -> None:
    at = page("compatibility", wb=talker_and_processor())
    at.text_area(key="diffmap_note__conflict_pace").input("We name a time to come back.").run()
    assert workbook_of(at).area_notes == {"conflict_pace": "We name a time to come back."}
    assert t("diffmap.notes_progress", "en", count=1, total=len(DIMENSION_IDS)) in shown(at)
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "compatibility")
    assert at.text_area(key="diffmap_note__conflict_pace").value == "We name a time to come back."
    assert at.text_area(key="diffmap_note__conflict_pace").label == t("diffmap.note_label", "ja")
    at.radio(key="ui_lang").set_value("en").run()
    at.text_area(key="diffmap_note__conflict_pace").input("  ").run()
    assert workbook_of(at).area_notes == {}


def test_the_table_alternative_and_the_empty_workbook() -> None:
    at = page("compatibility")
    assert shown(at).count(t("compare.nobody_yet", "en")) == 1
    assert t("compare.answer_now", "en") in [link.proto.label for link in at.get("page_link")]
    assert len(at.main.expander) == 0
    at.toggle(key="diffmap_table").set_value(True).run()
    empty = table_as_shown(at.table[0].value)
    assert t("needs.table_difference", "en") not in empty.columns
    assert set(empty[t("partner.b", "en")]) == {t("answer.not_answered", "en")}
    at = page("compatibility", wb=talker_and_processor())
    at.toggle(key="diffmap_table").set_value(True).run()
    assert list(table_as_shown(at.table[0].value).columns)[-1] == t("needs.table_band", "en")
