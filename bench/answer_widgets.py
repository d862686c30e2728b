"""What each candidate design of an answer widget costs per answer (issue 13: unanswered is not
an answer), against an empty Streamlit page.

    .venv/bin/python bench/answer_widgets.py [--runs 30] [--only seg] [--markdown]
    .venv/bin/python bench/answer_widgets.py --browser [--out /tmp/widgets]

Each design is a small standalone Streamlit script (generated into a temporary directory): eight
questions (the app's eight dimensions, labels in plain text from the app's catalog) drawn one way
inside an ``st.fragment``, each bound to a plain dict of answers in session state the way
``ui.widgets.bound`` binds the needs sliders (the model gives the widget its value, ``on_change``
writes it back), placed like the needs page's sliders (directly in the left of two columns, wide
layout), with one line that lists the answers in the right column. Designs: (a) today's
``st.slider``; (b) the slider and a "not answered" checkbox; (c) ``st.segmented_control`` with
eleven options 0-10 (as drawn by default, ``width="stretch"``, and "fit": stretched with a small CSS
rule so the eleven segments share one row on a phone) and ``st.pills``; (d) ``st.select_slider``
with a leading "not answered" stop; (e) a horizontal ``st.radio`` with ``index=None``.
The scripts are served by a real ``streamlit run`` from the repository root (its
``.streamlit/config.toml``) and driven over the websocket like ``bench/rerun_cost.py`` does
(``bench/stclient.py``, lean requests, servers pinned to one CPU and this client to the other).
Actions, each timed as the server's CPU from the request to the end of the run, each after a rerun
of ``bench/empty_app.py``:

- **answer**: question ``k % 8`` is given a new value (from "not answered" when the design can
  take an answer back, else from its last value); for design (b) a slider move, or for a 5 the
  "not answered" box unticked (the slider already stands at 5);
- **clear**: the same question taken back to "not answered" (designs that can represent it).

Every action must rerun the fragment only and the answers line must show the new state.
``--browser`` serves each design in headless Debian Chromium (Playwright, never
``playwright install``) in English and Japanese, saves screenshots at 1366x900 and 390x844, records
each option's rendered size at 390 px, and tries the keyboard: how many key presses from the first
Tab stop of a question until it holds a real 5 (and how many reruns the browser asked for on the
way), whether the keyboard can take it back, and what one tap, then a second, on the 5 does.
Figures and the recommendation: docs/answer-widget.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
os.chdir(ROOT)  # Streamlit reads .streamlit/config.toml from the working directory
sys.path.insert(0, str(ROOT))

import streamlit  # noqa: E402

from bench.stclient import Server, Session  # noqa: E402
from emotions.dimensions import DIMENSION_IDS  # noqa: E402

EMPTY_APP = ROOT / "bench" / "empty_app.py"
SCALE = tuple(range(11))
LEADING_NONE = (None, *SCALE)  # select_slider: "not answered" first

# --- The designs: one script each -------------------------------------------------------------

COMMON = """\
import streamlit as st

from emotions import i18n
from emotions.dimensions import DIMENSION_IDS

LANG = "ja" if st.query_params.get("lang") == "ja" else "en"
NOT_ANSWERED = {"en": "Not answered", "ja": "未回答"}[LANG]
NAMES = {d: i18n.t(f"dim.{d}.name", LANG) for d in DIMENSION_IDS}
answers = st.session_state.setdefault("answers", dict.fromkeys(DIMENSION_IDS))


def bind(key, value):
    # ui.widgets.bound: the model gives the widget its value (only when it differs).
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value


def bound_key(d):
    # The widget key of question d, given its answer, and the callback that stores a change.
    key = f"q__{d}"
    bind(key, answers[d])

    def changed():
        answers[d] = st.session_state[key]

    return key, changed


def shown(v):
    return "-" if v is None else str(v)


st.set_page_config(layout="wide")  # as app.py
st.title("{title}", anchor=False)


@st.fragment
def questions():
    # As on the needs page: the questions directly in the left one of two columns (stacked on a
    # phone), what follows them in the right one.
    left, right = st.columns([1, 1], gap="large")
    with left:
        for d in DIMENSION_IDS:
            ask(d)
    with right:
        st.markdown("answers: " + " ".join(shown(answers[d]) for d in DIMENSION_IDS))


"""

DESIGN_ASK = {
    "a-slider": """\
def ask(d):
    # Today's needs slider: always a value (5 stands in for "not answered").
    key = f"q__{d}"
    current = 5 if answers[d] is None else answers[d]
    bind(key, current)

    def changed():
        answers[d] = st.session_state[key]

    st.slider(NAMES[d], 0, 10, value=current, key=key, on_change=changed)
