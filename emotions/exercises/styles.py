"""Section 3, the style map: both partners placed by two of their needs ratings.

x is the ``processing`` need (0 sort feelings out inside first ↔ 10 think out loud together), y is
the ``conflict_pace`` need (0 space first ↔ 10 talk it through now). The positions ARE the needs
ratings: nothing here is stored twice. A partner is placed only once they answered both needs;
a line compares the two only where both answered it. Misreadings are direction-aware texts from
``content/<lang>/styles.toml``, shown where two positions are not "close" on a line (the bands of
``analysis.difference_band``, a rule of thumb).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from emotions.analysis import Area, areas_to_understand, difference, difference_band, need
from emotions.charts import base_layout, chart_label, escape_plotly
from emotions.dimensions import NEED_MAX, NEED_MIN, DimensionId, dimensions_of
from emotions.i18n import content_table, partner_label, t
from emotions.languages import spec
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.palette import GRID_COLOUR, PARTNER_COLOURS, PARTNER_MARKER
from emotions.texts import Names

X_DIMENSION: DimensionId = "processing"
Y_DIMENSION: DimensionId = "conflict_pace"
AXES: tuple[DimensionId, DimensionId] = (X_DIMENSION, Y_DIMENSION)
STYLE_DIMENSIONS: tuple[DimensionId, ...] = dimensions_of("emotional-styles")
"""The needs that belong to emotional style: the areas 'what this means for you two' draws from."""
MIDDLE = (NEED_MIN + NEED_MAX) // 2
"""5: the middle lines of the map. A rating on it leans neither way."""
PAD_X, PAD_Y = 0.7, 1.8
"""How far the axes reach beyond 0 and 10: the corner labels sit in the bands above 10 and below
0, where no point can be, so they never hide one."""

Lean = Literal["low", "middle", "high"]
Quadrant = Literal["inside_space", "inside_now", "aloud_space", "aloud_now"]
QUADRANTS: tuple[Quadrant, ...] = ("inside_space", "inside_now", "aloud_space", "aloud_now")


@dataclass(frozen=True)
class Position:
    """Where one partner sits on the map: their processing and pace-under-tension needs."""

    partner: PartnerId
    processing: int
    pace: int


def position(wb: Workbook, pid: PartnerId) -> Position | None:
    """Where ``pid`` sits on the map; None until they answered both needs (or are absent)."""
    x, y = need(wb, pid, X_DIMENSION), need(wb, pid, Y_DIMENSION)
    if x is None or y is None:
        return None
    return Position(pid, x, y)


def positions(wb: Workbook) -> list[Position]:
    """The partners who answered both needs of the map, as points on it (A first)."""
    return [pos for pid in PARTNER_IDS if (pos := position(wb, pid)) is not None]


def unplaced(wb: Workbook) -> list[PartnerId]:
    """The partners not on the map yet: one of its two needs (or both) is not answered."""
    return [pid for pid in PARTNER_IDS if position(wb, pid) is None]


def unplaced_line(pid: PartnerId, names: Names, lang: Language) -> str:
    """Why a partner has no point on the map yet, in one calm sentence."""
    return t(
        "compare_a.styles_unplaced",
        lang,
        name=names.of(pid),
        x=t(f"dim.{X_DIMENSION}.name", lang),
        y=t(f"dim.{Y_DIMENSION}.name", lang),
    )


def shared_axes(wb: Workbook) -> list[DimensionId]:
    """The map's lines on which both partners answered: the only ones the misreadings compare."""
    return [dim for dim in AXES if difference(wb, dim) is not None]


def not_shared_line(lang: Language) -> str:
    """What the misreadings wait for when the two have not both answered either line."""
    return t(
        "compare_a.styles_not_shared",
        lang,
        x=t(f"dim.{X_DIMENSION}.name", lang),
        y=t(f"dim.{Y_DIMENSION}.name", lang),
    )


def lean(value: int) -> Lean:
    """Which side of the middle line a rating falls on."""
    if value < MIDDLE:
        return "low"
    if value > MIDDLE:
        return "high"
    return "middle"


_QUADRANT_OF: dict[tuple[Lean, Lean], Quadrant] = {
    ("low", "low"): "inside_space",
    ("low", "high"): "inside_now",
    ("high", "low"): "aloud_space",
    ("high", "high"): "aloud_now",
}
"""(processing lean, pace lean) -> corner; a rating on a middle line is in no corner."""


def quadrant(position: Position) -> Quadrant | None:
    """The corner of the map a partner sits in; None on a middle line."""
    return _QUADRANT_OF.get((lean(position.processing), lean(position.pace)))


