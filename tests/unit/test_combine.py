"""Partner files and combining: nothing silently dropped, conflicts left to the user."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from emotions.combine import Side, combine, is_blank, partner_file, workbook_is_blank
from emotions.dimensions import DIMENSION_IDS
from emotions.model import PARTNER_IDS, RATING_KINDS, CheckIn, Partner, PartnerId, Workbook
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
    ours, theirs = current.partners["a"], other.partners["a"]
    kept = result.workbook.partners["a"]
    assert kept.name == ours.name  # nothing answered replaced by default
    assert all(kept.ratings[d].need == ours.ratings[d].need for d in DIMENSION_IDS)
    chosen = combine(current, partner_file(other, "a"), {"a": "incoming"})
    taken = chosen.workbook.partners["a"]
    assert taken.name == theirs.name
    assert all(taken.ratings[d].need == theirs.ratings[d].need for d in DIMENSION_IDS)
    # An answer only the current workbook holds stays, whichever side was chosen.
    assert theirs.ratings["conflict_pace"].importance is None
    assert taken.ratings["conflict_pace"].importance == ours.ratings["conflict_pace"].importance
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
    wb = Workbook()
    wb.area_notes["closeness"] = ""  # an empty note is no answer
    wb.partners["a"].meta_emotion["joy"] = {}
    assert workbook_is_blank(wb) and is_blank(wb.partners["a"])
    wb.next_steps = "Walk on Sundays."
    assert not workbook_is_blank(wb)


def _needs_only(values: dict[str, int], pid: PartnerId = "a") -> Workbook:
    """A partner file of ``pid`` who answered only the needs in ``values``."""
    wb = Workbook(partners={pid: Partner()})
    for dim, value in values.items():
        wb.partners[pid].ratings[dim].need = value  # type: ignore[index]
    return wb


def test_a_file_of_a_and_a_file_of_b_give_both() -> None:
    a_only = _needs_only({"closeness": 8}, "a")
    b_only = _needs_only({"support": 2}, "b")
    step = combine(Workbook(), a_only)
    done = combine(step.workbook, b_only)
    assert done.conflicts == [] and done.added == ["b"]
    assert done.workbook.partners["a"].ratings["closeness"].need == 8
    assert done.workbook.partners["b"].ratings["support"].need == 2
    assert done.workbook.partners["a"].ratings["support"].need is None
    assert done.workbook.partners["b"].ratings["closeness"].need is None
    assert step.answers_added == 1 and done.answers_added == 1


def test_the_same_partner_with_different_questions_answered_is_merged() -> None:
    current = _needs_only({"closeness": 8, "support": 3})
    current.partners["a"].ratings["closeness"].met = 4
    incoming = _needs_only({"expression": 6})
    incoming.partners["a"].ratings["closeness"].importance = "high"
    incoming.partners["a"].withdrawal_signs = ["quiet"]
    result = combine(current, incoming)
    assert result.conflicts == [] and result.added == []
    a = result.workbook.partners["a"]
    assert (a.ratings["closeness"].need, a.ratings["closeness"].met) == (8, 4)
    assert a.ratings["closeness"].importance == "high"
    assert a.ratings["support"].need == 3 and a.ratings["expression"].need == 6
    assert a.ratings["intensity"].answered() == 0
    assert a.withdrawal_signs == ["quiet"]
    assert result.answers_added == 3
    assert current == _with_met(_needs_only({"closeness": 8, "support": 3}), current)


def _with_met(wb: Workbook, like: Workbook) -> Workbook:
    wb.partners["a"].ratings["closeness"].met = 4
    wb.created, wb.updated = like.created, like.updated
    return wb


def test_two_different_answers_to_one_question_are_a_conflict_only_there() -> None:
    current = _needs_only({"closeness": 8, "support": 3})
    incoming = _needs_only({"closeness": 2, "expression": 6})
    result = combine(current, incoming)
    assert result.conflicts == ["a"]
    a = result.workbook.partners["a"]
    assert a.ratings["closeness"].need == 8  # the current answer, until the user chooses
    assert (a.ratings["support"].need, a.ratings["expression"].need) == (3, 6)  # merged
    chosen = combine(current, incoming, {"a": "incoming"}).workbook.partners["a"]
    assert chosen.ratings["closeness"].need == 2
    assert (chosen.ratings["support"].need, chosen.ratings["expression"].need) == (3, 6)


def test_a_partner_file_with_nothing_answered_adds_nothing() -> None:
    current = talker_and_processor()
    for pid in PARTNER_IDS:
        blank = Workbook(partners={pid: Partner()})
        result = combine(current, blank)
        assert result.conflicts == [] and result.added == [] and result.answers_added == 0
        assert result.workbook.partners == current.partners
    result = combine(Workbook(), Workbook(partners={"b": Partner()}))
    assert result.added == [] and workbook_is_blank(result.workbook)


def test_a_blank_file_leaves_a_sample_a_sample() -> None:
    from emotions.samples import load_sample

    sample = load_sample("talk-vs-reflect", "en")
    assert combine(sample, Workbook(partners={"a": Partner()})).workbook.sample == sample.sample


def test_two_tables_too_long_together_are_a_conflict_kept_whole() -> None:
    current, incoming = _needs_only({"closeness": 8}), _needs_only({"support": 2})
    current.partners["a"].safety = {f"c{i}": "easy" for i in range(20)}
    incoming.partners["a"].safety = {f"i{i}": "hard" for i in range(20)}
    result = combine(current, incoming)
    assert result.conflicts == ["a"]
    assert result.workbook.partners["a"] == current.partners["a"]
    chosen = combine(current, incoming, {"a": "incoming"})
    assert chosen.workbook.partners["a"] == incoming.partners["a"]


def _answers(wb: Workbook) -> dict[tuple[str, str, str], object]:
    """Every rating answer the workbook holds, by (partner, dimension, question)."""
    return {
        (pid, dim, kind): getattr(rating, kind)
        for pid, partner in wb.partners.items()
        for dim, rating in partner.ratings.items()
        for kind in RATING_KINDS
        if getattr(rating, kind) is not None
    }


@settings(max_examples=80, deadline=None)
@given(workbooks, workbooks, st.sampled_from(["current", "incoming"]))
def test_combining_invents_nothing_and_drops_no_answer_only_one_side_had(
    current: Workbook, incoming: Workbook, side: Side
) -> None:
    before = (current.model_copy(deep=True), incoming.model_copy(deep=True))
    result = combine(current, incoming, {"a": side, "b": side, "shared": side})
    assert (current, incoming) == before
    ours, theirs, combined = _answers(current), _answers(incoming), _answers(result.workbook)
    for where, value in combined.items():  # never a value neither side had
        assert value in (ours.get(where), theirs.get(where)), where
    for where in ours.keys() ^ theirs.keys():  # an answer only one side had is kept
        assert combined[where] == (ours | theirs)[where], where
    for where in ours.keys() & theirs.keys():  # both answered: one of them, as chosen
        pid = where[0]
        expected = theirs[where] if side == "incoming" else ours[where]
        assert combined[where] == expected, where
        if ours[where] != theirs[where]:
            assert pid in result.conflicts
    assert all(c in result.workbook.checkins for c in [*current.checkins, *incoming.checkins])
