"""Issue 17 item 1: "then and now" on the files page, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from emotions import history
from emotions.dimensions import DIMENSION_IDS
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language
from emotions.samples import SAMPLE_IDS, load_sample
from emotions.texts import plain_names
from emotions.workbook_io import dump_workbook
from tests.apptest.conftest import go, open_app

LOCALES = {"en": "en-US", "ja": "ja-JP"}
THEN = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 9, 1, 18, 30, tzinfo=dt.UTC)


def two_files(lang: Language):  # type: ignore[no-untyped-def]
    then = load_sample(SAMPLE_IDS[0], lang).model_copy(update={"updated": THEN}, deep=True)
    now = then.model_copy(update={"updated": NOW}, deep=True)
    dim = DIMENSION_IDS[0]
    old = then.partners["a"].ratings[dim].need
    assert old is not None
    now.partners["a"].ratings[dim].need = 0 if old > 5 else 10
    return then, now, dim


def shown(at) -> str:  # type: ignore[no-untyped-def]
    kinds = ("markdown", "caption", "info", "error")
    return "\n".join(e.value for kind in kinds for e in at.main.get(kind))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_two_dates_of_one_couple_show_the_row_and_the_sentence(lang: Language) -> None:
    then, now, dim = two_files(lang)
    at = go(open_app(LOCALES[lang]), "workbook")
    uploader = at.file_uploader(key="history_upload")
    assert uploader.label == t("history.upload_label", lang, limit=24, button="Upload")
    # Uploaded newest first: the page orders them by their date.
    uploader.set_value(
        [
            ("now.json", dump_workbook(now).encode(), "application/json"),
            ("then.json", dump_workbook(then).encode(), "application/json"),
        ]
    )
    at.run()
    assert not at.exception, at.exception
    text = shown(at)
    assert t("history.opened", lang, count=2) in text
    labels = (history.date_label(THEN, lang), history.date_label(NOW, lang))
    assert text.index(labels[0]) < text.index(labels[1])
    name_a = plain_names(now, lang).a
    moved = t("history.radar_moved", lang, name=name_a, count=1)
    assert moved in text
    assert (
        t("history.radar_none_moved", lang, name=plain_names(now, lang).b, then=labels[0]) in text
    )
    (table,) = at.main.table
    frame = table.value
    assert list(frame.iloc[:, 1]) == [t(f"dim.{dim}.name", lang)]
    row = frame.iloc[0]
    before = then.partners["a"].ratings[dim].need
    after = now.partners["a"].ratings[dim].need
    assert row[t("history.col_then", lang)] == str(before)
    assert row[t("history.col_now", lang)] == str(after)
    # The table shows each cell as typed (escaped for Markdown): "+7", not a list item.
    change = f"{after - before:+d}"  # type: ignore[operator]
    assert row[t("history.col_change", lang)] == markdown_escape(change)
    # Nothing was written into the session's own workbook.
    assert at.session_state["workbook"].sample is None


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_another_couple_is_refused_and_what_was_open_stays(lang: Language) -> None:
    then, now, _ = two_files(lang)
    other = now.model_copy(deep=True)
    other.partners["a"].name = "Kai"
    at = go(open_app(LOCALES[lang]), "workbook")
    at.file_uploader(key="history_upload").set_value(
        [
            ("then.json", dump_workbook(then).encode(), "application/json"),
            ("other.json", dump_workbook(other).encode(), "application/json"),
        ]
    )
    at.run()
    assert not at.exception, at.exception
    (error,) = at.main.error
    uploads = [("then.json", dump_workbook(then)), ("other.json", dump_workbook(other))]
    (refusal,) = history.open_history(uploads).refused
    assert error.value == "\n\n".join(refusal.messages(lang, markdown_escape))
    assert markdown_escape("other.json") in error.value and "Kai" in error.value
    assert t("history.opened", lang, count=1) in shown(at)
    assert t("history.need_two", lang) in shown(at)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_too_many_files_open_none_and_keep_what_was_open(lang: Language) -> None:
    then, now, _ = two_files(lang)
    at = go(open_app(LOCALES[lang]), "workbook")
    uploader = at.file_uploader(key="history_upload")
    pair = [
        ("then.json", dump_workbook(then).encode(), "application/json"),
        ("now.json", dump_workbook(now).encode(), "application/json"),
    ]
    uploader.set_value(pair)
    at.run()
    extra = [(f"{i}.json", pair[0][1], "application/json") for i in range(history.MAX_FILES - 1)]
    at.file_uploader(key="history_upload").set_value(pair + extra)
    at.run()
    assert not at.exception, at.exception
    (error,) = at.main.error
    count = history.MAX_FILES + 1
    assert error.value == t("history.refused.too_many", lang, count=count, limit=24, file="")
    assert t("history.kept", lang) in shown(at)
    assert t("history.opened", lang, count=2) in shown(at)
    assert len(at.main.table) == 1


def test_removing_every_file_closes_them() -> None:
    then, now, _ = two_files("en")
    at = go(open_app(), "workbook")
    at.file_uploader(key="history_upload").set_value(
        [
            ("then.json", dump_workbook(then).encode(), "application/json"),
            ("now.json", dump_workbook(now).encode(), "application/json"),
        ]
    )
    at.run()
    assert len(at.main.table) == 1
    at.file_uploader(key="history_upload").set_value([])
    at.run()
    assert not at.exception, at.exception
    assert not at.main.table and t("history.opened", "en", count=2) not in shown(at)
