"""Size limits of the workbook's fields, read from the model so the rule lives in one place."""

from __future__ import annotations

from typing import Any, get_args

from annotated_types import MaxLen
from pydantic import BaseModel

from emotions.model import Note, ShortText


def _max_len(constraints: Any) -> int | None:
    for constraint in constraints:
        if isinstance(constraint, MaxLen):
            return constraint.max_length
        # pydantic's Field(...) inside Annotated carries its constraints in ``metadata``.
        nested = _max_len(getattr(constraint, "metadata", ()))
        if nested is not None:
            return nested
    return None


def max_length(model: type[BaseModel], field: str) -> int:
    """The ``max_length`` the model declares for ``field`` (characters or list entries)."""
    found = _max_len(model.model_fields[field].metadata)
    if found is None:
        raise LookupError(f"{model.__name__}.{field} declares no maximum length")
    return found


def text_max_length(annotated: Any) -> int:
    """The maximum length of an annotated text type of the model, e.g. ``ShortText``."""
    found = _max_len(get_args(annotated)[1:])
    if found is None:
        raise LookupError(f"{annotated!r} declares no maximum length")
    return found


SHORT_TEXT_MAX = text_max_length(ShortText)
NOTE_MAX = text_max_length(Note)
