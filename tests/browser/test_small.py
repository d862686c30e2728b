"""Issue 16, item 10, in a real browser (1366 x 900, both languages, the browser in Tokyo): the
browser copy's time in the browser's time zone, and the uploaders' own English size line hidden
while the label and a caption in the user's language say what to do and the workbook's limit."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from playwright.sync_api import Browser, expect

from emotions import keep as keeping
from emotions.clock import shown_time
from emotions.i18n import t
from emotions.languages import language_from_locale
from emotions.workbook_io import MAX_BYTES
from tests.browser.kit import ARTIFACTS, StreamlitServer, open_app, wait_idle
from tests.couples import talker_and_processor
from ui.files import UPLOAD_BUTTON
from ui.keep import ON_ENTRY, STORED_ENTRY

pytestmark = pytest.mark.browser

ZONE = "Asia/Tokyo"
ZWSP = "\u200b"  # the app's escaping puts one after every ":"
INSTRUCTIONS = '[data-testid="stFileUploaderDropzoneInstructions"]'


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_time_zone_and_uploaders(browser: Browser, server: StreamlitServer, locale: str) -> None:
    lang = language_from_locale(locale)
    stored = talker_and_processor()
    stored.language = lang
    stored.updated = dt.datetime(2026, 12, 2, 22, 30, tzinfo=dt.UTC)
    context = browser.new_context(
        viewport={"width": 1366, "height": 900}, locale=locale, timezone_id=ZONE
    )
    context.set_default_timeout(30_000)
    context.add_init_script(
        f"window.localStorage.setItem({json.dumps(STORED_ENTRY)},"
        f" {json.dumps(keeping.stored_text(stored))});"
        f"window.localStorage.setItem({json.dumps(ON_ENTRY)}, '1');"
    )
    page = context.new_page()
    try:
        open_app(page, server.url)
        offer = page.locator(".st-key-keep_offer")
        expect(offer).to_be_visible()
        when = shown_time(stored.updated, ZONE, lang)
        assert "07:30" in when  # the next morning in Tokyo
        expect(offer).to_contain_text(when.replace(":", ":" + ZWSP))
        offer.screenshot(path=str(ARTIFACTS / f"small-keep-offer-{lang}.png"))
        page.locator(".st-key-keep_discard button").click()
        wait_idle(page)

        page.locator('[data-testid="stSidebarNav"] a[href$="/workbook"]').click()
        wait_idle(page, settle_ms=300)
        note = t("files.size_note", lang, limit_kb=MAX_BYTES // 1000)
        for key, label in (("resume_upload", "resume_label"), ("combine_upload", "combine_label")):
            uploader = page.locator(f".st-key-{key}")
            uploader.scroll_into_view_if_needed()
            expect(uploader.locator("label").first).to_have_text(
                t(f"files.{label}", lang, button=UPLOAD_BUTTON)
            )
            # The button the label names says what the label says it does.
            expect(uploader.get_by_role("button", name=UPLOAD_BUTTON, exact=True)).to_be_visible()
            # Streamlit's "1MB per file" is there, but not shown (and not read out).
            expect(uploader.locator(INSTRUCTIONS)).to_have_count(1)
            expect(uploader.locator(INSTRUCTIONS)).to_be_hidden()
            caption = uploader.locator("xpath=following-sibling::*[1]")
            expect(caption).to_have_text(note)
            box = uploader.bounding_box()
            assert box is not None
            shot = {**box, "height": box["height"] + 60}  # and the caption below
            page.screenshot(path=str(ARTIFACTS / f"small-{key}-{lang}.png"), clip=shot)
        assert "MB per file" not in page.locator('[data-testid="stMain"]').inner_text()
    finally:
        context.close()
