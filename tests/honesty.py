"""Checks that a derived output says only what the answers support (issue 13).

Used by the property test (tests/unit/test_unanswered_property.py) and the AppTest
(tests/apptest/test_unanswered_pages.py). Everything is built from the catalogs and the content
tables, never from copied sentences:

- ``text_problems``: every catalog template that names a partner's value on a dimension, or that
  compares the two partners on a dimension, becomes a pattern (the template's words fixed, its
  numbers captured). Wherever a pattern is found in a text, the captured numbers must be the
  answers of the workbook, and a comparison must be on a dimension both partners answered.
  Texts are compared without white space (a PDF wraps lines) and with Markdown escapes removed.
- ``table_problems``: rows naming a dimension carry a partner's number only where it was answered.
- ``figure_problems``: chart traces carry a partner's point only where it was answered.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from emotions.analysis import difference_band, other, shared_dimensions
from emotions.dimensions import DIMENSION_IDS, DimensionId
from emotions.i18n import catalog, content_table, t
from emotions.model import IMPORTANCE_LEVELS, PARTNER_IDS, Language, PartnerId, Workbook

NAMES: dict[PartnerId, str] = {"a": "Aoi", "b": "Ren"}
"""Distinctive names: they never occur in any catalog text."""

NUMBERS = frozenset(
    {"need", "met", "guess", "difference", "other_need", "processing_value", "pace_value", "value"}
)
"""Placeholders that stand for an answer or a figure computed from answers."""

SEP = "\u241e"
"""Joins separate texts: no pattern matches across it."""


def squeeze(text: str) -> str:
    return "".join(text.split())


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def plain_html(text: str) -> str:
    """The text of an HTML document, one line per element."""
    return html.unescape(re.sub(r"<[^>]*>", "\n", text))


def names_of(wb: Workbook, lang: Language) -> dict[PartnerId, str]:
    """The partners' names as every derived text gives them (a partner the workbook does not
    hold is called by their label)."""
    from emotions.texts import plain_names

    names = plain_names(wb, lang)
    return {pid: names.of(pid) for pid in PARTNER_IDS}


def value(wb: Workbook, pid: PartnerId, kind: str, dim: DimensionId) -> Any:
    """An answer of the workbook; None when not answered (or the partner is absent)."""
    partner = wb.partners.get(pid)
    return None if partner is None else getattr(partner.ratings[dim], kind)


def dimension_of(label: str, lang: Language) -> DimensionId | None:
    """The dimension a row label or axis label names (name, axis label, map label)."""
    plain = squeeze(unescape_markdown(str(label)).replace("<br>", ""))
    for dim in DIMENSION_IDS:
        for key in (f"dim.{dim}.name", f"dim.{dim}.axis"):
            text = squeeze(t(key, lang))
            if plain == text or plain.startswith(text + "·"):
                return dim
    return None


# --- Templates -----------------------------------------------------------------------------------

Validator = Callable[[dict[str, str]], str | None]


@dataclass(frozen=True)
class Rule:
    """A template with some placeholders fixed, and what a match of it must satisfy."""

    what: str
    pattern: re.Pattern[str]
    check: Validator


def _alternatives(texts: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(squeeze(text)) for text in texts) + ")"


def _regex(
    template: str, fixed: Mapping[str, object], lang: Language, dim: DimensionId | None = None
) -> re.Pattern[str]:
    """The template as a pattern over squeezed text: ``fixed`` placeholders as given, bands and
    poles as one of their labels, numbers captured, anything else any text within one piece."""
    parts = re.split(r"\{(\w+)\}", template)
    out: list[str] = []
    seen: set[str] = set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(squeeze(part)))
        elif part in fixed:
            out.append(re.escape(squeeze(str(fixed[part]))))
        elif part == "band" and part not in seen:
            seen.add(part)
            bands = [t(f"band.{band}", lang) for band in ("close", "different", "far")]
            out.append(f"(?P<band>{_alternatives(bands)})")
        elif part in ("processing", "pace") and part not in seen:
            seen.add(part)
            line = "processing" if part == "processing" else "conflict_pace"
            leans = [t(f"styles.lean.{line}.{x}", lang) for x in ("low", "middle", "high")]
            out.append(f"(?P<{part}>{_alternatives(leans)})")
        elif part in ("pole", "other_pole", "high") and dim is not None:
            out.append(_alternatives(t(f"dim.{dim}.{end}", lang) for end in ("low", "high")))
        elif part in seen:
            out.append(f"(?P={part})")
        else:
            seen.add(part)
            body = r"-?\d+|None" if part in NUMBERS else rf"[^{SEP}]{{1,80}}?"
            if part == "dimensions":  # a list of dimension names runs to the end of its piece
                body = rf"[^{SEP}]+"
            out.append(f"(?P<{part}>{body})")
    return re.compile("".join(out))


def _num(groups: dict[str, str], key: str) -> int | None:
    found = groups.get(key)
    return int(found) if found is not None and re.fullmatch(r"-?\d+", found) else None


def _same(groups: dict[str, str], key: str, expected: object) -> str | None:
    """A problem when the captured number is not the answer ``expected``."""
    if key not in groups:
        return None
    if expected is None:
        return f"{{{key}}} is {groups[key]!r} where nothing was answered"
    if _num(groups, key) != expected:
        return f"{{{key}}} is {groups[key]!r}, the answer is {expected}"
    return None


def _first(*problems: str | None) -> str | None:
    return next((p for p in problems if p), None)


def _orders() -> Iterator[tuple[PartnerId, PartnerId]]:
    yield "a", "b"
    yield "b", "a"


def comparison_templates(lang: Language) -> list[tuple[str, str]]:
    """(what, template) of every text that compares the partners on one dimension: the catalog
    keys with a {dimension} and both {higher} and {lower}."""
    return [
        (key, text)
        for key, text in catalog(lang).items()
        if {"{dimension}", "{higher}", "{lower}"} <= set(re.findall(r"\{\w+\}", text))
    ]


def _per_dimension_texts(table: str, dim: DimensionId, lang: Language) -> list[tuple[str, str]]:
    found = content_table(table, lang).get(dim, {})
    return [(f"{table}.{dim}.{key}", str(text)) for key, text in found.items()]


def rules(wb: Workbook, lang: Language) -> list[Rule]:
    """Every pattern whose presence in a derived text must agree with ``wb``."""
    shared = set(shared_dimensions(wb))
    names = names_of(wb, lang)
    out: list[Rule] = []

    def add(what: str, template: str, fixed: Mapping[str, object], check: Validator) -> None:
        dim = next(
            (d for d in DIMENSION_IDS if fixed.get("dimension") == t(f"dim.{d}.name", lang)), None
        )
        out.append(Rule(what, _regex(template, fixed, lang, dim), check))

    def needs_shared(dim: DimensionId) -> Validator:
        def check(groups: dict[str, str]) -> str | None:
            if dim not in shared:
                return f"compares the partners on {dim}, which not both answered"
            a, b = value(wb, "a", "need", dim), value(wb, "b", "need", dim)
            return _same(groups, "difference", abs(a - b))

        return check

    for dim in DIMENSION_IDS:
        dname = t(f"dim.{dim}.name", lang)
        d = {"dimension": dname}
        for hi, lo in _orders():
            pair = {"higher": names[hi], "lower": names[lo]}

            def higher_check(groups: dict[str, str], dim: DimensionId = dim, hi: PartnerId = hi):
                problem = needs_shared(dim)(groups)
                if problem:
                    return problem
                a, b = value(wb, hi, "need", dim), value(wb, other(hi), "need", dim)
                if a <= b:
                    return f"calls {names[hi]} higher on {dim} ({a} vs {b})"
                band = t(f"band.{difference_band(a - b)}", lang)
                if "band" in groups and squeeze(band) != groups["band"]:
                    return f"band {groups['band']!r} for a difference of {a - b}"
                return None

            for key, template in comparison_templates(lang):
                add(key, template, {**d, **pair}, higher_check)
            # Direction-aware texts: exactly as the content files word them.
            for table in ("directions", "styles"):
                for key, template in _per_dimension_texts(table, dim, lang):
                    add(key, template, pair, needs_shared(dim))
            # The small adjustments are chosen by the side one leans to, relative to the other.
            for key, template in _per_dimension_texts("adjustments", dim, lang):
                add(key, template, {"partner": names[lo]}, needs_shared(dim))
            add(
                "adjust.position",
                catalog(lang)["adjust.position"],
                {**d, "name": names[hi], "other": names[lo]},
                needs_shared(dim),
            )
            about, guesser = hi, lo

            def surprise(groups: dict[str, str], dim: DimensionId = dim, about: PartnerId = about):
                return _first(
                    _same(groups, "need", value(wb, about, "need", dim)),
                    _same(groups, "guess", value(wb, other(about), "guess", dim)),
                )

            add(
                "aware.surprise_line",
                catalog(lang)["aware.surprise_line"],
                {**d, "about": names[about], "guesser": names[guesser]},
                surprise,
            )
            add(
                "naming.guess_line",
                catalog(lang)["naming.guess_line"],
                {**d, "name": names[about], "guesser": names[guesser]},
                surprise,
            )
            persisting = content_table("persisting", lang)["items"]

            def too_much(groups: dict[str, str], dim: DimensionId = dim, me: PartnerId = hi):
                return _first(
                    needs_shared(dim)(groups),
                    _same(groups, "need", value(wb, me, "need", dim)),
                    _same(groups, "other_need", value(wb, other(me), "need", dim)),
                )

            add(
                "persisting.items.too_much",
                str(persisting["too_much"]),
                {**d, "name": names[hi], "other": names[lo]},
                too_much,
            )
        for key in ("you_two.area_title", "diffmap.start_with"):
            add(key, catalog(lang)[key], d, needs_shared(dim))
        for pid in PARTNER_IDS:

            def own(groups: dict[str, str], dim: DimensionId = dim, pid: PartnerId = pid):
                return _first(
                    _same(groups, "need", value(wb, pid, "need", dim)),
                    _same(groups, "met", value(wb, pid, "met", dim)),
                )

            add(
                "needs.unmet_line",
                catalog(lang)["needs.unmet_line"],
                {**d, "name": names[pid]},
                own,
            )

        def someone(groups: dict[str, str], dim: DimensionId = dim) -> str | None:
            need, met = _num(groups, "need"), _num(groups, "met")
            for pid in PARTNER_IDS:
                if (value(wb, pid, "need", dim), value(wb, pid, "met", dim)) == (need, met):
                    return None
            return f"need {groups.get('need')} / met {groups.get('met')} answered by nobody"

        add(
            "persisting.items.never_enough",
            str(content_table("persisting", lang)["items"]["never_enough"]),
            d,
            someone,
        )

    # "The same answer on: ..." lists only dimensions both answered alike.
    def same(groups: dict[str, str]) -> str | None:
        listed = groups.get("dimensions", "")
        for dim in DIMENSION_IDS:
            if squeeze(t(f"dim.{dim}.name", lang)) in listed and (
                dim not in shared or value(wb, "a", "need", dim) != value(wb, "b", "need", dim)
            ):
                return f"{dim} listed as answered alike"
        return None

    add("diffmap.same_on", catalog(lang)["diffmap.same_on"], {}, same)
    # One partner's own profile (emotions.profile): its values are that partner's answers.
    texts_of = catalog(lang)
    for dim in DIMENSION_IDS:
        d = {"dimension": t(f"dim.{dim}.name", lang)}

        def anyone(kind: str, dim: DimensionId = dim) -> Validator:
            def check(groups: dict[str, str]) -> str | None:
                found = _num(groups, "value")
                if any(
                    value(wb, pid, kind, dim) == found for pid in PARTNER_IDS if found is not None
                ):
                    return None
                return f"{kind} {groups.get('value')} on {dim} answered by nobody"

            return check

        for key, kind in (
            ("profile.item", "need"),
            ("profile.item_middle", "need"),
            ("profile.guess_item", "guess"),
        ):
            if key in texts_of:
                add(key, texts_of[key], d, anyone(kind))
        if "profile.unmet_item" in texts_of:

            def unmet_item(groups: dict[str, str], dim: DimensionId = dim) -> str | None:
                need, met = _num(groups, "need"), _num(groups, "met")
                for pid in PARTNER_IDS:
                    if (value(wb, pid, "need", dim), value(wb, pid, "met", dim)) == (need, met):
                        return None
                return f"need {groups.get('need')} / met {groups.get('met')} answered by nobody"

            add("profile.unmet_item", texts_of["profile.unmet_item"], d, unmet_item)
        if "profile.guess_one" in texts_of:
            for me, them in _orders():

                def guess_one(groups: dict[str, str], dim: DimensionId = dim, me: PartnerId = me):
                    return _same(groups, "value", value(wb, me, "guess", dim))

                add(
                    "profile.guess_one",
                    texts_of["profile.guess_one"],
                    {**d, "name": names[me], "other": names[them]},
                    guess_one,
                )
    for pid in PARTNER_IDS:

        def position(groups: dict[str, str], pid: PartnerId = pid) -> str | None:
            return _first(
                _same(groups, "processing_value", value(wb, pid, "need", "processing")),
                _same(groups, "pace_value", value(wb, pid, "need", "conflict_pace")),
            )

        add(
            "styles.position_line",
            catalog(lang)["styles.position_line"],
            {"name": names[pid]},
            position,
        )
    # The style map's two texts on both lines together: both partners answered both lines.
    styles = content_table("styles", lang)
    for hi, lo in _orders():
        for key, fixed in (
            ("both", {"higher": names[hi], "lower": names[lo]}),
            ("crossed", {"aloud": names[hi], "now": names[lo]}),
        ):

            def both_lines(groups: dict[str, str]) -> str | None:
                missing = {"processing", "conflict_pace"} - shared
                return f"style texts without both answers on {sorted(missing)}" if missing else None

            add(f"styles.{key}", str(styles[key]["text"]), fixed, both_lines)
    return out


def joined(texts: Iterable[str]) -> str:
    """Texts ready for ``text_problems``: squeezed, Markdown escapes removed, kept apart."""
    return SEP.join(squeeze(unescape_markdown(text)) for text in texts)


def text_problems(
    wb: Workbook, lang: Language, texts: Iterable[str], *, known: list[Rule] | None = None
) -> list[str]:
    """Every place in ``texts`` that names a value not answered, or compares on a dimension that
    not both partners answered. ``known``: ``rules(wb, lang)`` when already built."""
    haystack = joined(texts)
    problems = []
    for rule in known if known is not None else rules(wb, lang):
        for match in rule.pattern.finditer(haystack):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            problem = rule.check(groups)
            if problem:
                problems.append(f"{rule.what}: {problem}: {match.group(0)[:160]!r}")
    return problems


# --- Strings, tables and figures in any returned value --------------------------------------------


def strings_in(found: Any) -> Iterator[str]:
    """Every string inside a returned value (lists, dicts, dataclasses)."""
    if isinstance(found, str):
        yield found
    elif isinstance(found, Mapping):
        for key, item in found.items():
            yield from strings_in(key)
            yield from strings_in(item)
    elif isinstance(found, (list, tuple, set, frozenset)):
        for item in found:
            yield from strings_in(item)
    elif is_dataclass(found) and not isinstance(found, type):
        for f in fields(found):
            yield from strings_in(getattr(found, f.name))


def figures_in(found: Any) -> Iterator[dict[str, Any]]:
    if isinstance(found, Mapping):
        if "data" in found and "layout" in found:
            yield dict(found)
        return
    if isinstance(found, (list, tuple)):
        for item in found:
            yield from figures_in(item)


def tables_in(found: Any) -> Iterator[list[dict[str, object]]]:
    """Lists of rows (dicts of plain cells), as the pages' tables are."""
    if isinstance(found, list) and found and all(isinstance(r, dict) for r in found):
        if not any("data" in r and "layout" in r for r in found):
            yield found
    elif isinstance(found, (list, tuple)):
        for item in found:
            yield from tables_in(item)


