"""Hostile text for every field a person can type into, and checks that output holds it as text.

The corpus (``PAYLOADS``) covers HTML tags and event handlers, attribute and element breaks,
``javascript:`` and ``data:`` URLs, the Markdown Streamlit renders (links, images, icons, colours,
math), spreadsheet formulas, plotly's label markup, PDF syntax, and awkward Unicode (direction
overrides, zero-width and control characters, noncharacters, emoji, very long text, Japanese).

Every payload that would do harm is made observable if it ever worked:

- script in it calls ``alert`` (a dialog), sets ``document.title`` to ``TITLE_MARK`` and marks the
  body with the ``data-xss`` attribute;
- each element it would inject carries the ``data-xss`` attribute itself, so an injected element
  is found by ``[data-xss]`` even when its script never runs;
- every outside address is on ``EVIL_HOST`` (``xss.invalid``: it can never resolve), so a request
  caused by it shows in the browser's request log.

``fill_workbook`` puts payloads into every free-text field the section registry declares
(``emotions.textfields.FREE_TEXT``: a new section's fields are covered without changing this
file). ``model_free_text_paths`` finds the same fields by walking the pydantic model:
``tests/unit/test_sections.py`` fails when the two differ.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel

from emotions import textfields
from emotions.exercises.limits import NOTE_MAX, max_length
from emotions.model import Partner, Workbook

MARK = "data-xss"
"""Attribute carried by every element a payload would inject (and set on <body> by its script)."""
TITLE_MARK = "XSSED"
"""What a payload's script sets ``document.title`` to."""
EVIL_HOST = "xss.invalid"
EVIL = f"http://{EVIL_HOST}"
JS = f"alert('xss');document.title='{TITLE_MARK}';document.body.setAttribute('{MARK}',1)"
"""What every payload's script does: a dialog, a changed title and a marked body."""
NAME_MAX = max_length(Partner, "name")


@dataclass(frozen=True)
class Payload:
    """One hostile text: an id for messages, the text, and what it aims at."""

    id: str
    text: str
    aims: str
    """html, markdown, streamlit, latex, csv, plotly, pdf, unicode or format."""

    @property
    def fits_name(self) -> bool:
        return len(self.text) <= NAME_MAX


