"""Feelings about feelings: the grid, its differences, and what they may mean for the couple."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from pydantic import ValidationError

from emotions.analysis import other
from emotions.exercises import meta_emotion as meta
from emotions.i18n import content_table, placeholders, t
from emotions.model import BELIEFS, EMOTIONS, PartnerId, Workbook
from emotions.palette import PARTNER_COLOURS
from emotions.texts import plain_names
from emotions.workbook_io import dump_workbook, load_workbook
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent


def answer(wb: Workbook, pid: str, cells: dict[tuple[str, str], int]) -> Workbook:
    for (emotion, belief), value in cells.items():
        meta.set_agreement(wb.partners[pid], emotion, belief, value)  # type: ignore[index, arg-type]
    return wb


def mia_and_ren() -> Workbook:
    """Mia values sadness; Ren finds it weak."""
    wb = talker_and_processor()
    answer(wb, "a", {("sadness", "valuable"): 5, ("sadness", "weak"): 1, ("anger", "dangerous"): 3})
    answer(wb, "b", {("sadness", "valuable"): 2, ("sadness", "weak"): 4, ("anger", "dangerous"): 2})
    return wb


def kai_and_sam() -> Workbook:
    """Kai (A) finds anger dangerous; Sam (B) finds it acceptable."""
    wb = reassurance_and_independence()
    answer(wb, "a", {("anger", "dangerous"): 5, ("anger", "acceptable"): 2, ("joy", "valuable"): 5})
    answer(wb, "b", {("anger", "dangerous"): 1, ("anger", "acceptable"): 5, ("joy", "valuable"): 4})
    return wb


def test_cells_are_set_cleared_and_counted() -> None:
    wb = Workbook()
    partner = wb.partners["a"]
    meta.set_agreement(partner, "fear", "weak", 4)
    meta.set_agreement(partner, "fear", "valuable", 2)
    assert partner.meta_emotion == {"fear": {"weak": 4, "valuable": 2}}
    assert meta.answered(partner) == 2
    meta.set_agreement(partner, "fear", "weak", None)
    meta.set_agreement(partner, "fear", "valuable", None)
    assert partner.meta_emotion == {}
    meta.set_agreement(partner, "joy", "weak", None)  # clearing an empty cell is harmless
    assert meta.answered(partner) == 0
    with pytest.raises(ValueError):
        meta.set_agreement(partner, "joy", "weak", 6)


def test_the_grid_round_trips_through_the_workbook_file() -> None:
    wb = mia_and_ren()
    again = load_workbook(dump_workbook(wb))
    assert again.partners["b"].meta_emotion == wb.partners["b"].meta_emotion
    with pytest.raises(ValidationError):
        wb.partners["a"].meta_emotion = {"joy": {"weak": 0}}  # type: ignore[dict-item]


def test_matrix_is_emotions_by_beliefs_with_gaps() -> None:
    wb = mia_and_ren()
    z = meta.matrix(wb.partners["a"])
    assert len(z) == len(EMOTIONS) and all(len(row) == len(BELIEFS) for row in z)
    assert z[0] == [None, 5, None, 1]  # sadness: acceptable, valuable, dangerous, weak
    assert z[1] == [None, None, 3, None]


def test_differences_only_where_both_answered_and_ranked() -> None:
    wb = mia_and_ren()
    meta.set_agreement(wb.partners["a"], "joy", "acceptable", 5)  # B has not answered this one
    assert [(c.emotion, c.belief, c.difference) for c in meta.cell_differences(wb)] == [
        ("sadness", "valuable", 3),
        ("sadness", "weak", 3),
        ("anger", "dangerous", 1),
    ]
    assert [(c.emotion, c.belief) for c in meta.disagreements(wb)] == [
        ("sadness", "valuable"),
        ("sadness", "weak"),
    ]
    z = meta.difference_matrix(wb)
    assert z[0] == [None, 3, None, 3]
    assert z[3] == [None, None, None, None]


def test_disagreement_threshold_is_two() -> None:
    wb = Workbook()
    answer(wb, "a", {("joy", "weak"): 3, ("fear", "weak"): 3})
    answer(wb, "b", {("joy", "weak"): 4, ("fear", "weak"): 5})
    assert meta.DISAGREE_AT == 2
    assert [c.emotion for c in meta.disagreements(wb)] == ["fear"]


def test_contrasts_follow_who_is_wary_and_who_welcomes() -> None:
    assert meta.contrasts(mia_and_ren()) == [meta.Contrast("sadness", wary="b", welcoming="a")]
    assert meta.contrasts(kai_and_sam()) == [meta.Contrast("anger", wary="a", welcoming="b")]
    # Both welcoming joy is not a contrast; a partner both wary and welcoming counts as wary.
    wb = Workbook()
    answer(wb, "a", {("shame", "valuable"): 5, ("shame", "dangerous"): 4})
    answer(wb, "b", {("shame", "valuable"): 5})
    assert meta.contrasts(wb) == [meta.Contrast("shame", wary="a", welcoming="b")]


def test_you_two_texts_differ_between_the_two_couples() -> None:
    table = content_table("meta_emotion", "en")["contrast"]
    wb = mia_and_ren()
    lines = meta.you_two_lines(wb, plain_names(wb, "en"), "en")
    assert lines == [
        table["sadness"]["text"].format(wary="Ren", welcoming="Mia")
        + " "
        + table["sadness"]["question"].format(wary="Ren", welcoming="Mia")
    ]
    assert lines[0].startswith("Ren tends to see sadness as risky or as weakness, while Mia")
    other = kai_and_sam()
    other_lines = meta.you_two_lines(other, plain_names(other, "en"), "en")
    assert other_lines[0].startswith("Kai tends to see anger as dangerous")
    assert "Sam" in other_lines[0] and "Mia" not in other_lines[0]
    ja = meta.you_two_lines(other, plain_names(other, "ja"), "ja")
    assert ja[0].startswith("Kaiは怒りを、危険なものや自分を見失うことと見がちです。")


def test_without_a_contrast_the_general_line_or_nothing() -> None:
    wb = Workbook()
    assert meta.you_two_lines(wb, plain_names(wb, "en"), "en") == []
    answer(wb, "a", {("fear", "valuable"): 1})
    answer(wb, "b", {("fear", "valuable"): 3})
    assert meta.you_two_lines(wb, plain_names(wb, "en"), "en") == [
        content_table("meta_emotion", "en")["general"]["differ"]
    ]


def test_disagreement_lines_and_tables() -> None:
    wb = mia_and_ren()
    names = plain_names(wb, "en")
    first = meta.disagreements(wb)[0]
    for lang in ("en", "ja"):
        assert meta.disagreement_line(first, plain_names(wb, lang), lang) == t(
            "meta.disagreement_line",
            lang,
            emotion=t("meta.emotion.sadness", lang),
            belief=t("meta.belief.valuable", lang),
            name_a="Mia",
            a=5,
            name_b="Ren",
            b=2,
            difference=3,
        )
    assert meta.disagreement_table(wb, names, "en")[1] == {
        "Feeling": "Sadness",
        "Belief": "weak",
        "Mia": 1,
        "Ren": 4,
        "Difference": 3,
    }
    row = meta.grid_table(wb, "b", "en")[0]
    assert row == {
        "Feeling": "Sadness",
        "acceptable": meta.UNANSWERED,
        "valuable": "2",
        "dangerous": meta.UNANSWERED,
        "weak": "4",
    }


def test_value_area_only_when_the_value_of_feelings_differs() -> None:
    assert [a.dimension for a in meta.value_area(talker_and_processor())] == ["emotion_value"]
    assert meta.value_area(reassurance_and_independence()) == []  # 6 and 7: close


def test_content_files_are_parallel() -> None:
    en, ja = content_table("meta_emotion", "en"), content_table("meta_emotion", "ja")
    assert set(en["contrast"]) == set(ja["contrast"]) == set(EMOTIONS)
    for emotion in EMOTIONS:
        for key in ("text", "question"):
            assert placeholders(en["contrast"][emotion][key]) == placeholders(
                ja["contrast"][emotion][key]
            )
    assert placeholders(en["general"]["differ"]) == placeholders(ja["general"]["differ"]) == set()


def test_grid_figure_uses_the_partner_colour_and_leaves_gaps() -> None:
    wb = mia_and_ren()
    fig = meta.grid_figure(wb, "b", "en")
    heat = fig["data"][0]
    assert heat["colorscale"][-1][1] == PARTNER_COLOURS["b"]
    assert (heat["zmin"], heat["zmax"]) == (0, 5)  # 1 sits one step above the background
    assert heat["z"][0] == [None, 2, None, 4]
    assert heat["text"][0] == ["", "2", "", "4"]
    assert heat["y"][0] == "Sadness" and heat["x"][3] == "weak"
    assert "Ren" in heat["hovertemplate"]
    go.Figure(fig)
    ja = meta.grid_figure(wb, "a", "ja")["data"][0]
    assert ja["x"][0] == "受け入れて<br>よい" and ja["y"][2] == "不安・恐れ"


def test_difference_figure_is_one_hue_and_steps_at_two() -> None:
    wb = mia_and_ren()
    heat = meta.difference_figure(wb, "en")["data"][0]
    assert heat["z"][0] == [None, 3, None, 3]
    assert heat["text"][1] == ["", "", "1", ""]
    colours = [c for _, c in heat["colorscale"]]
    assert PARTNER_COLOURS["a"] not in colours and PARTNER_COLOURS["b"] not in colours
    scale = heat["colorscale"]
    # Positions never go back, and a difference of 1 looks like 0 while 2 does not.
    assert [p for p, _ in scale] == sorted(p for p, _ in scale)

    def colour_at(diff: int) -> str:
        pos = diff / (heat["zmax"] - heat["zmin"])
        return next(c for p, c in reversed(scale) if p <= pos)

    assert colour_at(0) == colour_at(1) != colour_at(2)
    go.Figure(meta.difference_figure(wb, "en"))


def test_an_unanswered_grid_still_has_its_rows_and_columns() -> None:
    fig = meta.grid_figure(Workbook(), "a", "en")
    layout = fig["layout"]
    assert len(layout["xaxis"]["categoryarray"]) == 4
    assert len(layout["yaxis"]["categoryarray"]) == 5
    assert layout["xaxis"]["type"] == layout["yaxis"]["type"] == "category"


# --- Only what is answered (issue 13) --------------------------------------------------------


@pytest.mark.parametrize("silent", ["a", "b"])
def test_a_partner_who_answered_nothing_is_compared_on_nothing(silent: PartnerId) -> None:
    wb = one_silent(silent)
    speaker = other(silent)
    for lang in ("en", "ja"):
        names = plain_names(wb, lang)
        assert meta.cell_differences(wb) == []
        assert meta.contrasts(wb) == []
        assert meta.you_two_lines(wb, names, lang) == []
        assert meta.disagreement_table(wb, names, lang) == []
        assert meta.value_area(wb) == []
        assert meta.difference_matrix(wb) == [[None] * len(BELIEFS)] * len(EMOTIONS)
        # The silent partner's grid is drawn from nothing: no number in it.
        silent_grid = meta.grid_figure(wb, silent, lang)["data"][0]
        assert all(v is None for row in silent_grid["z"] for v in row)
        assert all(text == "" for row in silent_grid["text"] for text in row)
        assert meta.answered(wb.partners[speaker]) == meta.CELLS


def test_only_cells_both_answered_are_compared() -> None:
    wb = needs_only_on(Workbook(), [])
    answer(wb, "a", {("anger", "dangerous"): 5, ("joy", "valuable"): 5, ("fear", "weak"): 5})
    answer(wb, "b", {("anger", "dangerous"): 1, ("sadness", "weak"): 5})
    assert [(c.emotion, c.belief) for c in meta.cell_differences(wb)] == [("anger", "dangerous")]
    assert [(c.emotion, c.belief, c.difference) for c in meta.disagreements(wb)] == [
        ("anger", "dangerous", 4)
    ]
    # A is wary of anger; B answered nothing welcoming about it: no contrast is invented.
    assert meta.contrasts(wb) == []


def test_the_value_need_is_compared_only_when_both_answered_it() -> None:
    wb = needs_only_on(talker_and_processor(), ["emotion_value"])  # Mia 9, Ren 5
    assert [a.dimension for a in meta.value_area(wb)] == ["emotion_value"]
    wb.partners["b"].ratings["emotion_value"].need = None
    assert meta.value_area(wb) == []
