"""Sample couples in the app: loaded from the sidebar, shown on every page in both languages,
marked as made up everywhere, never replacing the user's own answers without asking.

Needs the frame to call ``ui.samples.sample_picker()`` in ``frame.sidebar()`` and
``ui.samples.sample_banner()`` in ``frame.notice()``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from emotions import samples
from emotions.analysis import answer_count, question_count
from emotions.dimensions import SECTION_IDS
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.model import PARTNER_IDS, Language
from emotions.sections import SECTIONS
from tests.apptest.conftest import english_left_over, go, open_app, visible_texts
from ui.state import WORKBOOK_KEY

SCRIPTS = [Path(spec.page).stem for spec in SECTIONS] + ["workbook", "about"]
LOCALES = {"en-US": "en", "ja-JP": "ja"}
CASES = [(sid, locale) for sid in samples.SAMPLE_IDS for locale in LOCALES]


def load(at: AppTest, sample_id: str) -> AppTest:
    """Choose a sample in the sidebar and press "Load" (two steps, as a user would)."""
    at.selectbox(key="sample_pick").set_value(sample_id).run()
    at.button(key="sample_load").click().run()
    assert not at.exception, at.exception
    return at


def banner(sample_id: str, lang: Language) -> str:
    return t("samples.banner", lang, title=samples.title(sample_id, lang))  # type: ignore[arg-type]


def banners(at: AppTest) -> list[str]:
    return [e.value for e in at.main.info if "**" in e.value and e.value in _ALL_BANNERS]


_ALL_BANNERS = {banner(s, lang) for s in samples.SAMPLE_IDS for lang in ("en", "ja")}


def asking(at: AppTest) -> bool:
    """Whether the sidebar asks before replacing the user's answers."""
    lang = at.session_state["workbook"].language
    confirm = t("samples.confirm", lang, page=t("nav.workbook", lang))
    return any(w.value == confirm for w in at.sidebar.warning)


@pytest.fixture(scope="module", params=CASES, ids=[f"{s}-{loc}" for s, loc in CASES])
def session(request: pytest.FixtureRequest) -> tuple[str, AppTest]:
    """One session per sample and language: the sample loaded, then every page walked."""
    sample_id, locale = request.param
    return sample_id, load(open_app(locale), sample_id)


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_page_shows_the_sample_and_says_it_is_made_up(
    session: tuple[str, AppTest], script: str
) -> None:
    sample_id, at = session
    go(at, script)
    wb = at.session_state["workbook"]
    lang = wb.language
    expected = samples.load_sample(sample_id, lang)
    assert wb.sample == sample_id
    assert banners(at) == [banner(sample_id, lang)]
    if script == "about":
        return
    shown = visible_texts(at)
    for partner in expected.partners.values():
        assert any(partner.name in text for text in shown), (script, partner.name)
    if script in ("workbook",):
        return
    section = script.replace("_", "-")
    for pid in PARTNER_IDS:
        note = at.text_area(key=f"reflect__{section}__{pid}").value
        assert note == expected.partners[pid].reflections[section]  # type: ignore[index]
    if lang == "ja":
        assert english_left_over(at) == []


def test_walking_every_page_leaves_the_sample_unchanged(session: tuple[str, AppTest]) -> None:
    sample_id, at = session
    for script in SCRIPTS:
        go(at, script)
    wb = at.session_state["workbook"]
    assert wb.sample == sample_id and samples.sample_language(wb) == wb.language
    assert at.sidebar.get("progress")[0].proto.text == t(
        "frame.progress", wb.language, count=len(SECTION_IDS)
    )


def test_a_fresh_workbook_shows_no_banner_and_loads_a_sample_at_once() -> None:
    at = open_app()
    assert banners(at) == []
    load(at, "space-vs-talk-now")
    assert not asking(at)
    wb = at.session_state["workbook"]
    assert wb.sample == "space-vs-talk-now" and wb.partners["a"].name == "Maya"
    assert banners(at) == [banner("space-vs-talk-now", "en")]
    # The sidebar's name fields show the sample's names.
    assert at.text_input(key="name__a").value == "Maya"


