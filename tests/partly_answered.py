"""Workbooks answered in part, for the rule "compare only where both partners answered"."""

from __future__ import annotations

from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import PartnerId, Workbook

HIGH, LOW = 9, 1
"""Where the partner who answers everything stands, and where the other stands on the one
dimension they answer: far apart (a difference of 8)."""


def one_sided(pid: PartnerId = "a") -> Workbook:
    """``pid`` (Mia or Ren) answered every question of every dimension, the other nothing."""
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = "Mia", "Ren"
    for dim in DIMENSION_IDS:
        rating = wb.partners[pid].ratings[dim]
        rating.need, rating.importance, rating.met, rating.guess = HIGH, "high", 2, LOW
    return wb


def only_on(dim: DimensionId, need: int = LOW) -> Workbook:
    """Mia (a) answered everything, Ren (b) only the need of ``dim``: the one dimension both
    answered, far apart by default."""
    wb = one_sided("a")
    wb.partners["b"].ratings[dim].need = need
    return wb
