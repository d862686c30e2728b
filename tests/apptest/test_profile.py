"""One partner alone sees their own profile on the needs page and the final page; the other
partner's guesses are labelled as guesses; nothing is said about needs nobody answered."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from emotions.analysis import question_count
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, Language, spec
from emotions.model import Workbook
from tests.apptest.conftest import go, open_app, visible_texts, with_workbook

LANGS = pytest.mark.parametrize("lang", LANGUAGE_CODES)


def a_alone(lang: Language) -> Workbook:
    """Partner A answered three needs and one importance; Partner B only guessed A's needs."""
    wb = Workbook(language=lang)
    a, b = wb.partners["a"].ratings, wb.partners["b"].ratings
    a["closeness"].need, a["support"].need, a["processing"].need = 8, 3, 6
    a["support"].importance = "high"
    b["closeness"].guess, b["support"].guess = 7, 2
    return wb


def session(lang: Language, wb: Workbook, script: str) -> AppTest:
    at = open_app(lang)
    with_workbook(at, wb)
    return go(at, script)


def label(pid: str, lang: Language) -> str:
    return markdown_escape(t(f"partner.{pid}", lang))


def item(dim: str, value: int, end: str, lang: Language) -> str:
    pole = t(f"dim.{dim}.{end}", lang)
    return t("profile.item", lang, dimension=t(f"dim.{dim}.name", lang), value=value, pole=pole)


def a_profile(lang: Language) -> list[str]:
    a = label("a", lang)
    return [
        t("profile.highest", lang, name=a, items=item("closeness", 8, "high", lang)),
        t("profile.lowest", lang, name=a, items=item("support", 3, "low", lang)),
        t(
            "profile.matters_most",
            lang,
            name=a,
            high=t("importance.high", lang),
            dimensions=t("dim.support.name", lang),
        ),
    ]


def b_profile(lang: Language) -> list[str]:
    a, b = label("a", lang), label("b", lang)
    guesses = spec(lang).list_separator.join(
        t("profile.guess_item", lang, dimension=t(f"dim.{dim}.name", lang), value=value)
        for dim, value in (("closeness", 7), ("support", 2))
    )
    return [
        t("profile.no_needs", lang, name=b),
        t("profile.guess_many", lang, name=b, other=a, items=guesses),
    ]


def bullets_after(heading: str, text: str) -> list[str]:
    """The bullet lines that follow ``heading`` in a Markdown text, up to the next blank line
    after them."""
    lines = text.split(heading, 1)[1].splitlines()
    out: list[str] = []
    for line in lines[1:]:
        if line.startswith("- "):
            out.append(line[2:])
        elif out:
            break
    return out


def block_with(at: Any, heading: str) -> str:
    (block,) = [m.value for m in at.main.markdown if heading in m.value]
    return block  # type: ignore[no-any-return]


def elements(node: Any) -> int:
    """How many elements and blocks a part of the page holds."""
    children = getattr(node, "children", None)
    if not children:
        return 1
    return 1 + sum(elements(child) for child in children.values())


@LANGS
def test_one_partner_alone_sees_their_own_profile_on_the_needs_page(lang: Language) -> None:
    at = session(lang, a_alone(lang), "what_it_means")
    a_heading = f"#### {t('profile.heading', lang, name=label('a', lang))}"
    b_heading = f"#### {t('profile.heading', lang, name=label('b', lang))}"
    block = block_with(at, a_heading)
    assert bullets_after(a_heading, block) == a_profile(lang)
    # B answered no need: B's block holds no need of B's, only B's guesses, said to be guesses.
    assert bullets_after(b_heading, block) == b_profile(lang)
    # Nothing to compare yet: the profiles are open, not in an expander.
    assert not [e for e in at.main.expander if e.label == t("profile.expander", lang)]
    shown = "\n".join(visible_texts(at))
    for key in ("highest", "lowest", "one_need", "matters_most", "unmet"):
        assert t(f"profile.{key}", lang, name=label("b", lang)).split("{")[0] not in shown


