"""Issue 16, item 10, on the pages in both languages: the uploaders' label and limit, the time of
the browser copy in the browser's time zone, a count of one read as one."""

from __future__ import annotations

import datetime as dt

import pytest

from emotions import keep as keeping
from emotions.clock import shown_time
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.languages import Language, language_from_locale
from emotions.model import Partner, Workbook
from emotions.workbook_io import MAX_BYTES, dump_workbook
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import talker_and_processor
from ui import keep
from ui.files import UPLOAD_BUTTON, UPLOADER_CSS

LOCALES = ["en-US", "ja-JP"]


def shown(at) -> str:  # type: ignore[no-untyped-def]
    kinds = ("markdown", "caption", "success", "warning", "error")
    return "\n".join(e.value for kind in kinds for e in at.main.get(kind))


@pytest.mark.parametrize("locale", LOCALES)
def test_the_uploaders_say_what_to_do_and_the_workbooks_own_limit(locale: str) -> None:
    lang = language_from_locale(locale)
    at = go(open_app(locale), "workbook")
    for key, label in (("resume_upload", "resume_label"), ("combine_upload", "combine_label")):
        assert at.file_uploader(key=key).label == t(f"files.{label}", lang, button=UPLOAD_BUTTON)
    note = t("files.size_note", lang, limit_kb=MAX_BYTES // 1000)
    assert f"{MAX_BYTES // 1000} KB" in note and "{" not in note
    assert [c.value for c in at.main.caption].count(note) == 3  # under each uploader
    # Streamlit's own English "1MB per file" is hidden on this page (the browser test looks).
    assert UPLOADER_CSS in [h.proto.body for h in at.get("html")]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", None])
def test_the_browser_copys_time_is_in_the_browsers_time_zone(locale: str, zone: str | None) -> None:
    lang: Language = language_from_locale(locale)
    stored = talker_and_processor()
    stored.updated = dt.datetime(2026, 12, 2, 22, 30, tzinfo=dt.UTC)
    at = open_app(locale)
    if zone:
        at.context["timezone"] = zone
    at.session_state[keep.KEEP_ON] = True
    at.session_state[keep.OFFER] = keeping.stored_text(stored)
    at.run()
    assert not at.exception, at.exception
    when = shown_time(stored.updated, zone, lang)
    assert markdown_escape(when) in shown(at)
    if zone == "Asia/Tokyo":  # the next day there
        assert "07:30" in when and ("12-03" in when or "12月3日" in when)
    if zone is None:
        assert when == t("small.time_utc", lang, date=when.split(" ")[0].rstrip(","), time="22:30")


@pytest.mark.parametrize("locale", LOCALES)
def test_one_answer_added_reads_as_one(locale: str) -> None:
    lang = language_from_locale(locale)
    couple = talker_and_processor()
    couple.language = lang
    at = with_workbook(go(open_app(locale), "workbook"), couple)
    more = Workbook(partners={"a": Partner()})
    more.partners["a"].ratings["closeness"].met = 3
    at.file_uploader(key="combine_upload").set_value(
        [("more-a.json", dump_workbook(more).encode(), "application/json")]
    )
    at.run()
    assert not at.exception, at.exception
    assert t("files.combined", lang, count=1) in shown(at)
    if lang == "en":
        assert "1 answer added" in shown(at)
