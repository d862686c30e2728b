"""Sections 9-16 compare the partners only on needs both answered (issue 13).

One partner answered everything and the other nothing: each page says so once (with the next
steps where the page's own comparison would be) and names no direction. Both answered one
dimension far apart: the comparison is there, on that dimension only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from emotions.analysis import Area
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import t
from emotions.languages import DEFAULT_LANGUAGE, Language
from emotions.model import PartnerId, Workbook
from emotions.sections import SECTIONS, section_number
from emotions.texts import directions, nothing_to_compare, plain_names
from tests.apptest.conftest import left_over
from tests.apptest.sections_helpers import page, shown
from tests.partly_answered import HIGH, LOW, one_sided, only_on

PAGES = tuple(Path(s.page).stem for s in SECTIONS if section_number(s.id) >= 9)
"""The page scripts of sections 9 to the last, from the section registry."""
LOCALES: dict[Language, str] = {"en": "en-US", "ja": "ja-JP"}
OWN_NEXT_STEPS = {"rebuilding", "meta_awareness", "unspoken_needs"}
"""Pages whose only comparison is "what this means for you two": its line has no links."""


def direction_texts(wb: Workbook, lang: Language, dim: DimensionId, higher: PartnerId) -> set[str]:
    area = Area(dim, HIGH - LOW, "far", None, higher)
    return set(directions(area, plain_names(wb, lang), lang).values())


def opened(script: str, wb: Workbook, lang: Language) -> tuple[str, list[str]]:
    """Every text of the page (the reveal of section 11 turned on) and its page links; no
    text of the default language is left on a page in another."""
    at = page(script, LOCALES[lang], wb)
    if script == "meta_awareness":
        at.toggle(key="aware_reveal").set_value(True).run()
    if lang != DEFAULT_LANGUAGE:
        assert left_over(at, lang) == []
    return shown(at), [link.proto.label for link in at.main.get("page_link")]


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("script", PAGES)
def test_one_partner_alone_is_compared_with_nobody(script: str, lang: Language) -> None:
    wb = one_sided("a")
    text, links = opened(script, wb, lang)
    assert text.count(nothing_to_compare(wb, plain_names(wb, lang), lang)) == 1
    assert (t("compare.answer_now", lang) in links) == (script not in OWN_NEXT_STEPS)
    for dim in DIMENSION_IDS:
        for higher in ("a", "b"):
            for line in direction_texts(wb, lang, dim, higher):
                assert line not in text, (dim, line)


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("script", PAGES)
def test_both_answered_one_dimension_far_apart_compares_that_one(
    script: str, lang: Language
) -> None:
    wb = only_on("support")
    text, _ = opened(script, wb, lang)
    assert nothing_to_compare(wb, plain_names(wb, lang), lang) not in text
    assert any(line in text for line in direction_texts(wb, lang, "support", "a")), script
    for dim in DIMENSION_IDS:
        for higher in ("a", "b"):
            if (dim, higher) != ("support", "a"):
                for line in direction_texts(wb, lang, dim, higher):
                    assert line not in text, (dim, higher, line)
