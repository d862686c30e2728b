"""Section: introduction."""

from ui.section import placeholder_page

placeholder_page("introduction")
