"""The channel decoder: one rule flags likely misreadings; the texts name the channel and who."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from pydantic import ValidationError

from emotions.analysis import other
from emotions.exercises import channels
from emotions.exercises.meta_emotion import UNANSWERED
from emotions.i18n import content_table, placeholders, t
from emotions.languages import Language
from emotions.model import CHANNELS, PartnerId, Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent


def rate(wb: Workbook, answers: dict[tuple[str, str, str], int]) -> Workbook:
    for (pid, channel, kind), value in answers.items():
        channels.set_rating(wb.partners[pid], channel, kind, value)  # type: ignore[index, arg-type]
    return wb


def mia_and_ren() -> Workbook:
    """Mia shows care in words that Ren rarely notices; Ren's actions reach Mia."""
    return rate(
        talker_and_processor(),
        {
            ("a", "words", "show"): 9,
            ("b", "words", "notice"): 2,
            ("b", "actions", "show"): 8,
            ("a", "actions", "notice"): 7,
        },
    )


def kai_and_sam() -> Workbook:
    """Kai's quiet presence goes unnoticed by Sam, and Sam's actions a little by Kai."""
    return rate(
        reassurance_and_independence(),
        {
            ("a", "presence", "show"): 8,
            ("b", "presence", "notice"): 1,
            ("b", "actions", "show"): 6,
            ("a", "actions", "notice"): 4,
        },
    )


def test_answers_are_kept_per_channel_and_validated() -> None:
    wb = Workbook()
    partner = wb.partners["a"]
    channels.set_rating(partner, "words", "show", 7)
    channels.set_rating(partner, "words", "notice", 3)
    assert partner.channels["words"].show == 7 and partner.channels["words"].notice == 3
    assert channels.rating(partner, "actions", "show") is None
    with pytest.raises(ValidationError):
        channels.set_rating(partner, "words", "show", 11)


@pytest.mark.parametrize(
    ("show", "notice", "likely"),
    [(6, 4, True), (10, 0, True), (5, 0, False), (6, 5, False), (None, 0, False), (9, None, False)],
)
def test_the_rule_of_thumb(show: int | None, notice: int | None, likely: bool) -> None:
    assert channels.MISREAD_RULE.applies(show, notice) is likely


def test_crossings_pair_one_partner_showing_with_the_other_noticing() -> None:
    wb = mia_and_ren()
    crossings = channels.crossings(wb)
    assert len(crossings) == 2 * len(CHANNELS)
    words_a = crossings[0]
    assert (words_a.channel, words_a.shower, words_a.noticer) == ("words", "a", "b")
    assert (words_a.show, words_a.notice, words_a.likely_misread) == (9, 2, True)
    assert [(c.channel, c.shower) for c in channels.likely_misreadings(wb)] == [("words", "a")]
    assert [(c.channel, c.shower) for c in channels.working_channels(wb)] == [("actions", "b")]


def test_the_widest_gap_comes_first() -> None:
    wb = kai_and_sam()
    assert [(c.channel, c.gap) for c in channels.likely_misreadings(wb)] == [
        ("presence", 7),
        ("actions", 2),
    ]


def test_decoding_names_the_channel_most_likely_misread_for_each_couple() -> None:
    wb = mia_and_ren()
    decoded = channels.decoding(wb, plain_names(wb, "en"), "en")
    assert decoded.most == (
        "The channel most likely misread: Words. Mia shows care this way a lot (9 of 10), "
        "while Ren notices it little (2 of 10). Some of Mia's care may be going unseen."
    )
    table = content_table("channels", "en")["words"]
    assert decoded.tips[1] == table["noticer_could_try"].format(shower="Mia", noticer="Ren")
    assert decoded.others == [
        "Actions already carries care between you: Ren shows it this way and Mia notices it."
    ]
    other = kai_and_sam()
    decoded = channels.decoding(other, plain_names(other, "en"), "en")
    assert decoded.most is not None
    assert decoded.most.startswith("The channel most likely misread: Quiet presence. Kai")
    assert decoded.others == [
        "Actions may be missed too: Sam shows care this way at 6, and Kai notices it at 4."
    ]
    ja = channels.decoding(other, plain_names(other, "ja"), "ja")
    assert ja.most is not None
    assert ja.most.startswith("いちばん読み違いが起こりやすい伝え方：静かにそばにいること。Kai")


def test_nothing_to_say_without_answers_or_with_one_partner() -> None:
    wb = Workbook()
    assert channels.decoding(wb, plain_names(wb, "en"), "en").empty
    wb = mia_and_ren()
    del wb.partners["b"]
    assert channels.crossings(wb) == []
    assert channels.decoding(wb, plain_names(wb, "en"), "en").empty


def test_the_rule_is_stated_with_its_numbers() -> None:
    assert channels.rule_text("en").startswith(
        "Rule of thumb: a misreading is likely where one of you shows care through a channel "
        "at 6 or more, while the other notices that channel at 4 or less."
    )
    assert "6以上" in channels.rule_text("ja") and "4以下" in channels.rule_text("ja")


