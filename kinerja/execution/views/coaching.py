"""Performance guidance screens: the employee's coaching log, the leader's view of one
person, logging a session, the employee's B.1.8 answers and the leader's B.1.9
competence evaluation. Every page is one column, so it works on a phone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for, employees_visible_to, may
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS
from kinerja.execution.forms.coaching import CompetenceForm, SessionFeedbackForm, SessionForm
from kinerja.execution.selectors_attendance import attendance_of
from kinerja.execution.selectors_coaching import (
    coaching_feedback_summary,
    coaching_session_list,
    coaching_sessions_visible_to,
    competence_evaluation_list,
    competence_evaluations_visible_to,
)
from kinerja.execution.services.coaching import (
    ScoreInput,
    coaching_feedback_give,
    coaching_session_log,
    competence_evaluation_create,
)
from kinerja.org.models import Employee
from kinerja.org.selectors import primary_holding
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Skp
from kinerja.regulation.competences import default_competences


def _person(request: HttpRequest, uuid) -> Employee:
    """An employee whose guidance records the user may read, else 404."""
    employee = get_object_or_404(employees_visible_to(request.user), uuid=uuid)
    if not may(request.user, "execution.view_coaching", employee):
        raise Http404
    return employee


def _session(request: HttpRequest, uuid):
    session = get_object_or_404(
        coaching_session_list(coaching_sessions_visible_to(request.user)), uuid=uuid
    )
    if not may(request.user, "execution.view_coaching", session):
        raise Http404
    return session


def _answers(session) -> list[tuple[str, int]] | None:
    feedback = getattr(session, "employee_feedback", None)
    if feedback is None:
        return None
    return list(zip([str(s) for s in COACHING_FEEDBACK_STATEMENTS], feedback.answers, strict=False))


@login_required
def coaching_mine(request: HttpRequest) -> HttpResponse:
    """Bimbingan kinerja: the sessions I received and my competence evaluations; for a
    leader also the people they lead and the mean B.1.8 answers about their sessions."""
    actor = actor_for(request.user)
    employee = actor.employee
    if employee is None:
        raise Http404
    on = today()
    visible = coaching_sessions_visible_to(request.user)
    received = list(coaching_session_list(visible.filter(employee=employee)))
    held = visible.filter(coach=employee)
    team_ids = actor.assessees(on)
    team = list(
        Employee.objects.filter(pk__in=team_ids)
        .annotate(session_count=Count("coaching"))
        .order_by("name")
    )
    summary = coaching_feedback_summary(held) if team_ids or held.exists() else None
    plans = [
        (skp, [w for w in skp.period.windows.all() if w.start_date <= on])
        for skp in Skp.objects.filter(employee=employee, status=SkpStatus.APPROVED)
        .select_related("period", "position")
        .prefetch_related("period__windows")
        .order_by("-period__year", "-start_date")
    ]
    return render(
        request,
        "execution/coaching_mine.html",
        {
            "employee": employee,
            "sessions": received,
            "evaluations": list(
                competence_evaluation_list(
                    competence_evaluations_visible_to(request.user).filter(employee=employee)
                )
            ),
            "team": team,
            "summary": summary,
            "plans": plans,
        },
    )


@login_required
def coaching_person(request: HttpRequest, uuid) -> HttpResponse:
    """One employee's guidance record, as their leader, assessor's superior or HR sees it."""
    person = _person(request, uuid)
    sessions = list(
        coaching_session_list(coaching_sessions_visible_to(request.user).filter(employee=person))
    )
    return render(
        request,
        "execution/coaching_person.html",
        {
            "person": person,
            "sessions": [(s, _answers(s)) for s in sessions],
            "evaluations": list(
                competence_evaluation_list(
                    competence_evaluations_visible_to(request.user).filter(employee=person)
                )
            ),
            "attendance": (
                list(attendance_of(person))
                if may(request.user, "execution.view_attendance", person)
                else None
            ),
            "may_log": may(request.user, "execution.log_coaching", person),
            "may_evaluate": may(request.user, "execution.evaluate_competence", person),
        },
    )


@login_required
def coaching_log(request: HttpRequest, uuid) -> HttpResponse:
    person = _person(request, uuid)
    if not may(request.user, "execution.log_coaching", person):
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = coaching_session_log(employee=person, actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The guidance session is logged."))
            return redirect("execution:coaching_session", uuid=session.uuid)
    return render(request, "execution/coaching_log.html", {"person": person, "form": form})


@login_required
def coaching_session(request: HttpRequest, uuid) -> HttpResponse:
    """A session; its employee answers the B.1.8 statements here, once."""
    session = _session(request, uuid)
    answers = _answers(session)  # read with the session: no query
    may_answer = may(request.user, "execution.answer_coaching_feedback", session)
    form = SessionFeedbackForm(request.POST or None) if may_answer and answers is None else None
    if request.method == "POST":
        if not may_answer:
            raise PermissionDenied
        if form is None:
            messages.error(request, _("You have already answered the feedback on this session."))
            return redirect("execution:coaching_session", uuid=session.uuid)
        if form.is_valid():
            try:
                coaching_feedback_give(
                    session=session,
                    answers=form.answers(),
                    comment=form.cleaned_data["comment"],
                    actor=request.user,
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Thank you: your feedback is sent to %(name)s.")
                    % {"name": session.coach.full_name},
                )
                return redirect("execution:coaching_session", uuid=session.uuid)
    return render(
        request,
        "execution/coaching_session.html",
        {"session": session, "answers": answers, "form": form},
    )


@login_required
def competence_evaluate(request: HttpRequest, uuid) -> HttpResponse:
    """Evaluasi Kompetensi Pegawai (B.1.9): each competence 1–5 with a reason."""
    person = _person(request, uuid)
    if not may(request.user, "execution.evaluate_competence", person):
        raise PermissionDenied
    holding = primary_holding(person, today())
    competences = default_competences(holding.position.kind if holding else "")
    form = CompetenceForm(request.POST or None, competences=competences)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        scores = [
            ScoreInput(competence=name, score=score or 0, reason=reason)
            for name, score, reason in form.scores()
        ]
        try:
            competence_evaluation_create(
                employee=person,
                evaluated_on=form.cleaned_data["evaluated_on"],
                scores=scores,
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
            problems = error.extra.get("problems", [])
        else:
            messages.success(request, _("The competence evaluation is saved."))
            return redirect("execution:coaching_person", uuid=person.uuid)
    return render(
        request,
        "execution/competence_form.html",
        {"person": person, "form": form, "problems": problems},
    )
