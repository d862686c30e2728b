"""Workshop rooms under load: participants writing, a room view reading (SQLite, PostgreSQL).

    .venv/bin/python bench/rooms_load.py [--backend sqlite|postgresql|both] [--seconds 60]
        [--participants 60] [--pace 3] [--view-every 2] [--participant-refresh 5]

What it measures: the storage layer (``emotions.rooms.Rooms``) that the room pages call on each of
their reruns, not the page reruns themselves (bench/rerun_cost.py measures those). For each backend
it creates one room, then for ``--seconds`` runs, in threads of one process (as Streamlit runs
sessions): ``--participants`` workers, each with its own token, that contribute their eight needs
(random 0-10) and change them about every ``--pace`` seconds (jittered ±50%), and read the room
every ``--participant-refresh`` seconds as the join page's fragment does (``position_of`` and
``picture``; 0 turns this off); one facilitator view that calls ``picture()`` every
``--view-every`` seconds; and a few participants who withdraw and contribute again. Every call's
latency is measured with ``perf_counter``; any exception counts as an error. At the end the room is
closed with its key and the script checks that no row of it is left.

SQLite: a file in a temporary folder. PostgreSQL: a private throw-away server on loopback started
with scripts/pg-test-server.sh in a temporary folder and stopped at the end (or
``WORKBOOK_TEST_PG_URL`` when set). Bounded in time and count; it stops by itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from emotions import rooms as rooms_mod  # noqa: E402
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN  # noqa: E402

PG_SCRIPT = ROOT / "scripts" / "pg-test-server.sh"
OPS = ("contribute", "picture (view)", "picture (participant)", "position_of", "withdraw")
WITHDRAWERS = 5  # participants that withdraw and contribute again, each a few times


@dataclass
class Recorder:
    """Latencies (seconds) and errors per operation, shared by all workers."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def call(self, op: str, fn: Callable[[], object]) -> None:
        start = time.perf_counter()
        try:
            fn()
        except Exception as exc:  # any exception is an error of the run
            elapsed = time.perf_counter() - start
            with self.lock:
                self.errors[op] += 1
                self.latencies[op].append(elapsed)
                if len(self.samples) < 5:
                    self.samples.append(f"{op}: {type(exc).__name__}: {exc}"[:300])
            return
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latencies[op].append(elapsed)


def random_needs(rng: random.Random) -> dict[str, int]:
    return {dim: rng.randint(NEED_MIN, NEED_MAX) for dim in DIMENSION_IDS}


def jittered(rng: random.Random, every: float) -> float:
    return every * rng.uniform(0.5, 1.5)


def participant(
    store: rooms_mod.Rooms,
    code: str,
    rec: Recorder,
    deadline: float,
    seed: int,
    args: argparse.Namespace,
    withdraws: bool,
) -> None:
    rng = random.Random(seed)
    token = rooms_mod.new_token()
    # People arrive over the first few seconds, not all in the same millisecond.
    time.sleep(rng.uniform(0, min(3.0, args.pace)))
    next_write = time.monotonic()
    refresh = args.participant_refresh
    next_read = time.monotonic() + (rng.uniform(0, refresh) if refresh > 0 else float("inf"))
    writes = 0
    while True:
        now = time.monotonic()
        if now >= deadline:
            return
        if now >= next_write:
            writes += 1
            if withdraws and writes % 4 == 0:
                rec.call("withdraw", lambda: store.withdraw(code, token))
                time.sleep(max(0.0, min(jittered(rng, args.pace), deadline - time.monotonic())))
                if time.monotonic() >= deadline:
                    return
            needs = random_needs(rng)
            rec.call("contribute", lambda: store.contribute(code, token, needs))  # noqa: B023
            next_write = time.monotonic() + jittered(rng, args.pace)
        if refresh > 0 and time.monotonic() >= next_read:
            rec.call("position_of", lambda: store.position_of(code, token))
            rec.call("picture (participant)", lambda: store.picture(code))
            next_read = time.monotonic() + refresh
        time.sleep(max(0.0, min(next_write, next_read, deadline) - time.monotonic()))


def viewer(store: rooms_mod.Rooms, code: str, rec: Recorder, deadline: float, every: float) -> None:
    shown: list[int] = []
    next_view = time.monotonic()
    while time.monotonic() < deadline:
        rec.call("picture (view)", lambda: shown.append(store.picture(code).contributions))
        next_view += every
        time.sleep(max(0.0, min(next_view, deadline) - time.monotonic()))


