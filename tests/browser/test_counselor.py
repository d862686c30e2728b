"""For the counselor and the workshop, in a real browser: presentation mode shows no name and no
note, pass-and-play shows nothing of A's answers before the reveal, every sample couple renders,
start over and quick exit leave no answer behind.

Every test drives the app through its own controls (sidebar links keep the session; ``goto``
would start a new one). Screenshots land in ``test-artifacts/counselor/`` to be looked at.
The expectations come from the sample couples' own content file (``content/<lang>/samples.toml``)
and the app's catalogs, not from the code under test.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.i18n import section_text, t
from emotions.languages import spec
from emotions.model import Language
from emotions.samples import PROFILES
from tests.browser.kit import (
    ARTIFACTS,
    REPO,
    NetworkLog,
    StreamlitServer,
    answered,
    full_page_screenshot,
    give,
    open_app,
    wait_idle,
)
from tests.browser.test_needs_page import OUTLINES
from ui.widgets import ANSWER_KEY_PREFIXES

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "counselor"
SHOTS.mkdir(parents=True, exist_ok=True)
ZWSP = "\u200b"  # the app's escaping puts one after every ":" of user text
UI_TIMEOUT = 20_000  # other sessions may share the two cores
SAMPLES = ("talk-vs-reflect", "reassure-vs-independent", "space-vs-talk-now", "words-vs-deeds")
PRESENT_PAGES = (
    "what-it-means",
    "meta-emotion",
    "communication",
    "meta-awareness",
    "rebuilding",
    "final-thoughts",
)
PLOTS = '[data-testid="stMain"] .js-plotly-plot'


# --------------------------------------------------------------------------- the sample content


def sample_table(sample_id: str, lang: Language) -> dict[str, Any]:
    path = REPO / "emotions" / "content" / lang / "samples.toml"
    with path.open("rb") as f:
        table: dict[str, Any] = tomllib.load(f)[sample_id]
    return table


def sample_names(sample_id: str, lang: Language) -> tuple[str, str]:
    table = sample_table(sample_id, lang)
    return table["a"]["name"], table["b"]["name"]


def sample_title(sample_id: str, lang: Language) -> str:
    return str(sample_table(sample_id, lang)["title"])


def _free_texts(table: dict[str, Any]) -> Iterator[str]:
    """Everything the couple "wrote" (not the title, the description, names or feeling ids)."""
    yield table["vulnerable_moment"]
    yield from table["next_steps"].strip().splitlines()
    for checkin in table["checkins"]:
        yield checkin["reliability"]
        yield checkin["adjustment"]
    yield from table["area_notes"].values()
    for pid in ("a", "b"):
        partner = table[pid]
        yield partner["own_need"]
        yield from partner["reflections"].values()
        for rewrite in partner.get("rewrites", []):
            for field in ("complaint", "situation", "need", "request"):
                if rewrite.get(field):
                    yield rewrite[field]
        for trigger in partner.get("triggers", []):
            yield from (v for v in trigger.values() if v)


def _app_texts(lang: Language) -> str:
    """Every text the app itself may show in ``lang`` (catalog and content, not the samples)."""
    files = [REPO / "emotions" / "locales" / f"{lang}.toml"]
    files += [f for f in (REPO / "emotions" / "content" / lang).rglob("*") if f.is_file()]
    return "\n".join(f.read_text(encoding="utf-8") for f in files if f.name != "samples.toml")


def note_probes(sample_id: str, lang: Language) -> list[str]:
    """The start of every note of the sample (long enough to be found nowhere else), leaving out
    the few a couple copied from the app's own examples (the app shows those itself)."""
    size = 30 if lang == "en" else 14
    own = _app_texts(lang)
    probes = {text.strip()[:size] for text in _free_texts(sample_table(sample_id, lang))}
    return sorted(p for p in probes if len(p) >= (12 if lang == "en" else 8) and p not in own)