def test_grid_and_table_alternatives() -> None:
    wb = mia_and_ren()
    names = plain_names(wb, "en")
    grid = channels.misreading_grid(wb, names, "en")
    assert grid[0] == {
        "Channel": "Words",
        "Mia shows → Ren notices": "9 → 2: may go unseen",
        "Ren shows → Mia notices": "not answered yet",
    }
    assert grid[1]["Ren shows → Mia notices"] == "8 → 7"
    table = channels.ratings_table(wb, names, "en")
    assert table[0] == {
        "Channel": "Words",
        "Mia shows": "9",
        "Mia notices": UNANSWERED,
        "Ren shows": UNANSWERED,
        "Ren notices": "2",
    }


def test_expression_areas_keep_only_the_needs_about_showing_feelings() -> None:
    assert [a.dimension for a in channels.expression_areas(talker_and_processor())] == [
        "expression",
        "intensity",
    ]


def test_content_files_are_parallel() -> None:
    en, ja = content_table("channels", "en"), content_table("channels", "ja")
    assert set(en) == set(ja) == {"most", "also", "works", *CHANNELS}
    for key, value in en.items():
        if isinstance(value, str):
            assert placeholders(value) == placeholders(ja[key])
        else:
            assert set(value) == set(ja[key])
            for inner, text in value.items():
                assert placeholders(text) == placeholders(ja[key][inner])


def test_chart_sets_each_shower_beside_the_other_noticer() -> None:
    wb = mia_and_ren()
    fig = channels.channels_figure(wb, "en")
    assert [t["name"] for t in fig["data"]] == [
        "Mia shows",
        "Ren notices",
        "Ren shows",
        "Mia notices",
    ]
    a_shows, b_notices, b_shows, _ = fig["data"]
    assert a_shows["y"] == [9, None, None]
    assert b_notices["y"] == [2, None, None]
    assert a_shows["marker"]["color"] == PARTNER_COLOURS["a"]
    assert b_shows["marker"]["color"] == PARTNER_COLOURS["b"]
    # "Notices" differs by pattern, not by colour alone.
    assert b_notices["marker"]["pattern"]["shape"] == "/" and "pattern" not in a_shows["marker"]
    assert fig["layout"]["barmode"] == "group"
    go.Figure(fig)
    ja = channels.channels_figure(wb, "ja")
    assert ja["data"][0]["x"] == ["言葉", "行動", "静かにそばにいること"]
    assert ja["data"][0]["name"] == "Miaが表す"


# --- Only what is answered (issue 13) --------------------------------------------------------


@pytest.mark.parametrize("silent", ["a", "b"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_partner_who_answered_nothing_has_no_series_and_is_compared_on_nothing(
    silent: PartnerId, lang: Language
) -> None:
    wb = one_silent(silent)
    names = plain_names(wb, lang)
    speaker = other(silent)
    assert channels.compared(wb) == []
    assert channels.likely_misreadings(wb) == [] and channels.working_channels(wb) == []
    decoded = channels.decoding(wb, names, lang)
    assert decoded.empty and decoded.tips == []
    assert channels.expression_areas(wb) == []
    # Only the speaker's two series are drawn, and only their columns are in the table.
    fig = channels.channels_figure(wb, lang)
    assert sorted(trace["name"] for trace in fig["data"]) == sorted(
        t(f"channels.series_{kind}", lang, name=names.of(speaker)) for kind in ("show", "notice")
    )
    for row in channels.ratings_table(wb, names, lang):
        assert not any(names.of(silent) in str(column) for column in row)
    # The grid holds no number for the silent partner's side.
    for row in channels.misreading_grid(wb, names, lang):
        assert set(list(row.values())[1:]) == {t("channels.cell_open", lang)}


def test_an_open_rating_is_never_drawn_or_compared_as_a_number() -> None:
    wb = rate(Workbook(), {("a", "words", "show"): 9, ("b", "actions", "notice"): 1})
    # A shows in words, B notices actions: no channel pairs a "shows" with a "notices".
    assert channels.compared(wb) == [] and channels.likely_misreadings(wb) == []
    fig = channels.channels_figure(wb, "en")
    assert [(trace["name"], trace["y"]) for trace in fig["data"]] == [
        ("Partner A shows", [9, None, None]),
        ("Partner B notices", [None, 1, None]),
    ]
    rate(wb, {("b", "words", "notice"): 1})
    assert [(c.channel, c.shower) for c in channels.compared(wb)] == [("words", "a")]
    assert [(c.channel, c.show, c.notice) for c in channels.likely_misreadings(wb)] == [
        ("words", 9, 1)
    ]


def test_expression_areas_only_on_needs_both_answered() -> None:
    wb = needs_only_on(talker_and_processor(), ["expression", "processing"])
    assert [(a.dimension, a.band) for a in channels.expression_areas(wb)] == [("expression", "far")]


def test_an_answer_can_be_taken_back() -> None:
    wb = rate(Workbook(), {("a", "words", "show"): 7, ("a", "words", "notice"): 2})
    channels.set_rating(wb.partners["a"], "words", "show", None)
    assert channels.rating(wb.partners["a"], "words", "show") is None
    assert channels.rating(wb.partners["a"], "words", "notice") == 2
    channels.set_rating(wb.partners["a"], "words", "notice", None)
    assert "words" not in wb.partners["a"].channels
