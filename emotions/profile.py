"""One partner's own profile, from that partner's answers alone, and what they left open.

Everything here reads one partner's ratings and nothing of the other's: it is what a person
exploring alone can be told truthfully. Where their answered needs are highest and lowest (ties
named together), what matters most to them, what feels most unmet, and their guesses of the
other partner, always said to be guesses. A question not answered is never given a value: it is
left out of the profile and listed by ``unanswered_lines`` instead.

Names come in as ``texts.Names``, already escaped for the medium the lines are shown in.
"""

from __future__ import annotations

from dataclasses import dataclass

from emotions.analysis import Gap, answer_count, other, question_count, unanswered, unmet_needs
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import RATING_KINDS, Language, PartnerId, Workbook
from emotions.texts import Names

MIDDLE = 5
"""The middle of the 0-10 scale: "in between", leaning toward neither pole."""


@dataclass(frozen=True)
class Profile:
    """What one partner's answers say about them (nothing they left unanswered)."""

    pid: PartnerId
    answers: int
    """How many of their rating questions they answered (all kinds)."""
    needs: dict[DimensionId, int]
    """Their answered needs, in registry order."""
    highest: tuple[DimensionId, ...]
    """The answered needs at their highest value (ties together); empty under two answers."""
    lowest: tuple[DimensionId, ...]
    """The answered needs at their lowest value (ties together); empty under two answers."""
    importance_answered: int
    """How many dimensions they rated for importance."""
    matters_most: tuple[DimensionId, ...]
    """The dimensions they marked "high" importance."""
    met_answered: int
    """How many dimensions have both their need and how well it is met answered."""
    unmet: tuple[Gap, ...]
    """need - met where both are answered and met is lower, largest first."""
    guesses: dict[DimensionId, int]
    """Their guesses of the other partner's needs: guesses, never the other's answers."""


def profile(wb: Workbook, pid: PartnerId) -> Profile:
    """``pid``'s profile from ``pid``'s answers only (an absent partner has answered nothing)."""
    partner = wb.partners.get(pid)
    ratings = {} if partner is None else partner.ratings
    needs = {dim: r.need for dim in DIMENSION_IDS if (r := ratings.get(dim)) and r.need is not None}
    highest: tuple[DimensionId, ...] = ()
    lowest: tuple[DimensionId, ...] = ()
    if len(needs) >= 2:
        top, bottom = max(needs.values()), min(needs.values())
        highest = tuple(dim for dim, value in needs.items() if value == top)
        lowest = tuple(dim for dim, value in needs.items() if value == bottom)
    importance = {dim: r.importance for dim, r in ratings.items() if r.importance is not None}
    return Profile(
        pid=pid,
        answers=answer_count(wb, pid),
        needs=needs,
        highest=highest,
        lowest=lowest,
        importance_answered=len(importance),
        matters_most=tuple(dim for dim in DIMENSION_IDS if importance.get(dim) == "high"),
        met_answered=sum(r.need is not None and r.met is not None for r in ratings.values()),
        unmet=tuple(unmet_needs(wb, pid)),
        guesses={
            dim: r.guess for dim in DIMENSION_IDS if (r := ratings.get(dim)) and r.guess is not None
        },
    )


def _join(items: list[str], lang: Language) -> str:
    return spec(lang).list_separator.join(items)


def _dimension(dim: DimensionId, lang: Language) -> str:
    return t(f"dim.{dim}.name", lang)


def _dimensions(dims: tuple[DimensionId, ...] | list[DimensionId], lang: Language) -> str:
    return _join([_dimension(dim, lang) for dim in dims], lang)


def need_item(dim: DimensionId, value: int, lang: Language) -> str:
    """A need and where it sits: its value and the pole it leans toward (or in between)."""
    if value == MIDDLE:
        return t("profile.item_middle", lang, dimension=_dimension(dim, lang), value=value)
    end = "high" if value > MIDDLE else "low"
    pole = t(f"dim.{dim}.{end}", lang)
    return t("profile.item", lang, dimension=_dimension(dim, lang), value=value, pole=pole)