def quadrant_label(q: Quadrant, lang: Language) -> str:
    """A quadrant's name on one line (the chart breaks it in two); Japanese needs no space."""
    return spec(lang).word_separator.join(t(f"styles.quadrant.{q}", lang).split("\n"))


def position_line(position: Position, names: Names, lang: Language) -> str:
    """One partner's place on the map as a sentence (the chart's text alternative)."""
    return t(
        "styles.position_line",
        lang,
        name=names.of(position.partner),
        processing=t(f"styles.lean.processing.{lean(position.processing)}", lang),
        processing_value=position.processing,
        pace=t(f"styles.lean.conflict_pace.{lean(position.pace)}", lang),
        pace_value=position.pace,
    )


def _scale_heading(dim: DimensionId, lang: Language) -> str:
    return t("styles.table_scale", lang, dimension=t(f"dim.{dim}.name", lang))


def axis_title(dim: DimensionId, lang: Language) -> str:
    """An axis title: the need's name, as the needs page calls it. The corner labels say which
    end is which; a longer title would be cut off on a phone."""
    return t(f"dim.{dim}.name", lang)


def map_caption(lang: Language) -> str:
    """What the two axes are, in words."""
    return t(
        "styles.map_caption",
        lang,
        x=t(f"dim.{X_DIMENSION}.name", lang),
        y=t(f"dim.{Y_DIMENSION}.name", lang),
    )


def position_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, object]]:
    """The map as rows: one per partner, both coordinates and the corner they sit in."""
    rows: list[dict[str, object]] = []
    for pos in positions(wb):
        q = quadrant(pos)
        rows.append(
            {
                t("styles.table_partner", lang): names.of(pos.partner),
                _scale_heading(X_DIMENSION, lang): pos.processing,
                _scale_heading(Y_DIMENSION, lang): pos.pace,
                t("styles.table_where", lang): (
                    quadrant_label(q, lang) if q else t("styles.on_a_line", lang)
                ),
            }
        )
    return rows


def _higher(wb: Workbook, dim: DimensionId) -> PartnerId | None:
    """The partner nearer the high pole of ``dim`` when both answered it and are not close."""
    a, b = need(wb, "a", dim), need(wb, "b", dim)
    if a is None or b is None or difference_band(abs(a - b)) == "close":
        return None
    return "a" if a > b else "b"


def _other(pid: PartnerId) -> PartnerId:
    return "b" if pid == "a" else "a"


