"""The needs radar as an inline SVG, drawn by plain Python: no browser, no plotly, no kaleido.

It follows the app's radar (``charts.radar_figure``) and places everything by the same geometry
(``emotions.radar``): the first need at the top, the others clockwise, the scale's low end at the
centre and its high end at the edge, one shape per partner in the partner's colour, line dash and
marker shape (``palette``), so no partner is told apart by colour alone. A need not answered is
never drawn: a partner with none answered has no shape, only a legend line saying so. Names and
labels are XML-escaped; the drawing refers to nothing outside itself (no link, no font file, no
image), so it is safe inside a self-contained HTML page and as a file of its own."""

from __future__ import annotations

import math
import re
from html import escape

from emotions.export import linebreak
from emotions.export.document import RadarData
from emotions.export.drawing import Box, Figure, Item, Line, Polyline, Text, text_width
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import Language
from emotions.palette import (
    GRID_COLOUR,
    PARTNER_COLOURS,
    PARTNER_DASH,
    PARTNER_MARKER,
)
from emotions.radar import radar_geometry

TICK_GAP = 0
"""The scale's values are written halfway between the first two axes (the page's chart writes
them one gap further round: ``RadarGeometry.tick_gap``)."""
TICK_COLOUR = "#6B6B6B"
LABEL_COLOUR = "#333333"
DASH_ARRAYS: dict[str, str] = {"solid": "", "dash": "7 4", "dot": "2 3"}
"""Plotly's dash names as SVG dash arrays."""
FILL_OPACITY = 0.12

# Characters XML 1.0 does not allow even as references, and lone surrogates: dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Plain text made safe as XML/HTML text or attribute value (quotes escaped too)."""
    return escape(_NOT_XML.sub("", text), quote=True)


def _num(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def wrap_label(label: str, lang: Language) -> list[str]:
    """An axis label broken into lines of at most the language's ``svg_line_chars``: at spaces,
    or by length in a language written without spaces (Japanese) or for a single word."""
    language = spec(lang)
    limit = language.svg_line_chars
    if not language.word_separator or " " not in label.strip():
        text = label.strip()
        if len(text) <= limit:
            return [text]
        # Two lines of nearly equal length read better than one long and one short line.
        half = math.ceil(len(text) / 2)
        return [text[:half], text[half:]]
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def axis_lines(label: str, dimension: str, lang: Language) -> list[str]:
    """An axis label's lines: where the catalog's short axis label (``dim.<id>.axis``) breaks,
    when it is the same words; otherwise ``wrap_label``."""
    lines = t(f"dim.{dimension}.axis", lang).split("\n")
    if spec(lang).word_separator.join(lines) == label:
        return lines
    return wrap_label(label, lang)


def wrap_to_width(text: str, width: float, font_size: float, lang: Language) -> list[str]:
    """``text`` in lines no wider than ``width`` (by ``text_width``), broken by the language's
    rules (``linebreak.wrap_lines``: at spaces, or between characters in Japanese)."""
    return linebreak.wrap_lines(
        text, width, lambda part: text_width(part, font_size), spec(lang).line_breaking
    )


def _fit(text: str, width: float, font_size: float) -> tuple[str, float]:
    """``text`` at a size that fits ``width``: smaller first (down to 70 %), then shortened."""
    size = font_size
    while text_width(text, size) > width and size > font_size * 0.7:
        size -= 0.5
    if text_width(text, size) > width:
        while text and text_width(text + "…", size) > width:
            text = text[:-1]
        text += "…"
    return text, size


def _marker(shape: str, x: float, y: float, colour: str, size: float) -> str:
    if shape == "diamond":
        d = size * 1.25
        corners = ((x, y - d), (x + d, y), (x, y + d), (x - d, y))
        points = " ".join(f"{_num(px)},{_num(py)}" for px, py in corners)
        return f'<polygon points="{points}" fill="{colour}" stroke="#FFFFFF" stroke-width="1"/>'
    return (
        f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(size)}" fill="{colour}"'
        ' stroke="#FFFFFF" stroke-width="1"/>'
    )


