"""Section 4 page: the grid writes the workbook, heatmaps and the difference map follow it."""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit.testing.v1 import AppTest

from emotions import chart_text
from emotions.exercises import meta_emotion as meta
from emotions.i18n import content_table, section_text, t
from emotions.model import Workbook
from emotions.texts import plain_names
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def meta_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "meta_emotion")


def charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def with_grids(
    wb: Workbook, a: dict[tuple[str, str], int], b: dict[tuple[str, str], int]
) -> Workbook:
    for pid, cells in (("a", a), ("b", b)):
        for (emotion, belief), value in cells.items():
            meta.set_agreement(wb.partners[pid], emotion, belief, value)  # type: ignore[arg-type]
    return wb


def test_both_languages_render_one_partner_grid_and_two_heatmaps() -> None:
    at = meta_page()
    assert at.title[0].value == section_text("meta-emotion", "en")[0]
    keys = [w.key for w in at.segmented_control]
    assert len(keys) == 20 and keys[0] == "meta__a__sadness__acceptable"
    assert all(w.value is None for w in at.segmented_control)  # unanswered stays unanswered
    # Nothing answered: no heatmap of empty axes, a line per partner saying what will appear.
    assert charts(at) == []
    wb = at.session_state["workbook"]
    for pid in wb.partners:
        assert chart_text.meta_grid(wb, pid, plain_names(wb, "en"), "en").text in shown(at)
    assert content_table("meta_emotion", "en")["general"]["differ"] not in shown(at)
    ja = meta_page("ja-JP")
    assert JAPANESE.search(ja.title[0].value)
    assert ja.segmented_control[0].label == "受け入れてよい"
    one_cell = with_grids(Workbook(language="ja"), {("anger", "weak"): 2}, {})
    ja = with_workbook(ja, one_cell)
    assert charts(ja)[0]["data"][0]["y"][0] == "悲しみ"
    assert len(charts(ja)) == 1  # the partner with no answer has the line, not a chart
    assert english_left_over(ja) == []


def test_answering_a_cell_writes_the_workbook_and_the_heatmap() -> None:
    at = meta_page()
    at.segmented_control(key="meta__a__anger__dangerous").set_value(4).run()
    assert at.session_state["workbook"].partners["a"].meta_emotion == {"anger": {"dangerous": 4}}
    assert charts(at)[0]["data"][0]["z"][1] == [None, None, 4, None]
    assert "1 of 20 cells answered" in " ".join(c.value for c in at.caption)
    # Clearing the cell takes the answer away again.
    at.segmented_control(key="meta__a__anger__dangerous").set_value(None).run()
    assert at.session_state["workbook"].partners["a"].meta_emotion == {}


def test_the_difference_map_appears_when_both_answered_a_cell() -> None:
    at = meta_page()
    at.segmented_control(key="meta__a__joy__valuable").set_value(5).run()
    at.radio(key="meta_who").set_value("b").run()
    at.segmented_control(key="meta__b__joy__valuable").set_value(2).run()
    maps = charts(at)
    assert len(maps) == 3
    assert maps[2]["data"][0]["z"][3] == [None, 3, None, None]
    assert t(
        "meta.disagreement_line",
        "en",
        emotion=t("meta.emotion.joy", "en"),
        belief=t("meta.belief.valuable", "en"),
        name_a=t("partner.a", "en"),
        a=5,
        name_b=t("partner.b", "en"),
        b=2,
        difference=3,
    ) in shown(at)


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = meta_page()
    at.radio(key="meta_who").set_value("b").run()
    at.segmented_control(key="meta__b__shame__weak").set_value(5).run()
    go(at, "expression")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "meta_emotion")
    assert at.radio(key="meta_who").value == "b"
    assert at.segmented_control(key="meta__b__shame__weak").value == 5
    assert at.segmented_control(key="meta__b__shame__weak").label == "弱さのしるし"
    at.radio(key="ui_lang").set_value("en").run()
    assert at.segmented_control(key="meta__b__shame__weak").value == 5
    assert at.session_state["workbook"].partners["b"].meta_emotion == {"shame": {"weak": 5}}


def test_what_it_means_follows_the_couple() -> None:
    contrast = content_table("meta_emotion", "en")["contrast"]
    mia_ren = with_grids(
        talker_and_processor(),
        {("sadness", "valuable"): 5},
        {("sadness", "weak"): 5, ("sadness", "valuable"): 1},
    )
    at = with_workbook(meta_page(), mia_ren)
    text = shown(at)
    assert contrast["sadness"]["text"].format(wary="Ren", welcoming="Mia") in text
    # Their 'value of feelings' needs are 4 apart: the direction texts of that need follow.
    assert f"**{area_title('emotion_value', 'different', 4)}**" in text

    kai_sam = with_grids(
        reassurance_and_independence(),
        {("anger", "dangerous"): 4},
        {("anger", "acceptable"): 5, ("anger", "dangerous"): 2},
    )
    at = with_workbook(at, kai_sam)
    text = shown(at)
    assert contrast["anger"]["text"].format(wary="Kai", welcoming="Sam") in text
    assert "tends to see sadness" not in text
    assert "Value of feelings" not in text  # 6 and 7: close, so not shown

    kai_sam.language = "ja"
    at = with_workbook(at, kai_sam)
    assert "Kaiは怒りを、危険なものや自分を見失うことと見がちです。" in shown(at)
    assert english_left_over(at) == []


def test_tables_are_the_alternative_to_the_heatmaps() -> None:
    wb = with_grids(talker_and_processor(), {("fear", "weak"): 1}, {("fear", "weak"): 4})
    at = with_workbook(meta_page(), wb)
    at.toggle(key="meta_tables").set_value(True).run()
    mia, ren, differ = (t.value for t in at.table)
    assert mia.iloc[2].tolist() == ["Fear", *[meta.UNANSWERED] * 3, "1"]
    assert ren.iloc[2].tolist() == ["Fear", *[meta.UNANSWERED] * 3, "4"]
    assert differ.iloc[0].tolist() == ["Fear", "weak", 1, 4, 3]
