"""Section 1: how the workbook works, optional names, together or separately, privacy.

In presentation mode the names and the choice of mode are not drawn: the page shows how the
workbook works, the chosen way of using it, and the privacy note.
"""

import streamlit as st

from emotions.exercises.limits import max_length
from emotions.model import PARTNER_IDS, Mode, Partner, PartnerId
from ui.section import header, reflection
from ui.state import editing, partner_labels, t, view, workbook
from ui.widgets import Setter, bound

STEPS = (
    "intro.step_order",
    "intro.step_sliders",
    "intro.step_radar",
    "intro.step_notes",
    "intro.step_nothing_stored",
)
MODES = ("together", "separate")


def set_name(pid: PartnerId) -> Setter[str]:
    def setter(value: str) -> None:
        # The sidebar edits the same field (keys name__a / name__b): both show the model's value.
        workbook().partner(pid).name = value.strip()

    return setter


def set_mode(value: Mode) -> None:
    workbook().mode = value


wb = view()
header("introduction")

st.subheader(t("intro.how_heading"), anchor=False)
st.markdown("\n".join(f"{number}. {t(key)}" for number, key in enumerate(STEPS, 1)))

if editing():
    answers = workbook()
    st.subheader(t("names.heading"), anchor=False)
    st.caption(t("intro.names_caption", **partner_labels()))
    for pid, column in zip(PARTNER_IDS, st.columns(2), strict=True):
        column.text_input(
            t(f"names.{pid}_label"),
            max_chars=max_length(Partner, "name"),
            **bound(
                f"intro_name__{pid}",
                answers.partners[pid].name if pid in answers.partners else "",
                set_name(pid),
            ),
        )

st.subheader(t("intro.mode_heading"), anchor=False)
mode: str | None = wb.mode
if editing():
    mode_labels = {"together": t("intro.mode_together"), "separate": t("intro.mode_separate")}
    mode = st.radio(
        t("intro.mode_label"),
        MODES,
        format_func=mode_labels.__getitem__,
        captions=[t("intro.mode_together_help"), t("intro.mode_separate_help")],
        **bound("intro_mode", workbook().mode, set_mode),
    )
st.info(t("intro.separate_steps") if mode == "separate" else t("intro.together_steps"))

st.subheader(t("intro.privacy_heading"), anchor=False)
st.markdown(f"{t('intro.privacy_body')}\n\n{t('intro.not_therapy')}")
st.page_link("app_pages/about.py", label=t("frame.safety_link"), icon="🛟")

reflection("introduction")
