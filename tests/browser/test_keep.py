"""Never lose an answer (issue 6), in a real browser: a copy kept in the browser's own storage by
choice and offered back after a reload; nothing in the storage without that choice; a session that
survives 20 seconds offline; quick exit and start over leave nothing behind; a broken stored copy
gives a message and changes nothing."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from emotions.i18n import t
from emotions.workbook_io import load_workbook
from tests.browser.kit import StreamlitServer, answered, give, open_app, set_name, wait_idle
from ui.keep import ON_ENTRY, STORED_ENTRY

pytestmark = pytest.mark.browser

NEEDS = "what-it-means"
STYLES = "emotional-styles"
NAME_A = "Quillon"
NOTE = "We talk best on long walks."
QUESTION = "need__a__expression"


def storage(page: Page) -> dict[str, str]:
    """Everything in this origin's localStorage."""
    return page.evaluate("() => Object.fromEntries(Object.entries(window.localStorage))")  # type: ignore[no-any-return]


def ours(page: Page) -> dict[str, str]:
    """The entries this app writes (Streamlit keeps its own: theme, sidebar sections)."""
    return {k: v for k, v in storage(page).items() if k in (STORED_ENTRY, ON_ENTRY)}


def holds_nothing_of_the_workbook(page: Page) -> None:
    entries = storage(page)
    assert STORED_ENTRY not in entries
    for value in entries.values():
        assert NAME_A not in value and NOTE not in value and "schema_version" not in value


def stored_copy(page: Page) -> Any:
    """The workbook kept in the browser, read back like an uploaded file."""
    return load_workbook(storage(page)[STORED_ENTRY])


