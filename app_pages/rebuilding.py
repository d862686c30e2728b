"""Section 15: dated check-ins, added through one form, listed newest first, and their trend.

In presentation mode there is no form and no delete: the chart, the trend and the list remain, the
list without its two columns of words until the notes of the page are shown.
"""

import datetime as dt

import streamlit as st

from emotions import analysis, chart_text, reminder, texts
from emotions.clock import browser_zone
from emotions.exercises import checkins
from emotions.model import PARTNER_IDS
from ui.charts import described_chart
from ui.section import for_you_two, header, reflection, safe_names, table
from ui.state import editing, lang, name, presenting, t, view, workbook
from ui.widgets import SCALE, choice

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

if editing():
    # A calendar file for the next check-in, built from these fields only: no counter, no names.
    st.subheader(t("reminder.heading"), anchor=False)
    st.caption(t("reminder.intro"))
    zone = browser_zone(st.context.timezone)
    today = dt.datetime.now(zone or dt.UTC).date()
    day_column, time_column = st.columns(2)
    day = day_column.date_input(
        t("reminder.date"), value=today + dt.timedelta(days=7), min_value=today, key="reminder_date"
    )
    at = time_column.time_input(
        t("reminder.time_in_zone", zone=zone.key) if zone else t("reminder.time_utc"),
        value=dt.time(19, 0),
        step=dt.timedelta(minutes=15),
        key="reminder_time",
    )
    repeat = choice(
        t("reminder.repeat"),
        {r: t(f"reminder.repeat_{r}") for r in reminder.REPEATS},
        key="reminder_repeat",
    )
    title = st.text_input(
        t("reminder.title"),
        max_chars=reminder.TITLE_MAX_CHARS,
        placeholder=reminder.default_title(lang()),
        help=t("reminder.title_help", default=reminder.default_title(lang())),
        key="reminder_title",
    )
    if isinstance(day, dt.date) and at is not None:
        st.download_button(
            t("reminder.download"),
            data=reminder.reminder_ics(
                dt.datetime.combine(day, at), st.context.timezone, repeat, title, lang()
            ),
            file_name=reminder.FILE_NAME,
            mime=reminder.MIME,
            icon=":material/event:",
            key="reminder_download",
        )

for_you_two(analysis.top_areas(wb, 1), keys=("higher_could_try", "lower_could_try"))
reflection("rebuilding")
