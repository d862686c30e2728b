"""Section 10, the rewriter: a complaint turned into what feels missing, from a template.

No AI and nothing sent anywhere: a partner fills in the situation, the feeling (chosen from a
list or typed), what they need and a small request; ``need_statement`` puts the parts into one
sentence with the template of the language (``content/<lang>/rewrite.toml``). Openers for the
couple's top areas come from the direction-aware texts, with an example of a complaint said as
a need for each side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from emotions.analysis import Area, other, top_areas
from emotions.i18n import content_table, t
from emotions.model import Language, Rewrite, Workbook
from emotions.texts import Names, directions

FeelingId = Literal[
    "lonely",
    "unseen",
    "worried",
    "hurt",
    "sad",
    "left_out",
    "rushed",
    "tense",
    "worn_out",
    "overwhelmed",
]
FEELING_IDS: tuple[FeelingId, ...] = get_args(FeelingId)
"""Feelings offered as a choice; a typed feeling is stored as the text itself."""

Part = Literal["situation", "feeling", "need", "request"]
PARTS: tuple[Part, ...] = get_args(Part)


def feeling_text(feeling: str, lang: Language) -> str:
    """A stored feeling as words: the listed feeling in ``lang``, or the text as typed."""
    if feeling in FEELING_IDS:
        return str(content_table("rewrite", lang)["feelings"][feeling])
    return feeling


def clean(text: str, part: Part, lang: Language) -> str:
    """A part without the words the template already says (a leading "I need", a final "?")."""
    strip = content_table("rewrite", lang)["strip"]
    text = " ".join(text.split())

    def folded(s: str) -> str:
        return s.lower().replace("\u2019", "'")

    for prefix in sorted(strip[f"{part}_start"], key=len, reverse=True):
        if folded(text).startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    # Endings can pile up ("please?"), so a few rounds; the longest ending first in each.
    for _ in range(3):
        for suffix in sorted(strip[f"{part}_end"], key=len, reverse=True):
            if folded(text).endswith(suffix):
                text = text[: len(text) - len(suffix)].strip()
                break
        else:
            break
    return text


def parts(rewrite: Rewrite, lang: Language) -> dict[Part, str]:
    """The four parts of a rewrite, cleaned and with a listed feeling in words."""
    raw: dict[Part, str] = {
        "situation": rewrite.situation,
        "feeling": feeling_text(rewrite.feeling, lang),
        "need": rewrite.need,
        "request": rewrite.request,
    }
    return {part: clean(value, part, lang) for part, value in raw.items()}


def need_statement(rewrite: Rewrite, lang: Language) -> str:
    """The parts as one need statement ("When …, I feel …, because I need … Would you …?").

    Empty parts drop their piece of the sentence; all empty gives "". User text is inserted
    as typed: the caller escapes the result for its medium.
    """
    tpl = content_table("rewrite", lang)["template"]
    p = parts(rewrite, lang)
    situation, feeling, need, request = p["situation"], p["feeling"], p["need"], p["request"]
    if situation and feeling:
        first = tpl["situation_feeling"].format(situation=situation, feeling=feeling)
    elif feeling:
        first = tpl["feeling_only"].format(feeling=feeling)
    elif situation:
        first = tpl["situation_only"].format(situation=situation)
    else:
        first = ""
    sentences = []
    if first:
        sentences.append(
            first + (tpl["because_need"].format(need=need) if need else tpl["full_stop"])
        )
    elif need:
        sentences.append(tpl["need_only"].format(need=need))
    if request:
        sentences.append(tpl["request"].format(request=request))
    return str(tpl["joiner"]).join(sentences)


def is_empty(rewrite: Rewrite) -> bool:
    """Nothing written in any field yet."""
    return not any(
        getattr(rewrite, field).strip()
        for field in ("complaint", "situation", "feeling", "need", "request")
    )


@dataclass(frozen=True)
class AreaOpener:
    """Starting points for talking about one of the top areas."""

    area: Area
    opener: str
    examples: tuple[str, ...]
    """For each side: the complaint it might voice, and the same wish said as a need."""


def example_lines(area: Area, names: Names, lang: Language) -> tuple[str, ...]:
    """For the partner on each side of ``area``: a complaint and its rewrite as a need."""
    assert area.higher is not None
    table = content_table("rewrite", lang)["examples"][area.dimension]
    sides = (("higher", area.higher), ("lower", other(area.higher)))
    return tuple(
        t(
            "talk.example",
            lang,
            name=names.of(pid),
            complaint=table[f"{side}_complaint"],
            need=table[f"{side}_need"],
        )
        for side, pid in sides
    )


def openers(wb: Workbook, names: Names, lang: Language, n: int = 2) -> list[AreaOpener]:
    """Openers for the ``n`` top areas: the area's direction-aware opener and two examples."""
    return [
        AreaOpener(area, directions(area, names, lang)["opener"], example_lines(area, names, lang))
        for area in top_areas(wb, n)
    ]
