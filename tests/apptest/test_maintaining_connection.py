"""Section 9 page: ideas for each partner's side of the top areas, three at most, kept."""

from __future__ import annotations

import re

from emotions.exercises.adjustments import adjustment_text
from emotions.i18n import section_text, t
from emotions.model import Workbook
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.copy import position
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PAGE = "maintaining_connection"


def page_with(wb, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    wb.language = "ja" if locale.startswith("ja") else "en"
    return with_workbook(go(open_app(locale), PAGE), wb)


def box_keys(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.key for c in at.checkbox]


def test_japanese_page_is_japanese_throughout() -> None:
    at = page_with(talker_and_processor(), "ja-JP")
    assert at.title[0].value == section_text("maintaining-connection", "ja")[0]
    assert english_left_over(at) == []
    labels = [c.label for c in at.checkbox]
    assert len(labels) == 9 and all(JAPANESE.search(label) for label in labels)
    assert adjustment_text("conflict_pace-higher-1", "ja", "Ren") in labels


def test_ideas_follow_each_couple_and_each_partners_side() -> None:
    at = page_with(talker_and_processor())
    assert box_keys(at)[:3] == [f"adjust__a__conflict_pace-higher-{n}" for n in (1, 2, 3)]
    shown = " ".join(m.value for m in at.markdown)
    assert position("conflict_pace", "far", "Mia", "high", "Ren") in shown
    at.radio(key="adjust_who").set_value("b").run()
    assert box_keys(at)[0] == "adjust__b__conflict_pace-lower-1"
    assert at.checkbox[0].label == adjustment_text("conflict_pace-lower-1", "en", "Mia")

    at = page_with(reassurance_and_independence())
    assert box_keys(at)[:2] == ["adjust__a__reassurance-lower-1", "adjust__a__reassurance-lower-2"]
    assert at.checkbox[0].label == adjustment_text("reassurance-lower-1", "en", "Sam")


def test_three_at_most_with_a_clear_message() -> None:
    at = page_with(talker_and_processor())
    for key in box_keys(at)[:3]:
        at.checkbox(key=key).check().run()
    chosen = at.session_state["workbook"].partners["a"].adjustments
    assert chosen == [f"conflict_pace-higher-{n}" for n in (1, 2, 3)]
    waiting = [c for c in at.checkbox if not c.value]
    assert len(waiting) == 6 and all(c.disabled for c in waiting)
    assert "Mia has chosen three. To choose a different one, untick one first" in at.info[0].value
    at.checkbox(key="adjust__a__conflict_pace-higher-2").uncheck().run()
    assert not any(c.disabled for c in at.checkbox)
    assert len(at.info) == 0
    at.checkbox(key="adjust__a__expression-higher-1").check().run()
    assert at.session_state["workbook"].partners["a"].adjustments == [
        "conflict_pace-higher-1",
        "conflict_pace-higher-3",
        "expression-higher-1",
    ]


def test_both_lists_are_shown_and_survive_page_and_language_switches() -> None:
    at = page_with(talker_and_processor())
    at.checkbox(key="adjust__a__processing-higher-2").check().run()
    at.radio(key="adjust_who").set_value("b").run()
    at.checkbox(key="adjust__b__conflict_pace-lower-1").check().run()
    shown = " ".join(m.value for m in at.markdown)
    assert "Mia will try:\n\n- " + adjustment_text("processing-higher-2", "en", "Ren") in shown
    assert "Ren will try:\n\n- " + adjustment_text("conflict_pace-lower-1", "en", "Mia") in shown
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, PAGE)
    assert at.radio(key="adjust_who").value == "b"
    assert at.checkbox(key="adjust__b__conflict_pace-lower-1").value is True
    at.radio(key="adjust_who").set_value("a").run()
    assert at.checkbox(key="adjust__a__processing-higher-2").value is True
    shown = " ".join(m.value for m in at.markdown)
    assert "Miaが試すこと：\n\n- " + adjustment_text("processing-higher-2", "ja", "Ren") in shown
    assert english_left_over(at) == []


def test_without_differences_the_page_says_where_ideas_come_from() -> None:
    at = go(open_app(), PAGE)
    assert box_keys(at) == []
    # Nothing answered: one calm line and the next steps, instead of ideas and "for you two".
    shown = [m.value for m in at.markdown]
    assert shown.count(t("compare.nobody_yet", "en")) == 1
    assert t("you_two.heading", "en") not in [h.value for h in at.subheader]
    none_yet = t("adjust.chosen_none", "en", name=t("partner.a", "en"))
    assert none_yet in shown
    # Both answered two needs alike: the same there, so no idea yet.
    wb = Workbook()
    for pid in ("a", "b"):
        wb.partners[pid].ratings["support"].need = 6
        wb.partners[pid].ratings["closeness"].need = 3
    at = page_with(wb)
    assert box_keys(at) == []
    assert at.info[0].value == t("compare_b.same_where_shared", "en", count=2)
