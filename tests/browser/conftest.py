"""Fixtures of the real-browser tests: one shared streamlit server, fresh servers on demand,
Debian's Chromium (never `playwright install`), a new browser context per test whose every request
is recorded in ``network``. A failing test leaves a screenshot in ``test-artifacts/``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    expect,
)

from tests.browser.kit import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    NetworkLog,
    StreamlitServer,
    start_server,
)

# Assertions wait up to 20 s (Playwright's default is 5 s): on a busy 2-core CI machine a rerun
# after a reload can take longer than 5 s, and a wait that is too short fails a correct app.
expect.set_options(timeout=20_000)


@pytest.fixture(scope="session")
def server() -> Iterator[StreamlitServer]:
    """The app served once for every test that does not need a server of its own."""
    srv = start_server()
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server() -> Iterator[Callable[..., StreamlitServer]]:
    """Start servers of the test's own: ``fresh_server(**start_server_kwargs)``; stopped after."""
    started: list[StreamlitServer] = []

    def start(**kwargs: object) -> StreamlitServer:
        srv = start_server(**kwargs)  # type: ignore[arg-type]
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield b
    b.close()


@pytest.fixture
def contexts(browser: Browser) -> Iterator[Callable[[], BrowserContext]]:
    """More browsers at once: ``contexts()`` opens a new context (its own cookies and storage);
    each is closed after the test."""
    made: list[BrowserContext] = []

    def new() -> BrowserContext:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
        ctx.set_default_timeout(30_000)
        made.append(ctx)
        return ctx

    yield new
    for ctx in made:
        ctx.close()


@pytest.fixture
def network() -> NetworkLog:
    return NetworkLog()


@pytest.fixture
def context_options() -> dict[str, object]:
    """Options of each test's browser context; override this fixture to change the locale."""
    return {"viewport": {"width": 1280, "height": 900}, "locale": "en-US"}


@pytest.fixture
def context(
    browser: Browser, context_options: dict[str, object], network: NetworkLog
) -> Iterator[BrowserContext]:
    ctx = browser.new_context(**context_options)  # type: ignore[arg-type]
    ctx.set_default_timeout(30_000)
    ctx.on("request", lambda request: network.urls.append(request.url))
    yield ctx
    ctx.close()


@pytest.fixture
def page(
    context: BrowserContext, network: NetworkLog, request: pytest.FixtureRequest
) -> Iterator[Page]:
    p = context.new_page()
    p.on("websocket", lambda ws: network.urls.append(ws.url))
    yield p
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and not p.is_closed():
        # a failure screenshot must never hide the real failure
        with contextlib.suppress(Exception):
            p.screenshot(path=str(ARTIFACTS / f"failed-{_safe(request.node.name)}.png"))


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
