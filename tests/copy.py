"""The app's composed texts, built in tests from the catalog keys they are made of.

Tests assert what the app shows through ``t(key, lang, ...)`` rather than copies of the copy, so
rewording a label (a band, a dimension's name) touches the catalogs only. Only the structure is
written here: which template, filled with which keys.
"""

from __future__ import annotations

from emotions.i18n import t
from emotions.model import Language


def area_title(dimension: str, band: str, difference: int, lang: Language = "en") -> str:
    """``"Pace under tension: Far apart (difference 9)"``: a difference's short title."""
    return t(
        "you_two.area_title",
        lang,
        dimension=t(f"dim.{dimension}.name", lang),
        band=t(f"band.{band}", lang),
        difference=difference,
    )


def area_line(
    dimension: str, band: str, difference: int, higher: str, lower: str, lang: Language = "en"
) -> str:
    """One ranked difference as a sentence: who is nearer the dimension's high pole."""
    return t(
        "needs.area_line",
        lang,
        dimension=t(f"dim.{dimension}.name", lang),
        band=t(f"band.{band}", lang),
        difference=difference,
        higher=higher,
        lower=lower,
        pole=t(f"dim.{dimension}.high", lang),
    )


def position(
    dimension: str, band: str, name: str, pole: str, other: str, lang: Language = "en"
) -> str:
    """Where ``name`` (nearer ``pole``: "high" or "low") and ``other`` stand on a difference."""
    other_pole = "low" if pole == "high" else "high"
    return t(
        "adjust.position",
        lang,
        dimension=t(f"dim.{dimension}.name", lang),
        band=t(f"band.{band}", lang),
        name=name,
        pole=t(f"dim.{dimension}.{pole}", lang),
        other=other,
        other_pole=t(f"dim.{dimension}.{other_pole}", lang),
    )


def map_label(dimension: str, band: str, lang: Language = "en") -> str:
    """A row of the difference map: the dimension's name and its band."""
    return f"{t(f'dim.{dimension}.name', lang)} · {t(f'band.{band}', lang)}"


def start_with(dimension: str, band: str, difference: int, lang: Language = "en") -> str:
    """Where the difference map suggests starting: the first-ranked difference."""
    return t(
        "diffmap.start_with",
        lang,
        dimension=t(f"dim.{dimension}.name", lang),
        band=t(f"band.{band}", lang),
        difference=difference,
    )


def bands(lang: Language = "en") -> dict[str, str]:
    """The band labels, as the texts that name all three take them (``{close}``, ...)."""
    return {band: t(f"band.{band}", lang) for band in ("close", "different", "far")}
