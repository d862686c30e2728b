"""The radar: one trace per partner in the partner's colour, names escaped, fonts per language."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from emotions.charts import radar_figure, radar_notes
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import awareness, difference_map, persisting
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import PARTNER_IDS, Language, Rating, Workbook
from emotions.palette import PARTNER_COLOURS, contrast_ratio
from emotions.texts import plain_names
from tests.couples import full_workbook


def test_radar_overlays_both_partners_and_closes_each_outline() -> None:
    wb = full_workbook()
    wb.partners["a"].ratings["expression"].need = 9
    fig = radar_figure(wb, "en")
    a, b = fig["data"]
    assert a["r"][0] == a["r"][-1] == 9
    assert len(a["r"]) == len(DIMENSION_IDS) + 1
    assert b["r"][:-1] == [wb.partners["b"].ratings[dim].need for dim in DIMENSION_IDS]
    assert a["fill"] == b["fill"] == "toself"  # every need answered: a filled outline
    assert a["theta"][0] == "Talking about <br>feelings"  # a space: read as two words
    assert (a["line"]["color"], b["line"]["color"]) == (PARTNER_COLOURS["a"], PARTNER_COLOURS["b"])
    assert a["line"]["dash"] != b["line"]["dash"]
    assert a["marker"]["symbol"] != b["marker"]["symbol"]
    assert not radar_notes(wb, "en")
    assert "annotations" not in fig["layout"]  # the notes are text beside the chart
    go.Figure(fig)  # plotly accepts the plain dict as it is


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_partner_with_no_need_answered_has_no_shape_and_a_line_says_so(lang: Language) -> None:
    wb = Workbook()
    wb.partners["b"].name = "Ren"
    wb.partners["a"].ratings["expression"].need = 9
    fig = radar_figure(wb, lang)
    (a,) = fig["data"]  # one trace only: none for Ren
    assert a["name"] == t("partner.a", lang)
    assert a["line"]["color"] == PARTNER_COLOURS["a"]
    # Only the answered need is a value; every other point is a gap, never a 5 or a 0.
    assert a["r"] == [9, *[None] * (len(DIMENSION_IDS) - 1), 9]
    assert a["fill"] == "none" and a["connectgaps"] is False
    assert radar_notes(wb, lang) == [
        t("export_answers.radar_not_answered", lang, name="Ren"),
        t("export_answers.radar_partial", lang),
    ]
    anonymous = " ".join(radar_notes(wb, lang, anonymous=True))
    assert "Ren" not in anonymous and t("partner.b", lang) in anonymous
    go.Figure(fig)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_partly_answered_needs_are_points_only_where_answered(lang: Language) -> None:
    wb = Workbook()
    answered = {DIMENSION_IDS[0]: 0, DIMENSION_IDS[1]: 5, DIMENSION_IDS[4]: 10}
    for dim, value in answered.items():
        wb.partners["a"].ratings[dim].need = value
    wb.partners["b"].ratings[DIMENSION_IDS[2]].need = 3
    fig = radar_figure(wb, lang)
    a, b = fig["data"]
    assert a["r"][:-1] == [answered.get(dim) for dim in DIMENSION_IDS]
    assert [v for v in a["r"][:-1] if v is not None] == [0, 5, 10]
    assert b["r"][:-1] == [3 if dim == DIMENSION_IDS[2] else None for dim in DIMENSION_IDS]
    # Both drew a shape: only the note on gaps.
    assert radar_notes(wb, lang) == [t("export_answers.radar_partial", lang)]
    # The hover label names only the value of the point under the pointer (a gap has none).
    assert a["hovertemplate"].startswith("%{theta}: %{r}")


def test_nobody_answered_draws_no_shape_and_says_so_for_both() -> None:
    fig = radar_figure(Workbook(), "en")
    # Only the trace holding the axes: it draws no value and has no legend entry.
    (axes,) = fig["data"]
    assert set(axes["r"]) == {None} and axes["showlegend"] is False
    assert axes["hoverinfo"] == "skip" and not fig["layout"]["showlegend"]
    assert radar_notes(Workbook(), "en") == [
        t("export_answers.radar_not_answered", "en", name=t(f"partner.{pid}", "en"))
        for pid in PARTNER_IDS
    ]
    go.Figure(fig)


def test_japanese_radar_has_japanese_labels_and_a_japanese_capable_font() -> None:
    wb = full_workbook()
    wb.partners["b"].name = ""
    fig = radar_figure(wb, "ja")
    assert fig["data"][0]["theta"][2] == "近さ"
    assert fig["data"][1]["name"] == t("partner.b", "ja")
    assert "Noto Sans CJK JP" in fig["layout"]["font"]["family"]


def test_names_with_markup_are_shown_as_text_and_hidden_in_presentation() -> None:
    wb = Workbook()
    wb.partners["a"].name = "<b>Al</b> & co"
    wb.partners["a"].ratings["support"].need = 4
    fig = radar_figure(wb, "en")
    assert fig["data"][0]["name"] == "&lt;b&gt;Al&lt;/b&gt; &amp; co"
    assert "<b>" not in fig["data"][0]["hovertemplate"]
    assert radar_figure(wb, "en", anonymous=True)["data"][0]["name"] == t("partner.a", "en")
    # The line under the chart is plain text with the name as typed: the page escapes it.
    wb.partners["a"].ratings["support"].need = None
    assert radar_notes(wb, "en")[0] == t(
        "export_answers.radar_not_answered", "en", name="<b>Al</b> & co"
    )


def test_partner_colours_are_readable_on_the_theme_background() -> None:
    for colour in PARTNER_COLOURS.values():
        assert contrast_ratio(colour, "#FAF8F4") >= 4.5


def test_charts_with_a_row_per_dimension_grow_with_the_dimensions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chart with one row per dimension gets taller with another dimension; eight keep the
    heights the charts always had."""
    heights: dict[int, list[int]] = {}
    eight = DIMENSION_IDS[:8]  # the heights of before, whatever the registry holds now
    for ids in (eight, (*eight, "extra_1", "extra_2")):
        for module in (awareness, difference_map, persisting):
            monkeypatch.setattr(module, "DIMENSION_IDS", ids)
        wb = Workbook()
        for k, dim in enumerate(ids):
            for pid in PARTNER_IDS:
                wb.partners[pid].ratings[dim] = Rating(need=k % 11, met=3, guess=4)  # type: ignore[index]
        names = plain_names(wb, "en")
        figures = [
            awareness.perception_figure(wb, "a", names, "en"),
            difference_map.map_figure(wb, names, "en"),
            persisting.need_met_figure(wb, "a", "en"),
        ]
        for figure in figures:
            assert len(figure["data"][-1]["y"]) == len(ids)
            go.Figure(figure)
        heights[len(ids)] = [figure["layout"]["height"] for figure in figures]
    assert heights[8] == [420, 420, 470]
    assert all(more > fewer for more, fewer in zip(heights[10], heights[8], strict=True))
