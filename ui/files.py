"""Uploads processed once: Streamlit hands the same uploaded file to every rerun."""

from __future__ import annotations

from typing import TypeGuard

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

_SEEN = "_processed_uploads"


def new_upload(uploaded: UploadedFile | None) -> TypeGuard[UploadedFile]:
    """True the first time a given uploaded file is seen in this session, False on reruns."""
    if uploaded is None:
        return False
    seen: set[str] = st.session_state.setdefault(_SEEN, set())
    if uploaded.file_id in seen:
        return False
    seen.add(uploaded.file_id)
    return True
