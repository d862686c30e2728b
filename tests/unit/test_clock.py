"""Times shown in the browser's time zone (``emotions.clock``), UTC and labelled when unknown."""

from __future__ import annotations

import datetime as dt

import pytest

from emotions.clock import browser_zone, shown_time
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language, spec

NOON_UTC = dt.datetime(2026, 7, 1, 12, 5, tzinfo=dt.UTC)


def _date(day: dt.date, lang: Language) -> str:
    return spec(lang).date_format.format(year=day.year, month=day.month, day=day.day)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize(
    ("zone", "day", "clock"),
    [
        ("Asia/Tokyo", dt.date(2026, 7, 1), "21:05"),
        ("America/New_York", dt.date(2026, 7, 1), "08:05"),  # summer time: UTC-4
        ("Pacific/Kiritimati", dt.date(2026, 7, 2), "02:05"),  # UTC+14: the next day
    ],
)
def test_a_known_zone_gives_its_local_date_and_time_and_names_it(
    lang: Language, zone: str, day: dt.date, clock: str
) -> None:
    expected = t("small.time_in_zone", lang, date=_date(day, lang), time=clock, zone=zone)
    assert shown_time(NOON_UTC, zone, lang) == expected
    assert zone in expected and clock in expected


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize(
    "zone", [None, "", "Mars/Olympus", "../../etc/passwd", "/etc/localtime", "UTC\x00", "A" * 500]
)
def test_an_unknown_zone_stays_utc_and_says_so(lang: Language, zone: str | None) -> None:
    assert browser_zone(zone) is None
    expected = t("small.time_utc", lang, date=_date(NOON_UTC.date(), lang), time="12:05")
    assert shown_time(NOON_UTC, zone, lang) == expected
    assert "UTC" in expected


def test_a_naive_time_is_taken_as_utc() -> None:
    naive = NOON_UTC.replace(tzinfo=None)
    assert shown_time(naive, "Asia/Tokyo", "en") == shown_time(NOON_UTC, "Asia/Tokyo", "en")


def test_the_two_forms_differ_in_every_language() -> None:
    for lang in LANGUAGE_CODES:
        assert shown_time(NOON_UTC, "Asia/Tokyo", lang) != shown_time(NOON_UTC, None, lang)
