"""Section: shared-meaning."""

from ui.section import placeholder_page

placeholder_page("shared-meaning")
