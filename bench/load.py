"""Many people using the app at once: N browser sessions over Streamlit's websocket protocol.

    .venv/bin/python bench/load.py [--sessions 1,10,30,60] [--seconds 60] [--pace 3]
        [--scenario needs|rooms] [--keep-share 0.25] [--empty]
        [--target URL [--replica-pids PID,...]] [--markdown]

What it does and how to read it: bench/README.md ("load.py"). In short: for each N in
``--sessions`` a fresh ``streamlit run app.py`` (pinned to one CPU, this client on the others) or
the server at ``--target`` (loopback only: a load balancer in front of replicas, say) gets N
sessions, each in its own thread, each a bench/stclient.py ``Session`` that behaves like a
browser tab. They act at ``--pace`` seconds apart (jittered +-50%, waiting for the answer before
thinking again) for ``--seconds``, and every answer is checked. Printed per N: actions, p50 / p95
/ max latency (request sent -> run finished, wall ms), errors (exceptions on the page, timeouts,
disconnects, wrong results), throughput, server CPU per rerun and server memory.

Scenarios:
- ``needs`` (default): open the app, go to the needs page (``what-it-means``), then answer a random
  question with a random other value (now and then take an answer back); now and then switch
  whose answers (``needs_who``) or which question (``needs_kind``) are shown. After each action the
  radar must show this session's own needs (both outlines, the new answer included) and the
  questions the answers this session gave them.
- ``rooms``: one facilitator opens a workshop room on ``/room`` and watches it (its live view
  refreshes every few seconds, as the browser's timer asks); N participants join through
  ``/join`` (half from the QR code's link, half typing the code), set positions, send, update, now
  and then withdraw and send again. At the end the facilitator's count must equal the number of
  participants whose answer is in.

Bounded: at most 200 sessions, ``--seconds`` at most 600 per N, ``--max-reruns`` in all.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import math
import os
import platform
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, the repository is not
    sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402

from bench.stclient import (  # noqa: E402
    Disconnected,
    Run,
    Server,
    Session,
    SessionError,
    SessionTimeout,
    check_loopback,
    process_cpu_ns,
    process_rss_bytes,
)
from emotions import i18n  # noqa: E402
from emotions.dimensions import DIMENSION_IDS  # noqa: E402
from emotions.model import PARTNER_IDS  # noqa: E402
from emotions.rooms import CODE_ALPHABET, CODE_LENGTH  # noqa: E402

MAX_SESSIONS = 200
MAX_SECONDS = 600
NEEDS_PAGE = "what-it-means"
RATING_KINDS = ("need", "importance", "met", "guess")
EMPTY_APP = ROOT / "bench" / "empty_app.py"
DEPLOY_RUN = ROOT / "deploy" / ".run"
ERROR_KINDS = ("exception", "timeout", "disconnect", "wrong")
ACTION_OPS = frozenset({"move", "switch", "send", "withdraw", "rerun"})


# --- Figures -----------------------------------------------------------------------------------


@dataclass
class Budget:
    """The cap on reruns over the whole benchmark."""

    left: int
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> bool:
        with self.lock:
            self.left -= 1
            return self.left > 0

    @property
    def exhausted(self) -> bool:
        return self.left <= 0


@dataclass
class Stats:
    """What every session did during one level of load, shared by all its threads."""

    budget: Budget
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)  # op -> wall ms
    fragment_runs: int = 0
    reruns: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    counting: bool = False  # only inside the measured window

    def rerun_sent(self) -> None:
        with self.lock:
            self.reruns += 1
        if not self.budget.take():
            self.stop.set()

    def record(self, op: str, run: Run) -> None:
        with self.lock:
            if self.counting:
                self.latencies.setdefault(op, []).append(run.wall_ms)
                self.fragment_runs += run.fragment

    def error(self, kind: str, detail: str) -> None:
        with self.lock:
            if self.counting:
                self.errors[kind] += 1
                self.examples.setdefault(kind, detail[:300])

    def actions(self) -> list[float]:
        return [ms for op, xs in self.latencies.items() if op in ACTION_OPS for ms in xs]


def percentile(xs: Sequence[float], q: float) -> float:
    if not xs:
        return math.nan
    ordered = sorted(xs)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


# --- The people --------------------------------------------------------------------------------


class Wrong(Exception):
    """The page did not show what this session's own actions should have produced."""


