"""Hostile text in every free-text field comes out of every export as text, in both languages.

The workbook comes from ``tests.xss.fill_workbook``: the model is walked, so every free-text
field (names, notes, list items, a field added later) holds a payload of the corpus. Each export
is read back:

- HTML and the SVG radar: parsed; no element, attribute, handler, script URL or outside URL of a
  payload exists; the same elements as for harmless text; the Content-Security-Policy comes
  first; every payload is in the page's text, as typed.
- Markdown: no mark a renderer would act on is left unescaped; every payload reads back as typed.
- PDF: no link, action or script object anywhere; every payload is in the extracted text.
- CSV: no cell a spreadsheet would run; names and check-in notes read back (with the apostrophe).
- JSON: the workbook file round-trips exactly.
- The summary document: every payload is there as typed (each renderer escapes it).
- Presentation mode and anonymous exports: redacting names inside hostile text keeps it escaped.
- Plotly figures: names reach plotly escaped; no tag with attributes and no link in any label.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from emotions import textfields, texts
from emotions.charts import escape_plotly, radar_figure
from emotions.escape import markdown_escape, markdown_table
from emotions.exercises import (
    awareness,
    channels,
    checkins,
    difference_map,
    meta_emotion,
    persisting,
    styles,
)
from emotions.export.csv_tables import FORMULA_STARTS, csv_zip, neutralise
from emotions.export.html import CONTENT_SECURITY_POLICY, to_html
from emotions.export.markdown import escape_markdown, to_markdown
from emotions.export.pdf import clean_text, to_pdf
from emotions.export.summary import build_summary
from emotions.export.svg import radar_svg
from emotions.model import PARTNER_IDS, Language, PartnerId, Rewrite, Workbook
from emotions.presentation import name_redactor, presentation_view
from emotions.workbook_io import WorkbookError, dump_workbook, load_workbook
from tests.couples import full_workbook, talker_and_processor
from tests.unit.test_export_summary import all_text
from tests.xss import (
    EVIL_HOST,
    PAYLOADS,
    SHORT_PAYLOADS,
    Filled,
    Tags,
    fill_workbook,
    free_text_paths,
    html_injections,
    live_markdown,
    md_unescape,
    path_pattern,
    plotly_markup,
    rotation,
    shown,
    strings_in,
    text_leaves,
)

LANGS: tuple[Language, ...] = ("en", "ja")
NAME_PAIRS = [
    (SHORT_PAYLOADS[i].text, SHORT_PAYLOADS[(i + 1) % len(SHORT_PAYLOADS)].text)
    for i in range(0, len(SHORT_PAYLOADS), 2)
]
"""Every payload short enough for a name is a name in one workbook."""
ROTATIONS = range(len(NAME_PAIRS))
PDF_ROTATIONS = (0, 1)
"""A PDF takes a tenth of a second or more: two workbooks per language are drawn."""
PDF_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/JS",
        "/URI",
        "/Launch",
        "/AA",
        "/SubmitForm",
        "/ImportData",
        "/GoToR",
        "/GoToE",
        "/Annots",
        "/EmbeddedFile",
        "/RichMedia",
    }
)


@functools.cache
def filled(index: int) -> Filled:
    """Workbook number ``index``: payloads in turn from a different place, and two names.
    Shared by the tests (cached): none of them changes it."""
    return fill_workbook(
        rotation(offset=index * 7),
        names=NAME_PAIRS[index],
        answers_from=full_workbook(),
    )


@functools.cache
def harmless() -> Filled:
    """The same workbook with plain words in place of every payload: the same structure."""
    words = iter(f"plain{n}" for n in itertools.count())
    return fill_workbook(
        lambda path, limit: next(words),
        names=("Alpha", "Beta"),
        answers_from=full_workbook(),
    )


def lines_of(text: str) -> list[str]:
    """The lines of a text that show something (a note keeps its line breaks in exports)."""
    return [shown(line) for line in text.splitlines() if shown(line)]


def csv_cells(data: bytes) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            text = archive.read(name).decode("utf-8-sig")
            for row in csv.reader(io.StringIO(text, newline="")):
                for cell in row:
                    yield name, cell


def pdf_names(reader: PdfReader) -> set[str]:
    """Every name (dictionary keys and name values) of every object reachable from the PDF's
    trailer; the content streams' bytes (the drawn text) are not names."""
    keys: set[str] = set()
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            stack.append(item.get_object())
        elif isinstance(item, DictionaryObject):
            keys |= {str(k) for k in item}
            stack += [v for k, v in item.items() if k != "/Parent"]
        elif isinstance(item, ArrayObject):
            stack += list(item)
        elif isinstance(item, NameObject):
            keys.add(str(item))
    return keys


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- The corpus and its checks ------------------------------------------------------------------


