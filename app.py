"""Entrypoint: page config, the session's workbook, the shared frame and the navigation."""

from __future__ import annotations

import streamlit as st

from emotions.dimensions import SECTION_GROUPS, SECTION_IDS
from ui import frame
from ui.state import t, workbook

st.set_page_config(
    page_title="Emotional Needs Workbook · 気持ちのニーズ・ワークブック",
    page_icon="🌿",
    layout="wide",
    initial_sidebar_state="auto",  # collapsed on a phone, open on a desktop
)

workbook()  # create the session's workbook (in the browser's language) before anything reads it


def page_file(section_id: str) -> str:
    """The script of a section: ``app_pages/<id with underscores>.py``."""
    return f"app_pages/{section_id.replace('-', '_')}.py"


pages = {
    t(f"nav.group.{group.id}"): [
        st.Page(page_file(sid), title=t(f"section.{sid}.title"), url_path=sid)
        for sid in group.sections
    ]
    for group in SECTION_GROUPS
}
pages[t("nav.group.tools")] = [
    st.Page("app_pages/workbook.py", title=t("nav.workbook"), url_path="workbook", icon="💾"),
    st.Page("app_pages/about.py", title=t("nav.about"), url_path="about", icon="🛟"),
]

current = st.navigation(pages, expanded=True)
# The first section is the default page, served at "/" with an empty url_path.
url_path = current.url_path or SECTION_IDS[0]
frame.mark_visited(url_path)
frame.progress()
frame.sidebar()
frame.presentation(url_path)
frame.notice()
current.run()
frame.step_buttons(
    [page for group in pages.values() for page in group][: len(SECTION_IDS)], current
)
