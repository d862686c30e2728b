"""Isolation in real browsers: five couples on one server at once never see each other's data.

Five browser contexts (five browsers, each with its own storage), each a couple of its own with
a unique marker in its name and note and its own slider position; one has a sample couple
loaded, one is in presentation mode, one keeps the opt-in copy in its browser. Their actions are
interleaved, round by round. Two of them open workshop rooms, three others join them. Between
rounds each browser is searched (visible text, the whole DOM, the charts' data, its
localStorage) for every couple's marker and each room's code: only its own may be there. A
participant who changes or withdraws their position moves only their own; a quick exit in one
browser and a start over in another leave every other session as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.samples import PROFILES
from emotions.workbook_io import load_workbook
from tests.browser.kit import (
    StreamlitServer,
    give,
    room_position,
    room_positions,
    set_name,
    wait_idle,
)
from tests.browser.test_counselor import (
    load_sample,
    name_pattern,
    note_probes,
    sample_names,
    sidebar_expander,
    sidebar_names,
    toggle,
)
from tests.browser.test_keep import click, go, key, storage, switch_keep, write_note
from tests.browser.test_rooms import rows
from ui.keep import STORED_ENTRY

pytestmark = pytest.mark.browser

COUPLES = 5
SAMPLE_AT, PRESENTING_AT, KEEPING_AT = 1, 2, 3  # which browser does what
HOST_OF = {"A": 0, "B": 4}
JOINS = {1: ("A", 1), 3: ("A", 3), 2: ("B", 2)}  # browser: (room, presses on closeness)
QUITS, RESTARTS = PRESENTING_AT, 0  # quick exit, start over
SAMPLE = "words-vs-deeds"
STYLES = "emotional-styles"
NEEDS = "what-it-means"
MARK = re.compile(r"Zq7b\dq")
ZWSP = "\u200b"
LIVE = 15_000  # the room views refresh every 3 and 5 s on their own


def mark(i: int) -> str:
    return f"Zq7b{i}q"


@dataclass
class Couple:
    i: int
    context: BrowserContext
    page: Page

    @property
    def name(self) -> str:
        return f"{mark(self.i)} Aki"

    @property
    def note(self) -> str:
        return f"{mark(self.i)} note: we talk best on long walks"

    @property
    def need(self) -> int:
        """Partner A's need for expression: the default 5 moved i + 1 presses up."""
        return 6 + self.i

    @property
    def own(self) -> set[str]:
        return set() if self.i == SAMPLE_AT else {mark(self.i)}


