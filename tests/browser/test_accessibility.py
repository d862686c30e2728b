"""Accessibility of every page (issue 15), measured once, checked several ways.

One walk (``tests/browser/axe.py``) opens every page of the navigation in English, Japanese and
Japanese at 390 x 844, each with an empty workbook and with a sample couple, in one session of one
browser page. On each page it records axe-core's WCAG 2.x A/AA violations, the document's
``lang`` and the language switch, and the accessible name of every widget (Chromium's own
accessibility tree). The tests below then check what was recorded:

- axe finds nothing (no allow-list is needed: the one upstream fault, the sidebar navigation's
  list markup, is repaired from the app, ``ui.frame.accessibility_marks``);
- the sidebar navigation reads as one list per group, named by the group's heading;
- ``<html lang>`` is the language shown, each option of the language switch carries its own,
  and Streamlit's own English words (the file uploader's) are marked English;
- no widget's accessible name holds Markdown syntax (a screen reader would read ":gray[" aloud).

axe-core comes with the ``axe-playwright-python`` package and is injected as text: the walk's
browser requests nothing from any other host.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser

from emotions.dimensions import SECTION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.sections import GROUP_IDS
from tests.browser.axe import DESKTOP, VARIANTS, Variant, Violation, run_axe, walk
from tests.browser.kit import NetworkLog, StreamlitServer, open_app
from ui.frame import STREAMLIT_ENGLISH, STREAMLIT_NAMES

pytestmark = pytest.mark.browser

WIDGET_ROLES = frozenset(
    {
        "button",
        "checkbox",
        "combobox",
        "link",
        "listbox",
        "menuitem",
        "option",
        "radio",
        "radiogroup",
        "searchbox",
        "slider",
        "spinbutton",
        "switch",
        "tab",
        "textbox",
    }
)
MARKDOWN = re.compile(
    r"(:[a-z]+\[)"  # a colour or size directive: :gray[...], :small[...]
    r"|(\*\*|__)"  # bold
    r"|(`)"  # code
    r"|(\]\()"  # a link
    r"|(:material/)"  # an icon
    r"|(^#+\s)"  # a heading
    r"|(\\[\\`*_\[\]:#])"  # an escape
)


def markdown_in(name: str) -> str | None:
    """The first piece of Markdown syntax in an accessible name, or None."""
    found = MARKDOWN.search(name)
    return found.group(0) if found else None


@dataclass
class PageRecord:
    variant: Variant
    path: str
    violations: list[Violation]
    document_lang: str
    document_title: str
    labels: list[str]
    """Every ``aria-label`` on the page."""
    progress: list[list[str | None]]
    """Each progress bar's visible text and its ``aria-valuetext``."""
    charts: list[list[str | None]]
    """Each plotly chart's ``role`` and ``aria-label``."""
    heading: str
    """The page's title (h1) as shown."""
    switch_checked: str
    option_langs: dict[str, str | None]
    english_langs: list[str | None]
    """The ``lang`` of each of Streamlit's English parts on the page (``STREAMLIT_ENGLISH``)."""
    names: list[tuple[str, str]]
    lists: list[str]
    """The names of the named lists in Chromium's accessibility tree."""


@dataclass
class Walk:
    records: list[PageRecord] = field(default_factory=list)
    network: NetworkLog = field(default_factory=NetworkLog)
    seconds: float = 0.0


_SWITCH = """(english) => ({
    lang: document.documentElement.lang,
    labels: [...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')),
    progress: [...document.querySelectorAll('[data-testid="stProgress"]')].map(p => {
        const meter = p.querySelector('[role="progressbar"]');
        return [p.innerText.trim(), meter ? meter.getAttribute('aria-valuetext') : null];
    }),
    charts: [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(
        c => [c.getAttribute('role'), c.getAttribute('aria-label')]),
    title: document.title,
    heading: (document.querySelector('[data-testid="stMain"] h1') || {}).innerText || '',
    checked: (() => {
        const input = document.querySelector('.st-key-ui_lang input:checked');
        return input ? input.closest('label').innerText.trim() : '';
    })(),
    options: Object.fromEntries([...document.querySelectorAll('.st-key-ui_lang label')]
        .map(l => [l.innerText.trim(), l.getAttribute('lang')])),
    english: [...document.querySelectorAll(english)].map(e => e.getAttribute('lang')),
})"""


