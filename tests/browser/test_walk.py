"""A couple's walk through all sixteen sections in a real browser, in English and in Japanese.

One browser session per language (navigation by the sidebar's own links, so the answers carry from
page to page): on every page the exercise is done once through the real widgets, and something the
couple would see is checked against the app's own texts, computed from a mirror workbook that the
test keeps in step with what it typed. Final thoughts must then gather the whole walk. A full-page
screenshot of every page lands in ``test-artifacts/walk/<lang>/`` to be looked at; a few pages are
also shot at phone size (390 x 844) in ``test-artifacts/walk/phone/``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, Playwright, expect

from emotions import analysis, texts
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.exercises import (
    adjustments,
    awareness,
    channels,
    checkins,
    difference_map,
    distance,
    journey,
    moments,
    naming,
    persisting,
    rewrite,
    safety,
    styles,
)
from emotions.exercises import meta_emotion as meta
from emotions.i18n import section_text, t
from emotions.model import Language, Rewrite, TriggerNote, Workbook
from tests.browser.kit import (
    ARTIFACTS,
    NetworkLog,
    StreamlitServer,
    full_page_screenshot,
    open_app,
    wait_idle,
)

pytestmark = pytest.mark.browser

WALK = ARTIFACTS / "walk"
ZWSP = "\u200b"  # the app's escaping puts one after every ":" of user text
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# Three or more English words in a row: a sentence left in English on a Japanese page.
ENGLISH_RUN = re.compile(r"\b[A-Za-z']{2,}(?:\s+[A-Za-z']{2,}){2,}")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LOCALES = {"en": "en-US", "ja": "ja-JP"}
# Generous: other sessions may share the two cores (Playwright's default is 5 s).
UI_TIMEOUT = 20_000


# What the couple types, in each language (user text in the page's language, so an English run
# on a Japanese page is always the app's).
@dataclass(frozen=True)
class Typed:
    name_a: str
    name_b: str
    moment: str
    complaint: str
    situation: str
    need: str
    trigger: str
    reaction: str
    area_note: str
    reliability: str
    adjustment: str
    next_steps: str
    reflection: str


TYPED: dict[Language, Typed] = {
    "en": Typed(
        name_a="Maya",
        name_b="Jonas",
        moment="I came home after a hard day",
        complaint="You never ask about my day",
        situation="we eat dinner and only talk about plans",
        need="to feel that my day matters to you",
        trigger="my partner goes quiet after work",
        reaction="I keep asking what is wrong",
        area_note="One evening a week just for the two of us",
        reliability="you called when you said you would",
        adjustment="we agreed a time to come back to a hard talk",
        next_steps="A check-in every Sunday evening",
        reflection="We want to keep talking about closeness",
    ),
    "ja": Typed(
        name_a="さくら",
        name_b="はると",
        moment="仕事でつらいことがあった日",
        complaint="いつも私の話を聞いてくれない",
        situation="夕食のとき予定の話ばかりになる",
        need="私の一日にも関心を持ってもらえていると感じること",
        trigger="相手が仕事のあと黙りこむ",
        reaction="何があったのか何度も聞いてしまう",
        area_note="週に一度、二人だけの夜をつくる",
        reliability="言ったとおりに電話をくれた",
        adjustment="難しい話に戻る時間を決めた",
        next_steps="毎週日曜の夜にチェックイン",
        reflection="近さについてもっと話したい",
    ),
}


@dataclass
class Walk:
    """One walk: the page, its language, what was typed, and the mirror of the workbook."""

    page: Page
    lang: Language
    typed: Typed
    mirror: Workbook
    shots: list[str] = field(default_factory=list)
    english: dict[str, list[str]] = field(default_factory=dict)

    @property
    def names(self) -> texts.Names:
        return texts.Names(self.typed.name_a, self.typed.name_b)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    @property
    def main(self) -> Locator:
        return self.page.locator('[data-testid="stMain"]')

    def key(self, key: str) -> Locator:
        return self.page.locator(f".st-key-{key}")

    def main_text(self) -> str:
        return shown(self.main.inner_text())

    def sees(self, *wanted: str) -> None:
        """Each text is shown in the main area (markup and the escaping's ZWSP aside)."""
        for text in wanted:
            self.page.wait_for_function(
                """([text, zwsp]) => {
                    const main = document.querySelector('[data-testid="stMain"]');
                    return main && main.innerText.split(zwsp).join('').includes(text);
                }""",
                arg=[text, ZWSP],
                timeout=UI_TIMEOUT,
            )


def shown(text: str) -> str:
    return text.replace(ZWSP, "")


# --------------------------------------------------------------------------- widget helpers


def slider_value(w: Walk, key: str) -> int:
    raw = w.key(key).locator('[data-testid="stSliderThumbValue"]').inner_text()
    return int(re.sub(r"\D", "", raw))


def nudge(w: Walk, key: str, presses: int, step: int = 1, top: int = 10) -> int:
    """Focus a slider's thumb and press the arrow keys (right for >0, left for <0)."""
    start = slider_value(w, key)
    thumb = w.key(key).locator("input[type=range]")
    thumb.scroll_into_view_if_needed()
    thumb.focus()
    for _ in range(abs(presses)):
        w.page.keyboard.press("ArrowRight" if presses > 0 else "ArrowLeft")
    expected = min(top, max(0, start + presses * step))
    expect(w.key(key).locator('[data-testid="stSliderThumbValue"]')).to_have_text(
        re.compile(rf"^{expected}\D*$"), timeout=UI_TIMEOUT
    )
    wait_idle(w.page)
    return expected


def choose(w: Walk, key: str, label: str) -> None:
    """Click the label of a radio option (or a horizontal view choice)."""
    w.key(key).locator('[data-testid="stRadioOption"]', has_text=label).first.click()
    wait_idle(w.page)


def tick(w: Walk, key: str) -> None:
    """Click the label of a checkbox or toggle."""
    box = w.key(key).locator("label").first
    box.scroll_into_view_if_needed()
    box.click()
    expect(w.key(key).locator("input")).to_be_checked(timeout=UI_TIMEOUT)
    wait_idle(w.page)


def type_in(w: Walk, key: str, text: str, commit: str = "Enter") -> None:
    """Fill a text input (Enter commits) or a text area (Control+Enter commits; Tab would
    also commit but leaves a help tooltip or a focus ring in the screenshot)."""
    box = w.key(key).locator("input, textarea").first
    box.scroll_into_view_if_needed()
    box.fill(text)
    box.press(commit)
    wait_idle(w.page)


def option_button(w: Walk, key: str, label: object) -> Locator:
    """One option of a segmented control or of pills (buttons whose text is the label)."""
    exact = re.compile(rf"^\s*{re.escape(str(label))}\s*$")
    return w.key(key).locator("button").filter(has_text=exact)


def segment(w: Walk, key: str, label: object) -> None:
    """Click one option of a segmented control or of pills."""
    button = option_button(w, key, label)
    button.scroll_into_view_if_needed()
    button.click()
    expect(button).to_have_attribute("aria-checked", "true", timeout=UI_TIMEOUT)
    wait_idle(w.page)


def select(w: Walk, key: str, option: str) -> None:
    """Open a select box and click an option. (A press as short as Playwright's default click
    does not open Streamlit 1.67's combobox; a human press of 100 ms does.)"""
    w.key(key).get_by_role("combobox").click(delay=100)
    w.page.get_by_role("option", name=option, exact=True).click()
    wait_idle(w.page)


def press_button(w: Walk, key: str) -> None:
    button = w.key(key).locator("button").first
    button.scroll_into_view_if_needed()
    button.click()
    wait_idle(w.page)


def plot_data(w: Walk, key: str, drawn: bool = True) -> list[dict[str, Any]]:
    """The traces of a plotly chart (x, y, r, z), once the lazily loaded chart is drawn (with a
    trace, unless ``drawn`` is False: a radar before anyone answered has none)."""
    selector = f".st-key-{key} .js-plotly-plot"
    w.page.wait_for_function(
        "([sel, drawn]) => { const p = document.querySelector(sel);"
        " return p && p.data && (p.data.length || !drawn) }",
        arg=[selector, drawn],
    )
    traces: list[dict[str, Any]] = w.page.evaluate(
        """(sel) => [...document.querySelector(sel).data].map(tr => ({
            x: tr.x ? Array.from(tr.x) : null, y: tr.y ? Array.from(tr.y) : null,
            r: tr.r ? Array.from(tr.r) : null, z: tr.z ? JSON.parse(JSON.stringify(tr.z)) : null,
        }))""",
        selector,
    )
    return traces


def wait_plot_change(
    w: Walk, key: str, before: list[dict[str, Any]], timeout_s: float = 15
) -> list[dict[str, Any]]:
    """Poll a chart's traces until they differ from ``before`` (the chart redraws after a rerun)."""
    deadline = time.monotonic() + timeout_s
    while True:
        now = plot_data(w, key)
        if now != before or time.monotonic() > deadline:
            return now
        w.page.wait_for_timeout(100)


# --------------------------------------------------------------------------- the sixteen steps
# Each step does the page's exercise once, mirrors it in ``w.mirror`` and checks what the couple
# sees.


def introduction(w: Walk) -> None:
    typed = w.typed
    type_in(w, "intro_name__a", typed.name_a)
    type_in(w, "intro_name__b", typed.name_b)
    w.mirror.partners["a"].name = typed.name_a
    w.mirror.partners["b"].name = typed.name_b
    choose(w, "intro_mode", w.t("intro.mode_separate"))
    w.mirror.mode = "separate"
    w.sees(w.t("intro.separate_steps"))
    # the sidebar holds the same names
    expect(w.key("name__a").locator("input")).to_have_value(typed.name_a, timeout=UI_TIMEOUT)
    expect(w.key("name__b").locator("input")).to_have_value(typed.name_b, timeout=UI_TIMEOUT)


def answer_needs(w: Walk, pid: str, answers: dict[str, int]) -> None:
    """Answer every need of ``pid`` on the needs page, one click each: ``answers[dim]``, else the
    middle of the scale (a real 5, chosen like any other answer)."""
    for dim in DIMENSION_IDS:
        value = answers.get(dim, 5)
        segment(w, f"need__{pid}__{dim}", value)
        w.mirror.partners[pid].ratings[dim].need = value


def what_it_means(w: Walk) -> None:
    # Maya needs to talk about feelings more; Jonas wants more togetherness.
    before = plot_data(w, "needs_radar", drawn=False)
    answer_needs(w, "a", {"expression": 8})
    choose(w, "needs_who", w.typed.name_b)
    answer_needs(w, "b", {"closeness": 9})
    w.page.wait_for_function(
        """([sel, a, b]) => {
            const p = document.querySelector(sel);
            return p && p.data && p.data.length === 2
                && p.data[0].r[a] === 8 && p.data[1].r[b] === 9;
        }""",
        arg=[
            ".st-key-needs_radar .js-plotly-plot",
            DIMENSION_IDS.index("expression"),
            DIMENSION_IDS.index("closeness"),
        ],
    )
    assert plot_data(w, "needs_radar") != before
    w.sees(*texts.area_lines(w.mirror, w.names, w.lang))


def emotional_styles(w: Walk) -> None:
    segment(w, "styles__a__processing", 9)  # Maya's 5 from the needs page, changed here
    w.mirror.partners["a"].ratings["processing"].need = 9
    w.sees(*styles.misreadings(w.mirror, w.names, w.lang), w.t("styles.misreadings_caption"))
    point = plot_data(w, "styles_map")
    assert any(trace["x"] and 9 in trace["x"] for trace in point), point


def meta_emotion(w: Walk) -> None:
    segment(w, "meta__a__sadness__dangerous", 5)
    choose(w, "meta_who", w.typed.name_b)
    segment(w, "meta__b__sadness__dangerous", 1)
    meta.set_agreement(w.mirror.partners["a"], "sadness", "dangerous", 5)
    meta.set_agreement(w.mirror.partners["b"], "sadness", "dangerous", 1)
    cells = meta.disagreements(w.mirror)
    assert cells
    w.sees(
        w.t("meta.answered", count=1, total=meta.CELLS),
        *(meta.disagreement_line(c, w.names, w.lang) for c in cells),
    )
    expect(w.key("meta_difference").locator(".js-plotly-plot")).to_be_attached(timeout=UI_TIMEOUT)


def distance_page(w: Walk) -> None:
    choose(w, "distance__reacher", w.typed.name_b)
    type_in(w, "distance__what", w.typed.moment)
    distance.set_moment(w.mirror, reacher="b", what=w.typed.moment)
    w.sees(
        w.t("distance.moment_line", name=w.typed.name_b, what=w.typed.moment),
        w.t("distance.responses_heading", responder=w.typed.name_a),
        *(
            distance.landing_text(landing, w.names, "b", w.lang).response
            for landing in distance.landings(w.mirror, "b")
        ),
    )
    before = plot_data(w, "distance_chart")
    nudge(w, "distance__repair", 2, step=5, top=100)  # the illustration's own parameter: 50% → 60%
    after = wait_plot_change(w, "distance_chart", before)
    assert [t["y"] for t in after] != [t["y"] for t in before]


def intimacy(w: Walk) -> None:
    response = safety.response_labels(w.lang)["dismissed"]
    select(w, "safety__a__hurt", response)
    safety.set_answer(w.mirror, "a", "hurt", "dismissed")
    w.sees(
        w.t("safety.overview_heading"), *safety.misunderstanding_lines(w.mirror, w.names, w.lang)
    )
    w.sees(*(repair.title for repair in safety.repairs(w.mirror, w.lang)))


def expression(w: Walk) -> None:
    # Maya shows care in words a lot; Jonas rarely notices words.
    segment(w, "channels__a__words__show", 8)
    choose(w, "channels_who", w.typed.name_b)
    segment(w, "channels__b__words__notice", 3)
    channels.set_rating(w.mirror.partners["a"], "words", "show", 8)
    channels.set_rating(w.mirror.partners["b"], "words", "notice", 3)
    decoded = channels.decoding(w.mirror, w.names, w.lang)
    assert decoded.most, "the rule of thumb should find words likely misread"
    w.sees(decoded.most, *decoded.tips)


def ongoing_differences(w: Walk) -> None:
    segment(w, "met__a__expression", 2)  # Maya's need 8, met 2
    w.mirror.partners["a"].ratings["expression"].met = 2
    w.sees(*persisting.strain_lines(w.mirror, "a", w.names, w.lang))
    sign = next(iter(persisting.sign_labels(w.lang)))
    tick(w, f"persist__sign__a__{sign}")
    persisting.set_sign(w.mirror, "a", sign, True)
    note = persisting.withdrawal_note(w.mirror, "a", w.names, w.lang)
    assert note is not None
    w.sees(note[1])


def maintaining_connection(w: Walk) -> None:
    ideas = adjustments.ideas_for(w.mirror, "a")
    assert ideas, "the needs profile differs: there are ideas"
    tag = ideas[0].ids[0]
    tick(w, f"adjust__a__{tag}")
    w.mirror.partners["a"].adjustments = [tag]
    w.sees(
        w.t("adjust.chosen_of", name=w.typed.name_a),
        *adjustments.chosen_texts(w.mirror, "a", w.names, w.lang),
        w.t("adjust.count", name=w.typed.name_a, count=1, max=adjustments.MAX_CHOSEN),
    )


def communication(w: Walk) -> None:
    press_button(w, "talk__start__a")
    typed = w.typed
    type_in(w, "talk__a__0__complaint", typed.complaint)
    type_in(w, "talk__a__0__situation", typed.situation)
    feeling = rewrite.FEELING_IDS[0]
    segment(w, "talk__a__0__feeling", rewrite.feeling_text(feeling, w.lang))
    type_in(w, "talk__a__0__need", typed.need)
    entry = Rewrite(
        complaint=typed.complaint, situation=typed.situation, feeling=feeling, need=typed.need
    )
    w.mirror.partners["a"].rewrites = [entry]
    statement = rewrite.need_statement(entry, w.lang)
    assert statement
    w.sees(statement, w.t("talk.from", complaint=typed.complaint))


def meta_awareness(w: Walk) -> None:
    typed = w.typed
    for part, text in (("trigger", typed.trigger), ("reaction", typed.reaction)):
        w.key(f"aware_new__a__{part}").locator("input").fill(text)
    press_button(w, "aware_add_submit__a")
    w.mirror.partners["a"].triggers = [TriggerNote(trigger=typed.trigger, reaction=typed.reaction)]
    w.sees(w.t("aware.note_number", number=1), typed.trigger, typed.reaction)
    expect(w.key("aware_new__a__trigger").locator("input")).to_have_value(
        "", timeout=UI_TIMEOUT
    )  # form cleared
    # the perception-gap game: Maya guesses Jonas's need for closeness, then the reveal
    segment(w, "guess__a__closeness", 6)
    w.mirror.partners["a"].ratings["closeness"].guess = 6
    w.sees(w.t("aware.guess_count", guesser=typed.name_a, count=1))
    tick(w, "aware_reveal")
    w.sees(*awareness.surprise_lines(w.mirror, w.names, w.lang))
    expect(w.key("aware_chart__b").locator(".js-plotly-plot")).to_be_attached(timeout=UI_TIMEOUT)


def shared_meaning(w: Walk) -> None:
    first = moments.MOMENTS[0].id
    tick(w, f"moments__a__{first}")
    w.mirror.partners["a"].small_moments = [first]
    w.sees(w.t("moments.picks_of", name=w.typed.name_a), moments.moment_text(first, w.lang))
    w.sees(*moments.summary(w.mirror, w.names, w.lang))


def unspoken_needs(w: Walk) -> None:
    need_id = naming.NEED_IDS[0]
    tick(w, f"naming__a__{need_id}")
    partner = w.mirror.partners["a"]
    partner.need_statements = naming.ticked(partner.need_statements, w.lang, need_id, True)
    w.sees(
        naming.statement_text(need_id, w.lang), naming.counts_line(w.mirror, "a", w.names, w.lang)
    )
    tick(w, f"naming__a__{need_id}__spoken")
    partner.need_statements[0].spoken = True
    w.sees(naming.counts_line(w.mirror, "a", w.names, w.lang), w.t("naming.status_spoken"))
    w.sees(*naming.guess_lines(w.mirror, w.names, w.lang))  # Maya's guess from section 11


def compatibility(w: Walk) -> None:
    first = analysis.areas_to_understand(w.mirror)[0].dimension
    type_in(w, f"diffmap_note__{first}", w.typed.area_note, commit="Control+Enter")
    difference_map.set_area_note(w.mirror, first, w.typed.area_note)
    w.sees(*difference_map.you_two_lines(w.mirror, w.lang))
    assert w.main.locator(".js-plotly-plot").count() >= 1
    # no score anywhere: no percentage, no "x/100"
    assert not re.search(r"\d+\s*%|/\s*100", w.main_text()), "the difference map gives no score"


def rebuilding(w: Walk) -> None:
    segment(w, "checkin_new_connection__a", 7)  # in a form: sent with "add"
    segment(w, "checkin_new_connection__b", 4)
    w.key("checkin_new_reliability").locator("input").fill(w.typed.reliability)
    w.key("checkin_new_adjustment").locator("input").fill(w.typed.adjustment)
    press_button(w, "checkin_add")
    w.mirror.checkins.append(
        checkins.new_checkin(
            dt.date.today(), {"a": 7, "b": 4}, w.typed.reliability, w.typed.adjustment
        )
    )
    table = w.main.locator('[data-testid="stTable"]')
    expect(table).to_contain_text(w.typed.reliability, timeout=UI_TIMEOUT)
    expect(table).to_contain_text(w.typed.adjustment, timeout=UI_TIMEOUT)
    w.sees(*checkins.trend_lines(w.mirror, w.names, w.lang))
    traces = plot_data(w, "checkin_chart")
    assert sorted(y for trace in traces for y in (trace["y"] or [])) == [4, 7], traces


def final_thoughts(w: Walk) -> None:
    type_in(w, "journey_next_steps", w.typed.next_steps, commit="Control+Enter")
    w.mirror.next_steps = w.typed.next_steps
    type_in(w, "reflect__final-thoughts__a", w.typed.reflection, commit="Control+Enter")
    w.mirror.partners["a"].reflections["final-thoughts"] = w.typed.reflection
    w.mirror.visited = list(SECTION_IDS)
    mirror, names, lang = w.mirror, w.names, w.lang
    w.sees(
        w.t("journey.all_explored"),
        *journey.top_area_lines(mirror, names, lang),
        *journey.adjustment_lines(mirror, names, lang),
        *journey.statement_lines(mirror, names, lang),
        *journey.notes_lines(mirror, names, lang),
        journey.checkin_line(mirror, lang),
    )
    assert w.t("journey.not_yet") not in w.main_text()
    progress = w.page.locator('[data-testid="stSidebar"] [data-testid="stProgress"]')
    expect(progress).to_contain_text(
        w.t("frame.progress", count=len(SECTION_IDS)), timeout=UI_TIMEOUT
    )


STEPS: dict[str, Callable[[Walk], None]] = {
    "introduction": introduction,
    "what-it-means": what_it_means,
    "emotional-styles": emotional_styles,
    "meta-emotion": meta_emotion,
    "distance": distance_page,
    "intimacy": intimacy,
    "expression": expression,
    "ongoing-differences": ongoing_differences,
    "maintaining-connection": maintaining_connection,
    "communication": communication,
    "meta-awareness": meta_awareness,
    "shared-meaning": shared_meaning,
    "unspoken-needs": unspoken_needs,
    "compatibility": compatibility,
    "rebuilding": rebuilding,
    "final-thoughts": final_thoughts,
}


def test_the_walk_has_a_step_for_every_section() -> None:
    """A new section needs its step here: the walk does every page's exercise in a browser."""
    assert tuple(STEPS) == SECTION_IDS


# --------------------------------------------------------------------------- navigation and checks


def go(w: Walk, section: str) -> None:
    """Click the section's link in the sidebar (the same session) and wait for its heading."""
    link = w.page.locator(f'[data-testid="stSidebarNav"] a[href$="/{section}"]')
    link.click()
    expect(w.main.locator("h1").first).to_have_text(
        section_text(section, w.lang)[0], timeout=UI_TIMEOUT
    )
    wait_idle(w.page)


def check_language(w: Walk, section: str) -> None:
    """On a Japanese page the headings are Japanese; English runs in the body are recorded."""
    if w.lang != "ja":
        return
    headings = w.main.locator("h1, h2, h3").all_inner_texts()
    assert headings, section
    english = [h for h in headings if h.strip() and not JAPANESE.search(h)]
    assert not english, f"{section}: headings without Japanese: {english}"
    sidebar = w.page.locator('[data-testid="stSidebar"]').inner_text()
    runs = ENGLISH_RUN.findall(shown(w.main_text() + "\n" + sidebar))
    if runs:
        w.english[section] = runs


@pytest.fixture
def viewport() -> dict[str, int]:
    return DESKTOP


@pytest.fixture
def context_options(
    lang: Language, viewport: dict[str, int], playwright: Playwright
) -> dict[str, object]:
    options: dict[str, object] = {"viewport": viewport, "locale": LOCALES[lang]}
    if viewport == PHONE:
        # A phone's user agent too: Streamlit closes the sidebar after a tap on a page link only
        # when the user agent says "mobile" (not when the window is merely narrow).
        options.update(
            is_mobile=True,
            has_touch=True,
            device_scale_factor=2,
            user_agent=playwright.devices["Pixel 7"]["user_agent"],
        )
    return options


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_walk_all_sections(
    page: Page, server: StreamlitServer, network: NetworkLog, lang: Language
) -> None:
    folder = WALK / lang
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    w = Walk(page, lang, TYPED[lang], Workbook(language=lang))
    open_app(page, server.url)  # the browser's locale chooses the language
    for number, section in enumerate(SECTION_IDS, 1):
        if number > 1:
            go(w, section)
        expect(w.main.locator("h1").first).to_have_text(
            section_text(section, lang)[0], timeout=UI_TIMEOUT
        )
        STEPS[section](w)
        wait_idle(page)
        check_language(w, section)
        path = folder / f"{number:02d}-{section}.png"
        full_page_screenshot(page, path)
        w.shots.append(str(path))
    assert len(w.shots) == len(SECTION_IDS)
    assert not w.english, f"English left on Japanese pages: {w.english}"
    assert network.outside() == [], f"the browser contacted other hosts: {network.outside()}"


# --------------------------------------------------------------------------- phone size

PHONE_PAGES = ("what-it-means", "meta-emotion", "distance", "rebuilding")


def assert_fits(w: Walk, section: str) -> None:
    """Nothing wider than the screen: neither the document nor Streamlit's main block scrolls
    sideways, and no element of the main block reaches past the right edge."""
    sizes = w.page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const wide = [...main.querySelectorAll('*')]
                .filter(e => { const r = e.getBoundingClientRect();
                               return r.width > 0 && r.right > window.innerWidth + 2; })
                .filter(e => { const s = getComputedStyle(e);
                               return s.visibility !== 'hidden' && s.opacity !== '0'; })
                .filter(e => !(e.tagName === 'INPUT' && e.type === 'range'))  // invisible
                .slice(0, 5).map(e => (e.dataset.testid || e.tagName) + ':' +
                                  Math.round(e.getBoundingClientRect().right));
            return { doc: document.documentElement.scrollWidth, inner: window.innerWidth,
                     main: main.scrollWidth, mainClient: main.clientWidth, wide };
        }"""
    )
    assert sizes["doc"] <= PHONE["width"] + 2, f"{section}: the page scrolls sideways: {sizes}"
    assert sizes["main"] <= sizes["mainClient"] + 2, f"{section}: main scrolls sideways: {sizes}"
    assert not sizes["wide"], f"{section}: elements past the right edge: {sizes}"


def visible_in_screen(locator: Locator) -> None:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 1, box


def open_section_on_phone(w: Walk, section: str) -> None:
    """Open the collapsed sidebar and follow the section's link, as a phone user would."""
    sidebar = w.page.locator('[data-testid="stSidebar"]')
    w.page.locator('[data-testid="stExpandSidebarButton"]').tap()
    expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=UI_TIMEOUT)
    sidebar.locator(f'[data-testid="stSidebarNav"] a[href$="/{section}"]').tap()
    expect(w.main.locator("h1").first).to_have_text(
        section_text(section, w.lang)[0], timeout=UI_TIMEOUT
    )
    wait_idle(w.page)
    expect(sidebar).to_have_attribute(
        "data-collapsed", "true", timeout=UI_TIMEOUT
    )  # out of the way again


