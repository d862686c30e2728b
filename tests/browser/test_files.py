"""Save, resume, combine in a real browser: every download in both languages, resuming from the
downloaded workbook file in a fresh session, a broken file that changes nothing, and two partners'
files combined (with a conflict settled by the user).

The downloads are real browser downloads (``page.expect_download()``) of Streamlit's lazy download
buttons; each file is read back here (pypdf for the PDF, zipfile and csv for the tables,
``load_workbook`` for the JSON).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Locator, Page, expect
from pypdf import PdfReader

from emotions.combine import answer_total
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import section_text, t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import Language, PartnerId
from emotions.workbook_io import WorkbookError, load_workbook, problem_messages
from tests.browser.kit import (
    ARTIFACTS,
    StreamlitServer,
    answered,
    full_page_screenshot,
    give,
    open_app,
    set_name,
    wait_idle,
)
from tests.browser.test_needs_page import choose_language, radar

pytestmark = pytest.mark.browser

NEEDS = "what-it-means"
FILES = "workbook"
# Names found nowhere else in any file, so their absence (anonymous downloads) means something.
NAME_A = "Zephyrine"
NAME_B = "春樹"
LANG_LABEL: dict[Language, str] = {lang: spec(lang).name for lang in LANGUAGE_CODES}

Needs = dict[tuple[PartnerId, str], int | None]
"""(partner, dimension) → need (None: not answered), for every partner and dimension."""

MIDDLE = 5
"""What a session answers for a need it does not move: the middle of the scale, a real answer."""


def unanswered_needs() -> Needs:
    return {(pid, dim): None for pid in ("a", "b") for dim in DIMENSION_IDS}


def radar_of(needs: Needs, pids: tuple[PartnerId, ...] = ("a", "b")) -> list[list[float | None]]:
    """The r values the radar should show: one closed outline per partner who has answered a
    need (``radar`` leaves out a partner who has answered none)."""
    outlines: list[list[float | None]] = [
        [needs[pid, d] for d in (*DIMENSION_IDS, DIMENSION_IDS[0])] for pid in pids
    ]
    return [outline for outline in outlines if any(v is not None for v in outline)]


# --------------------------------------------------------------------------- browser steps


def main(page: Page) -> Locator:
    return page.locator('[data-testid="stMain"]')


def go(page: Page, path: str, lang: Language = "en") -> None:
    """Click the page's link in the sidebar (the same session) and wait for its heading."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').click()
    heading = t("files.heading", lang) if path == FILES else section_text(path, lang)[0]
    expect(main(page).locator("h1").first).to_have_text(heading)
    wait_idle(page)


def pick(page: Page, key: str, label: str) -> None:
    """Choose the option of the radio ``key`` whose label is exactly ``label``."""
    page.locator(f'.st-key-{key} [data-testid="stRadioOption"]').filter(
        has_text=re.compile(f"^{re.escape(label)}$")
    ).click()
    wait_idle(page)


def set_needs(page: Page, needs: Needs, pid: PartnerId, moves: dict[str, int]) -> None:
    """On the needs page: answer every need of ``pid``, the middle of the scale raised by
    ``moves[dim]`` (one click on the segment each)."""
    for dim in DIMENSION_IDS:
        needs[pid, dim] = give(page, f"need__{pid}__{dim}", MIDDLE + moves.get(dim, 0))


def wait_for_radar(page: Page, expected: list[list[float | None]]) -> list[list[float | None]]:
    """Wait until the radar shows ``expected`` (plotly redraws after the script ends)."""
    plot = ".st-key-needs_radar .js-plotly-plot"
    with contextlib.suppress(Exception):  # the caller's assertion shows what it does show
        page.wait_for_function(
            """([sel, want]) => {
                const p = document.querySelector(sel);
                return p && p.data && JSON.stringify(p.data.map(t => Array.from(t.r))
                    .filter(r => r.some(v => v !== null && v !== undefined)))
                    === JSON.stringify(want);
            }""",
            arg=[plot, expected],
            timeout=10_000,
        )
    return radar(page)


