"""The take-away cards in a real browser, in both languages: a session loads a sample couple,
asks for both languages on each card on the files page, and the PDF the browser saves holds every
card's words in every language, on the expected number of sheets, and no partner's name."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from emotions.export.cards import card_words, page_count
from emotions.export.pdf import clean_text
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import PARTNER_IDS, Language
from emotions.samples import SAMPLE_IDS, load_sample
from tests.browser.axe import load_first_sample
from tests.browser.kit import ARTIFACTS, StreamlitServer, full_page_screenshot, open_app, wait_idle
from tests.browser.test_files import FILES, download, go

pytestmark = pytest.mark.browser


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_bilingual_deck_downloads_with_every_card(
    browser: Browser, server: StreamlitServer, lang: Language
) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale=spec(lang).locale_languages[0]
    )
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        open_app(page, server.url)
        load_first_sample(page, lang)
        go(page, FILES, lang)
        box = page.locator(".st-key-cards_bilingual")
        box.locator("label").first.click()
        expect(box.locator("input")).to_be_checked()
        wait_idle(page)
        button = page.locator(".st-key-download_cards button")
        expect(button).to_have_text(t("cards.download", lang))
        button.scroll_into_view_if_needed()
        full_page_screenshot(page, ARTIFACTS / f"cards-files-page-{lang}.png")
        saved = download(page, "download_cards")
    finally:
        context.close()

    assert saved.name.startswith("emotional-needs-cards-"), saved.name
    assert saved.name.endswith(f"-{lang}.pdf"), saved.name
    reader = PdfReader(io.BytesIO(saved.data))
    wb = load_sample(SAMPLE_IDS[0], lang)
    cards = card_words(wb, lang, bilingual=True)
    assert len(reader.pages) == page_count(len(cards))
    text = squeeze("".join(p.extract_text() for p in reader.pages))
    for card in cards:
        assert len(card) == len(LANGUAGE_CODES)
        for words in card:
            assert squeeze(clean_text(words.text)) in text
    for pid in PARTNER_IDS:
        assert squeeze(wb.partners[pid].name) not in text
