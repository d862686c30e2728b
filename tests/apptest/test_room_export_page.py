"""The room afterwards (issue 17, item 5) on the facilitator's page, in both languages: the
downloads of the room's spread sit beside the close button from five people on, and below that a
line says why there are none."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from emotions.dimensions import DIMENSION_IDS
from emotions.export.room_spread import csv_rows
from emotions.i18n import t
from emotions.rooms import MIN_SHOWN
from tests.apptest.conftest import english_left_over
from tests.apptest.test_rooms_pages import (
    LOCALES,
    charts,
    lang_of,
    needs,
    open_room,
    rows_of,
    texts,
)
from tests.apptest.test_rooms_pages import url as url  # the SQLite store fixture
from ui.rooms import Rooms


def downloads(at: AppTest) -> list[str]:
    """The labels of the page's download buttons that can be pressed."""
    return [e.proto.label for e in at.get("download_button") if not e.proto.disabled]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_spread_can_be_downloaded_from_five_and_not_before(url: str, locale: str) -> None:
    lang = lang_of(locale)
    at, code = open_room(locale)
    store = Rooms(url)
    why = t("room_export.unavailable", lang, min=MIN_SHOWN)
    # Four people: nothing to download, and a line saying why.
    for i in range(MIN_SHOWN - 1):
        store.contribute(code, f"participant-token-{i:04d}", {DIMENSION_IDS[i]: i})
    at.run()
    assert downloads(at) == [] and why in texts(at)
    # Five people, but each on a different question: no question has five positions yet.
    store.contribute(code, "participant-token-0004", {DIMENSION_IDS[4]: 4})
    at.run()
    assert t("rooms.contributions", lang, count=5) in texts(at)
    assert downloads(at) == [] and why in texts(at)
    # The same five placed on every question: both files, beside the close button.
    for i in range(MIN_SHOWN):
        store.contribute(code, f"participant-token-{i:04d}", needs(i))
    at.run()
    assert not at.exception, at.exception
    assert downloads(at) == [t("room_export.csv_button", lang), t("room_export.svg_button", lang)]
    assert why not in texts(at) and t("room_export.note", lang) in texts(at)
    assert [b.key for b in at.button if b.key == "room_close"] == ["room_close"]
    # The CSV's rows for this room are the page's chart rows, name by name and point by point.
    exported: dict[str, list[int]] = {}
    for _dim, name, _point, count in csv_rows(store.picture(code), lang):
        exported.setdefault(name, []).append(count)
    [figure] = charts(at)
    assert exported == rows_of(figure) and len(exported) == len(DIMENSION_IDS)
    # Asked to confirm closing: the files are still there to take first.
    at.button(key="room_close").click().run()
    assert len(downloads(at)) == 2
    if lang == "ja":
        assert english_left_over(at) == []
