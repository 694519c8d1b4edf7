"""Writes of 360° feedback rounds: open, edit raters, start, remind, answer, close.

Each function runs in one transaction and writes the activity log, except that an
answer is logged only as "one more answer in round R", without its author, subject,
group or content (see ``models``: the log's time must not name a rater).
"""

import datetime
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for
from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.core.services import log_action
from kinerja.multirater.enums import AssignmentStatus, RaterRelation, RaterSource, RoundStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round, Subject
from kinerja.multirater.proposal import Proposer
from kinerja.notifications.services import notify
from kinerja.org.models import Employee, Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import CORE_VALUE_CODES, core_value
from kinerja.regulation.multirater import MIN_GROUP, score_problems

COMMENT_MAX = 1000
OVERALL = "overall"


def _reference_date(period: AssessmentPeriod, on: datetime.date | None) -> datetime.date:
    """The org chart's date: the one given, else today, within the period."""
    return max(period.start_date, min(on or today(), period.end_date))


@transaction.atomic
def round_open(
    *,
    root_unit: Unit,
    period: AssessmentPeriod,
    actor: Any = None,
    min_group: int = MIN_GROUP,
    deadline: datetime.date | None = None,
    include_self: bool = True,
    on: datetime.date | None = None,
    draft: bool = False,
) -> Round:
    """Create a round over ``root_unit``'s subtree with raters proposed from the org
    chart on ``on`` (default today, within the period). Open at once and tell the raters,
    or keep it as a draft for HR to review the raters first (``draft``)."""
    if root_unit.agency_id != period.agency_id:
        raise ApplicationError(_("The unit and the period belong to different agencies."))
    if min_group < MIN_GROUP:
        raise ApplicationError(
            _("The threshold cannot be below %(min)d answers per group.") % {"min": MIN_GROUP}
        )
    reference = _reference_date(period, on)
    if deadline is not None and deadline < today():
        raise ApplicationError(_("The deadline for answers cannot be in the past."))
    round_ = Round(
        agency_id=period.agency_id,
        root_unit=root_unit,
        period=period,
        reference_date=reference,
        deadline=deadline,
        min_group=min_group,
        include_self=include_self,
        opened_by=actor if getattr(actor, "is_authenticated", False) else None,
        status=RoundStatus.DRAFT,
    )
    round_.full_clean()
    round_.save()
    proposals = Proposer(
        root=root_unit, on=reference, seed=str(round_.uuid), include_self=include_self
    ).propose()
    if not proposals:
        raise ApplicationError(
            _("Nobody holds a post in %(unit)s on %(date)s.")
            % {"unit": root_unit.name, "date": reference.isoformat()}
        )
    subjects = Subject.objects.bulk_create(
        [
            Subject(round=round_, employee=p.employee, position=p.position, notes=p.notes)
            for p in proposals
        ]
    )
    RaterAssignment.objects.bulk_create(
        [
            RaterAssignment(subject=subject, rater_id=rater_id, relation=relation)
            for subject, proposal in zip(subjects, proposals, strict=True)
            for rater_id, relation in proposal.raters
        ]
    )
    log_action(
        actor=actor,
        action="multirater.round_open",
        obj=round_,
        after={
            "unit": root_unit.name,
            "period": str(period),
            "reference_date": reference.isoformat(),
            "min_group": min_group,
            "subjects": len(subjects),
        },
    )
    if not draft:
        _start(round_, actor)
    return round_


def _start(round_: Round, actor: Any, *, tell_raters: bool = True, reason: str = "") -> None:
    round_.status = RoundStatus.OPEN
    round_.opened_at = now()
    round_.save(update_fields=["status", "opened_at", "updated_at"])
    log_action(
        actor=actor,
        action="multirater.round_start",
        obj=round_,
        before={"status": RoundStatus.DRAFT},
        after={"status": RoundStatus.OPEN},
        reason=reason,
    )
    if tell_raters:
        _notify_raters(round_, reminder=False)


def _lock(round_: Round) -> Round:
    return Round.objects.select_for_update().select_related("root_unit").get(pk=round_.pk)


@transaction.atomic
def round_start(
    *, round: Round, actor: Any = None, tell_raters: bool = True, reason: str = ""
) -> Round:
    """Open a draft round for answers and tell its raters (the demo, which invites
    nobody, passes ``tell_raters=False``)."""
    locked = _lock(round)
    if locked.status != RoundStatus.DRAFT:
        raise ApplicationError(_("Only a draft round can be opened for answers."))
    _start(locked, actor, tell_raters=tell_raters, reason=reason)
    return locked


