"""Section 9, the small-adjustments planner: ideas drawn from the couple's top areas.

For every needs dimension there are a few small, concrete adjustments for the partner nearer the
high pole ("higher") and a few for the other ("lower"), in ``content/<lang>/adjustments.toml``.
A partner sees the ideas written for *their* side of each top area and keeps up to three
(``Partner.adjustments``, stable ids such as ``expression-higher-1``). The texts are written for
the one who picks them; ``{partner}`` is the other partner's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from emotions.analysis import Area, other, top_areas
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises.limits import max_length
from emotions.i18n import content_table, t
from emotions.model import Language, Partner, PartnerId, Workbook
from emotions.texts import Names

Role = Literal["higher", "lower"]
ROLES: tuple[Role, ...] = get_args(Role)
PER_ROLE = 3
"""How many ideas each dimension has for each side."""
AREAS_SHOWN = 3
"""Ideas are drawn from this many top areas."""
MAX_CHOSEN = max_length(Partner, "adjustments")
"""Each partner keeps at most this many (3): a few changes kept up beat many tried once."""


def adjustment_id(dim: DimensionId, role: Role, number: int) -> str:
    """The stable id of an idea, e.g. ``conflict_pace-lower-2``."""
    return f"{dim}-{role}-{number}"


ADJUSTMENT_IDS: tuple[str, ...] = tuple(
    adjustment_id(dim, role, n)
    for dim in DIMENSION_IDS
    for role in ROLES
    for n in range(1, PER_ROLE + 1)
)


def parse(tag: str) -> tuple[DimensionId, Role, int] | None:
    """(dimension, side, number) of an idea's id; None for an id this app does not know."""
    if tag not in ADJUSTMENT_IDS:
        return None
    dim, role, number = tag.rsplit("-", 2)
    return dim, role, int(number)  # type: ignore[return-value]


def role_of(area: Area, pid: PartnerId) -> Role:
    """Which side of an area ``pid`` is on: nearer the high pole, or the other one."""
    return "higher" if area.higher == pid else "lower"


@dataclass(frozen=True)
class AreaIdeas:
    """The ideas one partner sees for one of the top areas."""

    area: Area
    role: Role
    ids: tuple[str, ...]


def ideas_for(wb: Workbook, pid: PartnerId, n_areas: int = AREAS_SHOWN) -> list[AreaIdeas]:
    """For each top area, the ideas written for ``pid``'s side of it (empty without differences)."""
    ideas = []
    for area in top_areas(wb, n_areas):
        role = role_of(area, pid)
        ids = tuple(adjustment_id(area.dimension, role, n) for n in range(1, PER_ROLE + 1))
        ideas.append(AreaIdeas(area, role, ids))
    return ideas


def adjustment_text(tag: str, lang: Language, partner: str) -> str:
    """The idea ``tag`` in ``lang``, addressed to whoever picks it; ``partner`` is the other's name.

    The name is inserted as given: the caller escapes it for its medium.
    """
    parsed = parse(tag)
    if parsed is None:
        raise KeyError(f"unknown adjustment {tag!r}")
    dim, role, number = parsed
    text: str = content_table("adjustments", lang)[dim][f"{role}-{number}"]
    return text.format(partner=partner)


def position_line(area: Area, pid: PartnerId, names: Names, lang: Language) -> str:
    """Where ``pid`` and the other partner stand on an area, ``pid`` first, with the poles."""
    mine, theirs = role_of(area, pid), role_of(area, other(pid))
    pole = {"higher": "high", "lower": "low"}
    return t(
        "adjust.position",
        lang,
        dimension=t(f"dim.{area.dimension}.name", lang),
        band=t(f"band.{area.band}", lang),
        name=names.of(pid),
        pole=t(f"dim.{area.dimension}.{pole[mine]}", lang),
        other=names.of(other(pid)),
        other_pole=t(f"dim.{area.dimension}.{pole[theirs]}", lang),
    )


def known(chosen: list[str]) -> list[str]:
    """The chosen ids this app knows (a file from another version may hold others)."""
    return [tag for tag in chosen if parse(tag) is not None]


def toggled(chosen: list[str], tag: str, on: bool) -> list[str]:
    """``chosen`` with ``tag`` added (only while fewer than three are chosen) or removed."""
    if not on:
        return [c for c in chosen if c != tag]
    if tag in chosen or len(chosen) >= MAX_CHOSEN:
        return list(chosen)
    return [*chosen, tag]


def earlier_choices(chosen: list[str], ideas: list[AreaIdeas]) -> list[str]:
    """Chosen ideas that are not among the ideas shown now (the answers moved since)."""
    shown = {tag for idea in ideas for tag in idea.ids}
    return [tag for tag in known(chosen) if tag not in shown]


def chosen_texts(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> list[str]:
    """What ``pid`` has chosen to try, as sentences addressed to them."""
    if pid not in wb.partners:
        return []
    partner = names.of(other(pid))
    return [adjustment_text(tag, lang, partner) for tag in known(wb.partners[pid].adjustments)]
