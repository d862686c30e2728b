"""Section 14: the difference map (pure functions). Never a score."""

from __future__ import annotations

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import difference_map
from emotions.i18n import catalog, t
from emotions.model import Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from tests.copy import map_label, start_with
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import HIGH, LOW, one_sided, only_on


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
    assert mia["y"][0] == map_label("expression", "far")
    assert mia["y"][1] == map_label("reassurance", "close")
    assert line["x"][:3] == [9, 3, None]
    assert difference_map.map_labels(wb, "ja")[5] == map_label("conflict_pace", "far", "ja")


def test_with_one_partner_the_map_shows_that_partner_without_bands() -> None:
    wb = Workbook()
    del wb.partners["b"]
    assert difference_map.map_figure(wb, plain_names(wb, "en"), "en")["data"] == []
    wb.partners["a"].ratings["expression"].need = 4
    fig = difference_map.map_figure(wb, plain_names(wb, "en"), "en")
    assert len(fig["data"]) == 1
    assert (fig["data"][0]["x"], fig["data"][0]["y"]) == ([4], [t("dim.expression.name", "en")])
    assert difference_map.you_two_lines(wb, "en") == []


def test_same_answers_are_named_in_the_languages_own_list_style() -> None:
    wb = Workbook()
    assert difference_map.same_dimensions(wb) == []  # nothing answered is nothing alike
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = wb.partners["b"].ratings[dim].need = 5
    assert difference_map.same_dimensions(wb)[:2] == ["expression", "reassurance"]
    wb.partners["a"].ratings["expression"].need = 8
    lead = t("diffmap.same_on", "en", dimensions="\0").partition("\0")[0]
    en = [t(f"dim.{dim}.name", "en") for dim in ("reassurance", "closeness")]
    assert (difference_map.same_line(wb, "en") or "").startswith(f"{lead}{en[0]}, {en[1]},")
    ja = [t(f"dim.{dim}.name", "ja") for dim in ("reassurance", "closeness")]
    assert f"{ja[0]}、{ja[1]}" in (difference_map.same_line(wb, "ja") or "")
    assert difference_map.same_line(talker_and_processor(), "en") is None


def test_where_to_start_follows_the_couple_and_counts_the_notes() -> None:
    wb = talker_and_processor()
    assert difference_map.you_two_lines(wb, "en") == [
        start_with("conflict_pace", "far", 9),
        t("diffmap.notes_progress", "en", count=0, total=len(DIMENSION_IDS)),
    ]
    other = reassurance_and_independence()
    difference_map.set_area_note(other, "reassurance", "a word each evening")
    lines = difference_map.you_two_lines(other, "en")
    assert lines[0] == start_with("reassurance", "far", 8)
    assert lines[1] == t("diffmap.notes_progress", "en", count=1, total=len(DIMENSION_IDS))
    assert difference_map.you_two_lines(other, "ja")[0] == start_with("reassurance", "far", 8, "ja")


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


def test_marks_only_where_answered_and_a_band_only_where_both_answered() -> None:
    # One partner answered everything, the other nothing: her marks, no line, no band, no area.
    wb = one_sided("a")
    fig = difference_map.map_figure(wb, plain_names(wb, "en"), "en")
    (mia,) = fig["data"]
    assert mia["name"] == "Mia" and mia["x"] == [HIGH] * len(DIMENSION_IDS)
    assert difference_map.map_labels(wb, "en") == [t(f"dim.{d}.name", "en") for d in DIMENSION_IDS]
    assert difference_map.same_line(wb, "en") is None
    assert difference_map.you_two_lines(wb, "en") == []
    assert difference_map.partly_answered(wb)
    # Both answered only "support", far apart: Ren's one mark, the line and the band there only.
    wb = only_on("support")
    for lang in ("en", "ja"):
        line, mia, ren = difference_map.map_figure(wb, plain_names(wb, lang), lang)["data"]
        support = map_label("support", "far", lang)
        assert (line["x"], line["y"]) == ([HIGH, LOW, None], [support, support, None])
        assert (ren["x"], ren["y"]) == ([LOW], [support])
        assert len(mia["x"]) == len(DIMENSION_IDS)
        labels = difference_map.map_labels(wb, lang)
        assert [
            label for label in labels if label.startswith(t("dim.support.name", lang) + " ·")
        ] == [support]
        assert sum(" · " in label for label in labels) == 1
        assert difference_map.you_two_lines(wb, lang)[0] == start_with(
            "support", "far", HIGH - LOW, lang
        )
