"""Pages of a young person's record, and finding one.

Views are thin: they read the request, call one selector or service, and render. Every page of
a record is declared with `record_page` (record_page.py), which checks the permission for that
record, logs the view or the refusal, and puts the record frame (banner and tabs) on the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from rules import has_perm

from careleavers.core.concurrency import show_stale_edit
from careleavers.core.forms.errors import add_service_errors
from careleavers.core.forms.submit import saved_then_redirect, service_result
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import rule_required
from careleavers.people import forms, presenters, selectors, services
from careleavers.people.chronology import chronology_for
from careleavers.people.form_page import record_form_page
from careleavers.people.models import CareEpisode, YoungPerson
from careleavers.people.overview import overview_panels
from careleavers.people.record_page import CHANGE, FORM, record_page

RESTRICT = "people.restrict_youngperson"

SEARCH_PAGE_SIZE = 25
CHRONOLOGY_PAGE_SIZE = 50


def _record_context(
    request: SignedInRequest, young_person: YoungPerson, page: str
) -> dict[str, Any]:
    return {
        "young_person": young_person,
        "page": page,
        "can_change": has_perm(CHANGE, request.user, young_person),
    }


def _form_page(
    request: SignedInRequest,
    young_person: YoungPerson,
    form: Any,
    *,
    title: str,
    back: str,
    intro: str = "",
    button: str = "Save",
    **extra: Any,
) -> HttpResponse:
    """One question page about a record, its way back named by a URL name of the record."""
    return record_form_page(
        request,
        young_person,
        form,
        title=title,
        back=reverse(back, kwargs={"pk": young_person.pk}),
        button=button,
        intro_template=intro,
        **extra,
    )


# Finding and adding --------------------------------------------------------------------------


@rule_required("people.search_youngperson")
def search(request: SignedInRequest) -> HttpResponse:
    form = forms.SearchForm(request.GET if request.GET else None)
    criteria = form.criteria()
    valid = not form.is_bound or form.is_valid()
    page = None
    if valid:
        results = selectors.young_people_search(user=request.user, **criteria)
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "people/search.html",
        {
            "form": form,
            "page": page,
            "searched": form.is_bound and form.searched,
            "search_head": presenters.SEARCH_HEAD,
            "search_rows": presenters.search_rows(page.object_list) if page else [],
            "result_caption": presenters.search_caption(
                page.paginator.count if page else 0, searched=form.is_bound and form.searched
            ),
            "can_add": has_perm("people.add_youngperson", request.user),
        },
    )


@rule_required("people.add_youngperson")
def add(request: SignedInRequest) -> HttpResponse:
    form = forms.YoungPersonAddForm(
        request.POST or None, initial={"team": getattr(request.user, "team_id", None)}
    )
    if request.method == "POST" and form.is_valid():
        young_person = service_result(
            form, services.young_person_create, acting_user=request.user, **form.details()
        )
        if young_person is not None:
            messages.success(request, f"Record started for {young_person.display_name}")
            return redirect("people:overview", pk=young_person.pk)
    return render(request, "people/add.html", {"form": form})


# The record's pages --------------------------------------------------------------------------


@record_page("overview")
def overview(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "overview")
    columns: dict[str, list[str]] = {"main": [], "side": []}
    for panel in overview_panels:
        panel_context = {
            **panel.context(young_person=young_person, user=request.user),
            "young_person": young_person,
        }
        html = render_to_string(panel.template, panel_context, request=request)
        columns.setdefault(panel.column, []).append(mark_safe(html))  # noqa: S308 - our templates
    context.update(
        {
            "who_rows": presenters.overview_rows(young_person),
            "about_me": selectors.about_me_for(young_person=young_person),
            "main_panels": columns["main"],
            "side_panels": columns["side"],
            "can_restrict": has_perm(RESTRICT, request.user, young_person),
        }
    )
    return render(request, "people/overview.html", context)


@record_page("chronology")
def chronology(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.ChronologyFilterForm(request.GET if "kind" in request.GET else None)
    kinds = form.kinds()
    entries = chronology_for(young_person=young_person, user=request.user, kinds=kinds or None)
    page = Paginator(entries, CHRONOLOGY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = _record_context(request, young_person, "chronology")
    context.update(
        {
            "form": form,
            "page": page,
            "filtered": bool(kinds),
            "timeline": [
                {
                    "title": f"{entry.kind_label}: {entry.title}",
                    "by": entry.by,
                    "datetime": entry.when,
                    "description": entry.summary,
                    "url": entry.url,
                }
                for entry in page.object_list
            ],
        }
    )
    return render(request, "people/chronology.html", context)


@record_page("details")
def details(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "details")
    context.update(
        {
            "sections": presenters.detail_sections(young_person, can_change=context["can_change"]),
            "previous_names": selectors.previous_names_for(young_person=young_person),
            "named_staff": selectors.restriction_named_staff(young_person=young_person)
            if young_person.is_restricted
            else [],
            "can_restrict": has_perm(RESTRICT, request.user, young_person),
        }
    )
    return render(request, "people/details.html", context)


@record_page("edit details", permission=CHANGE, methods=FORM)
def edit_details(
    request: SignedInRequest, young_person: YoungPerson, section: str
) -> HttpResponse:
    form_class = forms.SECTIONS.get(section)
    if form_class is None:
        raise Http404("No such section")
    form = form_class(request.POST or None, instance=young_person)
    if request.method == "POST" and form.is_valid():
        done = service_result(
            form,
            services.young_person_update,
            acting_user=request.user,
            young_person=young_person,
            version=form.cleaned_data["version"],
            changes=form.changes(),
        )
        if done is not None:
            messages.success(request, f"{form_class.title} saved")
            return redirect("people:details", pk=young_person.pk)
    return _form_page(request, young_person, form, title=form_class.title, back="people:details")


@record_page("add previous name", permission=CHANGE, methods=FORM)
def previous_name_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.PreviousNameForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.previous_name_add,
        acting_user=request.user,
        young_person=young_person,
        message="Previous name added",
        then=reverse("people:details", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Add a previous name",
            back="people:details",
            intro="people/intros/previous_name.html",
            button="Add name",
        ),
    )


@record_page("care history")
def care_history(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "care_history")
    episodes = list(selectors.care_episodes_for(young_person=young_person))
    head, rows = presenters.episode_table(young_person, episodes, can_change=context["can_change"])
    context.update(
        {
            "category_rows": presenters.category_rows(young_person),
            "episode_head": head,
            "episode_rows": rows,
            "home_period_head": ["Started", "Ended", "Who with"],
            "home_period_rows": presenters.home_period_rows(
                selectors.home_periods_for(young_person=young_person)
            ),
            "fact_rows": presenters.category_fact_rows(
                young_person, can_change=context["can_change"]
            ),
            "questions": selectors.category_questions_for(young_person=young_person),
            "decision_head": ["Decided on", "Question", "Reading chosen", "Why", "Decided by"],
            "accommodated_head": ["How", "Started", "Ended", "Who accommodated them"],
            "support_choice_head": [
                "Date they told us",
                "What they told us",
                "Recorded by",
                "Notes",
            ],
            "decision_rows": presenters.category_question_decision_rows(
                selectors.category_question_decisions_for(young_person=young_person)
            ),
            "accommodated_rows": presenters.accommodated_period_rows(
                selectors.accommodated_periods_for(young_person=young_person)
            ),
            "support_choice_rows": presenters.support_choice_rows(
                selectors.support_choices_for(young_person=young_person)
            ),
        }
    )
    return render(request, "people/care_history.html", context)


@record_page("add care episode", permission=CHANGE, methods=FORM)
def episode_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.CareEpisodeForm(request.POST or None, young_person=young_person)
    if request.method == "POST" and form.is_valid():
        done = service_result(
            form,
            services.care_episode_add,
            acting_user=request.user,
            young_person=young_person,
            **form.episode_fields(),
        )
        if done is not None:
            messages.success(
                request, "Care episode added. The category has been worked out again."
            )
            return redirect("people:care_history", pk=young_person.pk)
    return _form_page(
        request,
        young_person,
        form,
        title="Add a care episode",
        back="people:care_history",
        intro="people/intros/episode.html",
        button="Add episode",
    )


@record_page("change care episode", permission=CHANGE, methods=FORM)
def episode_edit(
    request: SignedInRequest, young_person: YoungPerson, episode_pk: int
) -> HttpResponse:
    episode = get_object_or_404(CareEpisode, pk=episode_pk, young_person=young_person)
    form = forms.CareEpisodeForm(request.POST or None, instance=episode, young_person=young_person)
    if request.method == "POST" and form.is_valid():
        try:
            services.care_episode_update(
                acting_user=request.user,
                episode=episode,
                last_modified=form.last_modified_value(),
                changes=form.episode_fields(),
            )
        except services.StaleEdit as error:
            episode.refresh_from_db()
            show_stale_edit(
                form, error, field="last_modified", token=episode.modified_at.isoformat()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Care episode saved. The category has been worked out again."
            )
            return redirect("people:care_history", pk=young_person.pk)
    return _form_page(
        request,
        young_person,
        form,
        title="Change a care episode",
        back="people:care_history",
        intro="people/intros/episode.html",
    )


@record_page("add home period", permission=CHANGE, methods=FORM)
def home_period_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.HomePeriodForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.home_period_add,
        acting_user=request.user,
        young_person=young_person,
        message="Time living at home added",
        then=reverse("people:care_history", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Add time living at home",
            back="people:care_history",
            intro="people/intros/home_period.html",
            button="Add",
        ),
    )


@record_page("add accommodated period", permission=CHANGE, methods=FORM)
def accommodated_period_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.AccommodatedPeriodForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.accommodated_period_add,
        acting_user=request.user,
        young_person=young_person,
        message="Added. The category has been worked out again.",
        then=reverse("people:care_history", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Add a time accommodated or fostered elsewhere",
            back="people:care_history",
            intro="people/intros/accommodated_period.html",
            button="Add",
        ),
    )


@record_page("category question", permission=CHANGE, methods=FORM)
def category_question(
    request: SignedInRequest, young_person: YoungPerson, question: str
) -> HttpResponse:
    asked = {q.key: q for q in selectors.category_questions_for(young_person=young_person)}
    found = asked.get(question)
    if found is None:
        raise Http404("No such question about this young person's category")
    form = forms.CategoryQuestionForm(request.POST or None, question=found)
    return saved_then_redirect(
        request,
        form,
        services.category_question_decide,
        acting_user=request.user,
        young_person=young_person,
        question=question,
        message="Decision recorded. The category has been worked out again.",
        then=reverse("people:care_history", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Decide a question about their category",
            back="people:care_history",
            intro="people/intros/category_question.html",
            button="Record decision",
            question=found,
        ),
    )


@record_page("record support choice", permission=CHANGE, methods=FORM)
def support_choice_add(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    form = forms.SupportChoiceForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.support_choice_record,
        acting_user=request.user,
        young_person=young_person,
        message="Recorded",
        then=reverse("people:care_history", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Record what they told you about support",
            back="people:care_history",
            intro="people/intros/support_choice.html",
            button="Record",
        ),
    )


@record_page("about me")
def about_me(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    context = _record_context(request, young_person, "about_me")
    context["about_me"] = selectors.about_me_for(young_person=young_person)
    return render(request, "people/about_me.html", context)


@record_page("write about me", permission=CHANGE, methods=FORM)
def about_me_edit(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    existing = selectors.about_me_for(young_person=young_person)
    form = forms.AboutMeForm.for_about_me(existing, request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.about_me_write,
        acting_user=request.user,
        young_person=young_person,
        message="About me saved. Ask them to read it and agree it.",
        then=reverse("people:about_me", kwargs={"pk": young_person.pk}),
        page=lambda: _form_page(
            request,
            young_person,
            form,
            title="Rewrite their about me" if existing else "Write their about me",
            back="people:about_me",
            intro="people/intros/about_me_write.html",
            about_me=existing,
        ),
    )


@record_page("agree about me", permission=CHANGE, methods=FORM)
def about_me_agree(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    existing = selectors.about_me_for(young_person=young_person)
    if existing is None:
        raise Http404("There is no about me to agree yet")
    form = forms.AboutMeAgreeForm(request.POST or None, about_me=existing)
    if request.method == "POST" and form.is_valid():
        done = service_result(
            form,
            services.about_me_agree,
            acting_user=request.user,
            about_me=existing,
            agreed_on=form.cleaned_data["agreed_on"],
            version=form.cleaned_data["version"],
        )
        if done is not None:
            messages.success(request, "Agreement recorded")
            return redirect("people:about_me", pk=young_person.pk)
    return _form_page(
        request,
        young_person,
        form,
        title="Record that they agree their about me",
        back="people:about_me",
        intro="people/intros/about_me_agree.html",
        button="Record agreement",
        about_me=existing,
    )


@record_page("restriction", permission=RESTRICT, methods=FORM)
def restriction(request: SignedInRequest, young_person: YoungPerson) -> HttpResponse:
    named = selectors.restriction_named_staff(young_person=young_person)
    form = forms.RestrictionForm(
        request.POST or None,
        staff=selectors.staff_who_can_be_named().select_related("team"),
        user=request.user,
        team_id=young_person.team_id,
        initial={
            "restricted": young_person.is_restricted,
            "reason": young_person.restriction_reason,
            "named_staff": named,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["restricted"]:
                services.record_restrict(
                    acting_user=request.user,
                    young_person=young_person,
                    reason=data["reason"],
                    named_staff=data["named_staff"],
                )
            else:
                services.record_unrestrict(
                    acting_user=request.user, young_person=young_person, reason=data["reason"]
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Record restricted" if data["restricted"] else "Restriction lifted"
            )
            return redirect("people:details", pk=young_person.pk)
    return _form_page(
        request,
        young_person,
        form,
        title="Restricted record",
        back="people:details",
        intro="people/intros/restriction.html",
        named_staff=named,
    )
