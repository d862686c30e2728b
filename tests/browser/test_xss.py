"""Hostile text in every field, in a real browser: nothing runs, nothing is injected, nothing is
fetched from outside, and the text reads as typed.

One session gets the corpus (``tests.xss``) into every free-text field at once, through a
resumed workbook file, then has a few payloads typed into fields by hand (both names, a
reflection, a trigger note, a rewrite, a check-in, the room code, an uploaded file's name). It
visits every page in English with every table switched on, the needs page and the summary in
Japanese, and the pages with notes in presentation mode with the notes shown. On every page:

- no dialog opened (``alert`` is in every payload's script);
- no element carries the payloads' ``data-xss`` marker, no element has an inline event handler,
  no ``javascript:`` / ``data:`` / outside URL sits in a URL attribute, no ``<script>`` holds a
  payload's code: in the page and in every frame (component iframes);
- the title was never changed by a payload;
- the browser asked no host but this machine for anything (``xss.invalid`` least of all);
- the words of the fields shown on the page read as typed.

The HTML summary downloaded from the app is then opened in a page of its own: no dialog, no
injected element, no request.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect

from emotions.dimensions import SECTION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language
from emotions.presentation import name_redactor
from emotions.workbook_io import dump_workbook
from tests.browser.kit import NetworkLog, StreamlitServer, open_app, set_name, wait_idle
from tests.browser.test_counselor import choose_language, heading_of, key, main, toggle
from tests.browser.test_files import download, json_file, upload
from tests.couples import full_workbook
from tests.xss import (
    EVIL_HOST,
    MARK,
    PAYLOAD_BY_ID,
    TABLE_TOGGLES,
    TITLE_MARK,
    Filled,
    fill_workbook,
    rotation,
    shown,
)

pytestmark = pytest.mark.browser

UI_TIMEOUT = 20_000
P = PAYLOAD_BY_ID
# Typed by hand: names that would fetch an image or inject one if rendered raw.
NAME_A = P["md_image"].text
NAME_B = P["img_onerror"].text
TYPED_REFLECTION = " ".join(
    P[i].text for i in ("script", "md_reference", "st_directives", "latex", "japanese")
)
TYPED_TRIGGER = P["attr_break_double"].text + " " + P["md_js_link"].text
TYPED_CHECKIN = P["md_image"].text + " " + P["csv_hyperlink"].text
TYPED_COMPLAINT = P["md_autolink"].text + " " + P["entities"].text + " someone@example.org"
FILE_NAME = P["md_image"].text.replace("/", "_") + ".json"
"""An uploaded file's name, shown in the message that rejects it."""
APP_TITLES = {t("app.title", code) for code in LANGUAGE_CODES}
"""The tab is titled "<page> · <app name>" in the language shown (``ui.frame.page_title``)."""

PRESENT_PAGES = (
    "introduction",
    "distance",
    "meta-awareness",
    "communication",
    "compatibility",
    "rebuilding",
    "final-thoughts",
)

# Every element, in the page or a frame: what a payload would have left.
FIND_INJECTED = """(mark) => {
    const found = [];
    const urlAttrs = /^(href|src|srcset|srcdoc|action|formaction|data|poster|xlink:href)$/;
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            const name = a.name.toLowerCase();
            const where = `<${el.tagName.toLowerCase()} ${name}="${a.value.slice(0, 60)}">`;
            if (name === mark) found.push(where);
            else if (name.startsWith('on')) found.push(where);
            else if (urlAttrs.test(name) &&
                     /^\\s*(javascript|vbscript|data:text)|xss\\.invalid/i.test(a.value))
                found.push(where);
            else if (name === 'style' && /xss\\.invalid|javascript:/i.test(a.value))
                found.push(where);
        }
        const text = el.textContent;
        if (el.tagName === 'SCRIPT' && /alert\\(|XSSED/.test(text)) found.push('<script>');
        if (el.tagName === 'STYLE' && /xss\\.invalid/.test(text)) found.push('<style>');
    }
    return found;
}"""


@dataclass
class Watch:
    """What a payload that ran, loaded or broke something would have left: dialogs, requests,
    uncaught errors in the page's scripts."""

    network: NetworkLog = field(default_factory=NetworkLog)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext, page: Page) -> None:
        context.on("request", lambda request: self.network.urls.append(request.url))
        page.on("websocket", lambda ws: self.network.urls.append(ws.url))

        def dismiss(dialog: Dialog) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.on("pageerror", lambda error: self.errors.append(str(error)))


@dataclass
class Session:
    context: BrowserContext
    page: Page
    filled: Filled
    watch: Watch


