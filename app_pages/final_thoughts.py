"""Section 16: the journey so far, gathered from the workbook, and the couple's next steps.

In presentation mode the next steps are read-only, and what is drawn from the couple's own words
(need statements, counts of notes) waits until the notes of the page are shown.
"""

import streamlit as st

from emotions import analysis
from emotions.escape import markdown_escape
from emotions.exercises import journey
from emotions.exercises.limits import NOTE_MAX
from emotions.presentation import holds_notes
from ui.profile import profiles_and_open_questions
from ui.section import (
    for_you_two,
    header,
    nothing_to_compare,
    reflection,
    safe_names,
    show_text,
)
from ui.state import band_labels, editing, lang, presenting, t, view, workbook
from ui.widgets import bound


def bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def set_next_steps(value: str) -> None:
    workbook().next_steps = value


wb = view()
names = safe_names()
# Presenting with the notes folded, the view holds none of the couple's words: lines drawn from
# them would say "none written" or count zero notes, which is not true, so they are left out.
folded = presenting() and not holds_notes(wb)
header("final-thoughts")

st.subheader(t("journey.heading"), anchor=False)
st.markdown(journey.explored_line(wb, lang()))
seen = journey.explored(wb)
opened_column, not_yet_column = st.columns(2)
# Titles begin with their number ("3. ..."): one per line reads better than a list of lists.
opened_column.markdown(
    f"**{t('journey.opened')}**  \n" + "  \n".join(journey.section_titles(seen.opened, lang()))
)
if seen.not_yet:
    not_yet_column.markdown(
        f"**{t('journey.not_yet')}**  \n"
        + "  \n".join(journey.section_titles(seen.not_yet, lang()))
    )

st.markdown(f"**{t('journey.areas_heading')}**")
compared = analysis.can_compare(wb)
areas = journey.top_area_lines(wb, names, lang())
if not compared:
    nothing_to_compare()  # areas only where both partners answered a need
elif areas:
    st.markdown("\n".join(f"1. {line}" for line in areas))
    st.caption(t("needs.areas_caption", **band_labels()))
else:
    st.markdown(t("compare_b.same_where_shared", count=len(analysis.shared_dimensions(wb))))

st.markdown(f"**{t('journey.adjustments_heading')}**")
st.markdown(bullets(journey.adjustment_lines(wb, names, lang())))

if not folded:
    st.markdown(f"**{t('journey.statements_heading')}**")
    st.markdown(bullets(journey.statement_lines(wb, names, lang(), escape=markdown_escape)))

st.markdown(f"**{t('journey.notes_heading')}**")
notes = [] if folded else journey.notes_lines(wb, names, lang())
st.markdown(bullets([*notes, journey.checkin_line(wb, lang())]))

profiles_and_open_questions()

if editing():
    st.subheader(t("journey.next_heading"), anchor=False)
    st.text_area(
        t("journey.next_label"),
        max_chars=NOTE_MAX,
        help=t("journey.next_help"),
        placeholder=t("journey.next_placeholder"),
        **bound("journey_next_steps", wb.next_steps, set_next_steps),
    )
    st.caption(t("journey.downloads_note"))
    st.page_link("app_pages/workbook.py", label=t("nav.workbook"), icon="💾")
elif wb.next_steps.strip():
    st.subheader(t("journey.next_heading"), anchor=False)
    st.markdown(f"**{t('journey.next_label')}**")
    show_text(wb.next_steps)

if compared:  # otherwise the line above already says there is nothing to compare
    for_you_two(analysis.top_areas(wb, 2), keys=("opener",))
reflection("final-thoughts")
