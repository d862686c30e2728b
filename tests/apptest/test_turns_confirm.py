"""Stopping pass-and-play before the reveal asks first and says what it opens (issue 16, 7)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from tests.apptest.conftest import english_left_over, go, open_app
from tests.apptest.test_turns import (
    A_NAME,
    A_NOTE,
    B_NAME,
    _walk,
    answer_as_a,
    everything_shown,
    registered_scripts,
    start_turns,
)
from ui import keep
from ui.exits import TOP_EXIT_KEY

PRIVATE = ["about.py", "turns.py"]


def to(at: AppTest, stage: str) -> AppTest:
    """From A's turn (answered) on to ``stage``: "a", "handover" or "b"."""
    if stage in ("handover", "b"):
        at.button(key="turns_done_a").click().run()
    if stage == "b":
        at.button(key="turns_start_b").click().run()
    assert at.session_state["_turns_stage"] == stage
    return at


def question_shown(at: AppTest, lang: str) -> bool:
    warnings = [w.value for w in at.main.warning]
    return t("turns_confirm.question", lang) in warnings and t(
        "turns_confirm.what_shows", lang
    ) in [m.value for m in at.main.markdown]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("stage", ["a", "handover", "b"])
def test_stop_asks_first_and_says_what_it_opens(lang: str, stage: str) -> None:
    at = to(answer_as_a(start_turns(f"{lang}-XX")), stage)
    assert not question_shown(at, lang)
    at.button(key="turns_stop").click().run()
    assert not at.exception, at.exception
    # One click is not enough: still in the turn, still only the private pages.
    assert at.session_state["_turns_stage"] == stage
    assert registered_scripts(at) == PRIVATE
    assert question_shown(at, lang)
    assert at.button(key="turns_stop_confirm").label == t("turns_confirm.confirm", lang)
    assert at.button(key="turns_stop_cancel").label == t("turns_confirm.cancel", lang)
    assert english_left_over(at) == [] or lang == "en"
    if stage != "a":  # nothing of A's answers while the question is asked
        assert A_NOTE not in everything_shown(at) and A_NAME not in everything_shown(at)
        assert not at.get("plotly_chart")
    # Keep going: the question goes, the turn goes on.
    at.button(key="turns_stop_cancel").click().run()
    assert at.session_state["_turns_stage"] == stage and not question_shown(at, lang)
    assert registered_scripts(at) == PRIVATE
    # Asked again and confirmed: the flow ends and every page opens.
    at.button(key="turns_stop").click().run()
    at.button(key="turns_stop_confirm").click().run()
    assert "_turns_stage" not in at.session_state
    assert "what_it_means.py" in registered_scripts(at)


def test_the_question_does_not_follow_to_the_next_step() -> None:
    at = answer_as_a(start_turns())
    at.button(key="turns_stop").click().run()
    at.button(key="turns_done_a").click().run()  # A finishes instead of answering the question
    assert at.session_state["_turns_stage"] == "handover"
    assert not question_shown(at, "en")
    page_buttons = [b.key for b in at.main.button if b.key != TOP_EXIT_KEY]  # not the quick exit
    assert page_buttons == ["turns_start_b", "turns_stop"]
    # The hand-over keeps its safety pointer under the buttons.
    assert t("safety_pointer.line", "en") in [m.value for m in at.main.markdown] + [
        c.value for c in at.main.caption
    ]


def test_no_other_path_opens_the_pages_without_the_question() -> None:
    at = to(answer_as_a(start_turns()), "handover")
    # The safety page and back: still the hand-over.
    go(at, "about")
    go(at, "turns")
    assert at.session_state["_turns_stage"] == "handover"
    # Nothing in the sidebar can end the flow or load other answers (start over, samples, names).
    sidebar_buttons = {b.key for b in at.sidebar.button}
    assert sidebar_buttons <= {"quick_exit"}, sidebar_buttons
    assert not at.sidebar.text_input and not at.sidebar.selectbox
    assert registered_scripts(at) == PRIVATE


# --- a copy kept in this browser is no way round the question ------------------------------


def on_screen(at: AppTest) -> str:
    """Everything shown, as ``everything_shown``, but for the data handed to the browser's own
    storage (the copy the couple chose to keep holds every answer, as it must)."""
    return "\n".join(
        str(node.proto)
        for root in (at.main, at.sidebar)
        for node in _walk(root)
        if not str(getattr(node.proto, "component_name", "")).endswith("workbook_keeper")
    )


def told_keeper(at: AppTest) -> dict[str, Any]:
    (component,) = [
        c for c in at.get("bidi_component") if c.proto.component_name.endswith("workbook_keeper")
    ]
    return json.loads(component.proto.json)  # type: ignore[no-any-return]


def _probe_report() -> None:
    # Runs as its own small Streamlit script: what the browser's report leaves in the session.
    import streamlit as st

    from ui import keep

    st.session_state[keep.NONCE] = "n1"
    for turn in ("handover", "reveal", "<script>", None):
        st.session_state.pop(keep.OFFER_TURN, None)
        keep.receive_report({"nonce": "n1", "on": True, "text": "{}", "turn": turn})
        st.text(f"{turn} {st.session_state.get(keep.OFFER_TURN)}")


def test_the_browser_report_names_only_a_private_turn() -> None:
    at = AppTest.from_function(_probe_report, default_timeout=30).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.text] == [
        "handover handover",
        "reveal None",
        "<script> None",
        "None None",
    ]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_copy_kept_during_a_turn_comes_back_into_the_turn(lang: str) -> None:
    at = to(answer_as_a(start_turns(f"{lang}-XX")), "handover")
    at.session_state[keep.KEEP_ON] = True
    at.run()
    data = told_keeper(at)
    assert data["mode"] == "keep" and data["turn"] == "handover"
    stored = data["text"]
    assert A_NOTE in stored  # the copy holds A's answers: it must not open them freely

    # A reload or a new tab: a new session, which the browser offers the copy to.
    again = open_app(f"{lang}-XX")
    again.session_state[keep.KEEP_ON] = True
    again.session_state[keep.OFFER] = stored
    again.session_state[keep.OFFER_TURN] = "handover"  # what receive_report leaves (above)
    again.run()
    assert t("turns_confirm.resume_note", lang) in [i.value for i in again.main.info]
    assert A_NOTE not in on_screen(again)  # the offer shows a date, nothing of A's
    again.button(key="keep_restore").click().run()
    assert not again.exception, again.exception
    assert again.session_state["_turns_stage"] == "handover"
    assert registered_scripts(again) == PRIVATE
    assert again.header[0].value == t("turns.handover_heading", lang, name=B_NAME)
    assert A_NOTE not in on_screen(again) and A_NAME not in on_screen(again)
    assert not again.get("plotly_chart")
    # Out of the turn again only through the question.
    again.button(key="turns_stop").click().run()
    assert again.session_state["_turns_stage"] == "handover"
    again.button(key="turns_stop_confirm").click().run()
    assert "what_it_means.py" in registered_scripts(again)


def test_a_copy_kept_outside_the_turns_names_no_turn() -> None:
    at = answer_as_a(start_turns())
    at.button(key="turns_done_a").click().run()
    at.button(key="turns_start_b").click().run()
    at.button(key="turns_done_b").click().run()  # the reveal: not private
    at.session_state[keep.KEEP_ON] = True
    at.run()
    assert told_keeper(at)["turn"] is None
