"""Every section opens by its own URL, in both languages, with the section's own heading."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from emotions.dimensions import SECTION_IDS
from emotions.i18n import section_text
from tests.browser.kit import StreamlitServer, open_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("ja-JP", "ja")])
def test_every_section_url_opens_in_both_languages(
    browser: Browser, server: StreamlitServer, locale: str, lang: str
) -> None:
    # The browser's locale picks the language of a new session.
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        for section in SECTION_IDS:
            open_app(page, server.url, section)
            heading = page.locator('[data-testid="stMain"] h1').first
            expect(heading).to_have_text(section_text(section, lang)[0])
            # The first section is the app's default page: Streamlit shows it at "/".
            expected = "" if section == SECTION_IDS[0] else section
            assert page.url == f"{server.url}/{expected}"
    finally:
        context.close()
