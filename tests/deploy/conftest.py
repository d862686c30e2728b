"""Fixtures of the scale-out tests: two replicas behind nginx started by ``deploy/local.sh up``
(with its own ports and run folder, stopped by ``down`` at the end), a Chromium that reaches them
under a real-looking host name, and what each replica says about its own sessions.

The browser opens ``http://workbook.test:<port>`` (Chromium maps that one name to 127.0.0.1;
every other name still fails to resolve, as in tests/browser). A name that is not ``localhost`` or
``127.0.0.1`` matters: Streamlit accepts such a page's websocket only when the Host it receives
is the one the browser used, so every browser test here also proves nginx passes Host unchanged.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, expect

from tests.browser.kit import CHROMIUM, CHROMIUM_ARGS, REPO

SCRIPT = REPO / "deploy" / "local.sh"
HOST_NAME = "workbook.test"
REPLICAS = 2
PREFIX = "workbook-deploy-"
OWNER = "pytest.pid"

expect.set_options(timeout=20_000)


@dataclass(frozen=True)
class Deployment:
    port: int
    replica_ports: tuple[int, ...]
    run: Path
    rooms_url: str
    replica_pids: tuple[int, ...]

    @property
    def url(self) -> str:
        """What a browser opens: the proxy, under a host name of its own."""
        return f"http://{HOST_NAME}:{self.port}"

    @property
    def loopback_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def connects(self) -> dict[int, tuple[int, int]]:
        """Per replica number: (websocket sessions connected, reconnected) since it started,
        read from the replica's own /_stcore/metrics on its loopback port (not through nginx)."""
        return {n: _session_events(port) for n, port in enumerate(self.replica_ports, 1)}

    def script(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run deploy/local.sh on this deployment."""
        return _script(self.run, *args)


_EVENT = re.compile(r'session_events_total\{type="(connect|reconnect)"\} (\d+)')


def _session_events(port: int) -> tuple[int, int]:
    url = f"http://127.0.0.1:{port}/_stcore/metrics?families=session_events"
    with urllib.request.urlopen(url, timeout=10) as response:
        found = dict(_EVENT.findall(response.read().decode()))
    return int(found["connect"]), int(found["reconnect"])


def _script(run: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WORKBOOK_DEPLOY_RUN": str(run), "PYTHON": sys.executable}
    return subprocess.run(
        ["sh", str(SCRIPT), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def _stop_abandoned() -> None:
    """Stop the deployments of test runs that were killed before they could stop their own."""
    for run in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            pid = int((run / OWNER).read_text())
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            _script(run, "down")
            shutil.rmtree(run, ignore_errors=True)
        except OSError:
            continue


@pytest.fixture(scope="module")
def deployment() -> Iterator[Deployment]:
    _stop_abandoned()
    # Under /tmp itself, readable by nginx's unprivileged user and PostgreSQL's `postgres`.
    run = Path(tempfile.mkdtemp(prefix=PREFIX))
    run.chmod(0o755)
    (run / OWNER).write_text(str(os.getpid()))
    started = None
    try:
        for _attempt in range(4):  # a port block may be taken by someone else meanwhile
            port = random.randrange(20_000, 32_000, 10)  # below the ephemeral ports
            started = _script(run, "up", "--replicas", str(REPLICAS), "--port", str(port))
            if started.returncode == 0 or "is taken" not in started.stderr:
                break
        assert started is not None
        if started.returncode != 0:
            pytest.fail(
                f"deploy/local.sh up failed (exit {started.returncode}):\n"
                f"{started.stdout}\n{started.stderr}",
                pytrace=False,
            )
        lines = (run / "replicas").read_text().split("\n")
        pairs = [line.split() for line in lines if line.strip()]
        yield Deployment(
            port=port,
            replica_ports=tuple(int(p) for _pid, p in pairs),
            run=run,
            rooms_url=(run / "rooms-url").read_text().strip(),
            replica_pids=tuple(int(pid) for pid, _p in pairs),
        )
    finally:
        stopped = _script(run, "down")
        shutil.rmtree(run, ignore_errors=True)
        if stopped.returncode != 0:
            pytest.fail(f"deploy/local.sh down failed:\n{stopped.stdout}\n{stopped.stderr}")


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    args = [a for a in CHROMIUM_ARGS if not a.startswith("--host-resolver-rules=")]
    args.append(
        f"--host-resolver-rules=MAP {HOST_NAME} 127.0.0.1, MAP * ~NOTFOUND, "
        "EXCLUDE localhost, EXCLUDE 127.0.0.1"
    )
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
    yield b
    b.close()
