"""``make run`` says which address to open: Streamlit's own welcome message is off."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_prints_the_address_with_the_chosen_port() -> None:
    with (ROOT / ".streamlit" / "config.toml").open("rb") as fh:
        shipped = tomllib.load(fh)
    # Why it has to: Streamlit prints no URL and opens no browser with these settings.
    assert shipped["logger"]["hideWelcomeMessage"] is True
    assert shipped["server"]["headless"] is True
    plan = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8765"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    ).stdout.splitlines()
    echo = next(i for i, line in enumerate(plan) if line.startswith("echo "))
    serve = next(i for i, line in enumerate(plan) if "streamlit run app.py" in line)
    assert "http://localhost:8765" in plan[echo] and echo < serve
    assert "--server.port 8765" in plan[serve]
