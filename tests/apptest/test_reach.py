"""Issue 16 item 3: the quick exit leads the main area of every page (the one tap on a phone,
where the sidebar starts closed), says the same as the sidebar's and clears the session the same
way; the browser-side code that acts on a quick exit's click knows both buttons."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.sections import SECTIONS
from tests.apptest.conftest import go, open_app, with_workbook
from tests.apptest.test_keep import reported, told
from tests.apptest.test_safety import assert_blank
from tests.couples import full_workbook
from ui import exits, keep, unsaved

TOOL_SCRIPTS = ["workbook", "turns", "room_host", "room_join", "about"]
SCRIPTS = [s.page.removeprefix("app_pages/").removesuffix(".py") for s in SECTIONS] + TOOL_SCRIPTS


def first_in_main(at: AppTest) -> object:
    """The first element the main area draws (blocks opened, style sheets skipped)."""
    for node in at.main:
        if node.type in ("button",):
            return node
        if node.type not in ("html",) and getattr(node, "children", None) is None:
            return node
    return None


def assert_top_exit(at: AppTest, lang: str, where: str) -> None:
    top = first_in_main(at)
    assert getattr(top, "key", None) == exits.TOP_EXIT_KEY, (where, top)
    assert top.label == t("exit.button", lang)  # type: ignore[attr-defined,arg-type]
    assert top.help == t("exit.help", lang)  # type: ignore[attr-defined,arg-type]
    side = at.sidebar.button(key=exits.SIDEBAR_EXIT_KEY)
    assert (side.label, side.help) == (top.label, top.help)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_quick_exit_leads_the_main_area_of_every_page(lang: str) -> None:
    at = open_app(f"{lang}-XX")
    assert len(SCRIPTS) == len(SECTIONS) + 5  # every section and every tool
    for script in SCRIPTS:
        assert_top_exit(go(at, script), lang, script)


def test_the_quick_exit_leads_the_page_while_one_partner_answers_alone() -> None:
    at = go(open_app(), "turns")
    at.button(key="turns_start").click().run()
    assert_top_exit(at, "en", "turns, private")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_top_quick_exit_clears_the_session_like_the_sidebars(lang: str) -> None:
    wb = full_workbook()
    wb.language = lang  # type: ignore[assignment]
    at = go(with_workbook(open_app(f"{lang}-XX"), wb), "what_it_means")
    at.toggle(key="ui_present").set_value(True).run()  # view state goes too
    at.button(key=exits.TOP_EXIT_KEY).click().run()
    if lang == "en":
        assert_blank(at)  # the same checks as the sidebar's exit (tests/apptest/test_safety.py)
    assert list(at.session_state) == ["_exited"]
    assert at.session_state["_exited"] == lang  # the blank screen speaks the language read
    assert [c.value for c in at.main.get("caption")] == [t("exit.blank_note", lang)]  # type: ignore[arg-type]
    assert not [b for b in at.button if b.key == exits.TOP_EXIT_KEY]


def test_the_top_quick_exit_tells_the_browser_to_erase() -> None:
    at = reported(with_workbook(open_app(), full_workbook()), on=True)
    at.button(key=exits.TOP_EXIT_KEY).click().run()
    assert not at.exception
    assert told(at)["mode"] == "erase"
    assert list(at.session_state) == ["_exited"]


def test_the_browser_side_watches_both_quick_exits() -> None:
    # A click on either disarms the prompt before leaving and erases the browser's copy at once.
    assert unsaved.QUICK_EXIT == exits.QUICK_EXIT_SELECTOR
    selectors = {s.strip() for s in exits.QUICK_EXIT_SELECTOR.split(",")}
    assert selectors == {".st-key-quick_exit", ".st-key-quick_exit_top"}
    assert f'closest("{exits.QUICK_EXIT_SELECTOR}")' in keep._JS


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_safety_page_no_longer_puts_the_exit_at_the_top_of_the_sidebar(lang: str) -> None:
    hint = t("safety_page.exit_hint", lang)  # type: ignore[arg-type]
    assert t("exit.button", lang) in hint  # type: ignore[arg-type]
    # The words are the point: the old text sent people to the top of the sidebar.
    old = {"en": "at the top of the sidebar", "ja": "サイドバーのいちばん上"}[lang]
    assert old not in hint


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_safety_page_says_where_its_links_are(lang: str) -> None:
    at = go(open_app(f"{lang}-XX"), "about")
    nav, link = t("safety_page.nav", lang), t("frame.safety_link", lang)  # type: ignore[arg-type]
    intro = t("safety_page.intro", lang, nav=nav, link=link)  # type: ignore[arg-type]
    assert intro in [m.value for m in at.main.markdown]
    assert nav in intro and link in intro  # the names the sidebar really shows
    old = {"en": "the link at the top of the sidebar", "ja": "サイドバーのいちばん上のリンク"}[lang]
    assert old not in intro
