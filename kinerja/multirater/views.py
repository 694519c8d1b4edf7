"""360° feedback pages under /umpan-balik-360/.

HR: the rounds list, opening a round, its progress (counts per rater group only), the
raters of each person rated, reminders and closing. Raters: "my 360° tasks" and the
answer form. The employee, their assessor (and superior) and HR: the anonymous summary.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may, units_managed_by
from kinerja.core.exceptions import ApplicationError
from kinerja.multirater import selectors, services
from kinerja.multirater.enums import AssignmentStatus, RoundStatus
from kinerja.multirater.forms import AnswerForm, RaterAddForm, RoundOpenForm
from kinerja.multirater.models import Round, Subject
from kinerja.multirater.notes import note_texts
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.multirater import HOUSE_SCALE_1_5, explain_scale


def _get(queryset, uuid):
    try:
        return queryset.get(uuid=uuid)
    except (queryset.model.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def _refuse(form, error: Exception) -> None:
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, error)
    else:
        form.add_error(None, error.message)


def _round(request: HttpRequest, uuid, action: str = "multirater.view_progress") -> Round:
    round_ = _get(
        selectors.rounds_visible_to(request.user).select_related("root_unit", "period", "agency"),
        uuid,
    )
    if not may(request.user, action, round_):
        raise PermissionDenied
    return round_


# --- HR: rounds ------------------------------------------------------------------------


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    if not (actor.is_hr_admin or actor.is_superuser):
        raise PermissionDenied
    rounds = list(selectors.round_list(selectors.rounds_visible_to(request.user)))
    return render(request, "multirater/round_list.html", {"rounds": rounds})


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    if not (actor.is_hr_admin or actor.is_superuser):
        raise PermissionDenied
    units = units_managed_by(request.user).select_related("agency").order_by("agency__name", "path")
    periods = AssessmentPeriod.objects.filter(agency__in=units.values("agency_id")).select_related(
        "agency"
    )
    form = RoundOpenForm(request.POST or None, units=units, periods=periods)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not may(request.user, "multirater.manage_round", data["root_unit"]):
            raise PermissionDenied
        try:
            round_ = services.round_open(
                root_unit=data["root_unit"],
                period=data["period"],
                on=data["on"],
                deadline=data["deadline"],
                min_group=data["min_group"],
                include_self=data["include_self"],
                draft=data["draft"],
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as refusal:
            _refuse(form, refusal)
        else:
            messages.success(request, _("The round has been created."))
            return redirect("multirater:round_detail", uuid=round_.uuid)
    return render(request, "multirater/round_form.html", {"form": form})


@login_required
def round_detail(request: HttpRequest, uuid) -> HttpResponse:
    """The round's progress: answered and assigned forms per rater group, never names."""
    round_ = _round(request, uuid)
    progress = selectors.round_progress(round_)
    for row in progress.subjects:
        row.note_texts = note_texts(row.notes)
    return render(
        request,
        "multirater/round_detail.html",
        {
            "round": round_,
            "progress": progress,
            "may_manage": may(request.user, "multirater.manage_round", round_),
        },
    )


def _round_action(request: HttpRequest, uuid, do, done: str) -> HttpResponse:
    round_ = _round(request, uuid, "multirater.manage_round")
    try:
        do(round_)
    except ApplicationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, done)
    return redirect("multirater:round_detail", uuid=round_.uuid)


@login_required
@require_POST
def round_start(request: HttpRequest, uuid) -> HttpResponse:
    return _round_action(
        request,
        uuid,
        lambda r: services.round_start(round=r, actor=request.user),
        _("The round is open; the raters have been told."),
    )


@login_required
@require_POST
def round_remind(request: HttpRequest, uuid) -> HttpResponse:
    return _round_action(
        request,
        uuid,
        lambda r: services.round_remind(round=r, actor=request.user),
        _("The raters who have not answered yet have been reminded."),
    )


@login_required
@require_POST
def round_close(request: HttpRequest, uuid) -> HttpResponse:
    return _round_action(
        request,
        uuid,
        lambda r: services.round_close(round=r, actor=request.user),
        _("The round is closed; the group figures are now available."),
    )


