"""Section 6 page: the emotional-safety check writes the workbook; flags and repairs follow it."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from emotions.i18n import content_table, t
from emotions.model import Language
from tests.apptest.conftest import english_left_over, go, open_app, table_as_shown, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


SAFETY = content_table("safety", "en")


def answer_line(pid: str, feeling: str, response: str, lang: Language = "en") -> str:
    """How sharing ``feeling`` tends to feel for partner ``pid`` (no names typed: Partner A/B)."""
    table = content_table("safety", lang)
    return str(table["responses"][response]["line"]).format(
        name=t(f"partner.{pid}", lang), feeling=table["feelings"][feeling]["noun"]
    )


def intimacy_page(locale: str = "en-US") -> AppTest:
    return go(open_app(locale), "intimacy")


def text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_an_answer_is_stored_and_a_flag_with_its_repairs_appears() -> None:
    at = intimacy_page()
    assert [s.key for s in at.main.selectbox] == [
        f"safety__a__{f}" for f in ("worry", "hurt", "sadness", "joy", "anger", "shame")
    ]
    assert "When you have answered the check above" in text(at)
    at.selectbox(key="safety__a__hurt").set_value("dismissed").run()
    assert at.session_state["workbook"].partners["a"].safety == {"hurt": "dismissed"}
    shown = text(at)
    assert f"- {answer_line('a', 'hurt', 'dismissed')}" in shown
    assert f"**{SAFETY['repairs']['dismissed']['title']}**" in shown
    assert t("safety.repairs_heading", "en") in [s.value for s in at.subheader]
    at.radio(key="safety_who").set_value("b").run()
    at.selectbox(key="safety__b__hurt").set_value("heard").run()
    at.selectbox(key="safety__b__joy").set_value("judged").run()
    assert at.session_state["workbook"].partners["b"].safety == {"hurt": "heard", "joy": "judged"}
    shown = text(at)
    assert answer_line("b", "hurt", "heard") in shown
    assert f"**{SAFETY['repairs']['judged']['title']}**" in shown
    table = table_as_shown(at.table[0].value)
    labels = [SAFETY["feelings"]["hurt"]] + [SAFETY["responses"][r] for r in ("dismissed", "heard")]
    assert list(table.iloc[1]) == [label["label"] for label in labels]


def test_only_gentle_answers_give_no_flags() -> None:
    at = intimacy_page()
    at.selectbox(key="safety__a__worry").set_value("comforted").run()
    assert t("safety.none_flagged", "en") in text(at)
    assert t("safety.repairs_heading", "en") not in [s.value for s in at.subheader]


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = intimacy_page()
    at.radio(key="safety_who").set_value("b").run()
    at.selectbox(key="safety__b__anger").set_value("alone").run()
    go(at, "ongoing_differences")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "intimacy")
    assert at.radio(key="safety_who").value == "b"
    assert at.selectbox(key="safety__b__anger").value == "alone"
    assert at.selectbox(key="safety__b__anger").label == "怒り"
    assert answer_line("b", "anger", "alone", "ja") in text(at)
    assert english_left_over(at) == []
    at.radio(key="ui_lang").set_value("en").run()
    assert at.selectbox(key="safety__b__anger").value == "alone"
    assert at.session_state["workbook"].partners["b"].safety == {"anger": "alone"}


def test_the_japanese_page_shows_japanese_options_flags_and_repairs() -> None:
    at = intimacy_page("ja-JP")
    at.selectbox(key="safety__a__worry").set_value("fixed").run()
    assert at.selectbox(key="safety__a__worry").options[0] == "聞いてもらえた"
    assert english_left_over(at) == []
    english = content_table("safety", "en")
    shown = text(at)
    assert english["repairs"]["fixed"]["title"] not in shown
    assert content_table("safety", "ja")["repairs"]["fixed"]["title"] in shown
    assert all(JAPANESE.search(m.value) for m in at.markdown)


def test_what_this_means_for_you_two_follows_the_couple() -> None:
    at = with_workbook(intimacy_page(), talker_and_processor())
    assert f"**{area_title('expression', 'far', 6)}**" in text(at)
    with_workbook(at, reassurance_and_independence())
    shown = text(at)
    assert f"**{area_title('support', 'different', 4)}**" in shown
    assert f"{t('dim.expression.name', 'en')}: {t('band.far', 'en')}" not in shown
