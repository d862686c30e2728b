"""Pass-and-play on one device: whose turn it is, and what the screen may show meanwhile.

Partner A answers, the device is handed over, partner B answers, then both look together.
Until that reveal, neither may see the other's answers anywhere, so every page renders from
``turn_view``: the partner who is not answering is reset to a blank partner (their name kept,
since the hand-over screen says whom to give the device to) and the couple's joint answers are
left out. Resetting rather than dropping keeps both partners present, so nothing downstream
mistakes the view for a one-partner workbook. Edits still go to the real workbook.
"""

from __future__ import annotations

from typing import Literal, get_args

from emotions.model import PARTNER_IDS, Partner, PartnerId, Workbook
from emotions.sections import COUPLE_FIELDS

Stage = Literal["a", "handover", "b", "reveal"]
STAGES: tuple[Stage, ...] = get_args(Stage)

NEXT_STAGE: dict[Stage, Stage] = {"a": "handover", "handover": "b", "b": "reveal"}
"""The order of the flow; the reveal ends it (the couple then finishes or stops)."""


def answering(stage: Stage | None) -> PartnerId | None:
    """The partner whose turn it is; None at the hand-over, at the reveal and outside the flow."""
    if stage == "a" or stage == "b":
        return stage
    return None


def is_private(stage: Stage | None) -> bool:
    """Whether the answers must stay hidden from the person holding the device."""
    return stage in ("a", "handover", "b")


def private_stage(value: object) -> Stage | None:
    """``value`` as a private stage of the flow (what a browser copy says it was kept during),
    or None: anything else, a tampered value included, is no turn at all."""
    for stage in STAGES:
        if value == stage and is_private(stage):
            return stage
    return None


def turn_view(wb: Workbook, stage: Stage | None) -> Workbook:
    """What the screen may show at ``stage``: ``wb`` itself outside a private turn, else a copy
    holding only the answering partner's answers (none at all at the hand-over)."""
    if not is_private(stage):
        return wb
    who = answering(stage)
    view = wb.model_copy(deep=True)
    for pid in PARTNER_IDS:
        if pid != who and pid in view.partners:
            view.partners[pid] = Partner(name=view.partners[pid].name)
    # Answers the couple gave together may hold the other partner's words.
    for field in COUPLE_FIELDS:
        if field != "mode":  # how the device is used, not an answer
            default = Workbook.model_fields[field].get_default(call_default_factory=True)
            setattr(view, field, default)
    return view
