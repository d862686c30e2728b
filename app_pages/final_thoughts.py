"""Section: final-thoughts."""

from ui.section import placeholder_page

placeholder_page("final-thoughts")
