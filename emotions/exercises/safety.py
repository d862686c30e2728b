"""Section 6: an emotional-safety check. How sharing a kind of feeling usually feels.

Each partner completes "When I share this with you, I usually feel ..." for a few kinds of
feeling. Some answers suggest that sharing tends to bring misunderstanding rather than closeness
(``FLAGGED``); for those the page offers small repair ideas. The answers describe how sharing has
tended to *feel*, not what the listener intends, and the texts say so. Every word lives in
``content/<lang>/safety.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from emotions.analysis import Area, areas_to_understand
from emotions.dimensions import DimensionId, dimensions_of
from emotions.i18n import content_table
from emotions.languages import spec
from emotions.model import PARTNER_IDS, Language, Partner, PartnerId, Workbook
from emotions.texts import Names

Feeling = Literal["worry", "hurt", "sadness", "joy", "anger", "shame"]
FEELINGS: tuple[Feeling, ...] = get_args(Feeling)
SharingResponse = Literal["heard", "comforted", "fixed", "dismissed", "judged", "alone", "unsure"]
SHARING_RESPONSES: tuple[SharingResponse, ...] = get_args(SharingResponse)

FLAGGED: frozenset[SharingResponse] = frozenset({"fixed", "dismissed", "judged", "alone"})
"""Answers where sharing seems to bring misunderstanding rather than closeness.

"fixed" is among them on purpose: a solution is kind, but offered before the feeling is heard it
can leave the sharer feeling unmet.
"""
SAFE: frozenset[SharingResponse] = frozenset({"heard", "comforted"})
"""Answers where sharing already seems to bring closeness."""


@dataclass(frozen=True)
class Answer:
    """How sharing one kind of feeling usually feels for one partner."""

    pid: PartnerId
    feeling: Feeling
    response: SharingResponse


def answers_of(partner: Partner, pid: PartnerId) -> list[Answer]:
    """A partner's answers in feeling order; entries the app does not know are ignored."""
    found = []
    for feeling in FEELINGS:
        response = partner.safety.get(feeling)
        if response in SHARING_RESPONSES:
            found.append(Answer(pid, feeling, response))
    return found


def all_answers(wb: Workbook) -> list[Answer]:
    """Every answer of both partners, partner A first, each in feeling order."""
    return [
        answer
        for pid in PARTNER_IDS
        if pid in wb.partners
        for answer in answers_of(wb.partners[pid], pid)
    ]


def set_answer(
    wb: Workbook, pid: PartnerId, feeling: Feeling, response: SharingResponse | None
) -> None:
    """Record (or, with None, clear) how sharing ``feeling`` usually feels for ``pid``."""
    safety = wb.partner(pid).safety
    if response is None:
        safety.pop(feeling, None)
    else:
        safety[feeling] = response


def flagged(wb: Workbook) -> list[Answer]:
    """Where sharing tends to bring misunderstanding, for both partners."""
    return [answer for answer in all_answers(wb) if answer.response in FLAGGED]


def safe(wb: Workbook) -> list[Answer]:
    """Where sharing already tends to feel safe, for both partners."""
    return [answer for answer in all_answers(wb) if answer.response in SAFE]


def unsure(wb: Workbook) -> list[Answer]:
    """Where a partner is not sure yet how sharing feels, for both partners."""
    return [answer for answer in all_answers(wb) if answer.response == "unsure"]


def flagged_responses(wb: Workbook) -> list[SharingResponse]:
    """The flagged kinds of answer that occur, in their fixed order (for the repair ideas)."""
    present = {answer.response for answer in flagged(wb)}
    return [response for response in SHARING_RESPONSES if response in present]


def hard_for_both(wb: Workbook) -> list[Feeling]:
    """Feelings that both partners find hard to share (both answers flagged)."""
    return _both(wb, FLAGGED)


def safe_for_both(wb: Workbook) -> list[Feeling]:
    """Feelings that both partners already find safe to share."""
    return _both(wb, SAFE)


