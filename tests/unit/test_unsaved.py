"""When leaving the page asks first, and when the copy in the browser is offered."""

from __future__ import annotations

from emotions import keep, samples, unsaved
from emotions.dimensions import DIMENSION_IDS
from emotions.model import Workbook

FIRST = DIMENSION_IDS[0]


def one_answer(value: int = 7) -> Workbook:
    wb = Workbook()
    wb.partners["a"].ratings[FIRST].need = value
    return wb


def test_a_blank_workbook_has_nothing_to_lose() -> None:
    assert not unsaved.holds_own_answers(Workbook())
    assert not unsaved.at_risk(Workbook(), None, kept_in_browser=False)


def test_an_answer_not_downloaded_is_at_risk_until_downloaded() -> None:
    wb = one_answer()
    assert unsaved.at_risk(wb, None, kept_in_browser=False)
    downloaded = keep.answers_digest(wb)
    assert not unsaved.at_risk(wb, downloaded, kept_in_browser=False)
    # A change after the download is at risk again; taking it back makes the file current.
    wb.partners["a"].ratings[FIRST].need = 3
    assert unsaved.at_risk(wb, downloaded, kept_in_browser=False)
    wb.partners["a"].ratings[FIRST].need = 7
    assert not unsaved.at_risk(wb, downloaded, kept_in_browser=False)
    # Taking an answer back is a change too.
    wb.partners["a"].ratings[FIRST].need = None
    assert not unsaved.at_risk(wb, None, kept_in_browser=False)  # blank again: nothing to lose
    assert unsaved.at_risk(wb, downloaded, kept_in_browser=False) is False  # blank wins


def test_a_name_or_a_note_counts_and_the_visited_pages_do_not() -> None:
    wb = Workbook()
    wb.partners["b"].name = "Ren"
    assert unsaved.at_risk(wb, None, kept_in_browser=False)
    wb = one_answer()
    downloaded = keep.answers_digest(wb)
    wb.visited.append("distance")
    wb.language = "ja"
    assert not unsaved.at_risk(wb, downloaded, kept_in_browser=False)


def test_a_copy_in_the_browser_makes_it_safe() -> None:
    assert not unsaved.at_risk(one_answer(), None, kept_in_browser=True)


def test_an_unchanged_sample_has_nothing_to_lose_a_changed_one_has() -> None:
    (sid, *_) = samples.SAMPLE_IDS
    wb = samples.load_sample(sid, "en")
    assert not unsaved.holds_own_answers(wb)
    assert not unsaved.at_risk(wb, None, kept_in_browser=False)
    rating = wb.partners["a"].ratings[FIRST]
    rating.need = 0 if rating.need != 0 else 10
    assert unsaved.at_risk(wb, None, kept_in_browser=False)


def test_the_copy_is_offered_once_after_the_first_answer_and_only_when_keeping_is_off() -> None:
    wb = one_answer()
    assert not unsaved.offer_copy(Workbook(), kept_in_browser=False, offered=False)
    assert unsaved.offer_copy(wb, kept_in_browser=False, offered=False)
    assert not unsaved.offer_copy(wb, kept_in_browser=False, offered=True)
    assert not unsaved.offer_copy(wb, kept_in_browser=True, offered=False)
    assert not unsaved.offer_copy(wb, kept_in_browser=None, offered=False)  # not known yet


def test_a_browser_report_names_only_a_private_turn() -> None:
    report = keep.parse_report({"nonce": "n", "on": True, "text": "{}", "turn": "handover"})
    assert report is not None and report.turn == "handover"
    for value in ("reveal", "HANDOVER", 7, None, ["a"], "<b>"):
        other = keep.parse_report({"nonce": "n", "on": True, "text": "{}", "turn": value})
        assert other is not None and other.turn is None, value
