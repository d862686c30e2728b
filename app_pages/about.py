"""About the workbook: what it is and is not, privacy, and where to find help."""

import streamlit as st

from ui.state import t

st.title(t("about.heading"), anchor=False)
st.markdown(t("about.what"))
st.markdown(t("about.privacy"))
st.subheader(t("about.help_heading"), anchor=False)
st.markdown(t("about.help"))
