"""Section 3: the style map. Two questions per partner (the same needs answers as section 2) place
both partners on processing x pace under tension; below it, the misreadings their positions
invite. In presentation mode the questions are not drawn and the map takes the whole width."""

import streamlit as st

from emotions import chart_text, texts
from emotions.analysis import can_compare
from emotions.dimensions import DimensionId
from emotions.exercises import styles
from emotions.model import PARTNER_IDS, PartnerId
from ui.charts import chart_sentence, plotly_chart
from ui.section import for_you_two, header, nothing_to_compare, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import answer, choice

wb = view()
header("emotional-styles")

if editing():
    controls, chart = st.columns([2, 3], gap="large")
    with controls:
        st.markdown(t("answer_ui.styles_how_to"))
        st.caption(t("answer.how_to"))
        pid = choice(t("styles.who"), {p: name(p) for p in PARTNER_IDS}, "styles_who")
        for dim in styles.AXES:

            def set_need(value: int | None, pid: PartnerId = pid, dim: DimensionId = dim) -> None:
                # Look the rating up when the change arrives: the workbook may have been replaced.
                workbook().partner(pid).ratings[dim].need = value

            answer(
                t(f"dim.{dim}.name"),
                f"styles__{pid}__{dim}",
                workbook().partner(pid).ratings[dim].need,
                set_need,
                detail=t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high")),
            )
else:
    chart = st.container()

names = safe_names()
with chart:
    st.subheader(t("styles.map_heading"), anchor=False)
    # Drawn even with no point yet: its four corners name the styles the points will fall in.
    plotly_chart(styles.style_map_figure(wb, lang()), key="styles_map")
    chart_sentence(chart_text.style_map(wb, names, lang()))
    st.caption(styles.map_caption(lang()))
    # A point only for a partner who answered both needs; a line for each one who did not.
    st.markdown(
        "\n".join(
            [f"- {styles.position_line(p, names, lang())}" for p in styles.positions(wb)]
            + [f"- {styles.unplaced_line(p, names, lang())}" for p in styles.unplaced(wb)]
        )
    )
    if st.toggle(t("styles.table_toggle"), key="styles_table"):
        # Names as typed (none from the view when presenting): table() escapes them.
        table(styles.position_table(wb, texts.plain_names(wb, lang()), lang()))

st.subheader(t("styles.misreadings_heading"), anchor=False)
misreadings = styles.misreadings(wb, names, lang())
comparable = can_compare(wb)
if misreadings:
    st.markdown("\n".join(f"- {line}" for line in misreadings))
    st.caption(t("styles.misreadings_caption"))
elif comparable:
    st.markdown(styles.not_shared_line(lang()))
else:
    # Nothing answered by both on this page: said once, here, with the next steps.
    nothing_to_compare()

if comparable:
    # The misreadings are above; here only what each could try and a way to open the talk.
    for_you_two(
        styles.style_areas(wb, 2),
        keys=("higher_could_try", "lower_could_try", "opener"),
    )
reflection("emotional-styles")