class User:
    """One person with one browser tab; ``setup`` opens it, ``act`` does one thing."""

    def __init__(self, url: str, stats: Stats, rng: random.Random, timeout: float) -> None:
        self.url, self.stats, self.rng, self.timeout = url, stats, rng, timeout
        self.s: Session | None = None
        self.replica = ""

    def connect(self) -> Session:
        if self.s is not None:
            self.s.close()
        self.s = Session(self.url, timeout=self.timeout)
        self.replica = self.s.page_headers.get("X-Replica", "")
        return self.s

    def do(self, op: str, call: Callable[[], Run | None]) -> Run | None:
        """One request, timed and counted."""
        self.stats.rerun_sent()
        run = call()
        if run is not None:
            self.stats.record(op, run)
            if run.errors:
                raise PageError(run.errors[0])
        return run

    def setup(self) -> None:
        raise NotImplementedError

    def act(self) -> None:
        raise NotImplementedError

    def due_refresh(self) -> float | None:
        """Seconds until this tab's own timer (a fragment's run_every) fires, if it has one."""
        return None

    def start_timer(self, phase: float) -> None:
        """Let the timer fire first after ``phase`` (0-1) of its interval: people do not all
        open the page in the same second, so their timers are not in step."""

    def refresh(self) -> None:
        pass

    def close(self) -> None:
        if self.s is not None:
            self.s.close()


class PageError(Exception):
    """The page shows an exception."""


def _label_index(el: Any, label: str) -> int:
    options = list(getattr(el, el.WhichOneof("type")).options)
    return options.index(label)


def _answer(value: Any) -> str | None:
    """One answer as the page holds it: the chosen segment's text, None when nothing is chosen
    (a segmented control's state is a list of texts; the radar has numbers, None unanswered)."""
    if value is None or value == []:
        return None
    if isinstance(value, (int, float)):
        return str(int(value))
    return str(value)


class NeedsUser(User):
    """Answers needs on the needs page and checks the radar and questions show its own answers."""

    keep = False  # switch on the copy kept in the browser (set per user by --keep-share)

    def setup(self) -> None:
        s = self.connect()
        self.do("open", s.rerun)
        if self.keep:
            # The sidebar switch: from now on every change is handed to the browser's storage
            # component, and a slider move asks for a whole-page run to do it.
            self.do("keep", lambda: s.set("keep_toggle", True))
            if s.value("keep_toggle") is not True:
                raise Wrong("the browser-copy switch did not stay on")
        self.do("open", lambda: s.rerun(page=NEEDS_PAGE))
        self.expected: dict[tuple[str, str, str], Any] = {}
        self.check()

    def shown(self) -> tuple[str, str]:
        """(partner, rating kind) the page shows now."""
        assert self.s is not None
        who = PARTNER_IDS[_label_index(self.s.element("needs_who"), self.s.value("needs_who"))]
        kind = RATING_KINDS[_label_index(self.s.element("needs_kind"), self.s.value("needs_kind"))]
        return who, kind

    def check(self) -> None:
        """The radar and the questions on show hold this session's answers (learnt when first
        seen; None while not answered)."""
        assert self.s is not None
        who, kind = self.shown()
        for dim in DIMENSION_IDS:
            got = _answer(self.s.value(f"{kind}__{who}__{dim}"))
            want = self.expected.setdefault((who, kind, dim), got)
            if got != want:
                raise Wrong(f"{kind}__{who}__{dim} shows {got!r}, this session set {want!r}")
        radar = self.s.plotly("needs_radar")
        # One trace per partner who has answered a need, named after the partner (no names are
        # typed here); a partner without one has answered none.
        labels = {i18n.t(f"partner.{pid}", "en"): pid for pid in PARTNER_IDS}
        traces = {labels.get(trace.get("name"), ""): trace for trace in radar["data"]}
        for pid in PARTNER_IDS:
            trace = traces.get(pid, {"r": [None] * len(DIMENSION_IDS)})
            for dim, got in zip(DIMENSION_IDS, trace["r"], strict=False):
                want = self.expected.setdefault((pid, "need", dim), _answer(got))
                if _answer(got) != want:
                    raise Wrong(f"radar shows {pid}/{dim} = {got!r}, this session set {want!r}")

    def act(self) -> None:
        assert self.s is not None
        s, rng = self.s, self.rng
        r = rng.random()
        if r < 0.08:
            el = s.element("needs_who").radio
            other = [o for o in el.options if o != s.value("needs_who")]
            self.do("switch", lambda: s.set("needs_who", rng.choice(other)))
        elif r < 0.14:
            el = s.element("needs_kind").radio
            other = [o for o in el.options if o != s.value("needs_kind")]
            self.do("switch", lambda: s.set("needs_kind", rng.choice(other)))
        else:
            who, kind = self.shown()
            dim = rng.choice(DIMENSION_IDS)
            key = f"{kind}__{who}__{dim}"
            # A segmented control: its segments' texts (0-10, or the importance labels); now and
            # then the answer is taken back (nothing chosen).
            choices: list[Any] = [o.content for o in s.element(key).button_group.options]
            current = _answer(s.value(key))
            if current is not None and rng.random() < 0.1:
                value = None
            else:
                value = rng.choice([c for c in choices if c != current])
            self.do("move", lambda: s.set(key, value))
            self.expected[who, kind, dim] = value
        self.check()


