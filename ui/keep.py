"""A copy of the workbook kept in the browser's own storage, by choice; what has been downloaded.

The browser side is a small inline component (``st.components.v2``, no files, nothing loaded from
outside). It holds up to three entries in the browser's ``localStorage``: ``STORED_ENTRY`` (the
workbook document), ``ON_ENTRY`` (``"1"`` while keeping is switched on, so a new session knows to
offer the copy back) and ``TURN_ENTRY`` (the private pass-and-play stage the copy was kept during:
restoring it goes back to that turn, answers out of sight). The server never keeps any of them.

Each run the component is told what to do (``mode``):

- ``wait``: touch nothing. Before the browser has reported what it holds, and while the user has
  not yet answered the offer to restore a stored copy (it must not be overwritten meanwhile).
- ``keep``: keeping is on: store the workbook, or remove the copy when the workbook is blank.
- ``off``: keeping is off: remove both entries.
- ``erase``: the quick exit: remove both entries at once.

Once per session (``nonce``) the component reports what the browser holds (trigger ``found``).
A click on the workbook file's download button is reported too (trigger ``downloaded``, with the
answers' digest of that run), which feeds the "unsaved changes" line. A click on the quick exit
erases the entries in the browser at once, before the server has even answered.
"""

from __future__ import annotations

import secrets

import streamlit as st

from emotions import keep as keeping
from emotions.clock import shown_time
from emotions.combine import workbook_is_blank
from emotions.escape import markdown_escape
from emotions.model import Workbook
from emotions.turns import is_private
from emotions.workbook_io import WorkbookError, problem_messages
from ui.exits import QUICK_EXIT_SELECTOR
from ui.state import (
    PRESENTING_KEY,
    TURN_KEY,
    WORKBOOK_KEY,
    fragment_run,
    lang,
    presenting,
    private_turn,
    t,
    turn_stage,
    workbook,
)

STORED_ENTRY = "emotional-needs-workbook.copy"
ON_ENTRY = "emotional-needs-workbook.keep"
TURN_ENTRY = "emotional-needs-workbook.turn"
"""The private pass-and-play stage the stored copy was kept during; absent outside the flow."""

COMPONENT_KEY = "keep_store"
TOGGLE_KEY = "keep_toggle"
KEEP_ON = "_keep_on"
"""True/False once known; absent until the browser has reported (or the user has chosen)."""
NONCE = "_keep_nonce"
OFFER = "_keep_offer"
"""The stored copy (as the browser gave it) waiting for Restore / Discard."""
OFFER_TURN = "_keep_offer_turn"
"""The private stage of pass-and-play that copy was kept during: restoring it goes back there."""
DOWNLOADED = "_keep_downloaded"
"""``answers_digest`` of the workbook file last downloaded in this session."""
FLASH = "_keep_flash"
DRAWN_LINE = "_keep_drawn_line"
"""The sidebar's "saved?" line as the last whole run drew it."""
DRAWN_COPY = "_keep_drawn_copy"
"""The digest of the answers the last whole run handed to the browser to keep (None: none)."""

# Trusted constant code (never user text): the workbook travels as data, never as markup.
_JS = f"""
const STORED = "{STORED_ENTRY}";
const ON = "{ON_ENTRY}";
const TURN = "{TURN_ENTRY}";

function storage() {{
  try {{ return window.localStorage; }} catch (error) {{ return null; }}
}}

function eraseAll() {{
  const store = storage();
  if (!store) return;
  try {{
    for (const entry of [STORED, ON, TURN]) store.removeItem(entry);
  }} catch (error) {{}}
}}

export default function (component) {{
  const {{ data, setTriggerValue }} = component;
  const keep = (window.__workbookKeep = window.__workbookKeep || {{ reported: null }});
  keep.trigger = setTriggerValue;
  keep.digest = data ? data.digest : null;
  if (!keep.listening) {{
    keep.listening = true;
    // Capture phase: runs before the app's own handler of the same click.
    document.addEventListener("click", (event) => {{
      const target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      if (target.closest("{QUICK_EXIT_SELECTOR}")) {{
        eraseAll();
      }} else if (target.closest(".st-key-download_json") && keep.digest && keep.trigger) {{
        keep.trigger("downloaded", keep.digest);
      }}
    }}, true);
  }}
  if (!data) return;
  if (data.mode === "erase") {{ eraseAll(); return; }}
  const store = storage();
  // Report what the browser holds until the server has heard it: a trigger sent while runs are
  // being replaced can be lost, and the offer to restore must not depend on the first one landing.
  // At most a few times per session, so that nothing can turn into a loop of reruns.
  keep.attempts = keep.attempts || {{}};
  const tries = keep.attempts[data.nonce] || 0;
  if (data.nonce && !data.heard && tries < 5) {{
    keep.attempts[data.nonce] = tries + 1;
    keep.reported = data.nonce;
    let found = {{ nonce: data.nonce, on: false, text: null, turn: null }};
    try {{
      if (store) {{
        found = {{
          nonce: data.nonce, on: store.getItem(ON) === "1", text: store.getItem(STORED),
          turn: store.getItem(TURN),
        }};
      }}
    }} catch (error) {{}}
    setTriggerValue("found", found);
  }}
  if (!store) return;
  try {{
    if (data.mode === "off") {{
      eraseAll();
    }} else if (data.mode === "keep") {{
      store.setItem(ON, "1");
      if (typeof data.text === "string") store.setItem(STORED, data.text);
      else store.removeItem(STORED);
      if (typeof data.text === "string" && typeof data.turn === "string") {{
        store.setItem(TURN, data.turn);
      }} else {{
        store.removeItem(TURN);
      }}
    }}
  }} catch (error) {{}}  // storage full or refused: the session itself is unaffected
}}
"""

