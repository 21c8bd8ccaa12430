"""Fixtures every app's tests share: users by role and signed-in clients."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from careleavers.accounts.roles import Role
from careleavers.accounts.tests.factories import TeamFactory, UserFactory, team_manager_of

# CI machines are small and shared: time limits on examples would fail tests for the machine's
# load, not for the code. Hypothesis still searches the same space.
hypothesis_settings.register_profile(
    "careleavers", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("careleavers")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """On PostgreSQL, test databases are copies of one migrated template (tests/db_template.py)
    instead of each running every migration."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.postgresql":
        from tests.db_template import migrated_template

        database.setdefault("TEST", {})["TEMPLATE"] = migrated_template(database)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """The test database, with the audit log's TRUNCATE trigger switched off in it alone
    (`allow_emptying_between_tests`)."""
    from tests.db_template import allow_emptying_between_tests

    with django_db_blocker.unblock():
        allow_emptying_between_tests()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _files_in_a_temporary_folder(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Files the service keeps (subject access packs, exports made in the background) go to the
    # default storage: keep them out of the repository.
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True)
def _force_login_is_a_completed_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """`force_login` stands for a finished sign-in, second factor included (see
    careleavers/accounts/tests/sessions.py); sign-in tests use the real pages."""
    from careleavers.accounts.tests.sessions import record_completed_sign_in

    original = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        original(self, user, backend)
        record_completed_sign_in(self.session, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(scope="session")
def ssda903_validator() -> None:
    """The 903 validator's own environment, as a council's set-up makes it (scripts/test does
    this before the tests; here for a pytest run on its own). Nothing installs it at run time."""
    from django.core.management import call_command

    call_command("prepare_ssda903_validator", stdout=io.StringIO())


@pytest.fixture
def team(db: None) -> Any:
    return TeamFactory()


@pytest.fixture
def manager(team: Any) -> Any:
    """The team's manager (a test module may define its own: a manager of no team, say)."""
    user = team_manager_of(team)
    user.role_names  # noqa: B018 - load the roles now, as a request would
    return user


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(*roles: Role, **fields: Any) -> Any:
        return UserFactory(roles=[str(role) for role in roles], **fields)

    return make


@pytest.fixture
def client_for(make_user: Callable[..., Any]) -> Callable[..., Client]:
    """A test client signed in as a new user with the given roles (or as the user given)."""

    def make(*roles: Role, user: Any = None, **fields: Any) -> Client:
        client = Client()
        client.force_login(user or make_user(*roles, **fields))
        return client

    return make
