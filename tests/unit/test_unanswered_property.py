"""Issue 13: every derived output says only what the answers support.

Generated workbooks of "Aoi" (A) and "Ren" (B) have random subsets of need, importance, met and
guess answered per dimension, and sometimes one partner absent. For every output (the summary
blocks of every section, the texts and exercise functions the pages call, every chart, every
export), ``tests/honesty.py`` checks that

(a) no value is named for a (partner, kind, dimension) that was not answered,
(b) no comparison is made on a dimension one partner left open, and
(c) wherever both answered a dimension with a difference in the "far apart" band, the comparison
    is there (ranked areas, the area lines, the summary's comparison block, the exports).

The exercise functions are found by their parameters (``wb``, ``names``, ``lang``, a partner),
so a function added later is checked too.
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import inspect
import io
import json
import pkgutil
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import emotions.exercises
from emotions import analysis, charts, texts
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.exercises import awareness, difference_map, persisting, styles
from emotions.export import summary as summary_module
from emotions.export.csv_tables import needs_csv
from emotions.export.html import to_html
from emotions.export.markdown import escape_markdown, to_markdown
from emotions.export.pdf import to_pdf
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES
from emotions.model import PARTNER_IDS, Language, PartnerId, Rating, Workbook
from emotions.sections import SECTIONS
from emotions.workbook_io import dump_workbook, load_workbook
from tests.honesty import (
    figure_problems,
    figures_in,
    names_of,
    plain_html,
    rules,
    squeeze,
    strings_in,
    table_problems,
    tables_in,
    text_problems,
    unescape_markdown,
    value,
)
from tests.unit.strategies import ANSWER_NAMES, partly_answered_workbooks

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    # No shrinking: each example is costly, and a failure lists its problems in words.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
languages = st.sampled_from(LANGUAGE_CODES)

# --- The functions the pages call, found by their parameters

PARTNER_PARAMS = ("pid", "about", "reacher", "guesser")
KNOWN_PARAMS = {"wb", "names", "lang", *PARTNER_PARAMS}
CHANGES_THE_WORKBOOK = ("set_", "delete_", "new_", "toggled", "ticked", "with_own")


def _modules() -> list[ModuleType]:
    found = [texts, charts, summary_module]
    for info in pkgutil.iter_modules(emotions.exercises.__path__):
        found.append(importlib.import_module(f"emotions.exercises.{info.name}"))
    with contextlib.suppress(ModuleNotFoundError):  # the one-partner profile, once merged
        found.append(importlib.import_module("emotions.profile"))
    return found


def derived_functions() -> list[tuple[str, Callable[..., Any], inspect.Signature]]:
    """Every public function of the modules that turn a workbook into texts, tables or figures,
    callable with a workbook and nothing else but names, a language and a partner."""
    out = []
    for module in _modules():
        for name, fn in vars(module).items():
            if name.startswith("_") or name.startswith(CHANGES_THE_WORKBOOK):
                continue
            if not inspect.isfunction(fn) or fn.__module__ != module.__name__:
                continue
            signature = inspect.signature(fn)
            params = signature.parameters
            required = {p.name for p in params.values() if p.default is inspect.Parameter.empty}
            if "wb" in required and required <= KNOWN_PARAMS:
                out.append((f"{module.__name__}.{name}", fn, signature))
    return out


DERIVED = derived_functions()


def test_the_derived_functions_are_found() -> None:
    found = {name.rsplit(".", 1)[1] for name, _, _ in DERIVED}
    expected = {
        "area_lines",
        "unmet_lines",
        "needs_table",
        "radar_figure",
        "perception_figure",
        "map_figure",
        "need_met_figure",
        "style_map_figure",
        "misreadings",
        "strain_lines",
        "surprise_lines",
        "guess_lines",
        "top_area_lines",
        "needs_profile_table",
    }
    assert expected <= found, expected - found


def calls(wb: Workbook, lang: Language) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(function, arguments, what it returned) for every derived function and every partner.

    Each call gets its own copy of the workbook, so a function cannot change what the next sees.
    """
    names = texts.plain_names(wb, lang)
    for qualified, fn, signature in DERIVED:
        params = signature.parameters
        partner_param = next((p for p in PARTNER_PARAMS if p in params), None)
        pids: tuple[PartnerId | None, ...] = PARTNER_IDS if partner_param else (None,)
        for pid in pids:
            if pid is not None and pid not in wb.partners:
                continue  # the pages ask only about the partners a workbook holds
            kwargs: dict[str, Any] = {"wb": wb.model_copy(deep=True)}
            if "names" in params:
                kwargs["names"] = names
            if "lang" in params:
                kwargs["lang"] = lang
            if partner_param:
                kwargs[partner_param] = pid
            try:
                found = fn(**kwargs)
            except Exception as error:
                found = error
            yield qualified, kwargs, found


