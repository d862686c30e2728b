"""The workbook file: JSON out, validated JSON in, with messages a person can act on.

A rejected document never replaces anything: ``load_workbook`` either returns a new, fully valid
``Workbook`` or raises ``WorkbookError`` listing each problem (the field and what is wrong with it),
which ``problem_messages`` turns into sentences in either language. ``receive_upload`` says what an
uploaded file does to the session's workbook (replace it, join it, wait for a choice, or nothing).

Whatever the bytes (any encoding, any nesting, any size), nothing here raises anything but
``WorkbookError``: ``tests/unit/test_fuzz_upload.py`` and ``bench/fuzz_upload.py`` fuzz that.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from emotions.combine import combine, workbook_is_blank
from emotions.i18n import t
from emotions.model import SCHEMA_VERSION, Language, Workbook

MAX_BYTES = 500_000
"""Largest workbook file accepted (a full workbook is about 15 KB). Kept under the server's 1 MB
upload limit on purpose, so that a too-large file gets our message in the user's language."""
MAX_PROBLEMS = 8
"""At most this many problems are reported; the rest are summarised in one line."""
MAX_VALUES = 10_000
"""Most values (numbers, texts, lists, objects) a document may hold. The fullest workbook holds
about 2,400 (every list and table filled, 200 check-ins); validating a bomb of 60,000 small
values within ``MAX_BYTES`` took a quarter of a second of CPU, so it is refused before that."""
MAX_KEYS = 100
"""Most keys one object may have (the widest in a workbook has 20)."""
FIELD_PART_MAX = 40
"""A step of a field path is shown with at most this many characters (a key can be any text)."""


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no "not answered" for need and importance: every value a version-1 file
    holds was saved by its owner and stays an answer; a key it lacks stays unanswered (nothing
    is invented). ``null`` for either was never valid in version 1: such a file mixes the two
    versions and is refused whole."""
    partners = doc.get("partners")
    if not isinstance(partners, dict):
        return doc  # validation says what is wrong
    problems = [
        Problem("not_allowed", ("partners", pid, "ratings", dim, kind))
        for pid, partner in partners.items()
        if isinstance(partner, dict) and isinstance(partner.get("ratings"), dict)
        for dim, rating in partner["ratings"].items()
        if isinstance(rating, dict)
        for kind in ("need", "importance")
        if kind in rating and rating[kind] is None
    ]
    if problems:
        raise WorkbookError(problems[:MAX_PROBLEMS], len(problems))
    return doc


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` one."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (a field path, maybe empty) and what (a code)."""

    code: str
    path: tuple[str | int, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)


class WorkbookError(ValueError):
    """A document that is not a workbook this version can open.

    ``problems``: what is wrong, or the first of it; ``count``: how many problems there are in
    all (a hostile document can hold tens of thousands, and only ``MAX_PROBLEMS`` are shown)."""

    def __init__(self, problems: list[Problem], count: int | None = None) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, p.path))}: {p.code}" for p in problems))
        self.problems = problems
        self.count = len(problems) if count is None else max(count, len(problems))


def _validation_error(exc: ValidationError) -> WorkbookError:
    """The problems pydantic found, only the first ``MAX_PROBLEMS`` of them converted: turning
    60,000 errors (a 500 KB document of unknown keys) into problems took half a second of CPU."""
    errors = exc.errors(include_url=False, include_input=False)
    first = [_problem_from_pydantic(e) for e in errors[:MAX_PROBLEMS]]
    return WorkbookError(first, exc.error_count())


def dump_workbook(wb: Workbook) -> str:
    """The workbook as a JSON document (UTF-8 text, Japanese kept readable)."""
    return wb.model_dump_json(indent=2)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a workbook")


def _size(data: bytes | str) -> int:
    """Bytes of the document in UTF-8. Text from a browser may hold lone surrogates (JSON's
    ``"\\ud800"`` escape decodes to one): they are counted, not an error."""
    if isinstance(data, bytes) or len(data) > MAX_BYTES:  # a character is at least one byte
        return len(data)
    return len(data.encode("utf-8", "surrogatepass"))


