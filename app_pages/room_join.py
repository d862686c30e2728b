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
# The result of the participant's last action in the room (a catalog key), shown where they
# acted: next to the buttons, brought into view once per action (ACTED_KEY counts them).
# (Comments, not strings: a page's bare string would be drawn by Streamlit's magic.)
RESULT_KEY = "_room_join_result"
ACTED_KEY = "_room_join_acted"
# True once the joined room has closed: the page then shows only that, and a way back.
CLOSED_KEY = "_room_join_closed"
PREFILLED = "_room_join_prefilled"
CALM_NOTICES = ("rooms.sent", "rooms.withdrawn")
INFO_NOTICES = ("combine_rooms.nothing_set",)


def _leave(notice: str | None = None) -> None:
    st.session_state.pop(r.JOINED_KEY, None)
    st.session_state.pop(RESULT_KEY, None)
    for dim in DIMENSION_IDS:
        st.session_state.pop(r.position_key(dim), None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def _closed() -> None:
    """The joined room has closed: leave it, and show only that (with a way back)."""
    _leave()
    st.session_state[CLOSED_KEY] = True


def _back() -> None:
    st.session_state.pop(CLOSED_KEY, None)


def _result(key: str) -> None:
    st.session_state[RESULT_KEY] = key
    st.session_state[ACTED_KEY] = int(st.session_state.get(ACTED_KEY, 0)) + 1


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
        _result("combine_rooms.nothing_set")
        return
    try:
        r.rooms().contribute(code, r.token(), needs)
    except r.RoomError as error:
        if getattr(error, "code", "") in ("not_found", "closed"):
            _closed()
        else:
            _result("combine_rooms.error_invalid")
        return
    _result("rooms.sent")


def _withdraw(code: str) -> None:
    try:
        r.rooms().withdraw(code, r.token())
    except r.RoomError:
        _closed()
        return
    _result("rooms.withdrawn")


def _say(key: str) -> None:
    if key in CALM_NOTICES:
        st.success(t(key))
    elif key in INFO_NOTICES:
        st.info(t(key))
    else:
        st.warning(t(key))


@st.fragment(run_every=5)
def in_the_room(code: str) -> None:
    """Everything that follows the participant's actions, refreshed on its own: the result of
    their last action with the room's count (where the buttons are, so it is on screen where
    they acted), the buttons, then the room's spread with their own position marked."""
    if st.session_state.get(CLOSED_KEY) or st.session_state.get(r.JOINED_KEY) != code:
        st.rerun()  # closed, or left: the whole page changes
    try:
        mine = r.rooms().position_of(code, r.token())
        picture = r.rooms().picture(code)
    except r.RoomError:
        _closed()
        st.rerun()
    result = st.session_state.get(RESULT_KEY)
    if result is not None or mine is not None:
        with st.container(key="room_result"):
            if result is not None:
                _say(result)
            if mine is not None:
                st.markdown(t("rooms.contributions", count=picture.contributions))
                if not picture.shown:
                    st.info(t("rooms.waiting", n=r.MIN_SHOWN - picture.contributions))
            r.bring_into_view(".st-key-room_result", st.session_state.get(ACTED_KEY, 0))

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

    if mine is None or not picture.shown:
        return
    st.subheader(t("rooms.where_heading"), anchor=False)
    st.caption(t("rooms.where_caption"))
    r.draw_spread(picture, lang(), own=mine, key="room_mine", height=300)


st.title(t("rooms.join_title"), anchor=False)

if st.session_state.get(CLOSED_KEY):
    # Only that the room has closed, and the way back to joining another.
    st.warning(t("rooms.room_closed"))
    st.button(
        t("rooms_moments.closed_back"), key="room_closed_back", type="primary", on_click=_back
    )
    st.stop()

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
    _closed()
    st.rerun()

if notice:
    _say(notice)

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

in_the_room(code)