def test_loading_over_the_users_own_answers_asks_first() -> None:
    at = open_app()
    at.text_input(key="name__a").input("Kim").run()
    load(at, "talk-vs-reflect")
    assert asking(at)
    assert at.session_state["workbook"].sample is None
    assert at.session_state["workbook"].partners["a"].name == "Kim"
    at.button(key="sample_keep").click().run()
    assert not asking(at)
    assert at.session_state["workbook"].partners["a"].name == "Kim"
    go(at, "distance")
    at.button(key="sample_load").click().run()
    assert asking(at)  # the question stays on other pages until it is answered
    go(at, "about")
    assert asking(at)
    at.button(key="sample_replace").click().run()
    assert not asking(at)
    wb = at.session_state["workbook"]
    assert wb.sample == "talk-vs-reflect" and wb.partners["a"].name == "Claire"
    assert banners(at) == [banner("talk-vs-reflect", "en")]


def test_an_unchanged_sample_is_replaced_without_asking_a_changed_one_is_not() -> None:
    at = load(open_app(), "talk-vs-reflect")
    load(at, "words-vs-deeds")
    assert not asking(at)
    assert at.session_state["workbook"].sample == "words-vs-deeds"
    at.text_input(key="name__b").input("Gracie").run()
    load(at, "talk-vs-reflect")
    assert asking(at)
    assert at.session_state["workbook"].partners["b"].name == "Gracie"


def test_an_unchanged_sample_follows_the_language_switch() -> None:
    at = load(open_app(), "talk-vs-reflect")
    go(at, "distance")
    at.radio(key="ui_lang").set_value("ja").run()
    assert not at.exception
    wb = at.session_state["workbook"]
    assert wb.language == "ja"
    assert [p.name for p in wb.partners.values()] == ["美咲", "健一"]
    assert at.text_input(key="name__a").value == "美咲"
    assert banners(at) == [banner("talk-vs-reflect", "ja")]
    assert "introduction" in wb.visited and "distance" in wb.visited
    assert english_left_over(at) == []
    at.radio(key="ui_lang").set_value("en").run()
    assert at.session_state["workbook"].partners["a"].name == "Claire"


def test_a_changed_sample_keeps_its_words_when_the_language_changes() -> None:
    at = load(open_app(), "reassure-vs-independent")
    at.text_input(key="name__b").input("Jo").run()
    at.radio(key="ui_lang").set_value("ja").run()
    wb = at.session_state["workbook"]
    assert wb.language == "ja"
    assert [p.name for p in wb.partners.values()] == ["Priya", "Jo"]
    # Still made up: the banner stays.
    assert banners(at) == [banner("reassure-vs-independent", "ja")]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_picker_and_the_banner_name_nobody(locale: str) -> None:
    at = load(open_app(locale), "words-vs-deeds")
    lang = LOCALES[locale]
    picker = at.selectbox(key="sample_pick")
    # The sidebar's answer count names the partners on purpose (as the names field does): it is
    # not part of the picker or the banner.
    wb = at.session_state[WORKBOOK_KEY]
    count_line = "  \n".join(
        t("answer_ui.sidebar_count", lang, name=markdown_escape(p.name), answered=n, total=total)
        for pid, p in wb.partners.items()
        for n, total in ((answer_count(wb, pid), question_count()),)
    )
    captions = [c.value for c in at.sidebar.caption if c.value != count_line]
    assert len(captions) == len(at.sidebar.caption) - 1  # the count line was there
    words = [*picker.options, *captions, *banners(at)]
    names = [
        p.name
        for sid in samples.SAMPLE_IDS
        for loaded in (samples.load_sample(sid, lang),)  # type: ignore[arg-type]
        for p in loaded.partners.values()
    ]
    assert len(picker.options) == len(samples.SAMPLE_IDS)
    assert not [n for n in names if any(n in w for w in words)]


def test_no_picker_on_a_shared_screen_but_the_banner_stays() -> None:
    at = load(open_app(), "space-vs-talk-now")
    at.toggle(key="ui_present").set_value(True).run()
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "sample_pick"]
    assert banners(at) == [banner("space-vs-talk-now", "en")]
    go(at, "compatibility")
    assert banners(at) == [banner("space-vs-talk-now", "en")]
