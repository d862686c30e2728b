"""Server memory per idle (disconnected) session: what a longer disconnectedSessionTTL costs.

Starts a real ``streamlit run app.py`` on loopback, opens N browser sessions (Playwright contexts
with Debian's Chromium), each loading a sample couple through the sidebar and drawing the needs
page (the heaviest page: sliders, radar), then closes them: the server keeps each disconnected
session for ``server.disconnectedSessionTTL``. The server's resident memory (VmRSS) is read
after a warm-up session and again after the N sessions are closed; the difference over N is the
cost of one idle session. ``--ttl 0`` runs the same with sessions dropped at once, for comparison.

usage: .venv/bin/python bench/idle_memory.py [--sessions N (<= 30)] [--ttl SECONDS]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from tests.browser.kit import CHROMIUM, CHROMIUM_ARGS, start_server, wait_idle  # noqa: E402

MAX_SESSIONS = 30
NEEDS = "what-it-means"


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def settled_rss(pid: int, seconds: float = 4.0) -> float:
    """RSS once the server has had time to finish closing sessions (median of a few reads)."""
    time.sleep(seconds)
    reads = []
    for _ in range(5):
        reads.append(rss_mb(pid))
        time.sleep(0.3)
    return statistics.median(reads)


def one_session(browser: Browser, url: str) -> None:
    """Open the app, load a sample couple, draw the needs page, then disconnect."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
    wait_idle(page)
    expander = page.locator('[data-testid="stSidebar"] [data-testid="stExpander"]').filter(
        has=page.locator(".st-key-sample_pick")
    )
    expander.locator("summary").click()
    page.locator(".st-key-sample_load button").first.click()
    wait_idle(page, settle_ms=300)
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{NEEDS}"]').click()
    page.wait_for_selector(".st-key-needs_radar .js-plotly-plot", timeout=60_000)
    wait_idle(page)
    context.close()  # the websocket closes: the server keeps the session, disconnected


def measure(sessions: int, ttl: int) -> dict[str, float]:
    server = start_server(args=["--server.disconnectedSessionTTL", str(ttl)])
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for _ in range(2):  # warm-up: imports, caches, fonts, the first sample load
                    one_session(browser, server.url)
                before = settled_rss(server.process.pid)
                for _ in range(sessions):
                    one_session(browser, server.url)
                after = settled_rss(server.process.pid)
            finally:
                browser.close()
    finally:
        server.stop()
    return {"before": before, "after": after, "per_session": (after - before) / sessions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--ttl", type=int, default=1800)
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    result = measure(sessions, args.ttl)
    print(
        f"ttl={args.ttl}s sessions={sessions} rss_before={result['before']:.1f} MB "
        f"rss_after={result['after']:.1f} MB per_idle_session={result['per_session']:.2f} MB"
    )


if __name__ == "__main__":
    main()