def _numeric(cell: object) -> int | None:
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell == cell:
        return int(cell)
    text = unescape_markdown(str(cell)).strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else None


def column_meaning(
    column: str, lang: Language, names: Mapping[PartnerId, str]
) -> tuple[PartnerId | None, str | None]:
    """(partner, kind) a column heading names: kind is a rating kind, "difference", "gap" or
    None."""
    heading = squeeze(unescape_markdown(str(column)))
    for pid in PARTNER_IDS:
        if heading == squeeze(names[pid]):
            return pid, "need"
        for key, kind in (
            ("export.col_need", "need"),
            ("export.col_importance", "importance"),
            ("export.col_met", "met"),
            ("aware.table_answer", "need"),
        ):
            if heading == squeeze(t(key, lang, name=names[pid])):
                return pid, kind
        if heading == squeeze(t("aware.table_guess", lang, name=names[pid])):
            return pid, "guess"
    for key in ("needs.table_difference", "needs.table_band"):
        if heading == squeeze(t(key, lang)):
            return None, "difference"
    for key in ("aware.table_gap", "persist.gap"):
        if heading == squeeze(t(key, lang)):
            return None, "gap"
    named = [pid for pid in PARTNER_IDS if names[pid] in heading]
    return (named[0] if len(named) == 1 else None), None


