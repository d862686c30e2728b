"""What every page shows around its content: language switch, names, notice, privacy line."""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from emotions.analysis import answer_count, question_count
from emotions.dimensions import SECTION_IDS
from emotions.escape import markdown_escape
from emotions.i18n import t as translate
from emotions.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES, spec
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.presentation import holds_notes
from emotions.texts import plain_names
from emotions.turns import answering
from ui import keep, rooms
from ui.exits import TOP_EXIT_KEY
from ui.samples import sample_banner, sample_picker
from ui.state import (
    EXITED_KEY,
    PRESENTING_KEY,
    SHOW_NOTES_KEY,
    TURN_KEY,
    WORKBOOK_KEY,
    lang,
    partner_labels,
    presenting,
    private_turn,
    t,
    turn_stage,
    workbook,
)
from ui.widgets import ANSWER_CSS, Setter, bound


def _set_language(value: Language) -> None:
    workbook().language = value


def _name_setter(pid: PartnerId) -> Setter[str]:
    def set_name(value: str) -> None:
        workbook().partner(pid).name = value.strip()

    return set_name


def sidebar() -> None:
    """Language switch and optional names, in the sidebar of every page."""
    wb = workbook()
    with st.sidebar:
        st.radio(
            t("lang.label"),
            LANGUAGE_CODES,
            # Each language is named in its own words, whatever the current language is.
            format_func=lambda code: spec(code).name,
            horizontal=True,
            **bound("ui_lang", wb.language, _set_language),
        )
        sample_picker()
        if presenting() or private_turn():
            # Names are not shown, let alone edited, on a shared screen; nor, while one partner
            # answers alone, may they touch what belongs to the other.
            return
        with st.expander(t("names.heading")):
            for pid in PARTNER_IDS:
                st.text_input(
                    t(f"names.{pid}_label"),
                    max_chars=40,
                    help=t("names.help", **partner_labels()),
                    **bound(
                        f"name__{pid}",
                        wb.partners[pid].name if pid in wb.partners else "",
                        _name_setter(pid),
                    ),
                )


# Larger type for a shared screen. Our own constant stylesheet, never user text.
_PRESENTATION_CSS = """<style>
[data-testid="stMain"] { font-size: 1.25rem; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.25rem; line-height: 1.7; }
[data-testid="stMain"] h1 { font-size: 2.9rem; }
[data-testid="stMain"] h2 { font-size: 2.1rem; }
[data-testid="stMain"] h3 { font-size: 1.7rem; }
[data-testid="stMain"] label, [data-testid="stMain"] td, [data-testid="stMain"] th,
[data-testid="stMain"] [data-testid="stCaptionContainer"] { font-size: 1.1rem; }
[data-testid="stMain"] span[style*="font-size: 0.875rem"] { font-size: 1.1rem !important; }
</style>"""
# The last rule: small print inside a larger text (``ui.section.small_print``, Markdown's
# ``:small[]``, which Streamlit draws with an inline 0.875rem) as large as a caption.


def _keep_presenting() -> None:
    st.session_state[PRESENTING_KEY] = st.session_state["ui_present"]
    st.session_state[SHOW_NOTES_KEY] = False


def _keep_show_notes() -> None:
    st.session_state[SHOW_NOTES_KEY] = st.session_state["present_show_notes"]


def presentation(url_path: str) -> None:
    """The presentation-mode switch (sidebar) and, when on, large type and the notes control.

    Notes fold again on every page change: showing them is a choice made page by page.
    """
    if st.session_state.get("_presenting_page") != url_path:
        st.session_state["_presenting_page"] = url_path
        st.session_state[SHOW_NOTES_KEY] = False
    st.session_state["ui_present"] = presenting()
    st.sidebar.toggle(
        t("present.toggle"), key="ui_present", help=t("present.help"), on_change=_keep_presenting
    )
    if not presenting():
        return
    st.html(_PRESENTATION_CSS)
    if holds_notes(workbook()):
        st.session_state["present_show_notes"] = bool(st.session_state.get(SHOW_NOTES_KEY))
        st.toggle(t("present.show_notes"), key="present_show_notes", on_change=_keep_show_notes)


