"""The server makes no outbound connection, at start-up or while serving a browser.

Streamlit runs under ``strace -f`` (tests/browser/tracing.py) watching connect/sendto/sendmsg/
sendmmsg; every address in those calls must be loopback. Two controls prove the watch can fail:
the same app makes the lookups (UDP "connect" to 8.8.8.8, DNS for checkip.amazonaws.com) when a
websocket arrives with an Origin other than its Host (a proxy that rewrites Host), and at
start-up when run without the project's ``.streamlit/config.toml``.
"""

from __future__ import annotations

import base64
import os
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.kit import REPO, NetworkLog, StreamlitServer, open_app, segment, wait_idle
from tests.browser.tracing import Trace, needs_strace, outbound_lines, traced

pytestmark = pytest.mark.browser


def outbound(log: Path) -> list[str]:
    """The calls in one strace log (``strace -f -o log``) that name an address off this machine."""
    return outbound_lines(log.read_text(errors="replace").splitlines())


@needs_strace
def test_no_outbound_connection_while_starting_and_serving(
    page: Page,
    network: NetworkLog,
    fresh_server: Callable[..., StreamlitServer],
    tmp_path: Path,
) -> None:
    trace = Trace(tmp_path / "strace", cwd=REPO)
    server = fresh_server(prefix=traced(trace.directory, files=False))
    open_app(page, server.url, "what-it-means")
    page.locator(".st-key-need__a__expression").get_by_role("radio").first.focus()
    page.keyboard.press("ArrowRight")  # the focus to the segment "1"
    page.keyboard.press("Space")  # answers 1: a rerun
    expect(segment(page, "need__a__expression", 1)).to_have_attribute("aria-checked", "true")
    wait_idle(page)
    page.locator('[data-testid="stSidebarNav"] a[href$="/about"]').click()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    wait_idle(page)
    time.sleep(0.5)  # strace writes as calls happen; let the last ones land

    assert "sendto" in trace.calls(), "strace saw none of the server's traffic: is it tracing?"
    assert trace.outbound() == [], "the server contacted another host"
    assert network.outside() == [], "the browser contacted another host"


@needs_strace
def test_detector_sees_the_lookup_of_a_foreign_origin(
    fresh_server: Callable[..., StreamlitServer], tmp_path: Path
) -> None:
    """Proof the watch above can fail: Streamlit checks an Origin other than the Host against the
    machine's internal and external IP, which it looks up (8.8.8.8, checkip.amazonaws.com)."""
    trace = Trace(tmp_path / "strace", cwd=REPO)
    server = fresh_server(prefix=traced(trace.directory, files=False))
    assert trace.outbound() == []

    status = _websocket_handshake(server.port, origin="http://proxy.example")

    assert status.startswith(b"HTTP/1.1 403"), status
    found = trace.wait_for_outbound('"8.8.8.8"')
    assert any('"8.8.8.8"' in line for line in found), found


@needs_strace
def test_detector_sees_the_startup_lookup_without_the_config(
    fresh_server: Callable[..., StreamlitServer], tmp_path: Path
) -> None:
    """Without .streamlit/config.toml (the app linked into an empty directory, HOME there too),
    Streamlit 1.67 looks up the machine's addresses while printing its welcome message."""
    trace = Trace(tmp_path / "strace", cwd=REPO)
    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(REPO / "app.py", app / "app.py")
    for package in ("app_pages", "emotions", "ui"):
        (app / package).symlink_to(REPO / package, target_is_directory=True)
    fresh_server(
        prefix=traced(trace.directory, files=False), cwd=app, env={**os.environ, "HOME": str(app)}
    )

    found = trace.wait_for_outbound('"8.8.8.8"')

    assert any('"8.8.8.8"' in line for line in found), found


def _websocket_handshake(port: int, origin: str) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request.encode())
        return sock.recv(200)
