"""Section 11: trigger notes and the perception-gap game (pure functions)."""

from __future__ import annotations

import re

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import awareness
from emotions.i18n import t
from emotions.model import TriggerNote, Workbook
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
    del wb.partners["b"]
    one_partner = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert one_partner == [t("needs.one_partner", "en")]


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
    assert ja["data"][1]["y"][2] == t("dim.closeness.name", "ja")
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