def _long() -> str:
    unit = f"<img {MARK} src=x onerror=alert(1)>![x]({EVIL}/long.png) =1+1 "
    return (unit * (NOTE_MAX // len(unit) + 1))[:NOTE_MAX]


PAYLOADS: tuple[Payload, ...] = (
    # HTML: tags that run script on their own, or on an event that fires without a click.
    Payload("script", f"<script {MARK}>{JS}</script>", "html"),
    Payload("img_onerror", f"<img {MARK} src=x onerror=alert(1)>", "html"),
    Payload("svg_onload", f"<svg {MARK} onload=alert(1)>", "html"),
    Payload("iframe_srcdoc", f'<iframe {MARK} srcdoc="<script>{JS}</script>"></iframe>', "html"),
    Payload("details_ontoggle", f"<details {MARK} open ontoggle={JS}>", "html"),
    Payload("autofocus", f"<input {MARK} autofocus onfocus={JS}>", "html"),
    # Breaking out of an attribute value, a <title>, a <textarea> or a <style>.
    Payload("attr_break_double", f'"><img {MARK} src=x onerror=alert(1)>', "html"),
    Payload("attr_break_single", f"'><svg {MARK} onload=alert(1)>", "html"),
    Payload("attr_break_bare", f"x onmouseover={JS} {MARK} autofocus onfocus={JS}", "html"),
    Payload(
        "element_break", f"</title></textarea></style></script><script {MARK}>{JS}</script>", "html"
    ),
    # URLs that run script or load a document.
    Payload("a_javascript", f'<a {MARK} href="javascript:{JS}">link</a>', "html"),
    Payload("data_url", f'<object {MARK} data="data:text/html,<script>{JS}</script>">', "html"),
    Payload("entities", f"&lt;img {MARK} src=x onerror=alert(1)&gt; &amp;lt;b&amp;gt;", "html"),
    Payload("comment", f"<!-- <img {MARK} src=x onerror=alert(1)> -->shown", "html"),
    Payload(
        "style",
        f"<style {MARK}>@import url({EVIL}/s.css);body{{background:url({EVIL}/b.png)}}",
        "html",
    ),
    # Markdown: links, images (an outside request), references, autolinks, raw blocks.
    Payload("md_js_link", "[click](javascript:alert(1))", "markdown"),
    Payload("md_image", f"![x]({EVIL}/md.png)", "markdown"),
    Payload("md_reference", f"![r][1] [go][1]\n\n[1]: {EVIL}/ref.png", "markdown"),
    Payload("md_autolink", f"<{EVIL}/auto> www.{EVIL_HOST}/www", "markdown"),
    Payload(
        "md_blocks", "# heading\n- item\n1. one\n> quote\n\n---\n| a | b |\n|---|---|", "markdown"
    ),
    Payload("md_inline", "**bold** _em_ ~~del~~ `code` \\*kept\\*", "markdown"),
    # Streamlit's own Markdown: icons (a font fetched from outside), colours, badges, emoji.
    Payload("st_directives", ":material/home: :red[red] :blue-badge[b] :smile:", "streamlit"),
    Payload(
        "latex", f"$\\href{{javascript:{JS}}}{{x}}$ $$\\includegraphics{{{EVIL}/k.png}}$$", "latex"
    ),
    # Spreadsheet formulas (the CSV files).
    Payload("csv_hyperlink", f'=HYPERLINK("{EVIL}/","x")', "csv"),
    Payload("csv_cmd", "+cmd|' /C calc'!A0", "csv"),
    Payload("csv_minus", "-2+3+cmd|' /C calc'!A0", "csv"),
    Payload("csv_at", "@SUM(1+1)*cmd|' /C calc'!A0", "csv"),
    Payload("csv_hidden_start", "\t=1+1", "csv"),
    Payload("csv_fullwidth", "\uff1d1+1", "csv"),
    # Plotly renders a subset of HTML in names and labels (the radar's legend).
    Payload("plotly_bold", f"<b {MARK} onmouseover=alert(1)>b</b>", "plotly"),
    Payload("plotly_link", '<a href="javascript:alert(1)">p</a>', "plotly"),
    Payload("plotly_template", "%{r} %{theta|%Q} <br> %{x:.2f}", "plotly"),
    # PDF syntax (the PDF must draw it as text).
    Payload(
        "pdf", f"(\\) Tj /JavaScript (app.alert(1)) /OpenAction << /URI ({EVIL}/) >> %%EOF", "pdf"
    ),
    # Unicode.
    Payload("bidi", "\u202egnp.exe\u202c safe \u2066iso\u2069", "unicode"),
    Payload("zero_width", "a\u200bb\u200cc\u200dd\ufeffe", "unicode"),
    Payload("controls", "nul\x00bel\x07esc\x1b[31mred\x7fend", "unicode"),
    Payload("noncharacters", "\uffff\ufffe\U0010ffff\ufffd ok", "unicode"),
    Payload("emoji", "😀 👩\u200d👩\u200d👧 \U0001d4b3 e\u0301", "unicode"),
    Payload("long", _long(), "unicode"),
    Payload(
        "japanese",
        f"気持ち<script {MARK}>alert('日本語')</script>です。"
        "[リンク](javascript:alert(1))：:smile:",
        "unicode",
    ),
    # Text that a careless second formatting pass would read as placeholders.
    Payload("format", "{name} {0} {{x}} %s %(name)s ${x}", "format"),
)
PAYLOAD_BY_ID = {p.id: p for p in PAYLOADS}
SHORT_PAYLOADS = tuple(p for p in PAYLOADS if p.fits_name)
"""Payloads that fit a partner's name."""


# --- What a person sees of a text ---------------------------------------------------------------

_WHITE = re.compile(r"\s+")
_INVISIBLE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn")


def shown(text: str) -> str:
    """``text`` as it reads on a screen or in a file: characters with no visible form (controls,
    zero-width and direction marks, noncharacters, the replacement character) left out, every run
    of white space one space. Compare both sides through this."""
    kept = (
        " " if c.isspace() else c
        for c in text
        if c.isspace() or (unicodedata.category(c) not in _INVISIBLE_CATEGORIES and c != "\ufffd")
    )
    return _WHITE.sub(" ", "".join(kept)).strip()


def fits(text: str, limit: int | None) -> str:
    """``text`` cut to ``limit`` characters (the long payload in a shorter field)."""
    return text if limit is None else text[:limit]


# --- Payloads in every text field of the model --------------------------------------------------

Path = str
ITEMS_PER_LIST = 2
"""How many entries each list of models gets (rewrites, trigger notes, check-ins, ...)."""
_DATE = dt.date(2024, 5, 17)
_DATETIME = dt.datetime(2024, 5, 17, 9, 30, tzinfo=dt.UTC)


@dataclass(frozen=True)
class _Meta:
    max_len: int | None = None
    pattern: str | None = None
    ge: int | None = None
    le: int | None = None


def _meta(items: Any) -> _Meta:
    found: dict[str, Any] = {}
    for item in items:
        if isinstance(item, MaxLen):
            found.setdefault("max_len", item.max_length)
        elif isinstance(item, Ge):
            found.setdefault("ge", item.ge)
        elif isinstance(item, Le):
            found.setdefault("le", item.le)
        elif getattr(item, "pattern", None) is not None:
            found.setdefault("pattern", item.pattern)
        nested = getattr(item, "metadata", None)
        if nested:
            for key, value in vars(_meta(nested)).items():
                if value is not None:
                    found.setdefault(key, value)
    return _Meta(**found)


def _unwrap(tp: Any, meta: _Meta) -> tuple[Any, _Meta]:
    while get_origin(tp) is Annotated:
        args = get_args(tp)
        inner = _meta(args[1:])
        meta = _Meta(
            **{k: v if v is not None else getattr(meta, k) for k, v in vars(inner).items()}
        )
        tp = args[0]
    return tp, meta


def _holds_text(tp: Any, meta: _Meta = _Meta()) -> bool:
    """Whether a value of type ``tp`` can hold free text (a str without a pattern)."""
    tp, meta = _unwrap(tp, meta)
    origin = get_origin(tp)
    if tp is str:
        return meta.pattern is None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return any(_holds_text(f.annotation, _meta(f.metadata)) for f in tp.model_fields.values())
    if origin in (list, dict, Union, types.UnionType):
        return any(_holds_text(arg) for arg in get_args(tp) if arg is not type(None))
    return False


Assign = Callable[[Path, int | None], str]
"""Chooses the text of one field: (its path, its maximum length) → text."""


def _build(tp: Any, meta: _Meta, path: Path, assign: Assign) -> Any:
    """A JSON-ready value of type ``tp`` whose every free-text field comes from ``assign``.

    Paths name dict keys after a dot and list entries in brackets: ``partners.a.rewrites[0].need``.
    """
    tp, meta = _unwrap(tp, meta)
    origin = get_origin(tp)
    if tp is str:
        return assign(path.lstrip("."), meta.max_len) if meta.pattern is None else None
    if tp is bool:
        return False
    if tp is int:
        low = meta.ge if meta.ge is not None else 0
        high = meta.le if meta.le is not None else low + 10
        return (low + high) // 2
    if tp is dt.datetime:
        return _DATETIME.isoformat()
    if tp is dt.date:
        return _DATE.isoformat()
    if origin is Literal:
        return get_args(tp)[0]
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(tp) if arg is not type(None)]
        texty = [arg for arg in options if _holds_text(arg)]
        return _build(texty[0], meta, path, assign) if texty else None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        document = {}
        for name, info in tp.model_fields.items():
            value = _build(info.annotation, _meta(info.metadata), f"{path}.{name}", assign)
            if value is not None or info.is_required():
                document[name] = value
        return document
    if origin is list:
        (item,) = get_args(tp)
        item_type, _ = _unwrap(item, _Meta())
        if isinstance(item_type, type) and issubclass(item_type, BaseModel):
            return [_build(item, _Meta(), f"{path}[{i}]", assign) for i in range(ITEMS_PER_LIST)]
        return []
    if origin is dict:
        key, value = get_args(tp)
        key, _ = _unwrap(key, _Meta())
        if get_origin(key) is not Literal:
            return {}
        return {k: _build(value, _Meta(), f"{path}.{k}", assign) for k in get_args(key)}
    raise TypeError(f"{path}: no rule for {tp!r}")


def rotation(offset: int = 0, payloads: tuple[Payload, ...] = PAYLOADS) -> Assign:
    """Payloads in turn from ``offset``, one per field; a field too short for the next payload
    gets the next one that fits (the long payload fits anywhere: it is cut to the field)."""
    counter = iter(range(offset, offset + 100_000))

    def assign(path: Path, limit: int | None) -> str:
        for k in counter:
            payload = payloads[k % len(payloads)]
            if payload.id == "long":
                return fits(payload.text, limit)
            if limit is None or len(payload.text) <= limit:
                return payload.text
        raise AssertionError("unreachable")

    return assign


@dataclass
class Filled:
    """A workbook with hostile text in every free-text field, and which text went where."""

    workbook: Workbook
    texts: dict[Path, str]

    def at(self, path: Path) -> str:
        return self.texts[path]

    def payload_at(self, path: Path) -> Payload:
        text = self.texts[path]
        return next(p for p in PAYLOADS if p.text == text or fits(p.text, len(text)) == text)


def fill_workbook(
    assign: Assign | None = None,
    *,
    names: tuple[str, str] | None = None,
    answers_from: Workbook | None = None,
) -> Filled:
    """A workbook built from the model itself: every free-text field of the registry set by
    ``assign`` (default: the whole corpus in turn; a text field nobody declared stays empty, and
    ``test_sections`` fails on it), every list of models with ``ITEMS_PER_LIST`` entries, every dict
    keyed by a fixed set of ids complete. ``names`` overrides the two names. ``answers_from``
    gives each partner that couple's answers that hold no free text (needs, guesses, grids,
    choices), so the pages that compare partners have something to say about them."""
    texts: dict[Path, str] = {}
    base = assign or rotation()
    declared = set(free_text_paths())

    def record(path: Path, limit: int | None) -> str:
        if path_pattern(path) not in declared:
            return ""
        if names is not None and path in ("partners.a.name", "partners.b.name"):
            text = names[path == "partners.b.name"]
        else:
            text = base(path, limit)
        texts[path] = text
        return text

    document = _build(Workbook, _Meta(), "", record)
    texts = {path.lstrip("."): text for path, text in texts.items()}
    wb = Workbook.model_validate(document)
    wb.language = "en"
    if answers_from is not None:
        for pid, partner in answers_from.partners.items():
            for name, info in Partner.model_fields.items():
                if not _holds_text(info.annotation, _meta(info.metadata)):
                    setattr(wb.partner(pid), name, getattr(partner.model_copy(deep=True), name))
    return Filled(wb, texts)


def text_leaves(value: Any, path: Path = "") -> Iterator[tuple[Path, str]]:
    """Every str in a model instance (or its dump) with its path, ids and enums included."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from text_leaves(getattr(value, name), f"{path}.{name}".lstrip("."))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from text_leaves(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


def free_text_paths() -> list[str]:
    """The free-text fields the section registry declares, as path patterns
    (``partners.*.rewrites[].complaint``)."""
    return [field.path for field in textfields.FREE_TEXT]


def model_free_text_paths(model: type[BaseModel] = Workbook) -> list[str]:
    """The model's free-text fields as path patterns, found by walking the model: every str
    that is not an id (a pattern), a Literal or a date."""
    found: list[str] = []

    def walk(tp: Any, meta: _Meta, path: str) -> None:
        tp, meta = _unwrap(tp, meta)
        origin = get_origin(tp)
        if tp is str and meta.pattern is None:
            found.append(path.lstrip("."))
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            for name, info in tp.model_fields.items():
                walk(info.annotation, _meta(info.metadata), f"{path}.{name}")
        elif origin is list:
            walk(get_args(tp)[0], _Meta(), f"{path}[]")
        elif origin is dict:
            walk(get_args(tp)[1], _Meta(), f"{path}.*")
        elif origin in (Union, types.UnionType):
            for arg in get_args(tp):
                if arg is not type(None):
                    walk(arg, meta, path)

    walk(model, _Meta(), "")
    return found


def path_pattern(path: Path, model: type[BaseModel] = Workbook) -> str:
    """A concrete path as its pattern in ``free_text_paths``: dict keys become ``*``, list
    indices ``[]`` (``partners.a.rewrites[0].need`` → ``partners.*.rewrites[].need``)."""
    out: list[str] = []
    tp: Any = model
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        tp, _ = _unwrap(tp, _Meta())
        if get_origin(tp) in (Union, types.UnionType):
            tp = next(arg for arg in get_args(tp) if arg is not type(None))
            tp, _ = _unwrap(tp, _Meta())
        if part.startswith("["):
            out[-1] += "[]"
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            out.append("*")
            tp = get_args(tp)[1]
        else:
            out.append(part)
            tp = tp.model_fields[part].annotation
    return ".".join(out)


# --- Reading HTML back --------------------------------------------------------------------------

SCRIPT_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "object",
        "embed",
        "img",
        "image",
        "details",
        "input",
        "a",
        "link",
        "base",
        "form",
        "math",
        "video",
        "audio",
        "source",
        "use",
        "foreignobject",
        "animate",
        "set",
        "noscript",
        "template",
        "textarea",
    }
)
"""Elements our exports never contain: one in an export was injected."""
URL_ATTRIBUTES = frozenset(
    {"src", "href", "xlink:href", "action", "formaction", "data", "srcdoc", "srcset", "poster"}
)


class Tags(HTMLParser):
    """Every start tag of a document with its attributes, and its text (style text apart)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("style", "title"):
            self._in.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        (self.style if "style" in self._in else self.text).append(data)

    def count(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for tag, _ in self.tags:
            counts[tag] = counts.get(tag, 0) + 1
        return counts


def html_injections(html: str) -> list[str]:
    """What in an HTML or SVG document could only have come from a payload: elements that run
    or fetch, event handlers, the marker attribute, script or outside URLs in attributes, and
    outside URLs or imports in style sheets. Empty when the document is clean."""
    found: list[str] = []
    parsed = Tags(html)
    for tag, attrs in parsed.tags:
        if tag in SCRIPT_TAGS:
            found.append(f"<{tag}> element")
        for name, value in attrs.items():
            value = value or ""
            if name == MARK:
                found.append(f"<{tag} {MARK}>")
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...> handler")
            if name in URL_ATTRIBUTES:
                found.append(f"<{tag} {name}={value!r}>")
            if re.search(r"javascript:|vbscript:|data:text|" + re.escape(EVIL_HOST), value, re.I):
                found.append(f"<{tag} {name}={value!r}>")
    css = "".join(parsed.style)
    if "@import" in css or re.search(r"url\(\s*['\"]?(?!data:)", css) or EVIL_HOST in css:
        found.append("a style sheet that fetches")
    return found


# --- Markdown that Streamlit or a Markdown viewer renders ---------------------------------------

_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")


def md_unescape(text: str) -> str:
    """Markdown text with its backslash escapes resolved (what a renderer shows)."""
    return _ESCAPED.sub(lambda m: m.group(0)[1], text)


_BLOCK_START = re.compile(r"\s*([#+*=>-]|\d+[.)]|\|)")


def live_markdown(text: str, *, blocks: bool = True) -> list[str]:
    """Marks left unescaped in Markdown that could format, link, embed or fetch: ``<``, ``>``,
    ``[``, ``]``, a backtick, ``$``, ``~``, ``&``, ``:`` before a non-space (a shortcode or a
    scheme); with ``blocks``, a mark that starts a block at the start of a line (a heading, a
    list, a quote, a table). Quote marks that begin a line are the document's own; inside them
    no block may start. Empty when nothing is live.

    A whole document has headings and lists of its own: check it with ``blocks=False``.
    """
    found: list[str] = []
    for line in text.splitlines():
        quoted = re.match(r"(\s*>)+ ?", line)
        rest = line[quoted.end() :] if quoted else line
        if (blocks or quoted) and _BLOCK_START.match(rest):
            found.append(f"a block: {rest[:12]!r}")
        bare = _ESCAPED.sub("", rest)
        found += [c for c in "<>[]`$~&" if c in bare]
        if re.search(r":[^\s\u200b]", bare):
            found.append(":")
    return sorted(set(found))


# --- Plotly figures -----------------------------------------------------------------------------

PLOTLY_TAGS = frozenset({"br", "extra", "/extra", "b", "/b", "i", "/i", "sub", "/sub", "sup"})
"""Markup our own labels use in plotly figures: bare tags only, never with attributes."""


def strings_in(value: Any) -> Iterator[str]:
    """Every string in a nested structure of dicts and lists (a plotly figure)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings_in(item)


def plotly_markup(figure: dict[str, Any]) -> list[str]:
    """Tags in a figure's texts that plotly would render and our labels do not use (any tag with
    attributes, any link); empty when every user text is escaped."""
    found = []
    for text in strings_in(figure):
        for tag in re.findall(r"<\s*(/?[A-Za-z][^>]*)>", text):
            if tag.strip().lower() not in PLOTLY_TAGS:
                found.append(f"<{tag}>")
    return found


TABLE_TOGGLES = (
    "needs_table",
    "styles_table",
    "meta_tables",
    "distance__table",
    "channels_table",
    "persist__table",
    "aware_reveal",
    "aware_table",
    "diffmap_table",
)
"""View toggles that draw a table (or the reveal that holds one): the XSS tests switch all on."""
