"""A chart of the summary as a list of plain drawing items: the one geometry that both the HTML
page (``svg.figure_svg``) and the PDF (``pdf._figure``) draw, as the radar's is
(``emotions.radar``).

A ``Figure`` is placed once, in its own units on a canvas ``width`` x ``height`` whose y grows
downwards (one unit is one CSS pixel in the SVG; the PDF scales the canvas to its width in
millimetres). Its items are lines, polylines, boxes, markers and one-line texts; every colour comes
from ``palette``. Texts are plain and unescaped, exactly as typed: the SVG writer escapes them, the
PDF writer cleans them for its font. No item's count depends on what a text says (a long name is
shortened on its one line, never wrapped), so the drawing's structure is the same for any name.

``text_width`` is the rough measure the layout uses (wide characters one em, others a little over
half); both writers draw each text from its anchor, so a slightly different font only moves where
a line ends.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Point = tuple[float, float]
Anchor = Literal["start", "middle", "end"]
Dash = str
"""A line dash by name: ``solid``, ``dash`` (``palette.PARTNER_DASH``) or ``dot``."""
MarkerShape = Literal["circle", "diamond"]

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


@dataclass(frozen=True)
class Line:
    start: Point
    end: Point
    colour: str
    width: float = 1.0
    dash: Dash = "solid"


@dataclass(frozen=True)
class Polyline:
    """An open line through ``points`` (a partner's series)."""

    points: tuple[Point, ...]
    colour: str
    width: float = 2.0
    dash: Dash = "solid"


@dataclass(frozen=True)
class Box:
    """A rectangle: filled, outlined, or both (``None``: not)."""

    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 1.0
    fill_opacity: float = 1.0


@dataclass(frozen=True)
class Marker:
    """A partner's marker: circle for one, diamond for the other (``palette.PARTNER_MARKER``)."""

    shape: MarkerShape
    at: Point
    size: float
    colour: str


@dataclass(frozen=True)
class Text:
    """One line of text; ``at`` is on its baseline, ``anchor`` says where the line starts."""

    at: Point
    text: str
    size: float
    colour: str
    anchor: Anchor = "start"


Item = Line | Polyline | Box | Marker | Text


@dataclass(frozen=True)
class Figure:
    """One chart: its name (the drawing's accessible name), the caption said under it, its
    canvas and what is drawn on it."""

    kind: str
    """A short id for the chart (``style-map``, ``difference-map``, ``channels``, ``trend``)."""
    title: str
    caption: str
    width: float
    height: float
    items: tuple[Item, ...] = field(default_factory=tuple)

    def texts(self) -> list[str]:
        """Every text drawn, in drawing order."""
        return [item.text for item in self.items if isinstance(item, Text)]


def text_width(text: str, size: float) -> float:
    """A rough width of ``text`` at ``size``: wide (CJK, full-width) characters 1 em, others
    0.56 em."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.56 for c in text)
    return ems * size


def one_line(text: str) -> str:
    """``text`` on one line: every run of white space (line breaks too) becomes one space."""
    return " ".join(text.split())


def fit(text: str, width: float, size: float) -> str:
    """``text`` on one line, shortened with an ellipsis until it is no wider than ``width``."""
    text = one_line(text)
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + ELLIPSIS, size) > width:
        text = text[:-1]
    return text + ELLIPSIS
