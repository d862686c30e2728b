"""Workshop rooms in real browsers: a facilitator and six participants (separate browser contexts)
in one room. Nothing is shown at four contributions, the spread at six; a withdrawal is followed
by the live view; closing the room erases it from the database (read directly from the file).
On the way, measured by bounding boxes: a participant on a phone (390 x 844) sees the result of
"Send" where they pressed it, and the facilitator's room view (1280 x 720) holds the count, the
compact chart and its sentence in one screen."""

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
    """The counts the host's compact chart draws for ``dim`` (its row), read from plotly."""
    selector = ".st-key-room_spread .js-plotly-plot"
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.data && p.data.length }",
        arg=selector,
    )
    chart = page.evaluate(
        "(sel) => { const d = document.querySelector(sel).data[0]; return [d.y, d.z] }", selector
    )
    return [int(v) for v in dict(zip(chart[0], chart[1], strict=True))[t(f"dim.{dim}.name", "en")]]


def in_view(page: Page, selector: str) -> bool:
    """Whether the element's whole box lies inside the viewport."""
    size = page.viewport_size or {"width": 0, "height": 0}
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] + box["width"] <= size["width"]
    )


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
    # The public address of the join link and QR code (a documentation address, RFC 5737).
    public = "http://192.0.2.10:8501"
    server = fresh_server(
        env={**os.environ, "WORKBOOK_ROOMS_URL": f"sqlite:///{db}", "WORKBOOK_PUBLIC_URL": public}
    )

    host = contexts().new_page()
    host.set_viewport_size({"width": 1280, "height": 720})  # a small projector
    open_app(host, server.url, "room")
    host.locator(".st-key-room_open button").click()
    code_box = host.locator(".room-code")
    expect(code_box).to_be_visible()
    code = "".join(code_box.inner_text().split())  # shown as two groups of four
    main = host.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(f"{public}/join?code={code}")
    loopback = t("rooms_moments.address_loopback", "en", host="127.0.0.1")
    expect(main).not_to_contain_text(loopback)
    expect(host.locator('[data-testid="stImage"] img')).to_be_visible()  # the QR code
    assert rows(db, code) == (1, 0)

    # Six participants load the join link (as the QR code gives it) side by side.
    people = [contexts().new_page() for _ in range(6)]
    phone = people[3]
    phone.set_viewport_size({"width": 390, "height": 844})
    for page in people:
        page.goto(f"{server.url}/join?code={code}", wait_until="commit")
    for i, page in enumerate(people[:4]):
        join_and_send(page, presses=i)
    assert rows(db, code) == (1, 4)
    # On the phone, the result of "Send" is where they pressed it: the confirmation and the
    # room's count with the "waiting for one more" note, all inside the screen.
    result = ".st-key-room_result"
    expect(phone.locator(result)).to_contain_text(t("rooms.sent", "en"))
    expect(phone.locator(result)).to_contain_text(t("rooms.waiting", "en", n=1))
    phone.wait_for_timeout(400)  # the result is brought into view just after it is drawn
    for part in (
        f"{result} [data-testid=stAlertContentSuccess]",
        f"{result} [data-testid=stAlertContentInfo]",
    ):
        assert in_view(phone, part), part
    phone.screenshot(path=str(ARTIFACTS / "room-participant-390x844.png"))
    expect(main).to_contain_text(t("rooms.contributions", "en", count=4), timeout=LIVE)
    expect(main).to_contain_text(t("rooms.waiting", "en", n=1))
    expect(main.locator(SPREAD)).to_have_count(0)
    # A participant does not see the room either, below five.
    expect(people[0].locator(SPREAD)).to_have_count(0)

    for i, page in enumerate(people[4:], start=4):
        join_and_send(page, presses=i)
    assert rows(db, code) == (1, 6)
    expect(main).to_contain_text(t("rooms.contributions", "en", count=6), timeout=LIVE)
    expect(main.locator(SPREAD)).to_have_count(1)  # one compact chart
    assert bars(host, "closeness") == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert sum(bars(host, "support")) == 6
    # The facilitator's room view fits one 1280 x 720 screen, from the top of the page: the
    # count, the chart and the sentence that says what it shows.
    wait_idle(host)
    main.evaluate("(m) => m.scrollTo(0, 0)")
    count = f'h4:has-text("{t("rooms.contributions", "en", count=6)}")'
    # Closeness runs from 5 to 10; everyone put the first dimension at 5.
    said = t(
        "rooms_moments.chart_alt",
        "en",
        n=6,
        wide=t("dim.closeness.name", "en"),
        wide_range=t("rooms_moments.range", "en", low=5, high=10),
        narrow=t(f"dim.{DIMENSION_IDS[0]}.name", "en"),
        narrow_range=t("rooms_moments.range_one", "en", low=5),
    )
    sentence = f'[data-testid="stMain"] p:text-is("{said}")'
    expect(host.locator(sentence)).to_have_count(1)
    for part in (count, ".st-key-room_spread", sentence):
        assert in_view(host, part), part
    host.screenshot(path=str(ARTIFACTS / "room-host-1280x720.png"))
    full_page_screenshot(host, ARTIFACTS / "room-host.png")
    expect(people[3].locator(SPREAD)).to_have_count(len(DIMENSION_IDS), timeout=LIVE)
    full_page_screenshot(people[3], ARTIFACTS / "room-participant.png")

    # One withdraws: the view follows (five are still shown).
    people[5].locator(".st-key-room_withdraw button").click()
    expect(people[5].locator(".st-key-room_withdraw")).to_have_count(0)
    assert rows(db, code) == (1, 5)
    expect(main).to_contain_text(t("rooms.contributions", "en", count=5), timeout=LIVE)
    # While its fragment reruns, Streamlit can hold a second, zero-size copy of the chart.
    expect(main.locator(f"{SPREAD}:visible")).to_have_count(1)
    closeness_row = DIMENSION_IDS.index("closeness")
    host.wait_for_function(
        "([s, row]) => { const p = document.querySelector(s);"
        " return p && p.data && !p.data[0].z[row][10] }",
        arg=[".st-key-room_spread .js-plotly-plot", closeness_row],
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