def _both(wb: Workbook, kinds: frozenset[SharingResponse]) -> list[Feeling]:
    if not ("a" in wb.partners and "b" in wb.partners):
        return []
    a, b = wb.partners["a"].safety, wb.partners["b"].safety
    return [f for f in FEELINGS if a.get(f) in kinds and b.get(f) in kinds]


def feeling_labels(lang: Language) -> dict[Feeling, str]:
    """Each feeling's label (capitalised, for a widget) in ``lang``."""
    table = content_table("safety", lang)["feelings"]
    return {feeling: table[feeling]["label"] for feeling in FEELINGS}


def response_labels(lang: Language) -> dict[SharingResponse, str]:
    """Each answer's label, completing "When I share this with you, I usually feel ..."."""
    table = content_table("safety", lang)["responses"]
    return {response: table[response]["label"] for response in SHARING_RESPONSES}


def answer_line(answer: Answer, names: Names, lang: Language) -> str:
    """One answer as a gentle sentence about how sharing has tended to feel."""
    table = content_table("safety", lang)
    return str(table["responses"][answer.response]["line"]).format(
        name=names.of(answer.pid), feeling=table["feelings"][answer.feeling]["noun"]
    )


def both_line(wb: Workbook, kind: Literal["hard", "safe"], lang: Language) -> str | None:
    """The feelings both partners find hard (or already safe) to share, as one sentence."""
    feelings = hard_for_both(wb) if kind == "hard" else safe_for_both(wb)
    if not feelings:
        return None
    template = content_table("safety", lang)["couple"][f"{kind}_for_both"]
    return str(template).format(feelings=_join(feelings, lang))


def misunderstanding_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Where sharing may bring misunderstanding: each flagged answer, then what both share."""
    lines = [answer_line(answer, names, lang) for answer in flagged(wb)]
    hard = both_line(wb, "hard", lang)
    return [*lines, hard] if hard else lines


def unsure_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Where a partner is not sure yet how sharing feels."""
    return [answer_line(answer, names, lang) for answer in unsure(wb)]


def safe_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Where sharing already feels safe: each such answer, then what both share."""
    lines = [answer_line(answer, names, lang) for answer in safe(wb)]
    easy = both_line(wb, "safe", lang)
    return [*lines, easy] if easy else lines


def _join(feelings: list[Feeling], lang: Language) -> str:
    table = content_table("safety", lang)
    nouns = [table["feelings"][f]["noun"] for f in feelings]
    return spec(lang).list_separator.join(nouns)


@dataclass(frozen=True)
class Repair:
    """Small repair ideas for one kind of flagged answer."""

    response: SharingResponse
    title: str
    ideas: tuple[str, ...]


def repairs(wb: Workbook, lang: Language) -> list[Repair]:
    """Repair ideas for every flagged kind of answer the couple gave, in a fixed order."""
    table = content_table("safety", lang)["repairs"]
    return [
        Repair(response, table[response]["title"], tuple(table[response]["ideas"]))
        for response in flagged_responses(wb)
    ]


def overview_table(wb: Workbook, names: Names, lang: Language) -> list[dict[str, str]]:
    """Both partners' answers side by side: one row per feeling, a column per partner."""
    table = content_table("safety", lang)
    labels = response_labels(lang)
    rows = []
    for feeling in FEELINGS:
        row = {table["column_feeling"]: table["feelings"][feeling]["label"]}
        for pid in PARTNER_IDS:
            if pid not in wb.partners:
                continue
            response = wb.partners[pid].safety.get(feeling)
            row[names.of(pid)] = (
                labels[response] if response in SHARING_RESPONSES else table["not_answered"]
            )
        rows.append(row)
    return rows


SAFETY_DIMENSIONS: tuple[DimensionId, ...] = dimensions_of("intimacy")
"""The needs closest to this section: talking about feelings, their value, support when upset."""


def safety_areas(wb: Workbook, n: int = 2) -> list[Area]:
    """The couple's areas to understand among this section's dimensions, most important first."""
    return [a for a in areas_to_understand(wb) if a.dimension in SAFETY_DIMENSIONS][:n]
