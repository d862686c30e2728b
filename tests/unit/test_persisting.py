"""Section 8: "too much / never enough" from need vs met, the chart, and signs of pulling back."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from emotions import i18n
from emotions.analysis import other
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import persisting
from emotions.exercises.persisting import WITHDRAWAL_SIGNS, never_enough, too_much
from emotions.languages import Language
from emotions.model import PartnerId, Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def dims(strains: list[persisting.Strain]) -> list[str]:
    return [s.dimension for s in strains]


def test_never_enough_needs_a_met_answer_and_a_gap_outside_the_close_band() -> None:
    wb = Workbook()
    rating = wb.partners["a"].ratings["closeness"]
    rating.need = 8
    assert never_enough(wb, "a") == []  # not answered: nothing is assumed
    rating.met = 6
    assert never_enough(wb, "a") == []  # a gap of 2 is "close"
    rating.met = 5
    assert dims(never_enough(wb, "a")) == ["closeness"]
    assert never_enough(wb, "a")[0].gap == 3
    rating.met = 10
    assert never_enough(wb, "a") == []  # met above the need is not "never enough"


def test_too_much_is_felt_by_the_partner_with_the_lower_need() -> None:
    talker = talker_and_processor()
    assert too_much(talker, "a") == []
    assert dims(too_much(talker, "b"))[:2] == ["conflict_pace", "processing"]
    independent = reassurance_and_independence()
    assert dims(too_much(independent, "a")) == ["reassurance", "closeness", "support"]
    assert too_much(independent, "b") == []


def test_the_sentences_follow_the_couple_and_stay_feelings_not_facts() -> None:
    talker = talker_and_processor()
    talker.partners["a"].ratings["closeness"].met = 2
    names = plain_names(talker, "en")
    mia = persisting.strain_lines(talker, "a", names, "en")
    assert mia == [
        "Mia's need is well above how well it feels met in Closeness (need 7, met 2). There Mia "
        "may feel it is never quite enough, and may also worry about being “too much” for "
        "wanting more."
    ]
    ren = persisting.strain_lines(talker, "b", names, "en")
    assert ren[0].startswith(
        "Mia's need is well above Ren's in Pace under tension (Mia 10, Ren 1), Processing "
        "(Mia 9, Ren 1), "
    )
    assert "There Ren may feel that more is asked than comes naturally" in ren[0]
    independent = reassurance_and_independence()
    kai = persisting.strain_lines(independent, "a", plain_names(independent, "en"), "en")
    assert kai == [
        "Sam's need is well above Kai's in Reassurance (Sam 10, Kai 2), Closeness (Sam 9, Kai 2) "
        "and Support when upset (Sam 8, Kai 4). There Kai may feel that more is asked than comes "
        "naturally, and may feel “never enough” while trying."
    ]
    ja = persisting.strain_lines(independent, "a", plain_names(independent, "ja"), "ja")
    assert ja[0].startswith("安心の言葉（Sam 10、Kai 2）、近さ（Sam 9、Kai 2）、")
    for line in mia + ren + kai:
        assert "may feel" in line


def test_unanswered_met_is_said_plainly() -> None:
    wb = Workbook()
    names = plain_names(wb, "en")
    line = persisting.unanswered_line(wb, "a", names, "en")
    template = str(i18n.content_table("persisting", "en")["all_unanswered"])
    lead = template.partition("{dimensions}")[0].format(name=i18n.t("partner.a", "en"))
    assert line is not None and line.startswith(lead)
    for dim in DIMENSION_IDS[1:]:
        wb.partners["a"].ratings[dim].met = 5
    line = persisting.unanswered_line(wb, "a", names, "en")
    assert line is not None and "Talking about feelings." in line
    wb.partners["a"].ratings["expression"].met = 5
    assert persisting.unanswered_line(wb, "a", names, "en") is None


def test_the_chart_shows_one_partner_in_their_colour_with_met_missing_where_unanswered() -> None:
    wb = talker_and_processor()
    wb.partners["b"].name = "<i>Ren</i>"
    wb.partners["b"].ratings["closeness"].met = 4
    fig = persisting.need_met_figure(wb, "b", "en")
    need, met = fig["data"]
    assert need["x"] == [wb.partners["b"].ratings[d].need for d in DIMENSION_IDS]
    assert met["x"][DIMENSION_IDS.index("closeness")] == 4
    assert met["x"].count(None) == len(DIMENSION_IDS) - 1
    assert need["marker"]["color"] == PARTNER_COLOURS["b"]
    assert met["marker"]["pattern"]["shape"]  # not told apart by shade alone
    assert fig["layout"]["title"]["text"].startswith("&lt;i&gt;Ren&lt;/i&gt;")
    go.Figure(fig)
    ja = persisting.need_met_figure(wb, "a", "ja")
    assert ja["data"][0]["name"] == "ニーズ" and ja["data"][0]["marker"]["color"] == "#0072B2"


def test_the_table_alternative_says_which_answers_are_missing() -> None:
    wb = talker_and_processor()
    wb.partners["a"].ratings["support"].met = 3
    rows = persisting.need_met_table(wb, "a", "en")
    support = rows[DIMENSION_IDS.index("support")]
    assert support == {
        "Need": "Support when upset",
        "How much I need it": "8",
        "Met now": "3",
        i18n.t("persist.gap", "en"): "5",
    }
    assert rows[0]["Met now"] == "not answered yet"


def test_signs_are_ticked_in_the_list_order_and_unknown_ones_are_kept() -> None:
    wb = Workbook()
    wb.partners["a"].withdrawal_signs = ["from-a-newer-app"]
    persisting.set_sign(wb, "a", "avoid_topics", True)
    persisting.set_sign(wb, "a", "keep_to_myself", True)
    assert wb.partners["a"].withdrawal_signs == [
        "keep_to_myself",
        "avoid_topics",
        "from-a-newer-app",
    ]
    assert persisting.signs_of(wb, "a") == ["keep_to_myself", "avoid_topics"]
    persisting.set_sign(wb, "a", "keep_to_myself", False)
    assert persisting.signs_of(wb, "a") == ["avoid_topics"]


@pytest.mark.parametrize(("count", "kind"), [(0, None), (1, "few"), (2, "few"), (3, "several")])
def test_the_note_grows_calmly_with_the_number_of_signs(count: int, kind: str | None) -> None:
    wb = Workbook()
    for sign in WITHDRAWAL_SIGNS[:count]:
        persisting.set_sign(wb, "b", sign, True)
    note = persisting.withdrawal_note(wb, "b", plain_names(wb, "en"), "en")
    assert (note[0] if note else None) == kind
    if note and kind == "several":
        assert "counsellor" in note[1] and i18n.t("partner.b", "en") in note[1]
    if note and kind == "few":
        assert "counsellor" not in note[1] and i18n.t("partner.a", "en") in note[1]


def test_both_partners_pulling_back_is_named_as_shared() -> None:
    wb = Workbook()
    persisting.set_sign(wb, "a", "shorter_talks", True)
    assert persisting.both_pulling_back(wb, "en") is None
    persisting.set_sign(wb, "b", "easier_apart", True)
    assert persisting.both_pulling_back(wb, "en") is not None
    assert JAPANESE.search(persisting.both_pulling_back(wb, "ja") or "")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_content_is_complete_and_parallel(lang: str) -> None:
    table = i18n.content_table("persisting", lang)  # type: ignore[arg-type]
    english = i18n.content_table("persisting", "en")
    assert set(table["signs"]) == set(WITHDRAWAL_SIGNS)
    assert 6 <= len(WITHDRAWAL_SIGNS) <= 8
    for section in ("strains", "items", "notes"):
        assert set(table[section]) == set(english[section])
        for key, text in table[section].items():
            assert i18n.placeholders(text) == i18n.placeholders(english[section][key])
    if lang == "ja":
        assert all(JAPANESE.search(text) for text in table["signs"].values())


def test_the_section_s_areas_are_those_it_flags() -> None:
    assert [a.dimension for a in persisting.persisting_areas(talker_and_processor())] == [
        "conflict_pace",
        "processing",
    ]
    assert [a.dimension for a in persisting.persisting_areas(reassurance_and_independence())] == [
        "reassurance",
        "closeness",
    ]


# --- Only what is answered (issue 13) --------------------------------------------------------


@pytest.mark.parametrize("silent", ["a", "b"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_partner_who_answered_nothing_is_not_compared_and_has_no_bars(
    silent: PartnerId, lang: Language
) -> None:
    wb = one_silent(silent)
    names = plain_names(wb, lang)
    speaker = other(silent)
    assert too_much(wb, speaker) == [] and too_much(wb, silent) == []
    assert never_enough(wb, silent) == []
    assert persisting.strain_lines(wb, silent, names, lang) == []
    # The speaker's own "never enough" stays: it rests on their own answers only.
    own = persisting.strain_lines(wb, speaker, names, lang)
    assert own and own == [
        line for line in own if names.of(silent) not in line and names.of(speaker) in line
    ]
    assert persisting.persisting_areas(wb) == []
    assert not persisting.answered_any(wb, silent) and persisting.answered_any(wb, speaker)
    assert persisting.need_met_figure(wb, silent, lang)["data"] == []
    assert len(persisting.need_met_figure(wb, speaker, lang)["data"]) == 2
    not_rated = i18n.t("needs.not_rated", lang)
    no_gap = i18n.content_table("persisting", lang)["no_gap"]
    for row in persisting.need_met_table(wb, silent, lang):
        assert list(row.values())[1:] == [not_rated, not_rated, no_gap]


def test_too_much_only_on_needs_both_answered() -> None:
    # Mia 9 / Ren 1 on processing (far apart); expression only Mia answered.
    wb = needs_only_on(talker_and_processor(), ["processing", "expression"])
    wb.partners["b"].ratings["expression"].need = None
    assert [(s.dimension, s.other_need, s.need) for s in too_much(wb, "b")] == [
        ("processing", 9, 1)
    ]
    assert too_much(wb, "a") == []
    names = plain_names(wb, "en")
    line = persisting.strain_lines(wb, "b", names, "en")[0]
    assert i18n.t("dim.processing.name", "en") in line
    assert i18n.t("dim.expression.name", "en") not in line


def test_the_table_leaves_an_open_need_open() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["support"].met = 3
    row = persisting.need_met_table(wb, "a", "en")[DIMENSION_IDS.index("support")]
    assert row[i18n.t("needs.table_dimension", "en")] == i18n.t("dim.support.name", "en")
    assert row[i18n.t("persist.table_need", "en")] == i18n.t("needs.not_rated", "en")
    assert row[i18n.t("persist.met", "en")] == "3"
    assert row[i18n.t("persist.gap", "en")] == i18n.content_table("persisting", "en")["no_gap"]
    assert never_enough(wb, "a") == []
    fig = persisting.need_met_figure(wb, "a", "en")
    assert [trace["name"] for trace in fig["data"]] == [i18n.t("persist.met", "en")]
