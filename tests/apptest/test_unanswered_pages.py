"""Issue 13, whole app: with one need of Partner A answered, no section compares the partners.

Aoi (A) answers her need on one dimension; Ren (B) nothing. On every one of the sections
(``emotions.sections.SECTIONS``) no text (sidebar included), table or chart compares them or
names a value Ren did not give (``tests/honesty.py``: every catalog template that names a value
or compares, checked against the workbook), no line names Ren beside that dimension and Aoi's
value, and every page that compares when both have answered says ``texts.nothing_to_compare``
instead. Then Ren answers the same question far apart: the needs page compares them on that
dimension only. Alone, Aoi sees her own profile (``emotions.profile``) on the needs page and the
final page.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions import analysis, profile, texts
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language
from emotions.model import Rating, Workbook
from emotions.sections import SECTIONS
from tests.apptest.conftest import go, open_app, visible_texts, with_workbook
from tests.honesty import NAMES, figure_problems, table_problems, text_problems

LANGS = pytest.mark.parametrize("lang", LANGUAGE_CODES)
DIM: DimensionId = "closeness"
HIGH, LOW = 9, 1
"""Aoi's answer, and Ren's later one: far apart."""


def script(page: str) -> str:
    """``app_pages/<name>.py`` -> ``<name>`` (what ``go`` takes)."""
    return page.removeprefix("app_pages/").removesuffix(".py")


def couple(lang: Language) -> Workbook:
    """Aoi and Ren, nothing answered."""
    wb = Workbook(language=lang)
    wb.partners["a"].name, wb.partners["b"].name = NAMES["a"], NAMES["b"]
    return wb


def one_need(lang: Language) -> Workbook:
    wb = couple(lang)
    wb.partners["a"].ratings[DIM].need = HIGH
    return wb


def everything_far_apart(lang: Language) -> Workbook:
    """Both answered every question, far apart on every need: every page has a comparison."""
    wb = couple(lang)
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim] = Rating(need=HIGH, importance="high", met=2, guess=LOW)
        wb.partners["b"].ratings[dim] = Rating(need=LOW, importance="low", met=LOW, guess=HIGH)
    return wb


def shown(at: AppTest) -> list[str]:
    """Every text of the main area (expanders included) and of the sidebar."""
    side = [e.value for kind in ("markdown", "caption") for e in at.sidebar.get(kind)]
    return visible_texts(at) + [e.value for e in at.main.get("markdown")] + side


def open_tables(at: AppTest) -> AppTest:
    """Switch on every toggle of the page (they show the tables beside the charts)."""
    toggles = [toggle for toggle in at.main.get("toggle") if not toggle.value]
    for toggle in toggles:
        toggle.set_value(True)
    if toggles:
        at.run()
        assert not at.exception, at.exception
    return at


def tables(at: AppTest) -> list[list[dict[str, object]]]:
    out = []
    for kind in ("table", "dataframe"):
        for element in at.main.get(kind):
            frame = element.value
            out.append(frame.to_dict("records"))
    return out


def figures(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def page_problems(at: AppTest, wb: Workbook, lang: Language) -> list[str]:
    problems = text_problems(wb, lang, shown(at))
    for rows in tables(at):
        problems += table_problems(wb, lang, rows)
    for figure in figures(at):
        problems += figure_problems(wb, lang, figure)
    return problems


def names_ren_with_aois_answer(at: AppTest, lang: Language) -> list[str]:
    """Lines that put Ren beside the dimension only Aoi answered and Aoi's value."""
    dimension = t(f"dim.{DIM}.name", lang)
    return [
        line
        for text in shown(at)
        for line in text.splitlines()
        if NAMES["b"] in line and dimension in line and str(HIGH) in line.replace(dimension, "")
    ]


@functools.cache
def comparing_pages() -> tuple[str, ...]:
    """The sections whose page compares the partners once both answered everything: those whose
    texts would be a problem for the one-need workbook (found, not listed by hand)."""
    lang: Language = LANGUAGE_CODES[0]
    at = with_workbook(open_app(lang), everything_far_apart(lang))
    found = []
    for entry in SECTIONS:
        go(at, script(entry.page))
        if text_problems(one_need(lang), lang, shown(at)):
            found.append(entry.id)
    return tuple(found)


def test_the_pages_that_compare_are_found() -> None:
    assert "what-it-means" in comparing_pages()
    assert len(comparing_pages()) >= 5, comparing_pages()


