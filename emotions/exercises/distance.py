"""Section 5: how a vulnerable moment may be met, and an illustration of drifting apart.

Two parts, both pure:

- The **vulnerable-moment explorer**. One partner reaches out; the other could respond with
  comfort, solutions, space or curious questions. How each response is likely to land is read from
  the needs of the one who reached out (the receiver of the response), through the rules in
  ``RULES``: each rule looks at one dimension and says how a clear lean towards its low or high
  pole moves the response towards "likely to help" or "may miss". The result is a possibility to
  talk about, never a verdict about a person. Only answered needs are read: a rule whose need is
  open is left out, and a response whose main need is open is not shown at all. The words live in
  ``content/<lang>/distance.toml``.

- The **illustration** (``openness_curve``): a small, made-up model of how repeated misses can
  drift into quiet distance and how consistent small repairs change the curve. It is not a
  prediction and not data; its constants were chosen to make the pattern visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from emotions.analysis import Area, areas_to_understand, need, other
from emotions.charts import base_layout
from emotions.dimensions import DimensionId, dimensions_of
from emotions.i18n import content_table, t
from emotions.languages import spec
from emotions.model import Language, Partner, PartnerId, VulnerableMoment, Workbook
from emotions.palette import GRID_COLOUR, ILLUSTRATION_COLOURS
from emotions.texts import Names

Response = Literal["comfort", "solutions", "space", "questions"]
RESPONSES: tuple[Response, ...] = get_args(Response)
Outcome = Literal["helps", "partly", "misses"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
Lean = Literal["low", "middle", "high"]

LOW_MAX = 3
"""A need of 0-3 leans clearly towards the low pole."""
HIGH_MIN = 7
"""A need of 7-10 leans clearly towards the high pole; 4-6 is in between."""

CLEAR_SCORE = 2
"""A summed effect of +2 or more reads as "likely to help", -2 or less as "may miss"."""


def lean(need: int) -> Lean:
    """Which pole a need leans towards clearly, if any (a rule of thumb, like the bands)."""
    if need <= LOW_MAX:
        return "low"
    if need >= HIGH_MIN:
        return "high"
    return "middle"


@dataclass(frozen=True)
class Rule:
    """How the receiver's lean on one dimension moves one response towards helping or missing."""

    dimension: DimensionId
    high: int
    """Effect when the receiver leans towards the high pole (+ helps, - misses)."""
    low: int
    """Effect when the receiver leans towards the low pole."""
    primary: bool = False
    """The dimension the response is mainly about: it explains itself even when in between."""

    def effect(self, side: Lean) -> int:
        return {"high": self.high, "low": self.low, "middle": 0}[side]


RULES: dict[Response, tuple[Rule, ...]] = {
    # Comfort matches a wish for validation; for someone who wants solutions it is still kind,
    # so it only partly misses there (-1, not -2).
    "comfort": (
        Rule("support", high=2, low=-1, primary=True),
        Rule("emotion_value", high=0, low=-1),
    ),
    "solutions": (
        Rule("support", high=-2, low=2, primary=True),
        Rule("processing", high=-1, low=0),
    ),
    "space": (
        Rule("conflict_pace", high=-2, low=2, primary=True),
        Rule("processing", high=-1, low=1),
        Rule("reassurance", high=-1, low=0),
    ),
    "questions": (
        Rule("processing", high=2, low=-2, primary=True),
        Rule("expression", high=1, low=-1),
    ),
}
"""Every rule of the explorer, in one place. Dimensions are read from the receiver's needs."""


@dataclass(frozen=True)
class Reason:
    """Why a response may land as it does: the receiver's lean on one dimension."""

    dimension: DimensionId
    lean: Lean


@dataclass(frozen=True)
class Landing:
    """How one response is likely to land with the receiver, and why."""

    response: Response
    outcome: Outcome
    score: int
    reasons: tuple[Reason, ...]


def outcome_of(score: int) -> Outcome:
    """The plain-words outcome of a summed effect."""
    if score >= CLEAR_SCORE:
        return "helps"
    if score <= -CLEAR_SCORE:
        return "misses"
    return "partly"


def primary_dimension(response: Response) -> DimensionId:
    """The need a response is mainly about: it must be answered for the response to be read."""
    return next(rule.dimension for rule in RULES[response] if rule.primary)


