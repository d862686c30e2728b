"""One short text beside each chart, written from the data it draws (issue 15, item 5), and the
line said instead of a chart that has nothing to draw yet (issue 16, item 6).

One builder per chart kind. Each reads only answered values: a partner who has not answered is
named as not having answered, never compared, and no text judges the couple. The page shows the
text as visible text next to the chart (``ui.charts.chart_text`` / ``described_chart``), so a
screen reader and a sighted reader read the same words. ``names`` are escaped for the medium the
text goes to (the pages pass ``safe_names()``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from emotions.analysis import difference, need, other, shared_dimensions
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises import awareness, persisting
from emotions.exercises import channels as channels_ex
from emotions.exercises import checkins as checkins_ex
from emotions.exercises import distance as distance_ex
from emotions.exercises import meta_emotion as meta
from emotions.exercises import styles as styles_ex
from emotions.exercises.persisting import join_list
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    PARTNER_IDS,
    Belief,
    Channel,
    Emotion,
    Language,
    Partner,
    PartnerId,
    Workbook,
)
from emotions.texts import Names

MAX_NAMED = 3
"""At most this many tied items are named in one text (the first in registry order)."""

K = TypeVar("K")


@dataclass(frozen=True)
class ChartText:
    """What to say beside a chart. ``empty``: nothing is answered that the chart could draw, and
    ``text`` says what will appear there and how; the page shows it instead of the chart."""

    text: str
    empty: bool = False


def _sentences(parts: Iterable[str], lang: Language) -> str:
    return spec(lang).word_separator.join(parts)


def _top(values: dict[K, int], *, highest: bool = True) -> tuple[list[K], int] | None:
    """The keys holding the highest (or lowest) value, in the dict's order, and that value."""
    if not values:
        return None
    best = max(values.values()) if highest else min(values.values())
    return [k for k, v in values.items() if v == best][:MAX_NAMED], best


def _dims(dims: Sequence[DimensionId], lang: Language) -> str:
    return join_list([t(f"dim.{dim}.name", lang) for dim in dims], lang)


def _widest_need_difference(wb: Workbook, names: Names, lang: Language) -> str | None:
    """The widest difference between the partners' needs, over the needs both answered only."""
    diffs = {dim: d for dim in shared_dimensions(wb) if (d := difference(wb, dim)) is not None}
    top = _top(diffs)
    if top is None:
        return None
    dims, widest = top
    if widest == 0:
        return t("chart_text.needs_same", lang, name_a=names.a, name_b=names.b)
    return t(
        "chart_text.needs_widest",
        lang,
        name_a=names.a,
        name_b=names.b,
        dimensions=_dims(dims, lang),
        difference=widest,
    )