def everything(page: Page) -> str:
    """All a browser holds of the app: visible text, the DOM, the charts' data, its storage."""
    text = page.locator('[data-testid="stApp"]').inner_text()
    charts = page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].map(p => JSON.stringify(
               { data: p.data || null, layout: p.layout || null }))"""
    )
    stored = json.dumps(storage(page), ensure_ascii=False)
    return "\n".join([text, page.content(), *charts, stored]).replace(ZWSP, "")


def assert_only_own(
    couples: list[Couple], where: str, codes: dict[str, str], showing: Collection[int] = ()
) -> None:
    """In every browser: no other couple's marker, no sample text unless it loaded the sample,
    no room code but the one of a room it opened or joined. The browsers in ``showing`` must
    show their own marker (or the sample's names): proof that the search would see one."""
    sample = name_pattern(sample_names(SAMPLE, "en"))
    probes = note_probes(SAMPLE, "en")
    for c in couples:
        held = everything(c.page)
        found = set(MARK.findall(held))
        foreign = found - c.own
        assert not foreign, f"browser {c.i} {where}: markers of {sorted(foreign)}"
        if c.i == SAMPLE_AT:
            assert c.i not in showing or sample.search(held), f"{where}: the sample is not seen"
        else:
            assert not sample.search(held), f"browser {c.i} {where}: the sample's names"
            leaked = [p for p in probes if p in held]
            assert not leaked, f"browser {c.i} {where}: the sample's notes {leaked}"
            assert c.i not in showing or found == c.own, f"{where}: {c.i} shows no marker"
        for room, code in codes.items():
            mine = HOST_OF[room] == c.i or JOINS.get(c.i, ("",))[0] == room
            assert mine or code not in held, f"browser {c.i} {where}: the code of room {room}"


def radar_need(page: Page) -> list[float | None]:
    """Partner A's outline on the needs radar (waits until plotly has drawn it)."""
    sel = ".st-key-needs_radar .js-plotly-plot"
    page.wait_for_function(
        "(s) => { const p = document.querySelector(s); return p && p.data && p.data.length }",
        arg=sel,
    )
    values: list[float | None] = page.evaluate(
        "(s) => Array.from(document.querySelector(s).data[0].r)", sel
    )
    return values


def expected_outline(c: Couple) -> list[float | None]:
    if c.i == SAMPLE_AT:
        figures = PROFILES[SAMPLE].a.figures  # type: ignore[index]
        need: list[float | None] = [figures[d][0] for d in DIMENSION_IDS]
    else:  # its own answer on expression; the needs it left open are gaps (None)
        need = [c.need if d == "expression" else None for d in DIMENSION_IDS]
    return [*need, need[0]]


def check_own_radar(c: Couple) -> None:
    go(c.page, NEEDS)
    want = expected_outline(c)
    sel = ".st-key-needs_radar .js-plotly-plot"
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below shows what is drawn
        c.page.wait_for_function(
            """([s, want]) => { const p = document.querySelector(s); return p && p.data
                && JSON.stringify(Array.from(p.data[0].r)) === JSON.stringify(want); }""",
            arg=[sel, want],
            timeout=20_000,
        )
    assert radar_need(c.page) == want, f"browser {c.i}"


def join(page: Page, code: str, presses: int) -> None:
    go(page, "join")
    key(page, "room_join_code").locator("input").fill(code)
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.wait_for_selector(".st-key-room_send")
    wait_idle(page)
    room_positions(page, closeness=5 + presses)
    click(page, "room_send")
    expect(key(page, "room_withdraw")).to_be_visible()


def count_text(n: int) -> str:
    return t("rooms.contributions", "en", count=n)


def main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def test_five_couples_and_two_rooms_at_once(
    tmp_path: Path,
    fresh_server: Callable[..., StreamlitServer],
    contexts: Callable[[], BrowserContext],
) -> None:
    db = tmp_path / "rooms.db"
    server = fresh_server(env={**os.environ, "WORKBOOK_ROOMS_URL": f"sqlite:///{db}"})
    couples = []
    for i in range(COUPLES):
        context = contexts()
        couples.append(Couple(i, context, context.new_page()))
    for c in couples:  # every session loads side by side
        c.page.goto(f"{server.url}/{NEEDS}", wait_until="commit")
    for c in couples:
        c.page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        wait_idle(c.page)
    codes: dict[str, str] = {}

    # Round 1: names (or the sample); the copy kept in one browser.
    for c in couples:
        if c.i == SAMPLE_AT:
            load_sample(c.page, SAMPLE)
        else:
            set_name(c.page, "a", c.name)
        if c.i == KEEPING_AT:
            switch_keep(c.page, True)
    # Round 2: partner A's need for expression, a different value in each browser.
    for c in couples:
        if c.i != SAMPLE_AT:
            give(c.page, "need__a__expression", c.need)
    # Round 3: a note on the styles page; one browser turns presentation mode on.
    for c in couples:
        go(c.page, STYLES)
        if c.i != SAMPLE_AT:
            write_note(c.page, STYLES, c.note)
            expect(main(c.page)).to_contain_text(c.note)
        if c.i == PRESENTING_AT:
            toggle(c.page, "ui_present", True)
            expect(main(c.page)).not_to_contain_text(c.note)
    assert_only_own(
        couples, "after the notes", codes, showing=[c.i for c in couples if c.i != PRESENTING_AT]
    )

    # Round 4: two workshop rooms; three couples join one each.
    for room, i in HOST_OF.items():
        page = couples[i].page
        go(page, "room")
        click(page, "room_open")
        codes[room] = "".join(page.locator(".room-code").inner_text().split())
    assert codes["A"] != codes["B"]
    for i, (room, presses) in JOINS.items():
        join(couples[i].page, codes[room], presses)
    assert rows(db, codes["A"]) == (1, 2) and rows(db, codes["B"]) == (1, 1)
    expect(main(couples[HOST_OF["A"]].page)).to_contain_text(count_text(2), timeout=LIVE)
    expect(main(couples[HOST_OF["B"]].page)).to_contain_text(count_text(1), timeout=LIVE)
    for i, (room, _) in JOINS.items():
        expect(main(couples[i].page)).to_contain_text(count_text(2 if room == "A" else 1))
    assert_only_own(couples, "with two rooms open", codes)

    # Each browser's own radar, and its own browser copy only where it chose one.
    for c in couples:
        check_own_radar(c)
        copy = storage(c.page).get(STORED_ENTRY)
        if c.i == KEEPING_AT:
            assert copy is not None and load_workbook(copy).partners["a"].name == c.name
        else:
            assert copy is None, f"browser {c.i} holds a workbook copy"
    assert_only_own(
        couples, "on the needs page", codes, showing=[c.i for c in couples if c.i != PRESENTING_AT]
    )

    # A participant changes their position, another withdraws: nobody else's moves.
    changer, leaver = couples[1].page, couples[3].page  # both in room A
    go(changer, "join")
    room_position(changer, "closeness", 8)  # 6 -> 8
    click(changer, "room_send")
    go(leaver, "join")
    click(leaver, "room_withdraw")
    expect(key(leaver, "room_withdraw")).to_have_count(0)
    with sqlite3.connect(db) as conn:
        left = conn.execute(
            "SELECT room_code, value FROM room_positions"
            " WHERE dimension = 'closeness' ORDER BY room_code"
        ).fetchall()
    assert sorted(left) == sorted([(codes["A"], 8), (codes["B"], 7)]), left
    for i in HOST_OF.values():  # the hosts are back on their room's page
        go(couples[i].page, "room")
        expect(main(couples[i].page)).to_contain_text(count_text(1), timeout=LIVE)
    expect(key(changer, "room_withdraw")).to_be_visible()

    # A quick exit in one browser, a start over in another: the rest are untouched.
    click(couples[QUITS].page, "quick_exit")
    expect(main(couples[QUITS].page)).to_contain_text(t("exit.blank_note", "en"))
    restart = couples[RESTARTS].page
    go(restart, NEEDS)
    toggle_start_over(restart)
    assert sidebar_names(restart) == ("", "")
    for c in couples:
        if c.i in (QUITS, RESTARTS):
            continue
        check_own_radar(c)
        assert sidebar_names(c.page)[0] == (
            sample_names(SAMPLE, "en")[0] if c.i == SAMPLE_AT else c.name
        )
    assert storage(couples[KEEPING_AT].page).get(STORED_ENTRY), "the kept copy went too"
    # The quick exit took that session's anonymous position out of room B, and nothing else.
    go(couples[HOST_OF["B"]].page, "room")
    expect(main(couples[HOST_OF["B"]].page)).to_contain_text(count_text(0))
    assert rows(db, codes["B"]) == (1, 0)
    assert_only_own(couples, "after a quick exit and a start over", codes)


def toggle_start_over(page: Page) -> None:
    sidebar_expander(page, "start_over")
    click(page, "start_over")
    click(page, "start_over_confirm")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(t("start_over.done", "en"))
