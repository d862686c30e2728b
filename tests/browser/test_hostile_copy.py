"""A tampered copy in the browser's storage, in Chromium (issue 8): a copy holding a lone surrogate
(text JavaScript can store and send, which Python cannot encode) and a field named like a Markdown
image is refused with a message, the app keeps working, and the same text uploaded as a workbook
file makes the browser fetch nothing. (Broken, foreign, newer copies: tests/browser/test_keep.py.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from emotions.i18n import t
from tests.browser.kit import NetworkLog, StreamlitServer, open_app, set_name, wait_idle
from ui.keep import ON_ENTRY, STORED_ENTRY

pytestmark = pytest.mark.browser

PIXEL = "http://127.0.0.1:9/pixel.png"
# JSON with a ``\ud800`` escape: uploaded as is; in localStorage the escape becomes the lone
# surrogate itself, as a script of the same origin could leave it.
TAMPERED = '{"schema_version": 1, "![p](' + PIXEL + ')": 1, "partners": {"a": {"name": "\\ud800"}}}'


def test_a_tampered_copy_with_a_lone_surrogate_is_refused_and_fetches_nothing(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    # Planted from a page of the same origin that runs no app session (see test_keep.py).
    page.goto(f"{server.url}/_stcore/health")
    page.evaluate(
        r"""([k, v, on]) => {
            localStorage.setItem(k, v.replace("\\ud800", String.fromCharCode(0xd800)));
            localStorage.setItem(on, "1");
        }""",
        [STORED_ENTRY, TAMPERED, ON_ENTRY],
    )
    lone = "(k) => localStorage.getItem(k).includes(String.fromCharCode(0xd800))"
    assert page.evaluate(lone, STORED_ENTRY)
    open_app(page, server.url)
    offer = page.locator(".st-key-keep_offer")
    expect(offer).to_contain_text(t("keep.broken", "en"))
    expect(offer).to_contain_text("partners › a › name")
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator(".st-key-keep_restore")).to_have_count(0)
    set_name(page, "a", "Quillon")  # the app works meanwhile
    expect(page.locator(".st-key-name__a input")).to_have_value("Quillon")

    # The same text as a workbook file: rejected by name, the field shown as plain words.
    page.locator('[data-testid="stSidebarNav"] a[href$="/workbook"]').click()
    wait_idle(page)
    page.locator('.st-key-resume_upload input[type="file"]').set_input_files(
        [{"name": "tampered.json", "mimeType": "application/json", "buffer": TAMPERED.encode()}]
    )
    wait_idle(page, settle_ms=400)
    error = page.locator('[data-testid="stMain"] [data-testid="stAlertContentError"]')
    expect(error).to_contain_text(t("files.rejected", "en", file="tampered.json"))
    expect(error).to_contain_text(t("io.problem.unknown_field", "en"))
    expect(error.locator("img, a")).to_have_count(0)
    expect(page.locator(".st-key-name__a input")).to_have_value("Quillon")
    page.wait_for_timeout(500)  # an image, had one been drawn, would have been requested by now
    assert not [url for url in network.urls if "pixel.png" in url]
