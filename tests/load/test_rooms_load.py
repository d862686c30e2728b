"""A workshop room with many participants acting at once, over the websocket protocol: they join
(from the QR code's link or typing the code), send, withdraw and send again simultaneously, and
the facilitator's live view counts exactly the answers that are in."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

from bench.load import Budget, Participant, RoomHost, Stats, run_level
from bench.load import _AlreadyOpen as Watching
from bench.stclient import Server

PARTICIPANTS = 10


def test_participants_join_send_and_withdraw_at_once(app_server: Server) -> None:
    stats = Stats(Budget(5000))
    stats.counting = True
    host = RoomHost(app_server.url, stats, random.Random(0), 60)
    host.setup()
    people = [
        Participant(
            app_server.url, stats, random.Random(i), 60, code=host.code, from_link=i % 2 == 0
        )
        for i in range(PARTICIPANTS)
    ]
    together = threading.Barrier(PARTICIPANTS)

    def take_part(i: int) -> bool:
        """Join, move, send; every third withdraws; every sixth sends again. In or not?"""
        p = people[i]
        together.wait(timeout=120)
        p.setup()
        assert p.s is not None
        s = p.s
        together.wait(timeout=120)
        p.do("move", lambda: s.set("room_need__closeness", str(i % 11)))
        p.do("send", lambda: s.click("room_send"))
        assert p.SENT in s.texts()
        together.wait(timeout=120)
        if i % 3 == 0:
            p.do("withdraw", lambda: s.click("room_withdraw"))
            assert p.WITHDRAWN in s.texts()
            if i % 6 == 0:
                p.do("send", lambda: s.click("room_send"))
                assert p.SENT in s.texts()
                return True
            return False
        return True

    try:
        with ThreadPoolExecutor(PARTICIPANTS) as pool:
            answers_in = list(pool.map(take_part, range(PARTICIPANTS)))
        host.refresh()
        assert sum(answers_in) == 8  # 10 sent, 4 withdrew, 2 of those sent again
        assert host.count() == 8
        assert dict(stats.errors) == {}, stats.examples
    finally:
        for p in people:
            p.close()
        host.close_room()
        host.close()


def test_the_rooms_load_benchmark_runs_clean_for_a_few_seconds(app_server: Server) -> None:
    """bench/load.py's rooms scenario, short: random moves, sends, withdrawals and timer
    refreshes; at the end the facilitator's count is checked and the room closed."""
    stats = Stats(Budget(3000))
    host = RoomHost(app_server.url, stats, random.Random(1), 60)
    host.setup()
    people = [
        Participant(
            app_server.url,
            stats,
            random.Random(100 + i),
            60,
            code=host.code,
            from_link=i % 2 == 1,
        )
        for i in range(PARTICIPANTS)
    ]
    checked: list[tuple[int, int]] = []

    def final() -> str:
        host.refresh()
        checked.append((host.count(), sum(p.contributed for p in people)))
        host.close_room()
        return ""

    result = run_level(
        "rooms",
        [Watching(host), *people],
        pace=0.5,
        seconds=4,
        stats=stats,
        cpu=None,
        rss=None,
        after=final,
    )
    assert dict(result.errors) == {}, result.examples
    assert result.actions >= PARTICIPANTS
    ((shown, answers_in),) = checked
    assert shown == answers_in
