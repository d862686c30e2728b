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


Change = Callable[[Any], Any]
_Node = dict[str | None, Any]
"""A tree of paths: one child per step, the change to make at a path under ``None``."""


def _tree(changes: Iterable[tuple[list[str], Change]]) -> _Node:
    root: _Node = {}
    for path, change in changes:
        node = root
        for step in path:
            node = node.setdefault(step, {})
        node[None] = change
    return root


def _apply(value: Any, node: _Node) -> Any:
    """``value`` with every change of ``node`` made below it, in one pass; copies only what
    holds a change."""
    if value is None:
        return None
    if "*" in node:
        value = {key: _apply(item, node["*"]) for key, item in value.items()}
    if "[]" in node:
        value = [_apply(item, node["[]"]) for item in value]
    fields = [step for step in node if step not in (None, "*", "[]")]
    if fields:
        if not isinstance(value, BaseModel):
            raise TypeError(f"no fields {fields} in {value!r}")
        update = {step: _apply(getattr(value, step), node[step]) for step in fields}
        value = value.model_copy(update=update)
    if None in node:
        value = node[None](value)
    return value


Plan = list[tuple[list[str], Change]]
"""Changes to make, each at a path (as its steps): see ``apply``."""


def mapping(change: Callable[[str], str], fields: Iterable[FreeText] = FREE_TEXT) -> Plan:
    """Apply ``change`` to every text of ``fields`` (a value in a field's ``ids`` stays)."""

    def keeping(ids: frozenset[str]) -> Change:
        return lambda text: text if text in ids else change(text)

    return [(steps(field.path), keeping(field.ids)) for field in fields]


def _emptied(holder: Any) -> Any:
    return type(holder)()


def _blank(_: Any) -> str:
    return ""


def folding(fields: Iterable[FreeText] = NOTES) -> Plan:
    """Take the texts of ``fields`` out: each blanked, or the dict or list it sits in emptied
    (``FreeText.hidden``)."""
    plan: Plan = []
    for field in fields:
        path = steps(field.path)
        if field.hidden == "blank":
            plan.append((path, _blank))
        else:
            last = max(i for i, step in enumerate(path) if step in ("*", "[]"))
            plan.append((path[:last], _emptied))
    return plan


def apply(wb: Workbook, plan: Plan) -> Workbook:
    """A copy of ``wb`` with every change of ``plan`` made, in one pass over the workbook (only
    what holds a change is copied). ``wb`` itself is not changed."""
    result: Workbook = _apply(wb, _tree(plan))
    return result


def map_text(
    wb: Workbook, change: Callable[[str], str], fields: Iterable[FreeText] = FREE_TEXT
) -> Workbook:
    """A copy of ``wb`` with ``change`` applied to every text of ``fields`` (see ``mapping``)."""
    return apply(wb, mapping(change, fields))


def fold(wb: Workbook, fields: Iterable[FreeText] = NOTES) -> Workbook:
    """A copy of ``wb`` without the texts of ``fields`` (see ``folding``)."""
    return apply(wb, folding(fields))


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
