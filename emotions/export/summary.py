"""``build_summary``: one workbook turned into the ``Summary`` every human-readable export lays out.

Every sentence comes from the functions the pages use (``texts``, ``analysis`` and
``exercises/*``), called with plain names, so an export says exactly what the app says. Texts stay
unescaped here; each renderer escapes them for its medium.

Leaving names out (``anonymous``) replaces the partners' names with "Partner A/B" in every sentence
and table, and also inside the couple's own words: every free-text field the sections declare is
redacted before any block is built (``presentation.anonymised``), so no block can leave one in.

What each section contributes is registered by section id in ``SECTION_SUMMARIES``: a function,
or ``None`` for a section whose summary is only its reflection notes. The registry is checked
complete when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable

from emotions import analysis, dimensions, texts
from emotions.dimensions import DIMENSION_IDS, SECTION_IDS, SectionId
from emotions.exercises import (
    awareness,
    channels,
    checkins,
    distance,
    journey,
    meta_emotion,
    moments,
    naming,
    persisting,
    rewrite,
    safety,
    styles,
)
from emotions.export import figures
from emotions.export.document import Block, RadarData, Summary, Table
from emotions.i18n import content_table, t
from emotions.languages import format_date, spec
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.presentation import anonymised
from emotions.sections import SECTIONS, section_title
from emotions.texts import Names

UNANSWERED = meta_emotion.UNANSWERED
"""What a page's table shows for a question not answered yet (the same dash in both languages).
The summary's own tables say it in words: ``not_answered``."""
TOP_AREAS = journey.TOP_AREAS
"""How many of the ranked areas get their direction-aware texts in the summary."""


def _table(rows: list[dict[str, object]] | list[dict[str, str]]) -> Table:
    """Rows of a page's table (dicts, one key per column) as a ``Table`` of plain strings."""
    if not rows:
        return Table([], [])
    columns = list(rows[0])
    return Table(columns, [[str(row.get(c, "")) for c in columns] for row in rows])


def _partners(wb: Workbook) -> list[PartnerId]:
    return [pid for pid in PARTNER_IDS if pid in wb.partners]


def not_answered(lang: Language) -> str:
    """What a cell of the summary's tables says for a question not answered yet."""
    return t("export_answers.cell", lang)


def _answer(value: object, lang: Language) -> str:
    return not_answered(lang) if value is None else str(value)


def _without_open(table: Table, open_cell: str, *, keep: int = 1) -> Table:
    """``table`` without the rows, then the columns, that would only say "not answered yet"
    (or nothing): the first ``keep`` columns name the row and are not values."""

    def empty(cell: str) -> bool:
        return cell in (open_cell, "")

    rows = [row for row in table.rows if not all(empty(c) for c in row[keep:])]
    columns = [
        j
        for j in range(len(table.columns))
        if j < keep or any(not empty(row[j]) for row in rows if j < len(row))
    ]
    if not rows:
        return Table([], [])
    return Table(
        [table.columns[j] for j in columns],
        [[row[j] if j < len(row) else "" for j in columns] for row in rows],
    )


def _page_table(
    rows: list[dict[str, object]] | list[dict[str, str]], open_marks: set[str], lang: Language
) -> Table:
    """A page's table for the summary: its marks for "not answered" (a dash, a phrase) say it
    in the summary's words, and rows and columns that would only say that are left out."""
    table = _table(rows)
    open_cell = not_answered(lang)
    cells = [[open_cell if c in open_marks else c for c in row] for row in table.rows]
    return _without_open(Table(table.columns, cells), open_cell)


# --- The needs profile and what follows from it --------------------------------------------------


def radar_data(wb: Workbook, names: Names, lang: Language) -> RadarData:
    """The radar's data: axis labels in ``lang`` and the needs of every partner present (None
    where not answered; the renderers draw no shape for a partner with none answered)."""
    return RadarData(
        axes=[t(f"dim.{dim}.name", lang) for dim in DIMENSION_IDS],
        dimensions=list(DIMENSION_IDS),
        needs={
            pid: [analysis.need(wb, pid, dim) for dim in DIMENSION_IDS] for pid in _partners(wb)
        },
        names={pid: names.of(pid) for pid in _partners(wb)},
        open_legend={
            pid: t("export_answers.radar_not_answered", lang, name=names.of(pid))
            for pid in _partners(wb)
            if not analysis.answered_needs(wb, pid)
        },
        partial_note=t("export_answers.radar_partial", lang),
    )


