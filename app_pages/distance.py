"""Section 5: a vulnerable moment and how four responses may land with the one who reached out;
then an illustration (labelled as one) of how misses and small repairs add up over a year.
In presentation mode the moment is not editable and what happened shows only with the notes; the
illustration's two rates stay adjustable, since they are not answers."""

import streamlit as st

from emotions import chart_text
from emotions.analysis import can_compare
from emotions.escape import markdown_escape
from emotions.exercises import distance
from emotions.model import PARTNER_IDS, PartnerId
from ui.charts import chart_sentence, plotly_chart
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import bound

# Calm colours for the outcome badges: none of them is red, since none is a verdict.
OUTCOME_BADGE = {"helps": "green", "partly": "blue", "misses": "orange"}


def set_reacher(value: PartnerId) -> None:
    distance.set_moment(workbook(), reacher=value)


def set_what(value: str) -> None:
    distance.set_moment(workbook(), what=value)


wb = view()
header("distance")

current = distance.moment(wb)
if editing():
    st.subheader(t("distance.explorer_heading"), anchor=False)
    st.markdown(t("distance.explorer_how"))
    who_labels = {pid: name(pid) for pid in PARTNER_IDS}
    st.radio(
        t("distance.who"),
        PARTNER_IDS,
        format_func=who_labels.__getitem__,
        horizontal=True,
        **bound("distance__reacher", current.reacher, set_reacher),
    )
    st.text_input(
        t("distance.what"),
        max_chars=300,
        help=t("distance.what_help"),
        **bound("distance__what", current.what, set_what),
    )

names = safe_names()
reacher = current.reacher
st.subheader(
    t("distance.responses_heading", responder=names.of(distance.responder(wb))), anchor=False
)
if current.what:  # from the view: empty in presentation mode until the notes are shown
    st.markdown(
        "> " + t("distance.moment_line", name=names.of(reacher), what=markdown_escape(current.what))
    )
found = distance.landings(wb, reacher)
# Only answered needs are read: what waits for an answer is named, never guessed.
still_open = distance.open_needs_line(wb, names, reacher, lang())
if reacher not in wb.partners:
    st.info(t("distance.missing_partner", name=names.of(reacher)))
elif not found and still_open:
    st.markdown(still_open)
if found:
    # Two a row on a wide screen; on a phone the columns stack in reading order.
    cells = [cell for _ in range((len(found) + 1) // 2) for cell in st.columns(2)]
    for landing, cell in zip(found, cells[: len(found)], strict=True):
        text = distance.landing_text(landing, names, reacher, lang())
        with cell.container(border=True):
            st.markdown(
                f"**{text.response}** :{OUTCOME_BADGE[landing.outcome]}-badge[{text.outcome}]"
            )
            st.caption(text.example)
            st.markdown("\n".join(f"- {reason}" for reason in text.reasons))
    st.caption(t("distance.landing_caption", name=names.of(reacher)))
    if still_open:
        st.caption(still_open)

st.subheader(t("distance.illustration_heading"), anchor=False)
st.info(t("distance.illustration_label"))
# The illustration's parameters are view state: they are not answers and are not stored.
left, right = st.columns(2)
miss = left.slider(
    t("distance.miss_rate"),
    0,
    100,
    40,
    step=5,
    format="%d%%",
    help=t("distance.rate_help"),
    key="distance__miss",
)
repair = right.slider(
    t("distance.repair_rate"),
    0,
    100,
    50,
    step=5,
    format="%d%%",
    help=t("distance.rate_help"),
    key="distance__repair",
)
plotly_chart(distance.illustration_figure(miss / 100, repair / 100, lang()), key="distance_chart")
chart_sentence(chart_text.distance_illustration(miss / 100, repair / 100, lang()))
st.caption(distance.illustration_caption(lang()))
if st.toggle(t("distance.table_toggle"), key="distance__table"):
    table(distance.illustration_table(miss / 100, repair / 100, lang()))

if can_compare(wb):
    for_you_two(distance.distance_areas(wb))
else:
    # The landings above read one partner; comparing the two waits for a need both answered.
    st.subheader(t("you_two.heading"), anchor=False)
    nothing_to_compare()
reflection("distance")
