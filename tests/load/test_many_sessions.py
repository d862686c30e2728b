"""Many sessions at once on one server process, over the websocket protocol: every session's
needs page shows its own answers and nothing else, and nothing fails (figures: bench/load.py)."""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor

from bench.load import Budget, NeedsUser, Stats, run_level
from bench.stclient import Server, Session
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t

SESSIONS = 10


def own_needs(i: int) -> dict[str, dict[str, int]]:
    """Session i's answers: different in every session (the other needs stay unanswered)."""
    return {
        pid: {
            dim: (i + k + (3 if pid == "b" else 0)) % 5 + (0 if i % 2 else 6)
            for k, dim in enumerate(DIMENSION_IDS[:4])
        }
        for pid in ("a", "b")
    }


def test_ten_sessions_answering_at_once_each_see_only_their_own(app_server: Server) -> None:
    start = threading.Barrier(SESSIONS)

    def person(i: int) -> tuple[list[list[int]], list[str]]:
        errors: list[str] = []
        with Session(app_server.url) as s:
            errors += s.rerun().errors
            errors += s.rerun(page="what-it-means").errors
            start.wait(timeout=120)  # every session answers while the others do
            for pid, label in ((pid, t(f"partner.{pid}", "en")) for pid in ("a", "b")):
                run = s.set("needs_who", label)
                assert run is not None
                errors += run.errors
                for dim, value in own_needs(i)[pid].items():
                    run = s.set(f"need__{pid}__{dim}", value)
                    assert run is not None
                    errors += run.errors
            s.rerun()  # what a reload of the page would show
            errors += s.exceptions()
            return [trace["r"] for trace in s.plotly("needs_radar")["data"]], errors

    with ThreadPoolExecutor(SESSIONS) as pool:
        results = list(pool.map(person, range(SESSIONS)))

    for i, (radar, errors) in enumerate(results):
        assert errors == [], f"session {i}"
        for pid, outline in zip(("a", "b"), radar, strict=True):
            want = [own_needs(i)[pid].get(dim) for dim in DIMENSION_IDS]  # None: not answered
            assert outline == [*want, want[0]], f"session {i}, partner {pid}"


def test_the_load_benchmark_runs_clean_for_a_few_seconds(app_server: Server) -> None:
    """bench/load.py's needs scenario, short: random answers, partner and question switches,
    each answer checked against what that session did."""
    stats = Stats(Budget(2000))
    users = [NeedsUser(app_server.url, stats, random.Random(seed), 60) for seed in range(SESSIONS)]
    for user in users[: SESSIONS // 3]:  # some keep a copy in the browser (a switch that must hold)
        user.keep = True
    result = run_level(
        "needs",
        users,
        pace=0.4,
        seconds=4,
        stats=stats,
        cpu=app_server.cpu_ns,
        rss=app_server.rss_bytes,
    )
    assert dict(result.errors) == {}, result.examples
    assert result.actions >= SESSIONS
    assert {"move"} <= set(stats.latencies)
