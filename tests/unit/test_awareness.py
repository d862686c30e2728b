"""Section 11: trigger notes and the perception-gap game (pure functions)."""

from __future__ import annotations

import re

from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import awareness
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
    assert awareness.note_parts(note, "en") == [
        ("The trigger", "silence"),
        ("My reaction", "I chase"),
        ("The belief beneath", None),
        ("The response I'd choose", "wait"),
    ]
    labels = [label for label, _ in awareness.note_parts(note, "ja")]
    assert labels == ["きっかけ", "私の反応", "その奥にある考え", "選びたい応じ方"]


def test_guesses_are_counted_per_guesser() -> None:
    wb = Workbook()
    assert not awareness.any_guesses(wb)
    wb.partners["b"].ratings["closeness"].guess = 3
    assert (awareness.guesses_made(wb, "a"), awareness.guesses_made(wb, "b")) == (0, 1)
    assert awareness.any_guesses(wb)


def test_surprises_follow_the_couple_and_the_direction_of_the_miss() -> None:
    # Ren guesses Mia talks less than she says; Mia reads Ren closely.
    wb = talker_and_processor()
    wb.partners["b"].ratings["expression"].guess = 4  # Mia: 9
    wb.partners["b"].ratings["closeness"].guess = 6  # Mia: 7, close
    wb.partners["a"].ratings["processing"].guess = 2  # Ren: 1
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        "Talking about feelings: Mia placed themselves at 9, and Ren guessed 4. Mia leans "
        "further towards “Talk about feelings often” than Ren expected.",
        "All of Mia's guesses about Ren so far are within 2 points of Ren's own answers "
        f"(1 of {len(DIMENSION_IDS)} guessed).",
    ]
    # Reversed roles: Kai underestimates Sam's need for reassurance; Sam overestimates Kai's
    # need for closeness, so the texts point to opposite poles.
    wb = reassurance_and_independence()
    wb.partners["a"].ratings["reassurance"].guess = 3  # Sam: 10
    wb.partners["b"].ratings["closeness"].guess = 8  # Kai: 2, guessed far too high
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        "Closeness: Kai placed themselves at 2, and Sam guessed 8. Kai leans further towards "
        "“Plenty of independence” than Sam expected.",
        "Reassurance: Sam placed themselves at 10, and Kai guessed 3. Sam leans further towards "
        "“Need to hear often that we're OK” than Kai expected.",
    ]
    ja = awareness.surprise_lines(wb, plain_names(wb, "ja"), "ja")
    assert ja[0].startswith("近さ：Kaiは自分を2としました。Samの予想は8でした。")
    assert not any(RAW_KEY.search(line) for line in ja)


def test_at_most_two_surprises_each_largest_first_and_nothing_before_guessing() -> None:
    wb = talker_and_processor()
    for dim, guess in (("expression", 5), ("processing", 2), ("conflict_pace", 0)):
        wb.partners["b"].ratings[dim].guess = guess  # gaps 4, 7, 10 about Mia
    lines = awareness.surprise_lines(wb, plain_names(wb, "en"), "en")
    assert len(lines) == 3
    assert lines[0].startswith("Pace under tension: Mia placed themselves at 10, and Ren guessed 0")
    assert lines[1].startswith("Processing:")
    assert lines[2] == "Mia has not guessed Ren's needs yet."
    del wb.partners["b"]
    assert awareness.surprise_lines(wb, plain_names(wb, "en"), "en")[0].startswith(
        "This workbook holds one partner's answers."
    )


def test_the_reveal_chart_shows_the_answer_and_the_guess_in_each_partners_colour() -> None:
    wb = talker_and_processor()
    wb.partners["a"].name = "<b>Mia</b>"
    wb.partners["b"].ratings["expression"].guess = 4
    wb.partners["b"].ratings["support"].guess = 9
    fig = awareness.perception_figure(wb, "a", plain_names(wb, "en"), "en")
    gap, need, guess = fig["data"]
    assert need["x"] == [wb.partners["a"].ratings[d].need for d in DIMENSION_IDS]
    assert need["marker"]["color"] == PARTNER_COLOURS["a"]
    assert need["name"] == "&lt;b&gt;Mia&lt;/b&gt;: own answer"
    assert guess["x"] == [4, 9]
    assert guess["y"] == ["Talking about feelings", "Support when upset"]
    assert guess["marker"]["color"] == PARTNER_COLOURS["b"]
    assert guess["marker"]["symbol"].endswith("-open")
    assert gap["x"] == [4, 9, None, 9, 8, None]
    ja = awareness.perception_figure(wb, "b", plain_names(wb, "ja"), "ja")
    assert ja["data"][1]["y"][2] == "近さ"
    assert "Noto Sans CJK JP" in ja["layout"]["font"]["family"]


def test_the_table_alternative_lists_answer_guess_and_gap() -> None:
    wb = reassurance_and_independence()
    wb.partners["a"].ratings["reassurance"].guess = 3
    rows = awareness.perception_table(wb, "b", plain_names(wb, "en"), "en")
    assert rows[1] == {
        "Need": "Reassurance",
        "Sam answered": "10",
        "Kai guessed": "3",
        "Gap": "7",
    }
    assert rows[0]["Kai guessed"] == "not guessed"
