"""Section 9: the small-adjustments planner. Ideas for each partner's side of the top areas;
each partner keeps up to three, and both lists are shown together. In presentation mode the ideas
are a plain list: nothing can be ticked."""

from collections.abc import Iterable

import streamlit as st

from emotions import analysis
from emotions.exercises import adjustments
from emotions.model import PARTNER_IDS, PartnerId
from emotions.texts import Names
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import Setter, bound, choice


def _setter(pid: PartnerId, tag: str) -> Setter[bool]:
    def set_chosen(on: bool) -> None:
        # Look the partner up when the change arrives: the workbook may have been replaced.
        partner = workbook().partner(pid)
        partner.adjustments = adjustments.toggled(partner.adjustments, tag, bool(on))

    return set_chosen


def idea_boxes(pid: PartnerId, tags: Iterable[str], chosen: list[str], names: Names) -> None:
    """Ideas as checkboxes; once three are chosen, the others wait. Presenting: a plain list."""
    full = len(chosen) >= adjustments.MAX_CHOSEN
    other = names.of(analysis.other(pid))
    labels = {tag: adjustments.adjustment_text(tag, lang(), other) for tag in tags}
    if not editing():
        st.markdown("\n".join(f"- {label}" for label in labels.values()))
        return
    for tag, label in labels.items():
        st.checkbox(
            label,
            disabled=full and tag not in chosen,
            **bound(f"adjust__{pid}__{tag}", tag in chosen, _setter(pid, tag)),
        )


wb = view()
names = safe_names()
header("maintaining-connection")

st.subheader(t("adjust.heading"), anchor=False)
st.markdown(t("adjust.how"))
pid = choice(t("adjust.who"), {p: name(p) for p in PARTNER_IDS}, "adjust_who")
chosen = adjustments.known(wb.partner(pid).adjustments)
full = len(chosen) >= adjustments.MAX_CHOSEN
ideas = adjustments.ideas_for(wb, pid)

compared = analysis.can_compare(wb)
if not compared:
    nothing_to_compare()  # ideas are drawn from needs both partners answered
elif not ideas:
    st.info(t("compare_b.same_where_shared", count=len(analysis.shared_dimensions(wb))))
for idea in ideas:
    st.markdown(adjustments.position_line(idea.area, pid, names, lang()))
    idea_boxes(pid, idea.ids, chosen, names)
earlier = adjustments.earlier_choices(chosen, ideas)
if earlier:
    st.markdown(t("adjust.earlier"))
    idea_boxes(pid, earlier, chosen, names)
if full and editing():  # the message says how to choose another: not for a shared screen
    st.info(t("adjust.full", name=names.of(pid)))
else:
    st.caption(t("adjust.count", name=names.of(pid), count=len(chosen), max=adjustments.MAX_CHOSEN))

st.subheader(t("adjust.chosen_heading"), anchor=False)
for p in PARTNER_IDS:
    lines = adjustments.chosen_texts(wb, p, names, lang())
    if lines:
        st.markdown(
            t("adjust.chosen_of", name=names.of(p)) + "\n\n" + "\n".join(f"- {x}" for x in lines)
        )
    else:
        st.markdown(t("adjust.chosen_none", name=names.of(p)))
st.caption(t("adjust.caption"))

if compared:  # otherwise the line above already says there is nothing to compare
    # The safety pointer comes with the notes below (reflection), not twice.
    for_you_two(
        analysis.top_areas(wb, 2), keys=("higher_could_try", "lower_could_try"), pointer=False
    )
reflection("maintaining-connection")
