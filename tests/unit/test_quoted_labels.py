"""A text that quotes a label (a band, a partner's neutral name, a page's name in the navigation,
a question's name) takes it as a placeholder, so rewording the label touches its catalog entry only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emotions.i18n import CONTENT_DIR, catalog, section_text
from emotions.languages import LANGUAGE_CODES, Language

LANGS = LANGUAGE_CODES
LABELS = ("band.", "partner.", "nav.", "needs.kind_", "names.heading", "lang.")
"""Catalog keys (prefixes) of labels other texts refer to."""


def labels(lang: Language) -> dict[str, str]:
    return {
        key: text
        for key, text in catalog(lang).items()
        if key.startswith(LABELS) and "{" not in text and len(text) > 1
    }


def quoting(text: str, lang: Language, own_key: str = "") -> set[str]:
    """The label keys whose label ``text`` quotes word for word (“…” or 「…」)."""
    return {
        key
        for key, label in labels(lang).items()
        if key != own_key and (f"“{label}”" in text or f"「{label}」" in text)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_no_catalog_text_quotes_a_label_word_for_word(lang: Language) -> None:
    quoted = {
        (key, label)
        for key, text in catalog(lang).items()
        for label in quoting(text, lang, own_key=key)
    }
    assert quoted == set()


@pytest.mark.parametrize("lang", LANGS)
def test_no_content_text_quotes_a_label_word_for_word(lang: Language) -> None:
    found = {
        (lang, path.relative_to(CONTENT_DIR / lang).as_posix(), label)
        for path in sorted((CONTENT_DIR / lang).rglob("*"))
        if path.is_file()
        for label in quoting(path.read_text(encoding="utf-8"), lang)
    }
    assert found == set(), "a content text quotes a label: use its placeholder ({band_far})"


def test_the_check_sees_a_quoted_label() -> None:
    assert quoting(f"the band “{catalog('en')['band.far']}”", "en") == {"band.far"}
    assert Path(CONTENT_DIR).is_dir()


@pytest.mark.parametrize("lang", LANGS)
def test_section_texts_quote_the_labels_as_the_catalog_words_them(lang: Language) -> None:
    _, body = section_text("compatibility", lang)
    assert all(catalog(lang)[f"band.{band}"] in body for band in ("close", "different", "far"))
    _, body = section_text("introduction", lang)
    assert catalog(lang)["partner.a"] in body and catalog(lang)["nav.workbook"] in body
    assert "{" not in body
