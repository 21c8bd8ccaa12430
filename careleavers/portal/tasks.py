"""The portal's background tasks: every GOV.UK Notify message is sent from one (django-tasks; a
database queue run by `manage.py db_worker`), queued once the change it is about is committed.

A send that fails for a reason that may pass (Notify down, unreachable, or asking us to slow
down: `NotifyError.transient`) is tried again after a growing wait, `RETRY_AFTER`; once those
are used up, or at once for a refusal that would only be repeated, the failure is recorded
where staff see it (each service's `*_deliver` says where).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django_tasks import task

# The waits before the second, third and fourth attempts: about a quarter of an hour in all.
RETRY_AFTER = (
    datetime.timedelta(seconds=30),
    datetime.timedelta(minutes=2),
    datetime.timedelta(minutes=10),
)


def retry_later(queued: Any, attempt: int, *args: Any) -> bool:
    """Queue `queued` again as attempt `attempt + 1`, after its wait; False when every attempt
    has been used. A backend that cannot wait (the tests' immediate one) tries at once."""
    if attempt > len(RETRY_AFTER):
        return False
    if queued.get_backend().supports_defer:
        queued = queued.using(run_after=timezone.now() + RETRY_AFTER[attempt - 1])
    queued.enqueue(*args, attempt + 1)
    return True


@task()
def invitation_send_task(
    invitation_id: int, sealed_link: str, worker_name: str, attempt: int = 1
) -> None:
    """Send a young person their invitation (services.invitation_deliver)."""
    from careleavers.portal.services import invitation_deliver

    invitation_deliver(
        invitation_id=invitation_id,
        sealed_link=sealed_link,
        worker_name=worker_name,
        attempt=attempt,
    )


@task()
def duty_alert_send_task(
    acting_user_id: int | None, duty_alert_id: int, link_base: str, attempt: int = 1
) -> None:
    """Send a duty alert's texts and emails (services.duty_alert_send)."""
    from careleavers.portal.services import duty_alert_send

    duty_alert_send(
        acting_user_id=acting_user_id,
        duty_alert_id=duty_alert_id,
        link_base=link_base,
        attempt=attempt,
    )


@task()
def request_answered_send_task(
    request_id: int, worker_name: str, link_base: str, attempt: int = 1
) -> None:
    """Tell a young person their request has an answer (services.request_answered_deliver)."""
    from careleavers.portal.services import request_answered_deliver

    request_answered_deliver(
        request_id=request_id, worker_name=worker_name, link_base=link_base, attempt=attempt
    )


@task()
def sign_in_code_send_task(user_id: int, phone: str, sealed_code: str, attempt: int = 1) -> None:
    """Text a young person the code they asked for to sign in (services.sign_in_code_deliver)."""
    from careleavers.portal.services import sign_in_code_deliver

    sign_in_code_deliver(user_id=user_id, phone=phone, sealed_code=sealed_code, attempt=attempt)


@task()
def appointment_news_send_task(appointment_id: int, change: str, attempt: int = 1) -> None:
    """Tell a young person an appointment was booked, moved or cancelled, or remind them the
    day before (appointment_messages.appointment_news_deliver)."""
    from careleavers.portal.appointment_messages import appointment_news_deliver

    appointment_news_deliver(appointment_id=appointment_id, change=change, attempt=attempt)


@task()
def sign_in_phone_changed_send_task(user_id: int, old_phone: str, attempt: int = 1) -> None:
    """Tell the old number that the mobile a young person signs in with was changed
    (services.sign_in_phone_changed_deliver)."""
    from careleavers.portal.services import sign_in_phone_changed_deliver

    sign_in_phone_changed_deliver(user_id=user_id, old_phone=old_phone, attempt=attempt)