ROOM_CODE = re.compile(rf"code=([{CODE_ALPHABET}]{{{CODE_LENGTH}}})")
CONTRIBUTIONS = re.compile(  # the live view's heading, in each of its plural forms
    "^#+ (?:"
    + "|".join(
        sorted(
            {
                re.escape(i18n.t("rooms.contributions", "en", count=n)).replace(str(n), "XX", 1)
                for n in (0, 1, 2, 5, 11, 21)
            }
        )
    ).replace("XX", r"(\d+)")
    + ")$"
)


class TimedUser(User):
    """A tab whose page has a fragment with its own timer (``run_every``), refreshed like the
    browser does it: every interval, out of step with the other tabs."""

    fallback_interval = 5.0  # until the page has said its interval

    def interval(self) -> float:
        assert self.s is not None
        return next(iter(self.s.auto_reruns.values()), self.fallback_interval)

    def due_refresh(self) -> float | None:
        return self.next_refresh - time.monotonic()

    def start_timer(self, phase: float) -> None:
        self.next_refresh = time.monotonic() + phase * self.interval()

    def refresh(self) -> None:
        assert self.s is not None
        s = self.s
        self.next_refresh = time.monotonic() + self.interval()
        # Every timer the page has (the room host's live view and its downloads, each its own).
        for fid in list(s.auto_reruns):
            self.do("refresh", lambda fid=fid: s.auto_rerun(fid))
        self.refreshed()

    def refreshed(self) -> None:
        """Check what the timer's run shows (nothing by default)."""


