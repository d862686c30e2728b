"""Section 2: the needs profile. Sliders for one partner and one question at a time, the radar of
both partners always beside them, then the areas to understand ranked.

In presentation mode the sliders are not drawn and the radar takes the whole width."""

import streamlit as st

from emotions import analysis, charts, texts
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN
from emotions.model import IMPORTANCE_LEVELS, PARTNER_IDS
from ui.section import for_you_two, header, reflection, safe_names
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import bound, choice

RATING_KINDS = ("need", "importance", "met", "guess")


def answer_controls() -> None:
    """Whose answers and which question, then one slider per dimension."""
    st.markdown(t("needs.how_to"))
    pid = choice(t("needs.who"), {p: name(p) for p in PARTNER_IDS}, "needs_who")
    kind = choice(t("needs.kind"), {k: t(f"needs.kind_{k}") for k in RATING_KINDS}, "needs_kind")
    partner = workbook().partner(pid)
    importance_labels = {level: t(f"importance.{level}") for level in IMPORTANCE_LEVELS}
    # Two sliders a row keeps all eight beside the radar; rows keep the order on a phone.
    cells = [cell for _ in range(len(DIMENSION_IDS) // 2) for cell in st.columns(2)]
    for dim, cell in zip(DIMENSION_IDS, cells, strict=True):
        rating = partner.ratings[dim]
        label = t(f"dim.{dim}.name")
        poles = t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high"))

        def set_value(value: object, pid=pid, dim=dim, kind=kind) -> None:  # type: ignore[no-untyped-def]
            # Look the rating up when the change arrives: the workbook may have been replaced.
            setattr(workbook().partner(pid).ratings[dim], kind, value)

        key = f"{kind}__{pid}__{dim}"
        if kind == "importance":
            cell.select_slider(
                label,
                IMPORTANCE_LEVELS,
                format_func=importance_labels.__getitem__,
                help=poles,
                **bound(key, rating.importance, set_value),
            )
            continue
        value = getattr(rating, kind)
        if value is None:
            label = f"{label} · _{t('needs.not_rated')}_"
        cell.slider(
            label,
            NEED_MIN,
            NEED_MAX,
            **bound(key, value if value is not None else 5, set_value),
        )
        cell.caption(poles)


wb = view()
header("what-it-means")
st.caption(t("needs.not_a_test"))

if editing():
    controls, chart = st.columns([1, 1], gap="large")
    with controls:
        answer_controls()
else:
    chart = st.container()

with chart:
    st.subheader(t("needs.radar_heading"), anchor=False)
    st.plotly_chart(
        charts.radar_figure(wb, lang()),
        key="needs_radar",
        config={"displayModeBar": False},
        width="stretch",
    )
    st.caption(t("needs.radar_caption"))
    # Table headings and cells are rendered as Markdown too: names go in escaped.
    names = safe_names()
    if st.toggle(t("needs.table_toggle"), key="needs_table"):
        st.table(texts.needs_table(wb, names, lang()))

st.subheader(t("needs.areas_heading"), anchor=False)
st.caption(t("needs.areas_caption"))
lines = texts.area_lines(wb, names, lang())
st.markdown("\n".join(f"1. {line}" for line in lines) if lines else t("needs.no_areas"))

st.subheader(t("needs.unmet_heading"), anchor=False)
unmet = texts.unmet_lines(wb, names, lang())
st.markdown("\n".join(f"- {line}" for line in unmet) if unmet else t("needs.no_unmet"))

for_you_two(analysis.top_areas(wb, 2))
reflection("what-it-means")
