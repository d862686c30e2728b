"""Section 8: when differences persist. "Too much / never enough", and signs of pulling back.

- **Never enough**: where a partner's need is well above how well it feels met (the gap falls in
  the "different" or "far apart" band of ``analysis.difference_band``), that partner may feel it is
  never quite enough, and may also worry about being "too much" for wanting more.
- **Too much**: where the *other* partner's need is well above this partner's on the same
  dimension (same bands), this partner may feel more is asked than comes naturally, and may feel
  "never enough" while trying.

Both rest on answers only: "never enough" on a partner's own need and how well it is met, "too
much" on a dimension both partners answered (``analysis.shared_dimensions``). Both are phrased as
feelings to talk about, never as facts. The withdrawal checklist is a short
list of common signs of tiredness; when several are ticked, a calm note suggests talking about it
(and that a counsellor can help if it feels heavy).
Words live in ``content/<lang>/persisting.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from emotions.analysis import (
    Area,
    areas_to_understand,
    difference_band,
    need,
    other,
    shared_dimensions,
    unmet_needs,
)
from emotions.charts import base_layout, chart_label, escape_plotly, rows_height, with_alpha
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId
from emotions.i18n import content_table, partner_label, t
from emotions.languages import spec
from emotions.model import Language, PartnerId, Workbook
from emotions.palette import GRID_COLOUR, PARTNER_COLOURS
from emotions.texts import Names

StrainKind = Literal["never_enough", "too_much"]


def is_large(gap: int) -> bool:
    """A gap worth a word: outside the "close" band (the same rule of thumb as differences)."""
    return gap > 0 and difference_band(gap) != "close"


@dataclass(frozen=True)
class Strain:
    """A dimension where ``pid`` may feel "never enough" or "too much"."""

    kind: StrainKind
    pid: PartnerId
    dimension: DimensionId
    need: int
    met: int | None
    """How well ``pid``'s need is met (never_enough only)."""
    other_need: int | None
    """The other partner's need (too_much only)."""

    @property
    def gap(self) -> int:
        if self.kind == "never_enough":
            assert self.met is not None
            return self.need - self.met
        assert self.other_need is not None
        return self.other_need - self.need


def never_enough(wb: Workbook, pid: PartnerId) -> list[Strain]:
    """Where ``pid``'s answered need is well above how well they answered it is met; largest gap
    first."""
    if pid not in wb.partners:
        return []
    ratings = wb.partners[pid].ratings
    found = []
    for gap in unmet_needs(wb, pid):
        own, met = ratings[gap.dimension].need, ratings[gap.dimension].met
        if is_large(gap.gap) and own is not None and met is not None:
            found.append(Strain("never_enough", pid, gap.dimension, own, met, None))
    return found


def too_much(wb: Workbook, pid: PartnerId) -> list[Strain]:
    """Where the other partner's need is well above ``pid``'s, on the dimensions both answered;
    largest difference first."""
    found = []
    for dim in shared_dimensions(wb):
        mine, theirs = need(wb, pid, dim), need(wb, other(pid), dim)
        if mine is not None and theirs is not None and is_large(theirs - mine):
            found.append(Strain("too_much", pid, dim, mine, None, theirs))
    # sorted() is stable: equal gaps keep the registry order.
    return sorted(found, key=lambda strain: -strain.gap)


def strains(wb: Workbook, pid: PartnerId) -> list[Strain]:
    """Everything that may feel like "never enough" or "too much" for ``pid``."""
    return never_enough(wb, pid) + too_much(wb, pid)


def answered_any(wb: Workbook, pid: PartnerId) -> bool:
    """Whether ``pid`` answered a need or how well one is met (what the strains are read from)."""
    partner = wb.partners.get(pid)
    return partner is not None and any(
        r.need is not None or r.met is not None for r in partner.ratings.values()
    )


def unanswered_met(wb: Workbook, pid: PartnerId) -> list[DimensionId]:
    """The dimensions where ``pid`` has not said yet how well the need is met."""
    if pid not in wb.partners:
        return []
    return [dim for dim in DIMENSION_IDS if wb.partners[pid].ratings[dim].met is None]