class RoomHost(TimedUser):
    """The facilitator: opens a room, keeps the room's live view on screen, closes it at the end."""

    fallback_interval = 3.0

    def setup(self) -> None:
        s = self.connect()
        self.do("open", lambda: s.rerun(page="room"))
        self.do("open", lambda: s.click("room_open"))
        codes = {m.group(1) for text in s.texts() for m in ROOM_CODE.finditer(text)}
        if len(codes) != 1:
            raise Wrong(f"the facilitator's page shows no single room code: {codes!r}")
        self.code = codes.pop()
        self.next_refresh = time.monotonic() + self.interval()

    def count(self) -> int:
        assert self.s is not None
        found = [int(m[m.lastindex or 0]) for x in self.s.texts() if (m := CONTRIBUTIONS.match(x))]
        if len(found) != 1:
            raise Wrong(f"the facilitator's live view shows no count: {self.s.texts()!r}")
        return found[0]

    def spread(self) -> dict[str, list[int]]:
        """The live view's compact chart (key ``room_spread``): per dimension drawn, how many
        people sit at each point 0-10 (nothing while the room is not shown)."""
        assert self.s is not None
        if not self.s.has("room_spread"):
            return {}
        (grid,) = self.s.plotly("room_spread")["data"]
        dims = {i18n.t(f"dim.{dim}.name", "en"): dim for dim in DIMENSION_IDS}
        return {
            dims[name]: [int(n) for n in row]
            for name, row in zip(grid["y"], grid["z"], strict=True)
        }

    def refreshed(self) -> None:
        count, spread = self.count(), self.spread()
        # Everyone in has a closeness (a participant sets it before sending): its row counts them
        # all; no row counts more people than are in; the rows follow the registry's order.
        for dim, counts in spread.items():
            if len(counts) != 11 or sum(counts) > count:
                raise Wrong(f"the spread of {dim} is {counts} with {count} answers in")
        if list(spread) != [d for d in DIMENSION_IDS if d in spread]:
            raise Wrong(f"the compact chart's rows are out of order: {list(spread)}")
        if spread and sum(spread.get("closeness", [])) != count:
            raise Wrong(f"closeness counts {spread.get('closeness')}, {count} answers are in")

    def act(self) -> None:
        self.refresh()

    def close_room(self) -> None:
        assert self.s is not None
        s = self.s
        self.do("close", lambda: s.click("room_close"))
        self.do("close", lambda: s.click("room_close_yes"))
        if s.has("room_close"):
            raise Wrong("the room is still open after closing it")


class Participant(TimedUser):
    """Joins the room, places themself, sends, changes, sometimes withdraws and sends again."""

    SENT = i18n.t("rooms.sent", "en")
    WITHDRAWN = i18n.t("rooms.withdrawn", "en")

    def __init__(self, *args: Any, code: str, from_link: bool) -> None:
        super().__init__(*args)
        self.code, self.from_link = code, from_link
        self.contributed = False
        self.orphans = 0  # answers left in the room by an earlier session of this person

    def setup(self) -> None:
        s = self.connect()
        self.orphans += self.contributed
        self.contributed = False
        if self.from_link:  # the QR code's address fills in the code
            self.do("open", lambda: s.rerun(page="join", query=f"code={self.code}"))
        else:  # typed in
            self.do("open", lambda: s.rerun(page="join"))
            s.set("room_join_code", self.code.lower()[:4] + " " + self.code.lower()[4:])
        self.do("join", lambda: s.click(form="room_join_form"))
        if not s.has("room_send") or not any(self.code in x for x in s.texts()):
            raise Wrong(f"not in room {self.code} after joining")
        # Every position is unset until chosen, and a send with none set is refused: set one.
        first = str(self.rng.randrange(11))
        self.do("move", lambda: s.set("room_need__closeness", first))
        self.next_refresh = time.monotonic() + self.interval()

    def act(self) -> None:
        assert self.s is not None
        s, rng = self.s, self.rng
        r = rng.random()
        if self.contributed and r < 0.1:
            self.do("withdraw", lambda: s.click("room_withdraw"))
            self.contributed = False
            if self.WITHDRAWN not in s.texts() or s.has("room_withdraw"):
                raise Wrong("withdrawing did not take the answer out")
        elif r < 0.55:
            key = f"room_need__{rng.choice(DIMENSION_IDS)}"
            # A position is a segment of 0-10, chosen by its label (unset: None).
            value = rng.choice([str(v) for v in range(11) if str(v) != s.value(key)])
            self.do("move", lambda: s.set(key, value))
            if s.value(key) != value:
                raise Wrong(f"{key} shows {s.value(key)!r} after moving it to {value}")
        else:
            self.do("send", lambda: s.click("room_send"))
            self.contributed = True
            if self.SENT not in s.texts() or not s.has("room_withdraw"):
                raise Wrong("sending did not put the answer in")


class EmptyUser(User):
    """Reruns an empty Streamlit page: the baseline for the cost of a rerun."""

    def setup(self) -> None:
        s = self.connect()
        self.do("open", s.rerun)

    def act(self) -> None:
        assert self.s is not None
        self.do("rerun", self.s.rerun)


# --- One level of load -------------------------------------------------------------------------


