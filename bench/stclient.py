"""A browser-like client for a Streamlit server, over Streamlit's own websocket protocol.

    from bench.stclient import Server, Session

    with Server() as server:                        # `streamlit run app.py` on 127.0.0.1
        s = Session(server.url)
        s.rerun(page="what-it-means")               # open a page, as a click in the sidebar
        run = s.set("need__a__expression", 7)        # answer one question: one (fragment) rerun
        print(run.wall_ms, run.messages, run.fragment, run.errors)
        s.close()

``Server`` starts ``streamlit run`` from the repository root (so it reads
``.streamlit/config.toml``) on a free loopback port, and reads that process's CPU clock and
resident memory. ``Session`` is one browser tab: a websocket on ``/_stcore/stream`` that sends
``BackMsg`` rerun requests and reads ``ForwardMsg`` replies (the protobuf classes that ship inside
the streamlit package), as the real frontend does:

- it connects only to loopback addresses (127.0.0.1, ::1, localhost) and refuses anything else;
- it first GETs the page (keeping the cookies it sets, e.g. a load balancer's sticky-session
  cookie) and sends those cookies and an ``Origin`` equal to the host on the websocket handshake;
- it keeps every widget's value (from the element messages: ``default``, or ``value`` /
  ``raw_value`` when the server sets one, plus whatever was set here) and sends all of them with
  every rerun, as the frontend's widget manager does;
- it keeps the page as a tree of elements by delta path; a rerun of a fragment (a widget inside
  an ``st.fragment`` changed, or a ``run_every`` timer) sends that fragment's id, and its deltas
  are merged into the tree; stale elements are dropped the way the frontend does at the end of a
  run (for a fragment run, only inside the fragments that ran);
- a run is over when a terminal ``script_finished`` (not "stopped early for a rerun") of the
  latest run has arrived and the session reports that no script is running.

Exception elements on the page, a script compilation error and a ``page_not_found`` are reported
in ``Run.errors``. A timeout raises ``SessionTimeout``, a dropped connection ``Disconnected``.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
MAIN_APP = ROOT / "app.py"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

# ForwardMsg.ScriptFinishedStatus values (streamlit/proto/ForwardMsg.proto)
FINISHED_SUCCESSFULLY = 0
FINISHED_WITH_COMPILE_ERROR = 1
FINISHED_EARLY_FOR_RERUN = 2
FINISHED_FRAGMENT_RUN_SUCCESSFULLY = 3
_STATUS_NAMES = {
    FINISHED_SUCCESSFULLY: "finished",
    FINISHED_WITH_COMPILE_ERROR: "compile_error",
    FINISHED_FRAGMENT_RUN_SUCCESSFULLY: "fragment_finished",
}


class NotLoopbackError(ValueError):
    """The client only ever talks to this machine's loopback interface."""


class SessionError(RuntimeError):
    """The session could not complete a run."""


class SessionTimeout(SessionError):
    pass


class Disconnected(SessionError):
    pass


def check_loopback(url: str) -> tuple[str, int, str]:
    """(host, port, base path) of an http(s)/ws(s) URL on loopback; NotLoopbackError otherwise."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    loopback = host in LOOPBACK_NAMES
    if not loopback:
        with contextlib.suppress(ValueError):
            loopback = ipaddress.ip_address(host).is_loopback
    if not loopback or parts.scheme not in ("http", "https", "ws", "wss"):
        raise NotLoopbackError(
            f"refusing {url!r}: this load client only connects to loopback "
            f"(127.0.0.1, ::1, localhost) over http/ws"
        )
    port = parts.port or (443 if parts.scheme in ("https", "wss") else 80)
    return host, port, parts.path.rstrip("/")


# --- The server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def process_cpu_ns(pid: int) -> int:
    """CPU time of a process (all its threads, also finished ones), in ns.

    Linux: the process's CPU-time clock, MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED), which has
    nanosecond resolution, unlike the clock ticks in /proc/<pid>/stat (the fallback)."""
    try:
        return time.clock_gettime_ns(((~pid) << 3) | 2)
    except OSError:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        return ticks * 1_000_000_000 // os.sysconf("SC_CLK_TCK")


def process_rss_bytes(pid: int) -> int:
    """Resident memory of a process (VmRSS), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


