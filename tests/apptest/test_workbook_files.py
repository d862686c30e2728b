"""Resume from a file and combine partner files, through the page, in both languages."""

from __future__ import annotations

import json

import pytest

from emotions.combine import partner_file
from emotions.escape import markdown_escape
from emotions.i18n import t
from emotions.model import Partner, Workbook
from emotions.workbook_io import dump_workbook
from tests.apptest.conftest import go, open_app, with_workbook
from tests.couples import reassurance_and_independence, talker_and_processor


def files_page(locale: str = "en-US"):  # type: ignore[no-untyped-def]
    return go(open_app(locale), "workbook")


def upload(at, key: str, *files: tuple[str, bytes]):  # type: ignore[no-untyped-def]
    at.file_uploader(key=key).set_value(
        [(n, b, "application/json") for n, b in files]
        if len(files) > 1 or key == "combine_upload"
        else (files[0][0], files[0][1], "application/json")
    )
    at.run()
    assert not at.exception, at.exception
    return at


def text(at) -> str:  # type: ignore[no-untyped-def]
    return " ".join(
        e.value for kind in ("markdown", "error", "success", "warning") for e in at.get(kind)
    )


def test_resuming_restores_every_answer_and_it_shows_on_the_pages() -> None:
    couple = talker_and_processor()
    couple.partners["a"].reflections["distance"] = "We drift on Sundays."
    at = upload(files_page(), "resume_upload", ("mine.json", dump_workbook(couple).encode()))
    assert "Your workbook is back" in text(at)
    restored = at.session_state["workbook"]
    assert restored.partners == couple.partners
    go(at, "distance")
    assert at.text_area(key="reflect__distance__a").value == "We drift on Sundays."
    go(at, "what_it_means")
    assert at.segmented_control(key="need__a__expression").value == 9


def test_a_broken_file_is_explained_in_japanese_and_changes_nothing() -> None:
    couple = talker_and_processor()
    couple.language = "ja"
    at = with_workbook(files_page("ja-JP"), couple)
    before = at.session_state["workbook"].model_copy(deep=True)
    doc = json.loads(dump_workbook(reassurance_and_independence()))
    doc["partners"]["a"]["ratings"]["closeness"]["need"] = 99
    at = upload(at, "resume_upload", ("bad.json", json.dumps(doc).encode()))
    errors = " ".join(e.value for e in at.error)
    assert "何も変更していません" in errors
    assert "「partners › a › ratings › closeness › need」の値が大きすぎます（最大10）。" in errors
    assert at.session_state["workbook"] == before
    # Not JSON at all, and the same bad upload is handled once, not on every rerun.
    at = upload(at, "resume_upload", ("x.json", b"\x00\x01 not json"))
    assert "JSONとして読み取れません" in " ".join(e.value for e in at.error)
    at.run()
    assert not at.error
    assert at.session_state["workbook"] == before


def test_two_partner_files_combine_into_the_couple() -> None:
    couple = talker_and_processor()
    a = dump_workbook(partner_file(couple, "a")).encode()
    b = dump_workbook(partner_file(couple, "b")).encode()
    at = upload(files_page(), "combine_upload", ("a.json", a), ("b.json", b))
    assert at.session_state["workbook"].partners == couple.partners
    assert "Combined" in text(at)


def test_the_same_partner_twice_asks_which_to_keep_and_keeps_the_choice() -> None:
    at = with_workbook(files_page(), talker_and_processor())
    other = dump_workbook(partner_file(reassurance_and_independence(), "a")).encode()
    at = upload(at, "combine_upload", ("other-a.json", other))
    assert t("files.conflict_intro", "en") in text(at)
    assert at.session_state["workbook"].partners["a"].name == "Mia"  # nothing changed yet
    at.radio(key="combine_choice__a").set_value("incoming")
    at.button(key="FormSubmitter:combine_form-Combine").click().run()
    assert at.session_state["workbook"].partners["a"].name == "Kai"
    assert at.session_state["workbook"].partners["b"].name == "Ren"