def _kinds(qualified: str, kwargs: dict[str, Any], wb: Workbook, lang: Language) -> Any:
    """How the traces of the charts named by what they show map to (partner, kind)."""
    names = names_of(wb, lang)
    if qualified.endswith("awareness.perception_figure"):
        about: PartnerId = kwargs["about"]
        return {
            t("aware.chart_need", lang, name=names[about]): (about, "need"),
            t("aware.chart_guess", lang, name=names[analysis.other(about)]): (
                analysis.other(about),
                "guess",
            ),
        }
    if qualified.endswith("persisting.need_met_figure"):
        pid: PartnerId = kwargs["pid"]
        return {t("persist.need", lang): (pid, "need"), t("persist.met", lang): (pid, "met")}
    return None


def derived_problems(wb: Workbook, lang: Language) -> tuple[list[str], list[str]]:
    """(problems, every text seen) over every derived function."""
    problems: list[str] = []
    seen: list[str] = []
    known = rules(wb, lang)
    for qualified, kwargs, found in calls(wb, lang):
        where = f"{qualified}({', '.join(k for k in kwargs if k != 'wb')}"
        where += (
            f"{'=' + str(kwargs.get('pid') or kwargs.get('about') or kwargs.get('reacher') or '')})"
        )
        if isinstance(found, Exception):
            # A partner file (one partner) is not this issue's: the pages that read both
            # partners' exercises guard for it. With both partners held, nothing may fail.
            if len(wb.partners) == len(PARTNER_IDS):
                problems.append(f"{where} raised {type(found).__name__}: {found}")
            continue
        found_texts = list(strings_in(found))
        seen += found_texts
        problems += [f"{where}: {p}" for p in text_problems(wb, lang, found_texts, known=known)]
        pid = next((kwargs[p] for p in PARTNER_PARAMS if p in kwargs), None)
        for rows in tables_in(found):
            problems += [f"{where}: {p}" for p in table_problems(wb, lang, rows, pid=pid)]
        for figure in figures_in(found if isinstance(found, list) else [found]):
            kinds = _kinds(qualified, kwargs, wb, lang)
            problems += [f"{where}: {p}" for p in figure_problems(wb, lang, figure, kinds=kinds)]
    return problems, seen


# --- (a) and (b): texts, tables and figures of the pages


@SETTINGS
@given(wb=partly_answered_workbooks(), lang=languages)
def test_no_derived_text_table_or_chart_names_an_unanswered_value_or_compares_an_open_dimension(
    wb: Workbook, lang: Language
) -> None:
    problems, _ = derived_problems(wb, lang)
    assert not problems, "\n".join(problems[:20])


def _by_dimension(trace: dict[str, Any], lang: Language) -> dict[DimensionId, list[Any]]:
    from tests.honesty import dimension_of

    out: dict[DimensionId, list[Any]] = {}
    for label, found in zip(trace.get("y") or [], trace.get("x") or [], strict=False):
        dim = dimension_of(str(label), lang) if label is not None else None
        if dim is not None and found is not None:
            out.setdefault(dim, []).append(found)
    return out


