"""The radar geometry (emotions/radar.py) for 3 to 12 axes, and every radar renderer drawing
another number of dimensions than eight: the plotly chart, the SVG and the PDF."""

from __future__ import annotations

import dataclasses
import inspect
import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from emotions import charts
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN
from emotions.export import pdf, summary, svg
from emotions.export.document import RadarData
from emotions.model import PARTNER_IDS, Rating, Workbook
from emotions.palette import GRID_COLOUR
from emotions.radar import ALIGN_THRESHOLD, RadarGeometry, Scale, radar_geometry
from emotions.texts import plain_names

COUNTS = range(3, 13)
CENTRE = (100.0, 80.0)
RADIUS = 50.0


def distance(point: tuple[float, float]) -> float:
    return math.dist(point, CENTRE)


# --- the geometry ------------------------------------------------------------------------------


@pytest.mark.parametrize("n", COUNTS)
def test_axes_are_evenly_spaced_clockwise_from_the_top(n: int) -> None:
    geometry = RadarGeometry(n)
    assert geometry.direction(0) == pytest.approx((0.0, -1.0))  # the first axis straight up
    assert geometry.direction(1)[0] > 0  # the second to its right: clockwise
    for i in range(n):
        assert geometry.compass(i) == pytest.approx(360 * i / n)
        dx, dy = geometry.direction(i)
        assert math.hypot(dx, dy) == pytest.approx(1.0)
        nxt = geometry.direction((i + 1) % n)
        assert math.acos(max(-1.0, min(1.0, dx * nxt[0] + dy * nxt[1]))) == pytest.approx(
            2 * math.pi / n
        )
    # Evenly spread: the axes' unit vectors cancel out.
    assert sum(geometry.direction(i)[0] for i in range(n)) == pytest.approx(0.0, abs=1e-9)
    assert sum(geometry.direction(i)[1] for i in range(n)) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("n", COUNTS)
def test_values_sit_at_their_radius_on_their_axis(n: int) -> None:
    geometry = RadarGeometry(n)
    for i in range(n):
        assert geometry.point(i, NEED_MIN, CENTRE, RADIUS) == pytest.approx(CENTRE)
        assert distance(geometry.point(i, 5, CENTRE, RADIUS)) == pytest.approx(RADIUS / 2)
        outer = geometry.point(i, NEED_MAX, CENTRE, RADIUS)
        assert distance(outer) == pytest.approx(RADIUS)
        dx, dy = geometry.direction(i)
        assert outer == pytest.approx((CENTRE[0] + RADIUS * dx, CENTRE[1] + RADIUS * dy))
        # Out of range values are drawn at the scale's ends.
        assert geometry.point(i, -3, CENTRE, RADIUS) == pytest.approx(CENTRE)
        assert distance(geometry.point(i, 14, CENTRE, RADIUS)) == pytest.approx(RADIUS)
    values = [(i * 7) % 11 for i in range(n)]
    outline = geometry.outline(values, CENTRE, RADIUS)
    assert len(outline) == n
    assert [distance(p) for p in outline] == pytest.approx([RADIUS * v / 10 for v in values])
    assert geometry.outline(values[:1], CENTRE, RADIUS)[1:] == [CENTRE] * (n - 1)
    assert [distance(p) for p in geometry.ring(5, CENTRE, RADIUS)] == pytest.approx(
        [RADIUS / 2] * n
    )


@pytest.mark.parametrize("n", COUNTS)
def test_labels_sit_outside_the_ring_and_are_aligned_away_from_the_centre(n: int) -> None:
    geometry = RadarGeometry(n)
    sides = set()
    for i in range(n):
        label = geometry.label(i, CENTRE, RADIUS, offset=4.0)
        assert distance((label.x, label.y)) == pytest.approx(RADIUS + 4.0)
        dx, dy = label.x - CENTRE[0], label.y - CENTRE[1]
        limit = ALIGN_THRESHOLD * (RADIUS + 4.0)
        # Right of the centre: the text starts at its point and runs outwards; left: it ends there.
        expected = "start" if dx > limit else "end" if dx < -limit else "middle"
        assert label.anchor == expected
        # Above the centre: the text sits on its point; below: it hangs from it.
        assert label.baseline == ("bottom" if dy < -limit else "top" if dy > limit else "middle")
        sides.add(label.anchor)
    assert geometry.label(0, CENTRE, RADIUS, 4.0).anchor == "middle"
    assert geometry.label(0, CENTRE, RADIUS, 4.0).baseline == "bottom"
    assert sides >= {"start", "end"}


@pytest.mark.parametrize("n", COUNTS)
def test_scale_values_go_halfway_between_two_axes(n: int) -> None:
    geometry = RadarGeometry(n)
    assert geometry.compass(geometry.tick_axis) == pytest.approx(
        (geometry.compass(1) + geometry.compass(2)) / 2
    )
    ticks = geometry.ticks(CENTRE, RADIUS)
    assert [value for value, _ in ticks] == [0, 5, 10]
    assert [distance(p) for _, p in ticks] == pytest.approx([0, RADIUS / 2, RADIUS])
    polar = geometry.plotly_polar()
    assert polar["angularaxis"] == {"rotation": 90.0, "direction": "clockwise"}
    assert polar["radialaxis"]["angle"] == pytest.approx(90 - 360 * 1.5 / n)
    assert -180 < float(polar["radialaxis"]["angle"]) <= 180  # type: ignore[arg-type]
    first_gap = RadarGeometry(n, tick_gap=0)
    assert first_gap.compass(first_gap.tick_axis) == pytest.approx(180 / n)


