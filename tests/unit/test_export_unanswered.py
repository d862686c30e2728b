"""Unanswered is not an answer, in the radar and every download: a partner with no need answered
has no shape (plotly, SVG, PDF) and no value row; a partly answered partner is drawn only where
answered; partners are compared only on needs both answered; the summaries list what is still
open, per partner, in every language."""

from __future__ import annotations

import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from emotions import analysis, charts, texts
from emotions.dimensions import DIMENSION_IDS
from emotions.export import pdf
from emotions.export.csv_tables import csv_zip, legend_csv, needs_csv
from emotions.export.html import to_html
from emotions.export.markdown import to_markdown
from emotions.export.summary import build_summary, not_answered, unanswered_lines
from emotions.export.svg import radar_svg
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import RATING_KINDS, Language, Workbook
from emotions.palette import PARTNER_COLOURS, PARTNER_MARKER
from emotions.radar import RadarGeometry
from tests.couples import talker_and_processor
from tests.unit.strategies import workbooks
from tests.unit.test_export_text import Page, csv_rows, md_tables, zip_texts

NAME_A, NAME_B = "Kaito", "Quillon"
A_NEEDS = {DIMENSION_IDS[0]: 2, DIMENSION_IDS[3]: 9, DIMENSION_IDS[5]: 7}
"""Partner A's three answers; nothing else is answered by anyone."""
SVG = "{http://www.w3.org/2000/svg}"
CENTRE = (50.0, 50.0)


def one_partner() -> Workbook:
    """A fresh workbook (both partners held) where only A answered three needs."""
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = NAME_A, NAME_B
    for dim, value in A_NEEDS.items():
        wb.partners["a"].ratings[dim].need = value
    return wb


def both_answered() -> Workbook:
    wb = talker_and_processor()
    wb.partners["a"].name, wb.partners["b"].name = NAME_A, NAME_B
    return wb


# --- the geometry of a partial shape ------------------------------------------------------------


def test_no_answer_is_no_shape_and_every_answer_is_a_closed_one() -> None:
    geometry = RadarGeometry(8)
    assert geometry.shape([None] * 8, CENTRE, 10) is None
    assert geometry.shape([], CENTRE, 10) is None
    full = geometry.shape(list(range(8)), CENTRE, 10)
    assert full is not None and full.closed and len(full.runs) == 1
    assert list(full.runs[0]) == geometry.outline(list(range(8)), CENTRE, 10)
    assert [i for i, _ in full.points] == list(range(8))


def test_a_partial_shape_joins_only_neighbouring_answers() -> None:
    geometry = RadarGeometry(8)
    values: list[int | None] = [1, None, 3, None, 5, 6, None, 8]
    shape = geometry.shape(values, CENTRE, 10)
    assert shape is not None and not shape.closed
    assert [i for i, _ in shape.points] == [0, 2, 4, 5, 7]
    # 4-5 are neighbours, and so are 7 and 0 (round the circle); 2 stands alone: a marker only.
    point = {i: p for i, p in shape.points}
    assert sorted(shape.runs) == sorted([(point[4], point[5]), (point[7], point[0])])
    # Value 0 sits at the centre (an answer); an open need is not drawn there or anywhere.
    zero = geometry.shape([0, None, None], CENTRE, 10)
    assert zero is not None and zero.points == ((0, CENTRE),) and zero.runs == ()


@settings(max_examples=80, deadline=None)
@given(
    st.integers(3, 12).flatmap(
        lambda n: st.lists(st.none() | st.integers(1, 10), min_size=n, max_size=n)
    )
)
def test_any_subset_of_answers_is_drawn_only_where_answered(values: list[int | None]) -> None:
    n = len(values)
    geometry = RadarGeometry(n)
    shape = geometry.shape(values, CENTRE, 40)
    answered = [i for i, v in enumerate(values) if v is not None]
    if not answered:
        assert shape is None
        return
    assert shape is not None
    assert [i for i, _ in shape.points] == answered
    for i, p in shape.points:
        assert math.dist(p, CENTRE) == pytest.approx(40 * values[i] / 10)  # type: ignore[operator]
    assert shape.closed == (len(answered) == n)
    # Values from 1 up: no two axes share a point, so a point tells its axis.
    index_of = {p: i for i, p in shape.points}
    for run in shape.runs:
        assert len(run) >= 2
        steps = [(index_of[q] - index_of[p]) % n for p, q in itertools.pairwise(run)]
        assert set(steps) == {1}, "a line only ever joins neighbouring answered axes"
    if not shape.closed:
        # Every pair of neighbouring answers is joined, once.
        pairs = sum(values[i] is not None and values[(i + 1) % n] is not None for i in range(n))
        assert sum(len(run) - 1 for run in shape.runs) == pairs


