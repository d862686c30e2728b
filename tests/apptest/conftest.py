"""AppTest helpers: the app from its entrypoint, a page switch, the radar's figure."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from emotions.languages import Language

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture(autouse=True, scope="session")
def error_details_shown() -> Iterator[None]:
    """A failing page shows its exception (type, message, trace) in AppTest's ``at.exception``.

    The committed ``.streamlit/config.toml`` keeps ``client.showErrorDetails = "none"`` for users
    (a calm message, never a traceback, ``test_the_shipped_config_hides_error_details``); AppTest
    reads the same config, which would leave a failing test with "error message is redacted".
    """
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full", "tests/apptest/conftest.py")
    yield
    config.set_option("client.showErrorDetails", before, "tests/apptest/conftest.py")


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


def with_workbook(at: AppTest, wb: Any) -> AppTest:
    """Put a prepared workbook (e.g. from tests/couples.py) into the session and rerun."""
    at.session_state["workbook"] = wb
    at.run()
    assert not at.exception, at.exception
    return at


def visible_texts(at: AppTest) -> list[str]:
    """Every text the main area shows: titles, markdown, captions, widget labels and options."""
    out: list[str] = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "success",
        "warning",
    ):
        out += [e.value for e in at.main.get(kind)]
    for kind in (
        "slider",
        "select_slider",
        "radio",
        "text_input",
        "text_area",
        "checkbox",
        "toggle",
        "selectbox",
        "multiselect",
        "number_input",
        "button",
        "date_input",
        "button_group",  # segmented controls (the answers) and pills
    ):
        for widget in at.main.get(kind):
            out.append(widget.proto.label)
            # A button group's options are messages; their text is their content.
            out += [getattr(o, "content", o) for o in getattr(widget.proto, "options", [])]
    return out


def left_over(at: AppTest, lang: Language) -> list[str]:
    """Texts of the default language's catalog (those that differ in ``lang``) still visible on
    a page shown in ``lang``."""
    from emotions.i18n import catalog
    from emotions.languages import DEFAULT_LANGUAGE

    default, other = catalog(DEFAULT_LANGUAGE), catalog(lang)
    foreign = {v for k, v in default.items() if v != other.get(k) and len(v) > 3}
    shown = visible_texts(at)
    return sorted({e for e in foreign for s in shown if e in s and "{" not in e})


def english_left_over(at: AppTest) -> list[str]:
    """English catalog texts (that differ in Japanese) still visible on a Japanese page."""
    return left_over(at, "ja")


def table_as_shown(table: Any) -> Any:
    """An ``st.table``'s DataFrame as the browser shows it: headings and text cells are sent
    Markdown-escaped (``ui.section.table``), the browser renders them back to the plain text."""
    import re

    def plain(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", value).replace("\u200b", "")

    shown = table.rename(columns=plain)
    return shown.apply(lambda column: column.map(plain))
