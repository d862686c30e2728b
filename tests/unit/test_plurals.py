"""Counts read naturally in every language: a text that shows a count has the plural forms its
language uses (English "1 answer" / "2 answers"; Japanese has one form, with a counter such as
件 or 人), and ``t(key, lang, count=n)`` picks the right one."""

from __future__ import annotations

import re

import pytest

from emotions import i18n
from emotions.languages import LANGUAGE_CODES, Language, spec

NUMBERS = "count|n|total|answered|max|min|limit|hours|min_shown|section_count|dimension_count"
"""The placeholders that hold a number in some text."""
PLURAL_NOUN = re.compile(rf"\{{({NUMBERS})\}} (?:more )?([a-z-]+s)\b")
"""A number followed by a plural English noun ("{count} answers", "{count} more problems")."""
NOT_NOUNS = {"has", "is", "was", "does"}

SEVERAL_BY_NATURE = {
    "dimension_count",
    "section_count",
    "limit",
    "max",
    "min",
    "min_shown",
    "hours",
}
"""Placeholders filled from the registries or fixed limits, never 1 (``test_fixed_counts…``)."""
SEVERAL_WHERE_SHOWN = {
    "checkin.trend_higher": "a trend is drawn from three check-ins or more",
    "checkin.trend_lower": "a trend is drawn from three check-ins or more",
    "checkin.trend_level": "a trend is drawn from three check-ins or more",
    "profile.all_equal": "one need alone has its own text (profile.one_need)",
    "profile.open_everything": "the count of every question of the needs profile",
    "answer_ui.count_line": "the questions of one kind: one per need",
    "answer_ui.sidebar_count": "the questions of one kind: one per need",
    "meta.answered": "the cells of the meta-emotion grid",
}
"""Plain texts whose count is several wherever the code shows them (why, for the reader)."""

COUNTERS = "件人つ章問マス時文項"
"""Japanese counters a count is read with (1件, 5人, 3つ, 第…章 …)."""


def _plural_messages(lang: Language) -> dict[str, dict[str, str]]:
    return {k: f for k, f in i18n.messages(lang).items() if "" not in f}


def test_there_are_texts_with_a_count_and_plain_texts_are_single() -> None:
    assert len(_plural_messages("en")) >= 7
    for forms in i18n.messages("en").values():
        assert set(forms) == {""} or "" not in forms


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_text_with_a_count_has_exactly_the_forms_its_language_uses(lang: Language) -> None:
    needed = i18n.plural_forms(lang)
    assert "other" in needed
    for key, forms in _plural_messages(lang).items():
        assert set(forms) == needed, key
        for text in forms.values():
            assert "count" in i18n.placeholders(text), key


def test_english_and_japanese_plural_rules() -> None:
    assert i18n.plural_forms("en") == {"one", "other"}
    assert i18n.plural_forms("ja") == {"other"}
    assert [spec("en").plural(n) for n in (0, 1, 2, 11)] == ["other", "one", "other", "other"]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
@pytest.mark.parametrize("count", [0, 1, 2, 5, 21])
def test_t_picks_the_form_for_the_count(lang: Language, count: int) -> None:
    rule = spec(lang).plural
    for key, forms in _plural_messages(lang).items():
        shown = i18n.t(key, lang, count=count, name="N", date="D", high="H")
        assert shown == i18n.fill(forms[rule(count)], count=count, name="N", date="D", high="H")
        assert f"{count}" in shown and "{" not in shown, key
    if lang == "en":
        assert i18n.t("files.combined", lang, count=1).count("answer ") == 1
        assert "answers" in i18n.t("files.combined", lang, count=2)


def test_a_text_with_a_count_asked_for_without_one_shows_its_other_form() -> None:
    assert i18n.t("files.combined", "en") == i18n.messages("en")["files.combined"]["other"]
    assert i18n.t("files.combined", "en", count="x").startswith("Combined")
    assert i18n.t("no.such.key", "en", count=1) == "no.such.key"


def test_english_singular_and_plural_forms_differ() -> None:
    for key, forms in _plural_messages("en").items():
        assert forms["one"] != forms["other"], key


def test_no_plain_english_text_puts_a_count_before_a_plural_noun() -> None:
    """A count that can be 1 before "answers" would read "1 answers": such a text needs forms."""
    wrong = []
    for key, forms in i18n.messages("en").items():
        if "" not in forms or key in SEVERAL_BY_NATURE or key in SEVERAL_WHERE_SHOWN:
            continue
        for placeholder, noun in PLURAL_NOUN.findall(forms[""]):
            if noun not in NOT_NOUNS and placeholder not in SEVERAL_BY_NATURE:
                wrong.append(f"{key}: {{{placeholder}}} {noun}")
    assert wrong == []


def test_fixed_counts_in_texts_are_several() -> None:
    from emotions import rooms
    from emotions.exercises import adjustments, naming
    from emotions.exercises.limits import max_length
    from emotions.model import Partner

    assert i18n.REGISTRY_VALUES["dimension_count"] >= 2
    assert i18n.REGISTRY_VALUES["section_count"] >= 2
    assert rooms.MIN_SHOWN >= 2 and rooms.ROOM_LIFETIME.total_seconds() >= 2 * 3600
    assert naming.MAX_STATEMENTS >= 2 and adjustments.MAX_CHOSEN >= 2
    assert max_length(Partner, "rewrites") >= 2


@pytest.mark.parametrize("lang", [c for c in LANGUAGE_CODES if i18n.plural_forms(c) == {"other"}])
def test_a_count_in_a_language_without_plurals_is_read_with_a_counter(lang: Language) -> None:
    for key, forms in _plural_messages(lang).items():
        for text in forms.values():
            after = text.split("{count}", 1)[1][:1]
            assert after and after in COUNTERS, key
