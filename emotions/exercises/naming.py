"""Section 13, needs naming: a checklist of common emotional needs turned into "I need …".

Each ticked item becomes a ``NeedStatement`` of the partner with ``tag`` = the item's id and
``text`` = its statement in the language of the moment; each statement is marked spoken or not
yet spoken. One statement in the partner's own words has no tag. "Guess before you ask" reads
the perception gaps: what one partner guessed the other needs against what they answered.
"""

from __future__ import annotations

from typing import Literal, get_args

from emotions.analysis import Gap, other, perception_gaps
from emotions.exercises.limits import max_length
from emotions.i18n import content_table, t
from emotions.model import PARTNER_IDS, Language, NeedStatement, Partner, PartnerId, Workbook
from emotions.texts import Names

NeedId = Literal[
    "asked-how-i-am",
    "time-alone",
    "hear-we-are-ok",
    "help-without-advice",
    "practical-help",
    "efforts-noticed",
    "heads-up",
    "pause-when-heated",
    "talk-it-through",
    "affection",
]
NEED_IDS: tuple[NeedId, ...] = get_args(NeedId)
MAX_STATEMENTS = max_length(Partner, "need_statements")


def label(need_id: str, lang: Language) -> str:
    """The checklist line of a need."""
    return str(content_table("naming", lang)["items"][need_id]["label"])


def statement_text(need_id: str, lang: Language) -> str:
    """The "I need …" sentence a ticked need becomes."""
    return str(content_table("naming", lang)["items"][need_id]["statement"])


def find(statements: list[NeedStatement], tag: str | None) -> NeedStatement | None:
    """The first statement with ``tag`` (None: the partner's own words)."""
    return next((s for s in statements if s.tag == tag), None)


def ticked(
    statements: list[NeedStatement], lang: Language, need_id: str, on: bool
) -> list[NeedStatement]:
    """``statements`` with the checklist need added (its sentence in ``lang``) or removed.

    Adding keeps the list within what the model holds; a need already there is kept as it is.
    """
    if not on:
        return [s for s in statements if s.tag != need_id]
    if find(statements, need_id) is not None or len(statements) >= MAX_STATEMENTS:
        return list(statements)
    return [*statements, NeedStatement(text=statement_text(need_id, lang), tag=need_id)]


def with_own(statements: list[NeedStatement], text: str) -> list[NeedStatement]:
    """``statements`` with the partner's own statement set to ``text`` (empty removes it)."""
    text = " ".join(text.split())
    own = find(statements, None)
    if not text:
        return [s for s in statements if s is not own]
    if own is not None:
        return [NeedStatement(text=text, spoken=s.spoken) if s is own else s for s in statements]
    if len(statements) >= MAX_STATEMENTS:
        return list(statements)
    return [*statements, NeedStatement(text=text)]


def shown_text(statement: NeedStatement, lang: Language) -> str:
    """A statement as shown now: a checklist need in ``lang``, one's own words as written."""
    if statement.tag in NEED_IDS:
        return statement_text(statement.tag, lang)
    return statement.text


def statements_of(wb: Workbook, pid: PartnerId) -> list[NeedStatement]:
    """The statements of ``pid`` (none for a partner the workbook does not hold)."""
    return list(wb.partners[pid].need_statements) if pid in wb.partners else []


def both_named(wb: Workbook) -> list[str]:
    """Checklist needs both partners ticked, in checklist order."""
    tags = [{s.tag for s in statements_of(wb, pid)} for pid in PARTNER_IDS]
    return [n for n in NEED_IDS if all(n in t_ for t_ in tags)]


def counts_line(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> str:
    """How many needs ``pid`` has named, and how many are not yet said out loud."""
    statements = statements_of(wb, pid)
    if not statements:
        return t("naming.none", lang, name=names.of(pid))
    return t(
        "naming.counts",
        lang,
        name=names.of(pid),
        named=len(statements),
        unspoken=sum(not s.spoken for s in statements),
    )


def has_guesses(wb: Workbook) -> bool:
    """Whether either partner has guessed any of the other's needs."""
    return any(r.guess is not None for p in wb.partners.values() for r in p.ratings.values())


def can_compare_guesses(wb: Workbook) -> bool:
    """Whether some guess meets an answer: a partner guessed a need the other has answered."""
    return any(perception_gaps(wb, pid) for pid in PARTNER_IDS)


def largest_gap(wb: Workbook, pid: PartnerId) -> Gap | None:
    """The largest non-zero gap between the other's guess and what ``pid`` needs."""
    gaps = [g for g in perception_gaps(wb, pid) if g.gap > 0]
    return gaps[0] if gaps else None


def guess_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """For each partner, where the other's guess missed their answer by the most: a guess is
    compared only with an answer (``perception_gaps``), never with a need left open."""
    lines = []
    for pid in PARTNER_IDS:
        gap = largest_gap(wb, pid)
        if gap is None:
            continue
        guesser = other(pid)
        lines.append(
            t(
                "naming.guess_line",
                lang,
                guesser=names.of(guesser),
                name=names.of(pid),
                dimension=t(f"dim.{gap.dimension}.name", lang),
                guess=wb.partners[guesser].ratings[gap.dimension].guess,
                need=wb.partners[pid].ratings[gap.dimension].need,
            )
        )
    return lines
