"""Section 11: trigger notes per partner, and the perception-gap game (guess, then reveal).

In presentation mode nothing can be written or guessed: the notes appear once the notes of the
page are shown, and the reveal still shows the guesses next to the answers.
"""

import streamlit as st

from emotions import analysis, chart_text, texts
from emotions.analysis import other
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.escape import markdown_escape
from emotions.exercises import awareness
from emotions.model import PARTNER_IDS, PartnerId, TriggerNote, Workbook
from ui.charts import chart_sentence, plotly_chart
from ui.section import folded_notes, for_you_two, header, muted, reflection, safe_names, table
from ui.state import editing, lang, name, t, view, workbook
from ui.widgets import Setter, answer, bound, choice, item_field_setter

FIELD_KEYS = {
    "trigger": ("aware.step_trigger", "aware.ph_trigger"),
    "reaction": ("aware.step_reaction", "aware.ph_reaction"),
    "belief": ("aware.step_belief", "aware.ph_belief"),
    "response": ("aware.step_response", "aware.ph_response"),
}
NOTICE_KEY = "aware_add_notice"


def new_key(pid: PartnerId, field: str) -> str:
    return f"aware_new__{pid}__{field}"


def add_note(pid: PartnerId) -> None:
    """The add form's one submit: append the note, or explain why nothing was added."""
    values = {field: st.session_state.get(new_key(pid, field), "") for field in FIELD_KEYS}
    note = awareness.new_trigger_note(values)
    notes = workbook().partner(pid).triggers
    if note is None or len(notes) >= awareness.MAX_TRIGGERS:
        st.session_state[NOTICE_KEY] = True
        return
    notes.append(note)
    workbook().touch()
    # Show the new note in the editor below.
    st.session_state[f"aware_edit__{pid}"] = len(notes) - 1


def remove_note(pid: PartnerId, index: int) -> None:
    notes = workbook().partner(pid).triggers
    if 0 <= index < len(notes):
        del notes[index]
        workbook().touch()
    st.session_state.pop(f"aware_edit__{pid}", None)


def set_guess(pid: PartnerId, dim: DimensionId) -> Setter[int | None]:
    def setter(value: int | None) -> None:
        workbook().partner(pid).ratings[dim].guess = value

    return setter


def show_notes(pid: PartnerId, notes: list[TriggerNote]) -> None:
    """Every note of ``pid``, one card each."""
    if not notes and editing():  # the line invites adding one: not for a shared screen
        st.caption(t("aware.no_notes", name=name(pid)))
    for number, note in enumerate(notes, 1):
        parts = awareness.note_parts(note, lang())
        with st.container(border=True):
            st.markdown(
                f"**{t('aware.note_number', number=number)}**\n\n"
                + "\n".join(
                    f"- **{label}:** "
                    + (markdown_escape(text) if text else muted(t("aware.unwritten")))
                    for label, text in parts
                )
            )


def edit_notes(pid: PartnerId, notes: list[TriggerNote]) -> None:
    """Change or remove one note, and add another through a form."""
    if notes:
        with st.expander(t("aware.edit_heading")):
            edit_key = f"aware_edit__{pid}"
            if st.session_state.get(edit_key) not in range(len(notes)):
                st.session_state[edit_key] = len(notes) - 1
            labels = {i: t("aware.note_number", number=i + 1) for i in range(len(notes))}
            index = st.selectbox(
                t("aware.edit_which"), list(labels), format_func=labels.__getitem__, key=edit_key
            )
            for field, (label_key, _) in FIELD_KEYS.items():
                st.text_input(
                    t(label_key),
                    max_chars=awareness.NOTE_MAX_CHARS,
                    **bound(
                        f"aware_note__{pid}__{index}__{field}",
                        getattr(notes[index], field),
                        item_field_setter(pid, "triggers", index, field),
                    ),
                )
            st.button(
                t("aware.remove"),
                key=f"aware_remove__{pid}",
                on_click=remove_note,
                args=(pid, index),
            )

    if len(notes) >= awareness.MAX_TRIGGERS:
        st.info(t("aware.full", name=name(pid)))
        return
    with st.form(f"aware_add__{pid}", clear_on_submit=True):
        st.markdown(f"**{t('aware.add_heading', name=name(pid))}**")
        for field, (label_key, placeholder_key) in FIELD_KEYS.items():
            st.text_input(
                t(label_key),
                max_chars=awareness.NOTE_MAX_CHARS,
                placeholder=t(placeholder_key),
                key=new_key(pid, field),
            )
        st.form_submit_button(
            t("aware.add"), key=f"aware_add_submit__{pid}", on_click=add_note, args=(pid,)
        )
    if st.session_state.pop(NOTICE_KEY, False):
        st.warning(t("aware.add_needs_trigger"))


