"""Real-browser tests: headless Chromium from the distribution, driven by Playwright.

They are skipped, saying why, where no Chromium is installed (``.ci/run`` installs
it); nothing here downloads a browser.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=FLAGS
        )
        yield browser
        await browser.close()
