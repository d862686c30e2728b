"""Partner files and combining: nothing silently dropped, conflicts left to the user."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings

from emotions.combine import combine, is_blank, partner_file, workbook_is_blank
from emotions.model import CheckIn, Workbook
from emotions.workbook_io import dump_workbook, load_workbook
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.unit.strategies import workbooks


def test_a_partner_file_holds_one_partner_and_survives_the_file_round_trip() -> None:
    wb = talker_and_processor()
    wb.checkins.append(CheckIn(date=dt.date(2026, 1, 5), connection={"a": 6}))
    half = partner_file(wb, "b")
    assert set(half.partners) == {"b"}
    assert half.partners["b"] == wb.partners["b"]
    assert half.mode == "separate" and half.checkins == []
    assert load_workbook(dump_workbook(half)) == half


def test_two_partner_files_combine_into_the_couple_in_a_fresh_session() -> None:
    couple = talker_and_processor()
    fresh = Workbook()
    step = combine(fresh, partner_file(couple, "a"))
    assert step.added == ["a"] and step.conflicts == []
    done = combine(step.workbook, partner_file(couple, "b"))
    assert done.added == ["b"] and done.conflicts == []
    assert done.workbook.partners == couple.partners
    assert fresh == Workbook(created=fresh.created, updated=fresh.updated)  # untouched


def test_the_same_partner_in_both_is_a_conflict_settled_by_the_users_choice() -> None:
    current, other = talker_and_processor(), reassurance_and_independence()
    result = combine(current, partner_file(other, "a"))
    assert result.conflicts == ["a"]
    assert result.workbook.partners["a"] == current.partners["a"]  # nothing replaced by default
    chosen = combine(current, partner_file(other, "a"), {"a": "incoming"})
    assert chosen.workbook.partners["a"] == other.partners["a"]
    assert chosen.workbook.partners["b"] == current.partners["b"]


def test_identical_partners_are_not_a_conflict() -> None:
    wb = talker_and_processor()
    assert combine(wb, partner_file(wb, "a")).conflicts == []


def test_shared_answers_and_check_ins_are_kept_from_both() -> None:
    current, incoming = talker_and_processor(), talker_and_processor()
    current.next_steps = "Walk on Sundays."
    incoming.next_steps = "Phones away at dinner."
    day1 = CheckIn(date=dt.date(2026, 2, 1), connection={"a": 5, "b": 6})
    day2 = CheckIn(date=dt.date(2026, 2, 8), connection={"a": 7, "b": 7})
    current.checkins = [day1]
    incoming.checkins = [day2, day1]
    result = combine(current, incoming)
    assert result.conflicts == ["shared"]
    assert result.workbook.next_steps == "Walk on Sundays."
    assert result.workbook.checkins == [day1, day2]
    assert combine(current, incoming, {"shared": "incoming"}).workbook.next_steps == (
        "Phones away at dinner."
    )


def test_blankness() -> None:
    wb = Workbook()
    assert workbook_is_blank(wb) and is_blank(wb.partners["a"])
    wb.partners["b"].ratings["closeness"].met = 3
    assert not workbook_is_blank(wb) and not is_blank(wb.partners["b"])


@settings(max_examples=60, deadline=None)
@given(workbooks, workbooks)
def test_combining_never_loses_a_partner_and_never_changes_its_inputs(
    current: Workbook, incoming: Workbook
) -> None:
    before = (current.model_copy(deep=True), incoming.model_copy(deep=True))
    result = combine(current, incoming)
    assert (current, incoming) == before
    for pid, partner in incoming.partners.items():
        if is_blank(partner):
            continue
        kept = result.workbook.partners[pid]
        # Either it was taken, or the current one stays and the difference was reported.
        assert kept == partner or pid in result.conflicts
    assert all(c in result.workbook.checkins for c in [*current.checkins, *incoming.checkins])
