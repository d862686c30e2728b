"""Workshop room, the facilitator's side: open a room, show its code and QR code, the room's
live spread on each dimension (nothing until enough people have contributed), close and erase.

Never reads the couple's workbook: only the language. Fine to show in presentation mode."""

from __future__ import annotations

import streamlit as st

from ui import rooms as r
from ui.state import lang, t

CONFIRM_KEY = "_room_close_asked"
KEY_SEEN = "_room_key_seen"
NOTICE_KEY = "_room_host_notice"


def _open() -> None:
    new = r.rooms().create()
    st.session_state[r.HOST_KEY] = (new.code, new.facilitator_key)
    st.session_state.pop(KEY_SEEN, None)
    st.session_state.pop(CONFIRM_KEY, None)


def _forget(notice: str | None = None) -> None:
    for key in (r.HOST_KEY, KEY_SEEN, CONFIRM_KEY):
        st.session_state.pop(key, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _close(code: str, key: str) -> None:
    try:
        r.rooms().close(code, key)
    except r.RoomError as error:
        if getattr(error, "code", "") == "bad_key":
            st.session_state[NOTICE_KEY] = "rooms.error_bad_key"
            return
    _forget("rooms.closed_done")


def _close_elsewhere() -> None:
    code = r.clean_code(st.session_state.get("room_other_code", ""))
    key = st.session_state.get("room_other_key", "").strip()
    limiter = r.limiter()
    sid = r.session_id()
    if not limiter.allow(sid):
        st.session_state[NOTICE_KEY] = "rooms.error_rate_limited"
        return
    try:
        r.rooms().close(code, key)
    except r.RoomError as error:
        limiter.record_failure(sid)
        st.session_state[NOTICE_KEY] = (
            "rooms.error_bad_key"
            if getattr(error, "code", "") == "bad_key"
            else "rooms.error_not_found"
        )
        return
    st.session_state[NOTICE_KEY] = "rooms.closed_done"


@st.fragment(run_every=3)
def live_view(code: str) -> None:
    """The room's spread, read again every few seconds."""
    try:
        picture = r.rooms().picture(code)
    except r.RoomError:
        st.warning(t("rooms.host_gone"))
        return
    st.markdown(
        f"### {t('rooms.contributions', count=picture.contributions)}",
    )
    if not picture.shown:
        st.info(t("rooms.waiting", n=r.MIN_SHOWN - picture.contributions))
        return
    r.draw_spread(picture, lang(), key="room_spread", height=340)
    st.caption(t("rooms.spread_caption"))


st.title(t("rooms.host_title"), anchor=False)
notice = st.session_state.pop(NOTICE_KEY, None)
if notice:
    st.info(t(notice))

host = st.session_state.get(r.HOST_KEY)
if host is not None and not r.rooms().exists(host[0]):
    _forget()
    st.warning(t("rooms.host_gone"))
    host = None

if host is None:
    st.markdown(t("rooms.host_intro"))
    st.button(t("rooms.open"), key="room_open", type="primary", on_click=_open)
    with st.expander(t("rooms.other_heading")):
        st.text_input(t("rooms.code_label"), key="room_other_code", max_chars=16)
        st.text_input(t("rooms.key_label"), key="room_other_key", type="password")
        st.button(t("rooms.close"), key="room_other_close", on_click=_close_elsewhere)
    st.stop()

code, facilitator_key = host
url = r.join_url(code)
left, right = st.columns([3, 2], gap="large")
with left:
    st.markdown(t("rooms.host_code_intro"))
    st.markdown(
        # Two groups of four read out more easily; spaces are ignored when the code is typed.
        f'<div class="room-code" style="font-size:clamp(2.5rem,5.5vw,6.5rem);font-weight:700;'
        f'letter-spacing:0.08em;font-family:monospace;line-height:1.1;white-space:nowrap">'
        f"{code[:4]}&nbsp;{code[4:]}</div>",
        unsafe_allow_html=True,
    )
    st.markdown(t("rooms.host_url", url=url))
with right:
    st.image(r.qr_png(url), caption=t("rooms.qr_caption"), width=320)

if not st.session_state.get(KEY_SEEN):
    # Folded, since this screen is often the one on the projector: whoever sees the key can
    # close the room.
    with st.container(border=True, key="room_key_box"):
        st.warning(t("rooms.key_note"))
        with st.expander(t("rooms.key_show")):
            st.code(facilitator_key, language=None)
        if st.button(t("rooms.key_hide"), key="room_key_hide"):
            st.session_state[KEY_SEEN] = True
            st.rerun()

live_view(code)

st.divider()
if st.session_state.get(CONFIRM_KEY):
    st.warning(t("rooms.close_confirm"))
    yes, no = st.columns(2)
    yes.button(
        t("rooms.close_yes"),
        key="room_close_yes",
        type="primary",
        on_click=_close,
        args=(code, facilitator_key),
    )
    if no.button(t("rooms.close_no"), key="room_close_no"):
        st.session_state.pop(CONFIRM_KEY, None)
        st.rerun()
elif st.button(t("rooms.close"), key="room_close"):
    st.session_state[CONFIRM_KEY] = True
    st.rerun()
