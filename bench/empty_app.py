"""The baseline of bench/rerun_cost.py: an empty Streamlit page (one line of text, nothing else)."""

import streamlit as st

st.markdown("Empty page.")