class Server:
    """``streamlit run <script>`` in its own process on 127.0.0.1 and a free port.

    Runs from the repository root, so it reads ``.streamlit/config.toml``. ``env`` is added to
    this process's environment; ``log`` is a file for the server's output (default: discarded);
    ``cpus`` pins the server to these CPUs. A context manager: waits until the server answers its
    health check, stops it at the end."""

    def __init__(
        self,
        script: Path | str = MAIN_APP,
        *,
        env: Mapping[str, str] | None = None,
        log: Any = None,
        cpus: Iterable[int] | None = None,
        args: Sequence[str] = (),
    ) -> None:
        self.script = Path(script)
        self.port = free_port()
        pinned = set(cpus) if cpus else None
        pin = (lambda: os.sched_setaffinity(0, pinned)) if pinned else None  # type: ignore[arg-type]
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(self.script),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                *args,
            ],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=log if log is not None else subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=pin,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_ns(self) -> int:
        return process_cpu_ns(self.proc.pid)

    def rss_bytes(self) -> int:
        return process_rss_bytes(self.proc.pid)

    def check_clock(self) -> None:
        try:
            time.clock_gettime_ns(((~self.proc.pid) << 3) | 2)
        except OSError as e:
            raise SystemExit(
                f"cannot read the server's CPU clock ({e}); Linux only: try --harness apptest"
            ) from e

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        url = f"{self.url}/_stcore/health"
        opener = _opener(None)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"streamlit exited with {self.proc.returncode}")
            with contextlib.suppress(OSError), opener.open(url, timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
            time.sleep(0.2)
        raise SystemExit(f"streamlit on port {self.port} not ready after {timeout} s")

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> Server:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _opener(jar: CookieJar | None) -> urllib.request.OpenerDirector:
    """An HTTP opener that never goes through a proxy from the environment."""
    handlers: list[Any] = [urllib.request.ProxyHandler({})]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


# --- The session -------------------------------------------------------------------------------


@dataclass
class Run:
    """What one rerun request came to."""

    wall_ms: float
    """From sending the request to the end of the run, as the client saw it."""
    messages: int
    """ForwardMsgs received for it (deltas and the rest)."""
    fragment: bool
    """A rerun of fragments only (not the whole script)."""
    status: str
    """'finished', 'fragment_finished' or 'compile_error'."""
    cpu_ms: float | None = None
    """Server CPU from the request to the end of the run, when the session has a CPU clock."""
    errors: list[str] = field(default_factory=list)
    """Exceptions the page shows after this run, compile errors, a page not found."""

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Node:
    """An element or a block on the page, as the frontend keeps it."""

    proto: Any  # Element or Block
    is_block: bool
    run_id: str
    fragment_id: str


_TRIGGER_KINDS = frozenset({"button", "download_button"})


class Session:
    """One browser tab on a Streamlit app (see the module's docstring).

    ``base_url``: the app's address (``http://127.0.0.1:PORT`` or a load balancer's, with an
    optional base path); loopback only. ``cookies``: extra cookies to send. ``cpu_clock``: a
    function returning the server's CPU time in ns (``Server.cpu_ns``); each ``Run`` then has
    ``cpu_ms``. ``lean=True`` sends only the widgets changed in this request and no browser
    context (what ``bench/rerun_cost.py`` has always measured), instead of every widget's state.
    The page is not run until the first ``rerun()``."""

    def __init__(
        self,
        base_url: str,
        *,
        cookies: Mapping[str, str] | None = None,
        timeout: float = 60,
        cpu_clock: Callable[[], int] | None = None,
        lean: bool = False,
        locale: str = "en-US",
    ) -> None:
        from websockets.sync.client import connect
        from websockets.typing import Origin, Subprotocol

        host, port, path = check_loopback(base_url)
        http_host = f"[{host}]" if ":" in host else host
        scheme = "https" if urlsplit(base_url).scheme in ("https", "wss") else "http"
        self.base_url = f"{scheme}://{http_host}:{port}{path}"
        self.timeout = timeout
        self.cpu_clock = cpu_clock
        self.lean = lean
        self.locale = locale
        # Load the page first, as a browser does: a load balancer sets its sticky-session cookie
        # on this response, and the websocket must carry it to reach the same replica.
        jar = CookieJar()
        with _opener(jar).open(self.base_url + "/", timeout=timeout) as response:
            response.read()
            self.page_headers = dict(response.headers)  # e.g. a load balancer's X-Replica
        self.cookies: dict[str, str] = {c.name: c.value for c in jar if c.value is not None}
        self.cookies.update(cookies or {})
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        ws_scheme = "wss" if scheme == "https" else "ws"
        self.ws = connect(
            f"{ws_scheme}://{http_host}:{port}{path}/_stcore/stream",
            subprotocols=[cast("Subprotocol", "streamlit")],
            # Origin = Host: same-origin, so Streamlit checks nothing further.
            origin=cast("Origin", f"{scheme}://{http_host}:{port}"),
            additional_headers=headers,
            max_size=None,
            ping_interval=None,
            open_timeout=timeout,
            proxy=None,
            legacy=True,  # a connection object, not a context manager: sessions live long
        )
        self.sock = self.ws.socket
        self.page_hash = ""
        self.page_path = ""
        self.query = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.nodes: dict[tuple[int, ...], Node] = {}
        self.widgets: dict[str, Any] = {}  # widget id -> WidgetState (committed values)
        self.pending: dict[str, dict[str, Any]] = {}  # form id -> widget id -> WidgetState
        self.auto_reruns: dict[str, float] = {}  # fragment id -> interval (s)
        self.messages = 0
        self.session_id = ""
        self._run_id = ""
        self._run_fragments: list[str] = []
        self._elements_cache: list[Any] | None = None
        self._keys: dict[str, tuple[int, ...]] | None = None

    # -- requests --------------------------------------------------------------------------

    def rerun(
        self,
        page: str | None = None,
        *,
        query: str | None = None,
        changed: Sequence[Any] = (),
        fragment_id: str = "",
        auto: bool = False,
    ) -> Run:
        """Run the script again: the current page, or the page at url path ``page`` (``""``:
        the default page), as a click in the navigation would. ``changed``: widget states
        changed by this request (already merged into the session's widgets unless lean)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        state = msg.rerun_script
        if page is not None:
            self.page_path = page
            self.query = query or ""
            if page in self.pages:
                state.page_script_hash = self.pages[page]
            else:
                state.page_name = page
        else:
            state.page_script_hash = self.page_hash
            if query is not None:
                self.query = query
        state.query_string = self.query
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        if self.lean:
            state.widget_states.widgets.extend(changed)
        else:
            state.widget_states.widgets.extend(self.widgets.values())
            state.widget_states.widgets.extend(
                w for w in changed if w.WhichOneof("value") in ("trigger_value",)
            )
            info = state.context_info
            info.locale = self.locale
            info.timezone = "UTC"
            info.timezone_offset = 0
            query = f"?{self.query}" if self.query else ""
            info.url = f"{self.base_url}/{self.page_path}{query}"
        return self._send_and_wait(msg.SerializeToString())

    def set(self, key: str, value: Any, options: Sequence[Any] = ()) -> Run | None:
        """Change the widget with this key as a user would: one rerun (of its fragment, when it
        sits in one). ``options``: the widget's option values, when ``value`` is one of them
        rather than its label. Inside a form the value waits for ``submit`` (returns None)."""
        _, node = self._find(key)
        el = node.proto
        kind = el.WhichOneof("type")
        widget = getattr(el, kind)
        ws = _widget_state(kind, widget, value, options)
        if widget.form_id:
            self.pending.setdefault(widget.form_id, {})[widget.id] = ws
            return None
        self.widgets[widget.id] = ws
        return self.rerun(changed=[ws], fragment_id=node.fragment_id)

    def click(self, key: str | None = None, *, form: str | None = None) -> Run:
        """Press the button with this key, or the submit button of form ``form``."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        if form is not None:
            found = [
                (p, n)
                for p, n in self.nodes.items()
                if not n.is_block
                and n.proto.WhichOneof("type") == "button"
                and n.proto.button.is_form_submitter
                and n.proto.button.form_id == form
            ]
            if not found:
                raise SessionError(f"no submit button for form {form!r} on this page")
            _, node = found[0]
            self.widgets.update(self.pending.pop(form, {}))
        else:
            assert key is not None
            _, node = self._find(key)
        button = getattr(node.proto, node.proto.WhichOneof("type"))
        return self.rerun(
            changed=[WidgetState(id=button.id, trigger_value=True)], fragment_id=node.fragment_id
        )

    def auto_rerun(self, fragment_id: str) -> Run:
        """What the frontend's timer of an ``st.fragment(run_every=...)`` sends."""
        return self.rerun(fragment_id=fragment_id, auto=True)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the page --------------------------------------------------------------------------

    @property
    def elements(self) -> list[Any]:
        """The page's elements (not blocks), in document order."""
        if self._elements_cache is None:
            self._elements_cache = [
                self.nodes[p].proto for p in sorted(self.nodes) if not self.nodes[p].is_block
            ]
        return self._elements_cache

    def element(self, key: str) -> Any:
        """The element (a widget, or a chart with a key) whose key is ``key``."""
        return self._find(key)[1].proto

    def has(self, key: str) -> bool:
        try:
            self._find(key)
        except SessionError:
            return False
        return True

    def value(self, key: str) -> Any:
        """The value this session holds for a widget: a number, a label, a list, a bool."""
        _, node = self._find(key)
        widget = getattr(node.proto, node.proto.WhichOneof("type"))
        ws = self.widgets.get(widget.id)
        return None if ws is None else _state_value(ws)

    def texts(self) -> list[str]:
        """Every text the page shows: markdown, captions, headings, plain text, alerts, code."""
        out = []
        for el in self.elements:
            kind = el.WhichOneof("type")
            if kind in ("markdown", "text", "heading", "alert"):
                out.append(getattr(el, kind).body)
            elif kind == "code":
                out.append(el.code.code_text)
        return out

    def exceptions(self) -> list[str]:
        return [
            f"{el.exception.type or 'exception'}: {el.exception.message}"
            for el in self.elements
            if el.WhichOneof("type") == "exception"
        ]

    def plotly(self, key: str) -> dict[str, Any]:
        """The figure (data and layout) of the plotly chart with this key."""
        return cast("dict[str, Any]", json.loads(self.element(key).plotly_chart.spec))

    def _find(self, key: str) -> tuple[tuple[int, ...], Node]:
        if self._keys is None:
            # Widget ids end in "-<key>" when the widget has a key (e.g. "$$ID-<hash>-<key>").
            self._keys = {}
            for path in sorted(self.nodes, reverse=True):  # the first one wins
                node = self.nodes[path]
                if not node.is_block:
                    kind = node.proto.WhichOneof("type")
                    wid = getattr(getattr(node.proto, kind, None), "id", "") if kind else ""
                    if wid and "-" in wid:
                        self._keys[wid.rsplit("-", 1)[1]] = path
                        self._keys[wid] = path
        path = self._keys.get(key)
        if path is None:
            suffix = f"-{key}"  # a key with "-" in it
            path = next((p for k, p in self._keys.items() if k.endswith(suffix)), None)
        if path is None:
            raise SessionError(f"no widget with key {key!r} on this page")
        return path, self.nodes[path]

    # -- the protocol ----------------------------------------------------------------------

    def _quickack(self) -> None:
        # Streamlit's socket has no TCP_NODELAY (Nagle): acknowledge at once so the frames of
        # a run are not held back 40 ms each (wall time only; CPU is the same).
        with contextlib.suppress(OSError, AttributeError):
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)

    def _send_and_wait(self, data: bytes) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from websockets.exceptions import ConnectionClosed

        start_cpu = self.cpu_clock() if self.cpu_clock else 0
        start = time.perf_counter()
        deadline = time.monotonic() + self.timeout
        errors: list[str] = []
        started = False  # the new_session of a run this request started has arrived
        status: int | None = None
        count = 0
        try:
            self.ws.send(data)
            while True:
                self._quickack()
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                frame = self.ws.recv(timeout=left)
                if not isinstance(frame, bytes):
                    continue
                count += 1
                fm = ForwardMsg()
                fm.ParseFromString(frame)
                kind = fm.WhichOneof("type")
                if kind == "new_session":
                    started, status = True, None
                    self._start_run(fm)
                elif kind == "script_finished":
                    if started and fm.script_finished != FINISHED_EARLY_FOR_RERUN:
                        status = fm.script_finished
                elif kind == "session_status_changed":
                    if status is not None and not fm.session_status_changed.script_is_running:
                        break
                else:
                    self._handle(fm, kind, errors)
        except TimeoutError as e:
            raise SessionTimeout(
                f"no end of run after {self.timeout:.0f} s ({count} messages)"
            ) from e
        except ConnectionClosed as e:
            raise Disconnected(f"the server closed the connection: {e}") from e
        cpu_ms = (self.cpu_clock() - start_cpu) / 1e6 if self.cpu_clock else None
        wall_ms = (time.perf_counter() - start) * 1000
        self.messages = count
        self._end_run(status)
        if status == FINISHED_WITH_COMPILE_ERROR:
            errors.append("script compilation error")
        errors.extend(self.exceptions())
        return Run(
            wall_ms=wall_ms,
            messages=count,
            fragment=bool(self._run_fragments),
            status=_STATUS_NAMES.get(cast("int", status), str(status)),
            cpu_ms=cpu_ms,
            errors=errors,
        )

    def _start_run(self, fm: Any) -> None:
        self._run_id = fm.metadata.run.script_run_id
        self._run_fragments = list(fm.metadata.run.fragment_ids)
        ns = fm.new_session
        self.page_hash = ns.page_script_hash
        if ns.initialize.session_id:
            self.session_id = ns.initialize.session_id
        if ns.app_pages and not self._run_fragments:
            # A fragment run's new_session does not list the navigation's pages (seen in 1.67:
            # the needs page went missing): only a full run says what the pages are.
            self.pages = {p.url_pathname: p.page_script_hash for p in ns.app_pages}
        if not self._run_fragments:
            self.auto_reruns.clear()  # a full run registers its fragments' timers again

    def _handle(self, fm: Any, kind: str | None, errors: list[str]) -> None:
        if kind == "delta":
            self._delta(tuple(fm.metadata.delta_path), fm.delta)
        elif kind == "navigation":
            nav = fm.navigation
            self.page_hash = nav.page_script_hash
            self.pages = {p.url_pathname: p.page_script_hash for p in nav.app_pages}
            for p in nav.app_pages:
                if p.page_script_hash == nav.page_script_hash:
                    self.page_path = p.url_pathname
        elif kind == "auto_rerun":
            self.auto_reruns[fm.auto_rerun.fragment_id] = fm.auto_rerun.interval
        elif kind == "stop_auto_rerun":
            for fid in fm.stop_auto_rerun.fragment_ids:
                self.auto_reruns.pop(fid, None)
        elif kind == "page_not_found":
            errors.append(f"page not found: {fm.page_not_found.page_name!r}")
        elif kind == "session_event" and fm.session_event.WhichOneof("type") == (
            "script_compilation_exception"
        ):
            exc = fm.session_event.script_compilation_exception
            errors.append(f"{exc.type}: {exc.message}")

    def _delta(self, path: tuple[int, ...], delta: Any) -> None:
        dkind = delta.WhichOneof("type")
        if dkind not in ("new_element", "add_block"):
            return  # new_transient, arrow_add_rows...: nothing a load test reads
        self._elements_cache = self._keys = None
        is_block = dkind == "add_block"
        old = self.nodes.get(path)
        if not (is_block and old is not None and old.is_block):
            # A new element, or a block where something else was: what was below is gone.
            # (A block over a block keeps its children, which are then refreshed or stale.)
            self._drop_below(path)
        proto = delta.add_block if is_block else delta.new_element
        self.nodes[path] = Node(proto, is_block, self._run_id, delta.fragment_id)
        if not is_block:
            self._seed_widget(proto)

    def _drop_below(self, path: tuple[int, ...]) -> None:
        n = len(path)
        for p in [p for p in self.nodes if len(p) > n and p[:n] == path]:
            del self.nodes[p]

    def _seed_widget(self, el: Any) -> None:
        """The frontend gives a widget its value when it is drawn: the value the server sets,
        else the one it already holds, else the default."""
        kind = el.WhichOneof("type")
        widget = getattr(el, kind, None)
        wid = getattr(widget, "id", "")
        if not wid or kind in _TRIGGER_KINDS:
            return
        if getattr(widget, "set_value", False):
            ws = _state_from_proto(kind, widget, use_value=True)
        elif wid in self.widgets:
            return
        else:
            ws = _state_from_proto(kind, widget, use_value=False)
        if ws is not None:
            self.widgets[wid] = ws

    def _end_run(self, status: int | None) -> None:
        """Drop what this run did not draw again (only inside the fragments that ran, for a
        fragment run) and the values of widgets no longer on the page."""
        if status not in (FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
            return
        ran = set(self._run_fragments)
        stale = [
            p
            for p, n in self.nodes.items()
            if n.run_id != self._run_id and (not ran or n.fragment_id in ran)
        ]
        for p in sorted(stale, key=len):
            if p in self.nodes:
                del self.nodes[p]
                self._drop_below(p)
        self._elements_cache = self._keys = None
        alive = set()
        for n in self.nodes.values():
            if not n.is_block:
                kind = n.proto.WhichOneof("type")
                alive.add(getattr(getattr(n.proto, kind, None), "id", ""))
        for wid in [w for w in self.widgets if w not in alive]:
            del self.widgets[wid]


# --- Widget values -----------------------------------------------------------------------------


def _widget_state(kind: str, widget: Any, value: Any, options: Sequence[Any]) -> Any:
    """The WidgetState the frontend sends when a user gives this widget ``value``."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    def label(labels: Sequence[str], v: Any) -> str:
        if options:
            return labels[list(options).index(v)]
        if v in labels:
            return str(v)
        raise SessionError(f"{v!r} is not one of the {kind}'s options {list(labels)!r}")

    ws = WidgetState(id=widget.id)
    if kind in ("radio", "selectbox"):
        ws.string_value = label(widget.options, value)
    elif kind == "slider" and widget.options:  # select_slider: the options' labels
        values = value if isinstance(value, (tuple, list)) else [value]
        ws.string_array_value.data[:] = [label(widget.options, v) for v in values]
    elif kind == "slider":
        ws.double_array_value.data[:] = list(value) if isinstance(value, (tuple, list)) else [value]
    elif kind in ("text_input", "text_area", "color_picker"):
        ws.string_value = value
    elif kind == "checkbox":
        ws.bool_value = bool(value)
    elif kind == "number_input":
        if widget.data_type == 0:  # INT
            ws.int_value = int(value)
        else:
            ws.double_value = float(value)
    elif kind == "button_group":
        # A segmented control or pills: the chosen segments' texts; None (or []) chooses none,
        # which is how a click on the chosen segment takes a single answer back.
        values = [] if value is None else value if isinstance(value, (tuple, list)) else [value]
        contents = [o.content for o in widget.options]
        ws.string_array_value.data[:] = [_segment(contents, options, v) for v in values]
    elif kind == "date_input":
        values = value if isinstance(value, (tuple, list)) else [value]
        ws.string_array_value.data[:] = [str(v) for v in values]
    else:
        raise SessionError(f"cannot set a {kind}")
    return ws


def _segment(contents: Sequence[str], options: Sequence[Any], value: Any) -> str:
    """The text of the segment for ``value``: by its place among ``options`` when it is one of
    them, else the segment whose text it is (``7`` or ``"7"`` for the segment "7")."""
    if value in list(options) and len(options) == len(contents):
        return contents[list(options).index(value)]
    if str(value) in contents:
        return str(value)
    raise SessionError(f"{value!r} is not one of the segments {list(contents)!r}")


def _state_from_proto(kind: str, w: Any, *, use_value: bool) -> Any:
    """The state the frontend gives a widget from its element: ``value``/``raw_value`` when the
    server sets it (``use_value``), else ``default``; None when it has no value."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    ws = WidgetState(id=w.id)
    if kind == "slider":
        if w.options:
            if use_value:
                ws.string_array_value.data[:] = list(w.raw_value)
            else:
                ws.string_array_value.data[:] = [w.options[int(i)] for i in w.default]
        else:
            ws.double_array_value.data[:] = list(w.value if use_value else w.default)
    elif kind in ("radio", "selectbox"):
        if use_value:
            if not w.HasField("raw_value"):
                return None
            ws.string_value = w.raw_value
        elif w.HasField("default") and w.default < len(w.options):
            ws.string_value = w.options[w.default]
        else:
            return None
    elif kind in ("text_input", "text_area"):
        source = "value" if use_value else "default"
        if not w.HasField(source):
            return None
        ws.string_value = getattr(w, source)
    elif kind == "color_picker":
        ws.string_value = w.value if use_value else w.default
    elif kind == "checkbox":
        ws.bool_value = w.value if use_value else w.default
    elif kind == "number_input":
        source = "value" if use_value else "default"
        if not w.HasField(source):
            return None
        if w.data_type == 0:
            ws.int_value = int(getattr(w, source))
        else:
            ws.double_value = getattr(w, source)
    elif kind == "button_group":
        if use_value:
            ws.string_array_value.data[:] = list(w.raw_values)
        else:
            ws.string_array_value.data[:] = [w.options[i].content for i in w.default]
    elif kind == "multiselect":
        if use_value:
            ws.string_array_value.data[:] = list(w.raw_values)
        else:
            ws.string_array_value.data[:] = [w.options[i] for i in w.default]
    elif kind == "date_input":
        ws.string_array_value.data[:] = list(w.value if use_value else w.default)
    else:
        return None  # file uploader, charts, components: no value until the user acts
    return ws


def _state_value(ws: Any) -> Any:
    kind = ws.WhichOneof("value")
    if kind in ("double_array_value", "string_array_value", "int_array_value"):
        data = list(getattr(ws, kind).data)
        return data[0] if len(data) == 1 else data
    return getattr(ws, kind) if kind else None
