"""Hostile uploads, fuzzed (issue 8): whatever arrives as a workbook file to resume from, a partner
file to combine, or a copy kept in the browser, the app either takes a valid workbook or rejects
it with a message in English and in Japanese, and a rejected input changes nothing.

``emotions.workbook_io.receive_upload`` is what an upload does to the session's workbook (the
files page), ``emotions.keep.read_stored_copy`` what the browser's copy does. The inputs: random
bytes; valid workbook files; valid files mutated (fields deleted, renamed or added, wrong types,
huge numbers, NaN and Infinity, deep nesting, long strings, lone surrogates, RTL overrides, NUL,
Markdown and HTML), other schema versions, other top-level types, duplicate keys, BOMs and other
encodings, truncated or padded to the size limit; JSON bombs within the limit. The strategies and
checks are shared with ``bench/fuzz_upload.py``, which runs 10,000 cases; here a few hundred,
derandomized so that every run tries the same ones.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from emotions import keep as keeping
from emotions.combine import partner_file
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.model import (
    BELIEFS,
    CHANNELS,
    EMOTIONS,
    ChannelRating,
    CheckIn,
    Language,
    NeedStatement,
    Partner,
    Rating,
    Rewrite,
    TriggerNote,
    VulnerableMoment,
    Workbook,
)
from emotions.workbook_io import (
    MAX_BYTES,
    MAX_PROBLEMS,
    MAX_VALUES,
    Upload,
    WorkbookError,
    dump_workbook,
    load_workbook,
    problem_messages,
    receive_upload,
)
from tests.couples import full_workbook, reassurance_and_independence, talker_and_processor
from tests.unit.strategies import workbooks

LANGS: tuple[Language, ...] = ("en", "ja")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
INERT = ("](", "![", "<", ">", "`", "$", "://", "{", "}", "\n")
"""None of these in a message: it is rendered as Markdown (no link, image, HTML, code, maths, or
a new line to start a block), and every placeholder is filled."""
FIXED_TIME = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)


def _fixed(wb: Workbook) -> Workbook:
    wb.created = wb.updated = FIXED_TIME  # the same documents on every run
    return wb


def _many_checkins() -> Workbook:
    wb = Workbook()
    wb.checkins = [CheckIn(date=dt.date(2024, 1, 1) + dt.timedelta(days=i)) for i in range(200)]
    return wb


SESSIONS: list[Callable[[], Workbook]] = [
    lambda: _fixed(full_workbook()),
    lambda: _fixed(Workbook()),
    lambda: _fixed(Workbook(language="ja")),
    lambda: _fixed(partner_file(talker_and_processor(), "a")),
    lambda: _fixed(_many_checkins()),
]
"""The session's workbook before the upload: full, blank, one partner, the most check-ins."""

_BASES = [
    _fixed(full_workbook()),
    _fixed(Workbook()),
    _fixed(reassurance_and_independence()),
    _fixed(partner_file(full_workbook(), "a")),
    _fixed(partner_file(reassurance_and_independence(), "b")),
    _fixed(_many_checkins()),
]
BASE_DOCS = [json.loads(dump_workbook(wb)) for wb in _BASES]

