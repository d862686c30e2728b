"""Make user text safe to place inside Markdown that is rendered, so it shows exactly as typed.

Streamlit renders labels and ``st.markdown`` as Markdown plus its own extensions (emoji and icon
shortcodes such as ``:material/home:``, coloured ``:red[...]`` text, ``$math$``). User text in such
places must neither format nor link nor make the browser fetch anything (an image link, an icon
font). HTML is already escaped by Streamlit since we never allow it; this handles the rest.

GitHub-flavoured Markdown also makes links of bare ``www.`` addresses and e-mail addresses by
itself ("autolink literals"), whatever is backslash-escaped: a zero-width space inside ``www`` and
before ``@`` keeps them text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence

_ZERO_WIDTH_SPACE = "\u200b"
_ESCAPED = {c: "\\" + c for c in string.punctuation}
# A shortcode is ":name:" parsed after backslash escapes are resolved, so escaping ":" is not
# enough: a zero-width space after it keeps the text readable and the shortcode unrecognised.
_ESCAPED[":"] = "\\:" + _ZERO_WIDTH_SPACE
# Autolink literals are found whatever is escaped: an e-mail address needs a letter, digit or
# one of ".+-_" right before its "@", and a web address the letters "www." together.
_ESCAPED["@"] = _ZERO_WIDTH_SPACE + "\\@"
_WWW = re.compile(r"(w)(?=ww\.)", re.IGNORECASE)


def markdown_escape(text: str) -> str:
    """``text`` with every Markdown-significant character escaped; line breaks become spaces."""
    flat = _WWW.sub("\\1" + _ZERO_WIDTH_SPACE, " ".join(text.split()))
    return "".join(_ESCAPED.get(c, c) for c in flat)


def markdown_table(rows: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """Rows for ``st.table`` with every heading and every text cell escaped; numbers untouched.

    ``st.table`` renders Markdown in headings and cells (Streamlit 1.67), so a name or a note
    there must be escaped like anywhere else: ``![x](http://...)`` would fetch an image.
    """
    return [
        {
            markdown_escape(heading): markdown_escape(cell) if isinstance(cell, str) else cell
            for heading, cell in row.items()
        }
        for row in rows
    ]
