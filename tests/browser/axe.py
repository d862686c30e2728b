"""axe-core in the browser tests: one session walked through every page of the app, in each of the
variants issue 15 asks for (English, Japanese, Japanese at 390 x 844; empty and with a sample).

axe-core comes inside the ``axe-playwright-python`` package (its ``axe.min.js``): it is injected
into the page as a script's text, so nothing is fetched from anywhere. Streamlit is a single-page
app: the sidebar's navigation changes the page without reloading the document, so axe is injected
once per session and each page costs one navigation (a rerun) and one ``axe.run``.

Used by ``tests/browser/test_accessibility.py`` and by ``bench/axe_audit.py`` (the measurement
written up in ``docs/accessibility.md``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

from emotions import samples
from emotions.dimensions import SECTION_IDS
from emotions.languages import spec
from emotions.model import Language
from tests.browser.kit import wait_idle

WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
"""The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tags)."""

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

NAV_LINKS = '[data-testid="stSidebarNav"] a'
PLOTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(
    c => { const p = c.querySelector('.js-plotly-plot'); return p && p.data; })"""


@dataclass(frozen=True)
class Variant:
    """One way of looking at every page."""

    name: str
    lang: Language
    phone: bool
    sample: bool


VARIANTS: tuple[Variant, ...] = (
    Variant("en, empty", "en", phone=False, sample=False),
    Variant("ja, empty", "ja", phone=False, sample=False),
    Variant("ja 390x844, empty", "ja", phone=True, sample=False),
    Variant("ja, sample", "ja", phone=False, sample=True),
    Variant("ja 390x844, sample", "ja", phone=True, sample=True),
    Variant("en, sample", "en", phone=False, sample=True),
)
"""In the order one session can reach them with the fewest changes: a sample is loaded once and
follows the language switch."""


@dataclass(frozen=True)
class Violation:
    """One rule axe found broken on one page: the rule, its impact, the nodes (CSS targets and
    the start of their HTML)."""

    rule: str
    impact: str
    help: str
    nodes: tuple[tuple[str, str], ...]


def page_path(url: str) -> str:
    """The app's name of the page at ``url``: its url path, the first section for "/"."""
    path = urlsplit(url).path.strip("/")
    return path or SECTION_IDS[0]


def nav_paths(page: Page) -> list[str]:
    """Every page the sidebar's navigation offers, in its order."""
    hrefs: list[str] = page.evaluate(
        f"() => [...document.querySelectorAll('{NAV_LINKS}')].map(a => a.href)"
    )
    return [page_path(href) for href in hrefs]


def go(page: Page, path: str) -> None:
    """Open ``path`` through the sidebar's own link (the same session; a click from script, so
    that a collapsed sidebar on a phone does not matter), and wait until it is drawn."""
    page.evaluate(
        """([sel, path, first]) => {
            const links = [...document.querySelectorAll(sel)];
            const want = path === first ? '' : path;
            const name = (a) => new URL(a.href).pathname.replace(/^\\/|\\/$/g, '');
            const link = links.find(a => name(a) === want);
            if (!link) throw new Error('no navigation link to ' + path);
            link.click();
        }""",
        [NAV_LINKS, path, SECTION_IDS[0]],
    )
    page.wait_for_function(
        """([path, first]) => {
            const here = location.pathname.replace(/^\\/|\\/$/g, '') || first;
            return here === path;
        }""",
        arg=[path, SECTION_IDS[0]],
    )
    settle(page)


def settle(page: Page) -> None:
    """Wait until the script is idle, the page has its title and every chart is drawn."""
    wait_idle(page)
    expect(page.locator('[data-testid="stMain"] h1').first).to_be_visible()
    page.wait_for_function(PLOTS_DRAWN)


def choose_language(page: Page, lang: Language) -> None:
    """The sidebar's language switch, clicked from script (the sidebar may be collapsed)."""
    page.evaluate(
        """(name) => {
            const options = [...document.querySelectorAll('.st-key-ui_lang label')];
            const option = options.find(o => o.innerText.trim() === name);
            if (!option) throw new Error('no language option ' + name);
            option.click();
        }""",
        spec(lang).name,
    )
    page.wait_for_function(
        """(name) => {
            const checked = document.querySelector('.st-key-ui_lang input:checked');
            return checked !== null && checked.closest('label').innerText.trim() === name;
        }""",
        arg=spec(lang).name,
    )
    settle(page)


def load_first_sample(page: Page, lang: Language) -> None:
    """Load the sample couple the sidebar's picker offers first (its "Load" button)."""
    title = samples.title(samples.SAMPLE_IDS[0], lang)
    page.evaluate(
        """() => {
            const button = document.querySelector('.st-key-sample_load button');
            if (!button) throw new Error('no sample load button');
            button.click();
        }"""
    )
    banner = page.locator('[data-testid="stMain"] [data-testid="stAlertContentInfo"]')
    expect(banner.filter(has_text=title)).to_have_count(1)
    settle(page)


def run_axe(page: Page) -> list[Violation]:
    """axe-core's WCAG 2.x A/AA rules on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SCRIPT)
    found: list[dict[str, Any]] = page.evaluate(
        """(tags) => axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            }).then(r => r.violations.map(v => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.map(n => [n.target.join(' '), n.html.slice(0, 200)]),
            })))""",
        list(WCAG_TAGS),
    )
    return [
        Violation(v["rule"], v["impact"], v["help"], tuple((t, h) for t, h in v["nodes"]))
        for v in found
    ]


def set_up(page: Page, variant: Variant, previous: Variant | None) -> None:
    """Bring the session from ``previous`` (None: a fresh session in ``variant``'s language) to
    ``variant``: language and sample at desktop size, then the window size."""
    page.set_viewport_size(DESKTOP)
    settle(page)
    if previous is not None and previous.lang != variant.lang:
        choose_language(page, variant.lang)
    if variant.sample and (previous is None or not previous.sample):
        load_first_sample(page, variant.lang)
    if variant.phone:
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(300)  # the layout and the charts follow the new width
        settle(page)


def walk(page: Page, variants: tuple[Variant, ...] = VARIANTS) -> Iterator[tuple[Variant, str]]:
    """Open every page of the navigation in each variant: yields (variant, page) while that page
    is open. ``page`` must hold a fresh session in the first variant's language."""
    previous: Variant | None = None
    for variant in variants:
        set_up(page, variant, previous)
        for path in nav_paths(page):
            go(page, path)
            yield variant, path
        previous = variant