def name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Latin names as whole words ("Tom" not in "Tomorrow"); Japanese names anywhere."""
    parts = [
        rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])" if n.isascii() else re.escape(n) for n in names
    ]
    return re.compile("|".join(parts))


# --------------------------------------------------------------------------- browser steps


def key(page: Page, name: str) -> Locator:
    return page.locator(f".st-key-{name}")


def main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def shown(text: str) -> str:
    return text.replace(ZWSP, "")


def app_text(page: Page) -> str:
    """All visible text of the app (main area and sidebar)."""
    return shown(page.locator('[data-testid="stApp"]').inner_text())


def heading_of(path: str, lang: Language) -> str:
    if path == "turns":
        return t("turns.heading", lang)
    if path == "about":
        return t("about.heading", lang)
    return section_text(path, lang)[0]


def go(page: Page, path: str, lang: Language = "en") -> None:
    """Click the page's link in the sidebar (the same session) and wait for its heading."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()
    expect(main(page).locator("h1").first).to_have_text(heading_of(path, lang), timeout=UI_TIMEOUT)
    wait_idle(page)


def click(page: Page, name: str) -> None:
    button = key(page, name).locator("button").first
    button.scroll_into_view_if_needed()
    button.click()
    wait_idle(page)


def toggle(page: Page, name: str, on: bool) -> None:
    box = key(page, name)
    box.locator("label").first.click()
    if on:
        expect(box.locator("input")).to_be_checked(timeout=UI_TIMEOUT)
    else:
        expect(box.locator("input")).not_to_be_checked(timeout=UI_TIMEOUT)
    wait_idle(page)


def sidebar_expander(page: Page, inner_key: str) -> Locator:
    """Open (if closed) the sidebar expander that holds the element ``inner_key``."""
    inner = key(page, inner_key)
    if not inner.is_visible():
        expander = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
            has=inner
        )
        expander.locator("summary").click()
    expect(inner).to_be_visible(timeout=UI_TIMEOUT)
    page.wait_for_timeout(300)  # the opening animation: a press during it is lost
    return inner


def choose_language(page: Page, lang: Language) -> None:
    label = spec(lang).name
    page.locator('.st-key-ui_lang [data-testid="stRadioOption"]', has_text=label).click()
    wait_idle(page)


def load_sample(page: Page, sample_id: str, lang: Language = "en") -> None:
    """Choose the sample in the sidebar's picker (a select box) and press "Load"."""
    picker = sidebar_expander(page, "sample_pick")
    title = sample_title(sample_id, lang)
    combobox = picker.get_by_role("combobox")
    for _attempt in range(4):
        if combobox.input_value() == title:
            break
        # A press as short as Playwright's default click does not open the combobox; a list
        # opened while a rerun redraws the sidebar closes again: then it is opened once more.
        combobox.click(delay=100)
        try:
            page.get_by_role("option", name=title, exact=True).click(timeout=5_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
        wait_idle(page)
    assert combobox.input_value() == title, combobox.input_value()
    click(page, "sample_load")
    banner = main(page).locator('[data-testid="stAlertContentInfo"]').filter(has_text=title)
    expect(banner).to_have_count(1, timeout=UI_TIMEOUT)


def sidebar_names(page: Page) -> tuple[str, str]:
    sidebar_expander(page, "name__a")
    a, b = (key(page, f"name__{pid}").locator("input").input_value() for pid in ("a", "b"))
    return a, b


def plots(page: Page) -> list[dict[str, Any]]:
    """Every plotly chart of the main area (traces and layout), once each is drawn."""
    page.wait_for_function(
        """(sel) => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(
               c => { const p = c.querySelector('.js-plotly-plot'); return p && p.data; })""",
        arg=PLOTS,
        timeout=UI_TIMEOUT,
    )
    figures: list[dict[str, Any]] = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map(p => JSON.parse(JSON.stringify(
               { data: p.data, layout: p.layout })))""",
        PLOTS,
    )
    return figures


def radar(page: Page, chart_key: str) -> list[list[float | None]]:
    """The radar's outlines that hold an answer (a partner who answered no need has none)."""
    sel = f".st-key-{chart_key} .js-plotly-plot"
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.data }",
        arg=sel,
        timeout=UI_TIMEOUT,
    )
    values: list[list[float | None]] = page.evaluate(
        f"(sel) => ({OUTLINES})(document.querySelector(sel))", sel
    )
    return values


