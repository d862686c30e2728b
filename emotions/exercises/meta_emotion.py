"""Section 4, feelings about feelings: each partner's emotion x belief grid and where they differ.

Each partner rates how much they agree that an emotion is acceptable, valuable, dangerous or weak,
1-5; a cell not answered is simply absent from ``Partner.meta_emotion``. Two rules live here:
which differences are worth a look (``DISAGREE_AT``) and when a partner is wary of an emotion or
welcomes it (``STRONG_AT``), both rules of thumb.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from emotions.analysis import Area, areas_to_understand, other
from emotions.charts import base_layout, chart_label, escape_plotly
from emotions.i18n import content_table, partner_label, t
from emotions.model import (
    BELIEFS,
    EMOTIONS,
    PARTNER_IDS,
    Belief,
    Emotion,
    Language,
    Partner,
    PartnerId,
    Workbook,
)
from emotions.palette import PARTNER_COLOURS
from emotions.texts import Names

AGREEMENT_MIN, AGREEMENT_MAX = 1, 5
UNANSWERED = "\N{EN DASH}"
"""What a table shows in a cell not answered yet (the same in both languages)."""
CELLS = len(EMOTIONS) * len(BELIEFS)
DISAGREE_AT = 2
"""Two answers this far apart (or more) mark a cell where the partners see a feeling differently."""
STRONG_AT = 4
"""Agreeing this much (4 or 5) with a belief counts as holding it, for the 'for you two' texts."""
WARY_BELIEFS: tuple[Belief, ...] = ("dangerous", "weak")
WELCOMING_BELIEFS: tuple[Belief, ...] = ("acceptable", "valuable")

DIFFERENCE_COLOURS = ("#F2F0F7", "#F2F0F7", "#9E9AC8", "#6A51A3", "#3F007D")
"""Differences 0-4, one hue getting darker (ColorBrewer Purples): readable without telling hues
apart, distinct from both partner colours; 0 and 1 share the palest step so 2+ stands out."""


def agreement(partner: Partner, emotion: Emotion, belief: Belief) -> int | None:
    """A partner's answer for one cell; None while unanswered."""
    return partner.meta_emotion.get(emotion, {}).get(belief)


def set_agreement(partner: Partner, emotion: Emotion, belief: Belief, value: int | None) -> None:
    """Record (or, with None, clear) one cell of a partner's grid."""
    grid = partner.meta_emotion
    if value is None:
        row = grid.get(emotion, {})
        row.pop(belief, None)
        if not row:
            grid.pop(emotion, None)
        return
    if not AGREEMENT_MIN <= value <= AGREEMENT_MAX:
        raise ValueError(f"agreement {value} is outside {AGREEMENT_MIN}-{AGREEMENT_MAX}")
    grid[emotion] = {**grid.get(emotion, {}), belief: value}


def answered(partner: Partner) -> int:
    """How many of the twenty cells a partner has answered."""
    return sum(len(row) for row in partner.meta_emotion.values())


def matrix(partner: Partner) -> list[list[int | None]]:
    """The grid as rows of emotions and columns of beliefs, None where unanswered."""
    return [[agreement(partner, e, b) for b in BELIEFS] for e in EMOTIONS]


@dataclass(frozen=True)
class CellDifference:
    """One cell both partners answered, and how far apart their answers are."""

    emotion: Emotion
    belief: Belief
    a: int
    b: int

    @property
    def difference(self) -> int:
        return abs(self.a - self.b)


def cell_differences(wb: Workbook) -> list[CellDifference]:
    """Every cell both partners answered, in grid order: the only cells ever compared. Empty
    while the workbook holds one partner or the two have no answered cell in common."""
    a, b = wb.partners.get("a"), wb.partners.get("b")
    if a is None or b is None:
        return []
    out = []
    for e in EMOTIONS:
        for bl in BELIEFS:
            va, vb = agreement(a, e, bl), agreement(b, e, bl)
            if va is not None and vb is not None:
                out.append(CellDifference(e, bl, va, vb))
    return out


