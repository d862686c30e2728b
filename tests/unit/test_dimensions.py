"""The needs dimensions are one registry (emotions/dimensions.py) every consumer follows: the
registry checks itself, ratings are completed from it, and samples are checked against it."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import emotions.dimensions
from emotions import keep, samples
from emotions.dimensions import DIMENSION_IDS, DIMENSIONS
from emotions.i18n import catalog, section_text, t
from emotions.model import Partner, Rating, Workbook
from emotions.workbook_io import WorkbookError, dump_workbook, load_workbook, receive_upload

SOURCE = Path(emotions.dimensions.__file__).read_text(encoding="utf-8")
DROPPED = "intensity"
"""The dimension the 'older file' below was written without."""


def _run_registry(source: str) -> types.ModuleType:
    """Run ``source`` as a module of its own (dataclasses look their module up while the
    module runs, so it is in ``sys.modules`` meanwhile)."""
    module = types.ModuleType("dimensions_copy")
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, "dimensions_copy.py", "exec"), module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module


def test_the_literal_and_the_registry_agree() -> None:
    assert tuple(d.id for d in DIMENSIONS) == DIMENSION_IDS
    assert len(set(DIMENSION_IDS)) == len(DIMENSION_IDS)


FIRST, SECOND, LAST = DIMENSIONS[0].id, DIMENSIONS[1].id, DIMENSIONS[-1].id


def _entry(dim: str) -> str:
    """The line of ``DIMENSIONS`` that registers ``dim``."""
    found = re.search(rf'^    Dimension\("{dim}", .*\),\n', SOURCE, re.M)
    assert found is not None, dim
    return found.group()


@pytest.mark.parametrize(
    ("why", "old", "new"),
    [
        ("an id only in the Literal", f'    "{LAST}",\n]', f'    "{LAST}",\n    "x",\n]'),
        ("an entry left out", _entry(LAST), ""),
        ("another order", _entry(FIRST) + _entry(SECOND), _entry(SECOND) + _entry(FIRST)),
    ],
    ids=lambda value: value if " " in value and "\n" not in value else "",
)
def test_a_registry_that_disagrees_with_the_literal_fails_at_import(
    why: str, old: str, new: str
) -> None:
    assert old in SOURCE, why
    _run_registry(SOURCE)  # the module as it is imports
    with pytest.raises(ImportError, match="disagree"):
        _run_registry(SOURCE.replace(old, new))


# --- a file written before a dimension existed ---------------------------------------------------


def _older_document(wb: Workbook) -> str:
    """``wb``'s file as a version without the dimension ``DROPPED`` would have written it."""
    doc: dict[str, Any] = json.loads(dump_workbook(wb))
    for partner in doc["partners"].values():
        del partner["ratings"][DROPPED]
    doc["area_notes"].pop(DROPPED, None)
    return json.dumps(doc)


def _sample() -> Workbook:
    return samples.load_sample("talk-vs-reflect", "en")


def _check_filled(opened: Workbook, original: Workbook) -> None:
    for pid, partner in opened.partners.items():
        assert list(partner.ratings) == list(DIMENSION_IDS)
        assert partner.ratings[DROPPED] == Rating()
        for dim in DIMENSION_IDS:
            if dim != DROPPED:
                assert partner.ratings[dim] == original.partners[pid].ratings[dim]


def test_a_file_without_a_dimension_opens_with_the_default_rating() -> None:
    wb = _sample()
    older = _older_document(wb)
    _check_filled(load_workbook(older), wb)
    upload = receive_upload(older.encode(), Workbook(), resume=True)
    assert upload.kind == "replaced"
    assert upload.workbook is not None
    _check_filled(upload.workbook, wb)


def test_a_partner_file_without_a_dimension_joins() -> None:
    wb = _sample()
    doc = json.loads(_older_document(wb))
    del doc["partners"]["b"]
    current = Workbook()
    current.partners.pop("a")
    upload = receive_upload(json.dumps(doc), current, resume=True)
    assert upload.kind == "combined", upload.messages("en")
    assert upload.workbook is not None
    assert upload.workbook.partners["a"].ratings[DROPPED] == Rating()


def test_a_browser_copy_without_a_dimension_opens() -> None:
    wb = _sample()
    stored = json.loads(keep.stored_text(wb))
    for partner in stored["partners"].values():
        del partner["ratings"][DROPPED]
    _check_filled(keep.read_stored_copy(json.dumps(stored)), wb)


