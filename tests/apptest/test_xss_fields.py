"""Every page, with hostile text in every free-text field (``tests.xss``): no element that Streamlit
renders as Markdown holds any of it unescaped, and no chart label holds markup from it.

Streamlit renders Markdown (with its icon, colour and math extensions) in ``st.markdown``,
captions, titles, alerts, every widget label and help text, radio and pill options, expander
labels and every heading and cell of ``st.table``. Each of those strings, read from the page's
protos, must not contain a line of any field's text as typed: escaped, every punctuation mark
carries a backslash, so a line found verbatim (and not right after a backslash) went in raw.
Plain-text places are left out: the values and placeholders of text fields, and select box
options (the browser test shows a raw name there fetching nothing). Plotly specs are read as
figures: no tag with attributes, and no name holding ``<``, ``>`` or ``&`` reaches plotly raw.

Every page in both languages, as a couple edits it (every table switched on) and in presentation
mode with the notes shown.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from emotions.model import Language
from emotions.presentation import name_redactor
from emotions.sections import SECTIONS
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import full_workbook
from tests.xss import (
    PAYLOAD_BY_ID,
    TABLE_TOGGLES,
    Filled,
    fill_workbook,
    plotly_markup,
    rotation,
)

SCRIPTS = [Path(spec.page).stem for spec in SECTIONS] + ["workbook", "turns", "about"]
NAMES = (PAYLOAD_BY_ID["md_image"].text, PAYLOAD_BY_ID["plotly_link"].text)
PLAIN_FIELDS = {
    "TextInput": {"default", "value", "placeholder"},
    "TextArea": {"default", "value", "placeholder"},
    "Selectbox": {"options", "default", "value", "placeholder", "raw_value"},
}
"""Proto fields Streamlit shows as plain text, by element type."""
NEVER_RENDERED = {"id", "form_id", "key", "spec", "data", "css_class", "type"}
"""Proto fields that are not shown as text at all (ids, chart specs, raw data)."""
LANGS: dict[Language, str] = {"en": "en-US", "ja": "ja-JP"}


def hostile() -> Filled:
    return fill_workbook(rotation(offset=5), names=NAMES, answers_from=full_workbook())


def needles(filled: Filled) -> dict[str, str]:
    """Lines of the fields' texts that escaping changes (they hold ASCII punctuation) → field;
    as typed, and with the names taken out as presentation mode shows them."""
    found: dict[str, str] = {}
    redact = name_redactor(filled.workbook, filled.workbook.language, anonymous=True)
    for path, typed in filled.texts.items():
        for line in {*typed.splitlines(), *redact(typed).splitlines()}:
            line = line.strip()
            if len(line) >= 4 and any(c in string.punctuation for c in line):
                found.setdefault(line, path)
    return found


def nodes(node: Any) -> Iterator[Any]:
    """Every element and block under ``node`` (blocks carry expander and tab labels)."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from nodes(child)


def rendered(message: Message, kind: str, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) of every string of a proto that Streamlit may render as Markdown."""
    plain = PLAIN_FIELDS.get(kind, set())
    for field, value in message.ListFields():
        if field.name in NEVER_RENDERED or field.name in plain:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, Message):
                yield from rendered(item, kind, f"{path}.{field.name}")
            elif isinstance(item, str):
                yield f"{path}.{field.name}", item


def raw_occurrences(at: AppTest, lines: dict[str, str]) -> list[str]:
    """Where a line of a field's text sits verbatim in something rendered as Markdown."""
    patterns = {line: re.compile(r"(?<!\\)" + re.escape(line)) for line in lines}
    found: list[str] = []

    def look(where: str, text: str) -> None:
        for line, pattern in patterns.items():
            if pattern.search(text):
                found.append(f"{where}: {lines[line]} ({line[:40]!r})")

    for node in nodes(at._tree):
        proto = getattr(node, "proto", None)
        kind = type(node).__name__
        if kind == "Table":
            frame = node.value
            for text in [*map(str, frame.columns), *map(str, frame.to_numpy().ravel())]:
                look("table", text)
        elif isinstance(proto, Message):
            for field, text in rendered(proto, kind):
                look(f"{kind}{field}", text)
    return found


def chart_problems(at: AppTest, names: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        found += plotly_markup(figure)
        spec = json.dumps(figure, ensure_ascii=False)
        found += [f"raw name {n!r}" for n in names if any(c in n for c in "<>&") and n in spec]
    return found


def switch_on_tables(at: AppTest) -> None:
    for name in TABLE_TOGGLES:
        found = [w for w in at.toggle if w.key == name]
        if found and not found[0].value:
            found[0].set_value(True)
            at.run()


@pytest.fixture(scope="module", params=list(LANGS))
def session(request: pytest.FixtureRequest) -> tuple[AppTest, Filled, Language]:
    lang: Language = request.param
    filled = hostile()
    filled.workbook.language = lang
    at = open_app(LANGS[lang])
    with_workbook(at, filled.workbook)
    return at, filled, lang


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_hostile_text_renders_raw_while_editing(
    session: tuple[AppTest, Filled, Language], script: str
) -> None:
    at, filled, _ = session
    go(at, script)
    switch_on_tables(at)
    assert not at.exception, at.exception
    assert raw_occurrences(at, needles(filled)) == []
    assert chart_problems(at, NAMES) == []


@pytest.mark.parametrize("script", SCRIPTS)
def test_no_hostile_text_renders_raw_when_presenting_the_notes(
    session: tuple[AppTest, Filled, Language], script: str
) -> None:
    at, filled, _ = session
    go(at, script)
    if not at.sidebar.toggle(key="ui_present").value:
        at.sidebar.toggle(key="ui_present").set_value(True).run()
    shows = [w for w in at.toggle if w.key == "present_show_notes"]
    if shows:
        shows[0].set_value(True).run()
    switch_on_tables(at)
    assert not at.exception, at.exception
    assert raw_occurrences(at, needles(filled)) == []
    assert chart_problems(at, NAMES) == []


def test_the_scan_reads_tables_charts_and_labels(session: tuple[AppTest, Filled, Language]) -> None:
    """The checks above see what they claim to: a table's cells, a chart and widget labels."""
    at, filled, _ = session
    go(at, "compatibility")
    switch_on_tables(at)
    assert [n for n in nodes(at._tree) if type(n).__name__ == "Table"]
    assert at.get("plotly_chart")
    protos = [n.proto for n in nodes(at._tree) if isinstance(getattr(n, "proto", None), Message)]
    labels = [text for proto in protos for field, text in rendered(proto, "") if "label" in field]
    assert labels
    # And a raw line would be found: the needles are the fields' texts as typed.
    assert raw_occurrences_in(filled.texts["next_steps"], needles(filled))


def raw_occurrences_in(text: str, lines: dict[str, str]) -> list[str]:
    return [line for line in lines if re.search(r"(?<!\\)" + re.escape(line), text)]
