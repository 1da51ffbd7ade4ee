"""The browser tests' fixtures (Debian's chromium through Playwright, axe-core), shared with
``tests/browser``; and every test starts and ends in English."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from tests.browser.conftest import axe, browser, demo, page, phone  # noqa: F401


@pytest.fixture(autouse=True)
def english_around_each_test():
    """A request to a prefixed page leaves its language active in the test's thread (Django's
    LocaleMiddleware activates it and nothing puts the default back): start each test in
    English, and leave English for the next test on this worker, wherever it lives."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
