"""Answers that would be lost: when leaving the page should ask first, and when to offer a copy.

A session's answers live on the server only while its tab is open. They are safe when they are
in a downloaded workbook file (``keep.answers_digest`` of the last download equals the answers'
now) or when a copy is kept in this browser. Pure helpers for ``ui/unsaved.py``.
"""

from __future__ import annotations

from emotions import keep, samples
from emotions.combine import workbook_is_blank
from emotions.model import Workbook


def holds_own_answers(wb: Workbook) -> bool:
    """Whether ``wb`` holds anything of the user's: not blank, and not a sample left unchanged
    (a sample can be loaded again at any time; losing it loses nothing)."""
    return not workbook_is_blank(wb) and samples.sample_language(wb) is None


def at_risk(wb: Workbook, downloaded: str | None, *, kept_in_browser: bool) -> bool:
    """Whether closing or reloading the page now would lose answers: the user's own answers
    that are not in the last downloaded workbook file (``downloaded``: that file's
    ``keep.answers_digest``, None if none was downloaded), while no copy is kept in the browser."""
    if kept_in_browser or not holds_own_answers(wb):
        return False
    return keep.unsaved(wb, downloaded)


def offer_copy(wb: Workbook, *, kept_in_browser: bool | None, offered: bool) -> bool:
    """Whether to offer, once a session, to keep a copy in this browser: the workbook holds the
    user's first answers, keeping is known to be off (``None``: the browser has not said yet),
    and the offer was not made (and taken or dismissed) before."""
    return not offered and kept_in_browser is False and holds_own_answers(wb)
