"""The summary as a PDF: A4, the language's font embedded as a subset (IPAex Gothic for English
and Japanese), the radar drawn as vector graphics.

Every text comes from the ``Summary``; nothing here is language-specific except the font and the
line-breaking rules, both from the language's ``LanguageSpec``: ``linebreak.wrap_lines`` applies
the rules to every line before it is written. Text is placed line by line, never with fpdf2's own
wrapping (it knows no Japanese rules).

User text needs no escaping in a PDF (it is drawn, not parsed), but it may hold characters the font
cannot draw: ``clean_text`` drops control and format characters and shows a ``?`` for anything
the font lacks (emoji), so no input makes the export fail. Even ``{nb}`` in a note stays as typed:
the page total is written by a pass after the content, not by fpdf2's alias substitution.

The font file is parsed once per process (``_prototype_font``); each document gets a light copy
with its own freshly opened font tables, because fpdf2 subsets the tables in place on output.
While ``to_pdf`` writes a document, its language is the context (``_LANGUAGE``) that the measuring
and cleaning functions read their font from; outside it, that is the default language.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

from fontTools import ttLib  # type: ignore[import-untyped]
from fpdf import FPDF
from fpdf.enums import TextMode
from fpdf.fonts import SubsetMap, TTFFont

from emotions.export import linebreak
from emotions.export.document import Block, RadarData, Summary, Table
from emotions.export.drawing import Box, Figure, Item, Line, Marker, Polyline, Text, one_line
from emotions.languages import DEFAULT_LANGUAGE, LanguageSpec, PdfFont, spec
from emotions.model import PartnerId
from emotions.palette import GRID_COLOUR, MUTED_LINE, PARTNER_COLOURS, PARTNER_DASH, PARTNER_MARKER
from emotions.radar import Anchor, RadarGeometry, Scale, Shape, radar_geometry

_LANGUAGE: ContextVar[LanguageSpec | None] = ContextVar("pdf_language", default=None)
"""The language of the document ``to_pdf`` is writing: its font and line-breaking rules."""


def _language() -> LanguageSpec:
    """The language of the document being written (the default language outside ``to_pdf``)."""
    return _LANGUAGE.get() or spec(DEFAULT_LANGUAGE)


def _font() -> PdfFont:
    return _language().pdf_font


def wrap_lines(text: str, width_mm: float, measure: Measure) -> list[str]:
    """``linebreak.wrap_lines`` with the rules of the document's language."""
    return linebreak.wrap_lines(text, width_mm, measure, _language().line_breaking)


def widest_unit(text: str, measure: Measure) -> float:
    """``linebreak.widest_unit`` with the rules of the document's language."""
    return linebreak.widest_unit(text, measure, _language().line_breaking)


PT = 25.4 / 72
"""One typographic point in millimetres."""
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 15.0
BOTTOM = 20.0
"""Bottom margin: room for the page number under the text."""
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = "#222222"
SOFT_INK = "#5E5A53"
"""Secondary text (notice, labels, page numbers): about 6.6:1 on white."""
NOTE_FILL = "#F5F3EE"
HEADER_FILL = "#EFECE5"
FALLBACK = "?"
"""Shown for a character the font cannot draw (an emoji, a rare script)."""

Align = Literal["L", "C", "R"]
Measure = Callable[[str], float]


@dataclass(frozen=True)
class TextStyle:
    """Font size, line height and colour of one kind of text."""

    size: float
    """Points."""
    leading: float
    """Line height in millimetres."""
    colour: str = INK


TITLE = TextStyle(19, 9.0)
SUBTITLE = TextStyle(11.5, 6.0, SOFT_INK)
SMALL = TextStyle(8.5, 4.4, SOFT_INK)
HEADING = TextStyle(13.5, 7.2)
BODY = TextStyle(10, 5.5)
CELL = TextStyle(9, 4.7)
LABEL = TextStyle(8.5, 4.4, SOFT_INK)
"""Radar axis labels and the label over a note."""

RADAR_RADIUS = 40.0
RADAR_LABEL_WIDTH = 34.0
RADAR_LABEL_OFFSET = 2.5
"""Axis labels start this far outside the outer ring (mm)."""
RADAR_SCALE = Scale(ring_steps=4, centre_tick=False)
"""On paper: a circle at every quarter of the scale; the values of the half and the outer ring
are written (not the centre's)."""
RADAR_TICK_GAP = 0
"""The values go halfway between the first two axes (on the page: between the second and third)."""
DASHES: dict[str, tuple[float, float]] = {
    "solid": (0.0, 0.0),
    "dash": (1.8, 1.1),
    "dot": (0.4, 0.8),
}


# --- the font, parsed once ---------------------------------------------------------------------


