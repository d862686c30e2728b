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
    """The room's count and spread (one compact chart), read again every few seconds."""
    try:
        picture = r.rooms().picture(code)
    except r.RoomError:
        st.warning(t("rooms.host_gone"))
        return
    st.markdown(f"#### {t('rooms.contributions', count=picture.contributions)}")
    if not picture.shown:
        st.info(t("rooms.waiting", n=r.MIN_SHOWN - picture.contributions))
        return
    rows = r.spread_rows(picture)
    if rows:
        r.plotly_chart(r.compact_figure(rows, lang()), key="room_spread")
        # The chart's text alternative, right under it: one sentence written from the same counts.
        st.markdown(r.describe_spread(picture, lang()))
    hidden = r.hidden_dimensions(picture)
    if hidden:
        st.caption(r.hidden_line(hidden, lang()))
    st.caption(t("rooms.spread_caption"))


def _spread_now(code: str) -> r.RoomPicture:
    """The room's picture at the moment of a download (a room gone meanwhile: nothing shown)."""
    try:
        return r.rooms().picture(code)
    except r.RoomError:
        return r.RoomPicture(0, False, {})


@st.fragment(run_every=3)
def downloads(code: str) -> None:
    """The room's anonymous spread as a CSV and an SVG chart, beside the close button: only what
    the page draws (nothing below five), each file built from the room as it is when clicked."""
    try:
        picture = r.rooms().picture(code)
    except r.RoomError:
        return
    st.markdown(f"**{t('room_export.heading')}**")
    if not r.spread_rows(picture):
        st.caption(t("room_export.unavailable", min=r.MIN_SHOWN))
        return
    language = lang()
    files = [
        ("csv", lambda: r.spread_csv(_spread_now(code), language), "text/csv"),
        ("svg", lambda: r.spread_svg(_spread_now(code), language).encode(), "image/svg+xml"),
    ]
    for column, (kind, build, mime) in zip(st.columns(len(files)), files, strict=True):
        column.download_button(
            t(f"room_export.{kind}_button"),
            data=build,
            file_name=f"room-spread.{kind}",
            mime=mime,
            key=f"room_download_{kind}",
            on_click="ignore",
            width="stretch",
        )
    st.caption(t("room_export.note"))


def address_box(url: str) -> None:
    """The field to set the link's address (open while it is needed or has been used)."""
    typed = st.session_state.get(r.ADDRESS_KEY, "").strip()
    with st.expander(
        t("rooms_moments.address_heading"), expanded=bool(typed) or r.is_loopback(url)
    ):
        st.text_input(
            t("rooms_moments.address_label"),
            key=r.ADDRESS_KEY,
            help=t("rooms_moments.address_help"),
            max_chars=300,
        )
        if typed and r.clean_public_url(typed) is None:
            st.warning(t("rooms_moments.address_invalid", url=r.public_base()))


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
if r.is_loopback(url):  # above everything: the QR code below would lead phones nowhere
    st.warning(t("rooms_moments.address_loopback", host=r.host_of(url)))
# One screen on a projector (1280 x 720 and up): how to join on the left, the room on the right.
join_side, room_side = st.columns([1, 2], gap="medium")
with join_side:
    st.markdown(t("rooms.host_code_intro"))
    st.markdown(
        # Two groups of four read out more easily; spaces are ignored when the code is typed.
        f'<div class="room-code" style="font-size:clamp(1.8rem,3vw,5rem);font-weight:700;'
        f'letter-spacing:0.06em;font-family:monospace;line-height:1.1;white-space:nowrap">'
        f"{code[:4]}&nbsp;{code[4:]}</div>",
        unsafe_allow_html=True,
    )
    st.image(r.qr_png(url), caption=t("rooms.qr_caption"), width=170)
    st.markdown(t("rooms.host_url", url=url))
    address_box(url)
with room_side:
    live_view(code)

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

st.divider()
downloads(code)
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
