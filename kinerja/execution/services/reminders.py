"""Deadline reminders: in the app and by email, each sent once.

* **Plans** — N days before the period's planning deadline (``planning_deadline``), every
  employee holding a post in the agency whose SKP in force is missing, a draft or
  returned gets a reminder (a submitted SKP waits for the assessor, who was told when it
  was submitted).
* **Reports** — N days before a reporting window's deadline (``report_deadline``; by
  default 7 and 1), every employee with an approved SKP in force during the window whose
  report for it is not submitted gets a reminder.
* **Assessment** — N days before the period's annual assessment deadline
  (``assessment_deadline``), every assessor with assessees whose annual evaluation is not
  final gets one digest listing them. The assessor is the one on the evaluation, else the
  one who approved the SKP.

Runs daily (``manage.py send_reminders``, or the Celery beat entry). A missed day does
not lose a reminder: a reminder is due when the deadline is at most N days away, and only
the most urgent one due is sent; ``notifications.ReminderLog`` keeps a reminder from
reaching the same person twice, however often the job runs.
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import BigIntegerField, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinerja.core.clock import today
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport
from kinerja.execution.services.finality import FINAL
from kinerja.notifications.models import ReminderLog
from kinerja.notifications.services import notify
from kinerja.org.models import Assignment, Employee
from kinerja.org.selectors import active_on
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod, ReportingWindow, Skp

DEFAULT_DAYS = (7, 1)
DIGEST_NAMES = 15  # names listed in an assessor's digest; the count says the rest


@dataclass
class ReminderRun:
    """What one run sent: reminders per kind, and those skipped as already sent."""

    plans: int = 0
    reports: int = 0
    assessments: int = 0
    already_sent: int = 0
    keys: list[str] = field(default_factory=list)


def reminder_days(days: Iterable[int] | None = None) -> tuple[int, ...]:
    """The configured days before a deadline, largest first (``REMINDER_DAYS``)."""
    chosen = days if days is not None else getattr(settings, "REMINDER_DAYS", DEFAULT_DAYS)
    cleaned = sorted({int(d) for d in chosen if int(d) >= 0}, reverse=True)
    return tuple(cleaned) or DEFAULT_DAYS


def due_threshold(deadline: datetime.date, on: datetime.date, days: tuple[int, ...]) -> int | None:
    """The most urgent reminder due on ``on``: the smallest N with the deadline at most N
    days away (None before the first one, and after the deadline)."""
    remaining = (deadline - on).days
    if remaining < 0:
        return None
    due = [d for d in days if remaining <= d]
    return min(due) if due else None


def _link(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def _sent_before(key: str) -> set[int]:
    """Who already has reminder ``key``: one query, so a repeated run costs no query per
    person (``_deliver`` still guards each send against a concurrent run)."""
    return set(ReminderLog.objects.filter(key=key).values_list("recipient_id", flat=True))


def _deliver(
    *, user, key: str, title: str, body: str, link: str, run: ReminderRun, sent: set[int]
) -> bool:
    """Send one reminder unless it was sent before; True when sent."""
    if user.pk in sent:
        run.already_sent += 1
        return False
    _log, created = ReminderLog.objects.get_or_create(recipient=user, key=key)
    if not created:
        run.already_sent += 1
        return False
    notify(recipient=user, title=title, body=body, link=link, email=True)
    return True


Message = tuple[Any, str, str]  # (user, title, body)


def _send_due(
    *,
    run: ReminderRun,
    on: datetime.date,
    days: tuple[int, ...],
    deadlines: QuerySet,
    field: str,
    kind: str,
    link_name: str,
    messages: Callable[[Any], Iterable[Message]],
) -> int:
    """One kind of reminder: for each object whose deadline (``field``) is close enough
    on ``on``, the messages ``messages`` gives, each sent once per person and threshold
    (the key names the kind, the object and the threshold). Returns how many were sent."""
    horizon = on + datetime.timedelta(days=max(days))
    link = _link(link_name)
    sent_now = 0
    for obj in deadlines.filter(**{f"{field}__gte": on, f"{field}__lte": horizon}):
        threshold = due_threshold(getattr(obj, field), on, days)
        if threshold is None:
            continue
        key = f"{kind}:{obj.uuid}:{threshold}"
        run.keys.append(key)
        sent = _sent_before(key)
        with transaction.atomic():
            for user, title, body in messages(obj):
                sent_now += _deliver(
                    user=user, key=key, title=title, body=body, link=link, run=run, sent=sent
                )
    return sent_now


# --- plans -----------------------------------------------------------------------------


def unplanned_employees(period: AssessmentPeriod, on: datetime.date) -> QuerySet[Employee]:
    """Active employees with a login who hold a post in the period's agency on ``on``
    (clamped to the period) and have no submitted or approved SKP in force that day."""
    day = max(period.start_date, min(on, period.end_date))
    planned = Skp.objects.filter(
        employee=OuterRef("pk"),
        period=period,
        status__in=[SkpStatus.SUBMITTED, SkpStatus.APPROVED],
        start_date__lte=day,
        end_date__gte=day,
    )
    holds_post = Assignment.objects.filter(active_on(day), employee=OuterRef("pk"))
    return (
        Employee.objects.filter(
            agency_id=period.agency_id,
            is_active=True,
            user__isnull=False,
            user__is_active=True,
        )
        .filter(Exists(holds_post))
        .exclude(Exists(planned))
        .select_related("user")
        .order_by("pk")
    )


def _plan_messages(period: AssessmentPeriod, on: datetime.date) -> Iterable[Message]:
    with translation.override(settings.LANGUAGE_CODE):
        words = {"year": period.year, "date": date_format(period.planning_deadline, "j F Y")}
        title = _("Reminder: your SKP for %(year)s is due on %(date)s") % words
        body = (
            _(
                "Your performance plan (SKP) for %(year)s has not been submitted to your "
                "assessor yet. Please complete and submit it by %(date)s."
            )
            % words
        )
    return ((employee.user, title, body) for employee in unplanned_employees(period, on))


def planning_reminders_send(
    *, on: datetime.date | None = None, days: Iterable[int] | None = None, run=None
) -> ReminderRun:
    on = on or today()
    run = run or ReminderRun()
    run.plans += _send_due(
        run=run,
        on=on,
        days=reminder_days(days),
        deadlines=AssessmentPeriod.objects.all(),
        field="planning_deadline",
        kind="planning",
        link_name="planning:my_skp",
        messages=lambda period: _plan_messages(period, on),
    )
    return run


# --- reports ---------------------------------------------------------------------------


def unreported_skps(window: ReportingWindow) -> QuerySet[Skp]:
    """Approved SKPs in force during the window, of active employees with a login, whose
    report for the window is not submitted."""
    submitted = PeriodReport.objects.filter(
        skp=OuterRef("pk"), window=window, status=ReportStatus.SUBMITTED
    )
    return (
        Skp.objects.filter(
            period_id=window.period_id,
            status=SkpStatus.APPROVED,
            start_date__lte=window.end_date,
            end_date__gte=window.start_date,
            employee__is_active=True,
            employee__user__isnull=False,
            employee__user__is_active=True,
        )
        .exclude(Exists(submitted))
        .select_related("employee__user")
        .order_by("employee_id", "pk")
    )


def _report_messages(window: ReportingWindow) -> Iterable[Message]:
    # The same words for everyone reminded about this window.
    with translation.override(settings.LANGUAGE_CODE):
        words = {"window": window.label, "date": date_format(window.report_deadline, "j F Y")}
        title = _("Reminder: your report for %(window)s is due on %(date)s") % words
        body = (
            _(
                "Your performance report (realisations and evidence) for %(window)s "
                "has not been submitted yet. Please submit it to your assessor by "
                "%(date)s."
            )
            % words
        )
    # Two SKPs in one window (a job change) still make one reminder per person.
    users = {skp.employee.user.pk: skp.employee.user for skp in unreported_skps(window)}
    return ((user, title, body) for user in users.values())


def report_reminders_send(
    *, on: datetime.date | None = None, days: Iterable[int] | None = None, run=None
) -> ReminderRun:
    run = run or ReminderRun()
    run.reports += _send_due(
        run=run,
        on=on or today(),
        days=reminder_days(days),
        deadlines=ReportingWindow.objects.select_related("period"),
        field="report_deadline",
        kind="report",
        link_name="execution:my_reports",
        messages=_report_messages,
    )
    return run


# --- assessment ------------------------------------------------------------------------


def _evaluation_model():
    """The evaluation model, reached through the SKP's relation: appraisal sits above
    execution in the layers, so it is not imported here."""
    return Skp._meta.get_field("evaluations").related_model


def unrated_skps(period: AssessmentPeriod) -> QuerySet[Skp]:
    """Approved SKPs of the period whose annual evaluation is missing or not final, each
    with ``assessor_id``: on the evaluation if there is one, else the SKP's approver."""
    evaluation = _evaluation_model()
    annual = evaluation.objects.filter(skp=OuterRef("pk"), window__isnull=True)
    return (
        Skp.objects.filter(period=period, status=SkpStatus.APPROVED, employee__is_active=True)
        .exclude(Exists(annual.filter(status=FINAL)))
        .annotate(
            assessor_id=Coalesce(
                Subquery(annual.values("assessor_id")[:1]),
                "approved_by_id",
                output_field=BigIntegerField(),
            )
        )
        .filter(assessor_id__isnull=False)
        .select_related("employee")
        .order_by("employee__name", "pk")
    )