def strain_item(strain: Strain, names: Names, lang: Language) -> str:
    """One dimension of a strain with its figures, e.g. "Closeness (need 7, met 2)"."""
    template = content_table("persisting", lang)["items"][strain.kind]
    return str(template).format(
        dimension=t(f"dim.{strain.dimension}.name", lang),
        name=names.of(strain.pid),
        other=names.of(other(strain.pid)),
        need=strain.need,
        met=strain.met,
        other_need=strain.other_need,
    )


def strain_lines(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> list[str]:
    """What may feel like "never enough" or "too much" for ``pid``: one sentence per feeling,
    naming every dimension where it may arise (largest gap first)."""
    table = content_table("persisting", lang)
    lines = []
    for kind, found in (("never_enough", never_enough(wb, pid)), ("too_much", too_much(wb, pid))):
        if found:
            items = join_list([strain_item(strain, names, lang) for strain in found], lang)
            lines.append(
                str(table["strains"][kind]).format(
                    items=items, name=names.of(pid), other=names.of(other(pid))
                )
            )
    return lines


def join_list(items: list[str], lang: Language) -> str:
    """Items joined as a list reads in ``lang`` ("a, b and c"; 「a、b、c」)."""
    table = content_table("persisting", lang)
    if len(items) <= 1:
        return "".join(items)
    return spec(lang).list_separator.join(items[:-1]) + str(table["list_last"]) + items[-1]


def unanswered_line(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> str | None:
    """Which 'how well met' answers are still missing for ``pid``, or None if none are."""
    missing = unanswered_met(wb, pid)
    if not missing:
        return None
    table = content_table("persisting", lang)
    dims = join_list([t(f"dim.{dim}.name", lang) for dim in missing], lang)
    key = "all_unanswered" if len(missing) == len(DIMENSION_IDS) else "unanswered"
    return str(table[key]).format(name=names.of(pid), dimensions=dims)


def persisting_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The couple's areas to understand among the dimensions flagged here, most important first."""
    flagged = {s.dimension for pid in wb.partners for s in strains(wb, pid)}
    return [area for area in areas_to_understand(wb) if area.dimension in flagged][:n]


# --- Need vs met: chart and table ---------------------------------------------------------------


def need_met_figure(
    wb: Workbook, pid: PartnerId, lang: Language, *, anonymous: bool = False
) -> dict[str, Any]:
    """Need and how well it is met, per dimension, for one partner (horizontal bars)."""
    ratings = wb.partners[pid].ratings if pid in wb.partners else None
    dims = [chart_label(t(f"dim.{dim}.axis", lang), lang) for dim in DIMENSION_IDS]
    colour = PARTNER_COLOURS[pid]
    need_label, met_label = t("persist.need", lang), t("persist.met", lang)
    needs = [ratings[dim].need if ratings else None for dim in DIMENSION_IDS]
    mets = [ratings[dim].met if ratings else None for dim in DIMENSION_IDS]
    who = escape_plotly(
        partner_label(wb.partners[pid].name if ratings else "", pid, lang, anonymous=anonymous)
    )
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "y": dims,
            "x": needs,
            "name": need_label,
            "marker": {"color": colour, "line": {"color": colour, "width": 1.5}},
            "hovertemplate": "%{y}: %{x}<extra>" + need_label + "</extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "y": dims,
            "x": mets,
            "name": met_label,
            # The same colour, lighter and hatched: the two bars differ by more than shade.
            "marker": {
                "color": with_alpha(colour, 0.25),
                "line": {"color": colour, "width": 1.5},
                "pattern": {"shape": "/", "fgcolor": colour, "size": 6},
            },
            "hovertemplate": "%{y}: %{x}<extra>" + met_label + "</extra>",
        },
    ]
    return {
        # A series only from answers: none while every value of it is open.
        "data": [trace for trace in traces if any(value is not None for value in trace["x"])],
        "layout": base_layout(
            lang,
            # Two bars a row (need and met): a little more room a row.
            height=rows_height(len(DIMENSION_IDS), frame=110, row=45),
            barmode="group",
            bargap=0.25,
            showlegend=True,
            margin={"l": 10, "r": 10, "t": 50, "b": 40},
            legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.1},
            title={"text": t("persist.chart_title", lang, name=who), "x": 0, "font": {"size": 15}},
            xaxis={"range": [NEED_MIN, NEED_MAX], "dtick": 1, "gridcolor": GRID_COLOUR},
            yaxis={"autorange": "reversed", "automargin": True},
        ),
    }


