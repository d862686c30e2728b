"""Section: compatibility."""

from ui.section import placeholder_page

placeholder_page("compatibility")
