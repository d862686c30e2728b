"""Issue 16 item 3: every page reached in the sidebar's one scroll (no scroll box inside it), and
the quick exit first on the page and one tap on a phone, at 1366x900 and 390x844."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.kit import StreamlitServer, open_app, wait_idle

pytestmark = pytest.mark.browser

SIZES = {"desktop": (1366, 900), "phone": (390, 844)}

# Every element of the sidebar that scrolls on its own, apart from the sidebar's one scroll
# (stSidebarContent): overflow auto/scroll with more content than room.
_INNER_SCROLL = """() => {
  const side = document.querySelector('[data-testid="stSidebarContent"]');
  const boxes = [];
  for (const el of side.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!/(auto|scroll)/.test(style.overflowY + style.overflowX)) continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
      const name = el.getAttribute('data-testid') || el.tagName;
      boxes.push(name + ' ' + el.scrollHeight + '/' + el.clientHeight);
    }
  }
  const nav = document.querySelector('[data-testid="stSidebarNavItems"]');
  return { boxes, nav: nav.getBoundingClientRect().height, navScroll: nav.scrollHeight,
           side: side.clientHeight, sideScroll: side.scrollHeight };
}"""

# Scroll the sidebar itself (nothing else) until the last page of the navigation is in view.
_LAST_ITEM_AFTER_SIDEBAR_SCROLL = """() => {
  const side = document.querySelector('[data-testid="stSidebarContent"]');
  const links = document.querySelectorAll('[data-testid="stSidebarNavItems"] a');
  const last = links[links.length - 1];
  side.scrollTop = side.scrollHeight;
  const box = last.getBoundingClientRect();
  const view = side.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return { links: links.length, top: box.top, bottom: box.bottom, viewTop: view.top,
           viewBottom: view.bottom, onTop: Boolean(hit && last.contains(hit)) };
}"""


@pytest.fixture
def sized(browser: Browser, server: StreamlitServer, size: str) -> Iterator[Page]:
    """The app's first page, a new session, in a window of ``size``."""
    width, height = SIZES[size]
    ctx = browser.new_context(
        viewport={"width": width, "height": height}, locale="en-US", has_touch=size == "phone"
    )
    ctx.set_default_timeout(30_000)
    yield open_app(ctx.new_page(), server.url)
    ctx.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_in_the_sidebars_one_scroll(sized: Page, size: str) -> None:
    page = sized
    if size == "phone":  # the sidebar starts closed on a phone
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.wait_for_timeout(500)
        # The quick exit in the header bar leaves the open sidebar's close button on top.
        close = page.locator('[data-testid="stSidebarCollapseButton"]').bounding_box()
        assert close is not None
        on_top = page.evaluate(
            """([x, y]) => Boolean(document.elementFromPoint(x, y)
                 .closest('[data-testid="stSidebarCollapseButton"]'))""",
            [close["x"] + close["width"] / 2, close["y"] + close["height"] / 2],
        )
        assert on_top
    measured: dict[str, Any] = page.evaluate(_INNER_SCROLL)
    print(size, measured)
    assert measured["boxes"] == [], measured
    assert measured["navScroll"] <= measured["nav"] + 1, measured
    last = page.evaluate(_LAST_ITEM_AFTER_SIDEBAR_SCROLL)
    print(size, last)
    assert last["links"] >= 21, last  # 16 sections and 5 tools
    assert last["viewTop"] <= last["top"] and last["bottom"] <= last["viewBottom"], last
    assert last["onTop"], last


@pytest.mark.parametrize("size", list(SIZES))
def test_the_quick_exit_is_in_the_first_screen_and_one_tap(sized: Page, size: str) -> None:
    page = sized
    button = page.locator(".st-key-quick_exit_top button:visible")
    page.wait_for_timeout(500)  # the header bar settles
    box = button.bounding_box()
    print(size, box)
    assert box is not None
    width, height = SIZES[size]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    # Nothing covers it (the header, a closed sidebar): a tap lands on the button.
    hit = page.evaluate(
        """([x, y]) => {
            const hit = document.elementFromPoint(x, y);
            return Boolean(hit && hit.closest('.st-key-quick_exit_top'));
        }""",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit
    # The first control of the main area: no button, link or field comes before it there.
    first = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const focusable = main.querySelectorAll(
              'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])');
            const first = [...focusable].find((el) => el.offsetParent !== null);
            return Boolean(first && first.closest('.st-key-quick_exit_top'));
        }"""
    )
    assert first
    # Still in view (fixed in the header bar) with the page scrolled to its end.
    page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
                   main.scrollTop = main.scrollHeight; }"""
    )
    page.wait_for_timeout(200)
    assert button.bounding_box() == box
    if size == "phone":  # one tap, the sidebar still closed
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_attribute("data-collapsed") == "true"
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        wait_idle(page, settle_ms=300)
        page.wait_for_selector('[data-testid="stMain"] [data-testid="stCaptionContainer"]')
        assert page.locator('[data-testid="stMain"] h1').count() == 0
        assert page.locator(".st-key-quick_exit_top").count() == 0
        assert page.title() == "New tab"
