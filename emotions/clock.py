"""Times shown to a user, in the time zone of their browser (``st.context.timezone``).

The server keeps every time in UTC. A time shown on screen is turned into the browser's zone when
the browser named one Python knows (an IANA name such as ``Asia/Tokyo``); otherwise it stays in
UTC and says so.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from emotions.i18n import t
from emotions.languages import Language, spec


def browser_zone(name: str | None) -> ZoneInfo | None:
    """The zone the browser named, or None when it named none or one that is not a zone (the
    name comes from the browser: anything but a known IANA name is refused)."""
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def shown_time(when: dt.datetime, zone_name: str | None, lang: Language) -> str:
    """``when`` as a date and a time of day in the browser's zone, naming the zone (UTC, labelled
    as such, when the zone is unknown). A naive ``when`` is taken as UTC."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    zone = browser_zone(zone_name)
    local = when.astimezone(zone or dt.UTC)
    values = {
        "date": spec(lang).date_format.format(year=local.year, month=local.month, day=local.day),
        "time": f"{local.hour:02d}:{local.minute:02d}",
    }
    if zone is None:
        return t("small.time_utc", lang, **values)
    return t("small.time_in_zone", lang, zone=zone.key, **values)
