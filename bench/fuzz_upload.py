"""Upload fuzzing at scale (issue 8): the strategies and checks of the suite's upload fuzzing
(``tests/unit/test_fuzz_upload.py``) for ``--cases`` cases on each path a hostile input can take,
instead of the suite's few hundred.

    .venv/bin/python bench/fuzz_upload.py [--cases 10000] [--seed 0] [--path resume|combine|copy]
    .venv/bin/python bench/fuzz_upload.py --replay test-artifacts/fuzz-upload/resume-1.pickle

Paths: ``resume`` (a file to resume from, ``receive_upload(..., resume=True)``), ``combine`` (a
partner file to combine) and ``copy`` (the copy the browser hands back, ``read_stored_copy``).
Each case draws an input (random bytes, a valid file, a valid file with one to four things wrong
with it, a JSON bomb within the size limit, a file just over it, ...) and the session's workbook;
the property: no exception but a rejection, a rejection has a message in English and Japanese and
leaves the session's workbook unchanged, an accepted file gives a workbook that can be saved and
opened again. Every case runs (a failure does not stop the run and is not shrunk); each failure is
printed and saved with its input as a pickle for ``--replay``.

Prints per path: cases run, rejections (by first problem), acceptances (by kind), failures, and
the CPU time the app spends on one case (``receive_upload`` / ``read_stored_copy`` alone, the
thread's CPU clock, so that other processes on a shared machine do not count: median, p99, max)
and the slowest input's size and outcome. The run is reproducible for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import collections
import gc
import os
import pickle
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from emotions import keep as keeping  # noqa: E402
from emotions.workbook_io import WorkbookError, receive_upload  # noqa: E402
from tests.unit.test_fuzz_upload import (  # noqa: E402
    SESSIONS,
    check_copy,
    check_upload,
    stored_copies,
    uploads,
)

OUT = ROOT / "test-artifacts" / "fuzz-upload"
PATHS = ("resume", "combine", "copy")
SHOWN_FAILURES = 10
"""Failures printed and saved per path; the rest are counted."""
SLOWEST = 3
"""The slowest cases of a path are timed again alone, without garbage collection: a collection
of the fuzzer's own large heap can land in any case and make it look slow."""


@dataclass
class Tally:
    path: str
    cases: int = 0
    outcomes: collections.Counter[str] = field(default_factory=collections.Counter)
    times: list[float] = field(default_factory=list)
    slowest: list[tuple[float, int, str, dict[str, Any]]] = field(default_factory=list)
    """The slowest cases: (seconds, number, outcome, case), at most ``SLOWEST`` of them."""
    failures: list[Path] = field(default_factory=list)
    failed: int = 0

    def record(self, outcome: str, seconds: float, case: dict[str, Any]) -> None:
        self.cases += 1
        self.outcomes[outcome] += 1
        self.times.append(seconds)
        self.slowest.append((seconds, self.cases, outcome, case))
        self.slowest = sorted(self.slowest, key=lambda s: -s[0])[:SLOWEST]


def _size(value: object) -> int:
    if isinstance(value, bytes | str):
        return len(value)
    return len(repr(value))


def _outcome_of_upload(data: bytes, session: int, resume: bool) -> tuple[str, float]:
    current = SESSIONS[session]()
    start = time.thread_time()
    received = receive_upload(data, current, resume=resume)
    took = time.thread_time() - start
    if received.error is not None:
        return f"rejected: {received.error.problems[0].code}", took
    return f"accepted: {received.kind}", took


def _outcome_of_copy(stored: object) -> tuple[str, float]:
    start = time.thread_time()
    try:
        keeping.read_stored_copy(stored)
    except WorkbookError as error:
        return f"rejected: {error.problems[0].code}", time.thread_time() - start
    return "accepted: restored", time.thread_time() - start


def _retime(case: dict[str, Any]) -> float:
    """The best of three CPU times of the app's handling of ``case``, without garbage collection."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            if case["path"] == "copy":
                _, took = _outcome_of_copy(case["input"])
            else:
                resume = case["path"] == "resume"
                _, took = _outcome_of_upload(case["input"], case["session"], resume)
            best = min(best, took)
    finally:
        gc.enable()
    return best


def replay(case: dict[str, Any]) -> None:
    """Run one saved case's check again (raises what the check raises)."""
    if case["path"] == "copy":
        check_copy(case["input"])
    else:
        current = SESSIONS[case["session"]]()
        check_upload(case["input"], current, resume=case["path"] == "resume")


