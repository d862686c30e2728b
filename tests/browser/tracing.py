"""Watching a server with ``strace -f``: the addresses it sends to and the files it writes.

``traced(directory)`` gives the command prefix for ``kit.start_server(prefix=...)``; strace then
writes one log per process and thread (``-ff``: no call is split over two lines) into
``directory``. ``Trace`` reads them back:

- ``outbound()``: connect/sendto/sendmsg/sendmmsg naming an address off this machine;
- ``writes()``: every call that creates, changes or removes something in the file system (an
  ``open`` for writing, creating or truncating; rename, link, unlink, mkdir, truncate, ...),
  with its path made absolute (``-y`` names the directory of a descriptor).

Only calls that succeeded count: a failed ``open(..., O_CREAT)`` wrote nothing.
"""

from __future__ import annotations

import ipaddress
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

STRACE = shutil.which("strace")
needs_strace = pytest.mark.skipif(
    STRACE is None, reason="strace is missing: apt-get install strace (make system-deps)"
)

NETWORK_CALLS = ("connect", "sendto", "sendmsg", "sendmmsg")
# Every system call of x86-64 and arm64 Linux by which a process changes the file system:
# content (open for writing, creat, truncate) and names (rename, link, unlink, mkdir, mknod).
FILE_CALLS = (
    "open",
    "openat",
    "openat2",
    "creat",
    "truncate",
    "ftruncate",
    "fallocate",
    "rename",
    "renameat",
    "renameat2",
    "link",
    "linkat",
    "symlink",
    "symlinkat",
    "unlink",
    "unlinkat",
    "rmdir",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
)
_OPENS = frozenset({"open", "openat", "openat2"})
_WRITING_FLAGS = re.compile(r"\bO_(?:WRONLY|RDWR|CREAT|TRUNC|APPEND|TMPFILE)\b")

_LINE = re.compile(r"^(?P<call>[a-z0-9_]+)\((?P<args>.*)\)\s+=\s+(?P<result>.*)$")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_FD_PATH = re.compile(r"^-?\d+<(?P<path>[^>]*)>$")
_ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"')


def traced(directory: Path, *, files: bool = True) -> list[str]:
    """The strace prefix: network calls, and (``files``) every call that writes a file.

    ``--seccomp-bpf`` stops the process only at the traced calls, which keeps the cost small.
    """
    directory.mkdir(parents=True, exist_ok=True)
    calls = [*NETWORK_CALLS, *(FILE_CALLS if files else ())]
    return [
        STRACE or "strace",
        "--seccomp-bpf",
        "-f",
        "-ff",  # one file per thread: a call is never split into "unfinished" and "resumed"
        "-qq",
        "-y",  # descriptors with their paths: openat(5</some/dir>, "name", ...)
        "-s",
        "128",
        "-e",
        "trace=" + ",".join(calls),
        "-o",
        str(directory / "trace"),
    ]


_NETWORK_CALL = re.compile(r"\b(?:connect|sendto|sendmsg|sendmmsg)\(")


def outbound_lines(lines: Iterable[str]) -> list[str]:
    """The lines of an strace log (any format: with or without pids) with a network call that
    names an address off this machine."""
    found = []
    for line in lines:
        if not _NETWORK_CALL.search(line):
            continue
        for address in _ADDRESS.finditer(line):
            if not _is_local(address.group(1) or address.group(2)):
                found.append(line.strip()[:200])
                break
    return found


def _is_local(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    ip = mapped or ip
    return ip.is_loopback or ip.is_unspecified


def _unescape(text: str) -> str:
    """A string as strace prints it (C escapes) back to text."""
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape", "replace")


@dataclass(frozen=True)
class Write:
    """One call that changed the file system: the call, the absolute path(s), strace's line."""

    call: str
    paths: tuple[str, ...]
    line: str

    def __str__(self) -> str:
        return f"{self.call} {' -> '.join(self.paths)}"


@dataclass
class Trace:
    """The logs of one traced server (``directory`` as given to ``traced``); ``cwd`` is the
    server's working directory, against which relative paths are resolved."""

    directory: Path
    cwd: Path

    def lines(self) -> list[str]:
        out: list[str] = []
        for log in sorted(self.directory.glob("trace*")):
            out.extend(log.read_text(errors="replace").splitlines())
        return out

    def calls(self) -> set[str]:
        """The names of the calls seen (to check the trace is tracing at all)."""
        return {m.group("call") for line in self.lines() if (m := _LINE.match(line))}

    def outbound(self) -> list[str]:
        """Network calls that name an address off this machine (AF_UNIX and the like are fine)."""
        return outbound_lines(self.lines())

    def wait_for_outbound(self, needle: str, timeout: float = 15.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.outbound()
            if any(needle in line for line in found):
                return found
            time.sleep(0.2)
        return self.outbound()

    def writes(self) -> list[Write]:
        """Every successful call that created, changed or removed something on disk."""
        found = []
        for line in self.lines():
            match = _LINE.match(line)
            if not match or match.group("call") not in FILE_CALLS:
                continue
            if match.group("result").lstrip().startswith("-1 "):
                continue  # failed: nothing was written
            call, args = match.group("call"), match.group("args")
            if call in _OPENS and not _WRITING_FLAGS.search(args):
                continue  # opened for reading only
            found.append(Write(call, tuple(self._paths(call, args)), line.strip()))
        return found

    def _paths(self, call: str, args: str) -> list[str]:
        """The absolute paths a call names (a descriptor alone, as in ftruncate, by its path)."""
        parts = _split_args(args)
        if call in ("ftruncate", "fallocate"):
            fd = _FD_PATH.match(parts[0]) if parts else None
            return [fd.group("path") if fd else parts[0] if parts else "?"]
        paths = []
        base = self.cwd
        for part in parts:
            fd = _FD_PATH.match(part)
            if part == "AT_FDCWD":
                base = self.cwd
            elif fd:
                base = Path(fd.group("path"))
            elif part.startswith('"'):
                string = _STRING.match(part)
                text = _unescape(string.group(1)) if string else part
                paths.append(str(base / text) if not text.startswith("/") else text)
                base = self.cwd
        return paths


def _split_args(args: str) -> list[str]:
    """Split strace's argument list at top-level commas (not inside strings, {} or [])."""
    parts, depth, current, quoted, escaped = [], 0, [], False, False
    for ch in args:
        if quoted:
            current.append(ch)
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                quoted = False
            continue
        if ch == '"':
            quoted = True
        elif ch in "{[(":
            depth += 1
        elif ch in "}])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if current:
        parts.append("".join(current).strip())
    return parts


def unexpected(writes: Iterable[Write], allowed: Sequence[re.Pattern[str]]) -> list[str]:
    """The writes any of whose paths no pattern of ``allowed`` matches (whole path)."""
    return sorted(
        {
            str(w)
            for w in writes
            if not all(any(p.fullmatch(path) for p in allowed) for path in w.paths)
        }
    )
