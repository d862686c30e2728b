"""The needs profile: answers write the workbook, the radar follows, answers survive switches."""

from __future__ import annotations

import pytest

from emotions.dimensions import DIMENSION_IDS
from emotions.escape import markdown_escape
from emotions.i18n import section_text, t
from emotions.languages import LANGUAGE_CODES
from emotions.model import IMPORTANCE_LEVELS
from tests.apptest.conftest import go, open_app, radar, table_as_shown
from tests.copy import area_line, area_title


def needs_page(locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return go(open_app(locale), "what_it_means")


def in_language(lang: str):  # type: ignore[no-untyped-def]
    """The needs page with the app switched to ``lang``."""
    at = needs_page()
    if at.radio(key="ui_lang").value != lang:
        at.radio(key="ui_lang").set_value(lang).run()
    return at


def answer(at, key: str, value: object):  # type: ignore[no-untyped-def]
    """Answer one question (a segmented control) and rerun."""
    at.segmented_control(key=key).set_value(value).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_a_fresh_page_shows_every_question_unanswered(lang: str) -> None:
    at = in_language(lang)
    for kind in ("need", "importance", "met", "guess"):
        at.radio(key="needs_kind").set_value(kind).run()
        controls = {c.key: c for c in at.segmented_control}
        assert list(controls) == [f"{kind}__a__{d}" for d in DIMENSION_IDS]
        for dim in DIMENSION_IDS:
            control = controls[f"{kind}__a__{dim}"]
            assert control.value is None
            unanswered = t("answer.label_unanswered", lang, question=t(f"dim.{dim}.name", lang))
            assert control.label.startswith(unanswered)
            # The two ends of the scale, in plain text on a second line.
            assert t(f"dim.{dim}.low", lang) in control.label
            assert ":gray[" not in control.label
        count = t("answer_ui.count_line", lang, name=t("partner.a", lang), answered=0, total=8)
        assert count in " ".join(m.value for m in at.markdown)  # under how to answer
    assert not any(
        r.need is not None for r in at.session_state["workbook"].partners["a"].ratings.values()
    )


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_answering_5_gives_5_and_choosing_none_takes_it_back(lang: str) -> None:
    at = in_language(lang)
    key = "need__a__expression"
    answer(at, key, 5)
    assert at.session_state["workbook"].partners["a"].ratings["expression"].need == 5
    assert at.segmented_control(key=key).value == 5
    name = t("dim.expression.name", lang)
    assert at.segmented_control(key=key).label.startswith(name)
    assert not at.segmented_control(key=key).label.startswith(
        t("answer.label_unanswered", lang, question=name)
    )
    count = t("answer_ui.count_line", lang, name=t("partner.a", lang), answered=1, total=8)
    assert count in " ".join(m.value for m in at.markdown)  # under how to answer
    answer(at, key, None)
    assert at.session_state["workbook"].partners["a"].ratings["expression"].need is None
    assert at.segmented_control(key=key).label.startswith(
        t("answer.label_unanswered", lang, question=name)
    )


def test_answering_changes_the_radar_and_the_ranked_areas() -> None:
    at = needs_page()
    heading = f"### {t('needs.areas_heading', 'en')}"

    def areas_block() -> str:
        return next(m.value for m in at.markdown if m.value.startswith(heading))

    # Nobody has answered: nothing is compared, and the page does not claim the needs are equal;
    # the calm "nothing to compare" line with its next steps comes once on the page.
    assert t("answer_ui.no_shared_areas", "en") in areas_block()
    assert t("answer_ui.no_areas", "en") not in areas_block()
    assert [m.value for m in at.markdown].count(t("compare.nobody_yet", "en")) == 1
    answer(at, "need__a__expression", 9)
    after = radar(at)
    assert after["data"][0]["r"][0] == after["data"][0]["r"][-1] == 9
    assert at.session_state["workbook"].partners["a"].ratings["expression"].need == 9
    at.radio(key="needs_who").set_value("b").run()
    answer(at, "need__b__expression", 5)
    areas = [line for line in areas_block().splitlines() if line.startswith("1. ")]
    a, b = t("partner.a", "en"), t("partner.b", "en")
    assert areas == [f"1. {area_line('expression', 'different', 4, a, b)}"]
    answer(at, "need__b__expression", 9)
    assert t("answer_ui.no_areas", "en") in areas_block()


def test_one_partner_and_one_question_at_a_time() -> None:
    at = needs_page()
    assert [s.key for s in at.segmented_control] == [f"need__a__{d}" for d in DIMENSION_IDS]
    assert len(at.slider) == len(at.select_slider) == 0
    at.radio(key="needs_who").set_value("b").run()
    at.radio(key="needs_kind").set_value("importance").run()
    assert [s.key for s in at.segmented_control] == [f"importance__b__{d}" for d in DIMENSION_IDS]
    assert at.segmented_control(key="importance__b__closeness").options == [
        t(f"importance.{level}", "en") for level in IMPORTANCE_LEVELS
    ]
    answer(at, "importance__b__closeness", "high")
    assert at.session_state["workbook"].partners["b"].ratings["closeness"].importance == "high"
    answer(at, "importance__b__closeness", None)
    assert at.session_state["workbook"].partners["b"].ratings["closeness"].importance is None
    at.radio(key="needs_kind").set_value("need").run()
    answer(at, "need__b__closeness", 5)
    at.radio(key="needs_kind").set_value("met").run()
    unanswered = t("answer.label_unanswered", "en", question=t("dim.closeness.name", "en"))
    assert at.segmented_control(key="met__b__closeness").label.startswith(unanswered)
    answer(at, "met__b__closeness", 2)
    assert not at.segmented_control(key="met__b__closeness").label.startswith(unanswered)
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
    answer(at, "need__b__closeness", 1)
    go(at, "communication")
    at.text_area(key="reflect__communication__a").input("We go quiet.").run()
    at.radio(key="ui_lang").set_value("ja").run()
    assert at.text_area(key="reflect__communication__a").value == "We go quiet."
    assert at.title[0].value == section_text("communication", "ja")[0]
    go(at, "what_it_means")
    # The partner choice is remembered too, and the question shows the saved answer.
    assert at.radio(key="needs_who").value == "b"
    assert at.segmented_control(key="need__b__closeness").value == 1
    # Only B has answered: the radar holds B's shape alone.
    (shape,) = [trace for trace in radar(at)["data"] if trace.get("name")]
    assert shape["name"] == t("partner.b", "ja")
    assert shape["r"][2] == 1
    assert radar(at)["data"][0]["theta"][2] == "近さ"
    at.radio(key="ui_lang").set_value("en").run()
    assert at.segmented_control(key="need__b__closeness").value == 1
    reflections = at.session_state["workbook"].partners["a"].reflections
    assert reflections == {"communication": "We go quiet."}


def test_names_appear_on_the_radar_and_markup_in_them_stays_text() -> None:
    at = needs_page()
    answer(at, "need__a__support", 7)  # a partner with no answer has no shape to name
    at.text_input(key="name__a").input("**Ana** :material/home:").run()
    assert radar(at)["data"][0]["name"] == "**Ana** :material/home:"
    # In Markdown-rendered places (the partner choice) the name arrives escaped.
    assert at.radio(key="needs_who").options[0] == markdown_escape("**Ana** :material/home:")
    at.text_input(key="name__a").input("").run()
    assert radar(at)["data"][0]["name"] == t("partner.a", "en")


def test_the_table_alternative_lists_both_partners_and_the_band() -> None:
    at = needs_page()
    answer(at, "need__a__support", 10)
    at.radio(key="needs_who").set_value("b").run()
    answer(at, "need__b__support", 5)
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
    # Numbers in a column that also says "not answered yet" arrive as text.
    assert (row[a], row[difference], row[band]) == ("10", "5", t("band.different", "en"))
    other = table[table[need] == t("dim.closeness.name", "en")].iloc[0]
    assert (other[a], other[difference]) == (t("answer.not_answered", "en"), "")


def test_for_you_two_follows_the_couple_and_the_direction_of_the_difference() -> None:
    at = needs_page()
    at.text_input(key="name__a").input("Mia").run()
    at.text_input(key="name__b").input("Ren").run()
    answer(at, "need__a__conflict_pace", 10)
    at.radio(key="needs_who").set_value("b").run()
    answer(at, "need__b__conflict_pace", 1)
    text = " ".join(m.value for m in at.markdown)
    assert f"**{area_title('conflict_pace', 'far', 9)}**" in text
    # Mia wants to talk now, so Mia is the "higher" partner in the direction texts.
    from emotions.i18n import content_table

    opener = content_table("directions", "en")["conflict_pace"]["opener"]
    assert opener.format(higher="Mia", lower="Ren") in text
    answer(at, "need__b__conflict_pace", 10)
    at.radio(key="needs_who").set_value("a").run()
    answer(at, "need__a__conflict_pace", 0)
    text = " ".join(m.value for m in at.markdown)
    assert opener.format(higher="Ren", lower="Mia") in text


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_line_under_the_radar_says_who_has_no_shape_yet(lang: str) -> None:
    at = in_language(lang)
    captions = " ".join(c.value for c in at.caption)
    for pid in ("a", "b"):
        assert (
            markdown_escape(
                t("export_answers.radar_not_answered", lang, name=t(f"partner.{pid}", lang))
            )
            in captions
        )
    answer(at, "need__a__support", 4)
    captions = " ".join(c.value for c in at.caption)
    assert (
        markdown_escape(t("export_answers.radar_not_answered", lang, name=t("partner.a", lang)))
        not in captions
    )
    assert (
        markdown_escape(t("export_answers.radar_not_answered", lang, name=t("partner.b", lang)))
        in captions
    )
    assert markdown_escape(t("export_answers.radar_partial", lang)) in captions
