"""Section 11: trigger notes and the perception-gap game (pure functions)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import awareness
from emotions.i18n import t
from emotions.languages import Language
from emotions.model import PARTNER_IDS, TriggerNote, Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor

RAW_KEY = re.compile(r"\baware\.[a-z_]+")


def test_a_note_needs_a_trigger_and_is_trimmed() -> None:
    assert awareness.new_trigger_note({"trigger": "  ", "belief": "I failed"}) is None
    note = awareness.new_trigger_note({"trigger": " he sighs ", "response": "ask once\n"})
    assert note == TriggerNote(trigger="he sighs", reaction="", belief="", response="ask once")


def test_note_parts_follow_the_four_steps_and_name_the_unwritten_ones() -> None:
    note = TriggerNote(trigger="silence", reaction="I chase", belief="", response="wait")
    steps = [f"aware.step_{step}" for step in ("trigger", "reaction", "belief", "response")]
    assert awareness.note_parts(note, "en") == list(
        zip((t(step, "en") for step in steps), ["silence", "I chase", None, "wait"], strict=True)
    )
    labels = [label for label, _ in awareness.note_parts(note, "ja")]
    assert labels == [t(step, "ja") for step in steps]


def test_guesses_are_counted_per_guesser() -> None:
    wb = Workbook()
    assert not awareness.any_guesses(wb)
    wb.partners["b"].ratings["closeness"].guess = 3
    assert (awareness.guesses_made(wb, "a"), awareness.guesses_made(wb, "b")) == (0, 1)
    assert awareness.any_guesses(wb)


def surprise(
    dimension: str, about: str, need: int, guesser: str, guess: int, pole: str, lang: str = "en"
) -> str:
    """A surprise: ``about`` leans further towards the dimension's ``pole`` than guessed."""
    return t(
        "aware.surprise_line",
        lang,  # type: ignore[arg-type]
        dimension=t(f"dim.{dimension}.name", lang),  # type: ignore[arg-type]
        about=about,
        need=need,
        guesser=guesser,
        guess=guess,
        pole=t(f"dim.{dimension}.{pole}", lang),  # type: ignore[arg-type]
    )


def test_surprises_follow_the_couple_and_the_direction_of_the_miss() -> None:
    # Ren guesses Mia talks less than she says; Mia reads Ren closely.
    wb = talker_and_processor()
    wb.partners["b"].ratings["expression"].guess = 4  # Mia: 9
    wb.partners["b"].ratings["closeness"].guess = 6  # Mia: 7, close
    wb.partners["a"].ratings["processing"].guess = 2  # Ren: 1
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        surprise("expression", "Mia", 9, "Ren", 4, "high"),
        t("aware.close_line", "en", guesser="Mia", about="Ren", count=1),
    ]
    # Reversed roles: Kai underestimates Sam's need for reassurance; Sam overestimates Kai's
    # need for closeness, so the texts point to opposite poles.
    wb = reassurance_and_independence()
    wb.partners["a"].ratings["reassurance"].guess = 3  # Sam: 10
    wb.partners["b"].ratings["closeness"].guess = 8  # Kai: 2, guessed far too high
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        surprise("closeness", "Kai", 2, "Sam", 8, "low"),
        surprise("reassurance", "Sam", 10, "Kai", 3, "high"),
    ]
    ja = awareness.surprise_lines(wb, plain_names(wb, "ja"), "ja")
    assert ja[0] == surprise("closeness", "Kai", 2, "Sam", 8, "low", "ja")
    assert not any(RAW_KEY.search(line) for line in ja)


def test_at_most_two_surprises_each_largest_first_and_nothing_before_guessing() -> None:
    wb = talker_and_processor()
    for dim, guess in (("expression", 5), ("processing", 2), ("conflict_pace", 0)):
        wb.partners["b"].ratings[dim].guess = guess  # gaps 4, 7, 10 about Mia
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert len(lines) == 3
    assert lines[0] == surprise("conflict_pace", "Mia", 10, "Ren", 0, "high")
    assert lines[1].startswith(t("dim.processing.name", "en"))
    assert lines[2] == t("aware.nothing_yet", "en", guesser="Mia", about="Ren")
    # A partner file: Mia's guesses of a partner it does not hold stand alone, never compared.
    del wb.partners["b"]
    wb.partners["a"].ratings["support"].guess = 2
    names = plain_names(wb, "en")
    one_partner = awareness.surprise_lines(wb, names, "en")
    assert one_partner == [
        t("aware.nothing_yet", "en", guesser=names.b, about="Mia"),
        t("compare_b.aware_guesses_wait", "en", guesser="Mia", about=names.b, count=1),
    ]