""",
    "b-slider+checkbox": """\
def ask(d):
    # The slider, and a "not answered" checkbox under it (ticked while unanswered).
    key, na_key = f"q__{d}", f"na__{d}"
    current = 5 if answers[d] is None else answers[d]
    bind(key, current)
    bind(na_key, answers[d] is None)

    def moved():
        answers[d] = st.session_state[key]

    def ticked():
        answers[d] = None if st.session_state[na_key] else st.session_state[key]

    st.slider(NAMES[d], 0, 10, value=current, key=key, on_change=moved)
    st.checkbox(NOT_ANSWERED, key=na_key, on_change=ticked)
""",
    "c-segmented": """\
def ask(d):
    # Eleven segments 0-10; none selected = not answered; the selected one clicked again clears.
    key, changed = bound_key(d)
    st.segmented_control(
        NAMES[d], range(11), selection_mode="single", default=answers[d], key=key,
        on_change=changed,
    )
""",
    "c-segmented-stretch": """\
def ask(d):
    # As c-segmented, stretched to the column's width: eleven equal segments on one row.
    key, changed = bound_key(d)
    st.segmented_control(
        NAMES[d], range(11), selection_mode="single", default=answers[d], key=key,
        on_change=changed, width="stretch",
    )
""",
    "c-segmented-fit": """\
# Drawn by the whole run, not by the fragment: eleven equal segments that share the column's width
# (no padding, no minimum), so all eleven fit on one row of a phone (32 px each at 390 px).
st.html(
    "<style>[class*='st-key-q__'] button[data-variant='segmented_control']"
    "{padding-left:0;padding-right:0;min-width:0;flex:1 1 0}</style>"
)


def ask(d):
    key, changed = bound_key(d)
    st.segmented_control(
        NAMES[d], range(11), selection_mode="single", default=answers[d], key=key,
        on_change=changed, width="stretch",
    )
""",
    "c-pills": """\
def ask(d):
    # Eleven pills 0-10; none selected = not answered; the selected one clicked again clears.
    key, changed = bound_key(d)
    st.pills(
        NAMES[d], range(11), selection_mode="single", default=answers[d], key=key,
        on_change=changed,
    )
""",
    "d-select_slider": """\
OPTIONS = (None, *range(11))


def ask(d):
    # A select slider whose first stop is "not answered".
    key, changed = bound_key(d)
    st.select_slider(
        NAMES[d], OPTIONS, value=answers[d], key=key, on_change=changed,
        format_func=lambda v: NOT_ANSWERED if v is None else str(v),
    )
""",
    "e-radio": """\
def ask(d):
    # Horizontal radio 0-10 with no option selected (index=None) while unanswered.
    key, changed = bound_key(d)
    st.radio(
        NAMES[d], range(11), index=answers[d], key=key, on_change=changed, horizontal=True,
    )
