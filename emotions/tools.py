"""The tool pages (everything in the navigation that is not a section) as one registry.

``app.py`` builds their navigation entries from it; each page's title (h1) is its
``heading_key``. A navigation label must be found word for word in the title it opens (WCAG
2.4.6, 3.2.4): "Save, resume, combine" opens "Save, resume, combine your workbook"
(``tests/unit/test_page_titles.py`` checks it in every language, sections included).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ToolPage:
    """One tool page: its address, script, navigation label, title and icon."""

    url_path: str
    script: str
    nav_key: str
    heading_key: str
    icon: str


TOOL_PAGES: tuple[ToolPage, ...] = (
    ToolPage("workbook", "app_pages/workbook.py", "nav.workbook", "files.heading", "💾"),
    ToolPage("turns", "app_pages/turns.py", "turns.nav", "turns.heading", "🔁"),
    ToolPage("room", "app_pages/room_host.py", "rooms.nav_host", "rooms.host_title", "👥"),
    ToolPage("join", "app_pages/room_join.py", "rooms.nav_join", "rooms.join_title", "🙋"),
    ToolPage("about", "app_pages/about.py", "safety_page.nav", "about.heading", "🛟"),
)
"""In the navigation's order."""

TOOL_PATHS: tuple[str, ...] = tuple(tool.url_path for tool in TOOL_PAGES)
