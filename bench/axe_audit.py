"""axe-core on every page of the app, in English, Japanese and Japanese at 390 x 844, with an empty
workbook and with a sample couple: what ``docs/accessibility.md`` reports.

    .venv/bin/python bench/axe_audit.py                 # a table per rule, and the time taken
    .venv/bin/python bench/axe_audit.py --json out.json # every node too

One streamlit server, one Chromium page, one session walked through every page by the sidebar's
links (``tests/browser/axe.py``); axe-core comes from the ``axe-playwright-python`` package,
nothing is fetched from outside (the browser's requests are checked and printed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.browser.axe import VARIANTS, run_axe, walk
from tests.browser.kit import CHROMIUM, CHROMIUM_ARGS, NetworkLog, open_app, start_server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write every violation (with its nodes) here")
    args = parser.parse_args()

    server = start_server()
    requests: list[str] = []
    # rule -> variant -> {page: nodes}
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    details: list[dict[str, object]] = []
    pages_seen: set[tuple[str, str]] = set()
    started = time.monotonic()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
            context.on("request", lambda r: requests.append(r.url))
            page = context.new_page()
            page.on("websocket", lambda ws: requests.append(ws.url))
            open_app(page, server.url)
            loaded = time.monotonic()
            axe_seconds = 0.0
            for variant, path in walk(page, VARIANTS):
                t0 = time.monotonic()
                found = run_axe(page)
                axe_seconds += time.monotonic() - t0
                pages_seen.add((variant.name, path))
                for v in found:
                    table[v.rule][variant.name][path] = len(v.nodes)
                    details.append(
                        {
                            "variant": variant.name,
                            "page": path,
                            "rule": v.rule,
                            "impact": v.impact,
                            "help": v.help,
                            "nodes": [list(n) for n in v.nodes],
                        }
                    )
            browser.close()
    finally:
        server.stop()
    ended = time.monotonic()

    outside = NetworkLog(requests).outside()
    pages = sorted({path for _, path in pages_seen})
    print(f"pages: {len(pages)}, variants: {len(VARIANTS)}, audits: {len(pages_seen)}")
    print(
        f"time: {ended - started:.1f} s in all (first load {loaded - started:.1f} s, "
        f"axe.run {axe_seconds:.1f} s)"
    )
    print(f"requests off this machine: {len(outside)} {outside[:3]}")
    print()
    header = "| rule | " + " | ".join(v.name for v in VARIANTS) + " | pages |"
    if not table:
        print("no violations")
    print(header)
    print("|---|" + "---:|" * len(VARIANTS) + "---|")
    for rule in sorted(table):
        cells = []
        for v in VARIANTS:
            per_page = table[rule].get(v.name, {})
            cells.append(f"{sum(per_page.values())} ({len(per_page)})" if per_page else "0")
        where = sorted({p for per in table[rule].values() for p in per})
        shown = "all" if len(where) == len(pages) else ", ".join(where)
        print(f"| {rule} | " + " | ".join(cells) + f" | {shown} |")
    if args.json:
        args.json.write_text(json.dumps(details, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
