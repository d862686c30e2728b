"""How fast can one attacker guess room codes against one server process?

    .venv/bin/python bench/code_guessing.py [--seconds 30] [--threads 4]

A real ``streamlit run app.py`` on loopback (a temporary SQLite rooms database with 10 open rooms),
driven over Streamlit's websocket protocol (bench/stclient.py) by ``--threads`` attacker threads.
Each thread does what a script would to get around the per-session limit: open a fresh session on
the join page, submit ten wrong codes (the limit), drop the session, open another. Counts the
codes the server actually checked (answered "no open room with this code") and the refusals
("too many codes"), the sessions opened, and the server CPU per checked code.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.chdir(ROOT)
sys.path.insert(0, str(ROOT))

from bench.stclient import Server, Session  # noqa: E402
from emotions.i18n import catalog  # noqa: E402
from emotions.rooms import CODE_ALPHABET, CODE_LENGTH, Rooms  # noqa: E402

NOT_FOUND = catalog("en")["rooms.error_not_found"]
LIMITED = catalog("en")["rooms.error_rate_limited"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="c1-guess-")
    url = f"sqlite:///{tmp}/rooms.db"
    store = Rooms(url)
    rooms = {store.create().code for _ in range(10)}
    counts = {"checked": 0, "limited": 0, "sessions": 0, "hits": 0, "errors": 0}
    lock = threading.Lock()
    with Server(env={"WORKBOOK_ROOMS_URL": url}) as server:
        stop = time.monotonic() + args.seconds

        def attacker() -> None:
            while time.monotonic() < stop:
                try:
                    s = Session(server.url, timeout=60)
                    s.rerun(page="join")
                    with lock:
                        counts["sessions"] += 1
                    for _ in range(10):
                        if time.monotonic() >= stop:
                            break
                        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
                        s.set("room_join_code", code)
                        s.click(form="room_join_form")
                        shown = " ".join(s.texts())
                        with lock:
                            if NOT_FOUND in shown:
                                counts["checked"] += 1
                            elif LIMITED in shown:
                                counts["limited"] += 1
                            else:
                                counts["hits"] += code in rooms
                    s.close()
                except Exception as error:
                    with lock:
                        counts["errors"] += 1
                    print("error:", type(error).__name__, error, file=sys.stderr)

        cpu0 = server.cpu_ns()
        start = time.monotonic()
        threads = [threading.Thread(target=attacker) for _ in range(args.threads)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.monotonic() - start
        cpu_s = (server.cpu_ns() - cpu0) / 1e9
    rate = counts["checked"] / wall
    print(f"{args.threads} attacker threads, {wall:.1f} s: {counts}")
    print(
        f"codes checked per second: {rate:.1f}; "
        f"server CPU {cpu_s:.1f} s ({cpu_s / wall:.0%} of one core)"
    )
    if counts["checked"]:
        print(
            f"server CPU per checked code (with its share of session set-up): "
            f"{cpu_s / counts['checked'] * 1e3:.1f} ms"
        )
    space = len(CODE_ALPHABET) ** CODE_LENGTH
    for open_rooms in (1, 10, 100):
        years = space / (open_rooms * rate) / (365 * 24 * 3600)
        print(
            f"  {open_rooms:>3} rooms open all the time: "
            f"expected first hit after {years:,.1f} years"
        )


if __name__ == "__main__":
    main()
