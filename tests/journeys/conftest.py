"""Fixtures for browser journeys: Debian's chromium driven by Playwright against the
live server on the test database.

A journey takes a few lines::

    pytestmark = pytest.mark.browser

    def test_employee_reads_profile(phone):
        phone.login_as("staff")
        phone.nav("My profile")
        phone.see("Dewi Kasi")

``phone`` (360 x 740, touch) and ``desktop`` are ``Journey`` objects (see
``journey_kit.py``); every page they reach is checked with axe-core. When a journey
fails, a screenshot of the failing step is saved to ``artifacts/journeys/<test>.png``.

The browser is Debian's ``chromium`` (``make setup-test`` installs it with apt), never
a downloaded one; set ``KINERJA_CHROMIUM`` to use another executable.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.test import override_settings
from journey_kit import DESKTOP, PHONE, Journey
from playwright.sync_api import sync_playwright

# The machine may have no internet: these flags stop chromium's own background traffic
# (updates, sync, field trials), which would otherwise retry refused connections.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
JOURNEYS_KEY = pytest.StashKey[list]()


def chromium_path() -> str:
    path = os.environ.get("KINERJA_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "Debian's chromium is not installed: run `make setup-test` (apt-get install "
            "chromium), or leave the browser journeys out with `-m 'not browser'`.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session", autouse=True)
def _live_server_static():
    """The live server lives for the whole session, so it is built before the per-test
    settings apply: give it their static-file settings (files found in the source tree,
    no collectstatic) from the start."""
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        yield


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, headless, for the whole session.

    Playwright's sync API keeps its event loop marked as running in this thread for as
    long as it lives, and Django refuses ORM calls from such a thread. Tests use the ORM
    only between browser steps, never during one, so the guard is lifted while the
    browser is up."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
        playwright.stop()


def _journey(request, browser, live_server, persona_password, *, label, options):
    # Indonesian is the default language; the browser asks for it as a user here would.
    # Reduced motion: axe must not judge a button mid-way through a fade after an htmx
    # swap (it would measure a half-transparent colour).
    context = browser.new_context(
        locale="id-ID", timezone_id="Asia/Jakarta", reduced_motion="reduce", **options
    )
    context.set_default_timeout(10_000)
    journey = Journey(
        context.new_page(),
        live_server.url,
        label,
        personas=lambda key: request.getfixturevalue("world").users[key],
        password=persona_password,
    )
    request.node.stash.setdefault(JOURNEYS_KEY, []).append(journey)
    yield journey
    try:
        failed = getattr(request.node, "journey_failed", False)
        if not failed:
            try:
                journey.finish()
            except AssertionError as error:
                path = _screenshot(request.node, journey)
                raise AssertionError(f"{error}\nScreenshot: {path}") from None
    finally:
        context.close()


@pytest.fixture
def phone(request, browser, live_server, persona_password):
    """A phone: 360 x 740 CSS pixels, touch, mobile layout."""
    yield from _journey(
        request, browser, live_server, persona_password, label="phone", options=PHONE
    )


@pytest.fixture
def desktop(request, browser, live_server, persona_password):
    yield from _journey(
        request, browser, live_server, persona_password, label="desktop", options=DESKTOP
    )


def _screenshot(item, journey: Journey) -> Path:
    journeys = item.stash.get(JOURNEYS_KEY, [])
    name = re.sub(r"[^\w.-]+", "_", item.name)
    if len(journeys) > 1:
        name = f"{name}-{journey.label}"
    folder = Path(item.config.rootpath) / "artifacts" / "journeys"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    journey.page.screenshot(path=path, full_page=True)
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.journey_failed = True
        for journey in item.stash.get(JOURNEYS_KEY, []):
            path = _screenshot(item, journey)
            report.sections.append(
                (
                    f"journey ({journey.label})",
                    f"failing step: {journey.step}\nat: {journey.page.url}\nscreenshot: {path}\n"
                    f"pages checked with axe-core before: {len(journey.checked)}",
                )
            )
    return report
