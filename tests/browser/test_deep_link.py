"""A link to a section, as the very first request a fresh server sees, shows the whole app.

Streamlit reads a folder named ``pages/`` next to the main script as the legacy page list even
when the app uses ``st.navigation``. Measured here with the pages folder renamed to ``pages/``:
on a fresh server, ``/<file stem>`` (e.g. ``/distance``, ``/meta_emotion``) ran that file alone
(no notice, no language switch, no names, the file list as navigation), for every new session
until some session ran ``app.py``. Hence the guard at the end of this file.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from emotions.dimensions import SECTION_IDS
from emotions.i18n import section_text, t
from tests.browser.kit import REPO, StreamlitServer, wait_idle

pytestmark = pytest.mark.browser

URL_PATHS = {*SECTION_IDS, "workbook", "turns", "room", "join", "about"}


@pytest.mark.parametrize("section", ["meta-emotion", "rebuilding"])
def test_first_request_to_a_section_shows_the_whole_app(
    page: Page, fresh_server: Callable[..., StreamlitServer], section: str
) -> None:
    server = fresh_server()  # nothing but /_stcore/health has been asked of it

    page.goto(f"{server.url}/{section}")
    main = page.locator('[data-testid="stMain"]')
    expect(main.locator("h1").first).to_have_text(section_text(section, "en")[0])
    wait_idle(page)

    assert page.url == f"{server.url}/{section}"
    expect(main).to_contain_text("not therapy")  # app.py's frame ran around the page
    expect(page.locator(".st-key-ui_lang")).to_be_visible()
    expect(page.locator(".st-key-name__a")).to_be_attached()
    nav = page.locator('[data-testid="stSidebarNav"]')
    more = nav.locator('[data-testid="stSidebarNavViewButton"]')
    if more.count() and "more" in more.inner_text():
        more.click()
    links = nav.locator('a[data-testid="stSidebarNavLink"]')
    expect(links).to_have_count(len(URL_PATHS))
    paths = {href.removeprefix(server.url).strip("/") for href in _hrefs(links)}
    assert paths == (URL_PATHS - {"introduction"}) | {""}, "the default page is served at /"
    expect(nav).to_contain_text(t(f"section.{section}.title", "en"))


def _hrefs(links) -> list[str]:  # type: ignore[no-untyped-def]
    return [links.nth(i).get_attribute("href") or "" for i in range(links.count())]


def test_no_legacy_pages_folder() -> None:
    """A ``pages/`` folder beside app.py would make deep links run pages without the app's frame."""
    assert not (REPO / "pages").exists(), (
        "rename pages/: Streamlit treats it as the legacy page list (see this module's docstring)"
    )
