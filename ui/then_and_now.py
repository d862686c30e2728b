"""The files page's "then and now" part (issue 17 item 1): several files of one couple, opened in
this session's memory only (``emotions.history``), compared between two chosen dates."""

from __future__ import annotations

import streamlit as st

from emotions import chart_text, history, texts
from emotions.escape import markdown_escape
from emotions.exercises import checkins
from emotions.model import PARTNER_IDS
from ui.charts import described_chart
from ui.files import UPLOAD_BUTTON, size_note
from ui.section import table
from ui.state import lang, t

OPENED = "_history_opened"
"""The ``History`` open in this session (kept when a later choice of files is refused whole)."""
SEEN = "_history_seen"
"""The uploader's file ids last opened: the files are opened again only when the choice changes."""
REFUSED = "_history_refused"
UPLOADER = "history_upload"


def _open(uploaded: list) -> None:  # type: ignore[type-arg]
    ids = tuple(f.file_id for f in uploaded)
    if not ids:
        # Every file removed from the uploader by the user: nothing stays open.
        for key in (SEEN, OPENED, REFUSED):
            st.session_state.pop(key, None)
        return
    if ids == st.session_state.get(SEEN):
        return
    st.session_state[SEEN] = ids
    opened = history.open_history([(f.name, f.getvalue()) for f in uploaded])
    st.session_state[REFUSED] = opened.refused
    if opened.files:
        st.session_state[OPENED] = opened


def then_and_now() -> None:
    """The uploader, the dates, two date choices, a radar per partner, the table, the trend."""
    code = lang()
    st.header(t("history.heading"), anchor=False)
    st.markdown(t("history.intro"))
    uploaded = st.file_uploader(
        t("history.upload_label", limit=history.MAX_FILES, button=UPLOAD_BUTTON),
        accept_multiple_files=True,
        key=UPLOADER,
    )
    size_note()
    _open(list(uploaded or []))
    opened: history.History | None = st.session_state.get(OPENED)
    for refusal in st.session_state.get(REFUSED, ()):
        st.error("\n\n".join(refusal.messages(code, markdown_escape)))
        if refusal.code == "too_many" and opened is not None:
            st.info(t("history.kept"))
    if opened is None:
        return
    files = opened.files
    labels = [history.date_label(d, code) for d in opened.dates]
    st.subheader(t("history.dates_heading"), anchor=False)
    st.markdown(t("history.opened", count=len(files)))
    st.markdown(
        "\n".join(
            f"- {label}: {markdown_escape(f.name)}" for label, f in zip(labels, files, strict=True)
        )
    )
    if len(files) < 2:
        st.info(t("history.need_two"))
        return
    shown = [f"{label} ({f.name})" for label, f in zip(labels, files, strict=True)]
    indices = list(range(len(files)))
    left, right = st.columns(2)
    first = left.selectbox(
        t("history.then"), indices, index=0, format_func=shown.__getitem__, key="history_then"
    )
    last = right.selectbox(
        t("history.now"),
        indices,
        index=len(files) - 1,
        format_func=shown.__getitem__,
        key="history_now",
    )
    if first == last:
        st.info(t("history.same_file"))
        return
    then, now = files[first].workbook, files[last].workbook
    pair = (labels[first], labels[last])
    plain = texts.plain_names(now, code)

    st.subheader(t("history.radars_heading"), anchor=False)
    present = [p for p in PARTNER_IDS if p in then.partners or p in now.partners]
    for column, pid in zip(st.columns(max(len(present), 1)), present, strict=False):
        with column:
            st.markdown(f"**{markdown_escape(plain.of(pid))}**")
            described_chart(
                history.partner_radar(then, now, pid, pair, code),
                f"history_radar_{pid}",
                history.radar_text(then, now, pid, markdown_escape(plain.of(pid)), pair, code),
            )

    st.subheader(t("history.table_heading"), anchor=False)
    rows = history.table_rows(history.changes(then, now), plain, code)
    if rows:
        table(rows)
    else:
        st.info(t("history.no_changes"))
    st.caption(t("history.table_note"))

    merged = history.trend_workbook(files)
    if merged.checkins:
        st.subheader(t("history.trend_heading"), anchor=False)
        safe = texts.Names(markdown_escape(plain.a), markdown_escape(plain.b))
        described_chart(
            checkins.trend_figure(merged, plain, code),
            "history_trend",
            chart_text.checkin_trend(merged, safe, code),
        )
        st.caption(t("history.trend_note"))
