"""Keyboard only (issue 15 point 6, issue 16 point 2): a needs question answered, one exercise
done, section changes by the "Next →" link and by the sidebar's navigation, and the first turn of
answering in turns handed over, with nothing but Tab, Space, Enter and the arrow keys.

An answer moves neither the focus nor the scroll; a section change starts at the top of the page
with the focus on its title (h1, ``tabindex=-1``); the focus is visible (an outline or a shadow on
the focused element); and Tab always moves on (no trap). One page, one session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import safety
from emotions.i18n import t
from emotions.sections import section_title
from tests.browser.kit import StreamlitServer, open_app, wait_idle

pytestmark = pytest.mark.browser

MAX_TABS = 300
FOCUSED = """() => {
    const a = document.activeElement;
    const key = a && a.closest('[class*="st-key-"]');
    const main = document.querySelector('[data-testid="stMain"]');
    // The focus is visible when the element, or the box drawn round it (a field's frame, at
    // most two levels up), has an outline or a shadow.
    let visible = false;
    for (let e = a, i = 0; e && i < 3 && !visible; e = e.parentElement, i++) {
        const s = getComputedStyle(e);
        visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
            || s.boxShadow !== 'none';
    }
    return {
        tag: a ? a.tagName : '',
        role: a ? a.getAttribute('role') || '' : '',
        text: a && a !== document.body ? (a.innerText || '').trim().slice(0, 200) : '',
        key: key ? [...key.classList].find((c) => c.startsWith('st-key-')).slice(7) : '',
        tabindex: a ? a.getAttribute('tabindex') : null,
        checked: a ? a.getAttribute('aria-checked') : null,
        inMain: !!(a && a.closest('[data-testid="stMain"]')),
        inSidebar: !!(a && a.closest('[data-testid="stSidebar"]')),
        scroll: main ? main.scrollTop : -1,
        visible,
    };
}"""


def focused(page: Page) -> dict[str, Any]:
    return dict(page.evaluate(FOCUSED))


def tab_to(page: Page, want: str, test: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    """Press Tab until the focused element passes ``test`` (a function of ``focused``)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        now = focused(page)
        # Past the last element the focus leaves the page (the body): the next Tab brings it back.
        assert now["visible"] or now["tag"] == "BODY", f"no visible focus on {now}"
        if test(now):
            return now
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {want}")


def arrives_at_title(page: Page, title: str) -> None:
    """A section change: the new page's title holds the focus, visibly, at the top of the page."""
    heading = page.locator('[data-testid="stMain"] h1').first
    expect(heading).to_have_text(title)
    wait_idle(page)
    expect(heading).to_be_focused()
    now = focused(page)
    assert now["tabindex"] == "-1", now
    assert now["scroll"] == 0, now
    assert now["visible"], now


def test_keyboard_only_answer_exercise_and_section_changes(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url, "what-it-means")

    # 1. A needs question: Tab to its first segment, Space answers it; focus and scroll stay.
    question = f"need__a__{DIMENSION_IDS[0]}"
    tab_to(page, question, lambda f: f["key"] == question and f["role"] == "radio")
    page.keyboard.press("ArrowRight")  # the next segment of the same question
    before = focused(page)
    page.keyboard.press("Space")
    wait_idle(page)
    after = focused(page)
    assert after["checked"] == "true", after
    assert (after["key"], after["text"]) == (before["key"], before["text"]), (before, after)
    assert after["scroll"] == before["scroll"], (before, after)

    # 2. "Next →" at the bottom of the page, by Enter: section 3 opens at its top, title focused.
    following = section_title("emotional-styles", "en")
    link = tab_to(page, "the next link", lambda f: f["inMain"] and f["text"] == f"{following} →")
    assert link["scroll"] > 0  # the page had been scrolled down to reach it
    page.keyboard.press("Enter")
    arrives_at_title(page, section_title("emotional-styles", "en"))

    # 3. The sidebar's navigation, by Tab and Enter (wrapping past the end of the page).
    target = section_title("intimacy", "en")
    tab_to(page, "the navigation entry", lambda f: f["inSidebar"] and f["text"] == target)
    page.keyboard.press("Enter")
    arrives_at_title(page, section_title("intimacy", "en"))

    # 4. An exercise: the emotional-safety check's first feeling, chosen with the arrow keys.
    box = f"safety__a__{safety.FEELINGS[0]}"
    tab_to(page, box, lambda f: f["key"] == box and f["role"] == "combobox")
    before = focused(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_idle(page)
    first = safety.response_labels("en")[safety.SHARING_RESPONSES[0]]
    expect(page.locator(f".st-key-{box} input")).to_have_value(first)
    after = focused(page)  # the answer (a whole rerun) took neither the focus nor the scroll
    assert (after["key"], after["scroll"]) == (box, before["scroll"]), (before, after)

    # 5. Next section, then Tab moves on from the title: no trap, and the focus stays visible.
    following = section_title("expression", "en")
    tab_to(page, "the next link", lambda f: f["inMain"] and f["text"] == f"{following} →")
    page.keyboard.press("Enter")
    arrives_at_title(page, section_title("expression", "en"))
    page.keyboard.press("Tab")
    moved = focused(page)
    assert moved["tag"] not in ("H1", "BODY"), moved
    assert moved["visible"], moved
    tab_to(page, "the skip link, past the end of the page", lambda f: not f["inMain"])

    # 6. Answering in turns: a new step of the same page (the hand-over after the first turn)
    # starts at the top too, with the focus on the page's title.
    tool = t("turns.nav", "en")
    tab_to(page, "the turns page", lambda f: f["inSidebar"] and f["text"].endswith(tool))
    page.keyboard.press("Enter")
    arrives_at_title(page, t("turns.heading", "en"))
    tab_to(page, "the start button", lambda f: f["key"] == "turns_start")
    page.keyboard.press("Enter")
    arrives_at_title(page, t("turns.heading", "en"))
    done = tab_to(page, "the end of the first turn", lambda f: f["key"] == "turns_done_a")
    assert done["scroll"] > 0
    page.keyboard.press("Enter")
    arrives_at_title(page, t("turns.heading", "en"))
    expect(page.locator(".st-key-turns_start_b")).to_be_visible()
