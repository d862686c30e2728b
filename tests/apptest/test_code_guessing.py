"""Guessing room codes, through the real pages (issue 8): a session that tries codes is stopped
after ten wrong ones in a minute, in its own language; until the minute has passed even the right
code waits; switching page or language, starting over, or trying codes on the facilitator's
"close from another device" form instead, gives no fresh tries. A participant in another session
who types the right code joins at once.

The limiter counts per Streamlit session id; AppTest gives every run the same id, so the tests
that need two sessions say which one is running (``ui.rooms.session_id``). The limiter's clock is
moved by hand: nothing here waits.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from emotions.i18n import catalog, t
from emotions.rooms import JoinLimiter
from tests.apptest.conftest import go, open_app
from ui import rooms as ui_rooms
from ui.rooms import Rooms

WRONG = "ZZZZZZZZ"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    value = f"sqlite:///{tmp_path / 'rooms.db'}"
    monkeypatch.setenv(ui_rooms.URL_ENV, value)
    return value


@pytest.fixture
def clock() -> Iterator[list[datetime]]:
    """The process's join limiter, fresh, on a clock the test moves."""
    now = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]
    ui_rooms.limiter.clear()
    limiter: JoinLimiter = ui_rooms.limiter()  # the instance the pages use (one per process)
    limiter.clock = lambda: now[0]
    yield now
    ui_rooms.limiter.clear()


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "success", "title")
    return "\n".join(e.value for kind in kinds for e in at.main.get(kind))


def try_code(at: AppTest, code: str) -> AppTest:
    at.text_input(key="room_join_code").input(code)
    [button] = [b for b in at.main.button if b.proto.is_form_submitter]
    button.click().run()
    assert not at.exception, at.exception
    return at


def guess_wrong(at: AppTest, times: int, clock: list[datetime]) -> None:
    for _ in range(times):
        try_code(at, WRONG)
        clock[0] += timedelta(seconds=2)


def test_a_guessing_session_is_stopped_in_its_language_until_the_minute_has_passed(
    url: str, clock: list[datetime]
) -> None:
    ja = catalog("ja")
    code = Rooms(url).create().code
    at = go(open_app("ja-JP"), "room_join")
    guess_wrong(at, 10, clock)  # 20 s
    assert ja["rooms.error_not_found"] in texts(at)
    try_code(at, code)  # the right code, too soon: refused, and said so in Japanese
    assert ja["rooms.error_rate_limited"] in texts(at)
    assert ja["rooms.error_not_found"] not in texts(at)
    assert ui_rooms.JOINED_KEY not in at.session_state
    clock[0] += timedelta(seconds=39)  # 59 s after the first wrong code
    try_code(at, code)
    assert ja["rooms.error_rate_limited"] in texts(at)
    clock[0] += timedelta(seconds=1)  # a minute after the first: one more try
    try_code(at, code)
    assert at.session_state[ui_rooms.JOINED_KEY] == code
    assert ja["combine_rooms.joined"].format(code=code) in texts(at)


def test_page_language_and_start_over_give_no_fresh_tries(url: str, clock: list[datetime]) -> None:
    code = Rooms(url).create().code
    at = go(open_app(), "room_join")
    guess_wrong(at, 5, clock)
    # Five more on the facilitator's form (closing a room needs its code too): the same count.
    go(at, "room_host")
    for _ in range(5):
        at.text_input(key="room_other_code").input(WRONG)
        at.text_input(key="room_other_key").input("not-the-key")
        at.button(key="room_other_close").click().run()
    at.text_input(key="room_other_code").input(code)
    at.button(key="room_other_close").click().run()
    assert t("rooms.error_rate_limited", "en") in texts(at)
    assert Rooms(url).exists(code)
    # Another page, the other language, all answers cleared: still the same session.
    go(at, "what_it_means")
    at.radio(key="ui_lang").set_value("ja").run()
    at.button(key="start_over").click().run()
    at.button(key="start_over_confirm").click().run()
    assert not at.exception, at.exception
    go(at, "room_join")
    try_code(at, code)
    assert t("rooms.error_rate_limited", "ja") in texts(at)
    assert ui_rooms.JOINED_KEY not in at.session_state


def test_another_session_typing_the_right_code_joins_at_once(
    url: str, clock: list[datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = Rooms(url).create().code
    running = ["guesser"]
    monkeypatch.setattr(ui_rooms, "session_id", lambda: running[0])
    guesser = go(open_app(), "room_join")
    guess_wrong(guesser, 10, clock)
    try_code(guesser, code)
    assert t("rooms.error_rate_limited", "en") in texts(guesser)
    running[0] = "participant"
    participant = go(open_app(), "room_join")
    try_code(participant, code.lower())
    assert participant.session_state[ui_rooms.JOINED_KEY] == code
