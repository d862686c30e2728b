"""The room afterwards (issue 17, item 5): the facilitator's CSV and SVG of the room's spread hold
what the page draws and nothing else, in every language of the registry."""

from __future__ import annotations

import csv
import io
import random
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from emotions import rooms
from emotions.dimensions import DIMENSION_IDS, NEED_MAX, NEED_MIN, DimensionId
from emotions.export.csv_tables import ENCODING
from emotions.export.room_spread import CSV_COLUMNS, spread_csv, spread_svg
from emotions.i18n import t
from emotions.languages import LANGUAGES, Language
from emotions.rooms import MIN_SHOWN, RoomPicture, Rooms, describe_spread, spread_rows
from tests.unit.test_rooms import _picture, needs, token

LANGS: list[Language] = [s.code for s in LANGUAGES]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Rooms]:
    url = f"sqlite:///{tmp_path / 'rooms.db'}"
    yield Rooms(url)
    rooms.dispose(url)


def read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets read it as UTF-8
    [header, *rows] = list(csv.reader(io.StringIO(data.decode(ENCODING), newline="")))
    return header, rows


def by_dimension(rows: list[list[str]]) -> dict[str, tuple[int, ...]]:
    """The CSV's counts as {dimension id: counts at 0..10}, checking the points run 0 to 10."""
    grouped: dict[str, list[int]] = {}
    for dim, _name, point, count in rows:
        bins = grouped.setdefault(dim, [])
        assert int(point) == NEED_MIN + len(bins)
        bins.append(int(count))
    assert all(len(bins) == NEED_MAX - NEED_MIN + 1 for bins in grouped.values())
    return {dim: tuple(bins) for dim, bins in grouped.items()}


WIDE = [1, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1]
NARROW = [0, 0, 0, 0, 2, 3, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_holds_the_pages_chart_rows(lang: Language) -> None:
    picture = _picture(5, support=NARROW, closeness=WIDE)
    header, rows = read_csv(spread_csv(picture, lang))
    assert header == [t(f"room_export.csv_{column}", lang) for column in CSV_COLUMNS]
    chart = {row.dimension: row.counts for row in spread_rows(picture)}
    assert by_dimension(rows) == chart
    assert list(by_dimension(rows)) == ["closeness", "support"]  # the registry's order
    names = {dim: name for dim, name, *_ in rows}
    assert names == {dim: t(f"dim.{dim}.name", lang) for dim in chart}


@pytest.mark.parametrize("lang", LANGS)
def test_a_dimension_with_four_positions_is_absent(lang: Language, store: Rooms) -> None:
    code = store.create().code
    for i in range(MIN_SHOWN):
        placed = needs(i) if i else {d: i for d in DIMENSION_IDS if d != "closeness"}
        store.contribute(code, token(i), placed)
    picture = store.picture(code)
    _header, rows = read_csv(spread_csv(picture, lang))
    shown = by_dimension(rows)
    assert "closeness" not in shown  # four positions on it
    assert set(shown) == set(DIMENSION_IDS) - {"closeness"}
    svg = spread_svg(picture, lang)
    assert t("dim.closeness.name", lang) not in svg
    assert t("dim.support.name", lang) in svg


@pytest.mark.parametrize("lang", LANGS)
def test_below_five_contributions_the_files_hold_nothing(lang: Language, store: Rooms) -> None:
    code = store.create().code
    for i in range(MIN_SHOWN - 1):
        store.contribute(code, token(i), needs(i))
    picture = store.picture(code)
    header, rows = read_csv(spread_csv(picture, lang))
    assert rows == [] and len(header) == len(CSV_COLUMNS)
    root = ET.fromstring(spread_svg(picture, lang).encode())
    assert len(root.findall(f"{SVG}rect")) == 1  # the white page only: no cell
    assert not [e for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "end"]  # no row
    assert root.find(f"{SVG}desc") is None  # no summary of a room below five


HEX = re.compile(r"[0-9a-f]{16,}", re.IGNORECASE)
TIME = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}")


def test_random_rooms_export_nothing_but_counts(store: Rooms) -> None:
    """Property over random rooms (seeded): whoever took part and whatever they set, every CSV row
    is one known dimension at one point with a count, each dimension's counts add up to at least
    five, and no token, hash or time appears in either file."""
    chance = random.Random(17)
    for room in range(6):
        code = store.create().code
        tokens = [f"{token(room * 100 + n)}-{chance.getrandbits(64):x}" for n in range(12)]
        for tok in tokens[: chance.randint(3, 12)]:
            chosen = chance.sample(DIMENSION_IDS, chance.randint(1, len(DIMENSION_IDS)))
            store.contribute(code, tok, {d: chance.randint(NEED_MIN, NEED_MAX) for d in chosen})
        picture = store.picture(code)
        for lang in LANGS:
            data = spread_csv(picture, lang)
            svg = spread_svg(picture, lang)
            header, rows = read_csv(data)
            assert len(header) == len(CSV_COLUMNS)
            assert by_dimension(rows) == {r.dimension: r.counts for r in spread_rows(picture)}
            for dim, name, point, count in rows:
                assert dim in DIMENSION_IDS and name == t(f"dim.{dim}.name", lang)
                assert point.isdigit() and count.isdigit()
            assert all(sum(c) >= MIN_SHOWN for c in by_dimension(rows).values())
            text = data.decode(ENCODING) + svg
            assert not HEX.search(text) and not TIME.search(text)
            assert code not in text
            assert not [tok for tok in tokens if tok in text]


@pytest.mark.parametrize("lang", LANGS)
def test_the_svg_is_an_image_named_and_described_in_the_language(lang: Language) -> None:
    picture = _picture(5, support=NARROW, closeness=WIDE)
    svg = spread_svg(picture, lang)
    root = ET.fromstring(svg.encode())  # parses as XML
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == t("room_export.svg_title", lang)
    assert root.findtext(f"{SVG}desc") == describe_spread(picture, lang) != ""
    assert not re.search(r"(href|src)\s*=|url\(|@import|<script|<image", svg)  # nothing outside
    # The numbers in the cells are the counts: every count that is not zero, once.
    numbers = sorted(
        int(e.text or "") for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "middle"
    )
    points = list(range(NEED_MIN, NEED_MAX + 1))
    assert numbers == sorted(points + [n for n in WIDE + NARROW if n])


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_is_escaped_in_the_svg(lang: Language) -> None:
    hostile = '</desc><script>alert("x")</script>&amp; <title>\x07 ]]> 「x」'
    root = ET.fromstring(spread_svg(_picture(5, closeness=WIDE), lang, summary=hostile).encode())
    assert root.findtext(f"{SVG}desc") == hostile.replace("\x07", "")
    assert root.find(f".//{SVG}script") is None
    assert [e.tag for e in root].count(f"{SVG}title") == 1


def test_every_dimension_fits_in_both_files() -> None:
    """A room where everyone set everything: a row per dimension of the registry, in order."""
    bins: dict[DimensionId, list[int]] = {dim: [0] * 10 + [5] for dim in DIMENSION_IDS}
    picture = RoomPicture(5, True, bins)
    for lang in LANGS:
        _header, rows = read_csv(spread_csv(picture, lang))
        assert list(by_dimension(rows)) == list(DIMENSION_IDS)
        root = ET.fromstring(spread_svg(picture, lang).encode())
        labels = [e.text for e in root.iter(f"{SVG}text") if e.get("text-anchor") == "end"]
        assert labels == [t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS]