_keeper = st.components.v2.component("workbook_keeper", js=_JS)


def _nonce() -> str:
    nonce = st.session_state.get(NONCE)
    if not isinstance(nonce, str):
        nonce = secrets.token_hex(8)
        st.session_state[NONCE] = nonce
    return nonce


def keep_on() -> bool:
    """Whether the copy in this browser is switched on (False until known)."""
    return st.session_state.get(KEEP_ON) is True


def receive_report(value: object) -> None:
    """Take the browser's report of what it holds: remember the opt-in, offer a stored copy."""
    report = keeping.parse_report(value)
    if report is None or report.nonce != st.session_state.get(NONCE):
        return
    st.session_state.setdefault(KEEP_ON, report.keep_on)  # a choice made meanwhile wins
    if report.stored is not None:
        st.session_state[OFFER] = report.stored
        if report.turn is not None:
            st.session_state[OFFER_TURN] = report.turn
        else:
            st.session_state.pop(OFFER_TURN, None)


def _on_found() -> None:
    result = st.session_state.get(COMPONENT_KEY)
    receive_report(result.get("found") if result is not None else None)


def mark_downloaded(digest: str | None = None) -> None:
    """Record that the workbook file was downloaded (its answers' digest; default: now's)."""
    st.session_state[DOWNLOADED] = digest or keeping.answers_digest(workbook())


def _on_downloaded() -> None:
    result = st.session_state.get(COMPONENT_KEY)
    digest = result.get("downloaded") if result is not None else None
    if isinstance(digest, str) and len(digest) <= 64:
        mark_downloaded(digest)


def mode() -> str:
    """What the browser is told to do in this run (see the module docstring)."""
    if OFFER in st.session_state or KEEP_ON not in st.session_state:
        return "wait"
    return "keep" if keep_on() else "off"


def store() -> None:
    """Mount the storage component: keep, remove or leave the copy, and hear the browser.
    Called at the end of every run, when the workbook holds this run's changes."""
    wb = workbook()
    current = mode()
    text = keeping.stored_text(wb) if current == "keep" and keeping.worth_keeping(wb) else None
    digest = keeping.answers_digest(wb)
    st.session_state[DRAWN_COPY] = digest if current == "keep" else None
    stage = turn_stage()
    _keeper(
        key=COMPONENT_KEY,
        data={
            "nonce": _nonce(),
            # The browser reports what it holds until the server has heard it (KEEP_ON is set).
            "heard": KEEP_ON in st.session_state,
            "mode": current,
            "text": text,
            "digest": digest,
            # Kept during a private turn: a new session restoring it goes back to the turn.
            "turn": stage if is_private(stage) else None,
        },
        on_found_change=_on_found,
        on_downloaded_change=_on_downloaded,
        height=0,
    )


def erase_now() -> None:
    """After a quick exit: tell the browser to remove the copy and the opt-in.

    The neutral screen shows nothing but one line: the component goes to the bottom container
    (it draws nothing), without a key, so that no trace of it is left in the session state."""
    with st._bottom:
        # A fresh value each run: the browser runs the component again even if it is still
        # mounted, so every run of the neutral screen erases again.
        _keeper(data={"mode": "erase", "run": secrets.token_hex(4)}, height=0)


def forget() -> None:
    """Start over: no stored copy is offered any more and the copy goes with the answers
    (a blank workbook is never stored; if the browser has not reported yet, keeping is off)."""
    st.session_state.pop(OFFER, None)
    st.session_state.pop(OFFER_TURN, None)
    st.session_state.setdefault(KEEP_ON, False)


