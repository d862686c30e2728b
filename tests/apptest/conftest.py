"""AppTest helpers: the app from its entrypoint, a page switch, the radar's figure."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def open_app(locale: str = "en-US") -> AppTest:
    """A fresh session of the whole app (navigation, frame) on its first page."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.context["locale"] = locale
    at.run()
    assert not at.exception, at.exception
    return at


def go(at: AppTest, script: str) -> AppTest:
    """Switch to a page script (e.g. ``what_it_means``) and run it."""
    at.switch_page(f"app_pages/{script}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def radar(at: AppTest) -> dict[str, Any]:
    """The plotly figure the radar currently shows."""
    return json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[no-any-return]


def by_key(at: AppTest, kind: str, key: str) -> Any:
    """A widget of ``kind`` (slider, radio, text_input, ...) by its key."""
    return getattr(at, kind)(key=key)


@pytest.fixture
def app() -> Callable[..., AppTest]:
    return open_app
