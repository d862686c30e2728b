"""The safety page's "Where these ideas come from", in both languages: the line that the
questions are not a validated test, an entry for every section, every work cited."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from emotions import sources
from emotions.i18n import t
from emotions.languages import Language
from emotions.sections import SECTIONS, section_title
from tests.apptest.conftest import english_left_over, go, open_app


def shown(at: AppTest) -> str:
    return "\n".join(
        e.value for e in [*at.header, *at.subheader, *at.markdown, *at.info, *at.caption]
    )


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_the_sources_part_names_its_limits_every_section_and_every_work(locale: str) -> None:
    lang: Language = "ja" if locale.startswith("ja") else "en"
    at = go(open_app(locale), "about")
    text = shown(at)
    assert t("sources.heading", lang) in [h.value for h in at.header]
    assert t("sources.not_a_test", lang) in "\n".join(i.value for i in at.info)
    assert t("sources.not_therapy", lang) in text
    assert t("sources.by_section", lang) in [e.label for e in at.main.expander]
    for spec in SECTIONS:
        entry = sources.section_sources(spec.id, lang)
        assert section_title(spec.id, lang) in text, spec.id
        if entry.draws_on:
            assert entry.draws_on in text, spec.id
        assert (entry.evidence or t("sources.own_framing", lang)) in text, spec.id
    for ref in sources.references().values():
        assert ref.citation() in text, ref.key
        assert ref.doi in text, ref.key
        assert sources.reference_note(ref.key, lang) in text, ref.key
        assert ref.checked_at not in text  # for reviewers, not a link the page offers
    assert sources.checked_line(lang) in text
    if lang == "ja":
        assert english_left_over(at) == []
