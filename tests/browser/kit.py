"""What the browser tests share besides fixtures: starting a streamlit server, the Chromium
launch, a record of the browser's requests, waiting for Streamlit, full-page screenshots."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
ARTIFACTS.mkdir(exist_ok=True)
if str(REPO) not in sys.path:  # the tests read expected texts from the app's own catalogs
    sys.path.insert(0, str(REPO))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Belt and braces: a host name other than the local ones never resolves, so a test that finds
    # an outside request (recorded in `network`) has not actually reached the internet.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
T = TypeVar("T")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
HEALTH_TIMEOUT = 60.0


# --------------------------------------------------------------------------- streamlit servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class StreamlitServer:
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server's own process group (the server, or strace and its server)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log_path.unlink(missing_ok=True)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return bool(r.read().strip() == b"ok")
    except OSError:
        return False


def start_server(
    *,
    cwd: Path = REPO,
    script: str = "app.py",
    args: Sequence[str] = (),
    prefix: Sequence[str] = (),
    env: dict[str, str] | None = None,
    timeout: float = HEALTH_TIMEOUT,
) -> StreamlitServer:
    """Start ``python -m streamlit run <script>`` (this interpreter's streamlit) on a free port.

    ``prefix`` goes before the command (e.g. strace). Returns once ``/_stcore/health`` answers
    ``ok``; fails with the server's output otherwise. The caller stops it (``server.stop()``).
    """
    for _attempt in range(3):  # a free port can be taken by someone else before streamlit binds it
        port = free_port()
        command = [
            *prefix,
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            *args,
        ]
        fd, log_name = tempfile.mkstemp(prefix=f"streamlit-{port}-", suffix=".log")
        with os.fdopen(fd, "wb") as log:
            process = subprocess.Popen(
                command,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # its own process group: stop() ends exactly this tree
            )
        server = StreamlitServer(port, process, Path(log_name))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None:
            if _healthy(port):
                return server
            time.sleep(0.1)
        output = server.log()
        server.stop()
        if "is not available" in output:  # "Port NNNN is not available": try another port
            continue
        reason = (
            f"exited with code {process.returncode}"
            if process.returncode is not None
            else f"did not answer /_stcore/health with 'ok' within {timeout:.0f} s"
        )
        pytest.fail(
            f"streamlit server {reason}.\ncommand: {' '.join(command)}\ncwd: {cwd}\n"
            f"--- server output ---\n{output}",
            pytrace=False,
        )
    pytest.fail("no free port for streamlit after 3 attempts", pytrace=False)


@dataclass
class NetworkLog:
    """Every URL the browser requested (HTTP and websocket) during one test."""

    urls: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        """Requests to any host but this machine's loopback names (data: and blob: are local)."""
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


# --------------------------------------------------------------------------- helpers


def wait_idle(page: Page, settle_ms: int = 150, timeout: float = 30_000) -> None:
    """Let a rerun start, then wait until the script has finished running."""
    page.wait_for_timeout(settle_ms)
    page.wait_for_selector(IDLE, timeout=timeout)


def open_app(page: Page, base_url: str, path: str = "") -> Page:
    """Load ``/<path>`` (a new Streamlit session) and wait until its first run is over."""
    page.goto(f"{base_url}/{path}")
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page)
    return page


def full_page_screenshot(page: Page, path: Path) -> None:
    """A screenshot of the whole page. Streamlit scrolls inside its main block, not the document,
    so the viewport is made as tall as that block for the shot, then restored."""
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const side = document.querySelector('[data-testid="stSidebarContent"]');
            return Math.max(main ? main.scrollHeight : 0, side ? side.scrollHeight : 0);
        }"""
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height))})
    page.wait_for_timeout(700)  # plotly redraws on resize
    wait_idle(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def set_name(page: Page, pid: str, text: str) -> None:
    """Type a partner's name in the sidebar (opening the names expander if it is closed)."""
    field = page.locator(f".st-key-name__{pid} input")
    # The sidebar has more than one expander: open the one holding the names.
    expander = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
        has=page.locator(f".st-key-name__{pid}")
    )
    if not field.is_visible():
        expander.locator("summary").click()
    field.fill(text)
    field.press("Enter")
    wait_idle(page)


