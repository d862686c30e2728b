"""Section 8 page: 'met' answers and withdrawal signs are stored; the texts follow the couple."""

from __future__ import annotations

import json
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import persisting
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.texts import plain_names
from tests.apptest.conftest import english_left_over, go, open_app, table_as_shown, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor


def persist_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "ongoing_differences")


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def chart(at: AppTest) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[no-any-return]


def test_a_met_answer_is_stored_charted_and_read_as_never_enough() -> None:
    at = with_workbook(persist_page(), talker_and_processor())
    slider = at.segmented_control(key="met__a__closeness")
    assert slider.value is None
    label = t("persist.met_label", "en", dimension=t("dim.closeness.name", "en"), need=7)
    assert slider.label.startswith(t("answer.label_unanswered", "en", question=label))
    captions = " ".join(c.value for c in at.caption)
    assert "Mia has not said yet how well any of the needs are met" in captions
    slider.set_value(2).run()
    assert at.session_state["workbook"].partners["a"].ratings["closeness"].met == 2
    assert at.segmented_control(key="met__a__closeness").label.startswith(f"{label}  \n")
    assert chart(at)["data"][1]["x"][2] == 2
    assert "Mia's need is well above how well it feels met in Closeness (need 7, met 2)." in text(
        at
    )
    # A gap inside the "close" band is not read as "never enough".
    at.segmented_control(key="met__a__closeness").set_value(5).run()
    assert "Nothing in Mia's answers suggests either feeling so far." in text(at)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_fresh_page_shows_no_number_for_what_is_not_answered(lang: str) -> None:
    at = persist_page()
    at.radio(key="ui_lang").set_value(lang).run()
    for dim in DIMENSION_IDS:
        control = at.segmented_control(key=f"met__a__{dim}")
        assert control.value is None
        # The label recalls the need: not answered, so it says so instead of a number.
        label = t("answer_ui.met_label_no_need", lang, dimension=t(f"dim.{dim}.name", lang))
        assert control.label.startswith(t("answer.label_unanswered", lang, question=label))
        assert not any(ch.isdigit() for ch in control.label.split("\n")[0])
    at.segmented_control(key="met__a__support").set_value(5).run()
    assert at.session_state["workbook"].partners["a"].ratings["support"].met == 5
    at.segmented_control(key="met__a__support").set_value(None).run()
    assert at.session_state["workbook"].partners["a"].ratings["support"].met is None


def test_too_much_and_never_enough_follow_each_couple() -> None:
    at = with_workbook(persist_page(), talker_and_processor())
    shown = text(at)
    assert "**Mia**\n\nNothing in Mia's answers suggests either feeling so far." in shown
    assert "**Ren**\n\n- Mia's need is well above Ren's in Pace under tension (Mia 10, Ren 1)" in (
        shown
    )
    with_workbook(at, reassurance_and_independence())
    shown = text(at)
    assert "**Kai**\n\n- Sam's need is well above Kai's in Reassurance (Sam 10, Kai 2)" in shown
    assert "Nothing in Sam's answers suggests either feeling so far." in shown
    assert f"**{area_title('reassurance', 'far', 8)}**" in shown


def test_signs_are_stored_per_partner_and_several_bring_a_calm_note() -> None:
    at = persist_page()
    at.radio(key="persist_who").set_value("b").run()
    at.checkbox(key="persist__sign__b__keep_to_myself").check().run()
    assert at.session_state["workbook"].partners["b"].withdrawal_signs == ["keep_to_myself"]
    assert "Noticing a sign like this is already a step." in text(at)
    assert len(at.info) == 0
    at.checkbox(key="persist__sign__b__stopped_asking").check().run()
    at.checkbox(key="persist__sign__b__shorter_talks").check().run()
    assert at.session_state["workbook"].partners["b"].withdrawal_signs == [
        "keep_to_myself",
        "shorter_talks",
        "stopped_asking",
    ]
    # The fuller note, whole (it says the signs may come from fear as well as tiredness).
    wb = at.session_state["workbook"]
    note = persisting.withdrawal_note(wb, "b", plain_names(wb, "en"), "en")
    assert note is not None and note[0] == "several"
    assert at.info[0].value == note[1]
    assert "Partner B has ticked several signs" in at.info[0].value
    assert len(at.warning) == 0 and len(at.error) == 0
    at.checkbox(key="persist__sign__b__shorter_talks").uncheck().run()
    assert len(at.info) == 0
    assert at.session_state["workbook"].partners["a"].withdrawal_signs == []


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = persist_page()
    at.radio(key="persist_who").set_value("b").run()
    at.segmented_control(key="met__b__support").set_value(1).run()
    at.checkbox(key="persist__sign__b__avoid_topics").check().run()
    go(at, "communication")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "ongoing_differences")
    assert at.radio(key="persist_who").value == "b"
    assert at.segmented_control(key="met__b__support").value == 1
    assert at.checkbox(key="persist__sign__b__avoid_topics").value is True
    assert at.checkbox(key="persist__sign__b__avoid_topics").label == (
        "波風を立てないように、避けている話題がある。"
    )
    assert english_left_over(at) == []
    at.radio(key="ui_lang").set_value("en").run()
    assert at.segmented_control(key="met__b__support").value == 1
    partner = at.session_state["workbook"].partners["b"]
    assert (partner.ratings["support"].met, partner.withdrawal_signs) == (1, ["avoid_topics"])


def test_the_japanese_page_and_its_table_alternative() -> None:
    wb = reassurance_and_independence()
    wb.language = "ja"
    wb.partners["a"].ratings["closeness"].met = 1
    at = with_workbook(persist_page("ja-JP"), wb)
    assert english_left_over(at) == []
    assert "安心の言葉（Sam 10、Kai 2）" in text(at)
    assert chart(at)["data"][0]["name"] == "ニーズ"
    at.toggle(key="persist__table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    assert list(table.columns)[:2] == ["ニーズ", "必要としている度合い"]
    assert table.iloc[2]["今の満たされ具合"] == "1"
    assert table.iloc[0]["今の満たされ具合"] == "未回答"
