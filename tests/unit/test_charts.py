"""The radar: one trace per partner in the partner's colour, names escaped, fonts per language."""

from __future__ import annotations

import plotly.graph_objects as go

from emotions.charts import radar_figure
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.model import Workbook
from emotions.palette import PARTNER_COLOURS, contrast_ratio


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
