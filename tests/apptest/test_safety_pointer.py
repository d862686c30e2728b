"""The safety pointer (issue 14), in every language: one calm line, then a link to the safety
page, wherever the workbook suggests adapting to a partner or reads withdrawal, anger or checking
in. Always on the sections of ``SAFETY_POINTER_SECTIONS``; on every other section page with its
"what this means for you two" texts; on the pass-and-play hand-over. Never twice on one page."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions import samples
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language
from emotions.sections import SAFETY_POINTER_SECTIONS, SECTIONS, section
from tests.apptest.conftest import go, open_app, with_workbook
from tests.apptest.test_turns import answer_as_a, start_turns
from tests.unit.test_safety_pointer import calls
from ui.section import OPENER, small_print

SAFETY_URL = "about"  # the safety page's url path (app.py)
ALWAYS = [Path(section(sid).page).stem for sid in SAFETY_POINTER_SECTIONS]
EVERY_SECTION = [Path(spec.page).stem for spec in SECTIONS]


def in_order(node: Any) -> list[Any]:
    """The elements under ``node`` (the main area), in the order the page draws them."""
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    return [element for child in children.values() for element in in_order(child)]


def pointers(at: AppTest, lang: Language) -> int:
    """How many safety pointers the main area shows: each is the line, and right after it the
    link to the safety page under the page's navigation title."""
    line = t("safety_pointer.line", lang)
    elements = in_order(at.main)
    found = 0
    for i, element in enumerate(elements):
        if element.type == "caption" and element.value == line:
            link = elements[i + 1]
            assert link.type == "page_link", link
            assert link.proto.page == SAFETY_URL
            assert link.value == t("safety_page.nav", lang)
            assert link.proto.icon == "🛟"
            found += 1
    # No pointer's link without its line (the introduction has a safety link of its own, under
    # another label).
    label = t("safety_page.nav", lang)
    links = [e for e in elements if e.type == "page_link" and e.value == label]
    assert len(links) == found
    return found


def openers_only(script: str) -> bool:
    """Whether the page's "for you two" block shows only the openers (questions to ask each
    other): no reading of one partner through the other, no adapting, so no pointer."""
    (spec,) = [spec for spec in SECTIONS if Path(spec.page).stem == script]
    keys = [
        ast.literal_eval(keyword.value)
        for call in calls(spec, "for_you_two")
        for keyword in call.keywords
        if keyword.arg == "keys"
    ]
    return bool(keys) and all(set(k) == {OPENER} for k in keys)


def shows_for_you_two(at: AppTest, lang: Language) -> bool:
    """Whether ``ui.section.for_you_two`` drew its direction-aware texts (their block ends with
    its caption in small print)."""
    caption = small_print(t("you_two.caption", lang))
    return any(m.value.endswith(caption) for m in at.main.markdown)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("script", ALWAYS)
def test_the_registry_pages_carry_it_before_anything_is_answered(
    lang: Language, script: str
) -> None:
    at = go(open_app(f"{lang}-XX"), script)
    assert pointers(at, lang) == 1


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("sample_id", samples.SAMPLE_IDS)
def test_with_a_sample_every_page_that_reads_the_two_carries_it_once(
    lang: Language, sample_id: str
) -> None:
    at = with_workbook(open_app(f"{lang}-XX"), samples.load_sample(sample_id, lang))
    with_block = []
    for script in EVERY_SECTION:
        go(at, script)
        block = shows_for_you_two(at, lang)
        with_block += [script] if block else []
        expected = 1 if script in ALWAYS or (block and not openers_only(script)) else 0
        assert pointers(at, lang) == expected, script
    # The sample fills the "what this means for you two" block on the pages that adapt or read
    # pulling back, and the registry's pages draw it too, once: the test is not vacuous.
    assert {"what_it_means", "distance", "ongoing_differences", "maintaining_connection"} <= set(
        with_block
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_pass_and_play_hand_over_carries_it(lang: Language) -> None:
    at = start_turns(f"{lang}-XX")
    assert pointers(at, lang) == 0  # while one partner answers: the questions only
    answer_as_a(at)
    at.button(key="turns_done_a").click().run()
    assert not at.exception, at.exception
    assert at.session_state["_turns_stage"] == "handover"
    assert pointers(at, lang) == 1
    # The link leads somewhere during a private turn: the safety page stays in the navigation.
    go(at, "about")
    assert at.title[0].value == t("about.heading", lang)