@LANGS
def test_the_final_page_shows_each_profile_and_what_is_still_open(lang: Language) -> None:
    at = session(lang, a_alone(lang), "final_thoughts")
    a, b = label("a", lang), label("b", lang)
    a_heading = f"**{t('profile.heading', lang, name=a)}**"
    block = block_with(at, a_heading)
    assert bullets_after(a_heading, block) == a_profile(lang)
    open_a = bullets_after(f"**{t('profile.open_heading', lang, name=a)}**", block)
    need = t("profile.question_need", lang)
    assert len(open_a) == 4 and need in open_a[0]
    assert t("dim.closeness.name", lang) not in open_a[0]
    assert t("dim.reassurance.name", lang) in open_a[0]
    b_heading = f"**{t('profile.heading', lang, name=b)}**"
    b_block = block_with(at, b_heading)
    assert bullets_after(b_heading, b_block) == b_profile(lang)
    open_b = bullets_after(f"**{t('profile.open_heading', lang, name=b)}**", b_block)
    assert open_b[0] == t("profile.open_kind_all", lang, question=need)
    assert t("profile.final_heading", lang) in [s.value for s in at.main.subheader]


@LANGS
def test_a_partner_with_nothing_answered_is_told_what_is_open_and_nothing_else(
    lang: Language,
) -> None:
    wb = Workbook(language=lang)
    wb.partners["a"].ratings["closeness"].need = 4
    at = session(lang, wb, "final_thoughts")
    b = label("b", lang)
    heading = f"**{t('profile.open_heading', lang, name=b)}**"
    block = block_with(at, heading)
    assert t("profile.heading", lang, name=b) not in block
    assert bullets_after(heading, block) == [
        t("profile.open_everything", lang, name=b, count=question_count())
    ]
    # On the needs page a partner who answered nothing has no block at all.
    go(at, "what_it_means")
    shown = "\n".join(visible_texts(at))
    assert t("profile.heading", lang, name=label("a", lang)) in shown
    assert t("profile.heading", lang, name=b) not in shown


@LANGS
def test_once_they_can_be_compared_the_profiles_wait_in_a_closed_expander(lang: Language) -> None:
    wb = a_alone(lang)
    wb.partners["b"].ratings["closeness"].need = 2
    at = session(lang, wb, "what_it_means")
    (expander,) = [e for e in at.main.expander if e.label == t("profile.expander", lang)]
    assert not expander.proto.expanded
    (inside,) = [m.value for m in expander.markdown]
    for pid in ("a", "b"):
        assert t("profile.heading", lang, name=label(pid, lang)) in inside
    # B's own need now appears in B's own profile, as B's answer.
    one = t("profile.one_need", lang, name=label("b", lang), item=item("closeness", 2, "low", lang))
    assert one in inside


def test_the_profile_adds_at_most_two_elements_to_the_needs_fragment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.profile

    counts = {}
    for can_compare in (False, True):
        wb = a_alone("en")
        if can_compare:
            wb.partners["b"].ratings["closeness"].need = 2
        with_profile = elements(session("en", wb.model_copy(deep=True), "what_it_means").main)
        with monkeypatch.context() as patch:
            patch.setattr(ui.profile, "own_profiles", lambda: None)
            without = elements(session("en", wb.model_copy(deep=True), "what_it_means").main)
        counts[can_compare] = with_profile - without
    assert counts == {False: 1, True: 2}


def test_presenting_uses_the_neutral_labels() -> None:
    wb = a_alone("en")
    wb.partners["a"].name, wb.partners["b"].name = "Mia", "Ren"
    at = open_app("en")
    at.session_state["_presenting"] = True
    with_workbook(at, wb)
    for script in ("what_it_means", "final_thoughts"):
        go(at, script)
        shown = "\n".join(visible_texts(at))
        assert t("profile.heading", "en", name=label("a", "en")) in shown
        assert "Mia" not in shown and "Ren" not in shown
