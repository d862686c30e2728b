"""Section 15: a calendar event (``.ics``) for the next check-in, a gentle reminder with no streaks.

The event is built from what the user picks (a date and time, an optional repeat, an optional
title they type) and nothing else: the workbook is not an argument, so no answer, name or note can
reach the file unless the user types it as the title. By default the title is neutral (nothing
about the relationship shows on a lock screen). The file holds no URL, no description and no
counter; its UID is random and its DTSTAMP is the moment it is built. Nothing is sent anywhere.

A title is cleaned before it is used: control characters and line breaks become spaces, runs of
white space one space, and it is cut to ``TITLE_MAX_CHARS``. The library escapes ``;``, ``,`` and
``\\`` in the file, so a typed title is always the value of SUMMARY and never a property of its own.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any, Literal, get_args

from icalendar import Calendar, Event

from emotions.clock import browser_zone
from emotions.i18n import t
from emotions.languages import Language

Repeat = Literal["none", "weekly", "fortnightly", "monthly"]
REPEATS: tuple[Repeat, ...] = get_args(Repeat)
"""The repeats offered, in the order the page lists them (catalog ``reminder.repeat_<id>``)."""

RRULES: dict[Repeat, dict[str, Any] | None] = {
    "none": None,
    "weekly": {"FREQ": "WEEKLY"},
    "fortnightly": {"FREQ": "WEEKLY", "INTERVAL": 2},
    "monthly": {"FREQ": "MONTHLY"},
}

TITLE_MAX_CHARS = 80
"""A longer typed title is cut: a lock screen shows a line, and the file stays small."""
DURATION = dt.timedelta(minutes=30)
FILE_NAME = "check-in.ics"
MIME = "text/calendar"
PRODID = "-//Workbook//Check-in reminder//EN"
"""Names no topic: someone who opens the file sees a reminder, not what it is about."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def default_title(lang: Language) -> str:
    """The neutral title: no word about the relationship, no names."""
    return t("reminder.default_title", lang)


def event_title(typed: str, lang: Language) -> str:
    """The title the event gets: the typed one on one line, trimmed and cut to
    ``TITLE_MAX_CHARS``, or the neutral default when nothing (but spaces) was typed."""
    cleaned = _SPACES.sub(" ", _CONTROL.sub(" ", typed)).strip()[:TITLE_MAX_CHARS].rstrip()
    return cleaned or default_title(lang)


def start(day: dt.date, time: dt.time, zone_name: str | None) -> dt.datetime:
    """The moment ``day`` at ``time`` on the wall clock of the browser's zone (UTC when the zone is
    unknown or not a zone)."""
    zone = browser_zone(zone_name)
    return dt.datetime.combine(day, time.replace(tzinfo=None), tzinfo=zone or dt.UTC)


def reminder_ics(
    when: dt.datetime,
    tz: str | None,
    repeat: Repeat,
    title: str,
    lang: Language,
    *,
    now: dt.datetime | None = None,
) -> bytes:
    """One VEVENT starting at ``when`` (a naive wall-clock time, or an aware one, taken in ``tz``
    when the browser named a known zone, UTC otherwise), lasting ``DURATION``, repeating as
    ``repeat`` says, titled ``event_title(title, lang)``. ``now`` is the DTSTAMP (default: now)."""
    if repeat not in RRULES:
        raise ValueError(f"unknown repeat {repeat!r}")
    zone = browser_zone(tz) or dt.UTC
    local = when.astimezone(zone) if when.tzinfo else when.replace(tzinfo=zone)
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@check-in.invalid")
    event.add("dtstamp", (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC))
    event.add("dtstart", local)
    event.add("duration", DURATION)
    event.add("summary", event_title(title, lang), parameters={"LANGUAGE": lang})
    rule = RRULES[repeat]
    if rule is not None:
        event.add("rrule", rule)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    data: bytes = calendar.to_ical()
    return data
