"""Server CPU cost of one rerun of each page of the app, against an empty Streamlit page.

    .venv/bin/python bench/rerun_cost.py [--runs 30] [--lang en|ja] [--harness server|apptest]

(``make bench``). What it measures and how to read it: bench/README.md. In short: two real
``streamlit run`` servers (this app, and bench/empty_app.py) are driven over their websockets
like a browser would; one sample is the CPU time the server process spent on one rerun (all its
threads, from the rerun request to the end of the run). Each page is measured in its own block:
switch to it, warm up, then ``--runs`` pairs of (empty page rerun, page rerun), so machine noise
falls on both alike. ``--harness apptest`` measures the same in-process with Streamlit's AppTest
(script thread + message serialization only: no websocket, no session machinery).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[1]
# Streamlit reads .streamlit/config.toml from the working directory (runner.postScriptGC etc.).
os.chdir(ROOT)
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402
from streamlit import config  # noqa: E402

from bench.stclient import Server, Session  # noqa: E402
from emotions import i18n  # noqa: E402
from emotions.dimensions import DIMENSION_IDS  # noqa: E402
from emotions.model import IMPORTANCE_LEVELS, PARTNER_IDS, Workbook  # noqa: E402
from emotions.sections import SECTION_GROUPS  # noqa: E402

EMPTY_APP = ROOT / "bench" / "empty_app.py"
MAIN_APP = ROOT / "app.py"
NEEDS_PAGE = "what-it-means"
RATING_KINDS = ("need", "importance", "met", "guess")

# --- The state every page is measured in -------------------------------------------------------
# A half-answered workbook: names, both partners' needs, importance, some 'met' and 'guess'.
NAMES = {"a": "Aki", "b": "Sam"}


def answers() -> dict[tuple[str, str, str], Any]:
    """(partner, kind, dimension) -> value; unanswered 'met'/'guess' are left out."""
    out: dict[tuple[str, str, str], Any] = {}
    for i, dim in enumerate(DIMENSION_IDS):
        need = {"a": (2 + 3 * i) % 11, "b": (9 - 2 * i) % 11}
        out["a", "need", dim], out["b", "need", dim] = need["a"], need["b"]
        out["a", "importance", dim] = IMPORTANCE_LEVELS[i % 3]
        out["b", "importance", dim] = IMPORTANCE_LEVELS[(i + 1) % 3]
        if i % 2 == 0:
            out["a", "met", dim], out["b", "met", dim] = (i + 3) % 11, 10 - i
        if i % 3 != 2:
            out["a", "guess", dim], out["b", "guess", dim] = need["b"], (need["a"] + 2) % 11
    return out


def fill_model(wb: Workbook) -> None:
    for pid, name in NAMES.items():
        wb.partner(pid).name = name  # type: ignore[arg-type]
    for (pid, kind, dim), value in answers().items():
        setattr(wb.partner(pid).ratings[dim], kind, value)  # type: ignore[arg-type,index]


def expected_radar() -> list[list[int]]:
    """The radar's two outlines (closed: first point repeated) for the answers above."""
    got = answers()
    return [[got[pid, "need", d] for d in (*DIMENSION_IDS, DIMENSION_IDS[0])] for pid in "ab"]


# --- The pages ---------------------------------------------------------------------------------


@dataclass
class Case:
    label: str
    url_path: str
    title: str
    kind: str | None = None
    move: bool = False  # each sample is a question answered (what a user does), not a rerun
    messages: int = 0  # messages the server sends for one rerun (deltas and the rest)
    samples: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)

    @property
    def script(self) -> str:
        return f"app_pages/{self.url_path.replace('-', '_')}.py"


def cases(lang: str, kinds: bool) -> list[Case]:
    out: list[Case] = []
    for group in SECTION_GROUPS:
        for sid in group.sections:
            title = i18n.section_text(sid, lang)[0]
            if sid == NEEDS_PAGE:
                # A question answered (a segment chosen): on this page that reruns only its
                # fragment (the questions, the radar and the texts that follow them), not app.py's
                # frame. Server harness only. Called "[slider move]" before issue 13.
                out.append(Case(f"{sid} [answer]", sid, title, "need", move=True))
                for kind in RATING_KINDS if kinds else ("need",):
                    label = f"{sid} [{kind}]" if kinds else sid
                    out.append(Case(label, sid, title, kind))
            else:
                out.append(Case(sid, sid, title))
    out.append(Case("about", "about", i18n.t("about.heading", lang)))  # type: ignore[arg-type]
    return out


