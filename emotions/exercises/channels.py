"""Section 7, the channel decoder: how each partner shows care, and what the other notices.

For each channel (words, actions, quiet presence) a partner rates how much they *show* care that
way and how much they *notice* it when the other does, 0-10 (``Partner.channels``; unanswered is
None). The rule for a likely misreading lives here and only here (``MISREAD_RULE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from emotions.analysis import Area, areas_to_understand, other
from emotions.charts import base_layout, escape_plotly, with_alpha
from emotions.dimensions import NEED_MAX, NEED_MIN, DimensionId, dimensions_of
from emotions.exercises.meta_emotion import UNANSWERED
from emotions.i18n import content_table, partner_label, t
from emotions.model import (
    CHANNELS,
    PARTNER_IDS,
    Channel,
    ChannelRating,
    Language,
    Partner,
    PartnerId,
    Workbook,
)
from emotions.palette import PARTNER_COLOURS
from emotions.texts import Names

Kind = Literal["show", "notice"]
KINDS: tuple[Kind, ...] = ("show", "notice")
EXPRESSION_DIMENSIONS: tuple[DimensionId, ...] = dimensions_of("expression")
"""The needs about how visibly feelings are shown: 'what this means for you two' draws from them."""


@dataclass(frozen=True)
class MisreadRule:
    """A rule of thumb: care shown this much through a channel the other notices this little."""

    show_at_least: int
    notice_at_most: int

    def applies(self, show: int | None, notice: int | None) -> bool:
        return (
            show is not None
            and notice is not None
            and show >= self.show_at_least
            and notice <= self.notice_at_most
        )


MISREAD_RULE = MisreadRule(show_at_least=6, notice_at_most=4)


def rating(partner: Partner, channel: Channel, kind: Kind) -> int | None:
    """One answer; None while unanswered."""
    answer = partner.channels.get(channel)
    return None if answer is None else getattr(answer, kind)


def set_rating(partner: Partner, channel: Channel, kind: Kind, value: int | None) -> None:
    """Record one answer, or with None take it back (the other answer of the channel is kept;
    a channel with neither answer left is dropped)."""
    answer = partner.channels.setdefault(channel, ChannelRating())
    setattr(answer, kind, value)  # the model validates the assignment (0-10)
    if answer.show is None and answer.notice is None:
        del partner.channels[channel]


@dataclass(frozen=True)
class Crossing:
    """Care shown by one partner through a channel, and how much the other notices that channel."""

    channel: Channel
    shower: PartnerId
    show: int | None
    notice: int | None

    @property
    def noticer(self) -> PartnerId:
        return other(self.shower)

    @property
    def likely_misread(self) -> bool:
        return MISREAD_RULE.applies(self.show, self.notice)

    @property
    def gap(self) -> int:
        """How much more is shown than noticed (0 unless both are answered)."""
        if self.show is None or self.notice is None:
            return 0
        return self.show - self.notice


def crossings(wb: Workbook) -> list[Crossing]:
    """Every channel in both directions (A shows → B notices, B shows → A notices); empty while
    the workbook holds one partner. An open answer stays None (never a number)."""
    if "a" not in wb.partners or "b" not in wb.partners:
        return []
    return [
        Crossing(
            channel,
            shower,
            rating(wb.partners[shower], channel, "show"),
            rating(wb.partners[other(shower)], channel, "notice"),
        )
        for channel in CHANNELS
        for shower in PARTNER_IDS
    ]


def compared(wb: Workbook) -> list[Crossing]:
    """The crossings where one partner answered "shows" and the other "notices": the only ones
    the grid and the decoding compare."""
    return [c for c in crossings(wb) if c.show is not None and c.notice is not None]


def answered_kind(wb: Workbook, pid: PartnerId, kind: Kind) -> bool:
    """Whether ``pid`` answered ``kind`` ("shows" or "notices") for at least one channel."""
    partner = wb.partners.get(pid)
    return partner is not None and any(rating(partner, c, kind) is not None for c in CHANNELS)


def likely_misreadings(wb: Workbook) -> list[Crossing]:
    """The crossings the rule flags, the widest gap first (ties in channel order, A first)."""
    return sorted((c for c in crossings(wb) if c.likely_misread), key=lambda c: -c.gap)


def working_channels(wb: Workbook) -> list[Crossing]:
    """Crossings where care is shown (at the rule's 'show' level) and also noticed well."""
    rule = MISREAD_RULE
    return [
        c
        for c in crossings(wb)
        if c.show is not None
        and c.notice is not None
        and c.show >= rule.show_at_least
        and c.notice >= rule.show_at_least
    ]


def channel_label(channel: Channel, lang: Language) -> str:
    return t(f"channels.name.{channel}", lang)


def rule_text(lang: Language) -> str:
    """The rule of thumb, in words, with its numbers."""
    return t(
        "channels.rule",
        lang,
        show=MISREAD_RULE.show_at_least,
        notice=MISREAD_RULE.notice_at_most,
    )


def _cell(crossing: Crossing, lang: Language) -> str:
    if crossing.show is None or crossing.notice is None:
        return t("channels.cell_open", lang)
    if crossing.likely_misread:
        return t("channels.cell_misread", lang, show=crossing.show, notice=crossing.notice)
    # Two numbers and an arrow read the same in both languages.
    return f"{crossing.show} \N{RIGHTWARDS ARROW} {crossing.notice}"


def misreading_grid(wb: Workbook, names: Names, lang: Language) -> list[dict[str, object]]:
    """One row per channel, one column per direction: shown → noticed, flagged by the rule."""
    by_key = {(c.channel, c.shower): c for c in crossings(wb)}
    rows: list[dict[str, object]] = []
    for channel in CHANNELS:
        row: dict[str, object] = {t("channels.table_channel", lang): channel_label(channel, lang)}
        for shower in PARTNER_IDS:
            column = t(
                "channels.grid_direction",
                lang,
                shower=names.of(shower),
                noticer=names.of(other(shower)),
            )
            row[column] = _cell(by_key[(channel, shower)], lang)
        rows.append(row)
    return rows


def ratings_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, object]]:
    """The chart as rows: per channel, each partner's 'shows' and 'notices' (dash: unanswered);
    like the chart, no column for a kind a partner has not answered for any channel."""
    rows: list[dict[str, object]] = []
    for channel in CHANNELS:
        row: dict[str, object] = {t("channels.table_channel", lang): channel_label(channel, lang)}
        for pid in PARTNER_IDS:
            for kind in KINDS:
                if not answered_kind(wb, pid, kind):
                    continue
                value = rating(wb.partners[pid], channel, kind)
                row[t(f"channels.series_{kind}", lang, name=names.of(pid))] = (
                    UNANSWERED if value is None else str(value)
                )
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Decoding:
    """What the decoder says about a couple, as sentences with the names filled in."""

    most: str | None
    """The channel most likely misread, with both answers; None when the rule flags none."""
    tips: list[str]
    """For that channel: how it may be misread, and what each partner could try."""
    others: list[str]
    """Other channels the rule flags, then the channels that already carry care."""

    @property
    def empty(self) -> bool:
        return self.most is None and not self.others


