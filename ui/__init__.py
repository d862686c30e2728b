"""The few Streamlit helpers the pages share. Only this package and the pages import streamlit."""
