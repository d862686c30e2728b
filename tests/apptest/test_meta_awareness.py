"""Section 11: trigger notes (add, edit, remove, one partner at a time) and the guessing game."""

from __future__ import annotations

import json

from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.model import Workbook
from tests.apptest.conftest import english_left_over, go
from tests.apptest.sections_helpers import english_runs, page, shown, workbook_of
from tests.couples import reassurance_and_independence, talker_and_processor
from ui.section import muted


def add_note(at, pid: str, **fields: str):  # type: ignore[no-untyped-def]
    for field, text in fields.items():
        at.text_input(key=f"aware_new__{pid}__{field}").input(text)
    return at.button(key=f"aware_add_submit__{pid}").click().run()


def test_the_page_renders_in_japanese_with_nothing_left_in_english() -> None:
    at = page("meta_awareness", "ja-JP", talker_and_processor())
    add_note(at, "a", trigger="相手が黙る", belief="自分のせいだ")
    at.toggle(key="aware_reveal").set_value(True).run()
    assert t("aware.game_heading", "ja") in shown(at)
    assert english_left_over(at) == []
    assert english_runs(at) == []


def test_a_note_is_added_through_the_form_shown_escaped_edited_and_removed() -> None:
    at = page("meta_awareness")
    add_note(at, "a", trigger="He sighs **loudly**", belief="I failed")
    notes = workbook_of(at).partners["a"].triggers
    assert [(n.trigger, n.reaction, n.belief) for n in notes] == [
        ("He sighs **loudly**", "", "I failed")
    ]
    card = next(m.value for m in at.markdown if m.value.startswith("**Note 1**"))
    assert f"**The trigger:** {markdown_escape('He sighs **loudly**')}" in card
    assert f"**My reaction:** {muted(t('aware.unwritten', 'en'))}" in card
    at.text_input(key="aware_note__a__0__reaction").input("I ask again and again").run()
    assert workbook_of(at).partners["a"].triggers[0].reaction == "I ask again and again"
    add_note(at, "a", trigger="Late replies")
    assert at.selectbox(key="aware_edit__a").value == 1
    at.selectbox(key="aware_edit__a").set_value(0).run()
    at.button(key="aware_remove__a").click().run()
    assert [n.trigger for n in workbook_of(at).partners["a"].triggers] == ["Late replies"]


def test_a_note_without_a_trigger_is_not_added_and_the_page_says_why() -> None:
    at = page("meta_awareness")
    add_note(at, "a", belief="only a belief")
    assert workbook_of(at).partners["a"].triggers == []
    assert [w.value for w in at.warning] == [t("aware.add_needs_trigger", "en")]


def test_notes_belong_to_the_partner_chosen() -> None:
    at = page("meta_awareness")
    at.radio(key="aware_who").set_value("b").run()
    assert at.text_input(key="aware_new__b__trigger")  # the form is B's now
    add_note(at, "b", trigger="Raised voices")
    wb = workbook_of(at)
    assert (len(wb.partners["a"].triggers), len(wb.partners["b"].triggers)) == (0, 1)


def test_guesses_are_hidden_until_the_reveal_and_then_compared() -> None:
    at = page("meta_awareness")
    unanswered = t("answer.label_unanswered", "en", question=t("dim.closeness.name", "en"))
    assert at.segmented_control(key="guess__a__closeness").label.startswith(unanswered)
    assert at.segmented_control(key="guess__a__closeness").value is None
    at.segmented_control(key="guess__a__closeness").set_value(9).run()
    assert workbook_of(at).partners["a"].ratings["closeness"].guess == 9
    assert not at.segmented_control(key="guess__a__closeness").label.startswith(unanswered)
    assert workbook_of(at).partners["a"].ratings["closeness"].need is None  # the need untouched
    count = t("aware.guess_count", "en", guesser=t("partner.a", "en"), count=1)
    assert count in " ".join(c.value for c in at.caption)
    assert len(at.get("plotly_chart")) == 0
    assert t("aware.surprises_heading", "en") not in shown(at)
    # B answers the need the guess is about (on the needs page, the same workbook).
    workbook_of(at).partners["b"].ratings["closeness"].need = 5
    at.toggle(key="aware_reveal").set_value(True).run()
    # A has answered nothing and B guessed nothing: one chart, about B.
    (about_b,) = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    gap, answer, guess = about_b["data"]
    assert guess["x"] == [9] and answer["x"] == [5]  # A's guess about B, B's own answer
    assert gap["x"] == [9, 5, None]
    assert t(
        "aware.surprise_line",
        "en",
        dimension=t("dim.closeness.name", "en"),
        about=t("partner.b", "en"),
        need=5,
        guesser=t("partner.a", "en"),
        guess=9,
        pole=t("dim.closeness.low", "en"),
    ) in shown(at)