def decoding(wb: Workbook, names: Names, lang: Language) -> Decoding:
    """The channel most likely misread (widest gap under the rule) with what each could try,
    the other flagged channels, and the channels that already work."""
    table = content_table("channels", lang)
    most: str | None = None
    tips: list[str] = []
    others: list[str] = []
    for i, c in enumerate(likely_misreadings(wb)):
        values = {
            "shower": names.of(c.shower),
            "noticer": names.of(c.noticer),
            "channel": channel_label(c.channel, lang),
            "show": c.show,
            "notice": c.notice,
        }
        if i == 0:
            most = table["most"].format(**values)
            tips = [
                table[c.channel][key].format(**values)
                for key in ("noticer_may_read", "noticer_could_try", "shower_could_try")
            ]
        else:
            others.append(table["also"].format(**values))
    for c in working_channels(wb):
        others.append(
            table["works"].format(
                shower=names.of(c.shower),
                noticer=names.of(c.noticer),
                channel=channel_label(c.channel, lang),
            )
        )
    return Decoding(most, tips, others)


def expression_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The areas among the needs about showing feelings, most worth understanding first."""
    return [a for a in areas_to_understand(wb) if a.dimension in EXPRESSION_DIMENSIONS][:n]


def channels_figure(wb: Workbook, lang: Language, *, anonymous: bool = False) -> dict[str, Any]:
    """Grouped bars per channel, each showing partner's bar beside the other's 'notices' bar.

    Order per channel: A shows, B notices, B shows, A notices: each pair the rule compares stands
    side by side. 'Notices' bars are hatched and paler, so the kind never rests on colour alone.
    """
    x = [channel_label(c, lang) for c in CHANNELS]
    order: list[tuple[PartnerId, Kind]] = [
        ("a", "show"),
        ("b", "notice"),
        ("b", "show"),
        ("a", "notice"),
    ]
    traces = []
    for pid, kind in order:
        # A series is drawn only from answers: none for a kind a partner has not answered yet.
        if not answered_kind(wb, pid, kind):
            continue
        label = escape_plotly(partner_label(wb.partners[pid].name, pid, lang, anonymous=anonymous))
        colour = PARTNER_COLOURS[pid]
        name = t(f"channels.series_{kind}", lang, name=label)
        marker: dict[str, Any] = {"color": colour, "line": {"color": colour, "width": 1.5}}
        if kind == "notice":
            marker["color"] = with_alpha(colour, 0.25)
            marker["pattern"] = {"shape": "/", "fgcolor": colour, "solidity": 0.3}
        traces.append(
            {
                "type": "bar",
                "x": x,
                "y": [rating(wb.partners[pid], c, kind) for c in CHANNELS],
                "name": name,
                "marker": marker,
                "hovertemplate": "%{x}: %{y}<extra>" + name + "</extra>",
            }
        )
    return {
        "data": traces,
        "layout": base_layout(
            lang,
            height=380,
            barmode="group",
            margin={"l": 40, "r": 10, "t": 20, "b": 40},
            legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.15},
            yaxis={"range": [NEED_MIN, NEED_MAX], "tickvals": [0, 5, 10], "fixedrange": True},
            xaxis={"fixedrange": True},
        ),
    }
