"""Every page renders in both languages through the real entrypoint, with the frame around it."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from emotions.dimensions import SECTION_IDS
from emotions.i18n import section_text, t
from emotions.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, language_from_locale
from emotions.rooms import MIN_SHOWN, ROOM_LIFETIME
from tests.apptest.conftest import go, left_over, open_app

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
SCRIPTS = [sid.replace("-", "_") for sid in SECTION_IDS] + [
    "workbook",
    "turns",
    "room_host",
    "room_join",
    "about",
]
ROOM_SCRIPTS = ["room_host", "room_join"]


@pytest.fixture(scope="module", params=LANGUAGE_CODES)
def session(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """One session per registered language (the browser asks for it by its code), walked
    through every page (as a user clicking the nav)."""
    return open_app(request.param)


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_page_renders_with_notice_and_navigation(session, script: str) -> None:  # type: ignore[no-untyped-def]
    lang = language_from_locale(session.context["locale"])
    assert lang == session.context["locale"]
    at = go(session, script)
    captions = " ".join(c.value for c in at.caption)
    assert t("frame.notice", lang) in captions
    # Positions are shared on the room pages: their line says what, with whom and for how long,
    # in place of the workbook's line (held in memory, never written to disk or sent).
    hours = int(ROOM_LIFETIME.total_seconds() // 3600)
    room_line = t("privacy_rooms.line", lang, min_shown=MIN_SHOWN, hours=hours)
    if script in ROOM_SCRIPTS:
        assert room_line in captions
        assert t("frame.privacy", lang) not in captions
    else:
        assert t("frame.privacy", lang) in captions
        assert room_line not in captions
    title = at.title[0].value
    if script in [sid.replace("-", "_") for sid in SECTION_IDS]:
        assert title == section_text(script.replace("_", "-"), lang)[0]
    if lang == "ja":
        assert JAPANESE.search(title)
        assert JAPANESE.search(at.markdown[0].value)
    if lang != DEFAULT_LANGUAGE:
        assert left_over(at, lang) == []
    else:
        # The check above can fail: on a page in the default language it finds that language.
        assert t("frame.notice", lang) in left_over(at, LANGUAGE_CODES[-1])
    # The sidebar's language switch is on every page, in every language.
    assert at.radio(key="ui_lang").value == lang
    # Every text that quotes another (a band, a page name, a label) got the words it quotes.
    assert unfilled(at) == []


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def unfilled(at: AppTest) -> list[str]:
    """Texts anywhere on the page (sidebar too, widget help included) with a ``{placeholder}``
    nobody filled."""
    texts = [
        e.value
        for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
        for e in at.get(kind)
    ]
    for kind in ("radio", "toggle", "text_input", "text_area", "button", "slider", "checkbox"):
        for widget in at.get(kind):
            texts += [widget.proto.label, widget.proto.help, *getattr(widget.proto, "options", [])]
    for widget in at.get("button_group"):  # the answers: options are messages with a content
        texts += [widget.proto.label, widget.proto.help, *(o.content for o in widget.proto.options)]
    return [text for text in texts if isinstance(text, str) and PLACEHOLDER.search(text)]


def test_the_first_page_is_the_introduction() -> None:
    at = open_app()
    assert at.title[0].value == section_text("introduction", "en")[0]


def test_language_defaults_from_the_browser_locale() -> None:
    assert open_app("ja-JP").radio(key="ui_lang").value == "ja"
    assert open_app("de-DE").radio(key="ui_lang").value == "en"


def test_the_sidebar_counts_the_sections_explored() -> None:
    at = open_app()
    assert at.sidebar.get("progress")[0].proto.text == t("frame.progress", "en", count=1)
    go(at, "distance")
    go(at, "about")  # not a section: does not count
    go(at, "distance")
    assert at.sidebar.get("progress")[0].proto.text == t("frame.progress", "en", count=2)


def test_showing_a_one_partner_workbook_does_not_invent_the_other_partner() -> None:
    from emotions.model import Workbook
    from tests.apptest.conftest import with_workbook

    wb = Workbook()
    del wb.partners["b"]
    at = with_workbook(open_app(), wb)
    go(at, "about")
    assert set(at.session_state["workbook"].partners) == {"a"}
    assert at.text_input(key="name__b").value == ""