def table_problems(
    wb: Workbook, lang: Language, rows: list[dict[str, object]], *, pid: PartnerId | None = None
) -> list[str]:
    """Rows that name a dimension and carry a partner's number that was not answered.

    ``pid``: the partner a one-partner table (need vs met) is about."""
    problems = []
    bands = {squeeze(t(f"band.{band}", lang)) for band in ("close", "different", "far")}
    importances = {squeeze(t(f"importance.{level}", lang)) for level in IMPORTANCE_LEVELS}
    shared = set(shared_dimensions(wb))
    names = names_of(wb, lang)
    for row in rows:
        dims = [d for cell in row.values() if (d := dimension_of(str(cell), lang))]
        if len(dims) != 1:
            continue
        dim = dims[0]
        for column, cell in row.items():
            if isinstance(cell, str) and cell.strip() == "None":
                problems.append(f"{dim}: column {column!r} shows None")
                continue
            number = _numeric(cell)
            whose, kind = column_meaning(str(column), lang, names)
            if kind == "gap":
                if (
                    number is not None
                    and pid is not None
                    and (
                        value(wb, pid, "need", dim) is None
                        or (
                            value(wb, pid, "met", dim) is None
                            and value(wb, other(pid), "guess", dim) is None
                        )
                    )
                ):
                    problems.append(f"{dim}: {column!r} = {number} without the answers it needs")
                continue
            if kind == "difference":
                if dim not in shared and (number is not None or squeeze(str(cell)) in bands):
                    problems.append(f"{dim}: {column!r} = {cell!r} without both answers")
                continue
            if whose is None and pid is not None:
                whose = pid
                kind = {
                    squeeze(t("persist.table_need", lang)): "need",
                    squeeze(t("persist.met", lang)): "met",
                }.get(squeeze(str(column)), kind)
            if whose is None:
                continue
            if kind == "importance":
                answered = value(wb, whose, "importance", dim)
                if squeeze(str(cell)) in importances and (
                    answered is None
                    or squeeze(t(f"importance.{answered}", lang)) != squeeze(str(cell))
                ):
                    problems.append(f"{dim}: {column!r} = {cell!r}, answered {answered}")
                continue
            if number is None:
                continue
            if kind in ("need", "met", "guess"):
                expected = value(wb, whose, kind, dim)
                if expected != number:
                    problems.append(f"{dim}: {column!r} = {number}, answered {expected}")
            else:
                answers = {value(wb, whose, k, dim) for k in ("need", "met", "guess")} - {None}
                if number not in answers and not (
                    value(wb, whose, "need", dim) is not None
                    and value(wb, whose, "met", dim) is not None
                ):
                    problems.append(f"{dim}: {column!r} = {number}, {whose} answered {answers}")
    return problems


