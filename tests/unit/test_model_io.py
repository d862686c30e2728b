"""The workbook model and its file: round trips, validation, and messages in both languages."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from emotions import workbook_io
from emotions.model import Rating, Workbook
from emotions.workbook_io import (
    MAX_BYTES,
    WorkbookError,
    dump_workbook,
    load_workbook,
    problem_messages,
)
from tests.unit.strategies import workbooks


@settings(max_examples=150, deadline=None)
@given(workbooks)
def test_dump_then_load_gives_back_an_equal_workbook(wb: Workbook) -> None:
    assert load_workbook(dump_workbook(wb)) == wb
    assert load_workbook(dump_workbook(wb).encode("utf-8")) == wb


def test_a_new_workbook_has_both_partners_with_every_dimension_unanswered() -> None:
    wb = Workbook()
    assert set(wb.partners) == {"a", "b"}
    assert all(
        r == Rating(need=None, importance=None, met=None, guess=None) and r.answered() == 0
        for p in wb.partners.values()
        for r in p.ratings.values()
    )


def test_assignment_is_validated() -> None:
    with pytest.raises(ValidationError):
        Rating().need = 11


def _doc(**changes: object) -> dict[str, object]:
    doc = json.loads(dump_workbook(Workbook()))
    doc.update(changes)
    return doc


def _problems(data: object) -> list[tuple[str, tuple[str | int, ...]]]:
    raw = data if isinstance(data, str | bytes) else json.dumps(data)
    with pytest.raises(WorkbookError) as info:
        load_workbook(raw)
    return [(p.code, p.path) for p in info.value.problems]


def test_out_of_range_need_names_the_field() -> None:
    doc = _doc()
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = 42  # type: ignore[index]
    assert _problems(doc) == [("too_high", ("partners", "a", "ratings", "closeness", "need"))]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("{not json", "not_json"),
        (b"\xff\xfe\x00garbage", "not_json"),
        ("[1, 2, 3]", "not_object"),
        ('{"schema_version": NaN}', "not_json"),
        (json.dumps({"partners": {}}), "no_version"),
        (json.dumps({"schema_version": "1"}), "no_version"),
        (json.dumps({"schema_version": 99}), "newer_version"),
        (json.dumps({"schema_version": 0}), "unknown_version"),
        ("x" * (MAX_BYTES + 1), "too_large"),
        ("[" * 100_000 + "]" * 100_000, "not_json"),
    ],
)
def test_documents_that_are_not_workbooks_are_rejected_with_a_reason(data: str, code: str) -> None:
    assert _problems(data)[0][0] == code


def test_wrong_types_unknown_fields_and_long_text_are_each_reported() -> None:
    doc = _doc(language="zz", spy="x")  # "zz": no ISO 639-1 language, never registered
    doc["partners"]["b"]["name"] = "n" * 41  # type: ignore[index]
    doc["partners"]["b"]["ratings"]["support"]["importance"] = 3  # type: ignore[index]
    codes = dict((path, code) for code, path in _problems(doc))
    assert codes[("language",)] == "not_allowed"
    assert codes[("spy",)] == "unknown_field"
    assert codes[("partners", "b", "name")] == "too_long"
    assert codes[("partners", "b", "ratings", "support", "importance")] == "not_allowed"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The field “partners › a › ratings › closeness › need” is too high (at most 10)."),
        ("ja", "「partners › a › ratings › closeness › need」の値が大きすぎます（最大10）。"),
    ],
)
def test_messages_name_the_field_and_the_problem_in_each_language(lang: str, expected: str) -> None:
    doc = _doc()
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = 42  # type: ignore[index]
    with pytest.raises(WorkbookError) as info:
        load_workbook(json.dumps(doc))
    assert problem_messages(info.value, lang) == [expected]  # type: ignore[arg-type]


def test_many_problems_are_summarised() -> None:
    doc = _doc(**{f"x{i}": 1 for i in range(12)})
    with pytest.raises(WorkbookError) as info:
        load_workbook(json.dumps(doc))
    messages = problem_messages(info.value, "en")
    assert len(messages) == workbook_io.MAX_PROBLEMS + 1
    assert messages[-1] == "…and 4 more problems."


def test_an_older_version_is_migrated_not_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend version 0 existed and kept the language under another name.
    def from_v0(doc: dict[str, object]) -> dict[str, object]:
        doc["language"] = doc.pop("lang")
        return doc

    monkeypatch.setitem(workbook_io.MIGRATIONS, 0, from_v0)
    doc = _v1_doc(schema_version=0, lang="ja")
    del doc["language"]
    assert load_workbook(json.dumps(doc)).language == "ja"


def _v1_doc(**changes: object) -> dict[str, object]:
    """A version-1 document as version 1 wrote it: every need and importance holds a value."""
    doc = _doc(**{"schema_version": 1, **changes})
    for partner in doc["partners"].values():  # type: ignore[attr-defined]
        for rating in partner["ratings"].values():
            rating.update(need=5, importance="medium")
    return doc


def test_a_version_1_file_keeps_its_values_as_answers_and_invents_none() -> None:
    doc = _v1_doc()
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = 9  # type: ignore[index]
    del doc["partners"]["b"]["ratings"]["support"]["need"]  # type: ignore[index]
    del doc["partners"]["b"]["ratings"]["intensity"]  # type: ignore[index]
    wb = load_workbook(json.dumps(doc))
    assert wb.schema_version == 2
    assert wb.partners["a"].ratings["closeness"].need == 9
    assert wb.partners["a"].ratings["expression"].need == 5  # saved: a real answer
    assert wb.partners["a"].ratings["expression"].importance == "medium"
    # What the file did not hold is not answered: nothing is invented.
    assert wb.partners["b"].ratings["support"].need is None
    assert wb.partners["b"].ratings["support"].importance == "medium"
    assert wb.partners["b"].ratings["intensity"] == Rating()


@pytest.mark.parametrize("kind", ["need", "importance"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_version_1_file_with_a_not_answered_value_is_refused_whole(kind: str, lang: str) -> None:
    # Version 1 had no "not answered" for need and importance: null there mixes two versions.
    doc = _v1_doc()
    doc["partners"]["b"]["ratings"]["support"][kind] = None  # type: ignore[index]
    with pytest.raises(WorkbookError) as info:
        load_workbook(json.dumps(doc))
    assert [p.path for p in info.value.problems] == [("partners", "b", "ratings", "support", kind)]
    assert problem_messages(info.value, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (11, "too_high"),
        (-1, "too_low"),
        ("", "wrong_type"),
        ("null", "wrong_type"),
        (5.5, "wrong_type"),
    ],
)
def test_a_claimed_answer_outside_the_scale_or_of_the_wrong_type_is_refused(
    value: object, code: str
) -> None:
    doc = _doc()
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = value  # type: ignore[index]
    with pytest.raises(WorkbookError) as info:
        load_workbook(json.dumps(doc))
    assert [p.code for p in info.value.problems] == [code]


def test_a_version_2_file_keeps_not_answered_apart_from_every_value() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["closeness"].need = 5
    again = load_workbook(dump_workbook(wb))
    assert again.partners["a"].ratings["closeness"].need == 5
    assert again.partners["a"].ratings["support"].need is None
    assert again == wb


def test_a_partner_file_with_one_partner_loads() -> None:
    doc = _doc()
    del doc["partners"]["b"]  # type: ignore[attr-defined]
    assert set(load_workbook(json.dumps(doc)).partners) == {"a"}
