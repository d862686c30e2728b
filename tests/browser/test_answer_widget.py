"""The answer widget of the needs questions in a real browser (issue 13, "Unanswered is not an
answer"): a real 5 in one click and in one key press, an answer taken back, eleven segments on one
row of a phone, and screenshots of both states in every language to be looked at.

What the user gives is counted on the wire: every answer the browser commits is one
``rerun_script`` message on the websocket, read back with Streamlit's own protobuf classes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, Locator, Page, ViewportSize, WebSocket, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from emotions.analysis import question_count
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import Language
from tests.browser.kit import (
    ARTIFACTS,
    StreamlitServer,
    answer_value,
    full_page_screenshot,
    open_app,
    segment,
    wait_idle,
)

pytestmark = pytest.mark.browser

PAGE = "what-it-means"
DIM = (
    "closeness"  # not the first question: the keyboard reaches it with one Tab from the one before
)
KEY = f"need__a__{DIM}"
DESKTOP: ViewportSize = {"width": 1366, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
SCALE = [str(v) for v in range(11)]
PLOT = ".st-key-needs_radar .js-plotly-plot"
SHOTS = ARTIFACTS / "answer-widget"


@dataclass
class Wire:
    """The BackMsgs the page sent: which kinds, in order."""

    sent: list[str] = field(default_factory=list)

    def listen(self, ws: WebSocket) -> None:
        ws.on("framesent", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.sent.append(BackMsg.FromString(payload).WhichOneof("type") or "")

    def reruns(self) -> int:
        return self.sent.count("rerun_script")


@dataclass
class Needs:
    page: Page
    lang: Language
    wire: Wire

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def box(self) -> Locator:
        return self.page.locator(f".st-key-{KEY}")

    def label(self) -> str:
        """The question's label, first line (the second line spells out the scale's two ends)."""
        text = self.box.locator('[data-testid="stWidgetLabel"]').inner_text()
        return text.strip().splitlines()[0].strip()

    def unanswered_label(self) -> str:
        return self.t("answer.label_unanswered", question=self.t(f"dim.{DIM}.name"))

    def count_line(self, answered: int) -> str:
        return self.t(
            "answer_ui.count_line",
            name=self.t("partner.a"),
            answered=answered,
            total=len(DIMENSION_IDS),
        )

    def sidebar_count(self, answered: int) -> str:
        return self.t(
            "answer_ui.sidebar_count",
            name=self.t("partner.a"),
            answered=answered,
            total=question_count(),
        )

    def radar_point(self) -> object:
        """Partner A's value on this question's axis of the radar (None: no point there)."""
        index = DIMENSION_IDS.index(DIM)
        self.page.wait_for_function(
            "(sel) => { const p = document.querySelector(sel); return p && p.data }", arg=PLOT
        )
        return self.page.evaluate(
            "([sel, i]) => { const d = document.querySelector(sel).data;"
            " return d.length ? d[0].r[i] : null }",
            [PLOT, index],
        )

    def assert_not_answered(self, count: int = 0) -> None:
        expect(self.box.locator('[role="radio"][aria-checked="true"]')).to_have_count(0)
        expect(self.box.locator('[role="radio"][data-selected="true"]')).to_have_count(0)
        expect(self.box.locator('[data-testid="stWidgetLabel"]')).to_contain_text(
            self.unanswered_label()
        )
        assert self.label() == self.unanswered_label()
        assert answer_value(self.page, KEY) is None
        expect(self.page.locator('[data-testid="stMain"]')).to_contain_text(self.count_line(count))
        expect(self.page.locator('[data-testid="stSidebar"]')).to_contain_text(
            self.sidebar_count(count)
        )

    def assert_answered(self, value: int, count: int = 1) -> None:
        chosen = segment(self.page, KEY, value)
        expect(chosen).to_have_attribute("aria-checked", "true")
        expect(chosen).to_have_attribute("data-selected", "true")
        expect(self.box.locator('[role="radio"][aria-checked="true"]')).to_have_count(1)
        expect(self.box.locator('[data-testid="stWidgetLabel"]')).not_to_contain_text(
            self.unanswered_label()
        )
        assert self.label() == self.t(f"dim.{DIM}.name")
        assert self.unanswered_label() not in self.box.inner_text()
        expect(self.page.locator('[data-testid="stMain"]')).to_contain_text(self.count_line(count))
        expect(self.page.locator('[data-testid="stSidebar"]')).to_contain_text(
            self.sidebar_count(count)
        )
        self.page.wait_for_function(
            "([sel, i, v]) => { const p = document.querySelector(sel);"
            " return p && p.data && p.data.length && p.data[0].r[i] === v }",
            arg=[PLOT, DIMENSION_IDS.index(DIM), value],
        )


@pytest.fixture(params=LANGUAGE_CODES)
def lang(request: pytest.FixtureRequest) -> Language:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def needs(browser: Browser, server: StreamlitServer, lang: Language) -> Iterator[Needs]:
    """A fresh session on the needs page in ``lang`` (the browser's locale chooses it)."""
    context = browser.new_context(viewport=DESKTOP, locale=spec(lang).locale_languages[0])
    context.set_default_timeout(30_000)
    page = context.new_page()
    wire = Wire()
    page.on("websocket", wire.listen)
    open_app(page, server.url, PAGE)
    page.locator(f".st-key-{KEY}").get_by_role("radio").first.wait_for()
    wait_idle(page)
    yield Needs(page, lang, wire)
    context.close()


def test_a_real_five_in_one_click(needs: Needs) -> None:
    needs.assert_not_answered()
    before = needs.wire.reruns()

    segment(needs.page, KEY, 5).click()  # one click, nowhere else first

    needs.assert_answered(5)
    wait_idle(needs.page)
    assert needs.wire.reruns() - before == 1, needs.wire.sent


def test_a_real_five_in_one_key_press(needs: Needs) -> None:
    page = needs.page
    previous = DIMENSION_IDS[DIMENSION_IDS.index(DIM) - 1]
    # Start on the question before (focus only: nothing is pressed), then Tab to this one.
    page.locator(f".st-key-need__a__{previous}").get_by_role("radio").first.focus()
    before = needs.wire.reruns()
    presses: list[tuple[str, int]] = []  # (key, answers committed by it)

    def press(key: str) -> None:
        sent = needs.wire.reruns()
        page.keyboard.press(key)
        page.wait_for_timeout(250)  # time for a commit to leave the browser, if one would
        wait_idle(page, settle_ms=0)
        presses.append((key, needs.wire.reruns() - sent))

    press("Tab")
    focused = page.evaluate(
        "() => document.activeElement.closest('[class*=\"st-key-\"]').className"
    )
    assert f"st-key-{KEY}" in focused.split(), focused
    assert page.evaluate("() => document.activeElement.innerText.trim()") == "0"
    for _ in range(5):
        press("ArrowRight")  # moves the focus only
    assert page.evaluate("() => document.activeElement.innerText.trim()") == "5"
    needs.assert_not_answered()  # nothing committed on the way: no 0, 1, ... 4 was saved

    press("Space")

    needs.assert_answered(5)
    committing = [(key, n) for key, n in presses if n]
    assert committing == [("Space", 1)], presses
    assert needs.wire.reruns() - before == 1, needs.wire.sent


def test_an_answer_is_taken_back_by_choosing_it_again(needs: Needs) -> None:
    segment(needs.page, KEY, 5).click()
    needs.assert_answered(5)

    segment(needs.page, KEY, 5).click()  # the chosen segment again

    needs.assert_not_answered()
    assert needs.radar_point() is None


def test_eleven_segments_fit_one_row_of_a_phone(browser: Browser, server: StreamlitServer) -> None:
    context = browser.new_context(viewport=PHONE, locale="en", has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        open_app(page, server.url, PAGE)
        buttons = page.locator(f".st-key-{KEY}").get_by_role("radio")
        expect(buttons).to_have_count(len(SCALE))
        buttons.first.scroll_into_view_if_needed()
        assert buttons.all_inner_texts() == SCALE
        boxes = [b.bounding_box() for b in buttons.all()]
        assert all(box is not None for box in boxes), boxes
        tops = {round(box["y"]) for box in boxes if box}
        assert max(tops) - min(tops) <= 1, f"more than one row: {boxes}"
        for label, box in zip(SCALE, boxes, strict=True):
            assert box is not None
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (label, box)
            assert box["width"] >= 24 and box["height"] >= 24, (label, box)
        lefts = [box["x"] for box in boxes if box]
        assert lefts == sorted(lefts), "0 to 10 from left to right"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366x900", "390x844"])
def test_screenshots_of_both_states(
    browser: Browser, server: StreamlitServer, lang: Language, viewport: ViewportSize
) -> None:
    """One question answered (a 5), the others not: for a person to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone = viewport == PHONE
    context = browser.new_context(
        viewport=viewport,
        locale=spec(lang).locale_languages[0],
        has_touch=phone,
        is_mobile=phone,
    )
    try:
        page = context.new_page()
        open_app(page, server.url, PAGE)
        size = f"{viewport['width']}x{viewport['height']}"
        box = page.locator(f".st-key-{KEY}")
        box.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{lang}-{size}-unanswered.png"))
        button = segment(page, KEY, 5)
        if phone:
            button.tap()
        else:
            button.click()
        expect(button).to_have_attribute("aria-checked", "true")
        wait_idle(page)
        page.mouse.move(1, viewport["height"] - 1)  # no hover highlight in the picture
        box.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{lang}-{size}-answered.png"))
        full_page_screenshot(page, SHOTS / f"{lang}-{size}-page.png")
    finally:
        context.close()
