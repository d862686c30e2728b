"""Keeping a copy in the browser, as the Python side sees it: what the storage component is told
in each run, the offer to restore (with the browser's report simulated in session state), the
switch, start over and quick exit, the "unsaved changes" line."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions import keep as keeping
from emotions.i18n import t
from emotions.model import Language, Workbook
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import full_workbook
from ui import keep

OFFER_TEXTS = ("keep.offer", "keep.broken")


def told(at: AppTest) -> dict[str, Any]:
    """What the storage component was told in the last run."""
    (component,) = [
        c for c in at.get("bidi_component") if c.proto.component_name.endswith("workbook_keeper")
    ]
    return json.loads(component.proto.json)  # type: ignore[no-any-return]


def reported(at: AppTest, *, on: bool, stored: object = None) -> AppTest:
    """Simulate what ``ui.keep.receive_report`` does with the browser's report."""
    at.session_state[keep.KEEP_ON] = on
    if stored is not None:
        at.session_state[keep.OFFER] = stored
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(
        e.value for kind in ("markdown", "warning", "success") for e in at.main.get(kind)
    )


def test_before_the_browser_reports_nothing_is_touched() -> None:
    at = with_workbook(open_app(), full_workbook())
    data = told(at)
    assert data["mode"] == "wait" and data["text"] is None
    assert data["nonce"] == at.session_state[keep.NONCE]
    assert at.toggle(key=keep.TOGGLE_KEY).value is False


def test_switched_on_the_workbook_is_handed_to_the_browser_and_off_erases() -> None:
    at = reported(with_workbook(open_app(), full_workbook()), on=False)
    assert told(at)["mode"] == "off"
    at.toggle(key=keep.TOGGLE_KEY).set_value(True).run()
    data = told(at)
    assert data["mode"] == "keep"
    assert keeping.read_stored_copy(data["text"]) == at.session_state["workbook"]
    at.toggle(key=keep.TOGGLE_KEY).set_value(False).run()
    assert told(at) | {"digest": None} == {
        "nonce": at.session_state[keep.NONCE],
        "heard": True,  # the browser has reported: it stops reporting
        "mode": "off",
        "text": None,
        "digest": None,
        "turn": None,  # not kept during a private turn (tests/apptest/test_turns_confirm.py)
    }


def test_a_blank_workbook_is_not_stored_even_when_keeping_is_on() -> None:
    at = reported(open_app(), on=True)
    assert told(at)["mode"] == "keep" and told(at)["text"] is None


def test_the_stored_copy_is_offered_and_restored_into_a_blank_workbook() -> None:
    stored = full_workbook()
    at = reported(open_app(), on=True, stored=keeping.stored_text(stored))
    assert t("keep.offer", "en").split("{")[0] in texts(at)
    assert told(at)["mode"] == "wait"  # the stored copy stays while the offer stands
    at.button(key="keep_restore").click().run()
    restored = at.session_state["workbook"]
    assert restored.partners == stored.partners
    assert t("keep.restored", "en") in texts(at)
    assert keep.OFFER not in at.session_state
    assert told(at)["mode"] == "keep"


def test_restoring_over_answers_on_screen_says_so_and_discard_keeps_them() -> None:
    mine = full_workbook()
    mine.partner("a").name = "Mine"
    at = with_workbook(open_app(), mine)
    other = full_workbook()
    other.partner("a").name = "Stored"
    reported(at, on=True, stored=keeping.stored_text(other))
    assert t("keep.offer_replaces", "en") in texts(at)
    assert at.button(key="keep_restore").label == t("keep.restore_replacing", "en")
    at.button(key="keep_discard").click().run()
    assert at.session_state["workbook"].partners["a"].name == "Mine"
    assert keep.OFFER not in at.session_state
    data = told(at)
    assert data["mode"] == "keep"
    assert keeping.read_stored_copy(data["text"]).partners["a"].name == "Mine"


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
@pytest.mark.parametrize(
    "stored",
    ["{broken", json.dumps({"schema_version": 9}), json.dumps({"schema_version": 1, "x": 1}), 7],
)
def test_a_broken_copy_gives_a_message_in_the_users_language_and_changes_nothing(
    locale: str, stored: object
) -> None:
    lang: Language = "ja" if locale == "ja-JP" else "en"
    wb = full_workbook()
    wb.language = lang
    at = with_workbook(open_app(locale), wb)
    before = at.session_state["workbook"].model_copy(deep=True)
    reported(at, on=True, stored=stored)
    (warning,) = [w.value for w in at.main.warning if t("keep.broken", lang) in w.value]
    assert warning.count("\n- ") >= 1
    assert "keep_restore" not in [b.key for b in at.button]
    assert at.session_state["workbook"] == before
    at.button(key="keep_discard").click().run()
    assert not at.exception
    assert at.session_state["workbook"] == before
    assert told(at)["mode"] == "keep"


