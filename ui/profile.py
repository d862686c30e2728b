"""Each partner's own profile (``emotions.profile``) on a page, and what they left open.

Shown from ``view()``: in presentation mode the partners are "Partner A" / "Partner B"
(``safe_names``), and each block is drawn from one partner's answers only.
"""

from __future__ import annotations

import streamlit as st

from emotions import profile
from emotions.analysis import answer_count, can_compare
from emotions.model import PARTNER_IDS, PartnerId, Workbook
from ui.section import safe_names, small_print
from ui.state import lang, t, view


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _answered(wb: Workbook) -> list[PartnerId]:
    return [pid for pid in PARTNER_IDS if pid in wb.partners and answer_count(wb, pid)]


def own_profiles() -> None:
    """The needs page: each partner who has answered something, on their own.

    While the partners cannot be compared yet, this is what the page has to say about them: the
    profiles are shown open. Once they can, the comparison comes first and the profiles wait in
    a closed expander. At most two elements (expander and one Markdown), for the fragment's sake.
    """
    wb = view()
    who = _answered(wb)
    if not who:
        return
    names = safe_names()
    blocks = [
        f"#### {t('profile.heading', name=names.of(pid))}\n\n"
        + _bullets(profile.profile_lines(wb, pid, names, lang()))
        for pid in who
    ]
    body = "\n\n".join([*blocks, small_print(t("profile.note"))])
    if can_compare(wb):
        with st.expander(t("profile.expander")):
            st.markdown(body, anchors=False)
    else:
        st.markdown(body, anchors=False)


def profiles_and_open_questions() -> None:
    """The final page: each partner's own profile (once they answered something) and what is
    still unanswered for them, one Markdown element per partner the workbook holds."""
    wb = view()
    names = safe_names()
    st.subheader(t("profile.final_heading"), anchor=False)
    for pid in PARTNER_IDS:
        if pid not in wb.partners:
            continue
        name = names.of(pid)
        parts = []
        if answer_count(wb, pid):
            parts.append(
                f"**{t('profile.heading', name=name)}**\n\n"
                + _bullets(profile.profile_lines(wb, pid, names, lang()))
            )
        parts.append(
            f"**{t('profile.open_heading', name=name)}**\n\n"
            + _bullets(profile.unanswered_lines(wb, pid, names, lang()))
        )
        st.markdown("\n\n".join(parts))
    if _answered(wb):
        st.caption(t("profile.note"))
