"""Then and now (issue 17 item 1) in a real browser, in both languages: two files of one sample
couple at two dates, uploaded together; both radars, the table and the sentences shown
(screenshots in the artifacts folder, looked at by hand)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from emotions import history
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language
from emotions.texts import plain_names
from emotions.workbook_io import dump_workbook
from tests.apptest.test_then_and_now import NOW, THEN, two_files
from tests.browser.kit import ARTIFACTS, StreamlitServer, full_page_screenshot, open_app, wait_idle

pytestmark = pytest.mark.browser

LOCALES = {"en": "en-US", "ja": "ja-JP"}


@pytest.fixture(params=LANGUAGE_CODES)
def context_options(request: pytest.FixtureRequest) -> dict[str, object]:
    return {"viewport": {"width": 1280, "height": 900}, "locale": LOCALES[request.param]}


def test_two_dates_drawn(page: Page, server: StreamlitServer, context_options: dict) -> None:  # type: ignore[type-arg]
    lang: Language = "ja" if context_options["locale"] == "ja-JP" else "en"
    then, now, _ = two_files(lang)
    open_app(page, server.url, "workbook")
    page.locator('.st-key-history_upload input[type="file"]').set_input_files(
        [
            {"name": n, "mimeType": "application/json", "buffer": dump_workbook(w).encode()}
            for n, w in (("now.json", now), ("then.json", then))
        ]
    )
    wait_idle(page, settle_ms=400)
    main = page.locator('[data-testid="stMain"]')
    expect(
        main.get_by_text(t("history.radar_moved", lang, name=plain_names(now, lang).a, count=1))
    ).to_be_visible(timeout=30_000)
    labels = [history.date_label(d, lang) for d in (THEN, NOW)]
    for label in labels:
        expect(main.get_by_text(label).first).to_be_visible()
    expect(main.locator('[data-testid="stPlotlyChart"]')).to_have_count(3, timeout=30_000)
    expect(main.locator('[data-testid="stTable"]').last).to_be_visible()
    page.locator(".st-key-history_upload").scroll_into_view_if_needed()
    full_page_screenshot(page, ARTIFACTS / f"then-and-now-{lang}.png")
