"""The needs profile: sliders write the workbook, the radar follows, answers survive switches."""

from __future__ import annotations

from emotions.dimensions import DIMENSION_IDS
from emotions.escape import markdown_escape
from emotions.i18n import section_text, t
from tests.apptest.conftest import go, open_app, radar, table_as_shown
from tests.copy import area_line, area_title


def needs_page(locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return go(open_app(locale), "what_it_means")


def test_moving_a_slider_changes_the_radar_and_the_ranked_areas() -> None:
    at = needs_page()
    before = radar(at)["data"][0]["r"]
    assert before[0] == 5
    at.slider(key="need__a__expression").set_value(9).run()
    after = radar(at)
    assert after["data"][0]["r"][0] == after["data"][0]["r"][-1] == 9
    assert after["data"][1]["r"][0] == 5
    assert at.session_state["workbook"].partners["a"].ratings["expression"].need == 9
    heading = f"### {t('needs.areas_heading', 'en')}"
    block = next(m.value for m in at.markdown if m.value.startswith(heading))
    areas = [line for line in block.splitlines() if line.startswith("1. ")]
    a, b = t("partner.a", "en"), t("partner.b", "en")
    assert areas == [f"1. {area_line('expression', 'different', 4, a, b)}"]


def test_one_partner_and_one_question_at_a_time() -> None:
    at = needs_page()
    assert [s.key for s in at.slider] == [f"need__a__{d}" for d in DIMENSION_IDS]
    at.radio(key="needs_who").set_value("b").run()
    at.radio(key="needs_kind").set_value("importance").run()
    assert len(at.slider) == 0
    assert len(at.select_slider) == len(DIMENSION_IDS)
    at.select_slider(key="importance__b__closeness").set_value("high").run()
    assert at.session_state["workbook"].partners["b"].ratings["closeness"].importance == "high"
    at.radio(key="needs_kind").set_value("met").run()
    assert t("needs.not_rated", "en") in at.slider(key="met__b__closeness").label
    at.slider(key="met__b__closeness").set_value(2).run()
    assert t("needs.not_rated", "en") not in at.slider(key="met__b__closeness").label
    unmet = t(
        "needs.unmet_line",
        "en",
        name=t("partner.b", "en"),
        dimension=t("dim.closeness.name", "en"),
        need=5,
        met=2,
    )
    assert unmet in " ".join(m.value for m in at.markdown)


def test_answers_survive_a_page_switch_and_a_language_switch() -> None:
    at = needs_page()
    at.radio(key="needs_who").set_value("b").run()
    at.slider(key="need__b__closeness").set_value(1).run()
    go(at, "distance")
    at.text_area(key="reflect__distance__a").input("We go quiet.").run()
    at.radio(key="ui_lang").set_value("ja").run()
    assert at.text_area(key="reflect__distance__a").value == "We go quiet."
    assert at.title[0].value == section_text("distance", "ja")[0]
    go(at, "what_it_means")
    # The partner choice is remembered too, and the slider shows the saved answer.
    assert at.radio(key="needs_who").value == "b"
    assert at.slider(key="need__b__closeness").value == 1
    assert radar(at)["data"][1]["r"][2] == 1
    assert radar(at)["data"][0]["theta"][2] == "近さ"
    at.radio(key="ui_lang").set_value("en").run()
    assert at.slider(key="need__b__closeness").value == 1
    assert at.session_state["workbook"].partners["a"].reflections == {"distance": "We go quiet."}


def test_names_appear_on_the_radar_and_markup_in_them_stays_text() -> None:
    at = needs_page()
    at.text_input(key="name__a").input("**Ana** :material/home:").run()
    assert radar(at)["data"][0]["name"] == "**Ana** :material/home:"
    # In Markdown-rendered places (the partner choice) the name arrives escaped.
    assert at.radio(key="needs_who").options[0] == markdown_escape("**Ana** :material/home:")
    at.text_input(key="name__a").input("").run()
    assert radar(at)["data"][0]["name"] == t("partner.a", "en")


def test_the_table_alternative_lists_both_partners_and_the_band() -> None:
    at = needs_page()
    at.slider(key="need__a__support").set_value(10).run()
    at.toggle(key="needs_table").set_value(True).run()
    table = table_as_shown(at.table[0].value)
    need, a, b, difference, band = (
        t(key, "en")
        for key in (
            "needs.table_dimension",
            "partner.a",
            "partner.b",
            "needs.table_difference",
            "needs.table_band",
        )
    )
    assert list(table.columns) == [need, a, b, difference, band]
    row = table[table[need] == t("dim.support.name", "en")].iloc[0]
    assert (row[a], row[difference], row[band]) == (10, 5, t("band.different", "en"))


def test_for_you_two_follows_the_couple_and_the_direction_of_the_difference() -> None:
    at = needs_page()
    at.text_input(key="name__a").input("Mia").run()
    at.text_input(key="name__b").input("Ren").run()
    at.slider(key="need__a__conflict_pace").set_value(10).run()
    at.radio(key="needs_who").set_value("b").run()
    at.slider(key="need__b__conflict_pace").set_value(1).run()
    text = " ".join(m.value for m in at.markdown)
    assert f"**{area_title('conflict_pace', 'far', 9)}**" in text
    # Mia wants to talk now, so Mia is the "higher" partner in the direction texts.
    from emotions.i18n import content_table

    opener = content_table("directions", "en")["conflict_pace"]["opener"]
    assert opener.format(higher="Mia", lower="Ren") in text
    at.slider(key="need__b__conflict_pace").set_value(10).run()
    at.radio(key="needs_who").set_value("a").run()
    at.slider(key="need__a__conflict_pace").set_value(0).run()
    text = " ".join(m.value for m in at.markdown)
    assert opener.format(higher="Ren", lower="Mia") in text
