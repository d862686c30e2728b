"""Presentation mode on sections 9 to 16 and the files page: with a full workbook on a shared
screen, no name and no note is anywhere on screen (texts, tables, charts), nothing can be edited,
and the notes appear only on request. Turning the mode off brings the editing back."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import pytest
from google.protobuf import text_format
from streamlit.testing.v1 import AppTest

from emotions.i18n import catalog, fill, partner_label, t
from emotions.model import Workbook
from emotions.presentation import presentation_view
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.couples import full_workbook
from ui.exits import TOP_EXIT_KEY

PAGES = (
    "maintaining_connection",
    "communication",
    "meta_awareness",
    "shared_meaning",
    "unspoken_needs",
    "compatibility",
    "rebuilding",
    "final_thoughts",
    "workbook",
)
NAMES = ("Mia", "Ren")
ANSWER_WIDGETS = {
    "checkbox",
    "text_input",
    "text_area",
    "slider",
    "select_slider",
    "selectbox",
    "multiselect",
    "number_input",
    "date_input",
    "button",
    "button_group",  # pills
    "download_button",
    "file_uploader",
    "form",
}
VIEW_TOGGLES = {"present_show_notes", "aware_reveal", "aware_table", "diffmap_table"}
VIEW_BUTTONS = {"talk_show_notes", "aware_show_notes"}
"""Buttons that only show the folded notes (``ui.section.folded_notes``): view, not editing."""
SAFETY_BUTTONS = {TOP_EXIT_KEY}
"""The quick exit that leads every page (``ui.frame.top_exit``): stays on a shared screen too."""
# One note of the couple that each page shows once the notes are shown (None: the page shows none).
SHOWN_NOTE = {
    "maintaining_connection": "Second line",
    "communication": "put the phone away for ten minutes",
    "meta_awareness": "A sigh after work",
    "shared_meaning": "Second line",
    "unspoken_needs": "I need a quiet evening each week",
    "compatibility": "We try something on",
    "rebuilding": "Called back",
    "final_thoughts": "Ask before offering solutions",
    "workbook": None,
}


def couple_notes(wb: Workbook) -> set[str]:
    """Every line of the couple's own words in ``wb`` (checklist statements are catalog texts)."""
    texts: list[str] = [wb.next_steps, *wb.area_notes.values()]
    if wb.vulnerable_moment is not None:
        texts.append(wb.vulnerable_moment.what)
    for checkin in wb.checkins:
        texts += [checkin.reliability, checkin.adjustment]
    for partner in wb.partners.values():
        texts += partner.reflections.values()
        texts += [s.text for s in partner.need_statements if s.tag is None]
        for rewrite in partner.rewrites:
            texts += [rewrite.complaint, rewrite.situation, rewrite.feeling, rewrite.need]
            texts.append(rewrite.request)
        for note in partner.triggers:
            texts += [note.trigger, note.reaction, note.belief, note.response]
    return {line.strip() for text in texts for line in text.splitlines() if line.strip()}


NOTES = couple_notes(full_workbook())


def walk(node: Any) -> Iterator[Any]:
    """``node`` and every element and block inside it, depth first."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def screen(at: AppTest) -> str:
    """Everything the elements carry, as text: labels, markdown, table data, plotly specs."""
    out = []
    for node in walk(at._tree):  # the main area and the sidebar
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(text_format.MessageToString(proto, as_utf8=True))
    return "\n".join(out)


def main_widgets(at: AppTest) -> list[tuple[str, str | None]]:
    """(type, key) of every element in the main area."""
    return [(n.type, getattr(n, "key", None)) for n in walk(at.main)]


def presenting(script: str, locale: str = "en-US", wb: Workbook | None = None) -> AppTest:
    """The page with Mia and Ren's full workbook, presentation mode just turned on."""
    wb = wb or full_workbook()
    wb.language = "ja" if locale.startswith("ja") else "en"
    at = go(with_workbook(open_app(locale), wb), script)
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.exception, at.exception
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def every_view(at: AppTest) -> Iterator[AppTest]:
    """The page as it is, then with each view toggle on (reveal, tables), then with each
    partner chosen: whatever a presenter can bring onto the screen without editing."""
    yield at
    done: set[str] = set()
    while todo := [
        tg for tg in at.main.toggle if tg.key not in done and tg.key != "present_show_notes"
    ]:
        done.add(todo[0].key)
        todo[0].set_value(True)
        yield run(at)
    for radio in list(at.main.radio):
        for option in radio.options[1:]:
            at.main.radio(key=radio.key).set_value(option)
            yield run(at)


