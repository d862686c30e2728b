"""Every figure the pages draw is valid Plotly, for every sample couple, a blank and a full
workbook, in both languages, named and anonymous. The pages hand these dicts to the browser
without Plotly re-validating them on each rerun (ui/charts.py); this is where they are checked."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go
import pytest

from emotions import charts, i18n, samples, texts
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import (
    awareness,
    channels,
    checkins,
    difference_map,
    distance,
    meta_emotion,
    persisting,
    styles,
)
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language, Workbook
from tests.couples import full_workbook

Builder = Callable[[Workbook, Language, bool], list[dict[str, Any]]]


def names(wb: Workbook, lang: Language, anonymous: bool) -> texts.Names:
    return texts.plain_names(wb, lang, anonymous=anonymous)


BUILDERS: dict[str, Builder] = {
    "radar": lambda wb, lang, anon: [charts.radar_figure(wb, lang, anonymous=anon)],
    "styles": lambda wb, lang, anon: [styles.style_map_figure(wb, lang, anonymous=anon)],
    "channels": lambda wb, lang, anon: [channels.channels_figure(wb, lang, anonymous=anon)],
    "meta grids": lambda wb, lang, anon: [
        meta_emotion.grid_figure(wb, pid, lang, anonymous=anon) for pid in ("a", "b")
    ],
    "meta difference": lambda wb, lang, anon: [meta_emotion.difference_figure(wb, lang)],
    "need and met": lambda wb, lang, anon: [
        persisting.need_met_figure(wb, pid, lang, anonymous=anon) for pid in ("a", "b")
    ],
    "perception": lambda wb, lang, anon: [
        awareness.perception_figure(wb, pid, names(wb, lang, anon), lang) for pid in ("a", "b")
    ],
    "difference map": lambda wb, lang, anon: [
        difference_map.map_figure(wb, names(wb, lang, anon), lang)
    ],
    "check-ins": lambda wb, lang, anon: [checkins.trend_figure(wb, names(wb, lang, anon), lang)],
    "distance": lambda wb, lang, anon: [
        distance.illustration_figure(miss, repair, lang)
        for miss, repair in ((0.0, 0.0), (0.3, 0.5), (1.0, 1.0))
    ],
}

WORKBOOKS: dict[str, Callable[[Language], Workbook]] = {
    "blank": lambda lang: Workbook(language=lang),
    "full": lambda lang: full_workbook(),
    **{
        f"sample {sid}": (lambda lang, sid=sid: samples.load_sample(sid, lang))
        for sid in samples.SAMPLE_IDS
    },
}


@pytest.mark.parametrize("builder", sorted(BUILDERS))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_figure_is_valid_plotly(builder: str, lang: Language) -> None:
    checked = 0
    for make in WORKBOOKS.values():
        for anonymous in (False, True):
            for figure in BUILDERS[builder](make(lang), lang, anonymous):
                # Plotly raises on any property it does not know or a value of the wrong kind.
                go.Figure(figure)
                # The same figure as presentation mode draws it (larger type and margins).
                go.Figure(charts.presented(figure))
                checked += 1
    assert checked >= len(WORKBOOKS) * 2


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_room_chart_is_valid_plotly(lang: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.rooms

    monkeypatch.setattr(ui.rooms, "t", lambda key, **values: i18n.t(key, lang, **values))
    for dim in DIMENSION_IDS:
        for own in (None, 0, 7, 10):
            for counts in ([0] * 11, [1] * 11, [0, 3, 9, 0, 0, 1, 0, 0, 0, 2, 40]):
                go.Figure(ui.rooms.spread_figure(dim, counts, lang, own=own, top=12))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_radars_of_partly_answered_workbooks_are_valid_plotly(lang: Language) -> None:
    """Gaps (None) in a partner's values, one partner only, nobody: plotly accepts each."""
    partly = Workbook(language=lang)
    for k, dim in enumerate(DIMENSION_IDS[::2]):
        partly.partners["a"].ratings[dim].need = k
    partly.partners["b"].ratings[DIMENSION_IDS[1]].need = 10
    alone = Workbook(language=lang)
    alone.partners["a"].ratings[DIMENSION_IDS[0]].need = 4
    for wb in (partly, alone, Workbook(language=lang)):
        for anonymous in (False, True):
            go.Figure(charts.radar_figure(wb, lang, anonymous=anonymous))


def test_the_check_can_fail() -> None:
    figure = charts.radar_figure(full_workbook(), "en")
    figure["data"][0]["linee"] = {"color": "red"}  # a misspelt property
    with pytest.raises(ValueError):
        go.Figure(figure)


def test_presented_figures_scale_type_margins_and_height() -> None:
    """Presentation mode's copy: every font size, the margins and the height grow by the scale;
    the legend gets the base size (Streamlit's theme would keep it small); the page's figure is
    left as it was."""
    figure = charts.radar_figure(full_workbook(), "en")
    before = copy.deepcopy(figure)
    shown = charts.presented(figure)
    assert figure == before
    scale = charts.PRESENT_SCALE
    layout, big = figure["layout"], shown["layout"]
    assert big["font"]["size"] == pytest.approx(layout["font"]["size"] * scale, abs=0.1)
    assert big["font"]["size"] >= 20
    tick = layout["polar"]["radialaxis"]["tickfont"]["size"]
    assert big["polar"]["radialaxis"]["tickfont"]["size"] == pytest.approx(tick * scale, abs=0.1)
    assert big["legend"]["font"]["size"] == big["font"]["size"]
    assert big["height"] == round(layout["height"] * scale)
    assert big["margin"] == {k: round(v * scale) for k, v in layout["margin"].items()}