def _accessible_names(cdp: object) -> tuple[list[tuple[str, str]], list[str]]:
    """(role, name) of every widget with a name, and the names of the named lists."""
    tree = cdp.send("Accessibility.getFullAXTree")  # type: ignore[attr-defined]
    names, lists = [], []
    for node in tree["nodes"]:
        role = (node.get("role") or {}).get("value")
        name = (node.get("name") or {}).get("value")
        if node.get("ignored") or not name:
            continue
        if role in WIDGET_ROLES:
            names.append((str(role), str(name)))
        elif role == "list":
            lists.append(str(name))
    return names, lists


@pytest.fixture(scope="module")
def walked(browser: Browser, server: StreamlitServer) -> Iterator[Walk]:
    """Every page in every variant, recorded once for the tests of this module."""
    result = Walk()
    context = browser.new_context(viewport=DESKTOP, locale="en-US")  # type: ignore[arg-type]
    context.set_default_timeout(30_000)
    context.on("request", lambda request: result.network.urls.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda ws: result.network.urls.append(ws.url))
    cdp = context.new_cdp_session(page)
    started = time.monotonic()
    try:
        open_app(page, server.url)
        for variant, path in walk(page, VARIANTS):
            switch = page.evaluate(_SWITCH, STREAMLIT_ENGLISH)
            names, lists = _accessible_names(cdp)
            result.records.append(
                PageRecord(
                    variant=variant,
                    path=path,
                    violations=run_axe(page),
                    document_lang=switch["lang"],
                    document_title=switch["title"],
                    labels=switch["labels"],
                    progress=switch["progress"],
                    charts=switch["charts"],
                    heading=switch["heading"],
                    switch_checked=switch["checked"],
                    option_langs=switch["options"],
                    english_langs=switch["english"],
                    names=names,
                    lists=lists,
                )
            )
    finally:
        result.seconds = time.monotonic() - started
        context.close()
    print(f"\naccessibility walk: {len(result.records)} pages in {result.seconds:.0f} s")
    yield result


def test_the_walk_covers_every_page_in_every_variant(walked: Walk) -> None:
    seen = {(r.variant.name, r.path) for r in walked.records}
    for variant in VARIANTS:
        pages = {path for name, path in seen if name == variant.name}
        assert set(SECTION_IDS) <= pages, (variant.name, set(SECTION_IDS) - pages)
        assert len(pages) >= len(SECTION_IDS) + 5, (variant.name, sorted(pages))  # + tool pages
    assert any("/_stcore/stream" in url for url in walked.network.urls), "requests not recorded"
    assert walked.network.outside() == [], "axe or the app fetched something from another host"


def test_axe_finds_no_violation_on_any_page(walked: Walk) -> None:
    problems = [
        f"{r.variant.name} /{r.path}: {v.rule} ({v.impact}) {v.help}: "
        f"{len(v.nodes)} nodes, first {v.nodes[0][1][:120]!r}"
        for r in walked.records
        for v in r.violations
    ]
    assert problems == [], "\n".join(problems)


def test_the_navigation_reads_as_one_list_per_group(walked: Walk) -> None:
    """Each group of the sidebar navigation is a list named by its heading, in the language
    shown (where the sidebar is open: at 390 px it starts collapsed)."""
    groups = [f"nav.group.{group}" for group in GROUP_IDS] + ["nav.group.tools"]
    wrong = []
    for r in walked.records:
        if r.variant.phone:
            continue
        expected = [t(key, r.variant.lang) for key in groups]
        if [name for name in r.lists if name in expected] != expected:
            wrong.append((r.variant.name, r.path, r.lists))
    assert wrong == []


def test_the_document_language_is_the_language_shown(walked: Walk) -> None:
    wrong = [
        (r.variant.name, r.path, r.document_lang, r.switch_checked)
        for r in walked.records
        if r.document_lang != r.variant.lang or r.switch_checked != spec(r.variant.lang).name
    ]
    assert wrong == []


