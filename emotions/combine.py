"""Answer separately, combine later: partner files and combining workbooks without losing anything.

A partner file is a workbook that holds one partner's half only. Combining works answer by answer:
"not answered" (``None``, or an empty text, list or table) is never an answer, so whatever one
workbook answered and the other left open is taken as it is. Only where both hold a real answer
and the two differ is there a conflict, which the user settles by choosing which side to keep
(per partner, and once for the couple's shared answers). Nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from emotions.model import PARTNER_IDS, Partner, PartnerId, Workbook
from emotions.sections import COUPLE_FIELDS

Side = Literal["current", "incoming"]
ConflictId = Literal["a", "b", "shared"]
"""A partner whose answers differ in both workbooks, or the couple's shared answers."""

_SHARED_FIELDS = tuple(f for f in COUPLE_FIELDS if f not in ("mode", "checkins"))
"""The couple's shared answers, merged answer by answer like a partner's. ``mode`` is how this
device works; check-ins are merged entry by entry."""

_PARTNER_DEPTH: dict[str, int] = {
    "ratings": 2,  # dimension -> question -> answer
    "meta_emotion": 2,  # emotion -> belief -> answer
    "channels": 2,  # channel -> show/notice -> answer
    "safety": 1,  # kind of feeling -> answer
    "reflections": 1,  # section -> note
}
"""How many levels of tables lead to one answer in a partner's fields; every other field (the
name, each list) is one answer as a whole."""
_SHARED_DEPTH: dict[str, int] = {"area_notes": 1}
"""The same for the shared answers (a vulnerable moment is one answer as a whole)."""


def _unanswered(value: object) -> bool:
    """Whether a stored value means "not answered": None, or an empty text, list or table."""
    return value is None or (isinstance(value, str | list | dict) and not value)


def _answers(value: Any, depth: int) -> int:
    """How many answers ``value`` holds (a table is walked ``depth`` levels down)."""
    if depth and isinstance(value, dict):
        return sum(_answers(item, depth - 1) for item in value.values())
    return 0 if _unanswered(value) else 1


@dataclass
class _Merge:
    """One merge of two dumped values: what came from ``theirs`` and where both answered."""

    take_theirs: bool
    """Which side a conflicting answer is taken from."""
    conflicts: int = 0
    taken: int = 0
    """Answers the result holds from ``theirs`` that ``ours`` did not have."""

    def value(self, ours: Any, theirs: Any, depth: int) -> Any:
        if _unanswered(theirs):
            return ours
        if _unanswered(ours):
            self.taken += _answers(theirs, depth)
            return theirs
        if depth and isinstance(ours, dict) and isinstance(theirs, dict):
            merged = {
                k: self.value(item, theirs[k], depth - 1) if k in theirs else item
                for k, item in ours.items()
            }
            for k, item in theirs.items():
                if k not in ours:  # kept as it is (an empty entry stays an empty entry)
                    self.taken += _answers(item, depth - 1)
                    merged[k] = item
            return merged
        if ours == theirs:
            return ours
        self.conflicts += 1
        if self.take_theirs:
            self.taken += 1
            return theirs
        return ours

    def fields(
        self, ours: dict[str, Any], theirs: dict[str, Any], depths: Mapping[str, int]
    ) -> dict[str, Any]:
        return {name: self.value(ours[name], theirs[name], depths.get(name, 0)) for name in ours}


def partner_file(wb: Workbook, pid: PartnerId) -> Workbook:
    """A workbook with only ``pid``'s own answers, to be combined with the other partner's file."""
    return Workbook(
        language=wb.language,
        mode="separate",
        partners={pid: wb.partner(pid).model_copy(deep=True)},
    )


def answer_total(partner: Partner) -> int:
    """How many answers a partner holds, of every kind (a name counts as one)."""
    dumped = partner.model_dump()
    return sum(_answers(dumped[name], _PARTNER_DEPTH.get(name, 0)) for name in dumped)


def is_blank(partner: Partner) -> bool:
    """Whether a partner has answered nothing (every question still "not answered")."""
    return answer_total(partner) == 0


