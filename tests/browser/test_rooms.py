"""Workshop rooms in real browsers: a facilitator and six participants (separate browser contexts)
in one room. Nothing is shown at four contributions, the spread at six; a withdrawal is followed
by the live view; closing the room erases it from the database (read directly from the file)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from tests.browser.kit import (
    ARTIFACTS,
    StreamlitServer,
    full_page_screenshot,
    open_app,
    room_positions,
    wait_idle,
)

pytestmark = pytest.mark.browser

LIVE = 12_000  # the room view refreshes every 3 s on its own: allow a few rounds
SPREAD = '[data-testid="stPlotlyChart"]'


def rows(db: Path, code: str) -> tuple[int, int]:
    """(rooms, contributions) stored for ``code``, read from the SQLite file itself."""
    with sqlite3.connect(db) as conn:
        rooms = conn.execute("SELECT count(*) FROM rooms WHERE code = ?", (code,)).fetchone()[0]
        contributions = conn.execute(
            "SELECT count(*) FROM contributions WHERE room_code = ?", (code,)
        ).fetchone()[0]
    return int(rooms), int(contributions)


def bars(page: Page, dim: str) -> list[int]:
    """The counts a spread chart currently draws (its first trace), read from plotly."""
    selector = f".st-key-room_spread__{dim} .js-plotly-plot"
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.data && p.data.length }",
        arg=selector,
    )
    return [
        int(v)
        for v in page.evaluate(
            "(sel) => Array.from(document.querySelector(sel).data[0].y)", selector
        )
    ]


def join_and_send(page: Page, presses: int) -> None:
    """On a join page opened from the QR link: join, set one position, send."""
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page)
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.wait_for_selector(".st-key-room_send")
    wait_idle(page)
    room_positions(page, closeness=5 + presses)  # the middle, closeness moved by ``presses``
    page.locator(".st-key-room_send button").click()
    expect(page.locator(".st-key-room_withdraw")).to_be_visible()
    wait_idle(page)


def test_a_room_of_six(
    tmp_path: Path,
    fresh_server: Callable[..., StreamlitServer],
    contexts: Callable[[], BrowserContext],
) -> None:
    db = tmp_path / "rooms.db"
    server = fresh_server(env={**os.environ, "WORKBOOK_ROOMS_URL": f"sqlite:///{db}"})

    host = open_app(contexts().new_page(), server.url, "room")
    host.locator(".st-key-room_open button").click()
    code_box = host.locator(".room-code")
    expect(code_box).to_be_visible()
    code = "".join(code_box.inner_text().split())  # shown as two groups of four
    main = host.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(f"/join?code={code}")
    expect(host.locator('[data-testid="stImage"] img')).to_be_visible()  # the QR code
    assert rows(db, code) == (1, 0)

    # Six participants load the join link (as the QR code gives it) side by side.
    people = [contexts().new_page() for _ in range(6)]
    for page in people:
        page.goto(f"{server.url}/join?code={code}", wait_until="commit")
    for i, page in enumerate(people[:4]):
        join_and_send(page, presses=i)
    assert rows(db, code) == (1, 4)
    expect(main).to_contain_text(t("rooms.contributions", "en", count=4), timeout=LIVE)
    expect(main).to_contain_text(t("rooms.waiting", "en", n=1))
    expect(main.locator(SPREAD)).to_have_count(0)
    # A participant does not see the room either, below five.
    expect(people[0].locator(SPREAD)).to_have_count(0)

    for i, page in enumerate(people[4:], start=4):
        join_and_send(page, presses=i)
    assert rows(db, code) == (1, 6)
    expect(main).to_contain_text(t("rooms.contributions", "en", count=6), timeout=LIVE)
    expect(main.locator(SPREAD)).to_have_count(len(DIMENSION_IDS))
    assert bars(host, "closeness") == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert sum(bars(host, "support")) == 6
    full_page_screenshot(host, ARTIFACTS / "room-host.png")
    expect(people[3].locator(SPREAD)).to_have_count(len(DIMENSION_IDS), timeout=LIVE)
    full_page_screenshot(people[3], ARTIFACTS / "room-participant.png")

    # One withdraws: the view follows (five are still shown).
    people[5].locator(".st-key-room_withdraw button").click()
    expect(people[5].locator(".st-key-room_withdraw")).to_have_count(0)
    assert rows(db, code) == (1, 5)
    expect(main).to_contain_text(t("rooms.contributions", "en", count=5), timeout=LIVE)
    expect(main.locator(SPREAD)).to_have_count(len(DIMENSION_IDS))
    host.wait_for_function(
        "(s) => { const p = document.querySelector(s); return p && p.data && !p.data[0].y[10] }",
        arg=".st-key-room_spread__closeness .js-plotly-plot",
        timeout=LIVE,
    )
    assert bars(host, "closeness") == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0]

    # The facilitator closes the room: asked first, then erased from the database.
    host.locator(".st-key-room_close button").click()
    host.locator(".st-key-room_close_yes button").click()
    expect(main).to_contain_text(t("rooms.closed_done", "en"))
    wait_idle(host)
    assert rows(db, code) == (0, 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM contributions").fetchone()[0] == 0
