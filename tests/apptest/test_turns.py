"""Pass and play: until the reveal, nothing of one partner's answers reaches the other's screens."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.analysis import question_count
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Workbook
from emotions.turns import turn_view
from tests.apptest.conftest import english_left_over, go, open_app, radar, with_workbook
from ui.exits import TOP_EXIT_KEY

# Distinct answers: no value of A's is one of B's, so a leaked value cannot pass for B's own.
A_NEEDS = {dim: (10, 9, 8, 7)[i % 4] for i, dim in enumerate(DIMENSION_IDS)}
B_NEEDS = {dim: (0, 1, 2, 3)[i % 4] for i, dim in enumerate(DIMENSION_IDS)}
A_NOTE = "A-private-note-4711"
A_NAME, B_NAME = "Mia", "Ren"


def couple_before_the_turns(language: str = "en") -> Workbook:
    """B answered earlier (low values, low importance) and A wrote a note; A has not answered."""
    wb = Workbook(language=language)
    wb.partners["a"].name, wb.partners["b"].name = A_NAME, B_NAME
    wb.partners["a"].reflections["what-it-means"] = A_NOTE
    for dim in DIMENSION_IDS:
        wb.partners["b"].ratings[dim].need = B_NEEDS[dim]
        wb.partners["b"].ratings[dim].importance = "low"
    return wb


def everything_shown(at: AppTest) -> str:
    """Every element of the main area and the sidebar, protos and all, as one text."""
    return "\n".join(str(node.proto) for root in (at.main, at.sidebar) for node in _walk(root))


def _walk(node: Any) -> list[Any]:
    children = getattr(node, "children", None)
    if children is None:
        return [node] if hasattr(node, "proto") else []
    nodes = [node] if getattr(node, "proto", None) is not None else []
    for child in children.values():
        nodes += _walk(child)
    return nodes


def registered_scripts(at: AppTest) -> list[str]:
    """The scripts the navigation can run in the last run (whatever address is asked for)."""
    return sorted(
        {
            str(info.get("script_path", "")).rsplit("/", 1)[-1]
            for info in at._registered_pages.values()
        }
    )


def start_turns(locale: str = "en-US") -> AppTest:
    at = with_workbook(open_app(locale), couple_before_the_turns(locale[:2]))
    go(at, "turns")
    at.button(key="turns_start").click().run()
    assert not at.exception, at.exception
    return at


def needs(at: AppTest) -> list[Any]:
    """The need questions on screen (segmented controls keyed turns__...)."""
    return [c for c in at.segmented_control if c.key.startswith("turns__")]


def importances(at: AppTest) -> list[Any]:
    """The "how much it matters" questions on screen."""
    return [c for c in at.segmented_control if c.key.startswith("turns_importance__")]


def answer_as_a(at: AppTest) -> AppTest:
    for dim in DIMENSION_IDS:
        at.segmented_control(key=f"turns__a__{dim}").set_value(A_NEEDS[dim])
        at.segmented_control(key=f"turns_importance__a__{dim}").set_value("high")
    at.run()
    assert not at.exception, at.exception
    return at


def assert_nothing_of_a(at: AppTest) -> None:
    """No chart, no question of A's, no A value or note anywhere, and no way to another page."""
    assert not at.get("plotly_chart")
    assert all("__a__" not in s.key for s in at.segmented_control)
    shown = everything_shown(at)
    assert A_NOTE not in shown
    assert A_NAME not in shown  # the other partner's name stays off screen too
    assert not [t for t in at.text_input] + [t for t in at.text_area]
    # Only the turns page and the safety page can be reached.
    assert registered_scripts(at) == ["about.py", "turns.py"]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("app_pages/what_it_means.py")
    # The address of another page (the browser's back button) brings up the turns page.
    stage = at.session_state["_turns_stage"]
    (other,) = [
        h for h, info in at._registered_pages.items() if info["url_pathname"] == "what-it-means"
    ]
    at._page_hash = other
    at.run()
    at._page_hash = ""
    assert not at.exception, at.exception
    assert at.session_state["_turns_stage"] == stage
    assert at.title[0].value == t("turns.heading", "en")
    assert A_NOTE not in everything_shown(at) and not at.get("plotly_chart")
    # And the view every page renders from holds nothing of A's.
    wb = at.session_state["workbook"]
    view = turn_view(wb, at.session_state["_turns_stage"])
    assert view.partners["a"].ratings == Workbook().partners["a"].ratings
    assert view.partners["a"].reflections == {}


