"""Hostile files and a tampered browser copy, through the real pages (issue 8): a rejected upload
or copy leaves the workbook and every widget as they were, and the page says why in the user's
language, in words that stay inert (no link, no image fetched from elsewhere).

AppTest drives ``st.file_uploader`` in Streamlit 1.67 (``set_value``), so these go through the
files page's own handlers. The copy kept in the browser is simulated the way ``ui.keep`` receives
it (the offer in session state); ``tests/browser/test_hostile_copy.py`` sends one from Chromium.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.combine import partner_file
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.model import Language, Workbook
from emotions.workbook_io import MAX_BYTES, dump_workbook, receive_upload
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import full_workbook
from tests.unit.test_fuzz_upload import LONE_SURROGATE_NAME, MARKDOWN_KEY, _many_checkins
from ui import keep

WIDGET_KINDS = (
    "text_input",
    "text_area",
    "toggle",
    "checkbox",
    "radio",
    "selectbox",
    "slider",
    "select_slider",
    "button_group",  # the answers (segmented controls)
    "multiselect",
    "number_input",
    "date_input",
)

_full = dump_workbook(full_workbook())
HOSTILE_FILES: dict[str, bytes] = {
    "lone-surrogate.json": LONE_SURROGATE_NAME.encode(),
    "![p](http:__127.0.0.1:9_p.png).json": MARKDOWN_KEY.encode(),
    "too-large.json": (_full + " " * (MAX_BYTES + 1 - len(_full.encode()))).encode(),
    "utf-16.json": _full.encode("utf-16"),
    "bomb.json": b'{"schema_version": 1, "partners": ' + b"[" * 200_000 + b"]" * 200_000 + b"}",
    "rtl-nul.json": _full.replace('"Mia"', '"\\u202e\\u0000' + "M" * 40 + '"').encode(),
    "nan.json": _full.replace('"need": 9', '"need": NaN', 1).encode(),
    "newer.json": _full.replace('"schema_version": 2', '"schema_version": 1e400').encode(),
}


def widgets(at: AppTest) -> dict[tuple[str, str], Any]:
    """Every widget's value on screen (sidebar and page), by kind and key."""
    return {(kind, w.key or w.id): w.value for kind in WIDGET_KINDS for w in at.get(kind)}


def files_page(locale: str) -> AppTest:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    wb = full_workbook()
    wb.language = lang
    return with_workbook(go(open_app(locale), "workbook"), wb)


def resume_refused(at: AppTest, lang: Language, file_name: str, data: bytes) -> str:
    """Upload ``data`` to resume from; the page must show one error naming the file: returned."""
    at.file_uploader(key="resume_upload").set_value((file_name, data, "application/json"))
    at.run()
    assert not at.exception, (file_name, at.exception)
    [error] = [e.value for e in at.main.error]
    assert t("files.rejected", lang, file=markdown_escape(file_name)) in error
    return str(error)


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_hostile_files_to_resume_from_change_nothing_and_are_explained(locale: str) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = files_page(locale)
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    for file_name, data in HOSTILE_FILES.items():
        error = resume_refused(at, lang, file_name, data)
        expected = receive_upload(data, at.session_state["workbook"], resume=True)
        assert expected.kind == "rejected"
        for message in expected.messages(lang):  # as they are, or escaped once more
            assert f"- {message}" in error or f"- {markdown_escape(message)}" in error
        assert "](" not in error
        assert at.session_state["workbook"].model_dump() == before, file_name
        assert widgets(at) == shown, file_name
    at.run()  # the same rejected file is not handled again on the next run
    assert not at.main.error
    assert at.session_state["workbook"].model_dump() == before


def combine_refused(at: AppTest, lang: Language, files: dict[str, bytes]) -> list[str]:
    """Upload ``files`` together to combine with; the page must show one error per file, in
    order, each naming its file: returned."""
    at.file_uploader(key="combine_upload").set_value(
        [(name, data, "application/json") for name, data in files.items()]
    )
    at.run()
    assert not at.exception, at.exception
    errors = [str(e.value) for e in at.main.error]
    assert len(errors) == len(files)
    for error, file_name in zip(errors, files, strict=True):
        assert t("files.rejected", lang, file=markdown_escape(file_name)) in error
    return errors


def test_hostile_files_to_combine_are_each_named_and_change_nothing() -> None:
    at = files_page("ja-JP")
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    combine_refused(at, "ja", HOSTILE_FILES)
    assert at.session_state["workbook"].model_dump() == before
    assert widgets(at) == shown


def test_a_combination_too_large_to_save_again_is_refused_by_the_page() -> None:
    at = with_workbook(go(open_app(), "workbook"), _many_checkins())
    before = at.session_state["workbook"].model_dump()
    other = _many_checkins()
    for checkin in other.checkins:
        checkin.date += dt.timedelta(days=400)  # 200 more, none the same
    at.file_uploader(key="combine_upload").set_value(
        [("more.json", dump_workbook(other).encode(), "application/json")]
    )
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["workbook"].model_dump() == before
    assert len(at.main.error) == 1


TAMPERED_COPIES: dict[str, object] = {
    "lone surrogate": '{"schema_version": 1, "partners": {"a": {"name": "\ud800"}}}',
    "bare surrogate": "\ud800",
    "markdown key": MARKDOWN_KEY,
    "an object, not text": json.loads(dump_workbook(full_workbook())),
    "oversized": "[" * (MAX_BYTES + 1),
    "newer": '{"schema_version": 3}',
}


