"""What every page shows around its content: language switch, names, notice, privacy line."""

from __future__ import annotations

from typing import Any

import streamlit as st

from emotions.dimensions import SECTION_IDS
from emotions.i18n import t as translate
from emotions.model import PARTNER_IDS, Language, PartnerId
from emotions.presentation import holds_notes
from ui.state import PRESENTING_KEY, SHOW_NOTES_KEY, lang, presenting, t, workbook
from ui.widgets import bound

LANGUAGES: tuple[Language, ...] = ("en", "ja")


def _set_language(value: Language) -> None:
    workbook().language = value


def _name_setter(pid: PartnerId):  # type: ignore[no-untyped-def]
    def set_name(value: str) -> None:
        workbook().partner(pid).name = value.strip()

    return set_name


def sidebar() -> None:
    """Language switch and optional names, in the sidebar of every page."""
    wb = workbook()
    with st.sidebar:
        st.radio(
            t("lang.label"),
            LANGUAGES,
            # Each language is named in its own words, whatever the current language is.
            format_func=lambda code: translate(f"lang.{code}", code),
            horizontal=True,
            **bound("ui_lang", wb.language, _set_language),
        )
        if presenting():
            return  # names are not shown, let alone edited, on a shared screen
        with st.expander(t("names.heading")):
            for pid in PARTNER_IDS:
                st.text_input(
                    t(f"names.{pid}_label"),
                    max_chars=40,
                    help=t("names.help"),
                    **bound(
                        f"name__{pid}",
                        wb.partners[pid].name if pid in wb.partners else "",
                        _name_setter(pid),
                    ),
                )


# Larger type for a shared screen. Our own constant stylesheet, never user text.
_PRESENTATION_CSS = """<style>
[data-testid="stMain"] { font-size: 1.25rem; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.25rem; line-height: 1.7; }
[data-testid="stMain"] h1 { font-size: 2.9rem; }
[data-testid="stMain"] h2 { font-size: 2.1rem; }
[data-testid="stMain"] h3 { font-size: 1.7rem; }
</style>"""


def _keep_presenting() -> None:
    st.session_state[PRESENTING_KEY] = st.session_state["ui_present"]
    st.session_state[SHOW_NOTES_KEY] = False


def _keep_show_notes() -> None:
    st.session_state[SHOW_NOTES_KEY] = st.session_state["present_show_notes"]


def presentation(url_path: str) -> None:
    """The presentation-mode switch (sidebar) and, when on, large type and the notes control.

    Notes fold again on every page change: showing them is a choice made page by page.
    """
    if st.session_state.get("_presenting_page") != url_path:
        st.session_state["_presenting_page"] = url_path
        st.session_state[SHOW_NOTES_KEY] = False
    st.session_state["ui_present"] = presenting()
    st.sidebar.toggle(
        t("present.toggle"), key="ui_present", help=t("present.help"), on_change=_keep_presenting
    )
    if not presenting():
        return
    st.html(_PRESENTATION_CSS)
    if holds_notes(workbook()):
        st.session_state["present_show_notes"] = bool(st.session_state.get(SHOW_NOTES_KEY))
        st.toggle(t("present.show_notes"), key="present_show_notes", on_change=_keep_show_notes)


def step_buttons(ordered: list[Any], current: Any) -> None:
    """Previous / next section links under the page, for stepping through in order."""
    if current not in ordered:
        return
    index = ordered.index(current)
    before, after = st.columns(2)
    if index > 0:
        before.page_link(ordered[index - 1], label=f"← {ordered[index - 1].title}")
    if index + 1 < len(ordered):
        after.page_link(ordered[index + 1], label=f"{ordered[index + 1].title} →")


def mark_visited(url_path: str) -> None:
    """Remember that the couple opened this section (for the progress line)."""
    wb = workbook()
    if url_path in SECTION_IDS and url_path not in wb.visited:
        wb.visited.append(url_path)  # type: ignore[arg-type]


def progress() -> None:
    """How far the couple has come: sections explored out of sixteen."""
    explored = len(workbook().visited)
    with st.sidebar:
        st.progress(explored / len(SECTION_IDS), text=t("frame.progress", count=explored))


def notice() -> None:
    """The not-therapy notice and the privacy line, at the top of every page."""
    st.caption(f"{t('frame.notice')}  \n{t('frame.privacy')}")


__all__ = ["lang", "mark_visited", "notice", "presentation", "progress", "sidebar", "step_buttons"]