def test_an_unknown_dimension_is_still_rejected() -> None:
    doc: dict[str, Any] = json.loads(dump_workbook(_sample()))
    doc["partners"]["a"]["ratings"]["honesty"] = {"need": 5}
    with pytest.raises(WorkbookError) as caught:
        load_workbook(json.dumps(doc))
    assert [p.path for p in caught.value.problems] == [
        ("partners", "a", "ratings", "honesty", "[key]")
    ]
    with pytest.raises(WorkbookError):
        keep.read_stored_copy(json.dumps(doc))
    with pytest.raises(ValueError, match="honesty"):
        Partner.model_validate({"ratings": {"honesty": {}}})


def test_ratings_assigned_in_part_are_completed() -> None:
    partner = Partner()
    partner.ratings = {"support": Rating(need=9)}  # type: ignore[dict-item]
    assert list(partner.ratings) == list(DIMENSION_IDS)
    assert partner.ratings["support"].need == 9
    assert partner.ratings["closeness"] == Rating()


# --- samples -------------------------------------------------------------------------------------


def test_every_sample_has_figures_on_every_dimension() -> None:
    for profile in samples.PROFILES.values():
        for pid in ("a", "b"):
            assert list(profile.partner(pid).figures) == list(DIMENSION_IDS)


def test_a_sample_lacking_a_dimension_is_refused() -> None:
    profile = samples.PROFILES["talk-vs-reflect"].a
    short = {dim: v for dim, v in profile.figures.items() if dim != DROPPED}
    with pytest.raises(ValueError, match=DROPPED):
        dataclasses.replace(profile, figures=short)
    with pytest.raises(ValueError, match="honesty"):
        dataclasses.replace(profile, figures={**profile.figures, "honesty": (5, 5, 5)})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="honesty"):
        dataclasses.replace(profile, important=("honesty",))  # type: ignore[arg-type]


# --- counts in the copy --------------------------------------------------------------------------

CONTENT = Path(emotions.dimensions.__file__).resolve().parent
_EN = (
    r"\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen"
)
_JA = r"\d+|[三四五六七八九十][一二三四五六七八九十]*"
"""Numbers that could count the dimensions (one and two count other things: "two sliders")."""
COUNTED = re.compile(
    "|".join(
        [
            rf"\b(?:{_EN}) (?:needs|dimensions|positions)\b",
            rf"\bthe (?:{_EN}) (?:needs )?questions\b",
            rf"(?:\d+|\{{count\}}) of (?!10\b|ten\b)(?:{_EN})\b",
            rf"(?:{_JA})つの(?:ニーズ|質問|観点|位置)",
            rf"(?:{_JA})問中",
            rf"(?:{_JA})つ(?=の(?:ニーズ|質問))",
        ]
    ),
    re.I,
)
"""How the copy counted the dimensions before ``{dimension_count}``."""


def _texts() -> list[tuple[str, str]]:
    found = [
        (f"{lang}:{key}", text) for lang in ("en", "ja") for key, text in catalog(lang).items()
    ]
    for path in sorted(CONTENT.glob("content/*/**/*")):
        if path.suffix in (".md", ".toml"):
            found.append((str(path.relative_to(CONTENT)), path.read_text(encoding="utf-8")))
    return found


def test_no_text_counts_the_dimensions_by_hand() -> None:
    counted = [(where, m.group()) for where, text in _texts() for m in COUNTED.finditer(text)]
    assert counted == [], "write {dimension_count} instead"


N = len(DIMENSION_IDS)


@pytest.mark.parametrize(
    ("key", "values", "en", "ja"),
    [
        (
            "aware.guess_count",
            {"guesser": "Mia", "count": 3},
            f"Mia has guessed 3 of {N}.",
            f"Miaは{N}問中3問を推測しました。",
        ),
        ("combine_rooms.privacy", {}, f"you choose on the {N} needs", f"{N}つのニーズの目盛り"),
        ("turns.intro", {}, f"answers the {N} needs questions", f"この端末で{N}つのニーズの質問"),
    ],
)
def test_the_count_reads_as_before(key: str, values: dict[str, Any], en: str, ja: str) -> None:
    """For eight: "of 8", "8つ", "8問中" (the words "eight" and "八つ" became digits)."""
    assert en in t(key, "en", **values)
    assert ja in t(key, "ja", **values)


def test_section_texts_fill_the_count() -> None:
    assert f"answers {N} questions" in section_text("what-it-means", "en")[1]
    assert f"それぞれ{N}つの観点" in section_text("what-it-means", "ja")[1]
    assert f"the {N} questions" in section_text("meta-awareness", "en")[1]


@pytest.mark.parametrize(
    "written",
    ["the nine questions", "Only your 9 positions", "3 of 9 guessed", "9つの質問", "八つの観点"],
)
def test_the_hand_count_check_sees_any_count(written: str) -> None:
    """Not only the count of today: a ninth dimension written as "nine" is found too."""
    assert COUNTED.search(written)
    assert not COUNTED.search("a score out of 10, two sliders, 一つの質問")
