"""One partner's own profile: true for any subset of answers, in every language.

Every expected sentence is composed from its catalog keys (``t(key, lang, ...)``), never copied.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emotions.analysis import question_count, unanswered
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language, spec
from emotions.model import IMPORTANCE_LEVELS, Partner, Rating, Workbook
from emotions.profile import profile, profile_lines, unanswered_lines
from emotions.texts import Names, plain_names

LANGS = pytest.mark.parametrize("lang", LANGUAGE_CODES)


def names(wb: Workbook, lang: Language) -> Names:
    return plain_names(wb, lang)


def dim(d: DimensionId, lang: Language) -> str:
    return t(f"dim.{d}.name", lang)


def item(d: DimensionId, value: int, lang: Language) -> str:
    """A need as the profile names it: value and the pole it leans toward (5: in between)."""
    if value == 5:
        return t("profile.item_middle", lang, dimension=dim(d, lang), value=value)
    end = "high" if value > 5 else "low"
    pole = t(f"dim.{d}.{end}", lang)
    return t("profile.item", lang, dimension=dim(d, lang), value=value, pole=pole)


def joined(items: list[str], lang: Language) -> str:
    return spec(lang).list_separator.join(items)


def answered(**needs: int) -> Workbook:
    """A workbook where partner A answered these needs (and nothing else)."""
    wb = Workbook()
    for d, value in needs.items():
        wb.partners["a"].ratings[d].need = value  # type: ignore[index]
    return wb


# --- subsets of answers ---------------------------------------------------------------------------


@LANGS
def test_nothing_answered_is_one_inviting_line(lang: Language) -> None:
    wb = Workbook()
    n = names(wb, lang)
    assert profile_lines(wb, "a", n, lang) == [t("profile.nothing_yet", lang, name=n.a)]
    count = question_count()
    assert unanswered_lines(wb, "a", n, lang) == [
        t("profile.open_everything", lang, name=n.a, count=count)
    ]


@LANGS
def test_a_partner_the_workbook_does_not_hold_has_answered_nothing(lang: Language) -> None:
    wb = Workbook(partners={"a": Partner()})
    wb.partners["a"].ratings["closeness"].need = 3
    n = names(wb, lang)
    assert profile_lines(wb, "b", n, lang) == [t("profile.nothing_yet", lang, name=n.b)]
    assert unanswered_lines(wb, "b", n, lang) == [
        t("profile.open_everything", lang, name=n.b, count=question_count())
    ]


@LANGS
def test_one_need_is_named_without_a_highest_or_lowest(lang: Language) -> None:
    wb = answered(closeness=8)
    n = names(wb, lang)
    line = t("profile.one_need", lang, name=n.a, item=item("closeness", 8, lang))
    assert profile_lines(wb, "a", n, lang) == [line]
    # The pole it leans toward, from the catalog: 8 is nearer the high end.
    assert t("dim.closeness.high", lang) in line and t("dim.closeness.low", lang) not in line
    others = [d for d in DIMENSION_IDS if d != "closeness"]
    question = t("profile.question_need", lang)
    assert t(
        "profile.open_kind",
        lang,
        question=question,
        count=len(others),
        dimensions=joined([dim(d, lang) for d in others], lang),
    ) in unanswered_lines(wb, "a", n, lang)


@LANGS
def test_a_low_need_leans_to_the_low_pole_and_five_is_in_between(lang: Language) -> None:
    for value, end in ((2, "low"), (5, None)):
        wb = answered(support=value)
        (line,) = profile_lines(wb, "a", names(wb, lang), lang)
        if end is None:
            assert (
                t("dim.support.low", lang) not in line and t("dim.support.high", lang) not in line
            )
            assert item("support", value, lang) in line
        else:
            assert t(f"dim.support.{end}", lang) in line


@LANGS
def test_highest_and_lowest_name_their_ties_together(lang: Language) -> None:
    wb = answered(expression=2, closeness=8, support=8, processing=5, intensity=2)
    n = names(wb, lang)
    p = profile(wb, "a")
    assert p.highest == ("closeness", "support") and p.lowest == ("expression", "intensity")
    assert profile_lines(wb, "a", n, lang) == [
        t(
            "profile.highest",
            lang,
            name=n.a,
            items=joined([item("closeness", 8, lang), item("support", 8, lang)], lang),
        ),
        t(
            "profile.lowest",
            lang,
            name=n.a,
            items=joined([item("expression", 2, lang), item("intensity", 2, lang)], lang),
        ),
    ]


@LANGS
def test_needs_all_at_one_point_are_said_to_be_so(lang: Language) -> None:
    wb = answered(reassurance=6, closeness=6)
    n = names(wb, lang)
    assert profile_lines(wb, "a", n, lang) == [
        t(
            "profile.all_equal",
            lang,
            name=n.a,
            count=2,
            value=6,
            dimensions=joined([dim("reassurance", lang), dim("closeness", lang)], lang),
        )
    ]


@LANGS
def test_what_matters_most_is_only_what_was_marked_high(lang: Language) -> None:
    wb = answered(closeness=8, support=3)
    ratings = wb.partners["a"].ratings
    ratings["support"].importance = "high"
    ratings["closeness"].importance = "medium"
    ratings["reassurance"].importance = "high"  # importance without a need: still theirs
    n = names(wb, lang)
    high = t("importance.high", lang)
    lines = profile_lines(wb, "a", n, lang)
    expected = joined([dim("reassurance", lang), dim("support", lang)], lang)
    assert t("profile.matters_most", lang, name=n.a, high=high, dimensions=expected) in lines
    ratings["support"].importance = ratings["reassurance"].importance = "low"
    lines = profile_lines(wb, "a", n, lang)
    assert t("profile.matters_none_high", lang, name=n.a, count=3, high=high) in lines
    # Importance left unanswered: nothing is said about it (never "medium" in disguise).
    for rating in ratings.values():
        rating.importance = None
    assert profile_lines(wb, "a", n, lang) == [
        t("profile.highest", lang, name=n.a, items=item("closeness", 8, lang)),
        t("profile.lowest", lang, name=n.a, items=item("support", 3, lang)),
    ]


@LANGS
def test_what_feels_most_unmet_needs_both_answers_and_goes_widest_first(lang: Language) -> None:
    wb = answered(closeness=8, support=9, expression=4)
    ratings = wb.partners["a"].ratings
    ratings["closeness"].met = 6  # gap 2
    ratings["support"].met = 2  # gap 7
    ratings["expression"].met = 7  # met more than needed: not unmet
    ratings["intensity"].met = 0  # met without a need: not a gap
    n = names(wb, lang)
    items = [
        t("profile.unmet_item", lang, dimension=dim("support", lang), need=9, met=2),
        t("profile.unmet_item", lang, dimension=dim("closeness", lang), need=8, met=6),
    ]
    lines = profile_lines(wb, "a", n, lang)
    assert t("profile.unmet", lang, name=n.a, items=joined(items, lang)) in lines
    assert not any(dim("intensity", lang) in line for line in lines)
    ratings["support"].met = ratings["closeness"].met = 10
    lines = profile_lines(wb, "a", n, lang)
    assert t("profile.unmet_none", lang, name=n.a, count=3) in lines
    for rating in ratings.values():
        rating.met = None
    assert len(profile_lines(wb, "a", n, lang)) == 2  # highest and lowest only


@LANGS
def test_guesses_are_said_to_be_guesses_and_never_the_partners_answer(lang: Language) -> None:
    wb = Workbook()
    wb.partners["b"].ratings["closeness"].guess = 7
    wb.partners["a"].ratings["closeness"].need = 2  # A's own answer: not part of B's profile
    n = names(wb, lang)
    one = t(
        "profile.guess_one",
        lang,
        name=n.b,
        other=n.a,
        dimension=dim("closeness", lang),
        value=7,
    )
    assert profile_lines(wb, "b", n, lang) == [t("profile.no_needs", lang, name=n.b), one]
    wb.partners["b"].ratings["support"].guess = 1
    items = [
        t("profile.guess_item", lang, dimension=dim("closeness", lang), value=7),
        t("profile.guess_item", lang, dimension=dim("support", lang), value=1),
    ]
    many = t("profile.guess_many", lang, name=n.b, other=n.a, items=joined(items, lang))
    assert profile_lines(wb, "b", n, lang) == [t("profile.no_needs", lang, name=n.b), many]
    # A's answer (2) is nowhere in B's profile; A's profile has no guess line.
    assert not any("2" in line for line in profile_lines(wb, "b", n, lang))
    assert profile_lines(wb, "a", n, lang) == [
        t("profile.one_need", lang, name=n.a, item=item("closeness", 2, lang))
    ]


@LANGS
def test_everything_answered(lang: Language) -> None:
    wb = Workbook()
    for i, d in enumerate(DIMENSION_IDS):
        wb.partners["a"].ratings[d] = Rating(
            need=i + 1, importance=IMPORTANCE_LEVELS[i % 3], met=i + 1, guess=10 - i
        )
    n = names(wb, lang)
    lines = profile_lines(wb, "a", n, lang)
    first, last = DIMENSION_IDS[0], DIMENSION_IDS[-1]
    top = len(DIMENSION_IDS)
    assert lines[:2] == [
        t("profile.highest", lang, name=n.a, items=item(last, top, lang)),
        t("profile.lowest", lang, name=n.a, items=item(first, 1, lang)),
    ]
    assert t("profile.unmet_none", lang, name=n.a, count=top) in lines
    high = [d for i, d in enumerate(DIMENSION_IDS) if IMPORTANCE_LEVELS[i % 3] == "high"]
    guesses = [
        t("profile.guess_item", lang, dimension=dim(d, lang), value=10 - i)
        for i, d in enumerate(DIMENSION_IDS)
    ]
    assert lines[2:] == [
        t(
            "profile.matters_most",
            lang,
            name=n.a,
            high=t("importance.high", lang),
            dimensions=joined([dim(d, lang) for d in high], lang),
        ),
        t("profile.unmet_none", lang, name=n.a, count=top),
        t("profile.guess_many", lang, name=n.a, other=n.b, items=joined(guesses, lang)),
    ]
    assert unanswered_lines(wb, "a", n, lang) == [t("profile.open_nothing", lang, name=n.a)]


@LANGS
def test_what_is_open_is_listed_per_kind_of_question(lang: Language) -> None:
    wb = answered(closeness=3)
    wb.partners["a"].ratings["closeness"].met = 3
    n = names(wb, lang)
    others = joined([dim(d, lang) for d in DIMENSION_IDS if d != "closeness"], lang)
    count = len(DIMENSION_IDS) - 1

    def kind(k: str) -> str:
        return t(f"profile.question_{k}", lang, other=n.b)

    assert unanswered_lines(wb, "a", n, lang) == [
        t("profile.open_kind", lang, question=kind("need"), count=count, dimensions=others),
        t("profile.open_kind_all", lang, question=kind("importance")),
        t("profile.open_kind", lang, question=kind("met"), count=count, dimensions=others),
        t("profile.open_kind_all", lang, question=kind("guess")),
    ]


# --- any subset: nothing named that was not answered ----------------------------------------------

maybe_score = st.none() | st.integers(0, 10)
ratings = st.builds(
    Rating,
    need=maybe_score,
    importance=st.none() | st.sampled_from(IMPORTANCE_LEVELS),
    met=maybe_score,
    guess=maybe_score,
)
partners = st.builds(Partner, ratings=st.fixed_dictionaries({d: ratings for d in DIMENSION_IDS}))
NUMBER = re.compile(r"\d+")


@settings(max_examples=150, deadline=None)
@given(a=partners, b=partners, b_again=partners, lang=st.sampled_from(LANGUAGE_CODES))
def test_no_line_names_a_value_or_an_area_the_partner_did_not_answer(
    a: Partner, b: Partner, b_again: Partner, lang: Language
) -> None:
    wb = Workbook(partners={"a": a, "b": b})
    n = names(wb, lang)
    lines = profile_lines(wb, "a", n, lang)
    assert lines
    # The other partner's answers change nothing in this partner's profile.
    assert lines == profile_lines(Workbook(partners={"a": a, "b": b_again}), "a", n, lang)
    p = profile(wb, "a")
    own = a.ratings
    values = {r.need for r in own.values()} | {r.guess for r in own.values()}
    values |= {r.met for r in own.values() if r.need is not None}
    counts = {len(p.needs), p.importance_answered, p.met_answered}
    text = "\n".join(lines)
    for number in NUMBER.findall(text):
        assert int(number) in values | counts, (number, text)
    touched = {d for d, r in own.items() if r.answered()}
    for d in DIMENSION_IDS:
        if d not in touched:
            assert dim(d, lang) not in text
    # What is open is exactly what was not answered.
    open_lines = unanswered_lines(wb, "a", n, lang)
    if not p.answers:
        assert open_lines == [t("profile.open_everything", lang, name=n.a, count=question_count())]
        return
    if not unanswered(wb, "a"):
        assert open_lines == [t("profile.open_nothing", lang, name=n.a)]
        return
    left_open = unanswered(wb, "a")
    assert len(open_lines) == len(left_open)
    for line, (kind, dims) in zip(open_lines, left_open.items(), strict=True):
        assert t(f"profile.question_{kind}", lang, other=n.b) in line
        for d in DIMENSION_IDS:
            # All open: the line names no area; some open: exactly those.
            named = len(dims) < len(DIMENSION_IDS) and d in dims
            assert (dim(d, lang) in line) == named, (kind, d, line)
