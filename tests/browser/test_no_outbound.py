"""The server makes no outbound connection, at start-up or while serving a browser.

Streamlit runs under ``strace -f`` watching connect/sendto/sendmsg/sendmmsg; every address in
those calls must be loopback. Two controls prove the watch can fail: the same app makes the
lookups (UDP "connect" to 8.8.8.8, DNS for checkip.amazonaws.com) when a websocket arrives with
an Origin other than its Host (a proxy that rewrites Host), and at start-up when run without
the project's ``.streamlit/config.toml``.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import re
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.kit import REPO, NetworkLog, StreamlitServer, open_app, wait_idle

pytestmark = pytest.mark.browser

STRACE = shutil.which("strace")
needs_strace = pytest.mark.skipif(
    STRACE is None, reason="strace is missing: apt-get install strace (make system-deps)"
)

_ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"')
_CALL = re.compile(r"\b(connect|sendto|sendmsg|sendmmsg)\(")


def traced(tmp_path: Path) -> tuple[list[str], Path]:
    """The strace prefix (seccomp-bpf keeps its cost small) and the file it writes to."""
    log = tmp_path / "network.strace"
    calls = "trace=connect,sendto,sendmsg,sendmmsg"
    return [STRACE or "strace", "--seccomp-bpf", "-f", "-qq", "-e", calls, "-o", str(log)], log


def _is_local(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    ip = mapped or ip
    return ip.is_loopback or ip.is_unspecified


def outbound(log: Path) -> list[str]:
    """The traced calls that name an address off this machine (AF_UNIX and the like are fine)."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        if not _CALL.search(line):
            continue
        for match in _ADDRESS.finditer(line):
            if not _is_local(match.group(1) or match.group(2)):
                found.append(line.strip()[:200])
                break
    return found


def wait_for_outbound(log: Path, needle: str, timeout: float = 15.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = outbound(log)
        if any(needle in line for line in found):
            return found
        time.sleep(0.2)
    return outbound(log)


@needs_strace
def test_no_outbound_connection_while_starting_and_serving(
    page: Page,
    network: NetworkLog,
    fresh_server: Callable[..., StreamlitServer],
    tmp_path: Path,
) -> None:
    prefix, log = traced(tmp_path)
    server = fresh_server(prefix=prefix)
    open_app(page, server.url, "what-it-means")
    page.locator(".st-key-need__a__expression input[type=range]").focus()
    page.keyboard.press("ArrowRight")
    wait_idle(page)
    page.locator('[data-testid="stSidebarNav"] a[href$="/about"]').click()
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    wait_idle(page)
    time.sleep(0.5)  # strace writes as calls happen; let the last ones land

    text = log.read_text(errors="replace")
    assert "sendto(" in text, "strace saw none of the server's traffic: is it tracing at all?"
    assert outbound(log) == [], "the server contacted another host"
    assert network.outside() == [], "the browser contacted another host"


@needs_strace
def test_detector_sees_the_lookup_of_a_foreign_origin(
    fresh_server: Callable[..., StreamlitServer], tmp_path: Path
) -> None:
    """Proof the watch above can fail: Streamlit checks an Origin other than the Host against the
    machine's internal and external IP, which it looks up (8.8.8.8, checkip.amazonaws.com)."""
    prefix, log = traced(tmp_path)
    server = fresh_server(prefix=prefix)
    assert outbound(log) == []

    status = _websocket_handshake(server.port, origin="http://proxy.example")

    assert status.startswith(b"HTTP/1.1 403"), status
    found = wait_for_outbound(log, '"8.8.8.8"')
    assert any('"8.8.8.8"' in line for line in found), found


@needs_strace
def test_detector_sees_the_startup_lookup_without_the_config(
    fresh_server: Callable[..., StreamlitServer], tmp_path: Path
) -> None:
    """Without .streamlit/config.toml (the app linked into an empty directory, HOME there too),
    Streamlit 1.67 looks up the machine's addresses while printing its welcome message."""
    prefix, log = traced(tmp_path)
    app = tmp_path / "app"
    app.mkdir()
    shutil.copy(REPO / "app.py", app / "app.py")
    for package in ("app_pages", "emotions", "ui"):
        (app / package).symlink_to(REPO / package, target_is_directory=True)
    fresh_server(prefix=prefix, cwd=app, env={**os.environ, "HOME": str(app)})

    found = wait_for_outbound(log, '"8.8.8.8"')

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
