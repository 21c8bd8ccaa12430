"""The young person's pages, the invitation link, and the staff pages about accounts and requests.

Young person's pages use `portal_page`: it refuses anyone who is not a young person with an
account link (staff get 403), finds the young person from the signed-in user (never from the
URL), marks the page not to be cached (phones are shared), and logs every page viewed in the
audit log. Any id in a URL is looked up within the young person's own records.

Views are thin: they parse the form, call one service or selector, and render.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from careleavers.accounts.sessions import keep_signed_in_choose
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.http import SignedInRequest
from careleavers.core.kept_words import form_for, keeps_words
from careleavers.core.permissions import can, require
from careleavers.people.models import YoungPerson
from careleavers.people.record_page import FORM, audited_read, record_page, subject
from careleavers.people.services import StaleEdit
from careleavers.portal import forms, notify, presenters, selectors, services
from careleavers.portal.language import is_offered, language_choose, young_persons_language
from careleavers.portal.models import InvitationMethod, RequestKind, YoungPersonRequest
from careleavers.portal.selectors import InvitationProblem
from careleavers.portal.signin import sign_in_code_start

PortalView = Callable[..., HttpResponse]
Service = Callable[..., Any]
# The newest "you said, we did" shown on the young person's "Your say" page.
YOU_SAID_SHOWN = 10

# The young person's pages, in the order of the menu: (key, words, URL name).
MENU = (
    ("home", gettext_lazy("Home"), "portal:home"),
    ("plan", gettext_lazy("My plan"), "portal:plan"),
    ("entitlements", gettext_lazy("What I can get"), "portal:entitlements"),
    ("money", gettext_lazy("My money"), "portal:money"),
    ("documents", gettext_lazy("My documents"), "portal:documents"),
    ("appointments", gettext_lazy("My appointments"), "portal:appointments"),
    ("my_say", gettext_lazy("My say"), "portal:my_say"),
    ("about_me", gettext_lazy("About me"), "portal:about_me"),
    ("support_again", gettext_lazy("From 21 to 25"), "portal:support_again"),
    ("requests", gettext_lazy("What I have asked for"), "portal:requests"),
    ("account", gettext_lazy("My account"), "portal:account"),
)


def portal_page(page: str) -> Callable[[PortalView], PortalView]:
    """Only for a signed-in young person with an account; passes their record to the view and
    logs the page in the audit log (as "portal:<page>"), once per request as staff pages are
    (`audited_read`)."""

    def decorator(view: PortalView) -> PortalView:
        @wraps(view)
        def wrapper(request: SignedInRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            require(request.user, "portal.use_portal")
            # Read by the language middleware already, and kept on the request.
            account = selectors.live_account_on_request(request)
            if account is None:
                raise PermissionDenied
            young_person = account.young_person
            return audited_read(
                request,
                young_person,
                f"portal:{page}",
                lambda: view(request, young_person, *args, **kwargs),
            )

        return young_persons_language(wrapper)

    return decorator


def _render(
    request: SignedInRequest,
    young_person: YoungPerson,
    template: str,
    context: dict[str, Any] | None = None,
    *,
    page: str,
    back: bool = True,
) -> HttpResponse:
    menu = [
        {"text": text, "href": reverse(url_name), "active": key == page}
        for key, text, url_name in MENU
    ]
    return render(
        request,
        template,
        {
            "young_person": young_person,
            "first_name": young_person.preferred_name or young_person.first_name,
            "contacts": selectors.contacts_for(young_person=young_person),
            "portal_menu": menu,
            "back_href": reverse("portal:home") if back and page != "home" else "",
            "page": page,
            **(context or {}),
        },
    )


def _form(request: SignedInRequest, form_class: Any, **kwargs: Any) -> Any:
    """The young person's form: bound to what they sent, or, when their session ended as they
    sent it, filled in with the words kept for this page (core.kept_words)."""
    return form_for(request, form_class, **kwargs)


def _submit(form: Any, service: Callable[..., Any], **kwargs: Any) -> Any:
    """Call the service with the form's cleaned data; None when the form or service refused
    (the messages are then on the form)."""
    if not form.is_valid():
        return None
    try:
        return service(**kwargs, **form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def _submit_as_user(
    request: SignedInRequest, young_person: YoungPerson, form: Any, service: Service, **kwargs: Any
) -> Any:
    """`_submit`, the signed-in user acting on `young_person`'s record."""
    return _submit(form, service, acting_user=request.user, young_person=young_person, **kwargs)


