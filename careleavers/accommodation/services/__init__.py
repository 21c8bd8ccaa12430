"""Accommodation writes, one module for each thing recorded: stays and suitability (stays.py),
risk of homelessness (homelessness.py), Staying Put (staying_put.py), Staying Close
(staying_close.py), housing applications (housing_applications.py) and taster flat bookings
(taster_flats.py). What they share is in shared.py and manager_alerts.py.

Every service takes keyword arguments with the acting user first, runs in one transaction,
writes its AuditEvent in that transaction, and creates in-app notifications only after commit.
Bad input is refused with a `ValidationError` keyed by form field, and changes nothing.
Permissions are checked by the views (rules) before a service is called.
"""
