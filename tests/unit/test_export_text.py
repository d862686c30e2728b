"""The text exports read back: Markdown, HTML (with the inline SVG radar) and CSV.

Each holds the top areas and every partner's needs; the HTML fetches nothing; names and notes
holding markup, script or spreadsheet formulas come out escaped or neutralised in every format;
leaving names out leaves them out everywhere; and no generated workbook makes any export fail.
"""

from __future__ import annotations

import csv
import io
import re
import string
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emotions import analysis, texts
from emotions.dimensions import DIMENSION_IDS
from emotions.export.csv_tables import (
    EXERCISE_TABLES,
    csv_zip,
    exercise_tables,
    needs_csv,
    neutralise,
)
from emotions.export.document import Summary
from emotions.export.html import CONTENT_SECURITY_POLICY, to_html
from emotions.export.markdown import escape_markdown, to_markdown
from emotions.export.summary import build_summary
from emotions.export.svg import radar_svg, text_width
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import PARTNER_IDS, CheckIn, Language, Rewrite, TriggerNote, Workbook
from emotions.palette import PARTNER_COLOURS
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.unit.strategies import workbooks
from tests.unit.test_export_summary import full_workbook

COUPLES = {"talker": talker_and_processor, "reassurance": reassurance_and_independence}
LANGS: tuple[Language, ...] = ("en", "ja")
DANGEROUS = (
    "<script>alert(1)</script>",
    '" onmouseover="x',
    '=HYPERLINK("http://x")',
    "**b** [l](http://e.com)",
)
FORMULA_FIRST = set("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
URL_ATTRIBUTES = {
    "src",
    "href",
    "xlink:href",
    "action",
    "formaction",
    "poster",
    "data",
    "srcset",
    "background",
    "cite",
    "longdesc",
    "manifest",
    "ping",
    "codebase",
    "archive",
    "icon",
}
FETCHING_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "image", "use"}


# --- Reading the formats back ---------------------------------------------------------------------


class Page(HTMLParser):
    """Every tag with its attributes, the text, the style sheets and the tables of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._in_style = False
        self._cell: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "style":
            self._in_style = True
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def md_unescape(text: str) -> str:
    """Markdown text with its backslash escapes resolved (what a renderer shows)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def md_tables(markdown: str) -> list[list[list[str]]]:
    """The tables of a Markdown document as rows of unescaped cells (the rule line left out)."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if set("".join(cells)) != {"-"}:
                tables[-1].append([md_unescape(c) for c in cells])
        previous = line
    return tables


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def zip_texts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name).decode("utf-8-sig") for name in archive.namelist()}


def table_with(tables: list[list[list[str]]], heading: str) -> list[list[str]]:
    found = [table for table in tables if table and heading in table[0]]
    assert found, heading
    return found[0]


def check_needs_table(rows: list[list[str]], wb: Workbook, lang: Language) -> None:
    """The profile table holds each partner's need on every dimension, and the differences."""
    names = texts.plain_names(wb, lang)
    header, body = rows[0], rows[1:]
    assert [row[0] for row in body] == [t(f"dim.{d}.name", lang) for d in DIMENSION_IDS]
    for pid in wb.partners:
        column = header.index(t("export.col_need", lang, name=names.of(pid)))
        assert [row[column] for row in body] == [
            str(wb.partners[pid].ratings[d].need) for d in DIMENSION_IDS
        ]
    if analysis.has_both(wb):
        column = header.index(t("needs.table_difference", lang))
        assert [row[column] for row in body] == [
            str(analysis.difference(wb, d)) for d in DIMENSION_IDS
        ]