def disagreements(wb: Workbook) -> list[CellDifference]:
    """The cells at least ``DISAGREE_AT`` apart, the largest first (ties in grid order)."""
    cells = [c for c in cell_differences(wb) if c.difference >= DISAGREE_AT]
    return sorted(cells, key=lambda c: -c.difference)


def difference_matrix(wb: Workbook) -> list[list[int | None]]:
    """|A - B| per cell, None where either partner has not answered."""
    by_cell = {(c.emotion, c.belief): c.difference for c in cell_differences(wb)}
    return [[by_cell.get((e, b)) for b in BELIEFS] for e in EMOTIONS]


def is_wary(partner: Partner, emotion: Emotion) -> bool:
    """Whether a partner sees an emotion as dangerous or as weakness (agreement 4 or 5)."""
    return any((agreement(partner, emotion, b) or 0) >= STRONG_AT for b in WARY_BELIEFS)


def is_welcoming(partner: Partner, emotion: Emotion) -> bool:
    """Whether a partner finds an emotion acceptable or valuable (4 or 5) and is not wary of it."""
    return not is_wary(partner, emotion) and any(
        (agreement(partner, emotion, b) or 0) >= STRONG_AT for b in WELCOMING_BELIEFS
    )


@dataclass(frozen=True)
class Contrast:
    """An emotion one partner is wary of while the other welcomes it."""

    emotion: Emotion
    wary: PartnerId
    welcoming: PartnerId


def contrasts(wb: Workbook) -> list[Contrast]:
    """The emotions the two partners hold opposite beliefs about, in registry order.

    Both sides rest on answers: the wary one agreed 4 or 5 with a wary belief, the welcoming one
    with a welcoming belief (an unanswered cell counts for neither). Empty with one partner.
    """
    out = []
    for e in EMOTIONS:
        for wary in PARTNER_IDS:
            welcoming = other(wary)
            pw, pl = wb.partners.get(wary), wb.partners.get(welcoming)
            if pw is None or pl is None:
                continue
            if is_wary(pw, e) and is_welcoming(pl, e):
                out.append(Contrast(e, wary, welcoming))
    return out


def emotion_label(emotion: Emotion, lang: Language) -> str:
    return t(f"meta.emotion.{emotion}", lang)


def belief_label(belief: Belief, lang: Language) -> str:
    return t(f"meta.belief.{belief}", lang)


def disagreement_line(cell: CellDifference, names: Names, lang: Language) -> str:
    """One cell where the partners differ, as a sentence with both answers."""
    return t(
        "meta.disagreement_line",
        lang,
        emotion=emotion_label(cell.emotion, lang),
        belief=belief_label(cell.belief, lang),
        name_a=names.a,
        a=cell.a,
        name_b=names.b,
        b=cell.b,
        difference=cell.difference,
    )


def you_two_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """'What this means for you two': each contrast as a difference to understand.

    Where no emotion is held in opposite ways, a gentler line about the cells that differ, or
    nothing while there is nothing to compare.
    """
    table = content_table("meta_emotion", lang)
    lines = []
    for c in contrasts(wb):
        text = table["contrast"][c.emotion]
        values = {"wary": names.of(c.wary), "welcoming": names.of(c.welcoming)}
        lines.append(f"{text['text'].format(**values)} {text['question'].format(**values)}")
    if not lines and disagreements(wb):
        lines.append(table["general"]["differ"])
    return lines


def value_area(wb: Workbook) -> list[Area]:
    """The 'value of feelings' need as an area, when the partners are not close on it."""
    return [
        area
        for area in areas_to_understand(wb)
        if area.dimension == "emotion_value" and area.band != "close"
    ]


