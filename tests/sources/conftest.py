"""The fetcher's tests talk to a real HTTP server on this machine (pytest-httpserver), which the
fetcher may reach only because each test allows that one address and port."""

from __future__ import annotations

import pytest
from django.core.files.storage import FileSystemStorage

from sources.models import Capture


@pytest.fixture
def allow_local(settings, httpserver):
    """Let the fetcher reach the tests' own server, and only it."""
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = [f"127.0.0.1:{httpserver.port}"]
    return httpserver


@pytest.fixture
def capture_dir(tmp_path, monkeypatch):
    """Captures written to a folder of the test's own."""
    storage = FileSystemStorage(location=tmp_path / "captures")
    monkeypatch.setattr(Capture._meta.get_field("warc"), "storage", storage)
    return tmp_path / "captures"


@pytest.fixture
def server(allow_local, capture_dir):
    return allow_local
