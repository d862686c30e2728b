"""Section 15: check-ins, their order, their chart and an honest sentence about the trend."""

from __future__ import annotations

import datetime as dt

import pytest

from emotions.analysis import top_areas
from emotions.exercises import checkins
from emotions.i18n import t
from emotions.languages import format_date
from emotions.model import CheckIn, Workbook
from emotions.palette import PARTNER_COLOURS, PARTNER_DASH
from emotions.texts import plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import LOW, one_sided

D = dt.date


def add(wb: Workbook, day: int, a: int | None, b: int | None, note: str = "") -> None:
    scores = {pid: v for pid, v in (("a", a), ("b", b)) if v is not None}
    wb.checkins.append(checkins.new_checkin(D(2025, 3, day), scores, note, ""))  # type: ignore[arg-type]


def test_a_new_checkin_trims_its_texts() -> None:
    checkin = checkins.new_checkin(D(2025, 1, 2), {"a": 7}, " you called ", "\nwe paused ")
    assert checkin == CheckIn(
        date=D(2025, 1, 2), connection={"a": 7}, reliability="you called", adjustment="we paused"
    )


def test_newest_first_and_the_last_added_first_on_the_same_day() -> None:
    wb = Workbook()
    add(wb, 5, 5, 5, "first")
    add(wb, 9, 6, 6, "later")
    add(wb, 5, 7, 7, "same day, added last")
    assert [c.reliability for _, c in checkins.newest_first(wb)] == [
        "later",
        "same day, added last",
        "first",
    ]
    rows = checkins.checkin_table(wb, plain_names(wb, "en"), "en")
    assert rows[0] == {
        t("checkin.col_date", "en"): "2025-03-09",
        t("partner.a", "en"): "6",
        t("partner.b", "en"): "6",
        t("checkin.col_reliability", "en"): "later",
        t("checkin.col_adjustment", "en"): "",
    }
    checkins.delete_checkin(wb, 0)
    checkins.delete_checkin(wb, 99)
    assert [c.reliability for c in wb.checkins] == ["later", "same day, added last"]


def test_dates_and_labels_in_each_language() -> None:
    assert format_date(D(2025, 3, 4), "en") == "2025-03-04"
    assert format_date(D(2025, 3, 4), "ja") == "2025年3月4日"
    wb = talker_and_processor()
    add(wb, 4, 6, None)
    label = checkins.checkin_label(wb.checkins[0], plain_names(wb, "en"), "en")
    assert label == "2025-03-04 (Mia: 6)"
    assert checkins.period(D(2025, 3, 4), D(2025, 3, 4), "en") == "2025-03-04"
    assert checkins.period(D(2025, 3, 4), D(2025, 4, 1), "ja") == "2025年3月4日から2025年4月1日まで"


@pytest.mark.parametrize(
    ("scores", "direction", "early", "late"),
    [
        ([3, 5, 7], "higher", 3.0, 7.0),  # odd count: the middle one is left out
        ([8, 6, 7, 5], "lower", 7.0, 6.0),
        ([5, 6, 1, 6, 5], "level", 5.5, 5.5),
        ([5, 9, 1, 6, 5], "lower", 7.0, 5.5),
    ],
)
def test_a_trend_compares_the_earlier_half_with_the_more_recent_half(
    scores: list[int], direction: str, early: float, late: float
) -> None:
    points = [(D(2025, 3, i + 1), s) for i, s in enumerate(scores)]
    found = checkins.trend(points)
    assert found is not None
    assert (found.direction, found.early, found.late, found.count) == (
        direction,
        early,
        late,
        len(scores),
    )