def run_load(url: str, args: argparse.Namespace) -> tuple[Recorder, float, str]:
    store = rooms_mod.Rooms(url)
    room = store.create()
    rec = Recorder()
    start = time.monotonic()
    deadline = start + args.seconds
    threads = [
        threading.Thread(
            target=participant,
            args=(store, room.code, rec, deadline, 1000 + i, args, i < WITHDRAWERS),
            daemon=True,
        )
        for i in range(args.participants)
    ]
    threads.append(
        threading.Thread(
            target=viewer, args=(store, room.code, rec, deadline, args.view_every), daemon=True
        )
    )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.seconds + 60)
    wall = time.monotonic() - start
    stuck = sum(thread.is_alive() for thread in threads)
    if stuck:
        rec.samples.append(f"{stuck} worker threads still running after the deadline")
    final = store.picture(room.code).contributions
    store.close(room.code, room.facilitator_key)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            left_rooms = conn.execute(
                sa.select(sa.func.count())
                .select_from(rooms_mod.rooms_table)
                .where(rooms_mod.rooms_table.c.code == room.code)
            ).scalar_one()
            left_rows = sum(
                conn.execute(
                    sa.select(sa.func.count())
                    .select_from(table)
                    .where(table.c.room_code == room.code)
                ).scalar_one()
                for table in (rooms_mod.contributions_table, rooms_mod.positions_table)
            )
    finally:
        engine.dispose()
    rooms_mod.dispose(url)
    gone = "yes" if left_rooms == 0 and left_rows == 0 else "NO"
    check = f"{final} contributions at the end; after close: room rows {left_rooms}, "
    check += f"contribution and position rows {left_rows} (gone: {gone})"
    return rec, wall, check


@contextmanager
def sqlite_url() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="workbook-rooms-bench-"))
    try:
        yield f"sqlite:///{folder / 'rooms.db'}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def postgres_url() -> Iterator[str]:
    configured = os.environ.get("WORKBOOK_TEST_PG_URL", "").strip()
    if configured:
        yield configured
        return
    folder = Path(tempfile.mkdtemp(prefix="workbook-pg-bench-"))
    folder.rmdir()  # the script wants a folder that does not exist or is empty, and chowns it
    started = subprocess.run(
        ["sh", str(PG_SCRIPT), "start", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise SystemExit(f"could not start PostgreSQL ({started.returncode}): {started.stderr}")
    try:
        yield started.stdout.splitlines()[0]
    finally:
        subprocess.run(
            ["sh", str(PG_SCRIPT), "stop", str(folder)],
            capture_output=True,
            timeout=120,
            check=False,
        )


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(backend: str, rec: Recorder, wall: float, check: str, markdown: bool) -> None:
    total = sum(len(v) for v in rec.latencies.values())
    errors = sum(rec.errors.values())
    print(
        f"\n{backend}: {total} calls in {wall:.1f} s = {total / wall:.1f} calls/s, {errors} errors"
    )
    head = "| operation | calls | errors | p50 ms | p95 ms | max ms |"
    print(head if markdown else head.replace("|", " ").strip())
    if markdown:
        print("|---|---:|---:|---:|---:|---:|")
    for op in OPS:
        values = rec.latencies.get(op, [])
        if not values:
            continue
        cells = [
            op,
            str(len(values)),
            str(rec.errors.get(op, 0)),
            f"{pct(values, 50) * 1000:.1f}",
            f"{pct(values, 95) * 1000:.1f}",
            f"{max(values) * 1000:.1f}",
        ]
        if markdown:
            print("| " + " | ".join(cells) + " |")
        else:
            print(f"  {cells[0]:<22}" + "".join(f"{c:>9}" for c in cells[1:]))
    print(f"  {check}")
    for sample in rec.samples:
        print(f"  error: {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--participants", type=int, default=60)
    parser.add_argument("--pace", type=float, default=3.0, help="seconds between a change")
    parser.add_argument("--view-every", type=float, default=2.0)
    parser.add_argument(
        "--participant-refresh",
        type=float,
        default=5.0,
        help="seconds between a participant's reads of the room (the join page); 0: none",
    )
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    if not 0 < args.seconds <= 600 or not 0 < args.participants <= 500:
        parser.error("--seconds must be in (0, 600] and --participants in (0, 500]")
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    print(
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · SQLAlchemy {sa.__version__}"
    )
    print(
        f"{args.participants} participants (change every ~{args.pace:g} s, read the room every "
        f"{args.participant_refresh:g} s), one view every {args.view_every:g} s, "
        f"{WITHDRAWERS} withdraw/re-contribute, {args.seconds:g} s per backend."
    )
    print(
        "This measures the storage layer (emotions.rooms) that the room pages call on each rerun, "
        "not the page reruns (bench/rerun_cost.py)."
    )
    for backend in backends:
        context = sqlite_url() if backend == "sqlite" else postgres_url()
        with context as url:
            rec, wall, check = run_load(url, args)
        report(backend, rec, wall, check, args.markdown)


if __name__ == "__main__":
    main()