def guess_questions(wb: Workbook, guesser: PartnerId) -> None:
    """One guesser's guesses of the other's needs, a question a dimension, one under another
    (eleven segments need the width)."""
    ratings = wb.partner(guesser).ratings
    st.markdown(t("aware.guess_intro", guesser=name(guesser), other=name(other(guesser))))
    st.caption(
        t(
            "aware.guess_count",
            guesser=name(guesser),
            count=awareness.guesses_made(wb, guesser),
        )
        + " "
        + t("answer.how_to")
    )
    for dim in DIMENSION_IDS:
        answer(
            t(f"dim.{dim}.name"),
            f"guess__{guesser}__{dim}",
            ratings[dim].guess,
            set_guess(guesser, dim),
            detail=t("needs.slider_help", low=t(f"dim.{dim}.low"), high=t(f"dim.{dim}.high")),
        )


wb = view()
header("meta-awareness")

# (a) Trigger notes: one partner at a time; read all, edit one, add through a form. Presenting,
# the notes are in the view only once they are shown: until then, no choice and no empty cards.
st.subheader(t("aware.triggers_heading"), anchor=False)
st.markdown(t("aware.triggers_how"))
if editing() or any(p.triggers for p in wb.partners.values()):
    pid = choice(t("aware.notes_of"), {p: name(p) for p in PARTNER_IDS}, "aware_who")
    notes = wb.partner(pid).triggers
    show_notes(pid, notes)
    if editing():
        edit_notes(pid, notes)
# Presenting with the notes folded (or none written): how many there are, and a large control.
folded_notes({p: len(x.triggers) for p, x in workbook().partners.items()}, "aware_show_notes")

# (b) The perception-gap game: guesses one guesser at a time, hidden until the reveal.
st.subheader(t("aware.game_heading"), anchor=False)
st.markdown(t("aware.game_how"))
if editing():
    guess_questions(
        wb, choice(t("aware.guesser"), {p: name(p) for p in PARTNER_IDS}, "aware_guesser")
    )

# The reveal is view state: it is hidden again whenever the page is opened anew.
revealed = st.toggle(t("aware.reveal"), key="aware_reveal", help=t("aware.reveal_hint"))
if revealed and not awareness.any_guesses(wb):
    st.info(t("aware.no_guesses"))
elif revealed:
    # A guess is drawn as a guess (hollow, named so) and compared only with an answer.
    plain = texts.plain_names(wb, lang())  # from the view: Partner A / B when presenting
    for about, column in zip(PARTNER_IDS, st.columns(2), strict=True):
        with column:
            guess_only = awareness.guess_only_line(wb, about, safe_names(), lang())
            if awareness.comparisons(wb, about):
                plotly_chart(
                    awareness.perception_figure(wb, about, plain, lang()),
                    key=f"aware_chart__{about}",
                )
                chart_sentence(chart_text.perception(wb, about, safe_names(), lang()))
            if guess_only:
                st.caption(guess_only)
    st.caption(t("aware.chart_caption"))
    if st.toggle(t("aware.table_toggle"), key="aware_table"):
        for about in PARTNER_IDS:
            rows = awareness.perception_table(wb, about, plain, lang())
            if rows:
                table(rows)
    st.markdown(f"**{t('aware.surprises_heading')}**")
    lines = awareness.surprise_lines(wb, safe_names(), lang())
    st.markdown("\n".join(f"- {line}" for line in lines))
    st.caption(t("aware.surprises_caption"))

for_you_two(analysis.top_areas(wb, 2), keys=("higher_may_read", "lower_may_experience", "opener"))
reflection("meta-awareness")