# --------------------------------------------------------------------------- hostile material

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    11,
    2**31,
    2**63,
    10**30,
    -(10**30),
    1.5,
    5.0,
    -0.0,
    1e308,
    5e-324,
    float("nan"),
    float("inf"),
    float("-inf"),
    "",
    "1",
    " 5 ",
    "x" * 41,
    "x" * 301,
    "x" * 2001,
    [],
    {},
    [None],
    {"": None},
    [1, [2, [3, [4]]]],
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "![p](http://127.0.0.1:9/p.png)",
    "[link](javascript:alert(1))",
    ":material/home: :red[x] $x^2$",
    "\u202egnp.exe",
    "a\x00b",
    "\ud800",
    "\udfff\ud800",
    "\ufeff",
    "\u200b\u200d\u2028\u2029",
    "👩\u200d❤️\u200d👨",
    "美咲",
    "2024-02-30",
    "9999-12-31T23:59:59+23:59",
    "0001-01-01T00:00:00",
    "-1",
    "talk",
    "a",
    "b",
    "shared",
]
HOSTILE_KEYS = [
    "spy",
    "",
    "__proto__",
    "constructor",
    "schema_version",
    "partners",
    "a",
    "c",
    "[key]",
    "![p](http://127.0.0.1:9/p.png)",
    "[x](https://example.com)",
    "<b>x</b>",
    "\u202e",
    "\x00",
    "\ud800",
    "x" * 500,
    ":red[x]",
    "a\nb",
]
VERSIONS: list[Any] = [0, 2, -1, 1.0, "1", True, None, 10**30, 1.5, [1], {"v": 1}]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
odd_characters = st.sampled_from(
    ["\ud800", "\udfff", "\x00", "\u202e", "\ufeff", "\u2028", "\u200b", "\U0010ffff", "\ue000"]
) | st.characters(categories=["Cs", "Cc", "Cf", "Co", "Zl", "Zp"])
"""Lone surrogates (which JavaScript strings may hold), controls, format characters (RTL
overrides, BOM, zero-width), private use, line and paragraph separators."""
odd_texts = st.text(odd_characters | st.characters(), min_size=1, max_size=8)
values = st.one_of(
    # A copy each time: a value put into one document may be changed by a later mutation.
    st.sampled_from(HOSTILE_VALUES).map(copy.deepcopy),
    st.text(max_size=30),
    odd_texts,
    st.integers(),
    st.floats(),
    json_values,
)
keys = st.sampled_from(HOSTILE_KEYS) | st.text(max_size=20) | odd_texts

raw_snippets = st.one_of(
    st.integers(1, 300_000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 100_000).map(lambda n: '{"a":' * n + "0" + "}" * n),
    st.integers(1, 490_000).map(lambda n: '"' + "x" * n + '"'),
    st.integers(1, 60_000).map(lambda n: "[" + ",".join(["0"] * n) + "]"),
    st.integers(1, 20_000).map(lambda n: "{" + ",".join(f'"k{i}":0' for i in range(n)) + "}"),
    st.integers(1, 6_000).map(lambda n: "9" * n),
    st.integers(1, 40_000).map(lambda n: '"' + "\\ud800" * n + '"'),
    st.sampled_from(
        [
            "NaN",
            "Infinity",
            "-Infinity",
            "1e999",
            "-1e999",
            "1e-999",
            "-0",
            "1E400",
            "0.00000000000000000000001",
            '"\\ud800"',
            '"\\udc00\\ud800"',
            '"\\u0000"',
            '"\\u202e"',
            "tru",
            "[1,]",
            '"unterminated',
            "{",
            "}",
            "",
            "null null",
            "/*c*/1",
            "0x10",
            "01",
            "+1",
            ".5",
            "'single'",
        ]
    ),
)
"""JSON text spliced in where a value was: bombs within the size limit, and broken JSON."""

TOP_LEVEL = ["[]", "1", '"workbook"', "null", "true", "[{}]", '{"schema_version": 1}', ""]
ENCODINGS = [
    *["utf-8"] * 10,
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "latin-1",
    "shift_jis",
    "euc-jp",
    "cp1252",
]


