"""Section 5 page: the moment explorer follows the receiver; the illustration, its sliders."""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit.testing.v1 import AppTest

from emotions.escape import markdown_escape
from emotions.i18n import content_table
from tests.apptest.conftest import english_left_over, go, open_app, table_as_shown, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def distance_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "distance")


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def chart(at: AppTest) -> dict[str, Any]:
    return json.loads(at.get("plotly_chart")[0].proto.spec)  # type: ignore[no-any-return]


def test_who_reached_out_is_stored_and_the_responses_are_read_from_their_needs() -> None:
    at = with_workbook(distance_page(), talker_and_processor())
    assert at.subheader[1].value == "Four ways Ren could respond"
    shown = text(at)
    assert "**Comfort** :green-badge[Likely to help]" in shown
    assert "**Solutions** :orange-badge[May miss]" in shown
    assert "When upset, Mia leans towards comfort and validation" in shown
    at.radio(key="distance__reacher").set_value("b").run()
    assert at.session_state["workbook"].vulnerable_moment.reacher == "b"
    assert at.subheader[1].value == "Four ways Mia could respond"
    shown = text(at)
    assert "**Comfort** :blue-badge[May land partly]" in shown
    assert "**Solutions** :green-badge[Likely to help]" in shown
    assert "**Curious questions** :orange-badge[May miss]" in shown
    assert "Ren usually sorts feelings out inside first" in shown


def test_the_second_couple_gets_its_own_reading() -> None:
    at = with_workbook(distance_page(), reassurance_and_independence())
    # Kai is in between everywhere that matters here: every response may land partly.
    assert text(at).count(":blue-badge[May land partly]") == 4
    assert "Kai sits between comfort and solutions" in text(at)
    at.radio(key="distance__reacher").set_value("b").run()
    shown = text(at)
    assert "**Comfort** :green-badge[Likely to help]" in shown
    assert "Sam often needs to hear that the two of you are OK" in shown
    assert f"**{area_title('support', 'different', 4)}**" in shown


def test_the_moment_survives_a_page_switch_and_a_language_switch() -> None:
    at = with_workbook(distance_page(), talker_and_processor())
    at.radio(key="distance__reacher").set_value("b").run()
    at.text_input(key="distance__what").input("I told you about the exam").run()
    moment = at.session_state["workbook"].vulnerable_moment
    assert (moment.reacher, moment.what) == ("b", "I told you about the exam")
    assert "> When Ren reached out: “I told you about the exam”" in text(at)
    go(at, "intimacy")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "distance")
    assert at.radio(key="distance__reacher").value == "b"
    assert at.text_input(key="distance__what").value == "I told you about the exam"
    assert "Renが打ち明けたこと：「I told you about the exam」" in text(at)
    assert "**解決策を出す** :green-badge[助けになりやすい]" in text(at)
    at.radio(key="ui_lang").set_value("en").run()
    assert at.text_input(key="distance__what").value == "I told you about the exam"


def test_what_happened_is_shown_as_typed_never_as_markup() -> None:
    at = distance_page()
    typed = "**so** [hurt](http://example.com) :material/home:"
    at.text_input(key="distance__what").input(typed).run()
    assert markdown_escape(typed) in text(at)
    assert at.session_state["workbook"].vulnerable_moment.what == typed


def test_the_japanese_page_is_japanese_throughout() -> None:
    wb = talker_and_processor()
    wb.language = "ja"
    at = with_workbook(distance_page("ja-JP"), wb)
    assert english_left_over(at) == []
    english = content_table("distance", "en")
    shown = text(at) + " ".join(c.value for c in at.caption)
    for response in english["responses"].values():
        assert response["name"] not in shown and response["example"] not in shown
    landing = next(m.value for m in at.markdown if m.value.startswith("- Mia"))
    assert JAPANESE.search(landing)
    assert "説明のための図" in at.info[0].value
    assert chart(at)["data"][0]["name"] == "修復がない場合"


def test_the_illustration_follows_its_sliders_and_has_a_table() -> None:
    at = distance_page()
    assert "not a prediction and not data" in at.info[0].value
    before = chart(at)["data"]
    assert [trace["name"] for trace in before] == ["Without repairs", "With small repairs"]
    at.slider(key="distance__miss").set_value(80).run()
    after = chart(at)["data"]
    assert after[0]["y"][-1] < before[0]["y"][-1]
    at.slider(key="distance__repair").set_value(0).run()
    flat = chart(at)["data"]
    assert flat[0]["y"] == flat[1]["y"]  # no repairs: the two curves are the same
    at.toggle(key="distance__table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    assert list(table["Week"]) == [0, 4, 13, 26, 39, 52]
    # The illustration's parameters are view state: nothing about them lands in the workbook.
    assert at.session_state["workbook"].vulnerable_moment is None
