"""Section 12: the small-moments planner. Each partner picks moments of presence, validation and
curiosity; the page shows the shared picks, each one's picks, and how they meet the top areas.
In presentation mode the checklist is not drawn: the picks are shown below it."""

import streamlit as st

from emotions import analysis
from emotions.exercises import moments
from emotions.model import PARTNER_IDS, PartnerId
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import Setter, bound, choice


def _setter(pid: PartnerId, moment_id: str) -> Setter[bool]:
    def set_picked(on: bool) -> None:
        # Look the partner up when the change arrives: the workbook may have been replaced.
        partner = workbook().partner(pid)
        partner.small_moments = moments.toggled(partner.small_moments, moment_id, bool(on))

    return set_picked


def bullets(ids: list[str]) -> str:
    return "\n".join(f"- {moments.moment_text(mid, lang())}" for mid in ids)


wb = view()
names = safe_names()
header("shared-meaning")

st.subheader(t("moments.heading"), anchor=False)
st.markdown(t("moments.how"))
if editing():
    pid = choice(t("moments.who"), {p: name(p) for p in PARTNER_IDS}, "moments_who")
    picked = set(wb.partner(pid).small_moments)
    for group in moments.GROUPS:
        group_name, about = moments.group_text(group, lang())
        st.markdown(f"**{group_name}**")
        st.caption(about)
        for mid in moments.in_group(group):
            st.checkbox(
                moments.moment_text(mid, lang()),
                **bound(f"moments__{pid}__{mid}", mid in picked, _setter(pid, mid)),
            )

st.subheader(t("moments.shared_heading"), anchor=False)
both = moments.shared(wb)
st.markdown(bullets(both) if both else t("moments.shared_none"))

st.subheader(t("moments.picks_heading"), anchor=False)
for p in PARTNER_IDS:
    mine = moments.picks(wb, p)
    if mine:
        st.markdown(t("moments.picks_of", name=names.of(p)) + "\n\n" + bullets(mine))
    else:
        st.markdown(t("moments.picks_none", name=names.of(p)))

st.subheader(t("moments.areas_heading"), anchor=False)
compared = analysis.can_compare(wb)
sentences = moments.summary(wb, names, lang())
if not compared:
    nothing_to_compare()  # the areas are drawn from needs both partners answered
elif sentences:
    st.markdown("  \n".join(sentences))
    for block in moments.area_blocks(wb, names, lang()):
        st.markdown(block)
    st.caption(t("moments.areas_caption"))
else:
    st.markdown(t("moments.no_areas"))

if compared:  # otherwise the line above already says there is nothing to compare
    for_you_two(analysis.top_areas(wb, 2), keys=("opener",))
reflection("shared-meaning")