def wait_radar(
    page: Page, chart_key: str, expected: list[list[float | None]]
) -> list[list[float | None]]:
    """Wait until the radar shows ``expected`` (plotly redraws after the script ends)."""
    sel = f".st-key-{chart_key} .js-plotly-plot"
    with contextlib.suppress(Exception):  # the caller's assertion shows what it does show
        page.wait_for_function(
            f"""([sel, want]) => {{ const p = document.querySelector(sel);
                return p && p.data && JSON.stringify(({OUTLINES})(p))
                    === JSON.stringify(want); }}""",
            arg=[sel, expected],
            timeout=10_000,
        )
    return radar(page, chart_key)


def no_exception(page: Page, where: str) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, f"{where}: {boxes.all_inner_texts()}"


# --------------------------------------------------------------------------- 1. presentation


def assert_private(page: Page, where: str, names: tuple[str, ...], notes: list[str]) -> None:
    """No name and no note on screen, in the DOM or in any chart; no answer control."""
    text = app_text(page)
    html = shown(page.content())
    charts = json.dumps(plots(page), ensure_ascii=False)
    pattern = name_pattern(names)
    for label, haystack in (("screen", text), ("DOM", html), ("charts", charts)):
        found = pattern.findall(haystack)
        assert not found, f"{where}: name(s) {sorted(set(found))} in the {label}"
        leaked = [note for note in notes if note in haystack]
        assert not leaked, f"{where}: note(s) in the {label}: {leaked}"
    questions = ", ".join(f'[class*="st-key-{prefix}"]' for prefix in ANSWER_KEY_PREFIXES)
    controls = page.locator(
        '[data-testid="stApp"] :is(input[type="text"], textarea, [data-testid="stSlider"],'
        f' [data-testid="stTextInput"], [data-testid="stTextArea"], {questions})'
    )
    visible = [c for c in controls.all() if c.is_visible()]
    assert not visible, f"{where}: {len(visible)} answer control(s) on a shared screen"
    for pid in ("a", "b"):
        assert key(page, f"name__{pid}").count() == 0, f"{where}: the name fields are drawn"
    assert key(page, "sample_pick").count() == 0 and key(page, "start_over").count() == 0


