"""The session's one Workbook, the current language, and ``t()`` bound to it."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from emotions import i18n
from emotions.analysis import BANDS
from emotions.escape import markdown_escape
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.turns import STAGES, Stage, is_private, turn_view

WORKBOOK_KEY = "workbook"
PRESENTING_KEY = "_presenting"
"""View state, not an answer: kept across pages, never in the workbook or its files."""
SHOW_NOTES_KEY = "_presenting_show_notes"
TURN_KEY = "_turns_stage"
"""View state of pass-and-play: absent outside the flow, else a ``emotions.turns.Stage``."""
EXITED_KEY = "_exited"
"""Set by the quick exit (to the language to say nothing in): only a neutral screen is drawn."""


def workbook() -> Workbook:
    """The session's workbook, created on first use in the browser's language."""
    wb = st.session_state.get(WORKBOOK_KEY)
    if wb is None:
        wb = Workbook(language=i18n.language_from_locale(st.context.locale))
        st.session_state[WORKBOOK_KEY] = wb
    return wb


def presenting() -> bool:
    """Whether presentation mode is on (screen shared: no names, notes folded, no editing)."""
    return bool(st.session_state.get(PRESENTING_KEY, False))


def editing() -> bool:
    """Whether the page may draw its answer controls (not in presentation mode)."""
    return not presenting()


def turn_stage() -> Stage | None:
    """Where pass-and-play stands, or None outside the flow."""
    stage = st.session_state.get(TURN_KEY)
    return stage if stage in STAGES else None


def private_turn() -> bool:
    """Whether one partner is answering alone (or the device is being handed over): the
    other partner's answers must not appear anywhere until the reveal."""
    return is_private(turn_stage())


def exited() -> bool:
    """Whether the quick exit was used in this session."""
    return EXITED_KEY in st.session_state


def view() -> Workbook:
    """What the page may show: the workbook itself; during a private pass-and-play turn a copy
    in which the partner not answering is blank (``emotions.turns.turn_view``: reset to
    defaults, not dropped); in presentation mode a copy without names and, until the notes are
    shown on this page, without the couple's own words."""
    wb = turn_view(workbook(), turn_stage())
    if not presenting():
        return wb
    from emotions.presentation import presentation_view

    return presentation_view(wb, show_notes=bool(st.session_state.get(SHOW_NOTES_KEY)))


def fragment_run() -> bool:
    """Whether this run reruns a fragment alone (a widget inside it changed), not the app."""
    ctx = get_script_run_ctx()
    return bool(ctx and ctx.fragment_ids_this_run)


def lang() -> Language:
    """The language the user has chosen (kept in the workbook)."""
    return workbook().language


def t(key: str, **values: object) -> str:
    """A catalog text in the current language."""
    return i18n.t(key, lang(), **values)


def partner_labels() -> dict[str, str]:
    """The neutral partner labels (``partner_a="Partner A"``), for texts that name them."""
    return {f"partner_{pid}": t(f"partner.{pid}") for pid in PARTNER_IDS}


def band_labels() -> dict[str, str]:
    """The band labels by band (``close=...``), for texts that name the bands (``{close}``)."""
    return {band: t(f"band.{band}") for band in BANDS}


def name(pid: PartnerId) -> str:
    """A partner's display name, Markdown-escaped, ready to go into a label or markdown."""
    partner = workbook().partners.get(pid)  # reading a name must not add a missing partner
    label = i18n.partner_label(partner.name if partner else "", pid, lang(), anonymous=presenting())
    return markdown_escape(label)