@dataclass
class Result:
    label: str
    sessions: int
    pace: float
    seconds: float
    actions: int
    reruns: int
    p50: float
    p95: float
    max: float
    errors: Counter[str]
    examples: dict[str, str]
    throughput: float
    fragment_share: float
    cpu_ms_per_rerun: float | None
    server_busy: float | None  # server CPU seconds per wall second
    rss_start: int | None
    rss_end: int | None
    client_busy: float
    refresh_p95: float | None = None
    note: str = ""


def run_level(
    label: str,
    users: list[User],
    *,
    pace: float,
    seconds: float,
    stats: Stats,
    cpu: Callable[[], int] | None,
    rss: Callable[[], int] | None,
    after: Callable[[], str] | None = None,
) -> Result:
    """Open every session, then let them act for ``seconds``; the figures of that window."""
    jitter = 0.5
    go = threading.Event()
    ready = threading.Barrier(len(users) + 1)
    rss_start = rss() if rss else None

    def guarded(user: User, step: Callable[[], None]) -> bool:
        try:
            step()
            return True
        except SessionTimeout as e:
            stats.error("timeout", str(e))
        except (Disconnected, ConnectionError, OSError) as e:
            stats.error("disconnect", f"{type(e).__name__}: {e}")
        except PageError as e:
            stats.error("exception", str(e))
            return True  # the page is still there
        except (Wrong, SessionError) as e:
            stats.error("wrong", str(e))
        except Exception as e:  # a bug in this client must not pass as a clean run
            stats.error("wrong", f"{type(e).__name__}: {e}")
        return False

    def life(user: User) -> None:
        ok = guarded(user, user.setup)
        with contextlib.suppress(threading.BrokenBarrierError):
            ready.wait()
        go.wait()
        user.start_timer(user.rng.random())
        if not ok:  # counted once the window opens; then it tries again like a reload
            stats.error("disconnect", "the session could not open the page")
        # Spread the first actions over one pace, as people do not all click at once.
        wait = user.rng.uniform(0, pace)
        while not stats.stop.is_set():
            due = user.due_refresh()
            if due is not None and due < wait:
                if stats.stop.wait(max(0.0, due)):
                    break
                wait -= max(0.0, due)
                ok = guarded(user, user.refresh) if ok else guarded(user, user.setup)
                continue
            if stats.stop.wait(wait):
                break
            ok = guarded(user, user.act) if ok else guarded(user, user.setup)
            wait = pace * user.rng.uniform(1 - jitter, 1 + jitter)

    threads = [threading.Thread(target=life, args=(u,), daemon=True) for u in users]
    for t in threads:
        t.start()
    try:
        ready.wait(timeout=max(120, 2 * len(users)))
    except threading.BrokenBarrierError:
        print("warning: not every session opened in time", file=sys.stderr)
    cpu0 = cpu() if cpu else None
    reruns0 = stats.reruns
    client0 = time.process_time()
    t0 = time.perf_counter()
    with stats.lock:
        stats.counting = True
    go.set()
    stats.stop.wait(seconds)
    stats.stop.set()
    for t in threads:
        t.join(timeout=120)
    elapsed = time.perf_counter() - t0
    cpu1 = cpu() if cpu else None
    reruns = stats.reruns - reruns0
    client_busy = (time.process_time() - client0) / elapsed
    note = after() if after else ""
    replicas = Counter(getattr(u, "replica", "") for u in users)
    if len(replicas) > 1 or "" not in replicas:
        spread = ", ".join(f"{k or '?'}: {v}" for k, v in sorted(replicas.items()))
        note = "; ".join(x for x in (note, f"sessions per replica (X-Replica) {spread}") if x)
    with stats.lock:
        stats.counting = False
    rss_end = rss() if rss else None
    for u in users:
        u.close()
    acts = stats.actions()
    refresh = stats.latencies.get("refresh", [])
    cpu_s = (cpu1 - cpu0) / 1e9 if cpu0 is not None and cpu1 is not None else None
    runs = sum(len(xs) for xs in stats.latencies.values())
    return Result(
        label=label,
        sessions=len(users),
        pace=pace,
        seconds=elapsed,
        actions=len(acts),
        reruns=reruns,
        p50=percentile(acts, 50),
        p95=percentile(acts, 95),
        max=max(acts, default=math.nan),
        errors=stats.errors,
        examples=stats.examples,
        throughput=len(acts) / elapsed,
        fragment_share=stats.fragment_runs / runs if runs else 0.0,
        cpu_ms_per_rerun=cpu_s * 1000 / reruns if cpu_s is not None and reruns else None,
        server_busy=cpu_s / elapsed if cpu_s is not None else None,
        rss_start=rss_start,
        rss_end=rss_end,
        client_busy=client_busy,
        refresh_p95=percentile(refresh, 95) if refresh else None,
        note=note,
    )


