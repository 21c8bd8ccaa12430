"""The one way to open a page about a young person: the `record_page` decorator.

Every view that shows part of a young person's record, in any app, is declared with it once:

    @record_page("contacts", permission="casework.view_contacts")
    def contact_list(request, young_person): ...

    @record_page("pathway plan", permission="plans.view_plans", subject=PLAN, tab="plans")
    def plan_detail(request, plan): ...

and the decorator does, in this order and for every method:

1. Answers 405 (with an Allow header) to a method the page does not declare. GET pages also
   answer HEAD; POST is declared only by pages with a form; OPTIONS by none. Nothing is read.
2. Loads what the URL names (the young person, or a plan, contact, audit... and its young
   person): 404 if there is none or the record is archived.
3. Checks the young person's visibility and restriction (`people.view_youngperson`) and then
   the page's permission on what was loaded, through `rules` itself: `user.has_perm` says yes
   to every superuser, and an administrator (a Django superuser) must see no one's record.
   A refusal is logged as `access_refused` against the record before the 403, and so is a
   PermissionDenied raised by the view itself (a second check for a POST).
4. Calls the view with what was loaded, and puts the record frame (banner and tabs,
   record_frame.py) on the request for the page layout to show. The answer may not be cached.
5. Writes exactly one audit event per request that renders the record. A response with
   content (200) is a read: it is logged as a `view` unless the request has already written
   an event about this young person (a print, a download, a change whose form is shown
   again): that event is the request's record of the read. A redirect after a service call
   is audited by the service; a refusal by step 3; a 404 or 405 shows nothing.

Every declared page is kept in a registry (`declared_pages`), which the tests walk with every
method and role, so a new page cannot escape the audit.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from operator import attrgetter
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.utils.cache import add_never_cache_headers

from careleavers.core.http import SignedInRequest
from careleavers.core.models import AuditEvent
from careleavers.core.permissions import can
from careleavers.people.models import YoungPerson
from careleavers.people.record_frame import RecordFrame
from careleavers.people.selectors import young_person_for_record
from careleavers.people.services import record_access_refused, record_viewed

VIEW = "people.view_youngperson"
CHANGE = "people.change_youngperson"
# The methods of a page with a form: GET (and HEAD) show it, POST sends it.
FORM = ("GET", "POST")

RecordView = Callable[..., HttpResponse]


@dataclass(frozen=True)
class RecordSubject:
    """What a page's URL names, and how to reach the young person from it.

    `load` is called with the URL's `kwarg` argument (and any named in `also`) and returns the
    object, raising Http404 if there is none; the view receives the object in place of `kwarg`,
    and the URL's other arguments. Object-level rules (`plans.view_plans` on a plan,
    `casework.view_contact` on a contact) take the object as it is.
    """

    kwarg: str
    load: Callable[..., Any]
    young_person_of: Callable[[Any], YoungPerson] = attrgetter("young_person")
    # Some rules take the young person even on a page keyed by another object (a subject
    # access request is checked with `dataprotection.manage_subject_access` on the person).
    permission_on_young_person: bool = False
    # Other URL arguments `load` needs by name (an EET panel's case is found within its
    # meeting); the view receives them too.
    also: tuple[str, ...] = ()


def _load_young_person(pk: int) -> YoungPerson:
    return young_person_for_record(pk=pk)


def _itself(young_person: YoungPerson) -> YoungPerson:
    return young_person


# Most pages: /young-people/<pk>/..., the view receives the young person.
YOUNG_PERSON = RecordSubject(kwarg="pk", load=_load_young_person, young_person_of=_itself)


def subject(
    kwarg: str,
    load: Callable[..., Any],
    young_person_of: Callable[[Any], YoungPerson] = attrgetter("young_person"),
    *,
    permission_on_young_person: bool = False,
    also: tuple[str, ...] = (),
) -> RecordSubject:
    """A page keyed by another object: `load(url_kwargs[kwarg])` returns it (or raises
    Http404), and `young_person_of` finds whose record it is part of."""
    return RecordSubject(kwarg, load, young_person_of, permission_on_young_person, also)


@dataclass(frozen=True)
class RecordPage:
    """One declared page: what the audit log calls it and how it may be opened."""

    key: str
    permission: str
    methods: frozenset[str]
    subject: RecordSubject
    tab: str
    view: RecordView


_declared: dict[Any, RecordPage] = {}


def declared_pages() -> list[RecordPage]:
    return list(_declared.values())


def declaration_of(view: Any) -> RecordPage | None:
    """The declaration behind a URL pattern's callback, or None if it is not a record page."""
    return _declared.get(view)


