"""Section 2: the needs profile. Sliders for one partner and one question at a time, the radar of
both partners always beside them, then the areas to understand ranked.

Moving a slider reruns only the fragment below (sliders, radar and the texts that follow the
answers), not the navigation and sidebar around it: that is what keeps a slider move cheap on a
server that many people share (bench/rerun_cost.py, docs/performance.md). Choosing whose answers
or which question reruns the whole page. In presentation mode the sliders are not drawn and the
radar takes the whole width."""

import streamlit as st

from emotions import analysis, charts, texts
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId
from emotions.model import IMPORTANCE_LEVELS, PARTNER_IDS, PartnerId
from ui import keep
from ui.charts import plotly_chart
from ui.profile import own_profiles
from ui.section import for_you_two, header, reflection, safe_names, small_print, table
from ui.state import band_labels, editing, lang, name, t, view, workbook
from ui.widgets import bound, choice

RATING_KINDS = ("need", "importance", "met", "guess")


def choose_answers() -> tuple[PartnerId, str]:
    """Whose answers and which question the sliders show (view state, not answers)."""
    st.markdown(t("needs.how_to"))
    who, which = st.columns([2, 3])
    with who:
        pid = choice(t("needs.who"), {p: name(p) for p in PARTNER_IDS}, "needs_who")
    with which:
        kind = choice(
            t("needs.kind"), {k: t(f"needs.kind_{k}") for k in RATING_KINDS}, "needs_kind"
        )
    return pid, kind


def sliders(pid: PartnerId, kind: str) -> None:
    """One slider per dimension, each with its two ends spelled out in its label."""
    partner = workbook().partner(pid)
    importance_labels = {level: t(f"importance.{level}") for level in IMPORTANCE_LEVELS}
    for dim in DIMENSION_IDS:
        rating = partner.ratings[dim]
        label = t(f"dim.{dim}.name")
        poles = t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high"))

        def set_value(
            value: object, pid: PartnerId = pid, dim: DimensionId = dim, kind: str = kind
        ) -> None:
            # Look the rating up when the change arrives: the workbook may have been replaced.
            setattr(workbook().partner(pid).ratings[dim], kind, value)

        key = f"{kind}__{pid}__{dim}"
        if kind == "importance":
            st.select_slider(
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
        # The two ends go into the label, in grey: a caption under each slider would cost one
        # more message to the browser per slider on every move.
        current = value if value is not None else 5
        st.slider(
            f"{label}  \n:gray[{poles}]",
            NEED_MIN,
            NEED_MAX,
            # The value in session state (bound) is what counts; given here as well, Streamlit
            # need not scan the whole session state to find out what kind of slider this is.
            value=current,
            **bound(key, current, set_value),
        )


@st.fragment
def needs_profile(pid: PartnerId, kind: str) -> None:
    """Everything that follows the answers. A slider moved reruns only this function."""
    wb = view()
    if editing():
        controls, chart = st.columns([1, 1], gap="large")
        with controls:
            sliders(pid, kind)
    else:
        chart = st.container()

    names = safe_names()
    with chart:
        st.subheader(t("needs.radar_heading"), anchor=False)
        plotly_chart(charts.radar_figure(wb, lang()), key="needs_radar")
        st.caption(t("needs.radar_caption"))
        if st.toggle(t("needs.table_toggle"), key="needs_table"):
            # table() escapes the names in headings and cells (a table renders Markdown).
            table(texts.needs_table(wb, texts.plain_names(wb, lang()), lang()))

    lines = texts.area_lines(wb, names, lang())
    unmet = texts.unmet_lines(wb, names, lang())
    # Each heading and its text in one element: every element costs a message on every move.
    caption = small_print(t("needs.areas_caption", **band_labels()))
    st.markdown(
        f"### {t('needs.areas_heading')}\n\n{caption}\n\n"
        + ("\n".join(f"1. {line}" for line in lines) if lines else t("needs.no_areas")),
        anchors=False,
    )
    st.markdown(
        f"### {t('needs.unmet_heading')}\n\n"
        + (
            "\n".join(f"- {line}" for line in unmet)
            if unmet
            else t("needs.no_unmet", met=t("needs.kind_met"))
        ),
        anchors=False,
    )

    own_profiles()
    for_you_two(analysis.top_areas(wb, 2))
    # The sidebar's "saved?" line and the copy kept in the browser are drawn by the whole run.
    keep.refresh_frame_if_stale()


header("what-it-means")
st.caption(t("needs.not_a_test"))
if editing():
    needs_profile(*choose_answers())
else:
    needs_profile("a", "need")
reflection("what-it-means")
