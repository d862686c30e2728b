"""Every field of the couple's own words, from the section registry: found, mapped and folded.

``FREE_TEXT`` is the partners' names (``sections.NAME``) and every other free-text field the frame
and the sections declare (``NOTES``). Presentation mode (``presentation_view``) folds the notes
away or takes the names out of them, and an anonymous export (``presentation.anonymised``) takes
the names out of every one: both loop over these declarations, so a field a new section declares
is covered by both without touching them. ``tests/unit/test_sections.py`` fails on a free-text
field of the model that no section (or the frame) declares.

Copies are made with ``model_copy(update=...)``, which does not validate: a name replaced by the
longer "Partner A" may take a full note past its length limit, and these copies are only shown
or exported, never stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from emotions.model import Workbook
from emotions.sections import FRAME_FREE_TEXT, NAME, SECTIONS, FreeText

FREE_TEXT: tuple[FreeText, ...] = (
    *FRAME_FREE_TEXT,
    *(field for spec in SECTIONS for field in spec.free_text),
)
"""Every free-text field of the workbook: the frame's (names, reflection notes), then the
sections' in their order."""
NOTES: tuple[FreeText, ...] = tuple(field for field in FREE_TEXT if field != NAME)
"""Every free-text field but the names: the couple's own words."""


def steps(path: str) -> list[str]:
    """A path as its steps: ``partners.*.rewrites[].need`` → partners, *, rewrites, [], need."""
    found: list[str] = []
    for part in path.split("."):
        if part.endswith("[]"):
            found += [part[:-2], "[]"]
        else:
            found.append(part)
    return found


def _map(value: Any, rest: list[str], change: Callable[[Any], Any]) -> Any:
    """``value`` with ``change`` applied at ``rest`` below it; copies only along the way."""
    if not rest:
        return change(value)
    if value is None:
        return None
    step, below = rest[0], rest[1:]
    if step == "*":
        return {key: _map(item, below, change) for key, item in value.items()}
    if step == "[]":
        return [_map(item, below, change) for item in value]
    if not isinstance(value, BaseModel):
        raise TypeError(f"no field {step!r} in {value!r}")
    return value.model_copy(update={step: _map(getattr(value, step), below, change)})


def map_text(
    wb: Workbook, change: Callable[[str], str], fields: Iterable[FreeText] = FREE_TEXT
) -> Workbook:
    """A copy of ``wb`` with ``change`` applied to every text of ``fields`` (a value listed in a
    field's ``ids`` stays as it is). ``wb`` itself is not changed."""
    for field in fields:

        def one(text: str, field: FreeText = field) -> str:
            return text if text in field.ids else change(text)

        wb = _map(wb, steps(field.path), one)
    return wb


def fold(wb: Workbook, fields: Iterable[FreeText] = NOTES) -> Workbook:
    """A copy of ``wb`` without the texts of ``fields``: each blanked, or the dict or list it
    sits in emptied (``FreeText.hidden``)."""
    for field in fields:
        path = steps(field.path)
        if field.hidden == "drop":
            last = max(i for i, step in enumerate(path) if step in ("*", "[]"))
            wb = _map(wb, path[:last], lambda holder: type(holder)())
        else:
            wb = _map(wb, path, lambda _: "")
    return wb


def _leaves(value: Any, rest: list[str], where: str) -> Iterator[tuple[str, Any]]:
    if not rest:
        yield where, value
        return
    if value is None:
        return
    step, below = rest[0], rest[1:]
    if step == "*":
        for key, item in value.items():
            yield from _leaves(item, below, f"{where}.{key}")
    elif step == "[]":
        for i, item in enumerate(value):
            yield from _leaves(item, below, f"{where}[{i}]")
    else:
        yield from _leaves(getattr(value, step), below, f"{where}.{step}".lstrip("."))


def values_at(wb: Workbook, path: str) -> list[tuple[str, Any]]:
    """(concrete path, value) of everything ``path`` names in ``wb``: ``partners.*.name`` gives
    ``partners.a.name`` and ``partners.b.name``; a missing optional part gives nothing."""
    return list(_leaves(wb, steps(path), ""))


def texts(wb: Workbook, fields: Iterable[FreeText] = FREE_TEXT) -> dict[str, str]:
    """Every text of ``fields`` in ``wb``, by concrete path (``partners.a.rewrites[0].need``)."""
    return {where: text for field in fields for where, text in values_at(wb, field.path)}
