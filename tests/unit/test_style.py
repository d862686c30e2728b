"""The style sheet (docs/style-ja.md), enforced on every catalog and content file.

Each rule lists a forbidden variant literally (the words are the point) with one example it must
catch and the fixed wording it must pass. The scan walks the language registry and every file under
``content/<code>/``, and names the file and the TOML key or Markdown line of each hit.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from emotions.i18n import CONTENT_DIR, LOCALES_DIR
from emotions.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]

JAPANESE_CHAR = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"

# Not prose: left out before a rule looks at a text (a URL may hold "center", a placeholder
# "{section_what_it_means}" holds underscores, a code span holds whatever the code needs).
NOT_PROSE = re.compile(
    r"`[^`\n]*`"  # code span
    r"|\]\([^)\s]*\)"  # the target of a Markdown link: [label](url)
    r"|\{[^{}\s]*\}"  # a placeholder
    r"|https?://\S+"  # a bare address
)

PROPER_NAMES: tuple[str, ...] = ()
"""Names spelt their owners' way even where it is not British (e.g. a US service called
"... Counseling Center"): removed from English text before the spelling rules run."""


def prose(text: str) -> str:
    """``text`` with what is not prose blanked out (same length, so positions still match)."""
    for name in PROPER_NAMES:
        text = text.replace(name, " " * len(name))
    return NOT_PROSE.sub(lambda m: " " * len(m.group()), text)


Hit = tuple[int, int, str]
"""Where a rule found something in a text (start, end) and, when it helps, what it found."""
Finder = Callable[[str], list[Hit]]


@dataclass(frozen=True)
class Rule:
    """One line of the style sheet: what is forbidden, how to find it, and one example each way."""

    name: str
    find: Finder
    """The offending places in one (prose) text; empty when the text follows the rule."""
    bad: str
    good: str


def _excerpt(text: str, start: int, end: int, margin: int = 12) -> str:
    """The hit with a few characters either side, on one line."""
    return "…" + text[max(0, start - margin) : end + margin].replace("\n", "⏎") + "…"


def forbid(regex: str, flags: int = 0) -> Finder:
    compiled = re.compile(regex, flags)

    def find(text: str) -> list[Hit]:
        return [(m.start(), m.end(), "") for m in compiled.finditer(text)]

    return find


PAIRS = {"（": "）", "「": "」", "『": "』", "(": ")"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}


def unmatched_brackets(text: str) -> list[Hit]:
    """Brackets that do not close in order: 「（0〜10)」, 「…」」, a （ never closed."""
    stack: list[tuple[str, int]] = []
    hits: list[Hit] = []
    for i, char in enumerate(text):
        if char in PAIRS:
            stack.append((char, i))
        elif char in CLOSERS:
            if stack and stack[-1][0] == CLOSERS[char]:
                stack.pop()
            else:
                opened = f"{stack[-1][0]} closed by {char}" if stack else f"{char} never opened"
                hits.append((i, i + 1, opened))
                if stack:
                    stack.pop()
    hits += [(i, i + 1, f"{char} never closed") for char, i in stack]
    return hits


def nested_corner_brackets(text: str) -> list[Hit]:
    """A 「 opened inside another 「…」: the inner quote should be 『…』."""
    depth = 0
    hits: list[Hit] = []
    for i, char in enumerate(text):
        if char == "「":
            if depth:
                hits.append((i, i + 1, ""))
            depth += 1
        elif char == "」":
            depth = max(0, depth - 1)
    return hits


def italics_around_japanese(text: str) -> list[Hit]:
    """``*…*`` or ``_…_`` (Markdown italics) around Japanese; ``**bold**`` is allowed."""
    star = r"(?<![*\\])\*(?![*\s])([^*\n]+?)(?<![*\s\\])\*(?!\*)"
    underscore = r"(?<![_A-Za-z0-9\\])_(?![_\s])([^_\n]+?)(?<![_\s\\])_(?![_A-Za-z0-9])"
    return [
        (m.start(), m.end(), "")
        for regex in (star, underscore)
        for m in re.finditer(regex, text)
        if re.search(JAPANESE_CHAR, m.group(1))
    ]


JAPANESE_RULES: tuple[Rule, ...] = (
    Rule(
        "お二人 (write おふたり)",
        forbid("お二人"),
        "お二人で話してください。",
        "おふたりで話してください。",
    ),
    Rule(
        "二人 (write ふたり, or おふたり to the couple)",
        forbid("(?<!お)二人"),
        "二人の差が大きい領域",
        "ふたりの差が大きい領域",
    ),
    Rule("ふり返り (write 振り返り)", forbid("ふり返り"), "章ごとのふり返り", "章ごとの振り返り"),
    Rule(
        "第N節 (write 第N章)",
        forbid(
            r"第\s*(?:[0-9\uff10-\uff19]+|\{\w+\}|[一二三四五六七八九十]+)(?:\s*[〜\uff5e\-]\s*(?:[0-9]+|\{\w+\}))?\s*節"
        ),
        "第{section_meta_emotion}節と第2節",
        "第{section_meta_emotion}章と第2章",
    ),
    Rule(
        "ニーズのプロフィール (write ニーズ・プロフィール)",
        forbid("ニーズのプロフィール"),
        "ニーズのプロフィールを開く",
        "ニーズ・プロフィールを開く",
    ),
    Rule("予想 (write 推測, the one word for a guess)", forbid("予想"), "相手の予想", "相手の推測"),
    Rule(
        "〜てみることができます (write 〜てみてください / 〜するのも一つの方法です)",
        forbid("てみることができます"),
        "ひと言伝えてみることができます。",
        "ひと言伝えてみてください。",
    ),
    Rule(
        "「 nested in 「」 (the inner quote is 『』)",
        nested_corner_brackets,
        "「「大丈夫だよ」を聞きたい」",
        "「『大丈夫だよ』を聞きたい」",
    ),
    Rule(
        "italics around Japanese", italics_around_japanese, "これは*大切*です", "これは**大切**です"
    ),
    Rule("unmatched brackets", unmatched_brackets, "「（0〜10)」", "「（0〜10）」"),
    Rule("half-width ( ) in Japanese text", forbid(r"[()]"), "（0〜10)", "（0〜10）"),
    Rule(
        "half-width punctuation after Japanese (write 、。：！？)",
        forbid(JAPANESE_CHAR + r"[,.:;!?]"),
        "今?それともあとで?",
        "今？それともあとで？",
    ),
    Rule("full-width tilde (write 〜 in a range)", forbid("\uff5e"), "0\uff5e10", "0〜10"),
    Rule(
        "一人の時間 (write ひとりの時間)",
        forbid("一人の時間"),
        "一人の時間がほしい",
        "ひとりの時間がほしい",
    ),
    Rule("full-width digits (write 0-9)", forbid("[\uff10-\uff19]"), "第\uff13章", "第3章"),
    Rule(
        "回答を見守っている (say that no one else can see the answers)",
        forbid("見守っている人はいません"),
        "回答を見守っている人はいません",
        "回答はほかの誰にも見えません",
    ),
    Rule("ご依頼 (plain words: 押したときに)", forbid("ご依頼"), "ご依頼のたびに", "押したときに"),
)

AMERICAN_SPELLINGS: tuple[tuple[str, str, str, str], ...] = (
    # (what the style sheet says, the forbidden spelling as a regex, caught, passed)
    ("counseling / counselor (write counselling, counsellor)", r"\bcounsel(?:ing|ors?|ed)\b",
     "a couples counselor", "a couples counsellor"),
    ("judgment (write judgement)", r"\bjudgments?\b", "not a judgment", "not a judgement"),
    ("color (write colour)", r"\bcolor(?:s|ed|ful|ing)?\b", "each color", "each colour"),
    ("center (write centre)", r"\bcenter(?:s|ed)?\b", "at the center", "at the centre"),
    ("behavior (write behaviour)", r"\bbehavior(?:s|al)?\b", "one behavior", "one behaviour"),
    ("-ize (write recognise, realise, organise, apologise, prioritise, analyse)",
     r"\b(?:recogni|reali|organi|apologi|prioriti|emphasi|summari|minimi|critici)z\w*|\banalyz\w*",
     "you may recognize it", "you may recognise it"),
    ("favorite / honor (write favourite, honour)", r"\bfavorites?\b|\bhonor(?:s|ed|ing)?\b",
     "a favorite walk", "a favourite walk"),
    ("toward (write towards)", r"\btoward\b", "leans toward calm", "leans towards calm"),
    ("labeled / traveled (write labelled, travelled)",
     r"\b(?:label|travel|model|cancel)(?:ed|ing)\b", "a labeled scale", "a labelled scale"),
)  # fmt: skip
ENGLISH_RULES: tuple[Rule, ...] = tuple(
    Rule(name, forbid(regex, re.IGNORECASE), bad, good)
    for name, regex, bad, good in AMERICAN_SPELLINGS
)

RULES: dict[str, tuple[Rule, ...]] = {"en": ENGLISH_RULES, "ja": JAPANESE_RULES}
"""The rules of each registered language (a new language adds its entry, even an empty one)."""


def texts_of(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for each user-visible text of a catalog or content file: the dotted key of
    each TOML string, the line number of each Markdown line."""
    if path.suffix == ".toml":
        with path.open("rb") as fh:
            yield from _toml_strings(tomllib.load(fh), "")
    elif path.suffix == ".md":
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            yield f"line {number}", line
    else:
        raise AssertionError(f"{path}: a content file the style check cannot read")


