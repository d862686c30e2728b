"""Section: emotional-styles."""

from ui.section import placeholder_page

placeholder_page("emotional-styles")