def _subject(request: HttpRequest, uuid) -> Subject:
    subject = _get(selectors.subjects_visible_to(request.user), uuid)
    if not may(request.user, "multirater.manage_round", subject.round):
        raise PermissionDenied
    return subject


@login_required
def subject_raters(request: HttpRequest, uuid) -> HttpResponse:
    """Who rates one person: HR adds and removes raters until the round closes."""
    subject = _subject(request, uuid)
    form = RaterAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        rater = selectors.rater_by_nip(subject, form.cleaned_data["nip"])
        if rater is None:
            form.add_error("nip", _("No employee of this agency has this NIP."))
        else:
            try:
                services.rater_add(
                    subject=subject,
                    rater=rater,
                    relation=form.cleaned_data["relation"],
                    actor=request.user,
                )
            except (ApplicationError, ValidationError) as refusal:
                _refuse(form, refusal)
            else:
                messages.success(request, _("The rater has been added."))
                return redirect("multirater:subject_raters", uuid=subject.uuid)
    return render(
        request,
        "multirater/subject_raters.html",
        {
            "subject": subject,
            "round": subject.round,
            "raters": selectors.subject_raters(subject),
            "notes": note_texts(subject.notes),
            "form": form,
            "editable": subject.round.status != RoundStatus.CLOSED,
        },
    )


@login_required
@require_POST
def rater_remove(request: HttpRequest, uuid) -> HttpResponse:
    assignment = _get(selectors.rater_assignments_visible_to(request.user), uuid)
    if not may(request.user, "multirater.manage_round", assignment.subject.round):
        raise PermissionDenied
    try:
        services.rater_remove(assignment=assignment, actor=request.user)
    except ApplicationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The rater has been removed."))
    return redirect("multirater:subject_raters", uuid=assignment.subject.uuid)


# --- raters ----------------------------------------------------------------------------


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    employee = actor_for(request.user).employee
    if employee is None:
        raise PermissionDenied
    tasks = list(selectors.tasks_of(employee))
    return render(
        request,
        "multirater/my_tasks.html",
        {
            "pending": [
                t
                for t in tasks
                if t.status == AssignmentStatus.PENDING
                and t.subject.round.status == RoundStatus.OPEN
            ],
            "done": [t for t in tasks if t.status == AssignmentStatus.ANSWERED],
            "results": list(selectors.results_of(employee)),
        },
    )


@login_required
def answer(request: HttpRequest, uuid) -> HttpResponse:
    """The answer form: phone-first, seven values with their guide behaviours."""
    employee = actor_for(request.user).employee
    assignment = _get(selectors.tasks_of(employee).select_related("subject__position__unit"), uuid)
    if not may(request.user, "multirater.answer", assignment):
        raise PermissionDenied
    round_ = assignment.subject.round
    if assignment.status == AssignmentStatus.ANSWERED or round_.status != RoundStatus.OPEN:
        messages.info(
            request,
            _("This form has been answered.")
            if assignment.status == AssignmentStatus.ANSWERED
            else _("This round is not open for answers."),
        )
        return redirect("multirater:my_tasks")
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_submit(
                assignment=assignment,
                scores=form.scores(),
                comments=form.comments(),
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as refusal:
            _refuse(form, refusal)
        else:
            messages.success(request, _("Thank you. Your answer has been recorded."))
            return redirect("multirater:my_tasks")
    return render(
        request,
        "multirater/answer_form.html",
        {
            "assignment": assignment,
            "round": round_,
            "form": form,
            "scale": HOUSE_SCALE_1_5,
            "scale_explanation": explain_scale(),
        },
    )


# --- the summary -----------------------------------------------------------------------


@login_required
def summary(request: HttpRequest, uuid) -> HttpResponse:
    """One person's anonymous 360° figures, for them, their assessor and HR."""
    subject = _get(
        Subject.objects.select_related("employee", "round__root_unit", "round__period"), uuid
    )
    if not may(request.user, "multirater.view_summary", subject):
        raise Http404
    return render(
        request,
        "multirater/summary_page.html",
        {"subject": subject, "multirater_summary": selectors.summary_of(subject)},
    )