def _trace_partner(trace: Mapping[str, Any], names: Mapping[PartnerId, str]) -> PartnerId | None:
    name = html.unescape(str(trace.get("name", "")))
    named = [pid for pid in PARTNER_IDS if names[pid] in name]
    return named[0] if len(named) == 1 else None


def _points(trace: Mapping[str, Any], lang: Language) -> Iterator[tuple[DimensionId, Any, str]]:
    """(dimension, value, axis) of every point of a trace drawn against dimension labels."""
    for label_key, value_key in (("theta", "r"), ("y", "x"), ("x", "y")):
        labels, values = trace.get(label_key), trace.get(value_key)
        if not isinstance(labels, list) or not isinstance(values, list):
            continue
        for label, found in zip(labels, values, strict=False):
            dim = dimension_of(str(label), lang) if label is not None else None
            if dim is not None:
                yield dim, found, value_key


def figure_problems(
    wb: Workbook,
    lang: Language,
    figure: Mapping[str, Any],
    *,
    kinds: Mapping[str, tuple[PartnerId, str]] | None = None,
) -> list[str]:
    """Points of a partner on a dimension that partner did not answer.

    A trace's partner comes from its name (or ``kinds``: trace name -> (partner, kind) for charts
    whose traces are named by what they show); a point's value must be that partner's answer of
    that kind (``need`` unless ``kinds`` says otherwise). A trace without a partner (the grey
    lines between two points) may have points only on dimensions both ends answered.
    """
    problems = []
    names = names_of(wb, lang)
    for trace in figure.get("data", []):
        name = html.unescape(str(trace.get("name", "")))
        whose, kind = (kinds or {}).get(name, (_trace_partner(trace, names), "need"))
        for dim, found, _ in _points(trace, lang):
            if found is None:
                continue
            if whose is None:
                answers = {value(wb, pid, k, dim) for pid in PARTNER_IDS for k in ("need", "guess")}
                if found not in answers - {None}:
                    problems.append(f"{dim}: an unnamed trace has {found}, answered {answers}")
                continue
            expected = value(wb, whose, kind, dim)
            if expected != found:
                problems.append(f"{dim}: trace {name!r} has {found}, {kind} answered {expected}")
    return problems