def _sent(request: SignedInRequest, portal_request: Any, text: str) -> HttpResponse:
    messages.success(request, text)
    return redirect("portal:request_detail", pk=portal_request.pk)


def _ask_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    service: Callable[..., Any],
    service_kwargs: dict[str, Any],
    sent_text: str,
    page_text: dict[str, str],
    cancel_url_name: str,
    page: str,
) -> HttpResponse:
    """A young person's request to their adviser: one note, sent by `service`, then the
    request's page with `sent_text`; the form again, with its messages, if it was refused."""
    if request.method == "POST":
        sent = _submit_as_user(request, young_person, form, service, **service_kwargs)
        if sent is not None:
            return _sent(request, sent, sent_text)
    return _render(
        request,
        young_person,
        "portal/form_page.html",
        {"form": form, "cancel_href": reverse(cancel_url_name), **page_text},
        page=page,
    )


# Home -----------------------------------------------------------------------------------------


@portal_page("home")
def home(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/home.html",
        {"next_steps": presenters.whats_next(young_person)},
        page="home",
    )


# My plan --------------------------------------------------------------------------------------


def _plan_context(young_person: YoungPerson) -> dict[str, Any]:
    """The plan shared with them, as it reads now, for the plan page and its easy read."""
    from careleavers.plans.snapshots import plan_snapshot

    shared = selectors.shared_plan_for(young_person=young_person)
    snapshot = plan_snapshot(plan=shared) if shared else None
    return {
        "plan": shared,
        "snapshot": snapshot,
        "contents": presenters.plan_contents(snapshot) if snapshot else [],
        "newer_waiting": selectors.newer_plan_waiting(young_person=young_person, shared=shared),
        "review_asked": selectors.open_request_about(
            young_person=young_person, kind=RequestKind.REVIEW, about_key="plan"
        ),
    }


@portal_page("plan")
def plan(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request, young_person, "portal/plan.html", _plan_context(young_person), page="plan"
    )