def test_presentation_mode_shows_no_name_and_no_note(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    sample = "reassure-vs-independent"
    open_app(page, server.url, PRESENT_PAGES[0])
    load_sample(page, sample)
    names = sidebar_names(page)
    assert names == sample_names(sample, "en"), names
    notes = note_probes(sample, "en")
    assert len(notes) > 20, notes
    # Before presenting, the names are on screen: the test would see a leak.
    assert name_pattern(names).search(json.dumps(plots(page)))

    toggle(page, "ui_present", True)
    for number, path in enumerate(PRESENT_PAGES):
        if number:
            go(page, path)
        expect(key(page, "ui_present").locator("input")).to_be_checked()  # kept across pages
        assert_private(page, path, names, notes)
        if path == "rebuilding":
            # The notes come only on an explicit click, and without names.
            toggle(page, "present_show_notes", True)
            reliability = sample_table(sample, "en")["checkins"][0]["reliability"]
            redacted = reliability
            for name, pid in zip(names, ("a", "b"), strict=True):
                redacted = redacted.replace(name, t(f"partner.{pid}", "en"))
            assert redacted != reliability, "the probe note names nobody: it proves nothing"
            expect(main(page)).to_contain_text(redacted, timeout=UI_TIMEOUT)
            assert not name_pattern(names).search(app_text(page)), "a name beside the notes"
            assert not name_pattern(names).search(shown(page.content())), "a name in the DOM"
            assert not name_pattern(names).search(json.dumps(plots(page)))
            full_page_screenshot(page, SHOTS / "presentation-rebuilding-notes.png")
            continue  # the next page folds its notes again (checked there)
        full_page_screenshot(page, SHOTS / f"presentation-{path}.png")

    # The same in Japanese: the unchanged sample follows the language (Japanese names, notes).
    choose_language(page, "ja")
    ja_names = sample_names(sample, "ja")
    ja_notes = note_probes(sample, "ja")
    for path in ("final-thoughts", "what-it-means"):
        if path != "final-thoughts":
            go(page, path, "ja")
        expect(main(page).locator("h1").first).to_have_text(section_text(path, "ja")[0])
        assert_private(page, f"{path} (ja)", (*names, *ja_names), ja_notes + notes)
        full_page_screenshot(page, SHOTS / f"presentation-ja-{path}.png")
    assert network.outside() == [], network.outside()


# --------------------------------------------------------------------------- 2. pass and play

A_NEEDS = [10, 0, 10, 0, 10, 0, 10, 0]  # distinctive: no middle (5) among them
B_NEEDS = [5, 5, 2, 5, 5, 7, 5, 5]  # B answers the middle but for two


def to_the_handover(page: Page, server: StreamlitServer, a_needs: list[int] | None) -> None:
    """A new session: the turns page, A's turn (answering ``a_needs``), Done → hand-over."""
    open_app(page, server.url)
    go(page, "turns")
    click(page, "turns_start")
    expect(main(page).locator("h2").first).to_have_text(
        t("turns.turn_heading", "en", name=t("partner.a", "en")), timeout=UI_TIMEOUT
    )
    if a_needs is not None:
        for dim, value in zip(DIMENSION_IDS, a_needs, strict=True):
            give(page, f"turns__a__{dim}", value)
    click(page, "turns_done_a")
    expect(main(page).locator("h2").first).to_have_text(
        t("turns.handover_heading", "en", name=t("partner.b", "en")), timeout=UI_TIMEOUT
    )


# Lines a private screen may show whatever A answered: they carry no value of anyone's (the
# reminder that some answers are not downloaded yet says nothing of whose, or what).
ANSWER_NEUTRAL_LINES = (t("keep.unsaved", "en"),)


def turn_screen(page: Page) -> str:
    """The text of a pass-and-play screen, without the lines that carry no answer."""
    return "\n".join(
        line
        for line in app_text(page).splitlines()
        if line.strip() and line.strip() not in ANSWER_NEUTRAL_LINES
    )


def nav_titles(page: Page) -> list[str]:
    """The titles of the pages the sidebar's navigation offers."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    return [shown(text).strip() for text in links.all_inner_texts()]


PRIVATE_NAV = [t("turns.nav", "en"), t("safety_page.nav", "en")]


def assert_nothing_of_a(page: Page, where: str) -> None:
    assert page.locator('[data-testid="stPlotlyChart"], .js-plotly-plot').count() == 0, where
    assert page.locator('[class*="st-key-turns__a__"]').count() == 0, where
    assert page.locator('[class*="st-key-turns_importance__a__"]').count() == 0, where
    offered = nav_titles(page)
    assert len(offered) == 2 and all(
        any(want in title for title in offered) for want in PRIVATE_NAV
    ), f"{where}: the navigation offers {offered}"
    no_exception(page, where)


def test_pass_and_play_shows_nothing_of_a_before_the_reveal(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    # The reference: the same screens in a session where A answered nothing.
    reference = page.context.new_page()
    to_the_handover(reference, server, None)
    handover_default = turn_screen(reference)
    click(reference, "turns_start_b")
    b_default = turn_screen(reference)
    reference.close()

    to_the_handover(page, server, A_NEEDS)
    questions = '[data-testid="stSlider"], [data-testid="stButtonGroup"]'
    assert page.locator(questions).count() == 0, "questions on the hand-over"
    assert_nothing_of_a(page, "hand-over")
    assert turn_screen(page) == handover_default, "the hand-over differs from one without answers"
    full_page_screenshot(page, SHOTS / "turns-handover.png")
    # The browser's back button leads to the hand-over again, not to a page with answers.
    page.go_back()
    expect(main(page).locator("h2").first).to_have_text(
        t("turns.handover_heading", "en", name=t("partner.b", "en")), timeout=UI_TIMEOUT
    )
    wait_idle(page)
    assert_nothing_of_a(page, "hand-over after going back")

    click(page, "turns_start_b")
    expect(main(page).locator("h2").first).to_have_text(
        t("turns.turn_heading", "en", name=t("partner.b", "en")), timeout=UI_TIMEOUT
    )
    assert_nothing_of_a(page, "B's turn")
    unanswered = [None] * len(DIMENSION_IDS)
    assert [answered(page, f"turns__b__{d}") for d in DIMENSION_IDS] == unanswered
    assert turn_screen(page) == b_default, "B's screen differs from one where A answered nothing"
    for dim, value in zip(DIMENSION_IDS, B_NEEDS, strict=True):
        give(page, f"turns__b__{dim}", value)
    assert_nothing_of_a(page, "B's turn after B answered")
    full_page_screenshot(page, SHOTS / "turns-b.png")

    click(page, "turns_done_b")
    expect(main(page).locator("h2").first).to_have_text(
        t("turns.reveal_heading", "en"), timeout=UI_TIMEOUT
    )
    both: list[list[float | None]] = [[*n, n[0]] for n in (A_NEEDS, B_NEEDS)]  # outlines close
    shown_values = wait_radar(page, "turns_radar", both)
    assert shown_values == both, shown_values
    hrefs = page.locator('[data-testid="stSidebarNav"] a').evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(h.endswith("/what-it-means") for h in hrefs), "every page opens after the reveal"
    full_page_screenshot(page, SHOTS / "turns-reveal.png")
    assert network.outside() == [], network.outside()


# --------------------------------------------------------------------------- 3. start over


def sample_radar(sample_id: str) -> list[list[float]]:
    profile = PROFILES[sample_id]  # type: ignore[index]  # the figures live in code, not content
    needs = [[p.figures[d][0] for d in DIMENSION_IDS] for p in (profile.a, profile.b)]
    return [[*need, need[0]] for need in needs]


def banner_count(page: Page) -> int:
    return (
        main(page)
        .locator('[data-testid="stAlertContentInfo"]')
        .filter(has_text=re.compile("Sample couple"))
        .count()
    )


def test_start_over_clears_everything_only_after_confirming(
    page: Page, server: StreamlitServer
) -> None:
    sample = "talk-vs-reflect"
    names = sample_names(sample, "en")
    open_app(page, server.url, "what-it-means")
    load_sample(page, sample)
    loaded = wait_radar(page, "needs_radar", sample_radar(sample))
    assert loaded == sample_radar(sample), loaded

    # Asked, then declined: nothing changes.
    sidebar_expander(page, "start_over")
    click(page, "start_over")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(
        t("start_over.question", "en"), timeout=UI_TIMEOUT
    )
    click(page, "start_over_cancel")
    expect(key(page, "start_over_confirm")).to_have_count(0)
    assert sidebar_names(page) == names
    assert banner_count(page) == 1
    assert radar(page, "needs_radar") == sample_radar(sample)

    # Asked and confirmed: a fresh workbook.
    sidebar_expander(page, "start_over")
    click(page, "start_over")
    click(page, "start_over_confirm")
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(
        t("start_over.done", "en"), timeout=UI_TIMEOUT
    )
    assert sidebar_names(page) == ("", "")
    assert banner_count(page) == 0
    assert wait_radar(page, "needs_radar", []) == [], "a fresh workbook: nobody has answered"
    expect(page.locator('[data-testid="stSidebar"] [data-testid="stProgress"]')).to_contain_text(
        t("frame.progress", "en", count=1)
    )
    full_page_screenshot(page, SHOTS / "start-over-done.png")
    # Another page with notes: none of the couple's words are left.
    go(page, "final-thoughts")
    html = shown(page.content())
    assert not name_pattern(names).search(html)
    leaked = [note for note in note_probes(sample, "en") if note in html]
    assert not leaked, leaked
    assert banner_count(page) == 0


# --------------------------------------------------------------------------- 4. quick exit


def storage(page: Page) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = page.evaluate(
        """() => ({ session: { ...sessionStorage }, local: { ...localStorage } })"""
    )
    return found


def assert_blank(page: Page, where: str, names: tuple[str, str], notes: list[str]) -> None:
    blank = t("exit.blank_note", "en")
    expect(main(page)).to_have_text(re.compile(rf"^\s*{re.escape(blank)}\s*$"), timeout=UI_TIMEOUT)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.count() == 0 or not shown(sidebar.inner_text()).strip(), f"{where}: sidebar"
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0, f"{where}: navigation"
    assert page.locator('[data-testid="stSidebar"] [data-testid="stButton"]').count() == 0
    assert page.title() == t("exit.blank_title", "en"), f"{where}: title {page.title()!r}"
    path = urlsplit(page.url).path.strip("/")
    assert path not in {*SECTION_IDS, "workbook", "turns", "about"}, f"{where}: URL {page.url}"
    html = shown(page.content())
    assert not name_pattern(names).search(html), f"{where}: a name in the DOM"
    leaked = [n for n in notes if n in html]
    assert not leaked, f"{where}: notes in the DOM: {leaked}"
    assert "Sample couple" not in html and sample_title(SAMPLES[0], "en") not in html, where


def test_quick_exit_leaves_a_neutral_screen_and_nothing_behind(
    page: Page, server: StreamlitServer
) -> None:
    sample = SAMPLES[0]
    names = sample_names(sample, "en")
    notes = note_probes(sample, "en")
    open_app(page, server.url, "what-it-means")
    load_sample(page, sample)
    go(page, "rebuilding")
    expect(main(page)).to_contain_text(
        sample_table(sample, "en")["checkins"][0]["reliability"][:30], timeout=UI_TIMEOUT
    )

    if key(page, "keep_toggle").count():
        # A copy kept in this browser (when the app offers it) must go with the quick exit too;
        # first make sure the storage check below would see it.
        toggle(page, "keep_toggle", True)
        page.wait_for_function(
            "(name) => Object.values(localStorage).some(v => v.includes(name))",
            arg=names[0],
            timeout=UI_TIMEOUT,
        )

    click(page, "quick_exit")
    assert_blank(page, "after the quick exit", names, notes)
    full_page_screenshot(page, SHOTS / "quick-exit.png")
    kept = json.dumps(storage(page), ensure_ascii=False)
    keys = {area: sorted(entries) for area, entries in storage(page).items()}
    for trace in (*names, *notes, sample, "workbook"):
        assert trace not in kept, f"the browser's storage keeps {trace!r}; its keys: {keys}"
    # Only Streamlit's own view settings (theme, open nav groups) may stay, nothing of the app's.
    own = [k for area in storage(page).values() for k in area if not k.startswith("st")]
    assert not own, f"the app's own storage keys outlive the quick exit: {own}"

    # The back button: the same session, still blank.
    page.go_back()
    wait_idle(page, settle_ms=500)
    assert_blank(page, "after going back", names, notes)

    # A reload is a new session: a fresh, empty workbook.
    page.reload()
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=30_000)
    wait_idle(page)
    html = shown(page.content())
    assert not name_pattern(names).search(html), "a name after reloading"
    assert not [n for n in notes if n in html], "notes after reloading"
    assert banner_count(page) == 0
    assert sidebar_names(page) == ("", "")
    kept = json.dumps(storage(page), ensure_ascii=False)
    left = [x for x in (*names, sample, "workbook") if x in kept]
    assert not left, f"after reloading the browser's storage keeps {left}"


# --------------------------------------------------------------------------- 5. samples

OTHER_PAGE = dict(
    zip(SAMPLES, ("meta-emotion", "communication", "rebuilding", "final-thoughts"), strict=True)
)


def check_sample_page(page: Page, sample: str, lang: Language, path: str) -> None:
    where = f"{sample} ({lang}) on {path}"
    no_exception(page, where)
    banner = main(page).locator('[data-testid="stAlertContentInfo"]')
    expect(banner.filter(has_text=sample_title(sample, lang))).to_have_count(1, timeout=UI_TIMEOUT)
    if path == "what-it-means":
        assert radar(page, "needs_radar") == sample_radar(sample), where
    plots(page)  # every chart of the page is drawn
    no_exception(page, where)


def test_every_sample_couple_renders_in_the_browser(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    open_app(page, server.url, "what-it-means")
    for sample in SAMPLES:
        load_sample(page, sample)
        if not page.url.endswith("/what-it-means"):
            go(page, "what-it-means")
        assert sidebar_names(page) == sample_names(sample, "en")
        check_sample_page(page, sample, "en", "what-it-means")
        go(page, OTHER_PAGE[sample])
        check_sample_page(page, sample, "en", OTHER_PAGE[sample])

    choose_language(page, "ja")
    sample = "space-vs-talk-now"
    load_sample(page, sample, "ja")
    assert sidebar_names(page) == sample_names(sample, "ja")
    check_sample_page(page, sample, "ja", OTHER_PAGE[SAMPLES[-1]])
    for path in ("what-it-means", "meta-awareness"):
        go(page, path, "ja")
        check_sample_page(page, sample, "ja", path)
    full_page_screenshot(page, SHOTS / "sample-ja-meta-awareness.png")
    assert network.outside() == [], network.outside()