def phone_exercise(w: Walk, section: str) -> None:
    if section == "what-it-means":
        for value in ("0", "10"):  # the whole scale on the screen
            visible_in_screen(option_button(w, "need__a__expression", value))
        segment(w, "need__a__expression", 7)
        plot_data(w, "needs_radar")
    elif section == "meta-emotion":
        visible_in_screen(option_button(w, "meta__a__anger__acceptable", 4))
        segment(w, "meta__a__anger__acceptable", 4)
        w.sees(w.t("meta.answered", count=1, total=meta.CELLS))
    elif section == "distance":
        visible_in_screen(w.key("distance__what").locator("input"))
        type_in(w, "distance__what", w.typed.moment)
        w.sees(w.typed.moment)
        visible_in_screen(w.key("distance__miss").locator("input[type=range]"))
    elif section == "rebuilding":
        for value in ("0", "10"):  # the whole scale on the screen
            visible_in_screen(option_button(w, "checkin_new_connection__a", value))
        segment(w, "checkin_new_connection__a", 6)
        visible_in_screen(w.key("checkin_add").locator("button"))
        press_button(w, "checkin_add")
        plot_data(w, "checkin_chart")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_phone_pages(
    page: Page, server: StreamlitServer, network: NetworkLog, lang: Language
) -> None:
    folder = WALK / "phone"
    folder.mkdir(parents=True, exist_ok=True)
    w = Walk(page, lang, TYPED[lang], Workbook(language=lang))
    open_app(page, server.url, PHONE_PAGES[0])
    expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute(
        "data-collapsed", "true", timeout=UI_TIMEOUT
    )
    for number, section in enumerate(PHONE_PAGES, 1):
        if number > 1:
            open_section_on_phone(w, section)
        phone_exercise(w, section)
        assert_fits(w, section)
        full_page_screenshot(page, folder / f"{lang}-{number}-{section}.png")
    assert network.outside() == [], f"the browser contacted other hosts: {network.outside()}"