def grid_table(wb: Workbook, pid: PartnerId, lang: Language) -> list[dict[str, object]]:
    """A partner's grid as rows (one per emotion): the heatmap's alternative."""
    partner = wb.partners[pid]
    return [
        {
            t("meta.table_emotion", lang): emotion_label(e, lang),
            **{
                belief_label(b, lang): (
                    str(v) if (v := agreement(partner, e, b)) is not None else UNANSWERED
                )
                for b in BELIEFS
            },
        }
        for e in EMOTIONS
    ]


def disagreement_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, object]]:
    """The cells at least ``DISAGREE_AT`` apart as rows: the difference map's alternative."""
    return [
        {
            t("meta.table_emotion", lang): emotion_label(c.emotion, lang),
            t("meta.table_belief", lang): belief_label(c.belief, lang),
            names.a: c.a,
            names.b: c.b,
            t("meta.table_difference", lang): c.difference,
        }
        for c in disagreements(wb)
    ]


def _heatmap(
    z: list[list[int | None]],
    lang: Language,
    colorscale: list[list[Any]],
    zmin: int,
    zmax: int,
    hovertemplate: str,
) -> dict[str, Any]:
    x = [chart_label(t(f"meta.belief_axis.{b}", lang), lang) for b in BELIEFS]
    y = [emotion_label(e, lang) for e in EMOTIONS]
    return {
        "data": [
            {
                "type": "heatmap",
                "z": z,
                "x": x,
                "y": y,
                "text": [["" if v is None else str(v) for v in row] for row in z],
                "texttemplate": "%{text}",
                "textfont": {"size": 16},
                "colorscale": colorscale,
                "zmin": zmin,
                "zmax": zmax,
                "showscale": False,
                "xgap": 3,
                "ygap": 3,
                "hoverongaps": False,
                "hovertemplate": hovertemplate,
            }
        ],
        "layout": base_layout(
            lang,
            height=300,
            margin={"l": 10, "r": 10, "t": 10, "b": 10},
            # Fixed category axes: an unanswered grid still shows its rows and columns.
            xaxis={
                "side": "top",
                "type": "category",
                "categoryorder": "array",
                "categoryarray": x,
                "range": [-0.5, len(x) - 0.5],
                "fixedrange": True,
                "automargin": True,
                "tickfont": {"size": 12},
            },
            # Emotions read top to bottom in the registry order.
            yaxis={
                "type": "category",
                "categoryorder": "array",
                "categoryarray": y,
                "range": [len(y) - 0.5, -0.5],
                "fixedrange": True,
                "automargin": True,
                "tickfont": {"size": 12},
            },
        ),
    }


def grid_figure(
    wb: Workbook, pid: PartnerId, lang: Language, *, anonymous: bool = False
) -> dict[str, Any]:
    """One partner's grid as a heatmap in their colour: darker means more agreement."""
    partner = wb.partners[pid]
    label = escape_plotly(partner_label(partner.name, pid, lang, anonymous=anonymous))
    colour = PARTNER_COLOURS[pid]
    return _heatmap(
        matrix(partner),
        lang,
        [[0.0, "#F4F1EA"], [1.0, colour]],
        # One step below the scale, so that an answer of 1 is visibly tinted, not background.
        AGREEMENT_MIN - 1,
        AGREEMENT_MAX,
        "%{y} · %{x}: %{z}<extra>" + label + "</extra>",
    )


def difference_figure(wb: Workbook, lang: Language) -> dict[str, Any]:
    """|A - B| per cell in one hue; cells 2 or more apart are clearly darker."""
    top = len(DIFFERENCE_COLOURS) - 1
    # A stepped scale: each whole difference gets its own flat colour.
    scale: list[list[Any]] = []
    for i, colour in enumerate(DIFFERENCE_COLOURS):
        scale += [[max(i - 0.5, 0) / top, colour], [min(i + 0.5, top) / top, colour]]
    return _heatmap(
        difference_matrix(wb),
        lang,
        scale,
        0,
        top,
        "%{y} · %{x}: %{z}<extra></extra>",
    )