def step_buttons(ordered: list[st.Page], current: st.Page) -> None:
    """Previous / next section links under the page, for stepping through in order."""
    if current not in ordered:
        return
    index = ordered.index(current)
    before, after = st.columns(2)
    if index > 0:
        before.page_link(ordered[index - 1], label=f"← {ordered[index - 1].title}")
    if index + 1 < len(ordered):
        after.page_link(ordered[index + 1], label=f"{ordered[index + 1].title} →")


def mark_visited(url_path: str) -> None:
    """Remember that the couple opened this section (for the progress line)."""
    wb = workbook()
    if url_path in SECTION_IDS and url_path not in wb.visited:
        wb.visited.append(url_path)


def progress() -> None:
    """How far the couple has come: sections explored out of sixteen, then the answers."""
    explored = len(workbook().visited)
    with st.sidebar:
        st.progress(explored / len(SECTION_IDS), text=t("frame.progress", count=explored))
    answer_progress()


ANSWER_PROGRESS_SLOT = "_answer_progress_slot"
"""Session-state key of the sidebar's placeholder for the answer counts, from the last whole run."""


def answer_progress() -> None:
    """How many of the questions (need, importance, met, guess on every dimension) each partner
    has answered, one line each, in a placeholder of the sidebar. Neutral labels in presentation
    mode; while one partner answers alone, only that partner's line (the other's progress stays
    private too).

    An answer given inside a page's fragment reruns that fragment alone: such a fragment calls
    ``answer_progress_again`` so that the counts follow the answer without a whole run."""
    slot = st.sidebar.empty()
    st.session_state[ANSWER_PROGRESS_SLOT] = slot
    _draw_answer_counts(slot)


def answer_progress_again() -> None:
    """Redraw the answer counts into the sidebar placeholder of the last whole run. For a
    fragment that holds answer widgets: call it on every run of the fragment, the whole runs
    included (Streamlit keeps a fragment's place in a container outside it only if the
    fragment wrote there during the last whole run)."""
    slot = st.session_state.get(ANSWER_PROGRESS_SLOT)
    if slot is not None:
        _draw_answer_counts(slot)


def _draw_answer_counts(slot: DeltaGenerator) -> None:
    wb = workbook()
    if private_turn():
        pid = answering(turn_stage())
        shown: tuple[PartnerId, ...] = () if pid is None else (pid,)
    else:
        shown = PARTNER_IDS
    if not shown:
        slot.empty()
        return
    names = plain_names(wb, lang(), anonymous=presenting())
    slot.caption(
        "  \n".join(
            t(
                "answer_ui.sidebar_count",
                name=markdown_escape(names.of(pid)),
                answered=answer_count(wb, pid),
                total=question_count(),
            )
            for pid in shown
        )
    )


# --- Safety: quick exit, the safety page one click away, start over ---------------------------

# Our own constant stylesheet, never user text. The navigation is not capped: every page is
# reached in the sidebar's one scroll (the quick exit leads the main area: ``top_exit``).
# A visible focus (WCAG 2.4.7) where Streamlit shows only a faint tint (its navigation and page
# links) or nothing (the page's title once focused, the main area as a scroll box), and a ring
# round a focused field (Streamlit only recolours its border): the theme's primaryColor,
# #2F6F62, 3:1 or more on both backgrounds (tests/unit/test_contrast.py).
_SIDEBAR_CSS = """<style>
.st-key-safety_bar [data-testid="stPageLink-NavLink"] * {
  white-space: normal; overflow: visible; text-overflow: clip;
}
.st-key-keep_store, .st-key-accessibility_marks { display: none; }
[data-testid="stMain"] h1[tabindex="-1"]:focus-visible,
[data-testid="stSidebarNavLink"]:focus-visible,
[data-testid="stPageLink-NavLink"]:focus-visible {
  outline: 2px solid #2F6F62; outline-offset: 2px;
}
[data-testid="stMain"]:focus-visible { outline: 2px solid #2F6F62; outline-offset: -2px; }
[data-baseweb="select"] > div:focus-within, .react-aria-ComboBox > div:focus-within,
[data-testid="stTextAreaRootElement"]:focus-within,
[data-testid="stTextInputRootElement"]:focus-within { box-shadow: 0 0 0 2px #2F6F62; }
</style>"""

