"""Section: intimacy."""

from ui.section import placeholder_page

placeholder_page("intimacy")
