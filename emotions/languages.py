"""The languages of the workbook: one registry every per-language rule is read from.

Each language is one ``LanguageSpec`` in ``LANGUAGES``. Adding a language is: its entry here (and
its code in ``Language``), its catalog ``locales/<code>.toml``, its content folder
``content/<code>/`` (with the sample couples' words in ``samples.toml``). Nothing else in the code
names a language: whatever differs between languages (list separators, fonts, line widths, date
formats, line breaking, the name on the language switch) is a field of the spec, so a language
that lacks one cannot be built, and the unit tests run every consumer for every registered language
(and for a made-up third one).

This module imports nothing from the rest of the package but the line-breaking rules, so that
``model`` can take ``Language`` from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from emotions.export.linebreak import KINSOKU, BreakRules

Language = Literal["en", "ja"]
"""The code of a language the workbook is written in (the registry below must match it)."""

FONTS_DIR = Path(__file__).resolve().parents[1] / "assets" / "fonts"


@dataclass(frozen=True)
class PdfFont:
    """A TrueType font embedded (as a subset) in the PDF export."""

    path: Path
    family: str
    """The name fpdf2 knows the font by inside a document."""


IPAEX_GOTHIC = PdfFont(path=FONTS_DIR / "ipaexg.ttf", family="ipaexg")
"""IPAex Gothic (IPA Font License v1.0, licence beside it): Japanese and Latin in one face, so a
PDF in either language can show a note or a name written in the other."""


PluralCategory = Literal["zero", "one", "two", "few", "many", "other"]
"""CLDR's plural categories: a catalog text that shows a count has one form per category its
language uses (``one`` and ``other`` in English, only ``other`` in Japanese)."""


def _english_plural(count: int) -> PluralCategory:
    return "one" if count == 1 else "other"


def _no_plural(count: int) -> PluralCategory:
    return "other"


@dataclass(frozen=True)
class LanguageSpec:
    """Everything that differs between languages, apart from the words (catalog and content).

    No field has a default: an entry that forgets one fails when the module is imported.
    """

    code: Language
    """ISO 639-1 code: the catalog ``locales/<code>.toml``, the folder ``content/<code>/``, the
    ``lang`` attribute of the HTML and PDF exports."""
    name: str
    """The language's name in its own language, as the language switch shows it."""
    locale_languages: tuple[str, ...]
    """Primary subtags of a browser locale (lower case) that choose this language: ``ja`` for
    ``ja-JP``."""
    list_separator: str
    """Between the items of a list in running text ("a, b"; 「a、b」)."""
    word_separator: str
    """Between words: joins the lines of a label that was broken for a chart. Empty for a language
    written without spaces, whose labels then wrap by length instead of at spaces."""
    font_family: str
    """CSS ``font-family`` list for the charts, the HTML export and the SVG radar; fonts that hold
    the language's glyphs, local ones first (nothing is fetched from outside)."""
    pdf_font: PdfFont
    """The font of the PDF export."""
    svg_line_chars: int
    """How many characters an axis label of the SVG radar may hold on one line."""
    line_breaking: BreakRules
    """The line-breaking rules of the PDF export (``linebreak.wrap_lines``)."""
    date_format: str
    """A date in text: ``str.format`` with ``year``, ``month`` and ``day`` (ints)."""
    chart_date_format: str
    """A date on a chart axis and in its hover text: plotly's (d3) time format."""
    plural: Callable[[int], PluralCategory]
    """The plural category of a count (CLDR's rules for whole numbers): which form of a catalog
    text with a count ``i18n.t`` shows."""


LANGUAGES: tuple[LanguageSpec, ...] = (
    LanguageSpec(
        code="en",
        name="English",
        locale_languages=("en",),
        list_separator=", ",
        word_separator=" ",
        font_family='"Source Sans Pro", "Noto Sans", "Helvetica Neue", Arial, sans-serif',
        pdf_font=IPAEX_GOTHIC,
        svg_line_chars=14,
        # An English workbook may hold Japanese names and notes: the same rules apply.
        line_breaking=KINSOKU,
        date_format="{year}-{month:02d}-{day:02d}",
        chart_date_format="%d %b %Y",
        plural=_english_plural,
    ),
    LanguageSpec(
        code="ja",
        name="日本語",
        locale_languages=("ja",),
        list_separator="、",
        word_separator="",
        font_family=(
            '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif'
        ),
        pdf_font=IPAEX_GOTHIC,
        svg_line_chars=6,
        line_breaking=KINSOKU,
        date_format="{year}年{month}月{day}日",
        chart_date_format="%Y年%-m月%-d日",
        plural=_no_plural,
    ),
)
"""Every language, in the order the language switch offers them; the first is the default."""


def check_registry(codes: tuple[str, ...], specs: tuple[LanguageSpec, ...]) -> None:
    """Raise unless ``specs`` hold exactly one entry per code of ``codes``, in the same order."""
    registered = tuple(s.code for s in specs)
    if registered != codes:
        raise RuntimeError(
            f"the Language literal {codes} and the LANGUAGES registry {registered} disagree:"
            " every language needs its code in both, once"
        )


check_registry(get_args(Language), LANGUAGES)

LANGUAGE_CODES: tuple[Language, ...] = tuple(s.code for s in LANGUAGES)
DEFAULT_LANGUAGE: Language = LANGUAGES[0].code
"""The language of a new workbook when the browser asks for none the workbook has."""

_BY_CODE: dict[str, LanguageSpec] = {s.code: s for s in LANGUAGES}


def spec(lang: Language) -> LanguageSpec:
    """The spec of ``lang`` (``KeyError`` for a code that is not registered)."""
    return _BY_CODE[lang]


def format_date(day: dt.date, lang: Language) -> str:
    """A date as people write it in ``lang`` (its ``date_format``)."""
    return spec(lang).date_format.format(year=day.year, month=day.month, day=day.day)


def language_from_locale(locale: str | None) -> Language:
    """The app language for a browser locale such as ``ja-JP`` (the default language unless the
    locale's language is one of ours)."""
    primary = re.split(r"[-_]", (locale or "").strip().lower(), maxsplit=1)[0]
    for candidate in _BY_CODE.values():
        if primary in candidate.locale_languages:
            return candidate.code
    return DEFAULT_LANGUAGE