UNUSED_TABLES = ("BASE", "GDEF", "GPOS", "GSUB", "JSTF", "MATH", "vhea", "vmtx", "VORG")
"""Tables a PDF made by fpdf2 never uses (no text shaping, horizontal text only)."""


@functools.cache
def _font_bytes(pdf_font: PdfFont) -> bytes:
    """The font file, trimmed once per process to what the PDF subset needs.

    Every document subsets the font on output; the subsetter reads every table it is given,
    so the layout tables and the duplicate character maps would cost each export about a third
    of its time. Glyph ids are unchanged, so the prototype's map and widths still apply.
    """
    font = ttLib.TTFont(pdf_font.path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    for tag in UNUSED_TABLES:
        if tag in font:
            del font[tag]
    cmap = font["cmap"]
    best = [t for t in cmap.tables if (t.platformID, t.platEncID) == (3, 10)]
    cmap.tables = best or [t for t in cmap.tables if (t.platformID, t.platEncID) == (3, 1)]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@functools.cache
def _prototype_font(pdf_font: PdfFont) -> TTFFont:
    """The font parsed once per process: character map and advance widths.

    Read-only afterwards; documents use copies of it (``_install_font``).
    """
    scratch = FPDF()
    scratch.add_font(pdf_font.family, "", pdf_font.path)
    font = scratch.fonts[pdf_font.family]
    assert isinstance(font, TTFFont)
    font.ttfont.close()  # its tables are never read again: each document opens its own
    return font


def _install_font(pdf: FPDF) -> TTFFont:
    """Register the font with ``pdf`` without parsing the file again.

    The copy shares the prototype's character map and widths, and gets its own font tables
    (fpdf2's subsetter rewrites them on output) and its own subset of used glyphs.
    """
    pdf_font = _font()
    proto = _prototype_font(pdf_font)
    font = copy.copy(proto)
    font.i = len(pdf.fonts) + 1
    font.ttfont = ttLib.TTFont(
        io.BytesIO(_font_bytes(pdf_font)), recalcTimestamp=False, recalcBBoxes=False, lazy=True
    )
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    pdf.fonts[pdf_font.family] = font
    return font


NARROW_QUOTES = "\u201c\u201d\u2018\u2019"
"""Curly quotes, which IPAex draws full-width as Japanese sets them. In a sentence that leaves a
wide gap on one side of each; they are set narrow instead (``_quote_trims``)."""
QUOTE_SIDE = 0.06
"""Space kept on each side of a narrow quote's ink, in ems."""


def _quote_trims() -> dict[str, tuple[float, float]]:
    """How much to take off the left and right of each curly quote, in 1/1000 em (fpdf2's width
    unit): the quote keeps its ink and ``QUOTE_SIDE`` on each side of it."""
    return _font_quote_trims(_font())


@functools.cache
def _font_quote_trims(pdf_font: PdfFont) -> dict[str, tuple[float, float]]:
    names = _prototype_font(pdf_font).cmap
    font = ttLib.TTFont(io.BytesIO(_font_bytes(pdf_font)), lazy=True)
    units = font["head"].unitsPerEm
    side = QUOTE_SIDE * units
    trims: dict[str, tuple[float, float]] = {}
    for char in NARROW_QUOTES:
        name = names.get(ord(char))
        if name is None:
            continue
        glyph = font["glyf"][name]
        advance = font["hmtx"][name][0]
        left = max(0.0, glyph.xMin - side)
        right = max(0.0, advance - glyph.xMax - side)
        trims[char] = (left * 1000 / units, right * 1000 / units)
    font.close()
    return trims


def width_units(text: str) -> float:
    """The advance of ``text`` (clean) in 1/1000 em, curly quotes narrow."""
    widths = _prototype_font(_font()).cw
    total = float(sum(widths[ord(c)] for c in text))
    if any(c in NARROW_QUOTES for c in text):
        trims = _quote_trims()
        total -= sum(sum(trims.get(c, (0.0, 0.0))) for c in text if c in NARROW_QUOTES)
    return total


def has_glyph(char: str) -> bool:
    """Whether the embedded font can draw ``char``."""
    return ord(char) in _prototype_font(_font()).cmap


_QUOTE_RUNS = re.compile(f"([{NARROW_QUOTES}])")
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")


def clean_text(text: str) -> str:
    """``text`` as the font can draw it: nothing here can make the PDF fail.

    Newlines stay (they are line breaks); other whitespace becomes a plain space; control,
    format and private-use characters are dropped; a run of characters the font lacks becomes
    one ``?`` (an emoji with a skin tone or a joiner is several code points).
    """
    text = _LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", text))
    out: list[str] = []
    missing = False
    for char in text:
        if char == "\n":
            out.append(char)
        elif char.isspace():
            out.append(char if char == "\u3000" and has_glyph(char) else " ")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        elif has_glyph(char):
            out.append(char)
        elif unicodedata.category(char) in ("Mn", "Me", "Sk") and missing:
            continue  # a mark on a character already shown as the fallback
        elif not missing:
            out.append(FALLBACK)
            missing = True
            continue
        else:
            continue
        missing = False
    return "".join(out)


# --- the document ------------------------------------------------------------------------------


class _SummaryPDF(FPDF):
    """An A4 page with the summary's margins; a measure per font size from the font's widths."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        # The page total is written after the content: no alias may turn user text into a number.
        self.alias_nb_pages(None)  # type: ignore[arg-type]
        self.c_margin = 0
        self.font_family_name = _font().family
        self.font = _install_font(self)
        self._measures: dict[float, Measure] = {}

    def measure(self, style: TextStyle) -> Measure:
        """Width in mm of a (clean) string at ``style``'s size, as ``put`` draws it: fpdf2's
        ``get_string_width`` but for the narrow curly quotes."""
        found = self._measures.get(style.size)
        if found is None:
            factor = style.size / 1000 * PT

            def found(text: str) -> float:
                return width_units(text) * factor

            self._measures[style.size] = found
        return found

    def use(self, style: TextStyle) -> Measure:
        """Select ``style`` for the text that follows; its measure."""
        self.set_font(self.font_family_name, size=style.size)
        self.set_text_color(style.colour)
        return self.measure(style)

    def room_for(self, height: float) -> bool:
        """Start a new page unless ``height`` mm fit below the current position; True if it did."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()
            return True
        return False

    def put(self, x: float, top: float, height: float, text: str) -> None:
        """Text in the current font, starting at ``x``, centred in a line box at ``top``.

        ``text()`` rather than ``cell()``: lines are already broken and aligned, and it is several
        times cheaper. The baseline is where ``cell()`` would put it.
        """
        baseline = top + height / 2 + 0.3 * self.font_size
        if not any(c in NARROW_QUOTES for c in text):
            if text:
                self.text(x, baseline, text)
            return
        # Each curly quote is drawn on its own, moved left by what its left side loses.
        factor = self.font_size_pt / 1000 * PT
        trims = _quote_trims()
        for run in _QUOTE_RUNS.split(text):
            if run in trims:
                self.text(x - trims[run][0] * factor, baseline, run)
            elif run:
                self.text(x, baseline, run)
            x += width_units(run) * factor

    def line_at(self, x: float, width: float, style: TextStyle, text: str, align: Align) -> None:
        """One pre-broken line at the current height; moves down by the style's leading."""
        if align != "L":
            spare = width - self.measure(style)(text)
            x += spare if align == "R" else spare / 2
        self.put(x, self.get_y(), style.leading, text)
        self.set_y(self.get_y() + style.leading)

    def lines(
        self,
        text: str,
        style: TextStyle,
        *,
        x: float = MARGIN,
        width: float = BODY_WIDTH,
        align: Align = "L",
    ) -> None:
        """A paragraph broken by ``wrap_lines``, flowing onto new pages as needed."""
        measure = self.use(style)
        for line in wrap_lines(clean_text(text), width, measure):
            self.room_for(style.leading)
            self.line_at(x, width, style, line, align)

    def footer(self) -> None:
        """Page numbers are written by ``number_pages`` once the total is known."""

    def number_pages(self) -> None:
        """Write "n / N" at the foot of every page."""
        total = self.page
        self.set_auto_page_break(False)
        for number in range(1, total + 1):
            self.page = number
            # fpdf2 tracks the font of the page it is on: on a page visited again, say it anew.
            self.current_font_is_set_on_page = False
            self.use(SMALL)
            self.set_y(PAGE_HEIGHT - BOTTOM / 2 - SMALL.leading / 2)
            self.line_at(MARGIN, BODY_WIDTH, SMALL, f"{number} / {total}", "C")
        self.page = total


def to_pdf(summary: Summary) -> bytes:
    """The summary as PDF bytes: title and notices, the radar, then every block in order; in the
    font and with the line-breaking rules of the summary's language."""
    token = _LANGUAGE.set(spec(summary.lang))
    try:
        return _write(summary)
    finally:
        _LANGUAGE.reset(token)


def _write(summary: Summary) -> bytes:
    pdf = _SummaryPDF()
    pdf.set_lang(summary.lang)
    pdf.set_title(clean_text(summary.title).replace("\n", " "))
    pdf.set_creator("Emotional Needs Workbook")
    pdf.add_page()
    _front(pdf, summary)
    _radar(pdf, summary.radar)
    partner_of = {clean_text(name).strip(): pid for pid, name in summary.radar.names.items()}
    for block in summary.blocks:
        _block(pdf, block, partner_of)
    pdf.number_pages()
    return bytes(pdf.output())


def _front(pdf: _SummaryPDF, summary: Summary) -> None:
    pdf.lines(summary.title, TITLE)
    if summary.subtitle.strip():
        pdf.set_y(pdf.get_y() + 1)
        pdf.lines(summary.subtitle, SUBTITLE)
    pdf.set_y(pdf.get_y() + 3)
    pdf.lines(summary.notice, SMALL)
    pdf.lines(summary.rule_of_thumb, SMALL)
    pdf.set_y(pdf.get_y() + 3)
    with pdf.local_context(draw_color=GRID_COLOUR, line_width=0.3):
        pdf.line(MARGIN, pdf.get_y(), PAGE_WIDTH - MARGIN, pdf.get_y())
    pdf.set_y(pdf.get_y() + 4)


# --- the radar ---------------------------------------------------------------------------------


def _radar(pdf: _SummaryPDF, radar: RadarData) -> None:
    """The partners' needs on one radar, in vector graphics, with axis labels and a legend.

    Axes run clockwise from the top as on screen; each partner has the palette's colour, a solid
    or dashed outline and a circle or diamond marker, so colour is never the only cue. Only
    answered needs are drawn (``_shape``); a partner with none has no shape, and a line under
    the legend says they have not answered yet.
    """
    geometry = radar_geometry(radar.axes, scale=RADAR_SCALE, tick_gap=RADAR_TICK_GAP)
    partners = radar.shaped()
    if geometry.count < 3:
        return
    measure = pdf.measure(LABEL)
    labels = [_axis_label_lines(axis, measure) for axis in radar.axes]
    label_height = max(len(lines) for lines in labels) * LABEL.leading
    legend = _legend_rows(pdf, radar, partners)
    open_lines = _open_lines(pdf, radar)
    height = 2 * (RADAR_RADIUS + 3 + label_height) + len(legend) * 6 + len(open_lines) * 5 + 6
    pdf.room_for(height)
    cx = PAGE_WIDTH / 2
    cy = pdf.get_y() + 3 + label_height + RADAR_RADIUS
    centre = (cx, cy)

    with pdf.local_context(draw_color=GRID_COLOUR, line_width=0.25):
        for ring in geometry.scale.rings:
            pdf.circle(cx, cy, RADAR_RADIUS * geometry.scale.fraction(ring))
        for index in range(geometry.count):
            pdf.line(cx, cy, *geometry.point(index, geometry.scale.high, centre, RADAR_RADIUS))
    _ticks(pdf, geometry, centre)

    for pid in radar.shaped():
        shape = geometry.shape(radar.needs[pid], centre, RADAR_RADIUS)
        if shape is not None:
            _shape(pdf, pid, shape)

    pdf.use(LABEL)
    for index, lines in enumerate(labels):
        _axis_label(pdf, lines, geometry, index, centre, measure)

    pdf.set_y(cy + RADAR_RADIUS + 3 + label_height + 4)
    _legend(pdf, radar, legend)
    # A partner with no need answered: no shape, a line saying so.
    pdf.use(SMALL)
    for line in open_lines:
        pdf.line_at(MARGIN, BODY_WIDTH, SMALL, line, "C")
    pdf.set_y(pdf.get_y() + 4)


def _shape(pdf: _SummaryPDF, pid: PartnerId, shape: Shape) -> None:
    """One partner's answers (``RadarGeometry.shape``): a filled, closed outline when every need
    is answered; else markers on the answered needs and lines between neighbouring ones."""
    colour = PARTNER_COLOURS[pid]
    if shape.closed:
        with pdf.local_context(fill_color=colour, fill_opacity=0.12):
            pdf.polygon(list(shape.runs[0]), style="F")
    dash, gap = DASHES.get(PARTNER_DASH[pid], (0.0, 0.0))
    with pdf.local_context(draw_color=colour, line_width=0.7):
        pdf.set_dash_pattern(dash, gap)
        for run in shape.runs:
            if shape.closed:
                pdf.polygon(list(run), style="D")
            else:
                pdf.polyline(list(run), style="D")
        pdf.set_dash_pattern()
    with pdf.local_context(fill_color=colour, draw_color="#FFFFFF", line_width=0.25):
        for _, (x, y) in shape.points:
            _marker(pdf, PARTNER_MARKER[pid], x, y, 1.25)


def _open_lines(pdf: _SummaryPDF, radar: RadarData) -> list[str]:
    """The lines under the legend for the partners with no need answered."""
    measure = pdf.measure(SMALL)
    lines: list[str] = []
    for pid in radar.unshaped():
        note = radar.open_legend.get(pid) or _legend_name(radar, pid)
        lines += wrap_lines(clean_text(note), BODY_WIDTH, measure)
    if radar.partial() and radar.partial_note:
        lines += wrap_lines(clean_text(radar.partial_note), BODY_WIDTH, measure)
    return lines


def _axis_label_lines(axis: str, measure: Measure) -> list[str]:
    return wrap_lines(clean_text(axis), RADAR_LABEL_WIDTH, measure) or [""]


def _ticks(pdf: _SummaryPDF, geometry: RadarGeometry, centre: tuple[float, float]) -> None:
    """Scale numbers along the line halfway between two axes, where no label sits."""
    style = TextStyle(7, 3.0, SOFT_INK)
    pdf.use(style)
    for tick, (x, y) in geometry.ticks(centre, RADAR_RADIUS):
        text = str(tick)
        pdf.put(x + 0.8, y - style.leading, style.leading, text)


ALIGNS: dict[Anchor, Align] = {"start": "L", "middle": "C", "end": "R"}
"""The geometry's label anchors as cell alignments."""


def _axis_label(
    pdf: _SummaryPDF,
    lines: list[str],
    geometry: RadarGeometry,
    index: int,
    centre: tuple[float, float],
    measure: Measure,
) -> None:
    """An axis label just outside the outer ring, aligned away from the chart."""
    place = geometry.label(index, centre, RADAR_RADIUS, offset=RADAR_LABEL_OFFSET)
    x, y = place.x, place.y
    height = len(lines) * LABEL.leading
    top = {"bottom": y - height, "top": y, "middle": y - height / 2}[place.baseline]
    align = ALIGNS[place.anchor]
    for number, line in enumerate(lines):
        width = measure(line)
        left = x if align == "L" else x - width if align == "R" else x - width / 2
        pdf.put(left, top + number * LABEL.leading, LABEL.leading, line)


def _marker(pdf: _SummaryPDF, shape: str, x: float, y: float, size: float) -> None:
    if shape == "diamond":
        d = size * 1.3
        pdf.polygon([(x, y - d), (x + d, y), (x, y + d), (x - d, y)], style="DF")
    else:
        pdf.circle(x, y, size, style="DF")


LEGEND_SAMPLE = 10.0
LEGEND_GAP = 8.0


def _legend_rows(
    pdf: _SummaryPDF, radar: RadarData, partners: list[PartnerId]
) -> list[list[PartnerId]]:
    """Legend entries side by side when they fit the width, else one per row."""
    if not partners:
        return []
    measure = pdf.measure(BODY)
    widths = [_legend_width(radar, pid, measure) for pid in partners]
    if sum(widths) + LEGEND_GAP * (len(widths) - 1) <= BODY_WIDTH:
        return [partners]
    return [[pid] for pid in partners]


def _legend_name(radar: RadarData, pid: PartnerId) -> str:
    name = " ".join(clean_text(radar.names.get(pid, "")).split())
    return name or pid.upper()


def _legend_width(radar: RadarData, pid: PartnerId, measure: Measure) -> float:
    name = _legend_name(radar, pid)
    return LEGEND_SAMPLE + 2 + min(measure(name), BODY_WIDTH - LEGEND_SAMPLE - 2)


def _legend(pdf: _SummaryPDF, radar: RadarData, rows: list[list[PartnerId]]) -> None:
    measure = pdf.use(BODY)
    for row in rows:
        widths = [_legend_width(radar, pid, measure) for pid in row]
        x = (PAGE_WIDTH - sum(widths) - LEGEND_GAP * (len(row) - 1)) / 2
        y = pdf.get_y()
        for pid, width in zip(row, widths, strict=True):
            colour = PARTNER_COLOURS[pid]
            mid = y + BODY.leading / 2
            dash, gap = DASHES.get(PARTNER_DASH[pid], (0.0, 0.0))
            with pdf.local_context(draw_color=colour, line_width=0.7):
                pdf.set_dash_pattern(dash, gap)
                pdf.line(x, mid, x + LEGEND_SAMPLE, mid)
                pdf.set_dash_pattern()
            with pdf.local_context(fill_color=colour, draw_color="#FFFFFF", line_width=0.25):
                _marker(pdf, PARTNER_MARKER[pid], x + LEGEND_SAMPLE / 2, mid, 1.25)
            name = _legend_name(radar, pid)
            lines = wrap_lines(name, width - LEGEND_SAMPLE - 2 + 0.01, measure) or [""]
            pdf.put(x + LEGEND_SAMPLE + 2, y, BODY.leading, lines[0])
            x += width + LEGEND_GAP
        pdf.set_y(y + 6)


# --- blocks ------------------------------------------------------------------------------------

BULLET_INDENT = 5.0
PARAGRAPH_GAP = 2.0
NOTE_PADDING = 3.0
NOTE_BAR = 1.2
CELL_PADDING = 1.6


def _block(pdf: _SummaryPDF, block: Block, partner_of: dict[str, PartnerId]) -> None:
    """A heading kept with the start of what follows it, then its charts, paragraphs, bullets,
    tables, notes."""
    # A chart right under the heading: the heading goes to the page the chart starts on.
    _heading(pdf, block.title, keep=_figure_height(pdf, block.figures[0]) if block.figures else 0)
    for figure in block.figures:
        _figure(pdf, figure)
    for note in block.chart_notes:
        pdf.lines(note, BODY)
        pdf.set_y(pdf.get_y() + PARAGRAPH_GAP)
    for paragraph in block.paragraphs:
        pdf.lines(paragraph, BODY)
        pdf.set_y(pdf.get_y() + PARAGRAPH_GAP)
    for bullet in block.bullets:
        _bullet(pdf, bullet)
    if block.bullets:
        pdf.set_y(pdf.get_y() + PARAGRAPH_GAP)
    for table in block.tables:
        _table(pdf, table)
        pdf.set_y(pdf.get_y() + PARAGRAPH_GAP + 1)
    for whose, text in block.notes:
        _note(pdf, whose, text, partner_of)
    pdf.set_y(pdf.get_y() + 3)


def _heading(pdf: _SummaryPDF, title: str, *, keep: float = 0.0) -> None:
    """A section's heading, kept with at least two lines of what follows it, or with the
    ``keep`` mm that follow it (a chart)."""
    measure = pdf.use(HEADING)
    lines = wrap_lines(clean_text(title), BODY_WIDTH, measure) or [""]
    pdf.room_for(2 + len(lines) * HEADING.leading + 4.5 + max(2 * BODY.leading, keep))
    pdf.set_y(pdf.get_y() + 2)
    # IPAex Gothic has one weight: a hairline stroke around the letters makes headings bolder.
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=0.18, draw_color=INK):
        pdf.use(HEADING)
        for line in lines:
            pdf.line_at(MARGIN, BODY_WIDTH, HEADING, line, "L")
    with pdf.local_context(draw_color=GRID_COLOUR, line_width=0.3):
        pdf.line(MARGIN, pdf.get_y() + 0.5, PAGE_WIDTH - MARGIN, pdf.get_y() + 0.5)
    pdf.set_y(pdf.get_y() + 2.5)


