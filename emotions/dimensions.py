"""The needs dimensions and the sections: stable ids, order, grouping (the registries).

Labels are never stored here: every word a user sees comes from the catalogs
(``dim.<id>.name``, ``dim.<id>.low``, ``dim.<id>.high``, ``section.<id>.title``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

DimensionId = Literal[
    "expression",
    "reassurance",
    "closeness",
    "processing",
    "support",
    "conflict_pace",
    "intensity",
    "emotion_value",
]
DIMENSION_IDS: tuple[DimensionId, ...] = get_args(DimensionId)

SectionId = Literal[
    "introduction",
    "what-it-means",
    "emotional-styles",
    "meta-emotion",
    "distance",
    "intimacy",
    "expression",
    "ongoing-differences",
    "maintaining-connection",
    "communication",
    "meta-awareness",
    "shared-meaning",
    "unspoken-needs",
    "compatibility",
    "rebuilding",
    "final-thoughts",
]
SECTION_IDS: tuple[SectionId, ...] = get_args(SectionId)
"""The sections' ids in order; what makes up each section is in ``emotions.sections``."""


@dataclass(frozen=True)
class Dimension:
    """One needs dimension: a 0-10 scale between two labelled poles."""

    id: DimensionId
    sections: tuple[SectionId, ...]
    """The sections whose "what this means for you two" draws on this dimension, besides the
    needs profile and the pages that take every dimension (no default: a new dimension decides)."""


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("expression", ("emotional-styles", "intimacy", "expression")),
    Dimension("reassurance", ()),
    Dimension("closeness", ()),
    Dimension("processing", ("emotional-styles", "distance")),
    Dimension("support", ("distance", "intimacy")),
    Dimension("conflict_pace", ("emotional-styles", "distance")),
    Dimension("intensity", ("emotional-styles", "expression")),
    Dimension("emotion_value", ("intimacy",)),
)

if tuple(d.id for d in DIMENSIONS) != DIMENSION_IDS:  # pragma: no cover - checked at import
    raise ImportError(
        "emotions.dimensions: DimensionId and DIMENSIONS disagree: "
        f"{DIMENSION_IDS} vs {tuple(d.id for d in DIMENSIONS)} (same ids, same order)"
    )

NEED_MIN, NEED_MAX = 0, 10
"""Every need, 'how well met' and guess is on this scale; 5 means 'in between', not 'fine'."""


def dimensions_of(section: SectionId) -> tuple[DimensionId, ...]:
    """The dimensions a section's "what this means for you two" draws on, in registry order."""
    return tuple(d.id for d in DIMENSIONS if section in d.sections)
