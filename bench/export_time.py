"""Time of each export for a full workbook (every exercise answered), in both languages.

Run from the repository root: ``.venv/bin/python bench/export_time.py [--runs N]``.
Prints the median and the slowest of N runs per format and language, after one warm-up run
(the first PDF of a process also parses the Japanese font once: that cost is printed apart).
Targets on this 2-core machine: PDF under 300 ms, HTML under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emotions.export.csv_tables import csv_zip
from emotions.export.html import to_html
from emotions.export.markdown import to_markdown
from emotions.export.pdf import to_pdf
from emotions.export.summary import build_summary
from emotions.model import Language, Workbook
from emotions.workbook_io import dump_workbook, load_workbook
from tests.couples import full_workbook


def exports(wb: Workbook, lang: Language) -> dict[str, Callable[[], object]]:
    """Each download as the page builds it: from the workbook to the bytes."""
    return {
        "pdf": lambda: to_pdf(build_summary(wb, lang)),
        "html": lambda: to_html(build_summary(wb, lang)).encode(),
        "markdown": lambda: to_markdown(build_summary(wb, lang)).encode(),
        "csv (zip)": lambda: csv_zip(wb, lang),
        "json": lambda: dump_workbook(wb).encode(),
        "json read back": lambda: load_workbook(dump_workbook(wb)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    wb = full_workbook()

    start = time.perf_counter()
    to_pdf(build_summary(wb, "ja"))
    first = (time.perf_counter() - start) * 1000
    print(f"first PDF of the process (font parsed once): {first:.1f} ms\n")

    print(f"{'export':<16}{'lang':<6}{'median ms':>10}{'max ms':>10}{'size KB':>10}")
    for lang in ("en", "ja"):
        for name, build in exports(wb, lang).items():
            result = build()  # warm-up
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                build()
                times.append((time.perf_counter() - start) * 1000)
            size = len(result) / 1024 if isinstance(result, bytes) else float("nan")
            print(
                f"{name:<16}{lang:<6}{statistics.median(times):>10.1f}{max(times):>10.1f}"
                f"{size:>10.1f}"
            )


if __name__ == "__main__":
    main()
