"""The take-away cards on the files page, in both languages: a PDF download once the couple
differs on a need both answered, and a line saying what to answer first before that."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from emotions.i18n import t
from emotions.model import Workbook
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import talker_and_processor

LOCALES = {"en": "en-US", "ja": "ja-JP"}
Seen = dict[str, tuple[Any, str | None, str | None]]
"""Deferred downloads by file id: (build, mime, file name)."""


@pytest.fixture
def deferred(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """Every deferred download registered while the page runs."""
    seen: Seen = {}
    original = MediaFileManager.add_deferred

    def record(self: MediaFileManager, build: Any, mime: str | None, *args: Any, **kw: Any) -> str:
        file_id = original(self, build, mime, *args, **kw)
        seen[file_id] = (build, mime, kw.get("file_name"))
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen


@pytest.mark.parametrize("lang", LOCALES)
def test_the_cards_download_as_a_pdf_in_the_language(lang: str, deferred: Seen) -> None:
    couple = talker_and_processor()
    couple.language = lang  # type: ignore[assignment]
    at = with_workbook(go(open_app(LOCALES[lang]), "workbook"), couple)
    assert not at.exception, at.exception
    [button] = [b for b in at.get("download_button") if b.proto.label == t("cards.download", lang)]
    build, mime, file_name = deferred[button.proto.deferred_file_id]
    assert mime == "application/pdf"
    assert file_name == f"emotional-needs-cards-{dt.date.today().isoformat()}-{lang}.pdf"
    assert build().startswith(b"%PDF-")
    shown = " ".join(m.value for m in at.markdown)
    assert t("cards.help", lang) in shown
    assert t("cards.answer_first", lang) not in shown
    assert at.toggle(key="cards_names").value is False


@pytest.mark.parametrize("lang", LOCALES)
def test_an_empty_workbook_says_what_to_answer_first(lang: str) -> None:
    wb = Workbook()
    wb.language = lang  # type: ignore[assignment]
    at = with_workbook(go(open_app(LOCALES[lang]), "workbook"), wb)
    assert not at.exception, at.exception
    assert t("cards.answer_first", lang) in [m.value for m in at.markdown]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels and t("cards.download", lang) not in labels
