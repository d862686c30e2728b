"""The PDF of a one-partner workbook in a real browser (issue 13): partner A answered some needs,
partner B nothing; the PDF downloaded from the app's own button draws one radar shape, A's, and
none for B.

The PDF's vector graphics are read back from its content streams: every painted path with the
colour it was painted in. A partner's radar shape is a path in that partner's colour
(emotions.palette.PARTNER_COLOURS) that spans an area (wider and taller than ``SHAPE_MIN``);
a legend sample is a flat line and a marker is a few points across, so neither counts. The same
reading of a two-partner PDF finds both shapes: it can see one of B's when there is one.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pypdf import PdfReader

from emotions.dimensions import DIMENSION_IDS
from emotions.i18n import t
from emotions.languages import LANGUAGE_CODES, spec
from emotions.model import PARTNER_IDS, Language, PartnerId
from emotions.palette import PARTNER_COLOURS
from tests.browser.kit import StreamlitServer, give, open_app, wait_idle
from tests.browser.test_files import FILES, Download, download, go

pytestmark = pytest.mark.browser

SHAPE_MIN = 10.0
"""Points (1/72 inch) a path must span both across and down to be a shape, not a mark."""

ANSWERED: dict[str, int] = {
    dim: value for dim, value in zip(DIMENSION_IDS[:5], (8, 3, 9, 6, 2), strict=True)
}
"""Partner A's answers: five of the needs, the other three left open."""


# --------------------------------------------------------------------------- PDF paths

TOKEN = re.compile(
    rb"<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|/[^\s/\[\]()<>{}%]+"
    rb"|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+"
)
OPERATOR = re.compile(rb"[A-Za-z'\"*]+")
PAINT = {"S": "s", "s": "s", "f": "f", "F": "f", "f*": "f", "B": "fs", "B*": "fs"}
PAINT |= {"b": "fs", "b*": "fs"}
RGB = tuple[float, float, float]


@dataclass(frozen=True)
class Painted:
    """One painted path: its stroke and fill colours (None when not stroked / not filled)."""

    stroke: RGB | None
    fill: RGB | None
    points: tuple[tuple[float, float], ...]

    def spans(self, size: float) -> bool:
        xs = [x for x, _ in self.points]
        ys = [y for _, y in self.points]
        return bool(xs) and max(xs) - min(xs) > size and max(ys) - min(ys) > size

    def in_colour(self, colour: RGB) -> bool:
        return colour in (self.stroke, self.fill)


def painted(stream: bytes) -> list[Painted]:
    """Every path painted by a content stream, with the colours in force (q/Q kept)."""
    out: list[Painted] = []
    saved: list[tuple[RGB, RGB]] = []
    stroke: RGB = (0.0, 0.0, 0.0)
    fill: RGB = (0.0, 0.0, 0.0)
    operands: list[float | None] = []
    points: list[tuple[float, float]] = []
    for match in TOKEN.finditer(stream):
        token = match.group()
        if not OPERATOR.fullmatch(token) or token in (b"true", b"false", b"null"):
            try:
                operands.append(float(token))
            except ValueError:
                operands.append(None)
            continue
        op, nums = token.decode(), [v if v is not None else 0.0 for v in operands]
        operands = []
        if op == "q":
            saved.append((stroke, fill))
        elif op == "Q" and saved:
            stroke, fill = saved.pop()
        elif op in ("RG", "rg") and len(nums) >= 3:
            colour = (round(nums[-3], 2), round(nums[-2], 2), round(nums[-1], 2))
            stroke, fill = (colour, fill) if op == "RG" else (stroke, colour)
        elif op in ("G", "g") and nums:
            grey: RGB = (round(nums[-1], 2),) * 3
            stroke, fill = (grey, fill) if op == "G" else (stroke, grey)
        elif op in ("m", "l", "c", "v", "y") and len(nums) >= 2:
            points.append((nums[-2], nums[-1]))  # a curve's end point is enough here
        elif op == "re" and len(nums) >= 4:
            x, y, w, h = nums[-4:]
            points += [(x, y), (x + w, y + h)]
        elif op in PAINT:
            kind = PAINT[op]
            out.append(
                Painted(
                    stroke if "s" in kind else None, fill if "f" in kind else None, tuple(points)
                )
            )
            points = []
        elif op == "n":
            points = []
    return out


def rgb(colour: str) -> RGB:
    r, g, b = (round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))
    return (r, g, b)


def shapes(data: bytes) -> dict[PartnerId, set[tuple[tuple[float, float], ...]]]:
    """Per partner: the distinct outlines painted in the partner's colour (a filled area and its
    outline over the same points count once), over every page."""
    assert data.startswith(b"%PDF-"), data[:20]
    found: dict[PartnerId, set[tuple[tuple[float, float], ...]]] = {
        p: set() for p in PARTNER_COLOURS
    }
    for page in PdfReader(io.BytesIO(data)).pages:
        content = page.get_contents()
        if content is None:
            continue
        for path in painted(content.get_data()):
            for pid, colour in PARTNER_COLOURS.items():
                if path.in_colour(rgb(colour)) and path.spans(SHAPE_MIN):
                    found[pid].add(tuple((round(x), round(y)) for x, y in path.points))
    return found


# --------------------------------------------------------------------------- the test


def downloaded_pdf(
    browser: Browser,
    server: StreamlitServer,
    lang: Language,
    answers: dict[PartnerId, dict[str, int]],
) -> Download:
    """A fresh session in ``lang`` answers ``answers`` on the needs page (one click each), then
    downloads the PDF from the files page."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale=spec(lang).locale_languages[0]
    )
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        open_app(page, server.url, "what-it-means")
        for pid, needs in answers.items():
            page.locator('.st-key-needs_who [data-testid="stRadioOption"]').nth(
                PARTNER_IDS.index(pid)
            ).click()
            wait_idle(page)
            for dim, value in needs.items():
                give(page, f"need__{pid}__{dim}", value)
        go(page, FILES, lang)
        expect(page.locator(".st-key-download_pdf button")).to_have_text(
            t("files.format_pdf", lang)
        )
        try:
            return download(page, "download_pdf")
        except PlaywrightTimeoutError:
            errors = page.locator('[data-testid="stException"]').all_inner_texts()
            pytest.fail(f"no PDF came; the page shows: {errors}", pytrace=False)
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_the_pdf_of_one_partner_has_one_radar_shape(
    browser: Browser, server: StreamlitServer, lang: Language
) -> None:
    pdf = downloaded_pdf(browser, server, lang, {"a": ANSWERED})

    assert pdf.name.endswith(f"-{lang}.pdf"), pdf.name
    found = shapes(pdf.data)
    assert len(found["a"]) == 1, f"partner A's answers make one radar shape: {found['a']}"
    assert found["b"] == set(), f"partner B answered nothing, yet the PDF draws: {found['b']}"


def test_the_pdf_of_two_partners_has_both_radar_shapes(
    browser: Browser, server: StreamlitServer
) -> None:
    """The reading above sees partner B's shape when B has answered (three needs here)."""
    partner_b: dict[str, int] = {
        dim: value for dim, value in zip(DIMENSION_IDS[:3], (1, 7, 4), strict=True)
    }
    pdf = downloaded_pdf(browser, server, "en", {"a": ANSWERED, "b": partner_b})

    found = shapes(pdf.data)
    assert len(found["a"]) == 1 and len(found["b"]) == 1, found