def _toml_strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _toml_strings(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _toml_strings(item, f"{where}[{i}]")


def violations(path: Path, rules: tuple[Rule, ...]) -> list[str]:
    """Every hit of ``rules`` in one file, as ``path: key or line: rule: excerpt``."""
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return [
        f"{shown}: {where}: {rule.name}: {note}{' in ' if note else ''}{_excerpt(text, start, end)}"
        for where, text in texts_of(path)
        for rule in rules
        for start, end, note in rule.find(prose(text))
    ]


def files_of(code: str) -> list[Path]:
    """The catalog and every content file of one language."""
    content = sorted(p for p in (CONTENT_DIR / code).rglob("*") if p.is_file())
    return [LOCALES_DIR / f"{code}.toml", *content]


def test_every_language_and_content_folder_has_its_rules() -> None:
    codes = {spec.code for spec in LANGUAGES}
    assert set(RULES) == codes
    folders = {p.name for p in CONTENT_DIR.iterdir() if p.is_dir()}
    assert folders <= codes, "a content folder of no registered language would go unchecked"


@pytest.mark.parametrize("code", [spec.code for spec in LANGUAGES])
def test_catalog_and_content_follow_the_style_sheet(code: str) -> None:
    files = files_of(code)
    assert len(files) > 1, f"no content files found for {code}"
    hits = [hit for path in files for hit in violations(path, RULES[code])]
    assert not hits, f"{len(hits)} departures from docs/style-ja.md:\n" + "\n".join(hits)


ALL_RULES = [rule for rules in RULES.values() for rule in rules]


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.name for rule in ALL_RULES])
def test_each_rule_catches_its_example_and_passes_the_fix(rule: Rule) -> None:
    assert rule.find(prose(rule.bad)), rule.bad
    assert not rule.find(prose(rule.good)), rule.good


def test_what_is_not_prose_is_left_alone() -> None:
    ja = "第{section_what_it_means}章と[ページ](https://example.org/a_b)、`f(x)`"
    assert not [hit for rule in JAPANESE_RULES for hit in rule.find(prose(ja))]
    en = "the [page](https://example.org/center) and `color` and {color_key}"
    assert not [hit for rule in ENGLISH_RULES for hit in rule.find(prose(en))]


def test_a_planted_violation_is_reported_with_its_file_and_key_or_line(tmp_path: Path) -> None:
    toml = tmp_path / "planted.toml"
    toml.write_text('[table]\nok = "おふたりで"\nbad = "二人で"\n', encoding="utf-8")
    md = tmp_path / "planted.md"
    md.write_text("# 見出し\n\n第2節を見てください。\n", encoding="utf-8")
    assert violations(toml, JAPANESE_RULES) == [
        f"{toml}: table.bad: 二人 (write ふたり, or おふたり to the couple): …二人で…"
    ]
    assert [hit.split(": ")[:3] for hit in violations(md, JAPANESE_RULES)] == [
        [str(md), "line 3", "第N節 (write 第N章)"]
    ]
