"""Workbooks answered in part, for the rule "compare only where both partners answered": one
partner everything and the other nothing, or both only some needs. Derived texts and figures must
follow the answers, never fill the gaps."""

from __future__ import annotations

from collections.abc import Iterable

from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import PartnerId, Rating, Workbook
from tests.couples import full_workbook

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


def one_silent(silent: PartnerId) -> Workbook:
    """Mia and Ren with every exercise filled in, except that ``silent`` has answered nothing at
    all: no rating, no grid cell, no channel, no safety answer, no sign."""
    wb = full_workbook()
    partner = wb.partners[silent]
    partner.ratings = {dim: Rating() for dim in DIMENSION_IDS}
    partner.meta_emotion = {}
    partner.channels = {}
    partner.safety = {}
    partner.withdrawal_signs = []
    return wb


def needs_only_on(wb: Workbook, dims: Iterable[DimensionId]) -> Workbook:
    """``wb`` with both partners' needs taken back everywhere except on ``dims``."""
    keep = set(dims)
    for partner in wb.partners.values():
        for dim in DIMENSION_IDS:
            if dim not in keep:
                partner.ratings[dim].need = None
    return wb