@SETTINGS
@given(wb=partly_answered_workbooks(), lang=languages)
def test_the_charts_draw_a_partner_only_where_that_partner_answered(
    wb: Workbook, lang: Language
) -> None:
    names = texts.plain_names(wb, lang)
    shared = set(analysis.shared_dimensions(wb))
    # The radar: a partner with no need answered has no shape at all.
    for trace in charts.radar_figure(wb, lang)["data"]:
        r = [x for x in trace.get("r") or [] if x is not None]
        for pid in PARTNER_IDS:
            if names.of(pid) in str(trace.get("name", "")) and not analysis.answered_needs(wb, pid):
                assert not r, f"a radar shape for {names.of(pid)}, who answered no need: {trace}"
    # The difference map: the grey line between the two points only where both answered.
    figure = difference_map.map_figure(wb, names, lang)
    for trace in figure["data"]:
        if trace.get("name"):
            continue
        for dim, xs in _by_dimension(trace, lang).items():
            assert dim in shared, f"a difference line on {dim}, which not both answered: {xs}"
    # The style map: a point needs both of its coordinates answered.
    for trace in styles.style_map_figure(wb, lang)["data"]:
        whose = [pid for pid in PARTNER_IDS if names.of(pid) in str(trace.get("name", ""))]
        if len(whose) != 1:
            continue
        xs = [x for x in trace.get("x") or [] if x is not None]
        ys = [y for y in trace.get("y") or [] if y is not None]
        assert xs == ([] if not xs else [value(wb, whose[0], "need", styles.X_DIMENSION)])
        assert ys == ([] if not ys else [value(wb, whose[0], "need", styles.Y_DIMENSION)])
        if xs or ys:
            assert None not in (
                value(wb, whose[0], "need", styles.X_DIMENSION),
                value(wb, whose[0], "need", styles.Y_DIMENSION),
            ), f"{names.of(whose[0])} placed on the style map without both answers"
    # The reveal: a guess is drawn only where it was made; the grey line needs both ends.
    for about in PARTNER_IDS:
        guesser = analysis.other(about)
        fig = awareness.perception_figure(wb, about, names, lang)
        for trace in fig["data"]:
            if trace.get("name"):
                continue
            for dim, xs in _by_dimension(trace, lang).items():
                assert value(wb, about, "need", dim) is not None, (dim, xs)
                assert value(wb, guesser, "guess", dim) is not None, (dim, xs)
    # Need vs met of one partner: a bar only where answered.
    for pid in PARTNER_IDS:
        fig = persisting.need_met_figure(wb, pid, lang)
        kinds = {t("persist.need", lang): "need", t("persist.met", lang): "met"}
        for trace in fig["data"]:
            kind = kinds[trace["name"]]
            for dim, xs in _by_dimension(trace, lang).items():
                assert xs == [value(wb, pid, kind, dim)], (pid, kind, dim, xs)


# --- (c): a far difference both answered is always compared


def far_dimensions(wb: Workbook) -> list[DimensionId]:
    return [
        dim
        for dim in analysis.shared_dimensions(wb)
        if analysis.difference_band(abs(value(wb, "a", "need", dim) - value(wb, "b", "need", dim)))
        == "far"
    ]


def expected_area_line(wb: Workbook, dim: DimensionId, lang: Language) -> str:
    """The area line built from the catalog and the raw answers (not from ``analysis.Area``)."""
    names = texts.plain_names(wb, lang)
    a, b = value(wb, "a", "need", dim), value(wb, "b", "need", dim)
    higher, lower = ("a", "b") if a > b else ("b", "a")
    return t(
        "needs.area_line",
        lang,
        dimension=t(f"dim.{dim}.name", lang),
        band=t("band.far", lang),
        difference=abs(a - b),
        higher=names.of(higher),
        lower=names.of(lower),
        pole=t(f"dim.{dim}.high", lang),
    )


def _far_apart(draw: st.DrawFn) -> Workbook:
    """A generated workbook where at least one dimension is far apart, both answered."""
    wb = draw(partly_answered_workbooks())
    dim = draw(st.sampled_from(DIMENSION_IDS))
    low = draw(st.integers(0, 4))
    high = draw(st.integers(low + 6, 10))
    a_high = draw(st.booleans())
    for pid in PARTNER_IDS:
        partner = wb.partner(pid)
        partner.name = ANSWER_NAMES[pid]
        rating = partner.ratings[dim]
        need = high if (pid == "a") == a_high else low
        partner.ratings[dim] = Rating(
            need=need, importance=rating.importance, met=rating.met, guess=rating.guess
        )
    return wb


far_apart_workbooks = st.composite(_far_apart)()