def _parse(data: bytes | str) -> Any:
    if _size(data) > MAX_BYTES:
        raise WorkbookError([Problem("too_large", values={"limit_kb": MAX_BYTES // 1000})])
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text, parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise WorkbookError([Problem("not_json")]) from None


def _check_shape(doc: dict[str, Any]) -> None:
    """Refuse a document with far more values, or a far wider object, than any workbook, before
    it is validated (cheap: the walk stops at the first value too many)."""
    pending: list[Any] = [doc]
    seen = 0
    while pending:
        node = pending.pop()
        seen += 1
        if isinstance(node, dict):
            if len(node) > MAX_KEYS:
                seen = MAX_VALUES + 1
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
        if seen > MAX_VALUES:
            raise WorkbookError([Problem("too_complex")])


def _shown_version(version: int) -> str:
    """A version number as a message shows it: a number of thousands of digits is cut short."""
    text = str(version)
    return text if len(text) <= 12 else text[:11] + "\u2026"


def _migrate(doc: dict[str, Any]) -> dict[str, Any]:
    version = doc.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorkbookError([Problem("no_version", ("schema_version",))])
    if version > SCHEMA_VERSION:
        shown = {"version": _shown_version(version)}
        raise WorkbookError([Problem("newer_version", ("schema_version",), shown)])
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            shown = {"version": _shown_version(version)}
            raise WorkbookError([Problem("unknown_version", ("schema_version",), shown)])
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
    _check_shape(doc)
    doc = _migrate(doc)
    try:
        return Workbook.model_validate(doc)
    except ValidationError as exc:
        raise _validation_error(exc) from None


UploadKind = Literal["rejected", "replaced", "combined", "conflicts", "confirm"]


@dataclass(frozen=True)
class Upload:
    """What one uploaded workbook file does to the session's workbook (``receive_upload``)."""

    kind: UploadKind
    """``rejected``: nothing changes (``error`` says why). ``replaced``: the file takes the place of
    a blank workbook. ``combined``: the file's answers join the session's. ``conflicts``: both hold
    different answers for the same person, the user chooses first. ``confirm``: the file would
    replace answers on screen, the user confirms first."""
    workbook: Workbook | None = None
    """``replaced``/``combined``: the session's new workbook; ``conflicts``/``confirm``: the file's
    workbook, held until the user has chosen; ``rejected``: None."""
    added: int = 0
    """``combined``: how many answers came from the file (``Combination.answers_added``)."""
    error: WorkbookError | None = None

    def messages(self, lang: Language) -> list[str]:
        """Why the file was rejected, in ``lang`` (empty when it was not)."""
        return problem_messages(self.error, lang) if self.error is not None else []


def receive_upload(data: bytes | str, current: Workbook, *, resume: bool) -> Upload:
    """What the uploaded ``data`` does to ``current``, the session's workbook (never changed here).

    ``resume``: the file is to resume from (a whole workbook replaces a blank one, or asks
    first; a partner file joins). Otherwise it is a file to combine with (always joins).
    A combination that would not be a valid workbook (too many check-ins from both), whatever
    the user keeps where both differ, is rejected like a broken file: the workbook on screen can
    always be saved and opened again.
    """
    try:
        incoming = load_workbook(data)
    except WorkbookError as error:
        return Upload("rejected", error=error)
    if resume and len(incoming.partners) != 1:
        return Upload("replaced" if workbook_is_blank(current) else "confirm", incoming)
    result = combine(current, incoming)
    try:
        # Check-ins and visited pages are merged from both, whatever the user chooses later:
        # if this combination is valid, so is every choice the user can make among conflicts.
        combined = Workbook.model_validate(result.workbook.model_dump())
    except ValidationError as exc:
        return Upload("rejected", error=_validation_error(exc))
    if result.conflicts:
        return Upload("conflicts", incoming)
    return Upload("combined", combined, added=result.answers_added)


_PATH_MARKERS = frozenset({"[key]"})
"""Steps pydantic adds to a path itself (a dict's key was wrong), shown as they are."""


def field_part(part: str | int) -> str:
    """One step of a field path as shown to the user.

    A key in the file can be any text; the message is rendered as Markdown. Only letters, digits,
    spaces, ``_`` and ``-`` are shown (every other character as ``?``), at most ``FIELD_PART_MAX``
    of them: a hostile key can then neither link, nor make the browser fetch an image, nor flood
    the screen, whichever page shows the message."""
    text = str(part)
    if text in _PATH_MARKERS:
        return text
    # Each character is shown as one: the first FIELD_PART_MAX + 1 tell whether to shorten.
    head = text[: FIELD_PART_MAX + 1]
    shown = "".join(c if c.isalnum() or c in " _-" else "?" for c in head) or "?"
    if len(shown) > FIELD_PART_MAX:
        shown = shown[: FIELD_PART_MAX - 1] + "\u2026"
    return shown


def problem_messages(error: WorkbookError, lang: Language) -> list[str]:
    """One sentence per problem in ``lang``, naming the field where there is one."""
    messages = []
    for problem in error.problems[:MAX_PROBLEMS]:
        text = t(f"io.problem.{problem.code}", lang, **problem.values)
        if problem.path:
            where = " \u203a ".join(field_part(part) for part in problem.path)
            text = t("io.at_field", lang, field=where, problem=text)
        messages.append(text)
    hidden = error.count - min(len(error.problems), MAX_PROBLEMS)
    if hidden > 0:
        messages.append(t("io.more_problems", lang, count=hidden))
    return messages