def test_receive_report_takes_only_this_sessions_report() -> None:
    def script() -> None:
        import streamlit as st

        from ui import keep

        keep.receive_report(st.session_state.get("incoming"))

    at = AppTest.from_function(script, default_timeout=30)
    at.session_state[keep.NONCE] = "mine"
    at.session_state["incoming"] = {"nonce": "other", "on": True, "text": "{}"}
    at.run()
    assert keep.KEEP_ON not in at.session_state and keep.OFFER not in at.session_state
    at.session_state["incoming"] = {"nonce": "mine", "on": True, "text": "{}"}
    at.run()
    assert at.session_state[keep.KEEP_ON] is True
    assert at.session_state[keep.OFFER] == "{}"
    # A choice the user made before the report arrived is not overridden.
    at.session_state[keep.KEEP_ON] = False
    at.session_state["incoming"] = {"nonce": "mine", "on": True, "text": None}
    at.run()
    assert at.session_state[keep.KEEP_ON] is False


def test_start_over_drops_the_offer_and_the_copy() -> None:
    at = reported(with_workbook(open_app(), full_workbook()), on=True, stored="{broken")
    at.button(key="start_over").click().run()
    at.button(key="start_over_confirm").click().run()
    assert keep.OFFER not in at.session_state
    data = told(at)
    assert data["mode"] == "keep" and data["text"] is None  # blank: the browser removes it


def test_start_over_before_the_browser_reported_turns_keeping_off() -> None:
    at = with_workbook(open_app(), full_workbook())
    at.button(key="start_over").click().run()
    at.button(key="start_over_confirm").click().run()
    assert told(at)["mode"] == "off"


def test_the_quick_exit_tells_the_browser_to_erase() -> None:
    at = reported(with_workbook(open_app(), full_workbook()), on=True)
    at.button(key="quick_exit").click().run()
    assert not at.exception
    assert told(at)["mode"] == "erase"
    assert set(told(at)) == {"mode", "run"}  # nothing of the workbook
    assert list(at.session_state) == ["_exited"]


def test_the_offer_waits_while_the_screen_is_shared() -> None:
    at = reported(open_app(), on=True, stored=keeping.stored_text(full_workbook()))
    at.toggle(key="ui_present").set_value(True).run()
    assert "keep_restore" not in [b.key for b in at.button]
    at.toggle(key="ui_present").set_value(False).run()
    assert "keep_restore" in [b.key for b in at.button]


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_the_unsaved_line_follows_the_last_download(locale: str) -> None:
    lang: Language = "ja" if locale == "ja-JP" else "en"
    at = open_app(locale)
    captions = lambda: [c.value for c in at.sidebar.caption]  # noqa: E731
    assert t("keep.unsaved", lang) not in captions()  # a blank workbook: nothing to lose
    wb = full_workbook()
    wb.language = lang
    at = with_workbook(at, wb)
    assert t("keep.unsaved", lang) in captions()
    # The browser reports a click on the workbook file's download with that run's digest.
    at.session_state[keep.DOWNLOADED] = told(at)["digest"]
    at.run()
    assert t("keep.saved", lang) in captions()
    at = go(at, "what_it_means")
    at.segmented_control(key="need__a__expression").set_value(1).run()
    assert t("keep.unsaved", lang) in captions()


def test_a_blank_workbook_digest_matches_the_component_data() -> None:
    at = open_app()
    assert told(at)["digest"] == keeping.answers_digest(Workbook())


def test_the_browser_is_asked_to_report_until_the_server_has_heard_it() -> None:
    at = open_app()
    assert told(at)["heard"] is False  # nothing heard yet: the browser (re)sends its report
    at = reported(at, on=False)
    assert told(at)["heard"] is True
