"""Which values in a subject access export may hold information about other people.

The right of access does not extend to other people's personal data (UK GDPR Art. 15(4); DPA
2018 Sch. 2 para 16), so before release someone checks each flagged value and redacts what
must be redacted, recording why. Nothing is removed here: values are flagged, and listed in
the summary's checklist, by these rules:

- free text (text fields, long character fields and JSON) may mention anyone;
- a field whose name says it holds other people (a caller, carers, a landlord, a
  representative, "who", an owner, a chair, an actor) names them;
- a member of staff who is not one of the young person's own workers (ever allocated) is
  named by any user field: managers and others acting in a professional role are usually
  disclosed, but someone must decide;
- an IP address identifies a member of staff's device;
- a row a worker marked as holding third-party information (a true "third party" flag, such
  as a case note's `contains_third_party_information`) is flagged on that column.
"""

from __future__ import annotations

from django.db import models

FREE_TEXT = "free text, which may mention other people"
NAMES_OTHERS = "names or describes other people"
OTHER_STAFF = "names a member of staff who is not one of their workers"
DEVICE = "identifies another person's device"
MARKED = "a worker marked this record as holding other people's information"

CHECK_COLUMN = "Check for third-party information before release"

# Character fields this long or longer are treated as free text.
LONG_TEXT_MIN_LENGTH = 150
# Words in a field's name that say it holds someone other than the young person.
OTHER_PEOPLE_WORDS = frozenset(
    {
        "actor",
        "attendee",
        "attendees",
        "caller",
        "carer",
        "carers",
        "chair",
        "contacted",
        "family",
        "friend",
        "friends",
        "landlord",
        "owner",
        "parent",
        "parents",
        "partner",
        "professional",
        "professionals",
        "referrer",
        "representative",
        "sibling",
        "siblings",
        "third",
        "who",
    }
)


def field_check_reason(field: models.Field) -> str | None:  # type: ignore[type-arg]
    """Why every non-empty value of this field needs checking before release, or None.

    User fields are judged value by value (see `user_check_reason`), not here.
    """
    words = set(field.name.lower().split("_"))
    if isinstance(field, models.GenericIPAddressField):
        return DEVICE
    if field.is_relation:
        return None
    if isinstance(field, (models.TextField, models.JSONField)):
        return NAMES_OTHERS if words & OTHER_PEOPLE_WORDS else FREE_TEXT
    if isinstance(field, models.CharField) and not field.choices:
        if field.name == "name" or words & OTHER_PEOPLE_WORDS:
            return NAMES_OTHERS
        if field.max_length is not None and field.max_length >= LONG_TEXT_MIN_LENGTH:
            return FREE_TEXT
    return None


def marks_third_party(field: models.Field) -> bool:  # type: ignore[type-arg]
    """A yes/no field by which a worker says the record holds other people's information."""
    return isinstance(field, models.BooleanField) and "third_party" in field.name.lower()


def user_check_reason(user_id: int | None, worker_ids: frozenset[int]) -> str | None:
    """A user field names someone other than the young person's own workers."""
    if user_id is None or user_id in worker_ids:
        return None
    return OTHER_STAFF


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (dict, list)):
        return not value
    return False
