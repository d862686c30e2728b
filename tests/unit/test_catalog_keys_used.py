"""Every catalog key the code names literally exists in every catalog.

``t()`` shows a missing key's name instead of failing (a user sees ``rooms.sent`` rather than a
crash), so a key deleted from a catalog, or misspelt in code, would otherwise pass every test
that does not happen to look at that text. Keys built at run time (f-strings over a registry) are
checked by the tests of their registries.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from emotions.i18n import messages
from emotions.languages import LANGUAGE_CODES, Language

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
SOURCES += sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "emotions").rglob("*.py"))
# t("a.b", …), i18n.t('a.b', …); not f-strings (no f before the quote).
CALL = re.compile(r"""\bt\(\s*(?<!f)["']([a-z_0-9]+(?:\.[a-z_0-9]+)+)["']""")


def used_keys() -> dict[str, str]:
    """Each literal key → the first file that names it."""
    found: dict[str, str] = {}
    for path in SOURCES:
        for key in CALL.findall(path.read_text("utf-8")):
            found.setdefault(key, str(path.relative_to(ROOT)))
    return found


def test_the_scan_finds_the_calls() -> None:
    keys = used_keys()
    assert len(keys) > 200, len(keys)  # the scan itself works
    assert "safety_page.nav" in keys
    assert not CALL.findall('t(f"dim.{dim}.name", lang)')


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_key_named_in_code_is_in_the_catalog(lang: Language) -> None:
    known = messages(lang)
    missing = [f"{where}: {key}" for key, where in used_keys().items() if key not in known]
    assert not missing, missing
