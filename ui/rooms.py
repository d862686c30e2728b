"""Workshop rooms in the UI: the one shared ``Rooms`` store (from configuration), the join rate
limiter, the participant's random token and the room's spread as plotly figures.

Nothing here holds a user's data across sessions: the store is shared by every session (it only
talks to the database), the limiter counts failed codes per session id, and the participant's
token and the facilitator's key live in the session's own state.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any
from urllib.parse import urlsplit

import streamlit as st

from emotions.charts import base_layout
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId
from emotions.export.room_spread import CELL_FEW, CELL_MANY, CELL_TEXT, spread_csv, spread_svg
from emotions.languages import spec
from emotions.model import Language
from emotions.palette import GRID_COLOUR, PARTNER_COLOURS
from emotions.rooms import (
    MIN_SHOWN,
    ROOM_LIFETIME,
    JoinLimiter,
    RoomError,
    RoomPicture,
    Rooms,
    SpreadRow,
    base_of_host_page,
    clean_public_url,
    configured_public_url,
    default_url,
    describe_spread,
    hidden_dimensions,
    is_loopback,
    join_link,
    new_token,
    normalise_code,
    spread_rows,
)
from ui.charts import plotly_chart
from ui.state import t
from ui.widgets import SCALE

__all__ = [
    "MIN_SHOWN",
    "JoinLimiter",
    "RoomError",
    "RoomPicture",
    "Rooms",
    "clean_public_url",
    "describe_spread",
    "hidden_dimensions",
    "is_loopback",
    "plotly_chart",
    "spread_csv",
    "spread_rows",
    "spread_svg",
]

URL_ENV = "WORKBOOK_ROOMS_URL"
TOKEN_KEY = "_room_token"
"""The participant's random secret: in this session's state only, never stored with a name."""
JOINED_KEY = "_room_joined"
"""The code of the room this session has joined as a participant."""
HOST_KEY = "_room_host"
"""``(code, facilitator_key)`` of the room this session opened."""
PAGES = ("room", "join")
"""The url paths of the two room pages: their privacy line says what is shared there."""

BAR_COLOUR = PARTNER_COLOURS["a"]  # Okabe-Ito blue
OWN_COLOUR = PARTNER_COLOURS["b"]  # Okabe-Ito vermillion, with its own marker shape


def rooms_url() -> str:
    """The database URL from configuration (``WORKBOOK_ROOMS_URL``, else a SQLite file in the
    repository), read on every call so that a changed setting is picked up."""
    return default_url()


PURGE_EVERY_S = 600
"""How often a server process deletes expired rooms, even when no one opens a new one."""


@st.cache_resource(show_spinner=False)
def _rooms_for(url: str) -> Rooms:
    store = Rooms(url)  # creates the SQLite file and the tables on first use
    # Expired rooms are deleted, not hidden: a daemon thread purges them every ten minutes, so
    # their anonymous positions do not wait for the next room to be opened.
    stop = threading.Event()

    def purge_loop() -> None:
        while not stop.wait(PURGE_EVERY_S):
            with contextlib.suppress(Exception):  # a database hiccup must not end the loop
                store.purge_expired()

    threading.Thread(target=purge_loop, name="rooms-purge", daemon=True).start()
    return store


def rooms() -> Rooms:
    """The shared store for the configured URL (one per URL and process)."""
    return _rooms_for(rooms_url())


@st.cache_resource(show_spinner=False)
def limiter() -> JoinLimiter:
    """The process's join limiter (failed codes counted per session, in memory)."""
    return JoinLimiter()


def session_id() -> str:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else "no-session"


def token() -> str:
    """This session's participant token (random, made on first use)."""
    value = st.session_state.get(TOKEN_KEY)
    if not isinstance(value, str):
        value = new_token()
        st.session_state[TOKEN_KEY] = value
    return value


def leave_quietly() -> None:
    """Quick exit: take this session's position out of the room it joined, if any. Nothing of
    the session is kept after a quick exit, its anonymous place in a workshop's chart included."""
    code, held = st.session_state.get(JOINED_KEY), st.session_state.get(TOKEN_KEY)
    if isinstance(code, str) and isinstance(held, str):
        with contextlib.suppress(RoomError):  # the room may be closed or gone already
            rooms().withdraw(code, held)


