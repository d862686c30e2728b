"""Section: unspoken-needs."""

from ui.section import placeholder_page

placeholder_page("unspoken-needs")
