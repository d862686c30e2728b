"""The one radar geometry every needs radar is drawn from: the plotly chart on the page
(``charts.radar_figure``), the inline SVG of the HTML export (``export.svg``) and the vector radar
of the PDF (``export.pdf``). Pure arithmetic: no drawing, no plotly, no units.

- **Axes**: one per item of any sequence (the dimension registry by default,
  ``DIMENSION_IDS``), evenly spaced around the circle.
- **Angles**: the first axis straight up, the others clockwise (``START``, ``CLOCKWISE``).
  Angles are compass degrees: 0 is up, 90 is right. ``direction`` turns one into a unit vector
  on a canvas whose y grows downwards (SVG, PDF); ``math_degrees`` into plotly's convention
  (counter-clockwise from the right).
- **Scale**: ``NEED_MIN`` at the centre, ``NEED_MAX`` on the outer ring; which rings are drawn
  and which values are written beside them (``Scale``).
- **Points**: where a value sits on an axis (``point``, ``outline``, ``ring``), for a centre and
  a radius in the renderer's own units.
- **Labels**: where an axis label goes (just outside the outer ring, ``offset`` further out) and
  which way it is aligned: away from the centre (``AxisLabel``).
- **Shapes**: what is drawn of one partner's answers (``Shape``, ``RadarGeometry.shape``).
  An unanswered value (``None``) is never drawn, neither at the centre nor at any other value:
  - no answer at all: no shape (``shape`` returns None; the renderer says "not answered yet"
    instead, in its legend or under the chart);
  - every axis answered: one closed outline, filled, with a marker on every axis (as always);
  - some axes answered: a marker on each answered axis, and a line between two *neighbouring*
    axes that are both answered (the last and the first axis are neighbours too). Nothing else:
    no fill and no line across an unanswered axis, because a line between two answers that
    are not neighbours would cross the axes between them at some value, and a fill would
    claim an area. A lone answer between two open axes is a marker only.
  Plotly draws the same from the values with ``None`` gaps (``plotly_values``: lines break at
  a gap, ``fill`` only when ``Shape.closed``); the SVG and the PDF draw ``Shape.runs``.

A renderer only draws what this module places, so a ninth dimension needs no change to any of
them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN

START = 0.0
"""Compass angle of the first axis: straight up."""
CLOCKWISE = True
"""The axes follow each other clockwise, as on a clock face."""
ALIGN_THRESHOLD = 0.3
"""A label whose axis points less than this far (as a fraction of the radius) left or right of
the centre is centred on it; the same with up and down for its vertical alignment."""

Point = tuple[float, float]
Anchor = Literal["start", "middle", "end"]
"""Horizontal alignment of a label at its point (SVG's ``text-anchor``): text starts there,
is centred on it, or ends there."""
Baseline = Literal["bottom", "middle", "top"]
"""Where a label's point is on its block of lines: below the last line (the label sits above),
at the middle, or above the first line (the label hangs below)."""


Value = float | None
"""One axis' value of a partner; None while not answered."""


def _tidy(value: float) -> float:
    """An int when the value is whole, so that ``5`` is written "5" and not "5.0"."""
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class Scale:
    """The radial scale: ``low`` at the centre, ``high`` on the outer ring, the grid rings and
    the values written beside them."""

    low: float = NEED_MIN
    high: float = NEED_MAX
    ring_steps: int = 2
    """The grid rings cut the scale into this many equal steps (the outer ring included)."""
    tick_steps: int = 2
    """The values written: at this many equal steps out from the centre..."""
    centre_tick: bool = True
    """...and the centre's value too."""

    def __post_init__(self) -> None:
        if self.high <= self.low or self.ring_steps < 1 or self.tick_steps < 1:
            raise ValueError(f"not a scale: {self}")

    def steps(self, parts: int) -> tuple[float, ...]:
        """The scale cut into ``parts`` equal steps: each step's outer value (the centre not
        included). ``steps(2)`` of 0..10 is (5, 10); ``steps(4)`` is (2.5, 5, 7.5, 10)."""
        span = self.high - self.low
        return tuple(_tidy(self.low + span * k / parts) for k in range(1, parts + 1))

    @property
    def rings(self) -> tuple[float, ...]:
        """The values the grid rings are drawn at (the centre is a point, not a ring)."""
        return self.steps(self.ring_steps)

    @property
    def ticks(self) -> tuple[float, ...]:
        """The values written beside the rings, from the centre out."""
        centre = (_tidy(self.low),) if self.centre_tick else ()
        return (*centre, *self.steps(self.tick_steps))

    def fraction(self, value: float) -> float:
        """How far out ``value`` lies: 0 at the centre, 1 on the outer ring (clamped)."""
        return (min(max(value, self.low), self.high) - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class AxisLabel:
    """Where one axis label goes and how it is aligned there."""

    x: float
    y: float
    anchor: Anchor
    baseline: Baseline


@dataclass(frozen=True)
class Shape:
    """What is drawn of one partner's answers (see the module's note on shapes)."""

    points: tuple[tuple[int, Point], ...]
    """Each answered axis (its index) and where its value sits: one marker each."""
    runs: tuple[tuple[Point, ...], ...]
    """Lines through neighbouring answered axes, each of two points or more, in axis order.
    When ``closed``, one run through every axis, to be closed back to its first point."""
    closed: bool
    """Every axis answered: ``runs[0]`` is a polygon, outlined and filled."""


@dataclass(frozen=True)
class RadarGeometry:
    """The radar's axes, angles, scale, points and label places for ``count`` axes."""

    count: int
    scale: Scale = field(default_factory=Scale)
    tick_gap: int = 1
    """The scale's values are written along the line halfway between axis ``tick_gap`` and the
    next one (0-based); the page's radar has them between the second and the third axis."""
    start: float = START
    clockwise: bool = CLOCKWISE

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError(f"a radar with {self.count} axes")

    # --- angles ----------------------------------------------------------------------------

    @property
    def step(self) -> float:
        """Degrees between two neighbouring axes."""
        return 360.0 / max(self.count, 1)

    def compass(self, index: float) -> float:
        """Compass degrees (0 up, 90 right) of axis ``index``; a fraction lies between axes."""
        return self.start + (1 if self.clockwise else -1) * self.step * index

    def math_degrees(self, index: float) -> float:
        """The same angle counter-clockwise from the right, in (-180, 180] (plotly's polar
        convention for ``angularaxis.rotation`` and ``radialaxis.angle``)."""
        degrees = (90.0 - self.compass(index)) % 360.0
        return degrees - 360.0 if degrees > 180.0 else degrees

    def direction(self, index: float) -> Point:
        """Unit vector of axis ``index`` on a canvas whose y grows downwards."""
        radians = math.radians(self.compass(index))
        return math.sin(radians), -math.cos(radians)

    @property
    def tick_axis(self) -> float:
        """The (fractional) axis along which the scale's values are written."""
        return self.tick_gap + 0.5

    # --- points ----------------------------------------------------------------------------

    def point(
        self, index: float, value: float, centre: Point, radius: float, extra: float = 0.0
    ) -> Point:
        """Where ``value`` lies on axis ``index`` (``extra`` units further out), for a radar
        drawn around ``centre`` with the outer ring at ``radius``."""
        dx, dy = self.direction(index)
        r = radius * self.scale.fraction(value) + extra
        return centre[0] + r * dx, centre[1] + r * dy

    def outline(self, values: Sequence[float], centre: Point, radius: float) -> list[Point]:
        """One point per axis for ``values``, every one answered (a value missing from the end
        counts as the scale's low end). Answers that may be open are drawn by ``shape``."""
        return [
            self.point(i, values[i] if i < len(values) else self.scale.low, centre, radius)
            for i in range(self.count)
        ]

    def shape(self, values: Sequence[Value], centre: Point, radius: float) -> Shape | None:
        """What is drawn of ``values`` (one per axis, ``None`` or missing: not answered): None
        when nothing is answered; see the module's note on shapes."""
        at: dict[int, Point] = {}
        for i, value in enumerate(values[: self.count]):
            if value is not None:
                at[i] = self.point(i, value, centre, radius)
        if not at:
            return None
        points = tuple(at.items())
        if len(at) == self.count:
            every = tuple(at.values())
            return Shape(points, (every,) if len(every) >= 2 else (), closed=self.count >= 3)
        # Walk once round from just after an open axis, so no run is cut at the first axis.
        first_open = next(i for i in range(self.count) if i not in at)
        runs: list[tuple[Point, ...]] = []
        run: list[Point] = []
        for step in range(1, self.count + 1):
            i = (first_open + step) % self.count
            if i in at:
                run.append(at[i])
                continue
            if len(run) >= 2:
                runs.append(tuple(run))
            run = []
        return Shape(points, tuple(runs), closed=False)

    def ring(self, value: float, centre: Point, radius: float) -> list[Point]:
        """The polygon through ``value`` on every axis (a grid ring with straight sides)."""
        return [self.point(i, value, centre, radius) for i in range(self.count)]

    def ticks(self, centre: Point, radius: float) -> list[tuple[float, Point]]:
        """Each value written on the scale and where it goes (before any nudge off the line)."""
        return [
            (value, self.point(self.tick_axis, value, centre, radius)) for value in self.scale.ticks
        ]

    # --- labels ----------------------------------------------------------------------------

    def label(self, index: int, centre: Point, radius: float, offset: float) -> AxisLabel:
        """Axis ``index``'s label: ``offset`` outside the outer ring, aligned away from the
        centre (text on the right starts at its point, text at the top sits above it)."""
        dx, dy = self.direction(index)
        x, y = self.point(index, self.scale.high, centre, radius, extra=offset)
        anchor: Anchor = (
            "start" if dx > ALIGN_THRESHOLD else "end" if dx < -ALIGN_THRESHOLD else "middle"
        )
        baseline: Baseline = (
            "bottom" if dy < -ALIGN_THRESHOLD else "top" if dy > ALIGN_THRESHOLD else "middle"
        )
        return AxisLabel(x, y, anchor, baseline)

    # --- plotly ----------------------------------------------------------------------------

    def plotly_polar(self) -> dict[str, dict[str, object]]:
        """The geometry part of a plotly ``layout.polar``: where the first axis is, which way
        the others follow, the scale's range and values, and the line they are written along.
        (Plotly spaces categorical axes evenly by itself.)"""
        return {
            "radialaxis": {
                "range": [self.scale.low, self.scale.high],
                "tickvals": list(self.scale.ticks),
                "angle": self.math_degrees(self.tick_axis),
            },
            "angularaxis": {
                "rotation": self.math_degrees(0),
                "direction": "clockwise" if self.clockwise else "counterclockwise",
            },
        }


def plotly_values(values: Sequence[Value]) -> list[Value]:
    """A partner's values for a plotly outline: ``None`` stays a gap (plotly neither draws nor
    hovers it, and breaks the line there), and the first value is repeated at the end so that
    the outline closes (a gap closes nothing)."""
    return [*values, values[0]] if values else []


def radar_geometry(
    axes: Sequence[object] = DIMENSION_IDS, *, scale: Scale | None = None, tick_gap: int = 1
) -> RadarGeometry:
    """The geometry of a radar with one axis per item of ``axes`` (the needs dimensions by
    default): the page's radar unless ``scale`` or ``tick_gap`` say otherwise."""
    return RadarGeometry(len(axes), scale=scale or Scale(), tick_gap=tick_gap)
