"""Server CPU of one rerun of the files page with 24 workbook files open in "then and now"
(issue 17 item 1), against an empty Streamlit page and against the same page with none open.

    .venv/bin/python bench/history.py [--runs 30] [--lang en|ja]

In-process, through bench/rerun_cost.py's AppTest harness (script thread + serializing the run's
messages; no websocket): the 24 files are one sample couple at 24 monthly dates, each month one
need moved, so the table, both radars and the merged check-in trend are all drawn. One sample is
one rerun; reruns of the empty page and of the page are interleaved so machine noise falls on both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.rerun_cost import AppTestHarness
from emotions import history
from emotions.dimensions import DIMENSION_IDS
from emotions.samples import SAMPLE_IDS, load_sample
from emotions.workbook_io import dump_workbook

START = dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC)


def files(lang: str) -> list[tuple[str, bytes, str]]:
    """24 files of one sample couple, a month apart, one need of A moved each month."""
    base = load_sample(SAMPLE_IDS[0], lang)  # type: ignore[arg-type]
    out = []
    for month in range(history.MAX_FILES):
        wb = base.model_copy(update={"updated": START + dt.timedelta(days=30 * month)}, deep=True)
        dim = DIMENSION_IDS[month % len(DIMENSION_IDS)]
        wb.partners["a"].ratings[dim].need = month % 11
        out.append((f"{month:02d}.json", dump_workbook(wb).encode(), "application/json"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    args = parser.parse_args()
    harness = AppTestHarness(args.lang)
    at = harness.app
    at.switch_page("app_pages/workbook.py")
    at.run()
    for _ in range(5):
        harness.empty_rerun(), harness.app_rerun()
    without = [x for _ in range(args.runs) for x in (harness.empty_rerun(), harness.app_rerun())][
        1::2
    ]
    started = time.perf_counter()
    at.file_uploader(key="history_upload").set_value(files(args.lang))
    at.run()
    opening = (time.perf_counter() - started) * 1000
    if at.exception or len(at.main.table) != 1 or len(at.get("plotly_chart")) < 3:
        raise SystemExit("the 24 files were not opened and drawn")
    for _ in range(5):
        harness.empty_rerun(), harness.app_rerun()
    empty, page = [], []
    for _ in range(args.runs):
        empty.append(harness.empty_rerun())
        page.append(harness.app_rerun())
    e, p, w = (statistics.median(x) for x in (empty, page, without))
    print(f"python {sys.version.split()[0]}, lang {args.lang}, {args.runs} reruns each")
    print(f"opening 24 files and drawing (wall, one run): {opening:.0f} ms")
    print(f"empty page rerun: median {e:.2f} ms")
    print(f"files page, nothing open in then-and-now: median {w:.2f} ms ({w / e:.1f}x empty)")
    print(f"files page, 24 files open, drawn: median {p:.2f} ms ({p / e:.1f}x empty)")


if __name__ == "__main__":
    main()
