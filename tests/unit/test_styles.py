"""The style map: positions are the needs ratings; misreadings follow who sits where."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from emotions.analysis import other
from emotions.exercises import styles
from emotions.i18n import content_table, placeholders, t
from emotions.languages import Language
from emotions.model import PartnerId, Workbook
from emotions.palette import PARTNER_COLOURS, PARTNER_MARKER
from emotions.texts import Names, plain_names
from tests.couples import reassurance_and_independence, talker_and_processor
from tests.partly_answered import needs_only_on, one_silent

DASH = "\N{EN DASH}"


def placed(a: tuple[int, int], b: tuple[int, int]) -> Workbook:
    """A workbook with A and B at (processing, pace) positions."""
    wb = Workbook()
    for pid, (x, y) in (("a", a), ("b", b)):
        wb.partners[pid].ratings["processing"].need = x
        wb.partners[pid].ratings["conflict_pace"].need = y
    return wb


def test_positions_are_the_needs_ratings() -> None:
    wb = talker_and_processor()
    assert styles.positions(wb) == [
        styles.Position("a", 9, 10),
        styles.Position("b", 1, 1),
    ]
    del wb.partners["b"]
    assert [p.partner for p in styles.positions(wb)] == ["a"]


@pytest.mark.parametrize(
    ("x", "y", "quadrant"),
    [
        (0, 0, "inside_space"),
        (4, 6, "inside_now"),
        (6, 4, "aloud_space"),
        (10, 10, "aloud_now"),
        (5, 9, None),
        (9, 5, None),
    ],
)
def test_quadrant_follows_the_middle_lines(x: int, y: int, quadrant: str | None) -> None:
    assert styles.quadrant(styles.Position("a", x, y)) == quadrant


def test_misreadings_of_the_talker_and_the_processor_name_who_reads_whom() -> None:
    wb = talker_and_processor()
    lines = styles.misreadings(wb, plain_names(wb, "en"), "en")
    table = content_table("styles", "en")
    # Mia is nearer "out loud" and "talk now" on both lines: she is the "higher" one.
    expected = [
        table["processing"]["higher_reads"].format(higher="Mia", lower="Ren"),
        table["processing"]["lower_reads"].format(higher="Mia", lower="Ren"),
        table["conflict_pace"]["higher_reads"].format(higher="Mia", lower="Ren"),
        table["conflict_pace"]["lower_reads"].format(higher="Mia", lower="Ren"),
        table["both"]["text"].format(higher="Mia", lower="Ren"),
    ]
    assert lines == expected
    assert lines[2].startswith(
        "When Ren steps back in a tense moment, Mia may read it as withdrawal"
    )


def test_the_direction_turns_with_the_positions() -> None:
    wb = placed((1, 1), (9, 10))
    lines = styles.misreadings(wb, Names("Ana", "Bo"), "en")
    assert lines[0].startswith("When Ana goes quiet to work a feeling out, Bo may take")


def test_close_positions_say_so_and_the_other_couple_reads_differently() -> None:
    wb = reassurance_and_independence()  # processing 5/6, pace 5/6: close on both lines
    lines = styles.misreadings(wb, plain_names(wb, "en"), "en")
    assert lines == [content_table("styles", "en")["close"]["text"]]
    mia_ren = talker_and_processor()
    assert lines != styles.misreadings(mia_ren, plain_names(mia_ren, "en"), "en")


def test_crossed_positions_get_their_own_text() -> None:
    # A thinks out loud but wants space; B sorts inside but wants to talk now.
    wb = placed((9, 1), (2, 9))
    lines = styles.misreadings(wb, Names("Ana", "Bo"), "en")
    assert len(lines) == 5
    assert lines[-1] == content_table("styles", "en")["crossed"]["text"].format(
        aloud="Ana", now="Bo"
    )
    assert "Ana likes to think out loud but needs space" in lines[-1]


def test_one_line_apart_gives_only_that_line() -> None:
    wb = placed((5, 1), (6, 8))
    lines = styles.misreadings(wb, Names("Ana", "Bo"), "en")
    table = content_table("styles", "en")["conflict_pace"]
    assert lines == [
        table["higher_reads"].format(higher="Bo", lower="Ana"),
        table["lower_reads"].format(higher="Bo", lower="Ana"),
    ]


def test_one_partner_has_no_misreadings() -> None:
    wb = talker_and_processor()
    del wb.partners["b"]
    assert styles.misreadings(wb, Names("Mia", "Ren"), "en") == []


def test_japanese_misreadings_are_japanese_with_names() -> None:
    wb = talker_and_processor()
    lines = styles.misreadings(wb, plain_names(wb, "ja"), "ja")
    assert len(lines) == 5
    assert lines[0].startswith("Renが気持ちを整理するために黙りこむと、Miaは")


def test_content_files_are_parallel() -> None:
    en, ja = content_table("styles", "en"), content_table("styles", "ja")
    assert set(en) == set(ja) == {"processing", "conflict_pace", "both", "crossed", "close"}
    for section, texts in en.items():
        assert set(texts) == set(ja[section])
        for key, text in texts.items():
            assert placeholders(text) == placeholders(ja[section][key])


def test_position_lines_and_table_follow_the_answers() -> None:
    wb = talker_and_processor()
    names = plain_names(wb, "en")
    a, b = styles.positions(wb)
    assert styles.position_line(a, names, "en") == (
        "Mia: thinks feelings through out loud, together (9); "
        "under tension, wants to talk it through now (10)."
    )
    assert styles.position_line(b, names, "ja") == (
        "Ren：気持ちをまず心の中で整理するほうです（1）。"
        "もめたときはまず少し距離と時間をとりたいほうです（1）。"
    )
    wb.partners["b"].ratings["processing"].need = 5
    rows = styles.position_table(wb, names, "en")
    assert rows[0] == {
        "Partner": "Mia",
        f"Processing (0{DASH}10)": 9,
        f"Pace under tension (0{DASH}10)": 10,
        "Where on the map": "Out loud, talk now",
    }
    assert rows[1]["Where on the map"] == "On a middle line"


def test_style_areas_keep_only_the_style_needs() -> None:
    wb = reassurance_and_independence()
    # Reassurance and closeness differ most, but they are not about style.
    assert {a.dimension for a in styles.style_areas(wb, 8)} == set(styles.STYLE_DIMENSIONS)
    assert len(styles.style_areas(wb)) == 2
    assert [a.dimension for a in styles.style_areas(talker_and_processor())] == [
        "conflict_pace",
        "processing",
    ]


def test_map_figure_places_both_partners_in_their_colours() -> None:
    wb = talker_and_processor()
    fig = styles.style_map_figure(wb, "en")
    corners, a, b = fig["data"]
    assert corners["mode"] == "text" and corners["hoverinfo"] == "skip"
    assert "Out loud, <br>talk now" in corners["text"]
    assert (a["x"], a["y"], b["x"], b["y"]) == ([9], [10], [1], [1])
    assert (a["marker"]["color"], b["marker"]["color"]) == (
        PARTNER_COLOURS["a"],
        PARTNER_COLOURS["b"],
    )
    assert (a["marker"]["symbol"], b["marker"]["symbol"]) == (
        PARTNER_MARKER["a"],
        PARTNER_MARKER["b"],
    )
    assert a["text"] == ["Mia"]
    # Mia sits at the top edge: her name goes below her point, not off the chart.
    assert a["textposition"] == "bottom center"
    assert fig["layout"]["xaxis"]["title"]["text"] == "Processing"
    go.Figure(fig)


def test_map_figure_in_japanese_and_with_markup_in_a_name() -> None:
    wb = talker_and_processor()
    wb.partners["a"].name = "<b>Mia</b>"
    fig = styles.style_map_figure(wb, "ja")
    assert fig["data"][1]["text"] == ["&lt;b&gt;Mia&lt;/b&gt;"]
    assert "声に出して、<br>すぐ話す" in fig["data"][0]["text"]
    assert fig["layout"]["yaxis"]["title"]["text"] == "もめたときのペース"
    assert "Noto Sans CJK JP" in fig["layout"]["font"]["family"]
    anonymous = styles.style_map_figure(wb, "en", anonymous=True)
    assert anonymous["data"][1]["text"] == [t("partner.a", "en")]


def test_two_points_in_one_place_keep_both_names_readable() -> None:
    fig = styles.style_map_figure(placed((5, 5), (5, 5)), "en")
    positions = [trace["textposition"] for trace in fig["data"][1:]]
    assert positions == ["top center", "bottom center"]
    fig = styles.style_map_figure(placed((10, 10), (10, 10)), "en")
    positions = [trace["textposition"] for trace in fig["data"][1:]]
    assert positions[0] != positions[1]
    assert "top center" not in positions  # nothing pushed off the top edge


# --- Only what is answered (issue 13) --------------------------------------------------------


def partner_traces(figure: dict[str, object]) -> list[dict[str, object]]:
    data = figure["data"]
    assert isinstance(data, list)
    return [trace for trace in data if trace.get("mode") == "markers+text"]


@pytest.mark.parametrize("silent", ["a", "b"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_partner_who_answered_nothing_is_not_placed_and_not_compared(
    silent: PartnerId, lang: Language
) -> None:
    wb = one_silent(silent)
    names = plain_names(wb, lang)
    speaker = other(silent)
    assert [p.partner for p in styles.positions(wb)] == [speaker]
    assert styles.unplaced(wb) == [silent]
    assert styles.shared_axes(wb) == []
    assert styles.misreadings(wb, names, lang) == []
    assert styles.style_areas(wb) == []
    assert [trace["name"] for trace in partner_traces(styles.style_map_figure(wb, lang))] == [
        names.of(speaker)
    ]
    rows = styles.position_table(wb, names, lang)
    assert [row[t("styles.table_partner", lang)] for row in rows] == [names.of(speaker)]
    line = styles.unplaced_line(silent, names, lang)
    assert line == t(
        "compare_a.styles_unplaced",
        lang,
        name=names.of(silent),
        x=t("dim.processing.name", lang),
        y=t("dim.conflict_pace.name", lang),
    )
    assert names.of(silent) in line


def test_a_partner_with_one_axis_answered_is_not_placed() -> None:
    wb = placed((9, 10), (1, 1))
    wb.partners["b"].ratings["conflict_pace"].need = None
    assert [p.partner for p in styles.positions(wb)] == ["a"]
    assert styles.unplaced(wb) == ["b"]
    assert len(partner_traces(styles.style_map_figure(wb, "en"))) == 1


def test_misreadings_compare_only_the_line_both_answered() -> None:
    # Both answered processing (far apart); only A answered the pace.
    wb = placed((9, 10), (1, 1))
    wb.partners["b"].ratings["conflict_pace"].need = None
    names = plain_names(wb, "en")
    assert styles.shared_axes(wb) == ["processing"]
    table = content_table("styles", "en")
    values = {"higher": names.a, "lower": names.b}
    assert styles.misreadings(wb, names, "en") == [
        table["processing"][key].format(**values) for key in ("higher_reads", "lower_reads")
    ]
    # Only pace both answered, close: the "close" line and nothing about processing.
    wb = placed((9, 4), (1, 5))
    wb.partners["a"].ratings["processing"].need = None
    close_one = t("compare_a.styles_close_one", "en", dimension=t("dim.conflict_pace.name", "en"))
    assert styles.misreadings(wb, names, "en") == [close_one]
    assert table["close"]["text"] not in styles.misreadings(wb, names, "en")


def test_style_areas_only_on_needs_both_answered() -> None:
    wb = needs_only_on(talker_and_processor(), ["processing", "expression"])
    assert {a.dimension for a in styles.style_areas(wb, 5)} == {"processing", "expression"}
    assert all(a.band == "far" for a in styles.style_areas(wb, 5))


def test_nothing_to_compare_when_neither_axis_is_shared() -> None:
    wb = needs_only_on(talker_and_processor(), ["expression"])
    assert styles.positions(wb) == [] and styles.unplaced(wb) == ["a", "b"]
    assert styles.misreadings(wb, plain_names(wb, "en"), "en") == []
    for lang in ("en", "ja"):
        assert styles.not_shared_line(lang) == t(
            "compare_a.styles_not_shared",
            lang,
            x=t("dim.processing.name", lang),
            y=t("dim.conflict_pace.name", lang),
        )
