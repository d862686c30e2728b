"""Your workbook: download summaries and files, resume from a file, combine two partners' files.

In presentation mode the page says only that files are hidden: no downloads or uploads on a
shared screen.
"""

import datetime as dt
from typing import TYPE_CHECKING

import streamlit as st

from emotions import combine as combining
from emotions import keep as keeping
from emotions.escape import markdown_escape
from emotions.model import PARTNER_IDS, Language, Workbook
from emotions.workbook_io import (
    Upload,
    WorkbookError,
    dump_workbook,
    problem_messages,
    receive_upload,
)
from ui.files import UPLOAD_BUTTON, UPLOADER_CSS, new_upload, size_note
from ui.keep import mark_downloaded as saved_in_file
from ui.state import WORKBOOK_KEY, editing, lang, name, partner_labels, t, workbook
from ui.then_and_now import then_and_now
from ui.widgets import choice

if TYPE_CHECKING:
    from emotions.export.document import Summary

PENDING = "_pending_combine"
FLASH = "_files_flash"
PENDING_RESUME = "_pending_resume"
# Messages about rejected files shown in this run (not docstrings: a page script would print them),
# and those carried over when the run ends in a rerun (another file was taken): shown once more.
PROBLEMS = "_files_problems"
CARRIED = "_files_problems_carried"


def replace_workbook(new: Workbook, message: str, *, from_file: bool = False) -> None:
    """Make ``new`` the session's workbook (in the language the user is reading) and redraw
    everything from it, showing ``message`` once. ``from_file``: ``new`` is exactly a file the
    user holds (a resumed workbook file), so nothing on screen is at risk until the next answer;
    a combination is new and stays unsaved."""
    new.language = lang()
    if from_file:
        saved_in_file(keeping.answers_digest(new))
    st.session_state[WORKBOOK_KEY] = new
    st.session_state[FLASH] = message
    st.session_state[CARRIED] = st.session_state.pop(PROBLEMS, [])
    st.rerun()


def show_problems(error: WorkbookError, file_name: str) -> None:
    """Say which file was rejected and why; the message outlives a rerun in this run."""
    text = (
        t("files.rejected", file=markdown_escape(file_name))
        + "\n\n"
        + "\n".join(f"- {markdown_escape(m)}" for m in problem_messages(error, lang()))
    )
    st.error(text)
    st.session_state.setdefault(PROBLEMS, []).append(text)


def combined_message(count: int) -> str:
    return t("files.combined", count=count) if count else t("files.combined_nothing")


def take(received: Upload, file_name: str) -> None:
    """Do what an uploaded file does (``receive_upload``): nothing but a message when it was
    rejected; replace or combine; or keep it pending until the user has chosen."""
    if received.kind == "rejected":
        assert received.error is not None
        show_problems(received.error, file_name)
        return
    assert received.workbook is not None
    if received.kind == "replaced":
        replace_workbook(received.workbook, t("files.resumed"), from_file=True)
    elif received.kind == "combined":
        # No choice was asked for: nothing added means the file had nothing new (or nothing).
        message = (
            combined_message(received.added) if received.added else t("combine_rooms.nothing_new")
        )
        replace_workbook(received.workbook, message)
    elif received.kind == "conflicts":
        # Keep the file until the user has chosen; nothing changes before that.
        st.session_state[PENDING] = received.workbook
    else:  # "confirm": answers on screen are only replaced once the user says so
        st.session_state[PENDING_RESUME] = received.workbook


def cards(wb: Workbook, stamp: str, code: Language) -> None:
    """The take-away cards (PDF), or what to answer before there are any."""
    from emotions.export.cards import choose, to_cards_pdf

    st.subheader(t("cards.heading"), anchor=False)
    if not choose(wb):
        st.markdown(t("cards.answer_first"))
        return
    st.markdown(t("cards.help"))
    names = st.toggle(
        t("cards.with_names"),
        key="cards_names",
        help=t("cards.with_names_help", **partner_labels()),
    )
    both = st.toggle(t("cards.bilingual"), key="cards_bilingual")
    st.download_button(
        t("cards.download"),
        data=lambda: to_cards_pdf(wb, code, with_names=names, bilingual=both),
        file_name=f"emotional-needs-cards-{stamp}-{code}.pdf",
        mime="application/pdf",
        key="download_cards",
        on_click="ignore",
    )


