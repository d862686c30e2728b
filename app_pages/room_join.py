"""Workshop room, the participant's side: join with a code, place oneself on the needs one
chooses to (each stays unset until set; an unset one is not sent), send, change, withdraw; then
see where one sits within the room.

Only the positions leave this page, with a random token of this session (no name, no text,
no partner). The couple's workbook is never read here, so nothing of it can leak."""

from __future__ import annotations

import streamlit as st

from emotions.dimensions import DIMENSION_IDS
from ui import layout
from ui import rooms as r
from ui.state import lang, t

CODE_KEY = "room_join_code"
NOTICE_KEY = "_room_join_notice"
PREFILLED = "_room_join_prefilled"
CALM_NOTICES = ("rooms.sent", "rooms.withdrawn")
INFO_NOTICES = ("combine_rooms.nothing_set",)


def _leave(notice: str | None = None) -> None:
    st.session_state.pop(r.JOINED_KEY, None)
    for dim in DIMENSION_IDS:
        st.session_state.pop(r.position_key(dim), None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _join() -> None:
    code = r.clean_code(st.session_state.get(CODE_KEY, ""))
    limiter, sid = r.limiter(), r.session_id()
    if not limiter.allow(sid):
        st.session_state[NOTICE_KEY] = "rooms.error_rate_limited"
        return
    if not code or not r.rooms().exists(code):
        limiter.record_failure(sid)
        st.session_state[NOTICE_KEY] = "rooms.error_not_found"
        return
    st.session_state[r.JOINED_KEY] = code
    mine = r.rooms().position_of(code, r.token()) or {}
    for dim in DIMENSION_IDS:
        st.session_state[r.position_key(dim)] = mine.get(dim)  # None: not set


def _send(code: str) -> None:
    needs = r.chosen_positions()
    if not needs:  # nothing set: nothing to send, and nothing stands in for it
        st.session_state[NOTICE_KEY] = "combine_rooms.nothing_set"
        return
    try:
        r.rooms().contribute(code, r.token(), needs)
    except r.RoomError as error:
        if getattr(error, "code", "") in ("not_found", "closed"):
            _leave("rooms.room_closed")
        else:
            st.session_state[NOTICE_KEY] = "combine_rooms.error_invalid"
        return
    st.session_state[NOTICE_KEY] = "rooms.sent"


def _withdraw(code: str) -> None:
    try:
        r.rooms().withdraw(code, r.token())
    except r.RoomError:
        _leave("rooms.room_closed")
        return
    st.session_state[NOTICE_KEY] = "rooms.withdrawn"


@st.fragment(run_every=5)
def where_i_sit(code: str) -> None:
    """The room's spread with this participant's own position marked (refreshed on its own)."""
    try:
        mine = r.rooms().position_of(code, r.token())
        picture = r.rooms().picture(code)
    except r.RoomError:
        st.warning(t("rooms.room_closed"))
        return
    if mine is None:
        return
    st.subheader(t("rooms.where_heading"), anchor=False)
    st.markdown(t("rooms.contributions", count=picture.contributions))
    if not picture.shown:
        st.info(t("rooms.waiting", n=r.MIN_SHOWN - picture.contributions))
        return
    st.caption(t("rooms.where_caption"))
    r.draw_spread(picture, lang(), own=mine, key="room_mine", height=300)


st.title(t("rooms.join_title"), anchor=False)
st.caption(t("combine_rooms.privacy"))
notice = st.session_state.pop(NOTICE_KEY, None)

# A code in the address (from the QR code) fills the field once.
if not st.session_state.get(PREFILLED):
    st.session_state[PREFILLED] = True
    given = st.query_params.get("code")
    if given and CODE_KEY not in st.session_state:
        st.session_state[CODE_KEY] = r.clean_code(given)[:16]

code = st.session_state.get(r.JOINED_KEY)
if code is not None and not r.rooms().exists(code):
    _leave()
    code = None
    notice = "rooms.room_closed"

if notice:
    if notice in CALM_NOTICES:
        st.success(t(notice))
    elif notice in INFO_NOTICES:
        st.info(t(notice))
    else:
        st.warning(t(notice))

if code is None:
    st.markdown(t("rooms.join_intro"))
    with st.form("room_join_form", border=False):
        st.text_input(t("rooms.code_label"), key=CODE_KEY, max_chars=16)
        st.form_submit_button(t("rooms.join"), type="primary", on_click=_join)
    st.stop()

st.markdown(t("combine_rooms.joined", code=code))
mine = r.rooms().position_of(code, r.token())
st.markdown(t("combine_rooms.positions_intro"))
for dim, cell in zip(DIMENSION_IDS, layout.cells(len(DIMENSION_IDS)), strict=True):
    key = r.position_key(dim)
    if key not in st.session_state:
        st.session_state[key] = (mine or {}).get(dim)  # None: not set
    with cell:
        r.position(dim)
st.caption(t("combine_rooms.set_count", count=len(r.chosen_positions())))

send, withdraw, leave = st.columns(3)
send.button(
    t("rooms.send" if mine is None else "rooms.update"),
    key="room_send",
    type="primary",
    on_click=_send,
    args=(code,),
)
if mine is not None:
    withdraw.button(t("rooms.withdraw"), key="room_withdraw", on_click=_withdraw, args=(code,))
leave.button(t("rooms.leave"), key="room_leave", on_click=_leave)

where_i_sit(code)
