"""Isolation under load, over Streamlit's own protocol: 30 sessions on one server at once.

Each session (bench/stclient.py, one thread each) is a couple of its own: a unique marker as
partner A's name, its own note, its own pair of answers; eleven of them also join one of
two workshop rooms opened by two more sessions. Every message any session receives (the raw
``ForwardMsg`` bytes) is searched for every marker: a session must never receive another
session's name, note or room code, its radar must draw its own values, and each room's spread
must count its own participants only, whatever the others in that room or the other room do.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bench.stclient import Server, Session
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES

SESSIONS = 30
NEEDS = "what-it-means"
STYLES = "emotional-styles"
MARKER = re.compile(rb"Zq7s\d\dq")  # fixed length: no marker is part of another
ROOMS = {"A": range(0, 6), "B": range(6, 11)}  # which sessions join which room
TIMEOUT = 120  # one run, on a busy 2-core machine with 30 sessions queued before it


def marker(i: int) -> str:
    return f"Zq7s{i:02d}q"


def needs_of(i: int) -> dict[str, int | None]:
    """Session ``i``'s answers for partner A: a pair no other session has (None: not answered)."""
    return {
        **dict.fromkeys(DIMENSION_IDS, None),
        "expression": i % 11,
        "closeness": i // 11 * 4,  # 0, 4, 8
    }


def room_position(i: int) -> int:
    """Where session ``i`` places itself on closeness in its room."""
    return (i * 3) % 11


@dataclass
class Couple:
    """One protocol session, and every frame it has received."""

    i: int
    session: Session
    frames: list[bytes] = field(default_factory=list)

    @property
    def name(self) -> str:
        return marker(self.i)

    @property
    def note(self) -> str:
        return f"{marker(self.i)} note: Sunday walks by the river"


def recording(session: Session, frames: list[bytes]) -> Session:
    """Keep a copy of every frame the session's websocket receives."""
    receive: Callable[..., Any] = session.ws.recv

    def recv(*args: Any, **kwargs: Any) -> Any:
        frame = receive(*args, **kwargs)
        if isinstance(frame, bytes):
            frames.append(frame)
        return frame

    session.ws.recv = recv  # type: ignore[method-assign]
    return session


def ok(run: Any) -> None:
    assert run is not None and run.ok, run


def markers_in(frames: list[bytes]) -> set[str]:
    return {m.decode() for frame in frames for m in MARKER.findall(frame)}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    db = tmp_path_factory.mktemp("rooms") / "rooms.db"
    with Server(env={"WORKBOOK_ROOMS_URL": f"sqlite:///{db}"}) as srv:
        yield srv, db


def open_room(url: str) -> tuple[Session, list[bytes], str]:
    frames: list[bytes] = []
    host = recording(Session(url, timeout=TIMEOUT), frames)
    ok(host.rerun(page="room"))
    ok(host.click("room_open"))
    html = " ".join(host.texts())
    found = re.search(r'class="room-code"[^>]*>(\w{4})&nbsp;(\w{4})<', html)
    assert found, html[:500]
    return host, frames, found.group(1) + found.group(2)


def act(couple: Couple, start: threading.Barrier, codes: dict[str, str]) -> None:
    """What one couple does: name, two answers, a note; maybe join a room and send."""
    s, i = couple.session, couple.i
    start.wait()  # every session connected: now all act at once
    ok(s.rerun())
    ok(s.set("name__a", couple.name))
    ok(s.rerun(page=NEEDS))
    for dim in ("expression", "closeness"):
        ok(s.set(f"need__a__{dim}", needs_of(i)[dim]))
    radar = s.plotly("needs_radar")
    own = [needs_of(i)[d] for d in (*DIMENSION_IDS, DIMENSION_IDS[0])]
    # Partner B answered nothing here: the radar draws no trace for B.
    assert [list(trace["r"]) for trace in radar["data"]] == [own], i
    assert couple.name in {trace.get("name") for trace in radar["data"]}, radar["data"]
    ok(s.rerun(page=STYLES))
    ok(s.set(f"reflect__{STYLES}__a", couple.note))
    assert (
        any(couple.note in text for text in s.texts())
        or s.value(f"reflect__{STYLES}__a") == couple.note
    )
    room = next((r for r, members in ROOMS.items() if i in members), None)
    if room is None:
        return
    ok(s.rerun(page="join"))
    assert s.set("room_join_code", codes[room]) is None  # inside the form: sent on submit
    ok(s.click(form="room_join_form"))
    for dim in DIMENSION_IDS:  # the whole card: the middle (5) but on closeness
        ok(s.set(f"room_need__{dim}", str(room_position(i) if dim == "closeness" else 5)))
    ok(s.click("room_send"))
    assert s.has("room_withdraw"), s.texts()


def spread(s: Session, chart: str) -> tuple[list[int], list[Any]]:
    """A spread chart's bar counts and, for a participant, where the "you" marker sits."""
    figure = s.plotly(chart)
    bars = [int(v) for v in figure["data"][0]["y"]]
    you = [x for trace in figure["data"][1:] for x in trace.get("x", [])]
    return bars, you


