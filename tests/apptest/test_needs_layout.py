"""Issue 16, items 4 and 5: the needs page puts its exercise first (the radar, then the questions,
then the section's explanation, folded), and in presentation mode the pages whose content is the
couple's notes say what there is, with one large control that shows it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.i18n import partner_label, section_text, t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language, Workbook
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import full_workbook

NOTES_PAGES = {
    # page script: (the workbook's list of notes on it, one note it shows once shown, the button)
    "communication": ("rewrites", "put the phone away for ten minutes", "talk_show_notes"),
    "meta_awareness": ("triggers", "A sigh after work", "aware_show_notes"),
}


def walk(node: Any) -> Iterator[Any]:
    """``node`` and every element and block inside it, in the order drawn (depth first)."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def needs_page(lang: Language) -> AppTest:
    wb = full_workbook()
    wb.language = lang
    at = go(with_workbook(open_app(), wb), "what_it_means")
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_radar_comes_before_the_questions_and_the_explanation(lang: Language) -> None:
    at = needs_page(lang)
    order = list(walk(at.main))
    radar = next(i for i, n in enumerate(order) if n.type == "plotly_chart")
    question = next(i for i, n in enumerate(order) if n.type == "button_group")
    # On a phone the columns stack in this order: the radar near the top, the questions after.
    assert radar < question
    expanders = [e for e in at.main.expander if e.label == t("needs_layout.explanation", lang)]
    assert len(expanders) == 1
    body = section_text("what-it-means", lang)[1]
    inside = [m.value for m in expanders[0].markdown]
    assert inside == [body]
    # The explanation is nowhere else on the page, and its fold comes after the radar.
    assert [m.value for m in at.main.markdown].count(body) == 1
    assert radar < order.index(expanders[0])
    # The heading is still the page's first text.
    assert at.main.title[0].value == section_text("what-it-means", lang)[0]


def presenting(script: str, lang: Language, wb: Workbook) -> AppTest:
    wb.language = lang
    at = go(with_workbook(open_app(), wb), script)
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.exception, at.exception
    return at


def screen(at: AppTest) -> str:
    return "\n".join(str(getattr(n, "proto", "")) for n in walk(at.main))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("script", sorted(NOTES_PAGES))
def test_a_notes_page_on_a_shared_screen_says_what_there_is(script: str, lang: Language) -> None:
    field, note, key = NOTES_PAGES[script]
    wb = full_workbook()
    counts = {pid: len(getattr(p, field)) for pid, p in wb.partners.items()}
    assert sum(counts.values()) > 0
    at = presenting(script, lang, wb)
    assert note not in screen(at)  # folded
    each = "\n".join(
        "- "
        + t(
            "needs_layout.notes_count",
            lang,
            name=partner_label("", pid, lang, anonymous=True),
            count=n,
        )
        for pid, n in counts.items()
    )
    shown = f"{t('needs_layout.notes_folded', lang)}\n\n{each}"
    assert shown in [m.value for m in at.main.markdown]
    button = at.main.button(key=key)
    assert button.label == t("present.show_notes", lang)
    assert button.proto.type == "primary"
    button.click().run()
    assert not at.exception, at.exception
    assert note in screen(at)
    assert not [b for b in at.main.button if b.key.endswith("_show_notes")]
    assert at.toggle(key="present_show_notes").value  # the frame's switch agrees


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("script", sorted(NOTES_PAGES))
def test_a_notes_page_with_nothing_written_says_so(script: str, lang: Language) -> None:
    at = presenting(script, lang, Workbook())
    assert [i.value for i in at.main.info] == [t("needs_layout.notes_none", lang)]
    assert not [b for b in at.main.button if b.key.endswith("_show_notes")]
