"""What a screen shared with others may show: the workbook without names and, until the couple
chooses to show them, without their own words.

Presentation mode (a counsellor screen-sharing, a facilitator demoing) renders pages from this view,
never from the workbook itself; edits still go to the real workbook.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from emotions import textfields, texts
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.sections import NAME

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


def anonymised(wb: Workbook, lang: Language) -> Workbook:
    """A copy of ``wb`` as an export without names reads it: the partners' names, in every
    free-text field the sections declare (``textfields``), replaced by their labels in ``lang``.

    Every sentence of the export then takes its names from ``texts.plain_names(...,
    anonymous=True)`` and the couple's words from this copy, so no section can leave a name in.
    """
    return textfields.map_text(wb, name_redactor(wb, lang, anonymous=True))


def presentation_view(wb: Workbook, *, show_notes: bool = False) -> Workbook:
    """A copy of ``wb`` with every name removed and, unless ``show_notes``, every free text too.

    Names always go (the pages then say "Partner A" / "Partner B"). Free text means the couple's
    own words: every free-text field the frame and the sections declare (``textfields.NOTES``:
    reflections, need statements, rewrites, trigger notes, the vulnerable moment, check-in notes,
    area notes, next steps). Folded, each is blanked or its list emptied (``FreeText.hidden``);
    shown, the names in it become Partner A / B. Choices and numbers stay: they carry no words.
    """
    if show_notes:
        # The couple's own words may name them: those names become Partner A / B as well.
        notes = textfields.mapping(name_redactor(wb, wb.language, anonymous=True), textfields.NOTES)
    else:
        notes = textfields.folding(textfields.NOTES)
    names = textfields.mapping(lambda _: "", [NAME])
    # A deep copy first: nothing the view shares can reach back into the workbook.
    return textfields.apply(wb.model_copy(deep=True), [*notes, *names])


def holds_notes(wb: Workbook) -> bool:
    """Whether the workbook holds any free text that presentation mode folds away."""
    return presentation_view(wb, show_notes=True) != presentation_view(wb)
