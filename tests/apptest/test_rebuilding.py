"""Section 15: check-ins added through one form, listed newest first, deleted, and their trend."""

from __future__ import annotations

import datetime as dt
import json

from emotions.i18n import t
from tests.apptest.conftest import english_left_over, go, table_as_shown
from tests.apptest.sections_helpers import english_runs, page, shown, workbook_of
from tests.couples import reassurance_and_independence, talker_and_processor


def check_in(at, day: int, a: int | None, b: int | None, reliability: str = ""):  # type: ignore[no-untyped-def]
    at.date_input(key="checkin_new_date").set_value(dt.date(2025, 3, day))
    at.segmented_control(key="checkin_new_connection__a").set_value(a)
    at.segmented_control(key="checkin_new_connection__b").set_value(b)
    at.text_input(key="checkin_new_reliability").input(reliability)
    return at.button(key="checkin_add").click().run()


def test_a_connection_left_unanswered_is_not_saved_as_a_number() -> None:
    at = page("rebuilding")
    assert at.segmented_control(key="checkin_new_connection__a").value is None
    check_in(at, 4, None, 3, "Breakfast together")
    [checkin] = workbook_of(at).checkins
    assert checkin.connection == {"b": 3}
    row = table_as_shown(at.table[0].value).iloc[0]
    assert row[t("partner.a", "en")] in ("", t("answer.not_answered", "en"))


def test_one_submit_adds_a_checkin_and_the_list_shows_it() -> None:
    at = page("rebuilding")
    assert at.info[0].value == t("checkin.no_checkins", "en")
    assert len(at.get("plotly_chart")) == 0
    check_in(at, 3, 7, 4, "You called at six, as promised")
    [checkin] = workbook_of(at).checkins
    assert (checkin.date, checkin.connection, checkin.reliability) == (
        dt.date(2025, 3, 3),
        {"a": 7, "b": 4},
        "You called at six, as promised",
    )
    row = table_as_shown(at.table[0].value).iloc[0]
    columns = ("checkin.col_date", "partner.a", "checkin.col_reliability")
    assert tuple(row[t(key, "en")] for key in columns) == (
        "2025-03-03",
        "7",
        "You called at six, as promised",
    )
    assert "A trend needs at least three" in shown(at)
    assert t("checkin.trend_caption", "en") not in shown(at)


def test_the_list_is_newest_first_and_a_checkin_can_be_deleted() -> None:
    at = page("rebuilding")
    check_in(at, 10, 5, 5, "second")
    check_in(at, 1, 6, 6, "first")
    reliability = t("checkin.col_reliability", "en")
    assert list(table_as_shown(at.table[0].value)[reliability]) == ["second", "first"]
    at.selectbox(key="checkin_delete_which").set_value(0).run()  # the one dated the 10th
    at.button(key="checkin_delete").click().run()
    assert [c.reliability for c in workbook_of(at).checkins] == ["first"]


def test_three_checkins_make_a_trend_chart_and_an_honest_sentence() -> None:
    at = page("rebuilding", wb=talker_and_processor())
    for day, a, b in ((1, 3, 7), (8, 5, 8), (15, 8, 7)):
        check_in(at, day, a, b)
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["name"] for trace in chart["data"]] == ["Mia", "Ren"]
    assert chart["data"][0]["y"] == [3, 5, 8]
    text = shown(at)
    assert (
        "Mia: across 3 check-ins (2025-03-01 to 2025-03-15), the more recent ones are higher"
        in text
    )
    assert (
        "Ren: across 3 check-ins (2025-03-01 to 2025-03-15), the scores have stayed about level"
        in text
    )
    assert t("checkin.trend_caption", "en") in text


def test_the_trend_follows_the_couple() -> None:
    at = page("rebuilding", wb=reassurance_and_independence())
    for day, a, b in ((1, 8, 3), (8, 6, 4), (15, 4, 6)):
        check_in(at, day, a, b)
    text = shown(at)
    assert (
        "Kai: across 3 check-ins (2025-03-01 to 2025-03-15), the more recent ones are lower" in text
    )
    assert (
        "Sam: across 3 check-ins (2025-03-01 to 2025-03-15), the more recent ones are higher"
        in text
    )


def test_checkins_survive_a_page_switch_and_a_language_switch() -> None:
    at = page("rebuilding")
    check_in(at, 3, 7, 4, "電話をくれた")
    go(at, "introduction")
    at.radio(key="ui_lang").set_value("ja").run()
    go(at, "rebuilding")
    assert len(workbook_of(at).checkins) == 1
    assert table_as_shown(at.table[0].value).iloc[0]["日付"] == "2025年3月3日"
    assert "推移を見るには少なくとも3件" in shown(at)
    assert english_left_over(at) == []
    assert english_runs(at) == []
