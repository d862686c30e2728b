"""When the help lines on the safety page were last checked against public sources.

The numbers themselves are catalog text (``safety_page.japan``, ``safety_page.us``), each with
its source in a comment beside it in ``locales/en.toml``; the page shows this date under them.
Check every entry again, and change the date, whenever one of them changes.
"""

from __future__ import annotations

import datetime as dt

from emotions.i18n import t
from emotions.languages import Language, format_date

HELP_LINES_CHECKED = dt.date(2026, 12, 2)


def checked_line(lang: Language) -> str:
    """ "Numbers last checked: <date>", the date written the way ``lang`` writes dates."""
    day = HELP_LINES_CHECKED
    return t("safety_page.checked", lang, date=format_date(day, lang))