@transaction.atomic
def round_close(*, round: Round, actor: Any = None, reason: str = "") -> Round:
    """Close a round: no more answers or rater changes; the aggregates become visible."""
    locked = _lock(round)
    if locked.status == RoundStatus.CLOSED:
        raise ApplicationError(_("The round is already closed."))
    before = locked.status
    locked.status = RoundStatus.CLOSED
    locked.closed_at = now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    log_action(
        actor=actor,
        action="multirater.round_close",
        obj=locked,
        before={"status": before},
        after={"status": RoundStatus.CLOSED},
        reason=reason,
    )
    return locked


@transaction.atomic
def round_remind(*, round: Round, actor: Any = None) -> int:
    """Remind every rater who still has forms to fill in; returns how many were told."""
    if round.status != RoundStatus.OPEN:
        raise ApplicationError(_("Reminders go out only while the round is open."))
    count = _notify_raters(round, reminder=True)
    log_action(
        actor=actor, action="multirater.round_remind", obj=round, after={"raters_reminded": count}
    )
    return count


def _notify_raters(round_: Round, *, reminder: bool) -> int:
    """One message per rater with pending forms, in-app and by email. It names the round
    and how many forms wait, never who answered or what."""
    pending = Counter(
        RaterAssignment.objects.filter(
            subject__round=round_, status=AssignmentStatus.PENDING
        ).values_list("rater_id", flat=True)
    )
    raters = Employee.objects.filter(pk__in=pending, user__isnull=False).select_related("user")
    link = reverse("multirater:my_tasks")
    told = 0
    for rater in raters:
        with translation.override(getattr(rater.user, "language", None) or "id"):
            values = {"count": pending[rater.pk], "unit": round_.root_unit.name}
            if reminder:
                title = _("Reminder: %(count)d 360° feedback forms are waiting") % values
            else:
                title = _("You are asked for 360° feedback (%(count)d forms)") % values
            body = (
                _(
                    "Round %(unit)s: please rate your colleagues on the seven BerAKHLAK values. "
                    "Peer and subordinate answers are shown only as anonymous group figures."
                )
                % values
            )
            if round_.deadline:
                body += " " + _("Answers are due on %(date)s.") % {
                    "date": round_.deadline.isoformat()
                }
        notify(recipient=rater.user, title=title, body=body, link=link, email=True)
        told += 1
    return told


def _editable(round_: Round) -> None:
    if round_.status == RoundStatus.CLOSED:
        raise ApplicationError(_("The round is closed; its raters can no longer change."))


@transaction.atomic
def rater_add(
    *, subject: Subject, rater: Employee, relation: str, actor: Any = None
) -> RaterAssignment:
    """Ask one more person to rate ``subject`` (HR, before or while the round is open)."""
    _editable(_lock(subject.round))
    if relation not in RaterRelation.values:
        raise ApplicationError(_("Choose the rater group."))
    if relation == RaterRelation.SELF and rater.pk != subject.employee_id:
        raise ApplicationError(_("Only the employee can give the self-assessment."))
    if relation != RaterRelation.SELF and rater.pk == subject.employee_id:
        raise ApplicationError(_("The employee rates themself only as the self-assessment."))
    if not rater.is_active or rater.agency_id != subject.round.agency_id:
        raise ApplicationError(_("The rater must be an active employee of the same agency."))
    if RaterAssignment.objects.filter(subject=subject, rater=rater).exists():
        raise ApplicationError(_("This person is already a rater of this employee."))
    assignment = RaterAssignment(
        subject=subject, rater=rater, relation=relation, source=RaterSource.MANUAL
    )
    assignment.full_clean()
    assignment.save()
    log_action(
        actor=actor,
        action="multirater.rater_add",
        obj=subject.round,
        subject_employee_id=subject.employee_id,
        after={"rater": rater.nip, "relation": relation},
    )
    if subject.round.status == RoundStatus.OPEN and rater.user_id:
        notify(
            recipient=rater.user,
            title=_("You are asked for 360° feedback (%(count)d forms)") % {"count": 1},
            link=reverse("multirater:my_tasks"),
            email=True,
        )
    return assignment