def needs_profile_table(wb: Workbook, names: Names, lang: Language) -> Table:
    """One row per dimension: each partner's need, importance and how well it is met, then the
    difference and its rule-of-thumb band where both partners answered that need.

    A question not answered yet says so (``not_answered``); a row or a column that would only
    say that is left out (a partner who answered none of these questions has no column), and
    the difference columns appear only when the partners can be compared at all."""
    pids = _partners(wb)
    compare = analysis.can_compare(wb)
    open_cell = not_answered(lang)
    columns = [t("needs.table_dimension", lang)]
    for pid in pids:
        columns += [
            t(f"export.col_{kind}", lang, name=names.of(pid))
            for kind in ("need", "importance", "met")
        ]
    if compare:
        columns += [t("needs.table_difference", lang), t("needs.table_band", lang)]
    rows = []
    for dim in DIMENSION_IDS:
        row = [t(f"dim.{dim}.name", lang)]
        for pid in pids:
            rating = wb.partners[pid].ratings[dim]
            importance = rating.importance
            row += [
                _answer(rating.need, lang),
                open_cell if importance is None else t(f"importance.{importance}", lang),
                _answer(rating.met, lang),
            ]
        if compare:
            # Not compared (blank) unless both answered this need.
            diff = analysis.difference(wb, dim)
            row += (
                ["", ""]
                if diff is None
                else [str(diff), t(f"band.{analysis.difference_band(diff)}", lang)]
            )
        rows.append(row)
    return _without_open(Table(columns, rows), open_cell)


def perception_table(wb: Workbook, about: PartnerId, names: Names, lang: Language) -> Table:
    """The other partner's guesses of ``about``'s needs beside what ``about`` answered: one row
    per need the other guessed (the guess labelled as a guess), the gap only where ``about``
    answered too. No guess made: no rows."""
    guesser = analysis.other(about)
    open_cell = not_answered(lang)
    columns = [
        t("needs.table_dimension", lang),
        t("aware.table_answer", lang, name=names.of(about)),
        t("aware.table_guess", lang, name=names.of(guesser)),
        t("aware.table_gap", lang),
    ]
    rows = []
    for dim in DIMENSION_IDS:
        answer = analysis.need(wb, about, dim)
        guess = wb.partners[guesser].ratings[dim].guess if guesser in wb.partners else None
        if guess is None:
            continue
        gap = None if answer is None else abs(answer - guess)
        rows.append(
            [
                t(f"dim.{dim}.name", lang),
                _answer(answer, lang),
                _answer(guess, lang),
                "" if gap is None else str(gap),
            ]
        )
    return _without_open(Table(columns, rows), open_cell)


def _needs_blocks(wb: Workbook, names: Names, lang: Language) -> list[Block]:
    """The needs profile (the section's own block), the areas to understand (the top ones with
    their direction-aware texts), what feels missing, and the perception gaps. Partners are
    compared only on the needs both answered (``analysis.shared_dimensions``)."""
    profile = needs_profile_table(wb, names, lang)
    blocks = [
        Block(
            title="",
            paragraphs=[t("needs.radar_caption", lang)],
            tables=[profile] if profile.rows else [],
        )
    ]
    areas = analysis.areas_to_understand(wb)
    if not analysis.has_both(wb):
        areas_text = [t("needs.one_partner", lang)]
    elif not analysis.can_compare(wb):
        areas_text = [texts.nothing_to_compare(wb, names, lang)]
    elif not areas:
        areas_text = [t("needs.no_areas", lang)]
    else:
        bands = {band: t(f"band.{band}", lang) for band in analysis.BANDS}
        areas_text = [t("needs.areas_caption", lang, **bands)]
    blocks.append(
        Block(
            title=t("needs.areas_heading", lang),
            paragraphs=areas_text,
            bullets=[texts.area_line(area, names, lang) for area in areas],
        )
    )
    for area in areas[:TOP_AREAS]:
        lines = texts.directions(area, names, lang)
        blocks.append(
            Block(
                title=texts.area_title(area, lang),
                paragraphs=[area_lean(area, names, lang)],
                bullets=[lines[key] for key in texts.DIRECTION_KEYS],
            )
        )
    unmet = texts.unmet_lines(wb, names, lang)
    if unmet:
        blocks.append(Block(title=t("needs.unmet_heading", lang), bullets=unmet))
    if analysis.has_both(wb) and awareness.any_guesses(wb):
        tables = [perception_table(wb, about, names, lang) for about in PARTNER_IDS]
        blocks.append(
            Block(
                title=t("export.perception_heading", lang),
                bullets=awareness.surprise_lines(wb, names, lang),
                tables=[table for table in tables if table.rows],
            )
        )
    return blocks


