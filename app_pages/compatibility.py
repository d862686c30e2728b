"""Section 14: the difference map. Where the two differ and how to navigate each; no score.

In presentation mode the notes on each difference are read-only, shown once the notes of the page
are; the map's names come from the view (Partner A / B).
"""

import streamlit as st

from emotions import analysis, chart_text, texts
from emotions.dimensions import DimensionId
from emotions.exercises import difference_map
from ui.charts import described_chart
from ui.section import header, nothing_to_compare, reflection, safe_names, show_text, table
from ui.state import band_labels, editing, lang, presenting, t, view, workbook
from ui.widgets import Setter, bound

READING = ("higher_may_read", "lower_may_experience")
NAVIGATING = ("higher_could_try", "lower_could_try", "opener")
EXPANDED = 2  # how many of the ranked differences start open


def set_note(dim: DimensionId) -> Setter[str]:
    def setter(value: str) -> None:
        difference_map.set_area_note(workbook(), dim, value)

    return setter


wb = view()
header("compatibility")
st.info(t("diffmap.no_score"))

st.subheader(t("diffmap.map_heading"), anchor=False)
plain = texts.plain_names(wb, lang())
chart = chart_text.difference_map(wb, safe_names(), lang())
described_chart(difference_map.map_figure(wb, plain, lang()), "diffmap_chart", chart)
if not chart.empty:
    caption = t("diffmap.chart_caption", **band_labels())
    if difference_map.partly_answered(wb):
        caption += " " + t("compare_b.diffmap_partial")
    st.caption(caption)
if st.toggle(t("diffmap.table_toggle"), key="diffmap_table"):
    table(texts.needs_table(wb, plain, lang()))

st.subheader(t("diffmap.navigate_heading"), anchor=False)
areas = analysis.areas_to_understand(wb)
names = safe_names()
if not analysis.can_compare(wb):
    nothing_to_compare()
elif not areas:
    st.markdown(t("compare_b.same_where_shared", count=len(analysis.shared_dimensions(wb))))
else:
    st.caption(f"{t('needs.areas_caption', **band_labels())} {t('diffmap.navigate_caption')}")
for rank, area in enumerate(areas):
    title = texts.area_title(area, lang())
    lines = texts.directions(area, names, lang())
    with st.expander(title, expanded=rank < EXPANDED):
        st.markdown(texts.area_line(area, names, lang()))
        st.markdown("\n".join(f"- {lines[key]}" for key in READING))
        st.markdown("\n".join(f"- {lines[key]}" for key in NAVIGATING))
        if editing():
            st.text_area(
                t("diffmap.note_label"),
                max_chars=difference_map.NOTE_MAX_CHARS,
                help=t("diffmap.note_help"),
                placeholder=t("diffmap.note_placeholder"),
                height=80,
                **bound(
                    f"diffmap_note__{area.dimension}",
                    wb.area_notes.get(area.dimension, ""),
                    set_note(area.dimension),
                ),
            )
        elif note := wb.area_notes.get(area.dimension, "").strip():
            st.markdown(f"**{t('diffmap.note_label')}**")
            show_text(note)
same = difference_map.same_line(wb, lang())
if same:
    st.caption(same)

summary = difference_map.you_two_lines(wb, lang())
if presenting() and not wb.area_notes:
    # Folded notes are not in the view: "notes on 0 of 8" would not be true. Keep where to start.
    summary = summary[:1]
if summary:
    st.subheader(t("you_two.heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in summary))
    st.caption(t("you_two.caption"))
reflection("compatibility")
