"""The room afterwards (issue 17, item 5) in a real browser, in both languages: below five people
the facilitator's page says why there is nothing to download; from five, the CSV and the SVG are
real browser downloads of what the builders make from the room (read from the database file),
and the SVG is looked at as an image (screenshot in the artefacts)."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from emotions import rooms
from emotions.dimensions import DIMENSION_IDS
from emotions.export.room_spread import spread_csv
from emotions.i18n import t
from emotions.languages import LANGUAGES
from emotions.rooms import MIN_SHOWN, Rooms, describe_spread
from tests.browser.kit import ARTIFACTS, StreamlitServer, full_page_screenshot, open_app

pytestmark = pytest.mark.browser

LIVE = 12_000  # the download row refreshes every 3 s on its own: allow a few rounds
LOCALES = {"en": "en-US", "ja": "ja-JP"}


def download(page: Page, key: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=30_000) as info:
        page.locator(f".st-key-{key} button").click()
    saved = info.value
    assert saved.failure() is None, saved.failure()
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def test_the_facilitator_downloads_the_rooms_spread(
    tmp_path: Path, fresh_server: Callable[..., StreamlitServer], browser: Browser
) -> None:
    url = f"sqlite:///{tmp_path / 'rooms.db'}"
    server = fresh_server(env={**os.environ, "WORKBOOK_ROOMS_URL": url})
    store = Rooms(url)
    try:
        for spec in LANGUAGES:
            lang = spec.code
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, locale=LOCALES[lang], accept_downloads=True
            )
            page = open_app(context.new_page(), server.url, "room")
            page.locator(".st-key-room_open button").click()
            expect(page.locator(".room-code")).to_be_visible()
            code = "".join(page.locator(".room-code").inner_text().split())
            main = page.locator('[data-testid="stMain"]')
            for i in range(MIN_SHOWN - 1):
                store.contribute(code, f"{lang}-participant-{i:04d}", {d: i for d in DIMENSION_IDS})
            expect(main).to_contain_text(t("rooms.contributions", lang, count=4), timeout=LIVE)
            expect(main).to_contain_text(t("room_export.unavailable", lang, min=MIN_SHOWN))
            expect(page.locator(".st-key-room_download_csv")).to_have_count(0)

            store.contribute(code, f"{lang}-participant-0004", {"closeness": 10, "support": 7})
            expect(page.locator(".st-key-room_download_csv button")).to_be_visible(timeout=LIVE)
            picture = store.picture(code)
            full_page_screenshot(page, ARTIFACTS / f"room-host-downloads-{lang}.png")
            name, data = download(page, "room_download_csv")
            assert name == "room-spread.csv"
            assert data == spread_csv(picture, lang)  # exactly the builder's file for the room
            name, svg = download(page, "room_download_svg")
            assert name == "room-spread.svg"
            root = ET.fromstring(svg)
            assert root.get("role") == "img"
            assert root.findtext("{http://www.w3.org/2000/svg}desc") == describe_spread(
                picture, lang
            )
            # The chart as a viewer shows it: a page holding only the file, nothing fetched.
            viewer = context.new_page()
            viewer.set_content(svg.decode("utf-8").split("?>", 1)[1])
            viewer.locator("svg").screenshot(path=str(ARTIFACTS / f"room-spread-{lang}.png"))
            context.close()
    finally:
        rooms.dispose(url)
