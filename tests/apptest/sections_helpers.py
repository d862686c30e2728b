"""Helpers shared by the AppTests of sections 1, 11, 14, 15 and 16."""

from __future__ import annotations

import re
from typing import Any

from streamlit.testing.v1 import AppTest

from emotions.model import Workbook
from tests.apptest.conftest import go, open_app, visible_texts, with_workbook

# Three or more English words in a row: a sentence left in English on a Japanese page.
ENGLISH_RUN = re.compile(r"\b[A-Za-z']{2,}(?:\s+[A-Za-z']{2,}){2,}")


def page(script: str, locale: str = "en-US", wb: Workbook | None = None) -> AppTest:
    """The app on ``script``, with a prepared workbook if given (in the locale's language)."""
    at = open_app(locale)
    if wb is not None:
        wb.language = "ja" if locale.startswith("ja") else "en"
        with_workbook(at, wb)
    return go(at, script)


def shown(at: AppTest) -> str:
    """Everything the main area shows, as one text (names of widgets included)."""
    return "\n".join(visible_texts(at))


def english_runs(at: AppTest, allowed: tuple[str, ...] = ()) -> list[str]:
    """English word runs on a page (minus the given user texts): empty on a Japanese page."""
    runs = []
    for text in visible_texts(at):
        for allowed_text in allowed:
            text = text.replace(allowed_text, "")
        runs += ENGLISH_RUN.findall(text)
    return runs


def workbook_of(at: AppTest) -> Any:
    return at.session_state["workbook"]
