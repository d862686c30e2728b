"""A text that quotes a label (a band, a partner's neutral name, a page's name in the navigation,
a question's name) takes it as a placeholder, so rewording the label touches its catalog entry only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emotions.i18n import CONTENT_DIR, catalog
from emotions.model import Language

LANGS: tuple[Language, ...] = ("en", "ja")
LABELS = ("band.", "partner.", "nav.", "needs.kind_", "names.heading", "lang.")
"""Catalog keys (prefixes) of labels other texts refer to."""

# Section explanations are Markdown read by ``section_text``, which fills only the registry counts
# ({dimension_count}); these still quote labels word for word until it fills label keys too.
KNOWN_IN_CONTENT = {
    ("en", "sections/final-thoughts.md", "nav.workbook"),
    ("en", "sections/introduction.md", "nav.workbook"),
    ("ja", "sections/final-thoughts.md", "nav.workbook"),
    ("ja", "sections/compatibility.md", "band.close"),
    ("ja", "sections/compatibility.md", "band.different"),
    ("ja", "sections/compatibility.md", "band.far"),
    ("ja", "sections/introduction.md", "partner.a"),
    ("ja", "sections/introduction.md", "partner.b"),
    ("ja", "sections/introduction.md", "nav.workbook"),
}


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
def test_content_quotes_no_label_beyond_the_known_ones(lang: Language) -> None:
    found = {
        (lang, path.relative_to(CONTENT_DIR / lang).as_posix(), label)
        for path in sorted((CONTENT_DIR / lang).rglob("*"))
        if path.is_file()
        for label in quoting(path.read_text(encoding="utf-8"), lang)
    }
    known = {entry for entry in KNOWN_IN_CONTENT if entry[0] == lang}
    assert found == known, "a content text quotes a label: use a placeholder, or list it here"


def test_the_check_sees_a_quoted_label() -> None:
    assert quoting(f"the band “{catalog('en')['band.far']}”", "en") == {"band.far"}
    assert Path(CONTENT_DIR).is_dir()