def assert_clean(session: Session, where: str) -> None:
    """Nothing a payload does happened, anywhere in the page, up to now."""
    page = session.page
    assert session.watch.dialogs == [], where
    assert session.watch.errors == [], where
    for frame in page.frames:
        if frame.is_detached():
            continue
        injected = frame.evaluate(FIND_INJECTED, MARK)
        assert injected == [], f"{where} (frame {frame.url[:80]}): {injected}"
    title = page.title()
    assert TITLE_MARK not in title and any(app in title for app in APP_TITLES), (where, title)
    outside = session.watch.network.outside()
    assert outside == [], (where, outside)
    assert not [u for u in session.watch.network.urls if EVIL_HOST in u], where
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def main_text(page: Page) -> str:
    return shown(main(page).inner_text())


def assert_reads_as_typed(page: Page, *texts: str) -> None:
    """Each text shows on the page as typed (line breaks and invisible characters aside)."""
    seen = main_text(page)
    for text in texts:
        assert shown(text) in seen, shown(text)[:120]


def visit(page: Page, path: str, lang: Language = "en") -> None:
    """Click the page's link in the sidebar (the same session) and wait for its heading."""
    nav = page.locator('[data-testid="stSidebarNav"]')
    if path == SECTION_IDS[0]:  # the default page: its address is "/"
        nav.locator("a").filter(has_text=t(f"section.{path}.title", lang)).click()
    else:
        nav.locator(f'a[href$="/{path}"]').click()
    heading = t("files.heading", lang) if path == "workbook" else heading_of(path, lang)
    expect(main(page).locator("h1").first).to_have_text(heading, timeout=UI_TIMEOUT)
    wait_idle(page)


def switch_on_tables(page: Page) -> None:
    for name in TABLE_TOGGLES:
        box = key(page, name)
        if box.count() and not box.locator("input").is_checked():
            toggle(page, name, True)


def type_into(page: Page, name: str, text: str, *, area: bool = False, form: bool = False) -> None:
    """Type ``text`` into the text field ``name`` and commit it (Enter, or leaving a text area);
    in a form, only type: the form's button sends it."""
    box = key(page, name).locator("textarea" if area else "input").first
    box.scroll_into_view_if_needed()
    box.fill(text)
    if not form:
        box.press("Tab" if area else "Enter")
        wait_idle(page)


