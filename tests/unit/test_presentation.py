"""The presentation view: no names ever, the couple's own words only on request (and nameless)."""

from __future__ import annotations

from emotions.i18n import t
from emotions.presentation import holds_notes, presentation_view
from emotions.workbook_io import dump_workbook
from tests.couples import full_workbook


def test_the_view_holds_no_name_and_no_note_until_notes_are_shown() -> None:
    wb = full_workbook()
    folded = dump_workbook(presentation_view(wb))
    for secret in (
        "Mia",
        "Ren",
        "Second line.",
        "Walk",
        "Called back",
        "You never listen",
        "A sigh after work",
        "We try something",
        "Sunday check-ins",
    ):
        assert secret not in folded, secret
    assert presentation_view(wb).partners["a"].ratings == wb.partners["a"].ratings
    assert holds_notes(wb)


def test_shown_notes_keep_their_words_but_not_the_names_in_them() -> None:
    wb = full_workbook()
    shown = presentation_view(wb, show_notes=True)
    assert shown.vulnerable_moment is not None
    assert shown.vulnerable_moment.what == f"I told {t('partner.a', 'en')} about the meeting"
    assert shown.partners["a"].reflections["distance"] == "a on distance.\nSecond line."
    assert "Mia" not in dump_workbook(shown) and "Ren" not in dump_workbook(shown)
    assert wb.vulnerable_moment is not None
    assert wb.vulnerable_moment.what == "I told Mia about the meeting"  # the original is untouched