# --- Servers -----------------------------------------------------------------------------------


@dataclass
class Target:
    """Where the sessions go: a server started here, or one given with --target."""

    url: str
    cpu: Callable[[], int] | None
    rss: Callable[[], int] | None
    describe: str


def replica_pids(arg: str | None) -> list[int]:
    if arg:
        return [int(p) for p in arg.replace(",", " ").split()]
    listing = DEPLOY_RUN / "replicas"
    if listing.exists():
        return [int(line.split()[0]) for line in listing.read_text().splitlines() if line.strip()]
    return []


@contextlib.contextmanager
def own_server(script: Path, cpus: list[int] | None, env: dict[str, str]) -> Iterator[Target]:
    """A server on the first of ``cpus``, this client on the others (None: unpinned)."""
    server_cpus = {cpus[0]} if cpus else None
    log = tempfile.NamedTemporaryFile("w+", prefix="load_", suffix=".log")  # noqa: SIM115
    server = Server(script, env=env, log=log, cpus=server_cpus)
    try:
        server.wait_ready()
        server.check_clock()
        where = f"server on CPU {cpus[0]}, client on {cpus[1:]}" if cpus else "unpinned"
        yield Target(server.url, server.cpu_ns, server.rss_bytes, f"one process, {where}")
    except BaseException:
        log.flush()
        log.seek(0)
        print("--- server log (tail) ---\n" + "".join(log.readlines()[-30:]), file=sys.stderr)
        raise
    finally:
        server.stop()
        log.close()


@contextlib.contextmanager
def given_server(url: str, pids: list[int]) -> Iterator[Target]:
    check_loopback(url)
    if not pids:
        yield Target(url, None, None, f"{url} (server CPU unknown: no --replica-pids)")
        return
    yield Target(
        url,
        lambda: sum(process_cpu_ns(p) for p in pids),
        lambda: sum(process_rss_bytes(p) for p in pids),
        f"{url}, {len(pids)} replica process(es) {pids}",
    )


# --- Main --------------------------------------------------------------------------------------


def level(args: argparse.Namespace, n: int, target: Target, seed: int, budget: Budget) -> Result:
    stats = Stats(budget)
    rng = random.Random(seed)
    common = (target.url, stats)

    def user_rng() -> random.Random:
        return random.Random(rng.getrandbits(64))

    if args.scenario == "needs":
        people = [NeedsUser(*common, user_rng(), args.timeout) for _ in range(n)]
        for i, person in enumerate(people):  # the first share of the sessions keep a browser copy
            person.keep = i < round(n * args.keep_share)
        users: list[User] = list(people)
        return run_level(
            f"needs N={n}",
            users,
            pace=args.pace,
            seconds=args.seconds,
            stats=stats,
            cpu=target.cpu,
            rss=target.rss,
        )
    if args.scenario == "empty":
        users = [EmptyUser(*common, user_rng(), args.timeout) for _ in range(n)]
        return run_level(
            f"empty N={n}",
            users,
            pace=args.pace,
            seconds=args.seconds,
            stats=stats,
            cpu=target.cpu,
            rss=target.rss,
        )
    # rooms: the facilitator opens the room first, then the participants join it.
    host = RoomHost(*common, user_rng(), args.timeout)
    try:
        host.setup()
    except Exception as e:
        raise SystemExit(f"the facilitator could not open a room: {e}") from e
    participants: list[Participant] = [
        Participant(*common, user_rng(), args.timeout, code=host.code, from_link=i % 2 == 0)
        for i in range(n)
    ]
    host_user = _AlreadyOpen(host)

    def final_check() -> str:
        """After the window: the facilitator's view counts exactly the answers that are in."""
        want = sum(p.contributed + p.orphans for p in participants)
        try:
            host.refresh()
            got = host.count()
            host.close_room()
        except Exception as e:
            stats.error("wrong", f"facilitator at the end: {type(e).__name__}: {e}")
            return f"facilitator check failed: {e}"
        if got != want:
            stats.error("wrong", f"facilitator counts {got}, {want} answers are in")
        return f"facilitator counts {got} answers in, participants say {want}; room closed"

    return run_level(
        f"rooms N={n}+1",
        [host_user, *participants],
        pace=args.pace,
        seconds=args.seconds,
        stats=stats,
        cpu=target.cpu,
        rss=target.rss,
        after=final_check,
    )


