"""Every navigation label is found word for word in the title (h1) of the page it opens, in every
language (issue 15, point 7; WCAG 2.4.6 and 3.2.4): a link named "6. Emotional safety" does not
open a page called something else."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from emotions.i18n import section_text, t
from emotions.languages import LANGUAGE_CODES
from emotions.model import Language
from emotions.sections import SECTIONS, section_title
from emotions.tools import TOOL_PAGES, TOOL_PATHS

REPO = Path(__file__).resolve().parents[2]


def _calls(path: Path) -> list[ast.Call]:
    return [
        node for node in ast.walk(ast.parse(path.read_text("utf-8"))) if isinstance(node, ast.Call)
    ]


def _name(call: ast.Call) -> str:
    return ast.unparse(call.func)


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_section_page_is_titled_with_its_navigation_label(lang: Language) -> None:
    # app.py names each section's navigation entry with section_title; ui.section.header draws
    # section_text's heading as the page's st.title.
    differ = {
        spec.id: (section_title(spec.id, lang), section_text(spec.id, lang)[0])
        for spec in SECTIONS
        if section_title(spec.id, lang) not in section_text(spec.id, lang)[0]
    }
    assert differ == {}


def test_section_pages_draw_that_heading_as_their_title() -> None:
    header = next(
        node
        for node in ast.walk(ast.parse((REPO / "ui/section.py").read_text("utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == "header"
    )
    source = ast.unparse(header)
    assert "section_text(section_id" in source and "st.title(heading" in source
    for spec in SECTIONS:
        calls = [c for c in _calls(REPO / spec.page) if _name(c) == "header"]
        # One header per page, for its own section (keyword options such as body=False aside).
        assert [ast.unparse(c.args[0]) for c in calls] == [f"'{spec.id}'"], spec.page
    app = (REPO / "app.py").read_text("utf-8")
    assert "title=section_title(sid, lang())" in app


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_every_tool_page_title_contains_its_navigation_label(lang: Language) -> None:
    differ = {
        tool.url_path: (t(tool.nav_key, lang), t(tool.heading_key, lang))
        for tool in TOOL_PAGES
        if t(tool.nav_key, lang) not in t(tool.heading_key, lang)
    }
    assert differ == {}


def test_tool_pages_draw_their_registered_title() -> None:
    assert len(set(TOOL_PATHS)) == len(TOOL_PAGES)
    for tool in TOOL_PAGES:
        titles = [
            ast.unparse(c.args[0]) for c in _calls(REPO / tool.script) if _name(c) == "st.title"
        ]
        assert titles == [f"t('{tool.heading_key}')"], tool.script
