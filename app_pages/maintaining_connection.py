"""Section: maintaining-connection."""

from ui.section import placeholder_page

placeholder_page("maintaining-connection")