def likely_landing(receiver: Partner, response: Response) -> Landing | None:
    """How ``response`` is likely to land with ``receiver``, from the receiver's answered needs.

    None while the receiver has not answered the response's main need. A rule whose need is not
    answered is left out (no value is assumed for it). A reason is given for every rule that
    moves the outcome, and for the response's main dimension even when the receiver is in
    between there.
    """
    if receiver.ratings[primary_dimension(response)].need is None:
        return None
    score = 0
    reasons: list[Reason] = []
    for rule in RULES[response]:
        value = receiver.ratings[rule.dimension].need
        if value is None:
            continue
        side = lean(value)
        effect = rule.effect(side)
        score += effect
        if effect != 0 or rule.primary:
            reasons.append(Reason(rule.dimension, side))
    return Landing(response, outcome_of(score), score, tuple(reasons))


def landings(wb: Workbook, reacher: PartnerId) -> list[Landing]:
    """The responses as they may land with ``reacher``, those whose main need ``reacher``
    answered; empty if the workbook lacks them."""
    receiver = wb.partners.get(reacher)
    if receiver is None:
        return []
    return [
        landing
        for response in RESPONSES
        if (landing := likely_landing(receiver, response)) is not None
    ]


def unshown_responses(wb: Workbook, reacher: PartnerId) -> list[Response]:
    """The responses not shown because ``reacher`` has not answered their main need."""
    if reacher not in wb.partners:
        return []
    return [r for r in RESPONSES if need(wb, reacher, primary_dimension(r)) is None]


def open_needs_line(wb: Workbook, names: Names, reacher: PartnerId, lang: Language) -> str | None:
    """What is not shown yet for want of ``reacher``'s answers, or None when nothing is missing.

    No response at all: one line naming the needs to answer. Some: which responses wait for which
    answers. Otherwise None (a secondary need left open only leaves its reason out)."""
    missing = unshown_responses(wb, reacher)
    if not missing:
        return None
    table = content_table("distance", lang)
    dims = [primary_dimension(r) for r in missing]
    dimensions = spec(lang).list_separator.join(
        t(f"dim.{dim}.name", lang) for dim in dict.fromkeys(dims)
    )
    if len(missing) == len(RESPONSES):
        return t("compare_a.distance_none", lang, name=names.of(reacher), dimensions=dimensions)
    return t(
        "compare_a.distance_partial",
        lang,
        name=names.of(reacher),
        dimensions=dimensions,
        responses=spec(lang).list_separator.join(table["responses"][r]["name"] for r in missing),
    )


@dataclass(frozen=True)
class LandingText:
    """A landing in words: the response's name, an example, the outcome and the reasons."""

    response: str
    example: str
    outcome: str
    reasons: tuple[str, ...]


def landing_text(landing: Landing, names: Names, reacher: PartnerId, lang: Language) -> LandingText:
    """A landing in ``lang``, with the receiver's name (already escaped for the medium)."""
    table = content_table("distance", lang)
    name = names.of(reacher)
    return LandingText(
        response=table["responses"][landing.response]["name"],
        example=table["responses"][landing.response]["example"],
        outcome=table["outcomes"][landing.outcome],
        reasons=tuple(
            table["reasons"][landing.response][reason.dimension][reason.lean].format(name=name)
            for reason in landing.reasons
        ),
    )


def moment(wb: Workbook) -> VulnerableMoment:
    """The workbook's vulnerable moment, or an empty one (partner A reaching out)."""
    return wb.vulnerable_moment or VulnerableMoment()


def set_moment(wb: Workbook, *, reacher: PartnerId | None = None, what: str | None = None) -> None:
    """Change who reached out or what happened, keeping the other part of the moment."""
    current = moment(wb)
    wb.vulnerable_moment = VulnerableMoment(
        reacher=current.reacher if reacher is None else reacher,
        what=current.what if what is None else what.strip(),
    )


def responder(wb: Workbook) -> PartnerId:
    """The partner who would respond to the moment: the one who did not reach out."""
    return other(moment(wb).reacher)


DISTANCE_DIMENSIONS: tuple[DimensionId, ...] = dimensions_of("distance")
"""The needs this section is about: what helps when upset, pace under tension, processing."""


