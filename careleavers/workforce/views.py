"""Pages for supervision and the workforce.

Views are thin: they check permission through `rules` directly (never `user.has_perm`, which
passes every superuser), parse the form, call one service or selector and render. A supervision
record names the young people discussed, so opening one is logged against each of them
(`people.services.record_viewed`), as every page about a young person is.
"""

from __future__ import annotations

import functools
from typing import Any

from csp.constants import NONE, UNSAFE_INLINE
from csp.decorators import csp_replace
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from careleavers.accounts.models import Team, User
from careleavers.core.charts import cached_chart
from careleavers.core.dates import format_date
from careleavers.core.form_page import form_page
from careleavers.core.forms.action_button import acted_then_redirect
from careleavers.core.forms.submit import saved_then_redirect
from careleavers.core.http import SignedInRequest
from careleavers.core.permissions import can, require, rule_required
from careleavers.people import services as people_services
from careleavers.workforce import charts, figures, forms, presenters, selectors, services
from careleavers.workforce.models import SicknessAbsence, SupervisionAction, SupervisionPolicy
from careleavers.workforce.training import training_overdue
from careleavers.workforce.trends import workforce_trends

LIST_PAGE_SIZE = 50
TEAMS_PAGE_SIZE = 50

# The section's pages, in the order of its sub navigation, each with the permission to see it.
SECTION_PAGES = (
    ("index", "Overview", "workforce:index", "workforce.view_index"),
    (
        "supervision",
        "Supervision records",
        "workforce:supervision_list",
        "workforce.view_supervision_list",
    ),
    (
        "frequency",
        "Supervision frequency",
        "workforce:supervision_frequency",
        "workforce.view_supervision_reports",
    ),
    (
        "quality",
        "Supervision quality",
        "workforce:supervision_quality",
        "workforce.view_supervision_reports",
    ),
    (
        "sample",
        "Grade supervision",
        "workforce:supervision_sample",
        "workforce.sample_supervision",
    ),
    ("caseloads", "Caseloads", "workforce:caseloads", "workforce.view_caseloads"),
    ("posts", "Posts and vacancies", "workforce:posts", "workforce.view_posts"),
    ("staff", "Staff", "workforce:staff", "workforce.view_staff"),
    ("training", "Training", "workforce:training", "workforce.view_training_report"),
    ("trends", "Trends", "workforce:trends", "workforce.view_trends"),
)


# Helpers -----------------------------------------------------------------------------------------


def _section(request: SignedInRequest, active: str) -> list[dict[str, Any]]:
    return [
        {"text": text, "href": reverse(url_name), "active": key == active}
        for key, text, url_name, permission in SECTION_PAGES
        if can(request.user, permission)
    ]


def _scope_text(team_ids: frozenset[int] | None) -> str:
    if team_ids is None:
        return "the whole service"
    names = list(Team.objects.filter(pk__in=team_ids).values_list("name", flat=True))
    return ", ".join(names) if names else "no teams"


def _report(
    request: SignedInRequest, template: str, active: str, title: str, **context: Any
) -> HttpResponse:
    return render(
        request,
        template,
        {"sub_navigation": _section(request, active), "title": title, **context},
    )


def _form_page(
    request: SignedInRequest, form: Any, *, caption: str = "Workforce", **page: Any
) -> HttpResponse:
    return form_page(request, form, caption=caption, **page)


def _policy_text(policy: SupervisionPolicy) -> str:
    return (
        f"Personal advisers every {policy.personal_adviser_interval_days} days, social workers "
        f"every {policy.social_worker_interval_days} days, and every "
        f"{policy.new_starter_interval_days} days in the first {policy.new_starter_months} "
        "months after starting."
    )


def _teams_page(request: SignedInRequest, teams: list[Any]) -> Any:
    """A page of a table with a row for each team (hundreds in a national service): every team
    is counted first, so totals cover them all."""
    return Paginator(teams, TEAMS_PAGE_SIZE).get_page(request.GET.get("teams_page"))


# Overview ----------------------------------------------------------------------------------------