""",
}


@dataclass
class Design:
    name: str
    can_clear: bool  # a user can take an answer back to "not answered"
    none_shown: bool  # "not answered" is a state the widget itself shows
    answer: Callable[[Session, str, int], Any]
    clear: Callable[[Session, str], Any] | None = None
    samples: dict[str, list[float]] = field(default_factory=dict)
    baseline: dict[str, list[float]] = field(default_factory=dict)
    messages: dict[str, int] = field(default_factory=dict)
    deltas: dict[str, int] = field(default_factory=dict)
    script: Path | None = None


DESIGNS = [
    Design("a-slider", False, False, lambda s, k, v: s.set(f"q__{k}", v)),
    Design(
        "b-slider+checkbox",
        True,
        True,
        # The slider stands at 5 while unanswered: a 5 is given by unticking "not answered".
        lambda s, k, v: s.set(f"na__{k}", False) if v == 5 else s.set(f"q__{k}", v),
        lambda s, k: s.set(f"na__{k}", True),
    ),
    *(
        Design(
            name,
            True,
            True,
            lambda s, k, v: s.set(f"q__{k}", v, SCALE),
            # The selected segment clicked again: nothing selected.
            lambda s, k: s.set(f"q__{k}", []),
        )
        for name in ("c-segmented", "c-segmented-stretch", "c-segmented-fit", "c-pills")
    ),
    Design(
        "d-select_slider",
        True,
        True,
        lambda s, k, v: s.set(f"q__{k}", v, LEADING_NONE),
        lambda s, k: s.set(f"q__{k}", None, LEADING_NONE),
    ),
    # A radio starts with nothing selected, but a user cannot unselect it again.
    Design("e-radio", False, True, lambda s, k, v: s.set(f"q__{k}", v, SCALE)),
]


def write_scripts(folder: Path) -> None:
    for d in DESIGNS:
        d.script = folder / f"{d.name.replace('+', '_').replace('-', '_')}.py"
        d.script.write_text(
            COMMON.replace("{title}", d.name) + DESIGN_ASK[d.name] + "\n\nquestions()\n"
        )


# --- Measuring over the websocket ---------------------------------------------------------------


class CountingSession(Session):
    """A Session that also counts the delta messages (elements and blocks) of each run."""

    delta_count = 0

    def _delta(self, path: tuple[int, ...], delta: Any) -> None:
        self.delta_count += 1
        super()._delta(path, delta)


def answers_line(s: Session) -> str:
    return next((t for t in s.texts() if t.startswith("answers: ")), "")


def expect(s: Session, run: Any, what: str, index: int, value: int | None) -> None:
    if run is None or run.errors:
        raise SystemExit(f"{what}: {run.errors if run else 'no run'}")
    if not run.fragment:
        raise SystemExit(f"{what}: the answer reran the whole page, not the fragment")
    shown = answers_line(s).split()[1:]
    want = "-" if value is None else str(value)
    if len(shown) != len(DIMENSION_IDS) or shown[index] != want:
        raise SystemExit(f"{what}: answers line {answers_line(s)!r}, expected {want} at {index}")


def measure(designs: list[Design], runs: int, warmup: int, pin: bool) -> str:
    log = tempfile.NamedTemporaryFile("w+", prefix="answer_widgets_", suffix=".log")  # noqa: SIM115
    cpus = sorted(os.sched_getaffinity(0))
    server_cpus = {cpus[0]} if pin and len(cpus) >= 2 else None
    if server_cpus:
        os.sched_setaffinity(0, set(cpus[1:]))
    placement = f"servers on CPU {cpus[0]}, client on {cpus[1:]}" if server_cpus else "unpinned"
    with Server(EMPTY_APP, log=log, cpus=server_cpus) as empty_server:
        empty = Session(empty_server.url, cpu_clock=empty_server.cpu_ns, lean=True)
        empty.rerun()
        for n, d in enumerate(designs, 1):
            print(f"[{n}/{len(designs)}] {d.name}", file=sys.stderr, flush=True)
            assert d.script is not None
            with Server(d.script, log=log, cpus=server_cpus) as server:
                s = CountingSession(server.url, cpu_clock=server.cpu_ns, lean=True)
                first = s.rerun()
                if first.errors:
                    raise SystemExit(f"{d.name}: {first.errors}")
                actions = ["answer"] + (["clear"] if d.clear else [])
                for a in actions:
                    d.samples[a], d.baseline[a] = [], []
                for k in range(warmup + runs):
                    i = k % len(DIMENSION_IDS)
                    dim = DIMENSION_IDS[i]
                    rnd = k // len(DIMENSION_IDS)
                    if d.clear:  # from "not answered": the middle every other round
                        value = 5 if rnd % 2 == 0 else (k * 3) % 11
                    else:  # a change of value (the slider stands at 5 before any answer)
                        value = 5 if rnd % 2 == 1 else 4
                    steps: list[tuple[str, int | None]] = [("answer", value)]
                    if d.clear:
                        steps.append(("clear", None))
                    for action, want in steps:
                        base = empty.rerun().cpu_ms or 0.0
                        s.delta_count = 0
                        if want is None and d.clear is not None:
                            run = d.clear(s, dim)
                        else:
                            run = d.answer(s, dim, value)
                        expect(s, run, f"{d.name} {action} #{k}", i, want)
                        if k >= warmup:
                            d.baseline[action].append(base)
                            d.samples[action].append(run.cpu_ms or 0.0)
                            d.messages[action] = run.messages
                            d.deltas[action] = s.delta_count
                s.close()
        empty.close()
    log.close()
    return placement


def table(designs: list[Design], markdown: bool) -> str:
    head = (
        "design",
        "action",
        "median ms",
        "p25-p75 ms",
        "empty ms",
        "ratio",
        "msgs",
        "deltas",
        "unanswered shown",
        "user can clear",
    )
    rows = []
    for d in designs:
        for action, xs in d.samples.items():
            q = statistics.quantiles(xs, n=4)
            base, med = statistics.median(d.baseline[action]), statistics.median(xs)
            rows.append(
                (
                    d.name,
                    action,
                    f"{med:.2f}",
                    f"{q[0]:.2f}-{q[2]:.2f}",
                    f"{base:.2f}",
                    f"{med / base:.1f}x",
                    str(d.messages[action]),
                    str(d.deltas[action]),
                    "yes" if d.none_shown else "no",
                    "yes" if d.can_clear else "no",
                )
            )
    if markdown:
        lines = [
            "| " + " | ".join(head) + " |",
            "|" + "|".join(["---"] * 2 + ["---:"] * 6 + ["---"] * 2) + "|",
        ]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(
        "  ".join(x.ljust(w) for x, w in zip(r, widths, strict=True)) for r in [head, *rows]
    )


# --- The browser: screenshots, target sizes, keyboard --------------------------------------------

# What a pointer or a finger hits at 390 px, per design: (container, selector) pairs. A slider's
# thumb is the absolutely placed div around its visually hidden input; its track is what a tap hits.
THUMB = ("q", '[role="group"] div[style*="translate(-50%"]')
TRACK = ("q", '[role="group"] > div')
TARGETS = {
    "a-slider": [THUMB, TRACK],
    "b-slider+checkbox": [THUMB, TRACK, ("na", "label")],
    "c-segmented": [("q", "button")],
    "c-segmented-stretch": [("q", "button")],
    "c-segmented-fit": [("q", "button")],
    "c-pills": [("q", "button")],
    "d-select_slider": [THUMB, TRACK],
    "e-radio": [("q", '[role="radiogroup"] label')],
}


def browser(designs: list[Design], out: Path) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    report: list[dict[str, Any]] = []
    ready = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    with sync_playwright() as pw:
        from tests.browser.kit import CHROMIUM, CHROMIUM_ARGS

        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for d in designs:
            assert d.script is not None
            with Server(d.script) as server:
                for lang in ("en", "ja"):
                    for w, h in ((1366, 900), (390, 844)):
                        page = chromium.new_page(
                            viewport={"width": w, "height": h}, has_touch=w == 390
                        )
                        sent: list[int] = []
                        page.on(
                            "websocket",
                            lambda ws, sent=sent: ws.on(
                                "framesent", lambda f, sent=sent: sent.append(len(f))
                            ),
                        )
                        page.goto(f"{server.url}/?lang={lang}")
                        page.wait_for_selector(ready, timeout=60_000)
                        page.wait_for_selector(".st-key-q__expression", timeout=30_000)
                        time.sleep(0.5)
                        shot = out / f"{d.name}-{lang}-{w}.png"
                        page.screenshot(path=str(shot), full_page=False)
                        if w == 390:
                            page.screenshot(path=str(shot.with_suffix(".full.png")), full_page=True)
                        row: dict[str, Any] = {"design": d.name, "lang": lang, "width": w}
                        if w == 390:
                            row["targets"] = targets(page, d.name)
                            row["aria"] = accessible_names(page)
                        if w == 390 and lang == "en":
                            row["keyboard"] = keyboard(page, d.name, sent)
                        if w == 390 and lang == "ja":  # a fresh session: nothing answered yet
                            row["tap"] = tap(page, d.name)
                        report.append(row)
                        page.close()
        chromium.close()
    return report


def targets(page: Any, design: str) -> list[dict[str, Any]]:
    boxes = []
    for container, sel in TARGETS[design]:
        items = page.locator(f".st-key-{container}__expression").locator(sel)
        for i in range(items.count()):
            el = items.nth(i)
            b = el.bounding_box()
            if b:
                text = el.inner_text().strip().replace("\n", " ")[:20]
                boxes.append(
                    {
                        "what": f"{container} {sel[-24:]}",
                        "text": text,
                        "w": round(b["width"], 1),
                        "h": round(b["height"], 1),
                        "x": round(b["x"], 1),
                        "y": round(b["y"], 1),
                    }
                )
    return boxes


def tap(page: Any, design: str) -> dict[str, Any]:
    """One tap (touch) where the middle is, on the first question; then a second tap there."""
    q = page.locator(".st-key-q__expression")
    if design.startswith("c-") or design == "e-radio":
        sel = "button" if design.startswith("c-") else '[role="radiogroup"] label'
        b = q.locator(sel).nth(5).bounding_box()
        x, y = b["x"] + b["width"] / 2, b["y"] + b["height"] / 2
    elif design == "b-slider+checkbox":
        b = page.locator(".st-key-na__expression label").bounding_box()
        x, y = b["x"] + 10, b["y"] + b["height"] / 2
    else:
        # A plain slider stands at 5 (the middle) already: tap on its thumb. A select slider
        # stands at its first stop; its last stop is as far from the rail's right end.
        thumb = q.locator(THUMB[1]).bounding_box()
        rail = q.locator(TRACK[1]).bounding_box()
        x, y = thumb["x"] + thumb["width"] / 2, thumb["y"] + thumb["height"] / 2
        if design == "d-select_slider":
            last = rail["x"] + rail["width"] - (x - rail["x"])
            x += (last - x) * 6 / 11  # "5" is the 7th of 12 stops
    out = {}
    for n in ("first", "second"):
        page.touchscreen.tap(x, y)
        time.sleep(0.6)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        out[f"{n} tap"] = answers_text(page).split()[1]
    return out


def accessible_names(page: Any) -> str:
    """The first question as the accessibility tree has it (roles and names)."""
    return str(page.locator(".st-key-q__expression").aria_snapshot())


def answers_text(page: Any) -> str:
    return str(page.locator("text=/^answers: /").first.inner_text())


FOCUSED = """() => { const e = document.activeElement; if (!e) return '';
  const name = e.getAttribute('aria-label') || (e.innerText || '').trim().slice(0, 12);
  const v = e.getAttribute('aria-valuetext') || e.getAttribute('aria-checked')
    || e.getAttribute('aria-pressed') || '';
  return `${e.getAttribute('role') || e.tagName.toLowerCase()} "${name}" ${v}`.trim(); }"""


def keyboard(page: Any, design: str, sent: list[int]) -> dict[str, Any]:
    """From the title, Tab into the first question; then the fewest key presses that leave it
    holding a real 5 (arrows, then Space), how many reruns the browser asked for on the way, and
    whether the keyboard takes the answer back."""
    page.locator("h1").first.click()
    trail: list[str] = []

    def press(key: str) -> str:
        page.keyboard.press(key)
        time.sleep(0.5)
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        got = answers_text(page).split()[1]
        trail.append(f"{key} -> {page.evaluate(FOCUSED)} | answer {got}")
        return got

    sent.clear()
    got = press("Tab")
    if design == "b-slider+checkbox":
        press("Tab")  # to the checkbox
    if design in ("a-slider", "b-slider+checkbox"):
        got = press("ArrowRight") if design == "a-slider" else press("Space")
        if design == "a-slider":
            got = press("ArrowLeft")  # away and back
    else:
        for _ in range(12):
            if got == "5" or page.evaluate(FOCUSED).split('"')[1:2] == ["5"]:
                break
            got = press("ArrowRight")
        if got != "5":
            got = press("Space")
    result: dict[str, Any] = {
        "value": got,
        "presses_after_first_tab": len(trail) - 1,
        "messages_sent": len(sent),
    }
    # Taking it back with the keyboard: Space on the chosen option / the checkbox, or Home on a
    # select slider (its first stop is "not answered").
    back = "Home" if design in ("a-slider", "d-select_slider") else "Space"
    result["take_back"] = f"{back} -> {press(back)}"
    result["trail"] = trail
    return result


# --- Main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=30, help="timed answers per design (default 30)"
    )
    parser.add_argument("--warmup", type=int, default=8, help="untimed answers per design first")
    parser.add_argument("--only", help="only the designs whose name contains this text")
    parser.add_argument("--no-pin", action="store_true", help="do not pin CPUs")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--browser", action="store_true", help="screenshots, sizes, keyboard")
    parser.add_argument("--out", type=Path, default=Path("/tmp/widgets"), help="--browser: where")
    parser.add_argument("--keep", type=Path, help="write the design scripts here, and keep them")
    args = parser.parse_args()
    if args.runs < 4:
        parser.error("--runs must be at least 4")
    designs = [d for d in DESIGNS if not args.only or args.only in d.name]
    with contextlib.ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        folder.mkdir(parents=True, exist_ok=True)
        write_scripts(folder)
        if args.browser:
            report = browser(designs, args.out)
            (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
            print(json.dumps(report, ensure_ascii=False, indent=1))
            return
        started = time.perf_counter()
        placement = measure(designs, args.runs, args.warmup, not args.no_pin)
    print(
        f"Server CPU per answer, median of {args.runs} per action, each after an empty-page rerun\n"
        f"{dt.date.today()}  {os.cpu_count()} cores  Python {platform.python_version()}  "
        f"streamlit {streamlit.__version__}  {placement}  "
        f"took {time.perf_counter() - started:.0f} s\n"
    )
    print(table(designs, args.markdown))
    print(
        "\nratio = median / empty-page median; msgs = messages for one answer; deltas = of them,"
        " elements and blocks sent again. Every answer reran the fragment only."
    )


if __name__ == "__main__":
    main()
