"""Section 1: how the workbook works, names shared with the sidebar, the mode, privacy."""

from __future__ import annotations

from emotions.i18n import t
from tests.apptest.conftest import english_left_over, go
from tests.apptest.sections_helpers import english_runs, page, shown, workbook_of


def test_the_page_explains_how_it_works_and_what_it_is_not_in_both_languages() -> None:
    at = page("introduction")
    text = shown(at)
    assert f"1. {t('intro.step_order', 'en')}" in text
    assert f"5. {t('intro.step_nothing_stored', 'en')}" in text
    assert t("intro.not_therapy", "en") in text
    assert at.main.get("page_link")[0].proto.page.endswith("about")
    ja = page("introduction", "ja-JP")
    text = shown(ja)
    assert f"1. {t('intro.step_order', 'ja')}" in text
    assert t("intro.privacy_body", "ja") in text
    assert list(ja.radio(key="intro_mode").proto.captions) == [
        t("intro.mode_together_help", "ja"),
        t("intro.mode_separate_help", "ja"),
    ]
    assert english_left_over(ja) == []
    assert english_runs(ja) == []


def test_names_here_and_in_the_sidebar_are_one_and_the_same() -> None:
    at = page("introduction")
    at.text_input(key="intro_name__a").input(" Mia ").run()
    assert workbook_of(at).partners["a"].name == "Mia"
    assert at.text_input(key="name__a").value == "Mia"
    at.text_input(key="name__b").input("Ren").run()
    assert at.text_input(key="intro_name__b").value == "Ren"
    # The names reach the rest of the page (the reflection notes' labels).
    assert at.text_area(key="reflect__introduction__b").label == "Ren's note"
    at.text_input(key="intro_name__a").input("").run()
    assert at.text_input(key="name__a").value == ""
    label = t("reflect.note_label", "en", name=t("partner.a", "en"))
    assert at.text_area(key="reflect__introduction__a").label == label


def test_the_mode_is_kept_in_the_workbook_and_explained() -> None:
    at = page("introduction")
    assert at.radio(key="intro_mode").value == "together"
    assert at.info[0].value == t("intro.together_steps", "en")
    at.radio(key="intro_mode").set_value("separate").run()
    assert workbook_of(at).mode == "separate"
    assert at.info[0].value == t("intro.separate_steps", "en")
    assert "combined" in at.info[0].value


def test_names_and_mode_survive_a_page_switch_and_a_language_switch() -> None:
    at = page("introduction")
    at.text_input(key="intro_name__a").input("Mia").run()
    at.radio(key="intro_mode").set_value("separate").run()
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "introduction")
    assert at.text_input(key="intro_name__a").value == "Mia"
    assert at.radio(key="intro_mode").value == "separate"
    assert at.info[0].value == t("intro.separate_steps", "ja")
    assert at.radio(key="intro_mode").options == [
        t("intro.mode_together", "ja"),
        t("intro.mode_separate", "ja"),
    ]
    at.radio(key="ui_lang").set_value("en").run()
    assert at.radio(key="intro_mode").value == "separate"