# Marks that Streamlit's own markup lacks, set in the browser by a small inline component
# (st.components.v2: no files, nothing loaded from outside), on every page:
# - the document's language: Streamlit serves every page as <html lang="en"> (upstream issue
#   #15726), so Japanese was read with an English voice; each option of the language switch in
#   its own language ("日本語" on an English page); Streamlit's own English words as English
#   (``STREAMLIT_ENGLISH``);
# - the sidebar navigation as lists: Streamlit puts each group of pages in a <div> inside its <ul>,
#   so neither the <ul> nor the pages' <li> form a list (WCAG 1.3.1; drafted upstream report:
#   docs/upstream/streamlit-sidebar-nav-lists.md). Each group becomes a list named by its heading,
#   the outer <ul> a plain container. Only a group that is a <div> is touched: once Streamlit
#   renders proper lists, nothing changes.
# Streamlit redraws parts of the page after the component has run, so a watcher applies the same
# again after each change of the page's elements. Trusted constant code; the data holds language
# codes, names and selectors only.
_MARKS_JS = """
export default function (component) {
  const { data } = component;
  if (!data) return;
  const state = (window.__accessibilityMarks = window.__accessibilityMarks || { groups: 0 });
  state.data = data;
  const viewOf = (d) => d.view || "";
  const toTitle = (d) => {
    const app = document.querySelector(d.app);
    if (app && app.getAttribute("data-test-script-state") === "running") return;
    const title = document.querySelector(d.title);
    if (!title) {
      state.toTitle = false; // a run that ended without a title (an error): nothing to move to
      return;
    }
    if (title.closest('[data-stale="true"]')) return;
    state.toTitle = false;
    if (title.getAttribute("tabindex") !== "-1") title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
    const main = document.querySelector(d.main);
    if (main) main.scrollTop = 0;
    window.scrollTo(0, 0);
  };
  const apply = () => {
    const d = state.data;
    if (state.toTitle) toTitle(d);
    if (document.documentElement.lang !== d.lang) document.documentElement.lang = d.lang;
    for (const label of document.querySelectorAll(d.options)) {
      const code = d.names[label.innerText.trim()];
      if (code && label.getAttribute("lang") !== code) label.setAttribute("lang", code);
    }
    for (const part of document.querySelectorAll(d.english)) {
      if (part.getAttribute("lang") !== "en") part.setAttribute("lang", "en");
    }
    // Streamlit's own accessible names are English: said in the language shown (the English
    // original is kept in data-en-label, so switching back restores it).
    for (const el of document.querySelectorAll("[aria-label]")) {
      const original = el.dataset.enLabel || el.getAttribute("aria-label");
      let name = d.labels[original];
      if (name === undefined && original.startsWith("Help for ")) {
        name = d.helpFor.replace("{name}", original.slice("Help for ".length));
      }
      if (name === undefined) continue;
      if (!el.dataset.enLabel) el.dataset.enLabel = original;
      if (el.getAttribute("aria-label") !== name) el.setAttribute("aria-label", name);
    }
    // A progress bar says what it counts, not only a percentage.
    for (const bar of document.querySelectorAll(d.progress)) {
      const meter = bar.querySelector('[role="progressbar"]');
      const text = bar.innerText.trim();
      if (meter && text && meter.getAttribute("aria-valuetext") !== text) {
        meter.setAttribute("aria-valuetext", text);
      }
    }
    // A chart is one image to assistive technology, named as such: its words are the sentence
    // drawn under it (emotions.chart_text), not plotly's loose SVG pieces.
    for (const chart of document.querySelectorAll(d.charts)) {
      if (chart.getAttribute("role") !== "img") chart.setAttribute("role", "img");
      if (chart.getAttribute("aria-label") !== d.chart) chart.setAttribute("aria-label", d.chart);
    }
    for (const list of document.querySelectorAll(d.nav)) {
      const groups = [...list.children].filter((child) => child.tagName === "DIV");
      if (!groups.length) continue;
      if (list.getAttribute("role") !== "none") list.setAttribute("role", "none");
      for (const group of groups) {
        if (group.getAttribute("role") !== "list") group.setAttribute("role", "list");
        const heading = group.querySelector(":scope > header");
        if (!heading) continue;
        if (!heading.id) heading.id = "nav-group-" + ++state.groups;
        if (heading.getAttribute("role") !== "none") heading.setAttribute("role", "none");
        if (group.getAttribute("aria-labelledby") !== heading.id) {
          group.setAttribute("aria-labelledby", heading.id);
        }
      }
    }
  };
  // A new page, or a new step of a page (the take-turns reveal): once its run is over, the
  // title (h1) takes the keyboard focus and the page starts at the top. The first load and
  // ordinary reruns (an answer) keep the focus and the scroll where they are.
  if (viewOf(data) !== state.view) {
    state.toTitle = state.view !== undefined && viewOf(data) !== "";
    state.view = viewOf(data);
  }
  apply();
  if (!state.observer) {
    let queued = false;
    state.observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; apply(); });
    });
    state.observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["data-test-script-state"],
    });
  }
}
"""