def test_the_document_title_names_the_page_in_the_language_shown(walked: Walk) -> None:
    """WCAG 2.4.2: the browser tab (and a screen reader arriving on a page) names the page, in
    the language shown: "<navigation label> · <app name>", the label being part of the h1."""
    wrong = []
    for r in walked.records:
        page, dot, app = r.document_title.rpartition(" · ")
        if not (dot and app == t("app.title", r.variant.lang) and page and page in r.heading):
            wrong.append((r.variant.name, r.path, r.document_title, r.heading))
    assert wrong == []


def test_streamlits_own_names_are_said_in_the_language_shown(walked: Walk) -> None:
    """Streamlit's English accessible names ("Main menu", "Expand sidebar", "Help for …") are
    replaced by the catalog's, so a Japanese page has none of them left."""
    english = set(STREAMLIT_NAMES.values())
    left = {
        (r.variant.name, label)
        for r in walked.records
        if r.variant.lang != "en"
        for label in r.labels
        if label in english or label.startswith("Help for ")
    }
    assert left == set()
    seen = {label for r in walked.records for label in r.labels}
    # The walk saw the replacements themselves (the check above is not vacuous).
    for lang in LANGUAGE_CODES:
        assert t("a11y_names.main_menu", lang) in seen


def test_a_progress_bar_says_what_it_counts(walked: Walk) -> None:
    bars = [
        (r.variant.name, r.path, text, said) for r in walked.records for text, said in r.progress
    ]
    assert bars, "no progress bar seen"
    assert [b for b in bars if not b[2] or b[3] != b[2]] == []


def test_each_chart_is_one_named_image(walked: Walk) -> None:
    charts = [(r.variant, r.path, role, name) for r in walked.records for role, name in r.charts]
    assert charts, "no chart seen"
    wrong = [
        (v.name, path, role, name)
        for v, path, role, name in charts
        if role != "img" or name != t("a11y_names.chart", v.lang)
    ]
    assert wrong == []


def test_each_language_option_is_marked_with_its_own_language(walked: Walk) -> None:
    expected: dict[str, str | None] = {spec(code).name: code for code in LANGUAGE_CODES}
    wrong = [
        (r.variant.name, r.path, r.option_langs)
        for r in walked.records
        if {name: lang for name, lang in r.option_langs.items() if name in expected} != expected
    ]
    assert wrong == []


def test_streamlits_own_english_words_are_marked_english(walked: Walk) -> None:
    """The file uploader's "Upload" and "… per file" are English in every language (upstream
    #13500): a screen reader reads them with an English voice on a Japanese page too."""
    assert any(r.english_langs for r in walked.records if r.variant.lang != "en"), "no uploader"
    wrong = [
        (r.variant.name, r.path, r.english_langs)
        for r in walked.records
        if any(lang != "en" for lang in r.english_langs)
    ]
    assert wrong == []


def test_no_widget_name_holds_markdown(walked: Walk) -> None:
    assert all(r.names for r in walked.records), "no widget name was read"
    found = {
        (r.variant.lang, role, name, markdown_in(name))
        for r in walked.records
        for role, name in r.names
        if markdown_in(name)
    }
    assert found == set(), sorted(found)


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("Talking about feelings \n:gray[0: rarely · 10: often]", ":gray["),
        ("**Partner A**", "**"),
        ("See [the safety page](about)", "]("),
        ("Save :material/save:", ":material/"),
        ("a\\: b", "\\:"),
    ],
)
def test_the_markdown_check_sees_markdown(name: str, syntax: str) -> None:
    assert markdown_in(name) == syntax


@pytest.mark.parametrize(
    "name",
    ["Talking about feelings", "話すこと：気持ち", "10", "Partner A: 5 of 32", "16. Looking back"],
)
def test_the_markdown_check_passes_plain_text(name: str) -> None:
    assert markdown_in(name) is None


def test_the_variants_show_every_language() -> None:
    assert {v.lang for v in VARIANTS} == set(LANGUAGE_CODES)
