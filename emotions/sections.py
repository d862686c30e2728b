"""The sections as one registry: what makes up each section, in the article's order.

Everything the app does per section loops over ``SECTIONS``: the navigation and its groups
(``app.py``), the page scripts, the section numbers and titles (``section_title``), the blocks of
the exports (``export.summary.SECTION_SUMMARIES``, checked complete at import), the free-text
fields that presentation mode folds away and anonymous exports take names out of
(``textfields``), and what every sample couple must fill in (``stores``, checked by the tests).

Paths name parts of the ``Workbook``: a model field by its name, every value of a dict by ``*``
and every entry of a list by ``[]`` (``partners.*.rewrites[].complaint``), as ``tests/xss.py``
writes them. A section's number is its place in ``SECTIONS``; titles carry no number in the
catalogs (``section.<id>.title``), ``section_title`` puts it in front.

``SectionId`` itself stays in ``dimensions`` (the model imports it; this module is imported by
modules that import the exercises).

Adding a section: its id in ``SectionId`` and its ``SectionSpec`` here (in place: the order is the
article's); what it stores in the ``Workbook`` (``model.py``); its page ``app_pages/<id>.py``;
its entry in ``export.summary.SECTION_SUMMARIES`` (``None`` if its summary is only its notes);
its title and texts in both catalogs, its explanation (``content/<lang>/sections/<id>.md``) and
reflection prompt (``content/<lang>/reflection.toml``); and what each sample couple wrote or
chose for it (``content/<lang>/samples.toml``, ``samples.py``). Numbers, counts, navigation,
presentation mode and anonymous exports follow from the registry. The import-time checks below
and in ``export.summary``, and ``tests/unit/test_sections.py`` and ``test_samples.py``, fail on
a part left out: a stored field nobody owns, a free-text field nobody declares, a section without
a summary entry, a sample that does not fill the section in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from emotions import i18n
from emotions.dimensions import SECTION_IDS, SectionId
from emotions.exercises.rewrite import FEELING_IDS
from emotions.model import Language

GroupId = Literal["start", "understand", "connect", "forward"]
GROUP_IDS: tuple[GroupId, ...] = get_args(GroupId)
"""The navigation's groups of sections, in order (``nav.group.<id>``)."""

Hidden = Literal["blank", "drop"]


@dataclass(frozen=True)
class FreeText:
    """A field the couple types their own words into (a path into the ``Workbook``).

    ``hidden`` is what presentation mode does with it while the notes are folded: ``blank`` it
    (the entry holding it stays, e.g. a need statement keeps its checklist tag) or ``drop`` the
    dict or list it sits in (``partners.*.rewrites[].complaint`` empties ``rewrites``). ``ids``
    are values that are ids chosen from a list, not words: they are never rewritten (a rewrite's
    listed feeling).
    """

    path: str
    hidden: Hidden = "blank"
    ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SectionSpec:
    """One section of the workbook."""

    id: SectionId
    group: GroupId
    stores: tuple[str, ...] = ()
    """The parts of the ``Workbook`` this section's exercises write (paths); every sample couple
    fills each of them in, in every language."""
    free_text: tuple[FreeText, ...] = ()
    """Its fields of the couple's own words; each lies inside one of ``stores``."""

    @property
    def number(self) -> int:
        """The 1-based number of the section in the article (its place in ``SECTIONS``)."""
        return SECTION_IDS.index(self.id) + 1

    @property
    def title_key(self) -> str:
        """The catalog key of its title, without the number (see ``section_title``)."""
        return f"section.{self.id}.title"

    @property
    def page(self) -> str:
        """Its page script: ``app_pages/<id with underscores>.py``."""
        return f"app_pages/{self.id.replace('-', '_')}.py"


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("introduction", "start", stores=("mode",)),
    SectionSpec(
        "what-it-means",
        "start",
        stores=("partners.*.ratings.*.need", "partners.*.ratings.*.importance"),
    ),
    SectionSpec("emotional-styles", "understand"),
    SectionSpec("meta-emotion", "understand", stores=("partners.*.meta_emotion",)),
    SectionSpec(
        "distance",
        "understand",
        stores=("vulnerable_moment",),
        free_text=(FreeText("vulnerable_moment.what"),),
    ),
    SectionSpec("intimacy", "understand", stores=("partners.*.safety",)),
    SectionSpec("expression", "understand", stores=("partners.*.channels",)),
    SectionSpec(
        "ongoing-differences",
        "understand",
        stores=("partners.*.ratings.*.met", "partners.*.withdrawal_signs"),
    ),
    SectionSpec("maintaining-connection", "connect", stores=("partners.*.adjustments",)),
    SectionSpec(
        "communication",
        "connect",
        stores=("partners.*.rewrites",),
        free_text=(
            FreeText("partners.*.rewrites[].complaint", "drop"),
            FreeText("partners.*.rewrites[].situation", "drop"),
            FreeText("partners.*.rewrites[].feeling", "drop", ids=frozenset(FEELING_IDS)),
            FreeText("partners.*.rewrites[].need", "drop"),
            FreeText("partners.*.rewrites[].request", "drop"),
        ),
    ),
    SectionSpec(
        "meta-awareness",
        "connect",
        stores=("partners.*.triggers", "partners.*.ratings.*.guess"),
        free_text=(
            FreeText("partners.*.triggers[].trigger", "drop"),
            FreeText("partners.*.triggers[].reaction", "drop"),
            FreeText("partners.*.triggers[].belief", "drop"),
            FreeText("partners.*.triggers[].response", "drop"),
        ),
    ),
    SectionSpec("shared-meaning", "connect", stores=("partners.*.small_moments",)),
    SectionSpec(
        "unspoken-needs",
        "connect",
        stores=("partners.*.need_statements",),
        free_text=(FreeText("partners.*.need_statements[].text"),),
    ),
    SectionSpec(
        "compatibility",
        "forward",
        stores=("area_notes",),
        free_text=(FreeText("area_notes.*", "drop"),),
    ),
    SectionSpec(
        "rebuilding",
        "forward",
        stores=("checkins",),
        free_text=(FreeText("checkins[].reliability"), FreeText("checkins[].adjustment")),
    ),
    SectionSpec(
        "final-thoughts", "forward", stores=("next_steps",), free_text=(FreeText("next_steps"),)
    ),
)

