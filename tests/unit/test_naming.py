"""Section 13: a checklist of needs becomes "I need …" statements, spoken or not yet spoken."""

from __future__ import annotations

import re

from emotions import i18n
from emotions.exercises import naming as nm
from emotions.model import NeedStatement, Partner
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import HIGH, LOW, one_sided, only_on

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_every_need_is_written_in_both_languages() -> None:
    en, ja = (i18n.content_table("naming", lang)["items"] for lang in ("en", "ja"))
    assert set(en) == set(ja) == set(nm.NEED_IDS)
    assert 8 <= len(nm.NEED_IDS) <= 10
    for need in nm.NEED_IDS:
        assert set(en[need]) == set(ja[need]) == {"label", "statement"}
        assert en[need]["statement"].startswith(("I need", "When"))
        assert "I need" in en[need]["statement"]
        assert JAPANESE.search(ja[need]["label"]) and JAPANESE.search(ja[need]["statement"])
        Partner(need_statements=[NeedStatement(text="x", tag=need)])


def test_ticking_stores_the_statement_in_the_language_of_the_moment() -> None:
    statements = nm.ticked([], "ja", "hear-we-are-ok", True)
    assert statements == [
        NeedStatement(text=nm.statement_text("hear-we-are-ok", "ja"), tag="hear-we-are-ok")
    ]
    statements = nm.ticked(statements, "en", "time-alone", True)
    assert statements[1].text.startswith("I need some time on my own")
    assert not statements[1].spoken
    # Ticking again keeps what is there (and its spoken mark); unticking removes it.
    statements[0].spoken = True
    assert nm.ticked(statements, "en", "hear-we-are-ok", True) == statements
    assert [s.tag for s in nm.ticked(statements, "en", "hear-we-are-ok", False)] == ["time-alone"]


def test_shown_text_follows_the_current_language_for_checklist_needs_only() -> None:
    ticked = NeedStatement(text="ときどき…", tag="heads-up")
    own = NeedStatement(text="I need *quiet* mornings")
    assert nm.shown_text(ticked, "en") == nm.statement_text("heads-up", "en")
    assert nm.shown_text(own, "ja") == "I need *quiet* mornings"


def test_ones_own_statement_is_set_changed_and_removed() -> None:
    statements = nm.ticked([], "en", "affection", True)
    statements = nm.with_own(statements, "  I need   a slow Sunday ")
    assert nm.find(statements, None) == NeedStatement(text="I need a slow Sunday")
    assert nm.find(statements, None) is statements[1]
    statements[1].spoken = True
    statements = nm.with_own(statements, "I need two slow Sundays")
    assert statements[1] == NeedStatement(text="I need two slow Sundays", spoken=True)
    assert [s.tag for s in nm.with_own(statements, " ")] == ["affection"]


def test_the_list_never_grows_beyond_what_the_model_keeps() -> None:
    full = [NeedStatement(text=f"I need {i}") for i in range(nm.MAX_STATEMENTS)]
    assert nm.ticked(full, "en", "affection", True) == full
    Partner(need_statements=full)


def test_counts_and_needs_both_named_follow_the_answers() -> None:
    wb = reassurance_and_independence()
    names = plain_names(wb, "en")
    assert nm.counts_line(wb, "a", names, "en") == "Kai has not named a need yet."
    wb.partners["a"].need_statements = nm.ticked([], "en", "time-alone", True)
    wb.partners["a"].need_statements = nm.ticked(
        wb.partners["a"].need_statements, "en", "heads-up", True
    )
    wb.partners["a"].need_statements[0].spoken = True
    wb.partners["b"].need_statements = nm.ticked([], "en", "heads-up", True)
    assert nm.counts_line(wb, "a", names, "en") == "Kai: 2 named, 1 not yet said out loud."
    assert nm.counts_line(wb, "b", plain_names(wb, "ja"), "ja") == (
        "Sam：1件を言葉にし、そのうち1件はまだ伝えていません。"
    )
    assert nm.both_named(wb) == ["heads-up"]


def test_guess_lines_show_where_each_guess_missed_most() -> None:
    wb = talker_and_processor()
    names = plain_names(wb, "en")
    assert not nm.has_guesses(wb)
    assert nm.guess_lines(wb, names, "en") == []
    wb.partners["b"].ratings["expression"].guess = 4  # Ren guesses Mia: 4, Mia said 9
    wb.partners["b"].ratings["support"].guess = 7  # Mia said 8: a smaller miss
    wb.partners["a"].ratings["processing"].guess = 1  # Mia guesses Ren exactly right
    assert nm.has_guesses(wb)
    assert nm.guess_lines(wb, names, "en") == [guess_line("Ren", "Mia", "expression", 4, 9)]
    wb.partners["a"].ratings["closeness"].guess = 9  # Ren said 5
    assert nm.guess_lines(wb, names, "en")[1] == guess_line("Mia", "Ren", "closeness", 9, 5)
    assert nm.guess_lines(wb, plain_names(wb, "ja"), "ja")[0] == guess_line(
        "Ren", "Mia", "expression", 4, 9, "ja"
    )


def guess_line(
    guesser: str, name: str, dimension: str, guess: int, need: int, lang: str = "en"
) -> str:
    return i18n.t(
        "naming.guess_line",
        lang,  # type: ignore[arg-type]
        guesser=guesser,
        name=name,
        dimension=i18n.t(f"dim.{dimension}.name", lang),  # type: ignore[arg-type]
        guess=guess,
        need=need,
    )


def test_a_guess_is_set_beside_an_answer_only() -> None:
    # Mia answered and guessed everything, Ren nothing: her guesses meet no answer.
    wb = one_sided("a")
    names = plain_names(wb, "en")
    assert nm.has_guesses(wb) and not nm.can_compare_guesses(wb)
    assert nm.guess_lines(wb, names, "en") == []
    # Ren answers only "support", far from Mia's guess (1): that one guess is compared.
    wb = only_on("support", need=HIGH)
    assert nm.can_compare_guesses(wb)
    assert nm.guess_lines(wb, names, "en") == [guess_line("Mia", "Ren", "support", LOW, HIGH)]
    ja = plain_names(wb, "ja")
    assert nm.guess_lines(wb, ja, "ja") == [guess_line("Mia", "Ren", "support", LOW, HIGH, "ja")]