def radar(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The needs radar: each partner's highest needs, then the widest difference between them."""
    parts = []
    for pid in PARTNER_IDS:
        answered = {dim: v for dim in DIMENSION_IDS if (v := need(wb, pid, dim)) is not None}
        top = _top(answered)
        if top is not None:
            dims, value = top
            whole = len(answered) == len(DIMENSION_IDS)
            parts.append(
                t(
                    "chart_text.needs_highest" if whole else "chart_text.needs_highest_partial",
                    lang,
                    name=names.of(pid),
                    dimensions=_dims(dims, lang),
                    value=value,
                    count=len(answered),
                )
            )
    if not parts:
        return ChartText(t("chart_text.radar_empty", lang), empty=True)
    widest = _widest_need_difference(wb, names, lang)
    return ChartText(_sentences([*parts, *([widest] if widest else [])], lang))


def difference_map(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The difference map (section 3): the widest difference, or whose marks are there so far."""
    placed = [
        pid for pid in PARTNER_IDS if any(need(wb, pid, dim) is not None for dim in DIMENSION_IDS)
    ]
    if not placed:
        return ChartText(t("chart_text.diffmap_empty", lang), empty=True)
    widest = _widest_need_difference(wb, names, lang)
    if widest is not None:
        return ChartText(widest)
    return ChartText(
        _sentences([t("chart_text.marks_of", lang, name=names.of(pid)) for pid in placed], lang)
        + spec(lang).word_separator
        + t("chart_text.diffmap_not_shared", lang)
    )


def style_map(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The style map: how far apart the two points are on each line, or who is on it so far.
    Its four corners name the styles, so the page draws it even before anyone has a point."""
    x, y = styles_ex.X_DIMENSION, styles_ex.Y_DIMENSION
    points = styles_ex.positions(wb)
    if not points:
        return ChartText(
            t(
                "chart_text.styles_empty",
                lang,
                x=t(f"dim.{x}.name", lang),
                y=t(f"dim.{y}.name", lang),
            ),
            empty=True,
        )
    if len(points) == 1:
        return ChartText(t("chart_text.styles_one", lang, name=names.of(points[0].partner)))
    a, b = points
    return ChartText(
        t(
            "chart_text.styles_both",
            lang,
            name_a=names.a,
            name_b=names.b,
            x=t(f"dim.{x}.name", lang),
            dx=abs(a.processing - b.processing),
            y=t(f"dim.{y}.name", lang),
            dy=abs(a.pace - b.pace),
        )
    )


def _cells(cells: Sequence[tuple[Emotion, Belief]], lang: Language) -> str:
    return join_list(
        [
            t(
                "chart_text.meta_cell",
                lang,
                emotion=meta.emotion_label(e, lang),
                belief=meta.belief_label(b, lang),
            )
            for e, b in cells
        ],
        lang,
    )


def meta_grid(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> ChartText:
    """One partner's grid of feelings about feelings: where they agree most strongly."""
    partner = wb.partners.get(pid)
    values = {
        (e, b): v
        for e in EMOTIONS
        for b in BELIEFS
        if partner is not None and (v := meta.agreement(partner, e, b)) is not None
    }
    top = _top(values)
    if top is None:
        return ChartText(t("chart_text.meta_grid_empty", lang, name=names.of(pid)), empty=True)
    cells, value = top
    return ChartText(
        t(
            "chart_text.meta_grid",
            lang,
            name=names.of(pid),
            count=len(values),
            total=meta.CELLS,
            cells=_cells(cells, lang),
            value=value,
        )
    )


def meta_difference(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The map of where the two grids differ: only cells both partners answered."""
    compared = meta.cell_differences(wb)
    top = _top({(c.emotion, c.belief): c.difference for c in compared})
    if top is None:
        return ChartText(t("export_charts.meta_not_yet", lang), empty=True)
    cells, widest = top
    # The same cells read either way: "the same answer" or "furthest apart on ...".
    key = "chart_text.meta_same" if widest == 0 else "chart_text.meta_widest"
    both = {"name_a": names.a, "name_b": names.b, "count": len(compared), "total": meta.CELLS}
    return ChartText(t(key, lang, cells=_cells(cells, lang), difference=widest, **both))


def _ratings(partner: Partner, kind: channels_ex.Kind) -> dict[Channel, int]:
    return {c: v for c in CHANNELS if (v := channels_ex.rating(partner, c, kind)) is not None}


def _channels(found: Sequence[Channel], lang: Language) -> str:
    return join_list([channels_ex.channel_label(c, lang) for c in found], lang)


def channels(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The showing and noticing bars: each partner's strongest channel of showing care, and the
    widest gap between what one shows and the other notices (answered pairs only)."""
    parts = []
    for pid in PARTNER_IDS:
        partner = wb.partners.get(pid)
        if partner is None:
            continue
        show = _top(_ratings(partner, "show"))
        notice = _top(_ratings(partner, "notice"))
        if show is None and notice is None:
            continue
        key = "both" if show and notice else "show" if show else "notice"
        parts.append(
            t(
                f"chart_text.channels_{key}",
                lang,
                name=names.of(pid),
                shown=_channels(show[0], lang) if show else "",
                show=show[1] if show else "",
                noticed=_channels(notice[0], lang) if notice else "",
                notice=notice[1] if notice else "",
            )
        )
    if not parts:
        return ChartText(t("chart_text.channels_empty", lang), empty=True)
    gaps = [c for c in channels_ex.compared(wb) if c.gap > 0]
    if gaps:
        widest = max(gaps, key=lambda c: c.gap)  # the first in channel order on a tie
        parts.append(
            t(
                "chart_text.channels_gap",
                lang,
                channel=channels_ex.channel_label(widest.channel, lang),
                shower=names.of(widest.shower),
                show=widest.show,
                noticer=names.of(widest.noticer),
                notice=widest.notice,
            )
        )
    return ChartText(_sentences(parts, lang))


def checkin_trend(wb: Workbook, names: Names, lang: Language) -> ChartText:
    """The check-in trend: how many check-ins over which period, and each latest score."""
    scored = {pid: points for pid in PARTNER_IDS if (points := checkins_ex.series(wb, pid))}
    if not scored:
        return ChartText(t("chart_text.trend_empty", lang), empty=True)
    dates = [date for points in scored.values() for date, _ in points]
    latest = join_list(
        [
            t("chart_text.score_of", lang, name=names.of(pid), value=points[-1][1])
            for pid, points in scored.items()
        ],
        lang,
    )
    return ChartText(
        t(
            "chart_text.trend",
            lang,
            period=checkins_ex.period(min(dates), max(dates), lang),
            latest=latest,
        )
    )


def need_met(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> ChartText:
    """One partner's need and met bars (section 11): where the two are furthest apart, over the
    needs where that partner answered both."""
    name = names.of(pid)
    if not persisting.answered_any(wb, pid):
        return ChartText(t("chart_text.need_met_empty", lang, name=name), empty=True)
    partner = wb.partners[pid]
    gaps = {
        dim: abs(r.need - r.met)
        for dim in DIMENSION_IDS
        if (r := partner.ratings[dim]).need is not None and r.met is not None
    }
    top = _top(gaps)
    if top is None:
        return ChartText(t("chart_text.need_met_no_pair", lang, name=name))
    dims, widest = top
    if widest == 0:
        return ChartText(t("chart_text.need_met_same", lang, name=name))
    return ChartText(
        t(
            "chart_text.need_met_widest",
            lang,
            name=name,
            dimensions=_dims(dims, lang),
            difference=widest,
        )
    )


def perception(wb: Workbook, about: PartnerId, names: Names, lang: Language) -> ChartText:
    """One partner's own needs beside the other's guesses (section 12): where a guess differs
    most from the answer. A guess is compared only with an answer."""
    who = {"about": names.of(about), "guesser": names.of(other(about))}
    rows = [row for row in awareness.comparisons(wb, about) if row.gap is not None]
    if not awareness.comparisons(wb, about):
        return ChartText(t("aware.nothing_yet", lang, **who), empty=True)
    top = _top({row.dimension: row.gap for row in rows if row.gap is not None})
    if top is None:
        return ChartText(t("chart_text.perception_none", lang, **who))
    dims, widest = top
    if widest == 0:
        return ChartText(t("chart_text.perception_same", lang, **who))
    return ChartText(
        t(
            "chart_text.perception_widest",
            lang,
            dimensions=_dims(dims, lang),
            difference=widest,
            **who,
        )
    )


def distance_illustration(miss_rate: float, repair_rate: float, lang: Language) -> ChartText:
    """The made-up openness curves of section 5, read from the two rates the page's sliders set
    (no answer of anyone's): where each curve starts and where it stands after a year."""
    without = distance_ex.openness_curve(miss_rate, 0.0)
    repaired = distance_ex.openness_curve(miss_rate, repair_rate)
    return ChartText(
        t(
            "chart_text.distance",
            lang,
            start=round(without[0] * 100),
            weeks=distance_ex.WEEKS,
            without=round(without[-1] * 100),
            repaired=round(repaired[-1] * 100),
            miss=round(miss_rate * 100),
            repair=round(repair_rate * 100),
        )
    )


BUILDERS: dict[str, Callable[..., ChartText]] = {
    "radar": radar,
    "difference_map": difference_map,
    "style_map": style_map,
    "meta_grid": meta_grid,
    "meta_difference": meta_difference,
    "channels": channels,
    "checkin_trend": checkin_trend,
    "need_met": need_met,
    "perception": perception,
}
"""Every chart kind that has a text, by name (the tests loop over it)."""