def distance_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The couple's areas to understand among this section's dimensions, most important first."""
    return [a for a in areas_to_understand(wb) if a.dimension in DISTANCE_DIMENSIONS][:n]


# --- The illustration -------------------------------------------------------------------------

WEEKS = 52
START_OPENNESS = 0.8
"""Openness to share at week 0, on a 0-1 scale (made up: a couple who still share a lot)."""
MISS_DROP = 0.10
"""k: the share of the current openness one miss takes away (made up, for illustration)."""
REPAIR_LIFT = 0.15
"""r: the share of the lost openness one small repair gives back (made up, for illustration)."""
SAMPLE_WEEKS: tuple[int, ...] = (0, 4, 13, 26, 39, 52)
"""The weeks the table alternative shows."""
WITHOUT_COLOUR = ILLUSTRATION_COLOURS["without"]
"""Grey, dashed, for the curve without repairs (not a partner's colour: no partner is meant)."""
WITH_COLOUR = ILLUSTRATION_COLOURS["with"]
"""Okabe-Ito bluish green, solid, for the curve with repairs."""


def openness_curve(
    miss_rate: float,
    repair_rate: float,
    *,
    weeks: int = WEEKS,
    start: float = START_OPENNESS,
    k: float = MISS_DROP,
    r: float = REPAIR_LIFT,
) -> list[float]:
    """Weekly "openness to share" o_0 ... o_weeks of an ILLUSTRATION, not a prediction or data.

    The model, in one line::

        o[t+1] = o[t] - miss_rate * k * o[t] + repair_rate * r * (1 - o[t])

    - ``o`` is openness to share, 0 (nothing is shared any more) to 1 (everything is).
    - ``miss_rate`` is the share of weeks in which a vulnerable moment misses; each miss takes
      away the share ``k`` of the openness that is left (caution grows where sharing was open).
    - ``repair_rate`` is the share of weeks in which a small repair happens (coming back to a
      missed moment, a moment of being heard); each gives back the share ``r`` of what was lost.
    - Weeks are averaged: no randomness, no other events, constant rates, the same for both
      partners. Real relationships are not like this; the curve only makes a pattern visible.

    Without repairs the curve falls steadily towards 0. With repairs it levels off where misses
    and repairs balance, at ``repair_rate*r / (miss_rate*k + repair_rate*r)``. With all inputs in
    [0, 1] every value stays in [0, 1].
    """
    for value in (miss_rate, repair_rate, start, k, r):
        if not 0.0 <= value <= 1.0:
            raise ValueError("every rate and share of the illustration lies between 0 and 1")
    if weeks < 0:
        raise ValueError("weeks is never negative")
    curve = [start]
    for _ in range(weeks):
        o = curve[-1]
        curve.append(o - miss_rate * k * o + repair_rate * r * (1 - o))
    return curve


def illustration_figure(miss_rate: float, repair_rate: float, lang: Language) -> dict[str, Any]:
    """The two curves of the illustration (without / with repairs) as a plotly line chart."""
    weeks = list(range(WEEKS + 1))
    traces = []
    for key, repairs, colour, dash in (
        ("distance.without_repairs", 0.0, WITHOUT_COLOUR, "dash"),
        ("distance.with_repairs", repair_rate, WITH_COLOUR, "solid"),
    ):
        label = t(key, lang)
        traces.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": weeks,
                "y": [round(o, 4) for o in openness_curve(miss_rate, repairs)],
                "name": label,
                "line": {"color": colour, "width": 3, "dash": dash},
                "hovertemplate": t("distance.hover", lang) + "<extra>" + label + "</extra>",
            }
        )
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=380,
            showlegend=True,
            margin={"l": 60, "r": 20, "t": 60, "b": 40},
            legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.2},
            title={"text": t("distance.chart_title", lang), "x": 0, "font": {"size": 15}},
            xaxis={
                "title": {"text": t("distance.axis_week", lang)},
                "range": [0, WEEKS],
                "gridcolor": GRID_COLOUR,
            },
            yaxis={
                "title": {"text": t("distance.axis_openness", lang)},
                "range": [0, 1],
                "tickformat": ".0%",
                "gridcolor": GRID_COLOUR,
            },
        ),
    }


def illustration_table(
    miss_rate: float, repair_rate: float, lang: Language
) -> list[dict[str, object]]:
    """The illustration as rows for a few sampled weeks, openness in whole percent."""
    without = openness_curve(miss_rate, 0.0)
    with_repairs = openness_curve(miss_rate, repair_rate)
    return [
        {
            t("distance.axis_week", lang): week,
            t("distance.without_repairs", lang): f"{round(without[week] * 100)}%",
            t("distance.with_repairs", lang): f"{round(with_repairs[week] * 100)}%",
        }
        for week in SAMPLE_WEEKS
    ]


def illustration_caption(lang: Language) -> str:
    """How the illustration works, in plain words, with the model's own constants."""
    return t(
        "distance.model_caption",
        lang,
        k=round(MISS_DROP * 100),
        r=round(REPAIR_LIFT * 100),
        start=round(START_OPENNESS * 100),
    )