class Harness(Protocol):
    name: str

    def empty_rerun(self) -> float: ...
    def app_rerun(self) -> float: ...
    def open(self, case: Case) -> None: ...
    def check(self, case: Case) -> None: ...


# --- Harness 1: real servers, driven over the websocket (bench/stclient.py) -------------------


class ServerHarness:
    name = "server"

    def __init__(self, lang: str, pin: bool) -> None:
        self.log = tempfile.NamedTemporaryFile("w+", prefix="rerun_cost_", suffix=".log")  # noqa: SIM115
        # Both servers on one CPU, this client on another: a stable placement, less noise.
        cpus = sorted(os.sched_getaffinity(0))
        server_cpus = {cpus[0]} if pin and len(cpus) >= 2 else None
        if server_cpus:
            os.sched_setaffinity(0, set(cpus[1:]))
        self.placement = (
            f"servers on CPU {cpus[0]}, client on {cpus[1:]}" if server_cpus else "unpinned"
        )
        self.servers = [
            Server(EMPTY_APP, log=self.log, cpus=server_cpus),
            Server(MAIN_APP, log=self.log, cpus=server_cpus),
        ]
        for s in self.servers:
            s.wait_ready()
            s.check_clock()
        # lean: a rerun sends only the widgets it changes (see "Limits" in bench/README.md).
        self.empty = Session(self.servers[0].url, cpu_clock=self.servers[0].cpu_ns, lean=True)
        self.app = Session(self.servers[1].url, cpu_clock=self.servers[1].cpu_ns, lean=True)
        if lang == "ja":
            self.app.rerun()
            self.app.set("ui_lang", "ja", ("en", "ja"))
        self.empty.rerun()
        self.app.rerun()
        self._fill()
        self.moving, self.moves, self.moved_messages = False, 0, 0

    def _fill(self) -> None:
        """Answer the workbook through the widgets, as a couple would."""
        app = self.app
        for pid, name in NAMES.items():
            app.set(f"name__{pid}", name)
        app.rerun(page=NEEDS_PAGE)
        got = answers()
        for pid in PARTNER_IDS:
            app.set("needs_who", pid, PARTNER_IDS)
            for kind in RATING_KINDS:
                app.set("needs_kind", kind, RATING_KINDS)
                for dim in DIMENSION_IDS:
                    if (pid, kind, dim) in got:
                        app.set(f"{kind}__{pid}__{dim}", got[pid, kind, dim], IMPORTANCE_LEVELS)
        app.set("needs_who", "a", PARTNER_IDS)
        app.set("needs_kind", "need", RATING_KINDS)
        radar = app.plotly("needs_radar")
        if [trace["r"] for trace in radar["data"]] != expected_radar():
            raise SystemExit("filling the workbook through the widgets did not reach the radar")

    def empty_rerun(self) -> float:
        return self.empty.rerun().cpu_ms or 0.0

    def app_rerun(self) -> float:
        if self.moving:
            # Partner A's need on one dimension after another, to a value it does not hold yet:
            # one segment of that question chosen.
            self.moves += 1
            dim = DIMENSION_IDS[self.moves % len(DIMENSION_IDS)]
            value = (answers()["a", "need", dim] + self.moves) % 11
            run = self.app.set(f"need__a__{dim}", value)
            if run is None or not run.fragment:
                raise SystemExit("an answer on the needs page did not rerun a fragment only")
            if self.app.value(f"need__a__{dim}") != str(value):
                raise SystemExit(f"need__a__{dim}: the answer {value} did not stay chosen")
            self.moved_messages = run.messages
            return run.cpu_ms or 0.0
        return self.app.rerun().cpu_ms or 0.0

    def open(self, case: Case) -> None:
        self.app.rerun(page=case.url_path if case.url_path in self.app.pages else "")
        if case.kind:
            self.app.set("needs_kind", case.kind, RATING_KINDS)
        self.moving, self.moves = case.move, 0

    def check(self, case: Case) -> None:
        kinds = [el.WhichOneof("type") for el in self.app.elements]
        if "exception" in kinds:
            exc = next(
                el.exception for el in self.app.elements if el.WhichOneof("type") == "exception"
            )
            raise SystemExit(f"{case.label}: the page raised {exc.type}: {exc.message}")
        titles = [el.heading.body for el in self.app.elements if el.WhichOneof("type") == "heading"]
        if case.title not in titles:
            raise SystemExit(f"{case.label}: expected the title {case.title!r}, got {titles!r}")
        if case.url_path == NEEDS_PAGE and "plotly_chart" not in kinds:
            raise SystemExit(f"{case.label}: the radar was not drawn")
        case.messages = self.moved_messages if case.move else self.app.messages

    def close(self) -> None:
        for session in (self.empty, self.app):
            with contextlib.suppress(Exception):
                session.close()
        for s in self.servers:
            s.stop()
        self.log.close()

    def log_tail(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return "".join(self.log.readlines()[-30:])


# --- Harness 2: AppTest, in this process --------------------------------------------------------


class AppTestHarness:
    """The real scripts through Streamlit's AppTest. One sample: CPU time of the script thread (a
    new one per rerun, as in the server) plus serializing the run's messages for the websocket.
    AppTest's own work (mock runtime, parsing the element tree for the test) is not counted."""

    name = "apptest"

    def __init__(self, lang: str) -> None:
        from streamlit.runtime.runtime_util import serialize_forward_msg
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import AppTest
        from streamlit.testing.v1 import app_test as app_test_module
        from streamlit.testing.v1 import local_script_runner as runner_module

        # The server keeps one compiled-script cache for every rerun; AppTest makes a new one per
        # run, so it would recompile app.py and the page (~0.7 ms each) every time. Share one.
        shared = ScriptCache()
        setattr(app_test_module, "ScriptCache", lambda: shared)  # noqa: B010
        setattr(runner_module, "ScriptCache", lambda: shared)  # noqa: B010

        runner_class = runner_module.LocalScriptRunner
        original = runner_class._run_script_thread
        last: dict[str, Any] = {}

        def timed(runner: Any) -> None:
            start = time.thread_time()
            try:
                original(runner)
            finally:
                last["cpu"], last["runner"] = time.thread_time() - start, runner

        setattr(runner_class, "_run_script_thread", timed)  # noqa: B010
        self._last = last
        self._serialize = serialize_forward_msg

        self.empty = AppTest.from_file(EMPTY_APP, default_timeout=30)
        self.empty.run()
        self.app = AppTest.from_file(MAIN_APP, default_timeout=30)
        self.app.context["locale"] = "ja-JP" if lang == "ja" else "en-US"
        self.app.run()
        fill_model(self.app.session_state["workbook"])

    def _rerun(self, at: Any) -> float:
        at.run()
        start = time.thread_time()
        for msg in self._last["runner"].forward_msgs():
            self._serialize(msg)
        return float(self._last["cpu"] + time.thread_time() - start) * 1000

    def empty_rerun(self) -> float:
        return self._rerun(self.empty)

    def app_rerun(self) -> float:
        return self._rerun(self.app)

    def open(self, case: Case) -> None:
        self.app.switch_page(case.script)
        self.app.run()
        if case.kind:
            self.app.radio(key="needs_kind").set_value(case.kind).run()

    def check(self, case: Case) -> None:
        at = self.app
        if at.exception:
            raise SystemExit(f"{case.label}: the page raised: {at.exception[0].value}")
        titles = [el.value for el in at.title]
        if case.title not in titles:
            raise SystemExit(f"{case.label}: expected the title {case.title!r}, got {titles!r}")
        if case.url_path == NEEDS_PAGE:
            if not at.get("plotly_chart"):
                raise SystemExit(f"{case.label}: the radar was not drawn")
            radar = json.loads(at.get("plotly_chart")[0].proto.spec)
            if [trace["r"] for trace in radar["data"]] != expected_radar():
                raise SystemExit(f"{case.label}: the radar does not show the filled workbook")
            if case.kind and at.radio(key="needs_kind").value != case.kind:
                raise SystemExit(f"{case.label}: the page shows another rating kind")
        case.messages = len(self._last["runner"].forward_msgs())

    def close(self) -> None:
        pass

    def log_tail(self) -> str:
        return ""


# --- Main --------------------------------------------------------------------------------------


def quartiles(xs: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(xs, n=4)
    return q[0], q[2]


@contextlib.contextmanager
def harness(kind: str, lang: str, pin: bool) -> Iterator[Harness]:
    h: Any = None
    try:
        h = ServerHarness(lang, pin) if kind == "server" else AppTestHarness(lang)
        yield h
    except BaseException:
        if h is not None and h.log_tail():
            print("--- server log (tail) ---\n" + h.log_tail(), file=sys.stderr)
        raise
    finally:
        if h is not None:
            h.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed reruns per page (default 30)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed reruns per page first")
    parser.add_argument("--lang", choices=("en", "ja"), default="en", help="the app's language")
    parser.add_argument("--harness", choices=("server", "apptest"), default="server")
    parser.add_argument("--no-pin", action="store_true", help="server harness: do not pin CPUs")
    parser.add_argument("--no-kinds", action="store_true", help="needs page: 'need' kind only")
    parser.add_argument("--only", help="measure only the pages whose label contains this text")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    if args.runs < 2:
        parser.error("--runs must be at least 2")

    all_cases = cases(args.lang, kinds=not args.no_kinds)
    scripts = {c.script for c in all_cases}
    unreached = sorted(
        p.name for p in (ROOT / "app_pages").glob("*.py") if f"app_pages/{p.name}" not in scripts
    )
    if unreached:
        print(f"warning: not measured (not a section): {', '.join(unreached)}", file=sys.stderr)
    todo = [c for c in all_cases if not args.only or args.only in c.label]
    if args.harness == "apptest":  # AppTest has no fragment runs: it reruns the whole app
        todo = [c for c in todo if not c.move]

    started = time.perf_counter()
    with harness(args.harness, args.lang, not args.no_pin) as h:
        for n, case in enumerate(todo, 1):
            print(f"[{n}/{len(todo)}] {case.label}", file=sys.stderr, flush=True)
            h.open(case)  # the page switch itself is not measured
            for _ in range(args.warmup):
                h.empty_rerun()
                h.app_rerun()
            h.check(case)
            for _ in range(args.runs):
                case.baseline.append(h.empty_rerun())
                case.samples.append(h.app_rerun())
            h.check(case)
    elapsed = time.perf_counter() - started

    print(
        f"Rerun cost per page: server CPU ms per rerun ({args.harness} harness), median of "
        f"{args.runs} reruns each, interleaved with an empty page\n"
        f"{dt.date.today()}  {os.cpu_count()} cores  Python {platform.python_version()}  "
        f"streamlit {streamlit.__version__}  lang={args.lang}  "
        f"runner.postScriptGC={config.get_option('runner.postScriptGC')}"
        f"{' (AppTest never collects)' if args.harness == 'apptest' else ''}  "
        f"{getattr(h, 'placement', '')}  took {elapsed:.0f} s\n"
    )
    rows = []
    for c in todo:
        lo, hi = quartiles(c.samples)
        base, page = statistics.median(c.baseline), statistics.median(c.samples)
        rows.append(
            (
                c.label,
                f"{page:.2f}",
                f"{lo:.2f}-{hi:.2f}",
                f"{base:.2f}",
                f"{page / base:.1f}x",
                str(c.messages),
            )
        )
    head = ("page", "median ms", "p25-p75 ms", "empty ms", "ratio", "msgs")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        for r in [head, *rows]:
            cells = [r[0].ljust(widths[0])]
            cells += [x.rjust(w) for x, w in zip(r[1:], widths[1:], strict=True)]
            print("  ".join(cells))
    everything = [x for c in todo for x in c.baseline]
    lo, hi = quartiles(everything)
    print(
        f"\nEmpty page: median {statistics.median(everything):.2f} ms (p25-p75 {lo:.2f}-{hi:.2f})"
        f" over {len(everything)} reruns. 'empty ms' is the median of the empty-page reruns"
        f" interleaved with that page; ratio = page median / empty ms; msgs = messages sent"
        f" per rerun."
    )


if __name__ == "__main__":
    main()