@SETTINGS
@given(wb=far_apart_workbooks, lang=languages)
def test_a_far_difference_both_answered_is_compared_everywhere_it_belongs(
    wb: Workbook, lang: Language
) -> None:
    far = far_dimensions(wb)
    assert far
    names = texts.plain_names(wb, lang)
    ranked = [area.dimension for area in analysis.areas_to_understand(wb)]
    lines = texts.area_lines(wb, names, lang)
    summary = summary_module.build_summary(wb, lang)
    needs_block = summary.blocks  # the comparison block: its bullets hold the ranked areas
    bullets = [bullet for block in needs_block for bullet in block.bullets]
    table_rows = texts.needs_table(wb, names, lang)
    for dim in far:
        line = expected_area_line(wb, dim, lang)
        assert dim in ranked
        assert line in lines
        assert line in bullets, f"the summary does not compare on {dim}"
        row = next(
            r
            for r in table_rows
            if r[t("needs.table_dimension", lang)] == t(f"dim.{dim}.name", lang)
        )
        assert row[t("needs.table_band", lang)] == t("band.far", lang)
        # And every export carries it.
        assert squeeze(unescape_markdown(line)) in squeeze(unescape_markdown(to_markdown(summary)))
        assert squeeze(line) in squeeze(plain_html(to_html(summary)))


# --- (a), (b) and (c) in the summary and every export


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@SETTINGS
@given(wb=partly_answered_workbooks(), lang=languages)
def test_every_section_summary_and_every_export_says_only_what_was_answered(
    wb: Workbook, lang: Language
) -> None:
    names = texts.plain_names(wb, lang)
    known = rules(wb, lang)
    problems: list[str] = []
    for entry in SECTIONS:
        try:
            blocks = summary_module.section_blocks(entry.id, wb.model_copy(deep=True), names, lang)
        except Exception as error:
            problems.append(f"section {entry.id} raised {type(error).__name__}: {error}")
            continue
        block_texts = list(strings_in(blocks))
        problems += [
            f"section {entry.id}: {p}" for p in text_problems(wb, lang, block_texts, known=known)
        ]
        for block in blocks:
            for table in block.tables:
                rows = [dict(zip(table.columns, row, strict=False)) for row in table.rows]
                problems += [
                    f"section {entry.id} table: {p}" for p in table_problems(wb, lang, rows)
                ]
    summary = summary_module.build_summary(wb, lang)
    # The radar of the exports: a value only where answered; nobody without an answer drawn.
    for pid, needs in summary.radar.needs.items():
        for dim, found in zip(summary.radar.dimensions, needs, strict=True):
            if found is not None and found != value(wb, pid, "need", dim):
                problems.append(f"export radar: {pid} {dim} = {found}")
        if not analysis.answered_needs(wb, pid) and any(x is not None for x in needs):
            problems.append(f"export radar: a shape for {pid}, who answered no need")
    exports = {
        "markdown": to_markdown(summary),
        "html": plain_html(to_html(summary)),
        "pdf": pdf_text(to_pdf(summary)),
    }
    for kind, text in exports.items():
        # Markdown and HTML: one piece per line; a PDF wraps sentences over lines.
        pieces = [text] if kind == "pdf" else text.splitlines()
        problems += [f"{kind}: {p}" for p in text_problems(wb, lang, pieces, known=known)]
    problems += csv_problems(wb, lang)
    problems += json_problems(wb)
    for dim in far_dimensions(wb):
        line = squeeze(unescape_markdown(expected_area_line(wb, dim, lang)))
        for kind, text in exports.items():
            if line not in squeeze(unescape_markdown(text)):
                problems.append(f"{kind}: no comparison on {dim}, far apart")
    assert not problems, "\n".join(problems[:20])


