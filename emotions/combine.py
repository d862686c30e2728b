"""Answer separately, combine later: partner files and combining workbooks without losing anything.

A partner file is a workbook that holds one partner's half only. Combining adds what the current
workbook lacks; where both hold the same partner (or shared answers) and they differ, that is a
conflict the user settles by choosing which to keep. Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from emotions.model import PARTNER_IDS, Partner, PartnerId, Workbook
from emotions.sections import COUPLE_FIELDS

Side = Literal["current", "incoming"]
ConflictId = Literal["a", "b", "shared"]
"""A partner whose answers differ in both workbooks, or the couple's shared answers."""

_SHARED_FIELDS = tuple(f for f in COUPLE_FIELDS if f not in ("mode", "checkins"))
"""The couple's shared answers that one file's version replaces the other's (after a choice when
both differ). ``mode`` is how this device works; check-ins are merged entry by entry."""


def partner_file(wb: Workbook, pid: PartnerId) -> Workbook:
    """A workbook with only ``pid``'s own answers, to be combined with the other partner's file."""
    return Workbook(
        language=wb.language,
        mode="separate",
        partners={pid: wb.partner(pid).model_copy(deep=True)},
    )


def is_blank(partner: Partner) -> bool:
    """Whether a partner has answered nothing (a fresh partner with every default)."""
    return partner == Partner()


def workbook_is_blank(wb: Workbook) -> bool:
    """Whether a workbook holds no answer at all (so replacing it loses nothing)."""
    fresh = Workbook()
    return (
        all(is_blank(p) for p in wb.partners.values())
        and not wb.checkins
        and all(getattr(wb, f) == getattr(fresh, f) for f in _SHARED_FIELDS)
    )


def _shared(wb: Workbook) -> tuple[object, ...]:
    return tuple(getattr(wb, f) for f in _SHARED_FIELDS)


def _shared_is_empty(wb: Workbook) -> bool:
    return _shared(wb) == _shared(Workbook())


@dataclass(frozen=True)
class Combination:
    """The outcome of combining: the combined workbook and what needed (or still needs) a choice."""

    workbook: Workbook
    conflicts: list[ConflictId]
    """Where both workbooks hold different answers; ``choices`` decides each (default: current)."""
    added: list[PartnerId]
    """Partners that came from the incoming workbook."""


def combine(
    current: Workbook, incoming: Workbook, choices: Mapping[ConflictId, Side] | None = None
) -> Combination:
    """Combine ``incoming`` into a copy of ``current``. Neither argument is changed.

    A partner the current workbook lacks (or holds blank) is taken from ``incoming``; one that
    both hold with different answers is a conflict, kept from ``choices`` (current by default).
    Shared answers are taken from ``incoming`` where the current ones are empty, else they are a
    conflict too. Check-ins from both are kept (without duplicates), as are visited sections.
    """
    choices = choices or {}
    result = current.model_copy(deep=True)
    conflicts: list[ConflictId] = []
    added: list[PartnerId] = []
    for pid in PARTNER_IDS:
        theirs = incoming.partners.get(pid)
        if theirs is None or is_blank(theirs):
            continue
        ours = result.partners.get(pid)
        if ours is None or is_blank(ours):
            result.partners[pid] = theirs.model_copy(deep=True)
            added.append(pid)
        elif ours != theirs:
            conflicts.append(pid)
            if choices.get(pid) == "incoming":
                result.partners[pid] = theirs.model_copy(deep=True)
    if not _shared_is_empty(incoming) and _shared(incoming) != _shared(result):
        take_incoming = _shared_is_empty(result)
        if not take_incoming:
            conflicts.append("shared")
            take_incoming = choices.get("shared") == "incoming"
        if take_incoming:
            theirs_copy = incoming.model_copy(deep=True)
            for name in _SHARED_FIELDS:
                setattr(result, name, getattr(theirs_copy, name))
    for checkin in incoming.checkins:
        if checkin not in result.checkins:
            result.checkins.append(checkin.model_copy(deep=True))
    result.checkins.sort(key=lambda c: c.date)
    result.visited.extend(s for s in incoming.visited if s not in result.visited)
    result.sample = None if added or conflicts else result.sample
    result.touch()
    return Combination(result, conflicts, added)
