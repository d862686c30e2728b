"""The safety pointer's registry (issue 14): the sections of ``SAFETY_POINTER_SECTIONS`` carry it
with their notes (``ui.section.reflection``) and tell their "what this means for you two" block
not to draw it again; every other section page leaves it to that block. Read from the page
scripts themselves, so a page added or rewritten cannot drop it or draw it twice unnoticed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from emotions.i18n import CONTENT_DIR, catalog
from emotions.languages import LANGUAGE_CODES
from emotions.sections import SAFETY_POINTER_SECTIONS, SECTIONS, SectionSpec

ROOT = Path(__file__).resolve().parents[2]


def calls(spec: SectionSpec, function: str) -> list[ast.Call]:
    tree = ast.parse((ROOT / spec.page).read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == function
    ]


def pointer_argument(call: ast.Call) -> object:
    """The value of ``pointer=`` in a ``for_you_two`` call (True, its default, when not given)."""
    for keyword in call.keywords:
        if keyword.arg == "pointer":
            assert isinstance(keyword.value, ast.Constant), ast.unparse(call)
            return keyword.value.value
    return True


def test_the_registry_names_sections_each_once() -> None:
    ids = [spec.id for spec in SECTIONS]
    assert SAFETY_POINTER_SECTIONS
    assert len(set(SAFETY_POINTER_SECTIONS)) == len(SAFETY_POINTER_SECTIONS)
    assert set(SAFETY_POINTER_SECTIONS) <= set(ids)
    # At least the sections the issue names: anger (4), pulling back (8), adjusting (9),
    # turning complaints into requests (10).
    assert {
        "meta-emotion",
        "ongoing-differences",
        "maintaining-connection",
        "communication",
    } <= set(SAFETY_POINTER_SECTIONS)


@pytest.mark.parametrize("spec", SECTIONS, ids=[spec.id for spec in SECTIONS])
def test_each_page_draws_the_pointer_in_one_place(spec: SectionSpec) -> None:
    # Every section page ends with its notes, which draw the pointer for the registry's sections.
    reflections = calls(spec, "reflection")
    assert [ast.literal_eval(call.args[0]) for call in reflections] == [spec.id]
    # The "for you two" block draws it everywhere else, and never where the notes do.
    expected = spec.id not in SAFETY_POINTER_SECTIONS
    for call in calls(spec, "for_you_two"):
        assert pointer_argument(call) is expected, (spec.id, ast.unparse(call))


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_pointer_has_its_words_in_every_language(lang: str) -> None:
    words = catalog(lang)  # type: ignore[arg-type]
    assert words["safety_pointer.line"].strip()
    assert words["safety_page.nav"].strip()  # the link's label


# The words are the point here: phrases issue 14 found assuming good faith where a partner may be
# afraid (the listener "usually means well", signs of pulling back "usually" mean tiredness, a
# counsellor "for both", messages sent and returns announced as if owed). They are not to return
# to the texts this page's pointer sits beside.
GOOD_FAITH_ONLY = {
    "en": (
        "usually means well",
        "usually means tiredness",
        "help you both",
        "common signs of tiredness",
        "without being asked",
        "tell {partner} when you will be back",
        "may feel alarmed",
    ),
    "ja": (
        "たいてい善意",
        "疲れたときによく見られるサイン",
        "自分から{partner}に送ってみます",
        "いつ戻るかを{partner}に伝えてみます",
    ),
}
OWN_TEXTS = ("adjustments.toml", "persisting.toml", "meta_emotion.toml", "safety.toml")


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_no_text_beside_the_pointer_assumes_good_faith(lang: str) -> None:
    texts = [*catalog(lang).values()]  # type: ignore[arg-type]
    texts += [(CONTENT_DIR / lang / name).read_text(encoding="utf-8") for name in OWN_TEXTS]
    for phrase in GOOD_FAITH_ONLY.get(lang, ()):
        assert not [text for text in texts if phrase in text], phrase