def _bullet(pdf: _SummaryPDF, text: str) -> None:
    measure = pdf.use(BODY)
    lines = wrap_lines(clean_text(text), BODY_WIDTH - BULLET_INDENT, measure) or [""]
    for number, line in enumerate(lines):
        pdf.room_for(BODY.leading)
        if number == 0:
            with pdf.local_context(fill_color=MUTED_LINE):
                pdf.circle(MARGIN + 1.6, pdf.get_y() + BODY.leading / 2, 0.7, style="F")
        pdf.line_at(MARGIN + BULLET_INDENT, BODY_WIDTH - BULLET_INDENT, BODY, line, "L")
    pdf.set_y(pdf.get_y() + 0.8)


def _note(pdf: _SummaryPDF, whose: str, text: str, partner_of: dict[str, PartnerId]) -> None:
    """A partner's own words in a light box, under a label saying whose they are.

    The box's edge takes the partner's colour when the label is one of the partners' names.
    """
    label = " ".join(clean_text(whose).split())
    pid = partner_of.get(label)
    accent = PARTNER_COLOURS[pid] if pid else MUTED_LINE
    inner_x = MARGIN + NOTE_BAR + NOTE_PADDING
    inner_width = BODY_WIDTH - NOTE_BAR - 2 * NOTE_PADDING
    rows: list[tuple[TextStyle, str]] = [
        (LABEL, line) for line in wrap_lines(label, inner_width, pdf.measure(LABEL))
    ]
    rows += [(BODY, line) for line in wrap_lines(clean_text(text), inner_width, pdf.measure(BODY))]
    if not rows:
        return
    # Start on a new page unless the label and two lines fit.
    pdf.room_for(NOTE_PADDING * 2 + sum(style.leading for style, _ in rows[:3]))
    while rows:
        # The rows that fit on this page: their box is drawn first, the text on top of it.
        top = pdf.get_y()
        room = pdf.page_break_trigger - top - 2 * NOTE_PADDING
        fit, height = 0, 0.0
        while fit < len(rows) and height + rows[fit][0].leading <= room:
            height += rows[fit][0].leading
            fit += 1
        if fit == 0:
            pdf.add_page()
            continue
        with pdf.local_context(fill_color=NOTE_FILL):
            pdf.rect(MARGIN, top, BODY_WIDTH, height + 2 * NOTE_PADDING, style="F")
        with pdf.local_context(fill_color=accent):
            pdf.rect(MARGIN, top, NOTE_BAR, height + 2 * NOTE_PADDING, style="F")
        pdf.set_y(top + NOTE_PADDING)
        for style, line in rows[:fit]:
            pdf.use(style)
            pdf.line_at(inner_x, inner_width, style, line, "L")
        rows = rows[fit:]
        pdf.set_y(pdf.get_y() + NOTE_PADDING)
        if rows:
            pdf.add_page()
    pdf.set_y(pdf.get_y() + 2.5)