def _need_lines(p: Profile, name: str, lang: Language) -> list[str]:
    if not p.needs:
        return [t("profile.no_needs", lang, name=name)]
    if len(p.needs) == 1:
        ((dim, value),) = p.needs.items()
        return [t("profile.one_need", lang, name=name, item=need_item(dim, value, lang))]
    if p.highest == p.lowest:
        (value,) = set(p.needs.values())
        return [
            t(
                "profile.all_equal",
                lang,
                name=name,
                count=len(p.needs),
                value=value,
                dimensions=_dimensions(list(p.needs), lang),
            )
        ]
    return [
        t(
            f"profile.{end}",
            lang,
            name=name,
            items=_join([need_item(dim, p.needs[dim], lang) for dim in dims], lang),
        )
        for end, dims in (("highest", p.highest), ("lowest", p.lowest))
    ]


def _importance_lines(p: Profile, name: str, lang: Language) -> list[str]:
    if not p.importance_answered:
        return []
    high = t("importance.high", lang)
    if not p.matters_most:
        return [
            t("profile.matters_none_high", lang, name=name, count=p.importance_answered, high=high)
        ]
    dimensions = _dimensions(p.matters_most, lang)
    return [t("profile.matters_most", lang, name=name, high=high, dimensions=dimensions)]


def _unmet_lines(wb: Workbook, p: Profile, name: str, lang: Language) -> list[str]:
    if not p.met_answered:
        return []
    if not p.unmet:
        return [t("profile.unmet_none", lang, name=name, count=p.met_answered)]
    ratings = wb.partners[p.pid].ratings
    items = [
        t(
            "profile.unmet_item",
            lang,
            dimension=_dimension(gap.dimension, lang),
            need=ratings[gap.dimension].need,
            met=ratings[gap.dimension].met,
        )
        for gap in p.unmet
    ]
    return [t("profile.unmet", lang, name=name, items=_join(items, lang))]


def _guess_lines(p: Profile, names: Names, lang: Language) -> list[str]:
    name, guessed = names.of(p.pid), names.of(other(p.pid))
    if not p.guesses:
        return []
    if len(p.guesses) == 1:
        ((dim, value),) = p.guesses.items()
        dimension = _dimension(dim, lang)
        return [
            t("profile.guess_one", lang, name=name, other=guessed, dimension=dimension, value=value)
        ]
    items = [
        t("profile.guess_item", lang, dimension=_dimension(dim, lang), value=value)
        for dim, value in p.guesses.items()
    ]
    return [t("profile.guess_many", lang, name=name, other=guessed, items=_join(items, lang))]


def profile_lines(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> list[str]:
    """``pid``'s own profile as sentences, from ``pid``'s answers only.

    Nothing answered: one line inviting them to answer. Otherwise where their needs are highest
    and lowest (or the one need answered), what matters most to them, what feels most unmet, and
    their guesses of the other partner, each part only when its questions were answered.
    """
    p = profile(wb, pid)
    name = names.of(pid)
    if not p.answers:
        return [t("profile.nothing_yet", lang, name=name)]
    return [
        *_need_lines(p, name, lang),
        *_importance_lines(p, name, lang),
        *_unmet_lines(wb, p, name, lang),
        *_guess_lines(p, names, lang),
    ]


def unanswered_lines(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> list[str]:
    """What ``pid`` has not answered yet, one calm line per kind of question (or one line when
    nothing, or everything, is answered)."""
    name, guessed = names.of(pid), names.of(other(pid))
    if not answer_count(wb, pid):
        return [t("profile.open_everything", lang, name=name, count=question_count())]
    open_ = unanswered(wb, pid)
    if not open_:
        return [t("profile.open_nothing", lang, name=name)]
    lines = []
    for kind in RATING_KINDS:
        dims = open_.get(kind)
        if not dims:
            continue
        question = t(f"profile.question_{kind}", lang, other=guessed)
        if len(dims) == len(DIMENSION_IDS):
            lines.append(t("profile.open_kind_all", lang, question=question))
        else:
            lines.append(
                t(
                    "profile.open_kind",
                    lang,
                    question=question,
                    count=len(dims),
                    dimensions=_dimensions(dims, lang),
                )
            )
    return lines