def downloads(wb: Workbook, stamp: str, code: Language) -> None:
    """Summaries in four formats and the workbook file to keep, each built when asked for
    (``stamp``: today's date, ``code``: the language of the files)."""
    st.header(t("files.download_heading"), anchor=False)
    anonymous = st.toggle(
        t("files.anonymous"),
        key="files_anonymous",
        help=t("files.anonymous_help", **partner_labels()),
    )

    def summary() -> "Summary":
        from emotions.export.summary import build_summary

        return build_summary(wb, code, anonymous=anonymous)

    def markdown_bytes() -> bytes:
        from emotions.export.markdown import to_markdown

        return to_markdown(summary()).encode("utf-8")

    def html_bytes() -> bytes:
        from emotions.export.html import to_html

        return to_html(summary()).encode("utf-8")

    def pdf_bytes() -> bytes:
        from emotions.export.pdf import to_pdf

        return to_pdf(summary())

    def csv_bytes() -> bytes:
        from emotions.export.csv_tables import csv_zip

        return csv_zip(wb, code, anonymous=anonymous)

    def json_bytes() -> bytes:
        return dump_workbook(wb).encode("utf-8")

    # Each file is built only when its button is pressed (a callable), never on a rerun.
    formats = [
        ("pdf", pdf_bytes, "pdf", "application/pdf"),
        ("html", html_bytes, "html", "text/html"),
        ("markdown", markdown_bytes, "md", "text/markdown"),
        ("csv", csv_bytes, "zip", "application/zip"),
    ]
    columns = st.columns(len(formats))
    for column, (kind, build, ext, mime) in zip(columns, formats, strict=True):
        column.download_button(
            t(f"files.format_{kind}"),
            data=build,
            file_name=f"emotional-needs-{stamp}-{code}.{ext}",
            mime=mime,
            key=f"download_{kind}",
            on_click="ignore",
            width="stretch",
        )
    st.caption(t("files.formats_help"))
    cards(wb, stamp, code)

    st.subheader(t("files.keep_heading"), anchor=False)
    st.markdown(t("files.keep_help"))
    st.download_button(
        t("files.format_json"),
        # Built on every run (a few kilobytes, well under a millisecond), not on the click: the
        # click also tells the session the file was saved (ui/keep.py), and the rerun that starts
        # could otherwise drop a file still being built for the browser.
        data=json_bytes(),
        file_name=f"emotional-needs-{stamp}.json",
        mime="application/json",
        key="download_json",
        on_click="ignore",
        type="primary",
    )


def resume() -> None:
    """Resume from a workbook file; answers on screen are replaced only once the user agrees."""
    st.header(t("files.resume_heading"), anchor=False)
    st.markdown(t("files.resume_help"))
    # No type filter: a wrong file gets our message, in the user's language, not the browser's.
    uploaded = st.file_uploader(t("files.resume_label", button=UPLOAD_BUTTON), key="resume_upload")
    size_note()
    if new_upload(uploaded):
        # A partner file holds one half: it joins the answers instead of replacing them.
        take(receive_upload(uploaded.getvalue(), workbook(), resume=True), uploaded.name)
    if PENDING_RESUME in st.session_state:
        st.warning(t("files.resume_confirm"))
        replace, keep = st.columns(2)
        if replace.button(t("files.resume_replace"), key="resume_replace", type="primary"):
            replace_workbook(
                st.session_state.pop(PENDING_RESUME), t("files.resumed"), from_file=True
            )
        if keep.button(t("files.resume_keep"), key="resume_keep"):
            del st.session_state[PENDING_RESUME]
            st.rerun()


def separate_halves(wb: Workbook, stamp: str) -> None:
    """A partner's own file, and combining partner files (asking on conflicts)."""
    st.header(t("files.separate_heading"), anchor=False)
    st.markdown(t("files.separate_help"))
    pid = choice(t("files.partner_file_who"), {p: name(p) for p in PARTNER_IDS}, "files_partner")
    st.download_button(
        t("files.partner_file", name=name(pid)),
        data=lambda: dump_workbook(combining.partner_file(wb, pid)).encode("utf-8"),
        file_name=f"emotional-needs-{stamp}-partner-{pid}.json",
        mime="application/json",
        key="download_partner",
        on_click="ignore",
    )

    incoming_files = st.file_uploader(
        t("files.combine_label", button=UPLOAD_BUTTON),
        accept_multiple_files=True,
        key="combine_upload",
    )
    size_note()
    # While a choice is pending, further files wait (they are processed after it).
    for incoming_file in [] if PENDING in st.session_state else incoming_files or []:
        if not new_upload(incoming_file):
            continue
        take(receive_upload(incoming_file.getvalue(), workbook(), resume=False), incoming_file.name)
        if PENDING in st.session_state:
            break

    pending = st.session_state.get(PENDING)
    if pending is not None:
        conflicts = combining.combine(workbook(), pending).conflicts
        st.warning(t("files.conflict_intro"))
        sides = {"current": t("files.keep_current"), "incoming": t("files.keep_incoming")}
        with st.form("combine_form"):
            for conflict in conflicts:
                who = t("files.conflict_shared") if conflict == "shared" else name(conflict)
                st.radio(
                    t("files.conflict_which", who=who),
                    list(sides),
                    format_func=sides.__getitem__,
                    key=f"combine_choice__{conflict}",
                    horizontal=True,
                )
            apply, cancel = st.columns(2)
            if apply.form_submit_button(t("files.combine_apply"), type="primary"):
                choices = {c: st.session_state[f"combine_choice__{c}"] for c in conflicts}
                del st.session_state[PENDING]
                combined = combining.combine(workbook(), pending, choices)
                replace_workbook(combined.workbook, combined_message(combined.answers_added))
            if cancel.form_submit_button(t("files.combine_cancel")):
                del st.session_state[PENDING]
                st.rerun()


wb = workbook()
stamp = dt.date.today().isoformat()
code = lang()
st.title(t("files.heading"), anchor=False)
if editing():
    st.markdown(t("files.intro"))
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
# Rejections from the run before a rerun (e.g. one bad file among good ones) are shown once.
st.session_state[PROBLEMS] = []
for carried in st.session_state.pop(CARRIED, []):
    st.error(carried)
if editing():
    st.html(UPLOADER_CSS)
    downloads(wb, stamp, code)
    resume()
    separate_halves(wb, stamp)
    then_and_now()
else:
    # A shared screen: no file of the couple's answers is offered, and none is taken in.
    st.info(t("present_b.files_hidden"))
