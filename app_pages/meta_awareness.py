"""Section: meta-awareness."""

from ui.section import placeholder_page

placeholder_page("meta-awareness")