def _places(node: Any, out: list[tuple[Any, Any]] | None = None) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a JSON document, depth first."""
    out = [] if out is None else out
    if isinstance(node, dict):
        for key in list(node):
            out.append((node, key))
            _places(node[key], out)
    elif isinstance(node, list):
        for index in range(len(node)):
            out.append((node, index))
            _places(node[index], out)
    return out


def _containers(node: Any) -> list[dict[str, Any]]:
    found = [node] if isinstance(node, dict) else []
    return found + [v for parent, key in _places(node) if isinstance(v := parent[key], dict)]


MUTATIONS = ["delete", "set", "set", "set", "splice", "splice", "extra", "rename", "nest"]
MUTATIONS += ["version", "top"]


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """A workbook document (text) with one to four things wrong with it."""
    doc = copy.deepcopy(draw(st.sampled_from(BASE_DOCS)))
    splices: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(MUTATIONS))
        places = _places(doc)
        if op == "top" or not places:
            doc = draw(st.sampled_from([[doc], "workbook", 1, None, True, [], {}]))
            continue
        if op == "version" and isinstance(doc, dict):
            doc["schema_version"] = copy.deepcopy(draw(st.sampled_from(VERSIONS)))
            continue
        if op == "extra":
            container = draw(st.sampled_from(_containers(doc) or [{}]))
            container[draw(keys)] = draw(values)
            continue
        parent, key = draw(st.sampled_from(places))
        if op == "delete":
            del parent[key]
        elif op == "set":
            parent[key] = draw(values)
        elif op == "splice":
            parent[key] = f"\x1fsplice{len(splices)}\x1f"
            splices.append(draw(raw_snippets))
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(keys)] = parent.pop(key)
        elif op == "nest":
            nested: Any = parent[key]
            for _ in range(draw(st.integers(1, 60))):
                nested = [nested]
            parent[key] = nested
    ascii_only = draw(st.booleans())
    text = json.dumps(doc, ensure_ascii=ascii_only, indent=draw(st.sampled_from([None, 2])))
    for i, snippet in enumerate(splices):
        text = text.replace(json.dumps(f"\x1fsplice{i}\x1f", ensure_ascii=ascii_only), snippet, 1)
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        text = draw(_text_change(text))
    return text


@st.composite
def _text_change(draw: st.DrawFn, text: str) -> str:
    op = draw(
        st.sampled_from(["duplicate", "truncate", "bom", "trailing", "pad", "top", "odd", "odd"])
    )
    if op == "odd":  # raw odd characters anywhere, inside strings or between tokens
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(odd_texts) + text[at:]
    if op == "duplicate":  # the same key twice in an object: the last one wins in Python
        braces = [m.start() for m in re.finditer(r"\{", text)] or [0]
        at = draw(st.sampled_from(braces)) + 1
        pair = draw(
            st.sampled_from(
                [
                    '"schema_version": 99, ',
                    '"schema_version": 1, ',
                    '"partners": {}, ',
                    '"language": "fr", ',
                    '"name": "dup", ',
                    '"need": 99, ',
                ]
            )
        )
        return text[:at] + pair + text[at:]
    if op == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    if op == "bom":
        return "\ufeff" * draw(st.integers(1, 2)) + text
    if op == "trailing":
        return text + draw(st.sampled_from(["\x00", "}", " x", "\n\n", "\u2028", "]", ",{}"]))
    if op == "pad":  # whitespace up to the size limit, or just past it
        size = len(text.encode("utf-8", "surrogatepass"))
        target = MAX_BYTES + draw(st.sampled_from([-1, 0, 1, 2, 1000]))
        return text + " " * max(0, target - size)
    return draw(st.sampled_from(TOP_LEVEL))


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    """``text`` as a file's bytes: mostly UTF-8, else another encoding; maybe damaged."""
    encoding = draw(st.sampled_from(ENCODINGS))
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    data = text.encode(encoding, errors)
    change = draw(st.sampled_from(["none"] * 7 + ["flip", "insert", "cut"]))
    if data and change == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif change == "insert":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    elif change == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    return data


valid_files = st.one_of(st.sampled_from(_BASES), workbooks).map(
    lambda wb: dump_workbook(wb).encode("utf-8")
)
hostile_files = hostile_texts().flatmap(encoded)
uploads = st.one_of(st.binary(max_size=2_000), valid_files, *[hostile_files] * 4)
"""Bytes of an uploaded file: random, valid, or a valid file with things wrong with it."""
sessions = st.sampled_from(SESSIONS).map(lambda make: make())

stored_copies = st.one_of(
    hostile_texts(),
    hostile_texts(),
    st.sampled_from(_BASES).map(keeping.stored_text),
    st.text(max_size=200),
    json_values,
)
"""What the browser may hand back as its stored copy: text (tampered, valid, random, with lone
surrogates) or, from a tampered store, any other JSON value."""

# --------------------------------------------------------------------------- the checks


def check_messages(error: WorkbookError) -> None:
    """A rejection says why, in English and in Japanese, in sentences inert as Markdown."""
    texts = {lang: problem_messages(error, lang) for lang in LANGS}
    for lang, messages in texts.items():
        assert messages, f"no message in {lang}"
        for message in messages:
            assert message.strip(), f"an empty message in {lang}"
            assert len(message) <= 1_000, message[:200]
            assert not any(bad in message for bad in INERT), message
    assert all(JAPANESE.search(m) for m in texts["ja"]), texts["ja"]
    assert all(en != ja for en, ja in zip(texts["en"], texts["ja"], strict=True))


