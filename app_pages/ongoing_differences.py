"""Section 8: need vs how well it is met (one partner at a time, chart beside the questions), the
"too much / never enough" feelings this may bring for each partner, and signs of pulling back.
In presentation mode the questions and the checklist are not drawn: the chart (whose is still a
choice), the feelings and the calm notes about the signs remain, not the ticked signs themselves."""

import streamlit as st

from emotions import chart_text
from emotions.analysis import can_compare
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises import persisting
from emotions.model import PARTNER_IDS, PartnerId
from emotions.texts import Names
from ui.charts import described_chart
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import answer, bound, choice


def bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def met_questions(pid: PartnerId) -> None:
    """One question per need: how well it is met now for ``pid`` (the same answers as "met" on
    the needs page). The label recalls ``pid``'s own need, or says it is not answered yet."""
    partner = workbook().partner(pid)
    for dim in DIMENSION_IDS:
        rating = partner.ratings[dim]

        def set_met(value: int | None, pid: PartnerId = pid, dim: DimensionId = dim) -> None:
            # Look the rating up when the change arrives: the workbook may have been replaced.
            workbook().partner(pid).ratings[dim].met = value

        dimension = t(f"dim.{dim}.name")
        label = (
            t("answer_ui.met_label_no_need", dimension=dimension)
            if rating.need is None
            else t("persist.met_label", dimension=dimension, need=rating.need)
        )
        answer(
            label,
            f"met__{pid}__{dim}",
            rating.met,
            set_met,
            detail=t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high")),
        )


def sign_checklist(pid: PartnerId, names: Names) -> None:
    """The signs of pulling back as checkboxes for ``pid``."""
    st.markdown(t("persist.signs_how", name=names.of(pid)))
    ticked = persisting.signs_of(workbook(), pid)
    for sign, label in persisting.sign_labels(lang()).items():

        def set_sign(
            value: bool, pid: PartnerId = pid, sign: persisting.WithdrawalSign = sign
        ) -> None:
            persisting.set_sign(workbook(), pid, sign, value)

        st.checkbox(label, **bound(f"persist__sign__{pid}__{sign}", sign in ticked, set_sign))


wb = view()
header("ongoing-differences")
st.caption(t("needs.not_a_test"))
# Whose chart to show is a view choice: it stays in presentation mode.
pid = choice(t("persist.who"), {p: name(p) for p in PARTNER_IDS}, "persist_who")
wb.partner(pid)  # the chart and the questions show this partner, even if the file lacked them
names = safe_names()

st.subheader(t("persist.met_heading"), anchor=False)
if editing():
    st.markdown(t("answer_ui.met_how", met=t("needs.kind_met")))
    st.caption(t("answer.how_to"))
    questions, chart = st.columns([1, 1], gap="large")
    with questions:
        met_questions(pid)
else:
    chart = st.container()
with chart:
    met_text = chart_text.need_met(wb, pid, names, lang())
    described_chart(persisting.need_met_figure(wb, pid, lang()), "persist_chart", met_text)
    if not met_text.empty:
        st.caption(t("persist.chart_caption"))
    if st.toggle(t("persist.table_toggle"), key="persist__table"):
        table(persisting.need_met_table(wb, pid, lang()))

st.subheader(t("persist.strain_heading"), anchor=False)
st.caption(t("persist.strain_caption"))
for p in PARTNER_IDS:
    if p not in wb.partners:
        continue
    if not persisting.answered_any(wb, p):
        st.markdown(f"**{names.of(p)}**\n\n{t('compare_a.persist_no_needs', name=names.of(p))}")
        continue
    lines = persisting.strain_lines(wb, p, names, lang())
    body = bullets(lines) if lines else t("persist.nothing_stands_out", name=names.of(p))
    st.markdown(f"**{names.of(p)}**\n\n{body}")
    missing = persisting.unanswered_line(wb, p, names, lang())
    if missing:
        st.caption(missing)

note = persisting.withdrawal_note(wb, pid, names, lang())
both = persisting.both_pulling_back(wb, lang())
if editing() or note or both:
    st.subheader(t("persist.signs_heading"), anchor=False)
if editing():
    sign_checklist(pid, names)
if note is not None:
    kind, text = note
    # Both notes are calm: the fuller one is an info box, never a warning.
    if kind == "several":
        st.info(text)
    else:
        st.markdown(text)
if both:
    st.markdown(both)

if can_compare(wb):
    # The safety pointer comes with the notes below (reflection), not twice.
    for_you_two(persisting.persisting_areas(wb), pointer=False)
else:
    # "Too much" compares the two: nothing to compare yet is said once, with the next steps.
    st.subheader(t("you_two.heading"), anchor=False)
    nothing_to_compare()
reflection("ongoing-differences")
