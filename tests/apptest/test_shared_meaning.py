"""Section 12 page: each partner picks small moments; shared picks and the top areas follow."""

from __future__ import annotations

import re

from emotions.exercises.moments import MOMENT_IDS, moment_text
from emotions.i18n import section_text, t
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PAGE = "shared_meaning"


def page_with(wb, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    wb.language = "ja" if locale.startswith("ja") else "en"
    return with_workbook(go(open_app(locale), PAGE), wb)


def shown(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.value for m in at.markdown]


def test_japanese_page_lists_every_moment_in_japanese() -> None:
    at = page_with(talker_and_processor(), "ja-JP")
    assert at.title[0].value == section_text("shared-meaning", "ja")[0]
    assert [c.key for c in at.checkbox] == [f"moments__a__{m}" for m in MOMENT_IDS]
    assert all(JAPANESE.search(c.label) for c in at.checkbox)
    assert english_left_over(at) == []


def test_picks_are_stored_shared_and_listed_per_partner() -> None:
    at = page_with(reassurance_and_independence())
    at.checkbox(key="moments__a__presence-walk").check().run()
    at.checkbox(key="moments__a__curiosity-follow-up").check().run()
    at.radio(key="moments_who").set_value("b").run()
    at.checkbox(key="moments__b__presence-walk").check().run()
    wb = at.session_state["workbook"]
    assert wb.partners["a"].small_moments == ["presence-walk", "curiosity-follow-up"]
    assert wb.partners["b"].small_moments == ["presence-walk"]
    walk, follow_up = (moment_text(m, "en") for m in ("presence-walk", "curiosity-follow-up"))
    text = shown(at)
    assert f"- {walk}" in text  # the shared list holds the walk only
    kai, sam = (t("moments.picks_of", "en", name=name) for name in ("Kai", "Sam"))
    assert f"{kai}\n\n- {walk}\n- {follow_up}" in text
    assert f"{sam}\n\n- {walk}" in text
    at.checkbox(key="moments__b__presence-walk").uncheck().run()
    assert t("moments.shared_none", "en") in shown(at)
    assert t("moments.picks_none", "en", name="Sam") in shown(at)


def test_top_areas_tie_to_the_picks_for_each_couple() -> None:
    at = page_with(reassurance_and_independence())
    at.radio(key="moments_who").set_value("b").run()
    at.checkbox(key="moments__b__presence-hello-goodbye").check().run()
    text = "\n".join(shown(at))
    assert (
        t(
            "moments.summary",
            "en",
            dimension=t("dim.reassurance.name", "en"),
            higher="Sam",
            for_higher=1,
            lower="Kai",
            for_lower=0,
        )
        in text
    )
    assert t("moments.summary_gap", "en", name="Kai") in text
    assert t("moments.picked_by", "en", name="Sam") in text

    at = page_with(talker_and_processor())
    text = "\n".join(shown(at))
    pace = t("dim.conflict_pace.name", "en")
    assert t("moments.summary", "en", dimension=pace).split(". ")[0] in text  # its first sentence
    assert f"- {t('moments.side', 'en', name='Ren', pole=t('dim.conflict_pace.low', 'en'))}" in text


def test_picks_survive_page_and_language_switches() -> None:
    at = page_with(talker_and_processor())
    at.checkbox(key="moments__a__validation-same-day").check().run()
    go(at, "introduction")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, PAGE)
    assert at.checkbox(key="moments__a__validation-same-day").value is True
    mia = t("moments.picks_of", "ja", name="Mia")
    assert f"{mia}\n\n- {moment_text('validation-same-day', 'ja')}" in shown(at)
    assert english_left_over(at) == []