def area_lean(area: analysis.Area, names: Names, lang: Language) -> str:
    """Who leans which way in an area: its heading (``texts.area_title``) already names the
    need, the band and the difference, so the first line under it does not say them again."""
    assert area.higher is not None
    return t(
        "export_charts.area_lean",
        lang,
        higher=names.of(area.higher),
        lower=names.of(analysis.other(area.higher)),
        pole=t(f"dim.{area.dimension}.high", lang),
    )


def unanswered_lines(wb: Workbook, names: Names, lang: Language) -> list[str]:
    """Per partner of the workbook and kind of question, the needs not answered yet
    (``analysis.unanswered``); a kind left open on every need is said in one short line."""
    lines = []
    for pid in _partners(wb):
        for kind, dims in analysis.unanswered(wb, pid).items():
            question = t(f"export_answers.question_{kind}", lang)
            if len(dims) == len(DIMENSION_IDS):
                lines.append(
                    t("export_answers.open_all", lang, name=names.of(pid), question=question)
                )
                continue
            listed = persisting.join_list([t(f"dim.{dim}.name", lang) for dim in dims], lang)
            lines.append(
                t(
                    "export_answers.open_line",
                    lang,
                    name=names.of(pid),
                    question=question,
                    dimensions=listed,
                )
            )
    return lines


def unanswered_block(wb: Workbook, names: Names, lang: Language) -> Block | None:
    """What is still open, per partner (after the sections); None when everything is answered."""
    lines = unanswered_lines(wb, names, lang)
    if not lines:
        return None
    return Block(
        title=t("export_answers.open_heading", lang),
        paragraphs=[t("export_answers.open_caption", lang)],
        bullets=lines,
    )


# --- One block per section ----------------------------------------------------------------------


def _styles(wb: Workbook, names: Names, lang: Language) -> Block | None:
    """Each partner who answered both needs of the map, placed on it; the misreadings only when
    both partners answered both (they compare the two on each line)."""
    placed = [p for p in styles.positions(wb) if p.processing is not None and p.pace is not None]
    if not placed:
        return None
    bullets = [styles.position_line(p, names, lang) for p in placed]
    # The map is drawn (its caption says how to read it); a partner not on it says why.
    paragraphs: list[str] = []
    unplaced = [
        styles.unplaced_line(pid, names, lang) for pid in styles.unplaced(wb) if pid in wb.partners
    ]
    shared = analysis.shared_dimensions(wb)
    if all(dim in shared for dim in styles.AXES):
        bullets += styles.misreadings(wb, names, lang)
        paragraphs.append(t("styles.misreadings_caption", lang))
    found = figures.style_map(wb, names, lang)
    return Block(
        title="",
        paragraphs=paragraphs,
        bullets=bullets,
        figures=[found] if found else [],
        chart_notes=unplaced,
    )


def _meta_emotion(wb: Workbook, names: Names, lang: Language) -> Block | None:
    if not any(wb.partners[pid].meta_emotion for pid in _partners(wb)):
        return None
    if not analysis.has_both(wb):
        return Block(title="", paragraphs=[t("meta.one_partner", lang)])
    cells = meta_emotion.disagreements(wb)
    if cells:
        paragraphs = [t("meta.diff_list", lang)]
    elif meta_emotion.cell_differences(wb):
        paragraphs = [t("meta.no_diff", lang)]
    else:
        # No cell answered by both: nothing is drawn, and the line says when it will be.
        paragraphs = [t("export_charts.meta_not_yet", lang)]
    bullets = [meta_emotion.disagreement_line(c, names, lang) for c in cells]
    # The general line refers to the cells "listed above": it comes after them.
    bullets += meta_emotion.you_two_lines(wb, names, lang)
    found = figures.difference_map(wb, names, lang)
    return Block(title="", paragraphs=paragraphs, bullets=bullets, figures=[found] if found else [])


