"""Section: communication."""

from ui.section import placeholder_page

placeholder_page("communication")
