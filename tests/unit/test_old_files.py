"""Files written by earlier versions keep opening and keep meaning what they meant.

The fixtures in tests/fixtures/ were written once by an earlier version (make_v1_files.py says how)
and are never regenerated. Opening one must keep every value it held: the loaded workbook, dumped
again, holds the file's document (a later version may add fields, for example a need dimension the
file did not know, but it may not drop or change one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from emotions import keep
from emotions.model import SCHEMA_VERSION
from emotions.workbook_io import dump_workbook, load_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WORKBOOK_FILES = sorted(FIXTURES.glob("workbook-v*.json"))


def missing_from(saved: Any, now: Any, path: str = "") -> list[str]:
    """Where ``now`` lost or changed something ``saved`` held (extra keys in ``now`` are fine)."""
    if isinstance(saved, dict):
        if not isinstance(now, dict):
            return [path or "/"]
        return [p for key in saved for p in missing_from(saved[key], now.get(key), f"{path}/{key}")]
    if isinstance(saved, list):
        if not isinstance(now, list) or len(now) != len(saved):
            return [path]
        return [
            p for i, item in enumerate(saved) for p in missing_from(item, now[i], f"{path}/{i}")
        ]
    return [] if saved == now else [path]


def test_every_schema_version_has_a_frozen_file() -> None:
    versions = {json.loads(f.read_text(encoding="utf-8"))["schema_version"] for f in WORKBOOK_FILES}
    assert versions >= set(range(1, SCHEMA_VERSION)) | {1}


def _without_version(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key != "schema_version"}


def answered_ratings(doc: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    """(partner, dimension, kind) -> value for every rating question that holds an answer."""
    return {
        (pid, dim, kind): value
        for pid, partner in doc["partners"].items()
        for dim, rating in partner.get("ratings", {}).items()
        for kind, value in rating.items()
        if value is not None
    }


@pytest.mark.parametrize("path", WORKBOOK_FILES, ids=lambda p: p.name)
def test_an_old_workbook_file_opens_and_keeps_every_value(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    saved = json.loads(text)
    now = json.loads(dump_workbook(load_workbook(text)))
    assert now["schema_version"] == SCHEMA_VERSION
    assert missing_from(_without_version(saved), _without_version(now)) == []
    # It means the same: exactly the answers the file held, no answer invented for a question
    # the file left open.
    assert answered_ratings(now) == answered_ratings(saved)


def test_an_old_browser_copy_opens_and_keeps_every_value() -> None:
    text = (FIXTURES / "browser-copy-v1.json").read_text(encoding="utf-8")
    saved = json.loads(text)
    now = json.loads(keep.stored_text(keep.read_stored_copy(text)))
    assert now["schema_version"] == SCHEMA_VERSION
    assert missing_from(_without_version(saved), _without_version(now)) == []
    assert answered_ratings(now) == answered_ratings(saved)


def test_the_comparison_notices_a_lost_value() -> None:
    saved = {"partners": {"a": {"ratings": {"expression": {"need": 9}}}}, "checkins": [1, 2]}
    assert missing_from(saved, {"partners": {"a": {"ratings": {}}}, "checkins": [1, 2]}) == [
        "/partners/a/ratings/expression"
    ]
    assert missing_from(saved, {**saved, "checkins": [1]}) == ["/checkins"]
    assert missing_from(saved, {**saved, "extra": 1}) == []
