"""Section 10: the rewriter (a complaint turned into what feels missing, from a template) and
openers drawn from the couple's top areas. In presentation mode nothing can be written or removed,
and the rewrites are shown only once the notes of the page are."""

import streamlit as st

from emotions import analysis
from emotions.escape import markdown_escape
from emotions.exercises import rewrite
from emotions.exercises.limits import SHORT_TEXT_MAX, max_length
from emotions.model import PARTNER_IDS, Partner, PartnerId, Rewrite
from emotions.texts import Names
from ui.section import (
    folded_notes,
    for_you_two,
    header,
    nothing_to_compare,
    reflection,
    safe_names,
)
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import Setter, bound, choice, item_field_setter

MAX_REWRITES = max_length(Partner, "rewrites")
# View state, not a widget: which rewrite each partner is editing, kept across page switches.
EDITING = "talk__editing__"


def _editing(pid: PartnerId, count: int) -> int:
    index: int = st.session_state.get(EDITING + pid, count - 1)
    return min(max(index, 0), count - 1)


def _add(pid: PartnerId) -> None:
    partner = workbook().partner(pid)
    if len(partner.rewrites) < MAX_REWRITES:
        partner.rewrites = [*partner.rewrites, Rewrite()]
        st.session_state[EDITING + pid] = len(partner.rewrites) - 1
        workbook().touch()


def _remove(pid: PartnerId, index: int) -> None:
    partner = workbook().partner(pid)
    if index < len(partner.rewrites):
        partner.rewrites = [r for i, r in enumerate(partner.rewrites) if i != index]
        editing = st.session_state.get(EDITING + pid, 0)
        if editing >= index:
            st.session_state[EDITING + pid] = max(editing - 1, 0)
        workbook().touch()


def _edit(pid: PartnerId, index: int) -> None:
    st.session_state[EDITING + pid] = index


def _feeling_pick_setter(pid: PartnerId, index: int) -> Setter[str | None]:
    def set_feeling(value: str | None) -> None:
        rewrites = workbook().partner(pid).rewrites
        if index >= len(rewrites):
            return
        if value is not None:
            rewrites[index].feeling = value
        elif rewrites[index].feeling in rewrite.FEELING_IDS:
            rewrites[index].feeling = ""

    return set_feeling


def editor(pid: PartnerId, rewrites: list[Rewrite]) -> None:
    """The rewrite being edited, then the button that starts another."""
    if rewrites:
        index = _editing(pid, len(rewrites))
        current = rewrites[index]
        with st.container(border=True):
            st.markdown(f"**{t('talk.editing', number=index + 1)}**")
            key = f"talk__{pid}__{index}__"

            def part_input(field: str, label: str, hint: str) -> None:
                st.text_input(
                    label,
                    max_chars=SHORT_TEXT_MAX,
                    help=hint,
                    **bound(
                        key + field,
                        getattr(current, field),
                        item_field_setter(pid, "rewrites", index, field),
                    ),
                )

            part_input("complaint", t("talk.complaint"), t("talk.complaint_help"))
            part_input("situation", t("talk.situation"), t("talk.situation_help"))
            feelings = {f: rewrite.feeling_text(f, lang()) for f in rewrite.FEELING_IDS}
            listed = current.feeling in rewrite.FEELING_IDS
            st.pills(
                t("talk.feeling"),
                list(feelings),
                format_func=feelings.__getitem__,
                selection_mode="single",
                **bound(
                    key + "feeling",
                    current.feeling if listed else None,
                    _feeling_pick_setter(pid, index),
                ),
            )
            st.text_input(
                t("talk.feeling_own"),
                max_chars=SHORT_TEXT_MAX,
                help=t("talk.feeling_own_help"),
                **bound(
                    key + "feeling_own",
                    "" if listed else current.feeling,
                    item_field_setter(pid, "rewrites", index, "feeling"),
                ),
            )
            part_input("need", t("talk.need"), t("talk.need_help"))
            part_input("request", t("talk.request"), t("talk.request_help"))
            statement = rewrite.need_statement(current, lang())
            st.markdown(f"**{t('talk.statement')}**")
            if statement:
                st.info(markdown_escape(statement))
            else:
                st.caption(t("talk.statement_empty"))

    if not rewrites:
        st.button(t("talk.start"), key=f"talk__start__{pid}", on_click=_add, args=(pid,))
    elif len(rewrites) >= MAX_REWRITES:
        st.caption(t("talk.full", max=MAX_REWRITES))
    else:
        waiting = any(rewrite.is_empty(r) for r in rewrites)
        st.button(
            t("talk.add"),
            key=f"talk__add__{pid}",
            on_click=_add,
            args=(pid,),
            disabled=waiting,
            help=t("talk.add_help") if waiting else None,
        )


def saved(pid: PartnerId, rewrites: list[Rewrite], names: Names) -> None:
    """The rewrites so far, each with its edit and remove buttons when editing."""
    st.subheader(t("talk.saved_heading"), anchor=False)
    if not rewrites:
        st.markdown(t("talk.none", name=names.of(pid)))
    for i, entry in enumerate(rewrites):
        statement = rewrite.need_statement(entry, lang())
        text = markdown_escape(statement) if statement else t("talk.untitled")
        line = f"**{i + 1}.** {text}"
        if entry.complaint.strip():
            line += "  \n" + t("talk.from", complaint=markdown_escape(entry.complaint))
        st.markdown(line)
        if not editing():
            continue
        edit, remove = st.columns(2)
        edit.button(
            t("talk.edit"),
            key=f"talk__edit__{pid}__{i}",
            on_click=_edit,
            args=(pid, i),
            disabled=i == _editing(pid, len(rewrites)),
            width="stretch",
        )
        remove.button(
            t("talk.remove"),
            key=f"talk__remove__{pid}__{i}",
            on_click=_remove,
            args=(pid, i),
            width="stretch",
        )


wb = view()
names = safe_names()
header("communication")

st.subheader(t("talk.heading"), anchor=False)
st.markdown(t("talk.how"))
# Presenting, the rewrites are in the view only once the notes are shown: until then, no choice of
# partner and no empty list.
if editing() or any(p.rewrites for p in wb.partners.values()):
    pid = choice(t("talk.who"), {p: name(p) for p in PARTNER_IDS}, "talk_who")
    rewrites = wb.partner(pid).rewrites
    if editing():
        editor(pid, rewrites)
    saved(pid, rewrites, names)
# Presenting with the rewrites folded (or none written): how many there are, and a large control.
folded_notes({p: len(x.rewrites) for p, x in workbook().partners.items()}, "talk_show_notes")

st.subheader(t("talk.openers_heading"), anchor=False)
compared = analysis.can_compare(wb)
found = rewrite.openers(wb, names, lang())
if not compared:
    nothing_to_compare()  # openers are drawn from needs both partners answered
elif not found:
    st.markdown(t("talk.no_areas"))
for opener in found:
    area = opener.area
    title = t(
        "you_two.area_title",
        dimension=t(f"dim.{area.dimension}.name"),
        band=t(f"band.{area.band}"),
        difference=area.difference,
    )
    st.markdown(f"**{title}**\n\n" + "\n".join(f"- {x}" for x in (opener.opener, *opener.examples)))
if found:
    st.caption(t("talk.openers_caption"))

if compared:  # otherwise the line above already says there is nothing to compare
    # The safety pointer comes with the notes below (reflection), not twice.
    for_you_two(
        analysis.top_areas(wb, 2), keys=("higher_may_read", "lower_may_experience"), pointer=False
    )
reflection("communication")
