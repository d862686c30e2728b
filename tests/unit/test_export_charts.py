"""The charts the PDF and HTML summaries describe are drawn in them (issue 16, item 9).

Each chart a section's text refers to (the style map, the difference map, showing and noticing,
connection over time) is one ``drawing.Figure``: the HTML page draws it as an inline ``<svg>``
image named by its title, the PDF as vector graphics with the same texts. A chart is drawn only
from answers: with nothing answered to draw it is absent and a short line says what will appear;
a value not answered is never drawn. No heading is repeated by the line under it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader

from emotions.exercises import channels, meta_emotion, styles
from emotions.export import pdf
from emotions.export.document import Block, Summary
from emotions.export.drawing import Box, Figure, Item, Marker, Polyline, Text, one_line
from emotions.export.html import to_html
from emotions.export.markdown import escape_markdown, to_markdown
from emotions.export.summary import build_summary
from emotions.export.svg import figure_svg
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import CHANNELS, PARTNER_IDS, CheckIn, Language, Workbook
from emotions.palette import PARTNER_COLOURS, PARTNER_MARKER
from emotions.samples import SAMPLE_IDS, load_sample
from emotions.sections import SECTIONS, section_title
from tests.couples import full_workbook
from tests.unit.test_export_text import Page, check_html_fetches_nothing
from tests.xss import SHORT_PAYLOADS, html_injections

KINDS = {
    "emotional-styles": "style-map",
    "meta-emotion": "difference-map",
    "expression": "channels",
    "rebuilding": "trend",
}
"""The sections whose summary text refers to a chart, and the chart each draws."""
SVG = "{http://www.w3.org/2000/svg}"


def section_block(summary: Summary, section: str) -> Block | None:
    title = section_title(section, summary.lang)  # type: ignore[arg-type]
    return next((b for b in summary.blocks if b.title == title), None)


def squeezed(text: str) -> str:
    return "".join(text.split())


def pdf_text(summary: Summary) -> str:
    reader = PdfReader(io.BytesIO(pdf.to_pdf(summary)))
    return squeezed("".join(page.extract_text() for page in reader.pages))


def chart_svgs(html: str) -> dict[str, dict[str, str | None]]:
    """Each chart's ``<svg>`` attributes in the page, by chart kind (the radar is not one)."""
    found: dict[str, dict[str, str | None]] = {}
    for tag, attrs in Page(html).tags:
        classes = (attrs.get("class") or "").split()
        if tag == "svg" and "chart" in classes:
            kind = next(c for c in classes if c != "chart")
            found[kind] = attrs
    return found


def markers(figure: Figure) -> list[Marker]:
    return [item for item in figure.items if isinstance(item, Marker)]


def empty_couple() -> Workbook:
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = "Aiko", "Brendan"
    return wb