class _AlreadyOpen(User):
    """The facilitator inside the window: already set up; only the live view's timer acts."""

    def __init__(self, host: RoomHost) -> None:
        super().__init__(host.url, host.stats, host.rng, host.timeout)
        self.host = host
        self.replica = host.replica

    def setup(self) -> None:
        if self.host.s is None:
            self.host.setup()

    def due_refresh(self) -> float | None:
        return self.host.due_refresh()

    def refresh(self) -> None:
        self.host.refresh()

    def start_timer(self, phase: float) -> None:
        self.host.start_timer(phase)

    def act(self) -> None:
        pass  # watching only; the refresh timer does the work

    def close(self) -> None:
        self.host.close()


def fmt(x: float | None, digits: int = 0) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def mb(x: int | None) -> str:
    return "-" if x is None else f"{x / 1e6:.0f}"


def print_results(results: list[Result], markdown: bool) -> None:
    head = (
        "load",
        "sessions",
        "pace s",
        "actions",
        "actions/s",
        "p50 ms",
        "p95 ms",
        "max ms",
        "errors",
        "fragment runs",
        "server CPU ms/rerun",
        "server CPU busy",
        "RSS MB start-end",
        "client CPU busy",
    )
    rows = []
    for r in results:
        errs = sum(r.errors.values())
        detail = ", ".join(f"{k} {r.errors[k]}" for k in ERROR_KINDS if r.errors[k])
        rows.append(
            (
                r.label,
                str(r.sessions),
                fmt(r.pace, 1),
                str(r.actions),
                fmt(r.throughput, 1),
                fmt(r.p50),
                fmt(r.p95),
                fmt(r.max),
                f"{errs}" + (f" ({detail})" if detail else ""),
                f"{r.fragment_share:.0%}",
                fmt(r.cpu_ms_per_rerun, 1),
                "-" if r.server_busy is None else f"{r.server_busy:.0%}",
                f"{mb(r.rss_start)}-{mb(r.rss_end)}",
                f"{r.client_busy:.0%}",
            )
        )
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        for row in [head, *rows]:
            cells = [row[0].ljust(widths[0])]
            cells += [x.rjust(w) for x, w in zip(row[1:], widths[1:], strict=True)]
            print("  ".join(cells))
    for r in results:
        for kind, example in r.examples.items():
            print(f"  {r.label}: first {kind} error: {example}")
        if r.refresh_p95 is not None:
            print(f"  {r.label}: timer refreshes (not actions) p95 {r.refresh_p95:.0f} ms")
        if r.note:
            print(f"  {r.label}: {r.note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sessions", default="1,10,30,60", help="N values, e.g. 1,10,30,60")
    parser.add_argument("--seconds", type=float, default=60, help="measured seconds per N")
    parser.add_argument("--pace", type=float, default=3.0, help="seconds between actions (+-50%%)")
    parser.add_argument("--scenario", choices=("needs", "rooms", "empty"), default="needs")
    parser.add_argument(
        "--keep-share",
        type=float,
        default=0.0,
        help="needs: share of sessions with the copy kept in the browser switched on (0-1)",
    )
    parser.add_argument(
        "--empty",
        action="store_true",
        help="after each N, the same load on an empty Streamlit page (CPU per rerun ratio)",
    )
    parser.add_argument("--target", help="an already running server or load balancer (loopback)")
    parser.add_argument(
        "--replica-pids",
        help="server processes behind --target whose CPU and memory to count "
        "(default: deploy/.run/replicas when it exists)",
    )
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for a run")
    parser.add_argument("--max-reruns", type=int, default=100_000, help="cap on all reruns")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--no-pin", action="store_true", help="do not pin server and client")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sessions.split(",") if x.strip()]
    if not sizes or min(sizes) < 1 or max(sizes) > MAX_SESSIONS:
        parser.error(f"--sessions: between 1 and {MAX_SESSIONS}")
    if not 1 <= args.seconds <= MAX_SECONDS:
        parser.error(f"--seconds: between 1 and {MAX_SECONDS}")
    if args.pace <= 0:
        parser.error("--pace must be positive")
    args.max_reruns = min(args.max_reruns, 1_000_000)
    if args.target == "deploy":
        args.target = (DEPLOY_RUN / "url").read_text().strip()
    if args.target:
        try:
            check_loopback(args.target)
        except ValueError as e:
            parser.error(str(e))
        if args.empty:
            parser.error("--empty needs a server started here (no --target)")

    load_start = os.getloadavg()
    budget = Budget(args.max_reruns)
    results: list[Result] = []
    started = time.perf_counter()
    rooms_dir = tempfile.TemporaryDirectory(prefix="load_rooms_")
    env = {"WORKBOOK_ROOMS_URL": f"sqlite:///{Path(rooms_dir.name) / 'rooms.db'}"}
    cpus: list[int] | None = sorted(os.sched_getaffinity(0))
    if args.no_pin or args.target or len(cpus or ()) < 2:
        cpus = None
    else:
        os.sched_setaffinity(0, set(cpus[1:]))  # the server gets cpus[0] to itself
    placement = ""
    try:
        for i, n in enumerate(sizes):
            if budget.exhausted:
                print("stopped: --max-reruns reached", file=sys.stderr)
                break
            runs: list[tuple[str, Path]] = [(args.scenario, ROOT / "app.py")]
            if args.empty:
                runs.append(("empty", EMPTY_APP))
            for scenario, script in runs:
                print(f"[{scenario} N={n}] {args.seconds:.0f} s ...", file=sys.stderr, flush=True)
                server = (
                    given_server(args.target, replica_pids(args.replica_pids))
                    if args.target
                    else own_server(script, cpus, env)
                )
                with server as target:
                    placement = target.describe
                    sub = argparse.Namespace(**{**vars(args), "scenario": scenario})
                    results.append(level(sub, n, target, args.seed + i, budget))
    finally:
        rooms_dir.cleanup()
    took = time.perf_counter() - started

    print(
        f"Load ({args.scenario}): {dt.datetime.now():%Y-%m-%d %H:%M}  {os.cpu_count()} cores  "
        f"load average at start {load_start[0]:.2f} {load_start[1]:.2f} {load_start[2]:.2f}  "
        f"Python {platform.python_version()}  streamlit {streamlit.__version__}  "
        f"{placement}  pace {args.pace} s +-50%  {args.seconds:.0f} s per N  took {took:.0f} s\n"
    )
    print_results(results, args.markdown)
    empties = {r.sessions: r for r in results if r.label.startswith("empty")}
    for r in results:
        e = empties.get(r.sessions)
        if e and r is not e and r.cpu_ms_per_rerun and e.cpu_ms_per_rerun:
            print(
                f"  N={r.sessions}: a rerun of the app costs {r.cpu_ms_per_rerun:.1f} ms of server "
                f"CPU, an empty page {e.cpu_ms_per_rerun:.1f} ms: "
                f"{r.cpu_ms_per_rerun / e.cpu_ms_per_rerun:.1f}x"
            )
    print(
        "\nlatency: request sent -> run finished (wall, as the client saw it), actions only;"
        " server CPU ms/rerun = server CPU in the window / reruns in it (timer refreshes"
        " included); busy = CPU seconds per second; fragment runs = share of runs that reran a"
        " fragment only."
    )
    if any(sum(r.errors.values()) for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