# --------------------------------------------------------------------------- answer widgets
# A question of the workbook (ui.widgets.answer) is an st.segmented_control: a radiogroup of
# buttons (role "radio", text "0" ... "10" or an importance level), none checked while it is not
# answered. A click (or Space) on a segment answers; on the checked one again takes it back.


def segment(page: Page, key: str, label: object) -> Locator:
    """The segment whose text is exactly ``label`` in the answer widget ``key``."""
    return page.locator(f".st-key-{key}").get_by_role("radio", name=str(label), exact=True)


def answer_value(page: Page, key: str) -> str | None:
    """The text of the checked segment of the answer widget ``key``; None while not answered."""
    box = page.locator(f".st-key-{key}")
    box.get_by_role("radio").first.wait_for()
    checked = box.locator('[role="radio"][aria-checked="true"]')
    return checked.inner_text().strip() if checked.count() else None


def answered(page: Page, key: str) -> int | None:
    """The number answered in the 0-10 answer widget ``key``; None while not answered."""
    value = answer_value(page, key)
    return None if value is None else int(value)


def give(page: Page, key: str, value: T) -> T:
    """Answer ``value`` in the answer widget ``key`` with one click (nothing when it already holds
    that answer: a click there would take it back); returns ``value``."""
    button = segment(page, key, value)
    button.scroll_into_view_if_needed()
    if button.get_attribute("aria-checked") != "true":
        button.click()
        expect(button).to_have_attribute("aria-checked", "true")
    wait_idle(page)
    return value


def take_back(page: Page, key: str) -> None:
    """Click the checked segment of ``key`` again: the question is not answered any more."""
    box = page.locator(f".st-key-{key}")
    checked = box.locator('[role="radio"][aria-checked="true"]')
    expect(checked).to_have_count(1)
    checked.click()
    expect(box.locator('[role="radio"][aria-checked="true"]')).to_have_count(0)
    wait_idle(page)


def key_answer(page: Page, key: str, value: int) -> int:
    """Answer ``value`` (0-10) by keyboard: focus the question's first segment (no key press:
    nothing is chosen by that), ArrowRight ``value`` times (focus only), one Space."""
    box = page.locator(f".st-key-{key}")
    box.scroll_into_view_if_needed()
    box.get_by_role("radio").first.focus()
    for _ in range(value):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    expect(segment(page, key, value)).to_have_attribute("aria-checked", "true")
    wait_idle(page)
    return value


def room_position(page: Page, dim: str, value: int) -> int:
    """Set a workshop participant's position on ``dim`` to ``value`` on the join page.

    The position is a row of segments (unset until chosen; one click sets it) once the rooms
    follow the workbook's answer widget, a slider standing at the middle before: either way the
    position ends at ``value``. After a slider, a pause lets it hand its value to the app before
    anything else is pressed (a "send" faster than any person could carry the old one)."""
    key = f"room_need__{dim}"
    box = page.locator(f".st-key-{key}")
    box.locator('[role="radio"], input[type=range]').first.wait_for()  # drawn, not a skeleton
    if box.get_by_role("radio").count():
        give(page, key, value)
    else:
        thumb = box.locator('[data-testid="stSliderThumbValue"]')
        presses = value - int(thumb.inner_text())
        box.locator("input[type=range]").focus()
        for _ in range(abs(presses)):
            page.keyboard.press("ArrowRight" if presses > 0 else "ArrowLeft")
        expect(thumb).to_have_text(str(value))
        page.wait_for_timeout(600)  # a slider hands its value over after a short pause
        wait_idle(page)
    return value


def room_positions(page: Page, closeness: int) -> None:
    """Set every position of a workshop participant: ``closeness`` there, the middle (5) on every
    other dimension, one answer each, as a participant who answers the whole card."""
    from emotions.dimensions import DIMENSION_IDS

    for dim in DIMENSION_IDS:
        room_position(page, dim, closeness if dim == "closeness" else 5)