@dataclass
class Download:
    name: str
    data: bytes

    def text(self) -> str:
        return self.data.decode("utf-8")


def download(page: Page, key: str) -> Download:
    """Press the download button ``key`` and return the file the browser saved."""
    # Generous: a PDF is built on the click, and a busy 2-core CI machine can be slow to start it.
    with page.expect_download(timeout=60_000) as info:
        page.locator(f".st-key-{key} button").click()
    saved = info.value
    path = saved.path()
    assert saved.failure() is None, f"{key}: {saved.failure()}"
    return Download(saved.suggested_filename, Path(path).read_bytes())


def upload(page: Page, key: str, files: list[FilePayload]) -> None:
    page.locator(f'.st-key-{key} input[type="file"]').set_input_files(files)
    wait_idle(page, settle_ms=400)


def json_file(name: str, data: bytes) -> FilePayload:
    return {"name": name, "mimeType": "application/json", "buffer": data}


def alert_text(page: Page, kind: str, wanted: str) -> str:
    """Wait for a ``stAlertContent<kind>`` (Error, Success, Warning) holding ``wanted``;
    returns the text of all of that kind on the page."""
    box = main(page).locator(f'[data-testid="stAlertContent{kind}"]')
    expect(box.filter(has_text=wanted)).to_have_count(1)
    return "\n".join(box.all_inner_texts())


def names_in_sidebar(page: Page) -> list[str]:
    return [page.locator(f".st-key-name__{pid} input").input_value() for pid in ("a", "b")]


# --------------------------------------------------------------------------- one filled session


@dataclass
class Session:
    """A browser session with names and a few needs set, and the radar it showed."""

    context: BrowserContext
    page: Page
    needs: Needs = field(default_factory=unanswered_needs)
    radar: list[list[float | None]] = field(default_factory=list)


def new_page(browser: Browser) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.set_default_timeout(30_000)
    return context, context.new_page()


@pytest.fixture(scope="module")
def filled(browser: Browser, server: StreamlitServer) -> Iterator[Session]:
    context, page = new_page(browser)
    session = Session(context, page)
    open_app(page, server.url, NEEDS)
    set_name(page, "a", NAME_A)
    set_name(page, "b", NAME_B)
    set_needs(page, session.needs, "a", {"expression": 3, "closeness": 2})
    pick(page, "needs_who", NAME_B)
    set_needs(page, session.needs, "b", {"processing": 4, "support": 1})
    session.radar = wait_for_radar(page, radar_of(session.needs))
    assert session.radar == radar_of(session.needs)
    yield session
    context.close()


# --------------------------------------------------------------------------- checks of the files


def check_pdf(file: Download, lang: Language) -> None:
    assert file.data.startswith(b"%PDF"), file.data[:20]
    reader = PdfReader(io.BytesIO(file.data))
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    assert re.sub(r"\s+", "", t("export.title", lang)) in text, text[:300]
    assert NAME_A in text and NAME_B in text


def check_html(file: Download, lang: Language, named: bool = True) -> None:
    html = file.text()
    assert f'<html lang="{lang}"' in html, html[:200]
    assert t("export.title", lang) in html
    for name in (NAME_A, NAME_B):
        assert (name in html) is named, f"{name!r} in the HTML: expected {named}"
    if not named:
        for pid in ("a", "b"):
            assert t(f"partner.{pid}", lang) in html


