"""Section 4: feelings about feelings. Each partner's emotion x belief grid (one partner at a time),
a heatmap of each grid, a map of where the two differ, and what the differences may mean.
In presentation mode the grid of answers is not drawn; the heatmaps and what they mean remain."""

import streamlit as st

from emotions import chart_text, texts
from emotions.analysis import can_compare
from emotions.exercises import meta_emotion as meta
from emotions.model import BELIEFS, EMOTIONS, PARTNER_IDS, Belief, Emotion, PartnerId
from ui.charts import described_chart
from ui.section import header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import bound, choice

AGREEMENTS = list(range(meta.AGREEMENT_MIN, meta.AGREEMENT_MAX + 1))


def answer_grid() -> None:
    """Whose answers, then one five-button scale per emotion and belief."""
    st.markdown(t("meta.how_to"))
    pid = choice(t("meta.who"), {p: name(p) for p in PARTNER_IDS}, "meta_who")
    partner = workbook().partner(pid)
    st.caption(
        f"{t('meta.scale')}  \n"
        + t("meta.answered", count=meta.answered(partner), total=meta.CELLS)
    )
    belief_labels = {b: meta.belief_label(b, lang()) for b in BELIEFS}
    for emotion in EMOTIONS:
        st.markdown(f"**{meta.emotion_label(emotion, lang())}**")
        # Two beliefs a row: four five-button scales do not fit side by side in the main column.
        cells = [cell for _ in range(len(BELIEFS) // 2) for cell in st.columns(2)]
        for belief, cell in zip(BELIEFS, cells, strict=True):

            def set_cell(
                value: int | None,
                pid: PartnerId = pid,
                emotion: Emotion = emotion,
                belief: Belief = belief,
            ) -> None:
                # Look the partner up when the change arrives: the workbook may have been replaced.
                meta.set_agreement(workbook().partner(pid), emotion, belief, value)

            cell.segmented_control(
                belief_labels[belief],
                AGREEMENTS,
                **bound(
                    f"meta__{pid}__{emotion}__{belief}",
                    meta.agreement(partner, emotion, belief),
                    set_cell,
                ),
            )


wb = view()
header("meta-emotion")
st.caption(t("needs.not_a_test"))
if editing():
    answer_grid()

plain = texts.plain_names(wb, lang())
names = safe_names()
st.subheader(t("meta.grids_heading"), anchor=False)
show_tables = st.toggle(t("meta.table_toggle"), key="meta_tables")
# A workbook may hold no partner at all (a file) and presentation mode does not add one.
columns = st.columns(len(wb.partners)) if wb.partners else []
for grid_pid, column in zip(wb.partners, columns, strict=True):
    with column:
        st.markdown(f"**{names.of(grid_pid)}**")
        described_chart(
            meta.grid_figure(wb, grid_pid, lang()),
            f"meta_grid_{grid_pid}",
            chart_text.meta_grid(wb, grid_pid, names, lang()),
        )
        if show_tables:
            table(meta.grid_table(wb, grid_pid, lang()))
if any(meta.answered(partner) for partner in wb.partners.values()):
    st.caption(t("meta.grids_caption"))

compared = meta.cell_differences(wb)
areas = meta.value_area(wb)
st.subheader(t("meta.diff_heading"), anchor=False)
if not compared and not can_compare(wb):
    # No cell and no need answered by both: said once for the page, with the next steps.
    nothing_to_compare()
elif not compared:
    st.markdown(t("meta.not_yet"))
else:
    described_chart(
        meta.difference_figure(wb, lang()),
        "meta_difference",
        chart_text.meta_difference(wb, names, lang()),
    )
    st.caption(t("meta.diff_caption"))
    cells = meta.disagreements(wb)
    if cells:
        lines = [meta.disagreement_line(c, names, lang()) for c in cells]
        st.markdown(t("meta.diff_list") + "\n\n" + "\n".join(f"- {line}" for line in lines))
        if show_tables:
            table(meta.disagreement_table(wb, plain, lang()))
    else:
        st.markdown(t("meta.no_diff"))

if compared or can_compare(wb):
    st.subheader(t("you_two.heading"), anchor=False)
    lines = meta.you_two_lines(wb, names, lang())
    if not lines and not areas:
        st.markdown(t("meta.you_two_empty"))
    for line in lines:
        st.markdown(line)
    for area in areas:
        title = texts.area_title(area, lang())
        directions = texts.directions(area, names, lang())
        keys = ("higher_may_read", "lower_may_experience", "opener")
        st.markdown(f"**{title}**\n\n" + "\n".join(f"- {directions[k]}" for k in keys))
    if lines or areas:
        st.caption(t("you_two.caption"))

reflection("meta-emotion")
