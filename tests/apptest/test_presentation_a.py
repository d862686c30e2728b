"""Presentation mode on sections 1-8: no name, no note and no answer control on a shared screen
until the couple asks for the notes; names and controls come back when the mode is off."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from emotions.i18n import t
from emotions.model import Language
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import full_workbook

NAMES = re.compile(r"\b(Mia|Ren)\b")
NOTES = (
    "Second line.",
    "I told Mia about the meeting",
    "Called back",
    "Pause before replying",
    "We try something on",
    "Sunday check-ins",
    "Ask before offering solutions",
    "I need a quiet evening each week",
    "You never listen",
    "put the phone away",
    "A sigh after work",
    "Silence at dinner",
    "I keep asking",
    "I did something wrong",
)
"""Every free text of ``full_workbook()``, besides the reflections ("a on <section>.")."""
MOMENT = "I told Mia about the meeting"

# Per page: the keys (or key prefixes) of its answer controls, and its view-only table toggles.
PAGES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "introduction": (("intro_name__", "intro_mode"), ()),
    "what_it_means": (
        ("need__", "importance__", "met__", "guess__", "needs_who", "needs_kind"),
        ("needs_table",),
    ),
    "emotional_styles": (("styles__", "styles_who"), ("styles_table",)),
    "meta_emotion": (("meta__", "meta_who"), ("meta_tables",)),
    "distance": (("distance__reacher", "distance__what"), ("distance__table",)),
    "intimacy": (("safety__", "safety_who"), ()),
    "expression": (("channels__", "channels_who"), ("channels_table",)),
    "ongoing_differences": (("met__", "persist__sign__"), ("persist__table",)),
}
VIEW_KEYS = {
    "persist_who",  # whose need-and-met chart to show
    "distance__miss",  # the illustration's made-up rates: not answers
    "distance__repair",
}
"""Keyed controls that may stay on a shared screen, besides the table toggles."""


def section_id(script: str) -> str:
    return script.replace("_", "-")


def strings(message: Message) -> Iterator[str]:
    """Every text a proto carries, however deep (bytes decoded as far as they are UTF-8)."""
    for _field, value in message.ListFields():
        if hasattr(value, "items"):  # a map
            values: Any = [*value.keys(), *value.values()]
        elif isinstance(value, (str, bytes, Message)):
            values = [value]
        else:
            values = value if hasattr(value, "__iter__") else []
        for item in values:
            if isinstance(item, Message):
                yield from strings(item)
            elif isinstance(item, str):
                yield item
            elif isinstance(item, bytes):
                yield item.decode("utf-8", "ignore")


def screen(at: AppTest) -> str:
    """Everything on screen (main area and sidebar): every element's texts, chart specs decoded,
    table cells; Markdown escapes removed so that escaped words are found as typed."""
    parts: list[str] = []
    for root in (at.main, at.sidebar):
        for node in root:
            proto = getattr(node, "proto", None)
            if isinstance(proto, Message):
                parts += strings(proto)
            if node.type == "plotly_chart":
                parts.append(json.dumps(json.loads(node.proto.spec), ensure_ascii=False))
        parts += [table.value.to_string() for table in root.table]
    return "\n".join(parts).replace("\\", "")


def keyed(at: AppTest) -> dict[str, str]:
    """The keyed elements of the main area and sidebar: key → element type."""
    return {
        node.key: node.type
        for root in (at.main, at.sidebar)
        for node in root
        if getattr(node, "key", None)
    }


def presenting(script: str, locale: str = "en-US") -> AppTest:
    """Mia and Ren's full workbook on ``script``, presentation mode switched on there."""
    at = open_app(locale)
    wb = full_workbook()
    wb.language = "ja" if locale.startswith("ja") else "en"
    with_workbook(at, wb)
    go(at, script)
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.exception, at.exception
    return at


def assert_nothing_private(at: AppTest, script: str) -> None:
    shown = screen(at)
    assert not NAMES.findall(shown)
    for note in (*NOTES, f"a on {section_id(script)}.", f"b on {section_id(script)}."):
        assert note not in shown, note


ANSWER_KINDS = {
    "slider",
    "select_slider",
    "text_area",
    "text_input",
    "checkbox",
    "toggle",
    "selectbox",
    "multiselect",
    "radio",
    "button_group",  # segmented control
    "number_input",
    "date_input",
}
"""The kinds of widget an answer could be given with (the frame's own buttons are its matter)."""
FRAME_KEYS = {"ui_lang", "ui_present", "present_show_notes"}


