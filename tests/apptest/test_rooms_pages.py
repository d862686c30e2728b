"""The workshop-room pages through the real entrypoint, in both languages, with the real store on
a temporary SQLite file."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import catalog, t
from emotions.languages import spec
from tests.apptest.conftest import english_left_over, go, open_app
from ui import rooms as ui_rooms
from ui.exits import TOP_EXIT_KEY
from ui.rooms import Rooms

LOCALES = ["en-US", "ja-JP"]


def lang_of(locale: str) -> str:
    return "ja" if locale.startswith("ja") else "en"


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    value = f"sqlite:///{tmp_path / 'rooms.db'}"
    monkeypatch.setenv(ui_rooms.URL_ENV, value)
    ui_rooms.limiter.clear()  # a fresh join limiter for each test
    return value


def texts(at: AppTest) -> str:
    out = []
    for kind in ("markdown", "caption", "info", "warning", "success", "title", "subheader"):
        out += [e.value for e in at.main.get(kind)]
    return "\n".join(out)


def charts(at: AppTest) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def rows_of(figure: dict) -> dict[str, list[int]]:  # type: ignore[type-arg]
    """The host's compact chart as {dimension name: counts at 0..10}."""
    [heatmap] = figure["data"]
    assert heatmap["type"] == "heatmap"
    return dict(zip(heatmap["y"], heatmap["z"], strict=True))


def open_room(locale: str) -> tuple[AppTest, str]:
    at = go(open_app(locale), "room_host")
    at.button(key="room_open").click().run()
    assert not at.exception, at.exception
    code, _key = at.session_state[ui_rooms.HOST_KEY]
    return at, code


def needs(value: int) -> dict:  # type: ignore[type-arg]
    return {dim: value for dim in DIMENSION_IDS}


@pytest.mark.parametrize("locale", LOCALES)
def test_host_page_opens_a_room_with_code_qr_and_key(url: str, locale: str) -> None:
    lang = lang_of(locale)
    at = go(open_app(locale), "room_host")
    assert at.title[0].value == t("rooms.host_title", lang)
    at.button(key="room_open").click().run()
    code, key = at.session_state[ui_rooms.HOST_KEY]
    shown = texts(at)
    assert f"{code[:4]}&nbsp;{code[4:]}" in shown  # projector-sized, in two groups
    assert f"/join?code={code}" in shown
    assert len(at.main.get("image")) == 1  # the QR code, drawn locally
    assert [c.value for c in at.code] == [key]  # the facilitator key, shown once
    assert Rooms(url).exists(code)
    assert t("rooms.waiting", lang, n=5) in shown
    assert charts(at) == []
    if lang == "ja":
        assert english_left_over(at) == []
    at.button(key="room_key_hide").click().run()
    assert len(at.code) == 0  # not shown again
    assert code in texts(at)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_view_is_hidden_below_five_and_shown_from_five(url: str, locale: str) -> None:
    at, code = open_room(locale)
    store = Rooms(url)
    for i in range(4):
        store.contribute(code, secrets.token_urlsafe(16), needs(i))
    at.run()
    assert charts(at) == []
    assert catalog(lang_of(locale))["rooms.waiting"].format(n=1) in texts(at)
    store.contribute(code, secrets.token_urlsafe(16), needs(9))
    at.run()
    lang = lang_of(locale)
    [figure] = charts(at)  # one compact chart, a row per dimension
    shown = rows_of(figure)
    assert list(shown) == [t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS]
    assert shown[t("dim.expression.name", lang)] == [1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0]
    assert t("rooms.contributions", lang, count=5) in texts(at)
    # Dark numbers on every shade of the cells, readable on a projector.
    from emotions.palette import contrast_ratio

    for _at, colour in figure["data"][0]["colorscale"]:
        assert contrast_ratio(figure["data"][0]["textfont"]["color"], colour) >= 7, colour
    # Its text alternative, from the same counts: every dimension spreads from 0 to 9.
    alt = t("rooms_moments.chart_alt_even", lang, n=5, count=len(DIMENSION_IDS), span=9)
    assert alt in texts(at)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_dimension_too_few_people_placed_is_named_not_drawn(url: str, locale: str) -> None:
    """Five took part, but one of them joined before "closeness" was asked (no position)."""
    import sqlalchemy as sa

    from emotions import rooms as store_module

    at, code = open_room(locale)
    store = Rooms(url)
    for i in range(5):
        store.contribute(code, secrets.token_urlsafe(16), needs(i))
    positions = store_module.positions_table
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        one = conn.execute(sa.select(positions.c.token_hash).limit(1)).scalar_one()
        conn.execute(
            positions.delete().where(
                positions.c.dimension == "closeness", positions.c.token_hash == one
            )
        )
    engine.dispose()
    at.run()
    lang = lang_of(locale)
    [figure] = charts(at)
    assert t("dim.closeness.name", lang) not in rows_of(figure)
    assert len(rows_of(figure)) == len(DIMENSION_IDS) - 1
    hidden = t("rooms_moments.hidden", lang, min=5, dimensions=t("dim.closeness.name", lang))
    assert hidden in texts(at)


