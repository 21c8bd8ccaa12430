from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from careleavers.core.urls_for_many import url_for_each


@pytest.mark.parametrize("pk", [1, 7, 42, 100_000, 2_147_483_647])
def test_each_url_is_the_one_reverse_gives(pk: int) -> None:
    decide = url_for_each("plans:plan_decide", "plan_pk")
    assert decide(pk) == reverse("plans:plan_decide", kwargs={"plan_pk": pk})


def test_other_parts_of_the_url_are_fixed_once() -> None:
    detail = url_for_each("accommodation:application_detail", "application_pk", pk=5)
    assert detail(9) == reverse(
        "accommodation:application_detail", kwargs={"pk": 5, "application_pk": 9}
    )


def test_only_whole_numbers_go_into_a_url() -> None:
    decide = url_for_each("plans:plan_decide", "plan_pk")
    with pytest.raises(ValueError, match="invalid literal"):
        decide("1/../../admin")  # type: ignore[arg-type]


def test_two_values_go_in_their_own_places() -> None:
    review = url_for_each("quality:oversight_review", "pk", "entry_pk")
    assert review(12, 345) == reverse(
        "quality:oversight_review", kwargs={"pk": 12, "entry_pk": 345}
    )
    # Named the other way round, given the other way round.
    backwards = url_for_each("quality:oversight_review", "entry_pk", "pk")
    assert backwards(345, 12) == review(12, 345)


def test_a_url_needs_as_many_values_as_it_has_parts_that_vary() -> None:
    review = url_for_each("quality:oversight_review", "pk", "entry_pk")
    with pytest.raises(TypeError):
        review(12)


def test_a_part_the_url_does_not_hold_is_refused() -> None:
    with pytest.raises(NoReverseMatch):
        url_for_each("plans:plan_decide", "plan_pk", "nonsense")
