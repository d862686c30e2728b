"""Section 14: the difference map (pure functions). Never a score."""

from __future__ import annotations

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import difference_map
from emotions.i18n import catalog
from emotions.model import Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor


def test_an_area_note_is_trimmed_and_an_empty_one_removed() -> None:
    wb = Workbook()
    difference_map.set_area_note(wb, "closeness", "  we say when we'll be back ")
    assert wb.area_notes == {"closeness": "we say when we'll be back"}
    difference_map.set_area_note(wb, "closeness", "   ")
    assert wb.area_notes == {}


def test_the_map_places_both_partners_and_labels_each_row_with_its_band() -> None:
    wb = talker_and_processor()
    wb.partners["b"].name = "R<i>en"
    fig = difference_map.map_figure(wb, plain_names(wb, "en"), "en")
    line, mia, ren = fig["data"]
    assert mia["x"] == [wb.partners["a"].ratings[d].need for d in DIMENSION_IDS]
    assert ren["x"] == [wb.partners["b"].ratings[d].need for d in DIMENSION_IDS]
    assert mia["x"][:3] == [9, 6, 7]
    assert (mia["marker"]["color"], ren["marker"]["color"]) == (
        PARTNER_COLOURS["a"],
        PARTNER_COLOURS["b"],
    )
    assert ren["name"] == "R&lt;i&gt;en"
    assert mia["y"][0] == "Talking about feelings · Far apart"
    assert mia["y"][1] == "Reassurance · Close"
    assert line["x"][:3] == [9, 3, None]
    assert difference_map.map_labels(wb, "ja")[5] == "もめたときのペース · 大きく離れている"


def test_with_one_partner_the_map_shows_that_partner_without_bands() -> None:
    wb = Workbook()
    del wb.partners["b"]
    fig = difference_map.map_figure(wb, plain_names(wb, "en"), "en")
    assert len(fig["data"]) == 1
    assert fig["data"][0]["y"][0] == "Talking about feelings"
    assert difference_map.you_two_lines(wb, "en") == []


def test_same_answers_are_named_in_the_languages_own_list_style() -> None:
    wb = Workbook()
    assert difference_map.same_dimensions(wb)[:2] == ["expression", "reassurance"]
    wb.partners["a"].ratings["expression"].need = 8
    assert (difference_map.same_line(wb, "en") or "").startswith(
        "You gave the same answer on: Reassurance, Closeness,"
    )
    assert "安心の言葉、近さ" in (difference_map.same_line(wb, "ja") or "")
    assert difference_map.same_line(talker_and_processor(), "en") is None


def test_where_to_start_follows_the_couple_and_counts_the_notes() -> None:
    wb = talker_and_processor()
    assert difference_map.you_two_lines(wb, "en") == [
        "A good place to start is “Pace under tension”: there your needs are Far apart "
        "(difference 9), and it matters to you.",
        f"You have written how you want to navigate 0 of your {len(DIMENSION_IDS)} differences.",
    ]
    other = reassurance_and_independence()
    difference_map.set_area_note(other, "reassurance", "a word each evening")
    lines = difference_map.you_two_lines(other, "en")
    assert lines[0].startswith("A good place to start is “Reassurance”: there your needs are Far")
    assert lines[1] == (
        f"You have written how you want to navigate 1 of your {len(DIMENSION_IDS)} differences."
    )
    assert difference_map.you_two_lines(other, "ja")[0].startswith("まずは「安心の言葉」から")


def test_no_score_no_percentage_no_verdict_in_the_maps_words() -> None:
    for lang in ("en", "ja"):
        texts = {k: v for k, v in catalog(lang).items() if k.startswith("diffmap.")}  # type: ignore[arg-type]
        assert texts
        for key, text in texts.items():
            assert "%" not in text and "compatib" not in text.lower(), key
            assert "相性" not in text, key
    fig = difference_map.map_figure(talker_and_processor(), plain_names(Workbook(), "en"), "en")
    shown = [label for trace in fig["data"] for label in [trace.get("name", ""), *trace["y"]]]
    assert not [label for label in shown if label and "%" in label]