def test_the_reveal_chart_shows_the_answer_and_the_guess_in_each_partners_colour() -> None:
    wb = talker_and_processor()
    wb.partners["a"].name = "<b>Mia</b>"
    wb.partners["b"].ratings["expression"].guess = 4
    wb.partners["b"].ratings["support"].guess = 9
    fig = awareness.perception_figure(wb, "a", plain_names(wb, "en"), "en")
    gap, need, guess = fig["data"]
    assert need["x"] == [wb.partners["a"].ratings[d].need for d in DIMENSION_IDS]
    assert need["marker"]["color"] == PARTNER_COLOURS["a"]
    assert need["name"] == t("aware.chart_need", "en", name="&lt;b&gt;Mia&lt;/b&gt;")
    assert guess["x"] == [4, 9]
    assert guess["y"] == [t(f"dim.{dim}.name", "en") for dim in ("expression", "support")]
    assert guess["marker"]["color"] == PARTNER_COLOURS["b"]
    assert guess["marker"]["symbol"].endswith("-open")
    assert gap["x"] == [4, 9, None, 9, 8, None]
    ja = awareness.perception_figure(wb, "b", plain_names(wb, "ja"), "ja")
    # Nobody guessed Ren's needs: only Ren's own answers, no line and no guess trace.
    assert [trace["name"] for trace in ja["data"]] == [t("aware.chart_need", "ja", name="Ren")]
    assert ja["data"][0]["y"][2] == t("dim.closeness.name", "ja")
    assert "Noto Sans CJK JP" in ja["layout"]["font"]["family"]


def test_the_table_alternative_lists_answer_guess_and_gap() -> None:
    wb = reassurance_and_independence()
    wb.partners["a"].ratings["reassurance"].guess = 3
    rows = awareness.perception_table(wb, "b", plain_names(wb, "en"), "en")
    kai_guessed = t("aware.table_guess", "en", name="Kai")
    assert rows[1] == {
        t("needs.table_dimension", "en"): t("dim.reassurance.name", "en"),
        t("aware.table_answer", "en", name="Sam"): "10",
        kai_guessed: "3",
        t("aware.table_gap", "en"): "7",
    }
    assert rows[0][kai_guessed] == t("aware.table_none", "en")
    assert rows[0][t("aware.table_gap", "en")] == ""


def _reveal(wb: Workbook, lang: Language) -> tuple[list[str], list[dict[str, Any]]]:
    """Every sentence and every chart trace of the reveal, for both partners."""
    names = plain_names(wb, lang)
    lines = awareness.surprise_lines(wb, names, lang)
    traces = []
    for about in PARTNER_IDS:
        traces += awareness.perception_figure(wb, about, names, lang)["data"]
    return lines, traces


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_guess_is_compared_only_with_an_answer(lang: Language) -> None:
    """Mia answered and guessed everything, Ren nothing: her guesses stand alone, as guesses."""
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = "Mia", "Ren"
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = 9
        wb.partners["a"].ratings[dim].guess = 0
    lines, traces = _reveal(wb, lang)
    count = len(DIMENSION_IDS)
    assert lines == [
        t("aware.nothing_yet", lang, guesser="Ren", about="Mia"),
        t("compare_b.aware_guesses_wait", lang, guesser="Mia", about="Ren", count=count),
    ]
    assert not any(trace["mode"] == "lines" for trace in traces)  # no gap line anywhere
    # Mia's own answers, and her guesses drawn hollow and named as guesses; nothing for Ren.
    assert [trace["name"] for trace in traces] == [
        t("aware.chart_need", lang, name="Mia"),
        t("aware.chart_guess", lang, name="Mia"),
    ]
    assert traces[1]["marker"]["symbol"].endswith("-open")
    assert awareness.guess_only_line(wb, "b", plain_names(wb, lang), lang) == t(
        "compare_b.aware_guess_only", lang, guesser="Mia", about="Ren"
    )
    ren = awareness.perception_table(wb, "b", plain_names(wb, lang), lang)
    assert {row[t("aware.table_answer", lang, name="Ren")] for row in ren} == {
        t("answer.not_answered", lang)
    }
    assert {row[t("aware.table_gap", lang)] for row in ren} == {""}

    # Ren answers only "support", far from Mia's guess: the one comparison, on that row only.
    wb.partners["b"].ratings["support"].need = 10
    lines, traces = _reveal(wb, lang)
    label = t("dim.support.name", lang)
    assert lines[1] == surprise("support", "Ren", 10, "Mia", 0, "high", lang)
    (gap,) = [trace for trace in traces if trace["mode"] == "lines"]
    assert (gap["x"], gap["y"]) == ([0, 10, None], [label, label, None])
    ren_answers = [
        trace for trace in traces if trace.get("name") == t("aware.chart_need", lang, name="Ren")
    ]
    assert [(tr["x"], tr["y"]) for tr in ren_answers] == [([10], [label])]
    assert awareness.guess_only_line(wb, "b", plain_names(wb, lang), lang) is None


def test_close_guesses_say_how_many_were_compared() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["support"].guess = 4
    wb.partners["a"].ratings["closeness"].guess = 4
    wb.partners["b"].ratings["support"].need = 5
    names = plain_names(wb, "en")
    assert awareness.surprise_lines(wb, names, "en")[1] == t(
        "compare_b.aware_close_some", "en", guesser=names.a, about=names.b, count=1
    )
    wb.partners["b"].ratings["closeness"].need = 3
    assert awareness.surprise_lines(wb, names, "en")[1] == t(
        "aware.close_line", "en", guesser=names.a, about=names.b, count=2
    )
