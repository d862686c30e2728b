"""Section: rebuilding."""

from ui.section import placeholder_page

placeholder_page("rebuilding")