def radar_svg(
    radar: RadarData, lang: Language, *, size: int = 420, title: str | None = None
) -> str:
    """The radar as one ``<svg>`` element: grid rings at 0/5/10, one spoke and label per need,
    a shape with markers per partner who answered a need (``RadarGeometry.shape``: only what
    was answered), and a legend with each partner's name below, or, for a partner with no need
    answered, a line saying so.

    ``size`` is the width in pixels (the legend adds height). ``title`` becomes the drawing's
    accessible name. Every text is escaped; nothing outside the element is referenced.
    """
    geometry = radar_geometry(radar.axes, tick_gap=TICK_GAP)
    n = geometry.count
    font_size = size * 11 / 420
    cx = cy = size / 2
    radius = size * 0.32
    shaped = radar.shaped()
    legend_row = font_size * 1.9
    # A partner with no need answered: a note in lines of the drawing's width, no sample line.
    notes = [
        wrap_to_width(
            radar.open_legend.get(pid) or radar.names.get(pid, ""),
            size - 2 * font_size,
            font_size,
            lang,
        )
        for pid in radar.unshaped()
    ]
    note_line = font_size * 1.35
    height = (
        size
        + font_size
        + legend_row * len(shaped)
        + sum(note_line * len(lines) + font_size * 0.4 for lines in notes)
        + (font_size * 0.6 if notes else 0)
    )

    centre = (cx, cy)

    def points_attr(points: list[tuple[float, float]]) -> str:
        return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)

    font = xml_text(spec(lang).font_family)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" role="img"'
        f' width="{size}" height="{_num(height)}" viewBox="0 0 {size} {_num(height)}"'
        f' font-family="{font}" font-size="{_num(font_size)}">'
    ]
    if title:
        parts.append(f"<title>{xml_text(title)}</title>")
    # The grid: the scale's rings (the centre is a point), one spoke per need.
    for value in geometry.scale.rings:
        parts.append(
            f'<polygon points="{points_attr(geometry.ring(value, centre, radius))}" fill="none"'
            f' stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
    for i in range(n):
        x, y = geometry.point(i, geometry.scale.high, centre, radius)
        parts.append(
            f'<line x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(x)}" y2="{_num(y)}"'
            f' stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
    # Ring values halfway between two spokes, where no label sits.
    for value, (x, y) in geometry.ticks(centre, radius):
        parts.append(
            f'<text x="{_num(x + 3)}" y="{_num(y)}" fill="{TICK_COLOUR}"'
            f' font-size="{_num(font_size * 0.85)}">{value}</text>'
        )
    # Axis labels just outside the outer ring, anchored away from the centre.
    line_height = font_size * 1.2
    for i, label in enumerate(radar.axes):
        place = geometry.label(i, centre, radius, offset=font_size * 0.9)
        x, y = place.x, place.y
        lines = axis_lines(label, radar.dimensions[i], lang) if i < len(radar.dimensions) else []
        lines = lines or wrap_label(label, lang)
        if place.baseline == "bottom":
            first = y - line_height * (len(lines) - 1)
        elif place.baseline == "top":
            first = y + font_size * 0.8
        else:
            first = y + font_size * 0.35 - line_height * (len(lines) - 1) / 2
        spans = "".join(
            f'<tspan x="{_num(x)}" y="{_num(first + k * line_height)}">{xml_text(text)}</tspan>'
            for k, text in enumerate(lines)
        )
        parts.append(f'<text fill="{LABEL_COLOUR}" text-anchor="{place.anchor}">{spans}</text>')
    # One shape per partner who answered a need: colour, dash and marker shape all differ. Only
    # answered needs are drawn (``RadarGeometry.shape``): a closed, filled outline when all are,
    # else markers and the lines between neighbouring answered needs.
    marker_size = font_size * 0.38
    for pid in shaped:
        shape = geometry.shape(radar.needs[pid], centre, radius)
        if shape is None:
            continue
        colour = PARTNER_COLOURS[pid]
        dash = DASH_ARRAYS.get(PARTNER_DASH[pid], "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        stroke = f' stroke="{colour}" stroke-width="2.5" stroke-linejoin="round"{dash_attr}'
        parts.append(f'<g class="partner partner-{pid}">')
        if shape.closed:
            parts.append(
                f'<polygon points="{points_attr(list(shape.runs[0]))}" fill="{colour}"'
                f' fill-opacity="{FILL_OPACITY}"{stroke}/>'
            )
        else:
            parts += [
                f'<polyline points="{points_attr(list(run))}" fill="none"{stroke}/>'
                for run in shape.runs
            ]
        parts += [
            _marker(PARTNER_MARKER[pid], x, y, colour, marker_size) for _, (x, y) in shape.points
        ]
        parts.append("</g>")
    # The legend, centred below the chart: each partner's line and marker, then the name; a
    # partner with no need answered gets a line of text saying so, and no sample line.
    swatch = font_size * 3
    gap = font_size * 0.6
    room = size - 2 * font_size - swatch - gap
    entries = [(pid, *_fit(radar.names.get(pid, ""), room, font_size * 1.1)) for pid in shaped]
    widest = max((text_width(name, fs) for _, name, fs in entries), default=0.0)
    x0 = max(font_size, (size - swatch - gap - widest) / 2)
    for row, (pid, name, name_size) in enumerate(entries):
        colour = PARTNER_COLOURS[pid]
        y = size + font_size * 0.5 + legend_row * row + legend_row / 2
        dash = DASH_ARRAYS.get(PARTNER_DASH[pid], "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts += [
            f'<line x1="{_num(x0)}" y1="{_num(y)}" x2="{_num(x0 + swatch)}" y2="{_num(y)}"'
            f' stroke="{colour}" stroke-width="2.5"{dash_attr}/>',
            _marker(PARTNER_MARKER[pid], x0 + swatch / 2, y, colour, marker_size),
            f'<text x="{_num(x0 + swatch + gap)}" y="{_num(y + name_size * 0.35)}"'
            f' fill="{LABEL_COLOUR}" font-size="{_num(name_size)}">{xml_text(name)}</text>',
        ]
    y = size + font_size * 0.5 + legend_row * len(entries) + font_size * 0.6
    for lines in notes:
        spans = "".join(
            f'<tspan x="{_num(size / 2)}" y="{_num(y + k * note_line + font_size * 0.35)}">'
            f"{xml_text(line)}</tspan>"
            for k, line in enumerate(lines)
        )
        parts.append(
            f'<text class="not-answered" text-anchor="middle" fill="{TICK_COLOUR}">{spans}</text>'
        )
        y += note_line * len(lines) + font_size * 0.4
    parts.append("</svg>")
    return "".join(parts)


def _item_svg(item: Item) -> str:
    """One drawing item as an SVG element; its text escaped."""
    if isinstance(item, Text):
        return (
            f'<text x="{_num(item.at[0])}" y="{_num(item.at[1])}" font-size="{_num(item.size)}"'
            f' fill="{item.colour}" text-anchor="{item.anchor}">{xml_text(item.text)}</text>'
        )
    if isinstance(item, Line):
        dash = DASH_ARRAYS.get(item.dash, "")
        return (
            f'<line x1="{_num(item.start[0])}" y1="{_num(item.start[1])}"'
            f' x2="{_num(item.end[0])}" y2="{_num(item.end[1])}" stroke="{item.colour}"'
            f' stroke-width="{_num(item.width)}"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + "/>"
        )
    if isinstance(item, Polyline):
        dash = DASH_ARRAYS.get(item.dash, "")
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in item.points)
        return (
            f'<polyline points="{points}" fill="none" stroke="{item.colour}"'
            f' stroke-width="{_num(item.width)}" stroke-linejoin="round"'
            + (f' stroke-dasharray="{dash}"' if dash else "")
            + "/>"
        )
    if isinstance(item, Box):
        fill = item.fill or "none"
        attrs = f' fill="{fill}"'
        if item.fill and item.fill_opacity < 1:
            attrs += f' fill-opacity="{item.fill_opacity}"'
        if item.stroke:
            attrs += f' stroke="{item.stroke}" stroke-width="{_num(item.width)}"'
        return (
            f'<rect x="{_num(item.x)}" y="{_num(item.y)}" width="{_num(item.w)}"'
            f' height="{_num(item.h)}"{attrs}/>'
        )
    return _marker(item.shape, item.at[0], item.at[1], item.colour, item.size)


def figure_svg(figure: Figure, lang: Language, *, description: str = "") -> str:
    """A summary chart (``export.figures``) as one ``<svg>`` element: an image whose accessible
    name is the chart's title (and, when given, whose ``<desc>`` is ``description``), every text
    in it escaped, nothing outside it referenced."""
    width, height = _num(figure.width), _num(figure.height)
    font = xml_text(spec(lang).font_family)
    title = xml_text(figure.title)
    desc = f"<desc>{xml_text(description)}</desc>" if description else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {figure.kind}" role="img"'
        f' aria-label="{title}" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" font-family="{font}">'
        f"<title>{title}</title>{desc}"
        + "".join(_item_svg(item) for item in figure.items)
        + "</svg>"
    )
