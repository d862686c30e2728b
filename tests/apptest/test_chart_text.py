"""Every chart page shows the chart's text beside it (emotions/chart_text.py, issue 15 item 5), in
both languages; with nothing answered the charts that would be empty axes are replaced by the
line saying what will appear there (issue 16 item 6)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from emotions import chart_text as ct
from emotions import samples
from emotions.languages import LANGUAGE_CODES, Language
from emotions.model import Workbook
from emotions.texts import Names, plain_names
from tests.apptest.conftest import go, open_app, with_workbook

Text = Callable[[Workbook, Names, Language], list[ct.ChartText]]

WITH_DATA: dict[str, Text] = {
    "what_it_means": lambda wb, n, lang: [ct.radar(wb, n, lang)],
    "compatibility": lambda wb, n, lang: [ct.difference_map(wb, n, lang)],
    "emotional_styles": lambda wb, n, lang: [ct.style_map(wb, n, lang)],
    "meta_emotion": lambda wb, n, lang: [
        ct.meta_grid(wb, "a", n, lang),
        ct.meta_grid(wb, "b", n, lang),
        ct.meta_difference(wb, n, lang),
    ],
    "expression": lambda wb, n, lang: [ct.channels(wb, n, lang)],
    "distance": lambda wb, n, lang: [ct.distance_illustration(0.4, 0.5, lang)],
    "ongoing_differences": lambda wb, n, lang: [ct.need_met(wb, "a", n, lang)],
    "rebuilding": lambda wb, n, lang: [ct.checkin_trend(wb, n, lang)],
}
"""Page script -> the texts its charts carry (the sliders of section 5 at their defaults)."""

EMPTY: dict[str, Text] = {
    "compatibility": WITH_DATA["compatibility"],
    "meta_emotion": lambda wb, n, lang: [ct.meta_grid(wb, "a", n, lang)],
    "expression": WITH_DATA["expression"],
    "ongoing_differences": WITH_DATA["ongoing_differences"],
}
"""The pages whose charts would be empty axes on a first visit."""


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_each_chart_page_shows_its_text_beside_the_chart(lang: Language) -> None:
    wb = samples.load_sample(samples.SAMPLE_IDS[0], lang)
    at = with_workbook(open_app(f"{lang}-XX"), wb)
    names = plain_names(wb, lang)
    for script, texts in WITH_DATA.items():
        go(at, script)
        assert at.get("plotly_chart"), script
        for text in texts(wb, names, lang):
            assert not text.empty and text.text in markdown(at), (script, text.text)
    # Section 12: the guesses' chart is shown on the reveal, with its text.
    go(at, "meta_awareness")
    at.toggle(key="aware_reveal").set_value(True).run()
    for about in ("a", "b"):
        assert ct.perception(wb, about, names, lang).text in markdown(at)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_an_empty_workbook_shows_what_will_appear_instead_of_empty_axes(lang: Language) -> None:
    at = open_app(f"{lang}-XX")
    for script, texts in EMPTY.items():
        go(at, script)
        wb = at.session_state["workbook"]
        assert at.get("plotly_chart") == [], script
        for text in texts(wb, plain_names(wb, lang), lang):
            assert text.empty and text.text in markdown(at), (script, text.text)
