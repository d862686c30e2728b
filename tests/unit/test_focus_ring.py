"""The focus ring of ``ui/frame._SIDEBAR_CSS`` is drawn in the theme's primary colour, which
``test_contrast`` holds at 3:1 on both backgrounds (WCAG 1.4.11, 2.4.7): a theme change cannot
leave the ring in an old colour."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.unit.test_contrast import theme

FRAME = Path(__file__).resolve().parents[2] / "ui" / "frame.py"


def sidebar_css() -> str:
    tree = ast.parse(FRAME.read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "_SIDEBAR_CSS":
            value = ast.literal_eval(node.value)
            assert isinstance(value, str)
            return value
    raise AssertionError("no _SIDEBAR_CSS in ui/frame.py")


def test_focus_rules_use_the_primary_colour() -> None:
    rules = [rule for rule in sidebar_css().split("}") if ":focus" in rule]
    assert len(rules) >= 3  # links and title, the main area, fields
    colours = {colour.upper() for rule in rules for colour in re.findall(r"#[0-9A-Fa-f]{6}", rule)}
    assert colours == {theme()["primaryColor"].upper()}
