"""A tiny app for testing bench/stclient.py: widgets outside and inside fragments, a form, a
fragment that refreshes itself, an exception on demand."""

import streamlit as st

st.title("Fragment fixture", anchor=False)
outside = st.slider("Outside", 0, 10, 3, key="outside")
st.session_state["full_runs"] = st.session_state.get("full_runs", 0) + 1
st.markdown(f"outside={outside} full_runs={st.session_state['full_runs']}")


@st.fragment
def inside_part() -> None:
    inside = st.slider("Inside", 0, 10, 5, key="inside")
    st.session_state["fragment_runs"] = st.session_state.get("fragment_runs", 0) + 1
    st.markdown(
        f"inside={inside} sees_outside={st.session_state['outside']} "
        f"fragment_runs={st.session_state['fragment_runs']}"
    )
    if inside == 9:
        st.markdown("about to fail")
        raise ValueError("nine is not allowed")
    if inside >= 7:
        st.markdown("inside is high")


inside_part()

st.radio("Pick", ["x", "y", "z"], index=1, key="pick", horizontal=True)
st.markdown(f"pick={st.session_state['pick']}")

with st.form("fixture_form", border=False):
    st.text_input("Name", key="form_name")
    st.form_submit_button("Send")
st.markdown(f"form_name={st.session_state.get('form_name', '')!r}")


@st.fragment(run_every=30)
def ticking() -> None:
    st.session_state["ticks"] = st.session_state.get("ticks", 0) + 1
    st.markdown(f"ticks={st.session_state['ticks']}")


ticking()
