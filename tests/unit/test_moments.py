"""Section 12: small moments grouped in three, picked per partner, tied to the top areas."""

from __future__ import annotations

import re

from emotions import i18n
from emotions.dimensions import DIMENSION_IDS
from emotions.exercises import moments as mo
from emotions.languages import Language
from emotions.model import Partner
from emotions.texts import plain_names
from tests.copy import area_title
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import HIGH, LOW, one_sided

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_every_moment_and_group_is_written_in_both_languages() -> None:
    en, ja = (i18n.content_table("moments", lang) for lang in ("en", "ja"))
    assert set(en["moments"]) == set(ja["moments"]) == set(mo.MOMENT_IDS)
    assert set(en["groups"]) == set(ja["groups"]) == set(mo.GROUPS)
    assert all(JAPANESE.search(ja["moments"][m]) for m in mo.MOMENT_IDS)
    assert all(JAPANESE.search(ja["groups"][g]["name"]) for g in mo.GROUPS)
    assert all(4 <= len(mo.in_group(g)) <= 5 for g in mo.GROUPS)
    Partner(small_moments=list(mo.MOMENT_IDS))  # every id is a tag the model accepts


def test_every_side_of_every_dimension_has_a_moment_that_speaks_to_it() -> None:
    for dim in DIMENSION_IDS:
        for pole in ("high", "low"):
            assert mo.speaking_to(dim, pole), (dim, pole)  # type: ignore[arg-type]


def test_picking_shared_and_each_ones_picks() -> None:
    wb = talker_and_processor()
    a, b = wb.partners["a"], wb.partners["b"]
    a.small_moments = mo.toggled(a.small_moments, "presence-walk", True)
    a.small_moments = mo.toggled(a.small_moments, "presence-phone-down", True)
    a.small_moments = mo.toggled(a.small_moments, "presence-walk", True)  # no duplicate
    b.small_moments = mo.toggled(b.small_moments, "presence-walk", True)
    b.small_moments = mo.toggled(b.small_moments, "curiosity-follow-up", True)
    assert a.small_moments == ["presence-walk", "presence-phone-down"]
    # Each one's picks come in the order of the list, not the order of ticking.
    assert mo.picks(wb, "a") == ["presence-phone-down", "presence-walk"]
    assert mo.shared(wb) == ["presence-walk"]
    b.small_moments = mo.toggled(b.small_moments, "presence-walk", False)
    assert mo.shared(wb) == []
    assert mo.picks(wb, "b") == ["curiosity-follow-up"]


def test_summary_ties_the_picks_to_the_first_area_of_each_couple() -> None:
    mia_ren = talker_and_processor()  # first area: pace under tension, Mia nearer "talk now"
    names = plain_names(mia_ren, "en")
    assert mo.summary(mia_ren, names, "en") == [summary("conflict_pace", "Mia", 0, "Ren", 0)]
    mia_ren.partners["a"].small_moments = ["validation-take-your-time"]
    assert mo.summary(mia_ren, names, "en") == [
        summary("conflict_pace", "Mia", 0, "Ren", 1),
        i18n.t("moments.summary_gap", "en", name="Mia"),
    ]
    kai_sam = reassurance_and_independence()  # first area: reassurance, Sam nearer the high pole
    kai_sam.partners["b"].small_moments = ["presence-hello-goodbye"]
    ja = mo.summary(kai_sam, plain_names(kai_sam, "ja"), "ja")
    assert ja == [
        summary("reassurance", "Sam", 1, "Kai", 0, "ja"),
        i18n.t("moments.summary_gap", "ja", name="Kai"),
    ]


def test_area_blocks_show_each_side_and_who_picked() -> None:
    wb = reassurance_and_independence()
    wb.partners["a"].small_moments = ["presence-walk"]
    wb.partners["b"].small_moments = ["presence-walk", "presence-hello-goodbye"]
    blocks = mo.area_blocks(wb, plain_names(wb, "en"), "en")
    assert len(blocks) == 2
    reassurance, closeness = blocks
    assert reassurance.startswith(f"**{area_title('reassurance', 'far', 8)}**\n\n- For Sam's side")
    assert (
        "    - Make each hello and goodbye count: a look, a touch, a few words. (picked by Sam)"
        in reassurance
    )
    assert "- For Kai's side (“Rarely need to hear we're OK”):" in reassurance
    assert "Take a short walk together with no particular purpose. (picked by both of you)" in (
        closeness
    )
    assert "(not picked yet)" in closeness


def test_no_differences_no_area_texts() -> None:
    wb = talker_and_processor()
    for dim in DIMENSION_IDS:
        wb.partners["b"].ratings[dim].need = wb.partners["a"].ratings[dim].need
    assert mo.summary(wb, plain_names(wb, "en"), "en") == []
    assert mo.area_blocks(wb, plain_names(wb, "en"), "en") == []


def test_one_sentence_when_no_pick_speaks_to_the_first_area() -> None:
    wb = talker_and_processor()  # first area: pace under tension
    wb.partners["b"].small_moments = ["presence-phone-down"]  # speaks to other areas only
    assert mo.summary(wb, plain_names(wb, "en"), "en")[1:] == [
        "None of your picks speak to this area yet; the list below shows some that do."
    ]


def summary(
    dimension: str, higher: str, for_higher: int, lower: str, for_lower: int, lang: str = "en"
) -> str:
    return i18n.t(
        "moments.summary",
        lang,  # type: ignore[arg-type]
        dimension=i18n.t(f"dim.{dimension}.name", lang),  # type: ignore[arg-type]
        higher=higher,
        for_higher=for_higher,
        lower=lower,
        for_lower=for_lower,
    )


def test_area_texts_only_where_both_partners_answered() -> None:
    # One partner answered everything, the other nothing: no area, no side, no summary.
    wb = one_sided("a")
    wb.partners["a"].small_moments = ["curiosity-what-would-help"]  # speaks to both sides
    names = plain_names(wb, "en")
    assert mo.summary(wb, names, "en") == [] and mo.area_blocks(wb, names, "en") == []
    # Both answered only "support", far apart: that area only, Mia on the high side.
    wb.partners["b"].ratings["support"].need = LOW
    langs: tuple[Language, ...] = ("en", "ja")
    for lang in langs:
        names = plain_names(wb, lang)
        (block,) = mo.area_blocks(wb, names, lang)
        assert block.startswith(f"**{area_title('support', 'far', HIGH - LOW, lang)}**")
        assert mo.summary(wb, names, lang) == [summary("support", "Mia", 1, "Ren", 1, lang)]