def check_state(wb: Workbook) -> None:
    """A workbook the session may hold: it can be saved, opened again and kept in the browser."""
    assert load_workbook(dump_workbook(wb)) == wb
    assert keeping.read_stored_copy(keeping.stored_text(wb)) == wb
    assert len(keeping.answers_digest(wb)) == 32


def check_upload(data: bytes | str, current: Workbook, *, resume: bool) -> Upload:
    """The one property of every upload: taken whole, or rejected with a message, and then the
    session's workbook is exactly as before. Any exception escapes and fails the caller."""
    before = current.model_dump()
    received = receive_upload(data, current, resume=resume)
    assert current.model_dump() == before, "the session's workbook changed"
    if received.kind == "rejected":
        assert received.workbook is None and received.error is not None
        check_messages(received.error)
    else:
        assert received.error is None and received.workbook is not None
        assert received.kind in ("replaced", "combined", "conflicts", "confirm")
        check_state(received.workbook)
    return received


def check_copy(stored: object) -> Workbook | None:
    """A copy from the browser is read like a file, or refused with a message."""
    try:
        wb = keeping.read_stored_copy(stored)
    except WorkbookError as error:
        check_messages(error)
        return None
    check_state(wb)
    return wb


# --------------------------------------------------------------------------- the tests

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

LONE_SURROGATE_NAME = json.dumps(BASE_DOCS[1]).replace('"name": ""', '"name": "\\ud800"', 1)
MARKDOWN_KEY = json.dumps(BASE_DOCS[1] | {"![p](http://127.0.0.1:9/p.png)": 1})


@settings(FUZZ, max_examples=200)
@given(uploads, sessions)
@example(LONE_SURROGATE_NAME.encode(), Workbook())
@example(MARKDOWN_KEY.encode(), full_workbook())
@example(b"\xef\xbb\xbf" + dump_workbook(_BASES[0]).encode(), Workbook())
def test_any_file_to_resume_from_is_taken_whole_or_rejected_and_then_nothing_changed(
    data: bytes, current: Workbook
) -> None:
    check_upload(data, current, resume=True)


@settings(FUZZ, max_examples=120)
@given(uploads, sessions)
def test_any_file_to_combine_is_taken_or_rejected_and_then_nothing_changed(
    data: bytes, current: Workbook
) -> None:
    check_upload(data, current, resume=False)


@settings(FUZZ, max_examples=50)
@given(st.one_of(st.sampled_from(_BASES), workbooks))
def test_a_valid_file_comes_back_exactly(wb: Workbook) -> None:
    received = check_upload(dump_workbook(wb).encode("utf-8"), Workbook(), resume=True)
    assert received.workbook is not None
    if len(wb.partners) == 1:  # a partner file joins the blank workbook
        assert received.kind == "combined"
        assert received.workbook.partners | wb.partners == received.workbook.partners
    else:
        assert received.kind == "replaced"
        assert received.workbook == wb


@settings(FUZZ, max_examples=150)
@given(stored_copies)
@example('{"a": "\ud800"}')
@example("\ud800")
@example(LONE_SURROGATE_NAME)
def test_any_copy_the_browser_hands_back_is_read_like_a_file_or_refused(stored: object) -> None:
    check_copy(stored)


@settings(FUZZ, max_examples=50)
@given(json_values | st.fixed_dictionaries({"nonce": json_values, "on": json_values}))
def test_a_browser_report_of_any_shape_is_taken_or_ignored(value: object) -> None:
    report = keeping.parse_report(value)
    assert report is None or isinstance(report.nonce, str)
    assert report is None or report.keep_on in (True, False)


# --------------------------------------------------------------------------- fixed cases


def test_a_file_of_exactly_the_limit_opens_and_one_byte_more_is_too_large() -> None:
    text = dump_workbook(_BASES[0])
    at_limit = (text + " " * (MAX_BYTES - len(text.encode()))).encode()
    assert len(at_limit) == MAX_BYTES
    assert check_upload(at_limit, Workbook(), resume=True).kind == "replaced"
    over = check_upload(at_limit + b" ", full_workbook(), resume=True)
    assert over.kind == "rejected" and over.error is not None
    assert [p.code for p in over.error.problems] == ["too_large"]