def assert_no_answer_controls(at: AppTest, script: str) -> None:
    answers, toggles = PAGES[script]
    for key, kind in keyed(at).items():
        assert not key.startswith((*answers, "reflect__", "name__")), key
        if kind in ANSWER_KINDS:
            assert key in VIEW_KEYS | FRAME_KEYS | set(toggles), key


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
@pytest.mark.parametrize("script", list(PAGES))
def test_a_shared_screen_shows_no_name_no_note_and_no_answer_control(
    script: str, locale: str
) -> None:
    at = presenting(script, locale)
    lang: Language = "ja" if locale.startswith("ja") else "en"
    assert_nothing_private(at, script)
    assert_no_answer_controls(at, script)
    # The names are replaced, not only left out: somewhere the page speaks of the partners.
    shown = screen(at)
    assert t("partner.a", lang) in shown or t("partner.b", lang) in shown
    # The notes stay one click away.
    assert at.toggle(key="present_show_notes").value is False
    # The view-only tables may be opened on a shared screen: still no name or note in them.
    for toggle in PAGES[script][1]:
        at.toggle(key=toggle).set_value(True).run()
        assert not at.exception, at.exception
    assert at.table or not PAGES[script][1]
    assert_nothing_private(at, script)
    assert_no_answer_controls(at, script)


@pytest.mark.parametrize("script", list(PAGES))
def test_the_charts_and_what_it_means_remain(script: str) -> None:
    at = presenting(script)
    subheaders = [s.value for s in at.subheader]
    assert t("reflect.heading", "en") in subheaders
    if script != "introduction":  # the introduction has no "what this means for you two"
        assert t("you_two.heading", "en") in subheaders
    charts = {
        "what_it_means": "needs_radar",
        "emotional_styles": "styles_map",
        "distance": "distance_chart",
        "expression": "channels_chart",
        "ongoing_differences": "persist_chart",
        "meta_emotion": "meta_difference",
    }
    if script in charts:
        assert charts[script] in keyed(at)


def test_meta_emotion_keeps_its_heatmaps_and_its_reading() -> None:
    at = presenting("meta_emotion")
    keys = keyed(at)
    assert {"meta_grid_a", "meta_grid_b", "meta_difference"} <= set(keys)
    assert t("you_two.heading", "en") in [s.value for s in at.subheader]
    spec = json.dumps(json.loads(at.get("plotly_chart")[0].proto.spec), ensure_ascii=False)
    assert t("partner.a", "en") in spec


@pytest.mark.parametrize("script", list(PAGES))
def test_the_notes_show_on_request_still_without_names(script: str) -> None:
    at = presenting(script)
    at.toggle(key="present_show_notes").set_value(True).run()
    assert not at.exception, at.exception
    shown = screen(at)
    assert f"a on {section_id(script)}." in shown
    assert f"b on {section_id(script)}." in shown
    assert "Second line." in shown
    if script == "distance":
        # The couple's own words are shown, but a name in them becomes Partner A / B too.
        assert MOMENT.replace("Mia", t("partner.a", "en")) in shown
    assert not NAMES.findall(shown)
    assert_no_answer_controls(at, script)


def test_the_moment_shows_nothing_while_the_notes_are_folded() -> None:
    at = presenting("distance")
    quoted = [m.value for m in at.markdown if m.value.startswith(">")]
    assert quoted == []
    at.toggle(key="present_show_notes").set_value(True).run()
    quoted = [m.value for m in at.markdown if m.value.startswith(">")]
    assert len(quoted) == 1 and t("partner.b", "en") in quoted[0]


def test_japanese_notes_show_on_request_with_japanese_partner_labels() -> None:
    at = presenting("what_it_means", "ja-JP")
    at.toggle(key="present_show_notes").set_value(True).run()
    shown = screen(at)
    assert "a on what-it-means." in shown and t("partner.a", "ja") in shown
    assert not NAMES.findall(shown)


def test_signs_of_pulling_back_show_only_their_calm_note() -> None:
    at = presenting("ongoing_differences")
    assert not at.checkbox
    shown = screen(at)
    assert "I keep things to myself" not in shown  # the ticked signs themselves stay folded
    assert t("persist.signs_heading", "en") in [s.value for s in at.subheader]


@pytest.mark.parametrize("script", list(PAGES))
def test_switching_presentation_off_restores_the_controls_and_the_names(script: str) -> None:
    at = presenting(script)
    at.sidebar.toggle(key="ui_present").set_value(False).run()
    assert not at.exception, at.exception
    keys = keyed(at)
    answers, _ = PAGES[script]
    assert any(key.startswith(answers) for key in keys), keys
    assert f"reflect__{section_id(script)}__a" in keys
    assert "name__a" in keys  # the sidebar's names
    assert NAMES.search(screen(at))
    # And editing works again: an answer changed here lands in the workbook.
    at.text_area(key=f"reflect__{section_id(script)}__a").set_value("changed").run()
    assert at.session_state["workbook"].partners["a"].reflections[section_id(script)] == "changed"


def test_an_answer_page_is_not_changed_by_presenting_it() -> None:
    at = presenting("ongoing_differences")
    before = at.session_state["workbook"].model_dump(exclude={"updated"})
    at.radio(key="persist_who").set_value("b").run()
    assert not at.exception, at.exception
    assert at.session_state["workbook"].model_dump(exclude={"updated"}) == before
    assert t("partner.b", "en") in json.dumps(
        json.loads(at.get("plotly_chart")[0].proto.spec), ensure_ascii=False
    )
