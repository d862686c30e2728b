"""What a screen shared with others may show: the workbook without names and, until the couple
chooses to show them, without their own words.

Presentation mode (a counselor screen-sharing, a facilitator demoing) renders pages from this view,
never from the workbook itself; edits still go to the real workbook.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

from emotions import texts
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook

_M = TypeVar("_M", bound=BaseModel)
_REWRITE_FIELDS = ("complaint", "situation", "feeling", "need", "request")
_TRIGGER_FIELDS = ("trigger", "reaction", "belief", "response")

Redact = Callable[[str], str]

_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _identity(text: str) -> str:
    return text


def _name_pattern(name: str) -> str:
    """A name as a pattern: any run of spaces inside it matches any other, and a Latin name
    only matches as a whole word ("Ren" is not found inside "children")."""
    body = r"\s+".join(re.escape(part) for part in name.split())
    before = r"(?<![A-Za-z0-9])" if _ASCII_WORD.match(name[0]) else ""
    after = r"(?![A-Za-z0-9])" if _ASCII_WORD.match(name[-1]) else ""
    return before + body + after


def name_redactor(wb: Workbook, lang: Language, *, anonymous: bool) -> Redact:
    """A function that takes the partners' names out of a piece of the couple's own text.

    Without ``anonymous`` it changes nothing. With it, every occurrence of a partner's name (any
    case; a Latin name as a whole word) becomes that partner's neutral label, so notes keep their
    words but reveal no name. Both names are replaced in one pass: a label is never searched again.
    """
    if not anonymous:
        return _identity
    labels = texts.plain_names(wb, lang, anonymous=True)
    found = {
        pid: partner.name.strip()
        for pid, partner in wb.partners.items()
        if partner.name.strip() and pid in PARTNER_IDS
    }
    if not found:
        return _identity
    # The longer name first, so that "Anna" inside "Annabel" does not win over "Annabel".
    order = sorted(found, key=lambda pid: -len(found[pid]))
    pattern = re.compile(
        "|".join(f"(?P<{pid}>{_name_pattern(found[pid])})" for pid in order), re.IGNORECASE
    )

    def replace(match: re.Match[str]) -> str:
        pid: PartnerId = "a" if match.lastgroup == "a" else "b"
        return labels.of(pid)

    def redact(text: str) -> str:
        return pattern.sub(replace, text)

    return redact


def presentation_view(wb: Workbook, *, show_notes: bool = False) -> Workbook:
    """A copy of ``wb`` with every name removed and, unless ``show_notes``, every free text too.

    Names always go (the pages then say "Partner A" / "Partner B"). Free text means the couple's
    own words: reflections, need statements, rewrites, trigger notes, the vulnerable moment,
    check-in notes, area notes and next steps. Choices and numbers stay: they carry no words.
    """
    view = wb.model_copy(deep=True)
    if show_notes:
        # The couple's own words may name them: those names become Partner A / B as well.
        redact = name_redactor(wb, wb.language, anonymous=True)

        def redacted(model: _M, *fields: str) -> _M:
            # model_copy(update=...) does not validate: "Ren" spelled out as "Partner B" may
            # take a full note past its length limit, and this copy is only shown, never stored.
            return model.model_copy(update={f: redact(getattr(model, f)) for f in fields})

        for pid, partner in view.partners.items():
            view.partners[pid] = partner.model_copy(
                update={
                    "reflections": {k: redact(v) for k, v in partner.reflections.items()},
                    "need_statements": [redacted(s, "text") for s in partner.need_statements],
                    "rewrites": [redacted(rw, *_REWRITE_FIELDS) for rw in partner.rewrites],
                    "triggers": [redacted(note, *_TRIGGER_FIELDS) for note in partner.triggers],
                }
            )
        moment = view.vulnerable_moment
        view = view.model_copy(
            update={
                "vulnerable_moment": None if moment is None else redacted(moment, "what"),
                "checkins": [redacted(c, "reliability", "adjustment") for c in view.checkins],
                "area_notes": {k: redact(v) for k, v in view.area_notes.items()},
                "next_steps": redact(view.next_steps),
            }
        )
    for partner in view.partners.values():
        partner.name = ""
        if not show_notes:
            partner.reflections = {}
            partner.need_statements = [
                s.model_copy(update={"text": ""}) for s in partner.need_statements
            ]
            partner.rewrites = []
            partner.triggers = []
    if not show_notes:
        if view.vulnerable_moment is not None:
            view.vulnerable_moment.what = ""
        for checkin in view.checkins:
            checkin.reliability = checkin.adjustment = ""
        view.area_notes = {}
        view.next_steps = ""
    return view


def holds_notes(wb: Workbook) -> bool:
    """Whether the workbook holds any free text that presentation mode folds away."""
    return presentation_view(wb, show_notes=True) != presentation_view(wb)