def test_a_answers_alone_and_does_not_see_b() -> None:
    at = start_turns()
    assert at.session_state["_turns_stage"] == "a"
    assert [s.key for s in needs(at)] == [f"turns__a__{d}" for d in DIMENSION_IDS]
    # A's own (unanswered), not B's.
    assert [s.value for s in needs(at)] == [None] * len(DIMENSION_IDS)
    assert [s.value for s in importances(at)] == [None] * len(DIMENSION_IDS)
    assert not at.get("plotly_chart")
    assert B_NAME not in everything_shown(at)
    assert registered_scripts(at) == ["about.py", "turns.py"]
    view = turn_view(at.session_state["workbook"], "a")
    assert view.partners["b"].ratings == Workbook().partners["b"].ratings
    # A's answers go to the same fields as the needs page.
    answer_as_a(at)
    a = at.session_state["workbook"].partners["a"]
    assert {d: a.ratings[d].need for d in DIMENSION_IDS} == A_NEEDS
    assert {a.ratings[d].importance for d in DIMENSION_IDS} == {"high"}


def test_the_hand_over_and_b_screens_show_nothing_of_a() -> None:
    at = answer_as_a(start_turns())
    at.button(key="turns_done_a").click().run()
    assert at.session_state["_turns_stage"] == "handover"
    # The hand-over screen: whom to give the device to, and a button. No answers, no widgets.
    assert at.header[0].value == t("turns.handover_heading", "en", name=B_NAME)
    assert not at.segmented_control and not at.slider and not at.select_slider
    page_buttons = [b.key for b in at.main.button if b.key != TOP_EXIT_KEY]  # not the quick exit
    assert page_buttons == ["turns_start_b", "turns_stop"]
    assert_nothing_of_a(at)
    go(at, "about")  # the safety page is still one click away, and shows nothing of A's either
    assert_nothing_of_a(at)

    go(at, "turns")
    at.button(key="turns_start_b").click().run()
    assert at.session_state["_turns_stage"] == "b"
    assert at.header[0].value == t("turns.turn_heading", "en", name=B_NAME)
    assert [s.key for s in needs(at)] == [f"turns__b__{d}" for d in DIMENSION_IDS]
    assert [s.value for s in needs(at)] == [B_NEEDS[d] for d in DIMENSION_IDS]
    assert [s.key for s in importances(at)] == [f"turns_importance__b__{d}" for d in DIMENSION_IDS]
    assert [s.value for s in importances(at)] == ["low"] * len(DIMENSION_IDS)
    assert_nothing_of_a(at)
    # B changes an answer: still nothing of A's.
    at.segmented_control(key="turns__b__closeness").set_value(4).run()
    assert_nothing_of_a(at)


def test_the_reveal_shows_both_and_leads_to_the_needs_page() -> None:
    at = answer_as_a(start_turns())
    at.button(key="turns_done_a").click().run()
    at.button(key="turns_start_b").click().run()
    at.segmented_control(key="turns__b__closeness").set_value(4).run()
    at.button(key="turns_done_b").click().run()
    assert at.session_state["_turns_stage"] == "reveal"
    figure = radar(at)
    b_expected = [4 if d == "closeness" else B_NEEDS[d] for d in DIMENSION_IDS]
    assert figure["data"][0]["r"][:-1] == [A_NEEDS[d] for d in DIMENSION_IDS]
    assert figure["data"][1]["r"][:-1] == b_expected
    assert [t["name"] for t in figure["data"]] == [A_NAME, B_NAME]
    assert [link.proto.page for link in at.main.get("page_link")] == ["what-it-means"]
    # Every page is open again, and the needs page draws the same answers.
    assert "what_it_means.py" in registered_scripts(at)
    go(at, "what_it_means")
    assert radar(at)["data"][0]["r"][:-1] == [A_NEEDS[d] for d in DIMENSION_IDS]
    go(at, "turns")
    at.button(key="turns_finish").click().run()
    assert "_turns_stage" not in at.session_state
    assert at.button(key="turns_start")


@pytest.mark.parametrize("stage_button", [None, "turns_done_a", "turns_start_b"])
def test_stop_leaves_the_flow_and_opens_every_page(stage_button: str | None) -> None:
    at = start_turns()
    if stage_button:
        at.button(key="turns_done_a").click().run()
    if stage_button == "turns_start_b":
        at.button(key="turns_start_b").click().run()
    at.button(key="turns_stop").click().run()
    assert at.session_state["_turns_stage"] is not None  # it asks first (test_turns_confirm)
    at.button(key="turns_stop_confirm").click().run()
    assert "_turns_stage" not in at.session_state
    assert "what_it_means.py" in registered_scripts(at)
    assert at.text_input(key="name__a").value == A_NAME  # the sidebar is whole again
    assert at.toggle(key="ui_present")


def test_starting_turns_switches_presentation_mode_off() -> None:
    at = with_workbook(open_app(), couple_before_the_turns())
    at.toggle(key="ui_present").set_value(True).run()
    go(at, "turns")
    at.button(key="turns_start").click().run()
    assert at.session_state["_presenting"] is False
    assert len(needs(at)) == len(importances(at)) == len(DIMENSION_IDS)


