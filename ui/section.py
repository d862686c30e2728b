"""Parts every section page shares: its heading and explanation, and the reflection notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from emotions import charts, texts
from emotions.analysis import Area, can_compare
from emotions.dimensions import SectionId
from emotions.escape import markdown_escape, markdown_table
from emotions.i18n import content_table, section_text
from emotions.model import PARTNER_IDS, PartnerId, Workbook
from emotions.sections import SAFETY_POINTER_SECTIONS, section_number
from ui.state import SHOW_NOTES_KEY, editing, lang, name, presenting, t, view, workbook
from ui.widgets import Setter, bound


def header(section_id: SectionId, *, body: bool = True) -> None:
    """The section's heading, its number and our explanation of its ideas (``body=False``: the
    page draws the explanation itself, further down, with ``explanation``)."""
    heading, text = section_text(section_id, lang())
    st.caption(t("section.number_of", number=section_number(section_id)))
    st.title(heading, anchor=False)
    if body:
        st.markdown(text)


def explanation(section_id: SectionId) -> None:
    """The section's explanation folded under one clear heading, for a page whose exercise comes
    first (the needs page: questions and radar in the first screen)."""
    with st.expander(t("needs_layout.explanation"), icon="📖"):
        st.markdown(section_text(section_id, lang())[1])


def _reflection_setter(section_id: SectionId, pid: PartnerId) -> Setter[str]:
    def set_note(value: str) -> None:
        notes = workbook().partner(pid).reflections
        if value.strip():
            notes[section_id] = value
        else:
            notes.pop(section_id, None)

    return set_note


def show_text(text: str) -> None:
    """The couple's own words, shown exactly as typed (escaped; line breaks kept)."""
    st.markdown("  \n".join(markdown_escape(line) for line in text.splitlines()) or " ")


def table(rows: Sequence[Mapping[str, object]]) -> None:
    """A table of plain texts (names, notes, labels) and numbers, shown exactly as they are.

    ``st.table`` renders Markdown in every heading and cell: pass names and notes as typed
    (``texts.plain_names``), never already escaped; this escapes each text once. A cell that is
    ``None`` (a question not answered) reads "not answered yet", never a number or "None"; a
    heading some rows lack (e.g. a difference where one partner has not answered) is left empty.
    """
    unanswered = t("answer.not_answered")
    headings = list(dict.fromkeys(heading for row in rows for heading in row))
    # A column with a text among its numbers is sent as text throughout: Arrow refuses a column
    # that mixes numbers and texts.
    texts_in = {
        heading
        for row in rows
        for heading in headings
        if row.get(heading) is None or isinstance(row[heading], str)
    }
    st.table(
        markdown_table(
            [
                {
                    heading: _cell(row.get(heading, ""), unanswered, heading in texts_in)
                    for heading in headings
                }
                for row in rows
            ]
        )
    )


def _cell(value: object, unanswered: str, as_text: bool) -> object:
    if value is None:
        return unanswered
    return str(value) if as_text and not isinstance(value, str) else value


SAFETY_PAGE = "app_pages/about.py"
"""The safety page's script, as ``st.page_link`` names it (the sidebar's safety bar links to the
same page)."""


def safety_pointer() -> None:
    """One calm line where the workbook suggests adapting to a partner or reads withdrawal, anger
    or checking in: a need that feels like being watched or controlled, or anger that comes with
    fear, is no difference in needs. Then the link to the safety page, under its navigation title.

    Drawn once a page: by ``reflection`` on the sections of ``SAFETY_POINTER_SECTIONS``, by
    ``for_you_two`` on the others, and by the pass-and-play hand-over.
    """
    st.caption(t("safety_pointer.line"))
    st.page_link(SAFETY_PAGE, label=t("safety_page.nav"), icon="🛟")


def reflection(section_id: SectionId) -> None:
    """The section's reflection prompt with one free-text note per partner, after the safety
    pointer on the sections that always carry it (``SAFETY_POINTER_SECTIONS``).

    In presentation mode the notes are not editable and appear only once the couple chooses to
    show the notes of this page (``view()`` holds them then).
    """
    if section_id in SAFETY_POINTER_SECTIONS:
        safety_pointer()
    st.subheader(t("reflect.heading"), anchor=False)
    st.markdown(content_table("reflection", lang())["prompts"][section_id])
    if not editing():
        for pid, partner in view().partners.items():
            note = partner.reflections.get(section_id)
            if note:
                st.markdown(f"**{t('reflect.note_label', name=name(pid))}**")
                show_text(note)
        return
    wb = workbook()
    for pid in PARTNER_IDS:
        st.text_area(
            t("reflect.note_label", name=name(pid)),
            max_chars=2000,
            help=t("reflect.note_help"),
            **bound(
                f"reflect__{section_id}__{pid}",
                wb.partners[pid].reflections.get(section_id, "") if pid in wb.partners else "",
                _reflection_setter(section_id, pid),
            ),
        )


