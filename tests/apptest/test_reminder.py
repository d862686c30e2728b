"""Section 15: the check-in reminder, a calendar file offered for download in the page's language,
neutral by default, with no counter or streak anywhere on the page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from icalendar import Calendar, Component
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from emotions import samples
from emotions.i18n import t
from emotions.languages import Language
from emotions.reminder import FILE_NAME, MIME, default_title
from tests.apptest.conftest import go, open_app, with_workbook
from tests.apptest.sections_helpers import english_runs, shown

LOCALES: dict[Language, str] = {"en": "en-US", "ja": "ja-JP"}
# The words are the point here: a tally of check-ins made or skipped, in either language.
COUNTER_WORDS = (
    "streak",
    "in a row",
    "missed",
    "skipped",
    "days since",
    "連続",
    "ストリーク",
    "逃し",
    "サボ",
    "日ぶり",
)


@pytest.fixture
def files(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every file the page hands to Streamlit for download: content, mime type, file name."""
    handed: list[dict[str, Any]] = []
    load = MemoryMediaFileStorage.load_and_get_id

    def record(
        self: MemoryMediaFileStorage, data: Any, mimetype: str, kind: Any, filename: Any = None
    ) -> str:
        handed.append({"data": data, "mime": mimetype, "name": filename})
        return load(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return handed


def rebuilding(lang: Language, timezone: str | None = None) -> AppTest:
    at = open_app(LOCALES[lang])
    if timezone:
        at.context["timezone"] = timezone
    wb = samples.load_sample("talk-vs-reflect", lang)  # with check-ins: chart and list shown too
    return go(with_workbook(at, wb), "rebuilding")


def the_event(files: list[dict[str, Any]]) -> Component:
    [handed] = [f for f in files if f["name"] == FILE_NAME][-1:]
    assert handed["mime"] == MIME == "text/calendar"
    [event] = Calendar.from_ical(handed["data"]).walk("VEVENT")
    return event


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_download_is_a_neutral_calendar_file_and_nothing_counts(
    lang: Language, files: list[dict[str, Any]]
) -> None:
    at = rebuilding(lang)
    button = at.get("download_button")
    assert [b.proto.label for b in button if b.proto.id.endswith("reminder_download")] == [
        t("reminder.download", lang)
    ]
    event = the_event(files)
    assert str(event["SUMMARY"]) == default_title(lang)
    assert event["SUMMARY"].params["LANGUAGE"] == lang
    assert "RRULE" not in event
    assert at.time_input(key="reminder_time").label == t("reminder.time_utc", lang)
    labels = [w.proto.label for kind in ("time_input", "download_button") for w in at.get(kind)]
    text = "\n".join([shown(at), *labels])
    assert t("reminder.intro", lang) in text
    assert len(at.table) == 1  # the list of check-ins is on the page being read
    assert not [word for word in COUNTER_WORDS if word in text.lower()]
    if lang == "ja":
        assert english_runs(at) == []


def test_a_chosen_time_repeat_and_title_reach_the_file(files: list[dict[str, Any]]) -> None:
    at = rebuilding("en", "Asia/Tokyo")
    assert at.time_input(key="reminder_time").label == t(
        "reminder.time_in_zone", "en", zone="Asia/Tokyo"
    )
    day = dt.date.today() + dt.timedelta(days=3)
    at.date_input(key="reminder_date").set_value(day)
    at.time_input(key="reminder_time").set_value(dt.time(8, 15))
    at.radio(key="reminder_repeat").set_value("fortnightly")
    at.text_input(key="reminder_title").input("Walk;\nDTSTART:19700101").run()
    assert not at.exception, at.exception
    event = the_event(files)
    start = event.decoded("DTSTART")
    assert (start.date(), start.time(), str(start.tzinfo)) == (day, dt.time(8, 15), "Asia/Tokyo")
    assert dict(event["RRULE"]) == {"FREQ": ["WEEKLY"], "INTERVAL": [2]}
    assert str(event["SUMMARY"]) == "Walk; DTSTART:19700101"


def test_in_presentation_mode_no_reminder_is_offered() -> None:
    at = rebuilding("en")
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.exception, at.exception
    assert not [b for b in at.get("download_button") if b.proto.id.endswith("reminder_download")]
    assert t("reminder.heading", "en") not in shown(at)