def _distance(wb: Workbook, names: Names, lang: Language) -> Block | None:
    if wb.vulnerable_moment is None:
        return None
    moment = wb.vulnerable_moment
    reacher = moment.reacher
    if moment.what.strip():
        opening = t("distance.moment_line", lang, name=names.of(reacher), what=moment.what)
    else:
        opening = t("export.reached_out", lang, name=names.of(reacher))
    # How a response lands is read from the reacher's own needs: only once they answered them.
    needed = {rule.dimension for rules in distance.RULES.values() for rule in rules}
    ready = reacher in wb.partners and needed <= set(analysis.answered_needs(wb, reacher))
    found = distance.landings(wb, reacher) if ready else []
    if not found:
        return Block(
            title="",
            paragraphs=[opening, t("distance.missing_partner", lang, name=names.of(reacher))],
        )
    bullets = []
    for landing in found:
        text = distance.landing_text(landing, names, reacher, lang)
        bullets.append(
            t(
                "export.landing_line",
                lang,
                response=text.response,
                outcome=text.outcome,
                reasons=" ".join(text.reasons),
            ).strip()
        )
    paragraphs = [
        opening,
        t("distance.responses_heading", lang, responder=names.of(distance.responder(wb))),
    ]
    return Block(
        title="",
        paragraphs=[*paragraphs, t("distance.landing_caption", lang, name=names.of(reacher))],
        bullets=bullets,
    )


def _safety(wb: Workbook, names: Names, lang: Language) -> Block | None:
    if not safety.all_answers(wb):
        return None
    flagged = safety.misunderstanding_lines(wb, names, lang)
    overview = _page_table(
        safety.overview_table(wb, names, lang),
        {str(content_table("safety", lang)["not_answered"])},
        lang,
    )
    return Block(
        title="",
        paragraphs=[
            t("safety.overview_caption", lang),
            t("safety.flags_caption", lang) if flagged else t("safety.none_flagged", lang),
        ],
        bullets=[
            *flagged,
            *safety.unsure_lines(wb, names, lang),
            *safety.safe_lines(wb, names, lang),
        ],
        tables=[overview] if overview.rows else [],
    )


def _channels(wb: Workbook, names: Names, lang: Language) -> Block | None:
    answered = [
        pid
        for pid in _partners(wb)
        if any(
            channels.rating(wb.partners[pid], c, kind) is not None
            for c in wb.partners[pid].channels
            for kind in channels.KINDS
        )
    ]
    if not answered:
        return None
    tables = [_page_table(channels.ratings_table(wb, names, lang), {UNANSWERED}, lang)]
    chart = figures.channels_chart(wb, names, lang)
    drawn = [chart] if chart else []
    if not analysis.has_both(wb):
        return Block(
            title="", paragraphs=[t("channels.one_partner", lang)], tables=tables, figures=drawn
        )
    # The grid crosses one partner's "shows" with the other's "notices": only cells both
    # answered say anything, the others are left out (all of them while one has answered none).
    grid = _page_table(
        channels.misreading_grid(wb, names, lang), {t("channels.cell_open", lang)}, lang
    )
    if grid.rows:
        tables.append(grid)
    decoded = channels.decoding(wb, names, lang)
    bullets = [*decoded.tips, *decoded.others]
    paragraphs = [channels.rule_text(lang)]
    if decoded.most:
        paragraphs.append(decoded.most)
    if decoded.empty and len(answered) == len(PARTNER_IDS):
        paragraphs.append(t("channels.you_two_empty", lang))
    return Block(title="", paragraphs=paragraphs, bullets=bullets, tables=tables, figures=drawn)


def _persisting(wb: Workbook, names: Names, lang: Language) -> Block | None:
    bullets: list[str] = []
    # "Too much" compares the two partners' needs: only when both answered every need (the
    # exercise compares every dimension); "never enough" reads one partner's own answers.
    every_need_shared = set(analysis.shared_dimensions(wb)) >= set(dimensions.DIMENSION_IDS)
    for pid in _partners(wb):
        if every_need_shared:
            bullets += persisting.strain_lines(wb, pid, names, lang)
        else:
            bullets += _never_enough_lines(wb, pid, names, lang)
    labels = persisting.sign_labels(lang)
    for pid in _partners(wb):
        signs = persisting.signs_of(wb, pid)
        if not signs:
            continue
        # Each sign is a whole sentence in the partner's voice: one line each.
        bullets += [t("export.sign_line", lang, name=names.of(pid), sign=labels[s]) for s in signs]
        note = persisting.withdrawal_note(wb, pid, names, lang)
        if note is not None:
            bullets.append(note[1])
    both = persisting.both_pulling_back(wb, lang)
    if both:
        bullets.append(both)
    if not bullets:
        return None
    return Block(title="", paragraphs=[t("persist.strain_caption", lang)], bullets=bullets)


