"""Answers not yet in a downloaded file: the browser asks before the page is left, and the first
answer of a session brings a one-time offer to keep a copy in this browser.

The browser side is a small inline component (``st.components.v2``, no files, nothing loaded from
outside), mounted once per run by ``guard()`` from the entrypoint. It holds one flag, ``armed``:
while it is set, closing, reloading or leaving the page raises the browser's own "leave this
page?" prompt (``beforeunload``). The flag follows ``emotions.unsaved.at_risk`` in every whole
run. A click on the quick exit lowers it at once, before the server has even answered, so the
exit never meets a prompt.
"""

from __future__ import annotations

import streamlit as st

from emotions import unsaved
from ui import keep
from ui.exits import QUICK_EXIT_SELECTOR
from ui.state import presenting, private_turn, t, workbook

GUARD_KEY = "unsaved_guard"
DRAWN = "_unsaved_drawn"
"""(armed, offered) as the last whole run drew them: a fragment's answer that changes either
asks for a whole run (``stale``)."""
OFFERED = "_unsaved_offered"
"""Set once the offer to keep a copy was taken or dismissed: it is made once a session."""
QUICK_EXIT = QUICK_EXIT_SELECTOR

# Trusted constant code (never user text): the data is a flag and a selector.
_JS = """
export default function (component) {
  const { data } = component;
  const guard = (window.__unsavedGuard = window.__unsavedGuard || { armed: false, exit: null });
  if (!guard.listening) {
    guard.listening = true;
    window.addEventListener("beforeunload", (event) => {
      if (!guard.armed) return;
      event.preventDefault();
      event.returnValue = "";  // older browsers need a value to show their prompt
    });
    // Capture phase: runs before the app's own handler of the quick exit's click.
    document.addEventListener("click", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target && guard.exit && target.closest(guard.exit)) guard.armed = false;
    }, true);
  }
  guard.exit = data ? data.exit : guard.exit;
  guard.armed = Boolean(data && data.armed);
}
"""

_STYLE = "<style>.st-key-unsaved_guard { display: none; }</style>"

_guard = st.components.v2.component("unsaved_guard", js=_JS)


def armed() -> bool:
    """Whether leaving the page now would lose answers (and so the browser asks first)."""
    return unsaved.at_risk(
        workbook(), st.session_state.get(keep.DOWNLOADED), kept_in_browser=keep.keep_on()
    )


def guard() -> None:
    """Arm or disarm the browser's prompt before leaving. Once per whole run, at its end (after
    the page, so that this run's answers count). Draws nothing."""
    now = armed()
    st.session_state[DRAWN] = (now, offering())
    with st.sidebar:  # beside the other marks that draw nothing, out of the page's flow
        st.html(_STYLE)
        _guard(key=GUARD_KEY, data={"armed": now, "exit": QUICK_EXIT}, height=0)


def stale() -> bool:
    """Whether an answer given in a fragment changed what the whole run drew: the prompt before
    leaving, or the offer of a copy (``keep.refresh_frame_if_stale`` then asks for a whole run)."""
    drawn = st.session_state.get(DRAWN)
    return drawn is not None and drawn != (armed(), offering())


def offering() -> bool:
    """Whether the offer of a copy is on screen in this run (see ``offer``)."""
    if presenting() or private_turn() or keep.OFFER in st.session_state:
        return False  # nor while the copy this browser already holds waits to be restored
    known = st.session_state.get(keep.KEEP_ON)
    return unsaved.offer_copy(
        workbook(),
        kept_in_browser=known if isinstance(known, bool) else None,
        offered=bool(st.session_state.get(OFFERED)),
    )


def _keep_copy() -> None:
    st.session_state[OFFERED] = True
    st.session_state[keep.KEEP_ON] = True


def _dismiss() -> None:
    st.session_state[OFFERED] = True


def offer() -> None:
    """At the top of the page, once a session: after the first answer, while keeping is off,
    offer to keep a copy in this browser, with what that means on a shared device. Not on a
    shared screen, nor while one partner answers alone."""
    # The slot is drawn on every run, offer or not: the offer appearing after the first answer
    # then shifts no element below it, so the question answered keeps the keyboard focus.
    slot = st.container(key="unsaved_offer_slot")
    if not offering():
        return
    with slot, st.container(border=True, key="unsaved_offer"):
        st.markdown(t("unsaved.offer", page=t("nav.workbook")))
        st.warning(t("keep.explain"))
        take, dismiss = st.columns(2)
        take.button(t("keep.toggle"), key="unsaved_keep", on_click=_keep_copy, width="stretch")
        dismiss.button(
            t("unsaved.dismiss"), key="unsaved_dismiss", on_click=_dismiss, width="stretch"
        )
