"""Section 10: complaints rewritten as what feels missing, from a template in each language."""

from __future__ import annotations

import re

import pytest

from emotions import i18n
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import rewrite as rw
from emotions.languages import Language
from emotions.model import Rewrite
from emotions.texts import directions, plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import one_sided, only_on

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

DINNER = Rewrite(
    complaint="You never ask about my day",
    situation="we eat dinner and only talk about plans",
    feeling="lonely",
    need="to feel that my day matters to you",
    request="ask me one question about my day at dinner",
)


def test_content_is_parallel_in_both_languages() -> None:
    en, ja = (i18n.content_table("rewrite", lang) for lang in ("en", "ja"))
    assert set(en["feelings"]) == set(ja["feelings"]) == set(rw.FEELING_IDS)
    assert set(en["template"]) == set(ja["template"])
    for key, text in en["template"].items():
        assert i18n.placeholders(text) == i18n.placeholders(ja["template"][key]), key
    assert (
        set(en["strip"])
        == set(ja["strip"])
        == {f"{p}_{end}" for p in rw.PARTS for end in ("start", "end")}
    )
    assert set(en["examples"]) == set(ja["examples"]) == set(DIMENSION_IDS)
    for dim in DIMENSION_IDS:
        assert set(en["examples"][dim]) == set(ja["examples"][dim])
        assert all(JAPANESE.search(v) for v in ja["examples"][dim].values())


def test_all_parts_make_one_need_statement_in_english() -> None:
    assert rw.need_statement(DINNER, "en") == (
        "When we eat dinner and only talk about plans, I feel lonely, because I need to feel "
        "that my day matters to you. Would you be willing to ask me one question about my day "
        "at dinner?"
    )


def test_all_parts_make_one_need_statement_in_japanese() -> None:
    parts = Rewrite(
        situation="夕食のあいだ、予定の話しかしないとき",
        feeling="lonely",
        need="自分の一日に関心をもってもらうこと",
        request="夕食のとき、私の一日についてひとつ質問してほしい。",
    )
    assert rw.need_statement(parts, "ja") == (
        "夕食のあいだ、予定の話しかしないとき、私は「さびしい」と感じます。"
        "私には自分の一日に関心をもってもらうことが必要だからです。"
        "ひとつお願いしてもいいですか？「夕食のとき、私の一日についてひとつ質問してほしい」"
    )


def test_a_listed_feeling_follows_the_language_a_typed_one_stays_as_typed() -> None:
    assert rw.feeling_text("left_out", "en") == "left out"
    assert rw.feeling_text("left_out", "ja") == "取り残された"
    assert rw.feeling_text("invisible", "ja") == "invisible"
    typed = DINNER.model_copy(update={"feeling": "invisible"})
    assert "I feel invisible," in rw.need_statement(typed, "en")


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({}, ""),
        ({"feeling": "tense"}, "I feel on edge."),
        ({"need": "some quiet"}, "I need some quiet."),
        ({"request": "text me if you're late"}, "Would you be willing to text me if you're late?"),
        (
            {"situation": "you're late", "need": "to know you're safe"},
            "When you're late, something feels missing for me, because I need to know you're safe.",
        ),
        (
            {"feeling": "hurt", "request": "say sorry"},
            "I feel hurt. Would you be willing to say sorry?",
        ),
    ],
)
def test_empty_parts_drop_their_piece_of_the_sentence(parts: dict[str, str], expected: str) -> None:
    assert rw.need_statement(Rewrite(**parts), "en") == expected


def test_words_the_template_already_says_are_not_repeated() -> None:
    said = Rewrite(
        situation="When we eat dinner,",
        feeling="I'm lonely.",
        need="I need to feel heard.",
        request="Could you please ask about my day?",
    )
    assert rw.need_statement(said, "en") == (
        "When we eat dinner, I feel lonely, because I need to feel heard. "
        "Would you be willing to ask about my day?"
    )
    assert rw.clean("I\u2019m worried", "feeling", "en") == "worried"


def test_user_text_is_inserted_as_typed_not_read_as_a_template() -> None:
    odd = Rewrite(feeling="{need} *x*", need="{0}")
    assert rw.need_statement(odd, "en") == "I feel {need} *x*, because I need {0}."


def test_is_empty() -> None:
    assert rw.is_empty(Rewrite())
    assert rw.is_empty(Rewrite(complaint="   "))
    assert not rw.is_empty(Rewrite(complaint="You never listen"))


def test_openers_follow_the_couple_and_the_direction() -> None:
    mia_ren = talker_and_processor()
    names = plain_names(mia_ren, "en")
    found = rw.openers(mia_ren, names, "en")
    assert [o.area.dimension for o in found] == ["conflict_pace", "processing"]
    assert found[0].opener == directions(found[0].area, names, "en")["opener"]
    assert found[0].examples == (
        "Mia might say: “When we argue, I need to know when we'll talk again.” "
        "(rather than “You always walk away.”)",
        "Ren might say: “When things heat up, I need a short break so I can come back calmer.” "
        "(rather than “You never let anything drop.”)",
    )
    kai_sam = reassurance_and_independence()
    other = rw.openers(kai_sam, plain_names(kai_sam, "ja"), "ja")
    assert [o.area.dimension for o in other] == ["reassurance", "closeness"]
    # Sam is the partner nearer the high pole here, so Sam voices the "higher" example.
    assert other[0].examples[0].startswith("Samは「好きだって全然言ってくれない」の代わりに")
    assert other[0].examples[1].startswith("Kaiは「大丈夫だってもう言ったでしょ」")


def test_no_differences_no_openers() -> None:
    wb = reassurance_and_independence()
    for dim in DIMENSION_IDS:
        wb.partners["a"].ratings[dim].need = wb.partners["b"].ratings[dim].need
    assert rw.openers(wb, plain_names(wb, "en"), "en") == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_openers_only_where_both_partners_answered(lang: Language) -> None:
    # One partner answered everything, the other nothing: no opener, no side named.
    wb = one_sided("a")
    assert rw.openers(wb, plain_names(wb, lang), lang) == []
    # Both answered only "support", far apart: the opener of that one area, Mia on the high side.
    wb = only_on("support")
    names = plain_names(wb, lang)
    (found,) = rw.openers(wb, names, lang)
    assert (found.area.dimension, found.area.band, found.area.higher) == ("support", "far", "a")
    assert found.opener == directions(found.area, names, lang)["opener"]
    examples = i18n.content_table("rewrite", lang)["examples"]["support"]
    assert examples["higher_need"] in found.examples[0] and "Mia" in found.examples[0]
    assert examples["lower_need"] in found.examples[1] and "Ren" in found.examples[1]
