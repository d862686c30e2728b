"""Section: distance."""

from ui.section import placeholder_page

placeholder_page("distance")