def test_a_guess_of_a_need_not_answered_stands_alone_as_a_guess() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["closeness"].guess = 9  # B has answered nothing
    at = page("meta_awareness", wb=wb)
    at.toggle(key="aware_reveal").set_value(True).run()
    (about_b,) = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    assert [trace["name"] for trace in about_b["data"]] == [
        t("aware.chart_guess", "en", name=t("partner.a", "en"))
    ]
    assert about_b["data"][0]["x"] == [9]
    assert about_b["data"][0]["marker"]["symbol"].endswith("-open")
    names = {"guesser": t("partner.a", "en"), "about": t("partner.b", "en")}
    text = shown(at)
    assert t("compare_b.aware_guess_only", "en", **names) in text
    assert t("compare_b.aware_guesses_wait", "en", count=1, **names) in text
    # B answers it: now the guess is compared, and the guess-only line is gone.
    workbook_of(at).partners["b"].ratings["closeness"].need = 5
    at.run()
    assert len(json.loads(at.get("plotly_chart")[0].proto.spec)["data"]) == 3
    assert t("compare_b.aware_guess_only", "en", **names) not in shown(at)


def test_the_surprises_follow_the_couple() -> None:
    mia_ren = talker_and_processor()
    mia_ren.partners["b"].ratings["conflict_pace"].guess = 4  # Mia: 10
    kai_sam = reassurance_and_independence()
    kai_sam.partners["a"].ratings["reassurance"].guess = 4  # Sam: 10
    texts = []
    for wb in (mia_ren, kai_sam):
        at = page("meta_awareness", wb=wb)
        at.toggle(key="aware_reveal").set_value(True).run()
        texts.append(shown(at))
    pace = surprise("conflict_pace", about="Mia", guesser="Ren", need=10, guess=4)
    reassurance = surprise("reassurance", about="Sam", guesser="Kai", need=10, guess=4)
    assert pace in texts[0] and reassurance not in texts[0]
    assert reassurance in texts[1] and pace not in texts[1]


def surprise(dimension: str, about: str, guesser: str, need: int, guess: int) -> str:
    """A surprise line's first sentence: who placed themselves where, and the other's guess."""
    line = t(
        "aware.surprise_line",
        "en",
        dimension=t(f"dim.{dimension}.name", "en"),
        about=about,
        need=need,
        guesser=guesser,
        guess=guess,
    )
    return line.split(". ")[0]


def test_answers_survive_a_page_switch_and_a_language_switch_the_reveal_does_not() -> None:
    at = page("meta_awareness")
    add_note(at, "a", trigger="Silence at dinner")
    at.radio(key="aware_guesser").set_value("b").run()
    at.segmented_control(key="guess__b__support").set_value(2).run()
    at.toggle(key="aware_reveal").set_value(True).run()
    go(at, "communication")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "meta_awareness")
    assert at.radio(key="aware_guesser").value == "b"
    assert at.segmented_control(key="guess__b__support").value == 2
    assert at.toggle(key="aware_reveal").value is False
    assert any("Silence at dinner" in m.value for m in at.markdown)
    assert any(
        m.value.startswith(f"**{t('aware.note_number', 'ja', number=1)}**") for m in at.markdown
    )
    at.radio(key="ui_lang").set_value("en").run()
    assert workbook_of(at).partners["b"].ratings["support"].guess == 2
