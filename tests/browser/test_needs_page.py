"""The needs page in a real browser: a question answered by keyboard, language switch, names shown
as typed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import section_text, t
from emotions.languages import spec
from tests.browser.kit import (
    ARTIFACTS,
    NetworkLog,
    StreamlitServer,
    answered,
    full_page_screenshot,
    give,
    key_answer,
    open_app,
    set_name,
    wait_idle,
)

pytestmark = pytest.mark.browser

PAGE = "what-it-means"
QUESTION = "need__a__expression"
ZWSP = "\u200b"  # the app's escaping puts one after every ":" of user text

# Two names of at most 40 characters (the input's limit) carrying markup and shortcodes that
# Streamlit's Markdown would render: HTML, a link, coloured text, a Material icon (a font that
# may come from outside), an image from outside.
NAME_A = "<b>x</b> [l](http://example.com) :red[r]"
NAME_B = ":material/home: ![i](http://example.com)"


PLOT = ".st-key-needs_radar .js-plotly-plot"
# The outlines of the radar's traces that hold at least one value: a partner who has answered no
# need has no outline (newer charts draw no trace for them; older ones a trace of gaps only).
OUTLINES = """(plot) => [...plot.data]
    .map(trace => Array.from(trace.r))
    .filter(r => r.some(v => v !== null && v !== undefined))"""


def radar(page: Page) -> list[list[float | None]]:
    """The r values of the radar's outlines (partner a, then partner b, each only when that
    partner has answered a need; None where a need is not answered), read from the figure."""
    # The plotly component loads lazily: the script may be done before the figure is drawn.
    page.wait_for_function(
        "(sel) => { const p = document.querySelector(sel); return p && p.data }", arg=PLOT
    )
    return page.evaluate(f"(sel) => ({OUTLINES})(document.querySelector(sel))", PLOT)  # type: ignore[no-any-return]


def wait_radar(page: Page, outline: int, dim: str, value: int) -> list[list[float | None]]:
    """Wait until the ``outline``-th outline (of those with a value) shows ``value`` on ``dim``."""
    index = DIMENSION_IDS.index(dim)  # type: ignore[arg-type]
    page.wait_for_function(
        f"""([sel, outline, index, value]) => {{
            const plot = document.querySelector(sel);
            if (!plot || !plot.data) return false;
            const outlines = ({OUTLINES})(plot);
            return outlines.length > outline && outlines[outline][index] === value;
        }}""",
        arg=[PLOT, outline, index, value],
        timeout=15_000,
    )
    return radar(page)


def choose_language(page: Page, label: str) -> None:
    page.locator('.st-key-ui_lang [data-testid="stRadioOption"]', has_text=label).click()
    wait_idle(page)


def test_keyboard_answers_a_question_and_moves_the_radar(
    page: Page, server: StreamlitServer
) -> None:
    open_app(page, server.url, PAGE)
    assert radar(page) == [], "nobody has answered: no outline"
    assert answered(page, QUESTION) is None

    value = key_answer(page, QUESTION, 8)

    assert answered(page, QUESTION) == value
    after = wait_radar(page, 0, "expression", value)
    # Only partner A's expression point is there, the outline closed; partner B has none.
    index = DIMENSION_IDS.index("expression")
    only = [value if i == index else None for i in range(len(DIMENSION_IDS))]
    assert after == [[*only, only[0]]], after


def test_language_switch_keeps_answers(page: Page, server: StreamlitServer) -> None:
    open_app(page, server.url, PAGE)
    value = give(page, QUESTION, 8)
    wait_radar(page, 0, "expression", value)
    full_page_screenshot(page, ARTIFACTS / "needs-en.png")

    choose_language(page, spec("ja").name)

    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").first).to_have_text(section_text(PAGE, "ja")[0])
    nav = page.locator('[data-testid="stSidebarNav"]')
    for sid in ("introduction", PAGE, "meta-emotion"):
        expect(nav).to_contain_text(t(f"section.{sid}.title", "ja"))
    expect(main).to_contain_text("セラピーでも")
    assert answered(page, QUESTION) == value
    assert wait_radar(page, 0, "expression", value)
    # the radar's axis labels follow the language too
    theta = page.evaluate("(sel) => document.querySelector(sel).data[0].theta", PLOT)
    label = theta[DIMENSION_IDS.index("expression")].replace("<br>", "")  # long labels wrap
    assert label == t("dim.expression.name", "ja")
    full_page_screenshot(page, ARTIFACTS / "needs-ja.png")

    choose_language(page, spec("en").name)

    expect(main.locator("h1").first).to_have_text(section_text(PAGE, "en")[0])
    expect(nav).to_contain_text(t(f"section.{PAGE}.title", "en"))
    expect(main).to_contain_text(t("frame.notice", "en"))
    assert answered(page, QUESTION) == value
    assert wait_radar(page, 0, "expression", value)


def set_names(page: Page, a: str, b: str) -> None:
    set_name(page, "a", a)
    set_name(page, "b", b)


def shown(locator_text: str) -> str:
    return locator_text.replace(ZWSP, "")


def assert_nothing_rendered_from_names(page: Page, network: NetworkLog) -> None:
    app = page.locator('[data-testid="stApp"]')
    rendered = {
        "bold": app.locator("b, strong", has_text="x"),
        "image from example.com": app.locator('img[src*="example.com"]'),
        "link to example.com": app.locator('a[href*="example.com"]'),
        # Our own labels use grey text; a name's ":red[r]" would come out as a coloured "r".
        "coloured text": app.locator(".stMarkdownColoredText", has_text=re.compile(r"^r$")),
        "material icon": app.locator('[aria-label="home icon"]'),
    }
    found = {
        what: [loc.nth(i).evaluate("e => e.parentElement.outerHTML") for i in range(loc.count())]
        for what, loc in rendered.items()
        if loc.count()
    }
    assert not found, f"user names were rendered as markup: {found}"
    assert network.outside() == [], f"the browser contacted other hosts: {network.outside()}"


def test_names_are_shown_as_typed(page: Page, server: StreamlitServer, network: NetworkLog) -> None:
    open_app(page, server.url, PAGE)
    set_names(page, NAME_A, NAME_B)
    # A difference both answered, so the ranked areas name the partner who leans higher.
    give(page, QUESTION, 7)
    page.locator('.st-key-needs_who [data-testid="stRadioOption"]').nth(1).click()
    wait_idle(page)
    give(page, "need__b__expression", 5)

    options = page.locator('.st-key-needs_who [data-testid="stRadioOption"]')
    assert [shown(text) for text in options.all_inner_texts()] == [NAME_A, NAME_B]
    legend = page.locator(".st-key-needs_radar .legendtext")
    expect(legend).to_have_count(2)
    assert legend.all_text_contents() == [NAME_A, NAME_B]
    main_text = shown(page.locator('[data-testid="stMain"]').inner_text())
    areas = main_text.split(t("needs.areas_heading", "en"), 1)[1]
    assert NAME_A in areas.split(t("needs.unmet_heading", "en"), 1)[0]
    for pid, name in (("a", NAME_A), ("b", NAME_B)):
        label = page.locator(f'.st-key-reflect__{PAGE}__{pid} [data-testid="stWidgetLabel"]')
        assert name in shown(label.inner_text())
    assert_nothing_rendered_from_names(page, network)


def test_names_in_the_table_are_shown_as_typed(
    page: Page, server: StreamlitServer, network: NetworkLog
) -> None:
    open_app(page, server.url, PAGE)
    set_names(page, NAME_A, NAME_B)
    page.locator(".st-key-needs_table label").click()
    wait_idle(page)
    table = page.locator('[data-testid="stTable"]')
    expect(table).to_be_visible()
    headings = [shown(h) for h in table.locator("thead th").all_inner_texts()]
    assert NAME_A in headings and NAME_B in headings, headings
    assert_nothing_rendered_from_names(page, network)
