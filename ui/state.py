"""The session's one Workbook, the current language, and ``t()`` bound to it."""

from __future__ import annotations

import streamlit as st

from emotions import i18n
from emotions.escape import markdown_escape
from emotions.model import Language, PartnerId, Workbook

WORKBOOK_KEY = "workbook"


def workbook() -> Workbook:
    """The session's workbook, created on first use in the browser's language."""
    wb = st.session_state.get(WORKBOOK_KEY)
    if wb is None:
        wb = Workbook(language=i18n.language_from_locale(st.context.locale))
        st.session_state[WORKBOOK_KEY] = wb
    return wb


def lang() -> Language:
    """The language the user has chosen (kept in the workbook)."""
    return workbook().language


def t(key: str, **values: object) -> str:
    """A catalog text in the current language."""
    return i18n.t(key, lang(), **values)


def name(pid: PartnerId) -> str:
    """A partner's display name, Markdown-escaped, ready to go into a label or markdown."""
    partner = workbook().partners.get(pid)  # reading a name must not add a missing partner
    return markdown_escape(i18n.partner_label(partner.name if partner else "", pid, lang()))
