"""The check-in reminder in a real browser: the browser's time zone reaches the calendar file, the
file downloads under its name, in the page's language, and nothing is fetched from outside."""

from __future__ import annotations

import pytest
from icalendar import Calendar
from playwright.sync_api import Page

from emotions.i18n import t
from emotions.reminder import FILE_NAME
from tests.browser import kit
from tests.browser.kit import NetworkLog, StreamlitServer


@pytest.fixture
def context_options() -> dict[str, object]:
    return {
        "viewport": {"width": 1280, "height": 900},
        "locale": "ja-JP",
        "timezone_id": "Asia/Tokyo",
    }


def test_the_file_is_in_the_browser_zone_and_language(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    kit.open_app(page, server.url, "rebuilding")
    label = page.locator(".st-key-reminder_time label")
    assert label.inner_text().strip() == t("reminder.time_in_zone", "ja", zone="Asia/Tokyo")
    page.locator(".st-key-reminder_title input").fill("散歩")
    page.keyboard.press("Enter")
    kit.wait_idle(page, settle_ms=300)
    kit.ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".st-key-reminder_download").scroll_into_view_if_needed()
    kit.full_page_screenshot(page, kit.ARTIFACTS / "reminder-ja.png")
    with page.expect_download(timeout=20_000) as info:
        page.locator(".st-key-reminder_download button").first.click()
    download = info.value
    assert download.suggested_filename == FILE_NAME
    [event] = Calendar.from_ical(download.path().read_bytes()).walk("VEVENT")
    assert str(event.decoded("DTSTART").tzinfo) == "Asia/Tokyo"
    assert str(event["SUMMARY"]) == "散歩"
    assert network.urls and network.outside() == []
