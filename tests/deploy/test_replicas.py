"""Two replicas of the app behind nginx (deploy/local.sh, deploy/nginx.conf), as a user and a
load client meet them: the page loads and works through the proxy; the first visit gets a
routing cookie and every later request of that browser (page, static files, media, uploads, the
websocket, a websocket that reconnects) reaches the same replica, while different browsers are
spread over both; the server metrics are hidden; the Host is passed on unchanged; a workshop room
opened on one replica is joined from the other (rooms live in the shared PostgreSQL).

Which replica served a response: nginx says so in ``X-Replica`` (a number 1..N, never an address;
see deploy/nginx.conf). Which replica holds a websocket: each replica's own session counters,
read from its /_stcore/metrics on its loopback port, not through the proxy.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, expect

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.rooms import Rooms, describe_spread, dispose, new_token
from emotions.workbook_io import dump_workbook
from tests.browser.kit import answered, give, set_name, wait_idle
from tests.browser.test_no_outbound import outbound
from tests.browser.test_rooms import bars, join_and_send
from tests.couples import full_workbook
from tests.deploy.conftest import HOST_NAME, Deployment

pytestmark = pytest.mark.browser

LIVE = 15_000  # the room view refreshes every 3 s on its own
SPREAD = '[data-testid="stPlotlyChart"]'
STRACE = shutil.which("strace")


# --------------------------------------------------------------------------- plain HTTP clients


class Client:
    """A client with a cookie jar of its own (only the routing cookie matters here)."""

    def __init__(self, deployment: Deployment, host: str = "127.0.0.1") -> None:
        self.deployment = deployment
        self.host = f"{host}:{deployment.port}"
        self.cookie: str | None = None

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.deployment.port, timeout=30)
        headers = {"Host": self.host}
        if self.cookie:
            headers["Cookie"] = f"stroute={self.cookie}"
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            fields = {k.lower(): v for k, v in response.getheaders() if k.lower() != "set-cookie"}
            fields["set-cookie"] = "\n".join(response.headers.get_all("Set-Cookie") or [])
        finally:
            conn.close()
        routing = re.search(r"(?:^|\n)stroute=([^;\n]+)", fields["set-cookie"])
        if routing:
            self.cookie = routing.group(1)
        return response.status, fields, body

    def websocket(self, origin: str | None = None) -> tuple[str, dict[str, str], socket.socket]:
        """A websocket handshake on /_stcore/stream as a browser makes it (Origin = the page).
        Returns the status line, the response headers and the open socket (close it)."""
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            "GET /_stcore/stream HTTP/1.1",
            f"Host: {self.host}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Protocol: streamlit",
            f"Origin: {origin or 'http://' + self.host}",
        ]
        if self.cookie:
            lines.append(f"Cookie: stroute={self.cookie}")
        sock = socket.create_connection(("127.0.0.1", self.deployment.port), timeout=30)
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
        head = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
        fields = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:])}
        return head[0], fields, sock


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def cookie_for_replica(deployment: Deployment, replica: str) -> str:
    """A routing cookie, as nginx hands them out, that leads to ``replica``."""
    for _ in range(60):  # a new visitor lands on either replica: missing one 60 times won't happen
        client = Client(deployment)
        _status, headers, _body = client.get("/_stcore/health")
        if headers.get("x-replica") == replica and client.cookie:
            return client.cookie
    raise AssertionError(f"nginx never routed a new visitor to replica {replica}")


# --------------------------------------------------------------------------- HTTP and websocket


def test_health_is_reachable_and_metrics_are_not(deployment: Deployment) -> None:
    client = Client(deployment)
    status, headers, body = client.get("/_stcore/health")
    assert (status, body) == (200, b"ok")
    assert headers["x-replica"] in {"1", "2"}

    for path in (
        "/_stcore/metrics",
        "/_stcore/metrics/",
        "/_stcore/metrics?families=session_events",
        "/_stcore//metrics",
        "/_stcore/%6Detrics",
        "//_stcore/metrics",
    ):
        status, headers, body = client.get(path)
        assert status == 404, path
        assert b"session_events" not in body, path
        assert "x-replica" not in headers, f"{path} reached a replica"

    # The replicas do serve them, on their own loopback ports: it is nginx that hides them.
    for port in deployment.replica_ports:
        direct = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        direct.request("GET", "/_stcore/metrics")
        response = direct.getresponse()
        assert response.status == 200
        assert b"session_events" in response.read()
        direct.close()


def test_a_first_visit_gets_a_cookie_that_keeps_every_path_on_one_replica(
    deployment: Deployment,
) -> None:
    clients = [Client(deployment) for _ in range(24)]
    first: list[str] = []
    for client in clients:
        status, headers, body = client.get("/")
        assert status == 200
        assert b"<title>" in body.lower() or b"streamlit" in body.lower()
        cookie = headers["set-cookie"]
        assert re.fullmatch(r"stroute=[12]; Path=/; HttpOnly; SameSite=Lax", cookie)
        assert cookie == f"stroute={headers['x-replica']}; Path=/; HttpOnly; SameSite=Lax"
        first.append(headers["x-replica"])
    # 24 new visitors, one after the other: round robin gives each replica half of them.
    assert sorted(first.count(n) for n in ("1", "2")) == [12, 12], first
    # A cookie that names no replica (an old one, a made-up one) is replaced like a missing one.
    stranger = Client(deployment)
    stranger.cookie = "0123456789abcdef"
    _status, headers, _body = stranger.get("/")
    assert headers["set-cookie"] == (
        f"stroute={headers['x-replica']}; Path=/; HttpOnly; SameSite=Lax"
    )

    # Everything a browser asks for later goes where its first page came from. The page's own
    # script decides the static file names: take one from the page.
    _status, _headers, page = clients[0].get("/")
    assets = re.findall(rb'(?:src|href)="\.?/?(static/[^"]+)"', page)
    assert assets, "no static file named in the page"
    paths = [
        "/",
        "/what-it-means",
        "/join?code=ABCD2345",
        "/_stcore/health",
        "/_stcore/host-config",
        "/" + assets[0].decode(),
        "/media/no-such-file.png",
        "/component/no-such-component/index.html",
    ]
    for client, replica in zip(clients[:6], first[:6], strict=True):
        for path in paths:
            _status, headers, _body = client.get(path)
            assert headers.get("x-replica") == replica, path
            assert "stroute=" not in headers["set-cookie"], f"{path}: a second routing cookie"

    # The websocket: the handshake's answer names the same replica, and that replica (only)
    # counts a new session. So does a load client that first GETs "/" and then sends the
    # cookie with its handshake.
    for client, replica in zip(clients[:4], first[:4], strict=True):
        before = deployment.connects()
        status_line, headers, sock = client.websocket()
        try:
            assert status_line == "HTTP/1.1 101 Switching Protocols"
            assert headers["x-replica"] == replica
            assert wait_for(lambda r=int(replica), b=before: deployment.connects()[r] != b[r])
        finally:
            sock.close()
        after = deployment.connects()
        assert after[int(replica)][0] == before[int(replica)][0] + 1
        other = 3 - int(replica)
        assert after[other] == before[other], "the other replica saw the websocket"


def test_the_websocket_reaches_the_replica_with_the_browsers_host(
    deployment: Deployment, tmp_path: Path
) -> None:
    """A page served as http://workbook.test:<port> opens its websocket with that Origin.
    Streamlit accepts it only when the Host it receives says the same (else it looks up the
    machine's public address on the internet, then refuses): nginx must pass Host unchanged.
    The replica is watched with strace meanwhile: it contacts nothing but loopback."""
    client = Client(deployment, host=HOST_NAME)
    client.cookie = cookie_for_replica(deployment, "1")
    log = tmp_path / "replica.strace"
    calls = "trace=connect,sendto,sendmsg,sendmmsg"
    watch = None
    if STRACE is not None:
        watch = subprocess.Popen(
            [STRACE, "-f", "-e", calls, "-o", str(log), "-p", str(deployment.replica_pids[0])],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert watch.stderr is not None
        # strace says "Process N attached" for each thread once it watches it.
        assert "attached" in watch.stderr.readline()
    try:
        status_line, headers, sock = client.websocket(
            origin=f"http://{HOST_NAME}:{deployment.port}"
        )
        sock.close()
        assert status_line == "HTTP/1.1 101 Switching Protocols", status_line
        assert headers["x-replica"] == "1"
    finally:
        if watch is not None:
            time.sleep(0.5)  # let the last calls land in the log
            watch.terminate()
            watch.wait(timeout=10)
    if watch is not None:
        text = log.read_text(errors="replace")
        assert "sendto(" in text, "strace saw none of the replica's traffic"
        assert outbound(log) == [], "the replica contacted another host"


# --------------------------------------------------------------------------- browsers


@dataclass
class Visitor:
    """A browser of its own (a context: its own cookies) and every response it got."""

    context: BrowserContext
    responses: list[Response] = field(default_factory=list)

    def replicas(self) -> dict[str, set[str]]:
        """Replica number -> the paths it served to this browser (all of them through nginx)."""
        seen: dict[str, set[str]] = {}
        for response in self.responses:
            if response.url.startswith(("blob:", "data:")):
                continue  # made inside the page
            assert response.url.startswith(f"http://{HOST_NAME}:"), response.url
            replica = response.headers.get("x-replica", "none")
            seen.setdefault(replica, set()).add(response.url.split("?")[0])
        return seen


@pytest.fixture
def visitors(browser: Browser, deployment: Deployment) -> Iterator[Callable[..., Visitor]]:
    made: list[Visitor] = []

    def new(cookie: str | None = None) -> Visitor:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        ctx.set_default_timeout(30_000)
        if cookie is not None:
            ctx.add_cookies([{"name": "stroute", "value": cookie, "url": deployment.url}])
        visitor = Visitor(ctx)
        ctx.on("response", lambda response: visitor.responses.append(response))
        made.append(visitor)
        return visitor

    yield new
    for visitor in made:
        visitor.context.close()


def open_page(page: Page, url: str) -> str:
    """Load ``url`` (a new session), wait for its first run; the replica that served the page."""
    response = page.goto(url)
    assert response is not None and response.ok
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page)
    return response.headers["x-replica"]


def go(page: Page, path: str) -> None:
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()
    page.wait_for_url(re.compile(f"/{path}$"))
    page.wait_for_selector('[data-testid="stMain"] h1')
    wait_idle(page)


def names(page: Page) -> list[str]:
    return [page.locator(f".st-key-name__{pid} input").input_value() for pid in ("a", "b")]


def test_a_browser_stays_on_its_replica_through_reruns_an_upload_and_a_reconnect(
    deployment: Deployment, visitors: Callable[..., Visitor]
) -> None:
    before = deployment.connects()
    visitor = visitors()
    ctx = visitor.context
    page = ctx.new_page()
    replica = open_page(page, deployment.url + "/")
    home, other = int(replica), 3 - int(replica)
    cookies = {c["name"]: c for c in ctx.cookies()}
    assert cookies["stroute"]["httpOnly"] and cookies["stroute"]["sameSite"] == "Lax"
    # The page's websocket went where the page came from.
    assert wait_for(lambda: deployment.connects()[home][0] == before[home][0] + 1)

    # A name typed here is still there on another page; answers rerun the page many times.
    set_name(page, "a", "Ada")
    go(page, "about")
    go(page, "what-it-means")
    assert names(page)[0] == "Ada"
    for value in (6, 7, 8, 9):
        give(page, "need__a__expression", value)
    assert answered(page, "need__a__expression") == 9

    # Resume from a workbook file: the upload is a separate request to the session's replica.
    # Pretty-printed, the full sample is 34 kB: more than nginx keeps in memory by default.
    go(page, "workbook")
    data = json.dumps(json.loads(dump_workbook(full_workbook())), indent=12).encode()
    upload = page.locator('.st-key-resume_upload input[type="file"]')
    upload.set_input_files([{"name": "ours.json", "mimeType": "application/json", "buffer": data}])
    wait_idle(page, settle_ms=400)
    page.locator(".st-key-resume_replace button").click()  # it asks: Ada's answers would go
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text(
        t("files.resumed", "en")
    )
    wait_idle(page)
    assert names(page) == ["Mia", "Ren"]

    # nginx reloads: the old worker drops the websocket; the browser reconnects through the new
    # one, to the same replica, and finds its session (the names, the answers) as it left it.
    reloaded = deployment.script("reload")
    assert reloaded.returncode == 0, reloaded.stderr
    assert wait_for(lambda: deployment.connects()[home][1] == before[home][1] + 1, timeout=40)
    wait_idle(page)
    go(page, "what-it-means")
    assert names(page) == ["Mia", "Ren"]
    assert answered(page, "need__a__expression") == 9  # Mia's, from the file
    give(page, "need__a__expression", 10)  # and it still reruns

    after = deployment.connects()
    assert after[home][0] == before[home][0] + 1, "a second session was started"
    assert after[other] == before[other], "the other replica saw this browser"
    seen = visitor.replicas()
    assert set(seen) == {replica}, seen
    assert any("/_stcore/upload_file/" in url for url in seen[replica])
    # The uploaded answers (34 kB) never went through a temporary file on disk: nginx warns in
    # its error log whenever it buffers a request or a response body to one.
    assert "temporary file" not in (deployment.run / "nginx" / "error.log").read_text()


def test_a_room_opened_on_one_replica_is_joined_from_the_other(
    deployment: Deployment, visitors: Callable[..., Visitor]
) -> None:
    facilitator = visitors()
    host = facilitator.context.new_page()
    host_replica = open_page(host, deployment.url + "/room")
    host.locator(".st-key-room_open button").click()
    code_box = host.locator(".room-code")
    expect(code_box).to_be_visible()
    code = "".join(code_box.inner_text().split())
    main = host.locator('[data-testid="stMain"]')
    # The join link names the address the facilitator's browser used: the proxy's.
    join_url = f"{deployment.url}/join?code={code}"
    expect(main).to_contain_text(join_url)
    # The QR code is an image the replica keeps in memory (/media/...): it must come from there.
    qr = host.locator('[data-testid="stImage"] img')
    expect(qr).to_be_visible()
    host.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=qr.element_handle())

    # A participant whose browser the proxy sends to the other replica joins through its page.
    other = "2" if host_replica == "1" else "1"
    participant = visitors(cookie=cookie_for_replica(deployment, other))
    guest = participant.context.new_page()
    response = guest.goto(join_url)
    assert response is not None and response.headers["x-replica"] == other
    join_and_send(guest, presses=3)  # closeness 5 -> 8

    # Four more join without a browser, straight into the shared database.
    store = Rooms(deployment.rooms_url)
    try:
        for _ in range(4):
            store.contribute(code, new_token(), {dim: 2 for dim in DIMENSION_IDS})
        said = describe_spread(store.picture(code), "en")  # the chart's sentence, from the counts
    finally:
        dispose(deployment.rooms_url)

    # The facilitator, on the first replica, sees all five, the browser participant included.
    expect(main).to_contain_text(t("rooms.contributions", "en", count=5), timeout=LIVE)
    # One compact chart, a row per dimension (everyone placed themselves on each), its sentence.
    expect(main.locator(SPREAD)).to_have_count(1, timeout=LIVE)
    expect(main.locator(f".st-key-room_spread {SPREAD}")).to_have_count(1)
    assert bars(host, "closeness") == [0, 0, 4, 0, 0, 0, 0, 0, 1, 0, 0]
    names = host.evaluate(
        "(sel) => document.querySelector(sel).data[0].y", ".st-key-room_spread .js-plotly-plot"
    )
    assert names == [t(f"dim.{dim}.name", "en") for dim in DIMENSION_IDS]
    expect(main.locator(f'p:text-is("{said}")')).to_have_count(1)

    assert set(facilitator.replicas()) == {host_replica}
    assert set(participant.replicas()) == {other}