_marks = st.components.v2.component("accessibility_marks", js=_MARKS_JS)

STREAMLIT_ENGLISH = ", ".join(
    f'[data-testid="stFileUploaderDropzone"] {part}'
    for part in ("button", "input", '[data-testid="stFileUploaderDropzoneInstructions"]')
)
"""Parts of Streamlit's widgets that are English whatever the language (the file uploader's
"Upload", "… per file" and its input's name: upstream #13500): marked ``lang="en"``."""


STREAMLIT_NAMES = {
    "main_menu": "Main menu",
    "app_pages": "App pages",
    "sidebar": "Sidebar",
    "expand_sidebar": "Expand sidebar",
    "collapse_sidebar": "Collapse sidebar",
    "help": "Help",
    "running": "Running...",
    "stop_script": "Stop script",
    "choose_date": "Choose date",
    "clear_value": "Clear value",
    "open": "Open",
    "close": "Close",
    "notifications": "Notifications",
    "link_to_heading": "Link to heading",
}
"""Streamlit's own English accessible names (``aria-label``) → their ``a11y_names`` key: said in
the language shown (Orca read "Main menu", "Expand sidebar" on Japanese pages). "Help for <label>"
follows ``a11y_names.help_for``. The file input's "file upload" stays English, marked so
(``STREAMLIT_ENGLISH``)."""


def page_title(page: str) -> None:
    """Name the browser tab after the page shown, in the language shown ("<page> · <app>"):
    a screen reader announces it on arrival (WCAG 2.4.2). The first paint keeps the bilingual
    name of ``app.py``'s first ``set_page_config``; this call only overrides the title."""
    st.set_page_config(page_title=f"{page} · {t('app.title')}")


