"""The summary as one self-contained, printable HTML page.

Everything is inside the file: the styles (with a print stylesheet), the radar as inline SVG
(``svg.radar_svg``), the tables and the notes. Nothing is fetched: there is no link to anything
outside the file, no font file, no image, and no script at all, and a Content-Security-Policy
``<meta>`` forbids any fetch even if something slipped in (``default-src 'none'``; only inline
styles and ``data:`` images are allowed). Every text is HTML-escaped, names and notes included.
"""

from __future__ import annotations

from emotions.export.document import Block, Summary, Table
from emotions.export.drawing import Figure
from emotions.export.svg import figure_svg, radar_svg, xml_text
from emotions.i18n import t
from emotions.languages import spec
from emotions.model import Language
from emotions.palette import GRID_COLOUR

CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
RADAR_SIZE = 420

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #FAF9F6; color: #1F1F1F; font-family: FONT;
  font-size: 16px; line-height: 1.6; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; background: #FFFFFF; }
h1 { font-size: 1.7rem; line-height: 1.3; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; line-height: 1.35; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 1px solid GRID; }
.subtitle { color: #555555; margin: 0 0 1rem; }
.notice { border-left: 4px solid #8C877D; background: #F4F2EC; padding: .6rem .9rem;
  margin: 1rem 0; }
.rule { font-size: .95rem; color: #444444; }
figure.radar { margin: 1.5rem 0; text-align: center; }
figure.radar svg { max-width: 100%; height: auto; }
figcaption { font-size: .9rem; color: #555555; }
figure.chart { margin: 1.2rem 0 1.4rem; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: .4rem auto; }
.chart-title { font-weight: 600; margin: 0; }
ul { padding-left: 1.4rem; }
li { margin: .25rem 0; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .92rem; min-width: 60%; }
th, td { border: 1px solid GRID; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #F4F2EC; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { margin: 1rem 0; }
.note .whose { font-weight: 600; margin: 0 0 .2rem; }
.note blockquote { margin: 0; padding: .5rem .9rem; border-left: 4px solid GRID;
  white-space: pre-wrap; overflow-wrap: anywhere; }
footer { margin-top: 3rem; font-size: .85rem; color: #555555; }
@media print {
  @page { margin: 15mm; }
  body { background: none; font-size: 11pt; color: #000000; }
  main { max-width: none; padding: 0; }
  .notice, th { background: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr, figure, .note, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
}
"""


def stylesheet(summary: Summary) -> str:
    """The page's styles, with the language's fonts and the partner colours filled in."""
    return _CSS.replace("FONT", spec(summary.lang).font_family).replace("GRID", GRID_COLOUR).strip()


def _is_number(text: str) -> bool:
    return text.strip().isdigit()


def table_html(table: Table) -> str:
    """A table with a header row; numbers align right. Every cell is escaped."""
    head = "".join(f'<th scope="col">{xml_text(c)}</th>' for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{xml_text(c)}</td>' if _is_number(c) else f"<td>{xml_text(c)}</td>"
            for c in row
        )
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def figure_html(figure: Figure, lang: Language) -> str:
    """A chart as a ``<figure>``: its title, the drawing (inline SVG), its caption."""
    return (
        f'<figure class="chart"><p class="chart-title">{xml_text(figure.title)}</p>'
        f"{figure_svg(figure, lang)}<figcaption>{xml_text(figure.caption)}</figcaption></figure>"
    )


def block_html(block: Block, lang: Language) -> str:
    """One block as a ``<section>``: heading, its charts, paragraphs, list, tables and the
    partners' notes."""
    parts = [f"<section><h2>{xml_text(block.title)}</h2>"]
    parts += [figure_html(figure, lang) for figure in block.figures]
    parts += [f'<p class="chart-note">{xml_text(note)}</p>' for note in block.chart_notes]
    parts += [f"<p>{xml_text(p)}</p>" for p in block.paragraphs if p.strip()]
    if block.bullets:
        parts.append("<ul>" + "".join(f"<li>{xml_text(b)}</li>" for b in block.bullets) + "</ul>")
    parts += [table_html(table) for table in block.tables if table.columns]
    parts += [
        f'<div class="note"><p class="whose">{xml_text(whose)}</p>'
        f"<blockquote>{xml_text(text.strip())}</blockquote></div>"
        for whose, text in block.notes
    ]
    parts.append("</section>")
    return "".join(parts)


def to_html(summary: Summary) -> str:
    """The whole summary as one HTML document that needs nothing outside itself."""
    lang = summary.lang
    radar = radar_svg(
        summary.radar, lang, size=RADAR_SIZE, title=t("export_answers.radar_title", lang)
    )
    caption = t("needs.radar_caption", lang)
    if summary.radar.partial():
        caption += spec(lang).word_separator + t("export_answers.radar_partial", lang)
    head = (
        "<!DOCTYPE html>"
        f'<html lang="{lang}">'
        "<head>"
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{xml_text(summary.title)}</title>"
        f"<style>{stylesheet(summary)}</style>"
        "</head>"
    )
    body = [
        "<body><main>",
        "<header>",
        f"<h1>{xml_text(summary.title)}</h1>",
        f'<p class="subtitle">{xml_text(summary.subtitle)}</p>',
        f'<p class="notice">{xml_text(summary.notice)}</p>',
        f'<p class="rule">{xml_text(summary.rule_of_thumb)}</p>',
        "</header>",
        f'<figure class="radar">{radar}<figcaption>{xml_text(caption)}</figcaption></figure>',
        *(block_html(block, lang) for block in summary.blocks),
        f"<footer><p>{xml_text(t('export.footer', lang))}</p></footer>",
        "</main></body></html>",
    ]
    return head + "".join(body) + "\n"