# --- one partner: one shape, in every renderer ----------------------------------------------------


def svg_shapes(markup: str) -> dict[str, ET.Element]:
    root = ET.fromstring(markup)
    return {
        g.get("class", "").split()[-1]: g
        for g in root.iter(f"{SVG}g")
        if "partner" in g.get("class", "").split()
    }


def svg_markers(group: ET.Element) -> list[ET.Element]:
    return [
        e
        for e in group
        if e.tag in (f"{SVG}circle", f"{SVG}polygon") and e.get("stroke") == "#FFFFFF"
    ]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_one_partner_radar_has_one_shape_of_three_points_in_plotly(lang: Language) -> None:
    wb = one_partner()
    figure = charts.radar_figure(wb, lang)
    (trace,) = figure["data"]
    assert trace["name"] == NAME_A
    values = trace["r"][:-1]
    assert [v for v in values if v is not None] == list(A_NEEDS.values())
    assert values == [A_NEEDS.get(dim) for dim in DIMENSION_IDS]
    assert NAME_B not in str(figure["data"])
    assert charts.radar_notes(wb, lang) == [
        t("export_answers.radar_not_answered", lang, name=NAME_B),
        t("export_answers.radar_partial", lang),
    ]
    both = charts.radar_figure(both_answered(), lang)
    assert [trace["name"] for trace in both["data"]] == [NAME_A, NAME_B]
    assert not charts.radar_notes(both_answered(), lang)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_one_partner_radar_has_one_shape_of_three_points_in_the_svg(lang: Language) -> None:
    summary = build_summary(one_partner(), lang)
    markup = radar_svg(summary.radar, lang)
    shapes = svg_shapes(markup)
    assert list(shapes) == ["partner-a"]
    figure = Page(to_html(summary))
    assert any(t("export_answers.radar_partial", lang) in text for text in figure.text)
    assert len(svg_markers(shapes["partner-a"])) == len(A_NEEDS)
    # Not a filled area: only some needs are answered.
    assert not [e for e in shapes["partner-a"].iter() if e.get("fill-opacity")]
    assert PARTNER_COLOURS["b"] not in markup  # nothing of B is drawn, not even a legend line
    (note,) = [
        e for e in ET.fromstring(markup).iter(f"{SVG}text") if e.get("class") == "not-answered"
    ]
    lines = [span.text or "" for span in note]
    separator = spec(lang).word_separator
    assert separator.join(lines) == t("export_answers.radar_not_answered", lang, name=NAME_B)

    two = svg_shapes(radar_svg(build_summary(both_answered(), lang).radar, lang))
    assert list(two) == ["partner-a", "partner-b"]
    for group in two.values():
        assert len(svg_markers(group)) == len(DIMENSION_IDS)
        assert [e for e in group if e.get("fill-opacity")], "every need answered: a filled area"


def pdf_drawing(monkeypatch: pytest.MonkeyPatch, wb: Workbook, lang: Language) -> dict[str, Any]:
    """What the PDF's radar draws: the filled areas (by colour), the partners' markers (by
    shape and colour), and the first page's content stream and text. Only what is drawn while
    the radar is (the sections' charts have markers too)."""
    drawn: dict[str, Any] = {"filled": [], "markers": []}
    polygon, circle = pdf._SummaryPDF.polygon, pdf._SummaryPDF.circle
    radar = pdf._radar
    in_radar = [False]

    def spy_radar(*args: Any) -> None:
        in_radar[0] = True
        try:
            radar(*args)
        finally:
            in_radar[0] = False

    def spy_polygon(self: pdf._SummaryPDF, points: Any, *args: Any, style: Any = None) -> None:
        if in_radar[0] and style == "F" and len(points) >= 3 and self.fill_color is not None:
            drawn["filled"].append(rounded(self.fill_color.serialize()))
        polygon(self, points, *args, style=style)

    def spy_marker(pdf_: pdf._SummaryPDF, shape: str, x: float, y: float, size: float) -> None:
        if in_radar[0]:
            drawn["markers"].append((shape, rounded(pdf_.fill_color.serialize())))
        if shape == "diamond":
            polygon(pdf_, [(x, y - size), (x + size, y), (x, y + size)], style="DF")
        else:
            circle(pdf_, x, y, size, style="DF")

    monkeypatch.setattr(pdf._SummaryPDF, "polygon", spy_polygon)
    monkeypatch.setattr(pdf, "_marker", spy_marker)
    monkeypatch.setattr(pdf, "_radar", spy_radar)
    data = pdf.to_pdf(build_summary(wb, lang))
    reader = PdfReader(io.BytesIO(data))
    content = reader.pages[0].get_contents()
    assert content is not None
    drawn["stream"] = content.get_data().decode("latin-1")
    drawn["text"] = "".join(page.extract_text() for page in reader.pages)
    return drawn


