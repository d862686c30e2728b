"""The "Where these ideas come from" part of the safety page: per section, what it draws on and
how strong the evidence is (``emotions.sources``), then the works cited, as plain text. DOIs are
shown as text: nothing here loads or opens anything from elsewhere."""

from __future__ import annotations

import streamlit as st

from emotions import sources
from emotions.sections import section_title
from ui.state import lang, t


def _line(key: str, text: str) -> str:
    return "- " + t(key, text=text)


def _section_block(entry: sources.SectionSources) -> str:
    refs = sources.references()
    lines = [f"#### {section_title(entry.section_id, lang())}"]
    if entry.draws_on:
        lines.append(_line("sources.idea_line", entry.draws_on))
    if entry.own_framing:
        lines.append(_line("sources.research_line", t("sources.own_framing")))
    else:
        cited = "; ".join(refs[key].short for key in entry.refs)
        lines.append(_line("sources.research_line", cited))
        lines.append(_line("sources.evidence_line", entry.evidence))
    return "\n".join(lines)


def _reference_item(ref: sources.Reference) -> str:
    doi = f" {t('sources.doi', doi=ref.doi)}" if ref.doi else ""
    return f"- {ref.citation()}{doi}\n  - {sources.reference_note(ref.key, lang())}"


def sources_part() -> None:
    """The whole part: heading, what the workbook's questions are not, the sections, the works."""
    st.header(t("sources.heading"), anchor=False)
    st.markdown(t("sources.intro"))
    st.info(f"{t('sources.not_a_test')}\n\n{t('sources.not_therapy')}", icon="🧭")
    with st.expander(t("sources.by_section")):
        st.markdown(
            "\n\n".join(_section_block(entry) for entry in sources.all_section_sources(lang()))
        )
    st.subheader(t("sources.references_heading"), anchor=False)
    st.markdown(t("sources.references_intro"))
    refs = sources.references()
    st.markdown("\n".join(_reference_item(refs[key]) for key in sources.cited_keys(lang())))
    st.caption(sources.checked_line(lang()))
