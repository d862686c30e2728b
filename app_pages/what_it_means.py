"""Section 2: the needs profile. The questions of one partner and one kind at a time (each a row
of segments, nothing chosen until answered), the radar of both partners always beside them, then
the areas to understand ranked.

Layout (issue 16): the exercise comes first. Under the heading the radar (left) and, beside it, the
choice of whose answers and which question, then the questions (right), so both are in the
first screen at 1366 x 900; on a phone the columns stack and the radar comes before the questions.
The section's explanation follows the exercise's texts, folded (``ui.section.explanation``).

Answering reruns only the fragment below (questions, radar and the texts that follow the
answers), not the navigation and sidebar around it: that is what keeps an answer cheap on a
server that many people share (bench/rerun_cost.py, docs/performance.md). Choosing whose answers
or which question reruns the fragment too (the two choices sit in it, above the questions). In
presentation mode the questions are not drawn and the radar takes the whole width."""

import streamlit as st

from emotions import analysis, chart_text, charts, texts
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import IMPORTANCE_LEVELS, PARTNER_IDS, PartnerId
from ui import keep
from ui.charts import chart_sentence, plotly_chart
from ui.frame import answer_progress_again
from ui.profile import own_profiles
from ui.section import (
    explanation,
    for_you_two,
    header,
    radar_caption,
    reflection,
    safe_names,
    small_print,
    table,
)
from ui.state import band_labels, editing, lang, name, t, view, workbook
from ui.widgets import answer, choice

RATING_KINDS = ("need", "importance", "met", "guess")


def choose_answers() -> tuple[PartnerId, str]:
    """Whose answers and which question are shown (view state, not answers), one above the
    other at the head of the questions' column."""
    pid = choice(t("needs.who"), {p: name(p) for p in PARTNER_IDS}, "needs_who")
    kind = choice(t("needs.kind"), {k: t(f"needs.kind_{k}") for k in RATING_KINDS}, "needs_kind")
    return pid, kind


def questions(pid: PartnerId, kind: str) -> None:
    """One question per dimension: a row of segments 0-10 (or the importance levels), the
    scale's two ends on a second line. Nothing is chosen until the partner answers."""
    partner = workbook().partner(pid)
    answered = sum(getattr(partner.ratings[dim], kind) is not None for dim in DIMENSION_IDS)
    # How to answer and the count in one element (every element is a message on every answer).
    count = t("answer_ui.count_line", name=name(pid), answered=answered, total=len(DIMENSION_IDS))
    st.markdown(
        t("answer_ui.needs_how_to") + "\n\n" + small_print(count + " " + t("answer.how_to"))
    )
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
            answer(
                label,
                key,
                rating.importance,
                set_value,
                options=IMPORTANCE_LEVELS,
                format_func=importance_labels.__getitem__,
                detail=poles,
            )
        else:
            answer(label, key, getattr(rating, kind), set_value, detail=poles)


@st.fragment
def needs_profile() -> None:
    """Everything that follows the answers. An answer given, or another partner or question
    chosen, reruns only this function."""
    wb = view()
    if editing():
        # The radar first: side by side on a wide screen, above the questions on a phone. Whose
        # answers and which question head the questions' column, so nothing but the heading
        # stands above the radar.
        chart, controls = st.columns([1, 1], gap="large")
        with controls:
            questions(*choose_answers())
    else:
        chart = st.container()

    names = safe_names()
    with chart:
        st.subheader(t("needs.radar_heading"), anchor=False)
        plotly_chart(charts.radar_figure(wb, lang()), key="needs_radar")
        chart_sentence(chart_text.radar(wb, names, lang()))
        radar_caption(wb)
        if st.toggle(t("needs.table_toggle"), key="needs_table"):
            # table() escapes the names in headings and cells (a table renders Markdown).
            table(texts.needs_table(wb, texts.plain_names(wb, lang()), lang()))

    lines = texts.area_lines(wb, names, lang())
    unmet = texts.unmet_lines(wb, names, lang())
    # Each heading and its text in one element: every element costs a message on every move.
    caption = small_print(t("needs.areas_caption", **band_labels()))
    st.markdown(
        f"### {t('needs.areas_heading')}\n\n{caption}\n\n"
        + (
            "\n".join(f"1. {line}" for line in lines)
            if lines
            else t("answer_ui.no_areas")
            if analysis.can_compare(wb)
            # The full "nothing to compare" line and its next steps come once, further down.
            else t("answer_ui.no_shared_areas")
        ),
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
    # The sidebar's answer counts follow an answer without a whole run (every run: see there).
    answer_progress_again()
    # The sidebar's "saved?" line and the copy kept in the browser are drawn by the whole run.
    keep.refresh_frame_if_stale()


header("what-it-means", body=False)
st.caption(t("needs.not_a_test"))
needs_profile()
# Outside the fragment: an answer does not send it again (two messages fewer per answer).
explanation("what-it-means")
reflection("what-it-means")
