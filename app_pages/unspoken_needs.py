"""Section 13: needs naming. A checklist per partner turned into "I need …" statements, each
marked spoken or not yet spoken, one in the partner's own words, and "guess before you ask".
In presentation mode the checklist is not drawn, and a statement in a partner's own words is listed
only once the notes of the page are shown."""

import streamlit as st

from emotions import analysis
from emotions.escape import markdown_escape
from emotions.exercises import naming
from emotions.exercises.limits import SHORT_TEXT_MAX
from emotions.model import PARTNER_IDS, PartnerId
from ui.section import for_you_two, header, muted, reflection, safe_names
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import Setter, bound, choice


# Setters look the partner up when the change arrives: the workbook may have been replaced.
def _tick_setter(pid: PartnerId, need_id: str) -> Setter[bool]:
    def set_ticked(on: bool) -> None:
        wb = workbook()
        partner = wb.partner(pid)
        partner.need_statements = naming.ticked(
            partner.need_statements, wb.language, need_id, bool(on)
        )

    return set_ticked


def _spoken_setter(pid: PartnerId, tag: str | None) -> Setter[bool]:
    def set_spoken(on: bool) -> None:
        statement = naming.find(workbook().partner(pid).need_statements, tag)
        if statement is not None:
            statement.spoken = bool(on)

    return set_spoken


def _own_setter(pid: PartnerId) -> Setter[str]:
    def set_own(value: str) -> None:
        partner = workbook().partner(pid)
        partner.need_statements = naming.with_own(partner.need_statements, value)

    return set_own


wb = view()
names = safe_names()
header("unspoken-needs")

st.subheader(t("naming.heading"), anchor=False)
st.markdown(t("naming.how"))
if editing():
    pid = choice(t("naming.who"), {p: name(p) for p in PARTNER_IDS}, "naming_who")
    statements = wb.partner(pid).need_statements
    full = len(statements) >= naming.MAX_STATEMENTS
    for need_id in naming.NEED_IDS:
        statement = naming.find(statements, need_id)
        key = f"naming__{pid}__{need_id}"
        st.checkbox(
            naming.label(need_id, lang()),
            disabled=full and statement is None,
            **bound(key, statement is not None, _tick_setter(pid, need_id)),
        )
        if statement is not None:
            st.caption(naming.statement_text(need_id, lang()))
            st.toggle(
                t("naming.spoken"),
                **bound(key + "__spoken", statement.spoken, _spoken_setter(pid, need_id)),
            )
    own = naming.find(statements, None)
    st.text_input(
        t("naming.own"),
        max_chars=SHORT_TEXT_MAX,
        help=t("naming.own_help"),
        disabled=full and own is None,
        **bound(f"naming__{pid}__own", own.text if own else "", _own_setter(pid)),
    )
    if own is not None:
        st.toggle(
            t("naming.spoken"),
            **bound(f"naming__{pid}__own__spoken", own.spoken, _spoken_setter(pid, None)),
        )
    if full:
        st.caption(t("naming.full", max=naming.MAX_STATEMENTS))

st.subheader(t("naming.statements_heading"), anchor=False)
for p in PARTNER_IDS:
    lines = [
        f"- {markdown_escape(naming.shown_text(s, lang()))} · "
        + muted(t("naming.status_spoken") if s.spoken else t("naming.status_unspoken"))
        for s in naming.statements_of(wb, p)
        # Presenting, one's own words are blank in the view until the notes are shown.
        if naming.shown_text(s, lang()).strip()
    ]
    st.markdown("\n".join([naming.counts_line(wb, p, names, lang()), "", *lines]))
both = naming.both_named(wb)
if both:
    st.markdown(t("naming.both") + "\n\n" + "\n".join(f"- {naming.label(n, lang())}" for n in both))

st.subheader(t("naming.guess_heading"), anchor=False)
if not naming.has_guesses(wb):
    st.markdown(t("naming.guess_none", question=t("needs.kind_guess")))
    st.page_link("app_pages/what_it_means.py", label=t("naming.link_needs"))
elif not naming.can_compare_guesses(wb):
    st.markdown(t("compare_b.naming_guess_waiting"))
    st.page_link("app_pages/meta_awareness.py", label=t("naming.link_reveal"))
else:
    guesses = naming.guess_lines(wb, names, lang())
    if guesses:
        st.markdown(t("naming.guess_intro") + "\n\n" + "\n".join(f"- {g}" for g in guesses))
        st.caption(t("naming.guess_after"))
    else:
        st.markdown(t("naming.guess_match"))
    st.page_link("app_pages/meta_awareness.py", label=t("naming.link_reveal"))

for_you_two(analysis.top_areas(wb, 2), keys=("higher_may_read", "lower_may_experience", "opener"))
reflection("unspoken-needs")
