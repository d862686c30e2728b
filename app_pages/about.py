"""Safety: where to find help (first, for whoever needs it fast), when to look for professional
help, that no one monitors the answers, what the workbook is and is not, and where its ideas come
from (``ui.sources``). Numbers, citations and DOIs are plain text: nothing here loads anything
from elsewhere."""

import streamlit as st

from emotions import helplines
from ui.sources import sources_part
from ui.state import lang, t

st.title(t("about.heading"), anchor=False)
st.markdown(t("safety_page.intro", nav=t("safety_page.nav"), link=t("frame.safety_link")))

st.header(t("safety_page.help_heading"), anchor=False)
japan, us = st.columns(2, gap="large")
with japan:
    st.subheader(t("safety_page.japan_heading"), anchor=False)
    st.markdown(t("safety_page.japan"))
with us:
    st.subheader(t("safety_page.us_heading"), anchor=False)
    st.markdown(t("safety_page.us"))
st.caption(helplines.checked_line(lang()))
st.warning(t("safety_page.elsewhere"))
st.info(t("safety_page.exit_hint"), icon="🚪")

st.subheader(t("safety_page.when_heading"), anchor=False)
st.markdown(t("safety_page.when"))

st.subheader(t("safety_page.privacy_heading"), anchor=False)
st.markdown(t("safety_page.privacy"))

st.subheader(t("safety_page.what_heading"), anchor=False)
st.markdown(t("safety_page.what"))

sources_part()