def _save_failure(tally: Tally, case: dict[str, Any], error: BaseException) -> None:
    tally.failed += 1
    if len(tally.failures) >= SHOWN_FAILURES:  # counted, not printed or saved again
        return
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{tally.path}-{len(tally.failures) + 1}.pickle"
    path.write_bytes(pickle.dumps(case))
    tally.failures.append(path)
    shown = repr(case["input"])
    print(f"\nFAILURE {tally.path} #{len(tally.failures)}: {type(error).__name__}: {error}")
    print(f"  input ({_size(case['input'])} long): {shown[:300]}{'…' if len(shown) > 300 else ''}")
    if case["path"] != "copy":
        print(f"  session: SESSIONS[{case['session']}]")
    print("".join(traceback.format_exception(error)[-3:]).rstrip())
    print(f"  reproduce: .venv/bin/python bench/fuzz_upload.py --replay {path.relative_to(ROOT)}")


def run_path(path: str, cases: int, seed_value: int) -> Tally:
    tally = Tally(path)
    config = settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate],  # every case runs; a failure is recorded, not shrunk
        suppress_health_check=list(HealthCheck),
    )

    def one(case: dict[str, Any], measure: Callable[[], tuple[str, float]]) -> None:
        try:
            outcome, took = measure()
            replay(case)
        except Exception as error:  # anything but a rejection is a failure of the app
            tally.cases += 1
            tally.outcomes["FAILED"] += 1
            _save_failure(tally, case, error)
            return
        tally.record(outcome, took, case)

    if path == "copy":

        @seed(seed_value)
        @config
        @given(stored_copies)
        def fuzz_copy(stored: object) -> None:
            case = {"path": path, "input": stored}
            one(case, lambda: _outcome_of_copy(stored))

        fuzz_copy()
    else:

        @seed(seed_value)
        @config
        @given(uploads, st.integers(0, len(SESSIONS) - 1))
        def fuzz_upload(data: bytes, session: int) -> None:
            case = {"path": path, "input": data, "session": session}
            one(case, lambda: _outcome_of_upload(data, session, path == "resume"))

        fuzz_upload()
    return tally


def report(tally: Tally, wall: float) -> None:
    times = sorted(tally.times)
    rejected = sum(n for k, n in tally.outcomes.items() if k.startswith("rejected"))
    accepted = sum(n for k, n in tally.outcomes.items() if k.startswith("accepted"))
    print(f"\n== {tally.path}: {tally.cases} cases in {wall:.1f} s")
    print(f"   rejected {rejected}, accepted {accepted}, failures {tally.failed}")
    for outcome, n in sorted(tally.outcomes.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"     {n:>6}  {outcome}")
    if times:
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        median = statistics.median(times) * 1e3
        print(
            f"   time per case (the app's handling): median {median:.2f} ms,"
            f" p99 {p99 * 1e3:.2f} ms, max {times[-1] * 1e3:.1f} ms"
        )
    for seconds, number, outcome, case in tally.slowest:
        again = _retime(case)
        print(
            f"   slow case #{number}: {seconds * 1e3:.1f} ms in the run, {again * 1e3:.2f} ms alone"
            f" ({_size(case['input']):,} long, {outcome})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases per path")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--path", choices=PATHS, action="append", help="default: all three")
    parser.add_argument("--replay", type=Path, help="run one saved failing case again")
    args = parser.parse_args()
    if args.replay:
        case = pickle.loads(args.replay.read_bytes())  # a file this script wrote
        replay(case)
        print("passes now")
        return 0
    print(
        f"fuzz_upload: --cases {args.cases} --seed {args.seed}; Python {platform.python_version()},"
        f" {platform.machine()}, {len(os.sched_getaffinity(0))} CPUs"
    )
    failed = 0
    for path in args.path or PATHS:
        start = time.perf_counter()
        tally = run_path(path, args.cases, args.seed)
        report(tally, time.perf_counter() - start)
        failed += tally.failed
    print(f"\n{'FAILURES: ' + str(failed) if failed else 'no failures'}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
