"""Section 12, the small-moments planner: presence, validation and curiosity.

Fifteen small, everyday moments with stable ids (texts in ``content/<lang>/moments.toml``). Each
partner picks the ones they would like to try (``Partner.small_moments``); the page shows the
moments both picked and each one's picks. Each moment is tagged with the sides of the needs
dimensions it speaks to (our own rough reading, the same in every language), which ties the
picks to the couple's top areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from emotions.analysis import Area, other, top_areas
from emotions.dimensions import DimensionId
from emotions.exercises.limits import max_length
from emotions.i18n import content_table, t
from emotions.model import PARTNER_IDS, Language, Partner, PartnerId, Workbook
from emotions.texts import Names

Group = Literal["presence", "validation", "curiosity"]
GROUPS: tuple[Group, ...] = get_args(Group)
Pole = Literal["high", "low"]
MAX_PICKED = max_length(Partner, "small_moments")


@dataclass(frozen=True)
class Moment:
    """A small moment and the sides of the needs dimensions it speaks to."""

    id: str
    group: Group
    speaks_to: tuple[tuple[DimensionId, Pole], ...]


MOMENTS: tuple[Moment, ...] = (
    Moment("presence-phone-down", "presence", (("expression", "high"), ("closeness", "high"))),
    Moment("presence-first-minutes", "presence", (("closeness", "high"), ("reassurance", "high"))),
    Moment(
        "presence-quiet-company",
        "presence",
        (("expression", "low"), ("intensity", "low"), ("processing", "low")),
    ),
    Moment(
        "presence-walk",
        "presence",
        (("closeness", "high"), ("processing", "low"), ("intensity", "low")),
    ),
    Moment("presence-hello-goodbye", "presence", (("reassurance", "high"), ("closeness", "high"))),
    Moment(
        "validation-makes-sense", "validation", (("support", "high"), ("emotion_value", "high"))
    ),
    Moment(
        "validation-name-feeling",
        "validation",
        (("expression", "high"), ("emotion_value", "high"), ("intensity", "high")),
    ),
    Moment(
        "validation-take-your-time",
        "validation",
        (("processing", "low"), ("conflict_pace", "low"), ("closeness", "low")),
    ),
    Moment("validation-their-way", "validation", (("emotion_value", "low"), ("intensity", "low"))),
    Moment(
        "validation-same-day",
        "validation",
        (("conflict_pace", "high"), ("reassurance", "high")),
    ),
    Moment(
        "curiosity-best-and-hardest",
        "curiosity",
        (("expression", "high"), ("support", "high")),
    ),
    Moment(
        "curiosity-one-more-question",
        "curiosity",
        (("intensity", "high"), ("emotion_value", "high"), ("processing", "high")),
    ),
    Moment(
        "curiosity-their-own-world",
        "curiosity",
        (("closeness", "low"), ("reassurance", "low")),
    ),
    Moment(
        "curiosity-what-would-help",
        "curiosity",
        (("support", "high"), ("support", "low"), ("conflict_pace", "low")),
    ),
    Moment("curiosity-follow-up", "curiosity", (("reassurance", "high"), ("processing", "low"))),
)
MOMENT_IDS: tuple[str, ...] = tuple(m.id for m in MOMENTS)
_BY_ID = {m.id: m for m in MOMENTS}


def in_group(group: Group) -> tuple[str, ...]:
    """The moments of one group, in order."""
    return tuple(m.id for m in MOMENTS if m.group == group)


def moment_text(moment_id: str, lang: Language) -> str:
    """A moment in ``lang``."""
    return str(content_table("moments", lang)["moments"][moment_id])


def group_text(group: Group, lang: Language) -> tuple[str, str]:
    """(name, one-line description) of a group in ``lang``."""
    table = content_table("moments", lang)["groups"][group]
    return str(table["name"]), str(table["about"])


def toggled(picked: list[str], moment_id: str, on: bool) -> list[str]:
    """``picked`` with ``moment_id`` added or removed (never beyond what the model keeps)."""
    if not on:
        return [p for p in picked if p != moment_id]
    if moment_id in picked or len(picked) >= MAX_PICKED:
        return list(picked)
    return [*picked, moment_id]


def picks(wb: Workbook, pid: PartnerId) -> list[str]:
    """The known moments ``pid`` picked, in the order of the list."""
    if pid not in wb.partners:
        return []
    chosen = set(wb.partners[pid].small_moments)
    return [mid for mid in MOMENT_IDS if mid in chosen]


def shared(wb: Workbook) -> list[str]:
    """The moments both partners picked."""
    both = set(picks(wb, "a")) & set(picks(wb, "b"))
    return [mid for mid in MOMENT_IDS if mid in both]


def speaking_to(dim: DimensionId, pole: Pole) -> tuple[str, ...]:
    """The moments that speak to the partner nearer ``pole`` of ``dim``."""
    return tuple(m.id for m in MOMENTS if (dim, pole) in m.speaks_to)


def picked_by(wb: Workbook, moment_id: str, names: Names, lang: Language) -> str:
    """Who picked a moment, as a short phrase in brackets."""
    who = [pid for pid in PARTNER_IDS if moment_id in picks(wb, pid)]
    if len(who) == 2:
        return t("moments.picked_by_both", lang)
    if who:
        return t("moments.picked_by", lang, name=names.of(who[0]))
    return t("moments.picked_by_none", lang)


def _sides(area: Area) -> tuple[tuple[PartnerId, Pole], tuple[PartnerId, Pole]]:
    assert area.higher is not None
    return (area.higher, "high"), (other(area.higher), "low")


def area_block(wb: Workbook, area: Area, names: Names, lang: Language) -> str:
    """Markdown for one top area: the moments that speak to each side, and who picked them."""
    dim = area.dimension
    lines = [
        "**"
        + t(
            "you_two.area_title",
            lang,
            dimension=t(f"dim.{dim}.name", lang),
            band=t(f"band.{area.band}", lang),
            difference=area.difference,
        )
        + "**",
        "",
    ]
    for pid, pole in _sides(area):
        lines.append(
            "- "
            + t(
                "moments.side",
                lang,
                name=names.of(pid),
                pole=t(f"dim.{dim}.{pole}", lang),
            )
        )
        for mid in speaking_to(dim, pole):
            lines.append(f"    - {moment_text(mid, lang)} {picked_by(wb, mid, names, lang)}")
    return "\n".join(lines)


def area_blocks(wb: Workbook, names: Names, lang: Language, n: int = 2) -> list[str]:
    """The ``n`` top areas, each with the moments that speak to either side."""
    return [area_block(wb, area, names, lang) for area in top_areas(wb, n)]


def summary(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Sentences tying the picks to the top area: how many speak to each side of it.

    Empty while the needs do not differ anywhere.
    """
    areas = top_areas(wb, 1)
    if not areas:
        return []
    area = areas[0]
    picked = set(picks(wb, "a")) | set(picks(wb, "b"))
    counts = {
        pid: len(picked & set(speaking_to(area.dimension, pole))) for pid, pole in _sides(area)
    }
    (high_pid, _), (low_pid, _) = _sides(area)
    sentences = [
        t(
            "moments.summary",
            lang,
            dimension=t(f"dim.{area.dimension}.name", lang),
            higher=names.of(high_pid),
            lower=names.of(low_pid),
            for_higher=counts[high_pid],
            for_lower=counts[low_pid],
        )
    ]
    if picked and not any(counts.values()):
        sentences.append(t("moments.summary_none", lang))
    elif picked:
        sentences += [
            t("moments.summary_gap", lang, name=names.of(pid))
            for pid, count in counts.items()
            if count == 0
        ]
    return sentences
