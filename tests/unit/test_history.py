"""Issue 17 item 1: "then and now" (emotions/history.py), several files of one couple in time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings

from emotions import history
from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import PARTNER_IDS, CheckIn, Language, Workbook
from emotions.samples import SAMPLE_IDS, load_sample
from emotions.texts import Names
from emotions.workbook_io import dump_workbook
from tests.unit.strategies import partly_answered_workbooks

FIXTURES = Path(__file__).parent.parent / "fixtures"
DAY = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def dated(wb: Workbook, days: int) -> Workbook:
    return wb.model_copy(update={"updated": DAY + dt.timedelta(days=days)}, deep=True)


def upload(wb: Workbook, name: str) -> tuple[str, str]:
    return name, dump_workbook(wb)


# --- The table never reports a change where either date lacks an answer


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partly_answered_workbooks(), partly_answered_workbooks())
def test_no_change_without_both_answers(then: Workbook, now: Workbook) -> None:
    found = history.changes(then, now)
    for change in found:
        before = getattr(then.partners[change.pid].ratings[change.dim], change.kind)
        after = getattr(now.partners[change.pid].ratings[change.dim], change.kind)
        assert before is not None and after is not None
        assert (change.then, change.now) == (before, after) and change.by != 0
    # ...and every answer that moved while answered at both dates is in the table.
    expected = {
        (pid, dim, kind)
        for pid in PARTNER_IDS
        if pid in then.partners and pid in now.partners
        for dim in DIMENSION_IDS
        for kind in history.NUMERIC_KINDS
        if None
        not in (
            a := getattr(then.partners[pid].ratings[dim], kind),
            b := getattr(now.partners[pid].ratings[dim], kind),
        )
        and a != b
    }
    assert {(c.pid, c.dim, c.kind) for c in found} == expected


def test_an_answer_given_at_one_date_only_is_not_a_change() -> None:
    then = Workbook()
    now = Workbook()
    now.partners["a"].ratings[DIMENSION_IDS[0]].need = 7
    then.partners["b"].ratings[DIMENSION_IDS[1]].met = 3
    assert history.changes(then, now) == []
    then.partners["a"].ratings[DIMENSION_IDS[0]].need = 4
    assert history.changes(then, now) == [history.Change("a", DIMENSION_IDS[0], "need", 4, 7)]


# --- Opening files


def test_files_are_ordered_by_their_date() -> None:
    wb = load_sample(SAMPLE_IDS[0], "en")
    uploads = [upload(dated(wb, d), f"f{d}.json") for d in (5, 1, 9, 3)]
    opened = history.open_history(uploads)
    assert [f.name for f in opened.files] == ["f1.json", "f3.json", "f5.json", "f9.json"]
    assert opened.dates == sorted(opened.dates) and not opened.refused


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_another_couple_is_refused_by_name(lang: Language) -> None:
    ours = load_sample(SAMPLE_IDS[0], lang)
    theirs = dated(ours, 2)
    theirs.partners["b"].name = "Someone else"
    opened = history.open_history([upload(ours, "ours.json"), upload(theirs, "theirs.json")])
    assert [f.name for f in opened.files] == ["ours.json"]
    (refusal,) = opened.refused
    assert refusal.code == "other_couple"
    (message,) = refusal.messages(lang)
    theirs_b = t("history.couple_partner", lang, letter="B", name="Someone else")
    ours_b = t("history.couple_partner", lang, letter="B", name=ours.partners["b"].name)
    assert theirs_b in message and ours_b in message and "ours.json" in message
    assert message.startswith("theirs.json")


def test_a_partner_file_is_not_the_same_couple() -> None:
    both = load_sample(SAMPLE_IDS[0], "en")
    half = dated(both, 1)
    del half.partners["b"]
    opened = history.open_history([upload(both, "both.json"), upload(half, "half.json")])
    assert [r.code for r in opened.refused] == ["other_couple"]


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_more_than_the_limit_opens_nothing(lang: Language) -> None:
    wb = load_sample(SAMPLE_IDS[0], "en")
    text = dump_workbook(wb)
    at_limit = history.open_history([(f"{i}.json", text) for i in range(history.MAX_FILES)])
    assert len(at_limit.files) == history.MAX_FILES and not at_limit.refused
    over = history.open_history([(f"{i}.json", text) for i in range(history.MAX_FILES + 1)])
    assert not over.files
    (refusal,) = over.refused
    assert refusal.messages(lang) == [
        t("history.refused.too_many", lang, file="", count=25, limit=history.MAX_FILES)
    ]


def test_a_broken_file_is_refused_with_its_problems() -> None:
    wb = load_sample(SAMPLE_IDS[0], "en")
    opened = history.open_history([upload(wb, "good.json"), ("bad.json", "{not json")])
    assert len(opened.files) == 1
    (refusal,) = opened.refused
    assert refusal.code == "broken" and len(refusal.messages("ja")) == 2
    assert refusal.messages("ja")[1] == t("io.problem.not_json", "ja")


def test_a_v1_file_is_migrated_and_compared() -> None:
    v1 = (FIXTURES / "workbook-v1-full.json").read_text(encoding="utf-8")
    opened = history.open_history([("v1.json", v1)])
    (old,) = opened.files
    assert old.workbook.schema_version == 2
    later = dated(old.workbook, 400)
    dim = DIMENSION_IDS[0]
    before = old.workbook.partners["a"].ratings[dim].need
    assert before is not None
    later.partners["a"].ratings[dim].need = (before + 1) % 11
    both = history.open_history([upload(later, "new.json"), ("v1.json", v1)])
    assert [f.name for f in both.files] == ["v1.json", "new.json"]
    found = history.changes(both.files[0].workbook, both.files[1].workbook)
    assert history.Change("a", dim, "need", before, (before + 1) % 11) in found


def test_checkins_merged_once_and_by_date() -> None:
    wb = load_sample(SAMPLE_IDS[0], "en")
    first = dated(wb, 0)
    second = dated(wb, 30)
    extra = CheckIn(date=dt.date(2035, 1, 1), connection={"a": 4})
    second.checkins.append(extra)
    files = history.open_history([upload(second, "2.json"), upload(first, "1.json")]).files
    merged = history.merged_checkins(files)
    assert len(merged) == len(wb.checkins) + 1 and merged[-1] == extra
    assert [c.date for c in merged] == sorted(c.date for c in merged)
    assert history.trend_workbook(files).checkins == merged


# --- What the page draws and says


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_radars_are_valid_and_say_what_moved(lang: Language) -> None:
    then = dated(load_sample(SAMPLE_IDS[0], lang), 0)
    now = dated(then, 60)
    dim = DIMENSION_IDS[2]
    old = then.partners["a"].ratings[dim].need
    assert old is not None
    now.partners["a"].ratings[dim].need = 10 if old < 6 else 0
    labels = (history.date_label(then.updated, lang), history.date_label(now.updated, lang))
    for pid in PARTNER_IDS:
        figure = history.partner_radar(then, now, pid, labels, lang)
        go.Figure(figure)  # Plotly accepts it as it is
        assert [trace["name"] for trace in figure["data"]] == list(labels)
    moved = history.radar_text(then, now, "a", "Aoi", labels, lang)
    largest = t(
        "history.radar_largest",
        lang,
        then=labels[0],
        dimensions=t(f"dim.{dim}.name", lang),
        by=abs(now.partners["a"].ratings[dim].need - old),  # type: ignore[operator]
    )
    assert t("history.radar_moved", lang, name="Aoi", count=1) in moved.text
    assert largest in moved.text
    still = history.radar_text(then, now, "b", "Ren", labels, lang)
    assert still.text == t("history.radar_none_moved", lang, name="Ren", then=labels[0])
    blank = history.radar_text(Workbook(), Workbook(), "a", "Aoi", labels, lang)
    assert blank.empty
    names = Names("Aoi", "Ren")
    (row,) = history.table_rows(history.changes(then, now), names, lang)
    assert row[t("history.col_area", lang)] == t(f"dim.{dim}.name", lang)
    assert row[t("history.col_partner", lang)] == "Aoi"
