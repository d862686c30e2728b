"""Section: ongoing-differences."""

from ui.section import placeholder_page

placeholder_page("ongoing-differences")
