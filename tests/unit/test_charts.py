"""The radar: one trace per partner in the partner's colour, names escaped, fonts per language."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from emotions.charts import radar_figure
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import awareness, difference_map, persisting
from emotions.i18n import t
from emotions.model import PARTNER_IDS, Rating, Workbook
from emotions.palette import PARTNER_COLOURS, contrast_ratio
from emotions.texts import plain_names


def test_radar_overlays_both_partners_and_closes_each_outline() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["expression"].need = 9
    fig = radar_figure(wb, "en")
    a, b = fig["data"]
    assert a["r"][0] == a["r"][-1] == 9
    assert len(a["r"]) == len(DIMENSION_IDS) + 1
    assert b["r"][:-1] == [5] * len(DIMENSION_IDS)
    assert a["theta"][0] == "Talking about<br>feelings"
    assert (a["line"]["color"], b["line"]["color"]) == (PARTNER_COLOURS["a"], PARTNER_COLOURS["b"])
    assert a["line"]["dash"] != b["line"]["dash"]
    assert a["marker"]["symbol"] != b["marker"]["symbol"]
    go.Figure(fig)  # plotly accepts the plain dict as it is


def test_japanese_radar_has_japanese_labels_and_a_japanese_capable_font() -> None:
    fig = radar_figure(Workbook(), "ja")
    assert fig["data"][0]["theta"][2] == "近さ"
    assert fig["data"][1]["name"] == t("partner.b", "ja")
    assert "Noto Sans CJK JP" in fig["layout"]["font"]["family"]


def test_names_with_markup_are_shown_as_text_and_hidden_in_presentation() -> None:
    wb = Workbook()
    wb.partners["a"].name = "<b>Al</b> & co"
    fig = radar_figure(wb, "en")
    assert fig["data"][0]["name"] == "&lt;b&gt;Al&lt;/b&gt; &amp; co"
    assert "<b>" not in fig["data"][0]["hovertemplate"]
    assert radar_figure(wb, "en", anonymous=True)["data"][0]["name"] == t("partner.a", "en")


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