def _walk_every_section(at: AppTest, lang: Language) -> None:
    wb = at.session_state["workbook"]
    assert analysis.answered_needs(wb, "a") == [DIM]
    assert analysis.answered_needs(wb, "b") == []
    names = texts.plain_names(wb, lang)
    calm = texts.nothing_to_compare(wb, names, lang)
    assert calm == t("compare.one_partner", lang, answered=NAMES["a"], other=NAMES["b"], count=1)
    compared = comparing_pages()
    for entry in SECTIONS:
        open_tables(go(at, script(entry.page)))
        problems = page_problems(at, wb, lang)
        assert not problems, f"{entry.id}: {problems[:5]}"
        assert not names_ren_with_aois_answer(at, lang), entry.id
        if entry.id in compared:
            assert calm in shown(at), f"{entry.id} does not say there is nothing to compare"


@LANGS
def test_one_need_of_partner_a_set_in_the_workbook_no_section_compares(lang: Language) -> None:
    at = with_workbook(open_app(lang), one_need(lang))
    _walk_every_section(at, lang)


@LANGS
def test_one_need_of_partner_a_answered_on_the_needs_page_no_section_compares(
    lang: Language,
) -> None:
    at = with_workbook(open_app(lang), couple(lang))
    go(at, "what_it_means")
    at.segmented_control(key=f"need__a__{DIM}").set_value(HIGH).run()
    assert not at.exception, at.exception
    assert at.session_state["workbook"].partners["a"].ratings[DIM].need == HIGH
    _walk_every_section(at, lang)


def ranked_areas(at: AppTest, lang: Language) -> list[str]:
    """The numbered lines of the needs page's "areas to understand" block."""
    heading = f"### {t('needs.areas_heading', lang)}"
    block = next(m.value for m in at.main.get("markdown") if m.value.startswith(heading))
    return [line.removeprefix("1. ") for line in block.splitlines() if line.startswith("1. ")]


@LANGS
def test_when_b_answers_the_same_need_far_apart_the_needs_page_compares_only_there(
    lang: Language,
) -> None:
    at = with_workbook(open_app(lang), one_need(lang))
    go(at, "what_it_means")
    assert ranked_areas(at, lang) == []
    at.radio(key="needs_who").set_value("b").run()
    at.segmented_control(key=f"need__b__{DIM}").set_value(LOW).run()
    assert not at.exception, at.exception
    wb = at.session_state["workbook"]
    assert analysis.shared_dimensions(wb) == [DIM]
    expected = texts.area_line(
        analysis.areas_to_understand(wb)[0], texts.plain_names(wb, lang), lang
    )
    assert analysis.areas_to_understand(wb)[0].band == "far"
    assert ranked_areas(at, lang) == [expected]
    assert not page_problems(open_tables(at), wb, lang)
    assert len(tables(at)) == 1
    # The direction-aware texts of that one dimension are there, and no other dimension's.
    assert any(NAMES["a"] in text and NAMES["b"] in text for text in shown(at))


def profile_lines_shown(at: AppTest, lines: list[str]) -> list[str]:
    text = "\n".join(shown(at))
    return [line for line in lines if line not in text]


@LANGS
def test_one_partner_alone_sees_her_own_profile_on_the_needs_page_and_the_final_page(
    lang: Language,
) -> None:
    wb = couple(lang)
    for dim, need in (("closeness", 8), ("support", 2), ("processing", 6)):
        wb.partners["a"].ratings[dim].need = need
    wb.partners["a"].ratings["support"].importance = "high"
    at = with_workbook(open_app(lang), wb)
    names = texts.plain_names(wb, lang)
    lines = profile.profile_lines(wb, "a", names, lang)
    assert lines
    for page in ("what_it_means", "final_thoughts"):
        go(at, page)
        assert t("profile.heading", lang, name=NAMES["a"]) in "\n".join(shown(at)), page
        assert not profile_lines_shown(at, lines), (page, profile_lines_shown(at, lines))
        # Ren has no profile: nothing of hers is said as if she had answered.
        assert t("profile.heading", lang, name=NAMES["b"]) not in "\n".join(shown(at)), page
        assert not page_problems(at, wb, lang), page
    go(at, "final_thoughts")
    for line in profile.unanswered_lines(wb, "b", names, lang):
        assert line in "\n".join(shown(at))