def accessibility_marks(
    language: Language, *, view: str = "", key: str | None = "accessibility_marks"
) -> None:
    """Declare ``language`` as the document's language (``<html lang>``), each option of the
    language switch in its own language and Streamlit's own English words as English; give the
    sidebar navigation a list structure. Draws nothing.

    ``view`` names what the page shows (``view_name``): when it differs from the last run's, the
    page's title (h1) gets the keyboard focus (``tabindex=-1``) and the page scrolls to its top,
    once that run is over. The same ``view`` again (an answer, any rerun of the same page) moves
    neither focus nor scroll; an empty one (the quick exit's blank screen) never moves them."""
    _marks(
        key=key,
        data={
            "lang": spec(language).code,
            "view": view,
            "title": '[data-testid="stMain"] h1',
            "main": '[data-testid="stMain"]',
            "app": '[data-testid="stApp"]',
            "names": {spec(code).name: code for code in LANGUAGE_CODES},
            "options": ".st-key-ui_lang label",
            "english": STREAMLIT_ENGLISH,
            "nav": '[data-testid="stSidebarNavItems"]',
            # In ``language``, never the session's: the quick exit's blank screen draws this too,
            # and must not recreate a workbook by asking for the session's language.
            "labels": {
                english: translate(f"a11y_names.{key}", language)
                for key, english in STREAMLIT_NAMES.items()
            },
            "helpFor": translate("a11y_names.help_for", language, name="{name}"),
            "progress": '[data-testid="stProgress"]',
            "charts": '[data-testid="stPlotlyChart"]',
            "chart": translate("a11y_names.chart", language),
        },
        height=0,
    )


# Streamlit's date field puts each part of the date (month, day, year) in its own small target:
# month and day were narrower than WCAG 2.2's 24 x 24 px (2.5.8, axe's target-size). Our own
# constant stylesheet, never user text.
_TARGET_CSS = """<style>
[data-testid="stDateInput"] [role="spinbutton"] {
  display: inline-block; min-width: 24px; min-height: 24px; text-align: center;
}
</style>"""


def _quick_exit() -> None:
    language = workbook().language  # the blank screen speaks the language the user was reading
    rooms.leave_quietly()
    # Everything goes: the workbook, every widget's value, the view state.
    st.session_state.clear()
    st.session_state[EXITED_KEY] = language


TURNS_PATH = "turns"


def view_name(url_path: str) -> str:
    """What the page shows, for moving the focus on a change: the page's address, and on the
    take-turns page its step (a partner's turn, the hand-over, the reveal). While one partner
    answers alone, the page shown is the turns page whatever ``url_path`` says (its hidden
    aliases share its script)."""
    stage = turn_stage() if url_path == TURNS_PATH or private_turn() else None
    return f"{url_path}#{stage or ''}"


def safety_bar(safety_page: st.Page, view: str = "") -> None:
    """The quick exit and the link to the safety page, at the top of the sidebar of every page.
    ``view``: what the page shows (``view_name``), for ``accessibility_marks``."""
    with st.sidebar.container(key="safety_bar"):
        st.html(_SIDEBAR_CSS)
        st.html(ANSWER_CSS)
        st.html(_TARGET_CSS)
        accessibility_marks(lang(), view=view)
        st.button(
            t("exit.button"),
            key="quick_exit",
            help=t("exit.help"),
            type="primary",
            icon="🚪",
            width="stretch",
            on_click=_quick_exit,
        )
        st.page_link(safety_page, label=t("frame.safety_link"), icon="🛟")


# --- Reach (issue 16 item 3): the quick exit first on every page, one tap on a phone ----------


# The top quick exit sits in Streamlit's header bar, fixed: it takes no room from the page (the
# needs page's radar stays where it was) and stays in view, one tap away, however far the page is
# scrolled. It stays first in the main area's order (and so in the keyboard's). Above the header
# (z-index 999990, earlier in the page), below the sidebar (999991): a phone's open sidebar keeps
# its close button. Our own constant stylesheet, never user text.
_TOP_EXIT_CSS = """<style>
.st-key-quick_exit_top {
  position: fixed; top: 0.625rem; right: 3.75rem; width: auto; z-index: 999990;
}
</style>"""