# --- tables ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"[-+\u2212]?\d+(?:[.,]\d+)?%?")
MIN_COLUMN = 14.0


def _table(pdf: _SummaryPDF, table: Table) -> None:
    """A table across the body width: columns sized by their content, long cells wrapped,
    numbers right-aligned, the header repeated on each page the table continues on."""
    count = max([len(table.columns), *(len(row) for row in table.rows)])
    if count == 0:
        return
    header = _padded([clean_text(c) for c in table.columns], count)
    rows = [_padded([clean_text(c) for c in row], count) for row in table.rows]
    measure = pdf.measure(CELL)
    numeric = [
        bool(rows) and all(_NUMBER.fullmatch(row[j].strip()) or not row[j].strip() for row in rows)
        for j in range(count)
    ]
    widths = column_widths([header, *rows], BODY_WIDTH, measure, stretch=[not n for n in numeric])
    aligns: list[Align] = ["C" if n else "L" for n in numeric]
    header_lines = _cell_lines(header, widths, measure)
    has_header = any(c.strip() for c in header)

    def draw_header() -> None:
        if has_header:
            _table_row(pdf, header_lines, widths, aligns, header=True)

    pdf.room_for(_row_height(header_lines if has_header else []) + CELL.leading * 2 + 4)
    draw_header()
    for row in rows:
        lines = _cell_lines(row, widths, measure)
        while lines:
            room = pdf.page_break_trigger - pdf.get_y() - 2 * CELL_PADDING
            fit = int(room // CELL.leading)
            height = max(len(cell) for cell in lines)
            if fit < min(height, 2):
                pdf.add_page()
                draw_header()
                continue
            chunk = [cell[:fit] for cell in lines]
            lines = [cell[fit:] for cell in lines]
            if not any(lines):
                lines = []
            _table_row(pdf, chunk, widths, aligns, header=False)


def _padded(cells: list[str], count: int) -> list[str]:
    return cells + [""] * (count - len(cells))


def column_widths(
    rows: Sequence[Sequence[str]],
    total: float,
    measure: Measure,
    *,
    stretch: Sequence[bool] | None = None,
) -> list[float]:
    """Column widths that add up to ``total``, from the content (``rows[0]`` is the header).

    Like a browser's automatic table layout, in steps: every cell on one line if that fits (the
    space left goes to the ``stretch`` columns: text, not numbers); else the body on one line and
    the headers wrapped at words; else no word cut; else every column scaled down alike.
    """
    count = len(rows[0])
    stretch = list(stretch) if stretch is not None and any(stretch) else [True] * count
    pad = 2 * CELL_PADDING

    def one_line(cell: str) -> float:
        return max((measure(line) for line in cell.split("\n")), default=0.0)

    header, body = rows[0], rows[1:]
    columns = list(zip(*body, strict=True)) if body else [()] * count
    least = [
        max([widest_unit(cell, measure) for cell in (header[j], *columns[j])]) + pad
        for j in range(count)
    ]
    least = [max(width, MIN_COLUMN) for width in least]
    body_max = [
        max(least[j], max([one_line(cell) for cell in columns[j]], default=0.0) + pad)
        for j in range(count)
    ]
    full = [max(body_max[j], one_line(header[j]) + pad) for j in range(count)]
    if sum(full) <= total:
        spare = total - sum(full)
        weight = sum(w for w, s in zip(full, stretch, strict=True) if s)
        return [w + spare * w / weight if s else w for w, s in zip(full, stretch, strict=True)]
    for low, high in ((body_max, full), (least, body_max)):
        if sum(low) <= total:
            gap = sum(high) - sum(low)
            spare = total - sum(low)
            return [lo + spare * (hi - lo) / gap for lo, hi in zip(low, high, strict=True)]
    return [width * total / sum(least) for width in least]


def _cell_lines(cells: list[str], widths: list[float], measure: Measure) -> list[list[str]]:
    return [
        wrap_lines(cell, width - 2 * CELL_PADDING, measure) or [""]
        for cell, width in zip(cells, widths, strict=True)
    ]


def _row_height(lines: list[list[str]]) -> float:
    return max((len(cell) for cell in lines), default=0) * CELL.leading + 2 * CELL_PADDING


def _table_row(
    pdf: _SummaryPDF,
    lines: list[list[str]],
    widths: list[float],
    aligns: list[Align],
    *,
    header: bool,
) -> None:
    height = _row_height(lines)
    top = pdf.get_y()
    if header:
        with pdf.local_context(fill_color=HEADER_FILL):
            pdf.rect(MARGIN, top, BODY_WIDTH, height, style="F")
    style = TextStyle(CELL.size, CELL.leading, SOFT_INK if header else INK)
    pdf.use(style)
    x = MARGIN
    for cell, width, align in zip(lines, widths, aligns, strict=True):
        pdf.set_y(top + CELL_PADDING)
        for line in cell:
            pdf.line_at(x + CELL_PADDING, width - 2 * CELL_PADDING, style, line, align)
        x += width
    with pdf.local_context(draw_color=GRID_COLOUR, line_width=0.25):
        pdf.line(MARGIN, top + height, PAGE_WIDTH - MARGIN, top + height)
    pdf.set_y(top + height)


# --- charts ------------------------------------------------------------------------------------

FIGURE_SCALE = 0.27
"""Millimetres per unit of a chart's canvas (``drawing.Figure``): a 440-unit chart is about
12 cm wide, its 12-unit labels 9 pt."""
FIGURE_TITLE = TextStyle(10, 5.4)


def _figure_scale(figure: Figure) -> float:
    return min(FIGURE_SCALE, BODY_WIDTH / max(figure.width, 1.0))


def _figure_height(pdf: _SummaryPDF, figure: Figure) -> float:
    """The height in mm of a chart with its title and caption (kept on one page)."""
    caption = wrap_lines(clean_text(figure.caption), BODY_WIDTH, pdf.measure(SMALL))
    title = wrap_lines(clean_text(figure.title), BODY_WIDTH, pdf.measure(FIGURE_TITLE))
    drawing = figure.height * _figure_scale(figure)
    return len(title) * FIGURE_TITLE.leading + 2 + drawing + 2 + len(caption) * SMALL.leading + 3


def _figure(pdf: _SummaryPDF, figure: Figure) -> None:
    """A chart of the summary (``export.figures``), centred, with its title above it and its
    caption below, kept on one page. The same items as the HTML page's SVG, scaled to mm."""
    scale = _figure_scale(figure)
    width, height = figure.width * scale, figure.height * scale
    caption = wrap_lines(clean_text(figure.caption), BODY_WIDTH, pdf.measure(SMALL))
    title = wrap_lines(clean_text(figure.title), BODY_WIDTH, pdf.measure(FIGURE_TITLE))
    pdf.room_for(_figure_height(pdf, figure))
    with pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=0.12, draw_color=INK):
        pdf.use(FIGURE_TITLE)
        for line in title:
            pdf.line_at(MARGIN, BODY_WIDTH, FIGURE_TITLE, line, "L")
    top = pdf.get_y() + 2
    left = (PAGE_WIDTH - width) / 2
    for item in figure.items:
        _item(pdf, item, left, top, scale)
    pdf.set_y(top + height + 2)
    pdf.use(SMALL)
    for line in caption:
        pdf.line_at(MARGIN, BODY_WIDTH, SMALL, line, "L")
    pdf.set_y(pdf.get_y() + 3)


