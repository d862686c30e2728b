"""The workbook file: JSON out, validated JSON in, with messages a person can act on.

A rejected document never replaces anything: ``load_workbook`` either returns a new, fully valid
``Workbook`` or raises ``WorkbookError`` listing each problem (the field and what is wrong with it),
which ``problem_messages`` turns into sentences in either language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from emotions.i18n import t
from emotions.model import SCHEMA_VERSION, Language, Workbook

MAX_BYTES = 500_000
"""Largest workbook file accepted (a full workbook is about 15 KB). Kept under the server's 1 MB
upload limit on purpose, so that a too-large file gets our message in the user's language."""
MAX_PROBLEMS = 8
"""At most this many problems are reported; the rest are summarised in one line."""

MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}
"""``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (a field path, maybe empty) and what (a code)."""

    code: str
    path: tuple[str | int, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)


class WorkbookError(ValueError):
    """A document that is not a workbook this version can open."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.path))}: {p.code}" for p in problems))
        self.problems = problems


def dump_workbook(wb: Workbook) -> str:
    """The workbook as a JSON document (UTF-8 text, Japanese kept readable)."""
    return wb.model_dump_json(indent=2)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a workbook")


def _parse(data: bytes | str) -> Any:
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        raise WorkbookError([Problem("too_large", values={"limit_kb": MAX_BYTES // 1000})])
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkbookError([Problem("not_json")]) from None


def _migrate(doc: dict[str, Any]) -> dict[str, Any]:
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorkbookError([Problem("no_version", ("schema_version",))])
    if version > SCHEMA_VERSION:
        raise WorkbookError([Problem("newer_version", ("schema_version",), {"version": version})])
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise WorkbookError(
                [Problem("unknown_version", ("schema_version",), {"version": version})]
            )
        doc = step(doc)
        version += 1
        doc["schema_version"] = version
    return doc


_TYPE_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "less_than_equal": "too_high",
    "less_than": "too_high",
    "greater_than_equal": "too_low",
    "greater_than": "too_low",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "literal_error": "not_allowed",
    "string_pattern_mismatch": "not_allowed",
}


def _problem_from_pydantic(error: Any) -> Problem:
    code = _TYPE_CODES.get(error["type"], "wrong_type")
    ctx = error.get("ctx") or {}
    values: dict[str, Any] = {}
    if code in ("too_high", "too_low"):
        values["limit"] = ctx.get("le", ctx.get("lt", ctx.get("ge", ctx.get("gt", ""))))
    elif code in ("too_long", "too_many"):
        values["limit"] = ctx.get("max_length", "")
    return Problem(code, tuple(error["loc"]), values)


def load_workbook(data: bytes | str) -> Workbook:
    """Parse, migrate and validate a workbook document, or raise ``WorkbookError``."""
    doc = _parse(data)
    if not isinstance(doc, dict):
        raise WorkbookError([Problem("not_object")])
    doc = _migrate(doc)
    try:
        return Workbook.model_validate(doc)
    except ValidationError as exc:
        raise WorkbookError([_problem_from_pydantic(e) for e in exc.errors()]) from None


def problem_messages(error: WorkbookError, lang: Language) -> list[str]:
    """One sentence per problem in ``lang``, naming the field where there is one."""
    messages = []
    for problem in error.problems[:MAX_PROBLEMS]:
        text = t(f"io.problem.{problem.code}", lang, **problem.values)
        if problem.path:
            where = " \u203a ".join(str(part) for part in problem.path)
            text = t("io.at_field", lang, field=where, problem=text)
        messages.append(text)
    hidden = len(error.problems) - MAX_PROBLEMS
    if hidden > 0:
        messages.append(t("io.more_problems", lang, count=hidden))
    return messages