def test_resuming_over_existing_answers_asks_first() -> None:
    at = with_workbook(files_page(), talker_and_processor())
    other = reassurance_and_independence()
    at = upload(at, "resume_upload", ("older.json", dump_workbook(other).encode()))
    assert "Replace all of them" in text(at)
    assert at.session_state["workbook"].partners["a"].name == "Mia"
    at.button(key="resume_keep").click().run()
    assert at.session_state["workbook"].partners["a"].name == "Mia"
    assert "Replace all of them" not in text(at)
    at = upload(at, "resume_upload", ("older.json", dump_workbook(other).encode()))
    at.button(key="resume_replace").click().run()
    assert at.session_state["workbook"].partners == other.partners
    assert "Your workbook is back" in text(at)


def test_a_bad_file_among_good_ones_is_still_reported_by_name() -> None:
    couple = talker_and_processor()
    good = dump_workbook(partner_file(couple, "a")).encode()
    at = upload(files_page(), "combine_upload", ("bad.json", b"{oops"), ("good.json", good))
    errors = " ".join(e.value for e in at.error)
    assert f"“{markdown_escape('bad.json')}” could not be opened" in errors
    assert at.session_state["workbook"].partners["a"] == couple.partners["a"]


def test_keeping_the_current_answers_says_nothing_changed() -> None:
    at = with_workbook(files_page(), talker_and_processor())
    # The file answered the same questions as the workbook, every one differently.
    changed = talker_and_processor()
    for rating in changed.partners["a"].ratings.values():
        rating.need = 10 - rating.need if rating.need is not None else None
        rating.importance = "low" if rating.importance is not None else None
    changed.partners["a"].name = "Mika"
    other = dump_workbook(partner_file(changed, "a")).encode()
    at = upload(at, "combine_upload", ("other-a.json", other))
    at.button(key="FormSubmitter:combine_form-Combine").click().run()
    assert "Nothing was changed" in text(at)
    assert at.session_state["workbook"].partners == talker_and_processor().partners


def test_a_file_answering_other_questions_of_the_same_person_joins_without_asking() -> None:
    at = with_workbook(files_page(), talker_and_processor())
    more = Workbook(partners={"a": Partner()})
    more.partners["a"].ratings["closeness"].met = 3
    more.partners["a"].ratings["support"].guess = 6
    at = upload(at, "combine_upload", ("more-a.json", dump_workbook(more).encode()))
    assert t("files.conflict_intro", "en") not in text(at)
    assert t("files.combined", "en", count=2) in text(at)
    a = at.session_state["workbook"].partners["a"]
    assert (a.ratings["closeness"].met, a.ratings["support"].guess) == (3, 6)
    assert (
        a.ratings["closeness"].need
        == talker_and_processor().partners["a"].ratings["closeness"].need
    )


def test_a_partner_file_given_to_resume_joins_instead_of_replacing() -> None:
    couple = talker_and_processor()
    at = with_workbook(files_page(), couple)
    at.session_state["workbook"].partners["b"] = type(couple.partners["b"])()  # B not answered
    at.run()
    half = dump_workbook(partner_file(reassurance_and_independence(), "b")).encode()
    at = upload(at, "resume_upload", ("b.json", half))
    wb = at.session_state["workbook"]
    assert wb.partners["a"] == couple.partners["a"]
    assert wb.partners["b"].name == "Sam"


@pytest.mark.parametrize("locale", ["en-US", "ja-JP"])
def test_a_partner_file_with_nothing_answered_adds_nothing_and_says_so(locale: str) -> None:
    lang = "ja" if locale.startswith("ja") else "en"
    couple = talker_and_processor()
    couple.language = lang
    at = with_workbook(files_page(locale), couple)
    for key in ("combine_upload", "resume_upload"):
        for pid in ("a", "b"):
            blank = dump_workbook(Workbook(partners={pid: Partner()})).encode()
            at = upload(at, key, (f"blank-{key}-{pid}.json", blank))
            assert not at.exception
            assert t("combine_rooms.nothing_new", lang) in text(at)
            assert at.session_state["workbook"].partners == couple.partners