def test_fewer_than_three_checkins_are_not_called_a_trend() -> None:
    wb = talker_and_processor()
    add(wb, 1, 2, 8)
    add(wb, 2, 9, 8)
    assert checkins.trend(checkins.series(wb, "a")) is None
    assert not checkins.has_trend(wb)
    lines = checkins.trend_lines(wb, plain_names(wb, "en"), "en")
    assert lines[0] == (
        "Mia: 2 check-ins so far. A trend needs at least three, so for now each one is a "
        "moment to talk about, not a direction."
    )
    assert "higher" not in " ".join(lines)
    assert checkins.trend_lines(Workbook(), plain_names(Workbook(), "en"), "en") == []


def test_trend_sentences_follow_the_couple() -> None:
    wb = talker_and_processor()
    for day, a, b in ((1, 3, 8), (8, 5, 7), (15, 7, 5)):
        add(wb, day, a, b)
    assert checkins.has_trend(wb)
    assert checkins.trend_lines(wb, plain_names(wb, "en"), "en") == [
        "Mia: across 3 check-ins (2025-03-01 to 2025-03-15), the more recent ones are higher "
        "(average 3.0 earlier, 7.0 lately).",
        "Ren: across 3 check-ins (2025-03-01 to 2025-03-15), the more recent ones are lower "
        "(average 8.0 earlier, 5.0 lately). Dips are part of it; it may help to talk about what "
        "the recent weeks were like.",
    ]
    other = reassurance_and_independence()
    for day, a, b in ((1, 6, 6), (8, 6, 7), (15, 6, 6)):
        add(other, day, a, b)
    lines = checkins.trend_lines(other, plain_names(other, "ja"), "ja")
    assert lines[0].startswith("Kai：2025年3月1日から2025年3月15日までの3件では、ほぼ横ばいです")
    assert lines[1].startswith("Sam：")
    for line in lines:
        assert "予測" not in line and "checkin." not in line


def test_the_trend_chart_has_a_line_per_partner_in_date_order() -> None:
    wb = talker_and_processor()
    wb.partners["a"].name = "<Mia>"
    add(wb, 5, 7, None)
    add(wb, 2, 4, 6)
    fig = checkins.trend_figure(wb, plain_names(wb, "en"), "en")
    mia, ren = fig["data"]
    assert mia["x"] == ["2025-03-02", "2025-03-05"] and mia["y"] == [4, 7]
    assert ren["x"] == ["2025-03-02"] and ren["y"] == [6]
    assert mia["name"] == "&lt;Mia&gt;"
    assert (mia["line"]["color"], mia["line"]["dash"]) == (PARTNER_COLOURS["a"], PARTNER_DASH["a"])
    assert (ren["line"]["color"], ren["line"]["dash"]) == (PARTNER_COLOURS["b"], PARTNER_DASH["b"])
    assert fig["layout"]["xaxis"]["dtick"] == checkins.DAY_MS
    add(wb, 30, 5, 5)
    wide = checkins.trend_figure(wb, plain_names(wb, "ja"), "ja")
    assert "dtick" not in wide["layout"]["xaxis"]
    assert wide["layout"]["xaxis"]["tickformat"] == "%Y年%-m月%-d日"


def test_each_partner_only_their_own_scores_and_no_area_without_shared_answers() -> None:
    # Mia answered every need and checked in three times alone; Ren answered nothing.
    wb = one_sided("a")
    for day, a in ((1, 3), (8, 5), (15, 8)):
        add(wb, day, a, None)
    names = plain_names(wb, "en")
    (mia,) = checkins.trend_figure(wb, names, "en")["data"]  # no line for Ren
    assert mia["name"] == "Mia" and mia["y"] == [3, 5, 8]
    (line,) = checkins.trend_lines(wb, names, "en")
    assert line.startswith("Mia") and "Ren" not in line
    assert {row["Ren"] for row in checkins.checkin_table(wb, names, "en")} == {""}
    # The section's "for you two" texts follow the areas: none without a need both answered,
    # the one dimension both answered once Ren answers it far from Mia.
    assert top_areas(wb, 1) == []
    wb.partners["b"].ratings["support"].need = LOW
    assert [(a.dimension, a.band, a.higher) for a in top_areas(wb, 1)] == [("support", "far", "a")]
