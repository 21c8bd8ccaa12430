"""Sealing an invitation link while it waits in the task queue.

The link holds the invitation's secret, which the service never stores (only its hash). The
task that sends it waits in the database queue (django-tasks), whose rows outlive the send, so
the link goes there encrypted (Fernet, from `cryptography`) with a key derived from SECRET_KEY:
someone who can read the database but not the settings cannot open it.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from django.utils.crypto import salted_hmac

__all__ = ["InvalidToken", "seal", "unseal"]


def _fernet() -> Fernet:
    key = salted_hmac("careleavers.portal.sealing", "sealed invitation link", algorithm="sha256")
    return Fernet(base64.urlsafe_b64encode(key.digest()))


def seal(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def unseal(sealed: str) -> str:
    """The sealed text; InvalidToken when it was not sealed with this SECRET_KEY."""
    return _fernet().decrypt(sealed.encode()).decode()
