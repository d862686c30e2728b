"""Section 10 page: the rewriter builds and keeps a need statement; openers follow the couple."""

from __future__ import annotations

import re

from emotions.escape import markdown_escape
from emotions.i18n import section_text, t
from emotions.model import Rewrite
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PAGE = "communication"


def page_with(wb, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    wb.language = "ja" if locale.startswith("ja") else "en"
    return with_workbook(go(open_app(locale), PAGE), wb)


def shown(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(m.value for m in at.markdown)


def fill(at, prefix: str, **parts: str) -> None:  # type: ignore[no-untyped-def]
    for field, value in parts.items():
        at.text_input(key=prefix + field).input(value).run()


def test_a_complaint_becomes_a_need_statement_in_the_workbook() -> None:
    at = page_with(talker_and_processor())
    assert at.session_state["workbook"].partners["a"].rewrites == []
    at.button(key="talk__start__a").click().run()
    fill(
        at,
        "talk__a__0__",
        complaint="You never ask about my day!",
        situation="we eat dinner and only talk about plans",
        need="I need to feel my day matters to you",
        request="ask me one question at dinner?",
    )
    at.pills(key="talk__a__0__feeling").set_value("lonely").run()
    statement = (
        "When we eat dinner and only talk about plans, I feel lonely, because I need to feel my "
        "day matters to you. Would you be willing to ask me one question at dinner?"
    )
    assert at.info[0].value == markdown_escape(statement)
    assert at.session_state["workbook"].partners["a"].rewrites == [
        Rewrite(
            complaint="You never ask about my day!",
            situation="we eat dinner and only talk about plans",
            feeling="lonely",
            need="I need to feel my day matters to you",
            request="ask me one question at dinner?",
        )
    ]
    # A feeling in one's own words replaces the chosen one.
    at.text_input(key="talk__a__0__feeling_own").input("invisible").run()
    assert at.pills(key="talk__a__0__feeling").value is None
    assert "I feel invisible\\," in at.info[0].value
    assert "**1.** " + markdown_escape(statement.replace("lonely", "invisible")) in shown(at)
    instead = t("talk.from", "en", complaint=markdown_escape("You never ask about my day!"))
    assert instead in shown(at)


def test_entries_are_added_edited_and_removed() -> None:
    at = page_with(talker_and_processor())
    at.button(key="talk__start__a").click().run()
    # An empty rewrite waits to be filled before another is added.
    assert at.button(key="talk__add__a").disabled
    fill(at, "talk__a__0__", complaint="You always walk away", need="some calm")
    at.button(key="talk__add__a").click().run()
    fill(at, "talk__a__1__", complaint="You never text", request="text me when you're late")
    rewrites = at.session_state["workbook"].partners["a"].rewrites
    assert [r.complaint for r in rewrites] == ["You always walk away", "You never text"]
    at.button(key="talk__edit__a__0").click().run()
    assert at.text_input(key="talk__a__0__complaint").value == "You always walk away"
    at.button(key="talk__remove__a__0").click().run()
    rewrites = at.session_state["workbook"].partners["a"].rewrites
    assert [r.complaint for r in rewrites] == ["You never text"]
    assert at.text_input(key="talk__a__0__request").value == "text me when you're late"
    assert t("talk.from", "en", complaint="You never text") in shown(at)
    # The other partner's list is their own.
    at.radio(key="talk_who").set_value("b").run()
    assert t("talk.none", "en", name="Ren") in shown(at)
    assert at.button(key="talk__start__b")


def test_user_text_is_shown_escaped() -> None:
    at = page_with(talker_and_processor())
    at.button(key="talk__start__a").click().run()
    fill(at, "talk__a__0__", complaint="**never** :material/home:", need="[help](http://x.y)")
    assert at.info[0].value == markdown_escape("I need [help](http://x.y).")
    typed = markdown_escape("**never** :material/home:")
    assert t("talk.from", "en", complaint=typed) in shown(at)


def test_japanese_page_and_the_answer_survives_switches() -> None:
    at = page_with(talker_and_processor(), "ja-JP")
    assert at.title[0].value == section_text("communication", "ja")[0]
    at.button(key="talk__start__a").click().run()
    assert english_left_over(at) == []
    fill(at, "talk__a__0__", situation="夕食のあいだ、予定の話しかしない")
    at.pills(key="talk__a__0__feeling").set_value("left_out").run()
    assert at.info[0].value == markdown_escape(
        "夕食のあいだ、予定の話しかしないとき、私は「取り残された」と感じます。"
    )
    go(at, "distance")
    at.radio(key="ui_lang").set_value("en").run()
    go(at, PAGE)
    assert at.text_input(key="talk__a__0__situation").value == "夕食のあいだ、予定の話しかしない"
    assert at.pills(key="talk__a__0__feeling").value == "left_out"
    # The chosen feeling follows the language; the typed situation stays as typed.
    assert at.info[0].value == markdown_escape(
        "When 夕食のあいだ、予定の話しかしない, I feel left out."
    )


def test_openers_follow_the_couple() -> None:
    at = page_with(talker_and_processor())
    text = shown(at)
    assert f"**{area_title('conflict_pace', 'far', 9)}**\n\n- Mia could say:" in text
    assert "Ren might say: “When things heat up, I need a short break" in text
    at = page_with(reassurance_and_independence(), "ja-JP")
    text = shown(at)
    assert f"**{area_title('reassurance', 'far', 8, 'ja')}**\n\n- Kaiからこう尋ねてみる" in text
    assert "Samは「好きだって全然言ってくれない」の代わりに" in text
    assert english_left_over(at) == []
    assert JAPANESE.search(at.button(key="talk__start__a").label)
