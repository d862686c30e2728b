"""Section 13 page: ticked needs become "I need …" statements, spoken or not; guesses nudge."""

from __future__ import annotations

import re

from emotions.escape import markdown_escape
from emotions.exercises.naming import NEED_IDS, label, statement_text
from emotions.i18n import section_text, t
from emotions.model import NeedStatement
from tests.apptest.conftest import english_left_over, go, open_app, with_workbook
from tests.couples import reassurance_and_independence, talker_and_processor
from ui.section import muted

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
PAGE = "unspoken_needs"


def page_with(wb, locale: str = "en-US"):  # type: ignore[no-untyped-def]
    wb.language = "ja" if locale.startswith("ja") else "en"
    return with_workbook(go(open_app(locale), PAGE), wb)


def shown(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(m.value for m in at.markdown)


def test_japanese_page_is_japanese_throughout() -> None:
    at = page_with(talker_and_processor(), "ja-JP")
    assert at.title[0].value == section_text("unspoken-needs", "ja")[0]
    assert [c.key for c in at.checkbox] == [f"naming__a__{n}" for n in NEED_IDS]
    assert all(JAPANESE.search(c.label) for c in at.checkbox)
    at.checkbox(key="naming__a__heads-up").check().run()
    assert english_left_over(at) == []
    # Ticked in Japanese: the statement is stored in Japanese.
    assert at.session_state["workbook"].partners["a"].need_statements == [
        NeedStatement(text=statement_text("heads-up", "ja"), tag="heads-up")
    ]


def test_ticking_marking_spoken_and_ones_own_words() -> None:
    at = page_with(reassurance_and_independence())
    at.checkbox(key="naming__a__time-alone").check().run()
    at.toggle(key="naming__a__time-alone__spoken").set_value(True).run()
    at.checkbox(key="naming__a__heads-up").check().run()
    at.text_input(key="naming__a__own").input("I need *quiet* mornings").run()
    statements = at.session_state["workbook"].partners["a"].need_statements
    assert [(s.tag, s.spoken) for s in statements] == [
        ("time-alone", True),
        ("heads-up", False),
        (None, False),
    ]
    assert statements[2].text == "I need *quiet* mornings"
    text = shown(at)
    assert t("naming.counts", "en", name="Kai", named=3, unspoken=2) in text
    spoken, unspoken = t("naming.status_spoken", "en"), t("naming.status_unspoken", "en")
    assert f"- {markdown_escape(statement_text('time-alone', 'en'))} · {muted(spoken)}" in text
    assert f"- {markdown_escape('I need *quiet* mornings')} · {muted(unspoken)}" in text
    at.checkbox(key="naming__a__time-alone").uncheck().run()
    at.text_input(key="naming__a__own").input("").run()
    statements = at.session_state["workbook"].partners["a"].need_statements
    assert [s.tag for s in statements] == ["heads-up"]
    assert t("naming.counts", "en", name="Kai", named=1, unspoken=1) in shown(at)


def test_needs_both_named_and_answers_survive_switches() -> None:
    at = page_with(reassurance_and_independence())
    at.checkbox(key="naming__a__hear-we-are-ok").check().run()
    at.radio(key="naming_who").set_value("b").run()
    at.checkbox(key="naming__b__hear-we-are-ok").check().run()
    at.toggle(key="naming__b__hear-we-are-ok__spoken").set_value(True).run()
    hear = label("hear-we-are-ok", "en")
    assert f"{t('naming.both', 'en')}\n\n- {hear}" in shown(at)
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, PAGE)
    assert at.radio(key="naming_who").value == "b"
    assert at.checkbox(key="naming__b__hear-we-are-ok").value is True
    assert at.toggle(key="naming__b__hear-we-are-ok__spoken").value is True
    # Shown in the current language, whatever language it was ticked in.
    spoken = t("naming.status_spoken", "ja")
    hear_ja = markdown_escape(statement_text("hear-we-are-ok", "ja"))
    assert f"- {hear_ja} · {muted(spoken)}" in shown(at)
    assert t("naming.both", "ja") in shown(at)
    assert english_left_over(at) == []


def test_guess_before_you_ask_follows_the_couples_guesses() -> None:
    at = page_with(talker_and_processor())
    assert t("naming.guess_none", "en", question=t("needs.kind_guess", "en")) in shown(at)
    assert at.get("page_link")[0].proto.label == t("naming.link_needs", "en")

    wb = talker_and_processor()
    wb.partners["b"].ratings["expression"].guess = 4
    at = page_with(wb)
    assert "Ren guessed Mia's need for “Talking about feelings” at 4; Mia answered 9." in shown(at)
    assert at.get("page_link")[0].proto.label.startswith("See all guesses")

    wb = reassurance_and_independence()
    wb.partners["a"].ratings["reassurance"].guess = 10  # Kai guesses Sam exactly
    at = page_with(wb)
    assert "So far your guesses match each other's answers." in shown(at)