def test_every_free_text_field_of_the_model_holds_a_payload() -> None:
    found = filled(0)
    assert {path_pattern(p) for p in found.texts} == set(free_text_paths())
    # What the model calls free text, as the file holds it: every one is a payload.
    for path, text in text_leaves(found.workbook):
        if path_pattern(path) in free_text_paths():
            assert found.texts[path] == text, path
    assert {"partners.*.name", "partners.*.reflections.*", "next_steps"} <= set(free_text_paths())
    used = {found_.payload_at(p).id for found_ in map(filled, ROTATIONS) for p in found_.texts}
    assert used == {p.id for p in PAYLOADS}
    names = {filled(i).workbook.partners[pid].name for i in ROTATIONS for pid in PARTNER_IDS}
    assert names == {p.text for p in SHORT_PAYLOADS}


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.id)
def test_the_checks_catch_each_payload_left_raw(payload: Any) -> None:
    """Each check fails on the payload itself: passing them means escaping, not luck."""
    if payload.aims == "html":  # raw in text, or in a quoted or bare attribute value
        contexts = ("{}", '<p title="{}">', "<p title='{}'>", "<p title={}>")
        assert any(html_injections(c.replace("{}", payload.text)) for c in contexts)
    if payload.aims in ("markdown", "streamlit", "latex") or "<" in payload.text:
        assert live_markdown(payload.text)
    if payload.aims == "plotly" and payload.id != "plotly_template":
        # plotly_template holds only <br>, which our labels use too: the figure test finds
        # it by the raw name, which must never reach plotly.
        assert plotly_markup({"name": payload.text})
    if payload.aims == "csv":
        assert payload.text.lstrip(" ")[0] in FORMULA_STARTS


# --- HTML, SVG, Markdown --------------------------------------------------------------------------


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_html_holds_every_payload_as_text(index: int, lang: Language) -> None:
    found = filled(index)
    html = to_html(build_summary(found.workbook, lang))
    assert html_injections(html) == []
    page = Tags(html)
    # Exactly the elements harmless text gives: nothing was added, nothing broken open.
    assert set(harmless().texts) == set(found.texts)
    assert page.count() == Tags(to_html(build_summary(harmless().workbook, lang))).count()
    # The policy that forbids every fetch comes before anything a person wrote.
    head = html[: html.index("<title>")]
    assert (
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">' in head
    )
    text = shown("".join(page.text))
    for path, typed in found.texts.items():
        assert shown(typed) in text, path
    assert EVIL_HOST not in "".join(page.style)


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_svg_radar_draws_names_as_text(index: int, lang: Language) -> None:
    found = filled(index)
    svg = radar_svg(build_summary(found.workbook, lang).radar, lang)
    root = ET.fromstring(svg)  # well-formed: no name broke the markup open
    assert html_injections(svg) == []
    legend = shown("".join(root.itertext()))
    for pid in PARTNER_IDS:
        name = shown(found.workbook.partners[pid].name)
        # A long name is shortened with an ellipsis to fit; what is shown is its beginning.
        assert name in legend or any(
            part.endswith("…") and name.startswith(part[:-1].strip())
            for part in (shown(e.text or "") for e in root.iter("{http://www.w3.org/2000/svg}text"))
        ), name


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_escapes_every_payload_and_reads_back_as_typed(index: int, lang: Language) -> None:
    found = filled(index)
    markdown = to_markdown(build_summary(found.workbook, lang))
    assert live_markdown(markdown, blocks=False) == []
    assert "<" not in re.sub(r"\\<", "", markdown)
    readable = shown(md_unescape(markdown))
    for path, typed in found.texts.items():
        for line in lines_of(typed):
            assert line in readable, path
    for pid in PARTNER_IDS:  # names inside sentences: escaped by the module's own rule
        assert escape_markdown(found.workbook.partners[pid].name, line_start=False) in markdown


# --- PDF, CSV, JSON, the summary ------------------------------------------------------------------