def host_row(s: Session, dim: str) -> list[int]:
    """One dimension's row of the host's compact chart (key ``room_spread``): how many people
    sit at each point 0-10."""
    (grid,) = s.plotly("room_spread")["data"]
    names = {t(f"dim.{dim}.name", code) for code in LANGUAGE_CODES}
    (row,) = [z for y, z in zip(grid["y"], grid["z"], strict=True) if y in names]
    return [int(n) for n in row]


def refresh(s: Session) -> None:
    """Run the page's self-refreshing fragments once, as their timers would."""
    for fragment in list(s.auto_reruns):
        ok(s.auto_rerun(fragment))


def histogram(values: list[int]) -> list[int]:
    counts = Counter(values)
    return [counts.get(v, 0) for v in range(11)]


def test_thirty_sessions_at_once_never_see_each_other(server: tuple[Server, Path]) -> None:
    srv, db = server
    host_a, frames_a, code_a = open_room(srv.url)
    host_b, frames_b, code_b = open_room(srv.url)
    codes = {"A": code_a, "B": code_b}
    couples = []
    for i in range(SESSIONS):
        frames: list[bytes] = []
        couples.append(Couple(i, recording(Session(srv.url, timeout=TIMEOUT), frames), frames))
    start = threading.Barrier(SESSIONS)
    try:
        with ThreadPoolExecutor(SESSIONS) as pool:
            for future in [pool.submit(act, c, start, codes) for c in couples]:
                future.result()

        # Each room counts its own participants, nothing of the other room.
        for host, room in ((host_a, "A"), (host_b, "B")):
            refresh(host)
            members = list(ROOMS[room])
            texts = " ".join(host.texts())
            assert t("rooms.contributions", "en", count=len(members)) in texts, texts
            bars = host_row(host, "closeness")
            assert bars == histogram([room_position(i) for i in members]), (room, bars)
            assert host_row(host, "support") == histogram([5] * len(members))
        for room_members in ROOMS.values():
            for i in room_members:
                s = couples[i].session
                refresh(s)
                bars, you = spread(s, "room_mine__closeness")
                assert bars == histogram([room_position(j) for j in room_members]), (i, bars)
                assert you == [room_position(i)], (i, you)

        # One participant changes their position, another withdraws: only their own rows move.
        changer, leaver = couples[ROOMS["A"][0]].session, couples[ROOMS["A"][1]].session
        ok(changer.set("room_need__closeness", "10"))
        ok(changer.click("room_send"))
        ok(leaver.click("room_withdraw"))
        assert not leaver.has("room_withdraw")
        remaining = {i: room_position(i) for i in ROOMS["A"][1:]}
        remaining[ROOMS["A"][0]] = 10
        del remaining[ROOMS["A"][1]]
        with sqlite3.connect(db) as conn:
            stored = conn.execute(
                "SELECT room_code, value, token_hash FROM room_positions"
                " WHERE dimension = 'closeness' ORDER BY room_code"
            ).fetchall()
        assert sorted((c, v) for c, v, _ in stored if c == code_a) == sorted(
            (code_a, v) for v in remaining.values()
        )
        assert sorted(v for c, v, _ in stored if c == code_b) == sorted(
            room_position(i) for i in ROOMS["B"]
        )
        for i, position in remaining.items():
            s = couples[i].session
            refresh(s)
            bars, you = spread(s, "room_mine__closeness")
            assert you == [position], (i, you)
            assert bars == histogram(list(remaining.values())), (i, bars)
        refresh(host_b)
        assert host_row(host_b, "closeness") == histogram([room_position(i) for i in ROOMS["B"]])

        # Every frame each session received: its own marker, never another's.
        everyone = {marker(i) for i in range(SESSIONS)}
        for c in couples:
            seen = markers_in(c.frames)
            assert c.name in seen, f"session {c.i} never received its own name: is it recording?"
            assert seen == {c.name}, f"session {c.i} received {sorted(seen - {c.name})}"
            joined = next((r for r, m in ROOMS.items() if c.i in m), None)
            blob = b"".join(c.frames)
            for room, code in codes.items():
                assert (code.encode() in blob) == (room == joined), (c.i, room)
        for frames, own_code, other_code in (
            (frames_a, code_a, code_b),
            (frames_b, code_b, code_a),
        ):
            assert markers_in(frames) & everyone == set(), "a couple's name reached a room host"
            blob = b"".join(frames)
            assert own_code.encode() in blob and other_code.encode() not in blob
        print(
            f"\n{SESSIONS} sessions, {sum(len(c.frames) for c in couples)} frames,"
            f" {sum(map(len, (b for c in couples for b in c.frames))) / 1e6:.1f} MB checked"
        )
    finally:
        for c in couples:
            c.session.close()
        host_a.close()
        host_b.close()
