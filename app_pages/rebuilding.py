"""Section 15: dated check-ins, added through one form, listed newest first, and their trend.

In presentation mode there is no form and no delete: the chart, the trend and the list remain, the
list without its two columns of words until the notes of the page are shown.
"""

import datetime as dt

import streamlit as st

from emotions import analysis, chart_text, texts
from emotions.exercises import checkins
from emotions.model import PARTNER_IDS
from ui.charts import described_chart
from ui.section import for_you_two, header, reflection, safe_names, table
from ui.state import editing, lang, name, presenting, t, view, workbook
from ui.widgets import SCALE

FORM_DATE = "checkin_new_date"
FORM_RELIABILITY = "checkin_new_reliability"
FORM_ADJUSTMENT = "checkin_new_adjustment"


def form_connection_key(pid: str) -> str:
    return f"checkin_new_connection__{pid}"


def add_checkin() -> None:
    """The form's one submit: a check-in from what the form holds."""
    wb = workbook()
    if len(wb.checkins) >= checkins.MAX_CHECKINS:
        return
    state = st.session_state
    wb.checkins.append(
        checkins.new_checkin(
            state[FORM_DATE],
            {
                pid: state[form_connection_key(pid)]
                for pid in PARTNER_IDS
                if pid in wb.partners and state.get(form_connection_key(pid)) is not None
            },
            state[FORM_RELIABILITY],
            state[FORM_ADJUSTMENT],
        )
    )
    wb.touch()


def delete_checkin() -> None:
    checkins.delete_checkin(workbook(), st.session_state.pop("checkin_delete_which"))
    workbook().touch()


wb = view()
header("rebuilding")

if editing():
    st.subheader(t("checkin.form_heading"), anchor=False)
    if len(wb.checkins) >= checkins.MAX_CHECKINS:
        st.info(t("checkin.full"))
    else:
        with st.form("checkin_form", clear_on_submit=True):
            st.date_input(
                t("checkin.date"), value="today", max_value=dt.date.today(), key=FORM_DATE
            )
            for pid, column in zip(PARTNER_IDS, st.columns(2), strict=True):
                if pid in wb.partners:
                    # Nothing chosen until a partner answers: an unanswered connection is left
                    # out of the check-in, never saved as the middle of the scale.
                    column.segmented_control(
                        t("checkin.connection", name=name(pid)),
                        SCALE,
                        selection_mode="single",
                        help=t("checkin.connection_help"),
                        width="stretch",
                        key=form_connection_key(pid),
                    )
            st.text_input(
                t("checkin.reliability"),
                max_chars=checkins.TEXT_MAX_CHARS,
                placeholder=t("checkin.reliability_ph"),
                key=FORM_RELIABILITY,
            )
            st.text_input(
                t("checkin.adjustment"),
                max_chars=checkins.TEXT_MAX_CHARS,
                placeholder=t("checkin.adjustment_ph"),
                key=FORM_ADJUSTMENT,
            )
            st.form_submit_button(t("checkin.add"), key="checkin_add", on_click=add_checkin)

st.subheader(t("checkin.trend_heading"), anchor=False)
if not wb.checkins:
    st.info(t("checkin.no_checkins"))
else:
    plain = texts.plain_names(wb, lang())  # from the view: Partner A / B when presenting
    described_chart(
        checkins.trend_figure(wb, plain, lang()),
        "checkin_chart",
        chart_text.checkin_trend(wb, safe_names(), lang()),
    )
    st.caption(t("checkin.chart_caption"))
    st.markdown("\n".join(f"- {line}" for line in checkins.trend_lines(wb, safe_names(), lang())))
    if checkins.has_trend(wb):
        st.caption(t("checkin.trend_caption"))

    st.subheader(t("checkin.list_heading"), anchor=False)
    # A table renders Markdown: table() escapes the names and notes in it.
    rows = checkins.checkin_table(wb, plain, lang())
    if presenting():
        # Folded notes are blank in the view: leave out a column of words with nothing in it.
        words = (t("checkin.col_reliability"), t("checkin.col_adjustment"))
        blank = {col for col in words if not any(row.get(col) for row in rows)}
        rows = [{k: v for k, v in row.items() if k not in blank} for row in rows]
    table(rows)
    if editing():
        labels = {
            index: checkins.checkin_label(checkin, plain, lang())
            for index, checkin in checkins.newest_first(wb)
        }
        delete_column, button_column = st.columns([3, 2], vertical_alignment="bottom")
        delete_column.selectbox(
            t("checkin.delete_which"),
            list(labels),
            format_func=labels.__getitem__,
            key="checkin_delete_which",
        )
        button_column.button(t("checkin.delete"), key="checkin_delete", on_click=delete_checkin)

for_you_two(analysis.top_areas(wb, 1), keys=("higher_could_try", "lower_could_try"))
reflection("rebuilding")
