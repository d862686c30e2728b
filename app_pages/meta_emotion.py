"""Section: meta-emotion."""

from ui.section import placeholder_page

placeholder_page("meta-emotion")
