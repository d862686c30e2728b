"""Keeping a copy of the workbook in the browser, and knowing what has been downloaded.

Pure helpers for ``ui/keep.py``: what the browser reported it holds, reading a stored copy (the
same validation as an uploaded file: ``workbook_io.load_workbook``), and a digest of the answers
that tells whether they changed since the workbook file was last downloaded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from emotions.combine import workbook_is_blank
from emotions.model import Workbook
from emotions.turns import Stage, private_stage
from emotions.workbook_io import Problem, WorkbookError, load_workbook

_NOT_ANSWERS = {"updated", "language", "visited"}
"""Fields that change without any answer changing: when, in which language, which pages seen."""


@dataclass(frozen=True)
class BrowserReport:
    """What the browser holds, as its storage component reported it once at start."""

    nonce: str
    """The session the report answers (a report for another session is ignored)."""
    keep_on: bool
    """Whether keeping a copy was switched on when this browser last used the app."""
    stored: object
    """The stored copy as the browser gave it: normally JSON text, None when there is none.
    Anything else (a tampered store) is read as a broken copy, never trusted."""
    turn: Stage | None = None
    """The private pass-and-play stage the copy was kept during (None: outside the flow).
    Restoring such a copy goes back to that stage, so that a reload or a new tab in the middle
    of the turns shows nothing of the first partner's answers (issue 16, item 7)."""


def parse_report(value: object) -> BrowserReport | None:
    """The report sent by the browser, or None when it is not one (wrong shape)."""
    if not isinstance(value, Mapping):
        return None
    nonce = value.get("nonce")
    if not isinstance(nonce, str):
        return None
    return BrowserReport(
        nonce, value.get("on") is True, value.get("text"), private_stage(value.get("turn"))
    )


def read_stored_copy(stored: object) -> Workbook:
    """The workbook in a stored copy, validated like an uploaded file, or ``WorkbookError``."""
    if not isinstance(stored, str):
        raise WorkbookError([Problem("not_json")])
    return load_workbook(stored)


def worth_keeping(wb: Workbook) -> bool:
    """Whether the workbook holds anything to keep (a blank one is never stored)."""
    return not workbook_is_blank(wb)


def stored_text(wb: Workbook) -> str:
    """The text kept in the browser: the workbook document, compact."""
    return wb.model_dump_json()


def answers_digest(wb: Workbook) -> str:
    """A fingerprint of the answers: equal digests, same answers in the downloaded file."""
    text = wb.model_dump_json(exclude=_NOT_ANSWERS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def unsaved(wb: Workbook, downloaded: str | None) -> bool:
    """Whether the workbook holds answers that are not in the last downloaded workbook file
    (``downloaded``: that file's ``answers_digest``, None if none was downloaded)."""
    if downloaded is None:
        return worth_keeping(wb)
    return answers_digest(wb) != downloaded
