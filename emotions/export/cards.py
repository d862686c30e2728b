"""Take-away cards: a printable A4 deck of conversation openers and small adjustments.

The cards come only from what both partners answered: the couple's top areas
(``analysis.top_areas``, which needs both partners' need on a dimension) give each an opener and
one small step for each side (``directions.toml``), and each partner's own picks from the
adjustments planner are added while they still belong to one of the areas the couple differs on,
on the side the picker stands on now. A partner who has answered nothing is never compared, and
no card judges anyone.

Eight cards to a page (two columns, four rows) with dashed cut lines; each card holds a small
label, its text in large type (in one language, or in every language one after the other) and a
small footer with the workbook's name (and the partners' names only when asked for). Fonts,
cleaning and line breaking are those of the summary PDF (``emotions.export.pdf``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from emotions.analysis import Area, areas_to_understand, top_areas
from emotions.exercises.adjustments import AREAS_SHOWN, adjustment_text, known, parse, role_of
from emotions.export import linebreak
from emotions.export.pdf import _LANGUAGE, INK, PT, SOFT_INK, TextStyle, _SummaryPDF, clean_text
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import PARTNER_IDS, Language, PartnerId, Workbook
from emotions.texts import Names, directions, plain_names

Kind = Literal["opener", "higher_could_try", "lower_could_try", "pick"]

COLUMNS, ROWS = 2, 4
CARDS_PER_PAGE = COLUMNS * ROWS
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 10.0
CARD_WIDTH = (PAGE_WIDTH - 2 * MARGIN) / COLUMNS
CARD_HEIGHT = (PAGE_HEIGHT - 2 * MARGIN) / ROWS
PADDING = 7.0
GAP = 2.5
"""Between the label, the text, a second language and the footer (mm)."""
LABEL = TextStyle(8.5, 4.2, SOFT_INK)
FOOTER = TextStyle(7.5, 3.8, SOFT_INK)
SIZES = (15.0, 14.0, 13.0, 12.0, 11.0, 10.0, 9.0, 8.0)
"""The card text's sizes in points, largest first: the largest that fits is used."""
LEADING = 1.4
"""Line height as a multiple of the type size."""
CUT_DASH = (2.0, 1.5)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Prompt:
    """One card, before words: an area's opener or small step, or a partner's own pick."""

    kind: Kind
    area: Area
    picker: PartnerId | None = None
    tag: str = ""


def choose(wb: Workbook) -> list[Prompt]:
    """The deck: for each top area its opener and a small step for each side, then each partner's
    picks that still fit an area the couple differs on (empty until both answered a need in
    common and differ on it)."""
    prompts = [
        Prompt(kind, area)
        for area in top_areas(wb, AREAS_SHOWN)
        for kind in ("opener", "higher_could_try", "lower_could_try")
    ]
    areas = {area.dimension: area for area in areas_to_understand(wb)}
    for pid in PARTNER_IDS:
        for tag in known(wb.partners[pid].adjustments) if pid in wb.partners else []:
            parsed = parse(tag)
            assert parsed is not None
            dim, role, _ = parsed
            area = areas.get(dim)
            if area is not None and role_of(area, pid) == role:
                prompts.append(Prompt("pick", area, pid, tag))
    return prompts


@dataclass(frozen=True)
class Words:
    """A card's words in one language."""

    lang: Language
    label: str
    text: str


def words(prompt: Prompt, names: Names, lang: Language) -> Words:
    """What ``prompt``'s card says in ``lang``, names as given in ``names``."""
    dimension = t(f"dim.{prompt.area.dimension}.name", lang)
    higher = prompt.area.higher
    assert higher is not None
    if prompt.kind == "pick":
        assert prompt.picker is not None
        other = names.of("b" if prompt.picker == "a" else "a")
        kind = t("cards.kind_pick", lang, name=names.of(prompt.picker))
        text = adjustment_text(prompt.tag, lang, other)
    else:
        text = directions(prompt.area, names, lang)[prompt.kind]
        kind = t("cards.kind_opener" if prompt.kind == "opener" else "cards.kind_step", lang)
    return Words(lang, t("cards.label", lang, kind=kind, dimension=dimension), text)


def card_languages(lang: Language, bilingual: bool) -> tuple[Language, ...]:
    """The languages on each card: ``lang``, then every other language when bilingual."""
    if not bilingual:
        return (lang,)
    return (lang, *(code for code in LANGUAGE_CODES if code != lang))


def card_words(
    wb: Workbook, lang: Language, *, with_names: bool = False, bilingual: bool = False
) -> list[list[Words]]:
    """Every card's words, one list per card with one entry per language."""
    langs = card_languages(lang, bilingual)
    names = {code: plain_names(wb, code, anonymous=not with_names) for code in langs}
    return [[words(prompt, names[code], code) for code in langs] for prompt in choose(wb)]


def footer(wb: Workbook, lang: Language, with_names: bool) -> str:
    """The line at the foot of every card: the workbook's name, and the names only if asked."""
    app = t("app.title", lang)
    if not with_names:
        return app
    names = plain_names(wb, lang)
    return t("cards.footer_names", lang, app=app, a=names.a, b=names.b)