# --- the sidebar switch and the "saved?" line ------------------------------------------------


def _toggled() -> None:
    st.session_state[KEEP_ON] = bool(st.session_state[TOGGLE_KEY])


def panel() -> None:
    """In the sidebar: the switch for a copy in this browser, and whether the answers on screen
    are all in the last downloaded workbook file. Not on a shared screen (nothing to change
    there); the copy itself goes on being kept or not, as chosen."""
    if presenting():
        return
    with st.sidebar.container(key="keep_panel"):
        st.session_state[TOGGLE_KEY] = keep_on()
        st.toggle(t("keep.toggle"), key=TOGGLE_KEY, on_change=_toggled)
        st.caption(t("keep.explain"))
        line = st.session_state[DRAWN_LINE] = _saved_line(workbook())
        if line is not None:
            st.caption(t(line))


def _saved_line(wb: Workbook) -> str | None:
    """The sidebar's line on whether the answers are all in the last downloaded file."""
    if keeping.unsaved(wb, st.session_state.get(DOWNLOADED)):
        return "keep.unsaved"
    return "keep.saved" if DOWNLOADED in st.session_state else None


def refresh_frame_if_stale() -> None:
    """At the end of a fragment that holds answer widgets. A change there reruns the fragment
    alone; when it changed what the whole run draws around it (the "saved?" line, the copy
    kept in the browser, the prompt before leaving and the offer of a copy: ``ui/unsaved.py``),
    ask for a whole run so that none is left behind."""
    if not fragment_run():
        return
    wb = workbook()
    stale_line = DRAWN_LINE in st.session_state and st.session_state[DRAWN_LINE] != _saved_line(wb)
    copy = st.session_state.get(DRAWN_COPY)
    stale_copy = copy is not None and copy != keeping.answers_digest(wb)
    from ui import unsaved  # (it builds on this module)

    if stale_line or stale_copy or unsaved.stale():
        st.rerun(scope="app")


# --- the offer to restore ------------------------------------------------------------------------


def _restore() -> None:
    try:
        restored = keeping.read_stored_copy(st.session_state.get(OFFER))
    except WorkbookError:
        return  # the prompt shows why; nothing changes
    restored.language = lang()  # the language being read now, not the one stored
    st.session_state[WORKBOOK_KEY] = restored
    st.session_state.pop(OFFER, None)
    stage = st.session_state.pop(OFFER_TURN, None)
    if stage is not None:
        # Kept in the middle of a private turn: back to that turn, answers out of sight, so
        # that a reload is no way round the question asked before the turns stop.
        st.session_state[TURN_KEY] = stage
        st.session_state[PRESENTING_KEY] = False
    st.session_state[FLASH] = "keep.restored"


def _discard() -> None:
    st.session_state.pop(OFFER, None)
    st.session_state.pop(OFFER_TURN, None)
    st.session_state[FLASH] = "keep.discarded"


def restore_prompt() -> None:
    """At the top of the page: offer the copy found in this browser back (Restore / Discard).

    A broken or foreign copy is read like an uploaded file and shown as a message; restoring over
    answers already on screen says that it replaces them. Not offered on a shared screen or
    while one partner answers alone."""
    flash = st.session_state.pop(FLASH, None)
    if flash in ("keep.restored", "keep.discarded"):
        st.success(t(flash))
    if OFFER not in st.session_state or presenting() or private_turn():
        return
    with st.container(border=True, key="keep_offer"):
        try:
            stored = keeping.read_stored_copy(st.session_state[OFFER])
        except WorkbookError as error:
            problems = "\n".join(f"- {markdown_escape(m)}" for m in problem_messages(error, lang()))
            st.warning(f"{t('keep.broken')}\n\n{problems}")
            st.button(t("keep.discard_broken"), key="keep_discard", on_click=_discard)
            return
        when = shown_time(stored.updated, st.context.timezone, lang())
        st.markdown(t("keep.offer", date=markdown_escape(when)))
        if OFFER_TURN in st.session_state:
            st.info(t("turns_confirm.resume_note"))
        replacing = not workbook_is_blank(workbook())
        if replacing:
            st.warning(t("keep.offer_replaces"))
        restore, discard = st.columns(2)
        restore.button(
            t("keep.restore_replacing" if replacing else "keep.restore"),
            key="keep_restore",
            type="primary",
            on_click=_restore,
            width="stretch",
        )
        discard.button(t("keep.discard"), key="keep_discard", on_click=_discard, width="stretch")