def _never_enough_lines(wb: Workbook, pid: PartnerId, names: Names, lang: Language) -> list[str]:
    """``persisting.strain_lines`` without "too much": what may feel like never enough, from
    ``pid``'s own need and how well it is met."""
    found = persisting.never_enough(wb, pid)
    if not found:
        return []
    template = content_table("persisting", lang)["strains"]["never_enough"]
    items = persisting.join_list([persisting.strain_item(s, names, lang) for s in found], lang)
    return [
        str(template).format(items=items, name=names.of(pid), other=names.of(analysis.other(pid)))
    ]


def _adjustments(wb: Workbook, names: Names, lang: Language) -> Block | None:
    if not any(wb.partners[pid].adjustments for pid in _partners(wb)):
        return None
    return Block(
        title="",
        bullets=journey.adjustment_lines(wb, names, lang),
        paragraphs=[t("adjust.caption", lang)],
    )


def _rewrites(wb: Workbook, names: Names, lang: Language) -> Block | None:
    bullets = []
    for pid in _partners(wb):
        for entry in wb.partners[pid].rewrites:
            if rewrite.is_empty(entry):
                continue
            statement = rewrite.need_statement(entry, lang) or t("talk.untitled", lang)
            complaint = " ".join(entry.complaint.split())
            if complaint:
                line = t(
                    "export.rewrite_from",
                    lang,
                    name=names.of(pid),
                    statement=statement,
                    complaint=complaint,
                )
            else:
                line = t("export.rewrite_line", lang, name=names.of(pid), statement=statement)
            bullets.append(line)
    if not bullets:
        return None
    return Block(title="", bullets=bullets)


def _triggers(wb: Workbook, names: Names, lang: Language) -> Block | None:
    notes = [(pid, note) for pid in _partners(wb) for note in wb.partners[pid].triggers]
    if not notes:
        return None
    columns = [t("export.col_partner", lang)]
    rows = []
    for pid, note in notes:
        parts = awareness.note_parts(note, lang)
        if len(columns) == 1:
            columns += [label for label, _ in parts]
        rows.append(
            [names.of(pid)] + [text if text else t("aware.unwritten", lang) for _, text in parts]
        )
    return Block(title="", tables=[Table(columns, rows)])


def _moments(wb: Workbook, names: Names, lang: Language) -> Block | None:
    picked = {pid: set(moments.picks(wb, pid)) for pid in _partners(wb)}
    chosen = [mid for mid in moments.MOMENT_IDS if any(mid in p for p in picked.values())]
    if not chosen:
        return None
    rows = [
        [
            moments.moment_text(mid, lang),
            spec(lang).list_separator.join(names.of(pid) for pid in picked if mid in picked[pid]),
        ]
        for mid in chosen
    ]
    columns = [t("export.col_moment", lang), t("export.col_picked_by", lang)]
    return Block(title="", tables=[Table(columns, rows)])


def _statements(wb: Workbook, names: Names, lang: Language) -> Block | None:
    bullets = []
    for pid in _partners(wb):
        for statement in naming.statements_of(wb, pid):
            text = naming.shown_text(statement, lang)
            if not text.strip():
                continue
            key = "journey.statement_spoken" if statement.spoken else "journey.statement_unspoken"
            bullets.append(t(key, lang, name=names.of(pid), text=text))
    if not bullets:
        return None
    return Block(title="", bullets=bullets)


def _area_notes(wb: Workbook, names: Names, lang: Language) -> Block | None:
    bullets = [
        t(
            "export.area_note_line",
            lang,
            dimension=t(f"dim.{dim}.name", lang),
            note=wb.area_notes[dim],
        )
        for dim in DIMENSION_IDS
        if wb.area_notes.get(dim, "").strip()
    ]
    if not bullets:
        return None
    return Block(title="", bullets=bullets)


def _checkins(wb: Workbook, names: Names, lang: Language) -> Block | None:
    if not wb.checkins:
        return None
    rows = checkins.checkin_table(wb, names, lang)
    bullets = checkins.trend_lines(wb, names, lang)
    paragraphs = [t("checkin.trend_caption", lang)] if checkins.has_trend(wb) else []
    chart = figures.trend_chart(wb, names, lang)
    return Block(
        title="",
        paragraphs=paragraphs,
        bullets=bullets,
        tables=[_table(rows)],
        figures=[chart] if chart else [],
        chart_notes=[] if chart else [t("export_charts.trend_not_yet", lang)],
    )


