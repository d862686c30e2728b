"""Line breaking for Japanese and English text, with the Japanese rules fpdf2 does not know.

fpdf2 wraps Japanese at any character, so a line can begin with 「、」 or 「。」 or end with 「（」.
``wrap_lines`` breaks text itself before the PDF is written line by line:

- Latin text breaks at spaces only (the spaces at a break are dropped);
- CJK text (and any wide character) may break between any two characters;
- kinsoku: no line starts with closing punctuation, small kana or iteration marks (``NO_START``)
  and no line ends with an opening bracket (``NO_END``). Such characters are glued to their
  neighbour: a closing mark is pushed back onto the previous line when only that mark overflows
  (oikomi; the line then exceeds the width by that one mark, which hangs in the margin), otherwise
  the character before it goes down to the next line with it (oidashi).

Only when a single unbreakable piece (a long word, or a run of characters glued by these rules) is
wider than a whole line is it cut, at a place that keeps the rules if the piece has one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

CLOSING = (
    "、。，．・：；？！）」』】〕〉》〙〗〟’”｝"  # noqa: RUF001 - Japanese closing, middle marks
    "),.!?:;]}"  # their ASCII counterparts
)
"""Closing punctuation: may not start a line, and may hang one past a full line's end."""

NO_START = CLOSING + "゛゜ヽヾゝゞ々ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
"""Characters that never begin a line: closing punctuation, sound marks, iteration marks, the
prolonged sound mark, the wave dash and small kana."""

NO_END = "（「『【〔〈《〘〖〝‘“｛([{"  # noqa: RUF001
"""Opening brackets: never the last character of a line."""

INSEPARABLE = "…‥—―"
"""Two of these in a row (「……」「——」) stay on one line."""


@dataclass(frozen=True)
class BreakRules:
    """Which characters a line may not start or end with (kinsoku), which may hang past a full
    line's end, and which stay together in pairs. A language's rules are in its
    ``languages.LanguageSpec.line_breaking``."""

    closing: str
    no_start: str
    no_end: str
    inseparable: str


KINSOKU = BreakRules(closing=CLOSING, no_start=NO_START, no_end=NO_END, inseparable=INSEPARABLE)
"""The Japanese rules with their ASCII counterparts: right for Japanese, harmless for Latin text
(whose closing marks follow a word anyway), so right for any text that mixes the two."""

_EPSILON = 1e-9


def wrap_lines(
    text: str, width_mm: float, measure: Callable[[str], float], rules: BreakRules = KINSOKU
) -> list[str]:
    """Break ``text`` into lines at most ``width_mm`` wide as measured by ``measure``.

    ``measure`` gives a string's width (in the same unit as ``width_mm``) and must be additive
    (the width of a string is the sum of its parts), as a PDF font's advance widths are.
    A newline in ``text`` is a forced break (a blank line gives an empty string). Whitespace at
    a break, and at the start and end of each paragraph, is dropped; every other character is kept
    in order, so joining the lines gives back the text minus that whitespace.
    A line may be wider than ``width_mm`` only by one hanging closing punctuation mark (see
    ``CLOSING``), or when a single character is wider than the whole line.
    """
    if not text.strip():
        return []
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width_mm, measure, rules) or [""])
    return lines


def is_wide(char: str) -> bool:
    """True for characters between which a line may break: CJK ideographs, kana, full-width forms.

    Half-width katakana count too: they are Japanese text and Japanese breaks between characters.
    """
    return unicodedata.east_asian_width(char) in ("W", "F", "H")


def _may_break(before: str, after: str, spaced: bool, rules: BreakRules) -> bool:
    """Whether a line may break between ``before`` and ``after`` (``spaced``: with whitespace)."""
    if after in rules.no_start or before in rules.no_end:
        return False
    if before == after and before in rules.inseparable:
        return False
    return spaced or is_wide(before) or is_wide(after)


def _after_hyphen(current: str, char: str, pending: str) -> bool:
    """A hyphen between two letters ("rule-of-thumb") is a break opportunity after it."""
    return (
        not pending
        and len(current) > 1
        and current[-1] == "-"
        and current[-2].isalpha()
        and (char.isalpha())
    )


def widest_unit(text: str, measure: Callable[[str], float], rules: BreakRules = KINSOKU) -> float:
    """The width of the widest piece of ``text`` that ``wrap_lines`` never splits (unless it is
    wider than a whole line): the narrowest a column can be without cutting a word."""
    return max(
        (measure(unit) for line in text.split("\n") for _, unit in _units(line, rules)),
        default=0.0,
    )


def _units(paragraph: str, rules: BreakRules) -> list[tuple[str, str]]:
    """The paragraph as unbreakable units, each with the whitespace that separated it from the
    previous one (dropped when a line breaks there)."""
    units: list[tuple[str, str]] = []
    separator, current, pending = "", "", ""
    for char in paragraph:
        if char.isspace():
            pending += char
            continue
        if not current:
            separator, current = pending, char
        elif _may_break(current[-1], char, bool(pending), rules) or _after_hyphen(
            current, char, pending
        ):
            units.append((separator, current))
            separator, current = pending, char
        else:
            current += pending + char
        pending = ""
    if current:
        units.append((separator, current))
    return units


def _fits(
    piece: str,
    width: float,
    piece_width: float,
    measure: Callable[[str], float],
    rules: BreakRules,
) -> bool:
    """``piece`` fits in ``width``, possibly with its last character (a closing mark) hanging."""
    if piece_width <= width + _EPSILON:
        return True
    return (
        len(piece) > 1
        and piece[-1] in rules.closing
        and piece_width - measure(piece[-1]) <= width + _EPSILON
    )


def _wrap_paragraph(
    paragraph: str, width: float, measure: Callable[[str], float], rules: BreakRules
) -> list[str]:
    lines: list[str] = []
    line, line_width = "", 0.0
    for separator, unit in _units(paragraph, rules):
        unit_width = measure(unit)
        if line:
            with_separator = line_width + measure(separator) + unit_width
            if _fits(line + separator + unit, width, with_separator, measure, rules):
                line, line_width = line + separator + unit, with_separator
                continue
            lines.append(line)
        if _fits(unit, width, unit_width, measure, rules):
            line, line_width = unit, unit_width
        else:
            *full, line = _cut(unit, width, measure, rules)
            lines.extend(full)
            line_width = measure(line)
    if line:
        lines.append(line)
    return lines


def _cut(unit: str, width: float, measure: Callable[[str], float], rules: BreakRules) -> list[str]:
    """Cut a unit wider than a line into pieces that fit, keeping kinsoku where the unit allows."""
    pieces: list[str] = []
    rest = unit
    while rest:
        longest = 1
        total = measure(rest[0])
        while longest < len(rest):
            total += measure(rest[longest])
            if total > width + _EPSILON:
                break
            longest += 1
        if longest == len(rest):
            pieces.append(rest)
            break
        end = longest
        while end > 1 and not _may_cut(rest, end, rules):
            end -= 1
        if not _may_cut(rest, end, rules):
            end = longest  # no good place in this piece: cut where the line is full
        piece, rest = rest[:end].rstrip(), rest[end:].lstrip()
        if piece:
            pieces.append(piece)
    return pieces


def _may_cut(text: str, at: int, rules: BreakRules) -> bool:
    """Whether cutting ``text`` before index ``at`` keeps kinsoku (whitespace there is dropped)."""
    before, after = text[:at].rstrip(), text[at:].lstrip()
    if not before or not after:
        return False
    return after[0] not in rules.no_start and before[-1] not in rules.no_end
