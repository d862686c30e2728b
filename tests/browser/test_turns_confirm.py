"""Take turns in a real browser (issue 16, item 7): with a copy kept in this browser, a reload at
the hand-over offers the copy back into the hand-over, not onto the pages with the first
partner's answers; only "Stop answering in turns", confirmed, opens them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from tests.browser.kit import StreamlitServer, give, open_app, wait_idle
from ui.keep import TURN_ENTRY

pytestmark = pytest.mark.browser

NAV = '[data-testid="stSidebarNav"] a'


def click(page: Page, key: str) -> None:
    page.locator(f".st-key-{key} button:visible").first.click()
    wait_idle(page, settle_ms=300)


def heading(page: Page) -> str:
    return page.locator('[data-testid="stMain"] h2').first.inner_text()


def nav_paths(page: Page) -> list[str]:
    hrefs = page.locator(NAV).evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [h.rsplit("/", 1)[-1] for h in hrefs]


def private(paths: list[str]) -> bool:
    """Only the turns page (the default page then, served at "/") and the safety page."""
    return sorted(paths) == ["", "about"]


def test_a_reload_at_the_hand_over_comes_back_to_it(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url, "turns")
    page.locator(".st-key-keep_toggle label").first.click()  # keep a copy in this browser
    wait_idle(page)
    click(page, "turns_start")
    give(page, f"turns__a__{DIMENSION_IDS[0]}", 9)
    click(page, "turns_done_a")
    handover = t("turns.handover_heading", "en", name=t("partner.b", "en"))
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text(handover)
    page.wait_for_function(
        f"() => window.localStorage.getItem({TURN_ENTRY!r}) === 'handover'", timeout=20_000
    )

    page.reload()  # a new session: the browser offers its copy back
    page.wait_for_selector(".st-key-keep_offer", timeout=30_000)
    wait_idle(page)
    expect(page.locator(".st-key-keep_offer")).to_contain_text(t("turns_confirm.resume_note", "en"))
    click(page, "keep_restore")
    expect(page.locator('[data-testid="stMain"] h2').first).to_have_text(handover)
    assert private(nav_paths(page))
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0

    click(page, "turns_stop")  # one click only asks
    expect(page.locator(".st-key-turns_stop_question")).to_contain_text(
        t("turns_confirm.question", "en")
    )
    assert private(nav_paths(page))
    click(page, "turns_stop_confirm")
    expect(page.locator(NAV).filter(has_text=t("turns.nav", "en"))).to_have_count(1)
    assert "what-it-means" in nav_paths(page)
