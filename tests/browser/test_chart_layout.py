"""The needs radar on a projector (issue 16, item 5): in presentation mode its legend overlaps no
axis label and its text is as large as the presentation type, at 1920 x 1080 and 1280 x 720.
Measured on the boxes the browser draws, not on the figure's numbers."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from emotions.dimensions import DIMENSION_IDS
from tests.browser.kit import StreamlitServer, give, open_app, wait_idle

pytestmark = pytest.mark.browser

PLOT = ".st-key-needs_radar .js-plotly-plot"
SIZES = ((1920, 1080), (1280, 720))
PRESENTATION_TYPE_PX = 18  # the presentation style's body text is 20 px; chart text at least 18

BOXES = """(sel) => {
    const plot = document.querySelector(sel);
    const box = (el) => { const r = el.getBoundingClientRect();
        return {x: r.left, y: r.top, right: r.right, bottom: r.bottom}; };
    const legend = plot.querySelector('.legend');
    const texts = [...plot.querySelectorAll('.legend text.legendtext')];
    return {
        legend: legend ? box(legend) : null,
        legendPx: texts.map(e => parseFloat(getComputedStyle(e).fontSize)),
        labels: [...plot.querySelectorAll('.angularaxistick text')].map(
            e => ({text: e.textContent, px: parseFloat(getComputedStyle(e).fontSize), ...box(e)})),
    };
}"""


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    across = a["x"] < b["right"] and b["x"] < a["right"]
    return across and a["y"] < b["bottom"] and b["y"] < a["bottom"]


def boxes(page: Page) -> dict[str, Any]:
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.querySelector('.legend')"
        " && p.querySelectorAll('.angularaxistick text').length > 0 }",
        arg=PLOT,
    )
    page.wait_for_timeout(500)  # plotly redraws once more after a resize
    found: dict[str, Any] = page.evaluate(BOXES, PLOT)
    return found


def test_radar_legend_clear_of_axis_labels_on_a_projector(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url, "what-it-means")
    # Both partners answer the lowest axis' need: the radar then has a legend of two entries.
    give(page, "need__a__support", 7)
    page.locator('.st-key-needs_who [data-testid="stRadioOption"]').nth(1).click()
    wait_idle(page)
    give(page, "need__b__support", 3)
    present = page.locator(".st-key-ui_present input")
    present.focus()  # the sidebar may hold it below its fold: the keyboard reaches it anyway
    page.keyboard.press("Space")
    expect(present).to_be_checked()
    wait_idle(page)

    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        found = boxes(page)
        labels = found["labels"]
        assert len(labels) == len(DIMENSION_IDS), labels
        assert found["legend"] is not None
        hits = [label["text"] for label in labels if overlap(found["legend"], label)]
        assert not hits, f"{width}x{height}: the legend overlaps {hits}"
        # The chart's text follows the presentation type (20 px body text), legend included.
        assert min(label["px"] for label in labels) >= PRESENTATION_TYPE_PX, labels
        assert found["legendPx"] and min(found["legendPx"]) >= PRESENTATION_TYPE_PX, found