def _next_steps(wb: Workbook, names: Names, lang: Language) -> Block | None:
    """What the couple wants to try next, as the first of the section's notes."""
    if not wb.next_steps.strip():
        return None
    return Block(title="", notes=[(t("export.next_steps_whose", lang), wb.next_steps)])


SectionSummary = Callable[[Workbook, Names, Language], Block | list[Block] | None]
"""What a section adds to the summary: its own block (untitled; its notes come first), possibly
followed by titled blocks of its own; None (or no blocks) when nothing in it is answered."""

SECTION_SUMMARIES: dict[SectionId, SectionSummary | None] = {
    "introduction": None,
    "what-it-means": _needs_blocks,
    "emotional-styles": _styles,
    "meta-emotion": _meta_emotion,
    "distance": _distance,
    "intimacy": _safety,
    "expression": _channels,
    "ongoing-differences": _persisting,
    "maintaining-connection": _adjustments,
    "communication": _rewrites,
    "meta-awareness": _triggers,
    "shared-meaning": _moments,
    "unspoken-needs": _statements,
    "compatibility": _area_notes,
    "rebuilding": _checkins,
    "final-thoughts": _next_steps,
}
"""Every section's contribution, by id; ``None``: only its reflection notes. Checked below."""

if set(SECTION_SUMMARIES) != set(SECTION_IDS):
    raise RuntimeError(
        "SECTION_SUMMARIES must name every section (None for notes only): "
        f"missing {sorted(set(SECTION_IDS) - set(SECTION_SUMMARIES))}, "
        f"unknown {sorted(set(SECTION_SUMMARIES) - set(SECTION_IDS))}"
    )


def section_blocks(section: SectionId, wb: Workbook, names: Names, lang: Language) -> list[Block]:
    """The derived content of one section: its own block (untitled) first; [] when nothing in
    it is answered."""
    summary = SECTION_SUMMARIES[section]
    found = None if summary is None else summary(wb, names, lang)
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def reflections(wb: Workbook, section: SectionId, names: Names) -> list[tuple[str, str]]:
    """The partners' reflection notes of one section: (whose, text), partner A first."""
    return [
        (names.of(pid), note)
        for pid in _partners(wb)
        if (note := wb.partners[pid].reflections.get(section, "")).strip()
    ]


# --- The whole summary --------------------------------------------------------------------------


def subtitle(wb: Workbook, lang: Language) -> str:
    """When the workbook last changed, and whether it is one of the made-up sample couples."""
    line = t("export.subtitle", lang, date=format_date(wb.updated.date(), lang))
    if wb.sample is not None:
        line = t("export.subtitle_sample", lang, subtitle=line)
    return line


def build_summary(wb: Workbook, lang: Language, *, anonymous: bool = False) -> Summary:
    """The whole workbook summarised in ``lang``: the needs profile and what follows from it,
    then one block per section that holds answers or notes, in the article's order, and last
    the questions each partner has not answered yet (``unanswered_block``).

    With ``anonymous`` the partners are "Partner A/B" everywhere, their own words included.
    """
    names = texts.plain_names(wb, lang, anonymous=anonymous)
    if anonymous:
        wb = anonymised(wb, lang)
    blocks: list[Block] = []
    for entry in SECTIONS:
        found = section_blocks(entry.id, wb, names, lang)
        notes = reflections(wb, entry.id, names)
        if not found and not notes:
            continue
        own, *more = found or [Block(title="")]
        notes = [*own.notes, *notes]
        blocks.append(
            Block(
                title=section_title(entry.id, lang),
                paragraphs=own.paragraphs,
                bullets=own.bullets,
                tables=own.tables,
                notes=notes,
                figures=own.figures,
                chart_notes=own.chart_notes,
            )
        )
        blocks += more
    still_open = unanswered_block(wb, names, lang)
    if still_open is not None:
        blocks.append(still_open)
    return Summary(
        lang=lang,
        title=t("export.title", lang),
        subtitle=subtitle(wb, lang),
        notice=t("export.notice", lang),
        rule_of_thumb=t(
            "export.rule_of_thumb",
            lang,
            close=t("band.close", lang),
            different=t("band.different", lang),
            far=t("band.far", lang),
        ),
        radar=radar_data(wb, names, lang),
        blocks=blocks,
        sample=wb.sample is not None,
    )
