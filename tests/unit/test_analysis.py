"""Derived figures: bands, ranking of areas, unmet needs, perception gaps."""

from __future__ import annotations

import pytest

from emotions.analysis import (
    answer_count,
    areas_to_understand,
    can_compare,
    difference,
    difference_band,
    perception_gaps,
    question_count,
    shared_dimensions,
    top_areas,
    unanswered,
    unmet_needs,
)
from emotions.dimensions import DIMENSION_IDS
from emotions.model import RATING_KINDS, Workbook


def couple(**needs: tuple[int, int]) -> Workbook:
    """A workbook where partner A and B have the given needs on the named dimensions."""
    wb = Workbook()
    for dim, (a, b) in needs.items():
        wb.partners["a"].ratings[dim].need = a  # type: ignore[index]
        wb.partners["b"].ratings[dim].need = b  # type: ignore[index]
    return wb


@pytest.mark.parametrize(
    ("diff", "band"),
    [(0, "close"), (2, "close"), (3, "different"), (5, "different"), (6, "far"), (10, "far")],
)
def test_bands_follow_the_rule_of_thumb(diff: int, band: str) -> None:
    assert difference_band(diff) == band


def test_a_negative_difference_is_a_bug() -> None:
    with pytest.raises(ValueError):
        difference_band(-1)


def test_difference_is_symmetric_and_absolute() -> None:
    assert difference(couple(closeness=(9, 2)), "closeness") == 7
    assert difference(couple(closeness=(2, 9)), "closeness") == 7


def test_areas_rank_by_difference_weighted_by_the_higher_importance() -> None:
    wb = couple(expression=(8, 4), closeness=(7, 1), support=(5, 3))
    # closeness: diff 6 x medium(2) = 12; expression: diff 4 x high(3) = 12 (tie: registry order)
    wb.partners["b"].ratings["expression"].importance = "high"
    wb.partners["a"].ratings["support"].importance = "low"
    wb.partners["b"].ratings["support"].importance = "low"
    areas = areas_to_understand(wb)
    assert [(a.dimension, a.weight) for a in areas] == [
        ("closeness", 12),
        ("expression", 12),
        ("support", 2),
    ]
    assert [a.band for a in areas] == ["far", "different", "close"]
    assert [a.higher for a in areas] == ["a", "a", "a"]
    # Nobody rated closeness for importance: it ranks as "medium" and is shown as unanswered.
    assert [a.importance for a in areas] == [None, "high", "low"]


def test_importance_can_lift_a_smaller_difference_above_a_larger_one() -> None:
    wb = couple(reassurance=(3, 7), intensity=(2, 7))
    wb.partners["a"].ratings["reassurance"].importance = "high"
    wb.partners["a"].ratings["intensity"].importance = "low"
    wb.partners["b"].ratings["intensity"].importance = "low"
    assert [a.dimension for a in top_areas(wb)] == ["reassurance", "intensity"]
    assert top_areas(wb)[0].higher == "b"


def test_equal_needs_are_not_an_area_and_one_partner_has_no_areas() -> None:
    assert areas_to_understand(Workbook()) == []
    wb = couple(closeness=(9, 1))
    del wb.partners["b"]
    assert areas_to_understand(wb) == []
    assert difference(wb, "closeness") is None


def test_unmet_needs_only_where_met_is_answered_and_lower() -> None:
    wb = couple(reassurance=(9, 5), closeness=(6, 5), support=(3, 5))
    a = wb.partners["a"].ratings
    a["reassurance"].met = 4  # gap 5
    a["closeness"].met = 5  # gap 1
    a["support"].met = 8  # more than needed: not missing
    assert [(g.dimension, g.gap) for g in unmet_needs(wb, "a")] == [
        ("reassurance", 5),
        ("closeness", 1),
    ]
    assert unmet_needs(wb, "b") == []


def test_perception_gap_compares_the_other_partners_guess_with_my_need() -> None:
    wb = couple(expression=(9, 2), closeness=(4, 4))
    wb.partners["b"].ratings["expression"].guess = 5  # B thinks A needs 5; A says 9
    wb.partners["b"].ratings["closeness"].guess = 4
    wb.partners["a"].ratings["expression"].guess = 2  # A guesses B exactly
    assert [(g.dimension, g.gap) for g in perception_gaps(wb, "a")] == [
        ("expression", 4),
        ("closeness", 0),
    ]
    assert [(g.dimension, g.gap) for g in perception_gaps(wb, "b")] == [("expression", 0)]


def test_only_dimensions_both_answered_are_compared() -> None:
    wb = couple(expression=(9, 2))
    wb.partners["a"].ratings["closeness"].need = 9  # B left closeness open
    wb.partners["b"].ratings["support"].need = 0  # A left support open
    assert difference(wb, "closeness") is None
    assert difference(wb, "support") is None
    assert [a.dimension for a in areas_to_understand(wb)] == ["expression"]
    assert shared_dimensions(wb) == ["expression"]


def test_a_fresh_workbook_compares_nothing_and_counts_no_answer() -> None:
    wb = Workbook()
    assert areas_to_understand(wb) == []
    assert not can_compare(wb)
    assert answer_count(wb, "a") == answer_count(wb, "b") == 0
    assert unanswered(wb, "a") == {kind: list(DIMENSION_IDS) for kind in RATING_KINDS}
    wb.partners["a"].ratings["closeness"].need = 5  # a real 5
    wb.partners["a"].ratings["closeness"].guess = 5
    assert answer_count(wb, "a") == 2
    assert answer_count(wb, "a") < question_count()
    assert "closeness" not in unanswered(wb, "a")["need"]
    assert unmet_needs(wb, "a") == []  # no 'met' answered
    assert perception_gaps(wb, "b") == []  # B's need is not answered: nothing to measure against


def test_unmet_needs_ignore_a_met_without_a_need() -> None:
    wb = Workbook()
    wb.partners["a"].ratings["support"].met = 2
    assert unmet_needs(wb, "a") == []
    wb.partners["a"].ratings["support"].need = 7
    assert [(g.dimension, g.gap) for g in unmet_needs(wb, "a")] == [("support", 5)]
