"""Claims the workbook makes to its users are true, in every language: no outcome promises or
unsupported superlatives, a privacy line that states how long the server keeps a session, and a
meta-emotion attribution that names where the idea comes from."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from emotions.i18n import CONTENT_DIR, LOCALES_DIR, catalog, placeholders, section_text, t
from emotions.languages import LANGUAGE_CODES, Language

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"

FORBIDDEN: dict[Language, tuple[str, ...]] = {
    # The words are the point: a superlative nobody measured, or a promise of how things will turn
    # out. Checked case-insensitively, as plain substrings.
    "en": (
        "most reliable",
        "one of the most",
        "surest",
        "the best way",
        "most effective",
        "guarantee",
        "proven",
        "will help",
        "will become",
        "will grow",
        "will feel",
        "will improve",
        "always works",
        "certainly",
        "surely",
        "definitely",
    ),
    "ja": (
        "必ず",
        "最も",
        "確実に",
        "きっと",
        "間違いなく",
        "保証",
        "いちばんの方法",
        "確かな方法",
        "なっていくでしょう",
        "ようになるでしょう",
        "うまくいくでしょう",
    ),
}

VOICES = ("samples.toml",)
"""The sample couples speak in their own voice (「必ず戻るから」 is one partner's promise to the
other, not the workbook's claim to the reader), so their file is not read for the workbook's
claims."""

PRIVACY_KEYS = (
    "frame.privacy",
    "intro.step_nothing_stored",
    "intro.privacy_body",
    "files.intro",
    "safety_page.privacy",
)
"""Every catalog text that tells users how long the server keeps their answers."""


def workbook_texts(lang: Language) -> list[Path]:
    """The catalog and every content file of ``lang`` in which the workbook speaks to users."""
    content = sorted(
        path
        for path in (CONTENT_DIR / lang).rglob("*")
        if path.suffix in (".toml", ".md") and path.name not in VOICES
    )
    return [LOCALES_DIR / f"{lang}.toml", *content]


def claims_found(text: str, lang: Language) -> list[str]:
    folded = text.casefold()
    return [phrase for phrase in FORBIDDEN[lang] if phrase.casefold() in folded]


def test_every_language_has_its_list() -> None:
    assert set(FORBIDDEN) == set(LANGUAGE_CODES)
    assert all(FORBIDDEN[lang] for lang in LANGUAGE_CODES)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_no_outcome_promises_or_unsupported_superlatives(lang: Language) -> None:
    files = workbook_texts(lang)
    assert len(files) > 10  # the catalog, the section pages and the content tables
    assert CONTENT_DIR / lang / "sections" / "final-thoughts.md" in files
    found = {
        path.relative_to(CONTENT_DIR.parent).as_posix(): hits
        for path in files
        if (hits := claims_found(path.read_text(encoding="utf-8"), lang))
    }
    assert found == {}


def test_the_check_finds_what_it_looks_for() -> None:
    assert claims_found("This is One of the Most reliable ways.", "en") == [
        "most reliable",
        "one of the most",
    ]
    assert claims_found("関係は安定したものになっていくでしょう。", "ja") == ["なっていくでしょう"]
    assert claims_found("A difference to understand, not a flaw to fix.", "en") == []


def session_minutes() -> int:
    """How long the shipped config keeps a session whose tab closed or whose connection dropped."""
    with CONFIG.open("rb") as fh:
        seconds = tomllib.load(fh)["server"]["disconnectedSessionTTL"]
    assert seconds % 60 == 0
    return int(seconds // 60)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("key", PRIVACY_KEYS)
def test_privacy_texts_state_how_long_the_server_keeps_a_session(lang: Language, key: str) -> None:
    text = t(key, lang)
    assert f"{session_minutes()}" in text, text


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_introduction_states_the_same_figure(lang: Language) -> None:
    _, body = section_text("introduction", lang)
    assert f"{session_minutes()}" in body


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_meta_emotion_names_the_family_research_it_comes_from(lang: Language) -> None:
    """The term comes from Gottman, Katz & Hooven (1996), on parents and children."""
    _, body = section_text("meta-emotion", lang)
    assert "1996" in body


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_room_privacy_line_takes_its_figures_from_the_rooms_code(lang: Language) -> None:
    """The threshold and the lifetime are filled in from emotions/rooms.py, never typed."""
    assert placeholders(catalog(lang)["privacy_rooms.line"]) == {"min_shown", "hours"}