def go(page: Page, path: str) -> None:
    """Follow the page's link in the sidebar (the same session)."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()
    wait_idle(page, settle_ms=300)


def key(page: Page, name: str) -> Locator:
    return page.locator(f".st-key-{name}")


def click(page: Page, name: str) -> None:
    button = key(page, name).locator("button").first
    button.scroll_into_view_if_needed()
    button.click()
    wait_idle(page)


def switch_keep(page: Page, on: bool) -> None:
    toggle = key(page, "keep_toggle")
    if toggle.locator("input").is_checked() != on:
        toggle.locator("label").first.click()
        wait_idle(page)
    if on:
        expect(toggle.locator("input")).to_be_checked()
    else:
        expect(toggle.locator("input")).not_to_be_checked()


def write_note(page: Page, section: str, text: str) -> None:
    box = key(page, f"reflect__{section}__a").locator("textarea")
    box.scroll_into_view_if_needed()
    box.fill(text)
    box.press("Control+Enter")
    wait_idle(page)


def fill_answers(page: Page) -> int:
    """A name (sidebar), a need (needs page) and a note (styles page); returns the need."""
    set_name(page, "a", NAME_A)
    go(page, NEEDS)
    value = give(page, QUESTION, 8)
    go(page, STYLES)
    write_note(page, STYLES, NOTE)
    return value


def assert_answers(page: Page, need: int) -> None:
    name_field = key(page, "name__a").locator("input")
    if not name_field.is_visible():
        page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
            has=key(page, "name__a")
        ).locator("summary").click()
    expect(name_field).to_have_value(NAME_A)
    go(page, STYLES)
    expect(key(page, f"reflect__{STYLES}__a").locator("textarea")).to_have_value(NOTE)
    go(page, NEEDS)
    assert answered(page, QUESTION) == need


def reload(page: Page) -> None:
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page, settle_ms=600)  # the browser's report of its storage makes one more rerun


# --------------------------------------------------------------------------- tests


def test_opted_in_copy_brings_every_answer_back_after_a_reload(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url)
    switch_keep(page, True)
    assert storage(page).get(ON_ENTRY) == "1"
    assert STORED_ENTRY not in storage(page)  # a blank workbook is never stored
    need = fill_answers(page)
    kept = stored_copy(page)
    assert kept.partners["a"].name == NAME_A
    assert kept.partners["a"].ratings["expression"].need == need
    assert kept.partners["a"].reflections[STYLES] == NOTE

    reload(page)
    offer = key(page, "keep_offer")
    expect(offer).to_contain_text(t("keep.restore", "en"))
    # Until the user answers, the stored copy is left as it was.
    assert stored_copy(page).partners["a"].name == NAME_A
    click(page, "keep_restore")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(t("keep.restored", "en"))
    expect(offer).to_have_count(0)
    assert_answers(page, need)
    expect(key(page, "keep_toggle").locator("input")).to_be_checked()

    # Discarding the offer after another reload erases the copy it offered.
    reload(page)
    click(page, "keep_discard")
    expect(key(page, "keep_offer")).to_have_count(0)
    holds_nothing_of_the_workbook(page)  # the fresh session's workbook is blank


def test_without_the_choice_the_browser_holds_nothing(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url)
    expect(key(page, "keep_toggle").locator("input")).not_to_be_checked()
    holds_nothing_of_the_workbook(page)
    set_name(page, "a", NAME_A)
    holds_nothing_of_the_workbook(page)
    go(page, NEEDS)
    give(page, QUESTION, 7)
    holds_nothing_of_the_workbook(page)
    go(page, STYLES)
    write_note(page, STYLES, NOTE)
    holds_nothing_of_the_workbook(page)
    assert ours(page) == {}
    reload(page)
    holds_nothing_of_the_workbook(page)
    expect(key(page, "keep_offer")).to_have_count(0)
    # Switched on, then off again: the copy is erased with the choice.
    set_name(page, "a", NAME_A)
    switch_keep(page, True)
    assert stored_copy(page).partners["a"].name == NAME_A
    switch_keep(page, False)
    assert ours(page) == {}


OFFLINE_SECONDS = float(os.environ.get("KEEP_OFFLINE_SECONDS", "20"))
"""How long the browser stays offline (set it above 120 s to go past Streamlit's default
lifetime of a disconnected session, which .streamlit/config.toml raises to 30 minutes)."""

# Chromium's offline mode blocks new connections but leaves an open websocket alone, so the
# page's websockets are remembered and closed by hand when the network goes: a real drop.
REMEMBER_SOCKETS = """
(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); window.__sockets.push(this); }
  };
})();
"""


def test_offline_for_a_while_loses_nothing(
    page: Page, context: BrowserContext, server: StreamlitServer
) -> None:
    page.add_init_script(REMEMBER_SOCKETS)
    open_app(page, server.url)
    need = fill_answers(page)
    assert page.evaluate("() => window.__sockets.length") == 1
    context.set_offline(True)
    page.evaluate("() => window.__sockets.forEach((ws) => ws.close())")
    started = time.monotonic()
    page.wait_for_timeout(OFFLINE_SECONDS * 1000)
    assert page.evaluate("() => window.__sockets.every((ws) => ws.readyState === 3)")
    context.set_offline(False)
    assert time.monotonic() - started >= OFFLINE_SECONDS
    # Streamlit reconnects on its own, to the same session on the server.
    page.wait_for_function(
        "() => window.__sockets.some((ws) => ws.readyState === 1)", timeout=60_000
    )
    wait_idle(page, settle_ms=500, timeout=60_000)
    assert_answers(page, need)
    # Nothing was kept in the browser meanwhile (the choice was never made).
    holds_nothing_of_the_workbook(page)


def test_start_over_and_quick_exit_erase_the_copy(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url)
    switch_keep(page, True)
    set_name(page, "a", NAME_A)
    assert stored_copy(page).partners["a"].name == NAME_A

    start = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
        has_text=t("start_over.heading", "en")
    )
    start.locator("summary").click()
    click(page, "start_over")
    click(page, "start_over_confirm")
    holds_nothing_of_the_workbook(page)

    set_name(page, "a", NAME_A)
    go(page, STYLES)
    write_note(page, STYLES, NOTE)
    assert stored_copy(page).partners["a"].reflections[STYLES] == NOTE
    key(page, "quick_exit").locator("button").first.click()
    # Erased by the browser on the click itself, before the server has answered.
    assert ours(page) == {}
    expect(page).to_have_title(t("exit.blank_title", "en"))
    wait_idle(page)
    assert ours(page) == {}
    # The neutral screen itself tells the browser to erase, on every run of it: put the entries
    # back by hand, and go back to the page before (a new run of the neutral screen).
    page.evaluate(
        "([k, on]) => { localStorage.setItem(k, 'left behind'); localStorage.setItem(on, '1'); }",
        [STORED_ENTRY, ON_ENTRY],
    )
    page.go_back()
    page.wait_for_timeout(1_000)
    wait_idle(page)
    expect(page).to_have_title(t("exit.blank_title", "en"))
    assert ours(page) == {}
    page.reload()  # a new session: nothing was kept
    page.wait_for_timeout(1_500)
    wait_idle(page)
    assert ours(page) == {}


@pytest.mark.parametrize(
    ("junk", "problem"),
    [
        ("{not json", "io.problem.not_json"),
        (json.dumps({"schema_version": 99, "partners": {}}), "io.problem.newer_version"),
        (json.dumps({"schema_version": 1, "partners": {"a": {"name": "x" * 99}}}), "too_long"),
    ],
    ids=["corrupt", "newer-version", "tampered"],
)
def test_a_broken_stored_copy_gives_a_message_and_the_app_works(
    page: Page, server: StreamlitServer, junk: str, problem: str
) -> None:
    # Plant the copy from a page of the same origin that runs no app session: a session of the
    # app with keeping off would (rightly) erase the browser's copy on its next run.
    page.goto(f"{server.url}/_stcore/health")
    page.evaluate(
        "([k, v, on]) => { localStorage.setItem(k, v); localStorage.setItem(on, '1'); }",
        [STORED_ENTRY, junk, ON_ENTRY],
    )
    open_app(page, server.url)
    offer = key(page, "keep_offer")
    expect(offer).to_contain_text(t("keep.broken", "en"))
    if problem.startswith("io."):
        expected = t(problem, "en", version=99)
        expect(offer).to_contain_text(re.sub(r"\s+", " ", expected)[:30])
    expect(key(page, "keep_restore")).to_have_count(0)
    # The app works meanwhile, and the broken copy stays until the user erases it.
    set_name(page, "a", NAME_A)
    assert storage(page)[STORED_ENTRY] == junk
    click(page, "keep_discard")
    expect(offer).to_have_count(0)
    assert stored_copy(page).partners["a"].name == NAME_A  # keeping is on: the real answers


def test_unsaved_changes_are_shown_until_the_workbook_file_is_downloaded(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url)
    panel = key(page, "keep_panel")
    expect(panel).not_to_contain_text(t("keep.unsaved", "en"))  # nothing to lose yet
    set_name(page, "a", NAME_A)
    expect(panel).to_contain_text(t("keep.unsaved", "en"))
    go(page, "workbook")
    with page.expect_download(timeout=20_000) as info:
        key(page, "download_json").locator("button").first.click()
    kept = load_workbook(Path(info.value.path()).read_bytes())
    assert kept.partners["a"].name == NAME_A
    wait_idle(page, settle_ms=500)
    expect(panel).to_contain_text(t("keep.saved", "en"))
    expect(panel).not_to_contain_text(t("keep.unsaved", "en"))
    set_name(page, "b", "Marlo")
    expect(panel).to_contain_text(t("keep.unsaved", "en"))


def kept_need(page: Page) -> int | None:
    """Partner A's need on the first dimension in the copy kept in the browser (None: no copy)."""
    if STORED_ENTRY not in storage(page):
        return None
    return stored_copy(page).partners["a"].ratings["expression"].need  # type: ignore[no-any-return]