def page_count(cards: int) -> int:
    """Sheets needed for ``cards`` cards."""
    return -(-cards // CARDS_PER_PAGE)


# --- the PDF -----------------------------------------------------------------------------------


class _CardsPDF(_SummaryPDF):
    def __init__(self) -> None:
        super().__init__()
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)

    def wrapped(self, text: str, style: TextStyle, lang: Language, width: float) -> list[str]:
        rules = spec(lang).line_breaking
        return linebreak.wrap_lines(clean_text(text), width, self.measure(style), rules)

    def draw(self, lines: list[str], style: TextStyle, x: float, y: float) -> float:
        """Draw ``lines`` from ``y`` down; the height used."""
        self.use(style)
        for line in lines:
            self.put(x, y, style.leading, line)
            y += style.leading
        return len(lines) * style.leading


def _style(size: float, colour: str) -> TextStyle:
    return TextStyle(size, size * PT * LEADING, colour)


def _text_lines(
    pdf: _CardsPDF, card: list[Words], width: float, room: float
) -> tuple[list[tuple[TextStyle, list[str]]], float]:
    """The card's texts broken at the largest size that fits ``room`` mm (the last size cut
    short with an ellipsis if even that does not fit); and the height they take."""
    for size in SIZES:
        blocks = []
        for i, w in enumerate(card):
            style = _style(size, INK if i == 0 else SOFT_INK)
            blocks.append((style, pdf.wrapped(w.text, style, w.lang, width)))
        height = sum(len(lines) * style.leading for style, lines in blocks)
        height += GAP * (len(blocks) - 1)
        if height <= room:
            return blocks, height
    # Only text no card was written for gets here (an extremely long name): cut it short.
    kept: list[tuple[TextStyle, list[str]]] = []
    used = 0.0
    for style, lines in blocks:
        fit = max(0, int((room - used) // style.leading))
        if fit < len(lines):
            lines = [*lines[: max(fit - 1, 0)], ELLIPSIS] if fit else []
        kept.append((style, lines))
        used += len(lines) * style.leading + GAP
    return kept, min(used - GAP, room)


def _card(pdf: _CardsPDF, card: list[Words], foot: str, lang: Language, x: float, y: float) -> None:
    width = CARD_WIDTH - 2 * PADDING
    left, top = x + PADDING, y + PADDING
    label = "\n".join(w.label for w in card)
    label_lines = pdf.wrapped(label, LABEL, lang, width)[:3]
    foot_lines = pdf.wrapped(foot, FOOTER, lang, width)[:2]
    used = pdf.draw(label_lines, LABEL, left, top) + GAP
    foot_height = len(foot_lines) * FOOTER.leading
    bottom = y + CARD_HEIGHT - PADDING
    pdf.draw(foot_lines, FOOTER, left, bottom - foot_height)
    room = bottom - foot_height - GAP - (top + used)
    blocks, height = _text_lines(pdf, card, width, room)
    # The text sits in the middle of the space between label and footer.
    cursor = top + used + max(0.0, (room - height) / 2)
    for style, lines in blocks:
        cursor += pdf.draw(lines, style, left, cursor) + GAP


def _cut_lines(pdf: _CardsPDF) -> None:
    pdf.set_draw_color(SOFT_INK)
    pdf.set_line_width(0.2)
    pdf.set_dash_pattern(dash=CUT_DASH[0], gap=CUT_DASH[1])
    for column in range(COLUMNS + 1):
        x = MARGIN + column * CARD_WIDTH
        pdf.line(x, 0, x, PAGE_HEIGHT)
    for row in range(ROWS + 1):
        y = MARGIN + row * CARD_HEIGHT
        pdf.line(0, y, PAGE_WIDTH, y)
    pdf.set_dash_pattern()


def to_cards_pdf(
    wb: Workbook, lang: Language, *, with_names: bool = False, bilingual: bool = False
) -> bytes:
    """The deck as PDF bytes (one A4 page per eight cards); an empty deck makes one blank sheet
    with cut lines, but callers offer the deck only when ``card_words`` is not empty."""
    cards = card_words(wb, lang, with_names=with_names, bilingual=bilingual)
    foot = footer(wb, lang, with_names)
    token = _LANGUAGE.set(spec(lang))
    try:
        pdf = _CardsPDF()
        pdf.set_lang(lang)
        pdf.set_title(t("cards.title", lang))
        pdf.set_creator(t("app.title", lang))
        for start in range(0, max(len(cards), 1), CARDS_PER_PAGE):
            pdf.add_page()
            _cut_lines(pdf)
            for i, card in enumerate(cards[start : start + CARDS_PER_PAGE]):
                row, column = divmod(i, COLUMNS)
                x, y = MARGIN + column * CARD_WIDTH, MARGIN + row * CARD_HEIGHT
                _card(pdf, card, foot, lang, x, y)
        return bytes(pdf.output())
    finally:
        _LANGUAGE.reset(token)