Colour = tuple[float, ...]


def rounded(operands: str) -> Colour:
    """A PDF colour ("0 0.4471 0.698 rg") as three numbers rounded to two places."""
    return tuple(round(float(v), 2) for v in operands.split()[:3])


def rgb(colour: str) -> Colour:
    """A palette colour ("#0072B2") as ``rounded`` gives it."""
    return tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))


def stream_colours(stream: str) -> set[Colour]:
    """Every colour the content stream strokes or fills with."""
    return {rounded(m.group(0)) for m in re.finditer(r"[\d.]+ [\d.]+ [\d.]+ (?:rg|RG)\b", stream)}


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_one_partner_radar_has_one_shape_of_three_points_in_the_pdf(
    lang: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = pdf_drawing(monkeypatch, one_partner(), lang)
    a_colour, b_colour = rgb(PARTNER_COLOURS["a"]), rgb(PARTNER_COLOURS["b"])
    # Three markers of A (its shape, its colour) and A's legend sample; none of B; no filled
    # area (A answered only some needs).
    assert alone["markers"] == [(PARTNER_MARKER["a"], a_colour)] * (len(A_NEEDS) + 1)
    assert alone["filled"] == []
    assert a_colour in stream_colours(alone["stream"])
    assert b_colour not in stream_colours(alone["stream"])
    squeezed = "".join(alone["text"].split())
    note = t("export_answers.radar_not_answered", lang, name=NAME_B)
    assert "".join(note.split()) in squeezed
    partial = "".join(t("export_answers.radar_partial", lang).split())
    assert partial in squeezed

    both = pdf_drawing(monkeypatch, both_answered(), lang)
    assert sorted(both["filled"]) == sorted([a_colour, b_colour])
    assert partial not in "".join(both["text"].split())
    assert both["markers"].count((PARTNER_MARKER["b"], b_colour)) == len(DIMENSION_IDS) + 1


# --- one partner: every download ------------------------------------------------------------------


def tables_of(lang: Language, wb: Workbook) -> dict[str, list[list[list[str]]]]:
    summary = build_summary(wb, lang)
    return {
        "summary": [
            [table.columns, *table.rows] for block in summary.blocks for table in block.tables
        ],
        "markdown": md_tables(to_markdown(summary)),
        "html": Page(to_html(summary)).tables,
    }


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_one_partner_exports_have_no_row_or_value_of_the_other(lang: Language) -> None:
    wb = one_partner()
    medium, five = t("importance.medium", lang), "5"
    for fmt, tables in tables_of(lang, wb).items():
        assert tables, fmt
        cells = [cell for table in tables for row in table for cell in row]
        assert not [c for c in cells if NAME_B in c], fmt
        assert medium not in cells and five not in cells, fmt
        assert t("needs.table_difference", lang) not in cells, fmt
        (profile,) = [table for table in tables if table[0][0] == t("needs.table_dimension", lang)]
        header, *rows = profile
        assert header == [
            t("needs.table_dimension", lang),
            t("export.col_need", lang, name=NAME_A),
        ], fmt
        assert rows == [
            [t(f"dim.{dim}.name", lang), str(value)] for dim, value in A_NEEDS.items()
        ], fmt
    rows = csv_rows(needs_csv(wb, lang))
    assert [row[0] for row in rows[1:]] == ["a"] * len(A_NEEDS)
    assert [(row[2], row[4]) for row in rows[1:]] == [(d, str(v)) for d, v in A_NEEDS.items()]
    assert all(row[5:] == [""] * 5 for row in rows[1:]), "not answered, not compared: empty"
    assert NAME_B not in "".join(zip_texts(csv_zip(wb, lang)).values())


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_summary_lists_what_is_still_open_per_partner(lang: Language) -> None:
    wb = one_partner()
    names = texts.plain_names(wb, lang)
    lines = unanswered_lines(wb, names, lang)
    heading = t("export_answers.open_heading", lang)
    summary = build_summary(wb, lang)
    (block,) = [b for b in summary.blocks if b.title == heading]
    assert block.bullets == lines
    # A: five needs open, and every other question; B: everything, one short line per kind.
    open_needs = [d for d in DIMENSION_IDS if d not in A_NEEDS]
    assert analysis.unanswered(wb, "a")["need"] == open_needs
    assert len(lines) == 2 * len(RATING_KINDS)
    question = t("export_answers.question_need", lang)
    assert all(t(f"dim.{d}.name", lang) in lines[0] for d in open_needs)
    assert not any(t(f"dim.{d}.name", lang) in lines[0] for d in A_NEEDS)
    assert question in lines[0] and NAME_A in lines[0]
    assert lines[len(RATING_KINDS)] == t(
        "export_answers.open_all", lang, name=NAME_B, question=question
    )
    page = Page(to_html(summary))
    html_text = "".join(page.text)
    markdown = to_markdown(summary)
    pdf_text = "".join(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.to_pdf(summary))).pages).split()
    )
    for line in [heading, *lines]:
        assert line in html_text
        assert "".join(line.split()) in pdf_text
    assert f"## {heading}" in markdown
    assert markdown.count("\n- ") >= len(lines)
    # Everything answered: nothing is listed.
    full = both_answered()
    for pid in ("a", "b"):
        for rating in full.partners[pid].ratings.values():
            rating.importance, rating.met, rating.guess = "low", 3, 4
    assert unanswered_lines(full, texts.plain_names(full, lang), lang) == []
    assert heading not in [b.title for b in build_summary(full, lang).blocks]