def test_eight_axes_are_the_charts_of_before() -> None:
    """The numbers the plotly chart had written in by hand, for eight axes."""
    polar = radar_geometry([f"axis_{i}" for i in range(8)]).plotly_polar()
    assert polar["radialaxis"] == {"range": [0, 10], "tickvals": [0, 5, 10], "angle": 22.5}
    assert polar["angularaxis"]["direction"] == "clockwise"


def test_the_scale() -> None:
    scale = Scale()
    assert (scale.low, scale.high) == (NEED_MIN, NEED_MAX)
    assert scale.rings == (5, 10) and scale.ticks == (0, 5, 10)
    assert all(isinstance(v, int) for v in scale.ticks)  # written "5", not "5.0"
    paper = Scale(ring_steps=4, centre_tick=False)
    assert paper.rings == (2.5, 5, 7.5, 10) and paper.ticks == (5, 10)
    assert [scale.fraction(v) for v in (-1, 0, 5, 10, 11)] == [0, 0, 0.5, 1, 1]
    with pytest.raises(ValueError):
        Scale(low=3, high=3)
    with pytest.raises(ValueError):
        RadarGeometry(-1)
    assert radar_geometry(["x"] * 9).count == 9


# --- every renderer with another number of dimensions -------------------------------------------

AXES = {
    5: DIMENSION_IDS[:5],
    7: DIMENSION_IDS[:7],
    9: (*DIMENSION_IDS, "extra_1"),
    12: (*DIMENSION_IDS, "extra_1", "extra_2", "extra_3", "extra_4"),
}


@pytest.fixture(params=sorted(AXES))
def dims(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, ...]]:
    """Another dimension list, seen by the radar's consumers as the registry."""
    ids: tuple[str, ...] = AXES[request.param]
    for module in (charts, summary):
        monkeypatch.setattr(module, "DIMENSION_IDS", ids)
    yield ids


def workbook(ids: tuple[str, ...]) -> Workbook:
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = "Kai", "Sam"
    for pid in PARTNER_IDS:
        for k, dim in enumerate(ids):
            wb.partners[pid].ratings[dim] = Rating(need=(k * 3 + 4 * PARTNER_IDS.index(pid)) % 11)  # type: ignore[index]
    return wb


def radar_of(ids: tuple[str, ...]) -> RadarData:
    wb = workbook(ids)
    return summary.radar_data(wb, plain_names(wb, "en"), "en")


def test_the_chart_draws_every_axis(dims: tuple[str, ...]) -> None:
    n = len(dims)
    figure = charts.radar_figure(workbook(dims), "en")
    for trace in figure["data"]:
        assert len(trace["theta"]) == len(trace["r"]) == n + 1
        assert len(set(trace["theta"])) == n
    polar = figure["layout"]["polar"]
    assert polar["radialaxis"]["angle"] == pytest.approx(90 - 360 * 1.5 / n)
    go.Figure(figure)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_svg_draws_every_axis(dims: tuple[str, ...], lang: Any) -> None:
    n = len(dims)
    data = radar_of(dims)
    assert len(data.axes) == len(data.dimensions) == n
    root = ET.fromstring(svg.radar_svg(data, lang))
    ns = "{http://www.w3.org/2000/svg}"
    spokes = [line for line in root.iter(f"{ns}line") if line.get("stroke") == GRID_COLOUR]
    assert len(spokes) == n
    assert len({(s.get("x2"), s.get("y2")) for s in spokes}) == n
    labels = [e for e in root.iter(f"{ns}text") if e.get("text-anchor")]
    assert len(labels) == n
    polygons = [p.get("points", "").split() for p in root.iter(f"{ns}polygon")]
    assert sum(len(points) == n for points in polygons) >= 2 + 2  # two rings, two outlines


def test_the_pdf_draws_every_axis(dims: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    n = len(dims)
    lines: list[tuple[float, float, float, float]] = []
    line = pdf._SummaryPDF.line

    def spy(self: pdf._SummaryPDF, x1: float, y1: float, x2: float, y2: float) -> None:
        lines.append((x1, y1, x2, y2))
        line(self, x1, y1, x2, y2)

    monkeypatch.setattr(pdf._SummaryPDF, "line", spy)
    doc = dataclasses.replace(
        summary.build_summary(workbook(dims), "en"), radar=radar_of(dims), blocks=[]
    )
    page = PdfReader(io.BytesIO(pdf.to_pdf(doc))).pages[0]
    spokes = [ln for ln in lines if ln[0] == pdf.PAGE_WIDTH / 2]  # from the centre out
    centres = {(x1, y1) for x1, y1, _, _ in spokes}
    assert len(centres) == 1 and len(spokes) == n
    text = page.extract_text()
    assert all(f"dim.{dim}.name" in text for dim in dims if dim.startswith("extra"))


@pytest.mark.parametrize("module", [charts, svg, pdf], ids=lambda m: m.__name__)
def test_renderers_take_every_angle_from_the_geometry(module: object) -> None:
    """No renderer works out an angle or a tick place of its own (as 22.5 for eight axes was)."""
    source = inspect.getsource(module)  # type: ignore[arg-type]
    assert not re.search(r"\b(?:math\.)?(?:cos|sin|pi|radians)\b", source)
    assert "22.5" not in source and "rotation" not in source
