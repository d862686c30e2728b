"""The screenshots of the README and docs/guides.md, taken from a sample couple in a real browser.

One session loads a made-up couple from the sidebar and walks through what the README shows: the
needs profile and its radar, the emotional-styles map, presentation mode (English), then the same
two pages and the save / resume / combine page in Japanese. Each shot is a 1280 x 1000 viewport
(not the whole page), checked for what it claims to show before it is saved to
``docs/screenshots/`` and squeezed to a 256-colour PNG. Every run overwrites them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from emotions import samples
from emotions.i18n import partner_label, section_text, t
from emotions.languages import spec
from emotions.model import Language
from tests.browser.kit import REPO, StreamlitServer, open_app, wait_idle

pytestmark = pytest.mark.browser

SHOTS = REPO / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 1000}
SAMPLE = samples.SAMPLE_IDS[0]  # the first in the picker: one talks it through, one reflects
MAX_BYTES = 300_000
ZWSP = "\u200b"  # the app's escaping puts one after every ":" of user text


@pytest.fixture
def context_options() -> dict[str, object]:
    return {"viewport": VIEWPORT, "locale": "en-US"}


def names(lang: Language) -> tuple[str, str]:
    wb = samples.load_sample(SAMPLE, lang)
    return wb.partners["a"].name, wb.partners["b"].name


def main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def text_of(locator: Locator) -> str:
    return locator.inner_text().replace(ZWSP, "")


def go(page: Page, url_path: str, heading: str) -> None:
    """Follow the sidebar's link to a page of the same session and wait for its heading."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url_path}"]').click()
    expect(main(page).locator("h1").first).to_have_text(heading)
    wait_idle(page)


def plot_texts(page: Page, key: str, wanted: list[str]) -> list[str]:
    """Wait until the plotly chart under ``key`` is drawn with each of ``wanted`` among its
    texts (legend entries, point labels); returns all of its texts."""
    plot = f".st-key-{key} .js-plotly-plot"
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.data && p.data.length }",
        arg=plot,
    )
    drawn = page.locator(f"{plot} svg text")
    for label in wanted:
        expect(drawn.filter(has_text=label).first).to_be_attached()
    return [text.replace(ZWSP, "") for text in drawn.all_text_contents()]


def show(page: Page, target: Locator) -> None:
    """Scroll the main block so that ``target`` starts near the top of the window."""
    target.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(400)  # plotly redraws when it comes into view


def shoot(page: Page, name: str) -> Path:
    """A viewport screenshot, saved as a 256-colour PNG into docs/screenshots."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    # The same sidebar in every shot: from its top (a click lower down may have scrolled it).
    page.locator('[data-testid="stSidebarContent"]').evaluate("e => e.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=False)
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    size = path.stat().st_size
    assert size < MAX_BYTES, f"{name} is {size} bytes"
    return path


def sample_line(lang: Language) -> str:
    """The bold first sentence of the banner on every page while a sample is on screen."""
    return t("samples.banner_other", lang).split("**")[1]


def load_sample(page: Page) -> None:
    sidebar = page.locator('[data-testid="stSidebar"]')
    expander = sidebar.locator('[data-testid="stExpander"]').filter(
        has_text=t("samples.heading", "en")
    )
    expander.locator("summary").click()
    expect(page.locator(".st-key-sample_pick input")).to_have_value(samples.title(SAMPLE, "en"))
    page.locator(".st-key-sample_load button").click()
    wait_idle(page)
    expect(main(page)).to_contain_text(sample_line("en"))
    expander.locator("summary").click()  # fold it again: the sidebar stays short in the shots
    wait_idle(page)


def needs_page(page: Page, lang: Language, shot: str) -> None:
    a, b = names(lang)
    legend = page.locator(".st-key-needs_radar .legendtext")
    plot_texts(page, "needs_radar", [a, b])
    assert [text.replace(ZWSP, "") for text in legend.all_text_contents()] == [a, b]
    who = text_of(page.locator(".st-key-needs_who"))
    assert a in who and b in who, who  # the sliders are for one partner at a time, by name
    expect(main(page)).to_contain_text(sample_line(lang))
    heading = main(page).locator("h3", has_text=t("needs.radar_heading", lang))
    expect(heading).to_be_visible()
    show(page, heading)
    expect(page.locator(".st-key-needs_radar")).to_be_in_viewport()
    shoot(page, shot)


def styles_page(page: Page, lang: Language, shot: str, *, presenting: bool = False) -> None:
    a, b = names(lang)
    shown = (
        [partner_label("", "a", lang, anonymous=True), partner_label("", "b", lang, anonymous=True)]
        if presenting
        else [a, b]
    )
    drawn = plot_texts(page, "styles_map", shown)
    expect(main(page)).to_contain_text(sample_line(lang))
    heading = main(page).locator("h3", has_text=t("styles.map_heading", lang))
    expect(heading).to_be_visible()
    body = text_of(main(page))
    for label in shown:
        assert label in body
    if presenting:
        everything = text_of(page.locator('[data-testid="stApp"]'))
        for name in (a, b):  # as a word: "Tom" must not trip over "Tomorrow"
            word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            assert not word.search(everything), f"{name} shows in presentation mode"
            assert not any(word.search(text) for text in drawn), f"{name} is on the map"
        expect(page.locator(".st-key-styles__a__processing")).to_have_count(0)  # no sliders
    show(page, heading)
    expect(page.locator(".st-key-styles_map")).to_be_in_viewport()
    shoot(page, shot)


def choose_language(page: Page, label: str) -> None:
    page.locator('.st-key-ui_lang [data-testid="stRadioOption"]', has_text=label).click()
    wait_idle(page)


def toggle_presentation(page: Page) -> None:
    page.locator(".st-key-ui_present label").click()
    wait_idle(page)


def test_readme_screenshots(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url, "what-it-means")
    load_sample(page)

    # English: the needs profile, the emotional styles, then the same page presented.
    needs_page(page, "en", "needs-profile-en.png")
    go(page, "emotional-styles", section_text("emotional-styles", "en")[0])
    styles_page(page, "en", "emotional-styles-en.png")
    toggle_presentation(page)
    styles_page(page, "en", "presentation-mode-en.png", presenting=True)
    toggle_presentation(page)

    # Japanese: the unchanged sample follows the language (Japanese names and notes).
    choose_language(page, spec("ja").name)
    styles_page(page, "ja", "emotional-styles-ja.png")
    go(page, "what-it-means", section_text("what-it-means", "ja")[0])
    needs_page(page, "ja", "needs-profile-ja.png")
    go(page, "workbook", t("files.heading", "ja"))
    body = text_of(main(page))
    for key in ("files.download_heading", "files.resume_heading", "files.separate_heading"):
        assert t(key, "ja") in body, key
    banner = main(page).locator('[data-testid="stAlert"]', has_text=sample_line("ja")).first
    show(page, main(page).locator('[data-testid="stMainBlockContainer"]'))  # the page's top
    expect(banner).to_be_in_viewport()
    expect(main(page)).to_contain_text(t("frame.notice", "ja").split("。")[0])
    shoot(page, "save-resume-combine-ja.png")
