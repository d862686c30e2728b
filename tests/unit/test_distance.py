"""Section 5: how responses may land follows the receiver's needs; the illustration's model."""

from __future__ import annotations

import itertools
import math
import re

import plotly.graph_objects as go
import pytest

from emotions import i18n
from emotions.analysis import other
from emotions.exercises import distance
from emotions.exercises.distance import RESPONSES, RULES, landings, openness_curve
from emotions.languages import Language, spec
from emotions.model import PartnerId, Workbook
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def outcomes(wb: Workbook, reacher: str) -> dict[str, str]:
    return {landing.response: landing.outcome for landing in landings(wb, reacher)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("need", "lean"),
    [(0, "low"), (3, "low"), (4, "middle"), (6, "middle"), (7, "high"), (10, "high")],
)
def test_lean_is_a_rule_of_thumb_with_an_in_between(need: int, lean: str) -> None:
    assert distance.lean(need) == lean


def test_each_response_has_one_main_dimension() -> None:
    assert set(RULES) == set(RESPONSES)
    for rules in RULES.values():
        assert sum(rule.primary for rule in rules) == 1


def test_responses_land_the_other_way_round_for_the_talker_and_the_processor() -> None:
    wb = talker_and_processor()
    assert outcomes(wb, "a") == {
        "comfort": "helps",
        "solutions": "misses",
        "space": "misses",
        "questions": "helps",
    }
    # Ren is the receiver now: the same four responses land the other way round.
    assert outcomes(wb, "b") == {
        "comfort": "partly",
        "solutions": "helps",
        "space": "helps",
        "questions": "misses",
    }


def test_the_second_couple_reads_differently_and_in_between_needs_land_partly() -> None:
    wb = reassurance_and_independence()
    # Kai is in between on every dimension that matters here.
    assert set(outcomes(wb, "a").values()) == {"partly"}
    sam = outcomes(wb, "b")
    assert (sam["comfort"], sam["solutions"], sam["space"]) == ("helps", "misses", "partly")
    space = next(landing for landing in landings(wb, "b") if landing.response == "space")
    # Sam needs reassurance: space without a word of it could read as distance.
    assert distance.Reason("reassurance", "high") in space.reasons


def test_landing_texts_name_the_receiver_and_give_a_reason_for_each_response() -> None:
    wb = talker_and_processor()
    names = plain_names(wb, "en")
    for reacher, name in (("a", "Mia"), ("b", "Ren")):
        for landing in landings(wb, reacher):  # type: ignore[arg-type]
            text = distance.landing_text(landing, names, reacher, "en")  # type: ignore[arg-type]
            assert text.reasons and all(name in reason for reason in text.reasons)
            assert text.outcome in {"Likely to help", "May land partly", "May miss"}
    comfort_for_mia = distance.landing_text(landings(wb, "a")[0], names, "a", "en")
    comfort_for_ren = distance.landing_text(landings(wb, "b")[0], names, "b", "en")
    assert comfort_for_mia.reasons != comfort_for_ren.reasons
    ja = distance.landing_text(landings(wb, "a")[0], plain_names(wb, "ja"), "a", "ja")
    assert ja.outcome == "助けになりやすい" and JAPANESE.search(ja.reasons[0])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_reason_the_rules_can_give_is_written_in_both_languages(lang: str) -> None:
    table = i18n.content_table("distance", lang)  # type: ignore[arg-type]
    assert set(table["responses"]) == set(RESPONSES)
    assert set(table["outcomes"]) == set(distance.OUTCOMES)
    needed = set()
    for response, rules in RULES.items():
        for rule in rules:
            for lean in ("low", "middle", "high"):
                if rule.effect(lean) != 0 or rule.primary:  # type: ignore[arg-type]
                    needed.add((response, rule.dimension, lean))
    written = {
        (response, dim, lean)
        for response, dims in table["reasons"].items()
        for dim, leans in dims.items()
        for lean in leans
    }
    assert written == needed
    for response, dim, lean in needed:
        assert i18n.placeholders(table["reasons"][response][dim][lean]) == {"name"}


def test_a_one_partner_workbook_has_no_landings_for_the_missing_partner() -> None:
    wb = talker_and_processor()
    del wb.partners["b"]
    assert landings(wb, "b") == []
    assert distance.unshown_responses(wb, "b") == []
    assert len(landings(wb, "a")) == 4


def test_the_moment_keeps_one_part_when_the_other_changes() -> None:
    wb = Workbook()
    assert wb.vulnerable_moment is None and distance.responder(wb) == "b"
    distance.set_moment(wb, what="  I told you about work  ")
    distance.set_moment(wb, reacher="b")
    assert wb.vulnerable_moment is not None
    assert (wb.vulnerable_moment.reacher, wb.vulnerable_moment.what) == (
        "b",
        "I told you about work",
    )
    assert distance.responder(wb) == "a"


def test_the_section_s_areas_are_its_own_dimensions() -> None:
    assert [a.dimension for a in distance.distance_areas(talker_and_processor())] == [
        "conflict_pace",
        "processing",
    ]
    assert [a.dimension for a in distance.distance_areas(reassurance_and_independence())] == [
        "support",
        "processing",
    ]


# --- The illustration ---------------------------------------------------------------------------


def test_without_repairs_openness_decays_geometrically() -> None:
    curve = openness_curve(0.4, 0.0)
    assert len(curve) == distance.WEEKS + 1 and curve[0] == distance.START_OPENNESS
    factor = 1 - 0.4 * distance.MISS_DROP
    for week in (1, 13, 52):
        assert math.isclose(curve[week], distance.START_OPENNESS * factor**week)
    assert all(later < earlier for earlier, later in itertools.pairwise(curve))


