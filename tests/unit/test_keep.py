"""The pure side of keeping a copy in the browser: reading what the browser reports, validating a
stored copy like an uploaded file, and telling whether answers changed since the last download."""

from __future__ import annotations

import json

import pytest

from emotions import keep
from emotions.model import Workbook
from emotions.workbook_io import WorkbookError, dump_workbook
from tests.couples import full_workbook


def test_a_report_needs_a_session_nonce_and_trusts_nothing_else() -> None:
    assert keep.parse_report(None) is None
    assert keep.parse_report("text") is None
    assert keep.parse_report({"on": True}) is None
    assert keep.parse_report({"nonce": 3}) is None
    report = keep.parse_report({"nonce": "n1", "on": True, "text": "{}"})
    assert report == keep.BrowserReport("n1", True, "{}")
    # Only a real true switches keeping on; anything else a browser sends does not.
    assert keep.parse_report({"nonce": "n", "on": "yes"}).keep_on is False  # type: ignore[union-attr]
    assert keep.parse_report({"nonce": "n"}).stored is None  # type: ignore[union-attr]


def test_a_stored_copy_round_trips() -> None:
    wb = full_workbook()
    assert keep.read_stored_copy(keep.stored_text(wb)) == wb
    assert keep.read_stored_copy(dump_workbook(wb)) == wb


@pytest.mark.parametrize(
    ("stored", "code"),
    [
        ("{not json", "not_json"),
        ("", "not_json"),
        (["a", "list"], "not_json"),
        (42, "not_json"),
        ("[1, 2]", "not_object"),
        (json.dumps({"schema_version": 7}), "newer_version"),
        (json.dumps({"schema_version": 0}), "unknown_version"),
        (json.dumps({"partners": {}}), "no_version"),
        (json.dumps({"schema_version": 1, "secret": "x"}), "unknown_field"),
        (json.dumps({"schema_version": 1, "partners": {"a": {"name": "x" * 41}}}), "too_long"),
        ("x" * 600_000, "too_large"),
    ],
)
def test_a_broken_foreign_or_tampered_copy_is_refused_with_a_reason(
    stored: object, code: str
) -> None:
    with pytest.raises(WorkbookError) as caught:
        keep.read_stored_copy(stored)
    assert code in [p.code for p in caught.value.problems]


def test_a_blank_workbook_is_not_worth_keeping() -> None:
    assert not keep.worth_keeping(Workbook())
    assert keep.worth_keeping(full_workbook())


def test_the_digest_follows_answers_not_time_language_or_pages_seen() -> None:
    wb = full_workbook()
    digest = keep.answers_digest(wb)
    other = wb.model_copy(deep=True)
    other.touch()
    other.language = "ja" if wb.language == "en" else "en"
    other.visited = []
    assert keep.answers_digest(other) == digest
    other.partner("a").name = "Someone else"
    assert keep.answers_digest(other) != digest


def test_unsaved_means_answers_not_in_the_last_download() -> None:
    blank = Workbook()
    assert not keep.unsaved(blank, None)  # nothing to lose
    wb = full_workbook()
    assert keep.unsaved(wb, None)
    saved = keep.answers_digest(wb)
    assert not keep.unsaved(wb, saved)
    wb.partner("b").name = "Changed"
    assert keep.unsaved(wb, saved)