@functools.cache
def echoes(script: str, locale: str) -> frozenset[str]:
    """Notes whose words are on the page even when the workbook holds no notes at all: our own
    texts happen to use them ("unseen", "to be heard"). Their presence proves nothing."""
    at = presenting(script, locale, presentation_view(full_workbook()))
    return frozenset(note for state in every_view(at) for note in NOTES if note in screen(state))


def notes_hidden(at: AppTest, script: str, locale: str = "en-US") -> None:
    shown = screen(at)
    assert not {note for note in NOTES if note in shown} - echoes(script, locale)


def names_hidden(at: AppTest) -> None:
    shown = screen(at)
    for name in NAMES:
        assert name not in shown, name
    assert at.session_state["workbook"].partners["a"].name == "Mia"  # only the screen changed


def nothing_editable(at: AppTest) -> None:
    found = main_widgets(at)
    assert not [
        (kind, key)
        for kind, key in found
        if kind in ANSWER_WIDGETS and key not in VIEW_BUTTONS | SAFETY_BUTTONS
    ]
    toggles = {key for kind, key in found if kind == "toggle"}
    assert toggles <= VIEW_TOGGLES, toggles


def empty_cards_absent(at: AppTest, lang: str) -> None:
    """Folded notes leave no trace: no card or line that says a note is missing."""
    texts = catalog(lang)
    shown = screen(at)
    for key in ("talk.untitled", "aware.unwritten", "talk.saved_heading", "journey.next_heading"):
        assert texts[key] not in shown, key
    for pid in ("a", "b"):
        label = partner_label("", pid, lang, anonymous=True)
        for key in ("talk.none", "aware.no_notes", "journey.statements_none"):
            assert t(key, lang, name=label) not in shown, key
        counts = fill(texts["journey.notes_line"].split("{reflections}")[0], name=label)
        assert counts not in shown  # "no notes" would not be true: they are folded


@pytest.mark.parametrize("script", PAGES)
def test_a_shared_screen_shows_no_name_no_note_and_nothing_to_edit(script: str) -> None:
    at = presenting(script)
    for state in every_view(at):
        names_hidden(state)
        nothing_editable(state)
        notes_hidden(state, script)
    empty_cards_absent(at, "en")
    if script != "workbook":
        assert t("partner.a", "en") in screen(at)


@pytest.mark.parametrize("script", PAGES)
def test_notes_come_on_request_and_names_stay_hidden(script: str) -> None:
    at = presenting(script)
    at.toggle(key="present_show_notes").set_value(True)
    run(at)
    for state in every_view(at):
        names_hidden(state)
        nothing_editable(state)
    if SHOWN_NOTE[script] is None:  # the files page only says that files are hidden
        notes_hidden(at, script)
        assert [e.value for e in at.main.info] == [t("present_b.files_hidden", "en")]
    else:
        assert SHOWN_NOTE[script] in screen(at)


@pytest.mark.parametrize("script", PAGES)
def test_leaving_presentation_mode_brings_back_names_and_editing(script: str) -> None:
    at = presenting(script)
    at.sidebar.toggle(key="ui_present").set_value(False)
    run(at)
    assert "Mia" in screen(at)
    assert {kind for kind, _ in main_widgets(at)} & ANSWER_WIDGETS
    if script == "workbook":
        assert {"download_button", "file_uploader"} <= {kind for kind, _ in main_widgets(at)}
    else:
        assert at.text_area(key=f"reflect__{script.replace('_', '-')}__a").value


@pytest.mark.parametrize("script", ["communication", "meta_awareness", "rebuilding", "workbook"])
def test_in_japanese_too(script: str) -> None:
    at = presenting(script, "ja-JP")
    for state in every_view(at):
        names_hidden(state)
        nothing_editable(state)
        notes_hidden(state, script, "ja-JP")
    empty_cards_absent(at, "ja")
    assert english_left_over(at) == []
    if script == "workbook":
        assert at.main.info[0].value == t("present_b.files_hidden", "ja")
        return
    assert t("partner.a", "ja") in screen(at)
    at.toggle(key="present_show_notes").set_value(True)
    run(at)
    names_hidden(at)
    assert SHOWN_NOTE[script] in screen(at)


def test_every_section_page_is_checked_in_presentation_mode() -> None:
    """A new section is drawn on a shared screen too: it must be listed here or in
    test_presentation_a.py (with its answer controls and the note it shows on request)."""
    from emotions.sections import SECTIONS
    from tests.apptest import test_presentation_a

    checked = {*test_presentation_a.PAGES, *PAGES}
    scripts = {spec.page.removeprefix("app_pages/").removesuffix(".py") for spec in SECTIONS}
    assert scripts - checked == set()
    assert set(SHOWN_NOTE) == set(PAGES)