FRAME_STORES: tuple[str, ...] = (
    "schema_version",
    "created",
    "updated",
    "language",
    "sample",
    "visited",
    "partners.*.name",
    "partners.*.reflections",
)
"""What the frame around the sections stores: the file's own fields, the names, and the
reflection note every section page ends with."""
NAME = FreeText("partners.*.name")
"""The partners' names: presentation mode always leaves them out."""
FRAME_FREE_TEXT: tuple[FreeText, ...] = (NAME, FreeText("partners.*.reflections.*", "drop"))

BY_ID: dict[SectionId, SectionSpec] = {spec.id: spec for spec in SECTIONS}

COUPLE_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        path.split(".")[0].split("[")[0]
        for spec in SECTIONS
        for path in spec.stores
        if not path.startswith("partners.")
    )
)
"""The ``Workbook`` fields the couple answers together (not a partner's own): combining two files
weighs them against each other (``combine``) and a private turn hides them (``turns``)."""


@dataclass(frozen=True)
class SectionGroup:
    """A named group of sections in the navigation."""

    id: GroupId
    sections: tuple[SectionId, ...]


SECTION_GROUPS: tuple[SectionGroup, ...] = tuple(
    SectionGroup(group, tuple(spec.id for spec in SECTIONS if spec.group == group))
    for group in GROUP_IDS
)


def _inside(path: str, stores: tuple[str, ...]) -> bool:
    return any(path == s or path.startswith((f"{s}.", f"{s}[")) for s in stores)


def _check() -> None:
    """The registry is whole: every section once, in ``SectionId``'s order; groups in one run
    each; every free-text field inside what its section stores."""
    ids = tuple(spec.id for spec in SECTIONS)
    if ids != SECTION_IDS:
        raise RuntimeError(f"SECTIONS {ids} do not follow SectionId {SECTION_IDS}")
    groups = [spec.group for spec in SECTIONS]
    if [g for i, g in enumerate(groups) if i == 0 or groups[i - 1] != g] != list(GROUP_IDS):
        raise RuntimeError("each navigation group must be one run of sections, in GROUP_IDS order")
    for spec in SECTIONS:
        for field in spec.free_text:
            if not _inside(field.path, spec.stores):
                raise RuntimeError(f"{spec.id}: {field.path} is not inside {spec.stores}")


_check()


def section(section_id: SectionId) -> SectionSpec:
    """The spec of a section."""
    return BY_ID[section_id]


def section_number(section_id: SectionId) -> int:
    """The 1-based number of a section in the article."""
    return BY_ID[section_id].number


def section_title(section_id: SectionId, lang: Language) -> str:
    """A section's title with its number, as the navigation, the step links, the journey lists
    and the exports show it: "8. When differences persist"."""
    return i18n.section_title(section_id, lang)


SAFETY_POINTER_SECTIONS: tuple[SectionId, ...] = (
    "meta-emotion",
    "intimacy",
    "ongoing-differences",
    "maintaining-connection",
    "communication",
)
"""The sections whose page always carries the safety pointer (``safety_pointer.line`` and a link
to the safety page, drawn by ``ui.section.reflection`` just before the notes), whatever has been
answered: their exercises read anger, how safe sharing feels and pulling back, or suggest adapting
to a partner. Any other page carries it with its "what this means for you two" texts
(``ui.section.for_you_two``), and the pass-and-play hand-over carries it too. In article order."""


def _check_pointer() -> None:
    in_order = tuple(sid for sid in SECTION_IDS if sid in SAFETY_POINTER_SECTIONS)
    if in_order != SAFETY_POINTER_SECTIONS:
        raise RuntimeError("SAFETY_POINTER_SECTIONS: known sections, each once, in article order")


_check_pointer()
