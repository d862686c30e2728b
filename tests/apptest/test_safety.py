"""Safety: the safety page in both languages, one click away everywhere; start over only after a
confirmation; quick exit leaves nothing of the workbook, only a blank screen."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from emotions import helplines
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.model import Workbook
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.couples import full_workbook

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# The numbers are the point here (a typo in one would send a person in crisis nowhere): they are
# written out, not read from the catalog under test.
NUMBERS = [
    "#8008",
    "0120-279-889",
    "**110**",
    "**119**",
    "0120-279-338",  # よりそいホットライン
    "0570-783-556",  # いのちの電話
    "0570-064-556",  # こころの健康相談統一ダイヤル
    "#9110",  # police consultation
    "#8891",  # one-stop centres for sexual violence
    "1-800-799-7233",
    "1-800-787-3224",  # the Hotline's TTY
    "88788",  # the Hotline by text
    "988",
    "988lifeline.org",
    "22522",  # loveisrespect by text
    "1-800-656-4673",  # RAINN
    "911",
]


def all_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_the_safety_page_gives_the_numbers_in_both_languages(locale: str) -> None:
    at = go(open_app(locale), "about")
    text = all_markdown(at)
    for number in NUMBERS:
        assert number in text, number
    assert "DV相談ナビ" in text and "DV相談\uff0b" in text  # the full-width plus of its name
    assert "988 Suicide & Crisis Lifeline" in text
    assert "National Domestic Violence Hotline" in text
    # What the workbook is not, when to seek help, no one monitors, check the local service.
    lang = locale[:2]
    shown = "\n".join([text, *(e.value for e in [*at.warning, *at.info])])
    for key in ("what", "when", "privacy", "elsewhere", "exit_hint"):
        assert t(f"safety_page.{key}", lang) in shown  # type: ignore[index]
    # When the numbers were last checked, in the language's own date format.
    assert helplines.checked_line(lang) in [c.value for c in at.caption]  # type: ignore[arg-type]
    assert str(helplines.HELP_LINES_CHECKED.year) in helplines.checked_line(lang)  # type: ignore[arg-type]
    # Plain text only: no link that would load anything.
    assert "http" not in shown and "](" not in shown and "www" not in shown
    if lang == "ja":
        assert JAPANESE.search(at.title[0].value)
        assert english_left_over(at) == []


@pytest.mark.parametrize("script", ["introduction", "what_it_means", "workbook", "turns", "about"])
def test_quick_exit_and_the_safety_link_lead_the_sidebar_of_every_page(script: str) -> None:
    at = go(open_app(), script)
    first = next(iter(at.sidebar.children.values()))  # the safety bar, before anything else
    assert first.get("button")[0].key == "quick_exit"
    assert first.get("button")[0].label == t("exit.button", "en")
    (link,) = first.get("page_link")
    assert link.value == t("frame.safety_link", "en")
    assert link.proto.page == "about"


def test_quick_exit_and_the_safety_link_stay_during_pass_and_play() -> None:
    at = go(open_app(), "turns")
    at.button(key="turns_start").click().run()
    assert at.sidebar.button(key="quick_exit")
    assert [link.proto.page for link in at.sidebar.get("page_link")] == ["about"]
    assert not at.sidebar.get("expander")  # no names, no start over while one partner answers


def fresh_apart_from_timestamps(wb: Workbook, language: str) -> bool:
    """Equal to a fresh workbook but for its timestamps and the page being shown (which the
    frame marks as visited on every run)."""
    fresh = Workbook(language=language)  # type: ignore[arg-type]
    skip = {"created", "updated", "visited"}
    return wb.model_dump(exclude=skip) == fresh.model_dump(exclude=skip)


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_start_over_clears_every_answer_after_a_confirmation(locale: str) -> None:
    lang = locale[:2]
    wb = full_workbook()
    wb.language = lang  # type: ignore[assignment]
    at = go(with_workbook(open_app(locale), wb), "what_it_means")
    before = at.session_state["workbook"].model_dump()
    at.button(key="start_over").click().run()
    # Asked, not done: nothing is cleared yet.
    assert at.session_state["workbook"].model_dump() == before
    assert at.button(key="start_over_confirm").label == t("start_over.confirm", lang)  # type: ignore[arg-type]
    at.button(key="start_over_confirm").click().run()
    assert not at.exception, at.exception
    cleared = at.session_state["workbook"]
    assert fresh_apart_from_timestamps(cleared, lang)
    assert cleared.language == lang
    assert cleared.visited == ["what-it-means"]  # only the page on screen now
    assert at.text_input(key="name__a").value == at.text_input(key="name__b").value == ""
    # The page redraws from the fresh workbook: every question unanswered.
    assert [s.value for s in at.segmented_control] == [None] * len(DIMENSION_IDS)
    assert at.sidebar.success[0].value == t("start_over.done", lang)  # type: ignore[arg-type]
    assert at.button(key="start_over")  # asking again starts from the first click


def test_start_over_without_confirmation_clears_nothing() -> None:
    at = with_workbook(open_app(), full_workbook())
    before = at.session_state["workbook"].model_dump()
    at.button(key="start_over").click().run()
    at.button(key="start_over_cancel").click().run()
    assert at.session_state["workbook"].model_dump() == before
    assert not [b for b in at.button if b.key == "start_over_confirm"]
    go(at, "distance")
    assert at.session_state["workbook"].model_dump() == before


def test_start_over_is_not_offered_on_a_shared_screen() -> None:
    at = open_app()
    at.toggle(key="ui_present").set_value(True).run()
    assert not [b for b in at.button if b.key == "start_over"]


def assert_blank(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert "workbook" not in at.session_state
    assert list(at.session_state) == ["_exited"]
    # Only a neutral line: no title, no widget, nothing in the sidebar.
    assert [(e.type, e.value) for e in at.main.get("caption")] == [
        ("caption", t("exit.blank_note", "en"))
    ]
    assert len(list(at.main)) == 2  # the main block and its one caption
    assert not list(at.sidebar.children.values())
    # No navigation to show: every page the navigation knows is the blank one.
    titles = {info["page_name"] for info in at._registered_pages.values()}
    assert titles == {t("exit.blank_title", "en")}


@pytest.mark.parametrize("script", ["what_it_means", "about", "workbook"])
def test_quick_exit_leaves_no_answer_and_a_blank_screen(script: str) -> None:
    at = go(with_workbook(open_app(), full_workbook()), script)
    at.toggle(key="ui_present").set_value(True).run()  # view state goes too
    at.button(key="quick_exit").click().run()
    assert_blank(at)
    at.run()  # any later run of this session stays blank: nothing comes back
    assert_blank(at)
    # Nor does the browser asking for a page of the app (the back button): emulate the request
    # for /what-it-means (AppTest.switch_page matches scripts only; the blank pages are callables).
    (requested,) = [
        h for h, info in at._registered_pages.items() if info["url_pathname"] == "what-it-means"
    ]
    at._page_hash = requested
    at.run()
    assert_blank(at)
    assert at._finished_page_script_hash != requested  # switched to the blank page at "/"
    assert "Mia" not in str(at._tree)


def test_quick_exit_during_pass_and_play() -> None:
    at = go(with_workbook(open_app(), full_workbook()), "turns")
    at.button(key="turns_start").click().run()
    at.button(key="quick_exit").click().run()
    assert_blank(at)


def test_after_a_quick_exit_a_new_session_starts_fresh() -> None:
    at = with_workbook(open_app(), full_workbook())
    at.button(key="quick_exit").click().run()
    again = open_app()
    assert fresh_apart_from_timestamps(again.session_state["workbook"], "en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_quick_exit_note_says_the_browser_history_stays(lang: str) -> None:
    # Quick exit clears the session, not the browser's history: the page says so and how to
    # clear it (the shortcut is the same in both languages).
    assert "Ctrl+Shift+Delete" in t("safety_page.exit_hint", lang)  # type: ignore[arg-type]
