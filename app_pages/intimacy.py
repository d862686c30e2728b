"""Section 6: an emotional-safety check. For a few kinds of feeling, each partner says how sharing
it usually feels; then where sharing may bring misunderstanding, and small repairs for it.
In presentation mode the answers are not editable; the overview and what it means remain."""

import streamlit as st

from emotions import texts
from emotions.analysis import can_compare, other
from emotions.exercises import safety
from emotions.model import PARTNER_IDS, PartnerId
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import bound, choice


def bullets(lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def answer_controls() -> None:
    """Whose answers, then one choice per kind of feeling."""
    pid = choice(t("safety.who"), {p: name(p) for p in PARTNER_IDS}, "safety_who")
    st.markdown(t("safety.how", other=name(other(pid))))
    feeling_labels = safety.feeling_labels(lang())
    response_labels = safety.response_labels(lang())
    answers = workbook().partner(pid).safety
    # Two a row on a wide screen; on a phone the columns stack in reading order.
    cells = [cell for _ in range(len(safety.FEELINGS) // 2) for cell in st.columns(2)]
    for feeling, cell in zip(safety.FEELINGS, cells, strict=True):

        def set_response(
            value: safety.SharingResponse | None,
            pid: PartnerId = pid,
            feeling: safety.Feeling = feeling,
        ) -> None:
            # Look the partner up when the change arrives: the workbook may have been replaced.
            safety.set_answer(workbook(), pid, feeling, value)

        current = answers.get(feeling)
        cell.selectbox(
            feeling_labels[feeling],
            safety.SHARING_RESPONSES,
            format_func=response_labels.__getitem__,
            placeholder=t("safety.choose"),
            **bound(
                f"safety__{pid}__{feeling}",
                current if current in safety.SHARING_RESPONSES else None,
                set_response,
            ),
        )


wb = view()
header("intimacy")

if editing():
    st.subheader(t("safety.check_heading"), anchor=False)
    answer_controls()

names = safe_names()
if safety.all_answers(wb):
    st.subheader(t("safety.overview_heading"), anchor=False)
    table(safety.overview_table(wb, texts.plain_names(wb, lang()), lang()))
    st.caption(t("safety.overview_caption"))

st.subheader(t("safety.flags_heading"), anchor=False)
if not safety.all_answers(wb):
    st.markdown(t("safety.no_answers"))
else:
    misunderstanding = safety.misunderstanding_lines(wb, names, lang())
    if misunderstanding:
        st.markdown(bullets(misunderstanding))
        st.caption(t("safety.flags_caption"))
    else:
        st.markdown(t("safety.none_flagged"))
    unsure = safety.unsure_lines(wb, names, lang())
    if unsure:
        st.markdown(bullets(unsure))
    safe = safety.safe_lines(wb, names, lang())
    if safe:
        st.markdown(f"**{t('safety.safe_heading')}**\n\n" + bullets(safe))
    repairs = safety.repairs(wb, lang())
    if repairs:
        st.subheader(t("safety.repairs_heading"), anchor=False)
        st.caption(t("safety.repairs_caption"))
        for repair in repairs:
            st.markdown(f"**{repair.title}**\n\n" + bullets(repair.ideas))

if can_compare(wb):
    # The safety pointer comes with the notes below (reflection), not twice.
    for_you_two(safety.safety_areas(wb), pointer=False)
else:
    # Each partner's answers above stand alone; comparing waits for a need both answered.
    st.subheader(t("you_two.heading"), anchor=False)
    nothing_to_compare()
reflection("intimacy")
