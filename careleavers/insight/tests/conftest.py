"""The known council (tests/factories.py), for every test that counts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from careleavers.insight.tests.factories import build_known_council


@pytest.fixture
def known(db: None) -> SimpleNamespace:
    return build_known_council()