@pytest.mark.parametrize("locale", LOCALES)
def test_closing_asks_first_then_erases_the_room(url: str, locale: str) -> None:
    at, code = open_room(locale)
    store = Rooms(url)
    store.contribute(code, secrets.token_urlsafe(16), needs(3))
    at.button(key="room_close").click().run()
    assert Rooms(url).exists(code)  # only asked so far
    at.button(key="room_close_no").click().run()
    assert Rooms(url).exists(code)
    at.button(key="room_close").click().run()
    at.button(key="room_close_yes").click().run()
    assert not at.exception
    assert not Rooms(url).exists(code)
    assert catalog(lang_of(locale))["rooms.closed_done"] in texts(at)
    assert at.button(key="room_open")  # ready to open another


@pytest.mark.parametrize("locale", LOCALES)
def test_join_with_a_wrong_code_says_so(url: str, locale: str) -> None:
    lang = lang_of(locale)
    at = go(open_app(locale), "room_join")
    assert at.title[0].value == t("rooms.join_title", lang)
    assert t("combine_rooms.privacy", lang) in texts(at)
    at.text_input(key="room_join_code").input("ZZZZZZZZ")
    _submit(at)
    assert t("rooms.error_not_found", lang) in texts(at)
    assert ui_rooms.JOINED_KEY not in at.session_state
    if lang == "ja":
        assert english_left_over(at) == []


def _submit(at: AppTest) -> None:
    # The form's submit button is the only button before joining.
    [button] = [b for b in at.main.button if b.proto.is_form_submitter]
    button.click().run()
    assert not at.exception, at.exception


def test_wrong_codes_are_rate_limited(url: str) -> None:
    at = go(open_app(), "room_join")
    for _ in range(10):
        at.text_input(key="room_join_code").input("ZZZZZZZZ")
        _submit(at)
    assert t("rooms.error_not_found", "en") in texts(at)
    code = Rooms(url).create().code
    at.text_input(key="room_join_code").input(code)
    _submit(at)  # even a right code waits now
    assert t("rooms.error_rate_limited", "en") in texts(at)
    assert ui_rooms.JOINED_KEY not in at.session_state


def _position(at: AppTest, dim: str):  # type: ignore[no-untyped-def]
    return at.segmented_control(key=ui_rooms.position_key(dim))  # type: ignore[arg-type]


