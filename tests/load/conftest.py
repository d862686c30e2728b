"""Fixtures of the protocol-level load tests: real `streamlit run` servers on loopback, driven by
bench/stclient.py sessions (no browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.stclient import Server

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app, with its workshop rooms in a throw-away SQLite file."""
    rooms = tmp_path_factory.mktemp("rooms") / "rooms.db"
    with Server(env={"WORKBOOK_ROOMS_URL": f"sqlite:///{rooms}"}) as server:
        yield server


@pytest.fixture(scope="session")
def fragment_server() -> Iterator[Server]:
    """tests/load/fragment_app.py: widgets in and out of fragments, a form, a timer."""
    with Server(HERE / "fragment_app.py") as server:
        yield server