def check_html_fetches_nothing(html: str) -> Page:
    page = Page(html)
    tags = [tag for tag, _ in page.tags]
    assert not FETCHING_TAGS & set(tags)
    for tag, attrs in page.tags:
        assert not URL_ATTRIBUTES & set(attrs), (tag, attrs)
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":  # type: ignore[union-attr]
            pytest.fail("a refresh would load a page")
        style = attrs.get("style") or ""
        assert "url(" not in style.replace("url(data:", "")
    css = "".join(page.styles)
    assert "@import" not in css
    assert "url(" not in css.replace("url(data:", "")
    csp = [
        a
        for tag, a in page.tags
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp == [{"http-equiv": "Content-Security-Policy", "content": CONTENT_SECURITY_POLICY}]
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    # No other scheme-relative or absolute URL in any attribute of any kind.
    for _, attrs in page.tags:
        for name, value in attrs.items():
            if name != "xmlns" and value:
                assert not re.match(r"\s*(https?:|//|javascript:)", value, re.IGNORECASE)
    return page


def every_export(wb: Workbook, lang: Language, anonymous: bool = False) -> dict[str, str]:
    summary = build_summary(wb, lang, anonymous=anonymous)
    return {
        "markdown": to_markdown(summary),
        "html": to_html(summary),
        "svg": radar_svg(summary.radar, lang),
        **{
            f"csv/{name}": text
            for name, text in zip_texts(csv_zip(wb, lang, anonymous=anonymous)).items()
        },
    }


# --- Content --------------------------------------------------------------------------------------


@pytest.mark.parametrize("couple", COUPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_holds_top_areas_and_every_partners_needs(couple: str, lang: Language) -> None:
    wb = COUPLES[couple]()
    names = texts.plain_names(wb, lang)
    markdown = to_markdown(build_summary(wb, lang))
    for area in analysis.top_areas(wb, 3):
        assert f"## {escape_markdown(texts.area_title(area, lang))}\n" in markdown
        assert f"- {escape_markdown(texts.area_line(area, names, lang))}\n" in markdown
    heading = t("export.col_need", lang, name=names.a)
    check_needs_table(table_with(md_tables(markdown), heading), wb, lang)


@pytest.mark.parametrize("couple", COUPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_html_holds_top_areas_and_every_partners_needs(couple: str, lang: Language) -> None:
    wb = COUPLES[couple]()
    names = texts.plain_names(wb, lang)
    page = Page(to_html(build_summary(wb, lang)))
    for area in analysis.top_areas(wb, 3):
        assert texts.area_title(area, lang) in page.text
        assert texts.area_line(area, names, lang) in page.text
    check_needs_table(table_with(page.tables, t("export.col_need", lang, name=names.b)), wb, lang)


@pytest.mark.parametrize("couple", COUPLES)
@pytest.mark.parametrize("lang", LANGS)
def test_csv_holds_top_areas_and_every_partners_needs(couple: str, lang: Language) -> None:
    wb = COUPLES[couple]()
    frame = pd.read_csv(io.BytesIO(needs_csv(wb, lang)), encoding="utf-8-sig")
    h = {k: t(f"export.csv.{k}", lang) for k in ("partner_id", "dimension_id", "need")}
    assert len(frame) == len(PARTNER_IDS) * len(DIMENSION_IDS)
    for pid in PARTNER_IDS:
        mine = frame[frame[h["partner_id"]] == pid]
        assert list(mine[h["dimension_id"]]) == list(DIMENSION_IDS)
        assert list(mine[h["need"]]) == [wb.partners[pid].ratings[d].need for d in DIMENSION_IDS]
    for area in analysis.top_areas(wb, 3):
        rows = frame[frame[h["dimension_id"]] == area.dimension]
        assert set(rows[t("export.csv.difference", lang)]) == {area.difference}
        assert set(rows[t("export.csv.band", lang)]) == {t(f"band.{area.band}", lang)}
    assert zip_texts(csv_zip(wb, lang))["needs.csv"].encode("utf-8-sig") == needs_csv(wb, lang)


def test_csv_is_tidy_translated_excel_friendly_and_keeps_ids() -> None:
    wb = full_workbook()
    data = needs_csv(wb, "ja")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = csv_rows(data)
    assert rows[0][:4] == ["パートナー（ID）", "パートナー", "ニーズ（ID）", "ニーズ"]
    assert rows[1][:4] == ["a", "Mia", "expression", t("dim.expression.name", "ja")]
    importance = wb.partners["a"].ratings["expression"].importance
    # Not answered: an empty cell (legend.csv says what an empty cell means).
    assert rows[1][5] == ("" if importance is None else t(f"importance.{importance}", "ja"))
    assert all(len(row) == 10 for row in rows)
    tables = exercise_tables(wb, "en")
    assert list(tables) == list(EXERCISE_TABLES)
    meta = csv_rows(tables["meta_emotion"])
    assert meta[0] == [
        "Partner (id)",
        "Partner",
        "Feeling (id)",
        "Feeling",
        "Belief (id)",
        "Belief",
        t("export.csv.agreement", "en"),
    ]
    assert len(meta) == 1 + 2 * 20 and meta[1][2:5] == ["sadness", "Sadness", "acceptable"]
    assert len(csv_rows(tables["channels"])) == 1 + 2 * 3
    safety_rows = csv_rows(tables["safety"])
    assert len(safety_rows) == 1 + 2 * 6 and {r[6] for r in safety_rows[1:]} == {"yes", "no"}
    checkin_rows = csv_rows(tables["checkins"])
    assert len(checkin_rows) == 1 + 12 * 2
    assert checkin_rows[1][:5] == ["1", "2025-01-01", "a", "Mia", "4"]
    with zipfile.ZipFile(io.BytesIO(csv_zip(wb, "en"))) as archive:
        assert sorted(archive.namelist()) == sorted(
            f"{n}.csv" for n in ("needs", *EXERCISE_TABLES, "legend")
        )
    assert csv_zip(wb, "en") == csv_zip(wb, "en")
    # Zip dates run from 1980 to 2107: a workbook dated outside still gives a valid archive.
    for year in (1970, 2200):
        wb.updated = wb.updated.replace(year=year)
        assert zipfile.ZipFile(io.BytesIO(csv_zip(wb, "en"))).testzip() is None


def test_csv_with_one_partner_leaves_the_difference_blank() -> None:
    wb = talker_and_processor()
    del wb.partners["a"]
    rows = csv_rows(needs_csv(wb, "en"))
    assert len(rows) == 1 + len(DIMENSION_IDS)
    assert {row[0] for row in rows[1:]} == {"b"} and {row[8] for row in rows[1:]} == {""}
    assert all(len(csv_rows(data)) == 1 for data in exercise_tables(wb, "en").values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30", "'+49 30"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("  =x", "'  =x"),
        ("＝1+1", "'＝1+1"),  # noqa: RUF001 - full-width on purpose
        ("Mia", "Mia"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(text: str, expected: str) -> None:
    assert neutralise(text) == expected


# --- Markdown -------------------------------------------------------------------------------------


SPECIAL = set("\\`*_~[]<>&|$#")


def unescaped_specials(escaped: str) -> list[str]:
    """Markdown-significant characters that are not preceded by an escaping backslash."""
    bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", escaped)
    return [c for c in bare if c in SPECIAL]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_markdown_escape_shows_text_exactly_and_leaves_no_syntax(text: str) -> None:
    escaped = escape_markdown(text)
    assert md_unescape(escaped) == " ".join(text.split())
    assert unescaped_specials(escaped) == []
    assert not re.match(r"[#+\-=]|\d+[.)]", escaped)
    assert not re.search(r"(?<!\\):\S", escaped)


def test_markdown_layout() -> None:
    wb = talker_and_processor()
    wb.partners["a"].name = "A|B"
    wb.partners["b"].reflections["intimacy"] = "# not a heading\n\n- not a list\nlast line"
    markdown = to_markdown(build_summary(wb, "en"))
    assert markdown.startswith(f"# {t('export.title', 'en')}\n")
    assert markdown.endswith("\n")
    profile = table_with(md_tables(markdown), "A|B: need")
    assert all(len(row) == len(profile[0]) for row in profile)
    assert "**Ren**\n\n> \\# not a heading\n>\n> \\- not a list\\\n> last line" in markdown
    assert f"> {escape_markdown(t('export.notice', 'en'))}" in markdown


# --- HTML and SVG ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_one_self_contained_printable_page(lang: Language) -> None:
    wb = full_workbook()
    wb.partners["a"].name = DANGEROUS[0]
    wb.partners["b"].name = DANGEROUS[3]
    summary = build_summary(wb, lang)
    html = to_html(summary)
    page = check_html_fetches_nothing(html)
    assert html.startswith(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">')
    # The radar and one drawing per chart of the sections (a full workbook draws them all).
    charts = [figure for block in summary.blocks for figure in block.figures]
    assert len(charts) == 4
    assert [tag for tag, _ in page.tags].count("svg") == 1 + len(charts)
    css = "".join(page.styles)
    assert "@media print" in css and "break-inside: avoid" in css
    assert spec(lang).font_family in css
    assert (
        t("export.notice", lang) in page.text
        and t(
            "export.rule_of_thumb",
            lang,
            close=t("band.close", lang),
            different=t("band.different", lang),
            far=t("band.far", lang),
        )
        in page.text
    )


@pytest.mark.parametrize("lang", LANGS)
def test_radar_svg_draws_both_partners_and_fetches_nothing(lang: Language) -> None:
    wb = reassurance_and_independence()
    wb.partners["a"].name = DANGEROUS[0]
    summary = build_summary(wb, lang)
    svg = radar_svg(summary.radar, lang, title=t("export_answers.radar_title", lang))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("font-family") == spec(lang).font_family
    outlines = [
        p
        for p in root.iter(f"{ns}polygon")
        if p.get("fill") in PARTNER_COLOURS.values() and p.get("fill-opacity")
    ]
    assert [p.get("stroke") for p in outlines] == [PARTNER_COLOURS["a"], PARTNER_COLOURS["b"]]
    assert outlines[0].get("stroke-dasharray") is None and outlines[1].get("stroke-dasharray")
    # Markers: circles for A, diamonds for B, one per need (plus one in the legend each).
    circles = [c for c in root.iter(f"{ns}circle") if c.get("fill") == PARTNER_COLOURS["a"]]
    assert len(circles) == len(DIMENSION_IDS) + 1
    text = "".join(root.itertext())
    assert DANGEROUS[0] in text and "Sam" in text
    assert all(
        axis in text.replace("\n", "") or axis.replace(" ", "") in text.replace(" ", "")
        for axis in summary.radar.axes
    )
    assert not [e for e in root.iter() if "script" in e.tag or "image" in e.tag]
    assert "href" not in svg and "url(" not in svg and "@import" not in svg
    assert "<script" not in svg


def test_radar_svg_of_one_partner_and_a_long_name() -> None:
    wb = talker_and_processor()
    del wb.partners["b"]
    wb.partners["a"].name = "名" * 40
    root = ET.fromstring(radar_svg(build_summary(wb, "ja").radar, "ja", size=300))
    assert root.get("width") == "300"
    ns = "{http://www.w3.org/2000/svg}"
    legend = [e for e in root.iter(f"{ns}text") if e.text and "名" in e.text]
    assert len(legend) == 1
    # Set smaller so that it fits beside its line sample, within the drawing.
    size = float(legend[0].get("font-size") or 0)
    assert size < float(root.get("font-size") or 0)
    assert float(legend[0].get("x") or 0) + text_width(legend[0].text or "", size) <= 300


# --- Names with markup, script or formulas --------------------------------------------------------


@pytest.mark.parametrize("name", DANGEROUS)
@pytest.mark.parametrize("lang", LANGS)
def test_names_and_notes_with_markup_are_escaped_in_every_format(name: str, lang: Language) -> None:
    wb = full_workbook()
    wb.partners["a"].name = name
    wb.partners["b"].reflections["distance"] = name
    wb.checkins[0].reliability = name
    wb.area_notes["support"] = name
    summary = build_summary(wb, lang)

    html = to_html(summary)
    page = check_html_fetches_nothing(html)
    assert name in page.text
    assert "<script>alert" not in html and 'onmouseover="x' not in html

    root = ET.fromstring(radar_svg(summary.radar, lang))
    assert name in "".join(root.itertext())
    assert not [e for e in root.iter() if e.tag.endswith("script")]

    markdown = to_markdown(summary)
    assert escape_markdown(name) in markdown
    for line in markdown.splitlines():
        if md_unescape(line).find(name) >= 0 and any(c in SPECIAL for c in name):
            # The name is there to read, but none of its marks is live Markdown.
            assert name not in line

    for file, text in zip_texts(csv_zip(wb, lang)).items():
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                assert cell.lstrip(" ")[:1] not in FORMULA_FIRST, (file, cell)
    partners = csv_rows(needs_csv(wb, lang))
    expected = "'" + name if name.startswith("=") else name
    assert partners[1][1] == expected


# --- Leaving names out ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name_a", "name_b"), [("Zephyrine", "Quillon"), ("榊原", "東雲")])
@pytest.mark.parametrize("lang", LANGS)
def test_anonymous_exports_hold_no_name_anywhere(name_a: str, name_b: str, lang: Language) -> None:
    wb = full_workbook()
    wb.partners["a"].name, wb.partners["b"].name = name_a, name_b
    said = f"{name_a} told {name_b.lower()}"
    wb.partners["a"].reflections["distance"] = said
    wb.partners["b"].rewrites.append(Rewrite(complaint=said, situation=said, need=said))
    wb.partners["b"].triggers.append(TriggerNote(trigger=said, response=said))
    wb.checkins.append(CheckIn(date=wb.checkins[0].date, reliability=said, adjustment=said))
    wb.area_notes["support"] = said
    wb.next_steps = said
    wb.partners["a"].need_statements[-1].text = said
    named = every_export(wb, lang)
    assert name_a in named["html"] and name_b in named["csv/needs.csv"]
    for fmt, text in every_export(wb, lang, anonymous=True).items():
        assert name_a.lower() not in text.lower(), fmt
        assert name_b.lower() not in text.lower(), fmt


# --- Any workbook ---------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(workbooks, st.sampled_from(LANGS), st.booleans())
def test_every_generated_workbook_renders_in_every_format(
    wb: Workbook, lang: Language, anonymous: bool
) -> None:
    summary: Summary = build_summary(wb, lang, anonymous=anonymous)
    markdown = to_markdown(summary)
    assert markdown.startswith("# ") and markdown.endswith("\n")
    check_html_fetches_nothing(to_html(summary))
    ET.fromstring(radar_svg(summary.radar, lang))
    assert needs_csv(wb, lang, anonymous=anonymous).startswith(b"\xef\xbb\xbf")
    texts_ = zip_texts(csv_zip(wb, lang, anonymous=anonymous))
    assert set(texts_) == {f"{n}.csv" for n in ("needs", *EXERCISE_TABLES, "legend")}
    for text in texts_.values():
        for row in csv.reader(io.StringIO(text, newline="")):
            assert all(cell.lstrip(" ")[:1] not in FORMULA_FIRST for cell in row)


def test_punctuation_set_of_the_markdown_check_is_ascii() -> None:
    assert set(string.punctuation) >= SPECIAL
