"""The PDF export and its Japanese line breaking.

``wrap_lines`` is tested with a fake measure (every character one unit wide) so that widths are
exact; the PDF is read back with pypdf: its text (headings in the summary's language, page
numbers, user text as typed), its fonts (embedded subsets) and its radar (vector paths only).
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.export.document import Block, RadarData, Summary, Table
from emotions.export.linebreak import CLOSING, NO_END, NO_START, widest_unit, wrap_lines
from emotions.export.pdf import (
    BODY,
    FALLBACK,
    MIN_COLUMN,
    _SummaryPDF,
    clean_text,
    column_widths,
    to_pdf,
)
from emotions.i18n import section_text, t
from emotions.languages import DEFAULT_LANGUAGE, spec
from emotions.model import Language
from emotions.palette import PARTNER_COLOURS
from tests.copy import bands


def unit(text: str) -> float:
    """The fake measure: every character is one unit wide."""
    return float(len(text))


def fits(line: str, width: float) -> bool:
    """The width rule: a line fits, or only its last character, a closing mark, hangs out."""
    return len(line) <= width or (line[-1] in CLOSING and len(line) - 1 <= width)


def rejoins(lines: list[str], text: str) -> bool:
    """Joining the lines gives the text back, but for whitespace dropped at the breaks."""
    pattern = r"\s*" + r"\s*".join(re.escape(line) for line in lines) + r"\s*"
    return re.fullmatch(pattern, text) is not None


def kinsoku_kept(lines: list[str]) -> bool:
    return all(not line or (line[0] not in NO_START and line[-1] not in NO_END) for line in lines)


# --- wrap_lines: examples ----------------------------------------------------------------------


def test_japanese_breaks_between_characters_and_never_before_a_full_stop() -> None:
    text = "これは日本語の文章です。句読点が行頭に来ないようにします。"
    # At 5 a line would begin with 。: で goes down with it instead.
    assert wrap_lines(text, 5, unit) == [
        "これは日本",
        "語の文章で",
        "す。句読点",
        "が行頭に来",
        "ないように",
        "します。",
    ]
    # At 11 the 。 hangs one past the full line.
    assert wrap_lines(text, 11, unit)[0] == "これは日本語の文章です。"


def test_one_closing_mark_hangs_past_a_full_line_rather_than_starting_the_next() -> None:
    assert wrap_lines("あいうえおかきくけこ。さしすせそ", 10, unit) == [
        "あいうえおかきくけこ。",
        "さしすせそ",
    ]


def test_two_closing_marks_take_the_last_character_down_with_them() -> None:
    # 」。 cannot both hang: こ goes to the next line with them (oidashi).
    assert wrap_lines("あいうえおかきくけこ」。さし", 10, unit) == [
        "あいうえおかきくけ",
        "こ」。さし",
    ]


def test_small_kana_and_long_vowel_marks_never_start_a_line() -> None:
    for text in ("あいうえおかきくけちょっと", "あいうえおかきくけコーヒー"):
        lines = wrap_lines(text, 10, unit)
        assert kinsoku_kept(lines), lines
        assert "".join(lines) == text
    assert wrap_lines("あいうえおかきくけちょっと", 10, unit)[1] == "ちょっと"


def test_an_opening_bracket_goes_down_with_what_it_opens() -> None:
    assert wrap_lines("あいうえおかきくけ「こ」です", 10, unit) == [
        "あいうえおかきくけ",
        "「こ」です",
    ]
    assert wrap_lines("あいうえおかきくけ（注）", 10, unit)[0][-1] != "（"


def test_latin_text_breaks_at_spaces_and_drops_them() -> None:
    assert wrap_lines("The quick brown fox jumps over the lazy dog.", 10, unit) == [
        "The quick",
        "brown fox",
        "jumps over",
        "the lazy",
        "dog.",
    ]


def test_latin_punctuation_after_a_space_stays_with_the_word_before_it() -> None:
    lines = wrap_lines("a word that ends ( oddly ) here .", 11, unit)
    assert kinsoku_kept(lines), lines
    assert rejoins(lines, "a word that ends ( oddly ) here .")


def test_a_hyphenated_word_may_break_after_its_hyphens() -> None:
    assert wrap_lines("rule-of-thumb", 8, unit) == ["rule-of-", "thumb"]
    assert wrap_lines("-5 and 10", 2, unit)[0] == "-5"


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert wrap_lines("abcdefghijkl mn", 5, unit) == ["abcde", "fghij", "kl mn"]


def test_mixed_japanese_and_latin_break_where_either_side_allows() -> None:
    lines = wrap_lines("Miaは「Renに話したい」と思っています。OK です。", 8, unit)
    assert kinsoku_kept(lines), lines
    assert all(fits(line, 8) for line in lines)
    assert "Mia" in lines[0] and "Ren" in "".join(lines)


def test_ellipses_and_dashes_are_never_split_in_two() -> None:
    lines = wrap_lines("あいうえおかきく……けこ", 9, unit)
    assert "……" in "".join(lines) and not any(line.endswith("…") for line in lines[:-1])


def test_newlines_are_forced_breaks_and_blank_lines_stay() -> None:
    assert wrap_lines("一行目\n\n三行目", 10, unit) == ["一行目", "", "三行目"]
    assert wrap_lines("a\r\nb", 10, unit) == ["a", "b"]


def test_empty_and_blank_text_make_no_lines() -> None:
    assert wrap_lines("", 10, unit) == []
    assert wrap_lines(" \n\t", 10, unit) == []


def test_widest_unit_is_the_longest_word_or_glued_run() -> None:
    assert widest_unit("a bb cccc", unit) == 4
    assert widest_unit("あい「う」。え", unit) == 4  # 「う」。 stays together
    assert widest_unit("", unit) == 0


# --- wrap_lines: properties --------------------------------------------------------------------

BASE = "あいうえおかきくけこさしすせそ漢字日本語気持話安心近整理アイウエオカキ"
SMALL_AND_CLOSING = "、。」』）！？ぁぃぅぇぉっゃゅょァィゥェォッャュョーヽゝ々〜・：；"  # noqa: RUF001
OPENING = "（「『【〔〈《"  # noqa: RUF001

# Random Japanese (and some Latin) text: any character anywhere, spaces and newlines included.
jumbles = st.text(
    alphabet=st.sampled_from(BASE + SMALL_AND_CLOSING + OPENING + "abc XYZ,.!?()-…\n"),
    max_size=120,
)


@st.composite
def japanese_sentences(draw: st.DrawFn) -> str:
    """Japanese as it is written: words, each possibly opened by a bracket and followed by up to
    two closing marks or small kana; no glued run is longer than four characters."""
    words = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["", *OPENING]),
                st.text(st.sampled_from(BASE), min_size=1, max_size=4),
                st.text(st.sampled_from(SMALL_AND_CLOSING), max_size=2),
            ),
            min_size=1,
            max_size=30,
        )
    )
    return "".join(o + w + c for o, w, c in words)


@settings(max_examples=300, deadline=None)
@given(text=japanese_sentences(), width=st.integers(6, 40))
def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_bracket(
    text: str, width: int
) -> None:
    lines = wrap_lines(text, width, unit)
    assert kinsoku_kept(lines), lines
    assert "".join(lines) == text
    assert all(fits(line, width) for line in lines), lines


@settings(max_examples=300, deadline=None)
@given(text=jumbles, width=st.integers(1, 30))
def test_any_text_rejoins_and_fits_at_any_width(text: str, width: int) -> None:
    lines = wrap_lines(text, width, unit)
    assert rejoins(lines, text) if text.strip() else lines == []
    assert all(fits(line, width) for line in lines), lines


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80), width=st.floats(0.5, 50))
def test_any_unicode_text_rejoins_and_fits(text: str, width: float) -> None:
    lines = wrap_lines(text, width, unit)
    assert rejoins(lines, text) if text.strip() else lines == []
    # A single character wider than the whole line is the one unavoidable excess.
    assert all(fits(line, width) or len(line) == 1 for line in lines), lines


@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_real_japanese_paragraphs_keep_the_rules_at_real_widths(section_id: str) -> None:
    pdf = _SummaryPDF()
    measure = pdf.measure(BODY)
    _, body = section_text(section_id, "ja")
    for width in (40.0, 75.0, 180.0):
        lines = wrap_lines(clean_text(body), width, measure)
        assert kinsoku_kept(lines), lines
        assert all(
            measure(line) <= width + 1e-9
            or (line[-1] in CLOSING and measure(line[:-1]) <= width + 1e-9)
            for line in lines
        )


def test_the_measure_agrees_with_fpdf2() -> None:
    pdf = _SummaryPDF()
    pdf.add_page()
    pdf.set_font(spec(DEFAULT_LANGUAGE).pdf_font.family, size=BODY.size)
    text = "気持ちを話すこと Talking about feelings（10）。"
    assert pdf.measure(BODY)(text) == pytest.approx(pdf.get_string_width(text))


def test_curly_quotes_are_set_narrow_not_full_width() -> None:
    pdf = _SummaryPDF()
    pdf.add_page()
    pdf.set_font(spec(DEFAULT_LANGUAGE).pdf_font.family, size=BODY.size)
    measure = pdf.measure(BODY)
    quoted, plain = "\u201cnever enough\u201d", '"never enough"'
    # IPAex's own quotes are a full em each; ours are about as wide as straight quotes.
    assert pdf.get_string_width(quoted) - pdf.get_string_width("never enough") > 6
    assert measure(quoted) == pytest.approx(measure(plain), abs=1.0)
    text = "".join(page_texts(to_pdf(make_summary("en", names=("\u2018Al\u2019", "B"), blocks=1))))
    assert "\u2018Al\u2019" in text


# --- clean_text --------------------------------------------------------------------------------


def test_clean_text_keeps_what_the_font_draws_and_replaces_the_rest() -> None:
    assert clean_text("気持ち <b>&amp;</b> {nb} é") == "気持ち <b>&amp;</b> {nb} é"
    assert clean_text("e\u0301") == "é"  # composed, so the font's é is used
    assert clean_text("a\tb\x00c\x1bd\u200be\u202ef") == "a bcdef"
    assert clean_text("one\r\ntwo\u2028three") == "one\ntwo\nthree"
    assert clean_text("hi 😀!") == f"hi {FALLBACK}!"
    # A family emoji is several code points joined: one fallback mark, not five.
    assert clean_text("👨\u200d👩\u200d👧 ok") == f"{FALLBACK} ok"
    assert clean_text("👍🏽") == FALLBACK


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_clean_text_leaves_only_drawable_characters(text: str) -> None:
    from emotions.export.pdf import has_glyph

    assert all(c == "\n" or has_glyph(c) for c in clean_text(text))


# --- column widths -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    rows=st.integers(1, 8).flatmap(
        lambda n: st.lists(st.lists(st.text(max_size=40), min_size=n, max_size=n), min_size=1)
    ),
    total=st.floats(60, 180),
)
def test_column_widths_fill_the_width_exactly(rows: list[list[str]], total: float) -> None:
    widths = column_widths(rows, total, unit)
    assert sum(widths) == pytest.approx(total)
    assert all(w > 0 for w in widths)


def test_short_columns_keep_their_width_and_text_columns_take_the_rest() -> None:
    rows = [["Need", "Mia", "Ren"], ["Talking about feelings", "9", "3"]]
    widths = column_widths(rows, 180, unit, stretch=[True, False, False])
    assert widths[1] == widths[2] == MIN_COLUMN
    assert widths[0] == pytest.approx(180 - 2 * MIN_COLUMN)


# --- the PDF -----------------------------------------------------------------------------------

NAMES: dict[Language, tuple[str, str]] = {"en": ("Mia", "Ren"), "ja": ("みお", "れん")}


def make_summary(
    lang: Language,
    *,
    names: tuple[str, str] | None = None,
    blocks: int = 16,
    partners: tuple[str, ...] = ("a", "b"),
) -> Summary:
    """A full summary built by hand from the catalogs: every kind of content in every block."""
    a, b = names or NAMES[lang]
    needs = {"a": [9, 6, 7, 9, 8, 10, 7, 9], "b": [3, 4, 5, 1, 3, 1, 3, 5]}
    made = []
    for i, section in enumerate(SECTION_IDS[:blocks]):
        heading, body = section_text(section, lang)
        paragraphs = [p for p in body.split("\n\n") if p.strip()][:3]
        rows = [
            [t(f"dim.{dim}.name", lang), str(needs["a"][k % 8]), str(needs["b"][k % 8])]
            for k, dim in enumerate(DIMENSION_IDS)
        ]
        made.append(
            Block(
                title=heading,
                paragraphs=paragraphs,
                bullets=[t(f"dim.{dim}.high", lang) for dim in DIMENSION_IDS[: i % 4 + 2]],
                tables=[Table([t("needs.table_dimension", lang), a, b], rows)]
                if i % 3 == 0
                else [],
                notes=[(a, paragraphs[0]), (b, paragraphs[-1][:80])] if i % 2 == 0 else [],
            )
        )
    return Summary(
        lang=lang,
        title=t("app.title", lang),
        subtitle=f"{a} & {b}",
        notice=t("frame.notice", lang),
        rule_of_thumb=t("needs.areas_caption", lang, **bands(lang)),
        radar=RadarData(
            axes=[t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS],
            dimensions=list(DIMENSION_IDS),
            needs={pid: needs[pid] for pid in partners if pid in needs},
            names={"a": a, "b": b},
        ),
        blocks=made,
    )


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in read(data).pages]


def squeeze(text: str) -> str:
    return "".join(text.split())


@functools.cache
def full_pdf(lang: Language) -> tuple[Summary, bytes]:
    summary = make_summary(lang)
    return summary, to_pdf(summary)


@pytest.fixture(params=["en", "ja"])
def rendered(request: pytest.FixtureRequest) -> tuple[Summary, bytes]:
    return full_pdf(request.param)


def test_the_text_holds_the_title_notices_and_every_heading_in_the_language(
    rendered: tuple[Summary, bytes],
) -> None:
    summary, data = rendered
    text = squeeze("".join(page_texts(data)))
    for expected in (summary.title, summary.notice, summary.rule_of_thumb, *summary.radar.axes):
        assert squeeze(expected) in text
    for block in summary.blocks:
        assert squeeze(block.title) in text
    if summary.lang == "ja":
        assert "ふたりのニーズ" in text or "ニーズ" in text


def test_the_font_is_embedded_as_a_subset(rendered: tuple[Summary, bytes]) -> None:
    _, data = rendered
    seen = set()
    for page in read(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            seen.add(font["/BaseFont"])
            assert font["/Subtype"] == "/Type0"
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert len(seen) == 1
    (name,) = seen
    assert re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", name)


def test_pages_are_numbered_n_of_total(rendered: tuple[Summary, bytes]) -> None:
    _, data = rendered
    texts = page_texts(data)
    assert len(texts) > 3
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {len(texts)}" in text
    # Numbers are written after the content: each page must set their small size again.
    for page in read(data).pages:
        content = page.get_contents()
        assert content is not None
        sizes = re.findall(r"/F1 ([\d.]+) Tf", content.get_data().decode("latin-1"))
        assert sizes[-1] == "8.50"


def test_extracted_japanese_lines_keep_the_line_breaking_rules() -> None:
    _, data = full_pdf("ja")
    lines = [line.strip() for text in page_texts(data) for line in text.splitlines()]
    assert len(lines) > 100
    assert kinsoku_kept([line for line in lines if line])


def test_the_radar_is_vector_in_the_partner_colours(rendered: tuple[Summary, bytes]) -> None:
    _, data = rendered
    first = read(data).pages[0]
    assert list(first.images) == []
    content = first.get_contents()
    assert content is not None
    stream = content.get_data().decode("latin-1")
    strokes = {
        tuple(round(float(v), 2) for v in m.groups())
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) RG", stream)
    }
    for colour in PARTNER_COLOURS.values():
        assert tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5)) in strokes
    assert re.search(r"\[[\d.]+ [\d.]+\] [\d.]+ d", stream), "partner B's outline is dashed"
    assert "/GS0 gs" in stream, "the areas are filled with transparency"


def test_a_full_summary_is_compact() -> None:
    assert len(to_pdf(make_summary("ja"))) < 400_000
    assert len(to_pdf(make_summary("en"))) < 120_000


def test_user_text_appears_as_typed_and_unknown_characters_do_not_fail() -> None:
    name_a, name_b = "<b>Al</b> & {nb}", "Zoë 😀\u202e\x07"
    summary = make_summary("en", names=(name_a, name_b), blocks=2)
    text = "".join(page_texts(to_pdf(summary)))
    assert "<b>Al</b> & {nb}" in text
    assert f"Zoë {FALLBACK}" in text
    assert "\u202e" not in text and "\x07" not in text


def test_one_partner_and_no_partner_summaries_render() -> None:
    for partners in (("a",), ("b",), ()):
        summary = make_summary("ja", partners=partners, blocks=1)
        assert len(read(to_pdf(summary)).pages) >= 1


def test_a_very_long_note_and_table_cell_flow_over_pages() -> None:
    note = "長いメモです。「括弧」や小さい「っ」を含みます。" * 150
    cell = "とても長いセル、" * 300
    summary = replace(
        make_summary("ja", blocks=0),
        blocks=[Block("長い", notes=[("みお", note)], tables=[Table(["A", "B"], [["1", cell]])])],
    )
    texts = page_texts(to_pdf(summary))
    assert len(texts) >= 4
    # Without the page numbers and the table's header (repeated on each page it continues on),
    # the pages' text holds the note and the cell whole.
    body = squeeze(re.sub(r"(?m)^(\d+ / \d+|A B)$", "", "\n".join(texts)))
    assert squeeze(note) in body
    assert squeeze(cell) in body


def test_documents_do_not_share_state() -> None:
    """The parsed font is shared between documents: each must embed only its own glyphs."""

    def font_file_size(data: bytes) -> int:
        font = read(data).pages[0]["/Resources"]["/Font"]["/F1"].get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        return len(descriptor["/FontFile2"].get_object().get_data())

    small = replace(
        make_summary("en", blocks=0), title="A", subtitle="", notice="", rule_of_thumb=""
    )
    before = font_file_size(to_pdf(small))
    to_pdf(make_summary("ja"))
    assert font_file_size(to_pdf(small)) == before


# --- anything a Summary may hold ---------------------------------------------------------------

any_text = st.text(max_size=50)
tables = st.builds(
    Table,
    columns=st.lists(any_text, max_size=6),
    rows=st.lists(st.lists(any_text, max_size=7), max_size=4),
)
blocks = st.builds(
    Block,
    title=any_text,
    paragraphs=st.lists(st.text(max_size=300), max_size=3),
    bullets=st.lists(any_text, max_size=3),
    tables=st.lists(tables, max_size=2),
    notes=st.lists(st.tuples(any_text, st.text(max_size=300)), max_size=2),
)
radars = st.builds(
    RadarData,
    axes=st.lists(any_text, min_size=0, max_size=9),
    dimensions=st.just(list(DIMENSION_IDS)),
    needs=st.dictionaries(
        st.sampled_from(["a", "b"]),
        st.lists(st.none() | st.integers(-3, 14), max_size=10),
        max_size=2,
    ),
    names=st.dictionaries(st.sampled_from(["a", "b"]), any_text, max_size=2),
    open_legend=st.dictionaries(st.sampled_from(["a", "b"]), any_text, max_size=2),
)
summaries = st.builds(
    Summary,
    lang=st.sampled_from(["en", "ja"]),
    title=any_text,
    subtitle=any_text,
    notice=any_text,
    rule_of_thumb=any_text,
    radar=radars,
    blocks=st.lists(blocks, max_size=4),
    sample=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(summary=summaries)
def test_any_summary_renders_without_error(summary: Summary) -> None:
    data = to_pdf(summary)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


# --- through build_summary, when it is there ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("anonymous", [False, True])
def test_the_couples_summaries_read_back(lang: Language, anonymous: bool) -> None:
    summary_module = pytest.importorskip("emotions.export.summary")
    from tests.couples import reassurance_and_independence, talker_and_processor

    for wb in (talker_and_processor(), reassurance_and_independence()):
        names = [p.name for p in wb.partners.values()]
        wb.partners["a"].reflections["distance"] = f"{names[1]}に話を聞いてほしい。"
        summary = summary_module.build_summary(wb, lang, anonymous=anonymous)
        text = squeeze("".join(page_texts(to_pdf(summary))))
        for block in summary.blocks:
            assert squeeze(block.title) in text
        assert squeeze(summary.notice) in text
        assert squeeze(summary.rule_of_thumb) in text
        for name in names:
            assert (name in text) is not anonymous
        if lang == "ja":
            assert squeeze(t("section.what-it-means.title", "ja")) in text or any(
                "ニーズ" in block.title for block in summary.blocks
            )


@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_any_generated_workbook_exports_as_pdf(data: st.DataObject) -> None:
    summary_module = pytest.importorskip("emotions.export.summary")
    from tests.unit.strategies import workbooks

    wb = data.draw(workbooks)
    lang = data.draw(st.sampled_from(["en", "ja"]))
    summary = summary_module.build_summary(wb, lang, anonymous=data.draw(st.booleans()))
    assert to_pdf(summary).startswith(b"%PDF-")