def test_repairs_lift_the_curve_towards_the_balance_point() -> None:
    miss, repair = 0.5, 0.5
    without, with_repairs = openness_curve(miss, 0.0), openness_curve(miss, repair)
    assert all(w >= wo for w, wo in zip(with_repairs, without, strict=True))
    k, r = distance.MISS_DROP, distance.REPAIR_LIFT
    balance = repair * r / (miss * k + repair * r)
    assert math.isclose(openness_curve(miss, repair, weeks=2000)[-1], balance, rel_tol=1e-9)
    # More repairs, higher curve; more misses, lower curve.
    assert openness_curve(miss, 0.8)[-1] > with_repairs[-1] > openness_curve(0.9, repair)[-1]


def test_no_misses_and_no_repairs_leave_openness_where_it_was() -> None:
    assert set(openness_curve(0.0, 0.0)) == {distance.START_OPENNESS}


@pytest.mark.parametrize(("miss", "repair"), [(1, 1), (1, 0), (0, 1), (0.35, 0.65)])
def test_openness_stays_between_0_and_1(miss: float, repair: float) -> None:
    for start in (0.0, 0.5, 1.0):
        assert all(0 <= o <= 1 for o in openness_curve(miss, repair, start=start, k=1, r=1))


@pytest.mark.parametrize("bad", [{"miss_rate": -0.1}, {"repair_rate": 1.5}, {"weeks": -1}])
def test_out_of_range_parameters_are_refused(bad: dict[str, float]) -> None:
    args: dict[str, float] = {"miss_rate": 0.4, "repair_rate": 0.5}
    with pytest.raises(ValueError):
        openness_curve(**{**args, **bad})  # type: ignore[arg-type]


def test_the_illustration_chart_has_two_labelled_curves_in_each_language() -> None:
    fig = distance.illustration_figure(0.4, 0.5, "en")
    without, with_repairs = fig["data"]
    assert (without["name"], with_repairs["name"]) == ("Without repairs", "With small repairs")
    assert without["y"][-1] < with_repairs["y"][-1]
    assert without["line"]["dash"] != with_repairs["line"]["dash"]
    assert "Illustration" in fig["layout"]["title"]["text"]
    assert fig["layout"]["yaxis"]["range"] == [0, 1]
    go.Figure(fig)
    ja = distance.illustration_figure(0.4, 0.5, "ja")
    assert "説明のための図" in ja["layout"]["title"]["text"]
    assert ja["data"][1]["name"] == "小さな修復がある場合"
    assert "Noto Sans CJK JP" in ja["layout"]["font"]["family"]


def test_the_table_samples_a_few_weeks_in_percent() -> None:
    rows = distance.illustration_table(0.4, 0.5, "en")
    assert [row["Week"] for row in rows] == list(distance.SAMPLE_WEEKS)
    assert rows[0] == {"Week": 0, "Without repairs": "80%", "With small repairs": "80%"}
    last = openness_curve(0.4, 0.0)[-1]
    assert rows[-1]["Without repairs"] == f"{round(last * 100)}%"


def test_the_caption_states_the_model_s_own_numbers() -> None:
    assert all(f"{n}%" in distance.illustration_caption("en") for n in (10, 15, 80))
    assert all(f"{n}%" in distance.illustration_caption("ja") for n in (10, 15, 80))


# --- Only what is answered (issue 13) --------------------------------------------------------


@pytest.mark.parametrize("silent", ["a", "b"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_no_landing_is_read_from_needs_the_reacher_has_not_answered(
    silent: PartnerId, lang: Language
) -> None:
    wb = one_silent(silent)
    names = plain_names(wb, lang)
    assert landings(wb, silent) == []
    assert distance.unshown_responses(wb, silent) == list(RESPONSES)
    dims = spec(lang).list_separator.join(
        i18n.t(f"dim.{d}.name", lang) for d in ("support", "conflict_pace", "processing")
    )
    assert distance.open_needs_line(wb, names, silent, lang) == i18n.t(
        "compare_a.distance_none", lang, name=names.of(silent), dimensions=dims
    )
    # The other partner answered everything: all four land, nothing is said to be missing.
    assert len(landings(wb, other(silent))) == 4
    assert distance.open_needs_line(wb, names, other(silent), lang) is None
    # No comparison of the two.
    assert distance.distance_areas(wb) == []


def test_a_response_waits_for_its_main_need_and_leaves_open_needs_out_of_its_reasons() -> None:
    wb = needs_only_on(talker_and_processor(), ["support"])  # Mia 8, Ren 3
    found = landings(wb, "a")
    assert [landing.response for landing in found] == ["comfort", "solutions"]
    for landing in found:
        assert {reason.dimension for reason in landing.reasons} == {"support"}
    # Solutions: support high (-2); the processing rule (Mia 9: -1) is left out while open.
    assert found[1].score == -2
    names = plain_names(wb, "en")
    table = i18n.content_table("distance", "en")
    assert distance.open_needs_line(wb, names, "a", "en") == i18n.t(
        "compare_a.distance_partial",
        "en",
        name="Mia",
        responses=", ".join(table["responses"][r]["name"] for r in ("space", "questions")),
        dimensions=", ".join(
            i18n.t(f"dim.{d}.name", "en") for d in ("conflict_pace", "processing")
        ),
    )


def test_distance_areas_only_on_needs_both_answered() -> None:
    wb = needs_only_on(talker_and_processor(), ["processing", "expression"])
    areas = distance.distance_areas(wb)
    # expression is not one of this section's needs; processing (9 vs 1) is far apart.
    assert [(a.dimension, a.band) for a in areas] == [("processing", "far")]