@pytest.mark.parametrize("locale", LOCALES)
def test_contribute_change_and_withdraw(url: str, locale: str) -> None:
    lang = lang_of(locale)
    store = Rooms(url)
    code = store.create().code
    at = go(open_app(locale), "room_join")
    at.text_input(key="room_join_code").input(code.lower())
    _submit(at)
    assert at.session_state[ui_rooms.JOINED_KEY] == code
    assert len(at.slider) == 0
    assert len(at.segmented_control) == len(DIMENSION_IDS)
    # Nothing is set until the participant sets it, and the label says so in words.
    assert all(w.value is None for w in at.segmented_control)
    name = t("dim.closeness.name", lang)
    unset = t("answer.label_unanswered", lang, question=name)
    assert _position(at, "closeness").label.startswith(unset)
    assert t("combine_rooms.set_count", lang, count=0) in texts(at)
    _position(at, "closeness").set_value(8).run()
    assert _position(at, "closeness").label.startswith(name + "  \n")
    assert t("combine_rooms.set_count", lang, count=1) in texts(at)
    at.button(key="room_send").click().run()
    token = at.session_state[ui_rooms.TOKEN_KEY]
    assert store.position_of(code, token) == {"closeness": 8}  # no stand-in 5 anywhere
    assert t("rooms.sent", lang) in texts(at)
    assert t("rooms.waiting", lang, n=4) in texts(at)
    assert charts(at) == []
    # Four more people: the participant now sees the room with their own mark.
    for i in range(4):
        store.contribute(code, secrets.token_urlsafe(16), needs(i))
    at.run()
    figures = charts(at)
    # Only "closeness" has five positions: every other dimension is named, not drawn.
    assert len(figures) == 1
    closeness = figures[0]
    assert closeness["data"][1]["x"] == [8]  # own position, marked
    assert sum(closeness["data"][0]["y"]) == 5  # counts only: no one else's single answer
    waiting = t("rooms.dimension_waiting", lang, dimension=t("dim.support.name", lang), min=5)
    assert waiting in texts(at)
    # Change it later: set another, unset the first.
    _position(at, "support").set_value(2).run()
    _position(at, "closeness").set_value(None).run()
    assert _position(at, "closeness").label.startswith(unset)
    at.button(key="room_send").click().run()
    assert store.position_of(code, token) == {"support": 2}
    assert store.picture(code).contributions == 5
    # Withdraw.
    at.button(key="room_withdraw").click().run()
    assert store.position_of(code, token) is None
    assert store.picture(code).contributions == 4
    assert t("rooms.withdrawn", lang) in texts(at)
    assert charts(at) == []
    if lang == "ja":
        assert english_left_over(at) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_sending_with_nothing_set_is_refused_calmly(url: str, locale: str) -> None:
    lang = lang_of(locale)
    store = Rooms(url)
    code = store.create().code
    at = go(open_app(locale), "room_join")
    at.text_input(key="room_join_code").input(code)
    _submit(at)
    at.button(key="room_send").click().run()
    assert not at.exception
    assert [i.value for i in at.info] == [t("combine_rooms.nothing_set", lang)]
    assert not at.warning and not at.error
    assert store.picture(code).contributions == 0
    # Having sent once, unsetting everything and sending again changes nothing either.
    _position(at, "intensity").set_value(0).run()
    at.button(key="room_send").click().run()
    token = at.session_state[ui_rooms.TOKEN_KEY]
    assert store.position_of(code, token) == {"intensity": 0}
    _position(at, "intensity").set_value(None).run()
    at.button(key="room_send").click().run()
    assert t("combine_rooms.nothing_set", lang) in [i.value for i in at.info]
    assert store.position_of(code, token) == {"intensity": 0}
    if lang == "ja":
        assert english_left_over(at) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_participant_who_set_two_of_eight_adds_to_those_two_only(url: str, locale: str) -> None:
    """The host's picture counts per dimension: the two set ones have one more position."""
    lang = lang_of(locale)
    host, code = open_room(locale)
    store = Rooms(url)
    for i in range(4):
        store.contribute(code, secrets.token_urlsafe(16), needs(i))
    at = go(open_app(locale), "room_join")
    at.text_input(key="room_join_code").input(code)
    _submit(at)
    _position(at, "closeness").set_value(9).run()
    _position(at, "support").set_value(10).run()
    at.button(key="room_send").click().run()
    assert store.position_of(code, at.session_state[ui_rooms.TOKEN_KEY]) == {
        "closeness": 9,
        "support": 10,
    }
    host.run()
    shown = texts(host)
    assert t("rooms.contributions", lang, count=5) in shown
    [figure] = charts(host)
    drawn = rows_of(figure)
    closeness, support = t("dim.closeness.name", lang), t("dim.support.name", lang)
    assert list(drawn) == [closeness, support]  # only the dimensions five people set
    assert drawn[closeness] == [1, 1, 1, 1] + [0] * 5 + [1, 0]
    assert drawn[support] == [1, 1, 1, 1] + [0] * 6 + [1]
    others = [dim for dim in DIMENSION_IDS if dim not in ("closeness", "support")]
    names = spec(lang).list_separator.join(t(f"dim.{d}.name", lang) for d in others)
    assert t("rooms_moments.hidden", lang, min=5, dimensions=names) in shown
    # A sixth person sets everything: every dimension now has five positions or more.
    store.contribute(code, secrets.token_urlsafe(16), needs(5))
    host.run()
    [figure] = charts(host)
    drawn = rows_of(figure)
    assert len(drawn) == len(DIMENSION_IDS)
    for dim in DIMENSION_IDS:
        counted = sum(drawn[t(f"dim.{dim}.name", lang)])
        assert counted == (6 if dim in ("closeness", "support") else 5), dim
    assert t("rooms_moments.hidden", lang, min=5, dimensions=names) not in texts(host)


