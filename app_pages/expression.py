"""Section 7: the channel decoder. Each partner rates, per channel (words, actions, quiet presence),
how much they show care that way and how much they notice it; a chart, the grid of likely
misreadings under one stated rule of thumb, and the channel most likely misread. In presentation
mode the questions are not drawn; the chart, the grid and the decoding remain."""

import streamlit as st

from emotions import chart_text, texts
from emotions.analysis import can_compare
from emotions.exercises import channels
from emotions.model import CHANNELS, PARTNER_IDS, Channel, PartnerId
from ui.charts import described_chart
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import answer, choice


def answer_controls() -> None:
    """Whose answers, then two questions per channel: how much they show it, how much they
    notice it. Nothing chosen is "not answered", never a number."""
    st.markdown(t("channels.how_to"))
    st.caption(t("answer.how_to"))
    pid = choice(t("channels.who"), {p: name(p) for p in PARTNER_IDS}, "channels_who")
    partner = workbook().partner(pid)
    kind_labels = {"show": t("channels.show_label"), "notice": t("channels.notice_label")}
    for channel in CHANNELS:
        st.markdown(f"**{channels.channel_label(channel, lang())}**")
        st.caption(t(f"channels.hint.{channel}"))
        for kind in channels.KINDS:

            def set_value(
                value: int | None,
                pid: PartnerId = pid,
                channel: Channel = channel,
                kind: channels.Kind = kind,
            ) -> None:
                # Look the partner up when the change arrives: the workbook may have been replaced.
                channels.set_rating(workbook().partner(pid), channel, kind, value)

            answer(
                kind_labels[kind],
                f"channels__{pid}__{channel}__{kind}",
                channels.rating(partner, channel, kind),
                set_value,
            )


wb = view()
header("expression")
st.caption(t("needs.not_a_test"))
if editing():
    answer_controls()

plain = texts.plain_names(wb, lang())
names = safe_names()
st.subheader(t("channels.chart_heading"), anchor=False)
chart = chart_text.channels(wb, names, lang())
described_chart(channels.channels_figure(wb, lang()), "channels_chart", chart)
if not chart.empty:
    st.caption(t("channels.chart_caption"))
if st.toggle(t("channels.table_toggle"), key="channels_table"):
    # A table is not Markdown: it gets the names as typed (none from the view when presenting).
    table(channels.ratings_table(wb, plain, lang()))

st.subheader(t("channels.grid_heading"), anchor=False)
st.markdown(channels.rule_text(lang()))
comparable = can_compare(wb)
if channels.compared(wb):
    # Cells one partner has not answered say so; no number stands in for them.
    table(channels.misreading_grid(wb, plain, lang()))
    decoded = channels.decoding(wb, names, lang())
    if decoded.most:
        st.markdown(decoded.most)
        st.markdown("\n".join(f"- {tip}" for tip in decoded.tips))
    if decoded.others:
        st.markdown("\n".join(f"- {line}" for line in decoded.others))
    if decoded.empty:
        st.markdown(t("channels.you_two_empty"))
elif comparable:
    st.markdown(t("compare_a.channels_not_yet"))
else:
    # Nothing answered by both on this page: said once, here, with the next steps.
    nothing_to_compare()

if comparable:
    for_you_two(channels.expression_areas(wb, 2))
elif channels.compared(wb):
    st.subheader(t("you_two.heading"), anchor=False)
    nothing_to_compare()

reflection("expression")