def privacy_line() -> str:
    """The privacy line of the room pages, with the room's real threshold and lifetime."""
    hours = int(ROOM_LIFETIME.total_seconds() // 3600)
    return t("privacy_rooms.line", min_shown=MIN_SHOWN, hours=hours)


def clean_code(text: str) -> str:
    """What was typed, as a code: no spaces or dashes, upper case."""
    return normalise_code(text)


ADDRESS_KEY = "room_public_address"
"""The facilitator's own entry of the workbook's public address (this session only)."""


def page_address() -> str:
    """The address the current page was opened at ("" outside a server)."""
    try:
        return st.context.url or ""
    except Exception:  # no context outside a server (AppTest)
        return ""


def public_base() -> str:
    """The workbook's address for the join link and QR code: the facilitator's entry on the page,
    else ``WORKBOOK_PUBLIC_URL``, else the address the facilitator's page was opened at."""
    typed = clean_public_url(st.session_state.get(ADDRESS_KEY, ""))
    if typed:
        return typed
    configured = configured_public_url()
    if configured:
        return configured
    base = base_of_host_page(page_address())
    if base:
        return base
    host = st.context.headers.get("Host") or "localhost:8501"
    return f"http://{host}"


def host_of(url: str) -> str:
    """The host name of ``url`` as a person reads it (an IPv6 address in brackets)."""
    host = urlsplit(url).hostname or url
    return f"[{host}]" if ":" in host else host


def join_url(code: str) -> str:
    """The participants' page with the code, on the workbook's public address."""
    return join_link(public_base(), code)


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes, drawn locally."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=12, border=2)
    return buffer.getvalue()


POSITION_PREFIX = "room_need__"
"""Keys of the participant's position widgets (the keys the sliders had). One of
``ui.widgets.ANSWER_KEY_PREFIXES``, so that the answer stylesheet lays their segments out like
every answer's."""


def position_key(dim: DimensionId) -> str:
    """The session-state key of the participant's position on ``dim`` (None while unset)."""
    return f"{POSITION_PREFIX}{dim}"


def position(dim: DimensionId) -> int | None:
    """The participant's position on ``dim``, chosen like any answer of the workbook: nothing is
    chosen until they choose (the label says "not answered" in words), one click sets it, a
    click on the chosen segment unsets it. Only session state: the couple's workbook is never
    touched here. The value set before drawing (from the room, or None) stays in session state."""
    key = position_key(dim)
    current = st.session_state.get(key)
    name = t(f"dim.{dim}.name")
    label = name if current is not None else t("answer.label_unanswered", question=name)
    detail = t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high"))
    chosen: int | None = st.segmented_control(
        f"{label}  \n{detail}",  # a line break, not syntax a screen reader would read
        list(SCALE),
        selection_mode="single",
        key=key,
        width="stretch",
    )
    return chosen


def chosen_positions() -> dict[DimensionId, int]:
    """The positions the participant has set on this page (unset dimensions are left out)."""
    chosen: dict[DimensionId, int] = {}
    for dim in DIMENSION_IDS:
        value = st.session_state.get(position_key(dim))
        if isinstance(value, int) and not isinstance(value, bool):
            chosen[dim] = value
    return chosen


def spread_figure(
    dim: DimensionId,
    counts: list[int],
    lang: Language,
    *,
    own: int | None = None,
    height: int = 320,
    top: int | None = None,
) -> dict[str, Any]:
    """One dimension of the room: how many people sit at each point 0-10 (bars), and, for a
    participant, their own position (a marked line with a diamond, not colour alone)."""
    values = list(range(NEED_MIN, NEED_MAX + 1))
    label = t("rooms.people")
    data: list[dict[str, Any]] = [
        {
            "type": "bar",
            "x": values,
            "y": counts,
            "marker": {"color": BAR_COLOUR, "line": {"color": "#004B75", "width": 1}},
            "hovertemplate": "%{x}: %{y} " + label + "<extra></extra>",
            "name": label,
        }
    ]
    # One scale for every dimension of the room (``top``), so that the charts compare at a glance.
    top = max(top or 0, *counts, 1)
    shapes: list[dict[str, Any]] = []
    if own is not None:
        data.append(
            {
                "type": "scatter",
                "x": [own],
                "y": [top * 1.12],
                "mode": "markers+text",
                "marker": {"symbol": "diamond", "size": 16, "color": OWN_COLOUR},
                "text": [t("rooms.you")],
                "textposition": "top center",
                "textfont": {"color": OWN_COLOUR, "size": 14},
                "hoverinfo": "skip",
                "name": t("rooms.you"),
            }
        )
        shapes.append(
            {
                "type": "line",
                "x0": own,
                "x1": own,
                "y0": 0,
                "y1": top * 1.12,
                "line": {"color": OWN_COLOUR, "width": 3, "dash": "dash"},
            }
        )
    low, high = t(f"dim.{dim}.low"), t(f"dim.{dim}.high")
    # The poles under the axis, one a line (left and right), so that long ones are never cut off.
    poles = [
        {
            "text": text,
            "xref": "paper",
            "yref": "paper",
            "x": x,
            "xanchor": anchor,
            "y": y,
            "yanchor": "top",
            "showarrow": False,
            "font": {"family": spec(lang).font_family, "size": 13, "color": "#555555"},
        }
        for text, x, anchor, y in ((f"← {low}", 0, "left", -0.16), (f"{high} →", 1, "right", -0.27))
    ]
    return {
        "data": data,
        "layout": base_layout(
            lang,
            height=height,
            showlegend=False,
            bargap=0.15,
            font={"family": spec(lang).font_family, "size": 18},
            title={"text": t(f"dim.{dim}.name"), "font": {"size": 22}, "x": 0, "xanchor": "left"},
            margin={"l": 40, "r": 20, "t": 56, "b": 84},
            shapes=shapes,
            annotations=poles,
            xaxis={
                "range": [NEED_MIN - 0.5, NEED_MAX + 0.5],
                "tickvals": values,
                "fixedrange": True,
            },
            yaxis={
                "range": [0, top * 1.35],
                "gridcolor": GRID_COLOUR,
                "dtick": max(1, round(top / 4)),
                "fixedrange": True,
            },
        ),
    }


def draw_spread(
    picture: RoomPicture,
    lang: Language,
    *,
    own: dict[DimensionId, int] | None = None,
    key: str,
    height: int = 320,
) -> None:
    """Every dimension's spread, two a row (one a row on a phone)."""
    dims = list(picture.counts)
    top = max((max(c, default=0) for c in picture.counts.values()), default=0)
    for start in range(0, len(dims), 2):
        cells = st.columns(2)
        for cell, dim in zip(cells, dims[start : start + 2], strict=False):
            if not picture.counts[dim]:
                name = t(f"dim.{dim}.name")
                cell.caption(t("rooms.dimension_waiting", dimension=name, min=MIN_SHOWN))
                continue
            figure = spread_figure(
                dim,
                picture.counts[dim],
                lang,
                own=own.get(dim) if own else None,
                height=height,
                top=top,
            )
            with cell:
                plotly_chart(figure, key=f"{key}__{dim}")


def compact_figure(rows: list[SpreadRow], lang: Language) -> dict[str, Any]:
    """The whole room in one chart: a row per dimension, a cell per point 0-10, each cell showing
    how many people sit there (the number written in it, and a darker blue for more people)."""
    values = list(range(NEED_MIN, NEED_MAX + 1))
    top = max((max(row.counts) for row in rows), default=1)
    names = [t(f"dim.{row.dimension}.name") for row in rows]
    counts = [list(row.counts) for row in rows]
    label = t("rooms.people")
    return {
        "data": [
            {
                "type": "heatmap",
                "x": values,
                "y": names,
                "z": counts,
                "text": [[str(n) if n else "" for n in row] for row in counts],
                "texttemplate": "%{text}",
                "textfont": {"size": 18, "color": CELL_TEXT},
                "zmin": 0,
                "zmax": max(top, 1),
                # White for nobody, then light to Okabe-Ito sky blue: more people, darker; the
                # number in each cell reads the same in every shade (dark text throughout).
                "colorscale": [[0, "#FFFFFF"], [0.001, CELL_FEW], [1, CELL_MANY]],
                "showscale": False,
                "xgap": 3,
                "ygap": 3,
                "hovertemplate": "%{y}, %{x}: %{z} " + label + "<extra></extra>",
                "name": label,
            }
        ],
        "layout": base_layout(
            lang,
            height=COMPACT_ROW_PX * len(rows) + 40,
            showlegend=False,
            font={"family": spec(lang).font_family, "size": 16},
            margin={"l": 10, "r": 10, "t": 6, "b": 26},
            xaxis={
                "tickvals": values,
                "tickfont": {"size": 16, "color": "#333333"},
                "side": "bottom",
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "ticks": "",
            },
            yaxis={
                "autorange": "reversed",  # the registry's first dimension on top
                "automargin": True,
                "fixedrange": True,
                "showgrid": False,
                "zeroline": False,
                "ticks": "",
                "ticksuffix": "  ",
                "tickfont": {"size": 16, "color": "#333333"},
            },
        ),
    }


COMPACT_ROW_PX = 28
"""The height of one dimension's row in the room's compact chart."""


def hidden_line(dims: list[DimensionId], lang: Language) -> str:
    """The line naming the dimensions a shown room does not draw (too few positions on them)."""
    names = spec(lang).list_separator.join(t(f"dim.{dim}.name") for dim in dims)
    return t("rooms_moments.hidden", min=MIN_SHOWN, dimensions=names)


# Trusted constant code: scrolls the element ``data.selector`` into view (only as far as needed),
# once for each new ``data.acted``; a redraw with the same number (the live refresh) does not move
# the screen. Nothing is read from the page or sent anywhere.
_INTO_VIEW_JS = """
export default function (component) {
  const { data } = component;
  const seen = (window.__roomIntoView = window.__roomIntoView || {});
  if (!data || seen[data.selector] === data.acted) return;
  seen[data.selector] = data.acted;
  setTimeout(() => {
    const box = document.querySelector(data.selector);
    if (box) box.scrollIntoView({ block: "nearest" });
  }, 120);
}
"""
_into_view = st.components.v2.component("room_into_view", js=_INTO_VIEW_JS)


def bring_into_view(selector: str, acted: int) -> None:
    """Show the element ``selector`` on screen after the participant's action number ``acted``
    (drawn inside it: the result of what they just did is where they are looking)."""
    _into_view(data={"selector": selector, "acted": acted}, key="room_into_view")


def error_text(error: RoomError) -> str:
    """The message for a room error, in the current language."""
    code = getattr(error, "code", "invalid")
    known = {"not_found", "closed", "bad_key", "invalid", "rate_limited"}
    return t(f"rooms.error_{code if code in known else 'invalid'}")
