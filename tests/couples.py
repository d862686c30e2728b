"""Two contrasting made-up couples for tests: derived texts must follow their answers."""

from __future__ import annotations

from emotions.dimensions import DIMENSION_IDS
from emotions.model import Workbook


def _couple(a: dict[str, int], b: dict[str, int], name_a: str, name_b: str) -> Workbook:
    wb = Workbook()
    wb.partners["a"].name, wb.partners["b"].name = name_a, name_b
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = a[dim]
        wb.partners["b"].ratings[dim].need = b[dim]
    return wb


def talker_and_processor() -> Workbook:
    """Mia talks everything through now; Ren sorts feelings out alone and needs space first."""
    wb = _couple(
        dict(
            expression=9,
            reassurance=6,
            closeness=7,
            processing=9,
            support=8,
            conflict_pace=10,
            intensity=7,
            emotion_value=9,
        ),
        dict(
            expression=3,
            reassurance=4,
            closeness=5,
            processing=1,
            support=3,
            conflict_pace=1,
            intensity=3,
            emotion_value=5,
        ),
        "Mia",
        "Ren",
    )
    wb.partners["a"].ratings["conflict_pace"].importance = "high"
    wb.partners["b"].ratings["processing"].importance = "high"
    return wb


def reassurance_and_independence() -> Workbook:
    """Sam seeks reassurance and togetherness; Kai guards independence. Reversed roles: B higher."""
    wb = _couple(
        dict(
            expression=5,
            reassurance=2,
            closeness=2,
            processing=5,
            support=4,
            conflict_pace=5,
            intensity=4,
            emotion_value=6,
        ),
        dict(
            expression=6,
            reassurance=10,
            closeness=9,
            processing=6,
            support=8,
            conflict_pace=6,
            intensity=5,
            emotion_value=7,
        ),
        "Kai",
        "Sam",
    )
    wb.partners["b"].ratings["reassurance"].importance = "high"
    wb.partners["a"].ratings["closeness"].importance = "high"
    return wb
