"""Derived figures: differences and their bands, areas to understand, unmet needs, perception gaps.

All pure functions of a ``Workbook``. None of them adds the figures up into a single number:
there is deliberately no "compatibility score" anywhere in this project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import Importance, PartnerId, Workbook

Band = Literal["close", "different", "far"]
BANDS: tuple[Band, ...] = ("close", "different", "far")

IMPORTANCE_WEIGHT: dict[Importance, int] = {"low": 1, "medium": 2, "high": 3}
"""How much the higher importance of the two partners weighs a difference when ranking areas."""


def other(pid: PartnerId) -> PartnerId:
    """The other partner."""
    return "b" if pid == "a" else "a"


def difference_band(difference: int) -> Band:
    """A rule of thumb, not a measurement: 0-2 close, 3-5 different, 6-10 far apart."""
    if difference < 0:
        raise ValueError("a difference is never negative")
    if difference <= 2:
        return "close"
    if difference <= 5:
        return "different"
    return "far"


def has_both(wb: Workbook) -> bool:
    """Whether the workbook holds both partners (a partner file holds one)."""
    return "a" in wb.partners and "b" in wb.partners


def difference(wb: Workbook, dim: DimensionId) -> int | None:
    """|need of A - need of B| on one dimension; None while the workbook holds one partner."""
    if not has_both(wb):
        return None
    return abs(wb.partners["a"].ratings[dim].need - wb.partners["b"].ratings[dim].need)


@dataclass(frozen=True)
class Area:
    """A dimension on which the partners differ, with what is needed to talk about it."""

    dimension: DimensionId
    difference: int
    band: Band
    importance: Importance
    """The higher of the two partners' importance ratings."""
    higher: PartnerId | None
    """The partner whose need is nearer the high pole; None when both are equal."""

    @property
    def weight(self) -> int:
        """Difference weighted by importance: the key the areas are ranked by."""
        return self.difference * IMPORTANCE_WEIGHT[self.importance]


def _higher_importance(a: Importance, b: Importance) -> Importance:
    return a if IMPORTANCE_WEIGHT[a] >= IMPORTANCE_WEIGHT[b] else b


def areas_to_understand(wb: Workbook) -> list[Area]:
    """Every dimension where the needs differ at all, the most important difference first.

    Ranked by difference x weight of the higher importance; ties keep the registry order.
    Empty while the workbook holds one partner.
    """
    if not has_both(wb):
        return []
    a, b = wb.partners["a"], wb.partners["b"]
    areas = []
    for dim in DIMENSION_IDS:
        ra, rb = a.ratings[dim], b.ratings[dim]
        diff = abs(ra.need - rb.need)
        if diff == 0:
            continue
        higher: PartnerId = "a" if ra.need > rb.need else "b"
        areas.append(
            Area(
                dimension=dim,
                difference=diff,
                band=difference_band(diff),
                importance=_higher_importance(ra.importance, rb.importance),
                higher=higher,
            )
        )
    # sorted() is stable, so equal weights keep the registry order.
    return sorted(areas, key=lambda area: (-area.weight, -area.difference))


def top_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The ``n`` areas most worth understanding (fewer if the needs differ on fewer dimensions)."""
    return areas_to_understand(wb)[:n]


@dataclass(frozen=True)
class Gap:
    """A gap on one dimension, e.g. need minus how well it is met."""

    dimension: DimensionId
    gap: int


def unmet_needs(wb: Workbook, pid: PartnerId) -> list[Gap]:
    """What feels missing for ``pid``: need - met where 'met' is answered and lower; largest first.

    Dimensions without a 'met' answer are left out.
    """
    if pid not in wb.partners:
        return []
    gaps = []
    for dim in DIMENSION_IDS:
        rating = wb.partners[pid].ratings[dim]
        if rating.met is not None and rating.need > rating.met:
            gaps.append(Gap(dim, rating.need - rating.met))
    return sorted(gaps, key=lambda g: -g.gap)


def perception_gaps(wb: Workbook, pid: PartnerId) -> list[Gap]:
    """How far the other partner's guesses are from what ``pid`` says they need, largest first.

    Only dimensions the other partner guessed are included; empty with one partner.
    """
    if not has_both(wb):
        return []
    guesser = wb.partners[other(pid)]
    gaps = []
    for dim in DIMENSION_IDS:
        guess = guesser.ratings[dim].guess
        if guess is not None:
            gaps.append(Gap(dim, abs(guess - wb.partners[pid].ratings[dim].need)))
    return sorted(gaps, key=lambda g: -g.gap)
