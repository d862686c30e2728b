"""Uploads processed once: Streamlit hands the same uploaded file to every rerun."""

from __future__ import annotations

from typing import TypeGuard

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from emotions.workbook_io import MAX_BYTES
from ui.state import t

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


UPLOAD_BUTTON = "Upload"
"""The text of the button inside Streamlit 1.67's file uploader: English in every locale
(upstream issue #13500), so the uploaders' labels name it as it is shown."""

UPLOADER_CSS = (
    "<style>.st-key-resume_upload [data-testid='stFileUploaderDropzoneInstructions'],"
    " .st-key-combine_upload [data-testid='stFileUploaderDropzoneInstructions'],"
    " .st-key-history_upload [data-testid='stFileUploaderDropzoneInstructions']"
    " { display: none; }</style>"
)
"""Hides the uploaders' own size line ("1MB per file", English, from ``server.maxUploadSize``):
the workbook's limit is smaller (``workbook_io.MAX_BYTES``) and a caption in the user's language
states it (``files.size_note``). Hidden, not rewritten: no text is put into the page by CSS."""


def size_note() -> None:
    """The workbook's own upload limit, in the user's language, under an uploader."""
    st.caption(t("files.size_note", limit_kb=MAX_BYTES // 1000))
