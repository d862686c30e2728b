"""Make user text safe to place inside Markdown that is rendered, so it shows exactly as typed.

Streamlit renders labels and ``st.markdown`` as Markdown plus its own extensions (emoji and icon
shortcodes such as ``:material/home:``, coloured ``:red[...]`` text, ``$math$``). User text in such
places must neither format nor link nor make the browser fetch anything (an image link, an icon
font). HTML is already escaped by Streamlit since we never allow it; this handles the rest.
"""

from __future__ import annotations

import string

_ZERO_WIDTH_SPACE = "\u200b"
_ESCAPED = {c: "\\" + c for c in string.punctuation}
# A shortcode is ":name:" parsed after backslash escapes are resolved, so escaping ":" is not
# enough: a zero-width space after it keeps the text readable and the shortcode unrecognised.
_ESCAPED[":"] = "\\:" + _ZERO_WIDTH_SPACE


def markdown_escape(text: str) -> str:
    """``text`` with every Markdown-significant character escaped; line breaks become spaces."""
    flat = " ".join(text.split())
    return "".join(_ESCAPED.get(c, c) for c in flat)