def _show_notes() -> None:
    st.session_state[SHOW_NOTES_KEY] = True


def folded_notes(counts: Mapping[PartnerId, int], key: str) -> None:
    """In presentation mode, where a part of the page is only the couple's own notes (the
    rewrites, the trigger notes): what there is, never an empty space under its instructions.

    Folded, it says how many notes each partner has written (a count, no words) and offers one
    large button that shows them, names still replaced (the same choice as the frame's "show the
    notes" switch). Nothing written yet: one line that says so. Notes shown: nothing here (the
    page lists them). Not in presentation mode: nothing.
    """
    if not presenting():
        return
    if not sum(counts.values()):
        st.info(t("needs_layout.notes_none"), icon="📝")
        return
    if st.session_state.get(SHOW_NOTES_KEY):
        return
    each = "\n".join(
        f"- {t('needs_layout.notes_count', name=name(pid), count=count)}"
        for pid, count in counts.items()
    )
    with st.container(border=True):
        st.markdown(f"{t('needs_layout.notes_folded')}\n\n{each}")
        st.button(
            t("present.show_notes"),
            key=key,
            type="primary",
            icon="📝",
            width="stretch",
            on_click=_show_notes,
        )


def safe_names() -> texts.Names:
    """The partners' display names, escaped for Markdown."""
    names = texts.plain_names(workbook(), lang(), anonymous=presenting())
    return texts.Names(markdown_escape(names.a), markdown_escape(names.b))


def nothing_to_compare(*, links: bool = True) -> None:
    """One calm line where a page would compare the partners but they have answered no need in
    common, and (``links``) the next steps: answer now, answer in turns, or combine two files."""
    st.markdown(texts.nothing_to_compare(view(), safe_names(), lang()))
    if not links:
        return
    st.markdown(t("compare.next_steps"))
    st.page_link("app_pages/what_it_means.py", label=t("compare.answer_now"), icon="🧭")
    st.page_link("app_pages/turns.py", label=t("compare.take_turns"), icon="🔁")
    st.page_link("app_pages/workbook.py", label=t("compare.combine_files"), icon="💾")


OPENER = "opener"
"""The direction-aware text that is only a question to ask each other (``texts.DIRECTION_KEYS``)."""


def for_you_two(
    areas: list[Area], keys: tuple[str, ...] = texts.DIRECTION_KEYS, *, pointer: bool = True
) -> None:
    """'What this means for you two': the direction-aware texts of the given areas, and after
    them, when they read one partner through the other or suggest adapting (any text but the
    opener), the safety pointer (``pointer=False`` on a page that draws it itself: a section of
    ``SAFETY_POINTER_SECTIONS``).

    Areas in the "close" band are left out: a difference of one or two points is no ground for
    saying how one partner may misread the other. With no need answered by both, it says so.
    """
    areas = [area for area in areas if area.band != "close"]
    st.subheader(t("you_two.heading"), anchor=False)
    if not can_compare(view()):
        nothing_to_compare(links=False)
        return
    if not areas:
        st.markdown(t("you_two.empty"))
        return
    names = safe_names()
    blocks = []
    for area in areas:
        title = texts.area_title(area, lang())
        lines = texts.directions(area, names, lang())
        blocks.append(f"**{title}**\n\n" + "\n".join(f"- {lines[key]}" for key in keys))
    # One element for all of it: every element costs a message to the browser on every rerun.
    st.markdown("\n\n".join([*blocks, small_print(t("you_two.caption"))]))
    # An opener alone is a question to ask each other: it reads no one and suggests no adapting.
    if pointer and set(keys) - {OPENER}:
        safety_pointer()


def radar_caption(wb: Workbook) -> None:
    """The line under a radar: who has not answered any need yet (no shape is drawn for them),
    that only answered needs are drawn, and how to read it. One element, names escaped."""
    notes = charts.radar_notes(wb, lang(), anonymous=presenting())
    st.caption("  \n".join([*(markdown_escape(note) for note in notes), t("needs.radar_caption")]))


def small_print(text: str) -> str:
    """Catalog text as a caption inside a larger Markdown element (small and grey)."""
    return f":small[:gray[{text.replace(']', chr(92) + ']')}]]"


def muted(text: str) -> str:
    """Catalog text set apart inside a larger Markdown element (a status, "not written yet"):
    grey, never italic, since Japanese is not set in italics (docs/style-ja.md)."""
    return f":gray[{text.replace(']', chr(92) + ']')}]"
