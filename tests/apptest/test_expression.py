"""Section 7 page: the channel decoder writes the workbook; the grid and texts follow the couple."""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit.testing.v1 import AppTest

from emotions import chart_text
from emotions.exercises import channels
from emotions.i18n import content_table, section_text, t
from emotions.model import CHANNELS, Language, Workbook
from emotions.texts import plain_names
from tests.apptest.conftest import english_left_over, go, open_app, table_as_shown, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def decoded(
    kind: str,
    channel: str,
    shower: str,
    noticer: str,
    show: int,
    notice: int,
    lang: Language = "en",
) -> str:
    """A sentence of the channel decoder (``most``, ``also``, ``works``) from its content table."""
    return str(content_table("channels", lang)[kind]).format(
        channel=t(f"channels.name.{channel}", lang),
        shower=shower,
        noticer=noticer,
        show=show,
        notice=notice,
    )


def expression_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "expression")


def chart(at: AppTest) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[no-any-return]


def shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def rated(wb: Workbook, answers: dict[tuple[str, str, str], int]) -> Workbook:
    for (pid, channel, kind), value in answers.items():
        channels.set_rating(wb.partners[pid], channel, kind, value)  # type: ignore[arg-type]
    return wb


def test_both_languages_render_with_the_rule_stated() -> None:
    at = expression_page()
    assert at.title[0].value == section_text("expression", "en")[0]
    questions = at.segmented_control
    assert [q.key for q in questions][:2] == [
        "channels__a__words__show",
        "channels__a__words__notice",
    ]
    assert len(questions) == 6
    # Nothing chosen, and the label says so: no 5 stands in for an open answer.
    assert all(q.value is None for q in questions)
    unanswered = t("answer.label_unanswered", "en", question=t("channels.show_label", "en"))
    assert questions[0].label == unanswered
    assert channels.rule_text("en") in shown(at)
    ja = expression_page("ja-JP")
    assert JAPANESE.search(ja.title[0].value)
    assert channels.rule_text("ja") in shown(ja)
    # Nothing answered yet: no empty bar chart, a line saying what will appear there.
    assert ja.get("plotly_chart") == []
    empty = Workbook(language="ja")
    assert chart_text.channels(empty, plain_names(empty, "ja"), "ja").text in shown(ja)
    assert english_left_over(ja) == []
    answered = rated(Workbook(), {("b", "actions", "notice"): 3})
    answered.language = "ja"
    ja = with_workbook(ja, answered)
    assert chart(ja)["data"][0]["x"] == [t(f"channels.name.{c}", "ja") for c in CHANNELS]


def test_answering_writes_the_workbook_and_flags_a_misreading() -> None:
    at = expression_page()
    at.segmented_control(key="channels__a__actions__show").set_value(8).run()
    partner = at.session_state["workbook"].partners["a"]
    assert partner.channels["actions"].show == 8 and partner.channels["actions"].notice is None
    label = at.segmented_control(key="channels__a__actions__show").label
    assert label == t("channels.show_label", "en")
    assert chart(at)["data"][0]["y"] == [None, 8, None]
    at.radio(key="channels_who").set_value("b").run()
    at.segmented_control(key="channels__b__actions__notice").set_value(3).run()
    assert at.session_state["workbook"].partners["b"].channels["actions"].notice == 3
    grid = table_as_shown(at.table[0].value)
    assert grid.iloc[1].tolist() == [
        t("channels.name.actions", "en"),
        t("channels.cell_misread", "en", show=8, notice=3),
        t("channels.cell_open", "en"),
    ]
    a, b = t("partner.a", "en"), t("partner.b", "en")
    assert decoded("most", "actions", a, b, 8, 3) in shown(at)


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = expression_page()
    at.radio(key="channels_who").set_value("b").run()
    at.segmented_control(key="channels__b__presence__show").set_value(9).run()
    go(at, "meta_emotion")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "expression")
    assert at.radio(key="channels_who").value == "b"
    assert at.segmented_control(key="channels__b__presence__show").value == 9
    assert at.segmented_control(key="channels__b__presence__show").label == t(
        "channels.show_label", "ja"
    )
    at.radio(key="ui_lang").set_value("en").run()
    assert at.segmented_control(key="channels__b__presence__show").value == 9
    assert at.session_state["workbook"].partners["b"].channels["presence"].show == 9


def test_an_answer_taken_back_is_open_again() -> None:
    at = expression_page()
    at.segmented_control(key="channels__a__words__show").set_value(5).run()
    assert at.session_state["workbook"].partners["a"].channels["words"].show == 5
    assert chart(at)["data"][0]["y"] == [5, None, None]
    at.segmented_control(key="channels__a__words__show").set_value(None).run()
    assert "words" not in at.session_state["workbook"].partners["a"].channels
    assert at.get("plotly_chart") == []  # nothing answered: no bars, no empty axes


def test_the_channel_most_likely_misread_follows_the_couple() -> None:
    mia_ren = rated(
        talker_and_processor(),
        {("a", "words", "show"): 9, ("b", "words", "notice"): 2},
    )
    at = with_workbook(expression_page(), mia_ren)
    text = shown(at)
    assert decoded("most", "words", "Mia", "Ren", 9, 2) in text
    # For you two: the needs about showing feelings (Mia and Ren are 6 apart on expression).
    assert f"**{area_title('expression', 'far', 6)}**" in text

    kai_sam = rated(
        reassurance_and_independence(),
        {("b", "presence", "show"): 7, ("a", "presence", "notice"): 0},
    )
    at = with_workbook(at, kai_sam)
    text = shown(at)
    assert decoded("most", "presence", "Sam", "Kai", 7, 0) in text
    assert decoded("most", "words", "Sam", "Kai", 0, 0).split(". ")[0] not in text
    assert "Mia" not in text

    kai_sam.language = "ja"
    at = with_workbook(at, kai_sam)
    assert decoded("most", "presence", "Sam", "Kai", 7, 0, "ja") in shown(at)
    assert english_left_over(at) == []


def test_no_misreading_says_what_will_appear() -> None:
    wb = rated(Workbook(), {("a", "words", "show"): 9, ("b", "words", "notice"): 9})
    at = with_workbook(expression_page(), wb)
    text = shown(at)
    assert decoded("most", "words", "", "", 0, 0).split(". ")[0] not in text
    assert decoded("works", "words", t("partner.a", "en"), t("partner.b", "en"), 9, 9) in text
    at.toggle(key="channels_table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    # A column only for what was answered: A's "shows" and B's "notices".
    assert list(table.columns) == [
        t("channels.table_channel", "en"),
        t("channels.series_show", "en", name=t("partner.a", "en")),
        t("channels.series_notice", "en", name=t("partner.b", "en")),
    ]