def _assessment_messages(period: AssessmentPeriod) -> Iterable[Message]:
    """One digest per assessor, listing the people whose annual result is not final."""
    waiting: dict[int, list[str]] = defaultdict(list)
    for skp in unrated_skps(period):
        waiting[skp.assessor_id].append(skp.employee.full_name)
    assessors = Employee.objects.filter(
        pk__in=waiting, is_active=True, user__isnull=False, user__is_active=True
    ).select_related("user")
    digests: list[Message] = []
    with translation.override(settings.LANGUAGE_CODE):
        due = date_format(period.assessment_deadline, "j F Y")
        for assessor in assessors:
            names = sorted(set(waiting[assessor.pk]))
            title = ngettext(
                "Reminder: %(count)d annual evaluation to finish by %(date)s",
                "Reminder: %(count)d annual evaluations to finish by %(date)s",
                len(names),
            ) % {"count": len(names), "date": due}
            listed = "\n".join(f"- {name}" for name in names[:DIGEST_NAMES])
            more = len(names) - DIGEST_NAMES
            if more > 0:
                listed += "\n" + _("… and %(count)d more.") % {"count": more}
            body = (
                _(
                    "The annual evaluation of these people for %(year)s is not final "
                    "yet. Please rate and finalise it by %(date)s:"
                )
                % {"year": period.year, "date": due}
                + "\n"
                + listed
            )
            digests.append((assessor.user, title, body))
    return digests


def assessment_reminders_send(
    *, on: datetime.date | None = None, days: Iterable[int] | None = None, run=None
) -> ReminderRun:
    run = run or ReminderRun()
    run.assessments += _send_due(
        run=run,
        on=on or today(),
        days=reminder_days(days),
        deadlines=AssessmentPeriod.objects.all(),
        field="assessment_deadline",
        kind="assessment",
        link_name="appraisal:queue",
        messages=_assessment_messages,
    )
    return run


def reminders_send(
    *, on: datetime.date | None = None, days: Iterable[int] | None = None
) -> ReminderRun:
    """Every reminder due on ``on`` (today), each to each person once."""
    run = ReminderRun()
    planning_reminders_send(on=on, days=days, run=run)
    report_reminders_send(on=on, days=days, run=run)
    assessment_reminders_send(on=on, days=days, run=run)
    return run
