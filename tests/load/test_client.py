"""bench/stclient.py behaves like the browser's frontend: every widget's value kept and sent,
fragment runs merged into the page, stale elements dropped, exceptions reported, and it never
connects anywhere but loopback."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from bench.stclient import NotLoopbackError, Server, Session
from emotions.i18n import t


def sent_messages(session: Session) -> list[Any]:
    """Record every BackMsg the session sends from now on."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    sent: list[Any] = []
    send = session.ws.send

    def spy(data: bytes) -> None:
        msg = BackMsg()
        msg.ParseFromString(data)
        sent.append(msg)
        send(data)

    session.ws.send = spy  # type: ignore[method-assign]
    return sent


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com",
        "http://10.0.0.8:8501",
        "http://192.168.1.20:8600/",
        "ws://127.0.0.1.example.com/",
        "http://[2001:db8::1]:8501",
        "file:///etc/passwd",
    ],
)
def test_refuses_anything_but_loopback_before_any_connection(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_connection(*args: object, **kwargs: object) -> None:
        raise AssertionError("the client tried to connect")

    monkeypatch.setattr(socket.socket, "connect", no_connection)
    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(NotLoopbackError, match="loopback"):
        Session(url)


def test_first_run_holds_every_widgets_value(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        run = s.rerun()
        assert run.ok and run.status == "finished" and not run.fragment
        assert "outside=3 full_runs=1" in s.texts()
        assert "inside=5 sees_outside=3 fragment_runs=1" in s.texts()
        assert s.value("outside") == 3
        assert s.value("inside") == 5
        assert s.value("pick") == "y"  # a radio's default option, by its label
        assert s.value("form_name") == ""
        assert set(s.auto_reruns.values()) == {30}  # the timer of st.fragment(run_every=30)


def test_every_rerun_sends_the_state_of_every_widget(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        s.rerun()
        sent = sent_messages(s)
        s.set("pick", "z")
        s.set("inside", 8)
        full, fragment = sent
        values = {w.id.rsplit("-", 1)[1]: w for w in full.rerun_script.widget_states.widgets}
        assert set(values) == {"outside", "inside", "pick", "form_name"}
        assert values["pick"].string_value == "z"
        assert list(values["outside"].double_array_value.data) == [3]
        assert not full.rerun_script.fragment_id
        # A widget inside a fragment reruns that fragment only, still with every value.
        values = {w.id.rsplit("-", 1)[1]: w for w in fragment.rerun_script.widget_states.widgets}
        assert set(values) == {"outside", "inside", "pick", "form_name"}
        assert list(values["inside"].double_array_value.data) == [8]
        assert values["pick"].string_value == "z"
        assert fragment.rerun_script.fragment_id


def test_a_fragment_run_is_merged_into_the_page(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        s.rerun()
        run = s.set("inside", 7)
        assert run is not None and run.ok and run.fragment
        assert run.status == "fragment_finished"
        texts = s.texts()
        # The fragment's new output, and everything outside it still there, unchanged.
        assert "inside=7 sees_outside=3 fragment_runs=2" in texts
        assert "inside is high" in texts
        assert "outside=3 full_runs=1" in texts
        assert texts[0] == "Fragment fixture" and texts[-1] == "ticks=1"
        # What the fragment no longer draws is gone; the rest stays.
        s.set("inside", 2)
        assert "inside is high" not in s.texts()
        assert "inside=2 sees_outside=3 fragment_runs=3" in s.texts()
        assert "outside=3 full_runs=1" in s.texts()
        # A full run redraws the fragment too, with the value it holds.
        run = s.set("outside", 6)
        assert run is not None and not run.fragment and run.status == "finished"
        assert "outside=6 full_runs=2" in s.texts()
        assert "inside=2 sees_outside=6 fragment_runs=4" in s.texts()
        assert s.value("inside") == 2


def test_a_fragment_timer_reruns_only_that_fragment(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        s.rerun()
        (timer,) = s.auto_reruns
        run = s.auto_rerun(timer)
        assert run.ok and run.fragment
        assert "ticks=2" in s.texts() and "ticks=1" not in s.texts()
        assert "outside=3 full_runs=1" in s.texts()


def test_a_form_sends_its_values_on_submit_only(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        s.rerun()
        assert s.set("form_name", "Aki") is None  # typed, not sent yet
        s.set("pick", "x")
        assert "form_name=''" in s.texts()
        run = s.click(form="fixture_form")
        assert run.ok
        assert "form_name='Aki'" in s.texts()
        assert "pick=x" in s.texts()


def test_an_exception_on_the_page_is_an_error(fragment_server: Server) -> None:
    with Session(fragment_server.url) as s:
        s.rerun()
        run = s.set("inside", 9)
        assert run is not None and not run.ok
        assert len(run.errors) == 1 and len(s.exceptions()) == 1
        run = s.set("inside", 4)
        assert run is not None and run.ok and not s.exceptions()
        assert "about to fail" not in s.texts()


def test_sessions_do_not_share_widget_values(fragment_server: Server) -> None:
    with Session(fragment_server.url) as one, Session(fragment_server.url) as two:
        one.rerun()
        two.rerun()
        one.set("outside", 9)
        two.set("outside", 1)
        one.rerun()
        assert "outside=9 full_runs=3" in one.texts()
        assert "outside=1 full_runs=2" in two.texts()


def test_the_real_app_needs_page_over_the_protocol(app_server: Server) -> None:
    with Session(app_server.url) as s:
        assert s.rerun().ok
        run = s.rerun(page="what-it-means")
        assert run.ok and s.page_path == "what-it-means"
        assert s.value("needs_who") == t("partner.a", "en")
        s.set("need__a__closeness", 9)
        radar = s.plotly("needs_radar")
        assert radar["data"][0]["r"][2] == 9  # closeness is the third dimension
        # An answer widget (a segmented control) holds the chosen segment's text.
        assert s.value("need__a__closeness") == "9"
