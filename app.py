"""Entrypoint: page config, the session's workbook, the shared frame and the navigation."""

from __future__ import annotations

import streamlit as st

from emotions.dimensions import SECTION_IDS
from emotions.sections import SECTION_GROUPS, section, section_title
from emotions.tools import TOOL_PAGES, TOOL_PATHS
from ui import frame, keep, unsaved
from ui.state import exited, lang, private_turn, t, workbook

if exited():
    # After a quick exit only a blank page is drawn, before anything could recreate a workbook.
    frame.neutral_screen([*SECTION_IDS, *TOOL_PATHS])
    st.stop()

st.set_page_config(
    page_title="Emotional Needs Workbook · 気持ちのニーズ・ワークブック",
    page_icon="🌿",
    layout="wide",
    initial_sidebar_state="auto",  # collapsed on a phone, open on a desktop
)

workbook()  # create the session's workbook (in the browser's language) before anything reads it


tools = {
    tool.url_path: st.Page(
        tool.script, title=t(tool.nav_key), url_path=tool.url_path, icon=tool.icon
    )
    for tool in TOOL_PAGES
}
turns, safety = tools["turns"], tools["about"]

if private_turn():
    # One partner answers alone, or the device is being handed over: only the turns page and
    # the safety page exist, so no page that draws the other partner's answers can be reached.
    # Any other address (the browser's back button) brings up the turns page, not an error.
    elsewhere = [
        st.Page("app_pages/turns.py", title=t("turns.nav"), url_path=path, visibility="hidden")
        for path in [*SECTION_IDS, "workbook"]
    ]
    current = st.navigation([turns, safety, *elsewhere])
    if current.url_path not in (turns.url_path, safety.url_path):
        st.switch_page(turns)
    frame.page_title(current.title)
    frame.top_exit()
    frame.safety_bar(safety, frame.view_name(current.url_path))
    frame.answer_progress()
    frame.sidebar()
    keep.panel()
    frame.notice()
    current.run()
    keep.store()
    unsaved.guard()
    st.stop()

pages = {
    t(f"nav.group.{group.id}"): [
        st.Page(section(sid).page, title=section_title(sid, lang()), url_path=sid)
        for sid in group.sections
    ]
    for group in SECTION_GROUPS
}
pages[t("nav.group.tools")] = list(tools.values())

current = st.navigation(pages, expanded=True)
frame.page_title(current.title)
# The first section is the default page, served at "/" with an empty url_path.
url_path = current.url_path or SECTION_IDS[0]
frame.mark_visited(url_path)
frame.top_exit()  # first in the main area: the quick exit is one tap on a phone
frame.safety_bar(safety, frame.view_name(url_path))
frame.progress()
frame.sidebar()
keep.panel()
frame.presentation(url_path)
frame.start_over()
keep.restore_prompt()
unsaved.offer()
frame.notice(url_path)
current.run()
frame.step_buttons(
    [page for group in pages.values() for page in group][: len(SECTION_IDS)], current
)
# Last, so that the copy kept in the browser holds every change made in this run.
keep.store()
unsaved.guard()  # after the page too: the prompt before leaving follows this run's answers