def _item(pdf: _SummaryPDF, item: Item, left: float, top: float, scale: float) -> None:
    """One drawing item at ``left``/``top`` (mm), its units times ``scale``."""

    def at(x: float, y: float) -> tuple[float, float]:
        return left + x * scale, top + y * scale

    if isinstance(item, Text):
        size = item.size * scale / PT
        style = TextStyle(size, 0.0, item.colour)
        measure = pdf.use(style)
        text = clean_text(one_line(item.text))
        x, y = at(*item.at)
        width = measure(text)
        x -= {"start": 0.0, "middle": width / 2, "end": width}[item.anchor]
        # ``put`` centres a line box on its baseline: a box of no height at 0.3 em above it.
        pdf.put(x, y - 0.3 * pdf.font_size, 0.0, text)
    elif isinstance(item, Line | Polyline):
        dash, gap = DASHES.get(item.dash, (0.0, 0.0))
        with pdf.local_context(draw_color=item.colour, line_width=item.width * scale):
            pdf.set_dash_pattern(dash, gap)
            if isinstance(item, Line):
                pdf.line(*at(*item.start), *at(*item.end))
            else:
                pdf.polyline([at(x, y) for x, y in item.points], style="D")
            pdf.set_dash_pattern()
    elif isinstance(item, Box):
        x, y = at(item.x, item.y)
        w, h = item.w * scale, item.h * scale
        if item.fill:
            with pdf.local_context(fill_color=item.fill, fill_opacity=item.fill_opacity):
                pdf.rect(x, y, w, h, style="F")
        if item.stroke:
            with pdf.local_context(draw_color=item.stroke, line_width=item.width * scale):
                pdf.rect(x, y, w, h, style="D")
    elif isinstance(item, Marker):
        with pdf.local_context(fill_color=item.colour, draw_color="#FFFFFF", line_width=0.25):
            _marker(pdf, item.shape, *at(*item.at), item.size * scale)
