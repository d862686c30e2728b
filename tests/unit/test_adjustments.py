"""Section 9: ideas drawn from the couple's top areas, for each partner's side; three at most."""

from __future__ import annotations

import re

import pytest

from emotions import i18n
from emotions.analysis import top_areas
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import adjustments as adj
from emotions.model import Partner
from emotions.texts import plain_names
from tests.copy import position
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import one_sided, only_on

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_every_idea_is_written_in_both_languages_with_the_same_placeholders() -> None:
    en, ja = (i18n.content_table("adjustments", lang) for lang in ("en", "ja"))
    assert set(en) == set(ja) == set(DIMENSION_IDS)
    expected = {f"{role}-{n}" for role in adj.ROLES for n in range(1, adj.PER_ROLE + 1)}
    for dim in DIMENSION_IDS:
        assert set(en[dim]) == set(ja[dim]) == expected
        for key in expected:
            assert i18n.placeholders(en[dim][key]) == i18n.placeholders(ja[dim][key])
            assert i18n.placeholders(en[dim][key]) <= {"partner"}
            assert JAPANESE.search(ja[dim][key])
    assert len(set(adj.ADJUSTMENT_IDS)) == len(DIMENSION_IDS) * 2 * adj.PER_ROLE


def test_ids_are_stable_tags_the_model_accepts() -> None:
    assert adj.adjustment_id("conflict_pace", "lower", 2) == "conflict_pace-lower-2"
    assert adj.parse("conflict_pace-lower-2") == ("conflict_pace", "lower", 2)
    assert adj.parse("conflict_pace-lower-9") is None
    assert adj.parse("nonsense") is None
    for tag in adj.ADJUSTMENT_IDS:
        Partner(adjustments=[tag])  # validates the Tag pattern and length


def test_each_partner_sees_the_ideas_for_their_own_side_of_the_top_areas() -> None:
    wb = talker_and_processor()  # Mia (a) is nearer the high pole everywhere
    mia, ren = adj.ideas_for(wb, "a"), adj.ideas_for(wb, "b")
    dims = [i.area.dimension for i in mia]
    assert dims == [a.dimension for a in top_areas(wb, 3)]
    assert dims == ["conflict_pace", "processing", "expression"]
    assert {i.role for i in mia} == {"higher"} and {i.role for i in ren} == {"lower"}
    assert mia[0].ids == (
        "conflict_pace-higher-1",
        "conflict_pace-higher-2",
        "conflict_pace-higher-3",
    )
    assert ren[0].ids[0] == "conflict_pace-lower-1"


def test_ideas_follow_the_other_couple_and_the_direction() -> None:
    wb = reassurance_and_independence()  # Sam (b) seeks reassurance and closeness
    kai, sam = adj.ideas_for(wb, "a"), adj.ideas_for(wb, "b")
    assert [i.area.dimension for i in kai][:2] == ["reassurance", "closeness"]
    assert [i.role for i in kai][:2] == ["lower", "lower"]
    assert [i.role for i in sam][:2] == ["higher", "higher"]
    assert sam[0].ids[0] == "reassurance-higher-1"
    # The two couples get different ideas.
    other_couple = {t for i in adj.ideas_for(talker_and_processor(), "a") for t in i.ids}
    assert not other_couple & {t for i in sam for t in i.ids}


def test_no_differences_no_ideas() -> None:
    wb = talker_and_processor()
    for dim in DIMENSION_IDS:
        wb.partners["b"].ratings[dim].need = wb.partners["a"].ratings[dim].need
    assert adj.ideas_for(wb, "a") == []


def test_text_names_the_other_partner_in_either_language() -> None:
    assert adj.adjustment_text("reassurance-higher-1", "en", "Kai") == (
        "Tell Kai about one small thing they already do that makes you feel secure."
    )
    ja = adj.adjustment_text("reassurance-higher-1", "ja", "Kai")
    assert ja.startswith("Kaiがすでに") and JAPANESE.search(ja)
    with pytest.raises(KeyError):
        adj.adjustment_text("unknown-higher-1", "en", "Kai")


def test_position_line_puts_the_reader_first_with_their_own_pole() -> None:
    wb = reassurance_and_independence()
    area = top_areas(wb, 1)[0]
    names = plain_names(wb, "en")
    assert adj.position_line(area, "a", names, "en") == position(
        "reassurance", "far", "Kai", "low", "Sam"
    )
    assert adj.position_line(area, "b", names, "en") == position(
        "reassurance", "far", "Sam", "high", "Kai"
    )
    assert "Kaiは「「大丈夫だよ」はたまに聞ければ十分」に" in adj.position_line(
        area, "a", plain_names(wb, "ja"), "ja"
    )


def test_at_most_three_are_kept_and_none_twice() -> None:
    chosen: list[str] = []
    for tag in adj.ADJUSTMENT_IDS[:5]:
        chosen = adj.toggled(chosen, tag, True)
    assert chosen == list(adj.ADJUSTMENT_IDS[:3])
    assert adj.MAX_CHOSEN == 3
    assert adj.toggled(chosen, adj.ADJUSTMENT_IDS[0], True) == chosen
    chosen = adj.toggled(chosen, adj.ADJUSTMENT_IDS[1], False)
    assert chosen == [adj.ADJUSTMENT_IDS[0], adj.ADJUSTMENT_IDS[2]]
    assert adj.toggled(chosen, adj.ADJUSTMENT_IDS[4], True)[-1] == adj.ADJUSTMENT_IDS[4]


def test_chosen_lists_and_earlier_choices() -> None:
    wb = talker_and_processor()
    wb.partners["b"].adjustments = ["conflict_pace-lower-1", "support-lower-2", "gone-lower-1"]
    names = plain_names(wb, "en")
    assert adj.chosen_texts(wb, "b", names, "en") == [
        "Ask for a pause with a time attached: “I need twenty minutes, then let's talk.”",
        "Before giving advice, ask: “Would ideas help right now, or just listening?”",
    ]
    assert adj.chosen_texts(wb, "a", names, "en") == []
    ideas = adj.ideas_for(wb, "b")
    # support is not among this couple's top three areas: it was chosen earlier.
    assert adj.earlier_choices(wb.partners["b"].adjustments, ideas) == ["support-lower-2"]


def test_ideas_only_where_both_partners_answered() -> None:
    # One partner answered everything, the other nothing: no area, so no side and no idea.
    wb = one_sided("a")
    assert adj.ideas_for(wb, "a") == adj.ideas_for(wb, "b") == []
    # Both answered only "support", far apart: the ideas of that one area, each for their side.
    wb = only_on("support")
    mia, ren = adj.ideas_for(wb, "a"), adj.ideas_for(wb, "b")
    assert [(i.area.dimension, i.area.band, i.role) for i in mia] == [("support", "far", "higher")]
    assert [(i.area.dimension, i.role) for i in ren] == [("support", "lower")]
    names = plain_names(wb, "ja")
    assert adj.position_line(mia[0].area, "b", names, "ja") == position(
        "support", "far", "Ren", "low", "Mia", "ja"
    )