def test_the_turns_run_in_japanese() -> None:
    at = go(with_workbook(open_app("ja-JP"), couple_before_the_turns("ja")), "turns")
    assert english_left_over(at) == []
    at.button(key="turns_start").click().run()
    assert at.header[0].value == t("turns.turn_heading", "ja", name=A_NAME)
    assert english_left_over(at) == []
    at.button(key="turns_done_a").click().run()
    assert at.header[0].value == t("turns.handover_heading", "ja", name=B_NAME)
    assert at.button(key="turns_start_b").label == t("turns.handover_start", "ja", name=B_NAME)
    assert english_left_over(at) == []
    at.button(key="turns_start_b").click().run()
    at.button(key="turns_done_b").click().run()
    assert at.header[0].value == t("turns.reveal_heading", "ja")
    assert english_left_over(at) == []


def _probe_view() -> None:
    # Runs as its own small Streamlit script: ui.state.view() during each stage of the flow.
    import streamlit as st

    from emotions.model import Workbook
    from ui.state import view

    wb = Workbook()
    wb.partners["a"].ratings["expression"].need = 9
    wb.partners["a"].reflections["distance"] = "note of A"
    wb.partners["b"].ratings["expression"].need = 1
    wb.next_steps = "together"
    st.session_state["workbook"] = wb
    for stage in ("a", "handover", "b", "reveal"):
        st.session_state["_turns_stage"] = stage
        v = view()
        st.text(
            f"{stage} {v.partners['a'].ratings['expression'].need} "
            f"{v.partners['b'].ratings['expression'].need} "
            f"{len(v.partners['a'].reflections)} {v.next_steps or '-'}"
        )


def test_the_view_hides_the_partner_who_is_not_answering() -> None:
    at = AppTest.from_function(_probe_view, default_timeout=30).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.text] == [
        "a 9 None 1 -",  # A answers: B's rating back to unanswered, joint notes hidden
        "handover None None 0 -",  # nobody's answers at the hand-over
        "b None 1 0 -",  # B answers: A's rating and note hidden
        "reveal 9 1 1 together",  # the reveal: everything
    ]


def test_a_one_partner_workbook_gets_its_second_partner_by_answering() -> None:
    wb = couple_before_the_turns()
    del wb.partners["b"]
    at = go(with_workbook(open_app(), wb), "turns")
    at.button(key="turns_start").click().run()
    at.button(key="turns_done_a").click().run()
    assert set(at.session_state["workbook"].partners) == {"a"}  # showing B's turn adds nobody
    at.button(key="turns_start_b").click().run()
    assert [s.value for s in needs(at)] == [None] * len(DIMENSION_IDS)
    at.segmented_control(key="turns__b__support").set_value(2).run()
    assert at.session_state["workbook"].partners["b"].ratings["support"].need == 2


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_answering_in_turns_and_the_sidebar_counts_only_the_one_answering(lang: str) -> None:
    at = start_turns(f"{lang}-XX")
    total = question_count()

    def sidebar() -> str:
        return " ".join(c.value for c in at.sidebar.caption)

    def count(name: str, answered: int) -> str:
        return t("answer_ui.sidebar_count", lang, name=name, answered=answered, total=total)

    # B answered 16 questions earlier; during A's turn only A's own count is shown.
    assert count(A_NAME, 0) in sidebar()
    assert B_NAME not in sidebar()
    question = t("dim.support.name", lang)
    control = at.segmented_control(key="turns__a__support")
    assert control.label.startswith(t("answer.label_unanswered", lang, question=question))
    control.set_value(5).run()
    assert at.session_state["workbook"].partners["a"].ratings["support"].need == 5
    assert at.segmented_control(key="turns__a__support").value == 5
    at.segmented_control(key="turns_importance__a__support").set_value("low").run()
    assert at.session_state["workbook"].partners["a"].ratings["support"].importance == "low"
    assert count(A_NAME, 2) in sidebar()
    at.segmented_control(key="turns__a__support").set_value(None).run()
    assert at.session_state["workbook"].partners["a"].ratings["support"].need is None
    assert count(A_NAME, 1) in sidebar()
    at.button(key="turns_done_a").click().run()
    assert A_NAME not in sidebar() and B_NAME not in sidebar()  # the hand-over: no count
    at.button(key="turns_start_b").click().run()
    assert count(B_NAME, 2 * len(DIMENSION_IDS)) in sidebar()
    assert A_NAME not in sidebar()
    at.button(key="turns_done_b").click().run()
    # The reveal: both counts again.
    assert count(A_NAME, 1) in sidebar() and count(B_NAME, 2 * len(DIMENSION_IDS)) in sidebar()
