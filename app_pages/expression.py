"""Section: expression."""

from ui.section import placeholder_page

placeholder_page("expression")