def _allowed(methods: Iterable[str]) -> frozenset[str]:
    allowed = {method.upper() for method in methods}
    unknown = allowed - {"GET", "HEAD", "POST"}
    if unknown:
        raise ValueError(f"A record page cannot declare {', '.join(sorted(unknown))}")
    if "GET" in allowed:
        allowed.add("HEAD")
    return frozenset(allowed)


def record_page(
    key: str,
    *,
    permission: str = VIEW,
    methods: Iterable[str] = ("GET",),
    subject: RecordSubject = YOUNG_PERSON,
    tab: str = "",
) -> Callable[[RecordView], RecordView]:
    """Declare a page of a young person's record (see the module's docstring).

    `key` names the page in the audit log; `permission` is checked on what `subject` loads
    (the young person unless said otherwise); `methods` are those the page answers (GET alone
    unless it has a form); `tab` is the record tab the page belongs to, when its URL does not
    say (pages under /plans/<id>/ belong to "plans").
    """
    allowed = _allowed(methods)

    def decorator(view: RecordView) -> RecordView:
        @wraps(view)
        def wrapper(request: SignedInRequest, **kwargs: Any) -> HttpResponse:
            if request.method not in allowed:
                return HttpResponseNotAllowed(sorted(allowed))
            obj = subject.load(
                kwargs.pop(subject.kwarg), **{name: kwargs[name] for name in subject.also}
            )
            young_person = subject.young_person_of(obj)
            if young_person is None or young_person.is_archived:
                raise Http404("No such record")
            user = request.user
            checked = young_person if subject.permission_on_young_person else obj
            if not (
                can(user, VIEW, young_person)
                and (
                    permission == VIEW
                    and checked is young_person
                    or can(user, permission, checked)
                )
            ):
                record_access_refused(acting_user=user, young_person=young_person, page=key)
                raise PermissionDenied
            request.record_frame = RecordFrame(  # type: ignore[attr-defined]
                young_person=young_person, user=user, path=request.path, tab=tab
            )
            response = audited_read(
                request, young_person, key, lambda: view(request, obj, **kwargs)
            )
            # Kept by no browser or proxy: a page read again from a cache would not be logged,
            # and could be read by whoever next uses a shared computer. (A download that says
            # how it may be kept, "no-store", already says so.)
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response

        _declared[wrapper] = RecordPage(
            key=key,
            permission=permission,
            methods=allowed,
            subject=subject,
            tab=tab,
            view=view,
        )
        return wrapper

    return decorator


# One audit event per read ----------------------------------------------------------------------


def audited_read(
    request: SignedInRequest,
    young_person: YoungPerson,
    key: str,
    render: Callable[[], HttpResponse],
) -> HttpResponse:
    """Run `render` and make sure a response with content (200) leaves exactly one audit event
    about the young person: a `view` event, unless the request has already written one (a
    print, a download, a change). A refusal from inside the view is logged as one. The young
    person's own pages (the portal) use it too."""
    with _events_written() as written:
        try:
            response = render()
        except PermissionDenied:
            # A check inside the view (a second permission for a POST, or on a part of the
            # record) refused: logged like the decorator's own refusals, unless it logged.
            if not _wrote_about(written, young_person):
                record_access_refused(
                    acting_user=request.user, young_person=young_person, page=key
                )
            raise
    if response.status_code == 200 and not _wrote_about(written, young_person):
        record_viewed(acting_user=request.user, young_person=young_person, page=key)
    return response


# What the request wrote ------------------------------------------------------------------------
#
# A view's own service may write the request's audit event (a print, a download). The
# decorator notes every event written while the view runs, and writes a view event only if
# none of them is about this young person and still stored (a service that was refused rolls
# its event back with its transaction).

_written: contextvars.ContextVar[list[tuple[int, int | None]] | None] = contextvars.ContextVar(
    "record_page_events_written", default=None
)


@contextmanager
def _events_written() -> Iterator[list[tuple[int, int | None]]]:
    written: list[tuple[int, int | None]] = []
    token = _written.set(written)
    try:
        yield written
    finally:
        _written.reset(token)


def _note_event(sender: Any, instance: AuditEvent, created: bool, **kwargs: Any) -> None:
    written = _written.get()
    if created and written is not None:
        written.append((instance.pk, instance.young_person_id))


post_save.connect(_note_event, sender=AuditEvent, dispatch_uid="record_page_events_written")


def _wrote_about(written: list[tuple[int, int | None]], young_person: YoungPerson) -> bool:
    ids = [pk for pk, young_person_id in written if young_person_id == young_person.pk]
    return bool(ids) and AuditEvent.objects.filter(pk__in=ids).exists()