def csv_problems(wb: Workbook, lang: Language) -> list[str]:
    """The needs table as CSV: a cell holds a value only where it was answered, a difference only
    where both answered the need."""
    rows = list(csv.reader(io.StringIO(needs_csv(wb, lang).decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    col = {
        key: header.index(t(f"export.csv.{key}", lang)) for key in ("partner_id", "dimension_id")
    }
    problems = []
    shared = set(analysis.shared_dimensions(wb))
    importances = {t(f"importance.{x}", lang) for x in ("low", "medium", "high")}
    for row in body:
        pid, dim = row[col["partner_id"]], row[col["dimension_id"]]
        for kind in ("need", "met", "guess", "importance"):
            heading = t(f"export.csv.{kind}", lang)
            if heading not in header:
                continue
            cell = row[header.index(heading)]
            answered = value(wb, pid, kind, dim)  # type: ignore[arg-type]
            if kind == "importance":
                shown = cell if cell in importances else ""
                expected = "" if answered is None else t(f"importance.{answered}", lang)
            else:
                shown, expected = cell, "" if answered is None else str(answered)
            if shown != expected:
                problems.append(f"csv: {pid} {dim} {kind} = {cell!r}, answered {answered}")
        for key in ("difference", "band"):
            heading = t(f"export.csv.{key}", lang)
            if heading in header and row[header.index(heading)] and dim not in shared:
                problems.append(f"csv: {pid} {dim} {key} without both answers")
    return problems


def json_problems(wb: Workbook) -> list[str]:
    """The saved file keeps "not answered" as null and every answer as it was."""
    text = dump_workbook(wb)
    data = json.loads(text)
    problems = []
    for pid, partner in wb.partners.items():
        for dim in DIMENSION_IDS:
            saved = data["partners"][pid]["ratings"][dim]
            for kind in ("need", "importance", "met", "guess"):
                if saved.get(kind) != getattr(partner.ratings[dim], kind):
                    problems.append(f"json: {pid} {dim} {kind} = {saved.get(kind)!r}")
    if load_workbook(text) != wb:
        problems.append("json: the saved file does not open as the same workbook")
    return problems


# --- The checks themselves can fail


def _one_need() -> Workbook:
    wb = Workbook()
    for pid in PARTNER_IDS:
        wb.partners[pid].name = ANSWER_NAMES[pid]
    wb.partners["a"].ratings["closeness"] = Rating(need=9, met=2)
    return wb


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_text_check_finds_a_comparison_and_a_made_up_value(lang: Language) -> None:
    wb = _one_need()
    names = texts.Names(*ANSWER_NAMES.values())
    made_up = texts.Names("Aoi", "Ren")
    both = wb.model_copy(deep=True)
    both.partners["b"].ratings["closeness"] = Rating(need=1)
    area = analysis.areas_to_understand(both)[0]
    line = texts.area_line(area, names, lang)
    directions = list(texts.directions(area, made_up, lang).values())
    invented = t(
        "needs.unmet_line", lang, name="Ren", dimension=t("dim.closeness.name", lang), need=5, met=2
    )
    true_line = t(
        "needs.unmet_line", lang, name="Aoi", dimension=t("dim.closeness.name", lang), need=9, met=2
    )
    assert text_problems(both, lang, [line, *directions, true_line]) == []
    same = t("diffmap.same_on", lang, dimensions=t("dim.closeness.name", lang))
    for text in [line, *directions, invented, same]:
        assert text_problems(wb, lang, [text]), text
    assert text_problems(wb, lang, [true_line]) == []
    # Wrapped over lines and escaped for Markdown, as the exports have it.
    wrapped = escape_markdown(line).replace(" ", "\n", 2)
    assert text_problems(wb, lang, [wrapped])


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_table_and_figure_checks_find_a_value_not_answered(lang: Language) -> None:
    wb = _one_need()
    name = t("dim.closeness.name", lang)
    made_up_rows = [
        {t("needs.table_dimension", lang): name, "Aoi": 9, "Ren": 5},
        {t("needs.table_dimension", lang): name, t("needs.table_difference", lang): 4},
    ]
    assert len(table_problems(wb, lang, made_up_rows)) == 2
    assert table_problems(wb, lang, [{t("needs.table_dimension", lang): name, "Aoi": 9}]) == []
    axis = charts.chart_label(t("dim.closeness.axis", lang), lang)
    figure = {
        "data": [
            {"name": "Aoi", "theta": [axis], "r": [9]},
            {"name": "Ren", "theta": [axis], "r": [5]},
        ]
    }
    assert len(figure_problems(wb, lang, figure)) == 1
