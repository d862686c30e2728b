"""Widgets bound to the Workbook: the model gives each widget its value, a change writes it back.

Streamlit drops a widget's value whenever the widget is not drawn (another page is showing), so the
widget state is never the truth: before drawing, we copy the model's value into the widget's key;
the ``on_change`` callback copies the user's change into the model. Keys are stable ASCII and never
depend on the language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeAlias, TypedDict, TypeVar

import streamlit as st

from emotions.dimensions import NEED_MAX, NEED_MIN
from emotions.model import PartnerId
from ui.state import t, workbook

T = TypeVar("T")
Setter: TypeAlias = Callable[[T], None]
"""What a bound widget calls with its new value, to write it into the workbook."""


class Bound(TypedDict):
    """The keyword arguments ``bound`` gives a widget."""

    key: str
    on_change: Callable[[str, Setter[Any]], None]
    args: tuple[str, Setter[Any]]


def _apply(key: str, setter: Setter[Any]) -> None:
    setter(st.session_state[key])
    workbook().touch()


def bound(key: str, current: T, setter: Setter[T]) -> Bound:
    """Keyword arguments that bind a widget to a value of the workbook.

    Use as ``st.slider(label, 0, 10, **bound(key, value, setter))``; ``setter`` takes a value of
    the type of ``current``.
    """
    # Only when it differs: rewriting an equal value would send it back to the browser and could
    # undo key presses that are still arriving (a slider moved with the arrow keys).
    if key not in st.session_state or st.session_state[key] != current:
        st.session_state[key] = current
    return {"key": key, "on_change": _apply, "args": (key, setter)}


SCALE: tuple[int, ...] = tuple(range(NEED_MIN, NEED_MAX + 1))
"""The answers of a 0-10 question."""

ANSWER_KEY_PREFIXES = (
    "need__",
    "importance__",
    "met__",
    "guess__",
    "styles__",
    "turns__",
    "turns_importance__",
    "channels__",
    "room_need__",
    "checkin_new_connection__",
)
"""The first part of the key of every answer widget (``answer``, and the few segmented answers
that cannot bind to the workbook: a room's scales, the check-in form): the stylesheet below lays
out exactly these, and ``answer`` refuses any other key."""

ANSWER_SELECTED = "#2F6F62"
"""The fill of a chosen segment: the theme's primaryColor (.streamlit/config.toml; a test keeps
them equal), with white text (contrast 5.9:1). Streamlit's own tint (20 % of it) made an answered
question hard to tell from an open one at a glance."""

_ANSWER_SEGMENTS = ", ".join(
    f"[class*='st-key-{prefix}'] button[data-variant='segmented_control']"
    for prefix in ANSWER_KEY_PREFIXES
)
ANSWER_CSS = (
    f"<style>{_ANSWER_SEGMENTS} {{ padding-left: 0; padding-right: 0; min-width: 0; flex: 1 1 0; }}"
    + ", ".join(f"{one}[aria-checked='true']" for one in _ANSWER_SEGMENTS.split(", "))
    # important: Streamlit's hover and focus styles would otherwise tint the segment just chosen.
    + f" {{ background-color: {ANSWER_SELECTED} !important; color: #FFFFFF !important;"
    + " font-weight: 600; }</style>"
)
"""Lets the segments of an answer share their row evenly: eleven fit on a 390 px phone
(docs/answer-widget.md). Our own constant stylesheet, drawn once per run outside any fragment."""


def answer(
    label: str,
    key: str,
    current: T | None,
    setter: Setter[T | None],
    *,
    options: Sequence[T] = SCALE,  # type: ignore[assignment]
    format_func: Callable[[T], str] = str,
    detail: str | None = None,
    help: str | None = None,
) -> T | None:
    """One question answered by choosing one segment: ``None`` (nothing chosen) is "not
    answered", a click or Space on a segment answers it, on the chosen one again takes it back.

    ``label`` and ``detail`` (e.g. what 0 and 10 mean, on a second line) are plain text: they
    become the accessible name, so no Markdown syntax. While unanswered the label says so in
    words too, not only by having nothing highlighted.
    """
    if not key.startswith(ANSWER_KEY_PREFIXES):
        raise ValueError(f"answer widget key {key!r} does not start with an ANSWER_KEY_PREFIXES")
    shown = label if current is not None else t("answer.label_unanswered", question=label)
    if detail:
        shown = f"{shown}  \n{detail}"  # a line break, not syntax a screen reader would read
    return st.segmented_control(
        shown,
        list(options),
        selection_mode="single",
        format_func=format_func,
        help=help,
        width="stretch",
        **bound(key, current, setter),
    )


def choice(label: str, options: dict[T, str], key: str) -> T:
    """A horizontal choice that is view state, not an answer (e.g. which partner to show).

    ``options`` maps each value to its label in the current language; the labels are fixed when
    the widget is drawn, so formatting never reads session state. The value is remembered across
    page switches in a shadow key, since Streamlit drops a widget's value when it is not drawn.
    """
    shadow = f"_keep_{key}"
    st.session_state[key] = st.session_state.get(shadow, next(iter(options)))

    def keep() -> None:
        st.session_state[shadow] = st.session_state[key]

    return st.radio(
        label,
        list(options),
        key=key,
        format_func=options.__getitem__,
        horizontal=True,
        on_change=keep,
    )


def item_field_setter(pid: PartnerId, collection: str, index: int, field: str) -> Setter[str]:
    """A setter for one text field of one item in a partner's list (rewrites, trigger notes).

    The list is looked up when the change arrives (the workbook may have been replaced), and an
    item removed meanwhile is left alone.
    """

    def set_field(value: str) -> None:
        items = getattr(workbook().partner(pid), collection)
        if index < len(items):
            setattr(items[index], field, value.strip())

    return set_field
