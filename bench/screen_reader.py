"""A screen-reader spot check: Orca reads the app in Chromium under Xvfb, driven by the keyboard.

    apt-get install orca xvfb xdotool at-spi2-core dbus-x11 speech-dispatcher python3-pyatspi
    .venv/bin/python bench/screen_reader.py --out /tmp/sr-run     # about 4 minutes

What ``docs/screen-reader.md`` reports. Everything runs in a private directory (``--out``): its own
X display (Xvfb), D-Bus session, AT-SPI bus, speech-dispatcher and Orca settings, and a fresh
Chromium profile. Nothing is played aloud: speech-dispatcher's only output module is a
``sd_generic`` one that appends each utterance, with the language it was asked to speak it in, to
``speech.txt``. Orca's debug log (``orca-debug.txt``) shows what Orca generated and the language it
found for each piece of text. ``transcript.md`` puts both together, step by step.

Keys are sent with xdotool, as a person would press them (Tab, arrows, Space, Enter, Orca's
browse-mode keys ``1`` and ``h``, and Orca+A, here Insert+A, to switch browse/focus mode). After
each key the script waits until Orca has been quiet for a moment: Chromium's accessibility events
reach Orca late, and a fixed pause lets speech slip into the next step.

The walk is fixed (a count of Tab presses): if the app's sidebar or the needs page gains or loses
a control, the later steps land elsewhere; the transcript shows where they landed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*?)' ?(?:voice=\w+)?\{'established", re.S)
MODE = re.compile(r"_inFocusMode: (True|False)")
LANGUAGE = re.compile(r"SPEECH GENERATOR: default voice requested with language='([^']*)'")


@dataclass
class Step:
    """What the step is for, and the keys pressed (``type:...`` types text)."""

    what: str
    keys: tuple[str, ...]


# English, empty workbook, a fresh session. The counts follow the sidebar as drawn on 2026-12-02:
# skip link, 16 section links, 5 tool links, quick exit, safety link, language, sample couples,
# names, keep a copy, presentation mode (its help button), start over.
TAB = "Tab"
BACK = "shift+Tab"
ORCA_A = "Insert+a"  # Orca's browse/focus mode toggle (Orca key = Insert, desktop layout)
BROWSE, FOCUS = "=browse", "=focus"  # not keys: press Orca+A only if Orca is in the other mode
STEPS: tuple[Step, ...] = (
    Step("load the app (what Orca says on arrival: the document's title)", ()),
    Step("Tab: skip link, first two section links", (TAB, TAB, TAB)),
    Step("Enter on '2. Your needs profile' (a page change inside the app)", ("Return",)),
    Step("Orca key 1: the page's h1", (BROWSE, "1")),
    Step(
        "Tab to the first needs question (partner choice, question set, question)", (TAB, TAB, TAB)
    ),
    Step(
        "focus mode, Right x3 (moves, does not choose), Space (chooses 3)",
        (FOCUS, "Right", "Right", "Right", "space"),
    ),
    Step("Tab out and Shift+Tab back: the question's name once answered", (TAB, BACK)),
    Step("browse mode, h: the chart's heading", (BROWSE, "h")),
    Step("Down x20: the radar chart, its caption and its table switch", ("Down",) * 20),
    Step(
        "Orca key 1, then Shift+Tab x8: up the sidebar to the language switch",
        (BROWSE, "1") + (BACK,) * 8,
    ),
    Step("focus mode, Right: choose 日本語", (FOCUS, "Right")),
    Step("Shift+Tab, Tab: is focus still on the switch after the rerun?", (BACK, TAB)),
    Step("browse mode, 1: the h1 in Japanese", (BROWSE, "1")),
    Step("h, Down x14: the chart in Japanese", (BROWSE, "h") + ("Down",) * 14),
    Step(
        "1, Shift+Tab x10: up the sidebar past the safety link to the quick exit",
        (BROWSE, "1") + (BACK,) * 10,
    ),
    Step("Tab, Enter: follow the safety link", (TAB, "Return")),
    Step("1, Down x4: the safety page", (BROWSE, "1", "Down", "Down", "Down", "Down")),
    Step(
        "1, Shift+Tab x10 to the quick exit, Enter",
        (BROWSE, "1") + (BACK,) * 10 + ("Return",),
    ),
    Step("Tab x2 on the blank screen", (TAB, TAB)),
)


def _spawn(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cmd, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def _speechd_config(home: Path, out: Path) -> None:
    conf = home / ".config" / "speech-dispatcher"
    (conf / "modules").mkdir(parents=True, exist_ok=True)
    (out / "speechd-log").mkdir(parents=True, exist_ok=True)
    (conf / "speechd.conf").write_text(
        f'LogLevel 3\nLogDir "{out}/speechd-log"\nAudioOutputMethod "libao"\n'
        'DefaultModule logger\nDefaultLanguage "en"\n'
        'AddModule "logger" "sd_generic" "logger.conf"\n'
    )
    (conf / "modules" / "logger.conf").write_text(
        f"GenericExecuteSynth \"echo 'lang=$LANGUAGE | $DATA' >> {out}/speech.txt\"\n"
        'GenericCmdDependency "echo"\n'
        'GenericLanguage "en" "en" "utf-8"\nGenericLanguage "ja" "ja" "utf-8"\n'
        'AddVoice "en" "MALE1" "en"\nAddVoice "ja" "MALE1" "ja"\n'
    )


def _children(parents: list[int]) -> list[int]:
    """The ids of the processes whose parent is one of ``parents`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) in parents:
            found.append(int(stat.parent.name))
    return found


def _quiet(path: Path, settle: float = 2.0, limit: float = 25.0) -> None:
    """Wait until ``path`` has not grown for ``settle`` seconds (at most ``limit``)."""
    started = time.monotonic()
    size, since = -1, time.monotonic()
    while time.monotonic() - started < limit:
        now = path.stat().st_size if path.exists() else 0
        if now != size:
            size, since = now, time.monotonic()
        elif time.monotonic() - since >= settle:
            return
        time.sleep(0.2)


def _press(key: str, env: dict[str, str], debug: Path) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=env, check=True)
    time.sleep(0.5)
    _quiet(debug, settle=2.0)


def _heard(debug: Path, start: int) -> tuple[list[str], set[str], int]:
    """Orca's utterances after byte ``start`` of its log, the languages it found, the new end."""
    data = debug.read_bytes()
    text = data[start:].decode("utf-8", "replace")
    said = [m.group(1) for m in SPEECH.finditer(text)]
    langs = {m.group(1) or "(none)" for m in LANGUAGE.finditer(text)}
    return said, langs, len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/screen-reader"))
    parser.add_argument(
        "--port", type=int, default=8590, help="an app already running here is used"
    )
    parser.add_argument("--display", default=":42")
    args = parser.parse_args()
    for tool in ("orca", "Xvfb", "xdotool", "dbus-launch", CHROMIUM):
        if not shutil.which(tool):
            print(f"missing: {tool}", file=sys.stderr)
            return 2
    out: Path = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    home, runtime = out / "home", out / "runtime"
    home.mkdir(parents=True)
    runtime.mkdir(mode=0o700)
    _speechd_config(home, out)
    env = dict(
        os.environ,
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_CONFIG_HOME=str(home / ".config"),
        DISPLAY=args.display,
        ACCESSIBILITY_ENABLED="1",
        LANG="C.UTF-8",
    )
    procs: list[subprocess.Popen[bytes]] = []
    try:
        url = f"http://localhost:{args.port}/"
        try:
            import urllib.request

            urllib.request.urlopen(url, timeout=3)
        except OSError:
            procs.append(
                _spawn(
                    [
                        sys.executable,
                        "-m",
                        "streamlit",
                        "run",
                        "app.py",
                        "--server.port",
                        str(args.port),
                        "--server.headless",
                        "true",
                    ],
                    dict(os.environ),
                    out / "streamlit.log",
                )
            )
            time.sleep(8)
        procs.append(
            _spawn(
                ["Xvfb", args.display, "-screen", "0", "1280x1000x24", "-nolisten", "tcp"],
                env,
                out / "xvfb.log",
            )
        )
        time.sleep(2)
        bus = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True
        ).stdout
        for name, value in re.findall(
            r"(DBUS_SESSION_BUS_ADDRESS|DBUS_SESSION_BUS_PID)='?([^';\n]+)", bus
        ):
            env[name] = value
        debug = out / "orca-debug.txt"
        procs.append(
            _spawn(
                ["orca", "--replace", "-u", str(out / "orca-prefs"), f"--debug-file={debug}"],
                env,
                out / "orca.log",
            )
        )
        time.sleep(6)
        procs.append(
            _spawn(
                [
                    CHROMIUM,
                    f"--user-data-dir={out / 'chromium-profile'}",
                    "--force-renderer-accessibility",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-gpu",
                    "--no-sandbox",
                    "--window-position=0,0",
                    "--window-size=1280,1000",
                    "--lang=en-GB",
                    "--disable-features=Translate",
                    url,
                ],
                env,
                out / "chromium.log",
            )
        )
        subprocess.run(["xdotool", "mousemove", "700", "600"], env=env, check=False)
        time.sleep(10)
        _quiet(debug, settle=3.0, limit=40)
        position = 0
        lines = [f"# Orca transcript ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})", ""]
        for number, step in enumerate(STEPS, 1):
            for key in step.keys:
                if key in (BROWSE, FOCUS):
                    # A lone Shift makes Orca log its mode (and say "shift"), then toggle if needed.
                    # Twice: Orca may switch mode by itself after the first (a late focus event).
                    _press("shift", env, debug)
                    _press("shift", env, debug)
                    modes = MODE.findall(debug.read_text(errors="replace"))
                    if modes and (modes[-1] == "True") != (key == FOCUS):
                        _press(ORCA_A, env, debug)
                    continue
                _press(key, env, debug)
            _quiet(debug, settle=3.0)
            said, langs, position = _heard(debug, position)
            keys = " ".join(step.keys).replace("=", "(ensure) ") or "(none)"
            lines += [
                f"## {number}. {step.what}",
                f"keys: `{keys}`; languages Orca found: {sorted(langs)}",
                "",
            ]
            lines += [f"    {s}" for s in said] + [""]
            print(f"{number}. {step.what}: {len(said)} utterances", flush=True)
        spoken = out / "speech.txt"
        speech = spoken.read_text(errors="replace") if spoken.exists() else ""
        spoken_langs = sorted(set(re.findall(r"^lang=(\S*)", speech, re.M)))
        lines += [
            "## what speech-dispatcher was asked to speak",
            "",
            f"languages: {spoken_langs}; utterances: {speech.count(chr(10))}",
            "",
        ]
        (out / "transcript.md").write_text("\n".join(lines) + "\n")
        print(f"transcript: {out / 'transcript.md'}")
    finally:
        for proc in reversed(procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        # The bus started the AT-SPI bus and speech-dispatcher: end exactly those, by their ids.
        ours = [int(env["DBUS_SESSION_BUS_PID"])] if "DBUS_SESSION_BUS_PID" in env else []
        for pid_file in runtime.glob("speech-dispatcher/pid/*.pid"):
            ours.append(int(pid_file.read_text().split()[0]))
        ours += _children(ours[:1])
        for pid in reversed(ours):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
    return 0


if __name__ == "__main__":
    sys.exit(main())