@pytest.mark.parametrize("index", PDF_ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_pdf_draws_every_payload_and_holds_no_link_or_script(index: int, lang: Language) -> None:
    found = filled(index)
    reader = PdfReader(io.BytesIO(to_pdf(build_summary(found.workbook, lang))))
    assert not PDF_ACTIONS & pdf_names(reader)
    # fpdf2 opens the first page at a zoom: a destination (an array), never an action.
    assert isinstance(reader.trailer["/Root"].get("/OpenAction", ArrayObject()), ArrayObject)
    # Each page's number ("3 / 11") is drawn last on it: left out, a note running across a
    # page break reads on.
    pages = [re.sub(r"\d+ / \d+\s*$", "", page.extract_text()) for page in reader.pages]
    text = squeeze("".join(pages))
    for path, typed in found.texts.items():
        assert squeeze(clean_text(typed)) in text, path


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_csv_runs_no_formula_and_keeps_names_and_notes(index: int, lang: Language) -> None:
    found = filled(index)
    cells = list(csv_cells(csv_zip(found.workbook, lang)))
    for file, cell in cells:
        assert cell.lstrip(" ")[:1] not in FORMULA_STARTS, (file, cell)
    values = {cell for _, cell in cells}
    exported = [p for p in found.texts if p.startswith("checkins") or p.endswith(".name")]
    for path in exported:
        # A name is shown without the spaces around it (a tab before "=1+1" included).
        text = found.texts[path].strip() if path.endswith(".name") else found.texts[path]
        assert neutralise(text) in values, path


@pytest.mark.parametrize("index", ROTATIONS)
def test_workbook_file_round_trips_every_payload_exactly(index: int) -> None:
    found = filled(index)
    document = dump_workbook(found.workbook)
    again = load_workbook(document.encode("utf-8"))
    assert again == found.workbook
    assert dict(text_leaves(again)) == dict(text_leaves(found.workbook))
    for path, typed in found.texts.items():
        assert dict(text_leaves(again))[path] == typed
    json.loads(document)  # plain JSON: nothing but standard escapes


def test_a_workbook_file_with_a_lone_surrogate_is_refused() -> None:
    document = json.loads(dump_workbook(filled(0).workbook))
    document["partners"]["a"]["name"] = "\ud800"
    with pytest.raises(WorkbookError):
        load_workbook(json.dumps(document).encode("utf-8"))


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_summary_document_keeps_every_payload_as_typed(index: int, lang: Language) -> None:
    found = filled(index)
    everything = all_text(build_summary(found.workbook, lang))
    for path, typed in found.texts.items():
        # As typed; a sentence built from several fields may join their lines with spaces.
        assert typed.strip() in everything or shown(typed) in shown(everything), path


# --- Presentation mode and anonymous exports -----------------------------------------------------

# Names that occur inside the payloads: redaction rewrites the hostile text itself.
REDACTED_NAMES = [("script", "img"), ("alert", "onerror"), ("data", "xss"), ("a", "b")]
FITTING = tuple(p for p in PAYLOADS if p.id != "long")
"""Payloads with room to spare: a name replaced by the longer "Partner A" still fits the field
(see the test below on a note that fills its field)."""


def exports(wb: Workbook, lang: Language, *, anonymous: bool) -> dict[str, str]:
    summary = build_summary(wb, lang, anonymous=anonymous)
    return {
        "html": to_html(summary),
        "svg": radar_svg(summary.radar, lang),
        "markdown": to_markdown(summary),
    }


@pytest.mark.parametrize("names", REDACTED_NAMES)
@pytest.mark.parametrize("lang", LANGS)
def test_leaving_names_out_keeps_hostile_text_escaped(
    names: tuple[str, str], lang: Language
) -> None:
    found = fill_workbook(rotation(payloads=FITTING), names=names, answers_from=full_workbook())
    redact = name_redactor(found.workbook, lang, anonymous=True)
    for kind, text in exports(found.workbook, lang, anonymous=True).items():
        if kind == "markdown":
            assert live_markdown(text, blocks=False) == [], kind
            readable = shown(md_unescape(text))
            for path, typed in found.texts.items():
                if not path.endswith(".name"):
                    assert all(line in readable for line in lines_of(redact(typed))), path
        else:
            assert html_injections(text) == [], kind
    for _, cell in csv_cells(csv_zip(found.workbook, lang, anonymous=True)):
        assert cell.lstrip(" ")[:1] not in FORMULA_STARTS


@pytest.mark.parametrize("show_notes", [False, True])
@pytest.mark.parametrize("lang", LANGS)
def test_presentation_view_keeps_hostile_text_escaped(show_notes: bool, lang: Language) -> None:
    found = fill_workbook(
        rotation(payloads=FITTING), names=("script", "alert"), answers_from=full_workbook()
    )
    view = presentation_view(found.workbook, show_notes=show_notes)
    for kind, text in exports(view, lang, anonymous=True).items():
        assert (
            live_markdown(text, blocks=False) if kind == "markdown" else html_injections(text)
        ) == [], kind
    for _, figure, _ in figures(view, lang, anonymous=True):
        assert plotly_markup(figure) == []
    page = shown("".join(Tags(to_html(build_summary(view, lang, anonymous=True))).text))
    # The view takes names out in the workbook's language (the one on screen).
    redact = name_redactor(found.workbook, found.workbook.language, anonymous=True)
    for path, typed in textfields.texts(found.workbook, textfields.NOTES).items():
        # Shown notes are the couple's words with the names taken out, as text; folded, none
        # (a very short text, such as "ok", may be part of any page).
        visible = shown(redact(typed))
        if show_notes or len(visible) >= 12:
            assert (visible in page) is show_notes, path


def test_presentation_view_of_a_full_note_that_names_a_partner() -> None:
    wb = talker_and_processor()  # Mia and Ren
    wb.partners["a"].rewrites = [Rewrite(complaint=("Ren " * 75).strip())]  # 299 characters
    view = presentation_view(wb, show_notes=True)
    assert view.partners["a"].rewrites[0].complaint.startswith(texts.plain_names(view, "en").b)


# --- Plotly figures -------------------------------------------------------------------------------

Figure = dict[str, Any]


def figures(
    wb: Workbook, lang: Language, *, anonymous: bool = False
) -> list[tuple[str, Figure, tuple[PartnerId, ...]]]:
    """Every figure of the app that shows a partner's name: (what, figure, whose names)."""
    names = texts.plain_names(wb, lang, anonymous=anonymous)
    both: tuple[PartnerId, ...] = PARTNER_IDS
    found = [
        ("radar", radar_figure(wb, lang, anonymous=anonymous), both),
        ("styles", styles.style_map_figure(wb, lang, anonymous=anonymous), both),
        ("channels", channels.channels_figure(wb, lang, anonymous=anonymous), both),
        ("difference map", difference_map.map_figure(wb, names, lang), both),
        ("check-ins", checkins.trend_figure(wb, names, lang), both),
    ]
    for pid in PARTNER_IDS:
        found += [
            (f"perception {pid}", awareness.perception_figure(wb, pid, names, lang), both),
            (f"grid {pid}", meta_emotion.grid_figure(wb, pid, lang, anonymous=anonymous), (pid,)),
            (
                f"need met {pid}",
                persisting.need_met_figure(wb, pid, lang, anonymous=anonymous),
                (pid,),
            ),
        ]
    return found


@pytest.mark.parametrize("index", ROTATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_names_reach_plotly_escaped_in_every_figure(index: int, lang: Language) -> None:
    found = filled(index)
    for what, figure, named in figures(found.workbook, lang):
        assert plotly_markup(figure) == [], what
        strings = list(strings_in(figure))
        for pid in named:
            name = found.workbook.partners[pid].name.strip()  # as the app shows it
            assert any(escape_plotly(name) in s for s in strings), (what, pid)
            if any(c in name for c in "<>&"):
                assert not any(name in s for s in strings), (what, pid)


# --- The on-screen escape (Streamlit's Markdown) -------------------------------------------------

# GitHub-flavoured Markdown, which Streamlit renders, makes links of bare "www." addresses and
# e-mail addresses on its own (autolink literals), escaped punctuation or not: seen in Chromium,
# `www\.example\.org` became <a href="http://www.example.org">.
AUTOLINK_LITERALS = re.compile(r"(?i)(?<![\w\u200b])www\\?\.|[\w.+-]\\?@\w")


AUTOLINK_TEXTS = {
    "www": f"www.{EVIL_HOST}/www",
    "www_mixed_case": f"WwW.{EVIL_HOST}",
    "www_in_brackets": f"(www.{EVIL_HOST})",
    "www_emphasised": f"*www.{EVIL_HOST}*",
    "wwww": f"wwww.{EVIL_HOST}",
    "email": f"someone@{EVIL_HOST}",
    "email_dotted": f"a.b+c-d_e@{EVIL_HOST}",
    **{p.id: p.text for p in PAYLOADS},
}


@pytest.mark.parametrize("text", AUTOLINK_TEXTS.values(), ids=AUTOLINK_TEXTS.keys())
def test_on_screen_escape_leaves_no_autolink(text: str) -> None:
    escaped = markdown_escape(text)
    assert not AUTOLINK_LITERALS.search(escaped), escaped
    assert live_markdown(escaped) == []
    assert shown(md_unescape(escaped)) == shown(text)  # reads as typed


@pytest.mark.parametrize("lang", LANGS)
def test_tables_for_the_screen_escape_every_heading_and_text_cell(lang: Language) -> None:
    """``st.table`` renders Markdown in headings and cells: ``markdown_table`` escapes both."""
    found = filled(0)
    names = texts.plain_names(found.workbook, lang)
    rows = [
        *texts.needs_table(found.workbook, names, lang),
        *checkins.checkin_table(found.workbook, names, lang),
    ]
    escaped = markdown_table(rows)
    assert len(escaped) == len(rows)
    for row, out in zip(rows, escaped, strict=True):
        assert list(out) == [markdown_escape(heading) for heading in row]
        for (heading, cell), (out_heading, out_cell) in zip(row.items(), out.items(), strict=True):
            assert live_markdown(out_heading) == [] and shown(md_unescape(out_heading)) == shown(
                heading
            )
            if isinstance(cell, str):
                assert live_markdown(out_cell) == [], out_cell
                assert shown(md_unescape(out_cell)) == shown(cell)
            else:
                assert out_cell == cell  # numbers stay numbers