@pytest.fixture(scope="module")
def session(browser: Browser, server: StreamlitServer) -> Iterator[Session]:
    """The corpus in every field (a resumed file), a few payloads typed by hand, both names."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(30_000)
    page = context.new_page()
    watch = Watch()
    watch.attach(context, page)
    filled = fill_workbook(rotation(offset=3), answers_from=full_workbook())
    open_app(page, server.url, "workbook")
    # A file whose name is a payload and whose content is not a workbook: rejected, named.
    upload(page, "resume_upload", [json_file(FILE_NAME, b"<script>alert(1)</script>")])
    expect(main(page).locator('[data-testid="stAlertContentError"]')).to_contain_text(
        shown(FILE_NAME)
    )
    upload(
        page, "resume_upload", [json_file("hostile.json", dump_workbook(filled.workbook).encode())]
    )
    expect(main(page).locator('[data-testid="stAlertContentSuccess"]')).to_have_text(
        t("files.resumed", "en")
    )
    set_name(page, "a", NAME_A)
    set_name(page, "b", NAME_B)
    visit(page, SECTION_IDS[0])
    type_into(page, "reflect__introduction__a", TYPED_REFLECTION, area=True)
    yield Session(context, page, filled, watch)
    context.close()


@pytest.fixture(autouse=True)
def fresh_watch(session: Session) -> None:
    """Each test answers for what happened during it (a failure is not repeated by the next)."""
    session.watch.network.urls.clear()
    session.watch.dialogs.clear()
    session.watch.errors.clear()


def test_every_page_shows_hostile_text_as_text(session: Session) -> None:
    page, found = session.page, session.filled
    assert_clean(session, "after the upload")
    for path in SECTION_IDS:
        visit(page, path)
        switch_on_tables(page)
        assert_clean(session, path)
        if path == "introduction":  # the note typed by hand, and the names
            assert key(page, "reflect__introduction__a").locator("textarea").input_value() == (
                TYPED_REFLECTION
            )
        if path == "distance":
            assert_reads_as_typed(page, found.at("vulnerable_moment.what"))
        if path == "communication":  # partner A's rewrites, each listed with its complaint
            assert_reads_as_typed(
                page, *(found.at(f"partners.a.rewrites[{i}].complaint") for i in (0, 1))
            )
            assert_reads_as_typed(page, NAME_A, NAME_B)  # "Rewrites of": one option per name
            type_into(page, "talk__a__1__complaint", TYPED_COMPLAINT)  # the one being edited
            assert_reads_as_typed(page, TYPED_COMPLAINT)
        if path == "meta-awareness":  # partner A's trigger notes, every part of each
            parts = ("trigger", "reaction", "belief", "response")
            assert_reads_as_typed(
                page, *(found.at(f"partners.a.triggers[{i}].{p}") for i in (0, 1) for p in parts)
            )
            for part in ("trigger", "response"):
                type_into(page, f"aware_new__a__{part}", TYPED_TRIGGER, form=True)
            key(page, "aware_add_submit__a").locator("button").click()
            wait_idle(page)
            expect(main(page)).to_contain_text(shown(TYPED_TRIGGER), timeout=UI_TIMEOUT)
            assert_reads_as_typed(page, TYPED_TRIGGER)
        if path == "unspoken-needs":
            assert_reads_as_typed(
                page,
                *(
                    found.at(f"partners.{p}.need_statements[{i}].text")
                    for p in "ab"
                    for i in (0, 1)
                ),
            )
        if path == "rebuilding":
            type_into(page, "checkin_new_reliability", TYPED_CHECKIN, form=True)
            key(page, "checkin_add").locator("button").click()
            wait_idle(page)
            assert_reads_as_typed(page, TYPED_CHECKIN, found.at("checkins[0].reliability"))
        assert_clean(session, path)
    for path in ("workbook", "turns", "about"):
        visit(page, path)
        assert_clean(session, path)


def test_a_room_code_that_is_a_payload(session: Session) -> None:
    page = session.page
    page.locator('[data-testid="stSidebarNav"] a[href$="/join"]').click()
    expect(key(page, "room_join_code")).to_be_visible(timeout=UI_TIMEOUT)
    wait_idle(page)
    type_into(page, "room_join_code", P["svg_onload"].text)
    assert_clean(session, "join")


def test_japanese_needs_page_and_summary(session: Session, browser: Browser) -> None:
    page = session.page
    choose_language(page, "ja")
    try:
        for path in ("what-it-means", "final-thoughts", "compatibility"):
            visit(page, path, "ja")
            switch_on_tables(page)
            assert_clean(session, f"{path} (ja)")
        assert_reads_as_typed(page, NAME_A, NAME_B)
        open_html_summary(session, browser, "ja")
    finally:
        choose_language(page, "en")


def test_presentation_mode_with_the_notes_shown(session: Session) -> None:
    page, found = session.page, session.filled
    named = found.workbook.model_copy(deep=True)
    named.partners["a"].name, named.partners["b"].name = NAME_A, NAME_B
    redact = name_redactor(named, "en", anonymous=True)
    toggle(page, "ui_present", True)
    try:
        for path in PRESENT_PAGES:
            visit(page, path)
            toggle(page, "present_show_notes", True)
            switch_on_tables(page)
            assert_clean(session, f"{path} (presenting)")
            # The couple's own words, shown as text with the names taken out (partner A's
            # note on the first page is the one typed by hand).
            notes = {pid: found.at(f"partners.{pid}.reflections.{path}") for pid in "ab"}
            if path == "introduction":
                notes["a"] = TYPED_REFLECTION
            assert_reads_as_typed(page, *(redact(note) for note in notes.values()))
        assert_reads_as_typed(page, redact(found.at("next_steps")))
    finally:
        toggle(page, "ui_present", False)


def open_html_summary(session: Session, browser: Browser, lang: Language) -> None:
    """Download the HTML summary and open it in a page of its own: nothing runs, nothing is
    injected, nothing is fetched, and the names and notes read as typed."""
    visit(session.page, "workbook", lang)
    summary = download(session.page, "download_html")
    context = browser.new_context()
    try:
        viewer = context.new_page()
        watch = Watch()
        watch.attach(context, viewer)
        viewer.set_content(summary.text(), wait_until="load")
        viewer.wait_for_timeout(300)  # an onerror or ontoggle would have fired by now
        assert watch.dialogs == [] and watch.errors == []
        assert viewer.evaluate(FIND_INJECTED, MARK) == []
        assert TITLE_MARK not in viewer.title()
        assert [u for u in watch.network.urls if not u.startswith(("about:", "data:"))] == []
        assert_reads_as_typed_in(viewer, NAME_A, NAME_B, session.filled.at("next_steps"))
    finally:
        context.close()


def test_downloaded_html_summary_opens_clean(session: Session, browser: Browser) -> None:
    open_html_summary(session, browser, "en")


def assert_reads_as_typed_in(page: Page, *texts: str) -> None:
    seen = shown(page.locator("body").inner_text())
    for text in texts:
        assert shown(text) in seen, shown(text)[:120]
