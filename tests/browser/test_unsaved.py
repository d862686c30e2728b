"""Unsaved answers in a real browser (issue 16, item 1): with answers not in a downloaded file and
no copy kept in the browser, a reload raises the browser's own "leave this page?" prompt
(``beforeunload``); dismissed, the answers stay; accepted, the page reloads. After the workbook
file is downloaded, or after the quick exit, a reload asks nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Dialog, Page, expect

from tests.browser.kit import StreamlitServer, answered, give, open_app, wait_idle

pytestmark = pytest.mark.browser

NEEDS = "what-it-means"
QUESTION = "need__a__expression"
ARMED = "() => Boolean(window.__unsavedGuard && window.__unsavedGuard.armed)"


def answer_once(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url, NEEDS)
    give(page, QUESTION, 7)
    page.wait_for_function(ARMED, timeout=20_000)


def on_dialogs(page: Page, reply: Callable[[Dialog], None]) -> list[str]:
    """Record the type of every dialog the page raises, answering each with ``reply``."""
    seen: list[str] = []

    def handle(dialog: Dialog) -> None:
        seen.append(dialog.type)
        reply(dialog)

    page.on("dialog", handle)
    return seen


def reload_without_waiting(page: Page) -> None:
    """Reload from the page itself (a dismissed prompt cancels it: nothing to wait for)."""
    page.evaluate("() => { setTimeout(() => window.location.reload(), 0); }")
    page.wait_for_timeout(1_500)


def test_a_reload_with_unsaved_answers_asks_first(page: Page, server: StreamlitServer) -> None:
    answer_once(page, server)
    seen = on_dialogs(page, lambda dialog: dialog.dismiss())
    reload_without_waiting(page)
    assert seen == ["beforeunload"]
    assert answered(page, QUESTION) == 7  # stayed: the answer is still on screen


def test_an_accepted_prompt_reloads(page: Page, server: StreamlitServer) -> None:
    answer_once(page, server)
    seen = on_dialogs(page, lambda dialog: dialog.accept())
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page)
    assert seen == ["beforeunload"]
    assert answered(page, QUESTION) is None  # a new session: the answer is gone, as warned


def test_after_a_download_a_reload_asks_nothing(page: Page, server: StreamlitServer) -> None:
    answer_once(page, server)
    page.locator('[data-testid="stSidebarNav"] a[href$="/workbook"]').click()
    wait_idle(page, settle_ms=300)
    with page.expect_download(timeout=20_000):
        page.locator(".st-key-download_json button").first.click()
    page.wait_for_function(f"() => !({ARMED})()", timeout=20_000)
    seen = on_dialogs(page, lambda dialog: dialog.dismiss())
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    assert seen == []


def test_the_quick_exit_never_meets_the_prompt(page: Page, server: StreamlitServer) -> None:
    answer_once(page, server)
    seen = on_dialogs(page, lambda dialog: dialog.dismiss())
    page.locator(".st-key-quick_exit button").first.click()
    wait_idle(page)
    page.reload()
    page.wait_for_selector('[data-testid="stApp"]', timeout=30_000)
    wait_idle(page)
    assert seen == []
    # and the page itself, reloaded, is not the workbook with the answer
    expect(page.locator(f".st-key-{QUESTION}")).to_have_count(0)
