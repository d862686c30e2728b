"""Derived figures: differences and their bands, areas to understand, unmet needs, perception gaps.

All pure functions of a ``Workbook``. None of them adds the figures up into a single number:
there is deliberately no "compatibility score" anywhere in this project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import RATING_KINDS, Importance, PartnerId, RatingKind, Workbook

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
    """Whether the workbook holds both partners (a partner file holds one). Holding is not
    answering: compare only on ``shared_dimensions``."""
    return "a" in wb.partners and "b" in wb.partners


def need(wb: Workbook, pid: PartnerId, dim: DimensionId) -> int | None:
    """``pid``'s answered need on ``dim``; None when not answered (or the partner is absent)."""
    partner = wb.partners.get(pid)
    return None if partner is None else partner.ratings[dim].need


def answered_needs(wb: Workbook, pid: PartnerId) -> list[DimensionId]:
    """The dimensions whose need ``pid`` has answered, in registry order."""
    return [dim for dim in DIMENSION_IDS if need(wb, pid, dim) is not None]


def shared_dimensions(wb: Workbook) -> list[DimensionId]:
    """The dimensions where both partners answered their need: the only ones ever compared."""
    return [
        dim
        for dim in DIMENSION_IDS
        if need(wb, "a", dim) is not None and need(wb, "b", dim) is not None
    ]


def can_compare(wb: Workbook) -> bool:
    """Whether both partners answered the need of at least one and the same dimension."""
    return bool(shared_dimensions(wb))


def answer_count(wb: Workbook, pid: PartnerId) -> int:
    """How many of ``pid``'s rating questions (need, importance, met, guess per dimension) are
    answered; 0 for a partner the workbook does not hold."""
    partner = wb.partners.get(pid)
    return 0 if partner is None else sum(r.answered() for r in partner.ratings.values())


def question_count() -> int:
    """How many rating questions each partner has: every kind on every dimension."""
    return len(DIMENSION_IDS) * len(RATING_KINDS)


def unanswered(wb: Workbook, pid: PartnerId) -> dict[RatingKind, list[DimensionId]]:
    """Per question kind, the dimensions ``pid`` has not answered yet (kinds with none left out).
    A partner the workbook does not hold has answered nothing."""
    partner = wb.partners.get(pid)
    out: dict[RatingKind, list[DimensionId]] = {}
    for kind in RATING_KINDS:
        dims = [
            dim
            for dim in DIMENSION_IDS
            if partner is None or getattr(partner.ratings[dim], kind) is None
        ]
        if dims:
            out[kind] = dims
    return out


def difference(wb: Workbook, dim: DimensionId) -> int | None:
    """|need of A - need of B| on one dimension; None unless both partners answered it."""
    a, b = need(wb, "a", dim), need(wb, "b", dim)
    if a is None or b is None:
        return None
    return abs(a - b)


@dataclass(frozen=True)
class Area:
    """A dimension on which the partners differ, with what is needed to talk about it."""

    dimension: DimensionId
    difference: int
    band: Band
    importance: Importance | None
    """The higher of the two partners' answered importance ratings; None if neither answered."""
    higher: PartnerId | None
    """The partner whose need is nearer the high pole; None when both are equal."""

    @property
    def weight(self) -> int:
        """Difference weighted by importance: the key the areas are ranked by."""
        return self.difference * IMPORTANCE_WEIGHT[self.importance or UNANSWERED_IMPORTANCE]


UNANSWERED_IMPORTANCE: Importance = "medium"
"""Only for ranking: an area neither partner rated for importance ranks as if "medium". It is
never shown as an answer."""


def _higher_importance(a: Importance | None, b: Importance | None) -> Importance | None:
    if a is None or b is None:
        return a or b
    return a if IMPORTANCE_WEIGHT[a] >= IMPORTANCE_WEIGHT[b] else b


def areas_to_understand(wb: Workbook) -> list[Area]:
    """Every dimension both partners answered where their needs differ at all, the most
    important difference first.

    Ranked by difference x weight of the higher importance; ties keep the registry order.
    Empty until both partners answered the same dimension.
    """
    areas = []
    for dim in shared_dimensions(wb):
        ra, rb = wb.partners["a"].ratings[dim], wb.partners["b"].ratings[dim]
        assert ra.need is not None and rb.need is not None
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
    """What feels missing for ``pid``: need - met where both are answered and 'met' is lower;
    largest first. Dimensions without both answers are left out.
    """
    if pid not in wb.partners:
        return []
    gaps = []
    for dim in DIMENSION_IDS:
        rating = wb.partners[pid].ratings[dim]
        if rating.met is not None and rating.need is not None and rating.need > rating.met:
            gaps.append(Gap(dim, rating.need - rating.met))
    return sorted(gaps, key=lambda g: -g.gap)


def perception_gaps(wb: Workbook, pid: PartnerId) -> list[Gap]:
    """How far the other partner's guesses are from what ``pid`` says they need, largest first.

    Only dimensions the other partner guessed and ``pid`` answered are included.
    """
    if not has_both(wb):
        return []
    guesser = wb.partners[other(pid)]
    gaps = []
    for dim in DIMENSION_IDS:
        guess, answer = guesser.ratings[dim].guess, wb.partners[pid].ratings[dim].need
        if guess is not None and answer is not None:
            gaps.append(Gap(dim, abs(guess - answer)))
    return sorted(gaps, key=lambda g: -g.gap)
