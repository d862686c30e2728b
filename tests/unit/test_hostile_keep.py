"""A tampered copy in the browser (issue 8): whatever the browser hands back as its stored copy or
as its report, it is read like an uploaded file or refused with a reason in both languages; a
tampered "downloaded" fingerprint can only make the app say the answers are unsaved.

(The fuzzed version is ``test_any_copy_the_browser_hands_back_is_read_like_a_file_or_refused`` in
``test_fuzz_upload.py``; the page's side: ``tests/apptest/test_hostile_input.py``.)
"""

from __future__ import annotations

import json

import pytest

from emotions import keep as keeping
from emotions.model import SCHEMA_VERSION, Workbook
from emotions.workbook_io import MAX_BYTES, WorkbookError, dump_workbook, problem_messages
from tests.couples import full_workbook
from tests.unit.test_fuzz_upload import MARKDOWN_KEY, check_copy, check_messages

_doc = json.loads(dump_workbook(full_workbook()))


def _with(**changes: object) -> str:
    return json.dumps(_doc | changes)


@pytest.mark.parametrize(
    ("stored", "codes"),
    [
        # A lone surrogate: JavaScript stores and sends it, Python cannot encode it.
        ('{"schema_version": 1, "partners": {"a": {"name": "\ud800"}}}', ["wrong_type"]),
        ("\ud800", ["not_json"]),
        ('"\udc00\ud800"', ["not_object"]),
        (MARKDOWN_KEY, ["unknown_field"]),
        (_with(language="fr\u202e"), ["not_allowed"]),
        (_with(next_steps="\x00" * 2001), ["too_long"]),
        (_with(schema_version=0), ["unknown_version"]),
        (_with(schema_version=SCHEMA_VERSION + 1), ["newer_version"]),
        (_with(schema_version="1"), ["no_version"]),
        (_with(schema_version=10**4000), ["newer_version"]),
        # Not text at all: even a valid workbook as an object is not what the app stores.
        (_doc, ["not_json"]),
        (dump_workbook(full_workbook()).encode(), ["not_json"]),
        ([1, 2], ["not_json"]),
        (True, ["not_json"]),
        # Too large, counted in UTF-8 bytes: ASCII, and Japanese (3 bytes a character).
        ("x" * (MAX_BYTES + 1), ["too_large"]),
        ("美" * (MAX_BYTES // 3 + 1), ["too_large"]),
        ("[" * 100_000 + "]" * 100_000, ["not_json"]),
    ],
    ids=lambda value: repr(value)[:24],
)
def test_a_tampered_copy_is_refused_with_a_reason_in_both_languages(
    stored: object, codes: list[str]
) -> None:
    with pytest.raises(WorkbookError) as info:
        keeping.read_stored_copy(stored)
    assert [p.code for p in info.value.problems] == codes
    check_messages(info.value)


def test_a_huge_version_number_is_cut_short_in_the_message() -> None:
    with pytest.raises(WorkbookError) as info:
        keeping.read_stored_copy(_with(schema_version=10**4000))
    assert problem_messages(info.value, "en") == [
        "The field “schema_version” is 10000000000…: the file comes from a newer version of the "
        "workbook. Please update the app."
    ]


def test_a_copy_of_exactly_the_limit_in_japanese_is_still_read() -> None:
    wb = Workbook(language="ja")
    wb.partners["a"].name = "美咲"
    text = keeping.stored_text(wb)
    text += " " * (MAX_BYTES - len(text.encode("utf-8")))
    assert len(text.encode("utf-8")) == MAX_BYTES
    assert check_copy(text) == wb


def test_a_copy_edited_within_the_rules_is_read_like_a_file() -> None:
    # Anyone who can write to the browser's storage could have uploaded the same file: it is
    # validated, and the app still asks before it replaces anything (ui.keep.restore_prompt).
    doc = json.loads(keeping.stored_text(full_workbook()))
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = 0
    doc["partners"]["b"]["name"] = "<img src=x onerror=alert(1)>"
    wb = check_copy(json.dumps(doc))
    assert wb is not None
    assert wb.partners["b"].name == "<img src=x onerror=alert(1)>"  # kept as text, shown escaped


@pytest.mark.parametrize(
    "report",
    [
        {"nonce": ["n"], "on": True, "text": "{}"},
        {"nonce": None},
        {"nonce": "n", "on": "1", "text": {"schema_version": 1}},
        {"nonce": "n", "on": 1, "text": 7, "extra": "x" * 10_000},
        "nonce",
        ["nonce", "n"],
    ],
)
def test_a_tampered_report_is_ignored_or_trusted_for_nothing(report: object) -> None:
    parsed = keeping.parse_report(report)
    if parsed is None:
        return
    assert parsed.keep_on is False  # only a real true switches keeping on
    with pytest.raises(WorkbookError):
        keeping.read_stored_copy(parsed.stored)


@pytest.mark.parametrize("digest", ["", "0" * 32, "x" * 64, "\ud800", "{}"])
def test_a_tampered_download_fingerprint_only_makes_the_answers_look_unsaved(digest: str) -> None:
    wb = full_workbook()
    assert keeping.unsaved(wb, digest)
    assert not keeping.unsaved(wb, keeping.answers_digest(wb))