def test_the_code_in_the_address_fills_the_field(url: str) -> None:
    code = Rooms(url).create().code
    at = open_app()
    at.query_params["code"] = code
    at.switch_page("app_pages/room_join.py")
    at.run()
    assert at.text_input(key="room_join_code").value == code


def test_a_closed_room_sends_the_participant_back(url: str) -> None:
    store = Rooms(url)
    room = store.create()
    at = go(open_app(), "room_join")
    at.text_input(key="room_join_code").input(room.code)
    _submit(at)
    _position(at, "expression").set_value(4).run()
    at.button(key="room_send").click().run()
    assert store.position_of(room.code, at.session_state[ui_rooms.TOKEN_KEY]) is not None
    store.close(room.code, room.facilitator_key)
    at.run()
    assert t("rooms.room_closed", "en") in texts(at)
    assert ui_rooms.JOINED_KEY not in at.session_state


def test_the_join_page_never_shows_the_workbook() -> None:
    """Nothing of the couple's workbook (names, notes) is drawn on the join page."""
    at = open_app()
    at.session_state["workbook"].partner("a").name = "Zanzibar"
    go(at, "room_join")
    assert "Zanzibar" not in texts(at)


def test_a_room_can_be_closed_from_another_device_with_its_key(url: str) -> None:
    room = Rooms(url).create()
    at = go(open_app(), "room_host")
    at.text_input(key="room_other_code").input(room.code)
    at.text_input(key="room_other_key").input("not-the-key")
    at.button(key="room_other_close").click().run()
    assert t("rooms.error_bad_key", "en") in texts(at)
    assert Rooms(url).exists(room.code)
    at.text_input(key="room_other_key").input(room.facilitator_key)
    at.button(key="room_other_close").click().run()
    assert t("rooms.closed_done", "en") in texts(at)
    assert not Rooms(url).exists(room.code)


def test_the_host_page_works_in_presentation_mode(url: str) -> None:
    at = open_app()
    at.session_state["_presenting"] = True
    go(at, "room_host")
    at.button(key="room_open").click().run()
    assert not at.exception
    code, _key = at.session_state[ui_rooms.HOST_KEY]
    assert f"{code[:4]}&nbsp;{code[4:]}" in texts(at)


def test_a_quick_exit_takes_the_participants_position_out_of_the_room(url: str) -> None:
    store = Rooms(url)
    code = store.create().code
    store.contribute(code, secrets.token_urlsafe(16), needs(3))  # someone else stays
    at = go(open_app(), "room_join")
    at.text_input(key="room_join_code").input(code)
    _submit(at)
    _position(at, "closeness").set_value(9).run()
    at.button(key="room_send").click().run()
    token = at.session_state[ui_rooms.TOKEN_KEY]
    assert store.position_of(code, token) is not None
    assert store.picture(code).contributions == 2
    at.button(key="quick_exit").click().run()
    assert not at.exception, at.exception
    assert store.position_of(code, token) is None
    assert store.picture(code).contributions == 1


