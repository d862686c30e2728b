"""Every word a user sees, in English and Japanese, read from data files through ``t()``.

Catalogs are TOML files in ``emotions/locales/`` (nested tables flatten to dotted keys).
Longer texts live in ``emotions/content/<lang>/``. The loaded data is immutable and the same for
every user, so caching it per process is safe; nothing per-user is ever kept here.
"""

from __future__ import annotations

import functools
import string
import tomllib
from pathlib import Path
from typing import Any, get_args

from emotions.dimensions import DIMENSION_IDS, SECTION_IDS
from emotions.languages import DEFAULT_LANGUAGE as DEFAULT_LANGUAGE  # re-exported
from emotions.languages import Language, PluralCategory, spec
from emotions.languages import language_from_locale as language_from_locale  # re-exported

PACKAGE_DIR = Path(__file__).resolve().parent
LOCALES_DIR = PACKAGE_DIR / "locales"
CONTENT_DIR = PACKAGE_DIR / "content"


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{full}."))
        elif isinstance(value, str):
            flat[full] = value
        else:
            raise TypeError(f"catalog value {full!r} is not a string")
    return flat


@functools.cache
def catalog(lang: Language) -> dict[str, str]:
    """The flat catalog of one language: dotted key → text."""
    with (LOCALES_DIR / f"{lang}.toml").open("rb") as fh:
        return _flatten(tomllib.load(fh))


PLURAL_CATEGORIES: frozenset[str] = frozenset(get_args(PluralCategory))


def _form_of(key: str, flat: dict[str, str]) -> tuple[str, str] | None:
    """(message key, form) when ``key`` is one form of a text with a count: its last part is a
    plural category and the text has an ``other`` form (the one every language has)."""
    base, _, form = key.rpartition(".")
    if form in PLURAL_CATEGORIES and f"{base}.other" in flat:
        return base, form
    return None


@functools.cache
def messages(lang: Language) -> dict[str, dict[str, str]]:
    """Every message of a catalog: its key → its forms. A plain text has the one form ``""``; a
    text with a count, written as a table of plural categories (``{ one = "…", other = "…" }``),
    has those forms, and ``t(key, lang, count=n)`` picks one by the language's rules."""
    flat = catalog(lang)
    out: dict[str, dict[str, str]] = {}
    for key, text in flat.items():
        found = _form_of(key, flat)
        base, form = found if found else (key, "")
        out.setdefault(base, {})[form] = text
    return out


def plural_forms(lang: Language) -> set[str]:
    """The plural categories ``lang`` uses: the forms each text with a count must have."""
    rule = spec(lang).plural
    return {rule(n) for n in range(1000)}


def placeholders(text: str) -> set[str]:
    """The ``{name}`` placeholders a text expects."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


REGISTRY_VALUES: dict[str, object] = {
    "dimension_count": len(DIMENSION_IDS),
    "section_count": len(SECTION_IDS),
    **{f"section_{sid.replace('-', '_')}": n for n, sid in enumerate(SECTION_IDS, start=1)},
}
"""Placeholders every text may use without the caller passing them: counts and section numbers
come from the registries, never from the copy ("{section_count}", not "16"; "section
{section_what_it_means}", not "section 2")."""


class _Values(dict[str, object]):
    """Placeholder values; a placeholder nobody filled stays as it was written (``{name}``), so a
    text fetched without its values still reads as the template it is."""

    def __missing__(self, key: str) -> _Unfilled:
        return _Unfilled(key)


class _Unfilled:
    """A placeholder nobody filled: formats back to itself, format spec and all (plotly's
    ``%{y:.0%}`` in a hover template stays as written)."""

    def __init__(self, key: str) -> None:
        self.key = key

    def __format__(self, spec: str) -> str:
        return "{" + self.key + (":" + spec if spec else "") + "}"


def fill(text: str, /, **values: object) -> str:
    """``text`` with its ``{placeholders}`` filled from ``values`` and the registry counts."""
    if "{" not in text:
        return text
    return text.format_map(_Values({**REGISTRY_VALUES, **values}))


def t(key: str, lang: Language, /, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Values are inserted as they are: whoever renders the result escapes it (names are user text).
    The registry counts (``REGISTRY_VALUES``) are always available. A missing key shows the key
    itself rather than crashing a page; tests keep the catalogs complete.

    A text with a count (``{count}``) may have a form per plural category
    (``messages``): the form for ``values["count"]`` is shown, ``other`` when it is not a whole
    number.
    """
    found = catalog(lang)
    text = found.get(key)
    if text is None:
        count = values.get("count")
        form = spec(lang).plural(count) if isinstance(count, int) else "other"
        text = found.get(f"{key}.{form}", found.get(f"{key}.other"))
        if text is None:
            return key
    return fill(text, **values)


QUOTED_LABELS = ("band.", "partner.", "nav.")
"""Catalog keys (prefixes) of labels a section text may quote: ``{band_far}`` in a section text
is ``band.far`` of the same language, so rewording a label changes its catalog entry only."""


def quoted_labels(lang: Language) -> dict[str, str]:
    """The labels a section text may quote, as placeholder values (``band.far`` → ``band_far``)."""
    return {
        key.replace(".", "_"): text
        for key, text in catalog(lang).items()
        if key.startswith(QUOTED_LABELS)
    }


def section_title(section_id: str, lang: Language) -> str:
    """A section's title with its number: its navigation label, its page's heading (h1), the
    step links', the journey lists' and the exports' name for it: "6. Emotional safety"."""
    return t(
        "section.numbered",
        lang,
        number=SECTION_IDS.index(section_id) + 1,
        title=t(f"section.{section_id}.title", lang),
    )


@functools.cache
def section_text(section_id: str, lang: Language) -> tuple[str, str]:
    """(heading, Markdown body) of a section's page, with the registry counts and the labels it
    quotes (``quoted_labels``) filled in.

    The heading is the page's title (h1), word for word the navigation's label
    (``section_title``): a link named "6. Emotional safety" opens a page of that name (WCAG
    2.4.6, 3.2.4). The explanation in ``content/<lang>/sections/`` opens with a longer heading of
    its own; the body starts with it as a lead line (bold), then the explanation."""
    path = CONTENT_DIR / lang / "sections" / f"{section_id}.md"
    text = fill(path.read_text(encoding="utf-8").strip(), **quoted_labels(lang))
    first, _, body = text.partition("\n")
    lead = first.lstrip("#").strip()
    return section_title(section_id, lang), f"**{lead}**\n\n{body.strip()}"


@functools.cache
def content_table(name: str, lang: Language) -> dict[str, Any]:
    """A TOML content file of ``content/<lang>/`` (e.g. ``directions``, ``reflection``)."""
    with (CONTENT_DIR / lang / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def partner_label(name: str, pid: str, lang: Language, *, anonymous: bool = False) -> str:
    """What a partner is called on screen: their name, or "Partner A" / "パートナーA".

    ``anonymous`` (presentation mode, exports without names) always gives the neutral label.
    """
    name = name.strip()
    if name and not anonymous:
        return name
    return t(f"partner.{pid}", lang)
