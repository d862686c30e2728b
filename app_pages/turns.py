"""Pass and play: each partner answers the needs questions alone on this device, the device is
handed over with nothing of the first answers on screen, then both answers are revealed together.

While a turn is private the entrypoint offers only this page and the safety page, and every
value drawn here comes from ``view()``, which holds the answering partner's answers only. Leaving
the flow before the reveal takes two steps: "Stop answering in turns" first says what it opens.
"""

import streamlit as st

from emotions import chart_text, charts
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.model import IMPORTANCE_LEVELS, Importance, PartnerId
from emotions.turns import NEXT_STAGE, Stage, answering
from ui.charts import chart_sentence, plotly_chart
from ui.section import radar_caption, safe_names, safety_pointer
from ui.state import PRESENTING_KEY, TURN_KEY, lang, name, presenting, t, turn_stage, view, workbook
from ui.widgets import answer

# View state: the stop button was pressed and waits for its confirmation. (A comment, not a
# string: Streamlit's magic would write a bare string in a page script onto the page.)
STOP_ASKED = "_turns_stop_asked"


def go_to(stage: Stage | None) -> None:
    """Move the flow on (None leaves it); the entrypoint redraws the navigation to match."""
    st.session_state.pop(STOP_ASKED, None)  # a question asked at one step ends with it
    if stage is None:
        st.session_state.pop(TURN_KEY, None)
    else:
        st.session_state[TURN_KEY] = stage


def begin() -> None:
    # Answering needs the questions, which a shared screen hides: presentation mode goes off.
    st.session_state[PRESENTING_KEY] = False
    go_to("a")


def ask_to_stop() -> None:
    st.session_state[STOP_ASKED] = True


def keep_going() -> None:
    st.session_state.pop(STOP_ASKED, None)


def stop_button() -> None:
    """Leaving before the reveal opens every page, with both partners' answers, to whoever
    holds the device: a second step says so and asks first."""
    if not st.session_state.get(STOP_ASKED):
        st.button(
            t("turns.stop"), key="turns_stop", help=t("turns.stop_help"), on_click=ask_to_stop
        )
        return
    with st.container(border=True, key="turns_stop_question"):
        st.warning(t("turns_confirm.question"))
        st.markdown(t("turns_confirm.what_shows"))
        confirm, cancel = st.columns(2)
        confirm.button(
            t("turns_confirm.confirm"),
            key="turns_stop_confirm",
            on_click=go_to,
            args=(None,),
            width="stretch",
        )
        cancel.button(
            t("turns_confirm.cancel"),
            key="turns_stop_cancel",
            type="primary",
            on_click=keep_going,
            width="stretch",
        )


def answers(pid: PartnerId) -> None:
    """Every need and how much it matters, for ``pid`` alone; nothing chosen until answered."""
    partner = view().partner(pid)  # a copy during a turn: a missing partner is not added
    importance_labels = {level: t(f"importance.{level}") for level in IMPORTANCE_LEVELS}
    answered = sum(
        value is not None
        for rating in partner.ratings.values()
        for value in (rating.need, rating.importance)
    )
    st.caption(
        t("answer_ui.count_line", name=name(pid), answered=answered, total=2 * len(DIMENSION_IDS))
        + " "
        + t("answer.how_to")
    )
    for dim in DIMENSION_IDS:
        rating = partner.ratings[dim]

        def set_need(value: int | None, dim: DimensionId = dim) -> None:
            # Look the rating up when the change arrives: the workbook may have been replaced.
            workbook().partner(pid).ratings[dim].need = value

        def set_importance(value: Importance | None, dim: DimensionId = dim) -> None:
            workbook().partner(pid).ratings[dim].importance = value

        need_cell, importance_cell = st.columns([3, 2], vertical_alignment="bottom")
        with need_cell:
            answer(
                t(f"dim.{dim}.name"),
                f"turns__{pid}__{dim}",
                rating.need,
                set_need,
                detail=t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high")),
            )
        with importance_cell:
            answer(
                t("turns.importance_label"),
                f"turns_importance__{pid}__{dim}",
                rating.importance,
                set_importance,
                options=IMPORTANCE_LEVELS,
                format_func=importance_labels.__getitem__,
            )


stage = turn_stage()
st.title(t("turns.heading"), anchor=False)

if stage is None:
    st.markdown(t("turns.intro"))
    st.markdown(t("turns.steps"))
    st.caption(t("turns.names_hint", names=t("names.heading")))
    st.button(t("turns.start", name=name("a")), key="turns_start", type="primary", on_click=begin)

elif stage in ("a", "b"):
    pid = answering(stage)
    assert pid is not None
    st.caption(t("turns.private_caption"))
    st.header(t("turns.turn_heading", name=name(pid)), anchor=False)
    st.markdown(t("turns.turn_intro"))
    answers(pid)
    st.button(
        t("turns.done_a" if stage == "a" else "turns.done_b"),
        key=f"turns_done_{stage}",
        type="primary",
        on_click=go_to,
        args=(NEXT_STAGE[stage],),
    )
    stop_button()

elif stage == "handover":
    # Nothing of the first answers: only whom to give the device to.
    st.caption(t("turns.private_caption"))
    st.header(t("turns.handover_heading", name=name("b")), anchor=False)
    st.markdown(t("turns.handover_body"))
    st.button(
        t("turns.handover_start", name=name("b")),
        key="turns_start_b",
        type="primary",
        on_click=go_to,
        args=("b",),
    )
    stop_button()
    safety_pointer()

else:  # the reveal
    st.header(t("turns.reveal_heading"), anchor=False)
    st.markdown(t("turns.reveal_intro"))
    plotly_chart(charts.radar_figure(view(), lang(), anonymous=presenting()), key="turns_radar")
    chart_sentence(chart_text.radar(view(), safe_names(), lang()))
    radar_caption(view())
    st.page_link("app_pages/what_it_means.py", label=t("turns.reveal_link"), icon="🧭")
    st.button(t("turns.finish"), key="turns_finish", on_click=go_to, args=(None,))
