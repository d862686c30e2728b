"""The summary document every human-readable export renders.

``build_summary`` (in ``summary.py``) turns a workbook into this structure once, in one language;
Markdown, HTML and PDF only lay it out. Texts here are plain and unescaped: names and notes are
exactly as the user typed them, and each renderer escapes them for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from emotions.dimensions import DimensionId
from emotions.export.drawing import Figure
from emotions.model import PARTNER_IDS, Language, PartnerId


@dataclass(frozen=True)
class Table:
    """A small table: header cells and rows of cells, all plain text."""

    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Block:
    """One part of the summary, usually one section of the workbook."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    """Free text by the partners: (whose, text)."""
    figures: list[Figure] = field(default_factory=list)
    """The charts the block's text refers to (``export.figures``), drawn after its heading;
    only ever built from answers. Markdown has no drawings and leaves them out."""
    chart_notes: list[str] = field(default_factory=list)
    """Lines about the charts, said after them: what one will show while there is nothing
    answered to draw, or who is not on one yet. Markdown, with no charts, leaves them out."""


@dataclass(frozen=True)
class RadarData:
    """What the radar draws: the axis labels and each partner's needs, in registry order."""

    axes: list[str]
    dimensions: list[DimensionId]
    needs: dict[PartnerId, list[int | None]]
    """None where not answered: never drawn (``emotions.radar``: ``RadarGeometry.shape``)."""
    names: dict[PartnerId, str]
    open_legend: dict[PartnerId, str] = field(default_factory=dict)
    """The legend's line for a partner who has answered no need yet, and so has no shape
    ("Partner B has not answered any need yet ...")."""
    partial_note: str = ""
    """Said under the radar when a partner's shape leaves some needs open (``partial``)."""

    def shaped(self) -> list[PartnerId]:
        """The partners with a shape on the radar (at least one need answered), A first."""
        return [
            pid
            for pid in PARTNER_IDS
            if pid in self.needs and any(v is not None for v in self.needs[pid])
        ]

    def partial(self) -> list[PartnerId]:
        """The partners with a shape who left some needs open: drawn only where answered."""
        return [pid for pid in self.shaped() if None in self.needs[pid]]

    def unshaped(self) -> list[PartnerId]:
        """The partners of the workbook with no need answered: a legend line, no shape."""
        return [pid for pid in PARTNER_IDS if pid in self.needs and pid not in self.shaped()]


@dataclass(frozen=True)
class Summary:
    """A whole workbook summarised in one language, ready for any layout."""

    lang: Language
    title: str
    subtitle: str
    notice: str
    """Not therapy, not a validated test."""
    rule_of_thumb: str
    """The bands are a rule of thumb, not a measurement."""
    radar: RadarData
    blocks: list[Block]
    sample: bool = False
    """True when the workbook is one of the made-up sample couples."""