def need_met_table(wb: Workbook, pid: PartnerId, lang: Language) -> list[dict[str, object]]:
    """The chart as rows: need, how well it is met (or "not answered yet") and the gap."""
    rows: list[dict[str, object]] = []
    if pid not in wb.partners:
        return rows
    table = content_table("persisting", lang)
    for dim in DIMENSION_IDS:
        rating = wb.partners[pid].ratings[dim]
        rows.append(
            {
                t("needs.table_dimension", lang): t(f"dim.{dim}.name", lang),
                t("persist.table_need", lang): (
                    str(rating.need) if rating.need is not None else t("needs.not_rated", lang)
                ),
                t("persist.met", lang): (
                    str(rating.met) if rating.met is not None else t("needs.not_rated", lang)
                ),
                t("persist.gap", lang): (
                    str(rating.need - rating.met)
                    if rating.need is not None and rating.met is not None
                    else table["no_gap"]
                ),
            }
        )
    return rows


# --- Signs of pulling back ----------------------------------------------------------------------

WithdrawalSign = Literal[
    "keep_to_myself",
    "shorter_talks",
    "tired_before_talking",
    "avoid_topics",
    "stopped_asking",
    "unsaid_irritations",
    "easier_apart",
    "far_while_together",
]
WITHDRAWAL_SIGNS: tuple[WithdrawalSign, ...] = get_args(WithdrawalSign)

SEVERAL_SIGNS = 3
"""From this many ticked signs on, the page shows the calmer, fuller note."""


def signs_of(wb: Workbook, pid: PartnerId) -> list[WithdrawalSign]:
    """The signs ``pid`` ticked, in the checklist's order; unknown entries are ignored."""
    if pid not in wb.partners:
        return []
    ticked = set(wb.partners[pid].withdrawal_signs)
    return [sign for sign in WITHDRAWAL_SIGNS if sign in ticked]


def set_sign(wb: Workbook, pid: PartnerId, sign: WithdrawalSign, ticked: bool) -> None:
    """Tick or untick one sign for ``pid``, keeping the checklist's order."""
    current = set(wb.partner(pid).withdrawal_signs)
    current = current | {sign} if ticked else current - {sign}
    # Keep entries the app does not know (from a newer file) rather than dropping them silently.
    unknown = [s for s in wb.partner(pid).withdrawal_signs if s not in WITHDRAWAL_SIGNS]
    wb.partner(pid).withdrawal_signs = [s for s in WITHDRAWAL_SIGNS if s in current] + unknown


def sign_labels(lang: Language) -> dict[WithdrawalSign, str]:
    """The checklist's items in ``lang``."""
    table = content_table("persisting", lang)["signs"]
    return {sign: table[sign] for sign in WITHDRAWAL_SIGNS}


NoteKind = Literal["few", "several"]


def note_kind(count: int) -> NoteKind | None:
    """Which note a number of ticked signs calls for: none, a short one, or the fuller one."""
    if count <= 0:
        return None
    return "several" if count >= SEVERAL_SIGNS else "few"


def withdrawal_note(
    wb: Workbook, pid: PartnerId, names: Names, lang: Language
) -> tuple[NoteKind, str] | None:
    """The calm note for ``pid``'s ticked signs, or None when none is ticked."""
    kind = note_kind(len(signs_of(wb, pid)))
    if kind is None:
        return None
    template = content_table("persisting", lang)["notes"][kind]
    return kind, str(template).format(name=names.of(pid), other=names.of(other(pid)))


def both_pulling_back(wb: Workbook, lang: Language) -> str | None:
    """A sentence for when both partners have ticked at least one sign."""
    if all(signs_of(wb, pid) for pid in ("a", "b")):
        return str(content_table("persisting", lang)["notes"]["both"])
    return None