@rule_required("workforce.view_index")
def index(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    snapshot = selectors.workforce_snapshot(team_ids=team_ids, on=today)
    rows: list[dict[str, Any]] = [
        {"key": "Funded posts", "value": snapshot.funded_posts},
        {"key": "Vacant posts", "value": snapshot.vacant_posts},
        {"key": "Vacancy rate", "value": figures.percent_text(snapshot.vacancy_rate)},
        {"key": "Agency rate", "value": figures.percent_text(snapshot.agency_rate)},
    ]
    if can(request.user, "workforce.view_supervision_reports"):
        supervised = selectors.frequency_totals(
            workers=selectors.caseworkers(team_ids=team_ids),
            on=today,
            policy=SupervisionPolicy.current(),
        )
        rows.append(
            {
                "key": "Workers supervised in time",
                "value": f"{supervised.in_time} of {supervised.workers} "
                f"({figures.percent_text(supervised.in_time_rate)})",
            }
        )
        rows.append(
            {
                "key": "Average caseload of personal advisers",
                "value": presenters.one_place(
                    selectors.adviser_average_caseload(team_ids=team_ids)
                ),
            }
        )
    return _report(
        request,
        "workforce/index.html",
        "index",
        "Workforce",
        summary_rows=rows,
        scope=_scope_text(team_ids),
        today=today,
    )


# A worker's own supervision and training ---------------------------------------------------------


@rule_required("workforce.view_my_supervision")
def my_supervision(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    user: Any = request.user
    records = selectors.supervision_list_for(user=user).filter(worker=user)
    frequency = selectors.supervision_frequency(
        workers=User.objects.filter(pk=user.pk).select_related("team"), on=today
    )
    open_actions = (
        SupervisionAction.objects.filter(record__worker=user, done_on__isnull=True)
        .select_related("young_person", "record")
        .order_by("due_on", "pk")
    )
    return render(
        request,
        "workforce/my_supervision.html",
        {
            "frequency": frequency[0] if frequency else None,
            "record_head": presenters.MY_SUPERVISION_HEAD,
            "record_rows": presenters.supervision_list_rows(records[:100], mine=True),
            "open_actions": open_actions,
            "training_head": presenters.COURSE_STATUS_HEAD,
            "training_rows": presenters.course_status_rows(
                selectors.training_for(staff=user, today=today)
            ),
            "today": today,
            "policy_text": _policy_text(SupervisionPolicy.current()),
        },
    )


# Supervision records -----------------------------------------------------------------------------


@rule_required("workforce.view_supervision_list")
def supervision_list(request: SignedInRequest) -> HttpResponse:
    records = selectors.supervision_list_for(user=request.user)
    page = Paginator(records, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return _report(
        request,
        "workforce/supervision_list.html",
        "supervision",
        "Supervision records",
        page=page,
        head=presenters.SUPERVISION_LIST_HEAD,
        rows=presenters.supervision_list_rows(page.object_list),
        can_record=can(request.user, "workforce.record_supervision"),
    )


@rule_required("workforce.record_supervision")
def supervision_choose(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    policy = SupervisionPolicy.current()
    search = forms.WorkerSearchForm(request.GET)
    name = search.name_typed()
    workers = selectors.workers_supervised_by(user=request.user, name=name)
    # Only the page's workers have their supervision worked out: the list is in name order.
    page = Paginator(workers, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return _report(
        request,
        "workforce/supervision_choose.html",
        "supervision",
        "Record a supervision",
        search=search,
        name=name,
        empty_text="No worker you supervise has that name."
        if name
        else "There are no workers in the teams you manage.",
        page=page,
        head=presenters.FREQUENCY_HEAD,
        rows=_frequency_page_rows(
            [worker.pk for worker in page.object_list],
            workers=workers,
            today=today,
            policy=policy,
            record_links=True,
        ),
        policy_text=_policy_text(policy),
    )


def supervision_add(request: SignedInRequest, worker_pk: int) -> HttpResponse:
    worker = get_object_or_404(User.objects.select_related("team"), pk=worker_pk)
    require(request.user, "workforce.supervise_worker", worker)
    today = timezone.localdate()
    caseload = selectors.caseload_young_people(worker=worker, on=today)
    form = forms.SupervisionForm(
        request.POST or None, caseload=caseload, initial={"held_on": today}
    )
    return saved_then_redirect(
        request,
        form,
        services.supervision_record,
        acting_user=request.user,
        worker=worker,
        message=f"Supervision of {worker.get_full_name()} recorded",
        then=lambda record: reverse("workforce:supervision_detail", kwargs={"pk": record.pk}),
        page=lambda: render(
            request,
            "workforce/supervision_form.html",
            {
                "form": form,
                "worker": worker,
                "back_href": reverse("workforce:supervision_choose"),
                "has_caseload": caseload.exists(),
            },
        ),
    )


def _record_for(request: SignedInRequest, pk: int, permission: str) -> Any:
    record = selectors.supervision_record_for(pk=pk)
    require(request.user, permission, record)
    return record


def _log_discussed(request: SignedInRequest, young_people: list[Any], page: str) -> None:
    # Called only when the page is drawn (a form shown again included), so every read of the
    # young people it names is logged, whatever the method.
    for young_person in young_people:
        people_services.record_viewed(
            acting_user=request.user, young_person=young_person, page=page
        )


def _record_context(request: SignedInRequest, record: Any) -> dict[str, Any]:
    discussed, hidden = selectors.discussed_young_people(record=record, user=request.user)
    _log_discussed(request, discussed, "workforce_supervision")
    review = getattr(record, "review", None)
    return {
        "record": record,
        "discussed": discussed,
        "hidden_count": hidden,
        "review": review if review is not None and review.grade else None,
    }


@require_safe
def supervision_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    record = _record_for(request, pk, "workforce.view_supervision")
    context = _record_context(request, record)
    user = request.user
    context.update(
        {
            "actions": selectors.actions_for(record=record),
            "can_add_action": can(user, "workforce.add_supervision_action", record),
            "can_complete": can(user, "workforce.complete_supervision_action", record),
            "can_respond": can(user, "workforce.respond_supervision", record)
            and record.worker_responded_at is None,
            "can_grade": can(user, "workforce.grade_supervision", record),
            "back_href": reverse(
                "workforce:my_supervision"
                if record.worker_id == user.pk
                else "workforce:supervision_list"
            ),
        }
    )
    return render(request, "workforce/supervision_detail.html", context)


def supervision_respond(request: SignedInRequest, pk: int) -> HttpResponse:
    record = _record_for(request, pk, "workforce.respond_supervision")
    back = reverse("workforce:supervision_detail", kwargs={"pk": record.pk})
    if record.worker_responded_at is not None:
        messages.info(request, "You have already added your comment to this supervision.")
        return redirect(back)
    form = forms.RespondForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.supervision_respond,
        acting_user=request.user,
        record=record,
        message="Your comment has been added",
        then=back,
        page=lambda: _form_page(
            request,
            form,
            title="Add your comment",
            back=back,
            caption=f"Your supervision on {format_date(record.held_on)}",
            button="Add comment",
        ),
    )


def supervision_action_add(request: SignedInRequest, pk: int) -> HttpResponse:
    record = _record_for(request, pk, "workforce.add_supervision_action")
    back = reverse("workforce:supervision_detail", kwargs={"pk": record.pk})
    form = forms.ActionForm(
        request.POST or None,
        discussed=record.young_people.order_by("last_name", "first_name"),
    )
    return saved_then_redirect(
        request,
        form,
        services.supervision_action_add,
        acting_user=request.user,
        record=record,
        message="Action added",
        then=back,
        page=lambda: _form_page(
            request,
            form,
            title="Add an action",
            back=back,
            caption=f"Supervision of {record.worker.get_full_name()}",
            button="Add action",
            intro="Actions are the tasks agreed in supervision. Keep reflection in the record "
            "itself.",
        ),
    )


@require_POST
def supervision_action_done(request: SignedInRequest, pk: int, action_pk: int) -> HttpResponse:
    record = _record_for(request, pk, "workforce.complete_supervision_action")
    action = get_object_or_404(SupervisionAction, pk=action_pk, record=record)
    return acted_then_redirect(
        request,
        lambda: services.supervision_action_complete(acting_user=request.user, action=action),
        message="Action marked as done",
        then=reverse("workforce:supervision_detail", kwargs={"pk": record.pk}),
    )


# Sampling and grading ----------------------------------------------------------------------------


@rule_required("workforce.sample_supervision")
def supervision_sample(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    policy = SupervisionPolicy.current()
    if request.method == "POST":
        return acted_then_redirect(
            request,
            lambda: services.supervision_sample_draw(acting_user=request.user, today=today),
            message=lambda drawn: (
                f"{len(drawn)} record{'s' if len(drawn) != 1 else ''} drawn to grade"
            ),
            then="workforce:supervision_sample",
        )
    # Both lists a page at a time (thousands of recent records in a national service), each
    # counted in full.
    candidate_page = Paginator(
        selectors.sample_candidates(today=today, policy=policy), LIST_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    candidate_count = candidate_page.paginator.count
    awaiting_page = Paginator(selectors.reviews_awaiting_grade(), LIST_PAGE_SIZE).get_page(
        request.GET.get("awaiting_page")
    )
    return _report(
        request,
        "workforce/supervision_sample.html",
        "sample",
        "Grade supervision",
        policy=policy,
        candidate_count=candidate_count,
        sample_size=figures.sample_size(candidate_count, policy.sample_percent),
        awaiting_page=awaiting_page,
        awaiting_head=presenters.SAMPLE_HEAD,
        awaiting_rows=presenters.sample_rows(
            [review.record for review in awaiting_page.object_list]
        ),
        candidate_page=candidate_page,
        candidate_head=presenters.SAMPLE_HEAD,
        candidate_rows=presenters.sample_rows(candidate_page.object_list, action="Pick and grade"),
    )


def supervision_grade(request: SignedInRequest, pk: int) -> HttpResponse:
    record = _record_for(request, pk, "workforce.grade_supervision")
    review = getattr(record, "review", None)
    initial = {"grade": review.grade, "comment": review.comment} if review else {}
    form = forms.GradeForm(request.POST or None, initial=initial)
    back = reverse("workforce:supervision_sample")
    return saved_then_redirect(
        request,
        form,
        services.supervision_grade,
        acting_user=request.user,
        record=record,
        message="Grade saved",
        then=back,
        page=lambda: render(
            request,
            "workforce/supervision_grade.html",
            {
                **_record_context(request, record),
                "form": form,
                "actions": selectors.actions_for(record=record),
                "back_href": back,
            },
        ),
    )


# Supervision reports -----------------------------------------------------------------------------


@rule_required("workforce.view_supervision_reports")
def supervision_quality(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    summary = selectors.supervision_quality(team_ids=team_ids, today=today)
    team_page = _teams_page(request, summary.by_team)
    # As many supervisors as teams: their table is paged the same way.
    supervisor_page = Paginator(summary.by_supervisor, TEAMS_PAGE_SIZE).get_page(
        request.GET.get("supervisors_page")
    )
    return _report(
        request,
        "workforce/supervision_quality.html",
        "quality",
        "Supervision quality",
        scope=_scope_text(team_ids),
        total=summary.total,
        total_rate=figures.percent_text(summary.total.reflective_rate),
        month_head=presenters.grade_head("Month held"),
        month_rows=presenters.grade_rows(reversed(summary.by_month)),
        team_head=presenters.grade_head("Team"),
        team_page=team_page,
        team_rows=presenters.grade_rows(team_page.object_list),
        supervisor_head=presenters.grade_head("Supervisor"),
        supervisor_page=supervisor_page,
        supervisor_rows=presenters.grade_rows(supervisor_page.object_list),
    )


@rule_required("workforce.view_supervision_reports")
def supervision_frequency(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    policy = SupervisionPolicy.current()
    workers = selectors.caseworkers(team_ids=team_ids)
    statuses = selectors.supervision_statuses(workers=workers, on=today, policy=policy)
    teams = selectors.frequency_by_team(statuses)
    team_page = _teams_page(request, teams)
    show_names = can(request.user, "workforce.view_supervision_names")
    return _report(
        request,
        "workforce/supervision_frequency.html",
        "frequency",
        "Supervision frequency",
        scope=_scope_text(team_ids),
        policy_text=_policy_text(policy),
        team_head=presenters.TEAM_FREQUENCY_HEAD,
        team_page=team_page,
        team_rows=presenters.team_frequency_rows(team_page.object_list, every_team=teams),
        show_names=show_names,
        overdue_head=presenters.FREQUENCY_HEAD,
        worker_head=presenters.FREQUENCY_HEAD,
        **(
            _named_frequency(request, statuses, workers=workers, today=today, policy=policy)
            if show_names
            else {}
        ),
    )


def _named_frequency(
    request: SignedInRequest,
    statuses: list[selectors.WorkerStatus],
    *,
    workers: Any,
    today: Any,
    policy: SupervisionPolicy,
) -> dict[str, Any]:
    """The workers overdue, and every worker, each list a page at a time with its own pages;
    the counts cover everyone."""
    overdue = [status for status in statuses if not status.in_time]
    overdue_page = Paginator(overdue, LIST_PAGE_SIZE).get_page(request.GET.get("overdue_page"))
    worker_page = Paginator(statuses, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    rows_of = functools.partial(_frequency_page_rows, workers=workers, today=today, policy=policy)
    return {
        "overdue_page": overdue_page,
        "overdue_rows": rows_of([status.pk for status in overdue_page.object_list]),
        "worker_page": worker_page,
        "worker_rows": rows_of([status.pk for status in worker_page.object_list]),
    }


def _frequency_page_rows(
    pks: list[int],
    *,
    workers: Any,
    today: Any,
    policy: SupervisionPolicy,
    record_links: bool = False,
) -> list[list[Any]]:
    rows = selectors.frequency_rows_for(pks, workers=workers, on=today, policy=policy)
    return presenters.frequency_rows(rows, today=today, record_links=record_links)


# Caseloads ---------------------------------------------------------------------------------------


@rule_required("workforce.view_caseloads")
def caseloads(request: SignedInRequest) -> HttpResponse:
    team_ids = selectors.report_team_ids(request.user)
    show_names = can(request.user, "workforce.view_caseload_names")
    # Every team and role is listed, but only the page's are counted.
    team_page = _teams_page(request, selectors.caseload_groups(team_ids=team_ids))
    page = (
        Paginator(selectors.caseload_queryset(team_ids=team_ids), LIST_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        if show_names
        else None
    )
    return _report(
        request,
        "workforce/caseloads.html",
        "caseloads",
        "Caseloads",
        scope=_scope_text(team_ids),
        team_head=presenters.CASELOAD_TEAM_HEAD,
        team_page=team_page,
        team_rows=presenters.caseload_team_rows(
            selectors.caseloads_by_team(team_ids=team_ids, groups=team_page.object_list)
        ),
        show_names=show_names,
        page=page,
        worker_head=presenters.CASELOAD_HEAD,
        worker_rows=presenters.caseload_rows(selectors.caseload_rows_of(page.object_list))
        if page is not None
        else [],
    )


# Posts, employment and staff ---------------------------------------------------------------------


@rule_required("workforce.view_posts")
def posts(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    page = Paginator(selectors.posts_in(team_ids=team_ids), LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    snapshot = selectors.workforce_snapshot(team_ids=team_ids, on=today)
    return _report(
        request,
        "workforce/posts.html",
        "posts",
        "Posts and vacancies",
        scope=_scope_text(team_ids),
        snapshot=snapshot,
        vacancy_rate=figures.percent_text(snapshot.vacancy_rate),
        agency_rate=figures.percent_text(snapshot.agency_rate),
        head=presenters.POSTS_HEAD,
        page=page,
        rows=presenters.posts_rows(selectors.post_rows(page.object_list, on=today)),
        can_change=can(request.user, "workforce.change_posts"),
    )


@rule_required("workforce.change_posts")
def post_add(request: SignedInRequest) -> HttpResponse:
    form = forms.PostForm(request.POST or None)
    return saved_then_redirect(
        request,
        form,
        services.post_save,
        acting_user=request.user,
        message="Post added",
        then=lambda post: reverse("workforce:post_detail", kwargs={"pk": post.pk}),
        page=lambda: _form_page(
            request, form, title="Add a funded post", back=reverse("workforce:posts")
        ),
    )


def post_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(pk=pk)
    require(request.user, "workforce.view_post", post)
    can_change = can(request.user, "workforce.change_posts")
    today = timezone.localdate()
    return render(
        request,
        "workforce/post_detail.html",
        {
            "post": post,
            "funded": post.is_funded_on(today),
            "summary_rows": [
                {"key": "Team", "value": post.team.name},
                {"key": "Role", "value": post.get_role_display()},
                {"key": "Post number", "value": post.reference},
                {"key": "Full-time equivalent", "value": presenters.fte_text(post.fte)},
                {"key": "Funded from", "value": post.funded_from},
                {"key": "Funded to", "value": post.funded_to or "No end date"},
            ],
            "history_head": presenters.EMPLOYMENT_HEAD,
            "history_rows": presenters.employment_rows(
                selectors.post_history(post=post), end_links=can_change
            ),
            "can_change": can_change,
            "back_href": reverse("workforce:posts"),
        },
    )


def post_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(pk=pk)
    require(request.user, "workforce.change_posts")
    initial = {
        "team": post.team_id,
        "role": post.role,
        "reference": post.reference,
        "fte": presenters.fte_text(post.fte),
        "funded_from": post.funded_from,
        "funded_to": post.funded_to,
    }
    form = forms.PostForm(request.POST or None, initial=initial)
    back = reverse("workforce:post_detail", kwargs={"pk": post.pk})
    return saved_then_redirect(
        request,
        form,
        services.post_save,
        acting_user=request.user,
        post=post,
        message="Post saved",
        then=back,
        page=lambda: _form_page(request, form, title="Change the post", back=back),
    )


def employment_add(request: SignedInRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(pk=pk)
    require(request.user, "workforce.change_posts")
    form = forms.EmploymentStartForm(
        request.POST or None,
        staff=selectors.staff_without_current_post(),
        initial={"fte": presenters.fte_text(post.fte)},
    )
    back = reverse("workforce:post_detail", kwargs={"pk": post.pk})
    return saved_then_redirect(
        request,
        form,
        services.employment_start,
        acting_user=request.user,
        post=post,
        message="Holder added",
        then=back,
        page=lambda: _form_page(
            request, form, title="Someone starts in the post", back=back, caption=str(post)
        ),
    )


def employment_end(request: SignedInRequest, pk: int) -> HttpResponse:
    employment = selectors.employment_for(pk=pk)
    require(request.user, "workforce.change_posts")
    form = forms.EmploymentEndForm(request.POST or None)
    back = reverse("workforce:post_detail", kwargs={"pk": employment.post_id})
    return saved_then_redirect(
        request,
        form,
        services.employment_end,
        acting_user=request.user,
        employment=employment,
        message="Leaving recorded",
        then=back,
        page=lambda: _form_page(
            request,
            form,
            title=f"{employment.staff.get_full_name()} leaves the post",
            back=back,
            caption=str(employment.post),
        ),
    )


@rule_required("workforce.view_staff")
def staff(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    # Only the page's people have their posts and absences read.
    page = Paginator(selectors.staff_in(team_ids=team_ids), LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    people: Any = selectors.staff_list(team_ids=team_ids, on=today).filter(
        pk__in=[person.pk for person in page.object_list]
    )
    rows = [
        [
            {
                "text": person.get_full_name(),
                "href": reverse("workforce:staff_detail", kwargs={"pk": person.pk}),
            },
            person.team.name if person.team else "",
            "Team manager"
            if person.is_team_manager
            else "Social worker"
            if person.is_social_worker
            else "Personal adviser",
            {"permanent": "Permanent", "agency": "Agency"}.get(
                person.employment_kind or "", "No post recorded"
            ),
            presenters.date_text(person.started_on, "Not recorded"),
            presenters.num(person.absences_in_year),
        ]
        for person in people
    ]
    return _report(
        request,
        "workforce/staff.html",
        "staff",
        "Staff",
        scope=_scope_text(team_ids),
        head=[
            "Name",
            "Team",
            "Role",
            "Permanent or agency",
            "Started",
            presenters.head_num("Sickness absences in the last year"),
        ],
        rows=rows,
        page=page,
    )


def staff_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.staff_member_for(pk=pk)
    require(request.user, "workforce.view_staff_member", person)
    today = timezone.localdate()
    can_change = can(request.user, "workforce.change_posts")
    can_absence = can(request.user, "workforce.record_absence", person)
    return render(
        request,
        "workforce/staff_detail.html",
        {
            "person": person,
            "role": services.staff_role_label(person),
            "employment_head": presenters.EMPLOYMENT_HEAD,
            "employment_rows": presenters.employment_rows(
                selectors.employments_of(staff=person), end_links=can_change
            ),
            "absence_head": presenters.ABSENCE_HEAD,
            "absence_rows": presenters.absence_rows(
                selectors.absences_of(staff=person), end_links=can_absence
            ),
            "training_head": presenters.COURSE_STATUS_HEAD,
            "training_rows": presenters.course_status_rows(
                selectors.training_for(staff=person, today=today)
            ),
            "can_absence": can_absence,
            "can_training": can(request.user, "workforce.record_training", person),
            "back_href": reverse("workforce:staff"),
        },
    )


def absence_add(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.staff_member_for(pk=pk)
    require(request.user, "workforce.record_absence", person)
    form = forms.AbsenceForm(request.POST or None)
    back = reverse("workforce:staff_detail", kwargs={"pk": person.pk})
    return saved_then_redirect(
        request,
        form,
        services.absence_record,
        acting_user=request.user,
        staff=person,
        message="Sickness absence recorded",
        then=back,
        page=lambda: _form_page(
            request,
            form,
            title="Record sickness absence",
            back=back,
            caption=person.get_full_name(),
            intro="Record the dates and a category only. Medical details belong in occupational "
            "health records, not here.",
        ),
    )


def absence_end(request: SignedInRequest, pk: int) -> HttpResponse:
    absence = get_object_or_404(SicknessAbsence.objects.select_related("staff__team"), pk=pk)
    require(request.user, "workforce.record_absence", absence.staff)
    form = forms.AbsenceEndForm(request.POST or None)
    back = reverse("workforce:staff_detail", kwargs={"pk": absence.staff_id})
    return saved_then_redirect(
        request,
        form,
        services.absence_end,
        acting_user=request.user,
        absence=absence,
        message="Return to work recorded",
        then=back,
        page=lambda: _form_page(
            request,
            form,
            title="Record the end of an absence",
            back=back,
            caption=f"{absence.staff.get_full_name()}, off from {format_date(absence.first_day)}",
        ),
    )


def training_add(request: SignedInRequest, pk: int) -> HttpResponse:
    person = selectors.staff_member_for(pk=pk)
    require(request.user, "workforce.record_training", person)
    form = forms.TrainingForm(request.POST or None)
    back = reverse("workforce:staff_detail", kwargs={"pk": person.pk})
    return saved_then_redirect(
        request,
        form,
        services.training_record,
        acting_user=request.user,
        staff=person,
        message="Training recorded",
        then=back,
        page=lambda: _form_page(
            request, form, title="Record training", back=back, caption=person.get_full_name()
        ),
    )


@rule_required("workforce.view_training_report")
def training(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    compliance, overdue = training_overdue(team_ids=team_ids, today=today)
    # Everyone is counted; those overdue (thousands in a national service) are listed a page
    # at a time.
    page = Paginator(overdue, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return _report(
        request,
        "workforce/training.html",
        "training",
        "Training",
        scope=_scope_text(team_ids),
        compliance_head=presenters.COMPLIANCE_HEAD,
        compliance_rows=presenters.compliance_rows(compliance),
        page=page,
        overdue_head=presenters.OVERDUE_HEAD,
        overdue_rows=presenters.overdue_rows(page.object_list, links=True),
    )


# Trends ------------------------------------------------------------------------------------------


@rule_required("workforce.view_trends")
def trends(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    team_ids = selectors.report_team_ids(request.user)
    months = workforce_trends(team_ids=team_ids, today=today)
    return _report(
        request,
        "workforce/trends.html",
        "trends",
        "Workforce trends",
        scope=_scope_text(team_ids),
        head=presenters.TRENDS_HEAD,
        rows=presenters.trend_rows(months),
    )


# Charts ------------------------------------------------------------------------------------------


def _svg(content: bytes) -> HttpResponse:
    return HttpResponse(content, content_type="image/svg+xml")


# The SVG is an image: it may use its own inline styles (matplotlib writes them), and nothing
# else; the page showing it keeps the strict policy.
SVG_POLICY = {
    "default-src": [NONE],
    "style-src": [UNSAFE_INLINE],
    "script-src": [NONE],
    "img-src": [NONE],
}


def _trend_chart(months: list[figures.MonthFigures], chart: str) -> bytes:
    labels = [month.label for month in months]
    if chart == "rates":
        return cached_chart(charts.lines)(
            labels,
            [
                ("Vacancy rate", [month.snapshot.vacancy_rate for month in months]),
                ("Agency rate", [month.snapshot.agency_rate for month in months]),
            ],
            ylabel="Percentage of posts or holders",
            percent=True,
            empty_message="No posts recorded yet",
        )
    if chart == "posts":
        return cached_chart(charts.lines)(
            labels,
            [
                ("Funded posts", [month.snapshot.funded_posts for month in months]),
                ("Vacant posts", [month.snapshot.vacant_posts for month in months]),
            ],
            ylabel="Posts",
            empty_message="No posts recorded yet",
        )
    if chart == "turnover":
        return cached_chart(charts.paired_bars)(
            labels,
            [
                ("Starters", [month.starters for month in months]),
                ("Leavers", [month.leavers for month in months]),
            ],
            ylabel="People",
            empty_message="No starters or leavers recorded",
        )
    if chart == "sickness":
        return cached_chart(charts.lines)(
            labels,
            [("Sickness days per FTE", [month.sickness_days_per_fte for month in months])],
            ylabel="Working days lost per FTE",
            empty_message="No sickness absence recorded",
        )
    raise Http404("No such chart")


@csp_replace(SVG_POLICY)
@rule_required("workforce.view_trends")
def trends_chart(request: SignedInRequest, chart: str) -> HttpResponse:
    months = workforce_trends(
        team_ids=selectors.report_team_ids(request.user), today=timezone.localdate()
    )
    return _svg(_trend_chart(months, chart))


@csp_replace(SVG_POLICY)
@rule_required("workforce.view_caseloads")
def caseload_chart(request: SignedInRequest) -> HttpResponse:
    teams = selectors.caseloads_by_team(team_ids=selectors.report_team_ids(request.user))
    return _svg(
        cached_chart(charts.distribution)(
            [(f"{row.team} ({row.role.lower()}s)", row.values) for row in teams],
            xlabel="Young people allocated to each worker",
            empty_message="No personal advisers or social workers",
        )
    )


@csp_replace(SVG_POLICY)
@rule_required("workforce.view_supervision_reports")
def quality_chart(request: SignedInRequest) -> HttpResponse:
    summary = selectors.supervision_quality(
        team_ids=selectors.report_team_ids(request.user), today=timezone.localdate()
    )
    return _svg(
        cached_chart(charts.paired_bars)(
            [f"{row.sort_key[0]:%b %Y}" for row in summary.by_month],
            [
                ("Reflective", [row.reflective for row in summary.by_month]),
                ("Compliance-led", [row.compliance_led for row in summary.by_month]),
            ],
            ylabel="Records graded",
            empty_message="No supervision records graded yet",
        )
    )
