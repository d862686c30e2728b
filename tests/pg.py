"""A real PostgreSQL server for tests: ``WORKBOOK_TEST_PG_URL`` when set, else a throw-away cluster
started by ``scripts/pg-test-server.sh`` (Debian's ``postgresql`` package) and stopped afterwards.

Tests that use it skip, with the reason, only when a server truly cannot be started here (no
PostgreSQL binaries, or root without a ``postgres`` user); any other failure to start fails them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pg-test-server.sh"
PREFIX = "workbook-pg-"
OWNER = "pytest.pid"  # the test run a server belongs to
UNAVAILABLE = 3  # the script's exit status when PostgreSQL cannot run on this machine


@contextmanager
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL of a PostgreSQL server for the duration of the block."""
    configured = os.environ.get("WORKBOOK_TEST_PG_URL", "").strip()
    if configured:
        yield configured
        return
    _stop_abandoned()
    # Under /tmp itself, not pytest's private tmp folder: the server may run as `postgres`.
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    folder.rmdir()
    started = subprocess.run(
        ["sh", str(SCRIPT), "start", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if started.returncode == UNAVAILABLE:
        pytest.skip(
            "PostgreSQL variants skipped: no server can be started here "
            f"({started.stderr.strip()}); install Debian's postgresql package or set "
            "WORKBOOK_TEST_PG_URL"
        )
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"could not start the test PostgreSQL server:\n{started.stderr}")
    (folder / OWNER).write_text(str(os.getpid()))
    try:
        yield started.stdout.splitlines()[0]
    finally:
        _stop(folder)


def _stop(folder: Path) -> None:
    subprocess.run(
        ["sh", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=120, check=False
    )


def _stop_abandoned() -> None:
    """Stop the servers of test runs that were killed before they could stop their own."""
    for folder in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            pid = int((folder / OWNER).read_text())
        except (OSError, ValueError):
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            _stop(folder)
        except OSError:
            continue
