"""What every page shows around its content: language switch, names, notice, privacy line."""

from __future__ import annotations

import streamlit as st

from emotions.dimensions import SECTION_IDS
from emotions.i18n import t as translate
from emotions.model import PARTNER_IDS, Language, PartnerId
from ui.state import lang, t, workbook
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


__all__ = ["lang", "mark_visited", "notice", "progress", "sidebar"]
