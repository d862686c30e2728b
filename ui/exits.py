"""The two quick exits' keys and the selector that finds either in the browser (issue 16 item 3).

A module of its own so that the browser-side code of ``ui.keep`` and ``ui.unsaved`` and the frame
that draws the buttons share one definition without importing each other."""

from __future__ import annotations

SIDEBAR_EXIT_KEY = "quick_exit"
"""The quick exit at the top of the sidebar's own content (below the navigation)."""
TOP_EXIT_KEY = "quick_exit_top"
"""The quick exit leading the main area of every page: the one tap on a phone."""
QUICK_EXIT_SELECTOR = f".st-key-{SIDEBAR_EXIT_KEY}, .st-key-{TOP_EXIT_KEY}"
"""Both quick exits: a click on either disarms the prompt before leaving and erases the copy
kept in the browser before the server has answered."""