@portal_page("plan_easy_read")
def plan_easy_read(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """The same plan in easy read: short sentences, large text, a picture beside each point."""
    context = _plan_context(young_person)
    snapshot = context["snapshot"]
    context["easy_read"] = presenters.easy_read_plan(snapshot) if snapshot else None
    return _render(request, young_person, "portal/plan_easy_read.html", context, page="plan")


@portal_page("plan_pdf")
def plan_pdf(request: SignedInRequest, young_person: YoungPerson, plan_pk: int) -> HttpResponse:
    from careleavers.plans.pdf import Preparing
    from careleavers.plans.services import plan_print

    shared = selectors.own_shared_plan(young_person=young_person, pk=plan_pk)
    pdf = plan_print(acting_user=request.user, plan=shared, again="again" in request.GET)
    if isinstance(pdf, Preparing):
        # Laid out in the background: this page refreshes itself until it downloads.
        return _render(
            request,
            young_person,
            "portal/plan_pdf_preparing.html",
            {
                "plan": shared,
                "preparing": pdf,
                "refresh_seconds": None if pdf.failed else 2,
            },
            page="plan",
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    # Inline, so a phone opens the plan to read straight away rather than filing it in
    # downloads; the filename is kept for when they choose to save it.
    response["Content-Disposition"] = f'inline; filename="my-pathway-plan-{shared.number}.pdf"'
    return response


@portal_page("plan_review")
def plan_review(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = _form(
        request,
        forms.NoteForm,
        label=_("Why do you want a review? (optional)"),
        hint=_("For example, something has changed, or part of your plan is not working."),
    )
    return _ask_page(
        request,
        young_person,
        form,
        service=services.review_ask,
        service_kwargs={},
        sent_text=_(
            "We have told your personal adviser you want a review. They will arrange it with you."
        ),
        page_text={
            "title": _("Ask for a review of your plan"),
            "intro": _(
                "You can ask for a review of your pathway plan at any time. A review is a "
                "meeting with your personal adviser to look at your plan again and change it."
            ),
            "button_text": _("Ask for a review"),
        },
        cancel_url_name="portal:plan",
        page="plan",
    )


# What I can get -------------------------------------------------------------------------------


@portal_page("entitlements")
def entitlements(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/entitlements.html",
        presenters.statement_context(young_person),
        page="entitlements",
    )


@portal_page("entitlements_easy_read")
def entitlements_easy_read(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """The same offer in easy read: short sentences, large text, a picture beside each point."""
    return _render(
        request,
        young_person,
        "portal/entitlements_easy_read.html",
        presenters.easy_read_statement(young_person),
        page="entitlements",
    )


@portal_page("entitlement_ask")
def entitlement_ask(request: SignedInRequest, young_person: YoungPerson, key: str) -> HttpResponse:
    item = presenters.askable_item(young_person, key)
    if item is None:
        raise Http404("Not in their offer.")
    form = _form(
        request,
        forms.NoteForm,
        hint=_("For example, when you need it or what it is for."),
    )
    return _ask_page(
        request,
        young_person,
        form,
        service=services.offer_item_ask,
        service_kwargs={"key": key},
        sent_text=_("We have told your personal adviser you want: %(item)s.")
        % {"item": item.title},
        page_text={
            "title": _("Ask for: %(item)s") % {"item": item.title},
            "intro": item.summary,
            "button_text": _("Send to my adviser"),
        },
        cancel_url_name="portal:entitlements",
        page="entitlements",
    )


# My money -------------------------------------------------------------------------------------


@portal_page("money")
def money(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/money.html",
        presenters.money_context(young_person),
        page="money",
    )


# My documents ---------------------------------------------------------------------------------


@portal_page("documents")
def documents(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/documents.html",
        {"rows": presenters.document_rows(young_person)},
        page="documents",
    )


@portal_page("document_help")
def document_help(request: SignedInRequest, young_person: YoungPerson, kind: str) -> HttpResponse:
    from careleavers.offer.models import DocumentKind

    labels = {key: _(label) for key, label in DocumentKind.choices}
    if kind not in labels:
        raise Http404("No such document.")
    form = _form(
        request,
        forms.NoteForm,
        hint=_("For example, you lost it, or you do not know how to apply."),
    )
    return _ask_page(
        request,
        young_person,
        form,
        service=services.document_help_ask,
        service_kwargs={"kind": kind},
        sent_text=_("We have told your personal adviser you need help with: %(document)s.")
        % {"document": labels[kind]},
        page_text={
            "title": _("Get help with: %(document)s") % {"document": labels[kind]},
            "button_text": _("Ask for help"),
        },
        cancel_url_name="portal:documents",
        page="documents",
    )


# My appointments ------------------------------------------------------------------------------


@portal_page("appointments")
def appointments(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/appointments.html",
        {
            "appointments": selectors.appointments_for(young_person=young_person),
            "duty_phone": selectors.duty_phone_for(young_person),
            "today": timezone.localdate(),
        },
        page="appointments",
    )


# My say ---------------------------------------------------------------------------------------


@portal_page("my_say")
def my_say(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    from careleavers.quality.selectors import wellbeing_next_allowed_on, you_said_published

    today = timezone.localdate()
    next_on = wellbeing_next_allowed_on(young_person=young_person, today=today)
    return _render(
        request,
        young_person,
        "portal/my_say.html",
        {
            "who_reads": presenters.who_reads_feedback(young_person),
            "wellbeing_wait": presenters.next_wellbeing_words(next_on, today=today),
            "you_said": list(you_said_published()[:YOU_SAID_SHOWN]),
        },
        page="my_say",
    )


@keeps_words
@portal_page("agenda")
def agenda(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = _form(request, forms.AgendaForm)
    return _ask_page(
        request,
        young_person,
        form,
        service=services.agenda_add,
        service_kwargs={},
        sent_text=_("We have told your personal adviser what you want to talk about."),
        page_text={
            "title": _("What do you want to talk about?"),
            "intro": _(
                "Tell your personal adviser before your next visit or plan review, so there is "
                "time for what matters to you."
            ),
            "button_text": _("Send to my adviser"),
        },
        cancel_url_name="portal:my_say",
        page="my_say",
    )


@keeps_words
@portal_page("feedback")
def feedback(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = _form(request, forms.FeedbackForm)
    if request.method == "POST":
        given = _submit_as_user(request, young_person, form, services.feedback_give)
        if given is not None:
            if form.cleaned_data["send_as"] == forms.ANONYMOUS:
                sent = _(
                    "Thank you. We have sent it to the manager of your team, without your name."
                )
            else:
                sent = _("Thank you. We have sent it with your name. %(who_reads)s") % {
                    "who_reads": presenters.who_reads_feedback(young_person)
                }
            messages.success(request, sent)
            return redirect("portal:my_say")
    return _render(
        request,
        young_person,
        "portal/feedback.html",
        {
            "form": form,
            "who_reads": presenters.who_reads_feedback(young_person),
            "cancel_href": reverse("portal:my_say"),
        },
        page="my_say",
    )


@keeps_words
@portal_page("wellbeing")
def wellbeing(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    from careleavers.quality.selectors import wellbeing_next_allowed_on

    today = timezone.localdate()
    wait = presenters.next_wellbeing_words(
        wellbeing_next_allowed_on(young_person=young_person, today=today), today=today
    )
    form = _form(request, forms.WellbeingForm)
    if request.method == "POST" and not wait:
        given = _submit_as_user(request, young_person, form, services.wellbeing_give)
        if given is not None:
            return redirect("portal:wellbeing_done")
    return _render(
        request,
        young_person,
        "portal/wellbeing.html",
        {
            "form": form,
            "wait": wait,
            "who_reads": presenters.who_reads_feedback(young_person, what="them"),
            "cancel_href": reverse("portal:my_say"),
        },
        page="my_say",
    )


@portal_page("wellbeing_done")
def wellbeing_done(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """After the wellbeing check: thanks, and straight away the way to get help now when
    they said they do not always feel safe where they live."""
    from careleavers.quality.selectors import wellbeing_checks_for
    from careleavers.quality.wellbeing import says_not_safe

    latest = wellbeing_checks_for(young_person=young_person).first()
    if latest is None:
        return redirect("portal:wellbeing")
    now = timezone.now()
    not_safe = says_not_safe({"safe": latest.safe})
    return _render(
        request,
        young_person,
        "portal/wellbeing_done.html",
        {
            "not_safe": not_safe,
            "numbers": presenters.help_numbers(young_person, now=now) if not_safe else None,
            "who_reads": presenters.who_reads_feedback(young_person, what="them"),
        },
        page="my_say",
    )


@keeps_words
@portal_page("not_safe")
def not_safe(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = _form(request, forms.NotSafeForm, initial={"call_on": young_person.phone})
    if request.method == "POST":
        sent = _submit_as_user(
            request,
            young_person,
            form,
            services.not_safe_raise,
            link_base=request.build_absolute_uri("/"),
        )
        if sent is not None:
            return redirect("portal:request_detail", pk=sent.pk)
    now = timezone.now()
    return _render(
        request,
        young_person,
        "portal/not_safe.html",
        {
            "form": form,
            "numbers": presenters.help_numbers(young_person, now=now),
            "who_we_will_tell": presenters.who_we_will_tell(young_person, now=now),
        },
        page="not_safe",
    )


# About me -------------------------------------------------------------------------------------


@portal_page("about_me")
def about_me(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    from careleavers.people.selectors import about_me_for

    return _render(
        request,
        young_person,
        "portal/about_me.html",
        {
            "about_me": about_me_for(young_person=young_person),
            "change_asked": selectors.open_request_about(
                young_person=young_person, kind=RequestKind.ABOUT_ME_CHANGE, about_key="about_me"
            ),
        },
        page="about_me",
    )


@portal_page("about_me_agree")
@require_POST
def about_me_agree(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.AboutMeAgreeForm(request.POST)
    if not form.is_valid():
        return redirect("portal:about_me")
    try:
        services.about_me_agree(
            acting_user=request.user,
            young_person=young_person,
            version=form.cleaned_data["version"],
        )
    except StaleEdit:
        messages.error(
            request,
            _(
                "Your about me was changed after you opened it. Read it again, then tell us if "
                "you agree."
            ),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you. We have noted that you agree with your about me."))
    return redirect("portal:about_me")


@portal_page("about_me_write")
def about_me_write(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    """The young person writes their about me in their own words, starting from what it says
    now."""
    from careleavers.people.selectors import about_me_for

    about_me = about_me_for(young_person=young_person)
    now = {
        "summary": about_me.summary if about_me else "",
        "please_do_not_ask": about_me.please_do_not_ask if about_me else "",
        "version": about_me.version if about_me else None,
    }
    form = _form(request, forms.AboutMeWriteForm, initial=now)
    if request.method == "POST":
        try:
            saved = _submit_as_user(request, young_person, form, services.about_me_write_own)
        except StaleEdit as stale:
            # Their adviser changed it while they wrote: give their words back, ready to save
            # over the new version, and say what it says now so they can choose.
            now_says = about_me_for(young_person=young_person)
            messages.error(
                request,
                _(
                    "Your adviser changed your about me while you were writing. It now says: "
                    "“%(now)s”. Your words are below. Change them if you need to, then save."
                )
                % {"now": now_says.summary if now_says else ""},
            )
            form = forms.AboutMeWriteForm(
                initial={
                    "summary": request.POST.get("summary", ""),
                    "please_do_not_ask": request.POST.get("please_do_not_ask", ""),
                    "version": stale.current_version,
                }
            )
            saved = None
        if saved is not None:
            messages.success(
                request,
                _("Your about me is saved in your own words. We have told your personal adviser."),
            )
            return redirect("portal:about_me")
    return _render(
        request,
        young_person,
        "portal/form_page.html",
        {
            "form": form,
            "cancel_href": reverse("portal:about_me"),
            "title": _("Write your about me"),
            "intro": _(
                "This is what you want every worker to know about you. Write it your way: "
                "what matters to you, what helps, and what does not. Your personal adviser "
                "can see it, and any new worker reads it first."
            ),
            "button_text": _("Save my about me"),
        },
        page="about_me",
    )


@portal_page("about_me_change")
def about_me_change(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = _form(
        request,
        forms.RequiredTextForm,
        label=_("What do you want to change?"),
        required_message=_("Write what you want to change"),
    )
    return _ask_page(
        request,
        young_person,
        form,
        service=services.about_me_change_ask,
        service_kwargs={},
        sent_text=_("We have told your personal adviser what you want to change."),
        page_text={
            "title": _("Change your about me"),
            "intro": _(
                "Your about me is what you want every worker to know, so you do not have to "
                "tell your story again. Your personal adviser will change it with you."
            ),
            "button_text": _("Send to my adviser"),
        },
        cancel_url_name="portal:about_me",
        page="about_me",
    )


# From 21 to 25 --------------------------------------------------------------------------------


@portal_page("support_again")
def support_again(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    today = timezone.localdate()
    status = selectors.support_again_status(young_person, today)
    eligible = status == "offered"
    form = _form(
        request,
        forms.NoteForm,
        label=_("What would you like help with? (optional)"),
        hint=_("For example, housing, money, work, college or how you are feeling."),
    )
    if request.method == "POST" and eligible:
        sent = _submit_as_user(request, young_person, form, services.support_again_ask)
        if sent is not None:
            return _sent(
                request,
                sent,
                _("We have asked for a personal adviser to contact you about support."),
            )
    return _render(
        request,
        young_person,
        "portal/support_again.html",
        {
            "form": form,
            "eligible": eligible,
            "status": status,
            "age": young_person.age_on(today),
            "asked": selectors.open_request_about(
                young_person=young_person, kind=RequestKind.SUPPORT_AGAIN, about_key="support"
            ),
        },
        page="support_again",
    )


# What I have asked for ------------------------------------------------------------------------


@portal_page("requests")
def requests(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return _render(
        request,
        young_person,
        "portal/requests.html",
        {"rows": presenters.request_rows(selectors.requests_for(young_person=young_person))},
        page="requests",
    )


@keeps_words
@portal_page("request")
def request_detail(request: SignedInRequest, young_person: YoungPerson, pk: int) -> HttpResponse:
    """One of their requests, the conversation on it, and a box to reply."""
    portal_request = selectors.own_request(young_person=young_person, pk=pk)
    may_reply = portal_request.kind != RequestKind.NOT_SAFE
    form = _form(request, forms.ReplyForm)
    if request.method == "POST" and may_reply:
        sent = _submit_as_user(
            request, young_person, form, services.request_reply, portal_request=portal_request
        )
        if sent is not None:
            return _sent(
                request,
                portal_request,
                _(
                    "We have sent your reply to your personal adviser. We will text or email you "
                    "when they answer."
                ),
            )
        portal_request.refresh_from_db()
    return _render(
        request,
        young_person,
        "portal/request_detail.html",
        {
            "portal_request": portal_request,
            "row": presenters.request_row(portal_request),
            "summary_rows": presenters.request_summary(portal_request),
            "thread": presenters.request_thread(
                portal_request,
                selectors.request_thread(portal_request=portal_request),
                for_young_person=True,
            ),
            "reply_form": form if may_reply else None,
            "safety": presenters.safety_page(portal_request, now=timezone.now()),
        },
        page="requests",
    )


# My account -----------------------------------------------------------------------------------


@portal_page("account")
def account(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    from allauth.mfa.models import Authenticator

    has_app = Authenticator.objects.filter(
        user=request.user, type=Authenticator.Type.TOTP
    ).exists()
    return _render(
        request, young_person, "portal/account.html", {"has_app": has_app}, page="account"
    )


@login_not_required
@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """The language picker on every young person's page (and the invitation link, before they
    have an account): kept with their account when they have one, and in a cookie for this
    phone. Back to the page they were on."""
    chosen = request.POST.get("language", "")
    back = request.POST.get("next", "")
    # Only a path on this site: `redirect` would treat anything else (say "0") as a view name.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("portal:home")
    if not is_offered(chosen):
        # Only a changed or stale form sends this: nothing is changed, and the page says so.
        messages.error(request, _("Choose one of the languages on the page."))
        return HttpResponseRedirect(back)
    if request.user.is_authenticated:
        account = selectors.account_on_request(request)
        if account is None:
            # Staff pages are always in English.
            raise PermissionDenied
        language_choose(acting_user=request.user, account=account, language=chosen)
    response = HttpResponseRedirect(back)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        chosen,
        max_age=365 * 24 * 60 * 60,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


# The invitation link (no sign-in) ----------------------------------------------------------------


def _problem(request: HttpRequest, kind: str) -> HttpResponse:
    return render(
        request,
        "portal/accept_problem.html",
        {"problem": kind},
        status=404 if kind == "invalid" else 410,
    )


@young_persons_language
@login_not_required
@sensitive_post_parameters("password1", "password2")
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """Set up an account from an invitation link. Someone already signed in must sign out
    first, so a link can never be attached to an account that is already in use."""
    if request.user.is_authenticated:
        return render(request, "portal/accept_signed_in.html", status=403)
    try:
        invitation = selectors.invitation_from_token(token)
    except InvitationProblem as problem:
        return _problem(request, problem.kind)
    by_text = invitation.method == InvitationMethod.SMS
    initial = {} if by_text else {"email": invitation.sent_to}
    form = forms.AcceptForm(
        request.POST or None, initial=initial, phone=invitation.sent_to if by_text else ""
    )
    if request.method == "POST" and form.is_valid():
        try:
            account = services.invitation_accept(
                token=token,
                date_of_birth=form.cleaned_data["date_of_birth"],
                email=form.cleaned_data["email"] or "",
                password=form.cleaned_data["password1"] or "",
                request=request,
            )
        except InvitationProblem as problem:
            return _problem(request, problem.kind)
        except ValidationError as error:
            add_service_errors(form, error)
            try:
                selectors.invitation_from_token(token)
            except InvitationProblem as problem:
                return _problem(request, problem.kind)
        else:
            keep_signed_in_choose(request, keep=form.cleaned_data["remember"])
            if not form.wants_password:
                # The one thing left to prove: the code we text to their mobile now.
                return sign_in_code_start(request, account.user)
            # They have just proved who they are (the link, their date of birth, a new
            # password), so they go straight in rather than signing in again.
            get_account_adapter(request).login(request, account.user)
            messages.success(
                request,
                _(
                    "Your account is ready and you are signed in. Next time, sign in with your "
                    "mobile number and the password you just made."
                )
                if by_text and not account.user.email
                else _(
                    "Your account is ready and you are signed in. Next time, sign in with your "
                    "email address and the password you just made."
                ),
            )
            return redirect("portal:home")
    return render(
        request,
        "portal/accept.html",
        {"form": form, "expires_at": invitation.expires_at},
    )


# Wrong short codes one address may try in an hour before it is told to wait.
SHORT_LINK_GUESSES_PER_HOUR = 20


def _short_link_guesses_key(request: HttpRequest) -> str:
    from careleavers.core.client_address import client_ip

    return f"portal:short-link-guesses:{client_ip(request) or 'unknown'}"


@young_persons_language
@login_not_required
@sensitive_post_parameters("password1", "password2")
def accept_short(request: HttpRequest, token: str) -> HttpResponse:
    """A text invitation's short link (/i/<code>/): the same page as the long link. Wrong codes
    are counted by address, so nobody can try codes until one works."""
    from django.core.cache import cache

    key = _short_link_guesses_key(request)
    if int(cache.get(key, 0)) >= SHORT_LINK_GUESSES_PER_HOUR:
        return render(request, "portal/accept_problem.html", {"problem": "too_many"}, status=429)
    response = accept(request, token if selectors.is_short_code(token) else "-")
    if response.status_code == 404:
        cache.add(key, 0, timeout=60 * 60)
        cache.incr(key)
    return response


# Staff pages ----------------------------------------------------------------------------------


@record_page("portal_invite", permission="portal.invite", methods=FORM)
def invite(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    back = reverse("people:overview", kwargs={"pk": young_person.pk})
    existing = selectors.account_for_young_person(young_person=young_person)
    if young_person.email:
        initial = {"method": InvitationMethod.EMAIL, "sent_to": young_person.email}
    elif young_person.phone:
        initial = {"method": InvitationMethod.SMS, "sent_to": young_person.phone}
    else:
        initial = {}
    form = forms.InviteForm(
        request.POST or None, initial=initial, days=selectors.invitation_days()
    )
    if request.method == "POST" and existing is None:
        invitation = _submit_as_user(
            request,
            young_person,
            form,
            services.invitation_send,
            link_base=request.build_absolute_uri("/"),
        )
        if invitation is not None:
            messages.success(
                request,
                f"Invitation sent to {invitation.sent_to}. The link works until "
                f"{presenters.date_words(invitation.expires_at)}.",
            )
            return redirect(back)
    return render(
        request,
        "portal/invite.html",
        {
            "young_person": young_person,
            "form": form,
            "back_href": back,
            "existing": existing,
            "latest": selectors.latest_invitation(young_person=young_person),
        },
    )


def outbox(request: SignedInRequest) -> HttpResponse:
    """The demo outbox, for administrators: what the fake Notify kept instead of sending, with
    every link masked, so nobody can use an invitation meant for someone else."""
    require(request.user, "portal.view_outbox")
    if not notify.uses_outbox():
        raise Http404("Messages are sent by GOV.UK Notify.")
    kept = list(selectors.outbox_latest())
    services.outbox_viewed(acting_user=request.user, shown=len(kept))
    return render(
        request,
        "portal/outbox.html",
        {"messages_sent": [presenters.outbox_message(message) for message in kept]},
    )


@record_page("portal_requests", permission="portal.view_requests")
def record_requests(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    return render(
        request,
        "portal/record_requests.html",
        {
            "young_person": young_person,
            "head": ["Asked on", "What they asked for", "Status", "Done by"],
            "rows": presenters.staff_request_rows(
                selectors.requests_for_record(young_person=young_person)
            ),
            "back_href": reverse("people:overview", kwargs={"pk": young_person.pk}),
        },
    )


def _load_request(pk: int) -> YoungPersonRequest:
    return selectors.request_for_page(pk=pk)


# `portal.view_requests` takes the young person.
@record_page(
    "portal_request",
    permission="portal.view_requests",
    methods=FORM,
    subject=subject("pk", _load_request, permission_on_young_person=True),
)
def request_handle(request: SignedInRequest, portal_request: YoungPersonRequest) -> HttpResponse:
    """A young person's request, for staff: read it and mark it done with a reply."""
    young_person = portal_request.young_person
    may_handle = can(request.user, "portal.handle_request", young_person)
    form = forms.DoneForm(request.POST or None)
    if request.method == "POST":
        if not may_handle:
            raise PermissionDenied
        # Two buttons: answer and keep it open (to ask something, or say what happens
        # next), or answer and mark it done. Either way they are told there is an answer.
        keep_open = request.POST.get("action") == "reply"
        done = _submit(
            form,
            services.request_staff_reply if keep_open else services.request_mark_done,
            acting_user=request.user,
            portal_request=portal_request,
            request=request,
        )
        if done is not None:
            messages.success(
                request,
                "Reply sent. It stays open in your work tray until you mark it done."
                if keep_open
                else "Marked as done. The young person can read your reply.",
            )
            return redirect("portal:request_handle", pk=portal_request.pk)
    thread = selectors.request_thread(portal_request=portal_request)
    context = {
        "young_person": young_person,
        "portal_request": portal_request,
        "title": presenters.staff_title(portal_request),
        "thread": presenters.request_thread(portal_request, thread, for_young_person=False),
        "answered_before": any(not message.from_young_person for message in thread),
        "form": form,
        "may_handle": may_handle and portal_request.is_open,
        "back_href": reverse("portal:record_requests", kwargs={"pk": young_person.pk}),
    }
    return render(request, "portal/request_handle.html", context)