@transaction.atomic
def rater_remove(*, assignment: RaterAssignment, actor: Any = None, reason: str = "") -> None:
    """Withdraw a request for feedback that has not been answered yet."""
    subject = assignment.subject
    _editable(_lock(subject.round))
    locked = RaterAssignment.objects.select_for_update().get(pk=assignment.pk)
    if locked.status == AssignmentStatus.ANSWERED:
        raise ApplicationError(
            _("This rater has answered; an anonymous answer cannot be taken back.")
        )
    log_action(
        actor=actor,
        action="multirater.rater_remove",
        obj=subject.round,
        subject_employee_id=subject.employee_id,
        before={"rater": assignment.rater.nip, "relation": locked.relation},
        reason=reason,
    )
    locked.delete()


def _clean_comments(comments: dict[str, str] | None) -> dict[str, str]:
    cleaned = {}
    for key, given in (comments or {}).items():
        if key not in CORE_VALUE_CODES and key != OVERALL:
            raise ApplicationError(_("Comments can be given per value or overall only."))
        text = (given or "").strip()
        if len(text) > COMMENT_MAX:
            raise ApplicationError(
                _("A comment can have at most %(max)d characters.") % {"max": COMMENT_MAX}
            )
        if any(ord(c) < 32 and c not in "\n\r\t" for c in text):
            raise ApplicationError(_("A comment cannot contain control characters."))
        if text:
            cleaned[key] = text
    return cleaned


def _score_errors(scores: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for problem in score_problems(scores):
        kind, code = problem.split(":", 1)
        if kind == "unknown":
            errors.setdefault("__all__", []).append(
                _("%(code)s is not a BerAKHLAK value.") % {"code": code}
            )
            continue
        name = core_value(code).name
        if kind == "missing":
            message = _("Give a score for %(value)s.") % {"value": name}
        else:
            message = _("The score for %(value)s must be a whole number from 1 to 5.") % {
                "value": name
            }
        errors.setdefault(code, []).append(message)
    return errors


@transaction.atomic
def answer_submit(
    *,
    assignment: RaterAssignment,
    scores: dict[str, Any],
    comments: dict[str, str] | None = None,
    actor: Any,
) -> None:
    """Record one rater's answer: only the assigned rater, once, all seven values scored.

    The answer is stored without the rater (see ``models``); the assignment is only
    marked answered. Returns nothing, so no caller holds the link either.
    """
    employee = actor_for(actor).employee if actor is not None else None
    if employee is None or employee.pk != assignment.rater_id:
        raise ApplicationError(_("Only the person asked can answer this form."))
    locked = (
        RaterAssignment.objects.select_for_update()
        .select_related("subject__round")
        .get(pk=assignment.pk)
    )
    round_ = locked.subject.round
    if round_.status != RoundStatus.OPEN:
        raise ApplicationError(_("This round is not open for answers."))
    if locked.status == AssignmentStatus.ANSWERED:
        raise ApplicationError(_("You have already answered this form; it cannot be changed."))
    errors = _score_errors(scores)
    if errors:
        raise ValidationError(errors)
    cleaned = _clean_comments(comments)
    Answer.objects.create(
        subject_id=locked.subject_id,
        relation=locked.relation,
        scores={code: int(scores[code]) for code in CORE_VALUE_CODES},
        comments=cleaned,
    )
    # A queryset update touches neither ``updated_at`` nor anything else that would
    # record when this rater answered.
    marked = RaterAssignment.objects.filter(pk=locked.pk, status=AssignmentStatus.PENDING).update(
        status=AssignmentStatus.ANSWERED
    )
    if marked != 1:
        raise ApplicationError(_("You have already answered this form; it cannot be changed."))
    log_action(
        actor=None,
        action="multirater.answer_received",
        obj=round_,
        after={"answers": Answer.objects.filter(subject__round=round_).count()},
    )


def rounds_remind_due(*, on: datetime.date | None = None, days: tuple[int, ...] = (7, 1)) -> int:
    """Remind the raters of every open round whose answers are due in one of ``days``
    days; a round reminded already that day (by HR or an earlier run) is skipped, so the
    daily job may run more often. Returns how many rounds were reminded."""
    on = on or today()
    due = [on + datetime.timedelta(days=d) for d in days]
    reminded = 0
    rounds = Round.objects.filter(status=RoundStatus.OPEN, deadline__in=due).select_related(
        "root_unit"
    )
    for round_ in rounds:
        already = ActivityLog.objects.filter(
            action="multirater.round_remind", object_uuid=round_.uuid, occurred_at__date=on
        ).exists()
        if not already:
            round_remind(round=round_, actor=None)
            reminded += 1
    return reminded
