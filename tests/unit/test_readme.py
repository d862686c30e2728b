"""The README is short: what the workbook is, one screenshot, the two commands; the rest lives in
docs/, and every relative link in them leads to a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_opens_with_what_it_is_one_screenshot_and_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 4_000
    images = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text)
    assert len(images) == 1 and images[0].startswith("docs/screenshots/")
    (block,) = re.findall(r"```sh\n(.*?)```", text, flags=re.S)
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert [c for c in commands if c] == ["make run", "make test"]
    assert "PORT=" in block
    assert text.index(images[0]) < text.index("make run")


def test_every_relative_link_of_the_readme_and_docs_leads_to_a_file() -> None:
    broken = []
    for page in [README, *sorted((ROOT / "docs").glob("*.md"))]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            if not (page.parent / target.split("#")[0]).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []
