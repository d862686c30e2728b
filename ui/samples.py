"""Sample couples on screen: the picker in the sidebar and the banner on every page.

The frame calls ``sample_picker()`` in the sidebar and ``sample_banner()`` at the top of the page.
Loading a sample replaces the session's workbook; when the workbook holds answers of the user's
own, the picker asks first. An unchanged sample follows a language switch (``follow_language``).
Nothing here shows a partner's name: the picker and the banner are safe on a shared screen.
"""

from __future__ import annotations

import streamlit as st

from emotions import samples
from emotions.combine import workbook_is_blank
from emotions.model import Workbook
from ui.state import WORKBOOK_KEY, lang, presenting, private_turn, t, workbook

PICK_KEY = "sample_pick"
_KEEP_PICK = "_keep_sample_pick"
"""The pick is view state, kept in a shadow key: a widget's value goes when it is not drawn."""
PENDING_KEY = "_sample_pending"
"""The sample waiting for the user's "replace my answers?" answer."""


def _replace_workbook(new: Workbook) -> None:
    st.session_state[WORKBOOK_KEY] = new


def _loses_nothing(wb: Workbook) -> bool:
    """Replacing ``wb`` loses nothing of the user's: it is blank, or an unchanged sample."""
    return workbook_is_blank(wb) or samples.sample_language(wb) is not None


def _keep_pick() -> None:
    st.session_state[_KEEP_PICK] = st.session_state[PICK_KEY]
    # A question asked about another sample no longer applies.
    st.session_state.pop(PENDING_KEY, None)


def _load() -> None:
    sample_id = st.session_state[PICK_KEY]
    if _loses_nothing(workbook()):
        _replace_workbook(samples.load_sample(sample_id, lang()))
    else:
        st.session_state[PENDING_KEY] = sample_id


def _confirm() -> None:
    sample_id = st.session_state.pop(PENDING_KEY, None)
    if samples.is_sample_id(sample_id):
        _replace_workbook(samples.load_sample(sample_id, lang()))


def _cancel() -> None:
    st.session_state.pop(PENDING_KEY, None)


def follow_language() -> None:
    """If the workbook is a sample nobody has changed, show it in the language now chosen.

    The language switch changes only ``Workbook.language``; a sample's names and notes are
    written in one language, so an unchanged sample is rebuilt in the other. A changed sample
    is the user's own work and stays as it is.
    """
    wb = workbook()
    written_in = samples.sample_language(wb)
    if written_in is None or written_in == wb.language:
        return
    moved = samples.relocalise(wb, wb.language)
    if moved is not None:
        _replace_workbook(moved)
        st.rerun()  # draw the whole screen, sidebar included, from the rebuilt workbook


def sample_picker() -> None:
    """In the sidebar: a choice of sample couples and a button that loads one.

    When the workbook holds answers of the user's own, loading asks first (replace or keep).
    Like "start over", it is not offered on a shared screen or while one partner answers alone
    (a sample would replace the couple's answers, or show made-up answers of the other partner);
    an unchanged sample still follows the language there.
    """
    follow_language()
    if presenting() or private_turn():
        return
    titles = {sid: samples.title(sid, lang()) for sid in samples.SAMPLE_IDS}
    current = workbook().sample
    default = current if samples.is_sample_id(current) else samples.SAMPLE_IDS[0]
    st.session_state[PICK_KEY] = st.session_state.get(_KEEP_PICK, default)
    pending = st.session_state.get(PENDING_KEY)
    with st.sidebar.expander(t("samples.heading"), expanded=pending is not None):
        st.caption(t("samples.intro"))
        picked = st.selectbox(
            t("samples.choose"),
            list(titles),
            format_func=titles.__getitem__,
            key=PICK_KEY,
            on_change=_keep_pick,
        )
        st.caption(samples.about(picked, lang()))
        if pending is None:
            st.button(t("samples.load"), key="sample_load", on_click=_load, width="stretch")
            return
        st.warning(t("samples.confirm", page=t("nav.workbook")))
        st.button(
            t("samples.replace"),
            key="sample_replace",
            type="primary",
            on_click=_confirm,
            width="stretch",
        )
        st.button(t("samples.keep"), key="sample_keep", on_click=_cancel, width="stretch")


def sample_banner() -> None:
    """On the main area: a calm notice that the couple on screen is made up (while it is)."""
    sample_id = workbook().sample
    if sample_id is None:
        return
    if samples.is_sample_id(sample_id):
        st.info(t("samples.banner", title=samples.title(sample_id, lang())))
    else:
        # A sample from another version of the app: still made up, just without a title here.
        st.info(t("samples.banner_other"))


__all__ = ["follow_language", "sample_banner", "sample_picker"]
