"""Shared fixtures: the people who use Contested, as test clients."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from claims.roles import EDITOR, REPORTER, sync_roles
from tests.factories import UserFactory
from tests.ledger import build_ledger

# The longest tests (schemathesis against a live server, the newsroom-day state machine: one to
# two minutes each) start first: on two workers they then run beside the rest of the suite, not
# alone at its end.
LONG_RUNNING = (
    "tests/production/test_schema_live.py",
    "tests/workflow/test_every_face_keeps_the_public_true.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(LONG_RUNNING))


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """Hash the tests' passwords with a cheap hasher: the production hasher (PBKDF2, a third of
    a second a password on purpose) is Django's, and each account made would pay it. The live
    servers in tests/production keep the production settings."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _generous_site_search_budget(settings):
    """The public site's search is throttled per address (``SITE_SEARCH_RATE``), and every test
    client comes from 127.0.0.1: a budget no test reaches by accident, unless it sets its own."""
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {
        **rest["DEFAULT_THROTTLE_RATES"],
        "site-search": "10000/minute",
    }
    settings.REST_FRAMEWORK = rest


@pytest.fixture
def reader(client: Client) -> Client:
    """An anonymous member of the public."""
    return client


def _member_of(group: str, username: str):
    # The groups come from a migration; a transactional test's flush removes them, so make sure.
    sync_roles()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor_user(db):
    """A staff member of the Editor group: every newsroom permission, and publishing."""
    return _member_of(EDITOR, "editor")


@pytest.fixture
def editor(editor_user) -> Client:
    client = Client()
    client.force_login(editor_user)
    return client


@pytest.fixture
def reporter_user(db):
    """A staff member of the Reporter group: drafts, but no publishing, verdicts or deletions."""
    return _member_of(REPORTER, "reporter")


@pytest.fixture
def reporter(reporter_user) -> Client:
    client = Client()
    client.force_login(reporter_user)
    return client


@pytest.fixture
def ledger(db):
    """The shared story (``tests/ledger.py``): public claims with a draft hidden among them."""
    return build_ledger()


@pytest.fixture
def djibo_actors(db):
    """The Djibo story's parties, as a newsroom already has them: the Burkinabe army (with the
    alias a wire uses), JNIM and Human Rights Watch."""
    from tests.factories import ActorAliasFactory, ActorFactory

    army = ActorFactory(name="Forces armées burkinabè", slug="fab")
    ActorAliasFactory(actor=army, name="Burkinabe army")
    ActorFactory(name="JNIM", slug="jnim")
    ActorFactory(name="Human Rights Watch", slug="hrw")