# --- comparing only where both answered -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_needs_answered_by_one_partner_each_are_not_compared(lang: Language) -> None:
    wb = one_partner()
    wb.partners["b"].ratings[DIMENSION_IDS[1]].need = 10  # not one A answered
    summary = build_summary(wb, lang)
    names = texts.plain_names(wb, lang)
    areas = next(b for b in summary.blocks if b.title == t("needs.areas_heading", lang))
    assert areas.paragraphs == [texts.nothing_to_compare(wb, names, lang)] and not areas.bullets
    profile = summary.blocks[0].tables[0]
    assert t("needs.table_difference", lang) not in profile.columns
    # Each partner's own answers are shown, the other's cell says "not answered yet".
    row = profile.rows[[r[0] for r in profile.rows].index(t(f"dim.{DIMENSION_IDS[1]}.name", lang))]
    assert row[1:] == [not_answered(lang), "10"]

    # Now both answered one need, far apart: that one is compared, and no other.
    wb.partners["b"].ratings[DIMENSION_IDS[3]].need = 1
    summary = build_summary(wb, lang)
    profile = summary.blocks[0].tables[0]
    diffs = {
        r[0]: r[profile.columns.index(t("needs.table_difference", lang))] for r in profile.rows
    }
    assert diffs == {
        t(f"dim.{d}.name", lang): ("8" if d == DIMENSION_IDS[3] else "")
        for d in (*A_NEEDS, DIMENSION_IDS[1])
    }
    titles = [b.title for b in summary.blocks]
    (area,) = analysis.areas_to_understand(wb)
    assert area.dimension == DIMENSION_IDS[3] and texts.area_title(area, lang) in titles
    rows = csv_rows(needs_csv(wb, lang))
    compared = {(r[0], r[2]): r[8] for r in rows[1:]}
    assert {key for key, diff in compared.items() if diff} == {
        ("a", DIMENSION_IDS[3]),
        ("b", DIMENSION_IDS[3]),
    }


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_csv_legend_says_what_an_empty_cell_means(lang: Language) -> None:
    rows = csv_rows(legend_csv(lang))
    assert rows[0] == [t(f"export_answers.csv_{k}", lang) for k in ("file", "column", "empty")]
    need = [r for r in rows[1:] if r[:2] == ["needs.csv", t("export.csv.need", lang)]]
    assert need == [
        ["needs.csv", t("export.csv.need", lang), t("export_answers.csv_empty_open", lang)]
    ]
    difference = [r for r in rows[1:] if r[1] == t("export.csv.difference", lang)]
    assert difference[0][2] == t("export_answers.csv_empty_not_compared", lang)
    # The header of needs.csv is the same whatever is answered.
    assert csv_rows(needs_csv(Workbook(), lang)) == [csv_rows(needs_csv(both_answered(), lang))[0]]
    assert "legend.csv" in zip_texts(csv_zip(Workbook(), lang))


