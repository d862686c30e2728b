"""The text beside each chart (emotions/chart_text.py): written from answered values only, in
every language, never comparing a partner who has not answered, and an "empty" line wherever a
chart has nothing to draw."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from emotions import chart_text as ct
from emotions import samples
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import channels, checkins, distance, meta_emotion
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language, spec
from emotions.model import PARTNER_IDS, Workbook
from emotions.texts import Names, plain_names
from tests.partly_answered import one_sided, only_on

LANGS = LANGUAGE_CODES


def texts_of(wb: Workbook, lang: Language) -> dict[str, ct.ChartText]:
    """Every builder's text for ``wb``; the per-partner ones once per partner."""
    names = plain_names(wb, lang)
    out: dict[str, ct.ChartText] = {}
    for kind, build in ct.BUILDERS.items():
        if kind in ("meta_grid", "need_met", "perception"):
            for pid in PARTNER_IDS:
                out[f"{kind}.{pid}"] = build(wb, pid, names, lang)
        else:
            out[kind] = build(wb, names, lang)
    return out


def named(wb: Workbook) -> Workbook:
    wb.partners["a"].name, wb.partners["b"].name = "Mia", "Ren"
    return wb


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sample_id", samples.SAMPLE_IDS)
def test_every_sample_gets_a_filled_text_for_every_chart(lang: Language, sample_id: str) -> None:
    wb = samples.load_sample(sample_id, lang)
    names = plain_names(wb, lang)
    for kind, text in texts_of(wb, lang).items():
        assert text.text and not text.empty, kind
        assert "{" not in text.text and "}" not in text.text, (kind, text.text)
    # The couple's charts name both partners (each has answered everything in a sample).
    for kind in ("radar", "style_map", "channels", "checkin_trend"):
        shown = texts_of(wb, lang)[kind].text
        assert names.a in shown and names.b in shown, (kind, shown)


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_workbook_gets_the_empty_line_for_every_chart(lang: Language) -> None:
    texts = texts_of(Workbook(language=lang), lang)
    assert all(text.empty for text in texts.values()), [k for k, v in texts.items() if not v.empty]
    assert texts["channels"].text == t("chart_text.channels_empty", lang)
    assert texts["meta_grid.a"].text == t(
        "chart_text.meta_grid_empty", lang, name=t("partner.a", lang)
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_radar_compares_only_needs_both_answered(lang: Language) -> None:
    wb = named(Workbook())
    a, b = wb.partners["a"].ratings, wb.partners["b"].ratings
    a["closeness"].need, a["reassurance"].need = 3, 7
    b["reassurance"].need, b["conflict_pace"].need = 2, 9
    names = Names("Mia", "Ren")
    reassurance, pace = t("dim.reassurance.name", lang), t("dim.conflict_pace.name", lang)
    partial = "chart_text.needs_highest_partial"
    both = {"name_a": "Mia", "name_b": "Ren"}
    widest = t("chart_text.needs_widest", lang, dimensions=reassurance, difference=5, **both)
    expected = spec_join(
        lang,
        t(partial, lang, name="Mia", count=2, dimensions=reassurance, value=7),
        t(partial, lang, name="Ren", count=2, dimensions=pace, value=9),
        widest,
    )
    assert ct.radar(wb, names, lang).text == expected
    # Ren's 9 on pace and Mia's 3 on closeness are never set beside a value the other left open.
    assert ct.difference_map(wb, names, lang).text == widest


def spec_join(lang: Language, *parts: str) -> str:
    return spec(lang).word_separator.join(parts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("silent", PARTNER_IDS)
def test_a_partner_who_has_not_answered_is_never_compared(lang: Language, silent: str) -> None:
    speaker = "b" if silent == "a" else "a"
    wb = one_sided(speaker)  # type: ignore[arg-type]
    names = plain_names(wb, lang)
    quiet = names.of(silent)  # type: ignore[arg-type]
    for kind in ("radar", "difference_map", "style_map"):
        text = texts_of(wb, lang)[kind]
        assert not text.empty and quiet not in text.text, (kind, text.text)
    assert ct.need_met(wb, silent, names, lang).empty  # type: ignore[arg-type]
    assert ct.difference_map(wb, names, lang).text.endswith(
        t("chart_text.diffmap_not_shared", lang)
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("dim", DIMENSION_IDS)
def test_partly_answered_names_no_open_need_as_a_difference(lang: Language, dim: str) -> None:
    wb = only_on(dim)  # type: ignore[arg-type]
    names = plain_names(wb, lang)
    others = [t(f"dim.{d}.name", lang) for d in DIMENSION_IDS if d != dim]
    widest = ct.difference_map(wb, names, lang).text
    assert t(f"dim.{dim}.name", lang) in widest
    assert not any(other in widest for other in others), widest


@pytest.mark.parametrize("lang", LANGS)
def test_ties_name_at_most_three_and_counts_are_of_answered_cells(lang: Language) -> None:
    wb = named(Workbook())
    for d in DIMENSION_IDS:
        wb.partners["a"].ratings[d].need = 6
    text = ct.radar(wb, Names("Mia", "Ren"), lang).text
    listed = [d for d in DIMENSION_IDS if t(f"dim.{d}.name", lang) in text]
    assert listed == list(DIMENSION_IDS[: ct.MAX_NAMED])
    meta_emotion.set_agreement(wb.partners["a"], "anger", "weak", 2)
    one = ct.meta_grid(wb, "a", Names("Mia", "Ren"), lang).text
    cell = t(
        "chart_text.meta_cell",
        lang,
        emotion=meta_emotion.emotion_label("anger", lang),
        belief=meta_emotion.belief_label("weak", lang),
    )
    assert one == t(
        "chart_text.meta_grid", lang, name="Mia", count=1, total=20, cells=cell, value=2
    )


@pytest.mark.parametrize("lang", LANGS)
def test_channels_gap_only_where_one_shows_and_the_other_notices(lang: Language) -> None:
    wb = named(Workbook())
    channels.set_rating(wb.partners["a"], "words", "show", 9)
    names = Names("Mia", "Ren")
    alone = ct.channels(wb, names, lang).text
    assert alone == t(
        "chart_text.channels_show",
        lang,
        name="Mia",
        shown=channels.channel_label("words", lang),
        show=9,
    )
    channels.set_rating(wb.partners["b"], "words", "notice", 2)
    gap = t(
        "chart_text.channels_gap",
        lang,
        channel=channels.channel_label("words", lang),
        shower="Mia",
        show=9,
        noticer="Ren",
        notice=2,
    )
    assert ct.channels(wb, names, lang).text.endswith(gap)


@pytest.mark.parametrize("lang", LANGS)
def test_need_met_and_guesses_compare_only_pairs(lang: Language) -> None:
    wb = named(Workbook())
    names = Names("Mia", "Ren")
    wb.partners["a"].ratings["closeness"].need = 8
    wb.partners["a"].ratings["reassurance"].met = 2  # another need: no pair
    assert ct.need_met(wb, "a", names, lang).text == t(
        "chart_text.need_met_no_pair", lang, name="Mia"
    )
    wb.partners["a"].ratings["closeness"].met = 5
    assert ct.need_met(wb, "a", names, lang).text == t(
        "chart_text.need_met_widest",
        lang,
        name="Mia",
        dimensions=t("dim.closeness.name", lang),
        difference=3,
    )
    # Ren guesses Mia's reassurance, which Mia has not answered: nothing to set side by side.
    wb.partners["b"].ratings["reassurance"].guess = 9
    who: dict[str, Any] = {"about": "Mia", "guesser": "Ren"}
    assert ct.perception(wb, "a", names, lang).text == t("chart_text.perception_none", lang, **who)
    assert ct.perception(wb, "b", names, lang).empty


@pytest.mark.parametrize("lang", LANGS)
def test_checkin_trend_counts_only_scored_checkins(lang: Language) -> None:
    wb = named(Workbook())
    assert ct.checkin_trend(wb, Names("Mia", "Ren"), lang).empty
    day = dt.date(2026, 3, 1)
    wb.checkins.append(checkins.new_checkin(day, {"a": 6}, "", ""))
    text = ct.checkin_trend(wb, Names("Mia", "Ren"), lang).text
    assert text == t(
        "chart_text.trend",
        lang,
        period=checkins.period(day, day, lang),
        latest=t("chart_text.score_of", lang, name="Mia", value=6),
    )
    assert "Ren" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_distance_illustration_reads_its_own_curves(lang: Language) -> None:
    text = ct.distance_illustration(0.4, 0.5, lang).text
    end = round(distance.openness_curve(0.4, 0.5)[-1] * 100)
    assert f"{end}%" in text and "{" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_answers_are_said_to_be_the_same_not_compared_further(lang: Language) -> None:
    wb = named(Workbook())
    names = Names("Mia", "Ren")
    for pid in PARTNER_IDS:
        wb.partners[pid].ratings["closeness"].need = 4
        meta_emotion.set_agreement(wb.partners[pid], "anger", "weak", 3)
    wb.partners["a"].ratings["reassurance"].need = 9  # Ren has not answered it: no difference
    assert ct.difference_map(wb, names, lang).text == t(
        "chart_text.needs_same", lang, name_a="Mia", name_b="Ren"
    )
    assert ct.meta_difference(wb, names, lang).text == t(
        "chart_text.meta_same", lang, name_a="Mia", name_b="Ren", count=1, total=20
    )