def test_an_answer_on_the_needs_page_reaches_the_copy_and_the_saved_line(
    page: Page, server: StreamlitServer
) -> None:
    """A needs answer reruns only its fragment of the page; what the whole page draws from the
    answers (the browser's copy, the sidebar's "saved?" line) must follow all the same."""
    open_app(page, server.url)
    switch_keep(page, True)
    go(page, NEEDS)
    value = give(page, QUESTION, 7)
    deadline = time.monotonic() + 20
    while kept_need(page) != value and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert kept_need(page) == value
    panel = key(page, "keep_panel")
    expect(panel).to_contain_text(t("keep.unsaved", "en"))

    go(page, "workbook")
    with page.expect_download(timeout=20_000) as info:
        key(page, "download_json").locator("button").first.click()
    assert (
        load_workbook(Path(info.value.path()).read_bytes()).partners["a"].ratings["expression"].need
        == value
    )
    wait_idle(page, settle_ms=500)
    expect(panel).to_contain_text(t("keep.saved", "en"))

    go(page, NEEDS)
    moved = give(page, QUESTION, value + 1)
    expect(panel).to_contain_text(t("keep.unsaved", "en"))
    deadline = time.monotonic() + 20
    while kept_need(page) != moved and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert kept_need(page) == moved
