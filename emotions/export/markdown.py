"""The summary as Markdown: headings, lists, tables and the partners' notes as quoted blocks.

Every text of a ``Summary`` is plain, and names and notes are the couple's own words, so every
text is escaped here before it is placed. ``emotions.escape.markdown_escape`` (used on screen)
backslash-escapes every ASCII punctuation mark and joins lines; a file people read as plain text
would be full of backslashes that way, so this module escapes only what Markdown (CommonMark and
GitHub's extensions) could read as syntax, by where it stands:

- anywhere: ``\\ ` * _ ~ [ ] < > & | $ #`` and a ``:`` that touches the next character (emoji
  shortcodes, link schemes);
- at the start of a line: ``#``, ``+``, ``-``, ``=`` and ``1.`` / ``1)`` (headings, lists,
  setext underlines).

So ``**b** [l](http://e.com)`` shows as typed, never as bold text or a link, and ``<script>`` is
text. Notes keep their line breaks (a hard break at the end of each line inside the quote).
"""

from __future__ import annotations

import re

from emotions.export.document import Block, Summary, Table

_INLINE = re.compile(r"[\\`*_~\[\]<>&|$#]|:(?=\S)")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")


def escape_markdown(text: str, *, line_start: bool = True) -> str:
    """One line of plain text, made safe to place in Markdown: it will show exactly as typed.

    Line breaks and other runs of white space become single spaces. ``line_start=False`` is for
    places where no block can begin (a heading's text, a table cell): only inline marks matter.
    """
    flat = " ".join(text.split())
    escaped = _INLINE.sub(lambda m: "\\" + m.group(0), flat)
    return _LINE_START.sub(_escape_line_start, escaped) if line_start else escaped


def _escape_line_start(match: re.Match[str]) -> str:
    space, mark = match.group(1), match.group(2)
    # "12." needs the escape before its dot; "#", "-", "+" and "=" before themselves.
    return space + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)


def _cell(text: str) -> str:
    # Inside a table every "|" would start a new cell: escape_markdown escapes it.
    return escape_markdown(text, line_start=False) or " "


def table_markdown(table: Table) -> str:
    """A table as a GitHub-style Markdown table (every cell escaped)."""
    if not table.columns:
        return ""
    width = len(table.columns)
    lines = [
        "| " + " | ".join(_cell(c) for c in table.columns) + " |",
        "|" + "|".join(" --- " for _ in range(width)) + "|",
    ]
    for row in table.rows:
        cells = [*row, *[""] * (width - len(row))][:width]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def quote_markdown(text: str) -> str:
    """A note as a quoted block, its own line breaks kept and every line escaped."""
    lines = text.strip().splitlines()
    quoted = []
    for i, line in enumerate(lines):
        escaped = escape_markdown(line)
        # A backslash at the end of a line is a hard line break inside the quote.
        last = i == len(lines) - 1
        next_blank = not last and not lines[i + 1].strip()
        quoted.append("> " + escaped + ("" if last or not escaped or next_blank else "\\"))
    return "\n".join(line.rstrip() for line in quoted)


def block_markdown(block: Block) -> str:
    """One block: a second-level heading, then paragraphs, a list, tables and quoted notes."""
    parts = [f"## {escape_markdown(block.title, line_start=False)}"]
    parts += [escape_markdown(p) for p in block.paragraphs if p.strip()]
    if block.bullets:
        parts.append("\n".join(f"- {escape_markdown(b)}" for b in block.bullets))
    parts += [table_markdown(table) for table in block.tables if table.columns]
    for whose, text in block.notes:
        parts.append(f"**{escape_markdown(whose)}**\n\n{quote_markdown(text)}")
    return "\n\n".join(parts)


def to_markdown(summary: Summary) -> str:
    """The whole summary as one Markdown document (UTF-8 text, ending with a line break)."""
    head = [
        f"# {escape_markdown(summary.title, line_start=False)}",
        # Plain, not italic: Japanese is never set in italics (docs/style-ja.md).
        escape_markdown(summary.subtitle),
        "> " + escape_markdown(summary.notice),
        escape_markdown(summary.rule_of_thumb),
    ]
    return "\n\n".join([*head, *(block_markdown(b) for b in summary.blocks)]) + "\n"