# --- every sample, both languages: each chart in the PDF and the HTML -------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample", SAMPLE_IDS)
def test_every_chart_a_section_describes_is_in_the_pdf_and_the_html(
    sample: str, lang: Language
) -> None:
    summary = build_summary(load_sample(sample, lang), lang)
    drawn = {
        section: [f.kind for f in block.figures]
        for section in KINDS
        if (block := section_block(summary, section)) is not None
    }
    # The samples answer every exercise: each section draws its chart, once.
    assert drawn == {section: [kind] for section, kind in KINDS.items()}
    html = to_html(summary)
    check_html_fetches_nothing(html)
    svgs = chart_svgs(html)
    text = pdf_text(summary)
    for block in summary.blocks:
        for figure in block.figures:
            attrs = svgs[figure.kind]
            assert attrs["role"] == "img" and attrs["aria-label"] == figure.title
            assert squeezed(figure.title) in text and squeezed(figure.caption) in text
            # Every text of the drawing (scale, labels, names, legend) is in the PDF's text.
            for label in figure.texts():
                assert squeezed(pdf.clean_text(one_line(label))) in text, (figure.kind, label)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_pdf_draws_each_chart_in_vector_graphics_in_the_partner_colours(
    lang: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the PDF draws of each chart, item by item, and the colours its pages paint with."""
    drawn: dict[str, list[str]] = {}
    figure_of_pdf, item_of_pdf = pdf._figure, pdf._item
    current: list[str] = []

    def spy_figure(pdf_: pdf._SummaryPDF, figure: Figure) -> None:
        current[:] = [figure.kind]
        drawn[figure.kind] = []
        figure_of_pdf(pdf_, figure)

    def spy_item(pdf_: pdf._SummaryPDF, item: Item, *args: float) -> None:
        drawn[current[0]].append(type(item).__name__)
        item_of_pdf(pdf_, item, *args)

    monkeypatch.setattr(pdf, "_figure", spy_figure)
    monkeypatch.setattr(pdf, "_item", spy_item)
    data = pdf.to_pdf(build_summary(full_workbook(), lang))
    assert set(drawn) == set(KINDS.values())
    assert all(drawn[kind].count("Text") for kind in drawn)
    assert "Marker" in drawn["style-map"] and "Marker" in drawn["trend"]
    assert "Polyline" in drawn["trend"] and "Box" in drawn["channels"]
    # The partners' colours are painted: as fills and strokes in the content streams.
    streams = "".join(
        page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        for page in PdfReader(io.BytesIO(data)).pages
    )
    painted = {
        tuple(round(float(v), 2) for v in m.groups())
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", streams)
    }
    for pid in PARTNER_IDS:
        colour = PARTNER_COLOURS[pid]
        assert tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5)) in painted


# --- absent, with a short line, when nothing is answered ---------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_no_answers_no_charts_and_no_sentence_about_a_chart(lang: Language) -> None:
    wb = empty_couple()
    for section in KINDS:
        wb.partners["a"].reflections[section] = "A note of mine."  # type: ignore[index]
    summary = build_summary(wb, lang)
    assert [f for b in summary.blocks for f in b.figures] == []
    assert chart_svgs(to_html(summary)) == {}
    text = "".join(p for b in summary.blocks for p in [*b.paragraphs, *b.bullets])
    assert styles.map_caption(lang) not in text


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_style_map_places_only_a_partner_who_answered_both_of_its_needs(
    lang: Language,
) -> None:
    wb = empty_couple()
    wb.partners["a"].ratings[styles.X_DIMENSION].need = 2
    wb.partners["a"].ratings[styles.Y_DIMENSION].need = 8
    wb.partners["b"].ratings[styles.X_DIMENSION].need = 9  # only one of the two
    summary = build_summary(wb, lang)
    block = section_block(summary, "emotional-styles")
    assert block is not None and [f.kind for f in block.figures] == ["style-map"]
    figure = block.figures[0]
    assert [(m.shape, m.colour) for m in markers(figure)] == [
        (PARTNER_MARKER["a"], PARTNER_COLOURS["a"])
    ]
    assert "Aiko" in figure.texts() and "Brendan" not in figure.texts()
    # B's place is said in words instead, under the map: not on it yet, and why.
    assert block.chart_notes == [
        t(
            "compare_a.styles_unplaced",
            lang,
            name="Brendan",
            x=t(f"dim.{styles.X_DIMENSION}.name", lang),
            y=t(f"dim.{styles.Y_DIMENSION}.name", lang),
        )
    ]
    assert block.chart_notes[0] in Page(to_html(summary)).text
    assert escape_markdown(block.chart_notes[0]) not in to_markdown(summary)  # no map there
    assert figure.caption == styles.map_caption(lang)
    # A at processing 2 (left of the middle), pace 8 (above it).
    middle_x = next(i for i in figure.items if isinstance(i, Text) and i.text == "5").at[0]
    marker = markers(figure)[0]
    assert marker.at[0] < middle_x


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_difference_map_waits_for_a_cell_both_answered(lang: Language) -> None:
    wb = empty_couple()
    meta_emotion.set_agreement(wb.partners["a"], "anger", "dangerous", 5)
    meta_emotion.set_agreement(wb.partners["b"], "joy", "valuable", 4)
    summary = build_summary(wb, lang)
    block = section_block(summary, "meta-emotion")
    assert block is not None and block.figures == []
    assert block.paragraphs == [t("export_charts.meta_not_yet", lang)]
    assert t("meta.not_yet", lang) not in to_html(summary)  # "this map shows..."
    assert "difference-map" not in chart_svgs(to_html(summary))

    meta_emotion.set_agreement(wb.partners["b"], "anger", "dangerous", 2)
    summary = build_summary(wb, lang)
    block = section_block(summary, "meta-emotion")
    assert block is not None and [f.kind for f in block.figures] == ["difference-map"]
    figure = block.figures[0]
    # One number in the grid (the shared cell, 3 apart); the others are blank.
    cell_numbers = [i for i in figure.items if isinstance(i, Text) and i.size == 14.0]
    assert [i.text for i in cell_numbers] == ["3"]
    assert "difference-map" in chart_svgs(to_html(summary))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_channels_chart_has_a_bar_only_for_a_rating_given(lang: Language) -> None:
    wb = empty_couple()
    assert section_block(build_summary(wb, lang), "expression") is None
    channels.set_rating(wb.partners["a"], CHANNELS[0], "show", 7)
    summary = build_summary(wb, lang)
    block = section_block(summary, "expression")
    assert block is not None and [f.kind for f in block.figures] == ["channels"]
    figure = block.figures[0]
    bars = [i for i in figure.items if isinstance(i, Box) and i.fill]
    # One bar in the plot and one legend swatch: A's "shows"; nothing for anything open.
    assert [b.fill for b in bars] == [PARTNER_COLOURS["a"]] * 2
    assert t("channels.series_show", lang, name="Aiko") in figure.texts()
    for pid, kind in (("a", "notice"), ("b", "show"), ("b", "notice")):
        name = "Aiko" if pid == "a" else "Brendan"
        assert t(f"channels.series_{kind}", lang, name=name) not in figure.texts()
    assert "7" in figure.texts()


def _checkin(day: int, **scores: int) -> CheckIn:
    return CheckIn(
        date=dt.date(2026, 3, day),
        connection=dict(scores),  # type: ignore[arg-type]
        reliability="",
        adjustment="",
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_trend_is_drawn_from_the_second_check_in_and_only_from_scores(
    lang: Language,
) -> None:
    wb = empty_couple()
    wb.checkins.append(_checkin(1, a=5, b=6))
    block = section_block(build_summary(wb, lang), "rebuilding")
    assert block is not None and block.figures == []
    assert block.chart_notes == [t("export_charts.trend_not_yet", lang)]
    assert squeezed(block.chart_notes[0]) in pdf_text(build_summary(wb, lang))
    assert escape_markdown(block.chart_notes[0]) not in to_markdown(build_summary(wb, lang))

    wb.checkins += [_checkin(8, a=6), _checkin(15, a=7)]  # B gave no score these two times
    summary = build_summary(wb, lang)
    block = section_block(summary, "rebuilding")
    assert block is not None and [f.kind for f in block.figures] == ["trend"]
    figure = block.figures[0]
    assert block.chart_notes == []
    by_colour = {
        pid: [m for m in markers(figure) if m.colour == PARTNER_COLOURS[pid]] for pid in ("a", "b")
    }
    assert len(by_colour["a"]) == 3 + 1  # three check-ins and the legend's sample
    assert len(by_colour["b"]) == 1 + 1  # one score: a point, no line
    lines = [i for i in figure.items if isinstance(i, Polyline)]
    assert [(line.colour, len(line.points)) for line in lines] == [(PARTNER_COLOURS["a"], 3)]
    assert "trend" in chart_svgs(to_html(summary))


# --- hostile names stay text in every chart --------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_hostile_names_in_a_chart_stay_text(lang: Language) -> None:
    wb = full_workbook()
    wb.partners["a"].name = SHORT_PAYLOADS[0].text
    wb.partners["b"].name = SHORT_PAYLOADS[1].text
    summary = build_summary(wb, lang)
    charts = [f for b in summary.blocks for f in b.figures]
    assert {f.kind for f in charts} == set(KINDS.values())
    for figure in charts:
        svg = figure_svg(figure, lang)
        root = ET.fromstring(svg)  # well-formed: no name broke the markup open
        assert html_injections(svg) == []
        drawn = [e.text or "" for e in root.iter(f"{SVG}text")]
        assert drawn == [one_line(text) for text in figure.texts()]


# --- no heading repeated by the line under it ---------------------------------------------------


def _first_line(block: Block) -> str | None:
    lines = [*block.paragraphs, *block.bullets]
    return lines[0] if lines else None


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample", SAMPLE_IDS)
def test_no_heading_is_repeated_by_its_first_line(sample: str, lang: Language) -> None:
    summary = build_summary(load_sample(sample, lang), lang)
    assert len(summary.blocks) > len(SECTIONS) // 2
    for block in summary.blocks:
        first = _first_line(block)
        if first is None or not block.title:
            continue
        assert block.title.strip() not in first, block.title
    for figure in (f for b in summary.blocks for f in b.figures):
        assert figure.title not in figure.caption


def test_figures_texts_are_one_line_each() -> None:
    """No text item's count depends on what a name says: long names are shortened, not wrapped."""
    for lang in LANGUAGE_CODES:
        wb = full_workbook()
        wb.partners["a"].name = "W" * 20 + "\n" + "W" * 19
        wb.partners["b"].name = "名" * 40
        short = full_workbook()
        long_summary = build_summary(wb, lang)
        short_summary = build_summary(short, lang)
        for long_block, short_block in zip(long_summary.blocks, short_summary.blocks, strict=True):
            for a, b in zip(long_block.figures, short_block.figures, strict=True):
                assert len(a.items) == len(b.items)
                assert all("\n" not in text for text in a.texts())
