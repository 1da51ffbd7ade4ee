"""The check that the catalogues are complete, current and compiled (``manage.py
check_translations``) fails on a message left untranslated. The check itself on the catalogues
is ``make lint``'s (run once per CI run, not again here)."""

from __future__ import annotations

import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="gettext is not installed (.ci/run installs it)"
)


@needs_gettext
def test_the_check_fails_on_an_untranslated_message(tmp_path, settings):
    shutil.copytree(settings.LOCALE_PATHS[0], tmp_path / "locale")
    po_path = tmp_path / "locale/fr/LC_MESSAGES/django.po"
    catalogue = polib.pofile(str(po_path))
    catalogue.find("Who says what").msgstr = ""
    catalogue.save()
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    with pytest.raises(CommandError, match="untranslated: 'Who says what'"):
        call_command("check_translations")


def test_french_and_arabic_have_their_plural_rules():
    for code, plurals in (("fr", "nplurals=2"), ("ar", "nplurals=6")):
        path = f"{settings.LOCALE_PATHS[0]}/{code}/LC_MESSAGES/django.po"
        assert polib.pofile(path).metadata["Plural-Forms"].startswith(plurals)