# --- any subset answered --------------------------------------------------------------------------


@st.composite
def partly_answered(draw: st.DrawFn) -> Workbook:
    """A generated workbook with any subset of its needs and importances taken back."""
    wb: Workbook = draw(workbooks)
    for partner in wb.partners.values():
        for rating in partner.ratings.values():
            if draw(st.booleans()):
                rating.need = None
            if draw(st.booleans()):
                rating.importance = None
    return wb


@settings(max_examples=40, deadline=None)
@given(partly_answered(), st.sampled_from(LANGUAGE_CODES))
def test_any_partly_answered_workbook_shows_only_its_answers(wb: Workbook, lang: Language) -> None:
    summary = build_summary(wb, lang)
    names = texts.plain_names(wb, lang)
    # The radar: a shape per partner with an answer, a marker per answered need.
    shapes = svg_shapes(radar_svg(summary.radar, lang))
    for pid in wb.partners:
        answered = analysis.answered_needs(wb, pid)
        assert (f"partner-{pid}" in shapes) == bool(answered)
        if answered:
            assert len(svg_markers(shapes[f"partner-{pid}"])) == len(answered)
    # The profile table: a partner's need is theirs or "not answered yet"; differences only
    # where both answered.
    profile = [
        b
        for b in summary.blocks
        if b.tables and b.tables[0].columns[0] == t("needs.table_dimension", lang)
    ]
    rows = {r[0]: r for r in profile[0].tables[0].rows} if profile else {}
    columns = profile[0].tables[0].columns if profile else []
    difference = t("needs.table_difference", lang)
    for dim in DIMENSION_IDS:
        row = rows.get(t(f"dim.{dim}.name", lang))
        for pid in wb.partners:
            need = analysis.need(wb, pid, dim)
            header = t("export.col_need", lang, name=names.of(pid))
            if row is not None and header in columns:
                expected = not_answered(lang) if need is None else str(need)
                assert row[columns.index(header)] == expected
            elif need is not None:
                pytest.fail(f"{pid}'s answered need on {dim} is missing")
        if row is not None and difference in columns:
            diff = analysis.difference(wb, dim)
            assert row[columns.index(difference)] == ("" if diff is None else str(diff))
    # The CSV: an empty cell where not answered, a difference only where both answered.
    for row in csv_rows(needs_csv(wb, lang))[1:]:
        pid, dim = row[0], row[2]
        need = analysis.need(wb, pid, dim)  # type: ignore[arg-type]
        assert row[4] == ("" if need is None else str(need))
        diff = analysis.difference(wb, dim)  # type: ignore[arg-type]
        assert row[8] == ("" if diff is None else str(diff))
    assert to_markdown(summary) and to_html(summary)
    assert pdf.to_pdf(summary).startswith(b"%PDF-")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_guess_of_an_unanswered_need_is_shown_as_a_guess_only(lang: Language) -> None:
    wb = one_partner()
    wb.partners["a"].ratings[DIMENSION_IDS[1]].guess = 6  # A guesses B, who answered nothing
    summary = build_summary(wb, lang)
    (block,) = [b for b in summary.blocks if b.title == t("export.perception_heading", lang)]
    (table,) = block.tables  # none about A: B guessed nothing
    # B answered nothing: no column of B's answers, no gap; only the guess, named as A's guess.
    assert table.columns == [
        t("needs.table_dimension", lang),
        t("aware.table_guess", lang, name=NAME_A),
    ]
    assert table.rows == [[t(f"dim.{DIMENSION_IDS[1]}.name", lang), "6"]]
    # Once B answered it, the answer and the gap are there.
    wb.partners["b"].ratings[DIMENSION_IDS[1]].need = 2
    (block,) = [
        b for b in build_summary(wb, lang).blocks if b.title == t("export.perception_heading", lang)
    ]
    assert block.tables[0].rows == [[t(f"dim.{DIMENSION_IDS[1]}.name", lang), "2", "6", "4"]]
