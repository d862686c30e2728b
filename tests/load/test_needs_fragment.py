"""The needs page over the real protocol: an answer reruns only its fragment, unless the copy
kept in the browser must follow it, in which case the browser is handed the new copy."""

from __future__ import annotations

import json

from bench.stclient import Server, Session
from emotions.analysis import question_count
from emotions.dimensions import DIMENSION_IDS as DIMENSIONS
from emotions.i18n import t
from emotions.workbook_io import load_workbook


def kept_copy(s: Session) -> dict[str, object]:
    """What the page last handed to the browser's storage component."""
    return json.loads(s.element("keep_store").bidi_component.json)  # type: ignore[no-any-return]


def count(pid: str, answered: int) -> str:
    """The sidebar's line for a partner who has answered ``answered`` questions."""
    return t(
        "answer_ui.sidebar_count",
        "en",
        name=t(f"partner.{pid}", "en"),
        answered=answered,
        total=question_count(),
    )


def test_an_answer_reruns_only_the_fragment(app_server: Server) -> None:
    with Session(app_server.url) as s:
        s.rerun()
        s.rerun(page="what-it-means")
        assert s.value("need__a__support") == []  # a segmented control with nothing chosen
        s.set("need__a__closeness", 3)  # the first change also changes the sidebar's saved line
        s.set("need__a__support", 2)
        run = s.set("need__a__support", 9)
        assert run is not None and run.fragment and run.errors == []
        assert s.value("need__a__support") == "9"
        # The sidebar's count follows within the fragment run, shown once.
        assert sum(count("a", 2) in text for text in s.texts()) == 1
        assert s.plotly("needs_radar")["data"][0]["r"][DIMENSIONS.index("support")] == 9
        # Taken back: nothing chosen, still a fragment run (another answer keeps the workbook
        # from being blank again, which would change the sidebar's saved line), and the radar
        # has no value there.
        run = s.set("need__a__support", None)
        assert run is not None and run.fragment and run.errors == []
        assert s.value("need__a__support") == []
        assert sum(count("a", 1) in text for text in s.texts()) == 1
        assert s.plotly("needs_radar")["data"][0]["r"][DIMENSIONS.index("support")] is None
        assert kept_copy(s)["mode"] != "keep"


def test_with_the_browser_copy_on_a_move_hands_the_browser_the_new_copy(app_server: Server) -> None:
    with Session(app_server.url) as s:
        s.rerun()
        s.set("keep_toggle", True)
        s.rerun(page="what-it-means")
        for value in (2, 9):
            run = s.set("need__a__support", value)
            assert run is not None and not run.fragment and run.errors == []
            copy = kept_copy(s)
            assert copy["mode"] == "keep"
            kept = load_workbook(str(copy["text"]))
            assert kept.partners["a"].ratings["support"].need == value
