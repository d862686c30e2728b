"""Answers in the frame: the sidebar counts each partner's answered questions, and presentation
mode shows "not answered yet" where a value was never given."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from emotions.analysis import question_count
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language
from tests.apptest.conftest import go, open_app, table_as_shown


def in_language(lang: Language) -> AppTest:
    at = open_app()
    if at.radio(key="ui_lang").value != lang:
        at.radio(key="ui_lang").set_value(lang).run()
    return at


def sidebar(at: AppTest) -> str:
    return "\n".join(c.value for c in at.sidebar.caption)


def count(lang: Language, name: str, answered: int) -> str:
    return t("answer_ui.sidebar_count", lang, name=name, answered=answered, total=question_count())


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_sidebar_counts_each_partners_answers(lang: Language) -> None:
    at = in_language(lang)
    a, b = t("partner.a", lang), t("partner.b", lang)
    assert count(lang, a, 0) in sidebar(at) and count(lang, b, 0) in sidebar(at)
    at.text_input(key="name__a").input("**Ana** :material/home:").run()
    ana = markdown_escape("**Ana** :material/home:")  # the caption renders Markdown: escaped
    go(at, "what_it_means")
    at.segmented_control(key="need__a__expression").set_value(5).run()
    at.radio(key="needs_kind").set_value("importance").run()
    at.segmented_control(key="importance__a__expression").set_value("high").run()
    assert count(lang, ana, 2) in sidebar(at) and count(lang, b, 0) in sidebar(at)
    at.radio(key="needs_who").set_value("b").run()
    at.segmented_control(key="importance__b__support").set_value("low").run()
    assert count(lang, b, 1) in sidebar(at)
    at.segmented_control(key="importance__b__support").set_value(None).run()  # taken back
    assert count(lang, b, 0) in sidebar(at) and count(lang, ana, 2) in sidebar(at)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_presenting_the_sidebar_names_nobody(lang: Language) -> None:
    at = in_language(lang)
    at.text_input(key="name__a").input("Mia").run()
    at.text_input(key="name__b").input("Ren").run()
    go(at, "what_it_means")
    at.segmented_control(key="need__a__expression").set_value(3).run()
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert count(lang, t("partner.a", lang), 1) in sidebar(at)
    assert count(lang, t("partner.b", lang), 0) in sidebar(at)
    assert "Mia" not in sidebar(at) and "Ren" not in sidebar(at)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_presenting_an_unanswered_need_reads_not_answered_yet(lang: Language) -> None:
    at = go(in_language(lang), "what_it_means")
    at.segmented_control(key="need__a__support").set_value(10).run()
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.segmented_control  # nothing to answer on a shared screen
    at.toggle(key="needs_table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    a, b = t("partner.a", lang), t("partner.b", lang)
    row = table[table[t("needs.table_dimension", lang)] == t("dim.support.name", lang)].iloc[0]
    assert str(row[a]) == "10"
    assert row[b] == t("answer.not_answered", lang)
    # No cell anywhere reads as a number B never gave, nor as Python's "None".
    assert set(table[b]) == {t("answer.not_answered", lang)}
    assert "None" not in table.to_string()


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_presenting_an_unanswered_met_reads_not_answered_yet(lang: Language) -> None:
    at = go(in_language(lang), "what_it_means")
    at.segmented_control(key="need__a__support").set_value(8).run()
    at.segmented_control(key="need__a__processing").set_value(3).run()
    go(at, "ongoing_differences")
    at.segmented_control(key="met__a__support").set_value(2).run()
    at.sidebar.toggle(key="ui_present").set_value(True).run()
    assert not at.segmented_control
    at.toggle(key="persist__table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    rows = {row.iloc[0]: list(row.iloc[1:]) for _, row in table.iterrows()}
    # The table's own text for an open question (emotions/exercises/persisting.py) or, for a
    # None cell, ui.section.table's: either says "not answered", never a number.
    unanswered = {t("answer.not_answered", lang), t("needs.not_rated", lang)}
    # Processing: a need but no "met" yet; Closeness: neither. Never a 5, never "None".
    processing, closeness = (rows[t(f"dim.{d}.name", lang)] for d in ("processing", "closeness"))
    assert processing[0] == "3" and processing[1] in unanswered
    assert closeness[0] in unanswered and closeness[1] in unanswered
    assert rows[t("dim.support.name", lang)][:2] == ["8", "2"]
    assert "None" not in table.to_string()