def top_exit() -> None:
    """The quick exit as the first control of the main area on every page, shown fixed in the
    header bar: on a phone the sidebar starts closed, so this is the one tap; on a desktop the
    whole navigation sits above the sidebar's own exit. Same label and action as the sidebar's."""
    # Before the button. On a first load the button can show in the page's flow for a moment
    # before the style applies (measured: settled within 2 s on a loaded 2-core machine).
    st.html(_TOP_EXIT_CSS)
    st.button(
        t("exit.button"),
        key=TOP_EXIT_KEY,
        help=t("exit.help"),
        type="primary",
        icon="🚪",
        on_click=_quick_exit,
    )


def neutral_screen(known_paths: list[str]) -> None:
    """After a quick exit: a blank page with a neutral title, no navigation, no trace of the
    workbook, whatever address the browser asks for (``known_paths``: the app's url paths, so
    that none of them brings up a "page not found" message naming it)."""
    language: Language = st.session_state.get(EXITED_KEY, DEFAULT_LANGUAGE)
    title = translate("exit.blank_title", language)
    st.set_page_config(
        page_title=title, page_icon="📄", layout="centered", initial_sidebar_state="collapsed"
    )
    # A copy kept in the browser goes too: erased on every run of the neutral screen, before
    # anything else is drawn (the browser also erased it on the click itself: ui/keep.py).
    keep.erase_now()
    with st._bottom:  # no key: nothing of it stays in the (cleared) session state
        accessibility_marks(language, key=None)

    def blank() -> None:
        st.caption(translate("exit.blank_note", language))

    home = st.Page(blank, title=title, url_path="new-tab", default=True)
    aliases = [
        st.Page(blank, title=title, url_path=path, visibility="hidden") for path in known_paths
    ]
    current = st.navigation([home, *aliases], position="hidden")
    if current is not home:
        st.switch_page(home)  # the address bar goes back to "/", naming no page of the app
    current.run()


_START_OVER_ASKED = "_start_over_asked"
_START_OVER_DONE = "_start_over_done"


def _ask_start_over() -> None:
    st.session_state[_START_OVER_ASKED] = True


def _cancel_start_over() -> None:
    st.session_state.pop(_START_OVER_ASKED, None)


def _clear_answers() -> None:
    # A fresh workbook in the language being read; view state that belongs to answers goes too.
    st.session_state[WORKBOOK_KEY] = Workbook(language=workbook().language)
    for key in (_START_OVER_ASKED, TURN_KEY):
        st.session_state.pop(key, None)
    keep.forget()  # the copy kept in the browser goes with the answers
    st.session_state[_START_OVER_DONE] = True


def start_over() -> None:
    """Clear every answer, after a confirmation (sidebar). Not offered on a shared screen or
    while one partner answers alone: neither should be able to wipe the couple's answers."""
    if presenting() or private_turn():
        return
    with st.sidebar.expander(t("start_over.heading")):
        if st.session_state.pop(_START_OVER_DONE, False):
            st.success(t("start_over.done"))
        st.caption(t("start_over.explain", page=t("nav.workbook")))
        if not st.session_state.get(_START_OVER_ASKED):
            st.button(t("start_over.button"), key="start_over", on_click=_ask_start_over)
            return
        st.warning(t("start_over.question"))
        st.button(
            t("start_over.confirm"),
            key="start_over_confirm",
            type="primary",
            on_click=_clear_answers,
        )
        st.button(t("start_over.cancel"), key="start_over_cancel", on_click=_cancel_start_over)


def notice(page: str = "") -> None:
    """The not-therapy notice and the privacy line, at the top of every page. ``page`` is the
    current url path: the room pages share positions, so their line says what, with whom and for
    how long instead of the workbook's line."""
    privacy = rooms.privacy_line() if page in rooms.PAGES else t("frame.privacy")
    st.caption(f"{t('frame.notice')}  \n{privacy}")
    sample_banner()


__all__ = [
    "lang",
    "mark_visited",
    "neutral_screen",
    "notice",
    "presentation",
    "progress",
    "safety_bar",
    "sidebar",
    "start_over",
    "step_buttons",
]
