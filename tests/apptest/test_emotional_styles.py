"""Section 3 page: the style map is the needs ratings; misreadings follow the couple."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.i18n import content_table, section_text, t
from emotions.languages import LANGUAGE_CODES
from tests.apptest.conftest import english_left_over, go, open_app, table_as_shown, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def styles_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "emotional_styles")


def style_map(at: AppTest) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[no-any-return]


def shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_both_languages_render_with_the_map() -> None:
    at = with_workbook(styles_page(), talker_and_processor())
    assert at.title[0].value == section_text("emotional-styles", "en")[0]
    keys = ["styles__a__processing", "styles__a__conflict_pace"]
    assert [s.key for s in at.segmented_control] == keys
    assert len(style_map(at)["data"]) == 3  # corner labels + two partners
    ja = styles_page("ja-JP")
    assert ja.title[0].value == section_text("emotional-styles", "ja")[0]
    assert JAPANESE.search(ja.subheader[0].value)
    assert "すぐ話す" in " ".join(style_map(ja)["data"][0]["text"])
    assert english_left_over(ja) == []


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_fresh_page_asks_both_questions_unanswered(lang: str) -> None:
    at = styles_page()
    at.radio(key="ui_lang").set_value(lang).run()
    for dim in ("processing", "conflict_pace"):
        control = at.segmented_control(key=f"styles__a__{dim}")
        assert control.value is None
        question = t(f"dim.{dim}.name", lang)
        assert control.label.startswith(t("answer.label_unanswered", lang, question=question))
        assert t(f"dim.{dim}.high", lang) in control.label  # the scale's ends, second line
    at.segmented_control(key="styles__a__processing").set_value(5).run()
    assert at.session_state["workbook"].partners["a"].ratings["processing"].need == 5
    at.segmented_control(key="styles__a__processing").set_value(None).run()
    assert at.session_state["workbook"].partners["a"].ratings["processing"].need is None


def test_answering_moves_the_point_and_the_needs_answer() -> None:
    at = styles_page()
    at.segmented_control(key="styles__a__processing").set_value(2).run()
    assert at.session_state["workbook"].partners["a"].ratings["processing"].need == 2
    # The same answer as the needs page: it shows there too.
    go(at, "what_it_means")
    assert at.segmented_control(key="need__a__processing").value == 2
    at.segmented_control(key="need__a__conflict_pace").set_value(9).run()
    go(at, "emotional_styles")
    assert at.segmented_control(key="styles__a__conflict_pace").value == 9
    assert (style_map(at)["data"][1]["x"], style_map(at)["data"][1]["y"]) == ([2], [9])
    lean = t("styles.lean.processing.low", "en")
    assert f"{t('partner.a', 'en')}: {lean} (2)" in shown(at)


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = styles_page()
    at.radio(key="styles_who").set_value("b").run()
    at.segmented_control(key="styles__b__conflict_pace").set_value(1).run()
    go(at, "communication")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "emotional_styles")
    assert at.radio(key="styles_who").value == "b"
    assert at.segmented_control(key="styles__b__conflict_pace").value == 1
    assert style_map(at)["layout"]["yaxis"]["title"]["text"] == t("dim.conflict_pace.name", "ja")
    at.radio(key="ui_lang").set_value("en").run()
    assert at.segmented_control(key="styles__b__conflict_pace").value == 1
    assert at.session_state["workbook"].partners["b"].ratings["conflict_pace"].need == 1


def test_misreadings_follow_the_couple() -> None:
    at = go(with_workbook(open_app(), talker_and_processor()), "emotional_styles")
    text = shown(at)
    table = content_table("styles", "en")
    assert table["conflict_pace"]["higher_reads"].format(higher="Mia", lower="Ren") in text
    assert table["both"]["text"].format(higher="Mia", lower="Ren") in text
    assert f"**{area_title('conflict_pace', 'far', 9)}**" in text
    # The readings are shown once, above; "for you two" adds what each could try.
    directions = content_table("directions", "en")["conflict_pace"]
    assert directions["opener"].format(higher="Mia", lower="Ren") in text
    assert directions["higher_may_read"].format(higher="Mia", lower="Ren") not in text

    at = with_workbook(at, reassurance_and_independence())
    text = shown(at)
    assert table["close"]["text"] in text
    assert "Mia" not in text and table["both"]["text"][:20] not in text


def test_a_japanese_couple_reads_japanese() -> None:
    wb = talker_and_processor()
    wb.language = "ja"
    at = go(with_workbook(open_app("ja-JP"), wb), "emotional_styles")
    text = shown(at)
    assert "Renが気持ちを整理するために黙りこむと、Miaは" in text
    assert "Mia：気持ちを声に出しながら一緒に考えるほうです（9）" in text
    at.toggle(key="styles_table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    where = t("styles.table_where", "ja")
    assert list(table.columns) == [
        t("styles.table_partner", "ja"),
        *(
            t("styles.table_scale", "ja", dimension=t(f"dim.{dim}.name", "ja"))
            for dim in ("processing", "conflict_pace")
        ),
        where,
    ]
    # The quadrant names are written on one line (Japanese needs no space where they break).
    quadrants = [
        t(f"styles.quadrant.{q}", "ja").replace("\n", "") for q in ("aloud_now", "inside_space")
    ]
    assert list(table[where]) == quadrants
    assert english_left_over(at) == []
