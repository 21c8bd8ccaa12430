"""A page's cost in queries, checked not to grow with the rows it shows (an N+1 query would)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def costs_the_same_with_more(
    client: Client,
    url: str,
    add_more: Callable[[], None],
    django_assert_num_queries: Any,
) -> tuple[Any, Any]:
    """Get `url` once so that the session and MFA check settle, count the queries of a second
    get, call `add_more` and assert that a third get makes exactly as many queries.

    Returns the second and third responses, for the test to check what each page showed."""
    client.get(url)
    with CaptureQueriesContext(connection) as counted:
        before = client.get(url)
    add_more()
    with django_assert_num_queries(len(counted.captured_queries)):
        after = client.get(url)
    return before, after
