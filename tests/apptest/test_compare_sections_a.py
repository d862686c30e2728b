"""Sections 3-8 compare the two partners only where both answered (issue 13).

The answers are put into the workbook before a page is drawn: no widget is moved here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from emotions import chart_text, texts
from emotions.analysis import areas_to_understand
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import content_table, t
from emotions.languages import Language
from emotions.model import EMOTIONS, Workbook
from emotions.sections import SECTIONS, section_number
from tests.apptest.conftest import go, left_over, open_app, with_workbook
from tests.copy import area_title
from tests.couples import full_workbook
from tests.partly_answered import needs_only_on, one_silent

PAGES = tuple(Path(s.page).stem for s in SECTIONS if 3 <= section_number(s.id) <= 8)
"""The page scripts of sections 3 to 8, from the section registry."""
LOCALES: dict[Language, str] = {"en": "en-US", "ja": "ja-JP"}


def page(script: str, wb: Workbook, lang: Language) -> AppTest:
    wb.language = lang
    return go(with_workbook(open_app(LOCALES[lang]), wb), script)


def markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def comparing_texts(lang: Language, x: str, y: str) -> list[str]:
    """Every sentence of sections 3-8 that sets ``x`` beside ``y`` (in either role)."""
    out: list[str] = []
    directions = content_table("directions", lang)
    styles = content_table("styles", lang)
    meta = content_table("meta_emotion", lang)
    persisting = content_table("persisting", lang)
    for first, second in ((x, y), (y, x)):
        pair = {"higher": first, "lower": second}
        out += [
            str(text).format(**pair) for dim in DIMENSION_IDS for text in directions[dim].values()
        ]
        out += [
            str(styles[dim][key]).format(**pair)
            for dim in ("processing", "conflict_pace")
            for key in ("higher_reads", "lower_reads")
        ]
        out.append(str(styles["both"]["text"]).format(**pair))
        out.append(str(styles["crossed"]["text"]).format(aloud=first, now=second))
        out += [
            str(meta["contrast"][e]["text"]).format(wary=first, welcoming=second) for e in EMOTIONS
        ]
        # The sentence around the list of dimensions, up to where the list begins.
        too_much = str(persisting["strains"]["too_much"])
        out.append(too_much.split("{items}")[0].format(other=first, name=second))
    out.append(str(meta["general"]["differ"]))
    return [text for text in out if text.strip()]


@pytest.mark.parametrize("script", PAGES)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_partner_who_answered_nothing_is_compared_nowhere(script: str, lang: Language) -> None:
    wb = one_silent("b")  # Mia answered everything, Ren nothing
    at = page(script, wb, lang)
    shown = markdown(at)
    everything = "\n".join(shown)
    for text in comparing_texts(lang, "Mia", "Ren"):
        assert text not in everything, text
    # Nothing to compare is said once on the page, with the next steps.
    line = texts.nothing_to_compare(wb, texts.Names("Mia", "Ren"), lang)
    assert sum(text == line for text in shown) == 1
    assert t("compare.next_steps", lang) in shown
    assert t("you_two.empty", lang) not in shown
    if lang != "en":
        assert left_over(at, lang) == []


def test_the_silent_partner_is_named_only_to_say_what_is_open() -> None:
    wb = one_silent("b")
    at = page("emotional_styles", wb, "en")
    names = texts.Names("Mia", "Ren")
    assert t(
        "compare_a.styles_unplaced",
        "en",
        name="Ren",
        x=t("dim.processing.name", "en"),
        y=t("dim.conflict_pace.name", "en"),
    ) in "\n".join(markdown(at))
    # The vulnerable moment is Ren's: no response is read from answers Ren has not given.
    at = page("distance", one_silent("b"), "en")
    assert texts.nothing_to_compare(wb, names, "en") in markdown(at)
    shown = "\n".join(markdown(at))
    dims = ", ".join(t(f"dim.{d}.name", "en") for d in ("support", "conflict_pace", "processing"))
    assert t("compare_a.distance_none", "en", name="Ren", dimensions=dims) in shown
    for response in content_table("distance", "en")["responses"].values():
        assert f"**{response['name']}**" not in shown
    assert t("distance.landing_caption", "en", name="Ren") not in [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_only_the_needs_both_answered_are_compared(lang: Language) -> None:
    # Both answered expression (Mia 9, Ren 3) and processing (9, 1): far apart on both. Mia also
    # answered her pace under tension, Ren did not.
    wb = needs_only_on(full_workbook(), ["expression", "processing"])
    wb.partners["a"].ratings["conflict_pace"].need = 10
    full = {a.dimension: a for a in areas_to_understand(full_workbook())}
    expected = {
        "emotional_styles": {"expression", "processing"},
        "distance": {"processing"},
        "intimacy": {"expression"},
        "expression": {"expression"},
        "ongoing_differences": {"expression", "processing"},
    }
    for script, dims in expected.items():
        at = page(script, wb, lang)
        everything = "\n".join(markdown(at))
        for dim, area in full.items():
            title = area_title(dim, area.band, area.difference, lang)
            if dim in dims:
                assert title in everything, (script, dim)
            else:
                assert title not in everything, (script, dim)
        assert t("compare.next_steps", lang) not in markdown(at)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_map_places_only_a_partner_who_answered_both_of_its_needs(lang: Language) -> None:
    at = page("emotional_styles", one_silent("b"), lang)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    # The corner labels and Mia; Ren answered nothing: no point, a line instead.
    assert [trace.get("name") for trace in spec["data"][1:]] == ["Mia"]
    assert t(
        "compare_a.styles_unplaced",
        lang,
        name="Ren",
        x=t("dim.processing.name", lang),
        y=t("dim.conflict_pace.name", lang),
    ) in "\n".join(markdown(at))


def test_need_and_met_bars_only_from_answers() -> None:
    wb = full_workbook()
    for rating in wb.partners["a"].ratings.values():
        rating.met = None
    at = page("ongoing_differences", wb, "en")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    # No "met" answered yet: only the need series is drawn.
    assert [trace["name"] for trace in spec["data"]] == [t("persist.need", "en")]
    silent = one_silent("a")
    at = page("ongoing_differences", silent, "en")
    assert at.get("plotly_chart") == []  # nothing answered: a line instead of empty bars
    empty = chart_text.need_met(silent, "a", texts.plain_names(silent, "en"), "en")
    assert empty.empty and empty.text in [m.value for m in at.markdown]
