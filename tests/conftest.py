"""Fixtures shared by every folder of tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Playwright, sync_playwright


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright for the whole run: its Sync API allows a single instance per thread, and
    both tests/browser and tests/deploy drive Chromium."""
    with sync_playwright() as pw:
        yield pw
