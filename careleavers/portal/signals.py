"""The portal's part when a young person's sign-in address changes: their workers are told."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from careleavers.accounts.services import sign_in_email_changed
from careleavers.casework.services import current_worker_ids, notify_on_commit, young_person_url
from careleavers.portal.selectors import account_for_user


@receiver(sign_in_email_changed)
def tell_workers_of_a_new_sign_in_address(
    sender: Any, user: Any, old_email: str, new_email: str, **kwargs: Any
) -> None:
    account = account_for_user(user)
    if account is None:
        return
    young_person = account.young_person
    message = (
        f"{young_person.display_name} changed the email address they sign in with, from "
        f"{old_email} to {new_email}. If they did not mean to, help them secure their account."
    )
    notify_on_commit(
        recipient_ids=current_worker_ids(young_person_id=young_person.pk),
        young_person_id=young_person.pk,
        kind="portal_email_changed",
        message=message,
        link=young_person_url(young_person),
    )
