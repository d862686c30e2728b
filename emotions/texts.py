"""Sentences and tables derived from a couple's answers, in either language.

Names are inserted as the user typed them; whoever renders these strings escapes them for the
medium (``escape.markdown_escape`` on screen, HTML escaping in exports).
"""

from __future__ import annotations

from dataclasses import dataclass

from emotions.analysis import (
    Area,
    answered_needs,
    areas_to_understand,
    can_compare,
    difference,
    difference_band,
    need,
    other,
    unmet_needs,
)
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import content_table, partner_label, t
from emotions.languages import spec
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook


@dataclass(frozen=True)
class Names:
    """How the two partners are called in one rendering (already escaped for its medium)."""

    a: str
    b: str

    def of(self, pid: PartnerId) -> str:
        return self.a if pid == "a" else self.b


def plain_names(wb: Workbook, lang: Language, *, anonymous: bool = False) -> Names:
    """The partners' display names, unescaped; two equal names get (A) and (B) added."""
    a, b = (
        partner_label(
            wb.partners[pid].name if pid in wb.partners else "", pid, lang, anonymous=anonymous
        )
        for pid in PARTNER_IDS
    )
    if a == b:
        a, b = f"{a} (A)", f"{b} (B)"
    return Names(a, b)


def area_line(area: Area, names: Names, lang: Language) -> str:
    """One ranked area as a sentence: the dimension, its band, and who leans which way."""
    assert area.higher is not None
    return t(
        "needs.area_line",
        lang,
        dimension=t(f"dim.{area.dimension}.name", lang),
        band=t(f"band.{area.band}", lang),
        difference=area.difference,
        higher=names.of(area.higher),
        lower=names.of(other(area.higher)),
        pole=t(f"dim.{area.dimension}.high", lang),
    )


def area_title(area: Area, lang: Language) -> str:
    """The short title of an area: the dimension, its band and the difference."""
    return t(
        "you_two.area_title",
        lang,
        dimension=t(f"dim.{area.dimension}.name", lang),
        band=t(f"band.{area.band}", lang),
        difference=area.difference,
    )


def area_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Every area to understand, ranked, as sentences: only dimensions both partners answered
    (``areas_to_understand``), none while they have answered no need in common."""
    return [area_line(area, names, lang) for area in areas_to_understand(wb)]


def unmet_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """What feels missing for each partner, as sentences (largest gap first per partner): each
    partner's own need against how well it is met, only where they answered both."""
    lines = []
    for pid in PARTNER_IDS:
        for gap in unmet_needs(wb, pid):
            rating = wb.partners[pid].ratings[gap.dimension]
            lines.append(
                t(
                    "needs.unmet_line",
                    lang,
                    name=names.of(pid),
                    dimension=t(f"dim.{gap.dimension}.name", lang),
                    need=rating.need,
                    met=rating.met,
                )
            )
    return lines


def needs_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, object]]:
    """The radar as rows: one per dimension, each partner's need, the difference and its band.

    A need not answered yet says so in words, never as a number. The difference and band
    columns exist once both partners answered some need, and are filled only on the rows both
    answered (blank elsewhere): every row has the same columns.
    """
    compared = can_compare(wb)
    not_answered = t("answer.not_answered", lang)
    rows: list[dict[str, object]] = []
    for dim in DIMENSION_IDS:
        row: dict[str, object] = {t("needs.table_dimension", lang): t(f"dim.{dim}.name", lang)}
        for pid in PARTNER_IDS:
            if pid in wb.partners:
                value = need(wb, pid, dim)
                row[names.of(pid)] = not_answered if value is None else value
        if compared:
            diff = difference(wb, dim)
            row[t("needs.table_difference", lang)] = "" if diff is None else diff
            row[t("needs.table_band", lang)] = (
                "" if diff is None else t(f"band.{difference_band(diff)}", lang)
            )
        rows.append(row)
    return rows


DIRECTION_KEYS: tuple[str, ...] = (
    "higher_may_read",
    "lower_may_experience",
    "higher_could_try",
    "lower_could_try",
    "opener",
)
"""The direction-aware texts each dimension shows (``content/<lang>/directions.toml``)."""

REASON_KEYS: tuple[str, str] = ("reason_higher", "reason_lower")
"""Each partner's reason, per dimension: what the higher / the lower partner needs and why it
makes sense for them. Both exist for every dimension, so neither side is only explained away."""

READINGS: dict[str, str] = {
    "higher_may_read": "reason_lower",
    "lower_may_experience": "reason_higher",
}
"""Each way of misreading the other, and the reason of the partner it misreads: the reason
follows the misreading wherever it is shown, so no preference appears only as a problem."""

CONTENT_KEYS: tuple[str, ...] = (*REASON_KEYS, *DIRECTION_KEYS)
"""Every key a dimension's table in ``directions.toml`` has, no more and no fewer."""


def _direction_table(area: Area, names: Names, lang: Language) -> dict[str, str]:
    """Every text of an area's table in ``directions.toml``, names filled in."""
    assert area.higher is not None
    table = content_table("directions", lang)[area.dimension]
    higher, lower = names.of(area.higher), names.of(other(area.higher))
    return {key: str(table[key]).format(higher=higher, lower=lower) for key in CONTENT_KEYS}


def directions(area: Area, names: Names, lang: Language) -> dict[str, str]:
    """The direction-aware texts of an area, with the partners' names filled in.

    "Higher" is the partner nearer the dimension's high pole; the texts say how each may read
    the other (each followed by the other's reason, ``READINGS``), one small adjustment each
    could try, and a conversation opener.
    """
    filled = _direction_table(area, names, lang)
    out = {key: filled[key] for key in DIRECTION_KEYS}
    for reading, reason in READINGS.items():
        out[reading] = spec(lang).word_separator.join((filled[reading], filled[reason]))
    return out


def reasons(area: Area, names: Names, lang: Language) -> dict[PartnerId, str]:
    """Each partner's reason on an area, in its direction: the higher partner's
    ``reason_higher``, the other's ``reason_lower``."""
    assert area.higher is not None
    filled = _direction_table(area, names, lang)
    return {area.higher: filled["reason_higher"], other(area.higher): filled["reason_lower"]}


def nothing_to_compare(wb: Workbook, names: Names, lang: Language) -> str:
    """One calm line for a page that has no dimension both partners answered: where each partner
    stands, and that comparing starts on the first need both have answered."""
    counts = {pid: len(answered_needs(wb, pid)) for pid in PARTNER_IDS}
    if not any(counts.values()):
        return t("compare.nobody_yet", lang)
    if all(counts.values()):
        return t("compare.no_shared_need", lang, a=names.a, b=names.b)
    answered: PartnerId = "a" if counts["a"] else "b"
    return t(
        "compare.one_partner",
        lang,
        answered=names.of(answered),
        other=names.of(other(answered)),
        count=counts[answered],
    )
