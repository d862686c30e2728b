"""The check-in reminder (``emotions.reminder``): a calendar file that icalendar's own parser reads
back, one event at the chosen time in the chosen zone, a neutral title unless one is typed, and
nothing of the workbook in it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Component

from emotions import samples
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language
from emotions.reminder import (
    REPEATS,
    RRULES,
    TITLE_MAX_CHARS,
    Repeat,
    default_title,
    event_title,
    reminder_ics,
)

WHEN = dt.datetime(2026, 12, 9, 19, 30)  # a wall-clock time, as the page's two fields give it
NOW = dt.datetime(2026, 12, 2, 16, 0, tzinfo=dt.UTC)
EXPECTED_RULES: dict[str, dict[str, object] | None] = {  # RFC 5545 RRULE, written out
    "none": None,
    "weekly": {"FREQ": "WEEKLY"},
    "fortnightly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
}
IDENTIFIER = re.compile(r"[a-z0-9_\-]+")  # ids, enum values and dates in the workbook's JSON
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DURATION", "SUMMARY"}


def parsed(data: bytes) -> tuple[Calendar, Component]:
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1, events
    return calendar, events[0]


def everything_in(data: bytes) -> str:
    """The file unfolded, and every property value as the parser reads it (unescaped)."""
    values = [data.decode("utf-8").replace("\r\n ", "")]
    for name, value in Calendar.from_ical(data).property_items():  # every component, in order
        if not isinstance(value, bytes):  # BEGIN and END give the component's name as bytes
            raw = value.to_ical()
            values += [name, str(value), raw.decode("utf-8") if isinstance(raw, bytes) else raw]
    return "\n".join(values)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_default_title_is_neutral_in_each_language(lang: Language) -> None:
    _, event = parsed(reminder_ics(WHEN, "Asia/Tokyo", "none", "", lang, now=NOW))
    assert str(event["SUMMARY"]) == t("reminder.default_title", lang) == default_title(lang)
    assert event["SUMMARY"].params == {"LANGUAGE": lang}
    assert set(event) == EVENT_PROPERTIES
    assert event.decoded("DTSTAMP") == NOW


def test_each_language_has_its_own_default_title() -> None:
    titles = {default_title(lang) for lang in LANGUAGE_CODES}
    assert len(titles) == len(LANGUAGE_CODES)
    assert not any("reminder." in title for title in titles)


@pytest.mark.parametrize("repeat", REPEATS)
def test_each_repeat_gives_its_rule(repeat: Repeat) -> None:
    _, event = parsed(reminder_ics(WHEN, None, repeat, "", "en", now=NOW))
    rule = EXPECTED_RULES[repeat]
    assert RRULES[repeat] == rule
    if rule is None:
        assert "RRULE" not in event
    else:
        assert {key: value[0] for key, value in event["RRULE"].items()} == rule


def test_the_repeats_are_all_different() -> None:
    assert set(REPEATS) == set(EXPECTED_RULES)
    with pytest.raises(ValueError, match="repeat"):
        reminder_ics(WHEN, None, "daily", "", "en")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("zone", "utc"),
    [
        ("Asia/Tokyo", dt.datetime(2026, 12, 9, 10, 30, tzinfo=dt.UTC)),
        ("America/New_York", dt.datetime(2026, 12, 10, 0, 30, tzinfo=dt.UTC)),
    ],
)
def test_the_start_is_the_chosen_time_in_the_browser_zone(zone: str, utc: dt.datetime) -> None:
    calendar, event = parsed(reminder_ics(WHEN, zone, "weekly", "", "en", now=NOW))
    start = event.decoded("DTSTART")
    assert start.replace(tzinfo=None) == WHEN
    assert isinstance(start.tzinfo, ZoneInfo) and start.tzinfo.key == zone
    assert start == utc
    assert event["DTSTART"].params["TZID"] == zone
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [zone]
    assert event.decoded("DURATION") == dt.timedelta(minutes=30)


@pytest.mark.parametrize("zone", [None, "", "Mars/Olympus", "../../etc/passwd", "A" * 500])
def test_an_unknown_zone_falls_back_to_utc(zone: str | None) -> None:
    data = reminder_ics(WHEN, zone, "none", "", "en", now=NOW)
    _, event = parsed(data)
    assert event.decoded("DTSTART") == WHEN.replace(tzinfo=dt.UTC)
    assert b"DTSTART:20261209T193000Z" in data
    assert b"VTIMEZONE" not in data


def test_the_uid_is_random_and_nothing_points_outside() -> None:
    first, second = (reminder_ics(WHEN, None, "none", "", "en", now=NOW) for _ in range(2))
    assert parsed(first)[1]["UID"] != parsed(second)[1]["UID"]
    for data in (first, second):
        assert b"URL" not in data and b"http" not in data and b"ATTACH" not in data


def _sample_words(value: Any) -> set[str]:
    """Names, answers and notes of a sample workbook: its strings but ids and dates."""
    if isinstance(value, str):
        return set() if len(value) < 2 or IDENTIFIER.fullmatch(value) else {value}
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return set().union(*(_sample_words(item) for item in items))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample_id", samples.SAMPLE_IDS)
def test_no_word_of_a_sample_workbook_is_in_the_file_unless_typed(
    sample_id: str, lang: Language
) -> None:
    wb = samples.load_sample(sample_id, lang)
    words = _sample_words(wb.model_dump(mode="json", exclude={"created", "updated", "sample"}))
    name = wb.partners["a"].name
    assert name in words and len(words) > 50
    for repeat in REPEATS:
        shown = everything_in(reminder_ics(WHEN, "Asia/Tokyo", repeat, "", lang, now=NOW))
        assert not [word for word in words if word in shown]
    # Typed as the title, a name is there: the check above can see one.
    typed = everything_in(reminder_ics(WHEN, "Asia/Tokyo", "none", name, lang, now=NOW))
    assert name in typed


HOSTILE = [
    "Dinner\r\nDTSTART:19700101T000000Z\r\nURL:http://example.com",
    "Dinner\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:second",
    "a;LANGUAGE=xx:b",
    "one, two; three \\n four",
    "tab\there\x00nul\x1besc\u2028sep",
    "長" * 5000,
    "x" * 100_000,
]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize(
    "title", HOSTILE, ids=["crlf", "lf-end", "param", "escapes", "controls", "long-ja", "long"]
)
def test_a_hostile_title_stays_the_summary_and_adds_no_property(title: str, lang: Language) -> None:
    data = reminder_ics(WHEN, "Asia/Tokyo", "monthly", title, lang, now=NOW)
    calendar, event = parsed(data)
    assert set(event) == EVENT_PROPERTIES | {"RRULE"}
    assert set(calendar) == {"PRODID", "VERSION", "METHOD"}
    summary = str(event["SUMMARY"])
    assert summary == event_title(title, lang)
    assert 0 < len(summary) <= TITLE_MAX_CHARS
    assert not any(c in summary for c in "\r\n\x00\x1b\u2028\t")
    assert event.decoded("DTSTART").replace(tzinfo=None) == WHEN
    assert event["SUMMARY"].params == {"LANGUAGE": lang}
    lines = data.decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert [line for line in lines if line.startswith("DTSTART")] == [
        "DTSTART:19700101T000000",  # the zone's own start, in its VTIMEZONE
        "DTSTART;TZID=Asia/Tokyo:20261209T193000",
    ]
    assert not [line for line in lines if line.startswith(("URL", "END:VEVENT\\"))]
    assert lines.count("BEGIN:VEVENT") == 1
    assert len(data) < 4000


def test_a_typed_title_is_kept_on_one_line_and_blank_gives_the_default() -> None:
    assert event_title("  Our   walk\n by the river ", "en") == "Our walk by the river"
    assert event_title("a;b,c", "en") == "a;b,c"  # kept as typed: the file escapes it
    assert event_title(" \n\t ", "ja") == default_title("ja")
    assert len(event_title("x" * 500, "en")) == TITLE_MAX_CHARS