def _shared(wb: Workbook) -> dict[str, Any]:
    return {name: wb.model_dump(include={name})[name] for name in _SHARED_FIELDS}


def _shared_answers(wb: Workbook) -> int:
    shared = _shared(wb)
    return sum(_answers(shared[name], _SHARED_DEPTH.get(name, 0)) for name in shared)


def workbook_is_blank(wb: Workbook) -> bool:
    """Whether a workbook holds no answer at all (so replacing it loses nothing)."""
    return (
        all(is_blank(p) for p in wb.partners.values())
        and not wb.checkins
        and _shared_answers(wb) == 0
    )


@dataclass(frozen=True)
class Combination:
    """The outcome of combining: the combined workbook and what needed (or still needs) a choice."""

    workbook: Workbook
    conflicts: list[ConflictId]
    """Where both workbooks hold different real answers; ``choices`` decides each (default:
    current) for those answers only, the rest is merged either way."""
    added: list[PartnerId]
    """Partners that came from the incoming workbook (the current one lacked them or held
    nothing of them)."""
    answers_added: int = 0
    """How many answers the combined workbook holds from the incoming one that the current one
    did not have (answers newly given, conflicting ones taken from the file, new check-ins)."""


def _merge_partner(ours: Partner, theirs: Partner, take_theirs: bool) -> tuple[Partner, int, int]:
    """``ours`` and ``theirs`` merged answer by answer: (partner, conflicts, answers taken)."""
    merge = _Merge(take_theirs)
    merged = merge.fields(ours.model_dump(), theirs.model_dump(), _PARTNER_DEPTH)
    try:
        return Partner.model_validate(merged), merge.conflicts, merge.taken
    except ValidationError:
        # Only the union of two long tables (feelings, up to 20 each) can be too long: then the
        # two are not merged, one is kept whole, and the user chooses which.
        whole = theirs if take_theirs else ours
        return whole.model_copy(deep=True), 1, answer_total(whole) if take_theirs else 0


def combine(
    current: Workbook, incoming: Workbook, choices: Mapping[ConflictId, Side] | None = None
) -> Combination:
    """Combine ``incoming`` into a copy of ``current``. Neither argument is changed.

    A partner's answers and the couple's shared answers are merged answer by answer: an answer
    one side left open is taken from the other. Where both answered differently that is a
    conflict: the current answer is kept unless ``choices`` says "incoming" for that partner
    (or for "shared"). A partner file with nothing answered adds nothing. Check-ins from both
    are kept (without duplicates), as are visited sections.
    """
    choices = choices or {}
    result = current.model_copy(deep=True)
    conflicts: list[ConflictId] = []
    added: list[PartnerId] = []
    taken = 0
    for pid in PARTNER_IDS:
        theirs = incoming.partners.get(pid)
        if theirs is None or is_blank(theirs):
            continue
        ours = result.partners.get(pid)
        if ours is None or is_blank(ours):
            result.partners[pid] = theirs.model_copy(deep=True)
            added.append(pid)
            taken += answer_total(theirs)
            continue
        merged, clashes, count = _merge_partner(ours, theirs, choices.get(pid) == "incoming")
        result.partners[pid] = merged
        taken += count
        if clashes:
            conflicts.append(pid)
    shared = _Merge(choices.get("shared") == "incoming")
    values = shared.fields(_shared(result), _shared(incoming), _SHARED_DEPTH)
    for name, value in values.items():
        setattr(result, name, value)  # validated on assignment
    if shared.conflicts:
        conflicts.append("shared")
    taken += shared.taken
    for checkin in incoming.checkins:
        if checkin not in result.checkins:
            result.checkins.append(checkin.model_copy(deep=True))
            taken += 1
    result.checkins.sort(key=lambda c: c.date)
    result.visited.extend(s for s in incoming.visited if s not in result.visited)
    result.sample = None if taken or conflicts else result.sample
    result.touch()
    return Combination(result, conflicts, added, taken)