def check_markdown(file: Download, lang: Language, needs: Needs) -> None:
    """The needs table holds every partner's need on every dimension."""
    rows = {
        cells[0]: cells
        for line in file.text().splitlines()
        if line.startswith("| ")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    # The columns are found by their headings: a column that would only say "not answered" is
    # left out of the table (here importance and met, which this session never answered).
    heading = rows.get(t("needs.table_dimension", lang))
    assert heading is not None, "no heading row of the needs table in the Markdown"
    column = {
        pid: heading.index(t("export.col_need", lang, name=name))
        for pid, name in (("a", NAME_A), ("b", NAME_B))
    }
    for dim in DIMENSION_IDS:
        row = rows.get(t(f"dim.{dim}.name", lang))
        assert row is not None, f"no row for {dim} in the Markdown"
        got = (row[column["a"]], row[column["b"]])
        assert got == (str(needs["a", dim]), str(needs["b", dim])), (dim, heading, row)
    assert NAME_A in file.text() and NAME_B in file.text()


def check_csv_zip(file: Download, needs: Needs) -> None:
    archive = zipfile.ZipFile(io.BytesIO(file.data))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names and all(n.endswith(".csv") for n in names), names
    rows = list(csv.reader(io.StringIO(archive.read("needs.csv").decode("utf-8-sig"))))
    body = rows[1:]
    assert len(body) == 2 * len(DIMENSION_IDS), rows
    # partner id, partner, dimension id, dimension, need, ...
    got = {(r[0], r[2]): int(r[4]) for r in body}
    assert got == needs
    assert {r[1] for r in body} == {NAME_A, NAME_B}


def check_workbook_json(file: Download, needs: Needs, pids: tuple[PartnerId, ...]) -> None:
    wb = load_workbook(file.data)
    assert tuple(wb.partners) == pids
    for pid in pids:
        assert wb.partners[pid].name == {"a": NAME_A, "b": NAME_B}[pid]
        for dim in DIMENSION_IDS:
            assert wb.partners[pid].ratings[dim].need == needs[pid, dim], (pid, dim)


def check_summary(kind: str, file: Download, lang: Language, needs: Needs) -> None:
    if kind == "pdf":
        check_pdf(file, lang)
    elif kind == "html":
        check_html(file, lang)
    elif kind == "markdown":
        check_markdown(file, lang, needs)
    else:
        check_csv_zip(file, needs)


# --------------------------------------------------------------------------- the tests


def test_every_format_in_both_languages(filled: Session) -> None:
    page = filled.page
    go(page, FILES)
    full_page_screenshot(page, ARTIFACTS / "files-en.png")
    languages: tuple[Language, ...] = ("en", "ja")
    for lang in languages:
        if lang == "ja":
            choose_language(page, LANG_LABEL["ja"])
            expect(main(page).locator("h1").first).to_have_text(t("files.heading", "ja"))
            full_page_screenshot(page, ARTIFACTS / "files-ja.png")
        for key, ext in (("pdf", "pdf"), ("html", "html"), ("markdown", "md"), ("csv", "zip")):
            expect(page.locator(f".st-key-download_{key} button")).to_have_text(
                t(f"files.format_{key}", lang)
            )
            file = download(page, f"download_{key}")
            assert file.name.endswith(f"-{lang}.{ext}"), file.name
            check_summary(key, file, lang, filled.needs)
        whole = download(page, "download_json")
        assert whole.name.endswith(".json"), whole.name
        check_workbook_json(whole, filled.needs, ("a", "b"))
        assert json.loads(whole.data)["language"] == lang
        # The partner file: A's in English, B's in Japanese.
        pid: PartnerId = "a" if lang == "en" else "b"
        pick(page, "files_partner", {"a": NAME_A, "b": NAME_B}[pid])
        expect(page.locator(".st-key-download_partner button")).to_contain_text(
            {"a": NAME_A, "b": NAME_B}[pid]
        )
        half = download(page, "download_partner")
        assert half.name.endswith(f"-partner-{pid}.json"), half.name
        check_workbook_json(half, filled.needs, (pid,))

    # Names left out: the summary says "パートナーA" / "パートナーB" instead.
    page.locator(".st-key-files_anonymous label").click()
    wait_idle(page)
    check_html(download(page, "download_html"), "ja", named=False)
    page.locator(".st-key-files_anonymous label").click()
    wait_idle(page)
    check_html(download(page, "download_html"), "ja", named=True)

    choose_language(page, LANG_LABEL["en"])
    pick(page, "files_partner", NAME_A)
    expect(main(page).locator("h1").first).to_have_text(t("files.heading", "en"))


def test_resume_in_a_fresh_session_shows_the_same_radar(
    filled: Session, browser: Browser, server: StreamlitServer
) -> None:
    choose_language(filled.page, LANG_LABEL["en"])  # whatever a failed test before left behind
    go(filled.page, FILES)
    saved = download(filled.page, "download_json")

    context, page = new_page(browser)
    try:
        open_app(page, server.url, FILES)
        upload(page, "resume_upload", [json_file(saved.name, saved.data)])
        alert_text(page, "Success", t("files.resumed", "en"))
        expect(page.locator(".st-key-resume_replace")).to_have_count(0)  # nothing to replace
        go(page, NEEDS)
        assert wait_for_radar(page, filled.radar) == filled.radar
        assert names_in_sidebar(page) == [NAME_A, NAME_B]
        assert answered(page, "need__a__expression") == filled.needs["a", "expression"]
    finally:
        context.close()


def test_broken_file_changes_nothing(filled: Session) -> None:
    page = filled.page
    choose_language(page, LANG_LABEL["en"])  # whatever a failed test before left behind
    go(page, FILES)
    good = download(page, "download_json").data

    # Another workbook: other names, other needs. If it were half applied, it would show.
    other = json.loads(good)
    other["partners"]["a"]["name"] = "Intruder"
    other["partners"]["b"]["ratings"]["processing"]["need"] = 0
    other["partners"]["a"]["ratings"]["reassurance"]["need"] = 10

    # English: the other workbook with a need of 99.
    other["partners"]["a"]["ratings"]["expression"]["need"] = 99
    too_high = json.dumps(other).encode()
    upload(page, "resume_upload", [json_file("too-high.json", too_high)])
    shown = alert_text(page, "Error", t("files.rejected", "en", file="too-high.json"))
    for message in expected_problems(too_high, "en"):
        assert message in shown, (message, shown)
    assert "partners › a › ratings › expression › need" in shown
    assert "too high (at most 10)" in shown
    expect(page.locator(".st-key-resume_replace")).to_have_count(0)

    # A valid file over answers asks first; "Keep my current answers" changes nothing.
    other["partners"]["a"]["ratings"]["expression"]["need"] = 1
    upload(page, "resume_upload", [json_file("other.json", json.dumps(other).encode())])
    alert_text(page, "Warning", t("files.resume_confirm", "en"))
    page.locator(".st-key-resume_keep button").click()
    wait_idle(page)
    expect(page.locator(".st-key-resume_replace")).to_have_count(0)

    # Japanese: a file that is not JSON at all.
    choose_language(page, LANG_LABEL["ja"])
    upload(page, "resume_upload", [json_file("notes.json", b"\x89PNG\r\n not a workbook")])
    shown = alert_text(page, "Error", t("files.rejected", "ja", file="notes.json"))
    assert expected_problems(b"\x89PNG\r\n not a workbook", "ja") == [
        t("io.problem.not_json", "ja")
    ]
    assert t("io.problem.not_json", "ja") in shown
    expect(page.locator(".st-key-resume_replace")).to_have_count(0)

    # Everything as it was: names, answers, radar.
    go(page, NEEDS, "ja")
    assert names_in_sidebar(page) == [NAME_A, NAME_B]
    assert wait_for_radar(page, filled.radar) == filled.radar
    choose_language(page, LANG_LABEL["en"])
    pick(page, "needs_who", NAME_A)
    assert answered(page, "need__a__expression") == filled.needs["a", "expression"]


def expected_problems(data: bytes, lang: Language) -> list[str]:
    with pytest.raises(WorkbookError) as caught:
        load_workbook(data)
    return problem_messages(caught.value, lang)


def test_two_partner_files_combine(browser: Browser, server: StreamlitServer) -> None:
    needs = unanswered_needs()
    files: dict[PartnerId, Download] = {}
    contexts: list[BrowserContext] = []
    try:
        # Each partner on their own device fills in their own half only.
        halves: tuple[tuple[PartnerId, str, dict[str, int]], ...] = (
            ("a", NAME_A, {"support": 4, "intensity": 1}),
            ("b", NAME_B, {"reassurance": 3, "emotion_value": 5}),
        )
        for pid, name, moves in halves:
            context, page = new_page(browser)
            contexts.append(context)
            open_app(page, server.url, NEEDS)
            set_name(page, pid, name)
            if pid == "b":
                pick(page, "needs_who", NAME_B)
            set_needs(page, needs, pid, moves)
            go(page, FILES)
            pick(page, "files_partner", name)
            files[pid] = download(page, "download_partner")
            assert files[pid].name.endswith(f"partner-{pid}.json")

        # A third session combines both files.
        context, page = new_page(browser)
        contexts.append(context)
        open_app(page, server.url, FILES)
        upload(page, "combine_upload", [json_file(f.name, f.data) for f in files.values()])
        # Each file is combined in its own run: wait until both partners' names are in.
        partners = page.locator('.st-key-files_partner [data-testid="stRadioOption"]')
        expect(partners).to_have_text([NAME_A, NAME_B])
        wait_idle(page)
        # The message of the last file: every answer in B's file was new here.
        last = answer_total(load_workbook(files["b"].data).partners["b"])
        assert last >= len(DIMENSION_IDS)
        alert_text(page, "Success", t("files.combined", "en", count=last))
        go(page, NEEDS)
        assert wait_for_radar(page, radar_of(needs)) == radar_of(needs)
        assert names_in_sidebar(page) == [NAME_A, NAME_B]

        # A conflict: partner A changes an answer, then loads their older partner file.
        page = contexts[0].pages[0]
        go(page, NEEDS)
        # In A's own session partner B is blank.
        as_filed = {**unanswered_needs(), **{k: v for k, v in needs.items() if k[0] == "a"}}
        expression = as_filed["a", "expression"]
        assert expression is not None
        changed = {
            **as_filed,
            ("a", "expression"): give(page, "need__a__expression", expression + 2),
        }
        assert wait_for_radar(page, radar_of(changed)) == radar_of(changed)
        go(page, FILES)
        upload(page, "combine_upload", [json_file(files["a"].name, files["a"].data)])
        alert_text(page, "Warning", t("files.conflict_intro", "en"))
        expect(page.locator(".st-key-combine_choice__a")).to_contain_text(
            t("files.conflict_which", "en", who=NAME_A)
        )
        expect(page.locator('[class*="st-key-combine_choice__"]')).to_have_count(1)
        pick(page, "combine_choice__a", t("files.keep_incoming", "en"))
        # A form carries no st-key class: it is the form holding the choice.
        form = page.locator('[data-testid="stForm"]').filter(
            has=page.locator(".st-key-combine_choice__a")
        )
        form.get_by_role("button", name=t("files.combine_apply", "en"), exact=True).click()
        wait_idle(page)
        alert_text(page, "Success", t("files.combined", "en", count=1))
        expect(page.locator(".st-key-combine_choice__a")).to_have_count(0)
        go(page, NEEDS)
        # Partner A's answers are the file's again; partner B (blank here) stays blank.
        assert wait_for_radar(page, radar_of(as_filed)) == radar_of(as_filed)
    except Exception:
        for i, context in enumerate(contexts):
            for shot in context.pages:
                with contextlib.suppress(Exception):  # never hide the real failure
                    shot.screenshot(path=str(ARTIFACTS / f"failed-files-combine-{i}.png"))
        raise
    finally:
        for context in contexts:
            context.close()
