"""The take-away cards: chosen only from what both partners answered, every card's words in the
PDF (eight to an A4 sheet), no name unless asked for, and no typed text that breaks the file."""

from __future__ import annotations

import functools
import io

import pytest
from pypdf import PdfReader

from emotions.analysis import areas_to_understand
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises.adjustments import adjustment_id
from emotions.export.cards import (
    CARDS_PER_PAGE,
    Prompt,
    card_words,
    choose,
    page_count,
    to_cards_pdf,
)
from emotions.export.pdf import clean_text
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import PARTNER_IDS, Language, Workbook
from emotions.samples import SAMPLE_IDS, load_sample
from tests.partly_answered import one_sided, one_silent, only_on
from tests.xss import PAYLOADS


def squeeze(text: str) -> str:
    return "".join(text.split())


def pdf_text(data: bytes) -> tuple[int, str]:
    """Pages and all text of a PDF, whitespace removed."""
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), squeeze("".join(p.extract_text() for p in reader.pages))


@functools.cache
def sample(sample_id: str, lang: Language) -> Workbook:
    return load_sample(sample_id, lang)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample_id", SAMPLE_IDS)
def test_every_card_of_a_sample_couple_is_in_the_pdf_without_names(
    sample_id: str, lang: Language
) -> None:
    wb = sample(sample_id, lang)
    cards = card_words(wb, lang)
    assert cards, "a sample couple differs somewhere: it has cards"
    pages, text = pdf_text(to_cards_pdf(wb, lang))
    assert pages == page_count(len(cards)) == -(-len(cards) // CARDS_PER_PAGE)
    for [words] in cards:
        assert words.lang == lang
        assert squeeze(clean_text(words.text)) in text
        assert squeeze(words.label) in text
    assert squeeze(t("app.title", lang)) in text
    for pid in PARTNER_IDS:
        assert squeeze(wb.partners[pid].name) not in text
        assert squeeze(t(f"partner.{pid}", lang)) in text


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_bilingual_cards_hold_every_language_and_names_when_asked(lang: Language) -> None:
    wb = sample(SAMPLE_IDS[0], lang)
    cards = card_words(wb, lang, with_names=True, bilingual=True)
    pages, text = pdf_text(to_cards_pdf(wb, lang, with_names=True, bilingual=True))
    assert pages == page_count(len(cards))
    for card in cards:
        assert card[0].lang == lang
        assert sorted(w.lang for w in card) == sorted(LANGUAGE_CODES)
        for words in card:
            assert squeeze(clean_text(words.text)) in text
    for pid in PARTNER_IDS:
        assert squeeze(wb.partners[pid].name) in text


def test_a_partner_who_answered_nothing_is_never_compared() -> None:
    for silent in PARTNER_IDS:
        wb = one_silent(silent)
        assert choose(wb) == []
    assert choose(one_sided("a")) == []
    assert choose(Workbook()) == []


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_only_the_dimension_both_answered_gives_cards(lang: Language) -> None:
    dim = DIMENSION_IDS[2]
    wb = only_on(dim)
    # Picks on other dimensions (made when the answers were different) are left out.
    wb.partners["a"].adjustments = [
        adjustment_id(DIMENSION_IDS[0], "higher", 1),
        adjustment_id(dim, "higher", 2),
        adjustment_id(dim, "lower", 3),  # Mia is on the higher side of dim now
    ]
    prompts = choose(wb)
    assert {p.area.dimension for p in prompts} == {dim}
    assert [p.kind for p in prompts] == ["opener", "higher_could_try", "lower_could_try", "pick"]
    assert prompts[-1] == Prompt("pick", areas_to_understand(wb)[0], "a", f"{dim}-higher-2")
    _, text = pdf_text(to_cards_pdf(wb, lang, bilingual=True))
    for other in DIMENSION_IDS:
        if other != dim:
            for code in LANGUAGE_CODES:
                assert squeeze(t(f"dim.{other}.name", code)) not in text


def test_equal_needs_give_no_cards() -> None:
    wb = only_on(DIMENSION_IDS[0], need=9)
    assert choose(wb) == []


def test_hostile_names_never_break_the_pdf() -> None:
    lang = LANGUAGE_CODES[0]  # bilingual: every language's texts carry the names
    wb = sample(SAMPLE_IDS[1], lang).model_copy(deep=True)
    names = [p.text for p in PAYLOADS if p.fits_name]
    cards = len(card_words(wb, lang))
    for a, b in zip(names, reversed(names), strict=True):
        wb.partners["a"].name, wb.partners["b"].name = a, b
        data = to_cards_pdf(wb, lang, with_names=True, bilingual=True)
        assert len(PdfReader(io.BytesIO(data)).pages) == page_count(cards), (a, b)