# --------------------------------------------------------------------------- issue 16, item 8


def _joined_and_sent(url: str, locale: str) -> tuple[AppTest, Rooms, str, str]:
    store = Rooms(url)
    room = store.create()
    at = go(open_app(locale), "room_join")
    at.text_input(key="room_join_code").input(room.code)
    _submit(at)
    _position(at, "expression").set_value(4).run()
    at.button(key="room_send").click().run()
    assert store.position_of(room.code, at.session_state[ui_rooms.TOKEN_KEY]) is not None
    return at, store, room.code, room.facilitator_key


def _only_closed(at: AppTest, lang: str) -> None:
    """The page says only that the room has closed, and offers the way back."""
    assert not at.exception, at.exception
    assert [w.value for w in at.main.warning] == [t("rooms.room_closed", lang)]
    assert [b.key for b in at.main.button if b.key != TOP_EXIT_KEY] == ["room_closed_back"]
    assert at.button(key="room_closed_back").label == t("rooms_moments.closed_back", lang)
    assert len(at.segmented_control) == 0
    shown = texts(at)
    for key in ("rooms.update", "rooms.withdraw", "rooms.send", "combine_rooms.privacy"):
        assert t(key, lang) not in shown
    assert ui_rooms.JOINED_KEY not in at.session_state
    if lang == "ja":
        assert english_left_over(at) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_closed_room_shows_only_that_and_a_way_back(url: str, locale: str) -> None:
    lang = lang_of(locale)
    at, store, code, key = _joined_and_sent(url, locale)
    assert t("rooms.update", lang) == at.button(key="room_send").label  # before: the actions
    store.close(code, key)
    at.run()  # the next refresh
    _only_closed(at, lang)
    at.button(key="room_closed_back").click().run()
    assert not at.exception
    assert at.text_input(key="room_join_code")  # joining another room
    assert t("rooms.room_closed", lang) not in texts(at)


@pytest.mark.parametrize("locale", LOCALES)
def test_sending_to_a_room_that_has_just_closed_shows_only_that(url: str, locale: str) -> None:
    lang = lang_of(locale)
    at, store, code, key = _joined_and_sent(url, locale)
    store.close(code, key)
    at.button(key="room_send").click().run()  # the room closed while the page was open
    _only_closed(at, lang)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_link_to_loopback_is_warned_about_and_the_address_can_be_set(
    url: str, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = lang_of(locale)
    monkeypatch.delenv("WORKBOOK_PUBLIC_URL", raising=False)
    at, code = open_room(locale)  # AppTest has no address of its own: localhost
    warning = t("rooms_moments.address_loopback", lang, host="localhost")
    assert warning in [w.value for w in at.main.warning]
    assert f"http://localhost:8501/join?code={code}" in texts(at)
    # The facilitator types the address phones can reach: the link and QR code follow it.
    at.text_input(key=ui_rooms.ADDRESS_KEY).input("http://192.168.1.20:8501/").run()
    assert f"http://192.168.1.20:8501/join?code={code}" in texts(at)
    assert warning not in [w.value for w in at.main.warning]
    # Something that is not an address is said so; the link keeps the page's own address.
    at.text_input(key=ui_rooms.ADDRESS_KEY).input("workbook at the hall").run()
    invalid = t("rooms_moments.address_invalid", lang, url="http://localhost:8501")
    assert invalid in [w.value for w in at.main.warning]
    assert warning in [w.value for w in at.main.warning]
    if lang == "ja":
        assert english_left_over(at) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_the_public_address_setting_builds_the_link_without_a_warning(
    url: str, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lang = lang_of(locale)
    monkeypatch.setenv("WORKBOOK_PUBLIC_URL", "https://workbook.example.org/hall/")
    at, code = open_room(locale)
    assert f"https://workbook.example.org/hall/join?code={code}" in texts(at)
    loopback = t("rooms_moments.address_loopback", lang, host="localhost")
    assert loopback not in [w.value for w in at.main.warning]
