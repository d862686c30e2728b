"""What a screen shared with others may show: the workbook without names and, until the couple
chooses to show them, without their own words.

Presentation mode (a counselor screen-sharing, a facilitator demoing) renders pages from this view,
never from the workbook itself; edits still go to the real workbook.
"""

from __future__ import annotations

from emotions.model import Workbook


def presentation_view(wb: Workbook, *, show_notes: bool = False) -> Workbook:
    """A copy of ``wb`` with every name removed and, unless ``show_notes``, every free text too.

    Names always go (the pages then say "Partner A" / "Partner B"). Free text means the couple's
    own words: reflections, need statements, rewrites, trigger notes, the vulnerable moment,
    check-in notes, area notes and next steps. Choices and numbers stay: they carry no words.
    """
    view = wb.model_copy(deep=True)
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