def keeping_a_copy(locale: str, lang: Language) -> AppTest:
    """A full workbook in ``lang`` with the copy kept in the browser switched on."""
    wb = full_workbook()
    wb.language = lang
    at = with_workbook(open_app(locale), wb)
    at.session_state[keep.KEEP_ON] = True
    at.run()
    return at


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_a_tampered_browser_copy_is_refused_in_the_users_language_and_replaces_nothing(
    locale: str,
) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = keeping_a_copy(locale, lang)
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    for name, stored in TAMPERED_COPIES.items():
        at.session_state[keep.OFFER] = stored  # what ui.keep.receive_report keeps from the browser
        at.run()
        assert not at.exception, (name, at.exception)
        [warning] = [w.value for w in at.main.warning if t("keep.broken", lang) in w.value]
        assert warning.count("\n- ") >= 1, name
        assert "](" not in warning, name
        assert "keep_restore" not in [b.key for b in at.button], name
        assert at.session_state["workbook"].model_dump() == before, name
        assert widgets(at) == shown, name
        at.button(key="keep_discard").click().run()
        assert keep.OFFER not in at.session_state
        assert at.session_state["workbook"].model_dump() == before, name


def _changed(change: Callable[[dict[str, Any]], None], doc: str = _full) -> bytes:
    """The workbook document ``doc`` with one thing changed by ``change``."""
    data = json.loads(doc)
    change(data)
    return json.dumps(data, ensure_ascii=False).encode()


def _rating(kind: str, value: object, version: int | None = None) -> Callable[[Any], None]:
    def change(doc: dict[str, Any]) -> None:
        doc["partners"]["a"]["ratings"]["closeness"][kind] = value
        if version is not None:
            doc["schema_version"] = version

    return change


def _at(path: tuple[str | int, ...], value: object) -> Callable[[Any], None]:
    def change(doc: dict[str, Any]) -> None:
        node = doc
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return change


_half = dump_workbook(partner_file(full_workbook(), "a"))
BAD_ANSWERS: dict[str, bytes] = {
    # Answers outside 0-10.
    "need-11.json": _changed(_rating("need", 11)),
    "met-minus-1.json": _changed(_rating("met", -1)),
    "partner-file-guess-99.json": _changed(_rating("guess", 99), _half),
    "checkin-11.json": _changed(_at(("checkins", 0, "connection", "a"), 11)),
    # "Not answered" written as something else than null: never read as an answer (false is
    # not 0, "5" is not 5).
    "need-empty-text.json": _changed(_rating("need", "")),
    "need-none-text.json": _changed(_rating("need", "none")),
    "guess-false.json": _changed(_rating("guess", False)),
    "met-number-as-text.json": _changed(_rating("met", "5")),
    "importance-false.json": _changed(_rating("importance", False)),
    "importance-empty-text.json": _changed(_rating("importance", "")),
    "channel-false.json": _changed(_at(("partners", "b", "channels", "words", "show"), False)),
    "agreement-true.json": _changed(_at(("partners", "a", "meta_emotion", "joy", "weak"), True)),
    # Old and new schema mixed: version 1 never had null for a need or an importance.
    "v1-null-need.json": _changed(_rating("need", None, version=1)),
    "v1-null-importance.json": _changed(_rating("importance", None, version=1)),
    "v1-false-need.json": _changed(_rating("need", False, version=1)),
    # Version 2 holds nothing version 1 lacked or the other way round (the same fields): a field
    # of neither is refused as unknown.
    "v2-unknown-answer.json": _changed(_rating("answered", True)),
}


def _refused(data: bytes, wb: Workbook, lang: Language) -> list[str]:
    """What the page must say about ``data``: it is refused whole, in ``lang``."""
    for resume in (True, False):
        received = receive_upload(data, wb, resume=resume)
        assert received.kind == "rejected" and received.workbook is None
    messages = received.messages(lang)
    assert messages
    return messages


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_bad_answers_to_resume_from_are_refused_whole(locale: str) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = files_page(locale)
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    for file_name, data in BAD_ANSWERS.items():
        error = resume_refused(at, lang, file_name, data)
        for message in _refused(data, at.session_state["workbook"], lang):
            assert f"- {markdown_escape(message)}" in error, file_name
        assert at.session_state["workbook"].model_dump() == before, file_name
        assert widgets(at) == shown, file_name
        assert "resume_replace" not in [b.key for b in at.button], file_name


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_bad_answers_to_combine_are_refused_whole(locale: str) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = files_page(locale)
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    errors = combine_refused(at, lang, BAD_ANSWERS)
    for error, (file_name, data) in zip(errors, BAD_ANSWERS.items(), strict=True):
        for message in _refused(data, at.session_state["workbook"], lang):
            assert f"- {markdown_escape(message)}" in error, file_name
    assert at.session_state["workbook"].model_dump() == before
    assert widgets(at) == shown
    assert not [w for w in at.main.warning if t("files.conflict_intro", lang) in w.value]


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_a_browser_copy_with_bad_answers_is_refused_whole(locale: str) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = keeping_a_copy(locale, lang)
    before, shown = at.session_state["workbook"].model_dump(), widgets(at)
    for name, data in BAD_ANSWERS.items():
        at.session_state[keep.OFFER] = data.decode()  # as ui.keep.receive_report keeps it
        at.run()
        assert not at.exception, (name, at.exception)
        [warning] = [w.value for w in at.main.warning if t("keep.broken", lang) in w.value]
        for message in _refused(data, at.session_state["workbook"], lang):
            assert f"- {markdown_escape(message)}" in warning, name
        assert "keep_restore" not in [b.key for b in at.button], name
        assert at.session_state["workbook"].model_dump() == before, name
        assert widgets(at) == shown, name
        at.button(key="keep_discard").click().run()
        assert at.session_state["workbook"].model_dump() == before, name