def test_a_field_named_like_a_link_or_an_image_shows_as_plain_words() -> None:
    received = check_upload(MARKDOWN_KEY.encode(), full_workbook(), resume=True)
    assert received.messages("en") == [
        "The field “??p??http???127?0?0?1?9?p?png?” is not part of a workbook."
    ]


@pytest.mark.parametrize("theirs", ["", "Kai"], ids=["no-conflict", "conflict"])
def test_a_combination_too_large_to_save_is_refused_and_changes_nothing(theirs: str) -> None:
    current = _many_checkins()
    current.partners["a"].name = "Mia"
    other = _many_checkins()
    other.partners["a"].name = theirs  # the same person answered differently: asked about later
    for checkin in other.checkins:
        checkin.date += dt.timedelta(days=400)  # 200 more, none the same
    received = check_upload(dump_workbook(other).encode(), current, resume=False)
    assert received.kind == "rejected" and received.error is not None
    assert [(p.code, p.path) for p in received.error.problems] == [("too_many", ("checkins",))]
    assert len(current.checkins) == 200


def test_text_with_a_lone_surrogate_is_refused_with_a_message_not_an_error() -> None:
    for text in ("\ud800", '{"schema_version": 1, "partners": {"a": {"name": "\ud800"}}}'):
        received = check_upload(text, full_workbook(), resume=True)
        assert received.kind == "rejected"


def _fullest_partner() -> Partner:
    return Partner(
        name="x" * 40,
        ratings={d: Rating(need=10, met=10, guess=10) for d in DIMENSION_IDS},
        meta_emotion={e: dict.fromkeys(BELIEFS, 5) for e in EMOTIONS},
        channels={c: ChannelRating(show=10, notice=10) for c in CHANNELS},
        safety={f"feeling-{i}": "response" for i in range(20)},
        withdrawal_signs=[f"sign-{i}" for i in range(20)],
        adjustments=["a", "b", "c"],
        small_moments=[f"moment-{i}" for i in range(20)],
        need_statements=[NeedStatement(text="t" * 300, tag="tag") for _ in range(20)],
        rewrites=[Rewrite(complaint="c" * 300) for _ in range(20)],
        triggers=[TriggerNote(trigger="t" * 300) for _ in range(20)],
        reflections={s: "r" * 2000 for s in SECTION_IDS},
    )


def test_the_fullest_workbook_there_can_be_still_opens() -> None:
    wb = Workbook(
        partners={"a": _fullest_partner(), "b": _fullest_partner()},
        vulnerable_moment=VulnerableMoment(what="w" * 300),
        checkins=[
            CheckIn(date=dt.date(2020, 1, 1) + dt.timedelta(days=i), connection={"a": 1, "b": 2})
            for i in range(200)
        ],
        area_notes={d: "n" * 300 for d in DIMENSION_IDS},
        next_steps="s" * 2000,
        visited=list(SECTION_IDS),
    )
    received = check_upload(dump_workbook(wb).encode(), Workbook(), resume=True)
    assert received.kind == "replaced" and received.workbook == wb


@pytest.mark.parametrize(
    "where",
    [
        lambda doc: doc.update(area_notes={f"x{i}": list(range(100)) for i in range(100)}),
        lambda doc: doc.update(partners={f"p{i}": {} for i in range(101)}),  # wide
        lambda doc: doc["checkins"].extend([{}] * MAX_VALUES),
    ],
    ids=["many-values", "wide-object", "long-list"],
)
def test_a_document_far_bigger_than_any_workbook_is_refused_before_validation(
    where: Callable[[dict[str, Any]], None],
) -> None:
    doc = copy.deepcopy(BASE_DOCS[1])
    where(doc)
    received = check_upload(json.dumps(doc).encode(), full_workbook(), resume=True)
    assert received.error is not None
    assert [p.code for p in received.error.problems] == ["too_complex"]


def test_many_problems_are_counted_and_only_the_first_are_spelled_out() -> None:
    doc = copy.deepcopy(BASE_DOCS[1]) | {f"spy{i}": i for i in range(50)}
    received = check_upload(json.dumps(doc).encode(), full_workbook(), resume=True)
    assert received.error is not None
    assert received.error.count == 50 and len(received.error.problems) == MAX_PROBLEMS
    assert received.messages("en")[-1] == "…and 42 more problems."
    assert received.messages("ja")[-1] == "…ほかに42件の問題があります。"
