"""Answers not yet in a downloaded file (issue 16, item 1): what the browser's prompt before
leaving is told in each run, and the one-time offer to keep a copy in this browser."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions import keep as keeping
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.workbook_io import dump_workbook
from tests.apptest.conftest import english_left_over, go, open_app
from tests.apptest.test_workbook_files import upload
from tests.couples import talker_and_processor
from ui import keep, unsaved


def guard(at: AppTest) -> dict[str, Any]:
    """What the prompt-before-leaving component was told in the last whole run."""
    (component,) = [
        c for c in at.get("bidi_component") if c.proto.component_name.endswith("unsaved_guard")
    ]
    return json.loads(component.proto.json)  # type: ignore[no-any-return]


def offered(at: AppTest) -> bool:
    return any(b.key == "unsaved_keep" for b in at.main.button)


def needs_page(locale: str, *, kept: bool | None = False) -> AppTest:
    """The needs page of a new session; ``kept``: what the browser reported (None: nothing yet)."""
    at = open_app(locale)
    if kept is not None:
        at.session_state[keep.KEEP_ON] = kept
    return go(at, "what_it_means")


def first_answer(at: AppTest, value: int = 7) -> AppTest:
    at.segmented_control(key="need__a__expression").set_value(value).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_first_answer_arms_the_prompt_and_offers_a_copy_once(lang: str) -> None:
    at = needs_page(f"{lang}-XX")
    assert guard(at) == {"armed": False, "exit": unsaved.QUICK_EXIT}  # nothing to lose yet
    assert not offered(at)
    first_answer(at)  # an answer inside the page's fragment still reaches the whole frame
    assert guard(at)["armed"] is True
    assert offered(at)
    texts = [m.value for m in at.main.markdown]
    assert t("unsaved.offer", lang, page=t("nav.workbook", lang)) in texts
    assert t("keep.explain", lang) in [w.value for w in at.main.warning]  # the shared device
    assert at.button(key="unsaved_keep").label == t("keep.toggle", lang)
    assert at.button(key="unsaved_dismiss").label == t("unsaved.dismiss", lang)
    if lang != "en":
        assert english_left_over(at) == []
    # Dismissed: gone for the session, whatever is answered next or wherever one goes.
    at.button(key="unsaved_dismiss").click().run()
    assert not offered(at)
    first_answer(at, 3)
    go(at, "distance")
    assert not offered(at)
    assert guard(at)["armed"] is True  # dismissing the offer does not save anything


def test_taking_the_offer_keeps_a_copy_and_disarms_the_prompt() -> None:
    at = first_answer(needs_page("en-US"))
    at.button(key="unsaved_keep").click().run()
    assert at.session_state[keep.KEEP_ON] is True
    assert at.toggle(key=keep.TOGGLE_KEY).value is True  # the sidebar's switch agrees
    assert not offered(at)
    assert guard(at)["armed"] is False
    # Switched off again in the sidebar: the answers are at risk again; the offer stays made.
    at.toggle(key=keep.TOGGLE_KEY).set_value(False).run()
    assert guard(at)["armed"] is True and not offered(at)


def test_a_download_disarms_until_the_next_change() -> None:
    at = first_answer(needs_page("en-US"))
    at.session_state[keep.DOWNLOADED] = keeping.answers_digest(at.session_state["workbook"])
    at.run()
    assert guard(at)["armed"] is False
    first_answer(at, 2)
    assert guard(at)["armed"] is True


def test_no_offer_before_the_browser_has_said_or_on_a_shared_screen() -> None:
    at = first_answer(needs_page("en-US", kept=None))
    assert not offered(at)  # the browser may already keep a copy: not known yet
    assert guard(at)["armed"] is True
    at = first_answer(needs_page("en-US"))
    at.toggle(key="ui_present").set_value(True).run()
    assert not offered(at)


def test_the_quick_exit_leaves_no_prompt_behind() -> None:
    at = first_answer(needs_page("en-US"))
    at.button(key="quick_exit").click().run()
    # The neutral screen mounts no prompt at all (the browser lowered it on the click).
    assert not [
        c for c in at.get("bidi_component") if c.proto.component_name.endswith("unsaved_guard")
    ]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_resumed_file_is_saved_until_the_next_answer(lang: str) -> None:
    """Answers just opened from a workbook file are in a file on the device: no prompt, and the
    sidebar says so; the next answer is not in that file, so the prompt is armed again."""
    at = go(open_app(f"{lang}-XX"), "workbook")
    at.session_state[keep.KEEP_ON] = False
    at = upload(at, "resume_upload", ("mine.json", dump_workbook(talker_and_processor()).encode()))
    assert guard(at)["armed"] is False
    assert t("keep.saved", lang) in [c.value for c in at.sidebar.caption] + [
        m.value for m in at.sidebar.markdown
    ]
    go(at, "what_it_means")
    at.segmented_control(key="need__a__expression").set_value(0).run()
    assert guard(at)["armed"] is True