def misreadings(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """The misreadings the two positions invite, direction-aware, names filled in.

    Only the lines both partners answered are compared. For each such line (processing, pace) on
    which the partners are not close: how the partner nearer "out loud" / "talk now" may read the
    other, and how the other may read them. When they are apart on both lines, one more text on
    how the two lines play together (the same partner nearer the high pole of both, or each
    nearer one). Empty while no line is answered by both.
    """
    if not shared_axes(wb):
        return []
    table = content_table("styles", lang)
    lines: list[str] = []
    higher = {dim: _higher(wb, dim) for dim in AXES}
    for dim in AXES:
        hi = higher[dim]
        if hi is None:
            continue
        values = {"higher": names.of(hi), "lower": names.of(_other(hi))}
        lines += [table[dim][key].format(**values) for key in ("higher_reads", "lower_reads")]
    hx, hy = higher[X_DIMENSION], higher[Y_DIMENSION]
    if hx is not None and hy is not None:
        if hx == hy:
            lines.append(
                table["both"]["text"].format(higher=names.of(hx), lower=names.of(_other(hx)))
            )
        else:
            lines.append(table["crossed"]["text"].format(aloud=names.of(hx), now=names.of(hy)))
    if not lines:
        shared = shared_axes(wb)
        if len(shared) == len(AXES):
            lines.append(table["close"]["text"])
        else:
            # Close on the one line both answered: nothing is said about the other line.
            dimension = t(f"dim.{shared[0]}.name", lang)
            lines.append(t("compare_a.styles_close_one", lang, dimension=dimension))
    return lines


def style_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The ``n`` areas most worth understanding among the style needs."""
    return [area for area in areas_to_understand(wb) if area.dimension in STYLE_DIMENSIONS][:n]


def _quadrant_trace(lang: Language) -> dict[str, Any]:
    """The four corner labels, as a text trace drawn first so the partners' points sit on top."""
    left, right = NEED_MIN - PAD_X, NEED_MAX + PAD_X
    bottom, top = NEED_MIN - PAD_Y, NEED_MAX + PAD_Y
    corners: dict[Quadrant, tuple[float, float, str]] = {
        "inside_space": (left, bottom, "top right"),
        "inside_now": (left, top, "bottom right"),
        "aloud_space": (right, bottom, "top left"),
        "aloud_now": (right, top, "bottom left"),
    }
    return {
        "type": "scatter",
        "mode": "text",
        "x": [x for x, _, _ in corners.values()],
        "y": [y for _, y, _ in corners.values()],
        "text": [chart_label(t(f"styles.quadrant.{q}", lang), lang) for q in corners],
        "textposition": [position for _, _, position in corners.values()],
        "textfont": {"size": 12, "color": "#6B665C"},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _side(pos: Position) -> str:
    return "middle left" if pos.processing > MIDDLE else "middle right"


def _label_positions(points: list[Position]) -> dict[PartnerId, str]:
    """Where each name goes beside its point: above it (below it at the top edge). When the two
    points are near each other, the upper name goes above and the lower one below, turning to
    the inner side of the point at an edge, so neither name covers the other point."""
    out: dict[PartnerId, str] = {
        pos.partner: "top center" if pos.pace < NEED_MAX - 1 else "bottom center" for pos in points
    }
    if len(points) == 2:
        a, b = points
        if abs(a.processing - b.processing) <= 1 and abs(a.pace - b.pace) <= 2:
            upper, lower = (a, b) if a.pace >= b.pace else (b, a)
            out[upper.partner] = "top center" if upper.pace < NEED_MAX - 1 else _side(upper)
            out[lower.partner] = "bottom center" if lower.pace > NEED_MIN + 1 else _side(lower)
    return out


def style_map_figure(wb: Workbook, lang: Language, *, anonymous: bool = False) -> dict[str, Any]:
    """Both partners as points on the processing x pace-under-tension plane, corners labelled."""
    traces = [_quadrant_trace(lang)]
    points = positions(wb)
    label_positions = _label_positions(points)
    for pos in points:
        pid = pos.partner
        label = escape_plotly(partner_label(wb.partners[pid].name, pid, lang, anonymous=anonymous))
        traces.append(
            {
                "type": "scatter",
                "x": [pos.processing],
                "y": [pos.pace],
                "name": label,
                "mode": "markers+text",
                "text": [label],
                "textposition": label_positions[pid],
                "textfont": {"color": PARTNER_COLOURS[pid]},
                # A's larger circle stays visible behind B's diamond when the points coincide.
                "marker": {
                    "symbol": PARTNER_MARKER[pid],
                    "size": 22 if pid == "a" else 15,
                    "color": PARTNER_COLOURS[pid],
                    "line": {"color": "#FFFFFF", "width": 2},
                },
                "hovertemplate": (
                    f"{t('dim.processing.name', lang)}: %{{x}}<br>"
                    f"{t('dim.conflict_pace.name', lang)}: %{{y}}<extra>{label}</extra>"
                ),
            }
        )
    axis = {"tickvals": [0, 5, 10], "zeroline": False, "showgrid": False, "fixedrange": True}
    middle_line = {"color": "#B8B2A7", "width": 1, "dash": "dot"}
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=440,
            # Each point carries its partner's name, so no legend is needed.
            showlegend=False,
            margin={"l": 60, "r": 20, "t": 20, "b": 60},
            xaxis={
                **axis,
                "range": [NEED_MIN - PAD_X, NEED_MAX + PAD_X],
                "title": {"text": axis_title(X_DIMENSION, lang)},
            },
            yaxis={
                **axis,
                "range": [NEED_MIN - PAD_Y, NEED_MAX + PAD_Y],
                "title": {"text": axis_title(Y_DIMENSION, lang)},
            },
            shapes=[
                # The field itself (0-10 on both lines), then its middle lines.
                {
                    "type": "rect",
                    "x0": NEED_MIN,
                    "x1": NEED_MAX,
                    "y0": NEED_MIN,
                    "y1": NEED_MAX,
                    "line": {"color": GRID_COLOUR, "width": 1},
                    "layer": "below",
                },
                {
                    "type": "line",
                    "x0": MIDDLE,
                    "x1": MIDDLE,
                    "y0": NEED_MIN,
                    "y1": NEED_MAX,
                    "line": middle_line,
                    "layer": "below",
                },
                {
                    "type": "line",
                    "y0": MIDDLE,
                    "y1": MIDDLE,
                    "x0": NEED_MIN,
                    "x1": NEED_MAX,
                    "line": middle_line,
                    "layer": "below",
                },
            ],
        ),
    }
