"""The direction-aware texts are complete and fair to both partners (issue 14, item 4).

For every dimension of the registry, every language and both directions, each partner gets a
reason of their own, every misreading the workbook shows carries the reason of the partner it
misreads, no reason or pole label is worded as a deficit, and docs/content-review.md is exactly
what the content renders to.
"""

from __future__ import annotations

import pytest

from emotions.analysis import other
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import content_table, placeholders, t
from emotions.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, Language
from emotions.model import PARTNER_IDS, PartnerId
from emotions.texts import CONTENT_KEYS, READINGS, REASON_KEYS, Names, directions, reasons
from tests import content_review

NAMES = Names("Aoi", "Ren")
"""Distinctive names: they occur in no content text."""

DEFICIT_WORDS: dict[Language, tuple[str, ...]] = {
    "en": (
        "burden",
        "pressure",
        "distrust",
        "avoid",
        "needy",
        "clingy",
        "cold",
        "demanding",
        "insecure",
        "shut",
        "lack",
    ),
    "ja": (
        "重荷",
        "負担",
        "プレッシャー",
        "信頼されていない",
        "逃げ",
        "依存",
        "冷た",
        "欠け",
        "足りない",
    ),
}
"""Words that describe a preference as a fault or a lack. They may name a misreading (that is what
a misreading is), never a partner's reason or a pole of a dimension; the words are the point."""


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_dimension_has_every_text_in_every_language(lang: Language) -> None:
    table = content_table("directions", lang)
    assert set(table) == set(DIMENSION_IDS)
    for dim in DIMENSION_IDS:
        assert set(table[dim]) == set(CONTENT_KEYS), dim
        assert all(str(table[dim][key]).strip() for key in CONTENT_KEYS), dim


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("dim", DIMENSION_IDS)
def test_placeholders_agree_with_the_default_language(lang: Language, dim: DimensionId) -> None:
    mine, default = (content_table("directions", x)[dim] for x in (lang, DEFAULT_LANGUAGE))
    for key in CONTENT_KEYS:
        found = placeholders(str(mine[key]))
        assert found == placeholders(str(default[key])), (dim, key)
        assert found <= {"higher", "lower"}, (dim, key)
    # Each reason is about its own partner, each misreading names both partners.
    assert "higher" in placeholders(str(mine["reason_higher"]))
    assert "lower" in placeholders(str(mine["reason_lower"]))
    for reading in READINGS:
        assert placeholders(str(mine[reading])) == {"higher", "lower"}, (dim, reading)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("higher", PARTNER_IDS)
@pytest.mark.parametrize("dim", DIMENSION_IDS)
def test_each_direction_gives_each_partner_a_reason(
    dim: DimensionId, higher: PartnerId, lang: Language
) -> None:
    area = content_review.area(dim, higher)
    given = reasons(area, NAMES, lang)
    assert set(given) == set(PARTNER_IDS)
    for pid in PARTNER_IDS:
        assert NAMES.of(pid) in given[pid], (pid, given[pid])
        assert "{" not in given[pid]
    assert given["a"] != given["b"]
    # What the workbook shows: each misreading, then the reason of the partner it misreads.
    shown = directions(area, NAMES, lang)
    lower = other(higher)
    misread = {"higher_may_read": lower, "lower_may_experience": higher}
    assert set(misread) == set(READINGS)
    for key, misread_partner in misread.items():
        assert shown[key].endswith(given[misread_partner]), (key, shown[key])
        assert len(shown[key]) > len(given[misread_partner])


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("dim", DIMENSION_IDS)
def test_reasons_are_of_comparable_weight(lang: Language, dim: DimensionId) -> None:
    """Neither partner's reason is a token beside a full explanation of the other's."""
    table = content_table("directions", lang)[dim]
    high, low = (len(str(table[key])) for key in REASON_KEYS)
    assert max(high, low) <= 2 * min(high, low), (dim, high, low)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("dim", DIMENSION_IDS)
def test_no_reason_or_pole_is_worded_as_a_deficit(lang: Language, dim: DimensionId) -> None:
    table = content_table("directions", lang)[dim]
    texts = [str(table[key]) for key in REASON_KEYS]
    texts += [t(f"dim.{dim}.{pole}", lang) for pole in ("low", "high")]
    words = DEFICIT_WORDS.get(lang, DEFICIT_WORDS[DEFAULT_LANGUAGE])
    for text in texts:
        assert not [w for w in words if w in text.lower()], text


def test_the_deficit_words_catch_the_old_wording() -> None:
    """The word list would have caught the pole label and the readings this issue rewrote."""
    old: dict[Language, str] = {
        "en": "Feelings are private or a burden",
        "ja": "感情は個人的なもの、または重荷",
    }
    for lang, text in old.items():
        assert any(w in text.lower() for w in DEFICIT_WORDS[lang])


def test_the_review_document_matches_the_content() -> None:
    document = content_review.DOC.read_text(encoding="utf-8")
    assert content_review.generated_part(document) == content_review.generated(), (
        "docs/content-review.md is out of date: run `python -m tests.content_review`"
    )


def test_the_review_table_has_a_row_for_every_dimension_and_direction() -> None:
    part = content_review.generated_part(content_review.DOC.read_text(encoding="utf-8"))
    table = part.split("###")[1]  # the reasons table comes first
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    keys = [tuple(cell.strip() for cell in row.split(" | ")[:2]) for row in rows[1:]]
    expected = [
        (
            "| " + content_review.dimension_cell(dim),
            content_review.direction_cell(dim, higher),
        )
        for dim in DIMENSION_IDS
        for higher in PARTNER_IDS
    ]
    assert keys == expected
    # Two reason cells per language, each filled.
    for row in rows[1:]:
        cells = row.strip("| ").split(" | ")
        assert len(cells) == 2 + 2 * len(LANGUAGE_CODES)
        assert all(cell.strip() for cell in cells)
