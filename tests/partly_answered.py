"""Workbooks where only part is answered: one partner everything and the other nothing, or both
only some needs. Derived texts and figures must follow the answers, never fill the gaps."""

from __future__ import annotations

from collections.abc import Iterable

from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import PartnerId, Rating, Workbook
from tests.couples import full_workbook


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
